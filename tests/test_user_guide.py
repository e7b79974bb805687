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

import os
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
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "docs/kasutusjuhend.md" in readme
    for anchor in ("#uue-klastri-loomine", "#tabelite-import", "#eksport-excelisse"):
        assert f"docs/kasutusjuhend.md{anchor}" in readme, anchor


def test_the_guide_covers_init_import_and_export():
    text = GUIDE.read_text(encoding="utf-8")
    for heading in ("### Uue klastri loomine", "### Tabelite import", "### Eksport Excelisse"):
        assert f"\n{heading}\n" in text, heading
    for command in ("init", "import", "export"):
        assert any(c.args and c.args[0] == command for c in COMMANDS), command
    for words in ("--example", "profile.yaml", "--dry-run", "--skip-bad", "--mapping", "--show-pii",
                  "students|grades|attendance|members|placements"):
        assert words in text, words


def test_the_heading_an_import_hint_names_is_in_the_guide():
    """The Estonian hint for a sheet no mapping recognises sends the user to „Tabelite import“."""
    po = (ROOT / "cluster_cli/i18n/locale/et/LC_MESSAGES/cluster_cli.po").read_text(encoding="utf-8")
    hint = re.search(r'msgid "import.no-mapping.hint"\nmsgstr "(.*)"', po).group(1)
    headings = re.findall(r"„([^“]+)“", hint)
    assert headings
    text = GUIDE.read_text(encoding="utf-8")
    for heading in headings:
        assert f"\n### {heading}\n" in text, heading


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


# --- The guide's own words, and the outputs it pastes from broken copies of the data -------------

from tests.test_formal_address import FAMILIAR  # noqa: E402

def test_the_guide_addresses_the_secretary_formally():
    """Its prose and every line it pastes: "Parandage", "Kas mõtlesite", never "Paranda" or "sinule"."""
    text = GUIDE.read_text(encoding="utf-8")
    joined = re.sub(r"\s*\n\s*", " ", text)  # a clause number may sit on the next line
    hits = [f"{m.group(0)!r} in …{joined[max(0, m.start() - 40):m.end() + 40]}…"
            for m in FAMILIAR.finditer(joined)]
    assert hits == []


SAMPLE = "students/vvttk/TA-24.yaml"
VALIDATE = ("validate", "--as-of", "2026-11-23")

# A pasted block preceded by `<!-- näide: NAME -->` is what `cluster ARGS` prints on a copy of data/
# changed so: (file in data/, line, text in that line → its replacement; None removes the line).
# The guide says each change in words above the block.
EXAMPLES: dict[str, tuple[tuple[tuple[str, int, str, str | None], ...], tuple[str, ...]]] = {
    "personal-code": (((SAMPLE, 10, '"50803145618"', '"50803145619"'),), VALIDATE),
    "iban": (((SAMPLE, 17, '1559"', '1558"'),), VALIDATE),
    "email-phone": (((SAMPLE, 18, "@opilane.vvttk.ee", "@opilane"), (SAMPLE, 19, "+372 5279 5296", "+372 527")),
                    VALIDATE),
    "date": (((SAMPLE, 15, "start: 2024-09-02", "start: 31.09.2024"),), VALIDATE),
    "date-report": (((SAMPLE, 15, "start: 2024-09-02", "start: 31.09.2024"),), ("debts", "--as-of", "2026-11-23")),
    "comma": (((SAMPLE, 143, "cost: 2.60}", "cost: 2,60}"),), VALIDATE),
    "missing-field": (((SAMPLE, 9, "last_name: Tamm", None),), VALIDATE),
    "unknown-field": (((SAMPLE, 20, "home_settlement:", "home_settlment:"),), VALIDATE),
    "invalid-choice": (((SAMPLE, 26, "status: active", "status: akadeemiline puhkus"),), VALIDATE),
    "references": (((SAMPLE, 13, "group: TA-24", "group: TA-42"), (SAMPLE, 164, "- id: TA-24-02", "- id: TA-24-01")),
                   VALIDATE),
    "tab": (((SAMPLE, 9, "  last_name", "\tlast_name"),), VALIDATE),
    "quote": (((SAMPLE, 10, '"50803145618"', '"50803145618'),), VALIDATE),
    "minor-guardian": (tuple(("students/vvttk/TA-25.yaml", n, old, None) for n, old in (
        (21, "guardian:"), (22, "name: Tiina Sepp"), (23, "relation: ema"), (24, "email:"), (25, "phone:"))),
        VALIDATE),
    "signed-contract": ((("placements/hkk.yaml", 453, "status: valid", "status: review"),), VALIDATE),
    "attendance-count": (((SAMPLE, 121, "unexcused: 0", "unexcused: 270"),), VALIDATE),
    "debt-dates": (((SAMPLE, 903, "cleared: 2026-10-28", "cleared: 2026-10-02"),), VALIDATE),
    "grade-scale": (((SAMPLE, 32, 'value: "5"', "value: A"),), VALIDATE),
    "grade-date": (((SAMPLE, 33, "date: 2026-03-03", "date: 2024-08-20"),), VALIDATE),
    "leave-return": (tuple(("students/hkk/ITT-25.yaml", n, old, None) for n, old in (
        (146, "- status: active"), (147, "start: 2027-02-01"), (148, "note: plaanitud naasmine"))),
        ("debts", "--as-of", "2027-02-03", "--student", "ITT-25-02", "--view", "actions", "--no-pager")),
    "refused": ((("placements/vvttk.yaml", 1104, "status: draft", "status: valid"),),
                ("contracts", "render", "VV-2027-06", "--as-of", "2027-02-08", "--dry-run")),
    # Typing errors on the unchanged sample data.
    "rule-typo": ((), ("validate", "--select", "ibann")),
    "option-typo": ((), ("debts", "--formt", "csv")),
    "student-typo": ((), ("debts", "--student", "TA-24-99")),
    "student-typo-2": ((), ("debts", "--student", "TA-25-3")),
    "round": ((), ("grants", "rank", "--round", "2026-talv")),
    "no-such-date": ((), ("debts", "--as-of", "31.11.2026")),
}

