"""The real jrnl, for the tests that check the coach against it: where it is, and running it
with a config and ``HOME`` of the test's own, never the user's ~/.config or journal.

jrnl is found through the ``JRNL`` environment variable, then ``/tmp/jrnl-venv/bin/jrnl`` (the
venv the project's notes make), then ``PATH``; CI has none, and the tests fall back on
committed samples written by jrnl 4.6.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

# jrnl 4.6's config: plain output, one journal in ``{journal}``, '@' tags, ISO times.
CONFIG = """\
colors: {{body: none, date: none, tags: none, title: none}}
default_hour: 9
default_minute: 0
editor: ''
encrypt: false
highlight: false
indent_character: '|'
journals:
  default:
    journal: {journal}
linewrap: 79
tagsymbols: '@'
template: false
timeformat: '%Y-%m-%d %H:%M'
version: v4.6
"""


def find_jrnl() -> str | None:
    """The jrnl to run, or None when there is none."""
    for found in (os.environ.get("JRNL"), "/tmp/jrnl-venv/bin/jrnl", shutil.which("jrnl")):
        if found and Path(found).is_file() and os.access(found, os.X_OK):
            return found
    return None


def run_jrnl(jrnl: str, home: Path, *argv: str) -> bytes:
    """Run ``jrnl argv`` on a journal of its own in ``home`` (made, with its config, on first
    use); its stdout. Fails the test, with jrnl's stderr, if jrnl does."""
    config = home / "jrnl.yaml"
    if not config.exists():
        home.mkdir(parents=True, exist_ok=True)
        config.write_text(CONFIG.format(journal=home / "journal.txt"), encoding="utf-8")
        (home / "journal.txt").touch()
    env = {"PATH": os.environ.get("PATH", ""), "HOME": str(home), "LANG": "C.UTF-8",
           "XDG_CONFIG_HOME": str(home / ".config"), "XDG_DATA_HOME": str(home / ".local"),
           "NO_COLOR": "1"}  # fmt: skip
    done = subprocess.run(
        [jrnl, "--config-file", str(config), *argv],
        env=env,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr.decode(errors="replace")
    return done.stdout
