"""The message catalogue: every key the code uses exists, in both languages, with the same fields."""

from __future__ import annotations

import re
import string
from pathlib import Path

from cluster_cli.i18n.catalog import MESSAGES

PACKAGE = Path(__file__).resolve().parents[1] / "cluster_cli"


def _fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def test_both_languages_use_the_same_fields():
    for key, (et, en) in MESSAGES.items():
        assert _fields(et) == _fields(en), key
        assert et and en, key


def test_every_key_used_in_code_exists():
    used: set[str] = set()
    for path in PACKAGE.rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        used |= set(re.findall(r'key="([a-z0-9.\-]+)"', text))
        used |= set(re.findall(r'\bt\("([a-z0-9.\-_]+)"', text))
        used |= set(re.findall(r'fail\("([a-z0-9.\-]+)"', text))
    # rule codes whose message key is the code itself
    from cluster_cli.regulation.rules import RULE_IDS

    missing = sorted(k for k in used if k not in MESSAGES and not k.endswith("."))
    assert not missing, missing
    for rule in RULE_IDS:
        assert rule in MESSAGES or any(k.startswith(rule + ".") for k in MESSAGES), rule
        assert "rule." + rule in MESSAGES, rule


def _finding_codes() -> set[str]:
    """Codes that findings carry: every rule id, and the codes the loader makes."""
    from cluster_cli.regulation.rules import RULE_IDS

    codes = set(RULE_IDS)
    for path in PACKAGE.rglob("*.py"):
        codes |= set(re.findall(r'make\(\s*"(?:error|warning|info)",\s*"([a-z0-9-]+)"',
                                path.read_text(encoding="utf-8")))
        codes |= {p for p in re.findall(r'Problem\([^,]+,\s*"([a-z0-9-]+)"', path.read_text(encoding="utf-8"))}
    return codes


def test_every_finding_message_has_a_hint():
    codes = _finding_codes()
    assert {"minor-guardian", "yaml-syntax", "missing-field"} <= codes
    for key in MESSAGES:
        if key.endswith(".hint") or key.split(".")[0] not in codes:
            continue
        assert key + ".hint" in MESSAGES, key


def test_no_key_is_defined_in_two_catalogue_modules():
    """The feature modules merge into one dict: a repeated key would silently replace another."""
    import ast

    owners: dict[str, list[str]] = {}
    for path in sorted((PACKAGE / "i18n").glob("catalog*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            # the messages only: a module may also map data codes to its keys (catalog_words)
            target = node.target if isinstance(node, ast.AnnAssign) else \
                node.targets[0] if isinstance(node, ast.Assign) else None
            if isinstance(target, ast.Name) and target.id == "MESSAGES" and isinstance(node.value, ast.Dict):
                for key in node.value.keys:
                    if isinstance(key, ast.Constant) and isinstance(key.value, str):
                        owners.setdefault(key.value, []).append(path.name)
    assert {k: v for k, v in owners.items() if len(v) > 1} == {}
    assert len(owners) == len(MESSAGES)
