"""Matcher fixes of round 12 (issue 9): the qualifier that picks another exercise, the base
movement of names in other languages, and exercise words the vocabulary lacked."""

import pytest

from equipment.catalog import seeded_names
from plans.matching import CatalogEntry, matcher_for

SEEDED = tuple(CatalogEntry(id=name, name=name) for name in seeded_names())


def best(name):
    entry, score, _ = matcher_for(SEEDED).match(name)
    return entry.name if entry else None, score


@pytest.mark.parametrize(("name", "exercise"), [
    # dips are said "push-ups from the bars" in Russian and Ukrainian: a dip, not a push-up
    ("Отжимания от брусьев", "Dips - Triceps Version"),
    ("Віджимання від брусів", "Dips - Triceps Version"),
    ("Брусья с весом", "Dips - Triceps Version"),
    ("Dips am Barren unterstützt", "Assisted Dip"),
    # the bench of "triceps on the bench" is where the hands rest: bench dips, no bench press
    ("Tríceps no banco", "Bench Dips"),
    # a plank with rows is the renegade row, not the plank
    ("Prancha com remada alternada", "Alternating Renegade Row"),
    # a raise in front is a front raise, not the lateral raise "махи" alone means
    ("Махи гантелями перед собой", "Front Dumbbell Raise"),
])
def test_the_base_movement_of_the_name_decides(name, exercise):
    assert best(name)[0] == exercise


@pytest.mark.parametrize(("name", "exercise"), [
    # the leg press "inclined" is the 45-degree leg press machine, never the incline bench
    ("Prensa de pierna inclinada", "Leg Press"),
    ("Prensa de pierna", "Leg Press"),
    # a bench at 45 degrees is the incline press
    ("Press de banca con mancuernas a 45 grados", "Incline Dumbbell Press"),
    # the rope attachment makes the triceps extension a rope pushdown
    ("Extension triceps à la corde", "Triceps Pushdown - Rope Attachment"),
    # reverse crunches in Spanish and Italian
    ("Crunch inverso", "Reverse Crunch"),
    # a close grip and raised hands pick the push-up variant
    ("Отжимания узким хватом", "Push-Ups - Close Triceps Position"),
    ("Отжимания (руки на возвышении)", "Incline Push-Up"),
    # dumbbell press on the floor
    ("Supino com halteres no chão", "Dumbbell Floor Press"),
])
def test_a_qualifier_that_picks_another_exercise_is_kept(name, exercise):
    assert best(name)[0] == exercise


@pytest.mark.parametrize(("name", "exercise"), [
    ("Zancada", "Dumbbell Lunges"),
    ("Gemelo", "Standing Calf Raises"),
    ("Distensioni con manubri", "Dumbbell Bench Press"),
    ("Remada invertida", "Inverted Row"),
])
def test_exercise_words_of_other_languages(name, exercise):
    assert best(name)[0] == exercise


@pytest.mark.parametrize(("name", "exercise"), [
    # a position said with an alias picks the seated variant the catalogue has
    ("Seated dumbbell military press", "Seated Dumbbell Press"),
    ("Press militar con mancuernas sentado", "Seated Dumbbell Press"),
    ("Seated dumbbell lateral raises", "Seated Side Lateral Raise"),
    ("Elevaciones laterales sentado", "Seated Side Lateral Raise"),
    # "direta com halteres": the straight curl with dumbbells, not the barbell curl
    ("Rosca direta com halteres", "Dumbbell Bicep Curl"),
    # calf extensions are done on a press machine
    ("Calf extensions", "Calf Press"),
])
def test_a_position_or_implement_beside_an_alias_keeps_its_variant(name, exercise):
    assert best(name)[0] == exercise


def test_a_translation_naming_one_of_several_exercises_is_never_high():
    # "разведение гантелей" alone is flyes lying or lateral raises standing: the usual
    # reading, not a sure one; said lying it is sure
    from plans.parser import parse_plan

    alone = parse_plan("Разведение гантелей: 4 подхода по 12 повторений", SEEDED).exercises[0]
    assert alone.exercise.name == "Dumbbell Flyes"
    assert alone.confidence != "high"
    lying = parse_plan("Разведение гантелей лежа: 4 подхода по 12 повторений", SEEDED).exercises[0]
    assert (lying.exercise.name, lying.confidence) == ("Dumbbell Flyes", "high")
    ukrainian = parse_plan("Розведення гантелей: 4 підходи по 12 повторень", SEEDED).exercises[0]
    assert ukrainian.confidence != "high"


