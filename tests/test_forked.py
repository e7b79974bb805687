"""A second core for a big first run (issue 20, `cluster_cli/forked.py`): a forked helper loads
and checks part of the files meanwhile. The answer is byte for byte a one-core `--no-cache`
run's, also where the helper fails; `CLUSTER_JOBS=1` turns it off."""

from __future__ import annotations

import os
import re
import threading

import pytest

from cluster_cli import forked
from cluster_cli.edit.synthetic import synthetic_files
from tests.conftest import AS_OF, write_data
from tests.test_incremental import _same_as_cold


def test_a_helper_answers_what_its_work_returned_from_another_process():
    helper = forked.Helper(lambda: {"pid": os.getpid(), "rows": [1, "kaks", None]})
    answer = helper.answer()
    assert answer["rows"] == [1, "kaks", None]
    assert answer["pid"] != os.getpid()
    assert helper.answer() is answer  # waited for once


def _fails():
    raise RuntimeError("helper broke")


@pytest.mark.parametrize("work", [_fails, lambda: os._exit(3), lambda: (lambda: 0)],
                         ids=["raises", "exits", "unpicklable"])
def test_a_failed_helper_answers_none(work, capfd):
    assert forked.Helper(work).answer() is None
    out, err = capfd.readouterr()
    assert out == "" and err == ""  # nothing said by the helper


def test_a_helper_only_where_it_is_worth_it_and_not_switched_off(monkeypatch):
    monkeypatch.setattr(forked, "_cores", lambda: 2)
    monkeypatch.delenv(forked.JOBS_ENV, raising=False)
    assert forked.worth(10, 10) is True
    assert forked.worth(9, 10) is False
    monkeypatch.setenv(forked.JOBS_ENV, "1")
    assert forked.worth(10, 10) is False
    monkeypatch.delenv(forked.JOBS_ENV)
    monkeypatch.setattr(forked, "_cores", lambda: 1)
    assert forked.worth(10, 10) is False
    monkeypatch.setattr(forked, "_cores", lambda: 2)
    stop = threading.Event()
    other = threading.Thread(target=stop.wait)
    other.start()
    try:
        assert forked.worth(10, 10) is False  # a thread's lock would stay held in the helper
    finally:
        stop.set()
        other.join()
    assert forked.worth(10, 10) is True


@pytest.fixture
def helpers(monkeypatch):
    """Helpers for any size, on any machine; the answers they gave (None: failed)."""
    monkeypatch.setattr(forked, "MIN_BYTES", 1)
    monkeypatch.setattr(forked, "MIN_RECORDS", 1)
    monkeypatch.setattr(forked, "_cores", lambda: 2)
    monkeypatch.delenv(forked.JOBS_ENV, raising=False)
    answers = []
    answer = forked.Helper.answer

    def watched(self):
        answers.append(answer(self))
        return answers[-1]

    monkeypatch.setattr(forked.Helper, "answer", watched)
    return answers


def _folder_with_findings(tmp_path):
    """A synthetic folder of six groups with findings of record and joined rules in its first
    and its last group file (one read here, one by the helper)."""
    files, _ = synthetic_files(150, 5)
    root = write_data(tmp_path / "d", files)
    groups = sorted(p for p in files if p.startswith("students/"))
    for name in (groups[0], groups[-1]):
        path = root / name
        text = path.read_text(encoding="utf-8")
        code = re.search(r"personal_code: '(\d{11})'", text).group(1)
        wrong = code[:-1] + str((int(code[-1]) + 1) % 10)
        path.write_text(text.replace(code, wrong, 1).replace("module: M01", "module: M99", 1), encoding="utf-8")
    return root, groups


def test_a_first_run_with_a_helper_gives_a_one_core_cold_runs_answer(cli, tmp_path, helpers):
    root, groups = _folder_with_findings(tmp_path)
    _same_as_cold(cli, root)  # the first question is a first run: the cache was empty
    assert len(helpers) >= 2 and all(a is not None for a in helpers)  # it loaded and it checked
    doc = cli.validate_json(root, "--no-cache")[1]
    for name in (groups[0], groups[-1]):
        codes = {f["code"] for f in doc["findings"] if f["file"].endswith(name)}
        assert {"personal-code", "unknown-reference"} <= codes


def test_a_helper_that_fails_changes_nothing(cli, tmp_path, helpers, monkeypatch):
    root, _ = _folder_with_findings(tmp_path)
    start = forked.Helper.__init__
    monkeypatch.setattr(forked.Helper, "__init__", lambda self, work: start(self, _fails))
    first = cli("validate", "--data", root, "--as-of", AS_OF, "--format", "json")
    assert helpers and all(a is None for a in helpers)
    cold = cli("validate", "--data", root, "--as-of", AS_OF, "--format", "json", "--no-cache")
    assert (first.exit_code, first.stdout) == (cold.exit_code, cold.stdout)
    _same_as_cold(cli, root)


def test_no_helper_with_jobs_one(cli, tmp_path, helpers, monkeypatch):
    root, _ = _folder_with_findings(tmp_path)
    monkeypatch.setenv(forked.JOBS_ENV, "1")
    _same_as_cold(cli, root)
    assert helpers == []


def test_a_helper_also_under_the_progress_bar_at_a_terminal(cli, tmp_path, helpers, monkeypatch):
    import cluster_cli.cli.progress as progress

    root, _ = _folder_with_findings(tmp_path)
    monkeypatch.setenv("TTY_COMPATIBLE", "1")  # stderr counts as a terminal (Rich's test)
    monkeypatch.setattr(progress, "BIG_FOLDER_FILES", 1)
    first = cli("validate", "--data", root, "--as-of", AS_OF, "--format", "json", "--lang", "en")
    assert "Data files" in first.stderr  # the bar was drawn, without a thread of its own
    assert len(helpers) >= 2 and all(a is not None for a in helpers)
    cold = cli("validate", "--data", root, "--as-of", AS_OF, "--format", "json", "--lang", "en", "--no-cache")
    assert (first.exit_code, first.stdout) == (cold.exit_code, cold.stdout)

