"""The month's payments as an ISO 20022 credit-transfer file (pain.001) the bank accepts, and the
summary shown beside it.

The XML is built by sepaxml (a kept library: pain.001.001.03 and .09, each validated with
xmlschema against the schema it ships) — never by hand. Its message and payment-information ids
are random and its creation time the clock's; both are set here instead, from the transfers
(the same payments give the same ids: a bank refuses a message id it has seen, so a file sent
twice is not paid twice) and from the time the CLI passes. The file is then validated again,
with lxml, against the same official XSD before any byte of it is written.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from pathlib import Path

from cluster_cli.findings import Pii, mask
from cluster_cli.i18n import N_, Month, date_text, t, tn
from cluster_cli.i18n import month_text as i18n_month_text
from cluster_cli.render.numbers import number_text
from cluster_cli.reports.payments import PaymentRun, Transfer

PAIN_VERSIONS = {"09": "pain.001.001.09", "03": "pain.001.001.03"}
REMITTANCE_MAX = 140  # RmtInf/Ustrd, Max140Text
NAME_MAX = 70  # the EPC's limit on a party's name
NAMESPACE = "urn:iso:std:iso:20022:tech:xsd:"
_KIND_REMITTANCE = {"grants": N_("payments.remittance.grants"), "special": N_("payments.remittance.special"),
                    "travel": N_("payments.remittance.travel")}
_KIND_WORD = {"grants": N_("payments.kind.grants"), "special": N_("payments.kind.special"),
              "travel": N_("payments.kind.travel")}
REMITTANCE_LANG = "et"  # the payees' bank statements are read in Estonian


class SepaError(Exception):
    """The file could not be built or does not validate: a catalogue key and its arguments."""

    def __init__(self, key: str, **args):
        super().__init__(key)
        self.key = key
        self.args_ = args


@dataclass(frozen=True)
class BankFile:
    schema: str  # pain.001.001.09
    message_id: str
    count: int
    control_sum: Decimal
    xml: bytes


def schema_path(schema: str) -> Path:
    """The official XSD of `schema`, as sepaxml ships it."""
    import sepaxml

    return Path(sepaxml.__file__).parent / "schemas" / f"{schema}.xsd"


def month_text(month: str) -> str:
    """`2026-11` as a bank statement writes it: `11.2026` (the remittance is Estonian)."""
    return i18n_month_text(month, REMITTANCE_LANG)


def remittance(transfer: Transfer) -> str:
    """What the payee's statement says: the allowance, the month(s) and the clause(s), and the
    student's name when the account is someone else's — within 140 characters."""
    lang = REMITTANCE_LANG
    text = t(_KIND_REMITTANCE[transfer.kind], lang, month=", ".join(month_text(m) for m in transfer.months),
             clause=", ".join(transfer.clauses))
    if transfer.payee != transfer.student.full_name:
        text = t("payments.remittance.for-student", lang, text=text, student=transfer.student.full_name)
    return text if len(text) <= REMITTANCE_MAX else text[: REMITTANCE_MAX - 1] + "…"


def cents(amount: Decimal) -> int:
    value = amount * 100
    if value != value.to_integral_value():
        raise SepaError(N_("payments.amount-cents"), amount=amount)
    return int(value)


def message_id(run: PaymentRun, schema: str) -> str:
    """Stable for the same payments: the month and a digest of every transfer (Max35Text)."""
    digest = hashlib.sha256()
    digest.update(f"{schema}|{run.account.iban}|{run.month}|{','.join(run.kinds)}".encode("utf-8"))
    for x in run.transfers:
        digest.update(f"|{x.end_to_end_id}|{x.iban}|{x.amount}|{x.execution.isoformat()}".encode("utf-8"))
    return f"{run.month.replace('-', '')}-{digest.hexdigest()[:24].upper()}"


def bank_file(run: PaymentRun, pain: str, created: datetime) -> BankFile:
    """The pain.001 file of `run` (which must not be refused), validated against the XSD."""
    from lxml import etree
    from sepaxml import SepaTransfer
    from sepaxml.validation import ValidationError
    from stdnum import iban as iban_mod

    schema = PAIN_VERSIONS[pain]
    config = {"name": run.account.name, "IBAN": iban_mod.compact(run.account.iban), "currency": "EUR",
              "batch": True}
    if run.account.bic:
        config["BIC"] = run.account.bic
    sepa = SepaTransfer(config, schema=schema, clean=False)  # clean=True would strip õ, ä, ö, ü, š, ž
    for x in run.transfers:
        sepa.add_payment({"name": x.payee[:NAME_MAX], "IBAN": x.iban, "amount": cents(x.amount),
                          "execution_date": x.execution, "description": remittance(x),
                          "endtoend_id": x.end_to_end_id})
    try:
        raw = sepa.export(validate=True)
    except ValidationError as exc:
        raise SepaError(N_("payments.invalid-xml"), schema=schema, reason=str(exc.__cause__ or exc)) from exc
    ns = {"p": NAMESPACE + schema}
    root = etree.fromstring(raw, etree.XMLParser(resolve_entities=False, no_network=True))
    msg_id = message_id(run, schema)
    root.find("p:CstmrCdtTrfInitn/p:GrpHdr/p:MsgId", ns).text = msg_id
    root.find("p:CstmrCdtTrfInitn/p:GrpHdr/p:CreDtTm", ns).text = created.isoformat(timespec="seconds")
    for i, node in enumerate(root.findall("p:CstmrCdtTrfInitn/p:PmtInf/p:PmtInfId", ns), start=1):
        node.text = f"{msg_id}-{i}"
    xml = etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)
    validate(xml, schema)
    return BankFile(schema, msg_id, len(run.transfers), run.total, xml)


def validate(xml: bytes, schema: str) -> None:
    """Refuse a file the official XSD does not accept (lxml), naming the first error's line."""
    from lxml import etree

    xsd = etree.XMLSchema(etree.parse(str(schema_path(schema))))
    doc = etree.fromstring(xml, etree.XMLParser(resolve_entities=False, no_network=True))
    if not xsd.validate(doc):
        error = xsd.error_log.last_error
        raise SepaError(N_("payments.invalid-xml"), schema=schema, reason=f"{error.line}: {error.message}")


