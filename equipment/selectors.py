"""Catalogue reads: the equipment a user owns, and substitutes for an exercise."""

from __future__ import annotations

from dataclasses import dataclass

import re

from django.db.models import Case, CharField, Exists, OuterRef, Q, QuerySet, Value, When
from django.db.models.expressions import RawSQL

from allworkouts.http import parse_uuid
from allworkouts.units import ASSISTED, BODYWEIGHT_LOAD, LOADED
from equipment.catalog import BODYWEIGHT
from equipment.models import Equipment, Exercise, ExerciseEquipment, UserEquipment
from plans.matching import CatalogEntry, search


# How an exercise's load is counted (the set's `weight` column means a different thing
# for each; records and volume follow it):
#   loaded      weight is what is lifted (bar, dumbbells, machine stack...)
#   bodyweight  the lifter's own body is the load; weight is what is added to it
#               (0 = "BW", 10 = "BW + 10 kg"): pull-ups, dips, push-ups
#   assisted    weight is the assistance a machine or band gives: more is easier
#               (20 = "BW - 20 kg"): Assisted Dip, Machine Assisted Pull-Up
# The rule, the same in Python (exercise_load_kind) and SQL (load_kind_annotation):
#   - assisted when the name has the word "assisted" (the catalogue names them so:
#     "Assisted Dip", "Band Assisted Pull-Up"; "Unassisted ..." is not);
#   - else bodyweight when the exercise needs some equipment and all of it only holds
#     the body up (Bodyweight, a pull-up bar, a dip station, a bench, a box, a ball...):
#     the catalogue gives pull-ups only "Pull-Up Bar", so Bodyweight alone misses them;
#   - else loaded (an exercise with no equipment rows too: its pre-fill stays blank
#     rather than a 0 that would be one tap from a wrong set).
BODY_SUPPORT = frozenset({BODYWEIGHT, "Pull-Up Bar", "Dip Station", "Bench", "Plyo Box", "Exercise Ball",
                          "Ab Wheel", "Foam Roller"})
# Written so Python's `re` (with IGNORECASE) and PostgreSQL's `~*` read it alike.
ASSISTED_NAME_PATTERN = r"(^|[^a-z])assisted([^a-z]|$)"
_ASSISTED_NAME = re.compile(ASSISTED_NAME_PATTERN, re.IGNORECASE)


def load_kind_for(name: str, equipment_names) -> str:
    """The load kind of an exercise named `name` needing `equipment_names` (see above)."""
    if _ASSISTED_NAME.search(name or ""):
        return ASSISTED
    names = set(equipment_names)
    return BODYWEIGHT_LOAD if names and names <= BODY_SUPPORT else LOADED


def exercise_load_kind(exercise: Exercise) -> str:
    """An exercise's load kind: its `load_kind` annotation when it has one (no query),
    else from its equipment (prefetched: no query; else one)."""
    annotated = getattr(exercise, "load_kind", None)
    if annotated:
        return annotated
    if _ASSISTED_NAME.search(exercise.name or ""):
        return ASSISTED
    return load_kind_for(exercise.name, [e.name for e in exercise.equipment.all()])


def load_kind_annotation(exercise_ref: str = "pk") -> Case:
    """The load kind in SQL, to annotate in the query that reads the exercises:
    `Exercise.objects.annotate(load_kind=load_kind_annotation())`, or through a foreign
    key, `WorkoutExercise.objects.annotate(load_kind=load_kind_annotation("exercise"))`.
    Two EXISTS on exercise_equipment per row, answered from its (exercise_id, ...) key."""
    name = "name" if exercise_ref == "pk" else f"{exercise_ref}__name"
    needs = ExerciseEquipment.objects.filter(exercise=OuterRef(exercise_ref))
    return Case(
        When(**{f"{name}__iregex": ASSISTED_NAME_PATTERN}, then=Value(ASSISTED)),
        When(Exists(needs) & ~Exists(needs.exclude(equipment__name__in=BODY_SUPPORT)),
             then=Value(BODYWEIGHT_LOAD)),
        default=Value(LOADED), output_field=CharField())


@dataclass(frozen=True)
class EquipmentChoice:
    equipment: Equipment
    owned: bool


def equipment_choices_for_user(*, user) -> list[EquipmentChoice]:
    """Every piece of equipment but Bodyweight (always available), with whether the
    user owns it. One query."""
    owned = UserEquipment.objects.filter(user=user, equipment=OuterRef("pk"), deleted_at__isnull=True)
    rows = Equipment.objects.exclude(name=BODYWEIGHT).annotate(owned=Exists(owned)).order_by("name")
    return [EquipmentChoice(equipment=e, owned=e.owned) for e in rows]


def equipment_choice(*, user, equipment_id) -> EquipmentChoice:
    equipment = Equipment.objects.exclude(name=BODYWEIGHT).get(pk=equipment_id)
    owned = UserEquipment.objects.filter(user=user, equipment=equipment, deleted_at__isnull=True).exists()
    return EquipmentChoice(equipment=equipment, owned=owned)


