"""`cluster contracts signatures`: read the signed DigiDoc containers (ASiC-E) that came back,
say per contract who has signed and who is missing, and with `--write` record the signatures in
the placement (and a fully signed contract becomes valid).

Only `typer` and the standard library at module level (start-up time).
"""

from __future__ import annotations

import sys
from pathlib import Path

import typer

from cluster_cli.cli.common import AsOf, Data, Lang, NoCache, Quiet, ShowPii, TextFormat, TextOrJson
from cluster_cli.cli.common import EXIT_FINDINGS, EXIT_OK, editing, fail, language, load_or_exit, note, parse_date


def signatures(
    folder: Path = typer.Argument(..., metavar="DIR", help="help.contracts.signatures.dir", show_default=False),
    write: bool = typer.Option(False, "--write", help="help.contracts.signatures.write"),
    fmt: TextFormat = TextOrJson.text,
    data: Data = None, as_of: AsOf = None, show_pii: ShowPii = False,
    lang: Lang = None, no_cache: NoCache = False, quiet: Quiet = False,
) -> None:
    """Read the DigiDoc containers (.asice) in DIR that came back signed: for each, its
    placement (by the file name `contracts render --asice` gave it), each signature checked
    offline (the signature value, the signed files' digests, the certificate's dates — not its
    revocation online), the signer's personal code from the certificate matched to the parties
    who sign (Lisa 7 1.4; the legal representative of a minor, 4.12.5). With --write the
    signatures are recorded in the placement and a fully signed contract under review becomes
    valid. Exit 0 when all is in order, 1 with an invalid signature, an unknown signer or a
    container without a placement, 2 usage.

    Example: cluster contracts signatures . --as-of 2026-11-23
    """
    first = language(lang)
    if not folder.is_dir():
        fail("usage.signatures-dir", first, path=str(folder))
    if not write:
        loaded = load_or_exit(data, lang, no_cache=no_cache)
        _report(loaded, folder, fmt, as_of, lang, show_pii)
    from cluster_cli.cli.common import resolve_data_dir

    data_dir = resolve_data_dir(data)
    if not data_dir.is_dir():
        load_or_exit(data, lang, no_cache=True)  # exits with the loader's message
    with editing(data_dir, first) as session:
        loaded = load_or_exit(data, lang, no_cache=True)
        _report(loaded, folder, fmt, as_of, lang, show_pii, (session, data_dir))


def _report(loaded, folder: Path, fmt, as_of, lang, show_pii: bool, writing=None) -> None:
    """Check, print, write (given the edit session and the data folder); exits with the
    command's code."""
    import json

    from cluster_cli.contracts.signing import check_folder, updates
    from cluster_cli.i18n import t, tn
    from cluster_cli.render.signatures import document, lines
    from cluster_cli.render.table import plain_text, styled_text

    lang = language(lang, loaded.dataset.cluster.language if loaded.dataset.cluster else None)
    day = parse_date(as_of, lang)
    ds = loaded.dataset
    results = check_folder(folder, ds, loaded.profile.value("adult_age", day))
    written = []
    if writing is not None:
        session, data_dir = writing
        planned = updates(results, day)
        if planned:
            from cluster_cli.edit.drafts import TargetError
            from cluster_cli.edit.placement import PlacementNotFound, plan_updates

            places = {u["placement"]: Path(ds.placements[u["placement"]].origin.file) for u in planned}
            try:
                session.commit(plan_updates(data_dir, [(u["placement"], _recording(u)) for u in planned]))
            except TargetError as exc:
                fail("usage.signatures-target", lang, code=EXIT_FINDINGS, file=exc.file, reason=exc.reason)
            except PlacementNotFound as exc:  # moved since it was read
                fail("files.placement-not-found", lang, code=EXIT_FINDINGS, placement=exc.placement_id)
            for u in planned:
                where = places[u["placement"]].as_posix()
                written.append({"placement": u["placement"], "file": where, "signatures": len(u["signatures"]),
                                "status": u["status"]})
                if u["signatures"]:
                    note(tn("ui.signatures.written", len(u["signatures"]), lang, count=len(u["signatures"]),
                            placement=u["placement"], file=where), whole=(where,))
                if u["status"]:
                    note(t("ui.signatures.valid", lang, placement=u["placement"], file=where), whole=(where,))
        else:
            note(t("ui.signatures.nothing", lang))
    shown = folder.as_posix()
    if fmt == TextOrJson.json:
        json.dump(document(results, lang, show_pii, shown, written), sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        from cluster_cli.cli.common import stdout_console

        console = stdout_console()
        text = lines(results, lang, show_pii, min(console.width, 80) if console.is_terminal else 80, shown)
        sys.stdout.write(styled_text(text) if console.is_terminal else plain_text(text))
    bad = any(i.error for r in results for i in r.problems)
    raise typer.Exit(EXIT_FINDINGS if bad else EXIT_OK)


def package(jobs, with_pdf: bool, out: Path, lock_timeout: float, lang: str, err) -> int:
    """`contracts render --asice`: a DigiDoc container beside each written contract
    (contracts/asice.py), under the folder's lock, rolled back together when a write fails; a
    container that holds a signature is kept. Returns the exit code of this step."""
    from cluster_cli.cli.contracts import VERDICT_STYLE, _rollback, _say
    from cluster_cli.contracts import asice, folder
    from cluster_cli.i18n import t, tn
    from cluster_cli.i18n.words import VERDICT_WORD, word

    tx = folder.Transaction(out)
    lock = folder.FolderLock(out, lock_timeout)
    try:
        lock.acquire(tx)
        packed = asice.package(jobs, with_pdf, tx)
    except folder.LockTimeout:
        tx.rollback()
        fail("refused.contracts-locked", lang, code=EXIT_FINDINGS, path=str(out / folder.LOCK_NAME),
             seconds=f"{lock_timeout:g}")
    except OSError as exc:
        _rollback(tx, err, lang)
        fail("usage.contracts-write", lang, path=str(getattr(exc, "filename", "") or out),
             detail=exc.strerror or str(exc))
    finally:
        lock.release()
    width = max(len(word(VERDICT_WORD, v, lang)) for v in VERDICT_WORD) + 2  # as the contracts' lines
    for p in packed:
        shown = str(out / p.rel)
        if p.status == "signed":
            _say(err, "", t("ui.asice.signed-changed" if p.changed else "ui.asice.signed", lang, path=shown),
                 "bold red" if p.changed else "dim", whole=(shown,))
        elif p.status == "not-to-sign":
            _say(err, "", t("ui.asice.not-to-sign", lang, path=shown), "dim", whole=(shown,))
        elif p.status == "refused":
            _say(err, "", t("ui.asice.refused", lang, path=shown), "bold red", whole=(shown,))
        else:
            _say(err, f"{word(VERDICT_WORD, p.status, lang):<{width}}", shown, VERDICT_STYLE.get(p.status),
                 whole=(shown,))
    made = [p for p in packed if p.status != "not-to-sign"]
    note(tn("ui.asice.summary", len(made), lang, count=len(made)))
    return EXIT_FINDINGS if any(p.status == "refused" or p.changed for p in packed) else EXIT_OK


def _recording(update: dict):
    """The change of one placement's record: its new signatures and, when it is now fully
    signed, `status: valid` with its history entry."""
    from cluster_cli.edit.placement import Append, appending

    change = appending("signatures", *update["signatures"]) if update["signatures"] else Append(())
    if update["status"]:
        change += appending("history", update["history"], status=update["status"])
    return change
