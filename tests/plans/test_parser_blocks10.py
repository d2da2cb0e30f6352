"""The plan-text parser on blocks, warm-up / cool-down parts and to-failure words, as real
pasted plans write them in several languages: a block header with its count ("Bloque C
×5", "Круг 4 раза", "4 Runden:") is no row and gives its members their sets, one superset
label and the rest said under or in it; an EMOM's minute lines share its minutes; a warm-up's
timed drills are no rows; "x fallo", "4х отказ", "até a falha" are sets to failure.

Each example is written for the shape (its own words, numbers and languages), not copied
from the corpus."""

import pytest

from equipment.catalog import seeded_names
from plans.parser import CatalogEntry, parse_plan

CATALOG = [CatalogEntry(id=name, name=name) for name in seeded_names()]


def parse(text):
    return parse_plan(text, CATALOG)


def seen(text):
    """The rows a user sees: (line, sets, reps_min, reps_max, amrap, weight_text, rest)."""
    return [(e.line.strip(), e.sets, e.reps_min, e.reps_max, e.amrap, e.weight_text, e.rest_seconds)
            for e in parse(text).exercises]


def labels(text):
    return [e.superset for e in parse(text).exercises]


# --- block headers with a count, in several languages --------------------------------

@pytest.mark.parametrize(("header", "sets"), [
    ("Bloque C ×5", 5),
    ("Bloco B x4", 4),
    ("Circuito (4 rondas)", 4),
    ("4 Runden:", 4),
    ("Zirkel x 2", 2),
    ("Круг 4 раза", 4),
    ("Circuit B x 5", 5),
    ("Superset 2: x3", 3),
    ("Superset (3 rounds)", 3),
    ("Tri-set, 5 rounds:", 5),
    ("Circuit 3 tours :", 3),
    ("Circuito 2 veces", 2),
    ("Super seria (3 rundy):", 3),
    ("Obwód x 4", 4),
    ("Serie gigante (4 rondas):", 4),
    ("Гигантский сет 3 круга", 3),
    ("Riesensatz, 3 Durchgänge:", 3),
])
def test_a_block_header_with_its_count_gives_its_members_their_sets(header, sets):
    text = f"Day 2\n\n{header}\n- Burpees 8\n- Mountain climbers 20\n\nBench press 3x5\n"
    rows = seen(text)
    assert [r[0] for r in rows] == ["- Burpees 8", "- Mountain climbers 20", "Bench press 3x5"]  # the header: no row
    assert [r[1:4] for r in rows] == [(sets, 8, 8), (sets, 20, 20), (3, 5, 5)]
    first, second, third = labels(text)
    assert first is not None and first == second and third is None


def test_a_rest_line_under_a_block_is_every_members_rest():
    text = "Bloque A ×3\n\n- Burpees 8\n- Plancha 30s\n  Descanso 50s\n\nRemo con barra 4x10\n"
    assert seen(text) == [
        ("- Burpees 8", 3, 8, 8, False, None, 50),
        ("- Plancha 30s", 3, None, None, False, "30s", 50),  # a hold: its time, no reps
        ("Remo con barra 4x10", 4, 10, 10, False, None, None),
    ]


def test_a_russian_circuit_with_its_rest_in_minutes():
    text = "Круг 4 раза\n- Отжимания 15\n- Приседания 25\nОтдых 2 мин\n"
    assert [(r[1], r[2], r[6]) for r in seen(text)] == [(4, 15, 120), (4, 25, 120)]


def test_a_rest_in_the_block_header_is_its_members_rest():
    text = "Superserie A x3 (descanso 30s):\n- Curl de bíceps 12\n- Fondos 10\n"
    assert [(r[1], r[2], r[6]) for r in seen(text)] == [(3, 12, 30), (3, 10, 30)]


def test_a_rest_between_rounds_in_the_header_is_not_the_members_rest():
    text = "Circuit x 3, rest 2 min between rounds\n- Kettlebell swings 15\n- Push-ups 10\n"
    assert [(r[1], r[2], r[6]) for r in seen(text)] == [(3, 15, None), (3, 10, None)]


def test_reps_on_each_side_in_a_block_are_one_count_not_two_sets():
    text = "Bloque B ×4\n- Bulgarian split squat 10/10\n- Side plank 20s\n"
    assert [r[1:6] for r in seen(text)] == [(4, 10, 10, False, None), (4, None, None, False, "20s")]