# --- what the terminal shows ------------------------------------------------------------------


def money_text(amount: Decimal, lang: str) -> str:
    """`1 380,50 €` in Estonian, `1380.50 €` in English."""
    return t("payments.amount", lang, amount=number_text(amount, lang))


def _iban_shown(value: str | None, show_pii: bool) -> str:
    if not value:
        return "—"
    return value if show_pii else mask(Pii(value))


def summary_lines(run: PaymentRun, file: BankFile | None, lang: str, show_pii: bool) -> list[str]:
    """Counts and sums per kind and in all, with the execution dates; the payer's IBAN masked
    unless `show_pii`."""
    lines = [t("payments.summary.head", lang, month=Month(run.month), payer=run.account.name,
               iban=_iban_shown(run.account.iban, show_pii), schema=file.schema if file else "—")]
    for k in run.by_kind():
        lines.append(tn("payments.summary.kind", k.count, lang, kind=t(_KIND_WORD[k.kind], lang), count=k.count,
                        amount=money_text(k.total, lang), dates=", ".join(date_text(d, lang) for d in k.dates) or "—"))
    lines.append(tn("payments.summary.total", len(run.transfers), lang, count=len(run.transfers),
                    amount=money_text(run.total, lang)))
    if run.others:
        count = sum(run.others.values())
        lines.append(tn("payments.summary.others", count, lang, count=count,
                        schools=", ".join(f"{school} {n}" for school, n in sorted(run.others.items()))))
    moved = [x for x in run.transfers if x.execution != x.due]
    if moved:
        lines.append(tn("payments.summary.late", len(moved), lang, count=len(moved), due=min(x.due for x in moved),
                        date=moved[0].execution))
    return lines


_PROBLEM_KEY = {"missing": N_("payments.iban-missing"), "checksum": N_("payments.iban-invalid"),
                "length": N_("payments.iban-invalid"), "component": N_("payments.iban-invalid"),
                "format": N_("payments.iban-invalid")}


def problem_lines(run: PaymentRun, lang: str, show_pii: bool) -> list[tuple[str, dict]]:
    """Each payee the file cannot pay, as (catalogue key, arguments): the student, their file and
    line, the kinds, and what is wrong with the IBAN (masked unless `show_pii`)."""
    out = []
    for p in run.problems:
        origin = p.student.origin
        line = origin.line_of(("iban",)) if p.iban else origin.line_of(())
        where = f"{origin.file}:{line}" if line else origin.file
        out.append((_PROBLEM_KEY[p.problem], {
            "where": where, "student": p.student.id, "name": p.student.full_name,
            "iban": _iban_shown(p.iban, show_pii),
            "kinds": ", ".join(t(_KIND_WORD[k], lang) for k in p.kinds)}))
    return out
