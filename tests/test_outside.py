"""Files the user names: new, private, outside the journal, and never a clobbered file."""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

import pytest

from coach.journal import Journal
from coach.journal.outside import (
    OutputError,
    OutputExists,
    OutputRefused,
    documents_folder,
    is_inside,
    write_new_file,
)

PAYLOAD = "# My journal\ncafé ✓ 😀\n".encode()


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    """A real journal's folder, with its year files."""
    folder = tmp_path / "data"
    with Journal(folder):
        pass
    (folder / "journal" / "2026.json").write_bytes(b'{"reflections": {}}')
    return folder


@pytest.fixture
def out(tmp_path: Path) -> Path:
    folder = tmp_path / "out"
    folder.mkdir()
    return folder


def listing(folder: Path) -> dict[str, bytes]:
    """Every file under ``folder``, hidden ones and temporaries included, with its bytes."""
    return {
        str(p.relative_to(folder)): p.read_bytes() if p.is_file() else b"<not a file>"
        for p in sorted(folder.rglob("*"))
    }


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_a_new_file_is_written_whole_and_private(data_dir: Path, out: Path) -> None:
    old_umask = os.umask(0o022)
    try:
        written = write_new_file(out / "export.md", PAYLOAD, data_dir=data_dir)
    finally:
        os.umask(old_umask)
    assert written == out / "export.md"
    assert written.read_bytes() == PAYLOAD
    assert mode(written) == 0o600
    assert [p.name for p in out.iterdir()] == ["export.md"]  # no temporary file left


def test_an_existing_file_is_left_byte_identical(data_dir: Path, out: Path) -> None:
    mine = out / "thesis.md"
    mine.write_bytes(b"three years of work")
    mine.chmod(0o644)
    before = listing(out)
    with pytest.raises(OutputExists) as refused:
        write_new_file(mine, PAYLOAD, data_dir=data_dir)
    assert str(refused.value) == f"{mine} already exists; give a new name"
    assert listing(out) == before
    assert mode(mine) == 0o644


def test_replace_replaces_a_file_atomically_and_privately(data_dir: Path, out: Path) -> None:
    mine = out / "export.json"
    mine.write_bytes(b"last week's export")
    mine.chmod(0o644)
    write_new_file(mine, PAYLOAD, data_dir=data_dir, replace=True)
    assert mine.read_bytes() == PAYLOAD
    assert mode(mine) == 0o600
    assert [p.name for p in out.iterdir()] == ["export.json"]


@pytest.mark.parametrize("dangling", [False, True])
def test_a_symlink_counts_as_existing(data_dir: Path, out: Path, dangling: bool) -> None:
    elsewhere = out / "elsewhere.txt"
    if not dangling:
        elsewhere.write_bytes(b"someone's file")
    link = out / "export.md"
    link.symlink_to(elsewhere)
    before = listing(out)
    with pytest.raises(OutputExists):
        write_new_file(link, PAYLOAD, data_dir=data_dir)
    assert listing(out) == before
    assert link.is_symlink()
    assert elsewhere.exists() is not dangling


@pytest.mark.parametrize("replace", [False, True])
@pytest.mark.parametrize(
    "where",
    [
        "journal/2026.json",  # the year file itself
        "journal/new.json",
        "records.json",
        "brand-new.md",
        "backups/x.json",
    ],
)
def test_nothing_is_written_inside_the_journal_folder(
    data_dir: Path, where: str, replace: bool
) -> None:
    before = listing(data_dir)
    with pytest.raises(OutputRefused) as refused:
        write_new_file(data_dir / where, PAYLOAD, data_dir=data_dir, replace=replace)
    assert f"is inside the journal's folder {data_dir}; choose a place outside it" in str(
        refused.value
    )
    assert listing(data_dir) == before


@pytest.mark.parametrize("replace", [False, True])
def test_dot_dot_and_symlinks_cannot_reach_the_journal_folder(
    tmp_path: Path, data_dir: Path, out: Path, replace: bool
) -> None:
    year = data_dir / "journal" / "2026.json"
    (out / "to-year.json").symlink_to(year)
    (out / "to-data").symlink_to(data_dir)
    (out / "to-journal").symlink_to(data_dir / "journal")
    (out / "nowhere-in-data").symlink_to(data_dir / "journal" / "new.json")
    sneaky = [
        out / ".." / "data" / "journal" / "2026.json",
        out / "to-year.json",
        out / "to-data" / "records.json",
        out / "to-journal" / "new.json",
        out / "to-journal" / ".." / "new.md",
        out / "nowhere-in-data",  # a dangling link whose target would land in the journal
        Path(os.path.relpath(year, Path.cwd())),
    ]
    before_data, before_out = listing(data_dir), listing(out)
    for target in sneaky:
        with pytest.raises(OutputRefused, match="inside the journal's folder"):
            write_new_file(target, PAYLOAD, data_dir=data_dir, replace=replace)
    assert listing(data_dir) == before_data
    assert listing(out) == before_out


