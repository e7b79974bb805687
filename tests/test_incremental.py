"""One changed file re-validated at once (issue 20): the findings of rules that look at one record
(`scope="record"`) are kept per file in the cache; joined rules re-run on every run.

The answer must be byte for byte a cold `--no-cache` run's after files are edited, added,
deleted and renamed — also where a joined rule's finding changes because ANOTHER file changed
(a reference that now resolves, a duplicate id across two files) — and the cache never keeps a
personal code unmasked."""

from __future__ import annotations

import inspect
import re
import shutil
from pathlib import Path

import pytest

from cluster_cli.edit.synthetic import synthetic_files
from tests.conftest import AS_OF, base_data, write_data

STUDENTS = "students/TA-24.yaml"


def _checks(tmp_path: Path) -> list[Path]:
    area = tmp_path / ".cluster-cache" / "checks"
    return sorted(p for p in area.rglob("*") if p.is_file()) if area.is_dir() else []


def _questions(root: Path) -> list[tuple[str, ...]]:
    common = ("--data", str(root), "--format", "json")
    return [
        ("validate", "--as-of", AS_OF, *common),
        ("validate", "--as-of", AS_OF, "--data", str(root), "--format", "text", "--lang", "en"),
        ("validate", "--as-of", AS_OF, "--select", "personal-code,duplicate-id,period-grade", *common),
        ("debts", "--as-of", AS_OF, *common),
        ("grants", "rank", "--round", "2026-autumn", *common),
    ]


def _same_as_cold(cli, root: Path) -> None:
    for question in _questions(root):
        warm = cli(*question)
        cold = cli(*question, "--no-cache")
        assert warm.exit_code == cold.exit_code, question
        assert warm.stdout == cold.stdout, question


def _first_record(text: str) -> str:
    """The text of the first record of a list file written by the generator (`- id: …` items)."""
    second = text.index("\n- id:", 1)
    return text[: second + 1]


def _kind(path: str) -> str:
    return path.split("/")[0] if "/" in path else path.removesuffix(".yaml")


def test_edit_add_delete_rename_give_a_cold_runs_answer(cli, tmp_path):
    files, _ = synthetic_files(120, 3)
    root = write_data(tmp_path / "d", files)
    groups = sorted(p for p in files if p.startswith("students/"))
    a, b, c = groups[0], groups[1], groups[2]
    _same_as_cold(cli, root)
    assert len(_checks(tmp_path)) == len(files) - 1  # every list file's record findings kept, one entry each

    # Edit one file: a personal code's check digit goes wrong (a record rule), and a grade's
    # module is one its curriculum does not have (a joined rule).
    path = root / a
    text = path.read_text(encoding="utf-8")
    code = re.search(r"personal_code: '(\d{11})'", text).group(1)
    wrong = code[:-1] + str((int(code[-1]) + 1) % 10)
    text = text.replace(code, wrong, 1).replace("module: M01", "module: M99", 1)
    path.write_text(text, encoding="utf-8")
    before = len(_checks(tmp_path))
    doc = cli.validate_json(root)[1]
    # one entry per file: the changed file's is new; a group that looks up students updates
    # the other kinds' entries in place
    assert len(_checks(tmp_path)) == before + 1
    assert {"personal-code", "unknown-reference"} <= {f["code"] for f in doc["findings"] if f["file"].endswith(a)}
    # the synthetic folder is clean (issue 20): the joined finding's line is the first one kept
    assert list((tmp_path / ".cluster-cache" / "lines").rglob("*"))
    _same_as_cold(cli, root)

    # Add a file: a copy of b's first student — a duplicate id across two files (joined).
    first = _first_record((root / b).read_text(encoding="utf-8"))
    (root / "students" / "extra.yaml").write_text(first, encoding="utf-8")
    doc = cli.validate_json(root)[1]
    assert any(f["code"] == "duplicate-id" for f in doc["findings"])
    _same_as_cold(cli, root)

    # A placement names a student no file has yet (its file unchanged after), then a new file
    # brings the student: the reference resolves though the placements file did not change.
    placements = sorted(p for p in files if p.startswith("placements/"))[0]
    ptext = (root / placements).read_text(encoding="utf-8")
    sid = re.search(r"student: (\S+)", ptext).group(1)
    (root / placements).write_text(ptext.replace(f"student: {sid}", "student: S999999", 1), encoding="utf-8")
    doc = cli.validate_json(root)[1]
    assert any(f["code"] == "unknown-reference" and f["file"].endswith(placements) for f in doc["findings"])
    _same_as_cold(cli, root)
    newcomer = re.sub(r"^- id: \S+", "- id: S999999", first, count=1)
    (root / "students" / "newcomer.yaml").write_text(newcomer, encoding="utf-8")
    doc = cli.validate_json(root)[1]
    assert not any(f["code"] == "unknown-reference" and f["file"].endswith(placements) for f in doc["findings"])
    _same_as_cold(cli, root)

    # Delete a file: placements of its students now point nowhere (their file unchanged).
    (root / c).unlink()
    _same_as_cold(cli, root)
    (root / "students" / "extra.yaml").unlink()
    _same_as_cold(cli, root)

    # Rename a file: its kept findings are told under the new name, nothing is re-checked.
    before = len(_checks(tmp_path))
    shutil.move(root / a, root / "students" / "renamed.yaml")
    doc = cli.validate_json(root)[1]
    assert len(_checks(tmp_path)) == before
    assert any(f["file"].endswith("students/renamed.yaml") and f["code"] == "personal-code" for f in doc["findings"])
    assert not any(f["file"].endswith(a) for f in doc["findings"])
    _same_as_cold(cli, root)