MARKER = re.compile(r"^<!-- näide: (\S+) -->$")


def guide_examples() -> dict[str, list[str]]:
    """NAME → the lines of the code block after its marker."""
    found: dict[str, list[str]] = {}
    name, lines = None, None
    for raw in GUIDE.read_text(encoding="utf-8").splitlines():
        if (m := MARKER.match(raw.strip())) is not None:
            name = m.group(1)
        elif raw.startswith("```") and name is not None:
            if lines is None:
                lines = []
            else:
                found[name], name, lines = lines, None, None
        elif lines is not None:
            lines.append(raw)
    return found


def break_copy(root: Path, edits) -> None:
    """Copy data/ into root and make the edits (bottom-up, so each line number is the original's)."""
    shutil.copytree(ROOT / "data", root / "data")
    for file, line, old, new in sorted(edits, key=lambda e: (e[0], -e[1])):
        path = root / "data" / file
        lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
        assert old in lines[line - 1], f"{file}:{line} is now {lines[line - 1]!r}, not {old!r}"
        if new is None:
            del lines[line - 1]
        else:
            lines[line - 1] = lines[line - 1].replace(old, new)
        path.write_text("".join(lines), encoding="utf-8")


def _printed(line: str, printed: set[str]) -> bool:
    """The line is printed, or it ends in `…` where the guide cut a long line short."""
    if _plain(line) in printed:
        return True
    head, cut, tail = _plain(line).rpartition("…")
    return bool(cut) and tail in ("", ")") and any(p.startswith(head) for p in printed)


def run_example(name: str, root: Path) -> str:
    edits, args = EXAMPLES[name]
    break_copy(root, edits)
    old = Path.cwd()
    os.chdir(root)
    try:
        result = CliRunner().invoke(app, list(args), prog_name="cluster", env={"COLUMNS": "80"})
    finally:
        os.chdir(old)
    assert "Traceback" not in result.output, result.output
    return result.output


def test_every_broken_example_is_in_the_guide():
    assert sorted(guide_examples()) == sorted(EXAMPLES)


@pytest.mark.parametrize("name", sorted(EXAMPLES))
def test_broken_example_prints_what_the_guide_shows(name: str, tmp_path: Path, monkeypatch):
    monkeypatch.setenv("CLUSTER_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setenv("CLUSTER_LANG", "et")
    shown = guide_examples()[name]
    printed = {_plain(line) for line in run_example(name, tmp_path).splitlines()}
    stale = [line for line in shown if line.strip() not in ("", "…") and not _printed(line, printed)]
    assert not stale, f"näide {name} no longer prints:\n" + "\n".join(stale)
