"""Commands registered by name: a command's module is imported only when it is used.

Building every command (Typer reads each function's signature and type hints) and importing
every command module cost most of `cluster --help`'s start-up. The root group therefore knows
each command by its name, the `module:attribute` it lives in and its help key, and builds a
command the first time it is looked up — to run it, to show its own help, or to complete its
options. The root's command list shows the help keys' texts without importing anything.

Register a command in cli/app.py with one line (the order of the lines is the help's order):

    command("debts", "cluster_cli.cli.debts:debts", help="help.debts")   # a function
    group("grants", "cluster_cli.cli.grants:app", help="help.grants")    # a Typer sub-app

`help` is the same catalogue key the command (or the sub-app's `typer.Typer(help=…)`) has;
tests/test_help.py checks that the two agree.

Standard library and `typer` only at module level (start-up time).
"""

from __future__ import annotations

import importlib
import inspect
from collections.abc import Callable, Iterator, MutableMapping
from typing import Any, Optional


class Lazy:
    """One command known by name: where it lives and its help key."""

    __slots__ = ("name", "target", "help", "is_group")

    def __init__(self, name: str, target: str, help: str, is_group: bool = False):
        self.name = name
        self.target = target  # "package.module:attribute"
        self.help = help  # a catalogue key, `help.…`
        self.is_group = is_group

    def __repr__(self) -> str:
        return f"Lazy({self.name!r}, {self.target!r}, {self.help!r}, is_group={self.is_group})"

    def load(self) -> Any:
        module, _, attribute = self.target.partition(":")
        return getattr(importlib.import_module(module), attribute)


def command(name: str, target: str, *, help: str) -> Lazy:
    """A command made from the function `target` ("module:function")."""
    return Lazy(name, target, help)


def group(name: str, target: str, *, help: str) -> Lazy:
    """A command group made from the Typer app `target` ("module:app")."""
    return Lazy(name, target, help, is_group=True)


class Settings:
    """The root app's settings every command is built with (as Typer builds a whole tree)."""

    __slots__ = ("pretty_exceptions_short", "rich_markup_mode", "suggest_commands")

    def __init__(self, pretty_exceptions_short: bool = True, rich_markup_mode: Optional[str] = None,
                 suggest_commands: bool = True):
        self.pretty_exceptions_short = pretty_exceptions_short
        self.rich_markup_mode = rich_markup_mode
        self.suggest_commands = suggest_commands


def build(entry: Lazy, settings: Settings):
    """The Click command of `entry`, built as Typer builds it inside the whole tree."""
    import typer.main
    from typer.models import CommandInfo, TyperInfo

    target = entry.load()
    if entry.is_group:
        return typer.main.get_group_from_info(
            TyperInfo(target, name=entry.name), pretty_exceptions_short=settings.pretty_exceptions_short,
            rich_markup_mode=settings.rich_markup_mode, suggest_commands=settings.suggest_commands)
    return typer.main.get_command_from_info(
        CommandInfo(name=entry.name, callback=target, help=entry.help),
        pretty_exceptions_short=settings.pretty_exceptions_short, rich_markup_mode=settings.rich_markup_mode)


class LazyCommands(MutableMapping):
    """A group's `commands`: name → Click command, each built the first time it is looked up.

    Iterating gives the names (in registration order) without building anything; `peek(name)`
    gives a command to list — the built one, or a stand-in with the help text only. `prepare`,
    when set, is applied to each command as it is built (the root's translation)."""

    def __init__(self, entries: tuple[Lazy, ...], settings: Settings, built: Optional[dict] = None):
        self.entries = {entry.name: entry for entry in entries}
        self.settings = settings
        self.built: dict[str, Any] = dict(built or {})
        self.prepare: Optional[Callable[[Any], None]] = None

    def __getitem__(self, name: str):
        if name not in self.built:
            entry = self.entries[name]  # KeyError: no such command
            self.built[name] = self._prepared(build(entry, self.settings))
        return self.built[name]

    def get(self, name: str, default=None):
        # (not Mapping's: a KeyError raised while building a command must not read as "no such command")
        return self[name] if name in self else default

    def __setitem__(self, name: str, command) -> None:
        self.built[name] = command

    def __delitem__(self, name: str) -> None:
        self.built.pop(name, None)
        self.entries.pop(name, None)

    def __iter__(self) -> Iterator[str]:
        yield from self.entries
        yield from (name for name in self.built if name not in self.entries)

    def __len__(self) -> int:
        return len(self.entries.keys() | self.built.keys())

    def __contains__(self, name: object) -> bool:
        return name in self.entries or name in self.built

    def loaded(self) -> dict[str, Any]:
        """The commands built so far."""
        return dict(self.built)

    def peek(self, name: str):
        """The command `name` to list in help or completion: built, or a stand-in with its help."""
        if name in self.built or name not in self.entries:
            return self.built.get(name)
        from typer.core import TyperCommand

        return self._prepared(TyperCommand(name=name, help=inspect.cleandoc(self.entries[name].help)))

    def _prepared(self, command):
        if self.prepare is not None:
            self.prepare(command)
        return command
