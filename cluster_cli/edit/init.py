"""`cluster init DIR`: a new data folder — made in memory first, then written all at once.

Three kinds of folder: a new cluster (`new_folder_files`: cluster.yaml with the study year's
periods computed from the profile, 4.3.1 and 2.43; members.yaml with the schools; every other
file with one commented example record; profile.yaml listing every parameter commented out),
the packaged sample cluster (`example_files`), or a synthetic one (`edit/synthetic.py`).

`create_folder` never overwrites: the target must be missing or an empty folder. The files are
written into a hidden temporary folder beside it and renamed into place in one step, so a
failure leaves nothing half-made (copier's way: render to memory, then write). The files'
comments are Estonian, the language of the data folder (`language: et`).
"""

from __future__ import annotations

import errno
import json
import os
import re
import shutil
import tempfile
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from cluster_cli.edit.init_examples import (
    EXAMPLE_NOTE, commented, course_example, curriculum_example, group_example, host_example, placement_example,
    student_example, task_example,
)
from cluster_cli.files import current_umask
from cluster_cli.i18n import N_

SAMPLE_FOLDER = "sample"
ID_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_-]*$")


@dataclass(frozen=True)
class School:
    """A school of the new cluster: `--school ID,REGISTRY_CODE,NAME`."""

    id: str
    registry_code: str
    name: str


class InitError(Exception):
    """Options that cannot make a folder: `key` is a catalogue key, `args` its arguments."""

    def __init__(self, key: str, **args):
        super().__init__(key)
        self.key = key
        self.args_ = args


class FolderNotEmpty(Exception):
    """The target exists and is not an empty folder: nothing was written. `existing` names what
    is in the way (the target itself when it is a file)."""

    def __init__(self, path: str, existing: list[str]):
        super().__init__(path)
        self.path = path
        self.existing = existing


def check_schools(schools: list[School]) -> None:
    """Raise InitError for the first school that cannot be a member: an id that cannot be a
    folder name, a repeated id, an empty name, or a registry code python-stdnum refuses (as
    the `registry-code` rule does)."""
    from cluster_cli.regulation.rules.codes import REGISTRY_CODE_KEYS, registry_code_problem

    seen: set[str] = set()
    for school in schools:
        if not ID_RE.match(school.id):
            raise InitError(N_("init.school-id"), value=school.id)
        if school.id in seen:
            raise InitError(N_("init.school-twice"), value=school.id)
        seen.add(school.id)
        if not school.name.strip():
            raise InitError(N_("init.school-name"), school=school.id)
        problem = registry_code_problem(school.registry_code)
        if problem is not None:
            from cluster_cli.i18n import Phrase

            raise InitError(N_("init.registry-code"), school=school.id,
                            reason=Phrase(REGISTRY_CODE_KEYS[problem], (("value", school.registry_code),)))


def y(text: str) -> str:
    """A YAML scalar that stays text: double-quoted (JSON's quoting is YAML's)."""
    return json.dumps(text, ensure_ascii=False)


# --- a new cluster ---------------------------------------------------------------------------------


def new_folder_files(name: str, schools: list[School], profile, first_year: int) -> dict[str, str]:
    """The files of a new cluster's data folder, {relative path: text}; validates clean."""
    from cluster_cli.regulation.study_year import study_year

    year = study_year(profile, first_year)
    first = schools[0].id
    files = {
        "cluster.yaml": _cluster(name, first, year, profile),
        "members.yaml": _members(schools),
        "curricula.yaml": _list_file("Õppekavad; moodulite EKAP-ide summa = õppekava maht (3.2–3.6).",
                                     curriculum_example()),
        "tasks.yaml": _list_file("Klastri praktiliste ülesannete loetelu (klastri tegevus 9).", task_example()),
        "groups.yaml": _list_file("Õppegrupid; rühmajuhendaja on ühtlasi praktika koordinaator (Lisa 7 2.2).",
                                  group_example(first, year)),
        f"students/{first}/NAIDIS-{first_year % 100:02d}.yaml": _list_file(
            "Õpilased: üks fail õppegrupi kohta, kaustas students/<kool>/.", student_example(first, year)),
        f"placements/{first}.yaml": _list_file(
            "Praktikad ja praktikalepingute andmed: üks fail kooli kohta, kaustas placements/.",
            placement_example(first, year)),
        "courses.yaml": _list_file("Täiskasvanute koolituskursused (Lisa 15): õppekava, tutvustus, osalejad.",
                                   course_example(first, year)),
        "profile.yaml": profile_file(profile),
    }
    return files


