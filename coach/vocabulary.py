"""The fixed choices and scales of the tools' records, declared apart from the records.

The content's checks (``coach.content_words``) need their words when the content is read, at
start-up; declared here, reading them imports no tool's records (``coach.people``,
``coach.supervision``, ``coach.practice``), which home's start-up does not need.
"""

from __future__ import annotations

from enum import StrEnum

from coach.shape import Scale


class Role(StrEnum):
    """Who someone is to me at work (a contact's, in ``coach.people``)."""

    PEER = "peer"
    SUPERVISOR = "supervisor"
    MANAGER = "manager"
    OTHER = "other"


class SupervisionType(StrEnum):
    """What a supervision session was for (``coach.supervision``)."""

    CASE_MANAGEMENT = "case-management"
    CLINICAL_SKILLS = "clinical-skills"
    OTHER = "other"


# How much the target problem troubles me now: asked at the start of self-practice and after
# each exercise (``coach.practice``).
TARGET = Scale(0, 10, labels="target_ends", ends=True)
