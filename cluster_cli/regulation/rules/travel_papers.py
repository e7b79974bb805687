"""The papers of the bus travel compensation (Lisa 14): the one-time application at the start of
studies (3.2) and the group supervisor's check of each monthly report (3.3, 3.5).
Judged for the current study year."""

from __future__ import annotations

from datetime import date
from typing import Iterator

from cluster_cli.findings import Finding
from cluster_cli.model.dataset import Dataset
from cluster_cli.regulation.calendar import working_days
from cluster_cli.regulation.facts import add_months
from cluster_cli.regulation.months import month_start
from cluster_cli.regulation.rules.base import Context, at
from cluster_cli.regulation.study_year import current_first_year, study_year


def _bus_reports(ds: Dataset, first: date):
    since = first.replace(day=1)
    for s in ds.records.get("students", []):
        for i, app in enumerate(s.applications):
            if app.kind == "travel" and app.mode == "bus" and app.month and month_start(app.month) >= since:
                yield s, i, app


def travel_application(ds: Dataset, ctx: Context) -> Iterator[Finding]:
    """Lisa 14 3.2: a student hands the group supervisor the travel-compensation application once
    during the studies, at their start (`travel_applied`), before the monthly reports. A bus
    report of this study year with no application on or before it is a warning. (A change of
    residence, which asks for a new application, is not in the data: only the current home
    settlement is kept.)"""
    first = study_year(ctx.profile, current_first_year(ctx.profile, ctx.as_of)).start
    for s, i, app in _bus_reports(ds, first):
        if app.submitted > ctx.as_of:
            continue
        if s.travel_applied is None or s.travel_applied > app.submitted:
            yield at(s, ("applications", i), "travel-application", "Lisa 14 3.2", severity="warning",
                     student=s.id, month=app.month, submitted=app.submitted)


def travel_check(ds: Dataset, ctx: Context) -> Iterator[Finding]:
    """Lisa 14 3.3, 3.5: the group supervisor checks each monthly bus report — tickets, times,
    dates, route — and forwards it to the study director and accounting by the `travel_check_day`
    of the next month (`checked`). Once that day has passed, a report with no check, or one
    checked later, is a warning."""
    first = study_year(ctx.profile, current_first_year(ctx.profile, ctx.as_of)).start
    for s, i, app in _bus_reports(ds, first):
        nxt = add_months(month_start(app.month), 1)
        day = ctx.p("travel_check_day", nxt)
        due = working_days(nxt).on_or_before(nxt.replace(day=day))
        if due >= ctx.as_of:
            continue
        if app.checked is None or app.checked > due:
            yield at(s, ("applications", i), "travel-check", ctx.clause("travel_check_day"), severity="warning",
                     key="travel-check.late" if app.checked else "travel-check", student=s.id,
                     month=app.month, due=due, date=app.checked)
