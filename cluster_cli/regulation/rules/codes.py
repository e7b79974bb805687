"""Codes checked with well-kept libraries, never hand-written checksums: personal codes and
registry codes (python-stdnum), IBANs (python-stdnum), e-mail addresses (email-validator, no
network) and phone numbers (phonenumbers, Estonia as the default region)."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterator

from cluster_cli.findings import Finding, Pii
from cluster_cli.i18n import N_, Phrase
from cluster_cli.model.dataset import Dataset
from cluster_cli.regulation.rules.base import Context, at


def _stdnum_problem(module, value: str) -> str | None:
    """The reason a code is invalid ('checksum', 'length', 'format', 'component'), or None."""
    from stdnum.exceptions import InvalidChecksum, InvalidComponent, InvalidFormat, InvalidLength, ValidationError

    try:
        module.validate(value)
    except InvalidChecksum:
        return "checksum"
    except InvalidLength:
        return "length"
    except InvalidComponent:
        return "component"
    except (InvalidFormat, ValidationError):
        return "format"
    return None


# The message of each problem, per kind of code: literal keys, so that extraction sees them.
_PERSONAL_CODE = {"checksum": N_("personal-code.checksum"), "length": N_("personal-code.length"),
                  "component": N_("personal-code.component"), "format": N_("personal-code.format")}
REGISTRY_CODE_KEYS = {"checksum": N_("registry-code.checksum"), "length": N_("registry-code.length"),
                  "component": N_("registry-code.component"), "format": N_("registry-code.format")}
IBAN_KEYS = {"checksum": N_("iban.checksum"), "length": N_("iban.length"),
             "component": N_("iban.component"), "format": N_("iban.format")}


@lru_cache(maxsize=None)
def personal_code_problem(code: str) -> str | None:
    from stdnum.ee import ik

    return _stdnum_problem(ik, code)


def iban_problem(code: str) -> str | None:
    """Why an IBAN is invalid, or None (`IBAN_KEYS` names the message of each reason)."""
    from stdnum import iban

    return _stdnum_problem(iban, code)


def registry_code_problem(code: str) -> str | None:
    """Why an Estonian registry code (registrikood) is invalid, or None (`REGISTRY_CODE_KEYS`
    names the message of each reason)."""
    from stdnum.ee import registrikood

    return _stdnum_problem(registrikood, code)


def personal_codes(ds: Dataset, ctx: Context) -> Iterator[Finding]:
    """Students (and guardians) have a valid isikukood, or a birth date with a foreign document."""
    from stdnum.ee import ik

    for s in ds.records.get("students", []):
        if s.personal_code:
            problem = personal_code_problem(s.personal_code)
            if problem:
                yield at(s, ("personal_code",), "personal-code", "", key=_PERSONAL_CODE[problem],
                         value=Pii(s.personal_code))
            elif s.birth_date and ik.get_birth_date(s.personal_code) != s.birth_date:
                yield at(s, ("birth_date",), "personal-code", "", key="personal-code.birth-date",
                         born=ik.get_birth_date(s.personal_code), recorded=s.birth_date)
        elif not (s.birth_date and s.foreign_document):
            yield at(s, (), "personal-code", "", key="personal-code.missing", id=s.id)
        if s.guardian and s.guardian.personal_code:
            problem = personal_code_problem(s.guardian.personal_code)
            if problem:
                yield at(s, ("guardian", "personal_code"), "personal-code", "", key=_PERSONAL_CODE[problem],
                         value=Pii(s.guardian.personal_code))


def registry_codes(ds: Dataset, ctx: Context) -> Iterator[Finding]:
    """Estonian members have a valid registrikood (a placement contract names the host, Lisa 7 1.4.9)."""
    for m in ds.records.get("members", []):
        if not m.registry_code:
            yield at(m, (), "registry-code", "Lisa 7 1.4.9", severity="warning", key="registry-code.missing", id=m.id)
        elif m.country == "EE":
            problem = registry_code_problem(m.registry_code)
            if problem:
                yield at(m, ("registry_code",), "registry-code", "", key=REGISTRY_CODE_KEYS[problem],
                         value=m.registry_code)


def ibans(ds: Dataset, ctx: Context) -> Iterator[Finding]:
    """Bank accounts are valid IBANs (allowances are paid to them, Lisa 11 V.4), and so is the
    account they are paid from (`payments:` in cluster.yaml, the bank file's debtor)."""
    from stdnum import iban

    for s in ds.records.get("students", []):
        if s.iban:
            problem = _stdnum_problem(iban, s.iban)
            if problem:
                yield at(s, ("iban",), "iban", "", key=IBAN_KEYS[problem], value=Pii(s.iban))
    payers = [(ds.cluster, ds.cluster.payments)] if ds.cluster is not None else []
    payers += [(m, m.payments) for m in ds.records.get("members", [])]  # a school's own account
    for record, payer in payers:
        if payer is not None and iban_problem(payer.iban):
            yield at(record, ("payments", "iban"), "iban", "", key="iban.payer", value=Pii(payer.iban))


def _contact_places(ds: Dataset):
    """(record, path, person-like) for every place that holds an e-mail address or phone number."""
    if ds.cluster is not None:
        for i, c in enumerate(ds.cluster.coordinators):
            yield ds.cluster, ("coordinators", i), c
    for m in ds.records.get("members", []):
        for i, c in enumerate(m.contacts):
            yield m, ("contacts", i), c
        for i, c in enumerate(m.offers.supervisors):
            yield m, ("offers", "supervisors", i), c
    for g in ds.records.get("groups", []):
        yield g, ("supervisor",), g.supervisor
    for s in ds.records.get("students", []):
        yield s, (), s
        if s.guardian:
            yield s, ("guardian",), s.guardian
    for p in ds.records.get("placements", []):
        for name in ("school_supervisor", "coordinator"):
            person = getattr(p, name)
            if person is not None:
                yield p, (name,), person
        for i, h in enumerate(p.hosts):
            if h.supervisor is not None:
                yield p, ("hosts", i, "supervisor"), h.supervisor


@lru_cache(maxsize=4096)
def email_problem(address: str) -> Phrase | None:
    """What is wrong with an e-mail address, in our words (None when it is well-formed)."""
    from email_validator import EmailNotValidError, validate_email

    try:
        validate_email(address, check_deliverability=False)
    except EmailNotValidError as exc:
        return email_reason(str(exc))
    return None


# email-validator's reasons (its English sentences) → the catalogue's; checked in this order, the
# first needle found in the library's sentence wins. Characters it names stay as the argument.
_EMAIL_REASONS = (
    ("must have an @-sign", N_("email.reason.no-at")),
    ("something before the @-sign", N_("email.reason.nothing-before")),
    ("something after the @-sign", N_("email.reason.nothing-after")),
    ("anything after the email address", N_("email.reason.trailing")),
    ("should have a period", N_("email.reason.no-period")),
    ("top-level domain", N_("email.reason.tld")),
    ("special-use or reserved", N_("email.reason.reserved")),
    ("two periods in a row", N_("email.reason.two-periods")),
    ("period and a hyphen", N_("email.reason.period-hyphen")),
    ("two letters followed by two dashes", N_("email.reason.period-hyphen")),
    ("cannot start with a", N_("email.reason.starts")),
    ("immediately before the @-sign", N_("email.reason.before-at")),
    ("immediately after the @-sign", N_("email.reason.after-at")),
    ("cannot end with a", N_("email.reason.ends")),
    ("too long", N_("email.reason.too-long")),
    ("so many characters", N_("email.reason.too-long")),
    ("Internationalized characters before", N_("email.reason.international")),
    ("display name", N_("email.reason.display-name")),
    ("angle bracket", N_("email.reason.display-name")),
    ("Quoting the part", N_("email.reason.quoted")),
    ("in brackets", N_("email.reason.literal")),
    ("bracketed", N_("email.reason.literal")),
    ("before the @-sign", N_("email.reason.chars-before")),
    ("after the @-sign", N_("email.reason.chars-after")),
    ("character", N_("email.reason.chars")),
    ("not valid ASCII", N_("email.reason.chars")),
)
# The characters email-validator names by a word: the word for people, or the sign itself.
_EMAIL_SIGNS = {"period": ".", "hyphen": "-"}


def email_reason(text: str) -> Phrase:
    """email-validator's sentence `text` as a catalogue phrase; the characters it names (after a
    colon, or "a period"/"a hyphen") are its argument `chars`."""
    key = next((k for needle, k in _EMAIL_REASONS if needle in text), N_("email.reason.other"))
    chars: tuple = ()
    if key in ("email.reason.starts", "email.reason.ends", "email.reason.before-at", "email.reason.after-at"):
        word = re.search(r"with an? (\w+)|have an? (\w+) immediately", text)
        if word:
            name = word.group(1) or word.group(2)
            chars = (f"'{_EMAIL_SIGNS.get(name, name)}'",)
    elif ": " in text:
        listed = text.rsplit(": ", 1)[1].rstrip(".")
        chars = tuple(Phrase(N_("email.char.space")) if c == "SPACE" else c for c in listed.split(", "))
    return Phrase(key, (("chars", chars or ("?",)), ("detail", text)))


@lru_cache(maxsize=4096)
def phone_problem(number: str) -> bool:
    import phonenumbers

    try:
        parsed = phonenumbers.parse(number, "EE")
    except phonenumbers.NumberParseException:
        return True
    return not phonenumbers.is_valid_number(parsed)


def emails(ds: Dataset, ctx: Context) -> Iterator[Finding]:
    """E-mail addresses are well-formed (checked offline)."""
    for record, path, person in _contact_places(ds):
        if person.email and (problem := email_problem(person.email)):
            yield at(record, (*path, "email"), "email", "", value=person.email, detail=problem)


def phones(ds: Dataset, ctx: Context) -> Iterator[Finding]:
    """Phone numbers are valid (Estonian numbers may omit +372)."""
    for record, path, person in _contact_places(ds):
        if person.phone and phone_problem(person.phone):
            yield at(record, (*path, "phone"), "phone", "", value=person.phone)
