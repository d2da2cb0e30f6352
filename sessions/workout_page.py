"""The active workout page as named objects, built in small steps.

A `WorkoutPage` holds `Card`s (one per plan exercise, in plan order), grouped into
`CardGroup`s: a group is one card on the screen, and a superset (consecutive plan
exercises sharing a `workout_exercise.superset` label) is one group whose rows
alternate its exercises set by set. Each card has its `PlannedSet`s; what a set still
to log is pre-filled with is decided by one function, `prefill`.

Five queries whatever the history: plan exercises, swapped-in exercises, this
session's sets, last time, records.
"""

from __future__ import annotations

import functools
import uuid
from collections import defaultdict
from weakref import ref as weak_ref
from dataclasses import dataclass, field
from datetime import datetime, timezone as dt_timezone
from decimal import Decimal
from operator import attrgetter

from django.db import connection
from django.db.models import Exists, OuterRef, Subquery
from django.db.models.base import ModelState
from django.db.models.query import _get_from_db, get_related_populators

from allworkouts import units
from equipment.models import Exercise, ExerciseEquipment
from equipment.selectors import LOADED, load_kind_annotation
from plans.models import WorkoutExercise
from plans.parser import planned_load
from records.models import PersonalRecord, RecordType
from sessions import plates
from sessions.models import ExerciseSession, SetType, WorkoutSession

DEFAULT_REST_SECONDS = 90


def planned_rest(*, user, plan_exercise, exercise) -> int:
    """The rest the timer counts down after a set: the plan's, else the exercise's
    default, else the user's own default (profile), else 90 s. (What is stored with the
    set is the rest actually taken.)"""
    for seconds in (getattr(plan_exercise, "rest_time_seconds", None),
                    getattr(exercise, "default_rest_time_seconds", None), user.default_rest_seconds):
        if seconds:
            return seconds
    return DEFAULT_REST_SECONDS


def rest_ends_at(logged: ExerciseSession | None, rest_seconds: int | None) -> int | None:
    """Epoch milliseconds when the rest after a set ends (wall clock, so the timer
    survives reloads and a phone in a pocket); None without a set or a rest."""
    if logged is None or not rest_seconds:
        return None
    return int(logged.created_at.timestamp() * 1000) + rest_seconds * 1000


@dataclass
class PlannedSet:
    """One row of a card: a set logged, or one still to log with its pre-fill."""
    number: int
    form_id: uuid.UUID | None = None  # a fresh id for a set still to log
    weight: Decimal | None = None  # pre-filled, kg
    reps: int | None = None
    logged: ExerciseSession | None = None
    from_last_time: bool = False  # pre-filled from last time's set of this number
    plates: str = ""  # barbell: plates per side for the pre-fill ("20 + 10"), user's unit
    exercise: Exercise | None = field(default=None, repr=False)
    plan_exercise: WorkoutExercise | None = field(default=None, repr=False)
    # The rest that follows this set: 0 inside a superset round (the next exercise of
    # the round comes straight after), the planned rest at the end of a round.
    rest_after: int = 0
    # A row sent back with what was typed (a refused set): the text as typed, the
    # messages, the RPE/note fields, and whether the weight needs a "yes, really".
    weight_text: str | None = None
    reps_text: str | None = None
    errors: list[str] = field(default_factory=list)
    details: object = None
    confirm: bool = False


@dataclass
class LastTime:
    date: object
    sets: list[ExerciseSession]

    def set_number(self, number: int) -> ExerciseSession | None:
        return next((s for s in self.sets if s.set_number == number), None)

    @property
    def note(self) -> str:
        """Last time's notes on this exercise, joined ("felt heavy; left knee")."""
        return "; ".join(s.notes for s in self.sets if s.notes)


@dataclass
class Card:
    """One plan exercise of the workout."""
    plan_exercise: WorkoutExercise
    exercise: Exercise
    swapped: bool
    sets: list[PlannedSet]
    extra_sets: list[ExerciseSession]
    last: LastTime | None
    records: list[PersonalRecord] = field(default_factory=list)
    planned_rest: int = DEFAULT_REST_SECONDS
    is_first: bool = False  # first / last card of the workout (reorder buttons)
    is_last: bool = False
    # Sets beyond the plan that were only counted, not read (WorkoutData.unread): the
    # answer to a set log shows how many there are, not them.
    unread_extra: int = 0

    @property
    def done(self) -> bool:
        return all(s.logged for s in self.sets)

    @property
    def logged_count(self) -> int:
        return sum(1 for s in self.sets if s.logged) + len(self.extra_sets) + self.unread_extra

    @property
    def next_number(self) -> int:
        """The number an added set gets: after every row the card shows."""
        return len(self.sets) + len(self.extra_sets) + self.unread_extra + 1

    @property
    def latest_logged(self) -> ExerciseSession | None:
        sets = [s.logged for s in self.sets if s.logged] + self.extra_sets
        return max(sets, key=lambda s: s.created_at, default=None)


@dataclass
class CardGroup:
    """What the screen shows as one card: a plan exercise, or a superset of them."""
    cards: list[Card]
    superset: str | None = None

    @property
    def key(self):
        return self.cards[0].plan_exercise.pk

    @property
    def done(self) -> bool:
        return all(c.done for c in self.cards)

    @property
    def rows(self) -> list[PlannedSet]:
        """The planned rows in the order they are done: a superset alternates its
        exercises set by set (A1, B1, A2, B2, ...); a card of one is its own order."""
        if len(self.cards) == 1:
            return self.cards[0].sets
        rounds = max(len(c.sets) for c in self.cards)
        return [c.sets[n] for n in range(rounds) for c in self.cards if n < len(c.sets)]


