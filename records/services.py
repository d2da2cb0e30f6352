"""The personal-record engine (DESIGN.md, "Personal records").

- 1rm: best estimated one-rep max over sets with weight > 0 and 1-12 reps; Epley,
  w * (1 + r/30), and exactly w for a single rep.
- set_volume: best weight * reps of one set.
- total_volume: best sum of weight * reps of the exercise within one session; the
  record points at that session's latest set of the exercise.
Sets of soft-deleted sessions and warm-up sets count for nothing. A record with value 0 (bodyweight
work logged at 0 kg) is not kept: it beats nothing.

Bodyweight exercises (equipment.selectors.exercise_load_kind) store the weight added to
the body, so their records are over that added weight: a set at "BW" (0) sets none, a
set at BW + 10 kg earns an e1RM of 10 kg's (monotone in how hard the set was; the body's
own weight is not stored, so no estimate includes it).

Assisted exercises store the assistance, and more assistance is easier: an e1RM or a
volume of their weight would reward it. They hold no record of these kinds (the spec's
record types are all "more is better"), and a record left from before is removed.
Their progress is the least assistance for at least one rep (ties: more reps), read
from the sets when asked (assisted_progress after a set, assisted_bests for a page);
it is not stored, since the spec's record_type enum has no kind for it.

Records of one (user, exercise) are only changed under a transaction-scoped advisory
lock on that pair, so two tabs logging the same exercise at once end exactly where a
recomputation from scratch would.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from django.db import connection
from django.db.models.expressions import RawSQL
from django.utils import timezone

from allworkouts.units import ASSISTED
from equipment.selectors import ASSISTED_NAME_PATTERN
from records.models import PersonalRecord, RecordType
from sessions.models import SetType

CENT = Decimal("0.01")
_ASSISTED = re.compile(ASSISTED_NAME_PATTERN, re.IGNORECASE)
MAX_1RM_REPS = 12


def epley(weight: Decimal, reps: int) -> Decimal | None:
    """Estimated 1RM of a set, or None when the set doesn't qualify."""
    weight = Decimal(weight)
    if weight <= 0 or not 1 <= reps <= MAX_1RM_REPS:
        return None
    value = weight if reps == 1 else weight * (1 + Decimal(reps) / 30)
    return value.quantize(CENT, rounding=ROUND_HALF_UP)


@dataclass(frozen=True)
class Best:
    record_type: str
    value: Decimal
    exercise_session_id: object
    achieved_at: object


def lock_key(*, user_id, exercise_id) -> str:
    """The advisory lock's key for a (user, exercise) (sessions.services.set_log takes
    it in the statement that locks the session)."""
    return f"personal_record:{user_id}:{exercise_id}"


def lock(*, user_id, exercise_id) -> None:
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_advisory_xact_lock(hashtextextended(%s, 0))",
                       [lock_key(user_id=user_id, exercise_id=exercise_id)])


_BEST_SQL = """
WITH sets AS (
    SELECT es.id, es.workout_session_id, es.weight, es.reps, es.created_at, es.set_number
    FROM exercise_session es
    JOIN workout_session ws ON ws.id = es.workout_session_id
    WHERE ws.user_id = %(user)s AND ws.deleted_at IS NULL AND es.exercise_id = %(exercise)s
      AND es.id <> ALL(%(excluding)s::uuid[]) AND es.set_type IS DISTINCT FROM 'warmup'
      -- an assisted exercise's weight is help, not load: no weight-based records
      AND NOT EXISTS (SELECT 1 FROM exercise e WHERE e.id = %(exercise)s AND e.name ~* %(assisted)s)
),
one_rm AS (
    SELECT '1rm' AS record_type,
           round(CASE WHEN reps = 1 THEN weight ELSE weight * (1 + reps / 30.0) END, 2) AS value,
           id, created_at
    FROM sets WHERE weight > 0 AND reps BETWEEN 1 AND 12
    ORDER BY value DESC, created_at, id LIMIT 1
),
set_volume AS (
    SELECT 'set_volume', round(weight * reps, 2) AS value, id, created_at
    FROM sets ORDER BY value DESC, created_at, id LIMIT 1
),
-- Each session's total with its latest set of the exercise, in one pass (a
-- lateral lookup per session would rescan every set: quadratic in the history).
totals AS (
    SELECT DISTINCT ON (workout_session_id)
           sum(weight * reps) OVER session AS value, id, created_at
    FROM sets
    WINDOW session AS (PARTITION BY workout_session_id)
    ORDER BY workout_session_id, created_at DESC, set_number DESC, id DESC
),
total_volume AS (
    SELECT 'total_volume', round(value, 2) AS value, id, created_at
    FROM totals ORDER BY value DESC, created_at, id LIMIT 1
)
SELECT * FROM one_rm UNION ALL SELECT * FROM set_volume UNION ALL SELECT * FROM total_volume
"""


