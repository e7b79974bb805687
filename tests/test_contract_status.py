"""`cluster contracts status|sign|list` (issue 18): the contract's status transitions and the
checks each needs (Lisa 7 1.4, 4.11.5, 4.12.5), signatures recorded by hand, the history, the
list of what each contract waits for — written into the placement's YAML file in place, every
other line byte-identical (edit/placement.py), through the real CLI on files in tmp_path."""

from __future__ import annotations

import json
from datetime import date

import yaml

from tests.conftest import AS_OF, base_data, findings_of, write_data

HEADER = "# Praktikad — testkool.\n# Staatus: draft → review → valid → finished.\n\n"


def _placements(status="review", **extra) -> list:
    p = base_data()["placements.yaml"][0]
    p.pop("signatures", None)
    p.update(status=status, **extra)
    return [p]


def _folder(tmp_path, placements=None, text=None):
    files = base_data()
    files["placements.yaml"] = text if text is not None else placements or _placements()
    return write_data(tmp_path / "data", files)


def _record(data, pid="P1") -> dict:
    return next(p for p in yaml.safe_load((data / "placements.yaml").read_text(encoding="utf-8")) if p["id"] == pid)


def _sign_all(cli, data, pid="P1", parties=("school", "student", "host")):
    for party in parties:
        result = cli("contracts", "sign", pid, "--data", data, "--party", party, "--date", "2026-11-20")
        assert result.exit_code == 0, result.output


def _status(cli, data, *args):
    return cli("contracts", "status", "P1", "--data", data, "--as-of", AS_OF, *args)


# --- valid: every party signed (Lisa 7 1.4), a minor's consent abroad (4.12.5) ------------------


def test_lisa7_1_4_valid_needs_every_signature(cli, tmp_path):
    data = _folder(tmp_path)
    before = (data / "placements.yaml").read_bytes()
    result = _status(cli, data, "--set", "valid")
    assert result.exit_code == 1
    assert "Lisa 7 1.4" in result.stderr and "Koodikoda OÜ" in result.stderr and "Mart Tamm" in result.stderr
    assert "cluster contracts sign P1" in result.stderr  # the fix
    assert (data / "placements.yaml").read_bytes() == before  # nothing written
    _sign_all(cli, data, parties=("school", "student"))
    result = _status(cli, data, "--set", "valid")
    assert result.exit_code == 1 and "Koodikoda OÜ" in result.stderr and "Mart Tamm" not in result.stderr
    _sign_all(cli, data, parties=("host",))
    result = _status(cli, data, "--set", "valid", "--note", "kõik allkirjad")
    assert result.exit_code == 0, result.output
    rec = _record(data)
    assert rec["status"] == "valid"
    assert rec["history"] == [{"status": "valid", "date": date(2026, 11, 23), "note": "kõik allkirjad"}]


def test_clause_4_11_5_minor_needs_the_legal_representatives_signature(cli, tmp_path):
    data = _folder(tmp_path, _placements(student="S2"))
    _sign_all(cli, data)
    result = _status(cli, data, "--set", "valid")
    assert result.exit_code == 1 and "Anne Kuusk" in result.stderr
    _sign_all(cli, data, parties=("guardian",))
    assert _status(cli, data, "--set", "valid").exit_code == 0


def test_clause_4_12_5_valid_abroad_needs_the_minors_consent(cli, tmp_path):
    data = _folder(tmp_path, _placements(student="S2", kind="abroad", language="en", country="DE"))
    _sign_all(cli, data, parties=("school", "student", "guardian", "host"))
    result = _status(cli, data, "--set", "valid")
    assert result.exit_code == 1 and "4.12.5" in result.stderr and "guardian_consent" in result.stderr
    data = _folder(tmp_path, _placements(student="S2", kind="abroad", language="en", country="DE",
                                         guardian_consent={"date": date(2026, 11, 1), "document": "nõusolek"}))
    _sign_all(cli, data, parties=("school", "student", "guardian", "host"))
    assert _status(cli, data, "--set", "valid").exit_code == 0


# --- the other transitions -----------------------------------------------------------------------


