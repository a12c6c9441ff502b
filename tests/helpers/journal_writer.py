"""A child process for the reliability tests: saves reflections in a loop on one journal.

    python journal_writer.py DATA_DIR [--count N] [--size CHARACTERS] [--tag TAG] [--wait]
                             [--pause SECONDS]

Prints ``ready`` once the journal is open (with ``--wait``, then waits for a line on stdin
before it starts), then the id of each reflection, flushed, only after
the save of that reflection has returned. The narrative of each reflection is ``narrative_for``
of its id, so the parent can check that what it finds is whole. Dates move over three years,
so the saves land in three files; even saves use ``Journal.add``, odd ones ``Journal.save``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import time
from pathlib import Path

from coach.journal import Journal
from coach.model import Reflection, new_id

YEARS = (2024, 2025, 2026)


def narrative_for(reflection_id: str, size: int) -> str:
    """The narrative the writer gives the reflection with this id: ``size`` characters."""
    unit = f"{reflection_id} wrote this. "
    return (unit * (size // len(unit) + 1))[:size]


def reflection_number(number: int, tag: str, size: int) -> Reflection:
    """The ``number``-th reflection a writer saves."""
    reflection_id = f"{tag}-{number:05d}-{new_id()}"
    day = dt.date(YEARS[number % len(YEARS)], 1 + number % 12, 1 + number % 28)
    return Reflection(
        id=reflection_id,
        date=day,
        created=dt.datetime.combine(day, dt.time(17, 0), dt.UTC),
        strain=number % 11,
        narrative=narrative_for(reflection_id, size),
    )


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("data_dir", type=Path)
    parser.add_argument("--count", type=int, default=1_000_000)
    parser.add_argument("--size", type=int, default=100)
    parser.add_argument("--tag", default="w")
    parser.add_argument("--wait", action="store_true", help="start on a line from stdin")
    parser.add_argument("--pause", type=float, default=0.0, help="seconds between saves")
    args = parser.parse_args()
    with Journal(args.data_dir) as journal:
        print("ready", flush=True)
        if args.wait:
            sys.stdin.readline()
        for number in range(args.count):
            reflection = reflection_number(number, args.tag, args.size)
            if number % 2:
                journal.save(reflection)
            else:
                journal.add(reflection)
            print(reflection.id, flush=True)
            if args.pause:
                time.sleep(args.pause)
    return 0


if __name__ == "__main__":
    sys.exit(main())
