"""`cluster grants`: basic-allowance rounds — rank, fund, monthly report, explain."""

from __future__ import annotations

import re
from typing import Annotated, Optional

import typer

from cluster_cli.cli.common import (
    Columns, CsvDialectOption, Data, Format, Lang, NoCache, NoPager, Output, Quiet, ShowPii, Verbose, View, Wide,
)
from cluster_cli.cli.common import (
    Computed,
    ReportFormat,
    fail,
    language,
    parse_date,
    parse_month,
    load_or_exit,
    note,
    print_timings,
    refuse_if_unusable,
    run_report,
)
from cluster_cli.cli.empty import say_why_empty
from cluster_cli.cli.values import complete_ids, complete_round, resolve_id, round_value

app = typer.Typer(help="help.grants", no_args_is_help=True)

Round = Annotated[str, typer.Option("--round", "-r", help="help.grants.round",
                                    callback=round_value, autocompletion=complete_round)]


def _loaded(data, lang_flag, timings=None, no_cache: bool = False):
    loaded = load_or_exit(data, lang_flag, timings, no_cache)
    lang = language(lang_flag, loaded.dataset.cluster.language if loaded.dataset.cluster else None)
    refuse_if_unusable(loaded, lang)
    return loaded, lang


def _check_round(value: str, lang: str) -> None:
    if not re.fullmatch(r"[0-9]{4}-(autumn|spring)", value):
        fail("usage.round", lang, value=value)
    from cluster_cli.limits import range_args, year_in_range

    if not year_in_range(int(value[:4])):
        fail("usage.round-range", lang, value=value, **range_args())


@app.command("rank", help="help.grants.rank")
def rank(
    ctx: typer.Context, round: Round = ..., data: Data = None,
    format: Format = ReportFormat.table, output: Output = None, view: View = None,
    wide: Wide = False, columns: Columns = None, no_pager: NoPager = False,
    csv_dialect: CsvDialectOption = None, quiet: Quiet = False,
    lang: Lang = None, show_pii: ShowPii = False, verbose: Verbose = False, no_cache: NoCache = False,
) -> None:
    """Eligibility and the ranking per curriculum (Lisa 11 III, IV, V.2), with every exclusion's
    reason and clause and every ranked student's score components. Views: ranking, excluded.

    Example: cluster grants rank --round 2026-autumn --format csv --output ranking.csv
    """
    from cluster_cli.pipeline import Timings
    from cluster_cli.render.grants import ranking_document, ranking_empty_reason, ranking_title, ranking_views
    from cluster_cli.reports.grants import rank as compute

    _check_round(round, language(lang))
    timings = Timings()
    state: dict = {}

    def produce() -> Computed:
        loaded, used = _loaded(data, lang, timings, no_cache)
        with timings.stage("rank"):
            ranking = compute(loaded.dataset, loaded.profile, round)
        state["why"] = ranking_empty_reason(ranking, used)
        return Computed(ranking_views(ranking, used), ranking_document(ranking, used, show_pii), used,
                        ranking.round.decide_by, "ranking", ranking_title(ranking, used))

    run_report(ctx, produce, format, output, view, lang, show_pii, data, no_cache)
    say_why_empty(state.get("why"), quiet)
    if verbose:
        print_timings(timings, language(lang))


@app.command("fund", help="help.grants.fund")
def fund(
    ctx: typer.Context,
    year: str = typer.Option(..., "--year", "-y", help="help.grants.year"),
    data: Data = None,
    format: Format = ReportFormat.table, output: Output = None, view: View = None,
    wide: Wide = False, columns: Columns = None, no_pager: NoPager = False,
    csv_dialect: CsvDialectOption = None, quiet: Quiet = False,
    lang: Lang = None, no_cache: NoCache = False,
) -> None:
    """The year's basic-allowance fund (Lisa 11 II, VI, VII): by month, by study field and round,
    allowances per curriculum, and the leftover for the special-allowance fund. Views: months,
    curricula, totals.

    Example: cluster grants fund --year 2026/2027
    """
    from datetime import date

    from cluster_cli.render.grants import fund_document, fund_empty_reason, fund_title, fund_views
    from cluster_cli.reports.grants import year_fund

    m = re.fullmatch(r"([0-9]{4})/([0-9]{4})", year)
    if not m or int(m.group(2)) != int(m.group(1)) + 1:
        fail("usage.year", language(lang), value=year)
    from cluster_cli.limits import range_args, year_in_range

    if not (year_in_range(int(m.group(1))) and year_in_range(int(m.group(2)))):
        fail("usage.year-range", language(lang), value=year, **range_args())

    state: dict = {}

    def produce() -> Computed:
        loaded, used = _loaded(data, lang, no_cache=no_cache)
        result = year_fund(loaded.dataset, loaded.profile, year)
        state["why"] = fund_empty_reason(result, used)
        return Computed(fund_views(result, used), fund_document(result), used, date(int(m.group(1)), 9, 1), "curricula",
                        fund_title(result, used))

    run_report(ctx, produce, format, output, view, lang, False, data, no_cache)
    say_why_empty(state.get("why"), quiet)


