"""Placement contracts (praktikaleping, 4.11.5, Lisa 7 1.4): the context of each contract, the
sandboxed rendering of a DOCX template, and the copier-like, atomic writing into folders.

The flow (`cluster contracts render`)::

    placements ──select──▶ plan (validation refusals, context, inputs hash, destination)
               ──render──▶ DOCX bytes in memory (serial, or a fork pool when there are many)
               ──decide──▶ created / unchanged / updated / conflict   (never raw-byte compares)
               ──write───▶ temp file + os.replace, in one transaction that a failure rolls back

The *context* is a plain, JSON-serialisable dict (`build_context`, documented in
`CONTEXT_SCHEMA`): every value a template may use, already formatted in the contract's language
(Babel). A value the data does not have is None in the context; at render time it becomes a
`Missing` value that is false in ``{% if %}`` but an error when printed — naming the placement
and the term (e.g. ``hosts[1].supervisor.name``) — so a contract never carries a silent blank.

Nothing here prints or exits; the CLI turns the results into words and exit codes.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import os
import re
import unicodedata
import zipfile
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator

from cluster_cli import __version__
from cluster_cli.findings import Finding

TEMPLATES_DIR = Path(__file__).resolve().parents[1] / "templates"  # the packaged templates
DEFAULT_TEMPLATES = {"et": "praktikaleping_et.docx", "en": "placement_agreement_en.docx"}
"""The shipped templates by the contract's language: Estonian, and English for abroad (12.7.1)."""

NOT_RENDERED = ("draft", "cancelled")
"""Statuses whose contract is never rendered (a draft's data is not final; cancelled is void)."""

POOL_THRESHOLD = 40
"""From this many contracts on, render in a process pool (fork); below it, serially."""
POOL_CHUNK = 10

HASH_PREFIX = "cluster-cli:sha256:"
"""How the inputs hash is stored in the DOCX core property `identifier`."""

RENDER_SECONDS = 20.0
"""Time bound of one contract's rendering: a template loop that never ends is a refusal."""
MAX_OUTPUT = 20_000_000
"""Size bound (characters of document XML) of one contract, and of any one string or number a
template builds (`'x' * 10**9`, `'x'.center(10**9)`): a real contract is about 100 000."""
MAX_INT_BITS = 100_000

LOCK_NAME = ".cluster-contracts.lock"
"""The lock file in the output folder: one `contracts render` writes into a folder at a time."""

# --- the context ----------------------------------------------------------------------------

_PERSON = {"name": "name", "role": "role or title", "email": "e-mail", "phone": "phone"}
_TASK = {
    "title": "task title (catalogue title, or the individual task's text)",
    "code": "catalogue id (None for an individual task)",
    "host": "the host the task is done at (all hosts' names for a task of the whole placement)",
    "expected_results": ["expected result (from the catalogue)"],
    "description": "catalogue description",
}

CONTEXT_SCHEMA: dict[str, Any] = {
    "language": "the contract's language: et or en",
    "study_year": "study year of the start, e.g. 2026-2027",
    "placement": {
        "id": "placement id", "kind": "school_based, workplace_based or abroad", "status": "status",
        "mobility_project": "true for a mobility project (12.7.2)", "joint": "true with several hosts (ühispraktika)",
        "abroad": "true for a placement abroad (12)",
    },
    "school": {
        "name": "school name", "registry_code": "registry code", "address": "address", "email": "e-mail",
        "phone": "phone", "representative": _PERSON,
    },
    "student": {
        "name": "full name", "first_name": "first name", "last_name": "last name",
        "id_code": "personal code, or the foreign document (kind, number, country)",
        "personal_code": "personal code (isikukood)", "birth_date": "birth date (formatted)",
        "address": "home settlement", "email": "e-mail", "phone": "phone", "group": "group id",
        "course": "course year", "curriculum": {"code": "curriculum code", "name": "curriculum name", "level": "EKR level"},
        "special_needs": "special educational needs (HEV) note", "minor": "true if a minor on the start date",
    },
    "guardian": {
        "name": "legal representative's name (None unless the student is a minor on the start date)",
        "relation": "relation", "personal_code": "personal code", "email": "e-mail", "phone": "phone",
    },
    "consent": {"date": "date of the guardian's written consent (4.12.5)", "date_iso": "the same, ISO",
                "document": "the consent document"},
    "hosts": [{
        "id": "member id", "name": "host name", "registry_code": "registry code", "address": "address",
        "country": "country code", "country_name": "country name in the contract's language",
        "email": "e-mail", "phone": "phone", "representative": _PERSON, "supervisor": _PERSON,
        "start": "start (formatted)", "end": "end (formatted)", "start_iso": "start, ISO", "end_iso": "end, ISO",
        "hours": "hours at this host", "tasks": [_TASK],
    }],
    "tasks": [_TASK],
    "school_supervisor": _PERSON,
    "coordinator": _PERSON,
    "place": "place of practice", "address": "its address", "country": "country code",
    "country_name": "country name in the contract's language",
    "start": "start (formatted)", "end": "end (formatted)", "start_iso": "start, ISO", "end_iso": "end, ISO",
    "hours": "volume in hours", "ekap": "volume in EKAP (formatted)",
    "modules": [{"id": "module id", "name": "module name", "ekap": "module EKAP (formatted)"}],
    "plan": {
        "goal": "goal", "tasks": ["plan task"], "studies_completed": ["studies completed"],
        "expected_outcomes": ["expected learning outcome"], "special_needs_notes": "abilities and recommendations (Lisa 7 10.1)",
    },
}
"""Every variable a contract template may use. Dicts are objects, one-element lists are lists of
that shape, strings describe a value. Optional parts (guardian, consent, representatives,
contact data) are None when absent: test them with ``{% if … %}``."""

# Mandatory terms (Lisa 7 1.4.2–1.4.11, 5.7; 4.11.5, 4.12.5) and how a template shows it uses
# them: each term lists alternatives; an alternative is met when the template uses every one of
# its variables (a prefix of a used variable counts: `hosts[].supervisor` ⊂ `hosts[].supervisor.name`).
VARIABLE_TERMS: tuple[tuple[str, str, tuple[tuple[str, ...], ...]], ...] = (
    ("Lisa 7 1.4.2", "start and end", (("start", "end"), ("hosts[].start", "hosts[].end"))),
    ("Lisa 7 1.4.3", "duration", (("hours",), ("ekap",), ("hosts[].hours",))),
    ("Lisa 7 1.4.4", "place and address", (("place", "address"),)),
    ("Lisa 7 1.4.5", "practice tasks", (("tasks[].title",), ("hosts[].tasks[].title",))),
    ("Lisa 7 1.4.9", "host data", (("hosts[].name", "hosts[].registry_code", "hosts[].address"),)),
    ("Lisa 7 1.4.9", "host supervisor", (("hosts[].supervisor.name",),)),
    ("Lisa 7 1.4.9", "school-side supervisor", (("school_supervisor.name",),)),
    ("Lisa 7 5.7", "practice plan: goal", (("plan.goal",),)),
    ("Lisa 7 5.7", "practice plan: tasks", (("plan.tasks",),)),
    ("Lisa 7 5.7", "practice plan: studies completed", (("plan.studies_completed",),)),
    ("Lisa 7 5.7", "practice plan: expected outcomes", (("plan.expected_outcomes",),)),
    ("Lisa 7 10.1", "practice plan: special needs", (("plan.special_needs_notes",),)),
    ("4.11.5", "legal representative of a minor", (("guardian.name",),)),
    ("4.12.5", "guardian's written consent (abroad)", (("consent.document", "consent.date"),)),
)