def best_from_sets(*, user_id, exercise_id, excluding=()) -> dict[str, Best]:
    """The records the user's remaining sets of the exercise earn. One query."""
    with connection.cursor() as cursor:
        cursor.execute(_BEST_SQL, {"user": user_id, "exercise": exercise_id, "assisted": ASSISTED_NAME_PATTERN,
                                   "excluding": [str(x) for x in excluding]})
        rows = cursor.fetchall()
    return {t: Best(t, Decimal(v), sid, at) for t, v, sid, at in rows if v is not None and Decimal(v) > 0}


def _apply(*, user_id, exercise_id, best: dict[str, Best], current: dict[str, PersonalRecord]) -> None:
    for record_type in RecordType.values:
        record, target = current.get(record_type), best.get(record_type)
        if target is None:
            if record is not None:
                record.delete()
            continue
        if record is None:
            PersonalRecord.objects.create(
                user_id=user_id, exercise_id=exercise_id, record_type=record_type, value=target.value,
                unit="kg", exercise_session_id=target.exercise_session_id, achieved_at=target.achieved_at)
        elif (record.value, record.exercise_session_id, record.achieved_at) != (
                target.value, target.exercise_session_id, target.achieved_at):
            record.value, record.exercise_session_id = target.value, target.exercise_session_id
            record.achieved_at, record.unit = target.achieved_at, "kg"
            record.save(update_fields=["value", "exercise_session", "achieved_at", "unit", "updated_at"])


def _current(*, user_id, exercise_id) -> dict[str, PersonalRecord]:
    return {r.record_type: r for r in PersonalRecord.objects.filter(user_id=user_id, exercise_id=exercise_id)}


def records_recompute(*, user_id, exercise_id, excluding=()) -> None:
    """Make the exercise's records what the remaining sets earn (after an edit or a
    delete; `excluding` names sets about to be deleted, so no record points at them).
    Call inside a transaction."""
    lock(user_id=user_id, exercise_id=exercise_id)
    best = best_from_sets(user_id=user_id, exercise_id=exercise_id, excluding=excluding)
    _apply(user_id=user_id, exercise_id=exercise_id, best=best,
           current=_current(user_id=user_id, exercise_id=exercise_id))


def _changes_records(*, current: dict[str, PersonalRecord], logged_set, assisted: bool, deleting: bool) -> bool:
    """Whether editing or deleting `logged_set` can change the exercise's records, from
    the records alone (annotated with its session's total as it now stands and whether
    a record's set is of its session): only when the set holds one, its session holds
    the session-volume record, or its new values reach one (ties too: the earlier set
    holds a tie). Otherwise every record keeps its value and its set."""
    if assisted:
        return bool(current)  # a record left from before the rule goes
    if any(r.exercise_session_id == logged_set.pk for r in current.values()):
        return True
    volume_record = current.get(RecordType.TOTAL_VOLUME)
    if volume_record is not None and volume_record.in_session:
        return True
    if deleting or logged_set.set_type == SetType.WARMUP:
        return False  # its session's total only went down, and the set itself counts for nothing
    weight, reps = Decimal(logged_set.weight), logged_set.reps
    session_total = next(iter(current.values())).session_total if current else weight * reps
    candidates = {RecordType.ONE_REP_MAX: epley(weight, reps), RecordType.SET_VOLUME: weight * reps,
                  RecordType.TOTAL_VOLUME: Decimal(session_total)}
    for record_type, value in candidates.items():
        if value is None or value <= 0:
            continue
        record = current.get(record_type)
        if record is None or value.quantize(CENT) >= record.value:
            return True
    return False


