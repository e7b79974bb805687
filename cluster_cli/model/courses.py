"""Adult continuing-education courses (täiskasvanute koolituskursused, Lisa 15): one record per
course in `courses.yaml` — its curriculum (2.3), announcement (3.2), sessions with their signed
attendance sheets (4.2), participants (registration, contact, enrolment, payment, withdrawal,
assessment and certificate) and the safety-instruction sheet (6.3–6.5)."""

from __future__ import annotations

from datetime import date
from typing import Literal

from pydantic import Field

from cluster_cli import vocabulary as V
from cluster_cli.model.common import Id, Model, Record, Text
from cluster_cli.model.numbers import Int, Money, Number, Percent


class CourseHours(Model):
    """2.3.5: the volume in academic hours and its split."""

    contact: Int = Field(default=0, ge=0)
    practical: Int = Field(default=0, ge=0)
    independent: Int = Field(default=0, ge=0)
    practice: Int = Field(default=0, ge=0)


class CourseCurriculum(Model):
    """The course curriculum approved by the director (2.2): the items of 2.3.1–2.3.11."""

    name: Text | None = None
    study_group: Text | None = None
    basis: Text | None = None
    outcomes: list[Text] = Field(default_factory=list)
    entry_conditions: list[Text] = Field(default_factory=list)
    hours: CourseHours | None = None
    content: Text | None = None
    methods: Text | None = None
    environment: Text | None = None
    materials: list[Text] = Field(default_factory=list)
    assessment: Text | None = None
    completion: Text | None = None
    trainer_qualification: Text | None = None


class Trainer(Model):
    name: Text
    qualification: Text | None = None


class Announcement(Model):
    """The course announcement on the school's home page (3.2): what the curriculum does not
    already state. `curriculum_url` is the outcome-based curriculum (3.2.3, 7.1.2)."""

    published: date | None = None
    url: Text | None = None
    curriculum_url: Text | None = None
    quality: Text | None = None
    address: Text | None = None
    target_group: Text | None = None
    e_learning: bool | None = None
    trainers: list[Trainer] = Field(default_factory=list)
    other_costs: Text | None = None
    payment_method: Text | None = None
    payment_deadline: date | None = None
    contact: Text | None = None


class CourseSession(Model):
    """One day of the course: its hours, whether it has practical work (6.3), and the signed
    attendance sheet (4.2): its number or name and who signed it."""

    date: date
    hours: Number | None = Field(default=None, gt=0)
    practical: bool = False
    sheet: Text | None = None
    present: list[Text] = Field(default_factory=list)


class CourseApplication(Model):
    """The application (3.4, 3.5): its date and, for a state-commissioned course, why the course
    is needed and how the learner will use it."""

    date: date
    justification: Text | None = None


class CourseRemoval(Model):
    """Removal from the course by the organiser (3.11)."""

    date: date
    reason: Literal[V.COURSE_REMOVAL_REASONS]


class CourseDocument(Model):
    """The document issued at the end (4.4, 4.5)."""

    kind: Literal[V.COURSE_DOCUMENTS]
    number: Text
    date: date


class CourseParticipant(Model):
    name: Text
    email: Text | None = None
    phone: Text | None = None
    employer: Id | None = None
    """The member company that sends the learner (5.5), by id."""
    registered: date
    application: CourseApplication | None = None
    entry_conditions_met: bool | None = None
    contacted: date | None = None
    enrolled: date | None = None
    invoice: Text | None = None
    paid: date | None = None
    paid_amount: Money | None = Field(default=None, ge=0)
    withdrawn: date | None = None
    """The day the learner's written notice of withdrawal came (5.7)."""
    removed: CourseRemoval | None = None
    absences_notified: list[date] = Field(default_factory=list)
    assessed: date | None = None
    achieved: bool | None = None
    document: CourseDocument | None = None


class CourseCancellation(Model):
    """3.10: the course is cancelled or postponed when the group does not fill; the registered
    are notified at least a day ahead."""

    kind: Literal[V.COURSE_CANCELLATIONS]
    notified: date
    new_start: date | None = None


class CourseDiscount(Model):
    """5.5: a discount of the total price for an employer with more than 3 participants."""

    employer: Id
    percent: Percent = Field(ge=0, le=100)


class CourseSafetyInstruction(Model):
    """A line of the safety-instruction registration sheet (6.4): date and duration, instructor,
    the instructions and acts introduced, the date allowed to work alone, and the learners who
    signed it (6.5)."""

    date: date
    minutes: Int | None = Field(default=None, gt=0)
    instructor: Text | None = None
    instructions: list[Text] = Field(default_factory=list)
    independent_from: date | None = None
    signed: list[Text] = Field(default_factory=list)


class Course(Record):
    """An adult course (Lisa 15)."""

    id: Id
    name: Text
    school: Id
    kind: Literal[V.COURSE_KINDS]
    directive: Text | None = None
    """The director's directive the course is based on (4.1)."""
    fee: Money | None = Field(default=None, ge=0)
    """The fee per participant (paid courses, 5.1)."""
    places: Int | None = Field(default=None, gt=0)
    limit_per_employer: Int | None = Field(default=None, gt=0)
    free_courses_per_year: Int | None = Field(default=None, gt=0)
    start: date
    end: date
    registration_deadline: date | None = None
    curriculum: CourseCurriculum = CourseCurriculum()
    announcement: Announcement | None = None
    sessions: list[CourseSession] = Field(default_factory=list)
    participants: list[CourseParticipant] = Field(default_factory=list)
    cancellation: CourseCancellation | None = None
    discounts: list[CourseDiscount] = Field(default_factory=list)
    safety_instructions: list[CourseSafetyInstruction] = Field(default_factory=list)
