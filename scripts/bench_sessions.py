"""Speed of the gym screens with a long history: the set-log POST and the active
workout page for a user with 100,000 logged sets, against a user with 100.

    .venv/bin/python scripts/bench_sessions.py [--sets 100000] [--small 100]
                                               [--requests 300] [--explain] [--keep]

Requests go through Django's test Client: the whole middleware stack (sessions,
CSRF, the row-level-security transaction) and every query against the real
PostgreSQL (the embedded one unless DATABASE_URL is set), as the app's role that RLS
applies to; only the HTTP server is left out. Production settings (DEBUG off), as in
the test suite.

The script works in a database of its own (`<name>_bench`), created, migrated and
seeded here and dropped at the end (--keep leaves it for a look with psql; the next
run replaces it). Both users live in that database, so the small user's queries run
over indexes that hold the big user's 100,000 sets too.

Each measured round is what a lifter does between sets: load the workout page, log a
set over HTMX. After a plan's worth of sets the session is completed and the next
one started (not timed), so the page is measured at every stage of a workout.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
import uuid
import warnings
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "allworkouts.settings_test")

import django  # noqa: E402

# Three days of a push/pull/legs split, 6 exercises each: (name, sets, reps_min,
# reps_max, rest seconds, starting kg). The big user's history cycles through them.
SPLIT = {
    "Push": [("Barbell Bench Press - Medium Grip", 5, 5, 8, 180, 60), ("Standing Military Press", 4, 6, 8, 150, 40),
             ("Incline Dumbbell Press", 4, 8, 12, 120, 22), ("Dips - Triceps Version", 3, 8, 12, 90, 0),
             ("Side Lateral Raise", 4, 12, 15, 60, 8), ("Triceps Pushdown", 3, 10, 15, 60, 25)],
    "Pull": [("Barbell Deadlift", 5, 3, 5, 240, 100), ("Pullups", 4, 5, 10, 150, 0),
             ("Bent Over Barbell Row", 4, 6, 10, 120, 60), ("Seated Cable Rows", 4, 8, 12, 90, 50),
             ("Face Pull", 3, 12, 15, 60, 20), ("Barbell Curl", 4, 8, 12, 60, 30)],
    "Legs": [("Barbell Squat", 5, 5, 8, 180, 80), ("Romanian Deadlift", 4, 6, 10, 150, 70),
             ("Leg Press", 4, 10, 15, 120, 120), ("Lying Leg Curls", 4, 10, 15, 90, 35),
             ("Leg Extensions", 3, 12, 15, 60, 40), ("Standing Calf Raises", 4, 10, 15, 60, 60)],
}


def _setup_database() -> str:
    """Create the benchmark database and point the connection at it; returns the
    name of the app's own database (which is left alone)."""
    django.setup()
    from django.db import connection

    settings_dict = connection.settings_dict
    original = settings_dict["NAME"]
    name = settings_dict["TEST"]["NAME"] = f"{original}_bench"
    with connection.creation._nodb_cursor() as cursor:  # a kept one from an earlier run
        cursor.execute(f'DROP DATABASE IF EXISTS "{name}"')
    # Creates and migrates the database, which seeds the exercise catalogue.
    connection.creation.create_test_db(verbosity=0, serialize=False)
    # Static files come from the finders (no collectstatic here), as in the tests.
    warnings.filterwarnings("ignore", "No directory at")
    return original


def _make_user(email: str):
    from django.db import transaction

    from allworkouts.models import User

    with transaction.atomic():
        return User.objects.create_user(email, password=uuid.uuid4().hex)


def _make_plans(user) -> list:
    from allworkouts.db import rls_user
    from equipment.models import Exercise
    from plans.services import ExerciseSpec, plan_create

    names = {row[0] for day in SPLIT.values() for row in day}
    catalogue = {e.name: e for e in Exercise.objects.filter(name__in=names)}
    missing = names - catalogue.keys()
    if missing:
        sys.exit(f"Not in the catalogue: {sorted(missing)}")
    with rls_user(user.pk):
        return [plan_create(user=user, name=day, exercises=[
            ExerciseSpec(exercise=catalogue[name], sets=sets, reps_min=low, reps_max=high, rest_time_seconds=rest)
            for name, sets, low, high, rest, _ in rows]) for day, rows in SPLIT.items()]


