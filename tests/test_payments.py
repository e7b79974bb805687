"""`cluster payments`: the month's allowances as a SEPA credit-transfer file (pain.001) — through
the real CLI on a copy of the sample data; every file is read back with lxml and validated
against the official XSD, its sums compared with what the month's reports pay."""

from __future__ import annotations

import json
import os
import re
import shutil
from decimal import Decimal
from pathlib import Path

import pytest
from lxml import etree

REPO = Path(__file__).resolve().parents[1]
PAYER_IBAN = "EE382200221020145685"
CODE_KIND = {"PT": "grants", "ET": "special", "SK": "travel"}


@pytest.fixture
def data(tmp_path) -> Path:
    return Path(shutil.copytree(REPO / "data", tmp_path / "data"))


def xsd(schema: str) -> etree.XMLSchema:
    import sepaxml

    return etree.XMLSchema(etree.parse(str(Path(sepaxml.__file__).parent / "schemas" / f"{schema}.xsd")))


def read_back(path: Path, schema: str = "pain.001.001.09") -> tuple[etree._Element, dict]:
    """The file, validated against the XSD, and a namespace map for its queries."""
    doc = etree.parse(str(path))
    checker = xsd(schema)
    assert checker.validate(doc), checker.error_log
    return doc.getroot(), {"p": f"urn:iso:std:iso:20022:tech:xsd:{schema}"}


def transactions(root, ns) -> list[dict]:
    out = []
    for pmt in root.findall("p:CstmrCdtTrfInitn/p:PmtInf", ns):
        date_node = pmt.find("p:ReqdExctnDt/p:Dt", ns)
        date = (date_node if date_node is not None else pmt.find("p:ReqdExctnDt", ns)).text
        for tx in pmt.findall("p:CdtTrfTxInf", ns):
            e2e = tx.find("p:PmtId/p:EndToEndId", ns).text
            out.append({"e2e": e2e, "kind": CODE_KIND[e2e.split("-")[-2]], "student": e2e.rsplit("-", 2)[0],
                        "amount": Decimal(tx.find("p:Amt/p:InstdAmt", ns).text), "date": date,
                        "name": tx.find("p:Cdtr/p:Nm", ns).text,
                        "iban": tx.find("p:CdtrAcct/p:Id/p:IBAN", ns).text,
                        "text": tx.find("p:RmtInf/p:Ustrd", ns).text})
    return out


def report_amounts(cli, data: Path, month: str) -> dict[str, dict[str, Decimal]]:
    """What the month's three reports pay, per kind and student (their JSON, --show-pii)."""
    def doc(*cmd):
        result = cli(*cmd, "--month", month, "--data", data, "--format", "json", "--show-pii")
        assert result.exit_code == 0, result.output
        return json.loads(result.stdout)

    out: dict[str, dict[str, Decimal]] = {"grants": {}, "special": {}, "travel": {}}
    for p in doc("grants", "report")["payments"]:
        out["grants"][p["student"]] = Decimal(p["amount"])
    for a in doc("allowances", "special")["applicants"]:
        if a["awarded"]:
            out["special"][a["student"]] = Decimal(a["amount"])
    for c in doc("allowances", "travel")["claims"]:
        if c["payable"] and Decimal(c["amount"]) > 0:
            out["travel"][c["student"]] = out["travel"].get(c["student"], Decimal(0)) + Decimal(c["amount"])
    return out


def schools(data: Path) -> dict[str, str]:
    """Each student's school, read from the data files."""
    import yaml

    return {s["id"]: s["school"] for f in sorted((data / "students").rglob("*.yaml"))
            for s in yaml.safe_load(f.read_text(encoding="utf-8"))}


@pytest.mark.parametrize("pain,schema,school", [("09", "pain.001.001.09", "vvttk"), ("03", "pain.001.001.03", "vvttk"),
                                                ("09", "pain.001.001.09", None)])
