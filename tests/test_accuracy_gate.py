"""CI accuracy gate on the project's own annotated articles (tests/gold/own.jsonl, written for this project).

The floors are pinned a little below the measured figures; raise them when accuracy improves, never lower them
silently. Measured with: `tacitus eval tests/gold/own.jsonl`.
"""
from pathlib import Path

from tacitus.evaluation import evaluate, load_gold, score_events

OWN_GOLD = Path(__file__).resolve().parent / "gold" / "own.jsonl"

ROOT_F1_FLOOR = 0.80
ROOT_PRECISION_FLOOR = 0.95
STRICT_F1_FLOOR = 0.72


def test_accuracy_floors_on_own_gold(coder):
    root, events = evaluate(coder, OWN_GOLD)
    strict = score_events(load_gold(OWN_GOLD), events, strict=True)
    assert root.f1 >= ROOT_F1_FLOOR, root.summary()
    assert root.precision >= ROOT_PRECISION_FLOOR, root.summary()
    assert strict.f1 >= STRICT_F1_FLOOR, strict.summary()


def test_own_gold_is_well_formed():
    gold = load_gold(OWN_GOLD)
    assert len(gold) >= 10
    for doc in gold:
        for e in doc["events"]:
            assert e["sentence"] in doc["text"]
            assert e["code"].isdigit() and 2 <= len(e["code"]) <= 4
