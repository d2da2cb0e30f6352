"""Readers for the workout exports of Strong, Hevy, FitNotes and StrongLifts.

Pure Python (no ORM). `read_export(binary_file)` detects the format from the header
row (never asked), then streams the rows through `csv` and yields one `SetRow` per
set, or a `Skipped` row saying why (cardio, timed, pseudo-rows without a set, ...):
nothing is dropped silently. Identical rows are real repeated sets and are all kept.

Anything that is not one of these exports raises `ExportFileError` with a message a
user can act on; callers read the whole file before writing anything, so a bad or
half-cut file writes nothing.
"""

from __future__ import annotations

import csv
import io
import re
import unicodedata
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta
from decimal import Decimal, InvalidOperation
from functools import lru_cache

from allworkouts import limits

MAX_BYTES = 10 * 1024 * 1024  # real exports reach 2 MB; 5x headroom, then refuse
MAX_FIELD = 10_000  # a note longer than this is not a workout export
LB = Decimal("0.45359237")
# Past these a rest timer or a workout's duration is a typo or garbage: kept, it would
# overflow the rest column (an int) or a workout's end time and fail the whole import
# after a clean preview. The set stays; the number is not kept (None: unknown).
MAX_REST_SECONDS = limits.MAX_REST_SECONDS
MAX_WORKOUT_SECONDS = 24 * 3600
# Dates no logged workout has: 9999-12-31 23:59 overflowed datetime once a set's time or
# the re-import window was added to it, and year 1 east of UTC cannot be stored.
FIRST_YEAR, LAST_YEAR = 1970, 2100


class ExportFileError(ValueError):
    """The file cannot be imported; the message says why, for the user."""


# Set types as the app stores them (exercise_session.set_type; NULL = a normal set).
WARMUP, DROP, FAILURE = "warmup", "drop", "failure"
_SET_TYPES = {
    "w": WARMUP, "warmup": WARMUP, "warm_up": WARMUP, "warm-up": WARMUP, "warm up": WARMUP,
    "d": DROP, "drop": DROP, "dropset": DROP, "drop_set": DROP, "drop set": DROP,
    "f": FAILURE, "failure": FAILURE, "fail": FAILURE,
    "normal": None, "": None,
}


@dataclass(frozen=True)
class SetRow:
    line: int
    started_at: datetime  # naive wall-clock time as the file has it
    workout_name: str
    exercise: str  # the name as the file writes it
    weight: Decimal  # in `unit` (the row's, else the file's)
    unit: str | None  # 'kg', 'lb' or None when the file says nothing
    reps: int
    set_type: str | None = None
    rpe: Decimal | None = None
    notes: str | None = None
    workout_notes: str | None = None
    duration_seconds: int | None = None
    rest_seconds: int | None = None


@dataclass(frozen=True)
class Skipped:
    line: int
    reason: str
    exercise: str = ""


@dataclass
class Export:
    format: str  # 'strong' | 'hevy' | 'fitnotes' | 'stronglifts'
    dialect: str | None
    unit: str | None  # the file's unit when its header says it
    rows: Iterator[SetRow | Skipped] = field(repr=False)


# --- small parsers --------------------------------------------------------------------

# What a spreadsheet reads as a formula at the start of a cell; our export writes such a
# cell behind an apostrophe (export._text).
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _clean(value: str | None) -> str:
    text = (value or "").strip()
    if text[:1] == "'" and text[1:2] and (text[1:2] in FORMULA_START or text[1:2] == "'"):
        return text[1:]  # a cell our export defused ("'=...", "''quoted"): the text as the user wrote it
    return text


# The small parsers are pure and a file repeats its values (a workout's date and
# duration on each of its ~25 rows, the same weights and reps): cached, a 25,000-row
# file parses in about half the time. Results are immutable (Decimal, datetime, int).
@lru_cache(maxsize=8192)
def decimal_or_none(value: str | None) -> Decimal | None:
    text = _clean(value).replace(",", ".")
    if not text:
        return None
    try:
        number = Decimal(text)
    except InvalidOperation:
        return None
    return number if number.is_finite() else None