# Terms that are the template's own text (rights and obligations, amending and ending, disputes):
# check-template looks for their section in the template's text, in either language.
TEXT_TERMS: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    ("Lisa 7 1.4.6", "student's rights and obligations",
     (r"õpilase\s+õigused", r"õpilase\s+kohustused", r"rights\s+and\s+obligations\s+of\s+the\s+student",
      r"student'?s\s+rights")),
    ("Lisa 7 1.4.7", "host's rights and obligations",
     (r"(praktikaettevõtte|praktikakoha)\s+õigused", r"(praktikaettevõtte|praktikakoha)\s+kohustused",
      r"rights\s+and\s+obligations\s+of\s+the\s+host", r"host'?s\s+rights")),
    ("Lisa 7 1.4.8", "school's rights and obligations",
     (r"kooli\s+õigused", r"kooli\s+kohustused", r"rights\s+and\s+obligations\s+of\s+the\s+school",
      r"school'?s\s+rights")),
    ("Lisa 7 1.4.10", "amending and ending the contract",
     (r"lepingu\s+muutmine", r"lepingu\s+lõpetamine", r"amend\w*\s+and\s+(end|terminat)\w*",
      r"terminat\w+\s+of\s+the\s+agreement")),
    ("Lisa 7 1.4.11", "dispute resolution", (r"vaidlus\w*", r"disput\w*")),
)


class ContractDataError(Exception):
    """The data cannot make this contract (e.g. a minor without a legal representative)."""

    def __init__(self, key: str, **args: Any):
        super().__init__(key)
        self.key = key
        self.args_ = args


def _fmt_date(day: date | None, lang: str) -> str | None:
    from babel.dates import format_date

    return None if day is None else format_date(day, format="long", locale=_locale(lang))


def _fmt_number(value: Decimal | int | None, lang: str) -> str | None:
    from babel.numbers import format_decimal

    return None if value is None else format_decimal(value, locale=_locale(lang))


def format_money(cents: int, lang: str, currency: str = "EUR") -> str:
    """Money (integer cents) in the contract's language, e.g. ``1 234,50 €`` / ``€1,234.50``."""
    from babel.numbers import format_currency

    return format_currency(Decimal(cents) / 100, currency, locale=_locale(lang))


def _locale(lang: str) -> str:
    # British English for the English agreement: "1 February 2027" reads the same everywhere in
    # Europe, where "February 1, 2027" (en_US) does not.
    return "en_GB" if lang == "en" else "et"


def _country(code: str | None, lang: str) -> str | None:
    from babel import Locale

    if not code:
        return None
    return Locale.parse(_locale(lang)).territories.get(code, code)


def _person(p) -> dict | None:
    if p is None:
        return None
    return {"name": p.name, "role": p.role, "email": p.email, "phone": p.phone}


def _representative(member) -> dict | None:
    """The member's representative: its first contact with a role, else its first contact."""
    if member is None or not member.contacts:
        return None
    with_role = [c for c in member.contacts if c.role]
    return _person((with_role or member.contacts)[0])


def study_year(cluster, day: date) -> str:
    """The study year a day belongs to, e.g. ``2026-2027`` (it starts 1 Sep or the nearest Monday, 4.3.1)."""
    from cluster_cli.regulation.facts import study_year_start

    year = day.year if day >= study_year_start(cluster, day.year) else day.year - 1
    return f"{year}-{year + 1}"


def _tasks(ds, refs, host: str) -> list[dict]:
    out = []
    for ref in refs:
        entry = ds.tasks.get(ref.catalogue) if ref.catalogue else None
        if entry is not None:
            out.append({"title": entry.title, "code": entry.id, "host": host,
                        "expected_results": list(entry.expected_results), "description": entry.description})
        else:
            out.append({"title": ref.text or ref.catalogue, "code": ref.catalogue, "host": host,
                        "expected_results": [], "description": None})
    return out


def build_context(ds, profile, p) -> dict[str, Any]:
    """The contract's context (see `CONTEXT_SCHEMA`): plain JSON-able values, dates and numbers
    formatted in the placement's language. Raises `ContractDataError` when the data cannot make
    a contract at all (unknown student, school, host or group; a minor without a guardian)."""
    from cluster_cli.regulation.facts import birth_date, is_minor
    from cluster_cli.regulation.rules.placements import address_of

    lang = p.language
    student = ds.students.get(p.student)
    if student is None:
        raise ContractDataError("reason.contracts.unknown", kind="student", id=p.student)
    school = ds.members.get(student.school)
    group = ds.groups.get(student.group)
    curriculum = ds.curricula.get(student.curriculum)
    for kind, ident, rec in (("member", student.school, school), ("group", student.group, group),
                             ("curriculum", student.curriculum, curriculum)):
        if rec is None:
            raise ContractDataError("reason.contracts.unknown", kind=kind, id=ident)
    minor = is_minor(student, p.start, profile.value("adult_age", p.start))
    guardian = None
    if minor or (minor is None and student.guardian is not None):
        if student.guardian is None:
            raise ContractDataError("reason.contracts.no-guardian", student=student.id)
        g = student.guardian
        guardian = {"name": g.name, "relation": g.relation, "personal_code": g.personal_code,
                    "email": g.email, "phone": g.phone}
    if student.personal_code:
        id_code = student.personal_code
    elif student.foreign_document is not None:
        doc = student.foreign_document
        id_code = " ".join(x for x in (doc.kind, doc.number, f"({doc.country})") if x)
    else:
        id_code = None

    hosts = []
    for h in p.hosts:
        m = ds.members.get(h.member)
        if m is None:
            raise ContractDataError("reason.contracts.unknown", kind="member", id=h.member)
        hours = h.hours if h.hours is not None else (p.hours if len(p.hosts) == 1 else None)
        hosts.append({
            "id": m.id, "name": m.name, "registry_code": m.registry_code, "address": m.address,
            "country": m.country, "country_name": _country(m.country, lang),
            "email": next((c.email for c in m.contacts if c.email), None),
            "phone": next((c.phone for c in m.contacts if c.phone), None),
            "representative": _representative(m), "supervisor": _person(h.supervisor),
            "start": _fmt_date(h.start, lang), "end": _fmt_date(h.end, lang),
            "start_iso": h.start.isoformat(), "end_iso": h.end.isoformat(), "hours": hours,
            "tasks": _tasks(ds, h.tasks, m.name),
        })
    all_hosts = " / ".join(h["name"] for h in hosts)
    tasks = _tasks(ds, p.tasks, all_hosts)
    for h in hosts:
        tasks.extend(h["tasks"])
    modules = {m.id: m for m in curriculum.modules}
    plan = p.plan
    consent = p.guardian_consent
    return {
        "language": lang,
        "study_year": study_year(ds.cluster, p.start),
        "placement": {"id": p.id, "kind": p.kind, "status": p.status, "mobility_project": p.mobility_project,
                      "joint": len(p.hosts) > 1, "abroad": p.kind == "abroad"},
        "school": {"name": school.name, "registry_code": school.registry_code, "address": school.address,
                   "email": next((c.email for c in school.contacts if c.email), None),
                   "phone": next((c.phone for c in school.contacts if c.phone), None),
                   "representative": _representative(school)},
        "student": {
            "name": student.full_name, "first_name": student.first_name, "last_name": student.last_name,
            "id_code": id_code, "personal_code": student.personal_code,
            "birth_date": _fmt_date(birth_date(student), lang), "address": student.home_settlement,
            "email": student.email, "phone": student.phone, "group": student.group, "course": student.course,
            "curriculum": {"code": curriculum.code, "name": curriculum.name, "level": curriculum.level},
            "special_needs": student.special_needs, "minor": bool(minor),
        },
        "guardian": guardian,
        "consent": None if consent is None else {"date": _fmt_date(consent.date, lang),
                                                 "date_iso": consent.date.isoformat(), "document": consent.document},
        "hosts": hosts,
        "tasks": tasks,
        "school_supervisor": _person(p.school_supervisor),
        # Lisa 7 2.2: the group supervisor is the practice coordinator unless one is named.
        "coordinator": _person(p.coordinator or group.supervisor),
        "place": p.place or hosts[0]["name"],
        "address": address_of(ds, p),
        "country": p.country,
        "country_name": _country(p.country, lang),
        "start": _fmt_date(p.start, lang), "end": _fmt_date(p.end, lang),
        "start_iso": p.start.isoformat(), "end_iso": p.end.isoformat(),
        "hours": p.hours,
        "ekap": _fmt_number(p.ekap, lang),
        "modules": [{"id": mid, "name": modules[mid].name if mid in modules else mid,
                     "ekap": _fmt_number(modules[mid].ekap, lang) if mid in modules else None} for mid in p.modules],
        "plan": None if plan is None else {
            "goal": plan.goal, "tasks": list(plan.tasks), "studies_completed": list(plan.studies_completed),
            "expected_outcomes": list(plan.expected_outcomes), "special_needs_notes": plan.special_needs_notes,
        },
    }


