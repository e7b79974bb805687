"""A deterministic synthetic cluster data folder: `cluster init DIR --synthetic N`, and the
benchmarks' generator (bench/synth.py imports it from here).

The folder is complete and valid: ``cluster validate --data DIR --as-of 2026-11-23`` reports no
errors and no warnings (a student who is a minor when a placement starts has a guardian, also
when of age by the as-of date; the interim grades, practice schedules, safety sheets and a
placement's signatures, paperwork and visits are in `synthetic_records.py`). Layout::

    cluster.yaml  members.yaml  curricula.yaml  tasks.yaml  groups.yaml
    students/<school>/<group>.yaml      one file per group, ≈ 25 students each
    placements/<school>.yaml            ≈ 20 placements per 100 students

Every student has 13 core fields plus contact data, about 41 grades and 10 attendance records
(periods 2022-spring … 2026-autumn), block style, unquoted dates, quoted codes — the shape of the
files measured in /work/shared/PERFORMANCE.md (1,000 students ≈ 4.4 MB). Personal codes,
registry codes and IBANs carry correct check digits (python-stdnum); the fixed catalogue
(schools, companies, curricula, names) is in `synthetic_catalogue.py`.

YAML is written with string formatting, not ``yaml.dump``: 10,000 students take seconds. The
output depends only on the arguments (one seeded ``random.Random``, no clock, sorted iteration),
so the same arguments give byte-identical files. Everything is made in memory; `init.py` writes
the folder.
"""

from __future__ import annotations

import math
import random
from datetime import date, timedelta

from cluster_cli.edit.synthetic_catalogue import (
    AS_OF, ATT_PERIODS, COMPANIES, CURRICULA, GRADES_PER_STUDENT, GROUP_SIZE, LAST, NEGATIVE_SHARE, RELATIONS,
    SCHOOL_HOLIDAYS, SCHOOLS, TASK_TITLES, ascii_slug, estonian_iban, personal_code, phone, q, random_name,
    registry_code, s, weekday_on_or_before,
)
from cluster_cli.edit.synthetic_records import (
    OPEN_DEBT_TOPIC, SAFETY_MODULE, THIS_YEAR_PERIOD, group_schedule_lines, placement_record_lines, practice_modules,
    quoted_grade, with_interim_grades,
)

OWN_FILES = ("cluster.yaml", "members.yaml", "curricula.yaml", "tasks.yaml", "groups.yaml")
"""The files of the folder's top level (students and placements are in their folders)."""


# --- writers -----------------------------------------------------------------------------------


def write_cluster(out: dict, rng: random.Random) -> None:
    L = ["# Synthetic cluster data folder (cluster init --synthetic). Every person and company is fictitious.",
         "name: Sünteetiline IT-kutsehariduse klaster", "language: et", "profile: vvttk", "coordinators:"]
    for (sid, _, domain, _), area in zip(SCHOOLS, ("praktika", "õppekavad", "toetused")):
        first, last, _ = random_name(rng)
        L.append("  - " + f"name: {s(first + ' ' + last)}")
        L.append(f"    member: {sid}")
        L.append("    areas:")
        L.append(f"      - {s(area)}")
        L.append(f"    email: {ascii_slug(first)}.{ascii_slug(last)}@{domain}")
        L.append(f"    phone: {q(phone(rng))}")
    L.append("meetings:")
    for d in (date(2026, 2, 10), date(2026, 5, 12), date(2026, 9, 15), date(2026, 11, 10)):
        L.append(f"  - {d.isoformat()}")
    L.append("periods:")
    for pid in ATT_PERIODS:
        year, half = int(pid[:4]), pid[5:]
        start, end = ((date(year, 2, 1), date(year, 6, 30)) if half == "spring"
                      else (date(year, 9, 1), date(year + 1, 1, 31)))
        L += [f"  - id: {pid}", f"    start: {start.isoformat()}", f"    end: {end.isoformat()}"]
    L.append("school_holidays:")
    for name, start, end in SCHOOL_HOLIDAYS:
        L += [f"  - name: {s(name)}", f"    start: {start.isoformat()}", f"    end: {end.isoformat()}"]
    _put(out, "cluster.yaml", L)


