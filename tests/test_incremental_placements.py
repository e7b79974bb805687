"""The placement rules kept per file (issue 20): a student's rule reaches the student's
placements (`placements_of`, reads "placements"), a placement's rule its hosts (reads
"members"). An edit of a file of a kind a rule looks up changes its findings on files that did
not change — and the answer is still a cold run's, so `reads` is right."""

from __future__ import annotations

import re

from cluster_cli.edit.synthetic import synthetic_files
from tests.conftest import write_data
from tests.test_incremental import _same_as_cold


def _found(cli, root, code: str) -> list[dict]:
    return [f for f in cli.validate_json(root)[1]["findings"] if f["code"] == code]


def _folder(tmp_path):
    files, _ = synthetic_files(60, 3)
    return files, write_data(tmp_path / "d", files)


def test_2_27_host_recognition_follows_members_yaml_onto_unchanged_placement_files(cli, tmp_path):
    _, root = _folder(tmp_path)
    _same_as_cold(cli, root)
    assert _found(cli, root, "host-recognition") == []
    members = root / "members.yaml"
    text = members.read_text(encoding="utf-8")
    members.write_text(text.replace("date: 2024-05-15", "date: 2030-05-15", 1), encoding="utf-8")
    found = _found(cli, root, "host-recognition")
    assert found and all("/placements/" in f["file"] for f in found)
    _same_as_cold(cli, root)


def test_6_7_6_study_period_of_an_unchanged_student_file_follows_its_placements(cli, tmp_path):
    files, root = _folder(tmp_path)
    _same_as_cold(cli, root)
    # A placement moved before its student's studies began: the student's file is unchanged,
    # its kept findings of study-period must not be reused.
    placements = sorted(p for p in files if p.startswith("placements/"))[0]
    path = root / placements
    text = path.read_text(encoding="utf-8")
    start = re.search(r"\n  start: (\d{4})-", text)
    path.write_text(text[:start.start(1)] + "2019" + text[start.end(1):], encoding="utf-8")
    found = _found(cli, root, "study-period")
    assert [f["file"].endswith(placements) for f in found] == [True]
    _same_as_cold(cli, root)


def test_lisa_7_10_1_a_students_edit_tells_on_the_unchanged_placement_file(cli, tmp_path):
    files, root = _folder(tmp_path)
    _same_as_cold(cli, root)
    placements = sorted(p for p in files if p.startswith("placements/"))[0]
    sid = re.search(r"student: (\S+)", (root / placements).read_text(encoding="utf-8")).group(1)
    owner = next(p for p in files if p.startswith("students/") and f"- id: {sid}\n" in files[p])
    text = (root / owner).read_text(encoding="utf-8")
    at = text.index(f"- id: {sid}\n") + len(f"- id: {sid}\n")
    (root / owner).write_text(text[:at] + "  special_needs: düsleksia\n" + text[at:], encoding="utf-8")
    found = _found(cli, root, "practice-plan")
    assert found and all(f["file"].endswith(placements) for f in found)
    _same_as_cold(cli, root)


def test_4_11_5_signed_contract_of_a_placement_whose_student_file_is_gone(cli, tmp_path):
    """A valid placement without the school's signature: reported with the student's school while
    the student is known; once the student's file is deleted (the placements file unchanged) the
    placement is judged without a student, as before issue 20 — the school unnamed — and again
    with it when the file is back: a cold run's answer each time (for this the rule looks up
    "students" from a placement)."""
    files, root = _folder(tmp_path)
    placements = sorted(p for p in files if p.startswith("placements/"))[0]
    path = root / placements
    records = re.split(r"(?m)^(?=- id:)", path.read_text(encoding="utf-8"))
    i = next(i for i, r in enumerate(records) if "status: valid" in r and "    - party: school\n" in r)
    records[i] = re.sub(r"    - party: school\n      date: \S+\n", "", records[i], count=1)
    path.write_text("".join(records), encoding="utf-8")
    sid = re.search(r"student: (\S+)", records[i]).group(1)
    _same_as_cold(cli, root)
    before = [f["message"] for f in _found(cli, root, "signed-contract") if f["file"].endswith(placements)]
    assert len(before) == 1
    owner = next(p for p in files if p.startswith("students/") and f"- id: {sid}\n" in files[p])
    kept = (root / owner).read_bytes()
    (root / owner).unlink()
    # Its student unknown (unknown-reference's), so is its school: the school's signature is
    # still missing, the school unnamed, as before issue 20.
    after = [f["message"] for f in _found(cli, root, "signed-contract") if f["file"].endswith(placements)]
    assert len(after) == 1 and after != before
    _same_as_cold(cli, root)
    (root / owner).write_bytes(kept)
    assert [f["message"] for f in _found(cli, root, "signed-contract") if f["file"].endswith(placements)] == before
    _same_as_cold(cli, root)
