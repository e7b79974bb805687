"""Export → import agree (issue 17): the sample cluster exported as XLSX and as CSV (both dialects)
and imported back changes no byte; one cell edited in Excel (openpyxl here) changes exactly that
value in the data folder, nothing else. A sheet shaped like Tahvel's student list (title, date,
header on row 4) and its negative-results report (students by name) imports into a new folder."""

from __future__ import annotations

import difflib
from datetime import date, datetime
from pathlib import Path

import pytest
import yaml
from openpyxl import Workbook, load_workbook

KINDS = ("students", "grades", "attendance", "members", "placements")


@pytest.fixture(scope="module")
def sample(tmp_path_factory) -> Path:
    from typer.testing import CliRunner

    from cluster_cli.cli.app import app

    root = tmp_path_factory.mktemp("rt") / "klaster"
    result = CliRunner().invoke(app, ["init", str(root), "--example"])
    assert result.exit_code == 0, result.output
    return root


def snapshot(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*.yaml"))}


def copy(sample: Path, tmp_path: Path) -> Path:
    import shutil

    return Path(shutil.copytree(sample, tmp_path / "klaster"))


def changed_lines(before: dict[str, bytes], after: dict[str, bytes]) -> list[str]:
    out = []
    for name in sorted(set(before) | set(after)):
        old = before.get(name, b"").decode().splitlines()
        new = after.get(name, b"").decode().splitlines()
        out += [f"{name}: {line}" for line in difflib.unified_diff(old, new, n=0, lineterm="")
                if line[:1] in "+-" and not line.startswith(("+++", "---"))]
    return out


@pytest.mark.parametrize("suffix, dialect", [("xlsx", None), ("csv", "rfc4180"), ("csv", "excel")])
def test_every_kind_exported_and_imported_back_changes_nothing(cli, sample, tmp_path, suffix, dialect):
    root = copy(sample, tmp_path)
    before = snapshot(root)
    for kind in KINDS:
        sheet = tmp_path / f"{kind}.{suffix}"
        extra = ("--csv-dialect", dialect) if dialect else ()
        result = cli("export", kind, "--show-pii", "--output", sheet, *extra, "--data", root)
        assert result.exit_code == 0, result.output
        result = cli("import", kind, sheet, "--data", root, "--lang", "en")
        assert result.exit_code == 0, result.output
        assert " 0 new, 0 changed" in result.stdout, (kind, result.stdout)
        assert snapshot(root) == before, (kind, changed_lines(before, snapshot(root)))


def edit_cell(path: Path, header: str, row_of, value) -> object:
    """Set one cell of the exported sheet, found by its column header and a test of its row."""
    book = load_workbook(path)
    sheet = book.active
    headers = [c.value for c in sheet[1]]
    col = headers.index(header) + 1
    for r in range(2, sheet.max_row + 1):
        cells = dict(zip(headers, (c.value for c in sheet[r])))
        if row_of(cells):
            old = sheet.cell(row=r, column=col).value
            sheet.cell(row=r, column=col).value = value
            book.save(path)
            return old
    raise AssertionError(f"no row for {header}")


def test_one_grade_edited_in_excel_changes_exactly_that_grade(cli, sample, tmp_path):
    root = copy(sample, tmp_path)
    sheet = tmp_path / "hinded.xlsx"
    assert cli("export", "grades", "--group", "TA-24", "--output", sheet, "--data", root).exit_code == 0
    old = edit_cell(sheet, "Hinne", lambda c: c["Õpilase tunnus"] == "TA-24-01" and c["Hinde liik"] == "hindamine",
                    "2")
    assert str(old) != "2"
    before = snapshot(root)
    result = cli("import", "grades", sheet, "--data", root, "--lang", "en")
    assert "0 new, 1 changed" in result.stdout, result.output
    changed = changed_lines(before, snapshot(root))
    assert len(changed) == 2 and changed[0].startswith("students/vvttk/TA-24.yaml: -") and "value:" in changed[0]
    assert changed[1] == 'students/vvttk/TA-24.yaml: +      value: "2"', changed


def test_the_sheet_calls_a_year_end_result_loepptulemus_and_a_final_exam_grade_loepueksam(cli, sample, tmp_path):
    # Lisa 3 II.20: a module going on next year ends the year with „Lõpptulemus“ (`year_end`); a
    # final exam's grade (`final`) is counted against the attempts allowed — never mixed up.
    import csv
    import io

    root = copy(sample, tmp_path)
    sheet = tmp_path / "hinded.csv"
    assert cli("export", "grades", "--group", "TA-24", "--output", sheet, "--data", root).exit_code == 0
    rows = list(csv.DictReader(io.StringIO(sheet.read_text(encoding="utf-8"))))
    grades = [g for s in cli_yaml_of(root, "students/vvttk/TA-24.yaml") for g in s.get("grades", [])]
    year_end = sum(1 for g in grades if g["kind"] == "year_end")
    assert year_end and sum(1 for r in rows if r["Hinde liik"] == "lõpptulemus") == year_end
    first = rows[0]
    row = {**first, "Moodul": first["Moodul"], "Teema": "", "Hinde liik": "lõpueksam", "Hinne": "4",
           "Kuupäev": "2026-06-10"}
    with sheet.open("w", encoding="utf-8", newline="") as out:
        writer = csv.DictWriter(out, fieldnames=list(first))
        writer.writeheader()
        writer.writerow(row)
    result = cli("import", "grades", sheet, "--data", root, "--lang", "en")
    assert "1 new" in result.stdout, result.output
    student = next(s for s in cli_yaml_of(root, "students/vvttk/TA-24.yaml") if s["id"] == first["Õpilase tunnus"])
    assert {"module": first["Moodul"], "kind": "final", "value": "4", "date": date(2026, 6, 10)} in [
        {k: g[k] for k in ("module", "kind", "value", "date")} for g in student["grades"]]


def cli_yaml_of(root: Path, name: str) -> list[dict]:
    return yaml.safe_load((root / name).read_text(encoding="utf-8"))


def test_one_phone_edited_in_excel_changes_exactly_that_phone(cli, sample, tmp_path):
    root = copy(sample, tmp_path)
    sheet = tmp_path / "opilased.xlsx"
    assert cli("export", "students", "--show-pii", "--output", sheet, "--data", root).exit_code == 0
    old = edit_cell(sheet, "Telefon", lambda c: c["Õpilase tunnus"] == "TA-24-01", "+372 5000 0001")
    before = snapshot(root)
    result = cli("import", "students", sheet, "--data", root, "--lang", "en")
    assert "0 new, 1 changed" in result.stdout, result.output
    assert changed_lines(before, snapshot(root)) == [
        f"students/vvttk/TA-24.yaml: -  phone: {old}",
        "students/vvttk/TA-24.yaml: +  phone: +372 5000 0001",
    ]
    # and the same through CSV: the writer's apostrophe before "+372" is read away
    csv_sheet = tmp_path / "opilased.csv"
    assert cli("export", "students", "--show-pii", "--output", csv_sheet, "--data", root).exit_code == 0
    assert "'+372 5000 0001" in csv_sheet.read_text(encoding="utf-8")
    after = snapshot(root)
    assert cli("import", "students", csv_sheet, "--data", root).exit_code == 0
    assert snapshot(root) == after


# --- a Tahvel-shaped export into a new folder ------------------------------------------------


def tahvel_students(path: Path, rows: list[list]) -> Path:
    """Tahvel's "Õppijad" report (templates/students.xls): a title, "Seisuga <date>", an empty
    row, the header on row 4 with columns the mapping leaves out among them."""
    book = Workbook()
    sheet = book.active
    sheet.title = "Õppijad"
    sheet.append(["Õppijad"])
    sheet.append(["Seisuga 01.09.2026"])
    sheet.append([])
    sheet.append(["Eesnimi", "Perenimi", "Isikukood", "Õppetase", "Õppekava", "Õppekava HTM kood", "Õpperühm",
                  "Õppevorm", "Õppekoormus", "Õppija staatus", "Finantseerimise allikas", "Õpingute algus",
                  "Nominaalaja lõpp", "E-posti aadress"])
    for row in rows:
        sheet.append(row)
    book.save(path)
    return path


def test_a_tahvel_student_list_and_its_negative_results_into_a_folder_made_by_init(cli, tmp_path):
    root = tmp_path / "uus"
    result = cli("init", root, "--name", "Lõuna klaster", "--school", "tkhk,70003715,Tartu Kutsehariduskeskus",
                 "--year", "2026/2027")
    assert result.exit_code == 0, result.output
    cli_yaml = lambda name: yaml.safe_load((root / name).read_text(encoding="utf-8")) or []  # noqa: E731
    (root / "curricula.yaml").write_text(yaml.safe_dump([{
        "code": "212345", "name": "Tarkvaraarendaja", "level": 4, "kind": "vocational_secondary",
        "study_form": "school_based", "ekap": 180, "nominal_years": 3, "field": "IKT",
        "modules": [{"id": "TA-M1", "name": "Programmeerimine", "type": "core", "ekap": 10}]}],
        allow_unicode=True), encoding="utf-8")
    (root / "groups.yaml").write_text(yaml.safe_dump([{
        "id": "TA-26", "school": "tkhk", "curriculum": "212345",
        "supervisor": {"name": "Kati Kask", "email": "kati@tkhk.ee"}}], allow_unicode=True), encoding="utf-8")
    mapping = tmp_path / "tahvel-opilased.yaml"
    from importlib import resources

    text = (resources.files("cluster_cli") / "mappings" / "tahvel-students.yaml").read_text(encoding="utf-8")
    mapping.write_text(text.replace("constants: {}", "constants: {school: tkhk, course: 1}"), encoding="utf-8")
    sheet = tahvel_students(tmp_path / "oppijad.xlsx", [
        ["Mari", "Maasikas", 60901010001, "Kutsekeskharidus", "Tarkvaraarendaja", "212345", "TA-26",
         "statsionaarne õpe - koolipõhine õpe", "Täiskoormus", "Õpib", "tasuta", datetime(2026, 9, 1),
         datetime(2029, 6, 30), "mari@example.ee"],
        ["Jaan", "Jõgi", "50901010000", "Kutsekeskharidus", "Tarkvaraarendaja", "212345", "TA-26",
         "statsionaarne õpe - koolipõhine õpe", "Täiskoormus", "Õpib", "tasuline", "01.09.2026", "30.06.2029", None],
    ])
    result = cli("import", "students", sheet, "--mapping", mapping, "--data", root, "--lang", "en")
    # written; validate then finds what the sheet cannot say (this tiny curriculum, the minors' guardians)
    assert result.exit_code == 1 and "Students: 2 new, 0 changed" in result.stdout, result.output
    assert "header on row 4" in result.stderr and "„Õppetase“" in result.stderr  # unmapped, listed
    students = yaml.safe_load((root / "students" / "tkhk" / "TA-26.yaml").read_text(encoding="utf-8"))
    assert [(s["id"], s["first_name"], s["personal_code"], s.get("state_funded")) for s in students] == [
        ("TA-26-01", "Mari", "60901010001", True), ("TA-26-02", "Jaan", "50901010000", False)]
    assert students[0]["study_form"] == "school_based" and students[0]["start"] == date(2026, 9, 1)
    before = snapshot(root)
    result = cli("import", "students", sheet, "--mapping", mapping, "--data", root, "--lang", "en")
    assert "0 new, 0 changed, 2 unchanged" in result.stdout, result.output
    assert snapshot(root) == before  # matched by personal code the second time

    # Tahvel's negative results of the group (students by full name), the module as a constant
    grades_mapping = tmp_path / "tahvel-hinded.yaml"
    text = (resources.files("cluster_cli") / "mappings" / "tahvel-grades.yaml").read_text(encoding="utf-8")
    grades_mapping.write_text(text.replace("constants: {}", "constants: {module: TA-M1, group: TA-26}"),
                              encoding="utf-8")
    book = Workbook()
    ws = book.active
    ws.append(["Õpperühm TA-26"])
    ws.append([])
    ws.append(["Õppija nimi", "Päevik", "Hinde liik", "Hinne", "Kuupäev", "Õpetaja"])
    ws.append(["Mari Maasikas", "Programmeerimise alused", "Hindamine", "2", datetime(2026, 11, 20), "Kati Kask"])
    ws.append(["Jaan Jõgi", "Programmeerimise alused", "Iseseisev töö", "MA", "21.11.2026", "Kati Kask"])
    ws.append(["Tiit Tundmatu", "Programmeerimise alused", "Hindamine", "X", "21.11.2026", "Kati Kask"])
    ws.append(["Jaan Jõgi", "Programmeerimise alused", "Lõpptulemus", "2", "22.11.2026", "Kati Kask"])
    book.save(tmp_path / "negatiivsed.xlsx")
    result = cli("import", "grades", tmp_path / "negatiivsed.xlsx", "--mapping", grades_mapping, "--data", root,
                 "--lang", "en", "--skip-bad")
    assert result.exit_code == 1, result.output
    err = " ".join(result.stderr.split())
    assert "negatiivsed.xlsx:6: column 'Õppija nimi': There is no student named 'Tiit Tundmatu'" in err
    students = {s["id"]: s for s in cli_yaml("students/tkhk/TA-26.yaml")}
    assert students["TA-26-01"]["grades"] == [{"module": "TA-M1", "topic": "Programmeerimise alused",
                                               "kind": "assessment", "value": "2", "date": date(2026, 11, 20)}]
    # a journal's „Lõpptulemus“ is its summative grade (4.7.6), not a final-exam attempt
    assert [g["kind"] for g in students["TA-26-02"]["grades"]] == ["independent", "module"]


def test_a_name_that_fits_two_students_is_a_bad_row(cli, sample, tmp_path):
    root = copy(sample, tmp_path)
    first = yaml.safe_load((root / "students/vvttk/TA-24.yaml").read_text(encoding="utf-8"))[0]
    twin = dict(first, id="TA-24-99", personal_code=None)
    twin = {k: v for k, v in twin.items() if v is not None and k not in ("grades", "attendance")}
    with (root / "students/vvttk/TA-24.yaml").open("a", encoding="utf-8") as f:
        f.write("\n" + yaml.safe_dump([twin], allow_unicode=True))
    mapping = tmp_path / "m.yaml"
    mapping.write_text("kind: attendance\ncolumns: {Nimi: student_name, Periood: period, Tunde: lessons}\n",
                       encoding="utf-8")
    sheet = tmp_path / "p.csv"
    sheet.write_text(f"Nimi;Periood;Tunde\n{first['first_name']} {first['last_name']};2026-autumn;10\n",
                     encoding="utf-8")
    result = cli("import", "attendance", sheet, "--mapping", mapping, "--data", root, "--lang", "en")
    assert result.exit_code == 1, result.output
    assert "fits more than one student (TA-24-01, TA-24-99" in " ".join(result.stderr.split())