def _cluster(name: str, first: str, year, profile) -> str:
    from cluster_cli.i18n import date_text

    autumn, spring = year.periods
    days = profile.value("grant_results_fixed_days_before_holiday", year.start)
    holidays = _holiday_examples(year.first_year)
    lines = [
        f"# {name}: klastri üldandmed ja ühine õppekalender.",
        "",
        f"name: {y(name)}",
        "language: et",
        "profile: vvttk",
        "",
        "# Klastri liikmed on failis members.yaml. Koordinaatorid ja nende vastutusvaldkonnad (klastri tegevus 1).",
        f"# {EXAMPLE_NOTE}",
        "# coordinators:",
        "#   - name: Mari Maasikas",
        f"#     member: {first}",
        "#     areas:",
        "#       - praktikad",
        "#     email: mari.maasikas@kool.ee",
        "",
        f"# Õppeaasta {year.label}: {date_text(year.start, 'et')} – {date_text(year.end, 'et')} (4.3.1: "
        "1. september või sellele lähim",
        "# esmaspäev; 31. august või sellele eelnev tööpäev). Kaks õppeperioodi ehk poolaastat (2.43);",
        "# kooli õppetöögraafik (4.3.3) võib nende piire täpsustada.",
        "periods:",
    ]
    for period in (autumn, spring):
        lines += [f"  - id: {period.id}", f"    start: {period.start.isoformat()}",
                  f"    end: {period.end.isoformat()}"]
    lines += [
        "",
        f"# Koolivaheajad (4.3.3); toetuste tulemused fikseeritakse {days} päeva enne vaheaega (6.12.4).",
        "# Näited — kirjutage oma kooli kuupäevad ja eemaldage siis ridade eest \"# \".",
        "# school_holidays:",
    ]
    for label, start, end in holidays:
        lines += [f"#   - name: {label}", f"#     start: {start.isoformat()}", f"#     end: {end.isoformat()}"]
    return "\n".join(lines) + "\n"


def _monday_of(day: date) -> date:
    return day - timedelta(days=day.weekday())


def _holiday_examples(first_year: int) -> list[tuple[str, date, date]]:
    """Examples shaped like Estonian school holidays (a week in late October, Christmas to the
    first Sunday of January, a week in late February and in late April)."""
    autumn = _monday_of(date(first_year, 10, 21))
    christmas = _monday_of(date(first_year, 12, 22))
    winter = _monday_of(date(first_year + 1, 2, 24))
    spring = _monday_of(date(first_year + 1, 4, 22))
    new_year = date(first_year + 1, 1, 1)
    first_sunday = new_year + timedelta(days=(6 - new_year.weekday()) % 7 or 7)
    return [
        (f"Sügisvaheaeg {first_year}", autumn, autumn + timedelta(days=6)),
        (f"Jõuluvaheaeg {first_year}/{first_year + 1}", christmas, first_sunday),
        (f"Talvevaheaeg {first_year + 1}", winter, winter + timedelta(days=6)),
        (f"Kevadvaheaeg {first_year + 1}", spring, spring + timedelta(days=6)),
    ]


def _members(schools: list[School]) -> str:
    lines = ["# Klastri liikmed: kutseõppeasutused, ettevõtted, kõrgkoolid ja organisatsioonid.", ""]
    for school in schools:
        lines += [f"- id: {school.id}", "  kind: vocational_school", f"  name: {y(school.name)}",
                  f"  registry_code: {y(school.registry_code)}", ""]
    lines += [f"# {EXAMPLE_NOTE}"] + commented(host_example())
    return "\n".join(lines) + "\n"


def _list_file(title: str, example: list[str]) -> str:
    """A list file with no records yet (`[]`) and one commented example record."""
    lines = [f"# {title}", f"# {EXAMPLE_NOTE} Eemaldage siis ka rida \"[]\".", "[]"] + commented(example)
    return "\n".join(lines) + "\n"


