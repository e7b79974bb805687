"""The catalogue keys of coded words (a rule id, an action code, a reason code…), one table per
kind of code: the keys are literals here so that extraction sees them (no key is built at run time).
Use ``t(ACTION[code], lang)``. A code that a table lacks gives a key the catalogue lacks too, so
the user sees "(sõnum puudub: …)" rather than a crash; tests/test_catalog.py keeps tables complete.
"""

from __future__ import annotations

from cluster_cli.i18n import NP_, N_


class Words(dict):
    """code -> literal key; an unknown code maps to its would-be key (the catalogue has none)."""

    def __init__(self, prefix: str, keys: dict[str, str]) -> None:
        super().__init__(keys)
        self.prefix = prefix

    def __missing__(self, code: object) -> str:
        return self.prefix + str(code)


# severities of findings
SEVERITY = Words("severity.", {
    "error": N_("severity.error"),
    "warning": N_("severity.warning"),
    "info": N_("severity.info"),
})

# a placement's status (vocabulary.PLACEMENT_STATUSES), wherever one is shown
PLACEMENT_STATUS = Words("placement.status.", {
    "draft": N_("placement.status.draft"),
    "review": N_("placement.status.review"),
    "valid": N_("placement.status.valid"),
    "finished": N_("placement.status.finished"),
    "cancelled": N_("placement.status.cancelled"),
})

# a guardian's relation to the student (model Guardian.relation), as a contract writes it
GUARDIAN_RELATION = Words("contract.relation.", {
    "mother": N_("contract.relation.mother"),
    "father": N_("contract.relation.father"),
    "guardian": N_("contract.relation.guardian"),
})

# what each rule of `cluster validate` checks, by rule id
RULE = Words("rule.", {
    "open-debts": N_("rule.open-debts"),
    "attendance-count": N_("rule.attendance-count"),
    "debt-dates": N_("rule.debt-dates"),
    "grade-date": N_("rule.grade-date"),
    "period-grade": N_("rule.period-grade"),
    "minor-consent": N_("rule.minor-consent"),
    "minor-notice": N_("rule.minor-notice"),
    "practice-grade": N_("rule.practice-grade"),
    "grade-scale": N_("rule.grade-scale"),
    "no-show": N_("rule.no-show"),
    "signed-contract": N_("rule.signed-contract"),
    "duplicate-id": N_("rule.duplicate-id"),
    "unknown-reference": N_("rule.unknown-reference"),
    "personal-code": N_("rule.personal-code"),
    "registry-code": N_("rule.registry-code"),
    "iban": N_("rule.iban"),
    "email": N_("rule.email"),
    "phone": N_("rule.phone"),
    "curriculum-volume": N_("rule.curriculum-volume"),
    "practice-share": N_("rule.practice-share"),
    "key-competences": N_("rule.key-competences"),
    "workplace-practice-share": N_("rule.workplace-practice-share"),
    "status-history": N_("rule.status-history"),
    "minor-guardian": N_("rule.minor-guardian"),
    "academic-leave": N_("rule.academic-leave"),
    "leave-return": N_("rule.leave-return"),
    "never-started": N_("rule.never-started"),
    "study-end-passed": N_("rule.study-end-passed"),
    "student-group": N_("rule.student-group"),
    "practice-group-size": N_("rule.practice-group-size"),
    "contract-terms": N_("rule.contract-terms"),
    "practice-plan": N_("rule.practice-plan"),
    "joint-placement": N_("rule.joint-placement"),
    "abroad": N_("rule.abroad"),
    "host-recognition": N_("rule.host-recognition"),
    "study-period": N_("rule.study-period"),
    "placement-volume": N_("rule.placement-volume"),
    "contract-data-timing": N_("rule.contract-data-timing"),
    "defense": N_("rule.defense"),
    "practice-period": N_("rule.practice-period"),
    "placement-paperwork": N_("rule.placement-paperwork"),
    "host-visit": N_("rule.host-visit"),
    "safety-instruction": N_("rule.safety-instruction"),
    "catalogue-task": N_("rule.catalogue-task"),
    # support
    "support-measure": N_("rule.support-measure"),
    "individual-curriculum": N_("rule.individual-curriculum"),
    "individual-schedule": N_("rule.individual-schedule"),
    "development-talk": N_("rule.development-talk"),
    # admission and the student card
    "admission-entry": N_("rule.admission-entry"),
    "admission-documents": N_("rule.admission-documents"),
    "admission-committee": N_("rule.admission-committee"),
    "group-opening": N_("rule.group-opening"),
    "curriculum-change": N_("rule.curriculum-change"),
    "student-card": N_("rule.student-card"),
    "card-validity": N_("rule.card-validity"),
    "prior-learning": N_("rule.prior-learning"),
    "safety-module": N_("rule.safety-module"),
    # exams
    "exam-committee": N_("rule.exam-committee"),
    "exam-schedule": N_("rule.exam-schedule"),
    "exam-protocol": N_("rule.exam-protocol"),
    "transition-exam": N_("rule.transition-exam"),
    "exam-results": N_("rule.exam-results"),
    "exam-path": N_("rule.exam-path"),
    "cum-laude": N_("rule.cum-laude"),
    # study volume (issue 21 F)
    "independent-work": N_("rule.independent-work"),
    "e-course": N_("rule.e-course"),
    "practice-balance": N_("rule.practice-balance"),
    # directives (issue 21 F)
    "admission-directive": N_("rule.admission-directive"),
    "study-trip": N_("rule.study-trip"),
    "abroad-directive": N_("rule.abroad-directive"),
    "transfer-directive": N_("rule.transfer-directive"),
    "removal-directive": N_("rule.removal-directive"),
    # the school's bodies (issue 21 F)
    "fee-decision": N_("rule.fee-decision"),
    "guest-student": N_("rule.guest-student"),
    "round-table": N_("rule.round-table"),
    "council-representative": N_("rule.council-representative"),
    "decision-suspension": N_("rule.decision-suspension"),
    # module grades and the final certificate (issue 21 F)
    "module-grade": N_("rule.module-grade"),
    "certificate-grades": N_("rule.certificate-grades"),
    # placement care
    "host-suitability": N_("rule.host-suitability"),
    "school-supervisor": N_("rule.school-supervisor"),
    "host-contact": N_("rule.host-contact"),
    "practice-grade-entered": N_("rule.practice-grade-entered"),
    "repeat-defense": N_("rule.repeat-defense"),
    "abroad-documents": N_("rule.abroad-documents"),
    # student papers
    "student-accounts": N_("rule.student-accounts"),
    "resit-sheet": N_("rule.resit-sheet"),
    "leave-papers": N_("rule.leave-papers"),
    # travel papers
    "travel-application": N_("rule.travel-application"),
    "travel-check": N_("rule.travel-check"),
    # adult courses (Lisa 15)
    "course-curriculum": N_("rule.course-curriculum"),
    "course-registration": N_("rule.course-registration"),
    "course-attendance": N_("rule.course-attendance"),
    "course-completion": N_("rule.course-completion"),
    "course-fees": N_("rule.course-fees"),
    "course-safety": N_("rule.course-safety"),
})