def write_members(out: dict, rng: random.Random, tasks_by_cur: dict[str, list[str]]) -> None:
    L = []
    for sid, name, domain, address in SCHOOLS:
        L += [f"- id: {sid}", "  kind: vocational_school", f"  name: {s(name)}",
              f"  registry_code: {q(registry_code(rng, '7'))}", f"  address: {s(address)}",
              "  partnership: strategic", "  contacts:"]
        first, last, _ = random_name(rng)
        L.append("    - " + f"name: {s(first + ' ' + last)}")
        L += [f"      role: {s('praktikakoordinaator')}",
              f"      email: {ascii_slug(first)}.{ascii_slug(last)}@{domain}",
              f"      phone: {q(phone(rng))}"]
    for i, (cid, name, joint) in enumerate(COMPANIES):
        L += [f"- id: {cid}", "  kind: company", f"  name: {s(name)}",
              f"  registry_code: {q(registry_code(rng, '8' if name.endswith('MTÜ') else '1'))}",
              f"  address: {s(f'{LAST[i]} tn {1 + i * 3}, Tallinn')}",
              f"  partnership: {('everyday', 'developing', 'strategic')[i % 3]}", "  contacts:"]
        first, last, _ = random_name(rng)
        L.append("    - " + f"name: {s(first + ' ' + last)}")
        L += ["      role: juhataja", f"      email: {ascii_slug(first)}.{ascii_slug(last)}@{cid}.ee",
              f"      phone: {q(phone(rng))}",
              "  recognition:", f"    date: {date(2024, 5, 15 + i).isoformat()}",
              f"    decision: {s(f'Praktikaettevõtete komisjoni otsus nr {i + 1}/2024')}",
              "  offers:", f"    joint_placements: {'true' if joint else 'false'}", "    capacity:"]
        curs = [CURRICULA[i % 4], CURRICULA[(i + 1) % 4]]
        for cur in curs:
            L += [f"      - curriculum: {cur['code']}", "        start: 2026-09-01", "        end: 2027-06-30",
                  f"        places: {2 + i % 4}"]
        L.append("    supervisors:")
        first, last, _ = random_name(rng)
        L.append("      - " + f"name: {s(first + ' ' + last)}")
        L += ["        role: praktikajuhendaja", f"        email: {ascii_slug(first)}.{ascii_slug(last)}@{cid}.ee"]
        L.append("    tasks:")
        for cur in curs:
            L.append(f"      - {tasks_by_cur[cur['code']][0]}")
    _put(out, "members.yaml", L)


def write_curricula(out: dict) -> None:
    L = []
    for cur in CURRICULA:
        L += [f"- code: {cur['code']}", f"  name: {s(cur['name'])}", f"  level: {cur['level']}",
              f"  kind: {cur['kind']}", f"  study_form: {cur['study_form']}", f"  ekap: {cur['ekap']}",
              f"  nominal_years: {cur['years']}", "  field: Info- ja kommunikatsioonitehnoloogiad",
              f"  state_funded_places: {cur['places']}", "  modules:"]
        for mid, name, mtype, ekap, practice, work, year in cur["modules"]:
            L += [f"    - id: {mid}", f"      name: {s(name)}", f"      type: {mtype}", f"      ekap: {ekap}"]
            if practice:
                L.append(f"      practice_ekap: {practice}")
            if work:
                L.append(f"      practical_work_ekap: {work}")
            if not distinctive(mid):
                L.append("      distinctive: false")
            L.append(f"      year: {year}")
            if mid == SAFETY_MODULE:
                L.append("      safety: true")
        assert sum(m[3] for m in cur["modules"]) == cur["ekap"], cur["code"]
    _put(out, "curricula.yaml", L)


def write_tasks(out: dict) -> dict[str, list[str]]:
    L, by_cur = [], {}
    for cur in CURRICULA:
        practice = [m[0] for m in cur["modules"] if m[4]]
        by_cur[cur["code"]] = ids = []
        for n, (title, result) in enumerate(TASK_TITLES, 1):
            tid = f"T-{cur['abbr']}-{n:02d}"
            ids.append(tid)
            L += [f"- id: {tid}", f"  title: {s(title)}", f"  curriculum: {cur['code']}", "  modules:"]
            L += [f"    - {m}" for m in practice]
            L += ["  expected_results:", f"    - {s(result)}", f"    - {s('Dokumenteerib tehtud töö')}"]
    _put(out, "tasks.yaml", L)
    return by_cur


def _put(out: dict, name: str, lines: list[str]) -> int:
    """The file `name` (relative, `/`-separated) of the folder, in memory; its size in bytes."""
    text = "\n".join(lines) + "\n"
    out[name] = text
    return len(text.encode("utf-8"))


