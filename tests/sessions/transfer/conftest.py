from __future__ import annotations

import io
import random
from datetime import datetime, timedelta
from pathlib import Path

import pytest

FIXTURES = Path(__file__).parent / "fixtures"

STRONG_HEADER = "Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,Notes,Workout Notes,RPE\n"
NAMES = ["Bench Press (Barbell)", "Squat (Barbell)", "Deadlift (Barbell)", "Overhead Press (Barbell)",
         "Bent Over Row (Barbell)", "Lat Pulldown (Cable)"]


def generated_strong(rows: int, *, seed: int = 7) -> tuple[str, dict]:
    """A Strong comma export of `rows` set rows (kg given by --unit), ~25 sets a workout,
    with its expected counts and volume computed independently of the importer."""
    rng = random.Random(seed)
    lines, volume, warmups = [STRONG_HEADER], 0, 0
    start = datetime(2018, 1, 1, 17, 0)
    workouts = 0
    while len(lines) - 1 < rows:
        when = (start + timedelta(days=workouts * 2)).strftime("%Y-%m-%d %H:%M:%S")
        workouts += 1
        for exercise in rng.sample(NAMES, 5):
            for number in range(5):
                if len(lines) - 1 >= rows:
                    break
                order = "W" if number == 0 else str(number)
                weight = rng.randrange(20, 200) + (0.5 if rng.random() < 0.3 else 0)
                reps = rng.randrange(1, 13)
                volume += round(weight * 100) * reps  # in hundredths, exact
                warmups += order == "W"
                lines.append(f"{when},Day {workouts % 3},1h 2m,{exercise},{order},{weight},{reps},0,0,,,\n")
    return "".join(lines), {"workouts": workouts, "sets": rows, "warmup_sets": warmups, "volume_kg": volume / 100}


@pytest.fixture
def strong_25k():
    return generated_strong(25_000)


def upload(text: str | bytes):
    return io.BytesIO(text.encode("utf-8") if isinstance(text, str) else text)
