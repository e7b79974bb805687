"""Recognition of prior learning and work experience (varasemate õpingute ja töökogemuse
arvestamine, VÕTA — Lisa 5): a student's applications with their evidence and the committee's
decision, and the school's VÕTA committee.

What a secretary keeps of an application is what the decision in Tahvel states (Lisa 5 IV.1):
the module (or subject) credited, the grade and the volume, the reasons of a refusal, and the
dates — submitted (II.1), decided (III.15), notified (IV.2). The grade a positive decision gives
is also written into the student's journal as a `prior_learning` grade of the module; rule
`prior-learning` checks that the two agree.
"""

from __future__ import annotations

import datetime as dt
from datetime import date
from typing import Annotated, Literal

from pydantic import BeforeValidator, Field

from cluster_cli import vocabulary as V
from cluster_cli.model.common import Id, Model, Text
from cluster_cli.model.numbers import Number

# A result is written `4` or `"4"` alike (as a journal grade is); X is no decision.
Result = Annotated[
    Literal["5", "4", "3", "2", "A", "MA"],
    BeforeValidator(lambda v: str(v) if isinstance(v, int) and not isinstance(v, bool) else v),
]


class PriorEvidence(Model):
    """A document submitted with the application (Lisa 5 II.2–II.4), or the record of the
    substantive assessment the committee held (III.7, kind `assessment`)."""

    kind: Literal[V.PRIOR_EVIDENCE_KINDS]
    name: Text
    """The document as it is named on the paper: "Lõputunnistus nr 123456"."""
    date: dt.date | None = None


class PriorLearning(Model):
    """One VÕTA application of the student (Lisa 5 II.1) and the committee's decision (IV.1)."""

    submitted: date
    kind: Literal[V.PRIOR_LEARNING_KINDS]
    """`study` — earlier studies (varasemad õpingud); `work` — work experience (töökogemus,
    also voluntary work and what was learnt in everyday life, III.10)."""
    module: Id
    subject: str | None = None
    """The subject or topic of the module the application is for (õppeaine, IV.1)."""
    where: str | None = None
    """The school or the employer the learning or the work was at."""
    acquired_from: date | None = None
    acquired_to: date | None = None
    """When the studies or the work ended (a document's date for studies): only what was learnt
    in the last 10 years counts (I.3)."""
    same_level: bool | None = None
    """The earlier studies were at the same level of education (III.6; other level: III.7)."""
    ekap_completed: Number | None = Field(default=None, ge=0)
    """The volume of the earlier studies, in EKAP (III.6–III.8)."""
    earlier_grade: str | None = None
    """The grade in the earlier document, as written there; none when the learning was never
    graded (4.6.4.9: then the result is A/MA)."""
    reinstated: bool = False
    """Studies interrupted at this school, the student reinstated on the same curriculum: the
    results are transferred directly (III.9)."""
    evidence: list[PriorEvidence] = Field(default_factory=list)
    decided: date | None = None
    result: Result | None = None
    """The decision's grade: A/MA, or the grade transferred; MA or 2 refuses the application."""
    ekap: Number | None = Field(default=None, ge=0)
    """The volume credited, in EKAP, as the decision states it (IV.1)."""
    reasons: str | None = None
    """Why the application was refused or credited only in part (IV.1)."""
    directive: str | None = None
    """The number of the study director's directive on the transfer (III.17)."""
    notified: date | None = None
    """The day the applicant was told the decision in Tahvel (IV.2)."""


class CommitteeMember(Model):
    name: Text
    role: Literal[V.PRIOR_COMMITTEE_ROLES]


class PriorLearningCommittee(Model):
    """A school's VÕTA committee, appointed by the director's directive (Lisa 5 III.1): the study
    director, the departments' leading teachers and the study department's secretary, with
    teachers and outside experts when needed (III.2)."""

    school: Id
    directive: str | None = None
    date: dt.date | None = None
    members: list[CommitteeMember] = Field(min_length=1)
