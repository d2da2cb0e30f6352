"""Progress reads: an exercise over time, its rep maxes, the training calendar and the
weekly sets per muscle group. Each function is one query whatever the history's size.

Warm-up sets count for nothing here (as in records); sets of soft-deleted sessions
neither. Days are the user's days: sessions are bucketed by their start time in the
time zone active for the request.
"""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from django.db import connection
from django.utils import timezone

from records.services import MAX_1RM_REPS

# A set that counts: not a warm-up (NULL is a normal set).
WORKING_SET = "es.set_type IS DISTINCT FROM 'warmup'"
RANGES = {"3m": 92, "1y": 366, "all": None}


def _tz() -> str:
    return timezone.get_current_timezone_name()


def _rows(sql: str, params: dict) -> list[tuple]:
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


@dataclass(frozen=True)
class Day:
    day: dt.date
    session_id: object
    e1rm: Decimal | None
    heaviest: Decimal
    volume: Decimal


@dataclass(frozen=True)
class RepMax:
    reps: int
    weight: Decimal
    day: dt.date
    session_id: object


@dataclass(frozen=True)
class ExerciseHistory:
    days: list[Day]  # the chart's points in the range, oldest first: workouts, or periods' bests
    per: str  # what one point stands for: "workout", or a "week", "month", "quarter", "year"
    rep_maxes: list[RepMax]  # all time, by reps
    sets: int  # every set of it in live workouts, warm-ups included (the set list's count)


MAX_POINTS = 100  # a 360 px chart shows no more, and the page stays small and quick

E1RM = "round(CASE WHEN s.reps = 1 THEN s.weight ELSE s.weight * (1 + s.reps / 30.0) END, 2)"
ESTIMABLE = "s.weight > 0 AND s.reps BETWEEN 1 AND %(max_reps)s"

# The exercise's whole history is read once, into `s`, and every figure of the page is
# taken from it: reading it three times (days, rep maxes, the set list's COUNT) was most
# of the page's time at 100,000 sets. `s` joins the user's live sessions by ws.user_id
# (an index range) instead of leaving the user to the RLS policy alone, whose check on
# each set is then one probe of a hash of those sessions; the sets come from
# idx_exercise_session_exercise_history alone (records/0003, an index-only scan).
#
# The chart's points are made here too, so at most MAX_POINTS rows come back whatever
# the history: one per workout in the range while they fit, else the finest period
# (week, month, quarter, year) whose count fits, each point the period's best e1RM and
# heaviest weight and its largest session volume (and that workout), dated by the
# period's start. The rep maxes and the count are all time.
_HISTORY_SQL = f"""
    WITH s AS MATERIALIZED (
      SELECT ws.id AS session_id, ws.created_at AS at, es.weight, es.reps, es.created_at AS set_at,
             {WORKING_SET} AS working
      FROM workout_session ws JOIN exercise_session es ON es.workout_session_id = ws.id
      WHERE ws.user_id = %(user)s AND ws.deleted_at IS NULL AND es.exercise_id = %(exercise)s
    ), days AS (
      SELECT s.session_id, s.at, (s.at AT TIME ZONE %(tz)s)::date AS day,
             max(CASE WHEN {ESTIMABLE} THEN {E1RM} END) AS e1rm,
             max(s.weight) AS heaviest, sum(s.weight * s.reps) AS volume
      FROM s WHERE s.working AND (%(since)s::timestamptz IS NULL OR s.at >= %(since)s)
      GROUP BY s.session_id, s.at
    ), per AS (
      SELECT CASE WHEN count(*) <= %(max_points)s THEN 'workout'
                  WHEN count(DISTINCT date_trunc('week', day::timestamp)) <= %(max_points)s THEN 'week'
                  WHEN count(DISTINCT date_trunc('month', day::timestamp)) <= %(max_points)s THEN 'month'
                  WHEN count(DISTINCT date_trunc('quarter', day::timestamp)) <= %(max_points)s THEN 'quarter'
                  ELSE 'year' END AS per
      FROM days
    ), points AS (
      SELECT per.per, days.*,
             CASE WHEN per.per = 'workout' THEN days.day
                  ELSE date_trunc(per.per, days.day::timestamp)::date END AS period,
             CASE WHEN per.per = 'workout' THEN days.session_id END AS own  -- a workout is its own point
      FROM days CROSS JOIN per
    ), best AS (  -- the heaviest weight for each rep count ...
      SELECT s.reps, max(s.weight) AS weight FROM s WHERE s.working AND {ESTIMABLE} GROUP BY s.reps
    ), rep_max AS (  -- ... and the earliest set that lifted it
      SELECT DISTINCT ON (s.reps) s.reps, s.weight, s.at, s.session_id
      FROM s JOIN best ON best.reps = s.reps AND best.weight = s.weight
      WHERE s.working ORDER BY s.reps, s.set_at
    )
    SELECT 'day' AS kind, period AS day, (array_agg(session_id ORDER BY volume DESC, at))[1] AS session_id,
           max(e1rm) AS e1rm, max(heaviest) AS heaviest, max(volume) AS volume, NULL::int AS reps,
           min(per) AS per, min(at) AS sort_at
      FROM points GROUP BY period, own
    UNION ALL
    SELECT 'rep_max', (at AT TIME ZONE %(tz)s)::date, session_id, NULL, weight, NULL, reps, NULL, at FROM rep_max
    UNION ALL
    SELECT 'sets', NULL, NULL, NULL, NULL, NULL, count(*)::int, NULL, NULL FROM s
    ORDER BY kind, reps, sort_at"""


