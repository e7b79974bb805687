"""Number agreement in every area (issue 15): a count in a sentence takes the form of one or of
many in both languages — "1 vaba koht" / "2 vaba kohta", "1 free place" / "2 free places" —
through gettext plurals. One test per area, each with a count of 1 and of 2, through the real CLI."""

from __future__ import annotations

import json
from datetime import date

import pytest

from tests.conftest import AS_OF, base_data, write_data
from tests.test_allowances import applicant as special_applicant
from tests.test_allowances import cluster_with as allowance_cluster
from tests.test_allowances import special
from tests.test_grants import ROUND, applicant as grant_applicant
from tests.test_grants import cluster_with as grant_cluster
from tests.test_match import cluster as match_cluster

FORMS = {  # (language, count) -> the words the count agrees with
    "match": {("et", 1): "1 vaba koht kogu perioodiks", ("et", 2): "2 vaba kohta kogu perioodiks",
              ("en", 1): "1 free place for the whole period", ("en", 2): "2 free places for the whole period"},
    "grants": {("et", 1): "1 õppevõlgnevus seisuga", ("et", 2): "2 õppevõlgnevust seisuga",
               ("en", 1): "1 study debt on", ("en", 2): "2 study debts on"},
    "allowances": {("et", 1): "1 alaealine ülalpeetav, eelis alates 3-st",
                   ("et", 2): "2 alaealist ülalpeetavat, eelis alates 3-st",
                   ("en", 1): "1 minor dependant, preference", ("en", 2): "2 minor dependants, preference"},
    "files": {("et", 1): "jäi 1 kirje (S1) kontrollimata; viiteid sellele",
              ("et", 2): "jäi 2 kirjet (S1, S2) kontrollimata; viiteid neile",
              ("en", 1): "so 1 record (S1) was not checked; references to it",
              ("en", 2): "so 2 records (S1, S2) were not checked; references to them"},
    "output": {("et", 1): "(1 rida)", ("et", 2): "(2 rida)", ("en", 1): "(1 row)", ("en", 2): "(2 rows)"},
    "contracts": {("et", 1): "Andmetes on 1 laadimisviga, mis ei kuulu", ("et", 2): "Andmetes on 2 laadimisviga, mis",
                  ("en", 1): "The data has 1 loading error outside",
                  ("en", 2): "The data has 2 loading errors outside"},
}
CASES = [(lang, n) for lang in ("et", "en") for n in (1, 2)]


def _other(area: str, lang: str, n: int) -> str:
    return FORMS[area][(lang, 3 - n)]


def _json(result) -> dict:
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


@pytest.mark.parametrize("lang, n", CASES)
def test_match_free_places(cli, tmp_path, lang, n):
    root = write_data(tmp_path / "d", match_cluster("S3", koodikoda=n + 1, andmesild=n))  # S1 takes one
    doc = _json(cli("match", "--data", root, "--as-of", AS_OF, "--format", "json", "--lang", lang))
    text = json.dumps(doc, ensure_ascii=False)
    assert FORMS["match"][(lang, n)] in text and _other("match", lang, n) not in text


@pytest.mark.parametrize("lang, n", CASES)
def test_grants_debts(cli, tmp_path, lang, n):
    s = grant_applicant("A1", 1)
    s["grades"] += [{"module": f"M{2 + i}", "kind": "module", "value": 2, "date": date(2026, 6, 1)} for i in range(n)]
    root = write_data(tmp_path / "g", grant_cluster([s, grant_applicant("A2", 2)]))
    result = cli("grants", "rank", "--round", ROUND, "--data", root, "--format", "json", "--lang", lang)
    messages = [r["message"] for e in _json(result)["excluded"] for r in e["reasons"]]
    assert any(FORMS["grants"][(lang, n)] in m for m in messages), messages
    assert not any(_other("grants", lang, n) in m for m in messages)


@pytest.mark.parametrize("lang, n", CASES)
def test_allowances_minor_dependants(cli, tmp_path, lang, n):
    app = special(grounds=["minor_dependants"], minor_dependants=n)
    files = allowance_cluster([special_applicant("A1", 1, app=app)], profile={"special_minor_dependants_min": 3})
    root = write_data(tmp_path / "a", files)
    result = cli("allowances", "special", "--month", "2026-11", "--data", root, "--format", "json", "--lang", lang)
    text = json.dumps(_json(result), ensure_ascii=False)
    assert FORMS["allowances"][(lang, n)] in text and _other("allowances", lang, n) not in text


@pytest.mark.parametrize("lang, n", CASES)
def test_files_unread_records(cli, tmp_path, lang, n):
    files = base_data()
    broken = "- id: S1\n  first_name: Mart\n   last_name: Tamm\n" + ("- id: S2\n" if n == 2 else "")
    files["students/TA-24.yaml"] = broken
    root = write_data(tmp_path / "data", files)
    code, doc = cli.validate_json(root, "--lang", lang)
    [note] = [f for f in doc["findings"] if f["code"] == "file-unread-records"]
    assert FORMS["files"][(lang, n)] in note["message"], note["message"]


@pytest.mark.parametrize("lang, n", CASES)
def test_output_file_rows_and_cache_entries(cli, tmp_path, lang, n):
    root = write_data(tmp_path / "data", base_data())
    out = tmp_path / "m.csv"
    kind = "vocational_school" if n == 1 else "company"  # one school, two companies
    result = cli("members", "list", "--kind", kind, "--data", root, "--output", out, "--lang", lang)
    assert result.exit_code == 0, result.output
    assert FORMS["output"][(lang, n)] in result.stderr and _other("output", lang, n) not in result.stderr
    assert len(out.read_text(encoding="utf-8").splitlines()) == n + 1  # the header and n rows


@pytest.mark.parametrize("lang, n", CASES)
def test_contracts_refuse_loose_loading_errors(cli, tmp_path, lang, n):
    files = base_data()
    root = write_data(tmp_path / "data", files)
    broken = ["curricula.yaml", "groups.yaml"][:n]
    for name in broken:  # a file that cannot be read: which contracts it holds is unknown
        (root / name).write_text("- code: x\n   name: y\n", encoding="utf-8")
    result = cli("contracts", "render", "--all", "--out", tmp_path / "out", "--data", root, "--lang", lang)
    assert result.exit_code == 2, result.output
    assert FORMS["contracts"][(lang, n)] in result.stderr, result.stderr
    assert ("esimene:" in result.stderr or "first:" in result.stderr) is (n == 2)


def test_a_count_that_is_not_known_takes_the_form_of_many():
    from cluster_cli.i18n import t

    assert t("allowance.reason.ground-minor-dependants", "et", count="—", min=2).startswith("— alaealist")
