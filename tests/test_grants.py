"""`cluster grants`: each eligibility reason with its clause, the ranking and every tie-break,
the fund by hand-computed figures, a month with a stop and a move-up, outputs read back."""

from __future__ import annotations

import csv
import io
import json
from datetime import date

import pytest
from stdnum.ee import ik

from tests.conftest import IBAN, base_data, write_data

STUDENTS = "students/TA-24.yaml"
ROUND = "2026-autumn"


def code_for(n: int) -> str:
    """A valid personal code of an adult born in 2000 (check digit from python-stdnum)."""
    base = f"5000101{n:03d}"
    return base + ik.calc_check_digit(base + "0")


def applicant(sid: str, n: int, grades=(4, 4), **extra) -> dict:
    s = {
        "id": sid,
        "first_name": f"Õpilane{n}",
        "last_name": "Test",
        "personal_code": code_for(n),
        "school": "vvttk",
        "curriculum": "150001",
        "group": "TA-24",
        "course": 2,
        "start": date(2025, 9, 1),
        "nominal_end": date(2028, 6, 30),
        "iban": IBAN,
        "status": [{"status": "active", "start": date(2025, 9, 1)}],
        "grades": [{"module": "M1", "kind": "assessment", "value": v, "date": date(2026, 3, 2 + i)}
                   for i, v in enumerate(grades)],
        "attendance": [{"period": "2026-spring", "lessons": 300, "unexcused": 0}],
        "applications": [{"kind": "basic", "round": ROUND, "submitted": date(2026, 9, 8)}],
    }
    s.update(extra)
    return s


def cluster_with(applicants, places=24, coefficient=None):
    files = base_data()
    files[STUDENTS] = applicants
    files["placements.yaml"] = None
    files["curricula.yaml"][0]["state_funded_places"] = places
    if coefficient is not None:
        files["profile.yaml"] = {"parameters": {"grant_fund_coefficient": {"values": {date(2022, 8, 25): coefficient}}}}
    return files


@pytest.fixture
def grants(cli, tmp_path):
    counter = iter(range(1000))

    def _run(files, *args):
        root = write_data(tmp_path / f"g{next(counter)}", files)
        result = cli("grants", *args, "--data", root, "--format", "json")
        assert result.exit_code == 0, result.output
        return json.loads(result.stdout)

    return _run


def excluded_reasons(doc, sid):
    return [(r["code"], r["clause"]) for e in doc["excluded"] if e["student"] == sid for r in e["reasons"]]


def ranked_ids(doc, curriculum="150001"):
    return [r["student"] for c in doc["curricula"] if c["curriculum"] == curriculum for r in c["ranking"]]


# --- eligibility, one reason at a time -----------------------------------------------------------


@pytest.mark.parametrize(
    "change, code, clause",
    [
        (lambda s: s["applications"][0].update(submitted=date(2026, 9, 11)), "late-application", "Lisa 11 IV.4"),
        (lambda s: s.update(course=1), "first-year", "Lisa 11 III.5"),
        (lambda s: s.update(residence="none"), "residence", "Lisa 11 III.1 a"),
        (lambda s: s.update(study_form="non_stationary"), "not-stationary", "Lisa 11 III.1.1"),
        (lambda s: s.update(state_funded=False), "no-state-place", "Lisa 11 III.1.1"),
        (lambda s: s.update(nominal_end=date(2026, 8, 31)), "nominal-duration", "Lisa 11 III.2.3, III.4"),
        (lambda s: s.update(status=[{"status": "active", "start": date(2025, 9, 1), "end": date(2026, 6, 30)},
                                    {"status": "academic_leave", "reason": "military", "start": date(2026, 7, 1),
                                     "end": date(2027, 1, 31)}]),
         "academic-leave", "Lisa 11 III.2.1, 6.7.8"),
        (lambda s: s.update(status=[{"status": "active", "start": date(2025, 9, 1), "end": date(2026, 8, 31)},
                                    {"status": "abroad", "start": date(2026, 9, 1), "end": date(2027, 1, 31)}]),
         "abroad", "4.12.6"),
        (lambda s: s["grades"].append({"module": "M2", "kind": "module", "value": 2, "date": date(2026, 6, 1)}),
         "debts", "Lisa 11 III.2.2"),
        (lambda s: s.update(violations=[{"date": date(2026, 4, 1), "kind": "suitsetamine", "clause": "V.6.1.7"}]),
         "violations", "Lisa 11 V.6"),
    ],
    ids=["IV.4-late", "III.5-first-year", "III.1-residence", "III.1.1-stationary", "III.1.1-state-place",
         "III.2.3-nominal", "III.2.1-leave", "4.12.6-abroad", "III.2.2-debts", "V.6-violations"],
)
def test_clause_lisa_11_eligibility_reason(grants, change, code, clause):
    s = applicant("A1", 1)
    change(s)
    doc = grants(cluster_with([s, applicant("A2", 2)]), "rank", "--round", ROUND)
    assert (code, clause) in excluded_reasons(doc, "A1")
    assert ranked_ids(doc) == ["A2"]  # the control student stays eligible


