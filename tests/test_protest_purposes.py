"""CAMEO 141x-145x: a protest gets its purpose digit from what the sentence says it demands."""
import pytest

from tacitus.events.purposes import PurposeTable

CASES = [
    ("Thousands of Venezuelan students protested against the government in Caracas, demanding the "
     "resignation of President Maduro.", ("VENEDU", "VENGOV"), "1411"),
    ("Hundreds of Ukrainians protested against Russia outside its embassy in Kiev over the new gas prices.",
     ("UKRCVL", "RUS"), "1412"),
    ("Hundreds of Ukrainians protested against Russia outside its embassy in Kiev, calling for equal rights "
     "for Ukrainians in Crimea.", ("UKRCVL", "RUS"), "1413"),
    ("Hundreds of Ukrainians protested against Russia outside its embassy in Kiev.", ("UKRCVL", "RUS"), "141"),
    ("Hundreds of Ukrainians protested against Russia outside its embassy in Kiev on Sunday.",
     ("UKRCVL", "RUS"), "141"),
]


@pytest.mark.parametrize("text,pair,code", CASES)
def test_protest_purpose(coder, text, pair, code):
    events = [e for e in coder.code(text, date="2016-05-01") if (e.source, e.target) == pair and e.root_code == "14"]
    assert [e.code for e in events] == [code], [(e.source, e.target, e.code) for e in coder.code(text)]
    if len(code) == 4:
        assert events[0].rule.endswith("+purpose") and events[0].event_name.endswith(
            {"1": "leadership change", "2": "policy change", "3": "rights", "4": "change in institutions, regime"}[
                code[-1]])


def test_purpose_table_orders_leadership_before_policy():
    table = PurposeTable([{"digit": "1", "words": ["resignation"]}, {"digit": "2", "words": ["law", "new law"]}])

    class Tok:
        def __init__(self, lemma):
            self.lemma_ = lemma

    assert table.digit([Tok("resignation"), Tok("law")]) == "1"
    assert table.digit([Tok("new"), Tok("law")]) == "2"
    assert table.digit([Tok("weekend")]) is None