def records_after_set_changed(*, user_id, logged_set, deleting: bool = False) -> bool:
    """Bring the exercise's records up to date after `logged_set` was edited (saved
    already) or before it is deleted (`deleting`). The exercise's history is read again
    only when the change can move a record (`_changes_records`): editing or deleting a
    set that holds none and beats none costs the lock and one query, however long the
    history. Returns whether the records were recomputed. Call inside a transaction."""
    exercise_id = logged_set.exercise_id
    lock(user_id=user_id, exercise_id=exercise_id)
    session_id = logged_set.workout_session_id
    total = _SESSION_TOTAL_SQL + (" AND id <> %s" if deleting else "")
    current = {r.record_type: r for r in PersonalRecord.objects.filter(user_id=user_id, exercise_id=exercise_id)
               .annotate(session_total=RawSQL(f"({total})", [session_id, exercise_id, *([logged_set.pk] if deleting
                                                                                         else [])]),
                         in_session=RawSQL(_IN_SESSION_SQL, [session_id]))}
    exercise = logged_set.exercise
    kind = getattr(exercise, "load_kind", None) or getattr(logged_set, "load_kind", None)
    assisted = kind == ASSISTED if kind else bool(_ASSISTED.search(exercise.name or ""))
    if not _changes_records(current=current, logged_set=logged_set, assisted=assisted, deleting=deleting):
        return False
    best = best_from_sets(user_id=user_id, exercise_id=exercise_id, excluding=[logged_set.pk] if deleting else ())
    _apply(user_id=user_id, exercise_id=exercise_id, best=best, current=current)
    return True


# With the exercise's records: the session's total of the exercise (the new set
# included) and whether a record's set is of this session, so one query reads all the
# records engine needs after a set (none for a first set: see records_after_set_logged).
_SESSION_TOTAL_SQL = ("SELECT coalesce(sum(weight * reps), 0) FROM exercise_session WHERE workout_session_id = %s "
                      "AND exercise_id = %s AND set_type IS DISTINCT FROM 'warmup'")
_IN_SESSION_SQL = ("coalesce((SELECT x.workout_session_id = %s FROM exercise_session x "
                   "WHERE x.id = personal_record.exercise_session_id), false)")


# What records_after_set_logged decides from: the exercise's records, each with whether
# its set is of the given session (RECORDS_READ_SQL). They come after the session's
# total of the exercise, one row each, or one row of NULLs when there are none
# (`records_read` reads such rows). sessions.services.set_log reads them in the
# statement that inserts the set (one round trip for both), the total with that set.
RECORD_COLUMNS = [f.column for f in PersonalRecord._meta.concrete_fields]
RECORDS_READ_SQL = (f"SELECT {', '.join('pr.' + c for c in RECORD_COLUMNS)}, "
                    "coalesce((SELECT x.workout_session_id = %(session)s FROM exercise_session x "
                    "WHERE x.id = pr.exercise_session_id), false) AS in_session "
                    "FROM personal_record pr WHERE pr.user_id = %(user)s AND pr.exercise_id = %(exercise)s")
_TOTAL_NAMED = _SESSION_TOTAL_SQL.replace("%s", "%(session)s", 1).replace("%s", "%(exercise)s")
_TOTAL_AND_RECORDS_SQL = (f"SELECT ({_TOTAL_NAMED}), records.* "
                          f"FROM (SELECT) one LEFT JOIN ({RECORDS_READ_SQL}) records ON true")
_ATTNAMES = [f.attname for f in PersonalRecord._meta.concrete_fields]


