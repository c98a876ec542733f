"""The model's attribute rules and lemmatizer, compiled into lookup tables.

Why: in ``en_core_web_sm`` the ``attribute_ruler`` (tag map and exceptions, run
through a token Matcher) and the rule ``lemmatizer`` (a Python call per token)
cost as much time as the parser itself. Their results depend only on a
token's tag, lower form, dependency label and whitespace (attributes) and on
its text, POS and morphology (lemma), so Tacitus computes each distinct key
once and reads whole columns with ``Doc.to_array``/``Doc.from_array``.

The output is identical to the two original components (tested token by token
in ``tests/test_fast_rules.py``). A model whose rules use anything this module
does not understand keeps its original components: :func:`compile_rules`
returns ``None`` and nothing changes.
"""
from __future__ import annotations

import logging
import re

import numpy
from spacy.attrs import DEP, IS_SPACE, LEMMA, LOWER, MORPH, ORTH, POS, TAG
from spacy.language import Language
from spacy.pipeline import Lemmatizer
from spacy.tokens import Doc

log = logging.getLogger("tacitus")

#: Token attributes a compiled pattern may test, in the order of the lookup key.
_KEY_ATTRS = ("TAG", "LOWER", "DEP", "IS_SPACE")
_OUTPUT_ATTRS = {"POS", "MORPH", "LEMMA", "TAG", "DEP"}
_UNIVERSAL_POS = ("adj", "adp", "adv", "aux", "cconj", "conj", "det", "intj", "noun", "num", "part", "pron", "propn",
                  "punct", "sconj", "sym", "verb", "x")
#: Lookup caches are emptied when they grow past this many keys (memory stays bounded on any corpus: a few MiB each).
_CACHE_LIMIT = 50_000


class _Rule:
    """One attribute-ruler entry: token tests, the attributes it sets, and which token gets them."""

    __slots__ = ("order", "specs", "tests", "attrs", "index")

    def __init__(self, order: int, specs: list[dict], attrs: dict, index: int):
        self.order, self.specs, self.attrs, self.index = order, specs, attrs, index
        self.tests = [_compile_test(t) for t in specs]


def _compile_test(spec: dict):
    """A token test ``{"TAG": "VBZ", "LOWER": {"IN": [...]}}`` as a predicate over the key tuple."""
    checks = []
    for attr, value in spec.items():
        if attr not in _KEY_ATTRS:
            raise ValueError(attr)
        pos = _KEY_ATTRS.index(attr)
        if isinstance(value, dict):
            if set(value) == {"IN"}:
                allowed = frozenset(value["IN"])
                checks.append(lambda key, p=pos, a=allowed: key[p] in a)
            elif set(value) == {"REGEX"}:
                regex = re.compile(value["REGEX"])
                checks.append(lambda key, p=pos, r=regex: bool(r.search(str(key[p]))))
            elif set(value) == {"NOT_IN"}:
                banned = frozenset(value["NOT_IN"])
                checks.append(lambda key, p=pos, b=banned: key[p] not in b)
            else:
                raise ValueError(value)
        else:
            checks.append(lambda key, p=pos, v=value: key[p] == v)
    return lambda key: all(check(key) for check in checks)


