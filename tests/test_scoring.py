from __future__ import annotations

import json
from datetime import date

import pytest

from detente.gold import CLASS_SET, NER_SET, PETRARCH_SET, PLOVER_SET, GoldEvent, GoldSentence, GoldSpan
from detente.model import Actor, CodedArticle, Event, Modality, Plover, QuadClass, Span
from detente.model import Article as ArticleRecord
from detente.scoring import (
    PRF,
    Predicted,
    Report,
    Scored,
    country_level,
    false_event_rate,
    find_miss,
    predicted_class,
    predicted_spans,
    predictions,
    score_classes,
    score_plover_types,
    score_set,
    score_spans,
    score_triples,
)


def _events_gold(*events: GoldEvent, sid: str = "s", text: str = "x", source_set: str = PETRARCH_SET):
    return GoldSentence(sid, text, None, tuple(events), None, (), source_set)


def _pred(source, target, cameo, plover=None, confidence=0.8, factual=True, s_text="", t_text=""):
    return Predicted(source, target, cameo, plover, confidence, factual, s_text, t_text)


def test_scoring_prf_arithmetic():
    p = PRF(2, 1, 1) + PRF(1, 0, 2)
    assert (p.tp, p.fp, p.fn) == (3, 1, 3)
    assert p.precision == pytest.approx(0.75) and p.recall == pytest.approx(0.5)
    assert p.f1 == pytest.approx(0.6)
    assert PRF().f1 == 0.0


def test_scoring_triples_multiset_by_root_and_code():
    gold = _events_gold(GoldEvent("ARN", "GON", "050", "SUPPORT"), GoldEvent("ARN", "GON", "051", "SUPPORT"))
    items = [Scored(gold, (_pred("ARN", "GON", "0510"), _pred("GON", "ARN", "050")))]
    root = score_triples(items, "root")
    assert root is not None and (root.overall.tp, root.overall.fp, root.overall.fn) == (1, 1, 1)
    assert dict(root.by_label)["05"] == PRF(1, 1, 1)
    code = score_triples(items, "code")
    assert code is not None and code.overall == PRF(0, 2, 2)
    anyone = score_triples(items, "root", actors="none")
    assert anyone is not None and anyone.overall == PRF(2, 0, 0)


def test_scoring_triples_factual_only_drops_negated_and_hypothetical():
    gold = _events_gold(GoldEvent("IRN", "IRQ", "190", "ASSAULT"))
    items = [Scored(gold, (_pred("IRN", "IRQ", "190", factual=False),))]
    assert score_triples(items, "root").overall == PRF(0, 0, 1)
    assert score_triples(items, "root", factual_only=False).overall == PRF(1, 0, 0)


def test_scoring_triples_skip_sentences_without_the_key():
    plover = _events_gold(GoldEvent("USA", None, None, "AGREE"), source_set=PLOVER_SET)
    items = [Scored(plover, (_pred("USA", None, "030", "AGREE"),))]
    assert score_triples(items, "root") is None  # PLOVER records have no CAMEO code
    by_type = score_triples(items, "plover")
    assert by_type is not None and by_type.overall == PRF(1, 0, 0)
    classes = GoldSentence("c", "x", None, (), 1, (), CLASS_SET)
    assert score_triples([Scored(classes, (_pred("USA", None, "030"),))], "root") is None
    with pytest.raises(ValueError):
        score_triples(items, "colour")


def test_scoring_plover_types_sentence_level_macro_f1():
    items = [
        Scored(_events_gold(GoldEvent("A", "B", None, "AGREE"), GoldEvent("C", None, None, "AGREE"),
                            source_set=PLOVER_SET),
               (_pred("A", "B", "030", "AGREE"), _pred("A", "B", "190", "ASSAULT"))),
        Scored(_events_gold(GoldEvent("A", None, None, "ACCUSE"), source_set=PLOVER_SET), ()),
    ]  # fmt: skip
    scores = score_plover_types(items)
    assert scores is not None
    table = dict(scores.per_type)
    assert table["AGREE"] == PRF(1, 0, 0)  # one sentence, however many events
    assert table["ASSAULT"] == PRF(0, 1, 0) and table["ACCUSE"] == PRF(0, 0, 1)
    assert len(table) == 16
    assert scores.macro_f1 == pytest.approx(1 / 3)  # types present in gold or predictions only


