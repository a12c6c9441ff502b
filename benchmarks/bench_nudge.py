"""``coach nudge`` beside ``coach --help``, side by side in one run, each a fresh process.

    python benchmarks/bench_nudge.py [--years 10] [--repeat 15] [--quick]

``coach nudge`` runs at every shell prompt, so issue 16 asks that it cost no more than
``coach --help``: it must not read the whole journal. This builds, in a temporary folder, a
journal of a reflection a day for ``--years`` years (``bench_cli``'s reflections, ~2.5 KB of
narrative each, every other field filled in) ending yesterday, so today's year file holds
every day of this year so far, and a copy with today's reflection too. Taking turns so all
meet the same machine, it times (median wall time) and weighs (peak resident memory, through
``bench_cli``'s small starter process) with each command's ratio to ``coach --help``:

- ``coach nudge`` when it speaks (``--after 00:00`` on every day, nothing today);
- ``coach nudge`` when today's reflection is written (it reads the same two files, prints
  nothing);
- ``coach nudge`` on a folder with no journal (what it costs beside the reading).

It is a script, not a test: ``--quick`` (one year, one round) is what CI runs, to show it
still works; it reports and never asserts.
"""

from __future__ import annotations

import argparse
import compileall
import datetime as dt
import random
import sys
import tempfile
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench_cli import NARRATIVE, side_by_side
from bench_journal import _prose, build_journal, synthetic_reflection
from report import print_table

from coach.journal import Journal
from coach.model import Reflection

EVERY_DAY = "mon,tue,wed,thu,fri,sat,sun"


def reflections(years: int, last: dt.date, seed: int = 16) -> Iterator[Reflection]:
    """A reflection a day for ``years`` years up to ``last``, ~2.5 KB of narrative each."""
    rng = random.Random(seed)
    for offset in range(years * 365 - 1, -1, -1):
        day = last - dt.timedelta(days=offset)
        yield replace(synthetic_reflection(rng, day), narrative=_prose(rng, NARRATIVE))


def build(folder: Path, years: int) -> tuple[Path, Path]:
    """Two journals of ``years`` ending yesterday: one as it is, one with today's reflection."""
    today = dt.date.today()
    made = list(reflections(years, today - dt.timedelta(days=1)))
    waiting, written = folder / "waiting", folder / "written"
    build_journal(waiting, made)
    build_journal(written, made)
    with Journal(written, keep_days=0) as journal:
        journal.save(replace(made[-1], id="bench-today", date=today))
    return waiting, written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--years", type=int, default=10, help="age of the journal")
    parser.add_argument("--repeat", type=int, default=15, help="rounds per figure")
    parser.add_argument("--quick", action="store_true", help="small and once: CI's smoke run")
    args = parser.parse_args(argv)
    years, repeat = (1, 1) if args.quick else (args.years, args.repeat)
    coach = [sys.executable, "-m", "coach"]
    # As installing from a wheel does (pip compiles every module), so neither side compiles.
    compileall.compile_dir(Path(__file__).resolve().parent.parent / "coach", quiet=1)
    with tempfile.TemporaryDirectory(prefix="pwp-coach-bench-") as temp:
        folder = Path(temp)
        waiting, written = build(folder, years)
        year_kib = (waiting / "journal" / f"{dt.date.today().year}.json").stat().st_size / 1024

        def nudge(data_dir: Path) -> list[str]:
            return [*coach, "--data-dir", str(data_dir), "nudge", "--after", "00:00",
                    "--days", EVERY_DAY]  # fmt: skip

        found = side_by_side(
            {
                "help": [*coach, "--help"],
                "speaks": nudge(waiting),
                "quiet": nudge(written),
                "no journal": nudge(folder / "none"),
            },
            repeat,
        )
    help_ms, help_mib = found["help"]
    rows = [f"| coach --help (the anchor) | {help_ms:.0f} | {help_mib:.0f} | 1.00x | 1.00x | |"]
    names = {
        "speaks": f"nudge, {years} yr, nothing today: prints the line",
        "quiet": f"nudge, {years} yr, today written: prints nothing",
        "no journal": "nudge, no journal in the folder",
    }
    for key, name in names.items():
        ms, mib = found[key]
        rows.append(
            f"| {name} | {ms:.0f} | {mib:.0f} | {ms / help_ms:.2f}x | {mib / help_mib:.2f}x | "
            "<= 1.0x |"
        )
    print_table(
        f"Median of {repeat} rounds, each command a fresh process, Python "
        f"{sys.version.split()[0]}; this year's file holds {year_kib:.0f} KiB.",
        ["measure", "wall ms", "peak MiB", "time ratio", "memory ratio", "goal"],
        rows,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
