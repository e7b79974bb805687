"""A student's support (6.4–6.6, Lisa 9, Lisa 10): educational support measures, the individual
curriculum (IÕK), the individual study schedule (IÕG) and the development talks — what the
secretary keeps of them: dates, the directive's number, who agreed, who took part.

The shape is checked here; what the regulation says about the values is in
`cluster_cli.regulation.rules.support`.
"""

from __future__ import annotations

from datetime import date
from typing import Literal

from pydantic import Field

from cluster_cli import vocabulary as V
from cluster_cli.model.common import Id, Model, Text
from cluster_cli.model.numbers import Number


class Directive(Model):
    """The director's directive (käskkiri) that approves a measure: its number and date."""

    number: Text
    date: date


class SupportMeasure(Model):
    """An educational support measure (hariduslik tugimeede, 6.4.7), agreed with the student
    and/or the legal representative and approved by the director's directive (6.4.8)."""

    kind: Literal[V.SUPPORT_MEASURE_KINDS]
    start: date
    end: date | None = None
    hours_per_week: Number | None = Field(default=None, gt=0)
    """Extra hours a week of a pedagogical intervention (6.4.7.5)."""
    intensity: Literal[V.INTERVENTION_INTENSITIES] | None = None
    """A pedagogical intervention: moderate (1–3 h a week) or thorough (4 or more), 6.4.7.5."""
    agreed_with: list[Literal[V.AGREEING_PARTIES]] = Field(default_factory=list)
    agreed: date | None = None
    directive: Directive | None = None
    note: str | None = None


class CurriculumModule(Model):
    """A module of the individual curriculum and its volume there (Lisa 10 7)."""

    module: Id
    ekap: Number | None = Field(default=None, gt=0)


class IndividualCurriculum(Model):
    """An individual curriculum (individuaalne õppekava, IÕK; 6.5, Lisa 10)."""

    initiative: Literal[V.IOK_INITIATIVES]
    """Who applied: the student, a minor's legal representative, or the school (Lisa 10 4–5)."""
    application: date
    """The application to the study director, or the day the school started it (Lisa 10 4–5)."""
    reasons: str | None = None
    grounds: list[Literal[V.IOK_GROUNDS]] = Field(default_factory=list)
    """Health, giftedness, learning difficulties (Lisa 10 3)."""
    support_group_decision: date | None = None
    """The support group's decision (Lisa 10 6: within two weeks of the application)."""
    approved: Directive | None = None
    """The director's approval (6.5.3, Lisa 10 1.3)."""
    start: date | None = None
    end: date | None = None
    modules: list[CurriculumModule] = Field(default_factory=list)
    choices: str | None = None
    completion: str | None = None
    """The requirements for completing it (Lisa 10 7)."""


class ScheduleEnd(Model):
    """An individual schedule ended before its time (6.6.8): the day, why, and the supervisor's
    proposal (esildis) the leading teacher decided on."""

    date: date
    reason: Literal[V.IOG_END_REASONS]
    proposal: date | None = None
    decided_by: str | None = None


class IndividualSchedule(Model):
    """An individual study schedule (individuaalne õppetöögraafik, IÕG; 6.6)."""

    grounds: Literal[V.IOG_GROUNDS]
    """Transfer from another school, health, family or another good reason (6.6.1)."""
    application: date
    agreed_with: list[Text] = Field(default_factory=list)
    """The teachers the schedule was agreed with (6.6.4)."""
    directive: Directive | None = None
    start: date
    end: date
    journal: date | None = None
    """The day the study-department secretary entered it in the journal (6.6.6)."""
    ended: ScheduleEnd | None = None


class TalkMemo(Model):
    """The memo of a development talk (Lisa 9 2, 8.1) and the group folder it is kept in (9.1)."""

    date: date
    folder: Id
    """The group whose folder holds the memo (õppegrupi mapp)."""


class DevelopmentTalk(Model):
    """A development talk (arenguvestlus, Lisa 9) of the group supervisor with the student."""

    date: date
    announced: date | None = None
    """The day the talk was set, which starts the two weeks of preparation (Lisa 9 3.1)."""
    participants: list[Text] = Field(default_factory=list)
    goal_student: str | None = None
    goal_supervisor: str | None = None
    agreement: str | None = None
    """The learning agreement for the study year (Lisa 9 2)."""
    transition_plan: str | None = None
    """A special-needs student's plan for the next study year (Lisa 9 7.1.3)."""
    memo: TalkMemo | None = None
