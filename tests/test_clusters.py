"""Event clusters: one record per real event, built from hand-made mentions in a real SQLite file."""

from __future__ import annotations

from datetime import date

import pytest

from detente.clusters import ClusterOptions, cluster_id_for, jaccard, signature
from detente.model import CodedArticle, DatePrecision
from detente.store import EventStore

from .factories import M, article

PROTEST = "Azerbaijan lodged a protest with Iran over fuel trucks"
D = date(2020, 8, 10)


@pytest.fixture
def store(tmp_path):
    with EventStore(tmp_path / "events.sqlite") as s:
        yield s


def events(store: EventStore) -> list[dict]:
    return list(store.events())


def write(store: EventStore, *articles: CodedArticle) -> None:
    for a in articles:
        store.write_article(a)


def test_clusters_same_event_from_many_articles_is_one_event(store):
    write(store, article("a1", [M("AZE", "IRN", "111", D, PROTEST)], "Wire"),
          article("a2", [M("AZEGOV", "IRN", "111", date(2020, 8, 11), PROTEST + " on Monday")], "Wire"),
          article("a3", [M("AZE", "IRNMIL", "111", date(2020, 8, 9), "Baku protested to Iran")], "Times"))
    summary = store.cluster()
    assert (summary.mentions, summary.clustered, summary.new_events) == (3, 3, 1)
    [event] = events(store)
    assert (event["source"], event["target"], event["cameo"]) == ("AZE", "IRN", "111")
    assert (event["num_mentions"], event["num_sources"], event["num_articles"]) == (3, 2, 3)
    assert (event["date_first"], event["date_last"]) == ("2020-08-09", "2020-08-11")
    assert sorted(store.cluster_mentions(event["event_id"])) == ["a1-0", "a2-0", "a3-0"]


def test_clusters_several_sentences_of_one_article_count_once_as_article(store):
    write(store, article("a1", [M("AZE", "IRN", "111", D, PROTEST), M("AZE", "IRN", "111", D, PROTEST)]))
    store.cluster()
    [event] = events(store)
    assert (event["num_mentions"], event["num_articles"], event["num_sources"]) == (2, 1, 1)


@pytest.mark.parametrize(("gap", "window", "n_events"),
                         [(1, 1, 1), (2, 1, 2), (3, 3, 1), (0, 0, 1), (1, 0, 2)])
def test_clusters_date_window(store, gap, window, n_events):
    write(store, article("a1", [M("AZE", "IRN", "111", D, PROTEST)]),
          article("a2", [M("AZE", "IRN", "111", date.fromordinal(D.toordinal() + gap), PROTEST)]))
    store.cluster(ClusterOptions(window_days=window))
    assert len(events(store)) == n_events


@pytest.mark.parametrize(("second", "n_events"), [
    (M("IRN", "AZE", "111", D, PROTEST), 2),  # the other direction is another event
    (M("AZE", "IRN", "042", D, PROTEST), 2),  # another CAMEO root
    (M("AZE", "IRN", "112", D, "Azerbaijan lodged a protest with Iran over the fuel trucks"), 1),  # similar
    (M("AZE", "IRN", "112", D, "Aliyev criticised Tehran's nuclear ambitions at a summit"), 2),  # not similar
])  # fmt: skip
def test_clusters_dyad_root_and_evidence_decide(store, second, n_events):
    write(store, article("a1", [M("AZE", "IRN", "111", D, PROTEST)]), article("a2", [second]))
    store.cluster()
    assert len(events(store)) == n_events


@pytest.mark.parametrize("flags", [{"negated": True}, {"hypothetical": True}, {"future": True}])
def test_clusters_non_factual_mentions_are_not_events(store, flags):
    write(store, article("a1", [M("AZE", "IRN", "190", D, "Iran could strike the trucks", **flags)]))
    summary = store.cluster()
    assert (summary.mentions, summary.clustered, summary.unclusterable) == (1, 0, 1)
    assert events(store) == []
    assert store.cluster().mentions == 0  # looked at once, not again


def test_clusters_actor_keys_organisations_and_bare_sectors(store):
    write(store, article("a1", [M("UN", "IRN", "111", D, "The Security Council condemned Iran"),
                                M("UNO", "IRN", "111", D, "The United Nations condemned Iran"),
                                M("MIL", "IRN", "190", D, "Soldiers fired on Iran")]))  # fmt: skip
    summary = store.cluster()
    [event] = events(store)
    assert event["source"] == "IGOUNO" and event["num_mentions"] == 2
    assert summary.unclusterable == 1  # a bare sector has no country-level key


