"""The coach never touches the network: proven with every internet socket made to fail loudly.

The guard replaces ``socket.socket``, ``socket.create_connection`` and the name lookups with
versions that record the attempt and raise. Local (AF_UNIX) sockets, which asyncio uses inside
the process, are allowed. Each test then asserts that nothing was recorded; a failure that the
code under test swallowed would still be on the record.
"""

from __future__ import annotations

import ast
import asyncio
import datetime as dt
import json
import socket
import urllib.request
from pathlib import Path
from typing import Any

import pytest

import coach
from coach.cli import main
from coach.content import load_catalog
from coach.journal import Journal
from coach.model import Category, Challenge, CopingAction, Dimension, Reflection, Value

INTERNET = (socket.AF_INET, socket.AF_INET6)
NETWORK_MODULES = frozenset(
    {
        *("socket", "ssl", "urllib", "http", "ftplib", "smtplib", "imaplib", "poplib"),
        *("xmlrpc", "socketserver", "requests", "httpx", "aiohttp", "urllib3", "websockets"),
    }
)


class InternetAttempt(RuntimeError):
    """Raised by the guard: something tried to reach the network."""


class NetworkGuard:
    """Records every attempt to open an internet socket or look up a name, and refuses it."""

    def __init__(self) -> None:
        self.attempts: list[str] = []

    def refuse(self, what: str) -> InternetAttempt:
        self.attempts.append(what)
        return InternetAttempt(f"the coach tried to reach the network: {what}")


@pytest.fixture
def guard(monkeypatch: pytest.MonkeyPatch) -> NetworkGuard:
    """Every internet socket fails loudly for the length of the test."""
    watch = NetworkGuard()
    real_socket = socket.socket

    class GuardedSocket(real_socket):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            if self.family in INTERNET:
                family = self.family
                self.close()
                raise watch.refuse(f"socket({family!r})")

    def refuse(name: str) -> Any:
        def refused(*args: Any, **kwargs: Any) -> Any:
            raise watch.refuse(f"{name}{args!r}")

        return refused

    monkeypatch.setattr(socket, "socket", GuardedSocket)
    for name in ("create_connection", "getaddrinfo", "gethostbyname", "gethostbyname_ex"):
        monkeypatch.setattr(socket, name, refuse(name))
    return watch


# --- the guard itself ----------------------------------------------------------------------


def test_the_guard_catches_every_way_out(guard: NetworkGuard) -> None:
    with pytest.raises(InternetAttempt):
        socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    with pytest.raises(InternetAttempt):
        socket.socket()  # the default family is the internet
    with pytest.raises(InternetAttempt):
        socket.create_connection(("192.0.2.1", 443), timeout=0.1)
    with pytest.raises(InternetAttempt):
        socket.getaddrinfo("example.org", 443)
    with pytest.raises(InternetAttempt):
        urllib.request.urlopen("http://192.0.2.1/", timeout=0.1)
    with pytest.raises(InternetAttempt):
        asyncio.run(asyncio.open_connection("192.0.2.1", 80))
    assert len(guard.attempts) == 6
    assert guard.attempts[0].startswith("socket(")


def test_the_guard_lets_local_sockets_be(guard: NetworkGuard) -> None:
    left, right = socket.socketpair()
    with left, right:
        left.sendall(b"ok")
        assert right.recv(2) == b"ok"
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM):
        pass
    assert guard.attempts == []


# --- the data commands ---------------------------------------------------------------------


def a_few_reflections(journal: Journal) -> None:
    for day in range(1, 8):
        date = dt.date(2026, 11, day)
        journal.add(
            Reflection(
                id=f"00000000-0000-4000-8000-00000000000{day}",
                date=date,
                created=dt.datetime(2026, 11, day, 18, 0, tzinfo=dt.UTC),
                strain=day,
                alignment=10 - day,
                challenges=(Challenge("caseload", "Caseload volume", Dimension.SYSTEMIC),),
                values=(Value("helping-others", "Helping others"),),
                actions=(CopingAction("protect-lunch", "Protect my lunch", Category.BOUNDARIES),),
                narrative="A [bold]long[/] day",
            )
        )


