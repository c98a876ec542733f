import datetime as dt

import pytest

from tacitus.actors.dictionary import ActorDictionary
from tacitus.errors import DataFileError


@pytest.fixture(scope="module")
def dictionary():
    return ActorDictionary.packaged()


def test_packaged_dictionary_is_broad(dictionary):
    assert len(dictionary.countries) >= 240
    assert len(dictionary.people) >= 100
    assert {"RUS", "SYR", "PSE", "KOS", "USA"} <= set(dictionary.countries)
    kinds = {e.kind for e in dictionary.entries}
    assert {"country", "adjective", "capital", "seat", "organisation", "person"} <= kinds


@pytest.mark.parametrize("phrase,kind,code", [
    ("Qatari", "adjective", "QAT"), ("Damascus", "capital", "SYR"), ("the Kremlin", "seat", "RUS"),
    ("Burma", "country", "MMR"), ("Arab League", "organisation", "IGOARL"), ("NATO", "organisation", "IGONAT"),
])
def test_lookup(dictionary, phrase, kind, code):
    assert any(e.kind == kind and e.code == code for e in dictionary.find(phrase))


def test_people_roles_are_date_bounded(dictionary):
    putin = next(p for p in dictionary.people if p.name.startswith("Vladimir Putin"))
    assert putin.role_on(dt.date(2009, 6, 1)).code == "RUSGOV"
    assert "rime" in putin.role_on(dt.date(2009, 6, 1)).title  # Prime Minister in 2009
    assert "resident" in putin.role_on(dt.date(2015, 6, 1)).title
    lavrov = next(p for p in dictionary.people if p.name == "Sergei Lavrov")
    assert lavrov.role_on(dt.date(2003, 1, 1)) is None or lavrov.role_on(dt.date(2003, 1, 1)).title != "Foreign Minister"
    assert lavrov.role_on(dt.date(2012, 3, 10)).code == "RUSGOV"


def test_user_file_extends_the_dictionary(tmp_path):
    f = tmp_path / "mine.yaml"
    f.write_text("""
people:
  - name: Jane Example
    aliases: [Jane Example]
    roles:
      - {code: FRAGOV, title: Minister, from: "2020-01-01", to: null}
roles:
  MIL: [legionnaire]
""", encoding="utf-8")
    d = ActorDictionary.packaged()
    d.add_file(f)
    assert d.find("Jane Example")[0].person.role_on(dt.date(2021, 1, 1)).code == "FRAGOV"
    assert d.role_of("legionnaire") == "MIL"


@pytest.mark.parametrize("content,message", [
    ("people: [{name: X, roles: [{code: bad, title: t}]}]", "not an actor code"),
    ("people: [{name: X, roles: [{code: FRAGOV, from: '2020-13-01'}]}]", "not a date"),
    ("people: [{name: X, roles: [{code: FRAGOV, from: '2020-02-01', to: '2019-01-01'}]}]", "ends"),
    ("roles: {XYZ: [thing]}", "not a CAMEO sector"),
    ("countries: [{code: RUSS, name: Russia}]", "three letters"),
    ("nonsense: []", "unknown top-level keys"),
    ("people: [unclosed", "not valid YAML"),
])
def test_bad_user_files_name_the_file_and_entry(tmp_path, content, message):
    f = tmp_path / "bad.yaml"
    f.write_text(content, encoding="utf-8")
    with pytest.raises(DataFileError, match=message) as info:
        ActorDictionary.packaged().add_file(f)
    assert "bad.yaml" in str(info.value) and "[T001]" in str(info.value)
