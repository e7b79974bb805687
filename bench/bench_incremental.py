#!/usr/bin/env python
"""`cluster validate` after ONE student file changed against a cold run, in ONE run.

    python bench/bench_incremental.py [--students 1000] [--runs 3] [--keep DIR] [--ignore RULES] [--python-m]

Generates a synthetic cluster (bench/synth.py), fills a private cache with one run, then
alternates `--runs` times:

  cold       `cluster validate --as-of 2026-11-23 --format json --no-cache`
  one file   the same with the cache on, right after one student file changed (a comment line
             added at its end, different every time: the stored answer misses, every other
             file and its kept findings hit)

and prints the medians of the wall times and of the CPU times (user + system of the child,
steadier on a shared machine), and their ratios one file ÷ cold — target ≤ 0.1 (issue 20).
It also checks that the two runs answered the same bytes. No assertions; exits 0.
`--python-m` runs `python -m cluster_cli` (honours PYTHONPATH: to time another checkout).
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import synth  # noqa: E402
from common import cluster_command  # noqa: E402 - bench/ is on the path

TARGET = 0.1


def timed(args: list[str], env: dict) -> tuple[float, float, bytes]:
    """(wall s, CPU s of the child, stdout) of one run."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    # run from the temporary folder: `python -m` puts the current folder first on sys.path, where
    # a checkout (this one) would shadow the one PYTHONPATH names
    out = subprocess.run(args, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, check=False, env=env,
                         cwd=tempfile.gettempdir()).stdout
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu, out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--students", type=int, default=1000)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--keep", type=Path, default=Path(tempfile.gettempdir()) / "cluster-bench")
    ap.add_argument("--ignore", default="", help="rules both runs skip (`validate --ignore`), e.g. period-grade")
    ap.add_argument("--python-m", action="store_true",
                    help="run `python -m cluster_cli` (honours PYTHONPATH: to time another checkout)")
    args = ap.parse_args(argv)
    folder = args.keep.resolve() / f"incremental{args.students}"
    if not (folder / "cluster.yaml").exists():
        synth.generate(folder, students=args.students, seed=1)
    victim = sorted((folder / "students").rglob("*.yaml"))[len(list((folder / "students").rglob("*.yaml"))) // 2]
    original = victim.read_bytes()
    cache = Path(tempfile.mkdtemp(prefix="bench-incremental-cache-"))
    env = {k: v for k, v in os.environ.items() if k != "CLUSTER_NO_CACHE"}
    env["CLUSTER_CACHE_DIR"] = str(cache)
    command = [*cluster_command(args.python_m), "validate", "--data", str(folder), "--as-of", "2026-11-23",
               "--format", "json", *(["--ignore", args.ignore] if args.ignore else [])]
    try:
        timed(command, env)  # fills the cache: every file loaded, its record findings kept
        runs: dict[str, list[tuple[float, float]]] = {"cold": [], "one file": []}
        same = True
        for i in range(max(1, args.runs)):
            victim.write_bytes(original + f"# edit {time.time_ns()} {i}\n".encode())
            wall, cpu, cold_out = timed([*command, "--no-cache"], env)
            runs["cold"].append((wall, cpu))
            victim.write_bytes(original + f"# edit {time.time_ns()} {i}b\n".encode())
            wall, cpu, warm_out = timed(command, env)
            runs["one file"].append((wall, cpu))
            same = same and warm_out == timed([*command, "--no-cache"], env)[2]
    finally:
        victim.write_bytes(original)
        import shutil

        shutil.rmtree(cache, ignore_errors=True)
    print(f"{args.students} students, {len(list(folder.rglob('*.yaml')))} files; one student file changed "
          f"({victim.relative_to(folder)}); median of {args.runs} alternated runs")
    med = {name: (statistics.median(w for w, _ in v), statistics.median(c for _, c in v)) for name, v in runs.items()}
    for name, (wall, cpu) in med.items():
        print(f"  {name:<9} wall {wall:7.2f} s   cpu {cpu:7.2f} s")
    (warm_wall, warm_cpu), (cold_wall, cold_cpu) = med["one file"], med["cold"]
    print(f"  one file / cold: wall {warm_wall / cold_wall:.2f}, cpu {warm_cpu / cold_cpu:.2f}   (target <= {TARGET})")
    print(f"  same answer as the cold run: {'yes' if same else 'NO'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
