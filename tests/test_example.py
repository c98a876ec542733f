"""End to end on the example article that ships in examples/ (text written for this project)."""
import json
from pathlib import Path

from typer.testing import CliRunner

from tacitus.cli import app

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "gulf_talks.txt"


def test_example_article_events():
    result = CliRunner().invoke(app, ["code", str(EXAMPLE), "--date", "2019-06-14", "-f", "jsonl", "-q"])
    assert result.exit_code == 0, result.output
    events = [json.loads(line) for line in result.stdout.splitlines()]
    got = {(e["source"], e["target"], e["code"]) for e in events}
    expected = {
        ("IRN", "ARE", "040"), ("ARE", "IRN", "040"),        # compound subject, talks with each other
        ("USA", "IRN", "163"),                               # light verb: imposed sanctions on Iran's exports
        ("IRNGOV", "USAGOV", "112"),                         # title + person, capital as government
        ("IGOEUR", "IRN", "020"),                            # IGO appeal
        ("SAU", "IRN", "112"),                               # blamed
        ("YEMREB", "SAU", "195"),                            # armed group fires missiles
        ("RUS", "USA", "111"), ("CHN", "USA", "111"),        # compound source, proxy noun "U.S. sanctions"
        ("JPN", "YEM", "0333"),                              # frame: pledged to provide humanitarian aid
    }
    assert expected <= got, expected - got
    assert any(e["source"] == "DEU" and e["root_code"] == "03" for e in events)  # offered to mediate
    # nothing is invented from the negation-free but actor-less sentences
    assert all(e["source"] and e["target"] for e in events)
    assert len(events) <= 16
    # the dateline is not part of the first sentence
    first = min(events, key=lambda e: e["sentence_start"])
    assert not first["sentence"].startswith("MUSCAT")