def test_the_cluster_file_and_the_date_are_part_of_the_key(cli, tmp_path):
    files, _ = synthetic_files(60, 4)
    root = write_data(tmp_path / "d", files)
    _same_as_cold(cli, root)
    # Another as-of date: record rules judge again (the ended periods differ).
    for day in ("2026-03-01", "2025-11-23"):
        warm = cli("validate", "--data", root, "--as-of", day, "--format", "json")
        cold = cli("validate", "--data", root, "--as-of", day, "--format", "json", "--no-cache")
        assert warm.stdout == cold.stdout
    # The cluster's study periods move: period grades are judged against the new dates.
    cluster = (root / "cluster.yaml").read_text(encoding="utf-8")
    moved = cluster.replace("-01-31", "-01-10")
    assert moved != cluster
    (root / "cluster.yaml").write_text(moved, encoding="utf-8")
    _same_as_cold(cli, root)


def test_findings_kept_per_file_hold_personal_codes_masked_only(cli, tmp_path):
    bad_code = "50801012232"  # a wrong check digit: the finding names the code
    files = base_data()
    files[STUDENTS][0]["personal_code"] = bad_code
    root = write_data(tmp_path / "data", files)
    masked = cli.validate_json(root)[1]
    assert any(f["code"] == "personal-code" for f in masked["findings"])
    kept = _checks(tmp_path)
    assert kept and not any(bad_code.encode() in p.read_bytes() for p in kept)
    for p in kept:
        p.unlink()
    shown = cli("validate", "--data", root, "--as-of", AS_OF, "--format", "json", "--show-pii")
    assert bad_code in shown.stdout
    assert _checks(tmp_path) == []  # a --show-pii run neither reads nor writes them
    # and a masked run after it is still a cold run's answer
    (root / "students" / "TA-24.yaml").write_text((root / STUDENTS).read_text(encoding="utf-8") + "\n",
                                                  encoding="utf-8")
    _same_as_cold(cli, root)


# --- the rules' declared scope --------------------------------------------------------------

ALLOWED = {"records", "cluster", "cluster_complete"}  # what every record rule may read of the dataset
# What a look-up of each kind is called in the rules (the typed views of `Dataset`).
LOOKUPS = {"members": {"members"}, "curricula": {"curricula"}, "groups": {"groups"}, "tasks": {"tasks"},
           "students": {"students"}, "placements": {"placements", "placements_of", "placements_of_record"},
           "courses": {"courses"}}
RECORD_RULES = [r for r in __import__("cluster_cli.regulation.rules", fromlist=["RULES"]).RULES
                if r.scope == "record"]


