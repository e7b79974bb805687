"""Issue 21 item 12: adult continuing-education courses (Lisa 15) — a course record in
`courses.yaml` with its curriculum, announcement, sessions, participants and safety sheet. Each
test breaks the complete course below in one way, runs `cluster validate --format json` on real
files and reads the findings back."""

from __future__ import annotations

from datetime import date

import pytest

from tests.conftest import findings_of

RULES = "course-curriculum,course-registration,course-attendance,course-completion,course-fees,course-safety"
D = date


def learner(name: str, employer: str | None = "koodikoda", **extra) -> dict:
    p = {"name": name, "registered": D(2026, 9, 20), "contacted": D(2026, 10, 26), "enrolled": D(2026, 10, 23),
         "paid": D(2026, 10, 28), "paid_amount": "200,00"}
    if employer:
        p["employer"] = employer
    p.update(extra)
    return {k: v for k, v in p.items() if v is not None}


NAMES = ["Mari Kask", "Jaan Tamm", "Liis Saar"]


def complete_course() -> dict:
    """A paid course that follows every clause of Lisa 15 the rules check (as of 2026-11-23)."""
    return {
        "id": "K1", "name": "Pythoni alused", "school": "vvttk", "kind": "paid", "directive": "1-2/145",
        "fee": "200,00", "places": 12, "start": D(2026, 11, 2), "end": D(2026, 11, 27),
        "curriculum": {
            "name": "Pythoni alused", "study_group": "Tarkvaraarendus", "basis": "Kutsestandard B.2.3",
            "outcomes": ["kirjutab programme"], "hours": {"contact": 10, "practical": 10},
            "content": "Tsüklid", "methods": "Praktiline töö", "environment": "Arvutiklass",
            "assessment": "Ülesanne", "completion": "Tunnistus", "trainer_qualification": "Tase 6",
        },
        "announcement": {
            "published": D(2026, 9, 15), "url": "https://kool.ee/k1", "curriculum_url": "https://kool.ee/k1.pdf",
            "quality": "HTM määrus 33", "address": "Põllu tee 1", "target_group": "IT-töötajad",
            "trainers": [{"name": "Toomas Kuusk", "qualification": "Tase 6"}],
            "payment_method": "arve", "payment_deadline": D(2026, 10, 30), "contact": "reet@kool.ee",
        },
        "sessions": [
            {"date": D(2026, 11, 2), "sheet": "AL-1", "present": list(NAMES)},
            {"date": D(2026, 11, 4), "practical": True, "sheet": "AL-2", "present": list(NAMES)},
            {"date": D(2026, 11, 9), "sheet": "AL-3", "present": list(NAMES)},
            {"date": D(2026, 11, 11), "sheet": "AL-4", "present": list(NAMES)},
        ],
        "safety_instructions": [{"date": D(2026, 11, 4), "minutes": 30, "instructor": "Toomas Kuusk",
                                 "instructions": ["IJ-07"], "independent_from": D(2026, 11, 4), "signed": list(NAMES)}],
        "participants": [learner(n) for n in NAMES],
    }


@pytest.fixture
def run(validate_changed):
    def _run(change=None, *extra):
        def build(files):
            course = complete_course()
            if change is not None:
                change(course)
            files["courses.yaml"] = [course]
        return validate_changed(build, "--select", RULES, *extra)
    return _run


def only(doc: dict, code: str) -> list[tuple[str, str, str]]:
    return [(f["severity"], f["clause"], f["path"]) for f in findings_of(doc, code)]


def test_the_complete_course_has_no_findings(run):
    code, doc = run()
    assert doc["findings"] == [] and code == 0


def test_clause_lisa_15_2_3_course_curriculum_states_its_items(run):
    def change(c):
        del c["curriculum"]["trainer_qualification"]
        c["curriculum"]["outcomes"] = []
    _, doc = run(change)
    [f] = findings_of(doc, "course-curriculum")
    assert f["clause"] == "Lisa 15 2.3" and f["path"] == "courses[0].curriculum"
    assert "2.3.3 õpiväljundid (outcomes)" in f["message"]
    assert "puuduvad: " in f["message"] and "2.3.11 koolitaja kvalifikatsioon (trainer_qualification)" in f["message"]


