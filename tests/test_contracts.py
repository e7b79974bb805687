"""`cluster contracts`: tripartite placement contracts (4.11.5, Lisa 7 1.4, 5.7, 12.7.1) rendered
through the real CLI into tmp_path; every generated .docx is opened with python-docx and its
text — paragraphs, table cells, footers — read back."""

from __future__ import annotations

import copy
import csv
import io
import json
import os
from datetime import date
from pathlib import Path

import pytest
from docx import Document

from tests.conftest import AS_OF, base_data, write_data

ROOT = Path(__file__).resolve().parents[1]
TEMPLATES = ROOT / "templates"
STUDENTS = "students/TA-24.yaml"


# --- helpers ---------------------------------------------------------------------------------


def docx_text(path: Path) -> str:
    """Every piece of text of a DOCX: body paragraphs, table cells (nested too), footers."""
    doc = Document(str(path))
    parts: list[str] = [p.text for p in doc.paragraphs]

    def tables(ts):
        for t in ts:
            for row in t.rows:
                for cell in row.cells:
                    parts.extend(p.text for p in cell.paragraphs)
                    tables(cell.tables)

    tables(doc.tables)
    for section in doc.sections:
        parts.extend(p.text for p in section.footer.paragraphs)
    return "\n".join(parts)


def docx_files(root: Path) -> list[Path]:
    return sorted(root.rglob("*.docx"))


def placement(files, pid="P1") -> dict:
    return next(p for p in files["placements.yaml"] if p["id"] == pid)


def add_placement(files, pid: str, **changes) -> dict:
    p = copy.deepcopy(placement(files, "P1"))
    p.update(id=pid, **changes)
    files["placements.yaml"].append(p)
    return p


def minor_placement(files, pid="P2") -> dict:
    """S2 (born 2009-12-31) is 17 on 1 February 2027: a minor whose mother signs."""
    p = add_placement(files, pid, student="S2")
    p["signatures"] = [*p.get("signatures", []), {"party": "guardian", "date": date(2026, 11, 20)}]
    return p


def add_foreign_host(files) -> None:
    """A Finnish host, and the English texts an English contract needs (the school's director's
    role, the catalogue task's title and results)."""
    files["members.yaml"][0]["contacts"][0]["role_en"] = "Director"
    files["tasks.yaml"][0]["en"] = {"title": "Building a website", "expected_results": ["A working website"]}
    files["members.yaml"].append({
        "id": "nordkoodi", "kind": "company", "name": "Nordkoodi Oy", "registry_code": "3141592-6",
        "country": "FI", "address": "Mannerheimintie 12, 00100 Helsinki",
        "contacts": [{"name": "Aino Virtanen", "role": "toimitusjohtaja", "email": "aino@nordkoodi.fi"}],
        "recognition": {"date": date(2025, 5, 1), "decision": "otsus nr 2025/3"},
    })


@pytest.fixture
def run(cli, tmp_path):
    """Write the data (changed by `change`) once per test and run `cluster contracts render`."""
    state = {"root": None}

    def _run(*args, change=None, out=None):
        if state["root"] is None or change is not None:
            files = base_data()
            if change is not None:
                change(files)
            state["root"] = write_data(tmp_path / f"data{len(list(tmp_path.glob('data*')))}", files)
        out = out or tmp_path / "out"
        return cli("contracts", "render", "--data", state["root"], "--as-of", AS_OF, "--out", out, *args), out

    return _run


# --- the contract's content (Lisa 7 1.4, 5.7) --------------------------------------------------