def test_transition_not_allowed_names_the_allowed_ones(cli, tmp_path):
    data = _folder(tmp_path, _placements(status="draft"))
    result = _status(cli, data, "--set", "finished", "--lang", "en")
    assert result.exit_code == 1
    said = " ".join(result.stderr.split())
    assert "(review)" in said and "(cancelled)" in said and "(valid)" not in said
    assert _status(cli, data, "--set", "review").exit_code == 0
    assert _status(cli, data, "--set", "draft", "--note", "tagasi lükatud").exit_code == 0  # rejected
    rec = _record(data)
    assert rec["status"] == "draft" and [h["status"] for h in rec["history"]] == ["review", "draft"]


def test_lisa7_1_4_2_finished_before_the_end_is_refused(cli, tmp_path):
    data = _folder(tmp_path, _placements(status="valid"))
    result = _status(cli, data, "--set", "finished")
    assert result.exit_code == 1 and "26.03.2027" in result.stderr and "Lisa 7 1.4.2" in result.stderr
    result = _status(cli, data, "--set", "finished", "--date", "2027-04-02")
    assert result.exit_code == 0, result.output
    assert _record(data)["history"][-1] == {"status": "finished", "date": date(2027, 4, 2)}


def test_cancel_without_reason_is_refused(cli, tmp_path):
    data = _folder(tmp_path, _placements(status="valid"))
    result = _status(cli, data, "--set", "cancelled")
    assert result.exit_code == 1 and "--reason" in result.stderr
    result = _status(cli, data, "--set", "cancelled", "--reason", "company", "--note", "ettevõte loobus")
    assert result.exit_code == 0, result.output
    rec = _record(data)
    assert rec["status"] == "cancelled"
    assert rec["history"] == [{"status": "cancelled", "date": date(2026, 11, 23), "reason": "company",
                               "note": "ettevõte loobus"}]
    result = _status(cli, data, "--set", "valid")  # closed
    assert result.exit_code == 1


def test_reason_only_with_cancel_and_date_before_last_change(cli, tmp_path):
    data = _folder(tmp_path, _placements(status="draft"))
    assert _status(cli, data, "--set", "review", "--reason", "other").exit_code == 2
    assert _status(cli, data, "--set", "review", "--date", "2026-11-20").exit_code == 0
    result = _status(cli, data, "--set", "draft", "--date", "2026-11-10")
    assert result.exit_code == 1 and "20.11.2026" in result.stderr


def test_dry_run_writes_nothing_and_shows_the_change(cli, tmp_path):
    data = _folder(tmp_path, _placements(status="draft"))
    before = (data / "placements.yaml").read_bytes()
    result = _status(cli, data, "--set", "review", "--dry-run")
    assert result.exit_code == 0
    assert "+  status: review" in result.stdout and "+  history:" in result.stdout
    assert (data / "placements.yaml").read_bytes() == before


# --- the file: other lines byte-identical, comments kept, history appended ----------------------


PLACEMENTS_TEXT = HEADER + """\
- id: P0  # the one before
  student: S2
  modules: [M3]
  kind: workplace_based
  status: draft
  start: 2027-02-01
  end: 2027-03-26
  hosts:
    - member: andmesild
      start: 2027-02-01
      end: 2027-03-26

# --- the placement changed below ---
- id: P1
  student: S1
  modules:
    - M3
  kind: workplace_based
  status: review   # kontrollimisel
  start: 2027-02-01
  end: 2027-03-26
  hours: 312
  place: Koodikoda OÜ arenduskeskus
  address: Pärnu mnt 10, Tallinn
  hosts:
    - member: koodikoda
      start: 2027-02-01
      end: 2027-03-26
      supervisor: {name: Tiit Tarkvara, email: tiit@koodikoda.ee}
  # the school's side
  school_supervisor:
    name: Kati Kask
    email: kati.kask@vvttk.ee
  tasks:
    - catalogue: T-WEB-01
  history:
    - status: review
      date: 2026-11-02
      note: "saadetud"
  signatures:
    - party: school
      date: 2026-11-20
      method: digital

# trailing comment of the file
- id: P2
  student: S1
  modules: [M3]
  kind: workplace_based
  status: draft
  start: 2027-04-01
  end: 2027-04-30
  hosts:
    - member: koodikoda
      start: 2027-04-01
      end: 2027-04-30
"""