def test_clause_3_2_3_lisa_11_iii_1_1_vocational_choice_is_level_education_unless_the_school_says(grants):
    files = cluster_with([applicant("A1", 1)])
    cur = files["curricula.yaml"][0]
    cur.update(level=2, kind="vocational_choice", ekap=30)
    cur["modules"] = [{"id": "M1", "name": "Töö", "type": "core", "ekap": 30, "practical_work_ekap": 25}]
    doc = grants(files, "rank", "--round", ROUND)
    assert ranked_ids(doc) == ["A1"]  # 3.1.2, 3.2.3: level-2 study is level education
    files["profile.yaml"] = {"parameters": {"allowances_exclude_vocational_choice": {
        "values": {date(2022, 8, 25): True}}}}
    doc = grants(files, "rank", "--round", ROUND)
    assert ("not-level-education", "Lisa 11 III.1.1") in excluded_reasons(doc, "A1")


def test_clause_lisa_11_iii_3_unexcused_limit_is_the_schools_choice(grants):
    s = applicant("A1", 1, attendance=[{"period": "2026-spring", "lessons": 300, "unexcused": 30}])
    files = cluster_with([s])
    doc = grants(files, "rank", "--round", ROUND)
    assert ranked_ids(doc) == ["A1"]  # not used by default
    files["profile.yaml"] = {"parameters": {"grant_refuse_unexcused_over": {"values": {date(2022, 8, 25): 20}}}}
    doc = grants(files, "rank", "--round", ROUND)
    assert ("unexcused", "Lisa 11 III.3, 6.12.6") in excluded_reasons(doc, "A1")


def test_clause_lisa_11_iv_4_on_time_application_is_eligible(grants):
    s = applicant("A1", 1)
    s["applications"][0]["submitted"] = date(2026, 9, 10)
    doc = grants(cluster_with([s]), "rank", "--round", ROUND)
    assert ranked_ids(doc) == ["A1"]


def test_clause_lisa_11_iii_5_first_year_may_apply_in_spring(grants):
    s = applicant("A1", 1, course=1,
                  applications=[{"kind": "basic", "round": "2027-spring", "submitted": date(2027, 2, 5)}])
    s["grades"] = [{"module": "M1", "kind": "assessment", "value": 5, "date": date(2026, 10, 5)}]
    s["attendance"] = [{"period": "2026-autumn", "lessons": 300}]
    doc = grants(cluster_with([s]), "rank", "--round", "2027-spring")
    assert ranked_ids(doc) == ["A1"]
    assert doc["results_fixed"] == "2026-12-16"  # five days before the Christmas holiday (6.12.4)


# --- ranking and tie-breaks ------------------------------------------------------------------


def test_clause_lisa_11_v_2_ranking_by_criteria_in_priority(grants):
    doc = grants(cluster_with([applicant("A1", 1, grades=(4, 4)), applicant("A2", 2, grades=(5, 4)),
                               applicant("A3", 3, grades=(3, 4))]), "rank", "--round", ROUND)
    assert ranked_ids(doc) == ["A2", "A1", "A3"]
    first = doc["curricula"][0]["ranking"][0]
    assert first["components"]["weighted_average"] == "4.50" and first["decided_by"] == "weighted_average"


def _tied(n, **extra):
    return applicant(f"T{n}", n, grades=(4, 4), **extra)


