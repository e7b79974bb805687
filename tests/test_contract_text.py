"""Issue 18, the contract's text as a lawyer reads it: clause numbers that never jump, English
contracts in English only (an untranslated value is a refusal), a foreign student's document and
birth date, the course at the placement's start, a title that does not miscount the parties,
paper signatures beside digital ones, the school once when it is the host. Each is checked in
the DOCX the real CLI renders — of the sample data (`data/`, as of 2026-11-23) and of small
clusters built in tmp_path — read back with python-docx."""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path

import pytest

from tests.conftest import AS_OF, Cli, base_data, write_data
from tests.test_contracts import add_foreign_host, add_placement, docx_files, docx_text, placement

SAMPLE = Path(__file__).resolve().parents[1] / "data"


def _render_sample(tmp: Path, *extra: str) -> dict[str, str]:
    """The sample's contracts rendered as of 2026-11-23: {file name: text}; the signature table
    (its first cell "Pool" / "Party") follows its text after a line ``=== signatures``."""
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("CLUSTER_CACHE_DIR", str(tmp / ".cache"))
        mp.setenv("COLUMNS", "200")
        result = Cli()("contracts", "render", "--all", "--data", SAMPLE, "--as-of", "2026-11-23",
                       "--out", tmp / "out", *extra)
    assert result.exit_code == 0, result.output
    return {p.name: docx_text(p) + "\n=== signatures\n" + signature_table(p) for p in docx_files(tmp / "out")}


def signature_table(path: Path) -> str:
    """The rows of the parties' signature table, a cell's paragraphs on lines, cells split by " | "."""
    from docx import Document

    [table] = [t for t in Document(str(path)).tables if t.rows[0].cells[0].text in ("Pool", "Party")]
    return "\n".join(" | ".join(c.text for c in row.cells) for row in table.rows[1:])


@pytest.fixture(scope="module")
def sample(tmp_path_factory) -> dict[str, str]:
    return _render_sample(tmp_path_factory.mktemp("sample"))


def one(texts: dict[str, str], placement_id: str, suffix: str = ".docx") -> str:
    [text] = [t for name, t in texts.items() if name.startswith(placement_id + "_") and name.endswith(suffix)
              and (suffix != ".docx" or "_kahepoolne" not in name)]
    return text


def clause_numbers(text: str) -> dict[int, list[int]]:
    """The numbered clauses of each section (``3.4. …`` → {3: [.., 4]}), in document order."""
    out: dict[int, list[int]] = {}
    for line in text.splitlines():
        m = re.match(r"^(\d+)\.(\d+)\. ", line)
        if m:
            out.setdefault(int(m.group(1)), []).append(int(m.group(2)))
    return out


# --- 1. numbering ----------------------------------------------------------------------------

def test_clause_numbers_never_jump_whatever_optional_clause_is_left_out(sample):
    with_joint = with_consent = without_either = 0
    for name, text in sample.items():
        for section, numbers in clause_numbers(text).items():
            assert numbers == list(range(1, len(numbers) + 1)), (name, section, numbers)
        numbers = clause_numbers(text)
        with_joint += 5 in numbers.get(3, [])
        with_consent += 4 in numbers.get(11, [])
        without_either += numbers.get(3) == [1, 2, 3, 4] and numbers.get(11) == [1, 2, 3]
    # both optional clauses are seen present and left out
    assert with_joint >= 1 and with_consent >= 1 and without_either >= 30


# --- 2. English contracts in English -----------------------------------------------------------

def test_an_english_contract_prints_english_tasks_roles_relation_and_consent(sample):
    text = one(sample, "VV-2027-10")
    for expected in ("Developing and documenting a REST API (T-WEB-02)",
                     "designs and implements the endpoints of a REST interface",
                     "represented by Heli Raudsepp (Director)", "Kersti Kukk (mother)",
                     "Meelis Tammik, lead teacher, IT department",
                     "Julia Becker, team leader, software development",
                     "written consent of the parent to the placement abroad"):
        assert expected in text, expected
    for estonian in ("direktor", "(ema)", "REST API arendus", "kavandab", "juhtivõpetaja", "rühmajuhendaja",
                     "Lapsevanema", "Teamleiterin"):
        assert estonian not in text, estonian


