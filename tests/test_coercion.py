"""Option values coerced without pydantic (cli/coercion.py) give what Typer's own coercion gives:
the same value, or the same error text, for every option of every command."""

from __future__ import annotations

import subprocess
import sys

from typer._click.core import Context
from typer._click.exceptions import BadParameter
from typer._coercion import build_runtime_param

from cluster_cli.cli.app import command
from cluster_cli.cli.coercion import install, light_coercion

SAMPLES = ("text", "", "data", "TA-25-01", "json", "JSON", "xlsx", "nope", "1", "true", "ü ö", "a,b")


install()
TREE = command("et")


def _params():
    seen, tree = {}, TREE

    def walk(cmd, path):
        for param in cmd.params:
            if getattr(param, "type_descriptor", None) is not None:
                seen[f"{path} {param.name}"] = param
        for name in getattr(cmd, "commands", None) or ():
            walk(cmd.commands[name], f"{path} {name}")

    walk(tree, "cluster")
    return seen


PARAMS = _params()


def _outcome(coerce, value, param, ctx):
    try:
        return "value", coerce(value, param, ctx)
    except BadParameter as exc:
        return "error", exc.message


def test_light_coercion_gives_typers_values_and_errors():
    ctx, compared = Context(TREE), 0
    for name, param in sorted(PARAMS.items()):
        light = light_coercion(param.type_descriptor)
        if light is None:  # a number, date, file or parser: Typer's own coercion
            continue
        typers = build_runtime_param(param.type_descriptor)
        values = [(s,) if param.multiple or param.nargs == -1 else s for s in SAMPLES]
        if param.type_descriptor.annotation is bool:
            values = [True, False, "yes", "no", "maybe"]
        for value in values:
            expected = _outcome(lambda v, p, c: typers._coerce_value(v, param=p, ctx=c), value, param, ctx)
            assert _outcome(light, value, param, ctx) == expected, (name, value)
            compared += 1
    assert compared > 1000


def test_the_plain_options_cover_most_of_the_cli():
    light = [name for name, p in PARAMS.items() if light_coercion(p.type_descriptor) is not None]
    assert len(light) > 0.8 * len(PARAMS)


def test_validate_answered_from_the_cache_imports_neither_pydantic_nor_yaml(tmp_path):
    """Issue 20: a re-run answered from the cache needs no models, no parser and no adapters."""
    env = {"CLUSTER_CACHE_DIR": str(tmp_path / "cache"), "PATH": "/usr/bin:/bin"}
    run = [sys.executable, "-c",
           "import sys, cluster_cli.cli.app as a\n"
           "sys.argv = ['cluster', 'validate', '--data', 'data', '--as-of', '2026-11-23']\n"
           "try:\n    a.main()\nexcept SystemExit:\n    pass\n"
           "print(sorted(m for m in ('pydantic', 'yaml', 'cluster_cli.model.records') if m in sys.modules),"
           " file=sys.stderr)"]
    first = subprocess.run(run, capture_output=True, text=True, env=env)
    assert "pydantic" in first.stderr.splitlines()[-1]  # the first run loads the folder
    again = subprocess.run(run, capture_output=True, text=True, env=env)
    assert again.stderr.splitlines()[-1] == "[]", again.stderr[-500:]
    assert again.stdout == first.stdout
