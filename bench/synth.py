#!/usr/bin/env python
"""A deterministic synthetic cluster data folder, for benchmarks.

    python bench/synth.py OUT_DIR --students N [--seed S] [--placements-per-100 K]

or, from Python, ``generate(out_dir, students, seed=1) -> dict`` (counts of what was written).

The folder is complete and valid: ``cluster validate --data OUT_DIR --as-of 2026-11-23``
reports no errors. Layout::

    cluster.yaml  members.yaml  curricula.yaml  tasks.yaml  groups.yaml
    students/<school>/<group>.yaml      one file per group, ≈ 25 students each
    placements/<school>.yaml            ≈ 20 placements per 100 students

Every student has 13 core fields plus contact data, about 40 grades and 10 attendance
records (periods 2022-spring … 2026-autumn), block style, unquoted dates, quoted codes — the
shape of the files measured in /work/shared/PERFORMANCE.md (1,000 students ≈ 4.4 MB).
Personal codes, registry codes and IBANs carry correct check digits (python-stdnum).

YAML is written with string formatting, not ``yaml.dump``: 10,000 students take seconds. The
output depends only on the arguments (one seeded ``random.Random``, no clock, sorted
iteration), so the same arguments give byte-identical files.
"""

from __future__ import annotations

import argparse
import math
import random
import re
import shutil
import sys
import time
from datetime import date, timedelta
from pathlib import Path

from stdnum import iban as iban_mod
from stdnum.ee import ik, registrikood

AS_OF = date(2026, 11, 23)
"""The date the data is meant to be judged at (`--as-of`)."""

GROUP_SIZE = 25
GRADES_PER_STUDENT = 40
NEGATIVE_SHARE = 0.04  # drawn share; ≈ 3 % of all grades end up negative (recent dates are skipped)

# --- YAML scalars ------------------------------------------------------------------------------

_PLAIN = re.compile(r"[A-Za-zÀ-ž][A-Za-zÀ-ž0-9 .,()/&-]*")
_RESERVED = {"true", "false", "null", "yes", "no", "on", "off", "y", "n"}


def s(text: str) -> str:
    """Free text: plain when that is safe, else single-quoted."""
    if _PLAIN.fullmatch(text) and not text.endswith(" ") and text.lower() not in _RESERVED:
        return text
    return q(text)


def q(text: str) -> str:
    """Always quoted: codes, phone numbers, grade values."""
    return "'" + text.replace("'", "''") + "'"


_FOLD = str.maketrans("õäöüšžÕÄÖÜŠŽ", "oaouszOAOUSZ")


def ascii_slug(text: str) -> str:
    return text.translate(_FOLD).lower().replace(" ", "").replace("-", "")


# --- fixed catalogue: schools, companies, curricula ------------------------------------------

SCHOOLS = [
    # id, name, domain, address
    ("ptk", "Põhjaranniku Tehnikakool", "ptk.edu.ee", "Sadama 12, Tallinn"),
    ("lkk", "Lõunamaa Kutsehariduskeskus", "lkk.edu.ee", "Kaunase pst 59, Tartu"),
    ("lak", "Läänesaarte Ametikool", "lak.edu.ee", "Tallinna mnt 3, Kuressaare"),
]

COMPANIES = [
    # id, name, joint placements offered
    ("koodikoda", "Koodikoda OÜ", True),
    ("pilvepold", "Pilvepõld AS", True),
    ("vorgumeister", "Võrgumeister OÜ", False),
    ("andmeait", "Andmeait OÜ", True),
    ("turvatorn", "Turvatorn AS", False),
    ("kiirtugi", "Kiirtugi OÜ", True),
    ("saarevork", "Saarevõrk OÜ", False),
    ("tarkvaratehas", "Tarkvaratehas AS", True),
    ("serverisaal", "Serverisaal OÜ", False),
    ("digiabi", "Digiabi MTÜ", True),
]

