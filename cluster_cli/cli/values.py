"""Values typed as the secretary reads them: a choice as the word a table shows (`ettevõte`) or
its code (`company`), a round as `2026-sügis` or `2026-autumn`, an id in any case (`ta-25-07`)
with a "did you mean" on a near miss, and lists as `a,b` or a repeated option.

The ONE place that maps what is typed to the code the data uses: the codes are
`vocabulary.py`'s, the words the catalogue's (the same keys the tables show). Only `typer` and
the standard library at module level (start-up time); the catalogue is read when a value is.
"""

from __future__ import annotations

import unicodedata
from enum import Enum
from typing import Iterable, Optional

import typer

from cluster_cli.i18n import N_

from cluster_cli.vocabulary import (
    CANCEL_REASONS,
    MEMBER_KINDS,
    PARTNERSHIPS,
    PAYMENT_KINDS,
    PLACEMENT_STATUSES,
    SIGNING_PARTIES,
)

# The choice options and the catalogue key of each code's word (literal keys: the gettext
# extraction must see them). Codes in vocabulary order, which is the order shown.
CHOICES: dict[str, dict[str, str]] = {
    "member-kind": {
        "vocational_school": "members.kind.vocational_school",
        "company": "members.kind.company",
        "university": "members.kind.university",
        "organisation": "members.kind.organisation",
    },
    "partnership": {
        "everyday": "members.partnership.everyday",
        "developing": "members.partnership.developing",
        "strategic": "members.partnership.strategic",
        "network": "members.partnership.network",
    },
    "placement-status": {
        "draft": "placement.status.draft",
        "review": "placement.status.review",
        "valid": "placement.status.valid",
        "finished": "placement.status.finished",
        "cancelled": "placement.status.cancelled",
    },
    "signing-party": {  # who signs a contract (`cluster contracts sign --party kool`)
        "school": "word.party.school",
        "student": "word.party.student",
        "guardian": "word.party.guardian",
        "host": "word.party.host",
    },
    "cancel-reason": {  # why a contract is cancelled (`cluster contracts status --reason`)
        "company": "contract.reason.company",
        "student": "contract.reason.student",
        "school": "contract.reason.school",
        "ceased": "contract.reason.ceased",
        "other": "contract.reason.other",
    },
    "payment-kind": {  # what a bank file pays (`cluster payments --only sõidukulud`)
        "grants": "payments.kind.grants",
        "special": "payments.kind.special",
        "travel": "payments.kind.travel",
    },
    "season": {  # a round: 2026-autumn (sügisvoor), 2027-spring (kevadvoor)
        "autumn": N_("values.season.autumn"),
        "spring": N_("values.season.spring"),
    },
}
VOCABULARY = {"member-kind": MEMBER_KINDS, "partnership": PARTNERSHIPS, "placement-status": PLACEMENT_STATUSES,
              "signing-party": SIGNING_PARTIES, "cancel-reason": CANCEL_REASONS,
              "payment-kind": PAYMENT_KINDS, "season": ("autumn", "spring")}

# The option each choice is typed with when no option is at hand (its name in the error message).
_OPTION = {"member-kind": "--kind", "partnership": "--partnership", "placement-status": "--status",
           "signing-party": "--party", "cancel-reason": "--reason",
           "payment-kind": "--only", "season": "--round"}


def fold(text: str) -> str:
    """What is compared: no case, no diacritics (`sügis` = `sugis`), `-` and spaces as `_`."""
    plain = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    return "_".join(plain.casefold().replace("-", " ").replace("_", " ").split())


def choice_words(field: str, lang: str) -> list[str]:
    """The words of a choice as the tables show them in `lang`, in vocabulary order (for help,
    error messages and completion)."""
    from cluster_cli.i18n import t

    return [t(key, lang) for key in CHOICES[field].values()]


