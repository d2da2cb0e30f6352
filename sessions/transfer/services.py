"""History import: parse a file into workouts (no writes), map its exercise names, then
import, re-import safely, and undo.

Design:
- A workout is identified by its start time and content: `fingerprint` hashes the start
  time, the workout name and every set (exercise name, type, kg, reps) in order. A
  workout is not imported again when the user already has a session starting at that
  minute or an imported workout with that fingerprint (a later, overlapping export
  adds only the new workouts).
- Imported workouts hang on plans of kind 'imported' (workout_plan.kind), one per
  workout name in the file ("Push Day"), reused by later imports, so history can be
  filtered by them while the plan list (kind NULL) is not flooded. Undo removes the
  plans an import made when no session is left on them.
- Records are recomputed once per touched exercise after the sets are written.
- The whole file is read and checked before anything is written, so a bad file writes
  nothing. The command writes in one transaction; the background task a chunk per
  transaction, its sessions hidden until the last one shows them all, so a failure or a
  killed worker leaves no half import (see run_queued_import, recover_stale).
"""

from __future__ import annotations

import hashlib
import io
import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from datetime import timezone as dt_timezone
from decimal import Decimal
from zoneinfo import ZoneInfo

from django.db import connection, transaction
from django.utils import timezone

from allworkouts import limits
from allworkouts.db import rls_user

from equipment.models import Exercise
from equipment.selectors import ASSISTED_NAME_PATTERN, catalogue_entries
from plans.matching import STRONG_SCORE, WEAK_SCORE, matcher_for
from plans.models import PlanKind, WorkoutPlan
from records.services import records_recompute
from sessions.models import ExerciseSession, SessionStatus, WorkoutSession
from sessions.transfer.models import ExerciseNameMapping, HistoryImport, HistoryImportWorkout, ImportStatus
from sessions.transfer.readers import WARMUP, ExportFileError, SetRow, Skipped, guess_unit, read_export, to_kg

SKIP_EXAMPLES = 50
# Each distinct exercise name is matched and searched against the catalogue on every
# preview (~3 ms each) and is a row of the mapping step: years of real history name a
# few hundred; thousands are a made-up file that would tie up a web worker per view.
MAX_NAMES = 1000


@dataclass
class ParsedWorkout:
    started_at: datetime  # aware
    name: str
    duration_seconds: int | None
    notes: str | None
    sets: list[SetRow] = field(default_factory=list)


@dataclass
class ParsedFile:
    format: str
    dialect: str | None
    file_unit: str | None
    workouts: list[ParsedWorkout]
    skipped: Counter
    skipped_examples: list[Skipped]
    names: Counter  # exercise name in file -> sets
    unitless_weights: Counter  # weights of sets whose row and file name no unit

    @property
    def needs_unit(self) -> bool:
        return bool(self.unitless_weights) or (self.file_unit is None and not self._any_row_unit())

    def _any_row_unit(self) -> bool:
        return any(s.unit for w in self.workouts for s in w.sets)

    def unit_guess(self) -> tuple[str, list[Decimal]]:
        return guess_unit(self.unitless_weights)


def user_zone(user):
    """The zone a user's file times are wall-clock times in: theirs (the profile's), else
    UTC, as the web requests use it (allworkouts.timezones). The background task, the
    command and the export's generator run outside a request, so they set it with this."""
    return ZoneInfo(user.time_zone) if getattr(user, "time_zone", None) else dt_timezone.utc