def test_clause_lisa_15_3_2_announcement_states_fee_payment_and_contact(run):
    def change(c):
        del c["announcement"]["payment_deadline"], c["announcement"]["contact"]
        c["announcement"]["trainers"][0].pop("qualification")
    _, doc = run(change, "--lang", "en")
    [f] = findings_of(doc, "course-curriculum")
    assert f["clause"] == "Lisa 15 3.2"
    for item in ("3.2.11 payment deadline (payment_deadline)", "3.2.12 contact",
                 "3.2.10 trainer 1's qualification (trainers[0].qualification)"):
        assert item in f["message"]
    _, doc = run(lambda c: c.pop("announcement"))
    assert only(doc, "course-curriculum") == [("warning", "Lisa 15 3.2", "courses[0].id")]
    # a course that is over is not chased for its announcement
    _, doc = run(lambda c: (c.pop("announcement"), c.update(end=D(2026, 11, 20))))
    assert only(doc, "course-curriculum") == []


def test_clause_lisa_15_3_4_rkt_application_needs_a_justification(run):
    def change(c):
        c.update(kind="rkt")
        c.pop("fee")
        c["participants"][0]["application"] = {"date": D(2026, 9, 20), "justification": "Töö jaoks"}
        c["participants"][1]["application"] = {"date": D(2026, 9, 20)}
    _, doc = run(change)
    assert [(f["clause"], f["path"]) for f in findings_of(doc, "course-registration")] == [
        ("Lisa 15 3.4", "courses[0].participants[1].application"),
        ("Lisa 15 3.4", "courses[0].participants[2].application")]


def test_clause_lisa_15_3_5_group_in_registration_order_with_entry_conditions(run):
    def change(c):
        c["places"] = 3
        c["participants"][2]["registered"] = D(2026, 9, 25)
        c["participants"].append({"name": "Jüri Oja", "registered": D(2026, 9, 21)})
    _, doc = run(change, "--lang", "en")
    [f] = findings_of(doc, "course-registration")
    assert f["clause"] == "Lisa 15 3.5" and "Jüri Oja" in f["message"] and "Liis Saar" in f["message"]

    def not_eligible(c):
        change(c)
        c["participants"][3]["entry_conditions_met"] = False
        c["participants"][0]["entry_conditions_met"] = False
    _, doc = run(not_eligible)
    assert only(doc, "course-registration") == [
        ("warning", "Lisa 15 3.5", "courses[0].participants[0].entry_conditions_met")]


def test_clause_lisa_15_3_7_limits_per_employer_and_free_courses_a_year(run):
    _, doc = run(lambda c: c.update(limit_per_employer=2))
    assert only(doc, "course-registration") == [("warning", "Lisa 15 3.7", "courses[0].limit_per_employer")]
    # one free course a person is within a limit of one
    _, doc = run(lambda c: (c.update(kind="free", free_courses_per_year=1), c.pop("fee")))
    assert only(doc, "course-registration") == []


def test_clause_lisa_15_3_7_free_courses_a_year_across_courses(validate_changed):
    def build(files):
        first, second = complete_course(), complete_course()
        for c in (first, second):
            c.update(kind="free", free_courses_per_year=1)
            c.pop("fee")
        second.update(id="K2", start=D(2026, 12, 7), end=D(2026, 12, 18), sessions=[], safety_instructions=[])
        second["participants"] = [learner("mari kask", contacted=None)]
        files["courses.yaml"] = [first, second]
    _, doc = validate_changed(build, "--select", "course-registration", "--lang", "en")
    found = findings_of(doc, "course-registration")
    assert [(f["clause"], f["path"]) for f in found] == [
        ("Lisa 15 3.7", "courses[0].participants[0].name"), ("Lisa 15 3.7", "courses[1].participants[0].name")]
    assert "K1, K2" in found[0]["message"]


