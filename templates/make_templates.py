#!/usr/bin/env python
"""Build the shipped contract templates (python-docx, real Word styles, headings and tables):

    python templates/make_templates.py [OUT_DIR]

writes, by default, the packaged templates (`cluster_cli/templates/`, what `cluster contracts`
renders with unless told otherwise) and the same bytes into this folder (the copy to edit and to
point `CLUSTER_TEMPLATES` at); with OUT_DIR, only there:

    praktikaleping_et.docx        the Estonian tripartite placement contract (4.11.5, Lisa 7 1.4)
                                   with the individual practice plan as annex "Lisa 1" (Lisa 7 5.7)
    placement_agreement_en.docx   the English tripartite agreement for placements abroad (Lisa 7
                                   12.7.1; in a mobility project the project agreement of 12.7.2)
    valispraktikaleping_et.docx   the Estonian bilateral school–student agreement that a placement
                                   abroad within a mobility project needs beside it (Lisa 7 12.7.2)

Both are docxtpl templates: ``{{ … }}`` variables of the context documented in
`cluster_cli/contracts/context.py` (CONTEXT_SCHEMA), ``{%p … %}`` paragraph tags and
``{%tr … %}`` table-row tags (a row per host of a joint placement; a signature row for the
legal representative of a minor and for every host). A secretary edits them in Word or
LibreOffice; `cluster contracts check-template FILE` checks an edited copy.

The output is byte-for-byte reproducible (fixed document dates, pinned zip timestamps): the
template's bytes are part of every contract's inputs hash, so rebuilding must not change them.
"""

from __future__ import annotations

import io
import re
import sys
import zipfile
from datetime import datetime
from pathlib import Path

from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

STAMP = datetime(2026, 11, 23, 0, 0, 0)

# --- small builders ----------------------------------------------------------------------------

_BOLD = re.compile(r"\*\*(.+?)\*\*")


def para(doc_or_cell, text: str = "", style: str | None = None, align=None, size: float | None = None):
    """A paragraph; ``**bold**`` marks bold runs (never inside a Jinja tag)."""
    p = doc_or_cell.add_paragraph(style=style)
    pos = 0
    for m in _BOLD.finditer(text):
        if m.start() > pos:
            p.add_run(text[pos:m.start()])
        p.add_run(m.group(1)).bold = True
        pos = m.end()
    if pos < len(text):
        p.add_run(text[pos:])
    if align is not None:
        p.alignment = align
    if size is not None:
        for r in p.runs:
            r.font.size = Pt(size)
    return p


def tag(doc, text: str):
    """A paragraph that holds only a docxtpl paragraph tag ({%p … %}); docxtpl removes it."""
    return doc.add_paragraph(text)


def bullets(doc, items: list[str]):
    for item in items:
        para(doc, item, style="List Bullet")


def loop_bullets(doc, loop: str, item: str = "{{ x }}"):
    tag(doc, "{%p for x in " + loop + " %}")
    para(doc, item, style="List Bullet")
    tag(doc, "{%p endfor %}")


def cell_lines(cell, lines: list[str], bold_first: bool = False):
    """Fill a table cell with one paragraph per line (the cell's first paragraph reused)."""
    cell.paragraphs[0].text = ""
    for i, line in enumerate(lines):
        p = cell.paragraphs[0] if i == 0 else cell.add_paragraph()
        run = p.add_run(line)
        if bold_first and i == 0:
            run.bold = True


def header_row(table, titles: list[str]):
    row = table.rows[0]
    for cell, title in zip(row.cells, titles):
        cell_lines(cell, [title], bold_first=True)
        _shade(cell, "D9E2F3")
    tr_pr = row._tr.get_or_add_trPr()
    el = OxmlElement("w:tblHeader")  # repeat the header row on every page
    el.set(qn("w:val"), "true")
    tr_pr.append(el)


def _shade(cell, fill: str):
    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), fill)
    cell._tc.get_or_add_tcPr().append(shd)


def table(doc, titles: list[str] | None, rows: list[list[list[str] | str]], widths: list[float]):
    """A grid table: a header row (unless `titles` is None), then rows of cells (a cell is a
    string or a list of lines)."""
    first = 0 if titles is None else 1
    t = doc.add_table(rows=first + len(rows), cols=len(widths))
    t.style = "Table Grid"
    t.alignment = WD_TABLE_ALIGNMENT.CENTER
    if titles is not None:
        header_row(t, titles)
    for r, cells in enumerate(rows, start=first):
        for c, value in enumerate(cells):
            cell_lines(t.rows[r].cells[c], value if isinstance(value, list) else [value])
    for row in t.rows:
        for c, w in enumerate(widths):
            row.cells[c].width = Cm(w)
    return t


def loop_table(doc, titles, loop_open: str, cells: list[list[str] | str], widths, before=(), after=()):
    """A table whose body row repeats: ``{%tr for … %}`` row, the body row, ``{%tr endfor %}`` row."""
    rows = [list(r) for r in before]
    rows.append([loop_open] + [""] * (len(titles) - 1))
    rows.append(cells)
    rows.append(["{%tr endfor %}"] + [""] * (len(titles) - 1))
    rows += [list(r) for r in after]
    return table(doc, titles, rows, widths)


def page_number_footer(doc, text: str, page_word: str):
    footer = doc.sections[0].footer
    p = footer.paragraphs[0]
    p.text = ""
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = p.add_run(f"{text} · {page_word} ")
    run.font.size = Pt(8)
    fld = OxmlElement("w:fldSimple")
    fld.set(qn("w:instr"), "PAGE")
    r = OxmlElement("w:r")
    t = OxmlElement("w:t")
    t.text = "1"
    r.append(t)
    fld.append(r)
    p._p.append(fld)


