"""Dates inside sentences as the language writes them: Estonian `23.11.2026`, English ISO
`2026-11-23` — in titles, findings, reasons and actions. JSON keeps ISO in every language."""

from __future__ import annotations

import json
from pathlib import Path

from tests.conftest import AS_OF

SAMPLE = Path(__file__).resolve().parents[1] / "data"


def run(cli, *args: str):
    result = cli(*args, "--data", SAMPLE, "--no-pager")
    assert result.exit_code in (0, 1), result.output
    return result


def test_debts_title_and_actions_write_dates_as_the_language_does(cli):
    et = run(cli, "debts", "--as-of", AS_OF, "--student", "TA-24-09", "--view", "actions", "--lang", "et").stdout
    assert "seisuga 23.11.2026" in et
    assert "Praktika VV-2027-06 (08.02.2027) ei saa" in et
    assert "2027-02-08" not in et and "2026-11-23" not in et
    en = run(cli, "debts", "--as-of", AS_OF, "--student", "TA-24-09", "--view", "actions", "--lang", "en").stdout
    assert "2026-11-23" in en and "(2027-02-08)" in en
    assert "08.02.2027" not in en


def test_findings_write_dates_as_the_language_does_also_from_the_cache(cli):
    for _ in range(2):  # the second run reads the findings from the cache: their dates stay dates
        # a finding may wrap at any space, and where depends on the length of the data folder's path
        et = " ".join(run(cli, "validate", "--as-of", AS_OF, "--lang", "et").stdout.split())
        assert "likvideeritud praktika alguseks 08.02.2027" in et
        en = run(cli, "validate", "--as-of", AS_OF, "--lang", "en").stdout
        assert "2027-02-08" in en and "08.02.2027" not in en


def test_json_keeps_iso_dates_in_its_messages_in_estonian_too(cli):
    doc = json.loads(run(cli, "debts", "--as-of", AS_OF, "--student", "TA-24-09", "--format", "json",
                         "--lang", "et").stdout)
    messages = " ".join(a["message"] for r in doc["students"] for a in r["actions"])
    assert "(2027-02-08)" in messages and "08.02.2027" not in messages
    findings = json.loads(run(cli, "validate", "--as-of", AS_OF, "--format", "json", "--lang", "et").stdout)
    text = " ".join(f["message"] for f in findings["findings"])
    assert "2027-02-08" in text and "08.02.2027" not in text


def test_grants_explain_writes_the_rounds_dates_as_the_language_does(cli):
    et = run(cli, "grants", "explain", "TA-25-07", "--round", "2026-autumn", "--lang", "et").stdout
    assert "taotlused kuni 10.09.2026" in et
    en = run(cli, "grants", "explain", "TA-25-07", "--round", "2026-autumn", "--lang", "en").stdout
    assert "2026-09-10" in en
    doc = json.loads(run(cli, "grants", "explain", "TA-25-07", "--round", "2026-autumn", "--format", "json",
                         "--lang", "et").stdout)
    assert "2026-09-10" in doc["explanation"][0]


def test_a_usage_error_names_the_date_as_the_language_does(cli):
    et = cli("match", "--data", SAMPLE, "--from", "2027-03-01", "--to", "2027-02-01", "--lang", "et")
    assert et.exit_code == 2 and "01.03.2027" in et.stderr
    en = cli("match", "--data", SAMPLE, "--from", "2027-03-01", "--to", "2027-02-01", "--lang", "en")
    assert en.exit_code == 2 and "2027-03-01" in en.stderr
