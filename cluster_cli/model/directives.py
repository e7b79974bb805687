"""The director's directives (käskkirjad) about a student, as the study department's secretary
records them: the admission (4.1.12, 4.1.15), transfers (6.3.2, 6.7.6), study abroad (4.12.3),
study trips (4.4.6), the removal (6.8.4), each with the day the change was entered in EHIS."""

from __future__ import annotations

from datetime import date
from typing import Literal

from pydantic import Field

from cluster_cli.model.common import Model, Text

DirectiveKind = Literal["admission", "transfer", "conditional_transfer", "abroad", "study_trip", "removal",
                        "academic_leave", "other"]


class Directive(Model):
    """One directive: its number and date, what it decides, the period and place it names."""

    number: Text
    date: date
    kind: DirectiveKind
    start: date | None = None
    """The period the directive sets (study abroad, a study trip, a leave)."""
    end: date | None = None
    place: str | None = None
    """Where the student goes: the school abroad (4.12.3), the study trip's destination (4.4.6)."""
    ehis: date | None = None
    """The day the change was entered in EHIS (4.1.12, 6.8.4)."""
    application: date | None = None
    """A mid-year admission: the day the student's application came in (4.1.15)."""
    documents: date | None = None
    """A mid-year admission: the day the compulsory documents were complete (4.1.15)."""
    study_director_consent: date | None = None
    """A mid-year admission: the study director's consent (4.1.15; the director's is the directive)."""
    submission: date | None = None
    """A conditional transfer: the study director's submission (esildis) it is based on (6.3.2)."""
    agreed_with: list[Literal["student", "guardian", "study_director"]] = Field(default_factory=list)
    """A study trip: with whom it was agreed (4.4.6)."""
    note: str | None = None
