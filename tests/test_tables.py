"""Terminal tables (issue 14): nothing that identifies or counts is ever cut, tables fit the
terminal or turn into one record per block, --wide/--columns choose columns, piped text has no
trailing spaces, numbers and dates are written as the UI language writes them, long output on a
terminal goes through a pager."""

from __future__ import annotations

import json
import re
import shutil
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from cluster_cli.findings import Pii, mask
from cluster_cli.render import table as engine
from tests.conftest import AS_OF

SAMPLE = Path(__file__).resolve().parents[1] / "data"

# Every report of data/ whose text is made of views: name → the command line (without --data).
REPORTS = {
    "debts": ["debts", "--as-of", AS_OF],
    "debts-student": ["debts", "--as-of", AS_OF, "--student", "TA-24-09"],
    "grants-rank": ["grants", "rank", "--round", "2026-autumn"],
    "grants-fund": ["grants", "fund", "--year", "2026/2027"],
    "grants-report": ["grants", "report", "--month", "2026-11"],
    "allowances-special": ["allowances", "special", "--month", "2026-11"],
    "allowances-travel": ["allowances", "travel", "--month", "2026-11"],
    "allowances-lunch": ["allowances", "lunch", "--month", "2026-11"],
    "members-list": ["members", "list", "--as-of", AS_OF],
    "members-show": ["members", "show", "koodikoda", "--as-of", AS_OF],
    "tasks": ["tasks"],
    "match": ["match", "--as-of", AS_OF, "--from", "2027-01-01", "--to", "2027-06-30"],
    "calendar": ["calendar", "--as-of", AS_OF, "--days", "90"],
}
# Commands that print text of their own (findings, explanations, lists) rather than views.
TEXT_COMMANDS = {
    "grants-explain": ["grants", "explain", "TA-25-07", "--round", "2026-autumn"],
    "validate": ["validate", "--as-of", AS_OF],
    "rules": ["rules"],
    "profile": ["profile", "--as-of", AS_OF],
}


@pytest.fixture
def sample(tmp_path, monkeypatch):
    shutil.copytree(SAMPLE, tmp_path / "data")
    monkeypatch.chdir(tmp_path)
    return tmp_path / "data"


@pytest.fixture
def shown(monkeypatch):
    """The views each run laid out (the engine's entry point, recorded)."""
    seen: list = []
    real = engine.report_lines

    def recording(views, *args, **kwargs):
        seen.append(views)
        return real(views, *args, **kwargs)

    monkeypatch.setattr(engine, "report_lines", recording)
    return seen


def _json_leaves(node, out: set[str]) -> set[str]:
    if isinstance(node, dict):
        for value in node.values():
            _json_leaves(value, out)
    elif isinstance(node, list):
        for value in node:
            _json_leaves(value, out)
    elif node is not None and not isinstance(node, bool):
        out.add(str(node))
        if re.fullmatch(r"-?\d+(\.\d+)?", str(node)):  # an amount: 2.00 in JSON is the table's 2.0
            out.add(_raw(Decimal(str(node))))
    return out


def _raw(value) -> str:
    """A view's value as the JSON document writes it."""
    if isinstance(value, Pii):
        return mask(value)
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, (Decimal, int)) and not isinstance(value, bool):
        return f"{Decimal(value).normalize():f}"
    return str(value)


def _near(share, leaves: set[str]) -> bool:
    """A share the JSON document holds rounded to four places."""
    return any(re.fullmatch(r"-?\d+\.\d+", leaf) and abs(Decimal(leaf) - Decimal(share)) <= Decimal("0.00005")
               for leaf in leaves)


def _whole(needle: str, text: str) -> bool:
    """`needle` occurs in `text` not as a piece of a longer value (digits, letters, a decimal part)."""
    return re.search(r"(?<![\w.,])" + re.escape(needle) + r"(?![\w]|[.,]\d)", text) is not None