def test_clause_lisa_7_1_4_contract_has_every_party_term_task_and_the_annex(run):
    result, out = run("P1")
    assert result.exit_code == 0, result.output
    [path] = docx_files(out)
    assert path.relative_to(out).as_posix() == "2026-2027/TA-24/P1_Tamm_Mart_Koodikoda_OU.docx"
    text = docx_text(path)
    for expected in (
        "Praktikaleping nr P1",
        # the parties (1.4.9) and the school-side supervisor and coordinator (2.2)
        "Vana-Vigala Tehnika- ja Teeninduskool", "registrikood 70003715", "Juhan Juhataja",
        "Mart Tamm", "isikukood 50801012231", "Koodikoda OÜ", "registrikood 10123459",
        "Tiit Tarkvara", "Koolipoolne praktikajuhendaja (Lisa 7 p 2.2): Kati Kask",
        # start and end (1.4.2) in Estonian long format, duration (1.4.3), place and address (1.4.4)
        "1. veebruar 2027", "26. märts 2027", "312 tundi", "12 EKAP",
        "Koodikoda OÜ arenduskeskus, aadress Pärnu mnt 10, Tallinn",
        # the tasks (1.4.5): from the catalogue with expected results, and individual
        "Veebilehe loomine (T-WEB-01)", "Töötav veebileht", "Testide kirjutamine (individuaalne ülesanne)",
        # rights and obligations (1.4.6–1.4.8), amending and ending (1.4.10), disputes (1.4.11)
        "Õpilase õigused ja kohustused", "Praktikaettevõtte õigused ja kohustused", "Kooli õigused ja kohustused",
        "Lepingu muutmine ja lõpetamine", "Vaidluste lahendamine",
        # the annex: the individual practice plan (5.7)
        "Lisa 1. Õpilase individuaalne praktikakava", "Veebiarenduse töövõtete omandamine",
        "Programmeerimise alused", "Loob veebilehe",
        # signature blocks for every party
        "Poolte allkirjad", "/allkirjastatud digitaalselt/",
    ):
        assert expected in text, expected
    assert "None" not in text and "{{" not in text and "{%" not in text
    assert "Seaduslik esindaja" not in text and "seaduslik esindaja Anne" not in text  # an adult signs alone


def test_clause_lisa_7_1_4_2_joint_placement_lists_every_host_with_its_period_supervisor_and_tasks(run):
    def change(files):
        placement(files)["hosts"] = [
            {"member": "koodikoda", "start": date(2027, 2, 1), "end": date(2027, 2, 26), "hours": 160,
             "supervisor": {"name": "Tiit Tarkvara", "email": "tiit@koodikoda.ee"},
             "tasks": [{"catalogue": "T-WEB-01"}]},
            {"member": "andmesild", "start": date(2027, 3, 1), "end": date(2027, 3, 26), "hours": 152,
             "supervisor": {"name": "Signe Server", "role": "arendusjuht", "phone": "+372 5555 1234"},
             "tasks": [{"text": "Andmebaasi varundamine"}]},
        ]

    result, out = run("P1", change=change)
    assert result.exit_code == 0, result.output
    [path] = docx_files(out)
    assert path.name == "P1_Tamm_Mart_Koodikoda_OU.docx"  # a joint placement is named after its first host
    text = docx_text(path)
    for expected in ("Koodikoda OÜ", "Andmesild AS", "registrikood 12345678", "Tartu mnt 2, Tallinn",
                     "1. veebruar 2027 – 26. veebruar 2027", "1. märts 2027 – 26. märts 2027", "160 tundi", "152 tundi",
                     "Tiit Tarkvara", "Signe Server, arendusjuht", "Andmebaasi varundamine", "Veebilehe loomine",
                     "ühispraktika", "Praktikaettevõte\nAndmesild AS"):
        assert expected in text, expected


def test_clause_4_11_5_the_legal_representative_of_a_minor_signs_beside_the_student(run):
    result, out = run("P2", change=minor_placement)
    assert result.exit_code == 0, result.output
    [path] = docx_files(out)
    text = docx_text(path)
    assert "Liis Kuusk" in text
    assert "alaealise õpilase seaduslik esindaja Anne Kuusk (ema)" in text
    assert "Alaealise õpilase seaduslik esindaja\nAnne Kuusk\n/allkirjastatud digitaalselt/" in text


