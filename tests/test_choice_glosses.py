"""A coded choice (`status: active`) is listed in a hint with its Estonian meaning
(`active (õpib)`), and a choice written as its meaning gets its code: the secretary writes
Estonian, the data keeps the code. Every coded field of every record has its words."""

from __future__ import annotations

import enum
import importlib
import json
import pkgutil
import typing
from datetime import date
from pathlib import Path

import pytest

from tests.conftest import AS_OF, base_data, findings_of, write_data

STUDENTS = "students/TA-24.yaml"
SAMPLE = Path(__file__).resolve().parents[1] / "data"


def _coded_fields() -> list[tuple[str, str, list[str]]]:
    """(record type, field, its codes) of every field of the models that takes a choice."""
    import cluster_cli.model as models
    from pydantic import BaseModel

    def codes(annotation) -> list[str]:
        if typing.get_origin(annotation) is typing.Literal:
            return [str(c) for c in typing.get_args(annotation)]
        if isinstance(annotation, type) and issubclass(annotation, enum.Enum):
            return [str(e.value) for e in annotation]
        return [c for arg in typing.get_args(annotation) for c in codes(arg)]

    found = []
    for info in pkgutil.iter_modules(models.__path__):
        module = importlib.import_module(f"cluster_cli.model.{info.name}")
        for obj in vars(module).values():
            if isinstance(obj, type) and issubclass(obj, BaseModel) and obj.__module__ == module.__name__:
                found += [(obj.__name__, name, codes(field.annotation)) for name, field in obj.model_fields.items()
                          if codes(field.annotation)]
    return found


def test_every_coded_choice_of_every_record_has_its_estonian_meaning():
    from cluster_cli.i18n import t
    from cluster_cli.load.shape import _choice_key, _glossed

    fields = _coded_fields()
    assert len(fields) >= 50  # the walk found the records' coded fields
    missing, wrong = [], []
    for owner, field, codes in fields:
        for code in codes:
            key = _choice_key(owner, field, code)
            if key is None:
                missing.append(f"{owner}.{field}.{code}")
                continue
            glossed = _glossed(owner, field, code)
            et, en = t(glossed.key, "et", **dict(glossed.args)), t(glossed.key, "en", **dict(glossed.args))
            if not (et.startswith(f"{code} (") and et.endswith(")") and len(et) > len(code) + 3 and en == code):
                wrong.append((key, et, en))
    assert missing == []
    assert wrong == []


def test_a_code_is_glossed_as_its_record_means_it(cli, tmp_path):
    # `abroad` is a placement abroad in a placement, studies abroad in a student's status.
    files = base_data()
    files[STUDENTS][0]["status"] = [{"status": "abroad!", "start": date(2024, 9, 2)}]
    files["placements.yaml"][0]["kind"] = "abroad!"
    root = write_data(tmp_path / "data", files)
    result = cli("validate", "--data", root, "--as-of", AS_OF, "--format", "json", "--lang", "et")
    hints = {f["file"].rsplit("/", 1)[-1]: f["hint"] for f in findings_of(json.loads(result.stdout), "invalid-choice")}
    placement, status = hints["placements.yaml"], hints["TA-24.yaml"]
    gloss = lambda hint: hint.split("abroad (", 1)[1].split(")", 1)[0]  # noqa: E731
    assert gloss(placement) != gloss(status)
    assert "praktika" in gloss(placement)


@pytest.mark.parametrize("written, code", [("akadeemiline puhkus", "academic_leave"), ("töökohapõhine",
                                                                                      "workplace_based")])
def test_a_choice_written_as_its_estonian_meaning_gets_its_code(cli, tmp_path, written, code):
    files = base_data()
    if code == "academic_leave":
        files[STUDENTS][0]["status"] = [{"status": written, "start": date(2024, 9, 2)}]
    else:
        files[STUDENTS][0]["study_form"] = written
    root = write_data(tmp_path / "data", files)
    result = cli("validate", "--data", root, "--as-of", AS_OF, "--format", "json", "--lang", "et")
    [f] = findings_of(json.loads(result.stdout), "invalid-choice")
    assert f["hint"].startswith(f"Kas mõtlesite '{code}' (")  # with its meaning, to check it against