def test_scoring_predicted_class_most_confident_then_most_conflictual():
    assert predicted_class([]) is None
    confident = [_pred("A", "B", "042", confidence=0.9), _pred("A", "B", "190", confidence=0.6)]
    assert predicted_class(confident) == 1
    assert predicted_class([_pred("A", "B", "042"), _pred("A", "B", "120")]) == 3  # tie
    assert predicted_class([_pred("A", None, "010")]) == 0  # a statement is class 0


def test_scoring_classes_confusion_and_macro_f1():
    def item(cls, *preds):
        return Scored(GoldSentence(f"c{cls}", "x", None, (), cls, (), CLASS_SET), preds)

    items = [item(0, _pred("A", None, "010")), item(1, _pred("A", "B", "040")),
             item(4, _pred("A", "B", "190")), item(4), item(3, _pred("A", "B", "190"))]  # fmt: skip
    scores = score_classes(items)
    assert scores is not None
    assert scores.confusion[4] == (0, 0, 0, 0, 1, 1)  # last column: nothing coded
    assert scores.confusion[3] == (0, 0, 0, 0, 1, 0)
    assert scores.uncoded == 1
    assert scores.prf(4) == PRF(1, 1, 1) and scores.prf(2) == PRF()
    assert scores.accuracy == pytest.approx(3 / 5)
    assert scores.macro_f1 == pytest.approx((1 + 1 + 0 + 0 + 0.5) / 5)


NER_TEXT = "Meanwhile , a Swiss court rejected the Croatian government 's request ."


def _ner(*spans: GoldSpan) -> GoldSentence:
    return GoldSentence("n1", NER_TEXT, None, (), None, spans, NER_SET)


def test_scoring_predicted_spans_first_case_sensitive_occurrence():
    preds = [_pred("CHE", "HRV", "120", s_text="a Swiss court", t_text="Croatian government"),
             _pred("X", None, "010", s_text="swiss court")]  # fmt: skip
    assert predicted_spans(NER_TEXT, preds) == {("S", 12, 25), ("T", 39, 58)}


def test_scoring_spans_exact_and_token_overlap():
    gold = _ner(GoldSpan("S", 12, 25, "a Swiss court"),
                GoldSpan("T", 39, 69, "Croatian government 's request"))  # fmt: skip
    preds = (_pred("CHE", "HRV", "120", s_text="a Swiss court", t_text="Croatian government"),)
    scores = score_spans([Scored(gold, preds)])
    assert scores is not None
    exact, partial = dict(scores.exact), dict(scores.partial)
    assert exact["S"] == PRF(1, 0, 0) and exact["T"] == PRF(0, 1, 1)
    assert partial["S"] == PRF(3, 0, 0) and partial["T"] == PRF(2, 0, 2)


def test_scoring_predicted_spans_use_argument_spans_when_given():
    preds = [Predicted("CHE", "HRV", "120", None, 0.8, True, "Swiss", "Croatian", (12, 25), (39, 69)),
             Predicted("CHE", None, "010", None, 0.8, True, "Swiss", "", None, None)]  # fmt: skip
    assert predicted_spans(NER_TEXT, preds) == {("S", 12, 25), ("T", 39, 69), ("S", 14, 19)}
    gold = _ner(GoldSpan("S", 12, 25, "a Swiss court"),
                GoldSpan("T", 39, 69, "Croatian government 's request"))  # fmt: skip
    scores = score_spans([Scored(gold, preds[:1])])
    assert scores is not None
    assert dict(scores.exact)["S"] == PRF(1, 0, 0) and dict(scores.exact)["T"] == PRF(1, 0, 0)


def test_scoring_predictions_carry_argument_spans(coder):
    text = "The Nigerian Air Force bombed Boko Haram positions ."
    (pred,) = predictions(coder.code_text(text))
    assert pred.source_span is not None and pred.target_span is not None
    assert text[slice(*pred.source_span)] == "The Nigerian Air Force"
    assert text[slice(*pred.target_span)] == "Boko Haram positions"


