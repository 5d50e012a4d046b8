import json

from synthetic import five_reports, two_strikes_same_day


def test_five_outlets_one_event(store):
    store.write_articles(five_reports())
    assert store.recluster() == 1
    row = store.query_dicts("SELECT * FROM event_clusters")[0]
    assert row["num_mentions"] == 5 and row["num_articles"] == 5 and row["num_sources"] == 5
    assert (row["source_country"], row["target_country"], row["root"]) == ("RUS", "UKR", "13")
    assert str(row["first_seen"]) == "2024-04-02" and str(row["last_seen"]) == "2024-04-04"
    assert row["asserted"] is True
    assert json.loads(row["modalities"]) == {"asserted": 4, "claimed": 1}
    details = json.loads(row["details"])
    troops = details["numbers"][0]
    assert troops["what"] == "MOBILIZE" and troops["min"] == 70000 and troops["max"] == 100000
    assert sorted(v["value"] for v in troops["values"]) == [70000, 75000, 80000, 90000, 100000]
    assert store.count("event_cluster_members") == 5
    assert row["place_name"] == "Kyiv"


def test_same_day_different_events_stay_apart(store):
    store.write_articles(two_strikes_same_day())
    assert store.recluster() == 3
    places = sorted(r[0] for r in store.query("SELECT place_name FROM event_clusters WHERE root = ?", ("19",)))
    assert places == ["Kharkiv", "Lviv"]


def test_clusters_are_deterministic_and_incremental(store):
    arts = five_reports() + two_strikes_same_day()
    store.write_articles(arts[:3])
    store.ensure_clusters()
    assert store.count("event_clusters") == 1
    store.write_articles(arts[3:])
    assert store.get_meta("clusters_stale") == "1"
    store.ensure_clusters()
    first = sorted(store.query("SELECT cluster_id, global_id, num_mentions FROM event_clusters"))
    store.recluster()
    assert sorted(store.query("SELECT cluster_id, global_id, num_mentions FROM event_clusters")) == first
    assert len(first) == 4


def _clusters(store):
    rows = store.query_dicts("SELECT * FROM event_clusters ORDER BY cluster_id")
    members = sorted(store.query("SELECT article_id, event_id, cluster_id FROM event_cluster_members"))
    return rows, members


def test_incremental_update_equals_a_full_rebuild_and_keeps_global_ids(store):
    arts = five_reports() + two_strikes_same_day()
    store.write_articles(arts[:2])
    store.ensure_clusters()
    (before,), _ = _clusters(store)
    # the rest arrive later, one by one, each followed by an incremental update
    for article in arts[2:]:
        store.write_articles([article])
        store.ensure_clusters()
        assert store.get_meta("clusters_stale") == "0"
    incremental = _clusters(store)
    grown = [r for r in incremental[0] if r["cluster_id"] == before["cluster_id"]][0]
    assert grown["num_mentions"] == 5 and grown["global_id"] == before["global_id"]  # same event, same id
    assert len({r["global_id"] for r in incremental[0]}) == len(incremental[0]) == 4
    store.recluster()  # from scratch: the same clusters, members and ids
    assert _clusters(store) == incremental


def test_incremental_update_rebuilds_only_touched_blocks(store):
    arts = five_reports() + two_strikes_same_day()
    store.write_articles(arts[:5])  # the five reports of one RUS→UKR attack
    store.recluster()
    store.write_articles(arts[5:])
    assert store.recluster(incremental=True) == 3  # only the strike blocks, not the attack's cluster
    assert store.count("event_clusters") == 4


def test_only_claimed_is_not_asserted(store):
    arts = five_reports()
    for a in arts:
        a.events[0].modality = "claimed"
    store.write_articles(arts)
    store.recluster()
    assert store.query("SELECT asserted FROM event_clusters")[0][0] is False


def test_window_separates_distant_days(store):
    arts = five_reports()[:2]
    arts[1].events[0].date.value = "2024-04-20"
    arts[1].published = "2024-04-20"
    store.write_articles(arts)
    assert store.recluster() == 2


def test_syndicated_copies_count_as_one_story(store):
    r1, r2 = five_reports()[:2]
    copy = r1.model_copy(deep=True, update={"id": "r1copy", "source_name": "Reprint Weekly",
                                            "text": "REPRINT - " + r1.text})
    for ev in copy.events:
        ev.action.start += 10
        ev.action.end += 10
    store.write_articles([r1, r2, copy])
    assert store.story_of("r1copy") == "r1"
    store.recluster()
    row = store.query_dicts("SELECT num_articles, num_sources, num_stories FROM event_clusters")[0]
    assert row == {"num_articles": 3, "num_sources": 3, "num_stories": 2}
