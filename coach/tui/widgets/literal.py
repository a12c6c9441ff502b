"""Words on screen exactly as written and never obeyed: no markup, no control characters.

``Literal`` is the one widget for plain text: the journal's, the content's, a path, an error.
It never parses Rich markup and passes everything through ``coach.text.visible``, so text
holding ESC, a C1 control or a bidi override is shown rather than sent to the terminal (Textual
draws those characters raw). For ordinary text nothing changes.

``Prefill`` does the same for stored text put into a box to edit.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

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


@dataclass(frozen=True)
class Prefill:
    """Stored text put into an Input or a TextArea to edit, and the form the box shows.

    We never send raw controls to a terminal, so the box shows the visible form. An entry only
    changes if the user edits the box and saves: while the box still holds exactly what it was
    given, ``kept`` gives back the stored text byte for byte; once edited, the box's text (the
    visible form, with the edit) is what a save keeps.
    """

    stored: str
    shown: str

    @classmethod
    def for_input(cls, stored: str) -> Prefill:
        """For a one-line ``Input``: every control made visible."""
        return cls(stored, visible(stored))

    @classmethod
    def for_text_area(cls, stored: str) -> Prefill:
        """For a ``TextArea``: controls made visible, its own line breaks kept.

        A TextArea reads ``\\r\\n`` and ``\\r`` as line breaks (never drawing them) and writes
        back the ending it found, so an entry written on Windows does not grow a ␍ on each line.
        """
        if FORBIDDEN.search(stored) is None:
            return cls(stored, stored)
        parts = _TEXT_AREA_BREAKS.split(stored)
        parts[::2] = [visible(part) for part in parts[::2]]
        return cls(stored, "".join(parts))

    def kept(self, typed: str) -> str:
        """What to keep for what the box holds now: the stored text until it is edited."""
        return self.stored if typed == self.shown else typed
