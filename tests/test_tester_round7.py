"""The tester's round-7 findings on reports, the calendar, help and the sample (after issue 21),
each through the real CLI on a copy of the sample data."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

SAMPLE = Path(__file__).resolve().parent.parent / "data"
AS_OF = "2026-11-23"


@pytest.fixture
def sample(tmp_path) -> Path:
    return Path(shutil.copytree(SAMPLE, tmp_path / "data"))


def _last(result) -> str:
    return result.stdout.strip().splitlines()[-1]


def test_validate_summary_counts_the_info_lines(cli, sample):
    """`--select cum-laude` prints info lines: the verdict says how many (tester's 24)."""
    et = cli("validate", "--data", sample, "--as-of", AS_OF, "--select", "cum-laude")
    assert et.exit_code == 0, et.output
    shown = sum(1 for line in et.stdout.splitlines() if " teave cum-laude:" in line)
    assert shown == 2
    assert re.fullmatch(r"Andmed on korras: \d+ faili, \d+ kirjet, 0 hoiatust, 2 teadet\.", _last(et)), _last(et)
    en = cli("validate", "--data", sample, "--as-of", AS_OF, "--select", "cum-laude", "--lang", "en")
    assert re.fullmatch(r"The data is valid: \d+ files, \d+ records, 0 warnings, 2 notes\.", _last(en)), _last(en)
    none = cli("validate", "--data", sample, "--as-of", AS_OF, "--select", "course-safety")
    assert " teave " not in none.stdout and "teade" not in _last(none), _last(none)


@pytest.mark.parametrize("lang, word", [("et", "REEGEL,…"), ("en", "RULE,…")])
def test_validate_help_names_the_rule_lists_in_words(cli, lang, word):
    """`--select`/`--ignore` show a placeholder in the user's language, never a Python type (tester's 16)."""
    result = cli("validate", "--help", "--lang", lang)
    assert result.exit_code == 0, result.output
    assert "list[" not in result.stdout and "<str>" not in result.stdout
    assert f"--select {word}" in result.stdout and f"--ignore {word}" in result.stdout


NEW_PARAMETERS = ("course_", "cum_laude_", "exam_", "final_exam_", "transition_exam_", "prior_learning_")
# a number the sentence needs but the description leaves out: "vähemalt päevi enne", "tööpäeva jooksul"
NUMBER_MISSING = re.compile(r"\b(vähemalt|kuni|viimase|at least|up to) (päev|tööpäev|õppetööpäev|kuu|kuud|aast|"
                            r"days|working days|months|years)|\b(päeva|tööpäeva|kuu) jooksul")


@pytest.mark.parametrize("lang", ["et", "en"])
def test_profile_descriptions_read_without_their_number_and_grades_have_a_grade_unit(cli, sample, lang):
    """Tester's 23: a description is shown beside its value, so it must not need the number inside it;
    the cum laude average is a grade, not a ratio."""
    import json

    result = cli("profile", "--data", sample, "--format", "json", "--lang", lang)
    assert result.exit_code == 0, result.output
    rows = {r["parameter"]: r for r in json.loads(result.stdout)}
    for name in ("cum_laude_average", "cum_laude_min_grade", "cum_laude_final_exam_grade"):
        assert rows[name]["unit"] == "grade", name
    new = {n: r["description"] for n, r in rows.items() if n.startswith(NEW_PARAMETERS)}
    assert len(new) >= 25
    wrong = {n: d for n, d in new.items() if NUMBER_MISSING.search(d)}
    assert not wrong, wrong
    table = cli("profile", "--data", sample, "--lang", lang)
    shown = next(line for line in table.stdout.splitlines() if "cum_laude_average" in line)
    assert ("hinne" if lang == "et" else "grade") in shown and "suhe" not in shown and "ratio" not in shown


@pytest.mark.parametrize("rule, says", [
    ("exam-schedule", "ITN-24-KE-2026"),   # the schedule confirmed later than a month ahead (Lisa 4 3.1)
    ("transition-exam", "ITN-25-UE-2027"),  # a transition exam in the group's last course (Lisa 3 III.1.3)
    ("exam-path", "ITN-24-05"),             # a failed professional exam, no final exam after (Lisa 4 2.1)
])
def test_the_sample_shows_each_exam_rule_and_stays_valid(cli, sample, rule, says):
    """Tester's 9: every rule has a case in the sample, shown as a warning; the sample has no error."""
    result = cli("validate", "--data", sample, "--as-of", AS_OF, "--select", rule)
    assert result.exit_code == 0, result.output
    lines = [line for line in result.stdout.splitlines() if f" hoiatus {rule}:" in line]
    assert lines and any(says in line for line in lines), result.stdout


def _calendar(cli, sample, *extra) -> list[dict]:
    import json

    result = cli("calendar", "--data", sample, "--as-of", AS_OF, "--days", "400", "--format", "json", *extra)
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)["events"]


