"""The store interface, run over both backends (DuckDB always; PostgreSQL when $TIDINGS_TEST_PG is set)."""
import pytest

from tidings.errors import StoreError
from tidings.record import MTArtifact, RemovedLine, TimeExpr
from tidings.store import ALL_TABLES, open_store
from tidings.store.rows import COLUMNS, country_of
from tidings.store.testing import build_article

TEXT = ("Lithuanian border guards detained 14 smugglers near Vilnius on Tuesday. "
        "\"We will not tolerate this,\" the interior minister Agne Bilotaite said.")


def sample(aid="a1", text=TEXT):
    art = build_article(
        aid, text, published="2024-03-05", source="Baltic Wire", url=f"https://example.test/{aid}",
        events=[("V1", "LTUCOP", "LTUCRM", "detained", "173", {"goldstein": -5.0, "quad_class": 4,
                                                              "modality": "asserted", "place": "P1"})],
        quantities=[("N1", "14 smugglers", 14.0, "smugglers", {"category": "ARREST", "attached_to": "V1"})],
        places=[("P1", "Vilnius", "Vilnius", 54.69, 25.28, "LTU", {"feature_code": "PPLC", "geonameid": 593116})],
        entities=[("E1", "Agne Bilotaite", "PERSON", "LTUGOV", "LTU")],
        quotes=[("Q1", "We will not tolerate this,", "E1", "said")], tone=-2.5)
    art.times = [TimeExpr(id="T1", start=text.find("Tuesday"), end=text.find("Tuesday") + 7, text="Tuesday",
                          type="DATE", value="2024-03-05", sentence=0)]
    art.removed_lines = [RemovedLine(line=0, text="Photo: archive", reason="caption")]
    art.mt_artifacts = [MTArtifact(start=0, end=10, text=text[:10], kind="name_variant", suggestion=None)]
    return art


def test_migrations_applied_once(store):
    v = store.schema_version
    assert v >= 1
    assert store.migrate() == v
    assert store.count("schema_migrations") >= 1


def test_round_trip_and_normalized_rows(store):
    art = sample()
    res = store.write_articles([art])
    assert res.written == ["a1"] and res.skipped == []
    back = store.get_article("a1")
    assert back == art
    assert store.get_article("nope") is None
    for table in COLUMNS:
        assert store.count(table) == 1, table
    ev = store.query_dicts("SELECT * FROM events WHERE article_id = ?", ("a1",))[0]
    assert (ev["source_country"], ev["target_country"], ev["root"], ev["quad_class"]) == ("LTU", "LTU", "17", 4)
    assert str(ev["event_date"]) == "2024-03-05"
    q = store.query_dicts("SELECT * FROM quotes")[0]
    assert q["speaker_name"] == "Agne Bilotaite" and q["speaker_affiliation"] == "LTU"
    assert store.query("SELECT text FROM mentions")[0][0] == "Agne Bilotaite"


def test_idempotent_writes(store):
    a, b = sample("a1"), sample("a2")
    assert store.write_articles([a, a, b]).skipped == ["a1"]
    again = store.write_articles([b, build_article("a3", "Another short report about fishing quotas.")])
    assert again.written == ["a3"] and again.skipped == ["a2"]
    assert store.count("articles") == 3
    assert store.count("events") == 2
    assert store.existing_ids(["a1", "a3", "zz"]) == {"a1", "a3"}


def test_failed_batch_writes_nothing(store):
    good = sample("ok")
    bad = sample("bad")
    bad.events[0].quad_class = 2 ** 40  # does not fit the INTEGER column
    with pytest.raises(StoreError):
        store.write_articles([good, bad])
    assert store.count("articles") == 0 and store.count("events") == 0
    assert store.write_articles([good]).written == ["ok"]


