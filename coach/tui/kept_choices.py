"""The user's own choices of look and keys, applied before the first frame; the theme kept
whenever it changes.

A theme can be chosen on the settings screen or with the command palette's own Theme command,
which knows nothing of the journal; so the app watches its ``theme`` and keeps each change in
the settings, in a thread worker. The saved theme is applied before the app runs and the watch
starts only once it is mounted, so applying it is never mistaken for a choice and written back.

Keys the user moved (settings ``keys``: a binding id, such as ``home.reflect``, to the keys
that do it) go to Textual's ``set_keymap``, so every footer, the keys panel and the action
itself follow them; a binding id no screen has is simply not used.
"""

from __future__ import annotations

import threading
from dataclasses import replace
from typing import Any, cast

from textual.app import App

from coach.settings import change_settings, read_settings
from coach.tui.base import EXPECTED, CoachAppBase


class KeptChoices:
    """Reads the settings once at start for the theme and keys (and says what could not be read)."""

    def __init__(self, app: App[Any]) -> None:
        # The coach's app, read through what every screen may know of it (never coach.tui.app,
        # which imports this module). The cast can go once CoachApp derives from CoachAppBase.
        self.app = cast(CoachAppBase, app)
        self.problems: tuple[str, ...] = ()
        self._newest = app.theme
        self._writing = threading.Lock()

    def apply_saved(self) -> None:
        """Use the saved theme and keys. Called before the app runs, so nothing on screen waits
        for it.

        A theme a later Textual no longer has is left as stored and the default used, quietly;
        a settings file that cannot be read is said by the screens that read it.
        """
        try:
            saved = read_settings(self.app.journal)
        except EXPECTED:  # before the app runs: not a worker, and nothing on screen to say it
            return
        self.problems = saved.problems
        if saved.theme is not None and saved.theme in self.app.available_themes:
            self.app.theme = saved.theme
        if saved.keys:
            self.app.set_keymap(dict(saved.keys))

    def start(self) -> None:
        """Once mounted: say once what could not be read, then keep every theme chosen."""
        for problem in self.problems:
            notice = self.app.catalog.prompt("settings.problem", problem=problem)
            self.app.notify(notice, severity="warning", timeout=15)
        self.app.watch(self.app, "theme", self._chosen, init=False)

    def _chosen(self, name: str) -> None:
        self._newest = name
        self.app.run_worker(
            self._keep,
            thread=True,
            group="settings-theme",
            exit_on_error=False,
            description=self.app.catalog.prompt("settings.theme_not_kept"),
        )

    def _keep(self) -> None:
        """Keep the newest theme. The name is read under the lock, so two quick changes can
        never end with the older one stored, whichever write runs first; a failure is said by
        the app, as every worker's is."""
        with self._writing:
            name = self._newest
            change_settings(self.app.journal, lambda now: replace(now, theme=name))
