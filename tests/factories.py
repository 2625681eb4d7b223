"""Hand-built coded articles for storage and export tests (no spaCy)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from detente.model import (
    Actor,
    ActorMention,
    Article,
    CodedArticle,
    DatePrecision,
    Event,
    Modality,
    Plover,
    QuadClass,
    Sentence,
    Span,
)  # fmt: skip

CODER = "detente-0.1.0+test"
# Real CAMEO facts: (code, root, goldstein, quad class, PLOVER type/mode/context).
CAMEO = [
    ("111", "11", -2.0, QuadClass.VERBAL_CONFLICT, Plover("ACCUSE", "disapprove", None)),
    ("173", "17", -5.0, QuadClass.MATERIAL_CONFLICT, Plover("COERCE", "arrest", "legal")),
    ("0841", "08", 7.0, QuadClass.MATERIAL_COOPERATION, Plover("RETREAT", "release", "legal")),
    ("010", "01", 0.0, QuadClass.VERBAL_COOPERATION, Plover(None, None, None)),
    ("036", "03", 4.0, QuadClass.VERBAL_COOPERATION, Plover("AGREE", None, "diplomatic")),
    ("042", "04", 1.9, QuadClass.VERBAL_COOPERATION, Plover("CONSULT", "visit", None)),
]  # fmt: skip


@dataclass(frozen=True)
class Template:
    """One sentence, repeated per event: who does what to whom."""

    sentence: str
    trigger: str
    source: Actor
    target: Actor
    codes: tuple[int, ...]  # indices into CAMEO, cycled


AZE_IRN = Template("Azerbaijan's foreign ministry criticized Iran.", "criticized",
                   Actor("Azerbaijan's foreign ministry", "AZE", "GOV"), Actor("Iran", "IRN", None),
                   (0, 4, 5, 1))  # fmt: skip
TUR_IRN = Template("Türkiye's army arrested Iran's envoy, the ministry said.", "arrested",
                   Actor("Türkiye's army", "TUR", "MIL"), Actor("Iran's envoy", "IRN", "GOV"),
                   (0, 1, 2, 3))  # fmt: skip


def make_coded(article_id: str, n_events: int, *, template: Template = AZE_IRN,
               text: str | None = None, coder_version: str = CODER) -> CodedArticle:  # fmt: skip
    """An article of ``n_events`` sentences with one coded event each, and its actor mentions."""
    s = template.sentence
    body = text if text is not None else " ".join([s] * max(n_events, 1))
    article = Article(id=article_id, text=body, title=f"Title {article_id}",
                      published=date(2024, 3, 4), source="Test Wire",
                      url=f"https://example.org/{article_id}", origin="test.jsonl:1")  # fmt: skip
    sents, mentions, events = [], [], []
    offset = 0
    for i in range(n_events):
        sents.append(Sentence(i, s, offset, offset + len(s)))
        for actor in (template.source, template.target):
            name = actor.text.split("'")[0]
            start = offset + s.index(name)
            mentions.append(ActorMention(i, 0, 1, Span(name, start, start + len(name)),
                                         Actor(name, actor.country, actor.sector), "name"))  # fmt: skip
        code, root, goldstein, quad, plover = CAMEO[template.codes[i % len(template.codes)]]
        trig = offset + s.index(template.trigger)
        events.append(Event(
            event_id=f"{article_id}-e{i}", article_id=article_id, sentence_index=i, sentence=s,
            source=template.source, target=template.target if i % 2 == 0 else None,
            cameo=code, cameo_root=root, goldstein=goldstein, quad_class=quad, plover=plover,
            modality=Modality(negated=i % 3 == 1, hypothetical=i % 3 == 2,
                              attributed_to="the ministry" if i % 2 == 0 else None),
            date=date(2024, 3, 4) if i % 2 == 0 else None,
            evidence=Span(template.trigger, trig, trig + len(template.trigger)), confidence=0.8,
            coder_version=coder_version, trigger=template.trigger, group=f"g{i}" if i % 2 else "",
        ))  # fmt: skip
        offset += len(s) + 1
    return CodedArticle(article, tuple(sents), tuple(mentions), tuple(events), coder_version)


# Real CAMEO facts: code -> (root, Goldstein, quad class).
CLUSTER_CAMEO = {"111": ("11", -2.0, QuadClass.VERBAL_CONFLICT),
                 "112": ("11", -2.0, QuadClass.VERBAL_CONFLICT),
                 "042": ("04", 1.9, QuadClass.VERBAL_COOPERATION),
                 "057": ("05", 8.0, QuadClass.VERBAL_COOPERATION),
                 "190": ("19", -10.0, QuadClass.MATERIAL_CONFLICT),
                 "193": ("19", -10.0, QuadClass.MATERIAL_CONFLICT)}  # fmt: skip
ACTORS = {"AZE": Actor("Azerbaijan", "AZE", None), "IRN": Actor("Iran", "IRN", None),
          "AZEGOV": Actor("Baku", "AZE", "GOV"), "IRNMIL": Actor("Iranian troops", "IRN", "MIL"),
          "UN": Actor("the Security Council", None, "GOV", "IGOUNO"),
          "UNO": Actor("the United Nations", None, None, "IGOUNO"),
          "MIL": Actor("soldiers", None, "MIL")}  # fmt: skip


@dataclass(frozen=True)
class M:
    """One mention to store: who, what, when, and the evidence."""

    src: str
    tgt: str | None
    cameo: str
    day: date | None
    evidence: str
    negated: bool = False
    hypothetical: bool = False
    future: bool = False
    precision: DatePrecision = DatePrecision.DAY


def article(aid: str, mentions: list[M], outlet: str | None = "Wire") -> CodedArticle:
    """An article whose sentences are the mentions' evidence, one coded event each."""
    text = " ".join(m.evidence for m in mentions)
    sents, events, offset = [], [], 0
    for i, m in enumerate(mentions):
        sents.append(Sentence(i, m.evidence, offset, offset + len(m.evidence)))
        root, goldstein, quad = CLUSTER_CAMEO[m.cameo]
        events.append(Event(
            event_id=f"{aid}-{i}", article_id=aid, sentence_index=i, sentence=m.evidence,
            source=ACTORS[m.src], target=ACTORS[m.tgt] if m.tgt else None, cameo=m.cameo,
            cameo_root=root, goldstein=goldstein, quad_class=quad, plover=Plover(None, None, None),
            modality=Modality(m.negated, m.hypothetical, m.future), date=m.day,
            evidence=Span(m.evidence, offset, offset + len(m.evidence)), confidence=0.8,
            coder_version="test", date_precision=m.precision if m.day else None,
        ))  # fmt: skip
        offset += len(m.evidence) + 1
    art = Article(id=aid, text=text, published=date(2020, 8, 10), source=outlet)
    return CodedArticle(art, tuple(sents), (), tuple(events), "test")
