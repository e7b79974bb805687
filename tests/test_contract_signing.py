"""Signing with DigiDoc (issue 18): `contracts render --asice` packages a contract into an unsigned
ASiC-E container; `contracts signatures` reads the signed one back — each signature checked
offline, the signer matched to the contract's parties by the personal code in the certificate —
and `--write` records the signatures (and makes a fully signed contract valid).

No network: the certificates are made here with `cryptography` (a self-signed test CA and a
signer), the containers signed with pyasice's own API and the test key.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import zipfile
from pathlib import Path

import pytest
import yaml

from tests.conftest import ADULT_CODE, AS_OF, base_data, write_data

SCHOOL_REP_CODE = "37605030299"
HOST_REP_CODE = "48809140275"
STRANGER_CODE = "39001010000"
SIGNED_AT = dt.datetime(2026, 11, 20, 9, 30)  # UTC: 20.11.2026 in Tallinn too
CONTAINER = "2026-2027/TA-24/P1_Tamm_Mart_Koodikoda_OU.asice"


def _data(files) -> None:
    """P1 under review; the school's director and the host's representative with personal codes."""
    files["members.yaml"][0]["contacts"][0]["personal_code"] = SCHOOL_REP_CODE
    files["members.yaml"][1]["contacts"] = [{"name": "Kristi Kood", "role": "juhatuse liige",
                                             "email": "kristi@koodikoda.ee", "personal_code": HOST_REP_CODE}]
    files["placements.yaml"][0]["status"] = "review"
    files["placements.yaml"][0].pop("signatures", None)  # nobody has signed yet


@pytest.fixture
def folder(cli, tmp_path):
    """The data folder and a rendered P1 with its container: (data, out, container)."""
    files = base_data()
    _data(files)
    data = write_data(tmp_path / "data", files)
    out = tmp_path / "out"
    result = cli("contracts", "render", "P1", "--data", data, "--as-of", AS_OF, "--out", out, "--asice")
    assert result.exit_code == 0, result.output
    return data, out, out / CONTAINER


def _certificate(code: str, given: str, surname: str):
    """A signer's key and certificate as an Estonian ID card has it (serialNumber PNOEE-…, the CN
    `SURNAME,GIVEN,CODE`), issued by a self-signed test CA."""
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    start = dt.datetime(2026, 1, 1, tzinfo=dt.timezone.utc)
    ca_key = ec.generate_private_key(ec.SECP256R1())
    ca_name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "TEST of ESTEID2018")])
    key = ec.generate_private_key(ec.SECP384R1())
    subject = x509.Name([
        x509.NameAttribute(NameOID.COUNTRY_NAME, "EE"),
        x509.NameAttribute(NameOID.COMMON_NAME, f"{surname},{given},{code}"),
        x509.NameAttribute(NameOID.SURNAME, surname), x509.NameAttribute(NameOID.GIVEN_NAME, given),
        x509.NameAttribute(NameOID.SERIAL_NUMBER, f"PNOEE-{code}"),
    ])
    cert = (x509.CertificateBuilder().subject_name(subject).issuer_name(ca_name).public_key(key.public_key())
            .serial_number(x509.random_serial_number()).not_valid_before(start)
            .not_valid_after(start + dt.timedelta(days=1825)).sign(ca_key, hashes.SHA256()))
    return key, cert


def sign(path: Path, code: str, given: str, surname: str, monkeypatch) -> None:
    """Add a signature to the container, as DigiDoc4 would (XAdES over the data files)."""
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec

    from cluster_cli.contracts.asice import library

    pyasice = library()
    monkeypatch.setattr("pyasice.xmlsig.get_utc_time", lambda: SIGNED_AT)
    key, cert = _certificate(code, given, surname)
    container = pyasice.Container.open(str(path))
    signature = container.prepare_signature(cert.public_bytes(serialization.Encoding.DER))
    signature.set_signature_value(key.sign(signature.signed_data(), ec.ECDSA(hashes.SHA256())))
    container.add_signature(signature)
    container.save(str(path))


def signatures(cli, data: Path, out: Path, *extra):
    return cli("contracts", "signatures", out, "--data", data, "--as-of", AS_OF, *extra)


def report(cli, data: Path, out: Path, *extra) -> tuple[int, dict]:
    result = signatures(cli, data, out, "--format", "json", *extra)
    return result.exit_code, json.loads(result.stdout)


def states(doc: dict) -> dict:
    return {(p["party"], p["member"]): p["signed"] for p in doc["contracts"][0]["parties"]}


def placement_record(data: Path) -> dict:
    return yaml.safe_load((data / "placements.yaml").read_text(encoding="utf-8"))[0]


# --- the container ----------------------------------------------------------------------------


def test_render_asice_packages_the_contract_into_an_unsigned_asic_e_container(cli, folder):
    data, out, path = folder
    with zipfile.ZipFile(path) as z:
        first = z.infolist()[0]
        assert (first.filename, first.compress_type) == ("mimetype", zipfile.ZIP_STORED)
        assert z.read("mimetype") == b"application/vnd.etsi.asic-e+zip"
        manifest = z.read("META-INF/manifest.xml").decode()
        assert 'full-path="P1_Tamm_Mart_Koodikoda_OU.docx"' in manifest
        assert "wordprocessingml" in manifest
        assert z.read("P1_Tamm_Mart_Koodikoda_OU.docx") == path.with_suffix(".docx").read_bytes()
        assert not [n for n in z.namelist() if "signatures" in n]
    again = cli("contracts", "render", "P1", "--data", data, "--as-of", AS_OF, "--out", out, "--asice")
    assert again.exit_code == 0
    assert "muutmata" in again.output and CONTAINER in again.output


def test_a_signed_container_is_never_overwritten(cli, folder, monkeypatch, tmp_path):
    data, out, path = folder
    sign(path, ADULT_CODE, "MART", "TAMM", monkeypatch)
    signed = path.read_bytes()
    files = base_data()
    _data(files)
    files["placements.yaml"][0]["hours"] = 300  # the contract changes after the student signed
    write_data(data, files)
    result = cli("contracts", "render", "P1", "--data", data, "--as-of", AS_OF, "--out", out, "--asice", "--force")
    assert result.exit_code == 1, result.output
    assert path.read_bytes() == signed
    assert "on allkirjastatud, kuid leping on pärast seda muutunud" in result.output


# --- reading the signatures back --------------------------------------------------------------


def test_the_student_signed_and_the_others_are_missing(cli, folder, monkeypatch):
    data, out, path = folder
    sign(path, ADULT_CODE, "MART", "TAMM", monkeypatch)
    code, doc = report(cli, data, out)
    assert code == 0
    [contract] = doc["contracts"]
    assert (contract["placement"], contract["file"], contract["complete"]) == ("P1", CONTAINER, False)
    assert states(doc) == {("school", "vvttk"): None, ("student", None): "2026-11-20", ("host", "koodikoda"): None}
    student = contract["parties"][1]
    assert student["signer"] == "Mart Tamm" and student["personal_code"] == "*******2231"
    assert doc["certificates_checked_online"] is False

    text = signatures(cli, data, out)
    assert text.exit_code == 0
    lines = text.stdout.splitlines()
    assert max(len(line) for line in lines if str(out) not in line) <= 80  # a path is never cut
    row = next(line for line in lines if "Mart Tamm" in line)
    assert "20.11.2026" in row and "*******2231" in row and ADULT_CODE not in text.stdout
    assert sum("puudub" in line for line in lines) == 2
    assert "ei kontrollitud võrgust" in text.stdout
    assert ADULT_CODE in signatures(cli, data, out, "--show-pii").stdout


def test_a_tampered_data_file_is_reported_invalid(cli, folder, monkeypatch, tmp_path):
    data, out, path = folder
    sign(path, ADULT_CODE, "MART", "TAMM", monkeypatch)
    tampered = io.BytesIO()
    with zipfile.ZipFile(path) as z, zipfile.ZipFile(tampered, "w") as t:
        for info in z.infolist():
            body = z.read(info.filename)
            if info.filename.endswith(".docx"):
                body += b"\0"
            t.writestr(info, body)
    path.write_bytes(tampered.getvalue())
    code, doc = report(cli, data, out)
    assert code == 1
    assert states(doc)[("student", None)] is None
    [problem] = doc["contracts"][0]["problems"]
    assert problem["severity"] == "error"
    assert "P1_Tamm_Mart_Koodikoda_OU.docx on pärast allkirja andmist (Mart Tamm) muutunud" in problem["message"]
    assert problem["fix"]


def test_a_changed_signing_time_breaks_the_signature(cli, folder, monkeypatch):
    """The signed properties (the signing time) are covered by the signature value."""
    data, out, path = folder
    sign(path, ADULT_CODE, "MART", "TAMM", monkeypatch)
    changed = io.BytesIO()
    with zipfile.ZipFile(path) as z, zipfile.ZipFile(changed, "w") as t:
        for info in z.infolist():
            body = z.read(info.filename)
            if info.filename == "META-INF/signatures1.xml":
                body = body.replace(b"2026-11-20T09:30:00Z", b"2026-11-01T09:30:00Z")
            t.writestr(info, body)
    path.write_bytes(changed.getvalue())
    code, doc = report(cli, data, out)
    assert code == 1
    assert states(doc)[("student", None)] is None
    assert "Mart Tamm allkiri (META-INF/signatures1.xml) ei vasta allkirjastatud andmetele" in \
        doc["contracts"][0]["problems"][0]["message"]


def test_an_unknown_signer_is_named_with_the_fix(cli, folder, monkeypatch):
    data, out, path = folder
    sign(path, STRANGER_CODE, "JUHAN", "VÕÕRAS", monkeypatch)
    code, doc = report(cli, data, out)
    assert code == 1
    [problem] = doc["contracts"][0]["problems"]
    assert "Juhan Võõras (*******0000) ei ole praktika P1 lepingu pool" in problem["message"]
    assert "personal_code" in problem["fix"]


def test_a_file_that_is_no_container_and_a_broken_signature_are_named(cli, folder, monkeypatch):
    data, out, path = folder
    (out / "P1_katki.asice").write_bytes(b"not a zip at all")
    broken = io.BytesIO()
    with zipfile.ZipFile(path) as z, zipfile.ZipFile(broken, "w") as t:
        for info in z.infolist():
            t.writestr(info, z.read(info.filename))
        t.writestr("META-INF/signatures1.xml", b"<asic:XAdESSignatures xmlns:asic='http://uri.etsi.org/02918/v1.2.1#'/>")
    path.write_bytes(broken.getvalue())
    code, doc = report(cli, data, out)
    assert code == 1
    messages = {c["file"]: [p["message"] for p in c["problems"]] for c in doc["contracts"]}
    assert "P1_katki.asice ei ole loetav DigiDoc-konteiner" in messages["P1_katki.asice"][0]
    assert "allkiri META-INF/signatures1.xml ei ole loetav" in messages[CONTAINER][0]


def test_a_container_of_no_placement_is_refused(cli, folder):
    from cluster_cli.contracts.asice import container_bytes

    data, out, path = folder
    path.unlink()
    (out / "X9_Tamm_Mart.asice").write_bytes(container_bytes([("X9_Tamm_Mart.docx", b"not a contract")]))
    code, doc = report(cli, data, out)
    assert code == 1
    [contract] = doc["contracts"]
    assert contract["placement"] is None
    assert "X9_Tamm_Mart.asice: faili nime järgi ei leidu ühtegi praktikat" in contract["problems"][0]["message"]


# --- --write ------------------------------------------------------------------------------------


def test_write_records_the_signature_and_a_fully_signed_contract_becomes_valid(cli, folder, monkeypatch):
    data, out, path = folder
    sign(path, ADULT_CODE, "MART", "TAMM", monkeypatch)
    result = signatures(cli, data, out, "--write")
    assert result.exit_code == 0, result.output
    record = placement_record(data)
    assert record["signatures"] == [{"party": "student", "date": dt.date(2026, 11, 20), "method": "digital",
                                     "name": "Mart Tamm"}]
    assert record["status"] == "review" and "history" not in record

    sign(path, SCHOOL_REP_CODE, "JUHAN", "JUHATAJA", monkeypatch)
    sign(path, HOST_REP_CODE, "KRISTI", "KOOD", monkeypatch)
    result = signatures(cli, data, out, "--write")
    assert result.exit_code == 0, result.output
    record = placement_record(data)
    assert [(s["party"], s.get("member")) for s in record["signatures"]] == [
        ("student", None), ("school", None), ("host", "koodikoda")]
    assert record["status"] == "valid"
    assert record["history"] == [{"status": "valid", "date": dt.date(2026, 11, 23), "note": f"DigiDoc: {CONTAINER}"}]
    assert "leping on nüüd kehtiv" in result.output
    code, doc = report(cli, data, out)
    assert code == 0 and doc["contracts"][0]["complete"]
    assert all(not p["new"] for p in doc["contracts"][0]["parties"])
    assert "Uusi allkirju ei olnud" in signatures(cli, data, out, "--write").output


def test_write_changes_only_the_placements_lines(cli, folder, monkeypatch):
    data, out, path = folder
    original = (data / "placements.yaml").read_text(encoding="utf-8")
    (data / "placements.yaml").write_text("# Praktikad\n" + original.replace("status: review",
                                                                           "status: review  # ootab allkirju"),
                                          encoding="utf-8")
    before = (data / "placements.yaml").read_text(encoding="utf-8")
    sign(path, ADULT_CODE, "MART", "TAMM", monkeypatch)
    assert signatures(cli, data, out, "--write").exit_code == 0
    after = (data / "placements.yaml").read_text(encoding="utf-8")
    assert after.startswith(before.rstrip("\n"))  # the record's end gets the new lines
    assert "status: review  # ootab allkirju" in after
    assert after[len(before.rstrip("\n")):].strip().startswith("signatures:")
    sign(path, SCHOOL_REP_CODE, "JUHAN", "JUHATAJA", monkeypatch)
    assert signatures(cli, data, out, "--write").exit_code == 0
    again = (data / "placements.yaml").read_text(encoding="utf-8")
    assert again.startswith(after)  # the new item follows the list's last one
    assert again[len(after):] == "    - party: school\n      date: 2026-11-20\n      method: digital\n" \
                                 "      name: Juhan Juhataja\n"
    assert [s["party"] for s in placement_record(data)["signatures"]] == ["student", "school"]


def test_write_joins_a_list_written_in_another_indentation(cli, tmp_path, monkeypatch):
    """PyYAML writes a record's lists under their key (`signatures:` / `- party: …` in one column)."""
    files = base_data()
    _data(files)
    files["placements.yaml"][0]["signatures"] = [{"party": "host", "member": "koodikoda", "date": dt.date(2026, 11, 18),
                                                  "method": "paper", "name": "Kristi Kood"}]
    data = write_data(tmp_path / "data", files)
    out = tmp_path / "out"
    assert cli("contracts", "render", "P1", "--data", data, "--as-of", AS_OF, "--out", out, "--asice").exit_code == 0
    before = (data / "placements.yaml").read_text(encoding="utf-8")
    assert "  signatures:\n  - party: host\n" in before
    sign(out / CONTAINER, ADULT_CODE, "MART", "TAMM", monkeypatch)
    assert signatures(cli, data, out, "--write").exit_code == 0
    after = (data / "placements.yaml").read_text(encoding="utf-8")
    assert "    name: Kristi Kood\n  - party: student\n    date: 2026-11-20\n" in after
    assert [s["party"] for s in placement_record(data)["signatures"]] == ["host", "student"]


