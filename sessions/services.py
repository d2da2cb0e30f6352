"""Session writes: start, log/edit/delete sets, swap, complete, abandon, delete.

Every write that touches sets also brings the personal records up to date in the same
transaction (records.services)."""

from __future__ import annotations

import re
import uuid
from datetime import timedelta
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import connection, transaction
from django.utils import timezone

from allworkouts import limits, units
from allworkouts.db import GENERIC_PLANS, from_row
from equipment.models import Exercise
from equipment.selectors import ASSISTED_NAME_PATTERN, is_substitute
from plans.models import WorkoutExercise, WorkoutPlan
from plans.services import plan_exercise_substitute
from records.models import PersonalRecord, RecordType
from records.services import (
    MAX_1RM_REPS, RECORD_COLUMNS, RECORDS_READ_SQL, epley, lock_key, records_after_set_changed,
    records_after_set_logged, records_read, records_recompute,
)
from sessions.models import ExerciseSession, SessionStatus, WorkoutSession

# The limits live on the model (allworkouts.limits); these names stay for callers.
MAX_REPS = limits.MAX_REPS
MAX_REST_SECONDS = limits.MAX_REST_SECONDS
MAX_SET_KG = limits.MAX_SET_KG
# A set this far over the best e1RM of the exercise is asked about once ("did you mean").
IMPLAUSIBLE_OVER_BEST = Decimal("1.5")
# full_clean() without the queries, of what the lifter gave: the foreign keys are the
# locked session and an exercise already looked up, the id (a UUID the form parsed) is
# checked by the INSERT, the number and times are the statement's own, and the
# table's CHECK constraints hold anyway.
_ASSISTED = re.compile(ASSISTED_NAME_PATTERN, re.IGNORECASE)
_NO_QUERY_CLEAN = {"exclude": ["workout_session", "exercise", "id", "set_number", "created_at", "updated_at"],
                   "validate_unique": False, "validate_constraints": False}


class SessionClosed(ValidationError):
    pass


def session_start(*, user, plan: WorkoutPlan, replace: bool = False) -> WorkoutSession:
    """Start a workout from a plan. With one already in progress, refuse unless
    `replace`, in which case the open one is abandoned (kept in history)."""
    with transaction.atomic():
        # The user row serialises starts, so two taps cannot open two sessions.
        get_user_model().objects.select_for_update().filter(pk=user.pk).first()
        open_sessions = WorkoutSession.objects.filter(user=user, status=SessionStatus.IN_PROGRESS,
                                                      deleted_at__isnull=True)
        if open_sessions.exists():
            if not replace:
                raise ValidationError("You already have a workout in progress.")
            open_sessions.update(status=SessionStatus.ABANDONED, updated_at=timezone.now())
        # The wall-clock time, not the transaction's: order and "last time" rely on it.
        return WorkoutSession.objects.create(user=user, workout_plan=plan, created_at=timezone.now())


def _check_open(session: WorkoutSession) -> None:
    if session.deleted_at is not None:
        raise SessionClosed("This workout was deleted.")
    if session.status != SessionStatus.IN_PROGRESS:
        raise SessionClosed(f"This workout is {session.get_status_display().lower()}; "
                            "sets can't be added to it any more.")


_BEST_1RM_SQL = "SELECT value FROM personal_record WHERE user_id = %s AND exercise_id = %s AND record_type = %s LIMIT 1"


def check_plausible(*, user_id, exercise: Exercise, weight_kg: Decimal, reps: int, unit_system: str) -> None:
    """A set more than 50% over the exercise's best e1RM is most likely a typo (an
    extra digit, kg typed as lb): refuse it once with a "did you mean", and the lifter
    logs it again to keep it (the caller passes `confirmed`). One query, none when the
    exercise was read with its `best_1rm` annotated."""
    if hasattr(exercise, "best_1rm"):  # read with the exercise (sessions.forms.exercise_with_load_kind)
        best = exercise.best_1rm
    else:
        # Plain SQL: the ORM's query building was most of this check's time (~1.5 ms).
        with connection.cursor() as cursor:
            cursor.execute(_BEST_1RM_SQL, [user_id, exercise.pk, RecordType.ONE_REP_MAX])
            found = cursor.fetchone()
        best = found[0] if found else None
    if not best or not weight_kg or _ASSISTED.search(exercise.name or ""):
        return  # nothing to compare with; or assistance, where more is easier
    estimate = epley(weight_kg, min(max(reps, 1), MAX_1RM_REPS))
    if estimate is not None and estimate > best * IMPLAUSIBLE_OVER_BEST:
        raise ValidationError({"weight": ValidationError(
            f"That's far above your best ({units.display_e1rm(best, unit_system)} estimated 1RM): "
            f"did you mean less? Tap Log again to keep {units.display(weight_kg, unit_system)}.",
            code="implausible")})


