"""Text shown to a person is shown, never obeyed: the one escaper for every terminal and file.

A journal holds whatever the user typed or imported, and a content overlay holds whatever a
service wrote. Some characters in it are instructions rather than text: ESC starts a control
sequence (``\\x1b[2J`` clears the screen, ``\\x1b]0;...\\x07`` retitles the window, OSC 52 writes
the clipboard), the C1 controls do the same in one byte, NUL and friends confuse whatever reads
the output, and the bidirectional overrides (U+202E) reorder what follows so a line reads as
something it is not. ``visible`` turns each into something a person can see and a terminal
cannot act on. The journal and the JSON export keep the text byte for byte; every screen, the
Markdown export and every message that quotes stored text show it through ``visible``.

Tab and newline are ordinary text and stay as they are.

No Textual, no Rich, nothing above it: every layer of the coach may use it.
"""

from __future__ import annotations

import re

# The code points ``visible`` replaces, declared once; the character-class bodies below are made
# from them, so other modules can build their own patterns from the same sets.
C0_CODES = tuple(code for code in range(0x20) if code not in (0x09, 0x0A))  # not tab, newline
DEL_AND_C1_CODES = tuple(range(0x7F, 0xA0))
BIDI_CODES = (0x061C, 0x200E, 0x200F, *range(0x202A, 0x202F), *range(0x2066, 0x206A))


def _class_body(codes: tuple[int, ...]) -> str:
    return "".join(re.escape(chr(code)) for code in codes)


C0_CONTROLS = _class_body(C0_CODES)
DEL_AND_C1_CONTROLS = _class_body(DEL_AND_C1_CODES)
BIDI_CONTROLS = _class_body(BIDI_CODES)

FORBIDDEN = re.compile(f"[{C0_CONTROLS}{DEL_AND_C1_CONTROLS}{BIDI_CONTROLS}]")
"""Every character ``visible`` replaces: none of these ever reaches a terminal raw."""


def _shown_as(code: int) -> str:
    if code < 0x20:
        return chr(0x2400 + code)  # the Unicode control pictures: NUL is ␀, ESC is ␛
    if code == 0x7F:
        return "\u2421"  # ␡
    if code <= 0x9F:
        return f"\\x{code:02x}"  # C1 controls have no pictures: written as Python would
    return f"\\u{code:04x}"  # bidi controls, written as Python would


_SHOWN: dict[str, str] = {
    chr(code): _shown_as(code) for code in (*C0_CODES, *DEL_AND_C1_CODES, *BIDI_CODES)
}


def _replace(found: re.Match[str]) -> str:
    return _SHOWN[found.group()]


def visible(text: str) -> str:
    """``text`` with every control and bidi override replaced by a visible stand-in.

    C0 controls become their control pictures (ESC is ␛, CR is ␍), DEL is ␡, C1 controls become
    ``\\x80``..``\\x9f`` and bidi controls ``\\u202e`` and the like; tab, newline and every other
    character (emoji, right-to-left letters, U+2028) are kept. It runs on every row of history,
    so text with nothing to replace, nearly all of it, is returned as it is after one search.
    """
    if FORBIDDEN.search(text) is None:
        return text
    return FORBIDDEN.sub(_replace, text)


def one_line(text: str) -> str:
    """``visible`` text kept to one line, for a message: tab and newline written as ``\\t`` and
    ``\\n`` too."""
    return visible(text).replace("\t", "\\t").replace("\n", "\\n")


def quoted(found: object, limit: int = 60) -> str:
    """A value quoted in a one-line message: text made visible on one line and cut to ``limit``
    characters; anything else as Python writes it."""
    if not isinstance(found, str):
        return repr(found)
    cut = found if len(found) <= limit else found[: limit - 1] + "…"
    return f"'{one_line(cut)}'"