@dataclass
class Workout:
    cards: list[Card]
    # Sets no plan exercise claims (their exercise left the plan during the workout,
    # or was swapped out twice): still shown, never lost from sight.
    others: list[ExerciseSession]
    groups: list[CardGroup] = field(default_factory=list)

    @property
    def items(self) -> list[Card]:  # the name the session detail page reads
        return self.cards

    @property
    def latest_set(self) -> ExerciseSession | None:
        """The set logged last, wherever it shows (it starts the rest timer)."""
        sets = [s.logged for c in self.cards for s in c.sets if s.logged]
        sets += [s for c in self.cards for s in c.extra_sets] + self.others
        return max(sets, key=lambda s: s.created_at, default=None)

    @property
    def current(self) -> CardGroup | None:
        """The group to do now: the first not done."""
        return next((g for g in self.groups if not g.done), None)

    @property
    def open_group(self) -> CardGroup | None:
        """The group the page opens: the current one, else (all done) the last."""
        return self.current or (self.groups[-1] if self.groups else None)

    def group_of(self, plan_exercise_id) -> CardGroup | None:
        return next((g for g in self.groups for c in g.cards if c.plan_exercise.pk == plan_exercise_id), None)

    def card_of(self, plan_exercise_id) -> Card | None:
        return next((c for c in self.cards if c.plan_exercise.pk == plan_exercise_id), None)

    def next_group(self, group: CardGroup) -> CardGroup | None:
        """The first group after `group` that is not done."""
        later = self.groups[self.groups.index(group) + 1:]
        return next((g for g in later if not g.done), None)

    def rest_after(self, logged: ExerciseSession) -> int:
        """The rest that follows a set just logged: its row's (none inside a superset
        round); a set beyond the plan rests as its card plans."""
        for card in self.cards:
            for row in card.sets:
                if row.logged is not None and row.logged.pk == logged.pk:
                    return row.rest_after
            if any(s.pk == logged.pk for s in card.extra_sets):
                return card.planned_rest
        return 0


def _is_barbell(exercise_ref: str) -> Exists:
    return Exists(ExerciseEquipment.objects.filter(exercise=OuterRef(exercise_ref), equipment__name="Barbell"))


def starting_weight(exercise: Exercise) -> Decimal | None:
    """A first-time set's weight: the catalogue's default; else 0 for bodyweight work;
    else none, so the lifter types it (a pre-filled 0 kg deadlift is one tap from a
    wrong set)."""
    if exercise.default_weight is not None and exercise.default_weight >= 0:
        return exercise.default_weight
    # Bodyweight work starts at "BW" (nothing added); assisted at no assistance typed yet.
    return Decimal(0) if getattr(exercise, "load_kind", LOADED) != LOADED else None


def planned_kg(notes: str | None) -> Decimal | None:
    """The load the plan line named ("Squat 5x5 @ 100kg"), in kg."""
    load = planned_load(notes)
    if load is None:
        return None
    try:
        return units.to_kg(load[0], "imperial" if load[1] == "lb" else "metric")
    except units.WeightError:
        return None


def prefill(*, number: int, last: LastTime | None, lifted: ExerciseSession | None, target: Decimal | None,
            exercise: Exercise, reps_planned: int) -> tuple[Decimal | None, int | None, bool]:
    """What a set still to log is pre-filled with: (weight kg, reps, from last time).

    1. Last time's set of the same number, weight and reps (the lifter repeats or beats it).
    2. Else the weight just lifted in this workout for this exercise, with the plan's reps.
    3. Else the plan's load ("5x5 @ 100 kg"), else the exercise's starting weight
       (`starting_weight`), with the plan's reps.
    """
    before = last.set_number(number) if last else None
    if before is not None:
        return before.weight, before.reps, True
    if lifted is not None and lifted.exercise_id == exercise.pk:
        return lifted.weight, reps_planned, False
    return (target if target is not None else starting_weight(exercise)), reps_planned, False


_LAST_TIME_FROM = """
FROM unnest(ARRAY[{exercise}]::uuid[]) AS wanted(exercise_id)
CROSS JOIN LATERAL (
    -- The latest completed workout with the exercise; only when there is none, the
    -- latest of any (an abandoned one). UNION ALL runs its branches in order and the
    -- LIMIT stops at the first row, so the second branch runs only when needed.
    (SELECT ws.id, ws.created_at FROM workout_session ws
     WHERE ws.user_id = %(user)s AND ws.deleted_at IS NULL AND ws.status = 'completed'
       AND ws.id <> %(session)s AND ws.created_at < %(before)s
       AND EXISTS (SELECT 1 FROM exercise_session x
                   WHERE x.workout_session_id = ws.id AND x.exercise_id = wanted.exercise_id)
     ORDER BY ws.created_at DESC LIMIT 1)
    UNION ALL
    (SELECT ws.id, ws.created_at FROM workout_session ws
     WHERE ws.user_id = %(user)s AND ws.deleted_at IS NULL AND ws.id <> %(session)s
       AND ws.created_at < %(before)s
       AND EXISTS (SELECT 1 FROM exercise_session x
                   WHERE x.workout_session_id = ws.id AND x.exercise_id = wanted.exercise_id)
     ORDER BY ws.created_at DESC LIMIT 1)
    LIMIT 1
) latest
JOIN exercise_session es ON es.workout_session_id = latest.id AND es.exercise_id = wanted.exercise_id
"""
# A set as the page uses it: all but its `updated_at`, which nothing here reads (left
# deferred; a row's timestamps are most of what making it costs, and a set log reads
# every set of its workout).
_SET_FIELDS = [f for f in ExerciseSession._meta.concrete_fields if f.attname != "updated_at"]
_SET_COLUMNS = [f.column for f in _SET_FIELDS]
_SET_ATTNAMES = [f.attname for f in _SET_FIELDS]
_SET_SELECT = ", ".join(f"es.{c}" for c in _SET_COLUMNS)
_LAST_TIME_SELECT = f"SELECT {_SET_SELECT}, latest.created_at {_LAST_TIME_FROM} ORDER BY es.exercise_id, es.set_number"
# What a card shows of a record (its type and value) and what a set log's answer
# replaces it by (records.services); its dates are not read.
_RECORD_FIELDS = ["id", "user_id", "exercise_id", "record_type", "value", "unit", "exercise_session_id"]
_RECORDS_SQL = (f"SELECT {', '.join(_RECORD_FIELDS)} FROM personal_record "
                "WHERE user_id = %(user)s AND exercise_id = ANY(%(exercises)s::uuid[]) ORDER BY record_type")
