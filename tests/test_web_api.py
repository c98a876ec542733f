"""The web layer's REST API, on a store built from the project's fixture articles."""
import json
from pathlib import Path

import pytest

fastapi = pytest.importorskip("fastapi")


ROOT = Path(__file__).resolve().parent.parent
FIXTURES = [ROOT / "tests" / "gold" / "own.jsonl", ROOT / "examples" / "gulf_talks.txt"]


from conftest import get  # noqa: E402  (fixtures db_path, app, client live in conftest.py)


def all_events(client, **params):
    return get(client, "/api/events", limit=500, **params)


# -- events ---------------------------------------------------------------------------------------------------
def test_summary(client):
    s = get(client, "/api/summary")
    assert s["counts"]["documents"] == 13
    assert s["counts"]["events"] == s["matching"]["events"] > 20
    assert s["dates"]["first"] <= s["dates"]["last"]
    filtered = get(client, "/api/summary", actor="RUS")
    assert 0 < filtered["matching"]["events"] < s["counts"]["events"]
    assert filtered["filters"] == {"actor": "RUS"}


def test_events_total_and_rows(client):
    data = all_events(client)
    assert data["total"] == len(data["rows"]) == get(client, "/api/summary")["counts"]["events"]
    row = data["rows"][0]
    for field in ("event_id", "doc_id", "sentence", "source", "target", "code", "goldstein", "quad_class", "rule",
                  "sentence_start", "source_start", "target_end", "verb_start"):
        assert field in row
    dates = [r["date"] for r in data["rows"]]
    assert dates == sorted(dates, reverse=True)


def test_pagination_is_disjoint_and_complete(client):
    total = all_events(client)["total"]
    seen = []
    for offset in range(0, total + 10, 10):
        page = get(client, "/api/events", limit=10, offset=offset)
        assert page["total"] == total and len(page["rows"]) <= 10
        seen += [r["event_id"] for r in page["rows"]]
    assert len(seen) == len(set(seen)) == total


@pytest.mark.parametrize("sort,key,reverse", [("date", "date", False), ("goldstein", "goldstein", False),
                                              ("-goldstein", "goldstein", True), ("code", "code", False)])
def test_sort(client, sort, key, reverse):
    values = [r[key] for r in all_events(client, sort=sort)["rows"]]
    assert values == sorted(values, reverse=reverse)


def test_actor_filter_matches_source_or_target_prefix(client):
    rows = all_events(client, actor="RUS")["rows"]
    assert rows and all(r["source"].startswith("RUS") or r["target"].startswith("RUS") for r in rows)
    assert {r["event_id"] for r in all_events(client, actor="rus")["rows"]} == {r["event_id"] for r in rows}
    gov = all_events(client, actor="RUSGOV")["rows"]
    assert gov and len(gov) < len(rows)


def test_source_target_and_dyad(client):
    src = all_events(client, source="USA")["rows"]
    assert src and all(r["source"].startswith("USA") for r in src)
    tgt = all_events(client, target="IRN")["rows"]
    assert tgt and all(r["target"].startswith("IRN") for r in tgt)
    dyad = all_events(client, dyad="RUS:USA")["rows"]
    assert dyad and all(r["source"].startswith("RUS") and r["target"].startswith("USA") for r in dyad)


def test_code_quad_text_and_dates(client):
    fights = all_events(client, code="19")["rows"]
    assert fights and all(r["code"].startswith("19") for r in fights)
    assert all(r["quad_class"] == 4 for r in all_events(client, quad=4)["rows"])
    vetoes = all_events(client, q="VETO")["rows"]
    assert vetoes and all("veto" in r["sentence"].lower() for r in vetoes)
    window = all_events(client, start="2018-01-01", end="2018-12-31")["rows"]
    assert window and all("2018-01-01" <= r["date"] <= "2018-12-31" for r in window)
    assert all_events(client, start="2030-01-01")["total"] == 0


def test_text_search_is_literal(client):
    assert all_events(client, q="%")["total"] == 0
    assert all_events(client, q="_")["total"] == 0


def test_event_by_id(client):
    first = all_events(client)["rows"][0]
    event = get(client, "/api/events/" + first["event_id"].replace("#", "%23"))
    assert event["event_id"] == first["event_id"] and "doc_title" in event
    err = get(client, "/api/events/nope%231", status=404)
    assert err["status"] == 404 and "nope#1" in err["message"]


def test_document_with_spans(client):
    doc = get(client, "/api/documents/own-09")
    assert doc["title"] and doc["date"] == "2018-04-10" and "url" in doc and doc["events"]
    text = doc["text"]
    for e in doc["events"]:
        assert text[e["sentence_start"]:e["sentence_end"]] == e["sentence"]
        assert text[e["source_start"]:e["source_end"]] == e["source_text"]
        assert text[e["target_start"]:e["target_end"]] == e["target_text"]
        assert text[e["verb_start"]:e["verb_end"]] == e["verb"]
    assert get(client, "/api/documents/gulf_talks.txt")["events"]
    assert get(client, "/api/documents/no-such-doc", status=404)["error"] == "not found"