def test_scoring_reciprocal_span_counts_as_source_and_target():
    spans = (GoldSpan("R", 0, 6, "Russia"), GoldSpan("R", 11, 18, "Ukraine"))
    gold = GoldSentence("n", "Russia and Ukraine talked", None, (), None, spans, NER_SET)
    preds = (_pred("RUS", "UKR", "040", s_text="Russia", t_text="Ukraine"),)
    scores = score_spans([Scored(gold, preds)])
    assert scores is not None
    assert dict(scores.exact)["S"] == PRF(1, 0, 1) and dict(scores.exact)["T"] == PRF(1, 0, 1)


def test_scoring_false_event_rate_on_eventless_gold():
    empty = _events_gold()
    items = [Scored(empty, (_pred("A", "B", "190"),)), Scored(empty, ()),
             Scored(empty, (_pred("A", "B", "190", factual=False),)),
             Scored(_events_gold(GoldEvent("A", "B", "190", None)), (_pred("A", "B", "190"),))]  # fmt: skip
    rate = false_event_rate(items)
    assert rate is not None and (rate.flagged, rate.total) == (1, 3)
    assert false_event_rate(items, factual_only=False).flagged == 2
    classes = [Scored(GoldSentence("c", "x", None, (), 0, (), CLASS_SET), (_pred("A", None, "010"),))]
    assert false_event_rate(classes) is None  # class 0 is "make statement", an event


def test_scoring_find_miss_describes_gold_and_prediction():
    gold = _events_gold(GoldEvent("ARN", "GON", "050", "SUPPORT"), sid="DEMO-01")
    assert find_miss(Scored(gold, (_pred("ARN", "GON", "0511"),))) is None
    miss = find_miss(Scored(gold, (_pred("ARN", None, "190"), _pred("ARN", "GON", "050", factual=False))))
    assert miss is not None and miss.id == "DEMO-01"
    assert miss.gold == ("ARN>GON 05",) and miss.predicted == ("ARN>- 19", "~ARN>GON 050")


def _actor(text, country, organisation=None):
    return Actor(text, country, None, organisation)


def _event(cameo, source, target, negated=False, hypothetical=False, confidence=0.8):
    return Event("e", "a", 0, "s", source, target, cameo, cameo[:2], 0.0, QuadClass.VERBAL_CONFLICT,
                 Plover("ACCUSE", None, None), Modality(negated=negated, hypothetical=hypothetical),
                 None, Span("s", 0, 1), confidence, "v")  # fmt: skip


def test_scoring_predictions_from_coded_article():
    un = _actor("the UN", None, "IGOUNO")
    coded = CodedArticle(ArticleRecord("a", "text", published=date(2020, 1, 1)), events=(
        _event("112", _actor("Iran", "IRN"), un), _event("112", un, None, hypothetical=True)))  # fmt: skip
    preds = predictions(coded)
    assert preds[0] == Predicted("IRN", "IGO", "112", "ACCUSE", 0.8, True, "Iran", "the UN")
    assert preds[1].source == "IGO" and preds[1].target is None and not preds[1].factual
    assert country_level(None) is None


def _items():
    return [
        Scored(_events_gold(GoldEvent("ARN", "GON", "050", "SUPPORT"), sid="p1", text="Arnor | Gondor"),
               (_pred("ARN", "GON", "050", "SUPPORT"),)),
        Scored(_events_gold(sid="p2", text="Nothing."), (_pred("ARN", None, "190", "ASSAULT"),)),
        Scored(GoldSentence("c1", "x" * 200, None, (), 4, (), CLASS_SET), (_pred("A", None, "190"),)),
        Scored(GoldSentence("c2", "y", None, (), 2, (), CLASS_SET), ()),
    ]  # fmt: skip


