"""Text for people on a terminal or a pipe: the report tables laid out for the width (render/table.py)
and the pager, as git's (`$CLUSTER_PAGER`, `$PAGER`, `less -FRX`; never when piped).

Only `typer` and the standard library are imported at module level (start-up stays fast).
"""

from __future__ import annotations

import os
import sys
from typing import Optional

from cluster_cli.cli.common import command_params, fail
from cluster_cli.cli.output import FILE_WIDTH, deliver


def is_terminal() -> bool:
    """Whether stdout is a terminal (tables are laid out for it and may be paged). A seam: tests
    replace it to fake a terminal."""
    return sys.stdout.isatty()


def terminal_width() -> int:
    import shutil

    return shutil.get_terminal_size().columns


def piped_width() -> int:
    """A pipe or a redirect gets a generous width: $COLUMNS if set, else `FILE_WIDTH`."""
    try:
        return max(int(os.environ.get("COLUMNS", "")), 20)
    except ValueError:
        return FILE_WIDTH


def table_text(views, view: Optional[str], lang: str, show_pii: bool, title: str, width: int,
               styled: bool = False) -> str:
    """The report's tables as text `width` columns wide (render/table.py), with the shared
    options `--view`, `--wide` and `--columns` applied; an unknown view or column exits 2."""
    from cluster_cli.render.table import UnknownColumns, columns_option, plain_text, report_lines, styled_text

    from cluster_cli.cli.output import chosen_view

    view = chosen_view(view, views, lang)
    params = command_params()
    shown = [v for v in views if view is None or v.name == view]
    try:
        lines = report_lines(shown, lang, show_pii, width, bool(params.get("wide")),
                             columns_option(params.get("columns")), title)
    except UnknownColumns as exc:
        fail("usage.columns", lang, value=", ".join(exc.names), known=", ".join(exc.known))
    return styled_text(lines) if styled else plain_text(lines)


def pager_command() -> Optional[str]:
    """$CLUSTER_PAGER (set but empty: no pager), else $PAGER, else `less -FRX` — as git does."""
    if "CLUSTER_PAGER" in os.environ:
        return os.environ["CLUSTER_PAGER"].strip() or None
    return os.environ.get("PAGER", "").strip() or "less -FRX"


def run_pager(command: str, text: str) -> bool:
    """Feed `text` to the pager; False when it could not start (the caller then prints)."""
    import subprocess

    env = dict(os.environ)
    env.setdefault("LESS", "FRX")
    try:
        process = subprocess.Popen(command, shell=True, stdin=subprocess.PIPE, env=env)
    except OSError:
        return False
    try:
        process.communicate(text.encode("utf-8"))
    except (BrokenPipeError, KeyboardInterrupt):  # the reader quit early
        process.wait()
    return process.returncode != 127  # 127: the shell found no such command


def page(text: str, no_pager: bool = False) -> None:
    """Text for a terminal: through the pager when it is longer than the screen (never when piped,
    never with `--no-pager`), else straight to stdout."""
    import shutil

    command = None if no_pager or not is_terminal() else pager_command()
    if command and text.count("\n") >= shutil.get_terminal_size().lines and run_pager(command, text):
        return
    sys.stdout.write(text)
    sys.stdout.flush()


def show_text(text: str, no_pager: bool = False) -> None:
    """Prose for people (an explanation): each line wrapped at words to the width, keeping its
    indent; paged on a terminal as tables are."""
    import textwrap

    terminal = is_terminal()
    width = terminal_width() if terminal else piped_width()
    lines = []
    for line in text.splitlines():
        indent = line[:len(line) - len(line.lstrip())]
        lines += textwrap.wrap(line, width, subsequent_indent=indent + "  ", break_long_words=False,
                               break_on_hyphens=False) or [""]
    wrapped = "".join(line.rstrip() + "\n" for line in lines)
    page(wrapped, no_pager) if terminal else deliver(wrapped.encode("utf-8"), None)


def show_views(views, lang: str, title: str = "", wide: bool = False, columns: Optional[str] = None,
               no_pager: bool = False) -> None:
    """Views of a command that is not a report (`rules`, `profile`) as tables, paged like a report's."""
    from cluster_cli.render.table import UnknownColumns, columns_option, plain_text, report_lines, styled_text

    terminal = is_terminal()
    try:
        lines = report_lines(views, lang, False, terminal_width() if terminal else piped_width(), wide,
                             columns_option(columns), title)
    except UnknownColumns as exc:
        fail("usage.columns", lang, value=", ".join(exc.names), known=", ".join(exc.known))
    if terminal:
        page(styled_text(lines) if not os.environ.get("NO_COLOR") else plain_text(lines), no_pager)
    else:
        deliver(plain_text(lines).encode("utf-8"), None)


def show_report(views, view: Optional[str], lang: str, show_pii: bool, title: str, no_pager: bool) -> None:
    """A report's tables on stdout: for the terminal's width, styled and paged; piped, plain and
    `piped_width()` wide."""
    if not is_terminal():
        deliver(table_text(views, view, lang, show_pii, title, piped_width()).encode("utf-8"), None, lang)
        return
    page(table_text(views, view, lang, show_pii, title, terminal_width(), styled=not os.environ.get("NO_COLOR")),
         no_pager)
