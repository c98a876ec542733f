"""Exports (GDELT 1.0, ICEWS, PLOVER, CSV, Parquet, GEXF) and the GDELT importer, on the project's own articles."""
import csv
import datetime as dt
import gzip
import json
import re
import shutil
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

import duckdb
import pytest
from typer.testing import CliRunner

from tacitus.cli import app
from tacitus.export import (GDELT1_COLUMNS, GDELT2_COLUMNS, ICEWS_COLUMNS, ExportError, import_gdelt,
                            stable_event_id, write_csv, write_gdelt, write_gexf, write_icews, write_parquet,
                            write_plover)
from tacitus.store import Store, ingest
from tacitus.store.schema import EVENT_COLUMNS

ROOT = Path(__file__).resolve().parent.parent
INPUTS = [str(ROOT / "tests" / "gold" / "own.jsonl"), str(ROOT / "examples" / "gulf_talks.txt")]
PLOVER_CATEGORIES = {"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
                     "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"}
runner = CliRunner()


@pytest.fixture(scope="module")
def store(coder):
    s = Store(":memory:")
    stats, problems = ingest(s, coder, INPUTS, date=dt.date(2019, 6, 14))
    assert stats.events > 20 and not [p for p in problems if p.fatal]
    yield s
    s.close()


@pytest.fixture(scope="module")
def events(store):
    cols, rows = store.query("SELECT * FROM events")
    return [dict(zip(cols, r)) for r in rows]


@pytest.fixture(scope="module")
def db_file(store, tmp_path_factory):
    """The same store as a file, for the CLI."""
    path = tmp_path_factory.mktemp("db") / "store.duckdb"
    store.con.execute(f"ATTACH '{path}' AS f")
    store.con.execute("COPY FROM DATABASE memory TO f")
    store.con.execute("DETACH f")
    return path


def find(events, source, target, code):
    found = [e for e in events if (e["source"], e["target"], e["code"]) == (source, target, code)]
    assert found, f"fixture event {source} {code} {target} not coded"
    return found[0]


# -- GDELT 1.0 -------------------------------------------------------------------------------------------------
def gdelt_rows(path):
    return [dict(zip(GDELT1_COLUMNS, line.split("\t")))
            for line in path.read_text(encoding="utf-8").split("\n") if line]


def test_gdelt_column_lists():
    assert len(GDELT1_COLUMNS) == len(set(GDELT1_COLUMNS)) == 58 and len(GDELT2_COLUMNS) == 61
    assert GDELT1_COLUMNS[:6] == ["GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate", "Actor1Code"]
    assert GDELT1_COLUMNS[25:35] == ["IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass",
                                     "GoldsteinScale", "NumMentions", "NumSources", "NumArticles", "AvgTone"]
    assert GDELT1_COLUMNS[-9:] == ["ActionGeo_Type", "ActionGeo_FullName", "ActionGeo_CountryCode",
                                   "ActionGeo_ADM1Code", "ActionGeo_Lat", "ActionGeo_Long", "ActionGeo_FeatureID",
                                   "DATEADDED", "SOURCEURL"]
    assert GDELT2_COLUMNS[35:40] == ["Actor1Geo_Type", "Actor1Geo_FullName", "Actor1Geo_CountryCode",
                                     "Actor1Geo_ADM1Code", "Actor1Geo_ADM2Code"]


