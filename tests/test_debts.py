"""`cluster debts`: each rule of 6.1–6.3, 6.8.5, 6.11.5 and Lisa 4, named after its clause,
with dates that cross weekends and Estonian holidays; the report read back from JSON, CSV and
XLSX files."""

from __future__ import annotations

import csv
import io
import json
from datetime import date

import pytest

from tests.conftest import base_data, findings_of, write_data

STUDENTS = "students/TA-24.yaml"


def grade(module, value, day, kind="assessment", **extra):
    return {"module": module, "kind": kind, "value": value, "date": day, **extra}


@pytest.fixture
def debts(cli, tmp_path):
    counter = iter(range(1000))

    def _run(change, as_of, *extra):
        files = base_data()
        change(files)
        root = write_data(tmp_path / f"d{next(counter)}", files)
        result = cli("debts", "--data", root, "--as-of", as_of, "--format", "json", *extra)
        assert result.exit_code == 0, result.output
        return json.loads(result.stdout)

    return _run


def s1(files):
    return files[STUDENTS][0]


def student_doc(doc, sid="S1"):
    return next(s for s in doc["students"] if s["student"] == sid)


def action_codes(doc, sid="S1"):
    return [a["code"] for a in student_doc(doc, sid)["actions"]]


# --- the working-day calendar -------------------------------------------------------------


def test_working_days_skip_christmas_and_new_year():
    from cluster_cli.regulation.calendar import working_days

    cal = working_days(date(2026, 12, 18))
    assert cal.add(date(2026, 12, 18), 10) == date(2027, 1, 6)
    assert not cal.is_working_day(date(2026, 12, 24))  # Christmas Eve is a public holiday
    assert cal.deadline(date(2027, 2, 3), 21) == date(2027, 2, 25)  # 24 Feb, Independence Day


# --- 6.2.2 deadlines and states -----------------------------------------------------------


def test_clause_6_2_2_debt_on_18_december_agreed_by_6_january_cleared_by_8_january(debts):
    doc = debts(lambda f: s1(f)["grades"].append(grade("M2", 2, date(2026, 12, 18))), "2026-12-21")
    [d] = student_doc(doc)["debts"]
    assert (d["arose"], d["agree_by"], d["clear_by"]) == ("2026-12-18", "2027-01-06", "2027-01-08")
    assert d["state"] == "open"


def test_clause_6_2_2_clearing_deadline_on_a_holiday_moves_to_next_working_day(debts):
    doc = debts(lambda f: s1(f)["grades"].append(grade("M2", 2, date(2027, 2, 3))), "2027-02-10")
    [d] = student_doc(doc)["debts"]
    assert d["clear_by"] == "2027-02-25"


def test_clause_6_2_2_agreement_overdue_after_ten_working_days(debts):
    change = lambda f: s1(f)["grades"].append(grade("M2", 2, date(2026, 12, 18)))  # noqa: E731
    doc = debts(change, "2027-01-06")
    assert student_doc(doc)["debts"][0]["state"] == "open"
    doc = debts(change, "2027-01-07")
    assert student_doc(doc)["debts"][0]["state"] == "agreement_overdue"
    assert "agreement-overdue" in action_codes(doc)


def test_clause_6_2_2_recorded_agreement_keeps_debt_open(debts):
    doc = debts(lambda f: s1(f)["grades"].append(grade("M2", 2, date(2026, 12, 18), resit_agreed=date(2027, 1, 4))),
                "2027-01-07")
    assert student_doc(doc)["debts"][0]["state"] == "open"


def test_clause_6_2_2_expired_after_three_weeks_refers_to_round_table(debts):
    change = lambda f: s1(f)["grades"].append(grade("M2", "MA", date(2026, 12, 18)))  # noqa: E731
    doc = debts(change, "2027-01-08")
    assert student_doc(doc)["debts"][0]["state"] == "agreement_overdue"
    doc = debts(change, "2027-01-09")
    assert student_doc(doc)["debts"][0]["state"] == "expired"
    [a] = [a for a in student_doc(doc)["actions"] if a["code"] == "round-table"]
    assert a["clause"] == "6.2.2" and a["due"] == "2027-01-09" and "ümarlauda" in a["message"]


