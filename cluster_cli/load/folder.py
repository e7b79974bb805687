"""Loading a data folder: find the files of each kind, parse them, check each record's shape.

Layout (each list kind may be one file or a folder of files, searched recursively)::

    cluster.yaml          the cluster (required: it marks a data folder)
    profile.yaml          optional overrides of the regulation profile
    members.yaml | members/     curricula… | groups… | tasks… | students… | placements… | courses…

Nothing here stops at the first problem: every file is read and every record checked, and
problems become findings. Only a folder that is not a data folder at all raises
`DataFolderError` (exit code 2 at the CLI).
"""

from __future__ import annotations

import gc
import os
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import replace
from pathlib import Path
from typing import Iterator

from pydantic import ValidationError

from cluster_cli.i18n import N_
from cluster_cli.findings import Finding, make
from cluster_cli.load.layout import (  # noqa: F401 - DataFolderError and discover are used via this module
    LIST_KINDS,
    SPECIAL_FILES,
    DataFolderError,
    RefusedFile,
    discover,
    progress_listener,
    progress_of,
    read_checked,
)
from cluster_cli.load.lines import Locator
from cluster_cli.load.precise import (
    FileResult,
    adapter,
    load_failing_records,
    load_precise,
    parse_precise,
    rejoined,
)
from cluster_cli.model.common import Origin
from cluster_cli.model.dataset import Dataset, FileRecords
from cluster_cli.model.cluster import Cluster
from cluster_cli.model.kinds import COLUMNS, ID_FIELD, RECORD_KINDS

# The layout itself (kinds, discovery) lives in a module without pydantic, so that a question
# answered from the cache never pays for importing the models.
assert LIST_KINDS == tuple(RECORD_KINDS), "layout.LIST_KINDS and model.RECORD_KINDS must agree"


# Which path served each file (its path in the folder → "cache", "fast" or "precise"): a seam for
# the tests, so that a fast path or cache that silently stops answering fails them. Off unless
# `recording_paths()` turns it on.
_SERVED: ContextVar[dict | None] = ContextVar("cluster_served_by", default=None)


@contextmanager
def recording_paths() -> Iterator[dict]:
    """Within the block, record which path served every file loaded: the dict yielded maps each
    file's path in the data folder (POSIX, e.g. "students/TA-24.yaml") to "cache", "fast" or
    "precise" (cluster.yaml and profile.yaml are always read precisely). A later load of the
    same file in the block overwrites its entry."""
    served: dict = {}
    token = _SERVED.set(served)
    try:
        yield served
    finally:
        _SERVED.reset(token)


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


