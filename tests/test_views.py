"""What every report's views say (issue 14): labels that do not mislead, every `--format` honoured
or refused, an empty result that says why on stderr, and the views' kinds, compact sets and
totals."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from tests.conftest import AS_OF, write_data
from tests.test_grants import ROUND, applicant, cluster_with

SAMPLE = Path(__file__).resolve().parent.parent / "data"


def _csv(text: str) -> list[dict]:
    return list(csv.DictReader(io.StringIO(text)))


# --- labels that do not mislead ---------------------------------------------------------------


def test_fund_counts_the_curriculums_applicants(cli, tmp_path):
    """`grants fund` under the places split: "Taotlejaid" is how many applied, not 0."""
    root = write_data(tmp_path / "d", cluster_with([applicant("A1", 1), applicant("A2", 2), applicant("A3", 3)]))
    result = cli("grants", "fund", "--year", "2026/2027", "--data", root, "--format", "csv", "--view", "curricula")
    assert result.exit_code == 0, result.output
    rows = {r["Voor"]: r for r in _csv(result.stdout)}
    assert rows[ROUND]["Taotlejaid"] == "3"
    assert rows["2027-spring"]["Taotlejaid"] == "0"
    # the JSON document keeps its own field (the eligible applicants the split rule weighs)
    doc = json.loads(cli("grants", "fund", "--year", "2026/2027", "--data", root, "--format", "json").stdout)
    assert doc["rounds"][0]["curricula"][0]["eligible_applicants"] == 0


def test_fund_calls_capacity_what_it_is(cli, tmp_path):
    """The allowances a curriculum's share pays for are places, not awards ("Määratud")."""
    root = write_data(tmp_path / "d", cluster_with([applicant("A1", 1)]))
    for lang, banned in (("et", "määratud"), ("en", "awarded")):
        out = cli("grants", "fund", "--year", "2026/2027", "--data", root, "--lang", lang).stdout
        assert banned not in out.lower(), out
    out = cli("grants", "fund", "--year", "2026/2027", "--data", root, "--format", "csv", "--view", "curricula").stdout
    header = next(csv.reader(io.StringIO(out)))
    assert "Toetuskohti" in header and "Kohtade summa €" in header


@pytest.mark.parametrize("lang, today", [("et", "täna"), ("en", "today")])
def test_calendar_does_not_call_a_date_today(cli, lang, today):
    result = cli("calendar", "--data", SAMPLE, "--as-of", AS_OF, "--days", "60", "--lang", lang, "--format", "json")
    assert result.exit_code == 0, result.output
    doc = json.loads(result.stdout)
    pays = [e for e in doc["events"] if e["kind"] == "grant-pay"]
    assert pays and all(e["date"] != AS_OF for e in pays)
    assert not [e["message"] for e in doc["events"] if today in e["message"].lower()]
    table = cli("calendar", "--data", SAMPLE, "--as-of", AS_OF, "--days", "60", "--lang", lang).stdout
    assert today not in table.lower()


# --- --format honoured or refused -------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_explain_refuses_a_format_it_cannot_produce(cli, tmp_path, fmt):
    root = write_data(tmp_path / "d", cluster_with([applicant("A1", 1)]))
    result = cli("grants", "explain", "A1", "--round", ROUND, "--data", root, "--format", fmt, "--lang", "en")
    assert result.exit_code == 2, result.output
    assert result.stdout == ""
    assert f"--format {fmt}" in result.stderr and "table, json" in result.stderr


def test_explain_honours_table_and_json(cli, tmp_path):
    root = write_data(tmp_path / "d", cluster_with([applicant("A1", 1)]))
    text = cli("grants", "explain", "A1", "--round", ROUND, "--data", root, "--format", "table")
    assert text.exit_code == 0 and "A1" in text.stdout
    doc = json.loads(cli("grants", "explain", "A1", "--round", ROUND, "--data", root, "--format", "json").stdout)
    assert doc["student"] == "A1" and doc["eligible"] is True
