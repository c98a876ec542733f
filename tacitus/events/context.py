"""Actors known only from context: where a bare role noun is ("militants in the Gaza Strip", "X, where
authorities ..."), whom it faces ("Rohingya militants attacked an army base"), the dateline, the speaker of a
report ("Japan says North Korea detained its nationals"), and which of these fallbacks are trusted for which
events. A mixin of the EventExtractor, kept apart so that the extractor stays about verbs and arguments.
"""
from __future__ import annotations

from spacy.tokens import Token

from ..actors.resolve import content_head
from ..actors.types import Actor
from .claims import CLAIM_SPEECH
from .parse import crowd
from .places import local_place

_DATELINE_CIVIL = {"CVL", "HRI"}
#: role nouns that name a building as much as a body: "a fire at a school killed 23" is no act of the school
PERSON_SECTORS = {"CVL", "MED", "HRI", "REL", "EDU", "LAB", "HLH", "REF"}
_PERSON_WORDS = {"national", "citizen", "soldier", "troop", "diplomat", "official", "sailor", "fishermen", "worker"}
_INSTITUTIONS = {"school", "university", "hospital", "church", "mosque", "temple", "company", "bank", "firm"}
_NONSTATE_SECTORS = {"REB", "CVL", "OPP", "HRI", "LAB", "EDU", "REL", "MED"}
_STATE_SECTORS = {"MIL", "COP", "GOV", "SPY"}
_NON_LOCAL_SECTORS = {"GOV", "BUS", "SPY", "MIL", "COP"}


