"""Actor stage: find country names, demonyms and capitals in a parsed sentence, and resolve
the noun phrase of an event argument to an :class:`Actor` (country + sector)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from detente.lexicons import ActorLexicon, NameEntry, SectorLexicon
from detente.model import Actor, ActorMention, Span

# Dependency labels of modifiers that can carry the country of a role noun.
MODIFIER_DEPS = frozenset({"amod", "compound", "poss", "nmod", "npadvmod", "appos"})


def _case_ok(alias: str, text: str) -> bool:
    """Acronyms must match exactly; capitalised alias words must be capitalised in the text."""
    if len(alias) > 1 and alias.isupper() and alias.replace(".", "").isalpha():
        return alias == text
    return not alias[:1].isupper() or text[:1].isupper()


def _match_at(tokens: list[Token], i: int, lex: ActorLexicon) -> NameEntry | None:
    for entry in lex.by_first.get(tokens[i].lower_, ()):
        n = len(entry.tokens)
        if i + n > len(tokens):
            continue
        window = tokens[i : i + n]
        if all(t.lower_ == a.lower() and _case_ok(a, t.text)
               for t, a in zip(window, entry.tokens, strict=True)):  # fmt: skip
            return entry
    return None


def find_mentions(sent: SpacySpan, sentence_index: int, lex: ActorLexicon) -> list[ActorMention]:
    """Longest-match lexicon lookup over the tokens of one sentence."""
    tokens = list(sent)
    out: list[ActorMention] = []
    i = 0
    while i < len(tokens):
        entry = _match_at(tokens, i, lex)
        if entry is None:
            i += 1
            continue
        first, last = tokens[i], tokens[i + len(entry.tokens) - 1]
        start, end = first.idx, last.idx + len(last.text)
        text = sent.doc[first.i : last.i + 1].text  # Doc.text would rebuild the whole text
        out.append(ActorMention(
            sentence_index, first.i, last.i + 1, Span(text, start, end),
            Actor(text, entry.country, entry.sector, entry.organisation), entry.kind,
        ))  # fmt: skip
        i += len(entry.tokens)
    return out


@dataclass(frozen=True)
class ActorResolver:
    """Resolves argument tokens to actors using the mentions of the sentence and role nouns."""

    mentions: Mapping[int, ActorMention]  # token index -> mention covering it
    sectors: SectorLexicon

    @classmethod
    def for_mentions(cls, mentions: Iterable[ActorMention], sectors: SectorLexicon) -> ActorResolver:
        by_token = {i: m for m in mentions for i in range(m.token_start, m.token_end)}
        return cls(by_token, sectors)

    def sector_of(self, token: Token) -> str | None:
        """Sector of a role noun, trying two-word names ("foreign ministry") first."""
        lemma = token.lemma_.lower()
        for child in token.lefts:
            if child.dep_ in ("compound", "amod"):
                sector = self.sectors.sectors.get(f"{child.lemma_.lower()} {lemma}")
                if sector:
                    return sector
        return self.sectors.sectors.get(lemma)

    def country_near(self, token: Token) -> ActorMention | None:
        """A country mention modifying ``token``: "Iranian troops", "Iran's army", "army of Iran"."""
        for child in token.children:
            if child.dep_ in MODIFIER_DEPS and child.i in self.mentions:
                return self.mentions[child.i]
            if child.dep_ == "prep" and child.lower_ in ("of", "from"):
                for obj in child.children:
                    if obj.dep_ == "pobj" and obj.i in self.mentions:
                        return self.mentions[obj.i]
        return None

    def resolve(self, token: Token) -> Actor | None:
        """The actor a noun-phrase head stands for, or None when it names no actor."""
        mention = self.mentions.get(token.i)
        if mention is not None:
            role = self.sector_of(token) if mention.kind == "demonym" else None
            return replace(mention.actor, sector=role) if role else mention.actor
        sector = self.sector_of(token)
        near = self.country_near(token)
        if sector is None and near is None:
            return None
        lo = min(token.left_edge.i, near.token_start if near else token.i)
        text = token.doc[lo : token.i + 1].text
        if near is not None and near.actor.organisation is not None:
            return replace(near.actor, text=text)  # "UN peacekeepers" act for the UN
        return Actor(text, near.actor.country if near else None, sector)

    def resolve_all(self, token: Token) -> list[Actor]:
        """Resolve a head and its coordinated conjuncts ("Russia and Iran")."""
        actors = []
        for head in (token, *token.conjuncts):
            actor = self.resolve(head)
            if actor is not None and actor not in actors:
                actors.append(actor)
        return actors
