"""``coach`` run in a child process, as a user or a script runs it: the one way tests do so."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Mapping
from pathlib import Path


def run_coach(
    *argv: str, env_data: Path, env: Mapping[str, str] | None = None, stdin: bytes = b""
) -> subprocess.CompletedProcess[bytes]:
    """``python -m coach ARGV``, its output as bytes so nothing is decoded away.

    ``COACH_DATA_DIR`` is set to ``env_data``, so a run that forgets ``--data-dir`` can never
    reach the real journal; ``env`` adds or replaces variables (a locale, say); ``stdin`` is
    what it reads (never a terminal).
    """
    return subprocess.run(
        [sys.executable, "-m", "coach", *argv],
        input=stdin,
        capture_output=True,
        env={**os.environ, **(env or {}), "COACH_DATA_DIR": str(env_data)},
        timeout=60,
        check=False,
    )


def as_text(done: subprocess.CompletedProcess[bytes]) -> subprocess.CompletedProcess[str]:
    """The same run with its output decoded as UTF-8."""
    return subprocess.CompletedProcess(
        done.args, done.returncode, done.stdout.decode("utf-8"), done.stderr.decode("utf-8")
    )