class CompiledRules:
    """Applies an AttributeRuler's patterns and a rule Lemmatizer to a Doc with table lookups."""

    def __init__(self, nlp: Language, ruler, lemmatizer):
        self.vocab = nlp.vocab
        self.lemmatizer = lemmatizer
        self.single: list[_Rule] = []
        self.multi: list[_Rule] = []
        for order, entry in enumerate(ruler.patterns):
            attrs = dict(entry["attrs"])
            if not set(attrs) <= _OUTPUT_ATTRS:
                raise ValueError(attrs)
            for pattern in entry["patterns"]:
                rule = _Rule(order, pattern, attrs, entry["index"])
                (self.single if len(pattern) == 1 else self.multi).append(rule)
        # one-token rules by what they test on LOWER: nothing (cached per tag/dep/space), a word list
        # (looked up by the token's lower form) or a regex/negation (few; always tested)
        self._lower_free = [r for r in self.single if "LOWER" not in r.specs[0]]
        self._lower_index: dict[str, list[_Rule]] = {}
        self._lower_other: list[_Rule] = []
        for rule in self.single:
            value = rule.specs[0].get("LOWER")
            if value is None:
                continue
            words = [value] if isinstance(value, str) else value.get("IN") if isinstance(value, dict) else None
            if words is None:
                self._lower_other.append(rule)
            else:
                for word in words:
                    self._lower_index.setdefault(word, []).append(rule)
        self._free_cache: dict[tuple, list[_Rule]] = {}
        self._single_cache: dict[tuple, dict] = {}
        self._shared: dict[tuple, dict] = {}
        self._lemma_cache: dict[tuple, str] = {}
        self._multi_cache: dict[tuple, frozenset] = {}
        self._strings = nlp.vocab.strings
        self._index = self._exceptions = self._rules = None
        if type(lemmatizer).rule_lemmatize is Lemmatizer.rule_lemmatize:  # the stock rule algorithm: mirror it
            tables = lemmatizer.lookups
            index, exc, rules = (tables.get_table(name, {}) for name in ("lemma_index", "lemma_exc", "lemma_rules"))
            # the tables are keyed by string hashes: read them through .get with each universal POS name
            self._index = {p: set(index.get(p) or ()) for p in _UNIVERSAL_POS if index.get(p)}
            self._exceptions = {p: exc.get(p) for p in _UNIVERSAL_POS if exc.get(p)}
            self._rules = {p: rules.get(p) for p in _UNIVERSAL_POS if rules.get(p)}

    def _single_rules(self, key: tuple) -> list[_Rule]:
        """The one-token rules that match ``key``, in rule order."""
        free_key = (key[0], key[2], key[3])
        free = self._free_cache.get(free_key)
        if free is None:
            free = [r for r in self._lower_free if r.tests[0](key)]
            self._free_cache[free_key] = free
        rules = free + [r for r in self._lower_index.get(key[1], []) + self._lower_other if r.tests[0](key)]
        return sorted(rules, key=lambda r: r.order)

    def _single(self, key: tuple) -> dict:
        """The merged attributes of every one-token rule matching ``key``, later rules winning."""
        found = self._single_cache.get(key)
        if found is None:
            found = {}
            for rule in self._single_rules(key):
                found.update(rule.attrs)
            # most keys share one of a few hundred attribute sets: keep one copy of each
            found = self._shared.setdefault(tuple(sorted(found.items())), found)
            if len(self._single_cache) > _CACHE_LIMIT:
                self._single_cache.clear()
            self._single_cache[key] = found
        return found

    def _lemmatize(self, token) -> str:
        """spaCy's rule lemmatizer, with its word index as a set (it is a list: a miss scanned 57,000 nouns)."""
        if self._index is None:
            return self.lemmatizer.lemmatize(token)[0]
        string = token.text
        univ_pos = token.pos_.lower()
        if univ_pos in ("", "eol", "space") or self.lemmatizer.is_base_form(token):
            return string.lower()
        index = self._index.get(univ_pos, set())
        exceptions = self._exceptions.get(univ_pos, {})
        rules = self._rules.get(univ_pos, {})
        if not (index or exceptions or rules):
            return string if univ_pos == "propn" else string.lower()
        lower = string.lower()
        forms: list[str] = []
        oov_forms = []
        for old, new in rules:
            if lower.endswith(old):
                form = lower[: len(lower) - len(old)] + new
                if not form:
                    continue
                if form in index:
                    forms.insert(0, form)
                elif not form.isalpha():
                    forms.append(form)
                else:
                    oov_forms.append(form)
        forms = list(dict.fromkeys(forms))
        for form in exceptions.get(lower, []):
            if form not in forms:
                forms.insert(0, form)
        if not forms:
            forms.extend(oov_forms)
        return forms[0] if forms else string

    def _multi_tests(self, key: tuple) -> frozenset:
        found = self._multi_cache.get(key)
        if found is None:
            found = frozenset((r, j) for r, rule in enumerate(self.multi)
                              for j, test in enumerate(rule.tests) if test(key))
            if len(self._multi_cache) > _CACHE_LIMIT:
                self._multi_cache.clear()
            self._multi_cache[key] = found
        return found

    def __call__(self, doc: Doc) -> Doc:
        n = len(doc)
        if n == 0:
            return doc
        strings = self._strings
        rows = doc.to_array([TAG, LOWER, DEP, IS_SPACE, ORTH]).tolist()
        keys = [(strings[t], strings[lo], strings[d] if d else "", bool(s)) for t, lo, d, s, _ in rows]
        per_token: list[dict] = [self._single(k) for k in keys]
        if self.multi:
            self._apply_multi(keys, per_token)
        out = numpy.zeros((n, 3), dtype="uint64")
        exceptional = []
        for i, attrs in enumerate(per_token):
            if "TAG" in attrs or "DEP" in attrs:
                exceptional.append(i)
            pos = attrs.get("POS")
            if pos is not None:
                out[i, 0] = strings.add(pos)
            morph = attrs.get("MORPH")
            if morph is not None:
                out[i, 1] = self.vocab.morphology.add(morph)
        # tokens the rules leave alone keep what the tagger set
        keep = doc.to_array([POS, MORPH])
        unset_pos = out[:, 0] == 0
        out[unset_pos, 0] = keep[unset_pos, 0]
        unset_morph = out[:, 1] == 0
        out[unset_morph, 1] = keep[unset_morph, 1]
        for i in exceptional:  # whitespace tokens: TAG/DEP fixes, set one by one (rare)
            attrs = per_token[i]
            if "TAG" in attrs:
                doc[i].tag_ = attrs["TAG"]
            if "DEP" in attrs and doc[i].dep_ != attrs["DEP"]:
                doc[i].dep_ = attrs["DEP"]
        doc.from_array([POS, MORPH], out[:, :2].astype("uint64"))
        lemmas = out[:, 2]
        for i, (attrs, (_, _, _, _, orth)) in enumerate(zip(per_token, rows)):
            lemma = attrs.get("LEMMA")
            if lemma is None:
                key = (orth, int(out[i, 0]), int(out[i, 1]))  # hashes of strings: stable across memory zones
                lemma = self._lemma_cache.get(key)
                if lemma is None:
                    lemma = self._lemmatize(doc[i])
                    if len(self._lemma_cache) > _CACHE_LIMIT:
                        self._lemma_cache.clear()
                    self._lemma_cache[key] = lemma
            # the string is (re-)added for this doc: a hash kept from an earlier memory zone may be gone
            lemmas[i] = strings.add(lemma)
        doc.from_array([LEMMA], lemmas.reshape(n, 1))
        return doc

    def _apply_multi(self, keys: list[tuple], per_token: list[dict]) -> None:
        """Multi-token rules: find their matches and re-merge the touched tokens in rule order."""
        hits: dict[int, list[tuple[int, int, dict]]] = {}
        passed = [self._multi_tests(k) for k in keys]  # (rule number, token position) tests each token passes
        n = len(keys)
        for start, first in enumerate(passed):
            for r in first:
                if r[1] != 0:
                    continue
                rule = self.multi[r[0]]
                width = len(rule.tests)
                if start + width <= n and all((r[0], j) in passed[start + j] for j in range(1, width)):
                    target = start + (rule.index if rule.index >= 0 else width + rule.index)
                    hits.setdefault(target, []).append((rule.order, start, rule.attrs))
        for i, extra in hits.items():
            merged_rules = [(r.order, i, r.attrs) for r in self._single_rules(keys[i])] + extra
            merged: dict = {}
            for _, _, attrs in sorted(merged_rules, key=lambda x: (x[0], x[1])):
                merged.update(attrs)
            per_token[i] = merged


