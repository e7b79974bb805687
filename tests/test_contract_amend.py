"""Amendments (issue 18): a signed contract (valid, finished) is never overwritten — `contracts
render` lists its changed terms, term by term — and `contracts amend ID` renders the amendment
(lisa nr N) next to it, records it in the placement's YAML and stores the new terms, so the next
amendment is diffed against it. Through the real CLI on files in tmp_path, read back."""

from __future__ import annotations

import csv
import io
import json
from datetime import date
from pathlib import Path

import yaml
from docx import Document
from docx.oxml.ns import qn

from tests.conftest import AS_OF, base_data, write_data

CONTRACT = "2026-2027/TA-24/P1_Tamm_Mart_Koodikoda_OU.docx"


def docx_text(path: Path) -> str:
    doc = Document(str(path))
    parts = [p.text for p in doc.paragraphs]
    for t in doc.tables:
        for row in t.rows:
            parts.append(" | ".join(c.text for c in row.cells))
    return "\n".join(parts)


def _setup(tmp_path, cli, change=None):
    files = base_data()
    if change is not None:
        change(files)
    root = write_data(tmp_path / "data", files)
    out = tmp_path / "out"
    result = cli("contracts", "render", "P1", "--data", root, "--out", out, "--as-of", AS_OF)
    assert result.exit_code == 0, result.output
    assert (out / CONTRACT).is_file()
    return root, out


def _edit(root: Path, **changes) -> None:
    """Change P1 in the YAML (as the secretary would), keeping the rest."""
    path = root / "placements.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    p1 = next(p for p in data if p["id"] == "P1")
    for key, value in changes.items():
        if key == "supervisor":
            p1["hosts"][0]["supervisor"]["name"] = value
        elif key == "end":
            p1["end"] = p1["hosts"][0]["end"] = value
        else:
            p1[key] = value
    write_data(root, {"placements.yaml": data})


def _render(cli, root, out, *extra, lang="et"):
    return cli("contracts", "render", "P1", "--data", root, "--out", out, "--as-of", AS_OF, "--lang", lang, *extra)


def _amend(cli, root, out, *extra, lang="et"):
    return cli("contracts", "amend", "P1", "--data", root, "--out", out, "--as-of", AS_OF, "--lang", lang, *extra)


def _amendments(root: Path) -> list[dict]:
    data = yaml.safe_load((root / "placements.yaml").read_text(encoding="utf-8"))
    return next(p for p in data if p["id"] == "P1").get("amendments", [])


def test_a_signed_contract_is_never_overwritten_and_its_changed_terms_are_listed(cli, tmp_path):
    root, out = _setup(tmp_path, cli)
    before = (out / CONTRACT).read_bytes()
    _edit(root, end=date(2027, 4, 2), hours=340, supervisor="Tiina Uus")
    for extra in ((), ("--force",)):
        result = _render(cli, root, out, *extra)
        assert result.exit_code == 1, result.output
        assert (out / CONTRACT).read_bytes() == before  # not a byte changed, even with --force
        text = " ".join(result.stderr.split())
        assert text.startswith("muudetud ")
        assert "ka mitte --force'iga" in text and "cluster contracts amend P1" in text
        assert "Praktika aeg: 1. veebruar 2027 – 26. märts 2027 → 1. veebruar 2027 – 2. aprill 2027" in text
        assert "Maht (tundi): 312 → 340" in text
        assert "Koodikoda OÜ: ettevõttepoolne juhendaja: Tiit Tarkvara → Tiina Uus" in text
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    [row] = manifest["contracts"]
    assert row["status"] == "changed"
    assert {"term": "hours", "old": "312", "new": "340"} in row["changes"]
    assert {c["term"] for c in row["changes"]} >= {"period", "hours", "host.koodikoda.period",
                                                  "host.koodikoda.supervisor"}
    [csv_row] = list(csv.DictReader(io.StringIO((out / "manifest.csv").read_text(encoding="utf-8"))))
    assert "hours: 312 → 340" in csv_row["changes"]


def test_a_draft_or_review_contract_keeps_the_conflict_and_force(cli, tmp_path):
    def review(files):
        files["placements.yaml"][0]["status"] = "review"

    root, out = _setup(tmp_path, cli, review)
    _edit(root, hours=340)
    result = _render(cli, root, out)
    assert result.exit_code == 1 and "konflikt" in result.stderr
    assert _render(cli, root, out, "--force").exit_code == 0
    assert "340 tundi" in docx_text(out / CONTRACT)
    # and an amendment is refused: re-render it instead
    result = _amend(cli, root, out)
    assert result.exit_code == 1, result.output
    assert "ei ole allkirjastatud" in result.stderr and "contracts render P1 --force" in result.stderr