# The page's reads after the plan's, in one round trip: the records of the given
# exercises (`kind` 2), this session's sets (0) and last time's (1), each kind in its
# own columns, NULLs in the others'. The records come first: a column NULL in the
# first two branches would be typed text, and the others' values would not match it.
_SET_NULLS = ", ".join(["NULL"] * (len(_SET_COLUMNS) + 1))
_RECORD_NULLS = ", ".join(["NULL"] * len(_RECORD_FIELDS))
_RECORDS_BRANCH = f"""
SELECT 2 AS kind, {_SET_NULLS}, {', '.join('pr.' + f for f in _RECORD_FIELDS)} FROM personal_record pr
WHERE pr.user_id = %(user)s AND pr.exercise_id = ANY(ARRAY[{{record}}]::uuid[])
UNION ALL"""
_LAST_TIME_BRANCH = f"""
UNION ALL
(SELECT 1, {_SET_SELECT}, latest.created_at, {_RECORD_NULLS} {_LAST_TIME_FROM} ORDER BY es.exercise_id, es.set_number)
"""
_SETS_AND_LAST_TIME_SELECT = f"""{_RECORDS_BRANCH}
SELECT 0, {_SET_SELECT}, NULL::timestamptz, {_RECORD_NULLS} FROM exercise_session es
WHERE es.workout_session_id = %(session)s{_LAST_TIME_BRANCH}"""


# What the answer to a set log reads of the session's sets: of the exercises its cards
# may show (`_shown_exercise_ids`), in full the sets a card's rows can claim (the first
# `claimable` in claim order: `_claimable`, `_Claims`) and the latest (the card's
# "+ Add set" carries it), and of the rest, sets beyond the plan, only how many (kind
# 3: WorkoutData.unread); of the other exercises only how many each has (kind 0 with
# no id), which is all that tells whether their cards are done. One row per exercise
# counted: its id, and the count where the set number goes. So a long workout
# (hundreds of sets) makes a few objects on a set log, not one per set.
_COUNT_SELECT = ", ".join("es.exercise_id" if c == "exercise_id" else "count(*)::integer" if c == "set_number"
                          else "NULL" for c in _SET_COLUMNS)
_SHOWN_SETS = f"""
WITH shown AS MATERIALIZED (
    SELECT {_SET_SELECT},
           row_number() OVER (PARTITION BY es.exercise_id ORDER BY es.set_number, es.created_at) <= %(claimable)s
           OR es.created_at = max(es.created_at) OVER (PARTITION BY es.exercise_id) AS read_in_full
    FROM exercise_session es
    WHERE es.workout_session_id = %(session)s AND es.exercise_id = ANY(ARRAY[{{shown}}]::uuid[])
)"""
_ANSWER_SETS_SELECT = f"""{_SHOWN_SETS}{_RECORDS_BRANCH}
SELECT 0, {_SET_SELECT}, NULL::timestamptz, {_RECORD_NULLS} FROM shown es WHERE es.read_in_full
UNION ALL
SELECT 3, {_COUNT_SELECT}, NULL, {_RECORD_NULLS} FROM shown es WHERE NOT es.read_in_full GROUP BY es.exercise_id
UNION ALL
SELECT 0, {_COUNT_SELECT}, NULL, {_RECORD_NULLS} FROM exercise_session es
WHERE es.workout_session_id = %(session)s AND es.exercise_id <> ALL(ARRAY[{{shown}}]::uuid[])
GROUP BY es.exercise_id{_LAST_TIME_BRANCH}"""
_SETS_OF_SQL = (f"SELECT {_SET_SELECT} FROM exercise_session es "
                "WHERE es.workout_session_id = %(session)s AND es.exercise_id = ANY(%(exercises)s::uuid[])")


@functools.cache
def _listed(sql: str, name: str, count: int) -> str:
    return sql.replace(f"{{{name}}}", ", ".join(f"%({name}_{n})s" for n in range(count)))


def _with_exercises_listed(sql: str, count: int) -> str:
    """`sql` for `count` exercises, each a parameter of its own (exercise_0, ...) in an
    ARRAY[...] rather than one array parameter: the planner then knows how many rows
    `wanted` has in the statement's generic plan too (it guesses 10 for an array
    parameter, and then never chose that plan), so PostgreSQL plans it once per
    connection, not on every run (~1 ms of a set log's). One statement per count: a set
    log reads two or three, the page one per plan length."""
    return _listed(sql, "exercise", count)


