"""Who has signed a contract: the returned DigiDoc containers (`asice.read_container`) matched to
their placements and to the parties that must sign (`regulation/parties.py`, Lisa 7 1.4;
4.12.5), for `contracts signatures`. Pure: returns typed results; the CLI prints them, and
`--write` hands `updates` to the data folder's writer.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from cluster_cli.contracts.asice import SUFFIX, ContainerRead, SignatureCheck, read_container
from cluster_cli.contracts.plan import TWO_PARTY_SUFFIX, ascii_name
from cluster_cli.findings import Pii
from cluster_cli.i18n import N_
from cluster_cli.model.dataset import Dataset
from cluster_cli.model.placements import Placement
from cluster_cli.regulation.facts import is_minor
from cluster_cli.regulation.parties import Party, signing_parties


@dataclass
class PartyState:
    """One party of a contract: signed (the day and how: `digital` from this container, or a
    signature already recorded in the data) or missing."""

    party: str
    member: str | None
    name: str | None
    code: Pii | None
    signed: date | None = None
    method: str | None = None
    signer: str | None = None
    new: bool = False
    """Signed in the container and not yet recorded in the placement's `signatures:`."""


@dataclass
class Issue:
    """What needs the secretary: `key` a catalogue key (`asice.*`) with its arguments."""

    key: str
    args: dict
    error: bool = True
    """An error (an invalid signature, an unknown signer, a container that cannot be read or
    placed: exit 1); else a warning."""


@dataclass
class ContractSignatures:
    """One container: its placement (None when no placement matches the file name), the
    parties, the problems; `complete` when every party signed; `consent_missing` when the
    student is a minor and no legal representative's consent (4.12.5) is recorded;
    `to_valid` when `--write` moves the contract from review to valid."""

    file: str
    placement: str | None
    status: str | None = None
    parties: list[PartyState] = field(default_factory=list)
    problems: list[Issue] = field(default_factory=list)
    consent_missing: bool = False

    @property
    def complete(self) -> bool:
        return bool(self.parties) and all(p.signed is not None for p in self.parties)

    @property
    def to_valid(self) -> bool:
        return self.status == "review" and self.complete and not self.consent_missing


def containers(folder: Path) -> list[Path]:
    """The `.asice` files under `folder`, in a stable order (hidden folders skipped)."""
    return sorted(p for p in folder.rglob(f"*{SUFFIX}")
                  if p.is_file() and not any(part.startswith(".") for part in p.relative_to(folder).parts))


def placement_of(read: ContainerRead, ds: Dataset) -> Placement | None:
    """The placement a container is for: its DOCX's name (or else the container's own), as
    `contracts render` names them — `<placement>_<student>_<host>[_kahepoolne]`; the longest
    placement id that starts the name wins (`P1` and `P12`)."""
    docx = [Path(f).stem for f in read.files if f.lower().endswith(".docx")]
    stem = docx[0] if docx else read.path.stem
    best = None
    for p in ds.placements.values():
        prefix = ascii_name(p.id)
        longer = best is None or len(prefix) > len(ascii_name(best.id))
        if (stem == prefix or stem.startswith(prefix + "_")) and longer:
            best = p
    return best


def check_folder(folder: Path, ds: Dataset, adult_age: int) -> list[ContractSignatures]:
    """Every container under `folder`, matched and checked."""
    return [check_container(path, folder, ds, adult_age) for path in containers(folder)]


def check_container(path: Path, folder: Path, ds: Dataset, adult_age: int) -> ContractSignatures:
    read = read_container(path)
    shown = path.relative_to(folder).as_posix()
    if read.problem is not None:
        return ContractSignatures(shown, None, problems=[Issue(read.problem, {"file": shown,
                                                                               "detail": read.detail})])
    p = placement_of(read, ds)
    if p is None:
        return ContractSignatures(shown, None, problems=[Issue(N_("asice.no-placement"), {"file": shown})])
    out = ContractSignatures(shown, p.id, p.status)
    parties = signing_parties(p, ds, adult_age)
    if any(Path(f).stem.endswith(TWO_PARTY_SUFFIX) for f in read.files):  # Lisa 7 12.7.2: school and student
        parties = [x for x in parties if x.party != "host"]
    out.parties = [_state(x, p) for x in parties]
    for check in read.signatures:
        _place(check, out, shown)
    student = ds.students.get(p.student)
    out.consent_missing = (student is not None and is_minor(student, p.start, adult_age) is True
                           and p.guardian_consent is None)
    if out.complete and out.consent_missing:
        out.problems.append(Issue(N_("asice.consent-missing"), {"file": shown, "placement": p.id}, error=False))
    return out


def _state(party: Party, p: Placement) -> PartyState:
    state = PartyState(party.party, party.member, party.name, Pii(party.personal_code) if party.personal_code else None)
    for s in p.signatures:
        if s.party == party.party and (party.party != "host" or s.member == party.member):
            state.signed, state.method, state.signer = s.date, s.method, s.name
    return state


def _place(check: SignatureCheck, out: ContractSignatures, shown: str) -> None:
    """A signature: invalid, an unknown signer, or the party it belongs to marked signed."""
    signer = check.signer
    who = signer.name if signer is not None else "?"
    code = Pii(signer.code) if signer is not None and signer.code else None
    if check.problem is not None:
        out.problems.append(Issue(check.problem, {"file": shown, "signature": check.file, "name": who,
                                                    "detail": check.detail}))
        return
    matches = [x for x in out.parties if code is not None and x.code is not None and str(x.code) == str(code)]
    if not matches:
        out.problems.append(Issue(N_("asice.unknown-signer"), {"file": shown, "name": who, "code": code,
                                                             "placement": out.placement}))
        return
    party = next((x for x in matches if x.signed is None), matches[0])
    if party.signed is None:
        party.signed, party.method, party.signer, party.new = check.day, "digital", signer.name, True


def updates(results: list[ContractSignatures], day: date) -> list[dict]:
    """What `--write` records, per placement: the new `signatures:` entries (party, member,
    date, method digital, name) and, for a contract that is now fully signed, the move from
    review to valid with its `history:` entry."""
    out = []
    for r in results:
        if r.placement is None:
            continue
        new = [{"party": x.party, **({"member": x.member} if x.party == "host" else {}), "date": x.signed,
                "method": "digital", "name": x.signer} for x in r.parties if x.new]
        status = "valid" if r.to_valid else None
        if new or status:
            out.append({"placement": r.placement, "signatures": new, "status": status,
                        "history": {"status": "valid", "date": day, "note": f"DigiDoc: {r.file}"} if status else None})
    return out
