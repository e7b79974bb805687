"""The message catalogue (gettext .po/.mo): every key the code uses is translated in both languages
with the same fields, no key is built at run time, the shipped .mo files are compiled from the .po,
and a missing message never shows its key."""

from __future__ import annotations

import io
import string
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

from cluster_cli.i18n import LANGUAGES, PLURAL_SUFFIX, t, tn
from cluster_cli.i18n.extract import PLURAL, built_keys, keys

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "cluster_cli"
LOCALE = PACKAGE / "i18n" / "locale"


def _po(lang: str):
    with (LOCALE / lang / "LC_MESSAGES" / "cluster_cli.po").open("rb") as f:
        return read_po(f)


CATALOGUES = {lang: _po(lang) for lang in LANGUAGES}


def _messages(lang: str) -> dict[str, tuple[str, ...]]:
    """key -> its text(s): one for a message, (one, other) for a plural."""
    out = {}
    for m in CATALOGUES[lang]:
        if m.id:
            key = m.id[0] if m.pluralizable else m.id
            out[key] = tuple(m.string) if m.pluralizable else (m.string,)
    return out


MESSAGES = {lang: _messages(lang) for lang in LANGUAGES}


def _used() -> dict[str, str]:
    """key -> where the code names it first."""
    used: dict[str, str] = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        for line, _how, key in keys(path.read_text(encoding="utf-8")):
            used.setdefault(key, f"{path.relative_to(ROOT)}:{line}")
    return used


USED = _used()


def _fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def test_the_mo_files_are_compiled_from_the_po_files():
    """Edit the .po, then compile (README: Translating); a stale .mo would ship old wording."""
    for lang in LANGUAGES:
        compiled = io.BytesIO()
        write_mo(compiled, CATALOGUES[lang])
        shipped = (LOCALE / lang / "LC_MESSAGES" / "cluster_cli.mo").read_bytes()
        assert compiled.getvalue() == shipped, f"{lang}: run pybabel compile (README: Translating)"


def test_both_catalogues_have_the_same_keys_and_plural_forms():
    assert MESSAGES["et"].keys() == MESSAGES["en"].keys()
    for lang in LANGUAGES:
        assert CATALOGUES[lang].plural_forms == "nplurals=2; plural=(n != 1);", lang
        for m in CATALOGUES[lang]:
            if m.pluralizable:
                assert m.id[1] == m.id[0] + PLURAL_SUFFIX, m.id


def test_both_languages_use_the_same_fields():
    for key, et in MESSAGES["et"].items():
        en = MESSAGES["en"][key]
        assert set().union(*map(_fields, et)) == set().union(*map(_fields, en)), key


def test_every_key_the_code_uses_is_translated_in_both_languages():
    for lang in LANGUAGES:
        missing = {k: where for k, where in USED.items() if not all(MESSAGES[lang].get(k, ("",)))}
        assert not missing, f"{lang}: missing or untranslated: {missing}"


def test_every_message_in_the_catalogue_is_used_by_the_code():
    """A key kept in a table must be marked N_("…"), or extraction (and `pybabel update`) loses it."""
    unused = sorted(k for k in MESSAGES["et"] if k not in USED
                    and not (k.endswith(".hint") and k.removesuffix(".hint") in USED))
    assert not unused, unused


def test_a_plural_entry_is_named_as_a_plural_and_only_there():
    """A key named through `tn`/`NP_` is a plural entry (msgid_plural), and every plural entry is
    named so — else the count shows "1 kirjet" or the message goes missing."""
    named = {key for path in sorted(PACKAGE.rglob("*.py"))
             for _, how, key in keys(path.read_text(encoding="utf-8")) if how in PLURAL}
    for lang in LANGUAGES:
        entries = {m.id[0] for m in CATALOGUES[lang] if m.id and m.pluralizable}
        assert named == entries, (lang, sorted(named ^ entries))


def test_no_key_is_built_at_run_time():
    built = [f"{path.relative_to(ROOT)}:{line}: {how} {expr}"
             for path in sorted(PACKAGE.rglob("*.py"))
             for line, how, expr in built_keys(path.read_text(encoding="utf-8"))]
    assert not built, built


