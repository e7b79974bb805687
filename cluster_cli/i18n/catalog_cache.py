"""Messages of the cache (`cluster cache`, its settings): ``key: (Estonian, English)``."""

MESSAGES: dict[str, tuple[str, str]] = {
    "cache.off": (
        "vahemälu: väljas (seadistatud kaust on andmekausta sees)",
        "cache: off (the configured directory is inside the data folder)",
    ),
    "cache.info.where": (
        "Vahemälu: {directory} (loetav ainult sinule: kaustad 0700, failid 0600)",
        "Cache: {directory} (readable by you only: folders 0700, files 0600)",
    ),
    "cache.info.size": ("{entries} kirjet, {size} MB", "{entries} entries, {size} MB"),
    "cache.info.pruning": (
        "Puhastus kord päevas: kirjed, mida pole {days} päeva kasutatud, ja vanimad üle {mb} MB piiri; viimati {last}.",
        "Pruned once a day: entries unused for {days} days, and the oldest beyond {mb} MB; last pruned {last}.",
    ),
    "cache.info.never": ("veel mitte", "not yet"),
    "cache.nothing": ("vahemälu: pole midagi kustutada", "cache: nothing to clear"),
    "cache.cleared": ("{directory}: {count} kirjet kustutatud", "{directory}: {count} entries removed"),
    "cache.setting-invalid": (
        "Vahemälu seade {name}={value} ei ole arv, mis on vähemalt 0.",
        "The cache setting {name}={value} is not a number of at least 0.",
    ),
    "cache.setting-invalid.hint": (
        "Anna {name} arvuna (näiteks {name}=30) või eemalda see, siis kehtib vaikeväärtus.",
        "Set {name} to a number (e.g. {name}=30), or unset it to use the default.",
    ),
}
