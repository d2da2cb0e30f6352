"""The import review: the state of the preview form, round-tripped through the page.

The preview is stateless on the server: what the user can edit travels in the form
(row-<key>-* fields, in page order), so removing, adding, reordering rows or searching
the catalogue is a POST that re-renders the review from what was posted, and nothing is
stored until the user confirms.

Nothing the parser decided is taken from the client: every POST parses the posted text
again (the parser is pure and fast) and a row's pasted line, parser confidence, score,
load, superset label and the import log's parse all come from that parse, looked up by
the row's key ("<day>-<index>"). A tampered confidence or score has nothing to land in."""

from __future__ import annotations

import json
import math
import uuid
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError

from allworkouts.http import parse_int, parse_uuid
from equipment.forms import ExerciseAddForm
from equipment.services import exercise_add_by_user
from equipment.models import Exercise
from equipment.selectors import missing_equipment, search_exercises, substitutes_for
from plans.models import ConfidenceLevel, is_time_or_distance
from plans.parser import MAX_CHARS, ParseResult, PlanTextError, parse_plan
from plans.selectors import catalog_entries
from plans.services import ExerciseSpec, ImportedDay, validate_prescription

SEARCH_RESULTS = 8
MAX_ROWS = 500  # rows shown and accepted; a 50,000-character text can name more
MAX_DAYS = 100
MAX_OPTIONS = 12  # exercises kept in one row's picker
MAX_FIELD = 500  # characters of one edited value (notes, load, search, names)
# The fields the largest review posts, for settings.DATA_UPLOAD_MAX_NUMBER_FIELDS (a
# literal there: settings cannot import this module; a test holds the two equal). Past
# it Django answers a bare 400, which htmx swaps in for the whole review.
# An open row: row, day, open, flagged, options, exercise, search, sets, reps_min,
# reps_max, rest, weight_text, superset, notes (a compact row posts 4: row, day,
# options, values; a marked row is never compact).
FIELDS_PER_ROW = 14
FIELDS_PER_DAY = 3  # day, day-<key>-name, day-<key>-flagged
# The one "add a new exercise" form a review shows at a time: its name, a box per muscle
# group and per piece of equipment ticked (the catalogue has about 20; room for more).
ADD_FORM_FIELDS = 200
FORM_FIELDS = 4  # csrfmiddlewaretoken, token, text, action
MAX_POST_FIELDS = MAX_ROWS * FIELDS_PER_ROW + MAX_DAYS * FIELDS_PER_DAY + ADD_FORM_FIELDS + FORM_FIELDS


# What a user can edit in a row, in the order a compact row posts them in one field.
EDITABLE = ("exercise_id", "sets", "reps_min", "reps_max", "rest", "notes", "weight_text", "superset")
LIMITS = {"exercise_id": 40, "sets": 12, "reps_min": 12, "reps_max": 12, "rest": 12, "notes": MAX_FIELD,
          "weight_text": 100, "superset": 20}  # superset: the column's length


class ReviewError(ValueError):
    """A posted review that cannot be taken (tampered, expired, too large): a 400 with
    this message."""


