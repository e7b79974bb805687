"""The pipeline's named stages — load → check → (reports) — as plain functions.

The CLI calls these and nothing else reads files or judges data. Each stage records its wall
time in `Timings`, which `-v` prints.
"""

from __future__ import annotations

import time
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import Callable, Iterable, Iterator

from cluster_cli.findings import Finding, Pii, mask, mask_values
from cluster_cli.i18n import Period, Phrase


@dataclass
class Timings:
    stages: list[tuple[str, float]] = field(default_factory=list)

    @contextmanager
    def stage(self, name: str) -> Iterator[None]:
        start = time.perf_counter()
        try:
            yield
        finally:
            self.stages.append((name, time.perf_counter() - start))


@dataclass
class Loaded:
    """A loaded data folder: the dataset, the regulation profile in force, and the findings of
    loading (syntax, shape, profile overrides)."""

    dataset: "Dataset"  # noqa: F821 - imported lazily
    profile: "Profile"  # noqa: F821
    findings: list[Finding]


def load(data_dir: Path, shown_as: str | None = None, timings: Timings | None = None, cache: bool = False,
         fast: bool = True, release: bool = False) -> Loaded:
    """Stage 1: read the folder and the profile. Raises `DataFolderError` if it is no data folder.

    `cache` reuses files loaded in earlier runs (see `cluster_cli.load.cache`); `fast` lets
    plainly safe files take the fast parser (`cluster_cli.load.fast`). Both give the same data
    and findings as the precise path. `release` (with `cache`) holds no file's records after
    reading it: they are built again from the cache where they are read."""
    from cluster_cli.load.folder import load_folder
    from cluster_cli.regulation import calendar
    from cluster_cli.regulation.profile import load_profile

    timings = timings or Timings()
    with timings.stage("load"):
        dataset, findings = load_folder(data_dir, shown_as, use_cache=cache, use_fast=fast, reads=_READS.get(),
                                        release=release)
    if cache:
        from cluster_cli.load.cache import open_cache

        calendar.use_store(open_cache(data_dir, prune=False))  # the holidays of the years in play
    else:
        calendar.use_store(None)
    with timings.stage("profile"):
        profile_id = dataset.cluster.profile if dataset.cluster else "vvttk"
        cluster_file = dataset.cluster.origin.file if dataset.cluster else ""
        profile, profile_findings = load_profile(profile_id, dataset.profile_raw, dataset.profile_file, cluster_file)
    return Loaded(dataset, profile, findings + profile_findings)


def check(
    loaded: Loaded,
    as_of: date,
    select: Iterable[str] | None = None,
    ignore: Iterable[str] = (),
    timings: Timings | None = None,
    store: "Cache | None" = None,  # noqa: F821 - imported lazily
) -> list[Finding]:
    """Stage 2: run the rule registry (all rules, or those selected) and return every finding —
    the loader's and the rules' — in file and line order. With a cache `store`, the findings of
    record rules on files that did not change come from it (`regulation/kept.py`); the caller
    passes one only where the answer is shown masked."""
    from cluster_cli.regulation import kept
    from cluster_cli.regulation.rules import RULES, Context

    timings = timings or Timings()
    chosen = set(select) if select else None
    skipped = set(ignore)
    ctx = Context(as_of=as_of, profile=loaded.profile)
    findings = list(loaded.findings)
    rules = [r for r in RULES if (chosen is None or r.id in chosen) and r.id not in skipped]
    with timings.stage("check"):
        findings.extend(kept.run(loaded.dataset, ctx, rules, store, masked_finding, some=bool(chosen or skipped)))
    findings = [f for f in findings if f.code not in skipped]
    findings.sort(key=Finding.sort_key)
    return findings


@dataclass
class Validation:
    """What `validate` answers: the findings, and the counts for the summary line."""

    findings: list[Finding]
    files: int
    records: int
    language: str | None
    # With a `view` (see `validate`): the output stored for it, as (its meta, its text) — then
    # `findings` is empty and the caller prints the text as it is; else, where the answer may be
    # kept, `keep_shown(meta, text)` stores the output the caller made for the next run.
    shown: tuple[dict, str] | None = None
    keep_shown: Callable[[dict, str], None] | None = None


