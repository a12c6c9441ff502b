"""The check for patient-identifiable text before a supervision or CPD export: each kind found
where it is, and ordinary reflective writing left alone."""

from __future__ import annotations

import itertools

import pytest

from coach.identifiers import (
    DATE_OF_BIRTH,
    EMAIL,
    NHS_NUMBER,
    PHONE,
    POSTCODE,
    Finding,
    findings,
    identifiers_in,
    nhs_number_valid,
)

# Numbers that pass the modulus 11 check (worked by hand from the rule, not real people's),
# and below, the same numbers with their check digit changed.
VALID_NHS = ("9434765919", "4010232137", "3982597919", "6346484850")


def kinds(text: str) -> list[str]:
    return [kind for kind, _, _ in identifiers_in(text)]


@pytest.mark.parametrize("digits", VALID_NHS)
def test_a_valid_nhs_number_passes_its_check(digits: str) -> None:
    assert nhs_number_valid(digits)


@pytest.mark.parametrize("digits", ["9434765918", "4010232138", "1234567890", "943476591"])
def test_a_wrong_check_digit_or_length_fails(digits: str) -> None:
    assert not nhs_number_valid(digits)


def test_a_check_of_ten_is_never_valid() -> None:
    # 0000000060: weights give 6*2=12 -> 11 - 1 = 10, which is never issued.
    assert not any(nhs_number_valid(f"000000006{d}") for d in "0123456789")


@pytest.mark.parametrize(
    "text", ["NHS no 943 476 5919.", "9434765919", "ref 943-476-5919 today", "(401 023 2137)"]
)
def test_nhs_numbers_are_found_together_or_grouped(text: str) -> None:
    assert kinds(text) == [NHS_NUMBER]


@pytest.mark.parametrize(
    "text", ["943 476 5918", "saw 1234567890 things", "943-476 5919", "94347659190"]
)
def test_numbers_that_fail_the_check_or_the_grouping_are_not_nhs_numbers(text: str) -> None:
    assert NHS_NUMBER not in kinds(text)


@pytest.mark.parametrize(
    "text", ["SW1A 1AA", "lives near M1 1AE.", "b33 8th", "EC1A1BB", "GIR 0AA"]
)
def test_uk_postcodes_are_found(text: str) -> None:
    assert kinds(text) == [POSTCODE]


@pytest.mark.parametrize(
    "text",
    [
        "DOB: 12/03/1980",
        "D.O.B. 3.4.79",
        "date of birth 1975-03-03",
        "born on 3rd March 1975",
        "born 3 Mar 75",
        "12/03/1980 (DOB)",
        "dob march 3, 1975",
    ],
)
def test_a_date_next_to_a_word_for_birth_is_a_date_of_birth(text: str) -> None:
    assert kinds(text) == [DATE_OF_BIRTH]


def test_a_date_on_its_own_is_not_a_date_of_birth() -> None:
    assert kinds("On 3 March 2026 supervision went well; reviewed 12/03/2026.") == []


@pytest.mark.parametrize("text", ["sam.p@nhs.net", "write to a+b@example.co.uk now"])
def test_email_addresses_are_found(text: str) -> None:
    assert kinds(text) == [EMAIL]


@pytest.mark.parametrize(
    "text",
    ["07700 900123", "+44 7700 900123", "+44 (0)20 7946 0958", "(020) 7946 0958", "0113-496-0000"],
)
def test_uk_phone_numbers_are_found(text: str) -> None:
    assert kinds(text) == [PHONE]


@pytest.mark.parametrize("text", ["call 0800 123", "+44 12", "077009001234567", "+1 212 555 0100"])
def test_too_short_too_long_or_foreign_numbers_are_not_uk_phones(text: str) -> None:
    assert PHONE not in kinds(text)


@pytest.mark.parametrize(
    "text",
    [
        "Twelve contacts today, three risk assessments, and I stayed late.",
        "Supervision at 3pm helped; I rated the day 7/10 and felt 60% better.",
        "CO2 in the room, step 2 of 5, year 2026, 45 minutes.",
        "Used the worry tree with a patient; reflected on pacing.",
    ],
)
def test_ordinary_reflective_writing_has_no_findings(text: str) -> None:
    assert identifiers_in(text) == []


def test_several_in_one_text_are_in_order_and_never_overlap() -> None:
    text = "Pt 943 476 5919, DOB 01/02/1990, LS1 4AP, ring 0113 496 0000 or pt@example.com"
    found = identifiers_in(text)
    assert [kind for kind, _, _ in found] == [NHS_NUMBER, DATE_OF_BIRTH, POSTCODE, PHONE, EMAIL]
    spans = [(start, end) for _, start, end in found]
    assert all(a[1] <= b[0] for a, b in itertools.pairwise(spans))


def test_findings_name_kind_entry_and_field_once_each_and_never_quote_the_text() -> None:
    found = findings(
        [
            ("reflection of 3 Nov 2026", "narrative", "943 476 5919 and 401 023 2137"),
            ("reflection of 3 Nov 2026", "notes", "nothing here"),
            ("CPD entry of 4 Nov 2026", "so what?", "email sam@example.com"),
        ]
    )
    assert found == [
        Finding(NHS_NUMBER, "reflection of 3 Nov 2026", "narrative"),
        Finding(EMAIL, "CPD entry of 4 Nov 2026", "so what?"),
    ]
    assert found[0].line() == "NHS number in reflection of 3 Nov 2026, narrative"
    assert "943" not in found[0].line()
