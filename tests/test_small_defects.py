"""Small defects a secretary met (round 6 testers' list), each through the real CLI."""

from __future__ import annotations

import pytest

import re
import shutil
from pathlib import Path

from tests.conftest import AS_OF, base_data, write_data

SAMPLE = Path(__file__).resolve().parent.parent / "data"
NBSP = "\u00a0"


@pytest.fixture
def sample(tmp_path, monkeypatch):
    shutil.copytree(SAMPLE, tmp_path / "data")
    monkeypatch.chdir(tmp_path)
    return tmp_path / "data"


# --- calendar --ics: the note counts events, not rows -------------------------------------------

def test_calendar_ics_note_counts_events(cli, tmp_path):
    from icalendar import Calendar

    root = write_data(tmp_path / "d", base_data())
    ics = tmp_path / "tahtajad.ics"
    for lang, word in (("et", "sündmust)"), ("en", "events)")):
        result = cli("calendar", "--data", root, "--as-of", AS_OF, "--days", "180", "--ics", ics, "--lang", lang)
        assert result.exit_code == 0, result.output
        count = len(Calendar.from_ical(ics.read_bytes()).walk("VEVENT"))
        assert count > 1
        assert f"({count} {word}" in result.stderr, result.stderr
        assert "rida" not in result.stderr and "rows" not in result.stderr


# --- a table's text cell never cuts an amount at its no-break spaces --------------------------------

def test_an_amount_in_a_narrow_text_column_stays_on_one_line(cli, sample, monkeypatch):
    monkeypatch.setenv("COLUMNS", "45")
    result = cli("allowances", "special", "--data", sample, "--month", "11.2026", "--view", "fund", "--lang", "et")
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert all(len(line) <= 45 for line in lines), result.stdout
    # the fund's items are sentences with amounts in them ("… jääk 7 056,00 € …"); at 45 columns they wrap
    amounts = [m for line in lines for m in re.findall(rf"\d{{1,3}}(?:{NBSP}\d{{3}})+,\d\d{NBSP}€", line)]
    assert f"7{NBSP}056,00{NBSP}€" in amounts and f"17{NBSP}856,00{NBSP}€" in amounts, result.stdout


# --- README's Templates section and the CLUSTER_TEMPLATES hint name every template -------------------

ROOT = Path(__file__).resolve().parent.parent


def test_readme_templates_section_names_every_packaged_template():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("\n### Templates\n", 1)[1].split("\n## ", 1)[0]
    packaged = sorted(p.name for p in (ROOT / "cluster_cli" / "templates").glob("*.docx"))
    assert len(packaged) == 5
    assert [name for name in packaged if f"`{name}`" not in section] == []
    assert "12.7.2" in section


def test_cluster_templates_hint_names_every_template(cli, tmp_path, monkeypatch):
    root = write_data(tmp_path / "data", base_data())
    monkeypatch.setenv("CLUSTER_TEMPLATES", str(tmp_path / "nowhere"))
    for lang in ("et", "en"):
        result = cli("contracts", "render", "P1", "--data", root, "--out", tmp_path / "out", "--as-of", AS_OF,
                     "--lang", lang)
        assert result.exit_code == 2, result.output
        text = " ".join(result.stderr.split())
        packaged = sorted(p.name for p in (ROOT / "cluster_cli" / "templates").glob("*.docx"))
        assert [name for name in packaged if name not in text] == [], text


# --- the open-debts warning names the as-of date, not "today" ------------------------------------------

def test_open_debts_before_start_says_as_of_date_not_today(cli, tmp_path):
    from datetime import date

    files = base_data()  # P1 (S1, valid) starts 2027-02-01
    files["students/TA-24.yaml"][0]["grades"].append(
        {"module": "M2", "kind": "module", "value": 2, "date": date(2026, 11, 2)})
    root = write_data(tmp_path / "d", files)
    for lang, said, never in (("et", "seisuga 15.12.2026 1 lahtine", "täna"), ("en", "as of 2026-12-15", "today")):
        result = cli("validate", "--data", root, "--as-of", "2026-12-15", "--lang", lang)
        line = next(x for x in result.stdout.splitlines() if "open-debts" in x)
        assert said in line and never not in line, line