class ContextActors:
    """Fallbacks for actors a sentence does not name; needs ``resolver``, ``patterns`` and ``_actors``."""

    def _speakers_instead(self, verb: Token, t: Actor, s: Actor, index, day) -> Actor | None:
        """ "Japan says North Korea has detained dozens of its nationals": a possessive that would make the act
        reflexive refers, in reported speech, to the speaker instead, if the speaker is another country."""
        if not (t.role in PERSON_SECTORS or t.text.lower().split()[-1].rstrip("s") in _PERSON_WORDS):
            return None  # "Syria has moved its warplanes": equipment stays with its owner
        head = verb
        while head.dep_ == "conj" and head.head is not head:
            head = head.head
        if head.dep_ != "ccomp" or head.head.lemma_.lower() not in CLAIM_SPEECH:
            return None
        speakers = self._actors(self._source_tokens(head.head), index, day)
        if len(speakers) != 1 or not speakers[0].country or speakers[0].principal == s.principal:
            return None
        country = speakers[0].country
        return Actor(code=country + t.role, text=t.text, start=t.start, end=t.end, name=speakers[0].name,
                     country=country, role=t.role, how="possessive+speaker", token_start=t.token_start,
                     token_end=t.token_end)

    @staticmethod
    def _worth_coding(s: Actor, t: Actor, code: str) -> bool:
        """Actors placed only by a fallback (dateline, place, counterpart) are trusted for what is done to or by
        people ("police killed protesters"), not as the audience of a statement or meeting ("told reporters in
        London", "met workers"), and two such actors of one code are not an event ("a man killed a woman")."""
        fallback = ("dateline", "place", "counterpart")
        if any(f in s.how for f in fallback) and s.text.lower().split()[-1].rstrip("s") in _INSTITUTIONS:
            return False  # "a fire at a school killed 23": a building does not act
        if s.code == t.code and any(f in s.how for f in fallback) and any(f in t.how for f in fallback):
            return False
        weak = any(f in t.how for f in fallback) and t.role in ("CVL", "MED", "HRI", "EDU", "LAB", "HLH") or \
            any(f in s.how for f in fallback) and s.role in ("CVL", "MED", "HRI", "EDU", "LAB", "HLH") and code[:2] == "04"
        return not (weak and code[:2] in ("01", "04"))

    def _rehomed(self, verb: Token, tokens: list[Token], actors: list[Actor], others: list[Actor], index,
                 day, code: str) -> list[Actor]:
        """Civilians placed only by the dateline ("protesters" in a story from ADDIS ABABA) belong rather to the
        place of the act ("killed protesters in Khartoum"), else to the state organ using force on them ("Sudanese
        troops opened fire on demonstrators")."""
        if not actors or not all(a.how == "role+dateline" and a.role in _DATELINE_CIVIL for a in actors):
            return actors
        located = self._located_actors(verb, tokens, index, day)
        if located:
            return located
        states = {a.country for a in others if a.country and (a.role in _STATE_SECTORS or len(a.code) == 3)}
        if len(states) == 1 and code[:2] in ("17", "18", "19", "20") and all(crowd(a.text) for a in actors):
            country = next(iter(states))
            for a in actors:
                a.code, a.country, a.how = country + a.role, country, "role+counterpart"
        return actors

    def _counterparts(self, tokens: list[Token], others: list[Actor]) -> list[Actor]:
        """ "Rohingya militants attacked an army base", "Syrian rebels fought government forces": a bare state
        organ facing a domestic non-state actor (rebels, protesters, ...) belongs to that actor's country."""
        countries = {a.country for a in others if a.country and a.role in _NONSTATE_SECTORS}
        if len(countries) != 1 or len({a.country for a in others}) != 1:
            return []
        country = next(iter(countries))
        out = []
        for tok in tokens:
            role = self._bare_state_role(tok)
            if role:
                span = tok.doc[min([tok.i] + [c.i for c in tok.children if c.dep_ in ("amod", "compound")]):tok.i + 1]
                out.append(Actor(code=country + role, text=span.text, start=span.start_char, end=span.end_char,
                                 country=country, role=role, how="role+counterpart", token_start=span.start,
                                 token_end=span.end))
        return out

    def _civilian_counterparts(self, verb: Token, tokens: list[Token], others: list[Actor], code: str) -> list[Actor]:
        """ "Sudanese troops opened fire on demonstrators": bare protesters on whom a state uses force are its own
        people (when nothing else places them)."""
        if code[:2] not in ("17", "18", "19", "20"):
            return []
        states = {a.country for a in others if a.country and (a.role in _STATE_SECTORS or len(a.code) == 3)}
        if len(states) != 1:
            return []
        country = next(iter(states))
        roles = self.resolver.dictionary.roles  # protesters only: "drones killed 31 people" are not the drones' own
        return [self._role_actor(tok, roles[tok.lemma_.lower()], country, "role+counterpart")
                for tok in map(content_head, tokens) if tok.pos_ == "NOUN" and roles.get(tok.lemma_.lower())
                in _DATELINE_CIVIL and crowd(tok.text) and not any(c.dep_ == "poss" for c in tok.children)]

    def _bare_state_role(self, tok: Token) -> str:
        """MIL/COP/GOV of a noun with no owner: "government forces", "the army", "police posts"."""
        if tok.pos_ != "NOUN" or any(c.dep_ == "poss" for c in tok.children):
            return ""
        roles, lemma = self.resolver.dictionary.roles, tok.lemma_.lower()
        role = roles.get(lemma, "")
        if lemma in self.resolver.dictionary.proxies or not role:
            role = next((roles[c.lemma_.lower()] for c in tok.children if c.dep_ == "compound"
                         and c.lemma_.lower() in roles), role)
        return role if role in _STATE_SECTORS else ""

    def _event_noun_owners(self, tokens: list[Token], index, day) -> list[Actor]:
        """ "condemned the Turkish bombing of Syrian villages": an event noun stands for its owner (only its
        prenominal owner: "the bombing of X" is not X)."""
        out = []
        for tok in tokens:
            if tok.pos_ == "NOUN" and tok.lemma_.lower() in self.patterns.by_noun:
                out.extend(a for a in self.resolver.owners_of(tok, index, day) if a.how != "owner+possessive")
        return out

    def _located_actors(self, verb: Token, tokens: list[Token], index, day, as_source: bool = False) -> list[Actor]:
        """"killed 10 militants in the Gaza Strip", "Kurdish activists were detained in Ankara": a bare role noun
        takes the country where the act happened: an "in <country>" phrase, else the place phrase on the verb or
        the noun. Never for refugees (they come from elsewhere), and the event's place not for officials,
        soldiers or police, who often act abroad ("officials met in Geneva", "troops in the West Bank")."""
        bare = []
        for tok in map(content_head, tokens):  # "dozens of protesters"
            role = self.resolver.dictionary.roles.get(tok.lemma_.lower())
            if role and role != "REF" and tok.pos_ == "NOUN" and not (as_source and tok.lemma_.lower() in _INSTITUTIONS) \
                    and not any(c.dep_ == "poss" for c in tok.children):
                bare.append((tok, role))
        if not bare:
            return []
        where = verb.head if verb.dep_ == "relcl" and any(c.lower_ == "where" for c in verb.children) else None
        if where is not None and where.i in index and index[where.i].kind == "country":
            country = index[where.i].entry.code  # "Myanmar, where authorities have been accused of ..."
            return [self._role_actor(tok, role, country, "role+where") for tok, role in bare]
        hosts = [verb] + [p for c in verb.children if c.dep_ == "prep" for p in c.children if p.dep_ == "pobj"]
        places = [p for h in hosts for c in h.children if c.dep_ == "prep" and c.lower_ == "in"
                  for p in c.children if p.dep_ == "pobj"]
        countries = {index[p.i].entry.code for p in places if p.i in index and index[p.i].kind == "country"}
        how = "role+place"
        if not countries:
            bare = [(tok, role) for tok, role in bare if role not in _NON_LOCAL_SECTORS]
            place = local_place(verb, [tok for tok, _ in bare]) if bare else None
            if place is None or not place.country:
                return []
            countries, how = {place.country}, "role+event-place"
        if len(countries) != 1:
            return []
        country = next(iter(countries))
        return [self._role_actor(tok, role, country, how) for tok, role in bare]

    @staticmethod
    def _role_actor(tok: Token, role: str, country: str, how: str) -> Actor:
        span = tok.doc[min([tok.i] + [c.i for c in tok.children if c.dep_ in ("amod", "compound",
                                                                               "nummod")]):tok.i + 1]
        return Actor(code=country + role, text=span.text, start=span.start_char, end=span.end_char,
                     country=country, role=role, how=how, token_start=span.start, token_end=span.end)
