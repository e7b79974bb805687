"""`cluster export KIND`: the folder's records as a sheet in the columns of the cluster's own
mapping (`cluster_cli/mappings/cluster-<kind>.yaml`), the columns `cluster import` reads back;
and the built-in mapping files themselves. Real CLI, real files in tmp_path, read back with
openpyxl and csv."""

from __future__ import annotations

import csv
import io
import os
import stat
import typing
from datetime import date, datetime
from pathlib import Path

import pytest
import yaml
from openpyxl import load_workbook

from tests.conftest import ADULT_CODE, IBAN, MINOR_CODE, base_data, write_data

MAPPINGS = Path(__file__).resolve().parents[1] / "cluster_cli" / "mappings"


def columns(kind: str) -> dict[str, str]:
    return yaml.safe_load((MAPPINGS / f"cluster-{kind}.yaml").read_text(encoding="utf-8"))["columns"]


def cluster() -> dict:
    files = base_data()
    s1, s2 = files["students/TA-24.yaml"]
    s1["grades"].append({"module": "M2", "topic": "HTML", "kind": "assessment", "value": "MA",
                         "date": date(2026, 11, 2), "resit_agreed": date(2026, 11, 9)})
    s2["id"] = "007"  # an id Excel would make the number 7
    s2["dormitory"] = True
    files["groups.yaml"].append({"id": "TA-26", "school": "vvttk", "curriculum": "150001",
                                 "supervisor": {"name": "Kalle Kask"}})
    files["students/TA-26.yaml"] = [{
        "id": "S3", "first_name": "=HYPERLINK(\"http://x\")", "last_name": "Saar", "school": "vvttk",
        "curriculum": "150001", "group": "TA-26", "course": 1, "start": date(2026, 9, 1),
        "nominal_end": date(2029, 6, 30), "status": [{"status": "active", "start": date(2026, 9, 1)}],
        "grades": [{"module": "M1", "kind": "module", "value": 3, "date": date(2026, 10, 6), "no_show": True}],
    }]
    return files


@pytest.fixture
def root(tmp_path):
    return write_data(tmp_path / "d", cluster())


def export(cli, root, *args):
    return cli("export", *args, "--data", root)


def sheet(path: Path):
    ws = load_workbook(path).active
    return ws, [[c.value for c in row] for row in ws.iter_rows()]


# --- students -----------------------------------------------------------------------------------


def test_students_xlsx_has_the_mapping_columns_real_codes_text_ids_and_real_dates(cli, root, tmp_path):
    out = tmp_path / "students.xlsx"
    result = export(cli, root, "students", "--output", out, "--show-pii")
    assert result.exit_code == 0, result.output
    ws, rows = sheet(out)
    assert rows[0] == list(columns("students"))
    header = rows[0]
    by_id = {r[0]: dict(zip(header, r)) for r in rows[1:]}
    assert set(by_id) == {"S1", "007", "S3"}
    mart, liis = by_id["S1"], by_id["007"]
    assert mart["Isikukood"] == ADULT_CODE and mart["Arvelduskonto (IBAN)"] == IBAN
    assert liis["Isikukood"] == MINOR_CODE
    assert liis["Esindaja nimi"] == "Anne Kuusk" and liis["Esindaja seos"] == "ema"
    assert liis["Õpilaskodu"] == "jah" and mart["Õpilaskodu"] == "ei"
    assert mart["Kursus"] == 3 and mart["Õpingute algus"] == datetime(2024, 9, 2)
    # ids and codes are text cells (Excel keeps "007" and the code's digits); dates show as dd.mm.yyyy
    row_of_007 = next(i for i, r in enumerate(rows, start=1) if r[0] == "007")
    assert ws.cell(row=row_of_007, column=1).data_type == "s"
    assert ws.cell(row=row_of_007, column=header.index("Isikukood") + 1).data_type == "s"
    assert ws.cell(row=2, column=header.index("Õpingute algus") + 1).number_format == "dd.mm.yyyy"
    # a column all empty is still formatted for what will be typed in it
    assert ws.column_dimensions["E"].number_format == "dd.mm.yyyy"  # Sünniaeg
    assert ws.column_dimensions["D"].number_format == "@"  # Isikukood
    assert ws.freeze_panes == "A2"
    # unmasked personal data: the file is private
    assert stat.S_IMODE(os.stat(out).st_mode) == 0o600


def test_students_without_show_pii_are_refused_and_nothing_is_written(cli, root, tmp_path):
    out = tmp_path / "students.xlsx"
    result = export(cli, root, "students", "--output", out, "--lang", "en")
    assert result.exit_code == 1
    assert "personal codes" in result.stderr and "--show-pii" in result.stderr
    assert not out.exists()


