"""`cluster match`: who needs a placement, hosts with free places over the whole period and why,
joint placements (seed 000 activity 7), students blocked by open debts (6.2.3), level-2 and
special-needs students flagged for the school to secure (Lisa 7 10.2) — and `--write`, which adds
drafts to the placement files without losing their comments or order. Real CLI, real files; the
report read back from JSON and CSV."""

from __future__ import annotations

import copy
import csv
import io
import json
from datetime import date

import pytest

from tests.conftest import AS_OF, base_data, write_data

STUDENTS = "students/TA-24.yaml"
PERIOD = {"module": "M3", "start": date(2027, 2, 1), "end": date(2027, 3, 26)}
CODES = {"S3": "50802022232", "S4": "50803032233", "S5": "60804042235", "S6": "50805052235", "S7": "60806062237"}


def student(files, sid, **extra):
    s = copy.deepcopy(files[STUDENTS][0])
    s.update(id=sid, personal_code=CODES[sid], first_name="Õpilane", last_name=sid, grades=[], **extra)
    s.pop("iban", None)
    return s


def capacity(files, member, places, start=PERIOD["start"], end=PERIOD["end"]):
    m = next(m for m in files["members.yaml"] if m["id"] == member)
    m.setdefault("offers", {}).setdefault("capacity", []).append(
        {"curriculum": "150001", "start": start, "end": end, "places": places})
    return m


def cluster(*sids, koodikoda=2, andmesild=1):
    """The base cluster with a practice period for TA-24 (S1 is placed at koodikoda already),
    these students needing a placement, and whole-period places at both companies."""
    files = base_data()
    files["groups.yaml"][0]["practice_periods"] = [PERIOD]
    files[STUDENTS] = files[STUDENTS][:1] + [student(files, sid) for sid in sids]  # S1 and the new ones
    capacity(files, "koodikoda", koodikoda)["offers"]["tasks"] = ["T-WEB-01"]
    capacity(files, "andmesild", andmesild)
    return files


@pytest.fixture
def match(cli, tmp_path):
    counter = iter(range(1000))

    def _run(files, *extra, code=0):
        root = write_data(tmp_path / f"d{next(counter)}", files)
        result = cli("match", "--data", root, "--as-of", AS_OF, "--format", "json", *extra)
        assert result.exit_code == code, result.output
        return json.loads(result.stdout) if code == 0 else result

    return _run


def need(doc, sid):
    return next(s for s in doc["students"] if s["student"] == sid)


def hosts(proposal):
    return [(h["member"], h["start"], h["end"]) for h in proposal["hosts"]]


# --- who needs a placement ----------------------------------------------------------------


def test_students_with_a_placement_in_the_period_are_not_matched(match):
    doc = match(cluster("S3"))
    assert [s["student"] for s in doc["students"]] == ["S3"]  # S1 has P1
    assert doc["from"] == AS_OF and doc["to"] == "2027-08-31"


def test_a_cancelled_placement_does_not_count(match):
    files = cluster()
    files["placements.yaml"][0]["status"] = "cancelled"
    doc = match(files)
    assert need(doc, "S1")["outcome"] == "proposed"


def test_a_period_outside_the_window_is_not_matched(match):
    doc = match(cluster("S3"), "--from", "2027-04-01", "--to", "2027-06-30")
    assert doc["students"] == []


def test_group_filter_and_unknown_group(match):
    assert [s["student"] for s in match(cluster("S3"), "--group", "TA-24")["students"]] == ["S3"]
    result = match(cluster("S3"), "--group", "XX-99", code=2)
    assert "XX-99" in result.stderr


def test_window_that_ends_before_it_starts_is_a_usage_error(match):
    result = match(cluster("S3"), "--from", "2027-03-01", "--to", "2027-02-01", code=2)
    assert "01.03.2027" in result.stderr  # the language's date, the default Estonian


# --- single hosts, capacity and reasons ----------------------------------------------------


def test_hosts_ranked_with_reasons_capacity_recognition_tasks_partnership(match):
    doc = match(cluster("S3"))
    s3 = need(doc, "S3")
    assert s3["outcome"] == "proposed"
    assert s3["module"] == "M3" and s3["hours"] == 780 and s3["ekap"] == "30"  # 30 EKAP × 26 h (2.3)
    first, second = s3["proposals"]
    assert hosts(first) == [("koodikoda", "2027-02-01", "2027-03-26")]
    assert first["free"] == 1  # 2 places, 1 taken by P1
    assert hosts(second) == [("andmesild", "2027-02-01", "2027-03-26")]
    codes = [r["code"] for r in first["reasons"]]
    assert codes == ["capacity", "recognised", "tasks", "partnership"]
    assert [r["clause"] for r in first["reasons"]][:3] == ["", "2.27", "klastri tegevus 9"]
    assert first["hosts"][0]["tasks"] == ["T-WEB-01"]
    assert "no-tasks" in [r["code"] for r in second["reasons"]]


