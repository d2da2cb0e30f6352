"""The one exercise-name matcher of the app: the plan parser, the import review's search,
the plan builder's search and the workout swap all use it.

Pure Python (no ORM): the catalogue is passed in as `CatalogEntry`s. The ORM side is
`equipment.selectors.search_exercises`.

API:
- `search(query, catalog, limit=10) -> list[(CatalogEntry, score)]`: ranked results for
  a search box (score 0-100, best first; names containing every typed word first).
- `matcher_for(catalog) -> Matcher` (cached per catalogue); `Matcher.match(name) ->
  (entry | None, score, alternatives)` is what the parser uses: 100 = an exact name or
  alias, lower = a guess.
- `normalise_name(text) -> str`: the canonical form names are compared in.

How a name is read:
1. Lower case, accents off (any script is kept: Cyrillic names work), punctuation out.
2. Phrases and words from the vocabulary files (plans/data/plan_vocabulary.json for
   English abbreviations and aliases, plans/data/vocabulary/<lang>.json for other
   languages; wger.json, names from wger's exercise data, read last and found only as
   written) are rewritten to English ("dl" -> "deadlift", "sentadilla" -> "squat",
   "hammer strength" -> "machine"), plurals made singular; words that say nothing about
   which exercise ("each leg", "warm-up") go, and so do names of what the catalogue has
   no exercise for (their files' "no_exercise": "rowing machine"). A name offering two
   positions ("seated/standing") asks for neither. A whole name a file lists as "unsure"
   (Russian "разведение гантелей": flyes or lateral raises) is read as its usual
   exercise, never as sure as an exact name.
3. A word the catalogue does not know is corrected to the closest word it knows when
   they are close ("dumbell" -> "dumbbell", "pulldwn" -> "pulldown"), has two letters
   swapped ("cabel"), or is split into two it knows ("deadbug" -> "dead bug"); a
   Russian or Ukrainian word the vocabulary
   does not know, to the closest word the vocabulary has ("подборотку"). Either is
   then less sure than an exact name.
4. The name is looked up among aliases and catalogue names (word order free; the answer
   for each of these is worked out when the matcher is built), then scored against the
   names sharing most words with it: implement words decide (a dumbbell query never
   lands on a barbell exercise, nor on an alias whose exercise names another implement),
   and a name with words the candidate lacks ("Larsen press" vs "press") scores low, so
   the parser marks it `low`; one holding a whole name of two words or more ("overhead
   press in squat rack") is a weak guess. Russian and Ukrainian words are compared by
   their stem (endings change with case and number).
"""

from __future__ import annotations

import json
import re
import unicodedata
from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass, field, replace
from functools import lru_cache
from itertools import chain
from operator import itemgetter
from pathlib import Path
from typing import NamedTuple

from rapidfuzz import fuzz, process

DATA = Path(__file__).parent / "data"
_VOCABULARY_FILE = DATA / "plan_vocabulary.json"
_LANGUAGE_DIR = DATA / "vocabulary"
# Vocabulary built from third-party data (scripts/build_wger_aliases.py writes wger.json
# from wger's exercise translations): read after every file written for the project, so
# those win on any name. The build script empties this to see the vocabulary without it.
LOWEST_PRIORITY_FILES: tuple[Path, ...] = (_LANGUAGE_DIR / "wger.json",)
_THIRD_PARTY_NAMES = frozenset({"wger.json"})

STRONG_SCORE = 90
WEAK_SCORE = 70
ALTERNATIVE_SCORE = 60
TYPO_SCORE = 85  # how close (rapidfuzz ratio) an unknown word must be to a known one
MAX_CANDIDATES = 15
UNKNOWN_WORD_CAP = 72  # a name with a word the candidate lacks: at most a weak guess
IMPLEMENT_UNSAID_SCORE = 86  # an implement the candidate's name does not say: below STRONG_SCORE (low)
EZ_AS_BARBELL_SCORE = UNKNOWN_WORD_CAP + 1  # an EZ-bar name read as the barbell exercise: a weak guess


class CatalogEntry(NamedTuple):
    """A catalogue exercise as the matcher sees it. A named tuple, not a dataclass: the
    catalogue (a tuple of ~800 entries) is hashed to find its matcher on every parse, and
    a tuple of tuples hashes in C (a dataclass's hash is a Python call per entry)."""

    id: str
    name: str


# --- vocabulary ----------------------------------------------------------------------

@dataclass(frozen=True)
class Vocabulary:
    phrases: dict[tuple[str, ...], str]  # normalised words -> English replacement
    longest: int  # the longest phrase, in words
    # normalised alias -> the catalogue names it may mean, the first the catalogue has wins
    # ("swing": the two-handed Kettlebell Swing, else the one-arm swing)
    aliases: dict[str, tuple[str, ...]]
    filler: frozenset[str]  # words that say nothing about which exercise ("heavy")
    plan_words: dict[str, list[str]]  # e.g. "day" -> ["day", "dia", "tag", "день"]
    translate: dict[str, str] = None  # plan words in other languages -> English ("series" -> "sets")
    ambiguous: frozenset[str] = frozenset()  # aliases naming one of several ("curl"): not sure
    # Whole names, as written in another language, whose translation names one of several
    # exercises (Russian "разведение гантелей": dumbbell flyes lying, lateral raises
    # standing): read as their usual one, never sure. Folded and stemmed words.
    unsure: frozenset[tuple[str, ...]] = frozenset()
    # Names that alone are no exercise ("walk", "rowing": cardio), though inside a longer
    # name they are part of one ("walking lunge", "rowing machine" aside).
    nothing_alone: frozenset[str] = frozenset()
    # Aliases only a third-party file has (wger.json): found as written (in any word
    # order), never candidates of a guess nor words a typo is corrected to, so they change
    # the answer for no other name ("stage" is no typo of German "Stange").
    exact_only: frozenset[str] = frozenset()
    starts: dict[str, int] = None  # first word of a phrase of 2+ words -> its longest such phrase
    # The Russian and Ukrainian (stemmed) words of the phrases, in order: a word of those
    # scripts the vocabulary lacks may be a typo of one of them (`respelled_name`).
    cyrillic: tuple[str, ...] = ()
    cyrillic_known: frozenset[str] = frozenset()
    # A folded word -> (its stem, what it becomes alone: its words, singular), filled as
    # words are met; None for a stem a phrase of 2+ words starts with (looked at in context).
    # Emptied with the matcher's caches (`Matcher.clear_caches`).
    words: dict[str, tuple[str, tuple[str, ...] | None]] = field(default_factory=dict, compare=False, repr=False)
    # The Chinese keys (no spaces: one word each) a run of Chinese characters is cut into
    # (`segment_cjk`), and the longest starting with each character; and the words counted
    # after a number ("组": "sets"), which the parser reads only there ("3组", not "组合").
    cjk_words: frozenset[str] = frozenset()
    cjk_starts: dict[str, int] = field(default_factory=dict)
    counters: dict[str, str] = field(default_factory=dict)

    def longest_from(self, word: str) -> int:
        """How many words a phrase starting with `word` may have (1: only the word)."""
        return self.starts.get(word, 1) if self.starts is not None else self.longest


