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


def _choice_key(owner: str, field: str, choice: str) -> str | None:
    """The word table's key of a choice: the record's own (`Directive.kind.abroad`, where a code
    means one thing here and another elsewhere) before the field's (`study_form.school_based`)."""
    from cluster_cli.i18n.words_fields import CHOICE

    return next((key for key in (f"{owner}.{field}.{choice}", f"{field}.{choice}") if key in CHOICE), None)


def _glossed(owner: str, field: str, choice: str, quoted: bool = False) -> str | Phrase:
    """A choice as a hint lists it — or, `quoted`, suggests it ('removal' …): with its Estonian
    meaning where a word table has one (in English the code alone: the catalogue's
    `{meaning:.0}` prints none of it)."""
    from cluster_cli.i18n.words_fields import CHOICE

    key = _choice_key(owner, field, choice)
    if key is None:
        return f"'{choice}'" if quoted else choice
    return Phrase(N_("choice.meant") if quoted else N_("choice.glossed"),
                  (("code", choice), ("meaning", Phrase(CHOICE[key]))))


def _closest_choice(owner: str, field: str, value: str, choices: list[str]) -> str | None:
    """The choice meant by a value that is none of them: the same code in other letters
    (`Active`); the one code whose Estonian meaning the words written are most like
    (`põhiharidus` for `basic`, `pikaajaline elamisluba` for `long_term` — where two fit about as
    well, `väljaarvamine`: removal or conditional removal?, neither: a wrong guess misleads more
    than none); else a misspelt code (difflib, as for a misspelt field), or None."""
    from cluster_cli.i18n import t
    from cluster_cli.i18n.words_fields import CHOICE

    folded = {c.casefold(): c for c in choices}
    if value.casefold() in folded:
        return folded[value.casefold()]
    written = _words(value)
    scores = []
    for choice in choices:
        key = _choice_key(owner, field, choice)
        meaning = _words(t(CHOICE[key], "et")) if key is not None else []
        if written and meaning:
            # mostly how much of what was written the meaning holds; then how little else it says
            found = sum(max(_alike(w, m) for m in meaning) for w in written) / len(written)
            said = sum(max(_alike(m, w) for w in written) for m in meaning) / len(meaning)
            scores.append((0.8 * found + 0.2 * said, choice))
    scores.sort(reverse=True)
    if scores and scores[0][0] >= 0.4 and (len(scores) == 1 or scores[1][0] <= scores[0][0] - 0.1):
        return scores[0][1]
    close = difflib.get_close_matches(value.casefold(), list(folded), n=1)
    return folded[close[0]] if close else None


def _words(text: str) -> list[str]:
    import re

    return re.findall(r"\w+", text.casefold())


def _alike(a: str, b: str) -> float:
    """How alike two words are, for Estonian, which inflects at the end: the share of the longer
    word that both begin with (`ettevõte`, `ettevõttes`: 0.7), or difflib's ratio for a typo."""
    import os

    start = len(os.path.commonprefix([a, b]))
    ratio = difflib.SequenceMatcher(None, a, b).ratio()
    return max(start / max(len(a), len(b)) if start >= min(4, len(a), len(b)) else 0.0,
               ratio if ratio >= 0.85 else 0.0)


def shape_findings(error: ValidationError, model: type[BaseModel], origin: Origin) -> list[Finding]:
    """One finding per validation error, located at the offending key or item."""
    findings = []
    for err, loc in _one_branch(error.errors(include_url=False), model, origin):
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
            # the record holding the field (a list of choices ends its location in an index)
            at = max((i for i, step in enumerate(loc) if isinstance(step, str)), default=0)
            owner = getattr(_model_at(model, loc[:at]), "__name__", "")
            close = _closest_choice(owner, field, str(err.get("input", "")), choices)
            findings.append(
                make("error", "invalid-choice", "", origin.file, line, path,
                     N_("invalid-choice.close") if close else N_("invalid-choice"), field=field, value=shown,
                     expected=[_glossed(owner, field, c) for c in choices],
                     close=_glossed(owner, field, close, quoted=True) if close else "")
            )
        else:
            ctx = tuple((k, str(v)) for k, v in sorted(err.get("ctx", {}).items()))
            # pydantic's own sentence is English: a reason we have no words for is said in
            # general terms in either language.
            reason = Phrase(_REASONS[kind], ctx) if kind in _REASONS else Phrase(N_("reason.other"))
            findings.append(
                make("error", "invalid-value", "", origin.file, line, path, field=field, value=shown,
                     reason=reason, advice=_advice(kind, value, field in PII_FIELDS))
            )
    return findings


def _advice(kind: str, value: Any, private: bool) -> Phrase:
    """What to write instead, where the reason says enough to tell: the nearest date that exists,
    true/false, a list in brackets, a number; else "correct the value"."""
    if kind in ("bool_parsing", "bool_type"):
        return Phrase(N_("advice.bool"))
    if kind == "list_type" and isinstance(value, str) and not private:
        items = [part.strip() for part in value.split(",") if part.strip()]
        return Phrase(N_("advice.list"), (("example", "[" + ", ".join(items or [value]) + "]"),))
    if kind in ("float_parsing", "decimal_parsing", "int_parsing", "finite_number"):
        return Phrase(N_("advice.number"))
    if kind.startswith("date") and isinstance(value, str):
        nearest = _nearest_date(value.strip())
        if nearest is not None:
            return Phrase(N_("advice.date"), (("suggestion", nearest),))
    return Phrase(N_("advice.value"))


