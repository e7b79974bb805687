"""Messages of the cluster commands: ``key: (Estonian, English)``."""

MESSAGES: dict[str, tuple[str, str]] = {}
