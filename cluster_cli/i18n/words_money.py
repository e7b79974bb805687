"""The catalogue keys of the money reports' coded words (allowance and grant reasons, grounds,
levels, kinds, changes, criteria): `words.py`'s tables for the reports that pay, kept apart so
each file stays readable. Use ``t(GRANT_REASON[code], lang)``.
"""

from __future__ import annotations

from cluster_cli.i18n import NP_, N_
from cluster_cli.i18n.words import Words

# allowances: reasons, by reason code
ALLOWANCE_REASON = Words("allowance.reason.", {
    "late-application": N_("allowance.reason.late-application"),
    "residence": N_("allowance.reason.residence"),
    "not-studying": N_("allowance.reason.not-studying"),
    "academic-leave": N_("allowance.reason.academic-leave"),
    "not-level-education": N_("allowance.reason.not-level-education"),
    "no-state-place": N_("allowance.reason.no-state-place"),
    "no-evidence": N_("allowance.reason.no-evidence"),
    "ground-minor-dependants": NP_("allowance.reason.ground-minor-dependants"),
    "ground-disability": N_("allowance.reason.ground-disability"),
    "ground-parent-disability": N_("allowance.reason.ground-parent-disability"),
    "ground-own-household": N_("allowance.reason.ground-own-household"),
    "own-household": N_("allowance.reason.own-household"),
    "first-year": N_("allowance.reason.first-year"),
    "crisis-needs-emergency": N_("allowance.reason.crisis-needs-emergency"),
    "amount-partial": N_("allowance.reason.amount-partial"),
    "amount-capped": N_("allowance.reason.amount-capped"),
    "fund-exhausted": N_("allowance.reason.fund-exhausted"),
    "not-studying-month": N_("allowance.reason.not-studying-month"),
    "not-stationary": N_("allowance.reason.not-stationary"),
    "home-settlement-missing": N_("allowance.reason.home-settlement-missing"),
    "school-settlement-missing": N_("allowance.reason.school-settlement-missing"),
    "same-settlement": N_("allowance.reason.same-settlement"),
    "late-report": N_("allowance.reason.late-report"),
    "attendance-not-recorded": NP_("allowance.reason.attendance-not-recorded"),
    "no-attendance": N_("allowance.reason.no-attendance"),
    "monthly-pass": N_("allowance.reason.monthly-pass"),
    "pass-instead": N_("allowance.reason.pass-instead"),
    "pass-not-for-dormitory": N_("allowance.reason.pass-not-for-dormitory"),
    "stopped": N_("allowance.reason.stopped"),
    "study-place-not-approved": N_("allowance.reason.study-place-not-approved"),
    "journey-outside-month": N_("allowance.reason.journey-outside-month"),
    "no-ticket": N_("allowance.reason.no-ticket"),
    "leave-day": N_("allowance.reason.leave-day"),
    "not-studying-day": N_("allowance.reason.not-studying-day"),
    "not-school-day": N_("allowance.reason.not-school-day"),
    "over-day": N_("allowance.reason.over-day"),
    "over-allowance": N_("allowance.reason.over-allowance"),
    "over-week": N_("allowance.reason.over-week"),
    "no-school-week": N_("allowance.reason.no-school-week"),
    "over-month": N_("allowance.reason.over-month"),
    "no-journeys": N_("allowance.reason.no-journeys"),
    "car-month": N_("allowance.reason.car-month"),
    "car-no-public-transport": N_("allowance.reason.car-no-public-transport"),
    "car-disability": N_("allowance.reason.car-disability"),
    "car-disability-evidence": N_("allowance.reason.car-disability-evidence"),
    "car-no-ground": N_("allowance.reason.car-no-ground"),
    "car-incomplete": N_("allowance.reason.car-incomplete"),
    "attendance-unknown": N_("allowance.reason.attendance-unknown"),
    "attendance-below": N_("allowance.reason.attendance-below"),
    "no-km": N_("allowance.reason.no-km"),
    "receipt-outside-month": NP_("allowance.reason.receipt-outside-month"),
    "no-fuel-receipts": N_("allowance.reason.no-fuel-receipts"),
    "capped-by-receipts": N_("allowance.reason.capped-by-receipts"),
    "lunch-not-stationary": N_("allowance.reason.lunch-not-stationary"),
    "lunch-not-initial": N_("allowance.reason.lunch-not-initial"),
    "lunch-level-5": N_("allowance.reason.lunch-level-5"),
    "lunch-secondary-education": N_("allowance.reason.lunch-secondary-education"),
    "lunch-not-at-school": N_("allowance.reason.lunch-not-at-school"),
    "lunch-no-submission": N_("allowance.reason.lunch-no-submission"),
    "lunch-days-capped": N_("allowance.reason.lunch-days-capped"),
    "lunch-days-capped-month": N_("allowance.reason.lunch-days-capped-month"),
    "lunch-days-from-submission": N_("allowance.reason.lunch-days-from-submission"),
    "lunch-not-approved": N_("allowance.reason.lunch-not-approved"),
    "no-iban": N_("allowance.reason.no-iban"),
})

