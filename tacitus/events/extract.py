"""From a parsed sentence to coded events.

For every verb: find the best verb pattern, its source (subject, or the "by"
agent of a passive) and its targets (direct object, passive subject, or the
object of the pattern's preposition), resolve them to actors, and emit one
event per (source, target). Constructions handled here:

* coordination: "Russia and China vetoed" gives two events;
* passives and reduced relatives: "resolutions vetoed by Russia";
* relative clauses: "air strikes that killed 10 militants";
* frames: "urged X to back Y", "proposed arming rebels", "threatened to
  impose sanctions" combine the framing verb with the framed event
  (``data/patterns/embedding.yaml``);
* what did not happen is not coded: negation, modal or future verbs, and
  verbs under "expect", "plan", "hope", "if" ... .
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from ..actors.mentions import Mention
from ..actors.resolve import ActorResolver, content_head, resolve_relative
from ..actors.types import Actor
from ..ontology import CameoTable
from .event import Event
from .patterns import FRAME_ROOTS, PatternBook, VerbPattern
from .casualties import count_casualties
from .dates import resolve_event_date
from .places import event_place
from .quotes import quote_at
from .describe import description_pattern, disparaging_description
from .claims import CLAIM_SPEECH, demanded_clause, is_accusation, political, reported_clauses
from .nominal import framed_noun, instrument_code, nominal_events
from .context import PERSON_SECTORS, ContextActors
from .parse import (crowd, fronted_subject, prep_objects as _prep_objects, reciprocal, speakers_own,
                    stranded_conjuncts, with_conjuncts as _with_conjuncts)

MODALS = {"may", "might", "could", "would", "should", "will", "wo", "'ll", "shall", "must"}
IRREALIS_GOVERNORS = {"expect", "plan", "intend", "hope", "want", "wish", "aim", "consider", "seek", "try",
                      "attempt", "prepare", "schedule", "likely", "unlikely", "able", "need", "fail", "set",
                      "due", "poise", "mull", "weigh", "would", "could", "can"}
CONDITIONAL_MARKS = {"if", "unless", "whether", "before", "until", "lest"}
PARTICLE_WORDS = {"down", "up", "out", "off", "back", "in", "over", "aside", "away", "on", "through"}
APPEAL_ADDRESSEE_PREPS = {"on", "upon", "to"}
MAX_EVENTS_PER_SENTENCE = 12
MAX_CLAUSE_DEPTH = 8
FIRST_PERSON = {"we", "i", "us"}
VIOLENT_ROOTS = {"14", "15", "17", "18", "19", "20"}
SPEECH_VERBS = {"say", "announce", "state", "declare", "confirm", "add", "insist", "promise", "pledge", "vow",
                "signal", "indicate", "tell", "write", "tweet"}
INTENT_ADJECTIVES = {"ready", "willing", "prepared", "eager", "keen", "determined"}
LIGHT_FRAMED_VERBS = {"help", "work", "continue", "begin", "start", "keep", "seek", "try", "move", "step"}
SYMMETRIC_ROOTS = {"04", "19"}
SYMMETRIC_CODES = {"046", "057", "0311", "0312", "061", "062", "063", "064", "050", "054", "055"}
#: particles that change a verb's meaning: a pattern without them must not match the phrasal verb
_MEANING_PARTICLES = {"back", "off", "down", "away", "over", "aside"}
_PEOPLE_PROXIES = {"national", "individual", "representative", "member"}
INSTRUMENT_NOUNS = {"strike", "airstrike", "raid", "attack", "bombing", "shelling", "gunfire", "fire", "bombardment",
                    "ambush", "offensive", "operation", "crackdown", "assault"}


ENTRY_DENIALS = {"1245", "172"}  # denying access or entry
_DEMAND = VerbPattern(id="claims#must", code="100", verb="say", note="X said Y must/should do Z")


@dataclass
class _Match:
    pattern: VerbPattern
    event_object: Token | None  # the event noun of a light-verb form ("talks", "sanctions")


class EventExtractor(ContextActors):
    def __init__(self, patterns: PatternBook, resolver: ActorResolver, cameo: CameoTable):
        self._quotes: list = []
        self.patterns = patterns
        self.resolver = resolver
        self.cameo = cameo

    # ------------------------------------------------------------------
    def extract(self, doc: Doc, index: dict[int, Mention], day: dt.date | None, doc_id: str,
                quotes: list | None = None) -> list[Event]:
        self._quotes = quotes or []
        self._accusers: list[tuple[int, Actor, str]] = []  # (sentence, accuser, accused principal), for denials
        events: list[Event] = []
        for sent_index, sent in enumerate(doc.sents):
            events.extend(self._sentence(sent, sent_index, index, day, doc_id))
        return events

    def _sentence(self, sent: Span, sent_index: int, index, day, doc_id) -> list[Event]:
        verbs = [t for t in sent if t.pos_ == "VERB" or _mistagged_participle(t)
                 or (t.pos_ == "AUX" and t.dep_ in ("ROOT", "conj") and t.lemma_ != "be")]
        matches = {v.i: self._match(v) for v in verbs}
        reciprocal_only = set()
        # "Russia and China held talks", "the two sides traded threats": a "with" pattern (or a symmetric
        # event) whose "with" is missing and whose subject is plural is reciprocal
        for v in verbs:
            if matches[v.i] is None and _compound_subject(v):
                matches[v.i] = self._match(v, require_prep=False)
                m = matches[v.i]
                if m is not None and (("with" in m.pattern.preps and m.pattern.root not in ("02", "03", "10", "12"))
                                      or m.pattern.root in SYMMETRIC_ROOTS
                                      or m.pattern.code in SYMMETRIC_CODES):
                    reciprocal_only.add(v.i)
                else:
                    matches[v.i] = None
        consumed: set[int] = set()
        out: list[Event] = []
        seen: set[tuple[str, str, str]] = set()
        for v in verbs:  # verbs framed by an appeal/intent/threat/... are not events of their own
            m = matches.get(v.i)
            if m is not None and m.pattern.root in FRAME_ROOTS:
                framed = self._framed_verb(v)
                if framed is not None:
                    consumed.add(framed.i)
        for v in verbs:
            m = matches.get(v.i)
            if m is None or v.i in consumed:
                continue
            intent = self._stated_intent(v)
            if not intent and self._unreal(v):
                continue
            source_tokens = self._source_tokens(v)
            denied = self._denied_entry(v, m, source_tokens, index, day)
            sources = denied[0] if denied and denied[0] else \
                self._rehomed(v, source_tokens, self._actors(source_tokens, index, day), [], index, day, "") \
                or self._located_actors(v, source_tokens, index, day, as_source=True)
            quote = quote_at(self._quotes, v.idx)
            if not sources and quote is not None and quote.speaker is not None and \
                    any(t.lower_ in FIRST_PERSON for t in source_tokens):
                sources = [quote.speaker]  # "We must send a message ...," said the prime minister
            if not sources and source_tokens and m.pattern.root not in FRAME_ROOTS:  # "government troops killed
                tt = self._target_tokens(v, m)  # ten Syrian rebels"
                sources = self._counterparts(source_tokens, self._rehomed(v, tt, self._actors(tt, index, day), [],
                                                                          index, day, ""))
            if not sources:
                continue
            code, rule, target_tokens = m.pattern.code, m.pattern.id, denied[1] if denied else None
            if intent and m.pattern.root not in FRAME_ROOTS:  # "said it would provide aid": intent to provide aid
                code, rule = self.patterns.frame_code("03", m.pattern.code), f"{m.pattern.id}+{intent}"
            if m.pattern.root in FRAME_ROOTS:
                framed = self._framed_verb(v)
                if framed is not None:
                    consumed.add(framed.i)
                    # "offered to help fund X": the light verb "help" hands over to "fund"
                    while framed.lemma_.lower() in LIGHT_FRAMED_VERBS:
                        deeper = next((c for c in framed.children if c.dep_ in ("xcomp", "ccomp")
                                       and c.pos_ == "VERB"), None)
                        if deeper is None:
                            break
                        framed = deeper
                        consumed.add(framed.i)
                    fm = matches.get(framed.i) or self._match(framed, require_prep=False)
                    if fm is not None and not _negated(framed):
                        code = self.patterns.frame_code(m.pattern.root, fm.pattern.code)
                        rule = f"{m.pattern.id}>{fm.pattern.id}"
                    target_tokens = self._frame_targets(v, m, framed, fm)
                elif m.pattern.root in ("02", "10", "12") and not any(  # "called for sanctions against Russia",
                        c.dep_ in ("dobj", "dative") and c != m.event_object  # but "invited Trump for a visit"
                        and c.lemma_.lower() not in self.patterns.by_noun for c in v.children):
                    asked = framed_noun(self, v, m.event_object)
                    if asked is not None:
                        noun_pattern, asked_targets = asked
                        code = self.patterns.frame_code(m.pattern.root, noun_pattern.code)
                        if m.pattern.root != "12" and noun_pattern.code[:2] >= "13":
                            code = "113"  # calling for sanctions or protests against X rallies opposition to X
                        rule, target_tokens = f"{m.pattern.id}>{noun_pattern.id}", asked_targets
            if target_tokens is None:
                target_tokens = [] if v.i in reciprocal_only else self._target_tokens(v, m)
            if code[:2] in ("17", "18", "19") and all(a.role == "CVL" and crowd(a.text) for a in sources):
                code, rule = "145", rule + ">civilians-riot"  # violence by protesters or civilians is a riot (145)
            if code == "190":  # "Israeli air strikes killed ...": the instrument noun's own code
                code = instrument_code(self, source_tokens) or code
            if any(reciprocal(t) for t in target_tokens):  # "accused each other"
                targets = sources
            else:
                targets = self._rehomed(v, target_tokens, self._actors(target_tokens, index, day), sources, index, day,
                                        code) \
                    or self._located_actors(v, target_tokens, index, day) \
                    or self._event_noun_owners(target_tokens, index, day)
            if not targets:
                targets = self._counterparts(target_tokens, sources) \
                    or self._civilian_counterparts(v, target_tokens, sources, code)
            if not targets and quote is not None and quote.speaker is not None:
                targets = speakers_own(target_tokens, quote.speaker)  # "Russia attacked our country"
            if not targets and code == "016":  # "... accused by the U.S. and the U.N. The government denies it."
                targets = [a for i, a, accused in self._accusers if sent_index - i <= 2
                           and any(accused == src.principal for src in sources)]
            if not targets and len(sources) >= 2 and (v.i in reciprocal_only or m.pattern.root in SYMMETRIC_ROOTS
                                                      or m.pattern.code in SYMMETRIC_CODES):
                targets = sources  # "South Korea and the United States discussed ...": each with the other
            for s in sources:
                for t in targets:
                    if t.how.endswith("possessive") and s.principal == t.principal:  # "Syria moved its jets"
                        own = t if t.role in PERSON_SECTORS and code[:2] in ("17", "18", "19", "20") else None
                        t = self._speakers_instead(v, t, s, index, day) or own  # "Japan says N. Korea detained its
                        if t is None:  # nationals"; "Iran arrested its own citizens" is a state coercing its people
                            continue
                    if code[:2] == "04" and t.how in ("capital", "region") and t.principal == s.principal:
                        continue  # "Obama traveled to North Carolina": travel at home is no visit
                    if not self._worth_coding(s, t, code):
                        continue
                    if s.code == t.code and ((s.start, s.end) == (t.start, t.end) or s.text == t.text):
                        continue
                    if s.code == t.code and (len(s.code) == 3 or (
                            s.name and s.name == t.name and "coreference" in t.how)):
                        continue  # an actor acting on itself ("Iraq ... Iraq", "Mattis slammed what he said")
                    key = (s.code, t.code, code)
                    if key in seen:
                        continue
                    seen.add(key)
                    event = self._event(doc_id, sent, sent_index, v, s, t, code, rule, day)
                    event.modality = "stated-intent" if intent else ""
                    if quote is not None:
                        event.quote = True
                        event.speaker = quote.speaker.code if quote.speaker else ""
                        event.speaker_text = quote.speaker_text
                    out.append(event)
                    if code[:2] == "11":
                        self._accusers.append((sent_index, s, t.principal))
        out.extend(self._reported_accusations(verbs, matches, sent, sent_index, index, day, doc_id, seen))
        for noun in sent:
            if noun.pos_ in ("NOUN", "PROPN") and noun.lemma_.lower() in self.patterns.by_noun:
                for event in nominal_events(self, noun, sent, sent_index, index, day, doc_id):
                    key = (event.source, event.target, event.code)
                    if key not in seen and (event.source, event.target) not in {(k[0], k[1]) for k in seen}:
                        seen.add(key)
                        out.append(event)
        return out[:MAX_EVENTS_PER_SENTENCE]

    def _reported_accusations(self, verbs, matches, sent, sent_index, index, day, doc_id, seen) -> list[Event]:
        """ "Mattis says Syria retains chemical weapons": the speaker accuses the reported clause's subject (112)."""
        out = []
        for v in verbs:
            if v.lemma_.lower() not in CLAIM_SPEECH:
                continue
            clauses = reported_clauses(v)
            if not clauses or self._unreal(v):
                continue
            speakers = [a for a in self._actors(self._source_tokens(v), index, day) if political(a)]
            for clause in clauses if speakers else ():
                m = matches.get(clause.i)
                def victim() -> bool:  # the speaker is the target of the reported act
                    hit = self._actors(self._target_tokens(clause, m), index, day)
                    return any(sp.principal == a.principal or a.how.endswith("possessive") and a.role in PERSON_SECTORS
                               for sp in speakers for a in hit)  # "... detained its nationals": the speaker's
                if self._unreal(clause) or _passive(clause) or not is_accusation(clause, m, victim):
                    continue  # "were killed by Israeli gunfire, officials said" reports a toll, not an accusation
                for s in speakers:
                    for t in self._actors(self._source_tokens(clause), index, day):
                        key = (s.code, t.code, "112")
                        if s.principal == t.principal or key in seen:
                            continue
                        seen.add(key)
                        out.append(self._event(doc_id, sent, sent_index, v, s, t, "112", "claims#reported", day))
        return out

    # -- pattern matching -------------------------------------------------
    def _match(self, verb: Token, require_prep: bool = True) -> _Match | None:
        candidates = next((self.patterns.by_verb[lem] for lem in verb_lemmas(verb) if lem in self.patterns.by_verb),
                          None)
        if not candidates:
            return self._construction_match(verb)  # "labelled X a warmonger", "said X must withdraw"
        particles = {c.lower_ for c in verb.children
                     if c.dep_ == "prt" or (c.dep_ in ("advmod", "prep") and c.lower_ in PARTICLE_WORDS
                                             and not any(g.dep_ == "pobj" for g in c.children))}
        objects = _object_tokens(verb)
        best: tuple | None = None
        true_particles = {c.lower_ for c in verb.children if c.dep_ == "prt"}
        for order, p in enumerate(candidates):
            if p.particles and not particles.intersection(p.particles):
                continue
            if true_particles and not p.particles and true_particles & _MEANING_PARTICLES:
                continue  # "pushed back rebels" is not "pushed" (an appeal), "called off" not "called"
            event_object, matched_len = None, 0
            if p.objects:
                for o in objects:
                    n = _noun_match_length(o, p.objects)
                    if n > matched_len:
                        event_object, matched_len = o, n
                if event_object is None:
                    continue
            has_prep = not p.preps or bool(_prep_objects(verb, event_object, p.preps))
            if not has_prep and (require_prep and event_object is None):
                continue
            # the most specific pattern, then the longest matched object, then a present preposition, then file order
            rank = (p.specificity - (0 if has_prep else 1), matched_len, has_prep, -order)
            if best is None or rank > best[0]:
                best = (rank, _Match(p, event_object))
        if best is None or best[1].pattern.root == "01":  # a statement may be a criticism or a demand
            return self._construction_match(verb) or (best[1] if best else None)
        return best[1]

    def _denied_entry(self, verb: Token, m: _Match, source_tokens, index, day):
        """ "The envoy was denied access to Myanmar": the passive subject is the one denied (target tokens), not
        the place; with no agent, the country to be entered is the one denying (sources). Active: "denied the Red
        Cross access to Aleppo" denies the indirect object."""
        if m.pattern.code not in ENTRY_DENIALS:
            return None
        subjects = [c for c in verb.children if c.dep_ == ("nsubjpass" if _passive(verb) else "dative")]
        if not subjects:
            return None
        countries = [] if source_tokens else [
            a for a in self._actors(_prep_objects(verb, m.event_object, ("to", "into")), index, day)
            if len(a.code) == 3 and a.how == "country"]
        return (countries, _with_conjuncts(subjects)) if countries or source_tokens else None

    def _construction_match(self, verb: Token) -> _Match | None:
        """Constructions that make a describing or speech verb an event of another root."""
        if disparaging_description(verb, self.patterns.by_noun):
            return _Match(description_pattern(), None)  # "described the U.N. as a house of lies"
        clause = demanded_clause(verb)  # "said Hezbollah should be disarmed": a demand, if the clause is an event
        if clause is not None and clause == self._framed_verb(verb) and self._match(clause, require_prep=False):
            return _Match(_DEMAND, None)
        return None

    # -- arguments ----------------------------------------------------------
    def _source_tokens(self, verb: Token) -> list[Token]:
        if _passive(verb):
            agents = [p for c in verb.children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"]
            if not agents:  # "two militants were killed in an Israeli air strike"
                agents = [p for c in verb.children if c.dep_ == "prep" and c.lower_ in ("in", "during")
                          for p in c.children if p.dep_ == "pobj" and p.lemma_.lower() in INSTRUMENT_NOUNS]
            return _with_conjuncts(agents)
        subjects = [c for c in verb.children if c.dep_ in ("nsubj", "csubj")]
        if subjects:
            return _with_conjuncts([resolve_relative(s) for s in subjects])
        fronted = fronted_subject(verb)
        if fronted is not None:
            return _with_conjuncts([fronted])
        head = verb.head
        if verb.dep_ == "conj" and head is not verb:
            return self._source_tokens(head)
        if verb.dep_ == "xcomp" and head.pos_ == "ADJ" and head.dep_ == "acomp":
            return self._source_tokens(head.head)  # "Moscow was ready to work with ..."
        if verb.dep_ == "xcomp":
            controller = [c for c in head.children if c.dep_ in ("dobj",)]
            return _with_conjuncts(controller) if controller else self._source_tokens(head)
        if verb.dep_ == "acl" and any(c.dep_ == "dobj" for c in verb.children):
            return _with_conjuncts([head])
        if verb.dep_ in ("acl", "advcl") and verb.tag_ == "VBG":
            if verb.dep_ == "acl":
                return _with_conjuncts([head])
            return self._source_tokens(head)
        if verb.dep_ == "pcomp" and head.lower_ == "by" and head.head.pos_ in ("VERB", "AUX"):
            return self._source_tokens(head.head)  # "angered Washington by supporting the Houthis"
        return []

    def _target_tokens(self, verb: Token, m: _Match) -> list[Token]:
        p = m.pattern
        if p.preps:
            # "sent food to Bangladesh for Rohingya refugees": the recipient, not the beneficiary, is the target
            found = "to" in p.preps and "for" in p.preps and _prep_objects(verb, m.event_object, ("to",)) \
                or _prep_objects(verb, m.event_object, p.preps)
            if not found and m.event_object is not None:
                # "ordered the closure of the consulate": the event noun's "of" complement is the target;
                # "expelled the Dutch ambassador": else the event noun itself
                found = _prep_objects(m.event_object, None, ("of",)) or [m.event_object]
            return _with_conjuncts(found)
        if _passive(verb):
            subj = [c for c in verb.children if c.dep_ == "nsubjpass"]
            if not subj and verb.dep_ == "acl":
                subj = [verb.head]
            return _with_conjuncts([resolve_relative(s) for s in subj])
        roles = self.resolver.dictionary.roles
        # the event noun is not the target ("held talks"), unless it names people ("holding three journalists")
        objs = [resolve_relative(c) for c in verb.children if c.dep_ in ("dobj", "dative")
                and (c != m.event_object or c.lemma_.lower() in roles or c.lemma_.lower() in _PEOPLE_PROXIES)]
        if not objs and not p.objects:  # "helped Somali soldiers secure the area": the small clause's subject
            objs = [g for c in verb.children if c.dep_ in ("ccomp", "xcomp") and c.pos_ == "VERB"
                    for g in c.children if g.dep_ == "nsubj"]
        return _with_conjuncts(objs + stranded_conjuncts(objs))

    def _framed_verb(self, verb: Token) -> Token | None:
        for c in verb.children:
            if c.dep_ in ("xcomp", "ccomp") and (c.pos_ in ("VERB", "AUX") or any(g.dep_ == "nsubj" for g in c.children)):
                return c  # a ccomp with a subject is a clause even when its verb is mistagged ("that the KRG quit")
            if c.pos_ == "VERB" and c.dep_ == "advcl" and any(g.dep_ == "mark" and g.lower_ in ("for", "to")
                                                              for g in c.children):
                return c
        for c in verb.children:  # "called for Assad to step aside": the clause hangs off "for"
            if c.dep_ == "prep" and c.lower_ == "for":
                for g in c.children:
                    if g.pos_ == "VERB":
                        return g
        return None

    def _frame_targets(self, verb: Token, m: _Match, framed: Token, fm: _Match | None) -> list[Token]:
        own = self._target_tokens(verb, m)
        framed_subject = [c for c in framed.children if c.dep_ in ("nsubj", "nsubjpass")]
        framed_targets = self._target_tokens(framed, fm) if fm else \
            _with_conjuncts([c for c in framed.children if c.dep_ == "dobj"])
        if m.pattern.root in ("02", "10"):  # appeal/demand: addressed to someone
            addressees = own or _with_conjuncts([p for c in verb.children if c.dep_ == "prep"
                                                 and c.lower_ in APPEAL_ADDRESSEE_PREPS
                                                 for p in c.children if p.dep_ == "pobj"])
            return addressees or _with_conjuncts(framed_subject) or framed_targets
        return framed_targets or own

    def _actors(self, tokens: list[Token], index, day) -> list[Actor]:
        out: list[Actor] = []
        seen = set()
        unresolved: list[Token] = []
        for tok in tokens:
            found = self.resolver.resolve(tok, index, day)
            if not found:
                unresolved.append(tok)
            for a in found:
                if a.code not in seen:
                    seen.add(a.code)
                    out.append(a)
        # "Elaraby and the special envoy, Kofi Annan": an appositive the parser hung on the wrong conjunct
        if unresolved:
            for tok in tokens:
                for app in (c for c in tok.children if c.dep_ == "appos"):
                    for a in self.resolver.resolve(app, index, day):
                        if a.code not in seen:
                            seen.add(a.code)
                            a.how = f"appositive/{a.how}"
                            out.append(a)
        return out

    # -- filters ----------------------------------------------------------------
    def _stated_intent(self, verb: Token) -> str:
        """ "X said it would Y" / "X is ready to Y": a statement of intent (CAMEO 03), not a hypothetical.

        Returns the construction's name ("said-would", "ready-to") or "" when the verb is not one.
        """
        if _negated(verb) or any(c.dep_ == "mark" and c.lower_ in CONDITIONAL_MARKS for c in verb.children):
            return ""
        head = verb.head
        if verb.dep_ == "xcomp" and head.pos_ == "ADJ" and head.lemma_.lower() in INTENT_ADJECTIVES \
                and head.dep_ == "acomp" and not _negated(head.head) and not self._unreal(head.head):
            return "ready-to"
        auxes = {c.lower_ for c in verb.children if c.dep_ == "aux"}
        if not auxes & {"will", "would", "'ll"} or auxes & {"may", "might", "could", "should"}:
            return ""
        if verb.dep_ != "ccomp" or head.lemma_.lower() not in SPEECH_VERBS or self._unreal(head):
            return ""
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        speaker = next((c for c in head.children if c.dep_ == "nsubj"), None)
        if subject is None or speaker is None:
            return ""
        if subject.pos_ == "PRON" or subject.lower_ == speaker.lower_:
            return "said-would"
        return ""

    def _unreal(self, verb: Token) -> bool:
        """Negated, modal, conditional or hypothetical: not an event that happened."""
        for arg in verb.children:  # "no talks were held", "no country has recognised it"
            if arg.dep_ in ("nsubj", "nsubjpass", "dobj") and any(
                    c.dep_ == "det" and c.lower_ in ("no", "neither") for c in arg.children):
                return True
        tok = verb
        for _ in range(MAX_CLAUSE_DEPTH):  # bounded: a 10,000-word run-on sentence must stay linear
            if _negated(tok) or any(c.dep_ == "aux" and c.lower_ in MODALS for c in tok.children):
                return True
            if any(c.dep_ == "mark" and c.lower_ in CONDITIONAL_MARKS for c in tok.children):
                return True
            if tok.dep_ not in ("xcomp", "ccomp", "conj", "advcl", "acomp") or tok.head is tok:
                return False
            via = tok.dep_ != "advcl" or any(c.dep_ in ("aux", "mark") and c.lower_ in ("to", "for") for c in tok.children)
            tok = tok.head
            # "plans to meet", "is set to visit", "considering ... for Trump to give a speech"; but not "set fire to
            # ..., demanding ...": governors take complements, not participial adjuncts
            if via and _any_form_in(tok, IRREALIS_GOVERNORS):
                return True
        return False

    # -- output ---------------------------------------------------------------
    def _event(self, doc_id, sent: Span, sent_index, verb: Token, s: Actor, t: Actor, code, rule, day) -> Event:
        c = self.cameo[code]
        if c.code == "042" and t.how in ("capital", "region") and t.code.endswith("GOV"):  # "flew into Seoul", "visited
            # Bavaria": a destination
            t = Actor(code=t.country or t.code[:3], text=t.text, start=t.start, end=t.end, name=t.name,
                      country=t.country, role="", how="capital+destination", token_start=t.token_start,
                      token_end=t.token_end)
        event_date, precision = resolve_event_date(sent, day, verb)
        toll = count_casualties(sent) if c.root in VIOLENT_ROOTS else None
        place = event_place(sent, verb, country_hint=t.country or s.country or None)
        return Event(
            doc_id=doc_id, sentence_index=sent_index, sentence=sent.text, sentence_start=sent.start_char,
            sentence_end=sent.end_char, source=s.code, source_text=s.text, target=t.code, target_text=t.text,
            code=c.code, root_code=c.root, event_name=c.name, goldstein=c.goldstein, quad_class=c.quad_class,
            rule=rule, date=event_date.isoformat() if event_date else None, date_precision=precision,
            killed=toll.killed if toll else None, wounded=toll.wounded if toll else None,
            arrested=toll.arrested if toll else None,
            casualties_at_least=bool(toll and (toll.killed_at_least or toll.wounded_at_least
                                               or toll.arrested_at_least)),
            place_name=place.name if place else "", place_country=place.country if place else "",
            latitude=place.latitude if place else None, longitude=place.longitude if place else None,
            place_precision=place.precision if place else "",
            verb=verb.text, verb_start=verb.idx,
            verb_end=verb.idx + len(verb.text), source_start=s.start, source_end=s.end, target_start=t.start,
            target_end=t.end, source_name=s.name, target_name=t.name, source_country=s.country,
            source_role=s.role, target_country=t.country, target_role=t.role, source_resolution=s.how,
            target_resolution=t.how, plover_event=c.plover_event, plover_mode=c.plover_mode,
            plover_context=c.plover_context,
        )


# -- parse helpers ----------------------------------------------------------------
def verb_lemmas(tok: Token) -> list[str]:
    """Candidate verb lemmas; participles the tagger took for adjectives get their stems
    ("shielded" -> "shield", "imposed" -> "impose", "banned" -> "ban")."""
    if tok.pos_ != "ADJ" or not tok.lower_.endswith("ed"):
        return [tok.lemma_.lower()]
    text = tok.lower_
    return [text[:-2], text[:-1], text[:-3]]


def _any_form_in(tok: Token, words: set[str]) -> bool:
    """Lemma or inflected form in ``words`` (the lemmatizer turns "hopes" into "hop")."""
    low = tok.lower_
    return tok.lemma_.lower() in words or low in words or any(low[:-n] in words for n in (1, 2, 3))


def _mistagged_participle(tok: Token) -> bool:
    return tok.pos_ == "ADJ" and tok.lower_.endswith("ed") and tok.dep_ in ("ROOT", "conj", "relcl", "ccomp") and \
        any(c.dep_ == "dobj" for c in tok.children)


def _compound_subject(verb: Token) -> bool:
    """ "Russia and China held talks", "Israeli and Palestinian negotiators held talks"."""
    subjects = [c for c in verb.children if c.dep_ == "nsubj"] or list(filter(None, [fronted_subject(verb)]))
    return any(any(g.dep_ == "conj" or g.dep_ == "amod" and any(a.dep_ == "conj" for a in g.children)
                   for g in c.children) for c in subjects)


def _passive(verb: Token) -> bool:
    if any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children):
        return True
    # "resolutions vetoed by Russia"; but "air strikes killed 10 militants" (a misparsed main clause) is active
    return verb.dep_ == "acl" and verb.tag_ == "VBN" and not any(c.dep_ == "dobj" for c in verb.children)


def _negated(tok: Token) -> bool:
    return any(c.dep_ == "neg" for c in tok.children)


def _object_tokens(verb: Token) -> list[Token]:
    objs = [content_head(c) for c in verb.children if c.dep_ in ("dobj", "nsubjpass", "attr")]
    if verb.dep_ == "acl" and verb.tag_ == "VBN" and not any(c.dep_ == "dobj" for c in verb.children):
        objs.append(verb.head)
    if verb.dep_ == "relcl" and any(c.dep_ == "nsubjpass" and c.lower_ in ("that", "which") for c in verb.children):
        objs.append(verb.head)
    return objs


def _noun_match_length(noun: Token, wanted: tuple[tuple[str, ...], ...]) -> int:
    """Length of the longest wanted (modifier +) noun sequence that ``noun`` ends with; 0 for none."""
    words = [c.lemma_.lower() for c in noun.children if c.dep_ in ("compound", "amod") and c.i < noun.i]
    words.append(noun.lemma_.lower())
    best = 0
    for seq in wanted:
        if tuple(words[-len(seq):]) == seq or (len(seq) == 1 and seq[0] == noun.lower_):
            best = max(best, len(seq))
    return best