@dataclass
class ReviewRow:
    key: str
    day: str
    exercise_id: str = ""
    sets: str = ""
    reps_min: str = ""
    reps_max: str = ""
    rest: str = ""
    line: str = ""
    notes: str = ""
    weight_text: str = ""
    superset: str = ""
    parsed_confidence: str = "unmatched"
    parsed_exercise_id: str = ""
    score: str = ""
    options: list[str] = field(default_factory=list)
    search: str = ""
    searched: bool = False  # the picker shows search or substitute results
    opened: bool = False  # the user opened a sure row to edit it
    add_form: object = None  # the "add a new exercise" form, while the user fills it in
    added_exercise: str = ""  # the name of the exercise the user just added
    newly_chosen: bool = False  # a search (alone, by `search_row`) chose the row's exercise
    flagged: bool = False  # a refused save marked this row; the mark stays until it is fixed
    # Its messages: what stops its save, and a search's or the substitutes' answer (which
    # is no reason to keep the mark: `_mark`).
    errors: dict[str, str] = field(default_factory=dict)
    # Filled by `attach_exercises`:
    exercise: Exercise | None = None
    option_exercises: list[Exercise] = field(default_factory=list)
    missing_equipment: list[str] = field(default_factory=list)

    @property
    def confidence(self) -> str:
        """The badge shown: the parser's, until the user picks another exercise."""
        if not self.exercise_id:
            return "unmatched"
        if self.exercise_id != self.parsed_exercise_id:
            return ConfidenceLevel.HIGH
        return self.parsed_confidence

    @property
    def chosen_by_user(self) -> bool:
        return bool(self.exercise_id) and self.exercise_id != self.parsed_exercise_id

    @property
    def compact(self) -> bool:
        """A sure row shows as one line (name, sets x reps, badge); others open up."""
        return (self.confidence == ConfidenceLevel.HIGH and not self.errors and not self.opened
                and self.exercise is not None)

    @property
    def values_json(self) -> str:
        """A compact row's editable values in one hidden field (a review of 500 rows
        stays small and quick to render)."""
        return json.dumps([getattr(self, f) for f in EDITABLE])

    @property
    def options_value(self) -> str:
        return ",".join(str(o.pk) for o in self.option_exercises)

    @property
    def anchor(self) -> str:
        return f"row-{self.key}"

    @property
    def invalid_fields(self) -> set[str]:
        """The row's inputs (by their name in the form) a message is about, to mark them."""
        return {"rest" if k == "rest_time_seconds" else k for k in self.errors}

    @property
    def summary(self) -> str:
        """A sure row's one line after its name: "3 x 5 @ 60kg", and a hold or carry by
        its time or distance ("3 x 60s"), not by the one rep it is saved as."""
        load = self.weight_text.strip()
        if load and is_time_or_distance(load) and self.reps_min == self.reps_max == "1":
            return f"{self.sets} x {load}"
        reps = self.reps_min if self.reps_min == self.reps_max or not self.reps_max else f"{self.reps_min}-{self.reps_max}"
        return f"{self.sets} x {reps}" + (f" @ {load}" if load else "")


@dataclass
class ReviewDay:
    key: str
    name: str
    heading: str = ""  # the day as the text names it ("Week 3 / Friday"), shown above its name
    rows: list[ReviewRow] = field(default_factory=list)
    error: str = ""
    flagged: bool = False  # a refused save marked this day's name

    @property
    def anchor(self) -> str:
        """The name's input, what there is to fix in a day."""
        return f"day-{self.key}-name"


@dataclass
class Review:
    text: str
    token: str
    title: str
    days: list[ReviewDay]
    parsed: dict  # day key -> the parser's JSON exercises (kept for the import log)
    unread: list[str] = field(default_factory=list)  # lines the parser did not read as exercises
    used_unread: set[int] = field(default_factory=set)  # of those, the ones turned into rows
    truncated: int = 0  # parsed rows beyond MAX_ROWS, not shown
    read_into: tuple[ReviewRow, ReviewDay] | None = None  # the row an unread line just became, and its day

    @property
    def unread_lines(self) -> list[tuple[int, str]]:
        return [(i, line) for i, line in enumerate(self.unread) if i not in self.used_unread]

    @property
    def rows(self) -> list[ReviewRow]:
        return [r for d in self.days for r in d.rows]

    @property
    def attention(self) -> list[ReviewDay | ReviewRow]:
        """What a refused save marked that would still fail to save, in page order: the
        plan names and the rows (the count the review's messages give, and the first
        is where "Go to the first" goes)."""
        marked = []
        for day in self.days:
            marked += [day] if day.flagged else []
            marked += [r for r in day.rows if r.flagged]
        return marked

    @property
    def names_to_fix(self) -> int:
        return sum(1 for x in self.attention if isinstance(x, ReviewDay))

    @property
    def rows_to_fix(self) -> int:
        return sum(1 for x in self.attention if isinstance(x, ReviewRow))


def _int_text(value) -> str:
    return "" if value is None else str(value)


def _unread_lines(result: ParseResult) -> list[str]:
    """The lines the parser kept aside as not exercises (prose, stats, notes), as text.
    Older parsers have no such list."""
    lines = []
    for item in getattr(result, "unread", None) or []:
        text = item if isinstance(item, str) else getattr(item, "line", None) or getattr(item, "text", "")
        if str(text).strip():
            lines.append(str(text).strip()[:MAX_FIELD])
    return lines


