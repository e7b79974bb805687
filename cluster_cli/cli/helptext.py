"""The CLI around the reports in the user's language: help, Click's headings and usage errors.

Typer builds the Click command tree each time the app runs (`typer.main.get_command`); the root
group's `main` decides the language from the raw arguments and the environment (`locate.py`),
then translates the tree it belongs to: every help text given as a catalogue key (`help.…`,
the gettext catalogue `cluster_cli/i18n/locale/`), the usage metavars, and — through a help formatter of
its own — "Usage:", the section headings, "[default: …]", "[required]" and the help option's
text. The tests' runner goes through the same `main`.

Click's usage errors carry their parts (the option, the parameter, the possibilities); one that
escapes parsing is re-worded from them in the user's language (`reword`); the exit code stays 2.
Typer vendors Click without gettext, so installing a translation for Click's domain would not
reach those texts.

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

# Options Typer adds itself (shell completion), named by their parameter, with their keys.
TYPER_OPTIONS = {"install_completion": N_("help.option.install-completion"),
                 "show_completion": N_("help.option.show-completion")}
_METAVARS = {"<str>": N_("help.metavar.text"), "<path>": N_("help.metavar.path"), "<int>": N_("help.metavar.number")}
# An option's placeholder (`--as-of DATE`) and an argument's name in the usage line (`{student}`).
_OPTION_METAVARS = {"DATE": N_("help.metavar.date"), "FILE": N_("help.metavar.file"), "DIR": N_("help.metavar.dir")}
_ARGUMENT_METAVARS = {"student": N_("help.metavar.student"), "member": N_("help.metavar.member")}


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
    for sub in getattr(command, "commands", {}).values():
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
    """Typer's `--install-completion` / `--show-completion`, its English notes said in `lang`:
    "bash completion installed in PATH", "Completion will take effect once you restart the
    terminal", "Shell X is not supported." (the script itself is printed as it is)."""
    if not value or ctx.resilient_parsing:
        return value
    import io
    from contextlib import redirect_stderr, redirect_stdout

    out, err, code = io.StringIO(), io.StringIO(), 0
    try:
        with redirect_stdout(out), redirect_stderr(err):
            typer_callback(ctx, param, value)
    except SystemExit as exc:
        code = exc.code if isinstance(exc.code, int) else 0
    except typer.Exit as exc:
        code = exc.exit_code
    said = out.getvalue() + err.getvalue()
    installed = re.match(r"(\S+) completion installed in (.+)\n", said)
    unsupported = re.search(r"Shell (\S*) (?:is )?not supported\.", said)
    if installed:
        typer.echo(t("completion.installed", lang, shell=installed.group(1), path=installed.group(2)))
        typer.echo(t("completion.restart", lang))
    elif unsupported:
        typer.echo(t("completion.unsupported", lang, shell=unsupported.group(1) or "?"), err=True)
        code = code or 1
    else:
        sys.stdout.write(out.getvalue())
        sys.stderr.write(err.getvalue())
    raise typer.Exit(code)


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
        parts.append(part)
    return text[:match.start()] + "[" + "; ".join(parts) + "]"


def _is(exc: BaseException, name: str) -> bool:
    # Typer vendors Click in a private module: the classes are told by name, not imported.
    return any(cls.__name__ == name for cls in type(exc).__mro__)


