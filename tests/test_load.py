"""The loader: file:line for every finding, and hostile input never crashing the CLI."""

from __future__ import annotations

import pytest

from tests.conftest import AS_OF, base_data, findings_of, read_as, write_data

STUDENTS = "students/TA-24.yaml"


def _with(tmp_path, rel, content):
    files = base_data()
    files[rel] = content
    return write_data(tmp_path / "data", files)


def test_valid_sample_has_no_findings(cli, tmp_path, served):
    root = write_data(tmp_path / "data", base_data())
    code, doc = cli.validate_json(root)
    assert served == read_as(root, "fast")
    assert code == 0, doc
    assert doc == {"ok": True, "counts": {"error": 0, "warning": 0, "info": 0}, "findings": []}


def test_duplicate_key_is_an_error_with_both_lines(cli, tmp_path, served):
    text = "name: Klaster\nlanguage: et\nname: Teine nimi\n"
    root = _with(tmp_path, "cluster.yaml", text)
    code, doc = cli.validate_json(root)
    assert served == read_as(root, "fast")  # cluster.yaml: always the precise loader
    assert code == 1
    [f] = findings_of(doc, "yaml-duplicate-key")
    assert f["line"] == 3 and f["file"].endswith("cluster.yaml")
    assert "name" in f["message"] and "1" in f["message"]


@pytest.mark.parametrize(
    "content, code, line",
    [
        ("- id: S1\n\tfirst_name: Mart\n", "yaml-syntax", 2),  # a tab
        ("- id: S1\n  first_name: [Mart\n", "yaml-syntax", 2),  # unclosed bracket (reported where it opens)
        ("- id: S1\n  first_name: \x00\n", "yaml-syntax", 2),  # a control character
        (b"- id: S1\n  first_name: M\xe4rt\n", "file-not-utf8", 2),  # Latin-1 bytes
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "file-not-utf8", 1),  # a binary file
        ("", "file-no-records", 0),
        ("# only a comment\n\n", "file-no-records", 0),
        ("id: S1\nfirst_name: Mart\n", "file-not-list", 1),  # a mapping instead of a list
        ("- just text\n", "record-not-mapping", 1),
        ("- &a {id: X}\n- *a\n", "yaml-alias", 1),
        ("- !!python/object/apply:os.system ['echo hi']\n", "yaml-unknown-tag", 1),
    ],
)
def test_hostile_file_becomes_a_finding(cli, tmp_path, served, content, code, line):
    root = _with(tmp_path, STUDENTS, content)
    result = cli("validate", "--data", root, "--as-of", AS_OF, "--format", "json")
    assert served == read_as(root, "fast", {STUDENTS: "precise"})
    assert result.exit_code == 1, result.output
    import json

    doc = json.loads(result.stdout)
    hits = findings_of(doc, code)
    assert hits, doc["findings"]
    assert hits[0]["line"] == line
    assert hits[0]["file"].endswith(STUDENTS)
    assert hits[0]["hint"]


def test_hostile_text_output_has_no_traceback(cli, tmp_path, served):
    root = _with(tmp_path, STUDENTS, b"\xff\xfe\x00garbage")
    result = cli("validate", "--data", root, "--as-of", AS_OF)
    assert served == read_as(root, "fast", {STUDENTS: "precise"})
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    assert f"{STUDENTS}:1:" in result.stdout


def test_yes_no_and_leading_zeros_stay_text(cli, tmp_path, served):
    """YAML 1.1 would read `no` as false and 0012 as the octal 10; we keep what was written."""
    files = base_data()
    files["groups.yaml"][0]["id"] = "0012"
    files["members.yaml"][0]["address"] = "no"
    text = write_data(tmp_path / "d1", files)
    groups = (text / "groups.yaml").read_text().replace("'0012'", "0012")
    (text / "groups.yaml").write_text(groups)
    members = (text / "members.yaml").read_text().replace("'no'", "no")
    (text / "members.yaml").write_text(members)
    from cluster_cli.pipeline import load

    loaded = load(text)
    # 0012 sends its file to the precise loader; `no` is text to the fast parser as well
    assert served == read_as(text, "fast", {"groups.yaml": "precise"})
    assert "0012" in loaded.dataset.groups
    assert loaded.dataset.members["vvttk"].address == "no"


