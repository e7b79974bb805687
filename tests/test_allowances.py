"""`cluster allowances`: the special allowance (Lisa 12), travel compensation (Lisa 14 bus,
Lisa 13 car) and school-lunch support (6.12.7–6.12.11) — a test per clause with hand-computed
amounts, through the real CLI, outputs read back from JSON, CSV and XLSX files."""

from __future__ import annotations

import csv
import io
import json
from datetime import date

import pytest
from stdnum.ee import ik

from tests.conftest import IBAN, base_data, write_data

STUDENTS = "students/TA-24.yaml"
OCTOBER = [1, 2, 5, 6, 7, 8, 9, 12, 13, 14, 15, 16, 26, 27, 28, 29, 30]  # school days (holiday 19–25 Oct)


def code_for(n: int, born: str = "080101") -> str:
    """A valid personal code of a man born on `born` (YYMMDD, 2000s)."""
    base = f"5{born}{n:03d}"
    return base + ik.calc_check_digit(base + "0")


def student(sid: str, n: int, born: str = "080101", **extra) -> dict:
    s = {
        "id": sid,
        "first_name": f"Õpilane{n}",
        "last_name": "Test",
        "personal_code": code_for(n, born),
        "school": "vvttk",
        "curriculum": "150001",
        "group": "TA-24",
        "course": 2,
        "start": date(2025, 9, 1),
        "nominal_end": date(2028, 6, 30),
        "iban": IBAN,
        "home_settlement": "Märjamaa alev",
        "status": [{"status": "active", "start": date(2025, 9, 1)}],
    }
    s.update(extra)
    return s


def cluster_with(students, profile=None, placements=False):
    files = base_data()
    files["members.yaml"][0]["settlement"] = "Vana-Vigala küla"
    files["cluster.yaml"]["school_holidays"].insert(
        0, {"name": "sügisvaheaeg", "start": date(2026, 10, 19), "end": date(2026, 10, 25)})
    files[STUDENTS] = students
    if not placements:
        files["placements.yaml"] = None
    if profile:
        files["profile.yaml"] = {"parameters": {k: {"values": {date(2022, 8, 25): v}} for k, v in profile.items()}}
    return files


@pytest.fixture
def run(cli, tmp_path):
    counter = iter(range(1000))

    def _run(kind, files, month, *args):
        root = write_data(tmp_path / f"a{next(counter)}", files)
        result = cli("allowances", kind, "--month", month, "--data", root, "--format", "json", *args)
        assert result.exit_code == 0, result.output
        return json.loads(result.stdout)

    return _run


# --- special allowance (eritoetus, Lisa 12) ---------------------------------------------------------


def special(month="2026-11", submitted=date(2026, 11, 5), evidence=("income",), **extra):
    app = {"kind": "special", "month": month, "submitted": submitted,
           "evidence": [{"kind": k} for k in evidence]}
    app.update(extra)
    return app


def applicant(sid, n, born="080101", app=None, **extra):
    return student(sid, n, born, applications=[app or special()], **extra)


def by_id(doc, key="applicants"):
    return {a["student"]: a for a in doc[key]}


def reasons_of(doc, sid, key="excluded"):
    return [(r["code"], r["clause"]) for r in by_id(doc, key)[sid]["reasons"]]


def basic(sid, n, **extra):
    """A student eligible for the basic allowance of the 2026 autumn round (Lisa 11 III.1):
    grades and attendance in the spring before, an application in time."""
    return student(sid, n, grades=[{"module": "M1", "kind": "assessment", "value": 4, "date": date(2026, 3, 2)}],
                   attendance=[{"period": "2026-spring", "lessons": 300, "unexcused": 0}],
                   applications=[{"kind": "basic", "round": "2026-autumn", "submitted": date(2026, 9, 8)}], **extra)


def test_clause_lisa_12_1_4_fund_receives_what_the_round_did_not_award(run):
    # Basic fund: 60 € × 24 places × 0.6 = 864.00 a month. Autumn 40 % of 8640.00 = 3456.00 could pay
    # 11 allowances of 300.00, but only the 2 eligible applicants are awarded (600.00): the special
    # fund receives 3456.00 − 600.00 = 2856.00 (1.4 "ülejäänud vahendid"), 571.20 a month — not
    # 3456.00 − 11 × 300.00 = 156.00, the plan's rounding rest.
    doc = run("special", cluster_with([applicant("A1", 1), basic("B1", 2), basic("B2", 3)]), "2026-11")
    f = doc["fund"]
    assert (f["basic_month_fund"], f["reserved"], f["round_share"], f["round_awarded"], f["round_leftover"],
            f["leftover_part"], f["total"]) == \
        ("864.00", "0.00", "3456.00", "600.00", "2856.00", "571.20", "571.20")
    # One of them on academic leave from August is not awarded: 300.00 more for the special fund.
    leave = [{"status": "active", "start": date(2025, 9, 1), "end": date(2026, 7, 31)},
             {"status": "academic_leave", "reason": "health", "start": date(2026, 8, 1)}]
    doc = run("special", cluster_with([applicant("A1", 1), basic("B1", 2), basic("B2", 3, status=leave)]),
              "2026-11")
    assert (doc["fund"]["round_awarded"], doc["fund"]["round_leftover"], doc["fund"]["leftover_part"]) == \
        ("300.00", "3156.00", "631.20")


