"""`cluster calendar` chases a contract's signatures before the placement starts (4.11.5: the
contract is concluded before practice starts; Lisa 7 1.4: the school, the student — with the
legal representative for a minor — and each host sign): an event N working days before the
start, N the profile's `signatures_working_days_before`, naming who has not signed."""

from __future__ import annotations

import json
from datetime import date

from icalendar import Calendar

from tests.conftest import base_data, write_data


def _calendar(cli, root, as_of, *extra):
    result = cli("calendar", "--data", root, "--as-of", as_of, "--days", "120", *extra)
    assert result.exit_code == 0, result.output
    return result


def _signature_events(cli, root, as_of):
    doc = json.loads(_calendar(cli, root, as_of, "--format", "json").stdout)
    return [e for e in doc["events"] if e["kind"] == "signatures"]


def _review(files, **changes):
    p = files["placements.yaml"][0]
    p["status"] = "review"
    p.pop("signatures", None)  # nobody has signed yet
    p.update(changes)
    return files


def test_clause_4_11_5_lisa_7_1_4_signatures_chased_five_working_days_before_the_start(cli, tmp_path):
    root = write_data(tmp_path / "d", _review(base_data()))
    [e] = _signature_events(cli, root, "2027-01-04")
    # P1 starts Monday 1 February 2027: five working days before is Monday 25 January.
    assert e["date"] == "2027-01-25" and e["subject"] == "P1"
    assert e["clause"] == "4.11.5, Lisa 7 1.4"
    assert "Juhan Juhataja" in e["message"] and "Mart Tamm" in e["message"]
    assert "praktikakoht Koodikoda OÜ;" in e["message"] and "2027-02-01" in e["message"]


def test_clause_lisa_7_1_4_only_the_parties_that_have_not_signed_are_named(cli, tmp_path):
    files = _review(base_data(), signatures=[
        {"party": "school", "date": date(2027, 1, 5), "method": "digital"},
        {"party": "host", "member": "koodikoda", "date": date(2027, 1, 6), "method": "paper"},
    ])
    root = write_data(tmp_path / "d", files)
    [e] = _signature_events(cli, root, "2027-01-04")
    assert "Mart Tamm" in e["message"]
    assert "Juhan Juhataja" not in e["message"] and "Koodikoda" not in e["message"]


def test_clause_4_11_5_a_valid_or_fully_signed_contract_is_not_chased(cli, tmp_path):
    valid = write_data(tmp_path / "valid", base_data())  # P1 is `valid`
    assert _signature_events(cli, valid, "2027-01-04") == []
    signed = _review(base_data(), signatures=[
        {"party": "school", "date": date(2027, 1, 5)},
        {"party": "student", "date": date(2027, 1, 5)},
        {"party": "host", "member": "koodikoda", "date": date(2027, 1, 6)},
    ])
    assert _signature_events(cli, write_data(tmp_path / "signed", signed), "2027-01-04") == []


def test_clause_4_11_5_a_minor_s_legal_representative_is_chased_too(cli, tmp_path):
    files = _review(base_data(), student="S2")
    root = write_data(tmp_path / "d", files)
    [e] = _signature_events(cli, root, "2027-01-04")
    assert "Liis Kuusk" in e["message"] and "Anne Kuusk" in e["message"]


def test_clause_4_11_5_an_overdue_chase_stays_on_the_as_of_date_until_the_start(cli, tmp_path):
    root = write_data(tmp_path / "d", _review(base_data()))
    [e] = _signature_events(cli, root, "2027-01-28")
    assert e["date"] == "2027-01-28"
    assert _signature_events(cli, root, "2027-02-01") == []  # started: `validate`'s signed-contract


def test_the_number_of_working_days_comes_from_the_profile(cli, tmp_path):
    files = _review(base_data())
    files["profile.yaml"] = {"parameters": {
        "signatures_working_days_before": {"values": {date(2022, 8, 25): 10}}}}
    root = write_data(tmp_path / "d", files)
    [e] = _signature_events(cli, root, "2027-01-04")
    assert e["date"] == "2027-01-18"


def test_the_ics_file_names_parties_by_role_without_personal_names(cli, tmp_path):
    root = write_data(tmp_path / "d", _review(base_data()))
    out = tmp_path / "t.ics"
    _calendar(cli, root, "2027-01-04", "--ics", out)
    [event] = [c for c in Calendar.from_ical(out.read_bytes()).walk("VEVENT")
               if str(c.get("UID")).startswith("signatures-")]
    text = str(event.get("DESCRIPTION")) + str(event.get("SUMMARY"))
    assert "Mart Tamm" not in text and "Juhan Juhataja" not in text
    assert "õpilane" in text and "Koodikoda OÜ" in text