class _CombiningMarks(dict):
    """A `str.translate` table deleting combining marks: filled in per character met, so
    the work per character is a lookup in C, not a Python call."""

    def __missing__(self, code: int):
        value = None if unicodedata.combining(chr(code)) else code
        self[code] = value
        return value


_MARKS = _CombiningMarks()


def strip_accents(text: str) -> str:
    """"Día" -> "Dia", "й" -> "и" (NFKD, combining marks off); ASCII is returned as is."""
    if text.isascii():
        return text
    return unicodedata.normalize("NFKD", text).translate(_MARKS)


def _fold(text: str) -> str:
    """Lower case, accents removed (any script kept), punctuation to spaces."""
    text = strip_accents(text.lower().replace("'", "").replace("’", ""))
    return _PUNCTUATION.sub(" ", text).strip()


_PUNCTUATION = re.compile(r"[\W_]+")


@lru_cache(maxsize=1)
def vocabulary() -> Vocabulary:
    files = [_VOCABULARY_FILE, *sorted(p for p in _LANGUAGE_DIR.glob("*.json") if p.name not in _THIRD_PARTY_NAMES),
             *(p for p in LOWEST_PRIORITY_FILES if p.exists())]
    phrases: dict[tuple[str, ...], str] = {}
    aliases: dict[str, tuple[str, ...]] = {}
    filler: set[str] = set()
    ambiguous: set[str] = set()
    unsure: set[tuple[str, ...]] = set()
    nothing_alone: set[str] = set()
    plan_words: dict[str, list[str]] = {}
    raw_aliases: dict[str, tuple[str, ...]] = {}
    lowest: set[str] = set()  # the aliases only a third-party file has
    translate: dict[str, str] = {}
    counters: dict[str, str] = {}
    for path in files:
        data = _with_traditional(json.loads(path.read_text(encoding="utf-8")))
        for key in ("abbreviations", "words", "phrases"):
            for source, target in data.get(key, {}).items():
                words = tuple(_stem(w) for w in _fold(source).split())
                if words and words not in phrases:  # (the first file's wins: fold only its target)
                    phrases[words] = _fold(target)
        # What the catalogue has no exercise for (a rowing machine, a jump rope) is read as
        # no name, so it never lands on a lookalike (the machine row, Rocket Jump).
        for source in data.get("no_exercise", []):
            words = tuple(_stem(w) for w in _fold(source).split())
            if words:
                phrases.setdefault(words, "")
        for source, target in data.get("aliases", {}).items():
            # English (the first file) wins; a list names the exercises it may mean, in order
            if source not in raw_aliases and path in LOWEST_PRIORITY_FILES:
                lowest.add(source)
            raw_aliases.setdefault(source, (target,) if isinstance(target, str) else tuple(target))
        translate.update({k.lower(): v for k, v in data.get("translate", {}).items()})
        counters.update(data.get("counters", {}))
        filler.update(_fold(w) for w in data.get("filler", []))
        ambiguous.update(data.get("ambiguous", []))
        unsure.update(tuple(_stem(w) for w in _fold(name).split()) for name in data.get("unsure", []))
        nothing_alone.update(data.get("no_exercise_alone", []))
        for kind, words in data.get("plan_words", {}).items():
            plan_words.setdefault(kind, []).extend(_fold(w) for w in words)
    starts: dict[str, int] = {}
    for words in phrases:
        if len(words) > 1:
            starts[words[0]] = max(starts.get(words[0], 1), len(words))
    vocab = Vocabulary(phrases=phrases, longest=max((len(p) for p in phrases), default=1),
                       aliases={}, filler=frozenset(filler), plan_words=plan_words, starts=starts)
    # A replacement is written the way people write it ("ez bar skullcrusher"); catalogue
    # names are compared in their normalised form ("ez bar skull crusher"): the
    # replacement gets that form too, or it would never meet the name it means.
    # (Each replacement once: the phrases share a few hundred of them.)
    targets = {target: _normalise(target, vocab) for target in dict.fromkeys(phrases.values())}
    phrases = {words: targets[target] for words, target in phrases.items()}
    vocab = replace(vocab, phrases=phrases)
    taken: set[str] = set()  # the project's alias names, words sorted (looked up in any order)
    exact_only: set[str] = set()
    for source, target in raw_aliases.items():
        key = _normalise(source, vocab)
        if source in lowest:
            if key in aliases or _sorted_words(key) in taken:
                continue  # a third-party name never overrides the project's vocabulary
            exact_only.add(key)
        else:
            taken.add(_sorted_words(key))
        aliases.setdefault(key, target)  # the first file's (English) meaning wins
    cyrillic = sorted({w for words in phrases for w in words if _CYRILLIC.match(w)})
    cjk = frozenset(words[0] for words in phrases if len(words) == 1 and _CJK.search(words[0]))
    cjk_starts: dict[str, int] = {}
    for word in cjk:
        cjk_starts[word[0]] = max(cjk_starts.get(word[0], 0), len(word))
    return Vocabulary(phrases=phrases, longest=vocab.longest, aliases=aliases,
                      filler=vocab.filler, plan_words=plan_words, translate=translate,
                      ambiguous=frozenset(chain.from_iterable(
                          (n, _sorted_words(n)) for n in (_normalise(a, vocab) for a in ambiguous))),
                      starts=starts,
                      unsure=frozenset(unsure),
                      nothing_alone=frozenset(_normalise(n, vocab) for n in nothing_alone),
                      exact_only=frozenset(exact_only),
                      cyrillic=tuple(cyrillic), cyrillic_known=frozenset(cyrillic),
                      cjk_words=cjk, cjk_starts=cjk_starts, counters=counters)


