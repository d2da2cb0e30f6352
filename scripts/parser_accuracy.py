"""Accuracy and speed of the plan-text parser on the corpus in tests/plans/corpus/.

    .venv/bin/python scripts/parser_accuracy.py [-v]

Each corpus text NN_name.txt has NN_name.json beside it: the parse a person expects
(exercise, sets, reps_min, reps_max, amrap, rest_seconds per exercise, keyed by the
original line). Needs no database: the catalogue is read from the seed data.
"""

from __future__ import annotations

import json
import statistics
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from equipment.catalog import load as load_catalog  # noqa: E402
from plans import parser  # noqa: E402
from plans.parser import CatalogEntry, parse_plan  # noqa: E402

CORPUS = ROOT / "tests" / "plans" / "corpus"
FIELDS = ("sets", "reps_min", "reps_max", "amrap", "rest_seconds")


def catalog() -> list[CatalogEntry]:
    return [CatalogEntry(id=e.name, name=e.name) for e in load_catalog()]


def _keyed(exercises: list[dict]) -> dict[tuple[str, int], dict]:
    """Key each exercise by its line and its index among that line's groups."""
    seen: Counter = Counter()
    keyed = {}
    for e in exercises:
        keyed[(e["line"], seen[e["line"]])] = e
        seen[e["line"]] += 1
    return keyed


def compare(text: str, expected: dict, entries: list[CatalogEntry]) -> dict:
    result = parse_plan(text, entries)
    got = _keyed([{**e.as_json(), "line": e.line} for e in result.exercises])
    want = _keyed([e for w in expected["workouts"] for e in w["exercises"]])
    stats = Counter(expected=len(want), parsed=len(got))
    mistakes = []
    for key, exp in want.items():
        actual = got.get(key)
        if actual is None:
            stats["missed"] += 1
            mistakes.append(f"missed: {key[0]!r}")
            continue
        if actual["exercise"] == exp["exercise"]:
            stats["exercise_right"] += 1
        else:
            mistakes.append(f"exercise: {key[0]!r} -> {actual['exercise']!r}, expected {exp['exercise']!r}")
        if all(actual[f] == exp[f] for f in FIELDS):
            stats["structure_right"] += 1
        else:
            wrong = {f: (actual[f], exp[f]) for f in FIELDS if actual[f] != exp[f]}
            mistakes.append(f"structure: {key[0]!r} (got, expected) {wrong}")
    for key in got.keys() - want.keys():
        stats["spurious"] += 1
        mistakes.append(f"spurious: {key[0]!r}")
    stats["days_right"] = int(len(result.workouts) == len(expected["workouts"]))
    return {"stats": stats, "mistakes": mistakes}


def hundred_line_plan() -> str:
    lines = []
    for path in sorted(CORPUS.glob("*.txt")):
        lines.extend(path.read_text(encoding="utf-8").splitlines())
    return "\n".join(lines[:100])


def main(verbose: bool) -> None:
    entries = catalog()
    total: Counter = Counter()
    files = sorted(CORPUS.glob("*.txt"))
    for path in files:
        expected = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
        outcome = compare(path.read_text(encoding="utf-8"), expected, entries)
        total.update(outcome["stats"])
        if verbose and outcome["mistakes"]:
            print(f"{path.name}:")
            for m in outcome["mistakes"]:
                print(f"  {m}")
    n = total["expected"]
    print(f"corpus: {len(files)} plans, {n} expected exercises, {total['parsed']} parsed")
    print(f"exercise matched:      {total['exercise_right']}/{n} ({100 * total['exercise_right'] / n:.1f}%)")
    print(f"sets/reps/rest right:  {total['structure_right']}/{n} ({100 * total['structure_right'] / n:.1f}%)")
    print(f"missed lines:          {total['missed']}")
    print(f"spurious lines:        {total['spurious']}")
    print(f"days split right:      {total['days_right']}/{len(files)} plans")

    text = hundred_line_plan()
    start = time.perf_counter()
    parse_plan(text, tuple(entries) + (CatalogEntry(id="cold", name="Cold Start Exercise"),))
    cold = time.perf_counter() - start
    timings = []
    matcher = parser.matcher_for(tuple(entries))
    for _ in range(50):
        matcher._cache.clear()  # time the matching too, not the per-name cache
        start = time.perf_counter()
        parse_plan(text, entries)
        timings.append(time.perf_counter() - start)
    timings.sort()
    print(f"speed, 100-line plan:  median {1000 * statistics.median(timings):.1f} ms, "
          f"p95 {1000 * timings[int(0.95 * len(timings)) - 1]:.1f} ms over 50 runs "
          f"(first parse with a new catalogue {1000 * cold:.1f} ms)")


if __name__ == "__main__":
    main(verbose="-v" in sys.argv[1:])
