"""`cluster members list|show` and `cluster tasks` (seed 000 activities 1, 7, 9), and the validate
rule `catalogue-task`: a placement's catalogue tasks are from the student's curriculum and serve
the placement's modules (Lisa 7 1.4.5). Real CLI, real files; outputs read back."""

from __future__ import annotations

import csv
import io
import json
from datetime import date
from pathlib import Path

import pytest

from tests.conftest import AS_OF, base_data, findings_of, write_data


def cluster():
    files = base_data()
    members = {m["id"]: m for m in files["members.yaml"]}
    members["koodikoda"]["offers"] = {
        "joint_placements": True,
        "capacity": [
            {"curriculum": "150001", "start": date(2026, 3, 2), "end": date(2026, 5, 8), "places": 4},  # ended
            {"curriculum": "150001", "start": date(2027, 2, 1), "end": date(2027, 3, 26), "places": 2},
        ],
        "supervisors": [{"name": "Tiit Tarkvara", "role": "arendusjuht", "email": "tiit@koodikoda.ee"}],
        "tasks": ["T-WEB-01"],
    }
    members["andmesild"]["partnership"] = "developing"
    members["andmesild"]["recognition"] = {"date": date(2026, 12, 10), "decision": "otsus nr 2026/9"}  # not yet
    return files


@pytest.fixture
def root(tmp_path):
    return write_data(tmp_path / "d", cluster())


def as_json(cli, *args):
    result = cli(*args, "--format", "json")
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


# --- members list ---------------------------------------------------------------------------


def test_list_every_member_with_kind_partnership_and_recognition(cli, root):
    doc = as_json(cli, "members", "list", "--data", root, "--as-of", AS_OF)
    rows = {m["id"]: m for m in doc["members"]}
    assert list(rows) == ["vvttk", "andmesild", "koodikoda"]  # schools first, then by id
    assert rows["koodikoda"]["recognised"] is True and rows["koodikoda"]["partnership"] == "strategic"
    assert rows["koodikoda"]["joint_placements"] is True
    assert rows["koodikoda"]["places"] == 2  # the offer that ended in May 2026 is not counted
    assert rows["andmesild"]["recognised"] is False  # the committee decides on 10 December (2.27)


def test_filters_kind_partnership_recognised_curriculum(cli, root):
    ids = lambda *a: [m["id"] for m in as_json(cli, "members", "list", "--data", root, "--as-of", AS_OF, *a)["members"]]  # noqa: E731
    assert ids("--kind", "company") == ["andmesild", "koodikoda"]
    assert ids("--partnership", "developing") == ["andmesild"]
    assert ids("--recognised") == ["koodikoda"]
    assert ids("--not-recognised") == ["vvttk", "andmesild"]
    assert ids("--curriculum", "150001") == ["koodikoda"]
    # recognition is judged on the as-of date: after the committee met, andmesild is recognised
    later = as_json(cli, "members", "list", "--data", root, "--as-of", "2026-12-10", "--recognised")
    assert [m["id"] for m in later["members"]] == ["andmesild", "koodikoda"]


def test_unknown_curriculum_is_a_usage_error(cli, root):
    result = cli("members", "list", "--data", root, "--curriculum", "999999")
    assert result.exit_code == 2 and "150001" in result.stderr


def test_activity_1_coordinators_and_areas_of_responsibility(cli, root):
    doc = as_json(cli, "members", "list", "--data", root, "--as-of", AS_OF)
    assert doc["coordinators"] == [{"name": "Mari Maasikas", "member": "vvttk", "areas": ["praktikad"],
                                    "email": "mari@vvttk.ee", "phone": None}]
    result = cli("members", "list", "--data", root, "--as-of", AS_OF, "--format", "csv", "--view", "coordinators",
                 "--lang", "en")
    [row] = list(csv.DictReader(io.StringIO(result.stdout)))
    assert row["Areas of responsibility"] == "praktikad" and row["Member"] == "vvttk"


def test_offers_view_as_csv(cli, root):
    result = cli("members", "list", "--data", root, "--as-of", AS_OF, "--format", "csv", "--view", "offers",
                 "--lang", "en")
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert [(r["Member"], r["Start"], r["End"], r["Places"]) for r in rows] == [
        ("koodikoda", "2027-02-01", "2027-03-26", "2")]


# --- members show ---------------------------------------------------------------------------


def test_show_member_contacts_offers_supervisors_tasks_and_placements(cli, root):
    doc = as_json(cli, "members", "show", "koodikoda", "--data", root, "--as-of", AS_OF)
    assert doc["name"] == "Koodikoda OÜ" and doc["recognised"] is True
    assert [o["places"] for o in doc["offers"]] == [4, 2]  # every offer, ended ones too
    assert doc["supervisors"][0]["name"] == "Tiit Tarkvara"
    assert [t["id"] for t in doc["tasks"]] == ["T-WEB-01"]
    assert [p["id"] for p in doc["placements"]] == ["P1"]
    school = as_json(cli, "members", "show", "vvttk", "--data", root, "--as-of", AS_OF)
    assert [c["name"] for c in school["coordinators"]] == ["Mari Maasikas"]
    table = cli("members", "show", "koodikoda", "--data", root, "--as-of", AS_OF, "--lang", "en").stdout
    assert "Placements hosted" in table and "Tiit Tarkvara" in table


