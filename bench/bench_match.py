#!/usr/bin/env python
"""`cluster match` against `cluster validate`, at several sizes, in ONE run.

    python bench/bench_match.py [--students 1000 10000] [--keep DIR]

For each size, on a synthetic cluster (bench/synth.py) with the cache off (every run reads
every file), the wall time of

  validate   `cluster validate --as-of 2026-11-23 --format json`
  match      `cluster match --as-of 2026-11-23 --format json` (the window: to 2027-08-31)

and match ÷ validate. Both read the same files, so the ratio is what matching adds to loading;
it should stay flat from size to size (matching linear in the data, issue 20). Add 30000 to
`--students` for the third size (minutes). No assertions; exits 0.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import synth  # noqa: E402
from common import cluster_command, wall  # noqa: E402 - bench/ is on the path






def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--students", type=int, nargs="+", default=[1000, 10000])
    ap.add_argument("--keep", type=Path, default=Path(tempfile.gettempdir()) / "cluster-bench")
    ap.add_argument("--python-m", action="store_true",
                    help="run `python -m cluster_cli` (honours PYTHONPATH: to time another checkout)")
    args = ap.parse_args(argv)
    cluster = [sys.executable, "-m", "cluster_cli"] if args.python_m else cluster_command()
    print(f"{'students':>9} {'validate s':>11} {'match s':>9} {'match ÷ validate':>17}")
    for n in args.students:
        folder = args.keep / f"synth{n}"
        if not (folder / "cluster.yaml").exists():
            synth.generate(folder, students=n, seed=1)
        common = ["--data", str(folder), "--as-of", "2026-11-23", "--format", "json"]
        validate = wall([*cluster, "validate", *common])
        match = wall([*cluster, "match", *common])
        print(f"{n:>9} {validate:>11.2f} {match:>9.2f} {match / validate:>17.2f}", flush=True)
    print("target: match ÷ validate flat from size to size (linear matching)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