def distinctive(module: str) -> bool:
    """Practice modules (`P…`) are assessed non-distinctively (A/MA), the others 5–2 (4.6.4.3)."""
    return not module.startswith("P")


_TO_NUMERIC = {"A": "4", "MA": "2"}
_TO_PASS_FAIL = {"5": "A", "4": "A", "3": "A", "2": "MA"}


def fit(value: str, module: str) -> str:
    """A drawn grade on the module's scale (grade-scale, 4.6.4.4–4.6.4.5); X fits both."""
    return (_TO_NUMERIC if distinctive(module) else _TO_PASS_FAIL).get(value, value)


# --- students ----------------------------------------------------------------------------------

# The first day of a placement (placement_lines): a finished one, of a student who had started
# by then, or the earliest of the pending ones.
FINISHED_START, PENDING_START = date(2026, 3, 2), date(2026, 11, 2)


def earliest_placement(student_start: date) -> date:
    """The earliest day a placement of a student who started studying on `student_start` may start."""
    return FINISHED_START if student_start <= FINISHED_START else PENDING_START


def minor_on(born: date, day: date) -> bool:
    """Under 18 on `day` (regulation/facts.py `age_on`; the profile's adult age is 18)."""
    return day.year - born.year - ((day.month, day.day) < (born.month, born.day)) < 18


