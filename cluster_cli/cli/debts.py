"""`cluster debts`: the study-debt and attendance report."""

from __future__ import annotations

from typing import Optional

import typer

from cluster_cli.cli.common import (
    AsOf, Columns, CsvDialectOption, Data, Format, Lang, NoCache, NoPager, Output, Quiet, ShowPii, Verbose, View,
    Wide,
)
from cluster_cli.cli.common import (
    Computed,
    ReportFormat,
    language,
    load_or_exit,
    parse_date,
    print_timings,
    refuse_if_unusable,
    run_report,
)
from cluster_cli.cli.empty import say_why_empty
from cluster_cli.cli.values import complete_ids, resolve_id


def debts(
    ctx: typer.Context, data: Data = None, as_of: AsOf = None,
    group: Optional[str] = typer.Option(None, "--group", "-g", help="help.option.group",
                                         autocompletion=complete_ids("groups")),
    student: Optional[str] = typer.Option(None, "--student", "-s", help="help.debts.student",
                                           autocompletion=complete_ids("students")),
    format: Format = ReportFormat.table, output: Output = None, view: View = None,
    wide: Wide = False, columns: Columns = None, no_pager: NoPager = False,
    csv_dialect: CsvDialectOption = None, quiet: Quiet = False,
    lang: Lang = None, show_pii: ShowPii = False, verbose: Verbose = False, no_cache: NoCache = False,
) -> None:
    """Study debts with their deadlines in working days, attendance, and the actions the
    regulation prescribes (6.1, 6.2, 6.3, 6.8.5, 6.11.5, Lisa 4), as of a date.

    Views: groups, debts, actions, attendance.

    Example: cluster debts --as-of 2026-11-23 --group TA-24 --format xlsx --output debts.xlsx
    """
    from cluster_cli.pipeline import Timings

    day = parse_date(as_of, language(lang))
    timings = Timings()
    state: dict = {}

    def compute() -> Computed:
        from cluster_cli.render.debts import empty_reason, title, to_document, views
        from cluster_cli.reports.debts import debt_report

        loaded = load_or_exit(data, lang, timings, no_cache)
        used = language(lang, loaded.dataset.cluster.language if loaded.dataset.cluster else None)
        refuse_if_unusable(loaded, used)
        one = resolve_id("student", student, loaded.dataset.students, used) if student is not None else None
        among = resolve_id("group", group, loaded.dataset.groups, used) if group is not None else None
        with timings.stage("debts"):
            report = debt_report(loaded.dataset, loaded.profile, day, group=among, student=one)
        state["why"] = empty_reason(report, used, group=among, student=one)
        return Computed(views(report, used), to_document(report, used), used, day, "debts", title(report, used))

    run_report(ctx, compute, format, output, view, lang, show_pii, data, no_cache)
    say_why_empty(state.get("why"), quiet)
    if verbose:
        print_timings(timings, language(lang))
