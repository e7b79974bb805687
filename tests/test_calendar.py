"""`cluster calendar`: the deadlines ahead — placements (Lisa 7 4.1, 8.3, 4.6, 5.9), the basic
allowance (Lisa 11 IV.4, V.1, V.4–V.5), study debts (6.2.2) and returns from academic leave
(6.7.10, 6.8.2.5) — as a table, JSON, CSV and an iCalendar file parsed back with `icalendar`."""

from __future__ import annotations

import csv
import io
import json
import re
from datetime import date, datetime, timezone

import pytest

from tests.conftest import base_data, write_data

STUDENTS = "students/TA-24.yaml"


@pytest.fixture
def calendar(calendar_of):
    return calendar_of


def events(doc, kind=None, subject=None):
    return [(e["date"], e["kind"]) for e in doc["events"]
            if (kind is None or e["kind"] == kind) and (subject is None or e["subject"] == subject)]


def p1(files):
    return files["placements.yaml"][0]


# --- placements (Lisa 7) ----------------------------------------------------------------------


def test_clause_lisa_7_8_3_4_6_5_9_placement_deadlines(calendar):
    doc = calendar(base_data(), "2027-01-01", "--days", "120")
    assert events(doc, subject="P1") == [
        ("2027-01-18", "host-contact"),  # two weeks before 1 February (8.3)
        ("2027-04-02", "documents"),  # a week after 26 March (4.6)
        ("2027-04-09", "defense"),  # two weeks after (5.9)
    ]  # contract data was received on 10 January: no deadline left (4.1)


def test_clause_lisa_7_4_1_contract_data_a_week_before_unless_received(calendar):
    files = base_data()
    p1(files).pop("data_received")
    doc = calendar(files, "2027-01-01")
    assert ("2027-01-25", "contract-data") in events(doc, subject="P1")
    [e] = [e for e in doc["events"] if e["kind"] == "contract-data"]
    assert e["clause"] == "Lisa 7 4.1" and "P1" in e["message"] and "Koodikoda OÜ" in e["message"]


def test_a_placement_deadline_on_a_holiday_is_shown_on_the_working_day_before(calendar):
    files = base_data()
    p1(files)["end"] = p1(files)["hosts"][0]["end"] = date(2027, 2, 17)
    doc = calendar(files, "2027-01-01", "--days", "90")
    # 17 Feb + 7 days = 24 February, Independence Day → Tuesday 23 February
    assert ("2027-02-23", "documents") in events(doc, subject="P1")


def test_clause_lisa_7_5_9_a_recorded_defense_and_a_finished_placement_leave_the_calendar(calendar):
    files = base_data()
    p1(files)["grade"] = {"defense_date": date(2027, 4, 7), "committee": ["A", "B"]}
    assert ("2027-04-09", "defense") not in events(calendar(files, "2027-01-01", "--days", "120"))
    p1(files)["status"] = "finished"
    assert events(calendar(files, "2027-01-01", "--days", "120"), subject="P1") == []


def test_the_numbers_come_from_the_profile(calendar):
    files = base_data()
    files["profile.yaml"] = {"parameters": {"host_contact_days_before": {"values": {date(2022, 8, 25): 21}}}}
    assert ("2027-01-11", "host-contact") in events(calendar(files, "2027-01-01"), subject="P1")


# --- the basic allowance (Lisa 11) ------------------------------------------------------------


def test_clause_lisa_11_iv_4_v_1_v_4_applications_decisions_payments(calendar):
    doc = calendar(base_data(), "2027-01-20", "--days", "70")
    assert events(doc, "grant-apply") == [("2027-02-10", "grant-apply")]
    assert events(doc, "grant-decide") == [("2027-03-10", "grant-decide")]
    pay = dict((e["subject"], e["date"]) for e in doc["events"] if e["kind"] == "grant-pay")
    assert pay["2027-01"] == "2027-01-26"  # by the 26th (V.4)
    # February's may be paid in March (V.5); 26 March 2027 is Good Friday → Thursday 25 March
    assert pay["2027-02"] == "2027-03-25" and pay["2027-03"] == "2027-03-25"


# --- study debts (6.2.2) and academic leave (6.7.10) ------------------------------------------


def test_clause_6_2_2_debt_agreement_and_clearing_deadlines(calendar):
    files = base_data()
    files[STUDENTS][0]["grades"].append({"module": "M2", "kind": "assessment", "value": 2, "date": date(2026, 12, 18)})
    doc = calendar(files, "2026-12-21")
    assert events(doc, subject="S1") == [("2027-01-06", "debt-agree"), ("2027-01-08", "debt-clear")]
    files[STUDENTS][0]["grades"][-1]["resit_agreed"] = date(2026, 12, 21)
    assert events(calendar(files, "2026-12-21"), subject="S1") == [("2027-01-08", "debt-clear")]


