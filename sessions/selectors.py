"""Session reads: the open session, history, a session's sets and summary (the active
workout page is sessions.workout_page).

Every function runs a fixed number of queries, whatever the size of the history."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

from django.db import connection
from django.db.models import (
    Count, DecimalField, F, Max, OuterRef, QuerySet, Subquery, Sum, Value,
)
from django.db.models.functions import Coalesce, Greatest

from allworkouts.db import GENERIC_PLANS, from_row
from equipment.selectors import load_kind_annotation
from plans.models import PlanKind, WorkoutPlan
from records.models import PersonalRecord
from records.volume import lifted_volume
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
    """A set of a live session of the user, with its exercise's load kind (how its
    weight reads: loaded, bodyweight, assisted) from the same query."""
    logged = (ExerciseSession.objects.select_related("exercise", "workout_session")
              .annotate(load_kind=load_kind_annotation("exercise"))
              .get(pk=set_id, workout_session_id=session_id, workout_session__user=user,
                   workout_session__deleted_at__isnull=True))
    logged.exercise.load_kind = logged.load_kind
    return logged


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
        sets=Count("id"), volume=Sum(lifted_volume()), last=Max("created_at"))
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
                      volume=Coalesce(Subquery(sets.annotate(v=Sum(lifted_volume())).values("v")),
                                      Value(Decimal(0)), output_field=DecimalField()),
                      last_set_at=Subquery(sets.annotate(m=Max("created_at")).values("m")),
                      pr_count=Coalesce(Subquery(records), 0))
            .order_by("-created_at"))


def session_sets(*, session: WorkoutSession) -> list[ExerciseSession]:
    """Every set of a session with its exercise (and how its weight reads) and the
    records it holds. Two queries."""
    sets = list(ExerciseSession.objects.filter(workout_session=session).select_related("exercise")
                .annotate(load_kind=load_kind_annotation("exercise")).order_by("created_at", "set_number"))
    holders = defaultdict(list)
    for r in PersonalRecord.objects.filter(exercise_session__in=[s.pk for s in sets]):
        holders[r.exercise_session_id].append(r)
    for s in sets:
        s.records_held = holders[s.pk]
    return sets



@dataclass
class WorkoutNote:
    date: datetime
    notes: str


_SESSION_FIELDS = WorkoutSession._meta.concrete_fields
_PLAN_FIELDS = WorkoutPlan._meta.concrete_fields
# The session with its plan and the note of the latest earlier workout of the same plan
# (or of the plan a workout's copy came from) that has one. Plain SQL: the ORM's
# building of the note's query (an OR across a join) cost more than running it. The
# columns are named, not "*": the statement is prepared on the connection.
_WORKOUT_SESSION_SQL = f"""
SELECT {", ".join(f"ws.{f.column}" for f in _SESSION_FIELDS)}, {", ".join(f"wp.{f.column}" for f in _PLAN_FIELDS)},
       note.created_at, note.notes, {GENERIC_PLANS}
FROM workout_session ws
JOIN workout_plan wp ON wp.id = ws.workout_plan_id
LEFT JOIN LATERAL (
    SELECT e.created_at, e.notes FROM workout_session e JOIN workout_plan ep ON ep.id = e.workout_plan_id
    WHERE e.user_id = ws.user_id AND e.deleted_at IS NULL AND e.created_at < ws.created_at
      AND e.notes IS NOT NULL AND e.id <> ws.id
      AND (e.workout_plan_id IN (wp.id, wp.source_plan_id) OR ep.source_plan_id IN (wp.id, wp.source_plan_id))
    ORDER BY e.created_at DESC LIMIT 1
) note ON true
WHERE ws.id = %(session)s AND ws.user_id = %(user)s AND ws.deleted_at IS NULL
"""


def workout_session(*, user, session_id) -> tuple[WorkoutSession, WorkoutNote | None]:
    """`session_for_user` for the workout page, with the note shown there: the latest
    earlier workout's of the same plan that has one (`WorkoutNote`). One query, which
    has the page's others run with their generic plans (allworkouts.db.GENERIC_PLANS);
    raises WorkoutSession.DoesNotExist."""
    with connection.cursor() as cursor:
        cursor.execute(_WORKOUT_SESSION_SQL, {"session": session_id, "user": user.pk})
        row = cursor.fetchone()
    if row is None:
        raise WorkoutSession.DoesNotExist("No such workout.")
    plan_at = len(_SESSION_FIELDS)
    note_at = plan_at + len(_PLAN_FIELDS)
    session = from_row(WorkoutSession, _SESSION_FIELDS, row[:plan_at])
    session.workout_plan = from_row(WorkoutPlan, _PLAN_FIELDS, row[plan_at:note_at])
    date, notes, _ = row[note_at:]
    return session, (WorkoutNote(date=date, notes=notes) if date is not None else None)

