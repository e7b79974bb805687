"""The parts of a synthetic cluster that keep it valid under the regulation's record-keeping
rules (issue 20): interim grades of continuing modules, a group's practice schedule and safety
sheet, and a placement's signatures, paperwork and visits (edit/synthetic.py calls these).

Each is what a well-kept cluster records: the dates fall where the rules want them
(regulation/rules/grade_records.py, paperwork.py, placements.py), drawn from the generator's
seeded stream, so the same arguments still give the same files.
"""

from __future__ import annotations

import random
from datetime import date, timedelta

from cluster_cli.edit.synthetic_catalogue import AS_OF, q, s, weekday_on_or_before

NEGATIVE = frozenset({"2", "MA", "X"})
SAFETY_MODULE = "M01"
"""Each curriculum's first module gives the first safety and first-aid training (Lisa 8 1)."""
OPEN_DEBT_TOPIC = "Kontrolltöö"
"""The topic of a debt the generator leaves open (no later result of the module clears it)."""
WORK = frozenset({"assessment", "independent"})
CLOSING = frozenset({"module", "final", "practice"})

# The practice periods of a group's schedule (Lisa 7 2.5): last study year's (finished
# placements start on FINISHED_START) and this study year's (valid, review and draft ones).
LAST_YEAR_PERIOD = (date(2026, 3, 2), date(2026, 5, 8))
THIS_YEAR_PERIOD = (date(2026, 11, 2), date(2027, 5, 7))
# A practice module's safety instruction (Lisa 8 2): the last school day before its period (not
# in a school holiday), by the period's first day.
INSTRUCTED = {LAST_YEAR_PERIOD[0]: date(2026, 2, 20), THIS_YEAR_PERIOD[0]: date(2026, 10, 30)}


_PERIODS: dict[date, tuple[str, date, date]] = {}


def period_of(day: date) -> tuple[str, date, date]:
    """The study period containing `day` — spring 1.2–30.6 (the summer counts to it), autumn
    1.9–31.1, as cluster.yaml writes them — with its first and last day."""
    found = _PERIODS.get(day)
    if found is None:
        found = _PERIODS[day] = _period_of(day)
    return found


def _period_of(day: date) -> tuple[str, date, date]:
    if day.month >= 9:
        return f"{day.year}-autumn", date(day.year, 9, 1), date(day.year + 1, 1, 31)
    if day.month == 1:
        return f"{day.year - 1}-autumn", date(day.year - 1, 9, 1), date(day.year, 1, 31)
    return f"{day.year}-spring", date(day.year, 2, 1), date(day.year, 6, 30)


def with_interim_grades(entries: list[tuple], rng: random.Random, fit, stats: dict) -> list[tuple]:
    """`entries` (date, order, module, kind, value, resit_agreed, topic), sorted, with the interim
    grade of every module still open at the end of an ended study period in which it had results
    (2.34, Lisa 3 II.19–20): `period` at the end of an autumn period, `year_end` at the end of a
    spring one, dated the period's last working day. The grade is negative while the module's
    last result is (the debt stays open, as the debt engine sees it), else positive. Each entry
    gains an eighth item: the day the re-sit agreement sheet was signed (6.2.4) for a positive
    result that clears a debt (the debt engine's pairing: same module and topic), else None."""
    closed: dict[str, date] = {}
    ends: dict[str, dict[str, tuple[date, str]]] = {}
    for day, _, module, kind, _, _, _ in entries:
        if kind in CLOSING:
            closed.setdefault(module, day)
        elif kind in WORK:
            pid, _, end = period_of(day)
            if end < AS_OF:
                ends.setdefault(module, {})[pid] = (end, "year_end" if pid.endswith("-spring") else "period")
    added = []
    for module, periods in sorted(ends.items()):
        first_close = closed.get(module)
        for _, (end, kind) in sorted(periods.items()):
            if first_close is None or first_close > end:
                added.append((weekday_on_or_before(end), module, kind))
    stats["interim_grades"] += len(added)
    merged = entries + [(day, 100_000 + k, module, kind, None, None, None)
                        for k, (day, module, kind) in enumerate(added)]
    merged.sort()  # by date, then order (unique)
    failing: set[tuple[str, str | None]] = set()  # (module, topic) whose last result is negative
    out = []
    for day, order, module, kind, value, agreed, topic in merged:
        key = (module, topic)
        if value is None:
            value = fit("2" if key in failing else rng.choice(("5", "4", "4", "3")), module)
        signed = None
        if value in NEGATIVE:
            failing.add(key)
        elif key in failing:
            failing.discard(key)
            signed = day
        out.append((day, order, module, kind, value, agreed, topic, signed))
    return out


