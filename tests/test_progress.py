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