def parse_file(binary) -> ParsedFile:
    """Read the whole export (raises ExportFileError) into workouts. No database."""
    export = read_export(binary)
    by_key: dict[tuple, ParsedWorkout] = {}
    skipped: Counter = Counter()
    examples: list[Skipped] = []
    names: Counter = Counter()
    unitless: Counter = Counter()
    zone = timezone.get_current_timezone()
    for row in export.rows:
        if isinstance(row, Skipped):
            skipped[row.reason] += 1
            if len(examples) < SKIP_EXAMPLES:
                examples.append(row)
            continue
        key = (row.started_at, row.workout_name)
        workout = by_key.get(key)
        if workout is None:
            workout = by_key[key] = ParsedWorkout(
                started_at=timezone.make_aware(row.started_at, zone), name=row.workout_name[:255],
                duration_seconds=row.duration_seconds, notes=row.workout_notes)
        workout.sets.append(row)
        names[row.exercise] += 1
        if row.unit is None:
            unitless[row.weight] += 1
    if not by_key:
        raise ExportFileError("The file has no sets to import" + (
            f" (skipped: {', '.join(f'{n} {r}' for r, n in skipped.most_common())})." if skipped else "."))
    if len(names) > MAX_NAMES:
        raise ExportFileError(
            f"The file names {len(names):,} different exercises; a workout export names a few hundred at most "
            f"(this app reads up to {MAX_NAMES:,}). Is it the right file?")
    workouts = sorted(by_key.values(), key=lambda w: w.started_at)
    return ParsedFile(export.format, export.dialect, export.unit, workouts, skipped, examples, names, unitless)


def parse_text(text: str) -> ParsedFile:
    return parse_file(io.BytesIO(text.encode("utf-8")))


# --- exercise mapping --------------------------------------------------------------------

@dataclass(frozen=True)
class NameMatch:
    exercise_id: str | None
    exercise_name: str | None
    confidence: str  # 'remembered' | 'high' | 'medium' | 'low' | 'unmatched'


def _confidence(score: float) -> str:
    return "high" if score >= 100 else "medium" if score >= STRONG_SCORE else "low" if score >= WEAK_SCORE else "unmatched"


def mapping_key(name: str) -> str:
    return " ".join(name.casefold().split())[:255]


def match_names(*, user, names) -> dict[str, NameMatch]:
    """Each name of the file: the user's remembered choice, else the app's matcher. Two queries."""
    names = list(names)
    remembered = {m.name: m.exercise for m in ExerciseNameMapping.objects.filter(
        user=user, name__in=[mapping_key(n) for n in names]).select_related("exercise")}
    matcher = matcher_for(catalogue_entries())
    result = {}
    for name in names:
        if (exercise := remembered.get(mapping_key(name))) is not None:
            result[name] = NameMatch(str(exercise.pk), exercise.name, "remembered")
            continue
        entry, score, _ = matcher.match(name)
        confidence = _confidence(score) if entry is not None else "unmatched"
        result[name] = NameMatch(entry.id if entry else None, entry.name if entry else None, confidence)
    return result


def remember_mappings(*, user, chosen: dict[str, str | None]) -> None:
    """Keep the user's choices (name -> exercise id) for the next import."""
    for name, exercise_id in chosen.items():
        if exercise_id:
            ExerciseNameMapping.objects.update_or_create(
                user=user, name=mapping_key(name), defaults={"exercise_id": exercise_id})


# --- planning the import -----------------------------------------------------------------

def fingerprint(workout: ParsedWorkout, unit: str) -> str:
    digest = hashlib.sha256(f"{workout.started_at.isoformat()}|{workout.name}".encode())
    for s in workout.sets:
        digest.update(f"|{s.exercise}/{s.set_type}/{to_kg(s.weight, s.unit or unit)}/{s.reps}".encode())
    return digest.hexdigest()


def _minute(value: datetime) -> datetime:
    return value.replace(second=0, microsecond=0)


def _already_there(*, user, workouts: list[ParsedWorkout], unit: str) -> set[int]:
    """Indexes of workouts the user already has (same start minute, or same fingerprint). Two queries."""
    if not workouts:
        return set()
    first, last = workouts[0].started_at, workouts[-1].started_at + timedelta(minutes=1)
    starts = {_minute(t) for t in WorkoutSession.objects.filter(
        user=user, deleted_at__isnull=True, created_at__gte=first, created_at__lt=last
    ).values_list("created_at", flat=True)}
    prints = [fingerprint(w, unit) for w in workouts]
    known = set(HistoryImportWorkout.objects.filter(user=user, fingerprint__in=prints)
                .values_list("fingerprint", flat=True))
    return {i for i, w in enumerate(workouts) if _minute(w.started_at) in starts or prints[i] in known}


@dataclass
class PlannedSet:
    row: SetRow
    exercise_id: str
    weight_kg: Decimal
    notes: str | None
    rpe: Decimal | None


_ASSISTED = re.compile(ASSISTED_NAME_PATTERN, re.IGNORECASE)  # the app's test of "assisted"


