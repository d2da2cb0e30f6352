"""How the public free-exercise-db data (equipment/data/free-exercise-db.json) becomes
our catalogue: its 17 muscles onto the schema's 11 muscle groups, its equipment words
onto our equipment list, and sensible defaults per kind of exercise.

Pure data and functions: the seed migration and the tests both use them."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from django.db import transaction
from django.db.models.functions import Lower

DATA_FILE = Path(__file__).resolve().parent / "data" / "free-exercise-db.json"

# Categories seeded. Stretching and cardio are left out: they are not logged as
# weight x reps sets, which is what plans and sessions are made of.
SEEDED_CATEGORIES = {"strength", "powerlifting", "olympic weightlifting", "strongman", "plyometrics"}

MUSCLE_MAP: dict[str, str] = {
    "abdominals": "core",
    "abductors": "legs",
    "adductors": "legs",
    "biceps": "biceps",
    "calves": "legs",
    "chest": "chest",
    "forearms": "forearms",
    "glutes": "glutes",
    "hamstrings": "legs",
    "lats": "lats",
    "lower back": "back",
    "middle back": "back",
    "neck": "traps",
    "quadriceps": "legs",
    "shoulders": "shoulders",
    "traps": "traps",
    "triceps": "triceps",
}

BODYWEIGHT = "Bodyweight"

# Our equipment list: name -> description.
EQUIPMENT: dict[str, str] = {
    BODYWEIGHT: "No equipment: your own body weight.",
    "Barbell": "Olympic or standard barbell with plates.",
    "Dumbbell": "A pair of dumbbells.",
    "Kettlebell": "One or more kettlebells.",
    "Cable Machine": "Cable stack with handles and attachments.",
    "Machine": "Plate-loaded or selectorised gym machine.",
    "Smith Machine": "Barbell fixed in a guided track.",
    "EZ Curl Bar": "Cambered curl bar.",
    "Resistance Band": "Elastic bands.",
    "Medicine Ball": "Weighted ball.",
    "Exercise Ball": "Stability (Swiss) ball.",
    "Foam Roller": "Foam roller for self-myofascial release.",
    "Bench": "Flat or adjustable weight bench.",
    "Pull-Up Bar": "Fixed bar for pull-ups and hanging work.",
    "Dip Station": "Parallel bars for dips.",
    "Plyo Box": "Box or platform to jump onto.",
    "Sled": "Push or drag sled.",
    "Weight Plate": "Loose weight plates.",
    "Ab Wheel": "Ab roller wheel.",
    "Strongman Implements": "Atlas stones, logs, yokes, axles and other strongman gear.",
    "Other Equipment": "Specialised equipment not listed elsewhere.",
}

# The dataset's equipment word -> ours. None and 'body only' need nothing.
SOURCE_EQUIPMENT: dict[str | None, str | None] = {
    "barbell": "Barbell",
    "dumbbell": "Dumbbell",
    "kettlebells": "Kettlebell",
    "cable": "Cable Machine",
    "machine": "Machine",
    "e-z curl bar": "EZ Curl Bar",
    "bands": "Resistance Band",
    "medicine ball": "Medicine Ball",
    "exercise ball": "Exercise Ball",
    "foam roll": "Foam Roller",
    "body only": None,
    None: None,
    "other": None,  # decided by the name rules below, else "Other Equipment"
}

# Name patterns that say what else an exercise needs (first match per pattern wins;
# several patterns may match). Checked against the lower-cased name.
NAME_RULES: list[tuple[str, str]] = [
    (r"smith machine", "Smith Machine"),
    (r"pull-?ups?|chin-?ups?|\bchins\b|muscle up|hanging", "Pull-Up Bar"),
    (r"\bdips?\b", "Dip Station"),
    (r"bench press|incline|decline|preacher|on (a )?bench|bench (row|fly|flyes)|flat bench|lying .*(press|fly|extension|row)", "Bench"),
    (r"box jump|box skip|depth jump|step-?up|box squat", "Plyo Box"),
    (r"\bsled\b|prowler", "Sled"),
    (r"\bplate\b", "Weight Plate"),
    (r"ab roller|ab wheel|rollout", "Ab Wheel"),
    (r"atlas|axle|\blog\b|yoke|conan|circus bell|keg|car deadlift|tire", "Strongman Implements"),
]
_NAME_RULES = [(re.compile(p), eq) for p, eq in NAME_RULES]


def muscle_groups(source_muscles: list[str]) -> list[str]:
    """Map the dataset's muscles onto ours, keeping their order, without repeats."""
    groups: list[str] = []
    for muscle in source_muscles:
        group = MUSCLE_MAP[muscle]
        if group not in groups:
            groups.append(group)
    return groups


