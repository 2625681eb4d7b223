"""Event locations: the place phrase of an event trigger, resolved with the :class:`Gazetteer`.

:func:`event_location` reads the locative ("in Baku", "near the Iranian border", "at the border
with Iran") and directional ("trucks carrying fuel to Xankandi", "from Tabriz") phrases of a trigger
and its objects, and resolves the first one naming a place. :func:`article_places` lists the
countries of the places an article names, and :func:`context_countries` merges them with the event
actors' countries into the ``prefer`` list that disambiguates "Georgia" or "Tripoli".
See docs/places.md.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import replace
from types import MappingProxyType

from spacy.tokens import Doc, Span, Token

from detente.gazetteer import Gazetteer, name_key
from detente.model import Place, PlaceLevel

STATIC_PREPS = ("in", "at", "near", "inside", "outside", "within", "on", "along", "across", "around",
                "throughout", "off")  # fmt: skip
DIRECTIONAL_PREPS = ("to", "into", "towards", "toward", "through", "from")
PREP_RANK = MappingProxyType({**dict.fromkeys(STATIC_PREPS, 0), "to": 1, "into": 1, "towards": 1,
                              "toward": 1, "through": 2, "from": 3})  # fmt: skip
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
NOT_PLACE_LABELS = frozenset({"DATE", "TIME", "PERCENT", "MONEY", "QUANTITY", "ORDINAL", "CARDINAL",
                              "EVENT", "LAW", "LANGUAGE", "WORK_OF_ART", "PRODUCT"})  # fmt: skip
CALENDAR = frozenset({"january", "february", "march", "april", "may", "june", "july", "august", "september",
                      "october", "november", "december", "monday", "tuesday", "wednesday", "thursday",
                      "friday", "saturday", "sunday"})  # fmt: skip
# Common nouns of a phrase that locates by a name attached to it: "the city of Ganja", "the Iranian
# border", "the border with Iran", "Baku airport".
PLACE_NOUNS = frozenset({
    "border", "frontier", "boundary", "front", "frontline", "line", "city", "town", "village", "region",
    "province", "district", "capital", "area", "outskirts", "suburb", "port", "enclave", "exclave",
    "territory", "soil", "side", "coast", "shore", "water", "airspace", "corridor", "county", "state",
    "neighborhood", "neighbourhood", "settlement", "airport", "base", "camp", "crossing", "checkpoint",
    "zone", "valley", "island", "peninsula", "part", "oblast", "governorate", "municipality", "street",
    "square", "countryside", "highway", "road",
})  # fmt: skip
# Heads a directional phrase ("to X", "from X") must hang on to say where the event happened.
MOTION_VERBS = frozenset({
    "send", "deliver", "carry", "bring", "ship", "transport", "travel", "go", "come", "move", "fly", "sail",
    "drive", "march", "head", "return", "arrive", "depart", "deploy", "redeploy", "dispatch", "transfer",
    "export", "import", "smuggle", "evacuate", "deport", "expel", "extradite", "withdraw", "retreat", "flee",
    "escape", "advance", "push", "relocate", "airlift", "supply", "fire", "launch", "shell", "infiltrate",
    "cross", "enter", "pump", "divert", "reroute", "haul", "migrate", "repatriate", "pull", "roll",
})  # fmt: skip
MOVEMENT_NOUNS = frozenset({
    "truck", "convoy", "aid", "troop", "flight", "shipment", "delivery", "visit", "trip", "journey", "route",
    "pipeline", "export", "import", "transfer", "deployment", "evacuation", "deportation", "return",
    "withdrawal", "march", "mission", "delegation", "tour", "missile", "drone", "rocket", "refugee",
    "supply", "cargo", "fuel", "train", "vehicle", "ship", "plane", "aircraft", "weapon", "ammunition",
    "reinforcement", "soldier", "force", "migrant", "flow", "passage", "traffic",
})  # fmt: skip
OBJECT_DEPS = frozenset({"dobj", "obj", "dative", "attr", "oprd", "xcomp", "nsubjpass"})
CLAUSE_DEPS = frozenset({"acl", "xcomp", "dobj", "obj"})
LIGHT_VERBS = frozenset({"take", "hold", "be", "occur", "happen", "begin", "start", "continue", "resume",
                         "open", "erupt", "break", "end", "conclude", "convene", "unfold", "conduct",
                         "stage", "carry", "launch", "report"})  # fmt: skip
# Verbs whose direct object is the place of the event: "visited Baku", "struck Kharkiv".
PLACE_OBJECT_VERBS = frozenset({"visit", "tour", "invade", "enter", "reach", "strike", "attack", "shell",
                                "bomb", "hit", "capture", "seize", "besiege", "raid", "occupy", "storm",
                                "liberate", "encircle", "blockade", "recapture", "retake"})  # fmt: skip
MODIFIER_DEPS = frozenset({"amod", "compound", "nmod", "poss", "conj"})
NAME_DEPS = frozenset({"compound", "punct", "nmod", "amod", "flat"})
HYPHENS = frozenset({"-", "–", "‐"})
DIRECTION_WORDS = frozenset({"north", "south", "east", "west", "northern", "southern", "eastern", "western",
                             "northeastern", "northwestern", "southeastern", "southwestern", "central"})
# Words that are institutions, not places, when NER does not call them a place ("in Congress").
INSTITUTIONS = frozenset({"congress", "parliament", "senate", "council", "assembly", "government", "cabinet",
                          "court", "ministry", "army", "police", "navy", "house", "kremlin", "pentagon"})
US_STATE_CUES = frozenset({"governor", "legislature", "senator", "state", "congressman", "congresswoman",
                           "lieutenant", "statehouse"})  # fmt: skip
MAX_DEPTH = 3
SUBJECT_DEPTH = 3  # a locative phrase on the subject is tried last
LARGE_CITY = 100_000  # population of a city a PERSON-tagged name may stand for after "to"/"from"


def context_countries(*groups: Iterable[str | None]) -> tuple[str, ...]:
    """The ``prefer`` list: ISO alpha-3 codes from each group in order (event actors' countries
    first, then :func:`article_places`), without duplicates, ``None`` or non-country codes."""
    codes = (c for group in groups for c in group if c and len(c) == 3 and c.isalpha() and c.isupper())
    return tuple(dict.fromkeys(codes))


def event_location(trigger: Token, gazetteer: Gazetteer, prefer: Sequence[str] = ()) -> Place | None:
    """Where the event of ``trigger`` happened, from its own place phrases: the first one whose place
    the gazetteer knows; else an unknown place NER calls a place, as text only; else None."""
    cued = us_state_names(trigger.doc.ents)
    unknown: Place | None = None
    for obj, prep in _phrases(trigger):
        place = _object_place(obj, prep, gazetteer, tuple(prefer), cued)
        if place is not None and place.level is not None:
            return place
        unknown = unknown or place
    return unknown


def _phrases(trigger: Token) -> list[tuple[Token, str]]:
    """(object, preposition) of each place phrase, in the order they are tried; the direct object
    of "visit", "strike"... counts as "in"."""
    found = []
    if trigger.lemma_.lower() in PLACE_OBJECT_VERBS:
        found = [(o, "in") for c in trigger.children if c.dep_ in ("dobj", "obj") for o in (c, *c.conjuncts)]
    return found + [(obj, prep.lower_) for prep in place_preps(trigger) for obj in _objects(prep)]


def article_places(doc_or_sentences: Doc | Iterable[Span], gazetteer: Gazetteer) -> list[str]:
    """ISO alpha-3 codes of the countries of the places (GPE, LOC, FAC entities) an article names,
    most often named first. Each name is read in the light of the article's other places, so
    "Georgia" next to "Atlanta" counts as the US state (USA)."""
    if isinstance(doc_or_sentences, Doc):
        ents = list(doc_or_sentences.ents)
    else:
        ents = [e for sent in doc_or_sentences for e in sent.ents]
    spans = [s for s in (_trim(e) for e in ents if e.label_ in PLACE_LABELS) if len(s)]
    cued = us_state_names(ents)
    first = [_country(gazetteer, s.text, ("USA",) if name_key(s.text) in cued else ()) for s in spans]
    second = []
    for i, span in enumerate(spans):
        others = _ranked(first[:i] + first[i + 1 :])
        cue = ("USA",) if name_key(span.text) in cued else ()
        second.append(_country(gazetteer, span.text, context_countries(cue, others)))
    return _ranked(second)


def _country(gazetteer: Gazetteer, name: str, prefer: Sequence[str]) -> str | None:
    place = gazetteer.lookup(name, prefer)
    return place.country if place is not None else None


def _ranked(codes: Sequence[str | None]) -> list[str]:
    """Distinct codes, most frequent first, then in order of first appearance."""
    counts = Counter(c for c in codes if c)
    return sorted(counts, key=lambda c: (-counts[c], codes.index(c)))


def us_state_names(ents: Iterable[Span]) -> frozenset[str]:
    """Name keys the article marks as US states: "the governor of Georgia", "the state of Georgia",
    "Georgia's governor", "Georgia state senator" (one sense per article for the name)."""
    found = set()
    for ent in ents:
        root = ent.root
        head = root.head.head if root.dep_ == "pobj" and root.head.lower_ == "of" else root.head
        if root.dep_ in ("pobj", "compound", "nmod", "poss") and head.lemma_.lower() in US_STATE_CUES:
            found.add(name_key(_trim(ent).text))
    return frozenset(found)


# --- finding the place phrases ------------------------------------------------------------------


def place_preps(trigger: Token) -> list[Token]:
    """The locative/directional prepositions of the trigger, its objects and their clauses,
    static ones ("in") first, then "to", "through", "from"; nearer the trigger first."""
    found: dict[int, tuple[int, int, int]] = {}
    for owner, depth in _owners(trigger):
        for child in owner.children:
            if depth == SUBJECT_DEPTH and PREP_RANK.get(child.lower_) != 0:
                continue  # only where the subject is: "protesters *in Tripoli* condemned"
            if child.dep_ in ("prep", "dative") and child.lower_ in PREP_RANK and _prep_ok(child, owner):
                found.setdefault(child.i, (PREP_RANK[child.lower_], depth, child.i))
    return [trigger.doc[i] for i in sorted(found, key=lambda i: found[i])]


def _owners(trigger: Token) -> list[tuple[Token, int]]:
    """Tokens whose prepositional phrases may locate the event, with their distance from the trigger."""
    near = [c for c in trigger.children if c.dep_ in OBJECT_DEPS]
    near += [o for p in trigger.children if p.dep_ == "prep" for o in p.children
             if o.dep_ in ("pobj", "pcomp")]  # fmt: skip
    if trigger.dep_ in ("nsubj", "nsubjpass", "dobj") and trigger.head.lemma_ in LIGHT_VERBS:
        near.append(trigger.head)  # "talks were held in Baku", "held talks in Baku"
    far = [c for o in near for c in o.children if c.dep_ in CLAUSE_DEPS]
    subjects = [c for c in trigger.children
                if c.dep_ in ("nsubj", "nsubjpass") and c.pos_ in ("NOUN", "PROPN")]
    return [(trigger, 0), *((t, 1) for t in near), *((t, 2) for t in far),
            *((t, SUBJECT_DEPTH) for t in subjects)]


def _prep_ok(prep: Token, owner: Token) -> bool:
    """Directional phrases locate an event only on a motion verb or (not "from": "troops from
    Armenia" says where they come from) a movement noun."""
    if PREP_RANK[prep.lower_] == 0:
        return True
    if owner.pos_ in ("VERB", "AUX"):
        return owner.lemma_.lower() in MOTION_VERBS
    return prep.lower_ != "from" and owner.lemma_.lower() in MOVEMENT_NOUNS


def _objects(prep: Token) -> list[Token]:
    """The objects of a preposition, with their conjuncts ("in Baku and Ganja")."""
    objs = [c for c in prep.children if c.dep_ == "pobj"]
    return objs + [c for o in objs for c in o.conjuncts if c.i > o.i]


# --- resolving a phrase -------------------------------------------------------------------------


def _object_place(obj: Token, prep: str, gaz: Gazetteer, prefer: tuple[str, ...], cued: frozenset[str],
                  depth: int = 0) -> Place | None:  # fmt: skip
    """The place an object of a preposition names (resolved, or text only), or None."""
    if obj.ent_type_ in NOT_PLACE_LABELS or obj.lower_ in CALENDAR or depth > MAX_DEPTH:
        return None
    if obj.pos_ == "NOUN" and obj.lemma_.lower() in PLACE_NOUNS:
        return _noun_place(obj, gaz, prefer, cued, depth)
    if prep != "on" and (obj.pos_ == "PROPN" or obj.ent_type_ in PLACE_LABELS):
        return _proper_place(obj, prep, gaz, prefer, cued)
    return None


def _proper_place(obj: Token, prep: str, gaz: Gazetteer, prefer: tuple[str, ...],
                  cued: frozenset[str]) -> Place | None:  # fmt: skip
    """A proper name: the entity (or compound) around ``obj``; unknown names NER calls places
    stay as text."""
    label = obj.ent_type_
    spans = [_trim(s) for s in (_entity(obj), _compound(obj)) if s is not None]
    context = _appositive_countries(obj, gaz) + prefer
    for span in dict.fromkeys(s for s in spans if len(s)):
        cue: tuple[str, ...] = ("USA",) if name_key(span.text) in cued else ()
        place = gaz.lookup(span.text, cue + context)
        if place is not None and _credible(place, span, label, prep, gaz):
            return place
    for owner in (c for c in obj.children if c.dep_ == "poss" and c.pos_ == "PROPN"):
        place = _proper_place(owner, prep, gaz, prefer, cued)  # "Yerevan's Republic Square"
        if place is not None and place.level is not None:
            return place
    return Place(spans[0].text) if label in PLACE_LABELS and spans and len(spans[0]) else None


def _credible(place: Place, span: Span, label: str, prep: str, gaz: Gazetteer) -> bool:
    """Whether a name NER does not call a place may still be one ("Xankandi" tagged ORG, "Ganja"
    tagged PERSON); a "person" needs a large city to be taken as the place of "to"/"from"."""
    if label in PLACE_LABELS or place.level in (PlaceLevel.COUNTRY, PlaceLevel.REGION):
        return True
    text = span.text
    if name_key(text) in INSTITUTIONS or (text.isupper() and len(text) <= 5):
        return False
    if label == "PERSON" and PREP_RANK.get(prep) != 0:
        return max(r.weight for r in gaz.readings(text)) >= LARGE_CITY
    return True


def _noun_place(noun: Token, gaz: Gazetteer, prefer: tuple[str, ...], cued: frozenset[str],
                depth: int) -> Place | None:  # fmt: skip
    """"the city of Ganja", "the border with Iran", "Baku airport", "the Iranian border"."""
    mods = [t for t in noun.subtree if t.i < noun.i and t.dep_ in MODIFIER_DEPS]
    demonyms = [p for p in (gaz.demonym(m.text) for m in mods) if p is not None]
    context = (("USA",) if noun.lemma_ == "state" else ()) + tuple(p.country or "" for p in demonyms) + prefer
    inner = [o for c in noun.children if c.dep_ == "prep" and c.lower_ in ("of", "with", "between")
             for o in _objects(c)]  # fmt: skip
    inner += [c for c in noun.children if c.dep_ == "appos"]
    inner += [m for m in mods if m.pos_ == "PROPN" and gaz.demonym(m.text) is None]
    unknown = None
    for obj in inner:
        place = _object_place(obj, "in", gaz, context, cued, depth + 1)
        if place is not None and place.level is not None:
            return _capital_of(noun, place, gaz)
        unknown = unknown or place
    if demonyms:
        ranks = [prefer.index(p.country) if p.country in prefer else len(prefer) + i
                 for i, p in enumerate(demonyms)]  # fmt: skip
        best = demonyms[ranks.index(min(ranks))]
        return _capital_of(noun, replace(best, text=noun.doc[noun.left_edge.i : noun.i + 1].text), gaz)
    return unknown


def _capital_of(noun: Token, place: Place, gaz: Gazetteer) -> Place:
    """"the Azerbaijani capital", "the capital of Iran": the capital city, not the country."""
    if noun.lemma_.lower() != "capital" or place.level != PlaceLevel.COUNTRY or place.country is None:
        return place
    text = noun.doc[noun.left_edge.i : noun.right_edge.i + 1].text
    return gaz.capital(place.country, text) or place


def _appositive_countries(obj: Token, gaz: Gazetteer) -> tuple[str, ...]:
    """Countries named in apposition: "Tripoli, Lebanon" -> ("LBN",)."""
    found = (gaz.lookup(_trim(_compound(c)).text) for c in obj.children if c.dep_ in ("appos", "npadvmod"))
    return tuple(p.country for p in found if p is not None and p.country and p.level != PlaceLevel.CITY)


def _entity(token: Token) -> Span | None:
    """The named entity ``token`` is part of, if any."""
    if not token.ent_type_:
        return None
    doc, start, end = token.doc, token.i, token.i + 1
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return doc[start:end]


def _compound(token: Token) -> Span:
    """``token`` with the proper-noun words and hyphens right before it ("Nagorno-Karabakh")."""
    start = token.i
    for child in reversed(list(token.lefts)):
        if child.dep_ not in NAME_DEPS or child.right_edge.i != start - 1:
            break
        if child.pos_ != "PROPN" and child.text not in HYPHENS:
            break
        start = _compound(child).start
    return token.doc[start : token.i + 1]


def _trim(span: Span) -> Span:
    """The span without leading determiners and direction words, or a trailing possessive."""
    start, end = span.start, span.end
    doc = span.doc
    while end - start > 1 and (doc[start].pos_ == "DET" or doc[start].lower_ in DIRECTION_WORDS):
        start += 1
    while end - start > 1 and (doc[end - 1].tag_ == "POS" or doc[end - 1].is_punct):
        end -= 1
    return doc[start:end]
