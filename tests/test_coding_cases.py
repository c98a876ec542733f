"""Event-coding cases per phenomenon: frames (appeal, intent, demand, reject, threaten), reported speech,
denials, negatives that must give no event, and sentences that must not explode (sentences written for this file)."""
import pytest

from conftest import triples

DATE = "2018-01-10"


@pytest.mark.parametrize("text,expected", [
    ("Iran refused to meet U.S. envoys in Geneva.", ("IRN", "USAGOV", "125")),
    ("Washington threatened to impose sanctions on Venezuela.", ("USAGOV", "VEN", "1312")),
    ("France threatened to expel Russian diplomats.", ("FRA", "RUSGOV", "1313")),
    ("The European Union called for Assad to step down.", ("IGOEUR", "SYRGOV", "0241")),
    ("China urged North Korea to release the detained sailors.", ("CHN", "PRK", "0253")),
    ("Germany offered to mediate between Tehran and Washington.", ("DEU", "IRNGOV", "039")),
    ("Egypt demanded that Israel release Palestinian prisoners.", ("EGY", "ISR", "1053")),
    ("Russia vowed to retaliate against NATO.", ("RUS", "IGONAT", "138")),
    ("Qatar and Saudi Arabia proposed arming Syrian rebels.", ("QAT", "SYRREB", "0332")),
    ("Japan said it would provide humanitarian aid to Yemen.", ("JPN", "YEM", "0333")),
])
def test_frames_combine_with_the_framed_event(code, text, expected):
    assert expected in triples(code(text, date=DATE))


@pytest.mark.parametrize("text,expected", [
    ("Officials said Syrian troops attacked Turkish soldiers.", ("SYRMIL", "TURMIL", "190")),
    ("Iraq accused Turkey of violating its sovereignty.", ("IRQ", "TUR", "112")),
    ("Israel denied the Iranian accusations.", ("ISR", "IRN", "016")),
    ("Russia rejected the Ukrainian proposal.", ("RUS", "UKR", "120")),
    ("Russia and China vetoed the U.N. Security Council resolution.", ("CHN", "IGOUNO", "129")),
])
def test_reported_speech_denial_and_rejection(code, text, expected):
    assert expected in triples(code(text, date=DATE))


@pytest.mark.parametrize("text", [
    "Russia did not attack Ukraine.",
    "No talks were held between Iran and Saudi Arabia.",
    "Turkey may send troops to Syria next month.",
    "The ministers were expected to discuss Iran.",
    "If Israel strikes Iran, Hezbollah could respond.",
    "Egypt wants to improve relations with Turkey.",
    "France hopes to sign a deal with India.",
    "A possible Israeli attack on Iran worries Washington.",
])
def test_things_that_did_not_happen_give_no_event(code, text):
    assert code(text, date=DATE) == []


def test_typical_news_sentences_do_not_explode(code):
    text = ("The United States, Britain, France, Germany, Italy and Canada condemned Russia, Iran and Syria "
            "on Monday and urged China and India to back new sanctions.")
    events = code(text, date=DATE)
    keys = [(e.source, e.target, e.code) for e in events]
    assert len(keys) == len(set(keys)) and 0 < len(events) <= 12
