"""The coder: parse articles with spaCy, find actors, code events.

A :class:`Coder` owns its loaded pipeline and immutable lexicons, so several coders with
different configurations can live in one process.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import date

from spacy.tokens import Doc

from detente._version import __version__
from detente.actors import ActorResolver, find_mentions
from detente.config import Config
from detente.events import ArticleContext, EventCoder
from detente.lexicons import ActorLexicon, SectorLexicon, VerbLexicon, data_digest
from detente.model import Article, CodedArticle, Sentence, content_hash
from detente.nlp import load_pipeline
from detente.ontology import Ontology


def coder_version(config: Config) -> str:
    """Version string of the coder: package version + digest of the data files + model name.

    Any change of lexicon or model changes the version, so `detente code` re-codes old articles.
    """
    files = [("cameo.tsv", config.cameo), ("countries.tsv", config.countries),
             ("organisations.tsv", config.organisations),
             ("sectors.tsv", config.sectors), ("verbs.yaml", config.verbs)]  # fmt: skip
    return f"{__version__}+{data_digest(files)}.{config.model}"


class Coder:
    """Codes articles into events. Build once, then call :meth:`code` or :meth:`code_many`."""

    def __init__(self, config: Config | None = None) -> None:
        self.config = config or Config()
        self.nlp = load_pipeline(self.config.model)
        tokenizer = self.nlp.tokenizer
        self.ontology = Ontology.load(self.config.cameo)
        self.actors = ActorLexicon.load(lambda s: [t.text for t in tokenizer(s)], self.config.countries,
                                        self.config.organisations)
        self.sectors = SectorLexicon.load(self.config.sectors)
        self.verbs = VerbLexicon.load(self.ontology, self.config.verbs)
        self.events = EventCoder(self.verbs, self.ontology)
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
        ctx = ArticleContext(article.id, article.published, self.version)
        sentences, mentions, events = [], [], []
        for index, sent in enumerate(doc.sents):
            sentences.append(Sentence(index, sent.text, sent.start_char, sent.end_char))
            found = find_mentions(sent, index, self.actors)
            mentions.extend(found)
            resolver = ActorResolver.for_mentions(found, self.sectors)
            events.extend(self.events.code_sentence(sent, index, resolver, ctx))
        return CodedArticle(article, tuple(sentences), tuple(mentions), tuple(events), self.version)
