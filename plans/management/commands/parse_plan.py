"""Parse a plan text against the catalogue and print the result.

    python manage.py parse_plan plan.txt
    python manage.py parse_plan - --json < plan.txt

The --json shape is read by tools outside the app; see ParseResult.as_json.
"""

import json
import sys

from django.core.management.base import BaseCommand, CommandError

from plans.parser import PlanTextError, parse_plan
from plans.selectors import catalog_entries


class Command(BaseCommand):
    help = "Parse a training plan written as text (FILE, or - for stdin)."

    def add_arguments(self, parser):
        parser.add_argument("file", help="a text file, or - to read standard input")
        parser.add_argument("--json", action="store_true", dest="as_json", help="print the parse as JSON")

    def handle(self, *args, file, as_json: bool, **options):
        text = self._read(file)
        try:
            result = parse_plan(text, catalog_entries())
        except PlanTextError as exc:
            raise CommandError(str(exc)) from exc
        if as_json:
            self.stdout.write(json.dumps(result.as_json(), indent=2, ensure_ascii=False))
            return
        if result.title:
            self.stdout.write(f"{result.title}\n")
        for workout in result.workouts:
            self.stdout.write(f"\n== {workout.name or '(unnamed workout)'}")
            for e in workout.exercises:
                reps = "?" if e.reps_min is None else (
                    f"{e.reps_min}" if e.reps_min == e.reps_max else f"{e.reps_min}-{e.reps_max}")
                structure = f"{e.sets or '?'} x {reps}{'+' if e.amrap else ''}"
                rest = f", rest {e.rest_seconds} s" if e.rest_seconds else ""
                name = e.exercise.name if e.exercise else "(no match)"
                load = f" @ {e.weight_text}" if e.weight_text else ""
                together = f" [superset {e.superset}]" if e.superset else ""
                self.stdout.write(f"  [{e.confidence:>9}] {name}: {structure}{load}{rest}{together}"
                                  f"{'  (' + e.notes + ')' if e.notes else ''}")
                self.stdout.write(f"              from: {e.line}")
                if e.alternatives:
                    self.stdout.write(f"              or:   {', '.join(a.name for a in e.alternatives)}")
        if result.unread:
            self.stdout.write("\n== not read as exercises")
            for line in result.unread:
                self.stdout.write(f"  {line}")

    def _read(self, file: str) -> str:
        if file == "-":
            return sys.stdin.read()
        try:
            with open(file, encoding="utf-8") as handle:
                return handle.read()
        except (OSError, UnicodeDecodeError) as exc:
            raise CommandError(f"Cannot read {file}: {exc}") from exc
