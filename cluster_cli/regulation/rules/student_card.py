"""The student card (õpilaspilet, 4.2, Lisa 2; Lisa 1 I.15–I.16) as the secretary registers it
(Lisa 2 4.1): `student_card:` on the student (issue 21, item 11).

- `student-card` — issued after the entry in the student list (Lisa 2 1.1, 4.2.2) to an admitted
  student (Lisa 1 I.15, 4.2.1), free of charge (Lisa 2 2.1); its printed data: valid-until (3.2.5),
  the birth date when there is no personal code (1.8); a number unique in the school (1.6, an
  error); returned when the student leaves the list (5.2, 4.2.6) and the destruction registered
  (5.3); a replacement on a written request (6.1) at the directive's cost (4.2.4, 6.2) with its
  new number registered (6.4).
- `card-validity` — the validity marked every study year (Lisa 2 5.1): a continuing student's card
  is extended in the first `card_extension_days` of September (Lisa 1 I.16); an active student's
  card not past its valid-until.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Iterator

from cluster_cli.findings import Finding
from cluster_cli.model.dataset import Dataset
from cluster_cli.regulation.facts import period_dates, status_on, study_year_start
from cluster_cli.regulation.summaries import per_file, summary
from cluster_cli.regulation.rules.base import Context, at, order
from cluster_cli.i18n import N_

LEFT = ("expelled", "graduated")


def _left_on(s, day):
    """The day the student left the list (a removal or graduation in force on `day`), else None."""
    entry = status_on(s, day)
    return entry.start if entry is not None and entry.status in LEFT else None


def student_card(ds: Dataset, ctx: Context) -> Iterator[Finding]:
    """Lisa 2 1.1, 1.6, 1.8, 2.1, 3.2.5, 5.2–5.3, 6.1–6.4; 4.2.1–4.2.6; Lisa 1 I.15."""
    first_fee, fee = ctx.p("card_first_fee"), ctx.p("card_replacement_fee")
    for s in ds.records.get("students", []):
        card, left = s.student_card, _left_on(s, ctx.as_of)
        entered = s.admission.date if s.admission is not None else None
        if card is None:
            if entered is not None and left is None and s.start <= ctx.as_of:
                yield at(s, ("admission",), "student-card", "Lisa 1 I.15, 4.2.1", severity="warning",
                         key="student-card.none", student=s.id, date=entered)
            continue
        if entered is not None and card.issued < entered:
            yield at(s, ("student_card", "issued"), "student-card", "Lisa 2 1.1, 4.2.2", severity="warning",
                     key="student-card.before-entry", student=s.id, issued=card.issued, date=entered)
        if card.fee is not None and card.fee > first_fee:
            yield at(s, ("student_card", "fee"), "student-card", "Lisa 2 2.1", severity="warning",
                     key="student-card.fee", student=s.id, fee=card.fee)
        wrong = order(s, ("student_card", "valid_until"), "student-card", "Lisa 2 3.2.5",
                      ("valid_until", N_("date-order.valid-until"), card.valid_until),
                      ("issued", N_("date-order.issue"), card.issued))
        if wrong is not None:
            yield wrong
        if card.valid_until is None:
            yield at(s, ("student_card", "number"), "student-card", "Lisa 2 3.2.5", severity="warning",
                     key="student-card.valid-until", student=s.id, number=card.number)
        if not s.personal_code and s.birth_date is None:
            yield at(s, ("student_card", "number"), "student-card", "Lisa 2 1.8", severity="warning",
                     key="student-card.birth-date", student=s.id, number=card.number)
        for i, r in enumerate(card.replacements):
            if r.request is None:
                yield at(s, ("student_card", "replacements", i, "date"), "student-card", "Lisa 2 6.1",
                         severity="warning", key="student-card.request", student=s.id, date=r.date)
            if r.fee is None or r.fee != fee:
                yield at(s, ("student_card", "replacements", i, "fee" if r.fee is not None else "date"),
                         "student-card", "4.2.4, Lisa 2 6.2", severity="warning", key="student-card.replacement-fee",
                         student=s.id, date=r.date, fee=fee)
        if left is not None and card.returned is None:
            yield at(s, ("student_card", "number"), "student-card", "Lisa 2 5.2, 4.2.6", severity="warning",
                     key="student-card.not-returned", student=s.id, number=card.number, left=left)
        elif card.returned is not None and card.destroyed is None:
            yield at(s, ("student_card", "returned"), "student-card", "Lisa 2 5.3", severity="warning",
                     key="student-card.not-destroyed", student=s.id, number=card.number, returned=card.returned)


def card_validity(ds: Dataset, ctx: Context) -> Iterator[Finding]:
    """Lisa 2 5.1, Lisa 1 I.16: the validity is marked on the card every study year; a continuing
    group's cards are extended in the first two weeks of September. A card whose valid-until
    was issued over the summer with a valid-until reaching the study year's end has this year's
    validity printed on it."""
    year = ctx.as_of.year if ctx.as_of.month >= 9 else ctx.as_of.year - 1
    start = study_year_start(ds.cluster, year)
    if ctx.as_of < start:
        start = study_year_start(ds.cluster, year - 1)
    due = start + timedelta(days=ctx.p("card_extension_days"))
    year_end = study_year_start(ds.cluster, start.year + 1) - timedelta(days=1)
    summer = period_dates(ds.cluster, f"{start.year}-spring")[1]  # the last year's studies ended
    for s in ds.records.get("students", []):
        card = s.student_card
        entry = status_on(s, ctx.as_of)
        if card is None or entry is None or entry.status != "active" or card.returned is not None:
            continue
        latest = max([card.issued, *(r.date for r in card.replacements)])
        # issued over the summer for the coming year: its printed valid-until is this year's mark
        covered = latest > summer and card.valid_until is not None and card.valid_until >= year_end
        if latest < start and ctx.as_of > due and not covered and not any(d >= start for d in card.extended):
            yield at(s, ("student_card", "extended" if card.extended else "issued"), "card-validity",
                     "Lisa 1 I.16, Lisa 2 5.1", severity="warning", key="card-validity.not-extended",
                     student=s.id, number=card.number, due=due)
        elif card.valid_until is not None and card.issued <= card.valid_until < ctx.as_of:
            yield at(s, ("student_card", "valid_until"), "card-validity", "Lisa 2 5.1", severity="warning",
                     key="card-validity.expired", student=s.id, number=card.number, valid_until=card.valid_until)


@summary("students")
def _numbers(records: list, ctx: Context, cluster) -> list:
    """A students file's summary: each card and replacement number issued, as [position of the
    student, index of the number (0: the card), school, number, student id]."""
    rows = []
    for position, s in enumerate(records):
        if s.student_card is not None:
            issued = [s.student_card.number, *(r.number for r in s.student_card.replacements)]
            rows += [[position, i, s.school, number, s.id] for i, number in enumerate(issued)]
    return rows


def card_numbers(ds: Dataset, ctx: Context) -> Iterator[Finding]:
    """Lisa 2 1.6: a card's number is unique in its school — a number issued before, to another
    student or to the same one, is reported (looks across the students, summed per file)."""
    numbers: dict[tuple[str, str], str] = {}
    for records, rows in per_file(ds, ctx, "students", _numbers):
        for position, i, school, number, ident in rows:
            other = numbers.setdefault((school, number), ident)
            repeated = sum(1 for r in rows if r[0] == position and r[3] == number) > 1
            if other != ident or repeated:
                s = records()[position]
                path = ("student_card", "number") if i == 0 else ("student_card", "replacements", i - 1, "number")
                yield at(s, path, "student-card", "Lisa 2 1.6", key="student-card.number", student=s.id,
                         number=number, other=other, school=s.school)
