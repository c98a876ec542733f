"""Code inputs into a store, in batches, each batch one transaction."""
from __future__ import annotations

from collections.abc import Callable, Iterable

from ..coder import BATCH_SIZE
from ..document import Document
from ..io import InputProblem, ReadOptions, read_inputs
from .store import IngestStats, Store


def ingest(store: Store, coder, paths: Iterable[str], date=None, batch_size: int = 64,
           options: ReadOptions | None = None,
           on_problem: Callable[[InputProblem], None] | None = None,
           on_progress: Callable[[IngestStats], None] | None = None,
           workers: int = 1) -> tuple[IngestStats, list[InputProblem]]:
    """Read ``paths``, code what is new or changed, and write it to ``store``.

    Documents whose text is already stored unchanged are not coded again. Unreadable records are kept in the
    store's ``rejects`` table and returned as problems. ``workers`` is passed to ``Coder.code_many``
    (0 = every core); the store is written by this process only.
    """
    problems: list[InputProblem] = []
    total = IngestStats()

    def documents() -> Iterable[Document]:
        for item in read_inputs(paths, date=date, options=options):
            if isinstance(item, InputProblem):
                problems.append(item)
                if item.fatal:
                    store.add_reject(item.where, item.reason)
                if on_problem:
                    on_problem(item)
            else:
                yield item

    def new_or_changed(docs: Iterable[Document]) -> Iterable[Document]:
        from .store import text_hash

        buffer: list[Document] = []

        def flush():
            known = store.known_hashes([d.doc_id for d in buffer])
            for d in buffer:
                if known.get(d.doc_id) == text_hash(d.text):
                    total.read += 1
                    total.unchanged += 1
                else:
                    yield d
            buffer.clear()

        for d in docs:
            buffer.append(d)
            if len(buffer) >= batch_size:
                yield from flush()
        yield from flush()

    batch = []
    for coded in coder.code_many(new_or_changed(documents()), batch_size=min(batch_size, BATCH_SIZE), n_process=workers):
        batch.append(coded)
        if coded.error:
            problem = InputProblem(coded.document.origin or coded.document.doc_id,
                                   f"could not be coded ({coded.error})")
            problems.append(problem)
            store.add_reject(problem.where, problem.reason)
            if on_problem:
                on_problem(problem)
        if len(batch) >= batch_size:
            total.add(store.write_batch(batch))
            batch = []
            if on_progress:
                on_progress(total)
    if batch:
        total.add(store.write_batch(batch))
    store.refresh_actors()
    if on_progress:
        on_progress(total)
    return total, problems
