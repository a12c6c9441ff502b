"""Run inside a read-only mount by ``test_odd_places.py``: what the journal and the app do there.

    python read_only_probe.py DATA_DIR

Prints one JSON object: whether the journal opened read-only and why, what its readers found,
whether a save was refused with ``JournalReadOnly``, and what the app (under ``run_test``)
told the user and whether it tried to save a draft.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import json
import sys
from pathlib import Path

from coach.content import load_catalog
from coach.journal import Journal
from coach.journal.errors import JournalReadOnly
from coach.model import Reflection


def journal_facts(data_dir: Path) -> dict[str, object]:
    with Journal(data_dir) as journal:
        facts: dict[str, object] = {
            "read_only": journal.read_only,
            "ids": [r.id for r in journal.iter_newest_first()],
            "count": journal.count(),
            "search": [r.id for r in journal.search("moved")],
        }
        try:
            journal.add(Reflection.new(narrative="new"))
            facts["save"] = "saved"
        except JournalReadOnly as error:
            facts["save"] = str(error)
    return facts


async def app_facts(data_dir: Path) -> dict[str, object]:
    from coach.tui.app import CoachApp

    with Journal(data_dir) as journal:
        app = CoachApp(journal, load_catalog(), clock=lambda: dt.datetime.now(dt.UTC))
        async with app.run_test() as pilot:
            await pilot.pause()
            await pilot.press("r")  # start writing: the draft cannot be kept
            await pilot.pause()
            await pilot.press("x", "y")
            await pilot.pause(4.0)  # past an autosave
            await app.workers.wait_for_complete()
            notices = [n.message for n in app._notifications]
    return {"notices": notices}


def main() -> int:
    data_dir = Path(sys.argv[1])
    facts = journal_facts(data_dir)
    facts.update(asyncio.run(app_facts(data_dir)))
    print(json.dumps(facts))
    return 0


if __name__ == "__main__":
    sys.exit(main())
