"""Large JSON Lines files are read line by line: the same documents and problems, without the whole file in memory."""
import gzip
import json
import tracemalloc

import pytest

from tacitus.io import InputProblem, ReadOptions, read_inputs
from tacitus.io import readers


def summary(items):
    return [(i.where, i.reason, i.fatal) if isinstance(i, InputProblem) else
            (i.doc_id, i.text, i.title, i.date, i.origin, i.meta) for i in items]


@pytest.fixture()
def corpus(tmp_path):
    lines = [json.dumps({"doc_id": f"d{n}", "title": f"T{n}", "date": "2016-03-01",
                         "text": f"Germany condemned Russia over Ukraine on day {n}."}) for n in range(50)]
    lines[3] = '{"doc_id": "broken", "text": '
    lines[7] = json.dumps({"doc_id": "notext"})
    lines.insert(10, "")
    body = ("\n".join(lines) + "\n").encode("utf-8")
    plain = tmp_path / "corpus.jsonl"
    plain.write_bytes(body)
    zipped = tmp_path / "corpus.jsonl.gz"
    zipped.write_bytes(gzip.compress(body))
    return plain, zipped


def test_streamed_reading_gives_the_same_documents_and_problems(corpus, monkeypatch):
    opts = ReadOptions(check_language=False)
    for path in corpus:
        whole = summary(read_inputs([str(path)], options=opts))
        monkeypatch.setattr(readers, "STREAM_JSONL_BYTES", 0)
        streamed = summary(read_inputs([str(path)], options=opts))
        monkeypatch.setattr(readers, "STREAM_JSONL_BYTES", 64 * 2**20)
        assert streamed == whole
        assert sum(1 for s in streamed if len(s) == 3) == 2 and len(streamed) == 50
        assert any(where == f"{path}:4" and reason.startswith("malformed JSON") and fatal
                   for where, reason, fatal in (s for s in streamed if len(s) == 3))


def test_bad_utf8_line_is_decoded_with_a_warning_and_keeps_line_numbers(tmp_path, monkeypatch):
    path = tmp_path / "mixed.jsonl"
    path.write_bytes(b'{"doc_id": "a", "text": "Fran\xe7ois said France condemned Syria."}\n'
                     b'{"doc_id": "b", "text": \n')
    monkeypatch.setattr(readers, "STREAM_JSONL_BYTES", 0)
    items = list(read_inputs([str(path)], options=ReadOptions(check_language=False)))
    warning, doc, broken = items
    assert warning.where == f"{path}:1" and not warning.fatal and "not valid UTF-8" in warning.reason
    assert doc.doc_id == "a" and "\ufffd" in doc.text
    assert broken.where == f"{path}:2" and broken.fatal


def test_a_large_file_is_not_held_in_memory(tmp_path, monkeypatch):
    path = tmp_path / "big.jsonl"
    record = {"text": "Germany condemned Russia over Ukraine. " * 50}
    with path.open("w", encoding="utf-8") as fh:
        for n in range(4000):
            fh.write(json.dumps({"doc_id": f"d{n}", **record}) + "\n")
    size = path.stat().st_size
    assert size > 7_000_000
    monkeypatch.setattr(readers, "STREAM_JSONL_BYTES", 1_000_000)
    tracemalloc.start()
    try:
        items = read_inputs([str(path)], options=ReadOptions(check_language=False))
        first = [next(items) for _ in range(100)]
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert first[-1].doc_id == "d99"
    assert peak < size / 10, (peak, size)
