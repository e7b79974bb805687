"""Messages about values outside what the tool can work with — extreme dates and control
characters (`cluster_cli.limits`): ``key: (Estonian, English)``."""

MESSAGES: dict[str, tuple[str, str]] = {
    "usage.date-range": (
        "Kuupäev '{value}' on väljaspool lubatud vahemikku {first} … {last}.",
        "Date '{value}' is outside the usable range {first} … {last}.",
    ),
    "usage.date-range.hint": (
        "Kasuta kuupäeva aastatest {first_year}–{last_year}.",
        "Use a date in the years {first_year}–{last_year}.",
    ),
    "usage.round-range": (
        "Voor '{value}' on väljaspool lubatud vahemikku: aasta peab olema {first_year}–{last_year}.",
        "Round '{value}' is outside the usable range: the year must be {first_year}–{last_year}.",
    ),
    "usage.year-range": (
        "Õppeaasta '{value}' on väljaspool lubatud vahemikku {first_year}/{second_year} … {before_last_year}/{last_year}.",
        "Study year '{value}' is outside the usable range {first_year}/{second_year} … {before_last_year}/{last_year}.",
    ),
    "usage.month-range": (
        "Kuu '{value}' on väljaspool lubatud vahemikku {first_year}-01 … {last_year}-12.",
        "Month '{value}' is outside the usable range {first_year}-01 … {last_year}-12.",
    ),
    "reason.date-range": (
        "kuupäev peab jääma vahemikku {first} … {last}",
        "the date must lie between {first} and {last}",
    ),
    "control-character": (
        "Välja '{field}' väärtuses on juhtmärk {char}; see ei saa minna dokumenti ega ekraanile.",
        "Field '{field}' contains the control character {char}; it cannot go into a document or onto a screen.",
    ),
    "control-character.hint": (
        "Eemalda märk (jutumärkides väärtuses kirjutatud kujul nagu \\x1b, \\0 või \\u…).",
        "Remove the character (in a quoted value it is written like \\x1b, \\0 or \\u…).",
    ),
}