def equipment_for(name: str, source_equipment: str | None) -> list[str]:
    """The equipment an exercise needs; ['Bodyweight'] when it needs none."""
    needed: list[str] = []
    main = SOURCE_EQUIPMENT[source_equipment]
    if main:
        needed.append(main)
    lowered = name.lower()
    for pattern, equipment in _NAME_RULES:
        if pattern.search(lowered) and equipment not in needed:
            if equipment == "Smith Machine" and "Machine" in needed:
                needed.remove("Machine")
            needed.append(equipment)
    if source_equipment == "other" and not needed:
        needed.append("Other Equipment")
    return needed or [BODYWEIGHT]


@dataclass(frozen=True)
class Defaults:
    reps: int
    rest_seconds: int


def defaults_for(category: str, mechanic: str | None) -> Defaults:
    """Typical programming for the kind of exercise: heavy, technical lifts get few reps
    and long rests; isolation work more reps and short rests."""
    if category in ("powerlifting", "strongman"):
        return Defaults(reps=5, rest_seconds=180)
    if category == "olympic weightlifting":
        return Defaults(reps=3, rest_seconds=150)
    if category == "plyometrics":
        return Defaults(reps=8, rest_seconds=90)
    if mechanic == "compound":
        return Defaults(reps=8, rest_seconds=120)
    return Defaults(reps=12, rest_seconds=60)


@dataclass
class CatalogExercise:
    name: str
    primary_muscle_groups: list[str]
    secondary_muscle_groups: list[str]
    equipment: list[str]
    default_reps: int
    default_rest_time_seconds: int
    description: str = field(default="")


def load(path: Path = DATA_FILE) -> list[CatalogExercise]:
    """The exercises to seed, in the dataset's order."""
    exercises = []
    for item in json.loads(path.read_text()):
        if item["category"] not in SEEDED_CATEGORIES:
            continue
        primary = muscle_groups(item["primaryMuscles"])
        secondary = [m for m in muscle_groups(item["secondaryMuscles"]) if m not in primary]
        defaults = defaults_for(item["category"], item["mechanic"])
        exercises.append(
            CatalogExercise(
                name=item["name"].strip(),
                primary_muscle_groups=primary,
                secondary_muscle_groups=secondary,
                equipment=equipment_for(item["name"], item["equipment"]),
                default_reps=defaults.reps,
                default_rest_time_seconds=defaults.rest_seconds,
                description=", ".join(
                    part for part in (item["level"], item["mechanic"], item["force"], item["category"]) if part
                ).capitalize(),
            )
        )
    return exercises


def seed(*, Equipment, Exercise, ExerciseEquipment) -> int:
    """Insert our equipment and the dataset's exercises that are not there yet (names
    compared case-insensitively); return how many exercises were added.

    Takes the model classes so the seed migration can pass its historical models."""
    equipment = {
        name: Equipment.objects.get_or_create(name=name, defaults={"description": description})[0]
        for name, description in EQUIPMENT.items()
    }
    existing = {name.lower() for name in Exercise.objects.values_list("name", flat=True)}
    skip = existing | _folded(existing)
    new = [item for item in load() if item.name.lower() not in skip]
    created = Exercise.objects.bulk_create(
        [
            Exercise(
                name=item.name,
                primary_muscle_groups=item.primary_muscle_groups,
                secondary_muscle_groups=item.secondary_muscle_groups,
                default_reps=item.default_reps,
                default_rest_time_seconds=item.default_rest_time_seconds,
                description=item.description,
            )
            for item in new
        ]
    )
    ExerciseEquipment.objects.bulk_create(
        [
            ExerciseEquipment(exercise=exercise, equipment=equipment[name])
            for exercise, item in zip(created, new, strict=True)
            for name in item.equipment
        ]
    )
    return len(created)


ADDED_FILE = Path(__file__).resolve().parent / "data" / "added-exercises.json"


