"""A record whose shape is broken is left out of the rules: one info finding at the record says
so (its id, the lines of its shape errors), and validate's summary counts the records left
unchecked — the personal code's check digit, say, is reported once the shape is fixed."""

from __future__ import annotations

from tests.conftest import AS_OF, findings_of, write_data
from tests.test_allowances import bus, cluster_with, traveller

STUDENTS = "students/TA-24.yaml"


def _root(tmp_path, broken: bool = True):
    """One student with a wrong personal-code check digit; `broken`: also an impossible date
    (line 10) and a decimal comma inside a flow mapping (line 23)."""
    root = write_data(tmp_path / "data", cluster_with([traveller("C1", 1, bus([1, 2, 5]), attended=17)]))
    path = root / STUDENTS
    text = path.read_text(encoding="utf-8")
    code = next(line.split("'")[1] for line in text.splitlines() if "personal_code:" in line)
    text = text.replace(code, code[:-1] + str((int(code[-1]) + 1) % 10))
    if broken:
        text = text.replace("nominal_end: 2028-06-30", "nominal_end: 2028-06-31")
        text = text.replace("    - date: 2026-10-02\n      cost: 2.6\n", "    - {date: 2026-10-02, cost: 2,60}\n")
    path.write_text(text, encoding="utf-8")
    lines = path.read_text(encoding="utf-8").splitlines()
    if broken:
        assert lines[9].strip() == "nominal_end: 2028-06-31" and lines[22].strip().endswith("cost: 2,60}")
    return root


def test_a_record_failing_its_shape_check_says_its_rules_were_not_run(cli, tmp_path):
    root = _root(tmp_path)
    code, doc = cli.validate_json(root, "--lang", "en")
    assert code == 1
    assert [f["line"] for f in findings_of(doc, "invalid-value")] == [10, 23]
    assert not findings_of(doc, "personal-code")  # the rule never saw the record
    [note] = findings_of(doc, "record-unchecked")
    assert (note["severity"], note["line"], note["path"]) == ("info", 1, "students[0]")
    assert note["file"].endswith(f"data/{STUDENTS}")
    assert note["message"] == ("Record C1 has a broken shape (lines 10, 23), so the regulation's rules were not "
                               "run on it; they will be once those errors are fixed.")
    assert note["hint"] == "Fix the record's shape errors and run again: cluster validate"


def test_the_note_and_the_summary_in_estonian(cli, tmp_path, monkeypatch):
    _root(tmp_path)
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("COLUMNS")  # piped: one line per finding
    result = cli("validate", "--data", "data", "--as-of", AS_OF)
    assert result.exit_code == 1, result.output
    out = result.stdout
    assert (f"data/{STUDENTS}:1: teave record-unchecked: Kirjes C1 on vorminguvead (read 10, 23), seega ei "
            "kontrollitud seda õppekorralduseeskirja järgi; see tehakse, kui vead on parandatud.") in out
    assert "Parandus: Parandage kirje vead nimetatud ridadel ja käivitage uuesti: cluster validate" in out
    assert out.rstrip().endswith("Andmetes on 2 viga ja 0 hoiatust (6 faili, 6 kirjet; "
                                 "1 kirje jäi vorminguvea tõttu kontrollimata).")


def test_one_shape_error_is_named_in_the_singular_and_counted_in_english(cli, tmp_path, monkeypatch):
    root = _root(tmp_path)
    path = root / STUDENTS
    path.write_text(path.read_text(encoding="utf-8").replace("cost: 2,60}", "cost: 2.60}"), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("COLUMNS")
    result = cli("validate", "--data", "data", "--as-of", AS_OF, "--lang", "en")
    assert result.exit_code == 1, result.output
    assert "Record C1 has a broken shape (line 10), so the regulation's rules" in result.stdout
    assert "they will be once that error is fixed." in result.stdout
    assert result.stdout.rstrip().endswith(
        "The data has 1 error and 0 warnings (6 files, 6 records; 1 record left unchecked for its broken shape).")


def test_once_the_shape_is_fixed_the_rules_run_and_nothing_is_left_unchecked(cli, tmp_path, monkeypatch):
    root = _root(tmp_path, broken=False)
    code, doc = cli.validate_json(root, "--lang", "en")
    assert code == 1
    assert [f["line"] for f in findings_of(doc, "personal-code")] == [4]
    assert not findings_of(doc, "record-unchecked") and not findings_of(doc, "invalid-value")
    monkeypatch.chdir(tmp_path)
    summary = cli("validate", "--data", "data", "--as-of", AS_OF, "--lang", "en").stdout.rstrip().splitlines()[-1]
    # the two warnings are the bus report's papers (Lisa 14 3.2, 3.3): the rules ran on the record
    assert summary == "The data has 1 error and 2 warnings (6 files, 7 records)."
