"""In-document coreference, our own and deliberately simple.

Three kinds of later mention are linked back to an actor named earlier in the
same article:

* short forms of organisations: "the League" after "Arab League", "the
  council" after "Security Council" (the ``short`` lists of organisations.yaml);
* names of people first introduced in full or with a title: "Kim" after "Kim
  Jong Un", "Sheikh Hamad" after "Qatari Prime Minister Sheikh Hamad bin Jassim
  al-Thani", "Patten" after "Pramila Patten, the U.N. special representative";
* "he"/"she" as the subject of a clause: the most recent person actor; "the
  president", "the minister": the last person who held such a title;
* "they" as the subject of an action verb: the last plural subject that named
  one actor ("Syrian rebels ... They attacked ...");
* "it" as the subject of an action verb: the last organisation or country that
  was a subject ("The committee said it has invited ..."); "his"/"her": the
  last person;
* bare definite descriptions: "the coalition", "the group" refer to the last
  coded phrase with the same noun; "the rebels", "the troops", "the police"
  to the last actor of that sector.

Resolved mentions are added to the mention index as ``coref`` entries, so
the resolver treats them like dictionary names.
"""
from __future__ import annotations

import datetime as dt

from spacy.tokens import Doc

from .mentions import Mention
from .resolve import ActorResolver
from .types import DictionaryEntry

_PERSON_PRONOUNS = {"he", "she"}
#: "the president", "the minister": a definite title stands for the last person holding such a title.
_TITLE_WORDS = {"president", "minister", "premier", "king", "queen", "emir", "chancellor", "secretary",
                "ambassador", "envoy", "leader", "spokesman", "spokeswoman", "governor", "senator", "speaker",
                "commander", "general", "prince", "sultan", "pope", "secretary-general", "president-elect"}
_SUBJECT_DEPS = {"nsubj", "nsubjpass"}
HONORIFICS = {"sheikh", "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.", "president", "minister", "king",
              "prince", "general", "gen.", "emir", "sultan", "premier", "chancellor", "senator", "sen.", "ayatollah"}


