"""Issue 20, placement care: `practice-period` (4.11.3, Lisa 7 2.5, 12.3-12.5) is a record rule
that iterates students and looks up their placements and group (`reads=("placements",
"groups")`). Its findings are kept under the student's file; an edit of groups.yaml (the
practice periods) or of a placements file must re-judge them though the student files did not
change — a warm run gives a cold run's answer."""

from __future__ import annotations

from cluster_cli.edit.synthetic import synthetic_files
from tests.conftest import write_data
from tests.test_incremental import _same_as_cold

PERIOD = "      start: 2026-11-02\n      end: 2027-05-07"  # the groups' P01 practice period


def _practice_period(doc: dict) -> list[dict]:
    return [f for f in doc["findings"] if f["code"] == "practice-period"]


def test_practice_period_follows_the_groups_and_placements_it_looks_up(cli, tmp_path):
    files, _ = synthetic_files(60, 4)
    root = write_data(tmp_path / "d", files)
    students = {name: (root / name).read_bytes() for name in files if name.startswith("students/")}
    _same_as_cold(cli, root)
    assert _practice_period(cli.validate_json(root)[1]) == []

    # 4.11.3, Lisa 7 2.5: the groups' period now starts a week later — the placements starting
    # on its old first day lie outside it; no student file and no placements file changed.
    groups = (root / "groups.yaml").read_text(encoding="utf-8")
    assert PERIOD in groups
    (root / "groups.yaml").write_text(groups.replace(PERIOD, PERIOD.replace("11-02", "11-09")), encoding="utf-8")
    found = _practice_period(cli.validate_json(root)[1])
    assert found and all("/placements/" in f["file"] for f in found)
    _same_as_cold(cli, root)

    # The period back; one placement moved before it in its own file (the students' files,
    # where the finding is kept, unchanged).
    (root / "groups.yaml").write_text(groups, encoding="utf-8")
    assert _practice_period(cli.validate_json(root)[1]) == []
    placements = root / "placements" / "ptk.yaml"
    text = placements.read_text(encoding="utf-8")
    old = "  status: valid\n  start: 2026-11-02"
    assert old in text
    placements.write_text(text.replace(old, "  status: valid\n  start: 2026-10-19", 1), encoding="utf-8")
    found = _practice_period(cli.validate_json(root)[1])
    assert [f["file"].endswith("placements/ptk.yaml") for f in found] == [True]
    _same_as_cold(cli, root)

    # 12.4, 12.5: abroad, outside the period without an individual schedule — the other key.
    placements.write_text(text.replace(old, "  status: valid\n  start: 2026-10-19", 1)
                          .replace("kind: workplace_based\n  status: valid\n  start: 2026-10-19",
                                   "kind: abroad\n  status: valid\n  start: 2026-10-19"), encoding="utf-8")
    assert [f["clause"] for f in _practice_period(cli.validate_json(root)[1])] == ["Lisa 7 12.4, 12.5"]
    _same_as_cold(cli, root)
    assert {name: (root / name).read_bytes() for name in students} == students
