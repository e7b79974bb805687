"""The cache cannot lie and keeps personal data private (issues 11 and 12).

- the answers key holds every parameter of the command but the few listed in `UNKEYED`;
- an answer is stored under the key of the bytes it was computed from (a file saved while the
  folder is read cannot poison the cache);
- every entry carries a checksum: a same-size corruption is rebuilt, never served;
- no answer with unmasked personal data is stored; folders 0700, files 0600;
- pruning: entries unused for CLUSTER_CACHE_MAX_AGE_DAYS, then the oldest beyond
  CLUSTER_CACHE_MAX_MB, at most once a day (a stamp file).
"""

from __future__ import annotations

import json
import os
import shutil
import stat
import time
from pathlib import Path

import pytest

from tests.conftest import AS_OF, IBAN, base_data, write_data

SAMPLE = Path(__file__).resolve().parents[1] / "data"

STUDENTS = "students/TA-24.yaml"
DAY = 86400


def _cache(tmp_path: Path) -> Path:
    return tmp_path / ".cluster-cache"


def _entries(tmp_path: Path, area: str | None = None) -> list[Path]:
    base = _cache(tmp_path) / area if area else _cache(tmp_path)
    return sorted(p for p in base.rglob("*") if p.is_file() and p.name != "pruned.stamp")


def _age(paths, days: float) -> None:
    then = time.time() - days * DAY
    for p in paths:
        os.utime(p, (then, then))


def _validate(cli, root, *extra):
    result = cli("validate", "--data", root, "--as-of", AS_OF, "--format", "json", *extra)
    return result.exit_code, result.stdout


def _missing_guardian() -> dict:
    files = base_data()
    files[STUDENTS][1].pop("guardian")  # a minor without a guardian: an error
    return files


# --- the key: every parameter of the command, but those listed as not shaping the answer ------


def _leaf_commands():
    import typer

    from cluster_cli.cli.app import app

    def walk(command, path):
        subcommands = getattr(command, "commands", None)
        if subcommands:
            for name, sub in sorted(subcommands.items()):
                yield from walk(sub, [*path, name])
        else:
            yield " ".join(path), command

    yield from walk(typer.main.get_command(app), [])


def test_every_parameter_of_every_command_is_in_the_answer_key_or_listed_as_unkeyed():
    """A new option can never return a stale answer: the key is derived from the command's
    parameters, and each one is either in it or in the one exclusion list."""
    from cluster_cli.cli.common import UNKEYED, question_of

    seen = set()
    commands = list(_leaf_commands())
    assert {"validate", "debts", "grants rank", "allowances travel", "members show", "calendar"} <= {
        name for name, _ in commands}
    for name, command in commands:
        ctx = command.make_context(name, [], resilient_parsing=True)
        _path, _today, keyed = question_of(ctx)
        for param in command.params:
            seen.add(param.name)
            assert param.name in keyed or param.name in UNKEYED, f"{name}: --{param.name} is neither keyed nor UNKEYED"
    assert set(UNKEYED) <= seen, "UNKEYED names a parameter no command has"


def test_run_report_takes_the_command_context_not_a_hand_kept_list():
    import inspect

    from cluster_cli.cli.common import cached_answer, run_report

    for function in (run_report, cached_answer):
        names = list(inspect.signature(function).parameters)
        assert names[0] == "ctx" and "question" not in names


def test_key_separates_commands_and_their_option_values():
    import typer

    from cluster_cli.cli.common import question_of

    commands = dict(_leaf_commands())
    root = typer.main.get_command(__import__("cluster_cli.cli.app", fromlist=["app"]).app)
    parent = root.make_context("cluster", ["grants"], resilient_parsing=True)

    def key(name, args):
        return question_of(commands[name].make_context(name.split()[-1], args, parent=parent,
                                                       resilient_parsing=True))

    assert key("grants rank", ["--round", "2026-autumn"])[0] == "rank"
    assert key("grants rank", ["--round", "2026-autumn"]) != key("grants rank", ["--round", "2027-spring"])
    assert key("debts", ["--view", "debts"]) != key("debts", ["--view", "groups"])
    assert key("debts", ["--output", "a.csv", "-v"]) == key("debts", ["--output", "b.csv"])


def test_each_view_of_a_cached_report_is_its_own_answer(cli, tmp_path):
    root = write_data(tmp_path / "data", base_data())
    for view in ("groups", "debts", "groups"):
        args = ("debts", "--data", root, "--as-of", AS_OF, "--format", "csv", "--view", view)
        assert cli(*args).stdout == cli(*args, "--no-cache").stdout


