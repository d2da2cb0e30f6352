"""Read a training plan written as people write it and say how sure we are of each line.

Pure Python: no ORM, no request. The catalogue is passed in as `CatalogEntry`s, so the
parser is tested, benchmarked and run from the command line without a database. Names
are matched by the app's one matcher, `plans.matching`.

API: `parse_plan(text, catalog) -> ParseResult` with `.workouts` (each `.exercises`:
`ParsedExercise` with exercise, confidence, sets, reps_min, reps_max, amrap,
rest_seconds, notes, weight_text, superset, alternatives), `.title`, and `.unread` (the
lines not read as exercises: prose, stats, definitions, percentage schemes).

How a line is read (see `parse_plan`):
0. Before anything, a plan pasted as one paragraph is cut at its days and column gaps,
   and a table with days as columns is turned into each day's lines (`_split_paragraphs`);
   their rows keep the line as the user wrote it.
1. Markdown, bullets, numbering, links and superset labels (A1/A2, 1A/1B) are stripped;
   a table's header row (Exercise | Sets | Reps | Rest) makes its rows read by column.
2. Sets, reps, loads, holds, distances and rest are taken out by small patterns
   (`_find_groups`, `_find_rest`): "4x6-8", "3 sets of 10", "Sets: 4 | Reps: 8-10",
   "225x5" and "5x405" (a number too large for reps is a load, in `weight_text`),
   "95x10, 115x8, 135x6" (three sets at three loads), "3x60s" (sets, no reps), "5+".
3. Each group of numbers belongs to the name before it (`_segments`): a line may hold
   several exercises ("Press 3x5 and chins 3x8") or several groups of one ("2x5, 1x5+");
   on a line that starts with numbers each name follows its numbers ("3x10 push-ups,
   3x15 squats"), and names listed before the numbers share them or take one each in
   order ("Squat, bench, row: 3x5 each", "Squat + Bench + Row, 5x3 / 5x5 / 4x6").
   A warm-up ramp before the working sets is not the prescription ("2x5x45lb (warmup),
   5x5x135lb" is 5x5), nor are reps before a name ("60 push-ups") a set line.
4. Lines of numbers under an exercise are its prescription or per-set lines (a ramp of
   set lines ends in the working sets: `_prescribe`), labelled field lines ("- Sets: 4",
   "- Reps: 8-10", "- Rest: 2 min") set one field (`_apply_field`), a name alone, a blank
   line, then bare numbers still go together; "3 sets of 10 per exercise" fills the
   exercises that give none; a block header ("Giant set, 4 rounds:", "Bloque A ×4",
   "Круг 3 раза", "Finisher 6 min EMOM") is no row and gives its members a set count, a
   superset label and the rest said in it or under them ("Descanso 40s"), rounds said after
   them ("(3 rondas)", "Repeat 3 times") too, an EMOM's minute lines ("Min 1: 8 burpees")
   sharing its minutes; a warm-up or cool-down part ("Warmup (6 min)", "Cooldown 5 min",
   "Movilidad") is no row, nor are its timed drills; headings (also glued: "Friday Press 5x3") start a
   workout; "Day 4: same as Day 2" copies that day's rows; labels about the plan
   ("**Duration**: 45 min") and the rest are `unread`.

Confidence (per exercise), so that on plans never seen `high` rows are right (exercise,
sets, reps) at least 98% of the time and `medium` ones 75%:
- high = a name as written (a catalogue name, or an alias when no catalogue exercise has
  that very name and the name is no body part like "abs"), the implement said (or the
  barbell by default in a plan showing loads or a barbell), one prescription written the
  standard way on the name's own line ("4x8", "3 sets of 10", "Sets: 4 / Reps: 8":
  `_PLAIN_PATTERNS`), on a short line holding one exercise, at most one word left unread;
- medium = such a name with doubts: another shape of numbers (columns, per-set lists, a
  ramp, a range of sets, sets only), words left unread, a long or crowded line, a
  heading cut off it, its prescription on the one line below, in labelled field lines or
  copied from elsewhere; or a near-exact name (>= `NEAR_SCORE`: a typo, an alias naming
  one of several) on a line with no other doubt (`_doubted`: such a name and one more
  doubt make a row low);
- low = a closer guess at the name, no set count said ("225x5" is one set at a load),
  more than 10 sets, a prescription picked among several lines below, or no sets/reps
  (never invented);
- unmatched = no exercise found.

Every pattern is linear (no nested quantifiers; patterns anchored at the end of a line
only search its tail), lines over `MAX_LINE_CHARS` are listed unread, and a parse makes
at most `MAX_FUZZY_NAMES` fuzzy look-ups, so the time per input is bounded.
"""

from __future__ import annotations

import re
import string
import unicodedata
from collections import Counter
from dataclasses import dataclass, field, replace
from functools import lru_cache

from allworkouts.limits import MAX_REPS, MAX_REST_SECONDS, MAX_SETS  # noqa: F401  (written once)
from plans.matching import (  # noqa: F401  (re-exported: callers import them from here)
    STRONG_SCORE, WEAK_SCORE, CatalogEntry, Matcher, implements, matcher_for, normalise_name, strip_accents,
    vocabulary,
)
from plans.matching import _fold, _stem  # the vocabulary's phrases are stored folded and stemmed
from plans.matching import has_cjk, segment_cjk

MAX_CHARS = 50_000
MAX_LINE_CHARS = 3000
MAX_FUZZY_NAMES = 200  # distinct non-exact names matched fuzzily per parse (time bound)
MAX_SURE_LINE = 60  # a row from a longer line (markup aside) is at most "medium"
MAX_NAME_WORDS = 8  # longer "names" are sentences: not matched at all
MAX_UNKNOWN_LINE_WORDS = 12  # a longer line (brackets aside) gives no row for a name the catalogue lacks

CONFIDENCE_LEVELS = ("high", "medium", "low", "unmatched")
# A name matched this well is near-exact (a typo corrected, an alias naming one of several
# exercises: 95-96) and may be `medium`; a closer guess (STRONG_SCORE to 94) is `low`: on
# the tune corpus a third of those rows had the wrong exercise, on plans never seen more.
NEAR_SCORE = 95



class PlanTextError(ValueError):
    """The text cannot be parsed at all (empty or over the size limit)."""


@dataclass
class ParsedExercise:
    line: str
    exercise: CatalogEntry | None
    confidence: str
    alternatives: list[CatalogEntry] = field(default_factory=list)
    sets: int | None = None
    reps_min: int | None = None
    reps_max: int | None = None
    amrap: bool = False
    rest_seconds: int | None = None
    notes: str | None = None
    score: float = 0.0
    weight_text: str | None = None  # the load as written ("100kg", "BW+20", "40 m"), never sets/reps
    superset: str | None = None  # a label shared by the exercises done together ("A")

    def copy(self) -> ParsedExercise:
        """A copy to change on its own (a repeated line's row); faster than `replace`."""
        new = object.__new__(ParsedExercise)
        new.__dict__.update(self.__dict__)
        new.alternatives = list(self.alternatives)
        return new

    def as_json(self) -> dict:
        return {
            "line": self.line,
            "exercise": self.exercise.name if self.exercise else None,
            "exercise_id": self.exercise.id if self.exercise else None,
            "confidence": self.confidence,
            "alternatives": [a.name for a in self.alternatives],
            "sets": self.sets,
            "reps_min": self.reps_min,
            "reps_max": self.reps_max,
            "amrap": self.amrap,
            "rest_seconds": self.rest_seconds,
            "notes": self.notes,
            "weight_text": self.weight_text,
            "superset": self.superset,
        }


@dataclass
class ParsedWorkout:
    name: str | None
    exercises: list[ParsedExercise] = field(default_factory=list)


@dataclass
class ParseResult:
    title: str | None
    workouts: list[ParsedWorkout]
    unread: list[str] = field(default_factory=list)  # lines not read as exercises (prose, stats)

    @property
    def exercises(self) -> list[ParsedExercise]:
        return [e for w in self.workouts for e in w.exercises]

    def as_json(self) -> dict:
        """The documented shape read by tools outside the app; keep it exactly."""
        return {"workouts": [
            {"name": w.name, "exercises": [e.as_json() for e in w.exercises]} for w in self.workouts
        ]}


# --- line structure ----------------------------------------------------------------

_N = r"\d{1,4}(?:[.,]\d{1,2})?"
_REPS = r"(\d{1,4})(?:\s*-\s*(\d{1,4}))?(\+(?!\s*(?:drop|ds|\d)))?"  # "6+drop" is a drop set, not AMRAP
# "max" but not "of your max", "% of max" (a one-rep max, not AMRAP).
_AMRAP_WORDS = r"(amrap|(?<!your\s)(?<!of\s)(?<!the\s)(?<!% )(?<!rep\s)max(?:imum)?(?:\s+reps)?|(?:to|till?|until)\s+failure|failure|as\s+many\s+as\s+possible)"
_SECONDS = r"(?:s|sec|secs|second|seconds|sek|seg|segundos|secondes|secondi|сек|секунд|sn|saniye)"
_MINUTES = r"(?:min|mins|minute|minutes|minuten|minutos|minuti|мин|минут|хв|хвилин|dk|dakika)"
# Minutes and seconds as primes, as Italian and Spanish plans write them: 1' (or 1’) is a
# minute, 90'' (or 90") ninety seconds, 1'30 a minute and a half.
_PRIME = r"['’′]"
_PRIME_MINUTES = r"['’′](?!['’′\w])"  # (not "10's")
_PRIME_SECONDS = r"(?:''|’’|\"|″|”)"
_DIST = r"(?:m|meters|metres|yd|yds|yards|km|ft|feet|steps|mi|miles?)"
_SETWORD = r"(?:top\s+|working\s+|work\s+|heavy\s+|back-?off\s+|main\s+)?sets?"

# Each pattern is tried on what earlier ones left; spans they take are blanked out.
_TEMPO = re.compile(r"\btempo\s*[:=]?\s*\(?([0-9x]{3,4})\b\)?")
_HOLD = re.compile(rf"(?<![\d.])(\d{{1,2}})\s*x\s*((\d{{1,3}})\s*(?:-\s*\d{{1,3}}\s*)?(?:{_SECONDS}|{_PRIME_SECONDS})"
                   rf"|\d{{1,2}}\s*(?:{_MINUTES}|{_PRIME_MINUTES})|\d{{1,2}}:\d\d)(?![a-z])")
_DISTANCE = re.compile(rf"(?<![\d.])(\d{{1,2}})\s*x\s*(\d{{1,4}}\s*{_DIST})\b")
_SETS_OF_HOLD = re.compile(rf"\b(\d{{1,2}})\s*{_SETWORD}\s*(?:of|x)?\s*(\d{{1,3}}(?:\s*-\s*\d{{1,3}})?\s*(?:{_SECONDS}|{_MINUTES}|{_DIST}))(?!\w)")
_BW_X_REPS = re.compile(r"\b((?:bw|bwt|bodyweight)(?:\s*[+-]\s*" + _N + r"\s*(?:kg|kgs|lbs?)?)?)\s*x\s*" + _REPS)  # ("BWT x 10")
_PERCENT_X_REPS = re.compile(rf"(?<![\d.])(\d{{1,3}}(?:\.\d)?\s*%)\s*(?:x|for)\s*{_REPS}")
_LOAD_X_REPS = re.compile(r"(?<![\d.])(" + _N + r")\s*(kg|kgs|lbs?|#|’s|'s)?\s*x\s*" + _REPS + r"(?!\d|\.\d|\s*x\s*\d)")
_REPS_SLASH_LOAD = re.compile(r"(?<![\d./])(\d{1,2})\s*/\s*(\d{2,4}(?:\.\d)?)(?![\d/])")  # "12/115": 12 reps at 115
_PROGRAM_NAMES = re.compile(r"\b5\s*/\s*3\s*/\s*1\b")  # Wendler's 5/3/1 is a programme, not reps
_LABELLED = re.compile(rf"\bsets?\s*[:=]?\s*(\d{{1,2}})\W{{0,5}}reps?\s*[:=]?\s*(?:{_REPS}|{_AMRAP_WORDS})")
# "3 sets 12, 10, 8", "3 sets of 10, 8 and 6 reps": the set count, then the reps of each.
_SETS_LIST = re.compile(r"\b(\d{1,2})\s*" + _SETWORD + r"\s*(?:of\s*|x\s*)?[:,]?\s*(\d{1,3}(?:\s*[,/]\s*\d{1,3}){0,8}(?:\s*[,/]\s*|,?\s+(?:and|&)\s+)\d{1,3})\b(?!\s*(?:kg|lb|%|x\b|sets?\b|rounds?\b))")
# "4 heavy sets starting from 8 reps to 6 to 4 to 2", "5 sets from 10 down to 2 reps": a
# set count, then the reps of the first set and those it goes to ("to" is "-" by now).
_SETS_LADDER = re.compile(rf"\b(\d{{1,2}})\s*{_SETWORD}\s+(?:starting\s+|going\s+|ramping\s+|working\s+)?(?:from|at)\s+"
                          r"(\d{1,2})(?:\s*(?:reps?|repetitions?))?((?:\s*(?:-|,|to|down\s+to|(?:and\s+)?(?:ending|finishing)\s+(?:at|with)|and)\s*\d{1,2}(?!\d|[.,]\d|\s*(?:%|kg|lbs?|x)\b)){1,9})")
_SETS_OF = re.compile(rf"\b(\d{{1,2}})(?:\s*-\s*\d{{1,2}})?\s*{_SETWORD}\s*(?:of|x|,|:|\(|for)?\s*(?:{_REPS}|{_AMRAP_WORDS})"
                      r"(?!\d|[.,]\d|\s*(?:kgs?|lbs?|#|pounds|kilos)(?!\w))(?:\s*reps?)?")  # ("1 set 15lb": a load, no reps)
_REPS_X_SETS = re.compile(rf"\b{_REPS}\s*reps?\s*(?:x|,|for)?\s*(\d{{1,2}})\s*sets?\b")
# "Приседания 3 по 10", "4 по 8-12": Russian and Ukrainian shorthand for sets of reps.
# "Планка 3 по 60 сек", "3 підходи по 1 хв": sets of a time.
_SETS_PO_HOLD = re.compile(rf"(?<![\d.,])(\d{{1,2}})\s+(?:sets\s+)?по\s+(\d{{1,3}}(?:\s*-\s*\d{{1,3}})?\s*(?:{_SECONDS}|{_MINUTES}))\.?(?!\w)")
_SETS_PO_REPS = re.compile(r"(?<![\d.,])(\d{1,2})\s+по\s+(\d{1,3})(?:\s*-\s*(\d{1,3}))?"
                           rf"(?![\d.,]|\s*(?:кг|kg|%|раз[а-я]*\s+в|(?:{_SECONDS}|{_MINUTES})\.?(?!\w)))")  # "3 по 1 хв": a time
_REPS_X_N_SETS = re.compile(r"(?<![\d.])(\d{1,3})\s*x\s*(\d{1,2})\s*sets?\b")
_REPS_WORD_X_SETS = re.compile(rf"(?<![\w.]){_REPS}\s*reps?\s*x\s*(\d{{1,2}})(?!\d|[.,]\d|\s*(?:kgs?|lbs?|%|#|sets?|reps?|{_SECONDS}|{_MINUTES})(?!\w))")
# The end of a range is no time and no set count: "3x8 / 2 min rest" is 3x8 and a rest,
# "3x5 / 3x8" two prescriptions, not 3-5 reps.
_RANGE_REPS = _REPS.replace("-", "[-/]", 1).replace(r"(\d{1,4}))?", rf"(\d{{1,4}})(?!\d|[.,]\d|\s*x\s*\d|\s*(?:{_SECONDS}|{_MINUTES})\b))?", 1)
_SETS_X_REPS = re.compile(rf"(?<![\d.])(\d{{1,2}})(?:\s*-\s*\d{{1,2}})?\s*x\s*(?:{_RANGE_REPS}|{_AMRAP_WORDS})"
                          r"(?:\s*reps?|((?:[.,]\d{1,2})?\s?(?:kg|kgs|lbs?|#))(?![a-z]))?")
# "3 x 12, 10, 8", "4x10,8,6,6": a set count, then the reps of each set.
_SETS_X_REPS_LIST = re.compile(rf"(?<![\d.])(\d{{1,2}})\s*x\s*(\d{{1,3}}(?:(?:\s*,\s*\d{{1,3}}){{1,9}}|(?:\s*/\s*\d{{1,3}}){{2,9}}"
                               rf"|(?:\s*-\s*\d{{1,3}}){{2,9}}))"
                               rf"(?![\d.%:]|\s*(?:x|kg|lbs?|%|\+|-|:|'|\"|(?:{_MINUTES}|{_SECONDS}|{_DIST}|rpe|rir)\b))")
# "Squats 5x(145, 155, 165, 165lb)": reps, then one load per set in brackets.
_REPS_X_LOAD_LIST = re.compile(r"(?<![\d.])(\d{1,2})\s*x\s*\(\s*(\d{1,4}(?:\.\d{1,2})?(?:\s*[,/;]\s*\d{1,4}(?:\.\d{1,2})?){1,9})"
                               r"\s*(kgs?|lbs?|#)?\s*\)")
_LOAD_NUMBER = re.compile(r"\d{1,4}(?:\.\d{1,2})?")
_WEIGHT_X_REPS_X_SETS = re.compile(r"(?<![\d.])(\d{1,4}(?:\.\d)?)\s*(kgs?|lbs?)?\s*x\s*(\d{1,2})\s*x\s*(\d{1,2})\b(?!\s*x)(\s*sets?\b)?")
# "5x5x135lb", "2x5x45": sets x reps x a load (too large for reps, or written with its unit).
_SETS_X_REPS_X_LOAD = re.compile(r"(?<![\d.])(\d{1,2})\s*x\s*(\d{1,2})\s*x\s*(\d{1,4}(?:[.,]\d{1,2})?|bw\b|bodyweight\b)"
                                 r"\s*(kg|kgs|lbs?|#)?(?![\d.x]|,\d)")
# "Squat 225x5,5,5", "160x4,4,4": reps of each set at one load (the load too large for sets).
_LOAD_X_REPS_LIST = re.compile(r"(?<![\d.])(\d{2,4}(?:\.\d)?)\s*(kgs?|lbs?|#)?\s*x\s*(\d{1,2}(?:\s*,\s*\d{1,2}(?![\d.]|\s*[x#a-z])){1,9})"
                               r"(?![\d.]|\s*[x#a-z])")
# "Deadlift 285 4,4,4", "Bench 100kg 8, 8, 6": reps of each set after a load with no "x"
# (the load too large for a set count; a list of three or more, so "Squat 100 5, 6" stays).
_LOAD_REPS_LIST = re.compile(r"(?<![\d.,/x:-])(\d{2,4}(?:\.\d)?)\s*(kgs?|lbs?|#)?\s+(\d{1,2}(?:\s*,\s*\d{1,2}){2,9})"
                             r"(?![\d.]|\s*(?:[x#%/-]|kgs?\b|lbs?\b|reps?\b|sets?\b|[^\W\d_]))")
# "Push ups 3 to failure", "Abdominales 3 al fallo": sets, each to failure.
_SETS_TO_FAILURE = re.compile(r"(?<![\d.x/:-])(\d{1,2})\s+(?:to\s+failure|amrap|max\s+reps|as\s+many\s+as\s+possible)\b")
# "Dumbbell bench: 21 x 10 (x 3)": the set done N times.
_TIMES_IN_BRACKETS = re.compile(r"\(\s*x\s*(\d{1,2})\s*\)|\(\s*(\d{1,2})\s*x\s*\)")
_REPS_AT_LOAD = re.compile(r"(?<![\d.])(" + _N + r")\s*(kg|kgs|lbs?|plates?|’s|'s)?\s*for\s*" + r"(?:(\d{1,2})\s*sets?\s*of\s*)?" + _REPS + r"\s*reps?\b")
_SETS_OF_NAME = re.compile(r"\b(\d{1,2})(\s*sets?)\s+of\s+(?=[^\W\d_])")
_SETS_ONLY = re.compile(r"\b(\d{1,2})(?:\s*-\s*\d{1,2})?\s*" + _SETWORD + r"\b")  # "3-5 sets": 3
_REPS_ONLY = re.compile(rf"\b{_REPS}\s*(?:reps?|repetitions?|rep)\b")
# Alone on a line (not after "3 x"), "max weight 100 kg", "max load", "max 80kg" is the
# heaviest load, not reps to the limit ("Bench 3x8, max weight 100 kg" keeps its 8 reps).
_AMRAP_ONLY = re.compile(rf"\b(?!max(?:imum)?\s*(?:weight|load|\d+(?:[.,]\d+)?\s*(?:kgs?|lbs?|кг|pounds|kilos)\b|\d+\s*#))"
                         rf"{_AMRAP_WORDS}\b")
_COUNT_BEFORE = re.compile(r"(?<![\d.,x/:%-])(\d{1,2})[ \t]+(?:x[ \t]*)?$")  # searched up to an AMRAP word


def _may_say_amrap(text: str) -> bool:
    """Whether `_AMRAP_ONLY` can match: each of its words holds one of these (a
    substring test is far cheaper than the pattern's look-behinds at every position)."""
    return "amrap" in text or "max" in text or "failure" in text or "possible" in text
_SHORT_OF_FAILURE = re.compile(r"\b(?:not|no|never|without|sin|sem|senza|ohne|sans|nie|short\s+of|before|avoid\w*)"
                               r"(?:\s+[^\W\d_]+){0,2}\s+$")  # before "failure" (translated): "sin llegar to failure"
_PLUS_ONLY = re.compile(r"(?<![\d.])(\d{1,2})\+(?!\d)")
# "Set 2 x 8", "Set #3: 6x100": the number after "set" counts the set, it is no set count.
_SET_NUMBER = re.compile(r"\bset\s*#?\s*(\d{1,2})\s*[x:]")
_DATE = re.compile(r"(?<![\d.])(?:(?:19|20)\d\d([-/.])\d{1,2}\1\d{1,2}|\d{1,2}([-/.])\d{1,2}\2(?:19|20)\d\d)(?![\d.])")
_LOAD_PAIR = re.compile(r"(?<![\d./])\d{2,3}(?:\.\d)?(?:\s*/\s*\d{2,3}(?:\.\d)?){1,9}\s*(?:#|lbs?\b|kgs?\b)")
# Two numbers before a name ("30/24 cal row", "50/50 kettlebell press"): the men's and
# women's numbers, or a split of the work between sides; never two sets.
_LEADING_PAIR = re.compile(r"^\s*(\d{1,3})\s*/\s*(\d{1,3})(?![\d/.,])(?=\s*[^\W\d_]{2})")
_CALORIES = re.compile(r"\bcal(?:s|orie|ories)?\b")
# "1/2 BW", "3/4 squats": a fraction of something, not two sets of reps (kept in the text).
_FRACTION = re.compile(r"(?<![\d./])([1-3])\s*/\s*([2-4])(?![\d/.,])(?=\s*(?!reps?\b|sets?\b|x\b)[^\W\d_]{2})")
# (Not before a unit of time: "30/30 sec" is work and rest, no reps.)
_LIST = re.compile(rf"(?<![\d.:])(\d{{1,3}})((?:\s*[,/]\s*\d{{1,3}}){{1,9}})(?![\d%]|\.\d|\s*(?:kg|lb|{_SECONDS}\b|{_MINUTES}\b))")
# "12 reps, 10, 8, 6": the first set's reps said as reps, then the other sets' (three or more).
_REPS_THEN_LIST = re.compile(rf"(?<![\d.:])(\d{{1,3}})\s*reps?((?:\s*,\s*\d{{1,3}}){{2,9}})(?![\d%]|\.\d|\s*(?:kg|lb|x\b|{_SECONDS}\b|{_MINUTES}\b))")
# "5-5-5", "10-8-6-4" after a name: the reps of each set (three numbers or more).
_DASH_LIST = re.compile(rf"(?<![\d.x/-])(\d{{1,2}})((?:\s*-\s*\d{{1,2}}){{2,9}})(?![\d.%x/-]|\s*(?:kg|lbs?|%|x|{_MINUTES}|{_SECONDS}|{_DIST})\b)")
# "8-10 8-10 8-10", "10-12, 10-12, 10-12", "12-15 / 12-15": the reps of each set as a
# range (three ranges, or two alike: two different ones may be sets then reps, "3-4 8-10").
_RANGE_LIST = re.compile(rf"(?<![\d.x/:-])(\d{{1,2}}\s*-\s*\d{{1,2}})((?:\s*[,/;]?\s*\d{{1,2}}\s*-\s*\d{{1,2}}){{1,9}})"
                         rf"(?![\d.%x/-]|\s*(?:kg|lbs?|%|x|{_MINUTES}|{_SECONDS}|{_DIST})\b)")
_RANGE = re.compile(r"(\d{1,2})\s*-\s*(\d{1,2})")
_COLUMNS = re.compile(r"(?<![\d.x])(\d{1,2})(?:\s*-\s*\d{1,2})?\s+(\d{1,3})(?:\s*-\s*(\d{1,3}))?(\+)?\s*$")
_SPACE_LIST = re.compile(r"(?<![\d.x])\d{1,3}(?:[ \t]+\d{1,3}){2,9}[ \t]*$")
_CELLS_WITH_NA = re.compile(r"(?<![\d.x/])\d{1,3}(?:[ \t]{2,}\d{1,3})*(?:[ \t]{2,}n/a)+[ \t]*$")
_TOTAL_REPS = re.compile(r"(?<![\d.x/:])(\d{1,3})\s+(?:reps?\s+)?total\b(?!\s*(?:volume|load|weight|time|tonnage))")
_BARE_HOLD = re.compile(rf"(?<![\d.x:])(\d{{1,4}}(?:\s*-\s*\d{{1,4}})?\s*(?:{_SECONDS}|{_MINUTES}|{_DIST}))\.?\s*(?:hold|each\s+side|per\s+side)?\s*$")
_NAMED_HOLD = re.compile(rf"^[^\d:]{{2,40}}?(?::|\s-)\s*(\d{{1,3}}(?:\s*-\s*\d{{1,3}})?\s*(?:{_SECONDS}|{_MINUTES}|{_DIST}))"
                         r"(?=\s+(?!(?:of|rest|break|pause|between|each|per|every|on|off|total)\b)[^\W\d_])"
                         r"(?:\s+[^\W\d_][^\s\d]*){1,4}\.?\s*$")
_TRAILING_REPS = re.compile(r"(?<![\d.x:/])(\d{1,2})(?:\s*-\s*(\d{1,2}))?(\+)?\s*$")
# "Push ups x10", "Lunges x10 each, x8": reps after an "x" with no set count before it.
_X_REPS = re.compile(rf"(?<![\w.])x\s?(\d{{1,3}})(?:\s*-\s*(\d{{1,3}}))?(\+)?(?![\d.]|,\d|\s*(?:x|kgs?|lbs?|%|#|sets?|rounds?|{_SECONDS}|{_MINUTES}|{_DIST})\b)")
_POOD = re.compile(r"(?<![\d.])(" + _N + r")\s*(?:pood|pd)\b")

# The words a labelled rest starts with; `_find_rest` tries the pattern only on text
# holding one of them.
_REST_WORDS = ("rest", "descanso", "pause", "repos", "recupero", "отдых", "відпочинок")
_REST_LABELLED = re.compile(
    rf"\b(?:rest(?:ing)?|{'|'.join(_REST_WORDS[1:])})\s*[:=]?\s*(?:(\d{{1,2}})(?::|{_PRIME})([0-5]\d){_PRIME_SECONDS}?"
    rf"|(\d{{1,4}}(?:[.,]\d)?)(?:\s*-\s*(\d{{1,4}}))?\s*(?:({_MINUTES}|m|{_PRIME_MINUTES})\.?|({_SECONDS}|{_PRIME_SECONDS})\.?)?"
    r"(?![\w.]))")
_REST_CLOCK = re.compile(r"(?<![\d.])(\d{1,2}):([0-5]\d)(?!\d)")
_REST_UNIT = re.compile(rf"(?<![\d.])(\d{{1,4}})(?:\s*-\s*(\d{{1,4}})(?:[.,]5)?)?\s*(?:({_MINUTES}\b|{_PRIME_MINUTES}(?!\d))"
                        rf"|{_SECONDS}\b|{_PRIME_SECONDS})")

_BULLET = re.compile(r"^\s*(?:[-*+•·>#–—]+\s*|\(?\d{1,3}[.):]\s+|\[[ x]\]\s*)")  # ("1: 10 squats": an EMOM's minute 1)
_SUPERSET = re.compile(r"^\(?(?:([a-h])\s?([1-9])|([1-9])\s?([a-h]))\s*[.):\-]?\s+", re.IGNORECASE)
_LABEL = re.compile(r"^(?:(t[1-3])|exercise(?:\s*\d{1,2})?)\s*[:.)\-]\s*", re.IGNORECASE)  # "T1: Squat", "Exercise: Squat"
_MINUTE_LABEL = re.compile(r"^min(?:ute)?\s*(?:[a-h]|\d{1,2})\s*[:)]\s*", re.IGNORECASE)  # "Min A:", "Minute 2:"
_LOAD = re.compile(r"(?:@\s*)?\d+(?:[.,]\d+)?\s*(?:(?:kg|kgs|lb|lbs|pounds|kilos)\b|%)|@\s*\d+(?:\.\d+)?"
                   r"|\brp[er]\s*\d+(?:\.\d)?|\brir\s*\d|\b(?:bw|bodyweight)\s*[+-]\s*\d+(?:\.\d+)?\s*(?:kg|lbs?)?")
_WEIGHT = re.compile(r"(?<![\w.])(?:\d+(?:[.,]\d+)?\s*-\s*)?\d+(?:[.,]\d+)?\s*(?:kg|kgs|lb|lbs|pounds|kilos)\b|\b(?:bw|bodyweight)\s*[+-]\s*\d+(?:\.\d+)?\s*(?:kg|lbs?)?"
                     r"|(?<![\w.])\d+(?:[.,]\d+)?\s*pood\b")


def _plan_words(kind: str) -> str:
    words = sorted(set(vocabulary().plan_words.get(kind, [])), key=len, reverse=True)
    return "|".join(re.escape(w) for w in words)


# Body parts named as an exercise ("Abs 3x20", "Пресс 3х15", "Addominali 2x15"): which
# exercise for them is the vocabulary's pick, not the user's word.
_BODY_PARTS_EN = ("chest back arms shoulders glutes core abs abdominals biceps triceps delts lats hamstrings quads "
                  "calves traps forearms legs")


@lru_cache(maxsize=1)
def _body_parts() -> frozenset[str]:
    words = set(_BODY_PARTS_EN.split()) | set(vocabulary().plan_words.get("section", []))
    return frozenset(_unaccent(w.lower()) for w in words if " " not in w)


@lru_cache(maxsize=1)
def _heading_patterns() -> tuple[re.Pattern, re.Pattern]:
    weekdays = (r"(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|sday|nesday|rsday|urday)?"
                + "|" + _plan_words("weekday"))
    day = "day|workout|session|routine|phase|week|wk|" + _plan_words("day") + "|" + _plan_words("week")
    session = "|".join(w for w in ("workout|session|routine|" + _plan_words("day")).split("|") if len(w) >= 5)
    splits = (r"(?:upper|lower|push|pull|legs?|full[\s-]*body|chest|back|arms|shoulders|posterior|anterior"
              r"|glutes|core|conditioning|abs|biceps|triceps|bis|tris|delts|lats|hamstrings|quads|calves|cardio|accessor(?:y|ies)"
              r"|" + _plan_words("section") + ")")
    heading = re.compile(
        rf"^(?:(?:{day})\s*[a-z0-9]{{1,2}}\b|(?:{weekdays})\b|(?:{day})\s+(?:one|two|three|four|five|six|seven)\b"
        # "1-й день", "2nd day", "1er jour", "2º dia", "1. Tag": a numbered day, the number first
        rf"|\d{{1,2}}\s*(?:-?\s*(?:й|ый|ий|ой|и|ыи|ии|ои|st|nd|rd|th|er|e|º|°|o|a)|\.)?\s+(?:{day})\b"
        rf"|[^\W\d_]+(?:\s+[^\W\d_]+)?\s+day\s*$"
        # "Rutina de pecho", "Allenamento: Palestra A - Spinta", "Séance haut du corps": a
        # short line (`_is_heading` counts its words) opening with a word for a session.
        rf"|(?:{session})\b(?!\s*(?:notes?|tips?|plan|summary)\b)(?=\s*\S)"
        rf"|{splits}(?:\s*(?:&|and|/|\+|,|(?:y|e|et|und|i|и|і|ve|en|oraz)\b)\s*{splits})*(?:\s+(?:day|body|a|b|c|1|2|3|workout|session|hypertrophy|strength|power))*\s*$)",
        re.IGNORECASE)
    glued = re.compile(rf"^((?:(?:{day})\s*(?:\d{{1,2}}|[a-f])|(?:{weekdays}))\b\s*[:\-–—|.]?\s*)(?=\S)", re.IGNORECASE)
    return heading, glued


@lru_cache(maxsize=1)
def _glued_starts() -> frozenset[str] | None:
    """The first two letters (lower case) of each word a glued heading (`_heading_patterns`)
    starts with: an ASCII line starting otherwise is none. None (no shortcut) when a word
    is shorter, or holds a letter that matches an ASCII one when case is ignored ("K")."""
    plan_words = vocabulary().plan_words
    words = ["mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun", "day", "workout", "session",
             "routine", "phase", "week", "wk", *(w for kind in ("weekday", "day", "week") for w in plan_words.get(kind, []))]
    letters = sorted({c for w in words for c in w if not c.isascii()})
    # (One character class for all the letters: a pattern per letter and ASCII letter took 2 ms to compile.)
    if not all(plan_words.get(kind) for kind in ("weekday", "day", "week")) or any(len(w) < 2 for w in words) or (
            letters and re.compile(f"[{re.escape(''.join(letters))}]", re.IGNORECASE).search(string.ascii_letters)):
        return None
    return frozenset(w[:2].lower() for w in words if w.isascii())


def _glued_heading(text: str) -> re.Match | None:
    """`_heading_patterns`' glued heading at the start of `text` ("Friday Press 5x3")."""
    starts = _glued_starts()
    if starts is not None and text.isascii() and text[:2].lower() not in starts:
        return None  # (most lines: one look-up, not the alternation of every day word)
    return _heading_patterns()[1].match(text)


@dataclass(init=False)
class _Group:
    """The numbers read from a piece of a line. Its `__init__` sets only the values given
    (the others are the class's defaults): several are made for every line read."""

    sets: int | None = None
    reps_min: int | None = None
    reps_max: int | None = None
    amrap: bool = False
    clear: bool = True  # explicit sets and reps, nothing guessed
    sets_said: bool = True  # False: one set because nothing said how many ("225x5", "BW+20 x 8")
    plain: bool = False  # written in a standard form ("4x8", "3 sets of 10", "Sets: 4 / Reps: 8"): see `_PLAIN_PATTERNS`
    note: str = ""
    weight: str = ""
    start: int = 0
    end: int = 0
    weak: bool = False  # read from a bare trailing number or time ("Push ups 10", "Day 1")
    one_set: bool = False  # "5x80lb": reps at a load, one set when it is one of a list
    warmup: bool = False  # "2x5x45lb (warmup)": not a working set when working sets follow
    leading: bool = False  # "60 push-ups": reps before a name, never a set line of the row above
    aside: bool = False  # in brackets with words, beside numbers outside them: another option
    two_sets: bool = False  # "135x12x12" (12 sets of 12) may be two sets at 135: see _find_groups
    hold: bool = False  # "60yd sled drag", "30s dead bugs": a distance or time before the name
    rest: int | None = None  # of a workout's (or the plan's) defaults: "Rest 60 s between sets" above its exercises
    dash: str = ""  # "3 x 12 - 30": "either" (a range, or 12 reps at 30) or "load" ("4 x 12 - 130"): see `_after_dash`

    def __init__(self, **values) -> None:
        self.__dict__.update(values)


def _int(value: str | None) -> int | None:
    return int(value) if value else None


def _reps_group(sets: str | None, lo: str | None, hi: str | None, plus: str | None,
                amrap_word: str | None) -> _Group:
    if amrap_word:
        return _Group(sets=_int(sets), amrap=True, note="AMRAP" if "amrap" in amrap_word or "max" in amrap_word
                      or "many" in amrap_word else "to failure")
    if not lo:
        return _Group(sets=_int(sets))
    a, b = int(lo), int(hi) if hi else int(lo)
    if plus:
        return _Group(sets=_int(sets), reps_min=min(a, b), reps_max=None, amrap=True)
    return _Group(sets=_int(sets), reps_min=min(a, b), reps_max=max(a, b))


def _sets_x_reps(m: re.Match) -> _Group | None:
    """"3x8-12"; "5x405" is 5 reps at 405 (a number too large for reps is a load), and
    so is "5x80lb" (written with its unit): one set of a list ("5x80lb, 5x95lb")."""
    if m[2] and not m[3] and (int(m[2]) > 50 or m[6] and int(m[2]) >= 20):
        return _Group(reps_min=int(m[1]), reps_max=int(m[1]), weight=m[2] + (m[6] or ""), clear=False, one_set=True)
    dash = _after_dash(m) if m[3] else None
    if dash == "load":
        # "4 x 12 - 130", "3 x 10 - 25 kg": a log's reps, then the load after a spaced
        # dash, not a range nobody does (12 to 130 reps). Someone should look.
        return _Group(sets=int(m[1]), reps_min=int(m[2]), reps_max=int(m[2]), weight=m[3] + (m[6] or ""),
                      clear=False, dash=dash)
    group = _reps_group(m[1], m[2], m[3], m[4], m[5])
    if dash == "either":
        group.clear = False  # "3 x 12 - 30": 12 to 30 reps, or 12 reps at 30? A look.
        group.dash = dash  # (in a plan writing loads so elsewhere, the load: `_loads_after_dashes`)
    return group