def load_folder(data_dir: Path, shown_as: str | None = None, use_cache: bool = False, use_fast: bool = True,
                reads: dict | None = None, release: bool = False) -> tuple[Dataset, list[Finding]]:
    """Read every file of the data folder. `shown_as` is how paths are printed (default: as
    given). With `use_cache`, files already loaded in an earlier run (same bytes, same tool)
    come from the cache; `use_fast` lets plainly safe files take the fast parser. A `reads`
    dict receives the sha256 of every file's bytes as read (see `pipeline.recording_reads`)."""
    shown_root = shown_as if shown_as is not None else str(data_dir)
    if not data_dir.is_dir():
        raise DataFolderError(N_("data-folder-missing"), shown_root)
    refused: list = []
    by_kind, unknown = discover(data_dir, refused)
    if not by_kind["cluster"]:
        raise DataFolderError(N_("data-cluster-missing"), shown_root)

    def shown(path: Path) -> str:
        return os.path.join(shown_root, path.relative_to(data_dir).as_posix())

    cache = None
    digests: dict = {}
    if use_cache:
        from cluster_cli.load.cache import data_digests, open_cache

        cache = open_cache(data_dir)
        if cache is not None:  # what the memo knows: an unchanged file served by the cache is not read
            # every file, as the fingerprint asks: the memo then holds them all
            digests = data_digests(data_dir, [p for paths in by_kind.values() for p in paths])
    read_digests: dict | None = None
    if reads is not None:
        import hashlib

        read_digests = {}
        reads.update(dir=data_dir, files=read_digests, unknown=[p.relative_to(data_dir).as_posix() for p in unknown])
    dataset = Dataset(root=shown_root)
    findings: list[Finding] = [
        make("warning", "file-unknown-kind", "", shown(p), 0, "", kinds=sorted(RECORD_KINDS)) for p in unknown
    ]
    # Links out of the folder, FIFOs and devices, files over the size limit: never opened.
    findings += [make("error", r.code, "", shown(r.path), 0, "", **r.args) for r in refused]
    helper, helped = _helper(cache, by_kind, digests, data_dir, shown, use_fast) if cache is not None else (None, ())
    report, done = lambda done, helped=0: None, 0
    if progress_listener() is not None:  # the files' sizes only for a bar
        paths = [p for kind in (*SPECIAL_FILES, *RECORD_KINDS) for p in by_kind[kind]]
        report = progress_of(len(paths), sum(_size(p) for p in paths))
    # Building millions of small objects is what loading is; the cyclic collector would walk
    # them all again and again. Pausing it is a measured 2.5× on large folders (PERFORMANCE.md).
    gc_was_enabled = gc.isenabled()
    gc.disable()
    try:
        for kind in (*SPECIAL_FILES, *RECORD_KINDS):
            for path in by_kind[kind]:
                report(done, len(helped) if helper is not None else 0)  # before each file (`continue`s below)
                done += 1
                name = shown(path)
                dataset.files.append(name)
                rel = path.relative_to(data_dir).as_posix()
                if helper is not None and path in helped:  # the rest is in the cache, or read here
                    helper.answer()
                    helper = None
                served = _SERVED.get()
                result = None
                if kind not in SPECIAL_FILES and digests.get(rel) is not None:
                    from cluster_cli.load.cache import key_of_digest

                    result = _from_heads(kind, key_of_digest(kind, digests[rel]), name, cache, use_fast, path)
                if result is not None:  # unchanged since it was cached: not even read
                    if read_digests is not None:
                        read_digests[rel] = digests[rel]
                else:
                    try:
                        raw = read_checked(path)
                    except RefusedFile as exc:
                        r = exc.refused
                        findings.append(make("error", r.code, "", name, 0, "", **r.args))
                        continue
                    except OSError as exc:
                        findings.append(make("error", "file-unreadable", "", name, 0, "",
                                             detail=exc.strerror or str(exc)))
                        if read_digests is not None:
                            read_digests[rel] = None
                        continue
                    if read_digests is not None:
                        read_digests[rel] = hashlib.sha256(raw).digest()
                    if kind in SPECIAL_FILES:
                        if cache is not None:
                            from cluster_cli.load.cache import file_key

                            dataset.file_keys[name] = file_key(kind, raw)
                        if served is not None:
                            served[rel] = "precise"
                        data = parse_precise(raw, name, findings)
                        if data is None:
                            if kind == "cluster":
                                findings.append(make("info", "cluster-unread", "", name, 0, ""))
                        elif kind == "cluster":
                            _load_cluster(dataset, data, name, findings, raw)
                        else:
                            dataset.profile_raw, dataset.profile_file = data, name
                        continue
                    result = _load_list_file(kind, raw, name, cache, use_fast, path)
                dataset.file_kinds[name] = kind
                if served is not None:
                    served[path.relative_to(data_dir).as_posix()] = result.served_by
                if result.key is not None:
                    dataset.file_keys[name] = result.key
                findings.extend(result.findings)
                dataset.broken[kind].update(result.broken)
                # `release`: a file just read and cached is not held — it is built again from the
                # cache where it is read (`validate` then checks a big folder a file at a time).
                released = release and result.models is not None and cache is not None and result.key is not None
                if released:
                    id_field = ID_FIELD.get(kind, "id")
                    result.ids = [getattr(m, id_field) for m in result.models]
                    result.columns = {f: [getattr(m, f) for m in result.models] for f in COLUMNS.get(kind, ())}
                    count, file_key = len(result.models), result.key
                    result.models, result.precise = None, None
                    result.load = (lambda kind=kind, key=file_key, count=count, path=path, name=name:
                                   _cached_models(kind, key, count, cache, path, name, use_fast))
                locator = None
                if result.precise is None:
                    kept = (cache, result.key) if cache is not None and result.key is not None else None
                    locator = Locator(path, result.items, kept)
                    if kept is not None:
                        dataset.locators.append(locator)

                def placed(models, result=result, locator=locator, name=name, kind=kind):
                    for model, index in zip(models, result.indices):
                        if locator is None:
                            model.read_from(Origin(name, f"{kind}[{index}]", result.precise[index]))
                        else:
                            model.read_from(Origin(name, f"{kind}[{index}]", None, locator, index))
                    return models

                if result.models is None:  # from the cache: built where a rule or report reads it
                    dataset.add_file(FileRecords(name, kind, result.ids, columns=result.columns,
                                                 load=lambda load=result.load, placed=placed: placed(load())))
                else:
                    id_field = ID_FIELD.get(kind, "id")
                    dataset.add_file(FileRecords(name, kind, [getattr(m, id_field) for m in result.models],
                                                 models=placed(result.models)))
        report(done)
    finally:
        if gc_was_enabled:
            # The loaded records live as long as the command: move them out of the collector's
            # sight, or every later collection walks the whole dataset again (measured: the
            # check stage 2.4× faster on 10,000 students).
            gc.freeze()
            gc.enable()
    dataset.index()
    return dataset, findings


