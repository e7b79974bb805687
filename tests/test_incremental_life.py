"""Record rules of a student's life at school (issue 20) look up the kinds they declare: after an
edit of such a file alone, a student file that did not change is judged anew — its findings are
a cold run's.

- `development-talk` (Lisa 9 5.1) reads the group (`reads=("groups",)`): the group supervisor
  who must take part in a development talk comes from groups.yaml.
- `individual-curriculum` (6.5.2, Lisa 10 1.2) reads the curriculum (`reads=("curricula",)`): an
  individual curriculum's modules are modules of the student's curriculum in curricula.yaml."""

from __future__ import annotations

import re

from cluster_cli.edit.synthetic import synthetic_files
from tests.conftest import write_data
from tests.test_incremental import LIFE, _same_as_cold

STUDENT = "students/lak/lak-TAR26-003.yaml"
GROUP = "lak-TAR26-003"


def _folder(tmp_path):
    files, _ = synthetic_files(120, 5)
    assert "  harid: true\n" in files[STUDENT]
    files[STUDENT] = files[STUDENT].replace("  harid: true\n", LIFE, 1)
    return write_data(tmp_path / "d", files)


def _of(doc: dict, code: str) -> list[dict]:
    return [f for f in doc["findings"] if f["code"] == code and f["file"].endswith(STUDENT)]


def test_development_talk_follows_the_group_supervisor_in_groups_yaml_lisa_9_5_1(cli, tmp_path):
    root = _folder(tmp_path)
    _same_as_cold(cli, root)
    groups = (root / "groups.yaml").read_text(encoding="utf-8")
    section = groups[groups.index(f"- id: {GROUP}\n"):]
    supervisor = re.search(r"\n  supervisor:\n    name: (.+)\n", section).group(1)
    absent = [f for f in _of(cli.validate_json(root)[1], "development-talk") if supervisor in f["message"]]
    assert absent and all(f["path"].endswith("participants") for f in absent)
    student = (root / STUDENT).read_bytes()

    # The group's supervisor changes in groups.yaml only: the talk misses another person now.
    start = groups.index(f"- id: {GROUP}\n")
    moved = groups[:start] + section.replace(f"    name: {supervisor}\n", "    name: Malle Mets\n", 1)
    (root / "groups.yaml").write_text(moved, encoding="utf-8")
    talks = _of(cli.validate_json(root)[1], "development-talk")
    assert not any(supervisor in f["message"] for f in talks)
    assert any("Malle Mets" in f["message"] for f in talks)
    assert (root / STUDENT).read_bytes() == student
    _same_as_cold(cli, root)

    # ... and the student himself is the supervisor: nobody is missing from the talk.
    (root / "groups.yaml").write_text(moved.replace("    name: Malle Mets\n", "    name: Kadri Nõmm\n", 1),
                                      encoding="utf-8")
    assert not any(f["path"].endswith("participants")
                   for f in _of(cli.validate_json(root)[1], "development-talk"))
    _same_as_cold(cli, root)


def test_individual_curriculum_module_follows_curricula_yaml_6_5_2(cli, tmp_path):
    root = _folder(tmp_path)
    _same_as_cold(cli, root)
    assert any("X99" in f["message"] for f in _of(cli.validate_json(root)[1], "individual-curriculum"))

    # The student's curriculum gains the module in curricula.yaml only: the finding goes.
    curricula = (root / "curricula.yaml").read_text(encoding="utf-8")
    start = curricula.index("- code: TARK-5\n")
    at = curricula.index("  modules:\n", start) + len("  modules:\n")
    added = "    - id: X99\n      name: Lisamoodul\n      type: elective\n      ekap: 3\n      year: 1\n"
    (root / "curricula.yaml").write_text(curricula[:at] + added + curricula[at:], encoding="utf-8")
    doc = cli.validate_json(root)[1]
    assert not any(f["file"].endswith("curricula.yaml") and "X99" in f["message"] for f in doc["findings"])
    assert _of(doc, "individual-curriculum") and not any("X99" in f["message"]
                                                          for f in _of(doc, "individual-curriculum"))
    _same_as_cold(cli, root)
