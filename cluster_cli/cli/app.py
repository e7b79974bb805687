"""The `cluster` command: one Typer app, each command group in its own module.

Module-level imports here are `typer` and the standard library only (start-up time is
measured in bench/bench_startup.py and guarded by tests/test_startup.py).
"""

from __future__ import annotations

import typer

from cluster_cli.cli import contract_amend, contracts, debts, grants, info, validate
from cluster_cli.cli import allowances, grants_pack
from cluster_cli.cli import calendar, export, init, intake, match, members, payments, tasks
from cluster_cli.cli import contract_signing
from cluster_cli.cli import contract_status
from cluster_cli.cli.helptext import ClusterGroup, show_version

app = typer.Typer(
    name="cluster",
    help="help.app",
    cls=ClusterGroup,  # the help, the headings and Click's usage errors in the user's language
    no_args_is_help=True,
    add_completion=True,  # --install-completion, --show-completion: bash, zsh, fish (README)
    pretty_exceptions_show_locals=False,  # locals hold personal data
    rich_markup_mode=None,  # plain help: rendering help through rich costs ~100 ms at start-up
)
app.command("init", help="help.init")(init.init)
app.command("validate", help="help.validate")(validate.validate)
app.command("debts", help="help.debts")(debts.debts)
grants.app.command("pack", help="help.grants.pack")(grants_pack.pack)
app.add_typer(grants.app, name="grants")
app.command("rules", help="help.rules")(info.rules)
app.command("profile", help="help.profile")(info.profile)
app.add_typer(info.cache_app, name="cache")
contracts.app.command("signatures", help="help.contracts.signatures")(contract_signing.signatures)
contracts.app.command("amend", help="help.contracts.amend")(contract_amend.amend)
app.add_typer(contracts.app, name="contracts")
contracts.app.command("status", help="help.contracts.status")(contract_status.status)
contracts.app.command("sign", help="help.contracts.sign")(contract_status.sign)
contracts.app.command("list", help="help.contracts.list")(contract_status.list_contracts)
app.add_typer(allowances.app, name="allowances")
app.command("payments", help="help.payments")(payments.payments)
app.add_typer(members.app, name="members")
app.command("tasks", help="help.tasks")(tasks.tasks)
app.command("match", help="help.match")(match.match)
app.command("calendar", help="help.calendar")(calendar.calendar)
app.command("export", help="help.export")(export.export)
app.command("import", help="help.import")(intake.import_sheet)


@app.callback()
def cluster(
    version: bool = typer.Option(False, "--version", is_eager=True, callback=show_version, help="help.option.version"),
) -> None:
    """The root: `--version` only; each command has its own options."""


def main() -> None:
    app()


def command(lang: str):
    """The Click command tree of `cluster`, translated into `lang` (what `main` runs)."""
    import typer.main

    from cluster_cli.cli.helptext import translate

    tree = typer.main.get_command(app)
    translate(tree, lang)
    return tree
