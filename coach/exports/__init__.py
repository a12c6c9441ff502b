"""The journal to and from other forms: the JSON export (and import), the Markdown journal and
the planned leave as iCalendar. One module each; every name is importable from here.

- ``coach.exports.json_format``: the JSON export of every record and reading it back;
- ``coach.exports.markdown``: a readable Markdown journal of the reflections;
- ``coach.exports.ical``: the planned leave as RFC 5545 iCalendar;
- ``coach.exports.jrnl``: every entry as jrnl's plain-text journal (``jrnl --import`` reads it);
- ``coach.exports.csv_format``: every entry as one RFC 4180 CSV table.
"""

from __future__ import annotations

from coach.exports.csv_format import export_csv
from coach.exports.ical import export_ical
from coach.exports.jrnl import export_jrnl
from coach.exports.json_checks import MAX_NESTING, ExportFormatError
from coach.exports.json_format import (
    EXPORT_FORMAT,
    EXPORT_VERSION,
    ExportContents,
    dumps_json,
    export_document,
    export_json,
    newest_first,
    oldest_first,
    parse_export,
    parse_export_contents,
    read_export,
    read_export_contents,
    record_arrays,
    write_json_export,
)
from coach.exports.markdown import export_markdown, reflection_markdown

__all__ = [
    "EXPORT_FORMAT",
    "EXPORT_VERSION",
    "MAX_NESTING",
    "ExportContents",
    "ExportFormatError",
    "dumps_json",
    "export_csv",
    "export_document",
    "export_ical",
    "export_jrnl",
    "export_json",
    "export_markdown",
    "newest_first",
    "oldest_first",
    "parse_export",
    "parse_export_contents",
    "read_export",
    "read_export_contents",
    "record_arrays",
    "reflection_markdown",
    "write_json_export",
]
