"""kill -9 in the middle of an ingest, rerun the same command: the store ends identical to an uninterrupted run."""
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tacitus.store import Store

ROOT = Path(__file__).resolve().parent.parent
TACITUS = [sys.executable, "-m", "tacitus.cli"]


def _corpus(path: Path, copies: int = 25) -> int:
    articles = [json.loads(line) for line in (ROOT / "tests" / "gold" / "own.jsonl").read_text().splitlines()]
    n = 0
    with path.open("w", encoding="utf-8") as fh:
        for c in range(copies):
            for a in articles:
                fh.write(json.dumps({"id": f"{a['doc_id']}-{c}", "text": a["text"], "date": a["date"]}) + "\n")
                n += 1
    return n


def _ingest(corpus: Path, db: Path, **kw) -> subprocess.Popen:
    return subprocess.Popen([*TACITUS, "ingest", str(corpus), "--db", str(db), "--batch-size", "10", "-q"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, cwd=ROOT, **kw)


def _snapshot(db: Path) -> dict:
    with Store(db, read_only=True) as s:
        return {
            "documents": s.query("SELECT doc_id, text_hash, n_sentences, n_events FROM documents ORDER BY 1")[1],
            "sentences": s.query("SELECT count(*) FROM sentences")[1],
            "events": s.query("SELECT event_id, source, target, code, date, cluster_id FROM events ORDER BY 1")[1],
            "clusters": s.query("SELECT * FROM clusters ORDER BY 1")[1],
            "actors": s.query("SELECT * FROM actors ORDER BY 1")[1],
        }


def test_killed_ingest_resumes_to_the_same_store(tmp_path):
    corpus = tmp_path / "corpus.jsonl"
    total = _corpus(corpus)
    reference = tmp_path / "reference.duckdb"
    assert _ingest(corpus, reference).wait(timeout=280) == 0
    expected = _snapshot(reference)
    assert len(expected["documents"]) == total

    crashed = tmp_path / "crashed.duckdb"
    proc = _ingest(corpus, crashed)
    wal = Path(str(crashed) + ".wal")
    deadline = time.time() + 120
    while time.time() < deadline and proc.poll() is None and not (wal.exists() and wal.stat().st_size > 50_000):
        time.sleep(0.05)
    if proc.poll() is not None:
        pytest.skip("the ingest finished before it could be killed")
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    partial = _snapshot(crashed)
    assert 0 < len(partial["documents"]) < total, "the kill did not land in the middle of the run"
    assert _ingest(corpus, crashed).wait(timeout=280) == 0
    assert _snapshot(crashed) == expected
