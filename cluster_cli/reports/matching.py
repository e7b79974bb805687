"""Placement matching (`cluster match`): hosts with free places for the students who still need
a placement, with the reasons each host fits.

- **Who needs a placement**: a student of a group whose practice schedule (praktikakorralduse
  kava, Lisa 7 2.5; `Group.practice_periods`) has a period overlapping the window, who studies
  then (not expelled or graduated, within the studies, 6.7.6) and has no placement (other than a
  cancelled one) overlapping that period, nor the module credited by VÕTA (a positive
  `prior_learning` grade: work experience counts for practice, Lisa 5 III.11). The period is
  cut to the window's start, and to the day after an academic leave that ends inside it (a
  student on leave for the whole period is listed, not matched — 6.7.5 allows practice during
  leave, the school decides).
- **Blocked** (6.2.3, Lisa 7 8.2): open study debts on the period's first day, from the debt
  engine, once that day has come. A blocked student gets no proposal and takes no place. Before
  the start, the debts open today are a warning (8.2: cleared "praktika alguseks", by the start):
  the student is proposed, flagged with the debts to clear by the start date.
- **Flagged** (Lisa 7 10.2, 10.1): a student at level 2 or with special educational needs —
  the school secures the placement; flagged students choose first in their period.
- **Capacity**: a host's places for the curriculum on a day are the places of its offers
  covering that day, minus the placements (not cancelled) of students of that curriculum there
  that day, minus the places this run has already proposed. A host fits when it has a free
  place on every day of the period.
- **Ranking**, each step a reason shown to the user: recognised host by the start (2.27),
  offers catalogue tasks for the module (activity 9), in the school's country (abroad needs
  more: Lisa 7 12, 4.12.5 — never proposed to a minor), partnership form (strategic first),
  earlier placements of the same school's students there, free places, then id.
- **Joint placement** (seed 000 activity 7): when no single host can take the whole period, the
  period is split between hosts that offer joint placements: from the first day, the host whose
  free run reaches furthest (ties by rank), then the next from the following working day — the
  fewest hosts, at most `JOINT_MAX_HOSTS`.

Students are taken period by period (start, group), flagged students first, then by id; each
proposal takes its place before the next student is matched, so proposals never overbook.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal
from fractions import Fraction

from cluster_cli.i18n import NP_, N_, Phrase
from cluster_cli.i18n.words import PARTNERSHIP
from cluster_cli.model.dataset import Dataset
from cluster_cli.model.grades import POSITIVE
from cluster_cli.model.records import Curriculum, Group, Member, Student
from cluster_cli.regulation.debts import Debt, DebtRules, calendar_for, student_debts
from cluster_cli.regulation.facts import is_minor, status_on, study_end
from cluster_cli.regulation.money import WHOLE_DOWN, round_to
from cluster_cli.regulation.profile import Profile
from cluster_cli.regulation.reasons import Reason
from cluster_cli.reports.members import PARTNERSHIP_ORDER, is_recognised

JOINT_MAX_HOSTS = 3
"""A joint placement of more than three hosts in one practice period is not a plan but a tour."""

PROPOSED, JOINT, BLOCKED, NO_CAPACITY, ON_LEAVE = "proposed", "joint", "blocked", "no-capacity", "on-leave"
OUTCOMES = (PROPOSED, JOINT, BLOCKED, NO_CAPACITY, ON_LEAVE)
SECURE = (N_("match.flag.level-2"), N_("match.flag.special-needs"))


@dataclass(frozen=True)
class Slot:
    """One host's part of a proposal; a joint placement has several, in turn."""

    member: str
    start: date
    end: date
    hours: int | None = None
    tasks: tuple[str, ...] = ()


@dataclass
class Proposal:
    rank: int
    slots: list[Slot]
    free: int
    reasons: list[Reason]

    @property
    def joint(self) -> bool:
        return len(self.slots) > 1


