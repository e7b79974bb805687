"""The context of one contract: a plain, JSON-serialisable dict (`build_context`, documented in
`CONTEXT_SCHEMA`) with every value a template may use, already formatted in the contract's
language (Babel); and the inputs hash that decides whether a written contract is current.

A value the data does not have is None in the context; at render time it becomes a `Missing`
value (sandbox.py) that is false in ``{% if %}`` but an error when printed — naming the
placement and the term (e.g. ``hosts[1].supervisor.name``) — so a contract never carries a
silent blank.
"""

from __future__ import annotations

import hashlib
import json
from datetime import date
from decimal import Decimal
from typing import Any

from cluster_cli.i18n import N_
from cluster_cli import __version__

# --- the context ----------------------------------------------------------------------------

_PERSON = {"name": "name", "role": "role or title", "email": "e-mail", "phone": "phone"}
_TASK = {
    "title": "task title (catalogue title, or the individual task's text)",
    "code": "catalogue id (None for an individual task)",
    "host": "the host the task is done at (all hosts' names for a task of the whole placement)",
    "expected_results": ["expected result (from the catalogue)"],
    "description": "catalogue description",
}

CONTEXT_SCHEMA: dict[str, Any] = {
    "language": "the contract's language: et or en",
    "study_year": "study year of the start, e.g. 2026-2027",
    "signatures": "how the parties sign: digital (DigiDoc) or paper (wet ink: signature and date lines)",
    "placement": {
        "id": "placement id", "kind": "school_based, workplace_based or abroad", "status": "status",
        "mobility_project": "true for a mobility project (12.7.2)", "joint": "true with several hosts (ühispraktika)",
        "abroad": "true for a placement abroad (12)",
        "school_is_host": "true when the school itself is a host (a school placement at the school)",
    },
    "school": {
        "name": "school name", "registry_code": "registry code", "address": "address", "email": "e-mail",
        "phone": "phone", "representative": _PERSON,
    },
    "student": {
        "name": "full name", "first_name": "first name", "last_name": "last name",
        "id_code": "personal code, or the foreign document (kind, number, country)",
        "personal_code": "personal code (isikukood)",
        "document": "a foreign student's identity document, e.g. passport FU482913 (UA) (None with a personal code)",
        "birth_date": "birth date (12.03.2008 in Estonian, 12 March 2008 in English)",
        "address": "home settlement", "email": "e-mail", "phone": "phone", "group": "group id",
        "course": "course year at the placement's start",
        "curriculum": {"code": "curriculum code", "name": "curriculum name", "level": "EKR level"},
        "special_needs": "special educational needs (HEV) note", "minor": "true if a minor on the start date",
    },
    "guardian": {
        "name": "legal representative's name (None unless the student is a minor on the start date)",
        "relation": "relation", "personal_code": "personal code", "email": "e-mail", "phone": "phone",
    },
    "consent": {"date": "date of the guardian's written consent (4.12.5)", "date_iso": "the same, ISO",
                "document": "the consent document"},
    "hosts": [{
        "id": "member id", "name": "host name", "registry_code": "registry code", "address": "address",
        "country": "country code", "country_name": "country name in the contract's language",
        "email": "e-mail", "phone": "phone", "representative": _PERSON, "supervisor": _PERSON,
        "start": "start (formatted)", "end": "end (formatted)", "start_iso": "start, ISO", "end_iso": "end, ISO",
        "hours": "hours at this host", "tasks": [_TASK],
    }],
    "host_parties": [{"name": "host name", "registry_code": "registry code", "representative": _PERSON}],
    "tasks": [_TASK],
    "school_supervisor": _PERSON,
    "coordinator": _PERSON,
    "place": "place of practice", "address": "its address", "country": "country code",
    "country_name": "country name in the contract's language",
    "start": "start (formatted)", "end": "end (formatted)", "start_iso": "start, ISO", "end_iso": "end, ISO",
    "hours": "volume in hours", "ekap": "volume in EKAP (formatted)",
    "modules": [{"id": "module id", "name": "module name", "ekap": "module EKAP (formatted)"}],
    "plan": {
        "goal": "goal", "tasks": ["plan task"], "studies_completed": ["studies completed"],
        "expected_outcomes": ["expected learning outcome"],
        "special_needs_notes": "abilities and recommendations (Lisa 7 10.1)",
    },
}
"""Every variable a contract template may use. Dicts are objects, one-element lists are lists of
that shape, strings describe a value. `host_parties` are the hosts that sign (each member once,
never the school: `regulation.parties.signing_parties`); `hosts` are the periods of table 1.
Optional parts (guardian, consent, representatives, contact data) are None when absent: test them
with ``{% if … %}``."""


class ContractDataError(Exception):
    """The data cannot make this contract (e.g. a minor without a legal representative)."""

    def __init__(self, key: str, **args: Any):
        super().__init__(key)
        self.key = key
        self.args_ = args


