"""Student-status deadlines, the lists for the removal directives (`cluster validate --select
leave-return,never-started,study-end-passed`): not back after academic leave (6.7.10, 6.8.2.5),
a first-year who never started (4.1.13, 6.8.2.4, Lisa 1 I.8), still listed after the study end
(6.8.2.3)."""

from __future__ import annotations

import json
from datetime import date

from tests.conftest import base_data, write_data

SELECT = "leave-return,never-started,study-end-passed"


def _findings(cli, tmp_path, files, as_of="2026-11-23"):
    root = write_data(tmp_path / "d", files)
    result = cli("validate", "--data", root, "--as-of", as_of, "--select", SELECT, "--format", "json")
    assert result.exit_code in (0, 1), result.output
    return json.loads(result.stdout)["findings"]


def _s(files, i):
    return files["students/TA-24.yaml"][i]


def _never_started(files):
    s2 = _s(files, 1)  # first-year, studies started 1 September 2026
    s2["attendance"] = [{"period": "2026-autumn", "lessons": 120, "unexcused": 120}]
    return files


def test_clause_4_1_13_6_8_2_4_lisa_1_i_8_a_first_year_absent_from_every_lesson(cli, tmp_path):
    [f] = _findings(cli, tmp_path, _never_started(base_data()))
    assert f["code"] == "never-started" and f["severity"] == "warning"
    assert f["clause"] == "4.1.13, 6.8.2.4, Lisa 1 I.8"
    assert "S2" in f["message"] and "120" in f["message"]
    assert "2026-09-15" in f["message"]  # two weeks after 1 September
    assert f["file"].endswith("TA-24.yaml") and f["line"]


def test_clause_4_1_13_not_before_two_weeks_have_passed(cli, tmp_path):
    assert _findings(cli, tmp_path, _never_started(base_data()), as_of="2026-09-15") == []


def test_clause_6_8_2_4_a_valid_reason_or_any_lesson_attended_is_not_flagged(cli, tmp_path):
    notified = _never_started(base_data())
    _s(notified, 1)["attendance"][0]["reasons_notified"] = True
    assert _findings(cli, tmp_path / "a", notified) == []
    attended = _never_started(base_data())
    _s(attended, 1)["attendance"][0]["unexcused"] = 100
    assert _findings(cli, tmp_path / "b", attended) == []
    excused = _never_started(base_data())
    _s(excused, 1)["attendance"][0].update(unexcused=0, excused=120)
    assert _findings(cli, tmp_path / "c", excused) == []


def test_clause_6_8_2_4_a_student_already_removed_is_not_listed(cli, tmp_path):
    files = _never_started(base_data())
    _s(files, 1)["status"] = [{"status": "active", "start": date(2026, 9, 1), "end": date(2026, 9, 20)},
                              {"status": "expelled", "start": date(2026, 9, 21)}]
    assert _findings(cli, tmp_path, files) == []


def test_clause_6_8_2_3_study_end_passed_without_graduation(cli, tmp_path):
    files = base_data()
    _s(files, 0)["nominal_end"] = date(2026, 6, 19)
    [f] = _findings(cli, tmp_path, files)
    assert f["code"] == "study-end-passed" and f["clause"] == "6.8.2.3"
    assert "S1" in f["message"] and "2026-06-19" in f["message"]


def test_clause_6_8_2_3_the_study_end_moves_by_the_academic_leave_6_7_6(cli, tmp_path):
    files = base_data()
    s1 = _s(files, 0)
    s1["nominal_end"] = date(2026, 6, 19)
    s1["status"] = [
        {"status": "active", "start": date(2024, 9, 2), "end": date(2025, 1, 31)},
        {"status": "academic_leave", "start": date(2025, 2, 1), "end": date(2025, 6, 30), "reason": "military",
         "evidence": "kutse"},
        {"status": "active", "start": date(2025, 7, 1)},
    ]
    # 150 days of leave: the study end moves from 19.06.2026 to 16.11.2026.
    assert _findings(cli, tmp_path / "a", files, as_of="2026-11-16") == []
    [f] = _findings(cli, tmp_path / "b", files)
    assert f["code"] == "study-end-passed" and f["clause"] == "6.8.2.3, 6.7.6"
    assert "2026-11-16" in f["message"] and "2026-06-19" in f["message"]


def test_clause_6_8_2_3_a_graduated_student_is_not_listed(cli, tmp_path):
    files = base_data()
    s1 = _s(files, 0)
    s1["nominal_end"] = date(2026, 6, 19)
    s1["status"] = [{"status": "active", "start": date(2024, 9, 2), "end": date(2026, 6, 18)},
                    {"status": "graduated", "start": date(2026, 6, 19)}]
    assert _findings(cli, tmp_path, files) == []


def test_clause_6_7_10_6_8_2_5_leave_ended_without_return(cli, tmp_path):
    files = base_data()
    _s(files, 0)["status"] = [
        {"status": "active", "start": date(2024, 9, 2), "end": date(2025, 10, 31)},
        {"status": "academic_leave", "start": date(2025, 11, 1), "end": date(2026, 10, 30), "reason": "health",
         "evidence": "tõend"},
    ]
    [f] = _findings(cli, tmp_path, files)
    assert f["code"] == "leave-return" and f["clause"] == "6.7.10, 6.8.2.5"
    assert "S1" in f["message"] and "2026-10-30" in f["message"]


def test_the_sample_data_shows_one_of_each(cli):
    from pathlib import Path

    root = Path(__file__).parent.parent / "data"
    result = cli("validate", "--data", root, "--as-of", "2026-11-23", "--select", SELECT, "--format", "json")
    found = sorted((f["code"], f["message"].split()[1]) for f in json.loads(result.stdout)["findings"])
    assert [code for code, _ in found] == ["leave-return", "never-started", "study-end-passed"]
    text = result.stdout
    assert "ITN-24-06" in text and "ITS-26-11" in text and "ITN-24-05" in text
