"""PDF copies of the written contracts, through LibreOffice headless (`--pdf`)."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path
from typing import TYPE_CHECKING, Callable

if TYPE_CHECKING:
    from cluster_cli.contracts.plan import Job


def converter() -> str | None:
    """The LibreOffice program (soffice or libreoffice) on PATH, or None."""
    return shutil.which("soffice") or shutil.which("libreoffice")


# Contracts per LibreOffice run: one run per folder would be fastest (LibreOffice starts once),
# but then a long conversion is one silent step; runs of this many give progress and an ETA.
BATCH = 10


def convert(soffice: str, jobs: list[Job], on_progress: Callable[[int, int], None] | None = None
            ) -> tuple[int, list[tuple[Path, str]]]:
    """Convert the written contracts to PDF, a batch of a folder's files at a time, where the PDF
    is missing or older. Returns how many PDFs were made and the contracts that failed, with
    LibreOffice's words. `on_progress(done, total)` hears how many contracts are through (first
    with 0 done); it never prints here."""
    folders: dict[Path, list[Path]] = {}
    for job in jobs:
        target = job.path.with_suffix(".pdf")
        if not target.exists() or target.stat().st_mtime < job.path.stat().st_mtime:
            folders.setdefault(job.path.parent, []).append(job.path)
    batches = [(folder, files[i:i + BATCH]) for folder, files in sorted(folders.items())
               for i in range(0, len(files), BATCH)]
    total = sum(len(files) for _, files in batches)
    done = 0
    if on_progress is not None:
        on_progress(done, total)
    made = 0
    failed: list[tuple[Path, str]] = []
    for folder, files in batches:
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
        done += len(files)
        if on_progress is not None:
            on_progress(done, total)
    return made, failed
