"""Read a training plan written as people write it and say how sure we are of each line.

Pure Python: no ORM, no request. The catalogue is passed in as `CatalogEntry`s, so the
parser is tested, benchmarked and run from the command line without a database.

How a line is read (see `parse_plan`):
1. Markdown, bullets, numbering and superset labels (A1/A2) are stripped.
2. A line without sets/reps that looks like a heading ("Day 1 - Push", "Monday:",
   "Upper A", "**Lower Day**", "Workout B", "# ...") starts a new workout (day).
3. Sets, reps and rest are taken out of the line by small patterns (`_STRUCTURE`);
   what is left before (or, for "3x5 Squat", after) them is the exercise name, and the
   rest of the leftovers ("@ 100kg", "RPE 8", "tempo 3010") become the notes.
4. The name is normalised (abbreviations expanded and plurals made singular, from
   `data/plan_vocabulary.json`) and looked up in the alias table, then among catalogue
   names, exactly and then fuzzily (rapidfuzz).
5. Lines that are neither headings nor exercises (intro prose, schedules, notes) are
   dropped.

Confidence (per exercise):
- high: the name is an exact catalogue name or an alias, and sets and reps are given
  clearly (e.g. "Bench 4x6-8").
- medium: an exact name with part of the structure missing or implied (a per-set list
  "12, 10, 8", sets without reps), or a close fuzzy match (score >= 90) with clear
  sets and reps.
- low: a weaker fuzzy match (score 70-90), or no sets/reps at all ("Face pulls"):
  we never invent sets or reps, the row asks the user.
- unmatched: nothing in the catalogue scores 70 or more.

Every pattern here is linear: no nested quantifiers, and lines are capped at
`MAX_LINE_CHARS` characters (longer lines are prose), so the time per input is bounded.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from plans.matching import (  # noqa: F401  (re-exported: callers import them from here)
    ALTERNATIVE_SCORE, STRONG_SCORE, WEAK_SCORE, CatalogEntry, Matcher, matcher_for, normalise_name,
    search, vocabulary,
)

MAX_CHARS = 50_000
MAX_LINE_CHARS = 300
MAX_SETS = 20
MAX_REPS = 1000
MAX_REST_SECONDS = 3600

CONFIDENCE_LEVELS = ("high", "medium", "low", "unmatched")



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
        }


@dataclass
class ParsedWorkout:
    name: str | None
    exercises: list[ParsedExercise] = field(default_factory=list)


@dataclass
class ParseResult:
    title: str | None
    workouts: list[ParsedWorkout]

    @property
    def exercises(self) -> list[ParsedExercise]:
        return [e for w in self.workouts for e in w.exercises]

    def as_json(self) -> dict:
        """The documented shape read by tools outside the app; keep it exactly."""
        return {"workouts": [
            {"name": w.name, "exercises": [e.as_json() for e in w.exercises]} for w in self.workouts
        ]}


# --- line structure ----------------------------------------------------------------

_REPS = r"(\d{1,4})(?:\s*-\s*(\d{1,4}))?(\+)?"
_AMRAP_WORDS = r"(amrap|max(?:\s+reps)?|to\s+failure|failure)"
_SECONDS = r"(s|sec|secs|second|seconds)"
_MINUTES = r"(m|min|mins|minute|minutes)"

# Each pattern is tried on what earlier ones left; spans they take are blanked out.
_HOLD = re.compile(rf"\b(\d{{1,2}})\s*x\s*(\d{{1,3}})\s*{_SECONDS}\b")
_DISTANCE = re.compile(r"\b(\d{1,2})\s*x\s*(\d{1,4})\s*(m|meters|metres|yd|yds|yards)\b")
_PERCENT_X_REPS = re.compile(rf"(?<![\d.])(\d{{1,3}}(?:\.\d)?\s*(?:%|kg|lbs?))\s*x\s*{_REPS}")
_LABELLED = re.compile(rf"\bsets?\s*[:=]\s*(\d{{1,2}})\W{{0,5}}reps?\s*[:=]\s*{_REPS}")
_SETS_OF = re.compile(rf"\b(\d{{1,2}})\s*sets?\s*(?:of|x|,|:)?\s*(?:{_REPS}|{_AMRAP_WORDS})(?:\s*reps?)?")
_REPS_X_SETS = re.compile(rf"\b{_REPS}\s*reps?\s*(?:x|,|for)?\s*(\d{{1,2}})\s*sets?\b")
_SETS_X_REPS = re.compile(rf"(?<![\d.])(\d{{1,2}})\s*x\s*(?:{_REPS}|{_AMRAP_WORDS})(?:\s*reps?)?")
_WEIGHT_X_REPS_X_SETS = re.compile(r"(?<![\d.])(\d{2,4}(?:\.\d)?)\s*x\s*(\d{1,2})\s*x\s*(\d{1,2})\b")
_SETS_ONLY = re.compile(r"\b(\d{1,2})\s*sets?\b")
_REPS_ONLY = re.compile(rf"\b{_REPS}\s*reps?\b")
_AMRAP_ONLY = re.compile(rf"\b{_AMRAP_WORDS}\b")
_LIST = re.compile(r"(?<![\d.:])(\d{1,3})((?:\s*[,/]\s*\d{1,3}){1,9})(?![\d.%]|\s*(?:kg|lb))")

_REST_LABELLED = re.compile(
    rf"\brest(?:ing)?\s*[:=]?\s*(?:(\d{{1,2}}):(\d{{2}})|(\d{{1,4}})(?:\s*-\s*(\d{{1,4}}))?\s*(?:{_MINUTES}|{_SECONDS})?\b)")
_REST_CLOCK = re.compile(r"(?<![\d.])(\d{1,2}):([0-5]\d)(?!\d)")
_REST_UNIT = re.compile(rf"(?<![\d.])(\d{{1,4}})(?:\s*-\s*(\d{{1,4}}))?\s*(?:{_MINUTES}|{_SECONDS})\b")

_BULLET = re.compile(r"^\s*(?:[-*+•·>#]+\s*|\(?\d{1,3}[.)]\s+|\[[ x]\]\s*)")
_SUPERSET = re.compile(r"^([a-h])\s?([1-9])\s*[.):\-]?\s+", re.IGNORECASE)
_LABEL = re.compile(r"^(?:(t[1-3])|exercise(?:\s*\d{1,2})?)\s*[:.)\-]\s*", re.IGNORECASE)  # "T1: Squat", "Exercise: Squat"


_WEEKDAYS = r"(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|sday|nesday|rsday|urday)?"
_SPLITS = (r"(?:upper|lower|push|pull|legs?|full[\s-]*body|chest|back|arms|shoulders|posterior|anterior"
           r"|glutes|core|conditioning|accessor(?:y|ies))")
_HEADING = re.compile(
    rf"^(?:day\s*\d{{1,2}}|{_WEEKDAYS}\b|week\s*\d{{1,2}}|(?:workout|session|routine|day|phase)\s+[a-z0-9]{{1,2}}\b"
    rf"|{_SPLITS}(?:\s*(?:&|and|/|\+|,)\s*{_SPLITS})*(?:\s+(?:day|a|b|c|1|2|3|workout|session))?\s*$)",
    re.IGNORECASE)


@dataclass
class _Group:
    sets: int | None = None
    reps_min: int | None = None
    reps_max: int | None = None
    amrap: bool = False
    clear: bool = True  # explicit sets and reps, nothing guessed
    note: str = ""
    start: int = 0
    end: int = 0


def _int(value: str | None) -> int | None:
    return int(value) if value else None


def _reps_group(sets: str | None, lo: str | None, hi: str | None, plus: str | None,
                amrap_word: str | None) -> _Group:
    group = _Group(sets=_int(sets))
    if amrap_word:
        group.amrap = True
        group.note = "AMRAP" if "amrap" in amrap_word or "max" in amrap_word else "to failure"
    elif lo:
        a, b = int(lo), int(hi) if hi else int(lo)
        group.reps_min, group.reps_max = min(a, b), max(a, b)
        group.amrap = bool(plus)
    return group


def _blank(text: str, start: int, end: int) -> str:
    return text[:start] + " " * (end - start) + text[end:]


def _find_groups(text: str) -> tuple[list[_Group], str]:
    """Sets/reps groups of a (lower-cased) line, and the line with their spans blanked."""
    groups: list[_Group] = []

    def take(pattern: re.Pattern, build) -> None:
        nonlocal text
        for m in list(pattern.finditer(text)):
            group = build(m)
            group.start, group.end = m.span()
            groups.append(group)
            text = _blank(text, *m.span())

    take(_HOLD, lambda m: _Group(sets=int(m[1]), reps_min=1, reps_max=1,
                                 note=f"hold {m[2]} s"))
    take(_DISTANCE, lambda m: _Group(sets=int(m[1]), reps_min=1, reps_max=1, note=f"{m[2]} {m[3]}"))
    take(_PERCENT_X_REPS, lambda m: _with_note(_reps_group("1", m[2], m[3], m[4], None), m[1]))
    take(_LABELLED, lambda m: _reps_group(m[1], m[2], m[3], m[4], None))
    take(_WEIGHT_X_REPS_X_SETS, lambda m: _Group(sets=int(m[3]), reps_min=int(m[2]), reps_max=int(m[2]),
                                                 note=f"{m[1]} x {m[2]}"))
    take(_REPS_X_SETS, lambda m: _reps_group(m[4], m[1], m[2], m[3], None))
    take(_SETS_OF, lambda m: _reps_group(m[1], m[2], m[3], m[4], m[5]))
    take(_SETS_X_REPS, lambda m: _reps_group(m[1], m[2], m[3], m[4], m[5]))
    if not groups:
        take(_LIST, _list_group)
    if not groups:
        sets = _SETS_ONLY.search(text)
        reps = _REPS_ONLY.search(text)
        amrap = _AMRAP_ONLY.search(text)
        if sets or reps or amrap:
            group = _reps_group(sets[1] if sets else None, reps[1] if reps else None,
                                reps[2] if reps else None, reps[3] if reps else None,
                                amrap[1] if amrap and not reps else None)
            group.clear = False
            spans = [m.span() for m in (sets, reps, amrap) if m]
            group.start, group.end = min(s for s, _ in spans), max(e for _, e in spans)
            for span in spans:
                text = _blank(text, *span)
            groups.append(group)
    groups.sort(key=lambda g: g.start)
    return groups, text


def _with_note(group: _Group, note: str) -> _Group:
    group.note = note
    return group


def _list_group(m: re.Match) -> _Group:
    """"12, 10, 8" or "5/3/1": one set per number."""
    reps = [int(m[1])] + [int(x) for x in re.findall(r"\d+", m[2])]
    return _Group(sets=len(reps), reps_min=min(reps), reps_max=max(reps), clear=False,
                  note="reps " + ", ".join(map(str, reps)))


def _find_rest(text: str) -> tuple[int | None, str, str]:
    """(rest in seconds, a note when the text gave a range, text with the rest blanked)."""
    m = _REST_LABELLED.search(text)
    if m:
        if m[1]:
            seconds = int(m[1]) * 60 + int(m[2])
            return _bounded_rest(seconds), "", _blank(text, *m.span())
        lo, hi = int(m[3]), _int(m[4])
        # "rest 2" means minutes; "rest 90" means seconds.
        minutes = bool(m[5]) or (not m[6] and lo <= 5)
        return *_rest_from(lo, hi, minutes, m[0]), _blank(text, *m.span())
    m = _REST_CLOCK.search(text)
    if m:
        return _bounded_rest(int(m[1]) * 60 + int(m[2])), "", _blank(text, *m.span())
    for m in _REST_UNIT.finditer(text):
        # Without the word "rest", only a plausible rest counts ("2s pause" is not one).
        minutes, value = bool(m[3]), int(m[1])
        if (1 <= value <= 10) if minutes else (15 <= value <= 600):
            return *_rest_from(value, _int(m[2]), minutes, m[0]), _blank(text, *m.span())
    return None, "", text


def _rest_from(lo: int, hi: int | None, minutes: bool, raw: str) -> tuple[int | None, str]:
    factor = 60 if minutes else 1
    note = f"rest {raw.strip().removeprefix('rest').strip(' :=')}" if hi else ""
    return _bounded_rest(lo * factor), note  # a range: plan for its lower end, keep it in notes


def _bounded_rest(seconds: int) -> int | None:
    return seconds if 0 < seconds <= MAX_REST_SECONDS else None


_NAME_TRIM = " \t-–—:;,.|@(=/"
_NOTE_TRIM = " \t-–—:;,.|/"


def _strip_markup(line: str) -> tuple[str, bool, str]:
    """(text, whether it was emphasised as a heading, superset label)."""
    text = line.strip()
    marked = text.startswith("#") or (text.startswith(("**", "__")) and text.endswith(("**", "__"))
                                      and len(text) > 4)
    for _ in range(3):
        text = _BULLET.sub("", text, count=1).strip()
    text = text.replace("**", "").replace("__", "").replace("`", "").strip()
    label = ""
    m = _SUPERSET.match(text)
    if m:
        label = f"superset {m[1].upper()}{m[2]}"
        text = text[m.end():]
    m = _LABEL.match(text)
    if m:
        label = m[1].upper() if m[1] else ""
        text = text[m.end():]
    return text.strip(), marked, label


def _normalise_line(text: str) -> str:
    text = text.lower()
    text = re.sub(r"[–—−]", "-", text).replace("×", "x").replace("*", "x")
    # "8 to 12" -> "8-  12": same length, so positions still line up with the original.
    return re.sub(r"(\d)(\s*)to(\s*)(\d)", lambda m: m[1] + "-" + " " * (len(m[0]) - 3) + m[4], text)


def _heading_name(text: str) -> str:
    return text.strip(" :-–—#*_").strip() or text


def _is_heading(text: str, marked: bool) -> bool:
    words = text.split()
    if not words or len(words) > 8:
        return False
    if marked or _HEADING.match(text):
        return True
    return text.endswith(":") and len(words) <= 5


_REST_WORD = re.compile(r"\(\s*rest\s*\)|^\s*rest\s*$")


def _cleanup_notes(pieces: list[str], original: str) -> str | None:
    """Join the leftover pieces, in the case the user wrote them ("RPE 8", not "rpe 8")."""
    text = " ".join(p.strip(_NOTE_TRIM) for p in pieces if p and p.strip(_NOTE_TRIM))
    text = re.sub(r"\(\s*\)", "", re.sub(r"\s+", " ", text))
    text = _REST_WORD.sub("", text).strip(_NOTE_TRIM)  # "(90 sec rest)" is in rest_seconds
    cased = {w.lower(): w for w in original.split()}
    return " ".join(cased.get(w, w) for w in text.split()) or None


def _split_name(text: str, groups: list[_Group]) -> tuple[str, str]:
    """(exercise name, leftover text) of a line whose structure spans were blanked."""
    first = groups[0].start if groups else len(text)
    before = text[:first]
    # Parenthesised text and anything after "@" is load or commentary, not the name.
    head = re.split(r"[(@\[]", before, maxsplit=1)
    name = head[0].strip(_NAME_TRIM)
    rest = before[len(head[0]):] + " " + text[first:]
    if not re.search(r"[a-z]", name) and groups:
        # "3x5 Squat": the name follows the structure.
        after = text[groups[-1].end:]
        parts = re.split(r"[(@,\[]|\s-\s", after, maxsplit=1)
        name = parts[0].strip(_NAME_TRIM)
        rest = text[:groups[-1].end] + " " + (after[len(parts[0]):] if len(parts) > 1 else "")
    # A load written inside the name ("Barbell row 135 lbs 3x8") belongs to the notes.
    loads = [m[0] for m in _LOAD.finditer(name)]
    if loads:
        name = _LOAD.sub(" ", name).strip(_NAME_TRIM)
        rest = " ".join(loads) + " " + rest
    return re.sub(r"\s+", " ", name), rest


_LOAD = re.compile(r"(?:@\s*)?\d+(?:\.\d+)?\s*(?:(?:kg|kgs|lb|lbs|pounds|kilos)\b|%)|@\s*\d+(?:\.\d+)?"
                   r"|\brp[er]\s*\d+(?:\.\d)?|\brir\s*\d")


def _confidence(entry: CatalogEntry | None, score: float, group: _Group) -> str:
    """The levels documented at the top of this module."""
    if entry is None:
        return "unmatched"
    clear = group.clear and group.sets is not None and (group.reps_min is not None or group.amrap)
    if score >= 100 and clear:
        return "high"
    if (score >= 100 and group.sets is not None) or (score >= STRONG_SCORE and clear):
        return "medium"
    return "low"


def _parse_line(norm: str, groups: list[_Group], remaining: str, original: str, label: str,
                matcher: Matcher) -> list[ParsedExercise] | None:
    """The exercises (one per set group) a line describes, or None for a non-exercise line.
    `groups` and `remaining` are `_find_groups(norm)`."""
    rest, rest_note, remaining = _find_rest(remaining)
    name, leftover = _split_name(remaining, groups)
    if not name or not re.search(r"[a-z]", name):
        return None
    entry, score, alternatives = matcher.match(name)
    words = len(name.split())
    if not groups:
        # No structure: only a short line naming an exercise for sure counts; prose does not.
        if entry is None or score < STRONG_SCORE or words > 6 or len(norm.split()) > 8:
            return None
    elif entry is None and (words > 6 or norm.rstrip().endswith((".", "?", "!"))):
        return None  # a sentence that happens to contain "3x a week"
    labels = [label] if label else []
    results = []
    for index, group in enumerate(groups or [_Group(clear=False)]):
        if len(groups) > 1:
            # Each group keeps the load written right after it ("1x3 @ 90%, 2x2 @ 95%").
            following = groups[index + 1].start if index + 1 < len(groups) else len(norm)
            extra = [" ".join(m[0] for m in _LOAD.finditer(norm[group.end:following]))]
        else:
            extra = [leftover]
        results.append(ParsedExercise(
            line=original.strip(), exercise=entry, confidence=_confidence(entry, score, group),
            alternatives=alternatives,
            sets=min(group.sets, MAX_SETS) if group.sets else None,
            reps_min=min(group.reps_min, MAX_REPS) if group.reps_min else None,
            reps_max=min(group.reps_max, MAX_REPS) if group.reps_max else None,
            amrap=group.amrap, rest_seconds=rest, score=round(score, 1),
            notes=_cleanup_notes(labels + [group.note] + extra + [rest_note], original),
        ))
    return results


def _complete_previous(previous: ParsedExercise, groups: list[_Group], remaining: str, line: str) -> bool:
    """A line of only sets/reps ("Sets: 5 / Reps: 5") under an exercise named without
    them completes that exercise. True when it did."""
    if not groups or re.search(r"[a-z]", _find_rest(remaining)[2].replace("reps", "").replace("sets", "")):
        return False
    group = groups[0]
    previous.sets, previous.reps_min, previous.reps_max = group.sets, group.reps_min, group.reps_max
    previous.amrap = group.amrap
    previous.rest_seconds = previous.rest_seconds or _find_rest(remaining)[0]
    previous.line = f"{previous.line} / {line}"
    score = previous.score if previous.exercise else 0
    previous.confidence = _confidence(previous.exercise, score, group)
    return True


def _sets_apart(lines: list[str], number: int) -> bool:
    """Whether a blank line or a heading follows line `number`."""
    if number + 1 >= len(lines):
        return False
    following, marked, _ = _strip_markup(lines[number + 1])
    return not following or _is_heading(following, marked)


def parse_plan(text: str, catalog) -> ParseResult:
    """Parse plan text against the catalogue (an iterable of CatalogEntry)."""
    if text is None or not text.strip():
        raise PlanTextError("Paste the text of a plan first.")
    if len(text) > MAX_CHARS:
        raise PlanTextError(f"That text is {len(text):,} characters; the limit is {MAX_CHARS:,}.")
    matcher = matcher_for(tuple(catalog))
    title: str | None = None
    workouts: list[ParsedWorkout] = [ParsedWorkout(name=None)]
    previous: ParsedExercise | None = None  # the exercise on the line just above, if any
    first_line = True
    lines = text.splitlines()
    for number, original in enumerate(lines):
        if len(original) > MAX_LINE_CHARS:
            previous = None
            continue
        stripped, marked, label = _strip_markup(original)
        if not stripped:
            previous = None
            continue
        plain = stripped.rstrip(":").strip()
        norm = _normalise_line(stripped)
        was_first, first_line = first_line, False
        groups, remaining = _find_groups(norm)
        if not groups and _is_heading(stripped, marked) and not label:
            name = _heading_name(plain)
            if not workouts[-1].exercises:
                # Two headings in a row at the top: the first was the programme's title.
                if workouts[-1].name and title is None and len(workouts) == 1:
                    title = workouts[-1].name
                workouts[-1] = ParsedWorkout(name=name)
            else:
                workouts.append(ParsedWorkout(name=name))
            previous = None
            continue
        if previous is not None and previous.sets is None and _complete_previous(
                previous, groups, remaining, norm.rstrip(":").strip()):
            continue
        if not groups and previous is not None and norm.startswith("rest"):
            rest = _find_rest(norm)[0]
            if rest is not None and previous.rest_seconds is None:
                previous.rest_seconds = rest
            continue
        parsed = _parse_line(norm, groups, remaining, original, label, matcher)
        if parsed and was_first and all(p.exercise is None for p in parsed) and _sets_apart(lines, number):
            title = plain  # "StrongLifts 5x5" set apart at the top, naming no exercise: the title
            parsed = None
        if parsed:
            workouts[-1].exercises.extend(parsed)
            previous = parsed[-1]
        else:
            previous = None
    workouts = [w for w in workouts if w.exercises]
    return ParseResult(title=title, workouts=workouts)


_PLANNED_LOAD = re.compile(r"(?<![\d.])(\d{1,4}(?:[.,]\d{1,2})?)\s*(kgs?|kilos?|lbs?|pounds?)\b", re.IGNORECASE)


def planned_load(notes: str | None) -> tuple[str, str] | None:
    """The one load a plan line's notes name ("@ 100kg", "135 lbs") as (number, 'kg' or
    'lb'), or None: no load, several (a pyramid), or only a percentage or RPE."""
    found = {(m[1].replace(",", "."), "lb" if m[2].lower().startswith(("lb", "pound")) else "kg")
             for m in _PLANNED_LOAD.finditer(notes or "")}
    return found.pop() if len(found) == 1 else None