def test_two_different_numbers_after_a_slash_stay_two_sets():
    (row,) = parse("Squat: 3x5\nBench press 8/6").exercises[1:]
    assert (row.sets, row.reps_min, row.reps_max) == (2, 6, 8)


def test_a_closing_part_named_in_a_longer_heading_is_a_section_not_a_block():
    text = "## Core and Cardio Finisher:\n\n- Russian twists: 3 sets of 20 reps\n- Side plank: 3 sets of 30 seconds\n"
    assert labels(text) == [None, None]


def test_block_pulls_with_numbers_are_an_exercise_not_a_block():
    rows = seen("Block pulls 3x3\nBarbell row 4x8\n")
    assert [r[1:4] for r in rows] == [(3, 3, 3), (4, 8, 8)]
    assert labels("Block pulls 3x3\nBarbell row 4x8\n") == [None, None]


def test_a_block_of_a_session_named_with_its_length_is_a_section_not_a_superset():
    text = "#### Block A: Back (20 Min)\n1. Barbell row: 4 sets x 8 reps\n2. Face pulls: 3 sets x 15 reps\n"
    assert labels(text) == [None, None]


def test_a_superset_named_over_an_indented_list_of_its_members():
    text = ("- Bench press\n- Schulter Supersatz\n    + Seitheben mit Kurzhanteln\n    + Frontheben mit Kurzhantel\n"
            "- Dips\n")
    result = parse(text)
    assert [e.line.strip() for e in result.exercises] == [
        "- Bench press", "+ Seitheben mit Kurzhanteln", "+ Frontheben mit Kurzhantel", "- Dips"]
    first, second, third, fourth = (e.superset for e in result.exercises)
    assert second is not None and second == third and first is None and fourth is None


# --- EMOM minute lines ------------------------------------------------------------------

def test_emom_minutes_shared_by_its_minute_lines():
    text = "EMOM 12 min\nMin 1: 10 Kettlebell swings\nMin 2: 8 Push-ups\nMin 3: 12 Sit-ups\n"
    assert [r[1:4] for r in seen(text)] == [(4, 10, 10), (4, 8, 8), (4, 12, 12)]
    assert len(set(labels(text))) == 1 and labels(text)[0] is not None


def test_a_finisher_emom_with_its_length_before_the_word():
    text = "Finisher 10 min EMOM\nMinute 1: 5 Pull-ups\nMinute 2: 10 Air squats\n"
    rows = seen(text)
    assert [r[1:4] for r in rows] == [(5, 5, 5), (5, 10, 10)]
    assert "Finisher 10 min EMOM" in parse(text).unread


def test_an_emom_with_rounds_gives_its_rounds():
    text = "EMOM x4\nMin 1: 6 Burpees\nMin 2: 8 Lunges\n"
    assert [r[1] for r in seen(text)] == [4, 4]


def test_the_rounds_said_after_a_blocks_members():
    text = "Metcon\n- 10 Wall balls\n- 12 Box jumps\n(5 rondas)\n\nDeadlift 5x3\n"
    rows = seen(text)
    assert [r[0] for r in rows] == ["- 10 Wall balls", "- 12 Box jumps", "Deadlift 5x3"]
    assert [r[1:4] for r in rows] == [(5, 10, 10), (5, 12, 12), (5, 3, 3)]


def test_a_finisher_with_its_length_is_no_row_and_gives_no_sets():
    text = "Bench press 3x5\n\nFinisher 8 min\n\n- 12 Burpees\n- 20 Sit-ups\n"
    rows = seen(text)
    assert [r[0] for r in rows] == ["Bench press 3x5", "- 12 Burpees", "- 20 Sit-ups"]
    assert [r[1:4] for r in rows[1:]] == [(None, 12, 12), (None, 20, 20)]
    assert labels(text)[1] is not None and labels(text)[1] == labels(text)[2]


# --- warm-up and cool-down parts ----------------------------------------------------------

