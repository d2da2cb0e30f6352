"""Exercises written in sentences and lists (issue 9, prose10): the count first and the name
after a dash ("3 sets of 10 reps - name, then words about it"), a pair "supersetted with"
in the same sentence, a label then a list of names, lettered and numbered names with no
numbers, details in brackets before the set count, and cardio written as work done.

Each example is written for the shape (new words, numbers and languages), not copied from
the corpus."""

import pytest

from plans.parser import parse_plan
from tests.plans.test_parser_shapes import SEEDED  # the app's catalogue


def rows_of(text):
    return parse_plan(text, SEEDED).exercises


def shown(row):
    return (row.exercise.name if row.exercise else None, row.sets, row.reps_min, row.reps_max, row.amrap,
            row.weight_text, row.rest_seconds)


# --- the count first, the name after a dash or colon ----------------------------------------

@pytest.mark.parametrize("line, expected", [
    ("5 x 12 – lat pulldowns", ("Wide-Grip Lat Pulldown", 5, 12, 12, False, None, None)),
    ("4 sets of 6 reps - Close grip bench press", ("Close-Grip Barbell Bench Press", 4, 6, 6, False, None, None)),
    ("4 séries de 15 : squats", ("Barbell Squat", 4, 15, 15, False, None, None)),
])
def test_the_name_after_the_count_and_a_dash(line, expected):
    (row,) = rows_of(line)
    assert shown(row) == expected


def test_words_about_the_exercise_after_its_name_are_a_note_not_the_name():
    (row,) = rows_of("4 sets of 6 reps - Close grip bench press keeping the elbows tucked in")
    assert shown(row) == ("Close-Grip Barbell Bench Press", 4, 6, 6, False, None, None)
    assert "elbows tucked" in (row.notes or "")
    assert row.confidence in ("low", "medium")


@pytest.mark.parametrize("line, name", [
    ("5x5 squats to a box", "Box Squat"),
    ("3x10 curls with the ez bar", "EZ-Bar Curl"),
])
def test_words_that_say_which_exercise_stay_in_the_name(line, name):
    (row,) = rows_of(line)
    assert row.exercise.name == name


def test_a_note_after_a_name_read_after_its_numbers():
    (row,) = rows_of("3x15 hip thrusts with a band around the knees")
    assert shown(row) == ("Barbell Hip Thrust", 3, 15, 15, False, None, None)
    assert row.notes == "with a band around the knees"


def test_a_german_count_first_line_with_a_note():
    (row,) = rows_of("3 Sätze à 10 Wiederholungen - Kreuzheben mit Fokus auf die Technik")
    assert shown(row) == ("Barbell Deadlift", 3, 10, 10, False, None, None)
    assert row.confidence in ("low", "medium")


def test_the_load_before_the_name_is_the_rows_load_and_the_sentence_after_it_a_note():
    (row,) = rows_of("3 sets of 8 reps - 40kg front squat...just to groove the pattern before the heavy week")
    assert shown(row) == ("Front Barbell Squat", 3, 8, 8, False, "40kg", None)
    assert "groove the pattern" in (row.notes or "")


def test_a_pair_supersetted_in_the_same_sentence_gives_the_second_exercise_its_own_numbers():
    rows = rows_of("3 sets of 6 reps - 50kg overhead press, and this was supersetted with chin ups for 3 sets of 5 reps.")
    assert [shown(r) for r in rows] == [("Standing Military Press", 3, 6, 6, False, "50kg", None),
                                        ("Chin-Up", 3, 5, 5, False, None, None)]
    assert rows[0].superset and rows[0].superset == rows[1].superset
    assert {r.confidence for r in rows} <= {"low", "medium"}


def test_a_pair_named_in_the_next_sentence_does_the_first_ones_sets():
    rows = rows_of("3 sets of 12 reps - Goblet squats. These are supersetted with 20 seconds of plank.")
    assert [shown(r) for r in rows] == [("Goblet Squat", 3, 12, 12, False, None, None),
                                        ("Plank", 3, None, None, False, "20 seconds", None)]
    assert rows[0].superset == rows[1].superset is not None
    assert rows[0].rest_seconds is None  # the partner's seconds are no rest


