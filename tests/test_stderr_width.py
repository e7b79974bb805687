"""Notes and errors on stderr at a terminal of 80 columns: wrapped after their label with a hanging
indent, never cutting a path, an id, a date, a number or a clause; piped (no $COLUMNS) each
message stays one line. (tests/test_validate_width.py does the same for validate's stdout.)"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from tests.conftest import AS_OF

SAMPLE = Path(__file__).resolve().parent.parent / "data"
WARNED = ("HA-2026-06", "VV-2027-07", "VV-2027-11")  # the sample's contracts with long warnings


def _run(cli, tmp_path, monkeypatch, columns, *args):
    if not (tmp_path / "data").exists():
        shutil.copytree(SAMPLE, tmp_path / "data")
    monkeypatch.chdir(tmp_path)
    if columns is None:
        monkeypatch.delenv("COLUMNS", raising=False)
    else:
        monkeypatch.setenv("COLUMNS", str(columns))
    return cli(*args)


def _joined(stderr: str, indent: int) -> list[str]:
    """The messages, their continuation lines (`indent` spaces, then text) joined back on."""
    messages: list[str] = []
    for line in stderr.splitlines():
        if messages and line.startswith(" " * indent) and line[indent:indent + 1] not in (" ", ""):
            messages[-1] += " " + line.strip()
        else:
            messages.append(line)
    return messages


def _fits(stderr: str, whole: str = "", width: int = 80) -> None:
    """Every line within `width` — but one whose only piece is longer (a path, kept whole)."""
    for line in stderr.splitlines():
        assert len(line) <= width or " " not in line.strip() or (whole and whole in line), line


def test_a_usage_error_wraps_under_its_text_after_cluster(cli, tmp_path, monkeypatch):
    args = ("grants", "rank", "--round", "2026-talv", "--data", "data")
    piped = _run(cli, tmp_path, monkeypatch, None, *args)
    assert piped.exit_code == 2
    [message] = piped.stderr.splitlines()  # one line when piped
    assert len(message) > 100 and message.startswith("cluster: ")
    result = _run(cli, tmp_path, monkeypatch, 80, *args)
    assert result.exit_code == 2
    lines = result.stderr.splitlines()
    assert len(lines) > 1 and lines[0].startswith("cluster: Voor '2026-talv' ei sobi;")
    assert all(line.startswith(" " * len("cluster: ")) for line in lines[1:])  # under the text
    _fits(result.stderr)
    assert _joined(result.stderr, len("cluster: ")) == [message]


def test_a_fail_hint_wraps_under_its_text_and_a_path_with_spaces_stays_whole(cli, tmp_path, monkeypatch):
    folder = "kaust tühikutega/ja veel üks kaust tühikutega/mida pole olemas"
    args = ("grants", "report", "--month", "2026-11", "--data", "data", "--output", f"{folder}/toetused.csv")
    piped = _run(cli, tmp_path, monkeypatch, None, *args)
    assert piped.exit_code == 2, piped.output
    result = _run(cli, tmp_path, monkeypatch, 80, *args)
    assert result.exit_code == 2
    assert any(folder in line for line in result.stderr.splitlines()), result.stderr  # never cut
    _fits(result.stderr, folder)
    label = f"   {'Parandus'}: "
    joined = [m for m in _joined(result.stderr, len("cluster: ")) if not m.startswith(label)]
    joined += [m for m in _joined(result.stderr, len(label)) if m.startswith(label)]
    assert sorted(joined) == sorted(piped.stderr.splitlines())


def test_the_masking_note_of_grants_report_wraps_at_80_columns(cli, tmp_path, monkeypatch):
    args = ("grants", "report", "--month", "2026-11", "--data", "data", "--format", "csv")
    piped = _run(cli, tmp_path, monkeypatch, None, *args)
    assert piped.exit_code == 0, piped.output
    [note] = piped.stderr.splitlines()
    assert len(note) > 80 and "--show-pii" in note
    result = _run(cli, tmp_path, monkeypatch, 80, *args)
    lines = result.stderr.splitlines()
    assert len(lines) == 2 and lines[1].startswith("    ") and not lines[1].startswith("     ")
    _fits(result.stderr)
    assert _joined(result.stderr, 4) == [note]


def test_contract_warnings_wrap_under_their_text_and_keep_every_piece_whole(cli, tmp_path, monkeypatch):
    out = "lepingud ja muu"  # a folder with spaces: each file's line keeps its path whole
    args = ("contracts", "render", *WARNED, "--data", "data", "--out", out, "--as-of", AS_OF, "--dry-run")
    piped = _run(cli, tmp_path, monkeypatch, None, *args)
    assert piped.exit_code == 0, piped.output
    warnings = [line for line in piped.stderr.splitlines() if "hoiatus: " in line]
    assert len(warnings) == 5 and all(len(w) > 120 for w in warnings)  # HA-2026-06: Lisa 7 4.2, 1.3.1
    result = _run(cli, tmp_path, monkeypatch, 80, *args)
    assert result.exit_code == 0, result.output
    lines = result.stderr.splitlines()
    _fits(result.stderr, out)
    indent = lines[[i for i, line in enumerate(lines) if "hoiatus: " in line][0]].index("hoiatus: ") + len("hoiatus: ")
    joined = _joined(result.stderr, indent)
    assert [m for m in joined if "hoiatus: " in m] == warnings
    for warning in warnings:
        pieces = re.findall(r"\d{2}\.\d{2}\.\d{4}|\d{4}-\d{2}-\d{2}|Lisa \d+ [\d.]+\d|\S+\.yaml:\d+|[A-Z]+-M\d+",
                            warning)
        assert pieces
        for piece in pieces:
            assert any(piece in line for line in lines), piece  # each on one line
    for line in piped.stderr.splitlines():
        if f"{out}/" in line:
            assert line in lines  # a file's line is never wrapped inside its path


def test_piped_stderr_keeps_one_line_per_message(cli, tmp_path, monkeypatch):
    args = ("contracts", "render", *WARNED, "--data", "data", "--out", "lepingud", "--as-of", AS_OF, "--dry-run")
    piped = _run(cli, tmp_path, monkeypatch, None, *args)
    assert not [line for line in piped.stderr.splitlines() if line.startswith(" " * 17) and "hoiatus" not in line]
    assert max(len(line) for line in piped.stderr.splitlines()) > 200
