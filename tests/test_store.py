import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tacitus.cli import app
from tacitus.store import Store, StoreError, ingest
from tacitus.store.analytics import actors_top, dyads, network, rebuild_clusters, timeline

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = [str(ROOT / "tests" / "gold" / "own.jsonl"), str(ROOT / "examples" / "gulf_talks.txt")]


@pytest.fixture(scope="module")
def store(coder):
    s = Store(":memory:")
    ingest(s, coder, FIXTURES)
    rebuild_clusters(s)
    return s


def test_ingest_fills_every_table(store):
    counts = store.counts()
    assert counts["documents"] == 13 and counts["events"] > 40 and counts["sentences"] > 80
    assert counts["actors"] > 20 and counts["clusters"] > 0 and counts["rejects"] == 0
    cols, rows = store.query("SELECT doc_id, n_events FROM documents WHERE doc_id = 'gulf_talks.txt'")
    assert rows and rows[0][1] > 5


def test_reingest_is_idempotent_and_changed_documents_are_replaced(coder, tmp_path):
    s = Store(":memory:")
    f = tmp_path / "a.jsonl"
    f.write_text(json.dumps({"id": "a1", "text": "France condemned Iran.", "date": "2019-01-02"}) + "\n")
    first, _ = ingest(s, coder, [str(f)])
    second, _ = ingest(s, coder, [str(f)])
    assert (first.coded, second.coded, second.unchanged) == (1, 0, 1)
    assert s.counts()["events"] == 1
    f.write_text(json.dumps({"id": "a1", "text": "France praised Iran. Germany criticised Iran.",
                             "date": "2019-01-02"}) + "\n")
    third, _ = ingest(s, coder, [str(f)])
    assert third.replaced == 1
    _, rows = s.query("SELECT source, code FROM events ORDER BY event_id")
    assert [(r[0], r[1][:2]) for r in rows] == [("FRA", "05"), ("DEU", "11")]


def test_rejects_are_recorded(coder, tmp_path):
    s = Store(":memory:")
    f = tmp_path / "b.jsonl"
    f.write_text('{"id": "ok", "text": "France condemned Iran."}\n{broken\n')
    stats, problems = ingest(s, coder, [str(f), str(tmp_path / "missing.txt")])
    assert stats.coded == 1
    _, rows = s.query("SELECT origin, reason FROM rejects ORDER BY origin")
    assert [r[0].rsplit("/", 1)[-1] for r in rows] == ["b.jsonl:2", "missing.txt"]
    assert any(p.where.endswith("b.jsonl:2") for p in problems)


def test_analytics(store):
    d = dyads(store, period="year")
    assert {"source", "target", "period", "events", "goldstein_mean", "q1", "q4"} <= set(d.columns)
    assert d["events"].sum() == store.counts()["events"]
    top = actors_top(store, n=3)
    assert len(top) == 3 and top["events"].is_monotonic_decreasing
    t = timeline(store, dyad="USA:RUS", period="year")
    assert t["events"].sum() >= 2
    assert timeline(store, actor="RUS")["events"].sum() >= t["events"].sum()
    g = network(store, min_events=2)
    assert all(data["weight"] >= 2 for _, _, data in g.edges(data=True))
    with pytest.raises(StoreError):
        timeline(store, period="fortnight")
    with pytest.raises(StoreError):
        dyads(store, dyad="RUS")


def test_clusters_link_repeated_reports(coder):
    s = Store(":memory:")
    docs = [{"doc_id": f"r{i}", "text": "Russia condemned Ukraine on Monday.", "date": f"2018-11-{26 + i}"}
            for i in range(3)]
    docs.append({"doc_id": "late", "text": "Russia condemned Ukraine again.", "date": "2018-12-20"})
    from tacitus import Document
    from tacitus.document import parse_date

    batch = list(coder.code_many([Document(text=d["text"], doc_id=d["doc_id"], date=parse_date(d["date"]))
                                  for d in docs]))
    s.write_batch(batch)
    assert rebuild_clusters(s, window_days=3) == 2
    _, rows = s.query("SELECT num_mentions, num_articles, root_event_id FROM clusters ORDER BY first_date")
    assert rows[0][:2] == (3, 3) and rows[0][2] == "r0#0" and rows[1][:2] == (1, 1)
    assert dyads(s, dedupe=True)["events"].sum() == 2 and dyads(s)["events"].sum() == 4