# A test seam: called right after the folder was fingerprinted and before it is read, so that a
# test can change a file exactly there (the race of issue 12) without sleeping.
AFTER_FINGERPRINT: Callable[[], None] | None = None

_READS: ContextVar[dict | None] = ContextVar("cluster_cli_reads", default=None)


@contextmanager
def recording_reads() -> Iterator[dict]:
    """While active, `load` records what it read: ``{"dir": folder, "files": {relative path:
    sha256 of the bytes read, or None if unreadable}, "unknown": [relative paths]}`` — the
    bytes an answer was computed from, which its cache key must describe."""
    reads: dict = {}
    token = _READS.set(reads)
    try:
        yield reads
    finally:
        _READS.reset(token)


def _answer_key(data_dir: Path, question: list, files: dict, unknown: Iterable[str]) -> str:
    """The answers-cache key: the tool's code, the folder, the question, and every file's
    relative path with the sha256 of its bytes (files of unknown kind by name: only their
    names reach the answer)."""
    import hashlib
    import json

    from cluster_cli.load.cache import code_key

    h = hashlib.sha256(code_key().encode())
    h.update(json.dumps([str(data_dir), *question], default=str).encode())
    for rel in sorted(files):
        digest = files[rel]
        h.update(rel.encode() + b"\0" + (digest if digest is not None else b"unreadable"))
    h.update(b"\0unknown\0")
    for rel in sorted(unknown):
        h.update(rel.encode() + b"\0")
    return h.hexdigest()


@dataclass
class AnswerSlot:
    """Where the answer to a question about a data folder is looked up (`key`, from the files'
    bytes as fingerprinted before loading) and how it is stored (`store_answer`: under the key
    of the bytes actually read, which differ when a file was saved in between)."""

    store: "Cache"  # noqa: F821 - imported lazily
    data_dir: Path
    question: list
    key: str

    def lookup(self) -> bytes | None:
        hit = self.store.get("answers", self.key)
        return None if hit is None else hit[1]

    def key_of_reads(self, reads: dict) -> str | None:
        """The key of the bytes the loader read, or None when it did not read this folder."""
        if not reads or reads.get("dir") != self.data_dir:
            return None
        return _answer_key(self.data_dir, self.question, reads["files"], reads["unknown"])

    def store_answer(self, reads: dict, payload: bytes) -> None:
        key = self.key_of_reads(reads)
        if key is not None:
            self.store.put("answers", key, {}, payload)

    def discard(self) -> None:
        self.store.discard("answers", self.key)


def question_key(data_dir: Path, question: list) -> AnswerSlot | None:
    """Where the answer to `question` about the data folder is cached: a key over the tool's
    code, every file's path and bytes, and the question (command, parameters, date). None when
    the folder is missing or no cache may be used there."""
    from cluster_cli.load.cache import open_cache

    key = _fingerprint(data_dir, question)
    if key is None:
        return None
    store = open_cache(data_dir)
    if store is None:
        return None
    if AFTER_FINGERPRINT is not None:
        AFTER_FINGERPRINT()
    return AnswerSlot(store, data_dir, question, key)


def _fingerprint(data_dir: Path, question: list) -> str | None:
    """The answers-cache key of `question` over the folder's files as they are on disk now; None
    when the folder is missing or holds files the loader refuses."""
    from cluster_cli.load.cache import data_digests
    from cluster_cli.load.layout import discover

    if not data_dir.is_dir():
        return None
    refused: list = []
    by_kind, unknown = discover(data_dir, refused)
    if not by_kind["cluster"] or refused:  # files the loader refuses are never opened, nor cached
        return None
    files = data_digests(data_dir, [p for paths in by_kind.values() for p in paths])
    return _answer_key(data_dir, question, files, [p.relative_to(data_dir).as_posix() for p in unknown])


def _view_key(answer_key: str, view: list) -> str:
    """Where the output shown for an answer is kept: the answer's key and the `view` (format,
    language, width, terminal — all that decides the printed bytes besides the answer)."""
    import hashlib
    import json

    return hashlib.sha256(f"shown\0{answer_key}\0{json.dumps(view, default=str)}".encode()).hexdigest()


