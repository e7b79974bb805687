"""Issue 15: the CLI around the reports in the user's language — the language chosen once
(--lang, CLUSTER_LANG, cluster.yaml, the locale, Estonian), translated help and Click usage
errors, `--version`, and the data folder found upward like git finds its repository."""

from __future__ import annotations

import re

import pytest

from tests.conftest import AS_OF, base_data, write_data


@pytest.fixture
def root(tmp_path):
    return write_data(tmp_path / "data", base_data())


def _without_language(root):
    text = (root / "cluster.yaml").read_text(encoding="utf-8")
    (root / "cluster.yaml").write_text(re.sub(r"^language: .*\n", "", text, flags=re.M), encoding="utf-8")


# --- the language, decided once ------------------------------------------------------------------

def test_help_follows_the_data_folders_language(cli, root):
    text = (root / "cluster.yaml").read_text(encoding="utf-8").replace("language: et", "language: en")
    (root / "cluster.yaml").write_text(text, encoding="utf-8")
    english = cli("debts", "--data", root, "--help").stdout
    assert english.startswith("Usage: cluster debts [OPTIONS]"), english
    assert "Options:" in english and "Show this message and exit." in english


@pytest.mark.parametrize("env, args, expected", [
    ({}, [], "et"),  # nothing says: Estonian
    ({"LANG": "en_US.UTF-8"}, [], "en"),  # the locale
    ({"LANG": "en_US.UTF-8", "LC_ALL": "et_EE.UTF-8"}, [], "et"),  # LC_ALL before LANG
    ({"LANG": "de_DE.UTF-8"}, [], "et"),  # a language we do not speak says nothing
    ({"CLUSTER_LANG": "en", "LANG": "et_EE.UTF-8"}, [], "en"),  # CLUSTER_LANG before the locale
    ({"CLUSTER_LANG": "et", "LANG": "en_US.UTF-8"}, ["--lang", "en"], "en"),  # --lang first
])
def test_language_order_without_a_cluster_language(cli, monkeypatch, root, env, args, expected):
    _without_language(root)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    result = cli("debts", "--data", root, *args, "--help")
    assert result.exit_code == 0
    heading = "Kasutus:" if expected == "et" else "Usage:"
    assert result.stdout.startswith(heading), result.stdout


def test_cluster_lang_beats_cluster_yaml_in_messages(cli, monkeypatch, root):
    monkeypatch.setenv("CLUSTER_LANG", "en")
    result = cli("validate", "--data", root, "--as-of", AS_OF)
    assert result.exit_code == 0, result.output
    assert "The data is valid" in result.stdout
    monkeypatch.setenv("LANG", "en_US.UTF-8")
    monkeypatch.delenv("CLUSTER_LANG")
    assert "Andmed on korras" in cli("validate", "--data", root, "--as-of", AS_OF).stdout  # cluster.yaml: et


def test_a_wrong_language_is_a_usage_error(cli, monkeypatch, root):
    result = cli("validate", "--data", root, "--lang", "xx")
    assert result.exit_code == 2 and "Keel 'xx' ei sobi" in result.stderr
    monkeypatch.setenv("CLUSTER_LANG", "de")
    result = cli("validate", "--data", root)
    assert result.exit_code == 2 and "CLUSTER_LANG" in result.stderr and "'de'" in result.stderr
    assert "Traceback" not in result.output


# --- help in both languages -----------------------------------------------------------------------

@pytest.mark.parametrize("lang, words", [
    ("et", ["Kasutus: cluster grants explain [VALIKUD] {õpilane}", "Argumendid:", "Valikud:",
            "Näitab seda abi ja lõpetab.", "[kohustuslik]", "[vaikimisi: table]", "Õpilase tunnus.",
            "Näide: cluster grants explain TA-24-01 --round 2026-autumn"]),
    ("en", ["Usage: cluster grants explain [OPTIONS] {student}", "Arguments:", "Options:",
            "Show this message and exit.", "[required]", "[default: table]", "The student's id.",
            "Example: cluster grants explain TA-24-01 --round 2026-autumn"]),
])
def test_command_help_is_translated(cli, lang, words):
    result = cli("grants", "explain", "--help", "--lang", lang)
    assert result.exit_code == 0
    for word in words:
        assert word in result.stdout, (word, result.stdout)


@pytest.mark.parametrize("args, et, en", [
    (("export",), "cluster export [VALIKUD] {liik}", "cluster export [OPTIONS] {kind}"),
    (("contracts", "check-template"), "check-template [VALIKUD] {FAIL}", "check-template [OPTIONS] {FILE}"),
    (("contracts", "render"), "render [VALIKUD] [tunnused]...", "render [OPTIONS] [ids]..."),
    (("contracts", "sign"), "vähemalt 1]", "at least 1]"),  # Click's [x>=1]
])
def test_argument_names_and_bounds_in_her_language(cli, args, et, en):
    for lang, words in (("et", et), ("en", en)):
        text = " ".join(cli(*args, "--help", "--lang", lang).stdout.split())
        assert words in text, (lang, words, text)
        assert "x>=" not in text and "<list[str]>" not in text


def test_group_help_is_translated(cli, monkeypatch):
    assert "Käsud:" in cli("--help").stdout and "Põhitoetus" in cli("grants", "--help").stdout
    monkeypatch.setenv("CLUSTER_LANG", "en")
    text = cli("--help").stdout
    assert text.startswith("Usage: cluster [OPTIONS] COMMAND [ARGS]...") and "Commands:" in text