def test_amend_renders_lisa_1_records_it_and_lisa_2_is_diffed_against_lisa_1(cli, tmp_path):
    root, out = _setup(tmp_path, cli)
    nothing = _amend(cli, root, out)
    assert nothing.exit_code == 0, nothing.output
    assert "ei ole muutunud" in nothing.stderr and _amendments(root) == []
    assert not list(out.rglob("*-lisa-*.docx"))

    _edit(root, end=date(2027, 4, 2), hours=340, supervisor="Tiina Uus")
    dry = _amend(cli, root, out, "--dry-run")
    assert dry.exit_code == 0 and "Maht (tundi): 312 → 340" in dry.stdout
    assert not list(out.rglob("*-lisa-*.docx")) and _amendments(root) == []

    result = _amend(cli, root, out, "--date", "2026-11-25")
    assert result.exit_code == 0, result.output
    first = out / CONTRACT.replace(".docx", "-lisa-1.docx")
    text = docx_text(first)
    assert "Lisa nr 1 praktikalepingule nr P1" in text
    assert "Maht (tundi) | 312 | 340" in text
    assert "Praktika aeg | 1. veebruar 2027 – 26. märts 2027 | 1. veebruar 2027 – 2. aprill 2027" in text
    assert "Koodikoda OÜ: ettevõttepoolne juhendaja | Tiit Tarkvara | Tiina Uus" in text
    assert "Koostamise kuupäev: 25.11.2026" in text and "Koostatud" not in text
    assert "viimase digitaalallkirja andmise kuupäev" in text
    assert "Mart Tamm" in text and "/allkirjastatud digitaalselt/" in text  # the parties sign
    [entry] = _amendments(root)
    assert entry["number"] == 1 and entry["date"] == date(2026, 11, 25)
    assert "hours" in entry["terms"] and "host.koodikoda.supervisor" in entry["terms"]
    assert entry["file"].endswith("P1_Tamm_Mart_Koodikoda_OU-lisa-1.docx")

    # the contract is now current as amended: render leaves it alone, amend has nothing to do
    result = _render(cli, root, out)
    assert result.exit_code == 0, result.output
    assert "muutmata" in result.stderr and "lisa-1.docx" in result.stderr
    assert _amend(cli, root, out).exit_code == 0 and len(_amendments(root)) == 1

    # a second change: lisa 2 lists it against lisa 1, not the contract
    _edit(root, hours=360)
    result = _amend(cli, root, out)
    assert result.exit_code == 0, result.output
    text = docx_text(out / CONTRACT.replace(".docx", "-lisa-2.docx"))
    assert "Lisa nr 2 praktikalepingule nr P1" in text
    assert "Maht (tundi) | 340 | 360" in text
    assert "Tiina Uus" not in text  # unchanged since lisa 1
    assert [a["number"] for a in _amendments(root)] == [1, 2]
    assert _amendments(root)[1]["terms"] == ["hours", "host.koodikoda.hours"]


def test_the_amendment_of_an_english_contract_is_english(cli, tmp_path):
    def english(files):
        files["placements.yaml"][0]["language"] = "en"
        # an English contract has English texts for the task and the school's representative
        files["members.yaml"][0]["contacts"][0]["role_en"] = "Director"
        files["tasks.yaml"][0]["en"] = {"title": "Building a website", "expected_results": ["A working website"]}

    root, out = _setup(tmp_path, cli, english)
    _edit(root, hours=340)
    result = _amend(cli, root, out)  # the run in Estonian, the amendment in the contract's language
    assert result.exit_code == 0, result.output
    text = docx_text(out / CONTRACT.replace(".docx", "-lisa-1.docx"))
    assert "Amendment No 1 to Placement Agreement No P1" in text
    assert "Hours | 312 | 340" in text
    assert "/signed digitally/" in text
    assert "Maht" not in text and "Lisa nr" not in text


