"""Turning pydantic's validation errors into findings a secretary can act on."""

from __future__ import annotations

import difflib
import types
import typing
from datetime import date
from decimal import Decimal
from typing import Any

from pydantic import BaseModel, ValidationError

from cluster_cli.findings import Finding, Pii, make
from cluster_cli.i18n import N_, Phrase
from cluster_cli.model.common import Origin

# Fields whose values are personal data: masked when they appear in a message.
PII_FIELDS = frozenset({"personal_code", "iban"})

_REASONS = {
    "int_parsing": N_("reason.int"),
    "int_type": N_("reason.int"),
    "int_from_float": N_("reason.int"),
    "float_parsing": N_("reason.number"),
    "float_type": N_("reason.number"),
    "decimal_parsing": N_("reason.number"),
    "decimal_type": N_("reason.number"),
    "money_parsing": N_("reason.money"),  # cluster_cli.model.numbers
    "number_split": N_("reason.number-split"),
    "bool_parsing": N_("reason.bool"),
    "bool_type": N_("reason.bool"),
    "string_type": N_("reason.text"),
    "string_too_short": N_("reason.text_empty"),
    "string_pattern_mismatch": N_("reason.pattern"),
    "list_type": N_("reason.list"),
    "too_short": N_("reason.list_empty"),
    "dict_type": N_("reason.mapping"),
    "model_type": N_("reason.mapping"),
    "model_attributes_type": N_("reason.mapping"),
    "greater_than": N_("reason.gt"),
    "greater_than_equal": N_("reason.ge"),
    "less_than_equal": N_("reason.le"),
    "date_type": N_("reason.date"),
    "date_parsing": N_("reason.date"),
    "date_from_datetime_parsing": N_("reason.date"),
    "date_from_datetime_inexact": N_("reason.date"),
    "string_too_long": N_("reason.text-long"),
    "too_long": N_("reason.list-long"),
    "less_than": N_("reason.lt"),
    "multiple_of": N_("reason.multiple"),
    "finite_number": N_("reason.number"),
    "decimal_max_places": N_("reason.decimal-places"),
    "decimal_max_digits": N_("reason.decimal-digits"),
    "decimal_whole_digits": N_("reason.decimal-digits"),
}


def _glossed(field: str, choice: str) -> str | Phrase:
    """A choice as a hint lists it: with its Estonian meaning where a word table has one."""
    from cluster_cli.i18n.words_fields import CHOICE

    key = f"{field}.{choice}"
    return Phrase(CHOICE[key]) if key in CHOICE else choice


def _closest_choice(field: str, value: str, choices: list[str]) -> str | None:
    """A misspelt choice's closest one (difflib, as for a misspelt field), or the choice whose
    Estonian meaning was written (`põhiharidus` for `basic`)."""
    from cluster_cli.i18n import t
    from cluster_cli.i18n.words_fields import CHOICE

    close = difflib.get_close_matches(value, choices, n=1)
    if close:
        return close[0]
    meanings = {t(CHOICE[f"{field}.{c}"], "et").split(" (", 1)[-1].rstrip(")").casefold(): c
                for c in choices if f"{field}.{c}" in CHOICE}
    close = difflib.get_close_matches(value.casefold(), list(meanings), n=1)
    return meanings[close[0]] if close else None


def shape_findings(error: ValidationError, model: type[BaseModel], origin: Origin) -> list[Finding]:
    """One finding per validation error, located at the offending key or item."""
    findings = []
    for err in error.errors(include_url=False):
        loc = tuple(err["loc"])
        # pydantic adds a tag step for tagged unions; keep only the steps that exist in the data
        line = origin.line_of(loc)
        path = origin.path_text(loc)
        kind = err["type"]
        field = next((str(s) for s in reversed(loc) if isinstance(s, str)), "")
        value = err.get("input")
        shown = Pii(str(value)) if field in PII_FIELDS else _short(value)
        if kind == "invalid_key":
            # A key that is not text (`1: x`): pydantic's loc ends in the key itself.
            allowed = sorted(_fields_at(model, loc[:-1]))
            findings.append(make("error", "unknown-field", "", origin.file, line, path,
                                 N_("unknown-field.not-text"), field=_short(loc[-1]) if loc else "",
                                 allowed=allowed))
        elif kind == "missing":
            findings.append(make("error", "missing-field", "", origin.file, line, path, field=field))
        elif kind == "extra_forbidden":
            allowed = sorted(_fields_at(model, loc[:-1]))
            close = difflib.get_close_matches(field, allowed, n=1)
            findings.append(
                make(
                    "error",
                    N_("unknown-field"),
                    "",
                    origin.file,
                    line,
                    path,
                    N_("unknown-field.close") if close else N_("unknown-field"),
                    field=field,
                    close=close[0] if close else "",
                    allowed=allowed,
                )
            )
        elif kind == "literal_error":
            choices = err.get("ctx", {}).get("expected", "").replace("'", "").replace(" or ", ", ").split(", ")
            close = _closest_choice(field, str(err.get("input", "")), choices)
            findings.append(
                make("error", "invalid-choice", "", origin.file, line, path,
                     N_("invalid-choice.close") if close else N_("invalid-choice"), field=field, value=shown,
                     expected=[_glossed(field, c) for c in choices], close=close or "")
            )
        else:
            ctx = tuple((k, str(v)) for k, v in sorted(err.get("ctx", {}).items()))
            # pydantic's own sentence is English: a reason we have no words for is said in
            # general terms in either language.
            reason = Phrase(_REASONS[kind], ctx) if kind in _REASONS else Phrase(N_("reason.other"))
            findings.append(
                make("error", "invalid-value", "", origin.file, line, path, field=field, value=shown,
                     reason=reason)
            )
    return findings


def _short(value: Any) -> str:
    text = _plain(value)
    return text if len(text) <= 60 else text[:57] + "…"


def _plain(value: Any) -> str:
    """A value as the secretary wrote it: a list `a, b` (not Python's `['a', 'b']`), a mapping
    `key: value, …`, a date ISO, `true`/`false` as in YAML."""
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "true" if value else "false"
    if value is None:
        return "null"
    if isinstance(value, (list, tuple)):
        return ", ".join(_plain(item) for item in value)
    if isinstance(value, dict):
        return ", ".join(f"{_plain(k)}: {_plain(v)}" for k, v in value.items())
    if isinstance(value, (date, Decimal)):
        return str(value)
    return repr(value)


def _fields_at(model: type[BaseModel], loc: tuple) -> list[str]:
    """Names of the fields allowed at `loc` inside `model` (for "did you mean" hints)."""
    current: Any = model
    for step in loc:
        if isinstance(step, int):
            continue
        current = _unwrap(current)
        if not (isinstance(current, type) and issubclass(current, BaseModel)):
            return []
        info = current.model_fields.get(step)
        if info is None:
            return []
        current = info.annotation
    current = _unwrap(current)
    if isinstance(current, type) and issubclass(current, BaseModel):
        return list(current.model_fields)
    return []


def _unwrap(annotation: Any) -> Any:
    """list[X] → X, X | None → X, Annotated[X, …] → X."""
    while True:
        origin = typing.get_origin(annotation)
        if origin is typing.Annotated:
            annotation = typing.get_args(annotation)[0]
        elif origin in (list, tuple, set):
            annotation = typing.get_args(annotation)[0]
        elif origin in (typing.Union, types.UnionType):
            args = [a for a in typing.get_args(annotation) if a is not type(None)]
            annotation = args[0] if args else annotation
            if len(args) != 1:
                return annotation
        else:
            return annotation