def _reads_of(function, seen: set) -> set[str]:
    """The dataset's attributes `function` reads (`ds.x`), following helpers it passes `ds` to."""
    if function in seen:
        return set()
    seen.add(function)
    source = inspect.getsource(function)
    found = set(re.findall(r"\bds\.(\w+)", source))
    for name in set(re.findall(r"\b(\w+)\([^()]*\bds\s*[,)]", source)):
        helper = function.__globals__.get(name)
        if helper is None or not inspect.isfunction(helper):
            found.add(f"{name}(ds)")  # a helper this check cannot follow: not allowed
            continue
        found |= _reads_of(helper, seen)
    return found


@pytest.mark.parametrize("rule", RECORD_RULES, ids=lambda r: r.id)
def test_a_record_rule_reads_its_records_the_cluster_and_what_it_declares(rule):
    allowed = ALLOWED | {name for kind in rule.reads for name in LOOKUPS[kind]}
    if rule.reads:
        allowed |= {"is_known", "by_id"}
    assert set(rule.reads) <= LOOKUPS.keys(), rule.id
    assert _reads_of(rule.check, set()) <= allowed, f"{rule.id} reads more than it declares: declare or join it"


def test_scopes_are_record_or_joined_and_joined_by_default():
    from cluster_cli.regulation.rules import RULES, Rule

    assert {r.scope for r in RULES} <= {"record", "joined"}
    assert Rule("x", "", "error", lambda ds, ctx: []).scope == "joined"
    assert all(r.reads == () for r in RULES if r.scope == "joined")


# A student's admission, curriculum change, card, directives, support measure, individual curriculum
# and schedule and development talk, each with faults (put after the first `harid: true`).
LIFE = """\
  harid: true
  residence: none
  admission:
    date: 2026-09-05
    education: basic
    documents: [application]
  curriculum_changes:
    - date: 2026-11-20
      from_curriculum: ITT-4
  student_card:
    number: C-1
    issued: 2026-09-02
    fee: 5
  directives:
    - number: '1-4/1'
      date: 2026-10-10
      kind: study_trip
      start: 2026-10-01
      place: Tallinn
  support_measures:
    - kind: intervention
      start: 2026-09-14
      hours_per_week: 2
      intensity: thorough
  individual_curriculum:
    - initiative: student
      application: 2026-09-02
      grounds: [health]
      modules:
        - {module: X99, ekap: 3}
  individual_schedule:
    - grounds: family
      application: 2026-09-08
      start: 2026-09-14
      end: 2028-06-16
  development_talks:
    - date: 2026-10-06
      participants: [Kadri Nõmm]
      memo: {date: 2026-10-07, folder: lak-TAR26-003}
"""