def test_clause_lisa_12_1_4_share_of_the_basic_fund_is_taken_off_the_basic_allowances(run, cli, tmp_path):
    # 10 % of 864.00 = 86.40 a month to the special fund; the basic fund keeps 8640 − 864 = 7776.00:
    # autumn 40 % = 3110.40, one allowance awarded (300.00), leftover 2810.40 → 562.08 a month;
    # November's special fund 86.40 + 562.08 = 648.48.
    files = cluster_with([applicant("A1", 1), basic("B1", 2)], profile={"special_fund_share": 0.10})
    doc = run("special", files, "2026-11")
    assert (doc["fund"]["reserved"], doc["fund"]["leftover_part"], doc["fund"]["total"]) == \
        ("86.40", "562.08", "648.48")
    root = write_data(tmp_path / "fund", files)
    fund = json.loads(cli("grants", "fund", "--year", "2026/2027", "--data", root, "--format", "json").stdout)
    assert (fund["special_reserved"], fund["distributable"]) == ("864.00", "7776.00")
    # At most 50 % (1.4 "kuni 50%"): 0.8 is capped to 432.00.
    doc = run("special", cluster_with([applicant("A1", 1)], profile={"special_fund_share": 0.8}), "2026-11")
    assert doc["fund"]["reserved"] == "432.00"


def test_clause_lisa_12_1_4_uneven_leftover_spread_to_the_cent(run):
    # With 3 % administration: distributable 8640 − 259.20 = 8380.80; nobody applied for the basic
    # allowance, so nothing was awarded: autumn 3352.32 → 670.46 a month, January
    # 3352.32 − 4 × 670.46 = 670.48; spring 5028.48 → 1005.69 a month, June 5028.48 − 4 × 1005.69
    # = 1005.72. The ten months give exactly the distributable 8380.80.
    files = cluster_with([applicant("A1", 1)], profile={"grant_admin_share": 0.03})
    parts = {m: run("special", files, m)["fund"]["leftover_part"]
             for m in ("2026-09", "2026-10", "2026-11", "2026-12", "2027-01",
                       "2027-02", "2027-03", "2027-04", "2027-05", "2027-06")}
    assert (parts["2026-11"], parts["2027-01"], parts["2027-03"], parts["2027-06"]) == (
        "670.46", "670.48", "1005.69", "1005.72")
    assert sum(float(v) for v in parts.values()) == pytest.approx(8380.80)
    assert run("special", files, "2027-07")["fund"]["total"] == "0.00"  # no basic fund in July


@pytest.mark.parametrize(
    "change, code, clause",
    [
        (lambda s: s.update(residence="none"), "residence", "Lisa 12 2.1.1"),
        (lambda s: s.update(status=[{"status": "active", "start": date(2025, 9, 1), "end": date(2026, 10, 31)},
                                    {"status": "academic_leave", "reason": "health", "start": date(2026, 11, 1)}]),
         "academic-leave", "Lisa 12 2.1.2"),
        (lambda s: s.update(state_funded=False), "no-state-place", "Lisa 12 2.1.3"),
        (lambda s: s["applications"][0].update(evidence=[]), "no-evidence", "Lisa 12 2.2, 2.3"),
        (lambda s: s["applications"][0].update(submitted=date(2026, 11, 11)), "late-application", "Lisa 12 3.4"),
    ],
    ids=["2.1.1-residence", "2.1.2-leave", "2.1.3-state-place", "2.2-evidence", "3.4-late"],
)
def test_clause_lisa_12_2_eligibility(run, change, code, clause):
    s = applicant("A1", 1)
    change(s)
    doc = run("special", cluster_with([s, applicant("A2", 2)]), "2026-11")
    assert (code, clause) in reasons_of(doc, "A1")
    assert [a["student"] for a in doc["applicants"]] == ["A2"]


def test_clause_lisa_12_2_5_first_year_from_the_start(run):
    s = applicant("A1", 1, course=1, start=date(2026, 9, 1), app=special("2026-09", date(2026, 9, 7)))
    doc = run("special", cluster_with([s], profile={"special_fund_share": 0.5}), "2026-09")
    [a] = doc["applicants"]
    assert a["awarded"] and a["first_year"]
    assert ("first-year", "Lisa 12 2.5, 3.1") in [(n["code"], n["clause"]) for n in a["notes"]]


def test_clause_lisa_12_3_3_preference_order_and_own_household_at_21(run):
    young = applicant("Y1", 1, app=special(grounds=["parents_unemployed"]))
    hardship = applicant("H1", 2, app=special(grounds=["economic_hardship"]))
    older = applicant("O1", 3, born="050101", app=special(grounds=["parents_unemployed"]))  # 21 on the decision day
    doc = run("special", cluster_with([older, hardship, young]), "2026-11")
    assert [a["student"] for a in doc["applicants"]] == ["Y1", "H1", "O1"]
    first = doc["applicants"][0]
    assert first["decided_by"] == "parents_unemployed"
    assert first["grounds"] == [{"ground": "parents_unemployed", "clause": "Lisa 12 3.3.3"}]
    o1 = by_id(doc)["O1"]
    assert o1["own_household"] and o1["grounds"] == []
    assert ("ground-own-household", "Lisa 12 3.3") in [(n["code"], n["clause"]) for n in o1["notes"]]
    # The order is the school's setting: economic hardship first puts H1 first.
    files = cluster_with([older, hardship, young], profile={"special_preference_order": [
        "economic_hardship", "minor_dependants", "pensioner_parents", "parents_unemployed", "emergency",
        "single_parent", "disability", "parent_disability"]})
    assert [a["student"] for a in run("special", files, "2026-11")["applicants"]] == ["H1", "Y1", "O1"]


