"""Serialising the members reports (`cluster members list|show`, `cluster tasks`): their JSON
documents and their tables. The rows come from reports/members.py."""

from __future__ import annotations

from cluster_cli.i18n import N_, t
from cluster_cli.findings import mask
from cluster_cli.i18n.words import MEMBER_KIND, PARTNERSHIP, PLACEMENT_STATUS
from cluster_cli.model.cluster import Coordinator
from cluster_cli.model.records import CapacityOffer
from cluster_cli.render.views import View
from cluster_cli.reports.members import MemberDetail, MembersReport, TaskRow


def _partnership(value: str | None, lang: str) -> str:
    return t(PARTNERSHIP[value], lang) if value else ""


def _kind(value: str, lang: str) -> str:
    return t(MEMBER_KIND[value], lang)


def _coordinator_doc(c: Coordinator) -> dict:
    return {"name": c.name, "member": c.member, "areas": list(c.areas), "email": c.email, "phone": c.phone}


def _offer_doc(o: CapacityOffer) -> dict:
    return {"curriculum": o.curriculum, "start": o.start.isoformat(), "end": o.end.isoformat(), "places": o.places}


def members_document(report: MembersReport) -> dict:
    return {
        "as_of": report.as_of.isoformat(),
        "curriculum": report.curriculum,
        "members": [{
            "id": r.member.id, "kind": r.member.kind, "name": r.member.name, "country": r.member.country,
            "partnership": r.member.partnership, "recognised": r.recognised,
            "recognition": None if r.member.recognition is None else {
                "date": r.member.recognition.date.isoformat(), "decision": r.member.recognition.decision},
            "joint_placements": r.member.offers.joint_placements,
            "places": r.places, "curricula": r.curricula,
            "offers": [_offer_doc(o) for o in r.offers],
            "tasks": [t.id for t in r.tasks],
            "coordinators": [c.name for c in r.coordinators],
            "placements": r.placements,
        } for r in report.rows],
        "coordinators": [_coordinator_doc(c) for c in report.coordinators],
    }


def members_title(report: MembersReport, lang: str) -> str:
    return t("members.title", lang, date=report.as_of, count=len(report.rows))


PERSON_KINDS = {"email": "email", "phone": "phone", "role": "text"}


def coordinator_view(coordinators: list[Coordinator]):
    return View("coordinators", "members.view.coordinators", [
        ("name", "col.name"), ("member", "members.col.member"), ("areas", "members.col.areas"),
        ("email", "members.col.email"), ("phone", "members.col.phone"),
    ], [{"name": c.name, "member": c.member, "areas": list(c.areas), "email": c.email, "phone": c.phone}
        for c in coordinators], kinds={"email": "email", "phone": "phone", "areas": "text"},
        compact=("name", "member", "email", "phone"))


def members_views(report: MembersReport, lang: str) -> list:
    """members (one row each), offers (places not yet ended), coordinators (activity 1)."""
    rows = [{
        "id": r.member.id, "kind": _kind(r.member.kind, lang), "name": r.member.name, "country": r.member.country,
        "partnership": _partnership(r.member.partnership, lang),
        "recognised": r.member.recognition.date if r.recognised else None,
        "joint": r.member.offers.joint_placements, "places": r.places or None, "curricula": r.curricula,
        "tasks": len(r.tasks) or None, "placements": r.placements or None,
    } for r in report.rows]
    members = View("members", "members.view.members", [
        ("id", "members.col.id"), ("name", "col.name"), ("kind", "members.col.kind"),
        ("country", "members.col.country"), ("partnership", "members.col.partnership"),
        ("recognised", "members.col.recognised"), ("joint", "members.col.joint"), ("places", "members.col.places"),
        ("curricula", "members.col.curricula"), ("tasks", "members.col.tasks"),
        ("placements", "members.col.placements"),
    ], rows, kinds={"kind": "text", "partnership": "text"},
        compact=("id", "name", "kind", "recognised", "places"))
    offers = View("offers", "members.view.offers", [
        ("member", "members.col.member"), ("curriculum", "col.curriculum"), ("start", "members.col.start"),
        ("end", "members.col.end"), ("places", "members.col.places"),
    ], [{"member": r.member.id, "curriculum": o.curriculum, "start": o.start, "end": o.end, "places": o.places}
        for r in report.rows for o in sorted(r.offers, key=lambda o: (o.start, o.curriculum, o.end))])
    return [members, offers, coordinator_view(report.coordinators)]


# --- one member ------------------------------------------------------------------------------


def _person_doc(p, show_pii: bool) -> dict:
    """A contact or supervisor for JSON: a signer's personal code masked unless `show_pii`."""
    doc = p.model_dump(exclude_none=True)
    if "personal_code" in doc and not show_pii:
        doc["personal_code"] = mask(doc["personal_code"])
    return doc


def member_document(d: MemberDetail, show_pii: bool = False) -> dict:
    m = d.member
    return {
        "as_of": d.as_of.isoformat(),
        "id": m.id, "kind": m.kind, "name": m.name, "registry_code": m.registry_code, "country": m.country,
        "address": m.address, "partnership": m.partnership, "recognised": d.recognised,
        "recognition": None if m.recognition is None else {
            "date": m.recognition.date.isoformat(), "decision": m.recognition.decision},
        "contacts": [_person_doc(p, show_pii) for p in m.contacts],
        "coordinators": [_coordinator_doc(c) for c in d.coordinators],
        "joint_placements": m.offers.joint_placements,
        "offers": [_offer_doc(o) for o in m.offers.capacity],
        "supervisors": [_person_doc(p, show_pii) for p in m.offers.supervisors],
        "tasks": [{"id": t.id, "title": t.title, "curriculum": t.curriculum, "modules": list(t.modules)}
                  for t in d.tasks],
        "placements": [{"id": p.id, "student": p.student, "status": p.status, "start": p.start.isoformat(),
                        "end": p.end.isoformat(), "joint": len(p.hosts) > 1, "visits": d.visits.get(p.id, 0)}
                       for p in d.placements],
        "host_visits": {"ended": d.ended, "visited": d.visited, "visits": sum(d.visits.values())},
    }


