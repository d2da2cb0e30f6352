"""Rows read from prose: a training log told in the first person ("Then I did 4 sets of 12
rows"), alone on a line or one sentence of a longer paragraph.

Each example is written for the shape, not copied from the corpus."""

import pytest

from plans.parser import parse_plan
from tests.plans.test_parser_shapes import SEEDED  # the app's catalogue


@pytest.mark.parametrize("line", [
    "Then I did 3 sets of 12 squats",
    "I also did three sets of twelve squats",
    "After a short walk, I did 3 sets of 12 squats",
    "Next I performed 3 sets of 12 squats",
])
def test_a_narrated_prescription_names_the_exercise_after_its_numbers(line):
    (row,) = parse_plan(line, SEEDED).exercises
    assert (row.exercise.name, row.sets, row.reps_min, row.reps_max) == ("Barbell Squat", 3, 12, 12)
    assert row.confidence in ("medium", "low")


def test_a_stat_in_the_first_person_is_still_no_prescription():
    assert parse_plan("Squat: I did 140x2 a month ago", SEEDED).exercises == []


def test_the_narrated_sentence_of_a_paragraph_is_read_the_rest_stays_prose():
    paragraph = ("The gym was busy tonight and it took a while to find a free rack, so I warmed up on the "
                 "rower for a bit. Then I did 3 sets of 12 squats. My knees felt fine afterwards and "
                 "I think next week the weight can go up again.")
    result = parse_plan(paragraph, SEEDED)
    (row,) = result.exercises
    assert (row.exercise.name, row.sets, row.reps_min) == ("Barbell Squat", 3, 12)
    assert row.confidence == "low"
    assert row.line == paragraph  # the review shows what the user wrote


@pytest.mark.parametrize("line", ["I started my session with 3 sets of 12 squats",
                                  "I ended with 3 sets of 12 squats"])
def test_a_log_that_starts_or_ends_with_an_exercise(line):
    (row,) = parse_plan(line, SEEDED).exercises
    assert (row.exercise.name, row.sets, row.reps_min) == ("Barbell Squat", 3, 12)


def test_each_narrated_sentence_of_a_paragraph_is_read():
    paragraph = ("Short session before work today. I started with 3 sets of 12 squats. The rack by the "
                 "window was free for once, which made a nice change. Then I did 4 sets of 8 deadlifts. "
                 "Called it a day after that.")
    rows = parse_plan(paragraph, SEEDED).exercises
    assert [(r.exercise.name, r.sets, r.reps_min) for r in rows] == [("Barbell Squat", 3, 12), ("Barbell Deadlift", 4, 8)]
    assert {r.confidence for r in rows} <= {"low", "medium"}


def test_the_one_prescription_of_a_paragraph_is_read_from_its_sentence():
    paragraph = ("Después, el remo con barra en 3 series de 10 repeticiones. Este ejercicio trabaja la "
                 "espalda entera y también ayuda a mejorar la postura del cuerpo durante el resto del día.")
    (row,) = parse_plan(paragraph, SEEDED).exercises
    assert (row.sets, row.reps_min, row.reps_max) == (3, 10, 10)
    assert row.exercise is not None and row.confidence in ("low", "medium")
    assert row.line == paragraph


def test_a_sentence_cut_from_prose_naming_no_known_exercise_gives_no_row():
    paragraph = ("Begin the program with its 5x5 workout A on a Monday. Rest a day, eat well and sleep, "
                 "then come back for workout B two days later and keep switching between them each time.")
    assert parse_plan(paragraph, SEEDED).exercises == []
