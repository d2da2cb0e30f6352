"""How the numbers on a row are read (session 11): shapes of sets, reps, loads and rests
the parser read wrong.

Each example is written for the shape, not copied from the corpus."""

import pytest

from plans.parser import parse_plan
from tests.plans.test_parser_shapes import SEEDED  # the app's catalogue


def rows(text):
    return parse_plan(text, SEEDED).exercises


def only(text):
    (row,) = rows(text)
    return row


def numbers(row):
    return row.sets, row.reps_min, row.reps_max


@pytest.mark.parametrize(("line", "weight"), [
    ("20/15 cal assault bike", "20/15 cal"),
    ("- 15/12 Calories row", "15/12 cal"),
])
def test_two_numbers_before_a_name_are_the_mens_and_womens_calories(line, weight):
    row = only(line)
    assert numbers(row) == (None, None, None)
    assert row.weight_text.lower() == weight


def test_two_numbers_before_a_name_are_no_sets_of_its_lines_below():
    row = only("60/40 dumbbell press:\n4 x 6L, 6R")
    assert numbers(row) == (4, 6, 6)
    assert "60/40" in (row.notes or "")


@pytest.mark.parametrize(("line", "expected"), [
    ("Jumping lunges to 1/2 lunges x12", (None, 12, 12)),
    ("30 goblet squats @ 1/3 BW", (None, 30, 30)),
    ("Box squat to 3/4 depth 3x8", (3, 8, 8)),
])
def test_a_fraction_is_no_list_of_reps(line, expected):
    row = only(line)
    assert numbers(row) == expected
    assert row.weight_text in (None, "")


def test_a_fraction_stays_in_the_notes():
    assert "1/3 BW" in only("30 goblet squats @ 1/3 BW").notes


def test_reps_before_a_one_arm_exercise():
    (row,) = rows("12 1-arm dumbbell rows")
    assert numbers(row) == (None, 12, 12)


@pytest.mark.parametrize("fields", ["Reps: 8-10 | Rest: 90 s", "**Tempo: 3-0-1 | Rest: 90 sec**", "RPE: 8 · Rest: 1.5 min"])
def test_a_rest_among_labelled_fields_above_the_exercises_is_theirs(fields):
    result = parse_plan(f"## Day 1\n{fields}\n\nLeg press 3x10\nLeg curl 3x12", SEEDED)
    assert [r.rest_seconds for r in result.exercises] == [90, 90]
    assert [w.name for w in result.workouts] == ["Day 1"]


def test_a_rest_between_rounds_among_fields_is_no_rest_between_sets():
    result = parse_plan("Tempo: 2-0-2 | Rest between rounds: 2 min\nLeg press 3x10", SEEDED)
    assert [r.rest_seconds for r in result.exercises] == [None]


def test_a_list_of_rests_gives_the_rest_between_sets():
    text = ("Rests:\n- Between exercises: 3 min\n- Between sets: 75 s\n\n"
            "Day 1\nFront squat 4x6\nPull-ups 3x8\n\nDay 2\nDeadlift 3x5")
    result = parse_plan(text, SEEDED)
    assert [r.rest_seconds for r in result.exercises] == [75, 75, 75]
    assert len(result.exercises) == 3  # the list's lines are no exercises


def test_a_german_list_of_rests():
    text = "- Pausen\n    + Übungen: 3:00 Minuten\n    + Sätze: 1:30 Minuten\n\n## Tag 1\n- Kreuzheben 3x5\n- Latzug 3x10"
    result = parse_plan(text, SEEDED)
    assert [r.rest_seconds for r in result.exercises] == [90, 90]


def test_an_exercise_keeps_its_own_rest_under_a_list_of_rests():
    text = "Rest periods:\n  Sets: 2 min\n\nSquat 3x5, rest 3 min\nLunges 3x10"
    assert [r.rest_seconds for r in rows(text)] == [180, 120]


def test_a_rest_line_between_exercises_is_no_list_of_rests():
    assert [numbers(r) for r in rows("Squat 3x5\nRest\nBench 3x5")] == [(3, 5, 5), (3, 5, 5)]


