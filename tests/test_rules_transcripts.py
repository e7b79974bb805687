"""Issue 21 F: a module grade from its topics' period grades (Lisa 3 II.18) and the grades a
graduate's final certificate lists (Lisa 3 II.22)."""

from __future__ import annotations

from datetime import date

from tests.conftest import findings_of


def _s1(files):
    return files["students/TA-24.yaml"][0]


def _grade(module, value, day, kind="module", topic=None):
    g = {"module": module, "kind": kind, "value": value, "date": day}
    if topic:
        g["topic"] = topic
    return g


def _with_topics(module_grade, topic_b="4"):
    def change(files):
        _s1(files)["grades"] = [
            _grade("M2", "4", date(2026, 1, 20), "period", "HTML"),
            _grade("M2", topic_b, date(2026, 1, 20), "period", "JavaScript"),
            module_grade,
        ]
    return change


def test_clause_lisa_3_ii_18_module_grade_from_the_topics_period_grades(validate_changed):
    code, doc = validate_changed(_with_topics(_grade("M2", "4", date(2026, 1, 27))))
    assert findings_of(doc, "module-grade") == []
    code, doc = validate_changed(_with_topics(_grade("M2", "4", date(2026, 1, 13))))
    [f] = findings_of(doc, "module-grade")
    assert (f["severity"], f["clause"]) == ("warning", "Lisa 3 II.18") and "HTML, JavaScript" in f["message"]
    code, doc = validate_changed(_with_topics(_grade("M2", "4", date(2026, 1, 27)), topic_b="2"))
    [f] = findings_of(doc, "module-grade")
    assert "JavaScript" in f["message"] and "HTML" not in f["message"]


def _graduated(grades):
    def change(files):
        s = _s1(files)
        s["status"] = [{"status": "active", "start": date(2024, 9, 2), "end": date(2026, 6, 18)},
                       {"status": "graduated", "start": date(2026, 6, 19)}]
        s["grades"] = grades
        files["curricula.yaml"][0]["modules"][2]["final_exam"] = True  # M3 ends with the final exam
    return change


def test_clause_lisa_3_ii_22_final_certificate_lists_module_and_final_exam_grades(validate_changed):
    complete = [_grade("M1", "4", date(2025, 6, 1)), _grade("M2", "3", date(2026, 1, 20)),
                _grade("M3", "5", date(2026, 6, 10), "final"), _grade("G1", "A", date(2026, 5, 30))]
    code, doc = validate_changed(_graduated(complete))
    assert findings_of(doc, "certificate-grades") == []
    code, doc = validate_changed(_graduated(complete[:1] + [_grade("M2", "2", date(2026, 1, 20))] + complete[2:]))
    [f] = findings_of(doc, "certificate-grades")
    assert (f["severity"], f["clause"]) == ("warning", "Lisa 3 II.22") and "M2" in f["message"]
    code, doc = validate_changed(_graduated(complete[:2] + [_grade("M3", "5", date(2026, 6, 10))] + complete[3:]))
    [f] = findings_of(doc, "certificate-grades")  # M3 passed, but no final-exam grade
    assert "M3" in f["message"] and f["line"] > 0
    # a student still studying is not judged
    code, doc = validate_changed(lambda files: None)
    assert findings_of(doc, "certificate-grades") == []
