"""Coding on every core: worker processes, each with its own Coder, fed in order with bounded look-ahead.

spaCy's own ``n_process`` ships Docs back and forth with their user data; Tacitus
ships only the inputs (Documents) and the results (CodedDocuments), which are
small. Each worker loads the models once (``Coder(**coder.options)``), the
parent keeps at most ``2 × workers`` batches in flight (so a corpus is streamed,
never held), and results come back in input order.
"""
from __future__ import annotations

import ctypes
import multiprocessing
import os
import signal
import sys
import threading
import time
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool

from ..errors import TacitusError

_WORKER_CODER = None
#: Each task ships this many ``nlp.pipe`` batches to a worker (fewer round trips, same memory per batch).
TASK_BATCHES = 4
_PR_SET_PDEATHSIG = 1
_LIBC: list = []
if sys.platform.startswith("linux"):
    try:
        _LIBC.append(ctypes.CDLL("libc.so.6"))
    except OSError:
        pass


class WorkerError(TacitusError):
    """A worker process of a multi-process run died."""

    code = "T008"


def default_workers() -> int:
    """All the cores this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def _init_worker(options: dict, parent_pid: int) -> None:
    global _WORKER_CODER
    _die_with_parent(parent_pid)
    from ..coder import Coder
    from ..nlp.gemm import one_blas_thread

    one_blas_thread()  # one worker per core

    _WORKER_CODER = Coder(**options)


def _die_with_parent(parent_pid: int) -> None:
    """A worker must not outlive a parent that was killed (kill -9 leaves no time to stop the pool): on Linux
    the kernel sends it SIGKILL when the parent dies; everywhere, a watchdog thread notices a new parent."""
    if _LIBC:
        _LIBC[0].prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
    if os.getppid() != parent_pid:  # the parent died before we got here
        os._exit(1)

    def watch() -> None:
        while True:
            time.sleep(2)
            if os.getppid() != parent_pid:
                os._exit(1)

    threading.Thread(target=watch, name="tacitus-parent-watch", daemon=True).start()


def _code_batch(documents: list, batch_size: int) -> list:
    coded = list(_WORKER_CODER.code_many(documents, batch_size=batch_size))
    _return_free_memory()
    return coded


def _return_free_memory() -> None:
    """Hand freed heap pages back to the system between tasks: spaCy's batch buffers vary in size with the
    articles, and glibc keeps what they freed, so a long run's RSS creeps up without it."""
    if _LIBC:
        _LIBC[0].malloc_trim(0)


def batched(items: Iterable, size: int) -> Iterator[list]:
    """Lists of ``size`` items (the last may be shorter), read lazily from ``items``."""
    batch = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def code_in_processes(options: dict, documents: Iterable, workers: int = 0, batch_size: int = 8) -> Iterator:
    """Yield one CodedDocument per input, in order, coded by ``workers`` processes (0 = all cores) that each
    build ``Coder(**options)``."""
    from ..coder import Coder

    workers = workers or default_workers()
    docs = (Coder.as_document(d, n) for n, d in enumerate(documents, 1))
    context = multiprocessing.get_context("spawn")  # no fork of a process that may hold threads and locks
    pool = ProcessPoolExecutor(max_workers=workers, mp_context=context, initializer=_init_worker,
                               initargs=(options, os.getpid()))
    pending: deque[Future] = deque()
    try:
        for batch in batched(docs, TASK_BATCHES * max(1, batch_size)):
            pending.append(pool.submit(_code_batch, batch, batch_size))
            while len(pending) >= 2 * workers:
                yield from _result(pending.popleft())
        while pending:
            yield from _result(pending.popleft())
    finally:
        for future in pending:
            future.cancel()
        pool.shutdown(wait=True, cancel_futures=True)


def _result(future: Future) -> list:
    try:
        return future.result()
    except BrokenProcessPool as exc:
        raise WorkerError("a coding worker process died (out of memory or killed); "
                          "rerun with fewer --workers or a smaller --batch-size") from exc
