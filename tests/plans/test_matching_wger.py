"""Exercise names in other languages from wger's exercise data
(plans/data/vocabulary/wger.json, written by scripts/build_wger_aliases.py): they find the
catalogue exercise a user expects, never change what the project's vocabulary or a
catalogue name means, never become typo corrections, and the build script's filters drop
what they say they drop."""

import json

import pytest

from plans import matching
from plans.parser import parse_plan
from scripts import build_wger_aliases
from tests.plans.test_matching import SEEDED, best

WGER_FILE = matching._LANGUAGE_DIR / "wger.json"


def _clear():
    matching.vocabulary.cache_clear()
    matching.normalise_name.cache_clear()
    matching.matcher_for.cache_clear()


@pytest.fixture
def without_wger(monkeypatch):
    """The vocabulary as the project's files alone make it; restored after."""
    monkeypatch.setattr(matching, "LOWEST_PRIORITY_FILES", ())
    _clear()
    yield
    monkeypatch.undo()
    _clear()


@pytest.mark.parametrize(("name", "exercise"), [
    ("Hurkzitten", "Barbell Squat"),  # nl
    ("Dřepy", "Barbell Squat"),  # cs
    ("Drepy", "Barbell Squat"),  # cs, no diacritics
    ("Bankdrücken KH", "Dumbbell Bench Press"),  # de, KH: Kurzhantel
    ("KH Bankdrücken", "Dumbbell Bench Press"),  # any word order
    ("Rudern einarmig KH", "One-Arm Dumbbell Row"),  # de
    ("Latzug breit", "Wide-Grip Lat Pulldown"),  # de
    ("Umsetzen", "Power Clean"),  # de
    ("Prensa de piernas cerrada", "Narrow Stance Leg Press"),  # es
    ("Curl araña", "Spider Curl"),  # es
    ("Pompes déclinées", "Decline Push-Up"),  # fr
    ("Sollevamento dei polpacci in piedi", "Standing Calf Raises"),  # it
    ("Levantamento terra em rack", "Rack Pulls"),  # pt
    ("Приседание у стены", "Wall Sit"),  # ru
    ("Κοιλιακοί", "Crunches"),  # el
    ("Yarım mekik", "Crunches"),  # tr
    ("Rumunský mrtvý tah", "Romanian Deadlift"),  # cs
    ("Muurzitten", "Wall Sit"),  # nl
])
def test_wger_names_find_the_exercise(name, exercise):
    assert best(name, SEEDED) == (exercise, 100.0)


@pytest.mark.parametrize(("line", "exercise", "sets", "reps"), [
    ("Hurkzitten 3x10", "Barbell Squat", 3, 10),
    ("Bankdrücken KH 4 x 8", "Dumbbell Bench Press", 4, 8),
    ("Rumunský mrtvý tah 3x8", "Romanian Deadlift", 3, 8),
    ("Curl araña 3x12", "Spider Curl", 3, 12),
])
def test_a_plan_line_with_a_wger_name_is_a_row(line, exercise, sets, reps):
    row, = parse_plan(line, list(SEEDED)).exercises
    assert (row.exercise.name, row.sets, row.reps_min, row.reps_max) == (exercise, sets, reps, reps)


def test_the_file_keeps_its_attribution():
    comment = json.loads(WGER_FILE.read_text(encoding="utf-8"))["_comment"]
    assert "wger" in comment and "CC-BY-SA" in comment and "github.com/wger-project/wger" in comment


def _answers():
    """What each alias and catalogue name of the project means, with the vocabulary as
    loaded: every project alias and catalogue name, as written and in reverse order."""
    matcher = matching.matcher_for(SEEDED)
    keys = [k for k in matching.vocabulary().aliases if k not in matching.vocabulary().exact_only]
    keys += list(matcher.by_name)
    keys += [" ".join(reversed(k.split())) for k in keys]
    return {k: (e.name if (e := matcher.exact(k)) else None) for k in keys}, matcher


def test_a_wger_alias_never_overrides_the_project_vocabulary_or_a_catalogue_name(without_wger, monkeypatch):
    before, _ = _answers()
    monkeypatch.setattr(matching, "LOWEST_PRIORITY_FILES", (WGER_FILE,))
    _clear()
    after, matcher = _answers()
    assert {k: (before[k], after[k]) for k in before if before[k] != after.get(k)} == {}
    assert matching.vocabulary().exact_only  # (the file was read)
    assert all(matcher.aliases[k].name == t for k, t in (
        (matching.normalise_name(n), t) for n, t in json.loads(WGER_FILE.read_text(encoding="utf-8"))["aliases"].items()))


