"""Speed of the progress pages for a user with a long history: the exercise page (all
time, the heaviest chart, and a year, the default) and the calendar, for a user with
100,000 sets and one with 100.

    DJANGO_DB_STATEMENT_TIMEOUT_MS=0 .venv/bin/python scripts/bench_progress.py \
        [--sets 100000] [--small 100] [--requests 50] [--explain] [--keep] [--no-vacuum]

In-process through Django's test client like scripts/bench_sessions.py (whose seeding it
reuses), in a database of its own (`<name>_bench_progress`, so it never meets a
bench_sessions run), dropped at the end unless --keep. --explain prints EXPLAIN ANALYZE
of every query the big user's all-time exercise page and calendar run, as the app's role
with RLS on. Run by hand, never as a timed test.

Besides the wall clock it reports the CPU time of a request (this process and its
PostgreSQL backend): on a loaded machine (a test suite running beside it) the wall clock
counts other work, the CPU time only the request's.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
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


class _CpuClock:
    """CPU time this process and its PostgreSQL backend spent, in ms: on a machine
    shared with other work the wall clock counts their time too, the CPU clock only
    ours (roughly the server time of a quiet machine). The backend's is read from
    /proc, so only for a server on this machine (the embedded one); else None."""

    def __init__(self):
        from django.db import connection

        connection.ensure_connection()
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_backend_pid()")
            self.stat = Path(f"/proc/{cursor.fetchone()[0]}/stat")
        self.tick = 1000 / os.sysconf("SC_CLK_TCK")

    def backend(self) -> float | None:
        try:
            fields = self.stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            return None
        return (int(fields[11]) + int(fields[12])) * self.tick  # utime + stime

    def per_call(self, call, n: int) -> tuple[float, float | None]:
        process, backend = time.process_time(), self.backend()
        for _ in range(n):
            call()
        after = self.backend()
        return ((time.process_time() - process) * 1000 / n,
                (after - backend) / n if backend is not None and after is not None else None)


def _vacuum() -> None:
    """VACUUM the seeded tables, as autovacuum does a live database after inserts (its
    insert threshold): the history read is an index-only scan of
    idx_exercise_session_exercise_history, which reads the table after all for pages
    the visibility map does not yet show as all-visible, as none of a fresh bulk insert."""
    from django.db import connection

    with connection.cursor() as cursor:
        for table in ("workout_session", "exercise_session"):
            cursor.execute(f"VACUUM (ANALYZE) {table}")


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
    parser.add_argument("--no-vacuum", action="store_true", help="measure right after the bulk insert, unvacuumed")
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
        if not args.no_vacuum:
            _vacuum()
        pages = (("exercise page, all time", f"/exercises/{squat.pk}/?range=all"),
                 ("exercise page, a year", f"/exercises/{squat.pk}/"),
                 ("calendar", "/calendar/"))
        clock = _CpuClock()
        print(f"{args.requests} requests each; wall clock median and p95, CPU per request (this process +"
              " its PostgreSQL backend), queries; in ms")
        for label, n_sets in (("big", args.sets), ("small", args.small)):
            client = clients[label]
            for title, url in pages:
                for _ in range(3):
                    assert client.get(url).status_code == 200, url
                times = [bench._timed(lambda: client.get(url)) for _ in range(args.requests)]
                python, postgres = clock.per_call(lambda: client.get(url), args.requests)
                cpu = f"{python + postgres:5.1f} = {python:4.1f} + {postgres:4.1f}" if postgres is not None \
                    else f"{python:5.1f} + ?"
                p95 = statistics.quantiles(times, n=20, method="inclusive")[18]
                queries = bench._queries(lambda: client.get(url))
                print(f"  {label:5} ({n_sets:>7,} sets)  {title:24} wall {statistics.median(times):6.1f}"
                      f" p95 {p95:6.1f}   cpu {cpu}   {queries} queries")
        if args.explain:
            _explain(users["big"], clients["big"], pages)
    finally:
        connection.creation.destroy_test_db(original, verbosity=0, keepdb=args.keep)
        if args.keep:
            print(f"\nkept database {original}_bench_progress")


if __name__ == "__main__":
    main()
