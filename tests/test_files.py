"""Files a secretary can trust (issue 14): the format follows `--output`'s suffix, XLSX for people
(typed cells, totals, print setup, a parameters sheet), CSV for programs and for Estonian Excel,
no formula in any cell, notes on stderr that `--quiet` silences. Every test runs the real CLI on
real files in `tmp_path` and reads them back (openpyxl for XLSX, csv for CSV)."""

from __future__ import annotations

import csv
import io
import json
import shutil
import zipfile
from datetime import datetime
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import load_workbook

from tests.conftest import AS_OF, base_data, write_data

SAMPLE = Path(__file__).resolve().parents[1] / "data"
MONTH = "2026-11"
MONEY = '#,##0.00 "€"'


@pytest.fixture
def sample(tmp_path) -> Path:
    """The sample cluster, copied: a test may change its files."""
    return Path(shutil.copytree(SAMPLE, tmp_path / "data"))


def payments(cli, data: Path, *args):
    return cli("grants", "report", "--month", MONTH, "--data", data, *args)


def expected_payments(cli, data: Path) -> dict:
    return json.loads(payments(cli, data, "--format", "json").stdout)


# --- XLSX for people ------------------------------------------------------------------------


def test_payment_list_xlsx_has_types_number_formats_and_totals(cli, sample, tmp_path):
    doc = expected_payments(cli, sample)
    out = tmp_path / "toetused.xlsx"
    result = payments(cli, sample, "--output", out, "--lang", "en")  # no --format: the suffix says xlsx
    assert result.exit_code == 0, result.output
    ws = load_workbook(out)["payments"]
    title = ws["A1"].value
    assert "2026-11" in title and "as of 2026-11-01" in title and str(sample) in title
    header = [c.value for c in ws[2]]
    assert header[:6] == ["Curriculum", "Student", "Name", "Personal code", "Bank account", "Amount €"]
    amount, pay_by = header.index("Amount €") + 1, header.index("Pay by") + 1
    count = len(doc["payments"])
    rows = list(ws.iter_rows(min_row=3, max_row=2 + count))
    for row, expected in zip(rows, doc["payments"]):
        assert row[1].value == expected["student"] and row[0].data_type == "s"  # a code stays text
        assert row[amount - 1].data_type == "n" and row[amount - 1].number_format == MONEY
        assert Decimal(str(row[amount - 1].value)) == Decimal(expected["amount"])
        assert isinstance(row[pay_by - 1].value, datetime) and row[pay_by - 1].number_format == "dd/mm/yyyy"
        assert row[pay_by - 1].value.date().isoformat() == expected["pay_by"]
        assert all(c.value is None or c.value.startswith("*") for c in row[3:5])  # masked without --show-pii
    totals = {r[0].value: r[amount - 1] for r in ws.iter_rows(min_row=3 + count)}
    by_curriculum: dict[str, Decimal] = {}
    for p in doc["payments"]:
        by_curriculum[p["curriculum"]] = by_curriculum.get(p["curriculum"], Decimal(0)) + Decimal(p["amount"])
    assert len(by_curriculum) > 1
    for code, total in by_curriculum.items():
        assert Decimal(str(totals[f"Total {code}"].value)) == total
    assert Decimal(str(totals["Total"].value)) == Decimal(doc["total"])
    assert totals["Total"].number_format == MONEY and totals["Total"].font.bold
    assert list(totals)[-1] == "Total" and len(totals) == len(by_curriculum) + 1


