"""The cluster's own file (`cluster.yaml`): its name, coordinators, language, regulation profile,
the study calendar its schools share, the allowance rounds and committee, and the account the
allowances are paid from.
"""

from __future__ import annotations

from datetime import date
from typing import Literal

from pydantic import Field

from cluster_cli import vocabulary as V
from cluster_cli.i18n import LANGUAGES
from cluster_cli.model.admission import AdmissionCommittee
from cluster_cli.model.common import Id, Model, PeriodId, Record, Text
from cluster_cli.model.prior_learning import PriorLearningCommittee
from cluster_cli.model.exams import Exam
from cluster_cli.model.governance import CouncilRepresentative, FeeDecision, GuestStudent, RoundTable, Suspension


class Coordinator(Model):
    """A cluster coordinator (koordinaator) and their areas of responsibility (seed 000, activity 1)."""

    name: Text
    member: Id
    areas: list[Text] = Field(min_length=1)
    email: str | None = None
    phone: str | None = None


class StudyPeriod(Model):
    """A study period (õppeperiood, half-year, 2.43): `2026-autumn` or `2027-spring`."""

    id: PeriodId
    start: date
    end: date


class SchoolHoliday(Model):
    """A school holiday (koolivaheaeg); grant results are fixed before it (6.12.4)."""

    name: Text
    start: date
    end: date


class GrantRoundSettings(Model):
    """Dates of a basic-allowance round the school sets itself: the day results are fixed
    (6.12.4: five days before the school holiday) and the window of grades that counts."""

    id: PeriodId
    results_fixed: date | None = None
    window_start: date | None = None


class PaymentAccount(Model):
    """The account allowances are paid from (maksja, `cluster payments`): the payer's name, IBAN
    and BIC as the bank knows them — the debtor of the SEPA credit-transfer file (pain.001)."""

    name: Text = Field(max_length=70)
    iban: Text
    bic: str | None = Field(default=None, pattern=r"^[A-Z]{6}[A-Z0-9]{2}([A-Z0-9]{3})?$")
    school: Id | None = None
    """The member school whose account this is: each school pays its own students, so the file
    holds only this school's; None pays every student of the cluster from it."""


class CommitteeMeeting(Model):
    """A meeting of the allowance committee that decides a basic-allowance round (Lisa 11 V.1)."""

    round: PeriodId
    date: date
    place: Text | None = None


class GrantCommittee(Model):
    """The allowance committee (stipendiumikomisjon): who sits on it and when it meets — the
    protocol draft of `cluster grants pack` names them and leaves them a signature line."""

    chair: Text
    members: list[Text] = Field(default_factory=list)
    secretary: Text | None = None
    meetings: list[CommitteeMeeting] = Field(default_factory=list)


class Cluster(Record):
    """The cluster (klaster): name, coordinators, default language, regulation profile, the
    study calendar its schools share (study periods and school holidays), the CSV dialect, the
    account allowances are paid from (`payments`)."""

    name: Text
    language: Literal[LANGUAGES] = "et"
    profile: Id = "vvttk"
    coordinators: list[Coordinator] = Field(default_factory=list)
    meetings: list[date] = Field(default_factory=list)
    periods: list[StudyPeriod] = Field(default_factory=list)
    school_holidays: list[SchoolHoliday] = Field(default_factory=list)
    grant_rounds: list[GrantRoundSettings] = Field(default_factory=list)
    grant_committee: GrantCommittee | None = None
    csv_dialect: Literal[V.CSV_DIALECTS] = "rfc4180"  # --csv-dialect's default
    payments: PaymentAccount | None = None
    admission_committees: list[AdmissionCommittee] = Field(default_factory=list)
    """Each school's admission committee, one entry per mandate (Lisa 1 I.4)."""
    prior_learning_committees: list[PriorLearningCommittee] = Field(default_factory=list)
    """Each school's VÕTA committee (Lisa 5 III.1–III.2)."""
    exams: list[Exam] = Field(default_factory=list)
    """Final, professional and transition exams: schedule, committee, protocol, sittings (Lisa 3 III, Lisa 4)."""
    fee_decisions: list[FeeDecision] = Field(default_factory=list)
    """The school councils' fee rates for places outside state funding (2.37)."""
    guest_students: list[GuestStudent] = Field(default_factory=list)
    """Guest students, who are not on the student list (4.12.8–4.12.10)."""
    round_tables: list[RoundTable] = Field(default_factory=list)
    """The learning-support round table's meetings per school and period (6.3.5)."""
    council_representatives: list[CouncilRepresentative] = Field(default_factory=list)
    """The student body's representatives on the school councils (6.11.3.3)."""
    suspended_decisions: list[Suspension] = Field(default_factory=list)
    """Decisions the director suspended for a new review (7.4)."""