def practice_modules(cur: dict, course: int) -> tuple[tuple, tuple | None]:
    """The practice modules of a group in its `course`: this study year's (the course's own, else
    the last one before it) and last study year's (None in the first course)."""
    practice = [m for m in cur["modules"] if m[4]]
    this_year = next((m for m in practice if m[6] == course), None) or [m for m in practice if m[6] <= course][-1]
    if course < 2:
        return this_year, None
    last_year = next((m for m in practice if m[6] == course - 1), practice[0])
    return this_year, last_year


def group_schedule_lines(L: list[str], this_year: tuple, last_year: tuple | None, start: date,
                         instructor: str, practical: list[tuple[date, str]]) -> None:
    """A group's practice periods (Lisa 7 2.5) and its safety-instruction sheet (Lisa 8 1–3): the
    general instruction on the first day of studies (with the safety module's training), each
    module's with practical work (`practical`: its first grade in the group, the module) on that
    day, and each practice module's own on the last school day before its period."""
    periods = ([(last_year[0], *LAST_YEAR_PERIOD)] if last_year else []) + [(this_year[0], *THIS_YEAR_PERIOD)]
    L.append("  practice_periods:")
    for module, pstart, pend in periods:
        L += [f"    - module: {module}", f"      start: {pstart.isoformat()}", f"      end: {pend.isoformat()}"]
    L += ["  safety_instructions:", f"    - date: {start.isoformat()}", f"      instructor: {s(instructor)}"]
    for day, module in practical:
        L += [f"    - date: {day.isoformat()}", f"      module: {module}", f"      instructor: {s(instructor)}"]
    for module, pstart, _ in periods:
        L += [f"    - date: {INSTRUCTED[pstart].isoformat()}", f"      module: {module}",
              f"      instructor: {s(instructor)}"]


def placement_record_lines(L: list[str], rng: random.Random, p: dict) -> None:
    """A valid or finished placement's signatures (every party, between the data's arrival and
    the start: 4.11.5, Lisa 7 1.4), paperwork (Lisa 7 4.2, 4.6, 7.2, 5.10) and visits to its
    hosts (Lisa 7 6.1). `p`: status, start, end, received, parties [(party, member)], hosts
    [(member, start, end)], visitor, defense."""
    L.append("  signatures:")
    for party, member in p["parties"]:
        day = weekday_on_or_before(p["received"] + timedelta(days=1 + rng.randrange(8)))
        L.append(f"    - party: {party}")
        if member:
            L.append(f"      member: {member}")
        L.append(f"      date: {day.isoformat()}")
    start, end = p["start"], p["end"]
    given = weekday_on_or_before(start - timedelta(days=1 + rng.randrange(5)))
    L += ["  documents:", f"    given: {given.isoformat()}"]
    if p["status"] == "finished":
        returned = end + timedelta(days=3 + rng.randrange(4))
        L += [f"    returned: {returned.isoformat()}", f"    diary_checked: {returned.isoformat()}",
              f"    summary_report: {(p['defense'] + timedelta(days=1 + rng.randrange(5))).isoformat()}"]
    visits = []
    for member, hstart, hend in p["hosts"]:
        last = min(hend, AS_OF - timedelta(days=1))
        if hstart > last:
            continue
        day = weekday_on_or_before(min(last, hstart + timedelta(days=7 + rng.randrange(10))))
        visits.append((max(day, hstart), member))
    if visits:
        L.append("  visits:")
        for day, member in visits:
            L += [f"    - date: {day.isoformat()}", f"      member: {member}", f"      by: {s(p['visitor'])}"]


def quoted_grade(rng: random.Random) -> str:
    """A distinctive practice grade (Lisa 7 4.2: practice is graded 5–2)."""
    return q(rng.choice(("5", "4", "4", "3")))
