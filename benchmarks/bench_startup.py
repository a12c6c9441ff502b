"""The app's start-up and memory beside a minimal Textual app, side by side in one run.

    python benchmarks/bench_startup.py [--repeat 7] [--quick]

The anchor is the smallest Textual app worth the name: a Header, a Static and a Footer. Both it
and the coach are launched the same way, each in a fresh process, headless under
``App.run_test()`` at 80x24, and timed from the process's start (its spawn, here) to:

- the anchor: its first screen mounted and the first frame drawn;
- the coach: home settled with its summary filled in (the journal's size and the date of the
  last entry), launched as ``coach`` launches it (content loaded, journal opened).

The coach is timed on an empty journal and on journals of 10 and 20 years with a reflection a
day (``coach.demo``'s synthetic reflections, written through the journal). Issue 10's goal: at
most 1.3x the anchor at 10 years, and flat as the journal grows.

Memory: each process's peak resident memory (``VmHWM``), the coach's taken once the app has
been open two seconds and its warm-up of the whole journal has finished, the anchor's after
two seconds open. Goal at 20 years:
under 2.5x the anchor.

It prints a Markdown table: the median and the best of ``--repeat`` rounds, the two taking
turns, each ratio taken like for like. The best is there because "settled" is counted in steps:
Textual's pilot waits for a 20 ms window in which the process has done under a millisecond of
work (its ``wait_for_idle``), and the anchor's own last window holds about that much, so its
rounds land about 20 ms apart from one run, or one machine, to the next (230 or 250-265 ms
here), where the coach's settle in the first two windows. A script, not a test: ``--quick``
(an empty and a 1-year journal, one round) is what CI runs to show it still works; it reports
and never asserts.
"""

from __future__ import annotations

# A child imports only what its app needs (both apps need asyncio): what the benchmark itself
# uses is imported in main(), so it weighs on neither app's start.
import asyncio
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SIZE = (80, 24)
SETTLE_SECONDS = 2.0  # how long the app stays open before its memory is taken


async def _minimal(stay: float) -> None:
    from textual.app import App, ComposeResult
    from textual.widgets import Footer, Header, Static

    class Minimal(App[None]):
        def compose(self) -> ComposeResult:
            yield Header()
            yield Static("Hello")
            yield Footer()

    app = Minimal()
    async with app.run_test(headless=True, size=SIZE) as pilot:
        await pilot.pause()
        print(f"ready {time.perf_counter()}", flush=True)
        await asyncio.sleep(stay)


async def _coach(data_dir: str, stay: float) -> None:
    from coach.cli import app_arguments
    from coach.tui.launch import opened_app

    args = app_arguments(["--data-dir", data_dir])  # as ``coach --data-dir DIR`` reads them
    assert args is not None
    with opened_app(args) as app:
        async with app.run_test(headless=True, size=SIZE) as pilot:
            journal_line = app.screen.query_one("#home-journal")
            while "Your journal" not in str(journal_line.content):  # type: ignore[attr-defined]
                await pilot.pause(0.001)
            await pilot.pause()  # the frame that shows it
            print(f"ready {time.perf_counter()}", flush=True)
            await asyncio.sleep(stay)
            await app.workers.wait_for_complete()  # the warm-up of the whole journal too


def peak_mib() -> float:
    """This process's peak resident memory since it started its program. (``getrusage`` would
    also count the pages of the process that spawned it, held before the exec.)"""
    try:
        status = Path("/proc/self/status").read_text()
    except OSError:  # not Linux: the best there is
        import resource

        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024 / 1024
    line = next(line for line in status.splitlines() if line.startswith("VmHWM:"))
    return int(line.split()[1]) / 1024  # in kB


def child(which: str, data_dir: str | None, stay: float) -> None:
    """Run one app in this process and report when it was ready and its peak memory."""
    if which == "minimal":
        asyncio.run(_minimal(stay))
    else:
        assert data_dir is not None
        asyncio.run(_coach(data_dir, stay))
    print(f"peak {peak_mib()}", flush=True)