@dataclass
class Need:
    """A student who needs a placement in a practice period, and what the matcher found."""

    student: Student
    group: Group
    module: str
    start: date
    end: date
    outcome: str = PROPOSED
    flags: list[Reason] = field(default_factory=list)
    debts: list[Debt] = field(default_factory=list)
    proposals: list[Proposal] = field(default_factory=list)
    ekap: Decimal | None = None
    hours: int | None = None
    period_start: date | None = None
    leave_until: date | str | None = None  # "—": on leave with no end


@dataclass
class MatchReport:
    as_of: date
    start: date
    end: date
    group: str | None
    needs: list[Need]

    def count(self, outcome: str) -> int:
        return sum(1 for n in self.needs if n.outcome == outcome)


# --- capacity --------------------------------------------------------------------------------


class Capacity:
    """Free places per host and curriculum, day by day.

    For each host and curriculum a table of the days its offers cover (from the first offer's
    first day to the last one's last): the places offered that day minus the places taken
    (placements not cancelled, then this run's proposals). A question about a period reads that
    period's days only, whatever the number of placements: `match` stays linear in the data."""

    def __init__(self, ds: Dataset):
        self.ds = ds
        self.taken: dict[tuple[str, str], list[tuple[date, date]]] = {}
        self.tables: dict[tuple[str, str], tuple[int, list[int]] | None] = {}
        for p in ds.records.get("placements", []):
            if p.status == "cancelled":
                continue
            s = ds.students.get(p.student)
            if s is None:
                continue
            for h in p.hosts:
                self.take(h.member, s.curriculum, h.start, h.end)

    def take(self, member: str, curriculum: str, start: date, end: date) -> None:
        self.taken.setdefault((member, curriculum), []).append((start, end))
        table = self.tables.get((member, curriculum))
        if table is not None:
            _add(table, start, end, -1)

    def _table(self, member: Member, curriculum: str) -> tuple[int, list[int]] | None:
        """(the first day's ordinal, free places per day from it); None without offers."""
        key = (member.id, curriculum)
        if key not in self.tables:
            offers = [o for o in member.offers.capacity if o.curriculum == curriculum]
            table = None
            if offers:
                first = min(o.start.toordinal() for o in offers)
                table = (first, [0] * (max(o.end.toordinal() for o in offers) - first + 1))
                for o in offers:
                    _add(table, o.start, o.end, o.places)
                for a, b in self.taken.get(key, ()):
                    _add(table, a, b, -1)
            self.tables[key] = table
        return self.tables[key]

    def free(self, member: Member, curriculum: str, start: date, end: date) -> int:
        """Places free on every day of start…end (0 when a day has none)."""
        table = self._table(member, curriculum)
        if table is None:
            return 0
        first, days = table
        i, j = start.toordinal() - first, end.toordinal() - first
        if i < 0 or j >= len(days):  # a day no offer covers: no place
            return 0
        return max(0, min(days[i:j + 1], default=0))

    def reach(self, member: Member, curriculum: str, start: date, end: date) -> date | None:
        """The last day of the host's unbroken run of free places from `start` (None if none then)."""
        table = self._table(member, curriculum)
        if table is None:
            return None
        first, days = table
        i, j = start.toordinal() - first, end.toordinal() - first
        if i < 0 or i >= len(days):
            return None
        last = min(j, len(days) - 1)
        for k in range(i, last + 1):
            if days[k] < 1:
                return date.fromordinal(first + k - 1) if k > i else None
        return date.fromordinal(first + last)


def _add(table: tuple[int, list[int]], start: date, end: date, places: int) -> None:
    """Add `places` to the table's days start…end (those inside the table)."""
    first, days = table
    for k in range(max(start.toordinal() - first, 0), min(end.toordinal() - first, len(days) - 1) + 1):
        days[k] += places


def _debt_modules(debts: list[Debt]) -> list[str]:
    return sorted({d.module + (f"/{d.topic}" if d.topic else "") for d in debts})


# --- the matcher -----------------------------------------------------------------------------


