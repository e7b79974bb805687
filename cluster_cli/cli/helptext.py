"""The CLI around the reports in the user's language: help, Click's headings and usage errors.

Typer builds the Click command tree each time the app runs (`typer.main.get_command`); the root
group's `main` decides the language from the raw arguments and the environment (`locate.py`),
then translates the tree it belongs to: every help text given as a catalogue key (`help.…`,
the gettext catalogue `cluster_cli/i18n/locale/`), the usage metavars, and — through a help formatter of
its own — "Usage:", the section headings, "[default: …]", "[required]" and the help option's
text. The tests' runner goes through the same `main`.

Click's usage errors, re-worded in the user's language, and Typer's completion notes are in
cli/usage.py, imported only when there is one to show. The root's commands are built when first
looked up (cli/lazy.py): `cluster --help` imports no command module.

Standard library and `typer` only at module level (start-up time).
"""

from __future__ import annotations

import re
import sys
from contextlib import contextmanager
from functools import lru_cache, partial
from typing import Any, Optional

import typer

from cluster_cli.i18n import N_
from typer.core import TyperGroup

from cluster_cli.cli.lazy import LazyCommands, Settings

# Options Typer adds itself (shell completion), named by their parameter, with their keys.
TYPER_OPTIONS = {"install_completion": N_("help.option.install-completion"),
                 "show_completion": N_("help.option.show-completion")}
_METAVARS = {"<str>": N_("help.metavar.text"), "<path>": N_("help.metavar.path"), "<int>": N_("help.metavar.number"),
             "<list[str]>": N_("help.metavar.texts")}
# An option's placeholder (`--as-of DATE`) and an argument's name in the usage line (`{student}`).
_OPTION_METAVARS = {"DATE": N_("help.metavar.date"), "FILE": N_("help.metavar.file"), "DIR": N_("help.metavar.dir"),
                    "RULE,…": N_("help.metavar.rules")}
_ARGUMENT_METAVARS = {"student": N_("help.metavar.student"), "member": N_("help.metavar.member"),
                      "placement": N_("help.metavar.placement"), "kind": N_("help.metavar.kind"),
                      "file": N_("help.metavar.file"), "ids": N_("help.metavar.ids")}
# Click's bounds of a number (`[x>=1]`), as a sentence says them.
_BOUNDS = (re.compile(r"x>=(\S+)"), N_("help.bound.min")), (re.compile(r"x<=(\S+)"), N_("help.bound.max"))


def t(key: str, lang: str, **args: Any) -> str:
    """The catalogue's `t`, imported when help is built (the gettext catalogue loads in a few ms)."""
    from cluster_cli.i18n import t as catalogue_t

    return catalogue_t(key, lang, **args)


def _text(value: Optional[str], lang: str) -> Optional[str]:
    """A help text given as a catalogue key, in `lang`; any other text as it is."""
    if value and value.startswith("help.") and " " not in value:
        return t(value, lang)
    return value


def translate(command, lang: str) -> None:
    """Translate the Click command tree `command` heads, in place, into `lang`."""
    command.help = _text(command.help, lang)
    command.short_help = _text(command.short_help, lang)
    command.options_metavar = t("help.usage.options", lang)
    if hasattr(command, "subcommand_metavar"):
        command.subcommand_metavar = t("help.usage.command", lang)
    command.context_class = _context_class(command.context_class, lang)
    for param in command.params:
        param.help = _text(TYPER_OPTIONS.get(param.name, param.help), lang)
        _translate_metavar(param, lang)
        if param.name in TYPER_OPTIONS and param.callback is not None:
            param.callback = partial(_completion_said, param.callback, lang)
    subcommands = getattr(command, "commands", {})
    if hasattr(subcommands, "loaded"):  # commands built later are translated as they are built
        subcommands.prepare = partial(translate, lang=lang)
        subcommands = subcommands.loaded()
    for sub in subcommands.values():
        translate(sub, lang)