# debts: what to do, by action code
ACTION = Words("action.", {
    "round-table": NP_("action.round-table"),
    "expulsion-debts": NP_("action.expulsion-debts"),
    "agreement-overdue": NP_("action.agreement-overdue"),
    "clear-debts": NP_("action.clear-debts"),
    "no-representation": N_("action.no-representation"),
    "placement-blocked": N_("action.placement-blocked"),
    "notify-parent": N_("action.notify-parent"),
    "notify-director": N_("action.notify-director"),
    "reprimand": N_("action.reprimand"),
    "expulsion-absences": N_("action.expulsion-absences"),
    "attendance-duty": N_("action.attendance-duty"),
    "practice-absences": N_("action.practice-absences"),
    "half-year-unsatisfactory": N_("action.half-year-unsatisfactory"),
    "transfer-none": N_("action.transfer-none"),
    "transfer-conditional": N_("action.transfer-conditional"),
    "final-exam-not-admitted": N_("action.final-exam-not-admitted"),
    "final-exam-no-attempts": N_("action.final-exam-no-attempts"),
    "transfer-leave": N_("action.transfer-leave"),
    "leave-no-return": N_("action.leave-no-return"),
    "leave-no-return-expulsion": N_("action.leave-no-return-expulsion"),
})

# debts: the state of a debt
DEBT_STATE = Words("state.", {
    "open": N_("state.open"),
    "agreement_overdue": N_("state.agreement_overdue"),
    "expired": N_("state.expired"),
    "cleared": N_("state.cleared"),
})

