"""A cache of loaded, validated files and of `validate`'s findings, keyed by content.

- Where: `$CLUSTER_CACHE_DIR`, else the user's cache directory (platformdirs) — never inside
  the data folder (a cache there is refused and the run goes uncached).
- Keys: sha256 of the file's bytes with its kind and the *code key* — a hash of the package's
  own source files, so any change to the tool (models, rules, catalogue) invalidates everything
  it must. Renaming a file costs nothing (content-addressed); editing one re-reads just it.
- Trust: an entry must carry the magic, the code key, the key it is stored under and the
  sha256 of its body (its metadata and payload); anything else — a truncated, foreign or
  corrupt file, even a same-size flip of one digit — is ignored, removed and rebuilt.
- Writes are atomic (temporary file + rename), so a crash never leaves half an entry.
- Privacy: entries hold the data's personal codes and bank accounts (the loaded files), so the
  cache's folders are created 0700 and its files 0600 — only the user can read them. Answers
  are stored only as the masked output shows them (the callers' duty: `pipeline.validate`,
  `cli.common.cached_answer`); so are the findings kept per file (`checks`, from
  `regulation/kept.py`; a `--show-pii` run neither reads nor writes them), and the text a
  masked answer was printed as (`shown`, keyed by the answer and what decides the printed
  bytes: format, language, terminal — `pipeline.validate`'s `view`).
- Pruning: at most once a day (a stamp file records the last time), entries not used for
  `$CLUSTER_CACHE_MAX_AGE_DAYS` days (default 30) are removed, then the least recently used
  ones until the cache fits in `$CLUSTER_CACHE_MAX_MB` (default 500). A hit refreshes an
  entry's modification time (at most once a day), which is what "used" means here.
"""

from __future__ import annotations

import hashlib
import json
import os
from functools import lru_cache
from pathlib import Path
from typing import Any

MAGIC = "cluster-cli-cache/2"
AREAS = ("files", "heads", "answers", "checks", "lines", "shown", "digests", "holidays")
STAMP = "pruned.stamp"
DAY = 86400
DEFAULT_MAX_AGE_DAYS = 30
DEFAULT_MAX_MB = 500
MAX_AGE_ENV = "CLUSTER_CACHE_MAX_AGE_DAYS"
MAX_MB_ENV = "CLUSTER_CACHE_MAX_MB"


CODE_SUFFIXES = (".py", ".yaml", ".mo")  # sources, data, and the compiled catalogues (shown texts)
MEMO = "code-key.json"
# A file changed less than this long before its stat was taken may change again within the same
# timestamp: its stat is not trusted (its bytes are hashed on every run until it is older).
RACY_NS = 2_000_000_000


@lru_cache(maxsize=1)
def code_key() -> str:
    """Hash of every source, data and catalogue file of the package (about 200 small files) and
    of the installed distributions' names and versions — the libraries shape results too
    (Estonian holidays move deadlines, checksum rules change what is valid). Listing the
    dist-info folders costs a millisecond where asking importlib.metadata costs forty.

    Hashing the files' bytes on every run costs more than the rest of a re-run answered from
    the cache, so the key is memoised (`MEMO` in the cache folder) with each file's stat:
    path, size, inode, mtime_ns and ctime_ns. The stat is trusted because ctime is set by the
    kernel on every write, rename or metadata change and no tool can set it back (a restore
    with `cp -p`, `rsync -a` or `touch -d` that keeps the size and the old mtime still gets a
    new ctime; a file replaced by a rename gets a new inode). Where that is unsure it falls
    back to the bytes: a file whose ctime is within `RACY_NS` of when it was stat'ed is hashed
    anew on every run (a write in the same clock tick as the stat would not show), and a memo
    that is missing, unreadable or for another listing is rebuilt from the bytes."""
    return key_of_code(Path(__file__).resolve().parents[1], _memo_path())


