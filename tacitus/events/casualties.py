"""Casualty counts (killed, wounded, arrested) read from one parsed sentence.

The parse, not a regex, links a trigger (kill/die/dead/"death toll", wound/injure/hurt, arrest/detain/capture/"round
up") to its victims -- object of an active verb, subject of a passive, of "die" or "dead", the noun of a reduced
relative -- so numbers elsewhere in the sentence ("in 2014", "10 ministers met") are not counted.  The count is a number
("10 militants", "1,200", "twenty-five", "two million", "a dozen"), a vague quantifier, or a singular person ("a
policeman" -> 1); coordinated victims add up ("two soldiers and a civilian" -> 3).  Vague quantifiers are lower
bounds (``*_at_least``): dozens -> 24, scores -> 40, hundreds -> 200, thousands -> 2000, millions -> 2,000,000,
tens -> 20 ("tens of thousands" -> 20,000), several -> 3, a few -> 2; so are "at least", "more than", "over".
"No one was hurt" gives 0.  Of several figures of one kind the largest wins, since a toll restates earlier figures.
Negated, modal and intended acts ("did not kill", "could kill", "threatened to kill") are not counted.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Span, Token

__all__ = ["Casualties", "count_casualties"]


@dataclass(frozen=True)
class Casualties:
    """Counts per kind; None when the sentence gives none, ``*_at_least`` when the count is a lower bound."""
    killed: int | None = None
    wounded: int | None = None
    arrested: int | None = None
    killed_at_least: bool = False
    wounded_at_least: bool = False
    arrested_at_least: bool = False


KILLED, WOUNDED, ARRESTED = "killed", "wounded", "arrested"


def _kinds(**words: str) -> dict[str, str]:
    return {w: kind for kind, ws in words.items() for w in ws.split()}


VERBS = _kinds(killed="kill die murder slay massacre assassinate behead execute slaughter",
               wounded="wound injure hurt maim", arrested="arrest detain capture apprehend")
PARTICLE_VERBS = {("round", "up"): ARRESTED, ("gun", "down"): KILLED}
ADJECTIVES = _kinds(killed="dead killed", wounded="wounded injured")
COUNT_NOUNS = _kinds(killed="death fatality killing murder", wounded="injury", arrested="arrest detention")
#: verbs often used of things ("hurt the economy", "captured the town"): their victims must look human
NEEDS_HUMAN = {"hurt", "capture", "execute"}
IRREALIS = set("threaten plan try attempt vow want seek aim intend hope plot refuse fail prepare expect".split())
MODALS = {"will", "would", "could", "may", "might", "should", "must", "can", "wo", "'ll", "shall"}
FIGURATIVE = set("""deal bill talk plan proposal agreement measure project idea hope chance process motion amendment
    law legislation story mood momentum initiative treaty accord reform program programme scheme effort bid
    negotiation end heat time engine light pride feeling economy growth decline slide rally market trade image
    reputation relation tie""".split())
UNITS = {w: i for i, w in enumerate("""zero one two three four five six seven eight nine ten eleven twelve thirteen
    fourteen fifteen sixteen seventeen eighteen nineteen twenty""".split())}
UNITS.update({"thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90})
ADDITIVE = {**UNITS, "half": 0.5, "several": 3, "few": 2}
SCALES = {"hundred": 100, "thousand": 1000, "million": 1_000_000, "billion": 1_000_000_000}
VAGUE = dict(dozens=24, scores=40, hundreds=200, thousands=2000, millions=2_000_000, tens=20, several=3, few=2)
FIXED = {"both": 2, "couple": 2, "nobody": 0, "none": 0, "he": 1, "she": 1, "him": 1, "her": 1, "another": 1}
LOWER_BOUND = tuple(" " + w for w in "at least|more than|over|upwards of|no fewer than|no less than|above".split("|"))
NUMBER_WORDS = {*UNITS, *SCALES, *VAGUE, "dozen"}
DIGITS = re.compile(r"^\d{1,3}(,\d{3})+$|^\d+(\.\d+)?$")
HUMAN = set("""people person civilian soldier troop militant fighter rebel insurgent police policeman officer
    protester protestor demonstrator activist journalist worker student child kid man woman boy girl member suspect
    gunman attacker bomber official leader commander guard pilgrim passenger resident villager refugee migrant
    immigrant prisoner hostage militiaman jihadist extremist terrorist opponent supporter dissident trooper marine
    sailor personnel peacekeeper staff employee doctor nurse teacher farmer fisherman tourist national citizen other
    adult teenager infant baby family crew relative worshipper mourner combatant assailant president minister
    general colonel sergeant lieutenant captain chief mayor governor lawmaker politician opposition agent spy
    detainee inmate victim individual youth miner driver pilot player fan voter cleric imam priest monk""".split())
#: words ending like person nouns (-er, -or) that are not people
NOT_HUMAN = set("""border order power number water matter paper center centre corridor sector factor motor reactor
    tractor door floor hour error labor terror fever hunger anger danger winter summer river tower shelter letter
    computer tanker quarter headquarter container helicopter""".split())


def count_casualties(sent: Span) -> Casualties:
    """Killed, wounded and arrested counts of ``sent``; all None when it reports none. Never raises."""
    try:
        return _count(sent)
    except Exception:  # a garbled parse must not stop the coder
        return Casualties()


def _count(sent: Span) -> Casualties:
    found: dict[str, list[tuple[int, bool]]] = {KILLED: [], WOUNDED: [], ARRESTED: []}
    for tok in sent:
        kind = _trigger(tok)
        if kind is not None and not _irrealis(tok):
            counts = (_np_count(v, tok.lemma_.lower() in NEEDS_HUMAN) for v in _victims(tok))
            found[kind] += [c for c in counts if c is not None]
    best = {k: max(v) if v else (None, False) for k, v in found.items()}
    return Casualties(*(best[k][0] for k in found), *(best[k][1] for k in found))


def _trigger(tok: Token) -> str | None:
    lemma, lower = tok.lemma_.lower(), tok.lower_
    if tok.pos_ in ("VERB", "AUX") or tok.tag_ in ("VBN", "VBD", "VBG"):
        particles = {(lemma, c.lower_) for c in tok.children if c.dep_ == "prt"}
        if particles & PARTICLE_VERBS.keys():
            return PARTICLE_VERBS[next(iter(particles & PARTICLE_VERBS.keys()))]
        if lemma in VERBS:
            return VERBS[lemma]
        if lemma == "take" and any(p.lower_ == "custody" for p in _pobjs(tok, ("into", "in"))):
            return ARRESTED  # "took 40 people into custody"
        if lemma in ("claim", "lose") and any(c.dep_ == "dobj" and c.lemma_.lower() == "life" for c in tok.children):
            return KILLED  # "claimed 300 lives", "ten people lost their lives"
    if tok.pos_ == "NOUN" and lemma == "toll":
        return WOUNDED if any(c.lower_ in ("injury", "injuries") for c in tok.children) else KILLED
    if tok.pos_ in ("ADJ", "NOUN", "VERB") and lower in ADJECTIVES:
        return ADJECTIVES[lower]
    return COUNT_NOUNS.get(lemma) if tok.pos_ == "NOUN" else None


def _irrealis(tok: Token) -> bool:
    """Acts that did not (yet) happen: "did not kill", "could kill", "threatened to kill"."""
    return any(c.dep_ == "neg" or (c.dep_ == "aux" and c.lower_ in MODALS) for c in tok.children) \
        or (tok.dep_ == "xcomp" and tok.head.lemma_.lower() in IRREALIS)


def _victims(tok: Token) -> list[Token]:
    """The phrase(s) that say who was killed/wounded/arrested by ``tok``."""
    deps = {c.dep_: c for c in tok.children}
    lemma = tok.lemma_.lower()
    if tok.pos_ == "NOUN" and lemma == "toll":
        return _toll_numbers(tok)
    if "nummod" in deps:  # "45 deaths", "3 dead", "30 arrests"
        return [deps["nummod"]]
    if tok.pos_ == "NOUN" and lemma in COUNT_NOUNS:  # "the killing of 10 protesters"
        return _pobjs(tok, ("of",))
    if lemma == "lose" or ("dobj" in deps and tok.pos_ != "ADJ"):  # "ten people lost their lives"
        return [c for c in tok.children if c.dep_ == ("nsubj" if lemma == "lose" else "dobj")][:1]
    over = [p for p in _pobjs(tok, ("over", "above")) if _number_head(p)]
    if over:  # "wounded over 100" parsed as a preposition
        return over
    if tok.dep_ == "amod" or (tok.dep_ == "acl" and tok.tag_ == "VBN"):
        return [tok.head]  # "dozens dead", "militants killed in the raid", "100 wounded"
    passive = tok.tag_ == "VBN" and not any(c.dep_ == "aux" and c.lemma_ == "have" for c in tok.children)
    subject_is_victim = lemma == "die" or tok.pos_ == "ADJ" or passive or "nsubjpass" in deps
    subject = next((deps[k] for k in ("nsubjpass", "nsubj") if k in deps), None) if subject_is_victim else None
    if subject is not None:  # "soldiers who were killed": the relative pronoun stands for its noun
        return [tok.head if subject.tag_ in ("WP", "WDT") and tok.dep_ == "relcl" else subject]
    left = tok.head.lemma_ == "leave" and tok.dep_ == "advcl"  # "left two officers injured", misparsed
    if tok.head == tok or (tok.dep_ not in ("oprd", "xcomp", "acomp", "conj") and not left):
        return []
    # "left 10 people dead", "shot dead a teenager", "were reported killed", "shot and killed two men"
    if tok.dep_ in ("oprd", "acomp") or left:
        keys: tuple[str, ...] = ("dobj", "nsubjpass", "nsubj")
    elif subject_is_victim:
        keys = ("nsubjpass",) + (("nsubj",) if lemma == "die" or tok.pos_ == "ADJ" else ())
    else:
        keys = ("dobj",)
    hdeps = {c.dep_: c for c in tok.head.children}
    return [hdeps[k] for k in keys if k in hdeps][:1]


def _toll_numbers(toll: Token) -> list[Token]:
    """"the toll rose to 45", "raising the death toll to 45", "a death toll of 45", "the toll was 45"."""
    out = _pobjs(toll, ("of", "to", "at"))
    head = toll.head
    if toll.dep_ in ("nsubj", "dobj", "nsubjpass") and head.pos_ in ("VERB", "AUX"):
        out += _pobjs(head, ("to", "at", "above", "past"))
        out += [c for c in head.children if c.dep_ in ("dobj", "attr") and c != toll]
    return [t for t in out if _number_head(t)]


def _pobjs(tok: Token, preps: tuple[str, ...]) -> list[Token]:
    return [p for c in tok.children if c.dep_ == "prep" and c.lower_ in preps for p in c.children if p.dep_ == "pobj"]


def _number_head(tok: Token) -> bool:
    return bool(DIGITS.match(tok.text)) or tok.lower_ in NUMBER_WORDS


def _np_count(noun: Token, needs_human: bool) -> tuple[int, bool] | None:
    """Count of a victim phrase and its coordinated phrases ("two soldiers and a civilian")."""
    parts = [noun]
    for part in parts:  # grows while iterating: conjuncts of conjuncts
        parts += [c for c in part.children if c.dep_ == "conj"]
    known = [v for v in (_one_count(p, needs_human) for p in parts) if v is not None]
    return (sum(v[0] for v in known), any(v[1] for v in known) or len(known) < len(parts)) if known else None


def _one_count(noun: Token, needs_human: bool) -> tuple[int, bool] | None:
    lemma, lower = noun.lemma_.lower(), noun.lower_
    if lower in FIXED:
        return FIXED[lower], False
    if any(c.dep_ == "det" and c.lower_ == "no" for c in noun.children):
        return (0, False) if lemma not in FIGURATIVE else None  # "no one", "no soldiers"
    if _number_head(noun):
        return _number_value(noun)  # "killing 12", "three of the gunmen", "dozens of people"
    if lemma in FIGURATIVE or (needs_human and not _human(noun)):
        return None
    for c in noun.children:
        if c.dep_ in ("nummod", "amod", "quantmod", "compound") and _number_head(c):
            return _number_value(c)
    person = _human(noun) or (noun.tag_ == "NNP" and not needs_human)  # "a policeman", "Smith"
    return (1, False) if noun.tag_ in ("NN", "NNP") and person else None


def _human(noun: Token) -> bool:
    lemma = noun.lemma_.lower()
    if lemma in HUMAN or noun.lower_ in FIXED or noun.lower_ in ("they", "them"):
        return True
    return lemma not in NOT_HUMAN and lemma.endswith(("man", "men", "ist", "ian", "er", "or", "ee"))


def _number_value(tok: Token) -> tuple[int, bool] | None:
    """Value of the number phrase around ``tok`` and whether it is a lower bound."""
    if tok.lower_ in VAGUE:  # "hundreds of thousands" -> 200 * 1000, "tens of thousands" -> 20 * 1000
        scale = SCALES.get(tok.lower_[:-1], 0)
        inner = [VAGUE[c.lower_] for c in tok.children if c.lower_ in VAGUE and c.dep_ in ("quantmod", "nummod")]
        return (inner[0] * scale if inner and scale else VAGUE[tok.lower_]), True
    doc, sent, start, end = tok.doc, tok.sent, tok.i, tok.i
    while start - 1 >= sent.start and _in_number(doc, start - 1):
        start -= 1
    while end + 1 < sent.end and _in_number(doc, end + 1):
        end += 1
    words = [t.lower_ for t in doc[start:end + 1] if t.text not in ("-", "and")]
    value = _parse_number(words)
    before = " " + " ".join(t.lower_ for t in doc[max(sent.start, start - 3):start])
    vague = "several" in words or "few" in words
    return None if value is None else (int(value), vague or before.endswith(LOWER_BOUND))


def _in_number(doc, i: int) -> bool:
    t, before, after = doc[i].lower_, doc[i - 1].lower_ if i else "", doc[i + 1].lower_ if i + 1 < len(doc) else ""
    return (_number_head(doc[i]) and t not in VAGUE) or t == "half" \
        or (t == "a" and after in ("dozen", "hundred", "thousand")) or (t in ("several", "few") and after in SCALES) \
        or (after in UNITS and ((t == "-" and before in UNITS) or (t == "and" and before in SCALES)))


def _parse_number(words: list[str]) -> float | None:
    """"two hundred and fifty" -> 250, "1.5 million" -> 1,500,000, "half a dozen" -> 6."""
    total = current = 0.0
    for w in words:
        if DIGITS.match(w):
            current += float(w.replace(",", ""))
        elif w in ADDITIVE:
            current += ADDITIVE[w]
        elif w in ("dozen", "hundred"):
            current = (current or 1) * (12 if w == "dozen" else 100)
        elif w in SCALES:
            total, current = total + (current or 1) * SCALES[w], 0.0
        elif w != "a":
            return None
    return total + current if any(w != "a" for w in words) else None
