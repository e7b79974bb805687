"""`cluster contracts render` into a folder, safely (issues 11 and 12): the manifest of a partial
run, Ctrl-C, one malformed record, two runs at once, leftovers of a killed write, control
characters, template errors and bounds, check-template agreeing with rendering, portable names.
Every run goes through the real CLI (in-process, or a subprocess where a real second process is
needed) into tmp_path."""

from __future__ import annotations

import csv
import fcntl
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from docx import Document

from tests.conftest import AS_OF, base_data, write_data
from tests.test_contracts import STUDENTS, TEMPLATES, _template, docx_files, docx_text, minor_placement, placement

ROOT = Path(__file__).resolve().parents[1]
P1_FILE = "2026-2027/TA-24/P1_Tamm_Mart_Koodikoda_OU.docx"
P2_FILE = "2026-2027/TA-24/P2_Kuusk_Liis_Koodikoda_OU.docx"


def data_dir(tmp_path: Path, change=None, name="data") -> Path:
    files = base_data()
    minor_placement(files)
    if change is not None:
        change(files)
    return write_data(tmp_path / name, files)


def render(cli, data: Path, out: Path, *args):
    return cli("contracts", "render", "--data", data, "--as-of", AS_OF, "--out", out, "--lang", "en", *args)


def manifest_rows(out: Path) -> tuple[dict, dict]:
    doc = {r["placement"]: r for r in json.loads((out / "manifest.json").read_text(encoding="utf-8"))["contracts"]}
    table = {r["placement"]: r for r in csv.DictReader(io.StringIO((out / "manifest.csv").read_text(encoding="utf-8")))}
    return doc, table


# --- issue 11: the manifest of a partial run ---------------------------------------------------


def test_rendering_one_contract_keeps_the_other_rows_of_both_manifests(cli, tmp_path):
    data, out = data_dir(tmp_path), tmp_path / "out"
    assert render(cli, data, out, "P1", "P2").exit_code == 0
    before, _ = manifest_rows(out)
    (out / P1_FILE).unlink()
    result = render(cli, data, out, "P1")
    assert result.exit_code == 0, result.output
    doc, table = manifest_rows(out)
    assert set(doc) == set(table) == {"P1", "P2"}
    assert doc["P2"] == before["P2"] and table["P2"]["inputs_hash"] == before["P2"]["inputs_hash"]
    assert doc["P1"]["status"] == "created"


def test_a_kept_row_whose_contract_was_deleted_is_dropped_so_the_manifest_matches_the_folder(cli, tmp_path):
    data, out = data_dir(tmp_path), tmp_path / "out"
    assert render(cli, data, out, "P1", "P2").exit_code == 0
    (out / P2_FILE).unlink()
    assert render(cli, data, out, "P1").exit_code == 0
    doc, table = manifest_rows(out)
    assert set(doc) == set(table) == {"P1"}


def test_ctrl_c_says_which_files_were_removed_and_restores_the_ones_it_replaced(cli, tmp_path, monkeypatch):
    data, out = data_dir(tmp_path), tmp_path / "out"
    assert render(cli, data, out, "P1").exit_code == 0
    first = (out / P1_FILE).read_bytes()
    manifest = (out / "manifest.json").read_bytes()
    changed = data_dir(tmp_path, lambda f: placement(f).update(hours=320, ekap=None, status="review"), name="changed")
    real_replace = os.replace
    pressed = []

    def interrupted_replace(src, dst):
        if str(dst).endswith("manifest.json") and not pressed:  # P1 updated, P2 created, Ctrl-C
            pressed.append(dst)
            raise KeyboardInterrupt
        return real_replace(src, dst)

    monkeypatch.setattr(os, "replace", interrupted_replace)
    result = render(cli, changed, out, "P1", "P2", "--force")
    monkeypatch.setattr(os, "replace", real_replace)
    assert result.exit_code == 130, result.stderr
    assert "updated    " in result.stderr and "created    " in result.stderr  # what the screen said …
    assert f"removed    {out / P2_FILE}" in result.stderr  # … and what was undone
    assert f"restored   {out / P1_FILE}" in result.stderr
    assert "Interrupted" in result.stderr and "Traceback" not in result.stderr
    assert not (out / P2_FILE).exists()
    assert (out / P1_FILE).read_bytes() == first and (out / "manifest.json").read_bytes() == manifest