def test_in_english_the_choices_are_their_codes(cli, tmp_path):
    files = base_data()
    files[STUDENTS][0]["status"] = [{"status": "activ", "start": date(2024, 9, 2)}]
    root = write_data(tmp_path / "data", files)
    result = cli("validate", "--data", root, "--as-of", AS_OF, "--format", "json", "--lang", "en")
    [f] = findings_of(json.loads(result.stdout), "invalid-choice")
    assert f["hint"].endswith("active, academic_leave, abroad, expelled, graduated")


# What a secretary writes (a tester's list): her word → the code, or no guess where two codes fit
# about as well or none does — a wrong guess ("kool" → university) misleads more than none.
@pytest.mark.parametrize("owner, field, written, code", [
    ("Student", "residence", "pikaajaline elamisluba", "long_term"),
    ("Student", "residence", "elamisluba", None),  # temporary, long-term, none at all?
    ("Application", "kind", "sõidutoetus", "travel"),
    ("Measure", "kind", "väljaarvamine", None),  # removal, conditional, from the dormitory?
    ("Grade", "kind", "kokkuvõttev hinne", None),
    ("Grade", "kind", "VÕTA", "prior_learning"),
    ("Course", "kind", "projekt", "free"),  # not `rkt`, a code alike in letters only
    ("Member", "kind", "kool", None),
    ("Placement", "kind", "ettevõte", "workplace_based"),  # praktika ettevõttes: inflected
    ("Curriculum", "level", "4. tase", "4"),
    ("Grade", "value", "ma", "MA"),
    ("StatusEntry", "status", "GRADUATED", "graduated"),
    ("StatusEntry", "status", "akadeemilne puhkus", "academic_leave"),  # a typo in her word
    ("StatusEntry", "status", "activ", "active"),  # a typo in the code
])
def test_the_choice_a_written_word_means(owner, field, written, code):
    from cluster_cli.load.shape import _closest_choice

    codes = next(c for o, f, c in _coded_fields() if (o, f) == (owner, field))
    assert _closest_choice(owner, field, written, codes) == code


def test_no_guess_where_two_choices_fit_as_well(cli, tmp_path):
    files = base_data()
    files[STUDENTS][0]["residence"] = "elamisluba"
    root = write_data(tmp_path / "data", files)
    result = cli("validate", "--data", root, "--as-of", AS_OF, "--format", "json", "--lang", "et")
    [f] = findings_of(json.loads(result.stdout), "invalid-choice")
    assert f["hint"].startswith("Valige üks: citizen (Eesti kodanik), long_term (pikaajalise elaniku elamisluba)")


def test_a_list_of_choices_is_glossed_as_its_record_means_them(cli, tmp_path):
    # an allowance application's grounds (a list): the words the allowance reports show
    import shutil

    root = Path(shutil.copytree(SAMPLE, tmp_path / "data"))
    path = root / "students/vvttk/TA-24.yaml"
    text = path.read_text(encoding="utf-8")
    assert text.count("grounds: [emergency]") == 1
    path.write_text(text.replace("grounds: [emergency]", "grounds: [emergncy]"), encoding="utf-8")
    result = cli("validate", "--data", root, "--as-of", AS_OF, "--format", "json", "--lang", "et")
    [f] = findings_of(json.loads(result.stdout), "invalid-choice")
    assert f["hint"].startswith("Kas mõtlesite 'emergency' (tõendatud ühekordsed erakorralised asjaolud)? Valige "
                                "üks: minor_dependants (kaks või enam alaealist")
    assert "emergency (tõendatud ühekordsed erakorralised asjaolud)" in f["hint"]