def key_of_code(root: Path, memo_path: Path | None) -> str:
    """`code_key` of the package folder `root`, memoised in `memo_path` (None: no memo)."""
    import sysconfig
    import time

    dists = []
    for folder in sorted({sysconfig.get_paths()["purelib"], sysconfig.get_paths()["platlib"]}):
        try:
            dists.append(";".join(sorted(n for n in os.listdir(folder) if n.endswith(".dist-info"))))
        except OSError:
            pass
    files = _code_files(root)
    memo = _read_memo(memo_path)
    now = time.time_ns()
    stats = _stats(files)
    if (memo is not None and memo.get("root") == str(root) and memo.get("dists") == dists and memo.get("files") == stats
            and memo.get("racy") is not None and isinstance(memo.get("key"), str)):
        racy = set(memo["racy"])
        if not racy:
            return memo["key"]
        h = hashlib.sha256(memo["key"].encode())  # the racy files' bytes are checked anew
        for rel in sorted(racy):
            h.update(rel.encode() + b"\0" + hashlib.sha256((root / rel).read_bytes()).digest())
        if h.hexdigest() == memo.get("racy_sum"):
            if all(now - ctime >= RACY_NS for rel, _size, _ino, _mtime, ctime in stats if rel in racy):
                _write_memo(memo_path, {**memo, "racy": [], "racy_sum": None})  # their stat is trusted now
            return memo["key"]
    h = hashlib.sha256(MAGIC.encode())
    for listing in dists:
        h.update(listing.encode())
    racy_sum = None
    racy = sorted(rel for rel, _size, _ino, _mtime, ctime in stats if now - ctime < RACY_NS)
    contents = {}
    for rel, _st in files:
        contents[rel] = (root / rel).read_bytes()
        h.update(rel.encode())
        h.update(contents[rel])
    key = h.hexdigest()
    if racy:
        r = hashlib.sha256(key.encode())
        for rel in racy:
            r.update(rel.encode() + b"\0" + hashlib.sha256(contents[rel]).digest())
        racy_sum = r.hexdigest()
    if stats == _stats(_code_files(root)):  # (nothing changed while it was read)
        _write_memo(memo_path, {"root": str(root), "dists": dists, "files": stats, "racy": racy, "racy_sum": racy_sum,
                                "key": key})
    return key


def _write_memo(path: Path | None, memo: dict) -> None:
    if path is None:
        return
    try:
        from cluster_cli.files import write_atomic

        _private_dir(path.parent, tighten=False)
        write_atomic(path, json.dumps(memo, separators=(",", ":")), durable=False)
    except OSError:
        pass  # no memo: the next run hashes again


def _code_files(root: Path) -> list[tuple[str, os.stat_result]]:
    """The package's files that make up the code key, (relative path, stat), ordered by their
    path's parts (`os.scandir`: a fraction of `rglob`'s cost)."""
    found = []
    pending = [("", str(root))]
    while pending:
        rel_dir, folder = pending.pop()
        try:
            entries = list(os.scandir(folder))
        except OSError:
            continue
        for entry in entries:
            rel = rel_dir + entry.name
            try:
                if entry.is_dir():
                    if entry.name != "__pycache__":
                        pending.append((rel + "/", entry.path))
                elif entry.name.endswith(CODE_SUFFIXES):
                    found.append((rel, entry.stat()))
            except OSError:
                pass
    found.sort(key=lambda item: item[0].split("/"))
    return found


def _stats(files: list[tuple[str, os.stat_result]]) -> list[list]:
    return [[rel, st.st_size, st.st_ino, st.st_mtime_ns, st.st_ctime_ns] for rel, st in files]


def _memo_path() -> Path | None:
    configured = os.environ.get("CLUSTER_CACHE_DIR")
    if configured:
        return Path(configured) / MEMO
    try:
        from platformdirs import user_cache_dir

        return Path(user_cache_dir("cluster-cli")) / MEMO
    except Exception:  # noqa: BLE001 - no cache folder: no memo
        return None


def _read_memo(path: Path | None) -> dict | None:
    if path is None:
        return None
    try:
        memo = json.loads(path.read_bytes())
    except (OSError, ValueError):
        return None
    return memo if isinstance(memo, dict) else None


def cache_dir(data_dir: Path) -> Path | None:
    """The cache directory, or None when caching must not happen."""
    configured = os.environ.get("CLUSTER_CACHE_DIR")
    if configured:
        base = Path(configured)
    else:
        from platformdirs import user_cache_dir

        base = Path(user_cache_dir("cluster-cli"))
        try:  # ours, not a folder the user chose: closed to others, as `cache info` says
            if base.stat().st_mode & 0o077:
                base.chmod(0o700)
        except OSError:
            pass  # not there yet (made 0700 when first written) or not ours to change
    try:
        base_resolved = base.resolve()
        if base_resolved == data_dir.resolve() or data_dir.resolve() in base_resolved.parents:
            return None  # never write inside the data folder
    except OSError:
        return None
    return base


