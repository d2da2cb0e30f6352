"""Session reads: the open session, the active workout page, last time, history.

Every function runs a fixed number of queries, whatever the size of the history."""

from __future__ import annotations

import uuid
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal

from django.db import connection
from django.db.models import (
    Count, DecimalField, Exists, F, Max, OuterRef, QuerySet, Subquery, Sum, Value,
)
from django.db.models.functions import Coalesce, Greatest

from allworkouts import units
from equipment.catalog import BODYWEIGHT
from equipment.models import Exercise, ExerciseEquipment
from plans.models import PlanKind, WorkoutExercise, WorkoutPlan
from plans.parser import planned_load
from records.models import PersonalRecord
from sessions import plates
from sessions.models import ExerciseSession, SessionStatus, WorkoutSession


def plans_to_start(*, user, limit: int = 5) -> list[WorkoutPlan]:
    """The user's plans that have exercises, least recently completed first: in a split
    (Day 1, Day 2, Day 3 as plans) the day that is due comes up first. A workout done on
    a plan's adhoc copy (an exercise added or the order changed that day) counts as
    done for the plan. One query."""
    def last_completed(**plan):
        return Subquery(WorkoutSession.objects.filter(status=SessionStatus.COMPLETED, deleted_at__isnull=True, **plan)
                        .order_by("-created_at").values("created_at")[:1])

    # PostgreSQL's GREATEST skips NULLs: a plan done only directly, or only as a copy.
    last_done = Greatest(last_completed(workout_plan=OuterRef("pk")),
                         last_completed(workout_plan__source_plan=OuterRef("pk"), workout_plan__kind=PlanKind.ADHOC))
    return list(WorkoutPlan.objects.filter(user=user, deleted_at__isnull=True, kind__isnull=True)
                .annotate(exercise_count=Count("exercises"), last_done=last_done)
                .filter(exercise_count__gt=0)
                .order_by(F("last_done").asc(nulls_first=True), "-created_at")[:limit])


def recent_records(*, user, limit: int = 3) -> list[PersonalRecord]:
    return list(PersonalRecord.objects.filter(user=user).select_related("exercise")
                .order_by("-achieved_at", "record_type")[:limit])


def in_progress_session(*, user) -> WorkoutSession | None:
    return (WorkoutSession.objects.filter(user=user, status=SessionStatus.IN_PROGRESS, deleted_at__isnull=True)
            .select_related("workout_plan").order_by("-created_at").first())


def session_for_user(*, user, session_id) -> WorkoutSession:
    """A live (not deleted) session of the user; raises WorkoutSession.DoesNotExist."""
    return (WorkoutSession.objects.filter(user=user, deleted_at__isnull=True)
            .select_related("workout_plan").get(pk=session_id))


def set_for_user(*, user, session_id, set_id) -> ExerciseSession:
    return (ExerciseSession.objects.select_related("exercise", "workout_session")
            .get(pk=set_id, workout_session_id=session_id, workout_session__user=user,
                 workout_session__deleted_at__isnull=True))


@dataclass
class LastTime:
    date: datetime
    sets: list[ExerciseSession]

    def set_number(self, number: int) -> ExerciseSession | None:
        return next((s for s in self.sets if s.set_number == number), None)


_LAST_TIME_SQL = """
SELECT es.id, es.exercise_id, es.weight, es.reps, es.set_number, latest.created_at
FROM unnest(%(exercises)s::uuid[]) AS wanted(exercise_id)
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
ORDER BY es.exercise_id, es.set_number
"""


def last_time(*, user, exercise_ids, session: WorkoutSession) -> dict:
    """exercise id -> LastTime: its sets in the user's most recent earlier completed
    session that has any, else the most recent of any status (deleted sessions don't
    count). One query: for each exercise, walk the
    user's sessions newest first (idx_workout_session_user_created) until one has it."""
    if not exercise_ids:
        return {}
    with connection.cursor() as cursor:
        cursor.execute(_LAST_TIME_SQL, {"exercises": [str(e) for e in exercise_ids], "user": user.pk,
                                        "session": session.pk, "before": session.created_at})
        rows = cursor.fetchall()
    result: dict = {}
    for set_id, exercise_id, weight, reps, number, date in rows:
        entry = result.setdefault(exercise_id, LastTime(date=date, sets=[]))
        entry.sets.append(ExerciseSession(id=set_id, exercise_id=exercise_id, weight=weight, reps=reps,
                                          set_number=number))
    return result


@dataclass
class PlannedSet:
    number: int
    form_id: uuid.UUID | None = None  # a fresh id for a set still to log
    weight: Decimal | None = None  # pre-filled, kg
    reps: int | None = None
    logged: ExerciseSession | None = None
    from_last_time: bool = False  # pre-filled from last time's set of this number
    plates: str = ""  # barbell: plates per side for the pre-fill ("20 + 10"), user's unit


