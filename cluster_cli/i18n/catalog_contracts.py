"""Messages of `cluster contracts` (placement contracts): ``key: (Estonian, English)``."""

MESSAGES: dict[str, tuple[str, str]] = {}
