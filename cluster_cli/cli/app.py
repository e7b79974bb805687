"""The `cluster` command: one Typer app, each command group in its own module.

Module-level imports here are `typer` and the standard library only (start-up time is
measured in bench/bench_startup.py and guarded by tests/test_startup.py).
"""

from __future__ import annotations

import typer

from cluster_cli.cli.helptext import ClusterGroup, show_version
from cluster_cli.cli import lazy

# Every command, one line each: its name, where it lives, its help key. A command's module is
# imported only when the command runs or shows its help (cli/lazy.py); the order is the help's.
COMMANDS = (
    lazy.command("init", "cluster_cli.cli.init:init", help="help.init"),
    lazy.command("validate", "cluster_cli.cli.validate:validate", help="help.validate"),
    lazy.command("debts", "cluster_cli.cli.debts:debts", help="help.debts"),
    lazy.command("rules", "cluster_cli.cli.info:rules", help="help.rules"),
    lazy.command("profile", "cluster_cli.cli.info:profile", help="help.profile"),
    lazy.command("tasks", "cluster_cli.cli.tasks:tasks", help="help.tasks"),
    lazy.command("courses", "cluster_cli.cli.courses:courses", help="help.courses"),
    lazy.command("match", "cluster_cli.cli.match:match", help="help.match"),
    lazy.command("calendar", "cluster_cli.cli.calendar:calendar", help="help.calendar"),
    lazy.command("overview", "cluster_cli.cli.overview:overview", help="help.overview"),
    lazy.command("export", "cluster_cli.cli.export:export", help="help.export"),
    lazy.command("import", "cluster_cli.cli.intake:import_sheet", help="help.import"),
    lazy.command("payments", "cluster_cli.cli.payments:payments", help="help.payments"),
    lazy.group("grants", "cluster_cli.cli.grants:app", help="help.grants"),
    lazy.group("cache", "cluster_cli.cli.info:cache_app", help="help.cache"),
    lazy.group("contracts", "cluster_cli.cli.contracts:app", help="help.contracts"),
    lazy.group("allowances", "cluster_cli.cli.allowances:app", help="help.allowances"),
    lazy.group("members", "cluster_cli.cli.members:app", help="help.members"),
)


class Cluster(ClusterGroup):
    lazy = COMMANDS


app = typer.Typer(
    name="cluster",
    help="help.app",
    cls=Cluster,  # the help, the headings and Click's usage errors in the user's language
    no_args_is_help=True,
    add_completion=True,  # --install-completion, --show-completion: bash, zsh, fish (README)
    pretty_exceptions_show_locals=False,  # locals hold personal data
    rich_markup_mode=None,  # plain help: rendering help through rich costs ~100 ms at start-up
)
Cluster.settings = lazy.Settings(app.pretty_exceptions_short, app.rich_markup_mode, app.suggest_commands)


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
