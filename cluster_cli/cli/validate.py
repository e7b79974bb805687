"""`cluster validate`: check the data folder against the regulation."""

from __future__ import annotations

import os
import sys
from typing import List, Optional

import typer

from cluster_cli.cli.common import AsOf, Data, Lang, NoCache, NoPager, Quiet, ShowPii, Verbose
from cluster_cli.cli.common import (
    EXIT_FINDINGS,
    EXIT_OK,
    TextOrJson,
    language,
    loader_settings,
    parse_date,
    print_timings,
    stdout_console,
)
from cluster_cli.cli.values import complete_rules, resolve_id, split_list


def validate(
    ctx: typer.Context, data: Data = None, as_of: AsOf = None,
    format: TextOrJson = typer.Option(TextOrJson.text, "--format", "-f", help="help.validate.format"),
    lang: Lang = None,
    select: Optional[List[str]] = typer.Option(None, "--select", metavar="RULE,…", help="help.validate.select",
                                          autocompletion=complete_rules),
    ignore: Optional[List[str]] = typer.Option(None, "--ignore", metavar="RULE,…", help="help.validate.ignore",
                                          autocompletion=complete_rules),
    show_pii: ShowPii = False, verbose: Verbose = False, no_cache: NoCache = False,
    no_pager: NoPager = False, quiet: Quiet = False,
) -> None:
    """Check the data folder against the study regulation.

    Exit code 0: no errors (warnings allowed); 1: errors found; 2: the data is unusable or the
    command was used wrongly.

    Example: cluster validate --data data --as-of 2026-11-23 --format json
    """
    from cluster_cli.cli.common import missing_data_folder, question_of, resolve_data_dir
    from cluster_cli.load.layout import DataFolderError
    from cluster_cli.pipeline import Timings, validate as run

    lang0 = language(lang)
    day = parse_date(as_of, lang0)
    select, ignore = split_list(select) or None, split_list(ignore) or None  # --select a,b too
    if select or ignore:  # the registry imports the models: only when rules are named
        from cluster_cli.regulation.rules import RULE_IDS

        select = [resolve_id("rule", rule, RULE_IDS, lang0) for rule in select or ()] or None
        ignore = [resolve_id("rule", rule, RULE_IDS, lang0) for rule in ignore or ()] or None
    timings = Timings()
    from cluster_cli.cli.common import stderr_console
    from cluster_cli.cli.progress import loading

    view = shown_view(lang0) if format is TextOrJson.text else None  # (JSON is for programs: made anew)
    try:
        with loading(stderr_console, quiet, lang0):  # a big folder: a bar
            result = run(resolve_data_dir(data), day, select=select, ignore=ignore or (), timings=timings,
                         question=question_of(ctx), show_pii=show_pii, view=view, **loader_settings(no_cache, lang))
    except DataFolderError as exc:
        missing_data_folder(exc, data, lang0)
    if result.shown is not None:  # this output was printed before for the same answer and view
        meta, text = result.shown
        _replay(text)
        if verbose:
            print_timings(timings, meta["lang"])
        raise typer.Exit(meta["exit"])
    lang1 = language(lang, result.language)
    parser = sys.modules.get("cluster_cli.load.yaml_loader")  # imported only when files were parsed
    if parser is not None and not parser.HAVE_LIBYAML:
        typer.echo(_t("ui.no-libyaml", lang0), err=True)
    findings = result.findings
    has_error = any(f.severity == "error" for f in findings)
    if format is TextOrJson.json:
        from cluster_cli.render.findings import findings_json

        typer.echo(findings_json(findings, lang1, show_pii), nl=False)
        text = None
    else:
        from cluster_cli.render.findings import print_findings_text

        copy = _Copy(sys.stdout)
        console = stdout_console(copy)
        # A terminal's lines are wrapped to its width; piped output keeps one line per finding.
        width = console.width if sys.stdout.isatty() or os.environ.get("COLUMNS") else None
        print_findings_text(console, findings, lang1, show_pii, result.records, result.files, width)
        text = "".join(copy.parts) if copy.whole() else None
    code = EXIT_FINDINGS if has_error else EXIT_OK
    if result.keep_shown is not None and text is not None:
        result.keep_shown({"files": result.files, "records": result.records, "language": result.language,
                           "exit": code, "lang": lang1}, text)
    if verbose:
        print_timings(timings, lang1)
    raise typer.Exit(code)


def _t(key: str, lang: str) -> str:
    from cluster_cli.i18n import t

    return t(key, lang)


# What Rich reads from the environment to decide colours, width and height (rich/console.py).
_RICH_ENV = ("TERM", "COLORTERM", "NO_COLOR", "FORCE_COLOR", "TTY_COMPATIBLE", "TTY_INTERACTIVE", "COLUMNS",
             "LINES", "JUPYTER_COLUMNS", "JUPYTER_LINES")
# What decides the language besides `--lang` and the data (cli/locate.py `chosen_language`).
_LANG_ENV = ("CLUSTER_LANG", "LC_ALL", "LC_MESSAGES", "LANG")


def shown_view(lang: str) -> list:
    """Everything besides the answer (the findings, from the files' bytes and the question) that
    decides the bytes `validate` prints as text: the language and what chooses it, stdout's
    encoding, whether stdout is a terminal, Rich's environment and the terminal's size (which
    sets the width lines wrap to). Two runs with the same view and answer print the same bytes,
    so the printed text is kept under both (`pipeline.validate`'s `view`)."""
    out = sys.stdout
    tty = out.isatty()
    sizes = []
    if tty or os.environ.get("COLUMNS"):  # else the width is fixed (`stdout_console`)
        for fd in (0, 1, 2):
            try:
                sizes.append(tuple(os.get_terminal_size(fd)))
            except (AttributeError, ValueError, OSError):
                sizes.append(None)
    return ["validate", "text", lang, [os.environ.get(name) for name in _LANG_ENV], getattr(out, "encoding", None),
            getattr(out, "errors", None), tty, sys.platform, [os.environ.get(name) for name in _RICH_ENV], sizes]


class _Copy:
    """stdout as Rich sees it — every attribute is the stream's — keeping a copy of the text
    written, to be stored as the output printed for this answer."""

    def __init__(self, stream):
        self._stream = stream
        self.parts: list[str] = []

    def write(self, text: str) -> int:
        written = self._stream.write(text)
        self.parts.append(text)
        return written

    def whole(self) -> bool:
        """Whether the copy is all that was printed (Rich writes to a stream's proxied file, if
        it has one, past this copy)."""
        return not hasattr(self._stream, "rich_proxied_file")

    def __getattr__(self, name: str):
        return getattr(self._stream, name)


def _replay(text: str) -> None:
    """Print a text kept from an earlier run as that run printed it."""
    try:
        sys.stdout.write(text)
        sys.stdout.flush()
    except BrokenPipeError:  # as Rich does: the reader went away
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        raise SystemExit(1) from None
