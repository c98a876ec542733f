import csv
import io
import json

import pytest
from typer.testing import CliRunner

from tacitus.cli import app

runner = CliRunner()

EXPECTED_TYPES = {
    "doc_id": str, "sentence_index": int, "sentence": str, "sentence_start": int, "sentence_end": int,
    "source": str, "source_text": str, "target": str, "target_text": str, "code": str, "root_code": str,
    "goldstein": float, "quad_class": int, "rule": str, "date": str,
}


@pytest.fixture()
def inputs(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text("Russia and China vetoed the U.N. Security Council resolution.", encoding="utf-8")
    jl = tmp_path / "batch.jsonl"
    jl.write_text("\n".join([
        json.dumps({"id": "r1", "text": "France criticised Iran on Monday.", "date": "2019-01-02"}),
        "{not json",
        json.dumps({"doc_id": "r3", "title": "no text"}),
        json.dumps({"doc_id": "r4", "text": "Israel attacked Hamas militants in Gaza.", "date": "2014-07-08"}),
    ]) + "\n", encoding="utf-8")
    return tmp_path, good, jl


def test_jsonl_output_fields_present_and_typed(inputs):
    _, good, _ = inputs
    result = runner.invoke(app, ["code", str(good), "--format", "jsonl", "--date", "2012-03-10", "-q"])
    assert result.exit_code == 0, result.output
    events = [json.loads(line) for line in result.stdout.splitlines() if line.strip()]
    assert {(e["source"], e["target"], e["code"]) for e in events} >= {("RUS", "IGOUNO", "129"),
                                                                     ("CHN", "IGOUNO", "129")}
    for e in events:
        for field, typ in EXPECTED_TYPES.items():
            assert isinstance(e[field], typ), (field, e[field])
        assert e["doc_id"] == "good.txt" and e["date"] == "2012-03-10"


def test_bad_records_are_reported_with_line_and_the_rest_is_coded(inputs):
    tmp, good, jl = inputs
    result = runner.invoke(app, ["code", str(jl), str(tmp / "missing.txt"), str(good), "-f", "jsonl"])
    assert result.exit_code == 1
    err = result.stderr
    assert f"{jl}:2: malformed JSON" in err
    assert f"{jl}:3: has no 'text'" in err
    assert "missing.txt: no such file" in err
    ids = {json.loads(line)["doc_id"] for line in result.stdout.splitlines() if line.strip()}
    assert {"r1", "r4", "good.txt"} <= ids


def test_empty_and_non_utf8_files(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_text("  \n", encoding="utf-8")
    latin = tmp_path / "latin1.txt"
    latin.write_bytes("Fran\xe7ois said France condemned Syria's government.".encode("latin-1"))
    result = runner.invoke(app, ["code", str(empty), str(latin), "-f", "jsonl"])
    assert result.exit_code == 1
    assert "empty.txt: is empty" in result.stderr
    assert "latin1.txt: is not valid UTF-8" in result.stderr
    events = [json.loads(line) for line in result.stdout.splitlines() if line.strip()]
    assert any(e["doc_id"] == "latin1.txt" and e["source"] == "FRA" for e in events)


def test_csv_output_has_header_and_rows(inputs):
    _, good, _ = inputs
    result = runner.invoke(app, ["code", str(good), "--format", "csv", "-q"])
    assert result.exit_code == 0
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert rows and rows[0]["code"] == "129" and rows[0]["source"] in ("RUS", "CHN")


def test_table_output_and_stdin(inputs):
    result = runner.invoke(app, ["code", "-", "--date", "2012-03-10"],
                           input="Russia and China vetoed the U.N. Security Council resolution.\n")
    assert result.exit_code == 0
    assert "RUS" in result.stdout and "Veto" in result.stdout and "IGOUNO" in result.stdout


def test_explain_command():
    result = runner.invoke(app, ["explain", "0241"])
    assert result.exit_code == 0 and "0241" in result.stdout and "Parent:     024" in result.stdout
    result = runner.invoke(app, ["explain", "--list"])
    assert result.exit_code == 0 and len(result.stdout.splitlines()) >= 300
    assert runner.invoke(app, ["explain", "999"]).exit_code == 1


def test_bad_date_option_is_a_usage_error(inputs):
    _, good, _ = inputs
    result = runner.invoke(app, ["code", str(good), "--date", "yesterday-ish"])
    assert result.exit_code == 2 and "--date" in result.stderr


def test_every_command_is_documented_in_the_readme():
    from pathlib import Path

    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    for command in app.registered_commands:
        name = command.name or command.callback.__name__
        assert f"tacitus {name}" in readme, name


def test_actors_command_shows_dated_resolution():
    result = runner.invoke(app, ["actors", "Putin", "--date", "2009-06-01"])
    assert result.exit_code == 0
    assert "-> RUSGOV" in result.stdout and "* RUSGOV   Prime Minister" in result.stdout
    result = runner.invoke(app, ["actors", "Syrian rebels"])
    assert result.exit_code == 0 and "SYRREB" in result.stdout and "role+adjective" in result.stdout
    result = runner.invoke(app, ["actors", "Hillary Clinton", "--date", "2019-01-01"])
    assert result.exit_code == 1 and "not resolved" in result.stdout


def test_actors_list_prints_the_dictionary():
    result = runner.invoke(app, ["actors", "--list", "--kind", "seat"])
    assert result.exit_code == 0
    assert "seat\tthe Kremlin\tRUS\tRussia" in result.stdout