def test_clause_2_44_later_positive_result_of_same_topic_clears(debts):
    def change(f):
        s1(f)["grades"] += [
            grade("M2", 2, date(2026, 10, 1), topic="HTML"),
            grade("M2", 4, date(2026, 10, 8), topic="CSS"),  # another topic: does not clear
            grade("M2", 3, date(2026, 10, 15), topic="HTML"),
        ]

    doc = debts(change, "2026-11-23")
    [d] = student_doc(doc)["debts"]
    assert d["state"] == "cleared" and d["cleared_on"] == "2026-10-15" and d["topic"] == "HTML"
    # As of a day before the re-sit, the same debt is still open: the report is reproducible.
    doc = debts(change, "2026-10-14")
    assert student_doc(doc)["debts"][0]["state"] == "open"


def test_failed_resit_does_not_restart_the_clock(debts):
    def change(f):
        s1(f)["grades"] += [grade("M2", 2, date(2026, 10, 1)), grade("M2", 2, date(2026, 10, 12))]

    doc = debts(change, "2026-10-13")
    [d] = student_doc(doc)["debts"]
    assert d["arose"] == "2026-10-01"


def test_clause_4_6_4_8_x_counts_as_fail_after_two_weeks(debts):
    change = lambda f: s1(f)["grades"].append(grade("M2", "X", date(2026, 11, 2)))  # noqa: E731
    doc = debts(change, "2026-11-16")  # D + 14 is still within the two weeks
    [d] = student_doc(doc)["debts"]
    assert d["accounting"] is False and d["counts_as_fail_from"] == "2026-11-17"
    doc = debts(change, "2026-11-17")
    assert student_doc(doc)["debts"][0]["accounting"] is True


def test_clause_6_2_5_five_expired_accounting_debts_expulsion_may_be_proposed(debts):
    def change(f, n):
        f["curricula.yaml"][0]["modules"] += [
            {"id": f"E{i}", "name": f"Valik {i}", "type": "elective", "ekap": 1} for i in range(n)
        ]
        f["curricula.yaml"][0]["modules"][3]["ekap"] = 60
        f["curricula.yaml"][0]["modules"][0]["ekap"] = 40 - n
        s1(f)["grades"] += [grade(f"E{i}", 2, date(2026, 9, 7), kind="module") for i in range(n)]

    doc = debts(lambda f: change(f, 4), "2026-11-23")
    assert "expulsion-debts" not in action_codes(doc)
    doc = debts(lambda f: change(f, 5), "2026-11-23")
    [a] = [a for a in student_doc(doc)["actions"] if a["code"] == "expulsion-debts"]
    assert a["clause"] == "6.2.5" and a["urgency"] == 1
    assert student_doc(doc)["actions"][0]["code"] in ("expulsion-debts", "half-year-unsatisfactory")


def test_clause_6_2_3_placement_blocked_in_report_and_validate(debts, cli, tmp_path):
    change = lambda f: s1(f)["grades"].append(grade("M2", 2, date(2026, 11, 2)))  # noqa: E731
    doc = debts(change, "2026-11-23")
    [a] = [a for a in student_doc(doc)["actions"] if a["code"] == "placement-blocked"]
    assert a["due"] == "2027-02-01" and "P1" in a["message"]

    files = base_data()
    change(files)
    root = write_data(tmp_path / "v", files)
    code, vdoc = cli.validate_json(root, "--as-of", "2027-02-01")  # the start date (Lisa 7 8.2 "alguseks")
    assert code == 1
    [f] = findings_of(vdoc, "open-debts")
    assert f["clause"] == "6.2.3, Lisa 7 8.2" and f["severity"] == "error" and "M2" in f["message"]

    files["placements.yaml"][0]["debt_override"] = {"by": "õppedirektor Mari Maasikas",
                                                   "reason": "järeltöö kokku lepitud",
                                                   "date": date(2026, 11, 20)}
    root = write_data(tmp_path / "v2", files)
    code, vdoc = cli.validate_json(root)
    [f] = findings_of(vdoc, "open-debts")
    assert code == 0 and f["severity"] == "warning" and "Mari Maasikas" in f["message"]