# Module: (id, name, type, ekap, practice_ekap, practical_work_ekap, year)
CURRICULA = [
    {
        "code": "ITS-KKH", "abbr": "ITS", "name": "IT-süsteemide nooremspetsialist (kutsekeskharidus)",
        "level": 4, "kind": "vocational_secondary", "study_form": "school_based", "ekap": 180,
        "years": 3, "places": 60, "age": 16,
        "modules": [
            ("G01", "Keel ja kirjandus", "general", 12, 0, 0, 1),
            ("G02", "Võõrkeel", "general", 12, 0, 0, 1),
            ("G03", "Matemaatika", "general", 12, 0, 0, 2),
            ("G04", "Loodus- ja sotsiaalained", "general", 12, 0, 0, 2),
            ("G05", "Kunst, kehaline kasvatus ja karjäär", "general", 12, 0, 0, 3),
            ("M01", "Sissejuhatus IT-valdkonda", "core", 5, 0, 3, 1),
            ("M02", "Arvuti riistvara", "core", 15, 0, 12, 1),
            ("P01", "Praktika I", "core", 15, 15, 0, 1),
            ("M03", "Operatsioonisüsteemid", "core", 15, 0, 10, 2),
            ("M04", "Arvutivõrgud", "core", 15, 0, 10, 2),
            ("P02", "Praktika II", "core", 15, 15, 0, 2),
            ("M05", "Programmeerimise alused", "core", 15, 0, 10, 3),
            ("M06", "Andmebaasid", "core", 10, 0, 7, 3),
            ("V01", "Veebiarendus", "elective", 10, 0, 7, 3),
            ("V02", "Pilveteenused", "elective", 5, 0, 3, 3),
        ],
    },
    {
        "code": "ITT-4", "abbr": "ITT", "name": "IT-tugiisik",
        "level": 4, "kind": "initial", "study_form": "school_based", "ekap": 120,
        "years": 2, "places": 40, "age": 19,
        "modules": [
            ("M01", "Õpingute alused ja karjäär", "core", 5, 0, 2, 1),
            ("M02", "Kasutajatugi", "core", 20, 0, 14, 1),
            ("P01", "Praktika I", "core", 20, 20, 0, 1),
            ("M03", "Võrgud ja serverid", "core", 20, 0, 14, 2),
            ("M04", "Infoturve", "core", 15, 0, 10, 2),
            ("P02", "Praktika II", "core", 20, 20, 0, 2),
            ("V01", "Skriptimine", "elective", 10, 0, 7, 2),
            ("V02", "Projektijuhtimise alused", "elective", 10, 0, 6, 2),
        ],
    },
    {
        "code": "TARK-5", "abbr": "TAR", "name": "Tarkvaraarendaja (töökohapõhine)",
        "level": 5, "kind": "initial", "study_form": "workplace_based", "ekap": 120,
        "years": 2, "places": 20, "age": 24,
        "modules": [
            ("M01", "Tarkvaraarenduse alused", "core", 10, 0, 6, 1),
            ("P01", "Praktika ettevõttes I", "core", 30, 30, 0, 1),
            ("M02", "Andmebaasid ja andmemudelid", "core", 10, 0, 6, 1),
            ("P02", "Praktika ettevõttes II", "core", 30, 30, 0, 2),
            ("P03", "Lõputöö projekt ettevõttes", "core", 25, 25, 0, 2),
            ("V01", "Testimine ja kvaliteet", "elective", 15, 0, 9, 2),
        ],
    },
    {
        "code": "ARV-3", "abbr": "ARV", "name": "Arvutikasutaja",
        "level": 3, "kind": "initial", "study_form": "school_based", "ekap": 60,
        "years": 1, "places": 30, "age": 30,
        "modules": [
            ("M01", "Arvuti ja kontoritarkvara", "core", 15, 0, 10, 1),
            ("M02", "Digiturvalisus igapäevatöös", "core", 10, 0, 6, 1),
            ("P01", "Praktika", "core", 15, 15, 0, 1),
            ("M03", "Andmetöötlus tabelarvutuses", "core", 10, 0, 7, 1),
            ("V01", "Veebilehe loomine", "elective", 10, 0, 6, 1),
        ],
    },
]

