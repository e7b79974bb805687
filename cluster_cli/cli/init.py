"""`cluster init DIR`: a new data folder that validates clean — a new cluster from options (no
prompts), the sample cluster (`--example`) or a synthetic one (`--synthetic N`). Never
overwrites: a DIR that exists and is not empty is refused (exit 1) and nothing is written."""

from __future__ import annotations

import re
from pathlib import Path
from typing import NoReturn, Optional

import typer

from cluster_cli.cli.common import EXIT_FINDINGS, Lang, Quiet, fail, language, note

MAX_SYNTHETIC = 50_000
SHOWN_IN_THE_WAY = 5  # entries named when DIR is not empty


def init(
    folder: Path = typer.Argument(..., metavar="DIR", help="help.init.dir", show_default=False),
    name: Optional[str] = typer.Option(None, "--name", help="help.init.name"),
    school: Optional[list[str]] = typer.Option(None, "--school", metavar="ID,REGISTRY_CODE,NAME",
                                               help="help.init.school"),
    school_id: Optional[str] = typer.Option(None, "--school-id", metavar="ID", help="help.init.school-id"),
    school_name: Optional[str] = typer.Option(None, "--school-name", metavar="NAME", help="help.init.school-name"),
    registry_code: Optional[str] = typer.Option(None, "--registry-code", metavar="CODE",
                                                help="help.init.registry-code"),
    year: Optional[str] = typer.Option(None, "--year", metavar="YYYY/YYYY", help="help.init.year"),
    example: bool = typer.Option(False, "--example", help="help.init.example"),
    synthetic: Optional[int] = typer.Option(None, "--synthetic", metavar="N", min=1, max=MAX_SYNTHETIC,
                                            help="help.init.synthetic"),
    seed: int = typer.Option(1, "--seed", help="help.init.seed"),
    lang: Lang = None, quiet: Quiet = False,
) -> None:
    """Creates DIR: a new cluster's data folder, the sample cluster, or a synthetic one."""
    from cluster_cli.i18n import t, tn

    used = language(lang)
    own = [flag for flag, given in (("--name", name), ("--school", school), ("--school-id", school_id),
                                    ("--school-name", school_name), ("--registry-code", registry_code),
                                    ("--year", year)) if given]
    kinds = [flag for flag, given in (("--example", example), ("--synthetic", synthetic is not None)) if given]
    if len(kinds) > 1 or (kinds and own):
        fail("init.conflict", used, options=", ".join(kinds + own))
    if example:
        from cluster_cli.edit.init import example_files

        files = example_files()
    elif synthetic is not None:
        from cluster_cli.edit.synthetic import synthetic_files

        files, _counts = synthetic_files(synthetic, seed)
    else:
        files = _new_cluster(name, school or [], school_id, school_name, registry_code, year, used)
    _create(folder, files, used)
    note(tn("init.created", len(files), used, path=str(folder)), whole=(folder,))
    if synthetic is not None:
        from cluster_cli.edit.synthetic_catalogue import AS_OF

        note(t("init.synthetic-as-of", used, date=AS_OF))
    note(t("init.next", used, path=str(folder)), whole=(folder,))


def _new_cluster(name, given, school_id, school_name, registry_code, year, lang) -> dict[str, str]:
    from datetime import date

    from cluster_cli.edit.init import InitError, School, check_schools, new_folder_files
    from cluster_cli.regulation.profile import load_profile
    from cluster_cli.regulation.study_year import current_first_year

    if not name or not name.strip():
        fail("init.name-missing", lang)
    schools = []
    single = (school_id, registry_code, school_name)
    if any(v is not None for v in single):
        if not all(v is not None for v in single):
            fail("init.school-partial", lang)
        schools.append(School(school_id.strip(), registry_code.strip(), school_name.strip()))
    for value in given:
        schools.append(_school(value, lang))
    if not schools:
        fail("init.school-missing", lang)
    try:
        check_schools(schools)
    except InitError as exc:
        fail(exc.key, lang, **exc.args_)
    profile, _ = load_profile("vvttk", None, "")
    # The clock is read here, at the CLI: the study year under way today, unless --year says.
    first_year = _year(year, lang) if year is not None else current_first_year(profile, date.today())
    return new_folder_files(name.strip(), schools, profile, first_year)


def _school(value: str, lang: str):
    """`ID,REGISTRY_CODE,NAME`: the name is the rest, so it may hold commas itself."""
    from cluster_cli.edit.init import School

    parts = [part.strip() for part in value.split(",", 2)]
    if len(parts) != 3 or not all(parts):
        fail("init.school-shape", lang, value=value)
    return School(*parts)


def _year(value: str, lang: str) -> int:
    """`2026/2027` (or `2026-2027`, or `2026`): the study year's first calendar year."""
    from cluster_cli.limits import range_args, year_in_range

    match = re.fullmatch(r"\s*(\d{4})\s*(?:[/-]\s*(\d{4})\s*)?", value)
    if match is None or (match.group(2) and int(match.group(2)) != int(match.group(1)) + 1):
        fail("init.year", lang, value=value)
    first = int(match.group(1))
    if not (year_in_range(first) and year_in_range(first + 1)):
        fail("usage.date-range", lang, value=value, **range_args())
    return first


def _create(folder: Path, files: dict, lang: str) -> None:
    from cluster_cli.edit.init import FolderNotEmpty, create_folder
    from cluster_cli.files import WriteError

    try:
        create_folder(folder, files)
    except FolderNotEmpty as exc:
        _refuse(exc, lang)
    except OSError as exc:
        error = WriteError(str(folder), exc)
        fail(error.key, lang, path=error.path, reason=error.reason)


def _refuse(exc, lang: str) -> NoReturn:
    from cluster_cli.i18n import tn

    shown = exc.existing[:SHOWN_IN_THE_WAY]
    files = ", ".join(shown)
    if len(exc.existing) > len(shown):
        files += ", " + tn("init.and-more", len(exc.existing) - len(shown), lang)
    fail("init.not-empty", lang, code=EXIT_FINDINGS, path=exc.path, files=files)
