"""Values at the edge of what the tool can compute with (issue 12): extreme dates on the command
line and in the data, and control characters in the data.

The usable range is the years 1900–2199 (`cluster_cli.limits`)."""

from __future__ import annotations

import json

import pytest
import typer.main
from typer.testing import CliRunner

from cluster_cli.cli.app import app
from tests.conftest import AS_OF, base_data, findings_of, write_data

# --- every command, every date-like option, every extreme value -----------------------------

OUTSIDE = {
    "--as-of": ["9999-12-31", "0001-01-01"], "--from": ["9999-12-31", "0001-01-01"],
    "--to": ["9999-12-31", "0001-01-01"], "--round": ["9999-autumn", "0000-spring"],
    "--year": ["0000/0001", "9998/9999", "2199/2200"], "--month": ["9999-12", "0000-01"],
}
EDGES = {
    "--as-of": ["1900-01-01", "2199-12-31"], "--from": ["1900-01-01", "2199-12-31"],
    "--to": ["1900-01-01", "2199-12-31"], "--round": ["1900-spring", "2199-autumn"],
    "--year": ["1900/1901", "2198/2199"], "--month": ["1900-01", "2199-12"],
}
# What a command needs besides the option under test.
ARGUMENTS = {"grants explain": ["S1"], "members show": ["koodikoda"], "contracts render": ["--all", "--dry-run"]}
REQUIRED = {"--round": "2026-autumn", "--year": "2026/2027", "--month": "2026-11"}


def _commands(command=None, path=()):
    """Every leaf command of the app, as (words, click command)."""
    command = command or typer.main.get_command(app)
    subcommands = getattr(command, "commands", None)
    if not subcommands:
        yield " ".join(path), command
        return
    for name, sub in sorted(subcommands.items()):
        yield from _commands(sub, (*path, name))


def _cases():
    for name, command in _commands():
        options = [o for p in command.params for o in getattr(p, "opts", ()) if o in OUTSIDE]
        for option in options:
            for value in OUTSIDE[option]:
                yield pytest.param(name, options, option, value, True, id=f"{name}{option}={value}")
            for value in EDGES[option]:
                yield pytest.param(name, options, option, value, False, id=f"{name}{option}={value}")


CASES = list(_cases())


def test_the_matrix_covers_every_date_like_option():
    covered = {(c.values[0], c.values[2]) for c in CASES}
    assert {("validate", "--as-of"), ("match", "--to"), ("grants fund", "--year"), ("grants explain", "--round"),
            ("allowances lunch", "--month"), ("grants report", "--month"), ("contracts render", "--as-of")} <= covered


@pytest.mark.parametrize("name, options, option, value, outside", CASES)
def test_extreme_option_value_is_a_usage_error_or_an_answer_never_a_traceback(tmp_path, name, options, option,
                                                                                value, outside):
    root = write_data(tmp_path / "data", base_data())
    args = [*name.split(), *ARGUMENTS.get(name, []), option, value, "--data", str(root)]
    for other in options:
        if other != option and other in REQUIRED:
            args += [other, REQUIRED[other]]
    if name == "contracts render":
        args += ["--out", str(tmp_path / "out")]
    result = CliRunner().invoke(app, args, catch_exceptions=True)
    assert result.exception is None or isinstance(result.exception, SystemExit), (args, result.exception)
    assert result.exit_code in (0, 1, 2), (args, result.output)
    if outside:
        assert result.exit_code == 2, (args, result.output)
        assert "1900" in result.stderr and "2199" in result.stderr, result.stderr


def test_date_outside_the_range_names_the_range(cli, tmp_path):
    root = write_data(tmp_path / "data", base_data())
    result = cli("debts", "--data", root, "--as-of", "0001-01-01", "--lang", "en")
    assert result.exit_code == 2
    assert "Date '0001-01-01' is outside the usable range 1900-01-01 … 2199-12-31." in result.stderr
    assert "Use a date in the years 1900–2199." in result.stderr
