"""A child process for the kill tests: moves reflections between years and imports batches.

    python mover.py DATA_DIR [--size CHARACTERS] [--seed N]

On a journal ``seed_journal`` made, it loops forever: a save that moves one reflection to
another year (one change to two year files), then an import that moves a few and changes
others (one change to three). Every write gives the reflection a new version number, kept in
its narrative (``narrative_for``), and a line ``<id> <version>`` is printed for each reflection
written, flushed, only after the save or import has returned: the parent checks that what it
finds is never older than what was acknowledged.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import sys
from pathlib import Path

from coach.journal import Journal
from coach.model import Reflection

YEARS = (2024, 2025, 2026)
COUNT = 12  # reflections that move about


def narrative_for(reflection_id: str, version: int, size: int) -> str:
    """The narrative of one version of a reflection: ``size`` characters naming both."""
    unit = f"{reflection_id} version {version}. "
    return (unit * (size // len(unit) + 1))[:size]


def version_of(reflection: Reflection) -> int:
    """The version a narrative names."""
    return int(reflection.narrative.split(" version ", 1)[1].split(".", 1)[0])


def reflection(number: int, version: int, year: int, size: int) -> Reflection:
    """Version ``version`` of the ``number``-th reflection, dated in ``year``."""
    reflection_id = f"mover-{number:02d}"
    day = dt.date(year, 1 + number % 12, 1 + number % 28)
    return Reflection(
        id=reflection_id,
        date=day,
        created=dt.datetime(2024, 1, 1, 17, 0, tzinfo=dt.UTC),
        narrative=narrative_for(reflection_id, version, size),
    )


def seed_journal(data_dir: Path, size: int) -> None:
    """Version 0 of every reflection, spread over the years."""
    with Journal(data_dir) as journal:
        journal.import_reflections(
            reflection(n, 0, YEARS[n % len(YEARS)], size) for n in range(COUNT)
        )


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("data_dir", type=Path)
    parser.add_argument("--size", type=int, default=20_000)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    with Journal(args.data_dir) as journal:
        versions = {r.id: version_of(r) for r in journal.iter_newest_first()}
        years = {r.id: r.year for r in journal.iter_newest_first()}
        print("ready", flush=True)

        def next_version(number: int) -> Reflection:
            rid = f"mover-{number:02d}"
            year = rng.choice([y for y in YEARS if y != years[rid]])
            versions[rid] += 1
            years[rid] = year
            return reflection(number, versions[rid], year, args.size)

        while True:
            moved = next_version(rng.randrange(COUNT))
            journal.save(moved)
            print(moved.id, versions[moved.id], flush=True)
            batch = [next_version(n) for n in rng.sample(range(COUNT), 3)]
            journal.import_reflections(batch)
            for written in batch:
                print(written.id, versions[written.id], flush=True)


if __name__ == "__main__":
    sys.exit(main())
