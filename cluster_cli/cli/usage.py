"""Click's usage errors and Typer's completion notes in the user's language (cli/helptext.py
imports this only when there is one to show).

Click's usage errors carry their parts (the option, the parameter, the possibilities); one that
escapes parsing is re-worded from them in the user's language (`reword`); the exit code stays 2.
Typer vendors Click without gettext, so installing a translation for Click's domain would not
reach those texts.
"""

from __future__ import annotations

import re
import sys

import typer

from cluster_cli.cli.helptext import t
from cluster_cli.i18n import N_


def completion_said(typer_callback, lang: str, ctx, param, value):
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


def is_a(exc: BaseException, name: str) -> bool:
    """Whether `exc` is of the Click class `name`."""
    # Typer vendors Click in a private module: the classes are told by name, not imported.
    return any(cls.__name__ == name for cls in type(exc).__mro__)


def reword(exc, lang: str) -> str:
    """A Click usage error's message in `lang`, made from its parts."""
    message = str(getattr(exc, "message", "") or "")
    if is_a(exc, "NoSuchOption"):
        text = t("usage-error.no-such-option", lang, option=exc.option_name)
        if exc.possibilities:
            text += " " + t("usage-error.did-you-mean", lang, names=", ".join(sorted(exc.possibilities)))
        return text
    if is_a(exc, "MissingParameter"):
        param = exc.param
        hint = _param_hint(exc)
        kind = exc.param_type or (param.param_type_name if param is not None else "parameter")
        key = N_("usage-error.missing-argument") if kind == "argument" else N_("usage-error.missing-option")
        text = t(key, lang, name=hint)
        choices = _choices(param)
        if choices:
            text += " " + t("usage-error.choose-from", lang, choices=choices)
        return text
    if is_a(exc, "BadParameter"):
        reason = _number_reason(exc.__cause__, lang) or _reason(message, lang)
        return t("usage-error.invalid-value", lang, name=_param_hint(exc), reason=reason)
    if is_a(exc, "BadOptionUsage"):
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


def show(exc, lang: str, file=None) -> None:  # noqa: D401 — Click calls show(file)
    """Click's layout of a usage error (usage line, how to get help, the error), in `lang`."""
    out = file if file is not None else sys.stderr
    ctx = exc.ctx
    if ctx is not None:
        text = ctx.get_usage() + "\n"
        if ctx.command.get_help_option(ctx) is not None:
            text += t("usage-error.try-help", lang, command=f"{ctx.command_path} {ctx.help_option_names[0]}") + "\n"
        typer.echo(text, file=out, color=ctx.color)
    typer.echo(t("usage-error.prefix", lang, message=reword(exc, lang)), file=out, color=exc.show_color)
