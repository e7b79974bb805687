#!/usr/bin/env python
"""The scale targets of the fast path and the cache, measured in ONE run per size.

    python bench/bench_scale.py [--sizes 1000,10000,30000] [--keep DIR]

For each size a synthetic cluster is generated (bench/synth.py; reused from --keep/DIR when
present), then, as subprocesses of the venv's `cluster`:

  parse        every YAML file with plain PyYAML CSafeLoader, gc on (the baseline);
  cold         `cluster validate` with an empty cache directory;
  warm         the same command again (nothing changed: answered from the cache);
  debts warm   `cluster debts --format json` run twice, the second timed (answers cache);
  rank warm    `cluster grants rank --round 2026-autumn --format json`, likewise;
  debts files  `cluster debts` for another date (the answer is new, the files come from the
               file cache: the honest "warm load" figure);
  peak RSS     of the cold validate process (os.wait4's rusage).

Targets (issue 6): cold/parse ≤ 0.25, warm/parse ≤ 0.03, debts and rank warm / cold ≤ 0.1,
cold(30k)/cold(10k) ≤ 3.3. Ratios within one run; no assertions; exits 0.
"""

from __future__ import annotations

import argparse
import gc
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))
import synth  # noqa: E402

AS_OF = "2026-11-23"
CLUSTER = str(Path(sys.executable).with_name("cluster"))


def timed(args: list[str], env: dict) -> tuple[float, int, int]:
    """Wall seconds, exit code and peak RSS (KiB) of one child process."""
    start = time.perf_counter()
    proc = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    return elapsed, proc.returncode, usage.ru_maxrss


def parse_all(folder: Path) -> float:
    files = sorted(folder.rglob("*.yaml"))
    gc.collect()
    start = time.perf_counter()
    kept = [yaml.load(p.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader) for p in files]
    elapsed = time.perf_counter() - start
    del kept
    gc.collect()
    return elapsed


def measure(folder: Path, students: int) -> dict:
    cache = Path(tempfile.mkdtemp(prefix="cluster-cache-"))
    env = {**os.environ, "CLUSTER_CACHE_DIR": str(cache)}
    env.pop("CLUSTER_NO_CACHE", None)
    validate = [CLUSTER, "validate", "--data", str(folder), "--as-of", AS_OF, "--format", "json"]
    debts = [CLUSTER, "debts", "--data", str(folder), "--as-of", AS_OF, "--format", "json"]
    rank = [CLUSTER, "grants", "rank", "--data", str(folder), "--round", "2026-autumn", "--format", "json"]
    out = {"students": students, "mb": sum(p.stat().st_size for p in folder.rglob("*.yaml")) / 1e6}
    out["parse"] = parse_all(folder)
    out["cold"], code, out["rss_kib"] = timed(validate, env)
    out["warm"], _, _ = timed(validate, env)
    timed(debts, env)
    out["debts_warm"], _, _ = timed(debts, env)
    timed(rank, env)
    out["rank_warm"], _, _ = timed(rank, env)
    out["debts_files"], _, _ = timed([*debts[:-4], "--as-of", "2026-11-24", "--format", "json"], env)
    out["exit"] = code
    shutil.rmtree(cache, ignore_errors=True)
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="1000,10000,30000")
    ap.add_argument("--keep", type=Path, default=Path(tempfile.gettempdir()) / "cluster-bench")
    args = ap.parse_args()
    rows = []
    for n in (int(x) for x in args.sizes.split(",")):
        folder = args.keep / f"synth{n}"
        if not (folder / "cluster.yaml").exists():
            print(f"generating {n} students into {folder} …", file=sys.stderr)
            synth.generate(folder, students=n, seed=1)
        print(f"measuring {n} …", file=sys.stderr)
        rows.append(measure(folder, n))
    print(f"{'students':>9} {'MB':>6} {'parse s':>8} {'cold s':>7} {'warm s':>7} {'debts w':>8} {'rank w':>7} "
          f"{'debts f':>8} {'RSS MB':>7} | {'cold/parse':>10} {'warm/parse':>10} {'debts/cold':>10} {'rank/cold':>9}")
    for r in rows:
        print(f"{r['students']:>9} {r['mb']:>6.1f} {r['parse']:>8.2f} {r['cold']:>7.2f} {r['warm']:>7.2f} "
              f"{r['debts_warm']:>8.2f} {r['rank_warm']:>7.2f} {r['debts_files']:>8.2f} {r['rss_kib'] / 1024:>7.0f} | "
              f"{r['cold'] / r['parse']:>10.3f} {r['warm'] / r['parse']:>10.3f} {r['debts_warm'] / r['cold']:>10.3f} "
              f"{r['rank_warm'] / r['cold']:>9.3f}")
    print("targets: cold/parse ≤ 0.25 · warm/parse ≤ 0.03 · debts, rank warm/cold ≤ 0.1")
    by = {r["students"]: r for r in rows}
    if 10000 in by and 30000 in by:
        print(f"cold validate 30,000 / 10,000 = {by[30000]['cold'] / by[10000]['cold']:.2f} (target ≤ 3.3, linear)")
    for r in rows:
        print(f"peak RSS per 10,000 students ({r['students']}): {r['rss_kib'] / 1024 / r['students'] * 10000:.0f} MB")


if __name__ == "__main__":
    main()