# The session, shared-locked: a set log waits for a completion, abandon or change
# (FOR UPDATE) in progress and holds one off until it commits, but two set logs of one
# workout do not wait for each other. Then the (user, exercise) lock of the records
# (records.services.lock_key), which also hands out the exercise's set numbers one at a
# time. The CTE takes the row lock before the advisory lock is asked for: the order
# set_update, set_delete and session_soft_delete use (session, then records), so no
# deadlock. One statement, one round trip; it reads the whole session, so a set log can
# fetch its session with it (set_log_session). The columns are named, not "*": the
# statement is prepared on the connection (settings: server-side binding), and a
# prepared "*" fails once a migration adds a column to the table. It also has the rest
# of the transaction run its statements with their generic plans (allworkouts.db.GENERIC_PLANS).
_SESSION_FIELDS = WorkoutSession._meta.concrete_fields
_SESSION_COLUMNS = ", ".join(f.column for f in _SESSION_FIELDS)
_LOCK_SQL = f"""
WITH s AS (SELECT {_SESSION_COLUMNS} FROM workout_session WHERE id = %(session)s AND user_id = %(user)s FOR SHARE)
SELECT s.*, pg_advisory_xact_lock(hashtextextended(%(key)s, 0))::text AS records_locked, {GENERIC_PLANS} FROM s
"""


def _locked_session(*, user_id, session_id, exercise_id) -> WorkoutSession | None:
    """The session as it stands once locked (deleted ones too), None if the user has no such one."""
    with connection.cursor() as cursor:
        cursor.execute(_LOCK_SQL, {"session": session_id, "user": user_id,
                                   "key": lock_key(user_id=user_id, exercise_id=exercise_id)})
        row = cursor.fetchone()
    return from_row(WorkoutSession, _SESSION_FIELDS, row[:-2]) if row is not None else None


def set_log_session(*, user, session_id, exercise_id) -> WorkoutSession:
    """The user's live session a set of `exercise_id` is about to be logged into,
    fetched with the locks set_log takes (the session's, the exercise's records'), so
    that set_log(locked=True) spends no statement on them. One statement; raises
    WorkoutSession.DoesNotExist. `exercise_id` is the request's, unchecked: a lock on a
    key no set uses costs nothing, and set_log is told it holds the lock only when the
    exercise it logs is this one."""
    session = _locked_session(user_id=user.pk, session_id=session_id, exercise_id=exercise_id)
    if session is None or session.deleted_at is not None:
        raise WorkoutSession.DoesNotExist("No such workout.")
    return session


