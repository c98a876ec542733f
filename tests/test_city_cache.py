"""The gazetteer's city table is cached between runs, and the cached table gives the same places."""
import pytest

import tacitus.events.places as places_module


@pytest.fixture
def places(monkeypatch, tmp_path):
    monkeypatch.setenv("TACITUS_CACHE_DIR", str(tmp_path / "cache"))  # read on each load
    return places_module


NAMES = ["Aleppo", "Kiev", "Raqqah", "Paris", "Mosul", "Gaza", "Springfield"]


def test_first_load_writes_the_cache_and_the_second_reads_it(places, tmp_path):
    first = places.Gazetteer.load()
    files = list((tmp_path / "cache").glob("cities5000-*.tsv"))
    assert len(files) == 1 and files[0].stat().st_size > 1_000_000
    second = places.Gazetteer.load()
    assert len(second.cities) == len(first.cities) > 100_000
    for name in NAMES:
        assert second.lookup(name) == first.lookup(name), name
    assert second.lookup("Aleppo").country == "SYR"


def test_an_unwritable_cache_directory_only_costs_time(monkeypatch, tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("not a directory")
    monkeypatch.setenv("TACITUS_CACHE_DIR", str(blocker / "sub"))
    g = places_module.Gazetteer.load()
    assert g.lookup("Aleppo").country == "SYR"
    assert not (blocker / "sub").exists()