TASK_TITLES = [
    ("Tööjaama paigaldus ja seadistamine", "Paigaldab ja seadistab tööjaama juhendi järgi"),
    ("Kasutajatoe pöördumiste lahendamine", "Lahendab kasutajate pöördumisi ja dokumenteerib lahendused"),
    ("Võrguühenduse tõrkeotsing", "Leiab ja kõrvaldab lihtsamad võrgutõrked"),
]

ATT_PERIODS = [f"{y}-{h}" for y in range(2022, 2027) for h in ("spring", "autumn")]
"""Ten study periods, 2022-spring … 2026-autumn (one attendance record per student each)."""

FIRST_M = ["Mart", "Jaan", "Karl", "Rasmus", "Robin", "Sander", "Markus", "Oliver", "Kristjan", "Mihkel",
           "Joonas", "Siim", "Tõnis", "Ülo", "Andres", "Priit", "Kaspar", "Henri", "Georg", "Märt"]
FIRST_F = ["Mari", "Liis", "Kadri", "Anu", "Triin", "Kätlin", "Eliise", "Sofia", "Maria", "Laura",
           "Grete", "Helena", "Kristiina", "Pille", "Õie", "Siiri", "Marleen", "Annika", "Getter", "Mirjam"]
LAST = ["Tamm", "Saar", "Sepp", "Mägi", "Kask", "Kukk", "Rebane", "Ilves", "Pärn", "Koppel",
        "Lepik", "Kuusk", "Karu", "Põder", "Vaher", "Lill", "Raudsepp", "Org", "Luik", "Jõgi",
        "Mänd", "Kallas", "Aavik", "Rätsep", "Nõmm", "Ots", "Tõnisson", "Kivi", "Laur", "Sild"]
RELATIONS = ["ema", "isa", "vanaema", "eestkostja"]

SCHOOL_HOLIDAYS = [
    ("Sügisvaheaeg", date(2025, 10, 20), date(2025, 10, 26)),
    ("Jõuluvaheaeg", date(2025, 12, 22), date(2026, 1, 4)),
    ("Talvevaheaeg", date(2026, 2, 23), date(2026, 3, 1)),
    ("Kevadvaheaeg", date(2026, 4, 20), date(2026, 4, 26)),
    ("Suvevaheaeg", date(2026, 6, 12), date(2026, 8, 31)),
    ("Sügisvaheaeg", date(2026, 10, 19), date(2026, 10, 25)),
    ("Jõuluvaheaeg", date(2026, 12, 21), date(2027, 1, 3)),
    ("Talvevaheaeg", date(2027, 2, 22), date(2027, 2, 28)),
    ("Kevadvaheaeg", date(2027, 4, 19), date(2027, 4, 25)),
]


# --- codes -------------------------------------------------------------------------------------


def personal_code(rng: random.Random, born: date, female: bool) -> str:
    century = 3 if born.year < 2000 else 5
    first = century + (1 if female else 0)
    body = f"{first}{born:%y%m%d}{rng.randrange(1000):03d}"
    return body + ik.calc_check_digit(body + "0")


def registry_code(rng: random.Random, first: str) -> str:
    body = first + f"{rng.randrange(1_000_000):06d}"
    return body + registrikood.calc_check_digit(body + "0")


def estonian_iban(rng: random.Random) -> str:
    bank = rng.choice(("22", "10", "77", "17"))
    bban = bank + f"{rng.randrange(10**14):014d}"
    return "EE" + iban_mod.calc_check_digits("EE00" + bban) + bban