# calendar: the sentence of an event, by kind
CALENDAR_EVENT = Words("calendar.event.", {
    "contract-data": N_("calendar.event.contract-data"),
    "signatures": N_("calendar.event.signatures"),
    "host-contact": N_("calendar.event.host-contact"),
    "documents": N_("calendar.event.documents"),
    "defense": N_("calendar.event.defense"),
    "grant-apply": N_("calendar.event.grant-apply"),
    "grant-fixed": N_("calendar.event.grant-fixed"),
    "grant-decide": N_("calendar.event.grant-decide"),
    "grant-pay": N_("calendar.event.grant-pay"),
    "debt-agree": N_("calendar.event.debt-agree"),
    "debt-clear": N_("calendar.event.debt-clear"),
    "leave-return": N_("calendar.event.leave-return"),
    "grant-appeal": N_("calendar.event.grant-appeal"),
    "special-apply": N_("calendar.event.special-apply"),
    "special-decide": N_("calendar.event.special-decide"),
    "special-appeal": N_("calendar.event.special-appeal"),
    "special-pay": N_("calendar.event.special-pay"),
    "bus-report": N_("calendar.event.bus-report"),
    "bus-check": N_("calendar.event.bus-check"),
    "bus-pay": N_("calendar.event.bus-pay"),
    "period-summary": N_("calendar.event.period-summary"),
    "exam-appeal": N_("calendar.event.exam-appeal"),
    "decision-challenge": N_("calendar.event.decision-challenge"),
    "development-talk": N_("calendar.event.development-talk"),
    "prior-decide": N_("calendar.event.prior-decide"),
    "challenge-appeal": N_("calendar.event.challenge-appeal"),
    "course-contact": N_("calendar.event.course-contact"),
    "exam-schedule": N_("calendar.event.exam-schedule"),
    "transition-notice": N_("calendar.event.transition-notice"),
    "card-extend": N_("calendar.event.card-extend"),
    "prior-apply": N_("calendar.event.prior-apply"),
})

# calendar file: an event's sentence without names, by kind
CALENDAR_ICS_EVENT = Words("calendar.ics.event.", {
    "signatures": N_("calendar.ics.event.signatures"),
    "debt-agree": N_("calendar.ics.event.debt-agree"),
    "debt-clear": N_("calendar.ics.event.debt-clear"),
    "leave-return": N_("calendar.ics.event.leave-return"),
    "prior-decide": N_("calendar.ics.event.prior-decide"),
})

# calendar: kinds of events
CALENDAR_KIND = Words("calendar.kind.", {
    "contract-data": N_("calendar.kind.contract-data"),
    "signatures": N_("calendar.kind.signatures"),
    "host-contact": N_("calendar.kind.host-contact"),
    "documents": N_("calendar.kind.documents"),
    "defense": N_("calendar.kind.defense"),
    "grant-apply": N_("calendar.kind.grant-apply"),
    "grant-fixed": N_("calendar.kind.grant-fixed"),
    "grant-decide": N_("calendar.kind.grant-decide"),
    "grant-pay": N_("calendar.kind.grant-pay"),
    "debt-agree": N_("calendar.kind.debt-agree"),
    "debt-clear": N_("calendar.kind.debt-clear"),
    "leave-return": N_("calendar.kind.leave-return"),
    "grant-appeal": N_("calendar.kind.grant-appeal"),
    "special-apply": N_("calendar.kind.special-apply"),
    "special-decide": N_("calendar.kind.special-decide"),
    "special-appeal": N_("calendar.kind.special-appeal"),
    "special-pay": N_("calendar.kind.special-pay"),
    "bus-report": N_("calendar.kind.bus-report"),
    "bus-check": N_("calendar.kind.bus-check"),
    "bus-pay": N_("calendar.kind.bus-pay"),
    "period-summary": N_("calendar.kind.period-summary"),
    "exam-appeal": N_("calendar.kind.exam-appeal"),
    "decision-challenge": N_("calendar.kind.decision-challenge"),
    "development-talk": N_("calendar.kind.development-talk"),
    "prior-decide": N_("calendar.kind.prior-decide"),
    "challenge-appeal": N_("calendar.kind.challenge-appeal"),
    "course-contact": N_("calendar.kind.course-contact"),
    "exam-schedule": N_("calendar.kind.exam-schedule"),
    "transition-notice": N_("calendar.kind.transition-notice"),
    "card-extend": N_("calendar.kind.card-extend"),
    "prior-apply": N_("calendar.kind.prior-apply"),
})

# calendar: weekday names, Monday = 0
WEEKDAY = Words("calendar.weekday.", {
    0: N_("calendar.weekday.0"),
    1: N_("calendar.weekday.1"),
    2: N_("calendar.weekday.2"),
    3: N_("calendar.weekday.3"),
    4: N_("calendar.weekday.4"),
    5: N_("calendar.weekday.5"),
    6: N_("calendar.weekday.6"),
})

