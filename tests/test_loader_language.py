"""What the libraries say (PyYAML, pydantic, email-validator) reaches the user as our own
sentences in the user's language, at the place of the mistake; their English only in --lang en."""

from __future__ import annotations

import json

import pytest

from tests.conftest import AS_OF, base_data, write_data

STUDENTS = "students/TA-24.yaml"

# Sentences (parts) the libraries write: none of them may reach an Estonian user.
LIBRARY_ENGLISH = (
    "while parsing", "while scanning", "did not find", "expected <", "found character", "mapping values",
    "parser:", "could not find", "Keys should be", "Input should", "Field required", "valid string",
    "The part after", "The email address", "An email address", "There must be", "It should have",
)


def _validate(cli, root, lang: str) -> tuple[int, str, dict]:
    text = cli("validate", "--data", root, "--as-of", AS_OF, "--lang", lang, "--no-cache")
    js = cli("validate", "--data", root, "--as-of", AS_OF, "--lang", lang, "--no-cache", "--format", "json")
    return text.exit_code, text.stdout, json.loads(js.stdout)


def _no_library_english(output: str) -> None:
    leaked = [s for s in LIBRARY_ENGLISH if s in output]
    assert not leaked, (leaked, output)


def _student_data(tmp_path, **changes):
    files = base_data()
    files[STUDENTS][0].update(changes)
    return write_data(tmp_path / "data", files)


def _finding(doc: dict, code: str) -> dict:
    hits = [f for f in doc["findings"] if f["code"] == code]
    assert hits, doc["findings"]
    return hits[0]


@pytest.mark.parametrize("address, et, en", [
    ("mart.tamm@@example.ee", "pärast @-märki on lubamatu märk: '@'", "not allowed after the @ sign: '@'"),
    ("mart.tamm@example", "pärast @-märki olevas osas peab olema punkt", "the part after the @ sign needs a period"),
    ("mart tamm@example.ee", "enne @-märki on lubamatu märk: tühik", "not allowed before the @ sign: a space"),
    ("mart.tamm.example.ee", "aadressis puudub @-märk", "the address has no @ sign"),
    ("mart..tamm@example.ee", "kaks punkti järjest", "two periods in a row"),
    (".mart@example.ee", "ei tohi alata märgiga '.'", "cannot start with '.'"),
])
def test_email_validator_reason_in_the_users_language(cli, tmp_path, address, et, en):
    root = _student_data(tmp_path, email=address)
    code, out, doc = _validate(cli, root, "et")
    assert code == 1
    assert f"E-posti aadress '{address}' ei sobi: " in out and et in out, out
    _no_library_english(out)
    _no_library_english(_finding(doc, "email")["message"])
    code, out, doc = _validate(cli, root, "en")
    message = _finding(doc, "email")["message"]
    assert message.startswith(f"E-mail address '{address}' is not valid: ") and en in message, message


def test_a_key_that_is_not_text_is_reported_at_its_line_in_estonian(cli, tmp_path):
    files = base_data()
    text = ("- id: S1\n  first_name: Mart\n  1: x\n  last_name: Tamm\n")
    files[STUDENTS] = text
    root = write_data(tmp_path / "data", files)
    code, out, doc = _validate(cli, root, "et")
    f = _finding(doc, "unknown-field")
    assert f["line"] == 3, f
    assert f["message"] == "Välja nimi 1 ei ole tekst: välja nimi on sõna."
    assert "first_name" in f["hint"]
    _no_library_english(out)
    code, out, doc = _validate(cli, root, "en")
    assert _finding(doc, "unknown-field")["message"] == "The field name 1 is not text: a field name is a word."


@pytest.mark.parametrize("field, value, et, en", [
    ("course", "kolm", "oodatakse täisarvu", "a whole number"),
    ("start", "2026-02-30", "oodatakse kuupäeva kujul AAAA-KK-PP", "YYYY-MM-DD"),
    ("first_name", ["Mart"], "oodatakse teksti", "text"),
    ("grades", "M1", "oodatakse loendit", "list"),
])
def test_pydantic_error_types_become_reasons(cli, tmp_path, field, value, et, en):
    root = _student_data(tmp_path, **{field: value})
    code, out, doc = _validate(cli, root, "et")
    assert code == 1
    f = _finding(doc, "invalid-value")
    assert f"Välja '{field}'" in f["message"] and et in f["message"], f
    assert f["line"] > 1 and f["file"].endswith(STUDENTS)
    _no_library_english(out)
    code, out, doc = _validate(cli, root, "en")
    assert en in _finding(doc, "invalid-value")["message"]


