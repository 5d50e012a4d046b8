"""The sources table: home places given with articles, set by hand, inferred from stored places (both backends)."""
from __future__ import annotations

import json

import pytest

from tidings.errors import ConfigError
from tidings.extract.places.home import infer_home
from tidings.store.testing import build_article

ALEXANDRIA = ("Alexandria", 31.311, -92.445, "USA", {"admin1": "Louisiana", "feature_code": "PPL"})
PINEVILLE = ("Pineville", 31.322, -92.434, "USA", {"admin1": "Louisiana", "feature_code": "PPL"})
BATON_ROUGE = ("Baton Rouge", 30.451, -91.154, "USA", {"admin1": "Louisiana", "feature_code": "PPLA"})
SHREVEPORT = ("Shreveport", 32.525, -93.750, "USA", {"admin1": "Louisiana", "feature_code": "PPL"})
PARIS = ("Paris", 48.853, 2.349, "FRA", {"admin1": "Île-de-France", "feature_code": "PPLC"})


def _article(aid: str, source: str | None, places: list[tuple], *, location: str | None = None):
    words = [p[0] for p in places]
    text = f"Report {aid}: " + ", ".join(words) + "." if words else f"Report {aid} names no place."
    art = build_article(aid, text, source=source,
                        places=[(f"P{i}", w, *p) for i, (w, p) in enumerate(zip(words, places), 1)])
    art.source_location = location
    return art


def test_a_given_home_is_stored_and_a_set_home_wins(store):
    store.write_articles([_article("a1", "Town Talk", [], location="Alexandria, La."),
                          _article("a2", "Wire", [])])
    assert store.source_homes() == {"Town Talk": "Alexandria, La."}
    row = {r["name"]: r for r in store.sources()}
    assert row["Town Talk"]["home_origin"] == "given" and row["Wire"]["home"] is None
    store.set_source_home("Town Talk", "Rapides Parish, Louisiana")
    store.write_articles([_article("a3", "Town Talk", [], location="Pineville, La.")])  # given: the set home stays
    assert store.source_homes()["Town Talk"] == "Rapides Parish, Louisiana"
    store.set_source_home("Town Talk", None)
    assert "Town Talk" not in store.source_homes()
    store.write_articles([_article("a4", "Town Talk", [], location="Pineville, La.")])
    assert store.source_homes()["Town Talk"] == "Pineville, La."


def test_an_unknown_home_is_refused(store):
    with pytest.raises(ConfigError, match="no such place known"):
        store.set_source_home("Town Talk", "Nowhereville, Zz")
    assert store.sources() == []


def test_the_home_is_inferred_from_the_sources_stored_places(store):
    arts = [_article(f"t{i}", "Town Talk", [ALEXANDRIA] + [[], [PINEVILLE], [BATON_ROUGE], [PINEVILLE], []][i])
            for i in range(5)]
    arts.append(_article("t5", "Town Talk", [PARIS]))
    arts += [_article(f"s{i}", "State Wire", [[ALEXANDRIA], [SHREVEPORT], [BATON_ROUGE], [PINEVILLE]][i % 4])
             for i in range(8)]
    arts += [_article(f"f{i}", "Few", [ALEXANDRIA]) for i in range(3)]
    store.write_articles(arts)
    assert store.source_homes() == {}  # nothing inferred before ensure_source_homes
    assert store.ensure_source_homes() == 3
    rows = {r["name"]: r for r in store.sources()}
    town = rows["Town Talk"]
    assert (town["inferred_home"], town["inferred_level"], town["inferred_articles"]) == \
        ("Alexandria, Louisiana", "town", 6)
    assert town["inferred_share"] == pytest.approx(5 / 6, abs=0.001)
    assert rows["State Wire"]["inferred_home"] == "Louisiana, United States"  # no town dominates: the state
    assert rows["Few"]["inferred_home"] is None  # too few articles
    assert store.source_homes() == {"Town Talk": "Alexandria, Louisiana", "State Wire": "Louisiana, United States"}
    assert store.ensure_source_homes() == 0  # nothing changed since
    store.write_articles([_article("f3", "Few", [ALEXANDRIA]), _article("f4", "Few", [ALEXANDRIA])])
    assert store.ensure_source_homes() == 1
    assert store.source_homes()["Few"] == "Alexandria, Louisiana"