def plan_import(*, user, parsed: ParsedFile, mapping: dict[str, NameMatch], unit: str):
    """What an import would add: (workouts with their sets, summary in the --json shape)."""
    skip_existing = _already_there(user=user, workouts=parsed.workouts, unit=unit)
    skipped = Counter(parsed.skipped)
    planned: list[tuple[ParsedWorkout, list[PlannedSet]]] = []
    volume = Decimal(0)
    sets = warmups = 0
    for index, workout in enumerate(parsed.workouts):
        if index in skip_existing:
            skipped["already imported"] += len(workout.sets)
            continue
        rows = []
        for s in workout.sets:
            match = mapping.get(s.exercise)
            if match is None or match.exercise_id is None:
                skipped["exercise not mapped"] += 1
                continue
            weight_kg, notes = to_kg(s.weight, s.unit or unit), s.notes
            if weight_kg > limits.MAX_SET_KG:
                # The app refuses such a set as a typo (allworkouts.limits); imported, it
                # would be a record nobody beats.
                skipped["weight out of range"] += 1
                continue
            # An assisted exercise keeps its assistance as the weight, as the app stores
            # it (shown "BW − 20 kg"; records leave it out) and Strong and Hevy write it.
            # Assisted in the file but mapped to an unassisted exercise, the number would
            # read as load, so it is kept as a note.
            if not _ASSISTED.search(match.exercise_name or "") and _ASSISTED.search(s.exercise) and weight_kg > 0:
                notes = "\n".join(filter(None, [f"assistance {s.weight} {s.unit or unit}", notes]))
                weight_kg = Decimal("0.00")
            rpe = s.rpe
            if rpe is not None and not (6 <= rpe <= 10 and (rpe * 2) == (rpe * 2).to_integral_value()):
                # The app keeps RPE 6-10 in half steps; anything else stays readable in the notes.
                notes, rpe = "\n".join(filter(None, [f"RPE {rpe}", notes])), None
            rows.append(PlannedSet(s, match.exercise_id, weight_kg, notes, rpe))
            sets += 1
            warmups += s.set_type == WARMUP
            volume += weight_kg * s.reps  # --json's volume_kg: weight x reps over every imported set
        if rows:
            planned.append((workout, rows))
    summary = {
        "format": parsed.format, "dialect": parsed.dialect, "unit": unit,
        "workouts": len(planned), "sets": sets, "warmup_sets": warmups,
        "volume_kg": float(volume.quantize(Decimal("0.01"))),
        "skipped": dict(sorted(skipped.items())),
        "exercises": {name: {"exercise": m.exercise_name, "confidence": m.confidence}
                      for name, m in sorted(mapping.items())},
        "first": planned[0][0].started_at.date().isoformat() if planned else None,
        "last": planned[-1][0].started_at.date().isoformat() if planned else None,
    }
    return planned, summary


def resolve_unit(parsed: ParsedFile, unit: str | None) -> str:
    """The unit for sets the file gives none: the user's answer, else the file's, else a guess."""
    return unit or parsed.file_unit or parsed.unit_guess()[0]


# --- writing -----------------------------------------------------------------------------

def _plans_for(*, user, names: set[str]) -> tuple[dict[str, WorkoutPlan], list[str]]:
    plans = {p.name: p for p in WorkoutPlan.objects.filter(user=user, deleted_at__isnull=True, name__in=names,
                                                           kind=PlanKind.IMPORTED)}
    # One INSERT for all the new names (a file may have hundreds of workout names).
    new = WorkoutPlan.objects.bulk_create([
        WorkoutPlan(user=user, name=name, description="Workouts imported from another app.", kind=PlanKind.IMPORTED)
        for name in sorted(names - plans.keys())])
    plans.update({plan.name: plan for plan in new})
    return plans, [str(plan.pk) for plan in new]


def _set_times(workout: ParsedWorkout, count: int) -> tuple[list[datetime], datetime]:
    """Times for the sets (spread over the workout's duration, else two minutes apart) and its end."""
    start = workout.started_at
    if workout.duration_seconds and workout.duration_seconds > 0:
        step = timedelta(seconds=workout.duration_seconds / count)
        end = start + timedelta(seconds=workout.duration_seconds)
    else:
        step = timedelta(minutes=2)
        end = start + step * count
    return [start + step * (i + 1) for i in range(count)], end