@pytest.mark.parametrize("heading", [
    "Calentamiento (8 min)", "Warm-up 10 min", "Aufwärmen", "Разминка 5-7 минут", "Mobility", "Movilidad:",
    "Cool down",
])
def test_the_timed_drills_of_a_warm_up_are_not_rows(heading):
    drills = ["- 2 min jump rope", "- 1 min Plank", "-Hip circles", "- 30s Jumping jacks"]
    text = heading + "\n\n" + "\n".join(drills) + "\n\nBack squat 5x5\nRomanian deadlift 3x8\n"
    result = parse(text)
    assert [e.line for e in result.exercises] == ["Back squat 5x5", "Romanian deadlift 3x8"]
    assert set(drills) <= set(result.unread)  # the review's "not read as exercises"


def test_a_cool_down_with_its_length_is_no_row():
    text = "Pull-ups 4x6\nDips 3x10\n\nCooldown 6 min\n"
    result = parse(text)
    assert [e.line for e in result.exercises] == ["Pull-ups 4x6", "Dips 3x10"]
    assert "Cooldown 6 min" in result.unread


def test_a_warm_up_round_header_keeps_its_drills_out():
    text = "Warm up\n\n3 rounds, 30 seconds each:\n\n-Arm swings\n-Plank hold\n-Walking lunges\n\nFloor press 5x5\n"
    assert [e.line for e in parse(text).exercises] == ["Floor press 5x5"]


def test_a_prescribed_known_exercise_in_a_warm_up_stays_a_row():
    text = "Warm-up (5 min)\n- Push-ups: 2x12\n- 1 min Arm circles\n\nBench press 3x5\n"
    assert [r[:4] for r in seen(text)] == [("- Push-ups: 2x12", 2, 12, 12), ("Bench press 3x5", 3, 5, 5)]


def test_a_warm_up_item_in_a_list_does_not_hide_the_list():
    text = "- Warm-up 10 min\n- Squat 3x5\n- Bench press 3x5\n"
    assert [e.line for e in parse(text).exercises] == ["- Squat 3x5", "- Bench press 3x5"]


def test_a_warm_up_heading_over_a_description_then_exercises():
    text = ("Розминка (5 хвилин)\nЛегке кардіо та обертання суглобами.\nВіджимання\n3 підходи по 12 повторень\n"
            "Планка\n3 підходи по 40 секунд\n")
    rows = seen(text)
    assert [(r[1], r[2]) for r in rows] == [(3, 12), (3, None)]


# --- to failure, in several languages -------------------------------------------------------

@pytest.mark.parametrize(("line", "sets"), [
    ("Fondos: 4 series x fallo", 4),
    ("Dominadas 3 series al fallo muscular", 3),
    ("Flexiones 2 series hasta el fallo", 2),
    ("Подтягивания 4х отказ", 4),
    ("Отжимания 2 подхода до отказа", 2),
    ("Klimmzüge 3 Sätze bis zum Muskelversagen", 3),
    ("Liegestütze 2 Sätze bis zum Versagen", 2),
    ("Barra fixa 3 séries até à falha", 3),
    ("Tractions 4 séries jusqu’à l’échec", 4),
    ("Trazioni 3 serie fino al cedimento", 3),
    ("Віджимання 3 підходи до відмови", 3),
    ("Pompki 3 serie do upadku", 3),
    ("Dominadas 4 series x máximo", 4),
    ("Fondos 3 series al máximo", 3),
    ("Подтягивания 3 подхода на максимум", 3),
    ("Barra fixa 3 séries máximo de repetições", 3),
    ("Trazioni 3 serie al massimo", 3),
])
def test_sets_to_failure(line, sets):
    (row,) = parse("Day 1\n" + line).exercises
    assert (row.sets, row.reps_min, row.reps_max, row.amrap) == (sets, None, None, True)


@pytest.mark.parametrize(("header", "sets", "reps"), [
    ("Superset 3x12:", 3, 12),
    ("Biserie 4x10:", 4, 10),
    ("Supersatz 3 x 15:", 3, 15),
])
def test_a_superset_header_with_sets_and_reps_gives_them_to_its_members(header, sets, reps):
    text = f"{header}\n- Hammer curls\n- Rope pushdowns\n"
    assert [r[1:4] for r in seen(text)] == [(sets, reps, reps), (sets, reps, reps)]


@pytest.mark.parametrize(("below", "sets"), [
    ("* Every 1 min for 6 mins.", 6),
    ("EMOM 8 min", 8),
    ("E2MOM x 10 min", 5),
])
def test_an_emom_said_under_one_exercise_gives_it_its_sets(below, sets):
    text = f"3 Power cleans @ 70%\n\n{below}\n\nCoaches: keep the bar close.\n"
    result = parse(text)
    (row,) = result.exercises
    assert (row.sets, row.reps_min, row.reps_max) == (sets, 3, 3)
    assert below in result.unread