def canonical_json(context: dict) -> bytes:
    return json.dumps(context, sort_keys=True, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def inputs_hash(context: dict, template: bytes) -> str:
    """sha256 of the contract's inputs: the canonical context, the template and the tool version.
    Stored in the DOCX (core property `identifier`); python-docx stamps zip times, so files are
    never compared byte for byte."""
    h = hashlib.sha256()
    for part in (canonical_json(context), hashlib.sha256(template).digest(), __version__.encode()):
        h.update(len(part).to_bytes(8, "big"))
        h.update(part)
    return h.hexdigest()


# --- the sandboxed Jinja environment -------------------------------------------------------


def _jinja():
    """The environment classes, built lazily (jinja2 is not imported at start-up)."""
    global _ENV_CLASSES
    if _ENV_CLASSES is not None:
        return _ENV_CLASSES
    from jinja2 import StrictUndefined, UndefinedError
    from jinja2.sandbox import SandboxedEnvironment

    class MissingValue(UndefinedError):
        """A term the template prints has no value in the data."""

    class UnknownVariable(UndefinedError):
        """The template uses a variable the context does not have."""

    class Missing(StrictUndefined):
        """A None of the context: false in ``{% if %}``, an error when printed or looked into."""

        __slots__ = ()

        def __bool__(self) -> bool:
            return False

    class Node(dict):
        """A context dict that knows its path (``hosts[1].supervisor``), for error messages."""

        __slots__ = ("path",)

    class ContractEnvironment(SandboxedEnvironment):
        # Bounds (MAX_OUTPUT, MAX_INT_BITS): operators and calls that could build a huge value.
        intercepted_binops = frozenset({"*", "**", "%", "+"})

        def __init__(self):
            super().__init__(undefined=StrictUndefined, autoescape=True, finalize=self._finalize,
                             keep_trailing_newline=True)
            self._compiled: dict[str, Any] = {}
            self.filters = {name: _bounded(f) for name, f in self.filters.items()}
            self.deadline = float("inf")
            self.produced = 0

        def start(self) -> None:
            """Start one contract's bounds: its time and output budget."""
            import time

            self.deadline = time.monotonic() + RENDER_SECONDS
            self.produced = 0

        def concat(self, parts):  # Environment.concat ("".join) joins every rendered part
            import time

            out = []
            for i, part in enumerate(parts):
                self.produced += len(part)
                if self.produced > MAX_OUTPUT:
                    raise TooLarge(f"the document would exceed {MAX_OUTPUT} characters")
                if not i % 256 and time.monotonic() > self.deadline:
                    raise TooSlow(f"rendering took longer than {RENDER_SECONDS:g} s")
                out.append(part)
            return "".join(out)

        def call_binop(self, context, operator, left, right):
            _check_binop(operator, left, right)
            result = super().call_binop(context, operator, left, right)
            _check_value(result)
            return result

        def call(__self, __context, __obj, *args, **kwargs):  # noqa: N805 (jinja's signature)
            owner = getattr(__obj, "__self__", None)
            _check_value(owner)
            if isinstance(owner, str) and getattr(__obj, "__name__", "") in ("format", "format_map"):
                _check_argument(owner)
            for value in (*args, *kwargs.values()):
                _check_argument(value)
            result = super().call(__context, __obj, *args, **kwargs)
            _check_value(result)
            return result

        @staticmethod
        def _finalize(value):
            if value is None:  # a None that reached output through a filter or expression
                raise MissingValue("None")
            return value

        def getattr(self, obj, attribute):
            # Keys win over dict methods (`items`, `values` …) and an unknown key names its path.
            if isinstance(obj, Node):
                if attribute in obj:
                    return obj[attribute]
                return StrictUndefined(hint=f"{obj.path}.{attribute}", exc=UnknownVariable)
            return super().getattr(obj, attribute)

        def getitem(self, obj, argument):
            if isinstance(obj, Node) and isinstance(argument, str):
                return self.getattr(obj, argument)
            return super().getitem(obj, argument)

        def from_string(self, source, globals=None, template_class=None):
            # docxtpl compiles the same document XML for every contract: compile it once.
            if globals is None and template_class is None:
                found = self._compiled.get(source)
                if found is None:
                    if len(self._compiled) > 16:
                        self._compiled.clear()
                    found = self._compiled[source] = super().from_string(source)
                return found
            return super().from_string(source, globals, template_class)

    def wrap(value, path):
        if value is None:
            return Missing(hint=path, exc=MissingValue)
        if isinstance(value, dict):
            node = Node((k, wrap(v, f"{path}.{k}" if path else k)) for k, v in value.items())
            node.path = path
            return node
        if isinstance(value, list):
            return [wrap(v, f"{path}[{i}]") for i, v in enumerate(value)]
        return value

    _ENV_CLASSES = {"env": ContractEnvironment, "wrap": wrap, "MissingValue": MissingValue,
                    "UnknownVariable": UnknownVariable, "UndefinedError": UndefinedError}
    return _ENV_CLASSES


class TooLarge(Exception):
    """A template builds a value or a document beyond MAX_OUTPUT."""


class TooSlow(Exception):
    """A template's rendering ran past RENDER_SECONDS."""


_HUGE_FORMAT = re.compile(r"%[-#0 +]*\d*\.?(\d{9,})|\{[^{}]*:[^{}]*?(\d{9,})")


def _check_value(value) -> None:
    """Refuse a value too big to be part of a contract: an int beyond MAX_INT_BITS, a string or
    list longer than MAX_OUTPUT."""
    if isinstance(value, int) and not isinstance(value, bool):
        if value.bit_length() > MAX_INT_BITS:
            raise TooLarge("a number too large")
    elif isinstance(value, (str, bytes, list, tuple, dict)) and len(value) > MAX_OUTPUT:
        raise TooLarge(f"a value longer than {MAX_OUTPUT} characters")


def _check_argument(value) -> None:
    """An argument of a call or filter (a width, a count, a format string) that asks for more
    than MAX_OUTPUT: `'x'.center(10**9)`, `'%1000000000s'|format(x)`."""
    _check_value(value)
    if isinstance(value, int) and not isinstance(value, bool) and abs(value) > MAX_OUTPUT:
        raise TooLarge(f"an argument larger than {MAX_OUTPUT}")
    if isinstance(value, str) and _HUGE_FORMAT.search(value):
        raise TooLarge("a width or precision too large")


def _check_binop(operator: str, left, right) -> None:
    _check_value(left)
    _check_value(right)
    if operator == "*":
        for seq, n in ((left, right), (right, left)):
            if isinstance(seq, (str, bytes, list, tuple)) and isinstance(n, int) and len(seq) * n > MAX_OUTPUT:
                raise TooLarge(f"a value longer than {MAX_OUTPUT} characters")
        if isinstance(left, int) and isinstance(right, int) and left.bit_length() + right.bit_length() > MAX_INT_BITS:
            raise TooLarge("a number too large")
    elif operator == "**":
        if isinstance(left, int) and isinstance(right, int) and abs(left) > 1 and (
                right > MAX_INT_BITS or left.bit_length() * right > MAX_INT_BITS):
            raise TooLarge("a number too large")
    elif operator == "%" and isinstance(left, str):
        _check_argument(left)
        for value in right if isinstance(right, (tuple, list)) else (right,):
            if isinstance(value, int):
                _check_argument(value)


def _bounded(f):
    """A Jinja filter with its arguments and result held to the size bounds (`center(10**9)`)."""
    import functools

    @functools.wraps(f)  # keeps jinja's pass_context / pass_environment markers
    def bounded(*args, **kwargs):
        values = [a for a in args if not _is_jinja_internal(a)]
        if values:
            _check_value(values[0])  # the value filtered: only its size
            if f.__name__ == "do_format" and isinstance(values[0], str):
                _check_argument(values[0])
        for value in (*values[1:], *kwargs.values()):
            _check_argument(value)
        result = f(*args, **kwargs)
        _check_value(result)
        return result

    return bounded


_JINJA_INTERNAL: tuple = ()


def _is_jinja_internal(value) -> bool:
    """The environment or context jinja passes to a pass_context/pass_environment filter."""
    global _JINJA_INTERNAL
    if not _JINJA_INTERNAL:
        from jinja2 import Environment
        from jinja2.nodes import EvalContext
        from jinja2.runtime import Context

        _JINJA_INTERNAL = (Environment, Context, EvalContext)
    return isinstance(value, _JINJA_INTERNAL)


_ENV_CLASSES: dict | None = None
_ENV = None


def environment():
    """The one sandboxed environment of this process (StrictUndefined, autoescape)."""
    global _ENV
    if _ENV is None:
        _ENV = _jinja()["env"]()
    return _ENV


_TEMPLATE_CLASS = None


def _template_class():
    """docxtpl's DocxTemplate whose `patch_xml` (a pure function of the document XML, about a
    third of a render) is computed once per template and process instead of once per contract."""
    global _TEMPLATE_CLASS
    if _TEMPLATE_CLASS is None:
        from docxtpl import DocxTemplate

        patched: dict[str, str] = {}

        class CachedTemplate(DocxTemplate):
            def render_xml_part(self, src_xml, part, context, jinja_env=None):
                try:
                    return super().render_xml_part(src_xml, part, context, jinja_env)
                except Exception as exc:
                    # docxtpl renders each paragraph on its own line: keep the source to name
                    # the paragraph a runtime error happened in.
                    exc.cluster_source = (re.sub(r"<w:p([ >])", r"\n<w:p\1", src_xml),
                                          str(getattr(part, "partname", "")).lstrip("/"))
                    raise

            def patch_xml(self, src_xml):
                found = patched.get(src_xml)
                if found is None:
                    if len(patched) > 16:
                        patched.clear()
                    found = patched[src_xml] = super().patch_xml(src_xml)
                return found

        _TEMPLATE_CLASS = CachedTemplate
    return _TEMPLATE_CLASS


class RenderError(Exception):
    """A contract could not be rendered. `kind` is missing (a term without a value), unknown (a
    variable the context does not have), characters (a value a document cannot hold) or
    template (any other template error); `where` is the template's location ("" if unknown)."""

    def __init__(self, placement: str, kind: str, term: str, detail: str = "", where: str = ""):
        super().__init__(f"{placement}: {kind}: {term} {detail}".strip())
        self.placement, self.kind, self.term, self.detail, self.where = placement, kind, term, detail, where


def _template_location(exc: BaseException) -> str:
    """Where in the template a runtime error happened: ``word/document.xml, paragraph 12:
    "{{ 1/0 }} text"`` — from the template frame jinja puts in the traceback."""
    lineno = None
    tb = exc.__traceback__
    while tb is not None:
        if tb.tb_frame.f_code.co_filename == "<template>":
            lineno = tb.tb_lineno
        tb = tb.tb_next
    lineno = lineno or getattr(exc, "lineno", None)
    source, part = getattr(exc, "cluster_source", ("", ""))
    if not lineno:
        return part
    lines = source.splitlines()
    text = re.sub(r"<[^>]+>", "", lines[lineno - 1]).strip() if 0 < lineno <= len(lines) else ""
    if len(text) > 80:
        text = text[:77] + "..."
    # line 1 is what comes before the first paragraph; line n + 1 is paragraph n
    where = f"{part or 'document'}, paragraph {lineno - 1}" if lineno > 1 else (part or "document")
    return where + (f': "{text}"' if text else "")


_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
"""Characters XML 1.0 (so a .docx) cannot hold: control characters but tab and newlines,
lone surrogates, U+FFFE and U+FFFF."""


def unusable_characters(value: Any, path: str = "") -> tuple[str, str] | None:
    """The first (context path, escaped value) holding a character a document cannot hold."""
    if isinstance(value, str):
        if _CONTROL.search(value):
            return path, value.encode("unicode_escape").decode("ascii")
        return None
    if isinstance(value, dict):
        items = ((f"{path}.{k}" if path else str(k), v) for k, v in value.items())
    elif isinstance(value, list):
        items = ((f"{path}[{i}]", v) for i, v in enumerate(value))
    else:
        return None
    for sub, v in items:
        found = unusable_characters(v, sub)
        if found:
            return found
    return None


def _timeout_signal():
    """SIGALRM raising TooSlow after RENDER_SECONDS, in the main thread (a template loop without
    output never reaches `concat`); returns the undo function."""
    import signal
    import threading

    if not hasattr(signal, "setitimer") or threading.current_thread() is not threading.main_thread():
        return lambda: None

    def alarm(signum, frame):
        raise TooSlow(f"rendering took longer than {RENDER_SECONDS:g} s")

    previous = signal.signal(signal.SIGALRM, alarm)
    signal.setitimer(signal.ITIMER_REAL, RENDER_SECONDS)

    def undo():
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)

    return undo


