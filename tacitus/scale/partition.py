"""Group a stream of documents into partitions with stable ids.

A partition's id is a hash of its documents' ids and text hashes, so the same input gives the same ids on every
run: that is what lets a rerun recognise the partitions that are already done.
"""
from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from ..document import Document
from ..pipeline.parallel import batched
from ..store.rows import text_hash


@dataclass
class Partition:
    pid: str
    documents: list[Document]
    hashes: list[str]  # the SHA-256 of each document's text, in order

    def __len__(self) -> int:
        return len(self.documents)


def partition_id(doc_ids: Iterable[str], hashes: Iterable[str]) -> str:
    """A short, stable id for a group of documents (order matters)."""
    h = hashlib.sha256()
    for doc_id, digest in zip(doc_ids, hashes):
        h.update(doc_id.encode("utf-8", errors="replace") + b"\0" + digest.encode("ascii") + b"\n")
    return h.hexdigest()[:20]


def partitions(documents: Iterable[Document], size: int) -> Iterator[Partition]:
    """Consecutive groups of ``size`` documents (the last may be smaller), read lazily from ``documents``."""
    if size < 1:
        raise ValueError("partition size must be at least 1")
    for batch in batched(documents, size):
        yield _make(batch)


def _make(batch: list[Document]) -> Partition:
    hashes = [text_hash(d.text) for d in batch]
    return Partition(partition_id([d.doc_id for d in batch], hashes), batch, hashes)
