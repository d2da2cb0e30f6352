"""Import another app's workout export (Strong, Hevy, FitNotes, StrongLifts) for a user.

    python manage.py import_history FILE --user EMAIL [--unit kg|lb] [--dry-run] [--json]

Exercise names map to the user's remembered choices, else the matcher's best guess.
With --json it prints one object (a shape tools outside the app rely on):
{"format", "dialect", "unit", "workouts", "sets", "warmup_sets", "volume_kg",
 "skipped": {reason: count}, "exercises": {name: {"exercise", "confidence"}}, "first", "last"}
"""

import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from allworkouts.db import rls_user
from allworkouts.models import User
from sessions.transfer import services
from sessions.transfer.readers import ExportFileError


class Command(BaseCommand):
    help = "Import a Strong, Hevy, FitNotes or StrongLifts CSV export into a user's history."

    def add_arguments(self, parser):
        parser.add_argument("file")
        parser.add_argument("--user", required=True, help="the user's email")
        parser.add_argument("--unit", choices=["kg", "lb"], help="unit of weights the file gives none for")
        parser.add_argument("--dry-run", action="store_true", help="write nothing, print what would be imported")
        parser.add_argument("--json", action="store_true", help="print the summary as one JSON object")

    def handle(self, *args, file, user, unit=None, dry_run=False, **options):
        as_json = options["json"]
        account = User.objects.filter(email__iexact=user.strip()).first()
        if account is None:
            raise CommandError(f"No user with email {user}.")
        path = Path(file)
        if not path.is_file():
            raise CommandError(f"No file {file}.")
        # The file's times are the lifter's wall clock: read in their zone, as on the web.
        with timezone.override(services.user_zone(account)):
            summary = self._import(account, path, unit=unit, dry_run=dry_run)
        self._print(summary, as_json=as_json, dry_run=dry_run)

    def _import(self, account, path: Path, *, unit, dry_run: bool) -> dict:
        try:
            with path.open("rb") as binary:
                parsed = services.parse_file(binary)
        except ExportFileError as error:
            raise CommandError(str(error)) from None
        with rls_user(account.pk):
            if dry_run:
                summary = services.dry_run(user=account, parsed=parsed, unit=unit)
            else:
                history_import = services.create_import(
                    user=account, filename=path.name, text=path.read_bytes().decode("utf-8-sig"), parsed=parsed)
                summary = services.run_import(user=account, history_import=history_import, unit=unit,
                                              remember=False)
        return summary

    def _print(self, summary: dict, *, as_json: bool, dry_run: bool) -> None:
        if as_json:
            self.stdout.write(json.dumps(summary, ensure_ascii=False))
            return
        verb = "Would import" if dry_run else "Imported"
        self.stdout.write(f"{summary['format']} ({summary['dialect'] or 'default'}), weights in {summary['unit']}")
        self.stdout.write(f"{verb} {summary['workouts']} workouts, {summary['sets']} sets "
                          f"({summary['warmup_sets']} warm-up), {summary['volume_kg']} kg volume, "
                          f"{summary['first']} to {summary['last']}.")
        for reason, count in summary["skipped"].items():
            self.stdout.write(f"  skipped {count}: {reason}")
        for name, match in summary["exercises"].items():
            self.stdout.write(f"  {name} -> {match['exercise'] or '(not mapped)'} [{match['confidence']}]")
