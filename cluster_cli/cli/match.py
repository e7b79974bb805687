"""`cluster match`: hosts with free places for the students who still need a placement
(seed 000 activity 7; 6.2.3; Lisa 7 10.2), and `--write` to add the proposals as drafts."""

from __future__ import annotations

import sys
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
    editing,
    fail,
    language,
    load_or_exit,
    parse_date,
    print_timings,
    refuse_if_unusable,
    resolve_data_dir,
    run_report,
)
from cluster_cli.cli.empty import say_why_empty
from cluster_cli.cli.output import emit_report
from cluster_cli.cli.values import complete_ids, resolve_id


def match(
    ctx: typer.Context, data: Data = None, as_of: AsOf = None,
    start: Optional[str] = typer.Option(
        None, "--from", metavar="DATE", help="help.match.from"),
    end: Optional[str] = typer.Option(
        None, "--to", metavar="DATE",
        help="help.match.to"),
    group: Optional[str] = typer.Option(None, "--group", "-g", help="help.option.group",
                                        autocompletion=complete_ids("groups")),
    top: int = typer.Option(3, "--top", min=1, max=20, help="help.match.top"),
    write: bool = typer.Option(
        False, "--write",
        help="help.match.write"),
    format: Format = ReportFormat.table, output: Output = None, view: View = None,
    wide: Wide = False, columns: Columns = None, no_pager: NoPager = False,
    csv_dialect: CsvDialectOption = None, quiet: Quiet = False,
    lang: Lang = None, show_pii: ShowPii = False, verbose: Verbose = False, no_cache: NoCache = False,
) -> None:
    """Proposes hosts for the students whose group has a practice period in the window and who
    have no placement for it yet: hosts with a free place for the curriculum over the whole
    period, ranked with their reasons (recognition 2.27, catalogue tasks for the module,
    partnership, the school's history); a joint placement split between hosts ready for it when
    no single host can take the period (activity 7). Students with open debts are blocked
    (6.2.3); level-2 and special-needs students are flagged for the school to secure (Lisa 7
    10.2). With --write the first proposal of every unblocked student becomes a draft placement.

    Views: students, proposals, blocked.

    Example: cluster match --as-of 2026-11-23 --from 2027-01-01 --to 2027-06-30 --group TA-24 --write
    """
    from datetime import date

    from cluster_cli.pipeline import Timings

    first_lang = language(lang)
    day = parse_date(as_of, first_lang)
    window_start = parse_date(start, first_lang) if start else day
    window_end = parse_date(end, first_lang) if end else date(
        window_start.year + (1 if window_start.month >= 9 else 0), 8, 31)
    if window_end < window_start:
        fail("usage.match-window", first_lang, start=window_start, end=window_end)
    timings = Timings()
    state: dict = {}

    def compute() -> Computed:
        from cluster_cli.render.matching import empty_reason, title, to_document, views
        from cluster_cli.reports.matching import match as run_match

        loaded = load_or_exit(data, lang, timings, no_cache)
        used = language(lang, loaded.dataset.cluster.language if loaded.dataset.cluster else None)
        refuse_if_unusable(loaded, used)
        among = resolve_id("group", group, loaded.dataset.groups, used) if group is not None else None
        with timings.stage("match"):
            report = run_match(loaded.dataset, loaded.profile, day, window_start, window_end, group=among, top=top)
        state.update(loaded=loaded, report=report, lang=used, why=empty_reason(report, used))
        return Computed(views(report, used), to_document(report, used), used, day, "proposals", title(report, used))

    if not write:
        run_report(ctx, compute, format, output, view, lang, show_pii, data, no_cache)
    else:
        if format is ReportFormat.xlsx and output is None:
            fail("usage.xlsx-output", first_lang)
        computed = _compute_and_write(compute, data, state, day, first_lang)
        emit_report(computed.views, computed.document, format, output, view, computed.lang, show_pii, computed.stamp,
                    computed.csv_default, computed.title)
    say_why_empty(state.get("why"), quiet)
    if verbose:
        print_timings(timings, language(lang))


def _compute_and_write(compute, data: Optional[Path], state: dict, day, first_lang: str) -> Computed:
    """Under the data folder's lock: read the data, match, write the drafts — refused when another
    command holds the lock or a data file changed since it was read (edit/write.py)."""

    data_dir = resolve_data_dir(data)
    if not data_dir.is_dir():
        return compute()  # exits with the loader's message for a missing data folder
    with editing(data_dir, lambda: state.get("lang", first_lang)) as session:
        _say_swept(session.swept, first_lang)
        computed = compute()
        _write(data_dir, state, day, session)
        return computed


def _say_swept(swept: list, lang: str) -> None:
    if swept:
        from cluster_cli.cli.common import note
        from cluster_cli.i18n import tn

        note(tn("files.swept", len(swept), lang, count=len(swept), files=", ".join(p.as_posix() for p in swept)),
             whole=tuple(p.as_posix() for p in swept))


def _write(data_dir: Path, state: dict, day, session) -> None:
    """Plan every file in memory, then write them all through the edit session; say what happened
    per file."""
    from cluster_cli.cli.common import note
    from cluster_cli.i18n import t, tn
    from cluster_cli.edit.drafts import TargetError, plan_drafts, write_drafts

    lang = state["lang"]
    try:
        plans = plan_drafts(state["loaded"].dataset, data_dir, state["report"],
                            t("match.draft-comment", lang, date=day))
    except TargetError as exc:
        fail("usage.match-target", lang, code=1, file=exc.file, reason=exc.reason)
    if not plans:
        note(t("match.nothing", lang))
        return
    write_drafts(plans, session)
    for plan in plans:
        verdict = t("match.verdict.update" if plan.existed else "match.verdict.create", lang)
        count = len(plan.ids)
        note(tn("match.written", count, lang, verdict=verdict, file=plan.shown, count=count, ids=plan.ids),
             whole=(plan.shown,))
    sys.stderr.flush()
