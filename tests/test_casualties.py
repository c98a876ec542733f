"""Casualty counts read from parsed news sentences (tacitus.events.casualties)."""
import pytest

from tacitus.events.casualties import Casualties, count_casualties


@pytest.fixture(scope="module")
def nlp():
    from tacitus.nlp import load_english_model

    return load_english_model()


@pytest.fixture(scope="module")
def count(nlp):
    def run(text):
        return count_casualties(next(nlp(text).sents))

    return run


K, W, A = "killed", "wounded", "arrested"

CASES = [
    # digits, objects of active verbs
    ("Israeli air strikes killed 10 militants in the Gaza Strip on Saturday.", {K: 10}),
    ("Police detained 30 protesters outside the parliament in Cairo.", {A: 30}),
    ("Security forces rounded up 50 suspects after the bombing.", {A: 50}),
    ("The army said it had arrested 1,200 people since the coup attempt.", {A: 1200}),
    ("Gunmen opened fire on a minibus, killing 12 and injuring 7.", {K: 12, W: 7}),
    ("The attack killed one person and wounded five others.", {K: 1, W: 5}),
    ("Security forces killed three of the gunmen after a six-hour siege.", {K: 3}),
    ("Authorities took 40 opposition supporters into custody on Friday.", {A: 40}),
    # passives, lower bounds
    ("At least three people were wounded when a grenade was thrown into the market.", {W: (3, True)}),
    ("More than 20 people died in clashes between rival tribes.", {K: (20, True)}),
    ("At least 12 people were reported killed in the attack on the hotel.", {K: (12, True)}),
    ("A car bomb killed at least 17 people and wounded more than 60 in Baghdad.", {K: (17, True), W: (60, True)}),
    ("The bombing wounded over 100, hospital officials said.", {W: (100, True)}),
    # words
    ("Two soldiers and a civilian were killed when a roadside bomb exploded.", {K: 3}),
    ("Twenty-five civilians were hurt in the shelling of the old city.", {W: 25}),
    ("Police arrested two hundred and fifty demonstrators in the capital.", {A: 250}),
    ("A dozen protesters were detained near the presidential palace.", {A: 12}),
    ("Half a dozen people were injured in the stampede.", {W: 6}),
    ("A policeman was killed and 15 others were injured in the attack.", {K: 1, W: 15}),
    ("Five militants and two soldiers died in the fighting, the army said.", {K: 7}),
    # vague quantifiers
    ("Dozens dead after floods sweep northern Afghanistan.", {K: (24, True)}),
    ("Hundreds of people were arrested during the demonstrations.", {A: (200, True)}),
    ("Scores were killed in the fighting around the airport.", {K: (40, True)}),
    ("Tens of thousands of protesters were detained across the country.", {A: (20000, True)}),
    ("Several soldiers were killed in the ambush.", {K: (3, True)}),
    ("A few demonstrators were arrested, police said.", {A: (2, True)}),
    ("The fighting has killed several hundred people since January.", {K: (300, True)}),
    ("Three people died and dozens were injured when the building collapsed.", {K: 3, W: (24, True)}),
    # tolls, adjectives, reduced relatives
    ("The death toll rose to 45, officials said.", {K: 45}),
    ("The bombing raised the death toll to 1,020.", {K: 1020}),
    ("The death toll from the earthquake stood at more than 300.", {K: (300, True)}),
    ("45 dead and 100 wounded in Kabul market bombing.", {K: 45, W: 100}),
    ("The blast left 10 people dead and 20 wounded.", {K: 10, W: 20}),
    ("The raid left two officers injured.", {W: 2}),
    ("Five people were shot dead by police during the protest.", {K: 5}),
    ("Israeli soldiers shot dead a Palestinian teenager at a checkpoint.", {K: 1}),
    ("Ten militants killed in the raid were buried on Sunday.", {K: 10}),
    ("Militants, who killed two soldiers, fled across the border.", {K: 2}),
    ("The war has claimed more than 250,000 lives.", {K: (250000, True)}),
    ("Ten people lost their lives in the fire.", {K: 10}),
    ("The army said 15 insurgents had been captured and 4 killed.", {A: 15, K: 4}),
    ("He was arrested at his home in Istanbul.", {A: 1}),
    ("A soldier was killed and another was wounded.", {K: 1, W: 1}),
    ("The clashes caused 45 deaths, according to the health ministry.", {K: 45}),
    # explicit zero
    ("No one was hurt in the explosion.", {W: 0}),
    ("No soldiers were killed, the ministry said.", {K: 0}),
]

NEGATIVES = [
    "10 ministers met in Brussels to discuss the budget.",
    "The talks killed the deal.",
    "Russia and China killed the resolution in the Security Council.",
    "The strike hurt the economy.",
    "Rebels captured two towns near the border.",
    "The rebels threatened to kill 20 hostages.",
    "Police did not arrest anyone.",
    "The bill died in committee in 2014.",
    "Protesters were arrested after the rally.",
    "The soldiers who were killed were buried in their home villages.",
    "Hundreds of thousands of people were displaced by the floods.",
    "",
]


def _expected(spec):
    fields = {}
    for kind, value in spec.items():
        number, at_least = value if isinstance(value, tuple) else (value, False)
        fields[kind] = number
        fields[f"{kind}_at_least"] = at_least
    return Casualties(**fields)


@pytest.mark.parametrize("text, spec", CASES, ids=[c[0][:40] for c in CASES])
def test_counts(count, text, spec):
    assert count(text) == _expected(spec)


@pytest.mark.parametrize("text", NEGATIVES)
def test_no_casualties(nlp, text):
    assert count_casualties(nlp(text)[:]) == Casualties()


def test_result_is_frozen(count):
    result = count("Police detained 30 protesters.")
    with pytest.raises(AttributeError):
        result.arrested = 1


def test_never_raises_without_a_parse():
    import spacy

    blank = spacy.blank("en")
    for text in ("killed 10 militants", "45 dead", "", "the death toll rose to 45"):
        doc = blank(text)
        assert isinstance(count_casualties(doc[:]), Casualties)


def test_never_raises_on_odd_text(nlp):
    odd = ["killed killed killed", "at least more than dozens of hundreds of thousands dead",
           "1,2,3,4 - - and and 999999999999999999999 killed", "a a a dozen half half wounded", "None None none"]
    for text in odd:
        for sent in nlp(text).sents:
            assert isinstance(count_casualties(sent), Casualties)