def _after_dash(m: re.Match) -> str | None:
    """What the second number of "R - N" after "sets x" is, after a spaced dash: "load"
    with a unit after it, more than twice the first and over 40, which no range of reps
    reaches ("12 - 130"), or under half the first ("10 - 2"); "either" when more than twice the first ("12 - 30": a
    range, or a load); None for a range ("8-12", "15 - 20")."""
    between = m.string[m.end(2):m.start(3)]
    if "-" not in between or between == "-":
        return None
    low, high = int(m[2]), int(m[3])
    if m[6] or (high > 2 * low and high > 40) or 2 * high < low:  # ("4 x 10 - 2 chains": no range goes down so)
        return "load"
    return "either" if high > 2 * low else None


def _sets_x_reps_x_load(m: re.Match) -> _Group | None:
    """"5x5x135lb": 5 sets of 5 at 135 lb; without a unit the load must be too large for
    reps, or the first number a set count below the reps ("3x10x20": no one does 3 reps,
    then 10, then 20; a guess all the same)."""
    if not m[4] and m[3][0].isdigit() and float(m[3].replace(",", ".")) <= 30:
        if int(m[1]) <= 6 and int(m[1]) < int(m[2]) < float(m[3].replace(",", ".")):
            return _Group(sets=int(m[1]), reps_min=int(m[2]), reps_max=int(m[2]), weight=m[3], clear=False,
                          sets_said=False)  # (a guess: low)
        return None  # "12 x 10 x 8": reps of each set, read below
    return _Group(sets=int(m[1]), reps_min=int(m[2]), reps_max=int(m[2]), weight=m[3] + (m[4] or ""))


def _weight_x_reps_x_sets(m: re.Match) -> _Group:
    """"225x5x3" and "60 kg x 10 x 3" are 3 sets at a load; "12 x 10 x 8" (no number a
    load) is reps per set."""
    numbers = [float(m[1]), int(m[3]), int(m[4])]
    if numbers[0] <= 30 and not m[2]:
        reps = [int(numbers[0]), numbers[1], numbers[2]]
        return _Group(sets=3, reps_min=min(reps), reps_max=max(reps), clear=False)
    group = _Group(sets=int(m[4]), reps_min=int(m[3]), reps_max=int(m[3]), weight=m[0][:m.end(2) - m.start()] if m[2] else m[1])  # as written: "60 kg"
    if int(m[4]) > 5 and not m[5]:  # ("295x3x6 sets": six)
        group.two_sets = True
    return group


def _reps_x_n_sets(m: re.Match) -> _Group | None:
    """"10x3 sets": the number of sets is the one the word says, so 10 is the reps
    ("3x10 sets" is left to the usual sets x reps)."""
    reps, sets = int(m[1]), int(m[2])
    if reps <= sets:
        return None
    return _Group(sets=sets, reps_min=reps, reps_max=reps, clear=False)


def _reps_word_x_sets(m: re.Match) -> _Group | None:
    """"10 reps x 3": the reps named, then how many times (sets)."""
    if int(m[4]) > 10:
        return None
    return _reps_group(m[4], m[1], m[2], m[3], None)


def _each_set(reps: list[int], sets: int | None = None, **fields) -> _Group:
    """A group from the reps of each set ("12, 10, 8"): a set per number unless `sets`
    says otherwise, the range of the numbers, and the numbers kept as the note."""
    fields.setdefault("clear", False)
    return _Group(sets=len(reps) if sets is None else sets, reps_min=min(reps), reps_max=max(reps),
                  note="reps " + ", ".join(map(str, reps)), **fields)


def _load_x_reps(m: re.Match) -> _Group | None:
    """"225x5" (a load too large to be a set count, or written with its unit): one set."""
    number = float(m[1].replace(",", "."))
    if not m[2] and number <= 15:  # "16 x 10": 10 reps at 16 (sets past 15 are rare, a load is not)
        return None
    group = _reps_group("1", m[3], m[4], m[5], None)
    group.weight = m[1] + ("" if not m[2] or m[2] in ("’s", "'s") else m[2])
    group.clear = group.sets_said = False
    return group


def _load_x_reps_list(m: re.Match) -> _Group | None:
    load = float(m[1])
    if not m[2] and load <= 15:
        return None  # "3x10, 8, 6": sets, then reps of each (below)
    reps = [int(x) for x in _DIGITS.findall(m[3])]
    if 0 in reps:
        return None
    return _each_set(reps, weight=m[1] + (m[2] or ""))


def _load_reps_list(m: re.Match) -> _Group | None:
    if not m[2] and float(m[1]) <= 30:
        return None  # "Squat 20 10,10,10": no load
    reps = [int(x) for x in _DIGITS.findall(m[3])]
    if 0 in reps:
        return None
    return _each_set(reps, weight=m[1] + (m[2] or ""))


_MORE_REPS = re.compile(r"\s*,\s*\d{1,2}(?![\d.]|\s*x)")  # ", 5, 8": more reps, not ", 45x8" (a load's set)


def _bw_x_reps(m: re.Match) -> _Group | None:
    """"BW+20 x 8", "BWT x 10": a set at bodyweight (plus a load); "BWx5,5,8" (bodyweight
    alone, then a list) is read as the list's sets."""
    if m[1].isalpha() and _MORE_REPS.match(m.string, m.end()):
        return None
    return _with(_reps_group("1", m[2], m[3], m[4], None), weight=m[1], clear=False, sets_said=False)


def _sets_ladder(m: re.Match) -> _Group:
    reps = [int(m[2])] + [int(x) for x in _DIGITS.findall(m[3])]
    return _each_set(reps, sets=int(m[1]))


def _blank(text: str, start: int, end: int) -> str:
    return text[:start] + " " * (end - start) + text[end:]


_DIGIT = re.compile(r"\d")
_DIGITS = re.compile(r"\d+")
_LETTER = re.compile(r"[^\W\d_]")
_TWO_LETTERS = re.compile(r"[^\W\d_]{2}")
_SPACES = re.compile(r"\s+")


_SET_NUMBERS = re.compile(r"(?<![\d.,])1(?:\s*,\s*\d){1,8}(?=\s*sets?\b)")


def _set_count(m: re.Match) -> str:
    """"1,2,3" before "sets" as the count, 3, when the numbers count up from 1 (the same
    length: the line's other spans stay where they are)."""
    numbers = [int(n) for n in _DIGITS.findall(m[0])]
    if numbers != list(range(1, len(numbers) + 1)):
        return m[0]
    return str(len(numbers)).ljust(len(m[0]))


# "Back squat (EMOM 10)", "Power clean EMOM x 8 min": after a name, a set every minute.
_EMOM_SETS = re.compile(r"\b(?:e1mom|emom)\s*(?:x\s*|for\s+)?(\d{1,2})\s*(?:min\w*|')?(?!\s*(?:rounds?|sets?|[\d:x]))")


_COUNT_AT_LOAD = re.compile(r":\s*(\d{1,2})\s*(?:reps?\s*)?@\s*(\d{1,4}(?:[.,]\d{1,2})?\s*(?:kgs?|lbs?)|bw|bodyweight|body\s*weight)\s*$")


def _trailing_reps_cap(before: str) -> int:
    """The most reps a bare number at a line's end may be: after a colon a name's count is
    said ("Rows:  52"), so 99; after a space it may be a load or a year ("Squat 45"), so 30."""
    return 99 if before.rstrip().endswith(":") else 30


def _leading_pair(text: str) -> re.Match | None:
    """"30/24 cal row", "50/50 kettlebell press" (`_LEADING_PAIR`), not a fraction ("1/2 BW")."""
    m = _LEADING_PAIR.match(text)
    return m if m and not (len(m[1]) == len(m[2]) == 1 and int(m[1]) < int(m[2]) <= 4) else None


def _find_groups(text: str) -> tuple[list[_Group], str]:
    """Sets/reps groups of a (lower-cased) line, and the line with their spans blanked."""
    groups: list[_Group] = []
    if not _DIGIT.search(text):
        # No number: only "AMRAP" / "to failure" can be structure.
        m = _AMRAP_ONLY.search(text) if _may_say_amrap(text) else None
        if not m:
            return groups, text
        group = _with(_reps_group(None, None, None, None, m[1]), clear=False, start=m.start(), end=m.end())
        return [group], _blank(text, *m.span())

    sets = "set" in text
    numbered = list(_SET_NUMBER.finditer(text)) if sets else []
    # What the patterns need (see `_PATTERNS`), read off the line before any is tried.
    x = "x" in text and _X_BY_DIGIT.search(text) is not None
    rep = "rep" in text
    comma, slash = "," in text, "/" in text
    needs = (x, sets, "for" in text, "%" in text, x and text.count("x") >= 2, x and ("bw" in text or "bodyweight" in text),
             x and (comma or slash or text.count("-") >= 2), "по" in text, comma,
             x and _X_TIME.search(text) is not None, x and rep, x and sets, sets and rep,
             sets and ("from" in text or "at" in text), sets and (comma or slash or "and" in text or "&" in text))
    steps = _STEPS.get(needs)
    if steps is None:
        steps = _STEPS[needs] = tuple(step for step in _PATTERN_STEPS if needs[step[2]])

    kept = []  # tempo and programme names: not numbers to read, but notes to keep
    for pattern in (_TEMPO, _PROGRAM_NAMES):
        if (pattern is _TEMPO and "tempo" not in text) or (pattern is _PROGRAM_NAMES and "/" not in text):
            continue
        m = pattern.search(text)
        if m:
            kept.append((m.start(), m[0]))
            text = _blank(text, *m.span())
    if ("20" in text or "19" in text) and ("-" in text or "/" in text or "." in text) and _DATE.search(text):
        text = _DATE.sub(lambda m: " " * len(m[0]), text)  # "2021/08/17", "29.10.2012": a day, no numbers to read
    if sets and "," in text:
        text = _SET_NUMBERS.sub(_set_count, text)  # "1,2,3 sets - 10 reps": sets 1 to 3, of 10 reps
    pair = _LOAD_PAIR.search(text) if "/" in text else None
    if pair:  # "135/95# thrusters": the men's and women's loads, not two sets ("60/70/80kg": loads)
        text = _blank(text, *pair.span())
    elif "/" in text:
        pair = _leading_pair(text)
        if pair:
            text = _blank(text, *pair.span())
    if "/" in text:
        for m in _FRACTION.finditer(text):
            if int(m[1]) < int(m[2]):
                kept.append((m.start(), m[0]))
                text = _blank(text, *m.span())
    emom = _EMOM_SETS.search(text) if "emom" in text else None
    if emom and _LETTER.search(text[:emom.start()]) and not text.rstrip().endswith(":"):
        text = _blank(text, *emom.span())  # "Back squat (EMOM 10)": a set each minute (added below)
    else:
        emom = None
    # Blanking takes digits away, never adds one: no digit comes before this one later.
    first_digit = _DIGIT.search(text)
    first_digit = first_digit.start() if first_digit else len(text)
    if text.count("-") >= 2 and not x and not sets:
        text = _take(_RANGE_LIST, _range_list_group, _NOT_PLAIN, text, groups, first_digit)
    for pattern, build, _, plain, digit_first in steps:  # (most lines have no "x" or "set": what cannot match is not tried)
        text = _take(pattern, build, plain, text, groups, first_digit if digit_first else 0)
    if not groups and "/" in text:  # (the cheap test first: every pattern here needs its character)
        text = _take(_REPS_SLASH_LOAD, _reps_slash_load, _NOT_PLAIN, text, groups, first_digit)
    if not groups and "," in text and "rep" in text:
        text = _take(_REPS_THEN_LIST, _list_group, _NOT_PLAIN, text, groups, first_digit)
    if not groups and ("," in text or "/" in text):
        text = _take(_LIST, _list_group, _NOT_PLAIN, text, groups, first_digit)
    if not groups and text.count("-") >= 2:
        text = _take(_DASH_LIST, _list_group, _NOT_PLAIN, text, groups, first_digit)
    if not groups and ("to failure" in text or "max reps" in text or "amrap" in text or "possible" in text):
        m = _SETS_TO_FAILURE.search(text)
        if m and _LETTER.search(text[:m.start()]) and 1 < int(m[1]) <= 10:
            group = _reps_group(m[1], None, None, None, m[0][len(m[1]):].strip())
            group.clear, group.start, group.end = False, m.start(), m.end()
            text = _blank(text, *m.span())
            groups.append(group)
    if not groups:
        sets = _SETS_ONLY.search(text) if "set" in text else None
        each = list(_REPS_ONLY.finditer(text)) if not sets and "rep" in text else []
        if len(each) >= 2 and not any(m[2] or m[3] for m in each):
            # "Squat 15 reps 12 reps 10 reps": one set per number.
            values = [int(m[1]) for m in each]
            group = _each_set(values, start=each[0].start(), end=each[-1].end())
            for m in each:
                text = _blank(text, *m.span())
            groups.append(group)
    if not groups:
        sets = _SETS_ONLY.search(text) if "set" in text else None
        reps = _REPS_ONLY.search(text) if "rep" in text else None
        amrap = _AMRAP_ONLY.search(text) if _may_say_amrap(text) else None
        if amrap and (sets or reps) and _SHORT_OF_FAILURE.search(text, max(0, amrap.start() - 30), amrap.start()):
            amrap = None  # "(10-12 reps, sin llegar al fallo)", "3x10, not to failure": the reps stop short of it
        if amrap and not sets and not reps:
            count = _COUNT_BEFORE.search(text, 0, amrap.start())
            if count and not (count[1] == "1" and "max" in amrap[0]):  # ("1 max": a one-rep max)
                sets = count  # "Pull ups   3   max", "Dips <tab> 3 <tab> failure": a set count, then AMRAP
        plus = None if reps or "+" not in text else _PLUS_ONLY.search(text)
        counts = list(_SETS_OF_NAME.finditer(text)) if sets and not (reps or amrap or plus) else []
        if len(counts) >= 2:
            # "2 sets of hypers and 4 sets of sit-ups": a set count for each name after it.
            for m in counts:
                groups.append(_Group(sets=int(m[1]), clear=False, start=m.start(), end=m.end(1) + len(m[2])))
                text = _blank(text, m.start(), m.end(1) + len(m[2]))
            sets = None
        if sets or reps or amrap or plus:
            if plus:
                group = _reps_group(sets[1] if sets else None, plus[1], None, "+", None)
            else:
                group = _reps_group(sets[1] if sets else None, reps[1] if reps else None,
                                    reps[2] if reps else None, reps[3] if reps else None,
                                    amrap[1] if amrap and not reps else None)
            if amrap and reps:
                group.amrap = True
            group.clear = False
            spans = [m.span() for m in (sets, reps, amrap, plus) if m]
            group.start, group.end = min(s for s, _ in spans), max(e for _, e in spans)
            for span in spans:
                text = _blank(text, *span)
            groups.append(group)
    if not groups and x:
        found = list(_X_REPS.finditer(text))
        if found and _LETTER.search(text[:found[0].start()]):
            # "Banded hip thrusts x20", "Bench x5, x5, x3": reps; one set each when listed.
            for m in found:
                group = _reps_group(None, m[1], m[2], m[3], None)
                group.clear, group.start, group.end, group.one_set = False, m.start(), m.end(), len(found) > 1
                text = _blank(text, *m.span())
                groups.append(group)
    # Each pattern anchored at the end below ends in a digit ("+" after reps), or in a
    # unit's letter or "." (a hold): the line's last character says which may match.
    last = text.rstrip()[-1:]
    ends_in_number = last.isdecimal() or last == "+"  # (`\d` is a Unicode decimal digit too)
    if not groups and last.isdecimal():
        m = _search_end(_SPACE_LIST, text)
        if m and _LETTER.search(text[:m.start()]):
            # "Push ups   20   20   20": reps of each set, in columns.
            reps = [int(x) for x in m[0].split()]
            group = _Group(sets=len(reps), reps_min=min(reps), reps_max=max(reps), clear=False,
                           start=m.start(), end=m.end())
            text = _blank(text, *m.span())
            groups.append(group)
    if not groups and "n/a" in text:
        m = _search_end(_CELLS_WITH_NA, text)
        if m and _LETTER.search(text[:m.start()]):
            # "Knee-ins   20   20   N/A", "Jumping jacks   30   N/A   N/A": a log's columns,
            # one per set, "N/A" for a set not done.
            reps = [int(x) for x in m[0].split() if x.isdigit()]
            group = _Group(sets=len(reps), reps_min=min(reps), reps_max=max(reps), clear=False,
                           start=m.start(), end=m.end())
            text = _blank(text, *m.span())
            groups.append(group)
    if not groups and (last.isalpha() or last == "." or (last == ")" and "(" in text
                                                         and not _EXAMPLE_ASIDE.match(text, text.rfind("(")))):
        # ("Row 500 meters (or 400 m on the ski erg)": an aside in brackets after it)
        m = _search_end(_BARE_HOLD, text if last != ")" else text[:text.rfind("(")])
        if m and _LETTER.search(text[:m.start()]):
            # "Plank 30s", "Carry 40 m": a hold or distance with no sets (the line below is
            # not one of its sets: "Bike 45 min" over "Jump rope 15 min").
            group = _Group(weight=m[1].strip(), clear=False, start=m.start(), end=m.end(), weak=True, hold=True)
            text = _blank(text, *m.span())
            if last == ")":
                # The aside's times are its options' ("(ski 400 m, bike 2 min)"), no rest: a note.
                aside = text.rfind("(")
                group.note, text = text[aside:].strip(), _blank(text, aside, len(text))
            groups.append(group)
    if not groups and (":" in text or " - " in text):
        m = _NAMED_HOLD.match(text)
        lead = _unaccent(text[:m.start(1)]).strip(" \t#*_:-–—.)(0123456789") if m else ""
        if m and not _PHASE.match(lead) and not _NOT_A_NAME.match(lead):  # ("Warm-up: 10 min of light cardio")
            # "Concept2 row: 5 mins steady state", "Bike - 20 min easy": a time or distance
            # right after the name, a few words on its pace after it.
            group = _Group(weight=m[1].strip(), clear=False, start=m.start(1), end=m.end(1), weak=True, hold=True)
            text = _blank(text, *m.span(1))
            groups.append(group)
    if not groups:
        m = _search_end(_COLUMNS, text) if ends_in_number else None
        if m and _LETTER.search(text[:m.start()]):
            # "Bench   4   6": sets and reps in columns.
            group = _reps_group(m[1], m[2], m[3], m[4], None)
            group.start, group.end = m.span()
            text = _blank(text, *m.span())
            groups.append(group)
    else:
        # "3-4 x 10-12 to failure": the words after the numbers make it AMRAP.
        for m in _AMRAP_ONLY.finditer(text) if _may_say_amrap(text) else ():
            for group in groups:
                if 0 <= m.start() - group.end <= 3:
                    if "+" in text[group.end:m.start()] and group.sets and group.reps_min:
                        # "2x5 + AMRAP": two sets of 5, then one more of as many as possible.
                        group.sets, group.reps_max = group.sets + 1, None
                    group.amrap = True
                    group.end = m.end()
                    text = _blank(text, *m.span())
    if not groups and "total" in text:
        m = _TOTAL_REPS.search(text)
        if m and _LETTER.search(text[:m.start()]):
            # "Sit ups: 26 total": reps done in all, no sets said.
            group = _reps_group(None, m[1], None, None, None)
            group.clear, group.start, group.end = False, m.start(), m.end()
            text = _blank(text, *m.span())
            groups.append(group)
    if not groups and ends_in_number:
        m = _search_end(_TRAILING_REPS, text)
        if m and _LETTER.search(text[:m.start()]) and int(m[1]) <= _trailing_reps_cap(text[:m.start()]):
            # "Push ups 10" (in a circuit), "Rows:  52" (a log's count after a colon): reps.
            group = _reps_group(None, m[1], m[2], m[3], None)
            group.clear, group.start, group.end, group.weak = False, m.start(), m.end(), True
            text = _blank(text, *m.span())
            groups.append(group)
    if not groups and "@" in text:
        m = _COUNT_AT_LOAD.search(text)
        if m and _LETTER.search(text[:m.start()]):
            # "Chin-up: 12 @ bodyweight", "Curl: 10 @ 15kg": one set, its reps at a load (as "15kg x 10").
            group = _reps_group("1", m[1], None, None, None)
            group.weight, group.clear, group.start, group.end = m[2], False, m.start(1), m.end()
            group.sets_said, group.one_set = False, True  # (one set: as nothing says how many)
            text = _blank(text, m.start(1), m.end())
            groups.append(group)
    if not groups:
        m = _LEADING_REPS.match(text)
        if m and int(m[1]) <= 300:
            # "60 push-ups", "20 walking lunges" (a circuit, a log): reps before the name.
            group = _reps_group(None, m[1], m[2], m[3], None)
            group.clear, group.start, group.end, group.leading = False, m.start(1), m.end(1), True
            text = _blank(text, *m.span(1))
            groups.append(group)
            text = _more_leading_reps(text, m.end(), groups)
    m = _LEADING_HOLD.match(text) if not groups or ("," in text and text.lstrip()[:1].isdigit()) else None
    if m and (not groups or "," in text[m.end(1):min(g.start for g in groups)]):
        # "60yd sled drag", "30s dead bugs", "20 min stationary bike": a distance or a
        # time before the name, no sets and no reps said; first in a list ("10 min bike,
        # 3x10 goblet squats", "400m run, 20 push-ups"), the first item's.
        group = _Group(weight=m[1].strip(), clear=False, start=m.start(1), end=m.end(1), weak=True, leading=True,
                       hold=True)
        text = _blank(text, *m.span(1))
        groups.append(group)
        if len(groups) == 1:
            text = _more_leading_reps(text, m.end(), groups)
    if len(groups) == 1 and groups[0].sets in (None, 1) and groups[0].reps_min and "(" in text:
        m = _TIMES_IN_BRACKETS.search(text, groups[0].end)
        if m and not text[groups[0].end:m.start()].strip():
            groups[0].sets, groups[0].end = int(m[1] or m[2]), m.end()
            groups[0].one_set = False
            text = _blank(text, *m.span())
    if len(groups) == 1 and groups[0].sets in (None, 1):
        m = _BRACKETED_TIMES.match(text)
        if m:
            # "(70lb x10) 3x": the set in brackets done N times ("(26lb x3 ea. leg) 4x":
            # the other words in the brackets are about the set, no exercise).
            groups[0].sets, groups[0].end = int(m[1]), m.end()
            text = _blank(text, 0, m.end())
    if pair and pair.re is _LEADING_PAIR:
        # The calories of each ("30/24 cal"): the work, as a load is; otherwise a note.
        said = pair[0].strip()
        calories = _CALORIES.search(text) is not None
        groups.insert(0, _Group(weight=said + " cal" if calories else "", note="" if calories else said, clear=False,
                                start=pair.start(), end=pair.end()))
    elif pair:
        if groups:
            if not groups[0].weight:
                groups[0].weight = pair[0].strip()
        else:
            groups.append(_Group(weight=pair[0].strip(), clear=False, weak=True, start=pair.start(), end=pair.end()))
    if len(groups) > 1 and any(g.two_sets for g in groups) and any(
            g.sets == 1 and g.weight and g.reps_min is not None for g in groups):
        # "135x12x12, 185x12x12, 205x12, 225x8": in a list of sets at their loads, a load
        # with two numbers after it is two sets (12 reps, then 12), not 12 sets of 12.
        for g in groups:
            if g.two_sets:
                reps = (g.reps_min, g.sets)  # the two numbers after the load
                g.sets, g.reps_min, g.reps_max, g.clear, g.two_sets = 2, min(reps), max(reps), False, False
    if emom:
        if any(g.sets for g in groups):
            groups[0].note = ", ".join(n for n in (groups[0].note, emom[0].strip()) if n)  # (its sets said: a note)
        elif groups:
            first = groups[0]  # ("EMOM 10 min x 3 reps": the name ends before the EMOM)
            first.sets, first.clear, first.sets_said = int(emom[1]), False, False
            first.start, first.end = min(first.start, emom.start()), max(first.end, emom.end())
        else:
            groups.append(_Group(sets=int(emom[1]), clear=False, sets_said=False, start=emom.start(), end=emom.end()))
    for m in numbered:
        for g in groups:
            if g.start == m.start(1) and g.sets:
                g.sets = 1  # "Set 2 x 8 reps": the second set, of 8 reps
    if len(groups) > 1:
        groups.sort(key=lambda g: g.start)
    for start, value in kept:
        text = text[:start] + value + text[start + len(value):]
    return groups, text


_NOT_PLAIN, _PLAIN, _PLAIN_ONE_SET_COUNT = range(3)  # what a pattern's match is (`_PLAIN_PATTERNS`)
# "2 heavy sets of 5", "3 working sets": some of the sets, the warm-ups before them unsaid;
# how many sets the plan means is a guess.
_SOME_SETS = re.compile(r"\b(?:top|working|work|heavy|back-?off|main)\s+sets?\b", re.IGNORECASE)


def _more_leading_reps(text: str, start: int, groups: list[_Group]) -> str:
    """"10 push-ups, 15 squats, 20 lunges": after a line's first item, reps before the name
    after each comma (added to `groups`); the text with them blanked."""
    if "," not in text and ";" not in text:
        return text
    for more in _MORE_LEADING_REPS.finditer(text, start):
        if int(more[1]) <= 300:
            g = _reps_group(None, more[1], more[2], more[3], None)
            g.clear, g.start, g.end, g.leading = False, more.start(1), more.end(1), True
            groups.append(g)
            text = _blank(text, g.start, g.end)
    return text


def _take(pattern: re.Pattern, build, plain: int, text: str, groups: list[_Group], start: int = 0) -> str:
    """Add the groups `build` makes of the matches of `pattern` (None: no group) to
    `groups`; the text with their spans blanked. `plain`: whether a group is written the
    standard way (`_PLAIN_ONE_SET_COUNT`: unless it gives a range of sets, "3-4 x 10").
    `start`: where a match may start (a pattern starting with a digit: the first digit;
    its look-behinds still see the text before)."""
    spans = []
    for m in pattern.finditer(text, start):
        group = build(m)
        if group is None:
            continue
        group.start, group.end = span = m.span()
        # (Each pattern's cheap precondition first: a range holds a dash, "top sets" holds
        # "set" on a lower-cased ASCII line; the case-blind pattern reads "ſets" too.)
        said = m[0]
        group.plain = ((plain == _PLAIN or (plain == _PLAIN_ONE_SET_COUNT and not ("-" in said and _SET_RANGE.match(said))))
                       and not (("set" in said or not said.isascii()) and _SOME_SETS.search(said)))
        groups.append(group)
        spans.append(span)
    if not spans:
        return text
    if len(spans) == 1:  # (most lines: one match)
        start, end = spans[0]
        return text[:start] + " " * (end - start) + text[end:]
    pieces, last = [], 0  # blank them all at once: one copy of the line per pattern, not per match
    for start, end in spans:
        pieces += [text[last:start], " " * (end - start)]
        last = end
    return "".join(pieces) + text[last:]


def _reps_slash_load(m: re.Match) -> _Group | None:
    """"12/115": 12 reps at 115 (a number too small for a load is no load)."""
    if float(m[2]) <= 50:
        return None
    return _Group(sets=1, reps_min=int(m[1]), reps_max=int(m[1]), weight=m[2], clear=False, sets_said=False)


# A number then words, not a unit or a plan word ("5 minutes plank", "3 days a week"),
# or "1-arm" ("50 1-arm swings").
_LEADING_REPS = re.compile(
    rf"^\s*(\d{{1,3}})(?:\s*-\s*(\d{{1,3}}))?(\+)?(?:[lr](?=\s))?\s+(?!(?:{_SECONDS}|{_MINUTES}|{_DIST}|kg|kgs|lbs?|x|sets?|rounds?"
    r"|reps?|times|days?|weeks?|cal|calories|miles?|hours?|h|hrs?|of|to|per|percent|rm|%)\b)(?=[^\W\d_]{2}|1-(?:arm|leg|hand)\b)")
_LEADING_HOLD = re.compile(rf"^\s*(\d{{1,4}}(?:\s*-\s*\d{{1,4}})?\s*(?:{_DIST}|{_SECONDS}|{_MINUTES}|cals?|calories))\s+"
                           # ("5km on the bike", "40 cal bike"; not "1 min on, 1 min off")
                           r"(?!(?:(?:of|de|di|do|der)\s+)?(?:rest|break|pause|recovery|between|each|per|every|on(?!\s+(?:the|an?)\s+[^\W\d_]{3})"
                           r"|off|a|the|to|x|sets?|reps?|rounds?"
                           r"|cardio|ausdauer|arbeit|work|warm|easy|light|leve|stretch\w*)\b)"
                           r"(?=[^\W\d_]{2})")
# "..., 15 band pull aparts and 10 pallof presses": the next name's reps after a comma or "and".
_MORE_LEADING_REPS = re.compile(_LEADING_REPS.pattern.replace(r"^\s*(", r"(?:[,;]|\s(?:and|&))\s*(", 1))
_BRACKETED_TIMES = re.compile(r"^\s*\([^()\d]*(?:/\s*x?\d{1,3}[^()\d]*)?\)\s*(\d{1,2})\s*x\s*$")


_EXAMPLE_ASIDE = re.compile(r"\(\s*(?:e\.?\s?g\b|i\.?\s?e\b|for\s+example|such\s+as|like\b)")  # "(e.g., burpees, ...)"


def _search_end(pattern: re.Pattern, text: str, tail: int = 60):
    """Search a pattern anchored at the end in the line's last characters only: it would
    otherwise be retried from every position of a long line."""
    stripped = text.rstrip()
    offset = max(0, len(stripped) - tail)
    return pattern.search(stripped, offset)


def _with(group: _Group, **values) -> _Group:
    for key, value in values.items():
        setattr(group, key, value)
    return group


def _range_list_group(m: re.Match) -> _Group | None:
    """"8-10 8-10 8-10": a set per range, the reps from the lowest to the highest."""
    ranges = [(int(lo), int(hi)) for lo, hi in _RANGE.findall(m[1]) + _RANGE.findall(m[2])]
    if any(lo == 0 or lo >= hi for lo, hi in ranges) or (len(ranges) == 2 and ranges[0] != ranges[1]):
        return None
    return _Group(sets=len(ranges), reps_min=min(lo for lo, _ in ranges), reps_max=max(hi for _, hi in ranges),
                  clear=False, sets_said=True, note="reps " + ", ".join(f"{lo}-{hi}" for lo, hi in ranges))


def _list_group(m: re.Match) -> _Group:
    """"12, 10, 8" or "5/3/1": one set per number."""
    reps = [int(m[1])] + [int(x) for x in _DIGITS.findall(m[2])]
    if 0 in reps:
        return None
    # Two numbers alone ("50/50", "8/10", "1/2 BW") are as often a range, a pair of loads or
    # a fraction as two sets: no set count said.
    return _each_set(reps, sets_said=len(reps) > 2)


def _reps_x_loads(m: re.Match) -> _Group | None:
    """"Squat 5x265,280,285": numbers too large for reps after the x are the loads of one
    set each, at the reps before it."""
    loads = _DIGITS.findall(m[2])
    if int(m[1]) > 20 or min(map(int, loads)) <= 30:
        return None
    return _Group(sets=len(loads), reps_min=int(m[1]), reps_max=int(m[1]), weight=f"{loads[0]}-{loads[-1]}", clear=False,
                  note="loads " + ", ".join(loads))


def _reps_x_load_list(m: re.Match) -> _Group | None:
    """"Squats 5x(145, 155, 165lb)": the reps, then a load for each set in brackets (numbers
    too large for reps, or with a unit; "3x(10, 8, 6)" is reps of each set)."""
    loads = _LOAD_NUMBER.findall(m[2])
    unit = m[3] or ""
    if int(m[1]) > 20 or (not unit and min(float(x) for x in loads) <= 30):
        return None
    return _Group(sets=len(loads), reps_min=int(m[1]), reps_max=int(m[1]), weight=f"{loads[0]}-{loads[-1]}{unit}",
                  clear=False, note=f"loads {', '.join(loads)}{unit}")


def _sets_list_group(m: re.Match) -> _Group:
    """"3 sets 12, 10, 8": the set count, and reps from the list."""
    reps = [int(x) for x in _DIGITS.findall(m[2])]
    # Clear when there is one number per set; "4 sets 12, 10, 8" leaves a set to guess.
    return _each_set(reps, sets=int(m[1]), clear=len(reps) in (1, int(m[1])))


_X_BY_DIGIT = re.compile(r"\d\s*x|x\s*\d")  # every "x" pattern has a number on one side of the x
# What `_HOLD` and `_DISTANCE` cannot match without: a number after the x, then a unit (a
# letter), a clock or a prime ("3x30s", "4 x 40 m", "3x1:00", "3x45''"). One pass instead of their two.
_X_TIME = re.compile(r"\d\s*x\s*\d+\s*(?:-\s*\d+\s*)?(?:[^\W\d_]|:\d|['’′\"″”])")

# The patterns tried in turn, what each match makes, and a word it cannot match without.
_PATTERNS = (
    (_HOLD, lambda m: _Group(sets=int(m[1]), weight=m[2].replace(" ", "")), "x time"),
    (_DISTANCE, lambda m: _Group(sets=int(m[1]), weight=m[2]), "x time"),
    (_SETS_OF_HOLD, lambda m: _Group(sets=int(m[1]), weight=m[2]), "set"),
    (_SETS_X_REPS_X_LOAD, _sets_x_reps_x_load, "xx"),
    (_WEIGHT_X_REPS_X_SETS, _weight_x_reps_x_sets, "xx"),
    (_BW_X_REPS, _bw_x_reps, "bw"),
    (_PERCENT_X_REPS, lambda m: _with(_reps_group("1", m[2], m[3], m[4], None), note=m[1], clear=False,
                                      sets_said=False), "%"),
    (_LABELLED, lambda m: _reps_group(m[1], m[2], m[3], m[4], m[5]), "set rep"),
    (_REPS_AT_LOAD, lambda m: _with(_reps_group(m[3] or "1", m[4], m[5], m[6], None), weight=m[1] + (
        m[2] if m[2] and m[2][0] in "kl" else " " + m[2] if m[2] and m[2][0] == "p" else ""),  # ("2 plates for 5 reps")
        clear=bool(m[3]), sets_said=bool(m[3])), "for"),
    (_SETS_LIST, _sets_list_group, "set list"),
    (_REPS_X_SETS, lambda m: _reps_group(m[4], m[1], m[2], m[3], None), "set rep"),
    (_REPS_X_N_SETS, _reps_x_n_sets, "x set"),
    (_SETS_PO_HOLD, lambda m: _Group(sets=int(m[1]), weight=m[2].strip()), "по"),
    (_SETS_PO_REPS, lambda m: _reps_group(m[1], m[2], m[3], None, None), "по"),
    (_REPS_WORD_X_SETS, _reps_word_x_sets, "x rep"),
    (_SETS_LADDER, _sets_ladder, "set from"),
    (_SETS_OF, lambda m: _reps_group(m[1], m[2], m[3], m[4], m[5]), "set"),
    (_REPS_X_LOAD_LIST, lambda m: _reps_x_load_list(m) or _sets_list_group(m), "list"),
    (_SETS_X_REPS_LIST, lambda m: _reps_x_loads(m) or _sets_list_group(m), "list"),
    (_LOAD_X_REPS_LIST, _load_x_reps_list, "list"),
    (_LOAD_X_REPS, _load_x_reps, "x"),
    (_LOAD_REPS_LIST, _load_reps_list, ","),
    (_SETS_X_REPS, _sets_x_reps, "x"),
)
# The standard ways to write a prescription: sets then reps ("4x8-12", "3 sets of 10",
# "3 sets x 10 reps", "10 reps, 3 sets", "Sets: 4 / Reps: 8", "3 по 10"), or sets of a
# time or distance ("3x60s", "4 x 40 m"), a load after them ("5x5x135lb"), with one set
# count (in "3-4 sets" the parser picks the 3). Only a row read from one of these may be
# `high`: per-set lists ("3 sets 12, 10, 8"), columns ("Bench  4  6"), a load first
# ("225x5x3", "100kg for 5"), reps then times ("10 reps x 3") are read right often, but
# on plans never seen less often than high promises.
_SET_RANGE = re.compile(r"\d{1,2}\s*-\s*\d")
_SETS_FIRST = (_SETS_OF, _SETS_X_REPS)
_PLAIN_PATTERNS = frozenset({_HOLD, _DISTANCE, _SETS_OF_HOLD, _SETS_X_REPS_X_LOAD, _LABELLED, _REPS_X_SETS,
                             _SETS_PO_REPS, _SETS_OF, _SETS_X_REPS})
# Each pattern of `_PATTERNS` with the index of what it needs in the tuple `_find_groups`
# reads off a line, and what its matches are (`_take`); looked up by identity (hashing a
# compiled pattern hashes its whole code, about 1 µs each time).
_NEEDS = ("x", "set", "for", "%", "xx", "bw", "list", "по", ",", "x time", "x rep", "x set", "set rep", "set from",
          "set list")
_PLAIN_IDS = frozenset(map(id, _PLAIN_PATTERNS))
_WORD_FIRST = (_BW_X_REPS, _LABELLED)  # every other pattern's match starts with a digit ("bw+20 x 8", "sets: 4 reps: 8")


