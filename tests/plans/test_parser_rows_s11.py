"""Which lines of a plan become rows (session 11): table headers, names over their set
lines, warm-up lines.

Each example is written for the shape, not copied from the corpus."""

from plans.parser import parse_plan
from tests.plans.test_parser_shapes import SEEDED  # the app's catalogue


def rows(text):
    return [(e.exercise.name if e.exercise else None, e.sets, e.reps_min, e.reps_max)
            for e in parse_plan(text, SEEDED).exercises]


def test_a_header_of_lift_names_over_their_maxes_is_no_row():
    text = ("My maxes:\n\n| Squat | Deadlift | Overhead Press |\n|---|---|---|\n| 140 kg | 180 kg | 60 kg |\n\n"
            "Day 1\nSquat 5x5")
    assert rows(text) == [("Barbell Squat", 5, 5, 5)]
    assert "| Squat | Deadlift | Overhead Press |" in parse_plan(text, SEEDED).unread


def test_a_row_of_names_in_the_body_of_a_table_is_still_read():
    text = "| Slot | Lift 1 | Lift 2 |\n|---|---|---|\n| A1 | Squat | Deadlift |"
    assert [r[0] for r in rows(text)] == ["Barbell Squat", "Barbell Deadlift"]


def test_a_name_then_a_dash_and_a_note_over_its_set_lines_is_a_row():
    text = "Front squat - build to a heavy triple\n\n60% x 5, 70% x 3, 80% x 3"
    assert rows(text) == [("Front Barbell Squat", 3, 3, 5)]


def test_a_name_then_a_dash_and_a_long_sentence_with_no_numbers_below_is_no_row():
    text = "Front squat - I built up to a heavy triple and it felt slow today\n\nThen I went home."
    assert rows(text) == []


def test_the_words_after_a_dash_that_name_a_variant_stay_in_the_name():
    assert rows("Chest fly - pec deck\n\n3 sets of 12")[0][0] == "Butterfly"


def test_a_line_labelled_warm_up_naming_one_movement_is_no_row():
    text = "- Warm-up: glute bridges 2 sets of 15 (no weight)\n- Squat 5x5\n- Warmup: Push-ups / BW / 10\n- Bench press 3x8"
    assert [r[0] for r in rows(text)] == ["Barbell Squat", "Barbell Bench Press - Medium Grip"]


def test_a_warm_up_circuit_on_one_line_still_gives_its_rows():
    text = "Warm-up: 2 rounds of: 10 push-ups, 15 squats\nDeadlift 3x5"
    assert len(rows(text)) == 3


def test_stretches_the_catalogue_lacks_under_a_cool_down_heading_are_no_rows():
    text = ("## Day 1\n### Main work\n- Squat: 5x5\n- Romanian deadlift: 3x8\n"
            "### Cool-down (5 min)\n- Doorway pec opener: 2x 30 sec\n- Hip flexor lunge stretch: 2x 30 sec")
    assert [r[0] for r in rows(text)] == ["Barbell Squat", "Romanian Deadlift"]


def test_known_exercises_under_a_warm_up_heading_are_still_rows():
    text = "### Warm-up\n- Push-ups: 2x10\n- Doorway pec opener: 2x 30 sec\n### Main work\n- Bench press: 3x8"
    assert [r[0] for r in rows(text)] == ["Pushups", "Barbell Bench Press - Medium Grip"]


def test_the_warm_up_part_ends_at_a_blank_line_after_its_lines():
    text = "Warm-up\n- Push-ups: 2x10\n\nZercher carry thing 3x20 m\nBench press 3x8"
    assert len(rows(text)) == 3


def test_a_name_then_a_comma_and_a_long_description_over_its_set_lines_is_a_row():
    text = ("Hack squat machine, for the front of the thighs!\n1 set - 12 reps, 40kg\n2 set - 10 reps, 50kg\n"
            "Bench press\n1 set - 8 reps, 60kg")
    got = rows(text)
    assert len(got) == 2 and got[0][1:] == (2, 10, 12)


def test_a_long_sentence_over_set_lines_is_still_no_name():
    text = "This block is where you and your training partner take turns, for as long as it takes\n1 set - 12 reps"
    assert rows(text) == []


def test_a_count_then_a_lower_case_name_the_catalogue_lacks_is_a_row_in_a_block():
    text = "4 rounds of:\n\n8 goblet squats\n12 crab walks left\n12 crab walks right"
    got = rows(text)
    assert len(got) == 3 and all(r[1] == 4 for r in got)


def test_a_count_then_lower_case_words_outside_a_block_are_still_no_row():
    assert rows("Notes\n25 august, before work\nSquat 3x5") == [("Barbell Squat", 3, 5, 5)]