def test_every_help_text_is_a_catalogue_key():
    """No help text is left in English in the code: each is a key with both languages."""
    import typer.main

    from cluster_cli.cli.app import app
    from cluster_cli.cli.helptext import TYPER_OPTIONS
    from cluster_cli.i18n import has

    def walk(command):
        yield command.help
        yield from (TYPER_OPTIONS.get(p.name, p.help) for p in command.params if p.help is not None)
        for sub in getattr(command, "commands", {}).values():
            yield from walk(sub)

    texts = list(walk(typer.main.get_command(app)))
    assert len(texts) > 60
    assert [text for text in texts if not (has(text, 'et') and has(text, 'en'))] == []


def test_each_registered_help_key_is_the_commands_own():
    """The root lists a command's help from the key registered in cli/app.py without importing
    its module (cli/lazy.py): that key is the one the command, or its sub-app, has."""
    import typer.main

    from cluster_cli.cli.app import COMMANDS, app

    root = typer.main.get_command(app)
    assert list(root.commands) == [entry.name for entry in COMMANDS]
    assert {entry.name: root.commands[entry.name].help for entry in COMMANDS} == {
        entry.name: entry.help for entry in COMMANDS}
    assert {entry.name for entry in COMMANDS if hasattr(root.commands[entry.name], "commands")} == {
        entry.name for entry in COMMANDS if entry.is_group}


# --- Click's usage errors in the user's language ------------------------------------------------

@pytest.mark.parametrize("args, et, en", [
    (["debts", "--fromat", "json"], "Viga: Sellist valikut pole: --fromat. Kas mõtlesite: --format?",
     "Error: No such option: --fromat. Did you mean --format?"),
    (["debts", "--format", "x"], "Viga: Vigane väärtus valikule '--format' / '-f': 'x' ei ole üks neist: "
     "table, json, csv, xlsx.",
     "Error: Invalid value for '--format' / '-f': 'x' is not one of table, json, csv, xlsx."),
    (["grants", "explain", "--round", "2026-autumn"], "Viga: Argument 'õpilane' puudub.",
     "Error: Missing argument 'student'."),
    (["grants", "explain", "S1"], "Viga: Valik '--round' / '-r' puudub.", "Error: Missing option '--round' / '-r'."),
    (["debts", "extra"], "Viga: Üleliigne argument: extra", "Error: Got unexpected extra argument: extra"),
    (["debtz"], "Viga: Sellist käsku pole: 'debtz'. Kas mõtlesite: 'debts'?",
     "Error: No such command 'debtz'. Did you mean 'debts'?"),
    (["calendar", "--days", "0"], "Viga: Vigane väärtus valikule '--days' / '-n': peab olema vähemalt 1.",
     "Error: Invalid value for '--days' / '-n': must be at least 1."),
])
def test_usage_errors_in_both_languages(cli, monkeypatch, args, et, en):
    for lang, expected, usage, hint in (("et", et, "Kasutus: cluster", "Abi saab käsuga 'cluster"),
                                        ("en", en, "Usage: cluster", "Try 'cluster")):
        monkeypatch.setenv("CLUSTER_LANG", lang)
        result = cli(*args)
        assert result.exit_code == 2, result.output
        assert expected in result.stderr, result.stderr
        assert usage in result.stderr and hint in result.stderr
        assert "Traceback" not in result.output


# --- --version ----------------------------------------------------------------------------------------

def test_version(cli):
    from importlib.metadata import version

    result = cli("--version")
    assert result.exit_code == 0
    assert result.stdout == f"cluster {version('cluster-cli')}\n"


# --- the data folder, found upward ----------------------------------------------------------------

def test_found_from_a_subfolder_of_the_data_folder(cli, root, monkeypatch):
    monkeypatch.chdir(root / "students")
    result = cli("validate", "--as-of", AS_OF, "--lang", "en")
    assert result.exit_code == 0, result.output
    assert "The data is valid" in result.stdout


def test_found_from_a_subfolder_of_the_folder_holding_data(cli, root, monkeypatch):
    work = root.parent / "aruanded" / "2026"
    work.mkdir(parents=True)
    monkeypatch.chdir(work)
    result = cli("debts", "--as-of", AS_OF, "--format", "json")
    assert result.exit_code == 0, result.output
    assert '"group": "TA-24",\n      "students": 2,' in result.stdout  # the tmp cluster's two students/


def test_explicit_choices_come_first(cli, root, tmp_path, monkeypatch):
    other = write_data(tmp_path / "other", base_data())
    (other / "students" / "TA-24.yaml").write_text("[]\n", encoding="utf-8")
    monkeypatch.chdir(root)
    monkeypatch.setenv("CLUSTER_DATA", str(tmp_path / "missing"))
    result = cli("validate", "--as-of", AS_OF)
    assert result.exit_code == 2 and "missing" in result.stderr  # $CLUSTER_DATA before the folder found
    result = cli("validate", "--as-of", AS_OF, "--data", other, "--format", "json")
    assert result.exit_code in (0, 1) and '"S1"' not in result.stdout  # --data before $CLUSTER_DATA


def test_nothing_found_says_where_it_looked(cli, tmp_path, monkeypatch):
    empty = tmp_path / "kuskil"
    empty.mkdir()
    monkeypatch.chdir(empty)
    for lang, words in (("et", ["Andmekausta ei leitud", "--data"]), ("en", ["No data folder found", "--data"])):
        result = cli("validate", "--lang", lang)
        assert result.exit_code == 2, result.output
        assert str(empty) in " ".join(result.stderr.split()).replace(" ", "") or str(empty) in result.stderr
        for word in words:
            assert word in result.stderr, result.stderr
