"""Shared test helpers: a small valid cluster built in `tmp_path`, and the real CLI runner.

`base_data()` returns the cluster as plain Python data; a test changes what its rule is about
and `write_data()` writes real YAML files. Tests that care about exact lines write YAML text
inline instead.
"""

from __future__ import annotations

import copy
import json
from datetime import date
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from cluster_cli.cli.app import app

AS_OF = "2026-11-23"

# Valid codes (checked with python-stdnum when the fixtures were written).
SCHOOL_CODE = "70003715"
COMPANY_CODE = "10123459"
COMPANY2_CODE = "12345678"
ADULT_CODE = "50801012231"  # born 2008-01-01
MINOR_CODE = "60912310006"  # born 2009-12-31, 16 on 2026-11-23
ADULT2_CODE = "39001010000"  # born 1990-01-01
IBAN = "EE382200221020145685"

_BASE = {
    "cluster.yaml": {
        "name": "Testklaster",
        "language": "et",
        "coordinators": [
            {"name": "Mari Maasikas", "member": "vvttk", "areas": ["praktikad"], "email": "mari@vvttk.ee"},
        ],
        "periods": [
            {"id": "2026-autumn", "start": date(2026, 9, 1), "end": date(2027, 1, 31)},
            {"id": "2027-spring", "start": date(2027, 2, 1), "end": date(2027, 6, 30)},
        ],
        "school_holidays": [
            {"name": "jõuluvaheaeg", "start": date(2026, 12, 21), "end": date(2027, 1, 3)},
        ],
    },
    "members.yaml": [
        {
            "id": "vvttk",
            "kind": "vocational_school",
            "name": "Vana-Vigala Tehnika- ja Teeninduskool",
            "registry_code": SCHOOL_CODE,
            "address": "Vana-Vigala, Märjamaa vald",
            "contacts": [
                {"name": "Juhan Juhataja", "role": "direktor", "email": "info@vvttk.ee", "phone": "+372 482 4300"},
            ],
        },
        {
            "id": "koodikoda",
            "kind": "company",
            "name": "Koodikoda OÜ",
            "registry_code": COMPANY_CODE,
            "address": "Pärnu mnt 10, Tallinn",
            "partnership": "strategic",
            "recognition": {"date": date(2025, 5, 1), "decision": "otsus nr 2025/1"},
            "offers": {"joint_placements": True},
        },
        {
            "id": "andmesild",
            "kind": "company",
            "name": "Andmesild AS",
            "registry_code": COMPANY2_CODE,
            "address": "Tartu mnt 2, Tallinn",
            "recognition": {"date": date(2025, 5, 1), "decision": "otsus nr 2025/2"},
            "offers": {"joint_placements": True},
        },
    ],
    "curricula.yaml": [
        {
            "code": "150001",
            "name": "Tarkvaraarendaja",
            "level": 4,
            "kind": "vocational_secondary",
            "study_form": "school_based",
            "ekap": 180,
            "nominal_years": 3,
            "field": "Info- ja kommunikatsioonitehnoloogiad",
            "state_funded_places": 24,
            "modules": [
                {"id": "M1", "name": "Programmeerimise alused", "type": "core", "ekap": 40, "practical_work_ekap": 30,
                 "safety": True},
                {"id": "M2", "name": "Veebiarendus", "type": "core", "ekap": 50, "practical_work_ekap": 35},
                {"id": "M3", "name": "Praktika", "type": "core", "ekap": 30, "practice_ekap": 30},
                {"id": "G1", "name": "Võtmepädevused", "type": "general", "ekap": 60},
            ],
        }
    ],
    "groups.yaml": [
        {
            "id": "TA-24",
            "school": "vvttk",
            "curriculum": "150001",
            "supervisor": {"name": "Kati Kask", "email": "kati.kask@vvttk.ee"},
        }
    ],
    "tasks.yaml": [
        {
            "id": "T-WEB-01",
            "title": "Veebilehe loomine",
            "curriculum": "150001",
            "modules": ["M3"],
            "expected_results": ["Töötav veebileht"],
        }
    ],
    "students/TA-24.yaml": [
        {
            "id": "S1",
            "first_name": "Mart",
            "last_name": "Tamm",
            "personal_code": ADULT_CODE,
            "school": "vvttk",
            "curriculum": "150001",
            "group": "TA-24",
            "course": 3,
            "start": date(2024, 9, 2),
            "nominal_end": date(2027, 6, 30),
            "iban": IBAN,
            "email": "mart.tamm@example.ee",
            "phone": "+372 5123 4567",
            "status": [{"status": "active", "start": date(2024, 9, 2)}],
            "grades": [{"module": "M1", "kind": "module", "value": 4, "date": date(2026, 10, 5)}],
            "attendance": [{"period": "2026-autumn", "lessons": 300, "unexcused": 2}],
        },
        {
            "id": "S2",
            "first_name": "Liis",
            "last_name": "Kuusk",
            "personal_code": MINOR_CODE,
            "school": "vvttk",
            "curriculum": "150001",
            "group": "TA-24",
            "course": 1,
            "start": date(2026, 9, 1),
            "nominal_end": date(2029, 6, 30),
            "email": "liis.kuusk@example.ee",
            "harid": True,  # 5.3.1.3: a first-year's HarID account and e-mail
            "guardian": {"name": "Anne Kuusk", "relation": "ema", "phone": "+372 5234 5678"},
            "status": [{"status": "active", "start": date(2026, 9, 1)}],
        },
    ],
    "placements.yaml": [
        {
            "id": "P1",
            "student": "S1",
            "modules": ["M3"],
            "kind": "workplace_based",
            "status": "valid",
            "start": date(2027, 2, 1),
            "end": date(2027, 3, 26),
            "hours": 312,
            "ekap": 12,
            "place": "Koodikoda OÜ arenduskeskus",
            "address": "Pärnu mnt 10, Tallinn",
            "hosts": [
                {
                    "member": "koodikoda",
                    "start": date(2027, 2, 1),
                    "end": date(2027, 3, 26),
                    "supervisor": {"name": "Tiit Tarkvara", "email": "tiit@koodikoda.ee"},
                }
            ],
            "school_supervisor": {"name": "Kati Kask", "email": "kati.kask@vvttk.ee"},
            "tasks": [{"catalogue": "T-WEB-01"}, {"text": "Testide kirjutamine"}],
            "plan": {
                "goal": "Veebiarenduse töövõtete omandamine",
                "tasks": ["Veebilehe loomine"],
                "studies_completed": ["Programmeerimise alused"],
                "expected_outcomes": ["Loob veebilehe"],
            },
            "data_received": date(2027, 1, 10),
            "signatures": [  # valid: every party has signed (Lisa 7 1.4)
                {"party": "school", "date": date(2026, 11, 20)},
                {"party": "student", "date": date(2026, 11, 20)},
                {"party": "host", "member": "koodikoda", "date": date(2026, 11, 20)},
            ],
        }
    ],
}


