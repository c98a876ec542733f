"""Scaling of the Dask engine: the same articles coded on a LocalCluster of 1 worker, then of 2 workers.

usage: python benchmarks/scaling.py [CORPUS.jsonl] [--limit N] [--partition-size P] [--workers 1,2]

Defaults to the first 400 articles of ../shared/corpus/reuters_2016_2017.jsonl (read in place, never copied).
The articles are read (and language-checked) before the clock starts, and each cluster is started and its
workers' Coder loaded before it, so the timed part is partitioning, coding, writing Parquet and the import into a
fresh store. Prints JSON: docs/s per cluster size and the scaling efficiency rate(n) / (n * rate(1)), for the
coding stage and end to end (with the single-writer import on the client). On a machine that other processes
also use, see each run's worker_utilisation and load average: efficiency per worker CPU second separates the
cost of parallelism from CPU taken by others.
"""
from __future__ import annotations

import argparse
import itertools
import json
import os
import tempfile
import time
from pathlib import Path

from tacitus.io import InputProblem, ReadOptions, read_inputs
from tacitus.scale.cluster import dask_client
from tacitus.scale.dask_engine import ingest_items, warm_workers
from tacitus.store import Store


def cpu_seconds() -> float:
    """User + system CPU seconds of the calling process (run on each worker)."""
    t = os.times()
    return t.user + t.system


def measure(documents: list, n_workers: int, partition_size: int) -> dict:
    with dask_client(n_workers=n_workers) as client, tempfile.TemporaryDirectory() as tmp:
        warm_workers(client, {})
        with Store(Path(tmp) / "bench.duckdb") as store:
            load_before = os.getloadavg()[0]
            cpu_before = client.run(cpu_seconds)
            t0 = time.perf_counter()
            stats, problems, progress = ingest_items(store, client, documents, Path(tmp) / "run",
                                                     partition_size=partition_size)
            total = time.perf_counter() - t0
            cpu_after = client.run(cpu_seconds)
    worker_cpu = sum(cpu_after[w] - cpu_before[w] for w in cpu_after)
    return {"workers": n_workers, "documents": stats.read, "events": stats.events,
            "partitions": progress.partitions_done, "coding_seconds": round(progress.coding_seconds, 2),
            "import_seconds": round(progress.import_seconds, 2), "total_seconds": round(total, 2),
            "coding_docs_per_s": round(stats.read / progress.coding_seconds, 2),
            "docs_per_s": round(stats.read / total, 2),
            # CPU the workers got: utilisation well below 1 means other processes took the cores
            "worker_cpu_seconds": round(worker_cpu, 2),
            "worker_utilisation": round(worker_cpu / (n_workers * progress.coding_seconds), 3),
            "docs_per_worker_cpu_s": round(stats.read / worker_cpu, 2),
            # other processes on the machine show here: the run itself adds about n_workers
            "load_average_1min": [round(load_before, 2), round(os.getloadavg()[0], 2)]}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    default = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "reuters_2016_2017.jsonl"
    ap.add_argument("corpus", nargs="?", default=str(default))
    ap.add_argument("--limit", type=int, default=400, help="code the first N articles")
    ap.add_argument("--partition-size", type=int, default=25)
    ap.add_argument("--workers", default="1,2", help="cluster sizes to measure, in this order (the smallest is the "
                                                     "baseline)")
    args = ap.parse_args()

    items = read_inputs([args.corpus], options=ReadOptions())
    documents = list(itertools.islice((d for d in items if not isinstance(d, InputProblem)), args.limit))
    runs = [measure(documents, int(n), args.partition_size) for n in args.workers.split(",")]
    base = min(runs, key=lambda r: r["workers"])
    for r in runs:
        if r is base:
            continue
        k = r["workers"] / base["workers"]
        r["efficiency_coding"] = round(r["coding_docs_per_s"] / (k * base["coding_docs_per_s"]), 3)
        r["efficiency"] = round(r["docs_per_s"] / (k * base["docs_per_s"]), 3)
        # the same, per CPU second the workers actually got: the cost of going parallel, whatever the load
        r["efficiency_per_cpu"] = round(r["docs_per_worker_cpu_s"] / base["docs_per_worker_cpu_s"], 3)
    print(json.dumps({"corpus": Path(args.corpus).name, "articles": len(documents), "cores": os.cpu_count(),
                      "partition_size": args.partition_size, "runs": runs}, indent=2))


if __name__ == "__main__":
    main()
