"""Issue 21: a recorded stop of an allowance — the committee's proposal and the directive
(`measures: [{kind: allowance_stop, …}]`) stop the basic allowance mid-round (6.1.10.2, 6.9.2.5,
Lisa 11 V.6), an ineligible student's at once and with no right this and next study year (Lisa 11
VII.1–VII.2), a special allowance at once (Lisa 12 4.2). Through `cluster grants report|rank`
and `cluster allowances special` on real files."""

from __future__ import annotations

import json
from datetime import date

import pytest

from tests import test_allowances as allowances
from tests.conftest import write_data
from tests.test_grants import ROUND, applicant, cluster_with, excluded_reasons


@pytest.fixture
def grants(cli, tmp_path):
    counter = iter(range(100))

    def _run(files, *args):
        result = cli("grants", *args, "--data", write_data(tmp_path / f"g{next(counter)}", files), "--format", "json")
        assert result.exit_code == 0, result.output
        return json.loads(result.stdout)

    return _run


@pytest.fixture
def run(cli, tmp_path):
    counter = iter(range(100))

    def _run(kind, files, month):
        root = write_data(tmp_path / f"a{next(counter)}", files)
        result = cli("allowances", kind, "--month", month, "--data", root, "--format", "json")
        assert result.exit_code == 0, result.output
        return json.loads(result.stdout)

    return _run


def _three(a1_measures):
    # 3 places × 60 € × coefficient 1: autumn pays 2 allowances (A1, A2); A3 is next in line.
    a1 = applicant("A1", 1, grades=(5, 5), measures=a1_measures)
    return cluster_with([a1, applicant("A2", 2, grades=(5, 4)), applicant("A3", 3, grades=(4, 4))],
                        places=3, coefficient=1)


def stop(day, **extra):
    return [{"date": day, "kind": "allowance_stop", "directive": True, **extra}]


def paid(doc):
    return [p["student"] for p in doc["payments"]]


def test_clause_6_1_10_2_the_committee_s_stop_ends_the_allowance_from_the_next_month(grants):
    files = _three(stop(date(2026, 11, 12), note="põhjuseta puudumised"))
    assert paid(grants(files, "report", "--month", "2026-11")) == ["A1", "A2"]  # decided in November
    doc = grants(files, "report", "--month", "2026-12")
    [s] = doc["stopped"]
    assert (s["student"], s["clause"]) == ("A1", "6.1.10.2, 6.9.2.5, Lisa 11 V.6")
    assert paid(doc) == ["A2", "A3"]  # the next in the ranking moves up (VII.2)


def test_clause_lisa_11_vii_1_an_ineligible_student_is_stopped_at_once(grants):
    files = _three(stop(date(2026, 11, 12), ineligible=True))
    doc = grants(files, "report", "--month", "2026-11")
    [s] = doc["stopped"]
    assert (s["student"], s["clause"]) == ("A1", "Lisa 11 VII.1, VII.2")
    assert paid(doc) == ["A2", "A3"]


def test_clause_lisa_11_vii_1_no_right_this_study_year_and_the_next(grants):
    # stopped in March 2026 (study year 2025/26): barred from the 2026 autumn round (2026/27) too
    files = _three(stop(date(2026, 3, 16), ineligible=True))
    assert ("barred", "Lisa 11 VII.1") in excluded_reasons(grants(files, "rank", "--round", ROUND), "A1")
    # an ordinary stop bars nothing
    files = _three(stop(date(2026, 3, 16)))
    assert excluded_reasons(grants(files, "rank", "--round", ROUND), "A1") == []
    # two study years later the right is back
    files = _three(stop(date(2025, 3, 17), ineligible=True))
    assert excluded_reasons(grants(files, "rank", "--round", ROUND), "A1") == []


def test_clause_lisa_12_4_2_a_special_allowance_is_stopped_at_once(run):
    s = allowances.applicant("A1", 1, measures=stop(date(2026, 11, 3), allowance="special", ineligible=True))
    doc = run("special", allowances.cluster_with([s, allowances.applicant("A2", 2)]), "2026-11")
    assert ("stopped", "Lisa 12 4.2") in allowances.reasons_of(doc, "A1")
    assert [a["student"] for a in doc["applicants"]] == ["A2"]
    # a basic-allowance stop leaves the special allowance alone
    s = allowances.applicant("A1", 1, measures=stop(date(2026, 11, 3)))
    doc = run("special", allowances.cluster_with([s, allowances.applicant("A2", 2)]), "2026-11")
    assert sorted(a["student"] for a in doc["applicants"]) == ["A1", "A2"]
