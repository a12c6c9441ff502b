"""Self-practice shared as process, not content: the SP/SR reflections as Markdown for a tutor
or supervisor (``coach export --format practice``).

SP/SR asks for a real personal problem, so what was written in the exercises stays private.
The document holds, for each finished practice (oldest first): its date, the exercise's title
and the two reflections (personal self, practitioner self); for each programme: its closing
review when written, and its target problem only when the programme's ``share_target`` is
ticked. Never an exercise's answers, nor any rating.

Every piece of journal text in it is also in ``Shared.pieces`` (entry "practice of 3 Nov 2026
(The worry tree)", field "personal self"), so the identifier check covers all of it. User
text is laid out as the Markdown journal lays it out (``coach.exports.markdown``), so it can
never forge a heading or drive a terminal. The words are the content's.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable

from coach.dates import long_date, short_date
from coach.exports.markdown import after_lead, finish_lines, text_block
from coach.exports.shared import Piece, Shared, pieces_of
from coach.practice import Practice, Programme
from coach.text import one_line

Words = Callable[..., str]  # the content's prompt: words(key, **placeholders)

PERSONAL_FIELD = "personal self"
PRACTITIONER_FIELD = "practitioner self"
TARGET_FIELD = "target problem"
CHANGED_FIELD = "what changed"
PATIENTS_FIELD = "what I'll do differently with patients"


def practice_entry(practice: Practice) -> str:
    """How a finding names a practice: "practice of 3 Nov 2026 (The worry tree)"."""
    day = practice.date
    return f"practice of {short_date(day)} {day.year} ({one_line(practice.title)})"


def programme_entry(programme: Programme) -> str:
    """How a finding names a programme: "programme begun 3 Nov 2026"."""
    day = programme.created.date()
    return f"programme begun {short_date(day)} {day.year}"


def _practice_part(practice: Practice, words: Words) -> tuple[list[str], list[Piece]]:
    title = words("practice_share.md_entry", title=one_line(practice.title),
                  date=long_date(practice.date))  # fmt: skip
    lines = ["", f"### {title}"]
    shown = [("practice_share.md_personal", practice.personal),
             ("practice_share.md_practitioner", practice.practitioner)]  # fmt: skip
    for key, text in shown:
        if text.strip():
            lines += ["", words(key), *text_block(text)]
    if not (practice.personal.strip() or practice.practitioner.strip()):
        lines += ["", words("practice_share.md_no_reflection")]
    named = [(PERSONAL_FIELD, practice.personal), (PRACTITIONER_FIELD, practice.practitioner)]
    return lines, list(pieces_of(practice_entry(practice), named))


def _programme_part(
    programme: Programme | None, done: list[Practice], words: Words
) -> tuple[list[str], list[Piece]]:
    pieces: list[Piece] = []
    if programme is None:
        lines = ["", f"## {words('practice_share.md_outside')}"]
    else:
        begun = long_date(programme.created.date())
        lines = ["", f"## {words('practice_share.md_programme', date=begun)}"]
        entry = programme_entry(programme)
        if programme.share_target and programme.target.strip():
            lines += ["", *after_lead(words("practice_share.md_target"), programme.target)]
            pieces += pieces_of(entry, [(TARGET_FIELD, programme.target)])
    for practice in done:
        more_lines, more_pieces = _practice_part(practice, words)
        lines += more_lines
        pieces += more_pieces
    if programme is not None and (programme.review_changed + programme.review_patients).strip():
        lines += ["", f"### {words('practice_share.md_review')}"]
        for key, text in (("practice_share.md_changed", programme.review_changed),
                          ("practice_share.md_patients", programme.review_patients)):  # fmt: skip
            if text.strip():
                lines += ["", words(key), *text_block(text)]
        reviewed = [(CHANGED_FIELD, programme.review_changed),
                    (PATIENTS_FIELD, programme.review_patients)]  # fmt: skip
        pieces += pieces_of(programme_entry(programme), reviewed)
    return lines, pieces


def practice_markdown(
    practices: Iterable[Practice],
    programmes: Iterable[Programme],
    words: Words,
    *,
    exported: dt.datetime | None = None,
) -> Shared:
    """The SP/SR reflections of every finished practice, by programme (oldest first), and each
    programme's closing review, as Markdown with the pieces of journal text it holds."""
    done = sorted((p for p in practices if p.finished), key=lambda p: (p.date, p.created, p.id))
    known = sorted(programmes, key=lambda p: (p.created, p.id))
    by_programme: dict[str, list[Practice]] = {programme.id: [] for programme in known}
    outside: list[Practice] = []
    for practice in done:
        by_programme.get(practice.programme, outside).append(practice)
    moment = exported or dt.datetime.now().astimezone().replace(microsecond=0)
    lines = [
        f"# {words('practice_share.md_title')}",
        "",
        words(
            "practice_share.md_intro", exported=moment.strftime("%Y-%m-%d %H:%M"), count=len(done)
        ),
    ]
    pieces: list[Piece] = []
    parts: list[tuple[Programme | None, list[Practice]]] = [
        (programme, by_programme[programme.id])
        for programme in known
        if by_programme[programme.id] or (programme.review_changed + programme.review_patients)
    ]
    if outside:
        parts.append((None, outside))
    for programme, its_practice in parts:
        more_lines, more_pieces = _programme_part(programme, its_practice, words)
        lines += more_lines
        pieces += more_pieces
    if not parts:
        lines += ["", words("practice_share.md_nothing")]
    return Shared(finish_lines(lines), tuple(pieces))
