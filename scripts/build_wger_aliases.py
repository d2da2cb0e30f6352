"""Exercise names in other languages from wger's exercise data, as matcher aliases.

    .venv/bin/python scripts/build_wger_aliases.py WGER_FIXTURES [--out FILE] [-v]

WGER_FIXTURES is wger's fixture folder (wger/exercises/fixtures of a checkout of
https://github.com/wger-project/wger), the checkout itself or a bare clone of it (read at
HEAD; the commit is then written into the attribution); it needs translations.json
and exercise-base-data.json (or exercisebase.json), and reads languages.json (beside them
or in wger/core/fixtures) when it is there. Writes plans/data/vocabulary/wger.json, which
plans/matching.py reads after every vocabulary file of the project (lowest priority).

Only wger's DATA is copied (exercise names, licensed CC-BY-SA 3.0/4.0 or CC0 per entry by
their authors); wger's code (AGPL) is not used. The output keeps the attribution.

A wger exercise gives aliases when its English name is, for our matcher, exactly one of
our catalogue exercises (an exact name or alias, score 100) or is in KNOWN below, and its
equipment does not contradict ours. Each of its names in another language then becomes an
alias of our exercise, unless:
- it has parentheses, digits or is longer than MAX_WORDS (notes, not names);
- it is in a language written without spaces (our aliases are matched word by word);
- our vocabulary already reads it as an exercise name or alias (the project's files win),
  or reads it surely (score >= 90) as another exercise;
- the English words our vocabulary turns it into are not all words of our exercise's
  name ("Croci su panca inclinata" says incline, Dumbbell Flyes does not: wger's
  translation is of another variant);
- it is one word standing for a longer English name (a movement family: Italian "Curl"
  for Biceps Curls With Barbell), save a compound word of a compounding language for a
  two-word name (German "Beinpresse", Leg Press);
- it names two different exercises of ours (a collision: Spanish "Abdominales" is both
  wger's Crunches and its Sit-ups).
Re-running it on the same fixtures writes the same file.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from equipment import catalog  # noqa: E402
from plans import matching  # noqa: E402

OUT = ROOT / "plans" / "data" / "vocabulary" / "wger.json"
MAX_WORDS = 6
SURE = matching.STRONG_SCORE
NOISE_WORDS = {"hd"}  # wger's versions of an exercise with a video ("Plancha HD")
ENGLISH = "en"
# Written without spaces between words: our aliases are looked up word by word.
UNSPACED = {"zh", "ja", "ko", "th"}
# Languages writing a name of two words as one ("Beinpresse": leg press).
COMPOUNDING = {"de", "nl", "sv", "no", "da", "fi"}
LANGUAGES = {  # wger's language ids (wger/core/fixtures/languages.json), when the file is not given
    1: "de", 2: "en", 3: "bg", 4: "es", 5: "ru", 6: "nl", 7: "pt", 8: "el", 9: "cs", 10: "sv",
    11: "no", 12: "fr", 13: "it", 14: "pl", 15: "uk", 16: "tr", 17: "ar", 18: "az", 19: "eo",
    20: "fa", 21: "he", 22: "hr", 23: "id", 24: "zh", 25: "sk", 26: "sl", 27: "ko", 28: "th",
    29: "sr", 30: "ta", 31: "ro", 32: "ca", 33: "fi",
}
# wger's equipment ids -> ours (equipment/catalog.py EQUIPMENT); mats, benches, balls and
# bars to hang from say nothing about which implement is lifted.
WGER_EQUIPMENT = {1: "Barbell", 2: "EZ Curl Bar", 3: "Dumbbell", 10: "Kettlebell",
                  11: "Resistance Band", 12: "Cable Machine"}
WGER_BODYWEIGHT = 7
IMPLEMENTS = {"Barbell", "EZ Curl Bar", "Dumbbell", "Kettlebell", "Resistance Band", "Cable Machine",
              "Machine", "Smith Machine"}
SAME_IMPLEMENT = {"EZ Curl Bar": "Barbell"}  # an EZ bar is a barbell

# Hand-checked: wger English names our matcher does not resolve exactly -> our exercise.
KNOWN = {
    "Incline Bench Press - MP": "Smith Machine Incline Bench Press",  # MP: Multipresse, the Smith machine
    "Benchpress Dumbbells": "Dumbbell Bench Press",
    "Leverage Machine Chest Press": "Leverage Chest Press",
    "Fly With Dumbbells, Decline Bench": "Decline Dumbbell Flyes",
    "Fly With Cable": "Cable Crossover",
    "Cable Cross-over": "Cable Crossover",
    "Machine chest fly": "Butterfly",
    "Biceps Curls With SZ-bar": "EZ-Bar Curl",
    "Biceps Curl With Cable": "Standing Biceps Cable Curl",
    "Straight Bar Cable Curls": "Standing Biceps Cable Curl",
    "Alternating bicep curls": "Dumbbell Alternate Bicep Curl",
    "Alternating dumbbell hammer curl": "Alternate Hammer Curl",
    "Hammercurls on Cable": "Cable Hammer Curls - Rope Attachment",
    "Dumbbell Concentration Curl": "Concentration Curls",
    "Barbell Reverse Wrist Curl": "Palms-Down Wrist Curl Over A Bench",
    "Tricep Pushdown on Cable": "Triceps Pushdown",
    "One Arm Triceps Extensions on Cable": "Cable One Arm Tricep Extension",
    "Dips Between Two Benches": "Bench Dips",
    "Bent Over Rowing Reverse": "Reverse Grip Bent-Over Rows",
    "Long-Pulley (low Row)": "Seated Cable Rows",
    "Rowing seated, narrow grip": "Seated Cable Rows",
    "Wide-grip Pulldown": "Wide-Grip Lat Pulldown",
    "Lat Pull Down (Straight Back)": "Wide-Grip Lat Pulldown",
    "Close-grip Lat Pull Down": "Close-Grip Front Lat Pulldown",
    "Straight-arm Pull Down (rope Attachment)": "Rope Straight-Arm Pulldown",
    "Upright Row, SZ-bar": "Upright Barbell Row",
    "Upright Row, on Multi Press": "Smith Machine Upright Row",
    "Dumbbell upright-row": "Standing Dumbbell Upright Row",
    "Shoulder Press, on Multi Press": "Smith Machine Overhead Shoulder Press",
    "Shoulder Press, on Machine": "Machine Shoulder (Military) Press",
    "Arnold Shoulder Press": "Arnold Dumbbell Press",
    "Cable Front Raise with a small bar": "Front Cable Raise",
    "Pendelay Rows": "Pendlay Row",
    "Dumbbell Lunges Standing": "Dumbbell Lunges",
    "Barbell Lunges Standing": "Barbell Lunge",
    "Leg Presses (narrow)": "Narrow Stance Leg Press",
    "Leg Curls (sitting)": "Seated Leg Curl",
    "Leg Curls (laying)": "Lying Leg Curls",
    "Sitting Calf Raises": "Seated Calf Raise",
    "Calf Press Using Leg Press Machine": "Calf Press On The Leg Press Machine",
    "Seated Hip Adduction": "Thigh Adductor",
    "Machine Hip Abduction": "Thigh Abductor",
    "Squat Jumps": "Freehand Jump Squat",
    "Wall Squat": "Wall Sit",
    "Crunches on Machine": "Ab Crunch Machine",
    "Crunches With Cable": "Cable Crunch",
    "Ball crunches": "Exercise Ball Crunch",
    "Medicine ball twist": "Russian Twist",
    "Hollow Hold": "Hollow Body Hold",
    "Deadbug": "Dead Bug",
}

ATTRIBUTION = (
    "Exercise names in other languages from wger (https://github.com/wger-project/wger, "
    "wger/exercises/fixtures/translations.json, commit {commit}), the exercise data of the wger "
    "project and its contributors (authors per name in wger's data: {authors}), licensed per "
    "entry CC-BY-SA 3.0, CC-BY-SA 4.0 or CC0; this file, an adaptation (names mapped onto our "
    "catalogue, filtered), is licensed CC-BY-SA 4.0 (https://creativecommons.org/licenses/by-sa/4.0/). "
    "Only data is copied, no wger code (AGPL). Written by scripts/build_wger_aliases.py: do not "
    "edit by hand, re-run it. Read last by plans/matching.py: every other vocabulary file wins."
)


FIXTURES = ("wger/exercises/fixtures", "wger/core/fixtures")


def fixture(folder: Path, *names: str) -> list | None:
    """A fixture's items: from a folder of fixtures, a checkout, or a bare git repository
    of wger (read at HEAD)."""
    for name in names:
        for where in (folder, *(folder / f for f in FIXTURES), folder.parent.parent / "core" / "fixtures"):
            if (where / name).exists():
                return json.loads((where / name).read_text(encoding="utf-8"))
        if is_bare(folder):
            for f in FIXTURES:
                shown = subprocess.run(["git", "--git-dir", str(folder), "show", f"HEAD:{f}/{name}"],
                                       capture_output=True, text=True)
                if shown.returncode == 0:
                    return json.loads(shown.stdout)
    return None


def is_bare(folder: Path) -> bool:
    return (folder / "HEAD").is_file() and (folder / "objects").is_dir()


def load_wger(folder: Path):
    """(bases: pk -> equipment ids, translations: list of (base, language, name, author, licence))."""
    items = fixture(folder, "translations.json")
    base_items = fixture(folder, "exercise-base-data.json", "exercisebase.json")
    if items is None or base_items is None:
        sys.exit(f"no translations.json / exercise-base-data.json under {folder}")
    languages = dict(LANGUAGES)
    language_items = fixture(folder, "languages.json")
    if language_items is not None:
        languages = {item["pk"]: item["fields"]["short_name"] for item in language_items}
    bases = {item["pk"]: item["fields"].get("equipment", [])
             for item in base_items if item["model"] in ("exercises.exercise", "exercises.exercisebase")}
    rows = []
    by_pk = {}
    for item in items:
        if item["model"] != "exercises.translation":
            continue
        f = item["fields"]
        row = (f["exercise"], languages.get(f["language"], "?"), f["name"].strip(), f.get("license_author", ""),
               f.get("license"))
        by_pk[item["pk"]] = row
        rows.append(row)
    for item in items:  # wger's other names of a translation ("exercises.alias")
        if item["model"] == "exercises.alias" and item["fields"]["translation"] in by_pk:
            base, language, _, author, licence = by_pk[item["fields"]["translation"]]
            rows.append((base, language, item["fields"]["alias"].strip(), author, licence))
    return bases, rows


def our_equipment() -> dict[str, set[str]]:
    found = {item.name: set(item.equipment) for item in catalog.load()}
    for item in json.loads(catalog.ADDED_FILE.read_text())["exercises"]:
        found.setdefault(item["name"], set(item["equipment"]))
    return found


def implements_of(equipment: set[str]) -> set[str]:
    return {SAME_IMPLEMENT.get(e, e) for e in equipment & IMPLEMENTS}


def equipment_agrees(wger_ids: list[int], ours: set[str]) -> bool:
    """wger's equipment does not contradict ours (no equipment listed: nothing said)."""
    theirs = implements_of({WGER_EQUIPMENT[i] for i in wger_ids if i in WGER_EQUIPMENT})
    mine = implements_of(ours)
    if theirs and mine:
        return bool(theirs & mine)
    if theirs:  # an implement in wger, none in ours (a bodyweight exercise)
        return False
    if WGER_BODYWEIGHT in wger_ids and mine:  # bodyweight in wger, an implement in ours
        return False
    return True