def file_key(kind: str, raw: bytes) -> str:
    return key_of_digest(kind, hashlib.sha256(raw).digest())


def key_of_digest(kind: str, digest: bytes) -> str:
    """A list file's key in the cache: its kind, the tool's code key and the sha256 of its bytes."""
    return hashlib.sha256(kind.encode() + b"\0" + code_key().encode() + b"\0" + digest).hexdigest()


def data_digests(data_dir: Path, paths: list[Path]) -> dict[str, bytes | None]:
    """The sha256 of each data file's bytes (relative path → digest; None: unreadable), read
    from a memo of the files' stat where it can be trusted — as `code_key` trusts it (size,
    inode, mtime_ns, ctime_ns; a file changed within `RACY_NS` of its stat is read again) — so
    that a re-run after one file changed reads that file only (issue 20). The memo lives in the
    cache folder (area ``digests``, one per data folder) and holds digests only, never data."""
    import time

    directory = cache_dir(data_dir)
    memo_path = None
    if directory is not None:
        where = hashlib.sha256(str(data_dir.resolve()).encode()).hexdigest()
        memo_path = directory / "digests" / f"{where}.json"
    memo = _read_memo(memo_path) or {}
    known = memo.get("files") if memo.get("magic") == MAGIC and isinstance(memo.get("files"), dict) else {}
    now = time.time_ns()
    digests: dict[str, bytes | None] = {}
    kept: dict[str, list] = {}
    for path in paths:
        rel = path.relative_to(data_dir).as_posix()
        try:
            st = path.stat()
        except OSError:
            digests[rel] = None
            continue
        stat = [st.st_size, st.st_ino, st.st_mtime_ns, st.st_ctime_ns]
        entry = known.get(rel)
        trusted = now - st.st_ctime_ns >= RACY_NS
        if trusted and isinstance(entry, list) and entry[:4] == stat and isinstance(entry[4], str):
            digests[rel] = bytes.fromhex(entry[4])
            kept[rel] = entry
            continue
        try:
            digest = hashlib.sha256(path.read_bytes()).digest()
        except OSError:
            digests[rel] = None
            continue
        digests[rel] = digest
        if trusted:  # else: hashed again next time
            kept[rel] = [*stat, digest.hex()]
    if memo_path is not None and kept != known:
        _write_memo(memo_path, {"magic": MAGIC, "files": kept})
    return digests


def limits(environ=os.environ) -> tuple[float, float]:
    """(max age in days, max size in MB) from the environment; ValueError names the variable
    whose value is not a number >= 0 (the CLI checks this first and says so)."""
    out = []
    for name, default in ((MAX_AGE_ENV, DEFAULT_MAX_AGE_DAYS), (MAX_MB_ENV, DEFAULT_MAX_MB)):
        text = environ.get(name, "").strip()
        if not text:
            out.append(float(default))
            continue
        try:
            value = float(text)
        except ValueError:
            raise ValueError(name) from None
        if not value >= 0 or value == float("inf"):  # also refuses nan
            raise ValueError(name)
        out.append(value)
    return out[0], out[1]


def open_cache(data_dir: Path, prune: bool = True) -> "Cache | None":
    """The cache for a run on `data_dir`, or None when caching must not happen there. Prunes
    the cache first if the last pruning is a day old (otherwise this costs one stat), unless
    `prune` is off (a second opening in the same run: the loader's pruned already)."""
    directory = cache_dir(data_dir)
    if directory is None:
        return None
    cache = Cache(directory)
    if not prune:
        return cache
    try:
        max_age, max_mb = limits()
    except ValueError:  # the CLI refuses such settings before; a library caller gets defaults
        max_age, max_mb = DEFAULT_MAX_AGE_DAYS, DEFAULT_MAX_MB
    cache.prune_if_due(max_age, max_mb)
    return cache


def _private_dir(path: Path, tighten: bool = True) -> None:
    """Create `path` readable by the user only; with `tighten`, also close it if an older
    version left it open to others. (The base folder is not tightened when it exists: it may be
    a folder the user chose with $CLUSTER_CACHE_DIR; the areas inside it are ours and closed.)"""
    try:
        path.mkdir(mode=0o700, parents=True, exist_ok=True)
        if tighten and path.stat().st_mode & 0o077:
            path.chmod(0o700)
    except OSError:
        pass


