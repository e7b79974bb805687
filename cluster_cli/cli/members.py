"""`cluster members list|show`: the cluster's members, their offers and coordinators (seed 000)."""

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
from cluster_cli.cli.values import choices_metavar, complete_choice, complete_ids, member_kind, resolve_id
from cluster_cli.cli.values import partnership as partnership_word

app = typer.Typer(help="help.members",
                  no_args_is_help=True)


def _loaded(data, lang_flag, timings, no_cache):
    loaded = load_or_exit(data, lang_flag, timings, no_cache)
    used = language(lang_flag, loaded.dataset.cluster.language if loaded.dataset.cluster else None)
    refuse_if_unusable(loaded, used)
    return loaded, used


@app.command("list", help="help.members.list")
def list_members(
    ctx: typer.Context, data: Data = None, as_of: AsOf = None,
    kind: Optional[str] = typer.Option(None, "--kind", "-k", help="help.members.kind",
                                       callback=member_kind, autocompletion=complete_choice("member-kind"),
                                       metavar=choices_metavar("member-kind")),
    partnership: Optional[str] = typer.Option(None, "--partnership", "-p", help="help.members.partnership",
                                              callback=partnership_word, autocompletion=complete_choice("partnership"),
                                              metavar=choices_metavar("partnership")),
    recognised: Optional[bool] = typer.Option(
        None, "--recognised/--not-recognised",
        help="help.members.recognised"),
    curriculum: Optional[str] = typer.Option(
        None, "--curriculum", "-c", help="help.members.curriculum"),
    format: Format = ReportFormat.table, output: Output = None, view: View = None,
    wide: Wide = False, columns: Columns = None, no_pager: NoPager = False,
    csv_dialect: CsvDialectOption = None, quiet: Quiet = False,
    lang: Lang = None, show_pii: ShowPii = False, verbose: Verbose = False, no_cache: NoCache = False,
) -> None:
    """The members with kind, partnership form, recognition (2.27), joint-placement readiness
    (activity 7), places offered, catalogue tasks (activity 9) and coordinators (activity 1).

    Views: members, offers, coordinators.

    Example: cluster members list --kind company --recognised --curriculum 204365 --format csv --output hosts.csv
    """
    from cluster_cli.pipeline import Timings

    day = parse_date(as_of, language(lang))
    timings = Timings()
    state: dict = {}

    def compute() -> Computed:
        from cluster_cli.render.members import members_document, members_empty_reason, members_title, members_views
        from cluster_cli.reports.members import members_report

        loaded, used = _loaded(data, lang, timings, no_cache)
        chosen = resolve_id("curriculum", curriculum, loaded.dataset.curricula, used) if curriculum else None
        with timings.stage("members"):
            report = members_report(loaded.dataset, day, kind=kind, partnership=partnership,
                                    recognised=recognised, curriculum=chosen)
        filtered = any(x is not None for x in (kind, partnership, recognised, curriculum))
        state["why"] = members_empty_reason(report, used, filtered)
        return Computed(members_views(report, used), members_document(report), used, day, "members",
                        members_title(report, used))

    run_report(ctx, compute, format, output, view, lang, show_pii, data, no_cache)
    say_why_empty(state.get("why"), quiet)
    if verbose:
        print_timings(timings, language(lang))


@app.command("show", help="help.members.show")
def show_member(
    ctx: typer.Context,
    member: str = typer.Argument(..., help="help.members.show.member", autocompletion=complete_ids("members")),
    data: Data = None, as_of: AsOf = None,
    format: Format = ReportFormat.table, output: Output = None, view: View = None,
    wide: Wide = False, columns: Columns = None, no_pager: NoPager = False,
    csv_dialect: CsvDialectOption = None, quiet: Quiet = False,
    lang: Lang = None, show_pii: ShowPii = False, verbose: Verbose = False, no_cache: NoCache = False,
) -> None:
    """One member: its data, contacts, the coordinators it names and their areas of
    responsibility (activity 1), its offers, supervisors and catalogue tasks, and the placements
    it hosts.

    Views: member, contacts, coordinators, offers, supervisors, tasks, placements.

    Example: cluster members show koodikoda --format json
    """
    from cluster_cli.pipeline import Timings

    day = parse_date(as_of, language(lang))
    timings = Timings()

    def compute() -> Computed:
        from cluster_cli.render.members import member_document, member_title, member_views
        from cluster_cli.reports.members import member_detail

        loaded, used = _loaded(data, lang, timings, no_cache)
        chosen = resolve_id("member", member, loaded.dataset.members, used)
        with timings.stage("members"):
            detail = member_detail(loaded.dataset, chosen, day)
        return Computed(member_views(detail, used), member_document(detail, show_pii), used, day, "offers",
                        member_title(detail, used))

    run_report(ctx, compute, format, output, view, lang, show_pii, data, no_cache)
    if verbose:
        print_timings(timings, language(lang))
