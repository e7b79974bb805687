"""Lisa 7 12.7.2: a placement abroad within a mobility project gets two documents — the English
tripartite project agreement (citing 12.7.2) and the Estonian bilateral school–student
agreement; a self-found placement abroad (12.7.1) only the English one. Rendered through the
real CLI; each .docx is opened and its text read."""

from __future__ import annotations

import json
from datetime import date

import pytest

from tests.test_contracts import add_foreign_host, docx_files, docx_text, minor_placement
from tests.test_contracts import run as _render


@pytest.fixture
def run(cli, tmp_path):
    return _render.__wrapped__(cli, tmp_path)


def abroad(files, mobility: bool) -> None:
    add_foreign_host(files)
    minor_placement(files, "P3").update(
        kind="abroad", country="FI", language="en", place="Nordkoodi Oy", mobility_project=mobility,
        address="Mannerheimintie 12, 00100 Helsinki",
        hosts=[{"member": "nordkoodi", "start": date(2027, 2, 1), "end": date(2027, 3, 26),
                "supervisor": {"name": "Mikko Mäkinen", "email": "mikko@nordkoodi.fi"},
                "tasks": [{"text": "Mobile app testing"}]}],
        guardian_consent={"date": date(2026, 11, 16), "document": "Kirjalik nõusolek nr 7/2026",
                          "document_en": "Written consent no 7/2026"},
    )


def test_lisa_7_12_7_2_mobility_project_renders_the_english_and_the_estonian_two_party_contract(run):
    result, out = run("P3", change=lambda f: abroad(f, mobility=True))
    assert result.exit_code == 0, result.output
    names = [p.name for p in docx_files(out)]
    assert names == ["P3_Kuusk_Liis_Nordkoodi_Oy.docx", "P3_Kuusk_Liis_Nordkoodi_Oy_kahepoolne.docx"]
    english, estonian = (docx_text(p) for p in docx_files(out))

    assert "Placement Agreement No P3" in english
    assert "Annex 7 12.7.2" in english and "12.7.1" not in english
    assert "separate bilateral agreement in Estonian" in english

    for expected in ("Välispraktika leping nr P3", "Kahepoolne leping kooli ja õpilase vahel",
                     "Lisa 7 p 12.7.2", "Vana-Vigala Tehnika- ja Teeninduskool", "Liis Kuusk",
                     "1. veebruar 2027", "26. märts 2027", "Soome", "Nordkoodi Oy",
                     "eraldi ingliskeelse projektilepingu nr P3",
                     "Alaealise õpilase seaduslik esindaja\nAnne Kuusk\n/allkirjastatud digitaalselt/",
                     "Kirjalik nõusolek nr 7/2026"):
        assert expected in estonian, expected
    assert "None" not in estonian and "{{" not in estonian and "{%" not in estonian
    assert "toimub ajavahemikul" in estonian and " algab " not in estonian  # no date in the nominative after "algab"
    assert "Mikko Mäkinen" not in estonian.split("Poolte allkirjad")[1]  # the host does not sign it

    rows = json.loads((out / "manifest.json").read_text(encoding="utf-8"))["contracts"]
    assert [(r["placement"], r["template"], r["status"]) for r in rows] == [
        ("P3", "placement_agreement_en.docx", "created"), ("P3", "valispraktikaleping_et.docx", "created")]

    again, _ = run("P3")
    verdicts = [line.split()[0] for line in again.stderr.splitlines() if line.endswith(".docx")]
    assert again.exit_code == 0 and verdicts == ["muutmata", "muutmata"], again.output


def test_lisa_7_12_7_1_self_found_placement_abroad_has_only_the_english_contract(run):
    result, out = run("P3", change=lambda f: abroad(f, mobility=False))
    assert result.exit_code == 0, result.output
    [path] = docx_files(out)
    text = docx_text(path)
    assert "Annex 7 12.7.1" in text and "12.7.2" not in text and "bilateral" not in text
