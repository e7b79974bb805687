"""The `cluster` command: one Typer app, each command group in its own module.

Module-level imports here are `typer` and the standard library only (start-up time is
measured in bench/bench_startup.py and guarded by tests/test_startup.py).
"""

from __future__ import annotations

import typer

from cluster_cli.cli import contracts, debts, grants, info, validate
from cluster_cli.cli import allowances
from cluster_cli.cli import calendar, match, members, tasks

app = typer.Typer(
    name="cluster",
    help="Data checks, debt and grant reports and placement contracts for an IT vocational-education cluster.",
    no_args_is_help=True,
    add_completion=True,  # --install-completion, --show-completion: bash, zsh, fish (README)
    pretty_exceptions_show_locals=False,  # locals hold personal data
    rich_markup_mode=None,  # plain help: rendering help through rich costs ~100 ms at start-up
)
app.command("validate")(validate.validate)
app.command("debts")(debts.debts)
app.add_typer(grants.app, name="grants")
app.command("rules")(info.rules)
app.command("profile")(info.profile)
app.add_typer(info.cache_app, name="cache")
app.add_typer(contracts.app, name="contracts")
app.add_typer(allowances.app, name="allowances")
app.add_typer(members.app, name="members")
app.command("tasks")(tasks.tasks)
app.command("match")(match.match)
app.command("calendar")(calendar.calendar)


def main() -> None:
    app()