@pytest.mark.parametrize(
    "better, worse, decided_by",
    [
        ({"achievements": [{"kind": "outstanding_results", "date": date(2026, 5, 1), "description": "Olümpiaad"}]}, {},
         "outstanding_results"),
        ({"achievements": [{"kind": "competition", "date": date(2026, 5, 1), "description": "Noor meister"}]}, {},
         "social_activity"),
        ({"attendance": [{"period": "2026-spring", "lessons": 300, "excused": 3}]},
         {"attendance": [{"period": "2026-spring", "lessons": 300, "excused": 9}]}, "attendance"),
        ({"income_previous_year": 3000}, {"income_previous_year": 5000}, "lower_income"),
    ],
    ids=["IV.3-outstanding", "IV.3-social", "IV.3-attendance", "IV.3-income"],
)
def test_clause_lisa_11_iv_3_tie_breaks_in_turn(grants, better, worse, decided_by):
    # T1 has the lower id, so only the tie-break can put T2 first.
    doc = grants(cluster_with([_tied(1, **worse), _tied(2, **better)]), "rank", "--round", ROUND)
    assert ranked_ids(doc) == ["T2", "T1"]
    ranking = doc["curricula"][0]["ranking"]
    assert ranking[0]["decided_by"] == decided_by and not ranking[0]["tie"]


def test_clause_lisa_11_iv_3_surviving_tie_is_reported_and_ordered_by_id(grants):
    doc = grants(cluster_with([_tied(2), _tied(1)]), "rank", "--round", ROUND)
    assert ranked_ids(doc) == ["T1", "T2"]
    assert all(r["tie"] for r in doc["curricula"][0]["ranking"])


def test_explain_tells_the_place_and_the_neighbours(cli, tmp_path):
    root = write_data(tmp_path / "d", cluster_with([applicant("A1", 1, grades=(4, 4)),
                                                      applicant("A2", 2, grades=(5, 4)),
                                                      applicant("A3", 3, grades=(3, 4), course=1)]))
    out = cli("grants", "explain", "A1", "--round", ROUND, "--data", root).stdout
    assert "Koht 2/2" in out
    assert "A2" in out and "Kaalutud keskmine" in out
    out = cli("grants", "explain", "A3", "--round", ROUND, "--data", root, "--lang", "en").stdout
    assert "Not eligible" in out and "first-year student may apply from February" in out
    result = cli("grants", "explain", "S404", "--round", ROUND, "--data", root)
    assert result.exit_code == 2


# --- the fund ------------------------------------------------------------------------------


def test_clause_lisa_11_ii_1_fund_by_hand(grants):
    # 60.00 € × 24 places × 0.60 = 864.00 € a month; ten months 8640.00 €; autumn 40 % = 3456.00 €
    # pays 11 allowances of 5 × 60 = 300 € (3300.00 €, 156.00 € left); spring 60 % = 5184.00 €
    # pays 17 (5100.00 €, 84.00 € left); the year's leftover 240.00 € feeds the special fund.
    doc = grants(cluster_with([applicant("A1", 1)]), "fund", "--year", "2026/2027")
    assert doc["months"][0] == {"month": "2026-09", "amount": "60.00", "coefficient": "0.6", "fund": "864.00"}
    assert (doc["total"], doc["distributable"]) == ("8640.00", "8640.00")
    autumn, spring = doc["rounds"]
    assert (autumn["share"], autumn["per_student"], autumn["curricula"][0]["grants"], autumn["used"]) == \
        ("3456.00", "300.00", 11, "3300.00")
    assert (spring["share"], spring["curricula"][0]["grants"], spring["used"]) == ("5184.00", 17, "5100.00")
    assert doc["leftover"] == "240.00"


def test_clause_lisa_12_1_4_the_fund_names_its_leftover_the_plans_and_points_to_the_transfer(cli, tmp_path):
    # The fund's leftover (240.00 €, see above) is the plan's: what whole allowances cannot use.
    # What the special fund receives is what the rounds do not award — `allowances special` shows
    # it. The fund's line must not claim that the 240.00 €
    # goes to the special fund.
    root = write_data(tmp_path / "g", cluster_with([applicant("A1", 1)]))
    for lang, label, wrong in (("en", "Plan's leftover", "Leftover (to the special"),
                               ("et", "Plaani jääk", "Jääk (eritoetuse fondi")):
        result = cli("grants", "fund", "--year", "2026/2027", "--data", root, "--view", "totals", "--lang", lang,
                     "--no-pager", "--format", "csv")
        assert result.exit_code == 0, result.output
        [row] = [r for r in result.stdout.splitlines() if label in r]
        assert "cluster allowances special" in row and "240.00" in row and wrong not in result.stdout


def _two_fields(files):
    files["curricula.yaml"].append({
        "code": "150002", "name": "IT-süsteemide spetsialist", "level": 5, "kind": "initial",
        "study_form": "school_based", "ekap": 120, "nominal_years": 2, "field": "Tehnika", "state_funded_places": 12,
        "modules": [{"id": "N1", "name": "Süsteemid", "type": "core", "ekap": 90, "practical_work_ekap": 40},
                    {"id": "N2", "name": "Praktika", "type": "core", "ekap": 30, "practice_ekap": 30}],
    })


