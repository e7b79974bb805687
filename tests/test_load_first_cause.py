"""One mistake, one message first (issue 11): a file that cannot be read says so first, in the
user's language, and its records' absence does not become a reference error elsewhere."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from tests.conftest import AS_OF, base_data, findings_of, write_data

SAMPLE = Path(__file__).resolve().parents[1] / "data"
TA24 = "students/vvttk/TA-24.yaml"


def _sample_with_indent_error(tmp_path: Path) -> Path:
    """The sample cluster with one field of TA-24's first student indented one space too far."""
    root = tmp_path / "data"
    shutil.copytree(SAMPLE, root)
    path = root / TA24
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    n = next(i for i, line in enumerate(lines) if line.startswith("  last_name:"))
    lines[n] = " " + lines[n]
    path.write_text("".join(lines), encoding="utf-8")
    return root


def _indent_line(root: Path) -> int:
    lines = (root / TA24).read_text(encoding="utf-8").splitlines()
    return next(i for i, line in enumerate(lines, 1) if line.startswith("   last_name:"))


def test_indentation_error_comes_first_and_references_into_the_file_are_not_errors(cli, tmp_path):
    root = _sample_with_indent_error(tmp_path)
    code, doc = cli.validate_json(root, "--lang", "en")
    assert code == 1
    first = doc["findings"][0]
    assert (first["code"], first["file"], first["line"]) == ("yaml-syntax", f"{root}/{TA24}", _indent_line(root))
    assert findings_of(doc, "unknown-reference") == []
    [note] = findings_of(doc, "file-unread-records")
    assert note["severity"] == "info" and note["file"].endswith(TA24)
    assert "TA-24-01" in note["message"]
    assert doc["counts"]["error"] == 1


def test_indentation_error_text_output_starts_with_it_and_lists_error_files_first(cli, tmp_path):
    root = _sample_with_indent_error(tmp_path)
    result = cli("validate", "--data", root, "--as-of", AS_OF, "--lang", "en")
    assert result.exit_code == 1, result.output
    lines = result.stdout.splitlines()
    assert lines[0].startswith(f"── {root}/{TA24}")
    assert lines[1].startswith(f"{root}/{TA24}:{_indent_line(root)}: error yaml-syntax: ")
    assert "unknown-reference" not in result.stdout
    # The summary table: the file with the error first, then those with warnings only.
    table = lines[lines.index(next(line for line in lines if line.startswith("File "))) + 1:]
    assert table[0].startswith(f"{root}/{TA24}")
    assert all(row.split()[1] == "0" for row in table[1:-2]), table  # the others: warnings only


def test_syntax_error_is_said_in_estonian_without_the_parsers_english(cli, tmp_path):
    root = _sample_with_indent_error(tmp_path)
    code, doc = cli.validate_json(root)  # the sample cluster's language: et
    [f] = findings_of(doc, "yaml-syntax")
    assert f["message"].startswith("Rida on taandatud sügavamale")
    assert "mapping values" not in f["message"] and "(veerg " in f["message"]
    assert f["hint"].startswith("Joondage väli")


def test_report_refuses_with_the_unreadable_files_error_not_an_earlier_broken_record(cli, tmp_path):
    files = base_data()
    files["members.yaml"][1]["kind"] = "spaceship"  # members load before students: an error before
    files["students/TA-24.yaml"] = "- id: S1\n  first_name: Mart\n   last_name: Tamm\n"
    root = write_data(tmp_path / "data", files)
    result = cli("debts", "--data", root, "--as-of", AS_OF, "--lang", "en")
    assert result.exit_code == 2, result.output
    first_line = result.stderr.splitlines()[0]
    assert "The data has 2 loading errors" in first_line
    assert f"First: {root}/students/TA-24.yaml:3: This line is indented deeper" in first_line
    assert "members.yaml" not in result.stderr
    assert "Traceback" not in result.output


def test_file_cache_and_precise_loader_give_the_same_findings_for_an_unreadable_file(cli, tmp_path, monkeypatch):
    files = base_data()
    files["students/TA-24.yaml"] = "- id: S1\n  first_name: Mart\n   last_name: Tamm\n- id: S2\n"
    root = write_data(tmp_path / "data", files)
    _, fresh = cli.validate_json(root, "--no-cache")
    cli.validate_json(root)  # fills the file cache
    with (root / "cluster.yaml").open("a") as f:
        f.write("# a comment: the answer changes, the students file comes from the file cache\n")
    _, cached = cli.validate_json(root)
    monkeypatch.setenv("CLUSTER_LOADER", "precise")
    _, precise = cli.validate_json(root, "--no-cache")
    assert json.dumps(fresh) == json.dumps(cached) == json.dumps(precise)
    assert findings_of(fresh, "unknown-reference") == []
    assert [f["code"] for f in fresh["findings"]][:2] == ["yaml-syntax", "file-unread-records"]
