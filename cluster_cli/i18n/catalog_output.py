"""Messages about output files for people and programs (XLSX, CSV dialects, the format a file's
suffix asks for, notes after writing): ``key: (Estonian, English)``."""

MESSAGES: dict[str, tuple[str, str]] = {
    "output.wrote": ("Kirjutatud {file} ({count} rida)", "wrote {file} ({count} rows)"),
    "output.wrote-one": ("Kirjutatud {file} (1 rida)", "wrote {file} (1 row)"),
    "output.suffix-conflict": (
        "Fail {path} on {suffix}-fail, kuid --format on {format}.",
        "{path} is a {suffix} file, but --format is {format}.",
    ),
    "output.suffix-conflict.hint": (
        "Jäta --format ära (vorming tuleb faili laiendist) või anna failile laiend .{format}.",
        "Leave --format out (the file's suffix chooses the format), or give the file the suffix .{format}.",
    ),
    "output.suffix-ics": (
        "Fail {path} on iCalendar-fail; --output kirjutab aruande tabelid.",
        "{path} is an iCalendar file; --output writes the report's tables.",
    ),
    "output.suffix-ics.hint": (
        "Tähtajad kalendrisse: cluster calendar --ics {path}",
        "Deadlines for a calendar: cluster calendar --ics {path}",
    ),
    "output.ics-suffix": (
        "--ics kirjutab iCalendar-faili, kuid {path} on {suffix}-fail.",
        "--ics writes an iCalendar file, but {path} is a {suffix} file.",
    ),
    "output.ics-suffix.hint": (
        "Anna --ics failile laiend .ics; tabelid: --output FAIL{suffix}",
        "Give the --ics file the suffix .ics; for the tables: --output FILE{suffix}",
    ),
    "output.pii-masked-bank": (
        "Isikukoodid ja kontonumbrid on varjatud; pangale täielik nimekiri: lisa --show-pii (fail on loetav vaid sulle).",
        "Personal codes and accounts are masked; the full list for the bank: add --show-pii (the file is yours only).",
    ),
    "output.xlsx.title": ("{title} · seisuga {date} · andmed: {data}", "{title} · as of {date} · data: {data}"),
    "output.subtotal": ("Kokku {value}", "Total {value}"),
    "output.param.command": ("Käsk", "Command"),
    "output.param.data": ("Andmekaust", "Data folder"),
    "output.param.as-of": ("Seisuga", "As of"),
    "output.param.version": ("Tööriista versioon", "Tool version"),
}