def test_a_malformed_placement_is_refused_with_its_finding_and_the_others_are_rendered(cli, tmp_path):
    data = data_dir(tmp_path, lambda f: placement(f, "P2").update(hours="lots"))
    validate = cli("validate", "--data", data, "--as-of", AS_OF)
    assert "invalid-value" in validate.stdout + validate.stderr
    out = tmp_path / "out"
    result = render(cli, data, out, "--all")
    assert result.exit_code == 1, result.output
    assert "report" not in result.stderr
    doc, _ = manifest_rows(out)
    assert doc["P1"]["status"] == "created" and (out / P1_FILE).is_file()
    assert doc["P2"]["status"] == "refused" and "invalid-value" in doc["P2"]["reasons"][0]
    assert "placements.yaml:" in doc["P2"]["reasons"][0]
    named = render(cli, data, tmp_path / "named", "P2")  # named: refused, not "there is no placement"
    assert named.exit_code == 1 and "invalid-value" in named.stderr


def test_an_unreadable_file_refuses_the_run_with_words_about_contracts_not_a_report(cli, tmp_path):
    data = data_dir(tmp_path, lambda f: f.update({"tasks.yaml": "x: [\n"}))
    result = render(cli, data, tmp_path / "out", "--all")
    assert result.exit_code == 2
    assert "no contract was made" in result.stderr and "report" not in result.stderr
    assert "tasks.yaml" in result.stderr and not (tmp_path / "out").exists()


# --- issue 12: two runs at once ----------------------------------------------------------------


def _subprocess_render(data: Path, out: Path, *args: str) -> subprocess.Popen:
    cmd = [sys.executable, "-m", "cluster_cli", "contracts", "render", "--data", str(data), "--as-of", AS_OF,
           "--out", str(out), "--lang", "en", *args]
    return subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            env={**os.environ, "COLUMNS": "200"})


def _hold_lock(out: Path) -> int:
    out.mkdir(parents=True, exist_ok=True)
    fd = os.open(out / ".cluster-contracts.lock", os.O_RDWR | os.O_CREAT, 0o600)
    fcntl.flock(fd, fcntl.LOCK_EX)
    return fd


def test_a_second_run_into_a_locked_folder_refuses_with_a_clear_message_after_its_timeout(tmp_path):
    data, out = data_dir(tmp_path), tmp_path / "out"
    fd = _hold_lock(out)
    try:
        proc = _subprocess_render(data, out, "--all", "--lock-timeout", "0")
        _, stderr = proc.communicate(timeout=120)
    finally:
        os.close(fd)
    assert proc.returncode == 1, stderr
    assert "Another contracts run is writing into this folder" in stderr and "Traceback" not in stderr
    assert docx_files(out) == [] and not (out / "manifest.json").exists()


def test_a_run_waits_for_the_lock_then_decides_on_what_the_other_run_wrote(tmp_path):
    data, out = data_dir(tmp_path), tmp_path / "out"
    fd = _hold_lock(out)
    try:
        proc = _subprocess_render(data, out, "P1", "P2", "--lock-timeout", "120")
        assert "Waiting" in proc.stderr.readline()  # blocks until the run is waiting for the lock
        # meanwhile "the other run" writes P1's contract (a file this tool did not write)
        (out / P1_FILE).parent.mkdir(parents=True)
        (out / P1_FILE).write_bytes(b"the other run's contract")
    finally:
        os.close(fd)
    _, stderr = proc.communicate(timeout=120)
    assert proc.returncode == 1, stderr
    assert (out / P1_FILE).read_bytes() == b"the other run's contract"  # never overwritten
    doc, table = manifest_rows(out)
    assert doc["P1"]["status"] == table["P1"]["status"] == "conflict"
    assert doc["P2"]["status"] == "created" and "Liis Kuusk" in docx_text(out / P2_FILE)
    assert not (out / ".cluster-contracts.lock").exists()