def test_clause_lisa_12_3_3_tie_is_marked_and_earlier_application_goes_first(run):
    a = applicant("A1", 1, app=special(grounds=["single_parent"], submitted=date(2026, 11, 8)))
    b = applicant("B1", 2, app=special(grounds=["single_parent"], submitted=date(2026, 11, 3)))
    c = applicant("C1", 3, app=special(grounds=["single_parent"], submitted=date(2026, 11, 8)))
    doc = run("special", cluster_with([c, a, b]), "2026-11")
    assert [x["student"] for x in doc["applicants"]] == ["B1", "A1", "C1"]
    assert doc["applicants"][0]["decided_by"] == "submitted"
    assert doc["applicants"][1]["tie"] and doc["applicants"][2]["tie"]


@pytest.mark.parametrize("count, accepted", [(1, False), (2, True)], ids=["one", "two"])
def test_clause_lisa_12_3_3_1_two_or_more_minor_dependants(run, count, accepted):
    doc = run("special", cluster_with([applicant("A1", 1, app=special(minor_dependants=count))]), "2026-11")
    assert ([g["ground"] for g in doc["applicants"][0]["grounds"]] == ["minor_dependants"]) is accepted


@pytest.mark.parametrize("level, accepted", [("moderate", True), ("severe", True), ("profound", True)])
def test_clause_lisa_12_3_3_7_profound_disability_counts_as_moderate_and_severe_do(run, level, accepted):
    """3.3.7 names "keskmise või raske puudega"; a profound disability is more than severe (a fortiori)."""
    doc = run("special", cluster_with([applicant("A1", 1, disability=level)]), "2026-11")
    assert ("disability" in [g["ground"] for g in doc["applicants"][0]["grounds"]]) is accepted


def test_clause_lisa_12_3_3_7_literal_reading_is_an_option(run):
    literal = {"special_disability_levels": {"student": ["moderate", "severe"],
                                             "parent": ["moderate", "severe", "profound"]}}
    doc = run("special", cluster_with([applicant("A1", 1, disability="profound")], profile=literal), "2026-11")
    assert "disability" not in [g["ground"] for g in doc["applicants"][0]["grounds"]]


@pytest.mark.parametrize(
    "kind, asked, amount, note",
    [
        ("normal", None, "60.00", None),
        ("normal", "80.00", "60.00", ("amount-capped", "Lisa 12 5.1")),
        ("raised", "150.00", "150.00", None),
        ("raised", "250.00", "200.00", ("amount-capped", "Lisa 12 5.2")),
        ("raised", None, "200.00", None),
        ("partial", None, "30.00", None),
        ("partial", "45.00", "30.00", ("amount-partial", "Lisa 12 5.2")),
    ],
    ids=["5.1-normal", "5.1-capped", "5.2-raised", "5.2-raised-capped-200", "5.2-raised-default", "5.2-partial",
         "5.2-partial-is-50%"],
)
def test_clause_lisa_12_5_amounts(run, kind, asked, amount, note):
    app = special(amount_kind=kind, **({"amount": float(asked)} if asked else {}))
    files = cluster_with([applicant("A1", 1, app=app)], profile={"special_fund_share": 0.5})
    [a] = run("special", files, "2026-11")["applicants"]
    assert a["amount"] == amount and a["awarded"]
    if note:
        assert note in [(n["code"], n["clause"]) for n in a["notes"]]


def test_clause_lisa_12_5_3_crisis_one_off_up_to_six_months(run):
    files = cluster_with([
        applicant("A1", 1, app=special(grounds=["emergency"], amount_kind="crisis", amount=400,
                                       evidence=["accident_report"])),
        applicant("A2", 2, app=special(grounds=["economic_hardship"], amount_kind="crisis", amount=400)),
    ], profile={"special_fund_share": 0.5})
    doc = run("special", files, "2026-11")
    a1, a2 = by_id(doc)["A1"], by_id(doc)["A2"]
    assert (a1["kind"], a1["amount"]) == ("crisis", "360.00")  # 6 × 60.00
    assert (a2["kind"], a2["amount"]) == ("normal", "60.00")  # no documented accident or crisis (3.3.4)
    assert ("crisis-needs-emergency", "Lisa 12 5.3, 3.3.4") in [(n["code"], n["clause"]) for n in a2["notes"]]


