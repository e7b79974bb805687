"""Final, professional and transition exams as the secretary keeps them (Lisa 3 III, Lisa 4,
4.13): the schedule and its directive, the committee, the protocol's way back to the secretary
and each student's sitting. `cluster.yaml`'s `exams:` holds them.
"""

from __future__ import annotations

from datetime import date
from typing import Annotated, Literal

from pydantic import BeforeValidator, Field

from cluster_cli import vocabulary as V
from cluster_cli.model.common import Id, Model, Text

# as a grade in the journal: `4` or `"4"` alike
ExamGrade = Annotated[
    Literal["5", "4", "3", "2", "A", "MA", "X"],
    BeforeValidator(lambda v: str(v) if isinstance(v, int) and not isinstance(v, bool) else v),
]


class CommitteeMember(Model):
    """A member of an exam committee (eksamikomisjon). `member` is the cluster member the person
    comes from — a company or organisation makes a world-of-work representative (Lisa 4 3.3);
    `position` is their place at the school (a transition exam's chair is the department's leading
    teacher or a management member, Lisa 3 III.2.3)."""

    name: Text
    role: Literal[V.EXAM_ROLES] = "member"
    member: Id | None = None
    position: Literal[V.EXAM_POSITIONS] | None = None


class ExamPart(Model):
    """One separately graded part of an exam (Lisa 4 4.1, 4.3)."""

    name: Text
    grade: ExamGrade


class Sitting(Model):
    """One student at one exam: the result as the protocol has it, a no-show ("mitteilmunud",
    Lisa 4 4.5) and its valid reason — notified at once, with evidence, the studies extended to
    `extended_to` (Lisa 4 4.10) — or an interruption or removal (4.13.12, Lisa 3 III.4.1)."""

    student: Id
    grade: ExamGrade | None = None
    parts: list[ExamPart] = Field(default_factory=list)
    no_show: bool = False
    interrupted: bool = False
    removed: bool = False
    valid_reason: str | None = None
    notified: date | None = None
    evidence: str | None = None
    extended_to: date | None = None


class Protocol(Model):
    """The exam's protocol (hindamisprotokoll): its number, who of the committee was present
    (Lisa 4 3.7), the day the results were entered in the information system (3.6, 4.6), whether
    the members signed it (4.6), the day the secretary received it (3.6, 4.13.9) and archived it (3.5)."""

    number: str | None = None
    present: list[Text] = Field(default_factory=list)
    results_entered: date | None = None
    signed: bool = False
    received: date | None = None
    archived: date | None = None


class Exam(Model):
    """An exam of a group: `final` (eriala lõpueksam), `professional` (kutseeksam) or `transition`
    (üleminekueksam); `attempt: resit` for a re-sit (4.13.13, Lisa 3 III.4). `scheduled` is the day
    the schedule was confirmed and announced, `committee_formed` the day the committee was formed,
    `directive` the director's directive confirming them (4.13.6–4.13.7, Lisa 3 III.2.2),
    `ceremony` the graduation ceremony (lõpuaktus, Lisa 4 3.1), `early_decision` the study
    director's decision for an exam before the curriculum's end (Lisa 4 3.2.1)."""

    id: Id
    kind: Literal[V.EXAM_KINDS]
    group: Id
    module: Id
    date: date
    attempt: Literal["main", "resit"] = "main"
    scheduled: date | None = None
    committee_formed: date | None = None
    directive: str | None = None
    ceremony: date | None = None
    early_decision: str | None = None
    committee: list[CommitteeMember] = Field(default_factory=list)
    protocol: Protocol | None = None
    students: list[Sitting] = Field(default_factory=list)