def test_gdelt_rows_have_58_fields_dates_and_string_codes(store, events, tmp_path):
    out = tmp_path / "events.CSV"
    result = write_gdelt(store, out)
    lines = out.read_text(encoding="utf-8").split("\n")
    assert lines[-1] == "" and len(lines) - 1 == len(events) == result.rows
    assert all(len(line.split("\t")) == 58 for line in lines[:-1])
    by_id = {stable_event_id(e["event_id"]): e for e in events}
    assert len(by_id) == len(events)  # ids are unique
    rows = gdelt_rows(out)
    for row in rows:
        e = by_id[int(row["GLOBALEVENTID"])]
        assert row["SQLDATE"] == e["date"].strftime("%Y%m%d") and re.fullmatch(r"\d{8}", row["SQLDATE"])
        assert row["MonthYear"] == row["SQLDATE"][:6] and row["Year"] == row["SQLDATE"][:4]
        assert (row["EventCode"], row["EventBaseCode"], row["EventRootCode"]) == (e["code"], e["code"][:3],
                                                                                  e["code"][:2])
        assert (row["Actor1Code"], row["Actor2Code"]) == (e["source"], e["target"])
        assert float(row["GoldsteinScale"]) == e["goldstein"] and row["QuadClass"] == str(e["quad_class"])
        assert (row["NumMentions"], row["NumSources"], row["NumArticles"], row["AvgTone"]) == ("1", "1", "1", "")
        if e.get("place_name"):  # the event's place fills ActionGeo (ISO3 country codes)
            assert row["ActionGeo_Type"] in ("1", "3", "4", "5") and row["ActionGeo_FullName"] == e["place_name"]
            assert float(row["ActionGeo_Lat"]) == round(e["latitude"], 4) or row["ActionGeo_Lat"]
            assert row["ActionGeo_CountryCode"] == e["place_country"]
        else:
            assert row["ActionGeo_Type"] == "0" and row["ActionGeo_FullName"] == "" and row["ActionGeo_Lat"] == ""
        assert re.fullmatch(r"\d{8}", row["DATEADDED"])
    assert any(row["EventCode"].startswith("0") for row in rows)
    japan = find(events, "JPN", "YEM", "0333")
    row = next(r for r in rows if int(r["GLOBALEVENTID"]) == stable_event_id(japan["event_id"]))
    assert (row["SQLDATE"], row["EventCode"], row["EventBaseCode"], row["EventRootCode"]) == \
        ("20190614", "0333", "033", "03")
    assert (row["Actor1CountryCode"], row["Actor2Name"], row["SOURCEURL"]) == ("JPN", "Yemen", "gulf_talks.txt")
    talks = find(events, "IRN", "ARE", "040")
    row = next(r for r in rows if int(r["GLOBALEVENTID"]) == stable_event_id(talks["event_id"]))
    assert (row["EventCode"], row["EventBaseCode"], row["EventRootCode"]) == ("040", "040", "04")
    # IsRootEvent: exactly one event per eventful sentence
    sentences = {(e["doc_id"], e["sentence_index"]) for e in events}
    assert sum(r["IsRootEvent"] == "1" for r in rows) == len(sentences)


def test_gdelt_header_actor_fields_and_date_filter(store, events, tmp_path):
    out = tmp_path / "h.tsv"
    result = write_gdelt(store, out, start="2019-01-01", end="2019-06-30", header=True)
    lines = out.read_text(encoding="utf-8").splitlines()
    assert lines[0].split("\t") == GDELT1_COLUMNS
    expected = [e for e in events if dt.date(2019, 1, 1) <= e["date"] <= dt.date(2019, 6, 30)]
    assert result.rows == len(lines) - 1 == len(expected) > 0
    rows = [dict(zip(GDELT1_COLUMNS, line.split("\t"))) for line in lines[1:]]
    assert all("20190101" <= r["SQLDATE"] <= "20190630" for r in rows)
    zarif = next(r for r in rows if r["Actor1Code"] == "IRNGOV" and r["EventCode"] == "112")
    assert (zarif["Actor1CountryCode"], zarif["Actor1Type1Code"], zarif["Actor2Type1Code"]) == ("IRN", "GOV", "GOV")
    eu = next(r for r in rows if r["Actor1Code"] == "IGOEUR")
    assert (eu["Actor1KnownGroupCode"], eu["Actor1Type1Code"], eu["Actor1CountryCode"]) == ("EUR", "IGO", "")
    with pytest.raises(ExportError):
        write_gdelt(store, tmp_path / "x", start="2019-07-01", end="2019-01-01")