def build(folder: Path, verbose: bool = False) -> dict:
    """wger.json's content from the fixtures in `folder`, against our vocabulary without it."""
    lowest = matching.LOWEST_PRIORITY_FILES
    matching.LOWEST_PRIORITY_FILES = ()
    clear_caches()
    try:
        return _build(folder, verbose)
    finally:
        matching.LOWEST_PRIORITY_FILES = lowest
        clear_caches()


def clear_caches() -> None:
    matching.vocabulary.cache_clear()
    matching.normalise_name.cache_clear()
    matching.matcher_for.cache_clear()


def _build(folder: Path, verbose: bool) -> dict:
    names = catalog.seeded_names()
    entries = tuple(matching.CatalogEntry(id=n, name=n) for n in names)
    matcher = matching.matcher_for(entries)
    vocab = matching.vocabulary()
    equipment = our_equipment()
    catalogue_words = {w for n in names for w in matching.normalise_name(n).split()}
    bases, rows = load_wger(folder)
    dropped: dict[str, list[str]] = defaultdict(list)

    # 1. Which of our exercises each wger exercise is, from its English names.
    ours: dict[int, str] = {}
    english: dict[int, str] = {}
    for base, language, name, _, _ in rows:
        if language != ENGLISH:
            continue
        if name in KNOWN:
            target = KNOWN[name]
        else:
            entry, score, _ = matcher.match(name)
            target = entry.name if entry is not None and score >= 100 else None
        if target is None:
            dropped["english name not one of ours for sure"].append(name)
            continue
        if ours.setdefault(base, target) != target:
            ours[base] = ""  # two English names, two exercises of ours: neither
        english.setdefault(base, name)
    for base, target in list(ours.items()):
        if not target:
            del ours[base]
        elif not equipment_agrees(bases.get(base, []), equipment.get(target, set())):
            dropped["wger's equipment is not ours"].append(f"{english[base]} -> {target}")
            del ours[base]

    # 2. Their names in other languages: noise out, then each checked against our vocabulary.
    alias_words: dict[str, set[str]] = defaultdict(set)  # our exercise -> the words of its aliases
    for key, entry in matcher.aliases.items():
        alias_words[entry.name].update(key.split())
    named: dict[str, set[str]] = defaultdict(set)  # normalised name -> our exercises wger gives it to
    checked: list[tuple[int, str, str, str, str]] = []  # (base, language, name, key, author)
    disagree: dict[int, int] = defaultdict(int)
    agree: dict[int, int] = defaultdict(int)
    for base, language, name, author, _ in rows:
        if language == ENGLISH or base not in ours:
            continue
        target = ours[base]
        reason = noise(name, language, english[base])
        if reason:
            dropped[reason].append(f"{name} [{language}] -> {target}")
            continue
        key = matching.normalise_name(name)
        if not key:
            dropped["our vocabulary reads it as no exercise"].append(f"{name} [{language}]")
            continue
        named[key].add(target)
        said = {w for w in key.split() if w in catalogue_words}
        allowed = set(matching.normalise_name(target).split()) | alias_words[target]
        if not said <= allowed | set(matching.normalise_name(english[base]).split()):
            disagree[base] += 1
            dropped["says words our exercise's name lacks"].append(f"{name} [{language}] -> {target} ({key})")
            continue
        if said:
            agree[base] += 1
        checked.append((base, language, name, key, author))
    aliases: dict[str, str] = {}
    authors: set[str] = set()
    for base, language, name, key, author in checked:
        target = ours[base]
        if disagree[base] >= 2 and disagree[base] > agree[base]:
            reason = "wger's other names of it say another exercise"
        elif len(named[key]) > 1:
            reason = "names two exercises (collision: " + ", ".join(sorted(named[key])) + ")"
        else:
            reason = rejected(name, key, language, target, english[base], matcher, vocab, catalogue_words)
        if reason:
            dropped[reason].append(f"{name} [{language}] -> {target}")
            continue
        aliases.setdefault(name, target)
        authors.add(author or "wger.de")
    if verbose:
        for reason, items in sorted(dropped.items()):
            print(f"-- dropped: {reason} ({len(items)})")
            for item in sorted(items):
                print(f"   {item}")
        print(f"-- kept: {len(aliases)}")
        for name, target in sorted(aliases.items(), key=lambda kv: (kv[1], kv[0])):
            print(f"   {name} -> {target}")
    counts: dict[str, int] = defaultdict(int)
    for reason, items in dropped.items():
        counts[reason.split(" (")[0]] += len(items)
    return {
        "_comment": ATTRIBUTION.format(commit=commit_of(folder), authors=", ".join(sorted(authors, key=str.lower))),
        "_dropped": dict(sorted(counts.items())),
        "aliases": dict(sorted(aliases.items(), key=lambda kv: (kv[1], kv[0].lower()))),
    }


