"""The import review: the state of the preview form, round-tripped through the page.

The preview is stateless on the server: every row travels in the form (row-<key>-*
fields, in page order), so removing, adding, reordering rows or searching the catalogue
is a POST that re-renders the review from what was posted, and nothing is stored until
the user confirms."""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass, field

from allworkouts.http import parse_int, parse_uuid
from equipment.models import Exercise
from equipment.selectors import missing_equipment, substitutes_for
from plans.models import ConfidenceLevel
from plans.parser import ParseResult, matcher_for
from plans.selectors import catalog_entries
from plans.services import ExerciseSpec, ImportedDay, validate_prescription

SEARCH_RESULTS = 8
MAX_ROWS = 300


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
    parsed_confidence: str = "unmatched"
    parsed_exercise_id: str = ""
    score: str = ""
    options: list[str] = field(default_factory=list)
    search: str = ""
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


@dataclass
class ReviewDay:
    key: str
    name: str
    rows: list[ReviewRow] = field(default_factory=list)
    error: str = ""


@dataclass
class Review:
    text: str
    token: str
    title: str
    days: list[ReviewDay]
    parsed: dict  # day key -> the parser's JSON exercises (kept for the import log)

    @property
    def rows(self) -> list[ReviewRow]:
        return [r for d in self.days for r in d.rows]

    @property
    def parsed_json(self) -> str:
        return json.dumps(self.parsed)

    @property
    def error_count(self) -> int:
        return sum(1 for r in self.rows if r.errors)


def _int_text(value) -> str:
    return "" if value is None else str(value)


def review_from_parse(*, text: str, result: ParseResult) -> Review:
    days = []
    parsed = {}
    title = result.title or ""
    for d, workout in enumerate(result.workouts):
        day = ReviewDay(key=str(d), name=_plan_name(title, workout.name, d, len(result.workouts)))
        parsed[day.key] = [{**e.as_json(), "score": e.score} for e in workout.exercises]
        for i, e in enumerate(workout.exercises):
            exercise_id = e.exercise.id if e.exercise else ""
            day.rows.append(ReviewRow(
                key=f"{d}-{i}", day=day.key, exercise_id=exercise_id, sets=_int_text(e.sets),
                reps_min=_int_text(e.reps_min), reps_max=_int_text(e.reps_max), rest=_int_text(e.rest_seconds),
                line=e.line, notes=e.notes or "", parsed_confidence=e.confidence,
                parsed_exercise_id=exercise_id, score=str(e.score),
                options=[x for x in [exercise_id, *(a.id for a in e.alternatives)] if x],
            ))
        days.append(day)
    return Review(text=text, token=str(uuid.uuid4()), title=title, days=days, parsed=parsed)


def _plan_name(title: str, day: str | None, index: int, count: int) -> str:
    if title and day:
        return f"{title} – {day}"[:255]
    if day or title:
        return (day or title)[:255]
    return "Imported plan" if count == 1 else f"Imported plan – day {index + 1}"


def review_from_post(data) -> Review:
    """Rebuild the review from a POSTed form (a QueryDict)."""
    days = [ReviewDay(key=k, name=data.get(f"day-{k}-name", "").strip()) for k in data.getlist("day")[:50]]
    by_key = {d.key: d for d in days}
    for key in data.getlist("row")[:MAX_ROWS]:
        p = f"row-{key}-"
        row = ReviewRow(
            key=key, day=data.get(p + "day", ""), exercise_id=data.get(p + "exercise", "").strip(),
            sets=data.get(p + "sets", "").strip(), reps_min=data.get(p + "reps_min", "").strip(),
            reps_max=data.get(p + "reps_max", "").strip(), rest=data.get(p + "rest", "").strip(),
            line=data.get(p + "line", ""), notes=data.get(p + "notes", "").strip(),
            parsed_confidence=data.get(p + "confidence", "unmatched"),
            parsed_exercise_id=data.get(p + "parsed_exercise", ""), score=data.get(p + "score", ""),
            options=[o for o in data.get(p + "options", "").split(",") if o][:40],
            search=data.get(p + "search", "").strip()[:100],
        )
        if row.day in by_key:
            by_key[row.day].rows.append(row)
    try:
        parsed = json.loads(data.get("parsed", "{}"))
        if not isinstance(parsed, dict):
            parsed = {}
    except ValueError:
        parsed = {}
    return Review(text=data.get("text", ""), token=data.get("token", ""), title=data.get("title", ""),
                  days=days, parsed=parsed)