def render_docx(template: bytes, context: dict, placement: str, identifier: str) -> bytes:
    """Render one contract in memory; the inputs hash goes into the core property `identifier`.
    Every failure is a RenderError: a value the document cannot hold, a template error at run
    time (with its location), a render beyond the time or size bound."""
    from jinja2 import TemplateError
    from jinja2.exceptions import SecurityError

    bad = unusable_characters(context)
    if bad is not None:
        raise RenderError(placement, "characters", bad[0], bad[1])
    j = _jinja()
    env = environment()
    undo = lambda: None  # noqa: E731
    try:
        tpl = _template_class()(io.BytesIO(template))
        env.start()
        undo = _timeout_signal()
        try:
            tpl.render(j["wrap"](context, ""), env, autoescape=True)
        finally:
            undo()
        tpl.docx.core_properties.identifier = HASH_PREFIX + identifier
        out = io.BytesIO()
        tpl.save(out)
    except j["MissingValue"] as exc:
        raise RenderError(placement, "missing", str(exc)) from None
    except j["UnknownVariable"] as exc:
        raise RenderError(placement, "unknown", str(exc)) from None
    except j["UndefinedError"] as exc:
        m = re.match(r"'(.+?)' is undefined", str(exc))
        raise RenderError(placement, "unknown", m.group(1) if m else str(exc)) from None
    except SecurityError as exc:
        raise RenderError(placement, "template", "", str(exc), _template_location(exc)) from None
    except (TemplateError, TooLarge, TooSlow) as exc:
        raise RenderError(placement, "template", "", f"{type(exc).__name__}: {exc}", _template_location(exc)) from None
    except (MemoryError, RecursionError, Exception) as exc:  # 1/0, {% include %}, lxml … : this contract only
        raise RenderError(placement, "template", "", f"{type(exc).__name__}: {exc}"[:300],
                          _template_location(exc)) from None
    return out.getvalue()