def _int_or_none(value: str | None) -> int | None:
    number = decimal_or_none(value)
    # No count in a workout export has 19 digits; int() of '1e999999' would build a
    # million-digit integer (about 40 s of CPU for one field).
    if number is None or number.adjusted() > 18 or number != number.to_integral_value():
        return None
    return int(number)


_DURATION = re.compile(r"^(?:(\d{1,3})\s*h)?\s*(?:(\d{1,4})\s*m(?:in)?)?\s*(?:(\d{1,5})\s*s)?$", re.I)
_CLOCK = re.compile(r"^(?:(\d{1,3}):)?(\d{1,2}):(\d{2})$")


@lru_cache(maxsize=8192)
def parse_duration(value: str | None) -> int | None:
    """Seconds from '1h 38m', '17m', '55s', '3600', '1:02:03'; None when blank or odd."""
    text = _clean(value)
    if not text:
        return None
    if text.isascii() and text.isdigit():  # not '²' (a digit to isdigit, not to int)
        return int(text) if len(text) <= 9 else None  # and never past int()'s digit limit
    if m := _CLOCK.match(text):
        h, mi, s = (int(x) if x else 0 for x in m.groups())
        return h * 3600 + mi * 60 + s
    m = _DURATION.match(text)
    if m and any(m.groups()):
        h, mi, s = (int(x) if x else 0 for x in m.groups())
        return h * 3600 + mi * 60 + s
    return None


_DATE_FORMATS = (
    "%Y-%m-%d %H:%M:%S", "%Y-%m-%d %H:%M", "%Y-%m-%dT%H:%M:%S", "%Y-%m-%dT%H:%M",
    "%d %b %Y, %H:%M", "%d %b %Y %H:%M", "%d %B %Y, %H:%M", "%Y-%m-%d %I:%M:%S %p",
    "%Y/%m/%d %H:%M", "%Y/%m/%d", "%Y-%m-%d", "%d.%m.%Y %H:%M:%S", "%d.%m.%Y %H:%M", "%d.%m.%Y",
)


@lru_cache(maxsize=8192)
def parse_datetime(value: str | None) -> datetime | None:
    """'2026-04-08 16:50:00', '8 Apr 2026, 16:50', ISO with a zone (kept as wall time)."""
    text = _clean(value).replace("\u202f", " ")
    if not text:
        return None
    if re.match(r"^\d{4}-\d{2}-\d{2}T.*(Z|[+-]\d{2}:?\d{2})$", text):
        try:
            return datetime.fromisoformat(text.replace("Z", "+00:00")).replace(tzinfo=None)
        except ValueError:
            return None
    for fmt in _DATE_FORMATS:
        try:
            return datetime.strptime(text, fmt)
        except ValueError:
            continue
    return None


def _notes(value: str | None) -> str | None:
    # Strong writes line breaks inside notes as a literal backslash-n.
    text = _clean(value).replace("\\r\\n", "\n").replace("\\n", "\n")
    return text or None


def set_type_of(value: str | None) -> str | None | bool:
    """The set type of a tag; False when the tag is not one (a real set number)."""
    key = _clean(value).lower()
    return _SET_TYPES.get(key, False)


def _unit_word(value: str | None) -> str | None:
    text = _clean(value).lower()
    if text in {"kg", "kgs", "kilograms", "kilogram"}:
        return "kg"
    if text in {"lb", "lbs", "pounds", "pound"}:
        return "lb"
    return None


def header_key(name: str) -> str:
    """Headers compared without case, accents, BOM or punctuation: 'Übungsname' -> 'ubungsname'."""
    text = unicodedata.normalize("NFKD", name.replace("\ufeff", "")).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", " ", text.lower()).strip()


# --- decoding and detection -----------------------------------------------------------