def records_read(rows) -> tuple[dict[str, PersonalRecord], Decimal]:
    """(records by type, the session's total) from rows of the total, then
    RECORDS_READ_SQL's columns (NULLs: no record)."""
    current = {}
    for total, *values in rows:
        if values[0] is not None:
            record = PersonalRecord.from_db(connection.alias, _ATTNAMES, values[:len(_ATTNAMES)])
            record.in_session = values[len(_ATTNAMES)]
            current[record.record_type] = record
    return current, rows[0][0]


# Every record a set changed, in one statement: the (user, exercise, type) key is
# unique, so a record already stored is updated in place and a new one inserted.
_UPSERT_SQL = """
INSERT INTO personal_record (id, user_id, exercise_id, record_type, value, unit, exercise_session_id,
                             achieved_at, updated_at)
SELECT *, %(now)s::timestamptz
FROM unnest(%(id)s::uuid[], %(user)s::uuid[], %(exercise)s::uuid[], %(type)s::record_type_enum[],
            %(value)s::numeric[], %(unit)s::varchar[], %(set)s::uuid[], %(at)s::timestamptz[])
ON CONFLICT (user_id, exercise_id, record_type) DO UPDATE
SET value = EXCLUDED.value, unit = EXCLUDED.unit, exercise_session_id = EXCLUDED.exercise_session_id,
    achieved_at = EXCLUDED.achieved_at, updated_at = EXCLUDED.updated_at
RETURNING record_type, id, created_at
"""


def _save(records: list[PersonalRecord]) -> None:
    """Store the records a set changed (one statement, none when nothing changed)."""
    if not records:
        return
    now = timezone.now()
    with connection.cursor() as cursor:
        cursor.execute(_UPSERT_SQL, {
            "id": [str(r.pk) for r in records], "user": [str(r.user_id) for r in records],
            "exercise": [str(r.exercise_id) for r in records], "type": [r.record_type for r in records],
            "value": [r.value for r in records], "unit": [r.unit for r in records],
            "set": [str(r.exercise_session_id) for r in records], "at": [r.achieved_at for r in records],
            "now": now})
        stored = {record_type: (pk, created) for record_type, pk, created in cursor.fetchall()}
    for r in records:
        r.pk, r.created_at = stored[r.record_type]
        r.updated_at = now
        r._state.adding = False


def records_after_set_logged(*, user_id, logged_set, locked: bool = False,
                             read: tuple[dict, Decimal] | None = None) -> list[PersonalRecord]:
    """Update the exercise's records for a newly logged set; return those it set (new
    PRs). Call inside the transaction that stored the set; `locked`: the caller holds
    the (user, exercise) lock already; `read`: the caller read the records and the
    session's total of the exercise with the set stored (sessions.services.set_log, in
    its INSERT, as `records_read` gives them). One query to read unless `read`, one to
    write what changed."""
    exercise_id = logged_set.exercise_id
    if logged_set.set_type == SetType.WARMUP:
        return []  # a warm-up counts for nothing: no record, no session volume
    if not locked:
        lock(user_id=user_id, exercise_id=exercise_id)
    session_id = logged_set.workout_session_id
    if read is None:
        with connection.cursor() as cursor:
            cursor.execute(_TOTAL_AND_RECORDS_SQL, {"session": session_id, "user": user_id, "exercise": exercise_id})
            read = records_read(cursor.fetchall())
    current, session_total = read
    weight, reps = Decimal(logged_set.weight), logged_set.reps
    exercise = logged_set.exercise
    kind = getattr(exercise, "load_kind", None)
    assisted = kind == ASSISTED if kind is not None else bool(_ASSISTED.search(exercise.name or ""))
    volume_record = current.get(RecordType.TOTAL_VOLUME)
    if assisted:
        # No weight-based records (see the module's docstring); one left from before
        # this rule goes, as a recomputation would remove it.
        for record in current.values():
            record.delete()
        return []
    changed = []
    volume_record_is_this_session = bool(volume_record and volume_record.in_session)
    if volume_record_is_this_session and volume_record.value == Decimal(session_total).quantize(CENT):
        # A set adding nothing (0 kg) leaves the total as it was, but the record points
        # at its session's latest set, as a recomputation would: move it, no new PR.
        volume_record.exercise_session, volume_record.achieved_at = logged_set, logged_set.created_at
        changed.append(volume_record)
    candidates = {
        RecordType.ONE_REP_MAX: epley(weight, reps),
        RecordType.SET_VOLUME: (weight * reps).quantize(CENT),
        RecordType.TOTAL_VOLUME: Decimal(session_total).quantize(CENT),
    }
    new = []
    for record_type, value in candidates.items():
        if value is None or value <= 0:
            continue
        record = current.get(record_type)
        if record is not None and record.value >= value:
            continue
        first_time = record is None
        if record is None:
            record = PersonalRecord(user_id=user_id, exercise_id=exercise_id, record_type=record_type, unit="kg")
        record.value, record.exercise_session = value, logged_set
        record.achieved_at = logged_set.created_at
        if record not in changed:
            changed.append(record)
        # What the screen makes of it: the first sets of an exercise set its records
        # quietly, and a session-volume record this session already holds only grows.
        record.first_time = first_time
        record.same_session = record_type == RecordType.TOTAL_VOLUME and bool(volume_record_is_this_session)
        new.append(record)
    _save(changed)
    return new