def noise(name: str, language: str, english: str) -> str:
    """Why a wger name is no name to match ('' when it is one)."""
    if language in UNSPACED:
        return "language written without spaces"
    if any(c in name for c in "()[]/:") or any(c.isdigit() for c in name):
        return "parentheses, slashes or digits (notes, not a name)"
    folded = matching._fold(name)
    if not folded or len(folded.split()) > MAX_WORDS:
        return "empty or too long"
    if NOISE_WORDS.intersection(folded.split()):
        return "a version marker (HD)"
    if folded == matching._fold(english):
        return "the English name"
    return ""


def rejected(name: str, key: str, language: str, target: str, english: str, matcher, vocab, catalogue_words) -> str:
    """Why a clean wger name in another language is no alias of `target` ('' when it is one)."""
    if name in vocab.aliases or key in vocab.aliases or matcher.exact(key) is not None:
        return "already a name or alias of ours (ours wins)"
    words = key.split()
    core = " ".join(w for w in words if w not in matching._POSITIONS)
    if set(words) <= catalogue_words and (core in vocab.ambiguous or matching._sorted_words(core) in vocab.ambiguous):
        # Read as plain English ("Ausfallschritte stehend": lunge standing) that our
        # vocabulary says may mean several exercises: wger may not make it sure.
        return "English our vocabulary calls ambiguous (ours wins)"
    entry, score, _ = matcher.match(name)
    if entry is not None and score >= SURE and entry.name != target:
        return "our vocabulary reads it as another exercise (ours wins)"
    words = min(len(matching._fold(name).split()), len(words))
    english_words = len(matching.normalise_name(english).split())
    target_words = len(matching.normalise_name(target).split())
    if words == 1 and english_words > 1 and not (
            language in COMPOUNDING and english_words == 2 and target_words <= 3 and len(key) >= 8):
        return "one word for a longer name (a movement family)"
    return ""


def commit_of(folder: Path) -> str:
    """The wger commit the fixtures are from, when the folder is in a git checkout."""
    where = ["--git-dir", str(folder)] if is_bare(folder) else ["-C", str(folder)]
    try:
        out = subprocess.run(["git", *where, "rev-parse", "HEAD"], capture_output=True, text=True,
                             check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        out = ""
    return out or "unknown"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("fixtures", type=Path, help="wger's wger/exercises/fixtures folder, or a wger checkout")
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument("--commit", default="", help="the wger commit the fixtures are from (else asked of git)")
    parser.add_argument("-v", "--verbose", action="store_true", help="print what is kept and dropped, and why")
    args = parser.parse_args()
    data = build(args.fixtures, verbose=args.verbose)
    if args.commit:
        data["_comment"] = data["_comment"].replace("commit unknown", f"commit {args.commit}")
    args.out.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"{len(data['aliases'])} aliases -> {args.out}")


if __name__ == "__main__":
    main()
