"""``visible``: every control and bidi override shown, never obeyed; everything else kept."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from coach.text import FORBIDDEN, visible

C0 = [code for code in range(0x20) if code not in (0x09, 0x0A)]
C1 = list(range(0x80, 0xA0))
BIDI = [0x061C, 0x200E, 0x200F, *range(0x202A, 0x202F), *range(0x2066, 0x206A)]


@pytest.mark.parametrize("code", C0, ids=lambda code: f"U+{code:04X}")
def test_a_c0_control_becomes_its_control_picture(code: int) -> None:
    assert visible(f"a{chr(code)}b") == f"a{chr(0x2400 + code)}b"


def test_the_pictures_are_the_ones_people_know() -> None:
    assert visible("\x00\x1b\r\x07") == "␀␛␍␇"


def test_del_becomes_its_picture() -> None:
    assert visible("a\x7fb") == "a␡b"


@pytest.mark.parametrize("code", C1, ids=lambda code: f"U+{code:04X}")
def test_a_c1_control_is_written_as_its_escape(code: int) -> None:
    assert visible(f"a{chr(code)}b") == f"a\\x{code:02x}b"


@pytest.mark.parametrize("code", BIDI, ids=lambda code: f"U+{code:04X}")
def test_a_bidi_control_is_written_as_its_escape(code: int) -> None:
    assert visible(f"a{chr(code)}b") == f"a\\u{code:04x}b"


def test_the_forbidden_set_is_exactly_the_controls_and_the_bidi_overrides() -> None:
    expected = {chr(code) for code in (*C0, 0x7F, *C1, *BIDI)}
    found = {chr(code) for code in range(0x110000) if FORBIDDEN.match(chr(code))}
    assert found == expected


@pytest.mark.parametrize(
    "text",
    [
        "tab\there",
        "two\nlines\n",
        "שלום עולם",
        "مرحبا",
        "😀 👩🏽‍⚕️ 🏳️‍🌈",
        "line\u2028separator",
        "[bold]not markup[/]",
        "café, naïve, ŒUVRE",
        "",
    ],
)
def test_ordinary_text_is_kept_as_it_is(text: str) -> None:
    assert visible(text) == text


def test_text_with_nothing_to_replace_is_the_same_object() -> None:
    text = "an ordinary day, " * 100
    assert visible(text) is text


def test_a_sequence_that_would_retitle_the_window_is_shown_whole() -> None:
    assert visible("\x1b]0;title\x07") == "␛]0;title␇"
    assert visible("\x1b]52;c;aGk=\x07") == "␛]52;c;aGk=␇"
    assert visible("\u202eevil.exe") == "\\u202eevil.exe"


@given(st.text())
def test_no_forbidden_character_ever_comes_out(text: str) -> None:
    shown = visible(text)
    assert FORBIDDEN.search(shown) is None
    assert shown.count("\t") == text.count("\t")
    assert shown.count("\n") == text.count("\n")


@given(st.text(alphabet=st.characters(codec="utf-8")).filter(lambda t: not FORBIDDEN.search(t)))
def test_text_without_controls_comes_out_unchanged(text: str) -> None:
    assert visible(text) == text
