"""The first safety and first-aid training (issue 21 item 9; Lisa 8 1): rule `safety-module`.
Every curriculum marks its safety module (`safety: true`, year 1); a first-year group has the
first instruction on its sheet in the first half-year, before its practical work starts."""

from __future__ import annotations

import json
from datetime import date

import pytest

from tests.conftest import AS_OF, base_data, findings_of, write_data

STUDENTS = "students/TA-24.yaml"


@pytest.fixture
def run(cli, tmp_path):
    counter = iter(range(1000))

    def _run(change, as_of=AS_OF):
        files = base_data()
        change(files)
        root = write_data(tmp_path / f"data{next(counter)}", files)
        result = cli("validate", "--data", root, "--as-of", as_of, "--format", "json", "--select", "safety-module")
        assert result.exit_code == 0, result.output
        return findings_of(json.loads(result.stdout), "safety-module")

    return _run


def module(f, mid="M1"):
    return next(m for m in f["curricula.yaml"][0]["modules"] if m["id"] == mid)


def first_years(f, sheet=(), placements=True):
    """TA-24 as a group that started this study year (both students start 1 September 2026)."""
    for s in f[STUDENTS]:
        s["start"] = date(2026, 9, 1)
        s["status"] = [{"status": "active", "start": date(2026, 9, 1)}]
    f["groups.yaml"][0]["safety_instructions"] = list(sheet)
    if not placements:
        f["placements.yaml"] = []


def test_clause_lisa_8_1_every_curriculum_marks_its_safety_module(run):
    assert run(lambda f: None) == []
    [f] = run(lambda f: module(f).pop("safety"))
    assert (f["clause"], f["severity"]) == ("Lisa 8 1", "warning") and "150001" in f["message"]
    assert f["file"].endswith("curricula.yaml") and f["path"].endswith("modules")
    [f] = run(lambda f: module(f).update(year=2))
    assert f["path"].endswith("modules[0].year") and "M1" in f["message"]


def test_clause_lisa_8_1_the_first_training_comes_before_practical_work(run):
    workshop = {"date": date(2026, 10, 1), "module": "M2", "instructor": "Kati Kask"}
    [f] = run(lambda f: first_years(f, [workshop]))
    assert f["path"] == "groups[0].safety_instructions" and "M2" in f["message"] and "TA-24" in f["message"]
    first = {"date": date(2026, 9, 7), "module": "M1", "instructor": "Kati Kask"}
    assert run(lambda f: first_years(f, [first, workshop])) == []
    general = {"date": date(2026, 9, 7), "instructor": "Kati Kask"}  # the general first instruction
    assert run(lambda f: first_years(f, [general, workshop])) == []
    # a placement that has started counts as practical work too
    [f] = run(lambda f: first_years(f, [{**first, "date": date(2027, 2, 3)}]), as_of="2027-02-02")
    assert "P1" in f["message"]


def test_clause_lisa_8_1_the_first_training_is_in_the_first_half_year(run):
    assert run(lambda f: first_years(f, placements=False)) == []  # the half-year has not ended yet
    [f] = run(lambda f: first_years(f, placements=False), as_of="2027-02-15")
    assert "2027-01-31" in f["message"]
    late = {"date": date(2027, 2, 8), "module": "M1"}
    [f] = run(lambda f: first_years(f, [late], placements=False), as_of="2027-02-15")
    assert "2027-02-08" in f["message"]
    # a group that started years ago is not chased
    assert run(lambda f: f["placements.yaml"].clear(), as_of="2027-02-15") == []


def test_the_sample_shows_the_safety_module(cli):
    result = cli("validate", "--data", "data", "--as-of", AS_OF, "--format", "json", "--select", "safety-module")
    [f] = findings_of(json.loads(result.stdout), "safety-module")
    assert result.exit_code == 0 and "211013" in f["message"]


def test_clause_lisa_8_2_a_practical_module_begun_this_year_has_its_instruction(cli, tmp_path):
    """A group that keeps its sheet this study year: M2 (practical work) first graded on 5 October
    needs its own line on or before it; the first instruction (M1) does not stand for it."""

    def found(sheet, grades):
        files = base_data()
        files["groups.yaml"][0]["safety_instructions"] = sheet
        files[STUDENTS][0]["grades"] = grades
        root = write_data(tmp_path / f"d{len(list(tmp_path.iterdir()))}", files)
        result = cli("validate", "--data", root, "--as-of", AS_OF, "--format", "json", "--select", "safety-instruction")
        return findings_of(json.loads(result.stdout), "safety-instruction")

    first = {"date": date(2026, 9, 7), "module": "M1"}
    m2 = [{"module": "M2", "kind": "assessment", "value": 4, "date": date(2026, 10, 5)}]
    [f] = found([first], m2)
    assert (f["clause"], f["severity"]) == ("Lisa 8 2", "warning") and "M2" in f["message"]
    assert found([first, {"date": date(2026, 10, 1), "module": "M2"}], m2) == []
    assert found([first, {"date": date(2026, 10, 6), "module": "M2"}], m2) != []
    assert found([{"date": date(2025, 9, 8)}], m2) == []  # no sheet kept this year: not judged
    begun_last_year = [{"module": "M2", "kind": "assessment", "value": 4, "date": date(2026, 5, 5)}, *m2]
    assert found([first], begun_last_year) == []
