"""Connect to a Dask scheduler, or start a local cluster of worker processes, and close it afterwards."""
from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager

from .errors import ScaleError


@contextmanager
def dask_client(scheduler: str | None = None, n_workers: int | None = None,
                connect_timeout: float = 10.0) -> Iterator:
    """A ``distributed.Client``: connected to ``scheduler`` (``tcp://HOST:8786``), or to a new
    ``LocalCluster`` of ``n_workers`` single-threaded processes (spaCy is not thread-parallel, processes are).
    Its own logging is kept to critical messages: a failed task reaches the client as an exception anyway, and
    shutdown races (a heartbeat to a scheduler that just closed) are not the user's concern."""
    from distributed import Client, LocalCluster

    if scheduler:
        try:
            client = Client(scheduler, timeout=connect_timeout)
        except (OSError, TimeoutError, ValueError) as exc:
            raise ScaleError(f"cannot connect to scheduler {scheduler} ({exc}); start one with `dask-scheduler` "
                             "and give its address as tcp://HOST:8786") from exc
        try:
            yield client
        finally:
            client.close()
        return
    try:
        cluster = LocalCluster(n_workers=n_workers, threads_per_worker=1, processes=True,
                               dashboard_address=None, silence_logs=logging.CRITICAL)
    except (OSError, RuntimeError) as exc:
        raise ScaleError(f"cannot start a local Dask cluster of {n_workers} workers ({exc})") from exc
    try:
        with Client(cluster) as client:
            yield client
    finally:
        cluster.close()