def test_the_key_check_sees_f_strings_concatenations_and_keys_of_findings():
    source = '''
t(f"severity.{s}", lang)
t("action." + code, lang)
at(record, (), "iban", "", key=f"iban.{problem}")
Phrase(prefix + kind)
t(key, lang); t(exc.key, lang); t(ACTION[code], lang)
t("a" if x else "b"); N_("c"); make("error", "d", "", f, 1, "")
View("v", "e", [("x", "f")]); Problem(1, "g"); tn("h", n, lang)
'''
    assert [how for _, how, _ in built_keys(source)] == ["t", "t", "key=", "Phrase"]
    found = {key for _, _, key in keys(source)}
    assert found == set("abcdefgh")


def test_babel_extraction_with_the_mapping_finds_the_same_keys():
    method_map = [("**.py", "cluster_cli.i18n.extract.extract_keys")]
    assert "[cluster_cli.i18n.extract.extract_keys: **.py]" in (ROOT / "babel.cfg").read_text(encoding="utf-8")
    extracted = set()
    for _file, _line, message, _comments, _context in extract_from_dir(str(PACKAGE), method_map):
        extracted.add(message[0] if isinstance(message, tuple) else message)
    hints = {k for k in extracted if k.endswith(".hint") and k not in USED}
    assert extracted - hints == set(USED)


def test_every_finding_message_has_a_hint():
    """The codes loading and the rules make (their key is the code when none is given)."""
    from cluster_cli.regulation.rules import RULE_IDS

    for rule in RULE_IDS:
        assert any(k == rule or k.startswith(rule + ".") for k in MESSAGES["et"]), rule
    for key in ("minor-guardian", "yaml-syntax.tab", "unknown-field", "iban.checksum", "file-over-limit"):
        assert key + ".hint" in MESSAGES["et"], key


def test_every_rule_has_a_description_and_every_severity_a_word():
    from cluster_cli.findings import SEVERITIES
    from cluster_cli.i18n.words import RULE, SEVERITY
    from cluster_cli.regulation.rules import RULE_IDS

    assert set(RULE) == set(RULE_IDS)
    from cluster_cli.i18n.words import ACTION, ACTION_WORD

    assert set(ACTION_WORD) == set(ACTION)  # each debt action has its sentence and its short word
    assert set(SEVERITY) == set(SEVERITIES)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_missing_message_never_shows_its_key(lang):
    text = t("no.such-key", lang, student="S001")
    assert "no.such-key" not in text and "S001" in text
    assert "no.such-key" not in tn("no.such-plural", 2, lang)


def test_a_message_missing_in_one_language_comes_from_the_other(monkeypatch, tmp_path):
    from babel.messages.catalog import Catalog

    from cluster_cli import i18n

    for lang, messages in {"et": {"only.et": "ainult eesti"}, "en": {"only.en": "English only"}}.items():
        catalog = Catalog(locale=lang, domain="cluster_cli")
        for key, text in messages.items():
            catalog.add(key, text)
        folder = tmp_path / lang / "LC_MESSAGES"
        folder.mkdir(parents=True)
        with (folder / "cluster_cli.mo").open("wb") as f:
            write_mo(f, catalog)
    monkeypatch.setattr(i18n, "LOCALE_DIR", tmp_path)
    monkeypatch.setattr(i18n, "_CATALOGUES", {})
    assert t("only.et", "en") == "ainult eesti"
    assert t("only.en", "et") == "English only"
    assert t("only.en", "en") == "English only"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_po_headers_name_the_project_and_language_without_placeholders(lang):
    header = (LOCALE / lang / "LC_MESSAGES" / "cluster_cli.po").read_text(encoding="utf-8").split("\n\n")[0]
    for placeholder in ("FULL NAME", "EMAIL@ADDRESS", "VERSION", "PROJECT", "YEAR-MO-DA", "LL@li.org"):
        assert placeholder not in header, (lang, placeholder)
    catalog = CATALOGUES[lang]
    assert '"Project-Id-Version: cluster-cli 0.1.0\\n"' in header and str(catalog.locale) == lang
    assert catalog.language_team.startswith({"et": "Estonian", "en": "English"}[lang])