def launch(which: str, data_dir: Path | None, stay: float) -> tuple[float, float]:
    """(ms from spawn to ready, peak MiB) of one fresh process."""
    import subprocess

    argv = [sys.executable, __file__, "--child", which]
    if data_dir is not None:
        argv += ["--data-dir", str(data_dir)]
    argv += ["--stay", str(stay)]
    start = time.perf_counter()  # perf_counter is CLOCK_MONOTONIC: the same clock in the child
    found = subprocess.run(argv, capture_output=True, text=True, check=True, cwd=ROOT)
    lines = dict(line.split(" ", 1) for line in found.stdout.splitlines() if " " in line)
    return (float(lines["ready"]) - start) * 1000, float(lines["peak"])


def make_journal(folder: Path, years: int) -> Path:
    """A journal of a reflection a day for ``years`` years to today (an empty one for 0)."""
    import datetime as dt

    sys.path.insert(0, str(ROOT))
    from coach.content import load_catalog
    from coach.demo import demo_reflections
    from coach.journal import Journal

    data_dir = folder / f"coach-{years}"
    with Journal(data_dir) as journal:
        if years:
            catalog = load_catalog()
            today = dt.date.today()
            journal.import_reflections(
                demo_reflections(catalog, end=today, years=years, reflect_chance=1.0, weekends=True)
            )
    return data_dir


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["--child"]:  # --child WHICH [--data-dir DIR] --stay SECONDS
        options = dict(zip(argv[::2], argv[1::2], strict=True))
        child(options["--child"], options.get("--data-dir"), float(options["--stay"]))
        return 0
    import argparse
    import compileall
    import os
    import statistics
    import tempfile

    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from report import print_table

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=7, help="rounds per figure")
    parser.add_argument("--quick", action="store_true", help="small and once: CI's smoke run")
    args = parser.parse_args(argv)
    repeat, ages = (1, (0, 1)) if args.quick else (args.repeat, (0, 10, 20))
    # As installing from a wheel does: the coach's modules compiled once, not on every start.
    compileall.compile_dir(ROOT / "coach", quiet=1)
    with tempfile.TemporaryDirectory(prefix="pwp-coach-startup-") as temp:
        journals = {years: make_journal(Path(temp), years) for years in ages}
        runs: dict[str, list[float]] = {"minimal": []}
        runs |= {f"coach {years}": [] for years in ages}
        for _ in range(repeat):
            runs["minimal"].append(launch("minimal", None, 0)[0])
            for years, data_dir in journals.items():
                runs[f"coach {years}"].append(launch("coach", data_dir, 0)[0])

        def both(figures: list[float]) -> tuple[float, float]:
            return statistics.median(figures), min(figures)

        floor, floor_best = both(runs["minimal"])
        rows = [
            f"| start-up: minimal Textual app (the anchor) | {floor:.0f} / {floor_best:.0f} | | |"
        ]
        for years in ages:
            ms, best = both(runs[f"coach {years}"])
            goal = "<= 1.3x" if years == 10 else "flat"
            rows.append(
                f"| start-up to home with its summary, {years} yr | {ms:.0f} / {best:.0f} "
                f"| {ms / floor:.2f}x / {best / floor_best:.2f}x | {goal} |"
            )
        oldest = max(ages)
        anchor_mib = max(launch("minimal", None, SETTLE_SECONDS)[1] for _ in range(2))
        coach_mib = max(launch("coach", journals[oldest], SETTLE_SECONDS)[1] for _ in range(2))
        rows.append(
            f"| peak memory after {SETTLE_SECONDS:.0f} s open, {oldest} yr: MiB (coach; minimal "
            f"{anchor_mib:.0f}) | {coach_mib:.0f} | {coach_mib / anchor_mib:.2f}x | < 2.5x |"
        )
    print_table(
        f"Median / best of {repeat} rounds, each a fresh process, headless at "
        f"{SIZE[0]}x{SIZE[1]}, Python {sys.version.split()[0]}, {os.cpu_count()} cores.",
        ["measure", "ms (median / best) or MiB", "ratio to the anchor (median / best)", "goal"],
        rows,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
