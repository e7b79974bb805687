"""Writes to the data folder's own files (`match --write` today; status and import later).

One way for every command that changes data files:

1. **Lock** the data folder: `fcntl.flock` on `.cluster.lock` in the folder itself (hidden, so
   discovery never reads it; it stays after the run — removing a lock file races with a waiting
   writer). A second editing command waits up to `CLUSTER_LOCK_TIMEOUT` seconds (default 30),
   then refuses. Reading commands take no lock.
2. **Sweep** the temporary files a killed edit left (`.x.yaml.*.tmp`): safe, the lock is held.
3. **Snapshot** the folder — a digest of every data file — *before* the data is loaded.
4. **Commit**: check the snapshot against the disk again; if any data file changed (an editor
   saved, a file appeared or went away), refuse and write nothing. Otherwise write each file
   atomically, keeping its mode, through a symlink to its target.

The lock keeps our own commands from interleaving; the snapshot catches everyone else.
Standard library and the (pydantic-free) layout only. Use:

    with edit(data_dir) as session:      # DataFolderBusy → exit 1
        loaded = load(data_dir)          # read after the snapshot
        texts = plan(loaded)             # {path: new text}, in memory
        session.commit(texts)            # DataChanged → exit 1; WriteError → exit 2
"""

from __future__ import annotations

import fcntl
import hashlib
import os
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Callable, Iterator, Optional

from cluster_cli.files import WriteError, sweep_temporaries, write_atomic
from cluster_cli.load.layout import discover

LOCK_NAME = ".cluster.lock"
LOCK_TIMEOUT_ENV = "CLUSTER_LOCK_TIMEOUT"
DEFAULT_LOCK_TIMEOUT = 30.0

before_commit: Optional[Callable[[list[Path]], None]] = None
"""Test seam: called with the target paths after the files were planned and before they are
checked and written — where a concurrent edit would land."""


class DataFolderBusy(Exception):
    """Another command holds the data folder's lock."""

    def __init__(self, folder: str):
        super().__init__(folder)
        self.path = folder


class DataChanged(Exception):
    """A data file changed between the snapshot and the commit; nothing was written."""

    def __init__(self, path: str):
        super().__init__(path)
        self.path = path


def _lock_timeout() -> float:
    try:
        return max(0.0, float(os.environ.get(LOCK_TIMEOUT_ENV, DEFAULT_LOCK_TIMEOUT)))
    except ValueError:
        return DEFAULT_LOCK_TIMEOUT


def data_files(data_dir: Path) -> list[Path]:
    """Every file the loader reads, in a stable order."""
    by_kind, unknown = discover(data_dir)
    return sorted({p for paths in by_kind.values() for p in paths} | set(unknown))


def _digest(path: Path) -> Optional[str]:
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except FileNotFoundError:
        return None


def snapshot(data_dir: Path) -> dict[Path, Optional[str]]:
    return {p: _digest(p) for p in data_files(data_dir)}


class DataEdit:
    """An edit of one data folder, under its lock. Use `edit(data_dir)`."""

    def __init__(self, data_dir: Path):
        self.data_dir = Path(data_dir)
        self.seen = snapshot(self.data_dir)
        self.swept: list[Path] = []

    def changed(self, targets: list[Path]) -> Optional[Path]:
        """The first data file that differs from the snapshot — changed, added or removed — or a
        target outside it that appeared since; None when all is as it was read."""
        now = snapshot(self.data_dir)
        for path in sorted(set(self.seen) | set(now)):
            if self.seen.get(path) != now.get(path):
                return path
        for path in targets:
            if path not in self.seen and path.exists():
                return path
        return None

    def commit(self, texts: dict[Path, str | bytes]) -> None:
        """Write every file in `texts` — or nothing, with DataChanged, when the data changed
        since the snapshot. A file keeps its mode; a symlink keeps pointing at the new bytes.
        A write the system refuses raises WriteError with the file's path."""
        targets = list(texts)
        if before_commit is not None:
            before_commit(targets)
        moved = self.changed(targets)
        if moved is not None:
            raise DataChanged(str(moved))
        for path, text in texts.items():
            try:
                write_atomic(path, text, private=False)
            except OSError as exc:
                raise WriteError(str(path), exc) from None


@contextmanager
def edit(data_dir: Path) -> Iterator[DataEdit]:
    """Lock the data folder, sweep what a killed edit left, snapshot the files. Raises
    DataFolderBusy when the lock is not free within the timeout, WriteError when the lock file
    cannot be created (a read-only folder)."""
    data_dir = Path(data_dir)
    try:
        fd = os.open(data_dir / LOCK_NAME, os.O_RDWR | os.O_CREAT, 0o666)
    except OSError as exc:
        raise WriteError(str(data_dir), exc) from None
    try:
        deadline = time.monotonic() + _lock_timeout()
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    raise DataFolderBusy(str(data_dir)) from None
                time.sleep(0.1)
        swept = []
        for folder in _folders(data_dir):
            for pattern in ("*.yaml", "*.yml"):
                swept += sweep_temporaries(folder, pattern)
        session = DataEdit(data_dir)
        session.swept = swept
        yield session
    finally:
        os.close(fd)  # closing the descriptor releases the lock


def _folders(data_dir: Path) -> list[Path]:
    """The data folder and every (non-hidden) folder under it: where data files are written."""
    found = [data_dir]
    for dirpath, dirnames, _ in os.walk(data_dir):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        found.extend(Path(dirpath, d) for d in dirnames)
    return found
