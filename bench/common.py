"""What the bench scripts share: the `cluster` command to time and one cold, quiet run of it.
(A bench script runs as `python bench/bench_x.py`, so this folder is on its path.)"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path


def cluster_command(python_m: bool = False) -> list[str]:
    """The installed `cluster` beside this Python (else on PATH), or `python -m cluster_cli`
    (always, with `python_m`: the start-up of the module without the console script)."""
    exe = Path(sys.executable).with_name("cluster")
    if python_m:
        return [sys.executable, "-m", "cluster_cli"]
    if exe.exists():
        return [str(exe)]
    found = shutil.which("cluster")
    return [found] if found else [sys.executable, "-m", "cluster_cli"]


def wall(args: list[str]) -> float:
    """Seconds of one run of `args` with the cache off (a cold run), its output discarded."""
    start = time.perf_counter()
    subprocess.run(args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False,
                   env={**os.environ, "CLUSTER_NO_CACHE": "1"})
    return time.perf_counter() - start
