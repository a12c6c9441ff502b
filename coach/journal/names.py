"""The names of the journal's files, tables and lock: shared by the journal, reader and doctor."""

from __future__ import annotations

import re

REFLECTIONS_TABLE = "reflections"
SETTINGS_TABLE = "settings"
DRAFT_TABLE = "draft"
LOCK_NAME = "journal.lock"
LOCK_TIMEOUT_SECONDS = 15.0
YEAR_FILE = re.compile(r"^(\d{4})\.json$")
