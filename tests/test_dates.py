"""Date options as Estonians write them (`23.11.2026`) as well as ISO (`2026-11-23`); a date that
cannot exist names the nearest that does; months `11.2026` as well as `2026-11`."""

from __future__ import annotations

import pytest

from tests.conftest import base_data, write_data


@pytest.fixture
def root(tmp_path):
    return write_data(tmp_path / "data", base_data())


@pytest.mark.parametrize("written", ["23.11.2026", "23.11.2026 ", "2026-11-23"])
def test_as_of_in_either_form_gives_the_same_answer(cli, root, written):
    iso = cli("debts", "--data", root, "--as-of", "2026-11-23", "--format", "json")
    other = cli("debts", "--data", root, "--as-of", written, "--format", "json")
    assert iso.exit_code == other.exit_code == 0, other.output
    assert other.stdout == iso.stdout
    assert '"as_of": "2026-11-23"' in other.stdout


def test_day_and_month_without_leading_zeros(cli, root):
    iso = cli("calendar", "--data", root, "--as-of", "2027-02-01", "--format", "json")
    short = cli("calendar", "--data", root, "--as-of", "1.2.2027", "--format", "json")
    assert short.exit_code == 0, short.output
    assert short.stdout == iso.stdout


def test_match_window_in_estonian_form(cli, root):
    iso = cli("match", "--data", root, "--as-of", "2026-11-23", "--from", "2027-01-01", "--to", "2027-06-30",
              "--format", "json")
    et = cli("match", "--data", root, "--as-of", "23.11.2026", "--from", "1.1.2027", "--to", "30.06.2027",
             "--format", "json")
    assert et.exit_code == iso.exit_code, et.output
    assert et.stdout == iso.stdout


@pytest.mark.parametrize("written, message, fix", [
    ("31.11.2026", "Date '31.11.2026' does not exist: month 11.2026 has 30 days.",
     "The nearest date that exists is 30.11.2026."),
    ("2026-02-30", "Date '2026-02-30' does not exist: month 2026-02 has 28 days.",
     "The nearest date that exists is 2026-02-28."),
    ("29.2.2027", "Date '29.2.2027' does not exist: month 02.2027 has 28 days.",
     "The nearest date that exists is 28.02.2027."),
    ("0.11.2026", "Date '0.11.2026' does not exist: month 11.2026 has 30 days.",
     "The nearest date that exists is 01.11.2026."),
    ("5.13.2026", "Date '5.13.2026' does not exist: there is no month 13 (months are 1–12).",
     "The nearest date that exists is 05.12.2026."),
])
def test_a_date_that_cannot_exist_names_the_nearest(cli, root, written, message, fix):
    result = cli("debts", "--data", root, "--as-of", written, "--lang", "en")
    assert result.exit_code == 2, result.output
    assert message in result.stderr
    assert fix in result.stderr
    assert result.stdout == ""


def test_a_date_that_cannot_exist_in_estonian(cli, root):
    result = cli("validate", "--data", root, "--as-of", "31.11.2026", "--lang", "et")
    assert result.exit_code == 2, result.output
    assert "Kuupäeva '31.11.2026' ei ole olemas: kuus 11.2026 on 30 päeva." in result.stderr
    assert "Lähim olemasolev kuupäev on 30.11.2026." in result.stderr


@pytest.mark.parametrize("written", ["23/11/2026", "23.11.26", "23.11.2026x", "2026-11-23T10:00", "20261123",
                                     "2026-W48-1", "23. nov 2026", "", "0000-00-00"])
def test_a_malformed_date_shows_both_forms(cli, root, written):
    result = cli("debts", "--data", root, "--as-of", written, "--lang", "en")
    assert result.exit_code == 2, result.output
    assert f"Date '{written}' is not valid." in result.stderr
    assert "DD.MM.YYYY or YYYY-MM-DD, e.g. 23.11.2026 or 2026-11-23" in result.stderr
    assert "Traceback" not in result.output


@pytest.mark.parametrize("written", ["31.12.1899", "1.1.2200", "31.11.1800"])
def test_the_usable_years_still_hold_in_the_estonian_form(cli, root, written):
    result = cli("debts", "--data", root, "--as-of", written, "--lang", "en")
    assert result.exit_code == 2, result.output
    assert "outside the usable range 1900-01-01 … 2199-12-31" in result.stderr


def test_match_to_that_cannot_exist(cli, root):
    result = cli("match", "--data", root, "--as-of", "2026-11-23", "--to", "31.06.2027", "--lang", "en")
    assert result.exit_code == 2, result.output
    assert "The nearest date that exists is 30.06.2027." in result.stderr


@pytest.mark.parametrize("command", [["debts"], ["validate"], ["calendar"], ["match"], ["contracts", "render"]])
def test_help_names_both_forms(cli, command):
    result = cli(*command, "--help", "--lang", "en")
    assert result.exit_code == 0
    text = " ".join(result.stdout.split())  # the help is wrapped at the terminal's width
    assert "23.11.2026 or 2026-11-23" in text
    assert "YYYY-MM-DD" not in text


@pytest.mark.parametrize("written", ["11.2026", "11.2026 "])
def test_month_in_estonian_form(cli, root, written):
    iso = cli("grants", "report", "--data", root, "--month", "2026-11", "--format", "json")
    et = cli("grants", "report", "--data", root, "--month", written, "--format", "json")
    assert et.exit_code == iso.exit_code == 0, et.output
    assert et.stdout == iso.stdout


def test_allowance_month_without_leading_zero(cli, root):
    iso = cli("allowances", "lunch", "--data", root, "--month", "2027-01", "--format", "json")
    et = cli("allowances", "lunch", "--data", root, "--month", "1.2027", "--format", "json")
    assert et.exit_code == iso.exit_code == 0, et.output
    assert et.stdout == iso.stdout


@pytest.mark.parametrize("written", ["13.2026", "2026-1", "11/2026", "0.2026"])
def test_a_malformed_month_shows_both_forms(cli, root, written):
    result = cli("grants", "report", "--data", root, "--month", written, "--lang", "en")
    assert result.exit_code == 2, result.output
    assert "use MM.YYYY or YYYY-MM, e.g. 11.2026 or 2026-11" in result.stderr