def test_clause_lisa_15_3_8_participants_contacted_five_days_before(run):
    def change(c):
        c["participants"][0]["contacted"] = D(2026, 10, 29)  # due 28.10
        del c["participants"][1]["contacted"]
    _, doc = run(change)
    assert only(doc, "course-registration") == [
        ("warning", "Lisa 15 3.8", "courses[0].participants[0].contacted"),
        ("warning", "Lisa 15 3.8", "courses[0].participants[1].contacted")]
    _, doc = run(lambda c: c["participants"][0].update(contacted=D(2026, 10, 28)))
    assert only(doc, "course-registration") == []


def test_clause_lisa_15_3_9_course_learners_are_not_students(tmp_path, cli):
    """3.9: course learners have no student card, allowance, loan or dormitory rate — they live in
    courses.yaml, never in students/, so the students' lists (and the grant and allowance reports
    built on them) do not hold them."""
    import csv

    from tests.conftest import base_data, write_data

    files = base_data()
    files["courses.yaml"] = [complete_course()]
    root = write_data(tmp_path / "d", files)
    out = tmp_path / "opilased.csv"
    result = cli("export", "students", "--data", root, "--format", "csv", "--output", out, "--show-pii")
    assert result.exit_code == 0, result.output
    text = out.read_text(encoding="utf-8-sig")
    rows = list(csv.reader(text.splitlines()))
    assert len(rows) == 3 and "Mart" in text  # the two students
    assert "Mari Kask" not in text and "Kask" not in text


def test_clause_lisa_15_3_10_cancellation_notified_a_day_ahead(run):
    _, doc = run(lambda c: c.update(cancellation={"kind": "postponed", "notified": D(2026, 11, 2),
                                                  "new_start": D(2026, 11, 16)}))
    assert only(doc, "course-registration") == [("warning", "Lisa 15 3.10", "courses[0].cancellation.notified")]
    _, doc = run(lambda c: c.update(cancellation={"kind": "postponed", "notified": D(2026, 11, 1)}))
    assert only(doc, "course-registration") == []


def test_clause_lisa_15_3_11_2_three_absences_in_a_row_without_notice(run):
    def change(c):
        for s in c["sessions"][1:]:
            s["present"].remove("Liis Saar")
    _, doc = run(change, "--lang", "en")
    [f] = findings_of(doc, "course-attendance")
    assert f["clause"] == "Lisa 15 3.11.2" and "3 times in a row" in f["message"]
    # a notified absence breaks the run
    _, doc = run(lambda c: (change(c), c["participants"][2].update(absences_notified=[D(2026, 11, 9)])))
    assert findings_of(doc, "course-attendance") == []
    # a removal for absences with fewer is questioned
    _, doc = run(lambda c: c["participants"][0].update(removed={"date": D(2026, 11, 10), "reason": "absences"}))
    assert only(doc, "course-attendance") == [("warning", "Lisa 15 3.11.2", "courses[0].participants[0].removed")]


def test_clause_lisa_15_4_1_study_starts_when_enrolled_and_paid(run):
    def change(c):
        c["participants"][0]["paid"] = D(2026, 11, 3)
        c["participants"][1]["enrolled"] = D(2026, 11, 3)
    _, doc = run(change)
    assert only(doc, "course-attendance") == [
        ("warning", "Lisa 15 4.1", "courses[0].participants[0].paid"),
        ("warning", "Lisa 15 4.1", "courses[0].participants[1].enrolled")]
    # a free course needs no payment
    _, doc = run(lambda c: (c["participants"][0].update(paid=None), c.update(kind="free"), c.pop("fee")))
    assert only(doc, "course-attendance") == []


def test_clause_lisa_15_4_2_attendance_by_signature(run):
    def change(c):
        del c["sessions"][2]["sheet"]
        c["sessions"][3]["present"].append("Mari Kasak")
    code, doc = run(change)
    assert only(doc, "course-attendance") == [
        ("warning", "Lisa 15 4.2", "courses[0].sessions[2].date"),
        ("error", "Lisa 15 4.2", "courses[0].sessions[3].present[3]")]
    assert code == 1


