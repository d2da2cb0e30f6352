"""The catalogue's twins (two exercises for one movement, equipment/data/
merged-exercises.json) are folded into one by migration 0007: the seeded catalogue has
each movement once, and a user's plans, sets and records on a twin follow its survivor."""

import importlib

import pytest
from django.apps import apps
from django.db import connection

from allworkouts.db import rls_user
from equipment import catalog
from equipment.models import Equipment, Exercise, ExerciseEquipment, ReviewStatus
from plans.models import WorkoutExercise
from records.models import PersonalRecord
from sessions.models import ExerciseSession, WorkoutSession
from sessions.transfer.models import HistoryImport
from tests.factories import exercise_named, user_data

pytestmark = pytest.mark.django_db
fold_migration = importlib.import_module("equipment.migrations.0007_fold_catalogue_twins")


class _Editor:
    """What the migration's RunPython function reads of its schema editor."""
    connection = connection


def test_the_seeded_catalogue_has_each_twin_once_under_its_survivors_name():
    names = set(Exercise.objects.values_list("name", flat=True))
    for loser, survivor in catalog.twins():
        assert loser not in names and survivor in names
    assert names == set(catalog.seeded_names())  # what the tools and tests read without a database


def test_a_survivor_keeps_what_only_its_twin_had():
    # The added "Bicycle Crunch" had no description; the dataset's "Air Bike" had one.
    air_bike = next(item for item in catalog.load() if item.name == "Air Bike")
    assert air_bike.description and exercise_named("Bicycle Crunch").description == air_bike.description
    # The added "Farmer's Carry" was done with dumbbells; the dataset's walk had no such link.
    assert "Dumbbell" in {e.name for e in exercise_named("Farmer's Walk").equipment.all()}


def test_folding_moves_every_users_rows_to_the_survivor_and_recomputes_their_records(user):
    # A database migrated before the fold: the twin is there, and a user trained on it.
    twin = Exercise.objects.create(name="Pec Deck", primary_muscle_groups=["chest"], description="Seated fly.")
    ExerciseEquipment.objects.create(exercise=twin, equipment=Equipment.objects.get(name="Cable Machine"))
    data = user_data(user, exercise_name="Pec Deck")
    survivor = exercise_named("Butterfly")
    with rls_user(user.pk):
        # Exercise ids kept in JSON: a swap in a workout, a queued import's chosen exercise.
        swapped = WorkoutSession.objects.create(user=user, workout_plan=data["workout_exercise"].workout_plan,
                                                substitutions={str(data["workout_exercise"].pk): str(twin.pk)})
        queued = HistoryImport.objects.create(user=user, filename="strong.csv", format="strong",
                                              mappings={"Pec Deck (Machine)": str(twin.pk), "Mystery": None})

    fold_migration.fold(apps, _Editor())

    assert not Exercise.objects.filter(name="Pec Deck").exists()
    assert "Cable Machine" in {e.name for e in survivor.equipment.all()}
    with rls_user(user.pk):
        assert WorkoutExercise.objects.get(pk=data["workout_exercise"].pk).exercise_id == survivor.pk
        assert ExerciseSession.objects.get(pk=data["exercise_session"].pk).exercise_id == survivor.pk
        # The records are the survivor's, rebuilt from the moved set (100 kg x 5).
        records = dict(PersonalRecord.objects.filter(exercise=survivor).values_list("record_type", "value"))
    assert records["set_volume"] == 500 and records["total_volume"] == 500
    with rls_user(user.pk):
        assert WorkoutSession.objects.get(pk=swapped.pk).substitutions == {
            str(data["workout_exercise"].pk): str(survivor.pk)}
        assert HistoryImport.objects.get(pk=queued.pk).mappings == {"Pec Deck (Machine)": str(survivor.pk),
                                                                  "Mystery": None}


def test_an_exercise_a_user_added_under_a_twins_name_is_left_for_the_admins(user):
    mine = Exercise.objects.create(name="Pec Deck", primary_muscle_groups=["chest"], added_by=user,
                                   review_status=ReviewStatus.PENDING)
    fold_migration.fold(apps, _Editor())
    assert Exercise.objects.filter(pk=mine.pk).exists()


def test_folding_twice_changes_nothing():
    before = list(Exercise.objects.order_by("name").values_list("name", "description"))
    fold_migration.fold(apps, _Editor())
    assert list(Exercise.objects.order_by("name").values_list("name", "description")) == before
