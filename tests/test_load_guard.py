"""Issue 12, loader parts: personal data masked by value in `validate`'s output, and files in the
data folder that must not be read — links out of the folder, FIFOs, files over the size limit —
refused with a finding while the rest of the folder is read."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from tests.conftest import ADULT_CODE, AS_OF, IBAN, base_data, findings_of, write_data

STUDENTS = "students/TA-24.yaml"
IBAN_SPACED = " ".join(IBAN[i:i + 4] for i in range(0, len(IBAN), 4))  # EE38 2200 … 5685

# Ordinary mistakes that put personal data on a line validate quotes: every one of these lines
# is itself a finding (an unknown field), so its source line is shown.
LEAKY_LINES = [
    f'  personal_kood: "{ADULT_CODE}"',  # a misspelt key
    f"  IBAN: {IBAN}",  # the key in capitals
    f'  "pangakonto": "{IBAN_SPACED}"',  # a quoted key, an IBAN with spaces
    f"  kontakt: {{kood: {ADULT_CODE}, konto: {IBAN_SPACED}}}",  # flow style
]


def _student_text(*extra_lines: str) -> str:
    return "\n".join([
        "- id: S1",
        "  first_name: Mart",
        "  last_name: Tamm",
        *extra_lines,
        "  school: vvttk",
        '  curriculum: "150001"',
        "  group: TA-24",
        "  course: 3",
        "  start: 2024-09-02",
        "  nominal_end: 2027-06-30",
        "  status:",
        "    - status: active",
        "      start: 2024-09-02",
        "",
    ])


def _root_with(tmp_path, rel, content):
    files = base_data()
    files[rel] = content
    return write_data(tmp_path / "data", files)


@pytest.mark.parametrize("line", LEAKY_LINES,
                         ids=["misspelt-key", "capital-key", "quoted-key-spaced-iban", "flow-style"])
def test_validate_masks_personal_codes_and_ibans_by_value_in_quoted_lines(cli, tmp_path, line):
    root = _root_with(tmp_path, STUDENTS, _student_text(line))
    result = cli("validate", "--data", root, "--as-of", AS_OF)
    assert result.exit_code == 1, result.output
    assert f"{STUDENTS}:4: " in result.stdout  # the line is quoted as a finding's source
    assert ADULT_CODE not in result.stdout and IBAN not in result.stdout and IBAN_SPACED not in result.stdout
    assert ADULT_CODE[-4:] in result.stdout or IBAN[-4:] in result.stdout  # still tells records apart

    shown = cli("validate", "--data", root, "--as-of", AS_OF, "--show-pii")
    assert line.strip() in shown.stdout


def test_validate_json_masks_a_personal_code_quoted_in_a_finding_message(cli, tmp_path):
    text = _student_text(f'  email: "isikukood {ADULT_CODE}"')  # the code typed into the wrong field
    root = _root_with(tmp_path, STUDENTS, text)
    code, doc = cli.validate_json(root)
    assert code == 1
    [f] = [f for f in findings_of(doc, "email") if f["path"] == "students[0].email"]
    assert ADULT_CODE not in json.dumps(doc) and "*******" + ADULT_CODE[-4:] in f["message"]
    _, shown = cli.validate_json(root, "--show-pii")
    assert ADULT_CODE in json.dumps(shown)


def test_symlink_leaving_the_data_folder_is_refused_and_never_quoted(cli, tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("root:x:0:0:root:/root:/bin/bash\nsecret: value\n")
    root = write_data(tmp_path / "data", base_data())
    (root / "students" / "leak.yaml").symlink_to(secret)
    (root / "students" / "inside.yaml").symlink_to(root / "students" / "TA-24.yaml")  # stays inside: fine
    result = cli("validate", "--data", root, "--as-of", AS_OF, "--format", "json", "--lang", "en")
    assert result.exit_code == 1, result.output
    doc = json.loads(result.stdout)
    [f] = findings_of(doc, "file-outside-folder")
    assert f["file"] == f"{root}/students/leak.yaml" and str(secret) in f["message"] and f["hint"]
    assert "root:x" not in result.output and "secret: value" not in result.output
    text = cli("validate", "--data", root, "--as-of", AS_OF)
    assert "root:x" not in text.stdout
    # The rest of the folder is read: the linked copy inside the folder duplicates S1 and S2.
    assert findings_of(doc, "duplicate-id")


def _run(tmp_path, *args: str) -> subprocess.CompletedProcess:
    """A real process with a time limit: reading a FIFO would block it, not the test run."""
    env = {**os.environ, "CLUSTER_CACHE_DIR": str(tmp_path / "cache"), "COLUMNS": "200"}
    return subprocess.run([sys.executable, "-m", "cluster_cli", *args, "--as-of", AS_OF, "--lang", "en"],
                          capture_output=True, text=True, timeout=60, env=env, cwd=tmp_path)


def test_fifo_named_yaml_is_refused_without_hanging(tmp_path):
    root = write_data(tmp_path / "data", base_data())
    os.mkfifo(root / "students" / "pipe.yaml")
    os.mkfifo(root / "placements2.yaml")  # at the top of the folder too
    proc = _run(tmp_path, "validate", "--data", str(root), "--format", "json")
    assert proc.returncode == 1, proc.stderr
    doc = json.loads(proc.stdout)
    refused = findings_of(doc, "file-not-regular")
    assert [f["file"] for f in refused] == [f"{root}/placements2.yaml", f"{root}/students/pipe.yaml"]
    assert "named pipe" in refused[0]["message"]
    assert [f["code"] for f in doc["findings"] if f["severity"] == "error"] == ["file-not-regular"] * 2


def test_file_over_the_size_limit_is_refused_before_it_is_read(cli, tmp_path, monkeypatch):
    files = base_data()
    files["students/big.yaml"] = "# padding\n" * 20_000  # 200 kB: not YAML data at all, never parsed
    root = write_data(tmp_path / "data", files)
    monkeypatch.setenv("CLUSTER_MAX_FILE_MB", "0.1")
    code, doc = cli.validate_json(root, "--lang", "en")
    assert code == 1
    [f] = [f for f in doc["findings"] if f["severity"] == "error"]
    assert (f["code"], f["file"], f["line"]) == ("file-over-limit", f"{root}/students/big.yaml", 0)
    assert "0.2\u00a0MB, over the limit of 0.1\u00a0MB" in f["message"] and "CLUSTER_MAX_FILE_MB=1" in f["hint"]
    assert findings_of(doc, "file-no-records") == []  # refused before it was read
    monkeypatch.setenv("CLUSTER_MAX_FILE_MB", "1")
    code, doc = cli.validate_json(root, "--lang", "en")
    assert [f["code"] for f in doc["findings"] if f["severity"] == "error"] == []
    assert [f["code"] for f in doc["findings"] if f["file"].endswith("big.yaml")] == ["file-no-records"]


def test_report_refuses_with_a_refused_file_as_first_cause(tmp_path):
    root = write_data(tmp_path / "data", base_data())
    os.mkfifo(root / "students" / "pipe.yaml")
    proc = _run(tmp_path, "debts", "--data", str(root))
    assert proc.returncode == 2, proc.stderr
    assert "The data has 1 loading error; the report would be incomplete. The error: " in proc.stderr
    assert f"The error: {root}/students/pipe.yaml: This is not an ordinary file" in proc.stderr