def test_clause_lisa_12_3_2_allocation_within_the_fund_by_preference(run):
    # Fund 108.48 (10 % reserved, 10 basic allowances awarded, see 1.4 above): P1 60.00 → 48.48 left;
    # P2's 300.00 does not fit; P3 30.00 → 18.48 left.
    files = cluster_with([
        applicant("P1", 1, app=special(minor_dependants=3)),
        applicant("P2", 2, app=special(grounds=["emergency"], amount_kind="crisis", amount=300)),
        applicant("P3", 3, app=special(grounds=["economic_hardship"], amount_kind="partial")),
        *(basic(f"B{i}", 10 + i) for i in range(10)),
    ], profile={"special_fund_share": 0.10})
    doc = run("special", files, "2026-11")
    assert [(a["student"], a["amount"], a["awarded"]) for a in doc["applicants"]] == \
        [("P1", "60.00", True), ("P2", "300.00", False), ("P3", "30.00", True)]
    assert ("fund-exhausted", "Lisa 12 1.4, 3.2.1") in [(n["code"], n["clause"]) for n in by_id(doc)["P2"]["notes"]]
    assert (doc["fund"]["awarded"], doc["fund"]["remaining"]) == ("90.00", "18.48")


@pytest.mark.parametrize(
    "month, apply_by, decide_by, pay_by, appeal_by",
    [
        ("2026-11", "2026-11-10", "2026-11-13", "2026-11-26", "2026-11-27"),  # 15th a Sunday
        ("2026-12", "2026-12-10", "2026-12-15", "2026-12-23", "2026-12-31"),  # 26th a Saturday; 24–26 Dec holidays
    ],
)
def test_clause_lisa_12_3_4_3_5_3_7_cycle_dates(run, month, apply_by, decide_by, pay_by, appeal_by):
    doc = run("special", cluster_with([applicant("A1", 1)]), month)
    assert (doc["applications_by"], doc["decision_by"], doc["pay_by"], doc["appeal_by"]) == \
        (apply_by, decide_by, pay_by, appeal_by)
    assert doc["appeal_review_working_days"] == 10


# --- travel: bus (Lisa 14) ------------------------------------------------------------------------


def bus(days, cost=2.60, submitted=date(2026, 11, 4), month="2026-10", holiday=(), **extra):
    app = {"kind": "travel", "month": month, "submitted": submitted,
           "journeys": [{"date": date(int(month[:4]), int(month[5:]), d), "cost": cost,
                         **({"holiday": True} if d in holiday else {})}
                        for d in days]}
    app.update(extra)
    return app


def traveller(sid, n, app, attended=None, **extra):
    s = student(sid, n, applications=[app], **extra)
    if attended is not None:
        s["school_days"] = [{"month": app["month"], "days": 17, "attended": attended}]
    return s


def claim(doc, sid, mode="bus"):
    return next(c for c in doc["claims"] if c["student"] == sid and c["mode"] == mode)


def refused(c):
    return [(j["date"], j["clause"]) for j in c["journeys"] if not j["accepted"]]


def test_clause_lisa_14_2_4_commuter_one_round_trip_per_school_day(run):
    # Three school days at 2.60 = 7.80; 20 October is in the autumn holiday; the second trip on 5 October is over.
    app = bus([1, 2, 5, 5, 20])
    doc = run("travel", cluster_with([traveller("C1", 1, app, attended=17)]), "2026-11")
    c = claim(doc, "C1")
    assert (c["category"], c["allowed"], c["accepted_trips"], c["amount"]) == ("commuter", 17, 3, "7.80")
    assert refused(c) == [("2026-10-05", "Lisa 14 2.4"), ("2026-10-20", "Lisa 14 2.4")]
    assert c["pay_by"] == "2026-11-25" and doc["bus_pay_by"] == "2026-11-25" and doc["bus_report_due"] == "2026-11-05"


def test_clause_lisa_14_2_6_days_not_attended_may_be_refused(run):
    app = bus([1, 2, 5])
    files = cluster_with([traveller("C1", 1, app, attended=2)])
    c = claim(run("travel", files, "2026-11"), "C1")
    assert (c["allowed"], c["amount"]) == (2, "5.20")  # 2 days attended × 2.60
    # Refusing is the school's right, not a duty (2.6 "on õigus keelduda"): switched off, all three count.
    files = cluster_with([traveller("C1", 1, app, attended=2)], profile={"bus_refuse_leave_and_absence": False})
    assert claim(run("travel", files, "2026-11"), "C1")["amount"] == "7.80"


def test_clause_lisa_14_2_6_academic_leave_days(run):
    status = [{"status": "active", "start": date(2025, 9, 1), "end": date(2026, 10, 8)},
              {"status": "academic_leave", "reason": "health", "start": date(2026, 10, 9)}]
    c = claim(run("travel", cluster_with([traveller("C1", 1, bus([1, 12]), status=status)]), "2026-11"), "C1")
    assert c["amount"] == "2.60" and refused(c) == [("2026-10-12", "Lisa 14 2.6")]


def test_clause_lisa_14_2_2_dormitory_vocational_secondary_weekly_and_holidays(run):
    # Weeks with school days: 40, 41, 42, 44 + the autumn holiday = 5 allowed. 1 Oct accepted, 2 Oct a second trip
    # in week 40; 16 Oct the holiday trip; 21 Oct in the holiday week; 30 Oct accepted: 3 × 4.90 = 14.70.
    app = bus([1, 2, 16, 21, 30], cost=4.90, holiday=(16,))
    c = claim(run("travel", cluster_with([traveller("D1", 1, app, dormitory=True)]), "2026-11"), "D1")
    assert (c["category"], c["clause"], c["allowed"], c["amount"]) == ("dormitory_lower", "Lisa 14 2.2", 5, "14.70")
    assert refused(c) == [("2026-10-02", "Lisa 14 2.2"), ("2026-10-21", "Lisa 14 2.2")]