def test_scoring_report_json_and_markdown():
    report = Report((score_set("demo", _items()),), "v1")
    data = json.loads(report.to_json())
    (one,) = data["sets"]
    assert data["coder_version"] == "v1" and one["name"] == "demo" and one["sentences"] == 4
    root = next(t for t in one["triples"] if t["key"] == "root" and t["actors"] == "both")
    assert (root["tp"], root["fp"], root["fn"], root["precision"]) == (1, 1, 0, 0.5)
    assert one["false_events"] == {"flagged": 1, "total": 1, "rate": 1.0}
    assert one["classes"]["confusion"][2] == [0, 0, 0, 0, 0, 1]
    assert [m["id"] for m in one["misses"]] == ["p2", "c2"]
    md = report.to_markdown()
    for heading in ("## demo", "### Overall", "### PLOVER types", "### CAMEO roots", "### Confusion matrix",
                    "### Misses (2 of 2)", "False-event rate: 1/1"):  # fmt: skip
        assert heading in md
    assert "| 05 | 100.0 | 100.0 | 100.0 | 1 | 0 | 0 |" in md
    assert report.to_markdown(max_misses=1).count("\n- `") == 1


def test_scoring_markdown_truncates_long_texts():
    item = Scored(GoldSentence("c1", "z" * 300, None, (), 3, (), CLASS_SET), ())
    md = Report((score_set("s", [item]),)).to_markdown()
    line = next(ln for ln in md.splitlines() if ln.startswith("- `c1`"))
    assert "z" * 149 + "…" in line and "z" * 151 not in line


@pytest.mark.slow
def test_scoring_evaluate_events_with_coder(coder):
    from detente.scoring import evaluate_events

    gold = [_events_gold(GoldEvent("IRN", "IRQ", "190", "ASSAULT"), sid="g1", text="Iran attacked Iraq."),
            _events_gold(sid="g2", text="The weather was fine.")]  # fmt: skip
    report = evaluate_events(coder, {"tiny": gold, "tiny-one": gold}, limit=1)
    assert [s.sentences for s in report.sets] == [1, 1]
    root = report.sets[0].triple("root")
    assert root is not None and root.overall.tp == 1
    assert report.coder_version == coder.version


def test_scoring_no_event_counts_as_class_0_under_the_issue_rule():
    from detente.scoring import NONE, ClassScores

    rows = [[0] * (NONE + 1) for _ in range(5)]
    rows[0][NONE] = 3  # three statements coded with nothing
    rows[1][1] = 2
    strict = ClassScores(tuple(map(tuple, rows)))
    merged = strict.none_as_statement()
    assert strict.prf(0).f1 == 0.0 and merged.prf(0).f1 == 1.0
    assert merged.accuracy == 1.0 and strict.accuracy == 0.4


@pytest.mark.parametrize(("cameo", "penta"), [
    ("010", 0), ("020", 0), ("036", 1), ("057", 1), ("070", 2), ("090", 3), ("112", 3), ("130", 3),
    ("141", 4), ("150", 4), ("163", 3), ("173", 4), ("190", 4), ("200", 4),
])  # fmt: skip
def test_scoring_pentaclass_follows_the_phoenix_convention(cameo, penta):
    assert Predicted("AAA", "BBB", cameo).penta == penta


def test_scoring_plover_reciprocal_pairs_follow_the_plover_convention():
    gold = _events_gold(GoldEvent("USA", None, None, "AGREE"), GoldEvent("JOR", None, None, "AGREE"),
                        source_set=PLOVER_SET)  # fmt: skip
    reciprocal = (_pred("USA", "JOR", "057", "AGREE"), _pred("JOR", "USA", "057", "AGREE"))
    got = score_triples([Scored(gold, reciprocal)], "plover")
    assert got is not None and got.overall == PRF(2, 0, 0)
    one_way = score_triples([Scored(gold, reciprocal[:1])], "plover")  # "the US agreed with Jordan"
    assert one_way is not None and one_way.overall == PRF(0, 1, 2)
    cameo = _events_gold(GoldEvent("USA", "JOR", "057", "AGREE"))
    root = score_triples([Scored(cameo, reciprocal)], "root")  # CAMEO keys keep both directions
    assert root is not None and root.overall == PRF(1, 1, 0)


def test_scoring_plover_convention_keeps_the_target_of_a_domestic_event():
    # "Turkey's government agreed with Turkish unions": TUR->TUR is not a reciprocal pair
    gold = _events_gold(GoldEvent("TUR", "TUR", None, "AGREE"), source_set=PLOVER_SET)
    got = score_triples([Scored(gold, (_pred("TUR", "TUR", "057", "AGREE"),))], "plover")
    assert got is not None and got.overall == PRF(1, 0, 0)
