"""The allowance committee's pack (`cluster grants pack`): an XLSX workbook — a summary sheet and a
sheet per curriculum with the ranking, each student's components, the margin to the cut-off,
the exclusions with their clause and the other allowances of the period — and a DOCX protocol
draft (the committee and its meeting from `cluster.yaml`, the decisions, signature lines).

Both are deterministic: the workbook through `render/xlsx.py`, the protocol made with
python-docx, its document dates set to the round's decision date and its zip times pinned.
Personal codes are in the workbook only, masked unless `--show-pii`.
"""

from __future__ import annotations

import io
from datetime import datetime
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction
from typing import Any

from cluster_cli.findings import Pii
from cluster_cli.i18n import month_text, months_text, period_text, t
from cluster_cli.i18n.words_money import GRANT_CRITERION
from cluster_cli.render.grants import COMPONENT_KINDS, COMPONENTS, reason_text
from cluster_cli.render.month_changes import KIND_WORD
from cluster_cli.render.numbers import number_text
from cluster_cli.render.views import View
from cluster_cli.reports.grants_pack import CommitteePack, CurriculumPack, OtherAllowance, PackRow

_PLACES = {"share": Decimal("0.001"), "number": Decimal("0.01")}


def _typed(name: str, value: Any) -> Any:
    """A component as a number the sheet keeps (shares to a tenth of a per cent, averages to two
    places, counts as they are, money as money)."""
    if value is None:
        return None
    kind = COMPONENT_KINDS.get(name)
    if kind in _PLACES:
        exact = Fraction(value)
        return (Decimal(exact.numerator) / Decimal(exact.denominator)).quantize(_PLACES[kind], ROUND_HALF_UP)
    return value


def others_text(others: list[OtherAllowance], lang: str) -> str:
    return "; ".join(f"{t(KIND_WORD[o.kind], lang)} {month_text(o.month, lang)} "
                     f"{number_text(o.amount, lang)} € ({o.clause})" for o in others)


def _decision(row: PackRow, lang: str) -> str:
    c = row.candidate
    if not c.eligible:
        return t("pack.decision.excluded", lang)
    return t("grant.awarded" if c.awarded else "grant.not-awarded", lang)


def _row(cur: CurriculumPack, row: PackRow, lang: str) -> dict:
    c = row.candidate
    comp = {name: _typed(name, c.scores.value(name)) for name in COMPONENTS} if c.scores else {}
    return {
        "rank": c.rank, "student": c.student.id, "name": c.student.full_name,
        "personal_code": Pii(c.student.personal_code) if c.student.personal_code else None,
        "decision": _decision(row, lang), "places_to_cutoff": row.places_to_cutoff,
        "margin": _typed(cur.criterion, row.margin), **comp,
        "decided_by": t(GRANT_CRITERION[c.decided_by], lang) if c.decided_by else "",
        "tie": t("grant.tie", lang) if c.tie else "",
        "others": others_text(row.others, lang),
        "clause": "; ".join(x.clause for x in c.reasons),
        "reason": "; ".join(reason_text(x, lang).rstrip(".") for x in c.reasons),
    }


def curriculum_view(cur: CurriculumPack, lang: str) -> View:
    kinds = {**COMPONENT_KINDS, "student": "id", "personal_code": "code", "decision": "text", "decided_by": "text",
             "places_to_cutoff": "count", "rank": "count", "margin": COMPONENT_KINDS.get(cur.criterion, "count"),
             "others": "text", "clause": "text", "reason": "text", "tie": "text"}
    rows = [_row(cur, r, lang) for r in cur.ranked + cur.excluded]
    return View(f"{cur.code} {cur.name}", "pack.view.curriculum", [
        ("rank", "col.rank"), ("student", "col.student"), ("name", "col.name"),
        ("personal_code", "col.personal_code"), ("decision", "col.decision"),
        ("places_to_cutoff", "col.places_to_cutoff"), ("margin", "col.margin"),
        ("weighted_average", "grant.criterion.weighted_average"), ("average", "grant.criterion.average"),
        ("period_average", "grant.criterion.period_average"), ("completion", "grant.criterion.completion"),
        ("unexcused", "grant.criterion.unexcused"), ("outstanding_results", "grant.criterion.outstanding_results"),
        ("social_activity", "grant.criterion.social_activity"), ("attendance", "grant.criterion.attendance"),
        ("lower_income", "grant.criterion.lower_income"),
        ("decided_by", "col.decided_by"), ("tie", "col.tie"), ("others", "col.other_allowances"),
        ("clause", "col.clause"), ("reason", "col.reason"),
    ], rows, kinds=kinds)