def test_dedupe_exports_one_row_per_cluster_with_counts(coder, tmp_path):
    from tacitus.store.analytics import rebuild_clusters

    copy = tmp_path / "gulf_talks_copy.txt"
    shutil.copy(ROOT / "examples" / "gulf_talks.txt", copy)
    with Store(":memory:") as s:
        ingest(s, coder, [INPUTS[1], str(copy)], date=dt.date(2019, 6, 14))
        n_events = s.counts()["events"]
        assert rebuild_clusters(s) == n_events // 2
        all_rows = write_gdelt(s, tmp_path / "all.tsv").rows
        result = write_gdelt(s, tmp_path / "dedupe.tsv", dedupe=True)
        rows = gdelt_rows(tmp_path / "dedupe.tsv")
    assert all_rows == n_events and result.rows == len(rows) == n_events // 2
    assert {(r["NumMentions"], r["NumSources"], r["NumArticles"]) for r in rows} == {("2", "2", "2")}


# -- ICEWS -----------------------------------------------------------------------------------------------------
def test_icews_header_and_known_event(store, events, tmp_path):
    out = tmp_path / "events.tab"
    write_icews(store, out)
    lines = out.read_text(encoding="utf-8").splitlines()
    assert lines[0].split("\t") == ICEWS_COLUMNS and len(ICEWS_COLUMNS) == 20
    assert len(lines) - 1 == len(events) and all(len(line.split("\t")) == 20 for line in lines)
    rows = [dict(zip(ICEWS_COLUMNS, line.split("\t"))) for line in lines[1:]]
    japan = find(events, "JPN", "YEM", "0333")
    row = next(r for r in rows if r["Event ID"] == str(stable_event_id(japan["event_id"])))
    assert row["Event Date"] == "2019-06-14" and row["CAMEO Code"] == "0333"
    assert (row["Source Name"], row["Source Country"], row["Target Country"]) == ("Japan", "Japan", "Yemen")
    assert row["Event Text"] == "Express intent to provide humanitarian aid" and row["Intensity"] == "5.2"
    assert row["Story ID"] == "gulf_talks.txt" and row["Sentence Number"] == str(japan["sentence_index"] + 1)
    zarif = next(r for r in rows if r["Source Name"] == "Mohammad Javad Zarif")
    assert (zarif["Source Sectors"], zarif["Source Country"]) == ("Government", "Iran")
    assert any(r["Latitude"] for r in rows)  # events with a place carry it
    assert all((r["Latitude"] == "") == (r["Longitude"] == "") for r in rows)


# -- PLOVER ----------------------------------------------------------------------------------------------------
def test_plover_records_and_roots_01_02_skipped(store, events, tmp_path):
    out = tmp_path / "events.jsonl"
    result = write_plover(store, out)
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    no_plover = [e for e in events if e["root_code"] in ("01", "02")]
    assert no_plover and result.rows == len(records) == len(events) - len(no_plover)
    assert result.skipped == {root: sum(e["root_code"] == root for e in no_plover)
                              for root in {e["root_code"] for e in no_plover}}
    for r in records:
        assert {"id", "date", "actor", "recipient", "event", "quad_code", "mode", "context", "text",
                "doc_id"} <= set(r)
        assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", r["date"]) and r["event"][0] in PLOVER_CATEGORIES
        assert r["cameo"]["code"][:2] not in ("01", "02") and r["quad_code"] in (1, 2, 3, 4)
        assert {"code", "sector", "entity_text"} <= set(r["actor"][0]) and len(r["recipient"][0]["code"]) == 3
    japan = find(events, "JPN", "YEM", "0333")
    rec = next(r for r in records if r["id"] == japan["event_id"])
    assert rec["event"] == ["AGREE"] and rec["context"] == ["humanitarian"] and rec["quad_code"] == 1
    assert (rec["actor"][0]["code"], rec["recipient"][0]["code"]) == ("JPN", "YEM")
    assert "Japan pledged" in rec["text"] and rec["doc_id"] == "gulf_talks.txt"
    zarif = next(r for r in records if r["actor"][0]["cameo_code"] == "IRNGOV" and r["event"] == ["ACCUSE"])
    assert (zarif["actor"][0]["code"], zarif["actor"][0]["sector"]) == ("IRN", "GOV")


