"""Progress on long steps (cli/progress.py): a bar with an ETA on stderr at a terminal only, never
with --quiet, never in a pipe or a file. The TTY seam is Rich's own: TTY_COMPATIBLE=1 makes
stderr count as a terminal, as it would at the secretary's screen."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from tests.conftest import base_data, write_data

SAMPLE = Path(__file__).resolve().parents[1] / "data"


@pytest.fixture
def terminal(monkeypatch):
    monkeypatch.setenv("TTY_COMPATIBLE", "1")


@pytest.fixture
def big(monkeypatch):
    """Any folder counts as big (the sample has a dozen files, not hundreds)."""
    import cluster_cli.cli.progress as progress

    monkeypatch.setattr(progress, "BIG_FOLDER_FILES", 1)


def _validate(cli, root, *extra):
    return cli("validate", "--data", root, "--as-of", "2026-11-23", "--format", "json", "--lang", "en", *extra)


def test_validate_on_a_big_folder_shows_files_read_at_a_terminal(cli, tmp_path, terminal, big):
    root = write_data(tmp_path / "data", base_data())
    result = _validate(cli, root)
    assert result.exit_code == 0, result.output
    assert "Data files" in result.stderr
    assert "left" in result.stderr  # the ETA column
    assert "Data files" not in result.stdout  # the JSON stays clean
    assert result.stdout.startswith("{")


@pytest.mark.parametrize("cache", [[], ["--no-cache"]])
def test_validate_on_a_big_folder_shows_the_files_checked_after_those_read(cli, tmp_path, terminal, big, cache):
    # The checks of 10,000 students take seconds: the bar goes on with them, not standing still
    # at the last file read (with the cache a file at a time, without it a rule at a time).
    root = write_data(tmp_path / "data", base_data())
    result = _validate(cli, root, *cache)
    assert result.exit_code == 0, result.output
    assert "Data files" in result.stderr.split("Checks")[0]
    assert "Checks" in result.stderr
    assert "Checks" not in result.stdout


def test_rendering_contracts_of_a_big_folder_shows_its_checks_too(cli, tmp_path, terminal, big):
    result = cli("contracts", "render", "--all", "--data", SAMPLE, "--as-of", "2026-11-23", "--out", tmp_path / "out",
                 "--dry-run", "--lang", "en")
    assert result.exit_code in (0, 1), result.output
    assert "Data files" in result.stderr.split("Checks")[0] and "Checks" in result.stderr


def test_validate_without_a_terminal_prints_no_progress(cli, tmp_path, big):
    root = write_data(tmp_path / "data", base_data())
    result = _validate(cli, root)
    assert result.exit_code == 0, result.output
    assert result.stderr == ""


def test_quiet_prints_no_progress_even_at_a_terminal(cli, tmp_path, terminal, big):
    root = write_data(tmp_path / "data", base_data())
    result = _validate(cli, root, "--quiet")
    assert result.exit_code == 0, result.output
    assert "Data files" not in result.stderr


def test_a_small_folder_needs_no_progress(cli, tmp_path, terminal):
    root = write_data(tmp_path / "data", base_data())
    result = _validate(cli, root)
    assert result.exit_code == 0, result.output
    assert "Data files" not in result.stderr


FAKE_SOFFICE = """#!/bin/sh
echo "$@" >> "$FAKE_SOFFICE_LOG"
outdir=""
while [ $# -gt 0 ]; do
  case "$1" in
    --outdir) outdir="$2"; shift 2 ;;
    --*|pdf) shift ;;
    *) name=$(basename "$1" .docx); echo "%PDF-1.4" > "$outdir/$name.pdf"; shift ;;
  esac
done
"""


@pytest.fixture
def soffice(tmp_path, monkeypatch):
    """A stand-in for LibreOffice on PATH: writes a PDF for each file, logs each run."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    program = bin_dir / "soffice"
    program.write_text(FAKE_SOFFICE, encoding="utf-8")
    program.chmod(program.stat().st_mode | stat.S_IXUSR)
    log = tmp_path / "soffice.log"
    monkeypatch.setenv("PATH", f"{bin_dir}{os.pathsep}{os.environ['PATH']}")
    monkeypatch.setenv("FAKE_SOFFICE_LOG", str(log))
    return log