def test_clause_lisa_15_4_4_certificate_only_when_outcomes_achieved(run):
    def change(c):
        doc = {"kind": "certificate", "number": "TK-1", "date": D(2026, 11, 27)}
        c["participants"][0].update(assessed=D(2026, 11, 20), achieved=True, document=doc)
        c["participants"][1].update(assessed=D(2026, 11, 20), achieved=False, document=dict(doc, number="TK-2"))
        c["participants"][2].update(document=dict(doc, number="TK-3"))
    _, doc = run(change)
    assert only(doc, "course-completion") == [
        ("warning", "Lisa 15 4.4", "courses[0].participants[1].document"),
        ("warning", "Lisa 15 4.4", "courses[0].participants[2].document")]
    statement = {"kind": "statement", "number": "T-1", "date": D(2026, 11, 27)}
    _, doc = run(lambda c: c["participants"][1].update(assessed=D(2026, 11, 20), achieved=False, document=statement))
    assert only(doc, "course-completion") == []


def test_clause_lisa_15_5_5_employer_discount_over_three_learners(run):
    _, doc = run(lambda c: c.update(discounts=[{"employer": "koodikoda", "percent": 10}]))
    assert only(doc, "course-fees") == [("warning", "Lisa 15 5.5", "courses[0].discounts[0].employer")]

    def four(c):
        c["participants"].append(learner("Peeter Mets"))
        for s in c["sessions"]:
            s["present"].append("Peeter Mets")
        c["safety_instructions"][0]["signed"].append("Peeter Mets")
    _, doc = run(four)
    assert only(doc, "course-fees") == [("info", "Lisa 15 5.5", "courses[0].participants")]
    _, doc = run(lambda c: (four(c), c.update(discounts=[{"employer": "koodikoda", "percent": 20}])))
    assert only(doc, "course-fees") == [("error", "Lisa 15 5.5", "courses[0].discounts[0].percent")]
    _, doc = run(lambda c: (four(c), c.update(discounts=[{"employer": "koodikoda", "percent": 15}])))
    assert only(doc, "course-fees") == []


def withdrawn(day: date):
    def change(c):
        c["participants"].append(learner("Siim Raud", None, withdrawn=day, contacted=None, paid=None, paid_amount=None))
    return change


def test_clause_lisa_15_5_8_withdrawal_seven_working_days_ahead_costs_nothing(run):
    # start Mon 02.11.2026: the 7th working day before is Thu 22.10
    _, doc = run(withdrawn(D(2026, 10, 22)), "--lang", "en")
    [f] = findings_of(doc, "course-fees")
    assert (f["severity"], f["clause"]) == ("info", "Lisa 15 5.8") and "0 % of the fee" in f["message"]
    # 23.10 is only six working days ahead (ten calendar days): 5.9's 75 %
    _, doc = run(withdrawn(D(2026, 10, 23)), "--lang", "en")
    [f] = findings_of(doc, "course-fees")
    assert f["clause"] == "Lisa 15 5.9" and "75 %" in f["message"]


def test_clause_lisa_15_5_8_cancelled_course_refunds_everything(run):
    _, doc = run(lambda c: c.update(cancellation={"kind": "cancelled", "notified": D(2026, 10, 26)}), "--lang", "en")
    [f] = findings_of(doc, "course-fees")
    assert f["clause"] == "Lisa 15 5.8" and "100 %" in f["message"]


def test_clause_lisa_15_5_9_withdrawal_three_to_six_days_or_under_48_hours(run):
    _, doc = run(withdrawn(D(2026, 10, 30)), "--lang", "en")  # 3 days
    [f] = findings_of(doc, "course-fees")
    assert f["clause"] == "Lisa 15 5.9" and "75 %" in f["message"]
    _, doc = run(withdrawn(D(2026, 10, 31)), "--lang", "en")  # 2 days: under 48 hours
    [f] = findings_of(doc, "course-fees")
    assert f["clause"] == "Lisa 15 5.9" and "100 %" in f["message"] and "48 hours" in f["message"]


