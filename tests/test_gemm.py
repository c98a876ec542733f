"""The matrix-product choice changes speed only: the parse is the same with BLIS and with numpy's BLAS."""
from tacitus.nlp import load_english_model
from tacitus.nlp.gemm import faster_gemm, use_faster_gemm

TEXTS = [
    "Russia and China vetoed two U.N. resolutions on Syria on Saturday, diplomats said.",
    "Israeli air strikes killed 10 militants in the Gaza Strip, the army said in a statement.",
    "\"We will not back down,\" the president's spokeswoman told reporters at the White House on Monday.",
    "Protesters threw stones at police near Tahrir Square, and officers fired tear gas to disperse them.",
]


def _parse(nlp):
    return [[(t.tag_, t.pos_, t.dep_, t.head.i, t.lemma_) for t in doc] for doc in nlp.pipe(TEXTS)]


def test_same_parse_with_either_matrix_product():
    blis, fast = load_english_model(), load_english_model()
    assert use_faster_gemm(blis, "blis") == "blis"
    assert use_faster_gemm(fast, "numpy") == "numpy"
    models = [c.model for _, c in fast.pipeline if getattr(c, "model", None) is not None]
    assert models and all(not n.ops.use_blis for m in models for n in m.walk())
    assert _parse(fast) == _parse(blis)


def test_the_measured_choice_is_stable():
    assert faster_gemm() in ("blis", "numpy")
    assert faster_gemm() == faster_gemm()
