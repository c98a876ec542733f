"""Precision, recall and F1 of coded events, following the gold guidelines.

A system event matches a gold event when it lies in the same sentence (one
sentence text contains the other, or the character spans overlap by at least
half of the shorter), the actor *principals* are equal (country for country
codes, the organisation for IGO codes, the whole code for NGO/IMG codes) and
the CAMEO roots agree with the gold code or one of its ``also`` codes. Strict
matching needs the full codes. Matching is one-to-one and greedy, required gold
events first; a system event matched only to an optional gold event counts
neither way.
"""
from __future__ import annotations

import json
import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import InputError


def principal(code: str) -> str:
    code = (code or "").upper().strip()
    if code.startswith("IGO"):
        return code[-3:] if len(code) >= 6 else "IGO"
    if code.startswith(("NGO", "IMG")):
        return code
    return code[:3]


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text or "").strip().lower()


@dataclass
class EvalResult:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    per_root_gold: Counter = field(default_factory=Counter)    # required gold events per root
    per_root_found: Counter = field(default_factory=Counter)   # ... of which matched
    per_root_system: Counter = field(default_factory=Counter)  # scored system events per root
    per_root_correct: Counter = field(default_factory=Counter)  # ... of which matched
    errors: list[tuple[str, str, dict]] = field(default_factory=list)  # (kind, doc_id, event)
    found_events: int = 0  # required gold events with a same-sentence, same-root system event
    found_with_right_actors: int = 0  # ... of which one also has both principals right

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def actor_accuracy(self) -> float:
        """Of the gold events the coder found (same sentence, same root), the share with both principals right."""
        return self.found_with_right_actors / self.found_events if self.found_events else 0.0

    def summary(self) -> dict:
        return {"tp": self.tp, "fp": self.fp, "fn": self.fn, "precision": round(self.precision, 4),
                "recall": round(self.recall, 4), "f1": round(self.f1, 4),
                "actor_accuracy": round(self.actor_accuracy, 4), "found_events": self.found_events}


def load_gold(path: str | Path) -> list[dict]:
    records = []
    with open(path, encoding="utf-8") as fh:
        for lineno, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                rec = json.loads(line)
            except json.JSONDecodeError as exc:
                raise InputError(f"{path}:{lineno}: malformed JSON ({exc.msg})") from exc
            if not isinstance(rec, dict) or "text" not in rec or "events" not in rec:
                raise InputError(f"{path}:{lineno}: a gold record needs 'text' and 'events'")
            records.append(rec)
    return records


def _same_sentence(gold: dict, span: tuple[int, int] | None, event: dict) -> bool:
    g, s = _norm(gold["sentence"]), _norm(event.get("sentence", ""))
    if g and s and (g in s or s in g):
        return True
    es, ee = event.get("sentence_start"), event.get("sentence_end")
    if span is None or not isinstance(es, int) or not isinstance(ee, int):
        return False
    gs, ge = span
    overlap = min(ge, ee) - max(gs, es)
    return overlap > 0 and overlap >= 0.5 * min(ge - gs, ee - es)


def _matches(gold: dict, span, event: dict, strict: bool) -> bool:
    if not _same_sentence(gold, span, event):
        return False
    codes = [str(gold["code"])] + [str(c) for c in gold.get("also", [])]
    if strict:
        return event.get("source") == gold["source"] and event.get("target") == gold["target"] and \
            str(event.get("code")) in codes
    return (principal(event.get("source")) == principal(gold["source"])
            and principal(event.get("target")) == principal(gold["target"])
            and str(event.get("code", ""))[:2] in {c[:2] for c in codes})


def score_events(gold_docs: list[dict], system_events: Iterable[dict], strict: bool = False) -> EvalResult:
    by_doc: dict[str, list[dict]] = defaultdict(list)
    for e in system_events:
        by_doc[e.get("doc_id")].append(e)
    result = EvalResult()
    for doc in gold_docs:
        events = by_doc.get(doc["doc_id"], [])
        gold = doc["events"]
        spans = []
        for g in gold:
            at = doc.get("text", "").find(g["sentence"])
            spans.append((at, at + len(g["sentence"])) if at >= 0 else None)
        used: dict[int, int] = {}
        order = sorted(range(len(gold)), key=lambda i: bool(gold[i].get("optional")))
        for gi in order:
            g = gold[gi]
            if not g.get("optional"):
                result.per_root_gold[str(g["code"])[:2]] += 1
                roots = {c[:2] for c in [str(g["code"])] + [str(c) for c in g.get("also", [])]}
                same = [e for e in events if _same_sentence(g, spans[gi], e) and str(e.get("code", ""))[:2] in roots]
                if same:
                    result.found_events += 1
                    if any(principal(e.get("source")) == principal(g["source"]) and
                           principal(e.get("target")) == principal(g["target"]) for e in same):
                        result.found_with_right_actors += 1
            hit = next((si for si, e in enumerate(events) if si not in used and _matches(g, spans[gi], e, strict)),
                       None)
            if hit is not None:
                used[hit] = gi
                if not g.get("optional"):
                    result.per_root_found[str(g["code"])[:2]] += 1
            elif not g.get("optional"):
                result.fn += 1
                result.errors.append(("miss", doc["doc_id"], g))
        for si, e in enumerate(events):
            root = str(e.get("code", ""))[:2]
            if si in used:
                if not gold[used[si]].get("optional"):
                    result.tp += 1
                    result.per_root_system[root] += 1
                    result.per_root_correct[root] += 1
            else:
                result.fp += 1
                result.per_root_system[root] += 1
                result.errors.append(("extra", doc["doc_id"], e))
    return result


def evaluate(coder, gold_path: str | Path, strict: bool = False) -> tuple[EvalResult, list[dict]]:
    """Code the gold articles with ``coder`` and score them; returns the result and the system events."""
    gold = load_gold(gold_path)
    records = [{"doc_id": g["doc_id"], "text": g["text"], "date": g.get("date"), "title": g.get("title")}
               for g in gold]
    events = [e.to_dict() for coded in coder.code_many(records) for e in coded.events]
    return score_events(gold, events, strict=strict), events