def test_clause_12_7_1_abroad_contract_is_in_english_and_4_12_5_cites_the_written_consent(run):
    def change(files):
        add_foreign_host(files)
        minor_placement(files, "P3").update(
            kind="abroad", country="FI", language="en", place="Nordkoodi Oy",
            address="Mannerheimintie 12, 00100 Helsinki",
            hosts=[{"member": "nordkoodi", "start": date(2027, 2, 1), "end": date(2027, 3, 26),
                    "supervisor": {"name": "Mikko Mäkinen", "email": "mikko@nordkoodi.fi"},
                    "tasks": [{"text": "Mobile app testing"}]}],
            guardian_consent={"date": date(2026, 11, 16), "document": "Kirjalik nõusolek nr 7/2026",
                              "document_en": "Written consent no 7/2026"},
        )

    result, out = run("P3", change=change)
    assert result.exit_code == 0, result.output
    [path] = docx_files(out)
    assert path.name == "P3_Kuusk_Liis_Nordkoodi_Oy.docx"
    text = docx_text(path)
    for expected in ("Placement Agreement No P3", "1 February 2027", "26 March 2027",
                     "Rights and obligations of the Student", "Settlement of disputes",
                     "Annex 1. Individual practice plan",
                     "Nordkoodi Oy", "registry code 3141592-6", "country: Finland", "Mikko Mäkinen",
                     "Mobile app testing",
                     "Aino Virtanen, toimitusjohtaja",
                     "the legal representative of the minor Student, Anne Kuusk",
                     "Written consent no 7/2026, dated 16 November 2026 (study regulation 4.12.5)"):
        assert expected in text, expected
    assert "Kolmepoolne" not in text and "Tripartite" not in text and "nõusolek nr 7" not in text


def test_a_company_name_with_ampersand_and_angle_brackets_survives_escaping(run):
    def change(files):
        files["members.yaml"][1]["name"] = "Kood & <Koda> OÜ"

    result, out = run("P1", change=change)
    assert result.exit_code == 0, result.output
    [path] = docx_files(out)
    assert path.name == "P1_Tamm_Mart_Kood____Koda__OU.docx"
    text = docx_text(path)
    assert "Kood & <Koda> OÜ" in text and "&amp;" not in text


def test_clause_lisa_7_10_1_special_needs_notes_go_into_the_annex(run):
    def change(files):
        files[STUDENTS][0]["special_needs"] = "düsleksia"
        placement(files)["plan"]["special_needs_notes"] = "Kirjalikud juhised suures kirjas; lisaaeg"

    result, out = run("P1", change=change)
    assert result.exit_code == 0, result.output
    text = docx_text(docx_files(out)[0])
    assert "Erivajadusest tulenevad võimed ja soovitused (Lisa 7 p 10.1)" in text
    assert "Kirjalikud juhised suures kirjas; lisaaeg" in text


def test_clause_lisa_7_2_2_the_group_supervisor_is_the_coordinator_unless_one_is_named(run):
    result, out = run("P1")
    text = docx_text(docx_files(out)[0])
    assert "Praktika koordinaator (grupijuhendaja, Lisa 7 p 2.2): Kati Kask, kati.kask@vvttk.ee" in text

    def change(files):
        placement(files)["coordinator"] = {"name": "Mari Maasikas", "email": "mari@vvttk.ee"}
        placement(files)["status"] = "review"  # a signed (valid) contract is never re-rendered

    result, out = run("P1", "--force", change=change)
    assert result.exit_code == 0, result.output
    assert "Praktika koordinaator (grupijuhendaja, Lisa 7 p 2.2): Mari Maasikas" in docx_text(docx_files(out)[0])


# --- validation: only placements that pass it --------------------------------------------------


def test_clause_6_2_3_open_debt_on_the_start_date_refuses_the_contract(run):
    def change(files):
        files[STUDENTS][0]["grades"].append({"module": "M2", "kind": "module", "value": 2, "date": date(2026, 11, 16)})

    result, out = run("P1", change=change)  # before the start: a warning, there is time to clear it
    assert result.exit_code == 0, result.output
    result, out = run("P1", "--as-of", "2027-02-01", out=out.parent / "out-start")  # Lisa 7 8.2 "alguseks"
    assert result.exit_code == 1, result.output
    assert docx_files(out) == []
    assert "keeldutud" in result.stderr and "open-debts (6.2.3, Lisa 7 8.2)" in result.stderr
    [row] = json.loads((out / "manifest.json").read_text(encoding="utf-8"))["contracts"]
    assert row["status"] == "refused" and row["file"] == "" and row["override"] is None
    assert any(r.startswith("open-debts (6.2.3") for r in row["reasons"])


