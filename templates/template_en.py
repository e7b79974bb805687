"""The English tripartite agreement for placements abroad (Lisa 7 12.7.1; in a mobility project
the project agreement of 12.7.2)."""

from __future__ import annotations

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH

from docx_builders import (bullets, keep_with_next, loop_bullets, loop_table, new_document, page_number_footer, para,
                           person, signature_heading, signature_lines, signature_table, table, tag)

SIGNED = signature_lines("/signed digitally/", "Signature", "Date")
SIGNED_NARROW = signature_lines("/signed digitally/", "Signature", "Date", 14)  # a third of the page


# --- the English agreement (abroad, Lisa 7 12.7.1; 12.7.2 in a mobility project) ------------------------------------------------------

def english() -> Document:
    # No count of parties in the title (see template_et.py): section 1 lists them.
    doc = new_document("en-GB", "Placement agreement", "Placement agreement (study regulation 4.11.5; Annex 7 1.4, 12.7.1-12.7.2)")
    para(doc, "Placement Agreement No {{ placement.id }}", style="Title")
    para(doc, "{{ school.name }} · study year {{ study_year }}", align=WD_ALIGN_PARAGRAPH.CENTER)
    para(doc, "The date of this agreement is the date of the last {% if signatures != 'paper' %}digital {% endif %}signature.",
         align=WD_ALIGN_PARAGRAPH.CENTER, size=9)

    doc.add_heading("1. Parties", level=1)
    para(doc, "{{ school.name }} (registry code {{ school.registry_code }}, address {{ school.address }}, Estonia)"
              "{% if school.representative %}, represented by {{ school.representative.name }}"
              "{% if school.representative.role %} ({{ school.representative.role }}){% endif %}{% endif %}, "
              "hereinafter the **School**;", style="List Bullet")
    para(doc, "{{ student.name }} ({% if student.personal_code %}personal identification code {{ student.id_code }}"
              "{% else %}document: {{ student.id_code }}, date of birth {{ student.birth_date }}{% endif %}{% if student.address %}, residing in "
              "{{ student.address }}{% endif %}{% if student.email %}, e-mail {{ student.email }}{% endif %}"
              "{% if student.phone %}, phone {{ student.phone }}{% endif %}), a year {{ student.course }} student of the "
              "curriculum “{{ student.curriculum.name }}” (code {{ student.curriculum.code }}), group {{ student.group }}, "
              "hereinafter the **Student**{% if guardian or host_parties %};{% else %}.{% endif %}", style="List Bullet")
    tag(doc, "{%p if guardian %}")
    para(doc, "the legal representative of the minor Student, {{ guardian.name }}{% if guardian.relation %} "
              "({{ guardian.relation }}){% endif %}{% if guardian.personal_code %}, personal identification code "
              "{{ guardian.personal_code }}{% endif %}{% if guardian.email %}, e-mail {{ guardian.email }}{% endif %}"
              "{% if guardian.phone %}, phone {{ guardian.phone }}{% endif %}, who signs this agreement beside the "
              "Student (study regulation 4.11.5), hereinafter the **Legal Representative**{% if host_parties %};{% else %}.{% endif %}", style="List Bullet")
    tag(doc, "{%p endif %}")
    tag(doc, "{%p if host_parties %}")
    para(doc, "the host organisation{% if host_parties|length > 1 %}s{% endif %} listed in Table 1{% if host_parties|length > 1 %} "
              "(joint placement){% endif %}, hereinafter the **Host**. In a joint placement the Host's rights and "
              "obligations apply to each host organisation for its own period.", style="List Bullet")
    tag(doc, "{%p endif %}")
    tag(doc, "{%p if placement.school_is_host %}")
    para(doc, "The placement takes place{% if host_parties %} for the period given in Table 1{% endif %} at the School, "
              "which is also the place of the placement and has the Host's rights and obligations for that period.")
    tag(doc, "{%p endif %}")
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
    para(doc, "3.3. {% if placement.joint %}The places of the placement are the hosts named in table 1, at their "
              "addresses{% else %}The place of the placement is {{ place }}, address {{ address }} ({{ country_name }})"
              "{% endif %} (Annex 7 1.4.4).")
    para(doc, "3.4. The placement follows the Host's working hours, respecting the limits on working and rest time "
              "that apply to the Student's age under the law of the host country.")
    # an optional clause is the last of its section: leaving it out never leaves a gap
    tag(doc, "{%p if placement.joint %}")
    para(doc, "3.5. This is a joint placement: the Student works in turn at the places listed in Table 1 "
              "for the periods and volumes given there.")
    tag(doc, "{%p endif %}")

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
    para(doc, "11.3. The parties confirm that they have read and accept the terms of this agreement. Personal data are "
              "processed only to perform this agreement. This agreement is made in English (Annex 7 {% if placement.mobility_project %}12.7.2{% else %}12.7.1{% endif %})."
              "{% if placement.mobility_project %} The School and the Student also conclude a separate bilateral "
              "agreement in Estonian (Annex 7 12.7.2).{% endif %}")
    tag(doc, "{%p if consent %}")
    para(doc, "11.4. The written consent of the Legal Representative of the minor Student to the placement abroad: "
              "{{ consent.document }}, dated {{ consent.date }} (study regulation 4.12.5).")
    tag(doc, "{%p endif %}")

    signature_heading(doc, "12. Signatures")
    signature_table(doc, ["Party", "Name and signature"], [
        [["School", "{{ school.name }}"],
         ["{% if school.representative %}{{ school.representative.name }}{% if school.representative.role %}, "
          "{{ school.representative.role }}{% endif %}{% endif %}", *SIGNED]],
        [["Student"], ["{{ student.name }}", *SIGNED]],
        ["{%tr if guardian %}", ""],
        [["Legal representative of the minor Student"], ["{{ guardian.name }}", *SIGNED]],
        ["{%tr endif %}", ""],
        ["{%tr for h in host_parties %}", ""],
        [["Host", "{{ h.name }}"],
         ["{% if h.representative %}{{ h.representative.name }}{% if h.representative.role %}, "
          "{{ h.representative.role }}{% endif %}{% endif %}", *SIGNED]],
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
    keep_with_next(para(doc, "The practice plan has been agreed by:"))
    signature_table(doc, ["Student", "School-side supervisor", "Host supervisor"], [
        ["{{ student.name }}", "{{ school_supervisor.name }}",
         "{% for h in hosts %}{{ h.supervisor.name }}{% if not loop.last %}; {% endif %}{% endfor %}"],
        [SIGNED_NARROW] * 3,
    ], [5.5, 5.5, 5.6])
    page_number_footer(doc, "Placement agreement No {{ placement.id }} · {{ student.name }}", "page")
    return doc
