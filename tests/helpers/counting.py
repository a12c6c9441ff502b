"""Counting what the journal builds, through the one function that builds stored reflections."""

from __future__ import annotations

from typing import Any

import pytest

from coach.journal import reading
from coach.model import Reflection


def count_builds(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The ids of the stored reflections built from now on (the real builder still builds)."""
    built: list[str] = []
    real = reading.document_to_reflection

    def counting(document: dict[str, Any]) -> Reflection:
        built.append(document["id"])
        return real(document)

    monkeypatch.setattr(reading, "document_to_reflection", counting)
    return built