def choice_code(field: str, typed: str) -> Optional[str]:
    """The code for what was typed — the code itself, or its word in either language, in any
    case, with or without diacritics — or None."""
    from cluster_cli.i18n import LANGUAGES, t

    wanted = fold(typed)
    for code, key in CHOICES[field].items():
        if wanted == fold(code) or any(wanted == fold(t(key, lang)) for lang in LANGUAGES):
            return code
    return None


def round_code(typed: str) -> Optional[str]:
    """`2026-sügis`, `2026-sugis`, `2026-Autumn` → `2026-autumn`; None for anything else."""
    year, dash, season = typed.strip().partition("-")
    if not (dash and len(year) == 4 and year.isascii() and year.isdigit()):
        return None
    code = choice_code("season", season)
    return f"{year}-{code}" if code else None


def lang_of(ctx: Optional[typer.Context]) -> str:
    """The language of a message about an option's value: `--lang` when it was parsed before,
    else CLUSTER_LANG, else Estonian."""
    import os

    from cluster_cli.i18n import LANGUAGES

    given = ctx.params.get("lang") if ctx is not None else None
    given = given or os.environ.get("CLUSTER_LANG")
    return given if given in LANGUAGES else "et"


def _refuse_choice(field: str, typed: str, lang: str, param=None):
    """Exit 2 naming the option as it was typed (`--set`, `--status`: one choice, two options)."""
    from cluster_cli.cli.common import fail

    words = choice_words(field, lang)
    known = ", ".join(f"{w} ({c})" if fold(w) != fold(c) else c for w, c in zip(words, CHOICES[field]))
    option = max((o for o in getattr(param, "opts", ()) if o.startswith("--")), key=len, default=_OPTION[field])
    fail("values.unknown-choice", lang, option=option, value=typed, known=known)


def _choice_callback(field: str):
    def callback(ctx: typer.Context, param: typer.CallbackParam, value):
        if value is None:
            return None
        code = choice_code(field, value)
        if code is None:
            _refuse_choice(field, value, lang_of(ctx), param)
        return code

    return callback


member_kind = _choice_callback("member-kind")
partnership = _choice_callback("partnership")
placement_status = _choice_callback("placement-status")
signing_party = _choice_callback("signing-party")
cancel_reason = _choice_callback("cancel-reason")


def payment_kinds(ctx: typer.Context, param: typer.CallbackParam, values):
    """Callback of the repeatable `--only`: each kind as its code (`sõidukulud` → `travel`)."""
    one = _choice_callback("payment-kind")
    return [one(ctx, param, value) for value in split_list(values)] or None


def round_value(ctx: typer.Context, param: typer.CallbackParam, value):
    """Callback of `--round`: the round as the data names it (`2026-autumn`); a round that is
    neither form exits 2 with both forms named."""
    if value is None:
        return None
    code = round_code(value)
    if code is None:
        from cluster_cli.cli.common import fail

        fail("values.round", lang_of(ctx), value=value)
    return code


def complete_choice(field: str):
    """An `autocompletion=` callback offering a choice's words in both languages and its codes."""
    def complete(incomplete: str) -> list[str]:
        try:
            from cluster_cli.i18n import LANGUAGES

            offered = [*CHOICES[field]]
            for lang in LANGUAGES:
                offered += [w for w in choice_words(field, lang) if " " not in w]
            start = fold(incomplete)
            return [w for w in dict.fromkeys(offered) if fold(w).startswith(start)]
        except Exception:  # completion never prints an error
            return []

    return complete


# --- lists ----------------------------------------------------------------------------------


def split_list(values: Optional[Iterable[str]]) -> list[str]:
    """A repeatable option as typed: `--select a,b --select c` → [a, b, c] (empty parts dropped)."""
    return [part.strip() for value in values or () for part in value.split(",") if part.strip()]


# --- ids ------------------------------------------------------------------------------------