def _parse_rows(result: ParseResult) -> tuple[dict[str, tuple[str, object]], dict[str, list]]:
    """(row key -> (day key, parsed exercise)) for the first MAX_ROWS rows, and day key ->
    the parse's JSON for the import log."""
    rows, parsed = {}, {}
    for d, workout in enumerate(result.workouts):
        parsed[str(d)] = [{**e.as_json(), "score": e.score} for e in workout.exercises]
        for i, e in enumerate(workout.exercises):
            if len(rows) < MAX_ROWS:
                rows[f"{d}-{i}"] = (str(d), e)
    return rows, parsed


def _row_from_parse(key: str, day: str, e) -> ReviewRow:
    exercise_id = e.exercise.id if e.exercise else ""
    row = ReviewRow(
        key=key, day=day, exercise_id=exercise_id, sets=_int_text(e.sets),
        reps_min=_int_text(e.reps_min), reps_max=_int_text(e.reps_max), rest=_int_text(e.rest_seconds),
        line=e.line, notes=e.notes or "", weight_text=getattr(e, "weight_text", None) or "",
        superset=getattr(e, "superset", None) or "", parsed_confidence=e.confidence,
        parsed_exercise_id=exercise_id, score=str(e.score),
        options=[x for x in [exercise_id, *(a.id for a in e.alternatives)] if x][:MAX_OPTIONS],
    )
    if row.sets and not row.reps_min and not e.amrap and is_time_or_distance(row.weight_text):
        # "Plank 3x60s", "Sled drag 4 x 40 m": each set is one hold or one carry; the
        # time or distance stays in the notes.
        row.reps_min = row.reps_max = "1"
    if e.amrap and row.reps_min and not row.reps_max:
        row.reps_max = row.reps_min  # "1 x 8+": aim for 8, more is the point (AMRAP stays in the notes)
    if e.amrap and "amrap" not in row.notes.lower() and "fail" not in row.notes.lower():
        row.notes = ", ".join(x for x in [row.notes, "AMRAP"] if x)
    if row.parsed_confidence == ConfidenceLevel.HIGH and _row_errors(row):
        # The parser was sure of the exercise but the line lacks what a plan needs (an
        # AMRAP or "to failure" line has no rep target): the row must open and ask, so a
        # row shown as sure never fails at save.
        row.parsed_confidence = ConfidenceLevel.MEDIUM
    return row


def review_from_parse(*, text: str, result: ParseResult) -> Review:
    rows, parsed = _parse_rows(result)
    title = result.title or ""
    days = [ReviewDay(key=str(d), name=_plan_name(title, w.name, d, len(result.workouts)), heading=w.name or "")
            for d, w in enumerate(result.workouts)][:MAX_DAYS]
    by_key = {d.key: d for d in days}
    for key, (day, e) in rows.items():
        if day in by_key:
            by_key[day].rows.append(_row_from_parse(key, day, e))
    days = [d for d in days if d.rows]
    return Review(text=text, token=str(uuid.uuid4()), title=title, days=days, parsed=parsed,
                  unread=_unread_lines(result), truncated=max(0, len(result.exercises) - MAX_ROWS))


def _plan_name(title: str, day: str | None, index: int, count: int) -> str:
    if title and day:
        return f"{title} – {day}"[:255]
    if day or title:
        return (day or title)[:255]
    return "Imported plan" if count == 1 else f"Imported plan – day {index + 1}"


def parse_text(text: str) -> ParseResult:
    """The server's own parse of a pasted or posted text; ReviewError when it is not one."""
    if "\x00" in text:
        raise ReviewError("The text contains a NUL character, which a plan cannot hold. Paste it again.")
    if len(text) > MAX_CHARS:
        raise ReviewError(f"That text is {len(text):,} characters; the limit is {MAX_CHARS:,}. Import it in parts.")
    try:
        return parse_plan(text, catalog_entries())
    except PlanTextError as exc:
        raise ReviewError(str(exc)) from exc


