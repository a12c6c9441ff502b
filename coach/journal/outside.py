"""Files the user names, outside the journal: exports and saved entries, never a surprise.

The journal's own files are written by ``coach.journal.files``, which replaces a file in place;
that is right for the journal and wrong for a file a user names. Here a file is only ever new:

- a name inside the journal's folder is refused, however it is spelled (``..``, a symlink, a
  second name for the same folder), even when replacing is allowed, so an export can never
  overwrite a year file and leave the journal looking damaged;
- an existing name is refused unless the caller asks to replace it (``coach export --force``);
  a symlink counts as existing, even one that points nowhere;
- the folder must already exist: nothing is created on the user's behalf.

The file is written whole, 0600, beside the target under a temporary name and fsynced, then
given its name with ``os.link``, which fails if the name was taken meanwhile: the check and the
write cannot race, and an existing file is never clobbered. Where a file system has no hard
links (FAT and exFAT memory sticks), the file is created with ``O_EXCL`` instead, which is just
as safe for an existing file but can leave a part-written file if the machine stops midway.
"""

from __future__ import annotations

import contextlib
import errno
import os
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

from coach.journal.errors import JournalError
from coach.journal.files import (
    FILE_MODE,
    OPEN_BINARY,
    fsync_folder,
    make_open_file_private,
    temp_path_for,
)
from coach.text import one_line

# os.link fails with these where the file system cannot make hard links (FAT, exFAT, some
# network shares); the name is then claimed with O_EXCL instead.
_NO_HARD_LINKS = frozenset(
    {errno.EPERM, errno.ENOTSUP, errno.EOPNOTSUPP, errno.EXDEV, errno.EMLINK}
)


def shown_path(path: Path) -> str:
    """A path for a one-line message: its controls shown, never obeyed (``coach.text``)."""
    return one_line(str(path))


class OutputError(JournalError):
    """A file the user named could not be written; ``path`` is that file."""

    def __init__(self, path: Path, problem: str, advice: str) -> None:
        self.path = path
        self.problem = problem
        self.advice = advice
        super().__init__(f"{shown_path(path)} {problem}; {advice}")


class OutputRefused(OutputError):
    """Writing would have replaced something or gone where it must not: nothing was written."""


class OutputExists(OutputRefused):
    """The name is taken; ``advice`` says what the user can do (the CLI adds ``--force``)."""

    def __init__(self, path: Path, advice: str = "give a new name") -> None:
        super().__init__(path, "already exists", advice)


def documents_folder() -> Path:
    """Where a saved file goes unless the user says otherwise: Documents, else home."""
    import platformdirs  # only here: the app's start needs none of it (as ``location``)

    with contextlib.suppress(OSError):
        documents = Path(platformdirs.user_documents_dir())
        if documents.is_dir():
            return documents
    return Path.home()


def _same_folder(one: os.stat_result, other: os.stat_result) -> bool:
    return (one.st_dev, one.st_ino) == (other.st_dev, other.st_ino)


def is_inside(target: Path, folder: Path) -> bool:
    """Whether writing ``target`` would put or change anything in ``folder``, or is ``folder``.

    Both the name's own place (its folder, resolved, then the name) and where a symlink at that
    name leads are checked, by resolved path and by inode, so ``..``, symlinks and a second
    name for the same folder (a bind mount, a case-insensitive disk) cannot slip past.
    """
    root = folder.resolve()
    entry = target.parent.resolve() / target.name
    for place in (entry, target.resolve()):
        if place == root or place.is_relative_to(root):
            return True
    try:
        folder_stat = os.stat(root)
    except OSError:  # a folder that does not exist holds nothing to overwrite
        return False
    for ancestor in (entry.parent, *entry.parent.parents):
        with contextlib.suppress(OSError):
            if _same_folder(os.stat(ancestor), folder_stat):
                return True
    return False


def _check(target: Path, data_dir: Path, replace: bool) -> None:
    """Refuse, before anything is written, a name that must not be written."""
    if "\x00" in str(target):  # no system takes one; os calls would raise ValueError
        raise OutputRefused(target, "holds a NUL character", "give a name without one")
    if is_inside(target, data_dir):
        raise OutputRefused(
            target,
            f"is inside the journal's folder {shown_path(data_dir)}",
            "choose a place outside it",
        )
    if target.is_dir():
        raise OutputRefused(target, "is a folder", "give the name of a file to write")
    if os.path.lexists(target) and not replace:
        raise OutputExists(target)
    if not target.parent.is_dir():
        raise OutputRefused(
            target,
            f"cannot be written: the folder {shown_path(target.parent)} does not exist",
            "create it first, or choose another place",
        )


def _claim(temp: Path, target: Path) -> None:
    """Give the finished temporary file the name ``target``, failing if the name is taken."""
    try:
        os.link(temp, target)
    except FileExistsError:
        raise OutputExists(target) from None
    except OSError as error:
        if error.errno not in _NO_HARD_LINKS:
            raise
        try:
            descriptor = os.open(
                target, os.O_WRONLY | os.O_CREAT | os.O_EXCL | OPEN_BINARY, FILE_MODE
            )
        except FileExistsError:
            raise OutputExists(target) from None
        with os.fdopen(descriptor, "wb") as claimed, temp.open("rb") as finished:
            shutil.copyfileobj(finished, claimed)
            claimed.flush()
            os.fsync(claimed.fileno())


@contextlib.contextmanager
def new_file(
    target: Path, *, data_dir: Path, replace: bool = False
) -> Iterator[Callable[[bytes], object]]:
    """Write a new 0600 file ``target`` outside ``data_dir`` piece by piece: the block is given
    a ``write`` for the bytes, and the file takes its name only when the block ends well.

    Raises ``OutputRefused`` (``OutputExists`` for a taken name) before writing anything, and
    ``OutputError`` when the system will not let the file be written. With ``replace`` an
    existing file (never a folder, never anything in the journal's folder) is replaced
    atomically. No temporary file is left behind, whatever happens: if the block fails, no file
    of that name appears.
    """
    target = target.expanduser().absolute()  # not normalised: '..' is for the OS to follow
    _check(target, data_dir, replace)
    temp = temp_path_for(target)
    try:
        try:
            flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | OPEN_BINARY
            descriptor = os.open(temp, flags, FILE_MODE)
            with os.fdopen(descriptor, "wb") as stream:
                make_open_file_private(stream.fileno())
                yield stream.write
                stream.flush()
                os.fsync(stream.fileno())
            if replace:
                os.replace(temp, target)
            else:
                _claim(temp, target)
            fsync_folder(target.parent)
        except OSError as error:
            raise OutputError(
                target,
                f"could not be written ({error.strerror or error})",
                "check the folder is yours to write in and has room",
            ) from None
    finally:
        with contextlib.suppress(OSError):
            temp.unlink()


def write_new_file(target: Path, payload: bytes, *, data_dir: Path, replace: bool = False) -> Path:
    """Write ``payload`` to a new 0600 file ``target`` outside ``data_dir`` (see ``new_file``);
    returns the path."""
    with new_file(target, data_dir=data_dir, replace=replace) as write:
        write(payload)
    return target.expanduser().absolute()