def test_show_unknown_member_is_a_usage_error(cli, root):
    result = cli("members", "show", "nobody", "--data", root)
    assert result.exit_code == 2 and "koodikoda" in result.stderr


def test_members_help_has_examples(cli):
    for sub in ("list", "show"):
        assert "Example" in cli("members", sub, "--help", "--lang", "en").stdout


# --- tasks (activity 9) ---------------------------------------------------------------------


def test_tasks_with_expected_results_and_members_offering_them(cli, root):
    doc = as_json(cli, "tasks", "--data", root)
    [task] = doc["tasks"]
    assert task["id"] == "T-WEB-01" and task["expected_results"] == ["Töötav veebileht"]
    assert task["offered_by"] == ["koodikoda"]
    assert as_json(cli, "tasks", "--data", root, "--module", "M3")["tasks"][0]["id"] == "T-WEB-01"
    assert as_json(cli, "tasks", "--data", root, "--module", "M1")["tasks"] == []
    assert as_json(cli, "tasks", "--data", root, "--member", "andmesild")["tasks"] == []
    result = cli("tasks", "--data", root, "--format", "csv", "--view", "results", "--lang", "en")
    assert list(csv.DictReader(io.StringIO(result.stdout))) == [
        {"Id": "T-WEB-01", "No.": "1", "Expected results": "Töötav veebileht"}]


def test_tasks_unknown_module_is_a_usage_error(cli, root):
    result = cli("tasks", "--data", root, "--module", "X9")
    assert result.exit_code == 2 and "M3" in result.stderr
    assert "Example" in cli("tasks", "--help", "--lang", "en").stdout


# --- validate: catalogue tasks (seed 000 activity 9, Lisa 7 1.4.5) --------------------------


def with_task(**task):
    files = base_data()
    files["curricula.yaml"].append({**files["curricula.yaml"][0], "code": "150002", "name": "Muu õppekava"})
    files["tasks.yaml"].append({"id": "T-X", "title": "Muu ülesanne", "expected_results": ["Tulemus"], **task})
    files["placements.yaml"][0]["hosts"][0]["tasks"] = [{"catalogue": "T-X"}]
    return files


def test_clause_lisa_7_1_4_5_catalogue_task_serving_the_module_passes(cli, tmp_path):
    code, doc = cli.validate_json(write_data(tmp_path / "d", with_task(curriculum="150001", modules=["M1", "M3"])))
    assert code == 0 and findings_of(doc, "catalogue-task") == []


def test_clause_lisa_7_1_4_5_catalogue_task_of_another_curriculum(cli, tmp_path):
    code, doc = cli.validate_json(write_data(tmp_path / "d", with_task(curriculum="150002", modules=["M3"])))
    assert code == 1
    [f] = findings_of(doc, "catalogue-task")
    assert (f["severity"], f["clause"], f["path"]) == (
        "error", "Lisa 7 1.4.5", "placements[0].hosts[0].tasks[0].catalogue")
    assert "150002" in f["message"] and "cluster tasks --curriculum 150001" in f["hint"]


def test_clause_lisa_7_1_4_5_catalogue_task_not_serving_the_placements_modules(cli, tmp_path):
    files = with_task(curriculum="150001", modules=["M1", "M2"])
    code, doc = cli.validate_json(write_data(tmp_path / "d", files))
    [f] = findings_of(doc, "catalogue-task")
    assert code == 1 and f["severity"] == "error" and "M1, M2" in f["message"]
    files["placements.yaml"][0]["status"] = "draft"  # a draft may still be sorted out
    code, doc = cli.validate_json(write_data(tmp_path / "d2", files))
    [f] = findings_of(doc, "catalogue-task")
    assert f["severity"] == "warning"


def test_unknown_catalogue_task_is_left_to_unknown_reference(cli, tmp_path):
    files = base_data()
    files["placements.yaml"][0]["tasks"] = [{"catalogue": "T-NONE"}]
    code, doc = cli.validate_json(write_data(tmp_path / "d", files))
    assert findings_of(doc, "catalogue-task") == [] and findings_of(doc, "unknown-reference")


def test_show_json_masks_a_signers_personal_code_unless_asked(cli):
    """A host's or school's representative who signs has a personal code: personal data."""
    sample = Path(__file__).resolve().parents[1] / "data"
    masked = json.loads(cli("members", "show", "vvttk", "--data", sample, "--format", "json").stdout)
    [director] = [c for c in masked["contacts"] if c.get("personal_code")]
    assert director["personal_code"] == "*******2853"
    shown = json.loads(cli("members", "show", "vvttk", "--data", sample, "--format", "json", "--show-pii").stdout)
    assert "47402112853" in [c.get("personal_code") for c in shown["contacts"]]