def stored_hash(path: Path) -> str | None:
    """The inputs hash stored in an existing DOCX, or None (not ours, or not a DOCX)."""
    try:
        with zipfile.ZipFile(path) as z:
            core = z.read("docProps/core.xml").decode("utf-8", "replace")
    except (OSError, KeyError, zipfile.BadZipFile, ValueError):
        return None
    m = re.search(r"<dc:identifier>" + re.escape(HASH_PREFIX) + r"([0-9a-f]{64})</dc:identifier>", core)
    return m.group(1) if m else None


# --- names and places ------------------------------------------------------------------------


def ascii_name(text: str, limit: int = 60) -> str:
    """An ASCII-safe, portable file-name part: letters with diacritics lose them (õ ä ö ü š ž →
    o a o u s z), anything but letters, digits and '-' becomes '_'. Never '.', '/', '..', empty
    or a name Windows reserves (``CON`` → ``CON_``)."""
    decomposed = unicodedata.normalize("NFKD", text)
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    safe = "".join(c if (c.isascii() and (c.isalnum() or c == "-")) else "_" for c in plain)
    safe = safe[:limit].strip("_-") or "_"
    if safe.upper() in _WINDOWS_RESERVED:  # Windows cannot create CON, aux, nul, COM1 … (any case)
        safe += "_"
    return safe


_WINDOWS_RESERVED = frozenset({"CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$",
                               *(f"{d}{i}" for d in ("COM", "LPT") for i in range(10))})


def relative_destination(context: dict) -> str:
    """``<study year>/<group>/<placement>_<student>_<host>.docx`` (joint placement: first host)."""
    st = context["student"]
    name = "_".join(ascii_name(x) for x in (context["placement"]["id"], f"{st['last_name']} {st['first_name']}",
                                              context["hosts"][0]["name"]))
    return f"{ascii_name(context['study_year'])}/{ascii_name(st['group'])}/{name}.docx"


def inside(root: Path, rel: str) -> Path | None:
    """`root/rel` resolved (symlinks followed), or None when it would leave `root`."""
    base = root.resolve()
    dest = (base / rel).resolve()
    return dest if dest != base and dest.is_relative_to(base) else None


# --- planning --------------------------------------------------------------------------------


@dataclass
class Job:
    """One placement of a run and everything decided about it."""

    placement: str
    template: str = ""  # template label (shipped name or the given path)
    template_key: str = ""
    rel: str = ""  # destination relative to the output folder
    path: Path | None = None
    context: dict | None = None
    hash: str = ""
    status: str = ""  # created / unchanged / updated / conflict / refused / skipped
    reasons: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    override: dict | None = None
    data: bytes | None = None

    def row(self) -> dict:
        return {"placement": self.placement, "file": self.rel, "template": self.template, "inputs_hash": self.hash,
                "status": self.status, "reasons": self.reasons + self.warnings, "override": self.override}


def _owner(path: str) -> str:
    m = re.match(r"^[a-z_]+\[\d+\]", path)
    return m.group(0) if m else ""


def findings_by_record(findings: Iterable[Finding]) -> dict[tuple[str, str], list[Finding]]:
    """Findings grouped by the top-level record they sit in: (file, ``kind[index]``)."""
    out: dict[tuple[str, str], list[Finding]] = {}
    for f in findings:
        owner = _owner(f.path)
        if owner:
            out.setdefault((f.file, owner), []).append(f)
    return out


def describe(f: Finding, lang: str) -> str:
    """A finding as a manifest reason: ``code (clause): message [FILE:LINE path]`` — what is
    wrong, which clause, and where."""
    loc = f.localized(lang)
    clause = f" ({f.clause})" if f.clause else ""
    where = f"{f.file}:{f.line}" + (f" {f.path}" if f.path else "")
    return f"{f.code}{clause}: {loc['message']} [{where}]"


def plan_jobs(
    ds,
    profile,
    placements: list,
    findings: list[Finding],
    out_dir: Path,
    templates: dict[str, tuple[str, bytes]],
    lang: str,
) -> list["Job"]:
    """Decide what each selected placement gets, before any rendering: skipped (draft,
    cancelled), refused (error findings in the placement, its student or its hosts; data that
    cannot make a contract; a destination outside DIR or shared with another placement), or a
    context, an inputs hash and a destination. `templates` maps a language (or "*" for all) to
    (label, bytes)."""
    from cluster_cli.i18n import t

    by_record = findings_by_record(findings)
    # A student or host the loader dropped: its placements are refused with its own errors.
    dropped = {(kind, ident): errors for kind in ("students", "members")
               for ident, errors in dropped_records(ds, findings, kind)}
    jobs: list[Job] = []
    taken: dict[Path, str] = {}
    for p in placements:
        job = Job(placement=p.id)
        jobs.append(job)
        if p.debt_override is not None:
            o = p.debt_override
            job.override = {"by": o.by, "reason": o.reason, "date": o.date.isoformat()}
        if p.status in NOT_RENDERED:
            job.status = "skipped"
            job.reasons.append(t("reason.contracts.status", lang, status=p.status))
            continue
        records = [p]
        student = ds.students.get(p.student)
        if student is not None:
            records.append(student)
        records += [ds.members[h.member] for h in p.hosts if h.member in ds.members]
        errors: list[Finding] = list(dropped.get(("students", p.student), []))
        for h in p.hosts:
            errors += dropped.get(("members", h.member), [])
        for r in records:
            for f in by_record.get((r.origin.file, r.origin.prefix), []):
                if f.severity == "error":
                    errors.append(f)
                elif r is p and f.severity == "warning":
                    job.warnings.append(describe(f, lang))
        if errors:
            job.status = "refused"
            job.reasons += [describe(f, lang) for f in errors]
            continue
        key = "*" if "*" in templates else p.language
        job.template_key = key
        job.template = templates[key][0]
        try:
            job.context = build_context(ds, profile, p)
        except ContractDataError as exc:
            job.status = "refused"
            job.reasons.append(t(exc.key, lang, **exc.args_))
            continue
        bad = unusable_characters(job.context)
        if bad is not None:
            job.status = "refused"
            job.reasons.append(t("reason.contracts.characters", lang, placement=p.id, term=bad[0], value=bad[1],
                                 file=_value_file(ds, p, bad[0])))
            continue
        job.rel = relative_destination(job.context)
        dest = inside(out_dir, job.rel)
        if dest is None:
            job.status = "refused"
            job.reasons.append(t("reason.contracts.outside", lang, path=job.rel))
            continue
        if dest in taken:
            job.status = "refused"
            job.reasons.append(t("reason.contracts.same-file", lang, path=job.rel, other=taken[dest]))
            continue
        taken[dest] = p.id
        job.path = dest
        job.hash = inputs_hash(job.context, templates[key][1])
    return jobs


