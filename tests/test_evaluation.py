from tacitus.evaluation import score_events
from tacitus.evaluation.score import principal

GOLD = [{
    "doc_id": "d1", "text": "Russia vetoed the resolution. France criticised Iran. Nothing else.",
    "events": [
        {"sentence": "Russia vetoed the resolution.", "source": "RUS", "target": "IGOUNO", "code": "129",
         "also": ["120"]},
        {"sentence": "France criticised Iran.", "source": "FRAGOV", "target": "IRN", "code": "111", "also": []},
        {"sentence": "Nothing else.", "source": "FRA", "target": "DEU", "code": "010", "also": [],
         "optional": True},
    ],
}]


def ev(sentence, source, target, code, **kw):
    return {"doc_id": "d1", "sentence": sentence, "source": source, "target": target, "code": code, **kw}


def test_principals():
    assert principal("RUSGOV") == "RUS" and principal("IGOUNO") == "UNO" and principal("IGOMEAARL") == "ARL"
    assert principal("NGOAMN") == "NGOAMN" and principal("IMGISI") == "IMGISI"


def test_root_and_strict_matching():
    system = [ev("Russia vetoed the resolution.", "RUSGOV", "IGOUNO", "120"),
              ev("France criticised Iran.", "FRA", "IRNGOV", "112")]
    root = score_events(GOLD, system)
    assert (root.tp, root.fp, root.fn) == (2, 0, 0)
    strict = score_events(GOLD, system, strict=True)
    assert (strict.tp, strict.fp, strict.fn) == (0, 2, 2)


def test_optional_gold_is_neither_rewarded_nor_penalised():
    system = [ev("Nothing else.", "FRA", "DEU", "010")]
    r = score_events(GOLD, system)
    assert (r.tp, r.fp, r.fn) == (0, 0, 2)


def test_wrong_root_wrong_sentence_and_spans():
    system = [ev("France criticised Iran.", "RUS", "IGOUNO", "129"),  # right event, wrong sentence
              ev("", "FRA", "IRN", "111", sentence_start=30, sentence_end=53)]  # located by offsets only
    r = score_events(GOLD, system)
    assert (r.tp, r.fp, r.fn) == (1, 1, 1)
    assert r.per_root_gold["12"] == 1 and r.per_root_found["11"] == 1
    assert abs(r.f1 - 0.5) < 1e-9


def test_one_to_one_matching():
    system = [ev("Russia vetoed the resolution.", "RUS", "IGOUNO", "129")] * 2
    r = score_events(GOLD, system)
    assert (r.tp, r.fp) == (1, 1)