def match(ds: Dataset, profile: Profile, as_of: date, start: date, end: date, group: str | None = None,
          top: int = 3) -> MatchReport:
    """Needs in the window `start`…`end` with ranked proposals; see the module's docstring."""
    from cluster_cli.regulation.calendar import working_days

    needs = _needs(ds, start, end, group)
    rules = DebtRules.from_profile(profile, as_of)
    debt_calendar = calendar_for([n.student for n in needs], as_of)
    calendar = working_days(start, end, as_of)
    debts: dict[str, list[Debt]] = {}
    capacity = Capacity(ds)
    history = _History(ds)
    hosts = sorted((m for m in ds.members.values() if m.kind != "vocational_school"), key=lambda m: m.id)
    adult = profile.value("adult_age", as_of)
    for need in needs:
        s = need.student
        curriculum = ds.curricula.get(s.curriculum)
        need.flags = _flags(s, need.group, curriculum) + need.flags
        if s.id not in debts:
            debts[s.id] = student_debts(s, as_of, rules, debt_calendar)
        need.debts = [d for d in debts[s.id] if d.open_on(need.start)]
        module = next((m for m in curriculum.modules if m.id == need.module), None) if curriculum else None
        if module is not None and module.practice_ekap:
            hours = int(module.practice_ekap * profile.value("ekap_hours", need.start))
            if need.start == need.period_start:
                need.ekap, need.hours = module.practice_ekap, hours
            else:  # a shortened period: its share of the working days, whole hours
                whole = _working_days(calendar, need.period_start, need.end)
                need.hours = hours * _working_days(calendar, need.start, need.end) // max(whole, 1)
        if need.outcome != ON_LEAVE and need.debts:
            if as_of < need.start:  # Lisa 7 8.2 "praktika alguseks": time to clear them — a warning
                need.flags.append(Reason(N_("match.flag.debts"), "Lisa 7 8.2, 6.2.3",
                                         (("modules", _debt_modules(need.debts)), ("start", need.start)), False))
            else:
                need.outcome = BLOCKED
    secured_first = lambda n: not any(f.code in SECURE for f in n.flags)  # noqa: E731
    order = sorted(needs, key=lambda n: (n.start, n.group.id, secured_first(n), n.student.id))
    for need in order:
        if need.outcome in (BLOCKED, ON_LEAVE):
            continue
        s = need.student
        school = ds.members.get(s.school)
        home = school.country if school is not None else "EE"
        minor = bool(is_minor(s, need.start, adult))
        ranked = []
        for m in hosts:
            if minor and m.country != home:
                continue
            free = capacity.free(m, s.curriculum, need.start, need.end)
            if free < 1:
                continue
            key, reasons = _rank(ds, m, s, need, free, home, history)
            ranked.append((key, m, free, reasons))
        ranked.sort(key=lambda r: r[0])
        singles = [Proposal(0, [Slot(m.id, need.start, need.end, need.hours,
                                     _module_tasks(ds, m, s.curriculum, need.module))], free, reasons)
                   for _, m, free, reasons in ranked]
        domestic = [p for p in singles if ds.members[p.slots[0].member].country == home]
        # A joint placement at home comes before a single host abroad (Lisa 7 12: a mobility
        # decision of its own, not a matter of free places).
        joint = None if domestic else _joint(ds, capacity, calendar, hosts, s, need, home, history)
        chosen = domestic + ([joint] if joint else []) + [p for p in singles if p not in domestic]
        if not chosen:
            need.outcome = NO_CAPACITY
            continue
        need.proposals = chosen[:top]
        for i, p in enumerate(need.proposals, start=1):
            p.rank = i
        need.outcome = JOINT if need.proposals[0].joint else PROPOSED
        for slot in need.proposals[0].slots:
            capacity.take(slot.member, s.curriculum, slot.start, slot.end)
    needs.sort(key=lambda n: (n.start, n.group.id, n.student.id))
    return MatchReport(as_of, start, end, group, needs)