def apply_action(review: Review, action: str) -> None:
    """remove:<row>, up:<row>, down:<row>, add:<day>, search:<row>, subs:<row> (the
    substitutes are added to the row's picker by `attach_exercises`)."""
    verb, _, key = action.partition(":")
    for day in review.days:
        if verb == "add" and day.key == key:
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
            elif verb == "search" and row.search:
                found = search_catalog(row.search)
                row.options = list(dict.fromkeys([*([row.exercise_id] if row.exercise_id else []), *found]))
                if not found:
                    row.errors["search"] = f"No exercise in the catalogue matches “{row.search}”."
                elif not row.exercise_id:
                    row.exercise_id = found[0]
            return


def search_catalog(term: str) -> list[str]:
    """Exercise ids for a search: names containing the words first, then fuzzy matches
    (typos, abbreviations) from the parser's matcher."""
    found = [str(pk) for pk in Exercise.objects.filter(name__icontains=term)
             .order_by("name").values_list("pk", flat=True)[:SEARCH_RESULTS]]
    if len(found) < SEARCH_RESULTS:
        best, _, alternatives = matcher_for(catalog_entries()).match(term)
        found += [e.id for e in [best, *alternatives] if e is not None]
    return list(dict.fromkeys(found))[:SEARCH_RESULTS]


def attach_exercises(review: Review, *, user, substitutes_for_row: str = "") -> None:
    """Load every exercise the rows show (choice and picker options) in one query, plus
    what equipment the user lacks for each choice."""
    if substitutes_for_row:
        for row in review.rows:
            if row.key == substitutes_for_row and row.exercise_id:
                current = Exercise.objects.filter(pk=row.exercise_id).first()
                if current is not None:
                    subs = [str(e.pk) for e in substitutes_for(exercise=current, user=user, limit=6)]
                    row.options = list(dict.fromkeys([row.exercise_id, *subs, *row.options]))
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


def validate(review: Review) -> list[ImportedDay] | None:
    """The days to import, or None after putting a message on every row (or day) in the way."""
    ok = bool(review.rows)
    for day in review.days:
        if day.rows and not day.name:
            day.error = "Give this plan a name."
        elif len(day.name) > 255:
            day.error = "Keep the name under 255 characters."
        ok = ok and not day.error
    for row in review.rows:
        errors = {}
        if row.exercise is None:
            errors["exercise"] = "Pick the exercise this line means (or remove the row)."
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
                              if "AMRAP" in row.notes.upper() else "Enter the reps.")
            errors["reps_max"] = ""
        rest = parse_int(row.rest) if row.rest else None
        if row.rest and rest is None:
            errors["rest_time_seconds"] = "Enter the rest in seconds, a whole number."
        for k, message in validate_prescription(rest_time_seconds=rest, **numbers).items():
            errors.setdefault(k, message)
        row.errors.update(errors)
        ok = ok and not row.errors
    if not ok:
        return None
    days = []
    for day in review.days:
        if not day.rows:
            continue
        specs = [ExerciseSpec(
            exercise=r.exercise, sets=int(r.sets), reps_min=int(r.reps_min), reps_max=int(r.reps_max),
            rest_time_seconds=int(r.rest) if r.rest else None, notes=r.notes or None,
            confidence_level=r.confidence) for r in day.rows]
        scores = [{"line": r.line or None, "exercise": r.exercise.name, "confidence": r.confidence,
                   "parser_confidence": r.parsed_confidence if r.line else None,
                   "score": _float(r.score)} for r in day.rows]
        parsed = review.parsed.get(day.key, [])
        days.append(ImportedDay(name=day.name, exercises=specs, parsed=parsed if isinstance(parsed, list) else [],
                                scores=scores))
    return days


def _float(value: str) -> float | None:
    try:
        return float(value)
    except (TypeError, ValueError):
        return None
