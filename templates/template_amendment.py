"""The amendment (lepingu lisa) to a signed placement contract, Estonian and English: the
parties, the changed terms old → new (`cluster contracts amend`), the signature lines. Its
context is the contract's, plus ``amendment`` (number, date, date_numeric: 23.11.2026, contract, previous,
changes: term, old, new; two_party: the Estonian amendment of a mobility project's bilateral agreement, Lisa 7
12.7.2, which the school and the student sign)."""

from __future__ import annotations

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH

from docx_builders import loop_table, new_document, page_number_footer, para, signature_heading, signature_lines, \
    signature_table

NO_BREAK_ID = "{{ placement.id | replace('-', '\u2011') }}"
"""The contract's id in the heading with no-break hyphens (U+2011): "PA-2027-01" never breaks."""

def _rep(var: str) -> str:
    return ("{% if " + var + ".representative %}{{ " + var + ".representative.name }}{% if " + var
            + ".representative.role %}, {{ " + var + ".representative.role }}{% endif %}{% endif %}")


def _signatures(doc: Document, words: dict[str, str]) -> None:
    signed = signature_lines(*words["signed"])
    signature_table(doc, [words["party"], words["name"]], [
        [[words["school"], "{{ school.name }}"], [_rep("school"), *signed]],
        [[words["student"]], ["{{ student.name }}", *signed]],
        ["{%tr if guardian %}", ""],
        [[words["guardian"]], ["{{ guardian.name }}", *signed]],
        ["{%tr endif %}", ""],
        ["{%tr if not amendment.two_party %}", ""],  # the bilateral agreement (Lisa 7 12.7.2): no host
        ["{%tr for h in hosts %}", ""],
        [[words["host"], "{{ h.name }}"], [_rep("h"), *signed]],
        ["{%tr endfor %}", ""],
        ["{%tr endif %}", ""],
    ], [6.0, 10.6])


def _amendment(lang_tag: str, words: dict[str, str]) -> Document:
    doc = new_document(lang_tag, words["doc-title"], words["doc-subject"])
    para(doc, words["title"], style="Title")
    para(doc, words["subtitle"], align=WD_ALIGN_PARAGRAPH.CENTER)
    for line in words["date"]:
        para(doc, line, align=WD_ALIGN_PARAGRAPH.CENTER, size=9)
    doc.add_heading(words["h-parties"], level=1)
    para(doc, words["parties"])
    doc.add_heading(words["h-changes"], level=1)
    loop_table(doc, [words["term"], words["old"], words["new"]], "{%tr for c in amendment.changes %}",
               ["{{ c.term }}", "{{ c.old }}", "{{ c.new }}"], [4.6, 6.0, 6.0])
    doc.add_heading(words["h-final"], level=1)
    for line in words["final"]:
        para(doc, line)
    signature_heading(doc, words["h-signatures"])
    _signatures(doc, words)
    page_number_footer(doc, words["footer"], words["page"])
    return doc


_HOSTS = "{% for h in hosts %}{{ h.name }}{% if not loop.last %}, {% endif %}{% endfor %}"


def amendment_et() -> Document:
    return _amendment("et-EE", {
        "doc-title": "Praktikalepingu lisa", "doc-subject": "Allkirjastatud praktikalepingu muudatus (lisa)",
        "title": "Lisa nr {{ amendment.number }} {% if amendment.two_party %}välispraktika lepingule"
                 "{% else %}praktikalepingule{% endif %} nr " + NO_BREAK_ID,
        "subtitle": "{{ school.name }} · õppeaasta {{ study_year }}",
        "date": ["Koostamise kuupäev: {{ amendment.date_numeric }}",
                 "Lisa sõlmimise kuupäev on viimase {% if signatures == 'paper' %}allkirja{% else %}digitaalallkirja"
                 "{% endif %} andmise kuupäev."],
        "h-parties": "1. Pooled",
        "parties": "{{ school.name }} (kool){% if not amendment.two_party %}, " + _HOSTS + " (praktikaettevõte)"
                   "{% endif %}, {{ student.name }} (õpilane){% if guardian %} ja õpilase seaduslik esindaja "
                   "{{ guardian.name }}{% endif %} lepivad kokku {% if amendment.two_party %}välispraktika lepingu"
                   "{% else %}praktikalepingu{% endif %} nr {{ placement.id }} muutmises järgmiselt.",
        "h-changes": "2. Muudetud tingimused", "term": "Tingimus", "old": "Senine", "new": "Uus",
        "h-final": "3. Lõppsätted",
        "final": ["3.1. Muus osas jäävad lepingu ja selle varasemate lisade tingimused muutmata.",
                  "3.2. Lisa on lepingu lahutamatu osa ja jõustub, kui kõik pooled on selle allkirjastanud."],
        "h-signatures": "4. Poolte allkirjad", "party": "Pool", "name": "Nimi ja allkiri", "school": "Kool",
        "student": "Õpilane", "guardian": "Alaealise õpilase seaduslik esindaja", "host": "Praktikaettevõte",
        "signed": ("/allkirjastatud digitaalselt/", "Allkiri", "Kuupäev"),
        "footer": "Lepingu nr {{ placement.id }} lisa nr {{ amendment.number }} · {{ student.name }}", "page": "lk",
    })


def amendment_en() -> Document:
    return _amendment("en-GB", {
        "doc-title": "Amendment to the placement agreement", "doc-subject": "Amendment to a signed placement agreement",
        "title": "Amendment No {{ amendment.number }} to Placement Agreement No " + NO_BREAK_ID,
        "subtitle": "{{ school.name }} · study year {{ study_year }}",
        "date": ["Drawn up on {{ amendment.date }}",
                 "The date of this amendment is the date of the last {% if signatures != 'paper' %}digital "
                 "{% endif %}signature."],
        "h-parties": "1. Parties",
        "parties": "{{ school.name }} (the School), {{ student.name }} (the Student){% if guardian %}, the Student's legal "
                   "representative {{ guardian.name }}{% endif %} and " + _HOSTS + " (the Host) agree to amend placement "
                   "agreement No {{ placement.id }} as follows.",
        "h-changes": "2. Amended terms", "term": "Term", "old": "Was", "new": "Now",
        "h-final": "3. Final provisions",
        "final": ["3.1. All other terms of the agreement and of its earlier amendments remain unchanged.",
                  "3.2. This amendment is an integral part of the agreement and enters into force when signed by all "
                  "parties."],
        "h-signatures": "4. Signatures", "party": "Party", "name": "Name and signature", "school": "School",
        "student": "Student", "guardian": "Legal representative of the minor Student", "host": "Host",
        "signed": ("/signed digitally/", "Signature", "Date"),
        "footer": "Amendment No {{ amendment.number }} to Placement Agreement No {{ placement.id }} · {{ student.name }}",
        "page": "p.",
    })