def _write_chunk(*, user, history_import: HistoryImport, plans: dict[str, WorkoutPlan], chunk,
                 hidden: bool = False) -> set[str]:
    """Add a few planned workouts (sessions, sets, links): a bounded number of queries.
    `hidden`: soft-deleted until the import's last transaction shows them."""
    touched: set[str] = set()
    sessions, ends, sets, links = [], [], [], []
    hidden_at = timezone.now() if hidden else None
    for workout, rows in chunk:
        session = WorkoutSession(user=user, workout_plan=plans[workout.name], status=SessionStatus.COMPLETED,
                                 created_at=workout.started_at, notes=workout.notes, deleted_at=hidden_at)
        times, end = _set_times(workout, len(rows))
        numbers: Counter = Counter()
        for planned_set, at in zip(rows, times):
            numbers[planned_set.exercise_id] += 1
            s = planned_set.row
            sets.append(ExerciseSession(
                workout_session=session, exercise_id=planned_set.exercise_id, weight=planned_set.weight_kg,
                reps=s.reps, rest_time_seconds=s.rest_seconds, set_number=numbers[planned_set.exercise_id],
                created_at=at, set_type=s.set_type, rpe=planned_set.rpe, notes=planned_set.notes))
            touched.add(planned_set.exercise_id)
        sessions.append(session)
        ends.append(end)
        links.append(HistoryImportWorkout(history_import=history_import, user=user, workout_session=session,
                                          fingerprint=fingerprint(workout, history_import.unit or "kg"),
                                          started_at=workout.started_at))
    WorkoutSession.objects.bulk_create(sessions)
    # A completed session's end is its updated_at (auto_now would make it "now").
    with connection.cursor() as cursor:
        cursor.execute("UPDATE workout_session ws SET updated_at = v.t FROM unnest(%s::uuid[], %s::timestamptz[])"
                       " AS v(id, t) WHERE ws.id = v.id", [[str(s.pk) for s in sessions], ends])
    ExerciseSession.objects.bulk_create(sets, batch_size=2000)
    HistoryImportWorkout.objects.bulk_create(links)
    return touched


CHUNK_WORKOUTS = 200


def _chunks(planned):
    for offset in range(0, len(planned), CHUNK_WORKOUTS):
        yield offset + min(CHUNK_WORKOUTS, len(planned) - offset), planned[offset:offset + CHUNK_WORKOUTS]


def _recompute(*, user, exercise_ids) -> None:
    for exercise_id in sorted(exercise_ids, key=str):
        records_recompute(user_id=user.pk, exercise_id=exercise_id)


# Previews never confirmed keep their file (up to 10 MB each): only the newest few stay,
# so uploads left in preview cannot pile up in the database.
MAX_PREVIEWS = 5


def create_import(*, user, filename: str, text: str, parsed: ParsedFile) -> HistoryImport:
    """Keep an uploaded file for its preview, so confirming needs no second upload. The
    user's older previews past MAX_PREVIEWS are removed (they wrote nothing else)."""
    created = HistoryImport.objects.create(user=user, filename=filename[:255], format=parsed.format,
                                           dialect=parsed.dialect, unit=parsed.file_unit, source=text,
                                           total=len(parsed.workouts))  # progress counts workouts
    previews = HistoryImport.objects.filter(user=user, status=ImportStatus.PREVIEW).exclude(pk=created.pk)
    older = list(previews.order_by("-created_at", "-id").values_list("pk", flat=True)[MAX_PREVIEWS - 1:])
    if older:
        HistoryImport.objects.filter(pk__in=older, status=ImportStatus.PREVIEW).delete()
    return created


def preview_unreadable(*, history_import: HistoryImport, message: str) -> None:
    """A preview whose kept file the readers no longer accept: failed, with the reason,
    and the file dropped (nothing was written from it, nothing can be retried)."""
    HistoryImport.objects.filter(pk=history_import.pk, status=ImportStatus.PREVIEW).update(
        status=ImportStatus.FAILED, error=message[:2000], source=None)


