#!/usr/bin/env python
"""How `cluster contracts render` compares with bare docxtpl rendering, in ONE run.

    python bench/bench_contracts.py [--contracts 500] [--students 600] [--dir DIR] [--seed 1]

Generates a synthetic cluster (bench/synth.py, one placement per student) into a temporary
directory — or `--dir` — and picks the first N placements that pass validation, then measures:

  (a) cluster  ``cluster contracts render ID… --data DIR --out OUT --as-of 2026-11-23 -v`` as a
               subprocess, wall time from start-up to the manifest (load, check, plan, render in
               a fork pool, atomic writes) — the figure a secretary waits for;
  (b) bare     the same template with the same contexts through plain docxtpl, serially, in
               this process: ``DocxTemplate(path).render(context, autoescape=True)`` and
               ``save(file)`` per contract — the baseline;
  (c) the ratio  cluster throughput / (bare throughput × cores)   (target ≥ 0.8).

The loader's cache is switched off (CLUSTER_NO_CACHE=1): a cold run. Machines are noisy, so the
figure to read is the ratio within one run, not the milliseconds. No assertions; exits 0.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import synth  # noqa: E402
from common import cluster_command  # noqa: E402 - bench/ is on the path

AS_OF = "2026-11-23"
TARGET = 0.8




def renderable(data_dir: Path, count: int, out: Path):
    """The first `count` placements that pass validation, with their contexts and template
    bytes (computed in this process; not timed)."""
    from cluster_cli.pipeline import check, load
    from cluster_cli.contracts import plan as C

    loaded = load(data_dir)
    findings = check(loaded, date.fromisoformat(AS_OF))
    placements = [p for p in loaded.dataset.records["placements"] if p.status not in C.NOT_RENDERED]
    templates = {lang: (name, (C.TEMPLATES_DIR / name).read_bytes()) for lang, name in C.DEFAULT_TEMPLATES.items()}
    jobs = C.plan_jobs(loaded.dataset, loaded.profile, placements, findings, out, templates, "en")
    good = [j for j in jobs if j.context is not None and not j.status][:count]
    return good, templates


def bare(jobs, paths: dict[str, str], out: Path) -> float:
    """Plain docxtpl, serially: load, render, save per contract. Seconds."""
    from docxtpl import DocxTemplate

    out.mkdir(parents=True, exist_ok=True)
    start = time.perf_counter()
    for i, job in enumerate(jobs):
        tpl = DocxTemplate(paths[job.template_key])
        tpl.render(job.context, autoescape=True)
        tpl.save(str(out / f"{i:05d}.docx"))
    return time.perf_counter() - start


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--contracts", type=int, default=500)
    ap.add_argument("--students", type=int, default=600)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--dir", type=Path, default=None, help="Data folder to generate into (default: a temporary one).")
    args = ap.parse_args(argv)

    from cluster_cli.contracts import plan as C

    os.environ["CLUSTER_NO_CACHE"] = "1"
    tmp = Path(tempfile.mkdtemp(prefix="bench-contracts-"))
    try:
        data_dir = args.dir or tmp / "data"
        counts = synth.generate(data_dir, args.students, seed=args.seed, placements_per_100=100)
        jobs, templates = renderable(data_dir, args.contracts, tmp / "out-cluster")
        n = len(jobs)
        print(f"data: {counts['students']} students, {counts['placements']} placements; "
              f"{n} contracts that pass validation (asked for {args.contracts})")
        if n == 0:
            return 0
        ids = [j.placement for j in jobs]
        cmd = cluster_command() + ["contracts", "render", *ids, "--data", str(data_dir),
                                   "--out", str(tmp / "out-cluster"), "--as-of", AS_OF, "-v", "--lang", "en"]
        start = time.perf_counter()
        proc = subprocess.run(cmd, capture_output=True, text=True)
        cluster_s = time.perf_counter() - start
        written = len(list((tmp / "out-cluster").rglob("*.docx")))
        stages = [line for line in proc.stderr.splitlines() if line.startswith(("stage ", "etapp "))]
        summary = [line for line in proc.stderr.splitlines() if line.startswith(("Contracts:", "Lepingud:"))]

        paths = {key: str(C.TEMPLATES_DIR / name) for key, (name, _) in templates.items()}
        bare_s = bare(jobs, paths, tmp / "out-bare")
        cores = os.cpu_count() or 1
        cluster_tp, bare_tp = n / cluster_s, n / bare_s
        ratio = cluster_tp / (bare_tp * cores)
        print(f"cluster contracts render (exit {proc.returncode}, {written} files): {cluster_s:.2f} s, "
              f"{1000 * cluster_s / n:.1f} ms per contract, end to end")
        for line in summary + stages:
            print(f"    {line}")
        print(f"bare docxtpl, serial: {bare_s:.2f} s, {1000 * bare_s / n:.1f} ms per contract")
        print(f"cores: {cores}")
        print(f"ratio cluster throughput / (bare throughput × cores) = {ratio:.2f}  (target ≥ {TARGET})")
        if proc.returncode not in (0, 1):
            print(proc.stderr[-2000:])
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
