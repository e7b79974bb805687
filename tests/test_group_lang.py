"""`--lang` (and `--data`) written before a command, after `cluster` or a group's name: the
group's help in that language, and the option passed on to the command."""

from __future__ import annotations

import pytest

from tests.conftest import base_data, write_data


@pytest.mark.parametrize("args", [
    ("grants", "--lang", "{lang}", "--help"),
    ("--lang", "{lang}", "grants", "--help"),
    ("grants", "--lang={lang}", "--help"),
])
@pytest.mark.parametrize("lang, usage, words", [
    ("en", "Usage: cluster grants", "Basic study allowance"),
    ("et", "Kasutus: cluster grants", "Põhitoetus"),
])
def test_a_groups_help_takes_lang(cli, args, lang, usage, words):
    result = cli(*(a.format(lang=lang) for a in args))
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith(usage), result.stdout
    assert words in result.stdout


def test_the_roots_help_takes_lang(cli):
    result = cli("--lang", "en", "--help")
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("Usage: cluster ")
    result = cli("--lang", "et", "--help")
    assert result.stdout.startswith("Kasutus: cluster ")


def test_lang_and_data_before_the_command_go_to_the_command(cli, tmp_path):
    root = write_data(tmp_path / "data", base_data())
    result = cli("--lang", "en", "--data", root, "grants", "rank", "--round", "2026-autumn")
    assert result.exit_code == 0, result.output
    assert "Basic allowance ranking, round 2026-autumn" in result.stdout
    result = cli("grants", "--lang", "et", "-d", root, "rank", "--round", "2026-autumn")
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("Põhitoetuse ") and "voor 2026-sügis" in result.stdout, result.stdout


def test_a_usage_error_after_lang_before_the_command_is_in_that_language(cli):
    result = cli("grants", "--lang", "en", "rank", "--bogus")
    assert result.exit_code == 2
    assert "No such option: --bogus" in result.stderr
