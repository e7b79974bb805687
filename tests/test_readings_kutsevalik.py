"""Issue 16, 3.1.2 with 3.2.3: vocational-choice study (kutsevaliku õpe) is level-2 study, so level
education for the special allowance too; excluding it is a school setting, off by default."""

from __future__ import annotations

import json

from tests.conftest import write_data
from tests.test_allowances import applicant, cluster_with


def _special(cli, root):
    result = cli("allowances", "special", "--month", "2026-11", "--data", root, "--format", "json")
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def _vocational_choice(profile=None):
    files = cluster_with([applicant("A1", 1)], profile=profile)
    cur = files["curricula.yaml"][0]
    cur.update(level=2, kind="vocational_choice", ekap=30)
    cur["modules"] = [{"id": "M1", "name": "Töö", "type": "core", "ekap": 30, "practical_work_ekap": 25}]
    return files


def test_3_2_3_lisa_12_2_1_3_vocational_choice_student_may_get_the_special_allowance(cli, tmp_path):
    doc = _special(cli, write_data(tmp_path / "d", _vocational_choice()))
    assert [a["student"] for a in doc["applicants"]] == ["A1"]
    assert doc["excluded"] == []


def test_3_2_3_lisa_12_2_1_3_excluding_vocational_choice_is_the_schools_setting(cli, tmp_path):
    files = _vocational_choice({"allowances_exclude_vocational_choice": True})
    doc = _special(cli, write_data(tmp_path / "d", files))
    [excluded] = doc["excluded"]
    assert ("not-level-education", "Lisa 12 2.1.3") in [(r["code"], r["clause"]) for r in excluded["reasons"]]
