from importlib.metadata import entry_points

import spacy
from spacy.language import Language

import tacitus  # noqa: F401  registers the factory
from tacitus.nlp import load_english_model


def test_factory_is_registered_and_exposed_as_entry_point():
    assert "tacitus" in Language.factories
    names = {ep.name for ep in entry_points(group="spacy_factories")}
    assert "tacitus" in names


def test_add_pipe_sets_events_and_span_actors():
    nlp = load_english_model()
    nlp.add_pipe("tacitus")
    doc = nlp("Qatari Prime Minister Sheikh Hamad criticised the Syrian government.")
    assert any(e.source == "QATGOV" and e.target == "SYRGOV" and e.root_code == "11" for e in doc._.events)
    by_text = {s.text: s._.actor.code for s in doc._.actor_mentions if s._.actor}
    assert by_text.get("Qatari") == "QAT"


def test_component_composes_with_other_components():
    nlp = load_english_model()
    nlp.add_pipe("tacitus")
    nlp.add_pipe("sentencizer", after="tacitus")
    assert nlp.pipe_names[-2:] == ["tacitus", "sentencizer"]
    doc = nlp("Germany condemned Russia.")
    assert [(e.source, e.target) for e in doc._.events] == [("DEU", "RUS")]


def test_date_extension_selects_the_role_held_on_that_day():
    nlp = load_english_model()
    nlp.add_pipe("tacitus")
    doc = nlp.make_doc("Putin criticised Germany.")
    doc._.tacitus_date = __import__("datetime").date(2009, 6, 1)
    doc = nlp(doc)
    assert [e.source for e in doc._.events] == ["RUSGOV"]
    spacy.tokens.Doc  # noqa: B018
