"""The coder: parse articles with spaCy, find actors, code events.

A :class:`Coder` owns its loaded pipeline and immutable lexicons, so several coders with
different configurations can live in one process.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Iterator
from datetime import date
from pathlib import Path

from spacy.tokens import Doc, Span

from detente._version import __version__
from detente.actors import ActorTables, find_mentions
from detente.config import Config
from detente.coref import Discourse
from detente.events import ArticleContext, EventCoder
from detente.gazetteer import Gazetteer
from detente.lexicons import ActorLexicon, SectorLexicon, Tokenize, VerbLexicon, data_digest, load_nouns
from detente.model import ActorMention, Article, CodedArticle, Event, Sentence, content_hash
from detente.nlp import load_pipeline
from detente.ontology import Ontology
from detente.people import PeopleDictionary
from detente.places import article_places
from detente.resolve import ActorResolver


def coder_version(config: Config) -> str:
    """Version string of the coder: package version + digest of the data files + model name.

    Any change of lexicon or model changes the version, so `detente code` re-codes old articles.
    """
    files = [("cameo.tsv", config.cameo), ("countries.tsv", config.countries),
             ("organisations.tsv", config.organisations), ("groups.tsv", config.groups),
             ("substate.tsv", config.substate), ("ethnic.tsv", config.ethnic),
             ("sectors.tsv", config.sectors),
             ("verbs.yaml", config.verbs), ("nouns.yaml", config.nouns), ("regions.tsv", None)]  # fmt: skip
    files += [("people.tsv", p) for p in people_paths(config)]
    options = f"{config.substate_coding}{config.fuzzy_threshold:g}{'c' if config.cities else ''}"
    options += f"m{config.min_confidence:g}" if config.min_confidence else ""
    options += f"h{config.historical_days}{'p' if config.places else ''}"
    options += "" if config.future_as_intent else "a"
    options += "s" if config.sentence_country else ""
    return f"{__version__}+{data_digest(files)}.{options}.{config.model}"


def people_paths(config: Config) -> list[Path | None]:
    """People dictionaries in load order: the bundled one (None) unless disabled, then the user's."""
    return ([None] if config.bundled_people else []) + list(config.people)


def load_actor_tables(config: Config, tokenize: Tokenize) -> ActorTables:
    """Load every actor dictionary named by ``config`` (bundled files by default)."""
    lexicon = ActorLexicon.load(tokenize, config.countries, config.organisations, config.groups,
                                config.substate, config.substate_coding, config.ethnic)  # fmt: skip
    people = PeopleDictionary.load(tokenize, lexicon.countries, people_paths(config))
    return ActorTables.build(lexicon, SectorLexicon.load(config.sectors), people,
                             fuzzy_threshold=config.fuzzy_threshold, cities=config.cities)  # fmt: skip


class Coder:
    """Codes articles into events. Build once, then call :meth:`code` or :meth:`code_many`."""

    def __init__(self, config: Config | None = None) -> None:
        self.config = config or Config()
        self.nlp = load_pipeline(self.config.model)
        tokenizer = self.nlp.tokenizer
        self.ontology = Ontology.load(self.config.cameo)
        self.actors = load_actor_tables(self.config, lambda s: [t.text for t in tokenizer(s)])
        self.sectors = self.actors.sectors
        self.verbs = VerbLexicon.load(self.ontology, self.config.verbs)
        self.gazetteer = (Gazetteer.load(self.actors.lexicon, substate=self.config.substate)
                          if self.config.places else None)  # fmt: skip
        self.events = EventCoder(self.verbs, self.ontology, load_nouns(self.ontology, self.config.nouns),
                                 self.gazetteer, self.config.future_as_intent)  # fmt: skip
        self.version = coder_version(self.config)

    def code(self, article: Article) -> CodedArticle:
        """Code one article."""
        return self.code_doc(article, self.nlp(article.text))

    def code_text(self, text: str, *, id: str | None = None, published: date | None = None,
                  title: str | None = None) -> CodedArticle:  # fmt: skip
        """Convenience: code a bare text."""
        return self.code(Article(id=id or content_hash(text), text=text, title=title,
                                 published=published))  # fmt: skip

    def code_many(self, articles: Iterable[Article]) -> Iterator[CodedArticle]:
        """Code articles in spaCy batches, in input order."""
        pairs = ((a.text, a) for a in articles)
        for doc, article in self.nlp.pipe(pairs, as_tuples=True, batch_size=self.config.batch_size):
            yield self.code_doc(article, doc)

    def code_doc(self, article: Article, doc: Doc) -> CodedArticle:
        """Run the actor and event stages over an already parsed document."""
        places = tuple(article_places(doc, self.gazetteer)) if self.gazetteer is not None else ()
        ctx = ArticleContext(article.id, article.published, self.version, self.config.historical_days, places)
        sentences: list[Sentence] = []
        mentions: list[ActorMention] = []
        events: list[Event] = []
        for sent, resolver in zip(doc.sents, self.actor_stage(doc, article.published), strict=True):
            index = resolver.sentence
            sentences.append(Sentence(index, sent.text, sent.start_char, sent.end_char))
            mentions.extend(dict.fromkeys(resolver.mentions.values()))
            events.extend(e for e in self.events.code_sentence(sent, index, resolver, ctx)
                          if e.confidence >= self.config.min_confidence)
        return CodedArticle(article, tuple(sentences), tuple(mentions), tuple(events), self.version)

    def actor_stage(self, doc: Doc, published: date | None = None) -> Iterator[ActorResolver]:
        """Find and resolve the actors of each sentence in reading order, sharing one discourse
        memory across the article; yields one resolver per sentence."""
        discourse = Discourse(self.config.fuzzy_threshold)
        sents = list(doc.sents)
        ents: list[list[Span]] = [[] for _ in sents]
        starts = [s.start for s in sents]
        for ent in doc.ents:
            ents[bisect_right(starts, ent.start) - 1].append(ent)
        for index, sent in enumerate(sents):
            found = find_mentions(sent, index, self.actors, published, ents[index])
            resolver = ActorResolver.for_mentions(found, self.sectors, discourse, index,
                                                  self.config.sentence_country)
            resolver.scan(sent)
            yield resolver
