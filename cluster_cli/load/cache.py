"""A cache of loaded, validated files and of `validate`'s findings, keyed by content.

- Where: `$CLUSTER_CACHE_DIR`, else the user's cache directory (platformdirs) — never inside
  the data folder (a cache there is refused and the run goes uncached).
- Keys: sha256 of the file's bytes with its kind and the *code key* — a hash of the package's
  own source files, so any change to the tool (models, rules, catalogue) invalidates everything
  it must. Renaming a file costs nothing (content-addressed); editing one re-reads just it.
- Trust: an entry must carry the magic, the code key and the key it is stored under; anything
  else — a truncated, foreign or corrupt file — is ignored, removed and rebuilt.
- Writes are atomic (temporary file + rename), so a crash never leaves half an entry.
"""

from __future__ import annotations

import hashlib
import json
import os
from functools import lru_cache
from pathlib import Path
from typing import Any

MAGIC = "cluster-cli-cache/1"


@lru_cache(maxsize=1)
def code_key() -> str:
    """Hash of every source and data file of the package (about 100 small files) and of the
    installed distributions' names and versions — the libraries shape results too (Estonian
    holidays move deadlines, checksum rules change what is valid). Listing the dist-info
    folders costs a millisecond where asking importlib.metadata costs forty."""
    import sysconfig

    root = Path(__file__).resolve().parents[1]
    h = hashlib.sha256(MAGIC.encode())
    for folder in sorted({sysconfig.get_paths()["purelib"], sysconfig.get_paths()["platlib"]}):
        try:
            h.update(";".join(sorted(n for n in os.listdir(folder) if n.endswith(".dist-info"))).encode())
        except OSError:
            pass
    for path in sorted(root.rglob("*")):
        if path.suffix in (".py", ".yaml") and "__pycache__" not in path.parts:
            h.update(path.relative_to(root).as_posix().encode())
            h.update(path.read_bytes())
    return h.hexdigest()


def cache_dir(data_dir: Path) -> Path | None:
    """The cache directory, or None when caching must not happen."""
    configured = os.environ.get("CLUSTER_CACHE_DIR")
    if configured:
        base = Path(configured)
    else:
        from platformdirs import user_cache_dir

        base = Path(user_cache_dir("cluster-cli"))
    try:
        base_resolved = base.resolve()
        if base_resolved == data_dir.resolve() or data_dir.resolve() in base_resolved.parents:
            return None  # never write inside the data folder
    except OSError:
        return None
    return base


def file_key(kind: str, raw: bytes) -> str:
    return hashlib.sha256(kind.encode() + b"\0" + code_key().encode() + b"\0" + raw).hexdigest()


class Cache:
    """Entries under `<dir>/<area>/<key[:2]>/<key>`: a JSON header line, then a payload."""

    def __init__(self, directory: Path):
        self.dir = directory

    def _path(self, area: str, key: str) -> Path:
        return self.dir / area / key[:2] / key

    def get(self, area: str, key: str) -> tuple[dict, bytes] | None:
        path = self._path(area, key)
        try:
            data = path.read_bytes()
        except OSError:
            return None
        try:
            head, _, payload = data.partition(b"\n")
            header = json.loads(head)
            if header.get("magic") != MAGIC or header.get("code") != code_key() or header.get("key") != key:
                raise ValueError("foreign entry")
            if header.get("size") != len(payload):
                raise ValueError("truncated entry")
            return header, payload
        except (ValueError, TypeError, AttributeError):
            self.discard(area, key)
            return None

    def put(self, area: str, key: str, header: dict[str, Any], payload: bytes) -> None:
        from cluster_cli.files import write_atomic

        head = json.dumps({"magic": MAGIC, "code": code_key(), "key": key, "size": len(payload), **header},
                          separators=(",", ":")).encode()
        try:
            write_atomic(self._path(area, key), head + b"\n" + payload)
        except OSError:
            pass  # a cache that cannot be written is only slower, never wrong

    def discard(self, area: str, key: str) -> None:
        try:
            self._path(area, key).unlink()
        except OSError:
            pass
