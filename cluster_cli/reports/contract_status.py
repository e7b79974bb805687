"""A placement contract's life (`cluster contracts status|sign|list`): its status and history,
who must sign (Lisa 7 1.4; a minor with the legal representative, 4.11.5) and who has, the legal
representative's written consent for a minor abroad (4.12.5), what the contract waits for next,
and the checks of a status change (vocabulary.STATUS_TRANSITIONS) and of a recorded signature.

Pure functions of (dataset, profile, as-of date) → typed results; refusals are values (a
catalogue key, the clause and the arguments) that the CLI words.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from cluster_cli.i18n import N_
from cluster_cli.model.dataset import Dataset
from cluster_cli.model.placements import Consent, Placement, Signature, StatusChange
from cluster_cli.regulation.facts import is_minor
from cluster_cli.regulation.parties import Party, signing_parties
from cluster_cli.vocabulary import PLACEMENT_STATUSES, STATUS_TRANSITIONS

# What a contract waits for (Waiting.code), in the order shown.
SIGNATURE = "signature"  # a party has not signed (Lisa 7 1.4)
AMENDMENT = "amendment"  # an amendment (lisa nr N) is not signed yet
CONSENT = "consent"  # a minor abroad: the legal representative's written consent (4.12.5)
STARTED_UNSIGNED = "started-unsigned"  # the start has passed, the contract is not valid (4.11.5)
SUBMIT = "submit"  # a draft: to be sent for review
READY = "ready"  # under review and signed by all: can be made valid
CAN_FINISH = "can-finish"  # valid and its end has passed: can be finished
WAITING_CODES = (SIGNATURE, AMENDMENT, CONSENT, STARTED_UNSIGNED, SUBMIT, READY, CAN_FINISH)

OPEN_STATUSES = ("draft", "review", "valid")
"""The statuses whose contract still waits for something; finished and cancelled are closed."""


@dataclass(frozen=True)
class Waiting:
    """One thing a contract waits for: its code (see WAITING_CODES) and the party it names."""

    code: str
    party: Party | None = None
    day: date | None = None
    """The date it refers to: the start that passed, the end that passed."""
    number: int | None = None
    """The amendment's number (lisa nr N) that waits for its signing."""


@dataclass(frozen=True)
class PartyState:
    """A party that must sign, and its recorded signature (None: not yet)."""

    party: Party
    signature: Signature | None


@dataclass
class ContractState:
    """One placement's contract on the as-of date."""

    placement: Placement
    student_name: str | None
    as_of: date
    parties: list[PartyState]
    extra_signatures: list[Signature]
    """Signatures of no party this contract has (a host that left it, a guardian of an adult)."""
    minor: bool | None
    consent_needed: bool
    consent: Consent | None
    history: list[StatusChange]
    allowed: tuple[str, ...]
    waiting: list[Waiting] = field(default_factory=list)

    @property
    def missing(self) -> list[Party]:
        return [s.party for s in self.parties if s.signature is None]


@dataclass(frozen=True)
class Refusal:
    """Why a status change or a signature is refused: a catalogue key (its `.hint` says the fix),
    the clause it rests on, and the message's arguments."""

    key: str
    clause: str
    args: dict[str, Any]


def _signature_of(p: Placement, party: Party) -> Signature | None:
    for s in p.signatures:
        if s.party == party.party and (party.party != "host" or s.member == party.member):
            return s
    return None


def parties_of(ds: Dataset, profile, p: Placement) -> list[Party]:
    return signing_parties(p, ds, profile.value("adult_age", p.start))


def contract_state(ds: Dataset, profile, p: Placement, day: date) -> ContractState:
    """Who must sign and who has, the consent, the history, the allowed next statuses and
    what the contract waits for on `day`."""
    parties = parties_of(ds, profile, p)
    states = [PartyState(x, _signature_of(p, x)) for x in parties]
    known = {(s.signature.party, s.signature.member) for s in states if s.signature is not None}
    extra = [s for s in p.signatures if (s.party, s.member) not in known]
    student = ds.students.get(p.student)
    minor = is_minor(student, p.start, profile.value("adult_age", p.start)) if student is not None else None
    state = ContractState(
        placement=p, student_name=student.full_name if student is not None else None, as_of=day,
        parties=states, extra_signatures=extra, minor=minor,
        consent_needed=bool(minor) and p.kind == "abroad", consent=p.guardian_consent,
        history=list(p.history), allowed=STATUS_TRANSITIONS.get(p.status, ()))
    state.waiting = waiting_for(state)
    return state