def new_document(lang_tag: str, title: str, subject: str):
    doc = Document()
    section = doc.sections[0]
    section.page_height, section.page_width = Cm(29.7), Cm(21.0)  # A4
    for side in ("left_margin", "right_margin"):
        setattr(section, side, Cm(2.2))
    section.top_margin, section.bottom_margin = Cm(2.0), Cm(2.0)
    normal = doc.styles["Normal"]
    normal.font.name = "Calibri"
    normal.font.size = Pt(10.5)
    normal.paragraph_format.space_after = Pt(4)
    rpr = normal.element.get_or_add_rPr()
    lang = OxmlElement("w:lang")  # spelling and hyphenation in the contract's language
    lang.set(qn("w:val"), lang_tag)
    rpr.append(lang)
    for name, size in (("Heading 1", 13), ("Heading 2", 11.5)):
        doc.styles[name].font.size = Pt(size)
    props = doc.core_properties
    props.title = title
    props.subject = subject
    props.author = "cluster_cli"
    props.last_modified_by = "cluster_cli"
    props.keywords = "praktikaleping; placement contract; docxtpl"
    # docxtpl renders core properties with Jinja too: no braces here.
    props.comments = "Contract template: edit the text freely, keep the template tags. Check: cluster contracts check-template FILE"
    props.language = lang_tag
    props.created = STAMP
    props.modified = STAMP
    props.revision = 1
    props.identifier = ""
    return doc


def save_reproducibly(doc, path: Path) -> None:
    raw = io.BytesIO()
    doc.save(raw)
    src = zipfile.ZipFile(io.BytesIO(raw.getvalue()))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in sorted(src.infolist(), key=lambda i: (i.filename != "[Content_Types].xml", i.filename)):
            pinned = zipfile.ZipInfo(info.filename, date_time=(1980, 1, 1, 0, 0, 0))
            pinned.compress_type = zipfile.ZIP_DEFLATED
            pinned.external_attr = info.external_attr
            dst.writestr(pinned, src.read(info.filename))
    path.write_bytes(out.getvalue())


# --- person lines (a None is never printed: optional parts sit inside {% if %}) -----------------

def person(var: str) -> str:
    return ("{{ " + var + ".name }}{% if " + var + ".role %}, {{ " + var + ".role }}{% endif %}"
            "{% if " + var + ".email %}, {{ " + var + ".email }}{% endif %}"
            "{% if " + var + ".phone %}, {{ " + var + ".phone }}{% endif %}")


# --- the Estonian contract -------------------------------------------------------------------------