def _fmt_date(day: date | None, lang: str) -> str | None:
    from babel.dates import format_date

    return None if day is None else format_date(day, format="long", locale=_locale(lang))


def _fmt_birth_date(day: date | None, lang: str) -> str | None:
    """A birth date as an identity line writes it: 12.03.2008 in Estonian, 12 March 2008 in English."""
    if day is None:
        return None
    return _fmt_date(day, lang) if lang == "en" else day.strftime("%d.%m.%Y")


def format_date(day: date, lang: str) -> str:
    """A date as a contract writes it in `lang`: ``23. november 2026`` / ``23 November 2026``."""
    return _fmt_date(day, lang) or ""


def _fmt_number(value: Decimal | int | None, lang: str) -> str | None:
    from babel.numbers import format_decimal

    return None if value is None else format_decimal(value, locale=_locale(lang))


def format_money(cents: int, lang: str, currency: str = "EUR") -> str:
    """Money (integer cents) in the contract's language, e.g. ``1 234,50 €`` / ``€1,234.50``."""
    from babel.numbers import format_currency

    return format_currency(Decimal(cents) / 100, currency, locale=_locale(lang))


def _locale(lang: str) -> str:
    # British English for the English agreement: "1 February 2027" reads the same everywhere in
    # Europe, where "February 1, 2027" (en_US) does not.
    return "en_GB" if lang == "en" else "et"


def _country(code: str | None, lang: str) -> str | None:
    from babel import Locale

    if not code:
        return None
    return Locale.parse(_locale(lang)).territories.get(code, code)


def _representative(words, member) -> dict | None:
    from cluster_cli.regulation.parties import representative

    rep = representative(member)
    if rep is None:
        return None
    return words.person(rep, member, ("contacts", member.contacts.index(rep)), foreign=member.country != "EE")


def study_year(cluster, day: date) -> str:
    """The study year a day belongs to, e.g. ``2026-2027`` (it starts 1 Sep or the nearest Monday, 4.3.1)."""
    from cluster_cli.regulation.facts import study_year_start

    year = day.year if day >= study_year_start(cluster, day.year) else day.year - 1
    return f"{year}-{year + 1}"


def _tasks(ds, refs, host: str, words) -> list[dict]:
    out = []
    for ref in refs:
        entry = ds.tasks.get(ref.catalogue) if ref.catalogue else None
        if entry is not None:
            title, results, description = words.task(entry)
            out.append({"title": title, "code": entry.id, "host": host,
                        "expected_results": results, "description": description})
        else:
            out.append({"title": ref.text or ref.catalogue, "code": ref.catalogue, "host": host,
                        "expected_results": [], "description": None})
    return out


