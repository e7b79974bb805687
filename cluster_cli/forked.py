"""A second core for a big first run (issue 20): part of the work done meanwhile in a forked
helper process, whose answer the caller takes as if it had done the work itself.

- Where: Linux with two or more cores given to the process, no other thread running, and only
  for work worth a process (`worth`: the callers pass its size against `MIN_BYTES` /
  `MIN_RECORDS`). `CLUSTER_JOBS=1` turns the helper off (a run then is as before, one core).
- Same answer: the helper runs the caller's own code on a share of the files; the caller puts
  the pieces together in file order, and does a share again itself wherever the helper failed
  (an exception, a signal, an answer that does not unpickle) — the helper's failure is never
  the run's. Nothing the helper says reaches the terminal: it writes nothing but its answer to
  a pipe, and leaves with `os._exit` (no buffer flushed twice, no exit handler run twice).
- Memory: a forked process shares the caller's pages until either writes to them; the peak of
  each process stays that of a one-core run's share."""

from __future__ import annotations

import os
import pickle
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


def worth(size: int, least: int) -> bool:
    """Whether work of `size` (bytes, records) is worth a helper here. Never while another
    thread runs (a progress bar's): a lock it held at the fork would stay held in the helper."""
    import threading

    return (size >= least and sys.platform.startswith("linux") and hasattr(os, "fork")
            and os.environ.get(JOBS_ENV, "").strip() != "1" and _cores() >= 2 and threading.active_count() == 1)


class Helper:
    """`work()` run in a forked process; `answer()` waits for what it returned (pickled)."""

    def __init__(self, work: Callable[[], Any]):
        read, write = os.pipe()
        pid = os.fork()
        if pid == 0:  # the helper
            code = 1
            try:
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
        self._answer: Any = None
        self._waited = False

    def answer(self) -> Any | None:
        """What `work()` returned, or None when the helper failed. Waits for it once."""
        if not self._waited:
            self._waited = True
            with os.fdopen(self._read, "rb") as pipe:
                data = pipe.read()  # before waiting: a helper blocks on a full pipe
            _, status = os.waitpid(self._pid, 0)
            if os.waitstatus_to_exitcode(status) == 0:
                try:
                    self._answer = pickle.loads(data)
                except Exception:  # noqa: BLE001 - a torn answer is no answer
                    self._answer = None
        return self._answer
