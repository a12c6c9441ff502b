"""The footer every screen shows: Textual's own, its keys styled once as they are made."""

from __future__ import annotations

from typing import Any

from textual import events
from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Footer
from textual.widgets._footer import FooterKey  # Textual exports no name for it (pinned 8.2.8)

# Keys a crowded screen may leave out of its footer when narrow (``coach.tcss`` says which
# screens): the break (F3) and writing an entry up for CPD (c, in history and an entry) give
# way, so that they never push "f2 Support now" out of sight.
GIVES_WAY = {"take_break": "-gives-way", "cpd": "-gives-way"}
# In a tight footer (``TIGHT_WIDTH``, a 60-column terminal) these give way too, on every screen:
# each has a button on its screen, or works everywhere and is in F1's keys (quit), so what stays
# is the screen's own few keys, F1 and F2.
GIVES_WAY_WHEN_TIGHT = frozenset(
    {"quit", "take_break", "cpd", "history", "insights", "tools", "markdown", "clear", "filters"}
    | {"skip", "delete"}
)
TIGHT_WIDTH = 70


class CoachFooter(Footer):
    """Textual's ``Footer``, unchanged on screen once settled, made with its screen and
    cheaper to remake.

    Textual's footer is empty in a screen's first frame and remakes its keys whenever the
    bindings change (three times as a screen opens), and each new key then restyles itself as
    its bound ``compact`` setting arrives: with this app's stylesheet about 30 ms of home's
    start-up (measured with ``benchmarks/bench_startup.py``). Here the keys are made with the
    screen, each already in its compact state, and remade only when what they show changes.
    """

    _remake_due = False  # a remake is asked for and has not run yet
    _made_from: object = None  # what the keys on show were made from (``_shown``)

    def bindings_changed(self, screen: Screen[Any]) -> None:
        """As Textual's, but a footer is remade only when what it shows would change.

        Textual says the bindings changed three times as a screen opens (its focus, the screen
        stack, and its focus again after the first frame), and its footer remade its keys each
        time, ~7-10 ms each at home's start-up, though the second and third changed nothing
        shown. Here a change while a remake is due asks for no second one (the remake reads the
        bindings as they are when it runs), and a remake finding the same bindings as the keys
        on show were made from is skipped.
        """
        self._bindings_ready = True
        if not screen.app.app_focus:
            return
        if self.is_attached and screen is self.screen:
            self._ask_remake()

    def _ask_remake(self) -> None:
        if not self._remake_due:
            self._remake_due = True
            self.call_after_refresh(self._remake)

    def _shown(self) -> object:
        """All that ``Footer.compose`` makes its keys from: the screen's bindings that show
        (each with whether it is enabled and its tooltip), the palette's, and the footer's own
        settings. (A focused button's hidden keys change none of it.)"""
        active = self.screen.active_bindings
        palette = active.get(self.app.COMMAND_PALETTE_BINDING)
        shown = tuple(
            (binding, enabled, tip)
            for _node, binding, enabled, tip in active.values()
            if binding.show
        )
        return (shown, palette and palette[1:], self.compact, self.show_command_palette)

    async def _remake(self) -> None:
        self._remake_due = False
        if self.is_attached and self._shown() != self._made_from:
            await self.recompose()

    def on_resize(self, event: events.Resize) -> None:
        """Made to fit its new width, and remade if that changes what it shows."""
        self._fit(event.size.width)
        if self._bindings_ready:
            self._ask_remake()

    def _fit(self, width: int) -> None:
        """Tight (under ``TIGHT_WIDTH`` columns): compact, the palette's key and the keys that
        give way hidden (``coach.tcss``), so that F1 and F2 are never pushed off the end. (The
        settings are set quietly: the keys are made, or remade, from them.)"""
        tight = width < TIGHT_WIDTH
        self.set_class(tight, "-tight")
        if tight:  # the palette's key gives way too: ctrl+p still opens it, and F1 lists it
            self.set_reactive(Footer.compact, True)
            self.set_reactive(Footer.show_command_palette, False)
            self.add_class("-compact")  # ``compact``'s class, as Textual's sets it

    def compose(self) -> ComposeResult:
        if not self._bindings_ready and self.is_attached:
            # Made with its screen, its keys are in the screen's first frame (Textual's waited
            # for the bindings to "change", after that frame, and remade it: one more layout
            # and frame before a screen settled, ~25 ms of home's start-up by
            # ``benchmarks/bench_startup.py``); should they differ once the screen has its
            # focus, it is remade as ever. It spans its screen, so it is made to fit the app's
            # width, as ``on_resize`` will find it.
            self._bindings_ready = True
            self._fit(self.app.size.width)
        if self._bindings_ready:
            self._made_from = self._shown()
        for widget in super().compose():
            if isinstance(widget, FooterKey):
                # Textual binds each key's setting to the footer's, except the palette's key,
                # which keeps its own (compact).
                compact = self.compact or widget.has_class("-command-palette")
                widget.set_reactive(FooterKey.compact, compact)
                widget.set_class(compact, "-compact", update=False)
                if widget.action in GIVES_WAY:
                    widget.add_class(GIVES_WAY[widget.action], update=False)
                if widget.action.removeprefix("app.") in GIVES_WAY_WHEN_TIGHT:
                    widget.add_class("-tight-gives-way", update=False)
            yield widget
