"""Messages of the loader: YAML syntax errors said plainly, files the loader refuses, and the
refusal of reports over unreadable data: ``key: (Estonian, English)``.

A syntax error's own words come from the parser (PyYAML, in English); they are kept as
``{detail}`` after a sentence in the user's language.
"""

MESSAGES: dict[str, tuple[str, str]] = {
    # --- YAML syntax, by the parser's problem ---------------------------------------------------
    "yaml-syntax.indent-deeper": (
        "Rida on taandatud sügavamale kui eelmine väli või on väärtuses jutumärkideta koolon ja tühik (parser: {detail}).",
        "This line is indented deeper than the field before it, or a value holds a colon and a space without quotes (parser: {detail}).",
    ),
    "yaml-syntax.indent-deeper.hint": (
        "Joonda väli eelmise välja alla (sama arv tühikuid) või pane väärtus jutumärkidesse: \"…: …\".",
        "Line the field up under the one before it (the same number of spaces), or put the value in quotes: \"…: …\".",
    ),
    "yaml-syntax.indent": (
        "Taanded ei klapi: rida algab teisest veerust kui kirje teised väljad (parser: {detail}).",
        "The indentation does not line up: this line starts in another column than the other fields of its record (parser: {detail}).",
    ),
    "yaml-syntax.indent.hint": (
        "Anna kirje igale väljale sama arv tühikuid kui esimesele väljale pärast '- '.",
        "Give every field of a record as many spaces as the record's first field after '- '.",
    ),
    "yaml-syntax.tab": (
        "Taandes on tabulaator; YAML lubab taandeks ainult tühikuid (parser: {detail}).",
        "The indentation contains a tab; YAML allows only spaces there (parser: {detail}).",
    ),
    "yaml-syntax.tab.hint": ("Asenda tabulaator tühikutega.", "Replace the tab with spaces."),
    "yaml-syntax.quote": (
        "Jutumärgid jäid sulgemata: faili lõpuni ei leitud lõpetavat \" või ' märki (parser: {detail}).",
        "A quote is never closed: no closing \" or ' up to the end of the file (parser: {detail}).",
    ),
    "yaml-syntax.quote.hint": (
        "Otsi väärtust, mis algab \" või ' märgiga, ja sulge see samal real.",
        "Find the value that starts with \" or ' and close it on the same line.",
    ),
    "yaml-syntax.bracket": (
        "Sulg [ või {{ jäi sulgemata (parser: {detail}).",
        "A [ or {{ is never closed (parser: {detail}).",
    ),
    "yaml-syntax.bracket.hint": (
        "Sulge loetelu ] või {{ … }} märgiga või pane väärtus jutumärkidesse.",
        "Close the list with ] or the mapping with }}, or put the value in quotes.",
    ),
    "yaml-syntax.colon": (
        "Kirje sees on rida ilma kooloni ja tühikuta: väli peab olema kujul võti: väärtus (parser: {detail}).",
        "A line inside a record has no colon and space: a field is written key: value (parser: {detail}).",
    ),
    "yaml-syntax.colon.hint": (
        "Kirjuta rida kujul võti: väärtus või liida see eelmise välja väärtusega.",
        "Write the line as key: value, or join it to the value of the field before it.",
    ),
    "yaml-syntax.character": (
        "Väärtus algab märgiga, mille YAML on endale jätnud (@, `, %) (parser: {detail}).",
        "A value starts with a character YAML reserves (@, `, %) (parser: {detail}).",
    ),
    "yaml-syntax.character.hint": ("Pane väärtus jutumärkidesse: \"@…\".", "Put the value in quotes: \"@…\"."),
    "yaml-syntax.control": (
        "Failis on nähtamatu juhtmärk (parser: {detail}).",
        "The file contains an invisible control character (parser: {detail}).",
    ),
    "yaml-syntax.control.hint": (
        "Kirjuta rida uuesti (juhtmärgid tulevad sageli kaasa teisest programmist kopeerides).",
        "Type the line again (control characters often come along when text is copied from another program).",
    ),
    # --- what an unreadable file leaves out -----------------------------------------------------
    "file-unread-records": (
        "Faili ei saanud lugeda, seega jäi {count} kirjet ({ids}) kontrollimata; viiteid neile teistes failides vigadeks ei loeta.",
        "The file could not be read, so {count} records ({ids}) were not checked; references to them from other files are not reported.",
    ),
    "file-unread-records.hint": (
        "Paranda ülal nimetatud viga ja käivita uuesti: cluster validate",
        "Fix the error above and run again: cluster validate",
    ),
    # --- files the loader refuses to read -------------------------------------------------------
    "file-outside-folder": (
        "Fail on link andmekaustast välja ({target}); seda ei loetud.",
        "The file is a link to outside the data folder ({target}); it was not read.",
    ),
    "file-outside-folder.hint": (
        "Kopeeri fail andmekausta lingi asemel või eemalda link.",
        "Copy the file into the data folder instead of linking to it, or remove the link.",
    ),
    "file-not-regular": (
        "See ei ole tavaline fail ({kind}); seda ei loetud.",
        "This is not an ordinary file ({kind}); it was not read.",
    ),
    "file-not-regular.hint": (
        "Eemalda see andmekaustast või nimeta ümber nii, et nimi ei lõpeks .yaml-iga.",
        "Remove it from the data folder, or rename it so that its name does not end in .yaml.",
    ),
    "loader.kind.fifo": ("nimega toru (FIFO)", "a named pipe (FIFO)"),
    "loader.kind.device": ("seadmefail", "a device file"),
    "loader.kind.socket": ("sokkel", "a socket"),
    "loader.kind.other": ("eriline fail", "a special file"),
    "file-over-limit": (
        "Fail on {size} MB, üle piiri {limit} MB; seda ei loetud.",
        "The file is {size} MB, over the limit of {limit} MB; it was not read.",
    ),
    "file-over-limit.hint": (
        "Jaga kirjed liigi kaustas mitmeks failiks või tõsta piiri: CLUSTER_MAX_FILE_MB={suggest}",
        "Split the records into several files in the kind's folder, or raise the limit: CLUSTER_MAX_FILE_MB={suggest}",
    ),
    # --- reports refusing unreadable data -------------------------------------------------------
    "loader.refuse": (
        "Andmetes on {count} laadimisviga; aruanne jääks poolikuks. Esimene: {where}: {message}",
        "The data has {count} loading errors; the report would be incomplete. First: {where}: {message}",
    ),
    "loader.refuse.hint": ("Paranda vead: cluster validate", "Fix the errors: cluster validate"),
}
