"""Turn a noun phrase of the parse into actor codes.

The head of the phrase decides: a dictionary name ("Russia", "Lavrov", "the
Kremlin") gives its code directly; a role noun ("rebels", "government",
"air strikes") takes its country or organisation from its modifiers
("Syrian rebels", "Russia's foreign ministry", "the army of Myanmar",
"militants in the Gaza Strip"); an unknown name takes a code from its title
("Qatari Prime Minister Sheikh Hamad" -> QATGOV) or from an appositive.
A phrase that cannot be coded is left uncoded, never guessed.
"""
from __future__ import annotations

import datetime as dt

from spacy.tokens import Doc, Token

from .dictionary import ActorDictionary
from .mentions import Mention
from .types import Actor

_MODIFIER_DEPS = {"compound", "amod", "poss", "nmod", "npadvmod", "flat"}
_LOCATIVE_PREPS = {"of", "in", "from"}
_RELATIVE_PRONOUNS = {"that", "which", "who", "whom", "whose"}
_TITLE_LIKE = {"spokesman", "spokeswoman", "spokesperson", "official", "leader", "chief", "head", "commander",
               "member", "representative", "source", "officer", "minister", "chairman", "director",
               "commissioner", "delegate", "envoy", "secretary"}
#: sectors whose bare nouns ("lawmakers", "police", "protesters", "teachers") are the dateline country's
_DOMESTIC_SECTORS = {"LEG", "JUD", "COP", "OPP", "PTY", "EDU", "HLH", "LAB", "CVL", "HRI", "GOV*"}
#: sectors that take the dateline country only when the story is about that country: a Reuters bureau (LONDON,
#: CAIRO, SEOUL) also files stories about its whole region, and their "activists" or "students" are not local
_STORY_SECTORS = {"CVL", "HRI", "EDU", "HLH", "LAB", "GOV*"}
_SUBNATIONAL = {"regional", "local", "provincial", "municipal", "county", "city", "district", "state"}
_GOV_KINDS = ("capital", "seat", "region")  # metonyms for a government of the country