def test_clause_6_2_3_a_recorded_debt_override_renders_and_goes_into_the_manifest(run):
    def change(files):
        files[STUDENTS][0]["grades"].append({"module": "M2", "kind": "module", "value": 2, "date": date(2026, 11, 16)})
        placement(files)["debt_override"] = {"by": "Tiina Kangro, õppedirektor",
                                             "reason": "järelvastamine kokku lepitud",
                                             "date": date(2026, 11, 20)}

    result, out = run("P1", change=change)
    assert result.exit_code == 0, result.output
    assert len(docx_files(out)) == 1
    [row] = json.loads((out / "manifest.json").read_text(encoding="utf-8"))["contracts"]
    assert row["status"] == "created"
    assert row["override"] == {"by": "Tiina Kangro, õppedirektor", "reason": "järelvastamine kokku lepitud",
                               "date": "2026-11-20"}
    assert any(r.startswith("open-debts (6.2.3)") for r in row["reasons"])  # kept as a warning
    [csv_row] = list(csv.DictReader(io.StringIO((out / "manifest.csv").read_text(encoding="utf-8"))))
    assert csv_row["override"] == "Tiina Kangro, õppedirektor; järelvastamine kokku lepitud; 2026-11-20"


def test_clause_lisa_7_4_1_data_received_late_warns_but_renders(run):
    def change(files):
        placement(files)["data_received"] = date(2027, 1, 28)

    result, out = run("P1", change=change)
    assert result.exit_code == 0, result.output
    assert len(docx_files(out)) == 1
    assert "contract-data-timing (Lisa 7 4.1)" in result.stderr and "hoiatus" in result.stderr
    [row] = json.loads((out / "manifest.json").read_text(encoding="utf-8"))["contracts"]
    assert row["status"] == "created" and any("Lisa 7 4.1" in r for r in row["reasons"])


def test_clause_lisa_7_1_4_9_an_error_in_the_placement_refuses_it_with_the_clause(run):
    def change(files):
        minor_placement(files)
        del placement(files)["hosts"][0]["supervisor"]

    result, out = run("--all", change=change)
    assert result.exit_code == 1, result.output
    rows = {r["placement"]: r for r in json.loads((out / "manifest.json").read_text(encoding="utf-8"))["contracts"]}
    assert rows["P1"]["status"] == "refused"
    assert any(r.startswith("contract-terms (Lisa 7 1.4.9)") for r in rows["P1"]["reasons"])
    assert rows["P2"]["status"] == "created"  # the other placement is not held back
    assert [p.name for p in docx_files(out)] == ["P2_Kuusk_Liis_Koodikoda_OU.docx"]


def test_an_error_in_a_hosts_member_record_refuses_the_contract(run):
    def change(files):
        files["members.yaml"][1]["contacts"] = [{"name": "Pille Pealik", "email": "not-an-address"}]

    result, out = run("P1", change=change)
    assert result.exit_code == 1, result.output
    [row] = json.loads((out / "manifest.json").read_text(encoding="utf-8"))["contracts"]
    assert row["status"] == "refused" and any(r.startswith("email") for r in row["reasons"])


def test_a_minor_at_the_start_without_a_recorded_representative_is_refused(run):
    def change(files):
        minor_placement(files).update(status="finished", start=date(2027, 2, 1))
        del files[STUDENTS][1]["guardian"]

    # judged after S2 turned 18, so the minor-guardian rule is quiet; the contract still needs one
    result, out = run("P2", "--as-of", "2028-01-15", change=change)
    assert result.exit_code == 1, result.output
    assert "4.11.5" in result.stderr and docx_files(out) == []


# --- selection ---------------------------------------------------------------------------------


def test_all_leaves_out_drafts_and_cancelled_and_status_lists_them_as_skipped(run):
    def change(files):
        add_placement(files, "P-DRAFT", status="draft")
        add_placement(files, "P-CANCELLED", status="cancelled")

    result, out = run("--all", change=change)
    assert result.exit_code == 0, result.output
    rows = json.loads((out / "manifest.json").read_text(encoding="utf-8"))["contracts"]
    assert [r["placement"] for r in rows] == ["P1"]
    result, out = run("--status", "draft", out=out.parent / "out-drafts")
    assert result.exit_code == 0, result.output
    [row] = json.loads((out / "manifest.json").read_text(encoding="utf-8"))["contracts"]
    assert (row["placement"], row["status"]) == ("P-DRAFT", "skipped")
    assert docx_files(out) == []


