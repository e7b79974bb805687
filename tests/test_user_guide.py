"""The user guide (docs/kasutusjuhend.md) shows commands the secretary types: each `$ cluster …`
line of its code blocks runs, as written, on a copy of the sample data, and none is a usage error
(exit 2) or ends in a traceback. The lines pasted under a command (its output, trimmed with `…`)
are lines the command prints today, at 80 columns.

A block runs in the folder that holds `data/` (the tool's folder in the guide, `~/cluster_cli`);
`$ cd X` inside a block moves there for the block's later lines (`cd ~/…` or `cd /…` goes back).
`VAR=value cluster …` runs with that environment variable. Only lines with the prompt (`$ `) are
commands, so an output line such as `cluster 0.1.0` is not run.
"""

from __future__ import annotations

import re
import shlex
import shutil
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from typer.testing import CliRunner

from cluster_cli.cli.app import app

ROOT = Path(__file__).resolve().parent.parent
GUIDE = ROOT / "docs" / "kasutusjuhend.md"

# Pasted output that differs from run to run: the user's home folder and the cache's last pruning.
VARIES = re.compile(r"/home/sekretar|^Puhastus kord päevas|^\d+ kirjet, ")

PROMPT = re.compile(r"^(?:\(\.venv\) )?\$ ")
ASSIGNMENT = re.compile(r"^[A-Z_][A-Z0-9_]*=")


@dataclass(frozen=True)
class Command:
    line: int  # 1-based line in the guide
    text: str  # as written, without the prompt
    cwd: str  # relative to the folder holding data/ ("" = that folder)
    args: tuple[str, ...]
    env: tuple[tuple[str, str], ...] = field(default=())
    shown: tuple[str, ...] = field(default=())  # the output lines pasted under it


def guide_commands() -> list[Command]:
    commands: list[Command] = []
    in_block = False
    cwd = ""
    shown: list[str] | None = None  # output lines of the block's last cluster command
    for number, raw in enumerate(GUIDE.read_text(encoding="utf-8").splitlines(), start=1):
        stripped = raw.strip()
        if stripped.startswith("```"):
            in_block, cwd, shown = not in_block, "", None
            continue
        if not in_block:
            continue
        if not PROMPT.match(raw):
            if shown is not None:
                shown.append(raw)
            continue
        text = PROMPT.sub("", raw)
        shown = None
        if not (text.startswith("cluster ") or text.startswith("cd ") or ASSIGNMENT.match(text)):
            continue  # a command of the shell
        words = shlex.split(text, comments=True)
        if words[0] == "cd":
            target = words[1]
            cwd = "" if target.startswith(("~", "/")) else str(Path(cwd, target))
            continue
        env = []
        while words and ASSIGNMENT.match(words[0]):
            name, _, value = words.pop(0).partition("=")
            env.append((name, value))
        if not words or words[0] != "cluster":
            continue
        shown = []
        commands.append(Command(number, text.split(" #")[0].strip(), cwd, tuple(words[1:]), tuple(env), shown))
    return [Command(c.line, c.text, c.cwd, c.args, c.env, tuple(c.shown)) for c in commands]


COMMANDS = guide_commands()


@pytest.fixture(scope="module")
def tool_folder(tmp_path_factory) -> Path:
    """The secretary's folder: a copy of the sample data and of the templates to edit."""
    root = tmp_path_factory.mktemp("cluster_cli")
    shutil.copytree(ROOT / "data", root / "data")
    shutil.copytree(ROOT / "templates", root / "templates")
    (root / "home").mkdir()
    return root


def test_the_guide_has_its_parts_and_commands():
    text = GUIDE.read_text(encoding="utf-8")
    for heading in ("## 1. Esimesed sammud", "## 2. Kuu rutiin", "## 3. Sõnumid ja nende parandamine",
                    "## 4. Kus failid on"):
        assert heading in text
    assert "<!-- i15 -->" not in text  # issue 15 is merged: no passage waits for it
    assert len(COMMANDS) >= 40, COMMANDS
    for command in ("validate", "debts", "grants", "allowances", "contracts", "calendar", "cache", "rules"):
        assert any(c.args and c.args[0] == command for c in COMMANDS), command


def test_the_guide_shows_what_the_secretary_meets():
    """Issue 15's language work and issue 16's rules, each where the secretary looks for it."""
    texts = {c.text for c in COMMANDS}
    for command in ("cluster --help", "CLUSTER_LANG=en cluster --help", "cluster debts --help --lang en",
                    "cluster --version", "cluster --install-completion",
                    "cluster members list --kind ettevõte --as-of 2026-11-23",
                    "cluster grants rank --round 2026-sügis"):
        assert command in texts, command
    text = GUIDE.read_text(encoding="utf-8")
    messages = text[text.index("## 3. Sõnumid"):text.index("## 4. Kus failid on")]
    for rule in ("signed-contract", "attendance-count", "debt-dates", "grade-scale", "grade-date", "no-show",
                 "puhkuselt naasmata"):
        assert rule in messages, rule
    for shell in ("bash", "zsh", "fish"):
        assert shell in text
    assert "_kahepoolne" in text and "12.7.2" in text
    assert "praegu real" not in text


def test_the_readme_links_the_guide():
    assert "docs/kasutusjuhend.md" in (ROOT / "README.md").read_text(encoding="utf-8")


def _plain(line: str) -> str:
    """A line as the guide writes it: amounts keep their no-break space (60,00 €) as a space."""
    return line.replace("\u00a0", " ").replace("\u202f", " ").rstrip()


@pytest.mark.parametrize("command", COMMANDS, ids=[f"line{c.line}" for c in COMMANDS])
def test_guide_command_runs(command: Command, tool_folder: Path, monkeypatch):
    monkeypatch.chdir(tool_folder / command.cwd)
    # Completion is installed into $HOME; the cache is shared by this module's commands.
    monkeypatch.setenv("HOME", str(tool_folder / "home"))
    monkeypatch.setenv("CLUSTER_CACHE_DIR", str(tool_folder / "cache"))
    monkeypatch.setenv("COLUMNS", "80")  # the guide's terminal
    for name, value in command.env:
        monkeypatch.setenv(name, value)
    result = CliRunner().invoke(app, list(command.args), prog_name="cluster")
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception
    output = result.output
    assert "Traceback" not in output, output
    assert result.exit_code != 2, f"line {command.line}: {command.text}\n{output}"
    printed = {_plain(line) for line in output.splitlines()}
    stale = [line for line in command.shown
             if line.strip() not in ("", "…") and not VARIES.search(line) and _plain(line) not in printed]
    assert not stale, f"line {command.line}: {command.text} no longer prints:\n" + "\n".join(stale)