def _value_file(ds, p, term: str) -> str:
    """The data file a context value comes from (its record's file), for a refusal's location."""
    root = re.match(r"[a-z_]+(\[\d+\])?", term)
    head = root.group(0) if root else ""
    record = p
    if head in ("student", "guardian"):
        record = ds.students.get(p.student, p)
    elif head == "school" and p.student in ds.students:
        record = ds.members.get(ds.students[p.student].school, p)
    elif head.startswith("hosts[") and not re.match(r"hosts\[\d+\]\.(supervisor|tasks|start|end|hours)", term):
        index = int(head[6:-1])
        if index < len(p.hosts):
            record = ds.members.get(p.hosts[index].member, p)
    return f"{record.origin.file} ({record.origin.prefix})"


def broken_placements(ds, findings: Iterable[Finding]) -> list[tuple[str, list[Finding]]]:
    """Placement records the loader could not read (their errors dropped them from the data):
    (the placement's id as written, or FILE:LINE when it has none; its errors), in file order."""
    return dropped_records(ds, findings, "placements")


def dropped_records(ds, findings: Iterable[Finding], kind: str) -> list[tuple[str, list[Finding]]]:
    """Records of `kind` whose errors dropped them from the data: (the id as written, or
    FILE:LINE when it has none; the errors), in file order."""
    from cluster_cli.model.records import ID_FIELD

    present = {(r.origin.file, r.origin.prefix) for r in ds.records.get(kind, [])}
    out: dict[tuple[str, str], list[Finding]] = {}
    for f in findings:
        owner = _owner(f.path)
        if f.severity == "error" and owner.startswith(kind + "[") and (f.file, owner) not in present:
            out.setdefault((f.file, owner), []).append(f)
    result = []
    for (file, owner), errors in out.items():
        ident = None
        raw = _raw_file(file)
        index = int(owner[owner.index("[") + 1:-1])
        if isinstance(raw, list) and index < len(raw) and isinstance(raw[index], dict):
            value = raw[index].get(ID_FIELD.get(kind, "id"))
            ident = str(value) if isinstance(value, (str, int)) and str(value) else None
        result.append((ident or f"{file}:{errors[0].line}", errors))
    return result