def test_inference_wants_a_clearly_dominant_area():
    la = [("Alexandria", "USA", "Louisiana", "PPL")]
    tx = [("Paris", "USA", "Texas", "PPL")]
    split = infer_home([la] * 3 + [tx] * 3)  # neither town nor state dominates: the country does
    assert (split.home, split.level, split.share) == ("United States", "country", 1.0)
    assert infer_home([la] * 3 + [tx] * 3 + [[("Lyon", "FRA", "Auvergne-Rhone-Alpes", "PPL")]] * 4) is None
    found = infer_home([la] * 4 + [tx] * 2)
    assert found.home == "Alexandria, Louisiana" and found.level == "town"
    assert infer_home([la] * 3 + [tx] * 2).home == "United States"  # 3 against 2 is not clear: the country
    assert infer_home([[]] * 9 + [la] * 4) is None  # articles without places do not count


def test_ingest_gives_the_stored_home_to_items_without_one(tmp_path):
    from tidings.ingest import ingest
    from tidings.store import open_store

    db = str(tmp_path / "h.duckdb")
    with open_store(db) as store:
        store.set_source_home("Town Talk", "Alexandria, La.")
    text = "Alexandria police arrested a man on Main Street on Tuesday, the sheriff said."
    ingest([{"text": text, "id": "x1", "source_name": "Town Talk"},
            {"text": text + " More.", "id": "x2", "source_name": "Town Talk", "source_location": "Paris, Texas"},
            {"text": text + " Again.", "id": "x3", "source_name": "Elsewhere"}], db=db, handle_sigint=False)
    with open_store(db) as store:
        x1, x2, x3 = (store.get_article(a) for a in ("x1", "x2", "x3"))
        assert x1.source_location == "Alexandria, La."
        assert [(p.text, p.admin1) for p in x1.places if p.text == "Alexandria"][0] == ("Alexandria", "Louisiana")
        assert x2.source_location == "Paris, Texas" and x3.source_location is None
        assert store.source_homes()["Town Talk"] == "Alexandria, La."  # set by hand: the given one does not win


def test_cli_sources_sets_and_lists(tmp_path):
    from typer.testing import CliRunner

    from tidings.cli import app

    db = str(tmp_path / "c.duckdb")
    runner = CliRunner()
    res = runner.invoke(app, ["sources", "Town Talk", "--home", "Alexandria, La.", "--db", db])
    assert res.exit_code == 0, res.output
    res = runner.invoke(app, ["sources", "--db", db, "--format", "json"])
    assert res.exit_code == 0, res.output
    rows = json.loads(res.output)
    assert [(r["name"], r["uses"], r["home_origin"]) for r in rows] == [("Town Talk", "Alexandria, La.", "set")]
    res = runner.invoke(app, ["sources", "Town Talk", "--home", "Nowhereville, Zz", "--db", db])
    assert res.exit_code != 0 and "no such place known" in str(res.exception or res.output)
    res = runner.invoke(app, ["sources", "Town Talk", "--db", db])  # neither --home nor --clear
    assert res.exit_code != 0
    res = runner.invoke(app, ["sources", "Town Talk", "--clear", "--db", db, "--format", "json"])
    assert res.exit_code == 0 and json.loads(res.output)[0]["uses"] is None


def test_a_home_inferred_from_earlier_articles_decides_a_later_bare_namesake(tmp_path):
    from tidings.ingest import ingest
    from tidings.store import open_store

    db = str(tmp_path / "town.duckdb")
    towns = ["Pineville", "Ball", "Boyce", "Tioga", "Lecompte", "Woodworth"]
    earlier = [{"id": f"e{i}", "source_name": "Town Talk",
                "text": f"Alexandria, La. \u2014 Rapides Parish deputies arrested a {t} man on Monday after a chase "
                        f"through Alexandria, the sheriff's office said. Case {i} goes to court next month."}
               for i, t in enumerate(towns)]
    ingest(earlier, db=db, handle_sigint=False)
    with open_store(db) as store:
        row = [r for r in store.sources() if r["name"] == "Town Talk"][0]
        assert row["inferred_home"] == "Alexandria, Louisiana" and row["home"] is None
    later = {"id": "later", "source_name": "Town Talk",
             "text": "Alexandria police are looking for a driver who hit a mailbox on Tuesday, officers said."}
    ingest([later], db=db, handle_sigint=False)
    with open_store(db) as store:
        rec = store.get_article("later")
    assert rec.source_location == "Alexandria, Louisiana"
    assert [p.admin1 for p in rec.places if p.text == "Alexandria"] == ["Louisiana"]
