"""The development talks due (Lisa 9 4.1), beside reports/calendar.py.

A special-needs student has a talk once a study year, at the year's end (due on the study year's
last day); every other student at least in the first study year, on arrival (due within that
year — the regulation gives no earlier day), and before graduation (due by the study end, the
nominal end moved by the leave taken, 6.7.6). A talk recorded in `development_talks` within the
year (since the start, for a first-year) settles it. Students studying on the as-of date, for
each study year the calendar's days touch; for each student and year the earliest due — then
one event per study group, day and reason: how many and who (by id: a shared calendar carries no
names), never a row per student.
"""

from __future__ import annotations

from datetime import date

from cluster_cli.i18n import N_, Phrase
from cluster_cli.model.dataset import Dataset
from cluster_cli.regulation.profile import Profile

KINDS = ("development-talk",)
# why a talk is due, in the order they are tried
REASON = {"special-needs": N_("calendar.talk.special-needs"), "graduation": N_("calendar.talk.graduation"),
          "first-year": N_("calendar.talk.first-year")}


def talk_events(ds: Dataset, profile: Profile, as_of: date, until: date, event) -> list:
    """`event` is reports.calendar.Event (passed in: that module imports this one)."""
    from cluster_cli.regulation.facts import status_on, study_end
    from cluster_cli.regulation.rules.support import has_special_needs
    from cluster_cli.regulation.study_year import current_first_year, study_year

    due_by: dict[tuple, list[str]] = {}
    for first in range(current_first_year(profile, as_of), current_first_year(profile, until) + 1):
        year = study_year(profile, first)
        for s in sorted(ds.students.values(), key=lambda s: s.id):
            st = status_on(s, as_of)
            if st is None or st.status != "active":
                continue
            held = [t.date for t in s.development_talks if year.start <= t.date <= year.end]
            due: list[tuple[date, str]] = []
            if has_special_needs(ds, s) and not held:
                due.append((year.end, "special-needs"))
            end = study_end(s)
            if year.start <= end <= year.end and not any(d <= end for d in held):
                due.append((end, "graduation"))
            if year.start <= s.start <= year.end and not any(d >= s.start for d in held):
                due.append((year.end, "first-year"))
            if not due:
                continue
            day, why = min(due, key=lambda d: (d[0], list(REASON).index(d[1])))
            due_by.setdefault((s.group, year.first_year, year.label, day, why), []).append(s.id)
    out = []
    for (group, first, label, day, why), ids in sorted(due_by.items()):
        out.append(event(day, "development-talk", "Lisa 9 4.1", f"{group}|{first}|{why}", group, None, group,
                         (("group", group), ("year", label), ("count", len(ids)), ("students", ", ".join(ids)),
                          ("why", Phrase(REASON[why])))))
    return out
