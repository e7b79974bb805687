#!/usr/bin/env python
"""How `cluster validate` compares with just parsing the folder's YAML, in ONE run.

    python bench/bench_validate.py [--students 10000] [--dir DIR] [--seed 1]

Generates a synthetic folder (bench/synth.py) into a temporary directory — or into `--dir`,
reusing it when it already holds a folder of the same size — then measures:

  (a) parse   every YAML file of the folder with plain PyYAML
              ``yaml.load(text, Loader=yaml.CSafeLoader)``, gc left on, all documents kept in
              memory until the last file is read (as a loader must) — the baseline;
  (a2) parse  the same with yaml-rs (``yaml_rs.loads(text, parse_datetime=True)``, the fast
              parser the loader uses) — issue 20's baseline, the floor of a cold run;
  (b) validate  ``cluster validate --data DIR --as-of 2026-11-23 -v --no-cache`` (cold) as a
              subprocess, wall time (``-v`` only adds the per-stage timings on stderr);
  (c) the ratios validate / parse (target ≤ 2.5) and validate / yaml-rs parse (target ≤ 1.5),
      the validate run's peak RSS (``resource.getrusage(RUSAGE_CHILDREN)``) against the data
      size (target ≤ 3×);
  (d) the default run — with the cache, first into an empty one, then again: time and peak
      RSS (``os.wait4``); the first run against the yaml-rs parse, on two cores (a forked helper
      loads and checks half of the files, `cluster_cli/forked.py`) and on one (``CLUSTER_JOBS=1``);
  (e) the model layer alone, in this process: the list files parsed with yaml-rs, validated into
      pydantic records, and dumped and built again as the cache does — the floor of a cold run
      of this design, before any rule.

Machines are noisy, so the figure to read is the ratio within one run, not the seconds.
No assertions; exits 0.
"""

from __future__ import annotations

import argparse
import gc
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))
import synth  # noqa: E402
from common import cluster_command  # noqa: E402 - bench/ is on the path

AS_OF = "2026-11-23"
TARGET = 2.5
RS_TARGET = 1.5