# --- Chinese -------------------------------------------------------------------------
# Chinese writes no spaces between words: "杠铃平板卧推" is one "word" to a split on
# spaces. A run of Chinese characters is cut into the vocabulary's Chinese words first.

_CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_CJK_RUN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")


def has_cjk(text: str) -> bool:
    """Whether `text` holds a Chinese character (ASCII text: one C call)."""
    return not text.isascii() and _CJK.search(text) is not None


def segment_cjk(text: str, vocab: Vocabulary, apart: bool = False) -> str:
    """Each run of Chinese characters cut into the vocabulary's Chinese words, the longest
    that fits first, spaces between them ("杠铃平板卧推" -> " 杠铃 平板 卧推 "). Characters
    no word starts with stay together as they are ("匀速跑"), or with `apart` each is a
    word of its own ("匀 速 跑": a plan line's words are counted, and a Chinese sentence
    is long in characters, not in spaces)."""
    return _CJK_RUN.sub(lambda m: " " + " ".join(_cut(m[0], vocab, apart)) + " ", text)


def _cut(run: str, vocab: Vocabulary, apart: bool) -> list[str]:
    out: list[str] = []
    unknown = ""
    words, longest_from = vocab.cjk_words, vocab.cjk_starts
    i = 0
    while i < len(run):
        size = min(longest_from.get(run[i], 0), len(run) - i)  # (most characters start no word: 0)
        while size and run[i:i + size] not in words:
            size -= 1
        if size:
            if unknown:
                out.append(unknown)
                unknown = ""
            out.append(run[i:i + size])
            i += size
        elif apart:
            out.append(run[i])
            i += 1
        else:
            unknown += run[i]
            i += 1
    if unknown:
        out.append(unknown)
    return out


def _with_traditional(data: dict) -> dict:
    """A vocabulary file with a 'traditional' table (simplified -> traditional character):
    each key also written in traditional characters ("杠铃" and "槓鈴")."""
    if not data.get("traditional"):
        return data
    table = str.maketrans(data["traditional"])
    data = dict(data)
    for kind in ("words", "phrases", "translate", "counters"):
        entries = data.get(kind, {})
        data[kind] = {**entries, **{k.translate(table): v for k, v in entries.items()}}
    if "no_exercise" in data:
        data["no_exercise"] = sorted({w.translate(table) for w in data["no_exercise"]} | set(data["no_exercise"]))
    data["plan_words"] = {kind: list(dict.fromkeys([*words, *(w.translate(table) for w in words)]))
                          for kind, words in data.get("plan_words", {}).items()}
    return data


# Russian and Ukrainian words change their endings with case and number ("приседание",
# "приседания", "приседаний"; "штанга", "штангой"): vocabulary and names are compared by
# their stem, the word with a common ending off (longest first; at least 3 letters kept).
_SLAVIC_ENDINGS = tuple(sorted(
    "иями ями ами ием ией иях ях ах ого его ому ему ыми ими ого ой ей ий ый ая яя ое ее ие ые ую юю ом ем ам ям "
    "ов ев ия ья ье ию ью ии ею ою ів їв ій ої ії ів а я о е ы и у ю ь й і ї є".split(), key=len, reverse=True))
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_ENDINGS_BY_LENGTH = tuple((n, frozenset(e for e in _SLAVIC_ENDINGS if len(e) == n))
                           for n in sorted({len(e) for e in _SLAVIC_ENDINGS}, reverse=True))


def _stem(word: str) -> str:
    if word.isascii() or len(word) <= 3 or not _CYRILLIC.match(word):
        return word
    # Longest ending first, each length a set look-up (one ending of a length can match).
    for size, endings in _ENDINGS_BY_LENGTH:
        if len(word) - size >= 3 and word[-size:] in endings:
            return word[:-size]
    return word


_CYRILLIC_WORD = re.compile(r"[\u0400-\u04ff]{5,}")


def _respelled(stem: str, vocab: Vocabulary) -> str:
    """A Russian or Ukrainian word (stemmed) the vocabulary lacks, corrected to the
    closest word it has when they are close ("подборотк" -> "подбородк")."""
    if stem in vocab.cyrillic_known or not _CYRILLIC_WORD.fullmatch(stem):
        return stem
    best = process.extractOne(stem, vocab.cyrillic, scorer=fuzz.ratio, score_cutoff=TYPO_SCORE)
    return best[0] if best else stem


_KEEP_S = ("ss", "us", "is")  # words whose final s is not a plural (press, abductus, ...)


def _singular(word: str) -> str:
    if word[-1:] != "s" or len(word) <= 3 or word.endswith(_KEEP_S) or not word.isascii():  # (most words: the first test)
        return word
    if word.endswith("ies"):
        return word[:-3] + "y"
    if word.endswith(("ches", "shes", "sses", "xes")):
        return word[:-2]
    if word.endswith("s"):
        return word[:-1]
    return word


def _alone(word: str, vocab: Vocabulary) -> tuple[str, ...]:
    """What a (stemmed) word starting no longer phrase becomes: its replacement's words
    or itself, each singular."""
    target = vocab.phrases.get((word,))
    if target is None:
        singular = _singular(word)
        target = vocab.phrases.get((singular,))
        if target is None:
            return (singular,)  # (most words: no replacement)
    return tuple([_singular(w) for w in target.split()])