def _raw_file(file: str) -> Any:
    import yaml

    try:
        with open(file, "rb") as handle:
            return yaml.load(handle, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except (OSError, yaml.YAMLError, ValueError):
        return None


def loose_errors(findings: Iterable[Finding]) -> list[Finding]:
    """Errors the loader found outside any record of a list kind (an unreadable file, a broken
    YAML document, `cluster.yaml`): the data may miss what no contract can name, so nothing is
    rendered."""
    from cluster_cli.load.layout import LIST_KINDS

    return [f for f in findings
            if f.severity == "error" and _owner(f.path).partition("[")[0] not in LIST_KINDS]


def decide(job: Job, force: bool, lang: str) -> None:
    """copier's per-file verdict, from the stored inputs hash — never from raw bytes: created (no
    file), unchanged (same inputs), updated (changed, --force), conflict (changed, or a file this
    tool did not write: it may be a signed contract)."""
    from cluster_cli.i18n import t

    assert job.path is not None
    if not job.path.exists():
        job.status = "created"
        return
    stored = stored_hash(job.path)
    if stored == job.hash:
        job.status = "unchanged"
    elif force:
        job.status = "updated"
    else:
        job.status = "conflict"
        key = "reason.contracts.conflict" if stored else "reason.contracts.conflict-foreign"
        job.reasons.append(t(key, lang, path=job.rel))


# --- rendering, serial or in a pool ---------------------------------------------------------

_POOL_TEMPLATES: dict[str, bytes] = {}


def _render_task(item: tuple[int, str, dict, str, str]) -> tuple[int, bytes | None, tuple | None]:
    index, key, context, placement, ident = item
    try:
        return index, render_docx(_POOL_TEMPLATES[key], context, placement, ident), None
    except RenderError as exc:
        return index, None, (exc.kind, exc.term, exc.detail, exc.where)


def render_all(
    jobs: list[Job],
    templates: dict[str, tuple[str, bytes]],
    on_done: Callable[[Job], None] | None = None,
    workers: int | None = None,
) -> Iterator[tuple[Job, RenderError | None]]:
    """Render the jobs in memory, in order; yields (job, error). Many jobs (≥ POOL_THRESHOLD)
    go to a fork pool in chunks; the documents come back as bytes, in order."""
    global _POOL_TEMPLATES
    items = [(i, j.template_key, j.context, j.placement, j.hash) for i, j in enumerate(jobs)]
    workers = workers or os.cpu_count() or 1
    _POOL_TEMPLATES = {k: v[1] for k, v in templates.items()}
    if len(items) >= POOL_THRESHOLD and workers > 1:
        import multiprocessing

        ctx = multiprocessing.get_context("fork")
        with ctx.Pool(processes=workers) as pool:
            results = pool.imap(_render_task, items, chunksize=POOL_CHUNK)
            yield from _collect(jobs, results, on_done)
    else:
        yield from _collect(jobs, map(_render_task, items), on_done)


def _collect(jobs, results, on_done):
    for index, data, error in results:
        job = jobs[index]
        job.data = data
        if on_done is not None:
            on_done(job)
        yield job, (RenderError(job.placement, *error) if error else None)


# --- writing -----------------------------------------------------------------------------------


def write_file(path: Path, data: bytes | str) -> None:
    """The one place a contract or manifest reaches the disk (atomic: temp file + os.replace)."""
    from cluster_cli.files import write_atomic

    write_atomic(path, data)


class Transaction:
    """Files and folders a run creates or replaces; `rollback` puts the folder back as it was:
    created files and folders are removed (copier: a folder the failed run created is removed),
    replaced files get their previous bytes back. `removed` and `restored` say what it did."""

    def __init__(self, root: Path):
        self.root = root
        self.files: list[Path] = []
        self.dirs: list[Path] = []
        self.backups: dict[Path, bytes] = {}
        self.removed: list[Path] = []
        self.restored: list[Path] = []

    def ensure_dir(self, folder: Path) -> None:
        missing = []
        cur = folder
        while not cur.exists():
            missing.append(cur)
            cur = cur.parent
        for d in reversed(missing):
            try:
                d.mkdir()
            except FileExistsError:  # another run made it in between: not ours to remove
                if not d.is_dir():
                    raise
                continue
            self.dirs.append(d)

    def write(self, path: Path, data: bytes | str, new: bool) -> None:
        self.ensure_dir(path.parent)
        if not new and path not in self.backups and path not in self.files:
            try:
                self.backups[path] = path.read_bytes()
            except FileNotFoundError:
                new = True
        write_file(path, data)
        if new and path not in self.files:
            self.files.append(path)

    def rollback(self) -> None:
        for f in reversed(self.files):
            try:
                f.unlink()
                self.removed.append(f)
            except FileNotFoundError:
                pass
        for f, old in self.backups.items():
            write_file(f, old)
            self.restored.append(f)
        for d in sorted(self.dirs, key=lambda p: len(p.parts), reverse=True):
            for stray in d.glob(".*.tmp"):  # temp files of an interrupted write
                stray.unlink(missing_ok=True)
            if d == self.root:  # the lock file lives in the folder this run created
                (d / LOCK_NAME).unlink(missing_ok=True)
            try:
                d.rmdir()
            except OSError:
                pass


class LockTimeout(Exception):
    """Another run holds the output folder's lock longer than we wait."""


class FolderLock:
    """An exclusive lock on the output folder (fcntl.flock on OUT/.cluster-contracts.lock), held
    from planning to the manifest: two runs into one folder never decide on the same files.
    The folder is made through the transaction (a run that fails removes it). The holder removes
    the lock file before it unlocks; a waiting run then finds the file it locked is no longer
    the one in the folder and starts again."""

    def __init__(self, root: Path, timeout: float, on_wait: Callable[[], None] | None = None, poll: float = 0.05):
        self.root, self.timeout, self.on_wait, self.poll = root, timeout, on_wait, poll
        self.fd: int | None = None

    def acquire(self, tx: Transaction) -> None:
        import fcntl
        import time

        deadline = time.monotonic() + self.timeout
        waited = False
        path = self.root / LOCK_NAME
        while True:
            tx.ensure_dir(self.root)
            try:
                fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
            except FileNotFoundError:  # the folder went away with a failed run: again
                continue
            try:
                while True:
                    try:
                        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                        break
                    except BlockingIOError:
                        if not waited and self.on_wait is not None:
                            self.on_wait()
                        waited = True
                        if time.monotonic() >= deadline:
                            raise LockTimeout(str(path)) from None
                        time.sleep(self.poll)
                try:
                    live = os.stat(path).st_ino == os.fstat(fd).st_ino
                except FileNotFoundError:
                    live = False
            except BaseException:
                os.close(fd)
                raise
            if live:
                self.fd = fd
                return
            os.close(fd)

    def release(self) -> None:
        """Remove the lock file, then unlock: the folder keeps no trace of the lock, and a run
        waiting on the removed file notices and locks the next one."""
        if self.fd is not None:
            try:
                (self.root / LOCK_NAME).unlink(missing_ok=True)
            except OSError:
                pass
            os.close(self.fd)  # closing the descriptor releases the flock
            self.fd = None


_TEMP = re.compile(r"^\..+\.(docx|pdf|json|csv)\.[A-Za-z0-9_]{6,}\.tmp$")


def sweep_temp_files(root: Path) -> list[Path]:
    """Remove the temporary files a killed write left in the output folder (``.X.docx.*.tmp``:
    a whole contract, personal code and all). Call only while holding the folder's lock."""
    swept = []
    if not root.is_dir():
        return swept
    for stray in sorted(root.rglob(".*.tmp")):
        if _TEMP.match(stray.name) and stray.is_file() and not stray.is_symlink():
            stray.unlink(missing_ok=True)
            swept.append(stray)
    return swept


MANIFEST_FIELDS = ("placement", "file", "template", "inputs_hash", "status", "reasons", "override")


def previous_rows(root: Path, jobs: list[Job]) -> list[dict]:
    """The rows of the existing manifest (manifest.json, else manifest.csv) for placements this
    run does not touch — a run on a subset keeps the others — unless their file is gone."""
    mine = {j.placement for j in jobs}
    rows = _read_manifest_json(root / "manifest.json")
    if rows is None:
        rows = _read_manifest_csv(root / "manifest.csv") or []
    base = root.resolve()
    kept = []
    for r in rows:
        if not isinstance(r, dict) or not isinstance(r.get("placement"), str) or r["placement"] in mine:
            continue
        row = {k: r.get(k) if isinstance(r.get(k), str) else "" for k in MANIFEST_FIELDS}
        o = r.get("override")
        row["override"] = o if isinstance(o, dict) and {"by", "reason", "date"} <= o.keys() else None
        row["reasons"] = r.get("reasons")
        row["reasons"] = [str(x) for x in row["reasons"]] if isinstance(row["reasons"], list) else []
        if row["file"] and not (base / row["file"]).is_file():
            continue  # the contract was removed since: its row would not match the folder
        kept.append(row)
    return kept


def _read_manifest_json(path: Path) -> list | None:
    try:
        doc = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    rows = doc.get("contracts") if isinstance(doc, dict) else None
    return rows if isinstance(rows, list) else None


def _read_manifest_csv(path: Path) -> list | None:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, ValueError):
        return None
    rows = []
    for r in csv.DictReader(io.StringIO(text)):
        parts = (r.get("override") or "").split("; ")
        rows.append({**r, "reasons": [x for x in (r.get("reasons") or "").split(" | ") if x],
                     "override": {"by": parts[0], "reason": parts[1], "date": parts[2]} if len(parts) == 3 else None})
    return rows


def _rows(jobs: list[Job], keep: Iterable[dict]) -> list[dict]:
    return sorted([*(j.row() for j in jobs), *keep], key=lambda r: (r["placement"], r["file"]))


def manifest_json(jobs: list[Job], as_of: date, keep: Iterable[dict] = ()) -> str:
    doc = {"tool": "cluster-cli", "version": __version__, "as_of": as_of.isoformat(), "contracts": _rows(jobs, keep)}
    return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"


def manifest_csv(jobs: list[Job], keep: Iterable[dict] = ()) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(MANIFEST_FIELDS)
    for r in _rows(jobs, keep):
        o = r["override"]
        writer.writerow([r["placement"], r["file"], r["template"], r["inputs_hash"], r["status"],
                         " | ".join(r["reasons"]), "" if o is None else f"{o['by']}; {o['reason']}; {o['date']}"])
    return buffer.getvalue()


# --- check-template ---------------------------------------------------------------------------


@dataclass
class TemplateReport:
    variables: list[str]  # docxtpl's undeclared variables (top level)
    paths: list[str]  # every variable path the template reads, e.g. hosts[].supervisor.name
    unknown: list[str]
    missing_terms: list[tuple[str, str]]  # (clause, term)
    syntax_error: str = ""
    refusals: list[str] = field(default_factory=list)  # what rendering would refuse (sandbox, runtime)


def _schema_has(path: str) -> bool:
    node: Any = CONTEXT_SCHEMA
    for part in re.findall(r"[^.\[\]]+|\[\]", path):
        if part == "[]":
            if not isinstance(node, list):
                return False
            node = node[0]
            continue
        if isinstance(node, str):  # past a leaf: a string's own methods
            return True
        if isinstance(node, list):
            return False
        if not isinstance(node, dict) or part not in node:
            return False
        node = node[part]
    return True


