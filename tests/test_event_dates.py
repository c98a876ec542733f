"""Event dates from date expressions in parsed sentences (tacitus.events.dates)."""
import datetime as dt
import time

import pytest

from tacitus.events.dates import resolve_event_date

SATURDAY = dt.date(2016, 6, 4)  # the article date of most cases: Saturday 4 June 2016
D = dt.date


@pytest.fixture(scope="module")
def nlp():
    from tacitus.nlp import load_english_model

    return load_english_model()


@pytest.fixture(scope="module")
def resolve(nlp):
    def run(text, article_date=SATURDAY, verb=None):
        sent = next(nlp(text).sents)
        token = next((t for t in sent if t.text == verb), None) if verb else None
        return resolve_event_date(sent, article_date, token)

    return run


CASES = [
    # weekdays: the latest such day on or before the article date
    ("Israeli air strikes killed 10 militants in Gaza on Saturday.", D(2016, 6, 4), "day"),
    ("Police detained 30 protesters in Cairo on Friday.", D(2016, 6, 3), "day"),
    ("The two presidents met in Moscow on Sunday.", D(2016, 5, 29), "day"),
    ("Rebels shelled the airport on Wednesday night.", D(2016, 6, 1), "day"),
    ("Officials met last Saturday to discuss the ceasefire.", D(2016, 5, 28), "day"),
    ("The foreign ministers will meet in Vienna on Tuesday.", D(2016, 6, 7), "day"),
    ("Turkey will hold talks with Iran next Monday.", D(2016, 6, 6), "day"),
    # days relative to the article
    ("Militants attacked a checkpoint near Mosul yesterday.", D(2016, 6, 3), "day"),
    ("The president arrived in Havana today for a three-day visit.", D(2016, 6, 4), "day"),
    ("Protesters clashed with police this morning in central Kiev.", D(2016, 6, 4), "day"),
    ("Two rockets hit the town last night, the army said.", D(2016, 6, 3), "day"),
    ("The envoy left Damascus the day before yesterday.", D(2016, 6, 2), "day"),
    ("Gunmen kidnapped two engineers two days ago.", D(2016, 6, 2), "day"),
    # weeks, months, years relative to the article
    ("Rebels killed two soldiers last week.", D(2016, 5, 23), "week"),
    ("Troops have killed dozens of militants earlier this week.", D(2016, 5, 30), "week"),
    ("Troops killed three rebels two weeks ago.", D(2016, 5, 16), "week"),
    ("Fighting erupted in the north over the weekend.", D(2016, 6, 4), "week"),
    ("The army withdrew from the city last month.", D(2016, 5, 1), "month"),
    ("The government expelled the ambassador earlier this month.", D(2016, 6, 1), "month"),
    ("The two countries restored diplomatic ties last year.", D(2015, 1, 1), "year"),
    ("The embassy was closed three months ago.", D(2016, 3, 1), "month"),
    # absolute dates
    ("Police arrested 30 protesters on June 1.", D(2016, 6, 1), "day"),
    ("The ceasefire took effect on 3 March.", D(2016, 3, 3), "day"),
    ("The treaty was signed on the 3rd of March.", D(2016, 3, 3), "day"),
    ("He was arrested on Sept. 5.", D(2015, 9, 5), "day"),
    ("The talks were held on March 3, 2014 in Geneva.", D(2014, 3, 3), "day"),
    ("Police arrested 30 protesters on June 9.", D(2016, 6, 9), "day"),  # within a week of the article
    ("Police arrested 30 protesters on June 15.", D(2015, 6, 15), "day"),  # too far ahead: last year
    ("He died on the 3rd of March last year.", D(2015, 3, 3), "day"),
    ("The agreement was signed in May 2012.", D(2012, 5, 1), "month"),
    ("The offensive began in mid-March.", D(2016, 3, 1), "month"),
    ("The summit was held in Beijing last March.", D(2016, 3, 1), "month"),
    ("The two leaders first met in 2014.", D(2014, 1, 1), "year"),
    ("The ceasefire was signed on 2016-05-30 in Geneva.", D(2016, 5, 30), "day"),
    # no expression: the article date
    ("Russia and China vetoed the resolution.", SATURDAY, "article"),
    ("May I ask a question about the sanctions?", SATURDAY, "article"),
    ("Thousands of people march on the capital.", SATURDAY, "article"),
    ("The 2014 elections were marred by violence.", SATURDAY, "article"),
]


@pytest.mark.parametrize("text, date, precision", CASES, ids=[c[0][:40] for c in CASES])
def test_dates(resolve, text, date, precision):
    assert resolve(text) == (date, precision)


def test_year_rollover_in_january(resolve):
    assert resolve("Police arrested 30 protesters on December 28.", D(2016, 1, 2)) == (D(2015, 12, 28), "day")
    assert resolve("The army withdrew last month.", D(2016, 1, 2)) == (D(2015, 12, 1), "month")
    assert resolve("Rebels attacked the town on Friday.", D(2016, 1, 2)) == (D(2016, 1, 1), "day")


def test_prefers_the_expression_on_the_event_verb(resolve):
    text = "Police said on Monday that 10 militants were killed on Saturday."
    article = D(2016, 6, 7)  # Tuesday
    assert resolve(text, article, verb="killed") == (D(2016, 6, 4), "day")
    assert resolve(text, article, verb="said") == (D(2016, 6, 6), "day")
    # without a verb, an expression on a speech verb loses
    assert resolve(text, article) == (D(2016, 6, 4), "day")


def test_prefers_direct_attachment_and_non_since(resolve):
    assert resolve("Troops withdrew earlier this month after clashes last week.", verb="withdrew") == \
        (D(2016, 6, 1), "month")
    assert resolve("Police arrested him on Friday, a week after protests began on May 20.", verb="arrested") == \
        (D(2016, 6, 3), "day")


def test_without_article_date(resolve):
    assert resolve("Russia and China vetoed the resolution.", None) == (None, "none")
    assert resolve("Rebels killed two soldiers yesterday.", None) == (None, "none")
    assert resolve("Police arrested 30 protesters on June 1.", None) == (None, "none")
    assert resolve("The talks were held on March 3, 2014 in Geneva.", None) == (D(2014, 3, 3), "day")
    assert resolve("The two leaders first met in 2014.", None) == (D(2014, 1, 1), "year")


def test_never_raises(nlp):
    import spacy

    odd = ["", "on on on Monday Monday", "February 30 , 2014 was a day", "2014-13-45", "May May May 31 May",
           "March 99th", "last last week ago ago", "yesterday 0 days ago"]
    for model in (nlp, spacy.blank("en")):
        for text in odd:
            doc = model(text)
            for article in (None, SATURDAY, D(1, 1, 1), D(9999, 12, 31)):
                date, precision = resolve_event_date(doc[:], article)
                assert precision in {"day", "week", "month", "year", "article", "none"}
                assert date is None or isinstance(date, dt.date)


def test_invalid_dates_fall_back_to_article(resolve):
    assert resolve("The vote was held on February 30.") == (SATURDAY, "article")


def test_fast(nlp):
    sent = next(nlp("Police said on Monday that 10 militants were killed on Saturday near the border, "
                    "a week after clashes on May 20 left 45 dead.").sents)
    resolve_event_date(sent, SATURDAY)
    start = time.perf_counter()
    for _ in range(200):
        resolve_event_date(sent, SATURDAY)
    assert (time.perf_counter() - start) / 200 < 0.001
