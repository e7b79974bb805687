"""The student card (õpilaspilet, 4.2, Lisa 2, Lisa 1 I.15–I.16; issue 21, item 11) as the secretary
registers it: `student_card:` on the student. Mart (S1) of the base data is a third-year, Liis (S2)
a first-year entered in the list on 20.08.2026 (`admission:`)."""

from __future__ import annotations

from datetime import date

import pytest

from tests.conftest import base_data, findings_of, write_data

STUDENTS = "students/TA-24.yaml"
ADMISSION = {"date": date(2026, 8, 20), "directive": "1-3/45", "education": "basic",
             "documents": ["id_document", "application", "certificate", "guardian_consent"]}
CARD = {"number": "V-26-001", "issued": date(2026, 9, 3), "valid_until": date(2027, 9, 30)}


@pytest.fixture
def run(cli, tmp_path):
    counter = iter(range(1000))

    def _run(liis_card=None, mart_card=None, mart=None, liis=None):
        files = base_data()
        s1, s2 = files[STUDENTS]
        s2["admission"] = ADMISSION
        if liis_card is not None:
            s2["student_card"] = liis_card
        if mart_card is not None:
            s1["student_card"] = mart_card
        s1.update(mart or {})
        s2.update(liis or {})
        root = write_data(tmp_path / f"data{next(counter)}", files)
        return cli.validate_json(root)

    return _run


def clauses(doc, code="student-card"):
    return sorted(f["clause"] for f in findings_of(doc, code))


def test_clause_lisa_2_1_1_4_2_2_card_issued_after_the_entry_in_the_list(run):
    assert clauses(run(CARD)[1]) == []
    [v] = findings_of(run({**CARD, "issued": date(2026, 8, 10)})[1], "student-card")
    assert (v["clause"], v["severity"]) == ("Lisa 2 1.1, 4.2.2", "warning") and v["path"].endswith("issued")
    # Lisa 1 I.15: an admitted student gets a card
    [v] = findings_of(run()[1], "student-card")
    assert v["clause"] == "Lisa 1 I.15, 4.2.1" and "student_card" in v["hint"]


def test_clause_lisa_2_2_1_the_first_card_is_free(run):
    assert clauses(run({**CARD, "fee": "0.00"})[1]) == []
    [v] = findings_of(run({**CARD, "fee": "3.00"})[1], "student-card")
    assert v["clause"] == "Lisa 2 2.1" and v["path"].endswith("student_card.fee")


def test_clause_lisa_2_3_2_5_1_8_card_shows_valid_until_and_the_birth_date_without_a_code(run):
    no_date = {k: v for k, v in CARD.items() if k != "valid_until"}
    assert clauses(run(no_date)[1]) == ["Lisa 2 3.2.5"]
    foreign = {"personal_code": None, "foreign_document": {"country": "LV", "number": "LV1234567"}}
    assert clauses(run(CARD, liis=foreign)[1]) == ["Lisa 2 1.8"]
    assert clauses(run(CARD, liis={**foreign, "birth_date": date(2009, 12, 31)})[1]) == []


def test_clause_lisa_2_1_6_card_number_is_unique_in_the_school(run):
    code, doc = run(CARD, mart_card={**CARD, "issued": date(2024, 9, 4), "extended": [date(2026, 9, 8)]})
    [v] = findings_of(doc, "student-card")
    assert (v["clause"], v["severity"], code) == ("Lisa 2 1.6", "error", 1) and "S1" in v["message"]
    # a replacement's number counts too
    replaced = {**CARD, "replacements": [{"date": date(2026, 10, 1), "reason": "lost", "number": "V-24-017",
                                          "request": date(2026, 9, 30), "fee": "3.00"}]}
    mart_card = {"number": "V-24-017", "issued": date(2024, 9, 4), "extended": [date(2026, 9, 8)]}
    assert clauses(run(replaced, mart_card=mart_card)[1]) == ["Lisa 2 1.6", "Lisa 2 3.2.5"]


def test_clause_lisa_2_5_2_5_3_the_card_is_returned_on_leaving_and_its_destruction_registered(run):
    left = {"status": [{"status": "active", "start": date(2024, 9, 2), "end": date(2026, 10, 31)},
                       {"status": "expelled", "start": date(2026, 11, 1)}]}
    card = {"number": "V-24-017", "issued": date(2024, 9, 4), "valid_until": date(2026, 9, 30)}
    [v] = findings_of(run(CARD, mart_card=card, mart=left)[1], "student-card")
    assert v["clause"] == "Lisa 2 5.2, 4.2.6" and "2026-11-01" in v["message"]
    [v] = findings_of(run(CARD, mart_card={**card, "returned": date(2026, 11, 2)}, mart=left)[1], "student-card")
    assert v["clause"] == "Lisa 2 5.3" and v["path"].endswith("returned")
    done = {**card, "returned": date(2026, 11, 2), "destroyed": date(2026, 11, 5)}
    assert clauses(run(CARD, mart_card=done, mart=left)[1]) == []


def test_clause_lisa_2_6_1_6_4_4_2_4_a_new_card_on_a_written_request_for_3_eur(run):
    new = {"date": date(2026, 10, 14), "reason": "lost", "number": "V-26-050", "request": date(2026, 10, 12),
           "fee": "3.00"}
    assert clauses(run({**CARD, "replacements": [new]})[1]) == []
    no_request = {k: v for k, v in new.items() if k != "request"}
    assert clauses(run({**CARD, "replacements": [no_request]})[1]) == ["Lisa 2 6.1"]
    [v] = findings_of(run({**CARD, "replacements": [{**new, "fee": "5.00"}]})[1], "student-card")
    assert v["clause"] == "4.2.4, Lisa 2 6.2" and "3,00" in v["message"]


def test_clause_lisa_1_i_16_lisa_2_5_1_continuing_cards_extended_in_the_first_two_weeks_of_september(run):
    old = {"number": "V-24-017", "issued": date(2024, 9, 4), "valid_until": date(2027, 9, 30)}
    [v] = findings_of(run(CARD, mart_card=old)[1], "card-validity")
    assert (v["clause"], v["severity"]) == ("Lisa 1 I.16, Lisa 2 5.1", "warning") and "2026-09-15" in v["message"]
    assert findings_of(run(CARD, mart_card={**old, "extended": [date(2025, 9, 10), date(2026, 9, 9)]})[1],
                       "card-validity") == []
    # marked last year only
    assert len(findings_of(run(CARD, mart_card={**old, "extended": [date(2025, 9, 10)]})[1], "card-validity")) == 1
    # a first-year's card of this September needs no mark; an expired one does
    assert findings_of(run(CARD)[1], "card-validity") == []
    [v] = findings_of(run({**CARD, "valid_until": date(2026, 10, 31)})[1], "card-validity")
    assert v["clause"] == "Lisa 2 5.1" and v["path"].endswith("valid_until")