def test_clause_lisa_11_ii_1_2_split_by_field_places_and_admin_share(grants):
    files = cluster_with([applicant("A1", 1)])
    _two_fields(files)
    files["profile.yaml"] = {"parameters": {"grant_admin_share": {"values": {date(2022, 8, 25): 0.03}}}}
    doc = grants(files, "fund", "--year", "2026/2027")
    # 36 places: 60 × 36 × 0.6 = 1296.00 a month, 12960.00 a year; 3 % = 388.80 administration;
    # 12571.20 to split 24 : 12 → 8380.80 and 4190.40; autumn 40 % → 3352.32 and 1676.16.
    assert (doc["total"], doc["administration"], doc["distributable"]) == ("12960.00", "388.80", "12571.20")
    assert [f["share"] for f in doc["fields"]] == ["8380.80", "4190.40"]
    autumn = {c["curriculum"]: c for c in doc["rounds"][0]["curricula"]}
    assert (autumn["150001"]["share"], autumn["150001"]["grants"]) == ("3352.32", 11)
    assert (autumn["150002"]["share"], autumn["150002"]["grants"], autumn["150002"]["leftover"]) == (
        "1676.16", 5, "176.16")


def test_clause_lisa_11_vi_1_split_within_field_by_eligible_applicants(grants):
    files = cluster_with([applicant("A1", 1), applicant("A2", 2), applicant("A3", 3)])
    _two_fields(files)
    files["curricula.yaml"][1]["field"] = files["curricula.yaml"][0]["field"]
    files["profile.yaml"] = {"parameters": {"grant_curriculum_split": {"values": {date(2022, 8, 25): "applicants"}}}}
    doc = grants(files, "fund", "--year", "2026/2027")
    autumn = {c["curriculum"]: c for c in doc["rounds"][0]["curricula"]}
    # All of the field's autumn share (60 × 36 × 0.6 × 10 × 40 % = 5184.00) goes to the curriculum with
    # the three eligible applicants; the other has none.
    assert (autumn["150001"]["eligible_applicants"], autumn["150001"]["share"]) == (3, "5184.00")
    assert autumn["150002"]["share"] == "0.00"


# --- monthly payments --------------------------------------------------------------------


def _month_data():
    # 3 places × 60 € × coefficient 1 = 180 € a month; autumn 40 % of 1800 € = 720 € pays 2 allowances.
    a1 = applicant("A1", 1, grades=(5, 5), status=[
        {"status": "active", "start": date(2025, 9, 1), "end": date(2026, 10, 14)},
        {"status": "academic_leave", "reason": "military", "start": date(2026, 10, 15), "end": date(2027, 6, 30)},
    ])
    return cluster_with([a1, applicant("A2", 2, grades=(5, 4)), applicant("A3", 3, grades=(4, 4))],
                        places=3, coefficient=1)


def test_clause_lisa_11_vii_2_stop_and_move_up(grants):
    files = _month_data()
    doc = grants(files, "report", "--month", "2026-10")
    assert [p["student"] for p in doc["payments"]] == ["A1", "A2"]  # on leave from 15 Oct: October still paid
    doc = grants(files, "report", "--month", "2026-11")
    assert [p["student"] for p in doc["payments"]] == ["A2", "A3"]
    a3 = next(p for p in doc["payments"] if p["student"] == "A3")
    assert a3["change"] == "moved_up" and a3["replaces"] == "A1" and "VII.2" in a3["note"]
    [stop] = doc["stopped"]
    assert stop["student"] == "A1" and stop["clause"] == "Lisa 11 III.2.1, 6.7.8"
    doc = grants(files, "report", "--month", "2026-12")
    assert [p["student"] for p in doc["payments"]] == ["A2", "A3"] and doc["stopped"] == []
    assert doc["total"] == "120.00"


def test_clause_lisa_11_v_4_v_5_payment_dates(grants):
    files = _month_data()
    assert grants(files, "report", "--month", "2026-09")["pay_by"] == "2026-10-26"  # September's in October
    assert grants(files, "report", "--month", "2026-11")["pay_by"] == "2026-11-26"
    assert grants(files, "report", "--month", "2026-12")["pay_by"] == "2026-12-23"  # 26th: Saturday, 24–25 holidays


