"""Messages of the terminal tables (`render/table.py`, `--columns`): ``key: (Estonian, English)``."""

MESSAGES: dict[str, tuple[str, str]] = {
    "table.yes": ("jah", "yes"),
    "rules.view": ("Kontrollid", "Checks"),
    "profile.view": ("Parameetrid", "Parameters"),
    "usage.columns": (
        "Tundmatu veerg --columns valikus: {value}.",
        "Unknown column in --columns: {value}.",
    ),
    "usage.columns.hint": (
        "Vali nende seast (välja nimi või veeru pealkiri): {known}.",
        "Choose from these (a field name or a column's header): {known}.",
    ),
}