def _last_time_statement(sql: str, *, user, exercise_ids, session: WorkoutSession, **listed) -> tuple[str, dict]:
    """`sql` with its parameters: last time's `exercise_ids` and the other lists it
    takes: the exercises whose records it reads (`record`) and, for
    _ANSWER_SETS_SELECT, those whose sets it reads in full (`shown`)."""
    params = {"user": user.pk, "session": session.pk, "before": session.created_at}
    params.update((f"exercise_{n}", pk) for n, pk in enumerate(exercise_ids))
    sql = _with_exercises_listed(sql, len(exercise_ids))
    for name, ids in listed.items():
        params.update((f"{name}_{n}", pk) for n, pk in enumerate(ids))
        sql = _listed(sql, name, len(ids))
    return sql, params


def _loaded(model, attnames, row):
    """An instance as `model.from_db` makes it from `attnames` (the rest deferred), without
    Model.__init__'s per-field descriptors and signal: a fresh instance has no cached
    relation for them to clear and neither model has a post_init receiver (the tests
    compare the two). A set log makes one per set of its workout, hundreds in a long one,
    and the page one per record of every card."""
    instance = model.__new__(model)
    instance.__dict__.update(zip(attnames, row))
    state = instance._state = ModelState()
    state.adding, state.db = False, "default"
    return instance


_RECORD_ATTNAMES = [PersonalRecord._meta.get_field(name).attname for name in _RECORD_FIELDS]


def _set_of(row) -> ExerciseSession:
    """A set as `ExerciseSession.from_db` makes it (`updated_at` deferred)."""
    return _loaded(ExerciseSession, _SET_ATTNAMES, row)


def _record_of(row) -> PersonalRecord:
    """A record as `PersonalRecord.from_db` makes it from `_RECORD_FIELDS` (its dates deferred)."""
    return _loaded(PersonalRecord, _RECORD_ATTNAMES, row)


def _last_times(rows) -> dict:
    result: dict = {}
    for *columns, date in rows:
        logged = _set_of(columns)
        result.setdefault(logged.exercise_id, LastTime(date=date, sets=[])).sets.append(logged)
    return result


def last_time(*, user, exercise_ids, session: WorkoutSession) -> dict:
    """exercise id -> LastTime: its sets in the user's most recent earlier completed
    session that has any, else the most recent of any status (deleted sessions don't
    count). One query: for each exercise, walk the user's sessions newest first
    (idx_workout_session_user_created) until one has it."""
    if not exercise_ids:
        return {}
    with connection.cursor() as cursor:
        cursor.execute(*_last_time_statement(_LAST_TIME_SELECT, user=user, exercise_ids=exercise_ids,
                                             session=session))
        return _last_times(cursor.fetchall())


def sets_and_last_time_read(*, user, session: WorkoutSession, plan: tuple, focus=None) -> tuple[str, dict, int]:
    """This session's sets, and last time's of the exercises the answer to a set logged
    for `focus` may show (`answer_exercise_ids`; every card's for the page, `focus`
    None), as one SELECT: its SQL, parameters and number of columns (what
    sessions.services.ReadAlong takes, for a set log's INSERT statement to run it).
    For a set log, only what the answer shows of the sets of `_shown_exercise_ids` in
    full, of the others their counts (`_ANSWER_SETS_SELECT`). The records of
    `_record_exercise_ids` come along."""
    last_ids = answer_exercise_ids(plan, focus)
    record_ids = _record_exercise_ids(plan, focus)
    if focus is None:
        sql, params = _last_time_statement(_SETS_AND_LAST_TIME_SELECT, user=user, exercise_ids=last_ids,
                                           session=session, record=record_ids)
    else:
        shown = _shown_exercise_ids(plan, focus)
        sql, params = _last_time_statement(_ANSWER_SETS_SELECT, user=user, exercise_ids=last_ids, session=session,
                                           record=record_ids, shown=shown)
        # One bound for every shown exercise (one parameter): the most any can be claimed.
        claimable = _claimable(plan)
        params["claimable"] = max((claimable[pk] for pk in shown), default=0)
    return sql, params, 1 + len(_SET_COLUMNS) + 1 + len(_RECORD_FIELDS)


# The time a counted-only set stands in with: before any set, never shown.
_COUNTED_AT = datetime.min.replace(tzinfo=dt_timezone.utc)


_EXERCISE_AT, _NUMBER_AT, _CREATED_AT = (_SET_ATTNAMES.index(a) for a in ("exercise_id", "set_number", "created_at"))


def _counted(exercise_id, count: int) -> list[ExerciseSession]:
    """`count` sets of an exercise that only count (numbered 1 to `count`, nothing
    else known): what tells a card not shown whether it is done."""
    row = [None] * len(_SET_ATTNAMES)
    row[_EXERCISE_AT], row[_CREATED_AT] = exercise_id, _COUNTED_AT
    sets = []
    for number in range(1, count + 1):
        row[_NUMBER_AT] = number
        sets.append(_set_of(row))
    return sets


def _claimable(plan: tuple) -> defaultdict:
    """How many sets of each exercise the plan's cards can claim (`_take`: a card takes
    its planned exercise's sets and the swapped-in one's). A counted exercise's sets
    beyond that tell nothing about whether a card is done (they are extra sets or no
    card's), so a set log answer makes no object of them: its work stays the same in a
    workout of hundreds of sets."""
    claimable = defaultdict(int)
    for item, exercise in zip(*plan):
        for exercise_id in {item.exercise_id, exercise.pk}:
            claimable[exercise_id] += item.sets
    return claimable


_DATE_AT = 1 + len(_SET_COLUMNS)  # in a row of sets_and_last_time_read: last time's date, then a record


