"""Findings kept per file (issue 20): after one file of a big folder changed, only its records go
through the rules that look at one record at a time (`Rule.scope == "record"`); every other
file's findings of those rules come from the cache. Joined rules always run on the whole dataset.

- An entry (area ``checks``) is keyed by the file's content key (its kind, its bytes and the
  tool's code key — `load.cache.file_key`) together with everything else a record rule may read:
  the as-of date and the special files' keys (cluster.yaml: the study periods, the profile's id;
  profile.yaml: the profile's overrides). It maps each record rule's id to its findings in the
  file, in the order the rule gave them, without the file's name (a renamed file keeps them).
- Privacy: the findings are stored masked, as the masked output shows them (`mask` from the
  caller, `pipeline.masked_finding`); a `--show-pii` run neither reads nor stores them.
- Same answer: a rule's findings are assembled file by file in the order a whole run gives them,
  and the caller sorts them stably, so the report is byte for byte a cold run's."""

from __future__ import annotations

import hashlib
import json
from datetime import date
from typing import Callable, Iterable

from cluster_cli.findings import Finding, from_record, to_record
from cluster_cli.model.dataset import Dataset
from cluster_cli.regulation.rules.base import Context, Rule

AREA = "checks"


def context_key(ds: Dataset, as_of: date) -> str | None:
    """What a record rule may read besides its record, or None when that is not known (no
    cluster, or a special file without a key)."""
    if ds.cluster is None:
        return None
    special = {name: key for name, key in ds.file_keys.items() if name in (ds.cluster.origin.file, ds.profile_file)}
    if ds.cluster.origin.file not in special or (ds.profile_file and ds.profile_file not in special):
        return None
    parts = ["kept/1", as_of.isoformat(), special[ds.cluster.origin.file], special.get(ds.profile_file, "")]
    return hashlib.sha256("\0".join(parts).encode()).hexdigest()


def subset(ds: Dataset, without: set[str]) -> Dataset:
    """The records of every file but those `without`, with the cluster: what record rules need
    to judge those files. No index is built: a record rule must not read one."""
    sub = Dataset(root=ds.root, cluster=ds.cluster, profile_raw=ds.profile_raw, profile_file=ds.profile_file)
    for kind, records in ds.records.items():
        sub.records[kind] = [r for r in records if r.origin.file not in without]
    return sub


def run(ds: Dataset, ctx: Context, rules: Iterable[Rule], store, mask: Callable[[Finding], Finding]) -> list[Finding]:
    """Every finding of `rules` on `ds`, in rule order — record rules' findings from the cache
    (`store`, a `load.cache.Cache`) for the files it has them for."""
    rules = list(rules)
    record_rules = [r for r in rules if r.scope == "record"]
    key = context_key(ds, ctx.as_of) if store is not None and record_rules else None
    if key is None:
        return [f for rule in rules for f in rule.check(ds, ctx)]
    entry_keys = {name: hashlib.sha256(f"{file_key}\0{key}".encode()).hexdigest()
                  for name, file_key in ds.file_keys.items() if _is_list_file(ds, name)}
    wanted = {r.id for r in record_rules}
    kept: dict[str, dict] = {}
    for name, entry in entry_keys.items():
        hit = store.get(AREA, entry)
        if hit is None:
            continue
        try:
            found = json.loads(hit[1])
            if isinstance(found, dict) and wanted <= found.keys():
                kept[name] = found
        except ValueError:
            store.discard(AREA, entry)
    fresh = {name: {r.id: [] for r in record_rules} for name in entry_keys if name not in kept}
    sub = subset(ds, set(kept))
    findings: list[Finding] = []
    for rule in rules:
        if rule.scope != "record":
            findings.extend(rule.check(ds, ctx))
            continue
        for name, found in kept.items():
            findings.extend(_stamped(r, name) for r in found[rule.id])
        for f in rule.check(sub, ctx):
            if f.file in fresh:
                fresh[f.file][rule.id].append(to_record(_unnamed(mask(f))))
            findings.append(f)
    for name, found in fresh.items():
        store.put(AREA, entry_keys[name], {}, json.dumps(found, separators=(",", ":")).encode())
    return findings


def _is_list_file(ds: Dataset, name: str) -> bool:
    return name != ds.profile_file and (ds.cluster is None or name != ds.cluster.origin.file)


def _unnamed(f: Finding) -> Finding:
    from dataclasses import replace

    return replace(f, file="")


def _stamped(record: list, name: str) -> Finding:
    return from_record([*record[:3], name, *record[4:]])