class ActorResolver:
    def __init__(self, dictionary: ActorDictionary):
        self.dictionary = dictionary
        self._resolving_possessor = False

    def resolve(self, head: Token, index: dict[int, Mention], day: dt.date | None) -> list[Actor]:
        """Actors named by the phrase headed by ``head`` (several for "Russian and Chinese envoys")."""
        head = content_head(head)
        actors = self._resolve_head(head, index, day)
        if actors:
            return actors
        for child in head.children:  # "Nabil Elaraby, the League's secretary-general"
            if child.dep_ == "appos":
                found = self._resolve_head(child, index, day)
                for a in found:
                    a.how = f"appositive/{a.how}"
                if found:
                    return found
        return []

    # ------------------------------------------------------------------
    def _resolve_head(self, head: Token, index: dict[int, Mention], day) -> list[Actor]:
        doc = head.doc
        mention = index.get(head.i)
        if mention is not None:
            actor = self._from_mention(mention, doc, day, head)
            if actor is not None:
                if mention.kind in ("country", "capital", "seat", "region", "organisation", "coref") \
                        or actor.how == "person":
                    return [actor]
        modifiers = list(_modifier_tokens(head))
        role = self._role(head, modifiers)
        proxy = head.lemma_.lower() in self.dictionary.proxies
        owners = self._owners(head, modifiers, index, day, include_locative=role is not None or proxy, proxy=proxy)
        span = _phrase_span(head, modifiers)
        if role and owners:
            out = []
            for owner in owners:
                # an organisation keeps its own code: "Hamas spokesman" is PSEREB, "NATO troops" IGONAT
                org = owner.how == "organisation" or owner.code.startswith(("IGO", "NGO", "IMG"))
                code = owner.code if org else owner.code[:3] + role
                out.append(self._actor(code, span, owner.name, owner.country, role, "role+" + owner.how))
            return out
        if not owners and role == "GOV" and any(c.dep_ in ("amod", "compound") and c.lower_ in _SUBNATIONAL
                                                 for c in head.children):
            role = "GOV*"  # "the regional government", "local authorities": domestic by definition
        if role in _DOMESTIC_SECTORS and not owners and (head.pos_ == "NOUN" or head.pos_ == "PROPN" and mention is None) \
                and head.doc._.get("tacitus_home") and (role not in _STORY_SECTORS or _home_is_the_story(doc, index)):
            role = role.rstrip("*")
            home = head.doc._.tacitus_home  # "senators" in a story datelined WASHINGTON
            return [self._actor(home + role, span, "", home, role, "role+dateline")]
        if owners and proxy:
            # "a Kenyan army base", "Afghan police posts": a role-noun compound gives the owner's sector
            sector = next((self.dictionary.roles[t.lemma_.lower()] for t in head.children
                           if t.dep_ == "compound" and t.i < head.i and t.lemma_.lower() in self.dictionary.roles
                           and t.lemma_.lower() not in self.dictionary.proxies), "")
            return [self._actor(o.code + sector if sector and len(o.code) == 3 else o.code, span, o.name, o.country,
                                sector, "proxy+" + o.how) for o in owners]
        if mention is not None:  # an adjective or people name standing alone: "the Syrians"
            actor = self._from_mention(mention, doc, day, head)
            if actor is not None:
                if mention.kind == "people" and _counted(head) and len(actor.code) == 3:
                    actor.code, actor.role, actor.how = actor.code + "CVL", "CVL", "people+counted"
                return [actor]
        if proxy and not owners and head.doc._.get("tacitus_home"):  # "the offices of political parties"
            for pobj in (g for c in head.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children
                         if g.dep_ == "pobj" and g.pos_ == "NOUN"):
                sector = self.dictionary.roles.get(pobj.lemma_.lower())
                if sector in _DOMESTIC_SECTORS and not any(c.dep_ in ("poss", "compound") for c in pobj.children) \
                        and (sector not in _STORY_SECTORS or _home_is_the_story(doc, index)):
                    home = head.doc._.tacitus_home
                    return [self._actor(home + sector, span, "", home, sector, "proxy+role+dateline")]
        return []

    def _from_mention(self, mention: Mention, doc: Doc, day, head: Token) -> Actor | None:
        e = mention.entry
        span = doc[mention.start:mention.end]
        if e.kind == "person":
            role = e.person.role_on(day)
            if role is None:
                return None
            country = role.code[:3] if not role.code.startswith(("IGO", "NGO", "IMG")) else ""
            return self._actor(role.code, span, e.name, country, role.code[3:] if country else "", "person",
                               title=role.title)
        if e.kind == "organisation":
            return self._actor(e.code, span, e.name, "", "", "organisation")
        if e.kind == "coref":
            country = "" if e.code.startswith(("IGO", "NGO", "IMG")) else e.code[:3]
            return self._actor(e.code, span, e.name, country, e.code[3:] if country else "", "coreference")
        if e.kind in _GOV_KINDS:
            return self._actor(e.code + "GOV", span, e.name, e.code, "GOV", e.kind)
        return self._actor(e.code, span, e.name, e.code, "", e.kind)

    def _role(self, head: Token, modifiers: list[Token]) -> str | None:
        """The sector of the phrase: from the head noun, or for a name from its title.

        A title-like head takes the sector of the body it speaks for: "army spokesman" is MIL, "police chief"
        COP, "rebel commander" REB, "opposition leader" OPP.
        """
        roles = self.dictionary.roles
        words = {head.lemma_.lower(), head.lower_, _singular(head.lower_)}
        compounds = [t for t in head.children if t.dep_ in ("compound", "amod") and t.i < head.i]
        if compounds:
            for w in words:
                two = f"{compounds[-1].lemma_.lower()} {w}"
                if two in roles:
                    return self._body_sector(roles[two], head, compounds[:-1])
        is_name = head.pos_ == "PROPN" and not head.text.islower() and head.lower_ not in roles \
            and _singular(head.lower_) not in roles  # "Teachers demanded ..." tagged as a name at the start
        if not is_name:
            for w in words:
                if w in roles:
                    return self._body_sector(roles[w], head, compounds)
            return None
        # titles before a name: "Prime Minister X", "League Secretary-General X"
        title_tokens = [t for t in modifiers if t.dep_ in ("compound", "amod") and t.i < head.i]
        for t in sorted(title_tokens, key=lambda t: -t.i):
            low = t.lemma_.lower()
            prev = t.doc[t.i - 1].lemma_.lower() if t.i > 0 else ""
            if low == "general" and prev in ("-", "secretary"):
                return "GOV"  # secretary-general
            if f"{prev} {low}" in roles:
                return self._body_sector(roles[f"{prev} {low}"], t, [c for c in title_tokens if c.i < t.i - 1])
            if low in roles:
                return self._body_sector(roles[low], t, [c for c in title_tokens if c.i < t.i])
        return None

    def _body_sector(self, sector: str, title: Token, before: list[Token]) -> str:
        if title.lemma_.lower() not in _TITLE_LIKE:
            return sector
        for t in sorted(before, key=lambda t: -t.i):  # nearest modifier first
            body = self.dictionary.roles.get(t.lemma_.lower()) or self.dictionary.roles.get(t.lower_)
            if body and body != "GOV" or t.lower_ in ("government", "ministry", "cabinet"):
                return body or "GOV"
        return sector

    def _owners(self, head: Token, modifiers: list[Token], index, day, include_locative: bool,
                proxy: bool = False) -> list[Actor]:
        """Countries, organisations or people that modify the head ("Syrian", "Russia's", "of Myanmar")."""
        seen: dict[str, Actor] = {}
        self._collect_owners(head, list(modifiers), index, day, seen)
        if include_locative and not seen:  # "militants in the Gaza Strip", "the army of Myanmar"
            for prep in head.children:
                if prep.dep_ != "prep" or prep.i < head.i or not (
                        prep.lower_ in _LOCATIVE_PREPS or (proxy and prep.lower_ == "between")):
                    continue
                located = []
                for pobj in prep.children:
                    if pobj.dep_ == "pobj":
                        located.append(pobj)
                        located.extend(_modifier_tokens(pobj))
                        located.extend(c for c in pobj.children if c.dep_ == "conj")
                        for app in (c for c in pobj.children if c.dep_ == "appos"):  # "from seven countries - Iran,
                            located.append(app)  # Iraq, Libya ..."
                            located.extend(c for c in app.subtree if c.dep_ == "conj")
                # a place after "in"/"from" is a country, never its government ("ministers in Cairo")
                self._collect_owners(head, located, index, day, seen, countries_only=prep.lower_ in ("in", "from"))
        # an organisation beats the countries inside it ("U.N. Security Council envoy")
        orgs = [a for a in seen.values() if a.how == "organisation"]
        return orgs[:1] if orgs else list(seen.values())

    def _collect_owners(self, head: Token, candidates: list[Token], index, day, seen: dict,
                        countries_only: bool = False) -> None:
        """Owners among ``candidates``; a place after "in"/"from" ("militants in Gaza") counts only as a country,
        never as its government ("ministers in Cairo" are not Egyptian)."""
        for tok in candidates:
            if tok.dep_ == "poss" and tok.lower_ in ("its", "their") and tok.i not in index:
                for a in self._clause_subject_actors(tok, index, day):
                    a.how = "possessive"
                    seen.setdefault(a.code, a)
                continue
            mention = index.get(tok.i)
            if mention is None or _non_owner_compound(tok, mention):
                continue
            if countries_only and mention.kind != "country":
                continue
            actor = self._from_mention(mention, head.doc, day, tok)
            if actor is None and mention.kind == "person" and mention.entry.person.roles:
                # "the Obama administration" after he left office: a person still marks their country
                last = mention.entry.person.roles[-1]
                span = head.doc[mention.start:mention.end]
                actor = self._actor(last.code, span, mention.entry.name, last.code[:3], "", "person")
            if actor is None:
                continue
            if mention.kind == "person":
                actor.how = "person-owner"
            if tok.pos_ == "PRON" and tok.dep_ == "poss":  # "his order": reflexive unless it names someone else
                actor.how = "possessive"
            seen.setdefault(actor.code[:3] if actor.how in ("person-owner", "possessive") else actor.code, actor)

    def owners_of(self, noun: Token, index, day) -> list[Actor]:
        """The actors that own an event noun: "Russia's veto", "Israeli air strikes", "a Myanmar military
        crackdown" (with the sector of a role-noun modifier: MMR + MIL)."""
        modifiers = [m for m in _modifier_tokens(noun) if m.i < noun.i]
        owners = self._owners(noun, modifiers, index, day, include_locative=False)
        role = self._role(noun, modifiers) if noun.pos_ == "NOUN" else None  # "air strikes" are MIL
        for m in ([] if role else sorted(modifiers, key=lambda t: -t.i)):
            role = self.dictionary.roles.get(m.lemma_.lower()) or self.dictionary.roles.get(m.lower_)
            if role:
                break
        span = _phrase_span(noun, modifiers)
        out = []
        for o in owners:
            org = o.how == "organisation" or o.code.startswith(("IGO", "NGO", "IMG"))
            code = o.code if org or not role else o.code[:3] + role
            out.append(self._actor(code, span, o.name, o.country, role or "", "owner+" + o.how))
        return out

    def _clause_subject_actors(self, tok: Token, index, day) -> list[Actor]:
        """ "The African Union said its troops ...": "its" is the subject of the governing clause."""
        if self._resolving_possessor:  # "its" inside the antecedent itself: give up rather than loop
            return []
        self._resolving_possessor = True
        try:
            return self._clause_subject(tok, index, day)
        finally:
            self._resolving_possessor = False

    def _clause_subject(self, tok: Token, index, day) -> list[Actor]:
        for anc in tok.ancestors:
            if anc.pos_ not in ("VERB", "AUX"):
                continue
            subjects = [c for c in anc.children if c.dep_ in ("nsubj", "nsubjpass") and tok not in c.subtree]
            if subjects:
                found = self._resolve_head(content_head(subjects[0]), index, day)
                return [a for a in found if a.how != "role+dateline"]
        return []

    @staticmethod
    def _actor(code, span, name, country, role, how, title: str = "") -> Actor:
        return Actor(code=code, text=span.text, start=span.start_char, end=span.end_char, name=name,
                     country=country, role=role or "", how=how, token_start=span.start, token_end=span.end)


