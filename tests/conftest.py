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