def _needs(ds: Dataset, start: date, end: date, group: str | None) -> list[Need]:
    by_group: dict[str, list[Student]] = {}
    for s in ds.students.values():
        by_group.setdefault(s.group, []).append(s)
    needs = []
    for g in sorted(ds.groups.values(), key=lambda g: g.id):
        if group is not None and g.id != group:
            continue
        for pp in sorted(g.practice_periods, key=lambda pp: (pp.start, pp.module)):
            if pp.end < start or pp.start > end:
                continue
            first = max(pp.start, start)
            for s in sorted(by_group.get(g.id, []), key=lambda s: s.id):
                if s.curriculum != g.curriculum or s.start > first or study_end(s) < pp.end:
                    continue
                status = status_on(s, first)
                if status is None or status.status in ("expelled", "graduated"):
                    continue
                if any(p.status != "cancelled" and p.start <= pp.end and p.end >= first
                       for p in ds.placements_of(s.id)):
                    continue
                if credited_by_prior_learning(s, pp.module):
                    continue
                need = Need(s, g, pp.module, first, pp.end, period_start=pp.start)
                if status.status == "academic_leave":
                    back = status.end + timedelta(days=1) if status.end is not None else None
                    until = status.end if status.end else "—"
                    if back is None or back > pp.end:
                        need.outcome = ON_LEAVE
                        need.leave_until = until
                    else:
                        need.start = back
                        need.flags.append(Reason(N_("match.flag.returns"), "6.7.5, 6.7.10", (("until", until),), False))
                needs.append(need)
    return needs


def credited_by_prior_learning(s: Student, module: str) -> bool:
    """Lisa 5 III.11: the practice module was credited from work experience (a positive
    `prior_learning` grade in the journal): no placement is needed for it."""
    return any(g.kind == "prior_learning" and g.module == module and g.value in POSITIVE for g in s.grades)


def _flags(s: Student, g: Group, curriculum: Curriculum | None) -> list[Reason]:
    """Lisa 7 10.2: a level-2 student's placement is secured by the school; 10.1: for special
    educational needs the individual plan describes abilities and recommendations."""
    flags = []
    if curriculum is not None and curriculum.level == 2:
        flags.append(Reason(N_("match.flag.level-2"), "Lisa 7 10.2", (), False))
    if s.special_needs or g.special_needs:
        flags.append(Reason(N_("match.flag.special-needs"), "Lisa 7 10.1, 10.2", (), False))
    return flags


def _module_tasks(ds: Dataset, m: Member, curriculum: str, module: str) -> tuple[str, ...]:
    return tuple(t for t in m.offers.tasks
                 if t in ds.tasks and ds.tasks[t].curriculum == curriculum and module in ds.tasks[t].modules)


class _History:
    """Earlier placements (not cancelled) of a school's students with a host, counted from an
    index built once: per (host, school) the placements' start dates, sorted."""

    def __init__(self, ds: Dataset):
        starts: dict[tuple[str, str], list[date]] = {}
        for p in ds.records.get("placements", []):
            s = ds.students.get(p.student)
            if p.status == "cancelled" or s is None:
                continue
            for member in {h.member for h in p.hosts}:
                starts.setdefault((member, s.school), []).append(p.start)
        self.starts = {key: sorted(days) for key, days in starts.items()}

    def count(self, member: str, school: str, before: date) -> int:
        return bisect_left(self.starts.get((member, school), ()), before)


