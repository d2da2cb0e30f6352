"""The Dutch, Turkish and Romanian vocabularies (plans/data/vocabulary/nl.json, tr.json,
ro.json): names as lifters in those languages type them, with and without diacritics,
find the catalogue exercise; cardio machines find none; day and weekday words start a
workout; set, rep and rest words are read; and no key of theirs changes what another vocabulary or an English name means."""

import json

import pytest

from plans import matching
from plans.matching import _fold, _stem
from plans.parser import parse_plan
from tests.plans.test_matching import CATALOG, SEEDED, best

NEW = ("nl", "tr", "ro", "pl", "zh")


@pytest.mark.parametrize(("name", "exercise"), [
    ("Bankdrukken", "Barbell Bench Press - Medium Grip"),
    ("Schuin bankdrukken met dumbbells", "Incline Dumbbell Press"),
    ("halter bankdrukken", "Dumbbell Bench Press"),
    ("Kniebuigingen", "Barbell Squat"),
    ("Roemeense deadlift", "Romanian Deadlift"),
    ("Voorovergebogen roeien met halterstang", "Bent Over Barbell Row"),
    ("Eenarmig roeien met halter", "One-Arm Dumbbell Row"),
    ("Schouderdrukken met halters", "Dumbbell Shoulder Press"),
    ("Optrekken", "Pullups"),
    ("Opdrukken", "Pushups"),
    ("Zijwaartse heffingen", "Side Lateral Raise"),
    ("Triceps strekken liggend", "Lying Triceps Press"),
    ("Beenstrekken", "Leg Extensions"),
    ("Liggend beenbuigen", "Lying Leg Curls"),
    ("Kuitheffen staand", "Standing Calf Raises"),
    ("Uitvalspassen met dumbbells", "Dumbbell Lunges"),
    ("Hangend beenheffen", "Hanging Leg Raise"),
    ("Lat pulldown brede greep", "Wide-Grip Lat Pulldown"),
])
def test_dutch_names_find_the_exercise(name, exercise):
    assert best(name, SEEDED)[0] == exercise


@pytest.mark.parametrize(("name", "exercise"), [
    ("Düz bench", "Barbell Bench Press - Medium Grip"),
    ("Egimli dambil press", "Incline Dumbbell Press"),
    ("Ölü kaldırma", "Barbell Deadlift"),
    ("olu kaldirma", "Barbell Deadlift"),
    ("Barfiks", "Pullups"),
    ("Ters tutuş barfiks", "Chin-Up"),
    ("Şınav", "Pushups"),
    ("sinav", "Pushups"),
    ("Dambıl omuz presi", "Dumbbell Shoulder Press"),
    ("Barbell kürek çekme", "Bent Over Barbell Row"),
    ("Tek kol dambıl kürek", "One-Arm Dumbbell Row"),
    ("Oturarak kablo kürek", "Seated Cable Rows"),
    ("Cekic curl", "Hammer Curls"),
    ("Kablo triceps itme", "Triceps Pushdown"),
    ("Yana açış", "Side Lateral Raise"),
    ("Bacak uzatma", "Leg Extensions"),
    ("Yatarak bacak bükme", "Lying Leg Curls"),
    ("Ayakta baldır kaldırma", "Standing Calf Raises"),
    ("Mekik", "Crunches"),
    ("Asili bacak kaldirma", "Hanging Leg Raise"),
])
def test_turkish_names_find_the_exercise(name, exercise):
    assert best(name, SEEDED)[0] == exercise


@pytest.mark.parametrize(("name", "exercise"), [
    ("Împins la piept", "Barbell Bench Press - Medium Grip"),
    ("Impins inclinat cu gantere", "Incline Dumbbell Press"),
    ("Împins la umeri cu gantere", "Dumbbell Shoulder Press"),
    ("Genuflexiuni cu haltera", "Barbell Squat"),
    ("genuflexiuni frontale", "Front Barbell Squat"),
    ("Îndreptări românești", "Romanian Deadlift"),
    ("Ramat cu haltera din aplecat", "Bent Over Barbell Row"),
    ("Ramat la scripete", "Seated Cable Rows"),
    ("Tracțiuni priză inversă", "Chin-Up"),
    ("Tras la helcometru", "Wide-Grip Lat Pulldown"),
    ("Flotari", "Pushups"),
    ("Flexii ciocan", "Hammer Curls"),
    ("Extensii triceps la scripete", "Triceps Pushdown"),
    ("Extensii picioare", "Leg Extensions"),
    ("Presa pentru picioare", "Leg Press"),
    ("Ridicări laterale cu gantere", "Side Lateral Raise"),
    ("Fandări cu gantere", "Dumbbell Lunges"),
    ("Plansa", "Plank"),
])
def test_romanian_names_find_the_exercise(name, exercise):
    assert best(name, SEEDED)[0] == exercise


