"""Findings kept per file (issue 20): after one file of a big folder changed, only its records go
through the rules that look at one record at a time (`Rule.scope == "record"`); every other
file's findings of those rules come from the cache. Joined rules always run on the whole dataset.

- A file's entry (area ``checks``, `FileEntries`) is keyed by the file's content key (its kind, its bytes and
  the tool's code key — `load.cache.file_key`) and everything else a record rule may read (the
  as-of date and the special files' keys: cluster.yaml — the study periods, the profile's id;
  profile.yaml — the profile's overrides). Record rules are grouped by what they look up
  (`Rule.reads`); the entry holds each group's findings under what the group looked up — the
  keys of every file holding a kind it reads, the file's own kind aside (a rule never looks up
  records of the kind it iterates) — mapping each rule to its findings on the file's records,
  in the order the rule gave them. A finding in the file itself is stored without the file's
  name (a renamed file keeps them), one located elsewhere (a student's rule on the student's
  placement) with that file's content key, named as the folder names it now when read back
  (`OTHER`). The entry also keeps what joined checks summarised of the file
  (`regulation/summaries.py`): one read and at most one write per file, however many groups.
- A file without an entry is checked alone, a file at a time: the rules run on a dataset of
  that file's records (`subset`) that looks up the whole folder's; the registered summaries
  of the file are made meanwhile, and the file's records are let go after (a big folder is
  never held whole: the loader let them go too, `pipeline.load(release=True)`). What a rule
  says about the cluster itself comes from one run without records, once.
- Privacy: the findings are stored masked, as the masked output shows them (`mask` from the
  caller, `pipeline.masked_finding`); a `--show-pii` run neither reads nor stores them.
- Same answer: a rule's findings are assembled file by file in load order, as a whole run
  gives them, and the caller sorts them stably, so the report is byte for byte a cold run's."""

from __future__ import annotations

import hashlib
import json
from datetime import date
from typing import Callable, Iterable

from cluster_cli.findings import Finding, from_record, to_record
from cluster_cli.load.layout import progress_of
from cluster_cli.model.dataset import Dataset
from cluster_cli.regulation.rules.base import Context, Rule
from cluster_cli.regulation.summaries import prepare

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


def subset(ds: Dataset, names: Iterable[str]) -> Dataset:
    """A dataset of the records of the files `names` (with the cluster) that looks up the whole
    folder's records (`by_id`, `placements_of`, `is_known`): what record rules need to judge
    those files. Its `records` hold those files' records only."""
    sub = Dataset(root=ds.root, cluster=ds.cluster, profile_raw=ds.profile_raw, profile_file=ds.profile_file,
                  cluster_unchecked=ds.cluster_unchecked, by_id=ds.by_id, broken=ds.broken)
    sub.placements_table = ds.placements_table  # type: ignore[method-assign]
    sub._first = ds._first  # which record is the first of its id (`first_of_its_id`)
    for name in names:
        kind = ds.file_kinds.get(name)
        if kind is not None:
            sub.records[kind].extend(ds.file_records(name))
    return sub


