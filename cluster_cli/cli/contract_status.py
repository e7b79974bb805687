"""`cluster contracts status|sign|list`: a placement contract's status, history and signatures
(Lisa 7 1.4, 4.11.5, 4.12.5), changed in the placement's YAML file through
`edit/placement.py` (lock, snapshot, comment-preserving, atomic).

Only `typer` and the standard library at module level (start-up time).
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import List, Optional

import typer

from cluster_cli.cli.common import (
    AsOf, Columns, CsvDialectOption, Data, Format, Lang, NoCache, NoPager, Output, Quiet, ShowPii, Verbose, View,
    Wide,
)
from cluster_cli.cli.common import (
    EXIT_FINDINGS,
    Computed,
    ReportFormat,
    editing,
    fail,
    language,
    load_or_exit,
    note,
    parse_date,
    print_timings,
    refuse_if_unusable,
    resolve_data_dir,
    run_report,
    say,
    stderr_console,
)
from cluster_cli.cli.values import (
    cancel_reason,
    choices_metavar,
    complete_choice,
    complete_ids,
    placement_status,
    resolve_id,
    signing_party,
    split_list,
)
from cluster_cli.vocabulary import CANCEL_REASONS



def _names(ds) -> dict:
    return {m.id: m.name for m in ds.members.values()}


def status(
    ctx: typer.Context,
    placement: str = typer.Argument(..., help="help.contracts.status.id", autocompletion=complete_ids("placements")),
    set_: Optional[str] = typer.Option(None, "--set", help="help.contracts.status.set", callback=placement_status,
                                       autocompletion=complete_choice("placement-status"),
                                       metavar="[review|valid|finished|cancelled|draft]"),
    when: Optional[str] = typer.Option(None, "--date", metavar="DATE", help="help.contracts.status.date"),
    reason: Optional[str] = typer.Option(None, "--reason", help="help.contracts.status.reason",
                                         callback=cancel_reason, autocompletion=complete_choice("cancel-reason"),
                                         metavar="<" + "|".join(CANCEL_REASONS) + ">"),
    note_: Optional[str] = typer.Option(None, "--note", help="help.contracts.status.note"),
    dry_run: bool = typer.Option(False, "--dry-run", "-n", help="help.contracts.status.dry-run"),
    data: Data = None, as_of: AsOf = None,
    format: Format = ReportFormat.table, output: Output = None, view: View = None,
    wide: Wide = False, columns: Columns = None, no_pager: NoPager = False,
    csv_dialect: CsvDialectOption = None, quiet: Quiet = False,
    lang: Lang = None, show_pii: ShowPii = False, verbose: Verbose = False, no_cache: NoCache = False,
) -> None:
    """A placement's contract: its status and history, who must sign and who has, the
    guardian's consent, what it waits for; --set changes the status."""
    from cluster_cli.pipeline import Timings

    first = language(lang)
    day = parse_date(as_of, first)
    timings = Timings()
    if set_ is not None:
        _set_status(data, placement, set_, parse_date(when, first) if when else day,
                    reason, note_, dry_run, lang, no_cache)
        return
    if when is not None or reason is not None or note_ is not None or dry_run:
        fail("usage.contract-status-set-only", first)

    def compute() -> Computed:
        from cluster_cli.render.contract_status import status_document, status_title, status_views
        from cluster_cli.reports.contract_status import contract_state

        loaded = load_or_exit(data, lang, timings, no_cache)
        used = language(lang, loaded.dataset.cluster.language if loaded.dataset.cluster else None)
        ds = loaded.dataset
        chosen = resolve_id("placement", placement, ds.placements, used)
        state = contract_state(ds, loaded.profile, ds.placements[chosen], day)
        names = _names(ds)
        return Computed(status_views(state, used, names), status_document(state, names), used, day, "parties",
                        status_title(state, used))

    run_report(ctx, compute, format, output, view, lang, show_pii, data, no_cache)
    if verbose:
        print_timings(timings, language(lang))


def _refuse(refusals, lang: str, names: dict) -> None:
    """Every refusal with its fix; exit 1, nothing written."""
    from cluster_cli.i18n import hint_for, t
    from cluster_cli.render.contract_status import refusal_args

    err = stderr_console()
    for refusal in refusals:
        args = refusal_args(refusal, lang, names)
        say("cluster: ", t(refusal.key, lang, **args), "bold red", err)
        hint = hint_for(refusal.key, lang, args)
        if hint:
            say(f"   {t('ui.fix', lang)}: ", hint, "green", err)
    raise typer.Exit(EXIT_FINDINGS)