def test_clusters_undated_mentions_cluster_within_their_article_only(store):
    undated = M("AZE", "IRN", "111", None, PROTEST)
    write(store, article("a1", [undated, undated]),
          article("a2", [M("AZE", "IRN", "111", None, PROTEST)]))
    store.cluster()
    got = sorted((e["num_mentions"], e["date"]) for e in events(store))
    assert got == [(1, None), (2, None)]


def test_clusters_rerun_and_new_articles_update_without_duplicating(store):
    write(store, article("a1", [M("AZE", "IRN", "111", D, PROTEST)]))
    store.cluster()
    first = events(store)
    assert store.cluster().mentions == 0 and events(store) == first
    write(store, article("a2", [M("AZE", "IRN", "111", D, PROTEST)], "Times"))
    summary = store.cluster()
    assert (summary.mentions, summary.new_events) == (1, 0)
    [event] = events(store)
    assert event["event_id"] == first[0]["event_id"] == cluster_id_for("a1-0")
    assert (event["num_mentions"], event["num_sources"]) == (2, 2)


def test_clusters_recoding_an_article_refreshes_and_removes_events(store):
    write(store, article("a1", [M("AZE", "IRN", "111", D, PROTEST)]),
          article("a2", [M("AZE", "IRN", "111", D, PROTEST),
                         M("IRN", "AZE", "042", D, "Iran's envoy visited Baku")]))
    store.cluster()
    assert sorted(e["num_mentions"] for e in events(store)) == [1, 2]
    write(store, article("a2", []))  # re-coded: it no longer reports anything
    [event] = events(store)
    assert event["num_mentions"] == 1 and event["cameo"] == "111"
    write(store, article("a1", []))
    assert events(store) == []


def test_clusters_rebuild_matches_incremental_and_chunking(store):
    arts = [article(f"a{i}", [M("AZE", "IRN", "111", date(2020, 8, 1 + i % 5), PROTEST),
                              M("IRN", "AZE", "193", date(2020, 8, 1 + i % 7), "Iran shelled Azerbaijan")],
                    f"outlet{i % 3}") for i in range(12)]  # fmt: skip
    for a in arts[:6]:
        write(store, a)
    store.cluster()
    for a in arts[6:]:
        write(store, a)
    store.cluster()
    incremental = {(e["source"], e["date_first"], e["num_mentions"]) for e in events(store)}
    from detente.clusters import cluster_pending, reset_clusters

    reset_clusters(store.conn)
    cluster_pending(store.conn, chunk=3)
    rebuilt = {(e["source"], e["date_first"], e["num_mentions"]) for e in events(store)}
    assert rebuilt == incremental
    assert sum(n for *_, n in rebuilt) == 24


def test_clusters_max_span_stops_chaining(store):
    daily = [article(f"a{i}", [M("AZE", "IRN", "111", date(2020, 8, 1 + i), PROTEST)]) for i in range(10)]
    write(store, *daily)
    store.cluster(ClusterOptions(window_days=1, max_span_days=3))
    spans = [(date.fromisoformat(e["date_last"]) - date.fromisoformat(e["date_first"])).days
             for e in events(store)]  # fmt: skip
    assert max(spans) <= 3 and sum(e["num_mentions"] for e in events(store)) == 10


def test_clusters_representative_prefers_precise_dates(store):
    write(store, article("a1", [M("AZE", "IRN", "111", date(2020, 8, 1), PROTEST,
                                  precision=DatePrecision.MONTH)]),  # fmt: skip
          article("a2", [M("AZE", "IRN", "111", date(2020, 8, 2), PROTEST)]))
    store.cluster()
    [event] = events(store)
    assert (event["date"], event["date_precision"], event["mention_id"]) == ("2020-08-02", "day", "a2-0")


def test_clusters_historical_only_when_every_report_is(store):
    write(store, article("a1", [M("AZE", "IRN", "111", D, PROTEST)]))
    store.conn.execute("UPDATE event_mentions SET historical = 1")
    store.cluster()
    assert events(store)[0]["historical"] == 1
    assert list(store.events(include_historical=False)) == []


def test_clusters_signature_and_similarity():
    a = signature("Azerbaijan lodged a protest with Iran")
    assert a == {"azerbaijan", "lodged", "protest", "iran"}
    assert jaccard(a, a) == 1.0 and jaccard(a, frozenset()) == 0.0
