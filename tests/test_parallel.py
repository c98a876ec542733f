"""Coding in worker processes gives the same results, in the same order, as coding in this process."""
import pytest

from tacitus.pipeline.parallel import WorkerError, batched, default_workers

ARTICLES = [
    "Russia and China vetoed the U.N. resolution on Syria on Saturday.",
    "Israeli air strikes killed 10 militants in the Gaza Strip.",
    "Shares rose in early trading.",
    "Iran accused Saudi Arabia of funding militants in Yemen.",
    "The European Union imposed sanctions on Russia over Crimea.",
] * 4


def test_batches_stream_in_order():
    assert list(batched(iter(range(7)), 3)) == [[0, 1, 2], [3, 4, 5], [6]]
    assert list(batched(iter([]), 3)) == []


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


def _children(pid: int) -> list[int]:
    import os

    found = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat") as fh:
                    if int(fh.read().rsplit(")", 1)[1].split()[1]) == pid:
                        found.append(int(entry))
            except (OSError, ValueError, IndexError):
                continue
    return found


@pytest.mark.skipif(not __import__("sys").platform.startswith("linux"), reason="reads /proc")
def test_workers_die_with_a_killed_parent(tmp_path):
    import json
    import os
    import signal
    import subprocess
    import sys
    import time

    corpus = tmp_path / "c.jsonl"
    corpus.write_text("".join(json.dumps({"doc_id": f"d{i}", "text": ARTICLES[i % 5] * 3}) + "\n"
                              for i in range(400)), encoding="utf-8")
    code = ("import sys; from tacitus import Coder\n"
            "for c in Coder(lazy=True).code_many((l for l in open(sys.argv[1])), n_process=2):\n"
            "    pass\n")
    parent = subprocess.Popen([sys.executable, "-c", code, str(corpus)])
    try:
        deadline = time.time() + 120
        workers = []
        while time.time() < deadline and len(workers) < 2:
            time.sleep(0.5)
            workers = [p for p in _children(parent.pid) if b"multiprocessing" in open(f"/proc/{p}/cmdline", "rb").read()
                       and b"spawn_main" in open(f"/proc/{p}/cmdline", "rb").read()]
        assert len(workers) >= 2, "the workers did not start"
        os.kill(parent.pid, signal.SIGKILL)
        parent.wait()
        deadline = time.time() + 15
        while time.time() < deadline and any(os.path.exists(f"/proc/{p}") for p in workers):
            time.sleep(0.5)
        alive = [p for p in workers if os.path.exists(f"/proc/{p}") and
                 open(f"/proc/{p}/stat").read().rsplit(")", 1)[1].split()[0] != "Z"]
        assert not alive, f"orphaned workers {alive}"
    finally:
        if parent.poll() is None:
            parent.kill()