def _keeper(slot: "AnswerSlot", key: str, view: list) -> Callable[[dict, str], None]:
    """Stores an output shown for the answer under `key` — only if the folder's files are still
    the bytes that key describes: the output also quotes the files' lines (read after loading),
    and a file saved meanwhile must not put its new lines under the old bytes' key."""
    def keep(meta: dict, text: str) -> None:
        if _fingerprint(slot.data_dir, slot.question) == key:
            slot.store.put("shown", _view_key(key, view), meta, text.encode("utf-8", "surrogateescape"))

    return keep


def masked_finding(f: Finding) -> Finding:
    """The finding with its personal data masked as the masked output shows it: what the
    answers cache may keep (masking is idempotent, so rendering it masked again is the same)."""
    def masked(value):
        if isinstance(value, Pii):
            return Pii(mask(value))
        if isinstance(value, Period):  # a period id, written as the language does (2026-sügis)
            return value
        if isinstance(value, str):  # a value under a misspelt key may be a personal code too
            return mask_values(value)
        if isinstance(value, Phrase):
            return Phrase(value.key, tuple((k, masked(v)) for k, v in value.args))
        if isinstance(value, (list, tuple)):
            return type(value)(masked(v) for v in value)
        return value

    return replace(f, args=tuple((k, masked(v)) for k, v in f.args))


def validate(
    data_dir: Path,
    as_of: date,
    select: Iterable[str] | None = None,
    ignore: Iterable[str] = (),
    cache: bool = False,
    fast: bool = True,
    timings: Timings | None = None,
    question: list | None = None,
    show_pii: bool = False,
    view: list | None = None,
) -> Validation:
    """load → check, answered from the cache when neither the files, nor the tool, nor the
    `question` (the command's parameters, from the CLI) changed since it was last asked.

    The stored answer holds personal data only masked; a `show_pii` run therefore neither reads
    nor stores it. The answer is stored under the key of the bytes the loader read.

    `view` (from the CLI: what besides the answer decides the printed bytes — format, language,
    width, terminal) lets the output printed for the answer be kept too (`keep_shown`) and
    served as it is (`shown`): a re-run then neither decodes the findings nor renders them."""
    import json

    from cluster_cli.findings import from_record, to_record

    timings = timings or Timings()
    slot = None
    if cache and not show_pii:
        if question is None:
            question = ["validate", as_of.isoformat(), sorted(select or []), sorted(ignore)]
        with timings.stage("fingerprint"):
            slot = question_key(data_dir, question)
        if slot is not None and view is not None:
            shown = slot.store.get("shown", _view_key(slot.key, view))
            if shown is not None:
                meta, text = shown
                try:
                    return Validation([], meta["files"], meta["records"], meta["language"],
                                      shown=(meta, text.decode("utf-8", "surrogateescape")))
                except (KeyError, TypeError):
                    slot.store.discard("shown", _view_key(slot.key, view))
        if slot is not None:
            hit = slot.lookup()
            if hit is not None:
                try:
                    doc = json.loads(hit)
                    return Validation([from_record(r) for r in doc["findings"]], doc["files"], doc["records"],
                                      doc["language"], keep_shown=_keeper(slot, slot.key, view) if view else None)
                except (ValueError, KeyError, TypeError):
                    slot.discard()
    with recording_reads() as reads:
        # A big folder is checked a file at a time (`regulation/kept.py`): no file is held.
        loaded = load(data_dir, timings=timings, cache=cache, fast=fast, release=cache and not show_pii)
    store = None
    if cache and not show_pii:  # findings kept per file are stored masked: never for --show-pii
        from cluster_cli.load.cache import open_cache

        store = open_cache(data_dir, prune=False)
    findings = check(loaded, as_of, select=select, ignore=ignore, timings=timings, store=store)
    if cache:
        loaded.dataset.keep_lines()  # the lines of this run's findings, for the next run
    ds = loaded.dataset
    result = Validation(findings, len(ds.files), ds.record_count(),
                        ds.cluster.language if ds.cluster else None)
    if slot is not None:
        payload = json.dumps({"findings": [to_record(masked_finding(f)) for f in findings], "files": result.files,
                              "records": result.records, "language": result.language}).encode()
        slot.store_answer(reads, payload)
        key = slot.key_of_reads(reads)
        if key is not None and view is not None:
            result.keep_shown = _keeper(slot, key, view)
    return result
