"""Tables and column pastes (helper tables10, issue 9): the shapes of table people paste.

- a sets column of "4x" (a count and a times sign), a muscle-group column first whose
  cell is blank on the rows under it, a weights column ("27,5kg");
- a combined "Sets × Reps" column ("3x8", a bare number there being the reps), a notes
  column giving the set count ("4 sets", "3 sets total");
- superset rows in a table heading the rows under them (a bold row is their peer);
- a spreadsheet's lines of one set each, the name repeated;
- per-set "load x reps" lists written in Cyrillic ("кг", "х").

Each example is written for the shape, not copied from the corpus."""

import pytest

from plans.parser import parse_plan
from tests.plans.test_parser_shapes import SEEDED  # the app's catalogue


def parse(text):
    return parse_plan(text, SEEDED)


def rows(text):
    return [(e.exercise.name if e.exercise else None, e.sets, e.reps_min, e.reps_max, e.amrap, e.weight_text)
            for e in parse(text).exercises]


# --- a sets column of "Nx", a group column blank on continuation rows, a weights column ---

def test_a_frequency_column_of_nx_is_the_set_count_and_a_blank_group_cell_shifts_nothing():
    text = ("| muscle | exercise         | frequency | weights |\n"
            "| ------ | ---------------- | --------- | ------- |\n"
            "| back   | barbell row      | 5x        | 62,5kg  |\n"
            "|        | face pull        | 3x        | 17kg    |\n"
            "| arms   | hammer curl      | 4x        |         |\n"
            "|        | triceps pushdown | 2x        | 30kg    |\n")
    assert rows(text) == [
        ("Bent Over Barbell Row", 5, None, None, False, "62,5kg"),
        ("Face Pull", 3, None, None, False, "17kg"),
        ("Hammer Curls", 4, None, None, False, None),
        ("Triceps Pushdown", 2, None, None, False, "30kg"),
    ]


def test_a_sets_column_of_nx_in_a_tab_table():
    text = "Group\tExercise\tSets\tLoad\nlegs\tleg press\t4x\t140kg\n\tcalf raise\t3x\t60kg\n"
    assert rows(text) == [
        ("Leg Press", 4, None, None, False, "140kg"),
        ("Standing Calf Raises", 3, None, None, False, "60kg"),
    ]


# --- a combined Sets × Reps column; notes giving the set count -------------------------------

@pytest.mark.parametrize("header", ["Sets × Reps", "Sets x Reps", "Series x Reps", "Sets/Reps", "Подходы×Повторы"])
def test_a_combined_sets_x_reps_column(header):
    text = (f"| Exercise | {header} | Weight |\n|---|---|---|\n"
            "| Front squat | 4x6 | 70 kg |\n| Pull-ups | 3 × 8-10 | BW |\n")
    got = rows(text)
    assert [r[:4] for r in got] == [("Front Barbell Squat", 4, 6, 6), ("Pullups", 3, 8, 10)]
    assert got[0][5] == "70 kg"


def test_a_bare_number_in_sets_x_reps_is_the_reps_and_the_notes_give_the_sets():
    text = ("| Exercise | Sets × Reps | Weight | Notes |\n|---|---|---|---|\n"
            "| Kettlebell swing | 12 | 24 kg | 4 sets |\n"
            "| Goblet squat | 8 | 20 kg | 2 sets total |\n"
            "| Push-ups | 3 × 12 | BW | 5 sets |\n")
    assert [r[:4] for r in rows(text)] == [
        ("Kettlebell Swing", 4, 12, 12), ("Goblet Squat", 2, 8, 8),
        ("Pushups", 3, 12, 12),  # the scheme's own count wins over the notes'
    ]


def test_a_timed_cell_with_a_bodyweight_load_is_a_hold():
    text = ("| Exercise | Sets × Reps | Weight | Notes |\n|---|---|---|---|\n"
            "| Plank | 40 sec | BW | 3 sets |\n")
    assert rows(text) == [("Plank", 3, None, None, False, "40 sec")]


# --- superset rows ----------------------------------------------------------------------------