# The set, with its number (this exercise's next in the workout) and the rest taken
# since the workout's latest set, read and written in one statement: it runs after the
# locks above, so its snapshot sees every set of the exercise a lock holder committed.
# An id already stored (a repeat; or another user's, which RLS hides) inserts nothing
# and answers no row. The same statement reads what the records engine decides from
# (records.services.records_after_set_logged): the exercise's total in this workout,
# the new set included (the snapshot does not hold it), and its records, one row each
# (none: one row of NULLs).
_INSERT_CTES = """
WITH latest AS (
    SELECT coalesce(max(set_number) FILTER (WHERE exercise_id = %(exercise)s), 0) + 1 AS n,
           max(created_at) AS at,
           coalesce(sum(weight * reps) FILTER (WHERE exercise_id = %(exercise)s
                                               AND set_type IS DISTINCT FROM 'warmup'), 0) AS total
    FROM exercise_session WHERE workout_session_id = %(session)s
), inserted AS (
    INSERT INTO exercise_session (id, workout_session_id, exercise_id, weight, reps, rest_time_seconds,
                                  set_number, set_type, rpe, notes, created_at, updated_at)
    SELECT %(id)s, %(session)s, %(exercise)s, %(weight)s, %(reps)s,
           -- (least() would skip a NULL: no earlier set is no rest, not the cap)
           coalesce(%(rest)s::integer, CASE WHEN latest.at IS NOT NULL THEN
                    least(trunc(extract(epoch FROM %(now)s::timestamptz - latest.at))::integer, %(max_rest)s) END),
           latest.n, %(set_type)s, %(rpe)s, %(notes)s, %(now)s, %(now)s
    FROM latest
    ON CONFLICT (id) DO NOTHING
    RETURNING set_number, rest_time_seconds
)"""
_INSERT_ROWS = f"""
SELECT inserted.set_number, inserted.rest_time_seconds,
       latest.total + CASE WHEN %(set_type)s IS DISTINCT FROM 'warmup' THEN %(weight)s * %(reps)s ELSE 0 END,
       records.*
FROM inserted CROSS JOIN latest LEFT JOIN ({RECORDS_READ_SQL}) records ON true
"""
_INSERT_SQL = _INSERT_CTES + _INSERT_ROWS
# Its columns: the set's number and rest, the total, the records' and their in_session.
_INSERT_WIDTH = 3 + len(RECORD_COLUMNS) + 1


class ReadAlong:
    """A read that rides in a set log's INSERT statement (one round trip, one statement
    fewer): a SELECT with named parameters, whose rows set_log leaves in `rows`. Its
    snapshot is the INSERT's, taken after the locks, so it sees what the write finds
    but not the new set. `rows` stays None where no INSERT ran (the workout is no
    longer open): the caller then reads apart."""

    def __init__(self, sql: str, params: dict, width: int):
        self.sql, self.params, self.width = sql, params, width  # width: the read's columns
        self.rows: list[tuple] | None = None

    def statement(self, insert_params: dict) -> tuple[str, dict]:
        """_INSERT_SQL and the read, one UNION ALL: a first column tells their rows
        apart, NULLs fill the other's columns."""
        shared = insert_params.keys() & self.params.keys()
        if any(insert_params[k] != self.params[k] for k in shared):  # one name, one value (not an assert: -O drops those)
            raise ValueError(f"the set log and its read disagree on {sorted(shared)}")
        nulls = ", ".join(["NULL"] * self.width)
        insert_nulls = ", ".join(["NULL"] * _INSERT_WIDTH)
        # (A data-modifying WITH must be the statement's own: the read joins its list.)
        sql = (f"{_INSERT_CTES}, logged AS ({_INSERT_ROWS})\nSELECT true, logged.*, {nulls} FROM logged\n"
               f"UNION ALL SELECT false, {insert_nulls}, read.* FROM ({self.sql}) read")
        return sql, {**insert_params, **self.params}

    def split(self, rows: list[tuple]) -> list[tuple]:
        """The INSERT's rows; the read's go to `rows`."""
        self.rows = [row[1 + _INSERT_WIDTH:] for row in rows if not row[0]]
        return [row[1:1 + _INSERT_WIDTH] for row in rows if row[0]]