def run(ds: Dataset, ctx: Context, rules: Iterable[Rule], store, mask: Callable[[Finding], Finding],
        some: bool = False) -> list[Finding]:
    """Every finding of `rules` on `ds`, in rule order — record rules' findings from the cache
    (`store`, a `load.cache.Cache`) for the files it has them for. `some`: the rules are a
    choice (`--select`, `--ignore`), so a file's entry keeps what the other rules found."""
    rules = list(rules)
    record_rules = [r for r in rules if r.scope == "record"]
    key = context_key(ds, ctx.as_of) if store is not None and record_rules else None
    if key is None:  # every rule on the whole folder: the bar counts rules
        report = progress_of(len(rules), step="check")
        found = []
        for done, rule in enumerate(rules):
            report(done)
            found.extend(rule.run(ds, ctx))
        report(len(rules))
        return found
    names = [name for name in ds.file_kinds if name in ds.file_keys]
    files_of: dict[str, list[str]] = {}
    for name, kind in ds.file_kinds.items():
        files_of.setdefault(kind, []).append(name)
    groups: dict[tuple[str, ...], list[Rule]] = {}
    for rule in record_rules:
        groups.setdefault(tuple(sorted(set(rule.reads))), []).append(rule)
    group_of = {rule.id: reads for reads, group in groups.items() for rule in group}
    # What each group looked up, as seen from a file of each kind: the keys of the files of the
    # kinds it reads, the file's own kind aside (a file that could not be read has no key and
    # holds no records either).
    # A rule may also ask whether a record is the first of its id (`first_of_its_id`): where each
    # repeated id of the file's own kind first is counts as looked up too (by the first file's
    # name: two files may have the same bytes).
    repeated = {own: [f"{ident}@{first}" for ident, first in ds.repeated_ids(own)]
                for own in set(ds.file_kinds.values())}
    seen_from: dict[tuple, str] = {}
    for reads in groups:
        for own in set(ds.file_kinds.values()):
            looked_up = [ds.file_keys.get(n, "-") for kind in reads if kind != own for n in files_of.get(kind, ())]
            seen_from[reads, own] = hashlib.sha256("\0".join((*reads, "|", *looked_up, "|", *repeated[own]))
                                                   .encode()).hexdigest()[:32]
    # A file of a kind with repeated ids is kept under its name too: a copy of a file has the
    # same bytes, but not the same first records.
    entries = FileEntries(store, ds, names, key, {name for name in names if repeated[ds.file_kinds[name]]})
    ds.summary_store = entries  # what joined checks sum across files is kept in the same entries
    kept: dict[tuple, dict] = {}  # (group, file) → {rule id: findings}
    for name in names:
        found = entries.checks(name)
        for reads, group in groups.items():
            mine = found.get(seen_from[reads, ds.file_kinds[name]])
            if isinstance(mine, dict) and {r.id for r in group} <= mine.keys():
                kept[reads, name] = mine
    fresh: dict[tuple, dict] = {(reads, name): {} for reads in groups for name in names if (reads, name) not in kept}
    special = {name for name in ds.file_keys if name not in ds.file_kinds}
    # A file at a time: its records are built (from the cache, where the loader let them go),
    # go through the record rules whose findings were not kept, are summarised for the checks
    # that look across files — and let go again: a big folder is never held whole.
    def check_files(todo: list[str], report: Callable[[int], None] = lambda done: None) -> tuple[dict, dict]:
        """The record rules' findings on the files `todo`, a file at a time: what `fresh` keeps
        of them, and (rule id, file) → the findings. `report(n)` hears of each file begun."""
        kept_now: dict[tuple, dict] = {}
        checked_now: dict[tuple, list[Finding]] = {}
        for done, name in enumerate(todo):
            report(done)
            part = ds.file_part(name)
            held = part is None or part.built
            alone = subset(ds, (name,))  # the file's records, looking up the folder's
            for rule in record_rules:
                reads = group_of[rule.id]
                if (reads, name) in kept:
                    continue
                mine = [f for f in rule.check(alone, ctx) if f.file not in special]
                kept_now.setdefault((reads, name), {})[rule.id] = [
                    to_record(_unnamed(mask(f), name, ds.file_keys)) for f in mine]
                checked_now[rule.id, name] = mine
            prepare(ds, ctx, name, entries)
            del alone
            if not held:
                part.release()
        return kept_now, checked_now

    todo = list(dict.fromkeys(name for _, name in fresh))
    mine, helper = _shared(ds, todo, lambda share: (*check_files(share), entries.made(),
                                                    [loc.learned() for loc in ds.locators]))
    report = progress_of(len(todo), step="check")  # the CLI's bar
    kept_now, checked = check_files(mine, lambda done: report(done, len(todo) - len(mine)))
    helped = helper.answer() if helper is not None else None
    if helped is None:  # no helper, or it failed: the rest here too
        more, more_checked = check_files(todo[len(mine):], lambda done: report(len(mine) + done))
    else:
        more, more_checked, made, lines = helped
        entries.adopt(made)
        for locator, learned in zip(ds.locators, lines):  # the lines its findings found, kept too
            locator.learn_all(learned)
    report(len(todo))
    kept_now.update(more)
    checked.update(more_checked)
    for group_file, found in kept_now.items():
        fresh[group_file].update(found)
    findings: list[Finding] = []
    for rule in rules:
        if rule.scope != "record":
            findings.extend(rule.run(ds, ctx))
            continue
        reads = group_of[rule.id]
        findings.extend(rule.check(subset(ds, ()), ctx))  # about the cluster: needs no record
        for name in names:
            found = kept.get((reads, name))
            if found is not None:
                findings.extend(_stamped(r, name, entries.names_of) for r in found[rule.id])
            else:
                findings.extend(checked[rule.id, name])
        if rule.across is not None:
            findings.extend(rule.across(ds, ctx))
    for name in {name for _, name in fresh}:
        own = ds.file_kinds[name]
        found = {seen_from[reads, own]: kept.get((reads, name)) or fresh[reads, name] for reads in groups}
        if some:  # the other rules' findings stay, in the groups too
            before = entries.checks(name)
            found = {**before, **{sig: {**before.get(sig, {}), **rules_found} for sig, rules_found in found.items()}}
        entries.keep_checks(name, found)
    entries.write()
    ds.summary_store = None
    return findings