@pytest.mark.parametrize("level, kind", [(4, "initial"), (5, "initial")])
def test_clause_lisa_14_2_3_dormitory_level_4_or_5_two_a_month(run, level, kind):
    files = cluster_with([traveller("D1", 1, bus([2, 9, 14, 16], cost=6.20, holiday=(16,)), dormitory=True)])
    files["curricula.yaml"][0].update(level=level, kind=kind, ekap=120)
    c = claim(run("travel", files, "2026-11"), "D1")
    # 2 Oct and 9 Oct, then the holiday trip; 14 Oct is the third regular trip: 3 × 6.20 = 18.60.
    assert (c["category"], c["allowed"], c["amount"]) == ("dormitory_higher", 3, "18.60")
    assert refused(c) == [("2026-10-14", "Lisa 14 2.3")]


@pytest.mark.parametrize("home", ["Vana-Vigala küla", "vana-vigala  KÜLA"])
def test_clause_lisa_14_2_7_nothing_within_the_schools_settlement(run, home):
    doc = run("travel", cluster_with([traveller("C1", 1, bus([1, 2]), attended=17, home_settlement=home)]), "2026-11")
    c = claim(doc, "C1")
    assert not c["payable"] and c["amount"] == "0.00"
    assert ("same-settlement", "Lisa 14 2.7") in [(r["code"], r["clause"]) for r in c["reasons"]]
    assert doc["total"] == "0.00"


@pytest.mark.parametrize(
    "change, code, clause",
    [
        (lambda s: s.update(study_form="non_stationary"), "not-stationary", "Lisa 14 1.2"),
        (lambda s: s.update(state_funded=False), "no-state-place", "Lisa 14 2.1"),
        (lambda s: s.pop("home_settlement"), "home-settlement-missing", "Lisa 14 1.2"),
        (lambda s: s["applications"][0].update(submitted=date(2026, 11, 6)), "late-report", "Lisa 14 3.4"),
    ],
    ids=["1.2-stationary", "2.1-state-place", "1.2-home-unknown", "3.4-late"],
)
def test_clause_lisa_14_whole_claim_refused(run, change, code, clause):
    s = traveller("C1", 1, bus([1, 2]), attended=17)
    change(s)
    c = claim(run("travel", cluster_with([s]), "2026-11"), "C1")
    assert (code, clause) in [(r["code"], r["clause"]) for r in c["reasons"]] and c["amount"] == "0.00"


def test_clause_lisa_14_3_4_report_on_the_5th_is_in_time_and_tickets_are_needed(run):
    app = bus([1, 2], submitted=date(2026, 11, 5))
    app["journeys"].append({"date": date(2026, 10, 5)})  # no ticket
    c = claim(run("travel", cluster_with([traveller("C1", 1, app, attended=17)]), "2026-11"), "C1")
    assert c["amount"] == "5.20" and refused(c) == [("2026-10-05", "Lisa 14 3.4")]


def test_clause_lisa_14_3_1_2_commuters_monthly_pass(run):
    c = claim(run("travel", cluster_with([traveller("C1", 1, bus([], monthly_pass=27.00), attended=16)]), "2026-11"),
              "C1")
    assert c["amount"] == "27.00" and c["payable"]


@pytest.mark.parametrize("run_month, pay_by",
                         [("2026-11", "2026-11-25"), ("2026-07", "2026-07-24"), ("2027-01", "2027-01-25")])
def test_clause_lisa_14_3_6_paid_by_the_25th(run, run_month, pay_by):
    doc = run("travel", cluster_with([student("C1", 1)]), run_month)
    assert doc["bus_pay_by"] == pay_by  # 25 July 2026 is a Saturday: the Friday before


# --- travel: car (Lisa 13) --------------------------------------------------------------------------


def car(km=(24,) * 10, receipts=(30.15, 15.15), month="2026-10", submitted=date(2026, 11, 4), days=OCTOBER, **extra):
    y, m = int(month[:4]), int(month[5:])
    app = {"kind": "travel", "mode": "car", "month": month, "submitted": submitted, "car_registration": "512 BKL",
           "route": "Kivi-Vigala – Vana-Vigala", "no_public_transport": True,
           "journeys": [{"date": date(y, m, d), "km": k} for d, k in zip(days, km)],
           "fuel_receipts": [{"date": date(y, m, 3), "amount": r} for r in receipts]}
    app.update(extra)
    return app


def driver(app, attended=17, **extra):
    extra.setdefault("home_settlement", "Kivi-Vigala küla")
    s = student("K1", 1, applications=[app], **extra)
    s["school_days"] = [{"month": app["month"], "days": 17, "attended": attended}]
    return s