def add_coreference(doc: Doc, index: dict[int, Mention], resolver: ActorResolver, day: dt.date | None) -> None:
    short_heads = {}
    for phrase, code in resolver.dictionary.short_forms.items():
        words = phrase.split()
        if len(words) == 2 and words[0] == "the":
            short_heads.setdefault(words[1], code)
    seen_orgs: set[str] = set()
    titled_names: dict[str, tuple[str, str]] = {}  # lower name token -> (code, canonical text)
    last_person: tuple[str, str] | None = None
    last_by_title: dict[str, tuple[str, str]] = {}
    last_collective: tuple[str, str] | None = None  # last organisation/country subject, for "it"
    last_by_noun: dict[str, tuple[str, str]] = {}  # "coalition" -> the last coalition that was coded
    last_by_sector: dict[str, tuple[str, str]] = {}  # "MIL" -> the last military actor
    last_plural: tuple[str, str] | None = None  # the last plural subject with one code, for "they"
    for tok in doc:
        m = index.get(tok.i)
        if tok.dep_ in _SUBJECT_DEPS and tok.tag_ in ("NNS", "NNPS") and not any(c.dep_ == "conj" for c in tok.children):
            plural = resolver.resolve(tok, index, day)
            if len(plural) == 1:  # "Syrian rebels ...", "the Houthis ..."
                last_plural = (plural[0].code, plural[0].name)
        if m is not None:
            if m.kind == "organisation":
                seen_orgs.add(m.entry.code)
            if m.kind in ("organisation", "country", "capital", "seat", "region") and tok.i == m.end - 1 and \
                    tok.dep_ in _SUBJECT_DEPS:
                code = m.entry.code + ("GOV" if m.kind in ("capital", "seat", "region") else "")
                last_collective = (code, m.entry.name)
            if m.kind == "person" and tok.i == m.end - 1:
                role = m.entry.person.role_on(day)
                if role is not None:
                    last_person = (role.code, m.entry.name)
                    for word in role.title.lower().replace("-", " ").split():
                        if word in _TITLE_WORDS:
                            last_by_title[word] = last_person
                    if m.end - m.start > 1:  # "Kim" after "Kim Jong Un", "Moon" after "Moon Jae-in"
                        names = [t for t in doc[m.start:m.end] if t.is_alpha and t.text[0].isupper()]
                        for t in (names[:1] + names[-1:]):
                            titled_names.setdefault(t.lower_, last_person)
            continue
        low = tok.lower_
        if low in short_heads and short_heads[low] in seen_orgs and (tok.text[0].isupper() or
                                                                     _has_definite_article(tok)):
            _link(index, tok.i, short_heads[low], tok.text)
        elif tok.pos_ == "PROPN" and low in titled_names and all(
                c.lower_ in HONORIFICS for c in tok.children if c.dep_ == "compound"):
            code, name = titled_names[low]
            _link(index, tok.i, code, name)
            last_person = (code, name)
        elif (low in last_by_title and tok.pos_ in ("NOUN", "PROPN") and _has_definite_article(tok)
              and not any(c.dep_ in ("amod", "compound", "poss") and (c.i in index or c.pos_ == "PROPN")
                          for c in tok.children)
              and not any(c.dep_ == "prep" for c in tok.children)):
            _link(index, tok.i, *last_by_title[low])
        elif low in _PERSON_PRONOUNS and tok.dep_ in _SUBJECT_DEPS and last_person is not None:
            _link(index, tok.i, *last_person)
        elif low in ("his", "her") and tok.dep_ == "poss" and last_person is not None:
            _link(index, tok.i, *last_person)
        elif tok.pos_ == "NOUN" and tok.dep_ in _NP_DEPS:
            lemma = tok.lemma_.lower()
            if _is_bare_definite(tok, index):
                antecedent = last_by_noun.get(lemma)
                sector = resolver.dictionary.roles.get(lemma)
                if antecedent is None and sector in _DEFINITE_SECTORS:
                    antecedent = last_by_sector.get(sector)
                if antecedent is not None:
                    _link(index, tok.i, *antecedent)
                continue
            found = resolver.resolve(tok, index, day)
            if found and len(found) == 1 and ("role+" in found[0].how or "proxy+" in found[0].how):
                a = found[0]
                if a.how.endswith("dateline"):
                    continue
                last_by_noun[lemma] = (a.code, a.name)
                if a.role:
                    last_by_sector[a.role] = (a.code, a.name)
                if lemma in _PERSON_NOUNS and tok.tag_ == "NN":  # "a senior U.N. official said she ..."
                    last_person = (a.code, a.name)
        elif low == "they" and tok.dep_ in _SUBJECT_DEPS and last_plural is not None and _reports(tok):
            _link(index, tok.i, *last_plural)
        elif low == "it" and tok.dep_ == "nsubj" and last_collective is not None and _reports(tok):
            _link(index, tok.i, *last_collective)
        elif tok.pos_ == "PROPN" and tok.dep_ != "compound" and tok.ent_type_ in ("", "PERSON") \
                and not ({tok.lemma_.lower(), low, low.rstrip("s")} & resolver.dictionary.roles.keys()):
            found = resolver.resolve(tok, index, day)
            if found and ("role+" in found[0].how or "proxy+" in found[0].how) and found[0].role in ("GOV", "MIL", "OPP", "LEG",
                                                                                "JUD", "REB", "PTY"):
                names = [t for t in tok.subtree if t.pos_ == "PROPN" and t.i <= tok.i and
                         (t.i not in index or index[t.i].kind == "person")]
                canonical = " ".join(t.text for t in names)
                for t in names:
                    if t.lower_ not in HONORIFICS and t.lower_ not in resolver.dictionary.roles:
                        titled_names[t.lower_] = (found[0].code, canonical)
                    elif t.lower_ in _TITLE_WORDS:
                        last_by_title[t.lower_] = (found[0].code, canonical)
                last_person = (found[0].code, canonical)


_PERSON_NOUNS = {"official", "spokesman", "spokeswoman", "spokesperson", "envoy", "minister", "diplomat",
                 "ambassador", "commander", "leader", "president", "chief", "head", "negotiator", "adviser"}
_NP_DEPS = {"nsubj", "nsubjpass", "dobj", "pobj", "conj", "appos", "dative", "attr"}
#: sectors whose bare definite description ("the rebels", "the troops") refers back to the last such actor
_DEFINITE_SECTORS = {"MIL", "REB", "COP", "OPP", "LEG", "SPY"}
_DEFINITE_DETERMINERS = {"the", "these", "this", "those"}


def _is_bare_definite(tok, index) -> bool:
    """ "the rebels", "the coalition": a definite noun with nothing that would name its owner."""
    if not any(c.dep_ == "det" and c.lower_ in _DEFINITE_DETERMINERS for c in tok.children):
        return False
    for c in tok.children:
        if c.dep_ in ("amod", "compound", "poss", "nmod") and (c.i in index or c.pos_ == "PROPN"):
            return False
        if c.dep_ == "prep" and c.lower_ in ("of", "in", "from"):
            return False
    return True


def _reports(tok) -> bool:
    """ "it" is an actor only as the subject of a clause reporting or doing something, not "it is time"."""
    head = tok.head
    return head.pos_ == "VERB" and head.lemma_ not in ("be", "seem", "appear", "take", "remain", "become", "rain")


def _has_definite_article(tok) -> bool:
    return any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children)


def _link(index: dict[int, Mention], i: int, code: str, name: str) -> None:
    index[i] = Mention(i, i + 1, DictionaryEntry(phrase="", kind="coref", code=code, name=name))
