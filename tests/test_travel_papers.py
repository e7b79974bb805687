"""Issue 21, Lisa 14: trips to other study places within the budget (2.5), the one-time
application at the start of studies (3.2) and the group supervisor's check of each monthly
report (3.3, 3.5). Through `cluster allowances travel` and `cluster validate` on real files."""

from __future__ import annotations

import json
from datetime import date

import pytest

from tests import test_allowances as A
from tests.conftest import write_data


@pytest.fixture
def run(cli, tmp_path):
    counter = iter(range(100))

    def _run(files, *args):
        root = write_data(tmp_path / f"t{next(counter)}", files)
        result = cli(*args, "--data", root, "--format", "json")
        assert result.exit_code == 0, result.output
        return json.loads(result.stdout)

    return _run


def dormitory(app, **extra):
    return A.cluster_with([A.traveller("D1", 1, app, dormitory=True, **extra)])


def test_clause_lisa_14_2_5_a_trip_to_another_study_place_is_paid_once_approved(run):
    # 1 Oct and 7 Oct are the weekly trips of weeks 40 and 41; 5 Oct (week 41) is a trip to a
    # competition — beside the weekly one, paid only with the study director's approval.
    app = A.bus([1, 7], cost=4.90)
    app["journeys"].append({"date": date(2026, 10, 5), "cost": 7.10, "study_place": "Kutsemeistrivõistlused, Tallinn"})
    c = A.claim(run(dormitory(app), "allowances", "travel", "--month", "2026-11"), "D1")
    assert c["amount"] == "9.80"
    [line] = [j for j in c["journeys"] if not j["accepted"]]
    assert (line["date"], line["clause"]) == ("2026-10-05", "Lisa 14 2.5")
    app["journeys"][-1]["approved"] = date(2026, 10, 1)
    c = A.claim(run(dormitory(app), "allowances", "travel", "--month", "2026-11"), "D1")
    assert c["amount"] == "16.90" and all(j["accepted"] for j in c["journeys"])


def findings(doc, code):
    return [f for f in doc["findings"] if f["code"] == code]


def validate(run, files, rule):
    return run(files, "validate", "--as-of", "2026-11-23", "--select", rule, "--lang", "en")


def test_clause_lisa_14_3_2_the_travel_application_comes_once_at_the_start(run):
    app = A.bus([1, 7], cost=4.90, checked=date(2026, 11, 6))
    [v] = findings(validate(run, dormitory(app), "travel-application"), "travel-application")
    assert v["clause"] == "Lisa 14 3.2" and "D1" in v["message"] and v["path"].endswith("applications[0]")
    assert findings(validate(run, dormitory(app, travel_applied=date(2025, 9, 3)), "travel-application"),
                    "travel-application") == []


def test_clause_lisa_14_3_3_3_5_the_supervisor_checks_and_forwards_the_report_by_the_7th(run):
    # October's report: the 7th of November 2026 is a Saturday, so due on Friday 6 November
    [v] = findings(validate(run, dormitory(A.bus([1, 7])), "travel-check"), "travel-check")
    assert v["clause"] == "Lisa 14 3.3, 3.5" and "2026-11-06" in v["message"]
    [v] = findings(validate(run, dormitory(A.bus([1, 7], checked=date(2026, 11, 9))), "travel-check"), "travel-check")
    assert "later than" in v["message"]
    assert findings(validate(run, dormitory(A.bus([1, 7], checked=date(2026, 11, 6))), "travel-check"),
                    "travel-check") == []
    # November's report is not due yet on 23 November
    app = A.bus([2, 9], month="2026-11", submitted=date(2026, 11, 20))
    assert findings(validate(run, dormitory(app), "travel-check"), "travel-check") == []
