"""Serialising `cluster courses`: the learners with what each owes or gets back, and the
employers' discounts (Lisa 15 5.5, 5.8, 5.9)."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

from cluster_cli.i18n import t
from cluster_cli.render.views import View
from cluster_cli.reports.courses import CoursesReport


def _share(value: Fraction) -> Decimal:
    return Decimal(value.numerator) / Decimal(value.denominator)


def courses_title(report: CoursesReport, lang: str) -> str:
    return t("courses.title", lang, count=len({r.course for r in report.learners}))


def courses_views(report: CoursesReport, lang: str) -> list[View]:
    learners = View("learners", "courses.view.learners", [
        ("course", "courses.col.course"), ("name", "courses.col.name"), ("employer", "courses.col.employer"),
        ("registered", "courses.col.registered"), ("enrolled", "courses.col.enrolled"),
        ("withdrawn", "courses.col.withdrawn"), ("fee", "courses.col.fee"), ("discount", "courses.col.discount"),
        ("share", "courses.col.share"), ("due", "courses.col.due"), ("paid", "courses.col.paid"),
        ("balance", "courses.col.balance"), ("clause", "courses.col.clause"),
    ], [{"course": r.course, "name": r.name, "employer": r.employer, "registered": r.registered,
         "enrolled": r.enrolled, "withdrawn": r.withdrawn, "fee": r.fee, "discount": _share(r.discount),
         "share": _share(r.share), "due": r.due, "paid": r.paid, "balance": r.balance, "clause": r.clause}
        for r in report.learners],
        kinds={"course": "id", "employer": "id", "fee": "money", "due": "money", "paid": "money",
               "balance": "money", "discount": "share", "share": "share", "clause": "code"},
        compact=("course", "name", "share", "due", "balance", "clause"),
        totals=("due", "paid", "balance"), split=("balance",))
    employers = View("employers", "courses.view.employers", [
        ("course", "courses.col.course"), ("employer", "courses.col.employer"),
        ("learners", "courses.col.learners"), ("discount", "courses.col.discount"), ("due", "courses.col.due"),
    ], [{"course": r.course, "employer": r.employer, "learners": r.learners, "discount": _share(r.discount),
         "due": r.due}
        for r in report.employers],
        kinds={"course": "id", "employer": "id", "learners": "count", "discount": "share", "due": "money"})
    return [learners, employers]


def courses_document(report: CoursesReport) -> dict:
    owed = [r.balance for r in report.learners]
    return {
        "learners": [{
            "course": r.course, "name": r.name, "employer": r.employer, "registered": r.registered.isoformat(),
            "enrolled": r.enrolled.isoformat() if r.enrolled else None,
            "withdrawn": r.withdrawn.isoformat() if r.withdrawn else None,
            "fee": str(r.fee), "discount": str(float(r.discount)), "share": str(float(r.share)), "due": str(r.due),
            "paid": str(r.paid), "balance": str(r.balance), "clause": r.clause, "transferable": r.transferable,
        } for r in report.learners],
        "employers": [{"course": r.course, "employer": r.employer, "learners": r.learners,
                       "discount": str(float(r.discount)), "due": str(r.due)} for r in report.employers],
        # a balance > 0 is still to collect, < 0 to refund: never one sum of both
        "totals": {"to_collect": str(sum((b for b in owed if b > 0), Decimal("0.00"))),
                   "to_refund": str(-sum((b for b in owed if b < 0), Decimal("0.00")))},
    }


def courses_empty_reason(report: CoursesReport, lang: str) -> str | None:
    return None if report.learners else t("empty.courses", lang)
