"""The Dask engine: a 2-process LocalCluster codes the same store as the single-process ingest, resumes from its
markers without recoding or duplicating, and writes Parquet partitioned by date."""
import json
import shutil
from pathlib import Path

import duckdb
import pytest
from typer.testing import CliRunner

from tacitus.cli import app
from tacitus.scale import ScaleError
from tacitus.scale.cluster import dask_client
from tacitus.scale.dask_engine import ingest_dask, warm_workers
from tacitus.scale.parquet_out import marker_path
from tacitus.store import Store, ingest
from tacitus.store.analytics import rebuild_clusters

distributed = pytest.importorskip("distributed")

CORPUS = Path(__file__).resolve().parent / "fixtures" / "scale_news.jsonl"  # 20 short articles written for this
PARTITION = 6  # 20 documents -> 4 partitions, so both workers get work


@pytest.fixture(scope="module")
def client():
    cluster = distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None)
    c = distributed.Client(cluster)
    try:
        warm_workers(c, {})
        yield c
    finally:
        c.close()
        cluster.close()


@pytest.fixture(scope="module")
def inputs(tmp_path_factory):
    """The corpus, plus a file with a malformed line and one good article (rejects must match too)."""
    extra = tmp_path_factory.mktemp("inputs") / "extra.jsonl"
    extra.write_text('{"doc_id": "broken", "text": \n'
                     + json.dumps({"doc_id": "extra-1", "text": "Greece and Turkey held talks on Cyprus.",
                                   "date": "2016-03-06"}) + "\n", encoding="utf-8")
    return [str(CORPUS), str(extra)]


@pytest.fixture(scope="module")
def local_db(client, inputs, tmp_path_factory):
    """The single-process ingest, with a Coder loaded when the workers load theirs (the same code and data)."""
    from tacitus import Coder

    path = tmp_path_factory.mktemp("local") / "local.duckdb"
    with Store(path) as store:
        ingest(store, Coder(), inputs)
        rebuild_clusters(store)
    return path


def run(client, db, run_dir, inputs, **kw):
    with Store(db) as store:
        result = ingest_dask(store, client, inputs, run_dir, {}, partition_size=PARTITION, **kw)
        rebuild_clusters(store)
    return result


def tables(db) -> dict[str, list[tuple]]:
    """Every stored row, without the columns that depend on when it was written."""
    con = duckdb.connect(str(db), read_only=True)
    try:
        return {
            "documents": con.execute("SELECT * EXCLUDE (ingested_at) FROM documents ORDER BY doc_id").fetchall(),
            "sentences": con.execute("SELECT * FROM sentences ORDER BY ALL").fetchall(),
            "events": con.execute("SELECT * FROM events ORDER BY event_id").fetchall(),
            "clusters": con.execute("SELECT * FROM clusters ORDER BY cluster_id").fetchall(),
            "actors": con.execute("SELECT * FROM actors ORDER BY code").fetchall(),
            "rejects": con.execute("SELECT origin, reason FROM rejects ORDER BY ALL").fetchall(),
        }
    finally:
        con.close()


@pytest.fixture(scope="module")
def dask_run(client, inputs, tmp_path_factory):
    base = tmp_path_factory.mktemp("dask")
    stats, problems, progress = run(client, base / "dask.duckdb", base / "run", inputs)
    return base / "dask.duckdb", base / "run", stats, problems, progress


def test_distributed_store_equals_single_process_ingest(local_db, dask_run):
    db, _, stats, problems, progress = dask_run
    local, dist = tables(local_db), tables(db)
    assert len(local["documents"]) == 21 and len(local["events"]) > 20
    for table in local:
        assert dist[table] == local[table], table
    assert (stats.read, stats.coded, stats.unchanged, stats.events) == (21, 21, 0, len(local["events"]))
    assert len(problems) == 1 and problems[0].where.endswith("extra.jsonl:1") and "malformed JSON" in problems[0].reason
    assert progress.partitions_done == 4 and progress.partitions_skipped == 0 and len(progress.partitions_coded) == 4


def test_parquet_is_partitioned_by_date(dask_run):
    db, run_dir, *_ = dask_run
    for table in ("documents", "sentences", "events"):
        folders = sorted(p.name for p in (run_dir / table).iterdir())
        assert "date=2016-03-01" in folders and "date=undated" in folders, (table, folders)
    con = duckdb.connect()
    # the date inside every file agrees with its folder; undated rows sit in date=undated
    rows = con.execute(f"""SELECT filename, date FROM read_parquet('{run_dir}/*/date=*/*.parquet',
                           filename = true, hive_partitioning = false, union_by_name = true)
                           WHERE filename NOT LIKE '%/sentences/%'""").fetchall()
    assert rows
    for filename, date in rows:
        folder = Path(filename).parent.name
        assert folder == f"date={date.isoformat() if date else 'undated'}", (filename, date)
    undated = con.execute(f"SELECT doc_id FROM read_parquet('{run_dir}/documents/date=undated/*.parquet') "
                          "ORDER BY doc_id").fetchall()
    assert undated == [("scale-19",), ("scale-20",)]
    # the directory can be queried as a whole, with the folder as a hive partition key
    n = con.execute(f"SELECT count(*) FROM read_parquet('{run_dir}/events/*/*.parquet', hive_partitioning = true) "
                    "WHERE date = '2016-03-02'").fetchone()[0]
    stored = duckdb.connect(str(db), read_only=True)
    assert n > 0 and n == stored.execute("SELECT count(*) FROM events WHERE date = '2016-03-02'").fetchone()[0]
    stored.close()
    markers = [json.loads(p.read_text()) for p in (run_dir / "_done").glob("*.json")]
    assert len(markers) == 4 and sum(m["documents"] for m in markers) == 21
    assert all(m["seconds"] > 0 and m["files"] for m in markers)


