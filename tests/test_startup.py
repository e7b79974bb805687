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


def test_help_imports_no_command_module():
    """`cluster --help` lists the commands from their registered names and help keys
    (cli/app.py, cli/lazy.py): no command's module is imported, none of them is built."""
    code = (
        "import sys, json\n"
        "sys.argv = ['cluster', '--help']\n"
        "from cluster_cli.cli.app import main\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "print('MODULES', json.dumps(sorted(m for m in sys.modules if m.startswith('cluster_cli.cli.'))))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert "validate" in out and "members" in out  # the command list was shown
    modules = json.loads(out.split("MODULES ", 1)[1])
    assert set(modules) <= {"cluster_cli.cli.app", "cluster_cli.cli.helptext", "cluster_cli.cli.lazy",
                            "cluster_cli.cli.locate", "cluster_cli.cli.coercion"}, modules


def test_a_command_builds_only_itself():
    """`cluster debts --help` imports the debts command's module, not the other commands'."""
    code = (
        "import sys, json\n"
        "sys.argv = ['cluster', 'debts', '--help']\n"
        "from cluster_cli.cli.app import main\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "print('MODULES', json.dumps(sorted(m for m in sys.modules if m.startswith('cluster_cli.cli.'))))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    modules = set(json.loads(out.split("MODULES ", 1)[1]))
    assert "cluster_cli.cli.debts" in modules
    assert not modules & {"cluster_cli.cli.contracts", "cluster_cli.cli.grants", "cluster_cli.cli.match",
                          "cluster_cli.cli.intake", "cluster_cli.cli.members"}, modules


def test_completing_a_command_name_imports_no_command_module():
    """`cluster gr<Tab>` offers the command with its help text from the registry (zsh shows it),
    without importing any command's module."""
    import os

    code = (
        "import sys, json\n"
        "sys.argv[0] = 'cluster'\n"
        "from cluster_cli.cli.app import main\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "print('MODULES', json.dumps(sorted(m for m in sys.modules if m.startswith('cluster_cli.cli.'))))\n"
    )
    env = dict(os.environ, _CLUSTER_COMPLETE="complete_zsh", _TYPER_COMPLETE_ARGS="cluster gr", CLUSTER_LANG="en")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, env=env).stdout
    offered, modules = out.split("MODULES ", 1)
    assert '"grants":"Basic study allowance' in offered and "validate" not in offered, offered
    assert set(json.loads(modules)) <= {"cluster_cli.cli.app", "cluster_cli.cli.helptext", "cluster_cli.cli.lazy",
                                        "cluster_cli.cli.locate", "cluster_cli.cli.coercion"}, modules
