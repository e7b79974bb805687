"""`cluster debts`: the study-debt and attendance report."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from cluster_cli.cli.common import (
    AsOfOption,
    DataOption,
    FormatOption,
    LangOption,
    OutputOption,
    ReportFormat,
    ShowPiiOption,
    VerboseOption,
    ViewOption,
    emit_report,
    fail,
    language,
    load_or_exit,
    parse_date,
    print_timings,
    refuse_if_unusable,
)


def debts(
    data: Optional[Path] = DataOption,
    as_of: Optional[str] = AsOfOption,
    group: Optional[str] = typer.Option(None, "--group", "-g", help="Only this group."),
    student: Optional[str] = typer.Option(None, "--student", "-s", help="Only this student (id)."),
    format: ReportFormat = FormatOption,
    output: Optional[Path] = OutputOption,
    view: Optional[str] = ViewOption,
    lang: Optional[str] = LangOption,
    show_pii: bool = ShowPiiOption,
    verbose: bool = VerboseOption,
) -> None:
    """Study debts with their deadlines in working days, attendance, and the actions the
    regulation prescribes (6.1, 6.2, 6.3, 6.8.5, 6.11.5, Lisa 4), as of a date.

    Views: groups, debts, actions, attendance.

    Example: cluster debts --as-of 2026-11-23 --group TA-24 --format xlsx --output debts.xlsx
    """
    from cluster_cli.pipeline import Timings
    from cluster_cli.reports.debts import debt_report, to_document, views

    timings = Timings()
    loaded = load_or_exit(data, lang, timings)
    lang = language(lang, loaded.dataset.cluster.language if loaded.dataset.cluster else None)
    day = parse_date(as_of, lang)
    refuse_if_unusable(loaded, lang)
    if student is not None and student not in loaded.dataset.students:
        fail("usage.unknown-student", lang, value=student)
    if group is not None and group not in loaded.dataset.groups:
        fail("usage.unknown-group", lang, value=group)
    with timings.stage("debts"):
        report = debt_report(loaded.dataset, loaded.profile, day, group=group, student=student)
    with timings.stage("render"):
        from cluster_cli.i18n import t

        emit_report(views(report, lang), to_document(report, lang), format, output, view, lang, show_pii, day,
                    csv_default="debts", title=t("debts.title", lang, date=day.isoformat()))
    if verbose:
        print_timings(timings, lang)