def with_choices(mapping: dict[str, NameMatch], chosen: dict[str, str | None] | None) -> dict[str, NameMatch]:
    """The matcher's (or remembered) mapping overridden by the user's choices: an exercise
    id, or None for "leave out". One query for the chosen names."""
    if chosen is None:
        return mapping
    exercises = {str(e.pk): e.name for e in Exercise.objects.filter(pk__in=[v for v in chosen.values() if v])}
    mapping = dict(mapping)
    for name, exercise_id in chosen.items():
        if name in mapping and (exercise_id or None) != mapping[name].exercise_id:
            mapping[name] = (NameMatch(exercise_id, exercises[exercise_id], "chosen")
                             if exercise_id in exercises else NameMatch(None, None, "unmatched"))
    return mapping


def _prepare(*, user, history_import: HistoryImport, chosen: dict | None, unit: str | None):
    """The file, its mapping (matcher and remembered choices, overridden by `chosen`) and unit."""
    parsed = parse_text(history_import.source or "")
    mapping = with_choices(match_names(user=user, names=parsed.names), chosen)
    return parsed, mapping, resolve_unit(parsed, unit)


def add_exercise_for_name(*, user, file_name: str, name: str, primary_muscle_groups, equipment) -> Exercise:
    """"Add as a new exercise" in the mapping step: the catalogue lacks what a file calls
    `file_name`, so the user adds it as `name` (equipment.services, marked as theirs and
    pending review) and the file's name maps to it, remembered for the next import.
    Raises ValidationError as the equipment service does."""
    from equipment.services import exercise_add_by_user

    with transaction.atomic():
        exercise = exercise_add_by_user(user=user, name=name, primary_muscle_groups=primary_muscle_groups,
                                        equipment=equipment)
        remember_mappings(user=user, chosen={file_name: str(exercise.pk)})
    return exercise


def _finish(*, user, history_import: HistoryImport, mapping, summary, chosen, remember: bool) -> None:
    if remember and chosen:
        remember_mappings(user=user, chosen={n: v for n, v in chosen.items() if mapping[n].exercise_id})
    history_import.mappings = {n: m.exercise_id for n, m in mapping.items()}
    history_import.summary, history_import.status = summary, ImportStatus.DONE
    history_import.progress, history_import.source = history_import.total, None
    history_import.finished_at = timezone.now()
    history_import.save()


def run_import(*, user, history_import: HistoryImport, chosen: dict[str, str | None] | None = None,
               unit: str | None = None, remember: bool = True) -> dict:
    """Import a previewed file now, in one transaction (the command; tests). Returns the summary."""
    with transaction.atomic():
        history_import = HistoryImport.objects.select_for_update().get(pk=history_import.pk)
        if history_import.status != ImportStatus.PREVIEW:
            return history_import.summary or {}
        parsed, mapping, unit = _prepare(user=user, history_import=history_import, chosen=chosen, unit=unit)
        history_import.unit = unit
        planned, summary = plan_import(user=user, parsed=parsed, mapping=mapping, unit=unit)
        plans, history_import.created_plans = _plans_for(user=user, names={w.name for w, _ in planned})
        history_import.total = len(planned)
        touched = set()
        for _, chunk in _chunks(planned):
            touched |= _write_chunk(user=user, history_import=history_import, plans=plans, chunk=chunk)
        _recompute(user=user, exercise_ids=touched)
        _finish(user=user, history_import=history_import, mapping=mapping, summary=summary, chosen=chosen,
                remember=remember)
    return summary


def queue_import(*, user, history_import: HistoryImport, chosen: dict[str, str | None] | None,
                 unit: str | None) -> bool:
    """Mark a previewed import as running and hand it to the background worker (the task
    row is written in the caller's transaction, so both happen or neither)."""
    history_import = HistoryImport.objects.select_for_update().get(pk=history_import.pk)
    if history_import.status != ImportStatus.PREVIEW:
        return False
    history_import.mappings, history_import.unit = chosen or {}, unit  # {}: the matcher's guesses
    _enqueue(user=user, history_import=history_import)
    return True


