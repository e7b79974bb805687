"""`cluster contracts`: render tripartite placement contracts (praktikaleping, 4.11.5, Lisa 7 1.4)
from DOCX templates into folders, safely; and check a template.

Only `typer` and the standard library at module level (start-up time): docxtpl, python-docx,
jinja2 and babel are imported inside the commands.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path
from typing import List, Optional

import typer

from cluster_cli.cli.common import AsOf, Data, Lang, NoCache, Verbose
from cluster_cli.cli.common import (
    EXIT_FINDINGS,
    EXIT_OK,
    fail,
    language,
    load_or_exit,
    parse_date,
    print_timings,
    stderr_console,
)
from cluster_cli.vocabulary import PLACEMENT_STATUSES as STATUSES

app = typer.Typer(
    name="contracts",
    help="Placement contracts (praktikaleping): render DOCX contracts from templates; check a template.",
    no_args_is_help=True,
)

VERDICT_STYLE = {"created": "green", "updated": "yellow", "unchanged": "dim", "conflict": "bold red",
                 "refused": "bold red", "skipped": "dim"}


@app.command("render")
def render(
    ids: Optional[List[str]] = typer.Argument(None, help="Placement ids (or use --all, --group, --status).",
                                              show_default=False),
    all_: bool = typer.Option(False, "--all", help="Every placement except draft and cancelled ones."),
    group: Optional[str] = typer.Option(None, "--group", "-g", help="Only this group's placements."),
    status: Optional[str] = typer.Option(None, "--status", "-s", help="Only placements with this status."),
    out: Path = typer.Option(Path("contracts"), "--out", "-o", help="Output folder (default: ./contracts)."),
    template: Optional[Path] = typer.Option(None, "--template", "-t",
                                            help="Use this .docx template for every contract (default: the shipped "
                                                 "Estonian one, English for placements in English)."),
    dry_run: bool = typer.Option(False, "--dry-run", "-n", help="Decide every file, write nothing."),
    force: bool = typer.Option(False, "--force", help="Overwrite contracts whose data changed (conflicts)."),
    pdf: bool = typer.Option(False, "--pdf", help="Also convert each contract to PDF (LibreOffice headless)."),
    lock_timeout: float = typer.Option(60.0, "--lock-timeout", envvar="CLUSTER_LOCK_TIMEOUT", min=0,
                                       help="Seconds to wait while another run writes into the same folder."),
    data: Data = None, as_of: AsOf = None,
    lang: Lang = None, verbose: Verbose = False, no_cache: NoCache = False,
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

    timings = Timings()
    loaded = load_or_exit(data, lang, timings, no_cache)
    lang = language(lang, loaded.dataset.cluster.language if loaded.dataset.cluster else None)
    day = parse_date(as_of, lang)
    from cluster_cli.render import contracts as C

    loose = C.loose_errors(loaded.findings)
    if loose:  # a file that could not be read at all: which contracts it holds is unknown
        fail("usage.contracts-data-errors", lang, count=len(loose), where=f"{loose[0].file}:{loose[0].line}")
    ds = loaded.dataset
    broken = dict(C.broken_placements(ds, loaded.findings))
    placements = _select(ds, ids or [], all_, group, status, lang, broken)
    if out.exists() and not out.is_dir():
        fail("usage.contracts-out", lang, path=str(out))
    soffice = None
    if pdf:
        soffice = shutil.which("soffice") or shutil.which("libreoffice")
        if soffice is None:
            fail("usage.contracts-no-libreoffice", lang)
    languages = sorted({p.language for p in placements if not isinstance(p, str)})
    templates = _templates(template, languages, lang)

    from cluster_cli.pipeline import check

    err = stderr_console()
    findings = check(loaded, day, timings=timings)
    tx = C.Transaction(out)
    lock = None
    if not dry_run:  # decide and write under the folder's lock: another run may be writing there
        lock = C.FolderLock(out, lock_timeout, on_wait=lambda: err.print(
            _t("ui.contracts.waiting", lang, path=str(out)), markup=False, highlight=False, soft_wrap=True))
        try:
            lock.acquire(tx)
        except C.LockTimeout:
            tx.rollback()
            fail("refused.contracts-locked", lang, code=EXIT_FINDINGS, path=str(out / C.LOCK_NAME),
                 seconds=f"{lock_timeout:g}")
        except OSError as exc:
            tx.rollback()
            fail("usage.contracts-write", lang, path=str(getattr(exc, "filename", "") or out),
                 detail=exc.strerror or str(exc))
    try:
        if lock is not None:
            swept = C.sweep_temp_files(out)
            if swept:
                err.print(_t("ui.contracts.swept", lang, count=len(swept), path=str(out)), markup=False,
                          highlight=False, soft_wrap=True)
        with timings.stage("plan"):
            jobs = _broken_jobs(C, broken, placements, lang)
            jobs += C.plan_jobs(ds, loaded.profile, [p for p in placements if not isinstance(p, str)], findings,
                                out, templates, lang)
            for job in jobs:
                if job.path is not None:
                    C.decide(job, force, lang)
        to_render = [j for j in jobs if j.status in ("created", "updated", "conflict")]
        code = _run(C, jobs, to_render, templates, out, dry_run, lang, err, timings, day, tx)
    finally:
        if lock is not None:
            lock.release()
    if dry_run:
        err.print(_t("ui.contracts.dry-run", lang), style="bold", markup=False, highlight=False)
    counts = {s: sum(1 for j in jobs if j.status == s)
              for s in ("created", "unchanged", "updated", "conflict", "refused", "skipped")}
    err.print(_t("ui.contracts.summary", lang, **counts), markup=False, highlight=False, soft_wrap=True)
    if not dry_run:
        err.print(_t("ui.contracts.manifest", lang, json=str(out / "manifest.json"), csv=str(out / "manifest.csv")),
                  markup=False, highlight=False, soft_wrap=True)
    if soffice is not None and not dry_run:
        code = max(code, _pdfs(soffice, [j for j in jobs if j.status in ("created", "updated", "unchanged")], lang, err))
    if verbose:
        print_timings(timings, lang)
    raise typer.Exit(code)


def _t(key: str, lang: str, **args) -> str:
    from cluster_cli.i18n import t

    return t(key, lang, **args)


def _broken_jobs(C, broken: dict, placements: list, lang: str) -> list:
    """Refused jobs for placements the loader could not read: named by id (or FILE:LINE), with
    their errors; the other contracts are still made."""
    jobs = []
    for p in placements:
        if isinstance(p, str):
            job = C.Job(placement=p, status="refused")
            job.reasons = [C.describe(f, lang) for f in broken[p]]
            jobs.append(job)
    return jobs


def _select(ds, ids: list[str], all_: bool, group: Optional[str], status: Optional[str], lang: str,
            broken: dict) -> list:
    """The placements of this run, in data order (ids: in the order given). A placement the
    loader could not read is its id (a str): it is refused with its errors, when named or
    with --all."""
    if ids and all_:
        fail("usage.contracts-ids-and-all", lang)
    if not ids and not all_ and group is None and status is None:
        fail("usage.contracts-select", lang)
    if status is not None and status not in STATUSES:
        fail("usage.unknown-status", lang, value=status, known=", ".join(STATUSES))
    if group is not None and group not in ds.groups:
        fail("usage.unknown-group", lang, value=group)
    everything = ds.records.get("placements", [])
    if ids:
        for i in ids:
            if i not in ds.placements and i not in broken:
                fail("usage.unknown-placement", lang, value=i)
        chosen = [ds.placements.get(i, i) for i in dict.fromkeys(ids)]
    elif all_:  # drafts are not contracts yet, cancelled ones not any more
        chosen = [p for p in everything if p.status not in ("draft", "cancelled")] + list(broken)
    else:  # --group / --status: drafts and cancelled ones are listed as skipped
        chosen = list(everything)
    if status is not None:
        chosen = [p for p in chosen if isinstance(p, str) or p.status == status]
    if group is not None:
        chosen = [p for p in chosen if isinstance(p, str)
                  or (p.student in ds.students and ds.students[p.student].group == group)]
    return chosen


def _templates(given: Optional[Path], languages: list[str], lang: str) -> dict[str, tuple[str, bytes]]:
    """(label, bytes) by contract language, or under "*" for a template given with --template.

    Without --template: the files of the default names in $CLUSTER_TEMPLATES (a folder of edited
    copies, e.g. the checkout's templates/) if set, else the templates inside the package — so
    an installed wheel renders as an editable install does."""
    import os
    from importlib import resources

    from cluster_cli.render import contracts as C

    folder = os.environ.get("CLUSTER_TEMPLATES")
    if given is not None:
        wanted = {"*": (given, str(given))}
    elif folder:
        if not Path(folder).is_dir():
            fail("usage.contracts-templates-folder", lang, path=folder)
        wanted = {code: (Path(folder) / C.DEFAULT_TEMPLATES[code], str(Path(folder) / C.DEFAULT_TEMPLATES[code]))
                  for code in languages}
    else:
        packaged = resources.files("cluster_cli") / "templates"
        wanted = {code: (packaged / C.DEFAULT_TEMPLATES[code], C.DEFAULT_TEMPLATES[code]) for code in languages}
    out = {}
    for key, (path, label) in wanted.items():
        if not path.is_file():
            fail("usage.contracts-template-missing", lang, path=str(path))
        raw = path.read_bytes()
        problem = C.template_problem(raw)
        if problem:
            fail("usage.contracts-template-bad", lang, path=str(path), detail=problem)
        out[key] = (label, raw)
    return out


def _run(C, jobs, to_render, templates, out: Path, dry_run: bool, lang: str, err, timings, day, tx) -> int:
    """Render in memory, then write each file (unless a dry run) as its verdict allows; print one
    word per file. Any failure rolls back what this run did, and says so file by file."""
    from contextlib import nullcontext

    progress = _progress(err, len(to_render), lang)
    rendered = {id(j) for j in to_render}

    def show(job) -> None:
        shown = str(out / job.rel) if job.rel and job.status not in ("refused", "skipped") else job.placement
        target = progress.console if progress is not None else err
        target.print(f"{job.status:<10} {shown}", style=VERDICT_STYLE.get(job.status), markup=False,
                     highlight=False, soft_wrap=True)
        for reason in job.reasons:
            target.print(f"           {reason}", markup=False, highlight=False, soft_wrap=True)
        for warning in job.warnings:
            target.print(f"           {_t('severity.warning', lang)}: {warning}", style="yellow", markup=False,
                         highlight=False, soft_wrap=True)

    results = C.render_all(to_render, templates)
    try:
        with timings.stage("render"), (progress if progress is not None else nullcontext()):
            task = progress.add_task(_t("ui.contracts.progress", lang), total=len(to_render)) if progress else None
            for job in jobs:
                if id(job) in rendered:
                    done, error = next(results)
                    assert done is job
                    if error is not None:
                        job.status = "refused"
                        job.reasons.append(_render_reason(error, job.template, lang))
                    elif job.status in ("created", "updated") and not dry_run:
                        tx.write(job.path, job.data, new=job.status == "created")
                    job.data = None
                    if progress is not None:
                        progress.advance(task)
                show(job)
        if not dry_run:
            keep = C.previous_rows(out, jobs)
            for name, text in (("manifest.json", C.manifest_json(jobs, day, keep)),
                               ("manifest.csv", C.manifest_csv(jobs, keep))):
                tx.write(out / name, text, new=not (out / name).exists())
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
        results.close()
    bad = any(j.status in ("refused", "conflict") for j in jobs)
    return EXIT_FINDINGS if bad else EXIT_OK


EXIT_INTERRUPTED = 130  # 128 + SIGINT, as shells report a run stopped with Ctrl-C


def _rollback(tx, err, lang: str) -> None:
    """Undo the run and say what was undone: the screen listed these files as created/updated."""
    tx.rollback()
    for path in tx.removed:
        err.print(f"{_t('ui.contracts.rolled-back', lang):<10} {path}", style="bold red", markup=False,
                  highlight=False, soft_wrap=True)
    for path in tx.restored:
        err.print(f"{_t('ui.contracts.restored', lang):<10} {path}", style="bold red", markup=False,
                  highlight=False, soft_wrap=True)


def _render_reason(error, template: str, lang: str) -> str:
    if error.kind == "characters":
        return _t("reason.contracts.characters-render", lang, placement=error.placement, term=error.term,
                  value=error.detail)
    if error.kind == "template" and error.where:
        return _t("reason.contracts.template-at", lang, placement=error.placement, template=template,
                  where=error.where, detail=error.detail)
    key = {"missing": "reason.contracts.missing", "unknown": "reason.contracts.unknown-variable"}.get(
        error.kind, "reason.contracts.template")
    return _t(key, lang, placement=error.placement, term=error.term, detail=error.detail)


def _progress(err, total: int, lang: str):
    """A progress bar on stderr for many contracts, when stderr is a terminal."""
    if total < 10 or not err.is_terminal:
        return None
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    return Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
                    console=err, transient=True)


def _pdfs(soffice: str, jobs, lang: str, err) -> int:
    """Convert the written contracts to PDF, a folder at a time, where the PDF is missing or older."""
    folders: dict[Path, list[Path]] = {}
    for job in jobs:
        target = job.path.with_suffix(".pdf")
        if not target.exists() or target.stat().st_mtime < job.path.stat().st_mtime:
            folders.setdefault(job.path.parent, []).append(job.path)
    made = 0
    code = EXIT_OK
    for folder, files in sorted(folders.items()):
        cmd = [soffice, "--headless", "--convert-to", "pdf", "--outdir", str(folder), *map(str, files)]
        try:
            proc = subprocess.run(cmd, capture_output=True, text=True, timeout=600)
            ok = proc.returncode == 0
            detail = (proc.stderr or proc.stdout).strip()[:300]
        except (OSError, subprocess.TimeoutExpired) as exc:
            ok, detail = False, str(exc)
        for f in files:
            if ok and f.with_suffix(".pdf").exists():
                made += 1
            else:
                code = EXIT_FINDINGS
                err.print(_t("reason.contracts.pdf", lang, path=str(f), detail=detail or "?"), style="bold red",
                          markup=False, highlight=False, soft_wrap=True)
    err.print(_t("ui.contracts.pdf", lang, count=made), markup=False, highlight=False)
    return code


@app.command("check-template")
def check_template(
    file: Path = typer.Argument(..., help="The .docx template to check."),
    lang: Lang = None,
) -> None:
    """List a contract template's variables, flag the ones the contract's data does not have,
    the mandatory terms (Lisa 7 1.4.2–1.4.11, 5.7, 10.1; 4.11.5, 4.12.5) it never uses, and what
    rendering would refuse (a trial render of sample data through the same sandbox and bounds).
    Exit 0 when clean, 1 with problems, 2 when the file is missing.

    Example: cluster contracts check-template templates/praktikaleping_et.docx
    """
    lang = language(lang)
    if not file.is_file():
        fail("usage.contracts-template-missing", lang, path=str(file))
    from cluster_cli.render import contracts as C

    problem = C.template_problem(file.read_bytes())
    if problem and not problem.startswith("TemplateSyntaxError"):
        fail("usage.contracts-template-bad", lang, path=str(file), detail=problem)
    report = C.check_template(file)
    out = sys.stdout
    if report.syntax_error:
        print(_t("ui.contracts.syntax", lang, detail=report.syntax_error), file=out)
        raise typer.Exit(EXIT_FINDINGS)
    print(f"{_t('ui.contracts.variables', lang)}: {', '.join(report.variables)}", file=out)
    print(f"{_t('ui.contracts.paths', lang)}:", file=out)
    for path in report.paths:
        print(f"  {path}", file=out)
    problems = len(report.unknown) + len(report.missing_terms) + len(report.refusals)
    if report.refusals:
        print(f"{_t('ui.contracts.refusals', lang)}:", file=out)
        for refusal in report.refusals:
            print(f"  {refusal}", file=out)
    if report.unknown:
        print(f"{_t('ui.contracts.unknown', lang)}:", file=out)
        for name in report.unknown:
            print(f"  {name}", file=out)
    if report.missing_terms:
        print(f"{_t('ui.contracts.terms', lang)}:", file=out)
        for clause, term in report.missing_terms:
            print(f"  {clause}: {term}", file=out)
    if problems:
        print(_t("ui.contracts.template-bad", lang, path=str(file), count=problems), file=out)
        raise typer.Exit(EXIT_FINDINGS)
    print(_t("ui.contracts.template-ok", lang, path=str(file)), file=out)