def test_xlsx_freezes_the_header_filters_fits_and_prints_landscape(cli, sample, tmp_path):
    out = tmp_path / "toetused.xlsx"
    assert payments(cli, sample, "--format", "xlsx", "--output", out).exit_code == 0
    ws = load_workbook(out)["maksed"]
    count = len(expected_payments(cli, sample)["payments"])
    assert ws.freeze_panes == "A3"
    assert ws.auto_filter.ref == f"A2:H{2 + count}"  # the header and the data, not the totals
    assert ws.print_title_rows == "$2:$2"
    assert ws.page_setup.orientation == "landscape"
    assert ws.sheet_properties.pageSetUpPr.fitToPage and ws.page_setup.fitToWidth == 1
    assert ws.page_setup.fitToHeight == 0
    widths = {k: d.width for k, d in ws.column_dimensions.items()}
    assert widths["B"] >= len("TA-24-01") and widths["E"] >= len("EE382200221020145685")
    assert widths["C"] < widths["E"]  # fitted to the contents, not one width for all


def test_xlsx_parameters_sheet_and_identical_bytes(cli, sample, tmp_path):
    first, second = tmp_path / "a.xlsx", tmp_path / "b.xlsx"
    for out in (first, second):
        assert payments(cli, sample, "--output", out, "--no-cache", "--lang", "en").exit_code == 0
    assert first.read_bytes() == second.read_bytes()
    with zipfile.ZipFile(first) as z:
        assert {i.date_time for i in z.infolist()} == {(1980, 1, 1, 0, 0, 0)}
    wb = load_workbook(first)
    assert wb.sheetnames == ["payments", "stopped", "changes", "change totals", "parameters"]
    params = {r[0]: r[1] for r in wb["parameters"].iter_rows(min_row=2, values_only=True)}
    assert params["Command"] == "cluster grants report"
    assert params["--month"] == MONTH and params["--lang"] == "en" and params["--show-pii"] is False
    assert params["Data folder"] == str(sample) and params["As of"] == datetime(2026, 11, 1)
    assert params["Tool version"]
    assert "--output" not in params  # where the file went is not what it holds
    assert "--no-cache" not in params and "--quiet" not in params  # nor what does not shape it


def test_no_cell_is_a_formula(cli, tmp_path):
    data = base_data()
    data["cluster.yaml"]["coordinators"][0]["name"] = '=HYPERLINK("http://x.example","klikka")'
    data["cluster.yaml"]["coordinators"][0]["phone"] = "+372 5346 2218"
    root = write_data(tmp_path / "d", data)
    out = tmp_path / "m.xlsx"
    assert cli("members", "list", "--data", root, "--output", out).exit_code == 0
    ws = load_workbook(out)["koordinaatorid"]
    name, phone = ws["A3"], ws["E3"]
    assert name.value.startswith("=HYPERLINK") and name.data_type == "s"  # shown as written, never run
    assert phone.value == "+372 5346 2218" and phone.data_type == "s"
    with zipfile.ZipFile(out) as z:
        assert not any(b"<f>" in z.read(n) for n in z.namelist() if n.startswith("xl/worksheets/"))
    for dialect, delimiter, encoding in (("rfc4180", ",", "utf-8"), ("excel", ";", "utf-8-sig")):
        csv_out = tmp_path / f"m-{dialect}.csv"
        assert cli("members", "list", "--data", root, "--view", "coordinators", "--output", csv_out,
                   "--csv-dialect", dialect).exit_code == 0
        header, row = list(csv.reader(io.StringIO(csv_out.read_text(encoding)), delimiter=delimiter))
        assert row[0].startswith("'=HYPERLINK") and row[4] == "'+372 5346 2218"


def test_a_negative_amount_stays_a_number():
    from cluster_cli.render.files import csv_cell

    assert csv_cell(Decimal("-5.50"), "money", False, "excel", "et") == "-5,50"
    assert csv_cell(Decimal("-5.50"), "money", False, "rfc4180", "et") == "-5.50"
    assert csv_cell("-5.50", "text", False, "rfc4180", "et") == "'-5.50"


# --- CSV: for programs, and for Estonian Excel --------------------------------------------------