def test_clause_6_2_3_cleared_debt_does_not_block(debts, cli, tmp_path):
    files = base_data()
    s1(files)["grades"] += [grade("M2", 2, date(2026, 11, 2)), grade("M2", 3, date(2026, 11, 10))]
    code, vdoc = cli.validate_json(write_data(tmp_path / "v", files))
    assert findings_of(vdoc, "open-debts") == [] and code == 0


def test_clause_6_8_5_half_of_subjects_unsatisfactory_at_half_year_end(debts):
    def change(f, bad):
        s1(f)["grades"] = [
            grade("M1", 4, date(2026, 5, 20), kind="period"),
            grade("M2", 2 if bad else 3, date(2026, 5, 21), kind="period"),
        ]

    doc = debts(lambda f: change(f, True), "2026-11-23")  # 1 of 2 = 50 % in 2026-spring
    [a] = [a for a in student_doc(doc)["actions"] if a["code"] == "half-year-unsatisfactory"]
    assert a["clause"] == "6.8.5" and "2026-spring" in a["message"]
    doc = debts(lambda f: change(f, False), "2026-11-23")
    assert not [s for s in doc["students"] if s["student"] == "S1"]


def _with_years(f):
    mods = f["curricula.yaml"][0]["modules"]
    for m, year in zip(mods, (1, 2, 2, 3)):
        m["year"] = year  # course 2 studies M2 (50) and M3 (30): the year's volume is 80 EKAP
    s1(f)["course"] = 2  # a next course to move to (6.3)


def test_clause_6_3_1_conditional_transfer_up_to_20_percent(debts):
    def change(f):
        _with_years(f)
        f["curricula.yaml"][0]["modules"][2].update(ekap=12, practice_ekap=12)  # M3: 12 of 62 ≤ 20 %
        f["curricula.yaml"][0]["modules"][0]["ekap"] = 58
        s1(f)["grades"].append(grade("M3", 2, date(2026, 11, 2), kind="module"))

    doc = debts(change, "2026-11-23")
    t = student_doc(doc)["transfer"]
    assert t["status"] == "conditional" and t["year_ekap"] == "62"
    # The placement P1 runs 1 Feb–26 Mar 2027, not at the new year's start (Monday 30 Aug 2027,
    # the Monday nearest to 1 September, 4.3.1): the debts are due within the new year's first month.
    assert t["clear_by"] == "2027-09-29"
    assert "transfer-conditional" in action_codes(doc)


def test_clause_6_3_1_no_transfer_above_20_percent(debts):
    def change(f):
        _with_years(f)
        s1(f)["grades"].append(grade("M2", 2, date(2026, 11, 2), kind="module"))  # 50 of 80

    doc = debts(change, "2026-11-23")
    assert student_doc(doc)["transfer"]["status"] == "none"
    assert "transfer-none" in action_codes(doc)


def test_clause_6_3_1_transfer_numbers_are_written_as_the_language_writes_them(debts):
    def change(f):
        _with_years(f)
        mods = f["curricula.yaml"][0]["modules"]
        mods[1]["ekap"], mods[2]["ekap"] = 50.0, 30.5  # the year: 80,5 EKAP; M2's 50,0 unfulfilled
        s1(f)["grades"].append(grade("M2", 2, date(2026, 11, 2), kind="module"))

    for lang, text in (("et", "täitmata 50 EKAP aasta 80,5 EKAP-ist (lubatud 20,0\u00a0%)"),
                       ("en", "50 of the year's 80.5 EKAP unfulfilled (allowed 20.0 %)")):
        doc = debts(change, "2026-11-23", "--lang", lang)
        messages = [a["message"] for a in student_doc(doc)["actions"] if a["code"] == "transfer-none"]
        assert len(messages) == 1 and text in messages[0], messages