def _normalise(text: str, vocab: Vocabulary, respell: bool = False) -> str:
    known = vocab.words
    if len(known) > 50_000:
        known.clear()
    words: list[str] = []
    alone: list[tuple[str, ...] | None] = []
    folded = _fold(text)
    if vocab.cjk_words and has_cjk(folded):
        folded = segment_cjk(folded, vocab)
    for w in folded.split():
        found = known.get(w)
        if found is None:
            stem = _stem(w)
            found = known[w] = (stem, _alone(stem, vocab) if vocab.longest_from(stem) == 1 else None)
        if respell and found[0] not in vocab.cyrillic_known:
            stem = _respelled(found[0], vocab)
            found = (stem, _alone(stem, vocab) if vocab.longest_from(stem) == 1 else None)
        words.append(found[0])
        alone.append(found[1])
    out: list[str] = []
    i = 0
    while i < len(words):
        replacement = alone[i]
        if replacement is not None:  # no phrase of 2+ words starts here (most words)
            i += 1
        else:
            # Only as many words as a phrase starting with this word has.
            for n in range(min(vocab.longest_from(words[i]), len(words) - i), 0, -1):
                chunk = tuple(words[i:i + n])
                target = vocab.phrases.get(chunk)
                if target is None:  # a phrase in the plural: its last word ("reverse lunges")
                    target = vocab.phrases.get((*chunk[:-1], _singular(chunk[-1])))
                if target is not None:
                    replacement = [_singular(w) for w in target.split()]
                    i += n
                    break
            else:
                replacement = [_singular(words[i])]
                i += 1
        for w in replacement:
            if out and (out[-1] == w or (w == "machine" and out[-1] == "smith")):
                continue  # "ez bar" + "bar" -> "ez bar"; "smith machine" is the Smith
            out.append(w)
    return " ".join(out)


@lru_cache(maxsize=8192)
def normalise_name(text: str) -> str:
    """Lower case, accents off, vocabulary phrases rewritten to English, singular words.
    Cached: a plan names the same few exercises line after line."""
    return _normalise(text, vocabulary())


def _without_both_positions(name: str) -> str:
    """A name saying two positions ("seated/standing", "сидячи/стоячи") leaves the
    choice open: it asks for neither variant, so neither word picks one."""
    words = name.split()
    said = _POSITIONS.intersection(words)
    if len(said) < 2:
        return name
    return " ".join(w for w in words if w not in said) or name


def _sorted_words(name: str) -> str:
    return " ".join(sorted(name.split()))


def _is_unsure(text: str) -> bool:
    """Whether the whole name is one the vocabulary says may mean several exercises."""
    unsure = vocabulary().unsure
    return bool(unsure) and tuple(_stem(w) for w in _fold(text).split()) in unsure


def respelled_name(text: str, name: str) -> str:
    """`name` (`normalise_name(text)`) with the Russian and Ukrainian words the
    vocabulary does not know corrected to the closest it knows ("Тяга штанги к
    подборотку" -> "upright row"): the matcher's own typo correction (`Matcher.correct`)
    knows only the catalogue's English words. Most names have no such word left."""
    if not _CYRILLIC_WORD.search(name):
        return name
    return _normalise(text, vocabulary(), respell=True)


# --- implements ----------------------------------------------------------------------

# Normalised words that name an implement -> the implement. A query naming one never
# lands on an exercise naming another ("one-arm DB row" is not a barbell row).
_IMPLEMENTS = {
    "barbell": "barbell", "dumbbell": "dumbbell", "cable": "cable", "pulley": "cable",
    "machine": "machine", "leverage": "machine", "lever": "machine", "kettlebell": "kettlebell",
    "smith": "smith", "band": "band", "banded": "band", "ez": "ez", "landmine": "landmine",
    "trap": "trap bar", "sled": "sled", "bodyweight": "bodyweight",
}


def implements(words: list[str] | set[str]) -> set[str]:
    found = {_IMPLEMENTS[w] for w in words if w in _IMPLEMENTS}
    if "smith" in found:
        found.discard("machine")  # "Smith machine" is the Smith
    return found


# Words too common to find candidates by ("with", "one", "arm"): a name sharing only
# them with the query is not a candidate.
_WEAK_WORDS = frozenset({"with", "on", "to", "the", "of", "and", "a", "in", "one", "arm", "grip", "bar",
                         "standing", "seated", "lying", "alternating", "alternate", "single", "two", "leg", "up"})

# The muscle a movement works, said beside it ("bicep preacher curl", Russian "бицепс на
# скамье Скотта"): nothing the movement does not say already. Only beside that movement:
# "biceps ... bench" is no bench press.
_MUSCLE_MOVEMENTS = {"bicep": frozenset({"curl"}), "shoulder": frozenset({"press"}),
                     "tricep": frozenset({"extension", "pushdown", "kickback", "dip", "crusher"})}

# Where the body is: a detail beside the implement said.
_POSITIONS = frozenset({"standing", "seated", "lying", "kneeling"})

# Words that name no movement: a name made of them only is no exercise.
_NO_MOVEMENT = _WEAK_WORDS | _IMPLEMENTS.keys()

# Words naming a variant (a position, a side): a candidate adding one the user did not say
# is further from what they meant than one adding another word.
_VARIANT_WORDS = frozenset({"seated", "sitting", "lying", "incline", "decline", "kneeling", "rear", "reverse",
                            "prone", "supine"})

# Words naming the movement itself. A name saying one is not a candidate saying only
# others: "kneeling cable row" is no "kneeling cable crunch", whatever else they share.
_MOVEMENTS = frozenset({"row", "press", "curl", "squat", "raise", "crunch", "deadlift", "lunge", "fly", "dip",
                        "pulldown", "pushdown", "extension", "shrug", "kickback", "pullover", "thrust", "plank",
                        "twist", "crossover", "sit"})
MOVEMENT_CONTRADICTED = 15  # what a candidate saying another movement loses

# --- the matcher -----------------------------------------------------------------------

Match = tuple[CatalogEntry | None, float, list[CatalogEntry]]


