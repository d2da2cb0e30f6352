"""Rest and times written once or in shorthand: "Rest 90 s between sets" in notes after the last
day, in a day after its exercises, or under one exercise. "Between sets" (in each of the
vocabulary's languages) says it is the rest of sets, not a circuit's between rounds. Rests
and holds written with primes (1'30, 90'', 3x30'').

Each example is written for the shape, not copied from the corpus."""

import pytest

from plans.parser import parse_plan
from tests.plans.test_parser_shapes import SEEDED  # the app's catalogue


def rests(text):
    result = parse_plan(text, SEEDED)
    return [[e.rest_seconds for e in w.exercises] for w in result.workouts], result.unread


@pytest.mark.parametrize("note", [
    "Rest 60-90 s between sets.",
    "Notes: keep 60 seconds between sets on everything",
    "Descanso entre series: 60 segundos",
    "Отдых между подходами: 60-90 секунд",
    "Pause zwischen den Sätzen: 60 Sekunden",
    "Riposo tra le serie: 60 secondi",
    "Przerwa między seriami 60 s",
])
def test_a_note_after_the_last_day_is_the_rest_of_the_whole_plan(note):
    text = f"Day 1\nSquat 5x5\nBench press 3x8 rest 2 min\n\nDay 2\nDeadlift 1x5\nChin ups 3x8\n\nNotes:\n{note}"
    workouts, unread = rests(text)
    assert workouts == [[60, 120], [60, 60]]  # the bench's own rest stays
    assert unread[-1] == note  # listed as read into no row


def test_a_sentence_about_rest_after_a_days_exercises_is_that_days():
    text = ("Day 1\nSquat 5x5\nLeg press 3x10\n\nI take 2 min between sets here, heavy day.\n\n"
            "Day 2\nBench press 3x8\nRows 3x10")
    assert rests(text)[0] == [[120, 120], [None, None]]


def test_a_short_rest_line_under_an_exercise_is_that_exercises():
    text = "Squat 5x5\n\n3-4 min between sets\n\nLeg curl 3x12\n\nCalf raise 3x15"
    assert rests(text)[0] == [[180, None, None]]


def test_a_rest_in_words_is_read():
    text = "Squat 5x5\nBench press 3x8\n\nFor all of these, take a two minute break between sets."
    assert rests(text)[0] == [[120, 120]]


def test_two_rests_on_the_line_hold_for_no_row():
    text = "Squat 5x5\nCurls 3x12\n\nRest between sets: 3 min on compounds, 60 s on isolation"
    assert rests(text)[0] == [[None, None]]


def test_rest_between_rounds_is_no_rest_between_sets():
    text = "Squat 3x10\nPush ups 3x10\n\nRest 2 min between rounds"
    assert rests(text)[0] == [[None, None]]


def test_a_story_mentioning_rest_between_sets_is_no_note():
    story = ("Felt tired today, slept badly and the gym was packed, so I decided to rest about 30 seconds longer "
             "between sets than usual and it worked, the bar moved well and I even added a rep on the last set "
             "of the day, which made me happy before going home.")
    assert rests(f"Squat 5x5\nBench press 3x8\n\n{story}")[0] == [[None, None]]


@pytest.mark.parametrize(("line", "rest"), [
    ("Panca piana 4x8 recupero 1'30", 90),  # a minute and a half, as primes
    ("Panca piana 4x8 rec. 90''", 90),  # seconds as a double prime
    ("Squat 5x5 rec 2'", 120),  # a minute as a prime
    ("Press de banca 4x10 descanso 1’30”", 90),  # curly primes
    ('Squat 5x5 90" rest', 90),
    ("Bench press 3x8 rest 90", 90),  # no unit: seconds
    ("Bench press 3x8 rest 2", 120),  # no unit, small: minutes
])
def test_rest_written_with_primes(line, rest):
    (row,) = parse_plan(line, SEEDED).exercises
    assert row.rest_seconds == rest
    assert row.notes is None  # nothing of the rest left over in the notes



@pytest.mark.parametrize(("line", "held"), [("Plank 3x30''", "30''"), ("Wall sit 3 x 1'", "1'"), ('Plank 3x45"', '45"')])
def test_a_hold_written_with_primes_is_a_time_not_reps(line, held):
    (row,) = parse_plan(line, SEEDED).exercises
    assert (row.sets, row.reps_min, row.weight_text) == (3, None, held)


def test_an_apostrophe_s_is_no_prime():
    (row,) = parse_plan("Curls 3x10's rest 90", SEEDED).exercises
    assert (row.sets, row.reps_min, row.rest_seconds) == (3, 10, 90)


@pytest.mark.parametrize(("line", "sets", "held"), [
    ("Plank – 3×30-45 sn", 3, "30-45sn"),  # Turkish saniye
    ("Планка 3 по 60 сек", 3, "60 сек"),  # Russian "N по <time>"
    ("Біг на місці — 3 підходи по 1 хв", 3, "1 хв"),  # sets of a time in minutes
    ("Plank 3 sets of 1 min", 3, "1 min"),
])
def test_sets_of_a_time_in_other_languages_and_minutes(line, sets, held):
    (row,) = parse_plan(line, SEEDED).exercises
    assert (row.sets, row.reps_min, row.weight_text) == (sets, None, held)
