"""End-to-end throughput and memory, side by side with bare spaCy, on the same texts and processes.

usage: python benchmarks/throughput.py [CORPUS.jsonl] [--limit N] [--workers W] [--gold DEV.jsonl]

Runs each configuration in a fresh Python process (so peak memory is its own):

- ``spacy-full``: bare ``nlp.pipe`` of the full English pipeline (tok2vec, tagger, parser, attribute
  ruler, lemmatizer, NER) with ``n_process=W``: the baseline;
- ``tacitus-no-prefilter``: Tacitus coding every sentence;
- ``tacitus``: Tacitus with the pre-pass (the default).

Sentences/s use the baseline's sentence count for every row (same texts). Peak RSS is per process
(the largest worker when W > 1). With ``--gold`` it also scores that gold file with and without the
pre-pass. Defaults: ../shared/corpus/reuters_2016_2017.jsonl, all articles, W = all cores.
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve()
DEFAULT_CORPUS = HERE.parents[2] / "shared" / "corpus" / "reuters_2016_2017.jsonl"


def _texts(corpus: str, limit: int):
    with open(corpus, encoding="utf-8") as fh:
        n = 0
        for line in fh:
            if not line.strip():
                continue
            if limit and n >= limit:
                return
            n += 1
            yield json.loads(line)


def _peak_mib() -> tuple[float, float]:
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return round(own, 1), round(children, 1)


def run_one(mode: str, corpus: str, limit: int, workers: int, batch_size: int) -> dict:
    """One configuration, in this process; returns its numbers."""
    t0 = time.perf_counter()
    if mode == "spacy-full":
        from tacitus.nlp.model import load_english_model

        nlp = load_english_model(exclude=())
        load = time.perf_counter() - t0
        t1 = time.perf_counter()
        docs = sentences = 0
        for doc in nlp.pipe((r["text"] for r in _texts(corpus, limit)), batch_size=batch_size, n_process=workers):
            docs += 1
            sentences += sum(1 for _ in doc.sents)
        seconds = time.perf_counter() - t1
        extra = {"pipeline": nlp.pipe_names, "sentences": sentences}
    else:
        from tacitus import Coder

        coder = Coder(prefilter=(mode == "tacitus"), lazy=workers > 1)
        load = time.perf_counter() - t0
        t1 = time.perf_counter()
        docs = events = 0
        for coded in coder.code_many(_texts(corpus, limit), batch_size=batch_size, n_process=workers):
            docs += 1
            events += len(coded.events)
        seconds = time.perf_counter() - t1
        extra = {"events": events}
    own, children = _peak_mib()
    return {"mode": mode, "workers": workers, "articles": docs, "seconds": round(seconds, 2),
            "load_seconds": round(load, 2), "peak_rss_mib_per_process": max(own, children) if workers > 1 else own,
            "parent_rss_mib": own, **extra}


def score(gold: str) -> dict:
    from tacitus import Coder
    from tacitus.evaluation.score import evaluate

    out = {}
    for prefilter in (True, False):
        result, _ = evaluate(Coder(prefilter=prefilter), gold)
        out["prefilter" if prefilter else "no-prefilter"] = result.summary()
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("corpus", nargs="?", default=str(DEFAULT_CORPUS))
    ap.add_argument("--limit", type=int, default=0, help="only the first N articles")
    ap.add_argument("--workers", type=int, default=0, help="processes (default: all cores)")
    ap.add_argument("--batch-size", type=int, default=8, help="nlp.pipe batch size, for every row")
    ap.add_argument("--gold", default="", help="also score this gold file with and without the pre-pass")
    ap.add_argument("--modes", default="spacy-full,tacitus-no-prefilter,tacitus")
    ap.add_argument("--one", default="", help=argparse.SUPPRESS)  # internal: run one mode in this process
    args = ap.parse_args()
    workers = args.workers or len(os.sched_getaffinity(0))
    if args.one:
        print(json.dumps(run_one(args.one, args.corpus, args.limit, workers, args.batch_size)))
        return
    rows = []
    for mode in args.modes.split(","):
        cmd = [sys.executable, str(HERE), args.corpus, "--limit", str(args.limit), "--workers", str(workers),
               "--batch-size", str(args.batch_size), "--one", mode]
        done = subprocess.run(cmd, capture_output=True, text=True, check=True)
        rows.append(json.loads(done.stdout.strip().splitlines()[-1]))
        print(json.dumps(rows[-1]), file=sys.stderr)
    sentences = next((r["sentences"] for r in rows if r["mode"] == "spacy-full"), None)
    report = {"corpus": args.corpus, "workers": workers, "cpu_count": os.cpu_count(), "rows": rows}
    if sentences:
        base = next(r for r in rows if r["mode"] == "spacy-full")
        for r in rows:
            r["sentences_per_s"] = round(sentences / r["seconds"], 1)
            r["articles_per_s"] = round(r["articles"] / r["seconds"], 2)
            r["speedup_vs_spacy_full"] = round(base["seconds"] / r["seconds"], 2)
    if args.gold:
        report["gold"] = {"file": args.gold, **score(args.gold)}
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
