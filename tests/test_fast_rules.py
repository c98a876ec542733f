"""The compiled attribute rules + lemmatizer give exactly what spaCy's components give, token by token."""
import pytest

from tacitus.nlp import install_fast_rules, load_english_model
from tacitus.nlp.fast_rules import compile_rules

TEXTS = [
    "Russia and China vetoed two U.N. resolutions on Syria on Saturday, diplomats said.",
    "They're gonna do it, aren't they? There's no way he'd've said that.",
    "  Leading   whitespace,\n\n\ttabs and\nnew lines  ",
    "The ministers met in Geneva; the talks, which began on 3 March, ended without a deal.",
    "\"We will not back down,\" the president's spokeswoman told reporters at the White House.",
    "Mr. Lavrov's counterpart didn't attend. Protesters threw stones at police near Tahrir Square.",
    "1,200 troops were deployed - and 34.5% of voters backed the plan!!! E-mail info@example.org",
    "Better, best, worse; children, mice, geese; went, gone, was, were, being, is.",
    "",
    "OK",
]


@pytest.fixture(scope="module")
def pipelines():
    stock = load_english_model()
    fast = load_english_model()
    assert install_fast_rules(fast)
    return stock, fast


def _annotations(doc):
    return [(t.text, t.tag_, t.pos_, str(t.morph), t.lemma_, t.dep_, t.head.i) for t in doc]


def test_same_tokens_attributes_as_spacy(pipelines):
    stock, fast = pipelines
    for text in TEXTS:
        assert _annotations(fast(text)) == _annotations(stock(text)), text


def test_the_originals_are_replaced_not_duplicated(pipelines):
    _, fast = pipelines
    assert "tacitus_fast_rules" in fast.pipe_names
    assert "attribute_ruler" not in fast.pipe_names and "lemmatizer" not in fast.pipe_names
    assert install_fast_rules(fast)  # idempotent


def test_same_results_when_caches_are_warm(pipelines):
    stock, fast = pipelines
    docs = list(fast.pipe(TEXTS * 3))
    for text, doc in zip(TEXTS * 3, docs):
        assert _annotations(doc) == _annotations(stock(text))


def test_unknown_rule_shapes_keep_spacy_components():
    nlp = load_english_model()
    nlp.get_pipe("attribute_ruler").add([[{"SHAPE": "Xxxx"}]], {"POS": "PROPN"})
    assert compile_rules(nlp) is None
    assert install_fast_rules(nlp) is False
    assert "attribute_ruler" in nlp.pipe_names
