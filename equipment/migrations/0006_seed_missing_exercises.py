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
    Exercise = apps.get_model("equipment", "Exercise")
    ExerciseEquipment = apps.get_model("equipment", "ExerciseEquipment")
    names = [i["name"] for i in json.loads(catalog.ADDED_FILE.read_text())["exercises"]]
    added = Exercise.objects.filter(name__in=names, review_status__isnull=True)
    ExerciseEquipment.objects.filter(exercise__in=added).delete()
    added.delete()


class Migration(migrations.Migration):
    dependencies = [("equipment", "0005_exercise_merge_function")]
    operations = [migrations.RunPython(seed, unseed)]