def _sets_and_last_time(*, user, session: WorkoutSession, plan: tuple, focus=None, rows=None
                        ) -> tuple[list[ExerciseSession], dict, dict, dict]:
    """This session's sets (some only counted, for a set log), last time's, the
    records of `_record_exercise_ids` (by exercise, by type), and how many sets of each
    shown exercise were not read (`WorkoutData.unread`): one query, none when its
    `rows` were read already (`sets_and_last_time_read`)."""
    if rows is None:
        sql, params, _ = sets_and_last_time_read(user=user, session=session, plan=plan, focus=focus)
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            rows = cursor.fetchall()
    sets, records, unread = [], defaultdict(list), {}
    claimable = None
    for row in rows:
        if row[0] == 0:
            columns = row[1:_DATE_AT]
            if columns[0] is not None:
                sets.append(_set_of(columns))
                continue
            claimable = claimable or _claimable(plan)
            exercise_id = columns[_EXERCISE_AT]
            sets += _counted(exercise_id, min(columns[_NUMBER_AT], claimable[exercise_id]))
        elif row[0] == 2:
            record = _record_of(row[_DATE_AT + 1:])
            records[record.exercise_id].append(record)
        elif row[0] == 3:
            unread[row[1 + _EXERCISE_AT]] = row[1 + _NUMBER_AT]
    for mine in records.values():
        mine.sort(key=attrgetter("record_type"))  # the type's order, as the enum's
    return sets, _last_times(row[1:_DATE_AT + 1] for row in rows if row[0] == 1), records, unread


def _sets_of(*, session: WorkoutSession, exercise_ids) -> list[ExerciseSession]:
    """This session's sets of the given exercises, in full (one query)."""
    with connection.cursor() as cursor:
        cursor.execute(_SETS_OF_SQL, {"session": session.pk, "exercises": [str(pk) for pk in exercise_ids]})
        return [_set_of(row) for row in cursor.fetchall()]


def _best_1rm(user_id, exercise_ref: str) -> Subquery:
    """The user's best e1RM of the exercise, for the "did you mean" of a set far above it
    (sessions.services.check_plausible): read with the exercise, no query of its own."""
    return Subquery(PersonalRecord.objects.filter(user_id=user_id, exercise_id=OuterRef(exercise_ref),
                                                  record_type=RecordType.ONE_REP_MAX).values("value")[:1])


def _plan_items_queryset(plan_id, user_id):
    return (WorkoutExercise.objects.filter(workout_plan_id=plan_id)
            .select_related("exercise").annotate(load_kind=load_kind_annotation("exercise"),
                                                 barbell=_is_barbell("exercise"),
                                                 best_1rm=_best_1rm(user_id, "exercise_id"))
            .order_by("sequence"))


class _CompiledPlanItems:
    """`_plan_items_queryset` compiled once per process. Building that query (its
    load-kind and barbell annotations are four subqueries) was most of the Python time
    of a set log and a good part of the page's; its SQL is the same for every plan but
    for the plan's id and the user's, so it is kept, and each call only runs it and
    makes the objects as Django's ModelIterable does (the test compares the two)."""

    PLAN, USER = uuid.UUID(int=14), uuid.UUID(int=15)

    def __init__(self):
        queryset = _plan_items_queryset(self.PLAN, self.USER)
        self.db = queryset.db
        self.compiler = queryset.query.get_compiler(using=self.db)
        self.sql, params = self.compiler.as_sql()
        self.params = list(params)
        self.slots = {sentinel: [i for i, p in enumerate(self.params) if p == sentinel]
                      for sentinel in (self.PLAN, self.USER)}
        assert all(len(slots) == 1 for slots in self.slots.values()), self.slots
        select, klass_info = self.compiler.select, self.compiler.klass_info
        self.converters = self.compiler.get_converters([column[0] for column in select])
        fields = klass_info["select_fields"]
        self.model_slice = slice(fields[0], fields[-1] + 1)
        self.init_list = [column[0].target.attname for column in select[self.model_slice]]
        self.annotations = list(self.compiler.annotation_col_map.items())
        # Django's own pieces of ModelIterable (its fetch mode: how a lazy field loads).
        fetch_mode = queryset._fetch_mode
        self.from_db = _get_from_db(WorkoutExercise, fetch_mode)
        self.track_peers = fetch_mode.track_peers
        self.populators = get_related_populators(klass_info, select, self.db, fetch_mode)

    def __call__(self, plan_id, user_id) -> list[WorkoutExercise]:
        from django.db import connections

        params = list(self.params)
        (plan_slot,), (user_slot,) = self.slots[self.PLAN], self.slots[self.USER]
        params[plan_slot], params[user_slot] = plan_id, user_id
        with connections[self.db].cursor() as cursor:
            cursor.execute(self.sql, params)
            rows = cursor.fetchall()
        if self.converters:
            rows = self.compiler.apply_converters(rows, self.converters)
        items, peers = [], []
        for row in rows:
            item = self.from_db(self.db, self.init_list, row[self.model_slice])
            if self.track_peers:
                peers.append(weak_ref(item))
                item._state.peers = peers
            for populator in self.populators:
                populator.populate(row, item)
            for name, position in self.annotations:
                setattr(item, name, row[position])
            items.append(item)
        return items


_compiled_plan_items: _CompiledPlanItems | None = None


