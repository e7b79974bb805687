"""Words shown to people for codes kept for programs: ``key: (Estonian, English)``.

A code is data (a contract's verdict, a debt action, a stage of `-v`); its word is looked up
through the maps below, whose keys are literal strings so that the gettext extraction sees every
one. JSON keeps the code; tables, CSV, XLSX and messages show the word.
"""

MESSAGES: dict[str, tuple[str, str]] = {
    # contract verdicts (`contracts render`), one word per file on stderr
    "word.verdict.created": ("loodud", "created"),
    "word.verdict.unchanged": ("muutmata", "unchanged"),
    "word.verdict.updated": ("uuendatud", "updated"),
    "word.verdict.conflict": ("konflikt", "conflict"),
    "word.verdict.refused": ("keeldutud", "refused"),
    "word.verdict.skipped": ("vahele jäetud", "skipped"),
    # actions the regulation prescribes (`debts`, the actions view's column)
    "col.action": ("Tegevus", "Action"),
    "word.action.round-table": ("ümarlaud", "round table"),
    "word.action.expulsion-debts": ("väljaarvamine võlgade tõttu", "expulsion for debts"),
    "word.action.agreement-overdue": ("kokkulepe hilinenud", "agreement overdue"),
    "word.action.clear-debts": ("likvideeri võlad", "clear debts"),
    "word.action.no-representation": ("esindaja puudub", "no representation"),
    "word.action.placement-blocked": ("praktika takistatud", "placement blocked"),
    "word.action.final-exam-no-attempts": ("lõpueksami katsed otsas", "no final exam attempts left"),
    "word.action.final-exam-not-admitted": ("lõpueksamile ei lubata", "not admitted to the final exam"),
    "word.action.half-year-unsatisfactory": ("poolaasta mitterahuldav", "half-year unsatisfactory"),
    "word.action.notify-parent": ("teavita lapsevanemat", "notify parent"),
    "word.action.notify-director": ("teavita direktorit", "notify director"),
    "word.action.reprimand": ("noomitus", "reprimand"),
    "word.action.expulsion-absences": ("väljaarvamine puudumiste tõttu", "expulsion for absences"),
    "word.action.attendance-duty": ("osalemiskohustus", "attendance duty"),
    # stages of `-v`/`--verbose` and their timing line
    "word.stage.load": ("laadimine", "load"),
    "word.stage.fingerprint": ("sõrmejälg", "fingerprint"),
    "word.stage.profile": ("profiil", "profile"),
    "word.stage.check": ("kontroll", "check"),
    "word.stage.debts": ("võlad", "debts"),
    "word.stage.rank": ("pingerida", "rank"),
    "word.stage.report": ("aruanne", "report"),
    "word.stage.members": ("liikmed", "members"),
    "word.stage.tasks": ("ülesanded", "tasks"),
    "word.stage.match": ("sobitamine", "match"),
    "word.stage.calendar": ("kalender", "calendar"),
    "word.stage.plan": ("plaan", "plan"),
    "word.stage.render": ("koostamine", "render"),
    "word.stage.special": ("eritoetus", "special"),
    "word.stage.travel": ("sõidukulud", "travel"),
    "word.stage.lunch": ("koolilõuna", "lunch"),
    # units of the regulation profile's parameters (`profile`)
    "word.unit.count": ("arv", "count"),
    "word.unit.day_of_month": ("kuupäev", "day of month"),
    "word.unit.days": ("päeva", "days"),
    "word.unit.ekap": ("EKAP", "EKAP"),
    "word.unit.eur": ("eurot", "euro"),
    "word.unit.flag": ("jah/ei", "yes/no"),
    "word.unit.hours": ("tundi", "hours"),
    "word.unit.lessons": ("õppetundi", "lessons"),
    "word.unit.minutes": ("minutit", "minutes"),
    "word.unit.months": ("kuud", "months"),
    "word.unit.ratio": ("suhe", "ratio"),
    "word.unit.rule": ("reegel", "rule"),
    "word.unit.share": ("osakaal", "share"),
    "word.unit.students": ("õpilast", "students"),
    "word.unit.trips": ("sõitu", "trips"),
    "word.unit.trips_per_month": ("sõitu kuus", "trips per month"),
    "word.unit.trips_per_school_day": ("sõitu koolipäevas", "trips per school day"),
    "word.unit.trips_per_week": ("sõitu nädalas", "trips per week"),
    "word.unit.working_days": ("tööpäeva", "working days"),
    "word.unit.years": ("aastat", "years"),
}

VERDICT_WORDS = {
    "created": "word.verdict.created",
    "unchanged": "word.verdict.unchanged",
    "updated": "word.verdict.updated",
    "conflict": "word.verdict.conflict",
    "refused": "word.verdict.refused",
    "skipped": "word.verdict.skipped",
}

ACTION_WORDS = {
    "round-table": "word.action.round-table",
    "expulsion-debts": "word.action.expulsion-debts",
    "agreement-overdue": "word.action.agreement-overdue",
    "clear-debts": "word.action.clear-debts",
    "no-representation": "word.action.no-representation",
    "placement-blocked": "word.action.placement-blocked",
    "final-exam-no-attempts": "word.action.final-exam-no-attempts",
    "final-exam-not-admitted": "word.action.final-exam-not-admitted",
    "half-year-unsatisfactory": "word.action.half-year-unsatisfactory",
    "notify-parent": "word.action.notify-parent",
    "notify-director": "word.action.notify-director",
    "reprimand": "word.action.reprimand",
    "expulsion-absences": "word.action.expulsion-absences",
    "attendance-duty": "word.action.attendance-duty",
}

STAGE_WORDS = {
    "load": "word.stage.load",
    "fingerprint": "word.stage.fingerprint",
    "profile": "word.stage.profile",
    "check": "word.stage.check",
    "debts": "word.stage.debts",
    "rank": "word.stage.rank",
    "report": "word.stage.report",
    "members": "word.stage.members",
    "tasks": "word.stage.tasks",
    "match": "word.stage.match",
    "calendar": "word.stage.calendar",
    "plan": "word.stage.plan",
    "render": "word.stage.render",
    "special": "word.stage.special",
    "travel": "word.stage.travel",
    "lunch": "word.stage.lunch",
}


UNIT_WORDS = {
    "count": "word.unit.count",
    "day_of_month": "word.unit.day_of_month",
    "days": "word.unit.days",
    "ekap": "word.unit.ekap",
    "eur": "word.unit.eur",
    "flag": "word.unit.flag",
    "hours": "word.unit.hours",
    "lessons": "word.unit.lessons",
    "minutes": "word.unit.minutes",
    "months": "word.unit.months",
    "ratio": "word.unit.ratio",
    "rule": "word.unit.rule",
    "share": "word.unit.share",
    "students": "word.unit.students",
    "trips": "word.unit.trips",
    "trips_per_month": "word.unit.trips_per_month",
    "trips_per_school_day": "word.unit.trips_per_school_day",
    "trips_per_week": "word.unit.trips_per_week",
    "working_days": "word.unit.working_days",
    "years": "word.unit.years",
}


def word(words: dict[str, str], code: str, lang: str) -> str:
    """The word for `code` in `lang` (`words` is one of the maps above); an unknown code as it is."""
    from cluster_cli.i18n import t

    key = words.get(code)
    return t(key, lang) if key is not None else code