def seed_added(*, Equipment, Exercise, ExerciseEquipment) -> int:
    """Insert the exercises real plans name that the dataset lacks (ADDED_FILE, written
    for this project), skipping names already there in any case. Returns how many."""
    equipment = {e.name: e for e in Equipment.objects.all()}
    existing = {n.lower() for n in Exercise.objects.values_list("name", flat=True)}
    count = 0
    for item in json.loads(ADDED_FILE.read_text())["exercises"]:
        if item["name"].lower() in existing:
            continue
        exercise = Exercise.objects.create(
            name=item["name"], primary_muscle_groups=item["primary_muscle_groups"],
            secondary_muscle_groups=item["secondary_muscle_groups"], default_reps=item["default_reps"],
            default_rest_time_seconds=item["default_rest_time_seconds"])
        ExerciseEquipment.objects.bulk_create(
            [ExerciseEquipment(exercise=exercise, equipment=equipment[name]) for name in item["equipment"]])
        count += 1
    return count


MERGED_FILE = Path(__file__).resolve().parent / "data" / "merged-exercises.json"


def twins() -> list[tuple[str, str]]:
    """(loser, survivor) names of the seeded exercises that are one movement twice
    (MERGED_FILE, with the reason for each)."""
    return [(item["loser"], item["survivor"]) for item in json.loads(MERGED_FILE.read_text())["merges"]]


def _folded(existing: set[str]) -> set[str]:
    """The twins (lower case) folded away where these names are: those whose survivor is
    among them. `seed()` does not add them again. (The added exercises are seeded once,
    by migration 0006, before the fold: a twin among them brings its equipment to its
    survivor.)"""
    return {loser.lower() for loser, survivor in twins() if survivor.lower() in existing}


def seeded_names(*, added: bool = True) -> list[str]:
    """The names of the catalogue as the migrations leave it: the dataset, the added
    exercises, less the twins folded into their survivors. For tools and tests that
    work on the catalogue without a database. With `added` false, the dataset alone,
    less the twins folded into another dataset exercise (a twin whose survivor is an
    added exercise stays: the dataset alone has the movement only under that name)."""
    names = [item.name for item in load()]
    if added:
        names += [item["name"] for item in json.loads(ADDED_FILE.read_text())["exercises"]]
    losers = _folded({name.lower() for name in names})
    return [name for name in dict.fromkeys(names) if name.lower() not in losers]


def fold_twins(*, Exercise, ExerciseEquipment, connection) -> set:
    """Fold every twin (`twins()`) into its survivor where both are there: the survivor
    takes the loser's description and secondary muscles if it has none, and its
    equipment too; then the SQL function exercise_merge (migration 0005) moves every
    user's rows, as the admin's merge does. Returns the ids of the users whose rows
    moved, whose records the caller recomputes.

    Only seeded exercises are folded (an exercise a user added under a twin's name stays
    for the admins' review), and they are locked first: a set logged meanwhile on a twin
    waits for the fold, rather than pointing at an exercise about to go."""
    pairs = twins()
    wanted = {name.lower() for pair in pairs for name in pair}
    with transaction.atomic(using=connection.alias):
        found = {e.name.lower(): e for e in Exercise.objects.annotate(lower=Lower("name"))
                 .filter(lower__in=wanted, review_status__isnull=True).select_for_update()}
        return _fold(pairs, found, ExerciseEquipment, connection)


def _fold(pairs, found, ExerciseEquipment, connection) -> set:
    users = set()
    for loser_name, survivor_name in pairs:
        loser, survivor = found.get(loser_name.lower()), found.get(survivor_name.lower())
        if loser is None or survivor is None:
            continue  # already folded, or renamed by an admin: nothing to do
        survivor.description = survivor.description or loser.description
        survivor.secondary_muscle_groups = survivor.secondary_muscle_groups or loser.secondary_muscle_groups
        survivor.save(update_fields=["description", "secondary_muscle_groups"])
        has = set(ExerciseEquipment.objects.filter(exercise=survivor).values_list("equipment_id", flat=True))
        ExerciseEquipment.objects.bulk_create(
            [ExerciseEquipment(exercise=survivor, equipment_id=equipment_id)
             for equipment_id in ExerciseEquipment.objects.filter(exercise=loser).values_list("equipment_id", flat=True)
             if equipment_id not in has])
        with connection.cursor() as cursor:
            cursor.execute("SELECT * FROM exercise_merge(%s, %s)", [loser.pk, survivor.pk])
            users.update(row[0] for row in cursor.fetchall())
    return users
