"""The `cluster` command as a user meets it: output formats, languages, exit codes, help."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from tests.conftest import AS_OF, base_data, findings_of, write_data

STUDENTS = "students/TA-24.yaml"


def _broken(tmp_path):
    files = base_data()
    files[STUDENTS][1].pop("guardian")  # minor without guardian: error
    files["members.yaml"][1].pop("recognition")  # unrecognised host: warning
    files[STUDENTS][0]["personal_code"] = "50801012232"  # bad checksum: error
    return write_data(tmp_path / "data", files)


def test_text_output_is_editor_friendly(cli, tmp_path, monkeypatch):
    monkeypatch.delenv("COLUMNS")  # piped, as an editor reads it: one line per finding
    root = _broken(tmp_path)
    result = cli("validate", "--data", root, "--as-of", AS_OF)
    assert result.exit_code == 1
    out = result.stdout
    # FILE:LINE: severity rule: message (clause)
    assert re.search(r"students/TA-24\.yaml:\d+: viga minor-guardian: .*\(6\.1\.8, 4\.11\.5\)", out)
    assert re.search(r"placements\.yaml:\d+: hoiatus host-recognition: .*\(2\.27, Lisa 7 1\.3\.1\)", out)
    assert "Parandus: Lisage õpilasele:" in out
    assert re.search(r" > +\d+ │ ", out)  # the marked source line
    assert "50801012232" not in out  # the personal code is masked, in the message and the excerpt
    assert "*******2232" in out
    assert "Kokku" in out and "Andmetes on 2 viga ja 1 hoiatus" in out


def test_show_pii_unmasks(cli, tmp_path):
    root = _broken(tmp_path)
    result = cli("validate", "--data", root, "--as-of", AS_OF, "--show-pii")
    assert "50801012232" in result.stdout


def test_english(cli, tmp_path):
    root = _broken(tmp_path)
    result = cli("validate", "--data", root, "--as-of", AS_OF, "--lang", "en")
    assert "error minor-guardian: Student S2 is a minor (aged 16)" in result.stdout
    assert "Fix:" in result.stdout and "The data has 2 errors and 1 warning" in result.stdout


def test_cluster_language_setting_is_the_default(cli, tmp_path):
    files = base_data()
    files["cluster.yaml"]["language"] = "en"
    files[STUDENTS][1].pop("guardian")
    root = write_data(tmp_path / "data", files)
    result = cli("validate", "--data", root, "--as-of", AS_OF)
    assert "is a minor" in result.stdout


def test_json_contract_and_order(cli, tmp_path):
    root = _broken(tmp_path)
    code, doc = cli.validate_json(root)
    assert code == 1
    assert set(doc) == {"ok", "counts", "findings"}
    assert doc["ok"] is False and doc["counts"] == {"error": 2, "warning": 1, "info": 0}
    for f in doc["findings"]:
        assert set(f) == {"severity", "code", "clause", "file", "line", "path", "message", "hint"}
    keys = [(f["file"], f["line"]) for f in doc["findings"]]
    assert keys == sorted(keys)


def test_json_is_identical_for_identical_input(cli, tmp_path):
    root = _broken(tmp_path)
    first = cli("validate", "--data", root, "--as-of", AS_OF, "--format", "json").stdout
    second = cli("validate", "--data", root, "--as-of", AS_OF, "--format", "json").stdout
    assert first == second


def test_warnings_only_exit_0(cli, tmp_path):
    files = base_data()
    files["members.yaml"][1].pop("recognition")
    code, doc = cli.validate_json(write_data(tmp_path / "data", files))
    assert code == 0 and doc["ok"] is True and doc["counts"]["warning"] == 1


def test_the_json_counts_every_finding_it_lists_info_lines_too(cli):
    # the sample has info lines (cum-laude, …): a program summing `counts` gets the findings' number
    code, doc = cli.validate_json(Path(__file__).resolve().parents[1] / "data")
    assert code == 0 and doc["counts"]["info"] > 0
    assert sum(doc["counts"].values()) == len(doc["findings"])
    assert doc["counts"] == {s: sum(f["severity"] == s for f in doc["findings"]) for s in ("error", "warning", "info")}


def test_bad_as_of_is_a_usage_error(cli, tmp_path):
    root = write_data(tmp_path / "data", base_data())
    result = cli("validate", "--data", root, "--as-of", "23/11/2026")
    assert result.exit_code == 2
    assert "PP.KK.AAAA või AAAA-KK-PP" in result.stderr


def test_unknown_rule_is_a_usage_error(cli, tmp_path):
    root = write_data(tmp_path / "data", base_data())
    result = cli("validate", "--data", root, "--select", "no-such-rule")
    assert result.exit_code == 2 and "no-such-rule" in result.stderr


def test_bad_format_is_a_usage_error(cli, tmp_path):
    root = write_data(tmp_path / "data", base_data())
    result = cli("validate", "--data", root, "--format", "xml")
    assert result.exit_code == 2


def test_data_folder_from_environment(cli, tmp_path, monkeypatch):
    root = write_data(tmp_path / "elsewhere", base_data())
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("CLUSTER_DATA", str(root))
    result = cli("validate", "--as-of", AS_OF)
    assert result.exit_code == 0, result.output


def test_profile_override_changes_a_rule(cli, tmp_path):
    files = base_data()
    files["groups.yaml"][0]["practice_subgroup_size"] = 14
    files["profile.yaml"] = {"parameters": {"practice_group_max": {"values": {date(2026, 1, 1): 12}}}}
    code, doc = cli.validate_json(write_data(tmp_path / "data", files))
    [f] = findings_of(doc, "practice-group-size")
    assert "12" in f["message"]
    # Before the override's date the VVTTK value (15) holds.
    result = cli("validate", "--data", tmp_path / "data", "--as-of", "2025-12-31", "--format", "json")
    assert findings_of(json.loads(result.stdout), "practice-group-size") == []


def test_profile_unknown_parameter_is_reported_with_a_suggestion(cli, tmp_path):
    files = base_data()
    files["profile.yaml"] = "parameters:\n  practise_group_max:\n    values:\n      2026-01-01: 12\n"
    code, doc = cli.validate_json(write_data(tmp_path / "data", files))
    assert code == 1
    [f] = findings_of(doc, "profile-unknown-parameter")
    assert f["line"] == 2 and "practice_group_max" in f["message"]


def test_profile_value_of_wrong_form(cli, tmp_path):
    files = base_data()
    files["profile.yaml"] = "parameters:\n  curriculum_volume:\n    values:\n      2026-01-01: 12\n"
    code, doc = cli.validate_json(write_data(tmp_path / "data", files))
    assert code == 1 and findings_of(doc, "profile-value")[0]["line"] == 4


@pytest.mark.parametrize("name, value, wrong, allowed", [
    ("practice_share_kkh_denominator", "Whole", "Whole", "vocational, whole"),
    ("grant_curriculum_split", "applicant", "applicant", "places, applicants"),
    ("car_disability_levels", "[severe, profund]", "profund", "moderate, severe, profound"),
    ("grant_ranking", "{criteria: [{name: weighted_avg}], tie_breaks: [attendance]}", "weighted_avg", "average"),
])
def test_profile_choice_with_a_word_it_does_not_take_is_a_finding_with_its_line(cli, tmp_path, name, value,
                                                                                wrong, allowed):
    files = base_data()
    files["profile.yaml"] = f"parameters:\n  {name}:\n    values:\n      2026-01-01: {value}\n"
    root = write_data(tmp_path / "data", files)
    code, doc = cli.validate_json(root, "--lang", "en")
    assert code == 1
    [f] = findings_of(doc, "profile-choice")
    assert f["line"] == 4 and f["file"].endswith("profile.yaml")
    assert f"'{wrong}'" in f["message"] and allowed in f["message"] and name in f["message"]
    good = {"practice_share_kkh_denominator": "whole", "grant_curriculum_split": "applicants",
            "car_disability_levels": "[severe]", "grant_ranking": "{criteria: [{name: average}], tie_breaks: []}"}
    files["profile.yaml"] = f"parameters:\n  {name}:\n    values:\n      2026-01-01: {good[name]}\n"
    code, doc = cli.validate_json(write_data(tmp_path / "good", files))
    assert findings_of(doc, "profile-choice") == []


def test_profile_command_shows_dated_values(cli, tmp_path):
    files = base_data()
    files["profile.yaml"] = {"parameters": {"grant_amount": {"values": {date(2027, 1, 1): 65.5}}}}
    root = write_data(tmp_path / "data", files)
    result = cli("profile", "--data", root, "--as-of", "2027-02-01", "--format", "json")
    rows = {r["parameter"]: r for r in json.loads(result.stdout)}
    assert rows["grant_amount"]["value"] == "65.50" and rows["grant_amount"]["valid_from"] == "2027-01-01"
    assert rows["workplace_practice_min_share"]["value"] == "2/3"
    result = cli("profile", "--data", root, "--as-of", "2026-12-31", "--format", "json")
    rows = {r["parameter"]: r for r in json.loads(result.stdout)}
    assert rows["grant_amount"]["value"] == "60.00"


def test_rules_command_lists_every_rule_with_its_clause(cli):
    from cluster_cli.regulation.rules import RULES

    result = cli("rules", "--format", "json")
    rows = json.loads(result.stdout)
    assert [r["rule"] for r in rows] == [r.id for r in RULES]
    assert next(r for r in rows if r["rule"] == "key-competences")["clause"] == "3.4.7"
    text = cli("rules").stdout
    assert "key-competences" in text and "3.4.7" in text


def _commands(command, path=()):
    """Every command below `command` (the `cluster` group), groups and leaves alike, with its
    path of names."""
    yield path, command
    for name, sub in sorted(getattr(command, "commands", {}).items()):
        yield from _commands(sub, (*path, name))


def _example(command) -> str:
    """The command line of a command's help example (`Example: cluster …`, or `Example (when): …`)."""
    match = re.search(r"^\s*(?:Example|Näide)[^:]*: cluster (.+?)\s*$", command.help or "", re.M)
    assert match, f"no example in the help of {command.name}"
    return match.group(1)


