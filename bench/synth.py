#!/usr/bin/env python
"""A deterministic synthetic cluster data folder, for benchmarks.

    python bench/synth.py OUT_DIR --students N [--seed S] [--placements-per-100 K]

or, from Python, ``generate(out_dir, students, seed=1) -> dict`` (counts of what was written).

The generator itself lives in the package (`cluster_cli/edit/synthetic.py`, what
`cluster init DIR --synthetic N` writes); this script keeps the benchmarks' way of calling it:
it may write again into a folder it wrote before (students and placements are replaced), where
`cluster init` refuses any folder that is not empty.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import time
from pathlib import Path

from cluster_cli.edit.synthetic import OWN_FILES, synthetic_files
from cluster_cli.edit.synthetic_catalogue import AS_OF, GROUP_SIZE  # noqa: F401  (the benchmarks read them here)


def _prepare(out_dir: Path) -> None:
    """Create `out_dir`, or clear a folder this script wrote before; refuse anything else."""
    if out_dir.exists():
        entries = [p.name for p in out_dir.iterdir()]
        if entries and "cluster.yaml" not in entries:
            raise SystemExit(f"{out_dir} is not empty and holds no cluster.yaml; refusing to overwrite it")
        for name in ("students", "placements"):
            if (out_dir / name).is_dir():
                shutil.rmtree(out_dir / name)
        for name in OWN_FILES:
            (out_dir / name).unlink(missing_ok=True)
    out_dir.mkdir(parents=True, exist_ok=True)


def generate(out_dir: Path, students: int, seed: int = 1, placements_per_100: float = 20) -> dict:
    """Write a complete synthetic data folder to `out_dir`; return counts of what was written."""
    out_dir = Path(out_dir)
    _prepare(out_dir)
    files, counts = synthetic_files(students, seed, placements_per_100)
    for name, text in files.items():
        path = out_dir / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(text.encode("utf-8"))
    return counts


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("out_dir", type=Path)
    ap.add_argument("--students", type=int, required=True)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--placements-per-100", type=float, default=20, dest="placements_per_100")
    args = ap.parse_args(argv)
    t0 = time.perf_counter()
    counts = generate(args.out_dir, args.students, args.seed, args.placements_per_100)
    took = time.perf_counter() - t0
    print(f"wrote {args.out_dir} in {took:.2f} s ({counts['bytes'] / 1e6:.1f} MB, {counts['files']} files)")
    print(", ".join(f"{k} {v}" for k, v in counts.items() if k not in ("bytes", "files")))
    return 0


if __name__ == "__main__":
    sys.exit(main())