def test_a_load_then_a_dash_then_the_name():
    (row,) = rows_of("5 sets of 3 at 120kg - deadlift")
    assert shown(row) == ("Barbell Deadlift", 5, 3, 3, False, "120kg", None)


def test_several_count_first_pieces_each_with_a_dash():
    rows = rows_of("5 sets of 5 - 80kg squats, 3 sets of 8 - 50kg bench")
    assert [shown(r) for r in rows] == [("Barbell Squat", 5, 5, 5, False, "80kg", None),
                                        ("Barbell Bench Press - Medium Grip", 3, 8, 8, False, "50kg", None)]


def test_a_pair_paired_with_its_own_numbers_shares_a_label():
    rows = rows_of("4 sets of 8 - incline dumbbell press paired with chest supported rows for 4 sets of 10")
    assert [(r.sets, r.reps_min) for r in rows] == [(4, 8), (4, 10)]
    assert rows[0].exercise.name == "Incline Dumbbell Press"
    assert rows[0].superset == rows[1].superset is not None


def test_a_name_first_line_paired_with_another_exercise_gives_it_a_row():
    rows = rows_of("Dips 3x12, superset with push ups")
    assert [(r.exercise.name, r.sets, r.reps_min) for r in rows] == [("Dips - Triceps Version", 3, 12), ("Pushups", 3, None)]
    assert rows[0].superset == rows[1].superset is not None
    assert rows[1].confidence == "low"


def test_a_paired_exercise_with_its_reps_before_its_name():
    rows = rows_of("Cable rows 3 sets of 12 reps supersetted with 15 band pull aparts")
    assert [(r.exercise.name, r.sets, r.reps_min) for r in rows] == [("Seated Cable Rows", 3, 12), ("Band Pull Apart", 3, 15)]
    assert rows[0].superset == rows[1].superset is not None
    assert {r.confidence for r in rows} == {"low"}


def test_words_after_a_dash_that_name_nothing_give_no_row():
    assert rows_of("3 sets of 10 reps - the usual stuff, nothing special today") == []


def test_a_date_with_dashes_before_a_name_is_no_count():
    # "2-12-14 – Bench Press": a day's date as a title, not 2 sets of 12-14.
    rows = rows_of("3-11-15 – Squat day\n\nFelt good today, nothing more to say about it really.")
    assert all(r.sets is None for r in rows)


# --- a sentence naming the exercise, its numbers below ---------------------------------------

def test_a_walk_through_names_each_exercise_in_a_sentence_and_its_numbers_follow():
    text = ("Today is our pull session and it runs a little under an hour from start to finish.\n"
            "Our second exercise is the barbell row. Keep the back flat, pull to the belly button and do not "
            "jerk the weight up with your hips, whatever the people around you are doing with theirs.\n"
            "4 Sets 6-8 reps\n"
            "The next exercise will be a hammer curl.\n"
            "3 sets 12 reps")
    rows = rows_of(text)
    assert [(r.exercise.name, r.sets, r.reps_min, r.reps_max) for r in rows] == [
        ("Bent Over Barbell Row", 4, 6, 8), ("Hammer Curls", 3, 12, 12)]
    assert {r.confidence for r in rows} <= {"low", "medium"}


def test_next_up_and_a_lift_told_in_a_sentence():
    rows = rows_of("Warm-up done.\n\nNext up: Bulgarian split squats.\n3 sets of 8 reps\n\n"
                   "Our third lift was the overhead press.\n5 sets of 5")
    assert [(r.exercise.name, r.sets, r.reps_min) for r in rows] == [
        ("Bulgarian Split Squat", 3, 8), ("Standing Military Press", 5, 5)]
    assert {r.confidence for r in rows} <= {"low", "medium"}


@pytest.mark.parametrize("line", ["The best exercise is the one you actually do.",
                                  "The last lift is always the hardest.", "Next up is a well deserved rest."])
def test_a_sentence_about_an_exercise_is_not_one_to_do(line):
    assert rows_of(line) == []


# --- a label, then a list of names ----------------------------------------------------------