def test_a_table_pasted_one_cell_per_line():
    text = ("Exercise\n\nSets\n\nReps\n\nTempo\n\nLeg press\n\n4\n\n10, 10, 8, 8\n\n3-1-1\n\n"
            "Seated leg curl\n\n3\n\n12\n\n2-0-2\n\nThat is all for today.")
    result = parse_plan(text, SEEDED)
    assert [(r.line, numbers(r)) for r in result.exercises] == [
        ("Leg press", (4, 8, 10)), ("Seated leg curl", (3, 12, 12))]


def test_a_header_on_one_line_over_one_cell_per_line():
    text = "Ejercicio Series Repeticiones Descanso\nSentadilla\n\n3-4\n\n6-8\n\n+ 3′\n\nPeso muerto\n\n3\n\n5\n\n2’30»"
    assert [(numbers(r), r.rest_seconds) for r in rows(text)] == [((3, 6, 8), 180), ((3, 5, 5), 150)]


def test_a_list_under_a_heading_word_is_no_table():
    text = "Exercises\nSquat 3x5\nBench 3x5\nRow 3x8"
    assert [numbers(r) for r in rows(text)] == [(3, 5, 5), (3, 5, 5), (3, 8, 8)]


def test_a_list_of_loads_is_no_list_of_reps():
    row = only("Deadlift 100/120/140/160kg for 3 reps")
    assert row.weight_text == "100/120/140/160kg"
    assert (row.reps_min, row.reps_max) != (100, 120)


def test_a_list_of_reps_ends_at_a_full_stop():
    assert numbers(only("Hanging knee raises. 15, 12, 12. Done.")) == (3, 12, 15)


def test_plates_for_reps_is_a_set_at_a_load_each():
    row = only("Hack squat: 1 plate for 10 reps; 2 plates for 8 reps; 3 plates for 3 sets of 6 reps")
    assert numbers(row) == (5, 6, 10)
    assert row.weight_text == "1 plate-3 plates"


def test_bodyweight_alone_times_reps_is_a_set_of_a_list():
    assert numbers(only("Pull-ups: BWT x 8, 20x6, 30x5")) == (3, 5, 8)
    assert numbers(only("Chin-ups BW x 6, 6, 5")) == (3, 5, 6)  # bodyweight, then reps of each set


def test_a_number_after_a_dash_is_a_load_in_a_plan_writing_loads_so():
    leg_curl, leg_press = rows("Leg curl 3 x 10 - 25\nLeg press 4 x 10 - 180")
    assert numbers(leg_curl) == (3, 10, 10)
    assert leg_curl.weight_text == "25"
    assert numbers(leg_press) == (4, 10, 10)


def test_alone_the_same_dash_stays_a_range_to_look_at():
    row = only("Leg curl 3 x 10 - 25")
    assert numbers(row) == (3, 10, 25)
    assert row.confidence != "high"


def test_a_number_far_below_the_reps_after_a_dash_is_no_range():
    assert numbers(only("Dips 3 x 12 - 2 plates")) == (3, 12, 12)


def test_a_sentence_of_prose_about_the_rest_gives_the_plan_its_rest():
    text = ("Goblet squat 3x10\nPush-ups 3x12\n\nI kept every set slow and controlled, which took a while. "
            "My rest was about 90 seconds. Next week I add a set.")
    assert [r.rest_seconds for r in rows(text)] == [90, 90]


def test_a_rest_between_sets_said_in_a_paragraph_with_a_range_between_two_numbers():
    text = ("Un buen descanso entre series puede estar entre 60 y 90 segundos, segun el ejercicio. "
            "Nada mas.\n\nSentadilla 4x8\nRemo con barra 4x8")
    assert [r.rest_seconds for r in rows(text)] == [60, 60]


