"""Messages about dates typed on the command line (`23.11.2026` or `2026-11-23`; months
`11.2026` or `2026-11`), the calendar file's words without personal data, and progress on long
steps: ``key: (Estonian, English)``."""

MESSAGES: dict[str, tuple[str, str]] = {
    "usage.date.hint": (
        "Kirjuta kuupäev kujul PP.KK.AAAA või AAAA-KK-PP, nt 23.11.2026 või 2026-11-23.",
        "Write the date as DD.MM.YYYY or YYYY-MM-DD, e.g. 23.11.2026 or 2026-11-23.",
    ),
    "usage.date-no-day": (
        "Kuupäeva '{value}' ei ole olemas: kuus {month} on {days} päeva.",
        "Date '{value}' does not exist: month {month} has {days} days.",
    ),
    "usage.date-no-day.hint": (
        "Lähim olemasolev kuupäev on {suggestion}.",
        "The nearest date that exists is {suggestion}.",
    ),
    "usage.date-no-month": (
        "Kuupäeva '{value}' ei ole olemas: kuud {number} ei ole (kuud on 1–12).",
        "Date '{value}' does not exist: there is no month {number} (months are 1–12).",
    ),
    "usage.date-no-month.hint": (
        "Lähim olemasolev kuupäev on {suggestion}.",
        "The nearest date that exists is {suggestion}.",
    ),
    # The calendar file without names (`cluster calendar --ics`, no --show-pii): a calendar is often
    # shared, so a student is named by id only — the same sentences as calendar.event.* otherwise.
    "calendar.ics.event.debt-agree": (
        "{student}: järelvastamine kokku leppida õpetajaga — {module}{topic}, võlg tekkis {arose}.",
        "{student}: agree the re-sit with the teacher — {module}{topic}, debt arose {arose}.",
    ),
    "calendar.ics.event.debt-clear": (
        "{student}: võlg likvideerida — {module}{topic}, tekkis {arose}; muidu aegub (ümarlaud).",
        "{student}: clear the debt — {module}{topic}, arose {arose}; otherwise it expires (round table).",
    ),
    "calendar.ics.event.leave-return": (
        "{student}: akadeemiline puhkus lõppes {end}; õpingud jätkata hiljemalt täna (6.7.10), 6.8.2.5 järgi "
        "hiljemalt {latest}.",
        "{student}: academic leave ended {end}; studies resume by today (6.7.10), by {latest} under 6.8.2.5.",
    ),
    # progress bars on stderr (cli/progress.py): what is being counted
    "ui.progress.loading": ("Andmefailid", "Data files"),
    "ui.progress.left": ("jäänud", "left"),
    "ui.contracts.pdf-progress": ("PDF-id", "PDFs"),
}
