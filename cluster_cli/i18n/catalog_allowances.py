"""Messages of the allowances commands: ``key: (Estonian, English)``."""

MESSAGES: dict[str, tuple[str, str]] = {}