def review_from_post(data) -> Review:
    """Rebuild the review from a POSTed form (a QueryDict): what the user edited from the
    form, everything else from parsing the posted text again. ReviewError for a form that
    cannot be taken."""
    for key, values in data.lists():
        if "\x00" in key or any("\x00" in v for v in values):
            raise ReviewError("The form contains a NUL character, which nothing here can hold. "
                              "Remove it and try again.")
    token = data.get("token", "")
    if parse_uuid(token) is None:
        raise ReviewError("That preview has expired. Paste your plan again.")
    text = data.get("text", "")
    if not text.strip():
        raise ReviewError("That preview has expired. Paste your plan again.")
    result = parse_text(text)
    parsed_rows, parsed = _parse_rows(result)
    unread = _unread_lines(result)
    names = {str(d): w.name for d, w in enumerate(result.workouts)}
    title = result.title or ""
    days = []
    for k in dict.fromkeys(data.getlist("day")):
        if k in names and len(days) < MAX_DAYS:
            days.append(ReviewDay(key=k, name=data.get(f"day-{k}-name", "").strip(), heading=names[k] or "",
                                  flagged=data.get(f"day-{k}-flagged") == "1"))
    by_key = {d.key: d for d in days}
    review = Review(text=text, token=token, title=title, days=days, parsed=parsed, unread=unread)
    keys = list(dict.fromkeys(data.getlist("row")))
    if len(keys) > MAX_ROWS + 50:
        raise ReviewError(f"A review holds at most {MAX_ROWS} rows. Import the plan in parts.")
    for key in keys:
        p = f"row-{key}-"
        day = data.get(p + "day", "")
        if day not in by_key:
            continue
        if key in parsed_rows:
            row = _row_from_parse(key, day, parsed_rows[key][1])
        else:
            row = ReviewRow(key=key[:40], day=day)
            unread_index = _unread_index(key)
            if unread_index is not None and unread_index < len(unread):
                row.line = unread[unread_index]
                review.used_unread.add(unread_index)
        for name, value in _edited_values(data, p).items():
            setattr(row, name, value.strip()[:LIMITS[name]])
        row.options = [o for o in data.get(p + "options", "").split(",") if parse_uuid(o)][:MAX_OPTIONS]
        row.search = data.get(p + "search", "").strip()[:100]
        row.opened = data.get(p + "open") == "1"
        row.flagged = data.get(p + "flagged") == "1"
        by_key[day].rows.append(row)
    return review


def _edited_values(data, prefix: str) -> dict[str, str]:
    """A row's edited values: one field each (an open row) or one JSON list (a compact
    row); a field posted on its own wins over the list."""
    fields = {name: prefix + ("exercise" if name == "exercise_id" else name) for name in EDITABLE}
    packed = data.get(prefix + "values")
    if packed is None:
        return {name: data.get(key, "") for name, key in fields.items()}
    try:
        values = json.loads(packed)
    except ValueError:
        values = None
    if not (isinstance(values, list) and len(values) == len(EDITABLE) and all(isinstance(v, str) for v in values)):
        raise ReviewError("Part of the review form was damaged. Paste your plan again.")
    return {name: data.get(fields[name], value) for name, value in zip(EDITABLE, values)}


def _unread_index(key: str) -> int | None:
    """Rows made from an unread line have the key "u<index>"."""
    return parse_int(key[1:]) if key.startswith("u") else None


def apply_action(review: Review, action: str) -> None:
    """remove:<row>, up:<row>, down:<row>, open:<row>, newform:<row> (show the form to add
    an exercise), add:<day>, read:<unread line>, search:<row>,
    subs:<row> (the substitutes are added to the row's picker by `attach_exercises`)."""
    verb, _, key = action.partition(":")
    if verb == "read":
        _read_unread(review, parse_int(key))
        return
    for day in review.days:
        if verb == "add" and day.key == key:
            if len(review.rows) >= MAX_ROWS:
                day.error = f"A review holds at most {MAX_ROWS} rows."
                return
            n = sum(len(d.rows) for d in review.days)
            day.rows.append(ReviewRow(key=f"{day.key}-new{n}-{uuid.uuid4().hex[:6]}", day=day.key))
            return
        for i, row in enumerate(day.rows):
            if row.key != key:
                continue
            if verb == "remove":
                del day.rows[i]
            elif verb == "up" and i > 0:
                day.rows[i - 1], day.rows[i] = day.rows[i], day.rows[i - 1]
            elif verb == "down" and i + 1 < len(day.rows):
                day.rows[i + 1], day.rows[i] = day.rows[i], day.rows[i + 1]
            elif verb == "search":
                row.opened = True
                _search_row(row)
            elif verb == "open":
                row.opened = True
            elif verb == "newform":
                row.add_form = ExerciseAddForm(prefix=f"new-{row.key}", initial={"name": _guess_name(row)})
            return