def _used_paths(ast) -> set[str]:
    """Every context path the template reads, loop variables resolved (`h.name` in
    ``{% for h in hosts %}`` is ``hosts[].name``)."""
    from jinja2 import nodes

    used: set[str] = set()

    def path_of(node, scope) -> str | None:
        if isinstance(node, nodes.Name):
            if node.name in scope:
                return scope[node.name]
            return node.name
        if isinstance(node, nodes.Getattr):
            base = path_of(node.node, scope)
            return None if base is None else f"{base}.{node.attr}"
        if isinstance(node, nodes.Getitem):
            base = path_of(node.node, scope)
            if base is None:
                return None
            if isinstance(node.arg, nodes.Const) and isinstance(node.arg.value, str):
                return f"{base}.{node.arg.value}"
            return f"{base}[]"
        if isinstance(node, nodes.Filter) and node.name in ("first", "last", "random"):
            base = path_of(node.node, scope) if node.node is not None else None
            return None if base is None else f"{base}[]"
        if isinstance(node, nodes.Filter) and node.name in ("sort", "reverse", "unique", "list", "select",
                                                             "reject", "selectattr", "rejectattr", "batch"):
            return path_of(node.node, scope) if node.node is not None else None
        return None

    def visit(node, scope):
        if isinstance(node, nodes.For):
            visit_expr(node.iter, scope)
            inner = dict(scope)
            base = path_of(node.iter, scope)
            if isinstance(node.target, nodes.Name):
                inner[node.target.name] = f"{base}[]" if base else None
            else:
                for n in node.target.find_all(nodes.Name):
                    inner[n.name] = None
            inner["loop"] = None
            for child in node.body + node.else_:
                visit(child, inner)
            if node.test is not None:
                visit_expr(node.test, inner)
            return
        if isinstance(node, nodes.Assign):
            visit_expr(node.node, scope)
            for n in node.target.find_all(nodes.Name):
                scope[n.name] = path_of(node.node, scope)
            return
        if isinstance(node, (nodes.Macro, nodes.CallBlock)):
            inner = dict(scope)
            for a in getattr(node, "args", []):
                inner[a.name] = None
            inner["caller"] = None
            for child in node.body:
                visit(child, inner)
            return
        if isinstance(node, nodes.Expr):
            visit_expr(node, scope)
            return
        for child in node.iter_child_nodes():
            visit(child, scope)

    def visit_expr(node, scope):
        if isinstance(node, (nodes.Name, nodes.Getattr, nodes.Getitem)):
            p = path_of(node, scope)
            if p is not None:
                used.add(p)
                if isinstance(node, nodes.Getitem) and not isinstance(node.arg, nodes.Const):
                    visit_expr(node.arg, scope)
                return
            if isinstance(node, nodes.Name):
                return
        for child in node.iter_child_nodes():
            visit_expr(child, scope)

    visit(ast, {})
    return {u for u in used if u is not None}


def _covers(used: set[str], needed: str) -> bool:
    return any(u == needed or u.startswith(needed + ".") or u.startswith(needed + "[") for u in used)


def _template_source(raw: bytes):
    """(python-docx document, the Jinja source docxtpl renders: body, headers and footers)."""
    from docx import Document
    from docx.oxml import parse_xml
    from docxtpl import DocxTemplate

    tpl = DocxTemplate(io.BytesIO(raw))
    doc = Document(io.BytesIO(raw))
    xml = tpl.patch_xml(tpl.xml_to_string(doc._element.body))
    for rel in doc.part.rels.values():
        if rel.reltype in (tpl.HEADER_URI, tpl.FOOTER_URI) and not rel.is_external:
            xml += tpl.patch_xml(tpl.xml_to_string(parse_xml(rel.target_part.blob)))
    return doc, xml


def template_problem(raw: bytes) -> str:
    """Why a template cannot be used at all ('' when it can): not a DOCX, or a Jinja syntax error."""
    from jinja2 import TemplateSyntaxError

    try:
        _, xml = _template_source(raw)
    except Exception as exc:  # python-docx raises several kinds for a file that is not a .docx
        return f"not a .docx file ({type(exc).__name__})"
    try:
        environment().parse(xml)
    except TemplateSyntaxError as exc:
        return f"TemplateSyntaxError: {exc.message} (line {exc.lineno})"
    return ""


def check_template(path: Path) -> TemplateReport:
    """A template's variables (docxtpl's undeclared variables), the unknown ones (not in
    CONTEXT_SCHEMA, down to attributes: `student.nmae`), and the mandatory terms it never uses."""
    from docxtpl import DocxTemplate
    from jinja2 import TemplateSyntaxError

    raw = path.read_bytes()
    env = environment()
    try:
        variables = sorted(DocxTemplate(io.BytesIO(raw)).get_undeclared_template_variables(env))
        doc, xml = _template_source(raw)
        used = _used_paths(env.parse(xml))
    except TemplateSyntaxError as exc:
        return TemplateReport([], [], [], [], syntax_error=f"{exc.message} (line {exc.lineno})")
    unknown = {p for p in used if not _schema_has(p)} | {v for v in variables if v not in CONTEXT_SCHEMA}
    missing: list[tuple[str, str]] = []
    for clause, term, alternatives in VARIABLE_TERMS:
        if not any(all(_covers(used, n) for n in alt) for alt in alternatives):
            missing.append((clause, term))
    text = _document_text(doc).lower()
    for clause, term, patterns in TEXT_TERMS:
        if not any(re.search(p, text) for p in patterns):
            missing.append((clause, term))
    return TemplateReport(variables, sorted(used), sorted(unknown), missing, refusals=trial_render(raw, env.parse(xml)))


def sample_context(node: Any = None, path: str = "") -> Any:
    """A context with every CONTEXT_SCHEMA value present (a short sample text; one item per
    list), for the trial render of check-template."""
    node = CONTEXT_SCHEMA if node is None else node
    if isinstance(node, dict):
        return {k: sample_context(v, f"{path}.{k}" if path else k) for k, v in node.items()}
    if isinstance(node, list):
        return [sample_context(node[0], f"{path}[0]")]
    return f"<{path}>"


def trial_render(raw: bytes, ast) -> list[str]:
    """What rendering would refuse in this template, found before any contract is made: an
    attribute the sandbox never allows (``''.__class__``, ``x.__globals__``, ``cycler.__init__`` —
    in any branch), and what a render of a sample context through the same sandbox, with the same
    bounds, refuses (a runtime error, a sandbox refusal, a time or size bound)."""
    from jinja2 import nodes

    refusals = []
    env = environment()
    for node in ast.find_all((nodes.Getattr, nodes.Getitem)):
        name = node.attr if isinstance(node, nodes.Getattr) else (
            node.arg.value if isinstance(node.arg, nodes.Const) and isinstance(node.arg.value, str) else None)
        if name is not None and (name.startswith("_") or not env.is_safe_attribute("", name, None)):
            refusals.append(f"line {node.lineno}: the sandbox refuses the attribute '{name}'")
    try:
        render_docx(raw, sample_context(), "check-template", "0" * 64)
    except RenderError as exc:
        if exc.kind == "template":
            refusals.append(f"{exc.where}: {exc.detail}" if exc.where else exc.detail)
    return refusals


def _document_text(doc) -> str:
    parts = [p.text for p in doc.paragraphs]
    for table in doc.tables:
        for row in table.rows:
            for cell in row.cells:
                parts.append(cell.text)
    return "\n".join(parts)