def exercises_available_to(*, user) -> QuerySet[Exercise]:
    """Exercises whose every piece of equipment the user owns (Bodyweight counts as owned)."""
    missing = ExerciseEquipment.objects.filter(exercise=OuterRef("pk")).exclude(
        Q(equipment__name=BODYWEIGHT)
        | Q(equipment__in=UserEquipment.objects.filter(user=user, deleted_at__isnull=True).values("equipment"))
    )
    return Exercise.objects.filter(~Exists(missing))


def exercises_with_muscle_groups(*, muscle_groups: list[str]) -> QuerySet[Exercise]:
    """Exercises training all the given primary muscle groups (array containment, which
    PostgreSQL answers from the GIN index idx_exercise_primary_muscle_groups)."""
    return Exercise.objects.filter(primary_muscle_groups__contains=muscle_groups)


def substitutes_for(*, exercise: Exercise, user, limit: int = 10) -> list[Exercise]:
    """Exercises that can stand in for `exercise`: sharing a primary muscle group (GIN
    `&&` on idx_exercise_primary_muscle_groups), doable with the user's equipment (or
    none), ranked by how many primary muscle groups they share, then secondary ones.
    Each comes with `shared_muscle_groups` (a number) and its equipment prefetched.
    One query plus one for the equipment."""
    shared = RawSQL(
        "cardinality(ARRAY(SELECT unnest(exercise.primary_muscle_groups) INTERSECT "
        "SELECT unnest(%s::muscle_group_enum[])))", (list(exercise.primary_muscle_groups),))
    shared_secondary = RawSQL(
        "cardinality(ARRAY(SELECT unnest(exercise.secondary_muscle_groups) INTERSECT "
        "SELECT unnest(%s::muscle_group_enum[])))", (list(exercise.secondary_muscle_groups),))
    return list(
        exercises_available_to(user=user)
        .filter(primary_muscle_groups__overlap=exercise.primary_muscle_groups)
        .exclude(pk=exercise.pk)
        .annotate(shared_muscle_groups=shared, shared_secondary=shared_secondary)
        .order_by("-shared_muscle_groups", "-shared_secondary", "name")
        .prefetch_related("equipment")[:limit]
    )


def is_substitute(*, exercise: Exercise, candidate: Exercise, user) -> bool:
    """Whether `candidate` is one of `substitutes_for(exercise)` (any rank). One query."""
    return candidate.pk != exercise.pk and exercises_available_to(user=user).filter(
        pk=candidate.pk, primary_muscle_groups__overlap=exercise.primary_muscle_groups).exists()


def missing_equipment(*, user, exercises: list[Exercise]) -> dict:
    """exercise id -> names of the equipment it needs that the user does not own
    (Bodyweight never counts as missing). Exercises must have `equipment` prefetched.
    One query. A user who owns nothing has not said what their gym has (a new
    account): nothing is missing, rather than a warning under every barbell row."""
    owned = set(UserEquipment.objects.filter(user=user, deleted_at__isnull=True)
                .values_list("equipment_id", flat=True))
    if not owned:
        return {}
    missing = {}
    for exercise in exercises:
        names = [e.name for e in exercise.equipment.all() if e.pk not in owned and e.name != BODYWEIGHT]
        if names:
            missing[exercise.pk] = names
    return missing


def exercise_by_id(value) -> Exercise | None:
    """The catalogue exercise a request value names, or None (missing, not a UUID,
    no such exercise)."""
    exercise_id = parse_uuid(value)
    return Exercise.objects.filter(pk=exercise_id).first() if exercise_id else None


_catalogue_cache: dict = {}


def catalogue_entries() -> tuple[CatalogEntry, ...]:
    """The catalogue as the matcher wants it, one query. The same tuple is kept per
    process while no exercise is added, renamed or removed, so the matcher built for it
    (plans.matching.matcher_for, cached per catalogue) is reused across requests, and a
    user-added exercise is found at once."""
    rows = list(Exercise.objects.order_by("name").values_list("pk", "name"))
    version = hash(tuple(rows))
    if _catalogue_cache.get("version") != version:
        _catalogue_cache["entries"] = tuple(CatalogEntry(id=str(pk), name=name) for pk, name in rows)
        _catalogue_cache["version"] = version
    return _catalogue_cache["entries"]


def search_exercises(*, query: str, limit: int = 20, exercises: QuerySet[Exercise] | None = None) -> list[Exercise]:
    """The catalogue search of the whole app (plan builder, import review, workout swap):
    exercises for what the user typed, best first, tolerant of typos, abbreviations and
    other languages (plans.matching). `exercises` narrows it (e.g. to what the user can
    do). Equipment prefetched; at most four queries."""
    ranked = [entry.id for entry, _ in search(query, catalogue_entries(), limit=max(limit * 5, 50))]
    if not ranked:
        return []
    rows = (exercises if exercises is not None else Exercise.objects.all()).filter(pk__in=ranked)
    found = {str(e.pk): e for e in rows.prefetch_related("equipment")}
    return [found[pk] for pk in ranked if pk in found][:limit]
