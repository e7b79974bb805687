"""`cluster export KIND`: the folder's records as a sheet (XLSX or CSV) in the columns `cluster
import` reads back (the cluster's own mappings, `cluster_cli/mappings/cluster-<kind>.yaml`).

Only `typer` and the standard library at module level, like every module of `cli/`.
"""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import Optional

import typer

from cluster_cli.cli.common import (
    EXIT_FINDINGS,
    CsvDialectOption,
    Data,
    Lang,
    NoCache,
    Output,
    Quiet,
    ShowPii,
    fail,
    language,
    load_or_exit,
    note,
    refuse_if_unusable,
)


class ExportKind(str, Enum):
    students = "students"
    grades = "grades"
    attendance = "attendance"
    members = "members"
    placements = "placements"


class ExportFormat(str, Enum):
    xlsx = "xlsx"
    csv = "csv"


def export(
    kind: ExportKind = typer.Argument(..., help="help.export.kind", show_default=False),
    format: Optional[ExportFormat] = typer.Option(None, "--format", "-f", help="help.export.format",
                                                  show_default=False),
    output: Output = None,
    group: Optional[str] = typer.Option(None, "--group", "-g", help="help.export.group"),
    school: Optional[str] = typer.Option(None, "--school", "-s", help="help.export.school"),
    csv_dialect: CsvDialectOption = None,
    data: Data = None, lang: Lang = None, show_pii: ShowPii = False, quiet: Quiet = False,
    no_cache: NoCache = False,
) -> None:
    """The folder's records of KIND as a sheet in the columns `cluster import` reads, so that a
    round trip (export → edit in Excel → import) changes exactly what was edited.

    Example: cluster export grades --group AKH-26 --format xlsx --output grades.xlsx
    """
    from cluster_cli.cli.common import csv_dialect as chosen_dialect
    from cluster_cli.cli.output import deliver
    from cluster_cli.cli.values import resolve_id
    from cluster_cli.i18n import t

    fmt = _format(format, output, language(lang))
    loaded = load_or_exit(data, lang, None, no_cache)
    dataset = loaded.dataset
    used = language(lang, dataset.cluster.language if dataset.cluster else None)
    refuse_if_unusable(loaded, used)
    if fmt == "xlsx" and (output is None or str(output) == "-"):
        fail("usage.xlsx-output", used)
    if kind is ExportKind.members and (group is not None or school is not None):
        fail("export.filter-members", used, option="--group" if group is not None else "--school")
    chosen_group = resolve_id("group", group, dataset.groups, used) if group is not None else None
    schools = [m for m, member in dataset.members.items() if member.kind == "vocational_school"]
    chosen_school = resolve_id("member", school, schools, used) if school is not None else None

    from cluster_cli.render.export import export_csv, export_table, export_xlsx

    table = export_table(dataset, kind.value, chosen_group, chosen_school)
    if table.pii_records and not show_pii:
        fail("export.pii-refused", used, EXIT_FINDINGS, count=table.pii_records)
    if table.hosts_left_out:
        note(t("export.hosts-left-out", used, ids=", ".join(table.hosts_left_out)), label="cluster: ")
    blob = export_xlsx(table, show_pii) if fmt == "xlsx" else export_csv(table, show_pii, chosen_dialect())
    deliver(blob, output, used, show_pii and bool(table.pii_records), rows=len(table.rows))


def _format(given: Optional[ExportFormat], output: Optional[Path], lang: str) -> str:
    """`--format`, else what `--output`'s suffix names (.xlsx, .csv), else CSV on stdout."""
    if given is not None:
        return given.value
    if output is None or str(output) in ("", "-"):
        return "csv"
    suffix = Path(str(output)).suffix.lower()
    if suffix in (".xlsx", ".csv"):
        return suffix[1:]
    fail("export.suffix", lang, path=str(output), suffix=suffix or "—")