def test_wrong_type_points_at_field_line(cli, tmp_path, served):
    text = """\
- id: S9
  first_name: Mart
  last_name: Tamm
  personal_code: "50801012231"
  school: vvttk
  curriculum: "150001"
  group: TA-24
  course: kolmas
  start: 2024-09-02
  nominal_end: 2027-06-30
  status:
    - status: active
      start: 2024-09-02
"""
    root = _with(tmp_path, STUDENTS, text)
    code, doc = cli.validate_json(root)
    assert served == read_as(root, "fast")  # a shape error: its record alone is read again (issue 20)
    assert code == 1
    [f] = findings_of(doc, "invalid-value")
    assert (f["line"], f["path"]) == (8, "students[0].course")
    assert "täisarvu" in f["message"]


def test_unknown_field_suggests_the_close_name(cli, tmp_path, served):
    files = base_data()
    files[STUDENTS][0]["frist_name"] = files[STUDENTS][0].pop("first_name")
    root = write_data(tmp_path / "data", files)
    code, doc = cli.validate_json(root, "--lang", "en")
    assert served == read_as(root, "fast")  # a shape error: its record alone is read again (issue 20)
    assert code == 1
    unknown = findings_of(doc, "unknown-field")
    assert unknown and "first_name" in unknown[0]["message"]
    missing = findings_of(doc, "missing-field")
    assert missing and missing[0]["path"] == "students[0].first_name"


def test_impossible_date_is_reported_with_its_field(cli, tmp_path, served):
    root = write_data(tmp_path / "data", base_data())
    p = root / STUDENTS
    p.write_text(p.read_text().replace("2026-10-05", "2026-02-30"))
    code, doc = cli.validate_json(root)
    assert served == read_as(root, "fast")  # a shape error: its record alone is read again (issue 20)
    assert code == 1
    [f] = findings_of(doc, "invalid-value")
    assert f["path"] == "students[0].grades[0].date"


def test_missing_required_field(cli, tmp_path, served):
    files = base_data()
    del files["curricula.yaml"][0]["level"]
    root = write_data(tmp_path / "data", files)
    code, doc = cli.validate_json(root)
    assert served == read_as(root, "fast")  # a shape error: its record alone is read again (issue 20)
    assert code == 1
    [f] = findings_of(doc, "missing-field")
    assert f["path"] == "curricula[0].level" and f["line"] == 1


def test_broken_record_does_not_cascade_into_references(cli, tmp_path, served):
    """A student that fails its shape check is not reported again as an unknown reference."""
    files = base_data()
    files[STUDENTS][0]["course"] = "x"
    root = write_data(tmp_path / "data", files)
    code, doc = cli.validate_json(root)
    assert served == read_as(root, "fast")  # a shape error: its record alone is read again (issue 20)
    assert code == 1
    assert not findings_of(doc, "unknown-reference")


def test_folder_of_files_and_duplicate_ids_across_files(cli, tmp_path, served):
    files = base_data()
    files["students/other/more.yaml"] = [dict(files[STUDENTS][1])]
    root = write_data(tmp_path / "data", files)
    code, doc = cli.validate_json(root)
    assert served == read_as(root, "fast")  # a duplicate id is the rules' finding, not the shape's
    assert code == 1
    [f] = findings_of(doc, "duplicate-id")
    assert f["file"].endswith("students/other/more.yaml")
    assert "students/TA-24.yaml" in f["message"]


def test_unknown_file_is_a_warning(cli, tmp_path, served):
    files = base_data()
    files["student.yaml"] = files[STUDENTS]
    root = write_data(tmp_path / "data", files)
    code, doc = cli.validate_json(root)
    assert served == read_as(root, "fast", {"student.yaml": None})  # never read
    assert code == 0
    [f] = findings_of(doc, "file-unknown-kind")
    assert f["severity"] == "warning" and "students" in f["hint"]


def test_missing_folder_exits_2(cli, tmp_path, served):
    result = cli("validate", "--data", tmp_path / "nowhere")
    assert served == {}
    assert result.exit_code == 2
    assert "nowhere" in result.stderr and "Traceback" not in result.output


def test_folder_without_cluster_file_exits_2(cli, tmp_path, served):
    (tmp_path / "x").mkdir()
    result = cli("validate", "--data", tmp_path / "x", "--lang", "en")
    assert served == {}
    assert result.exit_code == 2
    assert "cluster.yaml" in result.stderr


def test_read_only_validate_changes_nothing(cli, tmp_path, served):
    root = write_data(tmp_path / "data", base_data())
    before = {p: p.read_bytes() for p in root.rglob("*") if p.is_file()}
    cli("validate", "--data", root, "--as-of", AS_OF)
    assert served == read_as(root, "fast")
    after = {p: p.read_bytes() for p in root.rglob("*") if p.is_file()}
    assert before == after
