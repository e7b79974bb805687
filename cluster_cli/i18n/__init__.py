"""The message catalogue: every user-facing sentence, in Estonian (default) and English.

Messages live in gettext catalogues, ``i18n/locale/{et,en}/LC_MESSAGES/cluster_cli.po``, compiled to
the ``.mo`` beside them (README: Translating). The msgid is a stable key ("debts.summary"), never
the wording; hints (how to fix) are the key + ``.hint``. A plural is one entry with ``msgid KEY``,
``msgid_plural KEY.plural`` and ``msgstr[0]`` (one) / ``msgstr[1]`` (other), used with `tn`.

Every key is a literal at its call site (`t("…")`, `tn("…")`, `fail("…")`, `Phrase("…")`, a
finding's code or ``key="…"``, `N_("…")` in tables) so that extraction (``i18n/extract.py``) sees
it. A message missing in one language is taken from the other; templates use ``str.format``
fields, and a missing field is shown in braces rather than crash a report.
"""

from __future__ import annotations

from contextlib import contextmanager
from contextvars import ContextVar
from datetime import date, datetime
from decimal import Decimal
from typing import Any, Iterator, NamedTuple

LANGUAGES = ("et", "en")
DEFAULT_LANGUAGE = "et"
DOMAIN = "cluster_cli"
LOCALE_DIR = None  # default: the package's i18n/locale (tests point it elsewhere)
PLURAL_SUFFIX = ".plural"
COUNT = "count"  # the argument a plural entry named by its key (not through `tn`) agrees with


class Phrase(NamedTuple):
    """A translatable piece inside a message's arguments (e.g. the reason a value is wrong)."""

    key: str
    args: tuple = ()


def N_(key: str) -> str:
    """Mark a literal key kept in a table (translated later with `t`); returns it unchanged."""
    return key


class PluralKey(str):
    """The key of a plural entry kept in a table: translate it with `tn`, not `t`."""

    __slots__ = ()


def NP_(key: str) -> PluralKey:
    """Mark a literal plural key kept in a table (translated later with `tn`)."""
    return PluralKey(key)


class Period(str):
    """The id of a study period or a grant round (`2026-autumn`, `2027-spring`), written for
    people in their language wherever it is shown — a message argument, a table cell, a CSV or
    XLSX cell: `2026-sügis` / `2027-kevad` in Estonian (`period_text`). It stays the id itself as
    a `str` (compared, hashed and written to JSON as the id)."""

    __slots__ = ()


class Month(str):
    """A month id `2026-11` as a message argument, written for people in their language
    (`month_text`: Estonian `11.2026`); it stays the id itself as a `str` (ISO in JSON)."""

    __slots__ = ()


_SEASONS = {"autumn": N_("values.season.autumn"), "spring": N_("values.season.spring")}


def period_text(period: str, lang: str) -> str:
    """A period id as the language writes it: `2026-autumn` → Estonian `2026-sügis`, English
    `2026-autumn`; an id of any other form as it is. Inside `iso_dates` (a JSON document) the id."""
    year, dash, season = period.partition("-")
    if _ISO_DATES.get() or not (dash and len(year) == 4 and year.isascii() and year.isdigit() and season in _SEASONS):
        return str(period)
    return f"{year}-{t(_SEASONS[season], lang)}"
# Inside a JSON document (for programs) a date in a sentence stays ISO whatever the language, and
# a period id stays the id: the JSON output's bytes do not change with the way people write them.
_ISO_DATES: ContextVar[bool] = ContextVar("iso_dates", default=False)


@contextmanager
def iso_dates() -> Iterator[None]:
    """Dates in the messages put together inside this block (or a function it decorates) are
    ISO `2026-11-23` in every language, and period ids the ids (`2026-autumn`) — for JSON
    documents."""
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


def month_text(month: str, lang: str) -> str:
    """A month id `2026-11` inside a sentence, written like `date_text` writes its day: Estonian
    `11.2026` (as an official text or a bank statement writes a month in figures, and no case
    ending to inflect: "kuu 11.2026 eest"), English `2026-11`; ISO inside a JSON document."""
    if lang == "et" and not _ISO_DATES.get():
        return f"{month[5:7]}.{month[:4]}"
    return month


def months_text(first: str, last: str, lang: str) -> str:
    """A run of months `2026-09 – 2027-01` as `month_text` writes each end (one month alone)."""
    if first == last:
        return month_text(first, lang)
    return f"{month_text(first, lang)} – {month_text(last, lang)}"


class _Lenient(dict):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


_CATALOGUES: dict[str, Any] = {}