# matching: a student's outcome
MATCH_OUTCOME = Words("match.outcome.", {
    "proposed": N_("match.outcome.proposed"),
    "joint": N_("match.outcome.joint"),
    "blocked": N_("match.outcome.blocked"),
    "no-capacity": N_("match.outcome.no-capacity"),
    "on-leave": N_("match.outcome.on-leave"),
})

# members: kinds of member
MEMBER_KIND = Words("members.kind.", {
    "vocational_school": N_("members.kind.vocational_school"),
    "company": N_("members.kind.company"),
    "university": N_("members.kind.university"),
    "organisation": N_("members.kind.organisation"),
})

# members: forms of partnership
PARTNERSHIP = Words("members.partnership.", {
    "everyday": N_("members.partnership.everyday"),
    "developing": N_("members.partnership.developing"),
    "strategic": N_("members.partnership.strategic"),
    "network": N_("members.partnership.network"),
})


# Words shown to people for codes kept for programs (JSON keeps the code; tables, CSV, XLSX and
# messages show the word): a contract's verdict, a debt action's short name, a `-v` stage, a unit.
VERDICT_WORD = Words("word.verdict.", {
    "created": N_("word.verdict.created"),
    "unchanged": N_("word.verdict.unchanged"),
    "updated": N_("word.verdict.updated"),
    "conflict": N_("word.verdict.conflict"),
    "changed": N_("word.verdict.changed"),
    "refused": N_("word.verdict.refused"),
    "skipped": N_("word.verdict.skipped"),
})

# who signs a contract (vocabulary.SIGNING_PARTIES)
PARTY_WORD = Words("word.party.", {
    "school": N_("word.party.school"),
    "student": N_("word.party.student"),
    "guardian": N_("word.party.guardian"),
    "host": N_("word.party.host"),
})
# how a party signed (vocabulary.SIGNATURE_METHODS) and why a contract was cancelled (CANCEL_REASONS)
SIGNATURE_METHOD = Words("contract.method.", {
    "digital": N_("contract.method.digital"),
    "paper": N_("contract.method.paper"),
})
CANCEL_REASON = Words("contract.reason.", {
    "company": N_("contract.reason.company"),
    "student": N_("contract.reason.student"),
    "school": N_("contract.reason.school"),
    "ceased": N_("contract.reason.ceased"),
    "other": N_("contract.reason.other"),
})

ACTION_WORD = Words("word.action.", {
    "round-table": N_("word.action.round-table"),
    "expulsion-debts": N_("word.action.expulsion-debts"),
    "agreement-overdue": N_("word.action.agreement-overdue"),
    "clear-debts": N_("word.action.clear-debts"),
    "no-representation": N_("word.action.no-representation"),
    "placement-blocked": N_("word.action.placement-blocked"),
    "final-exam-no-attempts": N_("word.action.final-exam-no-attempts"),
    "final-exam-not-admitted": N_("word.action.final-exam-not-admitted"),
    "half-year-unsatisfactory": N_("word.action.half-year-unsatisfactory"),
    "notify-parent": N_("word.action.notify-parent"),
    "notify-director": N_("word.action.notify-director"),
    "reprimand": N_("word.action.reprimand"),
    "expulsion-absences": N_("word.action.expulsion-absences"),
    "attendance-duty": N_("word.action.attendance-duty"),
    "practice-absences": N_("word.action.practice-absences"),
    "transfer-none": N_("word.action.transfer-none"),
    "transfer-conditional": N_("word.action.transfer-conditional"),
    "transfer-leave": N_("word.action.transfer-leave"),
    "leave-no-return": N_("word.action.leave-no-return"),
    "leave-no-return-expulsion": N_("word.action.leave-no-return-expulsion"),
})

STAGE_WORD = Words("word.stage.", {
    "load": N_("word.stage.load"),
    "fingerprint": N_("word.stage.fingerprint"),
    "profile": N_("word.stage.profile"),
    "check": N_("word.stage.check"),
    "debts": N_("word.stage.debts"),
    "rank": N_("word.stage.rank"),
    "report": N_("word.stage.report"),
    "members": N_("word.stage.members"),
    "tasks": N_("word.stage.tasks"),
    "match": N_("word.stage.match"),
    "calendar": N_("word.stage.calendar"),
    "plan": N_("word.stage.plan"),
    "render": N_("word.stage.render"),
    "special": N_("word.stage.special"),
    "travel": N_("word.stage.travel"),
    "lunch": N_("word.stage.lunch"),
})

