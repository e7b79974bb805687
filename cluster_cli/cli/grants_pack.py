"""`cluster grants pack`: the allowance committee's pack for a round — a workbook and a protocol
draft written into a folder (atomically; an existing file only with --force)."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from cluster_cli.cli.common import Data, Lang, NoCache, Quiet, ShowPii
from cluster_cli.cli.grants import Round


def pack(
    ctx: typer.Context,
    round: Round = ...,
    folder: Path = typer.Option(..., "--output", "-o", help="help.grants.pack.output"),
    force: bool = typer.Option(False, "--force", help="help.grants.pack.force"),
    as_of: Optional[str] = typer.Option(None, "--as-of", metavar="DATE", help="help.grants.pack.as-of"),
    data: Data = None, quiet: Quiet = False,
    lang: Lang = None, show_pii: ShowPii = False, no_cache: NoCache = False,
) -> None:
    """What the allowance committee needs for its meeting (Lisa 11 V.1, V.2): per curriculum the
    ranking with each student's components, the margin to the cut-off, every exclusion with its
    clause and the students who also receive another allowance in the round's months — as an
    XLSX workbook and a DOCX protocol draft (committee and meeting from cluster.yaml, decisions,
    signature lines).

    Example: cluster grants pack --round 2026-autumn --output komisjon
    """
    from cluster_cli.cli.common import EXIT_FINDINGS, fail, language, note, parse_date, resolve_data_dir
    from cluster_cli.cli.grants import _check_round, _loaded
    from cluster_cli.cli.output import run_info
    from cluster_cli.files import OutputPathError, WriteError, write_output
    from cluster_cli.i18n import t
    from cluster_cli.render.grants_pack import file_names, pack_docx, pack_xlsx
    from cluster_cli.reports.grants_pack import committee_pack

    _check_round(round, language(lang))
    if as_of is not None:  # accepted like everywhere, and checked; the round alone decides (help text)
        parse_date(as_of, language(lang))
    loaded, used = _loaded(data, lang, no_cache=no_cache)
    ds = loaded.dataset
    result = committee_pack(ds, loaded.profile, round)
    names = file_names(result, used)
    targets = [folder / name for name in names]
    if folder.exists() and not folder.is_dir():
        fail("pack.not-a-folder", used, path=str(folder))
    existing = [p for p in targets if p.exists()]
    if existing and not force:
        fail("pack.exists", used, code=EXIT_FINDINGS, path=", ".join(str(p) for p in existing))
    run = run_info(ctx, result.ranking.round.decide_by, str(resolve_data_dir(data)),
                   unkeyed=("quiet", "no_cache", "force", "folder", "as_of"))
    blobs = [pack_xlsx(result, used, show_pii, run),
             pack_docx(result, ds.cluster.name if ds.cluster else "", used)]
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        fail("pack.not-a-folder", used, path=str(folder))
    for path, blob in zip(targets, blobs):
        try:
            write_output(path, blob, private=show_pii)
        except OutputPathError as exc:
            fail(exc.key, used, path=exc.path)
        except WriteError as exc:
            fail(exc.key, used, path=exc.path, reason=exc.reason)
        note(t("pack.wrote", used, file=str(path)))