def test_a_minor_without_the_legal_representatives_consent_stays_under_review(cli, tmp_path, monkeypatch):
    from tests.conftest import MINOR_CODE

    files = base_data()
    _data(files)
    files["placements.yaml"][0]["student"] = "S2"
    guardian = files["students/TA-24.yaml"][1]["guardian"]
    guardian["personal_code"] = "47101010033"
    data = write_data(tmp_path / "data", files)
    out = tmp_path / "out"
    result = cli("contracts", "render", "P1", "--data", data, "--as-of", AS_OF, "--out", out, "--asice")
    assert result.exit_code == 0, result.output
    [path] = out.rglob("*.asice")
    for code, given, surname in ((MINOR_CODE, "LIIS", "KUUSK"), ("47101010033", "ANNE", "KUUSK"),
                                 (SCHOOL_REP_CODE, "JUHAN", "JUHATAJA"), (HOST_REP_CODE, "KRISTI", "KOOD")):
        sign(path, code, given, surname, monkeypatch)
    result = signatures(cli, data, out, "--write")
    assert result.exit_code == 0, result.output
    assert "nõusolekut (4.12.5) ei ole kirjas" in result.output
    record = placement_record(data)
    assert len(record["signatures"]) == 4 and record["status"] == "review"


def test_a_signed_contract_gets_no_container_to_sign(cli, tmp_path):
    """`render --asice` packs what still has to be signed: P1 of the base data is valid (signed)."""
    data = write_data(tmp_path / "data", base_data())
    out = tmp_path / "out"
    result = cli("contracts", "render", "P1", "--data", data, "--as-of", AS_OF, "--out", out, "--asice")
    assert result.exit_code == 0, result.output
    assert not list(out.rglob("*.asice"))
    assert "konteinerit ei tehtud — leping on juba allkirjastatud" in result.stderr
    assert "0 DigiDoc-konteinerit" in result.stderr
