"""A second core for a big first run (issue 20): part of the work done meanwhile in a forked
helper process, whose answer the caller takes as if it had done the work itself.

- Where: Linux with two or more cores given to the process, no other thread running, and only
  for work worth a process (`worth`: the callers pass its size against `MIN_BYTES` /
  `MIN_RECORDS`). `CLUSTER_JOBS=1` turns the helper off (a run then is as before, one core);
  a larger number changes nothing (one helper at most).
- Same answer: the helper runs the caller's own code on a share of the files; the caller puts
  the pieces together in file order, and does a share again itself wherever the helper failed
  (an exception, a signal, an answer that does not unpickle; no process or pipe to be had; a
  parent that ignores SIGCHLD) — the helper's failure is never the run's. Nothing the helper
  says reaches the terminal: its stdout and stderr go to /dev/null, it writes its answer to a
  pipe and leaves with `os._exit` (no buffer flushed twice, no exit handler run twice). It
  ends with the command: killed, interrupted or crashed, the command takes its helper along
  (`PR_SET_PDEATHSIG`), so nothing is left writing into the cache after it.
- Memory: a forked process shares the caller's pages until either writes to them; the peak of
  each process stays that of a one-core run's share."""

from __future__ import annotations

import os
import sys
from typing import Any, Callable

JOBS_ENV = "CLUSTER_JOBS"
MIN_BYTES = 4_000_000
"""The new list files' bytes from which loading them takes a helper (about 800 students)."""
MIN_RECORDS = 2_000
"""The records to check from which checking them takes a helper."""


def _cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):  # pragma: no cover - not on Linux
        return os.cpu_count() or 1


def jobs(environ=os.environ) -> int | None:
    """`CLUSTER_JOBS` as a number of processes (None: not set — as many as are worth it, two at
    most). ValueError when it is not a whole number of at least 1 (the CLI checks this first)."""
    text = environ.get(JOBS_ENV, "").strip()
    if not text:
        return None
    if not text.isdigit() or int(text) < 1:
        raise ValueError(JOBS_ENV)
    return int(text)


def worth(size: int, least: int) -> bool:
    """Whether work of `size` (bytes, records) is worth a helper here. Never while another
    thread runs (a progress bar's): a lock it held at the fork would stay held in the helper."""
    import threading

    try:
        one = jobs() == 1
    except ValueError:  # said by the CLI; here: no helper
        one = True
    return (size >= least and not one and sys.platform.startswith("linux") and hasattr(os, "fork")
            and _cores() >= 2 and threading.active_count() == 1)


def helpers_share(sizes: list[int], least: int) -> int:
    """Where the helper's share of work items of `sizes` starts: the last items, at most half
    of the total (one item of most of it stays with the caller); `len(sizes)` — no helper —
    where the whole is not `worth` one or nothing fits."""
    total = sum(sizes)
    cut, taken = len(sizes), 0
    if worth(total, least):
        while cut > 0 and 2 * (taken + sizes[cut - 1]) <= total:
            cut -= 1
            taken += sizes[cut]
    return cut


class Helper:
    """`work()` run in a forked process; `answer()` waits for what it returned (pickled)."""

    def __init__(self, work: Callable[[], Any]):
        self._answer: Any = None
        self._waited = True  # until a helper runs: no answer to wait for
        parent = os.getpid()
        try:
            read, write = os.pipe()
        except OSError:  # no file descriptors left: no helper, the caller does the work
            return
        try:
            pid = os.fork()
        except OSError:  # a process limit (EAGAIN), no memory to commit (ENOMEM)
            os.close(read)
            os.close(write)
            return
        if pid == 0:  # the helper
            code = 1
            try:
                import pickle

                _die_with(parent)
                os.close(read)
                with os.fdopen(write, "wb") as out:
                    pickle.dump(work(), out, protocol=pickle.HIGHEST_PROTOCOL)
                code = 0
            except BaseException:  # noqa: BLE001 - any failure: the caller does the work itself
                pass
            finally:
                os._exit(code)
        os.close(write)
        self._pid, self._read = pid, read
        self._waited = False

    def answer(self) -> Any | None:
        """What `work()` returned, or None when the helper failed. Waits for it once."""
        if not self._waited:
            self._waited = True
            with os.fdopen(self._read, "rb") as pipe:
                data = pipe.read()  # before waiting: a helper blocks on a full pipe
            try:
                _, status = os.waitpid(self._pid, 0)
            except ChildProcessError:  # reaped already (SIGCHLD ignored by whoever started us)
                return None
            if os.waitstatus_to_exitcode(status) == 0:
                import pickle  # here: every command checks CLUSTER_JOBS, few fork

                try:
                    self._answer = pickle.loads(data)
                except Exception:  # noqa: BLE001 - a torn answer is no answer
                    self._answer = None
        return self._answer


def _die_with(parent: int) -> None:
    """The helper ends when the command does (killed, interrupted): never left running; and
    says nothing (a faulthandler dump, a C library's message) where the command's output goes."""
    try:
        quiet = os.open(os.devnull, os.O_WRONLY)
        os.dup2(quiet, 1)
        os.dup2(quiet, 2)
        os.close(quiet)
    except OSError:  # pragma: no cover
        pass
    try:
        import ctypes
        import signal

        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):  # pragma: no cover - no prctl
        pass
    if os.getppid() != parent:  # the command ended before the line above
        os._exit(1)
