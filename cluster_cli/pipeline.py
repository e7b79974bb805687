"""The pipeline's named stages — load → check → (reports) — as plain functions.

The CLI calls these and nothing else reads files or judges data. Each stage records its wall
time in `Timings`, which `-v` prints.
"""

from __future__ import annotations

import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Iterable, Iterator

from cluster_cli.findings import Finding


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
         fast: bool = True) -> Loaded:
    """Stage 1: read the folder and the profile. Raises `DataFolderError` if it is no data folder.

    `cache` reuses files loaded in earlier runs (see `cluster_cli.load.cache`); `fast` lets
    plainly safe files take the fast parser (`cluster_cli.load.fast`). Both give the same data
    and findings as the precise path."""
    from cluster_cli.load.folder import load_folder
    from cluster_cli.regulation.profile import load_profile

    timings = timings or Timings()
    with timings.stage("load"):
        dataset, findings = load_folder(data_dir, shown_as, use_cache=cache, use_fast=fast)
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
) -> list[Finding]:
    """Stage 2: run the rule registry (all rules, or those selected) and return every finding —
    the loader's and the rules' — in file and line order."""
    from cluster_cli.regulation.rules import RULES, Context

    timings = timings or Timings()
    chosen = set(select) if select else None
    skipped = set(ignore)
    ctx = Context(as_of=as_of, profile=loaded.profile)
    findings = list(loaded.findings)
    with timings.stage("check"):
        for rule in RULES:
            if (chosen is not None and rule.id not in chosen) or rule.id in skipped:
                continue
            findings.extend(rule.check(loaded.dataset, ctx))
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


def question_key(data_dir: Path, question: list) -> tuple["Cache", str] | None:  # noqa: F821
    """Where the answer to `question` about the data folder is cached: a key over the tool's
    code, every file's path and bytes, and the question (command, options, dates). None when the
    folder is missing or no cache may be used there."""
    import hashlib
    import json

    from cluster_cli.load.cache import Cache, cache_dir, code_key
    from cluster_cli.load.layout import discover

    if not data_dir.is_dir():
        return None
    directory = cache_dir(data_dir)
    if directory is None:
        return None
    refused: list = []
    by_kind, unknown = discover(data_dir, refused)
    if not by_kind["cluster"] or refused:  # files the loader refuses are never opened, nor cached
        return None
    h = hashlib.sha256(code_key().encode())
    h.update(json.dumps([str(data_dir), *question], default=str).encode())
    for path in sorted(p for paths in by_kind.values() for p in paths) + sorted(unknown):
        h.update(path.relative_to(data_dir).as_posix().encode() + b"\0")
        try:
            h.update(hashlib.sha256(path.read_bytes()).digest())
        except OSError:
            h.update(b"unreadable")
    return Cache(directory), h.hexdigest()


def validate(
    data_dir: Path,
    as_of: date,
    select: Iterable[str] | None = None,
    ignore: Iterable[str] = (),
    cache: bool = False,
    fast: bool = True,
    timings: Timings | None = None,
) -> Validation:
    """load → check, answered from the cache when neither the files, nor the tool, nor the
    question (as-of date, rules chosen) changed since it was last asked."""
    import json

    from cluster_cli.findings import from_record, to_record

    timings = timings or Timings()
    found = None
    if cache:
        with timings.stage("fingerprint"):
            found = question_key(data_dir, ["validate", as_of.isoformat(), sorted(select or []), sorted(ignore)])
        if found is not None:
            store, key = found
            hit = store.get("answers", key)
            if hit is not None:
                try:
                    doc = json.loads(hit[1])
                    return Validation([from_record(r) for r in doc["findings"]], doc["files"], doc["records"],
                                      doc["language"])
                except (ValueError, KeyError, TypeError):
                    store.discard("answers", key)
    loaded = load(data_dir, timings=timings, cache=cache, fast=fast)
    findings = check(loaded, as_of, select=select, ignore=ignore, timings=timings)
    ds = loaded.dataset
    result = Validation(findings, len(ds.files), sum(len(v) for v in ds.records.values()),
                        ds.cluster.language if ds.cluster else None)
    if found is not None:
        store, key = found
        payload = json.dumps({"findings": [to_record(f) for f in findings], "files": result.files,
                              "records": result.records, "language": result.language}).encode()
        store.put("answers", key, {}, payload)
    return result
