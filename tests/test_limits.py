"""Values at the edge of what the tool can compute with (issue 12): extreme dates on the command
line and in the data, and control characters in the data.

The usable range is the years 1900–2199 (`cluster_cli.limits`)."""

from __future__ import annotations


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
ARGUMENTS = {"grants explain": ["S1"], "import": ["grades", "hinded.csv"], "members show": ["koodikoda"],
             "contracts render": ["--all", "--dry-run"], "contracts amend": ["P1", "--dry-run"],
             "contracts status": ["P1"]}
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
    if name == "init":  # makes a folder, reads none
        args = ["init", str(tmp_path / "new"), option, value, "--name", "K", "--school", "vvttk,70003715,Kool"]
    for other in options:
        if other != option and other in REQUIRED:
            args += [other, REQUIRED[other]]
    if name == "contracts render":
        args += ["--out", str(tmp_path / "out")]
    if name == "contracts signatures":  # the folder of the signed containers
        args.insert(2, str(tmp_path))
    if name == "grants pack":  # writes a folder
        args += ["--output", str(tmp_path / "pack")]
    if name == "overview":  # writes a folder
        args += ["--output", str(tmp_path / "site")]
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


# --- extreme dates in the data ---------------------------------------------------------------

STUDENTS = "students/TA-24.yaml"


def _set(files: dict, where: tuple, value) -> None:
    node = files
    for step in where[:-1]:
        node = node[step]
    node[where[-1]] = value


EXTREME_DATES = [
    pytest.param(("placements.yaml", 0, "end"), "9999-12-31", "placements[0].end", id="placement-end"),
    pytest.param(("placements.yaml", 0, "start"), "0001-01-01", "placements[0].start", id="placement-start"),
    pytest.param((STUDENTS, 0, "grades", 0, "date"), "0001-01-01", "students[0].grades[0].date", id="grade-date"),
    pytest.param((STUDENTS, 0, "status", 0, "start"), "9999-12-31", "students[0].status[0].start", id="status-start"),
    pytest.param(("cluster.yaml", "periods", 1, "end"), "2200-01-01", "periods[1].end", id="period-end"),
]


def _with_date(tmp_path, where, value):
    from datetime import date

    files = base_data()
    _set(files, where, date.fromisoformat(value))
    return write_data(tmp_path / "data", files)


def _line_of(path, text: str) -> int:
    return next(i for i, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if text in line)


@pytest.mark.parametrize("where, value, path", EXTREME_DATES)
def test_date_outside_the_range_in_the_data_is_an_error_at_its_line(cli, tmp_path, where, value, path):
    root = _with_date(tmp_path, where, value)
    code, doc = cli.validate_json(root, "--lang", "en")
    assert code == 1
    [f] = [f for f in doc["findings"] if f["severity"] == "error"]
    assert (f["code"], f["clause"], f["path"]) == ("invalid-value", "", path)
    assert f["file"].endswith(where[0]) and f["line"] == _line_of(root / where[0], value)
    assert "the date must lie between 1900-01-01 and 2199-12-31" in f["message"]


@pytest.mark.parametrize("where, value, path", EXTREME_DATES)
@pytest.mark.parametrize("command", [["debts", "--as-of", AS_OF], ["calendar", "--as-of", AS_OF],
                                     ["match", "--as-of", AS_OF], ["grants", "rank", "--round", "2026-autumn"]])
def test_report_refuses_data_with_a_date_outside_the_range(tmp_path, where, value, path, command):
    root = _with_date(tmp_path, where, value)
    result = CliRunner().invoke(app, [*command, "--data", str(root)], catch_exceptions=True)
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert result.exit_code == 2, result.output
    assert "cluster validate" in result.stderr


@pytest.mark.parametrize("where, value, path", EXTREME_DATES)
def test_contracts_refuse_the_placement_a_date_outside_the_range_reaches(tmp_path, where, value, path):
    """A contract is refused with the date's own finding when the date sits in its placement or
    its student; an error in cluster.yaml stops the whole run (exit 2)."""
    root = _with_date(tmp_path, where, value)
    result = CliRunner().invoke(app, ["contracts", "render", "--all", "--dry-run", "--as-of", AS_OF, "--data",
                                      str(root), "--out", str(tmp_path / "out")], catch_exceptions=True)
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    if where[0] == "cluster.yaml":
        assert result.exit_code == 2, result.output
        assert "cluster validate" in result.stderr
    else:
        assert result.exit_code == 1, result.output
        assert "keeldutud" in result.output and f"{path}]" in result.output and "invalid-value" in result.output