def test_an_unrecognised_host_ranks_after_recognised_ones_2_27(match):
    files = cluster("S3")
    next(m for m in files["members.yaml"] if m["id"] == "koodikoda").pop("recognition")
    doc = match(files)
    first, second = need(doc, "S3")["proposals"]
    assert hosts(first)[0][0] == "andmesild"
    assert "not-recognised" in [r["code"] for r in second["reasons"]]


def test_capacity_is_needed_on_every_day_of_the_period(match):
    files = cluster("S3", andmesild=0)
    capacity(files, "andmesild", 1, end=date(2027, 3, 19))  # one week short
    doc = match(files)
    assert [hosts(p)[0][0] for p in need(doc, "S3")["proposals"]] == ["koodikoda"]


def test_capacity_is_consumed_by_earlier_proposals_never_overbooked(match):
    doc = match(cluster("S3", "S4", "S5"))
    assert hosts(need(doc, "S3")["proposals"][0])[0][0] == "koodikoda"
    assert hosts(need(doc, "S4")["proposals"][0])[0][0] == "andmesild"
    assert need(doc, "S5")["outcome"] == "no-capacity"
    assert need(doc, "S5")["proposals"] == []


def test_minor_is_never_proposed_a_host_abroad_4_12_5(match):
    files = cluster("S3", koodikoda=1, andmesild=0)
    next(m for m in files["members.yaml"] if m["id"] == "andmesild")["country"] = "FI"
    capacity(files, "andmesild", 1)
    files[STUDENTS][-1]["personal_code"] = "61001012232"  # born 2010: a minor
    doc = match(files)
    assert need(doc, "S3")["outcome"] == "no-capacity"
    files[STUDENTS][-1]["personal_code"] = CODES["S3"]
    doc = match(files)
    [abroad] = need(doc, "S3")["proposals"]
    assert "abroad" in [r["code"] for r in abroad["reasons"]]


# --- joint placements (seed 000 activity 7) ------------------------------------------------


def joint_cluster(*sids):
    files = cluster(*sids)
    capacity(files, "koodikoda", 1, end=date(2027, 2, 26))
    capacity(files, "andmesild", 1, start=date(2027, 3, 1))
    return files


def test_activity_7_joint_placement_when_no_single_host_takes_the_period(match):
    doc = match(joint_cluster("S3", "S4", "S5"))
    s5 = need(doc, "S5")
    assert s5["outcome"] == "joint"
    [joint] = s5["proposals"]
    assert joint["joint"] is True
    # koodikoda's run ends Friday 26 Feb; andmesild from the next working day, Monday 1 March
    assert hosts(joint) == [("koodikoda", "2027-02-01", "2027-02-26"), ("andmesild", "2027-03-01", "2027-03-26")]
    # 780 hours by working days: 19 in each part (24 Feb is Independence Day, 26 March Good Friday)
    assert [h["hours"] for h in joint["hosts"]] == [390, 390]
    assert joint["reasons"][0]["code"] == "joint" and joint["reasons"][0]["clause"] == "klastri tegevus 7"


def test_activity_7_only_hosts_ready_for_joint_placements_share_one(match):
    files = joint_cluster("S3", "S4", "S5")
    next(m for m in files["members.yaml"] if m["id"] == "andmesild")["offers"]["joint_placements"] = False
    doc = match(files)
    assert need(doc, "S5")["outcome"] == "no-capacity"


# --- blocked (6.2.3) and flagged (Lisa 7 10.2) ---------------------------------------------