def _text_stream(binary) -> io.TextIOBase:
    head = binary.read(8192)
    if not head:
        raise ExportFileError("The file is empty.")
    if b"\x00" in head or head.startswith((b"\x89PNG", b"\xff\xd8", b"GIF8", b"%PDF", b"PK\x03\x04")):
        raise ExportFileError("This is not a CSV file (it looks like an image or another binary file). "
                              "Export your workouts as CSV from the other app and upload that.")
    try:
        head.decode("utf-8")
    except UnicodeDecodeError as error:
        if error.start < len(head) - 4:  # not just a character cut at the buffer's end
            raise ExportFileError("This file is not UTF-8 text; upload the CSV export as the app wrote it.")
    rest = binary.read(MAX_BYTES + 1 - len(head))  # never more than the limit into memory
    if len(head) + len(rest) > MAX_BYTES:
        raise ExportFileError(f"The file is larger than {MAX_BYTES // (1024 * 1024)} MB; "
                              "real workout exports are far smaller. Is it the right file?")
    try:
        text = (head + rest).decode("utf-8-sig", errors="strict")
    except UnicodeDecodeError:  # a byte past the part checked above
        raise ExportFileError("This file is not UTF-8 text; upload the CSV export as the app wrote it.") from None
    if "\x00" in text:  # PostgreSQL text holds no NUL, and no export has one
        raise ExportFileError("This is not a CSV file (it has NUL bytes, as binary files do). "
                              "Export your workouts as CSV from the other app and upload that.")
    return io.StringIO(text, newline="")


def _sniff_delimiter(first_line: str) -> str:
    counts = {d: first_line.count(d) for d in (",", ";", "\t")}
    return max(counts, key=counts.get)


# Header names of each column, in every dialect (normalised by header_key).
_STRONG = {
    "date": {"date", "datum", "fecha", "data"},
    "workout": {"workout name", "trainingsname", "name des workouts"},
    "duration": {"duration", "dauer", "workout duration", "duration sec"},
    "exercise": {"exercise name", "ubungsname", "ubung", "name der ubung"},
    "set_order": {"set order", "satzreihenfolge", "reihenfolge festlegen", "satz", "reihenfolge"},
    "weight": {"weight", "gewicht", "weight kg", "weight lbs", "gewicht kg", "gewicht lbs"},
    "weight_unit": {"weight unit", "gewichtseinheit"},
    "reps": {"reps", "wiederholungen", "wdh", "wiederh"},
    "distance": {"distance", "distanz", "entfernung", "distance meters", "distance km", "distance miles"},
    "seconds": {"seconds", "sekunden"},
    "notes": {"notes", "notizen"},
    "workout_notes": {"workout notes", "workout notizen", "trainingsnotizen"},
    "rpe": {"rpe"},
    "workout_number": {"workout"},
}


def _columns(header: list[str], table: dict[str, set[str]]) -> dict[str, int]:
    keys = [header_key(h) for h in header]
    found = {}
    for name, aliases in table.items():
        for index, key in enumerate(keys):
            if key in aliases and index not in found.values():
                found[name] = index
                break
    return found


def _detect(header: list[str]) -> tuple[str, str | None, str | None, dict[str, int]]:
    keys = [header_key(h) for h in header]
    keyset = set(keys)
    if {"title", "start time", "exercise title"} <= keyset:
        unit = "lb" if "weight lbs" in keyset else "kg" if "weight kg" in keyset else None
        return "hevy", None, unit, {k: i for i, k in enumerate(keys)}
    if "exercise" in keyset and "category" in keyset and "date" in keyset:
        cols = {k: i for i, k in enumerate(keys)}
        unit = "kg" if "weight kgs" in keyset else "lb" if "weight lbs" in keyset else None
        dialect = "weight unit column" if "weight unit" in keyset else "unit in header"
        return "fitnotes", dialect, unit, cols
    if any(re.fullmatch(r"set \d+ reps", k) for k in keys) and "exercise" in keyset:
        unit_headers = [k for k in keys if re.fullmatch(r"set \d+ (kg|lb|lbs)", k)]
        unit = None
        if unit_headers:
            unit = "kg" if unit_headers[0].endswith("kg") else "lb"
        return "stronglifts", "wide", unit, {k: i for i, k in enumerate(keys)}
    cols = _columns(header, _STRONG)
    if {"date", "exercise", "reps"} <= cols.keys() and ("weight" in cols):
        weight_key = keys[cols["weight"]]
        unit = "kg" if weight_key.endswith("kg") else "lb" if weight_key.endswith("lbs") else None
        german = "datum" in keyset
        if "workout_number" in cols or "duration sec" in keyset:
            dialect = "semicolon, Workout # (2024+)"
        elif "weight_unit" in cols:
            dialect = "semicolon, unit per row"
        else:
            dialect = "comma" + ("" if "notes" in cols else ", without notes")
        if german:
            dialect += ", German headers"
        return "strong", dialect, unit, cols
    raise ExportFileError(
        "The columns of this file are not those of a Strong, Hevy, FitNotes or StrongLifts export "
        f"(first columns: {', '.join(h.strip() for h in header[:6])[:200]}).")


