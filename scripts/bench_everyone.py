"""Flat in everyone's data: a small user's gym screens cost the same whether the
database holds their data alone or also 1,000 other users with 100 workouts each.

    .venv/bin/python scripts/bench_everyone.py [--others 1000] [--workouts 100]
                                               [--requests 150] [--keep]

Measures a user with 100 sets (workout page, set-log POST, set edit) and the history
page of another with 100 sets who logs nothing meanwhile, then seeds the other users
(each a 6-exercise plan and `--workouts` completed workouts of 10 sets: a million sets
by default), ANALYZEs, measures the same users again and
prints the ratios (goal <= 1.1), then EXPLAINs the row-level-security policy the set
reads go through, so a plan that scans other users' sessions shows. In-process through
Django's test client like scripts/bench_sessions.py (whose seeding and lifter it
reuses), in a database of its own that is dropped at the end. Run by hand.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
# Seeding a million sets takes longer than the app's statement timeout (15 s).
os.environ.setdefault("DJANGO_DB_STATEMENT_TIMEOUT_MS", "0")

import bench_sessions as bench  # noqa: E402

USER_TABLES = ("workout_plan", "workout_exercise", "workout_session", "exercise_session")

# The other users are written in four statements. Row-level security is FORCEd on
# these tables, which would need one transaction per user; in this throwaway database
# the owner lifts FORCE for the seeding and puts it back before anything is measured.
_OTHERS_SQL = [
    """INSERT INTO "user" (id, email, password_hash, unit_system, is_superuser, is_staff, is_active,
                          created_at, updated_at)
       SELECT gen_random_uuid(), 'other' || i || '@bench.example', u.password_hash, u.unit_system,
              false, false, true, now(), now()
       FROM "user" u CROSS JOIN generate_series(1, %(others)s) AS i WHERE u.id = %(template)s""",
    """INSERT INTO workout_plan (id, user_id, name, created_at, updated_at)
       SELECT gen_random_uuid(), id, 'Full body', now(), now() FROM "user" WHERE email LIKE 'other%%@bench.example'""",
    """INSERT INTO workout_exercise (id, workout_plan_id, exercise_id, sequence, sets, reps_min, reps_max,
                                    rest_time_seconds, confidence_level, created_at, updated_at)
       SELECT gen_random_uuid(), p.id, e.exercise_id, e.sequence, 2, 8, 10, 90, 'high', now(), now()
       FROM workout_plan p JOIN "user" u ON u.id = p.user_id AND u.email LIKE 'other%%@bench.example'
       CROSS JOIN (SELECT exercise_id, sequence FROM workout_exercise WHERE workout_plan_id = %(template_plan)s
                   ORDER BY sequence LIMIT 5) e""",
    """INSERT INTO workout_session (id, user_id, workout_plan_id, status, created_at, updated_at)
       SELECT gen_random_uuid(), p.user_id, p.id, 'completed', now() - i * interval '2 days',
              now() - i * interval '2 days'
       FROM workout_plan p JOIN "user" u ON u.id = p.user_id AND u.email LIKE 'other%%@bench.example'
       CROSS JOIN generate_series(1, %(workouts)s) AS i""",
    """INSERT INTO exercise_session (id, workout_session_id, exercise_id, weight, reps, rest_time_seconds,
                                    set_number, created_at, updated_at)
       SELECT gen_random_uuid(), ws.id, we.exercise_id, 20 + (random() * 100)::int, 8, 90,
              (we.sequence - 1) * 2 + n, ws.created_at, ws.created_at
       FROM workout_session ws JOIN "user" u ON u.id = ws.user_id AND u.email LIKE 'other%%@bench.example'
       JOIN workout_exercise we ON we.workout_plan_id = ws.workout_plan_id
       CROSS JOIN generate_series(1, 2) AS n""",
]


def seed_others(*, template_user, template_plan, others: int, workouts: int) -> int:
    from django.db import connection, transaction

    with transaction.atomic(), connection.cursor() as cursor:
        for table in USER_TABLES:
            cursor.execute(f"ALTER TABLE {table} NO FORCE ROW LEVEL SECURITY")
    try:
        with transaction.atomic(), connection.cursor() as cursor:
            for sql in _OTHERS_SQL:
                cursor.execute(sql, {"others": others, "workouts": workouts, "template": template_user.pk,
                                     "template_plan": template_plan.pk})
            sets = cursor.rowcount
    finally:
        with transaction.atomic(), connection.cursor() as cursor:
            for table in USER_TABLES:
                cursor.execute(f"ALTER TABLE {table} FORCE ROW LEVEL SECURITY")
    return sets


def measure(lifter, reader, requests: int) -> dict[str, list[float]]:
    """The lifter's workout page, set log and set edit; the history page of `reader`, a
    client of a user alike who logs nothing: the lifter's own history grows as it logs
    (workouts completed between the two measurements), which would show in its history
    page and be taken for the others' data."""
    times = bench.measure(lifter, requests)["times"]
    times["history"] = [bench._timed(lambda: reader.get("/sessions/")) for _ in range(requests // 3)]
    return times


def _reader():
    """A client of a second small user, with a history like the lifter's (100 sets)."""
    from django.test import Client

    user = bench._make_user("reader@bench.example")
    bench.seed_history(user, bench._make_plans(user), 100)
    client = Client(HTTP_HOST="localhost")
    client.force_login(user)
    return client


def _explain_policy(user) -> None:
    """The plan of a read that goes through the exercise_session policy (its EXISTS on
    workout_session): with a usable index it looks up the user's own sessions only."""
    from django.db import connection

    from allworkouts.db import rls_user

    from equipment.selectors import ASSISTED_NAME_PATTERN
    from records.services import _BEST_SQL
    from sessions.models import ExerciseSession

    with rls_user(user.pk), connection.cursor() as cursor:
        # The latest set's workout (the lifter's newest workout may have none yet).
        session_id, exercise_id = ExerciseSession.objects.filter(workout_session__user=user).order_by(
            "-created_at").values_list("workout_session_id", "exercise_id")[0]
        cursor.execute("EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) SELECT * FROM exercise_session "
                       "WHERE workout_session_id = %s", [session_id])
        print("\n-- the sets of one of the small user's workouts (what every session page reads)")
        print("\n".join(row[0] for row in cursor.fetchall()))
        cursor.execute("EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) " + _BEST_SQL,
                       {"user": user.pk, "exercise": exercise_id, "assisted": ASSISTED_NAME_PATTERN, "excluding": []})
        print("\n-- one exercise's records recomputed from its history (a set edit)")
        print("\n".join(row[0] for row in cursor.fetchall()))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--others", type=int, default=1000, help="other users (1000)")
    parser.add_argument("--workouts", type=int, default=100, help="workouts per other user (100)")
    parser.add_argument("--requests", type=int, default=150, help="measured rounds each time (150)")
    parser.add_argument("--keep", action="store_true", help="keep the benchmark database afterwards")
    args = parser.parse_args()
    if args.others < 1 or args.workouts < 1 or args.requests < 20:
        parser.error("--others and --workouts must be at least 1, --requests at least 20")

    original = bench._setup_database()
    from django.db import connection

    try:
        user = bench._make_user("small@bench.example")
        plans = bench._make_plans(user)
        bench.seed_history(user, plans, 100)
        bench._analyze()
        lifter = bench.Lifter(user, plans[0])
        reader = _reader()
        alone = measure(lifter, reader, args.requests)
        began = time.perf_counter()
        sets = seed_others(template_user=user, template_plan=plans[0], others=args.others,
                           workouts=args.workouts)
        bench._analyze()
        print(f"seeded {args.others:,} other users x {args.workouts} workouts: {sets:,} sets "
              f"({time.perf_counter() - began:.1f} s)")
        crowded = measure(lifter, reader, args.requests)
        print(f"\n{args.requests} rounds each; median ms, the small user alone -> among the others (ratio, goal <= 1.1)")
        for key, title in (("page", "active workout page"), ("log", "set-log POST (HTMX)"),
                           ("edit", "set edit"), ("history", "history page")):
            a, b = statistics.median(alone[key]), statistics.median(crowded[key])
            print(f"  {title:21} {a:6.1f} -> {b:6.1f}   ratio {b / a:4.2f}")
        _explain_policy(user)
    finally:
        connection.creation.destroy_test_db(original, verbosity=0, keepdb=args.keep)


if __name__ == "__main__":
    main()