def test_clause_6_3_1_practice_returnee_clears_within_three_weeks_of_return(debts):
    def change(f):
        _with_years(f)
        f["curricula.yaml"][0]["modules"][2].update(ekap=12, practice_ekap=12)
        f["curricula.yaml"][0]["modules"][0]["ekap"] = 58
        s1(f)["grades"].append(grade("M3", 2, date(2026, 11, 2), kind="module"))
        s1(f)["nominal_end"] = date(2028, 6, 30)
        p = f["placements.yaml"][0]
        p.update(status="draft", start=date(2027, 8, 23), end=date(2027, 9, 17), hours=None, ekap=None)
        p["hosts"][0].update(start=date(2027, 8, 23), end=date(2027, 9, 17))

    doc = debts(change, "2026-11-23")
    assert student_doc(doc)["transfer"]["clear_by"] == "2027-10-08"


def test_clause_6_11_5_council_member_with_expired_debt(debts):
    def change(f):
        s1(f)["student_council"] = True
        s1(f)["grades"].append(grade("M2", 2, date(2026, 9, 7)))

    doc = debts(change, "2026-11-23")
    assert "no-representation" in action_codes(doc)
    doc = debts(lambda f: s1(f)["grades"].append(grade("M2", 2, date(2026, 9, 7))), "2026-11-23")
    assert "no-representation" not in action_codes(doc)


def _final(f):
    mods = f["curricula.yaml"][0]["modules"]
    mods.append({"id": "LE", "name": "Lõpueksam", "type": "core", "ekap": 5, "final_exam": True})
    mods[0]["ekap"] = 35
    s1(f)["grades"] = [grade(m, 4, date(2026, 6, 1), kind="module") for m in ("M1", "M2", "M3", "G1")]


def test_clause_lisa_4_3_2_final_exam_admission_needs_all_modules(debts):
    doc = debts(lambda f: (_final(f), s1(f)["grades"].pop()), "2026-11-23")
    fe = student_doc(doc)["final_exam"]
    assert fe["admitted"] is False and fe["missing_modules"] == ["G1"]
    [a] = [a for a in student_doc(doc)["actions"] if a["code"] == "final-exam-not-admitted"]
    assert a["clause"] == "Lisa 4 3.2, 4.13.5"


def test_clause_lisa_4_3_4_three_attempts_and_4_5_no_show_counts(debts):
    def change(f, attempts):
        _final(f)
        s1(f)["grades"] += attempts

    fails = [grade("LE", 2, date(2026, 6, 10), kind="final"),
             grade("LE", "X", date(2026, 6, 20), kind="final", no_show=True)]
    doc = debts(lambda f: change(f, fails), "2026-11-23")
    fe = student_doc(doc)["final_exam"]
    assert (fe["attempts_used"], fe["attempts_left"]) == (2, 1)
    doc = debts(lambda f: change(f, fails + [grade("LE", 2, date(2026, 8, 20), kind="final")]), "2026-11-23")
    assert "final-exam-no-attempts" in action_codes(doc)


# --- attendance (5.3.1.1, 6.1) ------------------------------------------------------------


def _absences(f, sid_index, unexcused, lessons=300, excused=0, notified=False):
    f[STUDENTS][sid_index]["attendance"] = [
        {"period": "2026-autumn", "lessons": lessons, "unexcused": unexcused, "excused": excused,
         "reasons_notified": notified}
    ]


def test_clause_5_3_1_1_attendance_below_80_percent(debts):
    doc = debts(lambda f: _absences(f, 0, 10, excused=50), "2026-11-23")  # 240/300 = 80 %
    assert not doc["students"]
    doc = debts(lambda f: _absences(f, 0, 11, excused=50), "2026-11-23")
    [a] = [a for a in student_doc(doc)["actions"] if a["code"] == "attendance-duty"]
    assert "79,7\u00a0%" in a["message"] and a["clause"] == "5.3.1.1"  # Estonian: a decimal comma


def test_clause_6_1_8_minor_unexcused_notify_parent(debts):
    doc = debts(lambda f: _absences(f, 1, 1), "2026-11-23")
    assert action_codes(doc, "S2") == ["notify-parent"]
    assert "Anne Kuusk" in student_doc(doc, "S2")["actions"][0]["message"]
    doc = debts(lambda f: _absences(f, 0, 1), "2026-11-23")  # an adult: no parent to notify
    assert not doc["students"]