# allowances: what is allowed, by category
ALLOWANCE_ALLOWED = Words("allowance.allowed.", {
    "dormitory_lower": N_("allowance.allowed.dormitory_lower"),
    "dormitory_higher": N_("allowance.allowed.dormitory_higher"),
    "commuter": N_("allowance.allowed.commuter"),
})

# allowances: the basis of a lunch count
ALLOWANCE_BASIS = Words("allowance.basis.", {
    "attended": N_("allowance.basis.attended"),
    "school_days": N_("allowance.basis.school_days"),
})

# allowances: grounds of the special allowance
ALLOWANCE_GROUND = Words("allowance.ground.", {
    "minor_dependants": N_("allowance.ground.minor_dependants"),
    "pensioner_parents": N_("allowance.ground.pensioner_parents"),
    "parents_unemployed": N_("allowance.ground.parents_unemployed"),
    "emergency": N_("allowance.ground.emergency"),
    "economic_hardship": N_("allowance.ground.economic_hardship"),
    "single_parent": N_("allowance.ground.single_parent"),
    "disability": N_("allowance.ground.disability"),
    "parent_disability": N_("allowance.ground.parent_disability"),
})

# allowances: levels of disability
ALLOWANCE_LEVEL = Words("allowance.level.", {
    "moderate": N_("allowance.level.moderate"),
    "severe": N_("allowance.level.severe"),
    "profound": N_("allowance.level.profound"),
})

# allowances: a student's status
ALLOWANCE_STATUS = Words("allowance.status.", {
    "active": N_("allowance.status.active"),
    "academic_leave": N_("allowance.status.academic_leave"),
    "abroad": N_("allowance.status.abroad"),
    "expelled": N_("allowance.status.expelled"),
    "graduated": N_("allowance.status.graduated"),
    "none": N_("allowance.status.none"),
})

# allowances: kinds of special allowance
ALLOWANCE_KIND = Words("allowance.kind.", {
    "normal": N_("allowance.kind.normal"),
    "raised": N_("allowance.kind.raised"),
    "partial": N_("allowance.kind.partial"),
    "crisis": N_("allowance.kind.crisis"),
})

# allowances: modes of travel
ALLOWANCE_MODE = Words("allowance.mode.", {
    "bus": N_("allowance.mode.bus"),
    "car": N_("allowance.mode.car"),
})

# grants: reasons, by reason code
GRANT_REASON = Words("grant.reason.", {
    "no-application": N_("grant.reason.no-application"),
    "late-application": N_("grant.reason.late-application"),
    "first-year": N_("grant.reason.first-year"),
    "residence": N_("grant.reason.residence"),
    "not-level-education": N_("grant.reason.not-level-education"),
    "not-stationary": N_("grant.reason.not-stationary"),
    "no-state-place": N_("grant.reason.no-state-place"),
    "nominal-duration": N_("grant.reason.nominal-duration"),
    "not-studying": N_("grant.reason.not-studying"),
    "academic-leave": N_("grant.reason.academic-leave"),
    "abroad": N_("grant.reason.abroad"),
    "debts": NP_("grant.reason.debts"),
    "unexcused": NP_("grant.reason.unexcused"),
    "violations": N_("grant.reason.violations"),
    "school-threshold": N_("grant.reason.school-threshold"),
    "abroad-placement": N_("grant.reason.abroad-placement"),
    "stopped-abroad-placement": N_("grant.reason.stopped-abroad-placement"),
    "stopped-left": N_("grant.reason.stopped-left"),
    "stopped-leave": N_("grant.reason.stopped-leave"),
    "stopped-abroad": N_("grant.reason.stopped-abroad"),
    "stopped-nominal": N_("grant.reason.stopped-nominal"),
    "stopped-measure": N_("grant.reason.stopped-measure"),
    "stopped-ineligible": N_("grant.reason.stopped-ineligible"),
    "barred": N_("grant.reason.barred"),
})

# grants: a payment's change
GRANT_CHANGE = Words("grant.change.", {
    "new": N_("grant.change.new"),
    "continuing": N_("grant.change.continuing"),
    "moved_up": N_("grant.change.moved_up"),
    "no-iban": N_("grant.change.no-iban"),
})

# grants: ranking criteria
GRANT_CRITERION = Words("grant.criterion.", {
    "average": N_("grant.criterion.average"),
    "weighted_average": N_("grant.criterion.weighted_average"),
    "period_average": N_("grant.criterion.period_average"),
    "completion": N_("grant.criterion.completion"),
    "unexcused": N_("grant.criterion.unexcused"),
    "outstanding_results": N_("grant.criterion.outstanding_results"),
    "social_activity": N_("grant.criterion.social_activity"),
    "attendance": N_("grant.criterion.attendance"),
    "lower_income": N_("grant.criterion.lower_income"),
})

# grants: a round's share of the fund and what it used, by round (autumn, spring)
ROUND_SHARE = Words("grant.total.round.", {
    "autumn": N_("grant.total.round.autumn"),
    "spring": N_("grant.total.round.spring"),
})
ROUND_USED = Words("grant.total.used.", {
    "autumn": N_("grant.total.used.autumn"),
    "spring": N_("grant.total.used.spring"),
})