def compile_rules(nlp: Language) -> CompiledRules | None:
    """Compiled rules for ``nlp``'s attribute_ruler + rule lemmatizer, or None when they cannot be compiled."""
    if "attribute_ruler" not in nlp.pipe_names or "lemmatizer" not in nlp.pipe_names:
        return None
    lemmatizer = nlp.get_pipe("lemmatizer")
    if getattr(lemmatizer, "mode", "") != "rule" or getattr(lemmatizer, "overwrite", False):
        return None
    names = nlp.pipe_names
    if names.index("lemmatizer") != names.index("attribute_ruler") + 1:
        return None  # something runs in between and might depend on the ruler's output
    try:
        return CompiledRules(nlp, nlp.get_pipe("attribute_ruler"), lemmatizer)
    except ValueError as exc:
        log.info("attribute rules not compiled (%s); keeping spaCy's components", exc)
        return None


@Language.factory("tacitus_fast_rules", default_config={})
def make_fast_rules(nlp: Language, name: str) -> CompiledRules:
    """Compile the tables from the pipeline's own attribute_ruler and lemmatizer (see install_fast_rules)."""
    compiled = compile_rules(nlp)
    if compiled is None:
        raise ValueError("tacitus_fast_rules needs a rule lemmatizer right after an attribute_ruler it can compile")
    return compiled


def install_fast_rules(nlp: Language) -> bool:
    """Put the compiled tables in place of attribute_ruler + lemmatizer (same output); True when done."""
    if "tacitus_fast_rules" in nlp.pipe_names:
        return True
    if compile_rules(nlp) is None:
        return False
    nlp.add_pipe("tacitus_fast_rules", after="lemmatizer")
    nlp.disable_pipe("attribute_ruler")
    nlp.disable_pipe("lemmatizer")
    return True
