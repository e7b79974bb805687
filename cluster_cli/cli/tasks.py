"""`cluster tasks`: the cluster's catalogue of practical tasks and expected results (activity 9)."""

from __future__ import annotations

from typing import Optional

import typer

from cluster_cli.cli.common import (
    Columns, CsvDialectOption, Data, Format, Lang, NoCache, NoPager, Output, Quiet, ShowPii, Verbose, View, Wide,
)
from cluster_cli.cli.common import (
    Computed,
    ReportFormat,
    language,
    load_or_exit,
    print_timings,
    refuse_if_unusable,
    run_report,
)
from cluster_cli.cli.empty import say_why_empty
from cluster_cli.cli.values import complete_ids, resolve_id


def tasks(
    ctx: typer.Context, data: Data = None,
    curriculum: Optional[str] = typer.Option(None, "--curriculum", "-c", help="help.tasks.curriculum",
                                              autocompletion=complete_ids("curricula")),
    module: Optional[str] = typer.Option(None, "--module", "-m", help="help.tasks.module"),
    member: Optional[str] = typer.Option(None, "--member", help="help.tasks.member",
                                         autocompletion=complete_ids("members")),
    format: Format = ReportFormat.table, output: Output = None, view: View = None,
    wide: Wide = False, columns: Columns = None, no_pager: NoPager = False,
    csv_dialect: CsvDialectOption = None, quiet: Quiet = False,
    lang: Lang = None, show_pii: ShowPii = False, verbose: Verbose = False, no_cache: NoCache = False,
) -> None:
    """The cluster's list of practical tasks with their expected results and the members that
    offer them (seed 000 activity 9). Placements name these tasks (Lisa 7 1.4.5) and
    `cluster validate` checks that they fit the student's curriculum and the placement's modules.

    Views: tasks, results (one row per expected result).

    Example: cluster tasks --curriculum 204365 --module TA-M16
    """
    from cluster_cli.pipeline import Timings

    timings = Timings()
    state: dict = {}

    def compute() -> Computed:
        from cluster_cli.render.members import tasks_document, tasks_empty_reason, tasks_title, tasks_views
        from cluster_cli.render.xlsx import UNDATED
        from cluster_cli.reports.members import task_rows

        loaded = load_or_exit(data, lang, timings, no_cache)
        ds = loaded.dataset
        used = language(lang, ds.cluster.language if ds.cluster else None)
        refuse_if_unusable(loaded, used)
        code = resolve_id("curriculum", curriculum, ds.curricula, used) if curriculum is not None else None
        unit = None
        if module is not None:
            known = sorted({m.id for c in ds.curricula.values() if code in (None, c.code) for m in c.modules})
            unit = resolve_id("module", module, known, used)
        host = resolve_id("member", member, ds.members, used) if member is not None else None
        with timings.stage("tasks"):
            rows = task_rows(ds, curriculum=code, module=unit, member=host)
        state["why"] = tasks_empty_reason(rows, used, any(x is not None for x in (curriculum, module, member)))
        # The catalogue has no date; an XLSX file is stamped with a fixed day so it is reproducible.
        return Computed(tasks_views(rows, used), tasks_document(rows), used, UNDATED, "tasks",
                        tasks_title(rows, used))

    run_report(ctx, compute, format, output, view, lang, show_pii, data, no_cache)
    say_why_empty(state.get("why"), quiet)
    if verbose:
        print_timings(timings, language(lang))
