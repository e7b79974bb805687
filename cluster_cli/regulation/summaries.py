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
from typing import Any, Callable, Iterator

from cluster_cli.model.dataset import Dataset


# The summaries joined checks ask for, by kind (`summary`, `counting`): `validate` makes them
# for each file while it checks the file (`kept.run`), so that no file is built again for them.
SUMMARIES: dict[str, list[Callable]] = {}


def summary(kind: str) -> Callable:
    """Registers a function `(records, ctx, cluster) -> JSON` as a summary of `kind`'s files."""
    def register(summarize: Callable) -> Callable:
        SUMMARIES.setdefault(kind, []).append(summarize)
        return summarize

    return register


def counting(kind: str) -> Callable:
    """Registers a key function `(record, ctx) -> text | None` for `tally` over `kind`."""
    def register(key_of: Callable) -> Callable:
        def counted(records: list, ctx, cluster) -> dict:
            return Counter(k for r in records if (k := key_of(r, ctx)) is not None)

        counted.__module__, counted.__qualname__ = key_of.__module__, f"{key_of.__qualname__}.counted"
        key_of.counted = counted  # type: ignore[attr-defined]
        summary(kind)(counted)
        return key_of

    return register


def _name(summarize: Callable) -> str:
    return f"{summarize.__module__}.{summarize.__qualname__}"


def prepare(ds: Dataset, ctx, name: str, entries) -> None:
    """Every registered summary of the file `name` that `entries` (`kept.FileEntries`) lacks,
    made now — while `validate` holds the file's records for its checks."""
    part = ds.file_part(name)
    for summarize in SUMMARIES.get(part.kind, ()) if part is not None else ():
        if not entries.summary(name, _name(summarize))[0]:
            entries.keep_summary(name, _name(summarize), _through_json(summarize(part.models(), ctx, ds.cluster)))


def per_file(ds: Dataset, ctx, kind: str, summarize: Callable[[list, Any, Any], Any]) -> list[tuple[Callable, Any]]:
    """`summarize(records, ctx, cluster)` of each file of `kind`, in load order, each with a way
    to get the file's records (built only when asked: for the few a check then reports on). A
    dataset made by hand gives one summary of all its records."""
    parts = ds.records.files.get(kind)
    if parts is None:
        records = ds.records.get(kind, [])
        return [(lambda: records, _through_json(summarize(records, ctx, ds.cluster)))]
    name = _name(summarize)
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
        held = part.built
        value = _through_json(summarize(part.models(), ctx, ds.cluster))
        if not held:
            part.release()  # built for this alone
        if entries is not None:
            entries.keep_summary(part.name, name, value)
        found.append((part.models, value))
    ds.summaries_made[kind, name] = found
    return found


def first_rows(ds: Dataset, ctx, kind: str, summarize: Callable) -> Iterator[list]:
    """The rows of `summarize`'s summaries (lists, each row starting with a record's id) in load
    order, the first row of each id only — the records as `ds.students` and the like have them."""
    seen: set = set()
    for _, rows in per_file(ds, ctx, kind, summarize):
        for row in rows:
            if row[0] not in seen:
                seen.add(row[0])
                yield row


def made_once(ds: Dataset, key: tuple, make: Callable[[], Any]) -> Any:
    """`make()`, once a run: the checks that ask for the same view of the summaries share it."""
    if key not in ds.summaries_made:
        ds.summaries_made[key] = make()
    return ds.summaries_made[key]


def tally(ds: Dataset, ctx, kind: str, key_of: Callable) -> Counter:
    """How many records of `kind` have each key `key_of(record, ctx)` (None: not counted);
    `key_of` is registered with `counting(kind)`."""
    total: Counter = Counter()
    for _, counts in per_file(ds, ctx, kind, key_of.counted):
        total.update(counts)
    return total


def _through_json(value: Any) -> Any:
    return json.loads(json.dumps(value, separators=(",", ":"), sort_keys=True))
