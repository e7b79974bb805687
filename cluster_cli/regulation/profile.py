"""The regulation profile: every number a rule uses, dated and cited (OpenFisca-style).

The VVTTK profile ships with the package (`vvttk.yaml`); a data folder may override any
parameter in its own `profile.yaml`. An override *adds* dated values (a value for an existing
date replaces it), so the history of the regulation stays readable.
"""

from __future__ import annotations

import bisect
import difflib
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from fractions import Fraction
from importlib import resources
from typing import Any

from cluster_cli.i18n import N_
from cluster_cli.findings import Finding, make
from cluster_cli.load.yaml_loader import parse_bytes
from cluster_cli.model.numbers import (
    NumberError,
    SplitNumber,
    parse_money,
    parse_number,
    parse_share,
    rejoin_split_numbers,
)
from cluster_cli.regulation.money import with_cents
from cluster_cli.vocabulary import (
    DISABILITY_LEVELS,
    GRANT_CRITERIA,
    GRANT_CURRICULUM_SPLITS,
    GRANT_TIE_BREAKS,
    PRACTICE_SHARE_DENOMINATORS,
    SPECIAL_GROUNDS,
)

BUILTIN_PROFILES = ("vvttk",)


@dataclass(frozen=True)
class Parameter:
    name: str
    clause: str
    unit: str
    description: dict[str, str]
    dates: tuple[date, ...]
    values: tuple[Any, ...]

    def at(self, day: date) -> Any:
        """The value valid on `day`; before the first date, the first value (the baseline)."""
        i = bisect.bisect_right(self.dates, day) - 1
        return self.values[max(i, 0)]


@dataclass
class Profile:
    id: str
    name: str
    parameters: dict[str, Parameter] = field(default_factory=dict)
    derived: dict = field(default_factory=dict, compare=False, repr=False)
    """What is worked out of the parameters once a run (`study_year.study_year`)."""

    def value(self, name: str, on: date) -> Any:
        return self.parameters[name].at(on)

    def clause(self, name: str) -> str:
        return self.parameters[name].clause


def convert(unit: str, value: Any) -> Any:
    """Numbers become exact: shares are `Fraction`s, money is `Decimal`; containers recurse.

    Money and shares may be written as Estonians write them (``65,00``, ``"65 €"``, ``80 %``;
    see `cluster_cli.model.numbers`); a value that is none raises `NumberError`."""
    if isinstance(value, dict):
        return {k: convert(unit, v) for k, v in rejoin_split_numbers(value).items()}
    if isinstance(value, list):
        return [convert(unit, v) for v in value]
    if isinstance(value, bool) or value is None:
        return value
    if unit == "share":
        return parse_share(value)
    if unit == "eur":
        amount = parse_money(value)
        return with_cents(amount)
    if unit == "grade" and isinstance(value, int):  # a grade of the 1–5 scale stays whole
        return value
    if unit in ("ratio", "grade"):  # a grade may be an average (4,6)
        # Written as text ("0,60") it reads as the YAML number 0.60 does, so the reports print
        # the same either way (0.6).
        return Decimal(str(float(parse_number(value))))
    if isinstance(value, float):
        return Decimal(str(value))
    return value


def _shape(value: Any) -> Any:
    """A coarse type signature, to refuse an override of a different form than the default."""
    if isinstance(value, dict):
        return ("map", frozenset(value))
    if isinstance(value, list):
        return ("list", len(value))
    if isinstance(value, (int, float, Decimal, Fraction)) and not isinstance(value, bool):
        return "number"
    return type(value).__name__


def builtin_raw(profile_id: str) -> Any:
    """The built-in profile as written in its YAML file (values not yet converted)."""
    raw = resources.files("cluster_cli.regulation").joinpath(f"{profile_id}.yaml").read_bytes()
    data, problems = parse_bytes(raw)
    if problems or not isinstance(data, dict):  # a packaging defect, not a user error
        raise RuntimeError(f"built-in profile {profile_id} is broken: {problems}")
    return data


def load_profile(
    profile_id: str, override: Any, override_file: str, cluster_file: str = "",
) -> tuple[Profile, list[Finding]]:
    """Build the profile `profile_id`, with the data folder's overrides applied."""
    findings: list[Finding] = []
    if profile_id not in BUILTIN_PROFILES:
        findings.append(make("error", "profile-unknown", "", cluster_file, 0, "profile", value=profile_id,
                             known=list(BUILTIN_PROFILES)))
        profile_id = "vvttk"
    base = builtin_raw(profile_id)
    table: dict[str, dict] = {}
    for name, spec in base["parameters"].items():
        table[name] = {
            "clause": str(spec["clause"]),
            "unit": spec["unit"],
            "description": dict(spec.get("description") or {}),
            "values": {d: convert(spec["unit"], v) for d, v in spec["values"].items()},
        }
    if override is not None:
        findings.extend(_apply_override(table, override, override_file))
    profile = Profile(id=profile_id, name=str(base.get("name", profile_id)))
    for name, spec in table.items():
        dated = sorted(spec["values"].items())
        profile.parameters[name] = Parameter(
            name, spec["clause"], spec["unit"], spec["description"],
            tuple(d for d, _ in dated), tuple(v for _, v in dated),
        )
    return profile, findings