def test_rerun_into_the_same_store_changes_nothing(client, dask_run, inputs):
    db, run_dir, *_ = dask_run
    before = tables(db)
    stats, problems, progress = run(client, db, run_dir, inputs)
    assert progress.partitions_skipped == 4 and progress.partitions_coded == []
    assert (stats.coded, stats.unchanged) == (0, 21)
    assert tables(db) == before


def test_resume_recodes_only_unfinished_partitions(client, inputs, local_db, tmp_path):
    db, run_dir = tmp_path / "first.duckdb", tmp_path / "run"
    _, _, first = run(client, db, run_dir, inputs)
    pids = sorted(first.partitions_coded)
    lost, half = pids[0], pids[1]
    # `lost` crashed before writing anything: no marker, no files
    for f in run_dir.glob(f"*/date=*/part-{lost}.parquet"):
        f.unlink()
    marker_path(run_dir, lost).unlink()
    # `half` crashed after its files but before its marker (and left a temporary behind)
    marker_path(run_dir, half).unlink()
    stray = next(run_dir.glob(f"events/date=*/part-{half}.parquet")).with_name(f".part-{half}.999.tmp")
    stray.write_bytes(b"partial")
    kept = {p: marker_path(run_dir, p).stat().st_mtime_ns for p in pids if p not in (lost, half)}

    # the crash also happened before the import: the store to fill is empty
    stats, problems, progress = run(client, tmp_path / "resumed.duckdb", run_dir, inputs)
    assert sorted(progress.partitions_coded) == sorted([lost, half])
    assert progress.partitions_skipped == 2
    assert {p: marker_path(run_dir, p).stat().st_mtime_ns for p in kept} == kept  # not recoded
    assert not stray.exists()
    resumed = tables(tmp_path / "resumed.duckdb")
    assert resumed == tables(local_db)  # same events as the local ingest: none lost, none twice
    assert len({row[0] for row in resumed["events"]}) == len(resumed["events"])
    assert len(list(run_dir.glob("events/date=*/*.parquet"))) == len(list(run_dir.glob("events/date=*/part-*")))


def test_cli_ingest_with_the_dask_engine(client, inputs, local_db, tmp_path):
    db, parts = tmp_path / "cli.duckdb", tmp_path / "parts"
    result = CliRunner().invoke(app, ["ingest", *inputs, "--db", str(db), "--engine", "dask",
                                      "--scheduler", client.scheduler.address, "--parquet-dir", str(parts),
                                      "--partition-size", "8", "--allow-rejects"])
    assert result.exit_code == 0, result.output
    assert "2 Dask worker(s)" in result.stderr
    assert "21 read, 21 coded (0 replaced), 0 unchanged, 1 rejected" in result.stderr
    assert len(list((parts / "_done").glob("*.json"))) == 3
    assert tables(db) == tables(local_db)


def test_local_engine_refuses_dask_options(tmp_path):
    result = CliRunner().invoke(app, ["ingest", str(CORPUS), "--db", str(tmp_path / "x.duckdb"),
                                      "--scheduler", "tcp://127.0.0.1:8786"])
    assert result.exit_code == 2 and "need --engine dask" in result.stderr


def test_unreachable_scheduler_is_a_numbered_error():
    with pytest.raises(ScaleError) as info:
        with dask_client("tcp://127.0.0.1:9", connect_timeout=1):
            pass
    assert "[T007] cannot connect to scheduler tcp://127.0.0.1:9" in str(info.value)


def test_changed_document_replaces_its_rows(client, dask_run, tmp_path):
    db, run_dir, *_ = dask_run
    copy = tmp_path / "copy.duckdb"
    shutil.copy(db, copy)
    records = [json.loads(line) for line in CORPUS.read_text(encoding="utf-8").splitlines()]
    records[0]["text"] = "France praised Egypt for its mediation."
    changed = tmp_path / "changed.jsonl"
    changed.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    before = tables(copy)

    stats, _, progress = run(client, copy, run_dir, [str(changed)])
    assert (stats.read, stats.coded, stats.replaced, stats.unchanged) == (20, 1, 1, 19)
    # partitions: 1 coded (only its changed document is sent), 2 done in the first run, and the last one (now
    # without extra.jsonl's article, so a new id) not sent at all since its documents are stored unchanged
    assert len(progress.partitions_coded) == 1 and progress.partitions_skipped == 2
    assert progress.partitions_done == 4 and progress.documents_done == 20
    after = tables(copy)
    con = duckdb.connect(str(copy), read_only=True)
    assert con.execute("SELECT DISTINCT source, target FROM events WHERE doc_id = 'scale-01'").fetchall() == \
        [("FRA", "EGY")]
    con.close()
    assert [e for e in after["events"] if e[1] != "scale-01"] == [e for e in before["events"] if e[1] != "scale-01"]
    assert len(after["documents"]) == len(before["documents"])


def test_a_run_directory_the_client_cannot_see_is_a_clear_error(client, tmp_path, monkeypatch):
    from tacitus.scale import dask_engine

    monkeypatch.setattr(dask_engine, "read_marker", lambda run_dir, pid: None)  # as if on another machine's disk
    with Store(tmp_path / "x.duckdb") as store, pytest.raises(ScaleError) as info:
        ingest_dask(store, client, [str(CORPUS)], tmp_path / "run", {}, partition_size=10)
    assert "[T007]" in str(info.value) and "shared file system" in str(info.value)
