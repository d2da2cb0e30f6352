"""Run a program with DATABASE_URL pointing at this project's database.

With the embedded PostgreSQL, the server only runs while some process of ours uses
it; this command keeps it up for the program, e.g.

    python manage.py withdb -- sh -c 'python ../shared/schema/schema_check.py "$DATABASE_URL"'
    python manage.py withdb -- psql
"""

import os
import subprocess

from django.core.management.base import BaseCommand, CommandError
from django.db import connection

from allworkouts import embedded_db


class Command(BaseCommand):
    help = "Run a program with DATABASE_URL set to this project's database."

    def add_arguments(self, parser):
        parser.add_argument("program", nargs="+", help="the program and its arguments")

    def handle(self, *args, program, **options):
        url = os.environ.get("DATABASE_URL") or embedded_db.url(connection.settings_dict)
        try:
            result = subprocess.run(program, env={**os.environ, "DATABASE_URL": url}, check=False)
        except FileNotFoundError as exc:
            raise CommandError(str(exc)) from exc
        if result.returncode:
            raise SystemExit(result.returncode)