def test_the_yaml_record_keeps_comments_and_the_other_records(cli, tmp_path):
    def with_p2(files):
        p2 = dict(files["placements.yaml"][0], id="P2", status="draft")
        files["placements.yaml"].append(p2)

    root, out = _setup(tmp_path, cli, with_p2)
    path = root / "placements.yaml"
    text = path.read_text(encoding="utf-8").replace("hours: 312", "hours: 340", 1)
    head, tail = text.split("- id: P2", 1)
    tail = "# P2 on mustand\n- id: P2" + tail
    path.write_text("# Praktikad — kommentaar jääb alles\n" + head + tail, encoding="utf-8")
    assert _amend(cli, root, out).exit_code == 0
    after = path.read_text(encoding="utf-8")
    assert after.startswith("# Praktikad — kommentaar jääb alles\n- id: P1\n")
    assert after.endswith(tail)  # the next record and its comment, byte for byte
    assert _amendments(root)[0]["terms"] == ["hours", "host.koodikoda.hours"]
    assert yaml.safe_load(after)[1]["id"] == "P2"


def test_the_terms_are_stored_in_a_custom_xml_part_outside_the_text_with_reproducible_bytes(cli, tmp_path):
    import re
    import zipfile

    from cluster_cli.contracts.terms import stored_terms

    root, out = _setup(tmp_path, cli)
    path = out / CONTRACT

    def part(p: Path) -> bytes:
        with zipfile.ZipFile(p) as z:
            [name] = [n for n in z.namelist() if re.fullmatch(r"customXml/item\d+\.xml", n)
                      and b"urn:cluster-cli:contract-terms" in z.read(n)[:300]]
            return z.read(name)

    terms = stored_terms(path)
    assert terms["hours"] == "312" and terms["host.koodikoda.supervisor"] == "Tiit Tarkvara"
    assert terms["period"] == "1. veebruar 2027 – 26. märts 2027"
    assert "urn:cluster-cli" not in docx_text(path) and "host.koodikoda" not in docx_text(path)
    again = tmp_path / "again"
    assert cli("contracts", "render", "P1", "--data", root, "--out", again, "--as-of", AS_OF).exit_code == 0
    assert part(again / CONTRACT) == part(path)  # the same terms, the same bytes
    resaved = tmp_path / "resaved.docx"  # an editor that keeps unknown parts keeps the snapshot
    Document(str(path)).save(str(resaved))
    assert stored_terms(resaved) == terms


def test_a_mobility_projects_bilateral_agreement_gets_its_estonian_amendment_too(cli, tmp_path):
    from tests.test_contracts_mobility import abroad

    files = base_data()
    abroad(files, mobility=True)
    root = write_data(tmp_path / "data", files)
    out = tmp_path / "out"

    def render():
        return cli("contracts", "render", "P3", "--data", root, "--out", out, "--as-of", AS_OF)

    assert render().exit_code == 0
    data = yaml.safe_load((root / "placements.yaml").read_text(encoding="utf-8"))
    next(p for p in data if p["id"] == "P3")["hours"] = 340
    write_data(root, {"placements.yaml": data})
    result = render()
    assert result.exit_code == 1 and result.stderr.count("muudetud ") == 2, result.output
    result = cli("contracts", "amend", "P3", "--data", root, "--out", out, "--as-of", AS_OF)
    assert result.exit_code == 0, result.output
    folder = out / "2026-2027" / "TA-24"
    english = docx_text(folder / "P3_Kuusk_Liis_Nordkoodi_Oy-lisa-1.docx")
    estonian = docx_text(folder / "P3_Kuusk_Liis_Nordkoodi_Oy_kahepoolne-lisa-1.docx")
    assert "Amendment No 1 to Placement Agreement No P3" in english and "Hours | 312 | 340" in english
    assert "Lisa nr 1 välispraktika lepingule nr P3" in estonian and "Maht (tundi) | 312 | 340" in estonian
    def signatures(path: Path) -> str:
        return "\n".join(c.text for row in Document(str(path)).tables[-1].rows for c in row.cells)

    assert "Nordkoodi Oy" in signatures(folder / "P3_Kuusk_Liis_Nordkoodi_Oy-lisa-1.docx")
    bilateral = signatures(folder / "P3_Kuusk_Liis_Nordkoodi_Oy_kahepoolne-lisa-1.docx")
    assert "Nordkoodi Oy" not in bilateral and "Anne Kuusk" in bilateral  # the host does not sign it
    result = render()  # both documents are current as amended
    assert result.exit_code == 0 and "muutmata 2," in result.stderr, result.output