def _plan_items(session: WorkoutSession) -> list[WorkoutExercise]:
    global _compiled_plan_items
    if _compiled_plan_items is None:
        _compiled_plan_items = _CompiledPlanItems()
    items = _compiled_plan_items(session.workout_plan_id, session.user_id)
    for item in items:
        item.exercise.load_kind, item.exercise.barbell = item.load_kind, item.barbell
        item.exercise.best_1rm = item.best_1rm
    return items


def _exercises(session: WorkoutSession, plan_items: list[WorkoutExercise]) -> list[Exercise]:
    """The exercise each plan item is done with today: its own, or the one swapped in."""
    swaps = session.substitutions or {}
    swapped = {str(e.pk): e for e in Exercise.objects.filter(pk__in=swaps.values())
               .annotate(load_kind=load_kind_annotation(), barbell=_is_barbell("pk"),
                         best_1rm=_best_1rm(session.user_id, "pk"))} if swaps else {}
    return [swapped.get(swaps.get(str(i.pk), ""), i.exercise) for i in plan_items]


_CLAIM_ORDER = attrgetter("set_number", "created_at")  # a set's place among its exercise's


class _Claims:
    """This session's sets by exercise, handed out to plan items in logging order."""

    def __init__(self, sets: list[ExerciseSession]):
        self.logged = defaultdict(list)
        for s in sorted(sets, key=_CLAIM_ORDER):
            self.logged[s.exercise_id].append(s)
        self.claimed = defaultdict(int)

    def take(self, exercise_id, count: int) -> list[ExerciseSession]:
        """The next `count` unclaimed sets of an exercise, in the order they were logged."""
        start = self.claimed[exercise_id]
        sets = self.logged[exercise_id][start:start + max(count, 0)]
        self.claimed[exercise_id] += len(sets)
        return sets

    def rest_of(self, exercise_id) -> list[ExerciseSession]:
        return self.take(exercise_id, len(self.logged[exercise_id]))

    def unclaimed(self) -> list[ExerciseSession]:
        return sorted((s for exercise_id, sets in self.logged.items() for s in sets[self.claimed[exercise_id]:]),
                      key=lambda s: s.created_at)


def _take(claims: _Claims, plan_item, exercise) -> list[ExerciseSession]:
    """The sets a plan item claims. Sets of the planned exercise logged before a swap
    fill the first slots; the same exercise twice in a plan: each occurrence takes the
    next sets."""
    mine = claims.take(plan_item.exercise_id, plan_item.sets) if exercise.pk != plan_item.exercise_id else []
    return mine + claims.take(exercise.pk, plan_item.sets - len(mine))


def _card(*, user, plan_item, exercise, claims: _Claims, last: LastTime | None, records, bar, plate_set,
          full: bool = True) -> Card:
    """A plan item's card; not `full`: only which of its rows are logged, by which set
    (what a card the answer to a set log does not show is needed for), no pre-fill."""
    is_swap = exercise.pk != plan_item.exercise_id
    mine = _take(claims, plan_item, exercise)
    if not full:
        rest = planned_rest(user=user, plan_exercise=plan_item, exercise=exercise)
        return Card(plan_exercise=plan_item, exercise=exercise, swapped=is_swap, extra_sets=[], last=last,
                    records=records, planned_rest=rest, sets=[
                        PlannedSet(number=number, logged=mine[number - 1] if number <= len(mine) else None,
                                   exercise=exercise, plan_exercise=plan_item, rest_after=rest)
                        for number in range(1, plan_item.sets + 1)])
    target = None if is_swap else planned_kg(plan_item.notes)  # a swap's load differs
    if target is not None and exercise.barbell and user.unit_system == "imperial":
        # A kg plan line in pounds: the nearest weight the bar can carry.
        target = units.to_kg(plates.loadable(units.from_kg(target, "imperial"), bar=bar, plates=plate_set),
                             "imperial")
    card = Card(plan_exercise=plan_item, exercise=exercise, swapped=is_swap, sets=[], extra_sets=[], last=last,
                records=records, planned_rest=planned_rest(user=user, plan_exercise=plan_item, exercise=exercise))
    lifted = None
    for number in range(1, plan_item.sets + 1):
        done = mine[number - 1] if number <= len(mine) else None
        weight, reps, from_last = prefill(number=number, last=last, lifted=lifted, target=target,
                                          exercise=exercise, reps_planned=plan_item.reps_min)
        side = plates.describe(plates.per_side(units.from_kg(weight, user.unit_system), bar=bar, plates=plate_set)) \
            if exercise.barbell and weight is not None and not done else ""
        card.sets.append(PlannedSet(number=number, logged=done, form_id=None if done else uuid.uuid4(),
                                    weight=weight, reps=reps, from_last_time=from_last, plates=side,
                                    exercise=exercise, plan_exercise=plan_item, rest_after=card.planned_rest))
        if done is not None and done.set_type != SetType.WARMUP:
            lifted = done  # a warm-up's weight is not carried into the working sets
    return card


def _same_span(plan_items, index: int, plan_exercise_id) -> bool:
    return any(index in span and any(plan_items[i].pk == plan_exercise_id for i in span)
               for span in _spans(plan_items))


def _groups(cards: list[Card]) -> list[CardGroup]:
    """Consecutive cards with the same superset label become one group."""
    groups: list[CardGroup] = []
    for card in cards:
        label = getattr(card.plan_exercise, "superset", None)
        if label and groups and groups[-1].superset == label:
            groups[-1].cards.append(card)
        else:
            groups.append(CardGroup(cards=[card], superset=label))
    for group in groups:
        if len(group.cards) == 1:
            group.superset = None  # a label nobody next to it shares groups nothing
            continue
        # Inside a round the next exercise follows at once; the rest comes after the round.
        for row in group.rows:
            row.rest_after = 0
        rounds = max(len(c.sets) for c in group.cards)
        for n in range(rounds):
            last_in_round = [c for c in group.cards if n < len(c.sets)][-1]
            last_in_round.sets[n].rest_after = last_in_round.planned_rest
    return groups


