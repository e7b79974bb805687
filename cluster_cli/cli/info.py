"""`cluster rules` and `cluster profile`: what is checked, and with which numbers."""

from __future__ import annotations

import os

import typer

from cluster_cli.cli.common import AsOf, Columns, Data, Lang, NoCache, NoPager, Quiet, TextFormat, Wide
from cluster_cli.cli.common import (
    TextOrJson,
    echo,
    language,
    load_or_exit,
    parse_date,
)


def rules(
    lang: Lang = None,
    format: TextFormat = TextOrJson.text,
    wide: Wide = False, columns: Columns = None, no_pager: NoPager = False, quiet: Quiet = False,
) -> None:
    """List the checks of `cluster validate`: rule id, clause, usual severity, what it checks.

    Example: cluster rules --lang en
    """
    import json

    from cluster_cli.regulation.rules import RULES

    from cluster_cli.i18n import t
    from cluster_cli.i18n.words import RULE, SEVERITY

    lang = language(lang)
    rows = [{"rule": r.id, "clause": r.clause, "severity": r.severity, "description": t(RULE[r.id], lang)}
            for r in RULES]
    if format is TextOrJson.json:
        typer.echo(json.dumps(rows, ensure_ascii=False, indent=2))
        return
    from cluster_cli.cli.terminal import show_views
    from cluster_cli.render.views import View

    view = View("rules", "rules.view", [("rule", "ui.rule"), ("clause", "ui.clause"), ("severity", "ui.severity"),
                                        ("description", "ui.description")],
                [{**row, "severity": t(SEVERITY[row["severity"]], lang)} for row in rows],
                kinds={"rule": "id", "clause": "code", "severity": "text", "description": "text"})
    show_views([view], lang, "", wide, columns, no_pager)


def profile(
    data: Data = None, as_of: AsOf = None,
    lang: Lang = None,
    format: TextFormat = TextOrJson.text,
    wide: Wide = False, columns: Columns = None, no_pager: NoPager = False, quiet: Quiet = False,
    no_cache: NoCache = False,
) -> None:
    """Show the regulation profile in force: every parameter, its value on the date, its clause.

    Example: cluster profile --as-of 2026-09-01
    """
    import json

    loaded = load_or_exit(data, lang, no_cache=no_cache)
    lang = language(lang, loaded.dataset.cluster.language if loaded.dataset.cluster else None)
    day = parse_date(as_of, lang)
    rows, values = [], []
    for p in loaded.profile.parameters.values():
        i = max(sum(1 for d in p.dates if d <= day) - 1, 0)
        values.append(p.at(day))
        rows.append({"parameter": p.name, "value": _plain(values[-1]), "unit": p.unit, "clause": p.clause,
                     "valid_from": p.dates[i].isoformat(), "description": p.description.get(lang, "")})
    if format is TextOrJson.json:
        typer.echo(json.dumps(rows, ensure_ascii=False, indent=2))
        return
    from cluster_cli.cli.terminal import show_views
    from cluster_cli.i18n import date_text
    from cluster_cli.render.profile import profile_view

    view = profile_view(rows, values, lang)
    show_views([view], lang, f"{loaded.profile.name} — {date_text(day, lang)}", wide, columns, no_pager)


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


cache_app = typer.Typer(help="help.cache",
                        no_args_is_help=True)


@cache_app.command("info", help="help.cache.info")
def cache_info(data: Data = None, lang: Lang = None, quiet: Quiet = False, no_pager: NoPager = False) -> None:
    """Show the cache directory, its entries and their size, and how it is pruned.

    Example: cluster cache info
    """
    from datetime import datetime

    from cluster_cli.cli.common import resolve_data_dir
    from cluster_cli.i18n import date_text, t, tn
    from cluster_cli.load.cache import STAMP, Cache, cache_dir, limits
    from cluster_cli.render.numbers import number_text

    lang = language(lang)
    directory = cache_dir(resolve_data_dir(data))
    if directory is None:
        echo(t("cache.off", lang))
        return
    entries = Cache(directory).entries()
    size = sum(st.st_size for _, st in entries)
    try:
        max_age, max_mb = limits()
    except ValueError as exc:
        from cluster_cli.cli.common import fail

        fail("cache.setting-invalid", lang, name=str(exc), value=os.environ.get(str(exc), ""))
    try:
        pruned = datetime.fromtimestamp((directory / STAMP).stat().st_mtime)
        last = f"{date_text(pruned.date(), lang)} {pruned:%H:%M}"
    except OSError:
        last = t("cache.info.never", lang)
    echo(t("cache.info.where", lang, directory=directory), whole=(str(directory),))
    echo(tn("cache.info.size", len(entries), lang, entries=len(entries), size=number_text(size / 1e6, lang, 1)))
    echo(t("cache.info.pruning", lang, days=_amount(max_age, lang), mb=_amount(max_mb, lang), last=last))


def _amount(value: float, lang: str) -> str:
    """A setting as the language writes it: `30`, `0,5` (Estonian) / `0.5`."""
    from cluster_cli.render.numbers import number_text

    return number_text(value, lang, 0) if value == int(value) else number_text(value, lang, 1)


@cache_app.command("clear", help="help.cache.clear")
def cache_clear(data: Data = None, lang: Lang = None, quiet: Quiet = False) -> None:
    """Delete every cache entry (the next run reads every file afresh). The data is never touched.

    Example: cluster cache clear
    """
    import shutil

    from cluster_cli.cli.common import resolve_data_dir
    from cluster_cli.i18n import t, tn
    from cluster_cli.load.cache import AREAS, MEMO, STAMP, Cache, cache_dir

    lang = language(lang)
    directory = cache_dir(resolve_data_dir(data))
    if directory is None or not directory.exists():
        echo(t("cache.nothing", lang))
        return
    removed = len(Cache(directory).entries())
    for area in AREAS:
        shutil.rmtree(directory / area, ignore_errors=True)
    (directory / STAMP).unlink(missing_ok=True)
    (directory / MEMO).unlink(missing_ok=True)
    echo(tn("cache.cleared", removed, lang, directory=directory, count=removed), whole=(str(directory),))
