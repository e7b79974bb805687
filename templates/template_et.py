"""The Estonian tripartite placement contract (4.11.5, Lisa 7 1.4) with the individual practice
plan as annex "Lisa 1" (Lisa 7 5.7)."""

from __future__ import annotations

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH

from docx_builders import (bullets, keep_with_next, loop_bullets, loop_table, new_document, page_number_footer, para,
                           person, signature_heading, signature_lines, signature_table, table, tag)

SIGNED = signature_lines("/allkirjastatud digitaalselt/", "Allkiri", "Kuupäev")
SIGNED_NARROW = signature_lines("/allkirjastatud digitaalselt/", "Allkiri", "Kuupäev", 14)  # a third of the page


# --- the Estonian contract -------------------------------------------------------------------------

def estonian() -> Document:
    # The title names no count of parties: section 1 lists them (three, four with a minor's legal
    # representative, more with a joint placement), and a title that counts could contradict it.
    doc = new_document("et-EE", "Praktikaleping", "Praktikaleping (õppekorralduseeskiri 4.11.5, Lisa 7 p 1.4)")
    para(doc, "Praktikaleping nr {{ placement.id }}", style="Title")
    school_and_student(doc, "{% if guardian or host_parties %};{% else %}.{% endif %}")
    tag(doc, "{%p if guardian %}")
    para(doc, "alaealise õpilase seaduslik esindaja {{ guardian.name }}{% if guardian.relation %} ({{ guardian.relation }}){% endif %}"
              "{% if guardian.personal_code %}, isikukood {{ guardian.personal_code }}{% endif %}"
              "{% if guardian.email %}, e-post {{ guardian.email }}{% endif %}{% if guardian.phone %}, telefon {{ guardian.phone }}{% endif %}, "
              "kes allkirjastab lepingu õpilase kõrval ja annab sellega nõusoleku lepingu sõlmimiseks "
              "(õppekorralduseeskirja p 4.11.5), edaspidi **seaduslik esindaja**{% if host_parties %};{% else %}.{% endif %}", style="List Bullet")
    tag(doc, "{%p endif %}")
    tag(doc, "{%p if host_parties %}")
    para(doc, "tabelis 1 nimetatud praktikaettevõte{% if host_parties|length > 1 %}d (ühispraktika){% endif %}, edaspidi "
              "**praktikaettevõte**. Ühispraktika korral kehtivad praktikaettevõtte õigused ja kohustused iga "
              "ettevõtte suhtes tema praktikaperioodil.", style="List Bullet")
    tag(doc, "{%p endif %}")
    tag(doc, "{%p if placement.school_is_host %}")
    para(doc, "Praktika toimub{% if host_parties %} tabelis 1 märgitud perioodil{% endif %} koolis: kool on ühtlasi "
              "praktikakoht ja täidab selle perioodi praktikaettevõtte õigusi ja kohustusi.")
    tag(doc, "{%p endif %}")

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
    # a joint placement has as many addresses as hosts: table 1 gives each
    para(doc, "3.3. {% if placement.joint %}Praktikakohad on tabelis 1 nimetatud praktikaettevõtted nende "
              "aadressidel{% else %}Praktikakoht on {{ place }}, aadress {{ address }}{% if placement.abroad %}, "
              "{{ country_name }}{% endif %}{% endif %} (Lisa 7 p 1.4.4).")
    para(doc, "3.4. Praktika toimub praktikaettevõtte tööajal, arvestades õpilase vanusest tulenevaid töö- ja "
              "puhkeaja piiranguid.")
    # an optional clause is the last of its section: leaving it out never leaves a gap
    tag(doc, "{%p if placement.joint %}")
    para(doc, "3.5. Praktika on ühispraktika: õpilane sooritab selle järjest tabelis 1 nimetatud praktikakohtades "
              "neile märgitud perioodidel ja mahus.")
    tag(doc, "{%p endif %}")

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
    para(doc, "11.3. Pooled kinnitavad, et on lepingu tingimustega tutvunud ja nõustuvad nendega. Isikuandmeid töödeldakse "
              "üksnes lepingu täitmiseks.")
    tag(doc, "{%p if consent %}")
    para(doc, "11.4. Alaealise õpilase seadusliku esindaja kirjalik nõusolek välispraktikaks: {{ consent.document }}, "
              "{{ consent.date }} (õppekorralduseeskirja p 4.12.5).")
    tag(doc, "{%p endif %}")

    signature_heading(doc, "12. Poolte allkirjad")
    signature_table(doc, ["Pool", "Nimi ja allkiri"], [
        *SCHOOL_AND_STUDENT_SIGN,
        ["{%tr for h in host_parties %}", ""],
        [["Praktikaettevõte", "{{ h.name }}"],
         ["{% if h.representative %}{{ h.representative.name }}{% if h.representative.role %}, "
          "{{ h.representative.role }}{% endif %}{% endif %}", *SIGNED]],
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
    keep_with_next(para(doc, "Praktikakava on kokku lepitud:"))
    signature_table(doc, ["Õpilane", "Koolipoolne praktikajuhendaja", "Ettevõttepoolne praktikajuhendaja"], [
        ["{{ student.name }}", "{{ school_supervisor.name }}",
         "{% for h in hosts %}{{ h.supervisor.name }}{% if not loop.last %}; {% endif %}{% endfor %}"],
        [SIGNED_NARROW] * 3,
    ], [5.5, 5.5, 5.6])
    page_number_footer(doc, "Praktikaleping nr {{ placement.id }} · {{ student.name }}", "lk")
    return doc


def school_and_student(doc: Document, end: str) -> None:
    """The heading under the title and the first two parties, the school and the student, that
    the tripartite contract and the two-party agreement (Lisa 7 12.7.2) share; `end` closes the
    student's item (";" when more parties follow)."""
    para(doc, "{{ school.name }} · õppeaasta {{ study_year }}", align=WD_ALIGN_PARAGRAPH.CENTER)
    para(doc, "Lepingu sõlmimise kuupäev on viimase {% if signatures == 'paper' %}allkirja{% else %}digitaalallkirja"
              "{% endif %} andmise kuupäev.", align=WD_ALIGN_PARAGRAPH.CENTER, size=9)
    doc.add_heading("1. Lepingu pooled", level=1)
    para(doc, "{{ school.name }} (registrikood {{ school.registry_code }}, aadress {{ school.address }})"
              "{% if school.representative %}, keda esindab {{ school.representative.name }}"
              "{% if school.representative.role %} ({{ school.representative.role }}){% endif %}{% endif %}, "
              "edaspidi **kool**;", style="List Bullet")
    para(doc, "{{ student.name }} ({% if student.personal_code %}isikukood {{ student.id_code }}{% else %}dokument: "
              "{{ student.id_code }}, sünniaeg {{ student.birth_date }}{% endif %}{% if student.address %}, elukoht {{ student.address }}{% endif %}"
              "{% if student.email %}, e-post {{ student.email }}{% endif %}{% if student.phone %}, telefon {{ student.phone }}{% endif %}), "
              "õppekava „{{ student.curriculum.name }}“ (kood {{ student.curriculum.code }}) {{ student.course }}. kursuse "
              "õpilane õpperühmast {{ student.group }}, edaspidi **õpilane**" + end, style="List Bullet")


# the signature rows of the school, the student and a minor's guardian, shared by the contract and
# the two-party agreement (Lisa 7 12.7.2)
SCHOOL_AND_STUDENT_SIGN = [
    [["Kool", "{{ school.name }}"],
     ["{% if school.representative %}{{ school.representative.name }}{% if school.representative.role %}, "
      "{{ school.representative.role }}{% endif %}{% endif %}", *SIGNED]],
    [["Õpilane"], ["{{ student.name }}", *SIGNED]],
    ["{%tr if guardian %}", ""],
    [["Alaealise õpilase seaduslik esindaja"], ["{{ guardian.name }}", *SIGNED]],
    ["{%tr endif %}", ""],
]
