"""Pick the faster matrix multiply for this machine: thinc's bundled BLIS or numpy's BLAS.

Why: spaCy's tok2vec and parser spend their time in one operation, a float32
matrix product. thinc runs it through the BLIS library it ships. Depending on
the CPU, that build can be several times slower than the BLAS numpy links to
(OpenBLAS or MKL). On the development machine, an AMD EPYC, BLIS took 186 ms
and numpy 54 ms for the same product, and a whole parse took 27% less CPU with
identical output. Tacitus times both once per process, on a product of the
shape the models use, and keeps the faster one for the pipeline's own models.
It does not change thinc's global default.
"""
from __future__ import annotations

import contextlib
import logging
import time

import numpy
from spacy.language import Language
from thinc.api import NumpyOps

log = logging.getLogger("tacitus")

_CHOICE: list[str] = []


def _best_of(fn, runs: int = 3) -> float:
    best = float("inf")
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - start)
    return best


def faster_gemm() -> str:
    """``"numpy"`` or ``"blis"``, measured once per process (about 30 ms)."""
    if not _CHOICE:
        rng = numpy.random.default_rng(0)
        x = rng.random((1024, 288), dtype="float32")
        y = rng.random((288, 864), dtype="float32")
        blis_ops, numpy_ops = NumpyOps(), NumpyOps(use_blis=False)
        blis_ops.gemm(x, y), numpy_ops.gemm(x, y)  # warm up
        blis_s = _best_of(lambda: blis_ops.gemm(x, y))
        numpy_s = _best_of(lambda: numpy_ops.gemm(x, y))
        _CHOICE.append("numpy" if numpy_s < 0.8 * blis_s else "blis")
        log.info("matrix product: blis %.1f ms, numpy %.1f ms -> %s", blis_s * 1e3, numpy_s * 1e3, _CHOICE[0])
    return _CHOICE[0]


def use_faster_gemm(nlp: Language, choice: str | None = None) -> str:
    """Give the pipeline's models the faster matrix product (or ``choice``); returns the one in use."""
    choice = choice or faster_gemm()
    if choice != "numpy":
        return "blis"
    ops = NumpyOps(use_blis=False)
    for _, component in nlp.pipeline:
        model = getattr(component, "model", None)
        if model is None or not hasattr(model, "walk"):
            continue
        for node in model.walk():
            if type(node.ops) is NumpyOps:
                node.ops = ops
    return "numpy"


def _controller():
    """threadpoolctl's view of the loaded BLAS libraries (found once: 2 ms), or None without threadpoolctl."""
    if not _CONTROLLER:
        try:
            from threadpoolctl import ThreadpoolController
        except ImportError:
            _CONTROLLER.append(None)
        else:
            _CONTROLLER.append(ThreadpoolController())
    return _CONTROLLER[0]


def blas_single_thread():
    """A context in which numpy's BLAS uses one thread. The batches are small: more threads spin and burn CPU
    without finishing sooner, and the cores belong to ``--workers``. Outside the context nothing changes."""
    controller = _controller()
    return contextlib.nullcontext() if controller is None else controller.limit(limits=1, user_api="blas")


def one_blas_thread() -> None:
    """In a worker process (one per core), BLAS must not start threads of its own and oversubscribe the cores."""
    controller = _controller()
    if controller is not None and not _LIMITS:  # without threadpoolctl the BLAS keeps its default
        _LIMITS.append(controller.limit(limits=1, user_api="blas"))


_CONTROLLER: list = []
_LIMITS: list = []