# What an unknown id says, and how to list the valid ones, per kind of id (literal keys).
_UNKNOWN = {
    "student": N_("values.unknown.student"),
    "group": N_("values.unknown.group"),
    "member": N_("values.unknown.member"),
    "placement": N_("values.unknown.placement"),
    "rule": N_("values.unknown.rule"),
    "curriculum": N_("values.unknown.curriculum"),
    "module": N_("values.unknown.module"),
    "course": N_("values.unknown.course"),
}
_LISTED_BY = {
    "student": N_("values.list.student"),
    "group": N_("values.list.group"),
    "member": N_("values.list.member"),
    "placement": N_("values.list.placement"),
    "rule": N_("values.list.rule"),
    "curriculum": N_("values.list.curriculum"),
    "module": N_("values.list.module"),
    "course": N_("values.list.course"),
}


SHOWN_WHOLE = 12  # up to this many valid ids are named in the error; more are pointed to


class UnknownId(Exception):
    """An id that matches none of its kind: the kind, what was typed, the near misses."""

    def __init__(self, kind: str, value: str, near: list[str], known: list[str]):
        super().__init__(f"{kind}: {value}")
        self.kind = kind
        self.value = value
        self.near = near
        self.known = known  # all of them: a short list is shown whole


def match_id(kind: str, typed: str, known: Iterable[str]) -> str:
    """The id as the data writes it: `typed` itself, else the one id equal to it ignoring case
    (`ta-25-07` → `TA-25-07`). Raises UnknownId with up to three near misses (`near_ids`)."""
    ids = list(known)
    if typed in ids:
        return typed
    same = [i for i in ids if i.casefold() == typed.casefold()]
    if len(same) == 1:
        return same[0]
    by_fold: dict[str, str] = {}
    for i in ids:
        by_fold.setdefault(i.casefold(), i)
    raise UnknownId(kind, typed, same or [by_fold[n] for n in near_ids(typed.casefold(), list(by_fold))],
                    sorted(ids))


def _split_last_number(text: str) -> tuple[str, str]:
    """`ta-25-3` → (`ta-25-`, `00000003`); an id without a number ends in "" ."""
    import re

    match = re.fullmatch(r"(.*?)([0-9]+)([^0-9]*)", text)
    if not match:
        return text, ""
    head, digits, tail = match.groups()
    return re.sub(r"[0-9]+", lambda m: m.group().zfill(8), head) + "#" + tail, digits.zfill(8)


def near_ids(typed: str, ids: list[str], n: int = 3) -> list[str]:
    """Up to `n` ids close to `typed`, the closest first: the one equal to it with its numbers
    zero-padded (`TA-25-3` is `TA-25-03` with the leading zero left out), then those that differ
    from it only by one digit of the last number (`TA-25-14` for `TA-25-15`), then difflib's
    near misses (ratio at least 0.6) in difflib's order."""
    import difflib

    head, digits = _split_last_number(typed)
    close = difflib.get_close_matches(typed, ids, n=len(ids), cutoff=0.6)

    def tier(candidate: str) -> int:
        other_head, other_digits = _split_last_number(candidate)
        if other_head != head or not digits:
            return 2
        if other_digits == digits:
            return 0
        return 1 if sum(a != b for a, b in zip(other_digits, digits)) == 1 else 2

    tiers = {candidate: tier(candidate) for candidate in ids}
    chosen = [c for c in ids if tiers[c] < 2 and c not in close] + close
    order = {candidate: i for i, candidate in enumerate(close)}
    return sorted(chosen, key=lambda c: (tiers[c], order.get(c, -1), c))[:n]


def resolve_id(kind: str, typed: str, known: Iterable[str], lang: str) -> str:
    """`match_id`, or exit 2: "There is no student 'X'." and a fix — "Did you mean: …?" from
    the near misses, else the valid ids when there are few, else how to list them."""
    try:
        return match_id(kind, typed, known)
    except UnknownId as exc:
        refuse_id(exc, lang)


