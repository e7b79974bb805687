"""The cluster's members and its catalogue of practical tasks (`cluster members`, `cluster tasks`).

Seed 000: members are vocational schools, companies, universities and organisations; the
cluster names coordinators and their areas of responsibility (activity 1); companies offer
placements and joint placements (activity 7) and practical tasks with expected results from
the cluster's list (activity 9). Pure functions of (dataset, as-of date) → rows.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from cluster_cli.model.dataset import Dataset
from cluster_cli.model.cluster import Coordinator
from cluster_cli.model.records import CapacityOffer, CatalogueTask, Member
from cluster_cli.model.placements import Placement
from cluster_cli.regulation.rules.paperwork import host_visits

PARTNERSHIP_ORDER = ("strategic", "developing", "everyday", "network")
"""The forms of partnership, closest first (seed 000, the Finnish seeds' forms)."""


def is_recognised(member: Member, on: date) -> bool:
    """Recognised as a placement host by the school–company committee by `on` (2.27)."""
    return member.recognition is not None and member.recognition.date <= on


def offers_for(member: Member, curriculum: str | None, as_of: date) -> list[CapacityOffer]:
    """The member's capacity offers (for one curriculum, or all) that have not ended by `as_of`."""
    return [o for o in member.offers.capacity
            if (curriculum is None or o.curriculum == curriculum) and o.end >= as_of]


def tasks_of(ds: Dataset, member: Member, curriculum: str | None = None) -> list[CatalogueTask]:
    """Catalogue tasks the member offers (for one curriculum, or all), in the member's order."""
    found = [ds.tasks[t] for t in member.offers.tasks if t in ds.tasks]
    return [t for t in found if curriculum is None or t.curriculum == curriculum]


def hosted(ds: Dataset, member_id: str) -> list[Placement]:
    """Placements (cancelled ones too) with the member among their hosts, by start and id."""
    found = [p for p in ds.records.get("placements", []) if any(h.member == member_id for h in p.hosts)]
    return sorted(found, key=lambda p: (p.start, p.id))


@dataclass
class MemberRow:
    member: Member
    recognised: bool
    offers: list[CapacityOffer]
    tasks: list[CatalogueTask]
    coordinators: list[Coordinator]
    placements: int

    @property
    def places(self) -> int:
        return sum(o.places for o in self.offers)

    @property
    def curricula(self) -> list[str]:
        return sorted({o.curriculum for o in self.offers} | {t.curriculum for t in self.tasks})


@dataclass
class MembersReport:
    as_of: date
    curriculum: str | None
    rows: list[MemberRow] = field(default_factory=list)
    coordinators: list[Coordinator] = field(default_factory=list)


def members_report(ds: Dataset, as_of: date, kind: str | None = None, partnership: str | None = None,
                   recognised: bool | None = None, curriculum: str | None = None) -> MembersReport:
    """Members filtered by kind, partnership form, recognition (2.27) on the as-of date, and what
    they offer for a curriculum (places not yet ended, or catalogue tasks of that curriculum).
    Order: kind as in the data model, then id."""
    coordinators = ds.cluster.coordinators if ds.cluster else []
    kinds = ("vocational_school", "company", "university", "organisation")
    rows = []
    for m in sorted(ds.members.values(), key=lambda m: (kinds.index(m.kind), m.id)):
        if kind is not None and m.kind != kind:
            continue
        if partnership is not None and m.partnership != partnership:
            continue
        rec = is_recognised(m, as_of)
        if recognised is not None and rec != recognised:
            continue
        offers = offers_for(m, curriculum, as_of)
        tasks = tasks_of(ds, m, curriculum)
        if curriculum is not None and not offers and not tasks:
            continue
        rows.append(MemberRow(m, rec, offers, tasks, [c for c in coordinators if c.member == m.id],
                              sum(1 for p in hosted(ds, m.id) if p.status != "cancelled")))
    listed = {r.member.id for r in rows}
    return MembersReport(as_of, curriculum, rows, [c for c in coordinators if c.member in listed])


# --- one member ------------------------------------------------------------------------------


@dataclass
class MemberDetail:
    member: Member
    as_of: date
    recognised: bool
    coordinators: list[Coordinator]
    tasks: list[CatalogueTask]
    placements: list[Placement]
    visits: dict[str, int] = field(default_factory=dict)
    """Visits to this member per placement id (Lisa 7 6.1)."""
    visited: int = 0
    """Of the placements hosted here that have ended (not cancelled), how many had a visit."""
    ended: int = 0


def member_detail(ds: Dataset, member_id: str, as_of: date) -> MemberDetail:
    """The member with the placements it hosts and the statistics of the host visits (Lisa 7
    6.1): visits per placement, and how many of the ended placements were visited."""
    m = ds.members[member_id]
    coordinators = [c for c in (ds.cluster.coordinators if ds.cluster else []) if c.member == m.id]
    placements = hosted(ds, m.id)
    visits = {p.id: len(host_visits(p, m.id)) for p in placements}
    ended = [p for p in placements if p.status != "cancelled" and p.end < as_of]
    return MemberDetail(m, as_of, is_recognised(m, as_of), coordinators, tasks_of(ds, m), placements, visits,
                        sum(1 for p in ended if visits[p.id]), len(ended))


# --- the catalogue of practical tasks (activity 9) -------------------------------------------


@dataclass
class TaskRow:
    task: CatalogueTask
    offered_by: list[str]


def task_rows(ds: Dataset, curriculum: str | None = None, module: str | None = None,
              member: str | None = None) -> list[TaskRow]:
    """Catalogue tasks with the members that offer them, filtered by curriculum, module and
    member; in the catalogue's own order (the list is the cluster's framework, activity 9)."""
    offering: dict[str, list[str]] = {}
    for m in sorted(ds.members.values(), key=lambda m: m.id):
        for tid in m.offers.tasks:
            offering.setdefault(tid, [])
            if m.id not in offering[tid]:
                offering[tid].append(m.id)
    rows = []
    for task in ds.tasks.values():
        if curriculum is not None and task.curriculum != curriculum:
            continue
        if module is not None and module not in task.modules:
            continue
        by = offering.get(task.id, [])
        if member is not None and member not in by:
            continue
        rows.append(TaskRow(task, by))
    return rows