def _english_placement(files, student: str = "S2", **changes) -> dict:
    add_foreign_host(files)
    return add_placement(
        files, "P3", student=student, kind="abroad", country="FI", language="en", place="Nordkoodi Oy",
        address="Mannerheimintie 12, 00100 Helsinki",
        hosts=[{"member": "nordkoodi", "start": date(2027, 2, 1), "end": date(2027, 3, 26),
                "supervisor": {"name": "Mikko Mäkinen", "email": "mikko@nordkoodi.fi"}}],
        guardian_consent={"date": date(2026, 11, 16), "document": "Kirjalik nõusolek nr 7/2026",
                          "document_en": "Written consent no 7/2026"}, **changes)


def _render(cli, tmp_path, files, *ids: str, extra: tuple = ()):
    root = write_data(tmp_path / "data", files)
    out = tmp_path / "out"
    result = cli("contracts", "render", *ids, "--data", root, "--as-of", AS_OF, "--out", out, *extra)
    return result, out


def test_an_untranslated_value_refuses_the_english_contract_naming_record_field_and_fix(cli, tmp_path):
    files = base_data()
    _english_placement(files)
    del files["tasks.yaml"][0]["en"]  # the task has no English text
    files["members.yaml"][0]["contacts"][0].pop("role_en")
    files["students/TA-24.yaml"][1]["guardian"]["relation"] = "vanaema"  # free text, no relation_en
    placement(files, "P3")["guardian_consent"].pop("document_en")
    result, out = _render(cli, tmp_path, files, "P3")
    assert result.exit_code == 1, result.output
    assert not docx_files(out)  # never a mixed contract
    [row] = json.loads((out / "manifest.json").read_text(encoding="utf-8"))["contracts"]
    assert row["status"] == "refused"
    [reason] = [r for r in row["reasons"] if "ingliskeelses lepingus" in r]  # besides any warning
    for expected in ("P3", "tasks.yaml:1 tasks[0].en", "members.yaml:", "members[0].contacts[0].role_en",
                     "students[1].guardian.relation_en", "placements[1].guardian_consent.document_en",
                     "role_en", "relation_en", "document_en"):
        assert expected in reason, expected


def test_the_guardians_coded_relation_is_written_in_the_contracts_language(cli, tmp_path):
    files = base_data()
    _english_placement(files)
    files["students/TA-24.yaml"][1]["guardian"]["relation"] = "Ema"  # any case
    result, out = _render(cli, tmp_path, files, "P3")
    assert result.exit_code == 0, result.output
    assert "Anne Kuusk (mother)" in docx_text(docx_files(out)[0])


# --- 3. a foreign student ----------------------------------------------------------------------

def test_a_foreign_student_is_shown_by_document_and_birth_date(sample):
    text = one(sample, "PA-2027-06")
    assert "Oleksandr Kovalenko (dokument: passport FU482913 (UA), sünniaeg 10.10.2004, elukoht" in text
    assert "isikukood passport" not in text


def test_a_foreign_student_in_an_english_contract(cli, tmp_path):
    files = base_data()
    student = files["students/TA-24.yaml"][0]
    student.pop("personal_code")
    student.update(birth_date=date(2008, 3, 12), foreign_document={"kind": "passport", "number": "FP1234567",
                                                                    "country": "FI"})
    _english_placement(files, student="S1")
    result, out = _render(cli, tmp_path, files, "P3")
    assert result.exit_code == 0, result.output
    text = docx_text(docx_files(out)[0])
    assert "Mart Tamm (document: passport FP1234567 (FI), date of birth 12 March 2008" in text
    assert "personal identification code passport" not in text


# --- 4. the course at the placement's start ------------------------------------------------------

def test_a_past_contract_states_the_course_at_the_placements_start(sample):
    # Tanel Nõmm is in course 2 in 2026-2027 (the as-of study year); his placement of 2025-2026
    # was in course 1.
    assert "2. kursuse" not in one(sample, "PA-2026-01")
    assert "(kood 204366) 1. kursuse õpilane" in one(sample, "PA-2026-01")


def test_the_course_follows_the_as_of_study_year(cli, tmp_path):
    files = base_data()  # S1 is in course 3; P1 starts on 1 February 2027 (2026-2027)
    root = write_data(tmp_path / "data", files)
    now = cli("contracts", "render", "P1", "--data", root, "--as-of", AS_OF, "--out", tmp_path / "a")
    later = cli("contracts", "render", "P1", "--data", root, "--as-of", "2027-09-20", "--out", tmp_path / "b")
    assert "3. kursuse" in docx_text(docx_files(tmp_path / "a")[0]), now.output
    assert "2. kursuse" in docx_text(docx_files(tmp_path / "b")[0]), later.output


