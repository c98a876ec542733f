"""Coding in worker processes gives the same results, in the same order, as coding in this process."""
import pytest

from tacitus.pipeline.parallel import WorkerError, _batches, default_workers

ARTICLES = [
    "Russia and China vetoed the U.N. resolution on Syria on Saturday.",
    "Israeli air strikes killed 10 militants in the Gaza Strip.",
    "Shares rose in early trading.",
    "Iran accused Saudi Arabia of funding militants in Yemen.",
    "The European Union imposed sanctions on Russia over Crimea.",
] * 4


def test_batches_stream_in_order():
    assert list(_batches(iter(range(7)), 3)) == [[0, 1, 2], [3, 4, 5], [6]]
    assert list(_batches(iter([]), 3)) == []


def test_default_workers_is_at_least_one():
    assert default_workers() >= 1


def test_two_processes_equal_one(coder):
    docs = [{"doc_id": f"d{i}", "text": t, "date": "2016-05-01"} for i, t in enumerate(ARTICLES)]
    here = list(coder.code_many(docs, batch_size=3))
    there = list(coder.code_many(docs, batch_size=3, n_process=2))
    assert [c.document.doc_id for c in there] == [f"d{i}" for i in range(len(ARTICLES))]
    assert [[e.to_dict() for e in c.events] for c in there] == [[e.to_dict() for e in c.events] for c in here]
    assert [c.sentences for c in there] == [c.sentences for c in here]
    assert sum(len(c.events) for c in there) >= 12


def test_auto_codes_a_short_stream_in_this_process(coder, monkeypatch):
    import tacitus.pipeline.parallel as parallel

    def refuse(*args, **kwargs):
        raise AssertionError("no worker processes for three articles")

    monkeypatch.setattr(parallel, "code_in_processes", refuse)
    out = list(coder.code_many(ARTICLES[:3], n_process=0))
    assert len(out) == 3 and out[0].events


def test_worker_error_is_numbered():
    assert str(WorkerError("x")).startswith("[T008]")