def _edit(data: Optional[Path], placement: str, lang_flag: Optional[str], no_cache: bool, decide):
    """Under the data folder's lock: read the data, resolve the placement, let `decide(ds,
    profile, placement, lang)` return the change (or refuse), plan it (`edit/placement.py`) and
    return (planned, session, lang). The caller commits."""
    from cluster_cli.edit.drafts import TargetError
    from cluster_cli.edit.placement import PlacementNotFound, plan_update

    data_dir = resolve_data_dir(data)
    used = language(lang_flag)
    if not data_dir.is_dir():
        load_or_exit(data, lang_flag, None, no_cache)  # exits with the loader's message
    try:
        with editing(data_dir, lambda: used) as session:
            loaded = load_or_exit(data, lang_flag, None, True)
            used = language(lang_flag, loaded.dataset.cluster.language if loaded.dataset.cluster else None)
            ds = loaded.dataset
            chosen = resolve_id("placement", placement, ds.placements, used)
            change, commit, report = decide(ds, loaded.profile, ds.placements[chosen], used)
            planned = plan_update(data_dir, chosen, change)
            if commit:
                session.commit({planned.path: planned.text})
            report(planned)
    except (TargetError, PlacementNotFound) as exc:
        fail("usage.contract-status-target", used, code=1, file=getattr(exc, "file", str(data_dir)),
             reason=getattr(exc, "reason", placement))


def _show_dry_run(planned, lang: str) -> None:
    """The record's lines as they would be written (a unified diff), on stdout."""
    import difflib

    from cluster_cli.i18n import t

    diff = difflib.unified_diff(planned.before.splitlines(True), planned.after.splitlines(True),
                                f"{planned.shown}:{planned.first_line}", f"{planned.shown}:{planned.first_line}")
    sys.stdout.writelines(line if line.endswith("\n") else line + "\n" for line in diff)
    note(t("ui.contract.dry-run", lang), style="bold")


def _set_status(data, placement: str, target: str, day, reason: Optional[str], note_text: Optional[str],
                dry_run: bool, lang_flag: Optional[str], no_cache: bool) -> None:
    if reason is not None and target != "cancelled":
        fail("usage.contract-status-reason-only", language(lang_flag))

    def decide(ds, profile, p, lang):
        from cluster_cli.edit.placement import appending
        from cluster_cli.i18n import t
        from cluster_cli.render.contract_status import status_word
        from cluster_cli.reports.contract_status import contract_state, transition_refusals

        state = contract_state(ds, profile, p, day)
        refusals = transition_refusals(state, target, day, reason)
        if refusals:
            _refuse(refusals, lang, _names(ds))
        before = p.status

        change = appending("history", {"status": target, "date": day, "reason": reason, "note": note_text},
                           status=target)

        def report(planned) -> None:
            if dry_run:
                _show_dry_run(planned, lang)
                return
            note(t("ui.contract.status-set", lang, id=p.id, before=status_word(before, lang),
                   after=status_word(target, lang), date=day, file=planned.shown, line=planned.first_line),
                 whole=(planned.shown,))

        return change, not dry_run, report

    _edit(data, placement, lang_flag, no_cache, decide)


