"""Edits of the data folder's own files (`match --write`, through cluster_cli/edit/write.py): a
lock on the data folder, a refusal when a data file changed since it was read (issue 12), the
file's mode and symlink kept, the temporaries of a killed write swept and never read.

Concurrency is made deterministic with the write module's `before_commit` seam (the moment after
the drafts are planned and before they are checked and written) and a lock held by the test."""

from __future__ import annotations

import fcntl
import os
import stat
import subprocess
import sys

import pytest

from tests.conftest import AS_OF, write_data
from tests.test_match import cluster

TARGET = "placements/vvttk.yaml"


@pytest.fixture
def root(tmp_path):
    files = cluster("S3", "S4")
    files[TARGET] = files.pop("placements.yaml")
    return write_data(tmp_path / "d", files)


def match_write(cli, root, *extra):
    return cli("match", "--data", root, "--as-of", AS_OF, "--write", "--lang", "en", "--no-cache", *extra)


def test_issue_12_a_file_saved_during_match_write_is_kept_and_nothing_written(cli, root, monkeypatch):
    import cluster_cli.edit.write as write

    target = root / TARGET
    saved = target.read_text(encoding="utf-8") + "# saved by an editor meanwhile\n"

    def editor_saves(paths):
        target.write_text(saved, encoding="utf-8")

    monkeypatch.setattr(write, "before_commit", editor_saves)
    result = match_write(cli, root)
    assert result.exit_code == 1, result.output
    assert f"The file {target} changed while the command was working on the data" in result.stderr
    assert "Run the command again" in result.stderr
    assert target.read_text(encoding="utf-8") == saved  # the editor's bytes, no drafts over them
    # Run again: it reads the saved file and adds the drafts after it.
    monkeypatch.setattr(write, "before_commit", None)
    again = match_write(cli, root)
    assert again.exit_code == 0, again.output
    text = target.read_text(encoding="utf-8")
    assert text.startswith(saved) and "status: draft" in text


def test_issue_12_a_new_data_file_appearing_during_the_edit_refuses_it(cli, root, monkeypatch):
    import cluster_cli.edit.write as write

    before = (root / TARGET).read_bytes()
    monkeypatch.setattr(write, "before_commit", lambda paths: (root / "placements" / "other.yaml").write_text(
        "[]\n", encoding="utf-8"))
    result = match_write(cli, root)
    assert result.exit_code == 1, result.output
    assert "other.yaml changed" in result.stderr
    assert (root / TARGET).read_bytes() == before


def test_issue_12_match_write_refuses_while_another_command_holds_the_lock(cli, root, monkeypatch):
    monkeypatch.setenv("CLUSTER_LOCK_TIMEOUT", "0")
    before = (root / TARGET).read_bytes()
    with open(root / ".cluster.lock", "w") as held:
        fcntl.flock(held, fcntl.LOCK_EX)
        result = match_write(cli, root)
    assert result.exit_code == 1, result.output
    assert f"Another cluster command is editing the data folder {root}" in result.stderr
    assert (root / TARGET).read_bytes() == before


def test_issue_12_two_match_writes_at_once_never_give_a_duplicate_id(cli, root, monkeypatch):
    """A second `match --write` (a real process) starts while the first is about to write: it
    finds the lock taken and refuses; the first writes its drafts, each id once."""
    import cluster_cli.edit.write as write
    from cluster_cli.pipeline import load

    second = {}

    def another_run_meanwhile(paths):
        second["proc"] = subprocess.run(
            [sys.executable, "-m", "cluster_cli", "match", "--data", str(root), "--as-of", AS_OF, "--write",
             "--lang", "en", "--no-cache"],
            capture_output=True, text=True, env={**os.environ, "CLUSTER_LOCK_TIMEOUT": "0"}, timeout=120)

    monkeypatch.setattr(write, "before_commit", another_run_meanwhile)
    first = match_write(cli, root)
    proc = second["proc"]
    assert proc.returncode == 1, proc.stderr
    assert "Another cluster command is editing the data folder" in proc.stderr
    assert first.exit_code == 0, first.output
    ids = [p.id for p in load(root, cache=False).dataset.records["placements"]]
    assert len(ids) == len(set(ids)) and len(ids) == 3  # S1's placement and the drafts of S3 and S4


@pytest.fixture
def umask():
    old = os.umask(0o077)
    yield
    os.umask(old)


def mode(path):
    return stat.S_IMODE(os.stat(path).st_mode)


def test_issue_12_match_write_keeps_the_files_mode(cli, root, umask):
    (root / TARGET).chmod(0o644)
    result = match_write(cli, root)
    assert result.exit_code == 0, result.output
    assert "status: draft" in (root / TARGET).read_text(encoding="utf-8")
    assert mode(root / TARGET) == 0o644


def test_issue_12_match_write_goes_through_a_symlink_to_its_target(cli, root, tmp_path):
    # The target stays inside the data folder: a link that leaves it is refused by the loader.
    shared = root / ".store" / "vvttk.yaml"
    shared.parent.mkdir()
    os.replace(root / TARGET, shared)
    (root / TARGET).symlink_to(shared)
    result = match_write(cli, root)
    assert result.exit_code == 0, result.output
    assert (root / TARGET).is_symlink() and os.readlink(root / TARGET) == str(shared)
    assert "status: draft" in shared.read_text(encoding="utf-8")


def test_temporaries_of_a_killed_write_are_swept_by_the_next_match_write(cli, root):
    killed = [root / "placements" / ".vvttk.yaml.k1ll3d_x.tmp", root / ".placements.yaml.a1b2c3d4.tmp"]
    for path in killed:
        path.write_text("- id: VV-2027-99\n  student: S3\n", encoding="utf-8")
    keep = root / "placements" / "notes.txt.tmp"  # not a temporary of ours
    keep.write_text("x", encoding="utf-8")
    result = match_write(cli, root)
    assert result.exit_code == 0, result.output
    assert "Removed 2 temporary files of an interrupted write: " in result.stderr
    assert not any(p.exists() for p in killed) and keep.exists()
    assert [p.name for p in (root / "placements").iterdir() if p.name.endswith(".tmp")] == ["notes.txt.tmp"]


def test_the_loader_never_reads_temporary_or_hidden_files(cli, root):
    broken = "- id: [unclosed\n"
    (root / ".placements.yaml.123.tmp").write_text(broken, encoding="utf-8")
    (root / "placements" / ".vvttk.yaml.k1ll3d_x.tmp").write_text(broken, encoding="utf-8")
    (root / "placements" / ".hidden.yaml").write_text(broken, encoding="utf-8")
    (root / ".cluster.lock").write_text("", encoding="utf-8")
    result = cli("validate", "--data", root, "--as-of", AS_OF, "--format", "json", "--no-cache")
    assert result.exit_code == 0, result.output
    assert ".tmp" not in result.stdout and "hidden" not in result.stdout
