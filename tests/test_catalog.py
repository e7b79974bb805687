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


# Namespaces of words and report texts; every other key is a finding, which must say how to fix it.
UI_NAMESPACES = {"ui", "severity", "reason", "usage", "rule", "debts", "state", "col", "action", "grant", "contracts"}


def test_every_finding_message_has_a_hint():
    for key in MESSAGES:
        if key.split(".")[0] in UI_NAMESPACES or key.endswith(".hint"):
            continue
        assert key + ".hint" in MESSAGES, key