def test_superset_rows_in_a_table_head_the_rows_under_them():
    text = ("| Exercise | Sets × Reps | Weight | Notes |\n|---|---|---|---|\n"
            "| **Superset A** | | | 4 rounds |\n"
            "| Dumbbell row | 10 | 22 kg | |\n"
            "| Dips | 8-12 | BW | |\n"
            "| **Barbell curl** | 3 × 10 | 30 kg | |\n"
            "| **Circuit** | | | 2 rounds |\n"
            "| Lunges | 12 | 10 kg | |\n"
            "| Crunches | 20 | BW | |\n")
    result = parse(text)
    got = [(e.exercise.name if e.exercise else None, e.sets, e.reps_min, e.reps_max, e.superset) for e in result.exercises]
    assert [g[:4] for g in got] == [
        ("One-Arm Dumbbell Row", 4, 10, 10), ("Dips - Triceps Version", 4, 8, 12),
        ("Barbell Curl", 3, 10, 10),
        ("Dumbbell Lunges", 2, 12, 12), ("Crunches", 2, 20, 20),
    ]
    labels = [g[4] for g in got]
    assert labels[0] and labels[0] == labels[1]
    assert labels[2] is None  # bold, like the superset's row: its peer, not a member
    assert labels[3] and labels[3] == labels[4] and labels[3] != labels[0]


# --- a spreadsheet's lines of one set each ---------------------------------------------------

def test_tsv_lines_of_one_set_each_with_the_name_repeated_are_one_exercise():
    text = ("Leg Press\t12\t100\nLeg Press\t10\t140\nLeg Press\t8\t160\n"
            "Lat Pulldown\t15\t45\nLat Pulldown\t15\t55\n"
            "Seated Calf Raise\t20\t35\nSeated Calf Raise\t20\t35\nSeated Calf Raise\t20\t35\n")
    result = parse(text)
    assert rows(text) == [
        ("Leg Press", 3, 8, 12, False, "100-160"),
        ("Wide-Grip Lat Pulldown", 2, 15, 15, False, "45-55"),
        ("Seated Calf Raise", 3, 20, 20, False, "35"),
    ]
    # Each exercise is keyed to its first line, as written.
    assert [e.line for e in result.exercises] == ["Leg Press\t12\t100", "Lat Pulldown\t15\t45", "Seated Calf Raise\t20\t35"]


def test_a_set_number_column_in_a_tsv_log_is_not_the_reps():
    text = "Deadlift\t1\t5\t120\nDeadlift\t2\t5\t130\nDeadlift\t3\t3\t140\n"
    assert rows(text) == [("Barbell Deadlift", 3, 3, 5, False, "120-140")]


def test_a_table_of_one_set_a_row_under_a_header_drops_its_warm_up_rows():
    text = ("| session | exercise | set_type | weight_kg | reps |\n|---|---|---|---|---|\n"
            "| Mon | Bench Press | warm-up | 40 | 10 |\n"
            "| Mon | Bench Press | working | 70 | 6 |\n"
            "| Mon | Bench Press | working | 75 | 5 |\n"
            "| Mon | Barbell Row | working | 60 | 8 |\n"
            "| Mon | Barbell Row | working | 60 | 8 |\n")
    assert rows(text) == [
        ("Barbell Bench Press - Medium Grip", 2, 5, 6, False, "70-75"),
        ("Bent Over Barbell Row", 2, 8, 8, False, "60"),
    ]


def test_a_prescription_table_whose_rows_repeat_a_name_is_not_folded():
    text = ("| Week | Exercise | Sets | Reps |\n|---|---|---|---|\n"
            "| 1 | Squat | 3 | 5 |\n| 2 | Squat | 3 | 6 |\n")
    assert [r[:4] for r in rows(text)] == [("Barbell Squat", 3, 5, 5), ("Barbell Squat", 3, 6, 6)]


# --- per-set load x reps lists in Cyrillic ---------------------------------------------------

def test_a_cyrillic_load_x_reps_list_gives_a_set_each():
    text = ("Присед со штангой: 100кг х 5, 110кг х 5, 120кг х 3\n"
            "Тяга штанги в наклоне: 60 кг х 10, 70 кг х 8\n")
    assert rows(text) == [
        ("Barbell Squat", 3, 3, 5, False, "100-120кг"),
        ("Bent Over Barbell Row", 2, 8, 10, False, "60-70кг"),
    ]


def test_cyrillic_kg_and_times_read_as_kg_and_x():
    assert rows("Жим лёжа 4х6 по 80 кгс")[0][:4] == ("Barbell Bench Press - Medium Grip", 4, 6, 6)
    assert rows("Жим лёжа: 90кг х 3")[0][1:] == (1, 3, 3, False, "90кг")


