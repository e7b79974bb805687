"""Records of files served by the cache are built only where something reads them (issue 20):
the loader knows their ids; `Dataset.records`, `by_id` and `file_records` build a file's models
on first use — from the cache, or from the file itself when its entry went missing, never from
bytes that changed meanwhile."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest

from cluster_cli.edit.synthetic import synthetic_files
from cluster_cli.load.layout import DataFolderError
from cluster_cli.pipeline import check, load
from tests.conftest import AS_OF, write_data


def _folder(tmp_path: Path) -> Path:
    files, _ = synthetic_files(120, 3)
    return write_data(tmp_path / "d", files)


def _built(ds) -> set[str]:
    return {part.name for parts in ds.records.files.values() for part in parts if part.built}


def _cache_area(tmp_path: Path, area: str) -> Path:
    return tmp_path / ".cluster-cache" / area


def test_a_cached_file_is_built_when_first_read_and_reads_as_it_did(tmp_path):
    root = _folder(tmp_path)
    cold = load(root, cache=True).dataset  # fills the cache: every file built by its parser
    assert _built(cold) == set(cold.file_kinds)
    ds = load(root, cache=True).dataset
    assert _built(ds) == set()  # nothing built yet
    assert ds.record_count() == cold.record_count()
    student = next(s for s in cold.records["students"])
    assert student.id in ds.students and len(ds.students) == len(cold.students)  # ids only
    assert _built(ds) == set()
    assert ds.students[student.id].model_dump() == student.model_dump()  # builds its file only
    assert _built(ds) == {student.origin.file}
    assert ds.students[student.id].origin.line_of(()) == student.origin.line_of(())
    for kind in cold.records:
        assert [r.model_dump() for r in ds.records[kind]] == [r.model_dump() for r in cold.records[kind]]
    assert _built(ds) == set(cold.file_kinds)


def test_a_run_after_one_file_changed_builds_only_that_file_for_record_rules(tmp_path):
    from cluster_cli.load.cache import open_cache
    from cluster_cli.regulation.rules import RULES

    root = _folder(tmp_path)
    record_rules = [r.id for r in RULES if r.scope == "record"]
    store = open_cache(root, prune=False)
    check(load(root, cache=True), date.fromisoformat(AS_OF), select=record_rules, store=store)
    changed = sorted((root / "students").rglob("*.yaml"))[0]
    changed.write_text(changed.read_text(encoding="utf-8") + "# edited\n", encoding="utf-8")
    loaded = load(root, cache=True)
    check(loaded, date.fromisoformat(AS_OF), select=[r for r in record_rules if not RULES_READING(r)], store=store)
    assert {Path(name).name for name in _built(loaded.dataset)} <= {changed.name}


def RULES_READING(rule_id: str) -> bool:  # noqa: N802 - reads like the question it asks
    """True when the rule looks up other records or across them (those build what they read)."""
    from cluster_cli.regulation.rules import RULES

    return any(r.reads or r.across for r in RULES if r.id == rule_id)


def test_a_missing_cache_entry_is_read_from_the_file_again(tmp_path, cli):
    root = _folder(tmp_path)
    cold = cli("validate", "--data", str(root), "--as-of", AS_OF, "--format", "json", "--no-cache")
    cli("validate", "--data", str(root), "--as-of", AS_OF, "--format", "json")
    shutil.rmtree(_cache_area(tmp_path, "files"))
    shutil.rmtree(_cache_area(tmp_path, "answers"))
    warm = cli("validate", "--data", str(root), "--as-of", AS_OF, "--format", "json")
    assert (warm.exit_code, warm.stdout) == (cold.exit_code, cold.stdout)


def test_a_file_changed_before_its_records_are_built_is_not_read_silently(tmp_path):
    root = _folder(tmp_path)
    load(root, cache=True)
    ds = load(root, cache=True).dataset
    shutil.rmtree(_cache_area(tmp_path, "files"))  # its models must come from the file now
    name = next(n for n, kind in ds.file_kinds.items() if kind == "students")
    path = root / Path(name).relative_to(root)
    path.write_text(path.read_text(encoding="utf-8").replace("first_name: ", "first_name: X", 1), encoding="utf-8")
    with pytest.raises(DataFolderError) as caught:
        ds.file_records(name)
    assert caught.value.key == "files.data-changed" and caught.value.path == name


def test_a_report_whose_file_changed_meanwhile_says_so_without_a_traceback(tmp_path, cli, monkeypatch):
    from cluster_cli.load import folder

    root = _folder(tmp_path)
    cli("debts", "--data", str(root), "--as-of", AS_OF, "--format", "json")  # fills the cache

    def changed(kind, key, count, cache, path, name, use_fast):
        raise DataFolderError("files.data-changed", name)

    monkeypatch.setattr(folder, "_cached_models", changed)
    shutil.rmtree(_cache_area(tmp_path, "answers"))
    result = cli("debts", "--data", str(root), "--as-of", AS_OF, "--format", "json")
    assert result.exit_code == 2
    assert "muutus" in result.output and "Traceback" not in result.output


def test_counts_across_files_are_kept_per_file_and_build_only_changed_files(tmp_path):
    """`tally` (group sizes for `practice-group-size`, Lisa 6 II.2-3, and groups taught for
    `group-opening`, Lisa 1 II.2): the kept counts equal a count over every record, after a
    student file changed, was added and was deleted; only the changed files are built."""
    from cluster_cli.load.cache import open_cache
    from cluster_cli.regulation.rules import Context
    from cluster_cli.regulation.rules.students import _group_if_studying
    from cluster_cli.regulation.summaries import tally

    root = _folder(tmp_path)
    store = open_cache(root, prune=False)

    def counted():
        from cluster_cli.regulation.kept import FileEntries

        loaded = load(root, cache=True)
        ds, ctx = loaded.dataset, Context(as_of=date.fromisoformat(AS_OF), profile=loaded.profile)
        entries = ds.summary_store = FileEntries(store, ds, list(ds.file_kinds), "ctx")
        kept = tally(ds, ctx, "students", _group_if_studying)
        entries.write()
        built = _built(ds)
        ds.summary_store, ds.summaries_made = None, {}
        return kept, built, tally(ds, ctx, "students", _group_if_studying)

    kept, built, whole = counted()
    assert kept == whole and sum(whole.values()) > 100
    kept, built, whole = counted()
    assert kept == whole and built == set()
    files = sorted((root / "students").rglob("*.yaml"))
    text = files[0].read_text(encoding="utf-8")
    moved = text.split("\n- id:")[0] + "\n"  # the first student, now also in another group's file
    files[0].write_text(text + "# edited\n", encoding="utf-8")
    (root / "students" / "added.yaml").write_text(moved, encoding="utf-8")
    files[1].unlink()
    kept, built, whole = counted()
    assert kept == whole
    assert {Path(n).name for n in built} == {files[0].name, "added.yaml"}


def _later(monkeypatch, seconds: float = 10.0) -> None:
    """The clock `seconds` ahead: files written now are past the memo's racy window."""
    import time

    real = time.time_ns
    monkeypatch.setattr(time, "time_ns", lambda: real() + int(seconds * 1e9))


