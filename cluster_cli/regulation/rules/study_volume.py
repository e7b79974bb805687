"""The split of a curriculum's volume (2.5, 2.10, 3.6.1; 3.3.4, 3.4.4, 3.5.3, 4.11.4): independent
work by study form, e-courses, and practical work against practice."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction
from typing import Iterator

from cluster_cli.findings import Finding
from cluster_cli.model.dataset import Dataset
from cluster_cli.model.records import Curriculum
from cluster_cli.regulation.rules.base import Context, at


def _pct(share: Fraction) -> str:
    return f"{float(share) * 100:.0f} %"


def _stationary(cur: Curriculum) -> bool:
    """3.6.1, 3.6.2: school-based and workplace-based study are stationary."""
    return cur.study_form != "non_stationary"


def independent_work(ds: Dataset, ctx: Context) -> Iterator[Finding]:
    """2.10: independent work is at least 15 % of the volume in stationary study and over 50 % in
    non-stationary study; 3.6.1.1: in stationary study it is less than half; 3.6.1.2: in
    non-stationary study more than half. Measured when the curriculum's modules state their
    `independent_work_ekap`; a curriculum that states it for some modules only is asked to
    complete it."""
    least = ctx.p("independent_work_min_share")
    half = ctx.p("independent_work_half")
    for cur in ds.records.get("curricula", []):
        stated = [m for m in cur.modules if m.independent_work_ekap is not None]
        if not stated:
            continue
        for i, m in enumerate(cur.modules):
            if m.independent_work_ekap is not None and m.independent_work_ekap > m.ekap:
                yield at(cur, ("modules", i, "independent_work_ekap"), "independent-work", "2.10",
                         key="independent-work.module", module=m.id, independent=m.independent_work_ekap,
                         ekap=m.ekap)
        missing = [m.id for m in cur.modules if m.independent_work_ekap is None]
        if missing:
            yield at(cur, ("modules",), "independent-work", "2.10", severity="warning",
                     key="independent-work.partial", modules=", ".join(missing))
            continue
        total = sum((m.independent_work_ekap for m in stated), Decimal(0))
        share = Fraction(total) / Fraction(cur.ekap)
        common = {"share": _pct(share), "independent": total, "ekap": cur.ekap}
        if _stationary(cur):
            if share < least:
                yield at(cur, ("modules",), "independent-work", ctx.clause("independent_work_min_share"),
                         key="independent-work.low", need=_pct(least), **common)
            elif share >= half:
                yield at(cur, ("modules",), "independent-work", "3.6.1.1",
                         key="independent-work.stationary", most=_pct(half), **common)
        elif share <= half:
            yield at(cur, ("study_form",), "independent-work", "3.6.1.2, 2.10",
                     key="independent-work.non-stationary", need=_pct(half), **common)


def e_courses(ds: Dataset, ctx: Context) -> Iterator[Finding]:
    """2.5: an e-course states its independent-work volume exactly; independent work is at most
    50 % of it in stationary study, 75 % in non-stationary study; only e-courses the study
    director has approved (kooskõlastanud) are used."""
    limits = ctx.p("e_course_independent_max_share")
    clause = ctx.clause("e_course_independent_max_share")
    for cur in ds.records.get("curricula", []):
        most = limits["stationary" if _stationary(cur) else "non_stationary"]
        for i, m in enumerate(cur.modules):
            if not m.e_course:
                continue
            where = ("modules", i, "e_course")
            if m.e_course_approved is None:
                yield at(cur, where, "e-course", clause, severity="warning", key="e-course.approval",
                         module=m.id)
            if m.independent_work_ekap is None:
                yield at(cur, where, "e-course", clause, severity="warning", key="e-course.volume",
                         module=m.id)
                continue
            share = Fraction(m.independent_work_ekap) / Fraction(m.ekap)
            if share > most:
                yield at(cur, ("modules", i, "independent_work_ekap"), "e-course", clause,
                         key="e-course.share", module=m.id, share=_pct(share), most=_pct(most),
                         form=cur.study_form)


_BALANCE_CLAUSE = {3: "3.3.4, 4.11.4", 4: "3.4.4, 4.11.4", 5: "3.5.3, 4.11.4"}


def practice_balance(ds: Dataset, ctx: Context) -> Iterator[Finding]:
    """3.3.4, 3.4.4, 3.5.3, 4.11.4: practical work and practice are "generally" of equal share
    (the school may justify another split, 4.11.4) — a warning when either is less than the
    profile's share of the two together. Level 2 (3.2.3) sets no split; workplace-based study
    (3.6.2.2: practice ≥ 2/3 of the volume) is unequal by design; a vocational secondary
    curriculum is measured on its vocational modules."""
    least = ctx.p("practice_balance_min_share")
    for cur in ds.records.get("curricula", []):
        clause = _BALANCE_CLAUSE.get(cur.level)
        if clause is None or cur.study_form == "workplace_based":
            continue
        modules = [m for m in cur.modules if not (cur.kind == "vocational_secondary" and m.type == "general")]
        work = sum((m.practical_work_ekap for m in modules), Decimal(0))
        practice = sum((m.practice_ekap for m in modules), Decimal(0))
        if work + practice == 0:
            continue
        share = Fraction(min(work, practice)) / Fraction(work + practice)
        if share < least:
            yield at(cur, ("modules",), "practice-balance", clause, severity="warning",
                     practical_work=work, practice=practice, share=_pct(share), need=_pct(least))