UNIT_WORD = Words("word.unit.", {
    "count": N_("word.unit.count"),
    "day_of_month": N_("word.unit.day_of_month"),
    "days": N_("word.unit.days"),
    "ekap": N_("word.unit.ekap"),
    "eur": N_("word.unit.eur"),
    "flag": N_("word.unit.flag"),
    "grade": N_("word.unit.grade"),
    "hours": N_("word.unit.hours"),
    "lessons": N_("word.unit.lessons"),
    "minutes": N_("word.unit.minutes"),
    "month_day": N_("word.unit.month_day"),
    "months": N_("word.unit.months"),
    "ratio": N_("word.unit.ratio"),
    "rule": N_("word.unit.rule"),
    "share": N_("word.unit.share"),
    "students": N_("word.unit.students"),
    "trips": N_("word.unit.trips"),
    "trips_per_month": N_("word.unit.trips_per_month"),
    "trips_per_school_day": N_("word.unit.trips_per_school_day"),
    "trips_per_week": N_("word.unit.trips_per_week"),
    "working_days": N_("word.unit.working_days"),
    "years": N_("word.unit.years"),
})


# what `cluster import` reads (load/mappings.py IMPORT_KINDS)
IMPORT_KIND_WORD = Words("word.import-kind.", {
    "students": N_("word.import-kind.students"),
    "grades": N_("word.import-kind.grades"),
    "attendance": N_("word.import-kind.attendance"),
    "members": N_("word.import-kind.members"),
    "placements": N_("word.import-kind.placements"),
})


def word(words: Words, code: str, lang: str) -> str:
    """The word for `code` in `lang` from one of the tables above; an unknown code as it is."""
    from cluster_cli.i18n import t

    return t(words[code], lang) if code in words else code


# the name of a view's sheet in an XLSX workbook (at most 31 characters, Excel's limit)
SHEET = Words("sheet.", {
    "actions": N_("sheet.actions"),
    "applicants": N_("sheet.applicants"),
    "attendance": N_("sheet.attendance"),
    "blocked": N_("sheet.blocked"),
    "change_totals": N_("sheet.change_totals"),
    "changes": N_("sheet.changes"),
    "claims": N_("sheet.claims"),
    "contacts": N_("sheet.contacts"),
    "contract": N_("sheet.contract"),
    "contracts": N_("sheet.contracts"),
    "coordinators": N_("sheet.coordinators"),
    "curricula": N_("sheet.curricula"),
    "debts": N_("sheet.debts"),
    "employers": N_("sheet.employers"),
    "events": N_("sheet.events"),
    "excluded": N_("sheet.excluded"),
    "fund": N_("sheet.fund"),
    "groups": N_("sheet.groups"),
    "history": N_("sheet.history"),
    "journeys": N_("sheet.journeys"),
    "learners": N_("sheet.learners"),
    "member": N_("sheet.member"),
    "members": N_("sheet.members"),
    "months": N_("sheet.months"),
    "not_qualifying": N_("sheet.not_qualifying"),
    "offers": N_("sheet.offers"),
    "parties": N_("sheet.parties"),
    "payments": N_("sheet.payments"),
    "placements": N_("sheet.placements"),
    "practice": N_("sheet.practice"),
    "proposals": N_("sheet.proposals"),
    "ranking": N_("sheet.ranking"),
    "results": N_("sheet.results"),
    "school": N_("sheet.school"),
    "stopped": N_("sheet.stopped"),
    "students": N_("sheet.students"),
    "summary": N_("sheet.summary"),
    "supervisors": N_("sheet.supervisors"),
    "tasks": N_("sheet.tasks"),
    "totals": N_("sheet.totals"),
    "parameters": N_("sheet.parameters"),
})


# who agreed a study trip (4.4.6), named in a finding
AGREEING_WORD = Words("word.agreeing.", {
    "study_director": N_("word.agreeing.study_director"),
    "student": N_("word.agreeing.student"),
    "guardian": N_("word.agreeing.guardian"),
})

# what a mid-year admission needs before its directive (4.1.15)
MID_YEAR_PAPER_WORD = Words("word.mid-year-paper.", {
    "application": N_("word.mid-year-paper.application"),
    "documents": N_("word.mid-year-paper.documents"),
    "study_director_consent": N_("word.mid-year-paper.study_director_consent"),
})
