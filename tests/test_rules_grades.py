"""The journal's consistency (issue 16): impossible grade and attendance data is caught by
`cluster validate`, each check named after its clause, a violating and a passing case."""

from __future__ import annotations

from datetime import date

import pytest

from tests.conftest import base_data, findings_of, write_data

STUDENTS = "students/TA-24.yaml"


@pytest.fixture
def run(cli, tmp_path):
    counter = iter(range(1000))

    def _run(change):
        files = base_data()
        change(files)
        root = write_data(tmp_path / f"data{next(counter)}", files)
        return cli.validate_json(root)

    return _run


def mart(files):
    return files[STUDENTS][0]


def test_clause_4_7_5_more_absences_than_lessons(run):
    def change(f):
        mart(f)["attendance"] = [{"period": "2026-autumn", "lessons": 10, "unexcused": 12}]

    code, doc = run(change)
    [v] = findings_of(doc, "attendance-count")
    assert code == 1 and v["clause"] == "4.7.5" and v["severity"] == "error"
    assert "12" in v["message"] and "10" in v["message"]

    def marks_add_up(f):
        mart(f)["attendance"] = [{"period": "2026-autumn", "lessons": 10, "unexcused": 4, "late": 3, "excused": 4}]

    code, doc = run(marks_add_up)
    assert len(findings_of(doc, "attendance-count")) == 1

    def exactly_all(f):
        mart(f)["attendance"] = [{"period": "2026-autumn", "lessons": 10, "unexcused": 4, "late": 2, "excused": 4}]

    code, doc = run(exactly_all)
    assert findings_of(doc, "attendance-count") == [] and code == 0, doc


def test_clause_6_2_2_resit_agreed_before_the_debt_arose(run):
    def change(f):
        mart(f)["grades"] = [
            {"module": "M2", "kind": "assessment", "value": 2, "date": date(2026, 11, 10),
             "resit_agreed": date(2026, 11, 9)},
        ]

    code, doc = run(change)
    [v] = findings_of(doc, "debt-dates")
    assert code == 1 and v["clause"] == "6.2.2" and "2026-11-09" in v["message"]


def test_clause_6_2_2_cleared_before_the_debt_arose(run):
    def change(f):
        mart(f)["grades"] = [
            {"module": "M2", "kind": "assessment", "value": 2, "date": date(2026, 11, 10),
             "cleared": date(2026, 11, 1)},
        ]

    code, doc = run(change)
    [v] = findings_of(doc, "debt-dates")
    assert code == 1 and v["clause"] == "6.2.2" and "2026-11-01" in v["message"]


def test_clause_6_2_2_failed_resit_agreed_after_the_first_fail_is_fine(run):
    """The debt arises at the first negative result: a re-sit agreed between the first fail and a
    failed re-sit is consistent even though it precedes the re-sit's own date."""
    def change(f):
        mart(f)["grades"] = [
            {"module": "M2", "kind": "assessment", "value": 2, "date": date(2026, 11, 2)},
            {"module": "M2", "kind": "assessment", "value": 2, "date": date(2026, 11, 12),
             "resit_agreed": date(2026, 11, 4)},
            {"module": "M2", "kind": "assessment", "value": 4, "date": date(2026, 11, 16)},
        ]

    code, doc = run(change)
    assert findings_of(doc, "debt-dates") == [] and code == 0, doc


def test_clause_4_6_4_4_ma_on_a_distinctive_module(run):
    def change(f):
        mart(f)["grades"] = [{"module": "M1", "kind": "module", "value": "MA", "date": date(2026, 10, 5)}]

    code, doc = run(change)
    [v] = findings_of(doc, "grade-scale")
    assert code == 1 and v["clause"] == "4.6.4.4" and "MA" in v["message"]


def test_clause_4_6_4_5_number_on_a_non_distinctive_module(run):
    def change(f):
        f["curricula.yaml"][0]["modules"][0]["distinctive"] = False
        mart(f)["grades"] = [{"module": "M1", "kind": "module", "value": 4, "date": date(2026, 10, 5)}]

    code, doc = run(change)
    [v] = findings_of(doc, "grade-scale")
    assert code == 1 and v["clause"] == "4.6.4.5"

    def right_scale(f):
        change(f)
        mart(f)["grades"] = [
            {"module": "M1", "kind": "module", "value": "A", "date": date(2026, 10, 5)},
            {"module": "M1", "kind": "assessment", "value": "X", "date": date(2026, 10, 1)},
            {"module": "M1", "kind": "prior_learning", "value": 5, "date": date(2026, 9, 20)},
        ]

    code, doc = run(right_scale)
    assert findings_of(doc, "grade-scale") == [] and code == 0, doc


def test_lisa4_4_5_no_show_on_an_ordinary_assessment(run):
    def change(f):
        mart(f)["grades"] = [
            {"module": "M1", "kind": "module", "value": 4, "date": date(2026, 10, 5)},
            {"module": "M2", "kind": "assessment", "value": 2, "date": date(2026, 11, 10), "no_show": True},
        ]

    code, doc = run(change)
    [v] = findings_of(doc, "no-show")
    assert code == 1 and v["clause"] == "Lisa 4 4.5" and "assessment" in v["message"]


def test_lisa4_4_5_no_show_with_a_passing_grade(run):
    def change(f):
        mart(f)["grades"] = [{"module": "M3", "kind": "final", "value": 4, "date": date(2026, 10, 5), "no_show": True}]

    code, doc = run(change)
    [v] = findings_of(doc, "no-show")
    assert code == 1 and v["clause"] == "Lisa 4 4.5"

    def final_exam(f):
        mart(f)["grades"] = [{"module": "M3", "kind": "final", "value": 2, "date": date(2026, 10, 5), "no_show": True}]

    code, doc = run(final_exam)
    assert findings_of(doc, "no-show") == []


def test_clause_5_1_1_grade_before_the_student_started(run):
    def change(f):
        mart(f)["grades"] = [{"module": "M1", "kind": "module", "value": 4, "date": date(2024, 6, 1)}]

    code, doc = run(change)
    [v] = findings_of(doc, "grade-date")
    assert code == 1 and v["clause"] == "5.1.1" and "2024-06-01" in v["message"] and "2024-09-02" in v["message"]

    def prior_learning(f):
        mart(f)["grades"] = [{"module": "M1", "kind": "prior_learning", "value": 4, "date": date(2024, 6, 1)}]

    code, doc = run(prior_learning)
    assert findings_of(doc, "grade-date") == []
