"""The Estonian catalogue addresses the user formally (plural imperative and "Teie"): "Parandage",
"Kas mõtlesite …?", "loetav ainult Teile" — never "Paranda", "sina", "sul" (issue 15, house rules).
Help texts describe (3rd person: "Näitab seda abi ja lõpetab"), hints ask politely."""

from __future__ import annotations

import re
from pathlib import Path

from babel.messages.pofile import read_po

PO = Path(__file__).resolve().parents[1] / "cluster_cli/i18n/locale/et/LC_MESSAGES/cluster_cli.po"

# The familiar imperative (2nd person singular) of the verbs the messages use, and the familiar
# pronouns. A stem that is also the indicative after "ei" ("ei anna", "ei kasuta") is allowed there.
IMPERATIVES = (
    "paranda kirjuta kontrolli eemalda vali näita jäta käivita loe kopeeri kustuta küsi lepi oota otsi "
    "otsusta paigalda salvesta täida tühista vaata võrdle likvideeri teavita proovi muuda kinnita joonda "
    "järjesta asenda edasta alusta nimeta teisenda suurenda vabasta esita liida täienda anna kasuta kanna "
    "pane jaga lisa märgi suuna sisesta määra hoia vii"
).split()
PRONOUNS = r"\b(sa|sina|sind|sinu|sinul|sinult|sinuga|sinule|sinust|sul|sulle|oled|mõtlesid|tahad|soovid)\b"
NOUNS = {"kontrolli": r"(?! läbi)",  # "kontrolli läbinud": having passed the check
         "lisa": r"(?! nr\b|-)"}  # "lepingu lisa nr 2", "…-lisa-2.docx": the amendment, a noun


def _word(w: str) -> str:
    """The word in lower case or capitalised (never all capitals: "VII" is a clause number)."""
    return f"[{w[0].upper()}{w[0]}]{w[1:]}" + NOUNS.get(w, "")


FAMILIAR = re.compile(
    r"(?<!\b[Ee]i )\b(" + "|".join(map(_word, IMPERATIVES)) + r")\b"  # "ei anna eelist" is a statement
    r"(?!\s*(\d|[IVX]+\b|\)))"  # "Lisa 7 8.2", "(lepingu kohustuslik lisa)": the annex, a noun
    r"|(^|[.;:!?—]\s+)[Ää]ra\b|(?i:" + PRONOUNS + ")",
    re.MULTILINE,
)


def _texts(path: Path):
    with path.open("rb") as f:
        catalog = read_po(f)
    for m in catalog:
        if m.id:
            key = m.id[0] if m.pluralizable else m.id
            for text in m.string if m.pluralizable else (m.string,):
                yield key, text


def familiar(path: Path = PO) -> list[str]:
    return [f"{key}: {hit.group(0).strip()!r} in {text!r}"
            for key, text in _texts(path) for hit in FAMILIAR.finditer(text)]


def test_the_estonian_catalogue_addresses_the_user_formally():
    assert familiar() == []


def test_the_check_finds_familiar_forms_and_spares_nouns_and_statements(tmp_path):
    po = tmp_path / "x.po"
    po.write_text('msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=utf-8\\n"\n\n'
                  + "".join(f'msgid "k{i}"\nmsgstr "{text}"\n\n' for i, text in enumerate([
                      "Paranda vead: cluster validate",       # familiar
                      "Tundmatu väli — kas mõtlesid 'name'?",  # familiar
                      "fail on loetav ainult sinule",           # familiar
                      "Loe iga fail uuesti; ära kasuta vahemälu.",  # familiar twice
                      "Parandage vead; kas mõtlesite 'name'? Lisa 7 8.2, Lisa 11 VI.2",
                      "Õpilase puue ei anna eelist (lepingu kohustuslik lisa); jätke --pdf ära; VII.2",
                      "Koostab kontrolli läbinud praktikate lepingud. Eespool on S2 (sinul 4,5).",  # familiar
                  ])), encoding="utf-8")
    found = familiar(po)
    assert [f.split(":")[0] for f in found] == ["k0", "k1", "k2", "k3", "k3", "k3", "k6"], found