@pytest.mark.parametrize("name", sorted(REPORTS))
def test_every_id_date_and_amount_shown_at_80_columns_is_whole_and_the_jsons(cli, sample, shown, monkeypatch,
                                                                               name):
    """Generic over the views: every never-cut cell of every shown column that the JSON document
    also holds is printed whole (formatted as the table formats it) — so no id, date or amount is
    cut, and none printed differs from the JSON's."""
    args = REPORTS[name]
    monkeypatch.setenv("COLUMNS", "80")
    document = cli(*args, "--format", "json")
    assert document.exit_code == 0, document.output
    leaves = _json_leaves(json.loads(document.stdout), set())
    result = cli(*args)
    assert result.exit_code == 0, result.output
    text = result.stdout
    assert shown, "the engine laid nothing out"
    checked = missing = 0
    for view in shown[-1]:
        for key, _ in engine.chosen_columns(view, "et"):
            kind = engine.kind_of(view, key)
            if kind not in engine.NEVER_CUT or kind == "flag":
                continue
            for row in view.rows:
                values = row.get(key)
                for value in values if isinstance(values, (list, tuple)) else [values]:
                    if value is None or value == "":
                        continue
                    if _raw(value) not in leaves and not isinstance(value, (date, Decimal)):
                        missing += 1  # a label made for the table only (a translated state, "—")
                        continue
                    if kind == "share":  # the JSON carries a share to four places; the view exactly
                        assert _near(value, leaves), f"{view.name}.{key}: {value!r} is not in the JSON"
                    else:
                        assert _raw(value) in leaves, f"{view.name}.{key}: {value!r} is not in the JSON"
                    formatted = engine.format_value(value, kind, "et")
                    for item in formatted.split(", "):  # a list of clauses may wrap between its items
                        assert _whole(item, text), f"{view.name}.{key}: {item!r} of {formatted!r} is cut or missing"
                    checked += 1
    assert checked > missing, (checked, missing)


@pytest.mark.parametrize("name", sorted(REPORTS) + sorted(TEXT_COMMANDS))
def test_no_line_is_longer_than_80_columns(cli, sample, monkeypatch, name):
    args = {**REPORTS, **TEXT_COMMANDS}[name]
    monkeypatch.setenv("COLUMNS", "80")
    result = cli(*args)
    assert result.exit_code in (0, 1), result.output
    if name == "validate":  # findings quote the data's own lines, as they are in the file
        return
    long = [line for line in result.stdout.splitlines() if len(line) > 80]
    assert long == [], "\n".join(long)


@pytest.mark.parametrize("name", sorted(REPORTS))
def test_piped_text_has_no_trailing_spaces(cli, sample, name):
    result = cli(*REPORTS[name])
    assert result.exit_code == 0, result.output
    assert [line for line in result.stdout.splitlines() if line != line.rstrip()] == []


def _view(rows, **extra):
    from cluster_cli.render.views import View

    return View("debts", "debts.view.debts", [
        ("student", "col.student"), ("name", "col.name"), ("message", "col.message"), ("amount", "col.amount"),
    ], rows, **extra)


ROWS = [
    {"student": "TA-24-09", "name": "Mattias Karu", "message": "Praktika ei saa alata: lahtised võlgnevused " * 3,
     "amount": Decimal("10200.00")},
    {"student": "TA-24-10", "name": "Grete Roos", "message": "Teavita lapsevanemat.", "amount": Decimal("34.00")},
]


def test_a_table_that_fits_wraps_text_at_words_and_keeps_amounts_whole():
    lines = [x.text for x in engine.view_lines(_view(ROWS, kinds={"amount": "money"}), "et", False, 80)]
    assert all(len(line) <= 80 for line in lines)
    assert sum("10\u00a0200,00\u00a0€" in line for line in lines) == 1
    assert sum("34,00\u00a0€" in line for line in lines) == 1
    words = set("Praktika ei saa alata: lahtised võlgnevused".split())
    assert {w for line in lines for w in line.split()} >= words  # no word broken
    assert not any(line.startswith("Tudeng:") or ": " in line[:12] for line in lines[1:3])  # a table, not blocks


