"""Words shown to people, codes kept for programs: contract verdicts, debt actions, `-v` stages,
profile units and the `cache` lines in the user's language; JSON keeps the English code."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from tests.conftest import AS_OF

SAMPLE = Path(__file__).resolve().parents[1] / "data"


def test_contract_verdicts_are_words_of_the_language(cli, tmp_path):
    et = cli("contracts", "render", "--data", SAMPLE, "--all", "--dry-run", "--out", tmp_path / "c", "--lang", "et")
    assert et.exit_code in (0, 1), et.output
    assert et.stderr.startswith("loodud ") and "\ncreated " not in et.stderr
    en = cli("contracts", "render", "--data", SAMPLE, "--all", "--dry-run", "--out", tmp_path / "c", "--lang", "en")
    assert en.stderr.startswith("created    ")


def test_debt_actions_show_words_in_tables_and_csv_and_codes_in_json(cli):
    args = ("debts", "--data", SAMPLE, "--as-of", AS_OF, "--view", "actions", "--no-pager")
    rows = list(csv.DictReader(io.StringIO(cli(*args, "--format", "csv", "--lang", "et").stdout)))
    words = {r["Tegevus"] for r in rows}
    assert {"ümarlaud", "lapsevanema teavitamine"} <= words
    assert not words & {"round-table", "notify-parent"}
    en_rows = list(csv.DictReader(io.StringIO(cli(*args, "--format", "csv", "--lang", "en").stdout)))
    assert {"round table", "notify parent"} <= {r["Action"] for r in en_rows}
    doc = json.loads(cli(*args, "--format", "json", "--lang", "et").stdout)
    codes = {a["code"] for s in doc["students"] for a in s["actions"]}
    assert {"round-table", "notify-parent"} <= codes


def test_verbose_stages_and_timings_in_the_language(cli):
    et = cli("debts", "--data", SAMPLE, "--as-of", AS_OF, "-v", "--no-pager", "--lang", "et")
    assert "etapp laadimine: 0," in et.stderr and "etapp võlad: " in et.stderr
    assert "etapp load" not in et.stderr
    en = cli("debts", "--data", SAMPLE, "--as-of", AS_OF, "-v", "--no-pager", "--lang", "en")
    assert "stage load: 0." in en.stderr and "stage debts: " in en.stderr


def test_profile_units_are_words_of_the_language(cli):
    et = cli("profile", "--data", SAMPLE, "--as-of", AS_OF, "--no-pager", "--lang", "et").stdout
    assert "tundi" in et and "aastat" in et and " hours " not in et and " years " not in et
    doc = json.loads(cli("profile", "--data", SAMPLE, "--as-of", AS_OF, "--format", "json", "--lang", "et").stdout)
    assert {r["unit"] for r in doc} >= {"hours", "years"}


def test_cache_info_writes_numbers_and_dates_as_the_language_does(cli):
    cli("validate", "--data", SAMPLE, "--as-of", AS_OF)  # fills the cache (and stamps its pruning)
    et = cli("cache", "info", "--data", SAMPLE, "--lang", "et").stdout
    assert "kirjet" in et and "\u00a0MB" in et  # (a no-break space: the number stays with its unit)
    size = et.splitlines()[1].split(", ")[1]
    assert "," in size and "." not in size, size
    assert "viimati " in et and "-" not in et.split("viimati ")[1]
    en = cli("cache", "info", "--data", SAMPLE, "--lang", "en").stdout
    assert "." in en.splitlines()[1].split(", ")[1]
