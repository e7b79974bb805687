"""`cluster rules` and `cluster profile`: what is checked, and with which numbers."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from cluster_cli.cli.common import (
    AsOfOption,
    DataOption,
    LangOption,
    NoCacheOption,
    TextOrJson,
    language,
    load_or_exit,
    parse_date,
    stdout_console,
)


def rules(
    lang: Optional[str] = LangOption,
    format: TextOrJson = typer.Option(TextOrJson.text, "--format", "-f"),
) -> None:
    """List the checks of `cluster validate`: rule id, clause, usual severity, what it checks.

    Example: cluster rules --lang en
    """
    import json

    from cluster_cli.regulation.rules import RULES

    from cluster_cli.i18n import t

    lang = language(lang)
    rows = [{"rule": r.id, "clause": r.clause, "severity": r.severity, "description": t("rule." + r.id, lang)}
            for r in RULES]
    if format is TextOrJson.json:
        typer.echo(json.dumps(rows, ensure_ascii=False, indent=2))
        return
    from rich.table import Table

    table = Table(box=None)
    for col in ("ui.rule", "ui.clause", "ui.severity", "ui.description"):
        table.add_column(t(col, lang))
    for row in rows:
        table.add_row(row["rule"], row["clause"], t("severity." + row["severity"], lang), row["description"])
    stdout_console().print(table)


def profile(
    data: Optional[Path] = DataOption,
    as_of: Optional[str] = AsOfOption,
    lang: Optional[str] = LangOption,
    format: TextOrJson = typer.Option(TextOrJson.text, "--format", "-f"),
    no_cache: bool = NoCacheOption,
) -> None:
    """Show the regulation profile in force: every parameter, its value on the date, its clause.

    Example: cluster profile --as-of 2026-09-01
    """
    import json

    loaded = load_or_exit(data, lang, no_cache=no_cache)
    lang = language(lang, loaded.dataset.cluster.language if loaded.dataset.cluster else None)
    day = parse_date(as_of, lang)
    rows = []
    for p in loaded.profile.parameters.values():
        i = max(sum(1 for d in p.dates if d <= day) - 1, 0)
        rows.append({"parameter": p.name, "value": _plain(p.at(day)), "unit": p.unit, "clause": p.clause,
                     "valid_from": p.dates[i].isoformat(), "description": p.description.get(lang, "")})
    if format is TextOrJson.json:
        typer.echo(json.dumps(rows, ensure_ascii=False, indent=2))
        return
    from rich.table import Table

    from cluster_cli.i18n import t

    table = Table(box=None, title=f"{loaded.profile.name} — {day.isoformat()}")
    for col in ("ui.parameter", "ui.value", "ui.unit", "ui.clause", "ui.valid_from", "ui.description"):
        table.add_column(t(col, lang))
    for r in rows:
        table.add_row(r["parameter"], json.dumps(r["value"], ensure_ascii=False), r["unit"], r["clause"],
                      r["valid_from"], r["description"])
    stdout_console().print(table)


def _plain(value):
    """Exact numbers shown plainly: 2/3 stays a fraction, money keeps its cents."""
    from decimal import Decimal
    from fractions import Fraction

    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, Fraction):
        return str(value) if value.denominator not in (1, 2, 4, 5, 10, 20, 25, 50, 100) else float(value)
    if isinstance(value, Decimal):
        return str(value)
    return value


cache_app = typer.Typer(help="The cache of loaded files and answers: where it is, how big, and clearing it.",
                        no_args_is_help=True)


@cache_app.command("info")
def cache_info(data: Optional[Path] = DataOption) -> None:
    """Show the cache directory, its entries and their size.

    Example: cluster cache info
    """
    from cluster_cli.cli.common import resolve_data_dir
    from cluster_cli.load.cache import cache_dir

    directory = cache_dir(resolve_data_dir(data))
    if directory is None:
        typer.echo("cache: off (the configured directory is inside the data folder)")
        return
    files = [p for p in directory.rglob("*") if p.is_file()] if directory.exists() else []
    size = sum(p.stat().st_size for p in files)
    typer.echo(f"{directory}\n{len(files)} entries, {size / 1e6:.1f} MB")


@cache_app.command("clear")
def cache_clear(data: Optional[Path] = DataOption) -> None:
    """Delete every cache entry (the next run reads every file afresh). The data is never touched.

    Example: cluster cache clear
    """
    import shutil

    from cluster_cli.cli.common import resolve_data_dir
    from cluster_cli.load.cache import MAGIC, cache_dir

    directory = cache_dir(resolve_data_dir(data))
    if directory is None or not directory.exists():
        typer.echo("cache: nothing to clear")
        return
    removed = 0
    for area in ("files", "answers"):
        target = directory / area
        if target.is_dir():
            removed += sum(1 for p in target.rglob("*") if p.is_file())
            shutil.rmtree(target)
    typer.echo(f"{directory}: {removed} entries removed ({MAGIC})")
