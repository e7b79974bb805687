"""`cluster payments`: the month's allowances as a SEPA credit-transfer file (pain.001) for the bank."""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import List, Optional

import typer

from cluster_cli.cli.common import (
    EXIT_FINDINGS, AsOf, Data, Lang, NoCache, Quiet, ShowPii, Verbose,
    fail, language, load_or_exit, note, output_path, parse_date, parse_month, print_timings, refuse_if_unusable,
    resolve_data_dir, say, stderr_console,
)
from cluster_cli.cli.values import choices_metavar, complete_choice, complete_ids, payment_kinds, resolve_id
from cluster_cli.vocabulary import PAYMENT_KINDS

class Pain(str, Enum):
    v09 = "09"
    v03 = "03"


def payments(
    month: str = typer.Option(..., "--month", "-m", help="help.payments.month"),
    xml_file: Optional[Path] = typer.Option(None, "--output", "-o", parser=output_path, metavar="FILE",
                                            help="help.payments.output"),
    only: Optional[List[str]] = typer.Option(None, "--only", metavar=choices_metavar("payment-kind"),
                                              help="help.payments.only", callback=payment_kinds,
                                              autocompletion=complete_choice("payment-kind")),
    pain: Pain = typer.Option(Pain.v09, "--pain", help="help.payments.pain"),
    school: Optional[str] = typer.Option(None, "--school", metavar="ID", help="help.payments.school",
                                         autocompletion=complete_ids("members")),
    as_of: AsOf = None,
    dry_run: bool = typer.Option(False, "--dry-run", help="help.payments.dry-run"),
    data: Data = None,
    lang: Lang = None, show_pii: ShowPii = False, quiet: Quiet = False, verbose: Verbose = False,
    no_cache: NoCache = False,
) -> None:
    """The month's basic allowance (Lisa 11), special allowance (Lisa 12) and travel compensation
    (Lisa 13, 14) as one ISO 20022 pain.001 credit-transfer file, validated against the XSD.

    Example: cluster payments --month 2026-11 --as-of 2026-11-23 --dry-run
    """
    from datetime import datetime, time

    from cluster_cli.pipeline import Timings

    asked = language(lang)
    month = parse_month(month, asked)
    day = parse_date(as_of, asked)  # the clock is read here, at the CLI
    created = datetime.combine(day, time(0)) if as_of is not None else datetime.now().replace(microsecond=0)
    if xml_file is None and not dry_run:
        fail("payments.output-missing", asked)
    if xml_file is not None and str(xml_file) not in ("", "-"):
        _check_output(xml_file, data, asked)
    elif xml_file == "":
        fail("files.output-empty", asked)
    timings = Timings()
    loaded = load_or_exit(data, lang, timings, no_cache)
    lang = language(lang, loaded.dataset.cluster.language if loaded.dataset.cluster else None)
    refuse_if_unusable(loaded, lang)

    from cluster_cli.reports.payments import payment_run

    kinds = tuple(dict.fromkeys(only)) if only else PAYMENT_KINDS
    if school is not None:
        school = resolve_id("member", school, loaded.dataset.members, lang)
    with timings.stage("report"):
        run = payment_run(loaded.dataset, loaded.profile, month, kinds, day, school)
    _refuse_if_unpayable(run, loaded.dataset, lang, show_pii)
    from cluster_cli.i18n import Month, t
    from cluster_cli.render import sepa

    if not run.transfers:
        note(t("payments.nothing", lang, month=Month(month)))
        return
    try:
        bank = sepa.bank_file(run, pain.value, created)
    except sepa.SepaError as exc:
        fail(exc.key, lang, EXIT_FINDINGS, **exc.args_)
    if not dry_run:  # written (or refused) first: the summary then speaks of a file that is there
        from cluster_cli.cli.output import deliver
        from cluster_cli.i18n import NP_

        deliver(bank.xml, xml_file, lang, private=True, rows=bank.count, wrote=NP_("payments.wrote"))
    to_stderr = xml_file is not None and str(xml_file) == "-"  # stdout carries the file itself
    from cluster_cli.cli.common import stdout_console

    screen = stderr_console() if to_stderr else stdout_console()
    for line in sepa.summary_lines(run, bank, lang, show_pii):  # wrapped at the terminal's width
        lead = line[:len(line) - len(line.lstrip())]
        say(lead, line.lstrip(), console=screen, indent=len(lead) + 4)
    if dry_run:
        note(t("payments.dry-run", lang))
    if verbose:
        print_timings(timings, lang)


def _check_output(path: Path, data: Optional[Path], lang: str) -> None:
    """The bank file's path, checked before anything is computed (it is checked again when written)."""
    from cluster_cli.files import OutputPathError, check_output

    if path.suffix and path.suffix.lower() != ".xml":  # a file's format matches its name
        fail("payments.output-suffix", lang, path=path, suffix=path.suffix.lower())
    try:
        check_output(path, resolve_data_dir(data))
    except OutputPathError as exc:
        fail(exc.key, lang, path=exc.path)


def _refuse_if_unpayable(run, ds, lang: str, show_pii: bool) -> None:
    """No payer account (exit 2), an invalid payer IBAN (exit 2), or any payee without a valid
    IBAN (exit 1, every one named): the whole file is refused, nothing partial is written."""
    from cluster_cli.i18n import NP_, hint_for, t
    from cluster_cli.render.sepa import problem_lines

    from cluster_cli.reports.payments import payer_account, school_accounts

    cluster_file = ds.cluster.origin.file if ds.cluster is not None else "cluster.yaml"
    if run.account is None:
        own = school_accounts(ds)
        if run.school is None and len(own) > 1:
            fail("payments.choose-school", lang, schools=", ".join(sorted(own)))
        fail("payments.account-missing", lang, file=cluster_file)
    holder = payer_account(ds, run.school)[2]
    where = holder.origin.file
    if run.account.school is not None and run.account.school not in ds.members:
        line = holder.origin.line_of(("payments", "school"))
        fail("payments.account-school", lang, where=f"{where}:{line}" if line else where,
             school=run.account.school)
    if run.account_problem is not None:
        line = holder.origin.line_of(("payments", "iban"))
        from cluster_cli.findings import Pii, mask

        fail("payments.account-iban", lang, where=f"{where}:{line}" if line else where,
             iban=run.account.iban if show_pii else mask(Pii(run.account.iban)))
    if run.problems:
        for key, args in problem_lines(run, lang, show_pii):
            say("cluster: ", t(key, lang, **args), "bold red", whole=(args["where"],))
            hint = hint_for(key, lang, args)
            if hint:
                say(f"   {t('ui.fix', lang)}: ", hint, "green")
        fail(NP_("payments.refused"), lang, EXIT_FINDINGS, count=len(run.problems))
