#!/usr/bin/env python
"""Reports against validation, cold, in ONE run.

    python bench/bench_reports.py [--students 10000] [--keep DIR]

On a synthetic cluster (bench/synth.py), with the cache off (`--no-cache`, every run reads
every file):

  validate   `cluster validate --format json`
  debts      `cluster debts --format json`            target debts / validate ≤ 1.5 (issue 3)
  rank       `cluster grants rank --round 2026-autumn --format json`
  report     `cluster grants report --month 2026-11 --format json`

Ratios within one run; no assertions; exits 0.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import synth  # noqa: E402
from common import wall  # noqa: E402 - bench/ is on the path

CLUSTER = str(Path(sys.executable).with_name("cluster"))




def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--students", type=int, default=10000)
    ap.add_argument("--keep", type=Path, default=Path(tempfile.gettempdir()) / "cluster-bench")
    args = ap.parse_args()
    folder = args.keep / f"synth{args.students}"
    if not (folder / "cluster.yaml").exists():
        synth.generate(folder, students=args.students, seed=1)
    data = ["--data", str(folder), "--format", "json"]
    runs = {
        "validate": [CLUSTER, "validate", *data, "--as-of", "2026-11-23"],
        "debts": [CLUSTER, "debts", *data, "--as-of", "2026-11-23"],
        "rank": [CLUSTER, "grants", "rank", *data, "--round", "2026-autumn"],
        "report": [CLUSTER, "grants", "report", *data, "--month", "2026-11"],
    }
    times = {name: wall(cmd) for name, cmd in runs.items()}
    print(f"{args.students} students, cache off")
    for name, seconds in times.items():
        print(f"  {name:<9} {seconds:7.2f} s   ÷ validate = {seconds / times['validate']:.2f}")
    print("target: debts ÷ validate ≤ 1.5")


if __name__ == "__main__":
    main()
