"""The pre-pass parses fewer sentences and changes no event."""
import json
from contextlib import contextmanager

import pytest

from conftest import ROOT

ARTICLE = (
    "GENEVA (Reuters) - Russia and the United States held talks on Syria in Geneva on Monday.\n\n"
    "The weather in the city was mild and shops opened late.\n\n"
    "Lavrov met Kerry for three hours. He later accused Washington of stalling.\n\n"
    "Markets rose 2 percent in early trading.\n\n"
    "\"We will not accept this,\" the minister said. \"Nobody will.\"\n\n"
    "Israeli air strikes killed 10 militants in the Gaza Strip on Sunday."
)


@contextmanager
def prefilter(coder, on: bool):
    saved = coder.prefilter
    coder.prefilter = on
    try:
        yield coder
    finally:
        coder.prefilter = saved


def test_sentences_without_actors_are_not_parsed(coder):
    masked, cues, keep = coder.sentence_filter.masked_text(ARTICLE)
    texts = [ARTICLE[c.start_char:c.end_char].strip() for c in cues]
    dropped = [t for t, k in zip(texts, keep) if not k]
    assert "The weather in the city was mild and shops opened late." in dropped
    assert "Markets rose 2 percent in early trading." in dropped
    kept = [t for t, k in zip(texts, keep) if k]
    assert any(t.startswith("Israeli air strikes") for t in kept)
    assert any(t.startswith("Lavrov met Kerry") for t in kept)  # antecedent of "He"


def test_blanking_keeps_offsets_line_breaks_and_quotation_marks(coder):
    masked, cues, keep = coder.sentence_filter.masked_text(ARTICLE)
    assert len(masked) == len(ARTICLE)
    assert [i for i, ch in enumerate(masked) if ch == "\n"] == [i for i, ch in enumerate(ARTICLE) if ch == "\n"]
    assert masked.count('"') == ARTICLE.count('"')
    for c, k in zip(cues, keep):
        if k:
            assert masked[c.start_char:c.end_char] == ARTICLE[c.start_char:c.end_char]
        else:
            assert not masked[c.start_char:c.end_char].replace('"', "").strip()


def test_lead_sentences_are_always_parsed(coder):
    text = "Quiet day.\nNothing happened here.\nShares were flat."
    _, cues, keep = coder.sentence_filter.masked_text(text)
    assert keep[:2] == [True, True] and keep[2] is False


def test_event_words_include_irregular_forms_and_event_nouns(coder):
    strings = coder.nlp.vocab.strings
    words = set(coder.sentence_filter.event_words.tolist())
    for form in ("met", "struck", "fought", "vetoed", "accusing", "talks", "sanctions", "strikes"):
        assert strings[form] in words, form


def _own_articles():
    path = ROOT / "tests" / "gold" / "own.jsonl"
    docs = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    docs.append({"doc_id": "gulf", "text": (ROOT / "examples" / "gulf_talks.txt").read_text(encoding="utf-8"),
                 "date": "2019-06-14"})
    docs.append({"doc_id": "article", "text": ARTICLE, "date": "2016-02-01"})
    return [{"doc_id": d["doc_id"], "text": d["text"], "date": d.get("date")} for d in docs]


def test_same_events_and_sentences_with_and_without_the_pre_pass(coder):
    docs = _own_articles()
    with prefilter(coder, False):
        full = list(coder.code_many(docs))
    with prefilter(coder, True):
        fast = list(coder.code_many(docs))
    def record(e):  # the index counts blanked sentences, which the pre-pass (not the parser) segments
        d = e.to_dict()
        d.pop("sentence_index")
        return d

    for a, b in zip(full, fast):
        assert [record(e) for e in a.events] == [record(e) for e in b.events], a.document.doc_id
        assert [a.sentences[e.sentence_index] for e in a.events] == [b.sentences[e.sentence_index] for e in b.events]
        # blanked sentences are segmented by the pre-pass, not the parser: the texts they cover are the same
        assert "".join(a.document.text[x:y] for x, y in a.sentences).replace(" ", "") == \
            "".join(b.document.text[x:y] for x, y in b.sentences).replace(" ", "")
        assert all(y <= x2 for (_, y), (x2, _) in zip(b.sentences, b.sentences[1:]))  # ordered, disjoint
    assert sum(len(c.events) for c in fast) > 50


def test_every_sentence_is_listed_and_events_point_into_the_list(coder):
    with prefilter(coder, True):
        coded = next(coder.code_many([{"doc_id": "a", "text": ARTICLE, "date": "2016-02-01"}]))
    texts = [ARTICLE[a:b] for a, b in coded.sentences]
    assert "Markets rose 2 percent in early trading." in texts  # blanked, still listed
    assert coded.events
    for e in coded.events:
        assert coded.sentences[e.sentence_index] == (e.sentence_start, e.sentence_end)
        assert e.sentence == ARTICLE[e.sentence_start:e.sentence_end]


@pytest.mark.parametrize("text", ["", "   \n\n  ", "\"\"\"", "..."])
def test_degenerate_texts(coder, text):
    with prefilter(coder, True):
        assert coder.code(text) == []