def test_iter_articles_order_and_filters(store):
    arts = [build_article(f"a{i}", f"Report number {i} on harbour fees.", published="2024-03-05") for i in range(7)]
    arts[3].source_name = "Other"
    store.write_articles(arts[:4])
    store.write_articles(arts[4:])
    assert [a.id for a in store.iter_articles(page=2)] == [f"a{i}" for i in range(7)]
    assert [a.id for a in store.iter_articles(source="Other")] == ["a3"]
    assert len(list(store.iter_articles(limit=5, page=2))) == 5
    assert list(store.iter_articles(since="2030-01-01")) == []


def test_count_rejects_unknown_tables(store):
    with pytest.raises(StoreError):
        store.count("articles; DROP TABLE articles")
    assert set(COLUMNS) <= set(ALL_TABLES)


def test_text_with_sql_metacharacters(store):
    text = "It's 100% \"fine\"; DROP TABLE articles; -- said O'Brien? Yes?"
    art = build_article("q1", text, source="O'Reilly %s ?")
    store.write_articles([art])
    assert store.get_article("q1").text == text
    assert [a.id for a in store.iter_articles(source="O'Reilly %s ?")] == ["q1"]


def test_reopen_keeps_data(tmp_path):
    path = tmp_path / "x.duckdb"
    with open_store(path) as s:
        s.write_articles([sample()])
    with open_store(path) as s:
        assert s.count("articles") == 1
        assert s.write_articles([sample()]).skipped == ["a1"]


def test_country_of():
    assert country_of("USAGOV") == "USA"
    assert country_of("IGOEUREU") is None
    assert country_of("GOV", "FRA") == "FRA"
    assert country_of(None) is None


def test_schema_matches_declared_columns(store):
    for table, cols in COLUMNS.items():
        names, _ = store._select(f"SELECT * FROM {table} LIMIT 0")
        assert tuple(names) == cols, table


def test_bad_postgres_url_is_a_store_error():
    with pytest.raises(StoreError) as err:
        open_store("postgresql://nobody@127.0.0.1:1/none", connect_timeout=2)
    assert err.value.code == "E300"


def test_placeholders_for_postgres():
    from tidings.store.postgres import _pg

    assert _pg("SELECT 1 FROM t WHERE a = ? AND b LIKE ?", ("x", "%y")) == "SELECT 1 FROM t WHERE a = %s AND b LIKE %s"
    assert _pg("SELECT '100%'", ()) == "SELECT '100%'"


def test_optimize_keeps_every_event(store):
    arts = [build_article(f"o{i}", f"Note {i}: talks were held.", published=f"2024-01-{i + 1:02d}",
                          events=[("V1", ["USA", "RUS", "FRA"][i % 3], ["UKR", "CHN"][i % 2], "held", "040")])
            for i in range(12)]
    store.write_articles(arts)
    before = sorted(store.query("SELECT article_id, id, source_country, target_country, event_date FROM events"))
    store.optimize()
    assert sorted(store.query("SELECT article_id, id, source_country, target_country, event_date FROM events")) == before
    assert store.write_articles([sample()]).written == ["a1"]
    assert store.count("events") == 13


def test_packed_record_round_trip():
    from tidings.store.rows import pack_record, unpack_record

    art = sample()
    blob = pack_record(art)
    assert blob[:3] == b"TZ1" and art.text.encode() not in blob
    assert unpack_record(blob, art.text) == art
    with pytest.raises(ValueError):
        unpack_record(b"{}", art.text)


def test_odd_characters_survive(store):
    text = "Zürich \u202f 1 250 — ﬁnance 🚀 \u0000 end\n\ttabbed \\ back'slash"
    art = build_article("odd", text, source="Ünïcode", url="https://example.test/odd?q=1&x='2'")
    art.title = "Title\u0000with NUL"
    assert store.write_articles([art]).written == ["odd"]
    back = store.get_article("odd")
    if store.dialect == "duckdb":
        assert back == art
    else:  # PostgreSQL text cannot hold U+0000
        assert back.text == text.replace("\x00", "\ufffd") and back.source_name == "Ünïcode"
