"""The records of a cluster's data folder (one pydantic model per kind of record).

Field names are English; the Estonian term is given where it helps to match the regulation.
Shape is checked here (types, required fields, enums, dates); everything the regulation says
about the values is checked by the rules in `cluster_cli.regulation.rules`, with its clause.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Annotated, Literal

from pydantic import BeforeValidator, Field

from cluster_cli import vocabulary as V
from cluster_cli.model.admission import Admission, CurriculumChange, StudentCard
from cluster_cli.model.allowances import Application, DisabilityLevel, SchoolDays
from cluster_cli.model.cluster import PaymentAccount
from cluster_cli.model.common import Id, Model, PeriodId, Person, Record, Text
from cluster_cli.model.directives import Directive
from cluster_cli.model.numbers import Int, Money, Number
from cluster_cli.model.support import DevelopmentTalk, IndividualCurriculum, IndividualSchedule, SupportMeasure
from cluster_cli.model.prior_learning import PriorLearning

# --- members -------------------------------------------------------------------------------

MemberKind = Literal[V.MEMBER_KINDS]
Partnership = Literal[V.PARTNERSHIPS]


class Recognition(Model):
    """Recognition as a placement host by the school–company committee (praktikaettevõtete
    tunnustamine, 2.27)."""

    date: date
    decision: Text


class CapacityOffer(Model):
    """Placement places offered for a curriculum over a period."""

    curriculum: Id
    start: date
    end: date
    places: Int = Field(ge=0)


class Offers(Model):
    """What a member offers the cluster (seed 000, activities 7 and 9)."""

    joint_placements: bool = False
    capacity: list[CapacityOffer] = Field(default_factory=list)
    supervisors: list[Person] = Field(default_factory=list)
    tasks: list[Id] = Field(default_factory=list)


class Member(Record):
    """A cluster member (liige): vocational school, company, university or organisation."""

    id: Id
    kind: MemberKind
    name: Text
    registry_code: str | None = None
    country: str = Field(default="EE", pattern=r"^[A-Z]{2}$")
    address: str | None = None
    partnership: Partnership | None = None
    contacts: list[Person] = Field(default_factory=list)
    recognition: Recognition | None = None
    offers: Offers = Field(default_factory=Offers)
    payments: PaymentAccount | None = None
    """A school's own account its students' allowances are paid from (`cluster payments
    --school`); cluster.yaml's `payments:` serves a cluster where one account pays."""
    settlement: str | None = None
    """The settlement (asula) a school is in, written as students' `home_settlement` is (e.g.
    "Vana-Vigala küla"): no travel compensation within it (Lisa 14 2.7, Lisa 13 1.1)."""


# --- practical-task catalogue -------------------------------------------------------------


class TaskTranslation(Model):
    """A catalogue task's texts in English, for the English contracts of placements abroad
    (Lisa 7 12.7.1): `en: {title: …, expected_results: […]}`."""

    title: Text
    expected_results: list[Text] = Field(min_length=1)
    description: str | None = None


class CatalogueTask(Record):
    """An entry of the cluster's list of practical tasks (praktiliste ülesannete loetelu)."""

    id: Id
    title: Text
    curriculum: Id
    modules: list[Id] = Field(min_length=1)
    expected_results: list[Text] = Field(min_length=1)
    description: str | None = None
    en: TaskTranslation | None = None
    """The English texts an English contract prints (title, expected results)."""


# --- curricula -----------------------------------------------------------------------------

CurriculumKind = Literal[V.CURRICULUM_KINDS]
StudyForm = Literal[V.STUDY_FORMS]


class Module(Model):
    """A curriculum module (moodul): core, general (key competences) or elective (3.8.3)."""

    id: Id
    name: Text
    type: Literal["core", "general", "elective"]
    ekap: Number = Field(gt=0)
    practice_ekap: Number = Field(default=Decimal(0), ge=0)
    practical_work_ekap: Number = Field(default=Decimal(0), ge=0)
    distinctive: bool = True
    year: Int | None = Field(default=None, ge=1, le=6)
    final_exam: bool = False
    safety: bool = False
    """The module that gives the first safety and first-aid training (Lisa 8 1)."""
    independent_work_ekap: Number | None = Field(default=None, ge=0)
    """Of the module's volume, the student's independent work (iseseisev töö, 2.10, 3.6.1)."""
    e_course: bool = False
    """Taught as an e-course (e-kursus, 2.5), partly or wholly in an e-learning environment."""
    e_course_approved: date | None = None
    """The day the study director approved (kooskõlastas) the e-course (2.5)."""


class Curriculum(Record):
    """A curriculum (õppekava)."""

    code: Id
    name: Text
    level: Literal[2, 3, 4, 5]
    kind: CurriculumKind
    study_form: StudyForm
    ekap: Number = Field(gt=0)
    nominal_years: Number = Field(gt=0)
    field: Text
    state_funded_places: Int = Field(default=0, ge=0)
    modules: list[Module] = Field(min_length=1)