@pytest.mark.parametrize("where, value, path", EXTREME_DATES[:4])
def test_date_outside_the_range_gives_identical_findings_on_fast_precise_and_cached_paths(cli, tmp_path, monkeypatch,
                                                                                          where, value, path):
    root = _with_date(tmp_path, where, value)
    answers = []
    for loader, cache in (("precise", "--no-cache"), ("fast", "--no-cache"), ("fast", None), ("fast", None)):
        monkeypatch.setenv("CLUSTER_LOADER", loader)
        answers.append(cli.validate_json(root, *([cache] if cache else [])))
    assert answers[0] == answers[1] == answers[2] == answers[3]
    assert findings_of(answers[0][1], "invalid-value")


# --- control characters in the data ----------------------------------------------------------

def _students_text(first_name: str) -> str:
    """The sample's student file with S1's first name written as the YAML scalar `first_name`."""
    import yaml

    from tests.conftest import _NoAliasDumper

    text = yaml.dump(base_data()[STUDENTS], Dumper=_NoAliasDumper, allow_unicode=True, sort_keys=False)
    return text.replace("first_name: Mart\n", f"first_name: {first_name}\n", 1)


@pytest.mark.parametrize("scalar, char", [
    (r'"Ma\x1brt"', "U+001B"), (r'"Mart\0"', "U+0000"), (r'"Ma\vrt"', "U+000B"), (r'"Mart\e[2J"', "U+001B"),
    (r'"Mart\uFFFE"', "U+FFFE"), (r'"Mart\x85"', "U+0085"), (r'"Ma\x9Brt"', "U+009B"), (r'"Ma\rrt"', "U+000D"),
    (r'"Ma\x7Frt"', "U+007F"), ("Mart\ufdd0", "U+FDD0"),
])
def test_control_character_in_a_value_is_an_error_at_its_line_with_a_fix(cli, tmp_path, scalar, char):
    files = base_data()
    files[STUDENTS] = _students_text(scalar)
    root = write_data(tmp_path / "data", files)
    code, doc = cli.validate_json(root, "--lang", "en")
    assert code == 1, doc
    [f] = [f for f in doc["findings"] if f["severity"] == "error"]
    assert (f["code"], f["clause"], f["path"]) == ("control-character", "", "students[0].first_name")
    assert f["line"] == _line_of(root / STUDENTS, "first_name: " + scalar[:3])
    assert char in f["message"] and "cannot go into a document" in f["message"]
    assert f["hint"].startswith("Remove the character")


@pytest.mark.parametrize("scalar", [r'"Mart\tJaan"', '"Mart\\nJaan"', '"Märt § «Jaan»\\u00a0"', r'"C:\\temp"'])
def test_tab_newline_and_ordinary_text_pass(cli, tmp_path, scalar):
    files = base_data()
    files[STUDENTS] = _students_text(scalar)
    root = write_data(tmp_path / "data", files)
    code, doc = cli.validate_json(root)
    assert (code, doc["findings"]) == (0, [])


@pytest.mark.parametrize("scalar", [r'"Ma\x1brt"', r'"Mart\uFFFF"', "Ma\x1brt", "Mart\ufffe", "Ma\u0085rt", "Ma\x7frt"],
                         ids=["escaped-esc", "escaped-ffff", "raw-esc", "raw-fffe", "raw-nel", "raw-del"])
def test_control_characters_give_identical_findings_on_fast_and_precise_paths(cli, tmp_path, monkeypatch, scalar):
    files = base_data()
    files[STUDENTS] = _students_text(scalar)
    root = write_data(tmp_path / "data", files)
    answers = []
    for loader in ("precise", "fast"):
        monkeypatch.setenv("CLUSTER_LOADER", loader)
        answers.append(cli.validate_json(root, "--no-cache"))
    assert answers[0] == answers[1]
    assert answers[0][0] in (1, 2) and answers[0][1]["findings"]