@pytest.mark.parametrize("after", ["Repeat 3 times", "(3 rounds)", "Repetir x3", "Повторить 3 раза", "Wiederholen 3 mal"])
def test_the_rounds_said_after_a_superset_of_labelled_lines(after):
    text = f"A1. Goblet squat 12\nA2. Push-ups 15\n{after}\n\nDeadlift 3x5\n"
    assert [r[1:4] for r in seen(text)] == [(3, 12, 12), (3, 15, 15), (3, 5, 5)]


def test_a_bare_rounds_line_under_a_superset_heads_the_lines_below_it():
    text = "D1. Front squat 8\nD2. Lunges 10\n3 rounds\n- Burpees 10\n- Sit-ups 20\n"
    assert [r[1] for r in seen(text)] == [None, None, 3, 3]


def test_then_a_number_of_rounds_of_is_a_block_not_a_sentence():
    text = "Then, 4 rounds of:\n6 Kettlebell cleans\n8 Goblet squats\n:45 sec. rest\n"
    assert [(r[1], r[2], r[6]) for r in seen(text)] == [(4, 6, 45), (4, 8, 45)]


def test_an_emom_line_over_a_list_is_its_header_not_the_length_of_the_exercise_above():
    text = "Power clean 3 reps\n\nEMOM 10 min\n\n- 5 burpees\n- 10 air squats\n"
    rows = seen(text)
    assert rows[0][1] is None  # the power cleans: no sets from the EMOM below
    assert labels(text)[1] is not None and labels(text)[1] == labels(text)[2]


def test_a_round_number_inside_a_block_is_no_member():
    text = "Circuit x3\n- Push-ups 10\nRound 2\n- Squats 15\n"
    assert [r[0] for r in seen(text)] == ["- Push-ups 10", "- Squats 15"]


def test_a_warm_up_over_a_numbered_list_of_drills():
    text = "Warm-up (8 min):\n1. Jumping jacks 1 min\n2. Arm circles 30s\n\nSquat 5x5\n"
    result = parse(text)
    assert [e.line for e in result.exercises] == ["Squat 5x5"]
    assert {"1. Jumping jacks 1 min", "2. Arm circles 30s"} <= set(result.unread)


def test_warm_up_sets_under_an_exercise_are_not_a_warm_up_part():
    text = "Deadlift 3x5\nWarm-up sets:\n60x5\nRow 4x8\n"
    assert [e.line for e in parse(text).exercises] == ["Deadlift 3x5", "Row 4x8"]


def test_a_day_heading_naming_a_circuit_is_a_day():
    text = "Día 1: Fuerza\nSentadilla 5x5\n\nDía 2: Circuito\nFlexiones 3x10\nZancadas 3x20\n"
    result = parse(text)
    assert [w.name for w in result.workouts] == ["Día 1: Fuerza", "Día 2: Circuito"]


def test_a_day_heading_with_a_circuits_count_is_a_day_done_as_that_circuit():
    text = "Day 1: Strength\nSquat 5x5\n\nDía 2 – Circuito (3 rondas)\n- Flexiones 10\n- Sentadillas 20\n"
    result = parse(text)
    assert [w.name for w in result.workouts] == ["Day 1: Strength", "Día 2 – Circuito (3 rondas)"]
    assert [(e.sets, e.reps_min) for e in result.workouts[1].exercises] == [(3, 10), (3, 20)]


@pytest.mark.parametrize("heading", ["SCALING:", "Scaled:", "Modifications:", "Escalado:"])
def test_a_scaled_option_under_the_work_is_no_row(heading):
    text = f"A. Front squat\n4 sets of 3 reps @ 80%\n{heading}\nGoblet squat\n4 sets of 8 reps\n"
    result = parse(text)
    assert [(e.line, e.sets, e.reps_min) for e in result.exercises] == [("A. Front squat", 4, 3)]


def test_a_max_load_beside_a_prescription_is_no_max_reps():
    (row,) = parse("Day 1\nЖим лёжа 3х8, макс вес 100 кг").exercises
    assert (row.sets, row.reps_min, row.amrap) == (3, 8, False)
