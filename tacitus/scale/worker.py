"""What runs on a Dask worker: one Coder per process, and the task that codes one partition.

Loading spaCy and the dictionaries takes seconds, so the Coder is cached per worker process, keyed by its
options; tasks with the same options reuse it.
"""
from __future__ import annotations

import json
import os
import socket
import time
from pathlib import Path

from .parquet_out import write_marker, write_partition

_CODERS: dict[str, object] = {}


def coder_for(options: dict):
    """The process's Coder for these options (created on first use). Options pass through to ``Coder(**options)``."""
    key = json.dumps(options, sort_keys=True, default=str)
    if key not in _CODERS:
        from ..coder import Coder
        from ..nlp.gemm import one_blas_thread

        one_blas_thread()  # a Dask worker process codes on one core
        _CODERS[key] = Coder(**options)
    return _CODERS[key]


def warm_up(options: dict) -> str:
    """Load the Coder and code one sentence, so that timings that follow leave model loading out."""
    coder_for(options).code("Germany condemned Russia.", date="2016-01-01")
    return f"{socket.gethostname()}:{os.getpid()}"


def code_partition(pid: str, documents: list, run_dir: str, coder_options: dict, batch_size: int = 8) -> dict:
    """Code one partition, write its Parquet files, then its completion marker (last). Returns the marker."""
    started = time.perf_counter()
    coder = coder_for(coder_options)
    coded = list(coder.code_many(documents, batch_size=batch_size))
    written = write_partition(Path(run_dir), pid, coded)
    record = {
        "pid": pid,
        "documents": len(documents),
        "coded": sum(1 for c in coded if not c.error),
        "events": written["events"],
        "sentences": written["sentences"],
        "files": written["files"],
        "errors": [[c.document.origin or c.document.doc_id, c.error] for c in coded if c.error],
        "seconds": round(time.perf_counter() - started, 3),
        "worker": f"{socket.gethostname()}:{os.getpid()}",
    }
    write_marker(Path(run_dir), pid, record)
    return record
