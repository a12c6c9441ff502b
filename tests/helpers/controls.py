"""Text that would drive a terminal if it reached one raw: shared by the tests of every path.

Built from ``coach.text.FORBIDDEN`` itself, so the screens, exports and messages are tested
against the very set ``visible`` replaces (``tests/test_text.py`` pins that set down).
"""

from __future__ import annotations

from coach.text import FORBIDDEN

EVERY_CONTROL = "".join(chr(code) for code in range(0x10000) if FORBIDDEN.match(chr(code)))
"""Every character ``visible`` replaces, each once, in code order."""

SEQUENCES = (
    "\x1b]0;title\x07",  # retitles the window
    "\x1b[2J",  # clears the screen
    "\x1b]52;c;aGk=\x07",  # OSC 52: writes "hi" to the clipboard
)

NASTY = "Caseload " + EVERY_CONTROL + "".join(SEQUENCES) + " end"
"""Ordinary words around every control and the sequences the issue saw reach a terminal."""


def raw_controls(text: str) -> list[str]:
    """The forbidden characters in ``text``, as code points, for a readable failure."""
    return [f"U+{ord(found):04X}" for found in FORBIDDEN.findall(text)]
