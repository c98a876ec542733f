"""Large fuzz run: N generated adversarial documents through the coder; counts crashes and malformed events.

usage: python benchmarks/fuzz.py [--docs 100000] [--seed 1]

Each document mixes random unicode, control characters, punctuation runs, nested quotes and news-like word
salad. A document "fails" when coding raises or returns an event whose offsets or codes are inconsistent.
"""
from __future__ import annotations

import argparse
import json
import random
import time

from tacitus import Coder
from tacitus.ontology import load_cameo_table

WORDS = ("Russia vetoed the U.N. resolution Iran attacked Israeli troops said he she it urged China to talks with "
         "not Lavrov rebels Syrian and imposed sanctions on Kremlin Hamas militants killed police arrested "
         "protesters in Gaza Strip NATO condemned Turkey").split()
PIECES = ["\"", "'", "(", ")", ",", ".", "\n", "\n\n", "-", "—", "…", "«", "»", "“", "”", "\t", "\u200b", "\x0b"]


def generate(rng: random.Random) -> str:
    kind = rng.randrange(5)
    n = rng.randrange(1, 120)
    if kind == 0:
        return "".join(chr(rng.randrange(1, 0x2FFFF)) for _ in range(n))
    if kind == 1:
        return "".join(chr(rng.randrange(0, 32)) + rng.choice(PIECES) for _ in range(n))
    if kind == 2:
        depth = rng.randrange(1, 30)
        return "France said " + "'Germany said \"" * depth + "Russia attacked Ukraine" + "\"'" * depth + "."
    return " ".join(rng.choice(WORDS + PIECES) for _ in range(n))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--docs", type=int, default=100_000)
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()
    rng = random.Random(args.seed)
    cameo = load_cameo_table()
    coder = Coder()
    texts = {}

    def docs():
        for i in range(args.docs):
            text = generate(rng)
            texts[f"f{i}"] = text
            yield {"doc_id": f"f{i}", "text": text}

    failures, events, start = [], 0, time.perf_counter()
    for coded in coder.code_many(docs(), batch_size=256):
        text = texts.pop(coded.document.doc_id)
        problem = coded.error
        for e in coded.events:
            events += 1
            if not (e.code in cameo and text[e.sentence_start:e.sentence_end] == e.sentence
                    and text[e.source_start:e.source_end] == e.source_text):
                problem = problem or f"malformed event {e.to_dict()}"
        if problem:
            failures.append({"doc_id": coded.document.doc_id, "problem": problem, "text": text[:200]})
    elapsed = time.perf_counter() - start
    print(json.dumps({"documents": args.docs, "events": events, "failures": len(failures),
                      "seconds": round(elapsed, 1), "docs_per_s": round(args.docs / elapsed, 1),
                      "first_failures": failures[:5]}, indent=2, ensure_ascii=False))


if __name__ == "__main__":
    main()
