"""How fast history, search and insights are on an empty journal and at 10 and 20 years.

Run it with ``python benchmarks/bench_history.py [--repeat N]``; it prints a Markdown table of
milliseconds, the median and the best of N runs (the best shows what the code costs when nothing
else on the machine gets in the way; the median, what a user would usually see). Each journal
is a synthetic one from ``coach.demo`` with a reflection every day (3,650 at ten years, 7,300 at
twenty), written through ``Journal.import_reflections`` into a temporary folder. Everything is
then measured as the app does it, in the real app under ``App.run_test()`` (headless), at
80x24 and at 120x40 (Textual's own drawing of a larger screen costs more):

- history, first page: from pushing the history screen to the first frame painted with its
  first rows (Textual's compositor refresh of the screen: see ``TimedHistory``). Cold:
  straight after start-up on a freshly opened journal, the first history of the session, while
  the app's own warm-up of the journal (a worker half a second in) may be running; warm: once
  it has run;
- search, first page of results: from the screen's query starting to the first frame painted
  with its rows, on a screen settled first (its filters mounted), for a rare word (in about 1
  reflection in 100), a common one (about 1 in 4) and one in none (the worst case: every year
  is searched), cold and warm as above. The moment's wait after the last key
  (``SEARCH_DELAY``, 0.2 s, so a search does not run on every key) is not counted. History's
  first read, finding the journal not yet held whole, asks for it to be read ahead, and the
  search waits for that and for the screen to settle: a "cold" search is then a warm one (at
  ten years the reading ahead takes about half a second; a user types once the first page is
  up), so the two rows show the same thing twice;
- insights: from pushing the insights screen to its figures drawn (cold and warm, as above), and
  ``coach.insights.journal_insights`` alone over the whole journal (pure figures, 365 days).

Each measure opens an app of its own, in this one process; what the one before left is
collected before the next opens (untimed), as a fresh process would have none of it.

Goals on a 2-core machine at ten years: first page <= 100 ms, search <= 50 ms,
insights <= 200 ms.
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import gc
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from textual.pilot import Pilot
from textual.screen import Screen
from textual.widgets import Input

from coach.content import Catalog, load_catalog
from coach.demo import demo_reflections
from coach.insights import journal_insights
from coach.journal import Journal
from coach.tui.app import CoachApp
from coach.tui.screens.history import HistoryScreen
from coach.tui.screens.insights import InsightsScreen

END = dt.date(2026, 11, 26)
SIZES = ((80, 24), (120, 40))
WORDS = {"rare": "interpreter", "common": "caseload", "none": "zebra"}
YEARS = (0, 10, 20)
WARM_UP_WAIT = 0.7  # seconds: past the app's warm-up timer
GOALS = {"first page": "<= 100", "search": "<= 50", "insights": "<= 200"}


def clock() -> dt.datetime:
    return dt.datetime.combine(END, dt.time(18, 0), dt.UTC)


class TimedHistory(HistoryScreen):
    """History that notes when a frame with the first rows (of each query) has been painted.

    The frame is Textual's compositor refresh of the screen (``Screen._compositor_refresh``,
    the one place a frame is drawn), the first once the rows are in the table: what the user
    sees, rather than when the screen next goes idle, which can be several frames later (the
    screen's resume and its footer's keys come after its first frame).
    """

    def __init__(self, drawn: asyncio.Event) -> None:
        super().__init__()
        self.drawn = drawn
        self.drawn_at = 0.0
        self._rows_to_draw = False

    def _show_page(self, worker: Any, source: Any, rows: Any, first: bool) -> None:
        super()._show_page(worker, source, rows, first)
        if first and (worker is None or not worker.is_cancelled):  # None: read in place
            # A page that changes nothing on screen still gets its frame (and is timed by it).
            self.query_one("#history-table").refresh()
            self._rows_to_draw = True

    def _compositor_refresh(self) -> None:
        super()._compositor_refresh()
        if self._rows_to_draw and self is self.app.screen:
            self._rows_to_draw = False
            self.drawn_at = time.perf_counter()
            self.drawn.set()


class TimedInsights(InsightsScreen):
    """Insights that notes when its figures have been drawn."""

    def __init__(self, drawn: asyncio.Event) -> None:
        super().__init__()
        self.drawn = drawn
        self.drawn_at = 0.0

    def _show(self, worker: Any, *figures: Any) -> None:
        super()._show(worker, *figures)
        self.call_after_refresh(self._note)

    def _note(self) -> None:
        self.drawn_at = time.perf_counter()
        self.drawn.set()


async def timed_push(app: CoachApp, make: Callable[[asyncio.Event], Screen[Any]]) -> float:
    """Milliseconds from pushing a screen to its content drawn; the screen is popped again."""
    drawn = asyncio.Event()
    screen = make(drawn)
    start = time.perf_counter()
    await app.push_screen(screen)
    await asyncio.wait_for(drawn.wait(), 30)
    elapsed = (screen.drawn_at - start) * 1000  # type: ignore[attr-defined]
    await app.pop_screen()
    await app.workers.wait_for_complete()  # home refreshes its summary on the way back
    return elapsed


async def timed_search(pilot: Pilot[None], word: str) -> float:
    """Milliseconds from a search starting on the history screen to its first rows drawn.

    The screen is settled first, its filters mounted (they follow the first rows), as it has
    long been by anyone's first search: only the search is timed, not the screen's opening.
    """
    app = pilot.app
    assert isinstance(app, CoachApp)
    drawn = asyncio.Event()
    screen = TimedHistory(drawn)
    await app.push_screen(screen)
    await asyncio.wait_for(drawn.wait(), 30)
    await app.workers.wait_for_complete()
    for _ in range(1000):  # ten seconds at most: a first read that failed mounts none
        if screen.query("#filter-kind"):
            break
        await pilot.pause(0.01)
    await app.workers.wait_for_complete()  # the read ahead history asked for, if it did
    await pilot.pause()
    drawn.clear()
    with screen.prevent(Input.Changed):  # the moment's wait after typing is not measured
        screen.query_one("#history-search", Input).value = word
    start = time.perf_counter()
    screen._query()
    await asyncio.wait_for(drawn.wait(), 30)
    elapsed = (screen.drawn_at - start) * 1000
    await app.pop_screen()
    await app.workers.wait_for_complete()  # home refreshes its summary on the way back
    return elapsed


async def warmed(pilot: Pilot[None]) -> None:
    """Wait for the app's own warm-up of the journal (it starts half a second in) to finish."""
    await pilot.pause(WARM_UP_WAIT)
    await pilot.app.workers.wait_for_complete()