def test_an_amendment_waits_for_its_signing_until_sign_amendment_records_it(cli, tmp_path):
    root, out = _setup(tmp_path, cli)
    _edit(root, hours=340)
    assert _amend(cli, root, out, "--date", "2026-11-25").exit_code == 0
    status = cli("contracts", "status", "P1", "--data", root, "--as-of", AS_OF, "--lang", "et")
    assert status.exit_code == 0, status.output
    assert "ootab lisa nr 1 allkirjastamist" in " ".join(status.stdout.split())
    assert "nr 1 (25.11.2026), allkirjastamata" in " ".join(status.stdout.split())
    listed = cli("contracts", "list", "--data", root, "--as-of", AS_OF, "--format", "json")
    [row] = [r for r in json.loads(listed.stdout)["contracts"] if r["id"] == "P1"]
    assert {"code": "amendment", "number": 1} in row["waiting"]

    wrong = cli("contracts", "sign", "P1", "--amendment", "2", "--date", "2026-11-26", "--data", root)
    assert wrong.exit_code == 1 and "lisa nr 2" in wrong.stderr
    both = cli("contracts", "sign", "P1", "--amendment", "1", "--party", "school", "--date", "2026-11-26",
               "--data", root)
    assert both.exit_code == 2 and "--amendment" in both.stderr
    assert cli("contracts", "sign", "P1", "--date", "2026-11-26", "--data", root).exit_code == 2

    result = cli("contracts", "sign", "P1", "--amendment", "1", "--date", "2026-11-26", "--data", root)
    assert result.exit_code == 0, result.output
    assert "lisa nr 1 allkirjastatud 26.11.2026" in " ".join(result.stderr.split())
    [entry] = _amendments(root)
    assert entry["signed"] == date(2026, 11, 26) and entry["number"] == 1
    status = cli("contracts", "status", "P1", "--data", root, "--as-of", AS_OF, "--lang", "et")
    assert "lisa nr 1" not in status.stdout
    assert "nr 1 (25.11.2026), allkirjastatud 26.11.2026" in " ".join(status.stdout.split())
    doc = json.loads(cli("contracts", "status", "P1", "--data", root, "--as-of", AS_OF, "--format", "json").stdout)
    assert doc["amendments"][0]["signed"] == "2026-11-26" and doc["waiting"] == []
    again = cli("contracts", "sign", "P1", "--amendment", "1", "--date", "2026-11-27", "--data", root)
    assert again.exit_code == 1 and "juba allkirjastatud" in again.stderr


def test_a_paper_amendment_has_signature_lines_and_its_heading_keeps_the_id_whole(cli, tmp_path):
    files = base_data()
    files["placements.yaml"][0]["id"] = "PA-2027-01"
    root = write_data(tmp_path / "data", files)
    out = tmp_path / "out"
    assert cli("contracts", "render", "PA-2027-01", "--data", root, "--out", out, "--as-of", AS_OF).exit_code == 0
    path = root / "placements.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data[0]["hours"] = 340
    write_data(root, {"placements.yaml": data})
    result = cli("contracts", "amend", "PA-2027-01", "--data", root, "--out", out, "--as-of", AS_OF,
                 "--date", "2026-11-23", "--signatures", "paper")
    assert result.exit_code == 0, result.output
    [lisa] = out.rglob("*-lisa-1.docx")
    doc = Document(str(lisa))
    text = docx_text(lisa)
    assert "Lisa nr 1 praktikalepingule nr PA\u20112027\u201101" in text  # no-break hyphens: never split
    assert "Koostamise kuupäev: 23.11.2026" in text
    assert "viimase allkirja andmise kuupäev" in text and "digitaal" not in text
    assert "Allkiri: ____" in text and "Kuupäev: ____" in text
    # the signature table never splits across a page; its heading keeps with it
    heading = next(p for p in doc.paragraphs if p.text == "4. Poolte allkirjad")
    assert heading.paragraph_format.keep_with_next
    rows = doc.tables[-1].rows
    assert all(r._tr.trPr is not None and r._tr.trPr.find(qn("w:cantSplit")) is not None for r in rows)


def test_a_finished_contract_still_waits_for_its_amendment_to_be_signed(cli, tmp_path):
    root, out = _setup(tmp_path, cli)
    _edit(root, hours=340)
    assert _amend(cli, root, out, "--date", "2026-11-25").exit_code == 0
    _edit(root, status="finished")
    status = cli("contracts", "status", "P1", "--data", root, "--as-of", AS_OF, "--lang", "en")
    assert status.exit_code == 0, status.output
    assert "waits for amendment no. 1 to be signed" in " ".join(status.stdout.split())