def test_a_workout_label_then_its_exercises():
    result = parse_plan("Intro to the plan\n\nWorkout C: deadlift, overhead press, chin ups.\n"
                        "Workout D: front squat, dips, barbell row.", SEEDED)
    named = {w.name: [(e.exercise.name, e.sets, e.reps_min) for e in w.exercises] for w in result.workouts}
    assert named["Workout C"] == [("Barbell Deadlift", None, None), ("Standing Military Press", None, None),
                                  ("Chin-Up", None, None)]
    assert [e[0] for e in named["Workout D"]] == ["Front Barbell Squat", "Dips - Triceps Version", "Bent Over Barbell Row"]
    assert {e.confidence for e in result.exercises} == {"low"}


def test_one_prescription_under_a_list_of_names_is_each_ones():
    rows = rows_of("Week one of the new block\n\nWorkout B: front squat, overhead press, chin ups\n3x8")
    assert [(r.exercise.name, r.sets, r.reps_min) for r in rows] == [
        ("Front Barbell Squat", 3, 8), ("Standing Military Press", 3, 8), ("Chin-Up", 3, 8)]
    assert {r.confidence for r in rows} == {"low"}


def test_a_count_for_each_lift_is_the_listed_names_prescription():
    result = parse_plan("Week one\n\nDay 1: squats, bench press\nEach lift: 4 sets of 6 reps", SEEDED)
    assert [(r.exercise.name, r.sets, r.reps_min) for r in result.exercises] == [
        ("Barbell Squat", 4, 6), ("Barbell Bench Press - Medium Grip", 4, 6)]
    assert "Each lift: 4 sets of 6 reps" in result.unread


def test_a_spanish_day_then_its_exercises():
    result = parse_plan("Rutina\n\nDía 3: peso muerto, dominadas, fondos", SEEDED)
    (day,) = [w for w in result.workouts if w.exercises]
    assert day.name == "Día 3"
    assert [e.exercise.name for e in day.exercises] == ["Barbell Deadlift", "Pullups", "Dips - Triceps Version"]


def test_a_long_day_line_of_names_starts_its_workout():
    result = parse_plan("Split\n\nPull day – deadlift, barbell row, hammer curl, face pulls and shrugs", SEEDED)
    (day,) = [w for w in result.workouts if w.exercises]
    assert day.name == "Pull day"
    assert len(day.exercises) == 5


@pytest.mark.parametrize("line", [
    "Goals: strength, size, endurance",
    "Warm-up: jumping jacks, arm circles, leg swings",
    "Equipment: barbell, dumbbells, cable",
])
def test_a_field_or_a_warm_up_listed_is_no_list_of_exercises(line):
    assert len(rows_of(line)) <= 1  # (never a row per item)


def test_a_label_that_is_no_day_keeps_the_workout_and_lists_the_names():
    rows = rows_of("Extra – curls, lateral raises, face pulls (light, no grinding)")
    assert [(r.exercise.name, r.sets) for r in rows] == [("Barbell Curl", None), ("Side Lateral Raise", None),
                                                         ("Face Pull", None)]


@pytest.mark.parametrize("line", [
    "Squat, bench and OHP on the agenda for today.",
    "Today: we went for a walk, then some stretching, and home.",
    "My take: heavy, hard, and honest.",
    "My favourites: squats, bench press, deadlifts.",
    "We did: squats, bench press and rows, then went home.",
    "Tip: squats, lunges and deadlifts all work the legs.",
])
def test_a_sentence_with_commas_stays_unread(line):
    assert rows_of(line) == []


def test_a_label_that_is_an_exercise_is_no_list_of_names():
    # "Bench press: pause, touch and go": notes on the exercise, no list.
    assert [r.exercise.name for r in rows_of("Bench press: pause, touch and go")] == ["Barbell Bench Press - Medium Grip"]


def test_a_list_of_names_ended_with_a_full_stop_is_no_sentence():
    rows = rows_of("Klimmzüge, Dips.")
    assert [(r.exercise.name, r.sets) for r in rows] == [("Pullups", None), ("Dips - Triceps Version", None)]
    assert rows_of("Squats, lunges and then home.") == []


def test_a_list_of_names_some_unknown_gives_no_rows():
    assert rows_of("Finisher: sled pushes, tyre flips, battle ropes of doom") == []


# --- lettered or numbered names with no numbers --------------------------------------------

def test_lower_case_lettered_names_are_read_without_their_letter():
    rows = rows_of("Supersets of:\nd) Smith machine incline chest press\ne) Single arm DB row")
    assert [r.exercise.name for r in rows] == ["Smith Machine Incline Bench Press", "One-Arm Dumbbell Row"]
    assert {r.confidence for r in rows} == {"low"}