def _helper(cache, by_kind: dict, digests: dict, data_dir: Path, shown, use_fast: bool):
    """A first run of a big folder (issue 20): a forked helper (`cluster_cli.forked`) reads the
    last half, in bytes, of the list files the cache does not have into the cache meanwhile, so
    that this process, reading from the first file, finds them there when it comes to them (or
    reads them itself, where the helper failed). (helper or None, the paths it reads)."""
    from cluster_cli import forked
    from cluster_cli.load.cache import key_of_digest

    new = []
    for kind in RECORD_KINDS:
        for path in by_kind[kind]:
            digest = digests.get(path.relative_to(data_dir).as_posix())
            if digest is not None and not cache.has("heads", key_of_digest(kind, digest)):
                new.append((kind, path, _size(path)))
    share = [(kind, path) for kind, path, _ in new[forked.helpers_share([size for *_, size in new], forked.MIN_BYTES):]]
    if not share:
        return None, frozenset()

    def work() -> bool:
        gc.disable()  # as this process while loading (load_folder)
        for kind, path in share:
            try:
                raw = read_checked(path)
            except (OSError, RefusedFile):
                continue  # said by this process, which reads it again
            _load_list_file(kind, raw, shown(path), cache, use_fast, path)
        return True

    return forked.Helper(work), frozenset(path for _, path in share)


def _load_list_file(kind: str, raw: bytes, name: str, cache, use_fast: bool, path: Path | None = None) -> FileResult:
    key = None
    if cache is not None:
        from cluster_cli.load.cache import file_key

        key = file_key(kind, raw)
        cached = _from_heads(kind, key, name, cache, use_fast, path)
        if cached is not None:
            return cached
    result = None
    if use_fast:
        from cluster_cli.load.fast import fast_parse

        data = fast_parse(raw)
        if isinstance(data, list) and data and all(isinstance(item, dict) for item in data):
            try:
                models = adapter(kind).validate_python(data)
                result = FileResult(models, list(range(len(models))), [], [], served_by="fast", items=len(data))
            except ValidationError as exc:
                # The precise path says what is wrong, with lines: for the failing records only
                # where the file cuts into its records, else for the whole file.
                result = load_failing_records(kind, raw, name, data, exc)
            if result is not None and _beyond_limits(data, raw):
                result = None  # likewise: an extreme date or a control character
    if result is None:
        result = load_precise(kind, raw, name)
    if cache is not None and key is not None:
        id_field = ID_FIELD.get(kind, "id")
        header = {"kind": kind, "indices": result.indices, "broken": result.broken,
                  "findings": [_unstamped(f) for f in result.findings], "items": result.items,
                  "ids": [getattr(m, id_field) for m in result.models],
                  "columns": {f: [getattr(m, f) for m in result.models] for f in COLUMNS.get(kind, ())}}
        # Only the fields the file gave: built again, the records are the cold run's, fields set
        # and all, from less than half the JSON (a third less time to build, issue 20).
        cache.put("files", key, {"kind": kind}, adapter(kind).dump_json(result.models, exclude_unset=True))
        cache.put("heads", key, header, b"")
        result.key = key
    return result