def phone(rng: random.Random) -> str:
    return f"+372 5{rng.randrange(1000):03d} {rng.randrange(10000):04d}"


def weekday_on_or_before(day: date) -> date:
    wd = day.weekday()
    return day - timedelta(days=wd - 4) if wd > 4 else day


# --- writers -----------------------------------------------------------------------------------


def random_name(rng: random.Random) -> tuple[str, str, bool]:
    female = rng.random() < 0.45
    return (rng.choice(FIRST_F if female else FIRST_M), rng.choice(LAST), female)


def write_cluster(out_dir: Path, rng: random.Random) -> None:
    L = ["# Synthetic cluster data folder (bench/synth.py). Every person and company is fictitious.",
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
    _write(out_dir / "cluster.yaml", L)


def write_members(out_dir: Path, rng: random.Random, tasks_by_cur: dict[str, list[str]]) -> None:
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
    _write(out_dir / "members.yaml", L)


def write_curricula(out_dir: Path) -> None:
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
            L.append(f"      year: {year}")
        assert sum(m[3] for m in cur["modules"]) == cur["ekap"], cur["code"]
    _write(out_dir / "curricula.yaml", L)


def write_tasks(out_dir: Path) -> dict[str, list[str]]:
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
    _write(out_dir / "tasks.yaml", L)
    return by_cur


def _write(path: Path, lines: list[str]) -> int:
    text = "\n".join(lines) + "\n"
    data = text.encode("utf-8")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return len(data)


# --- students ----------------------------------------------------------------------------------


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
          f"  email: {ascii_slug(first)}.{ascii_slug(last)}.{n}@opilane.{domain}"]
    if rng.random() < 0.5:
        L.append(f"  phone: {q(phone(rng))}")
    minor = (AS_OF.year - born.year - ((AS_OF.month, AS_OF.day) < (born.month, born.day))) < 18
    if minor:
        stats["minors"] += 1
        gfirst, _, gfemale = random_name(rng)
        gborn = date(born.year - 25 - rng.randrange(15), 1 + rng.randrange(12), 1 + rng.randrange(28))
        L += ["  guardian:", f"    name: {s(gfirst + ' ' + last)}", f"    relation: {rng.choice(RELATIONS)}",
              f"    personal_code: {q(personal_code(rng, gborn, gfemale))}", f"    phone: {q(phone(rng))}"]
    # Status: active; about 1 in 100 students of a later course had a (finished) health leave.
    L.append("  status:")
    if course >= 2 and rng.random() < 0.01:
        stats["academic_leave"] += 1
        leave_start = start + timedelta(days=120 + rng.randrange(60))
        leave_end = leave_start + timedelta(days=90 + rng.randrange(90))
        L += ["    - status: active", f"      start: {start.isoformat()}",
              f"      end: {(leave_start - timedelta(days=1)).isoformat()}",
              "    - status: academic_leave", f"      start: {leave_start.isoformat()}",
              f"      end: {leave_end.isoformat()}", "      reason: health", "      evidence: Perearsti tõend",
              "    - status: active", f"      start: {(leave_end + timedelta(days=1)).isoformat()}"]
    else:
        L += ["    - status: active", f"      start: {start.isoformat()}"]
    # Grades: ~40, in date order, on modules of the years studied so far. A negative result
    # (2/MA/X, ~3 %) is a study debt (6.2): it gets a re-sit agreed within days and a positive
    # re-sit of the same module 1–3 weeks later, so that no debt blocks a placement — except
    # that about 1 in 5 debts of a student without a placement is left open, for debt reports.
    modules = [m[0] for m in cur["modules"] if m[6] <= course]
    last_day = AS_OF - timedelta(days=1)
    window = (last_day - start).days
    # Pending placements start on 2026-11-02 at the earliest: debts must be cleared before that.
    resit_by = date(2026, 10, 30) if has_placement else last_day
    entries = []  # (date, order, module, kind, value, resit_agreed)
    for d in sorted(rng.randrange(window) for _ in range(GRADES_PER_STUDENT)):
        day = weekday_on_or_before(start + timedelta(days=d))
        module = rng.choice(modules)
        kind = "module" if rng.random() < 0.1 else "assessment"
        if rng.random() < NEGATIVE_SHARE and day + timedelta(days=24) <= resit_by:
            stats["negative_grades"] += 1
            if not has_placement and rng.random() < 0.2:
                stats["open_debts"] += 1
                entries.append((day, len(entries), module, kind, rng.choice(("2", "MA", "X")), None))
                continue
            agreed = day + timedelta(days=1 + rng.randrange(5))
            resit = weekday_on_or_before(day + timedelta(days=8 + rng.randrange(14)))
            entries.append((day, len(entries), module, kind, rng.choice(("2", "MA", "X")), agreed))
            entries.append((resit, len(entries), module, kind, rng.choice(("4", "3", "3", "A")), None))
        else:
            entries.append((day, len(entries), module, kind, rng.choice(("5", "4", "4", "3", "A")), None))
    entries.sort()
    L.append("  grades:")
    for day, _, module, kind, value, agreed in entries:
        L += [f"    - module: {module}", f"      kind: {kind}", f"      value: {q(value)}",
              f"      date: {day.isoformat()}"]
        if agreed is not None:
            L.append(f"      resit_agreed: {agreed.isoformat()}")
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
    return {"id": ident, "school": sid, "cur": cur, "course": course, "start": start}


