"""Output paths (`--output`, `calendar --ics`): one clear message and exit 2 for a path that cannot
or must not be written — checked before the report is computed and again at write time — nothing
partial and no temporary file left; `-` is stdout; modes follow the umask (a replaced file keeps
its mode) except for unmasked personal data, which stays 0600. Real CLI, real files in tmp_path."""

from __future__ import annotations

import errno
import os
import stat

import pytest

from tests.conftest import AS_OF, base_data, write_data


@pytest.fixture
def root(tmp_path):
    return write_data(tmp_path / "d", base_data())


@pytest.fixture
def umask():
    """Run the test under a known umask and restore the caller's."""
    old = os.umask(0o022)
    yield
    os.umask(old)


def debts(cli, root, *extra):
    return cli("debts", "--data", root, "--as-of", AS_OF, "--format", "csv", *extra)


def snapshot(folder):
    return {p: p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def leftovers(folder):
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


# --- paths refused before anything is computed -------------------------------------------------


def test_an_empty_output_is_refused_not_read_as_the_current_folder(cli, root):
    result = debts(cli, root, "--output", "", "--lang", "en")
    assert result.exit_code == 2, result.output
    assert "The output file name is empty" in result.stderr and "Traceback" not in result.output


def test_a_folder_as_output_is_refused_with_its_path(cli, root, tmp_path):
    (tmp_path / "out").mkdir()
    result = debts(cli, root, "--output", tmp_path / "out", "--lang", "en")
    assert result.exit_code == 2, result.output
    assert f"{tmp_path / 'out'} is a folder" in result.stderr
    assert list((tmp_path / "out").iterdir()) == []


def test_a_file_under_a_missing_folder_is_refused_and_the_folder_not_created(cli, root, tmp_path):
    target = tmp_path / "missing" / "debts.csv"
    result = debts(cli, root, "--output", target, "--lang", "en")
    assert result.exit_code == 2, result.output
    assert "does not exist" in result.stderr and "mkdir -p" in result.stderr
    assert not (tmp_path / "missing").exists()


def test_a_file_under_a_file_is_refused(cli, root, tmp_path):
    (tmp_path / "plain").write_text("x", encoding="utf-8")
    result = debts(cli, root, "--output", tmp_path / "plain" / "debts.csv", "--lang", "en")
    assert result.exit_code == 2, result.output
    assert "goes through a file where a folder should be" in result.stderr


@pytest.mark.skipif(os.geteuid() == 0, reason="root may write into any folder")
def test_a_folder_without_write_permission_is_refused(cli, root, tmp_path):
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o555)
    try:
        result = debts(cli, root, "--output", locked / "debts.csv", "--lang", "en")
    finally:
        locked.chmod(0o755)
    assert result.exit_code == 2, result.output
    assert "cannot be written to" in result.stderr


def test_a_kernel_pseudo_file_is_refused(cli, root):
    result = debts(cli, root, "--output", "/proc/version", "--lang", "en")
    assert result.exit_code == 2, result.output
    assert "/proc/version is a system pseudo-file" in result.stderr


@pytest.mark.parametrize("victim", ["cluster.yaml", "members.yaml", "students/TA-24.yaml", "new-report.csv"])
def test_issue_12_a_report_never_writes_into_the_data_folder(cli, root, victim):
    before = snapshot(root)
    result = debts(cli, root, "--output", root / victim, "--lang", "en")
    assert result.exit_code == 2, result.output
    assert "inside the data folder" in result.stderr
    assert snapshot(root) == before


def test_issue_12_a_symlink_into_the_data_folder_is_resolved_and_refused(cli, root, tmp_path):
    link = tmp_path / "report.csv"
    link.symlink_to(root / "members.yaml")
    before = snapshot(root)
    result = debts(cli, root, "--output", link, "--lang", "en")
    assert result.exit_code == 2, result.output
    assert "inside the data folder" in result.stderr
    assert snapshot(root) == before and link.is_symlink()


def test_issue_12_calendar_ics_never_writes_into_the_data_folder(cli, root):
    before = snapshot(root)
    result = cli("calendar", "--data", root, "--as-of", AS_OF, "--ics", root / "cluster.yaml", "--lang", "en")
    assert result.exit_code == 2, result.output
    assert "inside the data folder" in result.stderr
    assert snapshot(root) == before


def test_the_output_is_checked_before_the_data_is_read(cli, tmp_path):
    # The data folder does not exist either: the output path's message comes first, so nothing
    # was loaded or computed for a report that could not be written.
    (tmp_path / "out").mkdir()
    result = debts(cli, tmp_path / "no-data", "--output", tmp_path / "out", "--lang", "en")
    assert result.exit_code == 2, result.output
    assert "is a folder" in result.stderr


def test_calendar_refuses_ics_and_output_on_the_same_file(cli, root, tmp_path):
    same = tmp_path / "x.ics"
    result = cli("calendar", "--data", root, "--as-of", AS_OF, "--ics", same, "--output", same, "--format", "csv",
                 "--lang", "en")
    assert result.exit_code == 2, result.output
    assert "point at the same place" in result.stderr and not same.exists()


