"""The one commented example record of each file a new data folder gets (`cluster init DIR`).

The examples fit together — a level-3 curriculum, a host company, a practical task, a group of
the first school, a student in it and a draft placement — so that uncommenting them (all, or in
this order) still gives a folder with no errors. Their dates follow the study year being set up.
Every name, code and address is made up; the codes carry valid check digits.
"""

from __future__ import annotations

from datetime import date, timedelta

EXAMPLE_NOTE = "Näide — kasutamiseks eemaldage selle ridade eest \"# \"."

CURRICULUM = "NAIDIS-3"
HOST = "naidis-ettevote"
HOST_REGISTRY_CODE = "10000356"
TASK = "T-NAIDIS-01"


def commented(lines: list[str]) -> list[str]:
    return [f"# {line}" if line else "#" for line in lines]


def curriculum_example() -> list[str]:
    return [
        f"- code: {CURRICULUM}",
        "  name: Arvutikasutaja",
        "  level: 3",
        "  kind: initial",
        "  study_form: school_based",
        "  ekap: 60",
        "  nominal_years: 1",
        "  field: Info- ja kommunikatsioonitehnoloogiad",
        "  state_funded_places: 24",
        "  modules:",
        "    - id: M01",
        "      name: Arvuti ja kontoritarkvara",
        "      type: core",
        "      ekap: 20",
        "      practical_work_ekap: 12",
        "    - id: M02",
        "      name: Digiturvalisus igapäevatöös",
        "      type: core",
        "      ekap: 10",
        "      practical_work_ekap: 6",
        "    - id: P01",
        "      name: Praktika",
        "      type: core",
        "      ekap: 15",
        "      practice_ekap: 15",
        "      distinctive: false",
        "    - id: V01",
        "      name: Veebilehe loomine",
        "      type: elective",
        "      ekap: 15",
        "      practical_work_ekap: 9",
    ]


def host_example() -> list[str]:
    return [
        f"- id: {HOST}",
        "  kind: company",
        "  name: Näidis OÜ",
        f"  registry_code: \"{HOST_REGISTRY_CODE}\"",
        "  address: Tehnika tn 1, 10111 Tallinn",
        "  partnership: everyday",
        "  contacts:",
        "    - name: Mari Maasikas",
        "      role: juhataja",
        "      email: mari.maasikas@naidis.ee",
    ]


def task_example() -> list[str]:
    return [
        f"- id: {TASK}",
        "  title: Tööjaama paigaldus ja seadistamine",
        f"  curriculum: {CURRICULUM}",
        "  modules:",
        "    - P01",
        "  expected_results:",
        "    - paigaldab ja seadistab tööjaama juhendi järgi",
        "    - dokumenteerib tehtud töö",
    ]


def group_id(first_year: int) -> str:
    return f"NAIDIS-{first_year % 100:02d}"


def _practice(year) -> tuple[date, date]:
    """Ten weeks of practice from the first Monday of March of the spring period."""
    march = date(year.first_year + 1, 3, 1)
    start = march + timedelta(days=(7 - march.weekday()) % 7)
    return start, start + timedelta(days=10 * 7 - 3)


def group_example(school: str, year) -> list[str]:
    start, end = _practice(year)
    return [
        f"- id: {group_id(year.first_year)}",
        f"  school: {school}",
        f"  curriculum: {CURRICULUM}",
        "  supervisor:",
        "    name: Jaan Tamm",
        "    role: rühmajuhendaja (praktika koordinaator)",
        "    email: jaan.tamm@kool.ee",
        "  practice_periods:",
        "    - module: P01",
        f"      start: {start.isoformat()}",
        f"      end: {end.isoformat()}",
    ]


def _personal_code(born: date) -> str:
    from stdnum.ee import ik

    body = f"{5 if born.year >= 2000 else 3}{born:%y%m%d}001"
    return body + ik.calc_check_digit(body + "0")


