"""The output folder: its lock, the transaction a failed run rolls back, the sweep of temporary
files a killed write left, and the one place a contract or manifest reaches the disk.
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Iterator

if TYPE_CHECKING:
    from cluster_cli.contracts.plan import Job

LOCK_NAME = ".cluster-contracts.lock"
"""The lock file in the output folder: one `contracts render` writes into a folder at a time."""

# --- writing -----------------------------------------------------------------------------------


def write_file(path: Path, data: bytes | str) -> None:
    """The one place a contract or manifest reaches the disk (atomic: temp file + os.replace)."""
    from cluster_cli.files import write_atomic

    write_atomic(path, data)


class Transaction:
    """Files and folders a run creates or replaces; `rollback` puts the folder back as it was:
    created files and folders are removed (copier: a folder the failed run created is removed),
    replaced files get their previous bytes back. `removed` and `restored` say what it did."""

    def __init__(self, root: Path):
        self.root = root
        self.files: list[Path] = []
        self.dirs: list[Path] = []
        self.backups: dict[Path, bytes] = {}
        self.removed: list[Path] = []
        self.restored: list[Path] = []

    def ensure_dir(self, folder: Path) -> None:
        missing = []
        cur = folder
        while not cur.exists():
            missing.append(cur)
            cur = cur.parent
        for d in reversed(missing):
            try:
                d.mkdir()
            except FileExistsError:  # another run made it in between: not ours to remove
                if not d.is_dir():
                    raise
                continue
            self.dirs.append(d)

    def write(self, path: Path, data: bytes | str, new: bool) -> None:
        self.ensure_dir(path.parent)
        if not new and path not in self.backups and path not in self.files:
            try:
                self.backups[path] = path.read_bytes()
            except FileNotFoundError:
                new = True
        write_file(path, data)
        if new and path not in self.files:
            self.files.append(path)

    def rollback(self) -> None:
        for f in reversed(self.files):
            try:
                f.unlink()
                self.removed.append(f)
            except FileNotFoundError:
                pass
        for f, old in self.backups.items():
            write_file(f, old)
            self.restored.append(f)
        for d in sorted(self.dirs, key=lambda p: len(p.parts), reverse=True):
            for stray in d.glob(".*.tmp"):  # temp files of an interrupted write
                stray.unlink(missing_ok=True)
            if d == self.root:  # the lock file lives in the folder this run created
                (d / LOCK_NAME).unlink(missing_ok=True)
            try:
                d.rmdir()
            except OSError:
                pass


class LockTimeout(Exception):
    """Another run holds the output folder's lock longer than we wait."""


class FolderLock:
    """An exclusive lock on the output folder (fcntl.flock on OUT/.cluster-contracts.lock), held
    from planning to the manifest: two runs into one folder never decide on the same files.
    The folder is made through the transaction (a run that fails removes it). The holder removes
    the lock file before it unlocks; a waiting run then finds the file it locked is no longer
    the one in the folder and starts again."""

    def __init__(self, root: Path, timeout: float, on_wait: Callable[[], None] | None = None, poll: float = 0.05):
        self.root, self.timeout, self.on_wait, self.poll = root, timeout, on_wait, poll
        self.fd: int | None = None

    def acquire(self, tx: Transaction) -> None:
        import fcntl
        import time

        deadline = time.monotonic() + self.timeout
        waited = False
        path = self.root / LOCK_NAME
        while True:
            tx.ensure_dir(self.root)
            try:
                fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
            except FileNotFoundError:  # the folder went away with a failed run: again
                continue
            try:
                while True:
                    try:
                        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                        break
                    except BlockingIOError:
                        if not waited and self.on_wait is not None:
                            self.on_wait()
                        waited = True
                        if time.monotonic() >= deadline:
                            raise LockTimeout(str(path)) from None
                        time.sleep(self.poll)
                try:
                    live = os.stat(path).st_ino == os.fstat(fd).st_ino
                except FileNotFoundError:
                    live = False
            except BaseException:
                os.close(fd)
                raise
            if live:
                self.fd = fd
                return
            os.close(fd)

    def release(self) -> None:
        """Remove the lock file, then unlock: the folder keeps no trace of the lock, and a run
        waiting on the removed file notices and locks the next one."""
        if self.fd is not None:
            try:
                (self.root / LOCK_NAME).unlink(missing_ok=True)
            except OSError:
                pass
            os.close(self.fd)  # closing the descriptor releases the flock
            self.fd = None


_TEMP = re.compile(r"^\..+\.(docx|pdf|asice|json|csv)\.[A-Za-z0-9_]{6,}\.tmp$")


def sweep_temp_files(root: Path) -> list[Path]:
    """Remove the temporary files a killed write left in the output folder (``.X.docx.*.tmp``:
    a whole contract, personal code and all). Call only while holding the folder's lock."""
    swept = []
    if not root.is_dir():
        return swept
    for stray in sorted(root.rglob(".*.tmp")):
        if _TEMP.match(stray.name) and stray.is_file() and not stray.is_symlink():
            stray.unlink(missing_ok=True)
            swept.append(stray)
    return swept


# --- rendering into the folder -------------------------------------------------------------------


def needs_rendering(jobs: list[Job]) -> list[Job]:
    """The jobs whose verdict needs the document: created, updated — and conflict, rendered to
    find what rendering would refuse (it is never written)."""
    return [j for j in jobs if j.status in ("created", "updated", "conflict")]


def render_and_write(jobs: list[Job], templates: dict[str, tuple[str, bytes]], tx: Transaction, dry_run: bool,
                     lang: str) -> Iterator[tuple[Job, bool]]:
    """Render what needs rendering in memory (`docx.render_all`), then write each file, unless a
    dry run, as its verdict allows, through the transaction; yields every job in order once it
    is final, and whether it was rendered. A render error refuses its contract only. A write
    error propagates: the caller rolls the transaction back."""
    from cluster_cli.contracts.docx import render_all
    from cluster_cli.contracts.verdicts import render_reason

    to_render = needs_rendering(jobs)
    rendered = {id(j) for j in to_render}
    results = render_all(to_render, templates)
    try:
        for job in jobs:
            if id(job) in rendered:
                done, error = next(results)
                assert done is job
                if error is not None:
                    job.status = "refused"
                    job.reasons.append(render_reason(error, job.template, lang))
                elif job.status in ("created", "updated") and not dry_run:
                    tx.write(job.path, job.data, new=job.status == "created")
                job.data = None
            yield job, id(job) in rendered
    finally:
        results.close()
