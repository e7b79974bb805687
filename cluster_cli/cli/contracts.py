"""`cluster contracts`: render tripartite placement contracts (praktikaleping, 4.11.5, Lisa 7 1.4)
from DOCX templates into folders, safely; and check a template.

Only `typer` and the standard library at module level (start-up time): docxtpl, python-docx,
jinja2 and babel are imported inside the commands.
"""

from __future__ import annotations

import sys
from enum import Enum
from pathlib import Path
from typing import List, Optional

import typer

from cluster_cli.cli.common import AsOf, Data, Lang, NoCache, Quiet, Verbose
from cluster_cli.cli.common import (
    EXIT_FINDINGS,
    EXIT_OK,
    fail,
    language,
    load_or_exit,
    note,
    parse_date,
    print_timings,
    stderr_console,
)
from cluster_cli.i18n import NP_
from cluster_cli.cli.values import Signatures, complete_choice, complete_ids, placement_status, resolve_id, split_list

app = typer.Typer(
    name="contracts",
    help="help.contracts",
    no_args_is_help=True,
)



VERDICT_STYLE = {"created": "green", "updated": "yellow", "unchanged": "dim", "conflict": "bold red",
                 "changed": "bold red", "refused": "bold red", "skipped": "dim"}


@app.command("render", help="help.contracts.render")
def render(
    ids: Optional[List[str]] = typer.Argument(None, help="help.contracts.render.ids",
                                              show_default=False, autocompletion=complete_ids("placements")),
    all_: bool = typer.Option(False, "--all", help="help.contracts.render.all"),
    group: Optional[str] = typer.Option(None, "--group", "-g", help="help.contracts.render.group",
                                        autocompletion=complete_ids("groups")),
    status: Optional[str] = typer.Option(None, "--status", "-s", help="help.contracts.render.status",
                                         callback=placement_status, autocompletion=complete_choice("placement-status")),
    out: Path = typer.Option(Path("contracts"), "--out", "-o", help="help.contracts.render.out"),
    template: Optional[Path] = typer.Option(None, "--template", "-t",
                                            help="help.contracts.render.template"),
    dry_run: bool = typer.Option(False, "--dry-run", "-n", help="help.contracts.render.dry-run"),
    force: bool = typer.Option(False, "--force", help="help.contracts.render.force"),
    pdf: bool = typer.Option(False, "--pdf", help="help.contracts.render.pdf"),
    asice: bool = typer.Option(False, "--asice", help="help.contracts.render.asice"),
    signatures: Signatures = typer.Option("digital", "--signatures", help="help.contracts.render.signatures"),
    lock_timeout: float = typer.Option(60.0, "--lock-timeout", envvar="CLUSTER_LOCK_TIMEOUT", min=0,
                                       help="help.contracts.render.lock-timeout"),
    data: Data = None, as_of: AsOf = None,
    lang: Lang = None, verbose: Verbose = False, no_cache: NoCache = False, quiet: Quiet = False,
) -> None:
    """Render the tripartite contracts of placements that pass validation into
    OUT/<study year>/<group>/<placement>_<student>_<host>.docx, with OUT/manifest.json and
    OUT/manifest.csv.

    A placement with errors in its own, its student's or its hosts' records is refused (the
    others are still rendered); so is a student with open debts (6.2.3) unless the placement
    records a debt_override, and a value a document cannot hold (a control character). Data that
    reached the secretary less than a week before the start gives a warning (Lisa 7 4.1).
    Existing files: unchanged when their inputs are the same; otherwise a conflict, refused
    unless --force (a contract may already be signed). One run writes into a folder at a time
    (the others wait up to --lock-timeout); the manifest keeps the rows of placements not in
    this run. Exit 0 all rendered or unchanged, 1 any refused or conflict, 2 usage or unusable data.

    Example: cluster contracts render --all --out contracts --dry-run
    """
    from cluster_cli.pipeline import Timings

    if asice and signatures is Signatures.paper:  # a DigiDoc container of a contract to sign in ink
        fail("usage.contracts-asice-paper", language(lang))
    from cluster_cli.cli.progress import loading

    timings = Timings()
    with loading(stderr_console(), quiet, language(lang)):  # a big folder: a bar
        loaded = load_or_exit(data, lang, timings, no_cache)
    lang = language(lang, loaded.dataset.cluster.language if loaded.dataset.cluster else None)
    day = parse_date(as_of, lang)
    from cluster_cli.contracts import folder, pdf as pdfs, plan
    from cluster_cli.contracts.manifest import write_manifest

    loose = plan.loose_errors(loaded.findings)
    if loose:  # a file that could not be read at all: which contracts it holds is unknown
        fail(NP_("usage.contracts-data-errors"), lang, count=len(loose), where=f"{loose[0].file}:{loose[0].line}")
    ds = loaded.dataset
    broken = dict(plan.broken_placements(ds, loaded.findings))
    known = [*ds.placements, *broken]
    ids = [resolve_id("placement", i, known, lang) for i in split_list(ids)]
    group = resolve_id("group", group, ds.groups, lang) if group is not None else None
    try:
        placements = plan.select_placements(ds, ids, all_, group, status, broken)
        if out.exists() and not out.is_dir():
            fail("usage.contracts-out", lang, path=str(out))
        soffice = None
        if pdf:
            soffice = pdfs.converter()
            if soffice is None:
                fail("usage.contracts-no-libreoffice", lang)
        templates = plan.load_templates(template, placements)
    except plan.ContractUsageError as exc:
        fail(exc.key, lang, **exc.args_)

    from cluster_cli.pipeline import check

    err = stderr_console()
    with loading(err, quiet, lang):  # a big folder's checks: the bar goes on
        findings = check(loaded, day, timings=timings)
    tx = folder.Transaction(out)
    lock = None
    if not dry_run:  # decide and write under the folder's lock: another run may be writing there
        lock = folder.FolderLock(out, lock_timeout, on_wait=lambda: note(_t("ui.contracts.waiting", lang,
                                                                            path=str(out)), whole=(out,)))
        try:
            lock.acquire(tx)
        except folder.LockTimeout:
            tx.rollback()
            fail("refused.contracts-locked", lang, code=EXIT_FINDINGS, path=str(out / folder.LOCK_NAME),
                 seconds=f"{lock_timeout:g}")
        except OSError as exc:
            tx.rollback()
            fail("usage.contracts-write", lang, path=str(getattr(exc, "filename", "") or out),
                 detail=exc.strerror or str(exc))
    try:
        if lock is not None:
            swept = folder.sweep_temp_files(out)
            if swept:
                note(_tn("ui.contracts.swept", len(swept), lang, count=len(swept), path=str(out)), whole=(out,))
        with timings.stage("plan"):
            jobs = plan.plan_run(ds, loaded.profile, placements, broken, findings, out, templates, force, lang,
                                 day, signatures.value)
        code = _run(jobs, templates, out, dry_run, lang, err, timings, day, tx, write_manifest, quiet)
    finally:
        if lock is not None:
            lock.release()
    if dry_run:
        note(_t("ui.contracts.dry-run", lang), style="bold")
    counts = {s: sum(1 for j in jobs if j.status == s)
              for s in ("created", "unchanged", "updated", "conflict", "refused", "skipped")}
    note(_t("ui.contracts.summary", lang, **counts))
    changed = sum(1 for j in jobs if j.status == "changed")
    if changed:  # signed contracts are never overwritten: their changes go into an amendment
        note(_tn("ui.contracts.changed", changed, lang, count=changed), style="bold")
    if not dry_run:
        note(_t("ui.contracts.manifest", lang, json=str(out / "manifest.json"), csv=str(out / "manifest.csv")),
             whole=(out / "manifest.json", out / "manifest.csv"))
    if soffice is not None and not dry_run:
        from cluster_cli.cli.progress import counting

        with counting(_t("ui.contracts.pdf-progress", lang), err, quiet, lang) as update:
            made, failed = pdfs.convert(soffice, [j for j in jobs if j.status in ("created", "updated", "unchanged")],
                                        on_progress=update)
        from cluster_cli.render.findings import HANGING_INDENT

        for path, detail in failed:
            _say(err, "", _t("reason.contracts.pdf", lang, path=str(path), detail=detail), "bold red",
                 indent=HANGING_INDENT, whole=(path,))
        if failed:
            _say(err, f"   {_t('ui.fix', lang)}: ", _t("reason.contracts.pdf.hint", lang), "green")
        note(_tn("ui.contracts.pdf", made, lang, count=made))
        code = max(code, EXIT_FINDINGS if failed else EXIT_OK)
    if asice and not dry_run:
        from cluster_cli.cli.contract_signing import package

        code = max(code, package(jobs, pdf, out, lock_timeout, lang, err))
    if verbose:
        print_timings(timings, lang)
    raise typer.Exit(code)