def test_a_latin_per_set_load_range_writes_its_unit_once():
    assert rows("Overhead press: 40kg x 8, 45kg x 6, 50kg x 4")[0][1:] == (3, 4, 8, False, "40-50kg")


def test_a_cyrillic_table_with_kg_and_times_cells():
    text = ("Упражнение | Подходы | Повторы | Вес\n--- | --- | --- | ---\n"
            "Присед | 3х | 8 | 90кг\nЖим лёжа | 4 | 3х6 | 70 кг\n")
    assert rows(text) == [
        ("Barbell Squat", 3, 8, 8, False, "90кг"),
        ("Barbell Bench Press - Medium Grip", 4, 6, 6, False, "70 кг"),
    ]


def test_a_planned_load_in_cyrillic_kg():
    from plans.parser import planned_load
    assert planned_load("@ 60кг") == ("60", "kg")


# --- other table shapes ----------------------------------------------------------------------

def test_an_activity_column_and_a_duration_sets_reps_column():
    text = ("| Activity | Duration/Sets/Reps | Description |\n|---|---|---|\n"
            "| Rowing machine | 20 minutes | Easy pace, nose breathing. |\n"
            "| Side plank | 2 sets x 30 seconds | Each side. |\n"
            "| Sit-ups | 3 sets x 25 reps | Slow on the way down. |\n")
    got = rows(text)
    assert got[0][1:] == (None, None, None, False, "20 minutes")
    assert got[2] == ("Sit-Up", 3, 25, 25, False, None)


def test_the_same_lift_and_scheme_on_two_days_of_a_scheme_header_table_keep_their_own_lines():
    text = ("| Day | Main (5x5) | Accessory (3x12) |\n|---|---|---|\n"
            "| Monday | Front squat | Lunges |\n| Thursday | Front squat | Leg curl |\n")
    result = parse(text)
    lines = [e.line for e in result.exercises if e.exercise and e.exercise.name == "Front Barbell Squat"]
    assert lines == ["| Monday | Front squat | Lunges |", "| Thursday | Front squat | Leg curl |"]


def test_a_frequency_column_says_sets_only_as_a_count_with_a_times_sign():
    text = "| Exercise | Frequency | Weight |\n|---|---|---|\n| Deadlift | 2x/week | 140 kg |\n| Shrugs | 3x | 100 kg |\n"
    got = rows(text)
    assert got[0][:2] == ("Barbell Deadlift", None)  # how often, not how many sets
    assert got[1][:2] == ("Barbell Shrug", 3)


def test_a_row_naming_a_block_word_with_its_own_scheme_is_an_exercise_not_a_block():
    text = ("| Exercise | Sets × Reps | Notes |\n|---|---|---|\n"
            "| Circuit B | x3 | |\n| Burpees | 10 | |\n| Jump squats | 15 | |\n"
            "| Complex pull-ups | 3x5 | |\n")
    result = parse(text)
    got = [(e.exercise.name if e.exercise else None, e.sets, e.reps_min, e.superset) for e in result.exercises]
    assert [g[1:3] for g in got[:2]] == [(3, 10), (3, 15)]
    assert got[0][3] and got[0][3] == got[1][3]
    assert len(got) == 3 and got[2][1:3] == (3, 5)


def test_a_set_column_counting_1_2_3_numbers_each_rows_set():
    text = ("| Exercise | Set | Reps | Weight |\n|---|---|---|---|\n"
            "| Romanian deadlift | 1 | 10 | 60 kg |\n| Romanian deadlift | 2 | 8 | 70 kg |\n"
            "| Romanian deadlift | 3 | 8 | 75 kg |\n| Plank | 1 | 1 | |\n\n"
            "| Exercise | Sets | Reps |\n|---|---|---|\n| Incline press | 3 | 10 |\n| Incline press | 2 | 6 |\n")
    got = rows(text)
    assert got[0] == ("Romanian Deadlift", 3, 8, 10, False, "60-75 kg")
    # A sets column that does not count 1, 2, 3: each row is sets to do, not one set.
    assert [g[1:3] for g in got[-2:]] == [(3, 10), (2, 6)]


