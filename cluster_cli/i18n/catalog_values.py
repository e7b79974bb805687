"""Messages of values typed on the command line: choices in Estonian, rounds, ids in any case
with "did you mean" (cli/values.py)."""

MESSAGES: dict[str, tuple[str, str]] = {
    "values.season.autumn": ("sügis", "autumn"),
    "values.season.spring": ("kevad", "spring"),
    "values.unknown-choice": ("Väärtus '{value}' ei sobi võtmele {option}; vali: {known}", "'{value}' is not a value of {option}; choose one of: {known}"),
    "values.round": ("Voor '{value}' ei sobi; kasuta kuju AAAA-sügis või AAAA-kevad (ka AAAA-autumn, AAAA-spring), nt 2026-sügis.", "Round '{value}' is not valid; use YYYY-autumn or YYYY-spring (or YYYY-sügis, YYYY-kevad), e.g. 2026-autumn."),
    "values.known": ("Võimalikud: {known}", "Valid ones: {known}"),
    "values.did-you-mean": ("Kas mõtlesite: {suggestions}?", "Did you mean: {suggestions}?"),
    "values.unknown.student": ("Õpilast '{value}' ei ole.", "There is no student '{value}'."),
    "values.unknown.group": ("Gruppi '{value}' ei ole.", "There is no group '{value}'."),
    "values.unknown.member": ("Liiget '{value}' ei ole.", "There is no member '{value}'."),
    "values.unknown.placement": ("Praktikat '{value}' ei ole.", "There is no placement '{value}'."),
    "values.unknown.rule": ("Reeglit '{value}' ei ole.", "There is no rule '{value}'."),
    "values.unknown.curriculum": ("Õppekava '{value}' ei ole.", "There is no curriculum '{value}'."),
    "values.unknown.module": ("Moodulit '{value}' ei ole.", "There is no module '{value}'."),
    "values.list.student": ("Õpilaste id-d on andmekausta kaustas students/ (väli id); Tab-klahv pakub neid, kui käsurea lõpetamine on paigaldatud (cluster --install-completion).", "Student ids are in the data folder's students/ (field id); Tab offers them once completion is installed (cluster --install-completion)."),
    "values.list.group": ("Grupid on andmekausta failis groups.yaml (väli id); Tab-klahv pakub neid, kui käsurea lõpetamine on paigaldatud.", "Groups are in the data folder's groups.yaml (field id); Tab offers them once completion is installed."),
    "values.list.member": ("Liikmed näitab: cluster members list", "List the members: cluster members list"),
    "values.list.placement": ("Praktikate id-d on andmekausta kaustas placements/ (väli id); ühe liikme praktikad näitab: cluster members show LIIGE", "Placement ids are in the data folder's placements/ (field id); a member's placements: cluster members show MEMBER"),
    "values.list.rule": ("Reeglid näitab: cluster rules", "List the rules: cluster rules"),
    "values.list.curriculum": ("Õppekavad on andmekausta failis curricula.yaml (väli code).", "Curricula are in the data folder's curricula.yaml (field code)."),
    "values.list.module": ("Moodulid on andmekausta failis curricula.yaml (õppekava all modules).", "Modules are in the data folder's curricula.yaml (modules of a curriculum)."),
}