def test_clause_6_1_9_minor_with_20_unexcused_also_study_director(debts):
    doc = debts(lambda f: _absences(f, 1, 19), "2026-11-23")
    assert "notify-director" not in action_codes(doc, "S2")
    doc = debts(lambda f: _absences(f, 1, 20), "2026-11-23")
    assert "notify-director" in action_codes(doc, "S2")
    assert "reprimand" not in action_codes(doc, "S2")


def test_clause_6_1_10_1_more_than_20_unexcused_reprimand(debts):
    doc = debts(lambda f: _absences(f, 0, 21), "2026-11-23")
    [a] = [a for a in student_doc(doc)["actions"] if a["code"] == "reprimand"]
    assert a["clause"] == "6.1.10.1, 6.1.10.2"


def test_clause_6_1_10_3_more_than_100_unexcused_without_notice(debts):
    doc = debts(lambda f: _absences(f, 0, 101, lessons=600), "2026-11-23")
    assert "expulsion-absences" in action_codes(doc)
    doc = debts(lambda f: _absences(f, 0, 101, lessons=600, notified=True), "2026-11-23")
    assert "expulsion-absences" not in action_codes(doc)
    doc = debts(lambda f: _absences(f, 0, 100, lessons=600), "2026-11-23")
    assert "expulsion-absences" not in action_codes(doc)


# --- the command and its outputs ----------------------------------------------------------


def _report_data(tmp_path):
    files = base_data()
    s1(files)["grades"] += [grade("M2", 2, date(2026, 10, 1)), grade("M1", "MA", date(2026, 11, 9))]
    _absences(files, 1, 25)
    return write_data(tmp_path / "data", files)


def test_actions_sorted_by_urgency(cli, tmp_path):
    root = _report_data(tmp_path)
    doc = json.loads(cli("debts", "--data", root, "--as-of", "2026-11-23", "--format", "json").stdout)
    keys = [(a["urgency"], a["due"] or "9999") for a in doc["actions"]]
    assert keys == sorted(keys)
    assert doc["actions"][0]["code"] in ("round-table", "placement-blocked")


def test_csv_and_xlsx_read_back(cli, tmp_path):
    root = _report_data(tmp_path)
    out = tmp_path / "debts.csv"
    result = cli("debts", "--data", root, "--as-of", "2026-11-23", "--format", "csv", "--output", out)
    assert result.exit_code == 0
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))
    assert {(r["Moodul"], r["Seis"]) for r in rows} == {("M2", "aegunud"), ("M1", "lahtine")}
    actions = cli("debts", "--data", root, "--as-of", "2026-11-23", "--format", "csv", "--view", "actions",
                  "--lang", "en").stdout
    assert "notify director" in actions and "notify-director" not in actions and "What to do" in actions

    from openpyxl import load_workbook

    xlsx = tmp_path / "debts.xlsx"
    result = cli("debts", "--data", root, "--as-of", "2026-11-23", "--format", "xlsx", "--output", xlsx)
    assert result.exit_code == 0
    wb = load_workbook(xlsx)
    assert wb.sheetnames == ["õppegrupid", "võlgnevused", "tegevused", "puudumised", "parameetrid"]
    header = [c.value for c in wb["võlgnevused"][2]]  # row 1: the title
    assert header[:4] == ["Grupp", "Õpilane", "Nimi", "Moodul"]
    modules = sorted(row[3] for row in wb["võlgnevused"].iter_rows(min_row=3, values_only=True))
    assert modules == ["M1", "M2"]
    title = wb["võlgnevused"]["A1"].value  # the report's title names its date; the sheet does not repeat it
    assert title.count("23.11.2026") == 1 and "november" not in title and "seisuga" in title
    english = tmp_path / "debts-en.xlsx"
    cli("debts", "--data", root, "--as-of", "2026-11-23", "--output", english, "--lang", "en")
    assert load_workbook(english).sheetnames == ["groups", "debts", "actions", "attendance", "parameters"]
    first = xlsx.read_bytes()
    cli("debts", "--data", root, "--as-of", "2026-11-23", "--format", "xlsx", "--output", xlsx)
    assert xlsx.read_bytes() == first  # reproducible, zip timestamps included
    import zipfile

    with zipfile.ZipFile(xlsx) as z:  # not the wall clock, which openpyxl writes by default
        assert b"2026-11-23T00:00:00Z</dcterms:modified>" in z.read("docProps/core.xml")
        assert {i.date_time for i in z.infolist()} == {(1980, 1, 1, 0, 0, 0)}