# Faults put into the synthetic folder, so that the rules compared below find something there:
# (a file's path starts with, text, replaced by, how many times).
PROBLEMS = [
    ("students/", "personal_code: '4", "personal_code: '9", 1),
    ("students/", "iban: 'EE3", "iban: 'EE4", 2),
    ("students/", "@opilane", "@@opilane", 1),
    # placement care and practice-period (a finished placement moved into this year, abroad at a
    # place the student found, its defense failed and not entered; a self-found one started
    # early, outside the group's practice period; supervisors' roles; a late host contact)
    ("placements/", "  kind: workplace_based\n  status: finished\n  start: 2026-03-02\n  end: 2026-04-17",
     "  kind: abroad\n  self_found: true\n  status: finished\n  start: 2026-09-07\n  end: 2026-10-30", 1),
    ("placements/", "    final: '5'\n    entered: 2026-04-25", "    final: '2'", 1),
    ("placements/", "  kind: workplace_based\n  status: valid\n  start: 2026-11-02",
     "  kind: workplace_based\n  self_found: true\n  status: valid\n  start: 2026-10-26", 1),
    ("placements/", "  school_supervisor:\n    name:", "  school_supervisor:\n    role: raamatupidaja\n    name:", 3),
    ("placements/", "  host_contacted: 2026-10-16", "  host_contacted: 2026-10-30", 1),
    # a student's admission, card, directives and support (LIFE); a card not extended this study year
    ("students/", "  harid: true\n", LIFE, 1),
    ("students/", "  curriculum: ITS-KKH\n", "  curriculum: ITS-KKH\n  student_card:\n    number: C-2\n"
     "    issued: 2025-09-03\n    valid_until: 2027-06-30\n  directives:\n    - number: '1-2/9'\n"
     "      date: 2025-08-20\n      kind: admission\n", 1),
    # a module's independent work over its volume, an unapproved e-course, practice below practical work
    ("curricula.yaml", "      practical_work_ekap: 3\n", "      practical_work_ekap: 3\n"
     "      independent_work_ekap: 9\n      e_course: true\n", 1),
    ("curricula.yaml", "      practice_ekap: 15\n", "      practice_ekap: 1\n", 1),
    # placement rules: on a placement alone, and through its student (placements_of)
    ("placements/", "    - party: student\n", "    - party: school\n", 1),
    ("placements/", "catalogue: T-TAR-02", "catalogue: T-ITS-01", 1),
    ("placements/", "  start: 2026-11-02\n  end: 2027-01-08", "  start: 2019-11-02\n  end: 2027-01-08", 1),
    ("placements/", "  hours: 390\n", "  hours: 380\n", 1),
    ("placements/", "  kind: workplace_based\n", "  kind: abroad\n", 1),
    ("placements/", "  end: 2026-12-18\n  hours: 260", "  end: 2026-10-18\n  hours: 260", 1),
    ("placements/", "  - P01\n  kind:", "  - M01\n  kind:", 1),
    ("students/", "  harid: true\n", "  harid: true\n  special_needs: düsleksia\n", 1000),
    # academic-leave, student-group, attendance-count, grade-scale, certificate-grades,
    # student-accounts, resit-sheet, leave-papers, iban (a school's account), unknown-reference
    ("students/lak/", "harid: true", "harid: false", 1),
    ("students/lak/", "      value: 'A'\n", "      value: '5'\n", 1),
    ("students/lkk/", "  school: lkk", "  school: ptk", 1),
    ("students/ptk/", "  group: ptk-", "  group: zz-", 1),
    ("students/", "module: M02", "module: M77", 1),
    ("students/ptk/", "    - status: active\n", "    - status: academic_leave\n", 1),
    ("students/lkk/", "      unexcused: 1", "      unexcused: 1\n      on_placement: 1", 1),
    ("students/lkk/", "      late: 6", "      late: 600", 1),
    ("students/ptk/", "      sheet_signed: 2026-", "      sheet_signed: 2025-", 1),
    ("students/lkk/", "    - status: active\n", "    - status: graduated\n", 1),
    ("placements/", "catalogue: T-", "catalogue: X-", 1),
    ("placements/ptk", "    - P01\n", "    - P77\n", 1),
    ("placements/", "  student: S", "  student: Q", 1),
    ("members.yaml", "  partnership: strategic\n",
     "  partnership: strategic\n  payments:\n    name: Kool\n    iban: 'EE000000000000000000'\n", 1),
    ("members.yaml", "- curriculum: ITS-KKH", "- curriculum: ITS-KKX", 1),
    ("groups.yaml", "  school: lak", "  school: koodikoda", 1),
    ("tasks.yaml", "  modules:\n    - ", "  modules:\n    - X", 1),
]


def _folders(tmp_path: Path):
    """The sample folder (findings of many rules), a synthetic one with placements and the
    synthetic one with `PROBLEMS`."""
    from cluster_cli.pipeline import load

    files, _ = synthetic_files(120, 5)
    broken = dict(files)
    for start, old, new, count in PROBLEMS:
        for path in sorted(p for p in broken if p.startswith(start) and old in broken[p])[:1]:
            broken[path] = broken[path].replace(old, new, count)
    for root in (Path(__file__).parent.parent / "data", write_data(tmp_path / "d", files),
                 write_data(tmp_path / "p", broken)):
        yield load(root)