def _home_is_the_story(doc: Doc, index: dict[int, Mention]) -> bool:
    """Is the dateline country the country the article names most (countries, capitals, seats, demonyms)?
    Computed once per document."""
    key = "tacitus_home_is_story"
    if key not in doc.user_data:
        counts: dict[str, int] = {}
        for start in {m.start: m for m in index.values()}.values():
            if start.kind in ("country", "capital", "seat", "adjective", "people"):
                code = start.entry.code[:3]
                counts[code] = counts.get(code, 0) + 1
        home = doc._.tacitus_home
        top = max(counts.values(), default=0)
        doc.user_data[key] = bool(home) and counts.get(home, 0) >= max(1, top - 1)
    return doc.user_data[key]


def _counted(head: Token) -> bool:
    """ "Eight Palestinians", "thousands of Iraqis": counted people are civilians, not their state."""
    if any(c.dep_ == "nummod" for c in head.children):
        return True
    of = head.head
    return head.dep_ == "pobj" and of.lower_ == "of" and (of.head.pos_ == "NUM" or of.head.lemma_.lower() in
                                                          QUANTITY_NOUNS)


def _singular(word: str) -> str:
    """ "teachers" -> "teacher": for role nouns the tagger took for names (no lemma then)."""
    return word[:-1] if word.endswith("s") and not word.endswith("ss") else word


