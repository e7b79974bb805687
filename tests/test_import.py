"""`cluster import KIND FILE`: sheets as offices produce them (XLSX with numbers for personal codes
and Excel serial dates, CSV in Windows-1257 with `;` and the header on row 3) merged into a folder
made by `write_data()`; a second import changes no byte; every bad-row message; --dry-run writes
nothing; --skip-bad writes the good rows."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
import yaml

from tests.conftest import ADULT_CODE, AS_OF, MINOR_CODE, base_data, write_data

STUDENTS = "students/TA-24.yaml"
NEW_CODE = "50901010000"  # valid, born 2009-01-01
BAD_CODE = "50901010001"  # checksum off by one

STUDENT_MAPPING = """\
kind: students
name: Kooli õpilaste nimekiri
recognise: [Isikukood, Eesnimi]
columns:
  Isikukood: personal_code
  Eesnimi: first_name
  Perekonnanimi: last_name
  Rühm: group
  Kursus: course
  Algus: start
  Nominaalne lõpp: nominal_end
  Ühiselamu: dormitory
  Esindaja: guardian.name
constants:
  residence: citizen
values:
  dormitory: {jah: true, ei: false}
"""

GRADE_MAPPING = """\
kind: grades
recognise: [Isikukood, Moodul, Hinne]
columns:
  Isikukood: personal_code
  Nimi: name
  Moodul: module
  Teema: topic
  Hinne: value
  Kuupäev: date
constants:
  kind: assessment
values:
  value: {arvestatud: A, mittearvestatud: MA}