def _render_pdf(cli, tmp_path, *extra):
    return cli("contracts", "render", "--all", "--data", SAMPLE, "--as-of", "2026-11-23", "--out", tmp_path / "out",
               "--pdf", "--lang", "en", *extra)


def test_pdf_conversion_shows_progress_at_a_terminal(cli, tmp_path, soffice, terminal):
    result = _render_pdf(cli, tmp_path)
    assert result.exit_code == 0, result.output
    assert "PDFs" in result.stderr and "left" in result.stderr
    assert "Contracts" in result.stderr  # rendering, the same kind of bar
    docx = sorted((tmp_path / "out").rglob("*.docx"))
    assert len(docx) > 10
    assert all(p.with_suffix(".pdf").exists() for p in docx)
    assert f"{len(docx)} PDFs made" in result.stderr


def test_pdf_conversion_is_silent_without_a_terminal(cli, tmp_path, soffice):
    result = _render_pdf(cli, tmp_path)
    assert result.exit_code == 0, result.output
    assert "PDFs" in result.stderr  # the summary line "PDFs made: N" …
    assert "left" not in result.stderr and "PDFs " not in result.stderr.replace("PDFs made", "")
    assert "\x1b[" not in result.stderr  # … and no terminal control codes


def test_pdf_conversion_quiet_at_a_terminal(cli, tmp_path, soffice, terminal):
    result = _render_pdf(cli, tmp_path, "--quiet")
    assert result.exit_code == 0, result.output
    assert "left" not in result.stderr


def test_pdfs_are_converted_in_batches_for_progress(cli, tmp_path, soffice):
    """Each LibreOffice run converts at most `pdf.BATCH` contracts of one folder: the bar moves
    and its ETA means something, and LibreOffice still starts only a few times."""
    from cluster_cli.contracts.pdf import BATCH

    result = _render_pdf(cli, tmp_path)
    assert result.exit_code == 0, result.output
    runs = soffice.read_text(encoding="utf-8").splitlines()
    per_folder: dict[str, int] = {}
    for run in runs:
        args = run.split()
        folder = args[args.index("--outdir") + 1]
        files = [a for a in args if a.endswith(".docx")]
        assert 1 <= len(files) <= BATCH
        assert all(str(Path(f).parent) == folder for f in files)
        per_folder[folder] = per_folder.get(folder, 0) + len(files)
    docx = list((tmp_path / "out").rglob("*.docx"))
    assert sum(per_folder.values()) == len(docx)
    assert len(runs) == sum(-(-n // BATCH) for n in per_folder.values())


def _heard(calls) -> list[int]:
    from cluster_cli.load.layout import progress_of, reporting_progress

    heard = []
    with reporting_progress(lambda *args: heard.append(args)):
        report = progress_of(10, 500, "check")
        for args in calls:
            report(*args)
    assert {h[1:] for h in heard} == {(10, 500, "check")}
    return [h[0] for h in heard]


def test_a_helpers_share_counts_as_done_at_this_process_pace_and_never_goes_back():
    from cluster_cli.load.layout import progress_of

    mine = [(done, 4) for done in range(7)]  # this process: the first 6 files; a helper: the last 4
    # short of the end until the helper answers; then done
    assert _heard([*mine, (10,)]) == [0, 1, 3, 5, 6, 8, 9, 10]
    # the helper failed: its 4 files done here move the bar on from where it stood to the end
    assert _heard([*mine, (6,), (7,), (8,), (9,), (10,)]) == [0, 1, 3, 5, 6, 8, 9, 9, 9, 9, 9, 10]
    assert _heard([(done,) for done in range(11)]) == list(range(11))  # no helper: as it is
    assert progress_of(10)(3) is None  # without a listener: nothing to tell


def test_the_step_label_is_estonian_by_default(cli, tmp_path, terminal, big):
    root = write_data(tmp_path / "data", base_data())
    result = cli("validate", "--data", root, "--as-of", "2026-11-23", "--format", "json")
    assert "Andmefailid" in result.stderr and "Kontroll" in result.stderr.split("Andmefailid")[-1]