def _enqueue(*, user, history_import: HistoryImport) -> None:
    from sessions.transfer.tasks import import_history_task

    history_import.status, history_import.progress, history_import.error = ImportStatus.RUNNING, 0, None
    history_import.heartbeat_at = None
    result = import_history_task.enqueue(str(history_import.pk), str(user.pk))
    history_import.task_id = result.id
    history_import.save(update_fields=["status", "mappings", "unit", "progress", "error", "heartbeat_at",
                                       "task_id"])


class Superseded(Exception):
    """This task is no longer the one in charge of the import (it was found dead, cleaned
    up and retried, or undone meanwhile): it must write nothing more."""


def _lock_if_ours(*, import_id, task_id) -> HistoryImport:
    """The import row, locked, while it is running under this task; else Superseded. Every
    write of the task starts with it, so the task and a clean-up never interleave."""
    found = HistoryImport.objects.select_for_update().filter(pk=import_id, status=ImportStatus.RUNNING).first()
    if found is None or (task_id is not None and str(found.task_id) != str(task_id)):
        raise Superseded
    return found


def run_queued_import(*, user, import_id, task_id=None) -> None:
    """The background task. Writes the workouts a chunk per transaction (so the page's
    progress bar moves), hidden (soft-deleted) until the last transaction shows them all
    at once with the records recomputed: a worker killed mid-task leaves no half import
    in history, only hidden rows that `recover_stale` removes. On a failure the task
    removes what it wrote itself."""
    try:
        with rls_user(user.pk):
            history_import = _lock_if_ours(import_id=import_id, task_id=task_id)
            chosen = history_import.mappings or None
            parsed, mapping, unit = _prepare(user=user, history_import=history_import, chosen=chosen,
                                             unit=history_import.unit)
            history_import.unit = unit
            planned, summary = plan_import(user=user, parsed=parsed, mapping=mapping, unit=unit)
            plans, history_import.created_plans = _plans_for(user=user, names={w.name for w, _ in planned})
            history_import.total, history_import.heartbeat_at = len(planned), timezone.now()
            history_import.save(update_fields=["unit", "created_plans", "total", "heartbeat_at"])
        touched = set()
        for done, chunk in _chunks(planned):
            with rls_user(user.pk):
                _lock_if_ours(import_id=import_id, task_id=task_id)
                touched |= _write_chunk(user=user, history_import=history_import, plans=plans, chunk=chunk,
                                        hidden=True)
                HistoryImport.objects.filter(pk=import_id).update(progress=done, heartbeat_at=timezone.now())
        with rls_user(user.pk):
            _lock_if_ours(import_id=import_id, task_id=task_id)
            WorkoutSession.objects.filter(pk__in=HistoryImportWorkout.objects.filter(
                history_import_id=import_id).values("workout_session_id")).update(deleted_at=None)
            _recompute(user=user, exercise_ids=touched)
            history_import.progress = len(planned)
            _finish(user=user, history_import=history_import, mapping=mapping, summary=summary, chosen=chosen,
                    remember=True)
    except Superseded:
        return
    except Exception as error:
        _fail(user=user, import_id=import_id, task_id=task_id, error=error)
        raise


def _fail(*, user, import_id, task_id, error: Exception) -> None:
    """Remove what this task wrote and say why, unless another attempt is in charge now."""
    with rls_user(user.pk):
        try:
            current = _lock_if_ours(import_id=import_id, task_id=task_id)
        except Superseded:
            return
        _remove(user=user, history_import=current)
        HistoryImport.objects.filter(pk=import_id).update(
            status=ImportStatus.FAILED, error=f"The import stopped ({type(error).__name__}); nothing was kept.")


# A chunk of 200 workouts takes about a second; minutes without a heartbeat mean the
# worker is gone (killed, out of memory, the machine restarted).
STALE_AFTER = timedelta(minutes=5)
INTERRUPTED = "The import was interrupted (the background worker stopped before it finished); nothing was kept."


def is_stale(history_import: HistoryImport, *, now: datetime | None = None) -> bool:
    """Whether a running import has lost its worker: its task row ended (or is gone)
    while the import still says running, or no heartbeat for STALE_AFTER once the task
    started. A task still waiting in the queue (no worker started yet) is not stale. One
    query."""
    from django_tasks_db.models import DBTaskResult

    if history_import.status != ImportStatus.RUNNING:
        return False
    now = now or timezone.now()
    task = DBTaskResult.objects.filter(pk=history_import.task_id).values("status", "started_at").first() \
        if history_import.task_id else None
    if task is None or task["status"] in {"SUCCESSFUL", "FAILED"}:
        return True
    if task["status"] != "RUNNING":
        return False  # queued: waits for a worker
    last = history_import.heartbeat_at or task["started_at"]
    return last is None or now - last > STALE_AFTER


