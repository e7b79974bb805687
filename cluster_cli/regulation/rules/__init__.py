"""The rule registry: every check `cluster validate` runs, in run order.

Each rule is a plain function ``(dataset, context) -> findings`` whose docstring cites its
clause. The tuple is read-only; users pick rules with ``--select`` / ``--ignore`` by id.
"""

from __future__ import annotations

from cluster_cli.regulation.rules import codes, curricula, grade_records, grades, identity, minors, paperwork
from cluster_cli.regulation.rules import placements, students, support
from cluster_cli.regulation.rules import admission, student_card
from cluster_cli.regulation.rules import prior_learning, safety
from cluster_cli.regulation.rules import exam_results, exams
from cluster_cli.regulation.rules import directives, governance, study_volume, transcripts
from cluster_cli.regulation.rules import placement_care, student_papers, travel_papers
from cluster_cli.regulation.rules import courses
from cluster_cli.regulation.rules.base import Context, Rule

RULES: tuple[Rule, ...] = (
    # identity
    Rule("duplicate-id", "", "error", identity.duplicate_ids),
    Rule("unknown-reference", "", "error", identity.references, scope="record",
         reads=("curricula", "groups", "members", "placements", "tasks"), across=identity.placement_students),
    # codes
    Rule("personal-code", "", "error", codes.personal_codes, scope="record"),
    Rule("registry-code", "Lisa 7 1.4.9", "error", codes.registry_codes, scope="record"),
    Rule("iban", "", "error", codes.ibans, scope="record"),
    Rule("email", "", "error", codes.emails, scope="record"),
    Rule("phone", "", "error", codes.phones, scope="record"),
    # curricula
    Rule("curriculum-volume", "3.2.3, 3.3.4, 3.4.4, 3.4.7, 3.5.3", "error", curricula.curriculum_volume,
         scope="record"),
    Rule("practice-share", "3.2.3, 3.3.4, 3.4.4, 3.5.3", "error", curricula.practice_share, scope="record"),
    Rule("key-competences", "3.4.7", "error", curricula.key_competences, scope="record"),
    Rule("workplace-practice-share", "3.6.2.1, 3.6.2.2", "error", curricula.study_form_practice, scope="record"),
    # students and groups
    Rule("status-history", "", "error", students.status_history, scope="record"),
    Rule("minor-guardian", "6.1.8, 4.11.5", "error", students.minor_guardian, scope="record"),
    Rule("academic-leave", "6.7.2", "error", students.academic_leave, scope="record",
         reads=("curricula",)),
    Rule("leave-return", "6.7.10, 6.8.2.5", "warning", students.leave_return, scope="record"),
    Rule("never-started", "4.1.13, 6.8.2.4, Lisa 1 I.8", "warning", students.never_started, scope="record"),
    Rule("study-end-passed", "6.8.2.3", "warning", students.study_end_passed, scope="record"),
    Rule("minor-consent", "6.7.3, 4.12.5", "warning", minors.minor_consent, scope="record"),
    Rule("minor-notice", "6.8.6-6.8.7, 6.9.4-6.9.5", "warning", minors.minor_notice, scope="record"),
    Rule("student-group", "", "warning", students.student_group, scope="record", reads=("groups",)),
    Rule("practice-group-size", "Lisa 6 II.2-3", "error", students.practice_group_size),
    # the journal: grades and attendance
    Rule("attendance-count", "4.7.5", "error", grades.attendance_count, scope="record",
         reads=("placements",)),
    Rule("debt-dates", "6.2.2", "error", grades.debt_dates, scope="record"),
    Rule("grade-scale", "4.6.4.3-4.6.4.5", "error", grades.grade_scale, scope="record", reads=("curricula",)),
    Rule("no-show", "Lisa 4 4.5", "error", grades.no_show, scope="record"),
    Rule("grade-date", "5.1.1", "error", grades.grade_date, scope="record"),
    Rule("period-grade", "2.34, Lisa 3 II.19-20", "warning", grade_records.period_grades, scope="record"),
    # placements
    Rule("contract-terms", "Lisa 7 1.4.2-1.4.9", "error", placements.contract_terms, scope="record",
         reads=("members", "placements")),
    Rule("signed-contract", "4.11.5, Lisa 7 1.4", "error", placements.signed_contract, scope="record",
         reads=("members", "placements"), across=placements.signed_without_student),
    Rule("practice-plan", "Lisa 7 5.7, 2.6, 10.1", "error", placements.practice_plan, scope="record",
         reads=("placements",)),
    Rule("joint-placement", "Lisa 7 1.4.2-1.4.3", "error", placements.joint_placement, scope="record",
         reads=("members",)),
    Rule("catalogue-task", "Lisa 7 1.4.5", "error", placements.catalogue_tasks, scope="record",
         reads=("placements", "tasks")),
    Rule("abroad", "Lisa 7 12.7.1, 12.7.2, 4.12.5", "error", placements.abroad, scope="record",
         reads=("placements",)),
    Rule("host-recognition", "2.27", "warning", placements.host_recognition, scope="record",
         reads=("members",)),
    Rule("study-period", "6.7.5, 6.7.6", "error", placements.study_period, scope="record", reads=("placements",)),
    Rule("open-debts", "6.2.3, Lisa 7 8.2", "error", placements.open_debts, scope="record", reads=("placements",)),
    Rule("placement-volume", "2.3", "warning", placements.placement_volume, scope="record",
         reads=("curricula", "placements")),
    Rule("contract-data-timing", "Lisa 7 4.1", "warning", placements.contract_data_timing, scope="record"),
    Rule("defense", "Lisa 7 5.9, 9.3.2, 9.3.4", "warning", placements.defense, scope="record"),
    Rule("practice-period", "4.11.3, Lisa 7 2.5, 12.3-12.5", "warning", paperwork.practice_period, scope="record",
         reads=("placements", "groups")),
    Rule("placement-paperwork", "Lisa 7 4.2, 4.6, 7.2, 5.10", "warning", paperwork.placement_paperwork, scope="record"),
    Rule("host-visit", "Lisa 7 6.1", "warning", paperwork.host_visit, scope="record"),
    Rule("safety-instruction", "Lisa 8 1-3", "warning", paperwork.safety_instruction, scope="record",
         reads=("placements", "groups"), across=safety.module_instructions),
    Rule("practice-grade", "Lisa 7 4.2", "error", grade_records.practice_grade_scale, scope="record"),
    # support: support measures, individual curriculum and schedule, development talks
    Rule("support-measure", "6.4.7.5, 6.4.8", "warning", support.support_measures, scope="record"),
    Rule("individual-curriculum", "6.5.1-6.5.3, Lisa 10 1.2-7", "warning",
         support.individual_curricula, scope="record", reads=("curricula",)),
    Rule("individual-schedule", "6.6.1-6.6.6, 6.6.8", "warning", support.individual_schedules, scope="record"),
    Rule("development-talk", "Lisa 9 3.1, 5.1, 7.1.3, 8.1, 9.1", "warning",
         support.development_talks, scope="record", reads=("groups",)),
    # admission and the student card
    Rule("admission-entry", "4.1.6-4.1.9, Lisa 1 I.3, II.4-10", "warning",
         admission.admission_entry, scope="record", reads=("curricula",)),
    Rule("admission-documents", "Lisa 1 I.7, III.1, IV.2-3; 4.1.12", "warning",
         admission.admission_documents, scope="record", reads=("curricula",)),
    Rule("admission-committee", "Lisa 1 I.4", "warning", admission.admission_committee, scope="record",
         across=admission.admitting_schools),
    Rule("group-opening", "Lisa 1 II.2", "warning", admission.group_opening),
    Rule("curriculum-change", "Lisa 1 I.9, II.9, I.13.5", "warning",
         admission.curriculum_change, scope="record", reads=("curricula",)),
    Rule("student-card", "Lisa 2, 4.2.1-4.2.6, Lisa 1 I.15", "warning", student_card.student_card, scope="record",
         across=student_card.card_numbers),
    Rule("card-validity", "Lisa 1 I.16, Lisa 2 5.1", "warning", student_card.card_validity, scope="record"),
    # prior learning (VÕTA) and the first safety training
    Rule("prior-learning", "Lisa 5 I.3-IV.2, 4.6.4.9-4.6.4.11", "warning", prior_learning.prior_learning,
         scope="record", reads=("curricula", "placements"), across=prior_learning.deciding_schools),
    Rule("safety-module", "Lisa 8 1", "warning", safety.safety_module, scope="record",
         across=safety.first_instructions),
    # exams: final, professional and transition exams, cum laude
    Rule("exam-committee", "Lisa 4 3.3, 3.7, Lisa 3 III.2.3", "warning", exams.exam_committee),
    Rule("exam-schedule", "Lisa 4 3.1, 3.2.1, Lisa 3 III.2", "warning", exams.exam_schedule),
    Rule("exam-protocol", "Lisa 4 3.5-3.6, 4.6, 4.13.9", "warning", exams.exam_protocol),
    Rule("transition-exam", "Lisa 3 III.1.3", "warning", exams.transition_exam),
    Rule("exam-results", "Lisa 4 4.2-4.10, Lisa 3 III", "error", exam_results.exam_results),
    Rule("exam-path", "Lisa 4 2.1-2.2, 4.13.2-4.13.4", "warning", exam_results.exam_path, scope="record"),
    Rule("cum-laude", "6.10.4", "info", exam_results.cum_laude, scope="record", reads=("curricula", "groups")),
    # study volume: independent work, e-courses, practical work against practice (issue 21 F)
    Rule("independent-work", "2.10, 3.6.1.1-3.6.1.2", "error", study_volume.independent_work, scope="record"),
    Rule("e-course", "2.5", "error", study_volume.e_courses, scope="record"),
    Rule("practice-balance", "3.3.4, 3.4.4, 3.5.3, 4.11.4", "warning", study_volume.practice_balance, scope="record"),
    # directives: a student's käskkirjad (issue 21 F)
    Rule("admission-directive", "4.1.12, 4.1.15", "warning", directives.admission_directive, scope="record"),
    Rule("study-trip", "4.4.6", "warning", directives.study_trips, scope="record"),
    Rule("abroad-directive", "4.12.3", "warning", directives.abroad_directive, scope="record"),
    Rule("transfer-directive", "6.3.2, 6.7.6", "warning", directives.transfer_directive, scope="record"),
    Rule("removal-directive", "6.8.4", "warning", directives.removal_directive, scope="record"),
    # the school's bodies, as cluster.yaml keeps them (issue 21 F)
    Rule("fee-decision", "2.37", "warning", governance.fee_decisions),
    Rule("guest-student", "4.12.8-4.12.9", "warning", governance.guest_students),
    Rule("round-table", "6.3.5", "warning", governance.round_tables),
    Rule("council-representative", "6.11.3.3", "error", governance.council_representatives),
    Rule("decision-suspension", "7.4", "error", governance.suspended_decisions),
    # module grades and the final certificate (issue 21 F)
    Rule("module-grade", "Lisa 3 II.18", "warning", transcripts.module_grades, scope="record"),
    Rule("certificate-grades", "Lisa 3 II.22", "warning", transcripts.certificate_grades, scope="record",
         reads=("curricula",)),
    # placement care (Lisa 7 1.3.1, 2.2, 4.8, 5.8, 8.3, 9.3.5, 12.7.6)
    Rule("host-suitability", "Lisa 7 1.3.1, 5.8", "warning", placement_care.host_suitability, scope="record"),
    Rule("school-supervisor", "Lisa 7 2.2", "warning", placement_care.school_supervisor, scope="record"),
    Rule("host-contact", "Lisa 7 8.3", "warning", placement_care.host_contact, scope="record"),
    Rule("practice-grade-entered", "Lisa 7 4.8, 4.7.9", "warning", placement_care.grade_entered, scope="record"),
    Rule("repeat-defense", "Lisa 7 9.3.5", "warning", placement_care.repeat_defense, scope="record"),
    Rule("abroad-documents", "Lisa 7 12.7.6, 12.7.5", "warning", placement_care.abroad_documents, scope="record"),
    # student papers (5.3.1.3, 6.2.4, 6.7.3, 6.7.4)
    Rule("student-accounts", "5.3.1.3", "warning", student_papers.student_accounts, scope="record"),
    Rule("resit-sheet", "6.2.4", "warning", student_papers.resit_sheet, scope="record"),
    Rule("leave-papers", "6.7.3, 6.7.4", "warning", student_papers.leave_papers, scope="record"),
    # travel papers (Lisa 14 3.2, 3.3, 3.5)
    Rule("travel-application", "Lisa 14 3.2", "warning", travel_papers.travel_application, scope="record"),
    Rule("travel-check", "Lisa 14 3.3, 3.5", "warning", travel_papers.travel_check, scope="record"),
    # adult courses (Lisa 15)
    Rule("course-curriculum", "Lisa 15 2.3, 3.2", "warning", courses.course_curriculum, scope="record"),
    Rule("course-registration", "Lisa 15 3.4, 3.5, 3.7, 3.8, 3.10", "warning", courses.course_registration),
    Rule("course-attendance", "Lisa 15 3.11.2, 4.1, 4.2", "warning", courses.course_attendance, scope="record"),
    Rule("course-completion", "Lisa 15 4.4", "warning", courses.course_completion, scope="record"),
    Rule("course-fees", "Lisa 15 5.5, 5.8, 5.9", "warning", courses.course_fees, scope="record"),
    Rule("course-safety", "Lisa 15 6.3-6.5", "warning", courses.course_safety, scope="record"),
)

RULE_IDS = tuple(r.id for r in RULES)

__all__ = ["RULES", "RULE_IDS", "Context", "Rule"]