# --- a list value in a message is written as the secretary wrote it -----------------------------------

def test_a_list_value_in_a_finding_is_written_a_comma_b(cli, tmp_path):
    files = base_data()
    files["students/TA-24.yaml"][0]["course"] = ["a", "b"]
    files["students/TA-24.yaml"][0]["first_name"] = ["Mart", "Jaan"]
    root = write_data(tmp_path / "d", files)
    for lang in ("et", "en"):
        code, doc = cli.validate_json(root, "--lang", lang)
        messages = [f["message"] for f in doc["findings"] if f["code"] == "invalid-value"]
        assert len(messages) == 2 and code == 1, doc
        assert any("'a, b'" in m for m in messages) and any("'Mart, Jaan'" in m for m in messages), messages
        assert not any("[" in m for m in messages), messages


# --- a boolean is not a number ------------------------------------------------------------------------

def test_a_boolean_where_a_number_goes_is_a_finding_with_its_line(cli, tmp_path):
    files = base_data()
    files["students/TA-24.yaml"][1]["course"] = True
    files["curricula.yaml"][0]["ekap"] = True
    files["students/TA-24.yaml"][0]["attendance"][0]["lessons"] = False
    root = write_data(tmp_path / "d", files)
    code, doc = cli.validate_json(root)
    found = {(f["file"].rsplit("/", 1)[-1], f["path"].rsplit(".", 1)[-1], f["line"] > 0)
             for f in doc["findings"] if f["code"] == "invalid-value"}
    assert code == 1
    assert found == {("TA-24.yaml", "course", True), ("curricula.yaml", "ekap", True),
                     ("TA-24.yaml", "lessons", True)}, doc["findings"]
    result = cli("validate", "--data", root, "--as-of", AS_OF, "--lang", "et")
    assert "Välja 'course' väärtus 'true' ei sobi: oodatakse täisarvu." in result.stdout


# --- did you mean: the id with the leading zero left out comes first --------------------------------------

@pytest.mark.parametrize("typed, first", [("TA-25-3", "TA-25-03"), ("ta-25-3", "TA-25-03"),
                                          ("TA-25-15", "TA-25-14")])
def test_near_miss_ranks_a_missing_leading_zero_or_last_digit_typo_first(cli, sample, typed, first):
    result = cli("debts", "--data", sample, "--student", typed, "--as-of", AS_OF, "--lang", "et")
    assert result.exit_code == 2, result.output
    suggested = re.search(r"Kas mõtlesite: (.*)\?", result.stderr).group(1).split(", ")
    assert suggested[0] == first, result.stderr


# --- a placement's status is shown with the catalogue's words -------------------------------------------

def test_a_skipped_contract_names_the_status_in_words(cli, tmp_path):
    import copy

    files = base_data()
    draft = copy.deepcopy(files["placements.yaml"][0])
    draft.update(id="P-DRAFT", status="draft")
    files["placements.yaml"].append(draft)
    root = write_data(tmp_path / "d", files)
    for lang, said in (("et", "olek mustand:"), ("en", "status draft:")):
        out = tmp_path / f"out-{lang}"
        result = cli("contracts", "render", "--data", root, "--status", "draft", "--out", out, "--as-of", AS_OF,
                     "--lang", lang)
        assert result.exit_code == 0, result.output
        assert said in result.output, result.output
        if lang == "et":
            assert "draft" not in result.output and "eelnõu" not in result.output, result.output


# --- validate's "Parandus:" hints wrap at the terminal's width -------------------------------------------

def _hints(output: str, label: str = "Parandus: ") -> list[str]:
    """Each hint line, with its wrapped continuation lines joined back on."""
    hints: list[str] = []
    indent = " " * (3 + len(label))
    previous_was_hint = False
    for line in output.splitlines():
        if line.startswith("   " + label):
            hints.append(line.strip())
            previous_was_hint = True
        elif previous_was_hint and line.startswith(indent) and "│" not in line:
            hints[-1] += " " + line.strip()
        else:
            previous_was_hint = False
    return hints