# -- aggregates ------------------------------------------------------------------------------------------------
@pytest.mark.parametrize("period", ["day", "week", "month"])
def test_timeline(client, period):
    total = all_events(client)["total"]
    t = get(client, "/api/timeline", period=period)
    assert sum(r["events"] for r in t["rows"]) + t["undated"] == total
    periods = [r["period"] for r in t["rows"]]
    assert periods == sorted(periods) and len(set(periods)) == len(periods)
    for r in t["rows"]:
        assert r["q1"] + r["q2"] + r["q3"] + r["q4"] == r["events"]
        assert (r["goldstein"] is None) == (r["events"] == 0)
    if period == "month":
        assert all(p.endswith("-01") for p in periods)
        assert any(r["events"] == 0 for r in t["rows"])  # gaps are filled
        unfilled = get(client, "/api/timeline", period="month", fill="false")
        assert all(r["events"] > 0 for r in unfilled["rows"])


def test_timeline_filters(client):
    t = get(client, "/api/timeline", dyad="RUS:USA")
    assert sum(r["events"] for r in t["rows"]) == all_events(client, dyad="RUS:USA")["total"]


def test_quadclass(client):
    for params in ({}, {"actor": "IRN"}, {"code": "1"}):
        q = get(client, "/api/quadclass", **params)
        assert [r["quad_class"] for r in q["rows"]] == [1, 2, 3, 4]
        assert sum(r["events"] for r in q["rows"]) == q["total"] == all_events(client, **params)["total"]


def test_network(client):
    n = get(client, "/api/network")
    ids = {node["id"] for node in n["nodes"]}
    assert n["edges"] and all(e["source"] in ids and e["target"] in ids for e in n["edges"])
    assert sum(e["weight"] for e in n["edges"]) == sum(node["out"] for node in n["nodes"])
    heavy = get(client, "/api/network", min_events=2)
    assert heavy["edges"] and all(e["weight"] >= 2 for e in heavy["edges"])
    assert len(heavy["edges"]) < len(n["edges"])
    principal = get(client, "/api/network", level="principal")
    assert all(len(node["id"]) in (3, 6) for node in principal["nodes"])
    assert len(get(client, "/api/network", max_edges=3)["edges"]) == 3


def test_top_actors_and_places(client):
    top = get(client, "/api/actors/top", limit=5)["rows"]
    assert len(top) == 5 and [r["events"] for r in top] == sorted((r["events"] for r in top), reverse=True)
    assert all(r["events"] == r["as_source"] + r["as_target"] for r in top)
    sources = get(client, "/api/actors/top", role="source", limit=500)["rows"]
    assert all(r["as_target"] == 0 for r in sources)
    places = get(client, "/api/places")["rows"]
    assert sum(r["events"] for r in places) == all_events(client)["total"]
    assert {"USA", "IRN", "RUS"} <= {r["country"] for r in places}


# -- errors and safety -------------------------------------------------------------------------------------------
@pytest.mark.parametrize("url,params,name", [
    ("/api/events", {"start": "2019-02-30"}, "start"),
    ("/api/events", {"start": "yesterday"}, "start"),
    ("/api/events", {"end": "20190101"}, "end"),
    ("/api/events", {"start": "2019-06-01", "end": "2019-01-01"}, "start"),
    ("/api/events", {"limit": "0"}, "limit"),
    ("/api/events", {"limit": "501"}, "limit"),
    ("/api/events", {"limit": "ten"}, "limit"),
    ("/api/events", {"offset": "-1"}, "offset"),
    ("/api/events", {"sort": "event_id; DROP TABLE events"}, "sort"),
    ("/api/events", {"actor": "RUS' OR '1'='1"}, "actor"),
    ("/api/events", {"dyad": "RUS"}, "dyad"),
    ("/api/events", {"code": "1a"}, "code"),
    ("/api/events", {"quad": "5"}, "quad"),
    ("/api/events", {"q": "x" * 201}, "q"),
    ("/api/timeline", {"period": "year"}, "period"),
    ("/api/network", {"min_events": "0"}, "min_events"),
    ("/api/actors/top", {"limit": "1000"}, "limit"),
    ("/api/quadclass", {"start": "2019-1-1"}, "start"),
])
def test_bad_parameters_get_422_json(client, url, params, name):
    err = get(client, url, status=422, **params)
    assert err["status"] == 422 and err["error"] == "invalid parameter"
    assert err["message"].startswith(name + ":"), err["message"]
    assert "Traceback" not in json.dumps(err)


def test_unknown_path_and_method(client):
    assert get(client, "/api/nothing", status=404)["message"] == "no such path: /api/nothing"
    r = client.post("/api/events")
    assert r.status_code == 405 and r.json()["status"] == 405


@pytest.mark.parametrize("text", ["'; DROP TABLE events; --", "' OR '1'='1", "\" OR 1=1 --", "%' UNION SELECT 1 --",
                                  "Robert'); DELETE FROM documents;--"])
def test_injection_looking_text_is_harmless(client, text):
    before = get(client, "/api/summary")["counts"]
    assert all_events(client, q=text)["total"] == 0
    assert get(client, "/api/documents/" + text.replace("%", "%25").replace("#", "%23"), status=404)
    assert get(client, "/api/summary")["counts"] == before


def test_places_use_coded_event_places(client):
    rows = get(client, "/api/places")["rows"]
    coded = [r for r in rows if r["place"]]
    assert coded and all(r["lat"] is not None and -90 <= r["lat"] <= 90 for r in coded)
    assert all(r["lat"] is None for r in rows if not r["place"])