def _t(key: str, lang: str, **args) -> str:
    from cluster_cli.i18n import t

    return t(key, lang, **args)


def _tn(key: str, n: int, lang: str, **args) -> str:
    from cluster_cli.i18n import tn

    return tn(key, n, lang, **args)

def _say(console, label: str, text: str, style: Optional[str] = None, indent: Optional[int] = None,
         whole: tuple = ()) -> None:
    """A line about a file or a placement, wrapped at a terminal after its label (common.say);
    the files and data locations it names stay whole."""
    from cluster_cli.cli.common import say

    say(label, text, style, console, indent, whole + _locations(text))


def _locations(text: str) -> tuple:
    """The `FILE:LINE` of a reason or warning (`… [data/x.yaml:12 placements[3].start]`)."""
    import re

    return tuple(m.group(1) for m in re.finditer(r"\[(.+?:\d+)[ \]]", text))


def _run(jobs, templates, out: Path, dry_run: bool, lang: str, err, timings, day, tx, write_manifest,
         quiet: bool = False) -> int:
    """Render and write (`folder.render_and_write`), printing one word per file, then the
    manifest. Any failure rolls back what this run did, and says so file by file."""
    from contextlib import nullcontext

    from cluster_cli.contracts.folder import needs_rendering, render_and_write

    from cluster_cli.i18n.words import VERDICT_WORD, word

    progress = _progress(err, len(needs_rendering(jobs)), quiet, lang)
    width = max(len(word(VERDICT_WORD, v, lang)) for v in VERDICT_WORD) + 2  # the files in one column

    def show(job) -> None:
        if quiet and job.status not in ("conflict", "changed", "refused"):  # --quiet: the problems only
            return
        shown = str(out / job.rel) if job.rel and job.status not in ("refused", "skipped") else job.placement
        target = progress.console if progress is not None else err
        _say(target, f"{word(VERDICT_WORD, job.status, lang):<{width}}", shown, VERDICT_STYLE.get(job.status),
             whole=(shown,))
        for reason in job.reasons:
            _say(target, " " * width, reason, indent=width + 2)
        for warning in job.warnings:
            _say(target, " " * width + f"{_t('severity.warning', lang)}: ", warning, "yellow")

    produced = render_and_write(jobs, templates, tx, dry_run, lang)
    try:
        with timings.stage("render"), (progress if progress is not None else nullcontext()):
            task = progress.add_task(_t("ui.contracts.progress", lang), total=len(needs_rendering(jobs))) \
                if progress else None
            for job, rendered in produced:
                if rendered and progress is not None:
                    progress.advance(task)
                show(job)
        if not dry_run:
            write_manifest(out, jobs, day, tx)
    except OSError as exc:
        _rollback(tx, err, lang)
        fail("usage.contracts-write", lang, path=str(getattr(exc, "filename", "") or out),
             detail=exc.strerror or str(exc))
    except KeyboardInterrupt:
        _rollback(tx, err, lang)
        fail("refused.contracts-interrupted", lang, code=EXIT_INTERRUPTED)
    except BaseException:
        _rollback(tx, err, lang)
        raise
    finally:
        produced.close()
    bad = any(j.status in ("refused", "conflict", "changed") for j in jobs)
    return EXIT_FINDINGS if bad else EXIT_OK


