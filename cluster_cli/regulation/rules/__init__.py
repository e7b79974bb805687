"""The rule registry: every check `cluster validate` runs, in run order.

Each rule is a plain function ``(dataset, context) -> findings`` whose docstring cites its
clause. The tuple is read-only; users pick rules with ``--select`` / ``--ignore`` by id.
"""

from __future__ import annotations

from cluster_cli.regulation.rules import codes, curricula, grade_records, grades, identity, minors, paperwork
from cluster_cli.regulation.rules import courses, placements, students
from cluster_cli.regulation.rules.base import Context, Rule

RULES: tuple[Rule, ...] = (
    # identity
    Rule("duplicate-id", "", "error", identity.duplicate_ids),
    Rule("unknown-reference", "", "error", identity.references),
    # codes
    Rule("personal-code", "", "error", codes.personal_codes),
    Rule("registry-code", "Lisa 7 1.4.9", "error", codes.registry_codes),
    Rule("iban", "", "error", codes.ibans),
    Rule("email", "", "error", codes.emails),
    Rule("phone", "", "error", codes.phones),
    # curricula
    Rule("curriculum-volume", "3.2.3, 3.3.4, 3.4.4, 3.4.7, 3.5.3", "error", curricula.curriculum_volume),
    Rule("practice-share", "3.2.3, 3.3.4, 3.4.4, 3.5.3", "error", curricula.practice_share),
    Rule("key-competences", "3.4.7", "error", curricula.key_competences),
    Rule("workplace-practice-share", "3.6.2.1, 3.6.2.2", "error", curricula.study_form_practice),
    # students and groups
    Rule("status-history", "", "error", students.status_history),
    Rule("minor-guardian", "6.1.8, 4.11.5", "error", students.minor_guardian),
    Rule("academic-leave", "6.7.2", "error", students.academic_leave),
    Rule("leave-return", "6.7.10, 6.8.2.5", "warning", students.leave_return),
    Rule("never-started", "4.1.13, 6.8.2.4, Lisa 1 I.8", "warning", students.never_started),
    Rule("study-end-passed", "6.8.2.3", "warning", students.study_end_passed),
    Rule("minor-consent", "6.7.3, 4.12.5", "warning", minors.minor_consent),
    Rule("minor-notice", "6.8.6-6.8.7, 6.9.4-6.9.5", "warning", minors.minor_notice),
    Rule("student-group", "", "warning", students.student_group),
    Rule("practice-group-size", "Lisa 6 II.2-3", "error", students.practice_group_size),
    # the journal: grades and attendance
    Rule("attendance-count", "4.7.5", "error", grades.attendance_count),
    Rule("debt-dates", "6.2.2", "error", grades.debt_dates),
    Rule("grade-scale", "4.6.4.3-4.6.4.5", "error", grades.grade_scale),
    Rule("no-show", "Lisa 4 4.5", "error", grades.no_show),
    Rule("grade-date", "5.1.1", "error", grades.grade_date),
    Rule("period-grade", "2.34, Lisa 3 II.19-20", "warning", grade_records.period_grades),
    # placements
    Rule("contract-terms", "Lisa 7 1.4.2-1.4.9", "error", placements.contract_terms),
    Rule("signed-contract", "4.11.5, Lisa 7 1.4", "error", placements.signed_contract),
    Rule("practice-plan", "Lisa 7 5.7, 2.6, 10.1", "error", placements.practice_plan),
    Rule("joint-placement", "Lisa 7 1.4.2-1.4.3", "error", placements.joint_placement),
    Rule("catalogue-task", "Lisa 7 1.4.5", "error", placements.catalogue_tasks),
    Rule("abroad", "Lisa 7 12.7.1, 12.7.2, 4.12.5", "error", placements.abroad),
    Rule("host-recognition", "2.27", "warning", placements.host_recognition),
    Rule("study-period", "6.7.5, 6.7.6", "error", placements.study_period),
    Rule("open-debts", "6.2.3, Lisa 7 8.2", "error", placements.open_debts),
    Rule("placement-volume", "2.3", "warning", placements.placement_volume),
    Rule("contract-data-timing", "Lisa 7 4.1", "warning", placements.contract_data_timing),
    Rule("defense", "Lisa 7 5.9, 9.3.2, 9.3.4", "warning", placements.defense),
    Rule("practice-period", "4.11.3, Lisa 7 2.5, 12.3-12.5", "warning", paperwork.practice_period),
    Rule("placement-paperwork", "Lisa 7 4.2, 4.6, 7.2, 5.10", "warning", paperwork.placement_paperwork),
    Rule("host-visit", "Lisa 7 6.1", "warning", paperwork.host_visit),
    Rule("safety-instruction", "Lisa 8 1-3", "warning", paperwork.safety_instruction),
    Rule("practice-grade", "Lisa 7 4.2", "error", grade_records.practice_grade_scale),
    # adult courses (Lisa 15)
    Rule("course-curriculum", "Lisa 15 2.3, 3.2", "warning", courses.course_curriculum),
    Rule("course-registration", "Lisa 15 3.4, 3.5, 3.7, 3.8, 3.10", "warning", courses.course_registration),
    Rule("course-attendance", "Lisa 15 3.11.2, 4.1, 4.2", "warning", courses.course_attendance),
    Rule("course-completion", "Lisa 15 4.4", "warning", courses.course_completion),
    Rule("course-fees", "Lisa 15 5.5, 5.8, 5.9", "warning", courses.course_fees),
    Rule("course-safety", "Lisa 15 6.3-6.5", "warning", courses.course_safety),
)

RULE_IDS = tuple(r.id for r in RULES)

__all__ = ["RULES", "RULE_IDS", "Context", "Rule"]
