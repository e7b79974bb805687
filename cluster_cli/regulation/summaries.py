"""What joined checks need from every file, summed file by file (issue 20): a group's students,
the first grade of a module in a group. Each file's summary is made from that file's records
alone (`summarize(records, ctx, cluster)`) and, with the cache, kept in the file's entry of
`regulation/kept.py`, so after one file changed only that file's records are built and
summarised. Within a run each summary is made once.

A summary reads its records, the check context (`ctx.as_of`, `ctx.profile`) and the cluster
only, and is made of JSON's types (text, numbers, lists, mappings with text keys; dates as ISO
text): it goes through JSON also when it is fresh, so that a kept one and a fresh one read
alike. The entry's key holds the file's content key and the context `kept.run` names (the
as-of date, cluster.yaml and profile.yaml; the file's key holds the tool's code key); the
summary is kept there under the function's name."""

from __future__ import annotations

import json
from collections import Counter
from typing import Any, Callable

from cluster_cli.model.dataset import Dataset


def per_file(ds: Dataset, ctx, kind: str, summarize: Callable[[list, Any, Any], Any]) -> list[tuple[Callable, Any]]:
    """`summarize(records, ctx, cluster)` of each file of `kind`, in load order, each with a way
    to get the file's records (built only when asked: for the few a check then reports on). A
    dataset made by hand gives one summary of all its records."""
    parts = ds.records.files.get(kind)
    if parts is None:
        records = ds.records.get(kind, [])
        return [(lambda: records, _through_json(summarize(records, ctx, ds.cluster)))]
    name = f"{summarize.__module__}.{summarize.__qualname__}"
    made = ds.summaries_made.get((kind, name))
    if made is not None:  # asked twice in one run
        return made
    entries = ds.summary_store  # `kept.FileEntries` while the rules run with the cache
    found = []
    for part in parts:
        if entries is not None:
            known, value = entries.summary(part.name, name)
            if known:
                found.append((part.models, value))
                continue
        value = _through_json(summarize(part.models(), ctx, ds.cluster))
        if entries is not None:
            entries.keep_summary(part.name, name, value)
        found.append((part.models, value))
    ds.summaries_made[kind, name] = found
    return found


def tally(ds: Dataset, ctx, kind: str, key_of: Callable) -> Counter:
    """How many records of `kind` have each key `key_of(record, ctx)` (None: not counted)."""
    def counted(records: list, ctx, cluster) -> dict:
        return Counter(k for r in records if (k := key_of(r, ctx)) is not None)

    counted.__qualname__ = f"tally.{key_of.__module__}.{key_of.__qualname__}"
    total: Counter = Counter()
    for _, counts in per_file(ds, ctx, kind, counted):
        total.update(counts)
    return total


def _through_json(value: Any) -> Any:
    return json.loads(json.dumps(value, separators=(",", ":"), sort_keys=True))
