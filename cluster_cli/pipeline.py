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


def load(data_dir: Path, shown_as: str | None = None, timings: Timings | None = None) -> Loaded:
    """Stage 1: read the folder and the profile. Raises `DataFolderError` if it is no data folder."""
    from cluster_cli.load.folder import load_folder
    from cluster_cli.regulation.profile import load_profile

    timings = timings or Timings()
    with timings.stage("load"):
        dataset, findings = load_folder(data_dir, shown_as)
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