def _reads(monkeypatch) -> list[str]:
    from cluster_cli.load import folder

    read: list[str] = []
    real = folder.read_checked

    def counted(path, *args, **kwargs):
        read.append(path.name)
        return real(path, *args, **kwargs)

    monkeypatch.setattr(folder, "read_checked", counted)
    return read


def test_a_rerun_reads_only_the_files_that_changed(tmp_path, cli, monkeypatch):
    """The files' digests are remembered with their stat (issue 20): an unchanged file served by
    the cache is not read again; a same-size edit with its old mtime put back is noticed."""
    import os

    root = _folder(tmp_path)
    _later(monkeypatch)
    cold = cli("validate", "--data", str(root), "--as-of", AS_OF, "--format", "json", "--no-cache")
    cli("validate", "--data", str(root), "--as-of", AS_OF, "--format", "json")
    read = _reads(monkeypatch)
    again = cli("validate", "--data", str(root), "--as-of", AS_OF, "--format", "json", "--select", "duplicate-id")
    assert again.exit_code == 0 and set(read) <= {"cluster.yaml"}
    path = sorted((root / "students").rglob("*.yaml"))[0]
    before = path.stat()
    text = path.read_text(encoding="utf-8")
    code = text.split("personal_code: '")[1][:11]
    wrong = code[:-1] + str((int(code[-1]) + 1) % 10)
    path.write_text(text.replace(code, wrong, 1), encoding="utf-8")  # the same size
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
    read.clear()
    warm = cli("validate", "--data", str(root), "--as-of", AS_OF, "--format", "json")
    assert set(read) == {"cluster.yaml", path.name}
    assert warm.stdout != cold.stdout and "personal-code" in warm.stdout
    assert warm.stdout == cli("validate", "--data", str(root), "--as-of", AS_OF, "--format", "json",
                              "--no-cache").stdout


def test_a_file_changed_within_the_racy_window_is_read_every_time(tmp_path, cli, monkeypatch):
    import time

    root = _folder(tmp_path)
    written = max(p.stat().st_ctime_ns for p in root.rglob("*.yaml"))
    monkeypatch.setattr(time, "time_ns", lambda: written + 1_000_000_000)  # a second after the writes
    cli("validate", "--data", str(root), "--as-of", AS_OF, "--format", "json")
    hashed: list[str] = []
    real = Path.read_bytes

    def counted(self):
        if self.suffix == ".yaml" and root in self.parents:
            hashed.append(self.name)
        return real(self)

    monkeypatch.setattr(Path, "read_bytes", counted)
    cli("validate", "--data", str(root), "--as-of", AS_OF, "--format", "json", "--select", "duplicate-id")
    # just written: their stat is not trusted yet, their bytes are read for their digests
    assert set(hashed) == {p.name for p in root.rglob("*.yaml")}