def student_example(school: str, year) -> list[str]:
    return [
        "- id: NAIDIS-001",
        "  first_name: Kalle",
        "  last_name: Kask",
        f"  personal_code: \"{_personal_code(date(year.first_year - 20, 5, 17))}\"",
        f"  school: {school}",
        f"  curriculum: {CURRICULUM}",
        f"  group: {group_id(year.first_year)}",
        "  course: 1",
        f"  start: {year.start.isoformat()}",
        f"  nominal_end: {year.periods[1].end.isoformat()}",
        "  email: kalle.kask@kool.ee",
        "  status:",
        "    - status: active",
        f"      start: {year.start.isoformat()}",
    ]


def placement_example(school: str, year) -> list[str]:
    start, end = _practice(year)
    return [
        f"- id: NAIDIS-{year.first_year + 1}-01",
        "  student: NAIDIS-001",
        "  modules:",
        "    - P01",
        "  kind: workplace_based",
        "  status: draft",
        f"  start: {start.isoformat()}",
        f"  end: {end.isoformat()}",
        "  hours: 390",
        "  ekap: 15",
        "  hosts:",
        f"    - member: {HOST}",
        f"      start: {start.isoformat()}",
        f"      end: {end.isoformat()}",
        "      supervisor:",
        "        name: Mari Maasikas",
        "        role: praktikajuhendaja",
        "        email: mari.maasikas@naidis.ee",
        "      tasks:",
        f"        - catalogue: {TASK}",
        "  school_supervisor:",
        "    name: Jaan Tamm",
        "    email: jaan.tamm@kool.ee",
    ]


def course_example(school: str, year) -> list[str]:
    """An adult course (Lisa 15) of the first October of the study year: its curriculum (2.3),
    announcement (3.2) and a learner who has registered, been contacted, enrolled and paid."""
    october = date(year.first_year, 10, 1)
    start = october + timedelta(days=(7 - october.weekday()) % 7)
    return [
        "- id: K-NAIDIS",
        "  name: Arvuti kasutamise alused",
        f"  school: {school}",
        "  kind: paid            # paid | free | rkt (Lisa 15 1.2)",
        "  directive: 1-2/1",
        "  fee: \"100,00\"",
        "  places: 12",
        f"  start: {start.isoformat()}",
        f"  end: {(start + timedelta(days=4)).isoformat()}",
        "  curriculum:           # Lisa 15 2.3",
        "    name: Arvuti kasutamise alused",
        "    study_group: Arvutikasutus",
        "    basis: Arvutikasutaja oskuste standard",
        "    outcomes: [kasutab tekstitöötlust ja e-posti]",
        "    hours: {contact: 8, practical: 8}",
        "    content: Failid, tekstitöötlus, e-post.",
        "    methods: Praktiline töö.",
        "    environment: Arvutiklass.",
        "    assessment: Praktiline ülesanne.",
        "    completion: Tunnistus, kui õpiväljundid on saavutatud; muidu tõend.",
        "    trainer_qualification: Arvutiõpetaja.",
        "  announcement:         # Lisa 15 3.2",
        f"    published: {(start - timedelta(days=30)).isoformat()}",
        "    curriculum_url: https://kool.ee/kursused/naidis.pdf",
        "    quality: Täiendusõpe HTM määruse nr 33 alusel.",
        "    address: Kooli arvutiklass",
        "    target_group: Täiskasvanud",
        "    trainers: [{name: Õpetaja Nimi, qualification: Arvutiõpetaja}]",
        "    payment_method: arve alusel",
        f"    payment_deadline: {(start - timedelta(days=3)).isoformat()}",
        "    contact: kursused@kool.ee",
        "  participants:",
        "    - name: Osaleja Nimi",
        f"      registered: {(start - timedelta(days=20)).isoformat()}",
        f"      enrolled: {(start - timedelta(days=10)).isoformat()}",
        f"      contacted: {(start - timedelta(days=7)).isoformat()}",
        f"      paid: {(start - timedelta(days=5)).isoformat()}",
        "      paid_amount: \"100,00\"",
    ]
