"""Where the data folder is and which language the user reads — decided early and cheaply.

Standard library only: the language is decided before `--help` is printed, so nothing here may
cost start-up time (no YAML parser: `cluster.yaml`'s `language:` is read as one line).
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Optional

LANGUAGES = ("et", "en")  # the same tuple as cluster_cli.i18n.LANGUAGES (kept stdlib-only here)
CLUSTER_FILE = "cluster.yaml"

_LANGUAGE_LINE = re.compile(r"""^language:[ \t]*["']?([A-Za-z_-]+)["']?[ \t]*(?:#.*)?$""", re.MULTILINE)
_read: dict = {}  # (path, mtime_ns, size) → language, so a run reads cluster.yaml's line once


def find_data_dir(start: Path) -> Optional[Path]:
    """Walk up from `start` as git looks for its repository: a folder holding `cluster.yaml` is
    the data folder; a folder holding `data/cluster.yaml` gives its `data/`. None when no folder
    up to the root says so. The answer is relative to the current folder when it is below or
    above it (`.`, `data`, `..`, `../data`), so that messages name files as the user sees them."""
    try:
        here = start.resolve()
    except OSError:
        return None
    for folder in (here, *here.parents):
        for candidate in (folder, folder / "data"):
            if (candidate / CLUSTER_FILE).is_file():
                return _shown(candidate)
    return None


def _shown(folder: Path) -> Path:
    try:
        return Path(os.path.relpath(folder))
    except ValueError:  # another drive (Windows)
        return folder


def explicit_data_dir(given: Optional[Path]) -> Optional[Path]:
    """`--data`, else `$CLUSTER_DATA`; None when the user named no folder."""
    if given is not None:
        return Path(given)
    env = os.environ.get("CLUSTER_DATA")
    return Path(env) if env else None


def data_dir(given: Optional[Path]) -> Path:
    """`--data` > `$CLUSTER_DATA` > the folder found upward from here > `./data` (which the
    loader then reports as missing, saying where it looked)."""
    return explicit_data_dir(given) or find_data_dir(Path.cwd()) or Path("data")


def cluster_language(folder: Path) -> Optional[str]:
    """`language:` of `folder/cluster.yaml`, read as one top-level line (no YAML parse); None
    when the file or the key is missing or the value is not a language we speak."""
    path = folder / CLUSTER_FILE
    try:
        st = path.stat()
    except OSError:
        return None
    key = (str(path.resolve()), st.st_mtime_ns, st.st_size)
    if key not in _read:
        try:
            text = path.read_text(encoding="utf-8-sig", errors="replace")
        except OSError:
            return None
        match = _LANGUAGE_LINE.search(text)
        _read[key] = match.group(1).lower() if match else None
    value = _read[key]
    return value if value in LANGUAGES else None


def locale_language() -> Optional[str]:
    """The locale's language as POSIX orders it: the first set of LC_ALL, LC_MESSAGES, LANG;
    `en_*` → en, `et_*` → et, anything else (C, POSIX, de_DE…) says nothing."""
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(name)
        if value:
            code = re.split(r"[_.@-]", value, maxsplit=1)[0].lower()
            return code if code in LANGUAGES else None
    return None


def chosen_language(given: Optional[str], cluster: Optional[str], data: Optional[Path]) -> tuple[Optional[str], str]:
    """(what is wrong, the language): `--lang`, then `$CLUSTER_LANG`, then the cluster's language
    (`cluster`, or read from the data folder's `cluster.yaml`), then the locale, else Estonian.
    A wrong `--lang` or `$CLUSTER_LANG` is returned as the first element, its name and value,
    with the language the rest of the order gives (to say so in)."""
    problem = None
    for name, value in (("--lang", given), ("CLUSTER_LANG", os.environ.get("CLUSTER_LANG") or None)):
        if value is None:
            continue
        if value in LANGUAGES:
            return problem, value
        problem = problem or (name, value)
    if cluster not in LANGUAGES:
        cluster = cluster_language(data_dir(data))
    return problem, cluster or locale_language() or "et"


def option_value(args: list[str], *names: str) -> Optional[str]:
    """The value of an option in raw command-line `args` (`--lang en`, `--lang=en`, `-d x`), read
    before Click parses them — the help must be built in the right language first."""
    found = None
    for i, arg in enumerate(args):
        if arg == "--":
            break
        for name in names:
            if arg == name and i + 1 < len(args):
                found = args[i + 1]
            elif name.startswith("--") and arg.startswith(name + "="):
                found = arg[len(name) + 1:]
    return found
