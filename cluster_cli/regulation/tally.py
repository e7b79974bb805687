"""Counts across files for joined rules (issue 20): how many records of a kind have each key —
a group's students, say — summed file by file. With the cache, each file's counts are kept
(area ``tallies``), so after one file changed only that file's records are built and counted.

A key function reads one record and the check context only (`ctx.as_of`, `ctx.profile`,
`ds.cluster`), and gives a text or None (not counted); the counts are kept under the file's
content key, the context `kept.run` names (the as-of date, cluster.yaml and profile.yaml) and
the function's name (the file's key holds the tool's code key: a changed function is a new
entry)."""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from typing import Callable

from cluster_cli.model.dataset import Dataset

AREA = "tallies"


def tally(ds: Dataset, ctx, kind: str, key_of: Callable) -> Counter:
    """How many records of `kind` have each key `key_of(record, ctx)` (None: not counted)."""
    kept = ds.tally_store
    parts = ds.records.files.get(kind)
    if kept is None or parts is None:
        return Counter(k for r in ds.records.get(kind, []) if (k := key_of(r, ctx)) is not None)
    store, context = kept
    name = f"{key_of.__module__}.{key_of.__qualname__}"
    total: Counter = Counter()
    for part in parts:
        file_key = ds.file_keys.get(part.name)
        entry = hashlib.sha256(f"{file_key}\0{context}\0{name}".encode()).hexdigest() if file_key else None
        hit = store.get(AREA, entry) if entry else None
        if hit is not None:
            try:
                total.update(dict(json.loads(hit[1])))
                continue
            except (ValueError, TypeError):
                store.discard(AREA, entry)
        counts = Counter(k for r in part.models() if (k := key_of(r, ctx)) is not None)
        if entry:
            store.put(AREA, entry, {}, json.dumps(sorted(counts.items())).encode())
        total.update(counts)
    return total
