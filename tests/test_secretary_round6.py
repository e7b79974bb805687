"""What the secretary met trying round 6's commands at an 80-column terminal, in Estonian, on the
sample data (contracts status/sign/signatures, grants pack): each fixed slip, through the real
CLI on files in tmp_path."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.conftest import AS_OF, base_data, write_data

SAMPLE = Path(__file__).resolve().parent.parent / "data"


@pytest.fixture
def sample(tmp_path) -> Path:
    root = tmp_path / "data"
    shutil.copytree(SAMPLE, root)
    return root


def test_status_set_unknown_value_names_the_option_typed(cli, tmp_path):
    data = write_data(tmp_path / "data", base_data())
    result = cli("contracts", "status", "P1", "--data", data, "--as-of", AS_OF, "--set", "foo")
    assert result.exit_code == 2
    assert "--set" in result.stderr and "--status" not in result.stderr
    assert "kehtiv (valid)" in result.stderr
    listed = cli("contracts", "list", "--data", data, "--as-of", AS_OF, "--status", "foo")
    assert listed.exit_code == 2 and "--status" in listed.stderr


def test_grants_pack_names_the_data_folder_found_from_the_environment(cli, sample, tmp_path, monkeypatch):
    from openpyxl import load_workbook

    monkeypatch.setenv("CLUSTER_DATA", str(sample))
    out = tmp_path / "komisjon"
    result = cli("grants", "pack", "--round", "2026-autumn", "--output", out)
    assert result.exit_code == 0, result.output
    book = load_workbook(next(out.glob("*.xlsx")))
    assert str(sample) in book.worksheets[0]["A1"].value
    parameters = dict(book[book.sheetnames[-1]].iter_rows(min_row=2, values_only=True))
    assert any(value == str(sample) for value in parameters.values())


@pytest.mark.parametrize("command", [("contracts", "signatures"), ("rules",), ("profile",)])
def test_text_or_json_format_option_says_what_it_does(cli, command):
    result = cli(*command, "--help")
    line = next(line for line in result.stdout.splitlines() if "--format" in line)
    assert "json programmidele" in line, line


@pytest.mark.parametrize("command, usage, argument", [
    (("contracts", "status"), "{praktika}", "praktika <tekst>"),
    (("contracts", "sign"), "{praktika}", "praktika <tekst>"),
    (("contracts", "signatures"), "{KAUST}", "KAUST <tee>"),
])
def test_argument_named_in_estonian_in_usage_and_help(cli, command, usage, argument):
    result = cli(*command, "--help")
    assert result.stdout.splitlines()[0].endswith(usage), result.stdout.splitlines()[0]
    assert argument in result.stdout
    assert "placement" not in result.stdout.split("Argumendid:")[1].split("Valikud:")[0]


def test_sign_party_typed_as_the_help_names_it_in_estonian(cli, tmp_path):
    import yaml

    files = base_data()
    files["placements.yaml"][0].pop("signatures", None)
    files["placements.yaml"][0]["status"] = "review"
    data = write_data(tmp_path / "data", files)
    result = cli("contracts", "sign", "P1", "--data", data, "--party", "kool", "--date", "2026-11-20")
    assert result.exit_code == 0, result.output
    result = cli("contracts", "sign", "P1", "--data", data, "--party", "Õpilane", "--date", "2026-11-20")
    assert result.exit_code == 0, result.output
    record = yaml.safe_load((data / "placements.yaml").read_text(encoding="utf-8"))[0]
    assert [s["party"] for s in record["signatures"]] == ["school", "student"]
    refused = cli("contracts", "sign", "P1", "--data", data, "--party", "direktor", "--date", "2026-11-20")
    assert refused.exit_code == 2
    assert "--party" in refused.stderr and "kool (school)" in refused.stderr and "Traceback" not in refused.output


def test_payments_only_takes_the_estonian_word(cli, sample, tmp_path):
    out = tmp_path / "maksed.xml"
    result = cli("payments", "--month", "2026-11", "--as-of", AS_OF, "--data", sample, "--only", "sõidukulud",
                 "--output", out)
    assert result.exit_code == 0, result.output
    text = out.read_text(encoding="utf-8")
    assert "Sõidukulu" in text and "Põhitoetus" not in text
    refused = cli("payments", "--month", "2026-11", "--as-of", AS_OF, "--data", sample, "--only", "toetus",
                  "--dry-run")
    assert refused.exit_code == 2
    assert "--only" in refused.stderr and "põhitoetus (grants)" in refused.stderr


def test_signatures_names_the_host_as_status_does(cli, sample, tmp_path):
    out = tmp_path / "lepingud"
    result = cli("contracts", "render", "HA-2027-02", "--data", sample, "--as-of", AS_OF, "--out", out, "--asice")
    assert result.exit_code == 0, result.output
    result = cli("contracts", "signatures", out, "--data", sample, "--as-of", AS_OF)
    assert "praktikakoht" in result.stdout and "(haapsalu-lv)" in result.stdout, result.stdout
    assert "ettevõte" not in result.stdout  # the town government is no company


def test_sign_dry_run_says_it_as_the_other_contract_commands(cli, tmp_path):
    files = base_data()
    files["placements.yaml"][0].pop("signatures", None)
    files["placements.yaml"][0]["status"] = "review"
    data = write_data(tmp_path / "data", files)
    result = cli("contracts", "sign", "P1", "--data", data, "--party", "school", "--date", "2026-11-20", "-n")
    assert result.exit_code == 0, result.output
    assert "Proovikäivitus (--dry-run): midagi ei kirjutatud." in result.output


def test_cancel_reason_typed_in_estonian_and_explained_in_help(cli, tmp_path):
    import yaml

    files = base_data()
    files["placements.yaml"][0].pop("signatures", None)
    files["placements.yaml"][0]["status"] = "review"
    data = write_data(tmp_path / "data", files)
    help_text = " ".join(cli("contracts", "status", "--help").stdout.split())
    assert "student (õpilasest tulenev)" in help_text and "ceased (ettevõtte tegevus lõppes)" in help_text
    refused = cli("contracts", "status", "P1", "--data", data, "--as-of", AS_OF, "--set", "cancelled",
                  "--reason", "haigus")
    assert refused.exit_code == 2 and "õpilasest tulenev (student)" in refused.stderr
    result = cli("contracts", "status", "P1", "--data", data, "--as-of", AS_OF, "--set", "tühistatud",
                 "--reason", "õpilasest-tulenev")
    assert result.exit_code == 0, result.output
    record = yaml.safe_load((data / "placements.yaml").read_text(encoding="utf-8"))[0]
    assert record["history"][-1]["reason"] == "student"


def test_render_asice_with_paper_signatures_is_refused_before_writing(cli, sample, tmp_path):
    out = tmp_path / "lepingud"
    result = cli("contracts", "render", "HA-2027-02", "--data", sample, "--as-of", AS_OF, "--out", out,
                 "--asice", "--signatures", "paper")
    assert result.exit_code == 2
    assert "--asice" in result.stderr and "--signatures paper" in result.stderr and "Parandus" in result.stderr
    assert not out.exists()


def test_amend_summary_fits_an_80_column_terminal(cli, sample, tmp_path, monkeypatch):
    import re

    out = tmp_path / "lepingud"
    assert cli("contracts", "render", "PA-2027-01", "--data", sample, "--as-of", AS_OF, "--out", out).exit_code == 0
    record = sample / "placements" / "ptk.yaml"
    text = record.read_text(encoding="utf-8")
    start = text.index("- id: PA-2027-01")
    head, tail = text[:start], text[start:]
    tail = re.sub(r"end: 2027-04-30", "end: 2027-05-14", tail, count=2)
    record.write_text(head + tail, encoding="utf-8")
    monkeypatch.setenv("COLUMNS", "80")
    monkeypatch.chdir(tmp_path)
    result = cli("contracts", "amend", "PA-2027-01", "--data", sample, "--as-of", AS_OF, "--out", "lepingud", "-n")
    assert result.exit_code == 0, result.output
    assert "14. mai 2027" in result.stdout
    assert max(len(line) for line in result.stdout.splitlines()) <= 80, result.stdout


def test_payments_summary_fits_an_80_column_terminal(cli, sample, monkeypatch):
    monkeypatch.setenv("COLUMNS", "80")
    result = cli("payments", "--month", "2026-11", "--as-of", AS_OF, "--data", sample, "--dry-run")
    assert result.exit_code == 0, result.output
    assert max(len(line) for line in result.stdout.splitlines()) <= 80, result.stdout
    assert "Vana-Vigala Tehnika- ja Teeninduskool" in " ".join(result.stdout.split())
    assert "  kokku: 31 makset, 1\xa0866,90 €" in result.stdout  # own students; TA-24-02's trip, Lisa 14 2.5


def test_contract_workbooks_name_their_sheets_in_estonian(cli, sample, tmp_path):
    from openpyxl import load_workbook

    status = tmp_path / "leping.xlsx"
    listed = tmp_path / "lepingud.xlsx"
    assert cli("contracts", "status", "VV-2027-02", "--data", sample, "--as-of", AS_OF, "-o", status).exit_code == 0
    assert cli("contracts", "list", "--data", sample, "--as-of", AS_OF, "-o", listed).exit_code == 0
    assert load_workbook(status).sheetnames == ["leping", "osapooled", "ajalugu", "parameetrid"]
    assert load_workbook(listed).sheetnames == ["lepingud", "parameetrid"]
    one = cli("contracts", "status", "VV-2027-02", "--data", sample, "--as-of", AS_OF, "--view", "osapooled")
    assert one.exit_code == 0 and "Allkirjastaja" in one.stdout and "Staatuse ajalugu" not in one.stdout