def member_title(d: MemberDetail, lang: str) -> str:
    return t("members.title.show", lang, id=d.member.id, name=d.member.name, date=d.as_of)


def member_views(d: MemberDetail, lang: str) -> list:
    """member (field–value), contacts, coordinators, offers, supervisors, tasks, placements."""
    m = d.member
    rec = m.recognition
    facts = [
        (N_("members.col.id"), m.id), (N_("members.col.kind"), _kind(m.kind, lang)), (N_("col.name"), m.name),
        (N_("members.col.registry_code"), m.registry_code), (N_("members.col.country"), m.country),
        (N_("members.col.address"), m.address), (N_("members.col.partnership"), _partnership(m.partnership, lang)),
        (N_("members.col.recognised"), t("members.recognised", lang, date=rec.date, decision=rec.decision)
         if rec is not None else t("members.not-recognised", lang)),
        (N_("members.col.joint"), m.offers.joint_placements),
        (N_("members.col.host-visits"), t("members.visits", lang, visited=d.visited, ended=d.ended,
                                     visits=sum(d.visits.values()))),
    ]
    person_cols = [("name", N_("col.name")), ("role", N_("members.col.role")), ("email", N_("members.col.email")),
                   ("phone", N_("members.col.phone"))]
    return [
        View("member", "members.view.member", [("field", "members.col.field"), ("value", "members.col.value")],
             [{"field": t(k, lang), "value": v} for k, v in facts], kinds={"field": "text", "value": "text"}),
        View("contacts", "members.view.contacts", person_cols, [p.model_dump() for p in m.contacts],
             kinds=PERSON_KINDS),
        coordinator_view(d.coordinators),
        View("offers", "members.view.offers", [
            ("curriculum", "col.curriculum"), ("start", "members.col.start"), ("end", "members.col.end"),
            ("places", "members.col.places"),
        ], [{"curriculum": o.curriculum, "start": o.start, "end": o.end, "places": o.places}
            for o in sorted(m.offers.capacity, key=lambda o: (o.start, o.curriculum, o.end))]),
        View("supervisors", "members.view.supervisors", person_cols, [p.model_dump() for p in m.offers.supervisors],
             kinds=PERSON_KINDS),
        View("tasks", "members.view.tasks", [
            ("id", "members.col.id"), ("title", "tasks.col.title"), ("curriculum", "col.curriculum"),
            ("modules", "tasks.col.modules"),
        ], [{"id": x.id, "title": x.title, "curriculum": x.curriculum, "modules": list(x.modules)} for x in d.tasks]),
        View("placements", "members.view.placements", [
            ("id", "members.col.id"), ("student", "col.student"), ("status", "members.col.status"),
            ("start", "members.col.start"), ("end", "members.col.end"), ("joint", "members.col.joint"),
        ], [{"id": p.id, "student": p.student, "status": t(STATUS_WORDS[p.status], lang), "start": p.start,
             "end": p.end, "joint": len(p.hosts) > 1} for p in d.placements], kinds={"status": "text"}),
    ]


STATUS_WORDS = PLACEMENT_STATUS
"""A placement's status (vocabulary.PLACEMENT_STATUSES) as the tables word it."""


# --- the catalogue of practical tasks (activity 9) -------------------------------------------


def tasks_document(rows: list[TaskRow]) -> dict:
    return {"tasks": [{
        "id": r.task.id, "title": r.task.title, "curriculum": r.task.curriculum, "modules": list(r.task.modules),
        "expected_results": list(r.task.expected_results), "description": r.task.description,
        "offered_by": r.offered_by,
    } for r in rows]}


def tasks_title(rows: list[TaskRow], lang: str) -> str:
    return t("tasks.title", lang, count=len(rows))


def tasks_views(rows: list[TaskRow], lang: str) -> list:
    """tasks (one row each, expected results joined) and results (one row per expected result)."""
    tasks = View("tasks", "tasks.view.tasks", [
        ("id", "members.col.id"), ("title", "tasks.col.title"), ("curriculum", "col.curriculum"),
        ("modules", "tasks.col.modules"), ("expected_results", "tasks.col.expected_results"),
        ("offered_by", "tasks.col.offered_by"),
    ], [{"id": r.task.id, "title": r.task.title, "curriculum": r.task.curriculum, "modules": list(r.task.modules),
         "expected_results": "; ".join(r.task.expected_results), "offered_by": r.offered_by} for r in rows],
        kinds={"offered_by": "text"}, compact=("id", "title", "curriculum", "offered_by"))
    results = View("results", "tasks.view.results", [
        ("id", "members.col.id"), ("n", "tasks.col.n"), ("expected_results", "tasks.col.expected_results"),
    ], [{"id": r.task.id, "n": i, "expected_results": res}
        for r in rows for i, res in enumerate(r.task.expected_results, 1)])
    return [tasks, results]


# --- why a result is empty (said on stderr; exit 0) -------------------------------------------


def members_empty_reason(report: MembersReport, lang: str, filtered: bool) -> str | None:
    if report.rows:
        return None
    return t("empty.members" if filtered else "empty.members.none", lang)


def tasks_empty_reason(rows: list[TaskRow], lang: str, filtered: bool) -> str | None:
    if rows:
        return None
    return t("empty.tasks.filtered" if filtered else "empty.tasks", lang)
