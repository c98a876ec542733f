"""Throughput and peak memory of `Coder.code_many` on a JSON Lines corpus.

usage: python benchmarks/throughput.py [CORPUS.jsonl] [--limit N] [--batch-size B]

Defaults to ../shared/corpus/reuters_2016_2017.jsonl. Prints articles/s, sentences/s, events and peak RSS.
"""
from __future__ import annotations

import argparse
import json
import resource
import time
from pathlib import Path

from tacitus import Coder


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    default = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "reuters_2016_2017.jsonl"
    ap.add_argument("corpus", nargs="?", default=str(default))
    ap.add_argument("--limit", type=int, default=0, help="code only the first N articles")
    ap.add_argument("--batch-size", type=int, default=32)
    args = ap.parse_args()

    def records():
        with open(args.corpus, encoding="utf-8") as fh:
            for n, line in enumerate(fh):
                if args.limit and n >= args.limit:
                    return
                if line.strip():
                    yield json.loads(line)

    t0 = time.perf_counter()
    coder = Coder()
    load_s = time.perf_counter() - t0
    docs = sents = events = 0
    t1 = time.perf_counter()
    for coded in coder.code_many(records(), batch_size=args.batch_size):
        docs += 1
        events += len(coded.events)
    elapsed = time.perf_counter() - t1
    # sentences counted separately so the timing above measures coding alone
    for doc in coder.nlp.pipe((r["text"] for r in records()), disable=["tacitus"], batch_size=args.batch_size):
        sents += sum(1 for _ in doc.sents)
    peak_mib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({
        "model": coder.model_name, "articles": docs, "sentences": sents, "events": events,
        "load_seconds": round(load_s, 2), "coding_seconds": round(elapsed, 2),
        "articles_per_s": round(docs / elapsed, 1), "sentences_per_s": round(sents / elapsed, 1),
        "peak_rss_mib": round(peak_mib, 1),
    }, indent=2))


if __name__ == "__main__":
    main()