def read_export(binary) -> Export:
    """Open an export (a binary file object) and detect its format from the header."""
    stream = _text_stream(binary)
    first = stream.readline()
    stream.seek(0)
    if not first.strip():
        raise ExportFileError("The file has no header row.")
    csv.field_size_limit(MAX_FIELD * 10)
    reader = csv.reader(stream, delimiter=_sniff_delimiter(first), strict=True)
    try:
        header = next(reader)
    except csv.Error as error:
        raise ExportFileError(f"The header row cannot be read as CSV ({error}).") from None
    fmt, dialect, unit, cols = _detect(header)
    rows = {"strong": _strong_rows, "hevy": _hevy_rows, "fitnotes": _fitnotes_rows,
            "stronglifts": _stronglifts_rows}[fmt](_records(reader, len(header)), cols, unit)
    return Export(format=fmt, dialect=dialect, unit=unit, rows=rows)


def _records(reader, width: int) -> Iterator[tuple[int, list[str]]]:
    """(line number, fields) of each data row; a cut-off or malformed file is an error."""
    while True:
        try:
            fields = next(reader)
        except StopIteration:
            return
        except csv.Error as error:
            raise ExportFileError(f"Line {reader.line_num} cannot be read ({error}); "
                                  "the file looks cut off or damaged. Export it again.") from None
        if not fields or not "".join(fields).strip():
            continue
        if len(fields) < width:
            raise ExportFileError(f"Line {reader.line_num} has {len(fields)} columns where the header has "
                                  f"{width}; the file looks cut off. Export it again.")
        if max(map(len, fields)) > MAX_FIELD:
            raise ExportFileError(f"Line {reader.line_num} has a field over {MAX_FIELD} characters.")
        yield reader.line_num, fields


def _get(fields: list[str], cols: dict[str, int], name: str) -> str:
    index = cols.get(name)
    return fields[index] if index is not None and index < len(fields) else ""


def _set_or_skip(*, line, started_at, workout, exercise, weight, unit, reps_text, distance, seconds,
                 **extra) -> SetRow | Skipped:
    """A lifting set, or why the row is not one."""
    if started_at is None:
        return Skipped(line, "date not readable", exercise)
    if not FIRST_YEAR <= started_at.year <= LAST_YEAR:
        return Skipped(line, "date out of range", exercise)
    if not exercise:
        return Skipped(line, "no exercise name", exercise)
    reps = _int_or_none(reps_text)
    if not reps or reps <= 0:
        if (distance or Decimal(0)) > 0:
            return Skipped(line, "cardio or distance (no reps)", exercise)
        if (seconds or 0) > 0:
            return Skipped(line, "timed set (no reps)", exercise)
        return Skipped(line, "no reps", exercise)
    if reps > 1000:
        return Skipped(line, "reps out of range", exercise)
    weight = weight if weight is not None else Decimal(0)
    if weight < 0 or weight >= Decimal("100000"):
        return Skipped(line, "weight out of range", exercise)
    if (extra.get("duration_seconds") or 0) > MAX_WORKOUT_SECONDS:
        extra["duration_seconds"] = None
    return SetRow(line=line, started_at=started_at, workout_name=workout or "Workout", exercise=exercise,
                  weight=weight, unit=unit, reps=reps, **extra)


