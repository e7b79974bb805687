"""`cluster calendar`: the deadlines ahead, as a table and as an iCalendar file."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from cluster_cli.cli.common import (
    AsOf, Columns, CsvDialectOption, Data, Format, Lang, NoCache, NoPager, Output, Quiet, ShowPii, Verbose, View,
    Wide,
)
from cluster_cli.cli.common import (
    Computed,
    ReportFormat,
    fail,
    guard_outputs,
    language,
    load_or_exit,
    output_path,
    parse_date,
    print_timings,
    refuse_if_unusable,
    run_report,
)
from cluster_cli.cli.empty import say_why_empty
from cluster_cli.cli.output import deliver, emit_report


def calendar(
    ctx: typer.Context, data: Data = None, as_of: AsOf = None,
    days: int = typer.Option(60, "--days", "-n", min=1, max=3660, help="help.calendar.days"),
    ics: Optional[Path] = typer.Option(
        None, "--ics", parser=output_path, callback=guard_outputs, metavar="FILE",
        help="help.calendar.ics"),
    format: Format = ReportFormat.table, output: Output = None, view: View = None,
    wide: Wide = False, columns: Columns = None, no_pager: NoPager = False,
    csv_dialect: CsvDialectOption = None, quiet: Quiet = False,
    lang: Lang = None, show_pii: ShowPii = False, verbose: Verbose = False, no_cache: NoCache = False,
) -> None:
    """The deadlines from the as-of date on: placement contract data (Lisa 7 4.1), the student's
    contact with the host (8.3), documents (4.6) and defense (5.9); basic-allowance applications,
    results, decisions and payments (Lisa 11 IV.4, V.1, V.4-V.5; 6.12.4); study-debt re-sit
    agreements and clearing (6.2.2); returns from academic leave (6.7.10, 6.8.2.5). Every number
    comes from the regulation profile.

    Views: events. With --ics FILE the same events go to an iCalendar file for a calendar program;
    students are named by id there — their names only with --show-pii.

    Example: cluster calendar --as-of 2026-11-23 --days 90 --ics tahtajad.ics
    """
    from cluster_cli.pipeline import Timings

    day = parse_date(as_of, language(lang))
    timings = Timings()
    state: dict = {}

    def compute() -> Computed:
        from cluster_cli.render.calendar import empty_reason, title, to_document, views
        from cluster_cli.reports.calendar import calendar_report

        loaded = load_or_exit(data, lang, timings, no_cache)
        used = language(lang, loaded.dataset.cluster.language if loaded.dataset.cluster else None)
        refuse_if_unusable(loaded, used)
        with timings.stage("calendar"):
            report = calendar_report(loaded.dataset, loaded.profile, day, days)
        state.update(report=report, lang=used, why=empty_reason(report, used))
        return Computed(views(report, used), to_document(report, used), used, day, "events", title(report, used))

    if ics is None:
        run_report(ctx, compute, format, output, view, lang, show_pii, data, no_cache)
    else:
        computed = compute()
        if format is ReportFormat.xlsx and output is None:
            fail("usage.xlsx-output", computed.lang)
        from cluster_cli.i18n import NP_
        from cluster_cli.render.ics import ics_bytes

        # Names only with --show-pii (a calendar is often shared); then the file is private, too.
        deliver(ics_bytes(state["report"], computed.lang, show_pii), ics, computed.lang, private=show_pii,
                rows=len(state["report"].events), wrote=NP_("output.wrote-events"))
        emit_report(computed.views, computed.document, format, output, view, computed.lang, show_pii,
                    computed.stamp, computed.csv_default, computed.title)
    say_why_empty(state.get("why"), quiet)
    if verbose:
        print_timings(timings, language(lang))
