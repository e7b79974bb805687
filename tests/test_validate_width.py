"""validate at a terminal's width: a finding's first line wraps with a hanging indent and never
cuts a file:line, an id, a date or a number; piped output keeps one line per finding."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

from cluster_cli.render.findings import HANGING_INDENT
from tests.conftest import AS_OF

SAMPLE = Path(__file__).resolve().parent.parent / "data"


def _run(cli, tmp_path, monkeypatch, columns):
    if not (tmp_path / "data").exists():
        shutil.copytree(SAMPLE, tmp_path / "data")
    monkeypatch.chdir(tmp_path)
    if columns is None:
        monkeypatch.delenv("COLUMNS")
    else:
        monkeypatch.setenv("COLUMNS", str(columns))
    return cli("validate", "--data", "data", "--as-of", AS_OF)


def _joined_heads(output: str) -> list[str]:
    """Each finding's first line, with its continuation lines (the hanging indent) joined back on."""
    heads: list[str] = []
    for line in output.splitlines():
        if re.match(r"^data/\S+:\d+: ", line):
            heads.append(line)
        elif (line.startswith(" " * HANGING_INDENT) and not line.startswith(" " * (HANGING_INDENT + 1))
              and "│" not in line and heads):  # (a wrapped hint is indented further)
            heads[-1] += " " + line.strip()
    return heads


def test_a_findings_line_wraps_at_80_columns_without_cutting_a_piece(cli, tmp_path, monkeypatch):
    one_line = _joined_heads(_run(cli, tmp_path, monkeypatch, None).stdout)
    result = _run(cli, tmp_path, monkeypatch, 80)
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    wrapped = [line for line in lines if line.startswith(" " * HANGING_INDENT) and "│" not in line]
    assert wrapped, "the sample's findings are longer than 80 columns: some must wrap"
    heads = [line for line in lines if re.match(r"^data/\S+:\d+: ", line)]
    for line in heads + wrapped:
        assert len(line) <= 80 or " " not in line.strip(), line
    # joined back, each finding's line is the piped one: no file:line, id, date or number was cut
    assert _joined_heads(result.stdout) == one_line
    for head in one_line:
        for piece in re.findall(r"\d{2}\.\d{2}\.\d{4}|[A-Z]+-\d+-\d+|[A-Z]+-M\d+|\S+\.yaml:\d+:", head):
            assert any(piece in line for line in lines), piece  # each on one line


def test_piped_output_keeps_one_line_per_finding(cli, tmp_path, monkeypatch):
    result = _run(cli, tmp_path, monkeypatch, None)
    assert result.exit_code == 0, result.output
    doc = json.loads(cli("validate", "--data", "data", "--as-of", AS_OF, "--format", "json").stdout)
    heads = [line for line in result.stdout.splitlines() if re.match(r"^data/\S+:\d+: ", line)]
    assert len(heads) == len(doc["findings"])
    assert not [line for line in result.stdout.splitlines() if line.startswith("    ") and "│" not in line]
    for f, head in zip(doc["findings"], heads):
        assert head.startswith(f"{f['file']}:{f['line']}: ")


def test_a_long_path_overflows_whole_rather_than_being_cut(cli, tmp_path, monkeypatch):
    from cluster_cli.render.findings import head_lines

    path = "data/students/" + "a-very-long-folder-name/" * 4 + "TA-24.yaml:12:"
    lines = head_lines([(path, ""), ("viga", "red"), ("email: E-posti aadress 'x@y' ei sobi: 01.02.2027.", "")], 40)
    assert lines[0] == [(path, "")]  # alone on its line, whole
    assert all(sum(len(w) + 1 for w, _ in line) - 1 <= 40 - HANGING_INDENT for line in lines[1:])
    assert ("01.02.2027.", "") in [w for line in lines for w in line]