def student_lines(L: list[str], rng: random.Random, n: int, school: tuple, cur: dict, group: str,
                  course: int, has_placement: bool, stats: dict) -> dict:
    """Append one student; return the facts placements need."""
    sid, _, domain, _ = school
    first, last, female = random_name(rng)
    start = date(2026 - (course - 1), 9, 1)
    nominal_end = date(start.year + cur["years"], 6, 30)
    age_at_start = cur["age"] + (rng.randrange(3) if cur["age"] < 20 else rng.randrange(-3, 20))
    born = date(start.year - age_at_start, 1 + rng.randrange(12), 1 + rng.randrange(28))
    ident = f"S{n:06d}"
    L += [f"- id: {ident}", f"  first_name: {s(first)}", f"  last_name: {s(last)}",
          f"  personal_code: {q(personal_code(rng, born, female))}", f"  school: {sid}",
          f"  curriculum: {cur['code']}", f"  group: {group}", f"  course: {course}",
          f"  start: {start.isoformat()}", f"  nominal_end: {nominal_end.isoformat()}",
          f"  iban: {q(estonian_iban(rng))}",
          f"  email: {ascii_slug(first)}.{ascii_slug(last)}.{n}@opilane.{domain}", "  harid: true"]
    if rng.random() < 0.5:
        L.append(f"  phone: {q(phone(rng))}")
    minor = minor_on(born, AS_OF)
    if minor:
        stats["minors"] += 1
    if minor or (has_placement and minor_on(born, earliest_placement(start))):
        # 4.11.5: the guardian signs the contract of a student who is a minor when the placement
        # starts — which may be before AS_OF. Such a guardian of a student now of age is drawn
        # from a stream of its own, so that every other student stays as drawn before.
        grng = rng if minor else random.Random(f"guardian-{ident}")
        gfirst, _, gfemale = random_name(grng)
        gborn = date(born.year - 25 - grng.randrange(15), 1 + grng.randrange(12), 1 + grng.randrange(28))
        L += ["  guardian:", f"    name: {s(gfirst + ' ' + last)}", f"    relation: {grng.choice(RELATIONS)}",
              f"    personal_code: {q(personal_code(grng, gborn, gfemale))}", f"    phone: {q(phone(grng))}"]
    # Status: active; about 1 in 100 students of a later course had a (finished) health leave.
    L.append("  status:")
    if course >= 2 and rng.random() < 0.01:
        stats["academic_leave"] += 1
        leave_start = start + timedelta(days=120 + rng.randrange(60))
        leave_end = leave_start + timedelta(days=90 + rng.randrange(90))
        L += ["    - status: active", f"      start: {start.isoformat()}",
              f"      end: {(leave_start - timedelta(days=1)).isoformat()}",
              "    - status: academic_leave", f"      start: {leave_start.isoformat()}",
              f"      end: {leave_end.isoformat()}", "      reason: health", "      evidence: Perearsti tõend"]
        L += [f"      supervisor_agreed: {(leave_start - timedelta(days=5)).isoformat()}",
              f"      directive: {q(f'1-4/{leave_start.year}-{n % 997 + 1}')}"]  # 6.7.3
        if minor_on(born, leave_start):  # 6.7.3: a minor's leave with the legal representative's consent
            L.append(f"      guardian_consent: {(leave_start - timedelta(days=3)).isoformat()}")
        L += [
              "    - status: active", f"      start: {(leave_end + timedelta(days=1)).isoformat()}"]
    else:
        L += ["    - status: active", f"      start: {start.isoformat()}"]
    # Grades: 35 drawn (≈ 41 with re-sits and interim grades), in date order, on modules of the
    # years studied so far. A negative result (2/MA/X, ~3 %) is a study debt (6.2): it gets a
    # re-sit agreed within days and a positive re-sit of the same module 1–3 weeks later, so that
    # no debt blocks a placement — except that about 1 in 5 debts of a student without a
    # placement is left open, for debt reports. Then the interim grades of continuing modules.
    modules = [m[0] for m in cur["modules"] if m[6] <= course]
    last_day = AS_OF - timedelta(days=1)
    window = (last_day - start).days
    # Pending placements start on 2026-11-02 at the earliest: debts must be cleared before that.
    resit_by = date(2026, 10, 30) if has_placement else last_day
    entries = []  # (date, order, module, kind, value, resit_agreed, topic)
    for d in sorted(rng.randrange(window) for _ in range(GRADES_PER_STUDENT)):
        day = weekday_on_or_before(start + timedelta(days=d))
        if day < start:  # a start on a weekend: the first grade falls on the Monday after
            day = start + timedelta(days=7 - start.weekday())
        module = rng.choice(modules)
        kind = "module" if rng.random() < 0.1 else "assessment"
        if rng.random() < NEGATIVE_SHARE and day + timedelta(days=24) <= resit_by:
            stats["negative_grades"] += 1
            if not has_placement and rng.random() < 0.2:
                # an open debt: a test of its own topic, so that the module's later results do
                # not clear it (the debt engine pairs a debt with a result of the same topic)
                stats["open_debts"] += 1
                entries.append((day, len(entries), module, "assessment", fit(rng.choice(("2", "MA", "X")), module),
                                None, OPEN_DEBT_TOPIC))
                continue
            agreed = day + timedelta(days=1 + rng.randrange(5))
            resit = weekday_on_or_before(day + timedelta(days=8 + rng.randrange(14)))
            entries.append((day, len(entries), module, kind, fit(rng.choice(("2", "MA", "X")), module), agreed, None))
            entries.append((resit, len(entries), module, kind, fit(rng.choice(("4", "3", "3", "A")), module), None,
                            None))
        else:
            entries.append((day, len(entries), module, kind, fit(rng.choice(("5", "4", "4", "3", "A")), module), None,
                            None))
    entries.sort()
    entries = with_interim_grades(entries, rng, fit, stats)
    L.append("  grades:")
    first_graded: dict[str, date] = {}
    for day, _, module, kind, value, agreed, topic, signed in entries:
        first_graded.setdefault(module, day)
        L += [f"    - module: {module}", f"      kind: {kind}", f"      value: {q(value)}",
              f"      date: {day.isoformat()}"]
        if topic is not None:
            L.append(f"      topic: {topic}")
        if agreed is not None:
            L.append(f"      resit_agreed: {agreed.isoformat()}")
        if signed is not None:
            L.append(f"      sheet_signed: {signed.isoformat()}")
    L.append("  attendance:")
    for pid in ATT_PERIODS:
        unexcused = rng.randrange(12) if rng.random() < 0.9 else rng.randrange(12, 40)
        L += [f"    - period: {pid}", f"      lessons: {300 + rng.randrange(120)}",
              f"      unexcused: {unexcused}", f"      late: {rng.randrange(8)}",
              f"      excused: {rng.randrange(25)}"]
        if unexcused and rng.random() < 0.3:
            L.append("      reasons_notified: true")
    if rng.random() < 0.35:
        stats["applications"] += 1
        L += ["  applications:", "    - kind: basic", "      round: 2026-autumn",
              f"      submitted: {date(2026, 9, 1 + rng.randrange(9)).isoformat()}"]
        if course >= 2 and rng.random() < 0.5:
            L += ["    - kind: basic", "      round: 2026-spring",
                  f"      submitted: {date(2026, 2, 1 + rng.randrange(9)).isoformat()}"]
    return {"id": ident, "school": sid, "cur": cur, "course": course, "start": start, "born": born,
            "first_graded": first_graded}