class Cache:
    """Entries under `<dir>/<area>/<key[:2]>/<key>`: a JSON header line (magic, code key, key,
    body size and sha256), then the body — the metadata as one JSON line, then the payload."""

    def __init__(self, directory: Path):
        self.dir = directory

    def _path(self, area: str, key: str) -> Path:
        return self.dir / area / key[:2] / key

    def get(self, area: str, key: str) -> tuple[dict, bytes] | None:
        import time

        path = self._path(area, key)
        try:
            with open(path, "rb") as handle:
                modified = os.fstat(handle.fileno()).st_mtime
                data = handle.read()
        except OSError:
            return None
        try:
            head, _, body = data.partition(b"\n")
            header = json.loads(head)
            if header.get("magic") != MAGIC or header.get("code") != code_key() or header.get("key") != key:
                raise ValueError("foreign entry")
            if header.get("size") != len(body):
                raise ValueError("truncated entry")
            if header.get("sum") != hashlib.sha256(body).hexdigest():
                raise ValueError("corrupt entry")
            meta, _, payload = body.partition(b"\n")
            meta = json.loads(meta)
            if not isinstance(meta, dict):
                raise ValueError("corrupt entry")
        except (ValueError, TypeError, AttributeError):
            self.discard(area, key)
            return None
        if time.time() - modified > DAY:
            try:  # the entry is in use: pruning keeps it
                os.utime(path)
            except OSError:
                pass
        return meta, payload

    def put(self, area: str, key: str, meta: dict[str, Any], payload: bytes) -> None:
        from cluster_cli.files import write_atomic

        body = json.dumps(meta, separators=(",", ":")).encode() + b"\n" + payload
        head = json.dumps({"magic": MAGIC, "code": code_key(), "key": key, "size": len(body),
                           "sum": hashlib.sha256(body).hexdigest()}, separators=(",", ":")).encode()
        path = self._path(area, key)
        try:
            _private_dir(self.dir, tighten=False)
            _private_dir(self.dir / area)
            _private_dir(path.parent)
            write_atomic(path, head + b"\n" + body, durable=False)  # mkstemp: the file is 0600
        except OSError:
            pass  # a cache that cannot be written is only slower, never wrong

    def has(self, area: str, key: str) -> bool:
        """Whether an entry is there (whether it is sound, `get` finds out)."""
        return self._path(area, key).is_file()

    def discard(self, area: str, key: str) -> None:
        try:
            self._path(area, key).unlink()
        except OSError:
            pass

    # --- housekeeping ------------------------------------------------------------------------

    def entries(self) -> list[tuple[Path, os.stat_result]]:
        """Every file of the cache's areas (entries and leftover temporary files)."""
        found = []
        for area in AREAS:
            for root, _dirs, names in os.walk(self.dir / area):
                for name in names:
                    path = Path(root) / name
                    try:
                        found.append((path, path.stat()))
                    except OSError:
                        pass
        return found

    def prune_if_due(self, max_age_days: float, max_mb: float) -> bool:
        """Prune when the last pruning (the stamp's time) is a day old or more; True if it ran.
        Costs one stat when it is not due."""
        import time

        stamp = self.dir / STAMP
        try:
            if time.time() - stamp.stat().st_mtime < DAY:
                return False
        except OSError:
            if not self.dir.is_dir():
                return False  # nothing cached yet: nothing to prune
        self.prune(max_age_days, max_mb)
        try:
            _private_dir(self.dir, tighten=False)
            stamp.touch(mode=0o600)
            os.utime(stamp)
        except OSError:
            pass
        return True

    def prune(self, max_age_days: float, max_mb: float) -> int:
        """Remove entries not used for `max_age_days`, then the least recently used ones until
        the rest fits in `max_mb`. Returns how many files were removed."""
        import time

        now = time.time()
        removed = 0
        kept = []
        for path, st in self.entries():
            if now - st.st_mtime > max_age_days * DAY:
                removed += self._remove(path)
            else:
                kept.append((st.st_mtime, str(path), st.st_size))
        budget = max_mb * 1_000_000
        total = sum(size for _, _, size in kept)
        for _mtime, path, size in sorted(kept):
            if total <= budget:
                break
            removed += self._remove(Path(path))
            total -= size
        return removed

    @staticmethod
    def _remove(path: Path) -> int:
        try:
            path.unlink()
            return 1
        except OSError:
            return 0
