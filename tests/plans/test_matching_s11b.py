"""Matcher and name-reading fixes of round 11b (issue 9): what brackets say of the name,
movement words that contradict a candidate, loads that are no load on the bar."""

from equipment.catalog import seeded_names
from plans.matching import CatalogEntry, matcher_for
from plans.parser import parse_plan

SEEDED = tuple(CatalogEntry(id=name, name=name) for name in seeded_names())


def best(name):
    entry, score, _ = matcher_for(SEEDED).match(name)
    return entry.name if entry else None, score


def row(text):
    return parse_plan(text, SEEDED).exercises[0]


def test_brackets_naming_the_variant_with_the_name_choose_it():
    # the name with the bracket's words is exactly an exercise: that one, not the name's
    assert row("Dip (parallel bars) 4x6").exercise.name == "Parallel Bar Dip"
    assert row("Chin-ups (neutral grip, slow) 3x6").exercise.name == "V-Bar Pullup"
    # a bracket saying nothing of the exercise changes nothing
    assert row("Weighted Pull Ups (optional) 4x5").exercise.name == "Weighted Pull Ups"


def test_an_english_gloss_in_brackets_refines_a_name_already_read():
    # the gloss with the implement the name said is exactly a more precise exercise
    found = row("Присідання з гантелею (goblet squat) 4x12")
    assert found.exercise.name == "Goblet Squat"
    assert found.confidence != "high"
    # a gloss saying less than the name read is not taken ("standing" dumbbell press)
    assert row("Жим гантелей стоячи (overhead press) 3x8").exercise.name == "Standing Dumbbell Press"
    # nor one naming another movement
    assert row("Back squat (bench press on Fridays) 5x5").exercise.name == "Barbell Squat"


def test_goblet_squat_with_its_implement_said():
    assert best("kb goblet squat")[0] == "Goblet Squat"
    assert best("dumbbell goblet squats")[0] == "Goblet Squat"


def test_a_candidate_saying_another_movement_does_not_win():
    # "row" is the movement: an alias sharing the other words but saying "crunch" is no row
    entry, score, alternatives = matcher_for(SEEDED).match("kneeling cable rows")
    assert entry is None or "Row" in entry.name
    assert any("Row" in e.name for e in alternatives[:3])
    # names saying the same movement are unaffected, typos and abbreviations too
    assert best("kneeling cable crunches")[0] == "Cable Crunch"
    assert best("seated cable rows")[0] == "Seated Cable Rows"
    assert best("tricep pushdwn")[0] == "Triceps Pushdown"
    assert best("dumbell rdl")[0] == "Stiff-Legged Dumbbell Deadlift"


def test_a_load_said_as_more_than_last_time_is_no_light_load():
    # "5 lb heavier than last week" is what is added, not a load lighter than a bar
    assert row("Front squat 3x5 (10 lb heavier than last week)").exercise.name == "Front Barbell Squat"
    assert row("Deadlift 1x5, 5 kg lighter than Monday").exercise.name == "Barbell Deadlift"


def test_a_light_wrist_curl_is_the_dumbbell_one_palms_up():
    # 6 kg is no barbell: the dumbbell wrist curl, palms up as the plain name says
    assert row("Wrist curl 3x15 - 6kg").exercise.name == "Palms-Up Dumbbell Wrist Curl Over A Bench"
    assert best("db wrist curls")[0] == "Palms-Up Dumbbell Wrist Curl Over A Bench"
    assert best("dumbbell reverse wrist curls")[0] == "Palms-Down Dumbbell Wrist Curl Over A Bench"


def test_a_number_that_is_part_of_a_named_angle_stays_in_the_name():
    # "под 45", "banco 45": the bench at 45 degrees is the incline, not a number to drop
    assert row("Жим гантелей под 45 4x10").exercise.name == "Incline Dumbbell Press"
    assert row("Rosca no banco 45 com halteres 3x12").exercise.name == "Incline Dumbbell Curl"
    # a load after the same words is still a load
    found = row("Leg press 45 kg 3x12")
    assert (found.exercise.name, found.weight_text) == ("Leg Press", "45 kg")


def test_dutch_of_is_a_choice_inside_a_name():
    # "of" is Dutch for "or": the first exercise is read, the other offered
    found = row("Deadlift of leg press 3x8")
    assert found.exercise.name == "Barbell Deadlift"
    assert "Leg Press" in [a.name for a in found.alternatives]
    # English "of" before no exercise name splits nothing
    assert row("Bottom half of squat 3x5").exercise is None


def test_friendly_to_a_joint_says_nothing_of_the_exercise():
    # "shoulder-friendly dips": the dip, a guess (the name as written is none)
    found, score = best("elbow-friendly dips")
    assert found == "Dips - Triceps Version" and score < 90