def _from_a_digit(pattern: re.Pattern) -> re.Pattern:
    """The same pattern for one whose matches start with a digit, saying so first: the
    search then skips to the next digit (a look-behind first is tried at every position)."""
    return re.compile(r"(?=\d)" + pattern.pattern, pattern.flags)


_PATTERN_STEPS = tuple(
    (pattern if any(pattern is p for p in _WORD_FIRST) else _from_a_digit(pattern), build, _NEEDS.index(needs),
     _NOT_PLAIN if id(pattern) not in _PLAIN_IDS else _PLAIN_ONE_SET_COUNT if any(pattern is p for p in _SETS_FIRST)
     else _PLAIN,
     not any(pattern is p for p in _WORD_FIRST))
    for pattern, build, needs in _PATTERNS)
_STEPS: dict[tuple[bool, ...], tuple] = {}  # what a line needs -> the steps it takes (few distinct)


def _describe(group: _Group) -> str:
    reps = "" if group.reps_min is None else (
        str(group.reps_min) if group.reps_min == group.reps_max else f"{group.reps_min}-{group.reps_max or ''}")
    text = "x".join(str(v) for v in (group.sets, reps) if v)
    return f"{text} @ {group.weight}" if group.weight else text


def _merge(groups: list[_Group]) -> _Group:
    """Groups of one exercise ("2x5, 1x5+", "95x10, 115x8, 135x6"): one row."""
    if len(groups) == 1:
        return groups[0]
    main = [g for g in groups if not g.aside]
    if main and len(main) < len(groups):
        # "5x5 (3x5 on deload weeks)": the numbers in brackets are another option, in notes.
        merged = _merge(main)
        merged.note = ", ".join(n for n in (merged.note, *("(" + _describe(g) + ")" for g in groups if g.aside)) if n)
        return merged
    working = [g for g in groups if not g.warmup]
    if working and len(working) < len(groups):
        # "2x5x45lb (warmup), 5x5x135lb": the warm-up ramp is not the prescription.
        merged = _merge(working)
        merged.note = ", ".join(n for n in ("warm-up " + ", ".join(
            _describe(g) for g in groups if g.warmup), merged.note) if n)
        return merged
    sets = [g.sets or (1 if g.one_set else None) for g in groups]
    low = [g.reps_min for g in groups if g.reps_min is not None]
    high = [g.reps_max for g in groups if g.reps_max is not None]
    amrap = any(g.amrap for g in groups)
    weights = [g.weight for g in groups if g.weight]
    merged = _Group(
        sets=sum(s for s in sets if s) if any(sets) else None,
        reps_min=min(low) if low else None,
        reps_max=None if any(g.amrap and g.reps_max is None for g in groups) or not high else max(high),
        amrap=amrap, clear=all(g.clear for g in groups) and all(sets),
        note=", ".join(g.note for g in groups if g.note),
        weight=_load_range(weights) if weights else "",
        start=groups[0].start, end=groups[-1].end)
    return merged


_UNIT_AFTER = re.compile(r"^([\d.,]+)\s*([^\W\d_]+|#)$")


def _load_range(weights: list[str]) -> str:
    """The loads of a row's sets as one text: the one load, or the first and the last
    ("80-85kg": the unit once when both say the same one, as people write a range)."""
    if len(set(weights)) == 1:
        return weights[0]
    first, last = _UNIT_AFTER.match(weights[0]), _UNIT_AFTER.match(weights[-1])
    if first and last and first[2] == last[2]:
        return f"{first[1]}-{weights[-1]}"
    return f"{weights[0]}-{weights[-1]}"


def _find_rest(text: str) -> tuple[int | None, str, str]:
    """(rest in seconds, a note when the text gave a range, text with the rest blanked)."""
    if not _DIGIT.search(text):  # each pattern below needs a number
        return None, "", text
    m = _REST_LABELLED.search(text) if any(word in text for word in _REST_WORDS) else None
    if m:
        if m[1]:
            seconds = int(m[1]) * 60 + int(m[2])
            return _bounded_rest(seconds), "", _blank(text, *m.span())
        lo, hi = float(m[3].replace(",", ".")), _int(m[4])  # "rest 2.5 min"
        # "rest 2" means minutes; "rest 90" means seconds.
        minutes = bool(m[5]) or (not m[6] and lo <= 5)
        return *_rest_from(lo, hi, minutes, m[0]), _blank(text, *m.span())
    m = _REST_CLOCK.search(text) if ":" in text else None
    if m:
        return _bounded_rest(int(m[1]) * 60 + int(m[2])), "", _blank(text, *m.span())
    for m in _REST_UNIT.finditer(text):
        # Without the word "rest", only a plausible rest counts ("2s pause" is not one).
        minutes, value = bool(m[3]), int(m[1])
        if (1 <= value <= 10) if minutes else (15 <= value <= 600):
            return *_rest_from(value, _int(m[2]), minutes, m[0]), _blank(text, *m.span())
    return None, "", text


def _rest_from(lo: float, hi: int | None, minutes: bool, raw: str) -> tuple[int | None, str]:
    factor = 60 if minutes else 1
    note = f"rest {raw.strip().removeprefix('rest').strip(' :=')}" if hi else ""
    return _bounded_rest(round(lo * factor)), note  # a range: plan for its lower end, keep it in notes


def _bounded_rest(seconds: int) -> int | None:
    return seconds if 0 < seconds <= MAX_REST_SECONDS else None


_NAME_TRIM = " \t-–—:;,.|@(=/+>→"
_NOTE_TRIM = " \t-–—:;,.|/"


_URL = re.compile(r"\bhttps?://\S+|\bwww\.\S+")
_NOT_A_NAME = re.compile(r"^(?:warm[\s-]*ups?|set\s*\d*|sets|deload|bw|bodyweight$|week\s*\d*|round\s*\d*|rounds|top\s+set|back[\s-]*off"
                         r"|working\s+sets?|drop\s*-?\s*sets?|empty\s+bar|bar|then|rest|each|per\s+side|e/s"
                         r"|(?:reps?\s+)?(?:per|each|a|every)\s+(?:legs?|arms?|sides?|hands?|foot|feet|way|direction))\b"
                         r"|^(?:heavy|light|easy|hard|moderate|medium|fast|slow|sides?|legs?|arms?|reps?|repetitions?)$")
# "Do 3 sets of 10 push-ups": a verb alone before the numbers (a set: looked up for every line).
_VERBS_ONLY = frozenset(f"{lead}{verb}" for lead in ("", "and ", "then ") for verb in ("do", "perform", "complete", "finish with", "next"))  # "4-6 reps heavy": how, not what
# "I then did 4 sets of incline press", "To finish, I did four sets of 10 curls": a training
# log tells what was done in the first person, the name after the numbers as above.
_NARRATION = re.compile(r"(?:[^,;.]{0,40}[,;]\s*)?(?:(?:and|then|next|after\s+that|so),?\s+)?i\s+"
                        r"(?:(?:then|also|next)\s+)?(?:did|performed|do|(?:finished|started|began|ended)(?:\s[^,;.]{0,40}?)?\s+with)\s*")


_LETTER_ITEM = re.compile(r"^(?:[A-H][.)]\s+(?=[A-Z])|[a-p]\)\s+(?=[^\W\d_])|[a-p]\.\s+(?=[A-Z]))")  # ("c) Smith machine press", "d. Leg press")
_MD_LINK = re.compile(r"\[([^\[\]]{1,80})\]\([^()\s]*\)")


def _strip_markup(line: str) -> tuple[str, bool, str]:
    """(text, whether it was emphasised as a heading, superset label)."""
    text = line.strip()
    marked = text.startswith("#") or (text.startswith(("**", "__")) and text.endswith(("**", "__"))
                                      and len(text) > 4)
    if text[:1].isalpha() is False:  # a bullet never starts with a letter: skip the patterns
        for _ in range(3):
            unmarked = _BULLET.sub("", text, count=1).strip()
            if unmarked == text:
                break  # (no bullet left: the next tries would find none either)
            text = unmarked
    if "*" in text or "_" in text or "`" in text:
        text = text.replace("**", "").replace("__", "").replace("`", "").strip()
    if text[1:2] in (".", ")"):
        text = _LETTER_ITEM.sub("", text, count=1)  # "B. Alternating lateral raise:": the order, no name
    if "[" in text:
        # "[[Bench press]]" (a wiki link), "[Squat](https://...)" (a Markdown link): the words.
        text = _MD_LINK.sub(r"\1", text.replace("[[", "").replace("]]", ""))
    if "http" in text or "www." in text:
        text = _URL.sub("", text).strip()
    label = ""
    m = _SUPERSET.match(text)
    if m:
        # "A1"/"A2" share the letter, "1A"/"1B" the number: the shared part is the label.
        label = f"superset {m[1].upper()}{m[2]}" if m[1] else f"superset {m[3]}{m[4].upper()}"
        text = text[m.end():]
    m = _LABEL.match(text)
    if m:
        label = m[1].upper() if m[1] else ""
        text = text[m.end():]
    elif text[:3].lower() == "min":
        m = _MINUTE_LABEL.match(text)
        if m:
            text = text[m.end():]  # "Min A: 10 bench press": the minute of an EMOM, then what it holds
    return text.strip(), marked, label


@lru_cache(maxsize=1)
def _translation() -> tuple[re.Pattern | None, dict[str, str]]:
    words = vocabulary().translate or {}
    if not words:
        return None, {}
    alternation = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{alternation})(?!\w)"), words


def _normalise_line(text: str) -> str:
    if has_cjk(text):
        text = _cjk_plan_words(text)  # "杠铃卧推4组12次" -> "杠铃卧推 4 sets 12 reps"
    text = text.lower()
    pattern, words = _translation()
    if pattern is not None and (not text.isascii() or _ascii_plan_word().search(text)):
        text = pattern.sub(lambda m: words[m[0]], text)  # "4 series de 10 repeticiones" -> "4 sets de 10 reps"
    if not text.isascii():
        # The Cyrillic "х" of "3х10" is a times sign; inside a word ("2хв", "хватом") a letter.
        if "кг" in text:
            # "80кг", "24 кгс": the kilogram's Cyrillic symbol (padded: positions line up);
            # first, so the "х" of "80кгх8" is a times sign after it.
            text = _CYRILLIC_KG.sub(lambda m: "kg".ljust(len(m[0])), text)
        text = _CYRILLIC_TIMES.sub("x", _DASHES.sub("-", text).replace("×", "x"))
    if "*" in text:
        # "15kg*2", "3 * 10": a times sign by a number; "Chin-ups*" a footnote's mark.
        text = _STAR_FOOTNOTE.sub(" ", text).replace("*", "x")
    if _may_spell_number(text):
        # "four sets of eight", "three rounds": numbers spelled out before or after a set
        # word; padded, so positions still line up with the original.
        text = _SPELLED.sub(lambda m: (m[1] or "") + _spelled(m[2] or m[3] or m[4]), text)
    # "8 to 12" -> "8-  12": same length, so positions still line up with the original.
    if not _DIGIT.search(text):
        return text
    if "x'" in text or "x’" in text:
        text = _TIMES_PLURAL.sub(lambda m: m[1] + "x  ", text)  # "3 X's 15-20": 3 x 15-20
    if "+" in text:
        # "10+10 reps": the reps on each side (or each arm), done in one set.
        text = _EACH_SIDE_REPS.sub(lambda m: m[1] + " " * (len(m[0]) - len(m[1])), text)
    if "/" in text:
        # "Reverse lunges 12/12": twelve on each leg, in one set (not two sets of 12).
        text = _EACH_SIDE_SLASH.sub(lambda m: m[1] + " " * (len(m[0]) - len(m[1])), text)
    if "set" in text and "-" in text:
        # "Set 1 - 10 reps": the set's number, then its reps (as "Set 1: 10 reps"), not 1-10 reps.
        text = _SET_NUMBER_DASH.sub(lambda m: m[1] + ":" + " " * (len(m[2]) - 1), text)
    return _TO.sub(lambda m: m[1] + "-" + " " * (len(m[0]) - 3) + m[4], text)


_TIMES_PLURAL = re.compile(r"(?<=\d)(\s?)x['’]s\b")
_STAR_FOOTNOTE = re.compile(r"(?<![\d\s*])\*++(?![\s*]*+\d)")  # (possessive: a run of stars is read once)


# --- Chinese plan words ----------------------------------------------------------------
# Chinese writes numbers and their words with no space ("4组12次", "三组", "组间休息60秒"),
# and the words need no space around them either: the word boundaries of `_translation`
# never match. A Chinese line gets its own reading first: full-width forms to ASCII, a
# Chinese numeral before a counted word to digits, the counted words (after a number
# only: "组" in "3组" is sets, in "组合" no word) and the other plan words to English.

_CJK_DIGITS = {c: n for n, c in enumerate("零一二三四五六七八九")} | {"两": 2}


def _cjk_number(numeral: str) -> str:
    """"三" -> "3", "十二" -> "12", "二十" -> "20", "两" -> "2" (up to 99)."""
    tens, _, units = numeral.rpartition("十")
    if "十" not in numeral:
        return "".join(str(_CJK_DIGITS[c]) for c in numeral)
    return str((_CJK_DIGITS.get(tens, 1) if tens else 1) * 10 + (_CJK_DIGITS.get(units, 0) if units else 0))


@lru_cache(maxsize=1)
def _cjk_patterns() -> tuple[re.Pattern, re.Pattern | None, dict[str, str], dict[str, str]]:
    """(a number, digits or a Chinese numeral, and the counted word after it; the other
    Chinese plan words; their English words): from the vocabulary ('counters', 'translate')."""
    vocab = vocabulary()
    counters = vocab.counters
    words = {k: v for k, v in (vocab.translate or {}).items() if has_cjk(k)}

    def alternation(keys):
        return "|".join(re.escape(k) for k in sorted(keys, key=len, reverse=True))

    # (not "3个月", "两个星期": months and weeks, no reps)
    # (A number starts after no digit and has at most four: a run of digits is tried once.)
    counted = re.compile(rf"(?:第\s*)?((?<![\d.])\d{{1,4}}(?:\.\d{{1,2}})?|[零一二两三四五六七八九十]{{1,3}})[ \t]*"
                         rf"({alternation(counters) or '(?!)'})"
                         r"(?!\s*(?:月|星期|礼拜|禮拜|小时|小時|周|週))")
    return counted, (re.compile(alternation(words)) if words else None), counters, words


_CJK_MINUTES_SECONDS = re.compile(r"(\d{1,2})\s*分(?:钟|鐘)?\s*(\d{1,2})\s*秒(?:钟|鐘)?")
_CJK_RANGE = re.compile(r"(\d)\s*(?:~|〜|到|至)\s*(?=\d)")  # "8~12次", "8到12次": 8-12
_CJK_EDGE = re.compile(r"(?<=[\u3400-\u9fff])(?=[\w(])|(?<=[\w)])(?=[\u3400-\u9fff])", re.ASCII)


def _cjk_plan_words(text: str) -> str:
    counted, pattern, counters, words = _cjk_patterns()
    text = unicodedata.normalize("NFKC", text).replace("、", ",").replace("。", ". ")  # "（２０）" -> "(20)"

    def count(m: re.Match) -> str:
        number = m[1] if m[1][0].isdigit() else _cjk_number(m[1])
        if m[0].startswith("第"):  # "第2组": the second set, no set count
            return f" {counters[m[2]].rstrip('s')} {number} "
        return f" {number} {counters[m[2]]} "

    if "分" in text and "秒" in text:
        text = _CJK_MINUTES_SECONDS.sub(r" \1'\2 ", text)  # "1分30秒": 1'30, a minute and a half
    text = counted.sub(count, text)
    if pattern is not None:
        text = pattern.sub(lambda m: f" {words[m[0]]} ", text)
    if "~" in text or "〜" in text or "到" in text or "至" in text:
        text = _CJK_RANGE.sub(r"\1-", text)
    # The name's words apart, as other languages write them ("杠铃 平板 卧推"), and so
    # each character of words the vocabulary lacks: a sentence is as long as it reads.
    return segment_cjk(_CJK_EDGE.sub(" ", text), vocabulary(), apart=True)


def _cjk_header_words(text: str) -> str:
    """A Chinese table header's words in English, cells kept as they are."""
    _, pattern, _, words = _cjk_patterns()
    return pattern.sub(lambda m: words[m[0]], text) if pattern is not None else text


# "第一天", "第3天：胸+三头", "第2周", "第1课": a numbered day or week, the number between
# 第 and its word; what follows is its name (no numbers: those would be a prescription).
# (The name after the day word is one bounded run of non-digits, separator included: two
# unbounded spaces around an optional separator tried every split of a long run of spaces.)
_CJK_HEADING = re.compile(r"第[ \t]*[\d零一二两三四五六七八九十]{1,3}[ \t]*(?:天|日|周|週|课|課|次训练|次訓練|练|練)"
                          r"\D{0,24}$")


def _cjk_heading(text: str) -> bool:
    return has_cjk(text) and _CJK_HEADING.match(text) is not None


_SET_NUMBER_DASH = re.compile(r"(\bset\s*#?\d{1,2})(\s*-\s*)(?=\d)")

