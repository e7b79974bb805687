"""What the school's bodies decide that the cluster file keeps (cluster.yaml): the council's fee
rate (2.37), guest students (4.12.8–4.12.10), the learning-support round table's meetings
(6.3.5), the student body's representative on the school council (6.11.3.3), decisions the
director suspended (7.4)."""

from __future__ import annotations

from datetime import date

from pydantic import Field

from cluster_cli.model.common import Id, Model, PeriodId, Text
from cluster_cli.model.numbers import Int, Money


class Paper(Model):
    """A decision, contract or directive: its number (if any) and date."""

    number: str | None = None
    date: date


class FeeDecision(Model):
    """The school council's rate of study-cost compensation for places outside state funding
    (õppekulude hüvitamise määr, 2.37) for the study year starting in `study_year`."""

    school: Id
    study_year: Int = Field(ge=2000, le=2100)
    date: date
    number: str | None = None
    rate: Money | None = Field(default=None, ge=0)


class GuestStudent(Model):
    """A guest student (külalisõpilane, 4.12.8): by the director's decision and a contract, not on
    the student list; the grade sheet approved by the director at the end (4.12.9)."""

    name: Text
    personal_code: str | None = None
    school: Id
    home_school: Text | None = None
    start: date
    end: date
    decision: Paper | None = None
    contract: Paper | None = None
    grade_sheet: date | None = None
    """The day the grade sheet (hinneteleht), approved by the director, was issued."""


class RoundTable(Model):
    """The learning-support round table's (õpiabi ümarlaud) meetings in one study period (6.3.5)."""

    school: Id
    period: PeriodId
    meetings: list[date] = Field(default_factory=list)


class CouncilRepresentative(Model):
    """The student body's representative on the school council (6.11.3.3): a student of the list
    (`student`) or a person named with a personal code."""

    school: Id
    since: date
    student: Id | None = None
    name: Text | None = None
    personal_code: str | None = None


class Suspension(Model):
    """A decision whose execution the director suspended and sent back to the unit that made it
    (7.4)."""

    decision: Text
    date: date
    until: date
    returned_to: Text | None = None
