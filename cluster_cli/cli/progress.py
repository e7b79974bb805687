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

from cluster_cli.i18n import N_

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
        yield lambda done, total, *more, step=None: None
        return
    task = None
    drawn, drawn_done = 0.0, None

    def update(done: int, total: int, *more, step: str | None = None) -> None:
        """`step`: a new label — the next step starts, with a clock and an estimate of its own."""
        nonlocal task, drawn, drawn_done, label
        if task is None:
            if not worth(total, *more):
                return
            progress.start()
        elif step is not None and step != label:
            progress.remove_task(task)
            task, drawn_done = None, None
        if task is None:
            label = step or label
            task = progress.add_task(label, total=total)
        progress.update(task, completed=done, total=total)
        if not refresh_thread and (time.monotonic() - drawn >= 0.1 or (done >= total and drawn_done != done)):
            progress.refresh()
            drawn, drawn_done = time.monotonic(), done

    try:
        yield update
    finally:
        if task is not None:
            progress.stop()


def big_folder(total_files: int, total_bytes: int) -> bool:
    return total_files >= BIG_FOLDER_FILES or total_bytes >= BIG_FOLDER_BYTES


# The steps of loading a data folder that report how far they got (load/layout.py
# `reporting_progress`): the files read, then the files checked (regulation/kept.py).
STEP_LABELS = {"load": N_("ui.progress.loading"), "check": N_("ui.progress.checking")}


@contextmanager
def loading(console, quiet: bool, lang: str) -> Iterator[None]:
    """Within the block, loading and checking a big data folder show their files read, then
    checked (see `big_folder`). `console` may be a function that makes it: called only when a big
    folder is read, so that a run answered from the cache neither reads the catalogue nor
    imports Rich."""
    from contextlib import ExitStack

    from cluster_cli.load.layout import reporting_progress

    inner = None

    def update(done: int, total: int, size: int, step: str = "load") -> None:
        nonlocal inner
        if inner is None and not big_folder(total, size):
            return
        from cluster_cli.i18n import t

        label = t(STEP_LABELS[step], lang)
        if inner is None:
            # No refresh thread: loading and checking may fork a helper (`cluster_cli/forked.py`),
            # which does not fork while another thread runs (a lock it holds would stay held).
            inner = stack.enter_context(counting(label, console() if callable(console) else console, quiet, lang,
                                                 big_folder, refresh_thread=False))
        inner(done, total, size, step=label)

    with ExitStack() as stack, reporting_progress(update):
        yield