def test_identical_input_identical_json(cli, tmp_path):
    root = _report_data(tmp_path)
    args = ("debts", "--data", root, "--as-of", "2026-11-23", "--format", "json")
    assert cli(*args).stdout == cli(*args).stdout


def test_filters_and_unknown_ids(cli, tmp_path):
    root = _report_data(tmp_path)
    result = cli("debts", "--data", root, "--as-of", "2026-11-23", "--format", "json", "--student", "S2")
    doc = json.loads(result.stdout)
    assert [s["student"] for s in doc["students"]] == ["S2"]
    result = cli("debts", "--data", root, "--student", "S99")
    assert result.exit_code == 2 and "S99" in result.stderr
    result = cli("debts", "--data", root, "--format", "xlsx")
    assert result.exit_code == 2 and "--output" in result.stderr


def test_table_output(cli, tmp_path):
    root = _report_data(tmp_path)
    result = cli("debts", "--data", root, "--as-of", "2026-11-23")
    assert result.exit_code == 0
    assert "Kokkuvõte gruppide kaupa" in result.stdout and "aegunud" in result.stdout


def test_report_refuses_broken_data(cli, tmp_path):
    files = base_data()
    files[STUDENTS][0]["course"] = "x"
    root = write_data(tmp_path / "data", files)
    result = cli("debts", "--data", root, "--as-of", "2026-11-23")
    assert result.exit_code == 2 and "cluster validate" in result.stderr


def test_clause_6_3_1_module_without_year_counts_its_share_of_a_year(debts):
    # No module has a year: each is spread over the 3 nominal years — M1 13.3, M2 16.7, M3 10,
    # G1 20 — so the year is 60 EKAP and 20 % of it is 12. S1 is in course 2 of 3.
    def change(module):
        def _change(f):
            s1(f)["course"] = 2
            s1(f)["grades"].append(grade(module, 2, date(2026, 11, 2), kind="module"))
        return _change

    doc = debts(change("M3"), "2026-11-23")
    t = student_doc(doc)["transfer"]
    assert (t["status"], t["unfulfilled_ekap"], t["year_ekap"]) == ("conditional", "10.0", "60.0")
    doc = debts(change("G1"), "2026-11-23")
    t = student_doc(doc)["transfer"]
    assert (t["status"], t["unfulfilled_ekap"]) == ("none", "20.0")


# --- issue 16: transfer only to a next course (6.3), not during leave (6.7.6) -----------------


def test_clause_6_3_last_course_has_no_transfer_but_the_final_exam(debts):
    # S1 is in course 3 of a 3-year curriculum: a debt in M3 is no question of a transfer —
    # the final exam's admission (4.13, Lisa 4 3.2) speaks instead.
    def change(f):
        _final(f)
        s1(f)["grades"].append(grade("M3", 2, date(2026, 11, 2), kind="module"))

    doc = debts(change, "2026-11-23")
    assert student_doc(doc)["transfer"]["status"] == "last_course"
    codes = action_codes(doc)
    assert not [c for c in codes if c.startswith("transfer")]
    assert "final-exam-not-admitted" in codes
    # The same debt in course 2 of 3 is a transfer question (6.3.1).
    doc = debts(lambda f: (change(f), s1(f).update(course=2)), "2026-11-23")
    assert student_doc(doc)["transfer"]["status"] == "conditional"
    assert "transfer-conditional" in action_codes(doc)


LEAVE = [{"status": "active", "start": date(2024, 9, 2), "end": date(2026, 10, 31)},
         {"status": "academic_leave", "start": date(2026, 11, 1), "end": date(2027, 8, 31), "reason": "health",
          "evidence": "tõend"}]