def test_usage_errors_exit_2(run):
    assert run()[0].exit_code == 2  # nothing selected
    result, _ = run("P99")
    assert result.exit_code == 2 and "P99" in result.stderr
    assert run("P1", "--all")[0].exit_code == 2
    assert run("--status", "signed")[0].exit_code == 2
    result, _ = run("P1", "--template", "/no/such/template.docx")
    assert result.exit_code == 2 and "/no/such/template.docx" in result.stderr


# --- copier's overwrite policy -----------------------------------------------------------------


def test_rerun_is_unchanged_changed_data_is_a_refused_conflict_and_force_updates(run):
    result, out = run("P1")
    assert result.exit_code == 0, result.output
    [path] = docx_files(out)
    assert result.stderr.startswith("loodud")
    first = path.read_bytes()

    result, _ = run("P1")
    assert result.exit_code == 0, result.output
    assert result.stderr.startswith("muutmata") and path.read_bytes() == first

    def change(files):
        placement(files)["hours"] = 320
        placement(files)["ekap"] = None
        placement(files)["status"] = "review"  # not signed yet: --force may replace it (a signed one: amend)

    result, _ = run("P1", change=change)
    assert result.exit_code == 1, result.output
    assert result.stderr.startswith("konflikt") and "--force" in result.stderr
    assert path.read_bytes() == first  # a contract that may be signed is never silently replaced
    assert json.loads((out / "manifest.json").read_text(encoding="utf-8"))["contracts"][0]["status"] == "conflict"

    result, _ = run("P1", "--force")
    assert result.exit_code == 0, result.output
    assert result.stderr.startswith("uuendatud")
    assert "320 tundi" in docx_text(path)
    result, _ = run("P1")
    assert result.stderr.startswith("muutmata")


def test_a_file_this_tool_did_not_write_is_a_conflict(run, tmp_path):
    out = tmp_path / "out"
    dest = out / "2026-2027" / "TA-24" / "P1_Tamm_Mart_Koodikoda_OU.docx"
    dest.parent.mkdir(parents=True)
    dest.write_bytes(b"signed by hand")
    result, _ = run("P1")
    assert result.exit_code == 1 and result.stderr.startswith("konflikt")
    assert dest.read_bytes() == b"signed by hand"


def test_dry_run_walks_the_same_path_and_writes_nothing(run, tmp_path):
    result, out = run("P1", "--dry-run")
    assert result.exit_code == 0, result.output
    assert result.stderr.startswith("loodud") and "--dry-run" in result.stderr
    assert not out.exists()
    run("P1")
    before = {p: p.read_bytes() for p in out.rglob("*") if p.is_file()}
    result, _ = run("P1", "--dry-run", "--force", change=lambda f: placement(f).update(hours=320, ekap=None,
                                                                                  status="review"))
    assert result.stderr.startswith("uuendatud")
    assert {p: p.read_bytes() for p in out.rglob("*") if p.is_file()} == before


# --- atomic writes and confinement -------------------------------------------------------------


def test_an_interruption_mid_run_leaves_no_partial_file_no_temp_file_and_no_new_folder(run, monkeypatch, tmp_path):
    real_replace = os.replace
    calls = {"n": 0}

    def interrupted_replace(src, dst):
        calls["n"] += 1
        if calls["n"] == 2:  # the second contract: its temp file is written, the rename never happens
            raise KeyboardInterrupt
        return real_replace(src, dst)

    monkeypatch.setattr(os, "replace", interrupted_replace)
    result, out = run("P1", "P2", change=minor_placement)
    assert result.exit_code != 0
    assert calls["n"] == 2
    assert not out.exists()  # the folder the failed run created is gone, with the first contract
    assert [p for p in tmp_path.rglob("*") if p.suffix in (".docx", ".tmp")] == []


