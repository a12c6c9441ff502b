"""The journal to and from other forms: the JSON export (and import), the Markdown journal and
the planned leave as iCalendar. One module each; every name is importable from here.

- ``coach.exports.json_format``: the JSON export of every record and reading it back;
- ``coach.exports.markdown``: a readable Markdown journal of the reflections;
- ``coach.exports.ical``: the planned leave as RFC 5545 iCalendar.
"""

from __future__ import annotations

from coach.exports.ical import export_ical
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
    "export_document",
    "export_ical",
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