def set_log(*, session: WorkoutSession, set_id: uuid.UUID, exercise: Exercise, weight_kg: Decimal,
            reps: int, rest_time_seconds: int | None = None, set_type: str | None = None,
            rpe: Decimal | None = None, notes: str | None = None, confirmed: bool = True,
            unit_system: str = "metric", locked: bool = False, read_along: ReadAlong | None = None,
            ) -> tuple[ExerciseSession, list[PersonalRecord], bool]:
    """Store one set, idempotently: `set_id` was generated when the form was rendered,
    so a repeated submission finds its set and stores nothing. Returns (set, new PRs,
    created). `rest_time_seconds` is the rest actually taken: by default the time since
    the workout's previous set (capped at an hour; none for the first set); an import
    passes what the file says. The model's validators say what a set may be; unless
    `confirmed`, a set far above the best is asked about first (`check_plausible`; an
    exercise read with `best_1rm` annotated saves its query). `locked`: `session` was
    read by set_log_session for this exercise, in this transaction, with the locks.
    `read_along`: a read to run in the INSERT statement (`ReadAlong`).

    Two statements on the way in, three for a new PR (one fewer when `locked`): the
    locks, the INSERT (which reads the records too, and `read_along`) and the records'
    write (records.services.records_after_set_logged); no savepoint."""
    logged = ExerciseSession(id=set_id, workout_session=session, exercise=exercise, weight=weight_kg, reps=reps,
                             rest_time_seconds=rest_time_seconds, set_number=1, set_type=set_type, rpe=rpe,
                             notes=notes)
    logged.full_clean(**_NO_QUERY_CLEAN)
    if not confirmed:
        check_plausible(user_id=session.user_id, exercise=exercise, weight_kg=weight_kg, reps=reps,
                        unit_system=unit_system)
    stored = None
    # No savepoint: nothing in the block is expected to fail (the model's rules were
    # checked, a taken id inserts nothing), and refusals are raised after it.
    with transaction.atomic(savepoint=False):
        locked_session = session if locked else _locked_session(
            user_id=session.user_id, session_id=session.pk, exercise_id=exercise.pk)
        is_open = (locked_session is not None and locked_session.status == SessionStatus.IN_PROGRESS
                   and locked_session.deleted_at is None)
        with connection.cursor() as cursor:
            if is_open:
                logged.created_at = now = timezone.now()  # the wall clock: order and "last time" rely on it
                logged.updated_at = now
                params = {
                    "id": set_id, "session": session.pk, "exercise": exercise.pk, "weight": weight_kg,
                    "reps": reps, "rest": rest_time_seconds, "now": now, "max_rest": MAX_REST_SECONDS,
                    "set_type": set_type, "rpe": rpe, "notes": notes, "user": session.user_id}
                cursor.execute(*(read_along.statement(params) if read_along else (_INSERT_SQL, params)))
                rows = cursor.fetchall()
                if read_along:
                    rows = read_along.split(rows)
                stored = rows[0] if rows else None
        if stored is not None:
            logged.set_number, logged.rest_time_seconds = stored[:2]
            logged._state.adding = False  # a stored row from here on (save() updates it)
            new_records = records_after_set_logged(user_id=session.user_id, logged_set=logged, locked=True,
                                                   read=records_read([row[2:] for row in rows]))
            return logged, new_records, True
    # Nothing stored: a repeat finds its set (also once the workout is over); else say why.
    existing = ExerciseSession.objects.filter(pk=set_id).first()
    if existing is not None:
        if existing.workout_session_id != session.pk:
            raise ValidationError("That set belongs to another workout.")
        return existing, [], False
    if not is_open:
        if locked_session is None:
            raise SessionClosed("This workout was deleted.")
        _check_open(locked_session)  # as the lock read it: deleted, completed or abandoned meanwhile
    # The id is taken by a row this user cannot see (another user's set).
    raise ValidationError("That set can't be saved. Reload the page and log it again.")


def _lock_live(session_id) -> WorkoutSession:
    """Lock a session that has not been deleted (sets of a deleted one are frozen)."""
    session = WorkoutSession.objects.select_for_update().get(pk=session_id)
    if session.deleted_at is not None:
        raise SessionClosed("This workout was deleted.")
    return session


def set_update(*, logged_set: ExerciseSession, weight_kg: Decimal, reps: int, **details) -> ExerciseSession:
    """Correct a logged set (in the session or later from history): weight, reps and,
    when given, its type, RPE and note; records follow."""
    logged_set.weight, logged_set.reps = weight_kg, reps
    for name, value in details.items():
        if name not in ("set_type", "rpe", "notes"):
            raise TypeError(name)
        setattr(logged_set, name, value)
    logged_set.full_clean(**_NO_QUERY_CLEAN)
    with transaction.atomic():
        session = _lock_live(logged_set.workout_session_id)
        logged_set.save(update_fields=["weight", "reps", *details, "updated_at"])
        # The history is read again only when the change can move a record.
        records_after_set_changed(user_id=session.user_id, logged_set=logged_set)
    return logged_set