def test_the_file_validates_and_its_sums_are_the_reports(cli, data, tmp_path, pain, schema, school):
    """The school's account pays its own students only; an account with no school pays them all."""
    if school is None:
        cluster = data / "cluster.yaml"
        text = cluster.read_text(encoding="utf-8")
        cluster.write_text(re.sub(r"\n  school: vvttk[^\n]*", "", text), encoding="utf-8")
    out = tmp_path / "pay.xml"
    result = cli("payments", "--month", "2026-11", "--as-of", "2026-11-23", "--data", data, "--pain", pain,
                 "--output", out)
    assert result.exit_code == 0, result.output
    root, ns = read_back(out, schema)
    txs = transactions(root, ns)
    expected = report_amounts(cli, data, "2026-11")
    if school is not None:
        of = schools(data)
        others = sum(1 for kind in expected.values() for sid in kind if of[sid] != school)
        assert others and f"teiste koolide õpilaste {others} makset" in result.stdout
        expected = {k: {sid: a for sid, a in v.items() if of[sid] == school} for k, v in expected.items()}
    got: dict[str, dict[str, Decimal]] = {"grants": {}, "special": {}, "travel": {}}
    for tx in txs:
        assert tx["student"] not in got[tx["kind"]], "one transfer per payee and kind"
        got[tx["kind"]][tx["student"]] = tx["amount"]
    assert got == expected
    assert all(expected.values())  # the sample pays every kind in 2026-11
    header = root.find("p:CstmrCdtTrfInitn/p:GrpHdr", ns)
    assert int(header.find("p:NbOfTxs", ns).text) == len(txs) == sum(len(v) for v in expected.values())
    total = sum(a for kind in expected.values() for a in kind.values())
    assert Decimal(header.find("p:CtrlSum", ns).text) == total
    for pmt in root.findall("p:CstmrCdtTrfInitn/p:PmtInf", ns):  # each batch's own control sum
        amounts = [Decimal(x.text) for x in pmt.findall("p:CdtTrfTxInf/p:Amt/p:InstdAmt", ns)]
        assert Decimal(pmt.find("p:CtrlSum", ns).text) == sum(amounts)
        assert int(pmt.find("p:NbOfTxs", ns).text) == len(amounts)
    debtor = root.find("p:CstmrCdtTrfInitn/p:PmtInf/p:DbtrAcct/p:Id/p:IBAN", ns).text
    assert debtor == PAYER_IBAN
    # the deadlines: the basic and special allowance by the 26th (Lisa 11 V.4, Lisa 12 3.5), the bus by the 25th
    dates = {(tx["kind"], tx["date"]) for tx in txs}
    assert ("grants", "2026-11-26") in dates and ("special", "2026-11-26") in dates
    assert ("travel", "2026-11-25") in dates
    assert re.search(r"1\s380,00 €" if school else r"2\s160,00 €", result.stdout)  # Estonian numbers


def test_each_transfer_is_named_stably_and_explained(cli, data, tmp_path):
    first, second = tmp_path / "a.xml", tmp_path / "b.xml"
    for out in (first, second):
        result = cli("payments", "--month", "2026-11", "--as-of", "2026-11-23", "--data", data, "--output", out)
        assert result.exit_code == 0, result.output
    assert first.read_bytes() == second.read_bytes()  # the same payments give the same file, ids included
    root, ns = read_back(first)
    txs = transactions(root, ns)
    assert len({tx["e2e"] for tx in txs}) == len(txs)
    assert all(len(tx["e2e"]) <= 35 and tx["e2e"].endswith("-202611") for tx in txs)
    by_id = {tx["e2e"]: tx for tx in txs}
    assert by_id["TA-24-01-PT-202611"]["text"] == "Põhitoetus 11.2026 (Lisa 11 V.4)"
    assert by_id["TA-24-13-ET-202611"]["text"] == "Eritoetus 11.2026 (Lisa 12 3.5)"
    assert by_id["TA-24-07-SK-202611"]["text"] == "Sõidukulude hüvitis 10.2026 sõitude eest (Lisa 13 1)"
    assert all(len(tx["text"]) <= 140 for tx in txs)
    # the account is the mother's (account_owner): she is the payee, the text names the student
    hanna = by_id["TA-25-02-SK-202611"]
    assert hanna["name"] == "Kersti Kukk"
    assert hanna["text"].endswith("õpilane Hanna Kukk")
    assert by_id["TA-24-01-PT-202611"]["name"] == "Rasmus Tamm"


