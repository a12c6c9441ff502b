"""Where the journal lives: ``--data-dir``, else ``COACH_DATA_DIR``, else the platform's place."""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

APP_NAME = "pwp-coach"
ENV_VAR = "COACH_DATA_DIR"


def resolve_data_dir(
    explicit: str | os.PathLike[str] | None = None, environ: Mapping[str, str] | None = None
) -> Path:
    """The data folder to use: an explicit one wins, then the environment, then platformdirs."""
    environ = os.environ if environ is None else environ
    if explicit:
        return Path(explicit).expanduser()
    if environ.get(ENV_VAR):
        return Path(environ[ENV_VAR]).expanduser()
    import platformdirs  # only here: a chosen folder needs none of it (~7 ms of a start)

    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))