@pytest.mark.parametrize(
    "km, receipts, amount, computed",
    [
        ((24,) * 10, (30.15, 15.15), "14.40", "14.40"),  # 240 km × 0.06
        ((23.5,) * 7, (50,), "9.87", "9.87"),  # 164.5 km × 0.06 = 9.87
        ((12.25,) * 3, (50,), "2.21", "2.21"),  # 36.75 km × 0.06 = 2.205 → 2.21 (half up)
        ((24,) * 10, (10.00,), "10.00", "14.40"),  # at most the fuel receipts (2.3)
    ],
    ids=["240km", "164.5km", "half-up", "receipts-cap"],
)
def test_clause_lisa_13_3_1_six_cents_a_km_up_to_the_fuel_receipts(run, km, receipts, amount, computed):
    doc = run("travel", cluster_with([driver(car(km=km, receipts=receipts))]), "2026-11")
    c = claim(doc, "K1", "car")
    assert (c["amount"], c["computed"], c["payable"], c["pay_by"]) == (amount, computed, True, "2026-11-26")


@pytest.mark.parametrize("attended, record", [(16, True), (17, False)], ids=["16-of-17", "not-recorded"])
def test_clause_lisa_13_3_2_only_with_full_attendance(run, attended, record):
    s = driver(car(), attended=attended)
    if not record:
        s.pop("school_days")
    c = claim(run("travel", cluster_with([s]), "2026-11"), "K1", "car")
    expected = "attendance-below" if record else "attendance-unknown"
    assert expected in [r["code"] for r in c["reasons"]] and c["amount"] == "0.00"


@pytest.mark.parametrize(
    "disability, mobility, evidence, paid",
    [("severe", True, True, True), ("profound", True, True, True), ("moderate", True, True, False),
     ("severe", False, True, False), ("severe", True, False, False)],
    ids=["severe", "profound", "moderate", "not-mobility", "no-proof-2.4"],
)
def test_clause_lisa_13_1_2_severe_or_profound_mobility_disability(run, disability, mobility, evidence, paid):
    app = car(no_public_transport=False, evidence=[{"kind": "disability_decision"}] if evidence else [])
    c = claim(run("travel", cluster_with([driver(app, disability=disability, mobility_disability=mobility)]),
                  "2026-11"),
              "K1", "car")
    assert c["payable"] is paid
    if not paid:
        assert {r["clause"] for r in c["reasons"]} & {"Lisa 13 1.1, 1.2, 2.2", "Lisa 13 2.4"}


def test_clause_lisa_13_2_4_disability_proof_from_the_first_application_holds(run):
    first = car(month="2026-09", submitted=date(2026, 10, 2), no_public_transport=False,
                evidence=[{"kind": "disability_decision"}], days=[1, 2])
    later = car(no_public_transport=False)
    s = driver(later, disability="severe", mobility_disability=True)
    s["applications"].insert(0, first)
    assert claim(run("travel", cluster_with([s]), "2026-11"), "K1", "car")["payable"]


def test_clause_lisa_13_1_1_no_ground_without_the_declaration(run):
    c = claim(run("travel", cluster_with([driver(car(no_public_transport=False))]), "2026-11"), "K1", "car")
    assert ("car-no-ground", "Lisa 13 1.1, 1.2, 2.2") in [(r["code"], r["clause"]) for r in c["reasons"]]


def test_clause_lisa_13_1_1_not_within_the_schools_settlement(run):
    s = driver(car(), home_settlement="Vana-Vigala küla")
    c = claim(run("travel", cluster_with([s]), "2026-11"), "K1", "car")
    assert ("same-settlement", "Lisa 13 1.1") in [(r["code"], r["clause"]) for r in c["reasons"]]


@pytest.mark.parametrize("month, paid", [("2026-11", True), ("2026-10", True), ("2026-09", False)])
def test_clause_lisa_13_3_3_the_month_of_application_or_the_one_before(run, month, paid):
    app = car(month=month, submitted=date(2026, 11, 20), days=[2, 3, 4, 7] if month == "2026-09" else [2, 5, 6, 9])
    c = claim(run("travel", cluster_with([driver(app)]), "2026-11"), "K1", "car")
    assert c["payable"] is paid
    if not paid:
        assert ("car-month", "Lisa 13 3.3") in [(r["code"], r["clause"]) for r in c["reasons"]]


def test_clause_lisa_13_2_3_receipts_of_another_month_do_not_count(run):
    app = car()
    app["fuel_receipts"] = [{"date": date(2026, 9, 28), "amount": 40}]
    c = claim(run("travel", cluster_with([driver(app)]), "2026-11"), "K1", "car")
    codes = [r["code"] for r in c["reasons"]] + [n["code"] for n in c["notes"]]
    assert "no-fuel-receipts" in codes and "receipt-outside-month" in codes and not c["payable"]


def test_clause_lisa_13_2_1_application_needs_registration_route_and_km(run):
    app = car()
    del app["car_registration"]
    c = claim(run("travel", cluster_with([driver(app)]), "2026-11"), "K1", "car")
    [r] = [r for r in c["reasons"] if r["code"] == "car-incomplete"]
    assert r["clause"] == "Lisa 13 2.1" and "car_registration" in r["message"]


# --- school lunch (6.12.7–6.12.11) -------------------------------------------------------------------


def lunch_doc(run, students, month="2026-11", profile=None, placements=False):
    return run("lunch", cluster_with(students, profile=profile, placements=placements), month)