def test_a_folder_another_run_creates_at_the_same_moment_is_not_an_error(cli, tmp_path, monkeypatch):
    data, out = data_dir(tmp_path), tmp_path / "out"
    real_mkdir = Path.mkdir
    raced = []

    def racing_mkdir(self, *args, **kwargs):
        if self.name == "2026-2027" and not raced:  # the other run wins the race for this folder
            raced.append(self)
            real_mkdir(self)
        return real_mkdir(self, *args, **kwargs)

    monkeypatch.setattr(Path, "mkdir", racing_mkdir)
    result = render(cli, data, out, "P1")
    assert raced and result.exit_code == 0, result.output
    assert (out / P1_FILE).is_file()


def test_temp_files_of_a_killed_write_are_swept_by_the_next_run(cli, tmp_path):
    data, out = data_dir(tmp_path), tmp_path / "out"
    folder = out / "2026-2027" / "TA-24"
    folder.mkdir(parents=True)
    # what a run killed between writing the temp file and renaming it leaves (files.write_atomic)
    stray = folder / ".P1_Tamm_Mart_Koodikoda_OU.docx.k3j9x_2a.tmp"
    stray.write_bytes(b"PK... isikukood 50801012231")
    manifest_stray = out / ".manifest.json.ab12cd34.tmp"
    manifest_stray.write_text("{")
    mine = folder / ".notes.tmp"  # not a temp file of this tool
    mine.write_text("keep me")
    assert render(cli, data, out, "P2", "--dry-run").exit_code == 0
    assert stray.exists()  # a dry run writes and removes nothing
    result = render(cli, data, out, "P2")
    assert result.exit_code == 0, result.output
    assert not stray.exists() and not manifest_stray.exists() and mine.exists()
    assert "Removed 2 temporary files" in result.stderr


# --- issue 12: control characters ------------------------------------------------------------


@pytest.mark.parametrize("char", ["\x00", "\x0b", "\x1b", "\ufffe"])
def test_a_control_character_refuses_only_that_contract_naming_the_value(cli, tmp_path, char):
    def change(files):
        files[STUDENTS][1]["guardian"]["name"] = f"Anne{char}Kuusk"

    data, out = data_dir(tmp_path, change), tmp_path / "out"
    result = render(cli, data, out, "P1", "P2")
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.stderr
    doc, _ = manifest_rows(out)
    assert doc["P1"]["status"] == "created" and "Mart Tamm" in docx_text(out / P1_FILE)
    assert doc["P2"]["status"] == "refused"
    [reason] = doc["P2"]["reasons"]  # validate's own finding (the loader's), with its place
    assert reason.startswith("control-character: ") and f"U+{ord(char):04X}" in reason
    assert "students/TA-24.yaml:" in reason and "students[1].guardian.name" in reason


def test_the_renderer_refuses_a_control_character_on_its_own():
    from cluster_cli.contracts.docx import RenderError, render_docx

    with pytest.raises(RenderError) as caught:
        render_docx((TEMPLATES / "praktikaleping_et.docx").read_bytes(), {"student": {"name": "A\x1bB"}},
                    "P9", "0" * 64)
    assert (caught.value.kind, caught.value.term, caught.value.detail) == ("characters", "student.name", "A\\x1bB")


# --- issue 12: templates -----------------------------------------------------------------------