def test_clause_lisa_15_6_3_6_5_safety_instruction_before_practical_work(run):
    def change(c):
        c["safety_instructions"][0]["signed"].remove("Jaan Tamm")
        del c["safety_instructions"][0]["independent_from"]
    _, doc = run(change, "--lang", "en")
    found = only(doc, "course-safety")
    assert sorted(found) == [("warning", "Lisa 15 6.3, 6.5", "courses[0].sessions[1].date"),
                             ("warning", "Lisa 15 6.4", "courses[0].safety_instructions[0]")]
    [sheet] = [f for f in findings_of(doc, "course-safety") if f["clause"] == "Lisa 15 6.4"]
    assert "6.4.4 independent_from" in sheet["message"]
    # an instruction after the practical session does not count
    _, doc = run(lambda c: c["safety_instructions"][0].update(date=D(2026, 11, 5)))
    assert len(only(doc, "course-safety")) == 3


def test_course_references_and_estonian_message(run, validate_changed):
    def build(files):
        c = complete_course()
        c["participants"][0]["employer"] = "puudub"
        c["discounts"] = [{"employer": "koodikoda", "percent": 10}]
        files["courses.yaml"] = [c]
    code, doc = validate_changed(build, "--select", "unknown-reference")
    assert code == 1 and [f["path"] for f in findings_of(doc, "unknown-reference")] == [
        "courses[0].participants[0].employer"]
    code, doc = run(lambda c: c["participants"][0].update(contacted=D(2026, 10, 30)))
    [f] = findings_of(doc, "course-registration")
    assert "tuli ühendust võtta hiljemalt 2026-10-28" in f["message"] and "Võtke" in f["hint"]


# --- `cluster courses`: what each learner owes or gets back (5.5, 5.8, 5.9) -----------------------


def courses_folder(tmp_path, change=None):
    from tests.conftest import base_data, write_data

    files = base_data()
    course = complete_course()
    course["participants"].append(learner("Peeter Mets"))
    course["discounts"] = [{"employer": "koodikoda", "percent": 10}]
    course["participants"] += [
        learner("Siim Raud", None, withdrawn=D(2026, 10, 29), paid_amount="200,00"),  # 4 days: 75 %
        learner("Tiina Org", None, withdrawn=D(2026, 10, 22), paid_amount="200,00"),  # 7 working days: 0
        learner("Ott Ader", None, withdrawn=D(2026, 11, 1), paid=None, paid_amount=None),  # 1 day: 100 %
        {"name": "Jüri Oja", "registered": D(2026, 10, 1)},  # never enrolled: nothing
    ]
    if change is not None:
        change(course)
    files["courses.yaml"] = [course]
    return write_data(tmp_path / "d", files)


def test_clause_lisa_15_5_5_5_8_5_9_courses_report_fees_discounts_refunds(cli, tmp_path):
    import json

    root = courses_folder(tmp_path)
    result = cli("courses", "--data", root, "--format", "json")
    assert result.exit_code == 0, result.output
    doc = json.loads(result.stdout)
    due = {r["name"]: (r["due"], r["paid"], r["balance"], r["clause"]) for r in doc["learners"]}
    assert due["Mari Kask"] == ("180.00", "200.00", "-20.00", "Lisa 15 5.1")  # 10 % off 200
    assert due["Siim Raud"] == ("150.00", "200.00", "-50.00", "Lisa 15 5.9")
    assert due["Tiina Org"] == ("0.00", "200.00", "-200.00", "Lisa 15 5.8")
    assert due["Ott Ader"] == ("200.00", "0.00", "200.00", "Lisa 15 5.9")
    assert due["Jüri Oja"][0] == "0.00"
    assert [r for r in doc["learners"] if r["name"] == "Ott Ader"][0]["transferable"] is True
    assert doc["employers"] == [{"course": "K1", "employer": "koodikoda", "learners": 4, "discount": "0.1",
                                 "due": "720.00"}]
    table = cli("courses", "--data", root, "--course", "k1")
    assert "150,00" in table.stdout and "Lisa 15 5.9" in table.stdout