def test_clause_6_12_9_vocational_secondary_qualifies_and_gets_a_lunch_a_school_day(run):
    # November 2026: 21 school days; 18 attended → 18 lunches × 1.50 = 27.00 (6.12.10: unused ones do not carry over).
    s = student("L1", 1, school_days=[{"month": "2026-11", "days": 21, "attended": 18}])
    doc = lunch_doc(run, [s, student("L2", 2)])
    school = {x["student"]: x for x in doc["school"]}
    assert doc["school_days"] == 21
    assert (school["L1"]["lunches"], school["L1"]["amount"]) == (18, "27.00")
    assert (school["L2"]["lunches"], school["L2"]["amount"]) == (21, "31.50")  # no record: the calendar's days


def test_clause_6_12_10_the_amount_is_the_directives(run):
    doc = lunch_doc(run, [student("L1", 1)], profile={"lunch_amount_per_day": 2.10})
    assert doc["amount_per_day"] == "2.10" and doc["school"][0]["amount"] == "44.10"  # 21 × 2.10
    assert "6.12.10" in doc["amount_note"]


@pytest.mark.parametrize(
    "change, code, clause",
    [
        (lambda f, s: s.update(secondary_education=True), "lunch-secondary-education", "6.12.8"),
        (lambda f, s: s.update(admission={"date": date(2026, 8, 20), "education": "secondary"}),
         "lunch-secondary-education", "6.12.8"),
        (lambda f, s: s.update(study_form="non_stationary"), "lunch-not-stationary", "6.12.8, 6.12.9"),
        (lambda f, s: f["curricula.yaml"][0].update(level=5, kind="initial", ekap=120),
         "lunch-level-5", "6.12.9, 3.5.2"),
        (lambda f, s: f["curricula.yaml"][0].update(kind="continuing", ekap=60), "lunch-not-initial", "6.12.8"),
    ],
    ids=["6.12.8-secondary", "6.12.8-secondary-on-admission", "6.12.8-stationary", "6.12.9-level-5",
         "6.12.8-continuing"],
)
def test_clause_6_12_8_6_12_9_who_does_not_qualify(run, change, code, clause):
    s = student("L1", 1)
    files = cluster_with([s])
    change(files, s)
    doc = run("lunch", files, "2026-11")
    [x] = doc["not_qualifying"]
    assert (code, clause) in [(r["code"], r["clause"]) for r in x["reasons"]]
    assert doc["school"] == []


def _placement_student(applications=()):
    # The base data's placement P1 of student S1: 1 Feb – 26 Mar 2027 at Koodikoda (valid).
    s = student("S1", 1, applications=list(applications))
    return s


@pytest.mark.parametrize(
    "submission, paid_days, amount, payable, note",
    [
        ({"days": None, "approved": date(2027, 3, 1)}, 19, "28.50", True, None),
        ({"days": 25, "approved": date(2027, 3, 1)}, 19, "28.50", True, "lunch-days-capped"),
        ({"days": 10, "approved": date(2027, 3, 1)}, 10, "15.00", True, None),
        ({"days": None, "approved": None}, 19, "28.50", False, "lunch-not-approved"),
        (None, 19, "28.50", False, "lunch-no-submission"),
    ],
    ids=["placement-days", "capped-to-placement", "submission-days", "not-signed", "no-submission"],
)
def test_clause_6_12_11_practice_period_support_to_the_bank_account(run, submission, paid_days, amount, payable, note):
    # February 2027: 20 weekdays, 24 February a public holiday → 19 working days, all inside P1.
    apps = []
    if submission is not None:
        app = {"kind": "lunch", "month": "2027-02", "submitted": date(2027, 2, 26)}
        app.update({k: v for k, v in submission.items() if v is not None})
        apps.append(app)
    doc = lunch_doc(run, [_placement_student(apps)], month="2027-02", placements=True)
    [x] = doc["practice"]
    assert (x["practice_days"], x["paid_days"], x["amount"], x["payable"]) == (19, paid_days, amount, payable)
    assert doc["total"] == (amount if payable else "0.00")
    if note:
        assert note in [n["code"] for n in x["notes"]]
    assert doc["school"][0]["school_days"] == 0  # on practice all month: no lunches at school


# --- outputs: PII, files, determinism, languages ------------------------------------------------


def _data_dir(tmp_path):
    files = cluster_with([
        traveller("C1", 1, bus([1, 2, 5]), attended=17),
        applicant("A1", 2, app=special(minor_dependants=2)),
    ])
    return write_data(tmp_path / "out", files)


def test_csv_masks_personal_data_unless_asked_and_is_byte_identical(cli, tmp_path):
    root = _data_dir(tmp_path)
    out = tmp_path / "travel.csv"
    result = cli("allowances", "travel", "--month", "2026-11", "--data", root, "--format", "csv", "--output", out)
    assert result.exit_code == 0
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))
    [row] = rows
    assert row["Õpilane"] == "C1" and row["Summa €"] == "7.80"
    assert IBAN not in out.read_text(encoding="utf-8") and row["Pangakonto"].endswith("5685")
    assert code_for(1) not in out.read_text(encoding="utf-8")
    cli("allowances", "travel", "--month", "2026-11", "--data", root, "--format", "csv", "--output", out, "--show-pii")
    first = out.read_bytes()
    assert list(csv.DictReader(io.StringIO(first.decode())))[0]["Pangakonto"] == IBAN
    cli("allowances", "travel", "--month", "2026-11", "--data", root, "--format", "csv", "--output", out, "--show-pii")
    assert out.read_bytes() == first


