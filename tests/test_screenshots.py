"""The README's screenshots are the app as it is: made again here, byte for byte, from the demo
journal with a fixed clock (``docs/screenshots.py``); a change to a screen that shows in them
fails this test until they are made again with ``python docs/screenshots.py``."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parent.parent


def screenshots_module() -> ModuleType:
    """``docs/screenshots.py``, which is a script, not part of the package."""
    spec = importlib.util.spec_from_file_location("screenshots", ROOT / "docs" / "screenshots.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_committed_screenshots_are_not_stale() -> None:
    made = screenshots_module().make_screenshots()
    assert sorted(made) == ["history.svg", "home.svg", "insights.svg", "reflection.svg"]
    stale = [
        name
        for name, svg in made.items()
        if (ROOT / "docs" / "screens" / name).read_text(encoding="utf-8") != svg
    ]
    assert stale == [], f"run: python docs/screenshots.py (stale: {', '.join(stale)})"


def test_the_readme_shows_each_of_them() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for name in ("home", "reflection", "history", "insights"):
        assert f"(docs/screens/{name}.svg)" in readme
