"""`cluster courses`: adult courses' learners, what each owes or gets back, employer discounts
(Lisa 15 5.5, 5.8, 5.9)."""

from __future__ import annotations

from typing import Optional

import typer

from cluster_cli.cli.common import (
    AsOf, Columns, CsvDialectOption, Data, Format, Lang, NoCache, NoPager, Output, Quiet, ShowPii, Verbose, View, Wide,
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


def courses(
    ctx: typer.Context, data: Data = None, as_of: AsOf = None,
    course: Optional[str] = typer.Option(None, "--course", help="help.courses.course",
                                          autocompletion=complete_ids("courses")),
    format: Format = ReportFormat.table, output: Output = None, view: View = None,
    wide: Wide = False, columns: Columns = None, no_pager: NoPager = False,
    csv_dialect: CsvDialectOption = None, quiet: Quiet = False,
    lang: Lang = None, show_pii: ShowPii = False, verbose: Verbose = False, no_cache: NoCache = False,
) -> None:
    """The learners of adult courses with what each owes or gets back and the employers'
    discounts (Lisa 15 5.5, 5.8, 5.9).

    Views: learners, employers.

    Example: cluster courses --course K-PY-2026-11
    """
    from cluster_cli.pipeline import Timings

    # The fees do not depend on a date: `--as-of` (default today) only says when the report was made.
    day = parse_date(as_of, language(lang))
    timings = Timings()
    state: dict = {}

    def compute() -> Computed:
        from cluster_cli.render.courses import courses_document, courses_empty_reason, courses_title, courses_views
        from cluster_cli.reports.courses import courses_report

        loaded = load_or_exit(data, lang, timings, no_cache)
        ds = loaded.dataset
        used = language(lang, ds.cluster.language if ds.cluster else None)
        refuse_if_unusable(loaded, used)
        one = resolve_id("course", course, ds.courses, used) if course is not None else None
        with timings.stage("courses"):
            report = courses_report(ds, loaded.profile, course=one)
        state["why"] = courses_empty_reason(report, used)
        return Computed(courses_views(report, used), courses_document(report), used, day, "learners",
                        courses_title(report, used))

    run_report(ctx, compute, format, output, view, lang, show_pii, data, no_cache)
    say_why_empty(state.get("why"), quiet)
    if verbose:
        print_timings(timings, language(lang))