def test_validate_hints_wrap_at_80_columns_and_piped_output_is_unchanged(cli, sample, monkeypatch):
    monkeypatch.delenv("COLUMNS")
    piped = cli("validate", "--data", "data", "--as-of", AS_OF, "--lang", "et").stdout
    assert any(len(line) > 80 for line in piped.splitlines() if line.startswith("   Parandus: "))
    monkeypatch.setenv("COLUMNS", "80")
    wrapped = cli("validate", "--data", "data", "--as-of", AS_OF, "--lang", "et").stdout
    hint_lines = [line for line in wrapped.splitlines() if line.startswith("   Parandus: ")
                  or (line.startswith(" " * 13) and "│" not in line)]
    assert hint_lines and all(len(line) <= 80 or " " not in line.strip() for line in hint_lines), wrapped
    assert _hints(wrapped) == _hints(piped)  # joined back: nothing cut, nothing lost


# --- --install-completion / --show-completion speak the user's language ------------------------------------

def test_install_completion_says_it_in_estonian(cli, tmp_path, monkeypatch):
    import shellingham

    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setattr(shellingham, "detect_shell", lambda *a, **k: ("bash", "/bin/bash"))
    for lang, said, never in (("et", "Kesta bash tab-lõpetus on paigaldatud faili", "installed"),
                              ("en", "bash completion installed in", "paigaldatud")):
        monkeypatch.setenv("CLUSTER_LANG", lang)
        result = cli("--install-completion")
        assert result.exit_code == 0, result.output
        assert said in result.stdout and never not in result.stdout, result.stdout
        assert "restart the terminal" not in result.stdout or lang == "en"
    assert (tmp_path / ".bash_completions" / "cluster.sh").is_file()


def test_show_completion_prints_the_script_and_an_unknown_shell_in_estonian(cli, monkeypatch):
    import shellingham

    monkeypatch.setenv("CLUSTER_LANG", "et")
    monkeypatch.setattr(shellingham, "detect_shell", lambda *a, **k: ("bash", "/bin/bash"))
    result = cli("--show-completion")
    assert result.exit_code == 0 and "_cluster_completion()" in result.stdout, result.output
    monkeypatch.setattr(shellingham, "detect_shell", lambda *a, **k: ("tcsh", "/bin/tcsh"))
    result = cli("--show-completion")
    assert result.exit_code == 1
    assert "Kesta tcsh tab-lõpetust ei toetata" in result.stderr and "not supported" not in result.output


# --- Estonian help: Estonian placeholders and choice words -------------------------------------------------

def test_estonian_help_shows_estonian_metavars_and_choice_words(cli, monkeypatch):
    monkeypatch.setenv("CLUSTER_LANG", "et")
    explain = cli("grants", "explain", "--help").stdout
    assert "{õpilane}" in explain and "{student}" not in explain, explain
    calendar = cli("calendar", "--help").stdout
    assert "--as-of KUUPÄEV" in calendar and "--output FAIL" in calendar and "--ics FAIL" in calendar, calendar
    assert " DATE" not in calendar and " FILE" not in calendar
    members = " ".join(cli("members", "list", "--help").stdout.split())
    assert "--kind [kutseõppeasutus|ettevõte|kõrgkool|organisatsioon]" in members, members
    assert "--partnership [igapäevane|arendav|strateegiline|võrgustik]" in members
    assert "Näide: cluster members list --kind ettevõte" in members and "company" not in members
    monkeypatch.setenv("CLUSTER_LANG", "en")
    members = " ".join(cli("members", "list", "--help").stdout.split())
    assert "--as-of DATE" in members and "--kind [vocational_school|company|university|organisation]" in members
    assert "{student}" in cli("grants", "explain", "--help").stdout


def test_the_estonian_example_with_a_choice_word_runs(cli, sample):
    result = cli("members", "list", "--data", sample, "--kind", "ettevõte", "--lang", "et")
    assert result.exit_code == 0, result.output
