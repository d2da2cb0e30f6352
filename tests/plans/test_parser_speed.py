"""The parser's speed work changed no result: long inputs at the size limit still parse
and give the rows their lines give, and the cheap tests put before the patterns still
let through every line the patterns read. No timings here (scripts/parser_accuracy.py
times the parser); each example is written for the shape, not copied from the corpus.

The `_find_groups`, `_glued_heading` and `_says_more` checks compare against the
pattern or reading the shortcut stands in front of."""

import random
import re

import pytest

from equipment.catalog import load as load_catalog
from plans import parser
from plans.matching import matcher_for
from plans.parser import MAX_CHARS, CatalogEntry, parse_plan

CATALOG = [CatalogEntry(id=e.name, name=e.name) for e in load_catalog()]


def rows(result):
    return [(e.line, e.exercise.name if e.exercise else None, e.sets, e.reps_min, e.reps_max, e.amrap,
             e.rest_seconds, e.weight_text, e.notes, e.confidence) for e in result.exercises]


def test_a_block_repeated_to_the_size_limit_gives_its_rows_repeated():
    block = "Front squat 4x6 @ 80kg, rest 2 min\nPull-ups 3 x max\nPlank 3 x 45s\n\n"
    text = (block * (MAX_CHARS // len(block)))[:MAX_CHARS]
    copies = text.count(block)
    once = rows(parse_plan(block, CATALOG))
    assert len(once) == 3
    assert rows(parse_plan(text, CATALOG))[:3 * copies] == once * copies


def test_noise_at_the_size_limit_parses_and_keeps_only_lines_of_the_text():
    rng = random.Random(4)
    noise = "".join(rng.choice("привет ñandú façade 7x4 — ×|\t:;,.()12 sets reps\n") for _ in range(MAX_CHARS))
    result = parse_plan(noise, CATALOG)
    lines = {line.strip() for line in noise.splitlines()}
    assert all(e.line in lines for e in result.exercises)


@pytest.mark.parametrize("line", [
    "Friday Press 5x3 Chins 3x8", "Dienstag: Kniebeuge 5x5", "week 2 bench 3x5", "Tues - rows 4x10", "DAY1 squat 5x5",
    "Bench 5x5", "Deadlift 1x5", "Sunrise yoga 20 min", "dayz 3x3", "ſunday squat 5x5", "Día 2 sentadilla 4x8",
])
def test_a_glued_heading_is_found_as_the_pattern_finds_it(line):
    # The two-letter shortcut answers as the pattern does, on ASCII lines and others.
    pattern = parser._heading_patterns()[1]
    found, expected = parser._glued_heading(line), pattern.match(line)
    assert (found and found[0]) == (expected and expected[0])


@pytest.mark.parametrize("line", [
    "push ups   20   20   20", "plank 30s", "plank 45 sec hold", "bench   4   6", "push ups 10", "dips 8+",
    "farmer carry 40 m.", "squat 5 5 5 ", "curls 12", "knee-ins   20   20   n/a",
])
def test_the_patterns_anchored_at_the_end_still_read_their_lines(line):
    groups, _ = parser._find_groups(line)
    assert len(groups) == 1


@pytest.mark.parametrize("name", ["Cable or band face pull", "Bench/standing press", "Жим или тяга", "Row o press",
                                  "Goblet squat", "Oblique crunch"])
def test_a_choice_is_split_only_where_a_separator_is(name):
    # The cheap test before the split lets every separator through.
    parts = [p for p in parser._CHOICE.split(name) if p.strip()]
    assert parser._CHOICE_MARK.search(name) or len(parts) == 1


def test_the_catalogue_names_implements_come_with_the_matcher():
    matcher = matcher_for(tuple(CATALOG))
    dumbbell = next(e for e in CATALOG if re.search(r"\bdumbbell\b", e.name, re.I) and "barbell" not in e.name.lower())
    assert "dumbbell" in matcher.implements_of(dumbbell)
    assert matcher.implements_of(CatalogEntry(id="x", name="Kettlebell Windmill Variation")) == {"kettlebell"}


def test_a_line_saying_more_than_was_read_is_not_high():
    (plain,) = parse_plan("Barbell Bench Press 4x8", CATALOG).exercises
    (more,) = parse_plan("Barbell Bench Press 4x8 (pause on the chest, elbows tucked)", CATALOG).exercises
    assert plain.confidence == "high"
    assert more.confidence != "high"


def test_days_repeating_an_early_day_read_each_day_name_once(monkeypatch):
    # A long programme of days, then days "same as" one of its first: each earlier day's
    # name is read once, not again for every "same as" line (that made the parse quadratic).
    days = "".join(f"Week {w} Day {d}\nGoblet squat 3x{d + 4}\n" for w in range(10, 100) for d in range(1, 7))
    repeats = "".join(f"Week {w} Day 7: same as Week 10 Day 3\n" for w in range(10, 100))
    read = []
    day_words = parser._day_words
    monkeypatch.setattr(parser, "_day_words", lambda name: read.append(name) or day_words(name))
    result = parse_plan(days + repeats, CATALOG)
    assert len(read) < 3 * (90 * 6 + 90)
    repeated = [w for w in result.workouts if w.name.endswith("Day 7")]
    assert len(repeated) == 90
    assert all([(e.exercise.name, e.sets, e.reps_min) for e in w.exercises] == [("Goblet Squat", 3, 7)] for w in repeated)
