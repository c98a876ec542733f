"""Property-based robustness: whatever the text, the coder returns well-formed events and never raises."""
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tacitus.ontology import load_cameo_table

CAMEO = load_cameo_table()
NEWS_WORDS = ["Russia", "vetoed", "the", "U.N.", "resolution", "Iran", "attacked", "Israeli", "troops", "said",
              "he", "she", "it", "urged", "China", "to", "talks", "with", "\"", "'", "(", ")", ",", ".", "not",
              "Lavrov", "rebels", "Syrian", "and", "imposed", "sanctions", "on", "\n", "\n\n", "-", "—", "Kremlin"]


def check(events, text):
    for e in events:
        assert e.source and e.target and e.code in CAMEO
        assert 0 <= e.sentence_start <= e.sentence_end <= len(text)
        assert text[e.sentence_start:e.sentence_end] == e.sentence
        assert text[e.source_start:e.source_end] == e.source_text
        assert text[e.target_start:e.target_end] == e.target_text
        assert e.root_code == e.code[:2] and e.quad_class in (1, 2, 3, 4)
    assert len(events) <= 12 * max(1, text.count(".") + text.count("\n") + 1)


SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


@SETTINGS
@given(st.text(max_size=400))
def test_any_unicode_text(coder, text):
    check(coder.code(text), text)


@SETTINGS
@given(st.lists(st.sampled_from(NEWS_WORDS), max_size=80).map(" ".join))
def test_news_like_word_salad(coder, text):
    check(coder.code(text, date="2014-05-01"), text)


@SETTINGS
@given(st.text(alphabet=st.characters(whitelist_categories=("Cc", "Cf", "Zs", "Po", "Ps", "Pe")), max_size=300))
def test_control_characters_and_punctuation_only(coder, text):
    check(coder.code(text), text)


@settings(max_examples=3, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.integers(min_value=0, max_value=2))
def test_ten_thousand_word_sentence(coder, seed):
    words = ["Russia", "and", "China", "criticised", "Iran", "while", "troops"]
    text = " ".join(words[(i + seed) % len(words)] for i in range(10_000)) + "."
    check(coder.code(text), text)


def test_deeply_nested_quotes(coder):
    text = "France said " + "'Germany said \"" * 40 + "Russia attacked Ukraine" + "\"'" * 40 + "."
    check(coder.code(text), text)


def test_lone_surrogates_do_not_crash(coder):
    text = "Stray \ud93a bytes \udc00 here.\nRussia vetoed the U.N. resolution on Monday."
    events = coder.code(text)
    assert [(e.source, e.code) for e in events] == [("RUS", "129")]
    check(events, text)  # offsets still index the original text
