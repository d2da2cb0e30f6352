"""Fold the catalogue's twins, two exercises for one movement (equipment/data/
merged-exercises.json, with the reason for each), into one: every user's plans, sets
and records follow the survivor (the SQL function exercise_merge, migration 0005), and
the records of the users whose sets moved are recomputed, as the admin's merge does.

On a new database it may run before the tables that point at exercises exist (nothing
to move then: exercise_merge reads which tables point at exercise from the catalogue
when it runs); on a database in use they exist, migrated before this. Going back
leaves the twins folded: the loser's rows are the survivor's now and nothing tells
them apart."""

import io

from django.core.management import call_command
from django.db import migrations

from equipment import catalog


def fold(apps, schema_editor):
    users = catalog.fold_twins(Exercise=apps.get_model("equipment", "Exercise"),
                               ExerciseEquipment=apps.get_model("equipment", "ExerciseEquipment"),
                               connection=schema_editor.connection)
    User = apps.get_model("allworkouts", "User")
    for email in User.objects.filter(pk__in=users).values_list("email", flat=True):
        call_command("recompute_records", user=email, stdout=io.StringIO())


class Migration(migrations.Migration):
    dependencies = [("equipment", "0006_seed_missing_exercises")]
    operations = [migrations.RunPython(fold, migrations.RunPython.noop)]