def refuse_id(exc: UnknownId, lang: str):
    from cluster_cli.cli.common import EXIT_UNUSABLE, say, stderr_console
    from cluster_cli.i18n import t

    err = stderr_console()
    say("cluster: ", t(_UNKNOWN[exc.kind], lang, value=exc.value), "bold red", err)
    if exc.near:
        fix = t("values.did-you-mean", lang, suggestions=", ".join(exc.near))
    elif 0 < len(exc.known) <= SHOWN_WHOLE:
        fix = t("values.known", lang, known=", ".join(exc.known))
    else:
        fix = t(_LISTED_BY[exc.kind], lang)
    say(f"   {t('ui.fix', lang)}: ", fix, "green", err)
    raise typer.Exit(EXIT_UNUSABLE)


def choices_metavar(field: str) -> str:
    """The codes of a choice for help (`[company|university|…]`), computed from vocabulary.py —
    the words in the user's language are `choice_words(field, lang)`; any of them is accepted."""
    return "[" + "|".join(VOCABULARY[field]) + "]"


# --- shell completion -------------------------------------------------------------------------

# What an id is in each kind's files: a top-level list item's first key (`- id: TA-25-07`).
_ID_FIELD = {"students": "id", "groups": "id", "members": "id", "placements": "id", "curricula": "code",
             "courses": "id"}


def data_ids(data_dir, kind: str) -> list[str]:
    """The ids of one kind in a data folder, read lightly — a line scan of its YAML files for
    top-level `- id:` items, no YAML parser, no model, nothing personal. Completion only: a
    file that cannot be read is passed over."""
    import re

    from cluster_cli.load.layout import discover

    line = re.compile(r"^- " + _ID_FIELD[kind] + r":\s*(['\"]?)([^'\"#\s]+)\1\s*(?:#.*)?$", re.M)
    found: list[str] = []
    for path in discover(data_dir)[0].get(kind, []):
        try:
            text = path.read_text(encoding="utf-8", errors="replace")
        except OSError:
            continue
        found.extend(m.group(2) for m in line.finditer(text))
    return list(dict.fromkeys(found))


def complete_ids(kind: str):
    """An `autocompletion=` callback offering the ids of `kind` in the data folder (`--data` if
    typed before, else the default one), matched ignoring case. Never prints, never fails."""
    def complete(ctx: typer.Context, incomplete: str) -> list[str]:
        try:
            from cluster_cli.cli.common import resolve_data_dir

            data_dir = resolve_data_dir(ctx.params.get("data") if ctx is not None else None)
            start = incomplete.casefold()
            return sorted(i for i in data_ids(data_dir, kind) if i.casefold().startswith(start))
        except Exception:  # completion never prints an error
            return []

    return complete


def complete_rules(incomplete: str) -> list[str]:
    """The rule ids of `cluster validate --select/--ignore` (after a comma too: `a,b`)."""
    try:
        from cluster_cli.regulation.rules import RULE_IDS

        done, _, last = incomplete.rpartition(",")
        prefix = done + "," if done else ""
        return [prefix + r for r in RULE_IDS if r.startswith(last.casefold())]
    except Exception:  # completion never prints an error
        return []


def complete_round(incomplete: str) -> list[str]:
    """Rounds of last, this and next year, as `2026-sügis` and `2026-autumn`."""
    try:
        from datetime import date

        this = date.today().year  # the clock is read in cli only
        offered = [f"{y}-{s}" for y in (this - 1, this, this + 1) for s in ("sügis", "kevad", "autumn", "spring")]
        start = fold(incomplete)
        return [r for r in offered if fold(r).startswith(start)]
    except Exception:  # completion never prints an error
        return []


class Signatures(str, Enum):
    """A contract's (and its amendment's) signature block: DigiDoc signatures, or wet ink
    (signature and date lines) — `contracts render|amend --signatures`."""

    digital = "digital"
    paper = "paper"
