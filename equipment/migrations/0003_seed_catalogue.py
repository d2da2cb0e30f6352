"""Seed the catalogue: our equipment list and the exercises of free-exercise-db
(equipment/data/), mapped by equipment/catalog.py."""

from django.db import migrations

from equipment import catalog


def seed(apps, schema_editor):
    catalog.seed(
        Equipment=apps.get_model("equipment", "Equipment"),
        Exercise=apps.get_model("equipment", "Exercise"),
        ExerciseEquipment=apps.get_model("equipment", "ExerciseEquipment"),
    )


def unseed(apps, schema_editor):
    Equipment = apps.get_model("equipment", "Equipment")
    Exercise = apps.get_model("equipment", "Exercise")
    ExerciseEquipment = apps.get_model("equipment", "ExerciseEquipment")
    names = [item.name for item in catalog.load()]
    ExerciseEquipment.objects.filter(exercise__name__in=names).delete()
    Exercise.objects.filter(name__in=names).delete()
    Equipment.objects.filter(name__in=list(catalog.EQUIPMENT), exercises__isnull=True).delete()


class Migration(migrations.Migration):
    dependencies = [("equipment", "0002_row_level_security")]

    operations = [migrations.RunPython(seed, unseed)]
