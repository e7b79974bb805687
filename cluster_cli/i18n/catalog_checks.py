"""Messages of the journal-consistency rules (`regulation/rules/grades.py`) and the profile
checks added with issue 16: ``key: (Estonian, English)``, hints under ``key.hint``."""

MESSAGES: dict[str, tuple[str, str]] = {
    # 4.7.5 attendance marks
    "attendance-count": (
        "Perioodis {period} on märgitud P {unexcused}, H {late} ja V {excused} tundi — rohkem kui perioodi {lessons} tundi.",
        "Period {period} marks {unexcused} lessons P, {late} H and {excused} V — more than the period's {lessons} lessons.",
    ),
    "attendance-count.hint": (
        "Iga tund märgitakse kõige rohkem üks kord (P, H või V): paranda lessons või puudumiste arv.",
        "Each lesson is marked at most once (P, H or V): correct lessons or the absence counts.",
    ),
    "rule.attendance-count": (
        "Puudumiste ja hilinemiste tunde ei ole rohkem kui perioodi tunde (4.7.5).",
        "Absences and late arrivals are no more than the period's lessons (4.7.5).",
    ),
    # 6.2.2 agreement and clearing dates
    "debt-dates.resit_agreed": (
        "Järelevastamine on kokku lepitud {date}, enne kui võlgnevus moodulis {module} tekkis ({arose}).",
        "The re-sit was agreed on {date}, before the debt in module {module} arose ({arose}).",
    ),
    "debt-dates.resit_agreed.hint": (
        "Paranda resit_agreed: kokkulepe sõlmitakse võlgnevuse tekkimise päeval või hiljem.",
        "Correct resit_agreed: the re-sit is agreed on or after the day the debt arose.",
    ),
    "debt-dates.cleared": (
        "Võlgnevus on märgitud likvideerituks {date}, enne kui see moodulis {module} tekkis ({arose}).",
        "The debt is marked cleared on {date}, before it arose in module {module} ({arose}).",
    ),
    "debt-dates.cleared.hint": (
        "Paranda cleared: võlgnevus likvideeritakse selle tekkimise päeval või hiljem.",
        "Correct cleared: a debt is cleared on or after the day it arose.",
    ),
    "rule.debt-dates": (
        "Järelevastamise kokkulepe ja likvideerimine on pärast võlgnevuse tekkimist (6.2.2).",
        "A re-sit is agreed and a debt cleared after the debt arose (6.2.2).",
    ),
    # 4.6.4.3-4.6.4.5 grade scale
    "grade-scale.distinctive": (
        "Moodulit {module} hinnatakse eristavalt (5, 4, 3, 2), kuid hinne on {value}.",
        "Module {module} is graded distinctively (5, 4, 3, 2), but the grade is {value}.",
    ),
    "grade-scale.distinctive.hint": (
        "Kanna numbriline hinne või märgi õppekavas moodulile distinctive: false.",
        "Record a numeric grade, or set distinctive: false on the module in the curriculum.",
    ),
    "grade-scale.non-distinctive": (
        "Moodulit {module} hinnatakse mitteeristavalt (A, MA), kuid hinne on {value}.",
        "Module {module} is graded non-distinctively (A, MA), but the grade is {value}.",
    ),
    "grade-scale.non-distinctive.hint": (
        "Kanna hinne A või MA või märgi õppekavas moodulile distinctive: true.",
        "Record A or MA, or set distinctive: true on the module in the curriculum.",
    ),
    "rule.grade-scale": (
        "Hinne on mooduli hindamisviisi skaalal: eristav 5–2, mitteeristav A/MA (4.6.4.3–4.6.4.5).",
        "A grade is on its module's scale: distinctive 5–2, non-distinctive A/MA (4.6.4.3–4.6.4.5).",
    ),
    # Lisa 4 4.5 no-show
    "no-show": (
        "„Mitteilmunud” (no_show) on märgitud {kind}-liiki hindele moodulis {module}; see käib ainult lõpueksami kohta.",
        "'Did not attend' (no_show) is set on a {kind} grade in module {module}; it applies to a final exam only.",
    ),
    "no-show.hint": (
        "Eemalda no_show või märgi hinde liigiks kind: final.",
        "Remove no_show, or set the grade's kind: final.",
    ),
    "no-show.positive": (
        "„Mitteilmunud” lõpueksamil moodulis {module} on positiivse hindega {value}.",
        "The final-exam no-show in module {module} has the passing grade {value}.",
    ),
    "no-show.positive.hint": (
        "Mitteilmumine on negatiivne tulemus: kanna hinne MA või 2 või eemalda no_show.",
        "A no-show is a negative result: record MA or 2, or remove no_show.",
    ),
    "rule.no-show": (
        "„Mitteilmunud” käib lõpueksami kohta ja on negatiivne tulemus (Lisa 4 4.5).",
        "'Did not attend' belongs to a final exam and is a negative result (Lisa 4 4.5).",
    ),
    # 5.1.1 grades before the start
    "grade-date": (
        "Hinne moodulis {module} on {date}, enne õpingute algust {start}.",
        "The grade in module {module} is dated {date}, before studies started on {start}.",
    ),
    "grade-date.hint": (
        "Paranda hinde kuupäev või õpilase start; varasemad õpingud kanna kind: prior_learning (VÕTA).",
        "Correct the grade's date or the student's start; earlier studies are kind: prior_learning (VÕTA).",
    ),
    "rule.grade-date": (
        "Õpilasel ei ole hindeid enne õpilaste nimekirja arvamist (5.1.1).",
        "A student has no grades from before entering the school's list (5.1.1).",
    ),
}
