"""Scale without losing guarantees: the fast parser gives the same data and findings as the
precise one, and the cache is invalidated by exactly what must invalidate it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import AS_OF, base_data, read_as, write_data

STUDENTS = "students/TA-24.yaml"


def _validate(cli, root, *extra):
    result = cli("validate", "--data", root, "--as-of", AS_OF, "--format", "json", *extra)
    return result.exit_code, result.stdout


def _served(cli, root, *extra):
    """`_validate`, and which path served each file of the folder (the loader's test seam)."""
    from cluster_cli.load.folder import recording_paths

    with recording_paths() as served:
        output = _validate(cli, root, *extra)
    return output, served



def _cache_files(tmp_path: Path) -> list[Path]:
    return [p for p in (tmp_path / ".cluster-cache").rglob("*") if p.is_file()]


# --- the fast and the precise path agree ---------------------------------------------------

HOSTILE = {
    "tab": "- id: S1\n\tfirst_name: Mart\n",
    "unclosed": "- id: S1\n  first_name: [Mart\n",
    "control": "- id: S1\n  first_name: \x00\n",
    "latin1": b"- id: S1\n  first_name: M\xe4rt\n",
    "binary": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
    "empty": "",
    "comment-only": "# only a comment\n",
    "mapping": "id: S1\nfirst_name: Mart\n",
    "scalar-item": "- just text\n",
    "alias": "- &a {id: X}\n- *a\n",
    "tag": "- !!python/object/apply:os.system ['echo hi']\n",
    "duplicate": "- id: S1\n  id: S2\n",
    "two-documents": "- id: S1\n---\n- id: S2\n",
    "merge": "- <<: {id: S1}\n",
}
# Scalars that YAML 1.1, YAML 1.2 and our reading take differently: the precise path decides.
TRICKY_VALUES = ["0012", "0x1F", "0o17", "1_000", ".5", "5.", "2026-09-01 10:00:00", "2026-09-01T10:00:00+02:00",
                 "2026-9-1 10:00:00", "no", "on", "~", "2026-02-30", "1e3", "+12"]
# Those the fast path must hand to the precise one; the others it reads itself, identically.
GUARDED = {"0012", "0x1F", "0o17", "1_000", ".5", "5."}
# Those a field's type refuses: the record fails on the fast path too, so that record alone is
# read again with its lines (issue 20) — the file stays on the fast path, the report the same.
REFUSED = {"group": {"2026-09-01 10:00:00", "2026-09-01T10:00:00+02:00", "~"},
           "course": set(TRICKY_VALUES),
           "home_settlement": {"2026-09-01 10:00:00", "2026-09-01T10:00:00+02:00"}}


def _both_paths(cli, monkeypatch, root, students: str = "precise"):
    """validate with CLUSTER_LOADER=precise, then =fast, and check which path served each file:
    all precisely in the first run; in the second, STUDENTS as `students` says and every
    other (plainly safe) list file by the fast parser."""
    outputs = []
    for loader in ("precise", "fast"):
        monkeypatch.setenv("CLUSTER_LOADER", loader)
        output, served = _served(cli, root, "--no-cache")
        expected = read_as(root, "precise") if loader == "precise" else read_as(root, "fast", {STUDENTS: students})
        assert served == expected, loader
        outputs.append(output)
    return outputs


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_hostile_input_gives_identical_findings_on_both_paths(cli, tmp_path, monkeypatch, name):
    files = base_data()
    files[STUDENTS] = HOSTILE[name]
    root = write_data(tmp_path / "data", files)
    precise, fast = _both_paths(cli, monkeypatch, root)
    assert precise == fast
    assert precise[0] in (1, 2) and json.loads(precise[1])["findings"]


@pytest.mark.parametrize("value", TRICKY_VALUES)
@pytest.mark.parametrize("field", ["group", "course", "home_settlement"])
def test_tricky_scalars_read_the_same_on_both_paths(cli, tmp_path, monkeypatch, value, field):
    import re

    from cluster_cli.load.fast import risky

    files = base_data()
    files[STUDENTS][0][field] = "PLACEHOLDER"
    root = write_data(tmp_path / "data", files)
    path = root / STUDENTS
    text = re.sub(rf"^  {field}: .*$", f"  {field}: {value}", path.read_text(encoding="utf-8"), count=1, flags=re.M)
    path.write_text(text, encoding="utf-8")
    assert risky(text.encode()) == (value in GUARDED)
    students = "precise" if value in GUARDED else "fast"
    precise, fast = _both_paths(cli, monkeypatch, root, students)
    assert precise == fast
    refused = [f for f in json.loads(fast[1])["findings"] if f["code"] == "record-unchecked"]
    assert bool(refused) == (value in REFUSED[field])  # the record its type refuses is not checked further


def test_fast_path_data_equals_precise_data_on_the_sample(tmp_path):
    from cluster_cli.load.folder import load_folder, recording_paths

    sample = Path(__file__).resolve().parents[1] / "data"
    with recording_paths() as served:
        precise, f1 = load_folder(sample, use_fast=False)
    assert served == read_as(sample, "precise")
    with recording_paths() as served:
        fast, f2 = load_folder(sample, use_fast=True)
    assert served == read_as(sample, "fast")
    assert f1 == f2
    for kind in precise.records:
        assert [r.model_dump() for r in precise.records[kind]] == [r.model_dump() for r in fast.records[kind]]


def test_a_finding_on_a_fast_record_still_has_its_line(cli, tmp_path, monkeypatch):
    files = base_data()
    files[STUDENTS][1].pop("guardian")  # a rule finding, not a shape one: the file stays fast
    root = write_data(tmp_path / "data", files)
    precise, fast = _both_paths(cli, monkeypatch, root, students="fast")
    assert precise == fast
    [f] = json.loads(fast[1])["findings"]
    assert f["code"] == "minor-guardian" and f["line"] > 1


# --- the cache -----------------------------------------------------------------------------


def test_warm_run_answers_from_the_cache_and_matches_cold(cli, tmp_path):
    files = base_data()
    files[STUDENTS][1].pop("guardian")
    root = write_data(tmp_path / "data", files)
    cold, served = _served(cli, root)
    assert served == read_as(root, "fast")
    assert _cache_files(tmp_path)
    warm, served = _served(cli, root)
    assert served == {}  # the answer itself came from the cache: no file was parsed
    assert cold == warm and cold[0] == 1


def test_edit_invalidates(cli, tmp_path):
    files = base_data()
    files[STUDENTS][1].pop("guardian")
    root = write_data(tmp_path / "data", files)
    assert _validate(cli, root)[0] == 1
    files[STUDENTS][1]["guardian"] = {"name": "Anne Kuusk", "phone": "+372 5234 5678"}
    write_data(root, {STUDENTS: files[STUDENTS]})
    (code, out), served = _served(cli, root)
    assert served == read_as(root, "cache", {STUDENTS: "fast"})  # only the edited file is read again
    assert code == 0 and json.loads(out)["findings"] == []


def test_rename_invalidates_paths(cli, tmp_path):
    files = base_data()
    files[STUDENTS][1].pop("guardian")
    root = write_data(tmp_path / "data", files)
    _validate(cli, root)
    (root / STUDENTS).rename(root / "students" / "renamed.yaml")
    (code, out), served = _served(cli, root)
    assert served == read_as(root, "cache")  # the same bytes: the file's entry still serves
    [f] = json.loads(out)["findings"]
    assert f["file"].endswith("students/renamed.yaml") and f["line"] > 1


def test_deletion_invalidates(cli, tmp_path):
    root = write_data(tmp_path / "data", base_data())
    assert _validate(cli, root)[0] == 0
    (root / STUDENTS).unlink()
    (code, out), served = _served(cli, root)
    assert served == read_as(root, "cache")
    # P1's student is gone: the placement's reference now dangles.
    assert code == 1 and any(f["code"] == "unknown-reference" for f in json.loads(out)["findings"])


def test_profile_change_invalidates(cli, tmp_path):
    files = base_data()
    files["groups.yaml"][0]["practice_subgroup_size"] = 14
    root = write_data(tmp_path / "data", files)
    assert _validate(cli, root)[0] == 0
    (root / "profile.yaml").write_text("parameters:\n  practice_group_max:\n    values:\n      2026-01-01: 12\n")
    (code, _), served = _served(cli, root)
    assert served == read_as(root, "cache") and code == 1


def test_report_answers_change_with_the_data(cli, tmp_path):
    root = write_data(tmp_path / "data", base_data())
    args = ("debts", "--data", root, "--as-of", AS_OF, "--format", "json")
    first = json.loads(cli(*args).stdout)
    assert first["students"] == []
    text = (root / STUDENTS).read_text(encoding="utf-8").replace("value: 4", "value: 2")
    (root / STUDENTS).write_text(text, encoding="utf-8")
    second = json.loads(cli(*args).stdout)
    assert [s["student"] for s in second["students"]] == ["S1"]


def test_corrupt_and_foreign_entries_are_ignored_and_rebuilt(cli, tmp_path):
    files = base_data()
    files[STUDENTS][1].pop("guardian")
    root = write_data(tmp_path / "data", files)
    cold = _validate(cli, root)
    entries = _cache_files(tmp_path)
    assert entries
    for i, entry in enumerate(entries):
        if i % 2:
            entry.write_bytes(b"\x00garbage")
        else:
            head, _, payload = entry.read_bytes().partition(b"\n")
            header = json.loads(head)
            header["code"] = "someone-else"
            entry.write_bytes(json.dumps(header).encode() + b"\n" + payload)
    again, served = _served(cli, root)
    assert served == read_as(root, "fast")  # no entry was believed: every file read again
    assert again == cold
    assert _validate(cli, root) == cold  # rebuilt entries are good


def test_file_cache_is_used_for_unchanged_files(tmp_path, monkeypatch):
    from cluster_cli.load import folder
    from cluster_cli.pipeline import load

    root = write_data(tmp_path / "data", base_data())
    first = load(root, cache=True)

    def refuse(*_args, **_kwargs):
        raise AssertionError("a cached file was parsed again")

    monkeypatch.setattr(folder, "load_precise", refuse)
    monkeypatch.setattr("cluster_cli.load.fast.fast_parse", refuse)
    second = load(root, cache=True)
    for kind in first.dataset.records:
        assert ([r.model_dump() for r in first.dataset.records[kind]]
                == [r.model_dump() for r in second.dataset.records[kind]])


def test_no_cache_writes_nothing(cli, tmp_path):
    root = write_data(tmp_path / "data", base_data())
    _validate(cli, root, "--no-cache")
    cli("debts", "--data", root, "--as-of", AS_OF, "--format", "json", "--no-cache")
    assert _cache_files(tmp_path) == []


def test_cache_is_never_inside_the_data_folder(cli, tmp_path, monkeypatch):
    root = write_data(tmp_path / "data", base_data())
    monkeypatch.setenv("CLUSTER_CACHE_DIR", str(root / ".cache"))
    before = sorted(p for p in root.rglob("*"))
    assert _validate(cli, root)[0] == 0
    assert sorted(p for p in root.rglob("*")) == before


def test_cache_info_and_clear(cli, tmp_path):
    root = write_data(tmp_path / "data", base_data())
    _validate(cli, root)
    assert _cache_files(tmp_path)
    info = cli("cache", "info", "--data", root)
    assert info.exit_code == 0 and ".cluster-cache" in info.stdout and "kirjet" in info.stdout
    cleared = cli("cache", "clear", "--data", root)
    assert cleared.exit_code == 0 and _cache_files(tmp_path) == []
    assert (root / STUDENTS).exists()  # the data is never touched
    assert _validate(cli, root)[0] == 0  # and the next run simply rebuilds
