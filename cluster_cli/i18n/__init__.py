"""The message catalogue: every user-facing sentence, in Estonian (default) and English.

Entries live in `catalog.py` as ``key: (estonian, english)``; hints under ``key + ".hint"``.
Templates use ``str.format`` fields; a missing field never crashes a report — the template is
shown with the field name left in braces, which a test of the catalogue catches first.
"""

from __future__ import annotations

from contextlib import contextmanager
from contextvars import ContextVar
from datetime import date, datetime
from typing import Any, Iterator, NamedTuple

LANGUAGES = ("et", "en")
DEFAULT_LANGUAGE = "et"


class Phrase(NamedTuple):
    """A translatable piece inside a message's arguments (e.g. the reason a value is wrong)."""

    key: str
    args: tuple = ()


# Inside a JSON document (for programs) a date in a sentence stays ISO whatever the language:
# the JSON output's bytes do not change with the way people write dates.
_ISO_DATES: ContextVar[bool] = ContextVar("iso_dates", default=False)


@contextmanager
def iso_dates() -> Iterator[None]:
    """Dates in the messages put together inside this block (or a function it decorates) are
    ISO `2026-11-23` in every language — for JSON documents."""
    token = _ISO_DATES.set(True)
    try:
        yield
    finally:
        _ISO_DATES.reset(token)


def date_text(day: date, lang: str) -> str:
    """A date inside a sentence as the language writes it: Estonian `23.11.2026`, English ISO
    `2026-11-23` (stdlib only: i18n is the base layer)."""
    if lang == "et" and not _ISO_DATES.get():
        return day.strftime("%d.%m.%Y")  # the tool's dates are 1900–2199 (limits.py)
    return day.isoformat()


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
    """Phrases are translated; lists print as comma-separated text; dates as the language
    writes them (`date_text`)."""
    if isinstance(value, date) and not isinstance(value, datetime):
        return date_text(value, lang)
    if isinstance(value, Phrase):
        return t(value.key, lang, **dict(value.args))
    if isinstance(value, (list, tuple)):
        return ", ".join(str(_text(v, lang)) for v in value)
    return value
