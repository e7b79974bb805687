"""Study periods and grant rounds in words: `2026-autumn` is `2026-sügis` and `2027-spring` is
`2027-kevad` wherever Estonian output shows one (titles, messages, table cells, CSV, XLSX, the
calendar file); English keeps the id, and JSON keeps the id in every language. Periods are listed
by their start date, not as text."""

from __future__ import annotations

import csv
import io
import json
from datetime import date

from tests.conftest import base_data, write_data
from tests.test_grants import ROUND, applicant, cluster_with

STUDENTS = "students/TA-24.yaml"
AS_OF = "2026-11-23"


def test_period_text_writes_only_a_period_id_in_words():
    from cluster_cli.i18n import Period, iso_dates, period_text, t

    assert period_text("2026-autumn", "et") == "2026-sügis"
    assert period_text("2027-spring", "et") == "2027-kevad"
    assert period_text("2027-spring", "en") == "2027-spring"
    for other in ("2026-10", "2026-talv", "26-autumn", "autumn", ""):  # any other form as it is
        assert period_text(other, "et") == other
    assert t("grant.title.rank", "et", round=Period("2026-autumn")).endswith("voor 2026-sügis")
    with iso_dates():  # a JSON document keeps the id
        assert t("grant.title.rank", "et", round=Period("2026-autumn")).endswith("voor 2026-autumn")


def test_grants_rank_title_names_the_round_in_the_users_language(cli, tmp_path):
    root = write_data(tmp_path / "d", cluster_with([applicant("A1", 1), applicant("A2", 2)]))
    for typed in ("2026-sügis", ROUND):
        result = cli("grants", "rank", "--round", typed, "--data", root)
        assert result.exit_code == 0, result.output
        assert result.stdout.splitlines()[0] == "Põhitoetuse paremusjärjestus, voor 2026-sügis"
    english = cli("grants", "rank", "--round", "2026-sügis", "--data", root, "--lang", "en").stdout
    assert "2026-autumn" in english.splitlines()[0] and "sügis" not in english
    doc = json.loads(cli("grants", "rank", "--round", "2026-sügis", "--data", root, "--format", "json").stdout)
    assert doc["round"] == ROUND
    explained = cli("grants", "explain", "A1", "--round", ROUND, "--data", root).stdout
    assert explained.startswith("Voor 2026-sügis:")


def _two_periods(tmp_path):
    files = base_data()
    files["cluster.yaml"]["periods"].insert(0, {"id": "2026-spring", "start": date(2026, 2, 1),
                                                "end": date(2026, 6, 30)})
    files[STUDENTS][0]["attendance"] = [  # as text, "2026-autumn" sorts before "2026-spring"
        {"period": "2026-autumn", "lessons": 300, "unexcused": 25},
        {"period": "2026-spring", "lessons": 300, "unexcused": 3},
    ]
    return write_data(tmp_path / "d", files)


def test_debt_actions_and_attendance_show_periods_in_words_and_in_order(cli, tmp_path):
    root = _two_periods(tmp_path)
    args = ("debts", "--data", root, "--as-of", AS_OF)
    table = cli(*args, "--view", "actions").stdout
    assert "25 põhjuseta puudutud tundi (2026-sügis, piir 20)" in table
    assert "2026-autumn" not in table
    english = cli(*args, "--view", "actions", "--lang", "en").stdout
    assert "(2026-autumn, limit 20)" in english

    attendance = cli(*args, "--view", "attendance").stdout
    rows = [line for line in attendance.splitlines() if line.startswith("S1 ")]
    assert [r.split()[3] for r in rows] == ["2026-kevad", "2026-sügis"]  # by start date

    doc = json.loads(cli(*args, "--format", "json").stdout)
    student = next(s for s in doc["students"] if s["student"] == "S1")
    assert list(student["attendance"]) == ["2026-spring", "2026-autumn"]
    [reprimand] = [a for a in student["actions"] if a["code"] == "reprimand"]
    assert "(2026-autumn, piir 20)" in reprimand["message"]


def test_attendance_csv_and_xlsx_cells_show_periods_in_words(cli, tmp_path):
    from openpyxl import load_workbook

    root = _two_periods(tmp_path)
    args = ("debts", "--data", root, "--as-of", AS_OF, "--view", "attendance")
    rows = list(csv.reader(io.StringIO(cli(*args, "--format", "csv").stdout)))
    column = rows[0].index("Periood")
    assert [r[column] for r in rows[1:] if r[1] == "S1"] == ["2026-kevad", "2026-sügis"]
    rows = list(csv.reader(io.StringIO(cli(*args, "--format", "csv", "--lang", "en").stdout)))
    assert [r[3] for r in rows[1:] if r[1] == "S1"] == ["2026-spring", "2026-autumn"]

    out = tmp_path / "debts.xlsx"
    result = cli("debts", "--data", root, "--as-of", AS_OF, "--format", "xlsx", "--output", out)
    assert result.exit_code == 0, result.output
    sheet = load_workbook(out)["puudumised"]
    values = [row for row in sheet.iter_rows(values_only=True) if "S1" in row]
    assert [row[3] for row in values] == ["2026-kevad", "2026-sügis"]


def test_calendar_names_rounds_in_words_in_the_table_and_the_ics_file(cli, tmp_path):
    root = write_data(tmp_path / "d", base_data())
    ics = tmp_path / "deadlines.ics"
    args = ("calendar", "--data", root, "--as-of", "2026-08-20", "--days", "30")
    table = cli(*args, "--wide", "--ics", ics).stdout
    assert "voor 2026-sügis" in table and "2026-autumn" not in table
    assert "SUMMARY:Põhitoetuse taotlused: 2026-sügis" in ics.read_text(encoding="utf-8")
    doc = json.loads(cli(*args, "--format", "json").stdout)
    assert {e["subject"] for e in doc["events"] if e["kind"] == "grant-apply"} == {"2026-autumn"}
