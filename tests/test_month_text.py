"""A month in a sentence as the language writes it (Estonian `11.2026`, English `2026-11`; JSON keeps
the id): the grants report's title, the calendar, the committee pack; `--as-of` on grants report and
grants pack; the reason a month pays nothing said once — all through the CLI on a copy of the sample."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

SAMPLE = Path(__file__).resolve().parent.parent / "data"


@pytest.fixture
def sample(tmp_path) -> Path:
    root = tmp_path / "data"
    shutil.copytree(SAMPLE, root)
    return root


def test_grants_report_title_writes_the_month_as_the_language_does(cli, sample):
    et = cli("grants", "report", "--month", "2026-11", "--data", sample)
    assert et.exit_code == 0, et.output
    assert et.stdout.splitlines()[0].startswith("Põhitoetuse väljamaksed, 11.2026 (maksta hiljemalt 26.11.2026)")
    assert "2026-11" not in et.stdout.splitlines()[0]
    en = cli("grants", "report", "--month", "2026-11", "--data", sample, "--lang", "en")
    assert en.stdout.splitlines()[0].startswith("Basic allowance payments, 2026-11 (pay by 2026-11-26)")
    doc = json.loads(cli("grants", "report", "--month", "2026-11", "--data", sample, "--format", "json").stdout)
    assert doc["month"] == "2026-11"


def test_a_month_outside_every_round_says_so_once(cli, sample):
    result = cli("grants", "report", "--month", "2027-07", "--data", sample)
    assert result.exit_code == 0, result.output
    assert result.output.count("põhitoetust selle kuu eest ei maksta") == 1
    assert "07.2027: põhitoetust selle kuu eest ei maksta" in result.output


def test_calendar_writes_the_months_of_its_events_in_estonian(cli, sample):
    result = cli("calendar", "--data", sample, "--as-of", "2026-11-23")
    assert result.exit_code == 0, result.output
    assert "Põhitoetus kuu 11.2026 eest makstakse hiljemalt sel kuupäeval" in result.stdout
    assert "kuu 2026-11" not in result.stdout.lower()
    doc = json.loads(cli("calendar", "--data", sample, "--as-of", "2026-11-23", "--format", "json").stdout)
    assert "Põhitoetus kuu 2026-11 eest" in json.dumps(doc, ensure_ascii=False)  # JSON keeps the id


def test_pack_protocol_and_workbook_write_months_in_estonian(cli, sample, tmp_path):
    import docx
    from openpyxl import load_workbook

    out = tmp_path / "komisjon"
    result = cli("grants", "pack", "--round", "2026-autumn", "--output", out, "--data", sample)
    assert result.exit_code == 0, result.output
    text = "\n".join(p.text for p in docx.Document(out / "protokoll-2026-sugis.docx").paragraphs)
    assert "Määrata põhitoetus kuudeks 09.2026 – 01.2027 pingerea järjekorras" in text
    assert "sõidukulud 11.2026 44,20 €" in text
    cells = [v for ws in load_workbook(out / "pohitoetus-2026-sugis.xlsx")
             for row in ws.iter_rows(values_only=True) for v in row if isinstance(v, str)]
    assert "sõidukulud 11.2026 44,20 € (Lisa 14 2.4)" in cells
    assert not [v for v in cells if "sõidukulud 2026-" in v or "eritoetus 2026-" in v]


def test_grants_report_and_pack_accept_as_of_and_check_it(cli, sample, tmp_path):
    plain = cli("grants", "report", "--month", "2026-11", "--data", sample, "--format", "csv")
    dated = cli("grants", "report", "--month", "2026-11", "--data", sample, "--format", "csv",
                "--as-of", "23.11.2026")
    assert dated.exit_code == 0, dated.output
    assert dated.stdout == plain.stdout  # the month alone decides the payments
    wrong = cli("grants", "report", "--month", "2026-11", "--data", sample, "--as-of", "31.11.2026")
    assert wrong.exit_code == 2 and "30.11.2026" in wrong.output and "Traceback" not in wrong.output
    out = tmp_path / "komisjon"
    packed = cli("grants", "pack", "--round", "2026-autumn", "--output", out, "--data", sample,
                 "--as-of", "2026-11-23")
    assert packed.exit_code == 0, packed.output
    assert (out / "protokoll-2026-sugis.docx").exists()
    wrong = cli("grants", "pack", "--round", "2026-autumn", "--output", tmp_path / "x", "--data", sample,
                "--as-of", "2026-13-01")
    assert wrong.exit_code == 2 and not (tmp_path / "x").exists()


def test_reasons_in_allowance_reports_write_the_month_in_estonian(cli, sample):
    result = cli("allowances", "special", "--month", "2026-11", "--data", sample)
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[0].startswith("Eritoetus, 11.2026: taotlused kuni 10.11.2026")
    assert "Kuu 11.2026 eest taotlust pole." in result.stdout
    assert "Kuu 2026-11" not in result.stdout
