"""Speed of the progress pages for a user with a long history: the exercise page (all
time, the heaviest chart) and the calendar, for a user with 100,000 sets and one with 100.

    .venv/bin/python scripts/bench_progress.py [--sets 100000] [--small 100] [--requests 50]

In-process through Django's test client like scripts/bench_sessions.py (whose seeding it
reuses), in a database of its own that is dropped at the end. Run by hand.
"""

from __future__ import annotations

import argparse
import statistics
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import bench_sessions as bench  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sets", type=int, default=100_000)
    parser.add_argument("--small", type=int, default=100)
    parser.add_argument("--requests", type=int, default=50)
    args = parser.parse_args()
    original = bench._setup_database()
    from django.db import connection
    from django.test import Client

    from equipment.models import Exercise

    try:
        squat = Exercise.objects.get(name="Barbell Squat")
        clients = {}
        for label, n_sets in (("big", args.sets), ("small", args.small)):
            user = bench._make_user(f"{label}@bench.example")
            bench.seed_history(user, bench._make_plans(user), n_sets)
            client = Client(HTTP_HOST="localhost")
            client.force_login(user)
            clients[label] = client
        bench._analyze()
        print(f"median of {args.requests} requests (ms), queries")
        for label, n_sets in (("big", args.sets), ("small", args.small)):
            client = clients[label]
            for title, url in (("exercise page, all time", f"/exercises/{squat.pk}/?range=all"),
                               ("exercise page, a year", f"/exercises/{squat.pk}/"),
                               ("calendar", "/calendar/")):
                for _ in range(3):
                    client.get(url)
                times = [bench._timed(lambda: client.get(url)) for _ in range(args.requests)]
                queries = bench._queries(lambda: client.get(url))
                print(f"  {label:5} ({n_sets:>7,} sets)  {title:24} {statistics.median(times):6.1f}   {queries}")
    finally:
        connection.creation.destroy_test_db(original, verbosity=0)


if __name__ == "__main__":
    main()
