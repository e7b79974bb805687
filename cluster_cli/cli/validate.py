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
    from cluster_cli.i18n import t

    try:
        with loading(t("ui.progress.loading", lang0), stderr_console(), quiet, lang0):  # a big folder: files read
            result = run(resolve_data_dir(data), day, select=select, ignore=ignore or (), timings=timings,
                         question=question_of(ctx), show_pii=show_pii, **loader_settings(no_cache, lang))
    except DataFolderError as exc:
        missing_data_folder(exc, data, lang0)
    lang1 = language(lang, result.language)
    parser = sys.modules.get("cluster_cli.load.yaml_loader")  # imported only when files were parsed
    if parser is not None and not parser.HAVE_LIBYAML:
        typer.echo(t("ui.no-libyaml", lang0), err=True)
    findings = result.findings
    has_error = any(f.severity == "error" for f in findings)
    if format is TextOrJson.json:
        from cluster_cli.render.findings import findings_json

        typer.echo(findings_json(findings, lang1, show_pii), nl=False)
    else:
        from cluster_cli.render.findings import print_findings_text

        console = stdout_console()
        # A terminal's lines are wrapped to its width; piped output keeps one line per finding.
        width = console.width if sys.stdout.isatty() or os.environ.get("COLUMNS") else None
        print_findings_text(console, findings, lang1, show_pii, result.records, result.files, width)
    if verbose:
        print_timings(timings, lang1)
    raise typer.Exit(EXIT_FINDINGS if has_error else EXIT_OK)
