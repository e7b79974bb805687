"""Messages of the corrected readings of the regulation (issue 16): ``key: (Estonian, English)``."""

MESSAGES: dict[str, tuple[str, str]] = {
    "grant.reason.school-threshold": (
        "{criterion} {value}, kooli tingimus nõuab {op} {limit}.",
        "{criterion} {value}; the school's condition requires {op} {limit}.",
    ),
}