# -- CSV and Parquet -------------------------------------------------------------------------------------------
def test_csv_round_trip(store, events, tmp_path):
    out = tmp_path / "events.csv"
    result = write_csv(store, out)
    with out.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert result.rows == len(rows) == len(events)
    assert list(rows[0]) == EVENT_COLUMNS
    assert {r["event_id"]: r["code"] for r in rows} == {e["event_id"]: e["code"] for e in events}
    n = duckdb.connect().execute(f"SELECT count(*) FROM read_csv('{out}', all_varchar=true)").fetchone()[0]
    assert n == len(events)


def test_parquet_single_file_and_partitioned(store, events, tmp_path):
    single = tmp_path / "events.parquet"
    assert write_parquet(store, single).rows == len(events)
    con = duckdb.connect()
    codes = con.execute(f"SELECT event_id, code FROM read_parquet('{single}')").fetchall()
    assert dict(codes) == {e["event_id"]: e["code"] for e in events}

    parts = tmp_path / "by_month"
    assert write_parquet(store, parts, partition=True).rows == len(events)
    assert (parts / "year=2019" / "month=6").is_dir() and (parts / "year=2017" / "month=9").is_dir()
    months = {(e["date"].year, e["date"].month) for e in events}
    assert len(list(parts.glob("year=*/month=*"))) == len(months)
    n, jun = con.execute(f"SELECT count(*), count(*) FILTER (WHERE year = 2019 AND month = 6) FROM "
                        f"read_parquet('{parts}/**/*.parquet', hive_partitioning=true)").fetchone()
    assert n == len(events) and jun == sum((e["date"].year, e["date"].month) == (2019, 6) for e in events)
    with pytest.raises(ExportError, match="not an empty directory"):
        write_parquet(store, parts, partition=True)


# -- GEXF ------------------------------------------------------------------------------------------------------
def test_gexf_actor_graph(store, events, tmp_path):
    out = tmp_path / "actors.gexf"
    write_gexf(store, out)
    root = ET.parse(out).getroot()
    ns = {"g": "http://gexf.net/1.3"}
    assert root.tag == "{http://gexf.net/1.3}gexf" and root.get("version") == "1.3"
    graph = root.find("g:graph", ns)
    assert graph.get("defaultedgetype") == "directed"
    nodes = {n.get("id") for n in graph.iterfind("g:nodes/g:node", ns)}
    edges = {(e.get("source"), e.get("target")): e for e in graph.iterfind("g:edges/g:edge", ns)}
    assert nodes == {e["source"] for e in events} | {e["target"] for e in events}
    assert set(edges) == {(e["source"], e["target"]) for e in events}
    assert sum(float(e.get("weight")) for e in edges.values()) == len(events)
    titles = {a.get("id"): a.get("title") for a in graph.iterfind("g:attributes[@class='edge']/g:attribute", ns)}
    for (source, target), edge in edges.items():
        dyad = [e["goldstein"] for e in events if (e["source"], e["target"]) == (source, target)]
        values = {titles[v.get("for")]: v.get("value") for v in edge.iterfind("g:attvalues/g:attvalue", ns)}
        assert float(edge.get("weight")) == len(dyad)
        assert float(values["mean_goldstein"]) == pytest.approx(sum(dyad) / len(dyad), abs=1e-3)
    assert ("IRN", "ARE") in edges
    japan = next(n for n in graph.iterfind("g:nodes/g:node", ns) if n.get("id") == "JPN")
    node_titles = {a.get("id"): a.get("title") for a in graph.iterfind("g:attributes[@class='node']/g:attribute",
                                                                       ns)}
    attrs = {node_titles[v.get("for")]: v.get("value") for v in japan.iterfind("g:attvalues/g:attvalue", ns)}
    assert (attrs["name"], attrs["country"], attrs["country_name"]) == ("Japan", "JPN", "Japan")