def test_a_bad_or_missing_iban_refuses_the_whole_file_naming_every_student(cli, data, tmp_path):
    students = data / "students" / "vvttk" / "TA-24.yaml"
    text = students.read_text(encoding="utf-8")
    text = text.replace('iban: "EE402252072599941559"', 'iban: "EE402252072599941550"')  # TA-24-01: checksum
    text = text.replace('  iban: "EE321092396599937762"\n', "")  # TA-24-02: no account
    students.write_text(text, encoding="utf-8")
    out = tmp_path / "pay.xml"
    result = cli("payments", "--month", "2026-11", "--as-of", "2026-11-23", "--data", data, "--output", out)
    assert result.exit_code == 1, result.output
    assert "TA-24-01" in result.stderr and "TA-24-02" in result.stderr
    assert "Rasmus Tamm" in result.stderr and "Kätlin Saar" in result.stderr
    assert "TA-24.yaml:" in result.stderr
    assert "EE402252072599941550" not in result.stderr  # masked
    assert "2 õpilasele" in result.stderr
    assert not out.exists()
    assert list(tmp_path.glob("*.tmp")) == [] and list(tmp_path.glob(".pay.xml*")) == []


def test_the_execution_date_moves_back_over_a_weekend_and_the_holidays(cli, data, tmp_path):
    """December 2026: the 25th (travel, Lisa 14 3.6) is Christmas Day and the 26th (Lisa 11 V.4) a
    Saturday and Boxing Day; the 24th is Christmas Eve — both move back to Wednesday the 23rd."""
    out = tmp_path / "pay.xml"
    result = cli("payments", "--month", "2026-12", "--as-of", "2026-12-01", "--data", data, "--output", out)
    assert result.exit_code == 0, result.output
    root, ns = read_back(out)
    txs = transactions(root, ns)
    assert {tx["kind"] for tx in txs} >= {"grants"}
    assert {tx["date"] for tx in txs} == {"2026-12-23"}


def test_a_deadline_already_passed_is_requested_for_the_as_of_day(cli, data, tmp_path):
    out = tmp_path / "pay.xml"
    result = cli("payments", "--month", "2026-11", "--as-of", "2026-11-27", "--data", data, "--output", out)
    assert result.exit_code == 0, result.output
    root, ns = read_back(out)
    assert {tx["date"] for tx in transactions(root, ns)} == {"2026-11-27"}
    assert "on möödas" in result.stdout


def test_the_file_is_private_and_the_summary_masked(cli, data, tmp_path):
    out = tmp_path / "pay.xml"
    out.write_text("old")
    os.chmod(out, 0o644)
    result = cli("payments", "--month", "2026-11", "--as-of", "2026-11-23", "--data", data, "--output", out)
    assert result.exit_code == 0, result.output
    assert os.stat(out).st_mode & 0o777 == 0o600
    assert PAYER_IBAN in out.read_text(encoding="utf-8")  # the bank needs the accounts whole
    assert PAYER_IBAN not in result.stdout and "5685" in result.stdout
    assert not re.search(r"EE\d{18}", result.stdout + result.stderr)
    shown = cli("payments", "--month", "2026-11", "--as-of", "2026-11-23", "--data", data, "--dry-run",
                "--show-pii")
    assert shown.exit_code == 0, shown.output
    assert PAYER_IBAN in shown.stdout


def test_only_one_kind_and_a_dry_run_writes_nothing(cli, data, tmp_path):
    out = tmp_path / "pay.xml"
    result = cli("payments", "--month", "2026-11", "--as-of", "2026-11-23", "--data", data, "--only", "travel",
                 "--output", out)
    assert result.exit_code == 0, result.output
    root, ns = read_back(out)
    assert {tx["kind"] for tx in transactions(root, ns)} == {"travel"}
    dry = tmp_path / "dry.xml"
    result = cli("payments", "--month", "2026-11", "--as-of", "2026-11-23", "--data", data, "--dry-run",
                 "--output", dry)
    assert result.exit_code == 0, result.output
    assert not dry.exists()
    assert "kokku: 31 makset" in result.stdout


