"""The web layer beyond the endpoints: read-only store, timeouts, concurrency, pages, assets, the serve command."""
import json
import re
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

fastapi = pytest.importorskip("fastapi")
from fastapi.testclient import TestClient  # noqa: E402


ROOT = Path(__file__).resolve().parent.parent
FIXTURES = [ROOT / "tests" / "gold" / "own.jsonl", ROOT / "examples" / "gulf_talks.txt"]
STATIC = ROOT / "tacitus" / "web" / "static"


from conftest import get  # noqa: E402  (fixtures db_path, app, client live in conftest.py)


def test_store_is_opened_read_only(app):
    import duckdb

    with pytest.raises(duckdb.Error):
        app.state.db.store.con.execute("DELETE FROM events")


def test_query_timeout(db_path):
    from tacitus.web.db import Database
    from tacitus.web.errors import QueryTimeout

    db = Database(db_path, timeout=0.2)
    try:
        with pytest.raises(QueryTimeout):
            db.call(lambda s: s.scalar("SELECT count(*) FROM range(1000000000000) a, range(10) b"))
        assert db.call(lambda s: s.scalar("SELECT count(*) FROM events")) > 0  # the store still answers
    finally:
        db.close()


def test_timeout_and_crash_become_json(db_path):
    from tacitus.web import create_app

    app = create_app(db_path, query_timeout=0.2)

    @app.get("/slow")
    def slow():
        return app.state.db.call(lambda s: s.scalar("SELECT count(*) FROM range(1000000000000) a"))

    @app.get("/crash")
    def crash():
        raise RuntimeError("secret detail")

    with TestClient(app, raise_server_exceptions=False) as c:
        r = c.get("/slow")
        assert r.status_code == 503 and r.json()["error"] == "query timeout"
        r = c.get("/crash")
        assert r.status_code == 500 and r.json() == {"status": 500, "error": "internal error",
                                                     "message": "internal error"}
        assert "secret" not in r.text


def test_missing_store_is_refused(tmp_path):
    from tacitus.store import StoreError
    from tacitus.web import create_app

    with pytest.raises(StoreError):
        create_app(str(tmp_path / "missing.duckdb"))


def test_concurrent_requests_on_a_real_server(db_path):
    import urllib.request

    from tacitus.web.server import background_server

    with background_server(db_path) as url:
        def fetch(i):
            path = ["/api/events?actor=RUS", "/api/timeline", "/api/network", "/api/quadclass?actor=IRN"][i % 4]
            with urllib.request.urlopen(url + path, timeout=30) as r:
                return path, r.status, json.load(r)

        with ThreadPoolExecutor(max_workers=8) as pool:
            results = list(pool.map(fetch, range(48)))
    assert all(status == 200 for _, status, _ in results)
    for path in {p for p, _, _ in results}:
        answers = [json.dumps(body, sort_keys=True) for p, _, body in results if p == path]
        assert len(set(answers)) == 1, path


# -- pages -----------------------------------------------------------------------------------------------------
def test_dashboard_and_docs_pages(client):
    r = client.get("/")
    assert r.status_code == 200 and "text/html" in r.headers["content-type"] and "Tacitus" in r.text
    for src in re.findall(r'(?:src|href)="(/static/[^"]+)"', r.text):
        assert client.get(src).status_code == 200, src
    docs = client.get("/docs")
    assert docs.status_code == 200 and "/api/events" in docs.text and "/api/timeline" in docs.text
    assert not re.search(r"(src|href)=['\"](https?:)?//", docs.text + r.text)  # nothing from the network
    spec = get(client, "/openapi.json")
    assert {"/api/events", "/api/events/{event_id}", "/api/documents/{doc_id}", "/api/timeline", "/api/quadclass",
            "/api/network", "/api/actors/top", "/api/summary"} <= set(spec["paths"])


def test_static_assets_are_offline():
    for path in STATIC.iterdir():
        text = path.read_text(encoding="utf-8").replace("http://www.w3.org/2000/svg", "")  # a namespace name
        assert not re.search(r"(https?:)?//[a-z0-9.-]+\.[a-z]{2,}/", text, re.I), path.name


def test_centroids_cover_every_country():
    import yaml

    centroids = json.loads((STATIC / "centroids.json").read_text(encoding="utf-8"))
    assert "approximate" in centroids["about"].lower()
    countries = yaml.safe_load((ROOT / "tacitus" / "data" / "actors" / "countries.yaml").read_text())
    for c in countries:
        lat, lon = centroids["centroids"][c["code"]]
        assert -90 <= lat <= 90 and -180 <= lon <= 180, c["code"]


def test_serve_command(tmp_path):
    from typer.testing import CliRunner

    from tacitus.cli import app as cli

    runner = CliRunner()
    result = runner.invoke(cli, ["serve", "--help"])
    assert result.exit_code == 0 and "--port" in result.output and "127.0.0.1" in result.output
    result = runner.invoke(cli, ["serve", "--db", str(tmp_path / "missing.duckdb")])
    assert result.exit_code == 2