@pytest.mark.parametrize("sentence", [
    "If a plan tells you to rest 3 minutes between sets, the session takes twice as long.",  # a condition
    "We rest 2 minutes between rounds and 30 seconds between sets as the circuit goes on.",  # two rests
])
def test_no_rest_from_a_sentence_that_does_not_say_the_plans(sentence):
    text = f"Goblet squat 3x10\nPush-ups 3x12\n\n{sentence} Our rest is 1 minute between rounds."
    assert [r.rest_seconds for r in rows(text)] == [None, None]


def test_the_rest_of_warm_up_lines_is_not_the_working_sets():
    text = ("Front squat – warm-up sets + 3 working sets\n10 reps at 40% (rest 1 min)\n5 reps at 60% (rest 1 min)\n"
            "5 reps heavy\n5 reps heavy\n5 reps heavy")
    assert only(text).rest_seconds is None


def test_the_rest_of_set_lines_under_a_name_is_its_rest():
    assert only("Front squat\n5 reps at 60% (rest 2 min)\n5 reps at 70% (rest 2 min)").rest_seconds == 120


def test_an_alternating_emom_of_rounds_gives_each_minute_its_sets():
    text = "Alternating EMOM x 6 rounds\nMin 1: 8 goblet squats\nMin 2: 12 push-ups"
    assert [numbers(r) for r in rows(text)] == [(6, 8, 8), (6, 12, 12)]


def test_a_minute_label_is_no_number_of_the_row():
    (row,) = rows("Minute 3: 15 kettlebell swings")
    assert numbers(row) == (None, 15, 15)
    assert numbers(only("Min 6-8 reps goblet squats"))[1:] == (6, 8)  # no minute label: a minimum


@pytest.mark.parametrize(("line", "expected"), [
    ("Power snatch (EMOM 8)", (8, None, None)),
    ("Front squat EMOM 6 min x 2 reps", (6, 2, 2)),
    ("Front squat 2 reps EMOM 6", (6, 2, 2)),
    ("Front squat 5x2 EMOM 6", (5, 2, 2)),  # its sets said: the EMOM is a note
])
def test_an_emom_after_a_name_is_a_set_each_minute(line, expected):
    row = only(line)
    assert (row.exercise is not None, numbers(row)) == (True, expected)
    assert row.confidence != "high"


def test_an_emom_block_over_one_line_is_that_line_each_minute():
    assert numbers(only("EMOM in 8:00 of:\n- 2 hang power cleans")) == (8, 2, 2)


def test_an_emom_block_over_several_lines_says_no_sets():
    assert [numbers(r) for r in rows("EMOM 8 min:\n5 burpees\n10 air squats")] == [(None, 5, 5), (None, 10, 10)]


def test_sets_times_reps_times_a_small_load_is_read_and_never_sure():
    row = only("Step-ups 3x12x16, each leg")
    assert numbers(row) == (3, 12, 12)
    assert (row.weight_text, row.confidence) == ("16", "low")


def test_reps_of_each_set_times_each_other_stay_reps():
    assert numbers(only("Curl 12 x 10 x 8")) == (3, 8, 12)


def test_sets_times_reps_times_a_load_then_a_comma():
    assert numbers(only("Squat 2x5x45, 5x5x135")) == (7, 5, 5)


def test_a_load_times_reps_times_n_sets_among_single_sets():
    assert numbers(only("Squat 135x5, 185x5, 225x3x5 sets")) == (7, 3, 5)
    assert numbers(only("Squat 135x8x8, 185x8, 205x6")) == (4, 6, 8)  # (no "sets": two sets at 135)


def test_a_long_note_with_no_number_is_no_set_line_of_the_row_above():
    text = ("- Lateral raise 3x12\n- Face pull\n*my shoulders are done by then so I just keep going and take "
            "every one of the next sets to failure*\n- Pushdown")
    face_pull = rows(text)[1]
    assert (face_pull.sets, face_pull.amrap) == (None, False)


def test_a_short_line_saying_failure_under_a_name_is_its_reps():
    assert only("Dips\nto failure").amrap


def test_a_ladder_of_sets_from_one_number_ending_at_another():
    assert numbers(only("Leg press 5 sets starting from 15 and ending at 6")) == (5, 6, 15)
