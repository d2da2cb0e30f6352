"""Headings people write over their days: a session word and a short name, two muscle
groups joined by a word of their language, a heading behind emoji, escapes or quotes.
Examples written for the shapes, not copied from the corpus."""

import pytest

from equipment.catalog import load as load_catalog
from plans.parser import CatalogEntry, parse_plan

CATALOG = [CatalogEntry(id=e.name, name=e.name) for e in load_catalog()]


def days(text):
    return [(w.name, [e.exercise.name if e.exercise else None for e in w.exercises])
            for w in parse_plan(text, CATALOG).workouts]


@pytest.mark.parametrize("first, second", [
    ("Rutina de espalda", "Rutina de hombro"),
    ("Allenamento: Palestra 1 - Gambe", "Allenamento: Palestra 2 - Petto"),
    ("Séance bas du corps", "Séance haut du corps"),
    ("Workout: Legs and Core", "Workout: Upper"),
    ("Тренировка на ноги", "Тренировка на спину"),
    ("Plecy i biceps", "Klatka i triceps"),
    ("Brust und Trizeps", "Rücken und Bizeps"),
    ("📅 Lunes – Día 1 (Torso + Cardio en bicicleta estática)", "📅 Jueves – Día 2 (Pierna + Cardio en bicicleta estática)"),
    ("\\## Day 1", "\\## Day 2"),
    ("“A” Day", "“B” Day"),
])
def test_each_heading_starts_a_day_with_its_exercises(first, second):
    text = f"{first}\nDeadlift 3x5\nLat pulldown 3x10\n\n{second}\nLeg press 4x12\nPlank 3x30s\n"
    found = days(text)
    assert [len(rows) for _, rows in found] == [2, 2]
    assert found[0][1] == ["Barbell Deadlift", "Wide-Grip Lat Pulldown"]
    assert found[1][0].replace("\\", "").strip("#* ") == second.replace("\\", "").strip("#* ")


def test_a_session_word_over_notes_is_not_a_day():
    found = days("Workout notes: keep the rest short\nSquat 5x5\nBench 5x5\n")
    assert len(found) == 1 and len(found[0][1]) == 2


def test_a_table_row_naming_a_day_is_no_heading():
    found = days("| Day | Lifts |\n|---|---|\n| Day 1 | Squat + Bench Press |\n| Day 2 | Deadlift + Overhead Press |\n")
    # The rows are the lifts of each line, no day is named after a row's cells.
    assert [rows for _, rows in found] == [["Barbell Squat", "Barbell Bench Press - Medium Grip",
                                            "Barbell Deadlift", "Standing Military Press"]]
    assert all(name is None or "|" not in name for name, _ in found)
