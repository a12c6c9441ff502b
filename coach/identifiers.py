"""What looks patient-identifiable in text about to leave the journal (a supervision agenda, a
CPD write-up): checked before any such export is written.

It looks for five kinds of thing, each named as a practitioner would name it:

- an NHS number: ten digits, together or grouped 3-3-4 by spaces or dashes, that pass the NHS
  number's modulus 11 check (so a random ten-digit figure mostly does not count);
- a UK postcode (``SW1A 1AA``, ``M1 1AE``; the space may be left out);
- a date of birth: a date next to "DOB", "D.O.B.", "date of birth" or "born";
- an email address;
- a UK phone number: starting 0 (10 or 11 digits) or +44 (then 9 or 10), spaces, dashes and a
  ``(0)`` allowed between.

It errs towards asking: a finding is a question for the practitioner (remove it, or confirm it
is not a patient's), never a verdict, and the export names only its kind and where it is, never
the text found, so a list of findings is itself safe to show. Where two kinds overlap (a phone
number that also passes the NHS check) the first in the list above is reported.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

NHS_NUMBER = "NHS number"
POSTCODE = "postcode"
DATE_OF_BIRTH = "date of birth"
EMAIL = "email address"
PHONE = "phone number"
KINDS = (NHS_NUMBER, POSTCODE, DATE_OF_BIRTH, EMAIL, PHONE)

_NHS = re.compile(r"(?<![\d+])(\d{3})([ -]?)(\d{3})\2(\d{4})(?![\d])")
_POSTCODE = re.compile(
    r"(?<![A-Za-z0-9])(?:[A-Za-z]{1,2}\d[A-Za-z\d]? ?\d[A-Za-z]{2}|GIR ?0AA)(?![A-Za-z0-9])",
    re.IGNORECASE,
)
_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
)
_DATE = (
    r"(?:\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}|\d{4}-\d{1,2}-\d{1,2}"
    rf"|\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH}\.?,?\s+\d{{2,4}}"
    rf"|{_MONTH}\.?\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{2,4}})"
)
_BIRTH = r"(?:d\.?\s?o\.?\s?b\b\.?|date\s+of\s+birth|born)"
_DOB = re.compile(
    rf"{_BIRTH}[\s:=,(-]{{0,4}}(?:on\s+|in\s+)?{_DATE}|{_DATE}[\s,)]{{0,3}}\(?\s*{_BIRTH}",
    re.IGNORECASE,
)
_EMAIL = re.compile(r"[\w.+'-]+@[\w-]+(?:\.[\w-]+)+")
_PHONE = re.compile(
    r"(?<![\d+\w])(\+44[\s-]?(?:\(0\)[\s-]?)?|\(?0)((?:[\s()-]{0,2}\d){8,10})(?!\d)"
)
_NHS_WEIGHTS = range(10, 1, -1)


def nhs_number_valid(digits: str) -> bool:
    """Whether ten digits pass the NHS number's modulus 11 check: weights 10 down to 2 on the
    first nine, 11 less the remainder of their sum on 11 (11 reads as 0, and 10 is never
    issued) must be the tenth."""
    if len(digits) != 10 or not digits.isdigit():
        return False
    total = sum(int(d) * w for d, w in zip(digits, _NHS_WEIGHTS, strict=False))
    check = 11 - total % 11
    check = 0 if check == 11 else check
    return check != 10 and check == int(digits[9])


def _phone_digits(prefix: str, rest: str) -> bool:
    count = sum(c.isdigit() for c in rest)
    return count in (9, 10) if prefix.startswith("+") else count + 1 in (10, 11)


def identifiers_in(text: str) -> list[tuple[str, int, int]]:
    """Each stretch of ``text`` that looks patient-identifiable: (kind, start, end), in order
    of where it starts; no two overlap."""
    found: list[tuple[str, int, int]] = []
    taken: list[tuple[int, int]] = []

    def add(kind: str, start: int, end: int) -> None:
        if all(end <= s or start >= e for s, e in taken):
            found.append((kind, start, end))
            taken.append((start, end))

    for match in _NHS.finditer(text):
        if nhs_number_valid(match.group(1) + match.group(3) + match.group(4)):
            add(NHS_NUMBER, *match.span())
    for match in _POSTCODE.finditer(text):
        add(POSTCODE, *match.span())
    for match in _DOB.finditer(text):
        add(DATE_OF_BIRTH, *match.span())
    for match in _EMAIL.finditer(text):
        add(EMAIL, *match.span())
    for match in _PHONE.finditer(text):
        if _phone_digits(match.group(1), match.group(2)):
            add(PHONE, *match.span())
    return sorted(found, key=lambda each: each[1])


@dataclass(frozen=True)
class Finding:
    """Something that looks patient-identifiable: its kind, and the entry and field it is in
    (as the export names them, e.g. "reflection of 3 Nov 2026", "narrative")."""

    kind: str
    entry: str
    field: str

    def line(self) -> str:
        """One line naming it, never quoting it."""
        return f"{self.kind} in {self.entry}, {self.field}"


def findings(pieces: Iterable[tuple[str, str, str]]) -> list[Finding]:
    """Every finding in ``pieces``, each (entry, field, text), in order, one per kind and
    place (two NHS numbers in one field are one finding to remove)."""
    seen: dict[Finding, None] = {}
    for entry, field, text in pieces:
        for kind, _, _ in identifiers_in(text):
            seen.setdefault(Finding(kind, entry, field), None)
    return list(seen)