async def measure_app(
    data_dir: Path, catalog: Catalog, repeat: int, size: tuple[int, int]
) -> dict[str, list[float]]:
    """Open the real app on the journal ``repeat`` times (cold each time) and time each screen."""
    found: dict[str, list[float]] = {}

    def note(name: str, ms: float) -> None:
        found.setdefault(f"{name} ({size[0]}x{size[1]})", []).append(ms)

    for _ in range(repeat):
        for measure in ("history", "insights", *WORDS):
            with Journal(data_dir) as journal:  # a fresh journal: nothing read yet
                app = CoachApp(journal, catalog, clock=clock, offer_draft=False)
                async with app.run_test(size=size) as pilot:
                    await pilot.pause()
                    await app.workers.wait_for_complete()
                    if measure == "history":
                        note("first page, cold", await timed_push(app, TimedHistory))
                        await warmed(pilot)
                        note("first page, warm", await timed_push(app, TimedHistory))
                    elif measure == "insights":
                        note("insights screen, cold", await timed_push(app, TimedInsights))
                        await warmed(pilot)
                        note("insights screen, warm", await timed_push(app, TimedInsights))
                    else:
                        word = WORDS[measure]
                        note(f"search {measure} word, cold", await timed_search(pilot, word))
                        await warmed(pilot)
                        note(f"search {measure} word, warm", await timed_search(pilot, word))
            # What that app left is collected now, untimed, as a fresh process would have none
            # of it: the app lets what it froze back into the collector's sight as it closes.
            gc.collect()
    return found


def measure_pure(data_dir: Path, repeat: int) -> list[float]:
    with Journal(data_dir) as journal:
        every = list(journal.iter_newest_first())
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        journal_insights(every, END, 365)
        times.append((time.perf_counter() - start) * 1000)
    return times


def build(folder: Path, catalog: Catalog, years: int) -> None:
    with Journal(folder) as journal:
        if years:
            journal.import_reflections(
                demo_reflections(catalog, end=END, years=years, reflect_chance=1.0, weekends=True)
            )


def goal_of(name: str) -> str:
    """The goal at ten years for a measure, by the start of its name."""
    return next((goal for prefix, goal in GOALS.items() if name.startswith(prefix)), "")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5, help="runs of each measure (median)")
    parser.add_argument("--quick", action="store_true", help="small and once: CI's smoke run")
    args = parser.parse_args()
    ages, sizes = ((0, 1), SIZES[:1]) if args.quick else (YEARS, SIZES)
    if args.quick:
        args.repeat = 1
    catalog = load_catalog()
    results: dict[int, dict[str, list[float]]] = {}
    with tempfile.TemporaryDirectory() as root:
        for years in ages:
            folder = Path(root) / f"{years}y"
            build(folder, catalog, years)
            results[years] = {}
            for size in sizes:
                measured = asyncio.run(measure_app(folder, catalog, args.repeat, size))
                results[years].update(measured)
            results[years]["insights figures alone (365 days)"] = measure_pure(folder, args.repeat)
    measured = list(results[ages[-1]])
    bases = list(dict.fromkeys(name.rsplit(" (", 1)[0] for name in measured))
    names = sorted(measured, key=lambda name: bases.index(name.rsplit(" (", 1)[0]))
    headings = ["empty" if y == 0 else f"{y} years" for y in ages]
    print(
        f"| ms: median / best of {args.repeat} | " + " | ".join(headings) + " | goal at 10 years |"
    )
    print("|---|" + "---:|" * len(ages) + "---|")
    for name in names:
        cells = [
            f"{statistics.median(results[y][name]):.1f} / {min(results[y][name]):.1f}" for y in ages
        ]
        print(f"| {name} | " + " | ".join(cells) + f" | {goal_of(name)} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
