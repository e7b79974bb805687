"""The layout of a data folder: which files hold which kind of records. No pydantic here —
finding the files must stay cheap (the answers cache hashes them before anything is loaded)."""

from __future__ import annotations

import os
import stat
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from pathlib import Path

from cluster_cli.i18n import N_

LIST_KINDS = ("members", "curricula", "groups", "tasks", "students", "placements", "courses")
"""The list kinds of a data folder, in load order. Each is `<kind>.yaml` or a folder `<kind>/`."""

YAML_SUFFIXES = (".yaml", ".yml")
SPECIAL_FILES = ("cluster", "profile")


class DataFolderError(Exception):
    """The folder cannot be read as a data folder at all. `key` is a catalogue key."""

    def __init__(self, key: str, path: str):
        super().__init__(f"{key}: {path}")
        self.key = key
        self.path = path


def discover(data_dir: Path, refused: list | None = None) -> tuple[dict[str, list[Path]], list[Path]]:
    """Files per kind (sorted, so that loading order — and output — is stable) and the YAML
    files that belong to no kind. Hidden files and folders (a leading dot) are never read: the
    data folder's lock `.cluster.lock` and the temporaries of an interrupted write
    (`.ptk.yaml.*.tmp`, edit/write.py) live there. Files that must not be read (`screen`) are
    left out; if a `refused` list is given, they are added to it as `Refused` values."""
    by_kind: dict[str, list[Path]] = {k: [] for k in (*SPECIAL_FILES, *LIST_KINDS)}
    unknown: list[Path] = []
    for entry in sorted(data_dir.iterdir()):
        if entry.name.startswith("."):
            continue
        stem = entry.stem if not entry.is_dir() else entry.name
        if not entry.is_dir() and entry.suffix in YAML_SUFFIXES:  # a FIFO too: refused below
            (by_kind[stem] if stem in by_kind else unknown).append(entry)
        elif entry.is_dir() and stem in LIST_KINDS:
            by_kind[stem].extend(_yaml_files(entry))
    _screen_all(data_dir, by_kind, unknown, refused if refused is not None else [])
    return by_kind, unknown


def _yaml_files(folder: Path) -> list[Path]:
    found = []
    for dirpath, dirnames, filenames in os.walk(folder):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        found.extend(
            Path(dirpath, f) for f in sorted(filenames) if f.endswith(YAML_SUFFIXES) and not f.startswith(".")
        )
    return found


# --- files that must not be read ---------------------------------------------------------------

DEFAULT_MAX_FILE_MB = 200


def max_file_bytes() -> int:
    """The largest file the loader reads: CLUSTER_MAX_FILE_MB (megabytes, default 200). A guard
    against a runaway export or a wrong file, not a data rule; a bad value means the default."""
    try:
        megabytes = float(os.environ.get("CLUSTER_MAX_FILE_MB", DEFAULT_MAX_FILE_MB))
    except ValueError:
        megabytes = DEFAULT_MAX_FILE_MB
    return int((megabytes if megabytes > 0 else DEFAULT_MAX_FILE_MB) * 1024 * 1024)


@dataclass(frozen=True)
class Refused:
    """A file the loader will not read: `code` is the finding's code (and catalogue key),
    `args` its arguments."""

    path: Path
    code: str
    args: dict = field(default_factory=dict)


class RefusedFile(Exception):
    """Raised by `read_checked` when a file turned out not to be readable safely."""

    def __init__(self, refused: Refused):
        super().__init__(refused.code)
        self.refused = refused


def screen(path: Path, root: Path, limit: int | None = None, root_real: Path | None = None) -> Refused | None:
    """Why `path` must not be read, or None: a link that leads out of the data folder `root`
    (it would quote other files' lines in findings), something that is not an ordinary file (a
    FIFO or a device would block or never end), or a file over the size limit. Files that
    cannot even be looked at are left to the loader, which reports them as unreadable."""
    try:
        real = path.resolve()
        inside = real.is_relative_to(root_real or root.resolve())
        st = os.stat(path)
    except (OSError, RuntimeError):  # a dangling link or a loop: the read will say so
        return None
    if not inside:
        return Refused(path, N_("file-outside-folder"), {"target": str(real)})
    return _by_status(path, st, max_file_bytes() if limit is None else limit)


