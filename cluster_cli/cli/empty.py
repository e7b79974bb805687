"""Saying why a report is empty: one line on stderr, in the user's language; the (empty) report
still goes to stdout and the exit code stays 0. The reason comes from render/ (`*empty_reason`),
which reads it off the report's typed result."""

from __future__ import annotations

from typing import Optional


def say_why_empty(reason: Optional[str], quiet: bool = False) -> None:
    """Print `reason` to stderr unless there is none or `--quiet` asks for no notes."""
    if reason and not quiet:
        from cluster_cli.cli.common import say

        say("cluster: ", reason)
