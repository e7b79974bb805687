"""The layout of a data folder: which files hold which kind of records. No pydantic here —
finding the files must stay cheap (the answers cache hashes them before anything is loaded)."""

from __future__ import annotations

import os
from pathlib import Path

LIST_KINDS = ("members", "curricula", "groups", "tasks", "students", "placements")
"""The list kinds of a data folder, in load order. Each is `<kind>.yaml` or a folder `<kind>/`."""

YAML_SUFFIXES = (".yaml", ".yml")
SPECIAL_FILES = ("cluster", "profile")


class DataFolderError(Exception):
    """The folder cannot be read as a data folder at all. `key` is a catalogue key."""

    def __init__(self, key: str, path: str):
        super().__init__(f"{key}: {path}")
        self.key = key
        self.path = path


def discover(data_dir: Path) -> tuple[dict[str, list[Path]], list[Path]]:
    """Files per kind (sorted, so that loading order — and output — is stable) and the YAML
    files that belong to no kind. Hidden files and folders (a leading dot) are never read: the
    data folder's lock `.cluster.lock` and the temporaries of an interrupted write
    (`.ptk.yaml.*.tmp`, load/write.py) live there."""
    by_kind: dict[str, list[Path]] = {k: [] for k in (*SPECIAL_FILES, *LIST_KINDS)}
    unknown: list[Path] = []
    for entry in sorted(data_dir.iterdir()):
        if entry.name.startswith("."):
            continue
        stem = entry.stem if entry.is_file() else entry.name
        if entry.is_file() and entry.suffix in YAML_SUFFIXES:
            (by_kind[stem] if stem in by_kind else unknown).append(entry)
        elif entry.is_dir() and stem in LIST_KINDS:
            by_kind[stem].extend(_yaml_files(entry))
    return by_kind, unknown


def _yaml_files(folder: Path) -> list[Path]:
    found = []
    for dirpath, dirnames, filenames in os.walk(folder):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        found.extend(
            Path(dirpath, f) for f in sorted(filenames) if f.endswith(YAML_SUFFIXES) and not f.startswith(".")
        )
    return found