# --- write time: the disk as it is when the report is ready ------------------------------------


def test_the_output_is_checked_again_at_write_time(cli, root, tmp_path, monkeypatch):
    import cluster_cli.cli.output as output

    folder = tmp_path / "out"
    folder.mkdir()
    real = output.report_bytes

    def folder_removed_meanwhile(*args, **kwargs):
        folder.rmdir()
        return real(*args, **kwargs)

    monkeypatch.setattr(output, "report_bytes", folder_removed_meanwhile)
    result = debts(cli, root, "--output", folder / "debts.csv", "--lang", "en", "--no-cache")
    assert result.exit_code == 2, result.output
    assert "does not exist" in result.stderr and "Traceback" not in result.output


@pytest.mark.parametrize("code, words", [
    (errno.ENOSPC, "the disk is full"),
    (errno.EROFS, "the file system is read-only"),
    (errno.EACCES, "permission denied"),
])
def test_a_failed_write_leaves_the_old_file_and_no_temporary_file(cli, root, tmp_path, monkeypatch, code, words):
    import cluster_cli.files as files

    target = tmp_path / "debts.csv"
    target.write_text("old report\n", encoding="utf-8")

    def fails_halfway(fd, raw):  # half the bytes reach the disk, then the system says no
        os.write(fd, raw[: len(raw) // 2])
        raise OSError(code, os.strerror(code))

    monkeypatch.setattr(files, "_write_all", fails_halfway)
    result = debts(cli, root, "--output", target, "--lang", "en")
    assert result.exit_code == 2, result.output
    assert f"Could not write {target}: {words}" in result.stderr and "Nothing was written" in result.stderr
    assert "Traceback" not in result.output
    assert target.read_text(encoding="utf-8") == "old report\n"
    assert leftovers(tmp_path) == []


def test_a_named_pipe_is_written_as_a_stream_not_replaced(cli, root, tmp_path):
    import threading

    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    received = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()), daemon=True)
    reader.start()
    result = debts(cli, root, "--output", fifo)
    reader.join(timeout=60)
    assert result.exit_code == 0, result.output
    assert received and received[0].startswith("Grupp".encode())
    assert stat.S_ISFIFO(os.stat(fifo).st_mode) and leftovers(tmp_path) == []


# --- stdout and modes -------------------------------------------------------------------------


def test_output_dash_is_stdout_not_a_file_named_dash(cli, root, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    to_file = debts(cli, root, "--output", tmp_path / "debts.csv")
    result = debts(cli, root, "--output", "-")
    assert result.exit_code == 0, result.output
    assert result.stdout == (tmp_path / "debts.csv").read_text(encoding="utf-8") and to_file.exit_code == 0
    assert not (tmp_path / "-").exists()


def test_calendar_ics_dash_is_stdout(cli, root, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = cli("calendar", "--data", root, "--as-of", AS_OF, "--ics", "-", "--output", tmp_path / "events.csv",
                 "--format", "csv")
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("BEGIN:VCALENDAR") and not (tmp_path / "-").exists()


def mode(path):
    return stat.S_IMODE(os.stat(path).st_mode)


def test_a_new_report_file_gets_the_users_umask(cli, root, tmp_path, umask):
    assert debts(cli, root, "--output", tmp_path / "debts.csv").exit_code == 0
    assert mode(tmp_path / "debts.csv") == 0o644
    ics = cli("calendar", "--data", root, "--as-of", AS_OF, "--ics", tmp_path / "t.ics", "--format", "json")
    assert ics.exit_code == 0, ics.output
    assert mode(tmp_path / "t.ics") == 0o644


def test_a_replaced_report_file_keeps_its_mode(cli, root, tmp_path, umask):
    target = tmp_path / "debts.csv"
    target.write_text("old\n", encoding="utf-8")
    target.chmod(0o664)
    assert debts(cli, root, "--output", target).exit_code == 0
    assert mode(target) == 0o664 and target.read_text(encoding="utf-8") != "old\n"


def test_a_report_with_unmasked_personal_data_is_private(cli, root, tmp_path, umask):
    target = tmp_path / "debts.csv"
    target.write_text("old\n", encoding="utf-8")
    target.chmod(0o644)
    result = debts(cli, root, "--output", target, "--show-pii")
    assert result.exit_code == 0, result.output
    assert mode(target) == 0o600


def test_a_symlinked_report_file_is_written_through_the_link(cli, root, tmp_path):
    real = tmp_path / "reports" / "debts.csv"
    real.parent.mkdir()
    real.write_text("old\n", encoding="utf-8")
    link = tmp_path / "latest.csv"
    link.symlink_to(real)
    assert debts(cli, root, "--output", link).exit_code == 0
    assert link.is_symlink() and real.read_text(encoding="utf-8").startswith("Grupp")
