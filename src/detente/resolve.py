"""Actor stage, part 2: resolve the head token of a noun phrase to an :class:`Actor`.

Order of evidence: an anaphor ("its", "the latter") goes to the :class:`Discourse`; a name
mention found by :func:`detente.actors.find_mentions` gives its actor (a demonym with a role noun
gives the role's sector: "Iranian troops" -> IRNMIL); a person's name takes country and sector
from its role in context ("Iran's Deputy Foreign Minister Abbas Araghchi") or from an earlier
introduction in the article; a role noun takes its sector from the role lexicon and its country
from a modifier ("Iran's army", "army of Iran") or, for a definite role ("the minister"), from the
last actor introduced with that role.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from detente.coref import ANAPHORS, PERSONAL, STATE_NOUNS, Antecedent, Discourse
from detente.lexicons import SectorLexicon
from detente.model import Actor, ActorMention

# Dependency labels of modifiers that can carry the country of a role noun.
MODIFIER_DEPS = frozenset({"amod", "compound", "poss", "nmod", "npadvmod", "appos"})
ROLE_DEPS = frozenset({"compound", "appos", "amod", "nmod", "npadvmod"})
DEFINITE = frozenset({"the", "this", "that", "these", "those"})
# Sectors of actors that belong to the country they are located in ("students in Indonesia",
# "police in Guinea"); troops, governments' envoys and spies in a country ("troops in Syria") are
# often foreign, so they never take it from "in".
LOCATED_SECTORS = frozenset({"CVL", "EDU", "OPP", "REB", "LAB", "BUS", "REL", "MED", "REF", "CRM",
                             "AGR", "HLH", "PTY", "SEP", "INS", "RAD", "UAF", "NGO", "HRI", "ENV",
                             "COP", "JUD", "LEG"})
LOCATIVE_PREPS = ("in", "throughout", "across", "inside")
NGO_SECTORS = frozenset({"NGO", "HRI"})
PLACE_PREPS = frozenset({"in", "at", "near", "into", "inside", "outside", "around", "across", "throughout"})
NOMINAL = frozenset({"NOUN", "PROPN", "PRON"})
# Modifiers that make an office holder a former one: CAMEO codes former officials as elites (ELI).
FORMER = frozenset({"former", "ousted", "deposed", "ex", "ex-", "exiled", "toppled", "overthrown"})
OFFICE_SECTORS = frozenset({"GOV", "LEG", "MIL", "JUD", "COP"})
# Role nouns that take the sentence's only country when nothing nearer names one: people and
# groups inside a state ("Judge X opened investigations against Chilean officials").
# Troops and spies are often foreign, so they never take it.
STATE_SECTORS = frozenset({"GOV", "ELI"})
STATE_KINDS = frozenset({"name", "capital", "demonym"})
# A state's arms abroad: those they act upon are rarely of their own country.
ABROAD_SECTORS = frozenset({"MIL", "SPY"})
DIPLOMATS = frozenset({"ambassador", "envoy", "diplomat", "embassy", "consul", "emissary", "delegation"})
CONTEXT_SECTORS = LOCATED_SECTORS | {"GOV", "ELI", "MOS", "CHR", "REL"}
# Participles through which a group is placed: "guerrillas operating in Macedonia".
PLACING_VERBS = frozenset({"operate", "base", "live", "station", "fight", "active"})
ARGUMENT_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "dative", "attr"})
MEMBER_NOUNS = frozenset({"member", "members", "delegation", "representative"})

Found = tuple[Actor | None, bool, str | None]  # actor, is a person, role lemma


def sentence_country(mentions: list[ActorMention]) -> str | None:
    """The country a sentence's state names, demonyms, capitals and places all belong to, or None
    when they name none or several."""
    countries = {m.actor.country for m in mentions
                 if m.kind not in ("organisation", "person") and m.actor.country is not None}
    return countries.pop() if len(countries) == 1 else None


def _governor(token: Token) -> Token:
    """The verb (or sentence root) whose argument ``token`` is, through prepositions and conjuncts."""
    while token.dep_ in ("pobj", "prep", "conj", "appos", "compound", "agent") and token.head is not token:
        token = token.head
    return token.head if token.head is not token else token


def _ancestors(token: Token, up: bool) -> list[Token]:
    """``token`` and, with ``up``, the heads of the noun phrase it modifies ("Iranian" in "Iranian
    officials", "Montenegro" in "the Montenegro Assembly")."""
    out = [token]
    while up and out[-1].dep_ in ("compound", "amod", "poss", "nmod") and len(out) < 4:
        out.append(out[-1].head)
    return out


def _party(token: Token) -> Token | None:
    """The verb ``token`` is a direct party of: its subject, object or non-locative prepositional
    object ("criticised Iran", "talked with Iran"); None for a place ("killed in Beirut") or a
    modifier of another noun ("demands from the Union of Angola")."""
    while token.dep_ == "conj" and token.head.i < token.i:
        token = token.head
    if token.dep_ == "pobj":
        prep, owner = token.head, token.head.head
        if prep.lower_ in PLACE_PREPS or prep.dep_ not in ("prep", "agent"):
            return None
        if owner.pos_ in ("VERB", "AUX"):
            return owner
        # one noun down: "called for sanctions against Nigeria"
        return owner.head if owner.dep_ in ARGUMENT_DEPS and owner.head.pos_ in ("VERB", "AUX") else None
    return token.head if token.dep_ in ARGUMENT_DEPS else None


def _former(token: Token) -> bool:
    return any(c.lower_ in FORMER and c.dep_ in ("amod", "compound", "advmod") for c in token.children) or (
        token.i > 0 and token.doc[token.i - 1].lower_ in FORMER)


def _plural(token: Token) -> bool:
    return token.tag_ in ("NNS", "NNPS")


def _definite(token: Token) -> bool:
    return any(c.dep_ == "det" and c.lower_ in DEFINITE for c in token.children) or (
        token.i > 0 and token.doc[token.i - 1].lower_ == "the")


@dataclass
class ActorResolver:
    """Resolves the tokens of one sentence; results are memoised and remembered in the article's
    :class:`Discourse` so that later anaphors can refer to them."""

    mentions: Mapping[int, ActorMention]  # token index -> mention covering it
    sectors: SectorLexicon
    discourse: Discourse = field(default_factory=Discourse)
    sentence: int = 0
    memo: dict[int, Actor | None] = field(default_factory=dict)
    # the one country the sentence names, given to role nouns with no country of their own
    context_country: str | None = None

    @classmethod
    def for_mentions(cls, mentions: list[ActorMention], sectors: SectorLexicon,
                     discourse: Discourse | None = None, sentence: int = 0,
                     context: bool = False) -> ActorResolver:  # fmt: skip
        by_token = {i: m for m in mentions for i in range(m.token_start, m.token_end)}
        country = sentence_country(mentions) if context else None
        return cls(by_token, sectors, discourse or Discourse(), sentence, context_country=country)

    def scan(self, sent: SpacySpan) -> None:
        """Resolve every noun and pronoun in reading order (fills the discourse memory)."""
        for token in sent:
            if token.pos_ in NOMINAL or token.i in self.mentions or token.lower_ in ("latter", "former"):
                self.resolve(token)

    def resolve(self, token: Token) -> Actor | None:
        """The actor a noun-phrase head stands for, or None when it names no actor."""
        if token.i in self.memo:
            return self.memo[token.i]
        actor, person, role = self._resolve(token)
        self.memo[token.i] = actor
        if actor is not None:
            self.discourse.remember(Antecedent(self.sentence, token.i, actor, _plural(token) or
                                               token.lower_ in ("they", "them", "their"), person, role))
        return actor

    def resolve_all(self, token: Token) -> list[Actor]:
        """Resolve a head and its coordinated conjuncts ("Russia and Iran"), and a role noun with
        coordinated countries ("French and Egyptian warships") to one actor per country."""
        return [actor for actor, _ in self.resolve_heads(token)]

    def resolve_heads(self, token: Token) -> list[tuple[Actor, Token]]:
        """Like :meth:`resolve_all`, with the head token (``token`` or one of its conjuncts) each
        actor was resolved from."""
        found: list[tuple[Actor, Token]] = []
        seen: list[Actor] = []
        for head in (token, *token.conjuncts):
            actor = self.resolve(head)
            if actor is None:
                continue
            more = [Actor(actor.text, c.country, actor.sector, c.organisation)
                    for c in self.modifier_conjuncts(head)] if self.mentions.get(head.i) is None else []
            for each in (actor, *more):
                if each not in seen:
                    seen.append(each)
                    found.append((each, head))
        return found

    def sector_of(self, token: Token) -> str | None:
        """Sector of a role noun, trying two-word names ("foreign ministry") first."""
        lemma = token.lemma_.lower()
        for child in token.lefts:
            if child.dep_ in ("compound", "amod") and child.i not in self.mentions:
                sector = self.sectors.sectors.get(f"{child.lemma_.lower()} {lemma}")
                if sector:
                    return sector
        return self.sectors.sectors.get(lemma)

    def country_near(self, token: Token, depth: int = 0) -> Actor | None:
        """The actor modifying ``token``: "Iranian troops", "Iran's army", "its army", "army of Iran",
        also through a role noun it is compounded with ("British Defence Secretary Tom King")."""
        for child in token.children:
            if depth < 2 and child.dep_ in ("compound", "appos") and child.i not in self.mentions \
                    and self.sector_of(child):
                found = self.country_near(child, depth + 1)
                if found is not None:
                    return found
            if child.dep_ in MODIFIER_DEPS and child.i in self.mentions:
                mention = self.mentions[child.i]
                if mention.kind != "person" and (mention.actor.country or mention.actor.organisation):
                    return mention.actor
                if mention.kind == "ethnic" and depth < 2:  # "Turkish Kurd refugees"
                    found = self.country_near(child, depth + 1)
                    if found is not None:
                        return found
            if child.dep_ == "amod" and child.lower_ == "led":  # "Vietnamese-led forces"
                leader = next((self.mentions[c.i].actor for c in child.children
                               if c.i in self.mentions and c.i < child.i), None)  # fmt: skip
                if leader is not None and leader.country:
                    return leader
            if child.dep_ == "poss" and child.i not in self.mentions:
                owner = self.resolve(child)
                if owner is not None and (owner.country or owner.organisation):
                    return owner
            if child.dep_ == "prep" and child.lower_ in ("of", "from"):
                for obj in child.children:
                    if obj.dep_ != "pobj":
                        continue
                    if obj.i in self.mentions:
                        return self.mentions[obj.i].actor
                    owner = self.resolve(obj)  # "doctors from two American aid groups"
                    if owner is not None and owner.country is not None:
                        return Actor(owner.text, owner.country, None)
        word = token.head if token.dep_ == "npadvmod" and token.head.dep_ == "amod" else token
        if word.dep_ in ("compound", "amod"):  # flat noun phrase: "Israeli army bulldozers"
            for sibling in word.head.children:
                sib = self.mentions.get(sibling.i)
                if sibling.i < word.i and sibling.dep_ in MODIFIER_DEPS and sib is not None \
                        and sib.kind != "person" and (sib.actor.country or sib.actor.organisation):
                    return sib.actor
        return None

    def modifier_conjuncts(self, token: Token) -> list[Actor]:
        """Countries coordinated in the modifier of a role noun: "French and Egyptian warships"."""
        for child in token.children:
            if child.dep_ in MODIFIER_DEPS and child.i in self.mentions:
                return [self.mentions[c.i].actor for c in child.conjuncts if c.i in self.mentions]
        return []

    def _located_in(self, token: Token, preps: tuple[str, ...] = LOCATIVE_PREPS) -> Actor | None:
        """The country of "in <country>" after a non-state role noun ("opposition in Nepal"), also
        through a participle that places it ("guerrillas operating in Macedonia")."""
        for child in token.children:
            if child.dep_ == "prep" and child.lower_ in preps:
                for obj in child.children:
                    mention = self.mentions.get(obj.i)
                    if obj.dep_ == "pobj" and mention is not None and mention.actor.country:
                        return Actor(mention.actor.text, mention.actor.country, None)
            if child.dep_ in ("acl", "relcl", "amod") and child.lemma_.lower() in PLACING_VERBS:
                found = self._located_in(child, preps)
                if found is not None:
                    return found
        return None

    def _text(self, token: Token) -> str:
        return token.doc[token.left_edge.i : token.i + 1].text

    def _resolve(self, token: Token) -> Found:
        word = token.lower_
        if token.tag_ in ("PRP", "PRP$") or token.pos_ == "PRON":
            if word in ANAPHORS:
                return self.discourse.pronoun(word, self.sentence, token.i), word in PERSONAL, None
            return None, False, None
        if word in ("latter", "former") and token.dep_ != "amod" and _definite(token):
            return self.discourse.latter_former(word, self.sentence, token.i), False, None
        mention = self.mentions.get(token.i)
        if mention is not None and mention.kind != "person":
            return self._from_mention(token, mention), False, None
        if mention is not None or ((token.ent_type_ == "PERSON" or token.pos_ == "PROPN")
                                   and token.dep_ != "compound" and not self.sector_of(token)):
            found = self._person(token, mention)
            if found[0] is not None:
                return found
        return self._from_role(token)

    def _from_mention(self, token: Token, mention: ActorMention) -> Actor:
        if mention.kind == "capital" and token.dep_ == "pobj" and token.head.lower_ in PLACE_PREPS:
            return replace(mention.actor, sector=None)  # "arrived in Amman": the place, not the government
        if mention.kind == "place":  # a town or city stands for its people (CAMEO)
            return replace(mention.actor, sector="CVL")
        ethnic = mention.kind == "ethnic" or (mention.kind == "demonym" and self._says_ethnic(token))
        if mention.kind != "demonym" and not ethnic:
            return mention.actor
        actor = mention.actor
        if ethnic:  # an ethnic group is coded by the country it lives in
            where = self.country_near(token) or self._located_in(token) or self._other_country(actor)
            actor = replace(actor, country=where.country) if where is not None else actor
        elif _plural(token) and token.dep_ not in ("amod", "compound"):  # "Albanians of Serbia"
            where = self._located_in(token, ("of", *LOCATIVE_PREPS))
            actor = replace(actor, country=where.country) if where is not None else actor
        role = self.sector_of(token)
        if role:
            return replace(actor, sector=role)
        if (_plural(token) or ethnic) and token.dep_ not in ("amod", "compound"):
            return replace(actor, sector="CVL")  # "Armenians", "Palestinians", "ethnic Albanians"
        return actor

    def _ethnic_countries(self, token: Token) -> set[str | None]:
        """Countries of modifiers that name a people, not the state they live in ("ethnic Albanian
        guerrillas"): a place named for the group ("operating in Macedonia") overrides them."""
        return {self.mentions[c.i].actor.country for c in token.children
                if c.dep_ in ("amod", "compound") and c.i in self.mentions
                and (self.mentions[c.i].kind == "ethnic" or self._says_ethnic(c))}

    def _says_ethnic(self, token: Token) -> bool:
        return any(c.lower_ == "ethnic" for c in token.children) or (
            token.i > 0 and token.doc[token.i - 1].lower_ == "ethnic")

    def _other_country(self, actor: Actor) -> Actor | None:
        """For "ethnic Albanians ... in Serbia": another state named in the sentence."""
        for mention in self.mentions.values():
            if mention.kind in ("name", "capital", "region") and mention.actor.country not in (
                    None, actor.country):  # fmt: skip
                return mention.actor
        return None

    def _role_token(self, token: Token) -> Token | None:
        for child in token.children:
            if child.dep_ in ROLE_DEPS and child.i not in self.mentions and self.sector_of(child):
                return child
        if token.dep_ in ("appos", "compound", "npadvmod", "nmod") and self.sector_of(token.head):
            return token.head
        return None

    def _name(self, token: Token) -> str:
        """The person's name: the run of proper nouns ending at ``token``."""
        i = token.i
        while i > 0 and token.doc[i - 1].pos_ == "PROPN" and token.doc[i - 1].i not in self.mentions \
                and not self.sector_of(token.doc[i - 1]):
            i -= 1
        return token.doc[i : token.i + 1].text

    def _person(self, token: Token, mention: ActorMention | None) -> Found:
        """A person: role in context, else the dictionary, else an earlier introduction."""
        name = self._name(token)
        role_tok = self._role_token(token)
        introduced = self.discourse.person(name)  # the article's own introduction wins
        known = introduced or (mention.actor if mention is not None else None)
        if role_tok is None:
            if known is not None and introduced is None:
                self.discourse.introduce(name, known)
            return known, True, None
        near = self.country_near(role_tok) or self.country_near(token)
        sector = self._office(role_tok, self.sector_of(role_tok)) if not _former(token) else "ELI"
        text = token.doc[min(role_tok.left_edge.i, token.left_edge.i) : token.i + 1].text
        if near is not None and near.organisation is not None:
            actor = Actor(text, None, sector, near.organisation)
        elif near is not None or known is not None:
            country = near.country if near is not None else known.country if known else None
            actor = Actor(text, country, sector)
        else:
            actor = Actor(text, self._context(token, sector), sector)
        if actor.country is not None or actor.organisation is not None:
            self.discourse.introduce(name, actor)
        return actor, True, role_tok.lemma_.lower()

    def _office(self, token: Token, sector: str | None) -> str | None:
        """ELI for a former office holder ("former president", "ousted prime minister")."""
        return "ELI" if sector in OFFICE_SECTORS and _former(token) else sector

    def _context(self, token: Token, sector: str | None) -> str | None:
        """The sentence's only country, for a role noun of a sector that belongs to one, unless
        that country is the other party of the role's own clause ("the minister criticised Iran")."""
        if self.context_country is None or sector not in CONTEXT_SECTORS:
            return None
        verb = _governor(token)
        inside = range(token.left_edge.i, token.right_edge.i + 1)
        abroad = self._acting_abroad(verb)
        for i, mention in self.mentions.items():
            if mention.actor.country != self.context_country or i in inside:
                continue
            if i in abroad and token.i not in abroad:
                return None  # "the Chinese ambassador urged all parties": the parties are not Chinese
            # a state's officials deal with other states: a country modifying the other party
            # ("criticised Iranian officials") rules it out too; police, courts and groups act at home
            for head in _ancestors(token.doc[i], sector in STATE_SECTORS):
                party = _party(head)
                if party is not None and party.i == verb.i and self._state_party(mention, head, i):
                    return None
        return self.context_country

    def _acting_abroad(self, verb: Token) -> set[int]:
        """Token indices of the doer of ``verb`` (its subject, or the agent of a passive) when the
        doer is a state's arm abroad (troops, spies, diplomats); else an empty set."""
        doers = [c for c in verb.children if c.dep_ == "nsubj"]
        doers += [o for c in verb.children if c.dep_ == "agent" for o in c.children if o.dep_ == "pobj"]
        out: set[int] = set()
        for doer in doers:
            foreign = any(c.lower_ == "foreign" for c in doer.children)
            if self.sector_of(doer) in ABROAD_SECTORS or doer.lemma_.lower() in DIPLOMATS or foreign:
                out.update(t.i for t in doer.subtree)
        return out

    def _state_party(self, mention: ActorMention, head: Token, i: int) -> bool:
        """Whether the party ``head`` of a clause, named by or modified by ``mention``, is a state
        rather than a group or body at home ("demands from UNITA", "the Montenegro Assembly")."""
        if head.i == i or head.i in self.mentions and self.mentions[head.i] is mention:
            return mention.kind not in ("group", "organisation")
        return mention.kind in STATE_KINDS and self.sector_of(head) in (None, "GOV", "MIL", "SPY")

    def _member_of(self, token: Token) -> Actor | None:
        """ "a member of the Syrian parliament": the body the member belongs to."""
        for child in token.children:
            if child.dep_ == "prep" and child.lower_ == "of":
                body = next((self.resolve(o) for o in child.children if o.dep_ == "pobj"), None)
                if body is not None and (body.country or body.organisation):
                    return replace(body, text=self._text(token) + " of " + body.text)
        return None

    def _from_role(self, token: Token) -> Found:
        lemma = token.lemma_.lower()
        if token.lower_ in MEMBER_NOUNS or lemma in MEMBER_NOUNS:
            member = self._member_of(token)
            if member is not None:
                return member, False, None
        sector = self._office(token, self.sector_of(token))
        near = self.country_near(token)
        ethnic = self._ethnic_countries(token)
        if (near is None or near.country in ethnic) and sector in LOCATED_SECTORS:
            near = self._located_in(token) or near
        if ethnic and sector in ("GOV", "PTY"):
            sector = "ELI"  # "Yoruba leaders": a people's leaders are elites, not a government
        if near is None:
            if lemma in STATE_NOUNS and _definite(token):
                return self.discourse.state(self.sentence, token.i), False, None
            if sector is None:
                return None, False, None
            if _definite(token):
                earlier = self.discourse.role(lemma, self.sentence, token.i)
                if earlier is not None:
                    return replace(earlier, text=self._text(token)), True, lemma
            if sector in NGO_SECTORS:  # an unnamed NGO is coded as an NGO (CAMEO convention)
                ngo = Actor(self._text(token), None, None if sector == "NGO" else sector, "NGO")
                return ngo, False, lemma
            return Actor(self._text(token), self._context(token, sector), sector), False, lemma
        if near.organisation is not None:  # "UN peacekeepers" act for the UN, its officials are the UN
            own = near.sector if sector is None or (sector == "GOV" and near.organisation[:3] == "IGO") \
                else sector
            return replace(near, text=self._text(token), sector=own), False, lemma
        return Actor(self._text(token), near.country, sector), False, lemma