def test_a_conflicting_third_party_alias_loses(tmp_path, monkeypatch):
    """Written by hand: a source the project has, the word order of a project alias and a
    catalogue name in another order each keep their meaning; a new name is read."""
    path = tmp_path / "wger.json"
    path.write_text(json.dumps({"aliases": {
        "sentadilla": "Front Barbell Squat",  # collected.json: Barbell Squat
        "con barra sentadilla": "Goblet Squat",  # "sentadilla con barra", reordered
        "squat barbell": "Goblet Squat",  # the catalogue's Barbell Squat, reordered
        "zzkwat": "Front Barbell Squat",
    }}), encoding="utf-8")
    monkeypatch.setattr(matching, "LOWEST_PRIORITY_FILES", (path,))
    _clear()
    try:
        assert best("sentadilla", SEEDED)[0] == "Barbell Squat"
        assert best("sentadilla con barra", SEEDED)[0] == "Barbell Squat"
        assert best("con barra sentadilla", SEEDED)[0] == "Barbell Squat"
        assert best("squat barbell", SEEDED)[0] == "Barbell Squat"
        assert best("zzkwat", SEEDED) == ("Front Barbell Squat", 100.0)
    finally:
        monkeypatch.undo()
        _clear()


def test_wger_words_are_no_typo_corrections():
    """German "Stange" (in "Frenchpress SZ-Stange") is found only in that name: "stage"
    stays what it is, and no other name's guesses change."""
    matcher = matching.matcher_for(SEEDED)
    assert matcher.correct("stage") == ("stage", False)
    assert "stange" not in matcher._known
    assert best("Stage 2", SEEDED)[0] is None


def test_ambiguous_english_stays_ambiguous():
    """wger's "Ausfallschritte stehend" (Dumbbell Lunges) reads "lunge standing": our
    vocabulary calls a bare lunge ambiguous, so wger does not make it sure."""
    assert best("Ausfallschritte stehend", SEEDED)[1] < 100
    assert best("standing lunges", SEEDED)[1] < 100


def _fixture(folder, bases, names):
    """A wger fixture folder: bases {pk: equipment ids}, names [(base, language id, name)]."""
    (folder / "exercise-base-data.json").write_text(json.dumps(
        [{"model": "exercises.exercise", "pk": pk, "fields": {"equipment": eq}} for pk, eq in bases.items()]))
    (folder / "translations.json").write_text(json.dumps(
        [{"model": "exercises.translation", "pk": i, "fields": {
            "exercise": base, "language": language, "name": name, "license": 2, "license_author": "someone"}}
         for i, (base, language, name) in enumerate(names, 1)]))


EN, DE, ES, IT, NL, CS = 2, 1, 4, 13, 6, 9


def test_the_build_script_keeps_sure_names_and_drops_the_rest(tmp_path):
    _fixture(tmp_path, {1: [], 2: [], 3: [], 4: [3], 5: [3], 6: [], 7: [3], 8: [1]}, [
        (1, EN, "Squats"), (1, NL, "Hurkzitten"), (1, IT, "Squat (Stacchi)"), (1, CS, "Dřepy HD"),
        (2, EN, "Crunches"), (2, ES, "Bauchzeug"),
        (3, EN, "Sit-Up"), (3, ES, "Bauchzeug"),  # the same name for two of ours
        (4, EN, "Dumbbell Lunges Standing"), (4, DE, "Ausfallschritte stehend"),  # ambiguous English
        (5, EN, "Dumbbell Flyes"), (5, IT, "Croci su panca inclinata"),  # says incline
        (6, EN, "Side Lateral Raise"), (6, IT, "Alzatone"),  # one word for a longer name
        (7, EN, "Barbell Squat"), (7, DE, "Kniebeuge KH"),  # wger's equipment is a dumbbell
        (8, EN, "Larsen-Press of the moon"), (8, DE, "Mondpresse"),  # not one of ours
        (1, DE, "Kniebeuge"),  # already ours
    ])
    data = build_wger_aliases.build(tmp_path)
    assert data["aliases"] == {"Hurkzitten": "Barbell Squat"}
    assert data["_dropped"] == {
        "a version marker": 1, "already a name or alias of ours": 1, "English our vocabulary calls ambiguous": 1,
        "english name not one of ours for sure": 1, "names two exercises": 2, "one word for a longer name": 1,
        "parentheses, slashes or digits": 1, "says words our exercise's name lacks": 1,
        "wger's equipment is not ours": 1}
    assert "someone" in data["_comment"] and "CC-BY-SA 4.0" in data["_comment"]
    assert matching.LOWEST_PRIORITY_FILES == (WGER_FILE,)  # (the build left the matcher as it was)
