"""Ingest with a Dask cluster: stream inputs into partitions, code them on the workers, import the Parquet.

The client reads the inputs (so rejects are handled exactly as in the local ingest), cuts them into partitions
and keeps at most ``max_in_flight`` partitions submitted at a time: a large corpus never sits in the client's
memory. A partition whose completion marker exists is not coded again; a partition whose documents are all
already stored unchanged is not sent at all. After the last partition, the client imports the Parquet files
into the store and runs the same post-steps as the local ingest.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from ..document import Document
from ..io import InputProblem, ReadOptions, read_inputs
from ..store.store import IngestStats, Store
from .errors import ScaleError
from .parquet_import import import_run
from .parquet_out import read_marker
from .partition import Partition, partitions
from .worker import code_partition, warm_up


@dataclass
class RunProgress:
    """How far a run is: partitions and documents, for a progress line."""

    partitions_done: int = 0  # coded in this run, or found complete from an earlier one
    partitions_skipped: int = 0  # of which found complete (marker present)
    partitions_coded: list[str] = field(default_factory=list)  # ids coded in this run
    documents: int = 0  # documents read from the inputs
    documents_done: int = 0  # in completed partitions (or unchanged in the store)
    events: int = 0  # events in completed partitions
    coding_seconds: float = 0.0  # from the first partition read to the last one finished
    import_seconds: float = 0.0  # the Parquet import into the store, and the actors table


def default_run_dir(db: str | Path) -> Path:
    return Path(f"{db}.parts")


def warm_workers(client, coder_options: dict) -> list[str]:
    """Load the Coder on every worker now (the first task would otherwise pay for it)."""
    return sorted(client.run(warm_up, coder_options).values())


def ingest_dask(store: Store, client, paths: Iterable[str], run_dir: Path, coder_options: dict | None = None,
                date=None, options: ReadOptions | None = None, partition_size: int = 500,
                max_in_flight: int | None = None,
                on_problem: Callable[[InputProblem], None] | None = None,
                on_progress: Callable[[RunProgress], None] | None = None,
                ) -> tuple[IngestStats, list[InputProblem], RunProgress]:
    """Read ``paths`` like the local ingest and code them on the cluster behind ``client``."""
    return ingest_items(store, client, read_inputs(paths, date=date, options=options), run_dir, coder_options,
                        partition_size, max_in_flight, on_problem, on_progress)


def ingest_items(store: Store, client, items: Iterable[Document | InputProblem], run_dir: Path,
                 coder_options: dict | None = None, partition_size: int = 500, max_in_flight: int | None = None,
                 on_problem: Callable[[InputProblem], None] | None = None,
                 on_progress: Callable[[RunProgress], None] | None = None,
                 ) -> tuple[IngestStats, list[InputProblem], RunProgress]:
    """Code already-read items (documents and input problems) on the cluster, then import into ``store``."""
    import time

    from distributed import as_completed

    started = time.perf_counter()
    run_dir = Path(run_dir).resolve()
    run_dir.mkdir(parents=True, exist_ok=True)
    coder_options = dict(coder_options or {})
    if max_in_flight is None:
        max_in_flight = max(2, 2 * len(client.scheduler_info().get("workers", {})))
    problems: list[InputProblem] = []
    progress = RunProgress()
    markers: dict[str, dict] = {}

    def report(problem: InputProblem) -> None:
        problems.append(problem)
        if problem.fatal:
            store.add_reject(problem.where, problem.reason)
        if on_problem:
            on_problem(problem)

    def documents() -> Iterable[Document]:
        for item in items:
            if isinstance(item, InputProblem):
                report(item)
            else:
                progress.documents += 1
                yield item

    def finished(record: dict, skipped: bool) -> None:
        markers[record["pid"]] = record
        progress.partitions_done += 1
        progress.partitions_skipped += skipped
        progress.documents_done += record["documents"]
        progress.events += record["events"]
        for where, error in record.get("errors", []):
            report(InputProblem(where, f"could not be coded ({error})"))
        if on_progress:
            on_progress(progress)

    pending = as_completed()
    in_flight = 0

    def collect_one() -> None:
        nonlocal in_flight
        future = next(pending)
        try:
            record = future.result()
        except Exception as exc:  # noqa: BLE001 - any task failure stops the run with its cause
            raise ScaleError(f"a partition failed on the cluster ({type(exc).__name__}: {exc}); rerun the same "
                             "command to resume: completed partitions are kept") from exc
        in_flight -= 1
        if read_marker(run_dir, record["pid"]) is None:
            raise ScaleError(f"worker {record.get('worker')} wrote partition {record['pid']} under {run_dir}, but "
                             "this machine does not see it there: --parquet-dir must be a directory that the "
                             "client and every worker see at the same path (a shared file system)")
        progress.partitions_coded.append(record["pid"])
        finished(record, skipped=False)

    seen: set[str] = set()
    for part in partitions(documents(), partition_size):
        if part.pid in seen:  # the same documents twice in one run: coded once
            progress.documents_done += len(part)
            continue
        seen.add(part.pid)
        record = read_marker(run_dir, part.pid)
        if record is not None:
            progress.documents_done += len(part) - record["documents"]
            finished(record, skipped=True)
            continue
        todo = _not_stored(store, part)
        progress.documents_done += len(part) - len(todo)  # already stored unchanged: nothing to do
        if not todo:
            progress.partitions_done += 1
            if on_progress:
                on_progress(progress)
            continue
        while in_flight >= max_in_flight:
            collect_one()
        pending.add(client.submit(code_partition, part.pid, todo, str(run_dir), coder_options,
                                  key=f"tacitus-partition-{part.pid}", pure=False))
        in_flight += 1
    while in_flight:
        collect_one()
    progress.coding_seconds = time.perf_counter() - started

    started = time.perf_counter()
    stats = import_run(store, run_dir, markers.values())
    stats.read = progress.documents
    stats.failed = sum(len(r.get("errors", [])) for r in markers.values())
    stats.unchanged = stats.read - stats.coded - stats.failed
    store.refresh_actors()
    progress.import_seconds = time.perf_counter() - started
    return stats, problems, progress


def _not_stored(store: Store, part: Partition) -> list[Document]:
    """The partition's documents that the store does not already hold with the same text."""
    known = store.known_hashes([d.doc_id for d in part.documents])
    return [d for d, h in zip(part.documents, part.hashes) if known.get(d.doc_id) != h]
