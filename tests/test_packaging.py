"""Installing: the contract templates ship inside the package (an installed wheel renders without
the checkout), `CLUSTER_TEMPLATES` points at edited copies, and the lock file pins every
distribution. Building and installing a real wheel outside the checkout is `.ci/run`'s smoke test."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest

from tests.conftest import AS_OF, base_data, write_data
from tests.test_contracts import _template, docx_files, docx_text

ROOT = Path(__file__).resolve().parents[1]
NAMES = ("praktikaleping_et.docx", "placement_agreement_en.docx", "valispraktikaleping_et.docx")


@pytest.mark.parametrize("name", NAMES)
def test_packaged_templates_are_the_same_bytes_as_the_editable_copy(name):
    # make_templates.py writes both; a template edited in one place only would render differently
    # from an installed wheel than from the checkout.
    packaged = ROOT / "cluster_cli" / "templates" / name
    assert packaged.read_bytes() == (ROOT / "templates" / name).read_bytes()


def test_templates_are_package_data():
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert "templates/*.docx" in config["tool"]["setuptools"]["package-data"]["cluster_cli"]


def render(cli, tmp_path, monkeypatch, folder: str | None):
    root = write_data(tmp_path / "data", base_data())
    out = tmp_path / "out"
    if folder is not None:
        monkeypatch.setenv("CLUSTER_TEMPLATES", folder)
    else:
        monkeypatch.delenv("CLUSTER_TEMPLATES", raising=False)
    # from another directory: the packaged templates must not be looked up relative to it
    monkeypatch.chdir(tmp_path)
    result = cli("contracts", "render", "P1", "--data", root, "--out", out, "--as-of", AS_OF)
    return result, out


def test_render_uses_the_packaged_templates_by_default(cli, tmp_path, monkeypatch):
    result, out = render(cli, tmp_path, monkeypatch, None)
    assert result.exit_code == 0, result.output
    [doc] = docx_files(out)
    assert "Mart Tamm" in docx_text(doc)


def test_cluster_templates_folder_overrides_the_packaged_templates(cli, tmp_path, monkeypatch):
    edited = tmp_path / "edited"
    edited.mkdir()
    _template(edited / "praktikaleping_et.docx", "MUUDETUD MALL {{ placement.id }} {{ student.name }}")
    result, out = render(cli, tmp_path, monkeypatch, str(edited))
    assert result.exit_code == 0, result.output
    [doc] = docx_files(out)
    assert "MUUDETUD MALL P1 Mart Tamm" in docx_text(doc)


def test_cluster_templates_without_the_template_is_a_usage_error(cli, tmp_path, monkeypatch):
    edited = tmp_path / "edited"
    edited.mkdir()
    result, out = render(cli, tmp_path, monkeypatch, str(edited))
    assert result.exit_code == 2
    assert str(edited / "praktikaleping_et.docx") in result.stderr and not out.exists()


def test_cluster_templates_that_is_no_folder_is_a_usage_error(cli, tmp_path, monkeypatch):
    result, out = render(cli, tmp_path, monkeypatch, str(tmp_path / "nowhere"))
    assert result.exit_code == 2
    assert "CLUSTER_TEMPLATES" in result.stderr and "Traceback" not in result.output


def test_the_lock_pins_every_dependency_and_the_test_extra():
    pinned = {}
    for line in (ROOT / "requirements.lock").read_text(encoding="utf-8").splitlines():
        line = line.split("#")[0].strip()
        if line:
            name, _, version = line.partition("==")
            assert re.fullmatch(r"[0-9][0-9A-Za-z.+!-]*", version), line
            pinned[re.sub(r"[-_.]+", "-", name).lower()] = version
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    wanted = config["dependencies"] + config["optional-dependencies"]["test"]
    for requirement in wanted:
        name = re.split(r"[<>=!~\[ ;]", requirement, maxsplit=1)[0]
        assert re.sub(r"[-_.]+", "-", name).lower() in pinned, requirement


def test_ci_runs_exactly_the_readmes_test_command_with_the_lock():
    readme = (ROOT / "README.md").read_text(encoding="utf-8").splitlines()
    [command] = [line for line in readme[:10] if "pytest" in line]
    assert "-c requirements.lock" in command
    assert command in (ROOT / ".ci" / "run").read_text(encoding="utf-8")
