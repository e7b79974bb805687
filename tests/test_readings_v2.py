"""Issue 16, Lisa 11 V.2: the ranking has no threshold of its own; a school's threshold cites the
school's condition; a student with no grades in the window is ranked last, not excluded."""

from __future__ import annotations

import json
from datetime import date

from tests.conftest import write_data
from tests.test_grants import ROUND, applicant, cluster_with, excluded_reasons, ranked_ids


def _rank(cli, root):
    result = cli("grants", "rank", "--round", ROUND, "--data", root, "--format", "json")
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def _thresholds(files, **condition):
    criteria = [{"name": "weighted_average", "min": 3, **condition}, {"name": "period_average"},
                {"name": "completion", "min": 0.8, **condition}, {"name": "unexcused"}]
    files["profile.yaml"] = {"parameters": {"grant_ranking": {"values": {date(2022, 8, 25): {
        "criteria": criteria,
        "tie_breaks": ["outstanding_results", "social_activity", "attendance", "lower_income"]}}}}}
    return files


def _back_from_leave():
    """Back from military leave in the window: no grades there, no debts, within nominal time."""
    return applicant("A9", 9, grades=(), status=[
        {"status": "active", "start": date(2025, 9, 1), "end": date(2025, 12, 31)},
        {"status": "academic_leave", "reason": "military", "start": date(2026, 1, 1), "end": date(2026, 8, 31)},
        {"status": "active", "start": date(2026, 9, 1)}])


def test_lisa11_v2_low_average_is_ranked_not_excluded(cli, tmp_path):
    files = cluster_with([applicant("A1", 1, grades=(2, 3)), applicant("A2", 2, grades=(4, 4))])
    doc = _rank(cli, write_data(tmp_path / "d", files))
    assert ranked_ids(doc) == ["A2", "A1"]
    assert doc["excluded"] == []


def test_lisa11_v2_no_grades_in_the_window_is_ranked_last(cli, tmp_path):
    files = cluster_with([_back_from_leave(), applicant("A1", 1, grades=(3, 3)), applicant("A2", 2)])
    doc = _rank(cli, write_data(tmp_path / "d", files))
    assert ranked_ids(doc) == ["A2", "A1", "A9"]
    # ...and stays ranked when the school sets thresholds: no value fails no threshold.
    doc = _rank(cli, write_data(tmp_path / "t", _thresholds(files)))
    assert ranked_ids(doc) == ["A2", "A1", "A9"]


def test_lisa11_v2_school_threshold_cites_the_schools_condition(cli, tmp_path):
    files = cluster_with([applicant("A1", 1, grades=(2, 3)), applicant("A2", 2)])
    doc = _rank(cli, write_data(tmp_path / "d", _thresholds(files)))
    assert ranked_ids(doc) == ["A2"]
    assert excluded_reasons(doc, "A1") == [("school-threshold", "Lisa 11 V (ÕÕS § 5 lg 8)")] * 2
    doc = _rank(cli, write_data(tmp_path / "c", _thresholds(files, condition="Toetuse tingimused 2026 p 4")))
    assert ("school-threshold", "Toetuse tingimused 2026 p 4") in excluded_reasons(doc, "A1")
    assert all("V.2" not in clause for _, clause in excluded_reasons(doc, "A1"))
    text = cli("grants", "rank", "--round", ROUND, "--data", write_data(tmp_path / "e", _thresholds(files)),
               "--lang", "en").stdout
    assert "the school's condition requires" in text