def test_a_write_error_rolls_back_and_exits_2(run, monkeypatch, tmp_path):
    from cluster_cli.contracts import folder as contracts

    real = contracts.write_file
    calls = {"n": 0}

    def disk_full(path, data):
        calls["n"] += 1
        if calls["n"] == 2:
            raise OSError(28, "No space left on device", str(path))
        return real(path, data)

    out = tmp_path / "out"
    (out / "keep").mkdir(parents=True)
    monkeypatch.setattr(contracts, "write_file", disk_full)
    result, _ = run("P1", "P2", change=minor_placement)
    assert result.exit_code == 2 and "No space left on device" in result.stderr
    assert sorted(p.relative_to(out).as_posix() for p in out.rglob("*")) == ["keep"]


@pytest.mark.parametrize("hostile", ["../../x", "a/b", "..", "/etc/passwd"])
def test_a_hostile_placement_id_stays_inside_the_output_folder(run, tmp_path, hostile):
    result, out = run(hostile, change=lambda f: add_placement(f, hostile))
    assert result.exit_code == 0, result.output
    [path] = docx_files(tmp_path)
    assert path.resolve().is_relative_to(out.resolve())
    assert path.parent == out / "2026-2027" / "TA-24"
    assert "/" not in path.name and not path.name.startswith(".")


def test_two_placements_with_the_same_safe_name_do_not_overwrite_each_other(run):
    def change(files):
        add_placement(files, "a/b")
        add_placement(files, "a_b")

    result, out = run("a/b", "a_b", change=change)
    assert result.exit_code == 1, result.output
    manifest = json.loads((out / "manifest.json").read_text("utf-8"))
    statuses = {r["placement"]: r["status"] for r in manifest["contracts"]}
    assert statuses == {"a/b": "created", "a_b": "refused"}


def test_names_are_ascii_safe_transliterated():
    from cluster_cli.contracts.plan import ascii_name

    assert ascii_name("Õie Ülle-Mäe") == "Oie_Ulle-Mae"
    assert ascii_name("Šokolaad & Žirafid OÜ") == "Sokolaad___Zirafid_OU"
    assert ascii_name("../../x") == "x" and ascii_name("..") == "_" and ascii_name("a/b") == "a_b"


# --- templates ---------------------------------------------------------------------------------


def _template(path: Path, *paragraphs: str) -> Path:
    doc = Document()
    for text in paragraphs:
        doc.add_paragraph(text)
    doc.save(str(path))
    return path


def test_a_template_with_an_undefined_variable_fails_naming_the_placement_and_the_variable(run, tmp_path):
    bad = _template(tmp_path / "bad.docx", "Leping {{ placement.id }}: {{ student.nickname }}")
    result, out = run("P1", "--template", bad)
    assert result.exit_code == 1, result.output
    assert "keeldutud" in result.stderr
    assert "praktika P1: mall kasutab muutujat 'student.nickname'" in result.stderr
    assert docx_files(out) == []


def test_a_term_without_a_value_is_an_error_never_a_blank(run, tmp_path):
    # S1 has no home settlement: a template that prints it without {% if %} must not leave a blank
    tpl = _template(tmp_path / "address.docx", "Õpilase elukoht: {{ student.address }}")
    result, out = run("P1", "--template", tpl, "--lang", "en")
    assert result.exit_code == 1, result.output
    assert "placement P1: the template uses the contract term 'student.address', which has no value" in result.stderr
    assert docx_files(out) == []


def test_a_template_syntax_error_is_a_usage_error(run, tmp_path):
    tpl = _template(tmp_path / "syntax.docx", "{% if student.name %} never closed")
    result, out = run("P1", "--template", tpl)
    assert result.exit_code == 2 and "TemplateSyntaxError" in result.stderr
    assert not out.exists()


@pytest.mark.parametrize("name, used", [("praktikaleping_et.docx", "plan.goal"),
                                        ("placement_agreement_en.docx", "plan.goal"),
                                        ("valispraktikaleping_et.docx", "school.registry_code")])
def test_check_template_the_shipped_templates_are_clean(cli, name, used):
    result = cli("contracts", "check-template", TEMPLATES / name)
    assert result.exit_code == 0, result.output
    assert "hosts" in result.stdout and f"  {used}\n" in result.stdout


