"""The JSON export shape, reading it back with whole-document checks, and the Markdown journal."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from coach.exports import (
    EXPORT_VERSION,
    ExportFormatError,
    export_document,
    export_json,
    export_markdown,
    parse_export,
    read_export,
    reflection_markdown,
)
from coach.model import (
    Appraisal,
    Category,
    Challenge,
    CopingAction,
    Dimension,
    Reflection,
    Status,
    Value,
)
from coach.text import FORBIDDEN, visible

UTC = dt.UTC
LONDON_SUMMER = dt.timezone(dt.timedelta(hours=1))
EXPORTED = dt.datetime(2026, 11, 26, 18, 0, tzinfo=UTC)


def full_reflection(rid: str = "r-full", day: dt.date = dt.date(2026, 11, 26)) -> Reflection:
    """A reflection with every field filled in."""
    return Reflection(
        id=rid,
        date=day,
        created=dt.datetime(day.year, day.month, day.day, 17, 45, 3, tzinfo=LONDON_SUMMER),
        strain=7,
        alignment=6,
        feeling=1,
        challenges=(
            Challenge("caseload", "Caseload volume", Dimension.SYSTEMIC, "Twelve contacts"),
        ),
        narrative="A long day of back-to-back calls.",
        values=(Value("helping", "Helping others"),),
        meaning="A patient said the leaflet helped.",
        weighed_most="caseload",
        served=Value("helping", "Helping others"),
        mine_to_influence="How I paced my calls.",
        with_the_service="How many were booked in.",
        to_a_colleague="You did what one person could.",
        appraisal=Appraisal(comprehensible=3, manageable=2, meaningful=4),
        actions=(
            CopingAction(
                "lunch", "A proper lunch break", Category.INDIVIDUAL, "12:30", Status.DONE, 3
            ),
        ),
        notes="Bring the safeguarding case to supervision.",
    )


def bare(rid: str, day: dt.date, hour: int = 18, **parts: Any) -> Reflection:
    """A reflection with only what is required, plus ``parts``."""
    created = dt.datetime(day.year, day.month, day.day, hour, 0, tzinfo=UTC)
    return Reflection(id=rid, date=day, created=created, **parts)


def document_of(*reflections: Reflection) -> dict[str, Any]:
    return json.loads(export_json(reflections, EXPORTED))  # type: ignore[no-any-return]


# --- the JSON export ---------------------------------------------------------------------


def test_export_document_has_the_agreed_shape_with_every_field() -> None:
    document = export_document([full_reflection()], EXPORTED)
    assert document["format"] == "pwp-coach"
    assert document["version"] == EXPORT_VERSION == 6
    assert dt.datetime.fromisoformat(document["exported"]) == EXPORTED
    assert document["reflections"] == [
        {
            "id": "r-full",
            "date": "2026-11-26",
            "created": "2026-11-26T17:45:03+01:00",
            "kind": "reflection",
            "strain": 7,
            "alignment": 6,
            "feeling": 1,
            "challenges": [
                {
                    "key": "caseload",
                    "label": "Caseload volume",
                    "dimension": "systemic",
                    "note": "Twelve contacts",
                }
            ],
            "narrative": "A long day of back-to-back calls.",
            "values": [{"key": "helping", "label": "Helping others"}],
            "meaning": "A patient said the leaflet helped.",
            "weighed_most": "caseload",
            "served": {"key": "helping", "label": "Helping others"},
            "mine_to_influence": "How I paced my calls.",
            "with_the_service": "How many were booked in.",
            "to_a_colleague": "You did what one person could.",
            "appraisal": {"comprehensible": 3, "manageable": 2, "meaningful": 4},
            "actions": [
                {
                    "key": "lunch",
                    "label": "A proper lunch break",
                    "category": "individual",
                    "when": "12:30",
                    "status": "done",
                    "helpfulness": 3,
                }
            ],
            "notes": "Bring the safeguarding case to supervision.",
            "cpd": None,
        }
    ]


def test_exported_time_defaults_to_now_with_an_offset() -> None:
    stamp = dt.datetime.fromisoformat(export_document([])["exported"])
    assert stamp.tzinfo is not None
    assert abs(dt.datetime.now(UTC) - stamp) < dt.timedelta(minutes=5)


def test_reflections_are_exported_newest_first() -> None:
    older = bare("a", dt.date(2025, 3, 1))
    morning = bare("b", dt.date(2026, 1, 2), hour=9)
    evening = bare("c", dt.date(2026, 1, 2), hour=20)
    ids = [r["id"] for r in document_of(morning, older, evening)["reflections"]]
    assert ids == ["c", "b", "a"]


def test_export_json_is_stable_indented_unicode_with_a_trailing_newline() -> None:
    reflection = bare("r1", dt.date(2026, 5, 4), narrative="café 😀 שלום\x85\x1b")
    text = export_json([reflection], EXPORTED)
    assert text == export_json([reflection], EXPORTED)
    assert text.endswith("}\n")
    assert '\n  "format": "pwp-coach",' in text
    assert "café 😀 שלום" in text
    # Control characters are escaped, so printing the export cannot drive a terminal.
    assert "\x85" not in text
    assert "\x1b" not in text
    assert json.loads(text)["reflections"][0]["narrative"] == "café 😀 שלום\x85\x1b"


def test_an_export_reads_back_as_the_same_reflections() -> None:
    reflections = [full_reflection(), bare("r2", dt.date(2024, 2, 29), kind="check-in")]
    assert parse_export(document_of(*reflections)) == reflections


def test_unknown_fields_and_later_arrays_survive_or_are_left_alone() -> None:
    document = document_of(full_reflection())
    document["reflections"][0]["mood_colour"] = "teal"
    document["mentors"] = [{"from": "2026-12-24"}]
    (reflection,) = parse_export(document)
    assert reflection.extra == {"mood_colour": "teal"}
    assert reflection.to_dict()["mood_colour"] == "teal"


def test_a_storage_schema_number_in_a_record_is_not_imported() -> None:
    document = document_of(full_reflection())
    document["reflections"][0]["schema"] = 99
    (reflection,) = parse_export(document)
    assert "schema" not in reflection.to_dict()


def test_older_documents_may_miss_optional_fields() -> None:
    document = {
        "format": "pwp-coach",
        "version": 1,
        "reflections": [
            {"id": "x", "date": "2026-01-05", "created": "2026-01-05T18:00:00+00:00",
             "kind": "check-in"}
        ],
    }  # fmt: skip
    (reflection,) = parse_export(document)
    assert reflection.notes == ""
    assert reflection.strain is None


def test_a_version_1_export_still_imports_unchanged() -> None:
    """A full version 1 document (before feeling and the appraisal in words) reads as it was
    written, the new fields empty; written out again it is the current version with nothing
    lost."""
    old = document_of(full_reflection())
    record = old["reflections"][0]
    for name in ("feeling", "weighed_most", "served", "mine_to_influence"):
        del record[name]
    del record["with_the_service"], record["to_a_colleague"]
    old["version"] = 1
    (reflection,) = parse_export(old)
    assert reflection.feeling is None
    assert reflection.served is None
    assert (reflection.weighed_most, reflection.to_a_colleague) == ("", "")
    assert reflection.meaning == "A patient said the leaflet helped."
    assert reflection.appraisal == Appraisal(comprehensible=3, manageable=2, meaningful=4)
    again = {k: v for k, v in reflection.to_dict().items() if k in record}
    assert again == record
    assert export_document([reflection], EXPORTED)["version"] == 6


# --- what parse_export refuses, and how it says so ----------------------------------------


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (lambda d: d.update(format="jrnl"), "format is 'jrnl'"),
        (lambda d: d.pop("format"), "not a pwp-coach export"),
        (lambda d: d.update(version=EXPORT_VERSION + 1), "newer pwp-coach"),
        (lambda d: d.update(version=0), "version must be a whole number"),
        (lambda d: d.update(version="1"), "version must be a whole number"),
        (lambda d: d.update(version=True), "version must be a whole number"),
        (lambda d: d.update(reflections={"a": 1}), "reflections must be a list"),
        (lambda d: d.pop("reflections"), "reflections must be a list"),
        (lambda d: d.update(exported=5), "exported must be"),
    ],
)
def test_a_wrong_document_is_refused_in_one_line(change: Any, expected: str) -> None:
    document = document_of(full_reflection())
    change(document)
    with pytest.raises(ExportFormatError, match=expected) as caught:
        parse_export(document)
    assert "\n" not in str(caught.value)


def test_not_an_object_is_refused() -> None:
    with pytest.raises(ExportFormatError, match="expected a JSON object"):
        parse_export([1, 2])


def test_a_bad_record_names_its_index_id_and_field() -> None:
    document = document_of(bare("good", dt.date(2026, 1, 2)), full_reflection("bad-one"))
    # Newest first: the full reflection is record 0; break its action's status.
    document["reflections"][0]["actions"][0]["status"] = "finished"
    with pytest.raises(ExportFormatError) as caught:
        parse_export(document)
    message = str(caught.value)
    assert message.startswith("record 0 (id 'bad-one'): field 'actions[0].status'")
    assert "planned | done | partly | skipped" in message
    assert "'finished'" in message


@pytest.mark.parametrize(
    ("field", "value", "expected"),
    [
        ("strain", 11, "field 'strain' must be 0-10, not 11"),
        ("date", "26/11/2026", "field 'date' must be a date"),
        ("created", "2026-11-26T17:45:03", "field 'created' must carry a UTC offset"),
        ("appraisal", {"comprehensible": 1}, "field 'appraisal.manageable' is missing"),
        ("kind", "diary", "field 'kind' must be one of"),
    ],
)
def test_each_bad_field_is_named(field: str, value: Any, expected: str) -> None:
    document = document_of(full_reflection("r-1"), bare("r-0", dt.date(2020, 1, 1)))
    document["reflections"][1][field] = value
    with pytest.raises(ExportFormatError, match=r"^record 1 \(id 'r-0'\): ") as caught:
        parse_export(document)
    assert expected in str(caught.value)


def test_a_record_without_a_readable_id_says_so() -> None:
    document = document_of(full_reflection())
    document["reflections"][0]["id"] = 42
    with pytest.raises(ExportFormatError, match=r"^record 0 \(no readable id\): field 'id'"):
        parse_export(document)


def test_a_record_that_is_not_an_object_is_named() -> None:
    document = document_of(full_reflection())
    document["reflections"].append("oops")
    with pytest.raises(ExportFormatError, match=r"^record 1 \(no readable id\): must be an obj"):
        parse_export(document)


def test_a_strange_id_is_shown_on_one_line() -> None:
    document = document_of(full_reflection())
    document["reflections"][0]["id"] = "line\nbreak" + "x" * 200
    document["reflections"][0]["strain"] = -1
    with pytest.raises(ExportFormatError) as caught:
        parse_export(document)
    assert "\n" not in str(caught.value)
    assert "line\\nbreak" in str(caught.value)


def test_the_same_id_twice_in_one_file_is_an_error() -> None:
    document = document_of(full_reflection("same"), bare("other", dt.date(2026, 1, 1)))
    twin = dict(document["reflections"][0], date="2025-01-01")
    document["reflections"].append(twin)
    with pytest.raises(ExportFormatError, match=r"^record 2 \(id 'same'\): field 'id' is the sa"):
        parse_export(document)


@pytest.mark.parametrize("raw", [b"", b"{", b"\xff\xfe", b"NaN", b'{"format": "pwp-coach",}'])
def test_bytes_that_are_not_json_are_refused(raw: bytes) -> None:
    with pytest.raises(ExportFormatError, match="not valid JSON") as caught:
        read_export(raw)
    assert "\n" not in str(caught.value)


def test_read_export_reads_what_export_json_wrote() -> None:
    reflections = [full_reflection()]
    assert read_export(export_json(reflections).encode("utf-8")) == reflections


# --- Markdown -----------------------------------------------------------------------------

MARKDOWN = MarkdownIt("commonmark")


def headings(markdown: str) -> list[str]:
    """The text of every heading a CommonMark reader finds, in order."""
    tokens = MARKDOWN.parse(markdown)
    return [
        tokens[index + 1].content
        for index, token in enumerate(tokens)
        if token.type == "heading_open"
    ]


def code_blocks(markdown: str) -> list[str]:
    return [t.content for t in MARKDOWN.parse(markdown) if t.type == "code_block"]


def test_markdown_is_laid_out_by_phase() -> None:
    text = reflection_markdown(full_reflection())
    assert headings(text) == [
        "Reflection: Thursday 26 November 2026, 17:45",
        "What was hard",
        "What matters",
        "What will help",
        "Notes",
    ]
    for expected in (
        "- Systemic: Caseload volume",
        "Strain (how demanding the day felt): 7 of 10",
        "How I was (okay to not coping): 1 of 3",
        "- Weighed most: Caseload volume",
        "- In the service of: Helping others",
        "Mine to influence:\n\n    How I paced my calls.",
        "With the service or team:\n\n    How many were booked in.",
        "What I'd say to a colleague who had this day:\n\n    You did what one person could.",
        "    A long day of back-to-back calls.",
        "- Value: Helping others",
        "    A patient said the leaflet helped.",
        "comprehensible 3 of 4, manageable 2 of 4, meaningful 4 of 4",
        "Alignment (how much the day let me work the way I want to): 6 of 10",
        "- Individual: A proper lunch break",
        "  - When: 12:30",
        "  - Status: done",
        "  - Helpfulness: 3 of 4",
        "    Bring the safeguarding case to supervision.",
    ):
        assert expected in text
    assert "      Twelve contacts" in text


def test_an_empty_check_in_still_reads_sensibly() -> None:
    text = reflection_markdown(bare("c", dt.date(2026, 3, 2), kind="check-in"))
    assert headings(text) == ["Quick check-in: Monday 2 March 2026, 18:00"]
    assert "Nothing was written in this one." in text


def test_unrated_actions_say_so() -> None:
    planned = CopingAction("peer", "Talk to a peer", Category.RELATIONAL)
    text = reflection_markdown(bare("p", dt.date(2026, 3, 2), actions=(planned,)))
    assert "- Relational: Talk to a peer" in text
    assert "  - Status: planned" in text
    assert "  - Helpfulness: not rated" in text


def test_journal_has_one_section_per_day_newest_first() -> None:
    reflections = [
        bare("a", dt.date(2026, 11, 25), notes="older"),
        bare("b", dt.date(2026, 11, 26), hour=9, kind="check-in", strain=4),
        bare("c", dt.date(2026, 11, 26), hour=18, narrative="later that day"),
    ]
    text = export_markdown(reflections, EXPORTED)
    assert headings(text) == [
        "My reflection journal",
        "Thursday 26 November 2026",
        "Reflection, 18:00",
        "What was hard",
        "Quick check-in, 09:00",
        "What was hard",
        "Wednesday 25 November 2026",
        "Reflection, 18:00",
        "Notes",
    ]
    assert "3 reflections, newest first" in text
    assert text.endswith("    older\n")


def test_an_empty_journal_exports_a_heading_only() -> None:
    text = export_markdown([], EXPORTED)
    assert headings(text) == ["My reflection journal"]
    assert "0 reflections" in text


TRICKY = st.sampled_from(
    [
        "# Heading",
        "## Not mine",
        "Title\n===",
        "Title\n---",
        "> quote",
        "- item",
        "1. item",
        "```",
        "<div>",
        "[x]: http://example.com",
        "[bold]",
        "[/]",
        "[@click=app.quit]x[/]",
        "\r",
        "\r\n",
        "\n\n",
        "\n    ",
        "\t",
        "\x00",
        "\x1b[2J",
        "\x1b]0;title\x07",
        "\x85\x9b\x7f",
        "\u2066",
        "😀",
        "שלום",
        "\u202e",
    ]
)
TEXT = st.lists(st.one_of(TRICKY, st.text(max_size=12)), max_size=8).map("".join)
LABEL = TEXT.filter(lambda text: bool(text.strip()))


@settings(max_examples=40, deadline=None)
@given(label=LABEL, note=TEXT, narrative=TEXT, meaning=TEXT, when=TEXT, notes=TEXT)
def test_user_text_can_never_forge_a_heading(
    label: str, note: str, narrative: str, meaning: str, when: str, notes: str
) -> None:
    reflection = bare(
        "r",
        dt.date(2026, 11, 26),
        challenges=(Challenge("k", label, Dimension.INDIVIDUAL, note),),
        narrative=narrative,
        values=(Value("v", label),),
        meaning=meaning,
        actions=(CopingAction("a", label, Category.BOUNDARIES, when),),
        notes=notes,
    )
    expected = ["Reflection, 18:00"]
    expected += ["What was hard", "What matters", "What will help"]
    expected += ["Notes"] if notes.strip() else []
    journal = export_markdown([reflection], EXPORTED)
    assert headings(journal) == ["My reflection journal", "Thursday 26 November 2026", *expected]
    single = reflection_markdown(reflection)
    assert headings(single)[1:] == expected[1:]
    # Free text is a code block: shown as written (controls made visible), never read as
    # Markdown, and no control character reaches the file raw.
    blocks = code_blocks(single)
    for free in (narrative, meaning, notes):
        for line in free.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
            if visible(line).strip():
                assert any(visible(line).strip() in block for block in blocks)
    assert FORBIDDEN.search(journal) is None
    assert FORBIDDEN.search(single) is None
