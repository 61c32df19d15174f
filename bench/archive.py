"""Measure the archive helper (lint/archive.py): throughput of copydesk on a local Dask cluster
of 1 and of 2 worker processes, on the same files, median of N runs each. Not a test.

    .venv/bin/python bench/archive.py /tmp/speedwork/plain --runs 3

The folder's .txt/.md/.html files are linted with all default packs; the cluster is started
before timing (worker start-up is not counted), and the first run of each size warms it.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import checkout

checkout.use()  # this checkout's lint/ as copydesk
from copydesk import archive  # noqa: E402


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("folder", type=Path)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--workers", default="1,2", help="cluster sizes to compare")
    args = ap.parse_args()
    import distributed

    paths = sorted(str(p) for p in args.folder.rglob("*") if p.suffix in {".txt", ".md", ".html"})
    size = sum(Path(p).stat().st_size for p in paths) / 1e6
    print(f"{len(paths)} files, {size:.2f} MB, {args.runs} runs each (median)")
    medians = {}
    for n in (int(w) for w in args.workers.split(",")):
        with distributed.LocalCluster(n_workers=n, threads_per_worker=1, processes=True,
                                      dashboard_address=None) as cluster, \
                distributed.Client(cluster):
            archive.check_files(paths[:4], npartitions=n).compute()  # warm: packs load
            times, rows = [], 0
            for _ in range(args.runs):
                start = time.perf_counter()
                rows = len(archive.check_files(paths, npartitions=4 * n).compute())
                times.append(time.perf_counter() - start)
        medians[n] = statistics.median(times)
        print(f"{n} worker(s): {medians[n]:.2f} s, {size / medians[n]:.2f} MB/s, {rows} findings")
    if len(medians) == 2:
        a, b = sorted(medians)
        print(f"speed-up {a}→{b} workers: {medians[a] / medians[b]:.2f}×")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
