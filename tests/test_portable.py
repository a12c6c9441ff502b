"""The journal runs where practitioners are: Windows and macOS as well as Linux.

Windows lacks ``os.fchmod`` (before Python 3.13) and cannot open a folder to fsync it; the
journal uses each only where the system has it (``coach.journal.files``). These tests take
them away and run the real journal, and a scan of the source lists any new POSIX-only call
that is not guarded, so the next one is caught here rather than on a practitioner's laptop.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from coach.journal import Journal, doctor
from coach.journal.doctor import Trouble
from coach.journal.outside import write_new_file
from coach.model import Reflection
from coach.people import Contact
from coach.vocabulary import Role

COACH = Path(__file__).resolve().parent.parent / "coach"

# POSIX-only names: a call or import of one of these fails on Windows.
POSIX_ONLY = re.compile(
    r"\bos\.(fchmod|fchown|lchmod|lchown|chown|getuid|geteuid|getgid|getegid|getpgid|setsid"
    r"|fork|forkpty|mkfifo|mknod|sync|getloadavg|O_DIRECTORY|O_NOFOLLOW|O_CLOEXEC|killpg)\b"
    r"|^\s*(import|from)\s+(fcntl|termios|tty|pty|pwd|grp|resource|posix)\b"
    r"|\bsignal\.SIG(KILL|HUP|USR1|USR2|ALRM|CHLD|STOP|CONT|QUIT|PIPE)\b"
    r"|%-[a-zA-Z]"  # glibc's no-padding strftime flag: a ValueError on Windows
)
# Each use that is guarded: the file, and the line as written. A new one must be guarded (a
# fallback where the name is missing) and listed here, or this test names it.
GUARDED = {
    ("journal/files.py", "os.fchmod(descriptor, FILE_MODE)"),  # under `if hasattr(os, "fchmod")`
    # after `if not hasattr(os, "O_DIRECTORY"): return`
    ("journal/files.py", "descriptor = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)"),
    ("journal/locking.py", "import fcntl"),  # the else of `if sys.platform == "win32"` (msvcrt)
}


def unguarded_posix_calls() -> list[str]:
    """Each line of the coach's source that uses a POSIX-only name without being listed as
    guarded, as ``file:line: text``."""
    found = []
    for path in sorted(COACH.rglob("*.py")):
        name = path.relative_to(COACH).as_posix()
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            code = line.split("#", 1)[0] if not line.lstrip().startswith(('"', "'")) else line
            if POSIX_ONLY.search(code) and (name, line.strip()) not in GUARDED:
                if line.lstrip().startswith(("#", "``", "-")):
                    continue  # prose in a comment or docstring
                found.append(f"{name}:{number}: {line.strip()}")
    return found


def test_no_posix_only_call_without_a_fallback() -> None:
    assert unguarded_posix_calls() == []


def test_the_scan_finds_what_it_looks_for() -> None:
    """The scan is not vacuous: each guarded line it allows is really there and really
    matches, so a change that moves or drops one is seen too."""
    for name, line in GUARDED:
        text = (COACH / name).read_text(encoding="utf-8")
        assert line in text, (name, line)
        assert POSIX_ONLY.search(line), line
    assert POSIX_ONLY.search('day.strftime("%-d %B")')
    assert POSIX_ONLY.search("    import termios")


@pytest.fixture
def windows_like(monkeypatch: pytest.MonkeyPatch) -> None:
    """The os module as Windows (Python 3.12) has it: no fchmod, no O_DIRECTORY."""
    for name in ("fchmod", "O_DIRECTORY"):
        if hasattr(os, name):
            monkeypatch.delattr(os, name)


@pytest.mark.usefixtures("windows_like")
def test_the_journal_saves_reads_and_exports_without_posix_only_calls(tmp_path: Path) -> None:
    data = tmp_path / "data"
    reflection = Reflection.new(narrative="A long day\r\nwith a Windows line end")
    with Journal(data) as journal:
        journal.save(reflection)
        journal.save_record(Contact.new(name="Sam", role=Role.PEER))
    with Journal(data) as reopened:
        assert reopened.get(reflection.id) == reflection  # byte-exact: no newline translated
        assert [c.name for c in reopened.records(Contact)] == ["Sam"]
    written = write_new_file(tmp_path / "export.json", b"{}\r\n", data_dir=data)
    assert written.read_bytes() == b"{}\r\n"
    assert not list(data.rglob("*.tmp"))  # no temporary file left behind
    # Still private: os.open makes each file 0600 whatever fchmod's absence.
    assert {oct(p.stat().st_mode & 0o777) for p in data.rglob("*.json")} == {"0o600"}


def test_the_doctor_does_not_judge_modes_where_they_do_not_say_who_may_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data = tmp_path / "data"
    with Journal(data) as journal:
        journal.save(Reflection.new())
    year_file = next(data.rglob("*.json"))
    year_file.chmod(0o644)
    assert [p.trouble for p in doctor.check(data).problems] == [Trouble.PERMISSIONS]
    monkeypatch.setattr(doctor, "MODES_MEAN_PRIVACY", False)  # as on Windows
    assert doctor.check(data).problems == ()