def test_clause_lisa_15_5_8_courses_report_cancelled_course_refunds_all(cli, tmp_path):
    from openpyxl import load_workbook

    root = courses_folder(tmp_path, lambda c: c.update(cancellation={"kind": "cancelled", "notified": D(2026, 10, 26)}))
    out = tmp_path / "kursused.xlsx"
    result = cli("courses", "--data", root, "--format", "xlsx", "--output", out, "--lang", "en")
    assert result.exit_code == 0, result.output
    sheet = load_workbook(out)["learners"]
    header = [c.value for c in sheet[2]]
    rows = [dict(zip(header, (c.value for c in row))) for row in sheet.iter_rows(min_row=3)]
    mari = next(r for r in rows if r["Learner"] == "Mari Kask")
    assert mari["Due €"] == 0 and mari["To pay (+) / to refund (−) €"] == -200


def test_courses_unknown_course_is_refused(cli, tmp_path):
    root = courses_folder(tmp_path)
    result = cli("courses", "--data", root, "--course", "K9", "--lang", "en")
    assert result.exit_code == 2 and "There is no course 'K9'" in result.stderr


def test_courses_totals_keep_what_to_collect_apart_from_what_to_refund(cli, tmp_path):
    """A balance owed and a refund are two sums, each named, never one mixed figure (tester's 4)."""
    import json

    from openpyxl import load_workbook

    root = courses_folder(tmp_path)  # Ott Ader owes 200,00; Mari Kask … get back 4 × 20, 50, 200
    table = cli("courses", "--data", root, "--course", "k1")
    assert table.exit_code == 0, table.output
    lines = table.stdout.splitlines()
    assert "Tasuda juurde (+)" in table.stdout and "tagastada (−)" in table.stdout
    assert any(line.startswith("Arveldada") and line.split()[-2] == "200,00" for line in lines), table.stdout
    assert any(line.startswith("Tagastada") and line.split()[-2] == "330,00" for line in lines), table.stdout
    assert "130,00" not in table.stdout  # 200,00 − 330,00 mixed into one figure
    doc = json.loads(cli("courses", "--data", root, "--format", "json").stdout)
    assert doc["totals"] == {"to_collect": "200.00", "to_refund": "330.00"}
    out = tmp_path / "k.xlsx"
    assert cli("courses", "--data", root, "-o", out, "--lang", "en").exit_code == 0
    sheet = load_workbook(out)["learners"]
    header = [c.value for c in sheet[2]]
    assert "To pay (+) / to refund (−) €" in header
    col = header.index("To pay (+) / to refund (−) €")
    below = {row[0]: row[col] for row in sheet.iter_rows(min_row=3, values_only=True) if row[0] in
             ("Total", "To collect", "To refund")}
    assert below == {"Total": None, "To collect": 200, "To refund": 330}


def test_courses_workbook_is_dated_and_its_views_have_estonian_names(cli, tmp_path):
    """No made-up date in the sheet's title; `--view osalejad` and sheets named in Estonian (tester's 5)."""
    from openpyxl import load_workbook

    root = courses_folder(tmp_path)
    out = tmp_path / "k.xlsx"
    result = cli("courses", "--data", root, "--as-of", "2026-11-23", "-o", out)
    assert result.exit_code == 0, result.output
    wb = load_workbook(out)
    assert wb.sheetnames[:2] == ["osalejad", "tööandjad"]
    title = wb["osalejad"]["A1"].value
    assert "01.01.2000" not in title and "seisuga 23.11.2026" in title
    view = cli("courses", "--data", root, "--view", "osalejad")
    assert view.exit_code == 0, view.output
    assert "Osalejad" in view.stdout and "Tööandjad" not in view.stdout
    assert cli("courses", "--data", root, "--view", "tööandjad").exit_code == 0
