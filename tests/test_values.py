"""Values typed as the secretary reads them (issue 15): choices as the Estonian word a table shows,
rounds as `2026-sügis`, ids in any case with "did you mean", `--select a,b`, and shell
completion of ids through the installed `cluster` command. Real CLI on the sample data."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from cluster_cli.cli.values import CHOICES, VOCABULARY, data_ids

SAMPLE = Path(__file__).resolve().parents[1] / "data"
AS_OF = "2026-11-23"


def out(cli, *args: str) -> str:
    result = cli(*args)
    assert result.exit_code in (0, 1), result.output
    return result.stdout


# --- choices ---------------------------------------------------------------------------------


def test_every_choice_lists_its_vocabulary():
    for field, codes in VOCABULARY.items():
        assert tuple(CHOICES[field]) == codes


@pytest.mark.parametrize("typed", ["ettevõte", "Ettevõte", "ETTEVOTE", "company", "Company"])
def test_member_kind_as_the_table_shows_it(cli, typed):
    expected = out(cli, "members", "list", "--data", str(SAMPLE), "--kind", "company", "--format", "json")
    assert json.loads(expected)["members"], "the sample has companies"
    assert out(cli, "members", "list", "--data", str(SAMPLE), "--kind", typed, "--format", "json") == expected


def test_partnership_in_estonian(cli):
    expected = out(cli, "members", "list", "--data", str(SAMPLE), "-p", "strategic", "--format", "json")
    assert out(cli, "members", "list", "--data", str(SAMPLE), "-p", "strateegiline", "--format", "json") == expected


def test_unknown_choice_names_the_estonian_words(cli):
    result = cli("members", "list", "--data", str(SAMPLE), "--kind", "firma")
    assert result.exit_code == 2
    assert "'firma'" in result.stderr and "ettevõte (company)" in result.stderr and "kõrgkool" in result.stderr
    assert "Traceback" not in result.output
    result = cli("members", "list", "--data", str(SAMPLE), "--lang", "en", "--kind", "firma")
    assert result.exit_code == 2 and "choose one of" in result.stderr


def test_placement_status_in_estonian(cli, tmp_path):
    def run(status: str) -> str:
        result = cli("contracts", "render", "--data", str(SAMPLE), "--as-of", AS_OF, "--status", status,
                     "--dry-run", "--out", str(tmp_path / "c"))
        assert result.exit_code in (0, 1), result.output
        return result.stderr

    assert run("kehtiv") == run("valid")
    assert "VV-" in run("kehtiv")
    result = cli("contracts", "render", "--data", str(SAMPLE), "--status", "kehtib", "--dry-run",
                 "--out", str(tmp_path / "c"))
    assert result.exit_code == 2 and "kehtiv (valid)" in result.stderr


# --- rounds ----------------------------------------------------------------------------------


@pytest.mark.parametrize("typed, code", [("2026-sügis", "2026-autumn"), ("2026-sugis", "2026-autumn"),
                                         ("2026-SÜGIS", "2026-autumn"), ("2027-kevad", "2027-spring")])
def test_round_in_estonian(cli, typed, code):
    expected = out(cli, "grants", "rank", "--data", str(SAMPLE), "--round", code, "--format", "json")
    assert out(cli, "grants", "rank", "--data", str(SAMPLE), "--round", typed, "--format", "json") == expected


def test_round_explain_in_estonian(cli):
    expected = out(cli, "grants", "explain", "TA-25-07", "--data", str(SAMPLE), "--round", "2026-autumn",
                   "--format", "json")
    assert out(cli, "grants", "explain", "ta-25-07", "--data", str(SAMPLE), "--round", "2026-sügis",
               "--format", "json") == expected


def test_unknown_round_names_both_forms(cli):
    result = cli("grants", "rank", "--data", str(SAMPLE), "--round", "2026-talv")
    assert result.exit_code == 2 and "AAAA-sügis" in result.stderr and "2026-sügis" in result.stderr


# --- ids -------------------------------------------------------------------------------------


def test_student_id_in_any_case(cli):
    expected = out(cli, "debts", "--data", str(SAMPLE), "--as-of", AS_OF, "--student", "TA-25-07", "--format", "json")
    assert out(cli, "debts", "--data", str(SAMPLE), "--as-of", AS_OF, "--student", "ta-25-07",
               "--format", "json") == expected


def test_near_miss_says_did_you_mean(cli):
    result = cli("debts", "--data", str(SAMPLE), "--as-of", AS_OF, "--student", "TA-25-7")
    assert result.exit_code == 2
    assert "Õpilast 'TA-25-7' ei ole." in result.stderr and "Kas mõtlesite: TA-25-07" in result.stderr
    result = cli("debts", "--data", str(SAMPLE), "--as-of", AS_OF, "--lang", "en", "--group", "TA-52")
    assert result.exit_code == 2
    assert "There is no group 'TA-52'." in result.stderr and "Did you mean: TA-25" in result.stderr


def test_no_near_miss_says_how_to_list(cli):
    result = cli("debts", "--data", str(SAMPLE), "--as-of", AS_OF, "--student", "zzz")
    assert result.exit_code == 2 and "students/" in result.stderr and "Kas mõtlesite" not in result.stderr
    result = cli("members", "show", "qqqqqq", "--data", str(SAMPLE))
    assert result.exit_code == 2 and "cluster members list" in result.stderr


@pytest.mark.parametrize("typed, exact", [
    (("members", "show", "KOODIKODA"), ("members", "show", "koodikoda")),
    (("tasks", "--member", "Koodikoda", "--module", "ta-m16"),
     ("tasks", "--member", "koodikoda", "--module", "TA-M16")),
    (("match", "--as-of", AS_OF, "--group", "ta-24"), ("match", "--as-of", AS_OF, "--group", "TA-24")),
    (("debts", "--as-of", AS_OF, "--group", "ta-24"), ("debts", "--as-of", AS_OF, "--group", "TA-24")),
])
def test_other_ids_in_any_case(cli, typed, exact):
    expected = out(cli, *exact, "--data", str(SAMPLE), "--format", "json")
    assert out(cli, *typed, "--data", str(SAMPLE), "--format", "json") == expected


def test_placement_ids_in_any_case_and_with_commas(cli, tmp_path):
    def run(*ids: str):
        return cli("contracts", "render", *ids, "--data", str(SAMPLE), "--as-of", AS_OF, "--dry-run",
                   "--out", str(tmp_path / "c"))

    exact = run("VV-2026-01", "VV-2026-02")
    assert exact.exit_code in (0, 1), exact.output
    assert run("vv-2026-01,vv-2026-02").stderr == exact.stderr
    wrong = run("VV-2026-1")
    assert wrong.exit_code == 2 and "Praktikat 'VV-2026-1' ei ole." in wrong.stderr and "VV-2026-01" in wrong.stderr


# --- --select a,b ----------------------------------------------------------------------------


def test_select_comma_list_same_as_repeated(cli):
    def run(*args: str) -> dict:
        result = cli("validate", "--data", str(SAMPLE), "--as-of", AS_OF, "--format", "json", *args)
        assert result.exit_code in (0, 1), result.output
        return json.loads(result.stdout)

    repeated = run("--select", "iban", "--select", "email", "--ignore", "phone")
    assert run("--select", "iban,email", "--ignore", "phone") == repeated
    assert run("--select", "IBAN, Email", "--ignore", "PHONE") == repeated


def test_select_unknown_rule_did_you_mean(cli):
    result = cli("validate", "--data", str(SAMPLE), "--select", "iban,ibna")
    assert result.exit_code == 2 and "Reeglit 'ibna' ei ole." in result.stderr and "iban" in result.stderr
    result = cli("validate", "--data", str(SAMPLE), "--ignore", "qqqqqqqq")
    assert result.exit_code == 2 and "cluster rules" in result.stderr


# --- shell completion ------------------------------------------------------------------------


@pytest.mark.parametrize("kind", ["students", "groups", "members", "placements", "curricula"])
def test_light_id_read_finds_every_id_the_loader_does(kind):
    from cluster_cli.pipeline import load

    dataset = load(SAMPLE, cache=False).dataset
    assert sorted(data_ids(SAMPLE, kind)) == sorted(getattr(dataset, kind))


def _cluster() -> str:
    exe = Path(sys.executable).with_name("cluster")
    assert exe.exists(), "the package is installed in the venv (pip install -e .)"
    return str(exe)


def test_bash_completion_offers_student_ids(tmp_path):
    env = dict(os.environ, _CLUSTER_COMPLETE="complete_bash", COMP_WORDS="cluster debts --student TA-25-0",
               COMP_CWORD="3")
    proc = subprocess.run([_cluster()], cwd=SAMPLE.parent, env=env, capture_output=True, text=True, timeout=60)
    offered = proc.stdout.split()
    assert proc.returncode == 0 and proc.stderr == ""
    assert "TA-25-07" in offered and all(o.startswith("TA-25-0") for o in offered)


@pytest.mark.skipif(shutil.which("bash") is None, reason="bash is not installed")
def test_bash_itself_completes_a_student_id_with_the_generated_script(tmp_path):
    script = subprocess.run([_cluster(), "--show-completion", "bash"], capture_output=True, text=True,
                            env=dict(os.environ, SHELL="/bin/bash"), timeout=60)
    assert script.returncode == 0 and "_CLUSTER_COMPLETE=complete_bash" in script.stdout
    (tmp_path / "completion.bash").write_text(script.stdout)
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    (bin_dir / "cluster").symlink_to(_cluster())
    driver = (f'source {tmp_path / "completion.bash"}\n'
              f'COMP_WORDS=(cluster debts --data {SAMPLE} --student TA-25-0); COMP_CWORD=5\n'
              '_cluster_completion cluster\n'
              'printf "%s\\n" "${COMPREPLY[@]}"\n')
    env = dict(os.environ, PATH=f"{bin_dir}{os.pathsep}{os.environ['PATH']}")
    proc = subprocess.run(["bash", "--norc", "--noprofile", "-c", driver], cwd=tmp_path, env=env,
                          capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0, proc.stderr
    assert "TA-25-07" in proc.stdout.split()


@pytest.mark.parametrize("words, cword, expected", [
    ("cluster members list --kind ett", "4", "ettevõte"),
    ("cluster grants explain TA-25-0", "3", "TA-25-07"),
    ("cluster contracts render VV-2026-0", "3", "VV-2026-01"),
    ("cluster validate --select iban,pe", "3", "iban,personal-code"),
    ("cluster tasks --member koodi", "3", "koodikoda"),
    ("cluster members show koodi", "3", "koodikoda"),
    ("cluster debts --group TA", "3", "TA-24"),
    ("cluster grants rank --round 2026-s", "4", "2026-sügis"),
])
def test_completion_of_choices_and_ids(words, cword, expected):
    env = dict(os.environ, _CLUSTER_COMPLETE="complete_bash", COMP_WORDS=words, COMP_CWORD=cword)
    proc = subprocess.run([_cluster()], cwd=SAMPLE.parent, env=env, capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0 and proc.stderr == ""
    assert expected in proc.stdout.split("\n"), proc.stdout


def test_completion_never_prints_an_error(tmp_path):
    env = dict(os.environ, _CLUSTER_COMPLETE="complete_bash",
               COMP_WORDS=f"cluster debts --data {tmp_path / 'nowhere'} --student TA", COMP_CWORD="5")
    proc = subprocess.run([_cluster()], cwd=tmp_path, env=env, capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0 and proc.stdout.strip() == "" and proc.stderr == ""


def test_completion_is_installable_for_zsh_and_fish():
    env = dict(os.environ, _TYPER_COMPLETE_TEST_DISABLE_SHELL_DETECTION="1")  # the shell named, not detected
    for shell in ("zsh", "fish"):
        script = subprocess.run([_cluster(), "--show-completion", shell], capture_output=True, text=True, timeout=60,
                                env=env)
        assert script.returncode == 0 and f"complete_{shell}" in script.stdout