def sign(
    placement: str = typer.Argument(..., help="help.contracts.sign.id", autocompletion=complete_ids("placements")),
    party: Optional[str] = typer.Option(None, "--party", help="help.contracts.sign.party", callback=signing_party,
                                        autocompletion=complete_choice("signing-party"),
                                        metavar=choices_metavar("signing-party")),
    member: Optional[str] = typer.Option(None, "--member", help="help.contracts.sign.member",
                                         autocompletion=complete_ids("members")),
    when: str = typer.Option(..., "--date", metavar="DATE", help="help.contracts.sign.date"),
    paper: bool = typer.Option(False, "--paper", help="help.contracts.sign.paper"),
    name: Optional[str] = typer.Option(None, "--name", help="help.contracts.sign.name"),
    amendment: Optional[int] = typer.Option(None, "--amendment", min=1, metavar="N",
                                            help="help.contracts.sign.amendment"),
    dry_run: bool = typer.Option(False, "--dry-run", "-n", help="help.contracts.sign.dry-run"),
    data: Data = None, lang: Lang = None, no_cache: NoCache = False, quiet: Quiet = False,
) -> None:
    """Record a party's signature of the contract by hand (on paper, or a digital one signed
    elsewhere), or with --amendment N that amendment (lisa nr N) as signed."""
    first = language(lang)
    day = parse_date(when, first)
    if amendment is not None:
        if party is not None or member is not None or paper or name is not None:
            fail("usage.contract-sign-amendment-only", first)
        _sign_amendment(data, placement, amendment, day, dry_run, lang, no_cache)
        return
    if party is None:
        fail("usage.contract-sign-party", first)
    if member is not None and party != "host":
        fail("usage.contract-sign-member-only", first)

    def decide(ds, profile, p, used):
        from cluster_cli.edit.placement import appending
        from cluster_cli.i18n import t
        from cluster_cli.render.contract_status import party_text
        from cluster_cli.reports.contract_status import contract_state, sign_refusals

        names = _names(ds)
        state = contract_state(ds, profile, p, day)
        chosen_member = resolve_id("member", member, ds.members, used) if member is not None else None
        who, refusals = sign_refusals(state, party, chosen_member)
        if refusals:
            _refuse(refusals, used, names)
        method = "paper" if paper else "digital"
        record = {"party": who.party, "member": who.member if who.party == "host" else None, "date": day,
                  "method": method, "name": name or who.name}

        change = appending("signatures", record)

        def report(planned) -> None:
            if dry_run:
                _show_dry_run(planned, used)
                return
            note(t("ui.contract.signed", used, id=p.id, party=party_text(who, used, names), date=day,
                   file=planned.shown, line=planned.first_line), whole=(planned.shown,))
            rest = [s.party for s in state.parties if s.signature is None and s.party.key() != who.key()]
            if rest:
                note(t("ui.contract.still-missing", used, parties=[party_text(x, used, names) for x in rest]))
            elif p.status == "review":
                note(t("ui.contract.all-signed", used, id=p.id))

        return change, not dry_run, report

    _edit(data, placement, lang, no_cache, decide)


def _sign_amendment(data, placement: str, number: int, day, dry_run: bool, lang_flag, no_cache: bool) -> None:
    def decide(ds, profile, p, used):
        from cluster_cli.edit.placement import signing_amendment
        from cluster_cli.i18n import t
        from cluster_cli.reports.contract_status import amendment_sign_refusals, contract_state

        state = contract_state(ds, profile, p, day)
        refusals = amendment_sign_refusals(state, number)
        if refusals:
            _refuse(refusals, used, _names(ds))

        def report(planned) -> None:
            if dry_run:
                _show_dry_run(planned, used)
                return
            note(t("ui.contract.amendment-signed", used, id=p.id, number=number, date=day,
                   file=planned.shown, line=planned.first_line), whole=(planned.shown,))

        return signing_amendment(number, day), not dry_run, report

    _edit(data, placement, lang_flag, no_cache, decide)


def list_contracts(
    ctx: typer.Context, data: Data = None, as_of: AsOf = None,
    statuses: Optional[List[str]] = typer.Option(None, "--status", "-s", help="help.contracts.list.status",
                                                 metavar="[draft|review|valid|finished|cancelled],…"),
    format: Format = ReportFormat.table, output: Output = None, view: View = None,
    wide: Wide = False, columns: Columns = None, no_pager: NoPager = False,
    csv_dialect: CsvDialectOption = None, quiet: Quiet = False,
    lang: Lang = None, show_pii: ShowPii = False, verbose: Verbose = False, no_cache: NoCache = False,
) -> None:
    """Every contract by status with what it waits for."""
    from cluster_cli.cli.values import choice_code

    from cluster_cli.pipeline import Timings

    first = language(lang)
    day = parse_date(as_of, first)
    chosen = []
    for typed in split_list(statuses):
        code = choice_code("placement-status", typed)
        if code is None:
            placement_status(ctx, None, typed)  # exits 2 naming the statuses
        chosen.append(code)
    timings = Timings()

    def compute() -> Computed:
        from cluster_cli.render.contract_status import list_document, list_title, list_views
        from cluster_cli.reports.contract_status import contract_list

        loaded = load_or_exit(data, lang, timings, no_cache)
        used = language(lang, loaded.dataset.cluster.language if loaded.dataset.cluster else None)
        refuse_if_unusable(loaded, used)
        report = contract_list(loaded.dataset, loaded.profile, day, tuple(dict.fromkeys(chosen)))
        return Computed(list_views(report, used, _names(loaded.dataset)), list_document(report), used, day,
                        "contracts", list_title(report, used))

    run_report(ctx, compute, format, output, view, lang, show_pii, data, no_cache)
    if verbose:
        print_timings(timings, language(lang))