# --- issue 12: the key and the stored answer come from the same bytes ---------------------------


def test_a_file_saved_while_validate_reads_cannot_poison_the_cache(cli, tmp_path, monkeypatch):
    from cluster_cli import pipeline

    root = write_data(tmp_path / "data", _missing_guardian())
    original = (root / STUDENTS).read_bytes()
    fixed = write_data(tmp_path / "fixed", base_data())
    saved = (fixed / STUDENTS).read_bytes()

    # The file is saved right after the folder was fingerprinted, before it is read.
    monkeypatch.setattr(pipeline, "AFTER_FINGERPRINT", lambda: (root / STUDENTS).write_bytes(saved))
    assert _validate(cli, root)[0] == 0  # the answer for the bytes read (the saved file)
    monkeypatch.setattr(pipeline, "AFTER_FINGERPRINT", None)

    (root / STUDENTS).write_bytes(original)  # the data restored: its own answer, not the other's
    assert _validate(cli, root) == _validate(cli, root, "--no-cache")
    assert _validate(cli, root)[0] == 1
    (root / STUDENTS).write_bytes(saved)
    assert _validate(cli, root)[0] == 0


def test_a_file_saved_while_a_report_reads_cannot_poison_the_cache(cli, tmp_path, monkeypatch):
    from cluster_cli import pipeline

    root = write_data(tmp_path / "data", base_data())
    original = (root / STUDENTS).read_bytes()
    debt = original.replace(b"value: 4", b"value: 2")
    args = ("debts", "--data", root, "--as-of", AS_OF, "--format", "json")

    monkeypatch.setattr(pipeline, "AFTER_FINGERPRINT", lambda: (root / STUDENTS).write_bytes(debt))
    assert [s["student"] for s in json.loads(cli(*args).stdout)["students"]] == ["S1"]
    monkeypatch.setattr(pipeline, "AFTER_FINGERPRINT", None)

    (root / STUDENTS).write_bytes(original)
    assert json.loads(cli(*args).stdout)["students"] == []


# --- issue 12: a checksum over every entry ------------------------------------------------------


def test_a_same_size_corruption_of_a_loaded_file_is_rebuilt_never_served(cli, tmp_path):
    root = write_data(tmp_path / "data", base_data())
    args = ("debts", "--data", root, "--as-of", AS_OF, "--format", "json")
    cold = cli(*args).stdout
    assert json.loads(cold)["students"] == []
    flipped = 0
    for entry in _entries(tmp_path, "files"):
        raw = entry.read_bytes()
        if b'"value":"4"' in raw:  # a grade 4 → 2 flipped on disk: same size, still valid JSON
            entry.write_bytes(raw.replace(b'"value":"4"', b'"value":"2"'))
            flipped += 1
    assert flipped
    for entry in _entries(tmp_path, "answers"):
        entry.unlink()  # make the run go to the files cache
    assert cli(*args).stdout == cold
    assert all(b'"value":"2"' not in e.read_bytes() for e in _entries(tmp_path, "files"))  # rebuilt


def test_a_same_size_corruption_of_an_answer_is_rebuilt_never_served(cli, tmp_path):
    root = write_data(tmp_path / "data", _missing_guardian())
    cold = _validate(cli, root)
    [answer] = _entries(tmp_path, "answers")
    raw = answer.read_bytes()
    corrupt = raw.replace(b'"error"', b'"info" ', 1)
    assert corrupt != raw and len(corrupt) == len(raw)
    answer.write_bytes(corrupt)
    assert _validate(cli, root) == cold
    assert answer.read_bytes() == raw


# --- issue 11: privacy --------------------------------------------------------------------------


def _answers_text(tmp_path: Path) -> str:
    return "".join(p.read_text(encoding="utf-8", errors="replace") for p in _entries(tmp_path, "answers"))


def test_show_pii_answers_are_neither_stored_nor_served(cli, tmp_path):
    from tests.test_grants import _month_data

    root = write_data(tmp_path / "d", _month_data())
    args = ("grants", "report", "--month", "2026-11", "--data", root, "--format", "csv")
    masked = cli(*args).stdout
    shown = cli(*args, "--show-pii").stdout
    assert IBAN in shown and IBAN not in masked
    assert cli(*args, "--show-pii").stdout == shown
    assert cli(*args).stdout == masked
    assert _entries(tmp_path, "answers") and IBAN not in _answers_text(tmp_path)