# --- groups --------------------------------------------------------------------------------


class PracticePeriod(Model):
    """A practice period of the group's schedule (praktikakorralduse kava, Lisa 7 2.5)."""

    module: Id
    start: date
    end: date


class SafetyInstruction(Model):
    """One line of the safety-instruction sheet (Lisa 8 3): the date, the module whose practical
    work it opens (Lisa 8 2; none for the first, general instruction of Lisa 8 1), the instructor."""

    date: date
    module: Id | None = None
    instructor: Text | None = None


class Group(Record):
    """A study group (õppegrupp); its supervisor is the practice coordinator (Lisa 7 2.2)."""

    id: Id
    school: Id
    curriculum: Id
    supervisor: Person
    special_needs: bool = False
    practice_subgroup_size: Int | None = Field(default=None, ge=1)
    practice_periods: list[PracticePeriod] = Field(default_factory=list)
    safety_instructions: list[SafetyInstruction] = Field(default_factory=list)
    """The group's safety-instruction sheet (tööohutusalase instrueerimise leht, Lisa 8 3)."""
    planned_places: Int | None = Field(default=None, ge=0)
    """Places planned for the admission (Lisa 1 II.2)."""
    applications: Int | None = Field(default=None, ge=0)
    """Applicants' applications to the group (sooviavaldused, Lisa 1 II.2)."""


# --- students ------------------------------------------------------------------------------

# A grade is written `4` or `"4"` alike: numbers become text before the choice is checked.
GradeValue = Annotated[
    Literal["5", "4", "3", "2", "A", "MA", "X"],
    BeforeValidator(lambda v: str(v) if isinstance(v, int) and not isinstance(v, bool) else v),
]
GradeKind = Literal[V.GRADE_KINDS]
StatusKind = Literal[V.STUDENT_STATUSES]
LeaveReason = Literal[V.LEAVE_REASONS]
Residence = Literal[V.RESIDENCES]


class Guardian(Model):
    """The legal representative (seaduslik esindaja) of a minor."""

    name: Text
    relation: str | None = None
    """A coded word (`ema`/`mother`, `isa`/`father`, `eestkostja`/`guardian`) or free text."""
    relation_en: str | None = None
    """The relation in English where `relation` is free text (an English contract prints it)."""
    personal_code: str | None = None
    email: str | None = None
    phone: str | None = None


class ForeignDocument(Model):
    country: str = Field(pattern=r"^[A-Z]{2}$")
    number: Text
    kind: str | None = None


class StatusEntry(Model):
    """One stretch of the student's status history."""

    status: StatusKind
    start: date
    end: date | None = None
    reason: LeaveReason | None = None
    evidence: str | None = None
    child_birth_date: date | None = None
    note: str | None = None
    guardian_consent: date | None = None
    """The legal representative's written consent of a minor: to academic leave (6.7.3), to study
    abroad (4.12.5), to the documents of a removal given to the student (6.8.7)."""
    guardian_notified: date | None = None
    """A removal (`expelled`) of a minor: the day the supervisor told the legal representative of
    the intent and its reasons (6.8.6)."""
    documents_to: Literal[V.DOCUMENTS_TO] | None = None
    """A removal of a minor: to whom the documents were given (6.8.7)."""
    supervisor_agreed: date | None = None
    """Academic leave: the day the group supervisor agreed the application (6.7.3)."""
    directive: str | None = None
    """The director's directive (käskkiri) granting the leave or removing the student: its number (6.7.3)."""
    challenge_decided: date | None = None
    """A removal that was challenged (vaie, 7.3): the day the school decided the challenge (7.7)."""


class Grade(Model):
    """A result in the journal. `resit_agreed` is the date the re-sit was agreed with the
    teacher (6.2.2); `cleared` the date a debt was cleared when no new grade records it."""

    module: Id
    topic: str | None = None
    kind: GradeKind
    value: GradeValue
    date: date
    resit_agreed: date | None = None
    cleared: date | None = None
    no_show: bool = False
    graded: bool = True
    """An assessment that is graded (arvestuslik hinne, 2.1); `false` for an ordinary test whose
    negative result is a debt but not an accounting debt."""
    sheet_signed: date | None = None
    """A re-sit result confirmed by the teacher and the student on the re-sit agreement sheet (6.2.4)."""


class Attendance(Model):
    """Attendance in one study period, in lessons (4.7.5: P unexcused, H late, V excused)."""

    period: PeriodId
    lessons: Int = Field(ge=0)
    unexcused: Int = Field(default=0, ge=0)
    late: Int = Field(default=0, ge=0)
    excused: Int = Field(default=0, ge=0)
    reasons_notified: bool = False
    on_placement: Int = Field(default=0, ge=0)
    """Of the unexcused lessons, those on days the student was on a placement: practice, not
    absence, once the placement's contract is valid (`regulation/attendance.py`)."""