def _by_status(path: Path, st: os.stat_result, limit: int) -> Refused | None:
    if not stat.S_ISREG(st.st_mode):
        from cluster_cli.i18n import Phrase

        if stat.S_ISFIFO(st.st_mode):
            kind = N_("loader.kind.fifo")
        elif stat.S_ISCHR(st.st_mode) or stat.S_ISBLK(st.st_mode):
            kind = N_("loader.kind.device")
        elif stat.S_ISSOCK(st.st_mode):
            kind = N_("loader.kind.socket")
        else:
            kind = N_("loader.kind.other")
        return Refused(path, N_("file-not-regular"), {"kind": Phrase(kind, ())})
    if st.st_size > limit:
        mb = 1024 * 1024
        return Refused(path, N_("file-over-limit"), {"size": f"{st.st_size / mb:.1f}",
                                                     "limit": f"{round(limit / mb, 1):g}",
                                                     "suggest": str(int(st.st_size // mb) + 1)})
    return None


def read_checked(path: Path) -> bytes:
    """The file's bytes, read only if it is (still) an ordinary file within the size limit:
    opened without blocking, so that a FIFO put in place after discovery cannot hang the run.
    Raises `RefusedFile`, or OSError when the file cannot be read."""
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    try:
        refusal = _by_status(path, os.fstat(fd), max_file_bytes())
        if refusal is not None:
            raise RefusedFile(refusal)
        with os.fdopen(fd, "rb", closefd=False) as f:
            return f.read()
    finally:
        os.close(fd)


def _screen_fast(path: Path, root_real: Path | None, limit: int, folders: dict[str, str]) -> "Refused | None | bool":
    """`screen` with one `lstat` for a file that is no link, in a folder resolved once (a data
    folder holds hundreds of files in a few folders; resolving each path stats every part of
    it). False: the file needs the whole check."""
    if root_real is None:
        return False
    try:
        st = os.lstat(path)
    except OSError:
        return False
    if stat.S_ISLNK(st.st_mode):
        return False
    folder = str(path.parent)
    real = folders.get(folder)
    if real is None:
        real = folders[folder] = os.path.realpath(folder)
    if not Path(real, path.name).is_relative_to(root_real):
        return False
    return _by_status(path, st, limit)


def _screen_all(root: Path, by_kind: dict[str, list[Path]], unknown: list[Path], refused: list) -> None:
    try:
        root_real = root.resolve()
    except (OSError, RuntimeError):
        root_real = None
    limit = max_file_bytes()
    folders: dict[str, str] = {}  # a folder as listed → where it really is
    for paths in (*by_kind.values(), unknown):
        kept = []
        for path in paths:
            refusal = _screen_fast(path, root_real, limit, folders)
            if refusal is False:  # a link, or not known at once: the whole check
                refusal = screen(path, root, limit, root_real)
            if refusal is None:
                kept.append(path)
            else:
                refused.append(refusal)
        paths[:] = kept


# Who wants to hear how far loading got (the CLI's progress bar on a big folder): called
# `(done_files, total_files, total_bytes)` before each file and once when all are read, then
# `(done_files, total_files, 0, "check")` as the files are checked. Off unless
# `reporting_progress()` turns it on; the loader and the checks themselves never print.
_PROGRESS: ContextVar[Callable[..., None] | None] = ContextVar("cluster_load_progress", default=None)


@contextmanager
def reporting_progress(callback: Callable[..., None]) -> Iterator[None]:
    """Within the block, every `load_folder` (load/folder.py) reports its progress to `callback(done_files,
    total_files, total_bytes)`: before each file (first with 0 done) and when all are read; and
    the record rules (regulation/kept.py) theirs to `callback(done_files, total_files, 0, "check")`."""
    token = _PROGRESS.set(callback)
    try:
        yield
    finally:
        _PROGRESS.reset(token)


def progress_listener() -> Callable[..., None] | None:
    """The callback `reporting_progress` set, if any."""
    return _PROGRESS.get()


def progress_of(total: int, size: int = 0, step: str = "load") -> Callable[..., None]:
    """`report(done, helped=0)` for a step over `total` files (of `size` bytes): `done` of them
    through here, while a helper (`cluster_cli/forked.py`) does the last `helped` at this
    process's pace — so the listener hears of both, this share standing for the whole (short of
    the end until the helper has answered), and never of a step back: what is left after the
    helper's answer (its share again, where it failed) is spread over what the bar has left.
    Does nothing without a listener."""
    listener = _PROGRESS.get()
    if listener is None or not total:
        return lambda done, helped=0: None
    shown, since = 0, None  # since: (done, shown) when the helper's share was last counted

    def report(done: int, helped: int = 0) -> None:
        nonlocal shown, since
        if helped:
            value = min(total - 1, done * total // (total - helped))
            since = None
        else:
            if since is None:
                since = (done, shown) if shown > done else (0, 0)
            base_done, base_shown = since
            value = base_shown + (done - base_done) * (total - base_shown) // max(total - base_done, 1)
        shown = max(shown, min(value, total))
        listener(shown, total, size, step)

    return report