def _rank(ds: Dataset, m: Member, s: Student, need: Need, free: int, home: str,
          history_of: _History) -> tuple[tuple, list[Reason]]:
    reasons = [Reason(NP_("match.reason.capacity"), "", (("count", free),))]
    recognised = is_recognised(m, need.start)
    if recognised:
        reasons.append(Reason(N_("match.reason.recognised"), "2.27", (("date", m.recognition.date),)))
    else:
        reasons.append(Reason(N_("match.reason.not-recognised"), "2.27, Lisa 7 1.3.1", (), False))
    tasks = _module_tasks(ds, m, s.curriculum, need.module)
    if tasks:
        reasons.append(Reason(N_("match.reason.tasks"), "klastri tegevus 9",
                              (("tasks", list(tasks)), ("module", need.module))))
    else:
        reasons.append(Reason(N_("match.reason.no-tasks"), "klastri tegevus 9", (("module", need.module),), False))
    abroad = m.country != home
    if abroad:
        reasons.append(Reason(N_("match.reason.abroad"), "Lisa 7 12.7", (("country", m.country),), False))
    form = PARTNERSHIP_ORDER.index(m.partnership) if m.partnership in PARTNERSHIP_ORDER else len(PARTNERSHIP_ORDER)
    if m.partnership:
        reasons.append(Reason(N_("match.reason.partnership"), "",
                              (("form", Phrase(PARTNERSHIP[m.partnership])),)))
    history = history_of.count(m.id, s.school, need.start)
    if history:
        reasons.append(Reason(NP_("match.reason.history"), "", (("count", history), ("school", s.school))))
    key = (not recognised, not tasks, abroad, form, -history, -free, m.id)
    return key, reasons


def _joint(ds: Dataset, capacity: Capacity, calendar, hosts: list[Member], s: Student, need: Need,
           home: str, history: _History) -> Proposal | None:
    """Seed 000 activity 7: split the period between hosts ready for joint placements — from the
    first day the host whose free run reaches furthest (ties by rank), the next host from the
    following working day; None when the period cannot be covered by `JOINT_MAX_HOSTS`."""
    ready = [m for m in hosts if m.offers.joint_placements and m.country == home]
    slots: list[tuple[Member, date, date]] = []
    day = need.start
    while day <= need.end:
        if len(slots) == JOINT_MAX_HOSTS:
            return None
        best = None
        for m in ready:
            reach = capacity.reach(m, s.curriculum, day, need.end)
            if reach is None:
                continue
            key = (-reach.toordinal(), _rank(ds, m, s, need, 1, home, history)[0])
            if best is None or key < best[0]:
                best = (key, m, reach)
        if best is None:
            return None
        _, m, reach = best
        last = reach
        if reach < need.end and calendar.covers(reach):  # a part ends on a working day
            while last > day and not calendar.is_working_day(last):
                last -= timedelta(days=1)
        slots.append((m, day, last))
        day = reach + timedelta(days=1)
        if day <= need.end and calendar.covers(day):
            day = min(calendar.on_or_after(day), need.end)
    hours = _split_hours(need.hours, [(a, b) for _, a, b in slots], calendar)
    reasons = [Reason(N_("match.reason.joint"), "klastri tegevus 7", (("hosts", [m.id for m, _, _ in slots]),))]
    for m, a, b in slots:
        part = Need(s, need.group, need.module, a, b)
        free = capacity.free(m, s.curriculum, a, b)
        reasons.append(Reason(NP_("match.reason.part"), "",
                              (("member", m.id), ("start", a), ("end", b), ("count", free))))
        reasons += [r for r in _rank(ds, m, s, part, free, home, history)[1]
                    if r.code not in ("match.reason.partnership", "match.reason.capacity", "match.reason.history")]
    return Proposal(1, [Slot(m.id, a, b, h, _module_tasks(ds, m, s.curriculum, need.module))
                        for (m, a, b), h in zip(slots, hours)], 1, reasons)


def _working_days(calendar, a: date, b: date) -> int:
    return sum(1 for i in range((b - a).days + 1) if calendar.is_working_day(a + timedelta(days=i)))


def _split_hours(total: int | None, parts: list[tuple[date, date]], calendar) -> list[int | None]:
    """Hours shared in proportion to each part's working days, rounded down, the remainder to the
    last part — so that they add up to the placement's hours exactly (Lisa 7 1.4.3)."""
    if total is None:
        return [None] * len(parts)
    days = [_working_days(calendar, a, b) for a, b in parts]
    whole = sum(days) or 1
    shares = [int(round_to(Fraction(total * d, whole), WHOLE_DOWN)) for d in days]
    shares[-1] += total - sum(shares)
    return shares