def reword(exc, lang: str) -> str:
    """A Click usage error's message in `lang`, made from its parts."""
    message = str(getattr(exc, "message", "") or "")
    if _is(exc, "NoSuchOption"):
        text = t("usage-error.no-such-option", lang, option=exc.option_name)
        if exc.possibilities:
            text += " " + t("usage-error.did-you-mean", lang, names=", ".join(sorted(exc.possibilities)))
        return text
    if _is(exc, "MissingParameter"):
        param = exc.param
        hint = _param_hint(exc)
        kind = exc.param_type or (param.param_type_name if param is not None else "parameter")
        key = N_("usage-error.missing-argument") if kind == "argument" else N_("usage-error.missing-option")
        text = t(key, lang, name=hint)
        choices = _choices(param)
        if choices:
            text += " " + t("usage-error.choose-from", lang, choices=choices)
        return text
    if _is(exc, "BadParameter"):
        reason = _number_reason(exc.__cause__, lang) or _reason(message, lang)
        return t("usage-error.invalid-value", lang, name=_param_hint(exc), reason=reason)
    if _is(exc, "BadOptionUsage"):
        match = re.fullmatch(r"Option (.+) requires (an argument|\d+ arguments)\.", message)
        if match:
            return t("usage-error.needs-value", lang, option=match.group(1))
        match = re.fullmatch(r"Option (.+) does not take a value\.", message)
        if match:
            return t("usage-error.takes-no-value", lang, option=match.group(1))
        return message
    match = re.fullmatch(r"Got unexpected extra argument(?:s|\(s\))? \((.*)\)", message, re.S)
    if match:
        from cluster_cli.i18n import tn

        return tn("usage-error.extra-arguments", len(match.group(1).split()), lang, args=match.group(1))
    match = re.fullmatch(r"No such command (.+?)\.(?: Did you mean (.+)\?)?", message, re.S)
    if match:
        text = t("usage-error.no-such-command", lang, name=match.group(1))
        if match.group(2):
            text += " " + t("usage-error.did-you-mean", lang, names=match.group(2))
        return text
    if message == "Missing command.":
        return t("usage-error.missing-command", lang)
    return message


def _param_hint(exc) -> str:
    hint = exc.param_hint
    if hint is None and exc.param is not None:
        hint = exc.param.get_error_hint()
    if hint is not None and not isinstance(hint, str):
        hint = " / ".join(repr(x) for x in hint)
    return hint or ""


def _choices(param) -> str:
    desc = getattr(param, "type_descriptor", None)
    if desc is None or not desc.is_choice or not desc.choices:
        return ""
    return ", ".join(str(getattr(c, "value", c)) for c in desc.choices)


def _reason(message: str, lang: str) -> str:
    message = message.removeprefix("Value error, ")
    match = re.fullmatch(r"(.*) is not one of (.*)\.", message, re.S)
    if match:
        choices = ", ".join(c.strip("'\"") for c in match.group(2).split(", "))
        return t("usage-error.not-one-of", lang, value=match.group(1), choices=choices)
    match = re.fullmatch(r"Value (.*) is not a valid (\w+)\.", message, re.S)
    if match:
        return t("usage-error.not-valid", lang, value=match.group(1))
    return message


def _number_reason(cause, lang: str) -> str:
    """Typer checks numbers with pydantic: its error's type and limit, said in `lang`."""
    try:
        error = cause.errors()[0]
    except Exception:  # not a pydantic error: the message is used
        return ""
    kind, ctx = error.get("type", ""), error.get("ctx") or {}
    if kind in ("int_parsing", "int_type", "int_from_float"):
        return t("usage-error.not-an-integer", lang, value=repr(error.get("input")))
    if kind == "greater_than_equal":
        return t("usage-error.at-least", lang, limit=ctx.get("ge"))
    if kind == "less_than_equal":
        return t("usage-error.at-most", lang, limit=ctx.get("le"))
    return ""


def _show(exc, lang: str, file=None) -> None:  # noqa: D401 — Click calls show(file)
    """Click's layout of a usage error (usage line, how to get help, the error), in `lang`."""
    out = file if file is not None else sys.stderr
    ctx = exc.ctx
    if ctx is not None:
        text = ctx.get_usage() + "\n"
        if ctx.command.get_help_option(ctx) is not None:
            text += t("usage-error.try-help", lang, command=f"{ctx.command_path} {ctx.help_option_names[0]}") + "\n"
        typer.echo(text, file=out, color=ctx.color)
    typer.echo(t("usage-error.prefix", lang, message=reword(exc, lang)), file=out, color=exc.show_color)


@contextmanager
def _usage_errors_in(lang: str):
    try:
        yield
    except typer.TyperException as exc:
        if getattr(exc, "exit_code", None) == 2 and _is(exc, "UsageError") and not _is(exc, "NoArgsIsHelpError"):
            exc.show = partial(_show, exc, lang)
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
    Click's usage errors in that language."""

    lang = "et"

    def main(self, args=None, *rest, **kwargs):
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
            return super().invoke(ctx)


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
