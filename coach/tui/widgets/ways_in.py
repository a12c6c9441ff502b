"""Links that run a screen's actions, each named with the key that runs it (home's ways in).

A click on a link runs the same action as its key. Why links and not a row of ``Button``\\ s:
every way in has a key (keyboard first), so buttons were there to be seen and clicked, and
links are both. Home's six buttons took eight rows at 80x24, pushing the ways in below the
fold, and their styles (7 KB of CSS, parsed on every start) with their layout were 10-18 ms
of home's start-up (``benchmarks/bench_startup.py``); the first screen with buttons reads
that CSS when it opens instead.
"""

from __future__ import annotations

from collections.abc import Iterable

from textual.content import Content

SEPARATOR = Content("   ")


def way_in(action: str, name: str, key: str) -> Content:
    """One link, ``name (key)``, that runs ``action`` on its screen when clicked."""
    # The action is an identifier of ours; the words go in as a variable, never as markup.
    return Content.from_markup(f"[@click=screen.{action}]$label[/]", label=f"{name} ({key})")


def ways_in(lines: Iterable[Iterable[tuple[str, str, str]]]) -> Content:
    """Lines of links, each link given as ``(action, name, key)``."""
    return Content("\n").join(SEPARATOR.join(way_in(*link) for link in line) for line in lines)
