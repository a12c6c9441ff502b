"""``coach export --format practice``: the SP/SR reflections to share with a tutor or
supervisor (``coach.exports.practice``), made from the journal's practice and programmes.

Kept apart from ``coach.commands.export`` so that file stays the one place every format is
wired. The words are the content's, with the user's overlay (``coach --content DIR``) laid
over the shipped ones.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from coach.content import load_catalog
from coach.exports.practice import practice_markdown
from coach.exports.shared import Shared
from coach.journal import Journal
from coach.practice import Practice, Programme


def practice_export(journal: Journal, args: argparse.Namespace) -> Shared:
    """Every finished practice's reflections and each programme's review, as Markdown."""
    overlay = getattr(args, "content", None)
    words = load_catalog(Path(overlay).expanduser() if overlay else None).prompt
    return practice_markdown(journal.records(Practice), journal.records(Programme), words)