def set_delete(*, logged_set: ExerciseSession) -> None:
    """Delete a set; records move off it first, then the set goes."""
    with transaction.atomic():
        session = _lock_live(logged_set.workout_session_id)
        records_after_set_changed(user_id=session.user_id, logged_set=logged_set, deleting=True)
        logged_set.delete()


def session_swap(*, session: WorkoutSession, plan_exercise: WorkoutExercise, substitute: Exercise, user,
                 in_plan: bool = False) -> None:
    """Log later sets of this plan exercise against a substitute. The plan is unchanged
    unless `in_plan`: then the plan exercise itself becomes the substitute (sets, reps
    and rest kept), for this workout and those to come."""
    with transaction.atomic():
        session = WorkoutSession.objects.select_for_update().get(pk=session.pk)
        _check_open(session)
        original = plan_exercise.exercise
        swaps = dict(session.substitutions or {})
        if substitute.pk == original.pk:
            swaps.pop(str(plan_exercise.pk), None)
        elif in_plan:
            # Checks the substitute itself; the plan then names it, so no swap is kept.
            plan_exercise_substitute(plan_exercise=plan_exercise, substitute=substitute, user=user)
            swaps.pop(str(plan_exercise.pk), None)
        elif is_substitute(exercise=original, candidate=substitute, user=user):
            swaps[str(plan_exercise.pk)] = str(substitute.pk)
        else:
            raise ValidationError(f"{substitute.name} doesn't train the same muscles as {original.name} "
                                  "with equipment you own.")
        session.substitutions = swaps or None
        session.save(update_fields=["substitutions", "updated_at"])


def _finish(*, session: WorkoutSession, status: str) -> WorkoutSession:
    with transaction.atomic():
        session = WorkoutSession.objects.select_for_update().get(pk=session.pk)
        _check_open(session)
        session.status = status
        session.save(update_fields=["status", "updated_at"])
    return session


def session_complete(*, session: WorkoutSession) -> WorkoutSession:
    return _finish(session=session, status=SessionStatus.COMPLETED)


def session_abandon(*, session: WorkoutSession) -> WorkoutSession:
    return _finish(session=session, status=SessionStatus.ABANDONED)


RESUME_WITHIN = timedelta(days=1)


def can_resume(session: WorkoutSession) -> bool:
    """An abandoned workout can be taken up again for a day after it was abandoned
    (a stray tap on Abandon loses nothing)."""
    return (session.status == SessionStatus.ABANDONED and session.deleted_at is None
            and session.updated_at >= timezone.now() - RESUME_WITHIN)


def session_resume(*, session: WorkoutSession) -> WorkoutSession:
    with transaction.atomic():
        session = WorkoutSession.objects.select_for_update().get(pk=session.pk)
        if not can_resume(session):
            raise SessionClosed("This workout can't be resumed any more: only an abandoned workout, "
                                "within a day, can.")
        if WorkoutSession.objects.filter(user_id=session.user_id, status=SessionStatus.IN_PROGRESS,
                                         deleted_at__isnull=True).exists():
            raise SessionClosed("Another workout is in progress: finish or abandon it first.")
        session.status = SessionStatus.IN_PROGRESS
        session.save(update_fields=["status", "updated_at"])
    return session


def session_soft_delete(*, session: WorkoutSession) -> None:
    """Hide a session: its sets then count for nothing, so the records of every
    exercise in it are recomputed."""
    with transaction.atomic():
        session = WorkoutSession.objects.select_for_update().get(pk=session.pk)
        if session.deleted_at is not None:
            return
        session.deleted_at = timezone.now()
        if session.status == SessionStatus.IN_PROGRESS:
            session.status = SessionStatus.ABANDONED
        session.save(update_fields=["deleted_at", "status", "updated_at"])
        exercise_ids = set(ExerciseSession.objects.filter(workout_session=session)
                           .values_list("exercise_id", flat=True))
        for exercise_id in sorted(exercise_ids, key=str):  # a fixed order: no lock-order deadlocks
            records_recompute(user_id=session.user_id, exercise_id=exercise_id)