def test_store_cli_commands(tmp_path):
    runner = CliRunner()
    db = tmp_path / "t.duckdb"
    result = runner.invoke(app, ["ingest", *FIXTURES, "--db", str(db), "-q"])
    assert result.exit_code == 0, result.output
    assert "13 coded" in result.stderr
    again = runner.invoke(app, ["ingest", FIXTURES[0], "--db", str(db), "-q"])
    assert "12 unchanged" in again.stderr
    out = runner.invoke(app, ["query", "SELECT count(*) AS n FROM documents", "--db", str(db), "-f", "jsonl"])
    assert json.loads(out.stdout)["n"] == 13
    out = runner.invoke(app, ["dyads", "--db", str(db), "--period", "year", "-f", "csv"])
    assert out.exit_code == 0 and out.stdout.startswith("source,target,period,events")
    out = runner.invoke(app, ["timeline", "--db", str(db), "--dyad", "USA:RUS", "-f", "jsonl"])
    assert out.exit_code == 0 and json.loads(out.stdout.splitlines()[0])["events"] >= 1
    out = runner.invoke(app, ["actors-top", "--db", str(db), "-n", "2", "-f", "csv"])
    assert len(out.stdout.strip().splitlines()) == 3
    out = runner.invoke(app, ["network", "--db", str(db), "--min-events", "2", "-f", "csv"])
    assert out.exit_code == 0 and out.stdout.startswith("source,target,weight")
    parquet = tmp_path / "events.parquet"
    out = runner.invoke(app, ["query", "SELECT * FROM events", "--db", str(db), "-f", "parquet", "-o", str(parquet)])
    assert out.exit_code == 0 and parquet.stat().st_size > 0
    bad = runner.invoke(app, ["query", "SELEC nonsense", "--db", str(db)])
    assert bad.exit_code == 1 and "query failed" in bad.stderr
    missing = runner.invoke(app, ["dyads", "--db", str(tmp_path / "none.duckdb")])
    assert missing.exit_code == 2 and "no store" in missing.stderr


def test_a_store_being_written_gives_a_clear_message(tmp_path):
    import subprocess
    import sys
    import time

    db = tmp_path / "busy.duckdb"
    Store(db).close()
    holder = subprocess.Popen([sys.executable, "-c", f"import duckdb, time; c = duckdb.connect({str(db)!r}); "
                                                     "print('ready', flush=True); time.sleep(30)"],
                              stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "ready"
        with pytest.raises(StoreError, match="being written by another process"):
            Store(db, read_only=True)
    finally:
        holder.kill()
        holder.wait()
    time.sleep(0.1)
    with Store(db, read_only=True) as s:  # once the writer is gone, readers are welcome
        assert s.counts()["events"] == 0


def test_the_source_of_each_date_is_recorded(coder, tmp_path):
    s = Store(":memory:")
    (tmp_path / "a.jsonl").write_text(json.dumps({"id": "r", "text": "France condemned Iran.", "date": "2019-01-02"})
                                      + "\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("PARIS, Jan. 3 (Reuters) - France condemned Iran.", encoding="utf-8")
    (tmp_path / "c.txt").write_text("France condemned Iran.", encoding="utf-8")
    import datetime as dt

    ingest(s, coder, [str(tmp_path / n) for n in ("a.jsonl", "b.txt", "c.txt")], date=dt.date(2019, 1, 5))
    _, rows = s.query("SELECT doc_id, date, date_source FROM documents ORDER BY doc_id")
    assert rows == [("b.txt", dt.date(2019, 1, 3), "dateline"), ("c.txt", dt.date(2019, 1, 5), "option"),
                    ("r", dt.date(2019, 1, 2), "record")]
