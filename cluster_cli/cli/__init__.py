"""The command line: option parsing, choosing the output, exit codes — thin; see docs/architecture.md."""