def test_calendar_has_issue_21s_deadlines(cli, sample, tmp_path):
    """Tester's 10: contacting a course's learners (Lisa 15 3.8), the final-exam schedule (Lisa 4
    3.1), the transition-exam notice (Lisa 3 III.2.1), the student cards' extension (Lisa 1 I.16)
    and the VÕTA application month (Lisa 5 II.1) are in the calendar."""
    events = {(e["kind"], e["subject"]): e for e in _calendar(cli, sample)}
    assert events["course-contact", "K-VORK-2026-12"]["date"] == "2026-12-02"  # 5 days before 07.12
    assert events["exam-schedule", "TA-24-KE-2027"]["date"] == "2027-05-07"    # a month before 07.06
    assert events["transition-notice", "TA-25-UE-2027"]["date"] == "2027-05-27"  # 2 weeks before 10.06
    assert events["card-extend", "2027/2028"]["date"] == "2027-09-13"           # 14 days from 30.08
    assert events["prior-apply", "2027/2028"]["date"] == "2027-09-30"           # a month from 30.08
    assert "Lisa 15 3.8" in events["course-contact", "K-VORK-2026-12"]["clause"]
    assert "hiljemalt 02.12.2026" in cli("calendar", "--data", sample, "--as-of", AS_OF, "--days", "30").stdout
    assert ("exam-schedule", "ITN-24-LE-2026") not in events  # held already
    ics = tmp_path / "k.ics"
    assert cli("calendar", "--data", sample, "--as-of", AS_OF, "--days", "400", "--ics", ics).exit_code == 0
    assert "Kursuse osalejad: K-VORK-2026-12" in ics.read_text(encoding="utf-8")


def test_calendar_development_talks_one_row_per_study_group(cli, sample):
    """Tester's 10: 41 rows on 18.06.2027 were one per student; now one per group: how many and who."""
    talks = [e for e in _calendar(cli, sample) if e["kind"] == "development-talk"]
    keys = [(e["date"], e["group"]) for e in talks]
    assert len(keys) == len(set(keys)) and all(e["student"] is None for e in talks)
    on_day = {e["group"]: e for e in talks if e["date"] == "2027-06-18"}
    assert sorted(on_day) == ["AKH-26", "ITN-25", "ITT-25", "TA-24"]
    ta = on_day["TA-24"]["message"]
    assert "õpilasi 16: TA-24-01, TA-24-02" in ta and ta.count("TA-24-") == 16
    assert len([e for e in talks if e["date"] == "2027-08-31"]) == 2


def test_the_task_catalogue_workbook_names_no_false_date(cli, sample, tmp_path):
    """The catalogue holds on no date: its sheets say "andmed: …", not "seisuga 01.01.2000"."""
    from openpyxl import load_workbook

    out = tmp_path / "tasks.xlsx"
    result = cli("tasks", "--data", sample, "--format", "xlsx", "--output", out)
    assert result.exit_code == 0, result.output
    titles = [ws["A1"].value for ws in load_workbook(out).worksheets]
    assert titles and not [x for x in titles if "2000" in x or "seisuga" in x]


def test_lisa_4_3_1_a_late_schedule_names_the_deadline_not_the_exam_kind_or_a_fixed_month(cli, sample):
    """A professional exam is not called a final exam, and the profile's notice, not "a month",
    gives the deadline (another school may set its own)."""
    result = cli("validate", "--data", sample, "--as-of", AS_OF, "--select", "exam-schedule")
    [line] = [x for x in result.stdout.splitlines() if "ITN-24-KE-2026" in x and " hoiatus " in x]
    assert "Lõpueksam" not in line and "kuu enne" not in line and "tähtaeg 04.05.2026" in line