def build_context(ds, profile, p, lang: str | None = None, as_of: date | None = None,
                  signatures: str = "digital") -> dict[str, Any]:
    """The contract's context (see `CONTEXT_SCHEMA`): plain JSON-able values, dates and numbers
    formatted in `lang` (default: the placement's language; the Estonian bilateral agreement of a
    mobility project, Lisa 7 12.7.2, is built in Estonian); the student's course at the start as
    seen from `as_of`'s study year; the signature block `signatures` (digital or paper). Raises
    `ContractDataError` when the data cannot make a contract at all (unknown student, school,
    host or group; a minor without a guardian; an English contract with a value of no English text)."""
    from cluster_cli.contracts.wording import Words, course_at_start, document_line
    from cluster_cli.regulation.facts import birth_date, is_minor
    from cluster_cli.regulation.parties import signing_parties
    from cluster_cli.regulation.rules.placements import address_of

    lang = lang or p.language
    words = Words(lang)
    student = ds.students.get(p.student)
    if student is None:
        raise ContractDataError(N_("reason.contracts.unknown"), kind="student", id=p.student)
    school = ds.members.get(student.school)
    group = ds.groups.get(student.group)
    curriculum = ds.curricula.get(student.curriculum)
    for kind, ident, rec in (("member", student.school, school), ("group", student.group, group),
                             ("curriculum", student.curriculum, curriculum)):
        if rec is None:
            raise ContractDataError(N_("reason.contracts.unknown"), kind=kind, id=ident)
    minor = is_minor(student, p.start, profile.value("adult_age", p.start))
    guardian = None
    if minor or (minor is None and student.guardian is not None):
        if student.guardian is None:
            raise ContractDataError(N_("reason.contracts.no-guardian"), student=student.id)
        g = student.guardian
        guardian = {"name": g.name, "relation": words.relation(g, student), "personal_code": g.personal_code,
                    "email": g.email, "phone": g.phone}
    document = None if student.personal_code else document_line(student)
    id_code = student.personal_code or document

    hosts = []
    for i, h in enumerate(p.hosts):
        m = ds.members.get(h.member)
        if m is None:
            raise ContractDataError(N_("reason.contracts.unknown"), kind="member", id=h.member)
        hours = h.hours if h.hours is not None else (p.hours if len(p.hosts) == 1 else None)
        hosts.append({
            "id": m.id, "name": m.name, "registry_code": m.registry_code, "address": m.address,
            "country": m.country, "country_name": _country(m.country, lang),
            "email": next((c.email for c in m.contacts if c.email), None),
            "phone": next((c.phone for c in m.contacts if c.phone), None),
            "representative": _representative(words, m),
            "supervisor": words.person(h.supervisor, p, ("hosts", i, "supervisor"), foreign=m.country != "EE"),
            "start": _fmt_date(h.start, lang), "end": _fmt_date(h.end, lang),
            "start_iso": h.start.isoformat(), "end_iso": h.end.isoformat(), "hours": hours,
            "tasks": _tasks(ds, h.tasks, m.name, words),
        })
    all_hosts = " / ".join(h["name"] for h in hosts)
    tasks = _tasks(ds, p.tasks, all_hosts, words)
    for h in hosts:
        tasks.extend(h["tasks"])
    modules = {m.id: m for m in curriculum.modules}
    plan = p.plan
    consent = p.guardian_consent
    by_member = {h["id"]: h for h in hosts}
    host_parties = [{"name": by_member[x.member]["name"], "registry_code": by_member[x.member]["registry_code"],
                     "representative": by_member[x.member]["representative"]}
                    for x in signing_parties(p, ds, profile.value("adult_age", p.start)) if x.party == "host"]
    year = study_year(ds.cluster, p.start)
    context = {
        "language": lang,
        "study_year": year,
        "signatures": signatures,
        "placement": {"id": p.id, "kind": p.kind, "status": p.status, "mobility_project": p.mobility_project,
                      "joint": len(p.hosts) > 1, "abroad": p.kind == "abroad",
                      "school_is_host": any(h.member == student.school for h in p.hosts)},
        "school": {"name": school.name, "registry_code": school.registry_code, "address": school.address,
                   "email": next((c.email for c in school.contacts if c.email), None),
                   "phone": next((c.phone for c in school.contacts if c.phone), None),
                   "representative": _representative(words, school)},
        "student": {
            "name": student.full_name, "first_name": student.first_name, "last_name": student.last_name,
            "id_code": id_code, "personal_code": student.personal_code, "document": document,
            "birth_date": _fmt_birth_date(birth_date(student), lang), "address": student.home_settlement,
            "email": student.email, "phone": student.phone, "group": student.group,
            "course": course_at_start(student.course, year, None if as_of is None else study_year(ds.cluster, as_of)),
            "curriculum": {"code": curriculum.code, "name": curriculum.name, "level": curriculum.level},
            "special_needs": student.special_needs, "minor": bool(minor),
        },
        "guardian": guardian,
        "consent": None if consent is None else {"date": _fmt_date(consent.date, lang),
                                                 "date_iso": consent.date.isoformat(),
                                                 "document": words.consent(consent, p)},
        "hosts": hosts,
        "host_parties": host_parties,
        "tasks": tasks,
        "school_supervisor": words.person(p.school_supervisor, p, ("school_supervisor",)),
        # Lisa 7 2.2: the group supervisor is the practice coordinator unless one is named.
        "coordinator": (words.person(p.coordinator, p, ("coordinator",)) if p.coordinator is not None
                        else words.person(group.supervisor, group, ("supervisor",))),
        "place": p.place or hosts[0]["name"],
        "address": address_of(ds, p),
        "country": p.country,
        "country_name": _country(p.country, lang),
        "start": _fmt_date(p.start, lang), "end": _fmt_date(p.end, lang),
        "start_iso": p.start.isoformat(), "end_iso": p.end.isoformat(),
        "hours": p.hours,
        "ekap": _fmt_number(p.ekap, lang),
        "modules": [{"id": mid, "name": modules[mid].name if mid in modules else mid,
                     "ekap": _fmt_number(modules[mid].ekap, lang) if mid in modules else None} for mid in p.modules],
        "plan": None if plan is None else {
            "goal": plan.goal, "tasks": list(plan.tasks), "studies_completed": list(plan.studies_completed),
            "expected_outcomes": list(plan.expected_outcomes), "special_needs_notes": plan.special_needs_notes,
        },
    }
    if words.missing:  # an English contract never mixes in an untranslated value
        raise ContractDataError(N_("reason.contracts.untranslated"), placement=p.id, terms="; ".join(words.missing))
    return context


def canonical_json(context: dict) -> bytes:
    return json.dumps(context, sort_keys=True, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def inputs_hash(context: dict, template: bytes) -> str:
    """sha256 of the contract's inputs: the canonical context, the template and the tool version.
    Stored in the DOCX (core property `identifier`); python-docx stamps zip times, so files are
    never compared byte for byte."""
    h = hashlib.sha256()
    for part in (canonical_json(context), hashlib.sha256(template).digest(), __version__.encode()):
        h.update(len(part).to_bytes(8, "big"))
        h.update(part)
    return h.hexdigest()
