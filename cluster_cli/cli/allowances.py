"""`cluster allowances`: the monthly special allowance, travel compensation and school lunch."""

from __future__ import annotations

import typer

from cluster_cli.cli.common import (
    Columns, CsvDialectOption, Data, Format, Lang, NoCache, NoPager, Output, Quiet, ShowPii, Verbose, View, Wide,
)
from cluster_cli.cli.common import (
    Computed,
    ReportFormat,
    language,
    parse_month,
    load_or_exit,
    print_timings,
    refuse_if_unusable,
    run_report,
)
from cluster_cli.cli.empty import say_why_empty

app = typer.Typer(
    help="help.allowances",
    no_args_is_help=True,
)


def _month_option(help: str):
    return typer.Option(..., "--month", "-m", help=help)


def _run(ctx, kind: str, month: str, data, format, output, view, lang_flag, show_pii, verbose, no_cache,
         quiet: bool = False) -> None:
    from cluster_cli.pipeline import Timings

    month = parse_month(month, language(lang_flag))
    timings = Timings()
    state: dict = {}

    def compute() -> Computed:
        from cluster_cli.regulation.months import month_start
        from cluster_cli.render import allowances as render
        from cluster_cli.reports.lunch import lunch_report
        from cluster_cli.reports.special_allowance import special_report
        from cluster_cli.reports.travel import travel_report

        loaded = load_or_exit(data, lang_flag, timings, no_cache)
        lang = language(lang_flag, loaded.dataset.cluster.language if loaded.dataset.cluster else None)
        refuse_if_unusable(loaded, lang)
        report = {"special": special_report, "travel": travel_report, "lunch": lunch_report}[kind]
        with timings.stage(kind):
            result = report(loaded.dataset, loaded.profile, month)
        views = getattr(render, f"{kind}_views")(result, lang)
        document = getattr(render, f"{kind}_document")(result, lang, show_pii)
        if kind in ("special", "travel"):  # the payment lists: what changed since last month
            from cluster_cli.render.month_changes import changes_document, changes_views
            from cluster_cli.reports.month_changes import month_changes

            with timings.stage("changes"):
                changes = month_changes(loaded.dataset, loaded.profile, month, (kind,), {kind: result})
            views = views + changes_views(changes, lang)
            document = {**document, "changes": changes_document(changes, lang)}
        state["why"] = getattr(render, f"{kind}_empty_reason")(result, lang)
        return Computed(views, document, lang,
                        month_start(month), views[0].name, getattr(render, f"{kind}_title")(result, lang))

    run_report(ctx, compute, format, output, view, lang_flag, show_pii, data, no_cache)
    say_why_empty(state.get("why"), quiet)
    if verbose:
        print_timings(timings, language(lang_flag))


@app.command("special", help="help.allowances.special")
def special(
    ctx: typer.Context,
    month: str = _month_option(help="help.allowances.special.month"),
    data: Data = None,
    format: Format = ReportFormat.table, output: Output = None, view: View = None,
    wide: Wide = False, columns: Columns = None, no_pager: NoPager = False,
    csv_dialect: CsvDialectOption = None, quiet: Quiet = False,
    lang: Lang = None, show_pii: ShowPii = False, verbose: Verbose = False, no_cache: NoCache = False,
) -> None:
    """The special allowance (eritoetus, Lisa 12) of a month: the fund (1.4: the school's share
    of the month's basic fund plus the basic fund's leftover), eligibility and evidence (2.1–2.5),
    grounds of preference in the profile's order (3.3), amounts (5.1–5.3), who is awarded within
    the fund, the cycle's dates and the appeal deadline (3.4–3.7). Views: applicants, excluded, fund.

    Example: cluster allowances special --month 2026-11 --format csv --show-pii --output eritoetus-2026-11.csv
    """
    _run(ctx, "special", month, data, format, output, view, lang, show_pii, verbose, no_cache, quiet)


@app.command("travel", help="help.allowances.travel")
def travel(
    ctx: typer.Context,
    month: str = _month_option(help="help.allowances.travel.month"),
    data: Data = None,
    format: Format = ReportFormat.table, output: Output = None, view: View = None,
    wide: Wide = False, columns: Columns = None, no_pager: NoPager = False,
    csv_dialect: CsvDialectOption = None, quiet: Quiet = False,
    lang: Lang = None, show_pii: ShowPii = False, verbose: Verbose = False, no_cache: NoCache = False,
) -> None:
    """Travel compensation paid in a month: bus (Lisa 14 — round trips allowed by dormitory,
    level and curriculum or per school day, nothing within the school's settlement, on leave or
    on days not attended) and car (Lisa 13 — 0.06 EUR/km up to the fuel receipts, 100 %
    attendance, no public transport or a severe mobility disability), every journey accepted or
    refused with its clause. Views: claims, journeys.

    Example: cluster allowances travel --month 2026-11 --format xlsx --output soidukulud-2026-11.xlsx
    """
    _run(ctx, "travel", month, data, format, output, view, lang, show_pii, verbose, no_cache, quiet)


@app.command("lunch", help="help.allowances.lunch")
def lunch(
    ctx: typer.Context,
    month: str = _month_option(help="help.allowances.lunch.month"),
    data: Data = None,
    format: Format = ReportFormat.table, output: Output = None, view: View = None,
    wide: Wide = False, columns: Columns = None, no_pager: NoPager = False,
    csv_dialect: CsvDialectOption = None, quiet: Quiet = False,
    lang: Lang = None, show_pii: ShowPii = False, verbose: Verbose = False, no_cache: NoCache = False,
) -> None:
    """School-lunch support (koolilõuna, 6.12.7–6.12.11): who qualifies and why not (6.12.8,
    6.12.9), lunches at school once per school day (6.12.10), and the practice-period support
    paid to the bank account on the supervisor's approved submission (6.12.11). The daily amount
    is the profile's lunch_amount_per_day (set by directive; the shipped value is illustrative).
    Views: practice, school, not_qualifying.

    Example: cluster allowances lunch --month 2026-11 --view practice --format csv
    """
    _run(ctx, "lunch", month, data, format, output, view, lang, show_pii, verbose, no_cache, quiet)