def test_a_students_placements_build_only_the_files_holding_them(tmp_path):
    """A placement's student and status are kept with its ids: `placements_of` builds only the
    placements files that hold the student's placements, and a check over every placement's
    student reads the column, building none."""
    root = _folder(tmp_path)
    cold = load(root, cache=True).dataset
    ds = load(root, cache=True).dataset
    student = next(p.student for p in cold.records["placements"])
    mine = [p for p in cold.records["placements"] if p.student == student]
    assert [p.model_dump() for p in ds.placements_of(student)] == [p.model_dump() for p in mine]
    assert _built(ds) == {p.origin.file for p in mine}
    assert [(s, p().id) for s, p in ds.column("placements", "student")][:3] == \
        [(p.student, p.id) for p in cold.records["placements"]][:3]
    assert [s for s, _ in ds.column("placements", "student")] == [p.student for p in cold.records["placements"]]


def test_validate_holds_no_students_file_when_it_fills_the_cache(tmp_path):
    """A first run with the cache (issue 20's memory): the loader lets each file's records go
    once cached, the rules check a file at a time and let it go — afterwards no students file
    is held but those a check looked up (an exam's students, a card number's holder), and the
    answer is a whole run's."""
    from cluster_cli.load.cache import open_cache

    sample = tmp_path / "sample"
    shutil.copytree(Path(__file__).parent.parent / "data", sample)
    for root in (_folder(tmp_path), sample):
        whole = check(load(root), date.fromisoformat(AS_OF))
        loaded = load(root, cache=True, release=True)
        assert _built(loaded.dataset) == set()
        found = check(loaded, date.fromisoformat(AS_OF), store=open_cache(root, prune=False))
        assert [(f.sort_key(), f.args) for f in found] == [(f.sort_key(), f.args) for f in whole]
        students = {n for n, kind in loaded.dataset.file_kinds.items() if kind == "students"}
        held = _built(loaded.dataset) & students
        if root == sample:
            assert len(whole) > 50 and len(held) < len(students)  # the exams' students: looked up
        else:
            assert held == set()


def test_a_chosen_rules_run_keeps_what_the_others_found(tmp_path, cli, monkeypatch):
    """`--select` after a file the chosen rule looks up changed: the files' entries keep the
    other rules' findings, so the next full run does not check every file again with rules
    that look nothing up — and answers as a cold run."""
    import dataclasses

    from cluster_cli.regulation import rules

    root = tmp_path / "d"
    shutil.copytree(Path(__file__).parent.parent / "data", root)
    cli("validate", "--data", str(root), "--as-of", AS_OF, "--format", "json")
    groups = root / "groups.yaml"
    groups.write_text(groups.read_text(encoding="utf-8") + "\n# edited\n", encoding="utf-8")
    cli("validate", "--data", str(root), "--as-of", AS_OF, "--format", "json", "--select", "student-group")
    checked: list = []

    def watched(rule):
        def check(ds, ctx):
            checked.extend(name for records in ds.records.values() for name in {r.origin.file for r in records})
            return rule.check(ds, ctx)

        return dataclasses.replace(rule, check=check)

    monkeypatch.setattr(rules, "RULES", tuple(watched(r) if r.id == "email" else r for r in rules.RULES))
    warm = cli("validate", "--data", str(root), "--as-of", AS_OF, "--format", "json")
    # `email` looks nothing up: only the changed file is checked again, the others' findings were
    # kept through the choice
    assert {Path(name).name for name in checked} == {"groups.yaml"}
    assert warm.stdout == cli("validate", "--data", str(root), "--as-of", AS_OF, "--format", "json",
                              "--no-cache").stdout


def test_a_record_built_from_the_cache_is_the_parsed_one_down_to_the_fields_the_file_gave(tmp_path):
    root = write_data(tmp_path / "d", synthetic_files(60, 2)[0])
    shutil.copytree(Path(__file__).resolve().parents[1] / "data", tmp_path / "sample")
    for folder in (root, tmp_path / "sample"):
        cold = load(folder).dataset  # no cache: every record from its parser
        load(folder, cache=True)  # fills the cache
        warm = load(folder, cache=True).dataset  # every record built from the cache
        assert set(warm.file_kinds) == set(cold.file_kinds)
        for name in cold.file_kinds:
            parsed, rebuilt = cold.file_records(name), warm.file_records(name)
            assert [r.model_dump() for r in rebuilt] == [r.model_dump() for r in parsed], name
            # the fields the file gave, no more: a record does not change by coming from the cache
            assert [r.model_dump(exclude_unset=True) for r in rebuilt] == \
                [r.model_dump(exclude_unset=True) for r in parsed], name