# -- GDELT import ----------------------------------------------------------------------------------------------
def gdelt_line(columns, **values):
    defaults = {"GLOBALEVENTID": "1", "SQLDATE": "20190614", "MonthYear": "201906", "Year": "2019",
                "FractionDate": "2019.4521", "Actor1Code": "IRN", "Actor2Code": "ARE", "IsRootEvent": "1",
                "EventCode": "040", "EventBaseCode": "040", "EventRootCode": "04", "QuadClass": "1",
                "GoldsteinScale": "1.0", "NumMentions": "4", "NumSources": "1", "NumArticles": "4",
                "AvgTone": "-1.5", "Actor1Geo_Type": "4", "Actor1Geo_Lat": "23.6", "DATEADDED": "20190615",
                "SOURCEURL": "https://example.org/a"}
    defaults.update(values)
    return "\t".join(defaults.get(c, "") for c in columns)


def test_import_gdelt_1_and_2_with_malformed_lines(tmp_path):
    v1 = tmp_path / "20190614.export.CSV"
    v1.write_text("\n".join([
        gdelt_line(GDELT1_COLUMNS, GLOBALEVENTID="101", EventCode="0251", EventBaseCode="025", EventRootCode="02"),
        gdelt_line(GDELT1_COLUMNS, GLOBALEVENTID="102"),
        "101\t20190614\tthis line is cut short",
        gdelt_line(GDELT1_COLUMNS[:57], GLOBALEVENTID="103"),  # a pre-2013 backfile line: no SOURCEURL
    ]) + "\n", encoding="utf-8")
    v2 = tmp_path / "20190614151500.export.CSV.gz"
    with gzip.open(v2, "wt", encoding="utf-8") as fh:
        fh.write(gdelt_line(GDELT2_COLUMNS, GLOBALEVENTID="201", Actor1Geo_ADM2Code="IR07") + "\n")
        fh.write(gdelt_line(GDELT2_COLUMNS, GLOBALEVENTID="202", GoldsteinScale="high") + "\n")
        fh.write(gdelt_line(GDELT2_COLUMNS, GLOBALEVENTID="203", EventCode="190") + "\n")
    v2zip = tmp_path / "20190614153000.export.CSV.zip"
    with zipfile.ZipFile(v2zip, "w") as z:
        z.writestr("20190614153000.export.CSV", gdelt_line(GDELT2_COLUMNS, GLOBALEVENTID="301") + "\n")
    problems = []
    with Store(":memory:") as s:
        stats = import_gdelt(s, [v1, v2, v2zip], on_problem=problems.append)
        assert (stats.rows, stats.rows_v1, stats.rows_v2, stats.malformed) == (6, 3, 3, 2)
        assert [str(p.where) for p in problems] == [f"{v1}:3", f"{v2}:2"]
        assert "3 fields" in problems[0].reason and "GoldsteinScale" in problems[1].reason
        cols, rows = s.query("SELECT GLOBALEVENTID, EventCode, EventRootCode, gdelt_version, SOURCEURL, "
                             "Actor1Geo_ADM2Code, GoldsteinScale FROM gdelt_events ORDER BY 1")
        got = {r[0]: r for r in rows}
        assert sorted(got) == [101, 102, 103, 201, 203, 301]
        assert got[101][1:4] == ("0251", "02", 1) and got[103][4] is None and got[102][4] == "https://example.org/a"
        assert got[201][3] == 2 and got[201][5] == "IR07" and got[201][6] == 1.0
        types = dict(s.query("SELECT column_name, data_type FROM information_schema.columns "
                             "WHERE table_name = 'gdelt_events'")[1])
        assert types["EventCode"] == "VARCHAR" and types["GLOBALEVENTID"] == "BIGINT"
        assert list(types)[:61] == GDELT2_COLUMNS
        # importing the same file again replaces its rows
        import_gdelt(s, [v1])
        assert s.query("SELECT count(*) FROM gdelt_events")[1][0][0] == 6