def test_clause_6_7_6_no_transfer_while_on_academic_leave(debts):
    # S1 in course 2, no debts, on leave: 6.7.6 — not transferred; the course's M2 and M3 not passed.
    def change(f):
        _with_years(f)
        s1(f)["status"] = LEAVE

    doc = debts(change, "2026-11-23")
    t = student_doc(doc)["transfer"]
    assert t["status"] == "leave"
    [a] = [a for a in student_doc(doc)["actions"] if a["code"] == "transfer-leave"]
    assert a["clause"] == "6.7.6" and "M2, M3" in a["message"] and "2026-11-01" in a["message"]
    # Without the leave the same student moves up in full.
    doc = debts(_with_years, "2026-11-23")
    assert not any(s["student"] == "S1" for s in doc["students"])


def test_clause_6_7_6_leave_with_the_course_fulfilled_transfers(debts):
    # "v.a õppekava täitmisel": the course's modules M2 and M3 passed before the leave.
    def change(f):
        _with_years(f)
        s1(f)["status"] = LEAVE
        s1(f)["grades"] += [grade("M2", 4, date(2026, 10, 20), kind="module"),
                            grade("M3", 5, date(2026, 10, 27), kind="module")]

    doc = debts(change, "2026-11-23")
    assert not any(s["student"] == "S1" for s in doc["students"])  # nothing to report: a full transfer


# --- issue 16: a leave that ended with no return recorded (6.7.10, 6.8.2.5) -------------------

ENDED_LEAVE = [{"status": "active", "start": date(2024, 9, 2), "end": date(2026, 9, 30)},
               {"status": "academic_leave", "start": date(2026, 10, 1), "end": date(2027, 1, 31),
                "reason": "health", "evidence": "tõend"}]


def test_clause_6_7_10_6_8_2_5_leave_ended_without_return_is_flagged_with_its_debts(debts, cli, tmp_path):
    def change(f):
        s1(f)["status"] = ENDED_LEAVE
        s1(f)["grades"].append(grade("M2", 2, date(2026, 9, 14)))  # expired on 5 Oct, during the leave
        s1(f)["grades"].append(grade("G1", 2, date(2027, 1, 29)))  # open: clear by 19 Feb

    # A week after Sunday 31 Jan is Sunday 7 Feb and two weeks Sunday 14 Feb: each moves to Monday.
    doc = debts(change, "2027-02-03")
    s = student_doc(doc)
    assert [d["module"] for d in s["debts"]] == ["M2", "G1"]  # still in the report, with the debts
    [a] = [a for a in s["actions"] if a["code"].startswith("leave-no-return")]
    assert (a["code"], a["clause"], a["due"], a["urgency"]) == ("leave-no-return", "6.7.10, 6.8.2.5", "2027-02-08", 2)
    assert "2027-02-08" in a["message"] and "2027-02-15" in a["message"]
    # After the week: the group supervisor's proposal to expel, due by 6.8.2.5's date.
    doc = debts(change, "2027-02-09")
    [a] = [a for a in student_doc(doc)["actions"] if a["code"].startswith("leave-no-return")]
    assert (a["code"], a["due"], a["urgency"]) == ("leave-no-return-expulsion", "2027-02-15", 1)
    # The group summary counts the student; the calendar keeps the open debt's events.
    assert doc["groups"][0]["students"] == 2
    files = base_data()
    change(files)
    root = write_data(tmp_path / "cal", files)
    events = json.loads(cli("calendar", "--data", root, "--as-of", "2027-02-09", "--format", "json").stdout)["events"]
    assert ("debt-clear", "2027-02-19") in [(e["kind"], e["date"]) for e in events if e["subject"] == "S1"]


def test_clause_6_7_10_recorded_return_or_removal_ends_the_flag(debts):
    for after in ({"status": "active", "start": date(2027, 2, 1)},
                  {"status": "expelled", "start": date(2027, 2, 8)}):
        def change(f, after=after):
            s1(f)["status"] = ENDED_LEAVE + [after]

        doc = debts(change, "2027-02-10")
        assert not [a for s in doc["students"] for a in s["actions"] if a["code"].startswith("leave-no-return")]