def test_students_with_no_personal_data_need_no_show_pii(cli, tmp_path):
    files = cluster()
    for s in files["students/TA-24.yaml"]:
        s.pop("personal_code", None)
        s.pop("iban", None)
    root = write_data(tmp_path / "d", files)
    out = tmp_path / "s.csv"
    result = export(cli, root, "students", "--output", out)
    assert result.exit_code == 0, result.output
    assert len(list(csv.reader(io.StringIO(out.read_text(encoding="utf-8"))))) == 4


def test_a_formula_in_a_name_stays_text(cli, root, tmp_path):
    out = tmp_path / "s.xlsx"
    assert export(cli, root, "students", "--group", "TA-26", "-o", out).exit_code == 0
    ws, rows = sheet(out)
    assert rows[1][1] == '=HYPERLINK("http://x")' and ws.cell(row=2, column=2).data_type == "s"
    out_csv = tmp_path / "s.csv"
    assert export(cli, root, "students", "--group", "TA-26", "-o", out_csv).exit_code == 0
    row = list(csv.reader(io.StringIO(out_csv.read_text(encoding="utf-8"))))[1]
    assert row[1] == "'=HYPERLINK(\"http://x\")"


# --- grades, attendance --------------------------------------------------------------------------


def test_grades_csv_one_row_per_grade_with_its_student(cli, root, tmp_path):
    out = tmp_path / "grades.csv"
    result = export(cli, root, "grades", "--output", out)
    assert result.exit_code == 0, result.output
    rows = list(csv.reader(io.StringIO(out.read_text(encoding="utf-8"))))
    assert rows[0] == list(columns("grades"))
    assert rows[1:] == [
        ["S1", "M1", "", "moodulihinne", "4", "2026-10-05", "", "", "ei"],
        ["S1", "M2", "HTML", "hindamine", "MA", "2026-11-02", "2026-11-09", "", "ei"],
        ["S3", "M1", "", "moodulihinne", "3", "2026-10-06", "", "", "jah"],
    ]


def test_grades_of_one_group_in_the_excel_dialect(cli, root, tmp_path):
    out = tmp_path / "grades.csv"
    result = export(cli, root, "grades", "--group", "TA-26", "--csv-dialect", "excel", "--output", out)
    assert result.exit_code == 0, result.output
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and b"\r\n" in raw
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig")), delimiter=";"))
    assert [r[0] for r in rows[1:]] == ["S3"]


def test_attendance_xlsx_numbers_are_numbers(cli, root, tmp_path):
    out = tmp_path / "a.xlsx"
    assert export(cli, root, "attendance", "-o", out).exit_code == 0
    _, rows = sheet(out)
    assert rows == [list(columns("attendance")), ["S1", "2026-autumn", 300, 2, 0, 0, "ei", 0]]


def test_school_filter_and_an_unknown_group(cli, root, tmp_path):
    out = tmp_path / "g.csv"
    assert export(cli, root, "grades", "--school", "vvttk", "-o", out).exit_code == 0
    assert len(out.read_text(encoding="utf-8").splitlines()) == 4
    result = export(cli, root, "grades", "--group", "TA-99", "--lang", "en")
    assert result.exit_code == 2 and "TA-99" in result.stderr
    result = export(cli, root, "grades", "--school", "koodikoda", "--lang", "en")  # a company, not a school
    assert result.exit_code == 2


# --- members, placements -------------------------------------------------------------------------


def test_members_sheet_and_no_student_filters(cli, root, tmp_path):
    out = tmp_path / "m.xlsx"
    assert export(cli, root, "members", "-o", out).exit_code == 0
    _, rows = sheet(out)
    assert rows[0] == list(columns("members"))
    koodikoda = dict(zip(rows[0], rows[2]))
    assert koodikoda["Liik"] == "ettevõte" and koodikoda["Registrikood"] == "10123459"
    assert koodikoda["Tunnustamise kuupäev"] == datetime(2025, 5, 1) and koodikoda["Valmis ühispraktikaks"] == "jah"
    result = export(cli, root, "members", "--group", "TA-24", "--lang", "en")
    assert result.exit_code == 2 and "--group" in result.stderr


def test_placements_flatten_modules_and_hosts_and_say_what_did_not_fit(cli, tmp_path):
    files = cluster()
    p = files["placements.yaml"][0]
    p["modules"] = ["M3", "M2"]
    host = p["hosts"][0]
    p["hosts"] = [dict(host, member=m) for m in ("koodikoda", "andmesild", "koodikoda")]
    root = write_data(tmp_path / "d", files)
    out = tmp_path / "p.csv"
    result = export(cli, root, "placements", "-o", out, "--lang", "en")
    assert result.exit_code == 0, result.output
    assert "P1" in result.stderr and "more than two hosts" in result.stderr
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))
    assert rows[0]["Moodulid"] == "M3, M2" and rows[0]["Praktika liik"] == "töökohapõhine"
    assert rows[0]["Ettevõte"] == "koodikoda" and rows[0]["Teine ettevõte"] == "andmesild"
    assert rows[0]["Ettevõtte juhendaja"] == "Tiit Tarkvara" and rows[0]["Staatus"] == "kehtiv"


