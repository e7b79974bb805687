"""Messages of the corrected readings of the regulation (issue 16): ``key: (Estonian, English)``."""

MESSAGES: dict[str, tuple[str, str]] = {
    "grant.reason.school-threshold": (
        "{criterion} {value}, kooli tingimus nõuab {op} {limit}.",
        "{criterion} {value}; the school's condition requires {op} {limit}.",
    ),
    "practice-share.vocational": (
        "Praktiline töö ja praktika on {share} kutseõppe mahust ({practice} / {ekap} EKAP, võtmepädevusteta); {level}. tasemel on nõutud vähemalt {need}.",
        "Practical work and practice are {share} of the vocational part ({practice} / {ekap} EKAP, key competences excluded); level {level} needs at least {need}.",
    ),
    "practice-share.vocational.hint": (
        "Kontrolli kutsemoodulite practice_ekap ja practical_work_ekap väärtusi. Kui kool mõõdab kogu 180 EKAP-ist, pane profiilis practice_share_kkh_denominator: whole.",
        "Check the vocational modules' practice_ekap and practical_work_ekap. A school that measures against all 180 EKAP sets practice_share_kkh_denominator: whole in its profile.",
    ),
    "curriculum-volume.exception": (
        "Kutsekeskhariduse õppekava maht {ekap} EKAP on üle {high} EKAP: see on lubatud ainult riikliku õppekava sätestatud erandina.",
        "The vocational secondary curriculum has {ekap} EKAP, more than {high}: allowed only as an exception the national curriculum sets.",
    ),
    "curriculum-volume.exception.hint": (
        "Kontrolli, et riiklik õppekava lubab suuremat mahtu; muidu paranda ekap.",
        "Check that the national curriculum allows the larger volume; otherwise correct ekap.",
    ),
    "open-debts.before-start": (
        "Õpilasel {student} on täna lahtisi õppevõlgnevusi ({count}: {modules}); need peavad olema likvideeritud praktika alguseks {start}.",
        "Student {student} has open study debts today ({count}: {modules}); they must be cleared by the placement's start {start}.",
    ),
    "open-debts.before-start.hint": (
        "Praktika alguspäevast on lahtine võlgnevus viga ja lepingut ei koostata (vt cluster debts --student {student}); erand kirjuta debt_override: {{by: …, reason: …, date: …}}.",
        "From the start date an open debt is an error and no contract is rendered (see cluster debts --student {student}); record an exception as debt_override: {{by: …, reason: …, date: …}}.",
    ),
}
