"""Seed common exercises that real plans name and the first seed lacks
(equipment/data/added-exercises.json, via catalog.seed_added); names already there in
any case are skipped."""

import json

from django.db import migrations

from equipment import catalog


def seed(apps, schema_editor):
    catalog.seed_added(Equipment=apps.get_model("equipment", "Equipment"),
                       Exercise=apps.get_model("equipment", "Exercise"),
                       ExerciseEquipment=apps.get_model("equipment", "ExerciseEquipment"))


def unseed(apps, schema_editor):
    # In SQL, not through the ORM's delete: that collects the rows pointing at the
    # exercises from every table with a foreign key to them, and going back to zero
    # those tables are dropped first (a row that still points at one refuses the delete).
    names = [i["name"] for i in json.loads(catalog.ADDED_FILE.read_text())["exercises"]]
    added = "SELECT id FROM exercise WHERE name = ANY(%s) AND review_status IS NULL"
    with schema_editor.connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM exercise_equipment WHERE exercise_id IN ({added})", [names])
        cursor.execute(f"DELETE FROM exercise WHERE id IN ({added})", [names])


class Migration(migrations.Migration):
    dependencies = [("equipment", "0005_exercise_merge_function")]
    operations = [migrations.RunPython(seed, unseed)]