def waiting_for(state: ContractState) -> list[Waiting]:
    """What the contract waits for next: an amendment not signed yet (also when finished), the
    missing signatures (from review on) and consent while it is open,
    a start that passed without a valid contract, a review ready to be made valid, an end that
    passed (it can be finished)."""
    p = state.placement
    found: list[Waiting] = []
    amendments = [Waiting(AMENDMENT, number=a.number) for a in p.amendments if a.signed is None]
    if p.status not in OPEN_STATUSES:  # a finished contract's amendment is still to be signed
        return amendments if p.status == "finished" else found
    if p.status != "draft":  # a draft is signed once it has been reviewed
        found += [Waiting(SIGNATURE, party) for party in state.missing]
    found += amendments
    if state.consent_needed and state.consent is None:
        found.append(Waiting(CONSENT))
    if p.status in ("draft", "review") and p.start <= state.as_of:
        found.append(Waiting(STARTED_UNSIGNED, day=p.start))
    if p.status == "draft":
        found.append(Waiting(SUBMIT))
    if p.status == "review" and not state.missing and not (state.consent_needed and state.consent is None):
        found.append(Waiting(READY))
    if p.status == "valid" and p.end < state.as_of:
        found.append(Waiting(CAN_FINISH, day=p.end))
    return found


def transition_refusals(state: ContractState, target: str, day: date, reason: str | None) -> list[Refusal]:
    """Why `target` cannot be set on `day` (empty: it can): a transition that is not allowed,
    a date before the last recorded change, a valid contract without every signature (Lisa 7
    1.4, 4.11.5) or a minor's consent abroad (4.12.5), a finish before the end (Lisa 7 1.4.2),
    a cancellation without its reason."""
    p = state.placement
    if target == p.status:
        return [Refusal(N_("contract-status.same"), "", {"id": p.id, "status": target})]
    if target not in state.allowed:
        return [Refusal(N_("contract-status.not-allowed"), "", {"id": p.id, "status": p.status, "target": target,
                                                             "allowed": list(state.allowed)})]
    found: list[Refusal] = []
    last = max((h.date for h in state.history), default=None)
    if last is not None and day < last:
        found.append(Refusal(N_("contract-status.date-order"), "", {"id": p.id, "date": day, "last": last}))
    if target == "valid":
        if state.missing:
            found.append(Refusal(N_("contract-status.unsigned"), "Lisa 7 1.4, 4.11.5",
                                 {"id": p.id, "parties": state.missing}))
        if state.consent_needed and state.consent is None:
            found.append(Refusal(N_("contract-status.consent"), "4.12.5", {"id": p.id, "student": p.student}))
    if target == "finished" and p.end >= day:
        found.append(Refusal(N_("contract-status.not-ended"), "Lisa 7 1.4.2", {"id": p.id, "end": p.end, "date": day}))
    if target == "cancelled" and reason is None:
        found.append(Refusal(N_("contract-status.reason"), "", {"id": p.id}))
    return found


def sign_refusals(state: ContractState, party: str, member: str | None) -> tuple[Party | None, list[Refusal]]:
    """The party a signature is recorded for (`--party`, `--member` for a host; a single host
    needs no `--member`), or why not: not a party of this contract, a host not named, already
    signed, a closed contract."""
    p = state.placement
    if p.status in ("finished", "cancelled"):
        return None, [Refusal(N_("contract-sign.closed"), "", {"id": p.id, "status": p.status})]
    candidates = [s for s in state.parties if s.party.party == party
                  and (member is None or party != "host" or s.party.member == member)]
    if party == "host" and member is None and len(candidates) > 1:
        return None, [Refusal(N_("contract-sign.member"), "Lisa 7 1.4", {
            "id": p.id, "members": [c.party.member for c in candidates]})]
    if not candidates:
        return None, [Refusal(N_("contract-sign.not-party"), "Lisa 7 1.4, 4.11.5", {
            "id": p.id, "party": party, "member": member or "",
            "parties": [s.party for s in state.parties]})]
    chosen = candidates[0]
    if chosen.signature is not None:
        return None, [Refusal(N_("contract-sign.duplicate"), "", {
            "id": p.id, "party": chosen.party, "date": chosen.signature.date})]
    return chosen.party, []


def amendment_sign_refusals(state: ContractState, number: int) -> list[Refusal]:
    """Why the signing of amendment `number` cannot be recorded (empty: it can): no such
    amendment, or it is signed already."""
    p = state.placement
    found = next((a for a in p.amendments if a.number == number), None)
    if found is None:
        return [Refusal(N_("contract-sign.no-amendment"), "", {
            "id": p.id, "number": number, "numbers": [str(a.number) for a in p.amendments] or ["—"]})]
    if found.signed is not None:
        return [Refusal(N_("contract-sign.amendment-signed"), "", {"id": p.id, "number": number,
                                                                   "date": found.signed})]
    return []


# --- the list of contracts --------------------------------------------------------------------


@dataclass
class ContractRow:
    state: ContractState

    @property
    def placement(self) -> Placement:
        return self.state.placement


@dataclass
class ContractList:
    as_of: date
    statuses: tuple[str, ...]
    rows: list[ContractRow]


def contract_list(ds: Dataset, profile, day: date, statuses: tuple[str, ...] = ()) -> ContractList:
    """Every contract (those of `statuses` when given) with what it waits for, by status (in
    the vocabulary's order), then start and id."""
    order = {s: i for i, s in enumerate(PLACEMENT_STATUSES)}
    chosen = [p for p in ds.records.get("placements", []) if not statuses or p.status in statuses]
    chosen.sort(key=lambda p: (order.get(p.status, len(order)), p.start, p.id))
    return ContractList(day, tuple(statuses), [ContractRow(contract_state(ds, profile, p, day)) for p in chosen])
