"""The fixed catalogue of the synthetic cluster (`cluster init DIR --synthetic N`, edit/synthetic.py):
schools, companies, curricula, names, holidays, and the codes with correct check digits
(python-stdnum). Every person and company is fictitious."""

from __future__ import annotations

import random
import re
from datetime import date, timedelta

from stdnum import iban as iban_mod
from stdnum.ee import ik, registrikood

AS_OF = date(2026, 11, 23)
"""The date the data is meant to be judged at (`--as-of`)."""

GROUP_SIZE = 25
GRADES_PER_STUDENT = 35  # drawn; with re-sits and the interim grades of continuing modules ≈ 41 a student
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


def random_name(rng: random.Random) -> tuple[str, str, bool]:
    female = rng.random() < 0.45
    return (rng.choice(FIRST_F if female else FIRST_M), rng.choice(LAST), female)
