"""The coach's command line beside jrnl 4.6, side by side in one run, each command a fresh process.

    python benchmarks/bench_cli.py [--years 10] [--repeat 7] [--jrnl PATH] [--quick]

Builds, in a temporary folder, a coach journal of a reflection a day (about 2.5 KB of narrative
each, every other field filled in) and a jrnl journal holding the same narratives, each titled
by its first challenge. Then, alternating the two tools round by round so both meet the same
machine, it times (median wall time) and weighs (peak resident memory, from ``wait4``):

- ``coach export --format json`` beside ``jrnl --export json``;
- ``coach import`` of one new record into a 1-year journal and into a 20-year one (issue 10's
  goal: at most 1.5x).

It prints a Markdown table with each figure's ratio to its anchor and the goal beside it. It is a
script, not a test: ``--quick`` (small journals, one round) is what CI runs, to show it still
works; it reports and never asserts. jrnl is found on PATH or given with ``--jrnl``; install it
in a venv of its own (``python -m venv /tmp/jrnl && /tmp/jrnl/bin/pip install jrnl==4.6``).
Without it the coach's figures are printed alone.
"""

from __future__ import annotations

import argparse
import compileall
import datetime as dt
import json
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterator, Sequence
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench_journal import _prose, build_journal, synthetic_reflection
from report import print_table

from coach.exports import export_json
from coach.model import Reflection

NARRATIVE = 2500  # characters of narrative a reflection
LAST_DAY = dt.date(2026, 11, 30)
JRNL_CONFIG = """\
colors: {{body: none, date: none, tags: none, title: none}}
default_hour: 9
default_minute: 0
editor: ''
encrypt: false
highlight: false
indent_character: '|'
journals:
  default:
    journal: {journal}
linewrap: 79
tagsymbols: '#@'
template: false
timeformat: '%Y-%m-%d %H:%M'
version: v4.6
"""


def reflections(years: int, seed: int = 11) -> Iterator[Reflection]:
    """A reflection a day for ``years`` years to ``LAST_DAY``, ~2.5 KB of narrative each."""
    rng = random.Random(seed)
    for offset in range(years * 365 - 1, -1, -1):
        day = LAST_DAY - dt.timedelta(days=offset)
        yield replace(synthetic_reflection(rng, day), narrative=_prose(rng, NARRATIVE))


def jrnl_entry(reflection: Reflection) -> str:
    """One reflection as jrnl writes an entry: ``[date time] title``, then the body."""
    title = reflection.challenges[0].label if reflection.challenges else "Reflection"
    stamp = f"{reflection.date.isoformat()} {reflection.created:%H:%M}"
    return f"[{stamp}] {title}\n{reflection.narrative}\n\n"


def build(folder: Path, years: int) -> tuple[Path, Path]:
    """A coach journal and a jrnl journal (with its config) of the same ``years``; made once."""
    if (folder / f"coach-{years}").exists():
        return folder / f"coach-{years}", folder / f"jrnl-{years}.yaml"
    made = list(reflections(years))
    coach_dir = folder / f"coach-{years}"
    build_journal(coach_dir, made)
    text = folder / f"jrnl-{years}.txt"
    text.write_text("".join(jrnl_entry(r) for r in made), encoding="utf-8")
    config = folder / f"jrnl-{years}.yaml"
    config.write_text(JRNL_CONFIG.format(journal=text), encoding="utf-8")
    return coach_dir, config


# A small process that starts each measured command and reports its wall time and peak
# memory. Linux carries a process's peak memory across exec, so a command started straight from
# this benchmark (which holds whole journals) would be reported at least as large as it: both
# tools read ~67 MiB that way, whatever they used. This starter is ~9 MiB, below either tool.
STARTER = """\
import os, sys, time
quiet = [(os.POSIX_SPAWN_OPEN, fd, os.devnull, os.O_WRONLY, 0) for fd in (1, 2)]
start = time.perf_counter()
pid = os.posix_spawn(sys.argv[1], sys.argv[1:], os.environ, file_actions=quiet)
_pid, status, usage = os.wait4(pid, 0)
print(time.perf_counter() - start, usage.ru_maxrss, os.waitstatus_to_exitcode(status))
"""


def run(argv: Sequence[str]) -> tuple[float, float]:
    """Run a command, its output thrown away: (seconds, peak resident memory in MiB)."""
    found = subprocess.run(
        [sys.executable, "-S", "-c", STARTER, *argv], capture_output=True, text=True, check=True
    )
    seconds, peak_kib, code = found.stdout.split()
    if int(code) != 0:
        raise SystemExit(f"failed: {' '.join(argv)}")
    return float(seconds), int(peak_kib) / 1024  # Linux reports KiB


def side_by_side(
    commands: dict[str, list[str]],
    repeat: int,
    before: dict[str, Callable[[], None]] | None = None,
) -> dict[str, tuple[float, float]]:
    """Each command ``repeat`` times, taking turns: (median ms, largest peak MiB) by name.
    ``before`` names what to do, untimed, before each run of a command."""
    times: dict[str, list[float]] = {name: [] for name in commands}
    memory: dict[str, float] = dict.fromkeys(commands, 0.0)
    for _ in range(repeat):
        for name, argv in commands.items():
            (before or {}).get(name, lambda: None)()
            seconds, peak = run(argv)
            times[name].append(seconds * 1000)
            memory[name] = max(memory[name], peak)
    return {name: (statistics.median(times[name]), memory[name]) for name in commands}


