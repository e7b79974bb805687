"""Messages of `cluster debts` (study debts, attendance, the actions): ``key: (Estonian, English)``."""

MESSAGES: dict[str, tuple[str, str]] = {
    "debts.title": ("Õppevõlgnevused ja puudumised seisuga {date}", "Study debts and attendance as of {date}"),
    "debts.view.groups": ("Kokkuvõte gruppide kaupa", "Summary by group"),
    "debts.view.debts": ("Võlgnevused", "Debts"),
    "debts.view.actions": ("Tegevused (kiireloomulisuse järgi)", "Actions (most urgent first)"),
    "debts.view.attendance": ("Puudumised perioodide kaupa", "Attendance by period"),
    "state.open": ("lahtine", "open"),
    "state.agreement_overdue": ("kokkulepe hilinenud", "agreement overdue"),
    "state.expired": ("aegunud", "expired"),
    "state.cleared": ("likvideeritud", "cleared"),
    "col.students": ("Õpilasi", "Students"),
    "col.with_debts": ("Võlgadega", "With debts"),
    "col.open": ("Lahtisi", "Open"),
    "col.overdue": ("Kokkuleppeta", "Agreement overdue"),
    "col.expired": ("Aegunud", "Expired"),
    "col.actions": ("Tegevusi", "Actions"),
    "col.topic": ("Teema", "Topic"),
    "col.grade": ("Hinne", "Grade"),
    "col.arose": ("Tekkis", "Arose"),
    "col.agree_by": ("Kokkulepe hiljemalt", "Agree by"),
    "col.state": ("Seis", "State"),
    "col.cleared_on": ("Likvideeritud", "Cleared on"),
    "col.urgency": ("Kiirus", "Urgency"),
    "col.due": ("Tähtaeg", "Due"),
    "col.code": ("Kood", "Code"),
    "col.period": ("Periood", "Period"),
    "col.lessons": ("Tunde", "Lessons"),
    "col.unexcused": ("Põhjuseta (P)", "Unexcused (P)"),
    "col.late": ("Hilinemisi (H)", "Late (H)"),
    "col.excused": ("Vabandatud (V)", "Excused (V)"),
    "col.rate": ("Osalemine", "Attendance"),
    "col.below_duty": ("Alla 80 %", "Below 80 %"),
    "action.round-table": (
        "{count} aegunud võlgnevus(t) ({modules}): suuna õpiabi ümarlauda koos grupijuhendaja ja õpetaja ettepanekutega.",
        "{count} expired debt(s) ({modules}): refer to the learning-support round table with the supervisor's and teacher's proposals.",
    ),
    "action.expulsion-debts": (
        "{count} aegunud arvestuslikku võlgnevust (piir {limit}): ümarlaud võib teha väljaarvamise ettepaneku.",
        "{count} expired accounting debts (limit {limit}): the round table may propose expulsion.",
    ),
    "action.agreement-overdue": (
        "{count} võlgnevuse ({modules}) järelvastamise kokkulepe on hilinenud: lepi õpetajaga aeg kokku.",
        "The re-sit agreement for {count} debt(s) ({modules}) is overdue: agree a time with the teacher.",
    ),
    "action.clear-debts": (
        "{count} lahtist võlgnevust ({modules}): likvideerida hiljemalt {date}.",
        "{count} open debt(s) ({modules}): clear by {date}.",
    ),
    "action.no-representation": (
        "Õpilasesinduse liige aegunud võlgnevustega: ei tohi kooli esindada messidel ja üritustel.",
        "A student-council member with expired debts: may not represent the school at fairs and events.",
    ),
    "action.placement-blocked": (
        "Praktika {placement} ({start}) ei saa alata: lahtised võlgnevused {modules}.",
        "Placement {placement} ({start}) cannot start: open debts {modules}.",
    ),
    "action.notify-parent": (
        "Alaealine, {unexcused} põhjuseta puudutud tundi ({period}): teavita lapsevanemat ({guardian}).",
        "A minor with {unexcused} unexcused lessons ({period}): notify the parent ({guardian}).",
    ),
    "action.notify-director": (
        "Alaealine, {unexcused} põhjuseta puudutud tundi ({period}): vajadusel teavita ka õppedirektorit.",
        "A minor with {unexcused} unexcused lessons ({period}): if needed, also notify the study director.",
    ),
    "action.reprimand": (
        "{unexcused} põhjuseta puudutud tundi ({period}, piir {limit}): võimalik käskkirjaline noomitus; toetuse maksmise võib peatada.",
        "{unexcused} unexcused lessons ({period}, limit {limit}): a reprimand is possible; the allowance may be suspended.",
    ),
    "action.expulsion-absences": (
        "{unexcused} põhjuseta puudutud tundi ({period}, piir {limit}) ja põhjustest pole teatatud: võimalik väljaarvamise ettepanek.",
        "{unexcused} unexcused lessons ({period}, limit {limit}) with no notice of reasons: an expulsion proposal is possible.",
    ),
    "action.attendance-duty": (
        "Osalemine {rate} ({period}) on alla nõutud {need}.",
        "Attendance {rate} ({period}) is below the required {need}.",
    ),
    "action.half-year-unsatisfactory": (
        "Poolaasta {period} lõpus mitterahuldav {bad} aines {assessed}-st ({modules}): tugirühm võib teha väljaarvamise ettepaneku.",
        "At the end of {period}, unsatisfactory in {bad} of {assessed} subjects ({modules}): expulsion may be proposed.",
    ),
    "action.transfer-none": (
        "Järgmisele kursusele üleviimine pole võimalik: täitmata {unfulfilled} EKAP aasta {year} EKAP-ist (lubatud {limit}).",
        "No transfer to the next course: {unfulfilled} of the year's {year} EKAP unfulfilled (allowed {limit}).",
    ),
    "action.transfer-conditional": (
        "Üleviimine ainult tingimisi: täitmata {unfulfilled} EKAP aasta {year} EKAP-ist; võlad likvideerida hiljemalt {date}.",
        "Only a conditional transfer: {unfulfilled} of the year's {year} EKAP unfulfilled; clear the debts by {date}.",
    ),
    "action.final-exam-not-admitted": (
        "Lõpueksamile ei lubata veel: lõpetamata moodulid {missing}; kutseõpingute võlgu {debts}; katseid alles {left}.",
        "Not yet admitted to the final exam: modules not completed {missing}; vocational debts {debts}; attempts left {left}.",
    ),
    "action.final-exam-no-attempts": (
        "Lõpueksami kõik katsed ({used}) on kasutatud.",
        "All final exam attempts ({used}) are used.",
    ),
}
