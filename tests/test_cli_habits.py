"""The habits a command-line user expects: --version, global options after the command, a
readable ``content show``, and no full-screen app started where no one can use it."""

from __future__ import annotations

from pathlib import Path

import pytest

from coach import __version__
from coach.cli import NOT_A_TERMINAL, main
from coach.content import load_catalog
from coach.journal import Journal
from coach.model import Reflection


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stopped:
        main(["--version"])
    assert stopped.value.code == 0
    assert capsys.readouterr().out == f"pwp-coach {__version__}\n"


def test_the_app_is_not_started_without_a_terminal(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Under pytest stdin and stdout are not terminals, as in a pipe or a cron job: the app
    would wait for keys nobody can press, so the coach says what to do instead."""
    data = tmp_path / "data"
    assert main(["--data-dir", str(data)]) == 2
    said = capsys.readouterr()
    assert said.err == NOT_A_TERMINAL + "\n"
    assert said.out == ""
    assert not data.exists()  # nothing was started, so nothing was made


def test_global_options_are_accepted_after_the_command(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = tmp_path / "data"
    with Journal(data) as journal:
        journal.save(Reflection.new(narrative="one"))
    assert main(["stats", "--json", "--data-dir", str(data), "--content", str(tmp_path)]) == 0
    assert '"reflections": 1' in capsys.readouterr().out
    # Before the command as well, and the one after wins where both are given.
    empty = tmp_path / "empty"
    assert main(["--data-dir", str(empty), "stats", "--json", "--data-dir", str(data)]) == 0
    assert '"reflections": 1' in capsys.readouterr().out


def test_content_show_without_json_is_a_readable_listing(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["content", "show"]) == 0
    out = capsys.readouterr().out
    catalog = load_catalog()
    assert f"Challenges ({len(catalog.challenges)})" in out
    first = catalog.challenges[0]
    assert f"  {first.key} ({first.dimension.value}): {first.label}\n" in out
    assert f"Exercises ({len(catalog.exercises())})" in out
    assert not out.lstrip().startswith("{")  # not JSON