# --- placements --------------------------------------------------------------------------------

_JOINT_HOSTS = [c[0] for c in COMPANIES if c[2]]
_ALL_HOSTS = [c[0] for c in COMPANIES]


def placement_lines(L: list[str], rng: random.Random, n: int, st: dict, tasks_by_cur: dict, stats: dict) -> None:
    cur = st["cur"]
    practice = [m for m in cur["modules"] if m[4] and m[6] <= st["course"]]
    module = rng.choice(practice)
    ekap = 15 if module[4] >= 15 and rng.random() < 0.5 else 10
    hours = ekap * 26
    weeks = math.ceil(hours / 40)
    roll = rng.random()
    if st["start"] <= date(2026, 3, 2) and roll < 0.4:
        status, start, received = "finished", date(2026, 3, 2), date(2026, 2, 16)
    elif roll < 0.7:
        status, start, received = "valid", date(2026, 11, 2), date(2026, 10, 19)
    elif roll < 0.9:
        status, start, received = "review", date(2027, 2, 1), date(2026, 11, 16)
    else:
        status, start, received = "draft", date(2027, 3, 1), None
    end = start + timedelta(days=weeks * 7 - 3)
    stats["placements_" + status] += 1
    tasks = tasks_by_cur[cur["code"]]
    L += [f"- id: PL-{n:05d}", f"  student: {st['id']}", "  modules:", f"    - {module[0]}",
          "  kind: workplace_based", f"  status: {status}", f"  start: {start.isoformat()}",
          f"  end: {end.isoformat()}", f"  hours: {hours}", f"  ekap: {ekap}"]
    first, last, _ = random_name(rng)
    domain = next(sc[2] for sc in SCHOOLS if sc[0] == st["school"])
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
    if status == "finished":
        c1, c2 = random_name(rng), random_name(rng)
        L += ["  grade:", "    diary: true", f"    host_grade: {q(rng.choice(('5', '4', '3')))}", "    report: true",
              f"    defense_date: {(end + timedelta(days=7)).isoformat()}", "    committee:",
              f"      - {s(c1[0] + ' ' + c1[1])}", f"      - {s(c2[0] + ' ' + c2[1])}", f"    final: {q('A')}"]


# --- the folder --------------------------------------------------------------------------------

_OURS = ("cluster.yaml", "members.yaml", "curricula.yaml", "tasks.yaml", "groups.yaml")


