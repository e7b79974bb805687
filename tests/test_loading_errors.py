"""The tester's findings on loading (round 7): a mistake in one part of cluster.yaml does not throw
away the rest of it (and with it every rule that reads the cluster), and a rule that concludes from
an absence does not do so on a part it has not seen."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.conftest import findings_of

SAMPLE = Path(__file__).resolve().parents[1] / "data"
GRADE = "- {student: ITN-24-02, grade: 5}"


@pytest.fixture
def sample(tmp_path) -> Path:
    root = tmp_path / "data"
    shutil.copytree(SAMPLE, root)
    return root


def _edit(root: Path, old: str, new: str) -> None:
    path = root / "cluster.yaml"
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1
    path.write_text(text.replace(old, new), encoding="utf-8")


def _cluster_warnings(doc: dict) -> list[str]:
    return sorted(f["code"] for f in doc["findings"]
                  if f["file"].endswith("cluster.yaml") and f["severity"] == "warning")


def test_a_wrong_exam_grade_leaves_out_that_exam_alone(cli, sample):
    code, before = cli.validate_json(sample, "--lang", "en")
    assert code == 0 and len(_cluster_warnings(before)) == 12
    _edit(sample, GRADE, GRADE.replace("5}", "6}"))
    code, doc = cli.validate_json(sample, "--lang", "en")
    assert code == 1
    errors = [f for f in doc["findings"] if f["severity"] == "error"]
    assert [(f["code"], f["line"]) for f in errors] == [("invalid-choice", 167)]
    # the other sections are still checked: the broken exam's own warning is gone, and exam-path (which
    # concludes from a missing final exam) is not judged on an incomplete exams list
    after = _cluster_warnings(doc)
    assert len(after) == 10 and {"fee-decision", "guest-student", "round-table", "admission-committee"} <= set(after)
    assert "exam-path" in _cluster_warnings(before) and "exam-path" not in after
    [note] = findings_of(doc, "cluster-part-unchecked")
    assert (note["severity"], note["line"]) == ("info", 146)
    assert note["message"].startswith("exams: entry ITN-24-LE-2026 has errors, so it was left out")
    # no false warnings from the missing parts
    assert not [f for f in doc["findings"] if f["code"] == "prior-learning" and "committee" in f["message"]]
    assert not findings_of(doc, "cluster-unread")


def test_a_section_of_the_wrong_kind_is_left_out_whole(cli, sample):
    _edit(sample, "round_tables:\n  - {school: vvttk", "round_tables: ptk\nx:\n  - {school: vvttk")
    code, doc = cli.validate_json(sample, "--lang", "en")
    assert code == 1
    [note] = findings_of(doc, "cluster-part-unchecked")
    assert note["message"].startswith("Section round_tables has errors, so it was left out whole")
    assert "fee-decision" in _cluster_warnings(doc) and "round-table" not in _cluster_warnings(doc)


def test_an_unreadable_cluster_file_says_its_rules_were_skipped(cli, sample):
    path = sample / "cluster.yaml"
    path.write_text(path.read_text(encoding="utf-8") + "name: [\n", encoding="utf-8")
    code, doc = cli.validate_json(sample, "--lang", "en")
    assert code == 1
    [note] = findings_of(doc, "cluster-unread")
    assert note["severity"] == "info" and "cluster.yaml was not used" in note["message"]
    # the VÕTA committees were not read: no "no committee" warning for a school that has one
    assert not [f for f in doc["findings"] if f["code"] == "prior-learning" and "committee" in f["message"]]


@pytest.mark.parametrize("text", ["", "# kursused\n\n"])
@pytest.mark.parametrize("kind", ["courses", "placements/hkk"])
def test_an_empty_list_file_is_an_empty_list(cli, sample, text, kind):
    (sample / f"{kind}.yaml").write_text(text, encoding="utf-8")
    for _ in range(2):  # the second run reads the file from the cache
        code, doc = cli.validate_json(sample, "--lang", "en")
        assert not [f for f in doc["findings"] if f["severity"] == "error" and f["file"].endswith(f"{kind}.yaml")]
        [note] = findings_of(doc, "file-no-records")
        assert note["severity"] == "info" and note["message"].startswith("The file has no records yet")
    result = cli("debts", "--data", sample, "--as-of", "2026-11-23")
    assert result.exit_code == 0, result.output


def _edit_student(root: Path, line: int, old: str, new: str) -> None:
    path = root / "students/vvttk/TA-25.yaml"
    lines = path.read_text(encoding="utf-8").split("\n")
    assert old in lines[line - 1], lines[line - 1]
    lines[line - 1] = lines[line - 1].replace(old, new)
    path.write_text("\n".join(lines), encoding="utf-8")


def test_a_typo_inside_a_list_of_a_true_or_list_field_is_reported_once_at_its_line(cli, sample):
    _edit_student(sample, 305, "application:", "aplication:")
    code, doc = cli.validate_json(sample, "--lang", "en")
    assert code == 1
    errors = [(f["code"], f["line"], f["path"]) for f in doc["findings"] if f["severity"] == "error"]
    assert errors == [("missing-field", 304, "students[1].individual_curriculum[0].application"),
                      ("unknown-field", 305, "students[1].individual_curriculum[0].aplication")]


def test_a_wrong_word_for_true_is_reported_as_true_or_false(cli, sample):
    _edit_student(sample, 303, "individual_curriculum:", "individual_curriculum: jah\n  x_individual_curriculum:")
    code, doc = cli.validate_json(sample, "--lang", "en")
    errors = [f for f in doc["findings"] if f["severity"] == "error" and f["path"].endswith("].individual_curriculum")]
    assert [(f["code"], f["line"], f["path"]) for f in errors] == [
        ("invalid-value", 303, "students[1].individual_curriculum")]
    assert "true or false" in errors[0]["message"]


def _edit_file(root: Path, name: str, line: int, old: str, new: str) -> None:
    path = root / name
    lines = path.read_text(encoding="utf-8").split("\n")
    assert old in lines[line - 1], lines[line - 1]
    lines[line - 1] = lines[line - 1].replace(old, new)
    path.write_text("\n".join(lines), encoding="utf-8")


@pytest.mark.parametrize("line, old, new, field, written", [
    (44, "percent: 10}", "percent: 7,5}", "percent", "7,5"),
    (62, 'paid_amount: "432,00"}', "paid_amount: 432,00}", "paid_amount", "432,00"),
])
def test_a_decimal_comma_in_a_flow_mapping_says_so_for_any_number(cli, sample, line, old, new, field, written):
    _edit_file(sample, "courses.yaml", line, old, new)
    code, doc = cli.validate_json(sample, "--lang", "en")
    assert code == 1
    errors = [f for f in doc["findings"] if f["severity"] == "error"]
    assert [(f["code"], f["line"], f["path"].rsplit(".", 1)[-1]) for f in errors] == [("invalid-value", line, field)]
    assert f'write "{written}" in quotes' in errors[0]["message"], errors[0]["message"]


@pytest.mark.parametrize("name, line, old, new", [
    ("curricula.yaml", 22, "ekap: 11", "ekap: 11,0"),
    ("curricula.yaml", 22, "ekap: 11", 'ekap: "11,0"'),
    ("courses.yaml", 44, "percent: 10}", 'percent: "10 %"}'),
    ("courses.yaml", 44, "percent: 10}", "percent: 7.5%}"),
])
def test_numbers_in_estonian_form_are_read(cli, sample, name, line, old, new):
    _edit_file(sample, name, line, old, new)
    code, doc = cli.validate_json(sample, "--lang", "en")
    assert not [f for f in doc["findings"] if f["severity"] == "error"]


@pytest.mark.parametrize("line, old, new, hint", [
    (16, "nominal_end: 2028-06-16", "nominal_end: 31.11.2026", "Lähim olemasolev kuupäev on 30.11.2026."),
    (16, "nominal_end: 2028-06-16", "nominal_end: 2026-02-30", "Lähim olemasolev kuupäev on 2026-02-28."),
    (427, "participants: [Romet Luik, Reet Sepp]", "participants: Romet Luik, Reet Sepp",
     "Kirjutage loendina nurksulgudes: [Romet Luik, Reet Sepp]"),
    (303, "individual_curriculum:", "individual_curriculum: jah\n  x_individual_curriculum:",
     "Kirjutage true või false (jah → true, ei → false)."),
])
def test_a_wrong_value_says_what_to_write(cli, sample, line, old, new, hint):
    _edit_student(sample, line, old, new)
    code, doc = cli.validate_json(sample, "--lang", "et")
    [error] = [f for f in doc["findings"] if f["code"] == "invalid-value"]
    assert error["line"] == line and error["hint"] == hint


def test_a_missing_field_of_a_flow_entry_is_asked_for_as_a_field(cli, sample):
    _edit_student(sample, 426, "- date: 2025-10-06", "- {dat: 2025-10-06}")
    _edit_student(sample, 427, "participants: [Romet Luik, Reet Sepp]", "# participants: [Romet Luik, Reet Sepp]")
    code, doc = cli.validate_json(sample, "--lang", "et")
    [missing] = findings_of(doc, "missing-field")
    assert missing["hint"] == "Lisage väli date: …"