def test_check_template_lisa_7_12_7_2_the_two_party_agreement_has_its_own_required_terms(cli, tmp_path):
    shipped = TEMPLATES / "valispraktikaleping_et.docx"
    result = cli("contracts", "check-template", shipped, "--lang", "en")
    assert result.exit_code == 0 and "two-party agreement template" in result.stdout, result.output
    # Judged as the tripartite contract, it lacks the host's and the plan's terms.
    result = cli("contracts", "check-template", shipped, "--kind", "three-party", "--lang", "en")
    assert result.exit_code == 1
    assert "Lisa 7 1.4.9: host supervisor" in result.stdout and "Lisa 7 5.7: practice plan: goal" in result.stdout
    # A copy under another name: --kind says what it is; the two parties' data are required.
    bad = _template(tmp_path / "minu_leping.docx", "Leping {{ placement.id }}: {{ student.name }}, {{ school.name }}",
                    "Algus {{ start }}, lõpp {{ end }}, {{ hours }} tundi, {{ place }}, {{ address }}")
    result = cli("contracts", "check-template", bad, "--kind", "two-party", "--lang", "en")
    assert result.exit_code == 1, result.output
    out = result.stdout
    for clause in ("Lisa 7 12.7.2: school data", "Lisa 7 12.7.2: student data", "Lisa 7 1.4.9: school-side supervisor",
                   "Lisa 7 1.4.6", "Lisa 7 1.4.8", "4.11.5", "4.12.5"):
        assert clause in out, clause
    for clause in ("host supervisor", "host data", "Lisa 7 1.4.7", "Lisa 7 5.7", "Lisa 7 1.4.2", "Lisa 7 1.4.4"):
        assert clause not in out, clause


def test_check_template_flags_unknown_variables_and_missing_mandatory_terms(cli, tmp_path):
    bad = _template(tmp_path / "bad.docx", "Leping {{ placement.id }} {{ student.nmae }} {{ salary }}",
                    "{% for h in hosts %}{{ h.name }} {{ h.boss }}{% endfor %}", "Algus {{ start }}, lõpp {{ end }}")
    result = cli("contracts", "check-template", bad, "--lang", "en")
    assert result.exit_code == 1, result.output
    out = result.stdout
    for unknown in ("student.nmae", "salary", "hosts[].boss"):
        assert f"  {unknown}\n" in out, unknown
    assert "Lisa 7 1.4.2" not in out  # start and end are there
    for clause in ("Lisa 7 1.4.4: place and address", "Lisa 7 1.4.5", "Lisa 7 1.4.6", "Lisa 7 1.4.9: host supervisor",
                   "Lisa 7 1.4.10", "Lisa 7 1.4.11", "Lisa 7 5.7: practice plan: goal", "4.11.5"):
        assert clause in out, clause


def test_check_template_of_a_missing_file_is_a_usage_error(cli, tmp_path):
    assert cli("contracts", "check-template", tmp_path / "none.docx").exit_code == 2


def test_the_shipped_templates_are_reproducible(tmp_path):
    import subprocess
    import sys

    subprocess.run([sys.executable, str(TEMPLATES / "make_templates.py"), str(tmp_path)], check=True,
                   capture_output=True)
    for name in ("praktikaleping_et.docx", "placement_agreement_en.docx", "valispraktikaleping_et.docx"):
        assert (tmp_path / name).read_bytes() == (TEMPLATES / name).read_bytes(), name


# --- manifest, PDF, pool -------------------------------------------------------------------------


