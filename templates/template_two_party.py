"""The Estonian bilateral school–student agreement of a placement abroad within a mobility
project (Lisa 7 12.7.2)."""

from __future__ import annotations

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH

from template_et import SCHOOL_AND_STUDENT_SIGN, school_and_student
from docx_builders import bullets, new_document, page_number_footer, para, person, signature_heading, signature_table, tag


# --- the Estonian bilateral agreement (abroad in a mobility project, Lisa 7 12.7.2) -------------

def two_party() -> Document:
    doc = new_document("et-EE", "Välispraktika leping", "Kahepoolne välispraktika leping (Lisa 7 p 12.7.2)")
    para(doc, "Välispraktika leping nr {{ placement.id }}", style="Title")
    para(doc, "Kahepoolne leping kooli ja õpilase vahel õpirände projekti raames toimuva välispraktika kohta "
              "(õppekorralduseeskirja Lisa 7 p 12.7.2)", align=WD_ALIGN_PARAGRAPH.CENTER)
    school_and_student(doc, ".")
    tag(doc, "{%p if guardian %}")
    para(doc, "Alaealise õpilase seaduslik esindaja {{ guardian.name }}{% if guardian.relation %} ({{ guardian.relation }}){% endif %}"
              " allkirjastab lepingu õpilase kõrval (õppekorralduseeskirja p 4.11.5 ja 4.12.5).")
    tag(doc, "{%p endif %}")

    doc.add_heading("2. Lepingu ese", level=1)
    para(doc, "2.1. Õpilane sooritab välispraktika õpirände projekti raames õppekava „{{ student.curriculum.name }}“ "
              "mooduli{% if modules|length > 1 %}te{% endif %} {% for m in modules %}„{{ m.name }}“ ({{ m.id }})"
              "{% if not loop.last %}, {% endif %}{% endfor %} osana (Lisa 7 p 12.1).")
    para(doc, "2.2. Kool, õpilane ja vastuvõttev organisatsioon sõlmivad lisaks eraldi ingliskeelse "
              "projektilepingu nr {{ placement.id }} (Lisa 7 p 12.7.2); selle lisa on õpilase individuaalne "
              "praktikakava (Lisa 7 p 12.7.3).")

    doc.add_heading("3. Välispraktika aeg ja koht", level=1)
    para(doc, "3.1. Välispraktika toimub ajavahemikul {{ start }} – {{ end }}.")  # a date in the nominative reads right here
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

    signature_heading(doc, "7. Poolte allkirjad")
    signature_table(doc, ["Pool", "Nimi ja allkiri"], [
        *SCHOOL_AND_STUDENT_SIGN,
    ], [6.0, 10.6])
    page_number_footer(doc, "Välispraktika leping nr {{ placement.id }} · {{ student.name }}", "lk")
    return doc
