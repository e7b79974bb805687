"""The words of the data files: the fixed choices of record fields, each list in one place.

The models (`model/records.py` and `model/allowances.py`, as `Literal` types) and the CLI (the
choices of `--kind`, `--partnership`, `--status`) both read these tuples. Standard library only —
nothing but tuples — so the CLI can import it at start-up without pulling in pydantic. The order
is the order shown to users. (The languages are the catalogue's: `i18n.LANGUAGES`. A choice only
one field of one model takes stays an inline `Literal` there.)
"""

from __future__ import annotations

# --- output -----------------------------------------------------------------------------------

CSV_DIALECTS = ("rfc4180", "excel")  # CSV for programs; for Estonian Excel (cluster.yaml csv_dialect)

# --- members ----------------------------------------------------------------------------------

MEMBER_KINDS = ("vocational_school", "company", "university", "organisation")
PARTNERSHIPS = ("everyday", "developing", "strategic", "network")

# --- curricula --------------------------------------------------------------------------------

CURRICULUM_KINDS = ("initial", "continuing", "vocational_secondary", "vocational_choice")
STUDY_FORMS = ("school_based", "workplace_based", "non_stationary")

# --- students ---------------------------------------------------------------------------------

GRADE_KINDS = ("assessment", "period", "module", "final", "practice", "prior_learning", "independent", "year_end")
STUDENT_STATUSES = ("active", "academic_leave", "abroad", "expelled", "graduated")
LEAVE_REASONS = ("health", "military", "child_care", "other")
# 6.8.7: to whom a removed minor's documents were given
DOCUMENTS_TO = ("guardian", "student")
# 6.9.2.1–6.9.2.9: influence measures (mõjutusvahendid), in the regulation's order
MEASURE_KINDS = ("department_discussion", "support_discussion", "director_discussion", "reprimand",
                 "allowance_stop", "probation", "dormitory_removal", "conditional_removal", "removal")
RESIDENCES = ("citizen", "long_term", "temporary", "right_of_residence", "none")

# --- allowances -------------------------------------------------------------------------------

DISABILITY_LEVELS = ("moderate", "severe", "profound")  # puude raskusaste: keskmine, raske, sügav
SPECIAL_GROUNDS = (
    "minor_dependants",  # 3.3.1 kaks või enam alaealist ülalpeetavat
    "pensioner_parents",  # 3.3.2 pensionäridest vanemate ülalpeetav
    "parents_unemployed",  # 3.3.3 mõlemad vanemad töötud
    "emergency",  # 3.3.4 ühekordsed erakorralised asjaolud, tõendatud
    "economic_hardship",  # 3.3.5 majanduslikud asjaolud takistavad õpinguid
    "single_parent",  # 3.3.6 ise üksikvanem
    "disability",  # 3.3.7 keskmise või raske puudega
    "parent_disability",  # 3.3.8 vanem(ad) keskmise, raske või sügava puudega
)
EVIDENCE_KINDS = (
    "household_size",  # Lisa 12 2.3.1 leibkonna suuruse tõend
    "subsistence_benefit",  # 2.3.2 toimetulekutoetus
    "pension_disability_benefit",  # 2.3.3 töövõimetuspension, puudetoetus
    "unemployment",  # 2.3.4 Töötukassa tõend
    "income",  # 2.3.5 viimase kuue kuu sissetulek
    "family_benefits",  # 2.3.6 peretoetused
    "survivors_pension",  # 2.3.7 toitjakaotuspension
    "old_age_pension",  # 2.3.8 vanaduspension
    "disability_decision",  # Lisa 13 2.4 rehabilitatsiooniplaan / puude määramise otsus
    "accident_report",  # Lisa 12 3.3.4, 5.3 õnnetuse või kriisi tõend
    "other",  # Lisa 12 2.4 muu (lisa)dokument
)

# --- the profile's choices (regulation/profile.py checks an override against them) ------------

PRACTICE_SHARE_DENOMINATORS = ("vocational", "whole")  # 3.4.4: the KKH curriculum's vocational part, or all of it
GRANT_CURRICULUM_SPLITS = ("places", "applicants")  # Lisa 11 VI.1: state-funded places or eligible applicants
GRANT_CRITERIA = ("average", "weighted_average", "period_average", "completion", "unexcused")  # Lisa 11 V.2
GRANT_TIE_BREAKS = ("outstanding_results", "social_activity", "attendance", "lower_income")  # Lisa 11 IV.3

# --- placements -------------------------------------------------------------------------------

PLACEMENT_KINDS = ("school_based", "workplace_based", "abroad")
PLACEMENT_STATUSES = ("draft", "review", "valid", "finished", "cancelled")
# The contract's allowed transitions (Tahvel's lepingu olekud): review → draft is a rejection;
# any status but a closed one may be cancelled (with a reason).
STATUS_TRANSITIONS = {
    "draft": ("review", "cancelled"),
    "review": ("valid", "draft", "cancelled"),
    "valid": ("finished", "cancelled"),
    "finished": (),
    "cancelled": (),
}
CANCEL_REASONS = ("company", "student", "school", "ceased", "other")  # Tahvel's lõpetamise põhjused
SIGNING_PARTIES = ("school", "student", "guardian", "host")  # a host signature names its member
SIGNATURE_METHODS = ("digital", "paper")  # DigiDoc (ASiC-E) or wet ink with its date

# --- payments ---------------------------------------------------------------------------------

PAYMENT_KINDS = ("grants", "special", "travel")  # `cluster payments --only`: the kinds a bank file pays

# --- adult courses (Lisa 15) ------------------------------------------------------------------

COURSE_KINDS = ("paid", "free", "rkt")  # 1.2.3 paid, 1.2.2 free (procurement/project), 1.2.1 state-commissioned
COURSE_CANCELLATIONS = ("cancelled", "postponed")  # 3.10
COURSE_DOCUMENTS = ("certificate", "statement")  # 4.4 tunnistus, 4.5 tõend
COURSE_REMOVAL_REASONS = ("application", "absences", "dropped")  # 3.11.1–3.11.3
