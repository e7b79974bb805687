"""Progress on the long steps — PDF conversion, rendering many contracts, loading a big folder:
a bar with what is done, the time so far and an estimate of the time left (ETA), on stderr.

Drawn only when stderr is a terminal (Rich's test: a pipe, a file or a cron mail gets nothing)
and the command was not given `--quiet`; it vanishes when the step ends, so the screen keeps
only the results. The steps below the CLI never print: they call back with how far they got
(`load.layout.reporting_progress`, `contracts.pdf.convert(..., on_progress=)`).

Only the standard library and typer at module level (the CLI starts fast); Rich is imported
when a bar is drawn.
"""

from __future__ import annotations

import time
from contextlib import contextmanager
from typing import Callable, Iterator

# A step worth a bar: rendering at least this many contracts.
MANY_CONTRACTS = 10
# A folder worth a bar while it loads: this many files, or this many bytes (a few seconds' work).
BIG_FOLDER_FILES = 200
BIG_FOLDER_BYTES = 20 * 1024 * 1024


def shown(console, quiet: bool) -> bool:
    """Whether progress may be drawn on `console`: a terminal, and not `--quiet`."""
    return not quiet and console.is_terminal


def bar(console, quiet: bool, lang: str, refresh_thread: bool = True):
    """A Rich `Progress` on `console` — description, bar, done/total, time so far, time left (the
    ETA) — or None when no progress may be drawn. Lines printed meanwhile go through its `.console`.
    Without `refresh_thread` it is drawn only when updated (`counting`)."""
    if not shown(console, quiet):
        return None
    from rich.progress import (
        BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn, TimeRemainingColumn,
    )

    from cluster_cli.i18n import t

    return Progress(SpinnerColumn(), TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                    TimeElapsedColumn(), TextColumn(t("ui.progress.left", lang), markup=False), TimeRemainingColumn(),
                    console=console, transient=True, auto_refresh=refresh_thread)


@contextmanager
def counting(label: str, console, quiet: bool, lang: str, worth: Callable[..., bool] = lambda total, *_: total > 0,
             refresh_thread: bool = True) -> Iterator[Callable[..., None]]:
    """Yields `update(done, total, *more)` for a step that reports how far it got. The bar
    appears at the first update that `worth(total, *more)` accepts, and is gone after the block.
    Without `refresh_thread`, the bar is drawn by the updates themselves (at most ten times a
    second, and at the end)."""
    progress = bar(console, quiet, lang, refresh_thread)
    if progress is None:
        yield lambda done, total, *more: None
        return
    task = None
    drawn = 0.0

    def update(done: int, total: int, *more) -> None:
        nonlocal task, drawn
        if task is None:
            if not worth(total, *more):
                return
            progress.start()
            task = progress.add_task(label, total=total)
        progress.update(task, completed=done, total=total)
        if not refresh_thread and (time.monotonic() - drawn >= 0.1 or done >= total):
            progress.refresh()
            drawn = time.monotonic()

    try:
        yield update
    finally:
        if task is not None:
            progress.stop()


def big_folder(total_files: int, total_bytes: int) -> bool:
    return total_files >= BIG_FOLDER_FILES or total_bytes >= BIG_FOLDER_BYTES


@contextmanager
def loading(label, console, quiet: bool, lang: str) -> Iterator[None]:
    """Within the block, loading a big data folder shows its files read (see `big_folder`).
    `label` and `console` may be functions that make them: called only when a big folder is read,
    so that a run answered from the cache neither reads the catalogue nor imports Rich."""
    from contextlib import ExitStack

    from cluster_cli.load.layout import reporting_progress

    inner = None

    def update(done: int, total: int, *more) -> None:
        nonlocal inner
        if inner is None:
            if not big_folder(total, *more):
                return
            # No refresh thread: loading and checking may fork a helper (`cluster_cli/forked.py`),
            # which does not fork while another thread runs (a lock it holds would stay held).
            inner = stack.enter_context(counting(label() if callable(label) else label,
                                                 console() if callable(console) else console,
                                                 quiet, lang, big_folder, refresh_thread=False))
        inner(done, total, *more)

    with ExitStack() as stack, reporting_progress(update):
        yield
