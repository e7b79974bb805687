"""`cluster contracts amend`: the amendment (lepingu lisa nr N) to a signed contract — the terms
that changed since the latest signed document (the latest amendment, then the contract), old →
new, in the contract's language; rendered next to the contract as ``<contract stem>-lisa-N.docx``
with the new terms stored in it, so the next amendment is diffed against this one.

    placement ──plan_amendment──▶ refused (not signed, no contract, no stored terms) /
                                   nothing changed / an Amendment: number, changes, context
              ──render_amendment──▶ DOCX bytes (docx.render_docx, the amendment template)

Recording it in the placement's YAML is the edit room's (`edit/placement.py`); the CLI
writes the DOCX, then the record, under the data folder's lock.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from cluster_cli.contracts.verdicts import SIGNED
from cluster_cli.i18n import N_

AMENDMENT_TEMPLATES = {"et": "lepingu_lisa_et.docx", "en": "amendment_en.docx"}
"""The shipped amendment templates by the contract's language."""


class AmendRefused(Exception):
    """No amendment can be made: a catalogue key and its arguments; `usage` when the run cannot
    start (a template), else a refusal (exit 1)."""

    def __init__(self, key: str, usage: bool = False, **args: Any):
        super().__init__(key)
        self.key, self.usage, self.args_ = key, usage, args


@dataclass
class Amendment:
    """One planned amendment of a placement's contract."""

    placement: str
    contract: Path  # the contract file
    source: Path  # the document whose terms it is diffed against
    number: int = 0
    path: Path | None = None
    rel: str = ""  # the amendment, relative to the output folder
    changes: list[tuple[str, str | None, str | None]] = field(default_factory=list)
    terms: dict[str, str | None] = field(default_factory=dict)
    context: dict | None = None
    language: str = "et"
    also: list["Amendment"] = field(default_factory=list)
    """The amendment of the Estonian bilateral agreement (Lisa 7 12.7.2) of a mobility project,
    numbered as this one, when its terms changed too."""


def load_template(lang: str) -> tuple[str, bytes]:
    """(label, bytes) of the amendment template in `lang`: from $CLUSTER_TEMPLATES when set,
    else the packaged one."""
    import os
    from importlib import resources

    from cluster_cli.contracts.template_check import template_problem

    name = AMENDMENT_TEMPLATES.get(lang, AMENDMENT_TEMPLATES["et"])
    folder = os.environ.get("CLUSTER_TEMPLATES")
    if folder and not Path(folder).is_dir():
        raise AmendRefused(N_("usage.contracts-templates-folder"), usage=True, path=folder)
    path = Path(folder) / name if folder else resources.files("cluster_cli") / "templates" / name
    label = str(path) if folder else name
    if not path.is_file():
        raise AmendRefused(N_("usage.contracts-template-missing"), usage=True, path=str(path))
    raw = path.read_bytes()
    problem = template_problem(raw)
    if problem:
        raise AmendRefused(N_("usage.contracts-template-bad"), usage=True, path=str(path), detail=problem)
    return label, raw


def record_errors(ds, p, findings, lang: str) -> list[str]:
    """The errors in the placement's, its student's and its hosts' records, described (as a
    render refuses them): no amendment is made from data with errors."""
    from cluster_cli.contracts.plan import describe, findings_by_record

    by_record = findings_by_record(findings)
    records = [p, ds.students.get(p.student), *(ds.members.get(h.member) for h in p.hosts)]
    return [describe(f, lang) for r in records if r is not None
            for f in by_record.get((r.origin.file, r.origin.prefix), []) if f.severity == "error"]


