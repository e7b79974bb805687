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
# exams (Lisa 3 III, Lisa 4): kinds, committee roles, a committee member's place at the school
EXAM_KINDS = ("final", "professional", "transition")
EXAM_ROLES = ("chair", "deputy", "member", "examiner")
EXAM_POSITIONS = ("leading_teacher", "management", "teacher")

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

# --- support (6.4–6.6, Lisa 9–10) -------------------------------------------------------------

# 6.4.7.1–6.4.7.6: educational support measures (haridulikud tugimeetmed), in the regulation's order
SUPPORT_MEASURE_KINDS = ("individual_curriculum", "individual_schedule", "career_plan", "small_group",
                         "intervention", "estonian")
INTERVENTION_INTENSITIES = ("moderate", "thorough")  # 6.4.7.5 mõõdukas, põhjalik
AGREEING_PARTIES = ("student", "guardian")  # 6.4.8 õpilane ja/või seaduslik esindaja
IOK_INITIATIVES = ("student", "guardian", "school")  # Lisa 10 4–5
IOK_GROUNDS = ("health", "giftedness", "learning_difficulties")  # Lisa 10 3.1–3.3
IOG_GROUNDS = ("transfer", "health", "family", "other")  # 6.6.1
IOG_END_REASONS = ("schedule_not_kept", "debts")  # 6.6.8
# --- admission and the student card (4.1, 4.2, Lisa 1, Lisa 2) --------------------------------

# 4.1.6–4.1.9, Lisa 1 II.4–II.10: the education on entry (põhihariduseta, põhiharidus,
# lihtsustatud õppekava alusel põhiharidus, keskharidus)
ENTRY_EDUCATIONS = ("none", "basic", "basic_simplified", "secondary")
# Lisa 1 III.1.1–1.4, IV.2: isikut tõendav dokument, elamisluba/-õigus või seadusliku viibimise
# tõend, avaldus, haridust tõendava dokumendi originaal või notariaalne koopia, vanema nõusolek,
# teises koolis läbitud õpingute tõend
ADMISSION_DOCUMENTS = ("id_document", "residence_permit", "application", "certificate", "guardian_consent",
                       "transcript")
# Lisa 2 6.1: rikutud, hävinud, kadunud, varastatud; nimi või isikukood muutunud
CARD_REPLACEMENT_REASONS = ("damaged", "destroyed", "lost", "stolen", "name_changed", "code_changed")
# --- prior learning (VÕTA, Lisa 5) ------------------------------------------------------------

PRIOR_LEARNING_KINDS = ("study", "work")  # varasemad õpingud / töökogemus (Lisa 5 I.1)
PRIOR_EVIDENCE_KINDS = (
    "diploma",  # Lisa 5 II.3 diplom
    "certificate",  # II.3 tunnistus
    "transcript",  # II.3 akadeemiline õiend
    "record_card",  # II.3 õpitulemuste arvestamise kaart
    "training_certificate",  # II.3 koolituse tunnistus
    "professional_certificate",  # II.3 kutsetunnistus
    "employment_contract",  # II.4 töölepingu koopia
    "appointment_directive",  # II.4 ametisse nimetamise käskkirja koopia
    "employment_record",  # II.4 tööraamat
    "reference",  # II.4 soovituskiri
    "work_description",  # II.2 töökogemuse kirjeldus
    "self_analysis",  # II.2 eneseanalüüs
    "portfolio",  # III.13 õpimapp, sooritatud praktiline töö
    "assessment",  # III.7 sisulise hindamise tõend: test, kontrolltöö, tasemetöö, eksami protokoll
    "other",  # II.3 muu haridust tõendav dokument
)
PRIOR_COMMITTEE_ROLES = ("study_director", "leading_teacher", "secretary", "teacher", "expert")  # Lisa 5 III.2
# --- adult courses (Lisa 15) ------------------------------------------------------------------

COURSE_KINDS = ("paid", "free", "rkt")  # 1.2.3 paid, 1.2.2 free (procurement/project), 1.2.1 state-commissioned
COURSE_CANCELLATIONS = ("cancelled", "postponed")  # 3.10
COURSE_DOCUMENTS = ("certificate", "statement")  # 4.4 tunnistus, 4.5 tõend
COURSE_REMOVAL_REASONS = ("application", "absences", "dropped")  # 3.11.1–3.11.3
