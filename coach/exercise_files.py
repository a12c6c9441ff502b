"""Reading the self-practice exercises: ``content/exercises/*.toml``, then a service's own.

The shipped exercises are read from the content's ``exercises`` folder in file-name order; an
overlay (``--content DIR``) may add ``DIR/exercises/*.toml``: an exercise whose id is shipped
replaces it in its place, a new one is added after. Each file is checked whole
(``coach.exercises.parse_exercise``) and any problem is an ``ExerciseError`` naming the file,
exercise, step and field; a step that ``opens`` an exercise must name one that is there. They
are read on first use (``Catalog.exercises``), never at
start-up: home does not need them.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import asdict
from pathlib import Path
from types import MappingProxyType
from typing import Any

import tomli

from coach.exercises import Exercise, ExerciseError, parse_exercise

EXERCISES_FOLDER = "exercises"


def _read_layer(folder: Path | None) -> dict[str, Exercise]:
    """The exercises of one content folder, by id, in file-name order."""
    found: dict[str, Exercise] = {}
    if folder is None or not (folder / EXERCISES_FOLDER).is_dir():
        return found
    for path in sorted((folder / EXERCISES_FOLDER).glob("*.toml")):
        try:
            document = tomli.loads(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, tomli.TOMLDecodeError) as error:
            raise ExerciseError(f"{path}: cannot be read as TOML ({error})") from None
        exercise = parse_exercise(document, str(path))
        if exercise.id in found:
            raise ExerciseError(
                f"{path}: exercise {exercise.id!r} is also declared in {found[exercise.id].source}"
            )
        found[exercise.id] = exercise
    return found


def load_exercises(base: Path, overlay: Path | None = None) -> Mapping[str, Exercise]:
    """Every exercise, by id: the shipped ones in ``base`` with ``overlay``'s laid on top."""
    exercises = _read_layer(base)
    exercises.update(_read_layer(overlay))  # a known id keeps its place; a new one goes last
    for exercise in exercises.values():
        for step in exercise.steps:
            if step.opens and step.opens not in exercises:
                raise ExerciseError(
                    f"{exercise.source}: exercise {exercise.id!r}, step {step.id!r}: opens "
                    f"exercise {step.opens!r}, which does not exist"
                )
    return MappingProxyType(exercises)


def exercises_to_list(exercises: Mapping[str, Exercise]) -> list[dict[str, Any]]:
    """The exercises as plain JSON-ready data, in order, each with its steps and their fields
    (``coach content show --json``); where each was read from is left out, as for the rest of
    the catalogue."""
    shown = []
    for exercise in exercises.values():
        plain = asdict(exercise)
        del plain["source"], plain["extra"]
        shown.append(plain)
    return shown