def test_summer_month_pays_nothing(grants):
    doc = grants(_month_data(), "report", "--month", "2027-07")
    assert doc["payments"] == [] and doc["round"] is None


def test_report_csv_masks_bank_accounts_unless_asked(cli, tmp_path):
    root = write_data(tmp_path / "d", _month_data())
    out = tmp_path / "pay.csv"
    cli("grants", "report", "--month", "2026-11", "--data", root, "--format", "csv", "--output", out)
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))
    assert [r["Õpilane"] for r in rows] == ["A2", "A3"]
    assert all(IBAN not in r["Pangakonto"] and r["Pangakonto"].endswith("5685") for r in rows)
    cli("grants", "report", "--month", "2026-11", "--data", root, "--format", "csv", "--output", out, "--show-pii")
    first = out.read_bytes()
    rows = list(csv.DictReader(io.StringIO(first.decode("utf-8"))))
    assert all(r["Pangakonto"] == IBAN and r["Summa €"] == "60.00" for r in rows)
    cli("grants", "report", "--month", "2026-11", "--data", root, "--format", "csv", "--output", out, "--show-pii")
    assert out.read_bytes() == first  # byte-identical from cron


def test_rank_xlsx_read_back(cli, tmp_path):
    from openpyxl import load_workbook

    root = write_data(tmp_path / "d", _month_data())
    out = tmp_path / "rank.xlsx"
    result = cli("grants", "rank", "--round", ROUND, "--data", root, "--format", "xlsx", "--output", out)
    assert result.exit_code == 0
    wb = load_workbook(out)
    assert wb.sheetnames == ["pingerida", "välja jäetud", "parameetrid"]
    ids = [row[2] for row in wb["pingerida"].iter_rows(min_row=3, values_only=True)]  # title, header
    assert ids == ["A1", "A2", "A3"]


def test_usage_errors(cli, tmp_path):
    root = write_data(tmp_path / "d", _month_data())
    assert cli("grants", "rank", "--round", "2026-fall", "--data", root).exit_code == 2
    assert cli("grants", "fund", "--year", "2026/2028", "--data", root).exit_code == 2
    assert cli("grants", "report", "--month", "2026-13", "--data", root).exit_code == 2


# --- issue 16: a placement abroad is studying abroad (4.12.5 with 4.12.6) ---------------------


def _abroad_placement(files, sid, start, end, status="valid"):
    p = base_data()["placements.yaml"][0]
    p.update(id="VP1", student=sid, kind="abroad", status=status, start=start, end=end, country="DE", language="en",
             hours=None, ekap=None)
    p["hosts"][0].update(start=start, end=end)
    files["placements.yaml"] = [p]
    return files


def test_clause_4_12_5_4_12_6_placement_abroad_stops_the_basic_allowance(grants):
    # 4.12.5 "välismaale õppima (sh praktikale)": A2 on a placement abroad from 16 Nov 2026 is
    # studying abroad — November still paid, December stopped (4.12.6), A3 moves up. The fund
    # (3 places × 60 € × 1, autumn 720 €) pays 2 allowances.
    def files(status="valid"):
        students = [applicant("A1", 1, grades=(5, 5)), applicant("A2", 2, grades=(5, 4)),
                    applicant("A3", 3, grades=(4, 4))]
        return _abroad_placement(cluster_with(students, places=3, coefficient=1), "A2",
                                 date(2026, 11, 16), date(2027, 1, 15), status)

    assert [p["student"] for p in grants(files(), "report", "--month", "2026-11")["payments"]] == ["A1", "A2"]
    doc = grants(files(), "report", "--month", "2026-12")
    [stop] = doc["stopped"]
    assert (stop["student"], stop["clause"]) == ("A2", "4.12.6, 4.12.5") and "VP1" in stop["message"]
    assert [p["student"] for p in doc["payments"]] == ["A1", "A3"]
    # A cancelled placement abroad changes nothing.
    doc = grants(files("cancelled"), "report", "--month", "2026-12")
    assert [p["student"] for p in doc["payments"]] == ["A1", "A2"]


def test_clause_4_12_5_4_12_6_abroad_on_placement_when_applying(grants):
    files = _abroad_placement(cluster_with([applicant("A1", 1), applicant("A2", 2)]), "A1",
                              date(2026, 9, 1), date(2026, 10, 30))
    doc = grants(files, "rank", "--round", ROUND)
    assert ("abroad-placement", "4.12.6, 4.12.5") in excluded_reasons(doc, "A1")
    assert ranked_ids(doc) == ["A2"]
