import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("TACITUS_SHARED", ROOT.parent / "shared"))


@pytest.fixture(scope="session")
def coder():
    from tacitus import Coder

    return Coder()


@pytest.fixture(scope="session")
def code(coder):
    """code(text, date) -> list of (source, target, code) triples."""

    def run(text, date="2016-06-01"):
        return coder.code(text, date=date)

    return run


def triples(events):
    return {(e.source, e.target, e.code) for e in events}


def roots(events):
    return {(e.source, e.target, e.root_code) for e in events}


# -- a small store built once from the project's fixture articles, for the web tests ----------------------
FIXTURE_ARTICLES = [ROOT / "tests" / "gold" / "own.jsonl", ROOT / "examples" / "gulf_talks.txt"]


@pytest.fixture(scope="session")
def db_path(coder, tmp_path_factory):
    import datetime as dt

    from tacitus.store import Store, ingest

    path = tmp_path_factory.mktemp("web") / "fixtures.duckdb"
    with Store(path) as store:
        stats, problems = ingest(store, coder, [str(p) for p in FIXTURE_ARTICLES], date=dt.date(2019, 6, 14))
    assert stats.events > 20 and not problems
    return str(path)


@pytest.fixture(scope="module")
def app(db_path):
    from tacitus.web import create_app

    return create_app(db_path)


@pytest.fixture(scope="module")
def client(app):
    from fastapi.testclient import TestClient

    with TestClient(app) as c:
        yield c


def get(client, url, status=200, **params):
    r = client.get(url, params=params)
    assert r.status_code == status, (url, params, r.text)
    return r.json()
