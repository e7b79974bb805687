"""Money and shares as Estonians write them, in profile.yaml and in data files: the decimal comma,
a trailing € and % are read; any other form is a finding with file:line and an example of the
right form — never a traceback."""

from __future__ import annotations

import json

import pytest

from tests.conftest import AS_OF, base_data, findings_of, write_data
from tests.test_allowances import bus, cluster_with, traveller
from tests.test_grants import applicant
from tests.test_grants import cluster_with as grants_cluster


def profile_yaml(name: str, value: str) -> str:
    return f"parameters:\n  {name}:\n    values:\n      2026-01-01: {value}\n"


def profile_value(cli, root, name: str):
    result = cli("profile", "--data", root, "--as-of", AS_OF, "--format", "json")
    assert result.exit_code == 0, result.output
    return {r["parameter"]: r for r in json.loads(result.stdout)}[name]["value"]


@pytest.mark.parametrize("written", ["65.00", "65,00", "'65,00'", '"65 €"', "65,00 €", "65€", "65"])
def test_profile_money_with_decimal_comma_or_euro_sign_is_read(cli, tmp_path, written):
    files = base_data()
    files["profile.yaml"] = profile_yaml("grant_amount", written)
    root = write_data(tmp_path / "data", files)
    code, doc = cli.validate_json(root)
    assert code == 0, doc["findings"]
    assert profile_value(cli, root, "grant_amount") == "65.00"


def test_profile_money_1_50_with_a_comma_is_one_euro_fifty(cli, tmp_path):
    files = base_data()
    files["profile.yaml"] = profile_yaml("grant_amount", "1,50")
    root = write_data(tmp_path / "data", files)
    assert profile_value(cli, root, "grant_amount") == "1.50"


@pytest.mark.parametrize("written", ["0.8", "0,8", "0,80", "80%", "80 %", '"80 %"', "80,0 %", "4/5"])
def test_profile_share_as_fraction_or_per_cent_is_read(cli, tmp_path, written):
    files = base_data()
    files["profile.yaml"] = profile_yaml("attendance_min_share", written)
    root = write_data(tmp_path / "data", files)
    code, doc = cli.validate_json(root)
    assert code == 0, doc["findings"]
    assert profile_value(cli, root, "attendance_min_share") == 0.8


@pytest.mark.parametrize(
    ("name", "written", "key_text", "example"),
    [
        ("grant_amount", "kuuskümmend", "is not an amount of money", "65,00 €"),
        ("grant_amount", "65 EUR", "is not an amount of money", "65,00 €"),
        ("grant_amount", "1.234,56", "is not an amount of money", "65,00 €"),
        ("attendance_min_share", "80", "is not a share between 0 and 1", "80 %"),
        ("attendance_min_share", "8O %", "is not a share", "80 %"),
        ("grant_fund_coefficient", "0,6x", "is not a number", "0,6"),
    ],
)
def test_profile_malformed_number_is_a_finding_with_line_and_example(cli, tmp_path, name, written, key_text, example):
    files = base_data()
    files["profile.yaml"] = profile_yaml(name, written)
    root = write_data(tmp_path / "data", files)
    code, doc = cli.validate_json(root, "--lang", "en")
    assert code == 1
    [f] = findings_of(doc, "profile-number")
    assert (f["file"].endswith("profile.yaml"), f["line"]) == (True, 4)
    assert name in f["message"] and key_text in f["message"] and example in f["hint"]


def test_profile_decimal_comma_in_a_flow_mapping_asks_for_quotes_or_a_point(cli, tmp_path):
    # {2026-01-01: 65,00} reads as 65 and a second key "00": say so instead of guessing.
    files = base_data()
    files["profile.yaml"] = "parameters:\n  grant_amount:\n    values: {2026-01-01: 65,00}\n"
    root = write_data(tmp_path / "data", files)
    code, doc = cli.validate_json(root, "--lang", "en")
    assert code == 1
    [f] = findings_of(doc, "profile-number")
    assert f["line"] == 3 and "'65,00'" in f["message"]
    assert '"65,00"' in f["hint"] and "65.00" in f["hint"]
    result = cli("validate", "--data", root, "--as-of", AS_OF)
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert "profile.yaml:3:" in result.output


def test_profile_share_by_level_split_by_commas_in_a_flow_mapping(cli, tmp_path):
    files = base_data()
    files["profile.yaml"] = ("parameters:\n  practice_min_share:\n    values:\n"
                             "      2026-01-01: {2: 0,70, 3: 0,50, 4: 0,50, 5: 0,50}\n")
    root = write_data(tmp_path / "data", files)
    code, doc = cli.validate_json(root, "--lang", "en")
    assert code == 1
    [f] = findings_of(doc, "profile-number")
    assert f["line"] == 4 and "'0,70'" in f["message"]


