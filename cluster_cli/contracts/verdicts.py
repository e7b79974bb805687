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


def decide(job: Job, force: bool, lang: str) -> None:
    """copier's per-file verdict, from the stored inputs hash — never from raw bytes: created (no
    file), unchanged (same inputs), updated (changed, --force), conflict (changed, or a file this
    tool did not write: it may be a signed contract)."""
    from cluster_cli.i18n import t

    assert job.path is not None
    if not job.path.exists():
        job.status = "created"
        return
    stored = stored_hash(job.path)
    if stored == job.hash:
        job.status = "unchanged"
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
