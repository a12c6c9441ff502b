"""What encryption at rest costs: the same journal, plain and encrypted, side by side.

Run it with ``python benchmarks/bench_encryption.py`` (``--years 10`` by default). It builds a
synthetic journal (``bench_journal``'s daily reflections), copies it, encrypts the copy with
``coach.journal.encryption.encrypt``, and measures both through the ``Journal`` API, each figure
the median of ``--repeat`` runs, the plain and the encrypted one taken in turn:

- key derivation: ``unlock`` (Argon2id, 64 MiB, 3 passes, 4 lanes), the encrypted journal only;
- unlock: a new ``Journal`` opened with the key, then what home reads (``count`` and
  ``latest``): the goal is <= 500 ms beyond the key derivation at 10 years;
- save: ``Journal.add`` of a reflection dated today, the journal open: goal <= 1.5x plain;
- search: a rare word, every match, first after opening (cold) and again (warm): goal
  unchanged from plain (the data is decrypted in memory; nothing is indexed to disk);
- insights: every reflection read and ``journal_stats`` computed, as ``coach stats`` does.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import shutil
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_journal import (
    RARE_WORD,
    build_journal,
    daily_reflections,
    median_ms,
    synthetic_reflection,
)
from report import print_table

from coach.insights import journal_stats
from coach.journal import Journal, unlock
from coach.journal.encryption import encrypt
from coach.journal.sealing import PLAIN, Sealing

PASSPHRASE = "benchmark passphrase, long enough"
_NEW = random.Random(5)  # one stream for every save of the run, so no id is made twice


def measure(folder: Path, sealing: Sealing, repeat: int) -> dict[str, float]:
    """The figures for one journal folder opened with ``sealing``."""
    today = dt.date.today()
    found: dict[str, float] = {}

    def opened() -> Journal:
        return Journal(folder, sealing=sealing)

    def home() -> None:
        with opened() as journal:
            journal.count()
            journal.latest()

    found["unlock"] = median_ms(home, repeat)
    with opened() as journal:
        journal.count()
        found["save"] = median_ms(lambda: journal.add(synthetic_reflection(_NEW, today)), repeat)
    holder: dict[str, Journal] = {}

    def fresh() -> None:
        holder["journal"] = opened()

    def search() -> None:
        list(holder["journal"].search(RARE_WORD))

    found["search_cold"] = median_ms(search, repeat, setup=fresh)
    found["search_warm"] = median_ms(search, repeat)
    found["insights"] = median_ms(
        lambda: journal_stats(holder["journal"].iter_newest_first(), today), repeat, setup=fresh
    )
    return found


ROWS = (
    ("unlock", "unlock: open with the key, count and latest (home)", "<= 500 beyond the KDF"),
    ("save", "save: add() a reflection dated today", "<= 1.5x plain"),
    ("search_cold", "search, rare word, every match: first after open", "unchanged"),
    ("search_warm", "search, rare word, every match: again (warm)", "unchanged"),
    ("insights", "insights: every reflection read, journal_stats", ""),
)


def main(argv: list[str] | None = None) -> int:
    """Build the journal, encrypt a copy, measure both and print the table."""
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--years", type=int, default=10)
    parser.add_argument("--repeat", type=int, default=7, help="runs per figure (median taken)")
    parser.add_argument("--quick", action="store_true", help="small and once: CI's smoke run")
    args = parser.parse_args(argv)
    if args.quick:
        args.years, args.repeat = 1, 1
    with tempfile.TemporaryDirectory(prefix="coach-bench-") as scratch:
        plain = Path(scratch) / "plain"
        build_journal(plain, daily_reflections(args.years, dt.date.today() - dt.timedelta(1)))
        sealed = Path(scratch) / "encrypted"
        shutil.copytree(plain, sealed)
        encrypt(sealed, PASSPHRASE)
        key_ms = median_ms(lambda: unlock(sealed, PASSPHRASE), max(3, args.repeat // 2))
        sealing = unlock(sealed, PASSPHRASE)
        with Journal(plain) as journal:
            count = journal.count()
        plain_found: dict[str, list[float]] = {}
        sealed_found: dict[str, list[float]] = {}
        for _turn in range(2):  # taken in turn, so a slow moment of the machine hits both
            for results, folder, how in (
                (plain_found, plain, PLAIN),
                (sealed_found, sealed, sealing),
            ):
                for key, value in measure(folder, how, args.repeat).items():
                    results.setdefault(key, []).append(value)
    rows = [f"| key derivation (Argon2id) | | {key_ms:.1f} | | |"]
    for key, title, goal in ROWS:
        bare, locked = min(plain_found[key]), min(sealed_found[key])
        rows.append(f"| {title} | {bare:.1f} | {locked:.1f} | {locked / bare:.2f}x | {goal} |")
    print_table(
        f"Median ms of {args.repeat} runs (the better of two turns), {args.years} years "
        f"({count} reflections), Python {sys.version.split()[0]}.",
        ["measure", "plain", "encrypted", "ratio", "goal"],
        rows,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
