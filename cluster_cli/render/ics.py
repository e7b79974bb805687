"""The deadline calendar as an iCalendar file (RFC 5545) for the secretary's calendar program.

Built with the `icalendar` library. Every deadline is an all-day event (DTSTART as a DATE,
DTEND the next day); its UID is derived from what the event is about — not from its date — so a
re-import updates a moved deadline instead of duplicating it; DTSTAMP is pinned to the as-of date
so that the same data give the same bytes.

A calendar is often shared: students' names (personal data) go into the events only with
`--show-pii`; otherwise a student is named by id (`calendar.ics.event.*`, the same sentences
without the name). The other texts of an event name no person: ids, modules, dates, the host
organisations.
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from cluster_cli.i18n.words import CALENDAR_ICS_EVENT, CALENDAR_KIND
from cluster_cli.render.calendar import event_text
from cluster_cli.render.files import for_people
from cluster_cli.reports.calendar import CalendarReport, Event


# The event kinds whose text names a student (the `name` argument of calendar.event.*).
NAMED = ("debt-agree", "debt-clear", "leave-return", "signatures", "prior-decide")


def description(e: Event, lang: str, show_pii: bool) -> str:
    """What the event says, with the student's name only when personal data may be shown."""
    from cluster_cli.i18n import t

    if show_pii or e.kind not in NAMED:
        return event_text(e, lang)
    return t(CALENDAR_ICS_EVENT[e.kind], lang, **{k: v for k, v in e.args if k not in ("name", "missing")})


def ics_bytes(report: CalendarReport, lang: str, show_pii: bool = False) -> bytes:
    from icalendar import Calendar, Event

    from cluster_cli.i18n import t

    cal = Calendar()
    cal.add("prodid", "-//cluster_cli//cluster calendar//" + lang.upper())
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    name = t("calendar.ics.name", lang, cluster=report.cluster or "cluster")
    cal.add("x-wr-calname", name)
    stamp = datetime(report.as_of.year, report.as_of.month, report.as_of.day, tzinfo=timezone.utc)
    for e in report.events:
        ev = Event()
        ev.add("uid", e.uid(report.cluster))
        ev.add("dtstamp", stamp)
        ev.add("dtstart", e.day)
        ev.add("dtend", e.day + timedelta(days=1))
        ev.add("summary", f"{t(CALENDAR_KIND[e.kind], lang)}: {for_people(e.subject, lang)}")
        ev.add("description", f"{description(e, lang, show_pii)} ({e.clause})")
        ev.add("categories", [t(CALENDAR_KIND[e.kind], lang)])
        ev.add("transp", "TRANSPARENT")  # a deadline, not a meeting: it does not block the day
        cal.add_component(ev)
    return cal.to_ical()
