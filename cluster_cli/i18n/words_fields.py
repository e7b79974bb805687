"""The catalogue keys of record fields named in a sentence (what a record lacks), as `words.py`'s
tables are: the keys are literals here so that extraction sees them."""

from __future__ import annotations

from cluster_cli.i18n import N_
from cluster_cli.i18n.words import Words

# a record's field named in a sentence (what is missing): the label with the field in brackets,
# "koolitaja kvalifikatsioon (trainer_qualification)"
FIELD = Words("field.", {
    "name": N_("field.name"),
    "study_group": N_("field.study_group"),
    "basis": N_("field.basis"),
    "outcomes": N_("field.outcomes"),
    "hours": N_("field.hours"),
    "content": N_("field.content"),
    "methods": N_("field.methods"),
    "environment": N_("field.environment"),
    "assessment": N_("field.assessment"),
    "completion": N_("field.completion"),
    "trainer_qualification": N_("field.trainer_qualification"),
    "quality": N_("field.quality"),
    "address": N_("field.address"),
    "curriculum_url": N_("field.curriculum_url"),
    "target_group": N_("field.target_group"),
    "trainers": N_("field.trainers"),
    "payment_method": N_("field.payment_method"),
    "payment_deadline": N_("field.payment_deadline"),
    "contact": N_("field.contact"),
    "fee": N_("field.fee"),
    "goal_student": N_("field.goal_student"),
    "goal_supervisor": N_("field.goal_supervisor"),
    "agreement": N_("field.agreement"),
    "returned": N_("field.returned"),
    "feedback": N_("field.feedback"),
    "resit_agreed": N_("field.resit_agreed"),
    "sheet_signed": N_("field.sheet_signed"),
    "diary": N_("field.diary"),
    "host_grade": N_("field.host_grade"),
    "report": N_("field.report"),
    "defense_date": N_("field.defense_date"),
})

# the kind of record a reference names, in a sentence: "klastri liige (members)"
RECORD_KIND = Words("field.kind.", {
    "members": N_("field.kind.members"),
    "curricula": N_("field.kind.curricula"),
    "groups": N_("field.kind.groups"),
    "tasks": N_("field.kind.tasks"),
    "students": N_("field.kind.students"),
    "placements": N_("field.kind.placements"),
    "courses": N_("field.kind.courses"),
})

# a coded choice glossed with its Estonian meaning where a hint lists the choices, by field and code:
# "basic (põhiharidus)"
CHOICE = Words("choice.", {
    "education.none": N_("choice.education.none"),
    "education.basic": N_("choice.education.basic"),
    "education.basic_simplified": N_("choice.education.basic_simplified"),
    "education.secondary": N_("choice.education.secondary"),
    "role.chair": N_("choice.role.chair"),
    "role.deputy": N_("choice.role.deputy"),
    "role.member": N_("choice.role.member"),
    "role.examiner": N_("choice.role.examiner"),
})
