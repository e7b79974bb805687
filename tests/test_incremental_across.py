"""Record rules' parts that look across students (`Rule.across`, issue 20): card numbers unique in
a school (`student-card`, Lisa 2 1.6), a school admitting without a committee
(`admission-committee`, Lisa 1 I.4), a guest student on the list (`guest-student`, 4.12.8) and a
school deciding VÕTA applications without a committee (`prior-learning`, Lisa 5 III.1). What they
say changes when ANOTHER students file changes; after every step the warm answer is a cold
run's, byte for byte, while the files they read across are summarised per file."""

from __future__ import annotations

import shutil
from pathlib import Path

from tests.test_incremental import _same_as_cold

DATA = Path(__file__).parent.parent / "data"
HOLDER = "students/ptk/ITS-26.yaml"  # holds card PTK-26-0101; unchanged by the steps below
OTHER = "students/ptk/ITN-24.yaml"  # read before it


def _codes(cli, root: Path) -> list[tuple[str, str]]:  # (code, file name) of each finding
    doc = cli.validate_json(root)[1]
    return [(f["code"], Path(f["file"]).name) for f in doc["findings"]]


def _edit(root: Path, rel: str, old: str, new: str) -> None:
    path = root / rel
    text = path.read_text(encoding="utf-8")
    assert old in text, (rel, old)
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _said(cli, root: Path, code: str, file: str, text: str) -> int:
    doc = cli.validate_json(root)[1]
    return sum(1 for f in doc["findings"] if f["code"] == code and f["file"].endswith(file) and text in f["message"])


def test_student_card_numbers_across_files_warm_as_cold(cli, tmp_path):
    root = tmp_path / "d"
    shutil.copytree(DATA, root)
    _same_as_cold(cli, root)
    assert _said(cli, root, "student-card", HOLDER, "PTK-26-0101") == 0
    # the same number given first in another file of the school (read before the holder's):
    # now said at the holder's card, whose file did not change
    _edit(root, OTHER, "  home_settlement: Paikuse alev\n",
          "  home_settlement: Paikuse alev\n  student_card:\n    number: PTK-26-0101\n    issued: 2024-09-02\n"
          "    valid_until: 2026-06-19\n")
    assert _said(cli, root, "student-card", HOLDER, "PTK-26-0101") == 1
    _same_as_cold(cli, root)
    # the other file's number changes: the holder's finding goes
    _edit(root, OTHER, "number: PTK-26-0101", "number: PTK-26-0901")
    assert _said(cli, root, "student-card", HOLDER, "PTK-26-0101") == 0
    _same_as_cold(cli, root)


def test_committees_and_guests_across_files_warm_as_cold(cli, tmp_path):
    root = tmp_path / "d"
    shutil.copytree(DATA, root)
    _same_as_cold(cli, root)
    before = _codes(cli, root)
    # vvttk has no admission committee: a student admitted there is said in cluster.yaml
    _edit(root, "students/vvttk/TA-25.yaml", "  first_name: Mihkel\n",
          "  first_name: Mihkel\n  admission:\n    date: 2025-08-20\n    education: basic\n")
    assert _codes(cli, root).count(("admission-committee", "cluster.yaml")) > before.count(
        ("admission-committee", "cluster.yaml"))
    _same_as_cold(cli, root)
    # the guest student put on the list in another file
    text = (root / "students/vvttk/TA-25.yaml").read_text(encoding="utf-8")
    (root / "students/vvttk/TA-25.yaml").write_text(
        text.replace("  first_name: Mihkel\n", "  first_name: Jonas\n", 1)
        .replace("  last_name: Sepp\n", "  last_name: Petraitis\n", 1), encoding="utf-8")
    codes = _codes(cli, root)
    assert codes.count(("guest-student", "cluster.yaml")) > before.count(("guest-student", "cluster.yaml"))
    _same_as_cold(cli, root)
    # a decided VÕTA application at a school without a VÕTA committee: said at its first student
    _edit(root, "students/vvttk/TA-25.yaml", "  first_name: Jonas\n",
          "  first_name: Jonas\n  prior_learning:\n    - submitted: 2025-09-10\n      kind: study\n"
          "      module: TA-M01\n      decided: 2025-09-20\n      result: A\n")
    _same_as_cold(cli, root)
    # and the student goes: every one of these goes with the file
    (root / "students/vvttk/TA-25.yaml").unlink()
    assert _codes(cli, root).count(("guest-student", "cluster.yaml")) == before.count(("guest-student", "cluster.yaml"))
    _same_as_cold(cli, root)


def test_a_student_repeated_in_another_file_judges_its_placements_once(cli, tmp_path):
    """duplicate-id: where a student's id is in two files, the student's placements are judged
    with the first record, as `ds.students` has it — once, not once per record — and which
    record is first follows the files' order, also for a file that did not change (warm = cold)."""
    root = tmp_path / "d"
    shutil.copytree(DATA, root)
    as_of = ("--as-of", "2027-05-02")

    def placements_said() -> list:
        doc = cli.validate_json(root, *as_of)[1]
        return sorted((f["code"], f["line"], f["message"]) for f in doc["findings"] if "/placements/" in f["file"])

    def same_as_cold() -> None:
        warm = cli("validate", "--data", str(root), *as_of, "--format", "json")
        assert warm.stdout == cli("validate", "--data", str(root), *as_of, "--format", "json", "--no-cache").stdout

    alone = placements_said()
    assert any(code == "practice-period" for code, _, _ in alone)
    same_as_cold()
    # the same students again, in a file read after theirs: nothing more about their placements
    shutil.copy(root / OTHER, root / "students/ptk/ITN-24-copy.yaml")
    assert placements_said() == alone
    same_as_cold()
    # ... and in a file read before theirs, which is now the first: still once (their own file,
    # unchanged, no longer judges the placements)
    (root / "students/ptk/ITN-24-copy.yaml").rename(root / "students/ptk/AAA.yaml")
    assert placements_said() == alone
    same_as_cold()
    (root / "students/ptk/AAA.yaml").unlink()
    assert placements_said() == alone
    same_as_cold()