def test_the_data_commands_never_reach_the_network(
    guard: NetworkGuard, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = tmp_path / "data"
    with Journal(data) as journal:
        a_few_reflections(journal)
    exported = tmp_path / "journal.json"
    other = tmp_path / "other"
    data_commands = [
        ["export", "-o", str(exported)],
        ["export", "--format", "md", "-o", str(tmp_path / "journal.md")],
        ["stats"],
        ["stats", "--json", "--as-of", "2026-11-07"],
        ["doctor"],
        ["content", "check"],
        ["content", "show", "--json"],
    ]
    codes = [main(["--data-dir", str(data), *command]) for command in data_commands]
    codes.append(main(["--data-dir", str(other), "import", str(exported)]))
    codes.append(main(["--data-dir", str(other), "import", str(exported)]))  # twice adds nothing
    assert guard.attempts == []
    assert codes == [0] * len(codes), capsys.readouterr().err
    assert len(json.loads(exported.read_text(encoding="utf-8"))["reflections"]) == 7
    with Journal(other) as imported:
        assert imported.count() == 7


# --- the app ---------------------------------------------------------------------------------


async def test_a_whole_reflection_in_the_app_never_reaches_the_network(
    guard: NetworkGuard, tmp_path: Path
) -> None:
    from tests.tui.conftest import at_the_challenges, make_app, settle, tab_to

    with Journal(tmp_path / "data") as journal:
        app = make_app(journal, load_catalog())
        async with app.run_test(size=(80, 24)) as pilot:
            await at_the_challenges(pilot)
            await pilot.press("space")
            await tab_to(pilot, "#strain")
            await pilot.press("9")
            await tab_to(pilot, "#narrative")
            await pilot.press(*"Offline")
            await pilot.press("f2")  # support now, on the way
            await settle(pilot)
            await pilot.press("escape", "ctrl+n")
            await settle(pilot)
            await tab_to(pilot, "#at-stake")
            await pilot.press("space")
            await tab_to(pilot, "#alignment")
            await pilot.press("6", "ctrl+n")
            await settle(pilot)
            await tab_to(pilot, "#suggestions")
            await pilot.press("space", "ctrl+n")
            await settle(pilot)
            await pilot.press("ctrl+s")
            await settle(pilot)
            await pilot.press("enter")
            await settle(pilot)
            await pilot.press("f1", "a")  # About, which names the folder
            await settle(pilot)
            await pilot.press("escape", "escape", "c")  # and a quick check-in,
            await settle(pilot)
            await pilot.press("ctrl+k")  # skipping the follow-up of the plans just made
            await settle(pilot)
            await pilot.press("enter", "ctrl+s")
            await settle(pilot)
        kinds = sorted(saved.kind.value for saved in journal.iter_newest_first())
    assert guard.attempts == []
    assert kinds == ["check-in", "reflection"]


# --- the source --------------------------------------------------------------------------------


def network_imports(path: Path) -> list[str]:
    """Every import of a network module in one source file, at any depth, as ``line: name``."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found: list[str] = []
    for node in ast.walk(tree):
        names: list[str] = []
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names = [node.module]
        found += [f"{node.lineno}: {n}" for n in names if n.split(".")[0] in NETWORK_MODULES]
    return found


def test_no_coach_module_imports_a_network_module() -> None:
    package = Path(coach.__file__).parent
    sources = sorted(package.rglob("*.py"))
    assert len(sources) > 20
    offending = {
        str(p.relative_to(package)): found for p in sources if (found := network_imports(p))
    }
    assert offending == {}


def test_the_source_check_would_see_a_network_import(tmp_path: Path) -> None:
    sneaky = tmp_path / "sneaky.py"
    sneaky.write_text(
        "import json\n\ndef later():\n    from urllib.request import urlopen\n"
        "    import http.client as h\n",
        encoding="utf-8",
    )
    assert network_imports(sneaky) == ["4: urllib.request", "5: http.client"]
