"""`cluster --help` stays fast: the CLI layer imports no heavy module at start-up."""

from __future__ import annotations

import json
import subprocess
import sys

HEAVY = ["docxtpl", "docx", "openpyxl", "holidays", "jinja2", "pydantic", "babel", "stdnum",
         "phonenumbers", "email_validator", "yaml", "rich"]


def test_cli_import_pulls_in_no_heavy_module():
    code = (
        "import sys, json; import cluster_cli.cli.app; "
        f"print(json.dumps([m for m in {HEAVY!r} if m in sys.modules]))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert json.loads(out) == []