@dataclass
class WorkoutItem:
    """One plan exercise on the active workout page."""
    plan_exercise: WorkoutExercise
    exercise: Exercise
    swapped: bool
    sets: list[PlannedSet]
    extra_sets: list[ExerciseSession]
    last: LastTime | None
    records: list[PersonalRecord] = field(default_factory=list)

    @property
    def done(self) -> bool:
        return all(s.logged for s in self.sets)

    @property
    def logged_count(self) -> int:
        return sum(1 for s in self.sets if s.logged) + len(self.extra_sets)


def _is_bodyweight(exercise_ref: str) -> Exists:
    return Exists(ExerciseEquipment.objects.filter(exercise=OuterRef(exercise_ref), equipment__name=BODYWEIGHT))


def _is_barbell(exercise_ref: str) -> Exists:
    return Exists(ExerciseEquipment.objects.filter(exercise=OuterRef(exercise_ref), equipment__name="Barbell"))


def _starting_weight(exercise: Exercise) -> Decimal | None:
    """A first-time set's weight: the catalogue's default; else 0 for bodyweight work;
    else none, so the lifter types it (a pre-filled 0 kg deadlift is one tap from a
    wrong set)."""
    if exercise.default_weight is not None:
        return exercise.default_weight
    return Decimal(0) if exercise.bodyweight else None


def _planned_kg(notes: str | None) -> Decimal | None:
    """The load the plan line named ("Squat 5x5 @ 100kg"), in kg."""
    load = planned_load(notes)
    if load is None:
        return None
    try:
        return units.to_kg(load[0], "imperial" if load[1] == "lb" else "metric")
    except units.WeightError:
        return None


@dataclass
class Workout:
    items: list[WorkoutItem]
    # Sets no plan exercise claims (their exercise left the plan during the workout,
    # or was swapped out twice): still shown, never lost from sight.
    others: list[ExerciseSession]

    @property
    def latest_set(self) -> ExerciseSession | None:
        """The set logged last, wherever it shows (it starts the rest timer)."""
        sets = [s.logged for i in self.items for s in i.sets if s.logged]
        sets += [s for i in self.items for s in i.extra_sets] + self.others
        return max(sets, key=lambda s: s.created_at, default=None)


def workout(*, user, session: WorkoutSession) -> Workout:
    """The active workout page's data. Five queries: plan exercises, swapped-in
    exercises, this session's sets, last time, records."""
    plan_items = list(WorkoutExercise.objects.filter(workout_plan_id=session.workout_plan_id)
                      .select_related("exercise").annotate(bodyweight=_is_bodyweight("exercise"),
                                                           barbell=_is_barbell("exercise"))
                      .order_by("sequence"))
    for item in plan_items:
        item.exercise.bodyweight, item.exercise.barbell = item.bodyweight, item.barbell
    swaps = session.substitutions or {}
    swapped = {str(e.pk): e for e in Exercise.objects.filter(pk__in=swaps.values())
               .annotate(bodyweight=_is_bodyweight("pk"), barbell=_is_barbell("pk"))} if swaps else {}
    logged = defaultdict(list)
    for s in (ExerciseSession.objects.filter(workout_session=session).select_related("exercise")
              .order_by("set_number", "created_at")):
        logged[s.exercise_id].append(s)
    claimed = defaultdict(int)

    def take(exercise_id, count: int) -> list[ExerciseSession]:
        """The next `count` unclaimed sets of an exercise, in the order they were logged."""
        sets = logged[exercise_id][claimed[exercise_id]:claimed[exercise_id] + count]
        claimed[exercise_id] += len(sets)
        return sets

    exercises = [swapped.get(swaps.get(str(i.pk), ""), i.exercise) for i in plan_items]
    previous = last_time(user=user, exercise_ids=[e.pk for e in exercises], session=session)
    records = defaultdict(list)
    for r in PersonalRecord.objects.filter(user=user, exercise_id__in=[e.pk for e in exercises]).order_by("record_type"):
        records[r.exercise_id].append(r)
    bar, plate_set = plates.equipment_for(user)
    items = []
    for plan_item, exercise in zip(plan_items, exercises):
        is_swap = exercise.pk != plan_item.exercise_id
        # Sets of the planned exercise logged before a swap fill the first slots; the
        # same exercise twice in a plan: each occurrence takes the next sets.
        mine = take(plan_item.exercise_id, plan_item.sets) if is_swap else []
        mine += take(exercise.pk, plan_item.sets - len(mine))
        last = previous.get(exercise.pk)
        target = None if is_swap else _planned_kg(plan_item.notes)  # a swap's load differs
        if target is not None and exercise.barbell and user.unit_system == "imperial":
            # A kg plan line in pounds: the nearest weight the bar can carry.
            target = units.to_kg(plates.loadable(units.from_kg(target, "imperial"), bar=bar, plates=plate_set),
                                 "imperial")
        planned, lifted = [], None
        for number in range(1, plan_item.sets + 1):
            done = mine[number - 1] if number <= len(mine) else None
            before = last.set_number(number) if last else None
            if before:
                weight, reps = before.weight, before.reps
            else:
                # Nothing to go on from last time: the weight just lifted, else the
                # plan's load, else the exercise's starting weight.
                weight = lifted.weight if lifted and lifted.exercise_id == exercise.pk else \
                    (target if target is not None else _starting_weight(exercise))
                reps = plan_item.reps_min
            side = plates.describe(plates.per_side(units.from_kg(weight, user.unit_system), bar=bar, plates=plate_set)) \
                if exercise.barbell and weight is not None and not done else ""
            planned.append(PlannedSet(number=number, logged=done, form_id=None if done else uuid.uuid4(),
                                      weight=weight, reps=reps, from_last_time=before is not None,
                                      plates=side))
            lifted = done or lifted
        items.append(WorkoutItem(plan_exercise=plan_item, exercise=exercise, swapped=is_swap,
                                 sets=planned, extra_sets=[], last=last, records=records[exercise.pk]))
    # Sets beyond the plan go with the last occurrence of their exercise.
    for item in reversed(items):
        item.extra_sets = take(item.exercise.pk, len(logged[item.exercise.pk]))
    others = sorted((s for exercise_id, sets in logged.items() for s in sets[claimed[exercise_id]:]),
                    key=lambda s: s.created_at)
    return Workout(items=items, others=others)