_NUMBER_WORDS = {w: n for n, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen".split())}
_NUMBER_WORDS.update(twenty=20, thirty=30, forty=40, fifty=50, hundred=100)
_NUMBER_WORD = "|".join(sorted(_NUMBER_WORDS, key=len, reverse=True))
_SPELLED = re.compile(
    rf"(\b(?:sets?|rounds?)\s+of\s+)({_NUMBER_WORD})\b"
    rf"|\b({_NUMBER_WORD})\b(?=\s+(?:(?:top|working|work|heavy|hard|more|warm-?up|back-?off|total|quick)\s+)?"
    r"(?:sets?|reps?|repetitions?|rounds?|times)\b)"
    rf"|\b({_NUMBER_WORD})\b(?=[\s-]+(?:minutes?|seconds?)\b)")  # "a one minute break between sets"


def _may_spell_number(text: str) -> bool:
    """Whether `_SPELLED` can match: it needs a set, rep, round or times word (most lines
    with one hold digits, not words: the search runs on few lines)."""
    return ("set" in text or "rep" in text or "round" in text or "times" in text) and _SPELLED_MARKS.search(
        text) is not None


# A piece of every number word of `_SPELLED` (one search, not a test per piece).
_SPELLED_MARKS = re.compile("one|two|thr|fo|fi|six|seven|eight|nine|ten|eleven|twel|teen|twenty|thirty|forty|fifty"
                            "|hundred")


def _spelled(word: str) -> str:
    number = str(_NUMBER_WORDS[word])
    return number + " " * (len(word) - len(number))


_EACH_SIDE_REPS = re.compile(r"(?<![\d.+])(\d{1,2})\s?\+\s?\1(?![\d.+])")
_EACH_SIDE_SLASH = re.compile(r"(?<![\d./:x])(\d{1,2})\s?/\s?\1(?![\d./])(?=\s*(?:$|reps?\b|each\b|per\b|[(,;]))")


_DASHES = re.compile(r"[–—−‐]")
_CYRILLIC_TIMES = re.compile(r"(?<![а-яёіїєґ])х(?![а-яёіїєґ])")
_CYRILLIC_KG = re.compile(r"(?:(?<=\d)|(?<=\d ))кгс?(?=х\s*\d|[^а-яёіїєґ]|$)")


@lru_cache(maxsize=1)
def _ascii_plan_word() -> re.Pattern:
    """A quick test of whether an ASCII line may hold a word to translate: the ASCII
    words' first four letters (most lines have none, and skip the long alternation)."""
    heads = sorted({w[:4] for w in (vocabulary().translate or {}) if w.isascii()}, key=len, reverse=True)
    return re.compile("|".join(re.escape(h) for h in heads) or r"(?!)")


_TO = re.compile(r"(\d)(\s*)(?:to|a|bis|à)(\s+)(\d)")


def _heading_name(text: str) -> str:
    return text.strip(" :-–—#*_|").strip() or text


@lru_cache(maxsize=4096)  # a line is looked at several times (heading, glued heading)
def _unaccent(text: str) -> str:
    """"Día 3" -> "Dia 3": the heading words are stored without accents."""
    return strip_accents(text)


def _is_heading(text: str, marked: bool) -> bool:
    words = text.split()
    if not words or len(words) > 8 and (marked or text[:1].isalnum() or sum(1 for w in words if _WORDLIKE.search(w)) > 8):
        return False
    if ("20" in text or "19" in text) and _DATE.search(text):
        # "14.03.2024 Pull day", "2024-03-05": a log's day, read without its date.
        text = _DATE.sub(" ", text).strip(" :-–—|,.()")
        words = text.split()
        if not words:
            return True
    if len(words) > 8:
        marked = False  # ("📅 Pazartesi – Gün 1 (Upper + Interval Bisiklet)": eight words and symbols)
    if marked or _heading_patterns()[0].match(_unaccent(text)) or _cjk_heading(text):
        return True
    if not text[:1].isalnum() and not text.startswith("|"):  # (a table's cells are no heading: `_cells`)
        bare = _unaccent(_HEADING_DECOR.sub("", text))
        if _heading_patterns()[0].match(bare) and not _PHASE.match(bare.lower()):
            return True  # "📅 Pazartesi – Gün 1", "\## Day 2", "“A” Day": a heading behind emoji, escapes, quotes
    # (The colon may stand apart, as French typography puts it: "Planche :".)
    return text.endswith(":") and len(text.rstrip(":").split()) <= 5 and not _SENTENCE_START.match(text.lower())


_WORDLIKE = re.compile(r"[^\W_]")
# What decorates a heading and is no word of it: leading emoji, symbols and escapes, quotes.
_HEADING_DECOR = re.compile(r"^[\W_]+|[“”\"«»„]")
# "And then:", "This would equate to:": a sentence running on, not a heading.
_SENTENCE_START = re.compile(r"(?:and|then|this|that|these|so|but|if|when|here|it|you|i|we)\b")
# Parts of one session ("Warm-up (5 min)", "Main work", "Cool-down", "Notes"), in the
# languages of the vocabulary (accents off).
_WARM_PHASES = (r"warm[\s-]*ups?|warmup|aufwarm\w*|calentamiento|aquecimento|echauffement|riscaldamento|rozgrzewka"
                r"|разминк\w*|розминк\w*|заминк\w*|cool[\s-]*downs?|cooldown|abkuhl\w*|vuelta\s+a\s+la\s+calma|volta\s+a\s+calma"
                r"|retour\s+au\s+calme|stretching|dehnen")
_PHASE = re.compile(
    rf"(?:{_WARM_PHASES}|main\s+(?:work|part|set|session|workout)|hauptteil|entrenamiento|treino\s+principal"
    r"|notes?|hinweise?|conseils?|tips?|notas?|workout\s+notes)\b(?:[\s(:\-–—].*)?$")
_WARM_PHASE = re.compile(rf"(?:{_WARM_PHASES})\b")  # the parts around the work: warm-up, cool-down


@lru_cache(maxsize=1)
def _WARM_WORDS() -> re.Pattern:
    """More words of a warm-up or cool-down part, from the vocabulary ('warm_up':
    "Mobility", "Movilidad", "Activación", "Растяжка"), as `_PHASE` reads them."""
    return re.compile(rf"(?:{_plan_words('warm_up') or '(?!)'})(?:[\s(:\-–—].*)?$")


@lru_cache(maxsize=1)
def _WARM_ONLY() -> re.Pattern:
    """A line naming only a warm-up or cool-down ("Warmup", "Cool down", "Aufwärmen &
    Mobilisation"), accents off."""
    words = rf"(?:{_WARM_PHASES}|{_plan_words('warm_up') or '(?!)'})"
    return re.compile(rf"^{words}(?:\s*(?:&|and|y|und|et|e|и|і|/|\+)\s*{words})?$")


@lru_cache(maxsize=1)
def _SCALING() -> re.Pattern:
    """A heading over a scaled option of the work above ("SCALING:", "Scaled:",
    "Modifications:", "Escalado:"), accents off (the vocabulary's 'scaling')."""
    return re.compile(rf"^(?:{_plan_words('scaling') or '(?!)'})(?:\s+(?:options?|version))?$")


def _warm_phase(text: str) -> bool:
    """Whether a heading (accents off, its marks stripped) names a warm-up or cool-down."""
    return _WARM_PHASE.match(text) is not None or _WARM_WORDS().match(text) is not None


# A warm-up or cool-down heading and only its length: "Warmup (6 min)", "Cooldown 5 min",
# "Разминка 5-7 минут:" (accents off).
# (Matched on the line with its runs of spaces made one: the pattern's spaces around its
# optional marks may each take any part of a long run, "Warm-up" + 200 spaces took 2 s.)
_TIMED_PHASE = re.compile(rf"^(.{{3,40}}?)\s*[:\-–—,]?\s*\(?\s*(?:approx\.?\s*|~\s*)?\d{{1,3}}(?:\s*-\s*\d{{1,3}})?\s*"
                          rf"(?:{_MINUTES}\b\.?|{_PRIME_MINUTES})\s*\)?\s*:?$")


_REST_WORD = re.compile(r"\(\s*rest\s*\)|^\s*rest\s*$")


@lru_cache(maxsize=32)
def _cased(original: str) -> dict[str, str]:
    """Lower-cased word -> the word as written (one line's rows share it)."""
    return {w.lower(): w for w in original.split()}


_LABEL_WORD = re.compile(r"^(?:[a-h][1-9]|[1-9][a-h])[.):]?$|^(?:->|→)$")


_EMPTY_BRACKETS = re.compile(r"\(\s*\)")


def _cleanup_notes(pieces: list[str], original: str) -> str | None:
    """Join the leftover pieces, in the case the user wrote them ("RPE 8", not "rpe 8")."""
    text = " ".join([q for q in (p.strip(_NOTE_TRIM) for p in pieces if p) if q])
    if not text:
        return None
    text = _SPACES.sub(" ", text)
    if "(" in text:  # (each pattern's cheap precondition first: most notes have neither)
        text = _EMPTY_BRACKETS.sub("", text)
    if "rest" in text:
        text = _REST_WORD.sub("", text)
    text = text.strip(_NOTE_TRIM)  # "(90 sec rest)" is in rest_seconds
    if _ANY_BRACKET.search(text):
        for left, right in ("()", "[]", "{}"):
            if text.count(left) != text.count(right):  # "Squat (3 x 5)": the bracket's other half was read
                text = text.replace(left, " ").replace(right, " ").strip(_NOTE_TRIM)
    words = [w for w in text.split() if len(w) > 3 or not _LABEL_WORD.match(w)]  # "-> 1B." is the next row's label
    cased = _cased(original)
    return " ".join([cased.get(w, w) for w in words])[:500] or None


_ANY_BRACKET = re.compile(r"[()\[\]{}]")


# Between two exercises on one line: what separates them ("; ", " -> ", " and ").
_SEPARATOR = re.compile(r"[;|→:]|->|\.\s|\s{2,}|\t|,\s")
_LEADING = re.compile(r"(?:\W|\b(?:and|then|plus|with|superset(?:\s+with)?|followed\s+by|for|y|und|et|e|и|і)\b)+")
_TRAILING_WORDS = ("for", "at", "of", "x", "with", "on")


def _strip_connectors(text: str) -> str:
    """"and chins " -> "chins", "squat for" -> "squat". Linear: no pattern anchored at
    the end (those retry from every position)."""
    m = _LEADING.match(text)
    if m:
        text = text[m.end():]
    while True:
        stripped = text.rstrip(" \t-–—:;,.|@(=/+>→*#!?'\"")
        words = stripped.rsplit(None, 1)
        if len(words) == 2 and words[1] in _TRAILING_WORDS:
            stripped = words[0]
        elif len(words) == 1 and words[0] in _TRAILING_WORDS:
            stripped = ""
        if stripped == text:
            return text
        text = stripped
# (A one-rep max after a percentage, "3x5 at 80% 1RM", is the load prescribed, no stat.)
_STAT_WORDS = re.compile(r"\b(?:last\s+(?:week|month|year|time|cycle)|ago|pr|prs"
                         r"|(?<!%)(?<!% )(?<!%  )(?<!of )(?<!of your )(?<!of my )e?1rm|personal\s+best|yesterday|"
                         r"hit|did|was|were|got|stalled|current(?:ly)?|my\s+max|tested)\b")


def _may_say_stat(norm: str) -> bool:
    """Whether `_STAT_WORDS` can match: each of its words holds one of these."""
    return ("pr" in norm or "last" in norm or "ago" in norm or "1rm" in norm or "personal" in norm or "yesterday" in norm
            or "hit" in norm or "did" in norm or "was" in norm or "were" in norm or "got" in norm or "stalled" in norm
            or "current" in norm or "my" in norm or "tested" in norm)


# "For example: bench press 3 x 8 is 3 sets of 8 reps": explaining the notation.
_EXAMPLE = re.compile(r"^\W*(?:for\s+example|for\s+instance|example|e\.\s?g\.|i\.\s?e\.|eg)\b|\bx\s*\d{1,3}\s+(?:is|means)\s+\d")
_DEFINITION = re.compile(r"^[\w\s/+]{1,25}\s*(?:=|:=|means|stands\s+for)\s+\D")


_BRACKETS = re.compile(r"\([^()]*\)?|\[[^\]]*\]?")


def _unbracket(text: str) -> str:
    """The text with its brackets (and what they hold) made a space; most lines have none."""
    return _BRACKETS.sub(" ", text) if "(" in text or "[" in text else text


_INNER_LABEL = re.compile(r"^\(?(?:[a-h]\s?[1-9]|[1-9]\s?[a-h])[.):]?\s+")


def _name_before(text: str, past_loads: bool = False) -> tuple[str, str]:
    """(the exercise name at the end of `text`, what comes before it). Parenthesised
    text and anything after "@" are not part of a name; with `past_loads`, a piece that
    is only a load is passed over ("Cable rows  – 60 lbs" before "3x10")."""
    if "(" in text or "[" in text:  # (the pattern needs one)
        text = _BRACKETS.sub("\x00", text)  # not spaces: a run of them would separate names
    if "\x00" in text:
        text = text.replace(" \x00 ", " ").replace("\x00", " ")
    pieces = _SEPARATOR.split(text)
    name, loads = "", []
    while pieces:
        candidate = pieces.pop()
        candidate = _strip_connectors(candidate.split("@")[0]).strip()
        m = _INNER_LABEL.match(candidate)  # (anchored: one match at most)
        if m:
            candidate = candidate[m.end():]
        if past_loads and _may_hold_load(candidate) and not _LETTER.search(_unloaded(candidate)):
            loads.insert(0, candidate)  # kept with the name, whose loads are taken out after
        elif _LETTER.search(candidate):
            name = " ".join([candidate, *loads])
            break
    return _SPACES.sub(" ", name), " ".join(pieces)


_ROUND_BRACKETS = re.compile(r"\([^()]*\)?")
_SEPARATOR_OR_COMMA = re.compile(r"[;|→:]|->|\.\s|\s{2,}|\t|,")


def _wider_name(text: str, name: str) -> str:
    """"Rows, barbell": the name may run over a comma; the piece before it, joined."""
    if "," not in text:
        return ""
    text = _ROUND_BRACKETS.sub(" ", text)
    head, sep, tail = text.rpartition(",")
    if not sep or name not in tail or not head.strip():
        return ""
    before = _strip_connectors(_SEPARATOR_OR_COMMA.split(head)[-1]).strip()
    return f"{before} {name}" if before and len(before.split()) <= 3 else ""


_NUMBER = re.compile(r"(?<![a-z])\d+(?:[.,]\d+)?(?![a-z])")


# Every match of `_LOAD` holds one of these (it is case-sensitive): a name holding none
# holds no load, and the substring tests are cheaper than the pattern.
_LOAD_MARKS = ("@", "%", "kg", "lb", "pounds", "kilos", "rp", "rir", "bw", "bodyweight")


def _may_hold_load(name: str) -> bool:
    """Whether one of `_LOAD_MARKS` is in the name (spelt out: a generator over the tuple
    cost more than the test, twice per line)."""
    return ("@" in name or "%" in name or "kg" in name or "lb" in name or "pounds" in name or "kilos" in name
            or "rp" in name or "rir" in name or "bw" in name or "bodyweight" in name)


def _unloaded(text: str) -> str:
    """The text with its loads made a space (`_LOAD`, tried only when a mark is there)."""
    return _LOAD.sub(" ", text) if _may_hold_load(text) else text


@lru_cache(maxsize=1)
def _numbered_words() -> frozenset[tuple[str, str]]:
    """The (word, number) ending a vocabulary phrase ("под 45", "banco 45": a bench at 45
    degrees, the incline): that number is part of the name, not a load or a count."""
    return frozenset(words[-2:] for words in vocabulary().phrases if len(words) > 1 and words[-1].isdigit())


# A word and the number after it with no unit, count or decimals ("под 45", not "45 kg").
# (It starts where a word does: tried from inside a word, it fails the same way, letter by letter.)
_WORD_NUMBER = re.compile(r"(?<![^\W\d_])([^\W\d_]+)\s+(\d+)(?![\d.,]|\s*(?:kg|lb|%|#|x\b|×|reps?\b))")


def _strip_loads(name: str) -> tuple[str, list[str]]:
    if not _DIGIT.search(name):  # every load and number holds a digit: most names have none
        return " ".join(name.split()).strip(_NAME_TRIM), []
    for m in _WORD_NUMBER.finditer(name):
        if (_stem(_fold(m[1])), m[2]) in _numbered_words():
            # "Жим в хаммере под 45": the number stays with its word; the rest as usual
            before, before_loads = _strip_loads(name[:m.start(2)])
            after, after_loads = _strip_loads(name[m.end(2):])
            return " ".join(p for p in (before, m[2], after) if p), before_loads + after_loads
    loads = [m[0] for m in _LOAD.finditer(name)] if _may_hold_load(name) else []
    if loads:
        name = _LOAD.sub(" ", name)
    if _DIGIT.search(name):
        name = _NUMBER.sub(" ", name)
    return " ".join(name.split()).strip(_NAME_TRIM), loads


def _confidence(entry: CatalogEntry | None, score: float, group: _Group) -> str:
    """The levels documented at the top of this module."""
    if entry is None:
        return "unmatched"
    if (group.sets or 0) > 10:
        return "low"  # more than 10 sets is rarer than a load or reps read as sets ("11 x 10, 21 x 15")
    clear = group.clear and group.sets is not None and (group.reps_min is not None or group.amrap or group.weight)
    if score >= 100 and clear:
        return "high"
    if (score >= 100 and group.sets is not None and group.sets_said) or (score >= NEAR_SCORE and clear):
        # A set count read, not the one set a load gives ("Squat 315x2": a set, or a stat?).
        return "medium"
    return "low"


_CHOICE = re.compile(r"\s+or\s+|\s*/\s*|\s+oder\s+|\s+ou\s+|\s+o\s+|\s+или\s+|\s+або\s+")
_CHOICE_MARK = re.compile(r"/|\s(?:o|или|або)")  # what each separator of `_CHOICE` holds: one cheap search
# Inside a name, Dutch "of" ("or": "Squat of leg press") too. Only there: a line's words are
# counted by `_CHOICE`, and English "3 sets of", "a lot of" are no choice. A part is taken
# only when it names an exercise at least as well as the whole name (`_choose`).
_CHOICE_IN_NAME = re.compile(_CHOICE.pattern + r"|\s+of\s+")


def _choose(name: str, matcher: Matcher) -> tuple[CatalogEntry | None, float, list[CatalogEntry]]:
    """Match a name; "Cable or band face pull" and "Bench/standing press" are choices:
    the first is taken, the others offered as alternatives."""
    entry, score, alternatives = matcher.match(name)
    if score >= 100:
        return entry, score, alternatives
    if ("/" not in name and "o" not in name and "или" not in name and "або" not in name) or not _CHOICE_MARK.search(name):
        return entry, score, alternatives  # no `_CHOICE` separator can be in it: one part
    parts = [p.strip() for p in _CHOICE_IN_NAME.split(name) if p.strip()]
    if len(parts) < 2:
        return entry, score, alternatives
    tail = parts[-1].split()[1:]
    # "Bench/standing press": a one-word part takes the last part's words after its first
    # (bench press), unless it names an exercise as it is ("Squat / Leg press" is no
    # "squat press", a thruster).
    found = [matcher.match(p) if len(p.split()) > 1 or not tail else _one_word_choice(p, tail, matcher)
             for p in parts[:-1]] + [matcher.match(parts[-1])]
    first = found[0]
    if first[0] is None or first[1] < score:
        return entry, score, alternatives
    if first[1] < STRONG_SCORE and not _CHOICE.search(name):
        return entry, score, alternatives  # parts only at "of": a choice when the first is a name ("bottom half of squat" is none)
    others = [f[0] for f in found[1:] if f[0] is not None and f[0] != first[0]]
    return first[0], first[1], (others + [a for a in first[2] if a not in others])[:3]


def _one_word_choice(part: str, tail: list[str], matcher: Matcher):
    alone = matcher.match(part)
    return alone if alone[1] >= 100 else matcher.match(" ".join([part, *tail]))


@dataclass
class _Segment:
    name: str
    groups: list[_Group]
    leftover: str
    wider: str = ""  # the name with the piece before a comma ("Rows, barbell")
    aside: str = ""  # the text before the numbers, parentheses kept ("(with dumbbells)")
    doubt: str = ""  # why the row read from it is less sure than its numbers and name say
    after: bool = False  # the name follows its numbers ("3 sets of 10 - elevated push ups ..."): it may run on into a note


_LEADING_LOAD = re.compile(r"\s*(?:@|at\b)\s*(\d+(?:[.,]\d+)?\s*(?:kg|kgs|lbs?|%)?)")


_NAME_END = re.compile(r"[(@,\[]|\s-\s")
_NAME_OR_SENTENCE_END = re.compile(r"[(@,\[]|\s-\s|\.(?=\s|\.)|…")  # "- 60kg bench press...this is just"
# "3 sets of 10 reps - elevated push ups", "4 x 8 - cable rows", "3 sets of 12 : pompes":
# a dash or colon between the numbers and the name after them.
_DASH_BEFORE_NAME = re.compile(r"^\s*(?:(?:@|at)\s*\d+(?:[.,]\d+)?\s*(?:kgs?|lbs?|%)\s*)?[-:]\s+"
                               r"(?=[^\W\d_]|\d+(?:[.,]\d+)?\s*(?:kgs?|lbs?)\b)")  # ("5 sets of 3 at 120kg - deadlift")
# "X for 3 sets of 5, supersetted with Y for 3 sets of 8": the other exercise of a pair,
# named in the same sentence (with its own numbers after it, or the first's).
_SUPERSETTED = re.compile(r"\b(?:(?:these|this|it|they)\s+(?:are|is|was|were)\s+)?(?:super-?set(?:ted)?|paired)\s+(?:with\s+)?")


_WARMUP_WORDS = (r"(?:warm[\s-]*ups?|wu|w/u|ramp(?:ing)?(?:\s+sets?)?|calentamiento|aquecimento|aufw[aä]rm\w*"
                 r"|[ée]chauffement|riscaldamento|разминк\w*|розминк\w*)")
_WARMUP_AFTER = re.compile(rf"^[\s,;:(\[-]*{_WARMUP_WORDS}(?!\w)")
def _may_say_warmup(text: str) -> bool:
    """Whether `_WARMUP_WORDS` can match: one of its words' letters is in the text (cheaper
    than the alternation, tried at every position)."""
    return ("warm" in text or "wu" in text or "w/u" in text or "ramp" in text or "calentamiento" in text
            or "aquecimento" in text or "aufw" in text or "chauffement" in text or "riscaldamento" in text
            or "разминк" in text or "розминк" in text)
_WARMUP_BEFORE = re.compile(rf"(?<!\w){_WARMUP_WORDS}\s*(?:sets?)?\s*[:=-]?\s*$")


# Brackets holding words beside numbers ("(3x5 on deload weeks)"), not just numbers or
# plan words ("(+1x5 AMRAP)", "(x 3)").
_WORDY_BRACKETS = re.compile(r"\((?=[^()]*\d)(?=[^()]*(?:\b(?:or|oder|ou|o|или|або)\b"
                             r"|\b(?!(?:amrap|reps?|sets?|each|side|per|max|rpe|rir|kg|lbs?)\b)[^\W\d_]{3,}))[^()]*\)")


_PIECE_END = re.compile(r"[(@\[]|\s-\s|[,;]|\s(?:and|then|und|y|e|et|и|і)\s|\.(?=\s|\.)|…")


def _numbers_first(groups: list[_Group], remaining: str) -> list[_Segment]:
    """"3x10 push-ups, 3x15 squats, 3x20 lunges", "2 sets of hypers and 4 sets of sit-ups":
    the line starts with numbers, so each name follows its numbers (read as names before
    numbers, each row got the next one's numbers). Empty when a piece names nothing."""
    segments = []
    for index, group in enumerate(groups):
        end = groups[index + 1].start if index + 1 < len(groups) else len(remaining)
        after = remaining[group.end:end]
        dash = _DASH_BEFORE_NAME.match(after)
        if dash:
            after = " " * dash.end() + after[dash.end():]  # "3x8 - cable rows, 3x10 - curls"
        paired = _SUPERSETTED.search(after) if "super" in after or "paired" in after else None
        if paired and index + 1 < len(groups) and segments is not None:
            # "3 sets of 5 - 60kg bench press ... supersetted seated dumbbell cleans for
            # 3 sets of 8": the pair's second name comes before its numbers.
            partner = _strip_connectors(_strip_loads(after[paired.end():])[0])
            first = _numbers_first([group], remaining[:group.end] + after[:paired.start()])
            if first and _TWO_LETTERS.search(partner) and len(partner.split()) <= 5:
                rest = _numbers_first(groups[index + 1:], remaining) if index + 2 < len(groups) else []
                following = groups[index + 1]
                tail = remaining[following.end:groups[index + 2].start if index + 2 < len(groups) else len(remaining)]
                if index + 2 >= len(groups) or rest:
                    first[0].after = True
                    partner_row = _Segment(name=partner, groups=[following], leftover=tail if not rest else "")
                    return segments + first + [partner_row] + rest[1:]
        piece = _PIECE_END.split(after, maxsplit=1)[0]
        name, loads = _strip_loads(_OF_BEFORE_NAME.sub("", piece, count=1))
        name = _strip_connectors(name)
        if not _TWO_LETTERS.search(name) or _NOT_A_NAME.match(name):
            if index + 1 < len(groups) or not segments:
                return []  # "3x5, 2x5 squat" or a warm-up first: the usual reading
            segments[-1].groups.append(group)
            segments[-1].leftover += " " + after
            continue
        segments.append(_Segment(name=name, groups=[group], leftover=" ".join(loads) + " " + after[len(piece):],
                                 after=True))
    return segments


def _segments(norm: str, groups: list[_Group], remaining: str) -> list[_Segment]:
    """Split a line into its exercises: each group of numbers belongs to the name before
    it, or continues the exercise before when no name comes between ("2x5, 1x5+")."""
    if not groups:
        name, _ = _name_before(remaining)
        return [_Segment(name=name, groups=[], leftover="")] if name else []
    if len(groups) > 1 and (not _LETTER.search(remaining[:groups[0].start])
                            or (remaining[:groups[0].start].rstrip().endswith(":")  # "Accessories: 2 sets of ..."
                                and _OF_BEFORE_NAME.match(remaining[groups[0].end:]))):
        numbers_first = _numbers_first(groups, remaining)
        if numbers_first:
            return numbers_first
    segments: list[_Segment] = []
    previous_end = 0
    verb = ""
    for index, group in enumerate(groups):
        between = remaining[previous_end:group.start]
        m = _LEADING_LOAD.match(between)
        if m and segments:
            segments[-1].leftover += " @ " + m[1]
            between = " " * m.end() + between[m.end():]
        if index and _WARMUP_AFTER.match(between):
            groups[index - 1].warmup = True  # "2x5x45lb (warmup), 5x5x135lb"
        warmup = _WARMUP_BEFORE.search(between) if _may_say_warmup(between) else None
        if warmup:
            group.warmup = True  # "Bench warm-up: 2x5, then 5x5": the name is "Bench"
            between = between[:warmup.start()] + " " * (len(between) - warmup.start())
        name, before = _name_before(between, past_loads=True)
        name, loads = _strip_loads(name)
        if segments and name and (_CHOICE_ONLY.fullmatch(name) or _SIDE_ONLY.fullmatch(name)):
            # "Squat 3x10 or 4x8", "10/8/6/4 oppure 15/6/4", "4x6 links / 3x6 rechts":
            # another scheme for the same exercise (or its other side), kept as a note on
            # it; the first is read.
            segments[-1].leftover += f" {between.strip()} {norm[group.start:group.end]}"
            previous_end = group.end
            continue
        if index == 0 and (name in _VERBS_ONLY or (" i " in f" {between}" and _NARRATION.fullmatch(between.lstrip()))):
            verb, name = name, ""  # "Do 3 sets of 10 push-ups": the name follows the numbers
        elif not _TWO_LETTERS.search(name) or _NOT_A_NAME.match(name):
            name = ""  # "(warmup), 5x5x135lb": more sets of the same exercise
        if name and (segments or index == 0):
            if segments:
                segments[-1].leftover += " " + before
            segments.append(_Segment(name=name, groups=[group], leftover=" ".join(loads),
                                     wider=_wider_name(between, name), aside=between))
        elif segments:
            segments[-1].groups.append(group)
            segments[-1].leftover += " " + between
        else:
            segments.append(_Segment(name="", groups=[group], leftover=between))
        previous_end = group.end
    tail = remaining[previous_end:]
    if len(groups) > 1 and "(" in norm:
        for m in _WORDY_BRACKETS.finditer(norm):
            inside = [g for g in groups if m.start() <= g.start and g.end <= m.end()]
            if inside and len(inside) < len(groups):
                for g in inside:
                    g.aside = True
    if len(groups) > 1 and _WARMUP_AFTER.match(tail):
        groups[-1].warmup = True
    if segments and not segments[0].name:
        # "3x5 Squat": the name follows the numbers ("3 sets of push-ups": after "of").
        dash = _DASH_BEFORE_NAME.match(tail) if len(groups) == 1 and groups[0].plain else None
        skip = dash.end() if dash else 0  # "3 sets of 10 reps - elevated push ups ..."
        if dash and _DIGIT.search(dash[0]):
            segments[0].leftover += " " + dash[0].strip(" -:")  # the load before the dash
        parts = (_NAME_OR_SENTENCE_END if dash else _NAME_END).split(tail[skip:], maxsplit=1)
        name, loads = _strip_loads(_OF_BEFORE_NAME.sub("", parts[0], count=1))
        name = _strip_connectors(name)
        # "3x10 per leg", "8 sets of 8 reps with 85lbs": no name after the numbers
        segments[0].name = "" if _NOT_A_NAME.match(name) or _NOTE_AFTER.match(parts[0]) else name
        segments[0].name = segments[0].name or verb  # "Then complete 3 sets of 2 reps": an instruction, read as such
        segments[0].after = bool(segments[0].name) and not verb
        if dash and loads:
            segments[0].leftover += " " + " ".join(loads)  # "3 sets of 5 reps - 60kg bench press"
        tail = tail[skip + len(parts[0]):]
        paired = _SUPERSETTED.search(tail) if segments[0].after and ("super" in tail or "paired" in tail) else None
        partner = _paired_segment(tail[paired.end():], segments[0].groups[0]) if paired else None
        if partner is not None:
            # "3 sets of 10 - elevated push ups. These are supersetted with 30 seconds of
            # band traction": the pair's other exercise, its sets the first's.
            segments[0].leftover += " " + tail[:paired.start()]
            return [segments[0], partner]
    paired = _SUPERSETTED.search(tail) if segments and segments[-1].name and ("super" in tail or "paired" in tail) else None
    partner = _paired_segment(tail[paired.end():], segments[-1].groups[-1]) if paired else None
    if partner is not None:
        # "Dips 3x12, superset with push ups": the pair's other exercise, the first's sets.
        segments[-1].leftover += " " + tail[:paired.start()]
        return [s for s in segments if s.name] + [partner]
    if segments:
        segments[-1].leftover += " " + tail
    return [s for s in segments if s.name]


_NOTE_AFTER = re.compile(r"^\s*(?:with|using|w/|at)\b")
_EACH_LIMB = re.compile(r"\s+(?:for\s+|on\s+)?(?:each|per|every|either)\s+(?:arm|leg|side|hand)s?\b")  # "... for each arm"
_PAIRED_REPS = re.compile(r"^\s*(\d{1,3})\s+(?!(?:sets?|reps?|x|kg|lbs?|%)\b)(?=[^\W\d_]{2})")
_PAIRED_HOLD = re.compile(rf"^\s*(\d{{1,3}}\s*(?:{_SECONDS}|{_MINUTES}|{_DIST}))\s+(?:of\s+)?(?=[^\W\d_])")


def _paired_segment(text: str, group: _Group) -> _Segment | None:
    """The exercise named after "supersetted with" in a sentence giving no numbers of its
    own ("30 seconds of band traction for each arm", "face pulls."): done for the first's sets."""
    text = _NAME_OR_SENTENCE_END.split(text, maxsplit=1)[0]
    hold = _PAIRED_HOLD.match(text)
    reps = _PAIRED_REPS.match(text) if hold is None else None  # "... supersetted with 15 band pull aparts"
    start = hold.end() if hold else reps.end() if reps else 0
    name = _strip_connectors(_EACH_LIMB.split(text[start:], maxsplit=1)[0])
    if _DIGIT.search(name) or not _TWO_LETTERS.search(name) or len(name.split()) > 6 or _NOT_A_NAME.match(name):
        return None
    count = int(reps[1]) if reps else None
    numbers = _Group(sets=group.sets, reps_min=count, reps_max=count, clear=False, sets_said=False,  # (the first's)
                     weight=hold[1] if hold else "",
                     start=group.start, end=group.end)
    return _Segment(name=name, groups=[numbers], leftover="", after=True, doubt="paired")
_CHOICE_ONLY = re.compile(r"(?:(?:or|oppure|oder|ou|o|или|або)\s*)+")  # no name between two schemes
_SIDE_ONLY = re.compile(r"(?:(?:left|right|links|rechts|gauche|droite|izquierda|derecha|sinistra|destra|l|r)\b[\s/,]*)+")
_LEADING_CHOICE = re.compile(r"^(?:or|oppure|oder|ou|или|або)\s+(?=[^\W\d_])")  # (not "o": Portuguese "the")
_OF_BEFORE_NAME = re.compile(r"^\s*(?:of|de|da|di|du|des|mit|по|з)\s+")
_LAST_SET_AMRAP = re.compile(r"\blast\s+(?:set|one|round)\s*(?:is\s*|to\s*|=\s*|:\s*)?(?:an?\s+)?(?:amrap|to\s+failure|failure|max(?:imum)?(?:\s+reps)?|as\s+many)")
_WORK_DONE = re.compile(rf"^\d[\d.,]*\s*(?:{_DIST}|cals?|calories)$", re.IGNORECASE)  # a distance or calories: work done
_QUOTED = re.compile(r"[\"“«„]([^\"“”«»„\d]{3,40})[\"”»“]")  # 'Вправа "Мертвий жук"', 'Übung „Kreuzheben“': the name quoted
_GLOSS = re.compile(r"\(([^()\d]{3,40})\)")  # "(floor press)": letters only, a few words
_EXAMPLES = re.compile(r"\(([^()\d,]{3,40}),[^()\d]{1,80}\)")  # "(squat, leg press, lunge)": the first
# "3x5 @ 185", "9 x 3 at 185": a load with no unit ("at" only before a number of two
# digits or more, and not a percentage, a time, an effort or reps: "at 8 RPE", "at 90 s").
_BARE_LOAD = re.compile(rf"(?:@\s*|\bat\s+(?=\d{{2}}))(\d+(?:[.,]\d+)?(?:-\d+(?:[.,]\d+)?)?)(?![\d%.,/-]|\s*(?:%|kg|lb|rpe|rir|x\b|reps?\b"
                        rf"|(?:{_SECONDS}|{_MINUTES})\b|{_PRIME_MINUTES}|{_PRIME_SECONDS}))")


def _may_say_bare_load(text: str) -> bool:
    return "@" in text or "at " in text


_ASIDE = re.compile(r"\(([^()]{1,40})\)")
_IMPLEMENT_AFTER = re.compile(r"\b(?:with|on|using|w/)\s+(?:a\s+|the\s+)?(?:[\d.,]+\s*(?:kg|lbs?)?\s+)?"
                             r"(dumbbells?|db|kettlebells?|kb|cables?|machine|bands?|barbell|smith)\b")


# Two patterns, not one alternation: searched over the whole text (up to 50,000
# characters), the one pattern tried all its branches at every position (12 ms).
_GYM_PLAN_WORDS = re.compile(r"barbell|barra\b|bilanciere|\b(?:bb|bar|barre|rack|kg|lbs?|1rm|tm)\b|plates?\b"
                             r"|штанг|langhantel", re.I)
# "(BW=156 lbs + 60 lbs)": the body weight said, then the load added to it.
_BODYWEIGHT_PLUS = re.compile(r"\b(?:bw|bodyweight|body weight)\s*[=:]\s*\d+(?:[.,]\d+)?\s*(?:kgs?|lbs?)?\s*\+\s*\d")
_ADDED_LOAD = re.compile(r"(?:bw|bodyweight|body weight)\s*\+", re.I)  # "BW+20", "bodyweight + 10 kg"
_GYM_PLAN_LOADS = re.compile(r"\d\s*(?:kg|kgs|lbs?|#|pounds|kilos|%|rm)\b", re.I)
# A plan naming kettlebells and no barbell: its bare "deadlifts" may be the kettlebell's.
# ("the rack" alone is the kettlebell's rack position, not the barbell's squat rack)
_BARBELL_PLAN = re.compile(r"barbell|barra\b|bilanciere|\b(?:bb|bar|barre)\b|(?:squat|power) rack|rack pull|plates?\b"
                           r"|штанг|langhantel", re.I)
# ("k(?<!\wk)": "\bk" said after the letter, so the search skips to each "k" first: twice as fast.)
_KETTLEBELL_PLAN = re.compile(r"kettle|k(?<!\wk)bs?\b|b(?<!\wb)ells?\b|гир[яиь]", re.I)
_LOADED = re.compile(r"\d\s*(?:kg|kgs|lbs?|#|pounds|kilos|кгс?)\b|^\d{2,4}(?:[.,]\d+)?$", re.I)
# Exercises held for a time or walked for a distance more often than counted in reps.
_HOLD_NAME = re.compile(r"plank|hold|hang|wall sit|l-sit|side bridge|carry|farmer|walk|sled|hollow|superman", re.I)


@lru_cache(maxsize=4096)  # a catalogue name: the rows of a plan name the same few
def _is_hold_name(name: str) -> bool:
    return _HOLD_NAME.search(name) is not None
_WORD = re.compile(r"[^\W\d_]{2,}")
_PLAIN_WORDS = frozenset("rpe rir kg kgs lb lbs rest sec secs seconds min mins minutes each side per reps rep sets set "
                         "between at of and with working work top heavy light leg arm hand tempo pause paused amrap "
                         "to failure max bw bodyweight the on".split())


def _as_written(text: str, original: str) -> str:
    """The load in the case the user wrote it ("BW+20", not "bw+20")."""
    if not text:
        return text
    index = original.lower().find(text)
    if index < 0 and "kg" in text and "кг" in original.lower():
        # (Read as "kg": `_normalise_line`.) The load as written: "80-85кг", "60 кгс".
        m = re.search(re.escape(text).replace("kgs", "kg").replace("kg", "кгс?"), original, re.IGNORECASE)
        return m[0] if m else text.replace("kgs", "кг").replace("kg", "кг")
    return original[index:index + len(text)] if index >= 0 else text


def _words_of_a_choice(name: str) -> int:
    """How many words a name has, or the longest of its choices has ("dumbbell stiff-legged
    deadlift OR one-legged dumbbell deadlift OR step-up": 3, each a name; not a sentence)."""
    if " or " not in name:
        return len(name.split())
    return max(len(part.split()) for part in name.split(" or "))


def _exercise(segment: _Segment, original: str, label: str, matcher: Matcher) -> ParsedExercise | None:
    name, loads = _strip_loads(segment.name)
    if not _LETTER.search(name) or _words_of_a_choice(name) > MAX_NAME_WORDS:
        return None  # no name, or a sentence
    entry, score, alternatives = _choose(name, matcher)
    tail_words = 0
    if score < STRONG_SCORE and len(name.split()) >= 4 and (_INSTRUCTION_START.match(name) or _SENTENCE_START.match(name)):
        # "then came the bench press", "after that the lat pulldowns": a name at the end of
        # a clause of prose; the longest tail of at most three words that names an exercise
        # well (looked up without the fuzzy search: prose holds many such clauses).
        words = name.split()
        for size in (3, 2, 1):
            found = matcher.match_exactly(" ".join(words[-size:]))
            if found[0] is not None and found[1] >= STRONG_SCORE:
                (entry, score, alternatives), tail_words = found, size
                break
    # Sure of the name only when it is, as written, a catalogue name or alias (case,
    # plurals, accents, word order and the vocabulary's translations aside): not when
    # words were dropped ("trapèze/dos"), a choice split, or an implement added from
    # elsewhere on the line. On plans never seen, the other ways to 100 were wrong often.
    as_written = entry if score >= 100 and matcher.exact(normalise_name(name)) is not None else None
    if as_written is not None and len(name.split()) == 1 and _unaccent(name) in _body_parts():
        as_written = None  # "Пресс 3х15": a body part read as crunches
    named_so = getattr(matcher, "named", None)
    if as_written is not None and named_so is not None and named_so(normalise_name(name)) not in (None, entry):
        # "Pendlay row", "Pec deck": an alias reads the name as another exercise than the
        # catalogue's own of that name. Which one the user meant is a guess.
        as_written = None
    if segment.wider and score < 100:
        wider = _choose(_strip_loads(segment.wider)[0], matcher)
        if wider[1] > score:
            entry, score, alternatives = wider
            if score >= 100 and matcher.exact(normalise_name(_strip_loads(segment.wider)[0])) is not None:
                as_written = entry  # "Rows, barbell": the name in the user's order
    if score < STRONG_SCORE and ("(" in original or "(" in segment.leftover):
        # "Жим гантелей лежачи на підлозі (floor press)", "Pozycja deski (Plank)": a name
        # glossed in brackets, often in English, is read when the name itself is not.
        # "| Lower compound | 6-8 | 3 | Squat, leg press |": a kind of exercise, examples of
        # it listed in brackets (a table's example column): the first is read.
        quoted = _QUOTED.findall(original) if '"' in original or "“" in original or "«" in original or "„" in original else []
        for gloss in _GLOSS.findall(original) + _EXAMPLES.findall(segment.leftover) + quoted:
            found = _choose(_strip_loads(_normalise_line(gloss))[0], matcher)
            if found[0] is not None and found[1] >= STRONG_SCORE and found[1] > score:
                entry, score, alternatives = found[0], min(found[1], 95.0), found[2]
                break
    group = _merge(segment.groups) if segment.groups else _Group(clear=False)
    rest, rest_note, leftover = _find_rest(segment.leftover)
    m = (_IMPLEMENT_AFTER.search(leftover)  # each of its words holds one of these
         if "with" in leftover or "on" in leftover or "using" in leftover or "w/" in leftover else None)
    named = implements(normalise_name(name).split())
    implement = m[1] if m else ""
    if not implement and not named:
        for aside in _ASIDE.findall(segment.aside) if "(" in segment.aside else ():
            found = implements(set(normalise_name(aside).split()))
            if found:
                implement = sorted(found)[0]
                break
    if implement and not named:
        # "Curls 3x10 with 30 lb dumbbells", "Shoulder press (Kurzhanteln)": the implement
        # is named beside the name.
        with_implement = _choose(f"{implement} {name}", matcher)
        if with_implement[0] is not None and with_implement[1] >= min(score, STRONG_SCORE):
            entry, score, alternatives = with_implement
    loaded = leftover + " " + " ".join(loads)
    weights = [m[0].strip() for m in _WEIGHT.finditer(loaded)] if _DIGIT.search(loaded) else []  # each needs a digit
    weights += [m[1] for m in _BARE_LOAD.finditer(leftover)] if _may_say_bare_load(leftover) else []
    weight = group.weight or (weights[0] if weights else "")
    m = _POOD.search(leftover) if "pood" in leftover or "pd" in leftover else None
    if m and not weight:
        weight = m[0]
    if entry is not None and (("+" in weight and _ADDED_LOAD.match(weight))
                              or ("+" in segment.aside and _BODYWEIGHT_PLUS.search(segment.aside))):
        # "Pull-ups 4x8 @ BW+20 lbs", "Chin-ups (BW=156 lbs + 60 lbs) 3x5": the weighted
        # version (Weighted Pull Ups).
        entry, alternatives = _variant("weighted", entry, alternatives, name, matcher)
    if entry is not None and "(" in original:
        entry, score, alternatives = _named_in_brackets(entry, score, alternatives, name, original, matcher)
        entry, alternatives = _variant_in_brackets(entry, alternatives, name, original, matcher)
    if (entry is not None and weight and _WORK_DONE.match(weight) and not _is_hold_name(entry.name)
            and "barbell" in matcher.implements_of(entry) and "barbell" not in named and "lunge" not in entry.name.lower()):
        # "Row 500 meters", "25 cal row": a distance or calories is work on a machine (a
        # rower), no barbell lift; the lift stays one of the choices.
        entry, score, alternatives = None, 0.0, [entry, *alternatives][:3]
    light = (entry is not None and weight and "barbell" not in named and "barbell" in matcher.implements_of(entry)
             and _lighter_than_a_bar(weight, original))
    if light:
        # "Wrist curls 3x10 - 8kg": no barbell lift weighs less than its empty bar; the
        # dumbbell version if the catalogue has it as such, and a guess either way.
        entry, alternatives = _variant("dumbbell", entry, alternatives, name, matcher)
    amrap = group.amrap
    if not amrap and group.reps_min is not None and "last" in leftover and _LAST_SET_AMRAP.search(leftover):
        amrap = True  # "5x5 (last set AMRAP)": the reps stay, the last set goes on
    confidence = _confidence(entry, score, group)
    # `sure`: the line is as sure as a line can be, the name aside. High needs it and a
    # name as written; a near-exact name (< 100) is medium only with it (two doubts: low).
    sure = entry is not None and _confidence(entry, 100.0, group) == "high"
    if amrap and not group.amrap:
        sure = False
    implied = (sure and not named and not _LOADED.search(weight)
               and matcher.implements_of(entry) - {"bodyweight"})
    if implied and implied != {"barbell"}:
        # "Rows 3x10" read as the cable row: the implement is our pick, not the user's word.
        sure = False
    if light:
        sure = False
    if sure and group.reps_min is not None and _is_hold_name(entry.name):
        # "Plank 3x30": seconds or reps? A hold's number without a unit is a guess.
        sure = False
    if len(segment.groups) != 1 or not group.plain:
        # Sure only of one prescription written the standard way ("4x8", "3 sets of 10"):
        # lists, ramps, columns, loads first and pieces put together from several groups
        # need a look.
        sure = False
    if sure and _says_more(segment, name, leftover, weight, group):
        # The line says more than we read ("Dips (parallel bars)", "@ BW+20", "16 x 10"
        # may be a load): someone should look.
        sure = False
    if confidence != "low" and entry is not None and entry.name.startswith("Bodyweight") and _LOADED.search(weight):
        confidence = "low"  # "Walking lunges 3x20 @ 40 lbs": the load says it is no bodyweight exercise
    if confidence == "high" and not (sure and entry is as_written):
        confidence = "medium"
    elif confidence == "medium" and score < 100 and not sure:
        # "Dips (parallel bars) 3x10": an alias naming one of several exercises, and a line
        # that needs a look too.
        confidence = "low"
    row = ParsedExercise(
        line=original.strip(), exercise=entry, confidence=confidence,
        alternatives=alternatives,
        sets=min(group.sets, MAX_SETS) if group.sets else None,
        reps_min=min(group.reps_min, MAX_REPS) if group.reps_min else None,
        reps_max=min(group.reps_max, MAX_REPS) if group.reps_max else None,
        amrap=amrap, rest_seconds=rest, score=round(score, 1),
        notes=_cleanup_notes(([label] if label and not label.startswith("superset") else [])
                             + [group.note, " ".join(loads), leftover, rest_note], original),
        weight_text=_as_written(weight.strip(), original) or None,
        superset=label.split()[1][0] if label.startswith("superset") else None,
    )
    row._near = entry is not None and score < 100  # a near-exact name: any other doubt makes it low
    row._dash = group.dash
    row._unsure = confidence == "medium"  # the line itself needs a look: so does any other doubt
    if tail_words:
        row.confidence = "low"  # words before the name dropped: a guess
        row._name_words = tail_words
    elif " or " in name:
        row._name_words = _words_of_a_choice(name)
    if implied == {"barbell"}:
        row._barbell_default = True  # sure only in a plan that shows a barbell or loads: see parse_plan
    if entry is not None and not named and not implement and not _LOADED.search(weight):
        # "Squats", "Lunges": the implement is our pick (the barbell squat, the dumbbell
        # lunge), in a home plan the bodyweight one (`_bodyweight_defaults`).
        row._picked = matcher.implements_of(entry) - {"bodyweight"}
    if segment.doubt:
        row.confidence = _doubted(row, row.confidence, segment.doubt)
    return row


def _says_more(segment: _Segment, name: str, leftover: str, weight: str, group: _Group) -> bool:
    """Whether a line says more than was read of it: words left over (more than one),
    words in brackets or between the name and its numbers, more than 10 sets, an option
    in brackets, a number not read, an added load. (Only asked of a row otherwise sure.)"""
    other_words = [w for w in _WORD.findall(leftover) if w not in _PLAIN_WORDS]
    aside_words = [w for a in (_ASIDE.findall(segment.aside) if "(" in segment.aside else ()) for w in _WORD.findall(a.lower())
                   if w not in _PLAIN_WORDS and not implements({w})]
    # Words between the name and its numbers that are not the name ("Situps (just do 2
    # sets of 20)", "Main lift: Bench 5x5"), brackets aside (counted above).
    between_words = []
    if len(segment.aside) > len(name) + 3:  # (most lines: the name, a colon, a bullet)
        name_words = set(_WORD.findall(name))
        between_words = [w for w in _WORD.findall(_unbracket(segment.aside.lower()))
                         if w not in name_words and w not in _PLAIN_WORDS and not implements({w})]
    return bool(len(other_words) + len(between_words) > 1 or aside_words or (group.sets or 0) > 10
                or any(g.aside for g in segment.groups)
                # a number on the line we did not read ("(... 3 on deload weeks)")
                or (_DIGIT.search(leftover) and _DIGIT.search(_unloaded(_TEMPO.sub(" ", leftover) if "tempo" in leftover
                                                                else leftover)))
                or (weight.lower().startswith(("bw+", "bodyweight+"))))


_LOAD_WITH_UNIT = re.compile(r"(\d+(?:[.,]\d+)?)\s*(kg|kgs|kilos?|lbs?|pounds?|#|кгс?)?")
# What is added to a bar, or to last time's load ("5 lbs heavier than last time"): not
# the load on the bar.
_EACH_SIDE = re.compile(r"\b(?:per|each|a)\s+side\b|\bplates?\b|\bchains?\b|\bbands?\b|\bbar\s*\+|\+\s*\d"
                        r"|\b(?:add|adding|increase|increasing|up\s+by|jump|progress|heavier|lighter)\b")


def _lighter_than_a_bar(weight: str, line: str) -> bool:
    """A load under an empty barbell's (15 kg, 30 lb; 15 with no unit): not loaded on a
    barbell, unless the line says what is added to one or to last time's ("10 kg per
    side", "bar + 10", "add 2.5kg each time")."""
    m = _LOAD_WITH_UNIT.match(weight.strip())
    if not m or _EACH_SIDE.search(line.lower()):
        return False
    value, unit = float(m[1].replace(",", ".")), (m[2] or "").lower()
    return value < (30 if unit.startswith(("lb", "pound", "#")) else 15)


def _variant(words: str, entry, alternatives, name: str, matcher) -> tuple:
    """(exercise, alternatives) of the variant "<words> <name>" where the catalogue has
    it exactly, its name holding those words (Weighted Pull Ups, Incline Push-Up), the
    name's own exercise offered beside it; else the two unchanged."""
    found = matcher.match_exactly(f"{words} {name}")
    if (found[0] is not None and found[1] >= 100 and found[0] != entry
            and set(normalise_name(words).split()) <= set(normalise_name(found[0].name).split())):
        return found[0], [entry, *(a for a in alternatives if a != found[0])][:3]
    return entry, alternatives


# Brackets that may say a variant: longer than `_ASIDE`'s (a sentence in brackets,
# "(which I do on an incline, aka my bathtub)"), and the variant words that count.
_BRACKETED = re.compile(r"\(([^()]{3,80})\)")
_VARIANT_SAID = re.compile(r"\b(incline|decline|assisted|weighted|band|banded|seated|kneeling)\b")


def _named_in_brackets(entry, score: float, alternatives, name: str, original: str, matcher) -> tuple:
    """(exercise, score, alternatives): the exercise the brackets name more precisely than
    the name alone, when the name with a bracket's words is exactly a catalogue name or alias
    ("Dips (parallel bars)": Parallel Bar Dip; "Pull-ups (neutral grip, dead hang)": V-Bar
    Pullup), or the bracket alone, with the implement the name said, is one saying every
    word of the exercise read, a gloss of the name ("Присідання з гантелею (Goblet squat)":
    Goblet Squat, not Dumbbell Squat; "(Overhead press)" is no more than Standing Dumbbell
    Press). Exact look-ups only: a near spelling in brackets is no evidence against the name."""
    filler = vocabulary().filler
    own_words = set(normalise_name(entry.name).split())
    said = " ".join(sorted(matcher.implements_of(entry)))
    for bracket in _GLOSS.findall(original):
        pieces = [p for p in bracket.split(",") if set(normalise_name(p).split()) - filler]  # ("(optional)": nothing)
        for text, gloss in [*((f"{name} {p}", False) for p in pieces), (f"{said} {bracket}", True)]:
            found = matcher.match_exactly(text)
            if found[0] is None or found[1] < 100 or found[0] == entry:
                continue
            if gloss and not own_words <= set(normalise_name(text).split()) | set(normalise_name(found[0].name).split()):
                continue  # ("Squat (bench press on Fridays)", "(RDL)" of a dumbbell deadlift: less than the name said)
            return found[0], min(score, 95.0), [entry, *(a for a in alternatives if a != found[0])][:3]
    return entry, score, alternatives


def _variant_in_brackets(entry, alternatives, name: str, original: str, matcher) -> tuple:
    """"5x10 push-ups (which I do on an incline)", "pull-ups (assisted with a band)": the
    variant the brackets name (`_variant`: Incline Push-Up, Band Assisted Pull-Up)."""
    for bracket in _BRACKETED.findall(original):
        said = list(dict.fromkeys(_VARIANT_SAID.findall(bracket.lower())))
        if not said:
            continue  # ("(BW=156 lbs + 60 lbs)": no variant named; the name alone would undo one read before)
        for words in ([*said] if len(said) == 1 else [" ".join(said), *said]):
            found = _variant(words, entry, alternatives, name, matcher)
            if found[0] is not entry:
                return found
    return entry, alternatives


def _doubted(row: ParsedExercise, confidence: str, reason: str) -> str:
    """The confidence of a row with one more doubt than `confidence` counts (`reason`:
    read from another line, a long or crowded line, a line cut, a day copied): at most
    medium, and low for a row with a doubt already (a near-exact name, a line that
    needs a look, another reason): two doubts make a guess."""
    doubts = row._doubts = getattr(row, "_doubts", frozenset()) | {reason}
    if confidence == "high":
        return "medium"
    if confidence == "medium" and (getattr(row, "_near", False) or len(doubts) > 1 or getattr(row, "_unsure", False)):
        return "low"
    return confidence


# "Phase: Hypertrophy (8-12 reps)", "Total: 7 exercises | 23 sets": a field about the
# plan, not an exercise, whatever numbers it holds.
_PLAN_FIELD = re.compile(r"^\W*(?:total|phase|type|goals?|duration|frequency|split|focus|level|objective|"
                         r"program(?:me)?|intensity|progression|gesamt|dauer|ziel|fase|tipo|objetivo|"
                         r"duraci[oó]n|frecuencia|dura[cç][aã]o|frequ[eê]ncia|durée|fréquence|итого|всего)\W*:")


def _is_prose(norm: str, groups: list[_Group], name_words: int) -> bool:
    """Stats, definitions, fields about the plan and sentences: not a plan line even
    with numbers in it."""
    # (The substring tests first: each pattern needs one of them, most lines have none.)
    if ":" in norm and _PLAN_FIELD.match(norm):
        return True
    if ("=" in norm or "means" in norm or "stands" in norm) and _DEFINITION.match(norm) and not _SETS_X_REPS.search(norm):
        return True
    if ("example" in norm or "instance" in norm or "e." in norm or "i." in norm or "eg" in norm
            or ("x" in norm and ("is" in norm or "means" in norm))) and _EXAMPLE.search(norm):
        return True
    if _may_say_stat(norm) and _STAT_WORDS.search(norm):
        # "Squat: 315x2 last month" is a stat; "Pull ups 3 x failure (I got to 16, 10, 7)"
        # a prescription with the log in brackets.
        outside = _unbracket(norm) if "(" in norm else norm
        if "super" in outside or "paired" in outside:
            outside = _SUPERSETTED.sub(" ", outside)  # "... and this was supersetted with ...": no stat
        narrated = _NARRATION.match(outside) if " i " in f" {outside}" else None
        if narrated and outside[narrated.end():][:1].isdigit():
            outside = " " * narrated.end() + outside[narrated.end():]  # "I did 4 sets of 10": what was done, no stat
        if _STAT_WORDS.search(outside) or not any(g.clear and g.sets for g in groups if outside[g.start:g.end].strip()):
            return True
    words = len((_unbracket(norm) if "(" in norm else norm).split())  # (an aside in brackets makes no sentence)
    return words > 14 and len(groups) <= 1 and norm.rstrip().endswith((".", "?", "!", ")")) and name_words > 4


def _describes(previous: ParsedExercise, norm: str) -> bool:
    """Whether a line read as no exercise describes the name alone above it ("Superman",
    then "Lie face down, arms forward.", then "3 sets of 12"; "Bench:", then "worked up
    to", then "9 x 3 at 185"): a sentence or an instruction, at most three of them, so the
    name's numbers may still follow."""
    if not getattr(previous, "_bare", False) or previous.sets is not None or previous.reps_min is not None:
        return False
    sentence = ((len(norm.split()) >= 5 and (norm.rstrip().endswith((".", ":", "!")) or not _DIGIT.search(norm)))
                or (not _DIGIT.search(norm) and _INSTRUCTION_START.match(norm.strip()) is not None))  # "worked up to"
    previous._described = getattr(previous, "_described", 0) + sentence
    return sentence and previous._described <= 3


def _long_sentence(norm: str) -> bool:
    """A sentence of more than 12 words (brackets aside): prose, never a set line; so is
    a longer line with no number ("... and go into failure w/every set")."""
    if norm.rstrip().endswith((".", "!", "?")):
        return len(_unbracket(norm).split()) > 12
    return not _DIGIT.search(norm) and len(_unbracket(norm).split()) > 16


# --- tables ----------------------------------------------------------------------------

_CELL_SPLIT = re.compile(r"\t|\s*\|\s*|\s{2,}")
# (Polish, Dutch, Turkish and Romanian too, matched with the accents off: "Ilość serii",
# "Zakres powt.", "Herhalingen", "Tekrar", "Repetări", "Przerwa", "Rust", "Pauză".)
_HEADER_WORDS = {
    "name": r"exercises?|exercise[_\s]*(?:title|name)|movements?|lifts?|name|activit(?:y|ies)|aktivit[äa]t|actividad(?:es)?"
            r"|activit[ée]s?|attivit[àa]|description|descripci[oó]n|descrizione|beschreibung|название|назва|übung|ubung|ejercicios?|exercícios?|exercicios?|exercices?|esercizi[oi]?|упражнени[ея]|вправ[аи]"
            r"|(?:nazwa\s+)?cwiczeni[ea]|oefening(?:en)?|hareketler?|egzersizler?|exercitii|exercitiu(?:l)?",
    "sets": r"sets?|series|séries|sätze|satze|serie|подходы|подходов|підходи|rounds?|(?:ilosc\s+|liczba\s+)?serii|seriler?",
    "reps": r"reps?|repetitions?|repeticiones|repetições|repeticoes|wiederholungen|wdh|ripetizioni|répétitions|повторения|повторений|повторення"
            r"|повторы|повторів|powtorzenia|(?:zakres\s+|liczba\s+)?powt(?:\.|orzen)?|herhalingen|tekrarl?a?r?|repetari|repetitii",
    "rest": r"rest|pause|descanso|repos|recupero|отдых|відпочинок|rest\s*\(s\)|rest\s*time|przerwa|odpoczynek|rust|dinlenme|pauza",
    "weight": r"(?:weights?|loads?)(?:[_\s]*(?:kg|lbs?))?|kg|lbs?|gewicht|peso|pesos|poids|carico|charge|carga|belastung|вес|вага|intensity|%\s*1rm|%|ciezar|obciazenie|belasting",
    # What a row says aside ("5 sets", "3 sets total", "Moderate"): read for a set count only.
    "notes": r"notes?|comments?|remarks?|notas?|observaciones|observacoes|obs\.?|notizen|bemerkung(?:en)?|anmerkung(?:en)?|hinweise?"
             r"|kommentare?|remarques?|commentaires?|comentarios?|commenti|notitie|notities|note"
             r"|примечани[ея]|заметки|коментар(?:і|ій)?|uwagi|opmerkingen?|notlar",
}
# One column for both: "Sets × Reps", "Series x Reps", "Sets/Reps", "Подходы×Повторы".
_HEADER_WORDS["scheme"] = (r"(?:(?:duration|time|dauer|zeit|duraci[oó]n|tiempo|dur[ée]e|durata|tempo)\s*/\s*)?"  # "Dauer/Sätze/Wiederholungen"
                           rf"(?:{_HEADER_WORDS['sets']})\s*(?:[x×х*/&+]|and|und|y|et|e|и|і)\s*(?:{_HEADER_WORDS['reps']})")
# "| squats | 6x |" under "frequency": six sets (a cell of a count and a times sign only).
_HEADER_WORDS["frequency"] = r"frequency|freq\.?|frecuencia|fr[ée]quence|frequenza|frequ[eê]ncia"
_HEADER = {kind: re.compile(rf"^(?:{words})(?:\s*\(.*\))?$", re.IGNORECASE) for kind, words in _HEADER_WORDS.items()}
_RULE = re.compile(r"^[\s|:\-+=]+$")
_DESCRIPTION = re.compile(r"^(?:description|descripci[oó]n|descrizione|beschreibung)$", re.IGNORECASE)
_EXERCISE_COLUMN = re.compile(r"^(?:exercises?|exercise[_\s]*(?:title|name))$", re.IGNORECASE)


def _cells(text: str) -> list[str]:
    return [c.strip() for c in _CELL_SPLIT.split(text.strip().strip("|")) if c.strip()]


def _table_header(text: str) -> dict[int, str] | None:
    """Column index -> kind, when a line is a table's header row (Exercise | Sets | Reps)."""
    if not ("\t" in text or "|" in text or "  " in text):
        return None
    if has_cjk(text):
        text = _cjk_header_words(text)  # "动作 | 组数 | 次数": "exercise | sets | reps"
    columns = {}
    cells = _cells(text)
    for index, cell in enumerate(cells):
        for kind, pattern in _HEADER.items():
            bare = cell.strip("*_ :.")  # ("Wdh.")
            if (pattern.match(bare) or pattern.match(_unaccent(bare))) and kind not in columns.values():
                columns[index] = kind
                break
    described = next((i for i, kind in columns.items() if kind == "name" and _DESCRIPTION.match(cells[i].strip("*_ :"))), None)
    named = next((i for i, c in enumerate(cells) if i not in columns and _EXERCISE_COLUMN.match(c.strip("*_ :"))), None)
    if described is not None and named is not None:
        del columns[described]  # "| description | exercise_title |": the exercise's column names it
        columns[named] = "name"
    kinds = set(columns.values())
    if len(columns) < 2 or not kinds & {"sets", "reps", "scheme", "frequency"}:
        return None
    return _Columns(columns, _positional_cells(text))


class _Columns(dict):
    """A table header's columns (cell index -> kind), and how many cells it has in place
    (`width`, a pipe or tab table's: its rows' empty cells are kept, so a blank group
    cell on a continuation row shifts no column)."""

    def __init__(self, columns: dict[int, str], positional: list[str] | None):
        super().__init__(columns)
        self.width = len(positional) if positional and all(positional) else None


_CELL_SETS_X_REPS = re.compile(r"^\d{1,2}\s*[x×х](?:['’]s)?\s*(\d{1,3}(?:\s*-\s*\d{1,3})?)$", re.IGNORECASE)
_CELL_TIMES = re.compile(r"^(\d{1,2})\s*[x×х]$", re.IGNORECASE)  # "6x" in a sets column: six sets
_CELL_REPS = re.compile(r"^\d{1,3}(?:\s*[-–]\s*\d{1,3})?$")  # "5", "2-3": a bare number in "Sets × Reps" is the reps
_CELL_BLOCK = re.compile(r"^(?:giant\s*set|circuit|super\s*-?set|tri-?set|complex|суперсет|circuito|superserie|bloque|zirkel)s?"
                         r"\s*[#№(]?\s*(?:\d{1,2}|[a-h])?\)?\s*:?$", re.IGNORECASE)  # "Superset 1", "Circuit (B)"
_NOTE_SETS = re.compile(rf"^(\d{{1,2}})(?:\s*-\s*\d{{1,2}})?\s*(?:{_SETWORD}|rounds?)\b")


_CELL_LABEL = re.compile(r"^(?:[a-h]\s?[1-9]|[1-9]\s?[a-h])[.)]?$", re.IGNORECASE)  # "A1", "2b" in a column of its own
_BLOCK_COUNT = re.compile(r"^(\d{1,2})\s*[x×х]?$|^[x×х]\s*(\d{1,2})$")  # "3", "3x", "x3": its rounds


def _row_cells(text: str, columns: dict[int, str]) -> list[str]:
    """A table row's cells: in place when the header's are (a pipe or tab table whose row
    has as many cells: "|  | seated leg curl | 4x | 42,5kg |" keeps its blank group cell),
    else the non-empty ones."""
    width = getattr(columns, "width", None)
    if width:
        cells = _positional_cells(text)
        if cells is not None and len(cells) == width:
            return cells
    return _cells(text)


def _table_block(text: str, columns: dict[int, str]) -> str | None:
    """A table row heading the rows under it ("| **Superset 1** | | | 3 rounds |"): a
    block's line ("Superset 1 (3 rounds):"), or None."""
    cells = _row_cells(text, columns)
    name_at = next((i for i, kind in columns.items() if kind == "name"), 0)
    if name_at >= len(cells) or not _CELL_BLOCK.match(cells[name_at].strip("*_ :")):
        return None
    said = [c for i, c in enumerate(cells) if i != name_at and c]
    if any(not _ROUNDS_SAID.search(_normalise_line(c)) and not _NOTE_SETS.match(_normalise_line(c))
           and not _BLOCK_COUNT.match(c) and (_DIGIT.search(c) or len(c.split()) > 3)
           for c in said):
        return None  # ("| Circuit | 3x10 |": a row of its own)
    count = next((m[1] or m[2] for m in (_NOTE_SETS.match(_normalise_line(c)) or _ROUNDS_SAID.search(_normalise_line(c))
                                         or _BLOCK_COUNT.match(c) for c in said) if m), None)
    name = cells[name_at].strip("*_ :")
    return f"{name} ({count} rounds):" if count else f"{name}:"


def _bold_name(text: str, columns: dict[int, str]) -> bool:
    """Whether a table row's name cell is bold ("| **2-Hand Swing** | 6 × 10 |")."""
    cells = _row_cells(text, columns)
    name_at = next((i for i, kind in columns.items() if kind == "name"), 0)
    return name_at < len(cells) and cells[name_at].startswith(("**", "__")) and cells[name_at].endswith(("**", "__"))


def _table_row(text: str, columns: dict[int, str]) -> str | None:
    """A table row rewritten as a plan line ("Bench 4x6 rest 90s @ 100kg")."""
    cells = _row_cells(text, columns)
    if len([c for c in cells if c]) < 2:
        return None
    values = {kind: cells[i] for i, kind in columns.items() if i < len(cells) and cells[i]}
    name_at = next((i for i, kind in columns.items() if kind == "name"), None)
    name = values.get("name") or cells[0]
    if name_at is None and 0 in columns:
        return None  # no name column, and the first column is something else
    if not name or (name_at is not None and name_at < len(cells) and not cells[name_at]):
        return None  # (a blank name cell: not a row of an exercise)
    sets, reps = values.get("sets", ""), values.get("reps", "")
    m = _CELL_TIMES.match(sets or values.get("frequency", ""))
    if m:
        sets = m[1]  # "6x": six sets ("2x/week" is how often, not sets)
    m = _CELL_SETS_X_REPS.match(reps) if sets else None
    if m:
        reps = m[1]  # "5 | 3x6": the sets column says 5; the reps column's "3x6" is read for its reps
    scheme = values.get("scheme", "")
    if scheme and not (sets or reps):
        if _CELL_REPS.match(scheme):
            reps = scheme  # "| KB Deadlift | 5 | 45 lbs |" under "Sets × Reps": five reps
        elif _CELL_TIMES.match(scheme):
            sets = _CELL_TIMES.match(scheme)[1]
        scheme = "" if sets or reps else scheme
    notes = values.get("notes", "")
    said_sets = _NOTE_SETS.match(_normalise_line(notes)) if notes else None
    if said_sets and not sets and not (scheme and _X_BY_DIGIT.search(_normalise_line(scheme))):
        sets = said_sets[1]  # "| Goblet Squat | 5 | 35 lbs | 4 sets |": the notes give the set count
        notes = ""
    elif said_sets:
        notes = ""  # (the scheme's own count wins: "3 × 5 | BW | 5 sets" is 3 x 5)
    # Cells of other columns are notes; a word in a column before the name ("| legs |
    # squats | 6x |", a muscle group, blank on the rows under it) says no more.
    before = [c for i, c in enumerate(cells) if c and i not in columns and name_at is not None and i < name_at]
    tag = next((c for c in before if _CELL_LABEL.match(c)), None)
    extra = [c for i, c in enumerate(cells) if c and i not in columns and c != name and c != tag
             and not (name_at is not None and i < name_at and not _DIGIT.search(c))]
    if tag:
        name = f"{tag.rstrip('.)')} {name}"  # "| A1 | Bench press | 3 | 8 |": the superset's label, read as on a line
    if notes and not (values.get("weight") and _WEIGHT.search(_normalise_line(notes))):
        extra.append(notes)  # ("rest 90 s", "RPE 8": read in brackets; a load there is not the column's)
    parts = [name]
    weight = values.get("weight", "") if values.get("weight") not in ("-", "—") else ""
    if weight and _BARE_HOLD.search(_normalise_line(scheme or reps)) and not _DIGIT.search(weight):
        parts.append(f"@ {weight}")  # "| Wall Press Abs | 30 sec | BW |": the time is what it says ("@ BW 30 sec")
        weight = ""
    if scheme and sets and _BARE_HOLD.search(_normalise_line(scheme)):
        parts.append(f"{sets} sets of {scheme}")  # "| Plank | 40 sec | BW | 3 sets |"
        sets = ""
    elif scheme:
        parts.append(scheme)
    if sets and reps:
        parts.append(f"{sets} sets x {reps}" if re.fullmatch(r"[\d\s\-–]+", reps) is None else f"{sets}x{reps}")
    elif sets:
        parts.append(f"{sets} sets")
    elif reps:
        parts.append(f"{reps} reps")
    if values.get("rest"):
        rest = values["rest"].lstrip("+~≈ ")  # "+ 2′": two minutes or more
        parts.append(f"rest {rest}" + ("s" if rest.isdigit() and int(rest) > 5 else ""))
    if weight:
        parts.append(f"@ {weight}")
    notes = [f"({c})" for c in extra]
    if notes and len(parts) == 2 and _BARE_HOLD.search(_normalise_line(parts[1])):
        return " ".join([name, *notes, parts[1]])  # "Brisk walk (easy pace) 30-45 min": the time ends the line, a hold
    return " ".join(parts + notes)


# --- the plan --------------------------------------------------------------------------

_LIST_OF_NAMES = re.compile(r"(?:^|\s)\(?\d{1,2}[.)]\s+|\s*[,;+&]\s+|\s+and\s+")
_COMMAS = re.compile(r"\s*[,;]\s+")
_LIST_MARKS = (",", ";", "+", "&", ".", ")", "and")  # every match of `_LIST_OF_NAMES` holds one


def _may_list(text: str) -> bool:
    """Whether one of `_LIST_MARKS` is in the text (spelt out: cheaper than a generator)."""
    return ("," in text or ";" in text or "+" in text or "&" in text or "." in text or ")" in text
            or "and" in text)


_REST_LEADS = ("rest", "descanso", "pause", "repos", "recupero", "отдых", "відпочинок")
_REST_START = re.compile(rf"^(?:no\s+)?(?:{'|'.join(_REST_LEADS)})\b")
_REST_PREFIXES = ("no", *_REST_LEADS)  # what a line `_REST_START` matches starts with (a cheap test first)
_BLOCK = re.compile(r"\b(?:giant\s*set|circuit|super\s*-?set|tri-?set|complex|rounds?|emom|amrap\s+\d)")
# A closing block named, with no numbers of its own ("Finisher:", "Metcon", "For time:").
_CLOSER = re.compile(r"(?:(?:conditioning|core)\s+)?(?:finisher|metcon|for\s+time)\b")  # (matched at the line's start)


_ROUNDS_SAID = re.compile(r"\b(\d{1,2})\s*(?:rounds?|times)\b")
_TIMED_BLOCK = re.compile(r"\b(?:emom|amrap)\s*(?:x\s*|for\s+)?\d{1,3}\s*(?:min|')")


_BLOCK_LABEL = re.compile(r"^(\W*(?:giant\s*set|circuit|super\s*-?set|tri-?set|complex|block)s?\s+)"
                          r"(?:[a-h](?=\s*[:\-–—,(]|\s+x)|\d{1,2}(?=\s*[:\-–—,(]))")  # ("Superset 3 x 12": 3 sets of 12)


def _block_sets(norm: str) -> int | None:
    """The sets a block's header gives its members: its rounds ("EMOM x 30 mins (6
    rounds)": 6), none for a block given only its length ("AMRAP 20 min")."""
    m = _ROUNDS_SAID.search(norm)
    if m:
        return int(m[1])
    norm = _BLOCK_LABEL.sub(r"\1", norm)  # "Circuit B x 3", "Superset 2: x4": the block's label, then its rounds
    m = None if _TIMED_BLOCK.search(norm) else _ROUNDS.search(norm)
    return int(m[1] or m[2]) if m else None


def _may_say_block(norm: str) -> bool:
    """Whether `_BLOCK` can match (each of its words holds one of these)."""
    return ("set" in norm or "round" in norm or "circuit" in norm or "complex" in norm or "emom" in norm
            or "amrap" in norm or "block" in norm or "finisher" in norm or "metcon" in norm or "time" in norm)


_ROUNDS_LINE = re.compile(r"^(?:[^\d()]{0,30}:\s*|\d{1,2}\s*[:.)]\s*)?(\d{1,2})\s*rounds?\b(?:\s+of)?\s*[:\-–—]?\s*"
                          r"(?:\(([^()]{5,400})\)|([^()]{5,400})$)", re.IGNORECASE)
# A line that is only a block and its count: "Superset: x3", "Circuit - 3 rounds", "Tri-set
# (3 sets)", "4 rounds of" (a note in brackets aside).
# ("Bloque A ×4", "Circuit 2 (3 rounds)": a block may carry its letter or number before its count;
# "Finisher 6 min EMOM", "Metcon": a closing block, its length aside.)
_BLOCK_ONLY = re.compile(
    r"^\W*(?:(?:giant\s*set|circuit|super\s*-?set|tri-?set|complex|block)s?(?:\s+(?:[a-h](?=\s*[:\-–—,(]|\s+x)|\d{1,2}(?=\s*[:\-–—,(])))?"
    r"\s*[:\-–—,]?\s*\(?\s*(?:x\s*\d{1,2}|\d{1,2}\s*(?:x|rounds?|sets?|times))"
    r"|\d{1,2}\s*(?:rounds?|times)(?:\s+of)?"
    r"|(?:conditioning\s+)?(?:finisher|metcon)(?:\s*[:\-–—]?\s*\(?\s*\d{1,3}\s*(?:min\w*|')\s*\)?)?(?:\s*(?:emom|amrap|for\s+time))?"
    r"|\d{1,3}\s*(?:min\w*|')\s*(?:emom|amrap)"
    r"|(?:alt(?:ernating)?\s+)?(?:emom|amrap)\s*(?:x\s*|for\s+)?\d{1,3}\s*(?:min\w*|'|rounds?)?)"  # "EMOM 12 min", "AMRAP 20 min": its length, no exercise; "ALT EMOM x 5 rounds"
    r"\s*\)?\s*[:.\-–—]?\s*(?:\([^()]*\))?\s*:?(?:\s*[,;\-–—]\s*(?:rest|pause|recovery)\b[^()]{0,40})?\s*$")


@lru_cache(maxsize=1)
def _TIMES_WORD() -> re.Pattern:
    """"3 раза", "3 veces", "3 fois" after a number: "3 times" (the vocabulary's 'times')."""
    return re.compile(rf"(?<=\d)(\s*)(?:{_plan_words('times') or 'times'})(?!\w)")


def _block_only(norm: str) -> bool:
    """Whether a line is only a block and its count (`_BLOCK_ONLY`), its "times" word in
    any of the vocabulary's languages ("Круг 3 раза", "Circuito 3 veces")."""
    if _BLOCK_ONLY.match(norm):
        return True
    said = _times_said(norm)
    return said != norm and _BLOCK_ONLY.match(said) is not None


def _times_said(norm: str) -> str:
    """The line with the vocabulary's "times" words after a number written "times"."""
    return _TIMES_WORD().sub(r"\1times", norm) if _DIGIT.search(norm) else norm


def _block_rest(norm: str) -> int | None:
    """The rest a block's header gives its members ("Bloque A x4 (descanso 40s)"), not
    the rest between its rounds ("Circuit x3, rest 2 min between rounds")."""
    m = _REST_LABELLED.search(norm) if any(word in norm for word in _REST_WORDS) else None
    if m is None or _BETWEEN_ROUNDS.search(norm, m.start()):
        return None
    return _find_rest(norm[m.start():])[0]


# A line that is only an EMOM's length, under the one exercise done in it: "Every 1 min
# for 5 mins.", "EMOM 8 min", "E2MOM x 10 min" (every 2nd minute: 5 sets).
_EMOM_ONLY = re.compile(r"^\W*(?:e(\d)mom|emom|every\s+(\d)?\s*min(?:ute)?s?|on\s+the\s+minute)\s*(?:x\s*|for\s+)?"
                        r"(\d{1,2})\s*(?:min\w*|')?\s*\.?$")


def _labelled_run(rows: list[ParsedExercise], previous: ParsedExercise | None) -> list[ParsedExercise]:
    """The rows of the superset the row just above belongs to ("A1. ...", "A2. ..."), its
    last rows sharing its label; none when it has no label."""
    if previous is None or not previous.superset or not rows or rows[-1] is not previous:
        return []
    run = []
    for row in reversed(rows[-12:]):  # (a superset has a few members: no run over a long day)
        if row.superset != previous.superset:
            break
        run.append(row)
    return run[::-1] if 1 < len(run) < 12 else []


@lru_cache(maxsize=1)
def _repeated() -> tuple[re.Pattern]:
    """"Repeat 3 times", "Repetir x4", "Повторить 3 раза" (after `_times_said`): the
    rounds of the lines above (the vocabulary's 'repeat' words)."""
    words = _plan_words("repeat") or "repeat"
    return (re.compile(rf"^\W*(?:{words})\s*(?:(?:for|all|the\s+circuit|circuit|superset)\s+)?(?:x\s*(\d{{1,2}})|(\d{{1,2}})\s*"
                       rf"(?:x|rounds?|times)?)\s*(?:rounds?|times)?\W*$"),)


# A line that is only the rounds of the block above it, after its members: "(3 rondas)",
# "x3 rounds", "3 Runden".
_ROUNDS_AFTER = re.compile(r"^\W*\(?\s*(?:x\s*(\d{1,2})(?:\s*(?:rounds?|times))?|(\d{1,2})\s*(?:x\s*)?(?:rounds?|times))\s*\)?\W*$")
# "Pistol prep – 3 Rounds": a block named by a title that names no exercise, and its rounds.
_TITLED_ROUNDS = re.compile(r"^([^\d:–—-]{3,40}?)\s*[:\-–—,(]\s*\d{1,2}\s*(?:rounds?|times)\)?\s*:?\s*$")
_ROUNDS = re.compile(r"\b(\d{1,2})\s*(?:rounds?|(?:super-?|tri-?|giant\s*)?sets?|x)\b|\bx\s*(\d{1,2})\b")  # ("5 supersets of:": 5 rounds)
_SAME_AS_ABOVE = re.compile(r"\bsame\s+(?:sets\s+and\s+reps\s+)?as\s+(?:above|before|previous)")
_TOGETHER = re.compile(r"->|→|\bsuperset(?:ted)?\s+with\b|\bsupersetted\b|\bpaired\s+with\b|\bss\b|\+\s+[a-z]")


# A line that is only an aside in brackets, with no number: "(No grip - palms only)".
_ASIDE_LINE = re.compile(r"^\([^()\d]*\)$")


# "per exercise", "for each exercise", "3 Sätze / Übung", "6-15 Wiederholungen / Satz" (after
# the plan words are translated: "sets"), "por ejercicio", "на каждое упражнение".
_PER_EXERCISE = re.compile(
    r"\b(?:each|every|per|all|for\s+all|pro|jede[nrs]?|cada|todos\s+los|par|chaque|ogni|по|на\s+каждое|кожн\w*)\s+"
    r"(?:the\s+)?(?:exercises?|movements?|lifts?|übung(?:en)?|ubung(?:en)?|ejercicios?|exercices?|exerc[ií]cios?|esercizi[oa]?"
    r"|упражнени\w*|вправ\w*)\b"
    r"|/\s*(?:übung|ubung|exercise|ejercicio|exercice|exerc[ií]cio|esercizio)\b"
    r"|\breps?\s*/\s*sets?\b")


def _may_say_per_exercise(norm: str) -> bool:
    """Whether `_PER_EXERCISE` can match (each branch holds one of these)."""
    return ("exerc" in norm or "movement" in norm or "lift" in norm or "übung" in norm or "ubung" in norm or "ejercicio" in norm
            or "esercizi" in norm or "упражнени" in norm or "вправ" in norm or ("rep" in norm and "/" in norm))


# "One arm curl: 8" under "Pull-ups: 12": a list of "name: count" lines, each an exercise
# (not a set line of the one above, as "Paused: 115x5" under "Bench: 135x5" is).
_NAME_COLON_NUMBER = re.compile(r"^\W*[^\W\d_][^:\d]{0,50}:\s*\d{1,3}\s*(?:reps?)?$", re.IGNORECASE)
_NUMBERS_FIRST = re.compile(r"^[\s\-–•*+|]*\d(?!\d*[.)]\s)")  # not a list number ("3. Rows")


# Words of a label about the plan, not an exercise ("**Duration**: 45-60 minutes", "Main Lift
# 9 sets", "**Total:** 7 ejercicios | 23 series", "Stage 2 | 3×8").
_LABEL_TALK = re.compile(r"\b(?:total|duration|scheme|type|frequency|stage|phase|tips?|notes?|goal|level|volume|cycle"
                         r"|assistance|accessor(?:y|ies)|secondary|main\s+lift|extras?|programming)\b")
# "Approximately 60-75 minutes", "Estimated workout time - 45-60 min": how long a session
# takes, not an exercise done for that long.
_SESSION_TALK = re.compile(r"\b(?:workout|session|training|time|approx\w*|about|estimated|total)\b")
_PLAN_TALK = re.compile(r"\b(?:exercises?|progressions?|pick|choose|chosen|any|your|rounds?|runden|sets?|minutes?|min)\b")
# A name the catalogue lacks that starts like a sentence or an instruction ("Then complete 3
# sets of 2 reps", "Build to one top set of 3 reps", "Drop 15% and do 2 sets of 4", "At
# 10:00, complete 30 reps of", "After failing 5x3"): no exercise starts with these words.
_NUMBERS_ONLY_ASIDE = re.compile(r"[^\d()]{1,40}\(\s*\d{1,4}(?:\s*,\s*\d{1,4})+\s*\)\s*")
_INSTRUCTION_START = re.compile(
    r"^(?:and|then|this|that|these|so|but|if|when|here|it|you|i|we|not|do|did|build|take|drop|complete|at|after"
    r"|before|approximately|about|try|aim|add|keep|start|finish|go|use|work(?:ed|ing)?\s+up|stop|repeat|rest|perform)\b")


def _written_as_name(name: str, original: str) -> bool:
    """Whether a (lower-cased) name starts with a capital letter in the line as written."""
    words = name.split()
    written = _cased(original).get(words[0], words[0]) if words else ""
    return written[:1].isupper()


_DAY_THEN = re.compile(r"^(.{2,40}?)\s*(?::|\s[-–—|]\s)\s*(?=[^\W\d_])")


def _day_then_exercise(norm: str, heading: re.Pattern, matcher) -> int | None:
    """Where the exercise starts in a heading that is a day then an exercise the catalogue
    knows well ("monday: bench press", "day 2 – deadlift"), or None."""
    m = _DAY_THEN.match(norm.strip(" #*_"))
    if m is None or not heading.match(_unaccent(m[1]).strip(" #*_")):
        return None
    start = norm.index(m[0]) + m.end() if m[0] in norm else None
    if start is None or matcher.match(norm[start:].strip(" #*_:"))[1] < STRONG_SCORE:
        return None
    return start


def _starts_exercise_below(lines: list[str], number: int, find_groups=None, block_below: bool = True) -> bool:
    """Whether the next non-empty line (a description in words aside) is only numbers
    for the name on this one (with `block_below` False, not numbers ending in ":", as "6
    sets:" over the exercises of a block is)."""
    for following in lines[number + 1:number + 4]:
        text, _, _ = _strip_markup(following)
        if not text or _ASIDE_LINE.match(text) or (len(text.split()) >= 5 and not _DIGIT.search(text)):
            continue  # "(palms only)", "Hold both dumbbells at the shoulders." between a name and its numbers
        norm = _normalise_line(text)
        groups, remaining = (find_groups or _find_groups)(norm)  # the parse's cache: read once
        return bool(groups) and not _segments(norm, groups, remaining) and (block_below or not text.endswith(":"))
    return False


# "Sets: 4", "Séries: 4", "Reps: 8-12", "Rest: 90 sec", "Weight: 185 lbs" (plan words are
# translated to English before this is matched; load words are not: "peso muerto").
_FIELD = re.compile(r"^(sets?|reps?|rest|weight|load|peso|gewicht|poids|carico|вес|вага|intensity"
                    r"|notes?|cues?|notas?|hinweise?|remarques?)\s*[:=]\s*(\S.*)$")
_NOTE_FIELDS = ("note", "cue", "nota", "hinweis", "remarque")  # "RIR = reps in reserve" is a definition
_FIELD_REPS = re.compile(rf"^{_REPS}(?!\s*(?:x|sets?|kg|lbs?|%|{_SECONDS}|{_MINUTES})\b)|^{_AMRAP_WORDS}")
_FIELD_SETS = re.compile(r"^(\d{1,2})(?:\s*-\s*\d{1,2})?(?!\s*(?:x|reps?|kg|lbs?|%)\b)")


def _apply_field(previous: ParsedExercise, norm: str, stripped: str) -> bool:
    """A labelled line under an exercise ("- Sets: 4", "- Reps: 8-10", "- Rest: 2 min",
    "- Weight: 185 lbs"): the field is set on it. False when the line is not one."""
    m = _FIELD.match(norm.strip())
    if not m or _LABELLED.search(norm):
        return False  # "Sets: 5 / Reps: 5" is read whole, as a prescription
    kind, value = m[1], m[2].strip()
    if kind.startswith("set"):
        found = _FIELD_SETS.match(value)
        if not found or (previous.sets is not None and not getattr(previous, "_fields", False)):
            return False
        previous.sets = min(int(found[1]), MAX_SETS) or None
    elif kind.startswith("rep"):
        found = _FIELD_REPS.match(value)
        if not found or (previous.reps_min is not None and not getattr(previous, "_fields", False)):
            return False
        group = _reps_group(None, found[1], found[2], found[3], found[4])
        previous.reps_min, previous.reps_max, previous.amrap = group.reps_min, group.reps_max, group.amrap
    elif kind == "rest":
        rest = _find_rest("rest " + value)[0]
        if rest is None:
            return False
        previous.rest_seconds = previous.rest_seconds or rest
    elif kind.startswith(_NOTE_FIELDS):
        previous.notes = "; ".join(n for n in (previous.notes, stripped.strip(_NOTE_TRIM)) if n)[:500]
    else:
        written = stripped.split(":", 1)[-1].split("=", 1)[-1].strip()
        previous.weight_text = previous.weight_text or written[:40] or None
    previous._fields = True
    group = _Group(sets=previous.sets, reps_min=previous.reps_min, reps_max=previous.reps_max, amrap=previous.amrap)
    # Read from the lines below the name: at most medium.
    confidence = _confidence(previous.exercise, previous.score, group)
    previous.confidence = _doubted(previous, confidence, "below")
    return True


def _absorb(previous: ParsedExercise, groups: list[_Group], remaining: str) -> None:
    """A line of numbers under an exercise: its prescription ("Sets: 5 / Reps: 5") when
    the exercise had none, one more set when it is a list of per-set lines ("225 for 5
    reps"), the last line when the lines are a warm-up ramp up to the working sets
    ("2x5 empty bar", "1x3 bar + 30 lbs", "5x5 bar + 70 lbs"), nothing ("10 reps at 40%")
    when the exercise's own line said it all."""
    if len(groups) >= 2 and _loads_by_reps(groups):
        for group in groups:  # "15x6 15x6 15x5 10x12": a log's sets on one line, a load x reps each
            _absorb(previous, [group], remaining)
        return
    group = _merge(groups)
    if not group.weight:
        m = _WEIGHT.search(remaining)  # "1x3 @ 100kg": the load beside the numbers
        bare = _BARE_LOAD.search(remaining) if not m and _may_say_bare_load(remaining) else None  # "3x5 @ 185"
        if m or bare:
            group = replace(group, weight=m[0].strip() if m else bare[1])  # a copy: the line's groups are shared
    if _may_say_warmup(remaining) and _WARMUP_MARK.search(remaining):
        group = replace(group, warmup=True)  # "8x 45lbs (warm up)": not a working set
    lines = getattr(previous, "_set_lines", None)
    if lines is not None and getattr(previous, "_drop_next", False):
        previous._drop_next = False  # "No rest, drop set", then "6 reps, 30 lb": part of the set above
    elif lines is None and previous.sets is not None:
        below = getattr(previous, "_reps_below", False)
        # "Deadlift – warm-up sets + 3 working sets", then a ramp: the last line is the work sets'.
        ramping = below and _may_say_warmup(previous.line.lower()) and _WARMUP_MARK.search(previous.line.lower())
        if (((previous.reps_min is None and not previous.amrap and not below) or ramping) and group.reps_min is not None
                and group.sets in (None, 1) and not group.weight):
            # "Deadlift – 3 working sets", then "4-6 reps heavy": the reps of those sets.
            previous.reps_min, previous.reps_max, previous.amrap = group.reps_min, group.reps_max, group.amrap
            previous._reps_below = True
        # Otherwise its own line gave the prescription: these are warm-ups or notes.
    else:
        if lines is None:
            lines = previous._set_lines = []
            previous._own_reps = [r for r in (previous.reps_min, previous.reps_max) if r is not None]
            previous._own_weight = previous.weight_text
        lines.append(group)
        # Read again from all its lines as each comes: for a row's first few dozen; past
        # those, at each doubling and once at the end (`_finish`), so thousands of set
        # lines pasted under one name are read in linear time, not quadratic.
        previous._prescribed = len(lines) <= _PRESCRIBE_EACH or not len(lines) & (len(lines) - 1)
        if previous._prescribed:
            _prescribe(previous, lines)
    rest = _find_rest(remaining)[0]
    if rest is not None and previous.rest_seconds is None and not (
            lines is None and _may_say_warmup(previous.line.lower()) and _WARMUP_MARK.search(previous.line.lower())):
        # ("Deadlift - warm-up sets + 3 working sets" over "12 reps at 50% (rest 1 min)":
        # the warm-ups' rest, not the working sets'.)
        previous.rest_seconds = rest


def _absorb_listed(rows: list[ParsedExercise], groups: list[_Group], remaining: str) -> None:
    """`_absorb` for each row; a prescription read for several names at once is a guess (low)."""
    for row in rows:
        _absorb(row, groups, remaining)
        if len(rows) > 1 and row.exercise is not None:
            row.confidence = "low"


def _listed_with(previous: ParsedExercise, rows: list[ParsedExercise], groups: list[_Group]) -> list[ParsedExercise]:
    """The rows a line of numbers under `previous` prescribes: all the names of its list line
    when that line gave no numbers and this is one prescription ("Workout A: squats, bench,
    row" over "5x5"), else `previous` alone."""
    if (len(groups) != 1 or not groups[0].sets or previous.sets is not None
            or "listed" not in getattr(previous, "_doubts", ())):
        return [previous]
    same = [r for r in rows[-12:] if r.line == previous.line and r.sets is None and "listed" in getattr(r, "_doubts", ())
            and getattr(r, "_set_lines", None) is None]
    return same if previous in same else [previous]


_LEADING_NUMBER = re.compile(r"\d+(?:[.,]\d+)?")
_WARMUP_MARK = re.compile(rf"(?<!\w){_WARMUP_WORDS}(?!\w)")
# A line that is only the rest after a set ("1 min rest", "Rest 90 sec", "No rest, drop set").
_REST_LINE = re.compile(rf"^\W*(?:no\s+(?:rest|break)\b|(?:\d{{1,3}}(?:[.,]\d)?\s*(?:{_MINUTES}|{_SECONDS}|m|')\.?\s*(?:of\s+)?)?"
                        rf"(?:rest|break|recovery|pause)\b)")


_FIELDS_SPLIT = re.compile(r"\s[|·•]\s|\s*\|\s*")
_FIELD_LABEL = re.compile(r"^[^\W\d_][^:\d]{0,30}:")


def _rest_field(norm: str) -> str | None:
    """The rest of a line of labelled fields ("Rep range: 10-12 | Rest: 60-90 sec",
    "Tempo: 3-1-1 · Rest: 2 min") when one field alone says it."""
    if "|" not in norm and "·" not in norm and "•" not in norm:
        return None
    fields = [f.strip() for f in _FIELDS_SPLIT.split(norm) if f.strip()]
    rests = [f for f in fields if _REST_LINE.match(f)]
    if (len(fields) < 2 or len(rests) != 1 or not all(_FIELD_LABEL.match(f) for f in fields)
            or len(rests[0].split()) > 6 or _BETWEEN_ROUNDS.search(rests[0])):
        return None
    return rests[0]


@lru_cache(maxsize=1)
def _REST_HEADING() -> re.Pattern:
    """A heading of rests alone: "Rest periods:", "Rests", "Pausen", "Descansos:"."""
    return re.compile(rf"^(?:rest(?:\s+(?:periods?|times?|intervals?))?|{_plan_words('rest')})(?:s|n|en)?\s*:?$")


_SET_LABEL = re.compile(r"^(?:between\s+(?:the\s+|each\s+|all\s+)?)?sets?$")
_LABELLED_ITEM = re.compile(r"^([^\W\d_][^:\d]{0,30}):\s*(\S.*)$")


def _rest_item(norm: str) -> int | None | bool:
    """An item of a list of rests (`_REST_HEADING`): the rest between sets ("Sets: 1:00
    min", "Between sets: 90 s"), False for another rest ("Exercises: 2 min"), None for a
    line that is no item of the list."""
    m = _LABELLED_ITEM.match(norm.strip())
    if not m or _find_rest(m[2])[0] is None:
        return None
    label = m[1].strip()
    if _SET_LABEL.match(label) or (_says_between_sets(label) and not _BETWEEN_ROUNDS.search(label)):
        return _find_rest(m[2])[0]
    return False


def _rest_list_below(lines: list[str], number: int) -> bool:
    """Whether the line below is an item of a list of rests (a rest heading's, not a
    circuit's "Rest" line between two exercises)."""
    below = next((line for line in lines[number + 1:number + 3] if line.strip()), "")
    return _rest_item(_normalise_line(_strip_markup(below)[0])) is not None


def _line_above(lines: list[str], number: int) -> int | None:
    """The number of the nearest line above that is not blank."""
    return next((i for i in range(number - 1, -1, -1) if lines[i].strip()), None)


_SHORT_REST_WORDS = 8  # "Rest: 60-90 sec between each set" under an exercise is its rest; a sentence, the plan's
_REST_NOTE_WORDS = 40  # longer, a paragraph of a story ("... so I rested 30 s longer between sets ..."), no note


@lru_cache(maxsize=1)
def _between_sets() -> re.Pattern:
    return re.compile(rf"(?<!\w)(?:{_plan_words('between_sets')})(?!\w)")


def _says_between_sets(line: str) -> bool:
    """"Between sets" in one of the vocabulary's languages ("entre series", "между подходами")."""
    return _between_sets().search(_fold(line)) is not None


def _may_say_rest(norm: str) -> bool:
    """Whether `_REST_LINE` can match (each of its words holds one of these)."""
    return "rest" in norm or "break" in norm or "recovery" in norm or "pause" in norm


_BETWEEN_ROUNDS = re.compile(r"round|rund|circuit|ronda|giro|круг|exerc|übung|ubung")  # not the rest of one exercise's sets
_DROP_SET = re.compile(r"\bdrop\s*-?\s*sets?\b")


def _load_value(group: _Group) -> float | None:
    return _load_of(group.weight or "")


@lru_cache(maxsize=1024)  # (each set line's load is read again for each line after it: see `_prescribe`)
def _load_of(weight: str) -> float | None:
    m = _LEADING_NUMBER.search(weight)
    return float(m[0].replace(",", ".")) if m else None


_PRESCRIBE_EACH = 64  # set lines under a name read again with each new one (see `_absorb`)


def _prescribe(row: ParsedExercise, lines: list[_Group]) -> None:
    """Set a row's numbers from the lines of numbers under its name (see `_absorb`)."""
    if len(lines) >= 2 and all(g.sets == n for n, g in enumerate(lines, 1)):
        # "1 подход - 10 повторений", "2 подход - 8 повторений": numbered sets, one each
        # (not a ramp to 2 sets of 8). Copies: a line's groups are shared.
        lines = [replace(g, sets=1) for g in lines]
    first, last = lines[0], lines[-1]
    loads = [_load_value(g) for g in lines]
    ramp = (len(lines) >= 2 and (last.sets or 0) >= 2
            and any((g.sets or 1) == 1 or g.warmup for g in lines[:-1])
            and not (loads[-1] is not None and any(v is not None and v > loads[-1] for v in loads[:-1])))
    if not ramp and _loads_by_reps(lines):
        # "Reardelt cable" over "5 x 8", "5 x 7", "5 x 8": the same small number on every
        # line (or more sets in all than anyone prescribes) is a load, not a set count.
        lines = [replace(g, sets=1, weight=str(g.sets), clear=False) for g in lines]
    elif ramp or (first.sets or 0) > 1:
        chosen = last if ramp else first
        row.sets, row.reps_min, row.reps_max, row.amrap = chosen.sets, chosen.reps_min, chosen.reps_max, chosen.amrap
        if chosen.weight and (ramp or not row.weight_text):
            row.weight_text = chosen.weight  # ("Bench:", then "3x5 @ 185")
        # A prescription on the lines below: someone should look. Medium at most, and only
        # when one line gave it ("Bench press", then "4 x 8"): of several lines, which one
        # is the prescription (the first? a ramp's last?) is our guess.
        confidence = _doubted(row, _confidence(row.exercise, row.score, chosen), "below")
        row.confidence = "low" if row.exercise and (ramp or len(lines) > 1) else confidence
        row._per_set = False
        return
    # Per-set lines ("225 for 5 reps", "135x8"): one set (or more) each; the warm-up sets
    # and a ramp up to the working sets at the top load are not counted (`_working_sets`).
    lines = _working_sets(lines)
    row.sets = sum(g.sets or 1 for g in lines)
    own = getattr(row, "_own_reps", [])  # "Squats: 15-20 reps" over its set lines
    low = [g.reps_min for g in lines if g.reps_min is not None] + own[:1]
    high = [g.reps_max for g in lines if g.reps_max is not None] + own[1:]
    row.reps_min = min(low) if low else None
    row.reps_max = max(high) if high else None
    row.amrap = any(g.amrap for g in lines)
    row.confidence = "low" if row.exercise else "unmatched"
    row._per_set = True
    weights = [g.weight for g in lines if g.weight]
    # (A warm-up's load, read while it was the only line, goes when the working sets come.)
    row.weight_text = _load_range(weights) if weights else getattr(row, "_own_weight", row.weight_text)


def _loads_by_reps(lines: list[_Group]) -> bool:
    """Whether lines read as "sets x reps" under one name are a log's "load x reps"."""
    if len(lines) < 2 or not all((g.sets or 0) > 1 and g.reps_min is not None and g.reps_min == g.reps_max
                                 and not g.weight and not g.warmup for g in lines):
        return False
    # One number the same on every line and the other not ("5 x 8", "5 x 7"), or more sets
    # in all than anyone prescribes; identical lines ("3x5" three times) stay a prescription.
    return (len({g.sets for g in lines}) == 1 and len({g.reps_min for g in lines}) > 1) or sum(g.sets for g in lines) > 10


def _working_sets(lines: list[_Group]) -> list[_Group]:
    """The working sets among per-set lines: not those marked as warm-ups, nor a ramp up
    to the top load from well below it, when the sets after it stay near it ("135x5,
    185x3, 225x5, 225x5, 215x6": the last three)."""
    working = [g for g in lines if not g.warmup] or lines
    loads = [_load_value(g) for g in working]
    if len(working) < 3 or None in loads:
        return working
    top = max(loads)
    first = loads.index(top)
    if (0 < first < len(loads) - 1 and loads[0] < 0.8 * top and all(a <= b for a, b in zip(loads[:first], loads[1:first + 1], strict=False))
            and all(v >= 0.8 * top for v in loads[first:])):
        return working[first:]
    return working


class _BoundedMatcher:
    """The catalogue matcher with a budget of fuzzy look-ups per parse: a text of
    thousands of distinct unknown names still parses in bounded time (the names past
    the budget are found only when exact, the rest are "unmatched" for the review)."""

    def __init__(self, matcher: Matcher, budget: int):
        self.matcher, self.budget = matcher, budget
        self.exact = matcher.exact  # a dict look-up: no budget

    def named(self, name: str) -> CatalogEntry | None:
        """The catalogue exercise with this (normalised) name, aliases aside."""
        return self.matcher.by_name.get(name) or self.matcher.by_sorted.get(" ".join(sorted(name.split())))

    def implements_of(self, entry: CatalogEntry) -> frozenset[str]:
        return self.matcher.implements_of(entry)

    def match_exactly(self, name: str) -> tuple:
        """A match without the fuzzy search (no budget)."""
        return self.matcher.match(name, fuzzy=False)

    def match(self, name: str) -> tuple:
        if self.budget <= 0:
            return self.matcher.match(name, fuzzy=False)
        cached = len(self.matcher._cache)
        found = self.matcher.match(name)
        if len(self.matcher._cache) > cached:
            self.budget -= 1
        return found


def parse_plan(text: str, catalog) -> ParseResult:
    """Parse plan text against the catalogue (an iterable of CatalogEntry)."""
    if text is None or not text.strip():
        raise PlanTextError("Paste the text of a plan first.")
    if len(text) > MAX_CHARS:
        raise PlanTextError(f"That text is {len(text):,} characters; the limit is {MAX_CHARS:,}.")
    matcher = _BoundedMatcher(matcher_for(tuple(catalog)), MAX_FUZZY_NAMES)
    heading = _heading_patterns()[0]
    title: str | None = None
    workouts: list[ParsedWorkout] = [ParsedWorkout(name=None)]
    unread: list[str] = []
    previous: ParsedExercise | None = None  # the exercise on the line just above, if any
    waiting: ParsedExercise | None = None  # a name alone, then a blank line: its numbers may follow
    defaults: dict[int, _Group] = {}  # workout index (-1: the whole plan) -> "N sets per exercise"
    rest_notes: list[tuple[int, int, int]] = []  # "rest 90 s between sets": (workout, its rows then, rest)
    # "Giant set, 4 rounds:", "3 sets of 12:": sets, label and the numbers (or None) for its members
    block: tuple[int | None, str, _Group | None] | None = None
    block_used = block_blank = False  # whether the block gave a row yet; a blank line came under it
    block_rows: list[tuple[tuple, list[ParsedExercise]]] = []  # each block's rows (its rest and rounds may follow them)
    block_rest: tuple[tuple, int] | None = None  # a block and the rest its header gives its members
    block_indent: int | None = None  # a block whose members are a sub-list: its header's indentation
    blocks = 0
    table: dict[int, str] | None = None
    tiers: dict[int, str] | None = None  # a table's cell index -> the tier its header names ("| Day | T1 | T2 |")
    tier_schemes: dict[str, _Group] = {}  # tier -> the scheme its own section gives ("T1 ...": "5 sets x 3 reps")
    # Under a warm-up or cool-down heading ("### Cool-down (3 min)"): 1, 2 once a line
    # under it is read (its part then ends at a blank line too), 0 elsewhere.
    warming = 0
    optional = False  # the part `warming` marks is a scaled option ("Scaling:"): none of its lines is a row
    first_line = True
    normalised: dict[str, str] = {}  # (a long line's, read first by `_split_paragraphs`)
    lines, cells = _cell_tables(text.splitlines())
    lines, paragraphs = _split_paragraphs(lines, normalised)
    paragraphs = {**cells, **paragraphs} if cells else paragraphs
    read: dict[str, tuple[list[_Group], str]] = {}  # a line repeated (week after week) is read once
    segmented: dict[tuple, list[_Segment]] = {}
    marked_up: dict[str, tuple[str, bool, str]] = {}  # pure per-line steps, also read once per distinct line

    def find_groups(norm: str) -> tuple[list[_Group], str]:
        if norm not in read:
            read[norm] = _find_groups(norm)
        groups, remaining = read[norm]
        return list(groups), remaining

    made: dict[tuple, tuple[_Segment, ParsedExercise | None]] = {}

    def exercise_row(segment: _Segment, original: str, label: str) -> ParsedExercise | None:
        # A line repeated week after week makes the same row: build it once, copy it after.
        key = (id(segment), original, label)
        cached = made.get(key)
        if cached is None or cached[0] is not segment:  # the segment kept alive: its id is not reused
            cached = made[key] = (segment, _exercise(segment, original, label, matcher))
        row = cached[1]
        return None if row is None else row.copy()

    def start_workout(name: str) -> None:
        nonlocal title, warming
        warming = 0
        if not workouts[-1].exercises and not getattr(workouts[-1], "_same_as", None):
            # Two headings in a row at the top: the first was the programme's title.
            if workouts[-1].name and title is None and len(workouts) == 1:
                title = workouts[-1].name
            workouts[-1] = ParsedWorkout(name=name)
        else:
            workouts.append(ParsedWorkout(name=name))
        workouts[-1]._heading = plain  # the whole heading line ("Day A (Mon)"): a later day may name it by any word

    held: ParsedExercise | None = None  # the row of a time or distance on the line just above
    choice_of: ParsedExercise | None = None  # the row above an "Or" line: the next line is another choice for it
    row_lines: dict[int, list[ParsedExercise]] = {}  # line number -> the rows it gave
    listed: list[tuple] = []  # rows of unknown names in a list, kept if the list names exercises (`_keep_listed`)
    timed: list[tuple] = []  # EMOM blocks saying their minutes, not rounds: (block, minutes, the rows of each line)
    in_rest_list = False  # under "Rests:", whose items ("Sets: 1 min", "Exercises: 2 min") say which rest
    for number, original in enumerate(lines):
        held, resting = None, held  # (`resting`: the row a rest line on this line belongs to, if no `previous`)
        choosing, choice_of = choice_of, None
        if len(original) > MAX_LINE_CHARS:
            unread.append(original.strip()[:MAX_LINE_CHARS] + "…")  # listed, not read: no plan line is this long
            previous = None
            continue
        markup = marked_up.get(original)
        if markup is None:
            markup = marked_up[original] = _strip_markup(original)
        stripped, marked, label = markup
        if not stripped or _RULE.match(stripped):
            if not stripped:
                if previous is not None and getattr(previous, "_bare", False):
                    waiting = previous  # "Deadlift", a blank line, "4 sets of 6 reps": the name waits
                if block is not None and (block_used or block_blank):
                    block = None  # a block ends at a blank line (one right under its header aside)
                block_blank = True
                previous = None
                warming = 0 if warming == 2 else warming
                if "\t" not in original and "|" not in original:
                    table = None  # (a row of empty cells is still the table's: "\t\t" between its days)
                    tiers = None
            continue
        warming = 2 if warming else 0
        tiers = _tier_header(stripped) or tiers if "|" in stripped or "\t" in stripped else tiers
        header = _table_header(stripped)
        if header:
            table = header
            continue
        if table is not None:
            rewritten = _table_block(stripped, table)
            if rewritten is None and block is not None and "**" in original and _bold_name(original.strip(), table):
                block = None  # "| **2-Hand Swing** | 6 × 10 |" under a superset's rows: bold as its row, its peer
            rewritten = rewritten or _table_row(original if "\t" in original and "|" not in original else stripped, table)
            if rewritten:
                stripped = rewritten
                m = None if label else _SUPERSET.match(stripped)
                if m:
                    # "| A1. Bench press | 3 | 8 |", "| A1 | Bench press |": its label, as on a line.
                    label = f"superset {m[1].upper()}{m[2]}" if m[1] else f"superset {m[3]}{m[4].upper()}"
                    stripped = stripped[m.end():]
        round_block = None
        if "round" in stripped.lower():
            m = _ROUNDS_LINE.match(stripped)
            if m and not stripped.endswith(":"):  # ("2 rounds, 1 minute each:": a header over its lines)
                # "3 rounds of: (5 push ups, 10 wall angels, 15 squats)", "4 rounds: 5-10 pull
                # ups, 15 band pull aparts": a circuit on one line; its members do the rounds.
                blocks += 1
                round_block = (int(m[1]), chr(ord("P") + blocks % 10), None)
                stripped = (m[2] or m[3]).strip()
        plain = stripped.rstrip(":").strip()
        norm = normalised.get(stripped)
        if norm is None:
            norm = normalised[stripped] = _normalise_line(stripped)
        if len(plain) <= 80:
            unaccented = _unaccent(plain)
            same = _same_as_pattern().search(unaccented) if _may_say_same_as(unaccented) else None
            if same is not None:
                head = _heading_name(plain[:same.start()]) if same.start() else ""
                if head and head != plain and _is_heading(head, False) and len(workouts) and _workout_named(
                        workouts + [ParsedWorkout(name=None)], same[1]) is not None:
                    # "Day 4: same as Day 2": a new day repeating an earlier one.
                    start_workout(_heading_name(head))
                    workouts[-1]._same_as = same[1]
                    previous, block = None, None
                    continue
                if (not head and workouts[-1].name and not workouts[-1].exercises
                        and _workout_named(workouts, same[1]) is not None):
                    # "Friday" then "Same as Monday".
                    workouts[-1]._same_as = same[1]
                    previous, block = None, None
                    continue
        was_first, first_line = first_line, False
        if previous is not None and len(norm) <= 12 and _CHOICE_ONLY.fullmatch(norm.strip(" .:-–—")):
            choice_of = previous  # "Lat pulldown 2x8" / "Or" / "Seated row 2x8": a choice of two
            continue
        if previous is not None and _LEADING_CHOICE.match(norm):
            choosing = previous  # "Or pullover with a dumbbell" under an exercise
        heading_cut = False
        named_over_sets = False
        if _REST_HEADING().match(norm) and _rest_list_below(lines, number):
            in_rest_list, previous, waiting = True, None, None  # "Rest periods:", "Pausen": its items follow
            unread.append(original.strip())
            continue
        if in_rest_list:
            item = _rest_item(norm)
            in_rest_list = item is not None
            if in_rest_list:
                if item:
                    # "Between sets: 90 s" under "Rests:": the rest of every exercise saying none,
                    # in this workout (in an overview at the top, of the whole plan).
                    scope = len(workouts) - 1
                    for where in ((scope, -1) if scope == 0 else (scope,)):
                        known = defaults.setdefault(where, _Group())
                        known.rest = known.rest or item
                unread.append(original.strip())
                continue
        if (previous is None and workouts[-1].exercises and original.lstrip().startswith("*")
                and not original.lstrip().startswith("**") and _may_say_rest(norm)):
            above = _line_above(lines, number)
            rest = _footnote_rest(stripped) if above is not None and (not unread or unread[-1] != lines[above].strip()) else None
            if rest is not None:
                # "*Keep the rests between these sets to 30 seconds." under an exercise's
                # lines: a footnote on that exercise, saying its rest (the rest is prose).
                row = workouts[-1].exercises[-1]
                row.rest_seconds = row.rest_seconds or rest
                unread.append(original.strip())
                continue
        if (previous or waiting) is not None and _apply_field(previous or waiting, norm, stripped):
            previous, waiting = previous or waiting, None
            continue  # "- Sets: 4", "- Reps: 8-10", "- Rest: 2 min" under the exercise's name
        groups, remaining = find_groups(norm)
        tier = _tier_of(workouts[-1].name) if not workouts[-1].exercises and _DIGIT.search(norm) else None
        if tier and all(matcher.match(s.name)[1] < STRONG_SCORE for s in _segments(norm, groups, remaining)):
            _note_tier(tier_schemes.setdefault(tier, _Group()), groups, norm)  # (the line stays as it was read: no row)
        if waiting is not None:
            # Only numbers with no name, right after the blank, belong to the waiting name.
            if (groups and not stripped.endswith(":") and not _segments(norm, groups, remaining)
                    and not _is_prose(norm, groups, 0) and not _long_sentence(norm)):  # (a line ending in ":" is about the lines below)
                _absorb(waiting, groups, remaining)
                previous, waiting = waiting, None
                continue
            waiting = None
        if groups and not label:
            unaccented = _unaccent(stripped)
            m = _glued_heading(unaccented if len(unaccented) == len(stripped) else stripped)
            if m and (m[1].rstrip().endswith((":", "-", "–", "—", "|", ".")) or heading.match(m[1])):
                # "Friday Press 5x3 at 60 Chins 3x8": a heading glued to its exercises.
                start_workout(_heading_name(m[1]))
                norm = " " * m.end() + norm[m.end():]
                groups, remaining = find_groups(norm)
                previous = None
                heading_cut = True
        weak = all(g.weak for g in groups)
        labelled = _label_list(stripped, matcher) if not groups and not label and "," in stripped else None
        if labelled is not None and heading.match(_unaccent(labelled[0])):
            # "Workout A: squats, bench press, bent over row.", "Día 2: sentadilla, press
            # banca, remo": the day, then its exercises (read on below as a list).
            start_workout(_heading_name(labelled[0]))
            previous, block = None, None
            heading_cut = True
        elif weak and not label and _is_heading(stripped, marked) and _rest_field(norm) is None:  # (a bold line of fields: below)
            groups, remaining = [], norm
            # "BENCH:" over "85lb x10" lines names an exercise; a name ending in ":" with
            # prose below must be an exact name, since a section ("Shoulders:") reads alike.
            # (Cheapest test first: most of these lines are headings.)
            names_exercise = False
            if (not heading.match(_unaccent(plain)) and not _PHASE.match(_unaccent(norm).strip(" #*_:-"))
                    and not _WARM_WORDS().match(_unaccent(norm).strip(" #*_:-"))):
                score = matcher.match(plain)[1]
                if score >= STRONG_SCORE:
                    below = _starts_exercise_below(lines, number, find_groups)
                    names_exercise = (score >= 100 or below) and (below or stripped.endswith(":"))
                elif (len(plain.split()) <= 5 and (plain.isupper() or (stripped.endswith(":") and not marked
                                                                       and score >= WEAK_SCORE))
                      and not _NOT_A_NAME.match(norm) and not _LABEL_TALK.search(norm) and not _PLAN_TALK.search(norm)
                      and not _SENTENCE_START.match(norm) and _starts_exercise_below(lines, number, find_groups)):
                    # "BULGARIAN BAG WALKING LUNGES:" over "40lb x10" lines, "Gironda laterals:"
                    # over "Sets: 3 Reps: 10": an exercise the catalogue may lack, not a heading
                    # (a section's lines name exercises, they are not bare numbers).
                    names_exercise = named_over_sets = True
            if not names_exercise:
                if (_may_say_block(norm) and (_BLOCK.search(norm) or _CLOSER.match(norm.strip(" #*_:-–—•")))
                        and not heading.match(_unaccent(plain))):  # ("Day 2: Circuit", "Día 2: Circuito": a day)
                    blocks += 1
                    block = (_block_sets(_times_said(norm)), chr(ord("P") + blocks % 10), None)
                    _note_timed_block(timed, block, norm)
                    block_used = block_blank = False
                    warming = 1 if warming else 0  # ("Warm-up" / "2 rounds, 1 minute each:": its items follow)
                    continue
                if _PHASE.match(_unaccent(norm).strip(" #*_:-")) or _WARM_WORDS().match(_unaccent(norm).strip(" #*_:-")):
                    # "Warm-up (5 min)", "Main work", "Cool-down", "Notes": a part of the
                    # session, not a session of its own.
                    previous, block = None, None
                    warming, optional = (1 if _warm_phase(_unaccent(norm).strip(" #*_:-")) else 0), False
                    continue
                if _SCALING().match(_unaccent(norm).strip(" #*_:-")):
                    # "SCALING:", "Modifications:" over another exercise for who cannot do the
                    # one above: an option, not more work (its lines are listed unread).
                    previous, block, waiting = None, None, None
                    warming, optional = 1, True
                    unread.append(stripped if table is None else original.strip())
                    continue
                start_workout(_heading_name(plain))
                previous, block = None, None
                if _may_say_block(norm) and _BLOCK.search(norm) and (sets := _block_sets(_times_said(norm))):
                    # "Día 2 – Circuito (3 rondas)": a day, done as a circuit of its count.
                    blocks += 1
                    block = (sets, chr(ord("P") + blocks % 10), None)
                    block_used = block_blank = False
                cut = _day_then_exercise(norm, heading, matcher)
                if cut is None or not _starts_exercise_below(lines, number, find_groups):
                    continue
                # "### Monday: Bench Press" over its set lines: the day, and its exercise
                # (read on as a name alone: its lines follow).
                norm = remaining = " " * cut + norm[cut:]
                heading_cut = True
        if (not groups and stripped.endswith(":") and _SENTENCE_START.match(stripped.lower())
                and not (_may_say_block(norm) and _BLOCK.search(norm))):  # ("Then, 3 rounds of:": a block)
            unread.append(stripped)  # "And then:": what follows is a new part, under no heading
            previous, block = None, None
            continue
        if block_indent is not None and _indent(original) <= block_indent:
            block, block_indent = None, None  # the sub-list of a named superset ended
        if (not groups and not label and len(norm.split()) <= 5 and not _DIGIT.search(norm) and _may_say_block(norm)
                and _BLOCK.search(norm) and _nested_below(lines, number)):
            # "- Bizeps Supersatz" over "    + Curls am Kabelzug" / "    + Curls mit Seil": a
            # superset named over its members, listed under it; no exercise of its own.
            blocks += 1
            block = (None, chr(ord("P") + blocks % 10), None)
            block_used = block_blank = False
            block_indent = _indent(original)
            unread.append(stripped if table is None else original.strip())
            previous = None
            continue
        if (not label and len(norm) <= 60 and (_DIGIT.search(norm) or len(norm.split()) <= 5)
                and _warm_phase(_unaccent(norm).strip(" #*_:-."))):  # (anchored: most lines fail at once)
            phase = (_TIMED_PHASE.match(_SPACES.sub(" ", _unaccent(norm).strip(" #*_-"))) if _DIGIT.search(norm)
                     else _WARM_ONLY().match(_unaccent(norm).strip(" #*_:-.")))
            if (phase and (phase.re is not _TIMED_PHASE or _warm_phase(phase[1].strip(" #*_:-")))
                    and (_DIGIT.search(norm) or not _list_mark(original))):
                # "Warmup (6 min)", "Cooldown 5 min": a part of the session and its length,
                # not an exercise done for that long. Set apart or over a list, its items
                # (drills) follow; an item of a list itself ("- Warm-up 10 min"), it is one
                # step of the list.
                previous, block, waiting = None, None, None
                if not _list_mark(original) and (_sets_apart(lines, number) or _items_below(lines, number)):
                    warming, optional = 1, False
                unread.append(stripped if table is None else original.strip())
                continue
        if "m" in norm and not stripped.endswith(":") and _DIGIT.search(norm) and (m := _EMOM_ONLY.match(norm.strip(" *_"))):
            above = _line_above(lines, number)
            rows_above = row_lines.get(above, []) if above is not None else []
            below = next((line for line in lines[number + 1:number + 4] if line.strip()), "")
            if (len(rows_above) == 1 and rows_above[0].sets is None and int(m[3]) % int(m[1] or m[2] or 1) == 0
                    and rows_above[0] in workouts[-1].exercises and (number + 1 >= len(lines) or _sets_apart(lines, number))
                    and _list_mark(below) is None and not _NUMBERS_FIRST.match(below)):  # (not the header of a list below)
                # "5 Bench Press, 60% 1RM" / "* Every 1 min for 5 mins.": the exercise above,
                # once a minute, 5 sets.
                row = rows_above[0]
                row.sets = int(m[3]) // int(m[1] or m[2] or 1)
                group = _Group(sets=row.sets, reps_min=row.reps_min, amrap=row.amrap, clear=False)
                row.confidence = _doubted(row, _confidence(row.exercise, row.score, group), "below")
                unread.append(original.strip())
                previous = None
                continue
        members = None
        if len(norm) <= 40 and not stripped.endswith(":") and _DIGIT.search(norm):  # (the cheap tests first)
            members = (block_rows[-1][1] if block is not None and block_rows and block_rows[-1][0] is block
                       else _labelled_run(workouts[-1].exercises, previous))
        if members:
            said = _times_said(norm)
            m = _ROUNDS_AFTER.match(said) or _repeated()[0].match(said)
            if m and (block is not None or m.re is not _ROUNDS_AFTER or said.lstrip().startswith(("(", "x"))
                      or number + 1 >= len(lines) or _sets_apart(lines, number)):
                # "Min 1: 8 Burpees" / "Min 2: 12 Push Ups" / "(3 rondas)", "A1. Squat 10" /
                # "A2. Push-ups 15" / "Repeat 3 times": the rounds of the block's members
                # (of the superset's), said after them. (A bare "3 rounds" over lines is
                # their header.)
                for row in members:
                    if row.sets is None:
                        row.sets = int(m[1] or m[2])
                        group = _Group(sets=row.sets, reps_min=row.reps_min, amrap=row.amrap, clear=False)
                        row.confidence = _doubted(row, _confidence(row.exercise, row.score, group), "below")
                unread.append(stripped if table is None else original.strip())
                continue
        titled = _TITLED_ROUNDS.match(norm) if "round" in norm or "times" in norm else None
        if ((stripped.endswith(":") or _DIGIT.search(norm) or _CLOSER.match(norm.strip(" #*_-–—"))) and _may_say_block(norm)
                and ((stripped.endswith(":") and len(norm.split()) <= 8
                      and (_BLOCK.search(norm) or (not groups and _CLOSER.match(norm.strip(" #*_:-–—•"))))) or _block_only(norm)
                     or (titled and matcher.match(titled[1])[1] < STRONG_SCORE))):
            blocks += 1
            scheme = _merge(groups) if groups and not weak and not _block_only(norm) else None  # ("Circuit 1 x 5": 5 rounds)
            if scheme is not None and scheme.sets and (scheme.reps_min is not None or scheme.amrap):
                # "Superset 3x12:", "Biserie 4x10:": the sets and reps of each member.
                block = (scheme.sets, chr(ord("P") + blocks % 10), scheme)
            else:
                block = (_block_sets(_times_said(norm)), chr(ord("P") + blocks % 10), None)
            _note_timed_block(timed, block, norm)
            block_used = block_blank = False
            warming = 1 if warming else 0  # ("Warm-up" / "2 rounds, 1 minute each:": its items follow)
            rest = _block_rest(norm)
            if rest is not None:
                block_rest = (block, rest)  # "Bloque A x4 (descanso 40s)": its members' rest
            unread.append(stripped if table is None else original.strip())
            continue
        if (groups and stripped.endswith(":") and not label
                and all(_INSTRUCTION_START.match(s.name) or matcher.match(s.name)[1] < WEAK_SCORE
                        for s in _segments(norm, groups, remaining))):
            # "At 0:00, complete 30-20-10 reps of:", "3 sets of 12:": the numbers of the
            # exercises listed below it, done together.
            blocks += 1
            scheme = _merge(groups)
            block = (scheme.sets, chr(ord("P") + blocks % 10), scheme)
            block_used = block_blank = False
            unread.append(stripped)  # no exercise of its own: listed, so the review shows it
            previous = None
            continue
        if previous is not None and "same" in norm and _SAME_AS_ABOVE.search(norm):
            source = previous
            segments = _segments(norm, [], _SAME_AS_ABOVE.sub(" ", remaining))
            rows = [r for r in (_exercise(s, original, label, matcher) for s in segments) if r]
            for row in rows:
                row.sets, row.reps_min, row.reps_max, row.amrap = source.sets, source.reps_min, source.reps_max, source.amrap
                row.confidence = "medium" if row.confidence == "low" and row.score >= 100 else row.confidence
            if rows:
                workouts[-1].exercises.extend(rows)
                previous = rows[-1]
                continue
        if block is None and len(norm.split()) > _SHORT_REST_WORDS and _may_say_rest(norm) and _DIGIT.search(norm):
            rest = _rest_in_prose(stripped)
            if rest is not None:
                # "My rest is between 1-3 minutes.", "A good rest between sets is 90 to 120 s,
                # ...": the plan's rest, said in a sentence of its prose (which stays prose).
                rest_notes.append((len(workouts) - 1, len(workouts[-1].exercises), rest))
        resting = previous or resting
        if (resting is not None and _may_say_rest(norm) and _REST_LINE.match(norm) and len(norm.split()) <= 6
                and not _BETWEEN_ROUNDS.search(norm) and (not groups or all(g.weak or g.hold for g in groups))):
            # "1 min rest", "No rest, drop set" between the set lines under an exercise.
            rest = _find_rest(norm)[0]
            resting.rest_seconds = resting.rest_seconds or rest
            if block is not None and block_rows and block_rows[-1][0] is block and resting in block_rows[-1][1]:
                # "- Push Ups 12" / "- Plank 45s" / "Descanso 40s" in a block: every member's rest.
                for row in block_rows[-1][1]:
                    row.rest_seconds = row.rest_seconds or rest
            if getattr(resting, "_set_lines", None) is not None and _DROP_SET.search(norm):
                resting._drop_next = True
            continue
        field = None
        if (resting is None and not workouts[-1].exercises and block is None and _may_say_rest(norm)
                and ((_REST_LINE.match(norm) and len(norm.split()) <= 12 and not _BETWEEN_ROUNDS.search(norm)
                      and (not groups or all(g.weak or g.hold for g in groups)))
                     or (field := _rest_field(norm)) is not None)):
            rest = _find_rest(field or norm)[0]
            if rest is not None:
                # "Rest 60 seconds between sets" before a workout's first exercise: for its
                # exercises (the whole plan's, before its first workout or in notes after
                # the last: `_rest_scope`) that say none. (Further down, a rest line with no
                # exercise right above it may be any exercise's, or a circuit's between
                # rounds: not a default, unless it says "between sets", below.)
                rest_notes.append((len(workouts) - 1, 0, rest))
                unread.append(stripped if table is None else original.strip())
                continue
        if (block is None and all(g.weak or g.hold for g in groups) and _DIGIT.search(norm)
                and _says_between_sets(stripped) and len(norm.split()) <= _REST_NOTE_WORDS):
            rest, _, left = _find_rest(norm)
            if (rest is not None and _find_rest(left)[0] is None  # (two rests: for which sets?)
                    and all(matcher.match(s.name)[1] < STRONG_SCORE for s in _segments(norm, groups, remaining))):
                # "4-5 min between sets", "Rest 90 s between sets", "Отдых между подходами:
                # 30-45 секунд" on a line naming no exercise ("between sets": no circuit's rest
                # between rounds). Short, under an exercise: that exercise's. Otherwise (a
                # sentence, notes under their own heading) a default, for the workout or the
                # whole plan: which is known at the end (`_rest_scope`).
                above = _line_above(lines, number)
                if above in row_lines and len(norm.split()) <= _SHORT_REST_WORDS:
                    row = row_lines[above][-1]
                    row.rest_seconds = row.rest_seconds or rest
                    continue
                if above is None or above in row_lines or not _DIGIT.search(lines[above]):
                    # (Under a line of numbers that gave no row, a set line we did not read
                    # or a stat: whose rest it is, is not known.)
                    rest_notes.append((len(workouts) - 1, len(workouts[-1].exercises), rest))
                    unread.append(stripped if table is None else original.strip())
                    continue
        if weak and previous is not None and _REST_START.match(stripped.lower()):  # (`weak`: of these groups still)
            rest = _find_rest(norm)[0]
            if rest is not None:
                previous.rest_seconds = previous.rest_seconds or rest
                continue
        if (groups and not label and _may_say_per_exercise(norm) and _PER_EXERCISE.search(norm) and not any(g.weak or g.leading for g in groups)
                and len(norm.split()) <= 25
                and all(matcher.match(s.name)[1] < STRONG_SCORE for s in _segments(norm, groups, remaining))):
            # "3 sets of 7 to 12 reps per exercise", "3 Sätze / Übung": for the exercises
            # of this workout (of the whole plan, before its first workout) that give none.
            group = _merge(groups)
            scope = -1 if not workouts[-1].exercises and len(workouts) == 1 and workouts[0].name is None else len(workouts) - 1
            # In the first section (an overview under the title) it holds for the whole
            # plan too, where a later workout says nothing of its own.
            for where in ((scope, -1) if scope == 0 else (scope,)):
                known = defaults.setdefault(where, _Group())
                known.sets = known.sets or group.sets
                if known.reps_min is None and group.reps_min is not None:
                    known.reps_min, known.reps_max = group.reps_min, group.reps_max
            unread.append(stripped if table is None else original.strip())
            previous = None
            continue
        key = (norm, remaining, tuple(map(id, groups)))  # groups of a line read before are the same objects
        if key not in segmented:
            segmented[key] = _segments(norm, groups, remaining)
        segments = list(segmented[key])
        if not segments:
            if groups and previous is not None and not _is_prose(norm, groups, 0) and not _long_sentence(norm):
                _absorb_listed(_listed_with(previous, workouts[-1].exercises, groups), groups, remaining)
                continue
            if previous is not None and norm.startswith(("rest", "descanso", "pause", "отдых")):
                rest = _find_rest(norm)[0]
                if rest is not None and previous.rest_seconds is None:
                    previous.rest_seconds = rest
                continue
            unread.append(stripped if table is None else original.strip())
            if not (previous is not None and (_ASIDE_LINE.match(stripped) or _describes(previous, norm))):
                previous = None  # an aside under a name keeps the name's numbers coming
            continue
        if (groups and previous is not None and not label and not groups[0].leading
                and not (_NAME_COLON_NUMBER.match(stripped) and _NAME_COLON_NUMBER.match(previous.line.strip()))
                and not _next_item(original, previous.line)
                and all(_NOT_A_NAME.match(s.name) or (
                    (norm[:1].isdigit() or previous.sets is None or getattr(previous, "_per_set", False))
                    and matcher.match(_strip_loads(s.name)[0])[1] < WEAK_SCORE)
                    # "95lb x10 wide" among set lines: a word on the set, not an exercise
                    or (norm[:1].isdigit() and (previous.sets is None or getattr(previous, "_per_set", False))
                        and len(s.name.split()) == 1 and s.name in remaining[groups[-1].end:]
                        and not _written_as_name(s.name, original)
                        and matcher.match(s.name)[1] < STRONG_SCORE)
                    for s in segments)
                and not _long_sentence(norm) and not _is_prose(norm, groups, 0)):
            # "6x5 bar + 15 lbs", "Set 1: 3 reps @ RPE 7", "warm-ups: 45 x 8" under an exercise.
            _absorb_listed(_listed_with(previous, workouts[-1].exercises, groups), groups, remaining)
            continue
        segments = _named_segments(segments, groups, stripped, original, norm, label, matcher)
        rows = built = [r for r in (exercise_row(s, original, label) for s in segments) if r]
        rows = _kept_rows(rows, segments, groups, weak, stripped, original, norm, label, named_over_sets,
                          table is not None, lines, number, find_groups, block is not None or round_block is not None)
        if rows and was_first and _sets_apart(lines, number) and (
                all(r.exercise is None for r in rows) or (not groups and _prose_below(lines, number))):
            # "StrongLifts 5x5" set apart at the top, naming no exercise; "Back Squats" over
            # a paragraph of a story: the title.
            title = plain
            rows = []
        if rows and warming and optional:
            rows = built = []  # ("Weighted negatives" / "4 sets of 3" under "SCALING:")
        if rows and warming:
            # "- Cat-cow stretch: 2x10" under "Warm-up" or "Cool-down": a stretch or drill the
            # catalogue lacks is no exercise of the workout (known ones, "Push-ups 2x10", are).
            rows = [r for r in rows if r.exercise is not None and r.confidence not in ("low", "unmatched")
                    and (r.sets is not None or r.reps_min is not None or r.amrap)]  # ("- 1 min Plank": a drill's time)
            built = [] if not rows else built  # (nor an item of a list to keep: `_keep_listed`)
        if not rows:
            if (len(built) == 1 and len(stripped) <= 60 and _list_mark(original)  # (a listed name is short: the cheap test first)
                    and _may_be_listed_name(segments[0].name, stripped, norm, groups)):
                # "- Rotary torso" in a list of exercises: kept if the list around it names them.
                listed.append((number, workouts[-1], len(workouts[-1].exercises), built[0]))
            unread.append(original.strip())
            if not (previous is not None and _describes(previous, norm)):
                previous = None  # (a description under a name keeps the name's numbers coming)
            continue
        if choosing is not None:
            # Another choice for the exercise above: offered with it, not a row of its own.
            for row in rows:
                if row.exercise is not None and row.exercise != choosing.exercise and row.exercise not in choosing.alternatives:
                    choosing.alternatives = [row.exercise, *choosing.alternatives][:3]
            if rows and "choice" not in getattr(choosing, "_doubts", ()):
                choosing.confidence = _doubted(choosing, choosing.confidence, "choice")  # our pick of the two
            previous = choosing
            continue
        row_lines[number] = rows
        if tiers is not None:
            _mark_tiers(rows, stripped, tiers)
        _doubt_line(rows, stripped, heading_cut)
        if len(rows) > 1 and _TOGETHER.search(norm):
            blocks += 1
            for row in rows:
                row.superset = row.superset or chr(ord("P") + blocks % 10)
        for given in (block, round_block):
            if given is not None:
                block_used = block_used or given is block
                _give_block(rows, given, given is block)
        if block is not None:
            if not block_rows or block_rows[-1][0] is not block:
                block_rows.append((block, []))
            block_rows[-1][1].extend(rows)
            for row in rows if block_rest is not None and block_rest[0] is block else ():
                row.rest_seconds = row.rest_seconds or block_rest[1]
        for emom in timed if block is not None else ():
            if emom[0] is block:
                emom[2].append(rows)
        workouts[-1].exercises.extend(rows)
        previous = rows[-1]
        if len(groups) == 1 and groups[0].hold:
            previous = None  # "25 minutes of boxing": a time, not a name over its set lines
            held = rows[-1]  # (its rest may follow: "Rest 1 minute")
        if not groups and len(rows) == 1 and rows[0].sets is None:
            previous._bare = True  # a name alone: its numbers may follow a blank line
    _keep_listed(listed, lines, row_lines, unread)
    for index, rows_before, rest in rest_notes:
        known = defaults.setdefault(_rest_scope(workouts, index, rows_before), _Group())
        known.rest = known.rest or rest
    if tier_schemes:
        _give_tier_schemes(workouts, tier_schemes)
    _loads_after_dashes([e for w in workouts for e in w.exercises])
    _emom_sets(timed)
    workouts, unread = _finish(workouts, defaults, unread, text, paragraphs, matcher)
    return ParseResult(title=title, workouts=workouts, unread=unread)


_TIER = re.compile(r"^\W*(t[1-3])\b", re.IGNORECASE)  # GZCL's tiers: "T1", "T2 Exercises (Secondary Lifts)"


def _tier_of(name: str | None) -> str | None:
    m = _TIER.match(name) if name else None
    return m[1].lower() if m else None


def _tier_header(text: str) -> dict[int, str] | None:
    """Cell index -> tier, when a table's header names tiers for columns ("| Workout | T1 |
    T2 | T3 |"): its rows name an exercise per tier, whose numbers the tier's own section
    gives."""
    cells = [c.strip("*_ :") for c in _cells(text)]
    tiers = {i: c.lower() for i, c in enumerate(cells) if _TIER.fullmatch(c)}
    return tiers if len(tiers) >= 2 else None


def _mark_tiers(rows: list[ParsedExercise], stripped: str, tiers: dict[int, str]) -> None:
    """Each row of a table line under a tier header, its column's tier (a row per tier
    cell, in order; otherwise which row is whose is not known)."""
    cells = _cells(stripped)
    named = [tier for i, tier in sorted(tiers.items()) if i < len(cells) and _LETTER.search(cells[i])]
    if len(named) == len(rows):
        for row, tier in zip(rows, named):
            row._tier = tier


def _note_tier(scheme: _Group, groups: list[_Group], norm: str) -> None:
    """What a line of a tier's section says of its scheme, its first line of sets and reps
    ("5 sets x 3 reps (last set is AMRAP)": the last set as many reps as possible, so no
    top of the range) and its first rest ("Rest: 2-3 minutes between sets")."""
    said = _merge(groups) if groups else _Group()
    if scheme.reps_min is None and said.reps_min is not None and not said.weak:
        scheme.sets, scheme.reps_min, scheme.reps_max, scheme.amrap = said.sets, said.reps_min, said.reps_max, said.amrap
        if _LAST_SET_AMRAP.search(norm):
            scheme.amrap, scheme.reps_max = True, None
    elif scheme.rest is None and said.reps_min is None and _may_say_rest(norm):
        scheme.rest = _find_rest(norm)[0]


def _give_tier_schemes(workouts: list[ParsedWorkout], schemes: dict[str, _Group]) -> None:
    """Rows of a tier column saying no numbers: their tier's scheme and rest, read from
    another part of the plan (so at most medium)."""
    for e in (e for w in workouts for e in w.exercises):
        scheme = schemes.get(getattr(e, "_tier", None))
        if scheme is None or e.sets is not None or e.reps_min is not None or scheme.reps_min is None:
            continue
        e.sets, e.reps_min, e.reps_max, e.amrap = scheme.sets, scheme.reps_min, scheme.reps_max, scheme.amrap
        e.rest_seconds = scheme.rest or e.rest_seconds
        e.confidence = _doubted(e, _confidence(e.exercise, e.score, scheme), "below")


_LEADING_NAME = re.compile(r"^\W*([^\W\d][^\d:–—]{1,40}?)\s*(?::|\s[–—-]\s|[–—]|-\s)\s*(?=\S)")


def _leading_name(norm: str, segments: list[_Segment], matcher) -> re.Match | None:
    """The name a line leads with, before a colon or a dash, when the catalogue knows it
    well and no name read before the line's numbers does ("Bench press: after 3-4
    warm-up sets, do 3x5 at 75%", "Hammer curl – 1 set at 17.5 lbs, then 2 at 15")."""
    m = _LEADING_NAME.match(norm) if (":" in norm or "-" in norm or "–" in norm or "—" in norm) else None
    if m is None or len(m[1].split()) > 5 or _NOT_A_NAME.match(m[1]) or _PLAN_FIELD.match(norm):
        return None
    if any(matcher.match(s.name)[1] >= STRONG_SCORE for s in segments):
        return None
    return m if matcher.match(m[1])[1] >= STRONG_SCORE else None


def _named_segments(segments: list[_Segment], groups: list[_Group], stripped: str, original: str, norm: str,
                    label: str, matcher: _BoundedMatcher) -> list[_Segment]:
    """The exercises of a line that names several, or one and a note on it, when the
    catalogue knows each name well; otherwise `segments`, as read."""
    if groups and not label:
        head = _leading_name(norm, segments, matcher)
        if head is not None:
            leftover = norm
            for g in groups:
                leftover = _blank(leftover, g.start, g.end)
            # (Its numbers are read from words about it: a doubt.)
            return [_Segment(name=head[1], groups=[g for g in groups if not g.warmup] or groups,
                             leftover=leftover[head.end():], doubt="leading")]
    if not groups and "," in stripped and not label:
        labelled = _label_list(stripped, matcher)
        if labelled is not None:
            # "Workout A: squats, bench press, bent over row.", "Bonus – biceps, delt raises,
            # lat PDs": a label, then the names of its exercises (no numbers).
            return [_Segment(name=n, groups=[], leftover="", doubt="listed") for n in labelled[1]]
    if not groups and _may_list(stripped) and _LIST_OF_NAMES.search(_unbracket(stripped)):
        # "1) Incline dumbbell press 2) Flat dumbbell press", "Situps, Russian twists",
        # "Squat + Bench Press": several exercises named on one line.
        listed = _unbracket(stripped)
        # At each separator; else at commas and semicolons only ("Glute & ham raises; pull-throughs").
        for separators in (_LIST_OF_NAMES, _COMMAS) if _COMMAS.search(listed) else (_LIST_OF_NAMES,):
            pieces = [p for p in separators.split(listed) if p.strip()]
            named = [_Segment(name=_name_before(_normalise_line(p))[0], groups=[], leftover="") for p in pieces]
            if all(n.name and matcher.match(n.name)[1] >= STRONG_SCORE for n in named):
                # "Abs, crunches": names of one exercise are one row (the last, most often the exact one).
                by_exercise = {matcher.match(n.name)[0]: n for n in named}
                segments = [n for n in named if by_exercise[matcher.match(n.name)[0]] is n]
                if (len(segments) > 1 and stripped.rstrip().endswith(".") and not stripped.rstrip().endswith("..")
                        and ":" not in stripped and all(len(n.name.split()) <= 3 for n in segments)):
                    # "Pull-ups, dips.": a list ended with a full stop, no sentence.
                    segments = [replace(n, doubt="listed") for n in segments]
                break
    if not groups and len(segments) <= 1 and (") " in original or ". " in original):
        numbered = _numbered_names(original, matcher)
        if numbered:
            # "1) Incline dumbbell chest press 2) Flat dumbbell chest press": numbered items
            # on one line, each read well enough (their numbers may follow on the lines below).
            segments = [_Segment(name=n, groups=[], leftover="", doubt="listed") for n in numbered]
    if not groups and not segments[1:] and _may_tell_exercise(norm):
        told = _EXERCISE_IS.match(norm)
        if told and len(told[1].split()) <= 5 and matcher.match(told[1])[1] >= WEAK_SCORE:
            # "Our first exercise is the deadlift.": the name, its numbers on the lines below.
            segments = [_Segment(name=told[1].strip(), groups=[], leftover="", doubt="told")]
    if not groups and stripped.count(" / ") >= 2:
        # "Pull-up / Incline press / Lateral raise": three or more names between spaced
        # slashes are a list (two are a choice: "Squat / Leg press").
        named = [_Segment(name=_name_before(_normalise_line(p))[0], groups=[], leftover="")
                 for p in _unbracket(stripped).split(" / ") if p.strip()]
        if len(named) >= 3 and all(n.name and matcher.match(n.name)[1] >= STRONG_SCORE for n in named):
            segments = named
    if not groups and "|" in original and original.count("|") >= 2:
        # "| **A1** | Squat | Bench Press | Lat Pulldown |": a table row of names (tiers
        # or slots as columns), a label cell aside.
        cells = [c.strip(" *_") for c in original.strip().strip("|").split("|")]
        cells = [c for c in cells if c and not _LABEL_WORD.match(c.lower()) and not _DIGIT.fullmatch(c)]
        named = [_Segment(name=_name_before(_normalise_line(c))[0], groups=[], leftover="") for c in cells]
        if len(named) >= 2 and all(n.name and matcher.match(n.name)[1] >= STRONG_SCORE for n in named):
            segments = named
    if groups and len(segments) == 1 and segments[0].aside.count(" / ") >= 2:
        # "Squat / Bench press / Row 3x5": three or more names between spaced slashes, one
        # prescription for each (two are a choice, as above).
        one = segments[0]
        pieces = [_strip_connectors(p) for p in _unbracket(one.aside).split(" / ") if p.strip(_NAME_TRIM)]
        working = [g for g in one.groups if not g.warmup]
        if (3 <= len(pieces) <= 6 and len(working) in (1, len(pieces))
                and all(matcher.match(p)[1] >= STRONG_SCORE for p in pieces)):
            return [_Segment(name=p, groups=[working[i] if len(working) > 1 else working[0]], leftover=one.leftover)
                    for i, p in enumerate(pieces)]
    if groups and len(segments) == 1 and _may_list(segments[0].aside) and _LIST_OF_NAMES.search(segments[0].aside):
        # "Squat, bench, row: 3x5 each", "Squat + Bench + Row, 5x3 / 5x5 / 4x6": names
        # listed before one prescription for each, or one per name in the same order.
        one = segments[0]
        pieces = [_strip_connectors(p) for p in _LIST_OF_NAMES.split(_unbracket(one.aside)) if p.strip(_NAME_TRIM)]
        working = [g for g in one.groups if not g.warmup]
        commas_only = not re.search(r"[;+&]|\band\b", one.aside)  # "Curl, dumbbell hammer": one name, inverted
        if ((3 if commas_only else 2) <= len(pieces) <= 6 and len(working) in (1, len(pieces))
                and all(matcher.match(p)[1] >= STRONG_SCORE for p in pieces)):
            segments = [_Segment(name=p, groups=[working[i] if len(working) > 1 else working[0]], leftover=one.leftover)
                        for i, p in enumerate(pieces)]
    if groups and len(segments) == 1 and ". " in segments[0].aside:
        # "Dumbbell bench press. Full 3x15, forgot the weight": the name is the first
        # sentence, the words before the numbers only a note on them.
        one = segments[0]
        head = one.aside.split(". ", 1)[0].strip(_NAME_TRIM)
        if (head and len(head.split()) <= 6 and matcher.match(one.name)[1] < STRONG_SCORE
                and matcher.match(head)[1] >= STRONG_SCORE):
            segments = [replace(one, name=head)]
    if not groups and not label and not segments[1:] and " - " in norm:
        head, _, tail = norm.partition(" - ")
        if (_unaccent(head.strip(" *_#")) in _body_parts() and len(tail.split()) <= 5
                and matcher.match(_name_before(tail)[0])[1] >= WEAK_SCORE):
            # "k) Abs - crunches on the ball", "Chest - cable fly": the muscle, then the exercise for it.
            return [_Segment(name=_name_before(tail)[0], groups=[], leftover="")]
    if not groups and not label and not segments[1:] and (", " in norm or " - " in norm):
        for separator in (", ", " - "):
            head, _, tail = norm.partition(separator)
            head = _name_before(head)[0] if tail else ""
            if separator == " - " and (len(tail.split()) < 3 or matcher.match(tail)[1] >= WEAK_SCORE):
                continue  # "Chest fly - pec deck", "Squat - high bar": the name's variant, no note
            if (head and len(head.split()) <= 5 and matcher.match(head)[1] >= STRONG_SCORE
                    and not (segments and matcher.match(segments[0].name)[1] >= STRONG_SCORE)):
                # "Single arm lat pulldown, you can do double arm if you prefer", "Bench
                # press - work up to a heavy triple": the name, then a note (kept only over
                # the exercise's numbers: see `_kept_rows`).
                segments = [_Segment(name=head, groups=[], leftover=tail, doubt="leading")]
                break
    if not groups and ":" in norm and not label:
        head, _, tail = norm.partition(":")
        head_name = _name_before(head)[0]
        if (head_name and len(tail.split()) <= 4 and not _LIST_OF_NAMES.search(head)
                and not (segments and matcher.match(segments[0].name)[1] >= STRONG_SCORE)
                and matcher.match(head_name)[1] >= STRONG_SCORE):
            # "Squats: warm up, 5/3/1", "Standing calf raise: N/A", "Rows: BBB": the
            # exercise, then a note on it (no numbers to read).
            segments = [_Segment(name=head_name, groups=[], leftover=tail)]
    if groups and any(s.after for s in segments):
        segments = [_without_note(s, matcher) if s.after else s for s in segments]
    return segments


# Where a note on an exercise may start after its name ("elevated push ups with varying
# hand widths", "bench press to work on form"): a connector word or a comma.
_NOTE_START = re.compile(r"\s*[,;]\s|\s(?=(?:with|for|using|to|and|while|focusing|keeping|then|so|but|because|this|that"
                         r"|which|con|para|mit|avec|pour|per|sin|senza|без)\s)")


def _without_note(segment: _Segment, matcher: _BoundedMatcher) -> _Segment:
    """A name read after its numbers that runs on into words about it ("3 sets of 10 - elevated
    push ups with varying hand widths"): the longest head that names an exercise (well, else
    better than the whole), the rest a note. Unchanged when the whole is a name."""
    name = segment.name
    if len(name.split()) < 3 or not _NOTE_START.search(name):
        return segment
    whole, score, _ = matcher.match(name)
    if score >= STRONG_SCORE:
        return segment
    best = None
    for cut in reversed([m.start() for m in _NOTE_START.finditer(name)]):  # the longest head first
        head = name[:cut].strip(_NAME_TRIM)
        if not _TWO_LETTERS.search(head) or _NOT_A_NAME.match(head):
            continue
        entry, found, _ = matcher.match(head)
        if score >= WEAK_SCORE and entry != whole:
            continue  # "squats to a box": the whole says which exercise (Box Squat), the head less
        if found >= STRONG_SCORE:
            best = (cut, found)
            break
        if found >= WEAK_SCORE and found > score and (best is None or found > best[1]):
            best = (cut, found)
    if best is None:
        return segment
    return replace(segment, name=name[:best[0]].strip(_NAME_TRIM), leftover=f"{name[best[0]:]} {segment.leftover}",
                   doubt=segment.doubt or "note")


# "Workout A: squats, bench", "Bonus – biceps, delt raises": a short label, a colon or a
# dash, the names (each a line's name: `_label_list`).
_LIST_LABEL = re.compile(r"^([^\W\d_][^:–—,.;()]{0,30}?)\s*(?::|\s-\s|\s?[–—]\s?)\s*(?=[^\W\d_])")
_LIST_COMMAS = re.compile(r"\s*[,;]\s*")  # ("Bench Press ,Barbell Row")
_LAST_AND = re.compile(r"\s+(?:and|&|y|e|et|und|и|і|oraz)\s+")  # (not "en": Spanish "in" too)
_LIST_ITEM_WORDS = 5
_OWNER = re.compile(r"(?:my|our|your|his|her|their)\b")
_NOTE_LABEL = re.compile(r"(?:tips?|notes?|cues?|equipment|muscles?)\b")  # "Tips: ...": words, no list of exercises


def _label_list(text: str, matcher: _BoundedMatcher) -> tuple[str, list[str]] | None:
    """(the label, the names) of a line that is a label then a list of two or more
    exercise names and nothing else ("Día 2: sentadilla, press banca, remo"), each read
    well enough by the catalogue (at least `WEAK_SCORE`, one at least `STRONG_SCORE`);
    None for a sentence with commas or a label that is an exercise ("Bench press: pause,
    touch and go": notes on it)."""
    m = _LIST_LABEL.match(text)
    if (m is None or len(m[1].split()) > 4 or _SENTENCE_START.match(m[1].lower()) or _DIGIT.search(text[m.end():])
            or _OWNER.match(m[1].lower())):  # "My favourites: ...": talk about exercises
        return None
    items = _LIST_COMMAS.split(_unbracket(text[m.end():]).strip(" .;:!"))
    items[-1:] = _LAST_AND.split(items[-1])  # "..., rows and curls"
    names = [_strip_connectors(_normalise_line(p).strip()) for p in items]
    if len(names) < 2 or any(not n or len(n.split()) > _LIST_ITEM_WORDS or not _TWO_LETTERS.search(n) for n in names):
        return None
    label = m[1].strip()
    if _heading_patterns()[0].match(_unaccent(label)) is None and (
            matcher.match(_normalise_line(label))[1] >= WEAK_SCORE or _PLAN_FIELD.match(text.lower())
            or _NOTE_LABEL.match(label.lower()) or _PHASE.match(_unaccent(label.lower()))):
        return None  # (an exercise's notes; "Goals:", "Warm-up:": no exercises of the workout)
    if any(implements(set(n.split())) and len(implements(set(n.split()))) == len(n.split()) for n in names):
        return None  # "Equipment: barbell, dumbbells, bench": implements, no exercises
    scores = [matcher.match(n)[1] for n in names]
    if min(scores) < WEAK_SCORE or max(scores) < STRONG_SCORE:
        return None
    return label, names


_NUMBERED_ITEM = re.compile(r"(?:^|(?<=\s))\(?(\d{1,2})[.)]\s+(?=[^\W\d_])")


def _numbered_names(original: str, matcher: _BoundedMatcher) -> list[str] | None:
    """The names of a line of two or more items numbered in order ("1) Squat 2) Bench"),
    when each is a short name the catalogue reads at least weakly (`WEAK_SCORE`)."""
    marks = list(_NUMBERED_ITEM.finditer(original.strip()))
    if len(marks) < 2 or any(int(b[1]) != int(a[1]) + 1 for a, b in zip(marks, marks[1:], strict=False)):
        return None
    text = original.strip()
    if marks[0].start() != 0:
        return None
    names = []
    for mark, following in zip(marks, [*marks[1:], None], strict=False):
        piece = text[mark.end():following.start() if following else len(text)]
        name = _strip_connectors(_strip_markup(piece)[0].lower()).strip()
        if _DIGIT.search(name) or not _TWO_LETTERS.search(name) or len(name.split()) > _LIST_ITEM_WORDS:
            return None
        names.append(_normalise_line(name))
    scores = [matcher.match(n)[1] for n in names]
    return names if min(scores) >= WEAK_SCORE else None


def _kept_rows(rows: list[ParsedExercise], segments: list[_Segment], groups: list[_Group], weak: bool,
               stripped: str, original: str, norm: str, label: str, named_over_sets: bool, in_table: bool,
               lines: list[str], number: int, find_groups, in_block: bool = False) -> list[ParsedExercise]:
    """The rows of a line that are exercises: a line with no numbers must name one for
    sure, a name the catalogue lacks must read like one, prose and rest lines give none.
    `in_block`: the line is a member of a block ("5 supersets of:" above it), whose lines
    name exercises ("10 sumo side steps", lower-cased, is one there)."""
    built = rows
    if not groups:
        # No numbers: only a short line naming an exercise for sure counts; prose does not.
        name_words = _name_words(built, segments)
        plain_words = _words_of_a_choice(_unbracket(norm))
        sure = STRONG_SCORE if len(rows) > 1 or plain_words > 5 else WEAK_SCORE
        if (len(rows) == 1 and name_words <= MAX_NAME_WORDS and not named_over_sets
                and (label or _may_name_over_sets(norm))):
            # "E1. Rear delt cross:" over "Sets: 2 Reps: 20", "Leg press!" over "1 set - 10
            # reps" lines: a name over its numbers, known or not.
            named_over_sets = _starts_exercise_below(lines, number, find_groups, block_below=bool(label))
        if named_over_sets and len(rows) == 1:
            pass  # a name over its set lines, known or not
        elif segments and all(s.doubt in ("listed", "told") for s in segments) and len(rows) == len(segments):
            pass  # "Workout A: squats, bench press, bent over row.": each name read (`_label_list`)
        elif (len(rows) == 1 and segments[0].doubt == "leading" and rows[0].exercise is not None
              and _starts_exercise_below(lines, number, find_groups)):
            pass  # "Single arm lat pulldown, you can do double arm if you prefer" over its numbers
        elif (not rows or any(r.exercise is None or r.score < sure for r in rows)
                or name_words > 6 or plain_words > 6 * len(rows) + 2 or norm.rstrip().endswith(".")
                or (":" in norm and _PLAN_FIELD.match(norm))):  # "Type: Push/Pull/Legs Split"
            rows = []
    elif weak:
        # "Push ups 10" must name an exercise for sure; "Cardio 30-40 min" (a time or
        # distance) may name one the catalogue lacks.
        rows = [r for r, s in zip(rows, segments, strict=False)
                if (r.exercise is not None and r.score >= STRONG_SCORE)
                or ((r.weight_text or (in_block and r.reps_min is not None and not _NOT_A_NAME.match(s.name)
                                       and not _PLAN_TALK.search(s.name)))
                    and len(s.name.split()) <= 4 and not _LABEL_TALK.search(s.name) and not _SESSION_TALK.search(s.name))]
        # ("- Reverse Lunges 12/12" under "Bloque A x4": a member's reps, as a member's time is.)
    else:
        # A name the catalogue lacks is kept when it reads like one: short, and when
        # the numbers come first ("5x10 Sitting Leg Levers"), written as a name. After
        # "3 serie po 12 powtórzeń", "10x 145lbs (warm up)" the words are no exercise.
        numbers_first = bool(_NUMBERS_FIRST.match(norm))
        rows = [r for r, s in zip(rows, segments, strict=False)
                if r.exercise is not None or (len(s.name.split()) <= 5 and not s.name.endswith((".", "?", "!"))
                                              and not (numbers_first and not in_block
                                                       and not _written_as_name(s.name, original))
                                              and not _LABEL_TALK.search(s.name)
                                              and not _INSTRUCTION_START.match(s.name)
                                              # "Mike (135,155,185)": a person's loads, no prescription
                                              and not ("(" in norm and "," in norm
                                                       and _NUMBERS_ONLY_ASIDE.fullmatch(norm)))]
        if groups[0].leading:
            # "60 push-ups" must name an exercise: "1 Warm Up", "4 Runden à 3 Minuten" do not.
            rows = [r for r, seg in zip(rows, segments, strict=False)
                    if (r.exercise is not None and r.score >= WEAK_SCORE)
                    or (r.exercise is None and len(seg.name.split()) <= 4 and not _NOT_A_NAME.match(seg.name)
                        and not _PLAN_TALK.search(seg.name) and not original.rstrip().endswith(":")
                        and (in_block or _written_as_name(seg.name, original)))]
        # (The name's words decide only for a line of more than 14 words.)
        if _is_prose(norm, groups, _name_words(built, segments) if len(norm.split()) > 14 else 0):
            rows = []
    if rows and not groups and "|" in original and _heads_a_table_of_loads(lines, number):
        # "| Bench Press | Back Squat | Deadlift |" over a rule and "| 66.5kg | 80kg | 100kg |":
        # the columns' titles (each lift's 1RM below), not three exercises to do.
        rows = []
    if rows and not in_table and "|" not in stripped and len(_unbracket(stripped).split()) > MAX_UNKNOWN_LINE_WORDS:
        # "I took a long rest between 110 and 115, about 8 minutes.", "Warm up before
        # each move, then lift 90% of your 5RM...": a long line naming no exercise the
        # catalogue knows is prose, whatever numbers it holds.
        rows = [r for r in rows if r.exercise is not None]
    if rows and norm.startswith(_REST_PREFIXES) and _REST_START.match(norm):
        # "Rest 2 minutes after all 6 sets of the presses": about resting, not an exercise.
        rows = []
    return rows


def _heads_a_table_of_loads(lines: list[str], number: int) -> bool:
    """Whether line `number` is a table's header row: a rule line ("| --- | --- |") under it,
    and under the rule cells of numbers with no prescription (loads, maxes, dates)."""
    below = [line.strip() for line in lines[number + 1:number + 3]]
    if not below or "|" not in below[0] or "-" not in below[0] or not _RULE.match(below[0]):
        return False
    return len(below) < 2 or not _PRESCRIPTION.search(_normalise_line(below[1]))


def _may_name_over_sets(norm: str) -> bool:
    """Whether a line with no numbers may be the name of an exercise written over its
    set lines: short, and no sentence, label, part of a session, instruction or definition."""
    # "Leg curl machine, seated, for the hamstrings!", "Dips between two chairs (or a
    # bench) or on the floor:": the name (its longest choice) before a note, a colon aside.
    name = _unbracket(norm.strip().rstrip(":")).split(", ", 1)[0]
    words = max((len(choice.split()) for choice in _CHOICE.split(name)), default=0)
    return (0 < words <= 6 and len(_unbracket(norm).split()) <= MAX_UNKNOWN_LINE_WORDS
            and not _DIGIT.search(norm)  # "3 days a week" over "2 warm-up sets"
            and not norm.rstrip().endswith((".", "?")) and not _NOT_A_NAME.match(norm)
            and not _LABEL_TALK.search(norm) and not _PLAN_TALK.search(norm) and not _SENTENCE_START.match(norm)
            and not _INSTRUCTION_START.match(norm) and not _PHASE.match(_unaccent(norm).strip(" #*_:-"))
            and not _REST_START.match(norm) and "=" not in norm)  # "RIR = reps in reserve": a definition


def _name_words(rows: list[ParsedExercise], segments: list[_Segment]) -> int:
    """How many words the line's name has: those read as the name at a clause's end
    (`_exercise`), or the longest segment's."""
    said = max([getattr(r, "_name_words", 0) for r in rows], default=0)
    return said or max([len(s.name.split()) for s in segments], default=0)


def _doubt_line(rows: list[ParsedExercise], stripped: str, heading_cut: bool) -> None:
    """A long line, several exercises on one (where a name may be split or glued
    wrongly), a heading cut off the line ("Friday Squat 5x5"): never sure, and each
    is a doubt of its own."""
    # (Spaces run together count as one: only a line longer than that as written may be long.)
    long = len(stripped) > MAX_SURE_LINE and len(" ".join(stripped.split())) > MAX_SURE_LINE
    for reason, doubt in (("long", long), ("split", len(rows) > 1), ("heading", heading_cut)):
        if doubt:
            for row in rows:
                row.confidence = _doubted(row, row.confidence, reason)


def _give_block(rows: list[ParsedExercise], given: tuple, from_header: bool) -> None:
    """The rows of a line in a block ("Giant set, 4 rounds:" above it, `from_header`, or
    "3 rounds of: ..." on it): its set count, numbers and label where they say none."""
    for row in rows:
        scheme = given[2]
        if scheme is not None and row.reps_min is None and not row.amrap and not row.weight_text:
            row.reps_min, row.reps_max, row.amrap = scheme.reps_min, scheme.reps_max, scheme.amrap
        if row.sets is None and given[0]:
            row.sets = given[0]
            if from_header and (row.reps_min is not None or row.amrap or row.weight_text):
                # The set count read from the block's line: at most medium.
                group = _Group(sets=row.sets, reps_min=row.reps_min, amrap=row.amrap, clear=False)
                row.confidence = _doubted(row, _confidence(row.exercise, row.score, group), "below")
        row.superset = row.superset or given[1]


_EMOM_MINUTES = re.compile(r"\b(?:e1mom|emom|every\s+minute|on\s+the\s+minute)\b\D{0,20}?(\d{1,2})(?::00)?\s*(?:min\w*|'|$|\s+of\b)"
                           r"|(?<![\d.])(\d{1,2})\s*(?:min\w*|')\s*(?:e1mom|emom)\b")  # ("Finisher 6 min EMOM")


def _note_timed_block(timed: list[tuple], block: tuple, norm: str) -> None:
    """Keep a block header giving an EMOM's minutes and no rounds ("EMOM in 10:00 of:",
    "EMOM 12 min:") with the rows it gets (`_emom_sets`)."""
    m = _EMOM_MINUTES.search(norm) if block[0] is None and "m" in norm else None
    if m:
        timed.append((block, int(m[1] or m[2]), []))


def _emom_sets(timed: list[tuple]) -> None:
    """An EMOM of N minutes over one line ("EMOM in 10:00 of: 1 power clean + 1 push
    jerk"): that line every minute, N sets. (Over several lines, which minute does which
    is not said.)"""
    for _, minutes, lines in timed:
        if len(lines) == 1 and all(r.sets is None for r in lines[0]):
            for row in lines[0]:
                row.sets = minutes
        elif (len(lines) > 1 and minutes % len(lines) == 0 and all(r.sets is None for rows in lines for r in rows)
              and [_minute_of(rows[0].line) for rows in lines if rows] == list(range(1, len(lines) + 1))):
            # "EMOM 9 min" over "Min 1: 8 burpees", "Min 2: 12 push-ups", "Min 3: 15
            # squats": each minute's line done every third minute, 3 sets.
            for rows in lines:
                for row in rows:
                    row.sets = minutes // len(lines)
                    group = _Group(sets=row.sets, reps_min=row.reps_min, amrap=row.amrap, clear=False)
                    row.confidence = _doubted(row, _confidence(row.exercise, row.score, group), "below")


_MINUTE_NUMBER = re.compile(r"^\W*(?:min(?:ute)?\.?\s*)?(\d{1,2})\s*[:.)\-–—]\s*\D", re.IGNORECASE)


def _minute_of(line: str) -> int | None:
    """The minute an EMOM's line names ("Min 2: 12 Push Ups", "2) 10 dips"), or None."""
    m = _MINUTE_NUMBER.match(line)
    return int(m[1]) if m else None


def _loads_after_dashes(rows: list[ParsedExercise]) -> None:
    """"3 x 12 - 30" in a plan that writes loads after the dash ("4 x 12 - 130"): 12
    reps at 30, as its other lines say, not 12 to 30 reps."""
    if not any(getattr(r, "_dash", "") == "load" for r in rows):
        return
    for row in rows:
        if getattr(row, "_dash", "") == "either" and row.reps_max is not None:
            row.weight_text = row.weight_text or str(row.reps_max)
            row.reps_max = row.reps_min


_SENTENCE_END = re.compile(r"(?<=[.!?;])\s+")
_REST_SUBJECT = re.compile(r"^\W*(?:(?:my|the|your|our|a|an|normal(?:ly)?|good|usual)\s+){0,3}rests?"
                           r"(?:\s+(?:periods?|times?|intervals?))?\s+(?:is|was|are|were|should\s+be|will\s+be|stays?)\b")
_CONDITION = re.compile(r"^\W*(?:if|when|unless|suppose|imagine|say)\b")  # "If the routine calls for 2 minutes rest ...": not the plan's
_BETWEEN_AND = re.compile(r"\b(?:between|entre|zwischen|tra|fra|между)\s+(\d{1,3})\s+(?:and|y|e|und|et|и)\s+(?=\d)")


def _rest_in_prose(text: str) -> int | None:
    """The rest a sentence of prose gives every set: its subject the rest ("My rest is
    between 1-3 minutes") or saying "between sets", one rest in it, no sets or reps, no
    condition ("If ...")."""
    for sentence in _SENTENCE_END.split(text):
        if not _DIGIT.search(sentence) or len(sentence.split()) > _REST_NOTE_WORDS:
            continue
        if not (_REST_SUBJECT.match(sentence.lower()) or _says_between_sets(sentence)):
            continue
        norm = _normalise_line(sentence)
        if _BETWEEN_ROUNDS.search(norm) or _CONDITION.match(norm):
            continue
        norm = _BETWEEN_AND.sub(lambda m: m[0][:m.start(1) - m.start()] + m[1] + "-", norm)  # "entre 90 y 120 s": 90-120
        rest, _, left = _find_rest(norm)
        if rest is not None and _find_rest(left)[0] is None and all(g.weak or g.hold for g in _find_groups(norm)[0]):
            return rest
    return None


_UNIT_HYPHEN = re.compile(rf"(?<=\d)-(?={_SECONDS}\b|{_MINUTES}\b)")  # "20-second rest": 20 second


def _footnote_rest(text: str) -> int | None:
    """The one rest a footnote under an exercise gives its sets: said in a sentence with a
    rest word ("Take 20 second rest breaks between sets", "short, 30-second rests"), not
    between rounds or exercises; two rests in it, none (which is meant is not known)."""
    rests = []
    for sentence in _SENTENCE_END.split(text):
        norm = _UNIT_HYPHEN.sub(" ", _normalise_line(sentence))
        if not _may_say_rest(norm) or _BETWEEN_ROUNDS.search(norm):
            continue
        rest, _, left = _find_rest(norm)
        if rest is not None:
            rests.append(rest)
            if _find_rest(left)[0] is not None:
                return None
    return rests[0] if len(rests) == 1 else None


def _rest_scope(workouts: list[ParsedWorkout], index: int, rows_before: int) -> int:
    """Where a "rest ... between sets" line holds: after every exercise of the plan (notes
    at its end) or in a part with none of its own, the whole plan (-1); in a workout with
    exercises after it, or in one of several days, that workout."""
    if all(not w.exercises for w in workouts[index + 1:]) and len(workouts[index].exercises) == rows_before:
        return -1
    return index if workouts[index].exercises else -1


def _finish(workouts: list[ParsedWorkout], defaults: dict[int, _Group], unread: list[str], text: str,
            paragraphs: dict[str, str], matcher) -> tuple[list[ParsedWorkout], list[str]]:
    """What is read over the whole plan once its lines are: numbers given per exercise,
    warm-up rows, labels nobody shares, the barbell default in a plan with no barbell,
    days that repeat another, the lines of a paragraph; the workouts with rows."""
    for workout in workouts:
        for e in workout.exercises:
            if not getattr(e, "_prescribed", True):  # (its last set lines not read in yet)
                e._prescribed = True
                _prescribe(e, e._set_lines)
    for index, workout in enumerate(workouts):
        rest = next((d.rest for d in (defaults.get(index), defaults.get(-1)) if d is not None and d.rest), None)
        if rest is not None:
            for e in workout.exercises:
                e.rest_seconds = e.rest_seconds or rest
        default = defaults.get(index) or defaults.get(-1)
        if default is None or (default.sets is None and default.reps_min is None):
            continue  # (a rest alone, taken above)
        for e in workout.exercises:
            if e.reps_min is None and not e.amrap and not e.weight_text and (e.sets is None or default.sets is None
                                                                             or getattr(e, "_set_lines", None)):
                e.sets = e.sets or default.sets  # "Wadenheben / + 5 Sätze" keeps its 5
                e.reps_min, e.reps_max = default.reps_min, default.reps_max
                confidence = _confidence(e.exercise, e.score, _Group(sets=e.sets, reps_min=e.reps_min))
                e.confidence = _doubted(e, confidence, "below")  # read from another line
    warmups = _may_say_warmup(text.lower())  # (one test of the text, not one per row)
    for workout in workouts:
        if warmups:
            _drop_warmups(workout, unread)
        counts: dict[str, int] = {}
        for e in workout.exercises:
            if e.superset:
                counts[e.superset] = counts.get(e.superset, 0) + 1
        for e in workout.exercises:
            if e.superset and counts[e.superset] < 2:
                e.superset = None  # a label nobody shares ("C1" alone) groups nothing
    defaulted = [e for workout in workouts for e in workout.exercises
                 if e.confidence == "high" and getattr(e, "_barbell_default", False)]
    if defaulted and (not (_GYM_PLAN_LOADS.search(text) or _GYM_PLAN_WORDS.search(text))
                      or (_KETTLEBELL_PLAN.search(text) and not _BARBELL_PLAN.search(text))):
        # "Squats 3x20", "Bench 3x10" read as the barbell lifts by default, in a plan that
        # names no barbell and no load anywhere (a home or bodyweight plan), or that names
        # kettlebells and no barbell ("5x5 deadlifts" with "my 16kg bell"): not sure.
        # (The rows first: the searches over the whole text only when one may change.)
        for e in defaulted:
            e.confidence = "medium"
    _bodyweight_defaults(workouts, text, matcher)
    for index, workout in enumerate(workouts):
        reference = getattr(workout, "_same_as", None)
        if reference:
            source = _workout_named(workouts[:index + 1], reference)
            if source is not None:
                _repeat(workout, source)
    if paragraphs:
        # Rows and unread pieces of a paragraph show the line the user wrote.
        for workout in workouts:
            # A sentence cut from prose names no exercise the catalogue lacks ("Start the
            # program with its 5x5 workout A."): prose, whatever numbers it holds.
            workout.exercises = [e for e in workout.exercises if e.exercise is not None or e.line not in paragraphs
                                 or not _SENTENCE_END.search(paragraphs[e.line])]
            for e in workout.exercises:
                if e.line in paragraphs:
                    e.line = paragraphs[e.line]
                    e.confidence = _doubted(e, e.confidence, "cut")  # we cut the line
        unread = list(dict.fromkeys(paragraphs.get(u, u) for u in unread))
    workouts = [w for w in workouts if w.exercises]
    return workouts, unread


# A gym's machines and cables: a plan naming them is done in a gym, where a bare "squat"
# is the barbell lift even when no load is written. (Dumbbells are kept at home too.)
_GYM_MACHINES = re.compile(r"machine|cable|pulley|pulldown|leg press|smith|lat pull|pec deck|тренаж|блок|m[aá]quina"
                           r"|polea|maschine|kabel|seilzug|macchina|cavo|poulie", re.I)


# Catalogue names of what home plans are made of (push-ups, planks, burpees): two of them
# and no barbell, load or machine make a home plan, whatever its language.
_HOME_EXERCISE = re.compile(r"push-?ups?|plank|burpee|jumping jack|mountain climber|crunch|sit-?up|bridge|inchworm"
                            r"|superman|flutter kick|bodyweight", re.I)


def _bodyweight_defaults(workouts: list[ParsedWorkout], text: str, matcher) -> None:
    """"Squats 3x20" in a plan that names no barbell, no load and no machine, and names
    bodyweight exercises (a home plan: push-ups, planks, burpees) is the bodyweight squat
    where the catalogue has it: the barbell lift is offered beside it, and the row is at
    most medium (our pick either way). Rows whose implement we picked ("Lunges": the
    dumbbell lunge) say nothing of the plan; one that names its implement does."""
    rows = [e for workout in workouts for e in workout.exercises if e.exercise is not None]
    bare = [e for e in rows if getattr(e, "_picked", None) == {"barbell"}]
    if not bare or _GYM_PLAN_LOADS.search(text) or _GYM_PLAN_WORDS.search(text) or _GYM_MACHINES.search(text):
        return
    said = [e for e in rows if not getattr(e, "_picked", None)]
    if (sum(1 for e in rows if _HOME_EXERCISE.search(e.exercise.name)) < 2
            or any(matcher.implements_of(e.exercise) & {"barbell", "machine", "cable"} for e in said)):
        return
    twins = {}
    for e in bare:
        twins[id(e)] = _variant("bodyweight", e.exercise, e.alternatives, e.exercise.name.replace("Barbell", ""), matcher)
        if twins[id(e)][0] is e.exercise:
            return  # "Squats" beside "Bench": a barbell lift with no bodyweight twin, a barbell plan
    for e in bare:
        e.exercise, e.alternatives = twins[id(e)]
        if e.confidence == "high":
            e.confidence = "medium"


_LIST_MARK = re.compile(r"^\s*(?:([-*+•·–—])|\(?\d{1,2}([.):])|\(?[a-h]([.)]))\s+", re.IGNORECASE)


def _list_mark(line: str) -> str | None:
    """How a line is marked as an item of a list: its bullet, "1." / "1)" numbering,
    numbers first ("100 froggers") or after the name and a colon ("Curls: 20"); None for
    a line of prose."""
    m = _LIST_MARK.match(line)
    if m:
        return m[1] or ("n" + m[2] if m[2] else "a" + m[3])
    if _LEADING_REPS.match(line.lower()):
        return "reps"
    return "colon" if _NAME_COLON_NUMBER.match(line.strip()) else None  # "Pull-ups: 12"


def _next_item(line: str, above: str) -> bool:
    """Whether a line is the next item of the numbered list the row above is an item of
    ("4. Bench press: 3x5" / "5. 5x10 sitting leg levers"): an exercise of its own, not
    a set line of the one above. (Bullets may mark set lines too: "- 60kg x 8".)"""
    mark = _list_mark(line)
    return mark is not None and mark[0] in "na" and mark == _list_mark(above)


def _may_be_listed_name(name: str, stripped: str, norm: str, groups: list[_Group]) -> bool:
    """Whether a line given no row may still name an exercise the catalogue lacks, as an
    item of a list: a short name, no sentence, no label or instruction."""
    words = name.split()
    return (0 < len(words) <= 5 and len(stripped) <= 60 and not stripped.endswith((":", ".", "?", "!"))
            and not _NOT_A_NAME.match(name) and not _LABEL_TALK.search(norm) and not _PLAN_TALK.search(name)
            and not _INSTRUCTION_START.match(name) and not _PHASE.match(_unaccent(name))
            and not _REST_START.match(norm) and not (_may_say_warmup(norm) and _WARMUP_MARK.search(norm))
            and not _is_prose(norm, groups, len(words)))


def _keep_listed(listed: list[tuple], lines: list[str], row_lines: dict[int, list[ParsedExercise]],
                 unread: list[str]) -> None:
    """Rows of names the catalogue lacks ("- Rotary torso", "100 froggers") kept when
    they are items of a list whose other items (at least two, marked the same way, no
    blank line between) are two thirds or more exercises the catalogue knows well:
    unmatched, for the review to name."""
    # Each line's mark and each list's extent and known items are read once: a list of
    # thousands of unknown names was read again for each of them (seconds at 50,000 characters).
    marks: dict[int, str | None] = {}
    lists: dict[int, tuple[int, int]] = {}  # line number -> (its list's items, how many the catalogue knows)
    dropped: list[str] = []  # the kept rows' lines, off the unread list at the end
    for number, workout, index, row in reversed(listed):  # (the last first: earlier indexes stay right)
        mark = _mark_of(lines, number, marks)
        if mark is None:
            continue
        if number not in lists:
            _read_list(lines, number, mark, marks, row_lines, lists)
        items, known = lists[number]
        run = items - 1  # the other items
        known -= _knows(row_lines, number)
        if run < 2 or 3 * known < 2 * run:
            continue
        if row.exercise is not None and row.score < WEAK_SCORE:
            row.alternatives = [row.exercise, *row.alternatives][:3]
            row.exercise = None
        row.confidence = "unmatched" if row.exercise is None else "low"
        workout.exercises.insert(index, row)
        dropped.append(lines[number].strip())
    if dropped:
        # As removing each from the list in turn would: the first occurrences, once per row.
        left = Counter(dropped)
        kept = []
        for line in unread:
            if left[line] > 0:
                left[line] -= 1
            else:
                kept.append(line)
        unread[:] = kept


def _mark_of(lines: list[str], number: int, marks: dict[int, str | None]) -> str | None:
    """`_list_mark` of a line (None for a blank one), read once per line."""
    if number not in marks:
        marks[number] = _list_mark(lines[number]) if lines[number].strip() else None
    return marks[number]


def _knows(row_lines: dict[int, list[ParsedExercise]], number: int) -> int:
    """1 when a line gave a row the catalogue knows well, else 0."""
    return int(any(r.exercise is not None and r.score >= STRONG_SCORE for r in row_lines.get(number, ())))


def _read_list(lines: list[str], number: int, mark: str, marks: dict[int, str | None],
               row_lines: dict[int, list[ParsedExercise]], lists: dict[int, tuple[int, int]]) -> None:
    """The list around line `number` (the lines next to it marked the same way, no blank
    between): its size and known items, recorded for each of its lines."""
    first = last = number
    while first > 0 and _mark_of(lines, first - 1, marks) == mark:
        first -= 1
    while last + 1 < len(lines) and _mark_of(lines, last + 1, marks) == mark:
        last += 1
    known = sum(_knows(row_lines, n) for n in range(first, last + 1))
    for n in range(first, last + 1):
        lists[n] = (last - first + 1, known)


PARAGRAPH_CHARS = 150  # a longer line may be a whole plan pasted as one paragraph
_PRESCRIPTION = re.compile(r"\d\s*[x×х]\s*\d|\d\s*sets?\b", re.I)  # a paragraph plan has several


@lru_cache(maxsize=1)
def _paragraph_break() -> re.Pattern:
    """Where a plan pasted as one paragraph breaks: a run of spaces (columns flattened),
    or before a capitalised weekday or numbered day/week ("... Deadlift 1x5 Tuesday Back
    Squat 5x5", "... 3x5 Week 2 Monday ...")."""
    weekdays = (r"(?:Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun)(?:day|sday|nesday|rsday|urday)"
                + "|" + "|".join(re.escape(w.capitalize()) for w in vocabulary().plan_words.get("weekday", []) if len(w) > 3))
    days = "Day|Week|Workout|" + "|".join(re.escape(w.capitalize()) for w in
                                         vocabulary().plan_words.get("day", []) + vocabulary().plan_words.get("week", []))
    # A day starts after numbers or another day, not after a word ("3x5 on Monday and Friday").
    start = rf"(?:(?<=[\d).\]:;!|])|(?<=day)|(?<=\b[A-Z]))\s(?=(?:{weekdays})\b|(?:{days})\s*\d{{1,2}}\b)"
    return re.compile(rf" {{3,}}(?! )|{start}")  # linear: no \s+ to retry


_NAME_WORD = re.compile(r"(?!(?:sets?|reps?|rest|min|sec|kg|lbs?|rpe|rir|amrap|max)\b)[^\W\d_]{3,}")


def _positional_cells(line: str) -> list[str] | None:
    """A table row's cells in place (empty ones kept: a column is a day)."""
    text = line.strip()
    if "|" in text:
        return [c.strip() for c in text.strip("|").split("|")]
    if "\t" in text:
        # (A leading tab is a blank first cell: "\tcalf raise\t3x" under "Group\tExercise".)
        return [c.strip() for c in line.strip(" \r\n").split("\t")]
    return None


def _day_columns(lines: list[str], start: int, pieces: dict[str, str]) -> tuple[list[str], int] | None:
    """A table whose header names days ("| Monday | Wednesday | Friday |", "Day 1\tDay 2"),
    read day by day: each day's heading, then its column's cells, as lines of their own.
    (the lines made, the index after the table), or None when line `start` is no such header."""
    header = _positional_cells(lines[start])
    if not header or len(header) < 2:
        return None
    # A weekday or a numbered day ("Day 1", "Tag A"); not split names ("Push", "Chest":
    # often a muscle column), and not weeks (a progression of each row's exercise).
    glued = _heading_patterns()[1]
    weeks = tuple(["week", "wk", *vocabulary().plan_words.get("week", [])])
    days = [i for i, c in enumerate(header) if c and glued.match(_unaccent(c.strip("*_ :")) + " x")
            and len(c.split()) <= 5 and not _unaccent(c.strip("*_ :").lower()).startswith(weeks)]
    if len(days) < 2 or _table_header(lines[start]):
        return None
    rows, end = [], start + 1
    while end < len(lines):
        line = lines[end]
        if not line.strip():
            break
        cells = _positional_cells(line)
        if cells is None:
            break
        if not _RULE.match(line.strip()):
            rows.append((line, cells))
        end += 1
    if not rows:
        return None
    out: list[str] = []
    for column in days:
        out.append(header[column].strip("*_ :"))
        for line, cells in rows:
            if column < len(cells) and cells[column] and cells[column] not in ("-", "—"):
                cell = cells[column]
                if days[0] > 0 and cells[0] and not _NAME_WORD.search(_normalise_line(cell)):
                    cell = f"{cells[0]} {cell}"  # "| Squat | 3x5 | 5x3 |": the name is the row's
                out.append(_piece(cell.strip(), line.strip(), pieces))
    out.append("")
    return out, end


_PIECE_MARKS = ("", "- ", "* ", "+ ", "• ", "· ", "– ", "— ")


def _piece(made: str, line: str, pieces: dict[str, str]) -> str:
    """A line made from table line `line`, noted in `pieces` to give its row that line back;
    the same words made from another row ("Back Squat 2×5" on two days) get a bullet,
    read alike, so each row keeps its own line."""
    for mark in _PIECE_MARKS:
        if pieces.setdefault(mark + made, line) == line:
            return mark + made
    return made


_CELL_WORDS = 7  # a table's header has at most this many columns
_CELL_VALUE = re.compile(r"^[+~≈]?\s*\d[\d\s.,/x×х\-–—'’′\"″”»:%+]*[^\W\d_]{0,4}\.?$|^[-–—]$", re.IGNORECASE)


_NAME_HEADER = re.compile(rf"\s*(?:{_HEADER_WORDS['name']})(?:\s|$)", re.IGNORECASE)


def _header_kind(word: str) -> str | None:
    bare = _unaccent(word.strip("*_:").lower())
    return next((kind for kind, pattern in _HEADER.items() if pattern.match(bare)), None)


def _cell_header(lines: list[str], start: int) -> tuple[list[str], int] | None:
    """A header of a table pasted one cell per line, at `start`: "Exercise Sets Reps Rest"
    on one line, or "Exercise", "Sets", "Reps" on lines of their own; (its column words,
    the line after it). At most one column the parser does not read ("RIR")."""
    if not _NAME_HEADER.match(lines[start]):  # (the cheap test first: few lines start so)
        return None
    words = lines[start].split()
    if len(words) > _CELL_WORDS or _DIGIT.search(lines[start]) or _header_kind(words[0]) != "name":
        return None
    end = start + 1
    if len(words) == 1:
        while len(words) < _CELL_WORDS and end < len(lines):
            cell = lines[end].split()
            if len(cell) > 1 or (cell and (_DIGIT.search(cell[0]) or len(cell[0]) > 15)):
                break
            words += cell
            end += 1
    kinds = [_header_kind(w) for w in words[1:]]
    if len(kinds) < 2 or not {"sets", "reps"} & set(kinds) or kinds.count(None) > 1:
        return None
    return words, end


def _cell_row(lines: list[str], start: int, width: int) -> tuple[int, list[str], int] | None:
    """A row of such a table at `start` (blank lines skipped): a name, then a value for each
    other column on lines of their own; (the name's line, the cells, the line after)."""
    cells, at, name_at = [], start, None
    while at < len(lines) and len(cells) < width:
        line = lines[at].strip()
        at += 1
        if not line:
            continue
        if not cells:
            if len(line) > 60 or _CELL_VALUE.match(line) or not _LETTER.search(line):
                return None
            name_at = at - 1
        elif not (len(line) <= 20 and _CELL_VALUE.match(line)):
            return None
        cells.append(line)
    return (name_at, cells, at) if len(cells) == width else None


def _cell_tables(lines: list[str]) -> tuple[list[str], dict[str, str]]:
    """Tables pasted one cell per line (a web page's table copied as text): each row joined
    into a line of cells ("Bench press | 3-4 | 8-10 | + 2′") under a header of cells, read
    as any table; the map gives each row its name's line back."""
    out: list[str] = []
    pieces: dict[str, str] = {}
    index = 0
    while index < len(lines):
        header = _cell_header(lines, index) if len(lines[index]) <= 80 else None
        row = header and _cell_row(lines, header[1], len(header[0]))
        if not row:
            out.append(lines[index])
            index += 1
            continue
        out.append(" | ".join(header[0]))
        while row:
            name_at, cells, index = row
            joined = " | ".join(cells)
            pieces.setdefault(joined, lines[name_at])
            out.append(joined)
            row = _cell_row(lines, index, len(header[0]))
    return out, pieces


_BRACKETED_SCHEME = re.compile(r"\(([^()]*\d[^()]*)\)")


def _prescribed_columns(lines: list[str], start: int, pieces: dict[str, str]) -> tuple[list[str], int] | None:
    """A table whose header gives each column's sets and reps ("| Day | T1 (2x5 + AMRAP) |
    T2 (3x10) |"), its rows a day and an exercise per column ("| Squat A | Back squat |
    Overhead press |"): read row by row, the day as a heading, then each exercise with its
    column's numbers (`pieces` gives each line its row back). (the lines made, the index
    after the table), or None when line `start` is no such header."""
    header = _positional_cells(lines[start])
    if (not header or len(header) < 3 or start + 1 >= len(lines) or "|" not in lines[start + 1]
            or "-" not in lines[start + 1] or not _RULE.match(lines[start + 1].strip())):
        return None
    schemes = {}
    for column, cell in enumerate(header[1:], 1):
        if _DIGIT.search(cell) and _PRESCRIPTION.search(_normalise_line(cell)):
            inner = _BRACKETED_SCHEME.search(cell)
            schemes[column] = (inner[1] if inner else cell).strip()
    if not schemes or _PRESCRIPTION.search(_normalise_line(header[0])):
        return None
    rows, end = [], start + 2
    while end < len(lines) and lines[end].strip() and "|" in lines[end]:
        cells = _positional_cells(lines[end])
        if not _RULE.match(lines[end].strip()):
            rows.append((lines[end], cells))
        end += 1
    named = [cells[c] for _, cells in rows for c in schemes if c < len(cells) and cells[c]]
    if not rows or not named or not all(_NAME_WORD.search(_normalise_line(cell)) for cell in named):
        return None  # (loads or reps under the numbers: a log, read as it is)
    out: list[str] = []
    for line, cells in rows:
        day = cells[0].strip("*_ ")
        if _LETTER.search(day):
            out.append(f"## {day}")
        for column, scheme in schemes.items():
            cell = cells[column].strip() if column < len(cells) else ""
            if cell and cell not in ("-", "—"):
                out.append(_piece(f"{cell} {scheme}", line.strip(), pieces))
    out.append("")
    return out, end


_SET_CELL = re.compile(r"^[+~]?\d{1,4}(?:[.,]\d{1,2})?\s*(?:kg|kgs|lbs?|#|кг)?$|^[-–—]?$", re.IGNORECASE)
_SET_NUMBER_CELL = re.compile(r"^\d{1,4}(?:[.,]\d{1,2})?")


_HEADER_REACH = 60  # a table's header is looked for this many rows up


def _header_above(lines: list[str], start: int) -> dict[int, str] | None:
    """The header of the table line `start` is in (its rows and rule lines above it)."""
    for above in range(start - 1, max(start - 1 - _HEADER_REACH, -1), -1):
        line = lines[above].strip()
        if not line or not _may_set_line(line):
            return None
        header = _header_of(line) if not _RULE.match(line) else None
        if header is not None:
            return header
    return None


@lru_cache(maxsize=4096)
def _header_of(line: str) -> dict[int, str] | None:
    """`_table_header`, once per distinct line (each row of a table looks up at the rows
    above it: `_header_above`). Read only."""
    return _table_header(line)


_SPACED_CELLS = re.compile(r"\s{2,}|\s*,\s*")


def _may_set_line(line: str) -> bool:
    """Whether a line may be a spreadsheet's row: cells between tabs or pipes, or aligned
    with spaces ("Squat    5    100"), or a CSV line ("Squat, 5, 100")."""
    return "\t" in line or "|" in line or "  " in line.strip() or ("," in line and _DIGIT.search(line) is not None)


def _set_cells(line: str) -> list[str] | None:
    """The cells of a spreadsheet's row (see `_may_set_line`), in place."""
    cells = _positional_cells(line)
    if cells is None and _may_set_line(line):
        cells = [c.strip() for c in _SPACED_CELLS.split(line.strip())]
    return cells


def _set_per_line(lines: list[str], start: int, pieces: dict[str, str]) -> tuple[list[str], int] | None:
    """A spreadsheet's lines of one set each, the name repeated ("Hack Squat\t10\t0",
    "Hack Squat\t20\t50", ...): the lines of one name are one exercise, a set a line,
    read as one line ("Hack Squat 3 sets x 10-20 reps @ 0-50"; `pieces` gives it its
    first line back). Without a header the column of larger numbers is the load, the
    other the reps; a column counting 1, 2, 3 is the set's number. (the lines made, the
    index after them), or None when line `start` starts no such run; a run of one name's
    lines that reads as no sets comes back as it is, with the index after it.""" 
    if start + 1 >= len(lines):
        return None
    first, second = _set_cells(lines[start]), _set_cells(lines[start + 1])
    if (not first or not second or len(first) != len(second) or len(first) < 3
            or not any(a and a.lower() == b.lower() and _LETTER.search(a) for a, b in zip(first, second, strict=True))):
        return None  # (the cheap test first: two lines in a row sharing a name)
    header = _header_above(lines, start) if start else None
    if header is not None and ("scheme" in header.values()
                               or (getattr(header, "width", None) is None and _positional_cells(lines[start]))):
        return None  # a row of sets and reps each (a prescription, however alike); a header with gaps
    name_at = next((i for i, kind in (header or {}).items() if kind == "name"), 0)
    sets_at = next((i for i, kind in (header or {}).items() if kind == "sets"), None)

    def cells_of(line: str) -> list[str] | None:
        cells = _set_cells(line)
        if not cells or len(cells) < 3 or name_at >= len(cells) or not _LETTER.search(cells[name_at]):
            return None
        if header is None and not all(_SET_CELL.match(c) for c in cells[1:]):
            return None
        return cells

    rows: list[list[str]] = []
    end = start
    while end < len(lines) and len(rows) < 500:
        cells = cells_of(lines[end])
        if cells is None or (rows and (len(cells) != len(rows[0])
                                       or cells[name_at].lower() != rows[0][name_at].lower())):
            break
        rows.append(cells)
        end += 1
    if len(rows) < 2:
        return None
    # A run read and refused is passed over whole (its lines kept as they are): tried again
    # from each of its lines it cost a 5,000-line paste 10 s.
    refused = (lines[start:end], end)
    # Which column is which: the header's, or by the numbers.
    numeric = [i for i in range(len(rows[0])) if i != name_at
               and all(_SET_CELL.match(r[i]) for r in rows) and any(r[i] for r in rows)]
    values = {i: [float(_SET_NUMBER_CELL.match(r[i])[0].replace(",", ".")) for r in rows if _SET_NUMBER_CELL.match(r[i])]
              for i in numeric}
    if header is not None:
        reps_at = next((i for i, kind in header.items() if kind == "reps"), None)
        load_at = next((i for i, kind in header.items() if kind == "weight"), None)
        if reps_at not in values:
            return refused
        if sets_at is not None and values.get(sets_at) != list(range(1, len(rows) + 1)):
            return refused  # ("| Set |" counting 1, 2, 3 numbers each row's set; other counts are sets to do)
    else:
        counting = [i for i in numeric if values[i] == list(range(1, len(rows) + 1))]
        numeric = [i for i in numeric if i not in counting]
        if not 1 <= len(numeric) <= 2:
            return refused
        if any(not values[i] for i in numeric):
            return refused  # a column of dashes only ("Squat, 8, -"): no numbers to read
        numeric.sort(key=lambda i: max(values[i]))
        reps_at, load_at = numeric[0], (numeric[1] if len(numeric) == 2 else None)
    reps = [int(v) for v in values.get(reps_at, []) if v == int(v)]
    if not reps or len(reps) < len(values.get(reps_at, [])) or max(reps) > 100:
        return refused
    working = [r for r in rows if not (_may_say_warmup(" ".join(r).lower()) and _WARMUP_MARK.search(" ".join(r).lower()))]
    working = working or rows
    reps = [int(float(_SET_NUMBER_CELL.match(r[reps_at])[0])) for r in working if _SET_NUMBER_CELL.match(r[reps_at])]
    if not reps:
        return refused
    loads = [r[load_at] for r in working if load_at is not None and _SET_NUMBER_CELL.match(r[load_at])]
    failing = any(_AMRAP_ONLY.search(_normalise_line(" ".join(r))) for r in working)
    scheme = f"{len(working)} sets x {min(reps)}" + (
        "+" if failing else f"-{max(reps)}" if max(reps) != min(reps) else "") + " reps"  # ("push to failure": 6+)
    if loads:
        numbers = sorted(loads, key=lambda c: float(_SET_NUMBER_CELL.match(c)[0].replace(",", ".")))
        scheme += " @ " + (numbers[0] if numbers[0] == numbers[-1] else
                           f"{_SET_NUMBER_CELL.match(numbers[0])[0]}-{numbers[-1]}")
    return [_piece(f"{rows[0][name_at]} {scheme}", lines[start].strip(), pieces)], end


def _split_paragraphs(lines: list[str], normalised: dict[str, str] | None = None) -> tuple[list[str], dict[str, str]]:
    """Long lines cut where a paragraph-plan breaks (see `_paragraph_break`), tables with
    days as columns read day by day (`_day_columns`); the map gives each piece's own line
    back (the review shows what the user wrote). `normalised`: the parse's normalised
    lines, which a long line's reading here joins (a line left whole is read again)."""
    normalised = {} if normalised is None else normalised
    tables = any(_may_set_line(line) for line in lines)
    if not tables and all(len(line) <= PARAGRAPH_CHARS for line in lines):
        return lines, {}
    out: list[str] = []
    pieces: dict[str, str] = {}
    if tables:
        expanded, index = [], 0
        while index < len(lines):
            line = lines[index]
            found = (_day_columns(lines, index, pieces) or _prescribed_columns(lines, index, pieces)
                     if ("|" in line or "\t" in line) else None) or (
                _set_per_line(lines, index, pieces) if _may_set_line(line) else None)
            if found is None:
                expanded.append(lines[index])
                index += 1
            else:
                expanded.extend(found[0])
                index = found[1]
        lines = expanded
    pattern = _paragraph_break()
    for line in lines:
        if len(line) <= PARAGRAPH_CHARS or len(line) > MAX_LINE_CHARS:
            out.append(line)
            continue
        norm = normalised.get(line)
        if norm is None:
            norm = normalised[line] = _normalise_line(line)
        prescriptions = len(_PRESCRIPTION.findall(norm))
        parts = [p for p in pattern.split(line) if p.strip()] if prescriptions >= 3 else [line]
        if prescriptions >= 2:
            # "... sentadillas con barra, 3 series de 8. También, prensa 4 series de 10.": a
            # prose paragraph naming several exercises, read sentence by sentence.
            parts = [s for p in parts for s in (_SENTENCE_END.split(p) if len(p) > PARAGRAPH_CHARS else [p]) if s.strip()]
        if prescriptions <= 1 and len(parts) < 2:
            parts = _narrated_sentences(line, prescriptions)
        if len(parts) < 2:
            out.append(line)
            continue
        out.extend(parts)
        for part in parts:
            pieces.setdefault(part.strip(), line.strip())
    return out, pieces


# "Our first exercise is the deadlift.", "The next exercise will be a wide grip pull down.":
# a sentence naming the exercise whose numbers follow (told as a walk through a session).
_EXERCISE_IS = re.compile(r"^\W*(?:(?:(?:our|the|my|your)\s+)?(?:first|second|third|fourth|fifth|sixth|seventh|next|last|final"
                          r"|\d(?:st|nd|rd|th))\s+(?:exercise|movement|lift)\s+(?:is|was|will\s+be)|next\s+up\s*(?:is|was|:))"
                          r"\s*(?:the\s+|an?\s+)?([^\W\d_][^\d.,;:!?()]{2,50}?)\s*[.!]?\s*$")


def _may_tell_exercise(norm: str) -> bool:
    """Whether `_EXERCISE_IS` can match (each branch holds one of these words)."""
    return "exercise" in norm or "movement" in norm or "lift" in norm or "next up" in norm


def _narrated_sentences(paragraph: str, prescriptions: int) -> list[str]:
    """A log's paragraph told in the first person ("... Incline is weaker for me. I then
    did 4 sets of 10 incline presses. ..."): each sentence telling what was done, a count
    right after the verb, apart, and the sentence of the paragraph's one prescription
    ("... Finally, calf raises, 4 sets of 8. They build ..."); the sentences between left
    together (prose, read as such)."""
    parts: list[str] = []
    between: list[str] = []
    for sentence in _SENTENCE_END.split(paragraph):
        norm = _normalise_line(sentence)
        told = _NARRATION.match(norm) if " i " in f" {norm}" else None
        if ((told and norm[told.end():][:1].isdigit()) or (prescriptions == 1 and _PRESCRIPTION.search(norm))
                or (_may_tell_exercise(norm) and _EXERCISE_IS.match(norm))):  # "Our second exercise is the row. ..."
            parts.extend([" ".join(between), sentence] if between else [sentence])
            between = []
        else:
            between.append(sentence)
    if not parts:
        return [paragraph]
    return parts + [" ".join(between)] if between else parts


_SENTENCE_END = re.compile(r"(?<=[^\W\d_]{2}[.!?])\s+(?=[^\W\d_])")  # after a word, before the next one


@lru_cache(maxsize=1)
def _same_as_pattern() -> re.Pattern:
    """"Day 4: same as Day 2", "Friday - repeat Monday", "Tag 3 wie Tag 1": a day that
    repeats another (the words from the vocabulary's 'same_as', accents off). The
    reference is what follows; it counts only when it names an earlier workout."""
    words = _plan_words("same_as") or "same as"
    return re.compile(rf"(?:^|[\s:(\-–—|,])(?:{words})\s+(?:(?:the|in|on|el|la|o|a|le|il|в|у)\s+)?"
                      r"([^\W_][^(),;]{0,30}?)\s*(?:[),;(].{0,80})?[.!]?\s*$", re.IGNORECASE)


@lru_cache(maxsize=1)
def _same_as_marks() -> re.Pattern | None:
    """The ASCII words of `_same_as_pattern`, lower-cased, none holding another: an ASCII
    line holding none of them cannot match it. None when a non-ASCII word might match
    ASCII letters case-insensitively (every letter of it one that may: no shortcut); a
    Cyrillic or Chinese letter never does ("повтор", "同上")."""
    words = sorted(set(vocabulary().plan_words.get("same_as", []))) or ["same as"]
    if any(not w.isascii() and not any(_never_ascii(c) for c in w) for w in words):
        return None
    ascii_words = {w.lower() for w in words if w.isascii()}
    marks = sorted(w for w in ascii_words if not any(u != w and u in w for u in ascii_words))
    return re.compile("|".join(re.escape(w) for w in marks))  # literals, no case folding: on a lower-cased line


def _never_ascii(char: str) -> bool:
    """Whether no ASCII letter matches `char` when case is ignored ("K", the Kelvin sign,
    matches "k"; "п" and "同" match none)."""
    return not char.isascii() and re.compile(re.escape(char), re.IGNORECASE).search(string.ascii_letters) is None


def _may_say_same_as(text: str) -> bool:
    """A cheap test before `_same_as_pattern` (most lines say no such thing)."""
    marks = _same_as_marks()
    if marks is None or not text.isascii():
        return True
    return marks.search(text.lower()) is not None


_NAME_WORDS = re.compile(r"[^\W_]+")


@lru_cache(maxsize=1024)  # (each "same as" line reads the names of the days before it)
def _day_words(name: str) -> tuple[str, ...]:
    """The words of a day's name, numbers spelled as digits ("Day one" is "day 1")."""
    return tuple([str(_NUMBER_WORDS.get(w, w)) for w in _NAME_WORDS.findall(_unaccent(name.lower()))])


def _workout_named(workouts: list[ParsedWorkout], reference: str) -> ParsedWorkout | None:
    """The latest earlier workout whose name holds every word of `reference` ("day 2"
    in "Day 2 - Lower"; "monday" in "Monday"), with exercises of its own."""
    wanted = _day_words(reference)
    if not wanted or len(wanted) > 4:
        return None
    for workout in reversed(workouts[:-1]):
        if not workout.exercises:
            continue  # (the cheap test first)
        words = workout.__dict__.get("_day_words")
        if words is None:
            # Kept on the workout (its name and heading never change): a plan of a thousand
            # days "same as" another read them all again for each such line.
            words = workout._day_words = frozenset(_day_words(f"{workout.name or ''} {getattr(workout, '_heading', '')}"))
        if words.issuperset(wanted):
            return workout
    return None


_WARMUP_LABEL = re.compile(rf"^\W*{_WARMUP_WORDS}\s*(?:sets?)?\s*[:\-–—]", re.IGNORECASE)


def _drop_warmups(workout: ParsedWorkout, unread: list[str]) -> None:
    """"Warm-up: Squat / 20kg / 5" before "Work: Squat / 60kg / 5,5,5": the warm-up sets of
    the exercise that follows are no row of their own (listed unread); nor is a line
    labelled warm-up that names one movement before the workout's other exercises
    ("Warm-up: hip raises 2x10" over "Squat 5x5"). (A warm-up circuit, "Warm-up: 3 rounds of: 5 push-ups, 10 squats", gives
    its rows.)"""
    rows = workout.exercises
    if not any(_WARMUP_LABEL.match(e.line) for e in rows):  # (most workouts: no such line)
        return
    # Each row read once, and the next row that is no warm-up found from the end: looked
    # for from each warm-up row, a day of thousands of them was read again for each.
    per_line = Counter(e.line for e in rows)
    warmup = [_WARMUP_LABEL.match(_strip_markup(e.line)[0]) is not None for e in rows]
    following_work: list[ParsedExercise | None] = [None] * len(rows)
    work = None
    for index in range(len(rows) - 1, -1, -1):
        following_work[index] = work
        if not warmup[index]:
            work = rows[index]
    kept = []
    for index, e in enumerate(rows):
        if warmup[index]:
            following = following_work[index]
            if following is not None and (per_line[e.line] == 1 or (e.exercise is not None
                                                                   and following.exercise == e.exercise)):
                unread.append(e.line)
                continue
        kept.append(e)
    workout.exercises = kept


def _repeat(workout: ParsedWorkout, source: ParsedWorkout) -> None:
    """Copy the referenced day's rows (before any of the day's own): read from another
    line, so at most medium."""
    copies = []
    for e in source.exercises:
        row = e.copy()
        row.confidence = _doubted(row, row.confidence, "copied")
        copies.append(row)
    workout.exercises[:0] = copies


def _prose_below(lines: list[str], number: int) -> bool:
    """Whether the next non-empty line is a sentence or a paragraph that prescribes nothing
    ("PJ, 18, battles the sled. Next time you are at Costco ...", "Today's workout was TGU
    themed.")."""
    following = next((line.strip() for line in lines[number + 1:number + 4] if line.strip()), "")
    words = len(following.split())
    return (words >= 5 and (words > MAX_UNKNOWN_LINE_WORDS or following.endswith((".", "!", "?")))
            and not _PRESCRIPTION.search(_normalise_line(following)))


def _indent(line: str) -> int:
    """How far a line is indented (a tab as four spaces)."""
    return len(line[:len(line) - len(line.lstrip())].replace("\t", "    ")) if line[:1] in " \t" else 0


def _nested_below(lines: list[str], number: int) -> bool:
    """Whether the next line is a list item indented under line `number` ("- Bizeps
    Supersatz" over "    + Curls am Kabelzug")."""
    following = lines[number + 1] if number + 1 < len(lines) else ""
    return bool(following.strip()) and _indent(following) > _indent(lines[number]) and _list_mark(following) is not None


def _items_below(lines: list[str], number: int) -> bool:
    """Whether the next line is an item of a bulleted or numbered list ("- 1 min arm
    circles", "1. Jumping jacks 1 min")."""
    following = lines[number + 1] if number + 1 < len(lines) else ""
    mark = _list_mark(following)
    return mark is not None and mark not in ("reps", "colon")


def _sets_apart(lines: list[str], number: int) -> bool:
    """Whether a blank line or a heading follows line `number`."""
    if number + 1 >= len(lines):
        return False
    following, marked, _ = _strip_markup(lines[number + 1])
    return not following or _is_heading(following, marked)


_PLANNED_LOAD = re.compile(r"(?<![\d.])(\d{1,4}(?:[.,]\d{1,2})?)\s*(kgs?|kilos?|lbs?|pounds?|кгс?)\b", re.IGNORECASE)


def planned_load(notes: str | None) -> tuple[str, str] | None:
    """The one load a plan line's notes name ("@ 100kg", "135 lbs") as (number, 'kg' or
    'lb'), or None: no load, several (a pyramid), or only a percentage or RPE."""
    found = {(m[1].replace(",", "."), "lb" if m[2].lower().startswith(("lb", "pound")) else "kg")
             for m in _PLANNED_LOAD.finditer(notes or "")}
    return found.pop() if len(found) == 1 else None
