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


def test_a_helper_says_nothing_where_the_commands_output_goes(capfd):
    def noisy():
        os.write(1, b"out")
        os.write(2, b"err")  # as a crash dump or a C library's message would
        return "done"

    assert forked.Helper(noisy).answer() == "done"
    assert capfd.readouterr() == ("", "")


@pytest.mark.parametrize("broken", ["pipe", "fork", "waitpid"])
def test_a_helper_that_cannot_be_started_or_waited_for_answers_none(broken, monkeypatch):
    def fails(*args):
        raise {"pipe": OSError(24, "Too many open files"), "fork": BlockingIOError(11, "Resource unavailable"),
               "waitpid": ChildProcessError(10, "No child processes")}[broken]

    if broken == "waitpid":  # the child reaped already (SIGCHLD ignored by whoever started us)
        real = os.waitpid
        monkeypatch.setattr(os, "waitpid", lambda pid, options: (real(pid, options), fails())[1])
    else:
        monkeypatch.setattr(os, broken, fails)
    assert forked.Helper(lambda: "done").answer() is None


HELPER_SCRIPT = """
import os, sys, time
from cluster_cli import forked
helper = forked.Helper(lambda: time.sleep(60))
print(helper._pid, flush=True)
time.sleep(60)
"""


def _running(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat") as stat:
            return stat.read().rsplit(")", 1)[1].split()[0] != "Z"  # a zombie has ended
    except FileNotFoundError:
        return False


def test_a_helper_ends_with_the_command_killed(tmp_path):
    import signal
    import subprocess
    import sys
    import time

    command = subprocess.Popen([sys.executable, "-c", HELPER_SCRIPT], stdout=subprocess.PIPE, text=True)
    pid = int(command.stdout.readline())
    assert _running(pid)
    command.send_signal(signal.SIGKILL)
    command.wait()
    deadline = time.monotonic() + 5
    while _running(pid) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not _running(pid)


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


@pytest.mark.parametrize("value", ["abc", "0", "-1", "1.0"])
def test_jobs_that_are_no_whole_number_of_at_least_one_are_a_usage_error(cli, tmp_path, monkeypatch, value):
    root, _ = _folder_with_findings(tmp_path)
    monkeypatch.setenv(forked.JOBS_ENV, value)
    result = cli("validate", "--data", root, "--as-of", AS_OF, "--lang", "en")
    assert result.exit_code == 2
    assert f"CLUSTER_JOBS={value} is not a whole number of at least 1" in result.stderr
    assert "Traceback" not in result.output


def _lines(tmp_path) -> dict:
    area = tmp_path / ".cluster-cache" / "lines"
    return {p.name: p.read_bytes() for p in area.rglob("*") if p.is_file()} if area.is_dir() else {}


def test_the_lines_the_helpers_findings_found_are_kept_as_on_one_core(cli, tmp_path, helpers, monkeypatch):
    import shutil

    root, _ = _folder_with_findings(tmp_path)
    monkeypatch.setenv(forked.JOBS_ENV, "1")
    cli("validate", "--data", root, "--as-of", AS_OF, "--format", "json")
    one_core = _lines(tmp_path)
    assert len(one_core) >= 2  # the findings in the first and the last group file
    shutil.rmtree(tmp_path / ".cluster-cache")
    monkeypatch.delenv(forked.JOBS_ENV)
    cli("validate", "--data", root, "--as-of", AS_OF, "--format", "json")
    assert helpers and all(a is not None for a in helpers)
    assert _lines(tmp_path) == one_core


def test_a_helper_also_under_the_progress_bar_at_a_terminal(cli, tmp_path, helpers, monkeypatch):
    import cluster_cli.cli.progress as progress

    root, _ = _folder_with_findings(tmp_path)
    monkeypatch.setenv("TTY_COMPATIBLE", "1")  # stderr counts as a terminal (Rich's test)
    monkeypatch.setattr(progress, "BIG_FOLDER_FILES", 1)
    first = cli("validate", "--data", root, "--as-of", AS_OF, "--format", "json", "--lang", "en")
    assert "Data files" in first.stderr  # the bar was drawn, without a thread of its own
    assert "Checks" in first.stderr  # and went on while the files were checked
    assert len(helpers) >= 2 and all(a is not None for a in helpers)
    cold = cli("validate", "--data", root, "--as-of", AS_OF, "--format", "json", "--lang", "en", "--no-cache")
    assert (first.exit_code, first.stdout) == (cold.exit_code, cold.stdout)



@pytest.mark.parametrize("sizes, start", [([1, 1, 1, 1], 2), ([5, 3, 1, 1], 1), ([10, 1, 1], 1), ([1, 10], 2),
                                          ([3], 1), ([], 0)])
def test_the_helpers_share_is_the_last_items_of_at_most_half_the_work(monkeypatch, sizes, start):
    monkeypatch.setattr(forked, "_cores", lambda: 2)
    monkeypatch.delenv(forked.JOBS_ENV, raising=False)
    assert forked.helpers_share(sizes, 1) == start
    assert forked.helpers_share(sizes, sum(sizes) + 1) == len(sizes)  # not worth a helper