def exercise_history(*, user, exercise_id, range_key: str = "1y", max_points: int = MAX_POINTS) -> ExerciseHistory:
    """An exercise's history in one query: the chart's points in the range, oldest first
    (each workout's best estimated 1RM - Epley, a single counts as itself, no estimate
    past 12 reps -, heaviest weight and session volume; past `max_points` workouts the
    bests of each week, month, quarter or year); the heaviest weight for each rep count
    from 1 to 12 over all time (the earliest set on a tie) with its day and workout; and
    how many sets were logged of it."""
    span = RANGES.get(range_key, RANGES["1y"])
    since = timezone.now() - dt.timedelta(days=span) if span else None
    days, per, rep_maxes, sets = [], "workout", [], 0
    for kind, day, session_id, e1rm, heaviest, volume, reps, period, _ in _rows(_HISTORY_SQL, {
            "tz": _tz(), "user": user.pk, "exercise": exercise_id, "since": since, "max_reps": MAX_1RM_REPS,
            "max_points": max_points}):
        if kind == "day":
            days.append(Day(day, session_id, e1rm, heaviest, volume))
            per = period
        elif kind == "rep_max":
            rep_maxes.append(RepMax(reps, heaviest, day, session_id))
        else:
            sets = reps
    return ExerciseHistory(days=days, per=per, rep_maxes=rep_maxes, sets=sets)


@dataclass(frozen=True)
class CalendarDay:
    day: dt.date
    workouts: int


@dataclass
class Month:
    year: int
    month: int
    weeks: list[list[CalendarDay | None]]  # Monday first; None pads outside the month

    @property
    def first(self) -> dt.date:
        return dt.date(self.year, self.month, 1)

    @property
    def previous(self) -> dt.date:
        return (self.first - dt.timedelta(days=1)).replace(day=1)

    @property
    def next(self) -> dt.date:
        return (self.first + dt.timedelta(days=32)).replace(day=1)


def month(*, user, year: int, month: int) -> Month:
    """The month's calendar with the days the user trained (completed or in progress;
    abandoned and deleted workouts don't count)."""
    first = dt.date(year, month, 1)
    last = first.replace(day=calendar.monthrange(year, month)[1])
    rows = _rows("""
        SELECT (created_at AT TIME ZONE %(tz)s)::date AS day, count(*)
        FROM workout_session
        WHERE user_id = %(user)s AND deleted_at IS NULL AND status <> 'abandoned'
          AND created_at >= (%(first)s::date::timestamp AT TIME ZONE %(tz)s)
          AND created_at < ((%(last)s::date + 1)::timestamp AT TIME ZONE %(tz)s)
        GROUP BY day""", {"tz": _tz(), "user": user.pk, "first": first, "last": last})
    trained = dict(rows)
    weeks = [[CalendarDay(d, trained.get(d, 0)) if d.month == month else None for d in week]
             for week in calendar.Calendar(firstweekday=0).monthdatescalendar(year, month)]
    return Month(year=year, month=month, weeks=weeks)


def today() -> dt.date:
    return timezone.localdate()


def week_start(day: dt.date) -> dt.date:
    return day - dt.timedelta(days=day.weekday())


@dataclass(frozen=True)
class Week:
    workouts: int
    sets: int
    records: int


def this_week(*, user) -> Week:
    """Workouts, working sets and records set since Monday (the user's Monday)."""
    start = week_start(today())
    (row,) = _rows(f"""
        SELECT
          (SELECT count(*) FROM workout_session ws WHERE ws.user_id = %(user)s AND ws.deleted_at IS NULL
             AND ws.status <> 'abandoned' AND ws.created_at >= %(start)s),
          (SELECT count(*) FROM exercise_session es JOIN workout_session ws ON ws.id = es.workout_session_id
             WHERE ws.user_id = %(user)s AND ws.deleted_at IS NULL AND ws.created_at >= %(start)s
               AND {WORKING_SET}),
          (SELECT count(*) FROM personal_record WHERE user_id = %(user)s AND achieved_at >= %(start)s)
        """, {"user": user.pk, "start": _local_midnight(start)})
    return Week(*row)


def _local_midnight(day: dt.date) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time()), timezone.get_current_timezone())


def weekly_sets_by_muscle(*, user, weeks: int = 12) -> tuple[list[dt.date], list[tuple[str, list[int]]]]:
    """Working sets per primary muscle group per week, the last `weeks` weeks (this one
    included): (week starts, [(muscle group, [sets per week])]) with the most trained
    group first. A set of an exercise with two primary groups counts for both."""
    starts = [week_start(today()) - dt.timedelta(weeks=n) for n in range(weeks - 1, -1, -1)]
    rows = _rows(f"""
        SELECT muscle, date_trunc('week', ws.created_at AT TIME ZONE %(tz)s)::date AS week, count(*)
        FROM exercise_session es
        JOIN workout_session ws ON ws.id = es.workout_session_id
        JOIN exercise e ON e.id = es.exercise_id
        CROSS JOIN LATERAL unnest(e.primary_muscle_groups) AS muscle
        WHERE ws.user_id = %(user)s AND ws.deleted_at IS NULL AND ws.created_at >= %(since)s
          AND {WORKING_SET}
        GROUP BY muscle, week""", {"tz": _tz(), "user": user.pk, "since": _local_midnight(starts[0])})
    index = {start: i for i, start in enumerate(starts)}
    counts: dict[str, list[int]] = {}
    for muscle, week, count in rows:
        if week in index:
            counts.setdefault(str(muscle), [0] * weeks)[index[week]] = count
    ordered = sorted(counts.items(), key=lambda item: (-sum(item[1]), item[0]))
    return starts, ordered