def test_csv_for_programs_is_rfc4180_utf8(cli, sample, tmp_path):
    out = tmp_path / "p.csv"
    assert payments(cli, sample, "--output", out).exit_code == 0
    raw = out.read_bytes()
    assert not raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8"))))
    assert rows[0]["Summa €"] == "60.00" and rows[0]["Maksta hiljemalt"] == "2026-11-26"
    assert len(rows) == len(expected_payments(cli, sample)["payments"])


def test_csv_for_estonian_excel(cli, sample, tmp_path):
    out = tmp_path / "p.csv"
    assert payments(cli, sample, "--output", out, "--csv-dialect", "excel").exit_code == 0
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and b"\r\n" in raw
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"), newline=""), delimiter=";"))
    doc = expected_payments(cli, sample)
    assert len(rows) == len(doc["payments"])
    assert rows[0]["Summa €"] == doc["payments"][0]["amount"].replace(".", ",")
    assert rows[0]["Õpilane"] == doc["payments"][0]["student"]


def test_csv_dialect_from_cluster_yaml_and_the_option_wins(cli, sample, tmp_path):
    cluster = sample / "cluster.yaml"
    cluster.write_text(cluster.read_text(encoding="utf-8") + "\ncsv_dialect: excel\n", encoding="utf-8")
    out = tmp_path / "p.csv"
    assert payments(cli, sample, "--output", out).exit_code == 0
    assert out.read_bytes().startswith(b"\xef\xbb\xbf")
    assert payments(cli, sample, "--output", out, "--csv-dialect", "rfc4180").exit_code == 0
    assert out.read_bytes().startswith("Õppekava,".encode())


def test_csv_dialect_in_cluster_yaml_is_one_of_the_dialects(cli, tmp_path):
    data = base_data()
    data["cluster.yaml"]["csv_dialect"] = "excel"
    code, doc = cli.validate_json(write_data(tmp_path / "good", data))
    assert not any("csv_dialect" in json.dumps(f) for f in doc["findings"])
    data["cluster.yaml"]["csv_dialect"] = "semicolon"
    code, doc = cli.validate_json(write_data(tmp_path / "bad", data))
    assert code == 1 and any("csv_dialect" in json.dumps(f) for f in doc["findings"])


# --- the format follows the suffix ---------------------------------------------------------------


@pytest.mark.parametrize("name, starts", [
    ("p.xlsx", b"PK"), ("p.XLSX", b"PK"), ("p.csv", "Õppekava,".encode()), ("p.json", b"{"),
    ("p.txt", "Põhitoetuse".encode()),
])
def test_format_follows_the_suffix(cli, sample, tmp_path, name, starts):
    out = tmp_path / name
    result = payments(cli, sample, "--output", out)
    assert result.exit_code == 0, result.output
    assert out.read_bytes().startswith(starts)


def test_a_suffix_that_contradicts_the_format_is_a_usage_error(cli, sample, tmp_path):
    out = tmp_path / "p.xlsx"
    for args in (("--format", "csv", "--output", out), ("--output", out, "--format", "csv")):
        result = payments(cli, sample, *args, "--lang", "en")
        assert result.exit_code == 2, result.output
        assert "p.xlsx is a .xlsx file, but --format is csv" in result.stderr and not out.exists()
    assert payments(cli, sample, "--format", "xlsx", "--output", out).exit_code == 0
    plain = tmp_path / "p"  # no suffix: --format decides (the tables as text by default)
    assert payments(cli, sample, "--output", plain).exit_code == 0
    assert plain.read_bytes().startswith("Põhitoetuse".encode())


@pytest.mark.parametrize("name", ["volad.pdf", "p.dat", "p.docx"])
def test_a_file_format_matches_its_name_an_unknown_suffix_is_refused(cli, sample, tmp_path, name):
    out = tmp_path / name
    for args in ((), ("--format", "csv")):  # --format does not make a .pdf hold CSV either
        result = payments(cli, sample, "--output", out, *args, "--lang", "en")
        assert result.exit_code == 2, result.output
        assert f"{name} is a {out.suffix} file" in result.stderr
        assert ".txt, .csv, .xlsx, .json" in result.stderr and not out.exists()
    result = cli("debts", "--data", sample, "--as-of", AS_OF, "--output", tmp_path / "volad.pdf")
    assert result.exit_code == 2 and "Andke failile" in result.stderr