def same_size(folder: Path, students: int) -> bool:
    """A folder this script can reuse: it holds cluster.yaml and `students` students files'
    worth of groups (one file per 25 students)."""
    if not (folder / "cluster.yaml").is_file():
        return False
    files = list((folder / "students").rglob("*.yaml")) if (folder / "students").is_dir() else []
    return len(files) == max(1, -(-students // synth.GROUP_SIZE))


def parse_all(files: list[Path]) -> tuple[float, int]:
    """Seconds to parse every file with CSafeLoader (gc on), and the number of top-level items."""
    docs = []
    start = time.perf_counter()
    for path in files:
        docs.append(yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader))
    took = time.perf_counter() - start
    items = sum(len(d) if isinstance(d, list) else 1 for d in docs)
    del docs
    gc.collect()
    return took, items


def parse_all_rs(files: list[Path]) -> float:
    """Seconds to parse every file with yaml-rs (gc on, all documents kept); nan without it."""
    try:
        import yaml_rs
    except ImportError:
        return float("nan")
    docs = []
    start = time.perf_counter()
    for path in files:
        docs.append(yaml_rs.loads(path.read_text(encoding="utf-8"), parse_datetime=True))
    took = time.perf_counter() - start
    del docs
    gc.collect()
    return took


def model_floor(folder: Path) -> tuple[float, float, float]:
    """Seconds, in this process, of the model layer alone on the list files: (yaml-rs parse,
    parse + pydantic validation into the records, the cache's round trip on top: the records
    dumped to JSON and built again from it, as a first run does for its checks). No rule runs:
    the floor of this design (issue 20's cold target)."""
    import yaml_rs

    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    from cluster_cli.load.layout import LIST_KINDS, discover
    from cluster_cli.load.precise import adapter

    by_kind, _ = discover(folder)
    texts = [(kind, path.read_text(encoding="utf-8")) for kind in LIST_KINDS for path in by_kind[kind]]
    for kind in LIST_KINDS:  # the validators and serialisers built before the clock runs
        adapter(kind).validate_json(adapter(kind).dump_json([]))
    parse = validated = round_trip = 0.0
    gc.disable()  # as the loader does while loading
    try:
        for kind, text in texts:
            start = time.perf_counter()
            data = yaml_rs.loads(text, parse_datetime=True)
            parsed = time.perf_counter()
            models = adapter(kind).validate_python(data)
            built = time.perf_counter()
            adapter(kind).validate_json(adapter(kind).dump_json(models, exclude_unset=True))
            again = time.perf_counter()
            parse, validated, round_trip = parse + parsed - start, validated + built - start, round_trip + again - start
    finally:
        gc.enable()
    return parse, validated, round_trip


def measured(cmd: list[str], env: dict | None = None) -> tuple[float, float, float]:
    """(wall seconds, peak RSS in MB, CPU seconds) of one run of `cmd`, its output discarded.
    A helper the run forks (`cluster_cli/forked.py`) and waits for is counted as Linux counts
    a reaped child: its CPU time is added, the peak is the larger of the two processes'."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    _, _, usage = os.wait4(proc.pid, 0)
    return time.perf_counter() - start, usage.ru_maxrss / 1024, usage.ru_utime + usage.ru_stime  # KiB on Linux


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--students", type=int, default=10000)
    ap.add_argument("--dir", type=Path, help="generate here (or reuse a folder of the same size)")
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args(argv)

    tmp = None
    if args.dir is None:
        tmp = tempfile.TemporaryDirectory(prefix="cluster-bench-")
        folder = Path(tmp.name) / "data"
    else:
        folder = args.dir
    try:
        gen_s = None
        if args.dir is not None and same_size(folder, args.students):
            print(f"reusing {folder}")
        else:
            start = time.perf_counter()
            synth.generate(folder, args.students, args.seed)
            gen_s = time.perf_counter() - start

        files = sorted(p for p in folder.rglob("*") if p.suffix in (".yaml", ".yml") and p.is_file())
        size_mb = sum(p.stat().st_size for p in files) / 1e6

        # The runs measured first: a child's peak RSS counts what it shared with this process when
        # it was started, and the parses below make this process big.
        cmd = [*cluster_command(), "validate", "--data", str(folder), "--as-of", AS_OF, "-v", "--no-cache"]
        start = time.perf_counter()
        proc = subprocess.run(cmd, capture_output=True, text=True)
        validate_s = time.perf_counter() - start
        peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024  # KiB on Linux
        # (d) the default run, with the cache: a first run into an empty cache, then a second one
        with tempfile.TemporaryDirectory(prefix="cluster-bench-cache-") as cache:
            env = {**os.environ, "CLUSTER_CACHE_DIR": cache}
            env.pop("CLUSTER_NO_CACHE", None)
            env.pop("CLUSTER_JOBS", None)
            first_s, first_mb, first_cpu = measured(cmd[:-1], env)
            again_s, again_mb, _ = measured(cmd[:-1], env)
        with tempfile.TemporaryDirectory(prefix="cluster-bench-cache-") as cache:  # on one core
            one_s, one_mb, one_cpu = measured(cmd[:-1], {**env, "CLUSTER_CACHE_DIR": cache, "CLUSTER_JOBS": "1"})

        parse_s, items = parse_all(files)
        rs_s = parse_all_rs(files)
        floor = model_floor(folder)

        summary = next((ln for ln in reversed(proc.stdout.splitlines()) if ln.strip()), "")
        ratio = validate_s / parse_s if parse_s else float("inf")

        print(f"students {args.students}, {len(files)} files, {items} top-level records, {size_mb:.1f} MB"
              + (f", generated in {gen_s:.2f} s" if gen_s is not None else ""))
        print()
        print(f"{'measure':<44}{'seconds':>10}{'MB/s':>8}")
        print(f"{'(a) parse, yaml.load CSafeLoader, gc on':<44}{parse_s:>10.2f}{size_mb / parse_s:>8.2f}")
        print(f"{'(a2) parse, yaml_rs.loads, gc on':<44}{rs_s:>10.2f}{size_mb / rs_s:>8.2f}")
        print(f"{'(b) cluster validate --no-cache (wall)':<44}{validate_s:>10.2f}{size_mb / validate_s:>8.2f}")
        print()
        print(f"(c) validate / parse = {ratio:.2f}  (target <= {TARGET}; {'within' if ratio <= TARGET else 'over'})")
        rs_ratio = validate_s / rs_s
        print(f"    validate / yaml-rs parse = {rs_ratio:.2f}  (target <= {RS_TARGET}; "
              f"{'within' if rs_ratio <= RS_TARGET else 'over'})")
        print(f"    peak RSS of validate = {peak_mb:.0f} MB ({peak_mb / size_mb:.1f} x the data size; target <= 3)")
        print(f"(d) validate with the cache, first run: {first_s:.2f} s, peak RSS {first_mb:.0f} MB "
              f"({first_mb / size_mb:.1f} x the data size); again: {again_s:.2f} s, {again_mb:.0f} MB")
        print(f"    first run / yaml-rs parse = {first_s / rs_s:.2f}  (target <= {RS_TARGET}; "
              f"{'within' if first_s / rs_s <= RS_TARGET else 'over'}); its helper's share: the same run on one core "
              f"(CLUSTER_JOBS=1) {one_s:.2f} s = {one_s / rs_s:.2f} x, peak RSS {one_mb:.0f} MB; CPU seconds "
              f"{first_cpu:.2f} on two cores, {one_cpu:.2f} on one")
        own_parse, validated, round_trip = floor
        print(f"(e) the model layer alone on the list files (gc paused, as the loader does): yaml-rs parse "
              f"{own_parse:.2f} s, with pydantic validation {validated:.2f} s, with the cache's round trip (dump, "
              f"build again) {round_trip:.2f} s = {validated / rs_s:.2f} x and {round_trip / rs_s:.2f} x the yaml-rs "
              f"parse of (a2) — on two cores at best {validated / rs_s / 2:.2f} x and {round_trip / rs_s / 2:.2f} x, "
              f"before any rule")
        print(f"    exit code {proc.returncode}: {summary}")
        stages = [ln.strip() for ln in proc.stderr.splitlines() if ln.strip()]
        if stages:
            print("    stages (-v): " + "; ".join(stages[-6:]))
    finally:
        if tmp is not None:
            tmp.cleanup()
    return 0


if __name__ == "__main__":
    sys.exit(main())