def _guess_name(row: ReviewRow) -> str:
    return (row.search or row.line)[:100]


def add_exercise(review: Review, key: str, data, *, user) -> None:
    """Add the exercise a row's form describes to the catalogue (for everyone, marked as
    added by this user) and choose it for the row; or keep the form with its errors."""
    for row in review.rows:
        if row.key != key:
            continue
        form = ExerciseAddForm(data, prefix=f"new-{row.key}")
        if form.is_valid():
            try:
                exercise = exercise_add_by_user(user=user, **form.cleaned_data)
            except ValidationError as exc:
                form.add_error(None, exc)
            else:
                row.exercise_id = str(exercise.pk)
                row.options = [row.exercise_id, *row.options][:MAX_OPTIONS]
                row.opened = True
                row.added_exercise = exercise.name
                return
        row.add_form = form
        row.opened = True
        return


def _search_row(row: ReviewRow) -> None:
    if not row.search:
        row.errors["search"] = "Type what to search for."
        return
    found = search_catalog(row.search)
    row.options = list(dict.fromkeys([*([row.exercise_id] if row.exercise_id else []), *found]))[:MAX_OPTIONS]
    row.searched = True
    if not found:
        row.errors["search"] = f"No exercise in the catalogue matches “{row.search}”."
    elif not row.exercise_id:
        row.exercise_id = found[0]


def _read_unread(review: Review, index: int | None) -> None:
    """Turn a line the parser did not read as an exercise into a row where the line
    stands in the text (its day, after the row above it: rows cannot move between days),
    with the catalogue's best guesses for its words in the picker."""
    if index is None or not 0 <= index < len(review.unread) or index in review.used_unread or not review.days:
        return
    if len(review.rows) >= MAX_ROWS:
        review.days[-1].error = f"A review holds at most {MAX_ROWS} rows."
        return
    line = review.unread[index]
    day, position = _place_in_text(review, index)
    row = ReviewRow(key=f"u{index}", day=day.key, line=line, search=line[:100])
    review.used_unread.add(index)
    found = search_catalog(row.search)
    row.options = found[:MAX_OPTIONS]
    day.rows.insert(position, row)
    review.read_into = (row, day)


def _place_in_text(review: Review, index: int) -> tuple[ReviewDay, int]:
    """(day, index in its rows) for the unread line `index`: right after the last row
    whose line comes before it in the text; the top of the first day when none does (or
    the line is not found)."""
    unread_at = _unread_offsets(review)
    offsets = _row_offsets(review, unread_at)
    at = unread_at[index]
    place = (review.days[0], 0)
    if at < 0:
        return place
    for day in review.days:
        for i, row in enumerate(day.rows):
            if offsets.get(row.key, at) < at:
                place = (day, i + 1)
    return place


def _row_offsets(review: Review, unread_at: list[int]) -> dict[str, int]:
    """Where each row's line stands in the text. Parsed rows ("<day>-<index>") are found
    in parse order, each after the one before, so a line repeated every week lands on its
    own week; rows made from unread lines where that line stands (`unread_at`); rows the
    user added have none."""
    offsets, cursor = {}, 0
    parsed = [r for r in review.rows if r.line and _parse_position(r.key) is not None]
    for row in sorted(parsed, key=lambda r: _parse_position(r.key)):
        found = review.text.find(row.line[:80], cursor)
        if found >= 0:
            offsets[row.key] = cursor = found
    for row in review.rows:
        index = _unread_index(row.key)
        if index is not None and index < len(unread_at) and unread_at[index] >= 0:
            offsets[row.key] = unread_at[index]
    return offsets


