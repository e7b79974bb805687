"""`cluster import KIND FILE`: students, grades, attendance, members or placements from a CSV or
XLSX sheet into the data folder (edit/intake/). Thin: reads the options, calls the steps, prints."""

from __future__ import annotations

import sys
from enum import Enum
from pathlib import Path
from typing import NoReturn, Optional

import typer

from cluster_cli.cli.common import AsOf, Data, Lang, NoCache, Quiet, ShowPii
from cluster_cli.cli.common import EXIT_FINDINGS, EXIT_OK, echo, editing, fail, language, note, parse_date


class ImportKind(str, Enum):  # the values of load/mappings.py's IMPORT_KINDS
    students = "students"
    grades = "grades"
    attendance = "attendance"
    members = "members"
    placements = "placements"


def import_sheet(
    kind: ImportKind = typer.Argument(..., help="help.import.kind"),
    file: Path = typer.Argument(..., help="help.import.file", metavar="FILE"),
    data: Data = None, as_of: AsOf = None,
    mapping: Optional[Path] = typer.Option(None, "--mapping", "-m", metavar="FILE", help="help.import.mapping"),
    sheet: Optional[str] = typer.Option(None, "--sheet", metavar="NAME", help="help.import.sheet"),
    dry_run: bool = typer.Option(False, "--dry-run", "-n", help="help.import.dry-run"),
    skip_bad: bool = typer.Option(False, "--skip-bad", help="help.import.skip-bad"),
    lang: Lang = None, show_pii: ShowPii = False, quiet: Quiet = False, no_cache: NoCache = False,
) -> None:
    """Import a sheet into the data folder."""
    from cluster_cli.cli.common import load_or_exit, resolve_data_dir
    from cluster_cli.edit.intake.mapping import apply

    lang0 = language(lang)
    day = parse_date(as_of, lang0)
    chosen, found = _mapping_and_sheet(kind.value, file, mapping, sheet, lang0)
    rows, bad = apply(chosen, found.headers, found.rows)
    data_dir = resolve_data_dir(data)
    if dry_run or not data_dir.is_dir():
        loaded = load_or_exit(data, lang, None, no_cache)
        used = language(lang, loaded.dataset.cluster.language if loaded.dataset.cluster else None)
        plan = _plan(loaded, data_dir, kind.value, rows, used)
        _report(file, found, chosen, bad + plan.bad, used, show_pii, skip_bad or dry_run, skip_bad)
        _show_diff(plan, used, show_pii)
        _summary(plan, used, dry_run=True)
        raise typer.Exit(EXIT_FINDINGS if bad or plan.bad else EXIT_OK)
    plan, used = _write(data, data_dir, kind.value, rows, bad, file, found, chosen, lang, show_pii, skip_bad,
                        no_cache, lang0)
    _summary(plan, used, dry_run=False)
    clean = _validate(data_dir, day, used, no_cache, lang)
    raise typer.Exit(EXIT_OK if clean and not (bad or plan.bad) else EXIT_FINDINGS)


def _mapping_and_sheet(kind: str, file: Path, given: Optional[Path], sheet_name: Optional[str], lang: str):
    """The mapping (the user's, or the built-in one its headers recognise) and the sheet cut at
    its header row; exit 2 when either cannot be had."""
    from cluster_cli.edit.intake.mapping import unknown_fields, unmapped
    from cluster_cli.edit.intake.sheet import SheetError, candidate_rows, read_raw, with_header
    from cluster_cli.load.mappings import MappingError, builtin_mappings, load_mapping, recognise

    try:
        user = load_mapping(given) if given is not None else None
        builtins = builtin_mappings() if user is None else []
    except MappingError as exc:
        fail(exc.key, lang, **exc.args_)
    if user is not None and user.kind != kind:
        fail("import.mapping.wrong-kind", lang, file=str(given), found=user.kind, kind=kind)
    try:
        raw = read_raw(file, sheet_name)
    except SheetError as exc:
        fail(exc.key, lang, **exc.args_)
    candidates = candidate_rows(raw)
    header_row, chosen = None, user
    if user is not None:
        scored = [(user.score(headers), -number, number) for number, headers in candidates]
        if scored and max(scored)[0] > 0:
            header_row = max(scored)[2]
    else:
        for number, headers in candidates:
            chosen = recognise(headers, kind, builtins)
            if chosen is not None:
                header_row = number
                break
    if header_row is None:
        first = candidates[0][1] if candidates else []
        _no_header(file, kind, first, user is not None, lang)
    wrong = unknown_fields(chosen)
    if wrong:
        from cluster_cli.edit.intake.mapping import known_fields

        fail("import.mapping.unknown-field", lang, file=chosen.source, field=wrong[0],
             fields=", ".join(known_fields(kind)))
    found = with_header(raw, header_row)
    note(_t("import.reading", lang, file=str(file), mapping=chosen.name, row=header_row, rows=len(found.rows)),
         whole=(file,))
    extra = unmapped(chosen, found.headers)
    if extra:
        note(_t("import.unmapped", lang, columns=", ".join(f"„{h}“" for h in extra)))
    return chosen, found


