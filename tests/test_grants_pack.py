"""`cluster grants pack` (issue 19): the allowance committee's workbook and protocol draft, read
back with openpyxl and python-docx, on a copy of the sample data."""

from __future__ import annotations

import os
import shutil
import stat
from pathlib import Path

import pytest

SAMPLE = Path(__file__).resolve().parent.parent / "data"
ROUND = "2026-autumn"


@pytest.fixture
def sample(tmp_path) -> Path:
    root = tmp_path / "data"
    shutil.copytree(SAMPLE, root)
    return root


def _pack(cli, root: Path, out: Path, *extra: str):
    return cli("grants", "pack", "--round", ROUND, "--output", out, "--data", root, *extra)


def test_pack_writes_the_workbook_with_a_sheet_per_curriculum(cli, sample, tmp_path):
    from openpyxl import load_workbook

    out = tmp_path / "komisjon"
    result = _pack(cli, sample, out)
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in out.iterdir()) == ["pohitoetus-2026-sugis.xlsx", "protokoll-2026-sugis.docx"]
    wb = load_workbook(out / "pohitoetus-2026-sugis.xlsx")
    assert wb.sheetnames[0] == "kokkuvõte" and wb.sheetnames[-1] == "parameetrid"
    assert wb.sheetnames[1] == "204365 Tarkvaraarendaja"
    summary = {r[0]: r for r in wb["kokkuvõte"].iter_rows(min_row=3, values_only=True) if r[0]}
    assert summary["204365"][2:7] == (29, 25, 4, 23, 23)  # applied, eligible, excluded, allowances, awarded
    ws = wb["204365 Tarkvaraarendaja"]
    header = [c.value for c in ws[2]]
    rows = [dict(zip(header, r)) for r in ws.iter_rows(min_row=3, values_only=True)]
    by_id = {r["Õpilane"]: r for r in rows}
    last_in, first_out = by_id["TA-24-05"], by_id["TA-24-17"]
    assert (last_in["Koht"], last_in["Otsus"], last_in["Kohti piirini"], last_in["Vahe piirini"]) == (
        23, "määratud", 0, 0)
    assert first_out["Otsus"] == "ei mahu" and first_out["Kohti piirini"] == -1 and first_out["Vahe piirini"] < 0
    assert isinstance(by_id["TA-25-07"]["Kaalutud keskmine"], (int, float))  # numbers stay numbers
    assert ws.cell(row=3, column=header.index("Kaalutud keskmine") + 1).number_format == "0.00"
    late = by_id["TA-24-16"]
    assert late["Otsus"] == "välja jäetud" and late["Punkt"] == "Lisa 11 IV.4" and "10.09.2026" in late["Põhjus"]
    assert "eritoetus 11.2026 300,00 €" in by_id["TA-24-13"]["Muud toetused vooru kuudel"]
    assert all(r["Isikukood"].startswith("*") for r in rows if r["Isikukood"])  # masked


def test_pack_protocol_draft_names_the_committee_the_decisions_and_signature_lines(cli, sample, tmp_path):
    from docx import Document

    out = tmp_path / "komisjon"
    assert _pack(cli, sample, out).exit_code == 0
    text = [p.text for p in Document(out / "protokoll-2026-sugis.docx").paragraphs]
    assert "Koosoleku aeg: 06.10.2026" in text
    assert "Koosoleku juhataja: Kadri Lepik" in text
    assert "Komisjoni liikmed: Margus Põder, Tiina Mägi, Rasmus Tamm" in text
    assert "1. Grete Roos (TA-25-07)" in text  # awarded, first in 204365
    assert "24. Sofia Järv (TA-24-17)" in text  # next in line (VII.2)
    assert "1. Merilin Kangur (ITN-25-02)" in text  # each curriculum's list starts at 1
    assert any(p.startswith("Kevin Põder (TA-24-16):") and p.endswith("(Lisa 11 IV.4)") for p in text)
    assert any(p.startswith("Henri Laur (TA-24-13): eritoetus 11.2026") for p in text)
    signatures = [p for p in text if p.endswith("______________________")]
    assert len(signatures) == 5 and signatures[0].startswith("Koosoleku juhataja: Kadri Lepik")


def test_pack_refuses_to_overwrite_without_force_and_is_reproducible(cli, sample, tmp_path):
    out = tmp_path / "komisjon"
    assert _pack(cli, sample, out).exit_code == 0
    first = {p.name: p.read_bytes() for p in out.iterdir()}
    (out / "protokoll-2026-sugis.docx").write_bytes(b"signed already")
    refused = _pack(cli, sample, out)
    assert refused.exit_code == 1
    assert "protokoll-2026-sugis.docx" in refused.stderr and "--force" in refused.stderr
    assert (out / "protokoll-2026-sugis.docx").read_bytes() == b"signed already"
    assert _pack(cli, sample, out, "--force").exit_code == 0
    assert {p.name: p.read_bytes() for p in out.iterdir()} == first  # same data, same bytes
    assert not [p for p in out.iterdir() if p.name.startswith(".")]  # no temporary file left


def test_pack_show_pii_writes_private_files_with_personal_codes(cli, sample, tmp_path):
    from openpyxl import load_workbook

    out = tmp_path / "komisjon"
    assert _pack(cli, sample, out, "--show-pii").exit_code == 0
    path = out / "pohitoetus-2026-sugis.xlsx"
    if os.name == "posix":
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
    codes = [r[3] for r in load_workbook(path)["204365 Tarkvaraarendaja"].iter_rows(min_row=3, values_only=True)]
    assert any(c and c.isdigit() and len(c) == 11 for c in codes)


def test_pack_without_a_committee_leaves_the_meeting_to_fill_in(cli, sample, tmp_path):
    from docx import Document

    cluster = sample / "cluster.yaml"
    text = cluster.read_text(encoding="utf-8")
    cluster.write_text(text[: text.index("grant_committee:")], encoding="utf-8")
    out = tmp_path / "komisjon"
    result = _pack(cli, sample, out)
    assert result.exit_code == 0, result.output
    paragraphs = [p.text for p in Document(out / "protokoll-2026-sugis.docx").paragraphs]
    assert any(p.startswith("Koosoleku aeg: ____") for p in paragraphs)
    assert any("grant_committee" in p for p in paragraphs)


def test_pack_usage_errors(cli, sample, tmp_path):
    assert _pack(cli, sample, tmp_path / "x").exit_code == 0
    assert cli("grants", "pack", "--round", "2026-fall", "--output", tmp_path / "y", "--data", sample).exit_code == 2
    a_file = tmp_path / "a-file"
    a_file.write_text("x")
    assert _pack(cli, sample, a_file).exit_code == 2