def test_without_the_payer_account_it_says_what_to_add(cli, data, tmp_path):
    cluster = data / "cluster.yaml"
    text = cluster.read_text(encoding="utf-8")
    cluster.write_text(text[: text.index("payments:")], encoding="utf-8")
    members = data / "members.yaml"  # and no school keeps an account of its own
    members.write_text(re.sub(r"  payments:.*\n(    .*\n)+", "", members.read_text(encoding="utf-8")), encoding="utf-8")
    out = tmp_path / "pay.xml"
    result = cli("payments", "--month", "2026-11", "--data", data, "--output", out)
    assert result.exit_code == 2, result.output
    assert "cluster.yaml" in result.stderr and "payments:" in result.stderr
    assert not out.exists()


def test_an_incomplete_payer_account_is_a_loader_error_with_its_line(cli, data, tmp_path):
    cluster = data / "cluster.yaml"
    text = cluster.read_text(encoding="utf-8")
    cluster.write_text(text.replace('  iban: "EE382200221020145685"\n', ""), encoding="utf-8")
    result = cli("payments", "--month", "2026-11", "--data", data, "--output", tmp_path / "pay.xml")
    assert result.exit_code == 2, result.output
    assert "cluster.yaml:" in result.stderr


def test_the_output_is_required_unless_a_dry_run(cli, data):
    result = cli("payments", "--month", "2026-11", "--data", data)
    assert result.exit_code == 2
    assert "--dry-run" in result.stderr


def test_a_bank_file_named_as_another_format_is_refused(cli, data, tmp_path):
    out = tmp_path / "pay.csv"
    result = cli("payments", "--month", "2026-11", "--data", data, "--output", out)
    assert result.exit_code == 2
    assert ".xml" in result.stderr
    assert not out.exists()


def test_validate_finds_an_invalid_payer_iban_at_its_line(cli, data):
    cluster = data / "cluster.yaml"
    text = cluster.read_text(encoding="utf-8")
    cluster.write_text(text.replace('iban: "EE382200221020145685"', 'iban: "EE382200221020145686"'), encoding="utf-8")
    code, doc = cli.validate_json(data)
    assert code == 1
    found = [f for f in doc["findings"] if f["code"] == "iban" and f["file"].endswith("cluster.yaml")]
    assert len(found) == 1 and found[0]["line"] == text[: text.index('iban: "EE38')].count("\n") + 1
    assert "EE382200221020145686" not in json.dumps(doc)  # masked


def test_a_school_with_its_own_account_pays_its_own_students(cli, data, tmp_path):
    """`--school ptk`: the payer is the school's own account (members.yaml), the payees its students."""
    out = tmp_path / "ptk.xml"
    result = cli("payments", "--month", "2026-11", "--as-of", "2026-11-23", "--data", data, "--school", "PTK",
                 "--output", out)
    assert result.exit_code == 0, result.output
    root, ns = read_back(out)
    of = schools(data)
    students = {tx["student"] for tx in transactions(root, ns)}
    assert students and {of[s] for s in students} == {"ptk"}
    debtor = root.find("p:CstmrCdtTrfInitn/p:PmtInf/p:DbtrAcct/p:Id/p:IBAN", ns).text
    assert debtor == "EE391022001478520363"
    assert "maksja Pärnu Tehnoloogiakool" in result.stdout and "vvttk 31" in result.stdout


def test_several_school_accounts_and_no_school_chosen_is_refused_naming_them(cli, data, tmp_path):
    cluster = data / "cluster.yaml"
    text = cluster.read_text(encoding="utf-8")
    cluster.write_text(text[:text.index("payments:")] + text[text.index("# Toetuste komisjon"):], encoding="utf-8")
    out = tmp_path / "pay.xml"
    result = cli("payments", "--month", "2026-11", "--as-of", "2026-11-23", "--data", data, "--output", out)
    assert result.exit_code == 2, result.output
    assert "(hkk, ptk)" in result.stderr and "--school" in result.stderr
    assert not out.exists()
