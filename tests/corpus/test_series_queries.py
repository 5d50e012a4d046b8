import pytest

from synthetic import five_reports, two_strikes_same_day
from tidings.corpus.queries import find_actors, find_event_clusters, find_events, find_quotes
from tidings.corpus.series import parse_dyad, series, sparkline, to_csv
from tidings.errors import ConfigError
from tidings.store.testing import build_article


def test_series_by_day_and_week(store):
    store.write_articles(five_reports() + two_strikes_same_day())
    rows = series(store, dyad="RUS-UKR", by="day")
    assert [r["period"] for r in rows][:3] == ["2024-04-02", "2024-04-03", "2024-04-04"]
    first = rows[0]
    assert first["events"] == 2 and first["verbal_conflict"] == 2 and first["articles"] == 2
    assert first["goldstein_sum"] == -14.0 and first["goldstein_mean"] == -7.0
    assert first["escalation"] == 0.5  # (2*0 + 2 - 0 - 0) / (2*2)
    assert rows[5]["events"] == 0  # filled gap
    weekly = series(store, dyad="RUS-UKR", by="week")
    assert weekly[0]["period"] == "2024-04-01" and weekly[0]["events"] == 5
    may = [r for r in weekly if r["period"] == "2024-05-06"][0]
    assert may["material_conflict"] == 2 and may["verbal_coop"] == 1 and may["escalation"] == 0.5  # (4 - 1) / 6
    monthly = series(store, actor="UKR", by="month", directed=False)
    assert [(r["period"], r["events"]) for r in monthly] == [("2024-04-01", 5), ("2024-05-01", 3)]
    assert series(store, dyad="UKR-RUS") == []
    assert len(series(store, dyad="UKR-RUS", directed=False)) > 0
    assert to_csv(rows).splitlines()[0].startswith("period,events,verbal_coop")


def test_series_rejects_bad_input(store):
    with pytest.raises(ConfigError):
        series(store, dyad="RUS-UKR", by="year")
    with pytest.raises(ConfigError):
        series(store)
    with pytest.raises(ConfigError):
        parse_dyad("RUS")


def test_sparkline():
    assert sparkline([0, 1, 2, 7]) == "▁▂▃█"
    assert sparkline([]) == ""


def test_find_events_filters(store):
    store.write_articles(five_reports() + two_strikes_same_day())
    store.ensure_clusters()
    assert len(find_events(store, dyad="RUS-UKR")) == 8
    assert len(find_events(store, actor="RUSMIL")) == 7
    assert {r["article_id"] for r in find_events(store, root="19")} == {"s1", "s2"}
    assert [r["article_id"] for r in find_events(store, code="043")] == ["s3"]
    assert [r["article_id"] for r in find_events(store, modality="claimed")] == ["r3"]
    assert [r["article_id"] for r in find_events(store, place="Lviv")] == ["s1"]
    assert [r["article_id"] for r in find_events(store, text="market")] == ["s2"]
    assert len(find_events(store, since="2024-05-01", until="2024-05-31")) == 3
    rows = find_events(store, root="13")
    assert len({r["cluster_id"] for r in rows}) == 1
    clusters = find_event_clusters(store, dyad="RUS-UKR", root="13")
    assert clusters[0]["num_articles"] == 5


def test_find_quotes_and_actors(store):
    text = "\"The talks were useful,\" said Pekka Virtanen, the Finnish envoy, in Oslo on Monday."
    art = build_article("q1", text, published="2024-01-08", source="Nordic Post",
                        entities=[("E1", "Pekka Virtanen", "PERSON", "FINGOV", "FIN")],
                        quotes=[("Q1", "The talks were useful,", "E1", "said")])
    store.write_articles([art])
    q = find_quotes(store, speaker="virtanen")
    assert q[0]["text"] == "The talks were useful," and q[0]["speaker"] == "Pekka Virtanen"
    assert find_quotes(store, actor="FIN")[0]["quote_id"] == "Q1"
    assert find_quotes(store, text="useless") == []
    actors = find_actors(store, country="FIN")
    assert actors[0]["name"] == "Pekka Virtanen" and actors[0]["articles"] == 1
    assert find_actors(store, type="ORG") == []
