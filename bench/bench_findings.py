#!/usr/bin/env python
"""`cluster validate` on data with findings against the same data clean, in ONE run.

    python bench/bench_findings.py [--students 10000] [--runs 3] [--keep DIR]

Generates a synthetic cluster (bench/synth.py) and a copy of it in which one record of every
student file — the middle one — names a module no curriculum has in its first grade: one
rule's finding per file (400 files at 10,000 students), each needing its line, while every
file still takes the fast parser. Then, cache off, the wall time of

  clean      `cluster validate --as-of 2026-11-23 --format json` on the clean folder
  findings   the same on the folder with findings

alternated `--runs` times (the machine is shared: the two see the same load), and the ratio
of the medians, findings ÷ clean — target ≤ 1.2 (issue 20: a finding's line is found without parsing its
whole file again). No assertions; exits 0.
"""

from __future__ import annotations

import argparse
import re
import shutil
import statistics
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import synth  # noqa: E402
from common import cluster_command, wall  # noqa: E402 - bench/ is on the path

TARGET = 1.2




def with_findings(clean: Path, out: Path) -> int:
    """Copy `clean` to `out` with one unknown module in the middle record of each student file."""
    if out.exists():
        shutil.rmtree(out)
    shutil.copytree(clean, out)
    changed = 0
    for path in sorted((out / "students").rglob("*.yaml")):
        text = path.read_text(encoding="utf-8")
        starts = [m.start() for m in re.finditer(r"^- id:", text, re.M)]
        at = text.find("    - module: ", starts[len(starts) // 2]) if starts else -1
        if at == -1:
            continue
        text = text[:at] + "    - module: Z99" + text[text.index("\n", at):]
        path.write_text(text, encoding="utf-8")
        changed += 1
    return changed




def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--students", type=int, default=10000)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--keep", type=Path, default=Path(tempfile.gettempdir()) / "cluster-bench")
    ap.add_argument("--python-m", action="store_true",
                    help="run `python -m cluster_cli` (honours PYTHONPATH: to time another checkout)")
    args = ap.parse_args(argv)
    clean = args.keep / f"synth{args.students}"
    if not (clean / "cluster.yaml").exists():
        synth.generate(clean, students=args.students, seed=1)
    dirty = args.keep / f"findings{args.students}"
    files = with_findings(clean, dirty)
    cluster = cluster_command(args.python_m)
    common = ["--as-of", "2026-11-23", "--format", "json"]
    times: dict[str, list[float]] = {"clean": [], "findings": []}
    for _ in range(max(1, args.runs)):
        times["clean"].append(wall([*cluster, "validate", "--data", str(clean), *common]))
        times["findings"].append(wall([*cluster, "validate", "--data", str(dirty), *common]))
    clean_s, dirty_s = (statistics.median(times[k]) for k in ("clean", "findings"))
    print(f"{args.students} students, {files} files with one finding each, cache off, median of {args.runs}")
    for name, median in (("clean", clean_s), ("findings", dirty_s)):
        print(f"  {name:<9} {median:7.2f} s   (min {min(times[name]):.2f} s)")
    print(f"findings ÷ clean = {dirty_s / clean_s:.2f}  (target ≤ {TARGET})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