@pytest.mark.parametrize(("name", "exercise"), [
    # the implement said, the muscle of the movement left over: the kettlebell press, never
    # the barbell Standing Military Press an unqualified "shoulder press" means
    ("kettlebell shoulder press", "Kettlebell Press"),
    ("landmine shoulder press", "Landmine Press"),
])
def test_a_muscle_word_does_not_outweigh_the_implement(name, exercise):
    assert best(name)[0] == exercise


def test_an_unqualified_shoulder_press_stays_the_barbell_lift():
    assert best("shoulder press")[0] == "Standing Military Press"
    assert best("dumbbell shoulder press") == ("Dumbbell Shoulder Press", 100.0)


@pytest.mark.parametrize(("name", "exercise"), [
    # a wide grip makes the chin-up the (pronated) pull-up
    ("Wide grip chin-ups", "Pullups"),
    # dips on a bench or between two chairs are bench dips, in German and French
    ("Dips an der Bank", "Bench Dips"),
    ("Dips entre deux chaises", "Bench Dips"),
    # the French press "over the head" is the overhead extension, not the lying one
    ("Французский жим гантелей над головой", "Standing Dumbbell Triceps Extension"),
    ("Французький жим гантелі над головою", "Standing Dumbbell Triceps Extension"),
    # the "book" crunch is the jackknife sit-up
    ("Скручивания книжка", "Jackknife Sit-Up"),
    ("Скручування «Книжка»", "Jackknife Sit-Up"),
    # Polish trunk bends lying down are crunches; a Spanish underhand ("subino") pulldown
    ("Skłony tułowia w leżeniu", "Crunches"),
    ("Dorsalera con agarre subino", "Underhand Cable Pulldowns"),
])
def test_more_variant_words_of_other_languages(name, exercise):
    assert best(name)[0] == exercise


def test_bare_twists_are_the_russian_twist_and_not_sure():
    assert best("Twists") == ("Russian Twist", 95.0)
    assert best("plate twists") == ("Plate Twist", 100.0)
    # a twist of the wrists is no core exercise: no catalogue entry, no lookalike
    assert best("Forearm twists")[0] is None


@pytest.mark.parametrize(("name", "exercise"), [
    # "set" or "reps" left in a name by the text around it says nothing about which exercise
    ("Seated dumbbell military press set", "Seated Dumbbell Press"),
    ("Goblet squat reps", "Goblet Squat"),
])
def test_set_and_rep_words_left_in_a_name_are_filler(name, exercise):
    assert best(name)[0] == exercise


@pytest.mark.parametrize(("name", "exercise"), [
    # "with" before an implement only says the implement ("w/bar": the barbell)
    ("Seated press w/bar", "Seated Barbell Military Press"),
    ("Lunges with dumbbells", "Dumbbell Lunges"),
    # Polish flyes on a flat bench are the dumbbell flyes, no cable the name does not say
    ("Rozpiętki na ławce poziomej", "Dumbbell Flyes"),
])
def test_with_an_implement_and_flat_bench_flyes(name, exercise):
    assert best(name)[0] == exercise


@pytest.mark.parametrize(("name", "exercise"), [
    # two positions offered: neither variant is asked for
    ("Жим гантелей над головою сидячи/стоячи", "Dumbbell Shoulder Press"),
    ("Dumbbell shoulder press seated/standing", "Dumbbell Shoulder Press"),
])
def test_two_positions_offered_pick_neither_variant(name, exercise):
    assert best(name)[0] == exercise


def test_one_position_still_picks_its_variant():
    assert best("Seated dumbbell shoulder press")[0] == "Seated Dumbbell Press"
    assert best("Standing dumbbell press")[0] == "Standing Dumbbell Press"


@pytest.mark.parametrize("name", ["Schulterdrücken sitzend", "Seated shoulder press", "shoulder press seated",
                                  "Seated OHP"])
def test_an_unqualified_seated_press_is_the_barbell_lift_and_not_sure(name):
    # no implement said: the barbell lift, as for "press" and "OHP", never a cable one the
    # name does not say; which implement is meant stays open, so not sure (whatever the
    # word order the text uses)
    assert best(name) == ("Seated Barbell Military Press", 95.0)


def test_an_ambiguous_alias_is_ambiguous_in_any_word_order():
    assert best("press shoulder") == ("Standing Military Press", 95.0)
    assert best("seated cable shoulder press") == ("Seated Cable Shoulder Press", 100.0)