@pytest.mark.parametrize("name", ["Loopband", "Roeimachine", "Koşu bandı", "kurek makinesi", "Bicicleta",
                                  "Banda de alergare"])
def test_cardio_machines_are_no_exercise(name):
    assert best(name, SEEDED)[0] is None


@pytest.mark.parametrize(("text", "days"), [
    ("Dag 1\nBankdrukken 4x8\nDag 2\nOptrekken 3x10", ["Dag 1", "Dag 2"]),
    ("Maandag\nBankdrukken 4x8\nDonderdag\nOptrekken 3x10", ["Maandag", "Donderdag"]),
    ("Gün 1\nBench press 4x8\nGün 2\nBarfiks 3x10", ["Gün 1", "Gün 2"]),
    ("Pazartesi\nBench press 4x8\nPersembe\nBarfiks 3x10", ["Pazartesi", "Persembe"]),
    ("Ziua 1\nÎmpins la piept 4x8\nZiua 2\nTracțiuni 3x10", ["Ziua 1", "Ziua 2"]),
    ("Luni\nÎmpins la piept 4x8\nJoi\nTracțiuni 3x10", ["Luni", "Joi"]),
])
def test_day_and_weekday_words_start_a_workout(text, days):
    result = parse_plan(text, list(CATALOG))
    assert [w.name for w in result.workouts] == days
    assert [len(w.exercises) for w in result.workouts] == [1, 1]


@pytest.mark.parametrize(("line", "sets", "reps", "rest"), [
    ("Bankdrukken 3 sets van 10 herhalingen, rust 60 seconden", 3, 10, 60),
    ("Optrekken 4 x 6 herhalingen", 4, 6, None),
    ("Barfiks 4 set 8 tekrar, dinlenme 90 saniye", 4, 8, 90),
    ("Şınav 3 set x 15 tekrar", 3, 15, None),
    ("Genuflexiuni 5 serii de 5 repetări, pauză 120 secunde", 5, 5, 120),
    ("Flotari 3 serii a 12 repetitii", 3, 12, None),
])
def test_set_rep_and_rest_words_are_read(line, sets, reps, rest):
    exercise, = parse_plan(line, list(CATALOG)).exercises
    assert (exercise.sets, exercise.reps_min, exercise.reps_max, exercise.rest_seconds) == (sets, reps, reps, rest)


def _keys(path):
    """A vocabulary file's keys as the matcher stores them -> what they become."""
    data = json.loads(path.read_text(encoding="utf-8"))
    keys = {}
    for kind in ("abbreviations", "words", "phrases"):
        for source, target in data.get(kind, {}).items():
            keys.setdefault(tuple(_stem(w) for w in _fold(source).split()), _fold(target))
    for source in data.get("no_exercise", []):
        keys.setdefault(tuple(_stem(w) for w in _fold(source).split()), "")
    return keys


def test_new_keys_leave_other_vocabularies_and_english_names_alone():
    """A key another file has means the same here (the first file read wins, and a
    Dutch file is read before the Portuguese one); no key is made of catalogue words
    only ("dips", "hammer curl"): an English name must keep its meaning."""
    files = [matching._VOCABULARY_FILE, *sorted(matching._LANGUAGE_DIR.glob("*.json"))]
    others: dict[tuple[str, ...], str] = {}
    for path in files:
        if path.stem not in NEW:
            for key, target in _keys(path).items():
                others.setdefault(key, target)
    english = {w for e in SEEDED for w in _fold(e.name).split()}
    english |= {matching._singular(w) for w in english}
    new: dict[tuple[str, ...], str] = {}
    for lang in NEW:
        for key, target in _keys(matching._LANGUAGE_DIR / f"{lang}.json").items():
            assert others.get(key, target) == target, (lang, key)
            assert new.setdefault(key, target) == target, (lang, key)
            assert not all(w in english for w in key), (lang, key)
