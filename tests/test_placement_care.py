"""Issue 21, Lisa 7: a placement's care — the place a student found checked (1.3.1, 5.8), the
school-side supervisor (2.2), the student's contact with the host (8.3), the grade in Tahvel
(4.8, 4.7.9), the repeat defense (9.3.5) and the documents of a self-found placement abroad
(12.7.6). Each test changes the valid sample, runs `cluster validate --format json` on real
files and reads the findings back."""

from __future__ import annotations

from datetime import date

import pytest

from tests.conftest import findings_of

RULES = "host-suitability,school-supervisor,host-contact,practice-grade-entered,repeat-defense,abroad-documents"


@pytest.fixture
def run(validate_changed):
    return lambda change, *extra: validate_changed(change, "--select", RULES, *extra)


def placement(f):
    return f["placements.yaml"][0]


def done(f, **grade):
    """P1 as a placement of this study year that has ended and been defended, its care complete:
    the passing case each test breaks."""
    p = placement(f)
    p.update(status="finished", start=date(2026, 9, 7), end=date(2026, 10, 30), host_contacted=date(2026, 8, 20))
    p["hosts"][0].update(start=date(2026, 9, 7), end=date(2026, 10, 30))
    p["data_received"] = date(2026, 8, 20)
    p["school_supervisor"]["role"] = "IT-osakonna juhtivõpetaja"
    p["grade"] = {"diary": True, "host_grade": 5, "report": True, "defense_date": date(2026, 11, 6),
                  "committee": ["Kati Kask", "Peeter Paju"], "final": 5, "entered": date(2026, 11, 9), **grade}
    p["grade"] = {k: v for k, v in p["grade"].items() if v is not None}


def test_the_cared_for_placement_has_no_findings(run):
    code, doc = run(done)
    assert doc["findings"] == [] and code == 0


# --- Lisa 7 1.3.1, 5.8 ---------------------------------------------------------------------


def test_clause_lisa_7_1_3_1_a_place_the_student_found_is_checked_before_the_start(run):
    def found(f, suitability=None):
        done(f)
        placement(f)["self_found"] = True
        if suitability:
            placement(f)["suitability"] = {"date": suitability, "by": "Kati Kask"}

    code, doc = run(found)
    [v] = findings_of(doc, "host-suitability")
    assert v["severity"] == "warning" and v["clause"] == "Lisa 7 1.3.1, 5.8" and "P1" in v["message"]
    assert findings_of(run(lambda f: found(f, date(2026, 8, 25)))[1], "host-suitability") == []
    # checked only after the start: still a warning
    assert len(findings_of(run(lambda f: found(f, date(2026, 9, 10)))[1], "host-suitability")) == 1


# --- Lisa 7 2.2 ----------------------------------------------------------------------------


def test_clause_lisa_7_2_2_the_school_side_supervisor_is_a_leading_or_vocational_teacher(run):
    def role(text):
        return lambda f: (done(f), placement(f)["school_supervisor"].update(role=text))

    [v] = findings_of(run(role("sekretär"))[1], "school-supervisor")
    assert v["clause"] == "Lisa 7 2.2" and "sekretär" in v["message"] and v["path"].endswith("school_supervisor.role")
    assert findings_of(run(role("IT kutseõpetaja"))[1], "school-supervisor") == []


# --- Lisa 7 8.3 ----------------------------------------------------------------------------


def test_clause_lisa_7_8_3_the_student_contacts_the_host_two_weeks_before_the_start(run):
    def contacted(day):
        return lambda f: (done(f), placement(f).update(host_contacted=day))

    [late] = findings_of(run(contacted(date(2026, 8, 25)))[1], "host-contact")  # due 24.8
    assert late["clause"] == "Lisa 7 8.3" and "2026-08-24" in late["message"] and "14" in late["message"]
    assert findings_of(run(contacted(date(2026, 8, 24)))[1], "host-contact") == []
    [missing] = findings_of(run(contacted(None))[1], "host-contact")
    assert "not recorded" in missing["message"] or "märgitud" in missing["message"]


def test_clause_lisa_7_8_3_not_judged_before_the_contact_day(run):
    # the base P1 starts on 1.2.2027: its contact is due on 18.1.2027, after the as-of date
    code, doc = run(lambda f: None)
    assert findings_of(doc, "host-contact") == []


# --- Lisa 7 4.8, 4.7.9 ---------------------------------------------------------------------


def test_clause_lisa_7_4_8_the_defended_grade_is_entered_in_tahvel(run):
    [v] = findings_of(run(lambda f: done(f, entered=None))[1], "practice-grade-entered")
    assert v["clause"] == "Lisa 7 4.8, 4.7.9" and "2026-11-06" in v["message"] and v["path"].endswith("grade.final")


# --- Lisa 7 9.3.5 --------------------------------------------------------------------------


def test_clause_lisa_7_9_3_5_shortcomings_at_the_defense_need_a_repeat_defense(run):
    [v] = findings_of(run(lambda f: done(f, report=False, final=None))[1], "repeat-defense")
    assert v["clause"] == "Lisa 7 9.3.5" and "P1" in v["message"]
    [v] = findings_of(run(lambda f: done(f, final="2"))[1], "repeat-defense")
    assert findings_of(run(lambda f: done(f, final="2", repeat_defense=date(2026, 11, 20)))[1], "repeat-defense") == []


def test_clause_lisa_7_9_3_5_a_missed_defense_needs_a_repeat_defense(run):
    code, doc = run(lambda f: (done(f), placement(f).update(grade={"diary": True, "host_grade": 5, "report": True})))
    [v] = findings_of(doc, "repeat-defense")
    assert "repeat_defense" in v["hint"]


# --- Lisa 7 12.7.6 -------------------------------------------------------------------------


def test_clause_lisa_7_12_7_6_a_self_found_placement_abroad_hands_in_its_documents(run):
    def abroad(f, **documents):
        done(f)
        p = placement(f)
        p.update(kind="abroad", country="FI", language="en", self_found=True,
                 suitability={"date": date(2026, 8, 20), "by": "Kati Kask"})
        if documents:
            p["documents"] = documents

    [v] = findings_of(run(abroad)[1], "abroad-documents")
    assert v["clause"] == "Lisa 7 12.7.6, 12.7.5" and "returned" in v["message"] and "feedback" in v["message"]
    [v] = findings_of(run(lambda f: abroad(f, returned=date(2026, 11, 2)))[1], "abroad-documents")
    assert "returned" not in v["message"] and "feedback" in v["message"]
    assert findings_of(run(lambda f: abroad(f, returned=date(2026, 11, 2), feedback=date(2026, 11, 2)))[1],
                       "abroad-documents") == []
