"""How every benchmark prints its figures: a caption line, then a Markdown table."""

from __future__ import annotations

from collections.abc import Sequence


def print_table(caption: str, columns: Sequence[str], rows: Sequence[str]) -> None:
    """``caption``, a blank line, and a Markdown table of ``rows`` (already ``| ... |`` lines)
    under ``columns`` (the first left-aligned, the others right-aligned except a last "goal")."""
    print(caption)
    print()
    print("| " + " | ".join(columns) + " |")
    aligns = ["---"] + ["---:"] * (len(columns) - 2) + ["---" if columns[-1] == "goal" else "---:"]
    print("|" + "|".join(aligns) + "|")
    print("\n".join(rows))
