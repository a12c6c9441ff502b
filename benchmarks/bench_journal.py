"""How fast the journal is at 1, 10 and 20 years of daily reflections.

Run it with ``python benchmarks/bench_journal.py``; it prints a Markdown table of median
milliseconds. It builds synthetic journals (about 1.5 KB of text a reflection) in a temporary
folder, quickly, through ``Journal.import_reflections`` (one write per year), and then measures
only through the ``Journal`` API, as the app uses it:

- open + count: a new ``Journal`` on the existing files, then ``count()``;
- save: ``Journal.add`` of a new reflection dated today, the journal already open (and, to show
  the worst case, one dated in the last full year, whose file holds 365 reflections);
- search: a rare word (in about 1 reflection in 20) and a common one (in nearly all), each
  first on a freshly opened journal (cold: no reflection has been read yet) and then again on
  the same journal (warm);
- export: ``coach.exports.export_json`` over ``Journal.iter_newest_first()``, cold and warm.

Goals on a 2-core machine: save <= 20 ms at every age, search <= 50 ms and export <= 1 s at ten
years.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterable, Iterator
from itertools import islice
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from coach.journal import Journal
from coach.model import (
    Appraisal,
    Category,
    Challenge,
    CopingAction,
    Dimension,
    Kind,
    Reflection,
    Status,
    Value,
)

# Two words to search for, in mixed case (the search ignores case): one a practitioner might
# look up, found in about 1 reflection in 20, and one found in nearly every reflection.
RARE_WORD = "Supervision"
COMMON_WORD = "SESSION"
RARE_WORD_CHANCE = 0.00025  # per word written: about 5% of reflections hold it
PAGE = 20  # reflections on one page of search results
WORDS = [
    "caseload",
    "risk",
    "assessment",
    "referral",
    "safeguarding",
    "telephone",
    "session",
    "patient",
    "worry",
    "sleep",
    "behavioural",
    "activation",
    "thought",
    "record",
    "routine",
    "team",
    "manager",
    "colleague",
    "break",
    "lunch",
    "admin",
    "notes",
    "targets",
    "waiting",
    "list",
    "anxiety",
    "low",
    "mood",
    "progress",
    "goal",
    "review",
    "plan",
    "step",
    "calm",
    "tired",
    "proud",
    "heavy",
    "steady",
    "grateful",
    "listened",
    "helped",
    "difference",
    "values",
    "boundary",
    "home",
    "evening",
    "walk",
]
CHALLENGES = (
    ("caseload", "A full caseload", Dimension.SYSTEMIC),
    ("risk", "Risk and safeguarding paperwork", Dimension.SYSTEMIC),
    ("no-time-to-reflect", "No time to process the day", Dimension.SYSTEMIC),
    ("difficult-call", "A difficult call", Dimension.INDIVIDUAL),
    ("self-doubt", "Doubting my skills", Dimension.INDIVIDUAL),
)
VALUES = (
    ("helping", "Helping others"),
    ("difference", "Making a difference"),
    ("learning", "Learning and growing"),
)
ACTIONS = (
    ("lunch-break", "Take a proper lunch break", Category.INDIVIDUAL),
    ("close-laptop", "Close the laptop at five", Category.BOUNDARIES),
    ("peer-chat", "Talk it through with a peer", Category.RELATIONAL),
    ("walk", "A walk after work", Category.INDIVIDUAL),
)


def _prose(rng: random.Random, characters: int) -> str:
    words: list[str] = []
    length = 0
    while length < characters:
        word = rng.choice(WORDS)
        if rng.random() < RARE_WORD_CHANCE:
            word = RARE_WORD.lower()
        words.append(word)
        length += len(word) + 1
    return " ".join(words).capitalize() + "."


def synthetic_reflection(rng: random.Random, day: dt.date) -> Reflection:
    """A realistic reflection for ``day``, with about 1.5 KB of text."""
    created = dt.datetime.combine(day, dt.time(17, rng.randrange(60)), dt.UTC)
    challenges = tuple(
        Challenge(key, label, dimension, note=_prose(rng, 60))
        for key, label, dimension in rng.sample(CHALLENGES, 2)
    )
    actions = tuple(
        CopingAction(
            key,
            label,
            category,
            when="tomorrow",
            status=rng.choice(list(Status)),
            helpfulness=rng.choice([None, 0, 1, 2, 3, 4]),
        )
        for key, label, category in rng.sample(ACTIONS, 2)
    )
    return Reflection(
        id=f"{day.isoformat()}-{rng.getrandbits(64):016x}",
        date=day,
        created=created,
        kind=Kind.REFLECTION,
        strain=rng.randrange(11),
        alignment=rng.randrange(11),
        challenges=challenges,
        narrative=_prose(rng, 900),
        values=tuple(Value(k, label) for k, label in rng.sample(VALUES, 2)),
        meaning=_prose(rng, 250),
        appraisal=Appraisal(rng.randrange(5), rng.randrange(5), rng.randrange(5)),
        actions=actions,
        notes=_prose(rng, 120),
    )


def daily_reflections(years: int, last_day: dt.date, seed: int = 7) -> Iterator[Reflection]:
    """One reflection a day for ``years`` years, ending on ``last_day``."""
    rng = random.Random(seed)
    for offset in range(years * 365 - 1, -1, -1):
        yield synthetic_reflection(rng, last_day - dt.timedelta(days=offset))


def build_journal(folder: Path, reflections: Iterable[Reflection]) -> None:
    """Write a journal fast: one import, so one write per year file."""
    with Journal(folder, keep_days=0) as journal:
        journal.import_reflections(reflections)


def median_ms(
    action: Callable[[], Any], repeat: int, setup: Callable[[], Any] | None = None
) -> float:
    """The median wall time of ``action`` in milliseconds over ``repeat`` runs."""
    times: list[float] = []
    for _ in range(repeat):
        if setup is not None:
            setup()
        start = time.perf_counter()
        action()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def _export_json() -> Callable[[Iterable[Reflection]], Any] | None:
    try:
        from coach.exports import export_json
    except ImportError:
        return None
    found: Callable[[Iterable[Reflection]], Any] = export_json
    return found


def measure(folder: Path, repeat: int) -> dict[str, float | None]:
    """Every figure for one journal folder, by row key."""
    rng = random.Random(11)
    today = dt.date.today()
    results: dict[str, float | None] = {}
    results["open_count"] = median_ms(lambda: Journal(folder).count(), repeat)

    with Journal(folder) as journal:
        journal.count()
        results["save_today"] = median_ms(
            lambda: journal.add(synthetic_reflection(rng, today)), repeat
        )
        full_year_day = dt.date(today.year - 1, 12, 31)
        results["save_full_year"] = median_ms(
            lambda: journal.add(synthetic_reflection(rng, full_year_day)), repeat
        )

    holder: dict[str, Journal] = {}

    def fresh_journal() -> None:
        holder["journal"] = Journal(folder)

    for name, word in (("rare", RARE_WORD), ("common", COMMON_WORD)):

        def search(word: str = word) -> None:
            list(holder["journal"].search(word))

        def first_page(word: str = word) -> None:
            list(islice(holder["journal"].search(word), PAGE))

        results[f"search_{name}_cold"] = median_ms(search, repeat, setup=fresh_journal)
        results[f"search_{name}_warm"] = median_ms(search, repeat)
        results[f"page_{name}_cold"] = median_ms(first_page, repeat, setup=fresh_journal)

    def warmed_journal() -> None:
        fresh_journal()
        holder["journal"].warm_up()

    results["warm_up"] = median_ms(lambda: holder["journal"].warm_up(), repeat, setup=fresh_journal)
    results["search_common_app"] = median_ms(
        lambda: list(holder["journal"].search(COMMON_WORD)), repeat, setup=warmed_journal
    )

    export_json = _export_json()
    if export_json is None:
        results["export_cold"] = results["export_warm"] = None
    else:

        def export() -> None:
            export_json(holder["journal"].iter_newest_first())

        results["export_cold"] = median_ms(export, repeat, setup=fresh_journal)
        results["export_warm"] = median_ms(export, repeat)
    return results


def share_holding(folder: Path, word: str) -> float:
    """The share of reflections a search for ``word`` finds."""
    with Journal(folder) as journal:
        return len(list(journal.search(word))) / max(journal.count(), 1)


# Rows of the table: key, what is measured, the goal (or "").
ROWS = (
    ("open_count", "open + count (a new Journal, then count())", ""),
    ("save_today", "save: add() a reflection dated today", "<= 20 at every age"),
    ("save_full_year", "save: add() dated 31 Dec last year (a full year's file)", "<= 20"),
    ("search_rare_cold", "search, rare word, every match: first after open", "<= 50 at 10 years"),
    ("search_rare_warm", "search, rare word, every match: again (warm)", "<= 50"),
    ("page_rare_cold", "search, rare word, first 20 matches: after open", ""),
    ("search_common_cold", "search, common word, every match: first after open", "<= 50"),
    ("search_common_warm", "search, common word, every match: again (warm)", "<= 50"),
    ("page_common_cold", "search, common word, first 20 matches: after open", ""),
    ("warm_up", "warm_up(): the app's background read after start-up", ""),
    ("search_common_app", "search, common word, every match: after warm_up (the app)", "<= 50"),
    ("export_cold", "export JSON: just opened (cold)", "<= 1000 at 10 years"),
    ("export_warm", "export JSON: again (warm)", "<= 1000"),
)


def table(columns: list[tuple[int, int, dict[str, float | None]]]) -> str:
    """The results as a Markdown table: one row a measure, one column a journal age."""
    header = "| median ms | " + " | ".join(
        f"{years} yr ({count} refl.)" for years, count, _ in columns
    )
    lines = [header + " | goal |", "|---|" + "---:|" * len(columns) + "---|"]
    for key, title, goal in ROWS:
        cells = []
        for _, _, results in columns:
            found = results[key]
            cells.append("n/a" if found is None else f"{found:.1f}")
        lines.append(f"| {title} | " + " | ".join(cells) + f" | {goal} |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Build the journals, measure them and print the table."""
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--years", type=int, nargs="+", default=[1, 10, 20])
    parser.add_argument("--repeat", type=int, default=7, help="runs per figure (median taken)")
    parser.add_argument("--quick", action="store_true", help="small and once: CI's smoke run")
    args = parser.parse_args(argv)
    if args.quick:
        args.years, args.repeat = [1], 1
    columns = []
    shares: dict[str, float] = {}
    with tempfile.TemporaryDirectory(prefix="coach-bench-") as scratch:
        for years in args.years:
            folder = Path(scratch) / f"{years}y"
            yesterday = dt.date.today() - dt.timedelta(days=1)
            build_journal(folder, daily_reflections(years, yesterday))
            count = Journal(folder).count()
            columns.append((years, count, measure(folder, args.repeat)))
            for word in (RARE_WORD, COMMON_WORD):
                shares[word] = share_holding(folder, word)
            print(f"measured {years} years", file=sys.stderr)
    print(f"Median milliseconds of {args.repeat} runs, Python {sys.version.split()[0]}.")
    print(
        f"Rare word {RARE_WORD!r}: in {shares[RARE_WORD]:.0%} of reflections; "
        f"common word {COMMON_WORD!r}: in {shares[COMMON_WORD]:.0%}.\n"
    )
    print(table(columns))
    return 0


if __name__ == "__main__":
    sys.exit(main())
