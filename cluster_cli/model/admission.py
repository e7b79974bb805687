"""Admission (vastuvõtt, 4.1, Lisa 1) and the student card (õpilaspilet, 4.2, Lisa 2): what the
secretary keeps of them — the entry's basis and documents, the directive, a change of
curriculum, the card's number, issue, yearly validity marks, return and replacements; the
school's admission committee (vastuvõtukomisjon, Lisa 1 I.4) lives in cluster.yaml."""

from __future__ import annotations

from datetime import date
from typing import Literal

from pydantic import Field

from cluster_cli import vocabulary as V
from cluster_cli.model.common import Id, Model, Text
from cluster_cli.model.numbers import Int, Money


class Admission(Model):
    """How the student entered the school's list (Lisa 1 I.7, II, III, IV; 4.1.6–4.1.12)."""

    date: date
    """The director's directive entering the student in the list (4.1.12, Lisa 1 I.7)."""
    directive: Text | None = None
    """The directive's number."""
    education: Literal[V.ENTRY_EDUCATIONS]
    """The education the student had on entry: none, basic, basic on the simplified curriculum,
    secondary (4.1.6–4.1.9, Lisa 1 II.4–II.10)."""
    qualification_level: Int | None = Field(default=None, ge=2, le=8)
    """The level of a profession (kutse) the student holds, for a continuing curriculum (3.4.3, 3.5.2)."""
    competences_assessed: date | None = None
    """The day the school assessed the competences equivalent to basic education (≥ 22, 4.1.6)
    or to the qualification a continuing curriculum asks (3.4.3, 3.5.2)."""
    test_passed: date | None = None
    """The entry test of a graduate of the simplified basic-school curriculum (Lisa 1 II.10)."""
    documents: list[Literal[V.ADMISSION_DOCUMENTS]] = Field(default_factory=list)
    """The documents handed in (Lisa 1 III.1.1–1.4, IV.2)."""
    previous_school: Text | None = None
    """The school a transferring student studied at before (Lisa 1 IV.2)."""
    proposal: date | None = None
    """A mid-year admission (from 1 November): the leading teacher's proposal (Lisa 1 IV.3)."""


class CurriculumChange(Model):
    """A move to another curriculum of the school (Lisa 1 I.9, II.9, I.13.5)."""

    date: date
    from_curriculum: Id
    directive: Text | None = None


class CardReplacement(Model):
    """A new card issued on a written request (Lisa 2 6.1–6.4)."""

    date: date
    reason: Literal[V.CARD_REPLACEMENT_REASONS]
    number: Text
    request: date | None = None
    """The day of the written request (Lisa 2 6.1)."""
    fee: Money | None = None
    """What the student paid (4.2.4: the directive's 3.00 EUR)."""


class StudentCard(Model):
    """The student card (õpilaspilet, Lisa 2) as the secretary registers it (Lisa 2 4.1)."""

    number: Text
    issued: date
    valid_until: date | None = None
    fee: Money | None = None
    """What the first card cost: nothing (Lisa 2 2.1)."""
    extended: list[date] = Field(default_factory=list)
    """The days the validity mark was added, one each study year (Lisa 2 5.1, Lisa 1 I.16)."""
    replacements: list[CardReplacement] = Field(default_factory=list)
    returned: date | None = None
    """Returned on leaving the list (Lisa 2 5.2, 4.2.6)."""
    destroyed: date | None = None
    """The returned card destroyed and its removal registered (Lisa 2 5.3)."""


class AdmissionCommittee(Model):
    """A school's admission committee (vastuvõtukomisjon): ≥ 4 members, a mandate of one year
    (Lisa 1 I.4)."""

    school: Id
    appointed: date
    directive: Text | None = None
    members: list[Text] = Field(default_factory=list)
