#!/usr/bin/env python
"""Start-up cost of the `cluster` command, relative to importing Typer, in ONE run.

    python bench/bench_startup.py [--runs 15] [--top 10]

Times (subprocess wall time, the venv's own interpreter) `python -c "import typer"` and
`cluster --help`, alternating the two so that drift in machine load hits both alike, and
prints each median and the ratio help / typer (target ≤ 1.3: the CLI should cost little more
than the framework it is built on). As a diagnostic it also times `cluster --help` with
`TYPER_USE_RICH=0` (Typer's plain help instead of its rich-formatted one), and one Tab of
shell completion — a student id for `cluster debts --student TA-25` on the sample data, what
bash runs on every Tab (ratio complete / typer; it reads the ids, so it may cost more than
help, but should stay well under the time a person notices, ~0.2 s). Then shows the
`cluster validate` on the sample folder answered from the cache (a temporary cache folder, filled
by a first run: the secretary's everyday re-run; ratio validate / typer, target ≤ 2). Then shows the
`-X importtime` top imports by cumulative time for `import cluster_cli.cli.app` (what the CLI
pulls in at start-up) and for a whole `cluster --help` (what rendering the help adds).

The runs write bytecode as an installed package has it (PYTHONDONTWRITEBYTECODE is removed from
their environment): compiling the package's sources on every run is not what a user pays.

No assertions; exits 0.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from common import cluster_command  # noqa: E402 - bench/ is on the path

TARGET = 1.3
VALIDATE_TARGET = 2.0




def wall(cmd: list[str], env: dict | None = None) -> float:
    start = time.perf_counter()
    subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False, env=env)
    return time.perf_counter() - start


def importtime(cmd: list[str]) -> list[tuple[int, int, str]]:
    """(self µs, cumulative µs, name with nesting indent) for every import `cmd` makes."""
    env = dict(os.environ, PYTHONPROFILEIMPORTTIME="1")
    proc = subprocess.run(cmd, capture_output=True, text=True, env=env)
    rows = []
    for line in proc.stderr.splitlines():
        if not line.startswith("import time:") or "self [us]" in line:
            continue
        self_us, cumulative, name = line[len("import time:"):].split("|", 2)
        rows.append((int(self_us), int(cumulative), name.rstrip()))
    return rows


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--runs", type=int, default=15)
    ap.add_argument("--top", type=int, default=10)
    args = ap.parse_args(argv)

    typer_cmd = [sys.executable, "-c", "import typer"]
    help_cmd = [*cluster_command(), "--help"]
    pass_cmd = [sys.executable, "-c", "pass"]
    base_env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    plain_env = dict(base_env, TYPER_USE_RICH="0")
    sample = Path(__file__).resolve().parents[1] / "data"
    cache = tempfile.mkdtemp(prefix="bench-startup-cache-")
    validate_env = dict(base_env, CLUSTER_CACHE_DIR=cache)
    validate_cmd = [*cluster_command(), "validate", "--data", str(sample), "--as-of", "2026-11-23"]
    complete_env = dict(base_env, _CLUSTER_COMPLETE="complete_bash", COMP_CWORD="5",
                        COMP_WORDS=f"cluster debts --data {sample} --student TA-25")
    for cmd in (pass_cmd, typer_cmd, help_cmd):  # warm the file cache, write the bytecode
        wall(cmd, base_env)
    wall(validate_cmd, validate_env)  # fills the cache: the runs below are answered from it
    times: dict[str, list[float]] = {"pass": [], "typer": [], "help": [], "plain": [], "complete": [],
                                     "validate": []}
    for _ in range(max(15, args.runs)):
        times["pass"].append(wall(pass_cmd, base_env))
        times["typer"].append(wall(typer_cmd, base_env))
        times["help"].append(wall(help_cmd, base_env))
        times["plain"].append(wall(help_cmd, plain_env))
        times["complete"].append(wall(cluster_command(), complete_env))
        times["validate"].append(wall(validate_cmd, validate_env))
    med = {k: statistics.median(v) * 1000 for k, v in times.items()}
    ratio = med["help"] / med["typer"]

    n = len(times["typer"])
    print(f"{'command (median of ' + str(n) + ' runs)':<40}{'ms':>8}{'min ms':>9}")
    for key, label in (("pass", 'python -c "pass"'), ("typer", 'python -c "import typer"'),
                       ("help", "cluster --help"), ("plain", "  same, TYPER_USE_RICH=0 (diagnostic)"),
                       ("complete", "Tab: cluster debts --student TA-25"),
                       ("validate", "cluster validate --data data (cached)")):
        print(f"{label:<40}{med[key]:>8.1f}{min(times[key]) * 1000:>9.1f}")
    print()
    verdict = "within" if ratio <= TARGET else "over"
    print(f"cluster --help / import typer = {ratio:.2f}  (target <= {TARGET}; {verdict})")

    print(f"  (diagnostic: without Typer's rich help the ratio would be {med['plain'] / med['typer']:.2f})")
    print(f"completion (one Tab, student ids) / import typer = {med['complete'] / med['typer']:.2f}")
    vratio = med["validate"] / med["typer"]
    print(f"cluster validate on data/ (cached) / import typer = {vratio:.2f}  (target <= {VALIDATE_TARGET}; "
          f"{'within' if vratio <= VALIDATE_TARGET else 'over'})")
    for title, cmd in (("python -X importtime -c 'import cluster_cli.cli.app'",
                        [sys.executable, "-c", "import cluster_cli.cli.app"]),
                       ("cluster --help (PYTHONPROFILEIMPORTTIME=1)", help_cmd)):
        rows = importtime(cmd)
        print()
        print(f"{title}: {len(rows)} modules imported; top {args.top} by cumulative time")
        print(f"{'cumulative ms':>14}{'self ms':>9}  module")
        for self_us, cum_us, name in sorted(rows, key=lambda r: -r[1])[: args.top]:
            print(f"{cum_us / 1000:>14.1f}{self_us / 1000:>9.1f}  {name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