def estonian() -> Document:
    doc = new_document("et-EE", "Kolmepoolne praktikaleping", "Praktikaleping (õppekorralduseeskiri 4.11.5, Lisa 7 p 1.4)")
    para(doc, "Kolmepoolne praktikaleping nr {{ placement.id }}", style="Title")
    para(doc, "{{ school.name }} · õppeaasta {{ study_year }}", align=WD_ALIGN_PARAGRAPH.CENTER)
    para(doc, "Lepingu sõlmimise kuupäev on viimase digitaalallkirja andmise kuupäev.",
         align=WD_ALIGN_PARAGRAPH.CENTER, size=9)

    doc.add_heading("1. Lepingu pooled", level=1)
    para(doc, "{{ school.name }} (registrikood {{ school.registry_code }}, aadress {{ school.address }})"
              "{% if school.representative %}, keda esindab {{ school.representative.name }}"
              "{% if school.representative.role %} ({{ school.representative.role }}){% endif %}{% endif %}, "
              "edaspidi **kool**;", style="List Bullet")
    para(doc, "{{ student.name }} (isikukood {{ student.id_code }}{% if student.address %}, elukoht {{ student.address }}{% endif %}"
              "{% if student.email %}, e-post {{ student.email }}{% endif %}{% if student.phone %}, telefon {{ student.phone }}{% endif %}), "
              "õppekava „{{ student.curriculum.name }}“ (kood {{ student.curriculum.code }}) {{ student.course }}. kursuse "
              "õpilane õpperühmast {{ student.group }}, edaspidi **õpilane**;", style="List Bullet")
    tag(doc, "{%p if guardian %}")
    para(doc, "alaealise õpilase seaduslik esindaja {{ guardian.name }}{% if guardian.relation %} ({{ guardian.relation }}){% endif %}"
              "{% if guardian.personal_code %}, isikukood {{ guardian.personal_code }}{% endif %}"
              "{% if guardian.email %}, e-post {{ guardian.email }}{% endif %}{% if guardian.phone %}, telefon {{ guardian.phone }}{% endif %}, "
              "kes allkirjastab lepingu õpilase kõrval ja annab sellega nõusoleku lepingu sõlmimiseks "
              "(õppekorralduseeskirja p 4.11.5), edaspidi **seaduslik esindaja**;", style="List Bullet")
    tag(doc, "{%p endif %}")
    para(doc, "tabelis 1 nimetatud praktikaettevõte{% if placement.joint %}d (ühispraktika){% endif %}, edaspidi "
              "**praktikaettevõte**. Ühispraktika korral kehtivad praktikaettevõtte õigused ja kohustused iga "
              "ettevõtte suhtes tema praktikaperioodil.", style="List Bullet")

    para(doc, "Tabel 1. Praktikaettevõtted, praktikaperioodid ja ettevõttepoolsed praktikajuhendajad "
              "(Lisa 7 p 1.4.2, 1.4.5, 1.4.9)", style="Caption")
    loop_table(
        doc,
        ["Praktikaettevõte", "Periood ja maht", "Ettevõttepoolne praktikajuhendaja", "Ülesanded selles ettevõttes"],
        "{%tr for h in hosts %}",
        [["{{ h.name }}", "registrikood {{ h.registry_code }}",
          "{{ h.address }}", "{% if h.country != 'EE' %}riik: {{ h.country_name }}{% endif %}"],
         ["{{ h.start }} – {{ h.end }}", "{{ h.hours }} tundi"],
         ["{{ h.supervisor.name }}{% if h.supervisor.role %}, {{ h.supervisor.role }}{% endif %}",
          "{% if h.supervisor.email %}{{ h.supervisor.email }}{% endif %}",
          "{% if h.supervisor.phone %}{{ h.supervisor.phone }}{% endif %}"],
         "{% for t in h.tasks %}{{ t.title }}{% if not loop.last %}; {% endif %}{% else %}vt punkt 4{% endfor %}"],
        [4.4, 3.6, 4.2, 4.4],
    )

    doc.add_heading("2. Lepingu ese", level=1)
    para(doc, "2.1. Leping reguleerib õpilase praktikat, mis on õppekava „{{ student.curriculum.name }}“ osa, ning poolte "
              "õigusi ja kohustusi praktika ajal (õppekorralduseeskirja p 4.11 ja Lisa 7).")
    para(doc, "2.2. Praktika toimub mooduli{% if modules|length > 1 %}te{% endif %} "
              "{% for m in modules %}„{{ m.name }}“ ({{ m.id }}){% if not loop.last %}, {% endif %}{% endfor %} raames.")
    para(doc, "2.3. Õpilase individuaalne praktikakava (lisa 1) on lepingu lahutamatu osa (Lisa 7 p 2.6 ja 5.7).")

    doc.add_heading("3. Praktika aeg, kestus ja koht", level=1)
    para(doc, "3.1. Praktika algus on {{ start }} ja lõpp {{ end }} (Lisa 7 p 1.4.2).")
    para(doc, "3.2. Praktika kestus on {{ hours }} tundi õpilase tööd{% if ekap %}, mis vastab {{ ekap }} EKAP-ile{% endif %} "
              "(Lisa 7 p 1.4.3).")
    para(doc, "3.3. Praktikakoht on {{ place }}, aadress {{ address }}{% if placement.abroad %}, {{ country_name }}{% endif %} "
              "(Lisa 7 p 1.4.4).")
    tag(doc, "{%p if placement.joint %}")
    para(doc, "3.4. Praktika on ühispraktika: õpilane sooritab selle järjest tabelis 1 nimetatud praktikaettevõtetes "
              "neile märgitud perioodidel ja mahus.")
    tag(doc, "{%p endif %}")
    para(doc, "3.5. Praktika toimub praktikaettevõtte tööajal, arvestades õpilase vanusest tulenevaid töö- ja "
              "puhkeaja piiranguid.")

    doc.add_heading("4. Praktikaülesanded", level=1)
    para(doc, "4.1. Praktikaülesanded lähtuvad õppekava mooduli õpiväljunditest ja klastri praktiliste ülesannete "
              "loetelust; individuaalsed ülesanded on pooled kokku leppinud (Lisa 7 p 1.4.5).")
    para(doc, "Tabel 2. Praktikaülesanded ja oodatavad tulemused", style="Caption")
    loop_table(
        doc, ["Nr", "Ülesanne", "Praktikaettevõte", "Oodatavad tulemused"],
        "{%tr for t in tasks %}",
        ["{{ loop.index }}", "{{ t.title }}{% if t.code %} ({{ t.code }}){% else %} (individuaalne ülesanne){% endif %}",
         "{{ t.host }}", "{{ t.expected_results|join('; ') }}"],
        [1.2, 6.2, 4.2, 5.0],
    )

    doc.add_heading("5. Õpilase õigused ja kohustused", level=1)
    para(doc, "5.1. Õpilasel on õigus:")
    bullets(doc, [
        "saada praktikaettevõttelt praktikakavas kokku lepitud ülesannete täitmiseks vajalikud töövahendid, "
        "isikukaitsevahendid ja juhendamine;",
        "saada enne praktika algust tööohutus- ja töötervishoiualane juhendamine ning tutvuda praktikaettevõtte "
        "sisekorraeeskirjaga;",
        "pöörduda praktikaga seotud küsimustes koolipoolse praktikajuhendaja poole;",
        "saada tagasisidet oma tegevuse ja õpiväljundite saavutamise kohta.",
    ])
    para(doc, "5.2. Õpilane on kohustatud:")
    bullets(doc, [
        "täitma individuaalses praktikakavas kokku lepitud ülesandeid ning järgima praktikaettevõtte sisekorra-, "
        "töökorralduse-, tööohutus- ja töötervishoiunõudeid;",
        "hoidma praktikaettevõtte ärisaladust ja praktika käigus teatavaks saanud konfidentsiaalset teavet ka pärast "
        "praktika lõppu;",
        "teatama praktikalt puudumisest ja selle põhjusest viivitamata ettevõttepoolsele ja koolipoolsele "
        "praktikajuhendajale;",
        "pidama praktikapäevikut, koostama praktikaaruande ja kaitsma praktika kooli määratud ajal (Lisa 7 p 9.3.4);",
        "suhtuma heaperemehelikult praktikaettevõtte varasse ja töövahenditesse.",
    ])

    doc.add_heading("6. Praktikaettevõtte õigused ja kohustused", level=1)
    para(doc, "6.1. Praktikaettevõttel on õigus:")
    bullets(doc, [
        "nõuda õpilaselt sisekorra, tööohutusnõuete ja konfidentsiaalsuse järgimist;",
        "teha koolile ettepanekuid praktikakava ja praktikakorralduse parandamiseks;",
        "lõpetada leping ennetähtaegselt punktis 9 sätestatud alustel ja korras.",
    ])
    para(doc, "6.2. Praktikaettevõte on kohustatud:")
    bullets(doc, [
        "määrama õpilasele kvalifitseeritud praktikajuhendaja (tabel 1) ja looma tingimused praktikakava täitmiseks;",
        "tutvustama õpilasele enne tööle asumist tööohutus- ja töötervishoiunõudeid ning sisekorda ja andma "
        "vajalikud isikukaitsevahendid;",
        "kasutama õpilast üksnes praktikakavaga seotud ülesannetel;",
        "teatama koolile viivitamata õpilase puudumistest, distsipliinirikkumistest ja praktikaga seotud "
        "õnnetustest;",
        "andma praktika lõppedes hinnangu õpilase tööle ja õpiväljundite saavutatusele (Lisa 7 p 9.3.4).",
    ])

    doc.add_heading("7. Kooli õigused ja kohustused", level=1)
    para(doc, "7.1. Koolil on õigus:")
    bullets(doc, [
        "saada praktikaettevõttelt teavet õpilase praktika kulgemise kohta;",
        "kontrollida praktikakava täitmist ja praktikatingimusi, sh külastada praktikakohta kokkuleppel "
        "praktikaettevõttega.",
    ])
    para(doc, "7.2. Kool on kohustatud:")
    bullets(doc, [
        "koostama koostöös praktikaettevõtte ja õpilasega individuaalse praktikakava (lisa 1) ning valmistama õpilase "
        "praktikaks ette;",
        "määrama koolipoolse praktikajuhendaja, kes nõustab õpilast ja praktikaettevõtet kogu praktika vältel;",
        "korraldama praktika kaitsmise ja hindamise hiljemalt kahe nädala jooksul pärast praktika lõppu "
        "(Lisa 7 p 5.9);",
        "edastama praktikaettevõttele üksnes lepingu täitmiseks vajalikud isikuandmed.",
    ])

    doc.add_heading("8. Juhendajad ja kontaktisikud", level=1)
    para(doc, "8.1. Koolipoolne praktikajuhendaja (Lisa 7 p 2.2): " + person("school_supervisor") + ".")
    para(doc, "8.2. Praktika koordinaator (grupijuhendaja, Lisa 7 p 2.2): " + person("coordinator") + ".")
    para(doc, "8.3. Ettevõttepoolsed praktikajuhendajad (Lisa 7 p 2.3) on nimetatud tabelis 1.")

    doc.add_heading("9. Lepingu muutmine ja lõpetamine", level=1)
    para(doc, "9.1. Lepingut saab muuta poolte kirjalikul kokkuleppel. Muudatus vormistatakse lepingu lisana, mille "
              "allkirjastavad kõik pooled.")
    para(doc, "9.2. Leping lõpeb praktika lõppemisega ja poolte kohustuste täitmisega.")
    para(doc, "9.3. Lepingu võib ennetähtaegselt lõpetada poolte kokkuleppel või ühe poole kirjaliku teatega, kui "
              "õpilane arvatakse õpilaste nimekirjast välja; õpilane rikub oluliselt sisekorra- või tööohutusnõudeid "
              "või punktis 5.2 nimetatud kohustusi; praktikaettevõte ei suuda tagada praktikakava täitmist või ohutuid "
              "töötingimusi; või ilmneb muu asjaolu, mille tõttu ei saa praktikat jätkata.")
    para(doc, "9.4. Lõpetamise soovist teatab pool teistele pooltele kirjalikku taasesitamist võimaldavas vormis "
              "vähemalt viis tööpäeva ette, õpilase tervist või ohutust ohustava rikkumise korral viivitamata. Kool "
              "leiab vajaduse korral õpilasele uue praktikakoha.")

    doc.add_heading("10. Vaidluste lahendamine", level=1)
    para(doc, "10.1. Lepingust tulenevad erimeelsused lahendatakse eelkõige poolte läbirääkimistel koolipoolse "
              "praktikajuhendaja vahendusel.")
    para(doc, "10.2. Kui kokkuleppele ei jõuta, võib õpilane või tema seaduslik esindaja pöörduda kooli direktori poole. "
              "Lahendamata vaidlus lahendatakse kohtus Eesti Vabariigi õigusaktides sätestatud korras.")

    doc.add_heading("11. Lõppsätted", level=1)
    para(doc, "11.1. Leping jõustub allkirjastamisest ja kehtib kuni poolte kohustuste täitmiseni.")
    para(doc, "11.2. Lepingu lisa 1 „Õpilase individuaalne praktikakava“ on lepingu lahutamatu osa.")
    tag(doc, "{%p if consent %}")
    para(doc, "11.3. Alaealise õpilase seadusliku esindaja kirjalik nõusolek välispraktikaks: {{ consent.document }}, "
              "{{ consent.date }} (õppekorralduseeskirja p 4.12.5).")
    tag(doc, "{%p endif %}")
    para(doc, "11.4. Pooled kinnitavad, et on lepingu tingimustega tutvunud ja nõustuvad nendega. Isikuandmeid töödeldakse "
              "üksnes lepingu täitmiseks.")

    doc.add_heading("12. Poolte allkirjad", level=1)
    table(doc, ["Pool", "Nimi ja allkiri"], [
        [["Kool", "{{ school.name }}"],
         ["{% if school.representative %}{{ school.representative.name }}{% if school.representative.role %}, "
          "{{ school.representative.role }}{% endif %}{% endif %}", "/allkirjastatud digitaalselt/"]],
        [["Õpilane"], ["{{ student.name }}", "/allkirjastatud digitaalselt/"]],
        ["{%tr if guardian %}", ""],
        [["Alaealise õpilase seaduslik esindaja"], ["{{ guardian.name }}", "/allkirjastatud digitaalselt/"]],
        ["{%tr endif %}", ""],
        ["{%tr for h in hosts %}", ""],
        [["Praktikaettevõte", "{{ h.name }}"],
         ["{% if h.representative %}{{ h.representative.name }}{% if h.representative.role %}, "
          "{{ h.representative.role }}{% endif %}{% endif %}", "/allkirjastatud digitaalselt/"]],
        ["{%tr endfor %}", ""],
    ], [6.0, 10.6])

    # --- annex: the individual practice plan (Lisa 7 2.6, 5.7, 10.1) ---
    doc.add_page_break()
    doc.add_heading("Lisa 1. Õpilase individuaalne praktikakava", level=1)
    para(doc, "Praktikalepingu nr {{ placement.id }} lisa (Lisa 7 p 2.6 ja 5.7)")
    table(doc, None, [
        ["Õpilane", "{{ student.name }}, õpperühm {{ student.group }}"],
        ["Õppekava", "{{ student.curriculum.name }} ({{ student.curriculum.code }}), {{ student.curriculum.level }}. tase"],
        ["Moodul(id)", "{% for m in modules %}{{ m.name }} ({{ m.id }}){% if not loop.last %}; {% endif %}{% endfor %}"],
        ["Praktika aeg ja maht", "{{ start }} – {{ end }}, {{ hours }} tundi"],
        ["Praktikaettevõte(d)", "{% for h in hosts %}{{ h.name }} ({{ h.start }} – {{ h.end }}, juhendaja {{ h.supervisor.name }})"
                                "{% if not loop.last %}; {% endif %}{% endfor %}"],
        ["Koolipoolne praktikajuhendaja", "{{ school_supervisor.name }}"],
    ], [5.0, 11.6])
    doc.add_heading("1. Praktika eesmärk", level=2)
    para(doc, "{{ plan.goal }}")
    doc.add_heading("2. Praktikaülesanded", level=2)
    loop_bullets(doc, "plan.tasks")
    doc.add_heading("3. Varem läbitud õpingud", level=2)
    loop_bullets(doc, "plan.studies_completed")
    doc.add_heading("4. Oodatavad õpiväljundid", level=2)
    loop_bullets(doc, "plan.expected_outcomes")
    tag(doc, "{%p if plan.special_needs_notes %}")
    doc.add_heading("5. Erivajadusest tulenevad võimed ja soovitused (Lisa 7 p 10.1)", level=2)
    para(doc, "{{ plan.special_needs_notes }}")
    tag(doc, "{%p endif %}")
    para(doc, "Praktikakava on kokku lepitud:")
    table(doc, ["Õpilane", "Koolipoolne praktikajuhendaja", "Ettevõttepoolne praktikajuhendaja"], [
        ["{{ student.name }}", "{{ school_supervisor.name }}",
         "{% for h in hosts %}{{ h.supervisor.name }}{% if not loop.last %}; {% endif %}{% endfor %}"],
        ["/allkirjastatud digitaalselt/"] * 3,
    ], [5.5, 5.5, 5.6])
    page_number_footer(doc, "Praktikaleping nr {{ placement.id }} · {{ student.name }}", "lk")
    return doc


