"""What a passphrase must be: long enough, and not one an attacker tries first.

Argon2id makes each guess cost ~0.1-0.3 s, which protects a good passphrase and not a common
one: lists of leaked passwords are tried first, in order. So a passphrase shorter than ten
characters is refused, and so is one of the commonest passwords of ten or more (as leaked
password lists rank them), compared without case, spaces or punctuation, and one made of a
single repeated character. The reason is said, never just "weak".
"""

from __future__ import annotations

import re

from coach.journal.errors import JournalError

MIN_LENGTH = 10

# Among the commonest leaked passwords of ten characters or more, squeezed as ``_squeezed``
# squeezes what is typed (lower case, letters and digits only).
_COMMON_TEXT = """
    1234567890 0123456789 0987654321 9876543210 1111111111 1234512345 1122334455
    1q2w3e4r5t 1q2w3e4r5t6y 1qaz2wsx3edc qwertyuiop qwertyuiop1 qwerty1234 qwerty12345
    qwerty123456 asdfghjkl1 asdfghjkl123 zxcvbnm123 zaq12wsxcde qazwsxedc123 qazwsxedcrfv
    password12 password123 password1234 password12345 password123456 passw0rd12 passw0rd123
    password01 password99 mypassword mypassword1 mypassword123 newpassword newpassword1
    passwordpassword changeme123 letmein123 letmein1234 welcome123 welcome1234 welcome2024
    welcome2025 welcome2026 iloveyou12 iloveyou123 iloveyou1234 iloveyoubaby princess123
    princess12 sunshine123 sunshine12 football123 football12 baseball123 superman123
    batman12345 starwars123 monkey12345 dragon12345 michael123 jennifer123 jessica123
    charlie123 liverpool1 liverpool123 arsenal123 chelsea123 manchester1 manchesterunited
    1234567890a a1234567890 abcdefghij abcdefghijk abcdefghijkl abcd123456 abc1234567
    abcdef123456 aaaaaaaaaa 1234567891 12345678910 123456789a 123456789q qwerty123qwerty
    trustno1234 computer123 internet123 whatever123 admin12345 administrator secret1234
    summer2024 summer2025 summer2026 winter2024 winter2025 winter2026 autumn2025 spring2025
    football1234 chocolate1 chocolate123 butterfly1 butterfly123 elizabeth1 basketball
    basketball1 basketball123 blink182blink 1password1 iloveyou1234567 loveyou1234
    pwpcoach123 pwpcoach1234 pwpcoachpassword journal123 myjournal123 diary12345
    therapist1 therapy1234 wellbeing1 wellbeing123 resilience1 nhspassword nhspassword1
    """
COMMON = frozenset(_COMMON_TEXT.split())


class PassphraseRefused(JournalError):
    """A new passphrase that would not protect the journal; the message says why."""


def _squeezed(passphrase: str) -> str:
    return re.sub(r"[\W_]", "", passphrase.casefold())


def passphrase_problem(passphrase: str) -> str | None:
    """Why ``passphrase`` would not protect the journal, or None when it will do."""
    if len(passphrase) < MIN_LENGTH:
        return (
            f"a passphrase needs at least {MIN_LENGTH} characters (this one has "
            f"{len(passphrase)}); a few ordinary words in a row make a good one"
        )
    if len(set(passphrase)) == 1:
        return "a passphrase of one character repeated is guessed at once"
    if _squeezed(passphrase) in COMMON:
        return (
            "that is one of the commonest passwords, the first an attacker tries; a few "
            "ordinary words in a row make a good passphrase"
        )
    return None


def refuse_weak(passphrase: str) -> None:
    """Raise ``PassphraseRefused`` for a passphrase that would not protect the journal."""
    problem = passphrase_problem(passphrase)
    if problem is not None:
        raise PassphraseRefused(f"that passphrase was not used: {problem}; nothing was changed")