"""


def folder(tmp_path: Path) -> Path:
    files = base_data()
    files["curricula.yaml"][0]["modules"][1]["distinctive"] = False  # M2: A / MA allowed (4.6.4.4)
    files["groups.yaml"].append({"id": "TA-26", "school": "vvttk", "curriculum": "150001",
                                 "supervisor": {"name": "Kati Kask", "email": "kati.kask@vvttk.ee"}})
    root = write_data(tmp_path / "data", files)
    path = root / STUDENTS
    path.write_text("# Rühma TA-24 õpilased (käsitsi kirjutatud kommentaar)\n" + path.read_text(encoding="utf-8"),
                    encoding="utf-8")
    return root


def snapshot(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*.yaml"))}


def students_of(root: Path, rel: str = STUDENTS) -> dict:
    return {s["id"]: s for s in yaml.safe_load((root / rel).read_text(encoding="utf-8"))}


def xlsx(path: Path, rows: list[list], title_rows: int = 0, number_formats: dict | None = None) -> Path:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.title = "Õpilased"
    for i in range(title_rows):
        sheet.append([f"Pealkiri {i + 1}"])
    for row in rows:
        sheet.append(row)
    book.save(path)
    return path


def csv1257(path: Path, lines: list[str]) -> Path:
    path.write_bytes("\r\n".join(lines).encode("cp1257") + b"\r\n")
    return path


def run(cli, root: Path, *args):
    return cli("import", *args, "--data", root, "--as-of", AS_OF)


# --- students --------------------------------------------------------------------------------


def test_students_from_xlsx_with_numeric_codes_serial_dates_and_header_on_row_3(cli, tmp_path):
    root = folder(tmp_path)
    mapping = tmp_path / "opilased.yaml"
    mapping.write_text(STUDENT_MAPPING, encoding="utf-8")
    sheet = xlsx(tmp_path / "opilased.xlsx", [
        ["Isikukood", "Eesnimi", "Perekonnanimi", "Rühm", "Kursus", "Algus", "Nominaalne lõpp", "Ühiselamu",
         "Esindaja", "Märkus"],
        [int(ADULT_CODE), "Mart", "Tamm-Kask", "TA-24", 3, 45537, 47299, "jah", None, "muutis nime"],
        [float(NEW_CODE), "Uku", "Uus", "TA-26", 1, 46266, 47299, "ei", "Ene Uus", None],
    ], title_rows=2)
    result = run(cli, root, "students", sheet, "--mapping", mapping)
    assert result.exit_code == 0, result.output
    assert "„Märkus“" in result.stderr  # an unmapped column is listed, not guessed
    assert "päis real 3" in result.stderr
    old = students_of(root)
    assert old["S1"]["last_name"] == "Tamm-Kask" and old["S1"]["dormitory"] is True
    assert old["S1"]["personal_code"] == ADULT_CODE
    assert (root / STUDENTS).read_text(encoding="utf-8").startswith("# Rühma TA-24 õpilased")
    new = students_of(root, "students/vvttk/TA-26.yaml")  # the folder's layout: students/<school>/<group>.yaml
    uku = new["TA-26-01"]
    assert uku["personal_code"] == NEW_CODE  # no ".0", no exponent
    assert uku["start"] == date(2026, 9, 1) and uku["nominal_end"] == date(2029, 6, 30)  # Excel serials
    assert uku["school"] == "vvttk" and uku["curriculum"] == "150001"  # from the group
    assert uku["guardian"] == {"name": "Ene Uus"}
    assert uku["status"] == [{"status": "active", "start": date(2026, 9, 1)}]
    assert '"50901010000"' in (root / "students/vvttk/TA-26.yaml").read_text(encoding="utf-8")
    assert "Õpilased: 1 uus, 1 muutunud, 0 muutumata" in result.stdout
    assert "Kontroll pärast importi: Andmed on korras" in result.stdout

    before = snapshot(root)
    again = run(cli, root, "students", sheet, "--mapping", mapping)
    assert again.exit_code == 0, again.output
    assert snapshot(root) == before  # byte-identical
    assert "0 uut, 0 muutunud, 2 muutumata" in again.stdout


def test_student_matched_by_personal_code_keeps_what_the_sheet_does_not_mention(cli, tmp_path):
    root = folder(tmp_path)
    mapping = tmp_path / "m.yaml"
    mapping.write_text(STUDENT_MAPPING, encoding="utf-8")
    sheet = csv1257(tmp_path / "s.csv", ["Isikukood;Eesnimi", f"{MINOR_CODE};Liisa"])
    result = run(cli, root, "students", sheet, "--mapping", mapping)
    assert result.exit_code == 0, result.output
    liis = students_of(root)["S2"]
    assert liis["first_name"] == "Liisa" and liis["guardian"]["name"] == "Anne Kuusk"
    assert len(students_of(root)) == 2


# --- grades ----------------------------------------------------------------------------------


def grade_sheet(tmp_path: Path, rows: list[str]) -> Path:
    return csv1257(tmp_path / "hinded.csv", [
        "Vana-Vigala Tehnika- ja Teeninduskool;;;;", "Hinded, sügis 2026;;;;",
        "Isikukood;Nimi;Moodul;Teema;Hinne;Kuupäev", *rows])


def test_grades_from_cp1257_csv_with_semicolons_are_added_and_updated_idempotently(cli, tmp_path):
    root = folder(tmp_path)
    mapping = tmp_path / "hinded.yaml"
    mapping.write_text(GRADE_MAPPING, encoding="utf-8")
    sheet = grade_sheet(tmp_path, [
        f"{ADULT_CODE};Mart Tamm;M1;Vormid ja sõnumid;4;12.11.2026",
        f"{ADULT_CODE};Mart Tamm;M2;Päringud;arvestatud;2026-11-13",
        f"{MINOR_CODE};Liis Kuusk;M1;Tsüklid;5;46345",
    ])
    result = run(cli, root, "grades", sheet, "--mapping", mapping)
    assert result.exit_code == 0, result.output
    s = students_of(root)
    assert s["S1"]["grades"][0] == {"module": "M1", "kind": "module", "value": 4, "date": date(2026, 10, 5)}
    assert s["S1"]["grades"][1:] == [
        {"module": "M1", "topic": "Vormid ja sõnumid", "kind": "assessment", "value": "4", "date": date(2026, 11, 12)},
        {"module": "M2", "topic": "Päringud", "kind": "assessment", "value": "A", "date": date(2026, 11, 13)},
    ]
    assert s["S2"]["grades"] == [{"module": "M1", "topic": "Tsüklid", "kind": "assessment", "value": "5",
                                  "date": date(2026, 11, 19)}]
    assert "Hinded: 3 uut" in result.stdout
    before = snapshot(root)
    assert run(cli, root, "grades", sheet, "--mapping", mapping).exit_code == 0
    assert snapshot(root) == before

    changed = grade_sheet(tmp_path, [f"{ADULT_CODE};Mart Tamm;M1;Vormid ja sõnumid;5;12.11.2026"])
    result = run(cli, root, "grades", changed, "--mapping", mapping)
    assert "0 uut, 1 muutunud" in result.stdout
    grades = students_of(root)["S1"]["grades"]
    assert len(grades) == 3 and grades[1]["value"] == "5"


def test_every_bad_row_is_reported_with_its_row_and_column_and_nothing_is_written(cli, tmp_path):
    root = folder(tmp_path)
    mapping = tmp_path / "hinded.yaml"
    mapping.write_text(GRADE_MAPPING, encoding="utf-8")
    sheet = grade_sheet(tmp_path, [
        f"{ADULT_CODE};Mart Tamm;M2;Hea rida;4;12.11.2026",
        f"{BAD_CODE};Vale Kood;M2;Test;4;12.11.2026",
        f"{ADULT_CODE};Mart Tamm;M9;Test;4;12.11.2026",
        f"{ADULT_CODE};Mart Tamm;M2;Test;7;12.11.2026",
        f"{ADULT_CODE};Mart Tamm;M2;Test;4;31.02.2026",
        f"{ADULT_CODE};Mart Tamm;M2;Test;4;eile",
        f"{NEW_CODE};Uku Uus;M2;Test;4;12.11.2026",
    ])
    before = snapshot(root)
    result = run(cli, root, "grades", sheet, "--mapping", mapping)
    assert result.exit_code == 1, result.output
    err = " ".join(result.stderr.split())
    name = str(sheet)
    assert f"{name}:5: veerg „Isikukood“: Isikukood *******0001 ei ole kehtiv" in err
    assert BAD_CODE not in result.output  # masked without --show-pii
    assert f"{name}:6: veerg „Moodul“: Moodulit M9 õppekavas 150001 ei ole." in err
    assert f"{name}:7: veerg „Hinne“: Hinne „7“ on väljaspool hindamisskaalat." in err
    assert f"{name}:8: veerg „Kuupäev“: Kuupäeva 31.02.2026 ei ole olemas." in err
    assert f"{name}:9: veerg „Kuupäev“: „eile“ ei ole kuupäev." in err
    assert f"{name}:10: veerg „Isikukood“: Õpilast *******0000 andmekaustas ei ole." in err
    assert "Vigaseid ridu: 6; midagi ei kirjutatud." in err
    assert snapshot(root) == before

    shown = run(cli, root, "grades", sheet, "--mapping", mapping, "--show-pii", "--lang", "en")
    assert f"The personal code {BAD_CODE} is not valid" in " ".join(shown.stderr.split())


def test_skip_bad_writes_the_good_rows_and_lists_the_bad_ones(cli, tmp_path):
    root = folder(tmp_path)
    mapping = tmp_path / "hinded.yaml"
    mapping.write_text(GRADE_MAPPING, encoding="utf-8")
    sheet = grade_sheet(tmp_path, [f"{ADULT_CODE};Mart Tamm;M2;Hea rida;4;12.11.2026",
                                   f"{ADULT_CODE};Mart Tamm;M2;Test;7;12.11.2026"])
    result = run(cli, root, "grades", sheet, "--mapping", mapping, "--skip-bad")
    assert result.exit_code == 1, result.output  # the bad row is a finding
    assert f"{sheet}:5: veerg „Hinne“" in result.stderr
    assert "Vigaseid ridu jäeti vahele: 1." in result.stderr
    topics = [g.get("topic") for g in students_of(root)["S1"]["grades"]]
    assert topics == [None, "Hea rida"]


def test_dry_run_with_bad_rows_says_the_real_import_would_write_nothing(cli, tmp_path):
    """Without --skip-bad nothing is skipped: the dry run says the import would refuse."""
    root = folder(tmp_path)
    mapping = tmp_path / "hinded.yaml"
    mapping.write_text(GRADE_MAPPING, encoding="utf-8")
    sheet = grade_sheet(tmp_path, [f"{ADULT_CODE};Mart Tamm;M2;Test;7;12.11.2026"])
    result = run(cli, root, "grades", sheet, "--mapping", mapping, "--dry-run")
    assert "1 vigane rida: päris import ei kirjutaks midagi" in result.stderr
    assert "jäeti vahele" not in result.stderr


def test_dry_run_prints_a_diff_and_a_summary_and_writes_nothing(cli, tmp_path):
    root = folder(tmp_path)
    mapping = tmp_path / "m.yaml"
    mapping.write_text(STUDENT_MAPPING, encoding="utf-8")
    sheet = csv1257(tmp_path / "s.csv", ["Isikukood;Eesnimi;Perekonnanimi;Rühm;Kursus;Algus;Nominaalne lõpp",
                                         f"{NEW_CODE};Uku;Uus;TA-24;1;01.09.2026;30.06.2029"])
    before = snapshot(root)
    result = run(cli, root, "students", sheet, "--mapping", mapping, "--dry-run")
    assert result.exit_code == 0, result.output
    assert snapshot(root) == before
    assert f"--- a/{STUDENTS}" in result.stdout and f"+++ b/{STUDENTS}" in result.stdout
    assert "+- id: TA-24-01" in result.stdout and "+  first_name: Uku" in result.stdout
    assert '+  personal_code: "*******0000"' in result.stdout  # masked in the diff
    assert "Õpilased: 1 uus, 0 muutunud, 0 muutumata; muutub 1 fail." in result.stdout
    assert "midagi ei kirjutatud" in result.stdout
    shown = run(cli, root, "students", sheet, "--mapping", mapping, "--dry-run", "--show-pii")
    assert f'+  personal_code: "{NEW_CODE}"' in shown.stdout


# --- attendance, members, placements -------------------------------------------------------


def test_attendance_matched_by_student_and_period(cli, tmp_path):
    root = folder(tmp_path)
    mapping = tmp_path / "m.yaml"
    mapping.write_text("kind: attendance\ncolumns: {Õpilane: student, Periood: period, Tunde: lessons, P: unexcused}\n",
                       encoding="utf-8")
    sheet = tmp_path / "p.csv"
    sheet.write_text("Õpilane\tPeriood\tTunde\tP\nS1\t2026-autumn\t300\t5\nS2\t2026-autumn\t280\t0\n"
                     "S2\t2030-spring\t1\t0\n", encoding="utf-8-sig")
    result = run(cli, root, "attendance", sheet, "--mapping", mapping)
    assert result.exit_code == 1
    assert f"{sheet}:4: veerg „Periood“: Õppeperioodi 2030-spring failis cluster.yaml ei ole." in result.stderr
    result = run(cli, root, "attendance", sheet, "--mapping", mapping, "--skip-bad")
    s = students_of(root)
    assert s["S1"]["attendance"] == [{"period": "2026-autumn", "lessons": 300, "unexcused": 5}]
    assert s["S2"]["attendance"] == [{"period": "2026-autumn", "lessons": 280, "unexcused": 0}]


def test_members_matched_by_registry_code_and_new_ones_get_an_id(cli, tmp_path):
    root = folder(tmp_path)
    mapping = tmp_path / "m.yaml"
    mapping.write_text("kind: members\ncolumns: {Nimi: name, Registrikood: registry_code, Aadress: address,\n"
                       "  Kontakt: contact.name, E-post: contact.email}\nconstants: {kind: company}\n",
                       encoding="utf-8")
    sheet = xlsx(tmp_path / "m.xlsx", [
        ["Nimi", "Registrikood", "Aadress", "Kontakt", "E-post"],
        ["Koodikoda OÜ", 10123459, "Uus tn 1, Tallinn", "Tiit Tarkvara", "tiit@koodikoda.ee"],
        ["Pilvepere OÜ", 10000356, "Pärnu", None, None]])
    result = run(cli, root, "members", sheet, "--mapping", mapping)
    assert result.exit_code in (0, 1), result.output
    members = {m["id"]: m for m in yaml.safe_load((root / "members.yaml").read_text(encoding="utf-8"))}
    assert members["koodikoda"]["address"] == "Uus tn 1, Tallinn"
    assert members["koodikoda"]["contacts"] == [{"name": "Tiit Tarkvara", "email": "tiit@koodikoda.ee"}]
    assert members["pilvepere"] == {"id": "pilvepere", "name": "Pilvepere OÜ", "registry_code": "10000356",
                                    "address": "Pärnu", "kind": "company"}
    before = snapshot(root)
    run(cli, root, "members", sheet, "--mapping", mapping)
    assert snapshot(root) == before


def test_placements_new_and_unknown_host(cli, tmp_path):
    root = folder(tmp_path)
    mapping = tmp_path / "m.yaml"
    mapping.write_text("kind: placements\ncolumns: {Õpilane: student, Moodul: modules, Algus: start, Lõpp: end,\n"
                       "  Vastuvõtja: host}\nconstants: {kind: workplace_based}\n", encoding="utf-8")
    sheet = csv1257(tmp_path / "p.csv", ["Õpilane;Moodul;Algus;Lõpp;Vastuvõtja",
                                         "S2;M3;01.03.2027;30.04.2027;andmesild",
                                         "S2;M3;01.05.2027;30.05.2027;tundmatu"])
    result = run(cli, root, "placements", sheet, "--mapping", mapping)
    assert result.exit_code == 1
    assert f"{sheet}:3: veerg „Vastuvõtja“: Liiget tundmatu andmekaustas ei ole." in result.stderr
    result = run(cli, root, "placements", sheet, "--mapping", mapping, "--skip-bad")
    placements = yaml.safe_load((root / "placements.yaml").read_text(encoding="utf-8"))
    new = placements[-1]
    assert new["student"] == "S2" and new["modules"] == ["M3"] and new["status"] == "draft"
    assert new["hosts"] == [{"member": "andmesild", "start": date(2027, 3, 1), "end": date(2027, 4, 30)}]
    assert new["id"] != "P1"
    before = snapshot(root)
    run(cli, root, "placements", sheet, "--mapping", mapping, "--skip-bad")
    assert snapshot(root) == before  # matched by student, start and module


# --- recognising, reading --------------------------------------------------------------------


def test_a_built_in_mapping_is_recognised_by_headers(cli, tmp_path):
    root = folder(tmp_path)
    sheet = csv1257(tmp_path / "h.csv", ["Õpilase tunnus,Moodul,Hinde liik,Hinne,Kuupäev",
                                                 "S1,M2,hindamine,A,2026-11-12"])
    result = run(cli, root, "grades", sheet)
    assert result.exit_code == 0, result.output
    assert "Klaster — hinded" in result.stderr
    assert students_of(root)["S1"]["grades"][-1]["value"] == "A"


def test_no_mapping_recognised_exits_2_naming_the_headers(cli, tmp_path):
    root = folder(tmp_path)
    sheet = csv1257(tmp_path / "x.csv", ["Foo;Bar", "1;2"])
    result = run(cli, root, "grades", sheet)
    assert result.exit_code == 2
    assert "„Foo“, „Bar“" in result.stderr and "--mapping FAIL" in result.stderr


@pytest.mark.parametrize("content, expected", [
    ("a;b\n1;2\n".encode("utf-8-sig"), ("utf-8-sig", ";")),
    ("a\tb\n1\t2\n".encode(), ("utf-8-sig", "\t")),
    ("õ,š\n1,2\n".encode("cp1257"), ("cp1257", ",")),
])
def test_encoding_and_delimiter(tmp_path, content, expected):
    from cluster_cli.edit.intake.sheet import read_raw

    path = tmp_path / "x.csv"
    path.write_bytes(content)
    raw = read_raw(path)
    assert (raw.encoding, raw.delimiter) == expected
    assert raw.rows[1] == (2, ["1", "2"])


def test_decimal_comma_and_dates():
    from cluster_cli.edit.intake.mapping import read_date, read_value

    assert read_value("decimal", "12,5") == read_value("decimal", "12.5")
    assert read_value("int", "12,0") == 12
    assert read_date("23.11.2026") == read_date("2026-11-23") == read_date(46349) == date(2026, 11, 23)


def test_bad_student_rows_unknown_group_missing_field_and_not_a_number(cli, tmp_path):
    root = folder(tmp_path)
    mapping = tmp_path / "m.yaml"
    mapping.write_text(STUDENT_MAPPING, encoding="utf-8")
    sheet = csv1257(tmp_path / "s.csv", ["Isikukood;Eesnimi;Perekonnanimi;Rühm;Kursus;Algus;Nominaalne lõpp",
                                         f"{NEW_CODE};Uku;Uus;XX-99;1;01.09.2026;30.06.2029",
                                         f"{NEW_CODE};Uku;Uus;TA-24;esimene;01.09.2026;30.06.2029",
                                         f"{NEW_CODE};Uku;;TA-24;1;01.09.2026;30.06.2029"])
    before = snapshot(root)
    result = run(cli, root, "students", sheet, "--mapping", mapping, "--lang", "en")
    assert result.exit_code == 1, result.output
    err = " ".join(result.stderr.split())
    assert f"{sheet}:2: column 'Rühm': There is no group XX-99 in the data folder." in err
    assert f"{sheet}:3: column 'Kursus': 'esimene' is not a number." in err
    assert f"{sheet}:4: column 'Perekonnanimi': The row has no last_name, which a new record needs." in err
    assert "Bad rows: 3; nothing was written." in err
    assert snapshot(root) == before


@pytest.mark.parametrize("where, said, fix", [
    ("puuduv.csv", "Tabelit {path} ei ole.", "Kontrollige faili nime ja kausta"),
    ("", "{path} on kaust, mitte tabel.", "Andke tabeli (.xlsx või .csv) tee"),
])
def test_a_sheet_that_is_not_there_is_said_in_estonian_with_what_to_do(cli, tmp_path, where, said, fix):
    # not the system's English ("No such file or directory"), and a fix
    root = write_data(tmp_path / "data", base_data())
    path = tmp_path / where
    result = cli("import", "students", path, "--data", root)
    assert result.exit_code == 2, result.output
    err = " ".join(result.stderr.split())
    assert said.format(path=path) in err and f"Parandus: {fix}" in err
    assert "No such file" not in err and "Traceback" not in result.output