def recover_stale(*, user, history_import: HistoryImport) -> bool:
    """If the import's worker died, remove the hidden rows it had written (records
    recomputed) and mark it failed, keeping the file, choices and unit for a retry.
    Returns whether it did. A row another transaction holds (the worker writing) is
    busy, so not stale."""
    if not is_stale(history_import):
        return False
    locked = HistoryImport.objects.select_for_update(skip_locked=True).filter(
        pk=history_import.pk, status=ImportStatus.RUNNING).first()
    if locked is None or not is_stale(locked):
        return False
    _remove(user=user, history_import=locked)
    locked.status, locked.error, locked.task_id = ImportStatus.FAILED, INTERRUPTED, None
    locked.save(update_fields=["status", "error", "task_id"])
    history_import.refresh_from_db()
    return True


def recover_stale_imports(*, user) -> int:
    """recover_stale for each of the user's running imports (the import page's list).
    One query when none runs."""
    return sum(recover_stale(user=user, history_import=h)
               for h in HistoryImport.objects.filter(user=user, status=ImportStatus.RUNNING))


def retry_import(*, user, history_import: HistoryImport) -> bool:
    """Run a failed (or dead) import again with the same file, choices and unit. What an
    earlier attempt wrote is removed first, and the re-import checks still apply, so
    nothing is added twice."""
    recover_stale(user=user, history_import=history_import)
    locked = HistoryImport.objects.select_for_update().get(pk=history_import.pk)
    if locked.status != ImportStatus.FAILED or not locked.source:
        return False
    _remove(user=user, history_import=locked)  # nothing left normally; a guard
    _enqueue(user=user, history_import=locked)
    return True


def _remove(*, user, history_import: HistoryImport) -> int:
    """Delete exactly what the import added, records recomputed. Inside a transaction."""
    session_ids = list(HistoryImportWorkout.objects.filter(history_import=history_import)
                       .values_list("workout_session_id", flat=True))
    sets = ExerciseSession.objects.filter(workout_session_id__in=session_ids)
    touched = set(sets.values_list("exercise_id", flat=True).distinct())
    # Soft-delete first: sets of deleted sessions count for nothing, so records move off them.
    WorkoutSession.objects.filter(pk__in=session_ids).update(deleted_at=timezone.now())
    _recompute(user=user, exercise_ids=touched)
    sets.delete()
    HistoryImportWorkout.objects.filter(history_import=history_import).delete()
    WorkoutSession.objects.filter(pk__in=session_ids).delete()
    created = [str(p) for p in history_import.created_plans or []]
    used = {str(u) for u in WorkoutSession.objects.filter(workout_plan_id__in=created)
            .values_list("workout_plan_id", flat=True)}
    # A plan the lifter has since given exercises (the plan editor opens it) is theirs now: kept.
    WorkoutPlan.objects.filter(pk__in=[p for p in created if p not in used], user=user,
                               exercises__isnull=True).delete()
    return len(session_ids)


def undo_import(*, user, history_import: HistoryImport) -> int:
    """Remove exactly what the import added (sessions, sets, plans it made), records
    recomputed. Returns the number of sessions removed."""
    with transaction.atomic():
        history_import = HistoryImport.objects.select_for_update().get(pk=history_import.pk)
        if history_import.status != ImportStatus.DONE:
            return 0
        removed = _remove(user=user, history_import=history_import)
        history_import.status, history_import.undone_at = ImportStatus.UNDONE, timezone.now()
        history_import.save(update_fields=["status", "undone_at"])
    return removed


def dry_run(*, user, parsed: ParsedFile, unit: str | None = None) -> dict:
    """The summary an import would have, writing nothing."""
    mapping = match_names(user=user, names=parsed.names)
    return plan_import(user=user, parsed=parsed, mapping=mapping, unit=resolve_unit(parsed, unit))[1]