# --- the English agreement (abroad, Lisa 7 12.7.1; 12.7.2 in a mobility project) ------------------------------------------------------

def english() -> Document:
    doc = new_document("en-GB", "Tripartite placement agreement", "Placement agreement (study regulation 4.11.5; Annex 7 1.4, 12.7.1-12.7.2)")
    para(doc, "Tripartite Placement Agreement No {{ placement.id }}", style="Title")
    para(doc, "{{ school.name }} · study year {{ study_year }}", align=WD_ALIGN_PARAGRAPH.CENTER)
    para(doc, "The date of this agreement is the date of the last digital signature.", align=WD_ALIGN_PARAGRAPH.CENTER, size=9)

    doc.add_heading("1. Parties", level=1)
    para(doc, "{{ school.name }} (registry code {{ school.registry_code }}, address {{ school.address }}, Estonia)"
              "{% if school.representative %}, represented by {{ school.representative.name }}"
              "{% if school.representative.role %} ({{ school.representative.role }}){% endif %}{% endif %}, "
              "hereinafter the **School**;", style="List Bullet")
    para(doc, "{{ student.name }} (personal identification code {{ student.id_code }}{% if student.address %}, residing in "
              "{{ student.address }}{% endif %}{% if student.email %}, e-mail {{ student.email }}{% endif %}"
              "{% if student.phone %}, phone {{ student.phone }}{% endif %}), a year {{ student.course }} student of the "
              "curriculum “{{ student.curriculum.name }}” (code {{ student.curriculum.code }}), group {{ student.group }}, "
              "hereinafter the **Student**;", style="List Bullet")
    tag(doc, "{%p if guardian %}")
    para(doc, "the legal representative of the minor Student, {{ guardian.name }}{% if guardian.relation %} "
              "({{ guardian.relation }}){% endif %}{% if guardian.personal_code %}, personal identification code "
              "{{ guardian.personal_code }}{% endif %}{% if guardian.email %}, e-mail {{ guardian.email }}{% endif %}"
              "{% if guardian.phone %}, phone {{ guardian.phone }}{% endif %}, who signs this agreement beside the "
              "Student (study regulation 4.11.5), hereinafter the **Legal Representative**;", style="List Bullet")
    tag(doc, "{%p endif %}")
    para(doc, "the host organisation{% if placement.joint %}s{% endif %} listed in Table 1{% if placement.joint %} "
              "(joint placement){% endif %}, hereinafter the **Host**. In a joint placement the Host's rights and "
              "obligations apply to each host organisation for its own period.", style="List Bullet")
    para(doc, "Table 1. Host organisations, periods and host supervisors (Annex 7 1.4.2, 1.4.5, 1.4.9)", style="Caption")
    loop_table(
        doc, ["Host organisation", "Period and volume", "Host supervisor", "Tasks at this host"],
        "{%tr for h in hosts %}",
        [["{{ h.name }}", "registry code {{ h.registry_code }}", "{{ h.address }}", "country: {{ h.country_name }}"],
         ["{{ h.start }} – {{ h.end }}", "{{ h.hours }} hours"],
         ["{{ h.supervisor.name }}{% if h.supervisor.role %}, {{ h.supervisor.role }}{% endif %}",
          "{% if h.supervisor.email %}{{ h.supervisor.email }}{% endif %}",
          "{% if h.supervisor.phone %}{{ h.supervisor.phone }}{% endif %}"],
         "{% for t in h.tasks %}{{ t.title }}{% if not loop.last %}; {% endif %}{% else %}see section 4{% endfor %}"],
        [4.4, 3.6, 4.2, 4.4],
    )

    doc.add_heading("2. Subject of the agreement", level=1)
    para(doc, "2.1. This agreement governs the Student's work-based learning placement abroad, which is part of the "
              "curriculum “{{ student.curriculum.name }}”, and the rights and obligations of the parties during it "
              "(study regulation 4.11, 4.12 and Annex 7 {% if placement.mobility_project %}12.7.2{% else %}12.7.1{% endif %}).")
    para(doc, "2.2. The placement is part of the module{% if modules|length > 1 %}s{% endif %} "
              "{% for m in modules %}“{{ m.name }}” ({{ m.id }}){% if not loop.last %}, {% endif %}{% endfor %}.")
    para(doc, "2.3. The Student's individual practice plan (Annex 1) is an integral part of this agreement "
              "(Annex 7 2.6 and 5.7).")

    doc.add_heading("3. Dates, duration and place", level=1)
    para(doc, "3.1. The placement starts on {{ start }} and ends on {{ end }} (Annex 7 1.4.2).")
    para(doc, "3.2. The placement comprises {{ hours }} hours of the Student's work{% if ekap %}, equal to {{ ekap }} "
              "EKAP (Estonian vocational credit points){% endif %} (Annex 7 1.4.3).")
    para(doc, "3.3. The place of the placement is {{ place }}, address {{ address }} ({{ country_name }}) (Annex 7 1.4.4).")
    tag(doc, "{%p if placement.joint %}")
    para(doc, "3.4. This is a joint placement: the Student works in turn at the host organisations listed in Table 1 "
              "for the periods and volumes given there.")
    tag(doc, "{%p endif %}")
    para(doc, "3.5. The placement follows the Host's working hours, respecting the limits on working and rest time "
              "that apply to the Student's age under the law of the host country.")

    doc.add_heading("4. Placement tasks", level=1)
    para(doc, "4.1. The tasks follow the learning outcomes of the curriculum module and the cluster's catalogue of "
              "practical tasks; individual tasks have been agreed by the parties (Annex 7 1.4.5).")
    para(doc, "Table 2. Tasks and expected results", style="Caption")
    loop_table(
        doc, ["No", "Task", "Host", "Expected results"],
        "{%tr for t in tasks %}",
        ["{{ loop.index }}", "{{ t.title }}{% if t.code %} ({{ t.code }}){% else %} (individual task){% endif %}",
         "{{ t.host }}", "{{ t.expected_results|join('; ') }}"],
        [1.2, 6.2, 4.2, 5.0],
    )

    doc.add_heading("5. Rights and obligations of the Student", level=1)
    para(doc, "5.1. The Student has the right to:")
    bullets(doc, [
        "receive from the Host the equipment, personal protective equipment and supervision needed for the agreed tasks;",
        "receive health and safety instruction before starting work and be introduced to the Host's house rules;",
        "turn to the school-side supervisor with any question about the placement;",
        "receive feedback on their work and on the learning outcomes achieved.",
    ])
    para(doc, "5.2. The Student shall:")
    bullets(doc, [
        "carry out the tasks of the individual practice plan and follow the Host's house rules, work organisation, "
        "and health and safety requirements;",
        "keep the Host's business secrets and any confidential information learnt during the placement, also after it ends;",
        "inform the host supervisor and the school-side supervisor without delay of any absence and its reason;",
        "keep a practice diary, write a placement report and defend the placement at the time set by the School "
        "(Annex 7 9.3.4);",
        "take good care of the Host's property and equipment.",
    ])

    doc.add_heading("6. Rights and obligations of the Host", level=1)
    para(doc, "6.1. The Host has the right to:")
    bullets(doc, [
        "require the Student to follow the house rules, safety requirements and confidentiality;",
        "propose improvements of the practice plan and the organisation of the placement to the School;",
        "terminate the agreement early on the grounds and by the procedure of section 9.",
    ])
    para(doc, "6.2. The Host shall:")
    bullets(doc, [
        "appoint a qualified host supervisor (Table 1) and provide the conditions for carrying out the practice plan;",
        "instruct the Student in health and safety and the house rules before work starts and provide the necessary "
        "personal protective equipment;",
        "give the Student only tasks related to the practice plan;",
        "inform the School without delay of the Student's absences, breaches of discipline and any accident;",
        "assess the Student's work and the learning outcomes achieved at the end of the placement (Annex 7 9.3.4).",
    ])

    doc.add_heading("7. Rights and obligations of the School", level=1)
    para(doc, "7.1. The School has the right to:")
    bullets(doc, [
        "receive information from the Host on the progress of the placement;",
        "monitor the practice plan and the placement conditions, including visits (on site or online) agreed with the Host.",
    ])
    para(doc, "7.2. The School shall:")
    bullets(doc, [
        "draw up the individual practice plan (Annex 1) with the Host and the Student and prepare the Student for the placement;",
        "appoint a school-side supervisor who advises the Student and the Host throughout the placement;",
        "organise the defense and assessment of the placement within two weeks of its end (Annex 7 5.9);",
        "pass to the Host only the personal data needed to perform this agreement.",
    ])

    doc.add_heading("8. Supervisors and contacts", level=1)
    para(doc, "8.1. School-side supervisor (Annex 7 2.2): " + person("school_supervisor") + ".")
    para(doc, "8.2. Placement coordinator (group supervisor, Annex 7 2.2): " + person("coordinator") + ".")
    para(doc, "8.3. The host supervisors (Annex 7 2.3) are named in Table 1.")

    doc.add_heading("9. Amendment and termination of the agreement", level=1)
    para(doc, "9.1. This agreement may be amended by written agreement of the parties. An amendment is made as an annex "
              "signed by all parties.")
    para(doc, "9.2. The agreement ends when the placement has ended and the parties have fulfilled their obligations.")
    para(doc, "9.3. The agreement may be terminated early by agreement of the parties or by written notice of one party "
              "if the Student is removed from the School's list of students; the Student seriously breaches the house "
              "rules, safety requirements or the obligations of clause 5.2; the Host cannot ensure the practice plan or "
              "safe working conditions; or another circumstance makes continuing the placement impossible.")
    para(doc, "9.4. A party wishing to terminate notifies the others in a form that can be reproduced in writing at least "
              "five working days in advance, or at once where the Student's health or safety is at risk. The School "
              "then helps the Student to find a new placement.")

    doc.add_heading("10. Settlement of disputes", level=1)
    para(doc, "10.1. Disagreements arising from this agreement are settled first by negotiation between the parties, "
              "mediated by the school-side supervisor.")
    para(doc, "10.2. If no agreement is reached, the Student or the Legal Representative may turn to the head of the "
              "School. Unresolved disputes are settled in court under the law of the Republic of Estonia.")

    doc.add_heading("11. Final provisions", level=1)
    para(doc, "11.1. This agreement enters into force when signed by all parties and remains in force until the parties "
              "have fulfilled their obligations.")
    para(doc, "11.2. Annex 1 “Individual practice plan” is an integral part of this agreement.")
    tag(doc, "{%p if consent %}")
    para(doc, "11.3. The written consent of the Legal Representative of the minor Student to the placement abroad: "
              "{{ consent.document }}, dated {{ consent.date }} (study regulation 4.12.5).")
    tag(doc, "{%p endif %}")
    para(doc, "11.4. The parties confirm that they have read and accept the terms of this agreement. Personal data are "
              "processed only to perform this agreement. This agreement is made in English (Annex 7 {% if placement.mobility_project %}12.7.2{% else %}12.7.1{% endif %})."
              "{% if placement.mobility_project %} The School and the Student also conclude a separate bilateral "
              "agreement in Estonian (Annex 7 12.7.2).{% endif %}")

    doc.add_heading("12. Signatures", level=1)
    table(doc, ["Party", "Name and signature"], [
        [["School", "{{ school.name }}"],
         ["{% if school.representative %}{{ school.representative.name }}{% if school.representative.role %}, "
          "{{ school.representative.role }}{% endif %}{% endif %}", "/signed digitally/"]],
        [["Student"], ["{{ student.name }}", "/signed digitally/"]],
        ["{%tr if guardian %}", ""],
        [["Legal representative of the minor Student"], ["{{ guardian.name }}", "/signed digitally/"]],
        ["{%tr endif %}", ""],
        ["{%tr for h in hosts %}", ""],
        [["Host", "{{ h.name }}"],
         ["{% if h.representative %}{{ h.representative.name }}{% if h.representative.role %}, "
          "{{ h.representative.role }}{% endif %}{% endif %}", "/signed/"]],
        ["{%tr endfor %}", ""],
    ], [6.0, 10.6])

    doc.add_page_break()
    doc.add_heading("Annex 1. Individual practice plan", level=1)
    para(doc, "Annex to placement agreement No {{ placement.id }} (Annex 7 2.6 and 5.7)")
    table(doc, None, [
        ["Student", "{{ student.name }}, group {{ student.group }}"],
        ["Curriculum", "{{ student.curriculum.name }} ({{ student.curriculum.code }}), EQF level {{ student.curriculum.level }}"],
        ["Module(s)", "{% for m in modules %}{{ m.name }} ({{ m.id }}){% if not loop.last %}; {% endif %}{% endfor %}"],
        ["Dates and volume", "{{ start }} – {{ end }}, {{ hours }} hours"],
        ["Host(s)", "{% for h in hosts %}{{ h.name }} ({{ h.start }} – {{ h.end }}, supervisor {{ h.supervisor.name }})"
                    "{% if not loop.last %}; {% endif %}{% endfor %}"],
        ["School-side supervisor", "{{ school_supervisor.name }}"],
    ], [5.0, 11.6])
    doc.add_heading("1. Goal of the placement", level=2)
    para(doc, "{{ plan.goal }}")
    doc.add_heading("2. Tasks", level=2)
    loop_bullets(doc, "plan.tasks")
    doc.add_heading("3. Studies completed", level=2)
    loop_bullets(doc, "plan.studies_completed")
    doc.add_heading("4. Expected learning outcomes", level=2)
    loop_bullets(doc, "plan.expected_outcomes")
    tag(doc, "{%p if plan.special_needs_notes %}")
    doc.add_heading("5. Abilities and recommendations for special educational needs (Annex 7 10.1)", level=2)
    para(doc, "{{ plan.special_needs_notes }}")
    tag(doc, "{%p endif %}")
    para(doc, "The practice plan has been agreed by:")
    table(doc, ["Student", "School-side supervisor", "Host supervisor"], [
        ["{{ student.name }}", "{{ school_supervisor.name }}",
         "{% for h in hosts %}{{ h.supervisor.name }}{% if not loop.last %}; {% endif %}{% endfor %}"],
        ["/signed/"] * 3,
    ], [5.5, 5.5, 5.6])
    page_number_footer(doc, "Placement agreement No {{ placement.id }} · {{ student.name }}", "page")
    return doc


