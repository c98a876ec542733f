import pytest

from tacitus.errors import DataFileError
from tacitus.events.patterns import PatternBook
from tacitus.ontology import load_cameo_table


@pytest.fixture(scope="module")
def book():
    return PatternBook.packaged(load_cameo_table())


def test_every_root_has_patterns(book):
    roots = {p.root for plist in book.by_verb.values() for p in plist}
    assert roots == {f"{i:02d}" for i in range(1, 21)}
    assert len(book) > 500


def test_frames_combine_framing_verb_with_framed_event(book):
    assert book.frame_code("03", "072") == "0332"   # propose arming
    assert book.frame_code("02", "0831") == "0241"  # call for X to step down
    assert book.frame_code("13", "163") == "1312"   # threaten sanctions
    assert book.frame_code("12", "04") == "125"     # refuse to meet
    assert book.frame_code("02", "19") == "020"     # no entry: generic appeal


@pytest.mark.parametrize("content,message", [
    ("- {code: '999', verbs: [x]}", "not a CAMEO code"),
    ("- {code: '129', verbs: []}", "at least one verb"),
    ("- {code: '129', verbs: [veto], colour: red}", "unknown keys"),
    ("{code: '129'}", "a pattern file is a list"),
])
def test_bad_pattern_files_are_rejected_clearly(tmp_path, content, message):
    f = tmp_path / "mine.yaml"
    f.write_text(content, encoding="utf-8")
    with pytest.raises(DataFileError, match=message):
        PatternBook.packaged(load_cameo_table()).add_file(f, load_cameo_table())


def test_user_patterns_take_part_in_coding(tmp_path):
    from tacitus import Coder

    f = tmp_path / "mine.yaml"
    f.write_text("- {code: '1246', verbs: [stonewall]}\n", encoding="utf-8")
    coder = Coder(patterns=[f])
    events = coder.code("Russia stonewalled Ukraine.")
    assert [(e.source, e.target, e.code, e.rule) for e in events] == [("RUS", "UKR", "1246", "mine#1")]
