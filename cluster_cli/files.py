"""Writing files safely: never a half-written file, whatever interrupts the write.

Also the checks an output path must pass before a report is computed (and again just before it is
written), the errors a write can meet as values with their path, and the sweep of temporary files a
killed write left behind. Standard library only: every room may use it.
"""

from __future__ import annotations

import errno
import os
import stat
import tempfile
from pathlib import Path


def N_(key: str) -> str:
    """Marks a message key for extraction (as `cluster_cli.i18n.N_`, which this base module may
    not import)."""
    return key


PRIVATE_MODE = 0o600
"""Files that hold unmasked personal data (cache entries, contracts, `--show-pii` reports)."""

SYSTEM_FOLDERS = ("/proc", "/sys")
"""Kernel pseudo-file systems: never a place for a report, even when the kernel would accept it."""


class OutputPathError(Exception):
    """An output path the tool will not write to. `key` is a catalogue key (`files.output-…`);
    `path` is the path as the user gave it."""

    def __init__(self, key: str, path: str):
        super().__init__(f"{key}: {path}")
        self.key = key
        self.path = path


class WriteError(Exception):
    """A write that the operating system refused (full disk, read-only file system, no
    permission). `key` is a catalogue key (`files.write-…`), `reason` the system's words."""

    def __init__(self, path: str, error: OSError):
        super().__init__(f"{path}: {error}")
        self.path = path
        self.errno = error.errno
        self.reason = error.strerror or str(error)
        self.key = _WRITE_KEYS.get(error.errno, N_("files.write-failed"))


_WRITE_KEYS = {
    errno.ENOSPC: N_("files.write-full"),
    errno.EDQUOT: N_("files.write-full"),
    errno.EROFS: N_("files.write-read-only"),
    errno.EACCES: N_("files.write-denied"),
    errno.EPERM: N_("files.write-denied"),
}


def current_umask() -> int:
    mask = os.umask(0o077)
    os.umask(mask)
    return mask


def _write_all(fd: int, raw: bytes) -> None:
    """Every byte of `raw` to `fd` (the one place bytes reach a file: a test can make it fail)."""
    view = memoryview(raw)
    while view:
        view = view[os.write(fd, view):]


def write_atomic(path: Path, data: bytes | str, *, private: bool = True, durable: bool = True) -> None:
    """Write via a temporary file in the same folder and rename: never a half-written file.

    A symlink is followed: its target is replaced and the link stays. `private` files get mode
    0600; otherwise a replaced file keeps its mode and a new one gets the user's umask. On any
    error the temporary file is removed and the old file (if any) is left as it was. `durable`
    flushes the bytes to the disk before the rename; the cache, whose entries check their own
    sums and may be lost, writes without it."""
    target = Path(os.path.realpath(path))
    target.parent.mkdir(parents=True, exist_ok=True)
    raw = data.encode("utf-8") if isinstance(data, str) else data
    if private:
        mode = PRIVATE_MODE
    else:
        try:
            mode = stat.S_IMODE(os.stat(target).st_mode)
        except FileNotFoundError:
            mode = 0o666 & ~current_umask()
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        try:
            _write_all(fd, raw)
            os.fchmod(fd, mode)
            if durable:
                os.fsync(fd)
        finally:
            os.close(fd)
        os.replace(tmp, target)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise


def write_stream(path: Path, data: bytes | str) -> None:
    """Write into a FIFO or a character device (`/dev/null`, a shell's `>(…)`): nothing to make
    atomic there, and nothing to replace."""
    raw = data.encode("utf-8") if isinstance(data, str) else data
    fd = os.open(path, os.O_WRONLY)
    try:
        _write_all(fd, raw)
    finally:
        os.close(fd)


def is_stream(path: Path) -> bool:
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return False
    return stat.S_ISFIFO(mode) or stat.S_ISCHR(mode)


def _inside(path: str, folder: str) -> bool:
    return path == folder or path.startswith(folder.rstrip(os.sep) + os.sep)


def check_output(path: Path, data_dir: Path | None = None) -> None:
    """Raise OutputPathError when `path` is not a file a report may be written to: a folder, a
    file under a missing or unwritable folder, a read-only file, a kernel pseudo-file, a socket
    or block device, or anything inside the data folder (symlinks resolved)."""
    shown = str(path)
    try:
        st = os.stat(path)
    except FileNotFoundError:
        st = None
    except OSError:
        st = None
    if st is not None:
        if stat.S_ISDIR(st.st_mode):
            raise OutputPathError(N_("files.output-folder"), shown)
        if stat.S_ISFIFO(st.st_mode) or stat.S_ISCHR(st.st_mode):
            return  # a pipe or /dev/null: written as a stream
        if not stat.S_ISREG(st.st_mode):
            raise OutputPathError(N_("files.output-special"), shown)
    real = os.path.realpath(path)
    if any(_inside(real, folder) for folder in SYSTEM_FOLDERS):
        raise OutputPathError(N_("files.output-system"), shown)
    if data_dir is not None and _inside(real, os.path.realpath(data_dir)):
        raise OutputPathError(N_("files.output-in-data"), shown)
    parent = os.path.dirname(real)
    if not os.path.exists(parent):
        raise OutputPathError(N_("files.output-no-folder"), shown)
    if not os.path.isdir(parent):
        raise OutputPathError(N_("files.output-not-folder"), shown)
    if not os.access(parent, os.W_OK | os.X_OK):
        raise OutputPathError(N_("files.output-not-writable"), shown)
    if st is not None and not os.access(real, os.W_OK):
        raise OutputPathError(N_("files.output-read-only"), shown)


def write_output(path: Path, data: bytes | str, *, private: bool, data_dir: Path | None = None) -> None:
    """A report to the file the user named: checked again (the disk may have changed since the
    report was started), then written atomically, or as a stream into a pipe or device.
    Raises OutputPathError or WriteError; nothing partial and no temporary file stays behind."""
    check_output(path, data_dir)
    try:
        if is_stream(path):
            write_stream(path, data)
        else:
            write_atomic(path, data, private=private)
    except OSError as exc:
        raise WriteError(str(path), exc) from None


def temporary_glob(name_glob: str = "*") -> str:
    """The names `write_atomic` gives its temporary files for targets matching `name_glob`."""
    return f".{name_glob}.*.tmp"


def sweep_temporaries(folder: Path, name_glob: str = "*") -> list[Path]:
    """Remove the temporary files a killed write left in `folder` (not in its subfolders) for
    targets matching `name_glob`, e.g. `*.yaml`. Call it only while holding the lock that
    writers of that folder take, so that no live write loses its temporary file. Returns what
    was removed."""
    removed = []
    try:
        candidates = sorted(Path(folder).glob(temporary_glob(name_glob)))
    except OSError:
        return removed
    for path in candidates:
        try:
            if path.is_symlink() or not path.is_file():
                continue
            path.unlink()
        except OSError:
            continue
        removed.append(path)
    return removed
