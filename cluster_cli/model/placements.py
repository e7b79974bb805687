"""Placement records (praktikaleping): hosts, plan, consent, grade, paperwork, visits, the
contract's history, signatures and amendments."""

from __future__ import annotations

from datetime import date
from typing import Literal

from pydantic import Field

from cluster_cli import vocabulary as V
from cluster_cli.i18n import LANGUAGES
from cluster_cli.model.common import Id, Model, Person, Record, Text
from cluster_cli.model.numbers import Int, Number
from cluster_cli.model.records import GradeValue

# --- placements ----------------------------------------------------------------------------

PlacementKind = Literal[V.PLACEMENT_KINDS]
PlacementStatus = Literal[V.PLACEMENT_STATUSES]
CancelReason = Literal[V.CANCEL_REASONS]


class TaskRef(Model):
    """A practice task: a catalogue entry (`catalogue: T-WEB-01`) or an individual task text."""

    catalogue: Id | None = None
    text: str | None = None


class PlacementHost(Model):
    """One host of a placement; several hosts in turn make a joint placement (ühispraktika)."""

    member: Id
    start: date
    end: date
    hours: Int | None = Field(default=None, gt=0)
    supervisor: Person | None = None
    tasks: list[TaskRef] = Field(default_factory=list)


class PracticePlan(Model):
    """The individual practice plan (individuaalne praktikakava, Lisa 7 2.6, 5.7)."""

    goal: str | None = None
    tasks: list[Text] = Field(default_factory=list)
    studies_completed: list[Text] = Field(default_factory=list)
    expected_outcomes: list[Text] = Field(default_factory=list)
    special_needs_notes: str | None = None


class Consent(Model):
    """The legal representative's written consent (4.12.5)."""

    date: date
    document: Text
    document_en: str | None = None
    """The consent document described in English (an English contract prints it)."""


class DebtOverride(Model):
    """An explicit, recorded decision to let a placement go ahead despite open debts (6.2.3)."""

    by: Text
    reason: Text
    date: date


class PlacementGrade(Model):
    """The grade components of Lisa 7 9.3.4."""

    diary: bool | None = None
    host_grade: GradeValue | None = None
    report: bool | None = None
    defense_date: date | None = None
    committee: list[Text] = Field(default_factory=list)
    final: GradeValue | None = None
    entered: date | None = None
    """The practice grade and the report's grade entered in the group's practice diary in Tahvel
    (Lisa 7 4.8, 4.7.9)."""
    repeat_defense: date | None = None
    """The repeat defense set by the leading teacher (Lisa 7 9.3.5)."""


class PlacementDocuments(Model):
    """The paperwork of a placement, each a date (Lisa 7 4.2, 4.6, 7.2, 5.10)."""

    given: date | None = None
    """The practice documents handed to the student before the start (Lisa 7 4.2)."""
    returned: date | None = None
    """Contract, report and diary collected after the end (Lisa 7 4.6)."""
    diary_checked: date | None = None
    """The secretary checked the diary on the student's return (Lisa 7 7.2)."""
    summary_report: date | None = None
    """The summary report (praktika koondaruanne) made after the defense (Lisa 7 5.10)."""
    feedback: date | None = None
    """The host supervisor's summary feedback and assessment handed in (Lisa 7 12.7.5, 12.7.6)."""


class Suitability(Model):
    """The school's check of a place the student found (Lisa 7 1.3.1, 5.8): learning outcomes
    reachable, safety and health protected."""

    date: date
    by: Text
    note: str | None = None


class Visit(Model):
    """A visit to the host during the placement (Lisa 7 6.1)."""

    date: date
    member: Id | None = None
    """The host visited (a joint placement); default the placement's first host."""
    by: Text | None = None
    note: str | None = None


class StatusChange(Model):
    """One recorded transition of the contract's status (`contracts status --set`)."""

    status: PlacementStatus
    date: date
    reason: CancelReason | None = None
    """Why a contract was cancelled (required for `cancelled`)."""
    note: str | None = None


class Signature(Model):
    """One party's signature of the contract: digital (DigiDoc) or on paper, with its date."""

    party: Literal[V.SIGNING_PARTIES]
    member: Id | None = None
    """The host member that signed (for `party: host`)."""
    date: date
    method: Literal[V.SIGNATURE_METHODS] = "digital"
    name: str | None = None
    """The signer as the certificate or the paper names them."""


class Amendment(Model):
    """A recorded amendment (lepingu lisa) to a signed contract, numbered per contract."""

    number: Int = Field(ge=1)
    date: date
    terms: list[Text] = Field(min_length=1)
    """The names of the changed terms (dates, hours, hosts, supervisors, tasks, …)."""
    file: str | None = None
    signed: date | None = None
    """When the amendment was signed by every party (`contracts sign ID --amendment N`); None:
    not yet — the contract waits for it."""


class Placement(Record):
    """A placement (praktika) and the data of its tripartite contract (praktikaleping)."""

    id: Id
    student: Id
    modules: list[Id] = Field(min_length=1)
    kind: PlacementKind
    mobility_project: bool = False
    status: PlacementStatus = "draft"
    start: date
    end: date
    hours: Int | None = Field(default=None, gt=0)
    ekap: Number | None = Field(default=None, gt=0)
    place: str | None = None
    address: str | None = None
    country: str = Field(default="EE", pattern=r"^[A-Z]{2}$")
    hosts: list[PlacementHost] = Field(min_length=1)
    school_supervisor: Person | None = None
    coordinator: Person | None = None
    tasks: list[TaskRef] = Field(default_factory=list)
    plan: PracticePlan | None = None
    language: Literal[LANGUAGES] = "et"
    guardian_consent: Consent | None = None
    data_received: date | None = None
    debt_override: DebtOverride | None = None
    grade: PlacementGrade | None = None
    documents: PlacementDocuments | None = None
    visits: list[Visit] = Field(default_factory=list)
    history: list[StatusChange] = Field(default_factory=list)
    signatures: list[Signature] = Field(default_factory=list)
    amendments: list[Amendment] = Field(default_factory=list)
    self_found: bool = False
    """The student found the place (Lisa 7 1.3.1; abroad 12.7.1, 12.7.6)."""
    suitability: Suitability | None = None
    host_contacted: date | None = None
    """The day the student contacted the approved host (Lisa 7 8.3: ≥ 2 weeks before the start)."""