def test_a_pydantic_error_without_words_of_ours_is_said_in_general_terms(tmp_path):
    from pydantic import BaseModel, ConfigDict, ValidationError, field_validator

    from cluster_cli.i18n import t
    from cluster_cli.load.shape import shape_findings
    from cluster_cli.model.common import Origin

    class M(BaseModel):
        model_config = ConfigDict(extra="forbid")
        name: str

        @field_validator("name")
        @classmethod
        def _odd(cls, v):
            raise ValueError("odd name")

    with pytest.raises(ValidationError) as info:
        M.model_validate({"name": "x"})
    [f] = shape_findings(info.value, M, Origin("f.yaml", "", None))
    args = dict(f.args)
    assert t(f.key, "et", **args) == "Välja 'name' väärtus 'x' ei sobi: väärtus ei ole oodatud kujul."
    assert t(f.key, "en", **args) == "Field 'name' has an unusable value 'x': the value is not in the expected form."


# A YAML mistake of each common kind: the file's text, the line of the mistake, the Estonian words.
YAML_CASES = [
    pytest.param("- id: S1\n  first_name: Mart\n   last_name: Tamm\n", 3, "taandatud sügavamale", id="indent-deeper"),
    pytest.param("- id: S1\n  first_name: Mart\n last_name: Tamm\n", 3, "Taanded ei klapi", id="indent"),
    pytest.param("- id: S1\n\tfirst_name: Mart\n", 2, "Taandes on tabulaator (veerg 1)", id="tab"),
    pytest.param("- id: S1\n  first_name Mart\n  last_name: Tamm\n", 2, "ilma kooloni ja tühikuta", id="colon"),
    pytest.param("- id: S1\n  first_name: @Mart\n", 2, "algab märgiga @", id="character"),
    pytest.param("- id: S1\n  first_name: Mart: M\n", 2, "koolon ja tühik (veerg 19)", id="colon-in-value"),
    pytest.param("- id: S1\n  first_name: \"M\\qart\"\n", 2, "tundmatu erimärk \\q", id="escape"),
    pytest.param("- id: S1\n---\n- id: S2\n", 2, "mitu YAML-dokumenti", id="documents"),
    pytest.param("- id: S1\n  first_name: M\x07art\n", 2, "juhtmärk U+0007 (veerg 16)", id="control"),
]


@pytest.mark.parametrize("content, line, et", YAML_CASES)
def test_yaml_syntax_error_in_estonian_at_its_line(cli, tmp_path, content, line, et):
    files = base_data()
    files[STUDENTS] = content
    root = write_data(tmp_path / "data", files)
    code, out, doc = _validate(cli, root, "et")
    assert code == 1
    f = _finding(doc, "yaml-syntax")
    assert (f["line"], f["file"].endswith(STUDENTS)) == (line, True), f
    assert et in f["message"], f["message"]
    assert f"{f['file']}:{line}: viga yaml-syntax: " in out
    assert f" >     {line} │ " in out  # the marker line stays
    _no_library_english(out)
    code, out, doc = _validate(cli, root, "en")
    assert "(column " in _finding(doc, "yaml-syntax")["message"] or "document" in out


# An unclosed quote, bracket or brace: reported where it opens, not where the parser gives up.
OPEN_CASES = [
    pytest.param('  first_name: "Mart\n', '"', "jäi sellel real sulgemata, nii et väärtus jätkub järgmise "
                 "jutumärgini real 5 (veerg 15)", "runs on to the next quote, on line 5", id="double-quote"),
    pytest.param("  first_name: 'Mart\n", "'", "faili lõpuni ei leidu lõpetavat ' märki (veerg 15)",
                 "no closing ' up to the end of the file", id="single-quote"),
    pytest.param("  first_name: [Mart\n", "[", "Siin avatud sulg [ jäi sulgemata (veerg 15)",
                 "The [ opened here is never closed", id="bracket"),
    pytest.param("  first_name: {a: Mart\n", "{", "Siin avatud sulg { jäi sulgemata (veerg 15)",
                 "The { opened here is never closed", id="brace"),
]


@pytest.mark.parametrize("opening, mark, et, en", OPEN_CASES)
def test_an_unclosed_quote_or_bracket_is_reported_where_it_opens(cli, tmp_path, opening, mark, et, en):
    files = base_data()
    files[STUDENTS] = ("- id: S1\n" + opening + "  last_name: Tamm\n  personal_code: x\n"
                       '  school: "vvttk"\n  group: TA-24\n  course: 3\n')
    root = write_data(tmp_path / "data", files)
    code, out, doc = _validate(cli, root, "et")
    f = _finding(doc, "yaml-syntax")
    assert f["line"] == 2, f  # where it opens; the parser notices it on a later line
    assert et in f["message"], f["message"]
    assert "Taanded ei klapi" not in out
    _no_library_english(out)
    code, out, doc = _validate(cli, root, "en")
    assert en in _finding(doc, "yaml-syntax")["message"]