def _spans(plan_items: list[WorkoutExercise]) -> list[range]:
    """The plan items each card group holds, as index ranges (the rule of `_groups`)."""
    spans: list[range] = []
    for index, item in enumerate(plan_items):
        label = getattr(item, "superset", None)
        if label and spans and getattr(plan_items[spans[-1].start], "superset", None) == label:
            spans[-1] = range(spans[-1].start, index + 1)
        else:
            spans.append(range(index, index + 1))
    return spans


def _focus_items(plan_items, exercises, claims: _Claims, focus) -> set[int]:
    """The plan items whose cards the answer to a set logged for plan exercise `focus`
    shows in full: its group's and, when that group is done, the next group not done
    (sessions.views._set_logged sends these and only these). Claims are worked out on
    a copy, as the cards will take them."""
    spans = _spans(plan_items)
    saved = defaultdict(int, claims.claimed)
    done = [len(_take(claims, item, exercise)) >= item.sets for item, exercise in zip(plan_items, exercises)]
    claims.claimed = saved
    wanted: set[int] = set()
    for n, span in enumerate(spans):
        if any(plan_items[i].pk == focus for i in span):
            wanted.update(span)
            if all(done[i] for i in span):
                later = next((s for s in spans[n + 1:] if not all(done[i] for i in s)), None)
                wanted.update(later or ())
            break
    return wanted


# A `focus` no plan exercise has: only the claims (counts, rests), no card in full.
NO_CARD = object()


def _with_exercises(sets: list[ExerciseSession], exercises: dict) -> list[ExerciseSession]:
    """This session's sets with their exercises. `exercises`: those already read (the
    plan's and the swapped-in, with their load kind), handed to the sets of theirs, so
    no query joins them; an exercise no longer in the plan is read apart (one query,
    only then)."""
    missing = {s.exercise_id for s in sets} - exercises.keys()
    if missing:
        exercises = {**exercises, **{e.pk: e for e in Exercise.objects.filter(pk__in=missing)
                                     .annotate(load_kind=load_kind_annotation())}}
    # The relation's cache, not its descriptor: the sets hold these exercises' ids
    # already, and the descriptor's checks were a good part of a long workout's set log.
    cache = ExerciseSession.exercise.field.set_cached_value
    for s in sets:
        cache(s, exercises[s.exercise_id])
    return sets


@dataclass
class WorkoutData:
    """What the page is built from, as read (`read`); `build` makes the page of it."""
    session: WorkoutSession
    plan_items: list[WorkoutExercise]
    exercises: list[Exercise]
    sets: list[ExerciseSession]
    previous: dict
    records: dict
    # The plan items whose cards are made in full (`_card`); None: every one.
    shown: set[int] | None = None
    # exercise id -> how many of its sets were only counted (a set log's answer: those
    # no card's rows can claim, but the latest; `_ANSWER_SETS_SELECT`): extra sets.
    unread: dict = field(default_factory=dict)

    def add(self, logged: ExerciseSession, new_records) -> None:
        """A set logged with the read, and the records it set: the page as a read
        after it would find it (sessions.views.set_log reads the sets in the INSERT
        statement, whose snapshot does not hold the new set)."""
        if any(s.pk == logged.pk for s in self.sets):
            return
        self.sets.append(logged)
        mine = self.records.get(logged.exercise_id)
        if mine is not None:
            changed = {r.record_type: r for r in new_records}
            self.records[logged.exercise_id] = sorted(
                [changed.pop(r.record_type, r) for r in mine] + list(changed.values()), key=lambda r: r.record_type)


def _records(*, user, exercise_ids) -> dict:
    """exercise id -> the user's records of it, by type (one query; none without ids)."""
    records: dict = {pk: [] for pk in exercise_ids}
    if exercise_ids:
        with connection.cursor() as cursor:
            cursor.execute(_RECORDS_SQL, {"user": user.pk, "exercises": [str(pk) for pk in exercise_ids]})
            for row in cursor.fetchall():
                record = _record_of(row)
                records[record.exercise_id].append(record)
    return records


def read_plan(session: WorkoutSession) -> tuple[list[WorkoutExercise], list[Exercise]]:
    """The plan's exercises in order, and the exercise each is done with today (one
    query; two with an exercise swapped in), with their load kind."""
    plan_items = _plan_items(session)
    return plan_items, _exercises(session, plan_items)


def answer_exercise_ids(plan: tuple, focus) -> list:
    """The exercises whose last time the answer to a set logged for plan exercise
    `focus` may show (`plan`: `read_plan`'s answer): its group's and the next group's
    (the one opened when this group is done); every exercise for the page (`focus` None)."""
    plan_items, exercises = plan
    if focus is None:
        guessed = range(len(plan_items))
    else:
        spans = _spans(plan_items)
        at = next((n for n, span in enumerate(spans) if any(plan_items[i].pk == focus for i in span)), None)
        guessed = [i for span in (spans[at:at + 2] if at is not None else []) for i in span]
    return list(dict.fromkeys(exercises[i].pk for i in guessed))


