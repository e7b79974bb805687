"""The regulation profile as a table for people: each value as the user's language writes it
(`jah`/`ei`, `0,7`, `60,00`, `2: 0,7; 3: 0,5`) — `cluster profile --format json` keeps the values
as data."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from fractions import Fraction
from typing import Any

from cluster_cli.i18n import t
from cluster_cli.i18n.words import UNIT_WORD, word
from cluster_cli.render.numbers import number_text, quantity_text
from cluster_cli.render.views import View


def value_text(value: Any, lang: str) -> str:
    """One parameter's value in words and numbers of `lang`; a mapping as "key: value; …", a
    list as "a, b", a record with only a name as that name."""
    if value is None:
        return "—"
    if isinstance(value, bool):
        return t("table.yes" if value else "table.no", lang)
    if isinstance(value, Decimal):  # money and exact amounts keep their places
        return number_text(value, lang, max(0, -value.as_tuple().exponent))
    if isinstance(value, Fraction) and value.denominator not in (1, 2, 4, 5, 10, 20, 25, 50, 100):
        return f"{value.numerator}/{value.denominator}"  # 2/3 is exact as a fraction only
    if isinstance(value, (int, float, Fraction)):
        return quantity_text(value, lang, 4)
    if isinstance(value, dict):
        if set(value) == {"name"}:
            return value_text(value["name"], lang)
        return "; ".join(f"{k}: {value_text(v, lang)}" for k, v in value.items())
    if isinstance(value, (list, tuple)):
        return ", ".join(value_text(v, lang) for v in value)
    return str(value)


def profile_view(rows: list[dict], values: list[Any], lang: str) -> View:
    """The profile's table: `rows` as `cluster profile --format json` has them, `values` each
    row's value as the profile holds it (Decimal, Fraction, bool …)."""
    return View("profile", "profile.view", [
        ("parameter", "ui.parameter"), ("value", "ui.value"), ("unit", "ui.unit"), ("clause", "ui.clause"),
        ("valid_from", "ui.valid_from"), ("description", "ui.description"),
    ], [{**r, "value": value_text(v, lang), "unit": word(UNIT_WORD, r["unit"], lang),
         "valid_from": date.fromisoformat(r["valid_from"])} for r, v in zip(rows, values)],
        kinds={"parameter": "id", "value": "text", "unit": "text", "clause": "code", "valid_from": "date",
               "description": "text"},
        compact=("parameter", "value", "unit", "valid_from", "description"))