def test_validate_stores_its_findings_masked_only(cli, tmp_path):
    bad_code = "50801012232"  # a wrong check digit: the finding names the code
    files = base_data()
    files[STUDENTS][0]["personal_code"] = bad_code
    root = write_data(tmp_path / "data", files)
    cold = _validate(cli, root)
    shown = _validate(cli, root, "--show-pii")
    assert bad_code in shown[1] and bad_code not in cold[1]
    assert _validate(cli, root) == cold  # served from the masked answer: the same bytes
    assert _validate(cli, root, "--show-pii") == shown
    assert _entries(tmp_path, "answers") and bad_code not in _answers_text(tmp_path)


def test_cache_folders_are_0700_and_files_0600(cli, tmp_path):
    root = write_data(tmp_path / "data", base_data())
    _validate(cli, root)
    cli("debts", "--data", root, "--as-of", AS_OF, "--format", "json")
    folders = [_cache(tmp_path), *(p for p in _cache(tmp_path).rglob("*") if p.is_dir())]
    files = _entries(tmp_path)
    assert len(folders) >= 5 and files
    assert {oct(stat.S_IMODE(p.stat().st_mode)) for p in folders} == {"0o700"}
    assert {oct(stat.S_IMODE(p.stat().st_mode)) for p in files} == {"0o600"}


def test_cache_areas_left_open_by_an_older_version_are_closed(cli, tmp_path):
    root = write_data(tmp_path / "data", base_data())
    (_cache(tmp_path) / "files").mkdir(parents=True)
    (_cache(tmp_path) / "files").chmod(0o755)
    _validate(cli, root)
    assert stat.S_IMODE((_cache(tmp_path) / "files").stat().st_mode) == 0o700


def test_the_default_cache_folder_left_open_is_closed_a_folder_she_chose_is_not(cli, tmp_path, monkeypatch):
    # ours (platformdirs' user cache folder), made 0755 by an older version: closed, as `cache
    # info` says "kaustad 0700"; a folder given in $CLUSTER_CACHE_DIR is hers: its mode stays
    import platformdirs

    root = write_data(tmp_path / "data", base_data())
    ours = tmp_path / "home-cache" / "cluster-cli"
    ours.mkdir(parents=True)
    ours.chmod(0o755)
    monkeypatch.delenv("CLUSTER_CACHE_DIR")
    monkeypatch.setattr(platformdirs, "user_cache_dir", lambda name: str(tmp_path / "home-cache" / name))
    _validate(cli, root)
    assert stat.S_IMODE(ours.stat().st_mode) == 0o700 and (ours / "files").is_dir()
    chosen = tmp_path / "chosen"
    chosen.mkdir()
    chosen.chmod(0o755)
    monkeypatch.setenv("CLUSTER_CACHE_DIR", str(chosen))
    _validate(cli, root)
    assert stat.S_IMODE(chosen.stat().st_mode) == 0o755 and (chosen / "files").is_dir()


# --- issue 11: pruning --------------------------------------------------------------------------


def test_entries_unused_for_max_age_days_are_pruned(cli, tmp_path, monkeypatch):
    monkeypatch.setenv("CLUSTER_CACHE_MAX_AGE_DAYS", "30")
    root = write_data(tmp_path / "data", base_data())
    _validate(cli, root)
    old = _entries(tmp_path)
    _age(old, 31)
    cli("debts", "--data", root, "--as-of", AS_OF, "--format", "json")  # prunes first (no stamp yet)
    assert not [p for p in old if p.exists() and time.time() - p.stat().st_mtime > 30 * DAY]
    assert (_cache(tmp_path) / "pruned.stamp").exists() and _entries(tmp_path, "answers")


def test_pruning_runs_at_most_once_a_day(cli, tmp_path):
    root = write_data(tmp_path / "data", base_data())
    _validate(cli, root)
    (_cache(tmp_path) / "pruned.stamp").touch()  # pruned an hour ago
    _age([_cache(tmp_path) / "pruned.stamp"], 1 / 24)
    old = _entries(tmp_path)
    _age(old, 40)
    cli("debts", "--data", root, "--as-of", AS_OF, "--format", "json")
    assert all(p.exists() for p in old)
    _age([_cache(tmp_path) / "pruned.stamp"], 1.5)  # a day and a half later
    cli("debts", "--data", root, "--as-of", AS_OF, "--format", "json")
    assert not any(p.exists() and time.time() - p.stat().st_mtime > DAY for p in old)