def _translate_metavar(param, lang: str) -> None:
    """`--as-of DATE` → `--as-of KUUPÄEV`, `{student}` → `{õpilane}`, and a choice's codes
    (`[vocational_school|company|…]`) → its Estonian words (`[kutseõppeasutus|ettevõte|…]`:
    words and codes alike are accepted, cli/values.py)."""
    if param.metavar in _OPTION_METAVARS:
        param.metavar = t(_OPTION_METAVARS[param.metavar], lang)
    elif param.metavar is None and param.param_type_name == "argument" and param.name in _ARGUMENT_METAVARS:
        param.metavar = t(_ARGUMENT_METAVARS[param.name], lang)
    elif lang == "et" and param.metavar and param.metavar.startswith("["):  # English words are the codes
        from cluster_cli.cli.values import VOCABULARY, choice_words, choices_metavar

        for field in VOCABULARY:
            if param.metavar == choices_metavar(field):
                param.metavar = "[" + "|".join(choice_words(field, lang)) + "]"


def _completion_said(typer_callback, lang: str, ctx, param, value):
    if not value or ctx.resilient_parsing:  # (called on every run, the option given or not)
        return value
    from cluster_cli.cli.usage import completion_said  # only when the option is given

    return completion_said(typer_callback, lang, ctx, param, value)


@lru_cache(maxsize=None)
def _context_class(base, lang: str):
    formatter_base = base.formatter_class

    class Formatter(formatter_base):
        def write_usage(self, prog: str, args: str = "", prefix: Optional[str] = None) -> None:
            super().write_usage(prog, args, t("help.heading.usage", lang) + " " if prefix is None else prefix)

        def write_heading(self, heading: str) -> None:
            key = {"Options": N_("help.heading.options"), "Commands": N_("help.heading.commands"),
                   "Arguments": N_("help.heading.arguments")}.get(heading)
            super().write_heading(t(key, lang) if key else heading)

        def write_dl(self, rows, *args, **kwargs) -> None:
            super().write_dl([(_first_column(a, lang), _second_column(b, lang)) for a, b in rows], *args, **kwargs)

    class Context(base):
        formatter_class = Formatter

    return Context


def _first_column(text: str, lang: str) -> str:
    for english, key in _METAVARS.items():
        text = text.replace(english, "<" + t(key, lang) + ">")
    return text


def _second_column(text: str, lang: str) -> str:
    """The help of one option: the help option's sentence, and Typer's "[default: x; required]"."""
    if text == "Show this message and exit.":
        return t("help.option.help", lang)
    match = re.search(r"\[([^\[\]]*)\]$", text)
    if not match:
        return text
    parts = []
    for part in match.group(1).split("; "):
        if part == "required":
            part = t("help.required", lang)
        elif part.startswith("default: "):
            part = t("help.default", lang, value=part[len("default: "):])
        for pattern, key in _BOUNDS:
            bound = pattern.fullmatch(part)
            part = t(key, lang, value=bound.group(1)) if bound else part
        parts.append(part)
    return text[:match.start()] + "[" + "; ".join(parts) + "]"


@contextmanager
def _usage_errors_in(lang: str):
    try:
        yield
    except typer.TyperException as exc:
        if getattr(exc, "exit_code", None) == 2:  # a usage error, perhaps: cli/usage.py tells
            from cluster_cli.cli.usage import is_a, show

            if is_a(exc, "UsageError") and not is_a(exc, "NoArgsIsHelpError"):
                exc.show = partial(show, exc, lang)
        raise


def help_language(args: list[str]) -> str:
    """The language decided from the raw arguments and the environment, before Click parses
    anything (`--lang`, `$CLUSTER_LANG`, the data folder's cluster.yaml, the locale); a wrong
    `--lang` is left for the command to refuse."""
    from cluster_cli.cli.locate import chosen_language, option_value

    data = option_value(args, "--data", "-d")
    return chosen_language(option_value(args, "--lang"), None, data)[1]


# Options of every command that may also be written before it, after a group's name
# (`cluster grants --lang en rank`): they are moved to the command they belong to.
_LIFTED = ("--lang", "--data", "-d")