_SESSIONS_SQL = """
INSERT INTO workout_session (id, user_id, workout_plan_id, status, created_at, updated_at)
SELECT gen_random_uuid(), %(user)s, (%(plans)s::uuid[])[1 + i %% 3],
       -- one in twenty abandoned; the rest completed
       (CASE WHEN i %% 20 = 19 THEN 'abandoned' ELSE 'completed' END)::session_status_enum,
       %(first)s + i * interval '42 hours', %(first)s + i * interval '42 hours' + interval '75 minutes'
FROM generate_series(0, %(sessions)s - 1) AS i
"""

# Every planned set of every session, oldest first, cut at exactly the number wanted.
# Weights climb slowly over the years with day-to-day noise, in 2.5 kg steps, so
# records are spread over the history rather than all in the last session.
_SETS_SQL = """
INSERT INTO exercise_session (id, workout_session_id, exercise_id, weight, reps, rest_time_seconds,
                              set_number, created_at, updated_at)
SELECT gen_random_uuid(), ws.id, we.exercise_id,
       CASE WHEN start.kg = 0 THEN 0
            ELSE round((start.kg * (1 + 0.6 * ws.ordinal / %(sessions)s) * (0.9 + random() * 0.15)) / 2.5) * 2.5
       END,
       we.reps_min + floor(random() * (we.reps_max - we.reps_min + 1))::int,
       we.rest_time_seconds, n,
       ws.created_at + ((we.sequence - 1) * 5 + n) * interval '3 minutes',
       ws.created_at + ((we.sequence - 1) * 5 + n) * interval '3 minutes'
FROM (SELECT id, workout_plan_id, created_at, row_number() OVER (ORDER BY created_at) AS ordinal
      FROM workout_session WHERE user_id = %(user)s) ws
JOIN workout_exercise we ON we.workout_plan_id = ws.workout_plan_id
JOIN unnest(%(exercises)s::uuid[], %(start_kg)s::numeric[]) AS start(exercise_id, kg)
  ON start.exercise_id = we.exercise_id
CROSS JOIN generate_series(1, we.sets) AS n
ORDER BY ws.created_at, we.sequence, n
LIMIT %(sets)s
"""