@dataclass(frozen=True)
class AssistedBest:
    """An assisted exercise's best set: the least assistance, most reps on a tie."""
    exercise_id: object
    assistance_kg: Decimal
    reps: int
    exercise_session_id: object
    achieved_at: object


# The best working set of each asked exercise, oldest first on a full tie.
_ASSISTED_BEST_SQL = """
SELECT DISTINCT ON (es.exercise_id) es.exercise_id, es.weight, es.reps, es.id, es.created_at
FROM exercise_session es
JOIN workout_session ws ON ws.id = es.workout_session_id
WHERE ws.user_id = %(user)s AND ws.deleted_at IS NULL AND es.exercise_id = ANY(%(exercises)s::uuid[])
  AND es.id <> ALL(%(excluding)s::uuid[]) AND es.set_type IS DISTINCT FROM 'warmup' AND es.reps >= 1
ORDER BY es.exercise_id, es.weight, es.reps DESC, es.created_at, es.id
"""


def assisted_bests(*, user_id, exercise_ids, excluding=()) -> dict:
    """exercise id -> AssistedBest, for the given exercises the user has logged
    (pass assisted ones: the rule means nothing for loaded work). One query, on the
    sets of those exercises only."""
    if not exercise_ids:
        return {}
    with connection.cursor() as cursor:
        cursor.execute(_ASSISTED_BEST_SQL, {"user": user_id, "exercises": [str(x) for x in exercise_ids],
                                            "excluding": [str(x) for x in excluding]})
        rows = cursor.fetchall()
    return {row[0]: AssistedBest(row[0], Decimal(row[1]), row[2], row[3], row[4]) for row in rows}


@dataclass(frozen=True)
class AssistedProgress:
    """A logged assisted set that beat the user's best before it (or was the first)."""
    assistance_kg: Decimal
    reps: int
    previous: AssistedBest | None  # None: the first working set of the exercise

    @property
    def first_time(self) -> bool:
        return self.previous is None


def assisted_progress(*, user_id, logged_set) -> AssistedProgress | None:
    """Whether a newly logged set of an assisted exercise is progress: less assistance
    than every other working set of the exercise, or as little with more reps. None
    when it is not (more assistance never is), and for a warm-up. One query; call it
    only for an assisted exercise (equipment.selectors.exercise_load_kind)."""
    if logged_set.set_type == SetType.WARMUP:
        return None
    before = assisted_bests(user_id=user_id, exercise_ids=[logged_set.exercise_id],
                            excluding=[logged_set.pk]).get(logged_set.exercise_id)
    weight, reps = Decimal(logged_set.weight), logged_set.reps
    if before is not None and (weight, -reps) >= (before.assistance_kg, -before.reps):
        return None
    return AssistedProgress(assistance_kg=weight, reps=reps, previous=before)