class _Query:
    """What scoring reads of a normalised name, worked out once for all its candidates."""

    __slots__ = ("sorted", "words", "implements", "name", "padded", "not_barbell", "implements_or_barbell", "positions",
                 "movements", "as_barbell")

    def __init__(self, query_sorted: str, words: set[str], query_implements: set[str], name: str):
        self.sorted, self.words, self.implements, self.name = query_sorted, words, query_implements, name
        self.padded = f" {name} "
        self.not_barbell = query_implements - {"barbell"}
        self.implements_or_barbell = query_implements | {"barbell"}
        self.positions = words & _POSITIONS
        self.movements = words & _MOVEMENTS
        self.as_barbell: _Query | None = None

    def with_barbell(self) -> _Query:
        """The same name with its EZ bar said as a barbell (worked out once)."""
        if self.as_barbell is None:
            name = " ".join("barbell" if w == "ez" else w for w in self.name.split() if w != "bar")
            words = set(name.split())
            self.as_barbell = _Query(" ".join(sorted(name.split())), words, implements(words), name)
        return self.as_barbell


class Matcher:
    """Finds catalogue exercises for a name. Built once per catalogue (`matcher_for`)."""

    def __init__(self, catalog: tuple[CatalogEntry, ...]):
        vocab = vocabulary()
        self.catalog = catalog
        self.by_name = {}
        # Each exercise's own name, normalised, as words: read for the rows it is found for
        # (`implements_of`). Part of the index, so `clear_caches` keeps it.
        self._entry_words: dict[str, list[str]] = {}
        for e in catalog:
            self._entry_words[e.name] = normalise_name(e.name).split()
            self.by_name.setdefault(normalise_name(e.name), e)
        self._entry_implements = {name: frozenset(implements(words)) for name, words in self._entry_words.items()}
        self.by_sorted = {" ".join(sorted(k.split())): e for k, e in self.by_name.items()}
        by_exact = {e.name: e for e in catalog}
        self.aliases = {}
        for alias, names in vocab.aliases.items():
            if alias in vocab.exact_only and (alias in self.by_name or _sorted_words(alias) in self.by_sorted):
                continue  # a catalogue name wins over a third-party alias
            found = next((by_exact[n] for n in names if n in by_exact), None)
            if found is not None:
                self.aliases[alias] = found
        self.aliases_sorted = {" ".join(sorted(k.split())): e for k, e in self.aliases.items()}
        # Candidates for fuzzy matching: every catalogue name and every alias.
        # Fewest words first: the index order is the candidates' tie order (shortest first).
        # (Not the third-party aliases: they are looked up as written only, `exact`.)
        self.choices: list[str] = sorted(list(self.by_name) + [a for a in self.aliases if a not in self.by_name
                                                               and a not in vocab.exact_only],
                                         key=lambda c: len(c.split()))
        self.targets: list[CatalogEntry] = [self.by_name.get(c) or self.aliases[c] for c in self.choices]
        self.choice_words = [set(c.split()) for c in self.choices]
        # An alias's implements are also its exercise's: "walking lunge" names the bodyweight
        # lunge, so "walking dumbbell lunge" is not it.
        self.choice_implements = [implements(w) | self.implements_of(t)
                                  for w, t in zip(self.choice_words, self.targets, strict=True)]
        self.choice_lengths = [len(w) for w in self.choice_words]
        # Where the body is, in the name or in the exercise an alias names ("calf raise" is
        # Standing Calf Raises): a query saying another position is another exercise.
        self.choice_positions = [frozenset((w | set(self._entry_words.get(t.name, ()))) & _POSITIONS)
                                 for w, t in zip(self.choice_words, self.targets, strict=True)]
        self._word_counts = [len(c.split()) for c in self.choices]  # words, repeats counted (search)
        self.sorted_choices = [" ".join(sorted(c.split())) for c in self.choices]
        self.known_words = sorted({w for c in self.choices for w in c.split()})
        # Known words by length: a typo is only compared with the words whose length
        # allows a close enough ratio (`_near`).
        self._known_lengths = [(len(w), w) for w in self.known_words]
        self._near_words: dict[int, list[str]] = {}
        self._sorted_lengths = [(len(c), i) for i, c in enumerate(self.sorted_choices)]
        self._near_choices: dict[int, tuple[list[str], list[int]]] = {}
        # What `_score` reads of each name, in one tuple (one index, not five lists).
        self._scoring = list(zip(self.choice_words, self.sorted_choices, self.choice_implements,
                                 self.choices, self.choice_positions,
                                 [frozenset(w & _MOVEMENTS) for w in self.choice_words], strict=True))
        word_index: dict[str, list[int]] = {}
        for index, words in enumerate(self.choice_words):
            for w in words:
                word_index.setdefault(w, []).append(index)
        self.word_index: dict[str, tuple[int, ...]] = {w: tuple(i) for w, i in word_index.items()}  # ascending
        self._known = set(self.known_words)
        self._cache: dict[str, Match] = {}
        self._typos: dict[str, str] = {}
        self._swaps: set[str] = set()  # typos corrected by swapping two letters (`_swapped`)
        self._names: dict[str, tuple[str, bool, bool]] = {}  # raw name -> (normalised name, respelled, unsure)
        # The answer for each catalogue name and alias (it depends on the catalogue only):
        # most names in plans are one of these, and are then a look-up. Worked out the
        # first time each is met (`_indexed_match`), not all with the catalogue: a plan
        # names a few dozen of the thousand, and the first import after a start waits for
        # the matcher. Part of the index like `word_index`, so `clear_caches` keeps it.
        self._index_keys = frozenset([*self.by_name, *self.aliases])
        self._indexed: dict[str, Match] = {}

    def clear_caches(self) -> None:
        """Forget every name seen (the accuracy script times cold look-ups)."""
        self._cache.clear()
        self._typos.clear()
        self._swaps.clear()
        self._names.clear()
        normalise_name.cache_clear()
        vocabulary().words.clear()

    # -- words

    def correct(self, name: str) -> tuple[str, bool]:
        """(name with unknown words replaced by the closest known ones, whether any was)."""
        words, changed = [], False
        for w in name.split():
            if w in self._known or len(w) < 4 or not w.isalpha():
                words.append(w)
                continue
            if w not in self._typos:
                if len(self._typos) > 20_000:
                    self._typos.clear()
                    self._swaps.clear()
                fixed = self._swapped(w)
                if fixed is not None:
                    self._swaps.add(w)
                else:
                    fixed = self._two_words(w)
                if fixed is None:
                    best = process.extractOne(w, self._near(len(w)), scorer=fuzz.ratio, score_cutoff=TYPO_SCORE)
                    fixed = best[0] if best else w
                self._typos[w] = fixed
            fixed = self._typos[w]
            changed = changed or fixed != w
            words.append(fixed)
        return " ".join(words), changed

    def _swapped(self, word: str) -> str | None:
        """"cabel" -> "cable", "sqaut" -> "squat": two neighbouring letters swapped, the
        commonest typo, which the ratio scores too low in a short word (80 for "cabel"; a
        longer word is within TYPO_SCORE). As little evidence as that ratio: a guess."""
        for i in range(len(word) - 1):
            swapped = word[:i] + word[i + 1] + word[i] + word[i + 2:]
            if swapped in self._known:
                return swapped
        return None

    def _two_words(self, word: str) -> str | None:
        """"deadbug" -> "dead bug", "legpress" -> "leg press": two known words (of three
        letters or more) written as one, the longest first word first; None if it is not."""
        for cut in range(len(word) - 3, 2, -1):
            if word[:cut] in self._known and word[cut:] in self._known:
                return f"{word[:cut]} {word[cut:]}"
        return None

    def _near(self, size: int) -> list[str]:
        """The known words (in their order) a word of `size` letters can be close to: a
        ratio of TYPO_SCORE or more needs lengths within (100 - TYPO_SCORE)% of their sum
        (the ratio is 100 * (1 - distance / (len1 + len2)), the distance at least the
        difference in length). The same best word as over all of them, ties included."""
        near = self._near_words.get(size)
        if near is None:
            near = [w for n, w in self._known_lengths if abs(n - size) * 100 <= (100 - TYPO_SCORE) * (n + size) + 1]
            if size <= 200:  # longer words are all far from every known word: not kept
                self._near_words[size] = near
        return near

    def _near_names(self, size: int) -> tuple[list[str], list[int]]:
        """The same for the word-sorted names at ALTERNATIVE_SCORE: (names, their indexes)."""
        near = self._near_choices.get(size)
        if near is None:
            indexes = [i for n, i in self._sorted_lengths
                       if abs(n - size) * 100 <= (100 - ALTERNATIVE_SCORE) * (n + size) + 1]
            near = ([self.sorted_choices[i] for i in indexes], indexes)
            if size <= 400:
                self._near_choices[size] = near
        return near

    def _starting_with(self, typed: list[str]) -> set[int]:
        """Indexes of the names having, for each typed word, a word starting with it (the
        known words starting with a prefix are a run of the sorted list)."""
        found: set[int] | None = None
        known = self.known_words
        for prefix in typed:
            having: set[int] = set()
            for i in range(bisect_left(known, prefix), len(known)):
                if not known[i].startswith(prefix):
                    break
                having.update(self.word_index[known[i]])
            found = having if found is None else found & having
            if not found:
                break
        return set(range(len(self.choices))) if found is None else found

    def exact(self, name: str) -> CatalogEntry | None:
        found = self.aliases.get(name) or self.by_name.get(name)
        if found is not None:
            return found
        key = " ".join(sorted(name.split()))  # (only when the name as written is none)
        return self.aliases_sorted.get(key) or self.by_sorted.get(key)

    # -- scoring

    def _candidates(self, name: str) -> list[tuple[CatalogEntry, float]]:
        """Catalogue entries for a normalised name, best first, each once. Candidates
        are the names sharing most words with it (an index lookup); only when none
        does, the closest spellings (rapidfuzz, in C)."""
        words = name.split()
        query_words = set(words)
        query_sorted = " ".join(sorted(words))
        query_implements = implements(query_words)
        lists = [self.word_index[w] for w in query_words - _WEAK_WORDS if w in self.word_index]
        weak = [self.word_index[w] for w in query_words & _WEAK_WORDS if w in self.word_index]
        if len(lists) == 1 and not weak:
            indexes = lists[0][:MAX_CANDIDATES]  # one shared word: the shortest names having it
        elif lists:
            # The names sharing most words, shortest first (fewest words the query lacks):
            # counted in index order (shortest first), and a stable sort keeps that order
            # among names sharing as many words. All in C: a name has hundreds of candidates.
            # A word like "seated" or "leg" counts half, and only beside a word that finds
            # names by itself ("seated leg curl machine" finds Seated Leg Curl).
            counted = sorted(chain.from_iterable(lists))
            if weak:
                # Each strong word counts 2 (every index twice, keys still in index order),
                # a weak word 1, only for names a strong word found.
                shared = Counter(counted * 2)
                shared.update(filter(shared.__contains__, chain.from_iterable(weak)))
            else:
                shared = Counter(counted)
            indexes = [i for i, _ in sorted(shared.items(), key=itemgetter(1), reverse=True)[:MAX_CANDIDATES]]
        else:
            # Only the names whose length allows ALTERNATIVE_SCORE (see `_near`), in order:
            # the same names, scores and ties as over all of them.
            near, near_indexes = self._near_names(len(query_sorted))
            indexes = [near_indexes[index] for _, _, index in process.extract(
                query_sorted, near, scorer=fuzz.ratio, processor=None,
                limit=10, score_cutoff=ALTERNATIVE_SCORE)]
        scored: dict[str, tuple[CatalogEntry, float, int]] = {}
        query = _Query(query_sorted, query_words, query_implements, name)
        targets, lengths, score_of = self.targets, self.choice_lengths, self._score
        for index in indexes:
            score = score_of(query, index)
            entry = targets[index]
            best = scored.get(entry.id)
            if score > (-1.0 if best is None else best[1]):  # a score under -1 is no candidate
                scored[entry.id] = (entry, score, lengths[index])
        # Equal scores: the name with fewest words (least the query did not say) first.
        ranked = sorted(scored.values(), key=lambda item: (-item[1], item[2], item[0].name))
        return [(entry, score) for entry, score, _ in ranked]

    def _score(self, q: _Query, index: int) -> float:
        query_sorted, query_words, query_implements = q.sorted, q.words, q.implements
        choice_words, sorted_choice, choice_implements, choice, choice_positions, choice_movements = self._scoring[index]
        if "ez" in query_implements and "barbell" in choice_implements and "ez" not in choice_implements:
            # An EZ bar is a barbell: "EZ bar upright rows" is the Upright Barbell Row where
            # the catalogue has no EZ-bar one. Scored as the barbell said, brought down to a
            # guess below a name holding the EZ bar said ("EZ bar preacher curl": Preacher
            # Curl), in the same order ("EZ bar incline bench": the incline bench press).
            return EZ_AS_BARBELL_SCORE - (100 - self._score(q.with_barbell(), index)) / 10
        base = fuzz.ratio(query_sorted, sorted_choice)
        # A name saying no implement is the barbell lift ("Reverse Grip Bent-Over Rows"):
        # "reverse grip barbell rows" says it too, the barbell aside (a little less sure).
        implied = "barbell" in query_words and not choice_implements
        said = query_words - {"barbell"} if implied else query_words
        if said <= choice_words:
            # Every word typed is in the name: a little under exact, less per extra word.
            extra_words = choice_words - said
            extra = len(extra_words)
            # A position or implement the user did not say ("Seated Barbell Military Press"
            # for "press militar barra", "Machine Shoulder (Military) Press" for "military
            # shoulder press") is a variant they did not ask for: it costs twice.
            extra += len(extra_words & _VARIANT_WORDS)
            if not query_implements:
                extra += len(implements(extra_words) - {"barbell", "bodyweight"})
            base = max(base, (95 if len(query_words) > 1 else 84) - 3 * extra)
            if (q.not_barbell and query_implements <= choice_implements
                    and len(extra_words) <= 2 and not extra_words & _VARIANT_WORDS):
                # Every word typed, the implement among them ("kettlebell military press" in
                # Two-Arm Kettlebell Military Press): above a name that leaves the implement
                # out (Standing Military Press, the barbell lift, scores STRONG_SCORE below).
                base = max(base, STRONG_SCORE + 1)
            if implied:
                base -= 4  # below a name saying the barbell with a word more (92)
        else:
            missing_words = query_words - choice_words
            if (not choice_implements and missing_words <= _IMPLEMENTS.keys()
                    and choice_words <= query_words and len(missing_words) < len(query_words)):
                # "Cable face pull" vs "Face Pull": the name adds only an implement the
                # catalogue name leaves open. "Barbell" is what an unqualified lift means
                # (close, medium); another implement the name does not explain may be
                # another exercise ("dumbbell crunch" is not Crunches): a guess (low).
                base = max(base, STRONG_SCORE if missing_words <= {"barbell"} else IMPLEMENT_UNSAID_SCORE)
            else:
                # The name says something the candidate does not ("Larsen" press): a guess.
                missing = len(missing_words)
                base = min(base, UNKNOWN_WORD_CAP if missing == 1 else UNKNOWN_WORD_CAP - 10)
                muscles = {muscle for muscle, movements in _MUSCLE_MOVEMENTS.items()
                           if muscle in missing_words and movements & choice_words}
                unsaid = _WEAK_WORDS | muscles
                if choice_implements <= {"barbell"}:
                    unsaid = unsaid | {"barbell"}  # an unqualified lift is the barbell lift
                strong_missing = len(missing_words - unsaid)
                if choice_words <= query_words and not strong_missing and len(choice_words) > 1:
                    # Only words like "seated", "single", "arm" left over ("incline seated
                    # dumbbell fly" holds Incline Dumbbell Flyes): the best guess of those
                    # holding a whole name, still a guess.
                    phrase = f" {choice} " in q.padded
                    base = max(base, UNKNOWN_WORD_CAP + 3 + (1 if phrase else 0) + min(len(choice_words) - 1, 2))
                    if (q.not_barbell and q.not_barbell <= choice_implements
                            and missing_words <= _POSITIONS | muscles):
                        # Only a position or the muscle of the movement left over, the implement
                        # said in the name ("standing Smith calf raise": Smith Machine Calf Raise;
                        # "kettlebell shoulder press": Kettlebell Press): above a name leaving the
                        # implement out (Standing Calf Raises, the barbell Standing Military Press:
                        # IMPLEMENT_UNSAID_SCORE). A guess.
                        base = max(base, IMPLEMENT_UNSAID_SCORE + 1)
                elif choice_words <= query_words and 0 < strong_missing <= (3 if len(choice_words) > 1 else 1):
                    # "Overhead press in squat rack", "Bent leg deadlift" hold a whole name (with
                    # up to three words around a name of two words or more, one around one
                    # word): a weak guess (low), still one to offer. Two words around one
                    # ("in and out pulse squats", "oblique hyperextensions with plate") were
                    # another exercise more often than not.
                    phrase = f" {choice} " in q.padded  # in its order: "overhead press", not "overhead squat"
                    base = max(base, UNKNOWN_WORD_CAP - 2 * (strong_missing - 1) + (1 if phrase else 0)
                               + min(len(choice_words) - 1, 2))  # the longer name held ("leg press", not "press")
        if q.movements and choice_movements and not (q.movements & choice_movements):
            base -= MOVEMENT_CONTRADICTED
        if q.positions and choice_positions and not (q.positions & choice_positions):
            base -= 8  # "seated overhead press" is not Standing Military Press
        if query_implements and choice_implements and not (query_implements & choice_implements):
            base -= 30
        elif query_implements and not choice_implements <= q.implements_or_barbell:
            base -= 10
        return base

    # -- public

    def match(self, raw_name: str, fuzzy: bool = True) -> Match:
        """(best entry or None, score 0-100, up to 3 alternatives). With fuzzy=False only
        exact names, aliases and names matched before are found (a bound on the work)."""
        known = self._names.get(raw_name)
        if known is None:
            written = normalise_name(raw_name)
            name = respelled_name(raw_name, written)
            respelled = name != written
            if self.exact(name) is None:  # "Weighted Crunches" is a name; "heavy squat" a squat
                filler = vocabulary().filler
                name = " ".join(w for w in name.split() if w not in filler) or name
                name = _without_both_positions(name)
            if len(self._names) > 20_000:
                self._names.clear()
            known = self._names[raw_name] = (name, respelled, _is_unsure(raw_name))
        name, respelled, unsure = known
        # A respelled name is as sure as a corrected typo: not an exact name; a name whose
        # translation is one of several exercises is as sure as an ambiguous alias.
        most = 95.0 if unsure else 96.0 if respelled else 100.0
        if name not in self._cache and not fuzzy:
            exact = self.exact(name)
            return exact, (most if exact else 0.0), []
        if name not in self._cache:
            if len(self._cache) > 10_000:
                self._cache.clear()
            self._cache[name] = self._indexed_match(name)
        entry, score, alternatives = self._cache[name]
        return entry, min(score, most), list(alternatives)

    def _indexed_match(self, name: str) -> Match:
        """`_match` of a normalised name, kept with the index when it is a catalogue name
        or alias (its answer then depends on nothing a parse changes: no typo is corrected
        in an exact name)."""
        found = self._indexed.get(name)
        if found is None:
            found = self._match(name)
            if name in self._index_keys:
                self._indexed[name] = found
        return found

    def _match(self, name: str) -> Match:
        if not name or name in vocabulary().nothing_alone:
            return None, 0.0, []  # ("walk 2.5 miles" is no Farmer's Walk)
        exact = self.exact(name)
        corrected, changed = (name, False) if exact else self.correct(name)
        if exact is None and changed:
            exact = self.exact(corrected)
        candidates = self._candidates(corrected)
        if exact is not None:
            alternatives = [e for e, _ in candidates if e.id != exact.id][:3]
            key = corrected if changed else name
            # (in any word order: "shoulder press seated" is "seated shoulder press")
            ambiguous = key in vocabulary().ambiguous or _sorted_words(key) in vocabulary().ambiguous
            sure = 95.0 if ambiguous and key not in self.by_name else 100.0
            if changed:
                sure = min(sure, 94.0 if self._swaps.intersection(name.split()) else 96.0)
            return exact, sure, alternatives
        if changed:
            candidates = [(e, min(s, 94.0)) for e, s in candidates]
        # Only a position, a side, a grip or an implement ("seated", "one arm", "singles",
        # "machine"), or one word saying what kind: no movement named, no exercise.
        no_movement = set(corrected.split()) <= _NO_MOVEMENT or (
            candidates and self._one_word_not_the_movement(corrected, candidates[0][0]))
        if not candidates or candidates[0][1] < WEAK_SCORE or no_movement:
            return (None, min(candidates[0][1], WEAK_SCORE - 1) if candidates else 0.0,
                    [e for e, _ in candidates[:3]])  # (candidates offered)
        best, score = candidates[0]
        return best, score, [e for e, _ in candidates[1:4]]

    def _one_word_not_the_movement(self, name: str, entry: CatalogEntry) -> bool:
        """One word of the name found that is not its last, its movement ("plate": Plate
        Pinch, "full": Barbell Full Squat), says what kind, not which exercise."""
        return " " not in name and name in self._words_of(entry)[:-1]

    def _words_of(self, entry: CatalogEntry) -> list[str]:
        words = self._entry_words.get(entry.name)
        return words if words is not None else normalise_name(entry.name).split()

    def implements_of(self, entry: CatalogEntry) -> frozenset[str]:
        """The implements an exercise's own name says (Dumbbell Row: the dumbbell)."""
        found = self._entry_implements.get(entry.name)
        return found if found is not None else frozenset(implements(self._words_of(entry)))

    def search(self, query: str, limit: int = 10) -> list[tuple[CatalogEntry, float]]:
        """Ranked results for a search box: the matcher's answer, names containing every
        typed word (or a word starting with it: "pull" finds pulldowns), then guesses."""
        name = normalise_name(query)
        if not name:
            return []
        corrected, _ = self.correct(name)
        results: dict[str, tuple[CatalogEntry, float]] = {}

        def add(entry: CatalogEntry, score: float) -> None:
            if score > results.get(entry.id, (entry, -1.0))[1]:
                results[entry.id] = (entry, score)

        best, score, alternatives = self.match(query)
        if best is not None and score >= STRONG_SCORE:
            add(best, score + 10)
        prefixes = corrected.split()
        raw_prefixes = name.split()
        # The names with a word starting with each typed word (the corrected ones first,
        # then as typed), in index order.
        first = self._starting_with(prefixes)
        second = first if raw_prefixes == prefixes else self._starting_with(raw_prefixes)
        for index in sorted(first | second):
            typed = prefixes if index in first else raw_prefixes
            add(self.targets[index], 90.0 - min(self._word_counts[index] - len(typed), 9))
        for entry, s in self._candidates(corrected):
            if s >= ALTERNATIVE_SCORE:
                add(entry, s * 0.9)
        for entry in alternatives:
            add(entry, 60.0)
        ranked = sorted(results.values(), key=lambda item: (-item[1], item[0].name))
        return [(e, round(min(s, 100.0), 1)) for e, s in ranked[:limit]]


@lru_cache(maxsize=4)
def matcher_for(catalog: tuple[CatalogEntry, ...]) -> Matcher:
    return Matcher(catalog)


def search(query: str, catalog, limit: int = 10) -> list[tuple[CatalogEntry, float]]:
    """Catalogue entries for what a user typed in a search box, best first, with a score
    0-100. Tolerates typos, abbreviations, plurals, word order and other languages."""
    return matcher_for(tuple(catalog)).search(query, limit=limit)