def seed_history(user, plans, n_sets: int) -> int:
    """Log `n_sets` sets over the user's past, every 42 hours back from yesterday,
    and compute the user's records from them. Returns the number of sessions."""
    from django.db import connection
    from django.utils import timezone

    from allworkouts.db import rls_user
    from plans.models import WorkoutExercise
    from records.services import records_recompute

    # Enough sessions for the shortest day; those the cut leaves empty are removed.
    sessions = -(-n_sets // min(sum(row[1] for row in rows) for rows in SPLIT.values()))
    first = timezone.now() - timedelta(days=1) - (sessions - 1) * timedelta(hours=42)
    start_kg = {row[0]: row[5] for day in SPLIT.values() for row in day}
    with rls_user(user.pk):
        exercises = list(WorkoutExercise.objects.filter(workout_plan__in=plans).select_related("exercise"))
        with connection.cursor() as cursor:
            cursor.execute(_SESSIONS_SQL, {"user": user.pk, "plans": [str(p.pk) for p in plans],
                                           "first": first, "sessions": sessions})
            cursor.execute(_SETS_SQL, {"user": user.pk, "sessions": sessions, "sets": n_sets,
                                       "exercises": [str(e.exercise_id) for e in exercises],
                                       "start_kg": [start_kg[e.exercise.name] for e in exercises]})
            logged = cursor.rowcount
            cursor.execute("DELETE FROM workout_session ws WHERE user_id = %s AND NOT EXISTS "
                           "(SELECT 1 FROM exercise_session es WHERE es.workout_session_id = ws.id)", [user.pk])
            sessions -= cursor.rowcount
        for exercise_id in {e.exercise_id for e in exercises}:
            records_recompute(user_id=user.pk, exercise_id=exercise_id)
    assert logged == n_sets, (logged, n_sets)
    return sessions


def _analyze() -> None:
    from django.db import connection

    with connection.cursor() as cursor:
        for table in ("workout_session", "exercise_session", "personal_record", "workout_plan", "workout_exercise"):
            cursor.execute(f"ANALYZE {table}")


class Lifter:
    """Drives the app as one user: load the workout page, log a set, repeat."""

    def __init__(self, user, plan):
        from django.test import Client

        from allworkouts.db import rls_user
        from plans.models import WorkoutExercise

        self.client = Client(HTTP_HOST="localhost")
        self.client.force_login(user)
        self.plan = plan
        with rls_user(user.pk):
            self.slots = [(item, number) for item in WorkoutExercise.objects.filter(workout_plan=plan)
                          .order_by("sequence") for number in range(1, item.sets + 1)]
        self.position = 0
        self.session_id = None
        self.last_set = None  # (session id, set id) of the set logged last
        self._start()

    def _start(self) -> None:
        response = self.client.post(f"/sessions/start/{self.plan.pk}/")
        if response.status_code != 302:
            sys.exit(f"Starting a workout failed: {response.status_code}")
        self.session_id = response.url.strip("/").split("/")[1]
        self.position = 0

    def page(self):
        response = self.client.get(f"/sessions/{self.session_id}/workout/")
        if response.status_code != 200:
            sys.exit(f"Workout page: {response.status_code}")
        return response

    def log_set(self):
        item, number = self.slots[self.position]
        set_id = str(uuid.uuid4())
        response = self.client.post(
            f"/sessions/{self.session_id}/sets/",
            {"id": set_id, "exercise": str(item.exercise_id), "plan_exercise": str(item.pk),
             # "Yes, that weight": 62.5 kg is far above a light exercise's history, which
             # would be asked about once ("did you mean") instead of logged.
             "number": str(number), "weight": "62.5", "reps": str(item.reps_min), "confirm": "on"},
            HTTP_HX_REQUEST="true")
        if response.status_code != 200 or "✓" not in response.content.decode():
            sys.exit(f"Logging a set: {response.status_code} {response.content.decode()[:300]}")
        self.last_set = (self.session_id, set_id)
        return response

    def edit_last_set(self):
        """Correct the last logged set: the exercise's records are recomputed from its
        whole history, the one path whose work grows with the history."""
        session_id, set_id = self.last_set
        response = self.client.post(f"/sessions/{session_id}/sets/{set_id}/", {"weight": "60", "reps": "6"})
        if response.status_code != 302:
            sys.exit(f"Editing a set: {response.status_code}")
        return response

    def next_set(self) -> None:
        """After the plan's last set: complete the workout and start the next one."""
        self.position += 1
        if self.position == len(self.slots):
            self.client.post(f"/sessions/{self.session_id}/complete/")
            self._start()


def _timed(call) -> float:
    began = time.perf_counter()
    call()
    return (time.perf_counter() - began) * 1000


def _queries(call) -> int:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as captured:
        call()
    return len(captured)


def measure(lifter: Lifter, requests: int, warmup: int = 10) -> dict[str, list[float]]:
    for _ in range(warmup):
        lifter.page()
        lifter.log_set()
        lifter.next_set()
    times = {"page": [], "log": [], "edit": []}
    queries = {"page": set(), "log": set(), "edit": set()}
    for round_ in range(requests):
        times["page"].append(_timed(lifter.page))
        times["log"].append(_timed(lifter.log_set))
        if round_ % 3 == 0:
            times["edit"].append(_timed(lifter.edit_last_set))
        lifter.next_set()
        if round_ % 50 == 0:  # counting queries slows a request; sampled outside the timings
            queries["page"].add(_queries(lifter.page))
    queries["log"].add(_queries(lifter.log_set))
    queries["edit"].add(_queries(lifter.edit_last_set))
    lifter.next_set()
    return {"times": times, "queries": queries}


def _stats(values: list[float]) -> str:
    p95 = statistics.quantiles(values, n=20, method="inclusive")[18]
    return f"median {statistics.median(values):6.1f} ms   p95 {p95:6.1f} ms"


def _explain(user, session_id) -> None:
    """EXPLAIN ANALYZE of the two queries that read the whole history of an exercise."""
    from django.db import connection

    from allworkouts.db import rls_user
    from records.services import _BEST_SQL
    from plans.models import WorkoutExercise
    from sessions.models import WorkoutSession
    from sessions.workout_page import _LAST_TIME_SELECT, _last_time_statement

    with rls_user(user.pk):
        session = WorkoutSession.objects.get(pk=session_id)
        exercise_ids = [str(i) for i in WorkoutExercise.objects.filter(workout_plan_id=session.workout_plan_id)
                        .order_by("sequence").values_list("exercise_id", flat=True)]
        with connection.cursor() as cursor:
            for title, sql, params in [
                ("last time (active workout page)", *_last_time_statement(
                    _LAST_TIME_SELECT, user=user, exercise_ids=exercise_ids, session=session)),
                ("records recomputed (set edit/delete), one exercise", _BEST_SQL,
                 {"user": user.pk, "exercise": exercise_ids[0], "excluding": []}),
            ]:
                cursor.execute("EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) " + sql, params)
                print(f"\n-- {title}")
                print("\n".join(row[0] for row in cursor.fetchall()))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sets", type=int, default=100_000, help="sets logged by the big user (100000)")
    parser.add_argument("--small", type=int, default=100, help="sets logged by the small user (100)")
    parser.add_argument("--requests", type=int, default=300, help="measured rounds per user (300)")
    parser.add_argument("--explain", action="store_true", help="print query plans for the big user")
    parser.add_argument("--keep", action="store_true", help="keep the benchmark database afterwards")
    args = parser.parse_args()
    if min(args.sets, args.small) < 1 or args.requests < 20:
        parser.error("--sets and --small must be at least 1, --requests at least 20")

    original = _setup_database()
    from django.db import connection

    try:
        lifters = {}
        for label, n_sets in (("big", args.sets), ("small", args.small)):
            user = _make_user(f"{label}@bench.example")
            plans = _make_plans(user)
            began = time.perf_counter()
            sessions = seed_history(user, plans, n_sets)
            print(f"seeded {label:5}: {n_sets:>7,} sets in {sessions:,} sessions "
                  f"({time.perf_counter() - began:.1f} s, records included)")
            lifters[label] = (user, Lifter(user, plans[0]))
        _analyze()
        results = {label: measure(lifter, args.requests) for label, (_, lifter) in lifters.items()}

        print(f"\n{args.requests} rounds per user (workout page, then log one set; every third round also"
              " corrects that set), after 10 warm-up rounds")
        for label, n_sets in (("big", args.sets), ("small", args.small)):
            r = results[label]
            print(f"{label:5} user, {n_sets:>7,} sets")
            for key, title in (("log", "set-log POST (HTMX)"), ("page", "active workout page"),
                               ("edit", "set edit (recompute)")):
                print(f"  {title:21} {_stats(r['times'][key])}   "
                      f"queries {'/'.join(map(str, sorted(r['queries'][key])))}")
        if args.explain:
            user, lifter = lifters["big"]
            _explain(user, lifter.session_id)
    finally:
        connection.creation.destroy_test_db(original, verbosity=0, keepdb=args.keep)
        if args.keep:
            print(f"\nkept database {original}_bench")


if __name__ == "__main__":
    main()
