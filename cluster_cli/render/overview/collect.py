"""The overview's data: the JSON documents of the existing reports, as of one date.

Every figure the site shows is read from these documents (members, contract list, debts,
calendar, the three allowances per month, each member's detail); the dataset only lends the
look-ups a page needs to arrange them (a student's group, a group's curriculum, a name).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from cluster_cli.model.dataset import Dataset

CALENDAR_DAYS = 60
"""The calendar page shows the next 60 days."""


@dataclass
class Documents:
    as_of: date
    cluster_name: str
    members: dict
    contracts: dict
    debts: dict
    calendar: dict
    allowances: dict[str, dict[str, dict]]
    """month (YYYY-MM) → {"special", "travel", "lunch"} → the report's JSON document."""
    details: dict[str, dict]
    """member id → `members show`'s JSON document."""
    group_of: dict[str, str] = field(default_factory=dict)
    curriculum_of: dict[str, str] = field(default_factory=dict)
    """group → curriculum code."""
    curriculum_names: dict[str, str] = field(default_factory=dict)
    member_names: dict[str, str] = field(default_factory=dict)
    waiting: dict[str, str] = field(default_factory=dict)
    """placement id → what its contract waits for, in words (render/contract_status.py)."""


def study_year_months(as_of: date) -> list[str]:
    """The months of the study year up to the as-of month: September … the as-of month."""
    year = as_of.year if as_of.month >= 9 else as_of.year - 1
    months, y, m = [], year, 9
    while (y, m) <= (as_of.year, as_of.month):
        months.append(f"{y:04d}-{m:02d}")
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return months


def collect(ds: Dataset, profile, as_of: date, lang: str, show_pii: bool) -> Documents:
    """Run the reports the overview shows and keep their JSON documents."""
    from cluster_cli.render import allowances as allowance_docs
    from cluster_cli.render.calendar import to_document as calendar_document
    from cluster_cli.render.contract_status import list_document, waiting_text
    from cluster_cli.render.debts import to_document as debts_document
    from cluster_cli.render.members import member_document, members_document
    from cluster_cli.reports.calendar import calendar_report
    from cluster_cli.reports.contract_status import contract_list
    from cluster_cli.reports.debts import debt_report
    from cluster_cli.reports.lunch import lunch_report
    from cluster_cli.reports.members import member_detail, members_report
    from cluster_cli.reports.special_allowance import special_report
    from cluster_cli.reports.travel import travel_report

    allowances = {}
    for month in study_year_months(as_of):
        allowances[month] = {
            "special": allowance_docs.special_document(special_report(ds, profile, month), lang, show_pii),
            "travel": allowance_docs.travel_document(travel_report(ds, profile, month), lang, show_pii),
            "lunch": allowance_docs.lunch_document(lunch_report(ds, profile, month), lang, show_pii),
        }
    contracts = contract_list(ds, profile, as_of)
    names = {m.id: m.name for m in ds.members.values()}
    members = members_document(members_report(ds, as_of))
    details = {m["id"]: member_document(member_detail(ds, m["id"], as_of), show_pii) for m in members["members"]}
    return Documents(
        as_of=as_of,
        cluster_name=ds.cluster.name if ds.cluster else "",
        members=members,
        contracts=list_document(contracts),
        debts=debts_document(debt_report(ds, profile, as_of), lang),
        calendar=calendar_document(calendar_report(ds, profile, as_of, CALENDAR_DAYS), lang),
        allowances=allowances,
        details=details,
        group_of={s.id: s.group for s in ds.students.values()},
        curriculum_of={g.id: g.curriculum for g in ds.groups.values()},
        curriculum_names={c.code: str(c.name) for c in ds.curricula.values()},
        member_names=names,
        waiting={r.placement.id: waiting_text(r.state, lang, names, short=True) for r in contracts.rows},
    )