def summary_view(pack: CommitteePack, lang: str) -> View:
    rows = [{
        "curriculum": cur.code, "name": cur.name, "applied": cur.applied, "eligible": len(cur.ranked),
        "excluded": len(cur.excluded), "grants": cur.grants, "awarded": cur.awarded,
        "criterion": t(GRANT_CRITERION[cur.criterion], lang), "cutoff": _typed(cur.criterion, cur.cutoff),
        "others": sum(1 for r in cur.ranked + cur.excluded if r.others),
    } for cur in pack.curricula]
    first = pack.curricula[0].criterion if pack.curricula else "weighted_average"
    return View("summary", "pack.view.summary", [
        ("curriculum", "col.curriculum"), ("name", "col.name"), ("applied", "col.applied"),
        ("eligible", "col.eligible"), ("excluded", "col.excluded"), ("grants", "col.grants"),
        ("awarded", "col.awarded_count"), ("criterion", "col.criterion"), ("cutoff", "col.cutoff"),
        ("others", "col.with_other_allowances"),
    ], rows, kinds={"curriculum": "code", "name": "text", "criterion": "text",
                    "cutoff": COMPONENT_KINDS.get(first, "count"), "applied": "count", "eligible": "count",
                    "excluded": "count", "grants": "count", "awarded": "count", "others": "count"},
        totals=("applied", "eligible", "excluded", "grants", "awarded", "others"))


def pack_title(pack: CommitteePack, lang: str) -> str:
    return t("pack.title", lang, round=pack.ranking.round.id)


def pack_xlsx(pack: CommitteePack, lang: str, show_pii: bool, run=None) -> bytes:
    from cluster_cli.render.xlsx import xlsx_bytes

    views = [summary_view(pack, lang)] + [curriculum_view(cur, lang) for cur in pack.curricula]
    stamp = pack.ranking.round.decide_by
    return _with_number_formats(xlsx_bytes(views, lang, show_pii, stamp, pack_title(pack, lang), run), views, stamp)


NUMBER_FORMAT = "0.00"  # averages and their margins to two places (Excel shows 3,63 in Estonian)


def _with_number_formats(data: bytes, views: list[View], stamp) -> bytes:
    """The common writer leaves plain numbers in the General format; the committee reads the
    averages to two places, so their columns get a fixed format (same bytes for the same input:
    the zip's times and the document dates are pinned again)."""
    from openpyxl import load_workbook

    from cluster_cli.render.views import kind_of
    from cluster_cli.render.xlsx import pin_zip_times

    wb = load_workbook(io.BytesIO(data))
    for ws, view in zip(wb.worksheets, views):
        for col, (key, _) in enumerate(view.columns, start=1):
            if kind_of(view, key) == "number":
                for r in range(3, 3 + len(view.rows)):
                    if ws.cell(row=r, column=col).value is not None:
                        ws.cell(row=r, column=col).number_format = NUMBER_FORMAT
    moment = datetime(stamp.year, stamp.month, stamp.day)
    wb.properties.created = wb.properties.modified = moment
    buffer = io.BytesIO()
    wb.save(buffer)
    return pin_zip_times(buffer.getvalue(), moment)


def file_names(pack: CommitteePack, lang: str) -> tuple[str, str]:
    """The workbook's and the protocol's names: `pohitoetus-2026-sugis.xlsx`,
    `protokoll-2026-sugis.docx` (ASCII, the round as the language writes it)."""
    import unicodedata

    rnd = period_text(pack.ranking.round.id, lang)
    plain = unicodedata.normalize("NFKD", rnd).encode("ascii", "ignore").decode()
    return (t("pack.file.workbook", lang, round=plain), t("pack.file.protocol", lang, round=plain))


# --- the protocol draft ----------------------------------------------------------------------