# --- the Estonian bilateral agreement (abroad in a mobility project, Lisa 7 12.7.2) -------------

def two_party() -> Document:
    doc = new_document("et-EE", "Välispraktika leping", "Kahepoolne välispraktika leping (Lisa 7 p 12.7.2)")
    para(doc, "Välispraktika leping nr {{ placement.id }}", style="Title")
    para(doc, "Kahepoolne leping kooli ja õpilase vahel õpirände projekti raames toimuva välispraktika kohta "
              "(õppekorralduseeskirja Lisa 7 p 12.7.2)", align=WD_ALIGN_PARAGRAPH.CENTER)
    para(doc, "{{ school.name }} · õppeaasta {{ study_year }}", align=WD_ALIGN_PARAGRAPH.CENTER)
    para(doc, "Lepingu sõlmimise kuupäev on viimase digitaalallkirja andmise kuupäev.",
         align=WD_ALIGN_PARAGRAPH.CENTER, size=9)

    doc.add_heading("1. Lepingu pooled", level=1)
    para(doc, "{{ school.name }} (registrikood {{ school.registry_code }}, aadress {{ school.address }})"
              "{% if school.representative %}, keda esindab {{ school.representative.name }}"
              "{% if school.representative.role %} ({{ school.representative.role }}){% endif %}{% endif %}, "
              "edaspidi **kool**;", style="List Bullet")
    para(doc, "{{ student.name }} (isikukood {{ student.id_code }}{% if student.address %}, elukoht {{ student.address }}{% endif %}"
              "{% if student.email %}, e-post {{ student.email }}{% endif %}{% if student.phone %}, telefon {{ student.phone }}{% endif %}), "
              "õppekava „{{ student.curriculum.name }}“ (kood {{ student.curriculum.code }}) {{ student.course }}. kursuse "
              "õpilane õpperühmast {{ student.group }}, edaspidi **õpilane**.", style="List Bullet")
    tag(doc, "{%p if guardian %}")
    para(doc, "Alaealise õpilase seaduslik esindaja {{ guardian.name }}{% if guardian.relation %} ({{ guardian.relation }}){% endif %}"
              " allkirjastab lepingu õpilase kõrval (õppekorralduseeskirja p 4.11.5 ja 4.12.5).")
    tag(doc, "{%p endif %}")

    doc.add_heading("2. Lepingu ese", level=1)
    para(doc, "2.1. Õpilane sooritab välispraktika õpirände projekti raames õppekava „{{ student.curriculum.name }}“ "
              "mooduli{% if modules|length > 1 %}te{% endif %} {% for m in modules %}„{{ m.name }}“ ({{ m.id }})"
              "{% if not loop.last %}, {% endif %}{% endfor %} osana (Lisa 7 p 12.1).")
    para(doc, "2.2. Kool, õpilane ja vastuvõttev organisatsioon sõlmivad lisaks eraldi kolmepoolse ingliskeelse "
              "projektilepingu nr {{ placement.id }} (Lisa 7 p 12.7.2); selle lisa on õpilase individuaalne "
              "praktikakava (Lisa 7 p 12.7.3).")

    doc.add_heading("3. Välispraktika aeg ja koht", level=1)
    para(doc, "3.1. Välispraktika algab {{ start }} ja lõpeb {{ end }}.")
    para(doc, "3.2. Välispraktika maht on {{ hours }} tundi{% if ekap %} ({{ ekap }} EKAP){% endif %}.")
    para(doc, "3.3. Välispraktika toimub: {{ place }}, {{ address }} ({{ country_name }}); vastuvõttev organisatsioon "
              "{% for h in hosts %}{{ h.name }}{% if not loop.last %}, {% endif %}{% endfor %}.")

    doc.add_heading("4. Õpilase kohustused", level=1)
    bullets(doc, [
        "täita projektilepingut ja individuaalset praktikakava ning järgida vastuvõtva organisatsiooni töökorraldust "
        "ja ohutusnõudeid;",
        "kanda igapäevased tegevused kooli kinnitatud praktikapäevikusse inglise keeles (Lisa 7 p 12.7.4);",
        "esitada pärast välispraktikat koolipoolsele praktikajuhendajale praktikapäevik, juhendaja tagasiside ja "
        "hinnang ning praktika aruanne ja kaitsta praktika kooli määratud ajal (Lisa 7 p 12.7.5, 9.3.4);",
        "teavitada kooli viivitamata välispraktika katkemisest või muust olulisest asjaolust.",
    ])

    doc.add_heading("5. Kooli kohustused", level=1)
    bullets(doc, [
        "valmistada õpilane välispraktikaks ette ja koostada koos temaga individuaalne praktikakava;",
        "määrata koolipoolne praktikajuhendaja: " + person("school_supervisor") + ";",
        "arvestada välispraktikal saavutatud õpiväljundid õppekava täitmisel (õppekorralduseeskirja p 4.12.4);",
        "korraldada praktika kaitsmine ja hindamine (Lisa 7 p 5.9).",
    ])
    tag(doc, "{%p if consent %}")
    para(doc, "5.1. Alaealise õpilase seadusliku esindaja kirjalik nõusolek välismaale praktikale asumiseks: "
              "{{ consent.document }}, {{ consent.date }} (õppekorralduseeskirja p 4.12.5).")
    tag(doc, "{%p endif %}")

    doc.add_heading("6. Lõppsätted", level=1)
    para(doc, "6.1. Leping jõustub allkirjastamisel ja kehtib kuni poolte kohustuste täitmiseni.")
    para(doc, "6.2. Lepingu muutmine ja lõpetamine: lepingut saab muuta poolte kirjalikul kokkuleppel; leping lõpeb "
              "ennetähtaegselt, kui projektileping (p 2.2) lõpeb või õpilane arvatakse koolist välja.")
    para(doc, "6.3. Vaidlused lahendatakse läbirääkimiste teel; kokkuleppe puudumisel Eesti Vabariigi õiguse järgi.")

    doc.add_heading("7. Poolte allkirjad", level=1)
    table(doc, ["Pool", "Nimi ja allkiri"], [
        [["Kool", "{{ school.name }}"],
         ["{% if school.representative %}{{ school.representative.name }}{% if school.representative.role %}, "
          "{{ school.representative.role }}{% endif %}{% endif %}", "/allkirjastatud digitaalselt/"]],
        [["Õpilane"], ["{{ student.name }}", "/allkirjastatud digitaalselt/"]],
        ["{%tr if guardian %}", ""],
        [["Alaealise õpilase seaduslik esindaja"], ["{{ guardian.name }}", "/allkirjastatud digitaalselt/"]],
        ["{%tr endif %}", ""],
    ], [6.0, 10.6])
    page_number_footer(doc, "Välispraktika leping nr {{ placement.id }} · {{ student.name }}", "lk")
    return doc


def main(argv: list[str]) -> int:
    here = Path(__file__).resolve().parent
    outs = [Path(argv[0])] if argv else [here.parent / "cluster_cli" / "templates", here]
    for out in outs:
        out.mkdir(parents=True, exist_ok=True)
        save_reproducibly(estonian(), out / "praktikaleping_et.docx")
        save_reproducibly(english(), out / "placement_agreement_en.docx")
        save_reproducibly(two_party(), out / "valispraktikaleping_et.docx")
        print(f"wrote praktikaleping_et.docx, placement_agreement_en.docx and valispraktikaleping_et.docx to {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