def test_ics_goes_with_calendar_ics_only(cli, sample, tmp_path):
    result = cli("debts", "--data", sample, "--as-of", AS_OF, "--output", tmp_path / "d.ics", "--lang", "en")
    assert result.exit_code == 2 and "cluster calendar --ics" in result.stderr
    for wrong in ("c.csv", "c.pdf"):  # the fix suggests the .ics name, not a table's
        result = cli("calendar", "--data", sample, "--as-of", AS_OF, "--ics", tmp_path / wrong, "--lang", "en")
        assert result.exit_code == 2 and "--ics writes an iCalendar file" in result.stderr
        assert f"--ics {tmp_path / 'c.ics'}" in result.stderr and ".csv" not in result.stderr.split("Fix:")[1]
    assert not list(tmp_path.glob("[dc].*"))
    ics, table = tmp_path / "c.ics", tmp_path / "c.xlsx"
    result = cli("calendar", "--data", sample, "--as-of", AS_OF, "--ics", ics, "--output", table, "--lang", "en")
    assert result.exit_code == 0, result.output
    assert ics.read_bytes().startswith(b"BEGIN:VCALENDAR") and table.read_bytes().startswith(b"PK")
    assert f"wrote {ics} (" in result.stderr and f"wrote {table} (" in result.stderr


# --- notes on stderr -------------------------------------------------------------------------


def test_wrote_file_with_its_rows_and_quiet(cli, sample, tmp_path):
    count = len(expected_payments(cli, sample)["payments"])
    out = tmp_path / "p.csv"
    for _ in range(2):  # the second answer comes from the cache, and still knows its rows
        result = payments(cli, sample, "--output", out, "--lang", "en")
        assert result.exit_code == 0
        assert f"wrote {out} ({count} rows)" in result.stderr
    result = payments(cli, sample, "--output", out, "--lang", "en", "--quiet")
    assert result.exit_code == 0 and result.stderr == "" and out.exists()
    result = payments(cli, sample, "--output", tmp_path / "q.csv", "--lang", "en", "--view", "nope", "--quiet")
    assert result.exit_code == 2 and "nope" in result.stderr  # errors still


def test_the_masked_payment_list_says_how_to_get_the_full_one(cli, sample, tmp_path):
    result = payments(cli, sample, "--output", tmp_path / "p.csv", "--lang", "en")
    [line] = [x for x in result.stderr.splitlines() if "--show-pii" in x]
    assert line.startswith("Personal codes and accounts are masked")
    result = payments(cli, sample, "--output", tmp_path / "p.csv", "--lang", "en", "--show-pii")
    assert "--show-pii" not in result.stderr


def test_every_command_takes_quiet(cli):
    import typer.main

    from cluster_cli.cli.app import app

    group = typer.main.get_command(app)

    def commands(command, path=()):
        subs = getattr(command, "commands", None)
        if subs is None:
            yield path, command
            return
        for name, sub in subs.items():
            yield from commands(sub, (*path, name))

    missing = [" ".join(p) for p, c in commands(group) if "quiet" not in {x.name for x in c.params}]
    assert missing == []


def test_match_write_notes_are_quiet(cli, sample):
    result = cli("match", "--data", sample, "--as-of", AS_OF, "--write", "--quiet")
    assert result.exit_code in (0, 1), result.output
    assert result.stderr == ""
    result = cli("match", "--data", sample, "--as-of", AS_OF, "--write")
    assert result.stderr != ""  # without --quiet it says what it wrote (or that there was nothing)