def test_clause_6_7_10_return_from_academic_leave_and_6_8_2_5_two_weeks(calendar):
    files = base_data()
    files[STUDENTS][0]["status"] = [
        {"status": "active", "start": date(2024, 9, 2), "end": date(2026, 9, 30)},
        {"status": "academic_leave", "start": date(2026, 10, 1), "end": date(2027, 1, 31), "reason": "health",
         "evidence": "tõend"},
        {"status": "active", "start": date(2027, 2, 1)},
    ]
    doc = calendar(files, "2027-01-20")
    [e] = [e for e in doc["events"] if e["kind"] == "leave-return"]
    # A week after 31 Jan is Sunday 7 Feb and two weeks Sunday 14 Feb: each term moves to the
    # next working day (TsÜS § 136 (6)).
    assert (e["date"], e["subject"], e["clause"]) == ("2027-02-08", "S1", "6.7.10, 6.8.2.5")
    assert "2027-02-15" in e["message"]


# --- window, views, order ---------------------------------------------------------------------


def test_days_limits_the_window_and_events_are_in_date_order(calendar):
    doc = calendar(base_data(), "2027-01-01", "--days", "20")
    assert doc["until"] == "2027-01-21"
    dates = [e["date"] for e in doc["events"]]
    assert dates == sorted(dates) and all("2027-01-01" <= d <= "2027-01-21" for d in dates)
    assert "2027-04-02" not in dates


def test_csv_view_in_english(cli, tmp_path):
    root = write_data(tmp_path / "d", base_data())
    result = cli("calendar", "--data", root, "--as-of", "2027-01-01", "--format", "csv", "--lang", "en")
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    row = next(r for r in rows if r["About"] == "P1")
    assert (row["Date"], row["Day"], row["What"], row["Clause"]) == ("2027-01-18", "Mon", "Contact with the host",
                                                                     "Lisa 7 8.3")


# --- iCalendar --------------------------------------------------------------------------------


def test_ics_is_valid_all_day_reproducible_with_stable_uids(cli, tmp_path):
    from icalendar import Calendar

    from cluster_cli.i18n import period_text

    files = base_data()
    files[STUDENTS][0]["grades"].append({"module": "M2", "kind": "assessment", "value": 2, "date": date(2026, 11, 18)})
    root = write_data(tmp_path / "d", files)
    ics = tmp_path / "out" / "tahtajad.ics"
    ics.parent.mkdir()  # a missing folder is refused (tests/test_output_paths.py)
    args = ("calendar", "--data", root, "--as-of", "2026-11-23", "--days", "180", "--ics", ics, "--format", "json")
    result = cli(*args)
    assert result.exit_code == 0, result.output
    doc = json.loads(result.stdout)
    blob = ics.read_bytes()
    cal = Calendar.from_ical(blob)
    vevents = cal.walk("VEVENT")
    assert len(vevents) == len(doc["events"]) > 5
    assert str(cal["VERSION"]) == "2.0" and "cluster_cli" in str(cal["PRODID"])
    uids = [str(v["UID"]) for v in vevents]
    assert len(set(uids)) == len(uids) and uids == [e["uid"] for e in doc["events"]]
    for v, e in zip(vevents, doc["events"]):
        start, end = v.decoded("DTSTART"), v.decoded("DTEND")
        assert isinstance(start, date) and not isinstance(start, datetime)  # all-day
        assert start.isoformat() == e["date"] and (end - start).days == 1
        assert v.decoded("DTSTAMP") == datetime(2026, 11, 23, tzinfo=timezone.utc)  # pinned: reproducible
        # as the secretary writes them: a round 2027-spring as 2027-kevad, a month 2026-10 as 10.2026
        subject = e["subject"]
        shown = f"{subject[5:]}.{subject[:4]}" if re.fullmatch(r"\d{4}-\d{2}", subject) else period_text(subject, "et")
        assert str(v["SUMMARY"]).endswith(shown), (str(v["SUMMARY"]), subject)
    assert [p.name for p in ics.parent.iterdir()] == ["tahtajad.ics"]  # written atomically, no leftovers
    # the same data give the same bytes
    assert cli(*args).exit_code == 0 and ics.read_bytes() == blob
    # a moved deadline keeps its UID, so a re-import updates the event
    files["placements.yaml"][0]["start"] = files["placements.yaml"][0]["hosts"][0]["start"] = date(2027, 2, 8)
    root2 = write_data(tmp_path / "d2", files)
    moved = json.loads(cli("calendar", "--data", root2, "--as-of", "2026-11-23", "--days", "180",
                           "--format", "json").stdout)
    before = next(e for e in doc["events"] if e["kind"] == "host-contact")
    after = next(e for e in moved["events"] if e["kind"] == "host-contact")
    assert before["date"] != after["date"] and before["uid"] == after["uid"]


def test_calendar_help_has_an_example(cli):
    assert "Example" in cli("calendar", "--help", "--lang", "en").stdout