@pytest.mark.parametrize("source, expected", [
    ("{{ 1/0 }}", "ZeroDivisionError"),
    ("{% include 'other.docx' %}", "TypeError"),
    ("{{ 'x' * 10**9 }}", "TooLarge"),
    ("{{ 'x'.center(10**9) }}", "TooLarge"),
    ("{{ '%1000000000s'|format('x') }}", "TooLarge"),
    ("{{ 2 ** 10000000 }}", "TooLarge"),
    ("{% for i in range(100000) %}{{ 'y' * 1000 }}{% endfor %}", "the document would exceed"),
    ("{{ ''.__class__ }}", "unsafe"),
])
def test_a_template_runtime_error_is_a_refusal_with_the_templates_location(cli, tmp_path, source, expected):
    data = data_dir(tmp_path)
    tpl = _template(tmp_path / "bad.docx", "Leping {{ placement.id }}", f"Lõik kaks {source}")
    result = render(cli, data, tmp_path / "out", "P1", "P2", "--template", tpl)
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.stderr
    assert f"placement P1: template {tpl} (word/document.xml" in result.stderr and expected in result.stderr
    if "range" not in source:  # the output bound trips after the paragraph's code has run
        assert f"placement P1: template {tpl} (word/document.xml, paragraph 2: \"Lõik kaks" in result.stderr
    assert docx_files(tmp_path / "out") == []
    doc, _ = manifest_rows(tmp_path / "out")
    assert doc["P1"]["status"] == doc["P2"]["status"] == "refused"


def test_a_template_that_runs_past_the_time_bound_is_refused(cli, tmp_path, monkeypatch):
    from cluster_cli.contracts import sandbox as contracts

    monkeypatch.setattr(contracts, "RENDER_SECONDS", 0.2)
    data = data_dir(tmp_path)
    tpl = _template(tmp_path / "slow.docx", "{% for i in range(100000) %}{% for j in range(100000) %}"
                                            "{% endfor %}{% endfor %}")
    result = render(cli, data, tmp_path / "out", "P1", "--template", tpl)
    assert result.exit_code == 1, result.output
    assert "rendering took longer than 0.2 s" in result.stderr


def _shipped_with(tmp_path: Path, text: str) -> Path:
    doc = Document(str(TEMPLATES / "praktikaleping_et.docx"))
    doc.add_paragraph(text)
    path = tmp_path / "edited.docx"
    doc.save(str(path))
    return path


@pytest.mark.parametrize("attempt", [
    "{{ ''.__class__ }}",
    "{{ student.name.__class__.__mro__ }}",
    "{{ cycler.__init__.__globals__ }}",
    "{% if placement.abroad and not placement.abroad %}{{ placement.id.__class__ }}{% endif %}",
    "{{ 1/0 }}",
])
def test_check_template_refuses_what_rendering_refuses(cli, tmp_path, attempt):
    tpl = _shipped_with(tmp_path, attempt)
    result = cli("contracts", "check-template", tpl, "--lang", "en")
    assert result.exit_code == 1, result.output
    assert "What rendering would refuse" in result.stdout
    assert "Traceback" not in result.output
    rendered = render(cli, data_dir(tmp_path), tmp_path / "out", "P1", "--template", tpl)
    if "abroad and not" not in attempt:  # a branch no data reaches: check-template is stricter
        assert rendered.exit_code == 1 and "placement P1: template" in rendered.stderr


# --- portable names ------------------------------------------------------------------------------


def test_a_group_named_like_a_windows_device_gets_a_folder_windows_can_create(cli, tmp_path):
    def change(files):
        files["groups.yaml"][0]["id"] = "CON"
        for s in files[STUDENTS]:
            s["group"] = "CON"

    data, out = data_dir(tmp_path, change), tmp_path / "out"
    result = render(cli, data, out, "P1")
    assert result.exit_code == 0, result.output
    assert [p.relative_to(out).as_posix() for p in docx_files(out)] == [
        "2026-2027/CON_/P1_Tamm_Mart_Koodikoda_OU.docx"]


def test_names_windows_reserves_are_changed_in_any_case():
    from cluster_cli.contracts.plan import ascii_name

    assert [ascii_name(x) for x in ("CON", "aux", "nul", "Com1", "lpt9", "CONSOLE", "TA-24")] == [
        "CON_", "aux_", "nul_", "Com1_", "lpt9_", "CONSOLE", "TA-24"]