def test_change_keeps_every_other_line_and_the_comments(cli, tmp_path):
    data = _folder(tmp_path, text=PLACEMENTS_TEXT)
    for party in ("student", "host"):
        result = cli("contracts", "sign", "P1", "--data", data, "--party", party, "--date", "2026-11-21",
                     *(("--paper", "--name", "Tarmo Kask") if party == "host" else ()))
        assert result.exit_code == 0, result.output
    assert _status(cli, data, "--set", "valid").exit_code == 0
    after = (data / "placements.yaml").read_text(encoding="utf-8")
    old, new = PLACEMENTS_TEXT.splitlines(True), after.splitlines(True)
    # Everything outside P1's lines is byte-identical; inside, only the status line changed and
    # lines were added at the end of its lists.
    start = old.index("- id: P1\n")
    end = old.index("# trailing comment of the file\n") - 1
    assert new[:start] == old[:start]
    assert new[len(new) - (len(old) - end):] == old[end:]
    assert [line.split("#")[1] for line in new if line.startswith("  status: valid")] == [" kontrollimisel\n"]
    assert "  # the school's side\n" in new
    assert "      supervisor: {name: Tiit Tarkvara, email: tiit@koodikoda.ee}\n" in new
    rec = _record(data)
    assert [h["status"] for h in rec["history"]] == ["review", "valid"]  # appended
    assert rec["history"][0]["note"] == "saadetud"
    assert [(s["party"], s.get("member"), s["method"]) for s in rec["signatures"]] == [
        ("school", None, "digital"), ("student", None, "digital"), ("host", "koodikoda", "paper")]
    assert rec["signatures"][2]["name"] == "Tarmo Kask" and rec["signatures"][1]["name"] == "Mart Tamm"


def test_a_file_changed_meanwhile_is_refused(cli, tmp_path, monkeypatch):
    from cluster_cli.edit import write

    data = _folder(tmp_path, text=PLACEMENTS_TEXT)
    target = data / "placements.yaml"
    monkeypatch.setattr(write, "before_commit", lambda paths: target.write_text(PLACEMENTS_TEXT + "\n"))
    result = cli("contracts", "sign", "P1", "--data", data, "--party", "student", "--date", "2026-11-21")
    assert result.exit_code == 1 and "placements.yaml" in result.stderr
    assert target.read_text(encoding="utf-8") == PLACEMENTS_TEXT + "\n"


# --- sign: a party of this contract, once ---------------------------------------------------------


def test_lisa7_1_4_sign_refuses_a_party_not_of_the_contract_and_a_duplicate(cli, tmp_path):
    data = _folder(tmp_path)
    result = cli("contracts", "sign", "P1", "--data", data, "--party", "guardian", "--date", "2026-11-20")
    assert result.exit_code == 1 and "Lisa 7 1.4" in result.stderr  # an adult: no legal representative
    result = cli("contracts", "sign", "P1", "--data", data, "--party", "host", "--member", "andmesild",
                 "--date", "2026-11-20")
    assert result.exit_code == 1 and "andmesild" in result.stderr
    _sign_all(cli, data, parties=("school",))
    result = cli("contracts", "sign", "P1", "--data", data, "--party", "school", "--date", "2026-11-21")
    assert result.exit_code == 1 and "20.11.2026" in result.stderr
    assert len(_record(data)["signatures"]) == 1