def test_when_even_the_narrowest_table_does_not_fit_records_become_blocks():
    lines = [x.text for x in engine.view_lines(_view(ROWS, kinds={"amount": "money"}), "et", False, 30)]
    assert "Õpilane: TA-24-09" in [re.sub(r" +", " ", line) for line in lines]
    assert "" in lines  # a blank line between records
    assert any(line.endswith("10\u00a0200,00\u00a0€") for line in lines)
    assert all(len(line) <= 30 for line in lines)


def test_a_never_cut_value_wider_than_the_terminal_stays_whole():
    rows = [{"student": "X" * 50, "name": "N", "message": "m", "amount": Decimal("1")}]
    lines = [x.text for x in engine.view_lines(_view(rows), "et", False, 40)]
    assert any("X" * 50 in line for line in lines)


def test_totals_row_sums_the_named_fields():
    lines = [x.text for x in engine.view_lines(_view(ROWS, kinds={"amount": "money"}, totals=("amount",)), "en",
                                               False, 120)]
    assert lines[-1].startswith("Total") and lines[-1].endswith("€10,234.00")


def test_compact_wide_and_columns_choose_columns(cli, sample):
    view = _view(ROWS, compact=("student", "amount"))
    assert [k for k, _ in engine.chosen_columns(view, "et")] == ["student", "amount"]
    assert [k for k, _ in engine.chosen_columns(view, "et", wide=True)] == ["student", "name", "message", "amount"]
    assert [k for k, _ in engine.chosen_columns(view, "et", names=["amount", "Nimi"])] == ["amount", "name"]

    result = cli("debts", "--as-of", AS_OF, "--view", "actions", "--columns", "student,due")
    assert result.exit_code == 0, result.output
    header = result.stdout.splitlines()[2].split()
    assert header == ["Õpilane", "Tähtaeg"]
    wide = cli("debts", "--as-of", AS_OF, "--view", "debts", "--wide")
    assert wide.exit_code == 0 and "Likvideeritud" in wide.stdout


def test_an_unknown_column_is_a_usage_error_listing_the_known_ones(cli, sample):
    result = cli("debts", "--as-of", AS_OF, "--columns", "student,shoe_size")
    assert result.exit_code == 2
    assert "shoe_size" in result.stderr and "student" in result.stderr and "Traceback" not in result.output


def test_a_table_written_with_output_honours_the_columns(cli, sample, tmp_path):
    out = tmp_path / "actions.txt"
    result = cli("debts", "--as-of", AS_OF, "--view", "actions", "--columns", "student,due", "--output", out)
    assert result.exit_code == 0, result.output
    assert out.read_text(encoding="utf-8").splitlines()[2].split() == ["Õpilane", "Tähtaeg"]


@pytest.mark.parametrize("lang, money, share, number, day, count", [
    ("et", "1\u00a0380,50\u00a0€", "79,5\u00a0%", "4,75", "04.12.2026", "10\u00a0200"),
    ("en", "€1,380.50", "79.5%", "4.75", "2026-12-04", "10,200"),
])
def test_numbers_and_dates_as_the_language_writes_them(lang, money, share, number, day, count):
    assert engine.format_value(Decimal("1380.50"), "money", lang) == money
    assert engine.format_value(Decimal("0.795"), "share", lang) == share
    assert engine.format_value(Decimal("4.75"), "number", lang) == number
    assert engine.format_value(date(2026, 12, 4), "date", lang) == day
    assert engine.format_value(10200, "count", lang) == count
    assert engine.format_value(2026, "count", lang) == "2026"  # four digits are not grouped
    assert engine.format_value(Decimal("0.125"), "money", lang).replace(",", ".").count("125") == 1  # exact