def _unread_offsets(review: Review) -> list[int]:
    """Where each unread line starts in the text, -1 if nowhere. A note repeated every
    week is one unread entry a week: entry i is the n-th line of the text that is that
    note, n the entries before it with the same text. A line matches whole (the same
    letters and digits: the parser lists "**Notes:** ..." as "Notes: ..."), never as
    words inside a longer line; a line listed cut ("…" at its end, or at MAX_FIELD
    characters) by its start."""
    lines, offset = [], 0  # (offset, letters and digits) of each line of the text
    for text_line in review.text.splitlines(keepends=True):
        lines.append((offset, _letters_and_digits(text_line)))
        offset += len(text_line)
    starts: dict[str, list[int]] = {}
    for at, key in lines:
        starts.setdefault(key, []).append(at)
    found, seen = [], {}
    for line in review.unread:
        want = _letters_and_digits(line)
        nth = seen[line] = seen.get(line, -1) + 1  # 0 for the first entry with this text
        if line.endswith("…") or len(line) >= MAX_FIELD:
            matches = [at for at, key in lines if want and key.startswith(want)]
        else:
            matches = starts.get(want, []) if want else []
        found.append(matches[nth] if nth < len(matches) else -1)
    return found


def _letters_and_digits(text: str) -> str:
    return "".join(c for c in text.casefold() if c.isalnum())


def _parse_position(key: str) -> tuple[int, int] | None:
    """(day, index) of a row that came from the parse ("3-12"), None for others."""
    day, _, index = key.partition("-")
    return (int(day), int(index)) if day.isdigit() and index.isdigit() else None


def search_catalog(term: str) -> list[str]:
    """Exercise ids for a search, best first: the app's one matcher
    (equipment.selectors.search_exercises, plans.matching), as in the plan builder and
    the workout swap, so typos and abbreviations ("dumbell", "pulldwn") are found here
    too."""
    return [str(e.pk) for e in search_exercises(query=term, limit=SEARCH_RESULTS)]


def search_row(*, key: str, search: str, exercise_id: str = "") -> ReviewRow:
    """One review row's picker after a search, for the answer that replaces only that
    row's picker (the rest of the review stays in the page as the user left it): the
    chosen exercise first, the matcher's results after it, the first of them chosen when
    the row had none (as the whole review's search does). Needs nothing of the review
    but the row's key, search and choice; a choice that is not a catalogue exercise is
    none. At most five queries."""
    chosen = str(parse_uuid(exercise_id) or "")
    row = ReviewRow(key=key, day="", exercise_id=chosen, search=search.strip()[:100], opened=True)
    _search_row(row)
    ids = [x for x in dict.fromkeys([row.exercise_id, *row.options]) if x]
    exercises = {str(e.pk): e for e in Exercise.objects.filter(pk__in=ids)} if ids else {}
    row.exercise = exercises.get(row.exercise_id)
    row.exercise_id = row.exercise_id if row.exercise else ""
    row.option_exercises = [exercises[x] for x in ids if x in exercises]
    row.newly_chosen = row.exercise is not None and row.exercise_id != chosen
    return row


def attach_exercises(review: Review, *, user, substitutes_for_row: str = "") -> None:
    """Load every exercise the rows show (choice and picker options) in one query, plus
    what equipment the user lacks for each choice."""
    if substitutes_for_row:
        for row in review.rows:
            if row.key == substitutes_for_row and parse_uuid(row.exercise_id):
                current = Exercise.objects.filter(pk=row.exercise_id).first()
                if current is not None:
                    subs = [str(e.pk) for e in substitutes_for(exercise=current, user=user, limit=6)]
                    row.options = list(dict.fromkeys([row.exercise_id, *subs, *row.options]))[:MAX_OPTIONS]
                    row.searched = row.opened = True
                    if not subs:
                        row.errors["search"] = "No substitute with equipment you own trains the same muscles."
    ids = set()
    for row in review.rows:
        ids.update(x for x in [row.exercise_id, *row.options] if parse_uuid(x))
    exercises = {str(e.pk): e for e in Exercise.objects.filter(pk__in=ids).prefetch_related("equipment")}
    for row in review.rows:
        row.exercise = exercises.get(row.exercise_id)
        if row.exercise is None:
            row.exercise_id = ""
        row.option_exercises = [exercises[o] for o in dict.fromkeys([row.exercise_id, *row.options]) if o in exercises]
    chosen = [r.exercise for r in review.rows if r.exercise]
    missing = missing_equipment(user=user, exercises=chosen)
    for row in review.rows:
        row.missing_equipment = missing.get(row.exercise.pk, []) if row.exercise else []