def test_the_journal_folder_named_by_a_symlink_is_still_the_journal(
    tmp_path: Path, data_dir: Path
) -> None:
    alias = tmp_path / "alias"
    alias.symlink_to(data_dir)
    before = listing(data_dir)
    with pytest.raises(OutputRefused, match="inside the journal's folder"):
        write_new_file(data_dir / "x.md", PAYLOAD, data_dir=alias)
    assert listing(data_dir) == before


def test_a_dot_dot_path_that_leaves_the_journal_folder_is_fine(data_dir: Path) -> None:
    target = data_dir / "journal" / ".." / ".." / "out.md"
    written = write_new_file(target, PAYLOAD, data_dir=data_dir)
    assert (data_dir.parent / "out.md").read_bytes() == PAYLOAD
    assert written.resolve() == (data_dir.parent / "out.md").resolve()


def test_a_missing_folder_is_refused_and_not_created(data_dir: Path, out: Path) -> None:
    with pytest.raises(OutputRefused, match=r"the folder .*nowhere does not exist"):
        write_new_file(out / "nowhere" / "x.md", PAYLOAD, data_dir=data_dir)
    assert list(out.iterdir()) == []


@pytest.mark.parametrize("replace", [False, True])
def test_a_folder_is_never_replaced(data_dir: Path, out: Path, replace: bool) -> None:
    (out / "folder").mkdir()
    (out / "folder" / "inside.txt").write_bytes(b"kept")
    before = listing(out)
    with pytest.raises(OutputRefused, match="is a folder"):
        write_new_file(out / "folder", PAYLOAD, data_dir=data_dir, replace=replace)
    assert listing(out) == before


def test_a_name_taken_between_the_check_and_the_write_is_not_clobbered(
    data_dir: Path, out: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Another program creates the file just as the coach finishes writing its own."""
    target = out / "export.md"
    real_link = os.link

    def racing_link(source: os.PathLike[str], destination: os.PathLike[str]) -> None:
        Path(destination).write_bytes(b"the other program's file")
        real_link(source, destination)

    monkeypatch.setattr(os, "link", racing_link)
    with pytest.raises(OutputExists):
        write_new_file(target, PAYLOAD, data_dir=data_dir)
    assert target.read_bytes() == b"the other program's file"
    assert [p.name for p in out.iterdir()] == ["export.md"]  # the temporary file is gone


@pytest.mark.parametrize("code", [errno.EPERM, errno.ENOTSUP, errno.EXDEV])
def test_without_hard_links_the_name_is_claimed_exclusively(
    data_dir: Path, out: Path, monkeypatch: pytest.MonkeyPatch, code: int
) -> None:
    """What a FAT or exFAT memory stick does: no hard links, so O_EXCL does the claiming."""

    def no_links(source: os.PathLike[str], destination: os.PathLike[str]) -> None:
        raise OSError(code, os.strerror(code))

    monkeypatch.setattr(os, "link", no_links)
    written = write_new_file(out / "export.md", PAYLOAD, data_dir=data_dir)
    assert written.read_bytes() == PAYLOAD
    assert mode(written) == 0o600
    assert [p.name for p in out.iterdir()] == ["export.md"]
    (out / "taken.md").write_bytes(b"mine")
    with pytest.raises(OutputExists):
        write_new_file(out / "taken.md", PAYLOAD, data_dir=data_dir)
    assert (out / "taken.md").read_bytes() == b"mine"


@pytest.mark.skipif(os.geteuid() == 0, reason="root can write into any folder")
def test_a_folder_that_cannot_be_written_is_one_clear_error(data_dir: Path, out: Path) -> None:
    out.chmod(0o500)
    try:
        with pytest.raises(OutputError, match="could not be written") as failed:
            write_new_file(out / "x.md", PAYLOAD, data_dir=data_dir)
    finally:
        out.chmod(0o700)
    assert "\n" not in str(failed.value)
    assert list(out.iterdir()) == []


def test_a_path_with_control_characters_is_shown_escaped(data_dir: Path, out: Path) -> None:
    target = out / "bad\x1b[2Jname.md"
    target.write_bytes(b"x")
    with pytest.raises(OutputExists) as refused:
        write_new_file(target, PAYLOAD, data_dir=data_dir)
    assert "\x1b" not in str(refused.value)
    assert "␛[2J" in str(refused.value)  # shown as coach.text.visible shows it


def test_a_nul_in_the_name_is_refused_in_words(data_dir: Path, out: Path) -> None:
    with pytest.raises(OutputRefused, match="holds a NUL character"):
        write_new_file(out / "a\x00b.md", PAYLOAD, data_dir=data_dir)
    assert list(out.iterdir()) == []


def test_is_inside(tmp_path: Path, data_dir: Path) -> None:
    assert is_inside(data_dir, data_dir)
    assert is_inside(data_dir / "a" / "b", data_dir)
    assert not is_inside(tmp_path / "data-2" / "x", data_dir)
    assert not is_inside(tmp_path / "x", tmp_path / "not-made-yet")


def test_documents_folder_is_documents_else_home(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "no-config"))
    assert documents_folder() == home
    (home / "Documents").mkdir()
    assert documents_folder() == home / "Documents"
