"""Speed of the progress pages for a user with a long history: the exercise page (all
time, the heaviest chart, and a year, the default) and the calendar, for a user with
100,000 sets and one with 100.

    DJANGO_DB_STATEMENT_TIMEOUT_MS=0 .venv/bin/python scripts/bench_progress.py \
        [--sets 100000] [--small 100] [--requests 50] [--explain] [--keep]

In-process through Django's test client like scripts/bench_sessions.py (whose seeding it
reuses), in a database of its own (`<name>_bench_progress`, so it never meets a
bench_sessions run), dropped at the end unless --keep. --explain prints EXPLAIN ANALYZE
of every query the big user's all-time exercise page and calendar run, as the app's role
with RLS on. Run by hand, never as a timed test.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import warnings
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import bench_sessions as bench  # noqa: E402


def _setup_database() -> str:
    """bench_sessions' set-up under another database name; returns the app's own."""
    bench.django.setup()
    from django.db import connection

    settings_dict = connection.settings_dict
    original = settings_dict["NAME"]
    name = settings_dict["TEST"]["NAME"] = f"{original}_bench_progress"
    with connection.creation._nodb_cursor() as cursor:  # a kept one from an earlier run
        cursor.execute(f'DROP DATABASE IF EXISTS "{name}"')
    connection.creation.create_test_db(verbosity=0, serialize=False)
    warnings.filterwarnings("ignore", "No directory at")
    return original


def _explain(user, client, urls) -> None:
    """EXPLAIN ANALYZE of each SELECT a page runs, as it ran (same SQL and parameters),
    inside an RLS transaction for the user."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from allworkouts.db import rls_user

    for title, url in urls:
        with CaptureQueriesContext(connection) as captured:
            client.get(url)
        print(f"\n==== {title}: {url}")
        with rls_user(user.pk), connection.cursor() as cursor:
            for query in captured.captured_queries:
                sql = query["sql"]
                if not sql.lstrip().upper().startswith(("SELECT", "WITH")) or "set_config" in sql \
                        or "django_session" in sql or 'FROM "user"' in sql:
                    continue
                # The captured SQL has its parameters inlined as literals.
                cursor.execute("EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) " + sql)
                lines = [row[0] for row in cursor.fetchall()]
                print(f"\n-- {sql[:160]}...\n" + "\n".join(lines))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sets", type=int, default=100_000)
    parser.add_argument("--small", type=int, default=100)
    parser.add_argument("--requests", type=int, default=50)
    parser.add_argument("--explain", action="store_true", help="print the big user's query plans")
    parser.add_argument("--keep", action="store_true", help="keep the benchmark database afterwards")
    args = parser.parse_args()
    original = _setup_database()
    from django.db import connection
    from django.test import Client

    from equipment.models import Exercise

    try:
        squat = Exercise.objects.get(name="Barbell Squat")
        clients, users = {}, {}
        for label, n_sets in (("big", args.sets), ("small", args.small)):
            user = users[label] = bench._make_user(f"{label}@bench.example")
            bench.seed_history(user, bench._make_plans(user), n_sets)
            client = Client(HTTP_HOST="localhost")
            client.force_login(user)
            clients[label] = client
        bench._analyze()
        pages = (("exercise page, all time", f"/exercises/{squat.pk}/?range=all"),
                 ("exercise page, a year", f"/exercises/{squat.pk}/"),
                 ("calendar", "/calendar/"))
        print(f"median of {args.requests} requests (ms), queries")
        for label, n_sets in (("big", args.sets), ("small", args.small)):
            client = clients[label]
            for title, url in pages:
                for _ in range(3):
                    assert client.get(url).status_code == 200, url
                times = [bench._timed(lambda: client.get(url)) for _ in range(args.requests)]
                queries = bench._queries(lambda: client.get(url))
                print(f"  {label:5} ({n_sets:>7,} sets)  {title:24} {statistics.median(times):6.1f}   {queries}")
        if args.explain:
            _explain(users["big"], clients["big"], pages)
    finally:
        connection.creation.destroy_test_db(original, verbosity=0, keepdb=args.keep)
        if args.keep:
            print(f"\nkept database {original}_bench_progress")


if __name__ == "__main__":
    main()