@app.command("report", help="help.grants.report")
def report(
    ctx: typer.Context,
    month: str = typer.Option(..., "--month", "-m", help="help.grants.month"),
    as_of: Optional[str] = typer.Option(None, "--as-of", metavar="DATE", help="help.grants.report.as-of"),
    data: Data = None,
    format: Format = ReportFormat.table, output: Output = None, view: View = None,
    wide: Wide = False, columns: Columns = None, no_pager: NoPager = False,
    csv_dialect: CsvDialectOption = None, quiet: Quiet = False,
    lang: Lang = None, show_pii: ShowPii = False, verbose: Verbose = False, no_cache: NoCache = False,
) -> None:
    """The month's payment list (Lisa 11 V.4, V.5, VII.2): who is paid how much, by which date, to
    which account; who stopped and who moved up; what changed since last month (who starts, stops
and why, moved up, amount changed) with totals per curriculum. Views: payments, stopped, changes,
change_totals.

    Example (cron, on the 15th): cluster grants report --month 2026-11 --format csv --show-pii
    --output /srv/toetused/2026-11.csv
    """
    from cluster_cli.pipeline import Timings
    from cluster_cli.regulation.months import month_start
    from cluster_cli.render.grants import month_document, month_empty_reason, month_title, month_views
    from cluster_cli.render.month_changes import changes_document, changes_views
    from cluster_cli.reports.grants import month_report
    from cluster_cli.reports.month_changes import month_changes

    month = parse_month(month, language(lang))
    if as_of is not None:  # accepted like everywhere, and checked; the month alone decides (help text)
        parse_date(as_of, language(lang))
    timings = Timings()
    state: dict = {}

    def produce() -> Computed:
        loaded, used = _loaded(data, lang, timings, no_cache)
        with timings.stage("report"):
            result = month_report(loaded.dataset, loaded.profile, month)
        with timings.stage("changes"):  # what changed since last month (issue 19)
            changes = month_changes(loaded.dataset, loaded.profile, month, ("basic",), {"basic": result})
        state["why"] = month_empty_reason(result, used)
        document = {**month_document(result, used, show_pii), "changes": changes_document(changes, used)}
        return Computed(month_views(result, used) + changes_views(changes, used), document, used, month_start(month),
                        "payments", month_title(result, used))

    run_report(ctx, produce, format, output, view, lang, show_pii, data, no_cache)
    say_why_empty(state.get("why"), quiet)
    if not show_pii and state.get("why") is None:  # a list for the bank: say how to get it whole
        from cluster_cli.i18n import t

        note(t("output.pii-masked-bank", language(lang)))
    if verbose:
        print_timings(timings, language(lang))


@app.command("explain", help="help.grants.explain")
def explain(
    student: str = typer.Argument(..., help="help.grants.student", autocompletion=complete_ids("students")),
    round: Round = ..., data: Data = None,
    format: Format = ReportFormat.table,
    wide: Wide = False, columns: Columns = None, no_pager: NoPager = False, quiet: Quiet = False,
    lang: Lang = None, no_cache: NoCache = False,
) -> None:
    """Why a student is (not) eligible, their score components and place in the ranking, and
    what separates them from their neighbours.

    Example: cluster grants explain TA-25-07 --round 2026-autumn
    """
    from cluster_cli.render.grants import explain_document, explain_lines
    from cluster_cli.render.views import to_json
    from cluster_cli.reports.grants import rank as compute

    if format not in (ReportFormat.table, ReportFormat.json):  # an explanation is prose, not rows
        fail("usage.format-unsupported", language(lang), command="grants explain", value=format.value,
             known="table, json")
    _check_round(round, language(lang))
    loaded, lang = _loaded(data, lang, no_cache=no_cache)
    student = resolve_id("student", student, loaded.dataset.students, lang)
    ranking = compute(loaded.dataset, loaded.profile, round)
    if format is ReportFormat.json:
        typer.echo(to_json(explain_document(ranking, student, lang)), nl=False)
    else:  # the sentences for people, dates as the language writes them (the JSON's stay ISO)
        from cluster_cli.cli.terminal import show_text

        show_text("\n".join(explain_lines(ranking, student, lang)) + "\n", no_pager)


# `grants pack` lives in its own module (registered here: the group is built as a whole when
# `cluster grants …` is first looked up, cli/lazy.py).
from cluster_cli.cli import grants_pack  # noqa: E402

app.command("pack", help="help.grants.pack")(grants_pack.pack)
