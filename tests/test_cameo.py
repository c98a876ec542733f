import pytest

from tacitus import explain
from tacitus.errors import UnknownCodeError
from tacitus.ontology import load_cameo_table


def test_table_covers_cameo_with_consistent_parents_and_quads():
    table = load_cameo_table()
    assert len(table) >= 300
    roots = {c.code for c in table if len(c.code) == 2}
    assert roots == {f"{i:02d}" for i in range(1, 21)}
    for c in table:
        if c.parent:
            assert c.parent in table, c.code
        assert -10 <= c.goldstein <= 10
        expected_quad = 1 if c.root <= "05" else 2 if c.root <= "08" else 3 if c.root <= "13" else 4
        assert c.quad_class == expected_quad, c.code


@pytest.mark.parametrize("code,name,goldstein", [
    ("129", "Veto", -5.0), ("0241", None, None), ("195", None, -10.0), ("040", None, 1.0), ("163", None, -8.0),
])
def test_known_facts(code, name, goldstein):
    c = load_cameo_table()[code]
    if name:
        assert c.name == name
    if goldstein is not None:
        assert c.goldstein == goldstein


def test_explain_describes_code_and_accepts_names():
    text = explain("129")
    assert "Veto" in text and "-5.0" in text and "Verbal Conflict" in text and "12  Reject" in text
    assert explain("veto") == text
    assert "Children:" in explain("02")


def test_unknown_code_is_a_numbered_error():
    with pytest.raises(UnknownCodeError, match=r"\[T004\]"):
        explain("999")


def test_explain_accepts_plover_event_types():
    text = explain("ASSAULT")
    assert text.startswith("ASSAULT  (PLOVER event type)") and "180" in text and "Material Conflict" in text
    assert explain("CONSULT").startswith("CONSULT  (PLOVER")
    assert explain("consult").startswith("04  Consult")  # a lower-case name is CAMEO's
