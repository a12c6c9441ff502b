"""``coach passphrase set|change|remove`` and ``coach recovery-key new``: encryption at rest.

The passphrase is typed at the terminal without echo, or read a line per answer from stdin
with ``--passphrase-stdin`` (set: the new one twice; change: the current one, then the new one
twice; remove and recovery-key new: the current one). Wherever the current passphrase is asked
for, the recovery key opens the journal too. The work is in ``coach.journal.encryption``.
"""

from __future__ import annotations

import argparse

from coach.commands.common import CommandError, add_passphrase_option, ask_secret, data_dir_of
from coach.journal.encryption import change_passphrase, decrypt, encrypt, new_recovery
from coach.journal.passphrases import MIN_LENGTH, refuse_weak

CURRENT = "Current passphrase (or recovery key): "
NEW = f"New passphrase (at least {MIN_LENGTH} characters): "
AGAIN = "The new passphrase again: "

RECOVERY_NOTE = (
    "Your recovery key (shown this once; write it down and keep it apart from this computer):",
    "It opens the journal if the passphrase is forgotten; anyone who has it can open the "
    "journal too. 'coach recovery-key new' replaces it.",
)


def register(subcommands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add ``coach passphrase`` and ``coach recovery-key``."""
    parser = subcommands.add_parser(
        "passphrase",
        help="encrypt the journal with a passphrase, change it, or turn encryption off",
        description="Encrypt everything the journal keeps (entries, settings, drafts and "
        "backups) with AES-256-GCM under a random key, opened by your passphrase or by a "
        "recovery key shown once. Changing the passphrase rewrites no entry. Exports are "
        "never encrypted.",
    )
    actions = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    for name, run, help_text in (
        ("set", run_set, "encrypt the journal under a new passphrase"),
        ("change", run_change, "change the passphrase (the recovery key works as the old one)"),
        ("remove", run_remove, "turn encryption off: every file stored plain again"),
    ):
        action = actions.add_parser(name, help=help_text, description=help_text.capitalize())
        add_passphrase_option(action)
        action.set_defaults(run=run)

    recovery = subcommands.add_parser(
        "recovery-key",
        help="make a new recovery key for an encrypted journal",
        description="Make a new recovery key; the old one stops working.",
    )
    recovery_actions = recovery.add_subparsers(dest="action", metavar="ACTION", required=True)
    new = recovery_actions.add_parser(
        "new", help="make a new recovery key", description="Make a new recovery key."
    )
    add_passphrase_option(new)
    new.set_defaults(run=run_new_recovery)


def _new_passphrase(args: argparse.Namespace) -> str:
    """The new passphrase, asked twice; refused early (before the second asking) if weak."""
    chosen = ask_secret(args, NEW)
    refuse_weak(chosen)
    if ask_secret(args, AGAIN) != chosen:
        raise CommandError("the two new passphrases were not the same; nothing was changed")
    return chosen


def _show_recovery(recovery: str) -> None:
    print(RECOVERY_NOTE[0])
    print()
    print(f"    {recovery}")
    print()
    print(RECOVERY_NOTE[1])


def run_set(args: argparse.Namespace) -> int:
    """Encrypt the journal; returns the exit code."""
    recovery = encrypt(data_dir_of(args), _new_passphrase(args))
    print("The journal is encrypted: it opens only with your passphrase or recovery key.")
    _show_recovery(recovery)
    return 0


def run_change(args: argparse.Namespace) -> int:
    """Change the passphrase; returns the exit code."""
    current = ask_secret(args, CURRENT)
    change_passphrase(data_dir_of(args), current, _new_passphrase(args))
    print("The passphrase is changed; the recovery key still works.")
    return 0


def run_remove(args: argparse.Namespace) -> int:
    """Turn encryption off; returns the exit code."""
    decrypt(data_dir_of(args), ask_secret(args, CURRENT))
    print("Encryption is off: the journal is stored plain, private to your account (0600).")
    return 0


def run_new_recovery(args: argparse.Namespace) -> int:
    """Replace the recovery key; returns the exit code."""
    recovery = new_recovery(data_dir_of(args), ask_secret(args, CURRENT))
    print("A new recovery key is made; the old one no longer opens the journal.")
    _show_recovery(recovery)
    return 0