def _from_heads(kind: str, key: str, name: str, cache, use_fast: bool, path: Path | None) -> FileResult | None:
    """A file the cache has under `key`: its ids, findings and broken ids now, its models built
    when first needed (`_cached_models`). None when the cache has no (sound) entry."""
    hit = cache.get("heads", key)
    if hit is None:
        return None
    header = hit[0]
    try:
        ids, indices, columns = header["ids"], header["indices"], header["columns"]
        if not isinstance(ids, list) or len(ids) != len(indices) or not isinstance(columns, dict) \
                or set(columns) != set(COLUMNS.get(kind, ())) or any(len(v) != len(ids) for v in columns.values()):
            raise ValueError("entry does not match its header")

        def load() -> list:
            return _cached_models(kind, key, len(ids), cache, path, name, use_fast)

        return FileResult(None, indices, [_stamped(r, name) for r in header["findings"]], header["broken"],
                           served_by="cache", items=header.get("items"), key=key, ids=ids, load=load,
                           columns=columns)
    except (ValueError, KeyError, TypeError):
        cache.discard("heads", key)
        return None


def _cached_models(kind: str, key: str, count: int, cache, path: Path | None, name: str, use_fast: bool) -> list:
    """A cached file's models, built when first needed: from the cache, or — where its entry
    went missing meanwhile — from the file again, if it still holds the bytes it was read with."""
    hit = cache.get("files", key)
    if hit is not None:
        try:
            models = adapter(kind).validate_json(hit[1])
            if len(models) == count:
                return models
        except ValueError:
            pass
        cache.discard("files", key)
    from cluster_cli.load.cache import file_key

    try:
        raw = read_checked(path) if path is not None else b""
    except (OSError, RefusedFile):
        raw = b""
    if file_key(kind, raw) != key:
        raise DataFolderError(N_("files.data-changed"), name)
    models = _load_list_file(kind, raw, name, None, use_fast).models
    if models is None or len(models) != count:  # pragma: no cover - the same bytes read the same
        raise DataFolderError(N_("files.data-changed"), name)
    return models


def _beyond_limits(items: list, raw: bytes) -> bool:
    from cluster_cli.load.limits import clean, may_hold_controls

    return not clean(items, may_hold_controls(raw))


def _stamped(record: list, name: str) -> Finding:
    from cluster_cli.findings import from_record

    return replace(from_record(record), file=name)


def _unstamped(f: Finding) -> list:
    from cluster_cli.findings import to_record

    return to_record(replace(f, file=""))


def _load_cluster(dataset: Dataset, data, name: str, findings: list[Finding], raw: bytes = b"") -> None:
    from cluster_cli.load import limits

    if not isinstance(data, dict):
        findings.append(make("error", "file-not-mapping", "", name, getattr(data, "line", 1), ""))
        return
    origin = Origin(name, "", data)
    beyond = list(limits.findings(data, origin, limits.may_hold_controls(raw)))
    findings.extend(beyond)
    try:
        cluster = Cluster.model_validate(data)
    except ValidationError as exc:
        from cluster_cli.load.cluster_parts import salvage
        from cluster_cli.load.shape import shape_findings

        data, exc = rejoined(Cluster, data, exc)
        origin = Origin(name, "", data)

        findings.extend(shape_findings(exc, Cluster, origin))
        # The parts with mistakes are left out, each said; the rest of the cluster is used.
        cluster, origin, dataset.cluster_unchecked, notes = salvage(data, exc, origin)
        findings.extend(notes)
        if cluster is None:
            findings.append(make("info", "cluster-unread", "", name, 0, ""))
            return
    if any(f.code == "invalid-value" for f in beyond):
        findings.append(make("info", "cluster-unread", "", name, 0, ""))
        return  # a date no calendar reaches: like a shape error, the cluster is unusable
    cluster.read_from(origin)
    dataset.cluster = cluster
