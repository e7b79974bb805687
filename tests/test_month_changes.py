"""What changed since last month (issue 19): the payment lists compared with the month before,
computed from the data for both months — starts, stops with their clause, moving up (Lisa 11
VII.2), amount changes; totals per kind, curriculum and in all. On a copy of the sample data with
a change made between the months."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from tests.conftest import write_data

SAMPLE = Path(__file__).resolve().parent.parent / "data"


def _sample(tmp_path: Path) -> Path:
    root = tmp_path / "data"
    shutil.copytree(SAMPLE, root)
    return root


def _leaves(root: Path, sid: str, day: str) -> None:
    """The student is expelled on `day` (added after their first status entry)."""
    path = next(p for p in (root / "students").rglob("*.yaml") if f"- id: {sid}\n" in p.read_text(encoding="utf-8"))
    text = path.read_text(encoding="utf-8")
    head, tail = text.split(f"- id: {sid}\n", 1)
    entry = "    - status: active\n      start: 2024-09-02\n"
    assert entry in tail
    tail = tail.replace(entry, entry + f"    - status: expelled\n      start: {day}\n", 1)
    path.write_text(head + f"- id: {sid}\n" + tail, encoding="utf-8")


def _changes(cli, root: Path, month: str, *command: str) -> dict:
    result = cli(*(command or ("grants", "report")), "--month", month, "--data", root, "--format", "json")
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)["changes"]


def test_clause_vii_2_a_student_who_leaves_stops_next_month_and_the_next_moves_up(cli, tmp_path):
    root = _sample(tmp_path)
    before = _changes(cli, root, "2026-12")
    # the sample's one change: ITN-24-04's allowance stopped by the committee from December (6.1.10.2)
    assert [(c["student"], c["code"]) for c in before["changes"] if c["kind"] == "basic"] == \
        [("ITN-24-04", "stopped-measure")]
    _leaves(root, "TA-24-01", "2026-11-10")
    doc = _changes(cli, root, "2026-12")
    assert doc["month"] == "2026-12" and doc["previous"] == "2026-11"
    stop = next(c for c in doc["changes"] if c["change"] == "stop" and c["student"] == "TA-24-01")
    assert (stop["student"], stop["code"], stop["clause"]) == ("TA-24-01", "stopped-left", "Lisa 11 VII.2")
    assert (stop["before"], stop["after"], stop["difference"]) == ("60.00", "0.00", "-60.00")
    moved = [c for c in doc["changes"] if c["change"] == "moved_up"]
    assert len(moved) == 1 and moved[0]["curriculum"] == "204365" and moved[0]["clause"] == "Lisa 11 VII.2"
    assert "TA-24-01" in moved[0]["message"] and moved[0]["after"] == "60.00"
    totals = {(x["kind"], x["curriculum"]): x for x in doc["totals"]}
    curriculum = totals[("basic", "204365")]
    assert (curriculum["stops"], curriculum["moved_up"], curriculum["difference"]) == (1, 1, "0.00")
    assert (totals[("basic", None)]["paid_before"], totals[("basic", None)]["paid_now"]) == (36, 35)  # ITN-24-04
    # November itself is unchanged: the change is seen from the month after it
    assert not any(c["student"] == "TA-24-01" for c in _changes(cli, root, "2026-11")["changes"])


def test_a_new_allowance_amount_is_an_amount_change_for_everyone_paid(cli, tmp_path):
    root = _sample(tmp_path)
    write_data(root, {"profile.yaml": "parameters:\n  grant_amount:\n    values:\n      2026-12-01: 65.00\n"})
    doc = _changes(cli, root, "2026-12")
    amounts = [c for c in doc["changes"] if c["change"] == "amount"]
    assert len(amounts) == 35  # ITN-24-04's allowance stopped from December
    assert {(c["before"], c["after"], c["clause"]) for c in amounts} == {("60.00", "65.00", "Lisa 11 II.1.1, V.3")}
    basic = next(x for x in doc["totals"] if x["kind"] == "basic" and x["curriculum"] is None)
    assert (basic["before"], basic["after"], basic["difference"], basic["amounts"]) == ("2160.00", "2275.00",
                                                                                          "115.00", 35)


def test_a_new_round_starts_and_stops_from_its_own_ranking(cli, tmp_path):
    root = _sample(tmp_path)
    september = _changes(cli, root, "2026-09")
    assert {c["change"] for c in september["changes"] if c["kind"] == "basic"} == {"start"}
    assert september["totals"][-1]["paid_before"] == 0
    spring = _changes(cli, root, "2027-02")  # nobody in the sample applied for the spring round
    assert len(spring["changes"]) == 35
    assert {(c["change"], c["code"], c["clause"]) for c in spring["changes"]} == {
        ("stop", "no-application", "Lisa 11 IV.4")}


def test_special_allowance_list_says_who_did_not_apply_again(cli, tmp_path):
    root = _sample(tmp_path)
    doc = _changes(cli, root, "2026-11", "allowances", "special")
    stop = next(c for c in doc["changes"] if c["change"] == "stop")
    assert (stop["student"], stop["kind"], stop["code"], stop["clause"]) == (
        "ITN-25-05", "special", "change-no-application", "Lisa 12 3.4")
    assert {c["student"] for c in doc["changes"] if c["change"] == "start"} == {"AKH-26-07", "TA-24-13", "ITN-25-06"}
    travel = _changes(cli, root, "2026-11", "allowances", "travel")
    assert all(c["kind"] == "travel" for c in travel["changes"])


def test_changes_in_the_table_and_the_workbook(cli, tmp_path):
    from openpyxl import load_workbook

    root = _sample(tmp_path)
    _leaves(root, "TA-24-01", "2026-11-10")
    table = cli("grants", "report", "--month", "2026-12", "--data", root)
    assert table.exit_code == 0
    assert "Muudatused võrreldes eelmise kuuga" in table.stdout and "põhitoetus kokku" in table.stdout
    out = tmp_path / "maksed.xlsx"
    assert cli("grants", "report", "--month", "2026-12", "--data", root, "--output", out).exit_code == 0
    wb = load_workbook(out)
    assert wb.sheetnames[2:4] == ["muudatused", "muudatuste kokkuvõte"]
    rows = list(wb["muudatused"].iter_rows(min_row=3, values_only=True))
    stop = next(r for r in rows if r and r[1] == "TA-24-01")
    assert stop[3] == "lõpeb" and stop[4] == 60 and stop[6] == -60 and stop[7] == "Lisa 11 VII.2"