# --- 5. the title ----------------------------------------------------------------------------

def test_the_title_never_miscounts_the_parties(sample):
    for name, text in sample.items():
        assert not re.search(r"kolmepoolne|tripartite", text, re.IGNORECASE), name
    four_parties = one(sample, "VV-2027-10")  # school, student, guardian, host
    assert four_parties.startswith("Placement Agreement No VV-2027-10\n")
    assert one(sample, "VV-2027-14").startswith("Praktikaleping nr VV-2027-14\n")


# --- 6. paper signatures -----------------------------------------------------------------------

def test_paper_signatures_give_each_party_name_signature_and_date_lines(tmp_path, sample):
    paper = _render_sample(tmp_path, "--signatures", "paper")
    estonian, english = one(paper, "VV-2027-14"), one(paper, "VV-2027-10")
    block = estonian.split("=== signatures")[1]
    assert block.count("Allkiri: ____") == 3 and block.count("Kuupäev: ____") == 3  # school, student, guardian
    assert "Heli Raudsepp, direktor\nAllkiri: ____" in block
    assert "digitaal" not in estonian and "viimase allkirja andmise kuupäev" in estonian
    block = english.split("=== signatures")[1]
    assert block.count("Signature: ____") == 4 and block.count("Date: ____") == 4
    assert "Thomas Krüger, Managing Director, authorised signatory\nSignature: ____" in block
    assert "digitally" not in english
    # the default stays digital
    assert "/allkirjastatud digitaalselt/" in one(sample, "VV-2027-14") and "Allkiri:" not in one(sample, "VV-2027-14")


# --- 7. the school as the host -----------------------------------------------------------------

def test_a_placement_at_the_school_itself_shows_the_school_once(sample):
    text = one(sample, "VV-2027-14")  # Kenneth Valk's placement at his own school
    parties = text.split("1. Lepingu pooled")[1].split("Tabel 1.")[0]
    assert "tabelis 1 nimetatud praktikaettevõte" not in parties
    assert "Praktika toimub koolis: kool on ühtlasi praktikakoht" in parties
    block = text.split("=== signatures")[1]
    assert block.count("Vana-Vigala Tehnika- ja Teeninduskool") == 1 and "Praktikaettevõte" not in block
    assert "edaspidi seaduslik esindaja." in parties  # the last party closes the list


def test_check_template_finds_a_clause_number_that_jumps_when_an_optional_clause_is_left_out(cli, tmp_path):
    from docx import Document

    doc = Document()
    for text in ("3. Aeg", "3.1. Algus {{ start }}.", "{%p if placement.joint %}", "3.2. Ühispraktika.",
                 "{%p endif %}", "3.3. Tööaeg.", "{%p if consent %}", "3.4. Nõusolek {{ consent.document }}.",
                 "{%p endif %}"):
        doc.add_paragraph(text)
    path = tmp_path / "mall.docx"
    doc.save(str(path))
    result = cli("contracts", "check-template", path, "--lang", "en")
    assert result.exit_code == 1
    after = result.stdout.split("Clause numbers that jump")[1].splitlines()[1:]
    jumps = [line.strip() for line in after[:next(i for i, x in enumerate(after) if not x.startswith("  "))]]
    assert jumps == ["3.1 → 3.3 without placement.joint"]  # the last clause of a section may go
    shipped = cli("contracts", "check-template", SAMPLE.parent / "templates" / "praktikaleping_et.docx")
    assert shipped.exit_code == 0 and "hüppavad" not in shipped.stdout


def test_lisa_7_1_4_4_a_joint_placement_names_each_hosts_address_not_the_first_ones(sample):
    """VV-2027-02 is at Andmesild AS (Rapla) and Koodikoda OÜ (Pärnu): clause 3.3 points to table
    1, which gives each host's address, instead of one address for both."""
    text = one(sample, "VV-2027-02")
    assert "3.3. Praktikakohad on tabelis 1 nimetatud praktikaettevõtted nende aadressidel (Lisa 7 p 1.4.4)." in text
    assert "aadress Tallinna mnt 14" not in text
    assert "Rüütli tn 40, Pärnu linn" in text  # the second host's address, in table 1
    single = one(sample, "VV-2027-05")  # one host: its place and address
    assert re.search(r"3\.3\. Praktikakoht on .+, aadress .+ \(Lisa 7 p 1\.4\.4\)\.", single)
