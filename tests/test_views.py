"""What every report's views say (issue 14): labels that do not mislead, every `--format` honoured
or refused, an empty result that says why on stderr, and the views' kinds, compact sets and
totals."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from tests.conftest import AS_OF, write_data
from tests.test_grants import ROUND, applicant, cluster_with

SAMPLE = Path(__file__).resolve().parent.parent / "data"


def _csv(text: str) -> list[dict]:
    return list(csv.DictReader(io.StringIO(text)))


# --- labels that do not mislead ---------------------------------------------------------------


def test_fund_counts_the_curriculums_applicants(cli, tmp_path):
    """`grants fund` under the places split: "Taotlejaid" is how many applied, not 0."""
    root = write_data(tmp_path / "d", cluster_with([applicant("A1", 1), applicant("A2", 2), applicant("A3", 3)]))
    result = cli("grants", "fund", "--year", "2026/2027", "--data", root, "--format", "csv", "--view", "curricula")
    assert result.exit_code == 0, result.output
    rows = {r["Voor"]: r for r in _csv(result.stdout)}
    assert rows["2026-sügis"]["Taotlejaid"] == "3"  # the round in words (2026-autumn)
    assert rows["2027-kevad"]["Taotlejaid"] == "0"
    # the JSON document keeps its own field (the eligible applicants the split rule weighs)
    doc = json.loads(cli("grants", "fund", "--year", "2026/2027", "--data", root, "--format", "json").stdout)
    assert doc["rounds"][0]["curricula"][0]["eligible_applicants"] == 0


def test_fund_calls_capacity_what_it_is(cli, tmp_path):
    """The allowances a curriculum's share pays for are places, not awards ("Määratud")."""
    root = write_data(tmp_path / "d", cluster_with([applicant("A1", 1)]))
    for lang, banned in (("et", "määratud"), ("en", "awarded")):
        out = cli("grants", "fund", "--year", "2026/2027", "--data", root, "--lang", lang).stdout
        assert banned not in out.lower(), out
    out = cli("grants", "fund", "--year", "2026/2027", "--data", root, "--format", "csv", "--view", "curricula").stdout
    header = next(csv.reader(io.StringIO(out)))
    assert "Toetuskohti" in header and "Kohtade summa €" in header


@pytest.mark.parametrize("lang, today", [("et", "täna"), ("en", "today")])
def test_calendar_does_not_call_a_date_today(cli, lang, today):
    result = cli("calendar", "--data", SAMPLE, "--as-of", AS_OF, "--days", "60", "--lang", lang, "--format", "json")
    assert result.exit_code == 0, result.output
    doc = json.loads(result.stdout)
    pays = [e for e in doc["events"] if e["kind"] == "grant-pay"]
    assert pays and all(e["date"] != AS_OF for e in pays)
    assert not [e["message"] for e in doc["events"] if today in e["message"].lower()]
    table = cli("calendar", "--data", SAMPLE, "--as-of", AS_OF, "--days", "60", "--lang", lang).stdout
    assert today not in table.lower()


# --- --format honoured or refused -------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_explain_refuses_a_format_it_cannot_produce(cli, tmp_path, fmt):
    root = write_data(tmp_path / "d", cluster_with([applicant("A1", 1)]))
    result = cli("grants", "explain", "A1", "--round", ROUND, "--data", root, "--format", fmt, "--lang", "en")
    assert result.exit_code == 2, result.output
    assert result.stdout == ""
    assert f"--format {fmt}" in result.stderr and "table, json" in result.stderr


def test_explain_honours_table_and_json(cli, tmp_path):
    root = write_data(tmp_path / "d", cluster_with([applicant("A1", 1)]))
    text = cli("grants", "explain", "A1", "--round", ROUND, "--data", root, "--format", "table")
    assert text.exit_code == 0 and "A1" in text.stdout
    doc = json.loads(cli("grants", "explain", "A1", "--round", ROUND, "--data", root, "--format", "json").stdout)
    assert doc["student"] == "A1" and doc["eligible"] is True


# --- an empty result says why on stderr, exit 0 -----------------------------------------------