# --- formats, determinism -------------------------------------------------------------------------


@pytest.mark.parametrize("kind", ["students", "grades", "attendance", "members", "placements"])
@pytest.mark.parametrize("suffix", [".xlsx", ".csv"])
def test_the_same_folder_gives_the_same_bytes(cli, root, tmp_path, kind, suffix):
    first, second = tmp_path / f"1{suffix}", tmp_path / f"2{suffix}"
    assert export(cli, root, kind, "-o", first, "--show-pii").exit_code == 0
    assert export(cli, root, kind, "-o", second, "--show-pii", "--no-cache").exit_code == 0
    assert first.read_bytes() == second.read_bytes()


def test_format_follows_the_suffix_and_xlsx_needs_a_file(cli, root, tmp_path):
    result = export(cli, root, "grades")  # no --output: CSV on stdout
    assert result.exit_code == 0 and result.stdout.startswith("Õpilase tunnus,Moodul")
    assert export(cli, root, "grades", "--format", "xlsx").exit_code == 2
    result = export(cli, root, "grades", "-o", tmp_path / "g.json", "--lang", "en")
    assert result.exit_code == 2 and ".json" in result.stderr
    result = export(cli, root, "grades", "--format", "csv", "-o", tmp_path / "g.xlsx")
    assert result.exit_code == 2


# --- the mapping files ----------------------------------------------------------------------------


def _resolves(model, path: str) -> bool:
    annotation = model
    for step in path.split("."):
        if step.isdigit():
            continue
        fields = getattr(annotation, "model_fields", None)
        if fields is None or step not in fields:
            return False
        annotation = fields[step].annotation
        while typing.get_args(annotation) and typing.get_origin(annotation) is not typing.Literal:
            annotation = next(a for a in typing.get_args(annotation) if a is not type(None))
    return True


@pytest.mark.parametrize("name", sorted(p.stem for p in MAPPINGS.glob("*.yaml")))
def test_every_mapping_names_fields_of_the_data_model(name):
    from cluster_cli.model.records import Attendance, Grade, Member, Student
    from cluster_cli.model.placements import Placement
    from cluster_cli.load.mappings import IMPORT_KINDS as EXPORT_KINDS, builtin_mapping

    mapping = builtin_mapping(name)
    assert mapping.kind in EXPORT_KINDS and mapping.name and mapping.recognise
    model = {"students": Student, "grades": Grade, "attendance": Attendance, "members": Member,
             "placements": Placement}[mapping.kind]
    # how a row finds its student: its id (ours) or its name (Tahvel's reports name no id)
    row_keys = {"student", "student_name"} if mapping.kind in ("grades", "attendance") else set()
    for header, path in mapping.columns.items():
        assert path in row_keys or _resolves(model, path), f"{name}: {header} → {path}"
    for path in (*mapping.constants, *mapping.values):
        assert _resolves(model, path), f"{name}: {path}"
    if name.startswith("tahvel-"):  # where its columns come from
        text = (MAPPINGS / f"{name}.yaml").read_text(encoding="utf-8")
        assert "hariduspilv/oppeinfo" in text and "hois_back/" in text


def test_cluster_mappings_are_recognised_by_their_own_headers_only():
    from cluster_cli.load.mappings import IMPORT_KINDS as EXPORT_KINDS, builtin_mapping

    for kind in EXPORT_KINDS:
        mine = builtin_mapping(f"cluster-{kind}")
        assert set(mine.recognise) <= set(mine.columns)
        for other in EXPORT_KINDS:
            if other != kind:
                assert not set(mine.recognise) <= set(builtin_mapping(f"cluster-{other}").columns), (kind, other)


def test_coded_values_are_written_as_estonian_words_and_read_back(cli, tmp_path):
    """The export is for people editing in Excel: residence, study form, disability and partnership
    are words ("Eesti kodanik", "strateegiline"), and the import reads the same words back."""
    sample = Path(__file__).resolve().parents[1] / "data"
    out = tmp_path / "students.csv"
    assert cli("export", "students", "--data", sample, "--show-pii", "--output", out).exit_code == 0
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))
    assert {r["Elamisalus"] for r in rows} >= {"Eesti kodanik"} and "citizen" not in out.read_text(encoding="utf-8")
    members = tmp_path / "members.csv"
    assert cli("export", "members", "--data", sample, "--output", members).exit_code == 0
    words = {r["Partnerluse vorm"] for r in csv.DictReader(io.StringIO(members.read_text(encoding="utf-8")))}
    assert words - {""} <= {"igapäevane", "arendav", "strateegiline", "võrgustik"} and words - {""}