def _modifier_tokens(head: Token):
    """Prenominal modifiers of ``head``, recursively (compounds of compounds, possessors' names, conjoined adjectives)."""
    stack = [c for c in head.children if c.dep_ in _MODIFIER_DEPS]
    while stack:
        tok = stack.pop()
        yield tok
        for c in tok.children:
            if c.dep_ in _MODIFIER_DEPS or c.dep_ == "conj" or c.dep_ == "case":
                stack.append(c)


_NOT_OWNER_SUFFIXES = {"based", "backed", "funded", "supported", "allied", "aligned", "held", "controlled",
                       "occupied", "born", "sponsored", "friendly", "leaning", "bound", "made", "built"}


def _non_owner_compound(tok: Token, mention) -> bool:
    """ "Washington-based diplomats", "Iranian-backed militias": the name is a location or a backer, not the owner."""
    doc = tok.doc
    end = mention.end
    return end + 1 < len(doc) and doc[end].text == "-" and doc[end + 1].lower_ in _NOT_OWNER_SUFFIXES


def _phrase_span(head: Token, modifiers: list[Token]):
    doc = head.doc
    idx = [head.i] + [m.i for m in modifiers if m.i < head.i]
    start = min(idx)
    while start < head.i and doc[start].dep_ in ("det", "punct"):
        start += 1
    for child in head.children:  # keep the determiner-less noun phrase plus "of X"
        if child.dep_ == "det" and child.i == start - 1:
            start = child.i
    return doc[start:head.i + 1]


QUANTITY_NOUNS = {"planeload", "shipment", "truckload", "tonne", "ton", "load", "dozen", "hundred", "thousand", "million", "score", "number", "group", "handful", "couple",
                  "member", "some", "many", "several", "most", "all", "few", "one", "two", "three", "both", "none",
                  "majority", "minority", "part", "rest", "half", "batch", "team", "contingent", "delegation"}


def content_head(tok: Token) -> Token:
    """ "dozens of Russian diplomats" -> "diplomats": quantities and collectives hand over to their "of" object."""
    seen = 0
    while seen < 3 and (tok.lemma_.lower() in QUANTITY_NOUNS or tok.pos_ == "NUM"):
        hosts = [tok] + [c for c in tok.children if c.dep_ in ("quantmod", "nummod")]  # "several dozen of its"
        pobj = next((g for h in hosts for c in h.children if c.dep_ == "prep" and c.lower_ == "of"
                     for g in c.children if g.dep_ == "pobj"), None)
        if pobj is None:
            break
        tok = pobj
        seen += 1
    return tok


def resolve_relative(head: Token) -> Token:
    """A relative pronoun subject stands for the noun the clause modifies."""
    if head.lower_ in _RELATIVE_PRONOUNS and head.head.dep_ == "relcl":
        return head.head.head
    if head.lower_ in _RELATIVE_PRONOUNS and head.head.head.dep_ == "relcl" and head.head.dep_ in ("xcomp", "ccomp"):
        return head.head.head.head
    return head
