"""Views, JSON documents, titles and message texts of a contract's status (`cluster contracts
status|sign|list`), from the typed results of `reports/contract_status.py`."""

from __future__ import annotations

from typing import Any

from cluster_cli.i18n import N_, t
from cluster_cli.i18n.words import CANCEL_REASON, PARTY_WORD, PLACEMENT_STATUS, SIGNATURE_METHOD, word
from cluster_cli.regulation.parties import Party
from cluster_cli.render.views import View
from cluster_cli.reports.contract_status import (
    AMENDMENT, CAN_FINISH, CONSENT, READY, SIGNATURE, STARTED_UNSIGNED, SUBMIT, ContractList, ContractState, Refusal,
    Waiting,
)

WAITING_TEXT = {
    AMENDMENT: N_("contract.waiting.amendment"),
    CONSENT: N_("contract.waiting.consent"),
    STARTED_UNSIGNED: N_("contract.waiting.started-unsigned"),
    SUBMIT: N_("contract.waiting.submit"),
    READY: N_("contract.waiting.ready"),
    CAN_FINISH: N_("contract.waiting.can-finish"),
}


def party_text(party: Party, lang: str, names: dict[str, str] | None = None, short: bool = False,
               role: bool = True) -> str:
    """`Koodikoda OÜ (esindaja Tarmo Kask)`, `õpilane Mari Maasikas`, `seaduslik esindaja …`;
    `short`: `Koodikoda OÜ`, `õpilane`; without `role` a person is just their name."""
    if short:
        if party.party == "host":
            return (names or {}).get(party.member or "", party.member or "")
        return word(PARTY_WORD, party.party, lang)
    if not role and party.party in ("student", "guardian"):
        return party.name or "—"
    if party.party in ("school", "host"):
        member = (names or {}).get(party.member or "", party.member or word(PARTY_WORD, party.party, lang))
        if party.name:
            return t("contract.party.member", lang, member=member, name=party.name)
        return str(member)
    if party.party == "student":
        return t("contract.party.student", lang, name=party.name or "—")
    return t("contract.party.guardian", lang, name=party.name or "—")


def waiting_text(state: ContractState, lang: str, names: dict[str, str], short: bool = False) -> str:
    """What the contract waits for, as one line: `ootab allkirja: …; algus … möödas, …` (`short`:
    the parties by their role or host's name, for the list)."""
    parts = []
    missing = [w.party for w in state.waiting if w.code == SIGNATURE and w.party is not None]
    if missing:
        parts.append(t("contract.waiting.signature", lang,
                       parties=[party_text(p, lang, names, short) for p in missing]))
    for w in state.waiting:
        if w.code != SIGNATURE:
            parts.append(t(WAITING_TEXT[w.code], lang, date=w.day, number=w.number))
    return "; ".join(parts)


def _waiting_doc(w: Waiting) -> dict:
    doc: dict[str, Any] = {"code": w.code}
    if w.party is not None:
        doc.update(party=w.party.party, member=w.party.member, name=w.party.name)
    if w.day is not None:
        doc["date"] = w.day.isoformat()
    if w.number is not None:
        doc["number"] = w.number
    return doc


def _consent_text(state: ContractState, lang: str) -> str:
    if state.consent is not None:
        return t("contract.consent.recorded", lang, date=state.consent.date, document=state.consent.document)
    if state.consent_needed:
        return t("contract.consent.missing", lang)
    return t("contract.consent.not-needed", lang)


def _amendment_text(a, lang: str) -> str:
    if a.signed is not None:
        return t("contract.amendment.signed", lang, number=a.number, date=a.date, signed=a.signed)
    return t("contract.amendment.unsigned", lang, number=a.number, date=a.date)


# --- one contract -----------------------------------------------------------------------------


def status_title(state: ContractState, lang: str) -> str:
    p = state.placement
    return t("contract.status.title", lang, id=p.id, student=p.student, date=state.as_of)


def status_document(state: ContractState, names: dict[str, str]) -> dict:
    p = state.placement
    return {
        "as_of": state.as_of.isoformat(), "id": p.id, "student": p.student, "student_name": state.student_name,
        "status": p.status, "start": p.start.isoformat(), "end": p.end.isoformat(),
        "hosts": [h.member for h in p.hosts],
        "parties": [{
            "party": s.party.party, "member": s.party.member,
            "member_name": names.get(s.party.member) if s.party.member else None, "name": s.party.name,
            "signed": s.signature is not None,
            "date": s.signature.date.isoformat() if s.signature is not None else None,
            "method": s.signature.method if s.signature is not None else None,
            "signer": s.signature.name if s.signature is not None else None,
        } for s in state.parties],
        "other_signatures": [s.model_dump(mode="json", exclude_none=True) for s in state.extra_signatures],
        "minor": state.minor, "consent_needed": state.consent_needed,
        "consent": state.consent.model_dump(mode="json") if state.consent is not None else None,
        "history": [h.model_dump(mode="json", exclude_none=True) for h in state.history],
        "amendments": [a.model_dump(mode="json") for a in p.amendments],
        "allowed": list(state.allowed),
        "waiting": [_waiting_doc(w) for w in state.waiting],
    }