def _nearest_date(text: str) -> str | None:
    """The nearest date that exists to `31.11.2026` (30.11.2026), written the same way (as the
    command line's `--as-of` says it, `dates.py`); None when `text` is not a date of either form
    or it exists."""
    from cluster_cli.dates import DateFormError, NoSuchDate, read_date, written_as_user

    try:
        read_date(text)
    except NoSuchDate as exc:
        return written_as_user(exc.nearest, exc.estonian, "et")
    except DateFormError:
        pass
    return None


def _one_branch(errors: list, model: type[BaseModel], origin: Origin) -> list[tuple[dict, tuple]]:
    """Each error with its location as in the data. A field that may be one of several types
    (`bool | list[IndividualCurriculum]`) fails in every branch, and pydantic names the branch in
    the location: only the branch the written value is meant for is kept (a list: the list's
    errors, at the item's own line — not "expected true or false" as well), without its name."""
    steps = [(err, _branch_steps(model, tuple(err["loc"]))) for err in errors]
    chosen: dict[tuple, set[str]] = {}
    for _, found in steps:
        for prefix, tag in found:
            chosen.setdefault(prefix, set()).add(tag)
    for prefix, tags in chosen.items():
        fit = {t for t in tags if _fits(t, _value_at(origin, prefix))}
        chosen[prefix] = fit or tags
    out = []
    for err, found in steps:
        if all(tag in chosen[prefix] for prefix, tag in found):
            drop = {len(prefix) + k for k, (prefix, _) in enumerate(found)}
            out.append((err, tuple(s for i, s in enumerate(err["loc"]) if i not in drop)))
    return out


def _branch_steps(model: type[BaseModel], loc: tuple) -> list[tuple[tuple, str]]:
    """The union-branch names in `loc`: (the location in the data before it, the branch name)."""
    found: list[tuple[tuple, str]] = []
    data_loc: list = []
    current: Any = model
    for step in loc:
        current = _strip(current)
        branches = _branches(current)
        if branches and isinstance(step, str):
            found.append((tuple(data_loc), step))
            current = next((b for b in branches if _tag(b) == step), None)
            if current is None:
                break
            continue
        data_loc.append(step)
        if isinstance(step, int) and typing.get_origin(current) in (list, tuple, set):
            current = typing.get_args(current)[0]
        elif isinstance(step, str) and isinstance(current, type) and issubclass(current, BaseModel) \
                and step in current.model_fields:
            current = current.model_fields[step].annotation
        else:
            current = None
    return found


def _strip(annotation: Any) -> Any:
    """Annotated[X, …] → X, X | None → X (pydantic names no branch for these)."""
    while True:
        if typing.get_origin(annotation) is typing.Annotated:
            annotation = typing.get_args(annotation)[0]
            continue
        if typing.get_origin(annotation) in (typing.Union, types.UnionType):
            args = [a for a in typing.get_args(annotation) if a is not type(None)]
            if len(args) == 1:
                annotation = args[0]
                continue
        return annotation


def _branches(annotation: Any) -> list:
    if typing.get_origin(annotation) in (typing.Union, types.UnionType):
        return [a for a in typing.get_args(annotation) if a is not type(None)]
    return []


def _tag(annotation: Any) -> str:
    """pydantic's name for a union branch: `bool`, `list[IndividualCurriculum]`, `Exam`."""
    if typing.get_origin(annotation) is list:
        return f"list[{_tag(_strip(typing.get_args(annotation)[0]))}]"
    return getattr(annotation, "__name__", str(annotation))


def _value_at(origin: Origin, loc: tuple) -> Any:
    node = origin.lined()
    for step in loc:
        try:
            node = node[step]
        except (KeyError, IndexError, TypeError):
            return None
    return node


def _fits(tag: str, value: Any) -> bool:
    """Whether the written value is of the kind the branch named `tag` reads."""
    if isinstance(value, list):
        return tag.startswith("list[")
    if isinstance(value, dict):
        return not tag.startswith("list[") and tag[:1].isupper()
    return not tag.startswith("list[") and not tag[:1].isupper()


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
    current = _model_at(model, loc)
    return list(current.model_fields) if current is not None else []


def _model_at(model: type[BaseModel], loc: tuple) -> type[BaseModel] | None:
    """The record type at `loc` inside `model` (a grade of a student's `grades`: `Grade`), or
    None where `loc` leads to no record."""
    current: Any = model
    for step in loc:
        if isinstance(step, int):
            continue
        current = _unwrap(current)
        if not (isinstance(current, type) and issubclass(current, BaseModel)):
            return None
        info = current.model_fields.get(step)
        if info is None:
            return None
        current = info.annotation
    current = _unwrap(current)
    return current if isinstance(current, type) and issubclass(current, BaseModel) else None


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
            # `bool | list[Schedule]`: the records (a flag has no fields)
            records = [r for a in args if isinstance(r := _unwrap(a), type) and issubclass(r, BaseModel)]
            if records:
                return records[0]
            annotation = args[0] if args else annotation
            if len(args) != 1:
                return annotation
        else:
            return annotation