@pytest.mark.parametrize("lang", ["et", "en"])
def test_every_command_has_help_with_an_example(cli, monkeypatch, lang):
    """Every command, at any depth (walked from the root, so a new command cannot be missed), has
    help in both languages, and its help ends with an example of itself."""
    from cluster_cli.cli.app import command

    monkeypatch.setenv("CLUSTER_LANG", lang)  # groups have no --lang
    commands = list(_commands(command(lang)))
    leaves = [path for path, cmd in commands if not hasattr(cmd, "commands")]
    assert len(leaves) >= 20, leaves
    for path, cmd in commands:
        result = cli(*path, "--help")
        assert result.exit_code == 0, (path, result.output)
        assert ("Näide" if lang == "et" else "Example") in result.stdout, path
        assert _example(cmd).split()[:len(path)] == list(path), path
        assert _example(cmd) in " ".join(result.stdout.split()), path  # one line, not wrapped


@pytest.mark.parametrize("lang", ["et", "en"])
def test_every_help_example_runs_on_the_sample_data(cli, tmp_path, monkeypatch, lang):
    """Each command's help example, run exactly as written in a folder holding a copy of the
    sample data (found there without --data) and the templates: exit 0 or 1 (findings), never 2
    (a broken example), never a traceback. Files it writes land in that folder."""
    import shlex
    import shutil

    from cluster_cli.cli.app import command

    repo = Path(__file__).resolve().parents[1]
    shutil.copytree(repo / "data", tmp_path / "data")
    (tmp_path / "templates").mkdir()
    for docx in (repo / "templates").glob("*.docx"):
        shutil.copy(docx, tmp_path / "templates")
    monkeypatch.chdir(tmp_path)
    ran = []
    for path, cmd in _commands(command(lang)):
        args = shlex.split(_example(cmd))
        result = cli(*args)
        assert result.exit_code in (0, 1), (args, result.output)
        assert "Traceback" not in result.output, args
        ran.append(path)
    assert len(ran) >= 25


def test_no_traceback_on_unexpected_input_via_real_process(tmp_path):
    """Through a real process, as the secretary runs it: garbage in, message out, no traceback."""
    files = base_data()
    files[STUDENTS] = b"\x00\x01\x02 not yaml at all \xff"
    root = write_data(tmp_path / "data", files)
    proc = subprocess.run([sys.executable, "-m", "cluster_cli", "validate", "--data", str(root), "--as-of", AS_OF],
                          capture_output=True, text=True)
    assert proc.returncode == 1
    assert "Traceback" not in proc.stdout + proc.stderr
    assert "students/TA-24.yaml:1: viga file-not-utf8" in proc.stdout