def _shared(ds: Dataset, todo: list[str], work: Callable[[list[str]], object]):
    """The first files of `todo` for this process, and a helper (`cluster_cli.forked`) that
    does `work` on the rest — about half of the records — meanwhile, where that is worth it;
    else all files and None."""
    from cluster_cli import forked

    sizes = [len(part.ids) if (part := ds.file_part(name)) is not None else 0 for name in todo]
    cut = forked.helpers_share(sizes, forked.MIN_RECORDS)
    if cut == len(todo):
        return todo, None
    rest = todo[cut:]
    return todo[:cut], forked.Helper(lambda: work(rest))


class FileEntries:
    """Each list file's entry of a run (area ``checks``): its record rules' findings by group of
    look-ups ("checks") and what joined checks summarised of it ("summaries",
    `regulation/summaries.py`) — read once, and written once where something was added."""

    def __init__(self, store, ds: Dataset, names: list[str], key: str, named: set[str] = frozenset()):
        self.store = store
        self.keys = {name: hashlib.sha256(f"{ds.file_keys[name]}\0{key}\0{name if name in named else ''}".encode())
                     .hexdigest() for name in names}
        self.names_of: dict[str, list[str]] = {}  # a file's content key → the files with it
        for name, file_key in ds.file_keys.items():
            self.names_of.setdefault(file_key, []).append(name)
        self.read: dict[str, dict] = {}
        self.changed: set[str] = set()
        for name, entry in self.keys.items():
            hit = store.get(AREA, entry)
            if hit is None:
                continue
            try:
                found = json.loads(hit[1])
                if not (isinstance(found, dict) and isinstance(found.get("checks"), dict)
                        and isinstance(found.get("summaries"), dict) and _resolved(found["checks"], self.names_of)):
                    raise ValueError("not an entry, or naming files the folder does not have once")
            except ValueError:
                store.discard(AREA, entry)
                continue
            self.read[name] = found

    def checks(self, name: str) -> dict:
        return self.read.get(name, {}).get("checks", {})

    def keep_checks(self, name: str, checks: dict) -> None:
        self._entry(name)["checks"] = checks

    def summary(self, name: str, function: str) -> tuple[bool, object]:
        summaries = self.read.get(name, {}).get("summaries", {})
        return (function in summaries, summaries.get(function))

    def keep_summary(self, name: str, function: str, value: object) -> None:
        if name in self.keys:
            self._entry(name)["summaries"][function] = value

    def made(self) -> dict[str, dict]:
        """The summaries made in this run, by file (a helper's answer: `adopt`)."""
        return {name: self.read[name]["summaries"] for name in self.changed}

    def adopt(self, made: dict[str, dict]) -> None:
        """Summaries another process made (`made`), where this one has none yet: each is the
        same whoever makes it."""
        for name, summaries in made.items():
            for function, value in summaries.items():
                if not self.summary(name, function)[0]:
                    self.keep_summary(name, function, value)

    def _entry(self, name: str) -> dict:
        self.changed.add(name)
        return self.read.setdefault(name, {"checks": {}, "summaries": {}})

    def write(self) -> None:
        for name in sorted(self.changed):
            self.store.put(AREA, self.keys[name], {}, json.dumps(self.read[name], separators=(",", ":")).encode())


# A finding located in another list file (a student's rule on the student's placement) is kept
# with that file's content key, not its name: the entry is found again after that file was
# renamed, or in another folder with the same files (one cache), and must name the file as it is
# now. A key that no file, or more than one file, has now: the entry is not used.
OTHER = "\0key:"


def _unnamed(f: Finding, name: str, file_keys: dict[str, str]) -> Finding:
    from dataclasses import replace

    if f.file == name:
        return replace(f, file="")
    if f.file in file_keys:
        return replace(f, file=OTHER + file_keys[f.file])
    return f


def _resolved(found: dict, names_of: dict[str, list[str]]) -> bool:
    """Every file a kept finding names by its content key is one file of the folder now."""
    return all(len(names_of.get(r[3][len(OTHER):], ())) == 1
               for group in found.values() if isinstance(group, dict)
               for records in group.values() if isinstance(records, list)
               for r in records if isinstance(r, list) and len(r) > 3 and str(r[3]).startswith(OTHER))


def _stamped(record: list, name: str, names_of: dict[str, list[str]]) -> Finding:
    file = record[3] or name
    if file.startswith(OTHER):
        file = names_of[file[len(OTHER):]][0]
    return from_record([*record[:3], file, *record[4:]])