def test_supersets_of_gives_its_members_the_count():
    got = rows("3 supersets of:\nBench press x 10\nBent over row x 10")
    assert [r[1] for r in got] == [3, 3]


def test_a_long_name_ending_in_a_colon_over_its_set_lines_is_a_row():
    text = ("Single-leg deadlift with a dumbbell (or a kettlebell) :\n• 3 sets of 10 reps\n\n"
            "Hip thrust on the sofa or glute bridge on the floor :\n• 3 sets of 15 reps")
    assert [r[1:] for r in rows(text)] == [(3, 10, 10), (3, 15, 15)]


def test_a_sentence_ending_in_a_colon_over_numbers_is_no_name():
    assert rows("Then you do the following for as long as you can:\n• 3 sets of 10 reps") == []


def test_a_time_right_after_the_name_and_a_few_pace_words_is_a_row():
    (row,) = parse_plan("Assault bike: 12 min easy spin", SEEDED).exercises
    assert (row.weight_text, row.sets) == ("12 min", None)


def test_a_warm_up_or_rest_of_some_minutes_is_no_such_row():
    assert rows("Warm-up: 10 minutes of easy cardio\nRest: 3 min between rounds\nSquat 3x5") == [("Barbell Squat", 3, 5, 5)]


def test_a_table_whose_header_gives_each_column_its_sets_and_reps():
    text = ("| Session | Main lift (5x3) | Assistance (3x12) | Why |\n|---|---|---|---|\n"
            "| Monday | Front squat | Leg curl | quads first |\n| Thursday | Deadlift | Lat pulldown | pull day |")
    result = parse_plan(text, SEEDED)
    assert [w.name for w in result.workouts] == ["Monday", "Thursday"]
    assert [(e.exercise.name, e.sets, e.reps_min) for e in result.exercises] == [
        ("Front Barbell Squat", 5, 3), ("Lying Leg Curls", 3, 12), ("Barbell Deadlift", 5, 3),
        ("Wide-Grip Lat Pulldown", 3, 12)]
    assert result.exercises[0].line == "| Monday | Front squat | Leg curl | quads first |"  # the row as written


def test_a_table_with_numbers_under_such_a_header_is_read_as_it_is():
    text = "| Lift | Week 1 (3x5) | Week 2 (3x3) |\n|---|---|---|\n| Squat | 3x5 @ 100 | 3x3 @ 110 |"
    assert [r[0] for r in rows(text)] == ["Barbell Squat"]  # one row: no "Squat 3x5" / "Squat 3x3" pair


def test_a_set_count_then_plus_amrap_is_one_more_set_as_many_as_possible():
    assert rows("Squat 2x5 + AMRAP") == [("Barbell Squat", 3, 5, None)]


def test_the_next_numbered_item_is_no_set_line_of_the_item_above():
    text = "1. Bench press: 3x5 at 75%\n2. 3x12 Couch Hovers\n3. 3x10 dips"
    assert len(rows(text)) == 3


def test_numbered_set_lines_under_a_name_are_still_its_sets():
    assert rows("Squat\n1. 5 x 100kg\n2. 5 x 110kg\n3. 5 x 120kg") == [("Barbell Squat", 3, 5, 5)]


def test_an_instruction_phrase_between_a_name_and_its_sets_is_no_row():
    assert rows("Overhead press:\nworking up to\n5 x 3 at 60kg") == [("Standing Military Press", 5, 3, 3)]


def test_a_time_first_in_a_list_is_the_first_items_not_the_next_ones_name():
    got = parse_plan("12 min Kettlebell Swings, 3x5 Pull-ups", SEEDED).exercises
    assert [(e.exercise.name, e.sets, e.reps_min, e.weight_text) for e in got] == [
        ("Kettlebell Swing", None, None, "12 min"), ("Pullups", 3, 5, None)]


def test_a_distance_first_then_reps_before_each_name():
    got = rows("400m Sled Push, 20 Push-ups, 30 Air Squats")
    assert [r[0] for r in got][1:] == ["Pushups", "Bodyweight Squat"] and [r[2] for r in got][1:] == [20, 30]


def test_a_name_alone_at_the_top_over_a_paragraph_is_the_title():
    text = "Front Squats\n\nMy knees felt great today and the gym was empty. Here is what I did.\n\nFront squat 5x3\nLunges 3x10"
    result = parse_plan(text, SEEDED)
    assert result.title == "Front Squats"
    assert [e.line for e in result.exercises] == ["Front squat 5x3", "Lunges 3x10"]


def test_a_name_alone_at_the_top_over_its_set_lines_is_a_row():
    assert rows("Front Squats\n\n5x3 @ 100kg") == [("Front Barbell Squat", 5, 3, 3)]