@pytest.mark.parametrize("kind", ["special", "travel", "lunch"])
def test_json_is_byte_identical_and_masked(cli, tmp_path, kind):
    root = _data_dir(tmp_path)
    a, b = tmp_path / "a.json", tmp_path / "b.json"
    for out in (a, b):
        result = cli("allowances", kind, "--month", "2026-11", "--data", root, "--format", "json", "--output", out)
        assert result.exit_code == 0
    assert a.read_bytes() == b.read_bytes()
    assert IBAN not in a.read_text(encoding="utf-8")
    json.loads(a.read_text(encoding="utf-8"))


def test_xlsx_read_back(cli, tmp_path):
    from openpyxl import load_workbook

    root = _data_dir(tmp_path)
    out = tmp_path / "special.xlsx"
    assert cli("allowances", "special", "--month", "2026-11", "--data", root, "--format", "xlsx", "--output", out,
               "--show-pii").exit_code == 0
    wb = load_workbook(out)
    assert wb.sheetnames == ["taotlejad", "välja jäetud", "fond", "muudatused", "muudatuste kokkuvõte", "parameetrid"]
    header, *rows = list(wb["taotlejad"].iter_rows(min_row=2, values_only=True))  # row 1: the title
    row = dict(zip(header, rows[0]))
    assert row["Õpilane"] == "A1"
    assert row["Summa €"] == 60 and row["Pangakonto"] == IBAN
    fund = {r[0]: r[1] for r in wb["fond"].iter_rows(min_row=3, values_only=True)}
    assert fund["Eritoetuse fond kokku"] == pytest.approx(691.20)  # nothing awarded: the round's 3456.00 / 5 (1.4)


def test_english_and_views(cli, tmp_path):
    root = _data_dir(tmp_path)
    out = cli("allowances", "travel", "--month", "2026-11", "--data", root, "--lang", "en", "--view", "journeys").stdout
    assert "Journeys" in out and "2026-10-05" in out
    out = cli("allowances", "travel", "--month", "2026-11", "--data", root, "--lang", "en").stdout
    assert "pay by 2026-11-25" in out
    assert cli("allowances", "lunch", "--month", "2026-11", "--data", root, "--view", "nope").exit_code == 2
    assert cli("allowances", "special", "--month", "2026-13", "--data", root).exit_code == 2
    assert cli("allowances", "special", "--month", "2026-11", "--data", root, "--format", "xlsx").exit_code == 2


@pytest.mark.parametrize("kind", ["special", "travel", "lunch"])
def test_every_allowances_command_has_help_with_an_example(cli, kind):
    result = cli("allowances", kind, "--help", "--lang", "en")
    assert result.exit_code == 0 and "Example" in result.stdout


def test_sample_data_november_reports_are_meaningful(cli):
    from pathlib import Path

    data = Path(__file__).resolve().parents[1] / "data"
    docs = {kind: json.loads(cli("allowances", kind, "--month", "2026-11", "--data", data, "--format", "json").stdout)
            for kind in ("special", "travel", "lunch")}
    assert any(a["awarded"] for a in docs["special"]["applicants"]) and docs["special"]["excluded"]
    assert docs["travel"]["count"] >= 5 and any(c["reasons"] for c in docs["travel"]["claims"])
    assert any(c["mode"] == "car" and c["payable"] for c in docs["travel"]["claims"])
    assert any(x["payable"] for x in docs["lunch"]["practice"]) and docs["lunch"]["not_qualifying"]


def test_clause_lisa_14_3_4_a_trip_on_a_claim_refused_whole_is_not_paid_in_the_journeys_view(cli, tmp_path):
    # the sample's TA-25-06 reported October late (Lisa 14 3.4): the claim is refused, so each of
    # its trips says "no" with the claim's reason — not "yes", as the trip alone would count
    from pathlib import Path

    data = Path(__file__).resolve().parents[1] / "data"
    result = cli("allowances", "travel", "--data", data, "--month", "11.2026", "--view", "journeys", "--format", "csv",
                 "--lang", "et")
    assert result.exit_code == 0, result.output
    rows = [r for r in csv.DictReader(io.StringIO(result.stdout)) if r["Õpilane"] == "TA-25-06"]
    assert rows and {r["Hüvitatakse"] for r in rows} == {"ei"}
    assert {r["Punkt"] for r in rows} == {"Lisa 14 3.4"} and all("tähtaeg" in r["Põhjus"] for r in rows)
    # and the claims table names the clause that refuses it, in a column shown at 80 columns too
    claims = cli("allowances", "travel", "--data", data, "--month", "11.2026", "--view", "claims", "--format", "csv",
                 "--lang", "et").stdout
    [claim] = [r for r in csv.DictReader(io.StringIO(claims)) if r["Õpilane"] == "TA-25-06"]
    assert (claim["Reegel"], claim["Otsus"]) == ("Lisa 14 3.4", "ei hüvitata")