def _apply_override(table: dict[str, dict], override: Any, file: str) -> list[Finding]:
    findings: list[Finding] = []
    params = override.get("parameters") if isinstance(override, dict) else None
    if not isinstance(params, dict):
        return [make("error", "profile-shape", "", file, getattr(override, "line", 1), "parameters")]
    for name, spec in params.items():
        line = params.key_lines.get(name, 0)
        path = f"parameters.{name}"
        if name not in table:
            close = difflib.get_close_matches(str(name), list(table), n=1)
            findings.append(make("error", "profile-unknown-parameter", "", file, line, path,
                                 N_("profile-unknown-parameter.close") if close else N_("profile-unknown-parameter"),
                                 name=name, close=close[0] if close else ""))
            continue
        target = table[name]
        values = spec.get("values") if isinstance(spec, dict) else None
        if not isinstance(values, dict) or not values:
            findings.append(make("error", "profile-shape", "", file, line, path))
            continue
        if "clause" in spec:
            target["clause"] = str(spec["clause"])
        expected = _shape(next(iter(target["values"].values())))
        for day, value in rejoin_split_numbers(values).items():
            vline = values.key_lines.get(day, line)
            if not isinstance(day, date):
                findings.append(make("error", "profile-date", "", file, vline, f"{path}.values", value=str(day)))
                continue
            try:
                converted = convert(target["unit"], value)
            except NumberError as error:
                findings.append(_number_finding(error, file, vline, f"{path}.values.{day}", name))
                continue
            # A parameter that is off by default (null) may be set to any value of its unit.
            if expected != "NoneType" and _shape(converted) != expected:
                findings.append(make("error", "profile-value", "", file, vline, f"{path}.values.{day}",
                                     name=name, value=str(value)))
                continue
            wrong = _choice_finding(name, converted, file, vline, f"{path}.values.{day}")
            if wrong is not None:
                findings.append(wrong)
                continue
            target["values"][day] = converted
    return findings


def _words(value: Any) -> list:
    """The words of a setting: the text itself, or every word in its lists and maps' values."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, list):
        return [w for v in value for w in _words(v)]
    if isinstance(value, dict):
        return [w for v in value.values() for w in _words(v)]
    return []


def _ranking_words(value: Any) -> list:
    """`grant_ranking`'s component names: each criterion's `name` and the tie-breaks."""
    if not isinstance(value, dict):
        return []
    names = [c.get("name") for c in value.get("criteria") or [] if isinstance(c, dict)]
    return [n for n in names if isinstance(n, str)] + _words(value.get("tie_breaks") or [])


# The settings that take one of a few words, the words they take, and how to find the words in a
# value: any other word would silently act as the default (`whole` misspelt is `vocational`).
CHOICES = {
    "practice_share_kkh_denominator": (PRACTICE_SHARE_DENOMINATORS, _words),
    "grant_curriculum_split": (GRANT_CURRICULUM_SPLITS, _words),
    "grant_ranking": (GRANT_CRITERIA + GRANT_TIE_BREAKS, _ranking_words),
    "special_preference_order": (SPECIAL_GROUNDS, _words),
    "special_disability_levels": (DISABILITY_LEVELS, _words),
    "car_disability_levels": (DISABILITY_LEVELS, _words),
}


def _choice_finding(name: str, value: Any, file: str, line: int, path: str) -> Finding | None:
    """An override of an enumerated setting with a word it does not take: the words it does."""
    if name not in CHOICES:
        return None
    allowed, words = CHOICES[name]
    wrong = [w for w in words(value) if w not in allowed]
    if not wrong:
        return None
    return make("error", "profile-choice", "", file, line, path, name=name, value=wrong[0], allowed=list(allowed))


def _number_finding(error: NumberError, file: str, line: int, path: str, name: str) -> Finding:
    """A money or share value that could not be read: the message names the form expected."""
    keys = {
        "money": N_("profile-number.money"),
        "share": N_("profile-number.share"),
        "share-range": N_("profile-number.share-range"),
        "split": N_("profile-number.split"),
    }
    return make("error", "profile-number", "", file, line, path, keys.get(error.kind, N_("profile-number.number")),
                name=name, value=error.text, dotted=SplitNumber(error.text).dotted)