@pytest.mark.parametrize("args, et, en", [
    (["grants", "rank", "--round", "2030-autumn"], "Vooru 2030-sügis taotlusi pole",
     "No applications in round 2030-autumn"),
    (["match", "--as-of", AS_OF, "--from", "2026-07-01", "--to", "2026-07-02"],
     "Ükski õpilane ei vaja praktikakohta", "No placements need a host between 2026-07-01 and 2026-07-02"),
    (["debts", "--as-of", AS_OF, "--student", "TA-24-01"], "pole seisuga 23.11.2026 võlgu",
     "Student TA-24-01 has no debts as of 2026-11-23"),
    (["allowances", "travel", "--month", "2030-01"], "Kuu 01.2030 sõidukulude taotlusi pole",
     "No travel claims for 2030-01"),
    (["members", "list", "--kind", "university", "--curriculum", "198722"], "Ükski liige ei vasta valikule",
     "No member matches the selection"),
])
def test_an_empty_result_says_why(cli, args, et, en):
    for lang, why in (("et", et), ("en", en)):
        for fmt in ("table", "json"):
            result = cli(*args, "--data", SAMPLE, "--lang", lang, "--format", fmt, "--no-cache")
            assert result.exit_code == 0, result.output
            assert why in result.stderr, result.stderr
            assert why not in result.stdout
    quiet = cli(*args, "--data", SAMPLE, "--quiet")
    assert quiet.exit_code == 0 and quiet.stderr == ""


def test_a_report_with_rows_says_nothing_on_stderr(cli):
    result = cli("grants", "rank", "--round", ROUND, "--data", SAMPLE)
    assert result.exit_code == 0 and result.stderr == ""


# --- typed values, kinds, compact sets, totals -----------------------------------------------


def test_shares_are_typed_numbers_in_xlsx(cli, tmp_path):
    """Attendance rates and score shares go out as numbers (0.797), not text ("79.7 %")."""
    from openpyxl import load_workbook

    out = tmp_path / "debts.xlsx"
    assert cli("debts", "--data", SAMPLE, "--as-of", AS_OF, "--format", "xlsx", "--output", out).exit_code == 0
    sheet = load_workbook(out)["puudumised"]
    header = [c.value for c in sheet[2]]  # row 1 is the sheet's title row
    rates = [row[header.index("Osalemine")] for row in sheet.iter_rows(min_row=3, values_only=True)]
    assert rates and all(isinstance(r, (int, float)) and 0 <= r <= 1 for r in rates if r is not None)
    out = tmp_path / "rank.xlsx"
    assert cli("grants", "rank", "--round", ROUND, "--data", SAMPLE, "--format", "xlsx", "--output", out).exit_code == 0
    sheet = load_workbook(out)["pingerida"]
    header = [c.value for c in sheet[2]]
    values = [row[header.index("Õppekava täitmine")] for row in sheet.iter_rows(min_row=3, values_only=True)]
    assert values and all(isinstance(v, (int, float)) and 0 <= v <= 1 for v in values if v is not None)


def _sample_views():
    from datetime import date

    from cluster_cli.pipeline import load
    from cluster_cli.render import allowances, calendar, debts, grants, matching, members
    from cluster_cli.reports import calendar as rc
    from cluster_cli.reports import grants as rg
    from cluster_cli.reports import matching as rm
    from cluster_cli.reports import members as rmem
    from cluster_cli.reports.debts import debt_report
    from cluster_cli.reports.lunch import lunch_report
    from cluster_cli.reports.special_allowance import special_report
    from cluster_cli.reports.travel import travel_report

    loaded = load(SAMPLE, cache=False)
    ds, pr, day = loaded.dataset, loaded.profile, date.fromisoformat(AS_OF)
    return [
        *debts.views(debt_report(ds, pr, day), "et"),
        *grants.ranking_views(rg.rank(ds, pr, ROUND), "et"),
        *grants.fund_views(rg.year_fund(ds, pr, "2026/2027"), "et"),
        *grants.month_views(rg.month_report(ds, pr, "2026-11"), "et"),
        *allowances.special_views(special_report(ds, pr, "2026-11"), "et"),
        *allowances.travel_views(travel_report(ds, pr, "2026-11"), "et"),
        *allowances.lunch_views(lunch_report(ds, pr, "2026-11"), "et"),
        *matching.views(rm.match(ds, pr, day, date(2027, 1, 1), date(2027, 6, 30)), "et"),
        *calendar.views(rc.calendar_report(ds, pr, day, 60), "et"),
        *members.members_views(rmem.members_report(ds, day), "et"),
        *members.member_views(rmem.member_detail(ds, "koodikoda", day), "et"),
        *members.tasks_views(rmem.task_rows(ds), "et"),
    ]


def test_every_view_names_real_columns_in_kinds_compact_and_totals():
    from decimal import Decimal

    from cluster_cli.render.views import KINDS

    for view in _sample_views():
        fields = [k for k, _ in view.columns]
        assert set(view.kinds) <= set(fields) and set(view.kinds.values()) <= set(KINDS), view.name
        assert set(view.compact) <= set(fields) and set(view.totals) <= set(fields), view.name
        for key, kind in view.kinds.items():
            if kind in ("money", "share", "number"):
                assert all(isinstance(r.get(key), (Decimal, type(None))) for r in view.rows), (view.name, key)
        for key in view.totals:
            assert all(isinstance(r.get(key), (int, Decimal, type(None))) for r in view.rows), (view.name, key)