def test_estonian_dates_in_a_report_table(cli, sample):
    result = cli("debts", "--as-of", AS_OF, "--student", "TA-24-09", "--view", "debts", "--wide")
    assert "13.11.2026" in result.stdout and "2026-11-13" not in result.stdout
    english = cli("debts", "--as-of", AS_OF, "--student", "TA-24-09", "--view", "debts", "--wide", "--lang", "en")
    assert "2026-11-13" in english.stdout


def test_personal_codes_stay_masked_in_tables():
    view = _view([{**ROWS[0], "student": Pii("50801012231")}])
    text = " ".join(x.text for x in engine.view_lines(view, "et", False, 200))
    assert "50801012231" not in text and mask(Pii("50801012231")) in text


class _Pager:
    def __init__(self, monkeypatch, terminal=True):
        import cluster_cli.cli.terminal as common

        self.calls: list = []
        monkeypatch.setattr(common, "is_terminal", lambda: terminal)
        monkeypatch.setattr(common, "run_pager", lambda command, text: self.calls.append((command, text)) or True)


def test_long_output_on_a_terminal_goes_through_the_pager(cli, sample, monkeypatch):
    pager = _Pager(monkeypatch)
    monkeypatch.setenv("LINES", "10")
    monkeypatch.delenv("CLUSTER_PAGER", raising=False)
    monkeypatch.setenv("PAGER", "most")
    result = cli("debts", "--as-of", AS_OF)
    assert result.exit_code == 0 and result.stdout == ""
    assert pager.calls and pager.calls[0][0] == "most" and "TA-24-09" in pager.calls[0][1]
    monkeypatch.delenv("PAGER")
    cli("debts", "--as-of", AS_OF)
    assert pager.calls[-1][0] == "less -FRX"


@pytest.mark.parametrize("how", ["--no-pager", "CLUSTER_PAGER=", "short", "piped"])
def test_no_pager_when_asked_short_or_piped(cli, sample, monkeypatch, how):
    pager = _Pager(monkeypatch, terminal=how != "piped")
    monkeypatch.setenv("LINES", "100000" if how == "short" else "10")
    if how == "CLUSTER_PAGER=":
        monkeypatch.setenv("CLUSTER_PAGER", "")
    result = cli("debts", "--as-of", AS_OF, *(["--no-pager"] if how == "--no-pager" else []))
    assert result.exit_code == 0 and "TA-24-09" in result.stdout
    assert pager.calls == []


def test_a_pager_that_cannot_start_prints_directly(cli, sample, monkeypatch):
    import cluster_cli.cli.terminal as common

    monkeypatch.setattr(common, "is_terminal", lambda: True)
    monkeypatch.setenv("LINES", "10")
    monkeypatch.setenv("CLUSTER_PAGER", "no-such-pager-anywhere")
    result = cli("debts", "--as-of", AS_OF)
    assert result.exit_code == 0 and "TA-24-09" in result.stdout


def test_pager_cat_shows_everything(capfd, monkeypatch):
    import cluster_cli.cli.terminal as common

    monkeypatch.setattr(common, "is_terminal", lambda: True)
    monkeypatch.setenv("LINES", "2")
    monkeypatch.setenv("PAGER", "cat")
    monkeypatch.delenv("CLUSTER_PAGER", raising=False)
    common.page("one\ntwo\nthree\n")
    assert capfd.readouterr().out == "one\ntwo\nthree\n"


def test_a_compact_table_leaving_out_why_says_where_to_see_it(cli, monkeypatch):
    # "ei hüvitata" at 80 columns: the notes (why) are in a column the compact table leaves out
    monkeypatch.setenv("COLUMNS", "80")
    args = ("allowances", "travel", "--data", SAMPLE, "--month", "11.2026", "--lang", "et")
    compact = cli(*args).stdout
    assert "Põhjused ja märkused (veerg Märkus) näitab võti --wide." in compact
    wide = cli(*args, "--wide").stdout
    assert "--wide" not in wide and "Märkus" in wide  # shown: nothing to point at