def _row_errors(row: ReviewRow) -> dict[str, str]:
    """What stops this row from becoming a plan exercise (the exercise aside)."""
    errors = {}
    if row.reps_min.strip() and not row.reps_max.strip():
        row.reps_max = row.reps_min  # "5 to (blank)" means exactly 5
    values = {"sets": row.sets, "reps_min": row.reps_min, "reps_max": row.reps_max}
    numbers = {k: parse_int(v) for k, v in values.items()}
    for k, v in values.items():
        if v and numbers[k] is None:
            errors[k] = "Enter a whole number."
    if numbers["reps_min"] is None and not row.reps_max.strip():
        # One message for the missing reps; AMRAP lines ("3xAMRAP", "3 x max") have
        # none in the text, and the plan needs a number to aim for.
        errors.setdefault("reps_min", "As many as possible: enter the reps you aim for."
                          if "AMRAP" in row.notes.upper() or "FAIL" in row.notes.upper() else "Enter the reps.")
        errors["reps_max"] = ""
    rest = parse_int(row.rest) if row.rest else None
    if row.rest and rest is None:
        errors["rest_time_seconds"] = "Enter the rest in seconds, a whole number."
    for k, message in validate_prescription(rest_time_seconds=rest, **numbers).items():
        errors.setdefault(k, message)
    return errors


def _notes_with_load(row: ReviewRow) -> str | None:
    """The load goes into the notes as "@ 100kg", where the workout screen reads it for
    a first-time pre-fill (unless the notes already say it)."""
    notes = row.notes
    if row.weight_text and row.weight_text.lower() not in notes.lower():
        load = row.weight_text if is_time_or_distance(row.weight_text) else f"@ {row.weight_text}"
        notes = ", ".join(x for x in [load, notes] if x)
    return notes[:1000] or None


def _day_error(day: ReviewDay) -> str:
    if day.rows and not day.name:
        return "Give this plan a name."
    if len(day.name) > 255:
        return "Keep the name under 255 characters."
    return ""


def _save_errors(row: ReviewRow) -> dict[str, str]:
    """What stops this row from being saved, its exercise included (needs
    `attach_exercises` first)."""
    errors = _row_errors(row)
    if row.exercise is None:
        errors = {"exercise": "Pick the exercise this line means (or remove the row).", **errors}
    return errors


def keep_marks(review: Review) -> None:
    """After a refused save, the user removes, searches, adds or reorders before fixing
    everything: each of those re-renders the review, and the rows and days the save
    marked keep their messages until they are right (checked again on every re-render;
    needs `attach_exercises` first). Rows added since are not marked before a save."""
    for day in review.days:
        if day.flagged:
            day.error = day.error or _day_error(day)
            day.flagged = bool(day.error)
    for row in review.rows:
        if row.flagged:
            _mark(row)


def _mark(row: ReviewRow) -> bool:
    """Put on the row what stops its save, and mark it while anything does (a search's
    message in its errors is no reason to keep the mark). True when the row can be saved."""
    errors = _save_errors(row)
    row.errors.update(errors)
    row.flagged = bool(errors)
    return not errors


def validate(review: Review) -> list[ImportedDay] | None:
    """The days to import, or None after putting a message on every row (or day) in the
    way, each marked to keep it (`keep_marks`)."""
    ok = bool(review.rows)
    for day in review.days:
        day.error = day.error or _day_error(day)
        day.flagged = bool(day.error)
        ok = ok and not day.error
    for row in review.rows:
        ok = _mark(row) and ok
    if not ok:
        return None
    days = []
    for day in review.days:
        if not day.rows:
            continue
        specs = [ExerciseSpec(
            exercise=r.exercise, sets=int(r.sets), reps_min=int(r.reps_min), reps_max=int(r.reps_max),
            rest_time_seconds=int(r.rest) if r.rest else None, notes=_notes_with_load(r),
            superset=r.superset or None, confidence_level=r.confidence) for r in day.rows]
        scores = [{"line": r.line or None, "exercise": r.exercise.name, "confidence": r.confidence,
                   "parser_confidence": r.parsed_confidence if r.line and r.parsed_exercise_id else None,
                   "score": _float(r.score)} for r in day.rows]
        days.append(ImportedDay(name=day.name, exercises=specs, parsed=review.parsed.get(day.key, []),
                                scores=scores))
    return days


def _float(value: str) -> float | None:
    """The parser's score (from the server's parse), finite or nothing."""
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    return number if math.isfinite(number) else None
