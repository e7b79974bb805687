"""Curricula (3.2–3.6): volume by level and kind, practice share, key competences, study form."""

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


def _practice(cur: Curriculum) -> Decimal:
    return sum((m.practice_ekap + m.practical_work_ekap for m in cur.modules), Decimal(0))


def _only_practice(cur: Curriculum) -> Decimal:
    return sum((m.practice_ekap for m in cur.modules), Decimal(0))


def curriculum_volume(ds: Dataset, ctx: Context) -> Iterator[Finding]:
    """3.2.3, 3.3.4, 3.4.4, 3.4.7, 3.5.3: the EKAP volume allowed for the level and kind."""
    clause = ctx.clause("curriculum_volume")
    allowed = ctx.p("curriculum_volume")
    for cur in ds.records.get("curricula", []):
        bounds = allowed.get(f"{cur.level}/{cur.kind}")
        if bounds is None:
            kinds = sorted(k.split("/")[1] for k in allowed if k.startswith(f"{cur.level}/"))
            yield at(cur, ("kind",), "curriculum-volume", clause, key="curriculum-volume.kind",
                     level=cur.level, kind=cur.kind, allowed=kinds)
            continue
        low, high = bounds
        if cur.kind == "vocational_secondary" and cur.ekap > high:
            # 3.4.7 "Erandid kutsekeskhariduse õppekava mahu suurendamise osas sätestatakse
            # asjaomases riiklikus õppekavas": a larger volume is possible when the national
            # curriculum allows it, which the data cannot show — a warning to check, not an error.
            yield at(cur, ("ekap",), "curriculum-volume", "3.4.7", severity="warning",
                     key="curriculum-volume.exception", ekap=cur.ekap, high=high)
        elif not low <= cur.ekap <= high:
            yield at(cur, ("ekap",), "curriculum-volume", clause, ekap=cur.ekap, level=cur.level,
                     kind=cur.kind, low=low, high=high)
        total = sum((m.ekap for m in cur.modules), Decimal(0))
        if total != cur.ekap:
            yield at(cur, ("modules",), "curriculum-volume", "2.21", severity="warning",
                     key="curriculum-volume.modules", total=total, ekap=cur.ekap)


def practice_share(ds: Dataset, ctx: Context) -> Iterator[Finding]:
    """3.2.3, 3.3.4, 3.4.4, 3.5.3: practical work and practice together take at least the share
    set for the level (70 % at level 2, 50 % above) "kutseõppe mahust" — of the vocational-training
    volume. For a vocational secondary curriculum (3.4.7: 180 EKAP with ≥ 60 EKAP of key
    competences) that is, by default, the curriculum without its general modules
    (`practice_share_kkh_denominator: vocational`); `whole` measures against all of it."""
    clause = ctx.clause("practice_min_share")
    minimum = ctx.p("practice_min_share")
    vocational_part = ctx.p("practice_share_kkh_denominator") == "vocational"
    for cur in ds.records.get("curricula", []):
        need = minimum.get(cur.level)
        if need is None:
            continue
        if cur.kind == "vocational_secondary" and vocational_part:
            modules = [m for m in cur.modules if m.type != "general"]
            practice = sum((m.practice_ekap + m.practical_work_ekap for m in modules), Decimal(0))
            volume = cur.ekap - sum((m.ekap for m in cur.modules if m.type == "general"), Decimal(0))
            if volume <= 0:
                continue  # key-competences and curriculum-volume say what is wrong
            share = Fraction(practice) / Fraction(volume)
            if share < need:
                yield at(cur, ("modules",), "practice-share", ctx.clause("practice_share_kkh_denominator"),
                         key="practice-share.vocational", share=_pct(share), need=_pct(need),
                         level=cur.level, practice=practice, ekap=volume)
            continue
        share = Fraction(_practice(cur)) / Fraction(cur.ekap)
        if share < need:
            yield at(cur, ("modules",), "practice-share", clause, share=_pct(share), need=_pct(need),
                     level=cur.level, practice=_practice(cur), ekap=cur.ekap)


def key_competences(ds: Dataset, ctx: Context) -> Iterator[Finding]:
    """3.4.7: a vocational secondary curriculum holds at least 60 EKAP of key competences
    (general-study modules, üldõpingud)."""
    clause = ctx.clause("key_competences_min_ekap")
    need = ctx.p("key_competences_min_ekap")
    for cur in ds.records.get("curricula", []):
        if cur.kind != "vocational_secondary":
            continue
        general = sum((m.ekap for m in cur.modules if m.type == "general"), Decimal(0))
        if general < need:
            yield at(cur, ("modules",), "key-competences", clause, general=general, need=need)


def study_form_practice(ds: Dataset, ctx: Context) -> Iterator[Finding]:
    """3.6.2.2: workplace-based study has practice at the host of at least 2/3 of the volume;
    3.6.2.1: school-based study has practice of at most half (a warning: the school may
    justify it)."""
    for cur in ds.records.get("curricula", []):
        share = Fraction(_only_practice(cur)) / Fraction(cur.ekap)
        if cur.study_form == "workplace_based":
            need = ctx.p("workplace_practice_min_share")
            if share < need:
                yield at(cur, ("study_form",), "workplace-practice-share", ctx.clause("workplace_practice_min_share"),
                         share=_pct(share), need=_pct(need))
        elif cur.study_form == "school_based":
            most = ctx.p("school_based_practice_max_share")
            if share > most:
                yield at(cur, ("study_form",), "workplace-practice-share",
                         ctx.clause("school_based_practice_max_share"), severity="warning",
                         key="workplace-practice-share.school", share=_pct(share), most=_pct(most))
