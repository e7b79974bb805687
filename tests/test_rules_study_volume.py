"""Issue 21 F: the split of a curriculum's volume — independent work by study form (2.10,
3.6.1.1–3.6.1.2), e-courses (2.5), practical work against practice (3.3.4, 3.4.4, 3.5.3, 4.11.4)."""

from __future__ import annotations

from datetime import date

from tests.conftest import findings_of


def _modules(files):
    return files["curricula.yaml"][0]["modules"]  # M1 40, M2 50, M3 30 (practice), G1 60 — 180 EKAP


def _independent(values):
    def change(files):
        for m, v in zip(_modules(files), values):
            m["independent_work_ekap"] = v
    return change


def test_clause_2_10_stationary_independent_work_at_least_15_percent(validate_changed):
    code, doc = validate_changed(_independent([10, 10, 0, 20]))  # 40 / 180 = 22 %
    assert findings_of(doc, "independent-work") == []
    code, doc = validate_changed(_independent([5, 5, 0, 10]))  # 20 / 180 = 11 %
    [f] = findings_of(doc, "independent-work")
    assert code == 1 and f["clause"] == "2.10" and "20 / 180" in f["message"] and "15 %" in f["message"]
    assert f["file"].endswith("curricula.yaml") and f["line"] > 0


def test_clause_3_6_1_1_stationary_independent_work_under_half(validate_changed):
    code, doc = validate_changed(_independent([30, 30, 0, 30]))  # 90 / 180 = 50 %
    [f] = findings_of(doc, "independent-work")
    assert code == 1 and f["clause"] == "3.6.1.1" and "50 %" in f["message"]


def test_clause_3_6_1_2_non_stationary_independent_work_over_half(validate_changed):
    def change(files):
        _independent([30, 30, 0, 30])(files)
        files["curricula.yaml"][0]["study_form"] = "non_stationary"
    code, doc = validate_changed(change)  # exactly half: not "over half"
    [f] = findings_of(doc, "independent-work")
    assert f["clause"] == "3.6.1.2, 2.10"
    code, doc = validate_changed(lambda files: (change(files), _independent([35, 35, 0, 30])(files)))
    assert findings_of(doc, "independent-work") == []


def test_clause_2_10_independent_work_stated_for_some_modules_only_is_a_warning(validate_changed):
    code, doc = validate_changed(_independent([10]))
    [f] = findings_of(doc, "independent-work")
    assert f["severity"] == "warning" and "M2, M3, G1" in f["message"]


def test_clause_2_5_e_course_independent_work_and_approval(validate_changed):
    def change(share, approved=None, form="school_based"):
        def run(files):
            m = _modules(files)[0]  # 40 EKAP
            m.update(e_course=True, independent_work_ekap=share)
            if approved:
                m["e_course_approved"] = approved
            files["curricula.yaml"][0]["study_form"] = form
        return run

    code, doc = validate_changed(change(20, date(2026, 8, 20)))  # 50 % stationary: allowed
    assert findings_of(doc, "e-course") == []
    code, doc = validate_changed(change(24, date(2026, 8, 20)))  # 60 % stationary
    [f] = findings_of(doc, "e-course")
    assert (f["severity"], f["clause"]) == ("error", "2.5") and "60 %" in f["message"] and "50 %" in f["message"]
    code, doc = validate_changed(change(24, date(2026, 8, 20), "non_stationary"), "--lang", "en")
    assert findings_of(doc, "e-course") == []  # 60 % ≤ 75 % non-stationary
    code, doc = validate_changed(change(20), "--lang", "en")
    [f] = findings_of(doc, "e-course")
    assert f["severity"] == "warning" and "approval" in f["message"]


def test_clause_3_4_4_practical_work_and_practice_generally_equal(validate_changed):
    # Base: vocational modules' practical work 65, practice 30 — 32 % of the two: no warning.
    code, doc = validate_changed(lambda files: None)
    assert findings_of(doc, "practice-balance") == []

    def uneven(files):
        _modules(files)[1]["practical_work_ekap"] = 45  # 75 + 30: 29 %
    code, doc = validate_changed(uneven)
    [f] = findings_of(doc, "practice-balance")
    assert (f["severity"], f["clause"]) == ("warning", "3.4.4, 4.11.4") and "75" in f["message"]
    assert "29 %" in f["message"] and "30 %" in f["message"] and code == 0
