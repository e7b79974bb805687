"""Issue 20: the synthetic cluster is valid at any size — a student who is a minor on the first
day of their placement has a guardian to sign the contract (4.11.5, Lisa 7 1.4), also when they
are of age by the as-of date (at 10,000 students the generator left 2 such errors, and warnings
from 300 students on)."""

from __future__ import annotations

from datetime import date

import pytest

from cluster_cli.edit.synthetic import earliest_placement, minor_on, synthetic_files
from cluster_cli.load.fast import fast_parse


def _records(files: dict[str, str], folder: str) -> list[dict]:
    records = []
    for name, text in sorted(files.items()):
        if name.startswith(folder + "/"):
            data = fast_parse(text.encode("utf-8"))
            assert isinstance(data, list), name
            records += data
    return records


@pytest.mark.parametrize("students, seed", [(300, 1), (500, 1), (400, 7)])
def test_a_minor_on_the_placements_first_day_has_a_guardian(students, seed):
    from stdnum.ee import ik

    files, _ = synthetic_files(students, seed)
    by_id = {s["id"]: s for s in _records(files, "students")}
    placements = _records(files, "placements")
    born = {ident: ik.get_birth_date(s["personal_code"]) for ident, s in by_id.items()}
    minors_then = [p for p in placements if minor_on(born[p["student"]], p["start"])]
    assert minors_then  # the sizes chosen have such students
    assert [p["id"] for p in minors_then if "guardian" not in by_id[p["student"]]] == []


def test_the_earliest_placement_day_of_a_student():
    assert earliest_placement(date(2025, 9, 1)) == date(2026, 3, 2)  # a finished placement is possible
    assert earliest_placement(date(2026, 9, 1)) == date(2026, 11, 2)  # started later: a pending one
    assert minor_on(date(2008, 11, 3), date(2026, 11, 2)) and not minor_on(date(2008, 11, 2), date(2026, 11, 2))


def test_some_students_of_age_have_a_guardian_for_their_placement():
    """Minors on the as-of day have a guardian, and so do some students now of age who were
    minors when their placement started."""
    files, counts = synthetic_files(300, 1)
    guardians = sum(text.count("\n  guardian:") for name, text in files.items() if name.startswith("students/"))
    assert guardians > counts["minors"]  # minors on the as-of day, and some now of age
