"""Seed the catalogue: our equipment list and the exercises of free-exercise-db
(equipment/data/), mapped by equipment/catalog.py."""

from django.db import migrations

from equipment import catalog


def seed(apps, schema_editor):
    Equipment = apps.get_model("equipment", "Equipment")
    Exercise = apps.get_model("equipment", "Exercise")
    ExerciseEquipment = apps.get_model("equipment", "ExerciseEquipment")

    equipment = {
        name: Equipment.objects.get_or_create(name=name, defaults={"description": description})[0]
        for name, description in catalog.EQUIPMENT.items()
    }
    existing = {name.lower() for name in Exercise.objects.values_list("name", flat=True)}
    links = []
    for item in catalog.load():
        if item.name.lower() in existing:
            continue
        exercise = Exercise.objects.create(
            name=item.name,
            primary_muscle_groups=item.primary_muscle_groups,
            secondary_muscle_groups=item.secondary_muscle_groups,
            default_reps=item.default_reps,
            default_rest_time_seconds=item.default_rest_time_seconds,
            description=item.description,
        )
        links += [ExerciseEquipment(exercise=exercise, equipment=equipment[name]) for name in item.equipment]
    ExerciseEquipment.objects.bulk_create(links)


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
