"""Serialising the deadline calendar (`cluster calendar`): its JSON document and its table. The
events come from reports/calendar.py; render/ics.py writes the same events as an iCalendar file."""

from __future__ import annotations

from datetime import date

from cluster_cli.i18n import iso_dates, t
from cluster_cli.i18n.words import CALENDAR_EVENT, CALENDAR_KIND, WEEKDAY
from cluster_cli.render.views import View
from cluster_cli.reports.calendar import CalendarReport, Event


def event_text(e: Event, lang: str) -> str:
    """What to do — said to be late where its day has passed (such an event stands on the as-of
    day: still to be done, but past the `due` day it names)."""
    text = t(CALENDAR_EVENT[e.kind], lang, **dict(e.args))
    return t("calendar.overdue", lang, text=text) if overdue(e) else text


def overdue(e: Event) -> bool:
    due = dict(e.args).get("due")
    return isinstance(due, date) and due < e.day


@iso_dates()
def to_document(report: CalendarReport, lang: str) -> dict:
    return {
        "as_of": report.as_of.isoformat(),
        "until": report.until.isoformat(),
        "events": [{
            "date": e.day.isoformat(), "kind": e.kind, "title": t(CALENDAR_KIND[e.kind], lang),
            "clause": e.clause, "subject": e.subject, "student": e.student, "group": e.group,
            "message": event_text(e, lang), "uid": e.uid(report.cluster), "overdue": overdue(e),
        } for e in report.events],
    }


def views(report: CalendarReport, lang: str) -> list:
    return [View("events", "calendar.view.events", [
        ("date", "calendar.col.date"), ("weekday", "calendar.col.weekday"), ("title", "calendar.col.kind"),
        ("subject", "calendar.col.subject"), ("group", "col.group"), ("message", "col.message"),
        ("clause", "col.clause"),
    ], [{
        "date": e.day, "weekday": t(WEEKDAY[e.day.weekday()], lang),
        "title": t(CALENDAR_KIND[e.kind], lang), "subject": e.subject, "group": e.group,
        "message": event_text(e, lang), "clause": e.clause,
    } for e in report.events], kinds={"weekday": "text", "title": "text", "message": "text"},
        compact=("date", "weekday", "title", "message"))]


def title(report: CalendarReport, lang: str) -> str:
    return t("calendar.title", lang, start=report.as_of, end=report.until,
             count=len(report.events))


def empty_reason(report: CalendarReport, lang: str) -> str | None:
    if report.events:
        return None
    return t("empty.calendar", lang, start=report.as_of, end=report.until)