def test_the_manifest_is_written_as_json_and_csv_in_placement_order(run):
    def change(files):
        minor_placement(files, "P0")
        files[STUDENTS][0]["grades"].append({"module": "M2", "kind": "module", "value": 2, "date": date(2026, 11, 16)})
        files["placements.yaml"][0].update(start=date(2026, 11, 23))  # P1 starts today: its debt refuses it
        files["placements.yaml"][0]["hosts"][0].update(start=date(2026, 11, 23))

    result, out = run("P1", "P0", change=change)
    assert result.exit_code == 1, result.output
    doc = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert doc["as_of"] == AS_OF and doc["tool"] == "cluster-cli"
    rows = doc["contracts"]
    assert [r["placement"] for r in rows] == ["P0", "P1"]
    assert set(rows[0]) == {"placement", "file", "template", "inputs_hash", "status", "reasons", "override", "changes"}
    assert rows[0]["status"] == "created" and rows[0]["template"] == "praktikaleping_et.docx"
    assert rows[0]["file"] == "2026-2027/TA-24/P0_Kuusk_Liis_Koodikoda_OU.docx" and len(rows[0]["inputs_hash"]) == 64
    assert rows[1]["status"] == "refused"
    table = list(csv.DictReader(io.StringIO((out / "manifest.csv").read_text(encoding="utf-8"))))
    assert [(r["placement"], r["status"], r["file"], r["inputs_hash"]) for r in table] == [
        (r["placement"], r["status"], r["file"], r["inputs_hash"]) for r in rows]
    assert "6.2.3" in table[1]["reasons"]
    # the hash stored in the contract is the manifest's
    from cluster_cli.contracts.verdicts import stored_hash

    assert stored_hash(out / rows[0]["file"]) == rows[0]["inputs_hash"]


def test_pdf_without_libreoffice_says_how_to_install_it_and_writes_nothing(run, monkeypatch):
    import shutil

    monkeypatch.setattr(shutil, "which", lambda name: None)
    result, out = run("P1", "--pdf")
    assert result.exit_code == 2
    assert "sudo apt install libreoffice-writer" in result.stderr
    assert not out.exists()


def test_many_contracts_render_in_a_process_pool_with_the_same_result(run, monkeypatch, tmp_path):
    from cluster_cli.contracts import docx as contracts

    def change(files):
        for i in range(5):
            add_placement(files, f"Q{i}")

    result, serial = run("--all", change=change, out=tmp_path / "serial")
    assert result.exit_code == 0, result.output
    monkeypatch.setattr(contracts, "POOL_THRESHOLD", 2)
    monkeypatch.setattr(contracts, "POOL_CHUNK", 2)
    result, pooled = run("--all", out=tmp_path / "pooled")
    assert result.exit_code == 0, result.output
    one = json.loads((serial / "manifest.json").read_text(encoding="utf-8"))["contracts"]
    two = json.loads((pooled / "manifest.json").read_text(encoding="utf-8"))["contracts"]
    assert one == two and len(one) == 6
    for row in two:
        assert "Mart Tamm" in docx_text(pooled / row["file"])


def test_money_and_dates_are_formatted_in_the_contracts_language():
    from cluster_cli.contracts.context import _fmt_date, format_money

    assert format_money(123450, "et") == "1\xa0234,50\xa0€" and format_money(123450, "en") == "€1,234.50"
    assert _fmt_date(date(2027, 3, 26), "et") == "26. märts 2027"
    assert _fmt_date(date(2027, 3, 26), "en") == "26 March 2027"


def test_pdf_that_libreoffice_cannot_make_is_said_in_our_words_with_a_fix(run, monkeypatch, tmp_path):
    """LibreOffice's own English is quoted as its message, after our sentence, with a Parandus line."""
    import os
    import stat

    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    program = bin_dir / "soffice"
    program.write_text("#!/bin/sh\necho 'Error: source file could not be loaded' >&2\nexit 1\n", encoding="utf-8")
    program.chmod(program.stat().st_mode | stat.S_IXUSR)
    monkeypatch.setenv("PATH", f"{bin_dir}{os.pathsep}{os.environ['PATH']}")
    result, out = run("P1", "--pdf", "--lang", "et")
    assert result.exit_code == 1
    said = " ".join(result.stderr.split())  # (wrapped at the tests' 200 columns)
    assert "LibreOffice ei teisendanud seda (DOCX-leping on olemas ja korras)" in said
    assert "Parandus: Proovige käsitsi: soffice --headless --convert-to pdf" in said
    assert list(out.rglob("*.docx")) and not list(out.rglob("*.pdf"))


def test_check_template_of_a_missing_file_advises_a_path_not_an_option_it_lacks(cli, tmp_path):
    result = cli("contracts", "check-template", tmp_path / "puudu.docx")
    assert result.exit_code == 2
    err = " ".join(result.stderr.split())
    assert f"Malli {tmp_path / 'puudu.docx'} ei ole." in err and "templates/praktikaleping_et.docx" in err
    assert "--template" not in err  # (an option of `contracts render`, not of this command)
