"""The mapping from free-exercise-db onto our catalogue, and the seeded catalogue."""

import pytest
from django.db import connection

from equipment import catalog
from equipment.catalog import BODYWEIGHT
from equipment.models import Equipment, Exercise, MuscleGroup


def test_every_source_muscle_maps_onto_a_schema_muscle_group():
    assert set(catalog.MUSCLE_MAP.values()) <= set(MuscleGroup.values)


@pytest.mark.parametrize(
    "source, expected",
    [
        (["quadriceps", "hamstrings", "calves"], ["legs"]),
        (["abdominals"], ["core"]),
        (["lower back", "middle back", "lats"], ["back", "lats"]),
        (["neck"], ["traps"]),
        (["chest", "triceps", "shoulders"], ["chest", "triceps", "shoulders"]),
    ],
)
def test_muscle_groups(source, expected):
    assert catalog.muscle_groups(source) == expected


@pytest.mark.parametrize(
    "name, source_equipment, expected",
    [
        ("Barbell Squat", "barbell", ["Barbell"]),
        ("Barbell Bench Press - Medium Grip", "barbell", ["Barbell", "Bench"]),
        ("Pushups", "body only", [BODYWEIGHT]),
        ("Plank", None, [BODYWEIGHT]),
        ("Pullups", "body only", ["Pull-Up Bar"]),
        ("Smith Machine Squat", "machine", ["Smith Machine"]),
        ("Atlas Stones", "other", ["Strongman Implements"]),
        ("Crucifix", "other", ["Other Equipment"]),
        ("Hammer Curls", "dumbbell", ["Dumbbell"]),
    ],
)
def test_equipment_for(name, source_equipment, expected):
    assert catalog.equipment_for(name, source_equipment) == expected


def test_defaults_per_kind_of_exercise():
    assert catalog.defaults_for("powerlifting", "compound") == catalog.Defaults(reps=5, rest_seconds=180)
    assert catalog.defaults_for("strength", "compound") == catalog.Defaults(reps=8, rest_seconds=120)
    assert catalog.defaults_for("strength", "isolation") == catalog.Defaults(reps=12, rest_seconds=60)
    assert catalog.defaults_for("olympic weightlifting", None).reps == 3


def test_load_leaves_out_stretching_and_cardio():
    names = {item.name for item in catalog.load()}
    assert "Barbell Squat" in names
    assert not any("Stretch" in name for name in names)


@pytest.mark.django_db
def test_the_seeded_catalogue():
    assert Exercise.objects.count() >= 500
    assert Equipment.objects.filter(name=BODYWEIGHT).exists()
    squat = Exercise.objects.get(name="Barbell Squat")
    assert squat.primary_muscle_groups == ["legs"]
    assert [e.name for e in squat.equipment.all()] == ["Barbell"]
    assert squat.default_reps == 8 and squat.default_rest_time_seconds == 120
    assert not Exercise.objects.filter(primary_muscle_groups=[]).exists()
    assert not Exercise.objects.filter(equipment__isnull=True).exists()
    pushups = Exercise.objects.get(name="Pushups")
    assert [e.name for e in pushups.equipment.all()] == [BODYWEIGHT]


@pytest.mark.django_db
def test_seeding_again_adds_nothing():
    from equipment.models import ExerciseEquipment

    assert catalog.seed(Equipment=Equipment, Exercise=Exercise, ExerciseEquipment=ExerciseEquipment) == 0


@pytest.mark.django_db
def test_muscle_group_containment_uses_the_gin_index():
    from equipment.selectors import exercises_with_muscle_groups

    queryset = exercises_with_muscle_groups(muscle_groups=["lats"])
    assert queryset.exists()
    assert "Pullups" in {e.name for e in queryset}
    assert all("lats" in e.primary_muscle_groups for e in queryset)
    with connection.cursor() as cursor:
        # With so small a table a sequential scan is cheaper; forbid it to see that the
        # index serves the query at all.
        cursor.execute("SET LOCAL enable_seqscan = off")
        sql, params = queryset.query.sql_with_params()
        cursor.execute("EXPLAIN " + sql, params)
        plan = "\n".join(row[0] for row in cursor.fetchall())
    assert "idx_exercise_primary_muscle_groups" in plan