def base_data() -> dict:
    """A fresh, deep copy of the valid sample (a test may change it freely)."""
    return copy.deepcopy(_BASE)


class _NoAliasDumper(yaml.SafeDumper):
    def ignore_aliases(self, data):  # shared objects (dates) must not become &anchors
        return True


def write_data(root: Path, files: dict) -> Path:
    """Write `files` (relative path → Python data or YAML text; None = leave out) under root."""
    root.mkdir(parents=True, exist_ok=True)
    for rel, content in files.items():
        if content is None:
            continue
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        elif isinstance(content, str):
            path.write_text(content, encoding="utf-8")
        else:
            text = yaml.dump(content, Dumper=_NoAliasDumper, allow_unicode=True, sort_keys=False)
            path.write_text(text, encoding="utf-8")
    return root


@pytest.fixture(autouse=True)
def _fixed_environment(monkeypatch, tmp_path):
    # Rich wraps at the terminal width; tests need the same width everywhere.
    monkeypatch.setenv("COLUMNS", "200")
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.delenv("CLUSTER_DATA", raising=False)
    # The language follows --lang, CLUSTER_LANG, cluster.yaml, then the locale: a test decides.
    for name in ("CLUSTER_LANG", "LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.delenv("CLUSTER_NO_CACHE", raising=False)
    monkeypatch.delenv("CLUSTER_LOADER", raising=False)
    # Each test has its own cache, so a run can never see another test's entries.
    monkeypatch.setenv("CLUSTER_CACHE_DIR", str(tmp_path / ".cluster-cache"))


class Cli:
    def __init__(self):
        self.runner = CliRunner()

    def __call__(self, *args: str):
        return self.runner.invoke(app, [str(a) for a in args], catch_exceptions=False)

    def validate_json(self, data_dir: Path, *extra: str) -> tuple[int, dict]:
        result = self("validate", "--data", data_dir, "--as-of", AS_OF, "--format", "json", *extra)
        return result.exit_code, json.loads(result.stdout)


@pytest.fixture
def cli() -> Cli:
    return Cli()


@pytest.fixture
def validate_changed(cli, tmp_path):
    """`validate_changed(change, *extra)`: the base data changed by `change(files)`, written to
    a new folder, validated: (exit code, JSON document)."""
    counter = iter(range(1000))

    def _run(change, *extra):
        files = base_data()
        change(files)
        root = write_data(tmp_path / f"data{next(counter)}", files)
        return cli.validate_json(root, *extra)

    return _run


@pytest.fixture
def calendar_of(cli, tmp_path):
    """`calendar_of(files, as_of, *extra)`: the calendar of `files` written to a new folder, as JSON."""
    counter = iter(range(1000))

    def _run(files, as_of, *extra):
        root = write_data(tmp_path / f"d{next(counter)}", files)
        result = cli("calendar", "--data", root, "--as-of", as_of, "--format", "json", *extra)
        assert result.exit_code == 0, result.output
        return json.loads(result.stdout)

    return _run


def codes(doc: dict, severity: str | None = None) -> list[tuple[str, str]]:
    """(code, clause) of the findings in a validate JSON document."""
    return [(f["code"], f["clause"]) for f in doc["findings"] if severity is None or f["severity"] == severity]


def findings_of(doc: dict, code: str) -> list[dict]:
    return [f for f in doc["findings"] if f["code"] == code]


@pytest.fixture
def served():
    """Which path served each file loaded during the test (the loader's seam): its path in the
    data folder → "cache", "fast" or "precise"."""
    from cluster_cli.load.folder import recording_paths

    with recording_paths() as paths:
        yield paths


def read_as(root: Path, how: str, exceptions: dict | None = None) -> dict:
    """What `served` should hold when every list file of `root` was served `how`, except the
    files in `exceptions` (path → how, None for a file not read); cluster.yaml and profile.yaml
    are always read precisely."""
    expected = {}
    for path in sorted(root.rglob("*.yaml")):
        rel = path.relative_to(root).as_posix()
        expected[rel] = "precise" if rel in ("cluster.yaml", "profile.yaml") else how
    expected.update(exceptions or {})
    return {rel: how for rel, how in expected.items() if how is not None}
