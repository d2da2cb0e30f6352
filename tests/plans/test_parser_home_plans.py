"""A bare "squats" in a home plan is the bodyweight squat; in a barbell plan that writes
no load, still the barbell lift. Examples written for the shape, not copied from the corpus."""

from equipment.catalog import load as load_catalog
from plans.parser import CatalogEntry, parse_plan

CATALOG = [CatalogEntry(id=e.name, name=e.name) for e in load_catalog()]


def named(text):
    return {e.line: (e.exercise.name if e.exercise else None, e.confidence) for e in parse_plan(text, CATALOG).exercises}


def test_squats_among_push_ups_and_planks_are_bodyweight_squats_at_most_medium():
    rows = named("Living room circuit\nPush-ups 3x12\nSquats 3x20\nPlank 3 x 40s\nBurpees 3x8\n")
    assert rows["Squats 3x20"][0] == "Bodyweight Squat"
    assert rows["Squats 3x20"][1] in ("medium", "low")


def test_the_same_in_spanish_and_russian():
    es = named("Rutina en casa\nFlexiones 4x10\nSentadillas 4x15\nPlancha 3x30s\nAbdominales 3x20\n")
    assert es["Sentadillas 4x15"][0] == "Bodyweight Squat"
    ru = named("Дома\nОтжимания 3х15\nПриседания 3х20\nПланка 3х45 сек\nСкручивания 3х20\n")
    assert ru["Приседания 3х20"][0] == "Bodyweight Squat"


def test_a_barbell_plan_that_writes_no_load_keeps_the_barbell_squat():
    rows = named("Day A\nSquat 5x5\nBench 5x5\nRow 5x5\nPlank 3x30s\nCrunches 3x15\n")
    assert rows["Squat 5x5"][0] == "Barbell Squat"


def test_a_load_or_a_machine_anywhere_keeps_the_barbell_squat():
    loads = named("Push-ups 3x12\nSquats 3x8 @ 60 kg\nPlank 3x30s\nBurpees 3x10\n")
    assert loads["Squats 3x8 @ 60 kg"][0] == "Barbell Squat"
    machine = named("Push-ups 3x12\nSquats 3x8\nLeg press machine 3x12\nPlank 3x30s\nCrunches 3x20\n")
    assert machine["Squats 3x8"][0] == "Barbell Squat"


def test_one_bodyweight_exercise_does_not_make_a_home_plan():
    rows = named("Legs\nSquats 4x8\nLunges 3x10\nCalf raises 4x15\nPlank 3x30s\n")
    assert rows["Squats 4x8"][0] == "Barbell Squat"