def _catalogue(lang: str) -> Any:
    """The language's compiled catalogue, falling back to the other language's, then to nothing
    (`None` for a message neither has). Loaded on first use: `cluster --help` never reads a .mo."""
    lang = lang if lang in LANGUAGES else DEFAULT_LANGUAGE
    if lang not in _CATALOGUES:
        import gettext
        from pathlib import Path

        class _Missing(gettext.NullTranslations):
            def gettext(self, message: str) -> Any:
                return None

            def ngettext(self, msgid1: str, msgid2: str, n: int) -> Any:
                return None

        class _Later(gettext.NullTranslations):
            """The next language's catalogue, read the first time a message is missing."""

            def __init__(self, load):
                super().__init__()
                self._load, self._loaded = load, None

            def _catalogue(self):
                if self._loaded is None:
                    self._loaded = self._load()
                return self._loaded

            def gettext(self, message: str) -> Any:
                return self._catalogue().gettext(message)

            def ngettext(self, msgid1: str, msgid2: str, n: int) -> Any:
                return self._catalogue().ngettext(msgid1, msgid2, n)

        folder = LOCALE_DIR or Path(__file__).parent / "locale"

        def load(codes: list[str]):
            catalogue = gettext.translation(DOMAIN, folder, languages=[codes[0]])
            catalogue.add_fallback(_Later(lambda: load(codes[1:])) if codes[1:] else _Missing())
            return catalogue

        _CATALOGUES[lang] = load(_order(lang))
    return _CATALOGUES[lang]


def _order(lang: str) -> list[str]:
    return [lang] + [code for code in LANGUAGES if code != lang]


def _missing(key: str, lang: str, args: dict[str, Any]) -> str:
    """Last resort, never reached for a key the code uses (tests/test_catalog.py): no bare key."""
    shown = ", ".join(f"{k}={_text(v, lang)}" for k, v in args.items())
    return ("(message missing: {})" if lang == "en" else "(sõnum puudub: {})").format(shown)


def t(key: str, lang: str = DEFAULT_LANGUAGE, **args: Any) -> str:
    """Translate `key` into `lang`, filling in `args`. A plural entry kept as a key (a finding's, a
    reason's, one marked `NP_` in a table) takes the form for its ``count`` argument."""
    catalogue = _catalogue(lang)
    if COUNT in args and catalogue.ngettext(key, key + PLURAL_SUFFIX, 1) is not None:
        return tn(key, args[COUNT], lang, **args)  # (gettext would give a plural entry's one form)
    template = catalogue.gettext(key)
    if template is None:
        return _missing(key, lang, args)
    return template.format_map(_Lenient({k: _text(v, lang) for k, v in args.items()}))


def tn(key: str, n: int, lang: str = DEFAULT_LANGUAGE, **args: Any) -> str:
    """Translate the plural entry `key` for the count `n` (``{n}`` in the text is the count)."""
    count = n if isinstance(n, int) else 0  # a count not known ("—"): the form of many
    template = _catalogue(lang).ngettext(key, key + PLURAL_SUFFIX, count)
    args = {"n": n, **args}
    if template is None:
        return _missing(key, lang, args)
    return template.format_map(_Lenient({k: _text(v, lang) for k, v in args.items()}))


def has(key: str, lang: str = DEFAULT_LANGUAGE) -> bool:
    """Whether the catalogue (either language) has a message `key`."""
    return _catalogue(lang).gettext(key) is not None


def message_for(key: str, lang: str, args: dict[str, Any]) -> str:
    return t(key, lang, **args)


def hint_for(key: str, lang: str, args: dict[str, Any]) -> str:
    hint_key = key + ".hint"
    if not has(hint_key, lang):
        return ""
    return t(hint_key, lang, **args)


def _text(value: Any, lang: str) -> Any:
    """Phrases are translated; lists print as comma-separated text; dates, period ids and (in
    Estonian) decimal numbers as the language writes them (`date_text`, `period_text`)."""
    if isinstance(value, date) and not isinstance(value, datetime):
        return date_text(value, lang)
    if isinstance(value, Period):
        return period_text(value, lang)
    if isinstance(value, Month):
        return month_text(value, lang)
    if isinstance(value, Phrase):
        return t(value.key, lang, **dict(value.args))
    if isinstance(value, (list, tuple)):
        return ", ".join(str(_text(v, lang)) for v in value)
    if isinstance(value, (Decimal, float)) and lang == "et":
        return _decimal_comma(value)
    return value


def _decimal_comma(value: Decimal | float) -> str:
    """A number with decimals as Estonian writes it in a sentence: `0,5`, `1 380,5` (the places
    it has, trailing zeros kept as given; thousands grouped by Babel's Estonian rules)."""
    from babel.numbers import format_decimal

    exact = Decimal(str(value))
    places = max(0, -exact.as_tuple().exponent) if exact.is_finite() else 0
    return format_decimal(exact, "#,##0" + ("." + "0" * places if places else ""), locale="et")
