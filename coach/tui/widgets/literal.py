"""Words on screen exactly as written and never obeyed: no markup, no control characters.

``Literal`` is the one widget for plain text: the journal's, the content's, a path, an error.
It never parses Rich markup and passes everything through ``coach.text.visible``, so text
holding ESC, a C1 control or a bidi override is shown rather than sent to the terminal (Textual
draws those characters raw). For ordinary text nothing changes.

``for_input`` and ``for_text_area`` do the same for stored text put into a box to edit.
"""

from __future__ import annotations

import re

from textual.widgets import Static

from coach.text import FORBIDDEN, visible

# A TextArea splits its text into lines at these itself, and writes back the ending it found.
_TEXT_AREA_BREAKS = re.compile(r"(\r\n|\r)")


class Literal(Static):
    """A ``Static`` that takes plain text only, shown through ``visible`` with markup off."""

    def __init__(
        self,
        content: str = "",
        *,
        expand: bool = False,
        shrink: bool = False,
        name: str | None = None,
        id: str | None = None,
        classes: str | None = None,
        disabled: bool = False,
    ) -> None:
        super().__init__(
            visible(content),
            expand=expand,
            shrink=shrink,
            markup=False,
            name=name,
            id=id,
            classes=classes,
            disabled=disabled,
        )

    # Narrower than Static's (plain text, never a renderable): a Rich renderable or a
    # Content would be drawn as it is and skip ``visible``.
    def update(self, content: str = "", *, layout: bool = True) -> None:  # type: ignore[override]
        """Show new plain text (made visible)."""
        super().update(visible(content), layout=layout)


# Stored text put into an Input or a TextArea to be edited is shown visibly too: we never send
# raw controls to a terminal. So the box holds the visible form, and saving the edit stores that
# form; an entry only changes if the user saves their edit.


def for_input(text: str) -> str:
    """Stored text to prefill a one-line ``Input``: every control made visible."""
    return visible(text)


def for_text_area(text: str) -> str:
    """Stored text to prefill a ``TextArea``: controls made visible, its own line breaks kept.

    A TextArea reads ``\\r\\n`` and ``\\r`` as line breaks (never drawing them) and writes back
    the ending it found, so an entry written on Windows does not grow a ␍ on every line.
    """
    if FORBIDDEN.search(text) is None:
        return text
    parts = _TEXT_AREA_BREAKS.split(text)
    parts[::2] = [visible(part) for part in parts[::2]]
    return "".join(parts)