def lift_group_options(root, args: list[str]) -> list[str]:
    """`args` with `--lang`/`--data` written before the command (after `cluster` or a group's
    name) moved to just after the command's name. Without a command (`cluster grants --lang en
    --help`) they are dropped: they have chosen the help's language already (`help_language`)."""
    out: list[str] = []
    lifted: list[str] = []
    group, i = root, 0
    while i < len(args):
        arg = args[i]
        if arg.split("=", 1)[0] in _LIFTED:
            takes_next = "=" not in arg and i + 1 < len(args)
            lifted += args[i:i + 2] if takes_next else [arg]
            i += 2 if takes_next else 1
            continue
        if arg == "--" or arg.startswith("-"):  # a group's own flag (--help, --version) or the end
            if arg == "--":
                break
            out.append(arg)
            i += 1
            continue
        out.append(arg)
        i += 1
        sub = getattr(group, "commands", {}).get(arg)
        if sub is None:
            break  # not a command: Click says so, in the user's language
        if not hasattr(sub, "commands"):
            return out + lifted + args[i:]
        group = sub
    return out + args[i:]


class ClusterGroup(TyperGroup):
    """The root group: translates its tree for the user's language before it runs, and shows
    Click's usage errors in that language. Its commands are the `lazy` ones (cli/lazy.py),
    each built when it is first looked up, and those Typer built."""

    lang = "et"
    lazy: tuple = ()  # of cli.lazy.Lazy, set by the app's subclass
    settings = Settings()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.commands = LazyCommands(self.lazy, self.settings, self.commands)

    def list_commands(self, ctx) -> list[str]:
        return list(self.commands)  # the names only (Typer's walks the commands: builds them)

    def shell_complete(self, ctx, incomplete: str) -> list:
        """Completing a command's name (`cluster <Tab>`): the names and help texts from the
        registry, as `format_commands` — no command module imported; then the root's options."""
        from typer.core import CompletionItem  # (Typer's name for Click's class)

        items = [CompletionItem(name, help=cmd.get_short_help_str()) for name in self.list_commands(ctx)
                 if name.startswith(incomplete) and (cmd := self.commands.peek(name)) is not None
                 and not cmd.hidden]
        return items + super(TyperGroup, self).shell_complete(ctx, incomplete)

    def format_commands(self, ctx, formatter) -> None:
        """The command list, from the registered help keys: no command module is imported."""
        rows = [(name, cmd) for name in self.list_commands(ctx)
                if (cmd := self.commands.peek(name)) is not None and not cmd.hidden]
        if rows:
            limit = formatter.width - 6 - max(len(name) for name, _ in rows)
            with formatter.section("Commands"):  # the formatter says it in `lang`
                formatter.write_dl([(name, cmd.get_short_help_str(limit)) for name, cmd in rows])

    def main(self, args=None, *rest, **kwargs):
        from cluster_cli.cli.coercion import install

        install()  # option values coerced without pydantic where Typer's adapter adds nothing
        args = list(sys.argv[1:] if args is None else args)
        self.lang = help_language(args)
        translate(self, self.lang)
        args = lift_group_options(self, args)
        return super().main(args, *rest, **kwargs)

    def make_context(self, info_name, args, parent=None, **extra):
        with _usage_errors_in(self.lang):
            return super().make_context(info_name, args, parent=parent, **extra)

    def invoke(self, ctx):
        with _usage_errors_in(self.lang):
            try:
                return super().invoke(ctx)
            except Exception as exc:
                # A data file that changed under a command after loading (records are built on
                # first use, model/dataset.py): said like any unusable folder, never a traceback.
                layout = sys.modules.get("cluster_cli.load.layout")
                if layout is not None and isinstance(exc, layout.DataFolderError):
                    from cluster_cli.cli.common import fail, language

                    fail(exc.key, language(), path=exc.path)
                raise


def show_version(value: bool) -> None:
    """`--version`: `cluster <version>` (the installed distribution's, else the package's)."""
    if not value:
        return
    try:
        from importlib.metadata import version

        number = version("cluster-cli")
    except Exception:  # not installed (run from a source tree): the package says
        from cluster_cli import __version__ as number
    typer.echo(f"cluster {number}")
    raise typer.Exit(0)
