"""Direct quotations: found, attributed to a resolved speaker, and carried by the events inside them."""
import json

from typer.testing import CliRunner

from tacitus.cli import app
from tacitus.events.quotes import find_quote_spans

TEXT = ('Iranian Foreign Minister Mohammad Javad Zarif spoke in Tehran on Monday. "We condemn the United States '
        'for this economic terrorism," Zarif said. He added: "Europe must do more." '
        'Lavrov said: "Russia will never accept this." The "red line" was not discussed.')


def test_quote_spans_pair_curly_and_straight_marks():
    assert find_quote_spans('a "b c" d \u201ce f\u201d') == [(3, 6), (11, 14)]
    assert find_quote_spans('unclosed "quote') == []


def test_quotes_have_resolved_speakers(coder):
    coder.prefilter = False  # every quotation, also those in sentences that hold no event
    try:
        coded = next(coder.code_many([{"doc_id": "q", "text": TEXT, "date": "2019-06-14"}]))
    finally:
        coder.prefilter = True
    got = [(q.speaker.code if q.speaker else None, q.text.split()[0]) for q in coded.quotes]
    assert got == [("IRNGOV", "We"), ("IRNGOV", "Europe"), ("RUSGOV", "Russia")]  # "red line" is too short


def test_with_the_pre_pass_quotes_of_parsed_sentences_keep_their_speakers(coder):
    coded = next(coder.code_many([{"doc_id": "q", "text": TEXT, "date": "2019-06-14"}]))
    got = [(q.speaker.code if q.speaker else None, q.text.split()[0]) for q in coded.quotes]
    assert ("IRNGOV", "We") in got  # the sentence with the event is parsed, its speaker resolved


def test_first_person_inside_a_quote_is_the_speaker(coder):
    events = coder.code(TEXT, date="2019-06-14")
    e = next(e for e in events if e.root_code == "11")
    assert (e.source, e.target, e.quote, e.speaker) == ("IRNGOV", "USA", True, "IRNGOV")
    assert all(not ev.quote for ev in events if ev.verb not in ("condemn",))


def test_quotes_command(tmp_path):
    f = tmp_path / "a.txt"
    f.write_text(TEXT, encoding="utf-8")
    result = CliRunner().invoke(app, ["quotes", str(f), "--date", "2019-06-14", "-f", "jsonl"])
    assert result.exit_code == 0
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["speaker"] for r in rows] == ["IRNGOV", "IRNGOV", "RUSGOV"]
    assert rows[0]["quote"].startswith("We condemn") and rows[2]["speaker_name"] == "Sergei Lavrov"


def test_modality_and_negative_determiners(coder):
    events = coder.code("Japan said it would provide humanitarian aid to Yemen.", date="2019-06-14")
    assert [(e.source, e.target, e.code, e.modality) for e in events] == [("JPN", "YEM", "0333", "stated-intent")]
    assert coder.code("No talks were held between Russia and Ukraine.") == []
    assert coder.code("No country has recognised Kosovo since March.") == []
    plain = coder.code("France condemned Iran.")
    assert plain[0].modality == "" and plain[0].quote is False