def profile_file(profile) -> str:
    """Every parameter of the built-in profile, commented out with its current value, unit, clause
    and description: uncommenting a parameter (and removing `{}`) overrides it from the date
    given; a change of the regulation is a new dated value, the old one stays (OpenFisca)."""
    from cluster_cli.i18n.words import UNIT_WORD, word
    from cluster_cli.regulation.profile import builtin_raw

    raw = builtin_raw(profile.id)["parameters"]
    lines = [
        f"# Eeskirja profiili ({profile.id}) muudatused selle klastri jaoks. Iga parameeter on allpool",
        "# vaikeväärtusega välja kommenteeritud. Muutmiseks eemaldage \"{}\" rea \"parameters:\" lõpust",
        "# ja parameetri ridade eest \"# \", ning lisage uus väärtus koos kuupäevaga, millest see kehtib.",
        "parameters: {}",
    ]
    for name, spec in raw.items():
        day, value = sorted(spec["values"].items())[-1]
        description = (spec.get("description") or {}).get("et", "")
        unit = word(UNIT_WORD, spec["unit"], "et")
        lines += [
            "#",
            f"#   # {description} — {unit}; punkt {spec['clause']}",
            f"#   {name}:",
            "#     values:",
            f"#       {day.isoformat()}: {_flow(value)}",
        ]
    return "\n".join(lines) + "\n"


def _flow(value) -> str:
    """A raw profile value in YAML flow style (what the profile file itself writes)."""
    if isinstance(value, dict):
        return "{" + ", ".join(f"{_flow(k)}: {_flow(v)}" for k, v in value.items()) + "}"
    if isinstance(value, list):
        return "[" + ", ".join(_flow(v) for v in value) + "]"
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value)
    return y(str(value))


# --- the sample cluster --------------------------------------------------------------------------


def example_files() -> dict[str, bytes]:
    """The packaged sample cluster (`cluster_cli/sample/`, a copy of the checkout's `data/`)."""
    from importlib import resources

    root = resources.files("cluster_cli").joinpath(SAMPLE_FOLDER)
    found: dict[str, bytes] = {}

    def walk(node, prefix: str) -> None:
        for child in sorted(node.iterdir(), key=lambda c: c.name):
            if child.name.startswith((".", "__")):
                continue
            if child.is_dir():
                walk(child, f"{prefix}{child.name}/")
            elif child.name.endswith((".yaml", ".md", ".csv")):
                found[prefix + child.name] = child.read_bytes()

    walk(root, "")
    return found


# --- writing -------------------------------------------------------------------------------------


def in_the_way(target: Path) -> list[str] | None:
    """What stops a new folder at `target` — the target itself when it is no folder, else its
    entries — or None when it is missing or an empty folder."""
    if not os.path.lexists(target):
        return None
    if not target.is_dir() or target.is_symlink():
        return [str(target)]
    entries = sorted(str(target / entry) for entry in os.listdir(target))
    return entries or None


def create_folder(target: Path, files: dict[str, str | bytes]) -> None:
    """Write `files` as the new folder `target`, all at once. Raises FolderNotEmpty (nothing
    written) when something is in the way, OSError when the system refuses; either way no file
    and no folder of this run is left behind."""
    target = Path(target)
    existing = in_the_way(target)
    if existing is not None:
        raise FolderNotEmpty(str(target), existing)
    parent = target.absolute().parent
    made = _make_parents(parent)
    staging = None
    done = False
    try:
        staging = Path(tempfile.mkdtemp(prefix=f".{target.name}.", suffix=".init", dir=parent))
        for name, content in files.items():
            path = staging / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
        os.chmod(staging, 0o777 & ~current_umask())
        existing = in_the_way(target)  # the disk may have changed while the files were written
        if existing is not None:
            raise FolderNotEmpty(str(target), existing)
        os.rename(staging, target)  # over an empty folder too (POSIX)
        done = True
    except OSError as exc:
        if exc.errno in (errno.ENOTEMPTY, errno.EEXIST):  # filled between the check and the rename
            raise FolderNotEmpty(str(target), in_the_way(target) or [str(target)]) from None
        raise
    finally:
        if not done:
            if staging is not None:
                shutil.rmtree(staging, ignore_errors=True)
            for folder in reversed(made):
                try:
                    folder.rmdir()
                except OSError:
                    break


def _make_parents(parent: Path) -> list[Path]:
    """Create the missing folders above the target, outermost first; return those created."""
    missing = []
    node = parent
    while not node.exists():
        missing.append(node)
        node = node.parent
    made = []
    for folder in reversed(missing):
        folder.mkdir()
        made.append(folder)
    return made