def _no_header(file: Path, kind: str, first: list, user: bool, lang: str) -> NoReturn:
    headers = ", ".join(f"„{h}“" for h in first if h) or "—"
    if user:
        fail("import.no-header", lang, file=str(file), headers=headers)
    fail("import.no-mapping", lang, file=str(file), kind=kind, headers=headers)


def _t(key: str, lang: str, **args) -> str:
    from cluster_cli.i18n import t

    return t(key, lang, **args)


def _plan(loaded, data_dir: Path, kind: str, rows, lang: str):
    from cluster_cli.cli.common import refuse_if_unusable
    from cluster_cli.edit.drafts import TargetError
    from cluster_cli.edit.intake.merge import plan_import

    refuse_if_unusable(loaded, lang)
    try:
        return plan_import(loaded, data_dir, kind, rows)
    except TargetError as exc:
        fail("import.target", lang, code=1, file=exc.file, reason=exc.reason)


def _write(data, data_dir, kind, rows, bad, file, found, chosen, lang_flag, show_pii, skip_bad, no_cache, lang0):
    """Under the data folder's lock: read the data, plan, and write — refused when a row is bad
    (unless --skip-bad), another command holds the lock, or a data file changed meanwhile."""
    from cluster_cli.cli.common import load_or_exit

    used = lang0
    with editing(data_dir, lambda: used) as session:
        loaded = load_or_exit(data, lang_flag, None, no_cache)
        used = language(lang_flag, loaded.dataset.cluster.language if loaded.dataset.cluster else None)
        plan = _plan(loaded, data_dir, kind, rows, used)
        _report(file, found, chosen, bad + plan.bad, used, show_pii, skip_bad, skip_bad)
        session.commit({p.path: p.text for p in plan.files})
    for p in plan.files:
        note(_t("import.written", used, file=p.path.as_posix(), verdict=_t(
            "import.verdict.update" if p.existed else "import.verdict.create", used)), whole=(p.path.as_posix(),))
    return plan, used


def _report(file: Path, found, chosen, bad: list, lang: str, show_pii: bool, go_on: bool,
            skipping: bool) -> None:
    """Every bad row on stderr: `FILE:ROW: „column“: message`, then its fix. Without --skip-bad
    (or --dry-run) a bad row refuses the whole import: exit 1, nothing written; a dry run
    without --skip-bad says that the real import would write nothing."""
    if not bad:
        return
    from cluster_cli.cli.common import say, stderr_console
    from cluster_cli.findings import Pii, mask
    from cluster_cli.i18n import hint_for, t
    from cluster_cli.render.findings import HANGING_INDENT

    err = stderr_console()
    for e in sorted(bad, key=lambda e: (e.row, found.headers.index(e.column) if e.column in found.headers else 99)):
        args = {k: (v if show_pii or not isinstance(v, Pii) else mask(v)) for k, v in e.args}
        message = t("import.bad-row", lang, file=str(file), row=e.row, column=e.column, message=t(e.key, lang, **args))
        say("", message, "red", err, indent=HANGING_INDENT, whole=(file,))
        hint = hint_for(e.key, lang, args)
        if hint:
            say(f"   {t('ui.fix', lang)}: ", hint, "green", err)
    rows = len({e.row for e in bad})
    if not go_on:
        fail("import.refused", lang, code=EXIT_FINDINGS, rows=rows)
    if skipping:
        note(_t("import.skipped", lang, rows=rows))
    else:
        from cluster_cli.i18n import tn

        note(tn("import.dry-run-refused", rows, lang, count=rows))


def _show_diff(plan, lang: str, show_pii: bool) -> None:
    from cluster_cli.findings import mask_values

    for p in plan.files:
        for line in p.diff():
            sys.stdout.write(line if show_pii else mask_values(line))
            if not line.endswith("\n"):
                sys.stdout.write("\n")
    sys.stdout.flush()


def _summary(plan, lang: str, dry_run: bool) -> None:
    from cluster_cli.i18n import tn
    from cluster_cli.i18n.words import IMPORT_KIND_WORD, word

    counts = plan.counts
    line = _t("import.summary", lang, kind=word(IMPORT_KIND_WORD, plan.kind, lang),
              new=tn("import.count.new", counts["new"], lang),
              changed=tn("import.count.changed", counts["changed"], lang),
              unchanged=tn("import.count.unchanged", counts["unchanged"], lang),
              files=tn("import.count.files", len(plan.files), lang))
    typer.echo(line)
    if dry_run:
        echo(_t("import.dry-run", lang))


def _validate(data_dir: Path, day, lang: str, no_cache: bool, lang_flag) -> bool:
    """`validate` on the result: its one-line summary; True when it found no errors."""
    from cluster_cli.cli.common import loader_settings
    from cluster_cli.pipeline import validate
    from cluster_cli.render.findings import summary_text

    result = validate(data_dir, day, **loader_settings(no_cache, lang_flag))
    echo(_t("import.validated", lang, summary=summary_text(result.findings, lang, result.records, result.files)))
    return not any(f.severity == "error" for f in result.findings)
