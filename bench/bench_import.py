#!/usr/bin/env python
"""How long `cluster import grades FILE --dry-run` takes against reading the same sheet with
openpyxl alone (issue 17, "Proof": target ≤ 3×).

    python bench/bench_import.py [--students 10000] [--keep DIR]

1. A synthetic cluster (`bench/synth.py`: 10,000 students, ≈ 40 grades each) in a temporary
   folder.
2. Its grades as an XLSX sheet in the cluster mapping's columns (`cluster-grades.yaml`, the
   columns `cluster export grades` writes: rows from `render.export.export_table`, written with
   openpyxl's write-only mode so that 400,000 rows fit in memory).
3. Timed in the same run: openpyxl alone (`load_workbook(read_only=True)`, every row iterated)
   and `cluster import grades FILE --dry-run --data DIR` as a subprocess (the command as a user
   runs it, start-up included). The import finds every grade already in the folder — the
   round-trip case — so it reads, maps, matches and plans, and writes nothing.

If this branch has no `cluster import` yet, the script says so and times only openpyxl.
Not part of .ci/run (minutes, not seconds); like every benchmark here it prints, never fails.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))

TARGET = 3.0


def write_sheet(data_dir: Path, path: Path) -> int:
    """The folder's grades as XLSX in the cluster mapping's columns; returns the row count."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell

    from cluster_cli.pipeline import load
    from cluster_cli.render.export import export_table

    table = export_table(load(data_dir, cache=False).dataset, "grades")
    wb = Workbook(write_only=True)
    ws = wb.create_sheet(table.name[:31])
    ws.append(table.headers)
    for row in table.rows:
        cells = []
        for value in row:
            cell = WriteOnlyCell(ws, value=value)
            if hasattr(value, "isoformat"):
                cell.number_format = "dd.mm.yyyy"
            cells.append(cell)
        ws.append(cells)
    wb.save(path)
    return len(table.rows)


def read_with_openpyxl(path: Path) -> int:
    from openpyxl import load_workbook

    wb = load_workbook(path, read_only=True, data_only=True)
    count = sum(1 for _ in wb.worksheets[0].iter_rows(values_only=True))
    wb.close()
    return count


def has_import() -> bool:
    from cluster_cli.cli.app import COMMANDS

    return any(entry.name == "import" for entry in COMMANDS)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--students", type=int, default=10_000)
    parser.add_argument("--keep", type=Path, help="build in this folder and keep it")
    args = parser.parse_args(argv)

    from synth import generate

    with tempfile.TemporaryDirectory(prefix="bench-import-") as tmp:
        base = args.keep or Path(tmp)
        data_dir, sheet = base / "data", base / "grades.xlsx"
        started = time.perf_counter()
        counts = generate(data_dir, args.students)
        print(f"synthetic cluster: {counts.get('students', args.students)} students "
              f"({time.perf_counter() - started:.1f} s)")
        started = time.perf_counter()
        rows = write_sheet(data_dir, sheet)
        print(f"sheet: {rows} grade rows, {sheet.stat().st_size / 1e6:.1f} MB ({time.perf_counter() - started:.1f} s)")

        started = time.perf_counter()
        read = read_with_openpyxl(sheet)
        baseline = time.perf_counter() - started
        print(f"openpyxl alone (read_only, {read} rows): {baseline:.2f} s")

        if not has_import():
            print("cluster import: not on this branch — skipped (only openpyxl was timed)")
            return 0
        env = dict(os.environ, CLUSTER_CACHE_DIR=str(base / "cache"))
        command = [sys.executable, "-m", "cluster_cli", "import", "grades", str(sheet), "--dry-run",
                   "--data", str(data_dir), "--quiet"]
        started = time.perf_counter()
        done = subprocess.run(command, env=env, capture_output=True, text=True)
        took = time.perf_counter() - started
        print(f"cluster import grades --dry-run: {took:.2f} s (exit {done.returncode})")
        if done.returncode not in (0, 1):
            print(done.stderr[-2000:], file=sys.stderr)
            return 0
        ratio = took / baseline if baseline else float("inf")
        print(f"ratio: {ratio:.2f}× (target ≤ {TARGET:.0f}×) — {'met' if ratio <= TARGET else 'NOT met'}")
        return 0


if __name__ == "__main__":
    sys.exit(main())