class _Watched(dict):
    """A dict of dicts by kind that notes which kinds are looked up."""

    def __init__(self, data, seen: set):
        super().__init__(data)
        self.seen = seen

    def __getitem__(self, kind):
        self.seen.add(kind)
        return super().__getitem__(kind)

    def get(self, kind, default=None):
        self.seen.add(kind)
        return super().get(kind, default)

    def __contains__(self, kind):
        self.seen.add(kind)
        return super().__contains__(kind)

    def items(self):
        self.seen.add("*")
        return super().items()

    def values(self):
        self.seen.add("*")
        return super().values()


class _WatchedPlacements(dict):
    def __init__(self, data, seen: set):
        super().__init__(data)
        self.seen = seen

    def get(self, key, default=None):
        self.seen.add("placements")
        return super().get(key, default)


def test_record_rules_look_up_only_what_they_declare(tmp_path):
    """Each record rule, run on the records of one kind, looks up only kinds it declares in
    `reads` — never its own kind (watched at run time, on folders where the rules find things).
    What a rule says about the cluster is judged on every run without records, never kept
    (`kept.run`): it may look up any kind the rule declares (unknown-reference: the members
    cluster.yaml names). Such a rule's records are then watched without the cluster as well,
    where its own kind stays forbidden."""
    from datetime import date

    from cluster_cli.regulation.kept import subset
    from cluster_cli.regulation.rules import Context

    def watched(ds, names, seen: set):
        sub = subset(ds, names)
        sub.by_id, sub.broken = _Watched(ds.by_id, seen), _Watched(ds.broken, seen)
        placements = _WatchedPlacements(ds.placements_table(), seen)
        sub.placements_table = lambda: placements
        return sub

    for loaded in _folders(tmp_path):
        ds = loaded.dataset
        ctx = Context(as_of=date.fromisoformat(AS_OF), profile=loaded.profile)
        seen: set = set()
        alone = watched(ds, (), seen)
        about_cluster = {}
        for rule in RECORD_RULES:
            seen.clear()
            list(rule.check(alone, ctx))
            assert seen <= set(rule.reads), (rule.id, "cluster", seen)
            about_cluster[rule.id] = set(seen)
        for kind in set(ds.file_kinds.values()):
            names = [n for n, k in ds.file_kinds.items() if k == kind]
            sub = watched(ds, names, seen)
            without = watched(ds, names, seen)
            without.cluster = None
            for rule in RECORD_RULES:
                seen.clear()
                list(rule.check(sub, ctx))
                assert seen <= (set(rule.reads) - {kind}) | about_cluster[rule.id], (rule.id, kind, seen)
                if about_cluster[rule.id]:
                    seen.clear()
                    list(rule.check(without, ctx))
                    assert seen <= set(rule.reads) - {kind}, (rule.id, kind, "without the cluster", seen)


def test_record_rules_give_file_by_file_what_they_give_on_the_whole_folder(tmp_path):
    """Each record rule run on one file's records at a time (looking up the folder's) gives,
    file after file, exactly what it gives on the whole folder; what it says about the cluster
    needs no record at all."""
    from datetime import date

    from cluster_cli.regulation.kept import subset
    from cluster_cli.regulation.rules import Context

    finding = set()
    for loaded in _folders(tmp_path):
        ds = loaded.dataset
        ctx = Context(as_of=date.fromisoformat(AS_OF), profile=loaded.profile)
        special = set(ds.files) - set(ds.file_kinds)
        for rule in RECORD_RULES:
            whole = list(rule.check(ds, ctx))
            without = list(rule.check(subset(ds, ()), ctx))
            assert all(f.file in special for f in without), rule.id
            by_file = [f for name in ds.file_kinds for f in rule.check(subset(ds, [name]), ctx)
                       if f.file not in special]
            assert sorted(without + by_file, key=lambda f: f.sort_key()) == sorted(whole, key=lambda f: f.sort_key()), \
                rule.id
            if whole:
                finding.add(rule.id)
    # the comparison means something only where rules find things
    assert len(finding) >= 70, sorted(set(r.id for r in RECORD_RULES) - finding)


def test_every_rule_is_registered_once():
    from collections import Counter

    from cluster_cli.regulation.rules import RULES

    assert [rule for rule, n in Counter(r.id for r in RULES).items() if n > 1] == []