def _prepare(out_dir: Path) -> None:
    """Create `out_dir`, or clear a folder this script wrote before; refuse anything else."""
    if out_dir.exists():
        entries = [p.name for p in out_dir.iterdir()]
        if entries and "cluster.yaml" not in entries:
            raise SystemExit(f"{out_dir} is not empty and holds no cluster.yaml; refusing to overwrite it")
        for name in ("students", "placements"):
            if (out_dir / name).is_dir():
                shutil.rmtree(out_dir / name)
        for name in _OURS:
            (out_dir / name).unlink(missing_ok=True)
    out_dir.mkdir(parents=True, exist_ok=True)


def generate(out_dir: Path, students: int, seed: int = 1, placements_per_100: float = 20) -> dict:
    """Write a complete synthetic data folder to `out_dir`; return counts of what was written."""
    out_dir = Path(out_dir)
    _prepare(out_dir)
    rng = random.Random(seed)
    stats = dict.fromkeys(("minors", "academic_leave", "negative_grades", "open_debts", "applications",
                           "joint_placements", "placements_finished", "placements_valid", "placements_review",
                           "placements_draft"), 0)
    write_cluster(out_dir, rng)
    write_curricula(out_dir)
    tasks_by_cur = write_tasks(out_dir)
    write_members(out_dir, rng, tasks_by_cur)

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
        pmod = next(m for m in cur["modules"] if m[4] and m[6] == course) if any(
            m[4] and m[6] == course for m in cur["modules"]) else next(m for m in cur["modules"] if m[4])
        group_lines += [f"- id: {gid}", f"  school: {school[0]}", f"  curriculum: {cur['code']}", "  supervisor:",
                        "    " + f"name: {s(first + ' ' + last)}",
                        f"    email: {ascii_slug(first)}.{ascii_slug(last)}@{school[2]}",
                        f"    phone: {q(phone(rng))}", "  practice_subgroup_size: 15", "  practice_periods:",
                        f"    - module: {pmod[0]}", "      start: 2027-03-01", "      end: 2027-05-07"]
        L: list[str] = []
        for _ in range(min(GROUP_SIZE, students - n)):
            n += 1
            facts.append(student_lines(L, rng, n, school, cur, gid, course, n - 1 in with_placement, stats))
        nbytes += _write(out_dir / "students" / school[0] / f"{gid}.yaml", L)
        files += 1
    _write(out_dir / "groups.yaml", group_lines)

    by_school: dict[str, list[str]] = {sc[0]: [] for sc in SCHOOLS}
    for i, idx in enumerate(chosen, 1):
        st = facts[idx]
        placement_lines(by_school[st["school"]], rng, i, st, tasks_by_cur, stats)
    for sid, L in by_school.items():
        if L:
            nbytes += _write(out_dir / "placements" / f"{sid}.yaml", L)
            files += 1
    nbytes += sum((out_dir / name).stat().st_size for name in _OURS)
    return {"students": students, "groups": n_groups, "members": len(SCHOOLS) + len(COMPANIES),
            "curricula": len(CURRICULA), "tasks": sum(len(v) for v in tasks_by_cur.values()),
            "placements": n_placements, **stats, "files": files, "bytes": nbytes}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("out_dir", type=Path)
    ap.add_argument("--students", type=int, required=True)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--placements-per-100", type=float, default=20, dest="placements_per_100")
    args = ap.parse_args(argv)
    t0 = time.perf_counter()
    counts = generate(args.out_dir, args.students, args.seed, args.placements_per_100)
    took = time.perf_counter() - t0
    print(f"wrote {args.out_dir} in {took:.2f} s ({counts['bytes'] / 1e6:.1f} MB, {counts['files']} files)")
    print(", ".join(f"{k} {v}" for k, v in counts.items() if k not in ("bytes", "files")))
    return 0


if __name__ == "__main__":
    sys.exit(main())