# --- placements --------------------------------------------------------------------------------

_JOINT_HOSTS = [c[0] for c in COMPANIES if c[2]]
_ALL_HOSTS = [c[0] for c in COMPANIES]


def placement_lines(L: list[str], rng: random.Random, n: int, st: dict, tasks_by_cur: dict, stats: dict) -> None:
    cur = st["cur"]
    roll = rng.random()
    if st["start"] <= FINISHED_START and roll < 0.4:
        status, start, received = "finished", FINISHED_START, date(2026, 2, 16)
    elif roll < 0.7:
        status, start, received = "valid", PENDING_START, date(2026, 10, 19)
    elif roll < 0.9:
        status, start, received = "review", date(2027, 2, 1), date(2026, 11, 16)
    else:
        status, start, received = "draft", date(2027, 3, 1), None
    # The module of the group's practice period the placement lies in (4.11.3, Lisa 7 2.5):
    # last study year's for a finished placement, this year's for the others.
    module = st["last_year"] if status == "finished" else st["this_year"]
    ekap = 15 if module[4] >= 15 and rng.random() < 0.5 else 10
    hours = ekap * 26
    weeks = math.ceil(hours / 40)
    end = start + timedelta(days=weeks * 7 - 3)
    assert status == "finished" or end <= THIS_YEAR_PERIOD[1]
    stats["placements_" + status] += 1
    tasks = tasks_by_cur[cur["code"]]
    L += [f"- id: PL-{n:05d}", f"  student: {st['id']}", "  modules:", f"    - {module[0]}",
          "  kind: workplace_based", f"  status: {status}", f"  start: {start.isoformat()}",
          f"  end: {end.isoformat()}", f"  hours: {hours}", f"  ekap: {ekap}"]
    first, last, _ = random_name(rng)
    domain = next(sc[2] for sc in SCHOOLS if sc[0] == st["school"])
    visitor = f"{first} {last}"
    L.append("  school_supervisor:")
    L.append("    " + f"name: {s(first + ' ' + last)}")
    L.append(f"    email: {ascii_slug(first)}.{ascii_slug(last)}@{domain}")
    if rng.random() < 0.15:
        stats["joint_placements"] += 1
        a, b = rng.sample(_JOINT_HOSTS, 2)
        split = max(1, weeks // 2)
        first_end = start + timedelta(days=split * 7 - 3)
        first_hours = min(hours - 8, split * 40)
        hosts = [(a, start, first_end, first_hours), (b, first_end + timedelta(days=3), end, hours - first_hours)]
    else:
        hosts = [(rng.choice(_ALL_HOSTS), start, end, None)]
    L.append("  hosts:")
    for member, hstart, hend, hhours in hosts:
        L += [f"    - member: {member}", f"      start: {hstart.isoformat()}", f"      end: {hend.isoformat()}"]
        if hhours is not None:
            L.append(f"      hours: {hhours}")
        first, last, _ = random_name(rng)
        L.append("      supervisor:")
        L.append("        " + f"name: {s(first + ' ' + last)}")
        L.append(f"        email: {ascii_slug(first)}.{ascii_slug(last)}@{member}.ee")
        L.append(f"        phone: {q(phone(rng))}")
        L += ["      tasks:", f"        - catalogue: {rng.choice(tasks)}"]
    L += ["  plan:", f"    goal: {s('Rakendada mooduli ' + module[1] + ' õpitut töökeskkonnas')}",
          "    tasks:", f"      - {s(TASK_TITLES[0][0])}", f"      - {s(TASK_TITLES[1][0])}",
          "    studies_completed:"]
    L += [f"      - {s(m[1])}" for m in cur["modules"] if m[6] < st["course"] or m[0] == "M01"][:4]
    L += ["    expected_outcomes:", f"      - {s(TASK_TITLES[0][1])}"]
    if received is not None:
        L.append(f"  data_received: {received.isoformat()}")
    if status in ("valid", "finished"):  # Lisa 7 8.3: the student contacts the host ≥ 2 weeks before
        L.append(f"  host_contacted: {weekday_on_or_before(start - timedelta(days=15 + rng.randrange(5))).isoformat()}")
    if status == "finished":
        c1, c2 = random_name(rng), random_name(rng)
        L += ["  grade:", "    diary: true", f"    host_grade: {q(rng.choice(('5', '4', '3')))}", "    report: true",
              f"    defense_date: {(end + timedelta(days=7)).isoformat()}", "    committee:",
              f"      - {s(c1[0] + ' ' + c1[1])}", f"      - {s(c2[0] + ' ' + c2[1])}",
              f"    final: {quoted_grade(rng)}", f"    entered: {(end + timedelta(days=8)).isoformat()}"]
    if status in ("valid", "finished"):
        parties = [("school", None), ("student", None)]
        if minor_on(st["born"], start):
            parties.append(("guardian", None))
        parties += [("host", m) for m in dict.fromkeys(h[0] for h in hosts)]
        placement_record_lines(L, rng, {
            "status": status, "start": start, "end": end, "received": received, "parties": parties,
            "hosts": [h[:3] for h in hosts], "visitor": visitor, "defense": end + timedelta(days=7)})


# --- the folder --------------------------------------------------------------------------------


def synthetic_files(students: int, seed: int = 1, placements_per_100: float = 20) -> tuple[dict[str, str], dict]:
    """A complete synthetic data folder in memory — {relative path: text} — and counts of what
    is in it. The same arguments give the same texts."""
    out: dict[str, str] = {}
    rng = random.Random(seed)
    stats = dict.fromkeys(("minors", "academic_leave", "negative_grades", "open_debts", "applications",
                           "joint_placements", "placements_finished", "placements_valid", "placements_review",
                           "placements_draft", "interim_grades"), 0)
    write_cluster(out, rng)
    write_curricula(out)
    tasks_by_cur = write_tasks(out)
    write_members(out, rng, tasks_by_cur)

    # Who gets a placement is drawn first, from its own stream, so that students with a
    # placement can be kept free of open debts.
    n_placements = min(students, round(students * placements_per_100 / 100))
    chosen = sorted(random.Random(f"placements-{seed}").sample(range(students), n_placements))
    with_placement = set(chosen)
    n_groups = max(1, math.ceil(students / GROUP_SIZE))
    group_lines: list[str] = []
    facts: list[dict] = []
    nbytes = 0
    files = 5
    n = 0
    for g in range(n_groups):
        school, cur = SCHOOLS[g % 3], CURRICULA[g % 4]
        course = 1 + (g // 4) % cur["years"]
        gid = f"{school[0]}-{cur['abbr']}{(2026 - course + 1) % 100:02d}-{g + 1:03d}"
        first, last, _ = random_name(rng)
        this_year, last_year = practice_modules(cur, course)
        group_lines += [f"- id: {gid}", f"  school: {school[0]}", f"  curriculum: {cur['code']}", "  supervisor:",
                        "    " + f"name: {s(first + ' ' + last)}",
                        f"    email: {ascii_slug(first)}.{ascii_slug(last)}@{school[2]}",
                        f"    phone: {q(phone(rng))}", "  practice_subgroup_size: 15"]
        L: list[str] = []
        first_graded: dict[str, date] = {}
        for _ in range(min(GROUP_SIZE, students - n)):
            n += 1
            st = student_lines(L, rng, n, school, cur, gid, course, n - 1 in with_placement, stats)
            st["this_year"], st["last_year"] = this_year, last_year
            facts.append(st)
            for module, day in st.pop("first_graded").items():
                first_graded[module] = min(first_graded.get(module, day), day)
        practical = {m[0] for m in cur["modules"] if m[5] and m[0] != SAFETY_MODULE}
        group_schedule_lines(group_lines, this_year, last_year, date(2026 - (course - 1), 9, 1), f"{first} {last}",
                             sorted((day, m) for m, day in first_graded.items() if m in practical))
        nbytes += _put(out, f"students/{school[0]}/{gid}.yaml", L)
        files += 1
    _put(out, "groups.yaml", group_lines)

    by_school: dict[str, list[str]] = {sc[0]: [] for sc in SCHOOLS}
    for i, idx in enumerate(chosen, 1):
        st = facts[idx]
        placement_lines(by_school[st["school"]], rng, i, st, tasks_by_cur, stats)
    for sid, L in by_school.items():
        if L:
            nbytes += _put(out, f"placements/{sid}.yaml", L)
            files += 1
    nbytes += sum(len(out[name].encode("utf-8")) for name in OWN_FILES)
    counts = {"students": students, "groups": n_groups, "members": len(SCHOOLS) + len(COMPANIES),
              "curricula": len(CURRICULA), "tasks": sum(len(v) for v in tasks_by_cur.values()),
              "placements": n_placements, **stats, "files": files, "bytes": nbytes}
    return out, counts