@pytest.mark.parametrize("lang", ["et", "en"])
def test_compact_sets_fit_80_columns(lang):
    """Estimated as a table draws them: the widest header or value of each compact column (prose
    wraps, so counts at most 16) and two spaces between columns."""
    from cluster_cli.i18n import t
    from cluster_cli.render.files import plain
    from cluster_cli.render.views import PROSE_COLUMNS

    for view in _sample_views():
        columns = [(k, h) for k, h in view.columns if not view.compact or k in view.compact]
        width = 2 * (len(columns) - 1)
        for key, header in columns:
            w = max([len(t(header, lang))] + [len(plain(r.get(key), False)) for r in view.rows])
            prose = view.kinds.get(key) == "text" or (key not in view.kinds and key in PROSE_COLUMNS)
            width += min(w, 16) if prose else w
        assert width <= 80, (view.name, width)


@pytest.mark.parametrize("lang, words", [("et", ("kehtiv", "lõppenud")), ("en", ("valid", "finished"))])
def test_members_show_words_placement_statuses_in_the_users_language(cli, lang, words):
    """A table shows a placement's status as a word of the user's language; JSON keeps the code."""
    result = cli("members", "show", "koodikoda", "--data", SAMPLE, "--as-of", AS_OF, "--lang", lang, "--wide",
                 "--view", "placements")
    assert result.exit_code == 0, result.output
    table = result.stdout.split("\n", 2)[2]  # below the titles
    assert all(w in table for w in words)
    if lang == "et":
        assert "finished" not in table and "valid" not in table
    document = json.loads(cli("members", "show", "koodikoda", "--data", SAMPLE, "--as-of", AS_OF,
                              "--format", "json").stdout)
    assert {p["status"] for p in document["placements"]} <= {"draft", "review", "valid", "finished", "cancelled"}


def test_every_placement_status_has_a_word():
    from cluster_cli.render.members import STATUS_WORDS
    from cluster_cli.vocabulary import PLACEMENT_STATUSES

    assert set(STATUS_WORDS) == set(PLACEMENT_STATUSES)


def test_an_empty_payment_list_does_not_offer_the_unmasked_list(cli):
    """Nobody to pay in the month: the reason is said, but no "add --show-pii for the bank" note."""
    result = cli("grants", "report", "--month", "2030-11", "--data", SAMPLE, "--no-cache")
    assert result.exit_code == 0, result.output
    assert "11.2030" in result.stderr and "--show-pii" not in result.stderr


@pytest.mark.parametrize("lang, words", [("et", ("keskmine 2,63", "≥ 3,00")), ("en", ("average 2.63", "≥ 3.00"))])
def test_numbers_inside_reasons_are_written_as_the_language_writes_them(cli, tmp_path, lang, words):
    """A threshold reason's score and limit: a decimal comma in Estonian, a point in English; the
    weighted average 21/8 rounds half up (2.63), as the table and the JSON show it too. The
    threshold is the school's own condition (Lisa 11 V.2 sets none), so the sample gets one."""
    import shutil

    data = tmp_path / "data"
    shutil.copytree(SAMPLE, data)
    (data / "profile.yaml").write_text(
        "parameters:\n  grant_ranking:\n    values:\n      2022-08-25:\n"
        "        criteria: [{name: weighted_average, min: 3}, {name: period_average}, {name: completion},"
        " {name: unexcused}]\n"
        "        tie_breaks: [outstanding_results, social_activity, attendance, lower_income]\n", encoding="utf-8")
    document = json.loads(cli("grants", "rank", "--round", "2026-autumn", "--data", data, "--lang", lang,
                              "--format", "json").stdout)
    text = json.dumps(document, ensure_ascii=False).lower()
    assert all(w in text for w in words), words


def test_view_is_chosen_by_its_sheet_word_too(cli):
    """Issue 15: `--view tegevused` (the word the XLSX sheet shows) is `--view actions`; an unknown
    view names both forms."""
    by_word = cli("debts", "--data", SAMPLE, "--as-of", AS_OF, "--view", "Tegevused", "--format", "csv")
    by_code = cli("debts", "--data", SAMPLE, "--as-of", AS_OF, "--view", "actions", "--format", "csv")
    assert by_word.exit_code == 0 and by_word.stdout == by_code.stdout
    wrong = cli("debts", "--data", SAMPLE, "--as-of", AS_OF, "--view", "volad")
    assert wrong.exit_code == 2 and "tegevused (actions)" in wrong.stderr