def test_import_reports_missing_and_corrupt_files(tmp_path):
    bad = tmp_path / "broken.CSV.gz"
    bad.write_bytes(b"not gzip at all")
    with Store(":memory:") as s:
        stats = import_gdelt(s, [tmp_path / "missing.CSV", bad])
    assert stats.failed_files == 2 and stats.rows == 0
    assert [p.where for p in stats.problems] == [str(tmp_path / "missing.CSV"), str(bad)]


def test_export_then_import_round_trip(store, events, tmp_path):
    out = tmp_path / "ours.export.CSV"
    write_gdelt(store, out)
    with Store(":memory:") as s:
        stats = import_gdelt(s, [out])
        codes = s.query("SELECT GLOBALEVENTID, EventCode FROM gdelt_events")[1]
    assert stats.rows == len(events) and stats.malformed == 0
    assert dict(codes) == {stable_event_id(e["event_id"]): e["code"] for e in events}


# -- CLI -------------------------------------------------------------------------------------------------------
@pytest.mark.parametrize("fmt,name", [("gdelt", "e.CSV"), ("icews", "e.tab"), ("plover", "e.jsonl"),
                                      ("csv", "e.csv"), ("parquet", "e.parquet"), ("gexf", "e.gexf")])
def test_cli_export_formats(db_file, events, tmp_path, fmt, name):
    out = tmp_path / name
    result = runner.invoke(app, ["export", fmt, "--db", str(db_file), "--output", str(out)])
    assert result.exit_code == 0, result.output
    assert out.is_file() and out.stat().st_size > 0
    assert "wrote" in result.stderr


def test_cli_export_partition_and_errors(db_file, tmp_path):
    out = tmp_path / "parts"
    result = runner.invoke(app, ["export", "parquet", "--db", str(db_file), "-o", str(out), "--partition",
                                 "--start", "2019-01-01"])
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in out.iterdir()) == ["year=2019"]
    result = runner.invoke(app, ["export", "gdelt", "--db", str(tmp_path / "none.duckdb"), "-o", str(out)])
    assert result.exit_code == 2 and "no store" in result.stderr
    result = runner.invoke(app, ["export", "gdelt", "--db", str(db_file), "-o", "x", "--start", "June"])
    assert result.exit_code == 2 and "date" in result.stderr
    result = runner.invoke(app, ["export", "gdelt", "--db", str(db_file), "-o", str(tmp_path / "no" / "x")])
    assert result.exit_code == 1 and "cannot write" in result.stderr
    result = runner.invoke(app, ["export", "gdelt", "--db", str(db_file), "-o", "-", "--start", "2019-06-14",
                                 "--end", "2019-06-14"])
    assert result.exit_code == 0 and all(len(line.split("\t")) == 58 for line in result.stdout.splitlines())


def test_cli_import_gdelt(tmp_path):
    src = tmp_path / "g.CSV"
    src.write_text(gdelt_line(GDELT1_COLUMNS, GLOBALEVENTID="7") + "\nbroken\n", encoding="utf-8")
    db = tmp_path / "g.duckdb"
    result = runner.invoke(app, ["import-gdelt", str(src), "--db", str(db)])
    assert result.exit_code == 1
    assert f"{src}:2" in result.stderr and "imported 1 GDELT event" in result.stderr
    with Store(db, read_only=True) as s:
        assert s.query("SELECT GLOBALEVENTID, EventCode FROM gdelt_events")[1] == [(7, "040")]