def test_a_load_range_with_its_unit_is_the_rows_load():
    assert rows("Leg press 4x12 @ 140-160 kg")[0][1:] == (4, 12, 12, False, "140-160 kg")


def test_a_one_set_a_row_log_whose_last_set_went_to_failure():
    text = ("| exercise_title | set_type | weight_kg | reps | exercise_notes |\n|---|---|---|---|---|\n"
            "| Overhead Press | normal | 40 | 8 | |\n| Overhead Press | normal | 45 | 6 | last set to failure |\n")
    assert rows(text) == [("Standing Military Press", 2, 6, None, True, "40-45")]


def test_kg_glued_to_a_cyrillic_times_sign_and_kgs_written_as_the_user_wrote_them():
    assert rows("Жим лёжа: 70кгх10, 75кгх8, 80кгх6")[0][1:] == (3, 6, 10, False, "70-80кг")
    assert rows("Тяга штанги в наклоне 4х8 по 60 кгс")[0][1:] == (4, 8, 8, False, "60 кгс")


@pytest.mark.parametrize(("header", "row", "expected"), [
    ("| Übung | Sätze × Wdh. | Gewicht | Notizen |", "| Kreuzheben | 12 | 100 kg | 3 Sätze |", ("Barbell Deadlift", 3, 12, 12)),
    ("| Ćwiczenie | Serie x Powtórzenia | Ciężar | Uwagi |", "| Wiosłowanie sztangą | 4x10 | 50 kg | |",
     ("Bent Over Barbell Row", 4, 10, 10)),
    ("| Exercício | Séries x Repetições | Carga | Observações |", "| Agachamento livre | 5x5 | 80 kg | |",
     ("Barbell Squat", 5, 5, 5)),
    ("| Oefening | Sets x Herhalingen | Gewicht |", "| Bankdrukken | 3x8 | 60 kg |",
     ("Barbell Bench Press - Medium Grip", 3, 8, 8)),
])
def test_sets_x_reps_headers_in_other_languages(header, row, expected):
    assert rows(f"{header}\n|---|---|---|---|\n{row}\n")[0][:4] == expected


def test_one_set_lines_aligned_with_spaces_or_commas_are_one_exercise():
    spaced = "Hip thrust    12    80\nHip thrust    10    100\nHip thrust    8    120\n"
    csv = "Hip thrust, 12, 80\nHip thrust, 10, 100\nHip thrust, 8, 120\n"
    for text in (spaced, csv):
        got = rows(text)
        assert len(got) == 1 and got[0][1:] == (3, 8, 12, False, "80-120"), text


def test_a_name_repeated_on_lines_that_are_not_one_set_each_is_left_alone():
    text = "Squat 5x5 @ 100kg\nSquat 5x5 @ 105kg\n"  # (no cells: two prescriptions)
    assert [r[1:3] for r in rows(text)] == [(5, 5), (5, 5)]


def test_a_notes_column_keeps_its_rest_and_a_weight_column_wins_over_a_load_in_the_notes():
    text = ("| Exercise | Sets | Reps | Weight | Notes |\n|---|---|---|---|---|\n"
            "| Hack squat | 4 | 10 | 120 kg | rest 2 min |\n"
            "| Leg curl | 3 | 12 | 40 kg | next time 42.5 kg |\n")
    result = parse(text)
    assert [(e.sets, e.reps_min, e.rest_seconds, e.weight_text) for e in result.exercises] == [
        (4, 10, 120, "120 kg"), (3, 12, None, "40 kg")]


def test_superset_labels_in_a_table_in_their_own_column_or_before_the_name():
    own = ("| # | Exercise | Sets | Reps |\n|---|---|---|---|\n"
           "| C1 | Incline dumbbell press | 3 | 10 |\n| C2 | Lat pulldown | 3 | 12 |\n| D | Plank | 3 | 45s |\n")
    before = ("| Exercise | Sets | Reps |\n|---|---|---|\n"
              "| C1. Incline dumbbell press | 3 | 10 |\n| C2. Lat pulldown | 3 | 12 |\n")
    for text in (own, before):
        got = [(e.exercise.name if e.exercise else None, e.sets, e.reps_min, e.superset) for e in parse(text).exercises]
        assert got[:2] == [("Incline Dumbbell Press", 3, 10, "C"), ("Wide-Grip Lat Pulldown", 3, 12, "C")], text
