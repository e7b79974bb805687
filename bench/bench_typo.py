#!/usr/bin/env python
"""One typo in one big students file against the same file clean, in ONE run.

    python bench/bench_typo.py [--students 10000] [--runs 3] [--keep DIR]

Generates a synthetic cluster (bench/synth.py) and puts every student in ONE file,
`students.yaml` (≈ 5 MB per 1,000 students; the issue's 200 MB file is `--students 40000`), then
a copy in which the middle record's `course:` reads `yks` — a shape error: that record cannot
become a model. Then, cache off, `cluster validate --as-of 2026-11-23 --format json` on each,
alternated `--runs` times, and the ratios of the medians, typo ÷ clean, of the wall time and of
the peak memory (the child's maximum resident set) — target ≤ 1.5 for both (issue 20: one typo
reads the records that have it again with their lines, not the whole file). No assertions; exits 0.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import synth  # noqa: E402
from common import cluster_command  # noqa: E402 - bench/ is on the path

TARGET = 1.5


def one_file(folder: Path) -> int:
    """Every student file of `folder` joined into `students.yaml`; its size in bytes."""
    parts = []
    for path in sorted((folder / "students").rglob("*.yaml")):
        text = path.read_text(encoding="utf-8")
        parts.append(text if text.endswith("\n") else text + "\n")
    shutil.rmtree(folder / "students")
    (folder / "students.yaml").write_text("".join(parts), encoding="utf-8")
    return (folder / "students.yaml").stat().st_size


def with_typo(clean: Path, out: Path) -> int:
    """A copy of `clean` with the middle student's `course:` misspelt; the line changed."""
    if out.exists():
        shutil.rmtree(out)
    shutil.copytree(clean, out)
    path = out / "students.yaml"
    lines = path.read_text(encoding="utf-8").split("\n")
    courses = [i for i, line in enumerate(lines) if line.startswith("  course: ")]
    at = courses[len(courses) // 2]
    lines[at] = "  course: yks"
    path.write_text("\n".join(lines), encoding="utf-8")
    return at + 1


def run(folder: Path) -> tuple[float, float]:
    """Wall seconds and peak RSS (MiB) of one cold `validate` of `folder`."""
    args = [*cluster_command(), "validate", "--data", str(folder), "--as-of", "2026-11-23", "--format", "json"]
    start = time.perf_counter()
    proc = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                            env={**os.environ, "CLUSTER_NO_CACHE": "1"})
    _, _, usage = os.wait4(proc.pid, 0)
    return time.perf_counter() - start, usage.ru_maxrss / 1024


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--students", type=int, default=10000)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--keep", type=Path, help="generate into this folder and keep it")
    args = ap.parse_args(argv)

    base = args.keep or Path(tempfile.mkdtemp(prefix="bench-typo-"))
    clean, typo = base / "clean", base / "typo"
    try:
        synth.generate(clean, students=args.students, seed=1)
        size = one_file(clean)
        line = with_typo(clean, typo)
        print(f"{args.students} students in one file of {size / 1e6:.1f} MB; the typo at students.yaml:{line}")
        results: dict[str, list[tuple[float, float]]] = {"clean": [], "typo": []}
        for _ in range(args.runs):
            results["clean"].append(run(clean))
            results["typo"].append(run(typo))
        med = {k: (statistics.median(t for t, _ in v), statistics.median(m for _, m in v)) for k, v in results.items()}
        for key in ("clean", "typo"):
            print(f"{key:<8}{med[key][0]:>9.2f} s{med[key][1]:>10.0f} MiB")
        for what, i in (("time", 0), ("peak memory", 1)):
            ratio = med["typo"][i] / med["clean"][i]
            print(f"typo / clean, {what}: {ratio:.2f}  (target <= {TARGET}; {'within' if ratio <= TARGET else 'over'})")
    finally:
        if args.keep is None:
            shutil.rmtree(base, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