def plan_amendment(ds, profile, p, out_dir: Path, day: date, lang: str, signatures: str = "digital") -> Amendment:
    """What `contracts amend` makes for placement `p`: an Amendment (its `changes` empty when
    nothing changed). Raises AmendRefused: the contract is not signed (draft, review: re-render
    it instead; cancelled), not rendered in `out_dir`, or stores no terms. `lang` is the run's
    language (of a refusal's words); the amendment is in the contract's; `signatures` (digital,
    paper) its signature block and the sentence on its date, as the contract's."""
    from cluster_cli.contracts.context import ContractDataError, build_context
    from cluster_cli.contracts.plan import inside, needs_two_party, relative_destination
    from cluster_cli.contracts.terms import amendment_files, amendment_path, changed_terms, contract_terms, \
        latest_snapshot
    from cluster_cli.i18n import t
    from cluster_cli.i18n.words import PLACEMENT_STATUS

    if p.status not in SIGNED:
        key = N_("refused.contracts-amend-cancelled") if p.status == "cancelled" \
            else N_("refused.contracts-amend-unsigned")
        raise AmendRefused(key, placement=p.id, status=t(PLACEMENT_STATUS[p.status], lang))
    try:
        context = build_context(ds, profile, p, as_of=day, signatures=signatures)
    except ContractDataError as exc:
        raise AmendRefused(exc.key, **exc.args_) from None
    rel = relative_destination(context)
    contract = inside(out_dir, rel)
    if contract is None or not contract.is_file():
        raise AmendRefused(N_("refused.contracts-amend-no-contract"), placement=p.id, path=str(out_dir / rel))
    snapshot = latest_snapshot(contract)
    if snapshot is None:
        raise AmendRefused(N_("refused.contracts-amend-no-terms"), placement=p.id, path=str(out_dir / rel))
    source, old = snapshot
    terms = contract_terms(context)
    plan = Amendment(placement=p.id, contract=contract, source=source, terms=terms,
                     changes=changed_terms(old, terms), language=context["language"])
    if not plan.changes:
        return plan
    numbers = [a.number for a in p.amendments] + [n for n, _ in amendment_files(contract)]
    plan.number = max(numbers, default=0) + 1
    plan.path = amendment_path(contract, plan.number)
    plan.rel = str(Path(rel).with_name(plan.path.name).as_posix())
    plan.context = {**context, "amendment": _amendment_context(plan, old, day)}
    if needs_two_party(p):
        second = _two_party(ds, profile, p, out_dir, day, plan.number, signatures)
        if second is not None:
            plan.also.append(second)
    return plan


def _two_party(ds, profile, p, out_dir: Path, day: date, number: int, signatures: str) -> Amendment | None:
    """The bilateral agreement's amendment (in Estonian, school and student sign), numbered as
    the project agreement's; None when that agreement is not there, stores no terms or did not
    change."""
    from cluster_cli.contracts.context import build_context
    from cluster_cli.contracts.plan import TWO_PARTY_SUFFIX, inside, relative_destination
    from cluster_cli.contracts.terms import amendment_path, changed_terms, contract_terms, latest_snapshot

    context = build_context(ds, profile, p, "et", as_of=day, signatures=signatures)
    rel = relative_destination(context, TWO_PARTY_SUFFIX)
    contract = inside(out_dir, rel)
    snapshot = latest_snapshot(contract) if contract is not None and contract.is_file() else None
    if snapshot is None:
        return None
    source, old = snapshot
    terms = contract_terms(context)
    plan = Amendment(placement=p.id, contract=contract, source=source, terms=terms, number=number,
                     changes=changed_terms(old, terms), language="et")
    if not plan.changes:
        return None
    plan.path = amendment_path(contract, number)
    plan.rel = str(Path(rel).with_name(plan.path.name).as_posix())
    plan.context = {**context, "amendment": {**_amendment_context(plan, old, day), "two_party": True}}
    return plan


def _amendment_context(plan: Amendment, old: dict, day: date) -> dict:
    from cluster_cli.contracts.context import format_date
    from cluster_cli.contracts.terms import term_label
    from cluster_cli.contracts.verdicts import host_names
    from cluster_cli.i18n import t

    lang = plan.language
    names = host_names(old, plan.terms)
    none = t("term.none", lang)
    return {
        "number": plan.number, "date": format_date(day, lang), "date_iso": day.isoformat(),
        "date_numeric": day.strftime("%d.%m.%Y"),
        "contract": plan.contract.name, "previous": plan.source.name, "two_party": False,
        "changes": [{"term": term_label(k, lang, names), "name": k, "old": none if a is None else a,
                     "new": none if b is None else b} for k, a, b in plan.changes],
    }


def render_amendment(plan: Amendment, template: bytes) -> bytes:
    """The amendment's DOCX in memory, the new terms stored in it. Raises docx.RenderError."""
    from cluster_cli.contracts.context import inputs_hash
    from cluster_cli.contracts.docx import render_docx

    assert plan.context is not None
    return render_docx(template, plan.context, plan.placement, inputs_hash(plan.context, template), terms=plan.terms)
