"""The journal as jrnl's plain-text journal file, which ``jrnl --import`` reads back.

jrnl (4.6) keeps a journal as entries oldest first, each ``[YYYY-MM-DD HH:MM] Title`` (with
`` *`` after the title when starred) then its body lines, a blank line between entries
(``Entry.__str__``). It reads one back (``Journal._parse``) by finding every line that begins
``[...] `` whose bracketed text it can read as a date, so a body line beginning like that would
start a new entry; its tags are the ``@words`` in the text.

Each entry here:

- a reflection or check-in: its title is its first challenge's label (else its kind's title),
  its body the narrative then the other written parts, each under a plain lead (``Values:``,
  ``Coping:``...);
- an imported note: its own title (none: jrnl takes the first sentence of the text, as it does
  for its own entries), its text as it was, a line of ``@tags`` for each tag the text does not
  already hold, and its mood.

The time is the entry's wall-clock time where it was written (its ``created`` in its own
offset), on the entry's own date. User text is written as it was typed except that its control
characters and bidi overrides are shown through ``coach.text.visible`` (the title on one line,
``one_line``), so neither the file nor ``cat`` of it can drive a terminal; a body line jrnl would
take for a new entry (``[2020-01-01 10:00] ...``) gets a backslash in front (``\\[2020-...``),
and a title ending in ``*`` one after it, so jrnl keeps each as text, never a new entry or a
star.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from coach.exports.json_format import newest_first
from coach.model import ALIGNMENT, FEELING, HELPFULNESS, KIND_TITLES, STRAIN, Kind, Reflection
from coach.text import one_line, visible

# jrnl's own pattern for the start of an entry (``Journal._parse``), at the start of a line.
# It skips a bracketed text of six characters or fewer ("probably a markdown footnote"), so
# only a longer one could be read as a date and needs escaping.
_ENTRY_START = re.compile(r"\[([^\]]+)\] ")
_JRNL_SKIPS_UP_TO = 6
# What jrnl takes as a tag after its ``@`` (``Entry.tag_regex``).
_TAG_CHARACTERS = re.compile(r"[^-+*#/\w]+")
_LINE_ENDINGS = re.compile(r"\r\n|\r|\n")


def _body_line(line: str) -> str:
    """One line of body text, its controls made visible, escaped if jrnl would start an entry."""
    shown = visible(line)
    found = _ENTRY_START.match(shown)
    if found is not None and len(found.group(1)) > _JRNL_SKIPS_UP_TO:
        return "\\" + shown
    return shown


def _text_lines(text: str) -> list[str]:
    return [_body_line(line) for line in _LINE_ENDINGS.split(text)]


def _led(lead: str, text: str) -> list[str]:
    """``Lead: text``, any further lines of the text below it."""
    first, *rest = _text_lines(text)
    return [f"{lead}: {first}", *rest]


def _score(found: int | None, high: int) -> str | None:
    return None if found is None else f"{found} of {high}"


def _reflection_body(reflection: Reflection) -> list[str]:
    """A reflection's written parts as plain text, the narrative first."""
    lines: list[str] = []
    if reflection.narrative.strip():
        lines += [*_text_lines(reflection.narrative), ""]
    scores = (
        ("Strain", _score(reflection.strain, STRAIN.high)),
        ("How I was", _score(reflection.feeling, FEELING.high)),
        ("Alignment", _score(reflection.alignment, ALIGNMENT.high)),
    )
    rated = [f"{name} {score}" for name, score in scores if score is not None]
    if rated:
        lines += [", ".join(rated) + ".", ""]
    for challenge in reflection.challenges:
        lines += _led(f"Challenge ({challenge.dimension.value})", challenge.label)
        if challenge.note.strip():
            lines += _text_lines(challenge.note)
    if reflection.values:
        lines += _led("Values", ", ".join(value.label for value in reflection.values))
    weighed = reflection.weighed_most_challenge
    if weighed is not None:
        lines += _led("Weighed most", weighed.label)
    if reflection.served is not None:
        lines += _led("In the service of", reflection.served.label)
    for lead, text in (
        ("A moment that mattered", reflection.meaning),
        ("Mine to influence", reflection.mine_to_influence),
        ("With the service or team", reflection.with_the_service),
        ("What I'd say to a colleague", reflection.to_a_colleague),
    ):
        if text.strip():
            lines += _led(lead, text)
    for action in reflection.actions:
        when = f", {one_line(action.when)}" if action.when.strip() else ""
        helped = _score(action.helpfulness, HELPFULNESS.high)
        status = f"{action.status.value}{f', helped {helped}' if helped else ''}"
        lines += _led(f"Coping ({action.category.value}{when}, {status})", action.label)
    if reflection.notes.strip():
        lines += ["", *_led("Notes", reflection.notes)]
    return lines


def _tag(name: str) -> str:
    """A tag as jrnl reads one: ``@`` then letters, digits and ``-+*#/_`` (others become -)."""
    word = _TAG_CHARACTERS.sub("-", name.removeprefix("@")).strip("-")
    return f"@{word}" if word else ""


def _note_body(reflection: Reflection) -> list[str]:
    """An imported note's text as it was, then the tags its text lacks and its mood."""
    imported = reflection.imported
    lines = _text_lines(reflection.narrative) if reflection.narrative.strip() else []
    if imported is None:
        return lines
    present = {found.lower() for found in re.findall(r"(?<!\S)@[-+*#/\w]+", reflection.narrative)}
    missing = [tag for tag in dict.fromkeys(map(_tag, imported.tags)) if tag]
    missing = [tag for tag in missing if tag.lower() not in present]
    if missing:
        lines += ["", " ".join(missing)]
    if imported.mood.strip():
        lines += ["", *_led("Mood", imported.mood)]
    return lines


def _title(reflection: Reflection) -> str:
    if reflection.kind is Kind.IMPORTED:
        title = reflection.imported.title if reflection.imported is not None else ""
    elif reflection.challenges:
        title = reflection.challenges[0].label
    else:
        title = ""
    title = one_line(title).strip()
    if not title and reflection.kind is not Kind.IMPORTED:
        title = KIND_TITLES[reflection.kind]
    return title + "\\" if title.endswith("*") else title


def jrnl_entry(reflection: Reflection) -> str:
    """One entry as jrnl writes it: ``[date time] Title``, the body lines, a newline."""
    moment = f"{reflection.date.isoformat()} {reflection.created.strftime('%H:%M')}"
    title = _title(reflection)
    body = _note_body(reflection) if reflection.kind is Kind.IMPORTED else None
    if body is None:
        body = _reflection_body(reflection)
    if not title and body:  # no title of its own: jrnl takes the text's first sentence
        # (on the header line, after the date, no line needs escaping)
        title, body = one_line(_LINE_ENDINGS.split(reflection.narrative)[0]).lstrip(), body[1:]
    starred = reflection.imported is not None and reflection.imported.starred
    head = f"[{moment}] {title}" + (" *" if starred else "")  # jrnl needs the space
    text = "\n".join(body).strip("\n ")
    return f"{head}\n{text}\n" if text else f"{head}\n"


def export_jrnl(reflections: Iterable[Reflection]) -> str:
    """Every entry, oldest first, a blank line between (as jrnl writes its own file)."""
    return "\n".join(jrnl_entry(r) for r in reversed(newest_first(reflections)))
