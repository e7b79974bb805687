"""PDF copies of the written contracts, through LibreOffice headless (`--pdf`)."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from cluster_cli.contracts.plan import Job


def converter() -> str | None:
    """The LibreOffice program (soffice or libreoffice) on PATH, or None."""
    return shutil.which("soffice") or shutil.which("libreoffice")


def convert(soffice: str, jobs: list[Job]) -> tuple[int, list[tuple[Path, str]]]:
    """Convert the written contracts to PDF, a folder at a time, where the PDF is missing or
    older. Returns how many PDFs were made and the contracts that failed, with LibreOffice's
    words."""
    folders: dict[Path, list[Path]] = {}
    for job in jobs:
        target = job.path.with_suffix(".pdf")
        if not target.exists() or target.stat().st_mtime < job.path.stat().st_mtime:
            folders.setdefault(job.path.parent, []).append(job.path)
    made = 0
    failed: list[tuple[Path, str]] = []
    for folder, files in sorted(folders.items()):
        cmd = [soffice, "--headless", "--convert-to", "pdf", "--outdir", str(folder), *map(str, files)]
        try:
            proc = subprocess.run(cmd, capture_output=True, text=True, timeout=600)
            ok = proc.returncode == 0
            detail = (proc.stderr or proc.stdout).strip()[:300]
        except (OSError, subprocess.TimeoutExpired) as exc:
            ok, detail = False, str(exc)
        for f in files:
            if ok and f.with_suffix(".pdf").exists():
                made += 1
            else:
                failed.append((f, detail or "?"))
    return made, failed
