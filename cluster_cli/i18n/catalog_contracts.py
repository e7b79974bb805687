"""Messages of `cluster contracts` (placement contracts): ``key: (Estonian, English)``."""

MESSAGES: dict[str, tuple[str, str]] = {
    # --- usage and unusable input (exit 2) ------------------------------------------------------
    "usage.contracts-select": (
        "Millised lepingud? Anna praktikate id-d või --all, --group G või --status S.",
        "Which contracts? Give placement ids, or --all, --group G or --status S.",
    ),
    "usage.contracts-select.hint": (
        "nt  cluster contracts render --all   või   cluster contracts render P1 P2",
        "e.g.  cluster contracts render --all   or   cluster contracts render P1 P2",
    ),
    "usage.contracts-ids-and-all": (
        "Praktikate id-d ja --all korraga ei sobi.",
        "Placement ids and --all do not go together.",
    ),
    "usage.unknown-placement": ("Praktikat '{value}' ei ole.", "There is no placement '{value}'."),
    "usage.unknown-status": (
        "Olekut '{value}' ei ole; olekud: {known}",
        "There is no status '{value}'; statuses: {known}",
    ),
    "usage.contracts-template-missing": ("Malli {path} ei ole.", "The template {path} does not exist."),
    "usage.contracts-template-missing.hint": (
        "Anna olemasolev .docx-fail võtmega --template või loo kaasasolevad mallid: python templates/make_templates.py",
        "Give an existing .docx file with --template, or build the shipped ones: python templates/make_templates.py",
    ),
    "usage.contracts-template-bad": (
        "Mall {path} ei sobi: {detail}",
        "The template {path} cannot be used: {detail}",
    ),
    "usage.contracts-template-bad.hint": (
        "Kontrolli malli: cluster contracts check-template {path}",
        "Check the template: cluster contracts check-template {path}",
    ),
    "usage.contracts-out": (
        "Väljundkaust {path} ei ole kaust.",
        "The output folder {path} is not a folder.",
    ),
    "usage.contracts-no-libreoffice": (
        "PDF-i tegemiseks on vaja LibreOffice'i (soffice), kuid seda ei leitud. Midagi ei kirjutatud.",
        "Making PDFs needs LibreOffice (soffice), which was not found. Nothing was written.",
    ),
    "usage.contracts-no-libreoffice.hint": (
        "Paigalda see käsuga  sudo apt install libreoffice-writer  või jäta --pdf ära.",
        "Install it with  sudo apt install libreoffice-writer  or leave out --pdf.",
    ),
    "usage.contracts-write": (
        "Faili {path} ei saanud kirjutada: {detail}. Selle käivituse loodud failid ja kaustad eemaldati.",
        "Could not write {path}: {detail}. The files and folders this run created were removed.",
    ),
    "usage.contracts-data-errors": (
        "Andmetes on {count} laadimisviga, mis ei kuulu ühegi liikme, õppija ega praktika kirje juurde "
        "(esimene: {where}): pole teada, mida andmetest puudu on, seega ühtegi lepingut ei koostatud.",
        "The data has {count} loading errors outside any member, student or placement record (first: {where}): "
        "what is missing from the data is unknown, so no contract was made.",
    ),
    "usage.contracts-data-errors.hint": ("Paranda vead: cluster validate", "Fix the errors: cluster validate"),
    # --- refused actions (exit 1) ----------------------------------------------------------------
    "refused.contracts-locked": (
        "Kausta kirjutab teine lepingute koostamine ({path}); ootasin {seconds} s. Midagi ei kirjutatud.",
        "Another contracts run is writing into this folder ({path}); waited {seconds} s. Nothing was written.",
    ),
    "refused.contracts-locked.hint": (
        "Oota, kuni teine käivitus lõpeb, ja proovi uuesti (või anna pikem --lock-timeout).",
        "Wait until the other run ends and try again (or give a longer --lock-timeout).",
    ),
    "refused.contracts-interrupted": (
        "Katkestatud: selle käivituse loodud failid eemaldati ja muudetud failid taastati (vt ülal).",
        "Interrupted: the files this run created were removed and the ones it changed restored (see above).",
    ),
    # --- reasons (manifest and stderr) -------------------------------------------------------------
    "reason.contracts.status": (
        "olek {status}: lepingut ei koostata (eelnõu või tühistatud praktika)",
        "status {status}: no contract is made (a draft or cancelled placement)",
    ),
    "reason.contracts.unknown": ("{kind} '{id}' puudub andmetest", "{kind} '{id}' is not in the data"),
    "reason.contracts.no-guardian": (
        "õpilane {student} on praktika alguses alaealine, kuid seaduslikku esindajat pole kirjas (4.11.5)",
        "student {student} is a minor at the start, but no legal representative is recorded (4.11.5)",
    ),
    "reason.contracts.outside": (
        "sihtkoht {path} jääks väljundkaustast välja",
        "the destination {path} would leave the output folder",
    ),
    "reason.contracts.same-file": (
        "failinimi {path} on sama mis praktikal {other}",
        "the file name {path} is the same as placement {other}'s",
    ),
    "reason.contracts.conflict": (
        "fail {path} on olemas ja lepingu andmed on muutunud (leping võib olla juba allkirjastatud); üle kirjutamiseks lisa --force",
        "{path} exists and the contract's data changed (it may already be signed); add --force to overwrite",
    ),
    "reason.contracts.conflict-foreign": (
        "fail {path} on olemas, kuid ei ole selle tööriista loodud (võib olla käsitsi muudetud või allkirjastatud); üle kirjutamiseks lisa --force",
        "{path} exists but was not written by this tool (it may be edited by hand or signed); add --force to overwrite",
    ),
    "reason.contracts.missing": (
        "praktika {placement}: mall kasutab lepingu tingimust '{term}', millel andmetes väärtust pole",
        "placement {placement}: the template uses the contract term '{term}', which has no value in the data",
    ),
    "reason.contracts.unknown-variable": (
        "praktika {placement}: mall kasutab muutujat '{term}', mida lepingu andmetes pole",
        "placement {placement}: the template uses the variable '{term}', which the contract's data does not have",
    ),
    "reason.contracts.template": (
        "praktika {placement}: malli viga: {detail}",
        "placement {placement}: template error: {detail}",
    ),
    "reason.contracts.characters": (
        "praktika {placement}: väärtuses {term} ('{value}') on juhtmärk, mida dokument ei saa sisaldada; "
        "paranda see failis {file}",
        "placement {placement}: the value {term} ('{value}') holds a control character a document cannot hold; "
        "fix it in {file}",
    ),
    "reason.contracts.characters-render": (
        "praktika {placement}: väärtuses {term} ('{value}') on juhtmärk, mida dokument ei saa sisaldada",
        "placement {placement}: the value {term} ('{value}') holds a control character a document cannot hold",
    ),
    "reason.contracts.template-at": (
        "praktika {placement}: mall {template} ({where}): {detail}",
        "placement {placement}: template {template} ({where}): {detail}",
    ),
    "reason.contracts.pdf": (
        "PDF-i ei saanud teha failist {path}: {detail}",
        "Could not make a PDF of {path}: {detail}",
    ),
    # --- words of the run ---------------------------------------------------------------------------
    "ui.contracts.progress": ("Lepingud", "Contracts"),
    "ui.contracts.summary": (
        "Lepingud: loodud {created}, muutmata {unchanged}, uuendatud {updated}, konfliktis {conflict}, "
        "keeldutud {refused}, vahele jäetud {skipped}.",
        "Contracts: created {created}, unchanged {unchanged}, updated {updated}, conflict {conflict}, "
        "refused {refused}, skipped {skipped}.",
    ),
    "ui.contracts.dry-run": (
        "Proovikäivitus (--dry-run): midagi ei kirjutatud.",
        "Dry run (--dry-run): nothing was written.",
    ),
    "ui.contracts.manifest": ("Manifest: {json} ja {csv}", "Manifest: {json} and {csv}"),
    "ui.contracts.pdf": ("PDF-e tehtud: {count}", "PDFs made: {count}"),
    "ui.contracts.variables": ("Malli muutujad", "Template variables"),
    "ui.contracts.paths": ("Kasutatud väärtused", "Values used"),
    "ui.contracts.unknown": ("Tundmatud muutujad (lepingu andmetes pole)", "Unknown variables (not in the contract's data)"),
    "ui.contracts.terms": ("Kohustuslikud tingimused, mida mall ei kasuta", "Mandatory terms the template never uses"),
    "ui.contracts.template-ok": (
        "Mall {path} on korras: kõik muutujad on teada ja kõik kohustuslikud tingimused on olemas.",
        "The template {path} is fine: every variable is known and every mandatory term is there.",
    ),
    "ui.contracts.template-bad": (
        "Mallis {path} on {count} probleemi.",
        "The template {path} has {count} problems.",
    ),
    "ui.contracts.refusals": (
        "Mida koostamine keelduks tegemast (liivakast, käitusvead, aja- ja mahupiir)",
        "What rendering would refuse (sandbox, runtime errors, time and size bounds)",
    ),
    "ui.contracts.waiting": (
        "Ootan: kausta {path} kirjutab teine lepingute koostamine …",
        "Waiting: another contracts run is writing into {path} …",
    ),
    "ui.contracts.swept": (
        "Eemaldati {count} katkenud kirjutamise ajutist faili kaustast {path}.",
        "Removed {count} temporary files of an interrupted write from {path}.",
    ),
    "ui.contracts.rolled-back": ("eemaldatud", "removed"),
    "ui.contracts.restored": ("taastatud", "restored"),
    "ui.contracts.syntax": ("Süntaksiviga: {detail}", "Syntax error: {detail}"),
}
