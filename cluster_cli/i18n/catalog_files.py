"""Messages about output files and writes to the data folder: ``key: (Estonian, English)``."""

MESSAGES: dict[str, tuple[str, str]] = {
    "files.output-empty": ("Väljundfaili nimi on tühi.", "The output file name is empty."),
    "files.output-empty.hint": (
        "Anna faili nimi (--output aruanne.csv) või - standardväljundi jaoks.",
        "Give a file name (--output report.csv), or - for standard output.",
    ),
    "files.output-folder": ("{path} on kaust, mitte fail.", "{path} is a folder, not a file."),
    "files.output-folder.hint": (
        "Anna faili nimi selles kaustas, nt {path}/aruanne.csv.",
        "Name a file in that folder, e.g. {path}/report.csv.",
    ),
    "files.output-no-folder": (
        "Faili {path} kausta ei ole olemas.", "The folder of {path} does not exist."),
    "files.output-no-folder.hint": (
        "Loo kaust enne (mkdir -p) või vali teine koht.", "Create the folder first (mkdir -p) or choose another place."),
    "files.output-not-folder": (
        "Faili {path} teekonnas on fail seal, kus peaks olema kaust.",
        "The path {path} goes through a file where a folder should be."),
    "files.output-not-folder.hint": ("Vali teine koht.", "Choose another place."),
    "files.output-not-writable": (
        "Faili {path} kausta ei saa kirjutada.", "The folder of {path} cannot be written to."),
    "files.output-not-writable.hint": (
        "Vali kaust, kuhu sul on kirjutamisõigus, või muuda kausta õigusi.",
        "Choose a folder you may write to, or change the folder's permissions."),
    "files.output-read-only": ("Fail {path} on kirjutuskaitstud.", "The file {path} is read-only."),
    "files.output-read-only.hint": (
        "Vali teine nimi või eemalda kirjutuskaitse (chmod u+w).",
        "Choose another name, or make it writable (chmod u+w)."),
    "files.output-system": (
        "{path} on süsteemi eriala (/proc, /sys), mitte koht aruandele.",
        "{path} is a system pseudo-file (/proc, /sys), not a place for a report."),
    "files.output-system.hint": (
        "Kirjuta tavalisse faili või standardväljundisse (--output -).",
        "Write to an ordinary file, or to standard output (--output -)."),
    "files.output-special": (
        "{path} ei ole tavaline fail (sokkel või plokkseade).",
        "{path} is not an ordinary file (a socket or a block device)."),
    "files.output-special.hint": (
        "Kirjuta tavalisse faili või standardväljundisse (--output -).",
        "Write to an ordinary file, or to standard output (--output -)."),
    "files.output-in-data": (
        "{path} on andmekaustas: aruanne kirjutaks üle andmed.",
        "{path} is inside the data folder: the report would overwrite the data."),
    "files.output-in-data.hint": (
        "Kirjuta aruanne väljapoole andmekausta.", "Write the report outside the data folder."),
    "files.output-twice": (
        "--output ja --ics viitavad samale kohale ({path}).", "--output and --ics point at the same place ({path})."),
    "files.output-twice.hint": (
        "Anna neile eri failid (tabel ekraanile on vaikimisi standardväljund).",
        "Give them different files (the table goes to standard output by default)."),
    "files.write-full": (
        "Faili {path} ei saanud kirjutada: ketas on täis ({reason}). Midagi ei kirjutatud.",
        "Could not write {path}: the disk is full ({reason}). Nothing was written."),
    "files.write-full.hint": (
        "Vabasta kettaruumi või vali teine ketas ja käivita uuesti.",
        "Free some disk space or choose another disk, and run again."),
    "files.write-read-only": (
        "Faili {path} ei saanud kirjutada: failisüsteem on ainult lugemiseks ({reason}). Midagi ei kirjutatud.",
        "Could not write {path}: the file system is read-only ({reason}). Nothing was written."),
    "files.write-read-only.hint": (
        "Vali koht, kuhu saab kirjutada.", "Choose a place that can be written to."),
    "files.write-denied": (
        "Faili {path} ei saanud kirjutada: õigus puudub ({reason}). Midagi ei kirjutatud.",
        "Could not write {path}: permission denied ({reason}). Nothing was written."),
    "files.write-denied.hint": (
        "Vali kaust, kuhu sul on kirjutamisõigus, või muuda õigusi.",
        "Choose a folder you may write to, or change the permissions."),
    "files.write-failed": (
        "Faili {path} ei saanud kirjutada ({reason}). Midagi ei kirjutatud.",
        "Could not write {path} ({reason}). Nothing was written."),
    "files.write-failed.hint": ("Paranda põhjus ja käivita uuesti.", "Fix the cause and run again."),
    "files.data-busy": (
        "Andmekausta {path} muudab praegu teine cluster'i käsk.",
        "Another cluster command is editing the data folder {path}."),
    "files.data-busy.hint": (
        "Oota, kuni see lõpeb, ja käivita uuesti (ooteaeg: CLUSTER_LOCK_TIMEOUT sekundit).",
        "Wait for it to finish and run again (how long to wait: CLUSTER_LOCK_TIMEOUT seconds)."),
    "files.data-changed": (
        "Fail {path} muutus ajal, kui käsk andmeid töötles; midagi ei kirjutatud.",
        "The file {path} changed while the command was working on the data; nothing was written."),
    "files.data-changed.hint": (
        "Käivita käsk uuesti: see loeb muudetud faili.", "Run the command again: it will read the changed file."),
    "files.swept": (
        "Eemaldatud katkestatud kirjutamise ajutised failid ({count}): {files}",
        "Removed the temporary files of an interrupted write ({count}): {files}"),
}