class Achievement(Model):
    """Tie-breaks of Lisa 11 IV.3: outstanding results, social activity, competition success."""

    kind: Literal["outstanding_results", "social_activity", "competition"]
    date: date
    description: Text


class Measure(Model):
    """An influence measure applied to the student (6.9.2) and, for a minor, the day the group
    supervisor notified the legal representative of it (6.9.4–6.9.5)."""

    date: date
    kind: Literal[V.MEASURE_KINDS]
    directive: bool = False
    guardian_notified: date | None = None
    note: str | None = None
    allowance: Literal["basic", "special"] | None = None
    """`allowance_stop` (6.9.2.5): the allowance stopped — basic (põhitoetus, default) or special
    (eritoetus)."""
    ineligible: bool = False
    """`allowance_stop`: the student had no right to the allowance and knew or should have known
    (Lisa 11 VII.1; Lisa 12 4.2 also for misuse) — stopped at once, no basic allowance this
    study year and the next."""


class Violation(Model):
    """A recorded violation (Lisa 11 V.6), a ground to refuse or stop the allowance."""

    date: date
    kind: Text
    clause: str | None = None


class Student(Record):
    """A student (õpilane)."""

    id: Id
    first_name: Text
    last_name: Text
    personal_code: str | None = None
    birth_date: date | None = None
    foreign_document: ForeignDocument | None = None
    school: Id
    curriculum: Id
    group: Id
    course: Int = Field(ge=1, le=6)
    study_form: StudyForm | None = None
    start: date
    nominal_end: date
    state_funded: bool = True
    residence: Residence = "citizen"
    iban: str | None = None
    account_owner: Text | None = None
    """The account's owner when it is not the student (a guardian): the payee's name in the
    bank file (`cluster payments`)."""
    email: str | None = None
    phone: str | None = None
    home_settlement: str | None = None
    dormitory: bool = False
    guardian: Guardian | None = None
    special_needs: str | None = None
    individual_curriculum: bool | list[IndividualCurriculum] = False
    """The individual curricula (IÕK, 6.5, Lisa 10), one a study year; `true` in older data."""
    individual_schedule: bool | list[IndividualSchedule] = False
    """The individual study schedules (IÕG, 6.6), one a study year; `true` in older data."""
    student_council: bool = False
    safety_instructions: list[SafetyInstruction] = Field(default_factory=list)
    """Instructions given to the student alone (one who joined later), beside the group's (Lisa 8 3)."""
    status: list[StatusEntry] = Field(min_length=1)
    grades: list[Grade] = Field(default_factory=list)
    attendance: list[Attendance] = Field(default_factory=list)
    applications: list[Application] = Field(default_factory=list)
    achievements: list[Achievement] = Field(default_factory=list)
    violations: list[Violation] = Field(default_factory=list)
    measures: list[Measure] = Field(default_factory=list)
    income_previous_year: Money | None = Field(default=None, ge=0)
    school_days: list[SchoolDays] = Field(default_factory=list)
    disability: DisabilityLevel | None = None
    """Degree of disability (puude raskusaste): eritoetus preference 3.3.7; car compensation
    for a severe or profound disability, Lisa 13 1.2."""
    mobility_disability: bool = False
    """The disability is a mobility disability (liikumispuue) needing special transport (Lisa 13 1.2)."""
    secondary_education: bool = False
    """Has secondary education (keskharidus): no school-lunch support then (6.12.8)."""
    support_measures: list[SupportMeasure] = Field(default_factory=list)
    """Educational support measures (6.4.7–6.4.8)."""
    development_talks: list[DevelopmentTalk] = Field(default_factory=list)
    """Development talks with the group supervisor (Lisa 9)."""
    admission: Admission | None = None
    """The entry: basis, documents, directive (4.1, Lisa 1)."""
    curriculum_changes: list[CurriculumChange] = Field(default_factory=list)
    """Moves from another curriculum of the school (Lisa 1 I.9, II.9, I.13.5)."""
    student_card: StudentCard | None = None
    """The student card (Lisa 2)."""
    prior_learning: list[PriorLearning] = Field(default_factory=list)
    """Applications to recognise prior learning and work experience (VÕTA, Lisa 5)."""
    directives: list[Directive] = Field(default_factory=list)
    """The director's directives about the student (käskkirjad: admission, transfer, abroad, study
    trip, removal …) with the day each was entered in EHIS (4.1.12, 4.4.6, 4.12.3, 6.3.2, 6.8.4)."""
    harid: bool | None = None
    """Has a HarID account for Tahvel (5.3.1.3); None: not recorded."""
    travel_applied: date | None = None
    """The travel-compensation application (avaldus) handed to the group supervisor, once at the
    start of studies or after a change of residence (Lisa 14 3.2)."""

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}"

    @property
    def has_secondary_education(self) -> bool:
        """Secondary education: marked on the student, or the education of their admission."""
        return self.secondary_education or (self.admission is not None and self.admission.education == "secondary")