def test_a_hit_counts_as_use(cli, tmp_path):
    root = write_data(tmp_path / "data", base_data())
    _validate(cli, root)
    (_cache(tmp_path) / "pruned.stamp").touch()
    [answer] = _entries(tmp_path, "answers")
    _age([answer], 20)
    _validate(cli, root)
    assert time.time() - answer.stat().st_mtime < DAY


def test_size_cap_removes_the_least_recently_used_first(cli, tmp_path, monkeypatch):
    root = write_data(tmp_path / "data", base_data())
    _validate(cli, root)
    entries = _entries(tmp_path)
    _age(entries, 2)
    oldest = max(_entries(tmp_path, "files"), key=lambda p: p.stat().st_size)
    _age([oldest], 3)
    total = sum(p.stat().st_size for p in entries)
    monkeypatch.setenv("CLUSTER_CACHE_MAX_MB", str((total - oldest.stat().st_size) / 1e6))
    assert _validate(cli, root)[0] == 0  # prunes (no stamp yet), then answers from the cache
    assert not oldest.exists()
    assert [p for p in entries if p.exists()] == [p for p in entries if p != oldest]


@pytest.mark.parametrize("name", ["CLUSTER_CACHE_MAX_AGE_DAYS", "CLUSTER_CACHE_MAX_MB"])
def test_a_wrong_pruning_setting_is_a_usage_error(cli, tmp_path, monkeypatch, name):
    root = write_data(tmp_path / "data", base_data())
    monkeypatch.setenv(name, "thirty")
    for args in (("validate", "--data", root, "--lang", "en"), ("debts", "--data", root, "--format", "json")):
        result = cli(*args)
        assert result.exit_code == 2 and name in result.stderr and "Traceback" not in result.stderr
    assert "is not a number" in cli("validate", "--data", root, "--lang", "en").stderr
    assert cli("validate", "--data", root, "--as-of", AS_OF, "--no-cache").exit_code == 0  # unused: no matter


def test_cache_info_shows_where_modes_and_pruning(cli, tmp_path, monkeypatch):
    monkeypatch.setenv("CLUSTER_CACHE_MAX_MB", "50")
    root = write_data(tmp_path / "data", base_data())
    _validate(cli, root)
    # (whether that run pruned — an empty cache — depends on what this process holds already: the
    # stamp goes, so that what `info` says of a cache never pruned is seen)
    from cluster_cli.load.cache import STAMP

    (tmp_path / ".cluster-cache" / STAMP).unlink(missing_ok=True)
    info = cli("cache", "info", "--data", root, "--lang", "en")
    assert info.exit_code == 0
    # "50 MB" with a no-break space: a terminal never breaks the number from its unit
    assert ".cluster-cache" in info.stdout and "0700" in info.stdout and "50\u00a0MB" in info.stdout
    assert "30 days" in info.stdout and "not yet" in info.stdout


def test_the_holidays_of_a_run_are_kept_in_the_cache_and_read_back_as_the_library_gives_them(cli, tmp_path,
                                                                                               monkeypatch):
    """A re-run need not import the `holidays` package (≈ 0.15 s): the public holidays of the
    years in play are kept (area `holidays`, under the tool's code key, which names the
    package's version) and read back; a `--no-cache` run neither reads nor writes them."""
    from datetime import date

    from cluster_cli.regulation import calendar

    shutil.copytree(SAMPLE, tmp_path / "data")

    def debts(as_of: str, *extra: str):
        calendar._calendar.cache_clear()  # as a new process: no calendar made yet
        return cli("debts", "--data", tmp_path / "data", "--as-of", as_of, "--format", "json", *extra)

    cold = debts("2026-11-23", "--no-cache")
    area = tmp_path / ".cluster-cache" / "holidays"
    assert not area.exists()
    first = debts("2026-11-23")
    assert first.exit_code == cold.exit_code and first.stdout == cold.stdout
    kept = [p for p in area.rglob("*") if p.is_file()]
    assert kept
    library = calendar._estonia()
    for path in kept:
        days = json.loads(path.read_bytes().split(b"\n", 2)[2])
        years = range(int(days[0][:4]), int(days[-1][:4]) + 1)
        for year in years:
            date(year, 1, 1) in library  # noqa: B015 - fills the year in
        assert set(days) == {d.isoformat() for d in library if d.year in years}

    other_day = debts("2026-11-24", "--no-cache")

    def no_library():
        raise AssertionError("the holidays package was asked although the cache keeps its answer")

    monkeypatch.setattr(calendar, "_estonia", no_library)
    again = debts("2026-11-24")  # another question, computed again: from the kept holidays
    assert (again.exit_code, again.stdout) == (other_day.exit_code, other_day.stdout)