def pack_docx(pack: CommitteePack, cluster_name: str, lang: str) -> bytes:
    from docx import Document

    from cluster_cli.render.xlsx import pin_zip_times

    rnd = pack.ranking.round
    doc = Document()
    doc.add_heading(cluster_name, level=1)
    doc.add_heading(t("pack.doc.title", lang, round=rnd.id), level=2)
    committee = pack.committee
    if pack.meeting is not None:
        doc.add_paragraph(t("pack.doc.meeting", lang, date=pack.meeting))
    else:
        doc.add_paragraph(t("pack.doc.meeting-unset", lang))
    if pack.place:
        doc.add_paragraph(t("pack.doc.place", lang, place=pack.place))
    if committee is not None:
        doc.add_paragraph(t("pack.doc.chair", lang, name=committee.chair))
        doc.add_paragraph(t("pack.doc.members", lang, names=", ".join(committee.members)))
        if committee.secretary:
            doc.add_paragraph(t("pack.doc.secretary", lang, name=committee.secretary))
    else:
        doc.add_paragraph(t("pack.doc.no-committee", lang))
    doc.add_heading(t("pack.doc.agenda-heading", lang), level=3)
    doc.add_paragraph(t("pack.doc.agenda", lang, round=rnd.id, apply_by=rnd.apply_by, fixed=rnd.results_fixed,
                        decide_by=rnd.decide_by))
    doc.add_heading(t("pack.doc.decisions-heading", lang), level=3)
    months = months_text(rnd.months[0], rnd.months[-1], lang)
    for number, cur in enumerate(pack.curricula, start=1):
        doc.add_paragraph(t("pack.doc.curriculum", lang, number=number, code=cur.code, name=cur.name,
                            grants=cur.grants, applied=cur.applied, eligible=len(cur.ranked)))
        awarded = [r for r in cur.ranked if r.candidate.awarded]
        reserve = [r for r in cur.ranked if not r.candidate.awarded]
        if awarded:
            doc.add_paragraph(t("pack.doc.award", lang, months=months))
            for r in awarded:  # numbered by rank in the text: Word's list numbering would run on
                _item(doc, f"{r.candidate.rank}. {_who(r)}")
        else:
            doc.add_paragraph(t("pack.doc.award-none", lang))
        if reserve:
            doc.add_paragraph(t("pack.doc.reserve", lang))
            for r in reserve:
                _item(doc, f"{r.candidate.rank}. {_who(r)}")
        if cur.excluded:
            doc.add_paragraph(t("pack.doc.refuse", lang))
            for r in cur.excluded:
                reasons = "; ".join(f"{reason_text(x, lang).rstrip('.')} ({x.clause})" for x in r.candidate.reasons)
                doc.add_paragraph(f"{r.candidate.student.full_name} ({r.candidate.student.id}): {reasons}",
                                  style="List Bullet")
    with_others = pack.with_others
    if with_others:
        doc.add_heading(t("pack.doc.others", lang), level=3)
        for r in with_others:
            doc.add_paragraph(f"{r.candidate.student.full_name} ({r.candidate.student.id}): "
                              f"{others_text(r.others, lang)}", style="List Bullet")
    doc.add_heading(t("pack.doc.signatures", lang), level=3)
    for role, name in _signers(pack, lang):
        doc.add_paragraph(t("pack.doc.signature", lang, role=role, name=name))
    moment = datetime(rnd.decide_by.year, rnd.decide_by.month, rnd.decide_by.day)
    props = doc.core_properties
    props.author = "cluster_cli"
    props.title = pack_title(pack, lang)
    props.created = props.modified = props.last_printed = moment
    props.revision = 1
    buffer = io.BytesIO()
    doc.save(buffer)
    return pin_zip_times(buffer.getvalue(), moment)


def _item(doc, text: str) -> None:
    from docx.shared import Cm

    doc.add_paragraph(text).paragraph_format.left_indent = Cm(1)


def _who(row: PackRow) -> str:
    c = row.candidate
    return f"{c.student.full_name} ({c.student.id})"


def _signers(pack: CommitteePack, lang: str) -> list[tuple[str, str]]:
    committee = pack.committee
    if committee is None:
        return [(t("pack.doc.signature-chair", lang), ""), (t("pack.doc.signature-secretary", lang), "")]
    signers = [(t("pack.doc.signature-chair", lang), committee.chair)]
    signers += [(t("pack.doc.signature-member", lang), m) for m in committee.members]
    if committee.secretary:
        signers.append((t("pack.doc.signature-secretary", lang), committee.secretary))
    return signers
