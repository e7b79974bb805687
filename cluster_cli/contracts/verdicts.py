"""Each file's verdict, copier's way — from the inputs hash stored in an existing contract, never
from raw bytes — and the words for a contract that could not be rendered.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path
from typing import TYPE_CHECKING

from cluster_cli.i18n import N_
from cluster_cli.contracts.docx import HASH_PREFIX

if TYPE_CHECKING:
    from cluster_cli.contracts.docx import RenderError
    from cluster_cli.contracts.plan import Job


def stored_hash(path: Path) -> str | None:
    """The inputs hash stored in an existing DOCX, or None (not ours, or not a DOCX)."""
    try:
        with zipfile.ZipFile(path) as z:
            core = z.read("docProps/core.xml").decode("utf-8", "replace")
    except (OSError, KeyError, zipfile.BadZipFile, ValueError):
        return None
    m = re.search(r"<dc:identifier>" + re.escape(HASH_PREFIX) + r"([0-9a-f]{64})</dc:identifier>", core)
    return m.group(1) if m else None


SIGNED = ("valid", "finished")
"""Statuses of a signed contract: its file is never overwritten, not even with --force."""


def decide(job: Job, force: bool, lang: str) -> None:
    """copier's per-file verdict, from the stored inputs hash — never from raw bytes: created (no
    file), unchanged (same inputs), updated (changed, --force), conflict (changed, or a file this
    tool did not write: it may be a signed contract). A signed contract (valid, finished) whose
    inputs changed is never overwritten: `changed` with its changed terms, or unchanged when
    its terms are those of the latest signed document (an amendment, then the contract)."""
    from cluster_cli.i18n import t

    assert job.path is not None
    if not job.path.exists():
        job.status = "created"
        return
    stored = stored_hash(job.path)
    if stored == job.hash:
        job.status = "unchanged"
    elif job.context is not None and job.context["placement"]["status"] in SIGNED:
        _signed(job, lang)
    elif force:
        job.status = "updated"
    else:
        job.status = "conflict"
        key = N_("reason.contracts.conflict") if stored else N_("reason.contracts.conflict-foreign")
        job.reasons.append(t(key, lang, path=job.rel))


def render_reason(error: RenderError, template: str, lang: str) -> str:
    """Why a contract could not be rendered, as a manifest reason in the run's language."""
    from cluster_cli.i18n import t

    if error.kind == "characters":
        return t("reason.contracts.characters-render", lang, placement=error.placement, term=error.term,
                 value=error.detail)
    if error.kind == "template" and error.where:
        return t("reason.contracts.template-at", lang, placement=error.placement, template=template,
                 where=error.where, detail=error.detail)
    key = {"missing": N_("reason.contracts.missing"), "unknown": N_("reason.contracts.unknown-variable")}.get(
        error.kind, N_("reason.contracts.template"))
    return t(key, lang, placement=error.placement, term=error.term, detail=error.detail)


def _signed(job: Job, lang: str) -> None:
    """The verdict of a signed contract whose inputs changed: its terms against the latest
    signed snapshot (`terms.latest_snapshot`)."""
    from cluster_cli.contracts.terms import changed_terms, contract_terms, latest_snapshot
    from cluster_cli.i18n import t

    assert job.path is not None and job.context is not None
    placement = job.context["placement"]["id"]
    snapshot = latest_snapshot(job.path)
    if snapshot is None:  # rendered before terms were stored, or not ours: nothing to diff against
        job.status = "conflict"
        job.reasons.append(t("reason.contracts.signed-no-terms", lang, path=job.rel, placement=placement))
        return
    source, old = snapshot
    new = contract_terms(job.context)
    job.changes = changed_terms(old, new)
    if not job.changes:
        job.status = "unchanged"
        job.reasons.append(t("reason.contracts.signed-same", lang, file=source.name))
        return
    job.status = "changed"
    job.reasons.append(t("reason.contracts.signed-changed", lang, path=job.rel, file=source.name,
                         placement=placement))
    names = host_names(old, new)
    for term, before, after in job.changes:
        job.reasons.append(change_text(term, before, after, lang, names))


def host_names(*terms: dict) -> dict[str, str]:
    """Member id → host name, from the `host.<id>` terms of one or more snapshots."""
    out: dict[str, str] = {}
    for snapshot in terms:
        for k, v in snapshot.items():
            if k.startswith("host.") and k.count(".") == 1 and v:
                out.setdefault(k[5:], v)
    return out


def change_text(term: str, before: str | None, after: str | None, lang: str, hosts: dict[str, str]) -> str:
    """One changed term for people: ``Periood: 1. veebruar 2027 – … → 8. veebruar 2027 – …``."""
    from cluster_cli.contracts.terms import term_label
    from cluster_cli.i18n import t

    none = t("term.none", lang)
    return t("reason.contracts.term-changed", lang, term=term_label(term, lang, hosts),
             old=none if before is None else before, new=none if after is None else after)