def forget_checks(data_dir: Path) -> Callable[[], None]:
    """Make the journal's index forget that any year was checked (as after a first upgrade),
    so the next export builds and checks every reflection."""

    def forget() -> None:
        index = data_dir / "index.json"
        found = json.loads(index.read_bytes())
        for entry in found["years"].values():
            entry["checked"] = ""
        index.write_text(json.dumps(found), encoding="utf-8")

    return forget


def one_record_files(folder: Path, count: int) -> Iterator[Path]:
    """Export files of one new reflection each (a new id every time, so each import adds)."""
    rng = random.Random(3)
    for number in range(count):
        reflection = replace(synthetic_reflection(rng, LAST_DAY), id=f"bench-import-{number}")
        path = folder / f"one-{number}.json"
        path.write_text(export_json([reflection]), encoding="utf-8")
        yield path


def imports(
    coach: list[str], journals: dict[str, Path], folder: Path, repeat: int
) -> dict[str, float]:
    """Median ms to import one new record into each journal, each in a fresh process."""
    records = iter(list(one_record_files(folder, repeat * len(journals))))
    times: dict[str, list[float]] = {name: [] for name in journals}
    for _ in range(repeat):
        for name, data_dir in journals.items():
            seconds, _peak = run(
                [*coach, "--data-dir", str(data_dir), "import", str(next(records))]
            )
            times[name].append(seconds * 1000)
    return {name: statistics.median(found) for name, found in times.items()}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--years", type=int, default=10, help="age of the exported journals")
    parser.add_argument("--repeat", type=int, default=7, help="rounds per figure")
    parser.add_argument("--jrnl", help="the jrnl 4.6 command (default: jrnl on PATH)")
    parser.add_argument("--quick", action="store_true", help="small and once: CI's smoke run")
    args = parser.parse_args(argv)
    years, repeat, old = (1, 1, 2) if args.quick else (args.years, args.repeat, 20)
    jrnl = args.jrnl or shutil.which("jrnl")
    coach = [sys.executable, "-m", "coach"]
    rows: list[str] = []
    # As installing from a wheel does (pip compiles every module): an editable checkout under
    # PYTHONDONTWRITEBYTECODE would otherwise compile the coach's source on every run.
    compileall.compile_dir(Path(__file__).resolve().parent.parent / "coach", quiet=1)
    with tempfile.TemporaryDirectory(prefix="pwp-coach-bench-") as temp:
        folder = Path(temp)
        coach_dir, config = build(folder, years)
        export = [*coach, "--data-dir", str(coach_dir), "export", "--format", "json"]
        run(export)  # the journal's first export checks every year, and the index keeps that
        commands = {"coach": export, "coach, unchecked": export}
        if jrnl:
            commands["jrnl"] = [jrnl, "--config-file", str(config), "--export", "json"]
        exported = side_by_side(
            commands, repeat, before={"coach, unchecked": forget_checks(coach_dir)}
        )
        checking_ms, _checking_mib = exported["coach, unchecked"]
        (coach_ms, coach_mib) = exported["coach"]
        if "jrnl" in exported:
            jrnl_ms, jrnl_mib = exported["jrnl"]
            rows.append(
                f"| export JSON, {years} yr: wall ms (coach / jrnl) | {coach_ms:.0f} | "
                f"{jrnl_ms:.0f} | {coach_ms / jrnl_ms:.2f}x | <= 0.5x |"
            )
            rows.append(
                f"| export JSON, {years} yr: peak MiB (coach / jrnl) | {coach_mib:.0f} | "
                f"{jrnl_mib:.0f} | {coach_mib / jrnl_mib:.2f}x | <= 1.0x |"
            )
            rows.append(
                f"| export JSON, {years} yr, no year checked before: wall ms (coach / jrnl) | "
                f"{checking_ms:.0f} | {jrnl_ms:.0f} | {checking_ms / jrnl_ms:.2f}x | (report) |"
            )
        else:
            rows.append(f"| export JSON, {years} yr: wall ms / peak MiB (coach; no jrnl found) "
                        f"| {coach_ms:.0f} | {coach_mib:.0f} | | |")  # fmt: skip
        young, _config = build(folder, 1)
        aged, _config = build(folder, old)
        imported = imports(coach, {"1 yr": young, f"{old} yr": aged}, folder, repeat)
        one, many = imported["1 yr"], imported[f"{old} yr"]
        rows.append(
            f"| import one record: ms ({old} yr / 1 yr) | {many:.0f} | {one:.0f} | "
            f"{many / one:.2f}x | <= 1.5x |"
        )
    print_table(
        f"Median of {repeat} rounds, each command a fresh process, "
        f"Python {sys.version.split()[0]}.",
        ["measure", "coach", "anchor", "ratio", "goal"],
        rows,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
