"""Grade records complete and typed right (issue 21, item 7): a module continuing past a study
period has its period grade (2.34, Lisa 3 II.19), past the study year its year-end result
'Lõpptulemus' (Lisa 3 II.20); practice is graded distinctively (Lisa 7 guide 4.2)."""

from __future__ import annotations

from datetime import date

import pytest

from tests.conftest import base_data, findings_of, write_data

STUDENTS = "students/TA-24.yaml"


@pytest.fixture
def run(cli, tmp_path):
    counter = iter(range(1000))

    def _run(grades=None, placement_grade=None):
        files = base_data()
        if grades is not None:
            files[STUDENTS][0]["grades"] = grades
        if placement_grade is not None:
            files["placements.yaml"][0]["grade"] = placement_grade
        root = write_data(tmp_path / f"data{next(counter)}", files)
        return cli.validate_json(root)

    return _run


def g(kind, value, day, module="M2"):
    return {"module": module, "kind": kind, "value": value, "date": day}


def test_clause_2_34_lisa_3_ii_19_a_continuing_module_has_a_period_grade(run):
    work = g("assessment", 4, date(2025, 11, 10))
    closed = g("module", 4, date(2026, 5, 20))
    code, doc = run([work, closed])
    [v] = findings_of(doc, "period-grade")
    assert (v["clause"], v["severity"]) == ("2.34, Lisa 3 II.19", "warning")
    assert "M2" in v["message"] and "2025-autumn" in v["message"] and "period" in v["hint"]
    # the period grade closes the half-year
    assert findings_of(run([work, g("period", 4, date(2026, 1, 28)), closed])[1], "period-grade") == []
    # a module finished within the period needs none
    assert findings_of(run([work, g("module", 4, date(2026, 1, 20))])[1], "period-grade") == []
    # nor one whose period has not ended
    assert findings_of(run([g("assessment", 4, date(2026, 10, 10))])[1], "period-grade") == []


def test_clause_lisa_3_ii_20_a_module_continuing_next_year_has_the_year_end_result(run):
    work = g("assessment", 3, date(2026, 3, 10))
    code, doc = run([work])
    [v] = findings_of(doc, "period-grade")
    assert v["clause"] == "Lisa 3 II.20" and "year_end" in v["hint"]
    # a period grade at the study year's end is typed wrong: it is the year-end result
    [v] = findings_of(run([work, g("period", 3, date(2026, 6, 15))])[1], "period-grade")
    assert v["clause"] == "Lisa 3 II.20" and v["path"].endswith("kind") and "year_end" in v["hint"]
    assert findings_of(run([work, g("year_end", 3, date(2026, 6, 15))])[1], "period-grade") == []


def test_clause_lisa_7_4_2_practice_is_graded_distinctively(run):
    code, doc = run(placement_grade={"diary": True, "host_grade": "A", "report": True, "final": "MA"})
    found = {(v["path"].rsplit(".", 1)[-1], v["severity"]) for v in findings_of(doc, "practice-grade")}
    assert found == {("host_grade", "warning"), ("final", "error")} and code == 1
    code, doc = run(placement_grade={"diary": True, "host_grade": "4", "report": True, "final": "4"})
    assert findings_of(doc, "practice-grade") == []
