"""The message catalogue: every user-facing sentence, in Estonian (default) and English.

Entries live in `catalog.py` as ``key: (estonian, english)``; hints under ``key + ".hint"``.
Templates use ``str.format`` fields; a missing field never crashes a report — the template is
shown with the field name left in braces, which a test of the catalogue catches first.
"""

from __future__ import annotations

from typing import Any, NamedTuple

LANGUAGES = ("et", "en")
DEFAULT_LANGUAGE = "et"


class Phrase(NamedTuple):
    """A translatable piece inside a message's arguments (e.g. the reason a value is wrong)."""

    key: str
    args: tuple = ()


class _Lenient(dict):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def _entry(key: str) -> tuple[str, str] | None:
    from cluster_cli.i18n.catalog import MESSAGES

    return MESSAGES.get(key)


def t(key: str, lang: str = DEFAULT_LANGUAGE, **args: Any) -> str:
    """Translate `key` into `lang`, filling in `args`."""
    entry = _entry(key)
    if entry is None:
        return key
    template = entry[LANGUAGES.index(lang) if lang in LANGUAGES else 0]
    return template.format_map(_Lenient({k: _text(v, lang) for k, v in args.items()}))


def message_for(key: str, lang: str, args: dict[str, Any]) -> str:
    return t(key, lang, **args)


def hint_for(key: str, lang: str, args: dict[str, Any]) -> str:
    hint_key = key + ".hint"
    if _entry(hint_key) is None:
        return ""
    return t(hint_key, lang, **args)


def _text(value: Any, lang: str) -> Any:
    """Phrases are translated; lists print as comma-separated text; dates stay ISO."""
    if isinstance(value, Phrase):
        return t(value.key, lang, **dict(value.args))
    if isinstance(value, (list, tuple)):
        return ", ".join(str(_text(v, lang)) for v in value)
    return value
