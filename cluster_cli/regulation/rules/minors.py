"""Minors' consents and notices (issue 21, item 8). Whether the student is a minor is judged on
the day of the step (the leave's or the stay abroad's start, the removal, the measure), with
`adult_age`; a student whose age cannot be known (no valid code, no birth date) is not judged —
rule `personal-code` asks for it.

- `minor-consent` — 6.7.3: a minor's application for academic leave has the legal
  representative's consent; 4.12.5: so does a minor's going abroad to study (status `abroad`; a
  placement abroad is rule `abroad`). The consent (`guardian_consent`) is dated on or before the
  start.
- `minor-notice` — 6.8.6: before a minor is removed from the student list (status `expelled`),
  the supervisor tells the legal representative of the intent and the reasons
  (`guardian_notified`, on or before the removal); 6.8.7: the documents go to the legal
  representative, or to the student with their written consent (`documents_to`,
  `guardian_consent`); 6.9.4–6.9.5: the legal representative of a minor is notified of every
  influence measure (`measures[].guardian_notified`).
"""

from __future__ import annotations

from typing import Iterator

from cluster_cli.findings import Finding
from cluster_cli.i18n import N_, Phrase
from cluster_cli.model.dataset import Dataset
from cluster_cli.regulation.facts import is_minor
from cluster_cli.regulation.rules.base import Context, at

# 6.9.2.1–6.9.2.9: the measure's name in a message
MEASURE_WORD = {
    "department_discussion": N_("measure.department_discussion"),
    "support_discussion": N_("measure.support_discussion"),
    "director_discussion": N_("measure.director_discussion"),
    "reprimand": N_("measure.reprimand"),
    "allowance_stop": N_("measure.allowance_stop"),
    "probation": N_("measure.probation"),
    "dormitory_removal": N_("measure.dormitory_removal"),
    "conditional_removal": N_("measure.conditional_removal"),
    "removal": N_("measure.removal"),
}
# the consent each status needs from a minor's legal representative: (clause, message key)
CONSENT = {
    "academic_leave": ("6.7.3", N_("minor-consent.leave")),
    "abroad": ("4.12.5", N_("minor-consent.abroad")),
}


def minor_consent(ds: Dataset, ctx: Context) -> Iterator[Finding]:
    """6.7.3, 4.12.5: academic leave and study abroad of a minor need the legal representative's
    written consent, given by the start."""
    for s in ds.records.get("students", []):
        for i, e in enumerate(s.status):
            if e.status not in CONSENT or not is_minor(s, e.start, ctx.p("adult_age", e.start)):
                continue
            clause, key = CONSENT[e.status]
            if e.guardian_consent is None:
                yield at(s, ("status", i, "status"), "minor-consent", clause, severity="warning", key=key,
                         student=s.id, start=e.start)
            elif e.guardian_consent > e.start:
                yield at(s, ("status", i, "guardian_consent"), "minor-consent", clause, severity="warning",
                         key="minor-consent.late", student=s.id, consent=e.guardian_consent, start=e.start)


def minor_notice(ds: Dataset, ctx: Context) -> Iterator[Finding]:
    """6.8.6–6.8.7: a minor's removal is announced to the legal representative beforehand and its
    documents go to them (or to the student with their written consent); 6.9.4–6.9.5: they are
    notified of every influence measure."""
    for s in ds.records.get("students", []):
        for i, e in enumerate(s.status):
            if e.status != "expelled" or not is_minor(s, e.start, ctx.p("adult_age", e.start)):
                continue
            if e.guardian_notified is None or e.guardian_notified > e.start:
                yield at(s, ("status", i, "guardian_notified" if e.guardian_notified else "status"), "minor-notice",
                         "6.8.6", severity="warning", key="minor-notice.removal", student=s.id, start=e.start)
            if e.documents_to is None:
                yield at(s, ("status", i, "status"), "minor-notice", "6.8.7", severity="warning",
                         key="minor-notice.documents", student=s.id, start=e.start)
            elif e.documents_to == "student" and e.guardian_consent is None:
                yield at(s, ("status", i, "documents_to"), "minor-notice", "6.8.7", severity="warning",
                         key="minor-notice.documents-consent", student=s.id, start=e.start)
        for i, m in enumerate(s.measures):
            if m.guardian_notified is None and is_minor(s, m.date, ctx.p("adult_age", m.date)):
                yield at(s, ("measures", i, "kind"), "minor-notice", "6.9.5" if m.directive else "6.9.4",
                         severity="warning", key="minor-notice.measure", student=s.id, date=m.date,
                         measure=Phrase(MEASURE_WORD[m.kind]))