def test_clause_lisa_7_8_2_open_debts_warn_before_the_start_and_block_from_it(match):
    files = cluster("S3", "S4", andmesild=0)
    files[STUDENTS][1]["grades"] = [{"module": "M2", "kind": "assessment", "value": 2, "date": date(2026, 11, 10)}]
    # Before the start (1 Feb 2027) there is time to clear the debt (8.2 "praktika alguseks"):
    # S3 is proposed, with a warning to clear it by the start.
    doc = match(files, "--lang", "en")
    s3 = need(doc, "S3")
    assert s3["outcome"] == "proposed" and hosts(s3["proposals"][0])[0][0] == "koodikoda"
    [flag] = [f for f in s3["flags"] if f["code"] == "debts"]
    assert flag["clause"] == "Lisa 7 8.2, 6.2.3" and "M2" in flag["message"] and "2027-02-01" in flag["message"]
    assert [d["module"] for d in s3["debts"]] == ["M2"]
    assert need(doc, "S4")["outcome"] == "no-capacity"
    # From the start date on, the open debt blocks: no proposal, and the place goes to S4 (6.2.3).
    doc = match(files, "--as-of", "2027-02-01")
    s3 = need(doc, "S3")
    assert s3["outcome"] == "blocked" and s3["proposals"] == []
    assert [d["module"] for d in s3["debts"]] == ["M2"]
    assert hosts(need(doc, "S4")["proposals"][0])[0][0] == "koodikoda"  # the place S3 would have had


def test_clause_6_2_3_a_debt_cleared_before_the_period_does_not_block(match):
    files = cluster("S3")
    files[STUDENTS][1]["grades"] = [
        {"module": "M2", "kind": "assessment", "value": 2, "date": date(2026, 11, 2)},
        {"module": "M2", "kind": "assessment", "value": 3, "date": date(2026, 11, 16)},
    ]
    assert need(match(files), "S3")["outcome"] == "proposed"


@pytest.mark.parametrize("kind", ["special-needs", "level-2"])
def test_clause_lisa_7_10_2_flagged_students_are_secured_first(match, kind):
    files = cluster("S3", "S4", andmesild=0)
    if kind == "special-needs":
        files[STUDENTS][2]["special_needs"] = "düsleksia"
    else:
        files["curricula.yaml"][0]["level"] = 2
    doc = match(files)
    s3, s4 = need(doc, "S3"), need(doc, "S4")
    assert s4["flags"][0]["code"] == kind and s4["flags"][0]["clause"].startswith("Lisa 7")
    assert "10.2" in s4["flags"][0]["clause"]
    if kind == "special-needs":  # flagged S4 chooses before S3
        assert hosts(s4["proposals"][0])[0][0] == "koodikoda"
        assert s3["outcome"] == "no-capacity" and s3["flags"] == []
    else:  # level 2 is the curriculum's: everyone is flagged, order by id again
        assert hosts(s3["proposals"][0])[0][0] == "koodikoda" and s3["flags"][0]["code"] == kind


def test_clause_6_7_5_academic_leave_for_the_whole_period_is_listed_not_matched(match):
    files = cluster("S3")
    files[STUDENTS][1]["status"].append({"status": "academic_leave", "start": date(2026, 10, 1),
                                         "end": date(2027, 6, 30), "reason": "health", "evidence": "tõend"})
    doc = match(files)
    assert need(doc, "S3")["outcome"] == "on-leave"
    files[STUDENTS][1]["status"][-1]["end"] = date(2027, 2, 14)
    doc = match(files)
    s3 = need(doc, "S3")
    assert s3["outcome"] == "proposed" and s3["start"] == "2027-02-15"
    assert s3["flags"][0]["code"] == "returns"


# --- output -------------------------------------------------------------------------------


def test_views_as_csv_and_identical_json_for_identical_input(cli, tmp_path):
    files = joint_cluster("S3", "S4", "S5", "S6")
    files[STUDENTS][1]["grades"] = [{"module": "M2", "kind": "assessment", "value": 2, "date": date(2026, 11, 10)}]
    root = write_data(tmp_path / "d", files)
    # On the start date (1 Feb 2027) an open debt blocks (Lisa 7 8.2); before it, it is a warning.
    run = lambda *a: cli("match", "--data", root, "--as-of", "2027-02-01", "--no-cache", *a)  # noqa: E731
    rows = list(csv.DictReader(io.StringIO(run("--format", "csv", "--view", "students", "--lang", "en").stdout)))
    assert [(r["Student"], r["Outcome"]) for r in rows] == [("S3", "blocked"), ("S4", "proposed"),
                                                            ("S5", "proposed"), ("S6", "joint placement")]
    blocked = list(csv.DictReader(io.StringIO(run("--format", "csv", "--view", "blocked", "--lang", "en").stdout)))
    assert [(r["Student"], r["Debts (modules)"]) for r in blocked] == [("S3", "M2")]
    assert run("--format", "json").stdout == run("--format", "json").stdout
    table = run().stdout
    assert "ühispraktika" in table and "blokeeritud" in table


def test_help_has_an_example(cli):
    assert "Example" in cli("match", "--help", "--lang", "en").stdout


# --- --write: drafts added, comments and order kept -----------------------------------------