@dataclass
class Summary:
    sets: int
    volume_kg: Decimal
    started: datetime
    finished: datetime | None
    new_records: list[PersonalRecord]

    @property
    def duration_minutes(self) -> int:
        end = self.finished or self.started
        return max(0, int((end - self.started).total_seconds() // 60))


def summary(*, session: WorkoutSession) -> Summary:
    """Totals of a session and the records its sets hold. Two queries."""
    totals = ExerciseSession.objects.filter(workout_session=session).aggregate(
        sets=Count("id"), volume=Sum(F("weight") * F("reps")), last=Max("created_at"))
    records = list(PersonalRecord.objects.filter(exercise_session__workout_session=session)
                   .select_related("exercise").order_by("exercise__name", "record_type"))
    finished = session.updated_at if session.status != SessionStatus.IN_PROGRESS else totals["last"]
    return Summary(sets=totals["sets"], volume_kg=totals["volume"] or Decimal(0), started=session.created_at,
                   finished=finished, new_records=records)


def history(*, user, status: str = "", plan_id=None, date_from=None, date_to=None) -> QuerySet[WorkoutSession]:
    """The user's sessions, newest first, with set count, volume, PR count, duration."""
    sessions = WorkoutSession.objects.filter(user=user, deleted_at__isnull=True)
    if status:
        sessions = sessions.filter(status=status)
    if plan_id:
        # A plan's workouts include those done on its adhoc copies (sessions.workout_changes).
        sessions = sessions.filter(workout_plan_id=plan_id) | sessions.filter(
            workout_plan__source_plan_id=plan_id, workout_plan__kind=PlanKind.ADHOC)
    if date_from:
        sessions = sessions.filter(created_at__date__gte=date_from)
    if date_to:
        sessions = sessions.filter(created_at__date__lte=date_to)
    # Subqueries, not joins: joining sets and records at once would multiply the sums.
    sets = ExerciseSession.objects.filter(workout_session=OuterRef("pk")).values("workout_session")
    records = (PersonalRecord.objects.filter(exercise_session__workout_session=OuterRef("pk"))
               .values("user").annotate(n=Count("id")).values("n"))
    return (sessions.select_related("workout_plan")
            .annotate(set_count=Coalesce(Subquery(sets.annotate(n=Count("id")).values("n")), 0),
                      volume=Coalesce(Subquery(sets.annotate(v=Sum(F("weight") * F("reps"))).values("v")),
                                      Value(Decimal(0)), output_field=DecimalField()),
                      last_set_at=Subquery(sets.annotate(m=Max("created_at")).values("m")),
                      pr_count=Coalesce(Subquery(records), 0))
            .order_by("-created_at"))


def session_sets(*, session: WorkoutSession) -> list[ExerciseSession]:
    """Every set of a session with its exercise and the records it holds. Two queries."""
    sets = list(ExerciseSession.objects.filter(workout_session=session).select_related("exercise")
                .order_by("created_at", "set_number"))
    holders = defaultdict(list)
    for r in PersonalRecord.objects.filter(exercise_session__in=[s.pk for s in sets]):
        holders[r.exercise_session_id].append(r)
    for s in sets:
        s.records_held = holders[s.pk]
    return sets

