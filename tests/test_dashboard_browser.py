"""The dashboard in a real browser: Debian's Chromium driven by Playwright, against a live local server.

Skipped when the Python package ``playwright`` or ``/usr/bin/chromium`` is missing (never downloads a browser).
"""
import datetime as dt
import json
import os
import urllib.request
from pathlib import Path

import pytest

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"]
ROOT = Path(__file__).resolve().parent.parent
FIXTURES = [ROOT / "tests" / "gold" / "own.jsonl", ROOT / "examples" / "gulf_talks.txt"]

pytest.importorskip("fastapi")
pytest.importorskip("uvicorn")
sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")
if not os.access(CHROMIUM, os.X_OK):
    pytest.skip(f"{CHROMIUM} is not installed (apt-get install chromium)", allow_module_level=True)


@pytest.fixture(scope="module")
def server(coder, tmp_path_factory):
    from tacitus.store import Store, ingest
    from tacitus.web.server import background_server

    tmp = tmp_path_factory.mktemp("browser")
    path, extra = tmp / "fixtures.duckdb", tmp / "astral.jsonl"
    # characters outside the BMP before the event: Python offsets count code points, JavaScript UTF-16 units
    extra.write_text(json.dumps({"doc_id": "astral-1", "date": "2019-06-20",
                                 "text": "\U0001F1FA\U0001F1F8 \U0001F600 Brief\n\nGermany condemned Russia on Monday."}))
    with Store(path) as store:
        ingest(store, coder, [str(p) for p in FIXTURES] + [str(extra)], date=dt.date(2019, 6, 14))
    with background_server(str(path)) as url:
        yield url


@pytest.fixture(scope="module")
def browser():
    with sync_api.sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()


def api(server, path):
    with urllib.request.urlopen(server + path, timeout=30) as r:
        return json.load(r)


def joined(page, selector):
    return page.eval_on_selector_all(selector, "els => els.map(e => e.textContent).join('')")


def test_filter_and_open_an_article(server, browser):
    page = browser.new_page(viewport={"width": 1360, "height": 1400})
    errors, foreign = [], []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    page.on("request", lambda req: None if req.url.startswith(server) else foreign.append(req.url))
    page.goto(server + "/")
    page.wait_for_selector("#events-body tr[data-event-id]")
    page.wait_for_function("!document.body.hasAttribute('data-loading')")
    total = api(server, "/api/summary")["counts"]["events"]
    assert page.inner_text("#events-info").endswith(f"of {total} event(s)")
    assert page.locator("#timeline-counts svg .bar").count() > 0
    assert page.locator("#timeline-goldstein svg .gdot").count() > 0
    assert page.locator("#quads svg .quad").count() == 4
    assert page.locator("#network svg .node").count() > 3
    assert page.locator("#map svg .place").count() > 3

    # filter on an actor: the table, the hash and the charts follow
    page.fill("#f-actor", "RUS")
    page.click("#apply")
    expected = api(server, "/api/events?actor=RUS&limit=500")
    page.wait_for_function("t => document.getElementById('events-info').textContent.endsWith(t)",
                           arg=f"of {expected['total']} event(s)")
    page.wait_for_function("!document.body.hasAttribute('data-loading')")
    assert "actor=RUS" in page.url
    ids = page.eval_on_selector_all("#events-body tr[data-event-id]", "trs => trs.map(t => t.dataset.eventId)")
    assert ids == [r["event_id"] for r in expected["rows"][:25]]
    quad_total = sum(int(t) for t in page.eval_on_selector_all("#quads .value", "els => els.map(e => e.textContent)"))
    assert quad_total == expected["total"]

    # open the first event: its sentence, actors and verb are highlighted, and the rule is shown
    event = expected["rows"][0]
    page.click(f"#events-body tr[data-event-id='{event['event_id']}']")
    page.wait_for_selector("#article .hl-sentence")
    assert joined(page, "#article-text .hl-sentence") == event["sentence"]
    assert joined(page, "#article-text .hl-source") == event["source_text"]
    assert joined(page, "#article-text .hl-target") == event["target_text"]
    assert joined(page, "#article-text .hl-verb") == event["verb"]
    assert page.inner_text("#rule") == event["rule"]
    assert event["source"] in page.inner_text("#event-facts")
    assert page.locator(f"#events-body tr.selected[data-event-id='{event['event_id']}']").count() == 1

    # another event of the same article, from the article's own list
    doc = api(server, "/api/documents/" + urllib.request.quote(event["doc_id"]))
    other = next((e for e in doc["events"] if e["event_id"] != event["event_id"]), None)
    if other:
        page.click(f".doc-events li[data-event-id='{other['event_id']}']")
        page.wait_for_function("t => document.getElementById('rule').textContent === t", arg=other["rule"])
        assert joined(page, "#article-text .hl-source") == other["source_text"]

    assert not errors, errors
    assert not foreign, foreign
    page.close()


def test_bad_filter_shows_the_api_message(server, browser):
    page = browser.new_page()
    page.goto(server + "/#code=19")
    page.wait_for_selector("#events-body tr[data-event-id]")
    codes = page.eval_on_selector_all("#events-body td.code b", "els => els.map(e => e.textContent)")
    assert codes and all(c.startswith("19") for c in codes)
    page.fill("#f-actor", "R*S")
    page.click("#apply")
    page.wait_for_selector("#error:not([hidden])")
    assert page.inner_text("#error").startswith("actor:")
    page.close()


def test_highlights_count_code_points(server, browser):
    event = api(server, "/api/documents/astral-1")["events"][0]
    page = browser.new_page()
    page.goto(server + "/#actor=DEU&q=condemned%20Russia")
    page.click(f"#events-body tr[data-event-id='{event['event_id']}']")
    page.wait_for_selector("#article .hl-source")
    assert joined(page, "#article-text .hl-source") == event["source_text"] == "Germany"
    assert joined(page, "#article-text .hl-target") == event["target_text"]
    assert joined(page, "#article-text .hl-verb") == event["verb"]
    page.close()
