"""Issue 21 F: the director's directives about a student (`directives:`) — admission (4.1.12,
4.1.15), study trips (4.4.6), study abroad (4.12.3), transfers (6.3.2, 6.7.6), removal (6.8.4)."""

from __future__ import annotations

from datetime import date

from tests.conftest import findings_of

ADMISSION = {"number": "1-2/45", "date": date(2024, 8, 26), "kind": "admission", "ehis": date(2024, 8, 28)}


def _s1(files):
    return files["students/TA-24.yaml"][0]  # adult, started 2024-09-02


def _s2(files):
    return files["students/TA-24.yaml"][1]  # minor, started 2026-09-01


def _directives(*items, who=_s1):
    def change(files):
        who(files)["directives"] = [dict(d) for d in items]
    return change


def test_clause_4_1_12_admitted_by_directive_and_in_ehis_by_the_start(validate_changed):
    code, doc = validate_changed(_directives(ADMISSION))
    assert findings_of(doc, "admission-directive") == []
    code, doc = validate_changed(_directives(dict(ADMISSION, ehis=date(2024, 9, 9))))
    [f] = findings_of(doc, "admission-directive")
    assert (f["severity"], f["clause"]) == ("warning", "4.1.12") and "2024-09-09" in f["message"]
    assert f["line"] > 0 and f["file"].endswith("TA-24.yaml")
    code, doc = validate_changed(_directives(dict(ADMISSION, date=date(2024, 9, 5))))
    assert [f["clause"] for f in findings_of(doc, "admission-directive")] == ["4.1.12"]
    code, doc = validate_changed(_directives({"number": "1-3/9", "date": date(2025, 1, 5), "kind": "other"}),
                                 "--lang", "en")
    [f] = findings_of(doc, "admission-directive")
    assert "no admission directive" in f["message"]


def test_clause_4_1_15_mid_year_admission_needs_application_documents_consent(validate_changed):
    def mid_year(directive):
        def change(files):
            _s2(files)["start"] = date(2026, 11, 16)
            _s2(files)["status"][0]["start"] = date(2026, 11, 16)
            _s2(files)["directives"] = [directive]
        return change

    admitted = {"number": "1-2/70", "date": date(2026, 11, 13), "kind": "admission", "ehis": date(2026, 11, 13)}
    code, doc = validate_changed(mid_year(admitted), "--lang", "en")
    [f] = findings_of(doc, "admission-directive")
    assert f["clause"] == "4.1.15, Lisa 1 IV.3" and (
        "the application, the documents, the study director's consent" in f["message"])
    full = dict(admitted, application=date(2026, 11, 2), documents=date(2026, 11, 5),
                study_director_consent=date(2026, 11, 10))
    code, doc = validate_changed(mid_year(full))
    assert findings_of(doc, "admission-directive") == []


def test_clause_4_4_6_study_trip_agreed_and_approved_by_directive(validate_changed):
    trip = {"number": "1-4/15", "date": date(2026, 10, 1), "kind": "study_trip", "start": date(2026, 10, 9),
            "place": "Tallinn", "agreed_with": ["student", "study_director"]}
    code, doc = validate_changed(_directives(ADMISSION, trip))
    assert findings_of(doc, "study-trip") == []
    code, doc = validate_changed(_directives(dict(trip, agreed_with=["student"])))
    [f] = findings_of(doc, "study-trip")
    assert f["clause"] == "4.4.6" and "õppedirektor" in f["message"] and "study_director" not in f["message"]
    # a minor: the student alone or the legal representative — either will do ("ja/või")
    code, doc = validate_changed(_directives(dict(trip, agreed_with=["study_director"]), who=_s2))
    [f] = findings_of(doc, "study-trip")
    assert "seaduslik esindaja" in f["message"]
    code, doc = validate_changed(_directives(dict(trip, date=date(2026, 10, 12))))
    assert [f["clause"] for f in findings_of(doc, "study-trip")] == ["4.4.6"]


def test_clause_4_12_3_abroad_by_directive_naming_place_and_period(validate_changed):
    def abroad(*items):
        def change(files):
            _s1(files)["status"] = [
                {"status": "active", "start": date(2024, 9, 2), "end": date(2026, 9, 13)},
                {"status": "abroad", "start": date(2026, 9, 14), "end": date(2026, 12, 18)},
                {"status": "active", "start": date(2026, 12, 19)},
            ]
            _s1(files)["directives"] = list(items)
        return change

    code, doc = validate_changed(abroad())
    [f] = findings_of(doc, "abroad-directive")
    assert f["clause"] == "4.12.3" and "2026-09-14" in f["message"]
    ok = {"number": "1-5/3", "date": date(2026, 9, 1), "kind": "abroad", "place": "Omnia, Espoo",
          "start": date(2026, 9, 14), "end": date(2026, 12, 18)}
    code, doc = validate_changed(abroad(ok))
    assert findings_of(doc, "abroad-directive") == []
    code, doc = validate_changed(abroad({k: v for k, v in ok.items() if k != "place"}))
    assert len(findings_of(doc, "abroad-directive")) == 1  # names no place


def test_clause_6_3_2_conditional_transfer_on_the_study_directors_submission(validate_changed):
    transfer = {"number": "1-2/113", "date": date(2026, 8, 29), "kind": "conditional_transfer"}
    code, doc = validate_changed(_directives(transfer))
    [f] = findings_of(doc, "transfer-directive")
    assert f["clause"] == "6.3.2"
    code, doc = validate_changed(_directives(dict(transfer, submission=date(2026, 8, 27))))
    assert findings_of(doc, "transfer-directive") == []


def test_clause_6_7_6_no_transfer_directive_during_academic_leave(validate_changed):
    def on_leave(files):
        _s1(files)["status"] = [
            {"status": "active", "start": date(2024, 9, 2), "end": date(2025, 6, 30)},
            {"status": "academic_leave", "start": date(2025, 7, 1), "end": date(2026, 6, 30),
             "reason": "military", "evidence": "kutse"},
            {"status": "active", "start": date(2026, 7, 1)},
        ]
        _s1(files)["directives"] = [{"number": "1-2/112", "date": date(2025, 8, 29), "kind": "transfer"}]

    code, doc = validate_changed(on_leave)
    [f] = findings_of(doc, "transfer-directive")
    assert f["clause"] == "6.7.6" and "2025-07-01" in f["message"]
    code, doc = validate_changed(_directives({"number": "1-2/112", "date": date(2025, 8, 29), "kind": "transfer"}))
    assert findings_of(doc, "transfer-directive") == []


def test_clause_6_8_4_removal_by_directive_entered_in_ehis(validate_changed):
    def removed(*items):
        def change(files):
            _s1(files)["status"] = [{"status": "active", "start": date(2024, 9, 2), "end": date(2026, 1, 29)},
                                    {"status": "expelled", "start": date(2026, 1, 30)}]
            _s1(files)["directives"] = list(items)
        return change

    code, doc = validate_changed(removed())
    [f] = findings_of(doc, "removal-directive")
    assert f["clause"] == "6.8.4" and f["severity"] == "warning"
    directive = {"number": "1-2/9", "date": date(2026, 1, 29), "kind": "removal"}
    code, doc = validate_changed(removed(directive))
    [f] = findings_of(doc, "removal-directive")
    assert "EHIS" in f["message"]
    code, doc = validate_changed(removed(dict(directive, ehis=date(2026, 1, 30))))
    assert findings_of(doc, "removal-directive") == []