EXIT_INTERRUPTED = 130  # 128 + SIGINT, as shells report a run stopped with Ctrl-C


def _rollback(tx, err, lang: str) -> None:
    """Undo the run and say what was undone: the screen listed these files as created/updated."""
    tx.rollback()
    for path in tx.removed:
        _say(err, f"{_t('ui.contracts.rolled-back', lang):<10} ", str(path), "bold red", whole=(path,))
    for path in tx.restored:
        _say(err, f"{_t('ui.contracts.restored', lang):<10} ", str(path), "bold red", whole=(path,))


def _progress(err, total: int, quiet: bool, lang: str):
    """The progress bar (cli/progress.py, with its ETA) for many contracts: at a terminal only."""
    from cluster_cli.cli.progress import MANY_CONTRACTS, bar

    return bar(err, quiet, lang) if total >= MANY_CONTRACTS else None


class TemplateKind(str, Enum):
    """Which contract a template is: the tripartite one (Lisa 7 1.4, 12.7.1) or the school–student
    agreement of a mobility project (12.7.2); each has its own required terms."""
    three_party = "three-party"
    two_party = "two-party"


@app.command("check-template", help="help.contracts.check-template")
def check_template(
    file: Path = typer.Argument(..., help="help.contracts.check-template.file"),
    kind: Optional[TemplateKind] = typer.Option(None, "--kind", help="help.contracts.check-template.kind"),
    lang: Lang = None, quiet: Quiet = False,
) -> None:
    """List a contract template's variables, flag the ones the contract's data does not have,
    the mandatory terms (Lisa 7 1.4.2–1.4.11, 5.7, 10.1; 4.11.5, 4.12.5) it never uses, and what
    rendering would refuse (a trial render of sample data through the same sandbox and bounds).
    Exit 0 when clean, 1 with problems, 2 when the file is missing.

    Example: cluster contracts check-template templates/praktikaleping_et.docx
    """
    lang = language(lang)
    if not file.is_file():
        fail("usage.template-check-missing", lang, path=str(file))
    from cluster_cli.contracts.template_check import TWO_PARTY, template_kind, template_problem
    from cluster_cli.contracts.template_check import check_template as check

    problem = template_problem(file.read_bytes())
    if problem and not problem.startswith("TemplateSyntaxError"):
        fail("usage.contracts-template-bad", lang, path=str(file), detail=problem)
    judged = kind.value if kind is not None else template_kind(file)
    report = check(file, judged)
    out = sys.stdout
    print(_t("ui.contracts.kind-two-party" if judged == TWO_PARTY else "ui.contracts.kind-three-party", lang),
          file=out)
    if report.syntax_error:
        print(_t("ui.contracts.syntax", lang, detail=report.syntax_error), file=out)
        raise typer.Exit(EXIT_FINDINGS)
    print(f"{_t('ui.contracts.variables', lang)}: {', '.join(report.variables)}", file=out)
    print(f"{_t('ui.contracts.paths', lang)}:", file=out)
    for path in report.paths:
        print(f"  {path}", file=out)
    problems = len(report.unknown) + len(report.missing_terms) + len(report.refusals) + len(report.numbering)
    if report.refusals:
        print(f"{_t('ui.contracts.refusals', lang)}:", file=out)
        for refusal in report.refusals:
            print(f"  {refusal}", file=out)
    if report.unknown:
        print(f"{_t('ui.contracts.unknown', lang)}:", file=out)
        for name in report.unknown:
            print(f"  {name}", file=out)
    if report.numbering:
        print(f"{_t('ui.contracts.numbering', lang)}:", file=out)
        for jump in report.numbering:
            print(f"  {jump}", file=out)
    if report.missing_terms:
        print(f"{_t('ui.contracts.terms', lang)}:", file=out)
        for clause, term in report.missing_terms:
            print(f"  {clause}: {term}", file=out)
    if problems:
        print(_tn("ui.contracts.template-bad", problems, lang, path=str(file), count=problems), file=out)
        raise typer.Exit(EXIT_FINDINGS)
    print(_t("ui.contracts.template-ok", lang, path=str(file)), file=out)



# The group's commands that live in their own modules (registered here: the group is built as a
# whole when `cluster contracts …` is first looked up, cli/lazy.py).
from cluster_cli.cli import contract_amend, contract_signing, contract_status  # noqa: E402

app.command("status", help="help.contracts.status")(contract_status.status)
app.command("sign", help="help.contracts.sign")(contract_status.sign)
app.command("list", help="help.contracts.list")(contract_status.list_contracts)
app.command("amend", help="help.contracts.amend")(contract_amend.amend)
app.command("signatures", help="help.contracts.signatures")(contract_signing.signatures)
