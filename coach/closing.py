"""What the coach says once a reflection is saved: chosen here, worded in the content.

Two rules, kept out of the screens so they are tested on their own:

- someone who said they are struggling or not coping is not told to "rest well": the words
  acknowledge it and point to support (``summary.saved_struggling``);
- the values named are reflected back without claiming the day honoured them: only when
  alignment was high does the line say the day let them work that way, and when it was low
  it says the day pulled against them (which is about the day, not a failing of theirs).
"""

from __future__ import annotations

from coach.content import Catalog
from coach.model import Reflection

ALIGNED_AT = 7  # alignment this high or more: the day let me work the way I want to
PULLED_AT = 3  # alignment this low or less: the day pulled against what matters to me


def saved_words(reflection: Reflection, catalog: Catalog) -> str:
    """The first line after saving: acknowledges a struggle, or wishes a restful evening."""
    key = "summary.saved_struggling" if reflection.struggling else "summary.saved"
    return catalog.prompt(key)


def closing_line(reflection: Reflection, catalog: Catalog) -> str:
    """The line that reflects the chosen values back, honest about how the day went."""
    labels = [v.label.casefold() for v in reflection.values]
    if not labels:
        return catalog.prompt("summary.closing_no_values")
    values = labels[0] if len(labels) == 1 else f"{', '.join(labels[:-1])} and {labels[-1]}"
    alignment = reflection.alignment
    if alignment is not None and alignment >= ALIGNED_AT:
        return catalog.prompt("summary.closing_aligned", values=values)
    if alignment is not None and alignment <= PULLED_AT:
        return catalog.prompt("summary.closing_pulled", values=values)
    return catalog.prompt("summary.closing", values=values)


def closing_words(reflection: Reflection, catalog: Catalog) -> str:
    """Everything said after saving, in order."""
    return f"{saved_words(reflection, catalog)}\n\n{closing_line(reflection, catalog)}"
