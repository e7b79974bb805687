"""The allowance parts of a student's record: applications for the allowances (basic, special,
travel, lunch) with their evidence, journeys and fuel receipts, and the school days attended in
a month. `cluster_cli.model.records` builds the `Student` record from them.
"""

from __future__ import annotations

from datetime import date
from typing import Literal

from pydantic import Field, model_validator

from cluster_cli import vocabulary as V
from cluster_cli.model.common import Model, MonthId, PeriodId
from cluster_cli.model.numbers import Int, Money, Number, rejoin_split_numbers

DisabilityLevel = Literal[V.DISABILITY_LEVELS]
"""Degree of disability (puude raskusaste): keskmine, raske, sügav."""
SpecialGround = Literal[V.SPECIAL_GROUNDS]
EvidenceKind = Literal[V.EVIDENCE_KINDS]


class Evidence(Model):
    """A document an application rests on (tõend, Lisa 12 2.2–2.4; Lisa 13 2.4)."""

    kind: EvidenceKind
    issued: date | None = None
    description: str | None = None


class Journey(Model):
    """One round trip between home and school (1 sõit = 1 edasi-tagasi sõit, Lisa 13 2.1;
    Lisa 14 3.4): its date, the tickets' cost (bus) or the kilometres (car), and whether it was
    the trip home for a public holiday or school holiday (Lisa 14 2.2, 2.3)."""

    date: date
    cost: Money | None = Field(default=None, ge=0)
    km: Number | None = Field(default=None, gt=0)
    holiday: bool = False
    study_place: str | None = None
    """A trip between another study place (a placement, a competition) and the school or home
    (Lisa 14 2.5): compensated only within the budget, once `approved`."""
    approved: date | None = None
    """The study director's approval of a `study_place` trip within the budget (Lisa 14 2.5)."""

    _split_numbers = model_validator(mode="before")(rejoin_split_numbers)


class FuelReceipt(Model):
    """A fuel receipt (kütusetšekk, Lisa 13 2.3): it must be issued in the month compensated."""

    date: date
    amount: Money = Field(gt=0)

    _split_numbers = model_validator(mode="before")(rejoin_split_numbers)


class Application(Model):
    """An allowance application (basic allowance rounds; other kinds by month).

    special (eritoetus, Lisa 12): `grounds` of preference (3.3.1–3.3.8), `evidence` (2.2–2.4),
    `amount_kind` normal / raised / partial / crisis (5.1–5.3) and the `amount` asked for,
    `minor_dependants` in the household (3.3.1), `parent_disability` (3.3.8).
    travel: `mode` bus (Lisa 14: the monthly report with `journeys` and their tickets, or a
    daily commuter's `monthly_pass`, 3.1.2) or car (Lisa 13: `journeys` with km,
    `fuel_receipts`, `car_registration`, `route`, the `no_public_transport` declaration 2.2).
    lunch: the group supervisor's submission (esildis) for the practice period, 6.12.11 — the
    practice `days` in the month and the day the study director `approved` (signed) it."""

    kind: Literal["basic", "special", "travel", "lunch"] = "basic"
    round: PeriodId | None = None
    month: MonthId | None = None
    submitted: date
    grounds: list[SpecialGround] = Field(default_factory=list)
    evidence: list[Evidence] = Field(default_factory=list)
    amount_kind: Literal["normal", "raised", "partial", "crisis"] = "normal"
    amount: Money | None = Field(default=None, ge=0)
    minor_dependants: Int | None = Field(default=None, ge=0)
    parent_disability: DisabilityLevel | None = None
    mode: Literal["bus", "car"] = "bus"
    journeys: list[Journey] = Field(default_factory=list)
    monthly_pass: Money | None = Field(default=None, ge=0)
    fuel_receipts: list[FuelReceipt] = Field(default_factory=list)
    car_registration: str | None = None
    route: str | None = None
    no_public_transport: bool = False
    days: Int | None = Field(default=None, ge=0)
    approved: date | None = None
    checked: date | None = None
    """travel (bus): the day the group supervisor checked the report against the tickets, times
    and route and forwarded it to the study director and accounting (Lisa 14 3.3, 3.5)."""

    _split_numbers = model_validator(mode="before")(rejoin_split_numbers)


class SchoolDays(Model):
    """School days in a month and how many of them the student attended (from Tahvel): the car
    compensation needs 100 % (Lisa 13 3.2, 4); bus trips of daily commuters are per school day
    attended (Lisa 14 2.4, 2.6); school lunch once per school day (6.12.10)."""

    month: MonthId
    days: Int = Field(ge=0)
    attended: Int = Field(ge=0)
