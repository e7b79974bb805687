"""Record rules that look records up (issue 20, `Rule.reads`): a finding on a student's file that
did not change comes and goes when a file of a kind the rule looks up changes — groups.yaml
(student-group, unknown-reference), curricula.yaml (grade-scale), a placements file
(attendance-count, unknown-reference on a placement's modules, judged from its student) — and
the warm answer is always a cold run's."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from cluster_cli.edit.synthetic import synthetic_files
from tests.conftest import write_data
from tests.test_incremental import _same_as_cold


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _found(cli, root: Path, code: str, where: str) -> list[dict]:
    doc = cli.validate_json(root)[1]
    return [f for f in doc["findings"] if f["code"] == code and where in f["file"]]


def _students(root: Path) -> dict[Path, bytes]:
    return {p: p.read_bytes() for p in sorted((root / "students").rglob("*.yaml"))}


def test_groups_and_curricula_edited_judge_unchanged_students_again(cli, tmp_path):
    files, _ = synthetic_files(120, 3)
    root = write_data(tmp_path / "d", files)
    _same_as_cold(cli, root)
    students = _students(root)
    groups = (root / "groups.yaml").read_text(encoding="utf-8")
    group, curriculum = re.search(r"^- id: (\S+)\n  school: \S+\n  curriculum: (\S+)", groups, re.M).groups()
    other = next(c for c in re.findall(r"^- code: (\S+)", files["curricula.yaml"], re.M) if c != curriculum)
    assert not _found(cli, root, "student-group", "students/")

    # student-group (reads groups): the group's curriculum changes, its students' files do not
    (root / "groups.yaml").write_text(groups.replace(f"curriculum: {curriculum}", f"curriculum: {other}", 1),
                                      encoding="utf-8")
    assert _found(cli, root, "student-group", "students/")
    _same_as_cold(cli, root)

    # unknown-reference (reads groups): the group is renamed — its students name a group no more
    (root / "groups.yaml").write_text(groups.replace(f"- id: {group}\n", "- id: ZZ-RENAMED\n", 1), encoding="utf-8")
    assert not _found(cli, root, "student-group", "students/")
    unknown = _found(cli, root, "unknown-reference", "students/")
    assert unknown and all(f["path"].endswith(".group") for f in unknown)
    _same_as_cold(cli, root)
    (root / "groups.yaml").write_text(groups, encoding="utf-8")
    assert not _found(cli, root, "unknown-reference", "students/")
    _same_as_cold(cli, root)

    # grade-scale (reads curricula): a practice module graded A/MA becomes distinctive
    _edit(root / "curricula.yaml", "      distinctive: false\n", "      distinctive: true\n")
    assert _found(cli, root, "grade-scale", "students/")
    _same_as_cold(cli, root)
    assert _students(root) == students  # the findings changed, the students' files did not


def _placement_records(text: str) -> list[str]:
    return ["- id: " + part for part in text.split("- id: ")[1:]]


def test_a_placements_file_edited_judges_unchanged_students_again(cli, tmp_path):
    files, _ = synthetic_files(120, 3)
    root = write_data(tmp_path / "d", files)
    placement_files = sorted(p for p in files if p.startswith("placements/"))
    records = [(p, r) for p in placement_files for r in _placement_records(files[p])]
    of_student: dict[str, list[str]] = {}
    for _, r in records:
        of_student.setdefault(re.search(r"\n  student: (\S+)", r).group(1), []).append(r)
    # a student with one placement, in the autumn of 2026, and a module
    path, record = next((p, r) for p, r in records
                        if len(of_student[re.search(r"\n  student: (\S+)", r).group(1)]) == 1
                        and "\n  start: 2026-1" in r and "\n  status: valid" in r and "\n  modules:\n    - " in r)
    sid = re.search(r"\n  student: (\S+)", record).group(1)
    student_file = next(p for p in files if p.startswith("students/") and f"- id: {sid}\n" in files[p])
    text = files[student_file]
    at = text.index(f"- id: {sid}\n")
    autumn = text.index("    - period: 2026-autumn\n", at)
    unexcused = re.compile(r"      unexcused: [1-9]\d*\n").search(text, autumn)
    after = text.find("\n- id: ", at + 1)
    assert unexcused is not None and (after == -1 or unexcused.end() < after)  # in the student's record
    text = text[: unexcused.end()] + "      on_placement: 1\n" + text[unexcused.end():]
    (root / student_file).write_text(text, encoding="utf-8")
    _same_as_cold(cli, root)
    assert not _found(cli, root, "attendance-count", student_file)
    students = _students(root)

    # attendance-count (reads placements): the placement is cancelled — the unexcused lessons
    # on placement days have no placement in the period now
    _edit(root / path, record, record.replace("\n  status: valid", "\n  status: cancelled", 1))
    found = _found(cli, root, "attendance-count", student_file)
    assert [f["path"] for f in found] and all(f["path"].endswith("on_placement") for f in found)
    _same_as_cold(cli, root)

    # unknown-reference (reads placements): a module of the placement that its student's
    # curriculum does not have — found from the student's (unchanged) file, told in the placement's
    module = re.search(r"\n  modules:\n    - (\S+)\n", record).group(1)
    current = (root / path).read_text(encoding="utf-8")
    start = current.index(f"- id: {record.split()[2]}\n")
    cut = current.index(f"\n    - {module}\n", start)
    (root / path).write_text(current[:cut] + "\n    - Q77\n" + current[cut + len(f"\n    - {module}\n"):],
                             encoding="utf-8")
    unknown = _found(cli, root, "unknown-reference", path)
    assert [f["path"] for f in unknown if f["path"].endswith(".modules[0]")]
    _same_as_cold(cli, root)
    assert _students(root) == students

    # The finding is kept in the student's entry, naming the placements file by its content:
    # the same files in another folder (one cache), and the placements file renamed, name the
    # file where it is now.
    copy = tmp_path / "copy"
    shutil.copytree(root, copy)
    _same_as_cold(cli, copy)
    renamed = copy / "placements" / "renamed.yaml"
    (copy / path).rename(renamed)
    unknown = _found(cli, copy, "unknown-reference", "placements/renamed.yaml")
    assert [f["path"] for f in unknown if f["path"].endswith(".modules[0]")]
    assert not _found(cli, copy, "unknown-reference", str(root))
    _same_as_cold(cli, copy)