def _record_exercise_ids(plan: tuple, focus) -> list:
    """The exercises whose records the answer to a set logged for `focus` may show:
    the next group's (the one opened when the logged card's group is done; its own
    cards show none); every exercise for the page (`focus` None)."""
    plan_items, exercises = plan
    if focus is None:
        return list(dict.fromkeys(e.pk for e in exercises))
    spans = _spans(plan_items)
    at = next((n for n, span in enumerate(spans) if any(plan_items[i].pk == focus for i in span)), None)
    later = spans[at + 1] if at is not None and at + 1 < len(spans) else ()
    return list(dict.fromkeys(exercises[i].pk for i in later))


def _shown_exercise_ids(plan: tuple, focus) -> list:
    """The exercises whose sets the answer to a set logged for `focus` reads in full:
    those of `answer_exercise_ids`' cards, and the exercises swapped out of them (a
    swapped card shows the sets logged before the swap too)."""
    plan_items, exercises = plan
    last_ids = set(answer_exercise_ids(plan, focus))
    return list(dict.fromkeys(pk for item, exercise in zip(plan_items, exercises) if exercise.pk in last_ids
                              for pk in (exercise.pk, item.exercise_id)))


def read(*, user, session: WorkoutSession, focus=None, adding: Exercise | None = None,
         plan: tuple | None = None, rows: list | None = None) -> WorkoutData:
    """The page's data: the plan, then the session's sets with last time's and the
    cards' records in one read (one query more with an exercise swapped).

    `focus` (a plan exercise's id): only what the answer to a set logged for it shows
    is read in full (sessions.views._set_logged): the sets, last time's and records of
    its group's cards and, when the group is done, the next group's; the other cards'
    sets only counted. A card opened beyond those has its sets read after (one query
    more, rarely). `adding`: the
    exercise of the set being logged (`WorkoutData.add`), counted as logged when
    deciding whether its group is done. `plan`: `read_plan`'s
    answer, when the caller read it already. `rows`: the sets and last time's read
    already, for `answer_exercise_ids` (a set log reads them in its INSERT statement:
    `sets_and_last_time_read`)."""
    plan = plan or read_plan(session)
    plan_items, exercises = plan
    # Last time's sets are read with the session's (one query) for the cards the answer
    # may show (`answer_exercise_ids`). Which are shown depends on the sets, so a card
    # beyond those (the next group done already) is read after.
    guessed_ids = answer_exercise_ids(plan, focus)
    sets, previous, records_read, unread_sets = _sets_and_last_time(user=user, session=session, plan=plan,
                                                                    focus=focus, rows=rows)
    if focus is None:
        wanted = range(len(plan_items))
    else:
        # The set to come is its exercise's latest: the last of its sets in claim order.
        coming = [ExerciseSession(exercise_id=adding.pk, set_number=1 << 30)] if adding is not None else []
        wanted = _focus_items(plan_items, exercises, _Claims(sets + coming), focus)
    wanted_ids = list(dict.fromkeys(exercises[i].pk for i in sorted(wanted)))
    unread = [pk for pk in wanted_ids if pk not in guessed_ids]
    if unread:
        previous.update(last_time(user=user, exercise_ids=unread, session=session))
    if focus is not None:
        # A card the answer sends whole (the next one) shows every set: where its sets
        # were only counted (a card beyond the one after the logged card's), or some of
        # them (extra sets: `unread_sets`), read them in full.
        opened = {pk for i in wanted if not _same_span(plan_items, i, focus)
                  for pk in (exercises[i].pk, plan_items[i].exercise_id)}
        counted = {pk for pk in opened if pk not in _shown_exercise_ids(plan, focus) or unread_sets.get(pk)}
        if counted:
            sets = [s for s in sets if s.exercise_id not in counted] + _sets_of(session=session,
                                                                                exercise_ids=counted)
            unread_sets = {pk: n for pk, n in unread_sets.items() if pk not in counted}
    sets = _with_exercises(sets, {e.pk: e for e in [*(i.exercise for i in plan_items), *exercises]})
    # The focused group's own records are not shown by the answer: only the next card's.
    record_ids = wanted_ids if focus is None else [exercises[i].pk for i in sorted(wanted)
                                                   if plan_items[i].pk != focus and not _same_span(plan_items, i, focus)]
    records = {pk: records_read.get(pk, []) for pk in record_ids}
    unread = set(record_ids) - set(_record_exercise_ids(plan, focus))
    if unread:  # a card opened beyond the next one
        records.update(_records(user=user, exercise_ids=list(unread)))
    return WorkoutData(session=session, plan_items=plan_items, exercises=exercises, sets=sets, previous=previous,
                       records=records, shown=None if focus is None else set(wanted), unread=unread_sets)


def build(*, user, data: WorkoutData) -> Workout:
    """The page from its data: no query."""
    claims = _Claims(data.sets)
    bar, plate_set = plates.equipment_for(user)
    cards = [_card(user=user, plan_item=item, exercise=exercise, claims=claims, last=data.previous.get(exercise.pk),
                   records=data.records.get(exercise.pk, []), bar=bar, plate_set=plate_set,
                   full=data.shown is None or n in data.shown)
             for n, (item, exercise) in enumerate(zip(data.plan_items, data.exercises))]
    # Sets beyond the plan go with the last occurrence of their exercise.
    unread = dict(data.unread)
    for card in reversed(cards):
        card.extra_sets = claims.rest_of(card.exercise.pk)
        card.unread_extra = unread.pop(card.exercise.pk, 0)
    if cards:
        cards[0].is_first, cards[-1].is_last = True, True
    return Workout(cards=cards, others=claims.unclaimed(), groups=_groups(cards))


def workout(*, user, session: WorkoutSession, focus=None) -> Workout:
    """The active workout page (`read`, then `build`)."""
    return build(user=user, data=read(user=user, session=session, focus=focus))