PLACEMENTS_TEXT = """\
# Praktikad — testkool. Kommentaarid ja järjekord peavad jääma alles.
# staatus: draft → review → valid → finished

- id: VV-2027-01  # kehtiv leping
  student: S1
  modules:
    - M3
  kind: workplace_based
  status: valid
  start: 2027-02-01
  end: 2027-03-26
  hours: 312
  ekap: 12
  place: "Koodikoda OÜ arenduskeskus"
  address: Pärnu mnt 10, Tallinn
  hosts:
    - member: koodikoda
      start: 2027-02-01
      end: 2027-03-26
      supervisor: {name: Tiit Tarkvara, email: tiit@koodikoda.ee}
  school_supervisor:
    name: Kati Kask
    email: kati.kask@vvttk.ee
  tasks:
    - catalogue: T-WEB-01   # kataloogist
    - text: Testide kirjutamine
  plan:
    goal: Veebiarenduse töövõtete omandamine
    tasks: [Veebilehe loomine]
    studies_completed: [Programmeerimise alused]
    expected_outcomes: [Loob veebilehe]
  data_received: 2027-01-10

# lõpp: uued mustandid tulevad siia alla
"""


def test_write_adds_drafts_and_keeps_comments_and_order(cli, tmp_path):
    from cluster_cli.pipeline import load

    files = joint_cluster("S3", "S4", "S5", "S6")
    files[STUDENTS][1]["status"].append({"status": "academic_leave", "start": date(2026, 10, 1),
                                         "end": date(2027, 6, 30), "reason": "health", "evidence": "tõend"})
    files["placements.yaml"] = PLACEMENTS_TEXT
    root = write_data(tmp_path / "d", files)
    result = cli("match", "--data", root, "--as-of", AS_OF, "--write", "--format", "json")
    assert result.exit_code == 0, result.output
    assert "placements.yaml" in result.stderr and "VV-2027-02, VV-2027-03, VV-2027-04" in result.stderr
    text = (root / "placements.yaml").read_text(encoding="utf-8")
    assert text.startswith(PLACEMENTS_TEXT.rstrip("\n"))  # every original byte, comments included
    assert "&" not in text and "*id" not in text  # no anchors or aliases
    loaded = load(root, cache=False)
    assert [f for f in loaded.findings if f.severity == "error"] == []
    placements = loaded.dataset.records["placements"]
    assert [p.id for p in placements] == ["VV-2027-01", "VV-2027-02", "VV-2027-03", "VV-2027-04"]  # order kept
    single, _, joint = placements[1:]
    assert (single.student, single.status, single.hosts[0].member) == ("S4", "draft", "koodikoda")
    assert joint.student == "S6" and [h.member for h in joint.hosts] == ["koodikoda", "andmesild"]
    assert sum(h.hours for h in joint.hosts) == joint.hours == 780
    assert joint.coordinator is not None and joint.coordinator.name == "Kati Kask"
    assert not any(p.student == "S3" for p in placements)  # on leave for the whole period: no draft (6.7.5)
    validate = cli("validate", "--data", root, "--as-of", AS_OF, "--format", "json", "--no-cache")
    assert json.loads(validate.stdout)["counts"]["error"] == 0, validate.stdout
    # Matched now: a second run has nothing to write and leaves the file alone.
    again = cli("match", "--data", root, "--as-of", AS_OF, "--write", "--no-cache")
    assert again.exit_code == 0 and "S4" not in again.stdout
    assert (root / "placements.yaml").read_text(encoding="utf-8") == text


def test_write_goes_to_the_school_file_in_a_placements_folder(cli, tmp_path):
    files = cluster("S3")
    files["placements/vvttk.yaml"] = files.pop("placements.yaml")
    root = write_data(tmp_path / "d", files)
    result = cli("match", "--data", root, "--as-of", AS_OF, "--write")
    assert result.exit_code == 0, result.output
    text = (root / "placements" / "vvttk.yaml").read_text(encoding="utf-8")
    assert "student: S3" in text and "status: draft" in text


def test_write_refuses_a_placement_file_that_is_not_a_list(cli, tmp_path):
    files = cluster("S3")
    files["placements/vvttk.yaml"] = files.pop("placements.yaml")
    root = write_data(tmp_path / "d", files)
    (root / "placements" / "vvttk.yaml").write_text("id: P1\nstudent: S1\n", encoding="utf-8")
    before = (root / "placements" / "vvttk.yaml").read_bytes()
    result = cli("match", "--data", root, "--as-of", AS_OF, "--write")
    assert result.exit_code != 0
    assert (root / "placements" / "vvttk.yaml").read_bytes() == before