# --- Strong ---------------------------------------------------------------------------

def _strong_rows(records, cols, file_unit) -> Iterator[SetRow | Skipped]:
    # A set is held back one row: a "Rest Timer" row after it carries its rest, a "Note"
    # row its note. Both pseudo-rows are then counted as skipped (they are not sets).
    held: SetRow | None = None
    for line, f in records:
        exercise = _clean(_get(f, cols, "exercise"))
        order = _clean(_get(f, cols, "set_order"))
        kind = order.lower()
        if kind in {"rest timer", "pausentimer", "note", "notiz"}:
            same = held is not None and held.exercise == exercise
            if kind in {"rest timer", "pausentimer"}:
                seconds = parse_duration(_get(f, cols, "seconds"))
                if same and seconds and seconds <= MAX_REST_SECONDS:
                    held = replace(held, rest_seconds=seconds)
                yield Skipped(line, "rest timer row (its rest is kept on the set before)", exercise)
            else:
                note = _notes(_get(f, cols, "notes"))
                if same and note:
                    held = replace(held, notes="\n".join(filter(None, [held.notes, note])))
                yield Skipped(line, "note row (its note is kept on the set before)", exercise)
            continue
        if held is not None:
            yield held
            held = None
        set_type = set_type_of(order)
        if set_type is False and _int_or_none(order) is None:
            yield Skipped(line, "set order not understood", exercise)
            continue
        row = _set_or_skip(
            line=line, started_at=parse_datetime(_get(f, cols, "date")),
            workout=_clean(_get(f, cols, "workout")), exercise=exercise,
            weight=decimal_or_none(_get(f, cols, "weight")),
            unit=_unit_word(_get(f, cols, "weight_unit")) or file_unit,
            reps_text=_get(f, cols, "reps"), distance=decimal_or_none(_get(f, cols, "distance")),
            seconds=parse_duration(_get(f, cols, "seconds")),
            set_type=set_type or None, rpe=decimal_or_none(_get(f, cols, "rpe")),
            notes=_notes(_get(f, cols, "notes")), workout_notes=_notes(_get(f, cols, "workout_notes")),
            duration_seconds=parse_duration(_get(f, cols, "duration")),
        )
        if isinstance(row, SetRow):
            held = row
        else:
            yield row
    if held is not None:
        yield held


# --- Hevy -----------------------------------------------------------------------------

def _hevy_rows(records, cols, file_unit) -> Iterator[SetRow | Skipped]:
    weight_col = "weight lbs" if "weight lbs" in cols else "weight kg"
    distance_col = "distance miles" if "distance miles" in cols else "distance km"

    def g(f, name):
        index = cols.get(name)
        return f[index] if index is not None else ""

    # Hevy writes an exercise's notes on every one of its set rows: kept once, on the
    # exercise's first set in the workout, not repeated on each set.
    noted: set[tuple] = set()
    for line, f in records:
        started_at, ended_at = parse_datetime(g(f, "start time")), parse_datetime(g(f, "end time"))
        notes = _notes(g(f, "exercise notes"))
        if notes is not None:
            key = (g(f, "start time"), g(f, "title"), g(f, "exercise title"), notes)
            notes = None if key in noted else notes
            noted.add(key)
        duration = int((ended_at - started_at).total_seconds()) if started_at and ended_at and \
            ended_at > started_at and ended_at - started_at < timedelta(days=1) else None
        set_type = set_type_of(g(f, "set type"))
        yield _set_or_skip(
            line=line, started_at=started_at, workout=_clean(g(f, "title")),
            exercise=_clean(g(f, "exercise title")), weight=decimal_or_none(g(f, weight_col)), unit=file_unit,
            reps_text=g(f, "reps"), distance=decimal_or_none(g(f, distance_col)),
            seconds=_int_or_none(g(f, "duration seconds")),
            set_type=set_type or None, rpe=decimal_or_none(g(f, "rpe")),
            notes=notes, workout_notes=_notes(g(f, "description")),
            duration_seconds=duration,
        )


