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
    names = [item.name for item in catalog.load()]
    # The exercises in SQL, not through the ORM's delete, which collects the rows of every
    # table pointing at them: going back to zero, those tables are dropped first.
    seeded = "SELECT id FROM exercise WHERE name = ANY(%s)"
    with schema_editor.connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM exercise_equipment WHERE exercise_id IN ({seeded})", [names])
        cursor.execute(f"DELETE FROM exercise WHERE id IN ({seeded})", [names])
        cursor.execute("DELETE FROM equipment e WHERE name = ANY(%s)"
                       " AND NOT EXISTS (SELECT 1 FROM exercise_equipment x WHERE x.equipment_id = e.id)"
                       " AND NOT EXISTS (SELECT 1 FROM user_equipment u WHERE u.equipment_id = e.id)",
                       [list(catalog.EQUIPMENT)])


class Migration(migrations.Migration):
    dependencies = [("equipment", "0002_row_level_security")]

    operations = [migrations.RunPython(seed, unseed)]
