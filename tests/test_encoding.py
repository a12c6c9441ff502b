"""UTF-8 data whatever the locale; lines for a person never crash on a character they cannot show.

Each test runs the real command in a child process whose stdout and stderr are ASCII-only (as
under ``LC_ALL=C`` on an older system), and compares with a run under UTF-8.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from coach.commands.export import NOT_ENCRYPTED
from coach.journal import Journal
from coach.model import Category, Challenge, CopingAction, Dimension, Reflection
from tests.helpers.run import run_coach

WORDS = "café ✓ 😀"
ASCII = {"PYTHONIOENCODING": "ascii", "LC_ALL": "C", "LANG": "C", "PYTHONUTF8": "0"}
UTF8 = {"PYTHONIOENCODING": "utf-8", "LC_ALL": "C.UTF-8", "LANG": "C.UTF-8", "PYTHONUTF8": "1"}


@pytest.fixture
def data(tmp_path: Path) -> Path:
    """A journal whose words an ASCII terminal cannot show."""
    folder = tmp_path / "data"
    with Journal(folder) as journal:
        journal.add(
            Reflection(
                id="r-2026",
                date=dt.date(2026, 11, 26),
                created=dt.datetime(2026, 11, 26, 18, 0, tzinfo=dt.UTC),
                strain=6,
                narrative=WORDS,
                challenges=(Challenge("own:café", WORDS, Dimension.INDIVIDUAL),),
                actions=(CopingAction("own:walk", f"A walk {WORDS}", Category.INDIVIDUAL),),
            )
        )
    return folder


def coach(tmp_path: Path, locale: dict[str, str], *argv: str) -> subprocess.CompletedProcess[bytes]:
    return run_coach(*argv, env_data=tmp_path / "env-data", env=locale)


def without_export_time(output: bytes) -> list[bytes]:
    """The lines of an export, less the one saying when it was made (it can differ by a minute)."""
    return [
        line
        for line in output.splitlines()
        if not line.startswith((b'  "exported": ', b"From pwp-coach, "))
    ]


def test_the_child_really_has_an_ascii_stdout(tmp_path: Path) -> None:
    """Without this, the tests below could pass on a UTF-8 stdout and prove nothing."""
    result = subprocess.run(
        [sys.executable, "-c", "import sys; print(sys.stdout.encoding)"],
        capture_output=True,
        env={**os.environ, **ASCII},
        timeout=60,
        check=False,
    )
    assert result.stdout.strip() == b"ascii"


@pytest.mark.parametrize("form", ["json", "md"])
def test_an_export_to_an_ascii_stdout_is_the_same_utf8(
    tmp_path: Path, data: Path, form: str
) -> None:
    ascii_run = coach(tmp_path, ASCII, "--data-dir", str(data), "export", "--format", form)
    assert ascii_run.returncode == 0, ascii_run.stderr
    assert ascii_run.stderr == f"{NOT_ENCRYPTED}\n".encode("ascii")  # only the warning: no error
    text = ascii_run.stdout.decode("utf-8")  # raises if it is not valid UTF-8
    assert WORDS in (json.loads(text)["reflections"][0]["narrative"] if form == "json" else text)
    utf8_run = coach(tmp_path, UTF8, "--data-dir", str(data), "export", "--format", form)
    assert utf8_run.returncode == 0, utf8_run.stderr
    assert without_export_time(ascii_run.stdout) == without_export_time(utf8_run.stdout)


def test_stats_json_is_utf8_and_stats_for_a_person_do_not_crash(tmp_path: Path, data: Path) -> None:
    argv = ("--data-dir", str(data), "stats", "--as-of", "2026-11-26")
    as_json = coach(tmp_path, ASCII, *argv, "--json")
    assert as_json.returncode == 0, as_json.stderr
    assert as_json.stdout == coach(tmp_path, UTF8, *argv, "--json").stdout
    assert json.loads(as_json.stdout.decode("utf-8"))["challenges"][0]["label"] == WORDS

    readable = coach(tmp_path, ASCII, *argv)
    assert readable.returncode == 0, readable.stderr
    assert readable.stderr == b""
    assert b"caf\\xe9 \\u2713 \\U0001f600" in readable.stdout  # shown, not a crash
    assert b"1 reflection, from 2026-11-26 to 2026-11-26" in readable.stdout


def test_content_show_json_is_utf8(tmp_path: Path) -> None:
    overlay = tmp_path / "overlay"
    overlay.mkdir()
    (overlay / "values.toml").write_text(
        f'[[value]]\nkey = "helping-others"\nlabel = "Helping others {WORDS}"\n'
        'line = "Being useful."\nphase = 2\ndimension = "individual"\n',
        encoding="utf-8",
    )
    argv = ("content", "show", "--json", "--content", str(overlay))
    ascii_run = coach(tmp_path, ASCII, *argv)
    assert ascii_run.returncode == 0, ascii_run.stderr
    assert ascii_run.stdout == coach(tmp_path, UTF8, *argv).stdout
    shown = json.loads(ascii_run.stdout.decode("utf-8"))
    assert f"Helping others {WORDS}" in [value["label"] for value in shown["values"]]


def test_an_error_naming_a_path_it_cannot_show_is_still_one_line(tmp_path: Path) -> None:
    missing = tmp_path / f"nowhere {WORDS}" / "x.json"
    Journal(tmp_path / "data").close()
    result = coach(
        tmp_path, ASCII, "--data-dir", str(tmp_path / "data"), "export", "-o", str(missing)
    )
    assert result.returncode == 1
    assert b"Traceback" not in result.stderr
    assert result.stderr.count(b"\n") == 1
    # Under LC_ALL=C the name's bytes arrive as surrogates; shown escaped, never a crash.
    assert b"nowhere caf\\" in result.stderr
    assert result.stdout == b""


def test_doctor_does_not_crash_on_a_folder_it_cannot_show(tmp_path: Path) -> None:
    folder = tmp_path / f"journal {WORDS}"  # not started yet: doctor names the folder
    result = coach(tmp_path, ASCII, "--data-dir", str(folder), "doctor")
    assert result.returncode == 0, result.stderr
    assert b"(no journal has been started in " in result.stdout
    assert b"Traceback" not in result.stderr