def test_lisa7_1_4_joint_placement_host_needs_member(cli, tmp_path):
    p = _placements()[0]
    p["hosts"].append({"member": "andmesild", "start": date(2027, 3, 1), "end": date(2027, 3, 26),
                       "supervisor": {"name": "Anu Andmed", "email": "anu@andmesild.ee"}})
    p["hosts"][0]["end"] = date(2027, 2, 26)
    data = _folder(tmp_path, [p])
    result = cli("contracts", "sign", "P1", "--data", data, "--party", "host", "--date", "2026-11-20")
    assert result.exit_code == 1 and "andmesild" in result.stderr and "koodikoda" in result.stderr
    result = cli("contracts", "sign", "P1", "--data", data, "--party", "host", "--member", "andmesild",
                 "--date", "2026-11-20", "--paper")
    assert result.exit_code == 0, result.output
    [signed] = _record(data)["signatures"]
    assert (signed["party"], signed["member"], signed["method"]) == ("host", "andmesild", "paper")


# --- the status view and the list ---------------------------------------------------------------


def test_status_shows_parties_signatures_and_what_it_waits_for(cli, tmp_path):
    data = _folder(tmp_path, _placements(student="S2"))
    _sign_all(cli, data, parties=("school",))
    result = _status(cli, data, "--format", "json")
    assert result.exit_code == 0
    doc = json.loads(result.stdout)
    assert [(p["party"], p["signed"]) for p in doc["parties"]] == [
        ("school", True), ("student", False), ("guardian", False), ("host", False)]
    assert [w["code"] for w in doc["waiting"]] == ["signature", "signature", "signature"]
    assert doc["allowed"] == ["valid", "draft", "cancelled"]
    table = _status(cli, data).stdout
    assert "ootab allkirja" in table and "Anne Kuusk" in table and "20.11.2026" in table


def test_list_shows_what_each_contract_waits_for(cli, tmp_path):
    started = _placements(status="review")[0]
    started.update(id="P2", start=date(2026, 11, 2))
    started["hosts"][0]["start"] = date(2026, 11, 2)
    ended = _placements(status="valid")[0]
    ended.update(id="P3", end=date(2026, 11, 20), start=date(2026, 10, 5),
                 signatures=[{"party": p, "date": date(2026, 10, 1)} for p in ("school", "student")]
                 + [{"party": "host", "member": "koodikoda", "date": date(2026, 10, 1)}])
    ended["hosts"][0].update(start=date(2026, 10, 5), end=date(2026, 11, 20))
    data = _folder(tmp_path, [*_placements(status="draft"), started, ended])
    result = cli("contracts", "list", "--data", data, "--as-of", AS_OF, "--format", "json")
    assert result.exit_code == 0, result.output
    doc = json.loads(result.stdout)
    assert [(c["id"], c["status"]) for c in doc["contracts"]] == [("P1", "draft"), ("P2", "review"), ("P3", "valid")]
    waits = {c["id"]: [w["code"] for w in c["waiting"]] for c in doc["contracts"]}
    assert waits == {"P1": ["submit"], "P2": ["signature"] * 3 + ["started-unsigned"], "P3": ["can-finish"]}
    table = cli("contracts", "list", "--data", data, "--as-of", AS_OF).stdout
    assert "algus 02.11.2026 möödas, leping allkirjastamata" in table and "saab lõpetada" in table
    assert "ootab allkirja: kool, õpilane, Koodikoda OÜ" in table
    only = json.loads(cli("contracts", "list", "--data", data, "--as-of", AS_OF, "--status", "kehtiv",
                          "--format", "json").stdout)
    assert [c["id"] for c in only["contracts"]] == ["P3"]
    result = cli("contracts", "list", "--data", data, "--status", "signed")
    assert result.exit_code == 2


# --- the rule: valid or finished without every signature (4.11.5, Lisa 7 1.4) ------------------


def test_clause_4_11_5_valid_contract_with_a_signature_missing_is_a_warning(cli, tmp_path):
    data = _folder(tmp_path, _placements(status="valid"))
    code, doc = cli.validate_json(data)
    [v] = [f for f in findings_of(doc, "signed-contract")]
    assert (v["severity"], v["clause"]) == ("warning", "4.11.5, Lisa 7 1.4")
    assert "koodikoda" in v["message"] and "õpilane" in v["message"]
    _sign_all(cli, data)
    code, doc = cli.validate_json(data)
    assert findings_of(doc, "signed-contract") == []
