"""How the numbers on a found row are read (session 11, second pass): shapes of sets, reps
and rests the parser read wrong.

Each example is written for the shape, not copied from the corpus."""

from plans.parser import parse_plan
from tests.plans.test_parser_shapes import SEEDED  # the app's catalogue


def rows(text):
    return parse_plan(text, SEEDED).exercises


def numbers(row):
    return row.sets, row.reps_min, row.reps_max


def test_a_count_after_a_colon_may_be_more_than_thirty_reps():
    first, second = rows("Back day:\nInverted rows:  45\nPush-ups: 64")
    assert numbers(first) == (None, 45, 45)
    assert numbers(second) == (None, 64, 64)


def test_a_bare_number_after_a_name_with_no_colon_stays_no_reps_past_thirty():
    (row,) = rows("Lunges 45")
    assert (row.reps_min, row.reps_max) == (None, None)


def test_a_footnote_under_an_exercise_gives_its_rest():
    first, second = rows("Chin-ups\n\n6 sets of 5 reps\n\n*Go slow on the way down. Keep rest breaks to 30 seconds "
                         "between the 6 sets.\n\nHammer curls\n\n5 sets of 10 reps with 30lbs\n\n"
                         "*Five sets with brisk, 45-second rest breaks.")
    assert (numbers(first), first.rest_seconds) == ((6, 5, 5), 30)
    assert (numbers(second), second.rest_seconds) == ((5, 10, 10), 45)


def test_a_footnote_with_two_rests_gives_none():
    (row,) = rows("Chin-ups\n\n6 sets of 5 reps\n\n*Keep the rest breaks short: 30 seconds early on, 60 seconds later.")
    assert row.rest_seconds is None


TIERED_PLAN = """# My tiered programme

| Workout | T1 | T2 | T3 |
|-----|----|----|----|
| **A1** | Deadlift | Bench Press | Face Pull |
| **B1** | Squat | Overhead Press | Barbell Curl |

## T1 lifts

Scheme: 4 sets x 4 reps (last set is AMRAP)

Rest: 3-4 minutes between sets

## T2 lifts

Scheme: 3 sets x 8 reps

Rest: 2 minutes between sets

## T3 lifts

Scheme: 3 sets x 12+ reps

Rest: 1-1.5 minutes between sets
"""


def test_a_tier_column_takes_the_scheme_and_rest_of_its_tiers_section():
    monday = rows(TIERED_PLAN)[:3]
    assert [(numbers(r), r.amrap, r.rest_seconds) for r in monday] == [
        ((4, 4, None), True, 180), ((3, 8, 8), False, 120), ((3, 12, None), True, 60)]
    assert all(r.confidence != "high" for r in monday)  # read from another part of the plan


def test_a_rest_range_may_end_in_a_half_minute():
    (row,) = rows("Rows 3x10\nRest 1-1.5 min between sets")
    assert row.rest_seconds == 60


def test_polish_sets_of_reps_are_read_whole():
    first, second, third = rows("Przysiady\n- 4 serie po 15 powtórzeń\n\nWykroki\n- 3 serie po 8 powtorzen na kazda noge"
                                "\n\nDeska\n- 2 serie po 45 sekund")
    assert numbers(first) == (4, 15, 15)
    assert numbers(second) == (3, 8, 8)
    assert (numbers(third), third.weight_text) == ((2, None, None), "45 seconds")


def test_times_written_as_xs_is_a_times_sign():
    (row,) = rows("Leg press 4 X's 12-15")
    assert numbers(row) == (4, 12, 15)
    (row,) = rows("Exercise\tSets\tReps\nLeg press\t4\t4 X's 12-15")
    assert numbers(row) == (4, 12, 15)


def test_a_count_at_a_load_after_a_colon_is_one_set_of_those_reps():
    (row,) = rows("Chin-up: 9 @ bodyweight")
    assert (numbers(row), row.weight_text) == ((1, 9, 9), "bodyweight")
    assert row.confidence != "high"  # one set, as nothing says how many
    (row,) = rows("Hammer curl: 11 @ 14kg")
    assert (numbers(row), row.weight_text) == ((1, 11, 11), "14kg")


def test_reps_then_more_counts_are_one_set_each():
    (row,) = rows("Arnold press - 1 set @ 15 reps, 12, 10, 8")
    assert numbers(row) == (4, 8, 15)


def test_a_footnote_giving_a_rest_stays_listed_as_written():
    footnote = "*Keep rest breaks to 30 seconds between the 6 sets."
    assert footnote in parse_plan(f"Chin-ups\n\n6 sets of 5 reps\n\n{footnote}", SEEDED).unread