def test_grants_fund_is_the_same_whether_written_with_points_or_the_estonian_way(cli, tmp_path):
    def fund(profile: str, name: str) -> str:
        files = grants_cluster([applicant("A1", 1)])
        files["profile.yaml"] = profile
        root = write_data(tmp_path / name, files)
        result = cli("grants", "fund", "--year", "2026/2027", "--data", root, "--format", "json")
        assert result.exit_code == 0, result.output
        return result.stdout

    dots = fund("parameters:\n"
                "  grant_amount: {values: {2022-08-25: 65.00}}\n"
                "  grant_fund_coefficient: {values: {2022-08-25: 0.60}}\n"
                "  grant_autumn_share: {values: {2022-08-25: 0.40}}\n"
                "  grant_spring_share: {values: {2022-08-25: 0.60}}\n", "dots")
    estonian = fund("parameters:\n"
                    "  grant_amount:\n    values:\n      2022-08-25: 65,00 €\n"
                    "  grant_fund_coefficient:\n    values:\n      2022-08-25: 0,60\n"
                    "  grant_autumn_share:\n    values:\n      2022-08-25: 40 %\n"
                    "  grant_spring_share: {values: {2022-08-25: \"60%\"}}\n", "estonian")
    assert estonian == dots
    assert json.loads(estonian)["months"][0]["amount"] == "65.00"


# --- data files ---------------------------------------------------------------------------------


def travel_root(tmp_path, name, cost) -> object:
    files = cluster_with([traveller("C1", 1, bus([1, 2, 5], cost=cost), attended=17)])
    return write_data(tmp_path / name, files)


def travel_report(cli, root) -> str:
    result = cli("allowances", "travel", "--month", "2026-11", "--data", root, "--format", "json")
    assert result.exit_code == 0, result.output
    return result.stdout


@pytest.mark.parametrize("cost", ["2,60", "2,60 €", "2.60€"])
def test_data_money_with_decimal_comma_or_euro_sign_gives_the_same_report(cli, tmp_path, cost):
    dots = travel_report(cli, travel_root(tmp_path, "dots", 2.60))
    estonian = travel_report(cli, travel_root(tmp_path, "estonian", cost))
    assert estonian == dots
    assert json.loads(estonian)["total"] == "7.80"


def test_data_money_unquoted_decimal_comma_in_block_style_is_read(cli, tmp_path):
    root = travel_root(tmp_path, "data", 2.60)
    students = root / "students/TA-24.yaml"
    text = students.read_text(encoding="utf-8")
    assert "cost: 2.6\n" in text
    students.write_text(text.replace("cost: 2.6\n", "cost: 2,60\n"), encoding="utf-8")
    assert json.loads(travel_report(cli, root))["total"] == "7.80"


def flow_journeys(tmp_path, journeys: str):
    """The travel cluster with its journeys written in flow style, one per line (lines 19–21)."""
    root = travel_root(tmp_path, "data", 2.60)
    students = root / "students/TA-24.yaml"
    lines = students.read_text(encoding="utf-8").splitlines(keepends=True)
    start = next(i for i, line in enumerate(lines) if line.strip() == "journeys:")
    end = next(i for i in range(start + 1, len(lines))
               if not lines[i].startswith("    - ") and not lines[i].startswith("      "))
    lines[start + 1:end] = [journeys]
    students.write_text("".join(lines), encoding="utf-8")
    return root, start + 2


def test_data_decimal_comma_in_a_flow_mapping_is_a_finding_at_its_line(cli, tmp_path):
    root, first = flow_journeys(tmp_path, "    - {date: 2026-10-01, cost: 2.60}\n"
                                          "    - {date: 2026-10-02, cost: 2,60}\n"
                                          "    - {date: 2026-10-05, cost: \"2,60\"}\n")
    code, doc = cli.validate_json(root, "--lang", "en")
    assert code == 1
    [f] = findings_of(doc, "invalid-value")
    assert f["line"] == first + 1 and f["path"].endswith("journeys[1].cost")
    assert '"2,60" in quotes' in f["message"] and "2.60 with a point" in f["message"]
    assert "Keys should be strings" not in f["message"]


def test_data_malformed_money_is_a_finding_with_an_example(cli, tmp_path):
    root, first = flow_journeys(tmp_path, "    - {date: 2026-10-01, cost: 2.60}\n"
                                          "    - {date: 2026-10-02, cost: kaks}\n")
    code, doc = cli.validate_json(root, "--lang", "en")
    assert code == 1
    [f] = findings_of(doc, "invalid-value")
    assert f["line"] == first + 1 and "'kaks'" in f["message"] and "2,60 €" in f["message"]
    result = cli("allowances", "travel", "--month", "2026-11", "--data", root)
    assert result.exit_code in (1, 2) and "Traceback" not in result.output