# --- FitNotes -------------------------------------------------------------------------

def _fitnotes_rows(records, cols, file_unit) -> Iterator[SetRow | Skipped]:
    weight_col = next((k for k in ("weight kgs", "weight lbs", "weight") if k in cols), None)

    def g(f, name):
        index = cols.get(name)
        return f[index] if index is not None else ""

    for line, f in records:
        category = _clean(g(f, "category")).lower()
        unit = _unit_word(g(f, "weight unit")) or file_unit
        row = _set_or_skip(
            line=line, started_at=parse_datetime(g(f, "date")), workout="FitNotes",  # one workout a day
            exercise=_clean(g(f, "exercise")), weight=decimal_or_none(g(f, weight_col)) if weight_col else None,
            unit=unit, reps_text=g(f, "reps"), distance=decimal_or_none(g(f, "distance")),
            seconds=parse_duration(g(f, "time")), notes=_notes(g(f, "comment")),
        )
        if isinstance(row, Skipped) and category == "cardio" and row.reason == "no reps":
            row = Skipped(line, "cardio or distance (no reps)", row.exercise)
        yield row


# --- StrongLifts (wide: one row per exercise, Set N (Reps) / Set N (KG|LB) pairs) -------

def _stronglifts_rows(records, cols, file_unit) -> Iterator[SetRow | Skipped]:
    pairs = []
    for key, index in cols.items():
        if m := re.fullmatch(r"set (\d+) reps", key):
            number = m.group(1)
            weight_index = next((i for k, i in cols.items() if re.fullmatch(rf"set {number} (kg|lb|lbs)", k)), None)
            pairs.append((int(number), index, weight_index))
    pairs.sort()
    date_col = next((k for k in cols if k.startswith("date")), "date")

    def g(f, name):
        index = cols.get(name)
        return f[index] if index is not None else ""

    for line, f in records:
        started_at = parse_datetime(g(f, date_col))
        exercise = _clean(g(f, "exercise"))
        workout = _clean(g(f, "workout name")) or _clean(g(f, "workout")) or "StrongLifts"
        common = dict(duration_seconds=parse_duration(g(f, "duration")), workout_notes=_notes(g(f, "notes")))
        produced = False
        for _, reps_index, weight_index in pairs:
            reps_text = f[reps_index]
            if not _clean(reps_text):
                continue  # an empty pair: the lifter did fewer sets that day
            produced = True
            yield _set_or_skip(
                line=line, started_at=started_at, workout=workout, exercise=exercise,
                weight=decimal_or_none(f[weight_index]) if weight_index is not None else None, unit=file_unit,
                reps_text=reps_text, distance=None, seconds=None, **common)
        if not produced:
            yield Skipped(line, "no sets in the row", exercise)


# --- unit guess ------------------------------------------------------------------------

def guess_unit(weights: Counter) -> tuple[str, list[Decimal]]:
    """'kg' or 'lb' for weights without a unit, and the commonest weights as the evidence.

    Pound loading shows as 45-lb-plate numbers (45, 95, 135, 185, 225, 315: integers
    ending in 5 from 45 up); kilogram loading as quarter or half steps (62.5, 102.5) and
    as numbers a pound barbell rarely makes (60, 80, 100 are both; they decide nothing)."""
    lb_score = kg_score = 0
    for weight, count in weights.items():
        if weight <= 0:
            continue
        if weight != weight.to_integral_value():
            if (weight * 4) == (weight * 4).to_integral_value():
                kg_score += count
        elif weight >= 45 and int(weight) % 10 == 5:
            lb_score += count
        elif weight > 300:
            lb_score += count
    unit = "lb" if lb_score > kg_score else "kg"
    shown = sorted(w for w, _ in weights.most_common(3) if w > 0)
    return unit, shown


def to_kg(weight: Decimal, unit: str) -> Decimal:
    value = weight * LB if unit == "lb" else weight
    return value.quantize(Decimal("0.01"))