def status_views(state: ContractState, lang: str, names: dict[str, str]) -> list[View]:
    """contract (field–value), parties (who signs and how), history."""
    p = state.placement
    student = f"{p.student} {state.student_name}" if state.student_name else p.student
    facts = [
        (N_("contract.col.id"), p.id), (N_("col.student"), student),
        (N_("contract.col.status"), word(PLACEMENT_STATUS, p.status, lang)),
        (N_("contract.col.period"), t("contract.period", lang, start=p.start, end=p.end)),
        (N_("contract.col.hosts"), ", ".join(names.get(h.member, h.member) for h in p.hosts)),
        (N_("contract.col.consent"), _consent_text(state, lang)),
        *([(N_("contract.col.amendments"), "; ".join(_amendment_text(a, lang) for a in p.amendments))]
          if p.amendments else []),
        (N_("contract.col.waiting"), waiting_text(state, lang, names) or t("contract.waiting.nothing", lang)),
        (N_("contract.col.allowed"), ", ".join(f"{word(PLACEMENT_STATUS, s, lang)} ({s})" for s in state.allowed)
         or "—"),
    ]
    party_rows = [{
        "party": word(PARTY_WORD, s.party.party, lang), "name": party_text(s.party, lang, names, role=False),
        "signed": s.signature.date if s.signature is not None else None,
        "method": word(SIGNATURE_METHOD, s.signature.method, lang) if s.signature is not None else "",
        "signer": (s.signature.name or "") if s.signature is not None else "",
    } for s in state.parties]
    party_rows += [{
        "party": word(PARTY_WORD, s.party, lang), "name": t("contract.party.not-a-party", lang,
                                                                member=s.member or ""),
        "signed": s.date, "method": word(SIGNATURE_METHOD, s.method, lang), "signer": s.name or "",
    } for s in state.extra_signatures]
    return [
        View("contract", "contract.view.contract", [("field", "contract.col.field"), ("value", "contract.col.value")],
             [{"field": t(k, lang), "value": v} for k, v in facts], kinds={"field": "text", "value": "text"}),
        View("parties", "contract.view.parties", [
            ("party", "contract.col.party"), ("name", "contract.col.name"), ("signed", "contract.col.signed"),
            ("method", "contract.col.method"), ("signer", "contract.col.signer"),
        ], party_rows, kinds={"party": "text", "method": "text", "signer": "text"}),
        View("history", "contract.view.history", [
            ("date", "contract.col.date"), ("status", "contract.col.status"), ("reason", "contract.col.reason"),
            ("note", "contract.col.note"),
        ], [{"date": h.date, "status": word(PLACEMENT_STATUS, h.status, lang),
             "reason": word(CANCEL_REASON, h.reason, lang) if h.reason else "", "note": h.note or ""}
            for h in state.history], kinds={"status": "text", "reason": "text"}),
    ]


# --- the list ---------------------------------------------------------------------------------


def list_title(report: ContractList, lang: str) -> str:
    return t("contract.list.title", lang, date=report.as_of, count=len(report.rows))


def list_document(report: ContractList) -> dict:
    return {"as_of": report.as_of.isoformat(), "statuses": list(report.statuses), "contracts": [{
        "id": r.placement.id, "student": r.placement.student, "student_name": r.state.student_name,
        "status": r.placement.status, "start": r.placement.start.isoformat(), "end": r.placement.end.isoformat(),
        "hosts": [h.member for h in r.placement.hosts],
        "missing": [{"party": m.party, "member": m.member, "name": m.name} for m in r.state.missing],
        "waiting": [_waiting_doc(w) for w in r.state.waiting],
    } for r in report.rows]}


def list_views(report: ContractList, lang: str, names: dict[str, str]) -> list[View]:
    """contracts: one row per contract, by status then start; `waiting` wraps, ids and dates never."""
    rows = [{
        "id": r.placement.id, "student": r.placement.student, "name": r.state.student_name or "",
        "status": word(PLACEMENT_STATUS, r.placement.status, lang), "start": r.placement.start,
        "end": r.placement.end, "hosts": ", ".join(h.member for h in r.placement.hosts),
        "waiting": waiting_text(r.state, lang, names, short=True),
    } for r in report.rows]
    return [View("contracts", "contract.view.list", [
        ("id", "contract.col.id"), ("student", "col.student"), ("name", "contract.col.student-name"),
        ("status", "contract.col.status"), ("start", "contract.col.start"), ("end", "contract.col.end"),
        ("hosts", "contract.col.hosts"), ("waiting", "contract.col.waiting"),
    ], rows, kinds={"id": "id", "student": "id", "status": "text", "hosts": "text", "waiting": "text", "name": "text"},
        compact=("id", "status", "start", "waiting"))]


# --- messages ---------------------------------------------------------------------------------


def refusal_args(refusal: Refusal, lang: str, names: dict[str, str]) -> dict:
    """A refusal's arguments as its message takes them: parties and statuses in words, the
    clause kept."""
    args = dict(refusal.args, clause=refusal.clause)
    if "parties" in args:
        args["parties"] = [party_text(p, lang, names) for p in args["parties"]]
    if isinstance(args.get("party"), Party):
        args["party"] = party_text(args["party"], lang, names)
    elif isinstance(args.get("party"), str):  # a party typed (`--party host --member x`)
        member = args.pop("member", "")
        args["party"] = " ".join(x for x in (word(PARTY_WORD, args["party"], lang), member) if x)
    for key in ("status", "target"):
        if key in args:
            args[key] = word(PLACEMENT_STATUS, args[key], lang)
    if "allowed" in args:
        args["allowed"] = [f"{word(PLACEMENT_STATUS, s, lang)} ({s})" for s in args["allowed"]] or ["—"]
    return args


def status_word(status: str, lang: str) -> str:
    return word(PLACEMENT_STATUS, status, lang)


def party_word(party: str, lang: str) -> str:
    return word(PARTY_WORD, party, lang)