def test_lower_case_letters_with_a_full_stop_before_a_capital():
    rows = rows_of("d. Leg press\ne. Seated calf raise")
    assert [r.exercise.name for r in rows] == ["Leg Press", "Seated Calf Raise"]


def test_a_muscle_then_a_dash_then_the_exercise_for_it():
    rows = rows_of("Chest – cable crossover\nBack - lat pulldown")
    assert [(r.exercise.name, r.sets) for r in rows] == [("Cable Crossover", None), ("Wide-Grip Lat Pulldown", None)]
    assert {r.confidence for r in rows} == {"low"}


def test_two_numbered_names_on_one_line():
    rows = rows_of("1) Hammer curl 2) Preacher curl")
    assert [(r.exercise.name, r.sets) for r in rows] == [("Hammer Curls", None), ("Preacher Curl", None)]


def test_two_numbered_names_read_only_weakly_are_still_rows():
    rows = rows_of("1) Incline dumbbell chest press 2) Flat dumbbell chest press")
    assert [r.exercise.name for r in rows] == ["Incline Dumbbell Press", "Dumbbell Bench Press"]
    assert {r.confidence for r in rows} == {"low"}


def test_numbers_out_of_order_are_no_list_of_weakly_read_names():
    assert rows_of("1) Incline dumbbell chest press 3) Flat dumbbell chest press") == []


def test_a_bold_numbered_name_takes_the_prescription_under_it():
    rows = rows_of("6. **Ponte Unilateral**\n   - 4 séries de 10 repetições por perna\n   - Descanso: 45 segundos")
    assert [shown(r) for r in rows] == [("Single Leg Glute Bridge", 4, 10, 10, False, None, 45)]


def test_a_name_in_quotes_after_a_label_word():
    rows = rows_of('Вправа "Мертвий жук"\n4 підходи по 10 на сторону')
    assert [(r.exercise.name, r.sets, r.reps_min) for r in rows] == [("Dead Bug", 4, 10)]
    assert rows[0].confidence in ("low", "medium")


# --- details in brackets before the set count ----------------------------------------------

def test_reps_in_brackets_before_the_sets_and_not_to_failure():
    (row,) = rows_of("• Remo con barra (rango 8-10 reps, sin llegar al fallo): 3 series.")
    assert shown(row) == ("Bent Over Barbell Row", 3, 8, 10, False, None, None)


def test_an_english_bracket_saying_not_to_failure_is_no_amrap():
    (row,) = rows_of("Leg press (12-15 reps, not to failure): 3 sets")
    assert shown(row) == ("Leg Press", 3, 12, 15, False, None, None)


def test_to_failure_is_still_amrap():
    (row,) = rows_of("Dips: 3 sets to failure")
    assert row.amrap is True


# --- cardio written as work done -------------------------------------------------------------

@pytest.mark.parametrize("line, weight", [
    ("3Km on the rower", "3Km"),
    ("30 cal assault bike", "30 cal"),
    ("Row 750 meters (or 600 m on the ski erg)", "750 meters"),
    ("18 Cal Row", "18 Cal"),
    ("Row 1500m", "1500m"),
])
def test_cardio_is_a_row_with_no_lift_and_its_work_as_the_load(line, weight):
    (row,) = rows_of("Conditioning\n\n" + line)
    assert (row.exercise, row.weight_text, row.sets, row.reps_min) == (None, weight, None, None)


def test_times_in_an_aside_of_options_are_no_rest():
    (row,) = rows_of("Conditioning\n\nRow 2000 meters (or ski 1600 m, bike 8 min)")
    assert (row.weight_text, row.rest_seconds) == ("2000 meters", None)
    assert "bike 8 min" in row.notes


def test_a_barbell_named_for_a_distance_stays_the_lift():
    (row,) = rows_of("Barbell walking lunges 30m")
    assert (row.exercise.name, row.weight_text) == ("Barbell Walking Lunge", "30m")


def test_intervals_on_and_off_are_no_cardio_row():
    assert rows_of("1 min on, 1 min off") == []


def test_a_carry_for_a_distance_keeps_its_exercise():
    (row,) = rows_of("Farmers walk 40m")
    assert row.exercise is not None and row.weight_text == "40m"
