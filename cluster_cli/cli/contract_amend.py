"""`cluster contracts amend ID`: the amendment (lepingu lisa nr N) to a signed contract, listing
the terms that changed since the latest signed document — written next to the contract and
recorded in the placement's YAML (contracts/amend.py plans and renders it;
edit/placement.py plans the record; edit/write.py writes it under the data folder's lock).
"""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from cluster_cli.cli.common import AsOf, Data, Lang, NoCache, Quiet
from cluster_cli.cli.common import EXIT_FINDINGS, EXIT_OK, editing, fail, language, load_or_exit, note, parse_date, say
from cluster_cli.cli.values import Signatures, complete_ids, resolve_id




def amend(
    ident: str = typer.Argument(..., metavar="ID", help="help.contracts.amend.id",
                                autocompletion=complete_ids("placements")),
    out: Path = typer.Option(Path("contracts"), "--out", "-o", help="help.contracts.amend.out"),
    day: Optional[str] = typer.Option(None, "--date", metavar="DATE", help="help.contracts.amend.date"),
    signatures: Signatures = typer.Option("digital", "--signatures", help="help.contracts.amend.signatures"),
    dry_run: bool = typer.Option(False, "--dry-run", "-n", help="help.contracts.amend.dry-run"),
    data: Data = None, as_of: AsOf = None, lang: Lang = None, no_cache: NoCache = False, quiet: Quiet = False,
) -> None:
    """Render the amendment (lisa nr N) to a signed contract (valid, finished): the terms that
    changed since the latest signed document, old → new, in the contract's language, next to
    the contract as <contract>-lisa-N.docx; record it in the placement's amendments. Nothing
    changed: says so, writes nothing. A draft or review contract is re-rendered instead.
    Exit 0 written or nothing to amend, 1 refused, 2 usage.

    Example: cluster contracts amend HA-2026-06 --dry-run
    """
    from cluster_cli.cli.common import resolve_data_dir

    first = language(lang)
    data_dir = resolve_data_dir(data)
    if dry_run or not data_dir.is_dir():
        raise typer.Exit(_amend(ident, out, day, dry_run, data, as_of, lang, no_cache, None,
                                signatures=signatures.value))
    with editing(data_dir, first) as session:
        code = _amend(ident, out, day, False, data, as_of, lang, no_cache, session, data_dir, signatures.value)
    raise typer.Exit(code)


def _amend(ident: str, out: Path, day_text: Optional[str], dry_run: bool, data, as_of, lang_flag, no_cache: bool,
           session, data_dir: Optional[Path] = None, signatures: str = "digital") -> int:
    from cluster_cli.contracts.amend import AmendRefused, load_template, plan_amendment, record_errors
    from cluster_cli.contracts.verdicts import change_text, host_names
    from cluster_cli.i18n import t
    from cluster_cli.pipeline import check

    loaded = load_or_exit(data, lang_flag, None, no_cache)
    ds = loaded.dataset
    lang = language(lang_flag, ds.cluster.language if ds.cluster else None)
    today = parse_date(as_of, lang)
    day = parse_date(day_text, lang) if day_text is not None else today
    pid = resolve_id("placement", ident, list(ds.placements), lang)
    p = ds.placements[pid]
    errors = record_errors(ds, p, check(loaded, today), lang)
    if errors:
        fail("refused.contracts-amend-errors", lang, code=EXIT_FINDINGS, placement=pid, count=len(errors),
             first=errors[0])
    try:
        plan = plan_amendment(ds, loaded.profile, p, out, day, lang, signatures)
        templates = {x.language: load_template(x.language) for x in (plan, *plan.also)} if plan.changes else {}
    except AmendRefused as exc:
        fail(exc.key, lang, code=2 if exc.usage else EXIT_FINDINGS, **exc.args_)
    if not plan.changes:
        source = str(out / plan.source.relative_to(out.resolve()))
        note(t("ui.contracts.amend-nothing", lang, placement=pid, file=source), whole=(source,))
        return EXIT_OK
    shown = out / plan.rel
    from cluster_cli.cli.common import stdout_console

    screen = stdout_console()  # wrapped at the terminal's width, paths and dates kept whole
    say("", t("ui.contracts.amend-header", lang, number=plan.number, placement=pid, path=str(shown),
              previous=plan.source.name), console=screen, whole=(str(shown), plan.source.name))
    old = {k: a for k, a, _ in plan.changes}
    names = host_names(old, plan.terms)
    for term, before, after in plan.changes:
        say("  ", change_text(term, before, after, lang, names), console=screen, indent=4)
    for extra in plan.also:  # the bilateral agreement of a mobility project (Lisa 7 12.7.2)
        say("", t("ui.contracts.amend-also", lang, path=str(out / extra.rel)), console=screen,
            whole=(str(out / extra.rel),))
    if dry_run:
        note(t("ui.contracts.dry-run", lang), style="bold")
        return EXIT_OK
    return _write(plan, templates, shown, day, session, data_dir, lang)


def _write(plan, templates: dict[str, tuple[str, bytes]], shown: Path, day, session, data_dir: Path, lang: str) -> int:
    """The amendment's DOCX (atomic, never over a file), then its record in the YAML; a record
    that cannot be written takes the new DOCX back."""
    from cluster_cli.contracts.docx import RenderError
    from cluster_cli.contracts.folder import write_file
    from cluster_cli.contracts.amend import render_amendment
    from cluster_cli.contracts.verdicts import render_reason
    from cluster_cli.edit.drafts import TargetError
    from cluster_cli.edit.placement import PlacementNotFound, appending, plan_update
    from cluster_cli.i18n import t

    documents = []
    for doc in (plan, *plan.also):
        label, raw = templates[doc.language]
        try:
            documents.append((doc.path, render_amendment(doc, raw)))
        except RenderError as exc:
            fail("refused.contracts-amend-render", lang, code=EXIT_FINDINGS, reason=render_reason(exc, label, lang))
    entry = {"number": plan.number, "date": day, "terms": [k for k, _, _ in plan.changes], "file": shown.as_posix()}
    try:
        planned = plan_update(data_dir, plan.placement, appending("amendments", entry))
    except PlacementNotFound as exc:  # moved since it was read
        fail("files.placement-not-found", lang, code=EXIT_FINDINGS, placement=exc.placement_id)
    except TargetError as exc:
        fail("usage.contract-status-target", lang, code=EXIT_FINDINGS, file=exc.file, reason=exc.reason)
    target, text = planned.path, planned.text
    for path, _ in documents:
        if path.exists():  # numbered past every file there: another run made it meanwhile
            fail("files.data-changed", lang, code=EXIT_FINDINGS, path=str(path))
    written = []
    try:
        for path, data in documents:
            write_file(path, data)
            written.append(path)
        session.commit({target: text})
    except BaseException as exc:
        for path in written:  # the record was not written: neither is the amendment
            path.unlink(missing_ok=True)
        if isinstance(exc, OSError):
            fail("usage.contracts-write", lang, path=str(getattr(exc, "filename", "") or plan.path),
                 detail=exc.strerror or str(exc))
        raise
    note(t("ui.contracts.amend-written", lang, path=str(shown), file=str(target), number=plan.number),
         whole=(str(shown), str(target)))
    return EXIT_OK
