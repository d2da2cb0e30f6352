"""Recompute personal records from the logged sets and report what differed.

    python manage.py recompute_records                 # every user
    python manage.py recompute_records --user a@b.com  # one user
    python manage.py recompute_records --dry-run       # report only
"""

from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction

from allworkouts.db import rls_user
from allworkouts.models import User
from records.models import PersonalRecord
from records.services import records_recompute


class Command(BaseCommand):
    help = "Recompute every personal record of a user (or all users) and report differences."

    def add_arguments(self, parser):
        parser.add_argument("--user", help="the user's email (default: every user)")
        parser.add_argument("--dry-run", action="store_true", help="report differences, change nothing")

    def handle(self, *args, user=None, dry_run=False, **options):
        users = User.objects.order_by("email")
        if user:
            users = users.filter(email__iexact=user.strip())
            if not users.exists():
                raise CommandError(f"No user with email {user}.")
        total = 0
        for account in users:
            total += self._user(account, dry_run)
        verb = "would change" if dry_run else "changed"
        self.stdout.write(f"{total} record{'s' if total != 1 else ''} {verb}.")

    def _user(self, account, dry_run: bool) -> int:
        differences = 0
        with rls_user(account.pk), transaction.atomic():
            before = self._snapshot()
            with connection.cursor() as cursor:
                cursor.execute(
                    "SELECT DISTINCT es.exercise_id FROM exercise_session es "
                    "JOIN workout_session ws ON ws.id = es.workout_session_id WHERE ws.user_id = %s "
                    "UNION SELECT exercise_id FROM personal_record WHERE user_id = %s", [account.pk, account.pk])
                exercise_ids = sorted((row[0] for row in cursor.fetchall()), key=str)
            for exercise_id in exercise_ids:
                records_recompute(user_id=account.pk, exercise_id=exercise_id)
            after = self._snapshot()
            for key in sorted(before.keys() | after.keys(), key=str):
                if before.get(key) != after.get(key):
                    differences += 1
                    old, new = before.get(key), after.get(key)
                    self.stdout.write(f"{account.email}: {key[0]} {key[1]}: "
                                      f"{old[0] if old else 'none'} -> {new[0] if new else 'none'}")
            if dry_run:
                transaction.set_rollback(True)
        return differences

    def _snapshot(self) -> dict:
        return {(r.exercise.name, r.record_type): (r.value, r.exercise_session_id)
                for r in PersonalRecord.objects.select_related("exercise")}
