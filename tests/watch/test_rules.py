import pytest

from tidings.errors import ConfigError
from tidings.store import open_store
from tidings.store.testing import build_article
from tidings.watch.rules import evaluate, parse_rules
from tidings.watch.state import WatchState


def test_rules_are_validated_with_clear_errors():
    rules = parse_rules([{"name": "force", "dyad": "rus-ukr", "roots": [15, "18"], "min_events": 2, "window": "7d"},
                         {"name": "putin", "speaker": "Putin"}])
    assert rules[0].dyad == ("RUS", "UKR") and rules[0].roots == ["15", "18"] and rules[0].window_days == 7
    assert rules[1].speaker == "Putin" and rules[1].modality == "asserted"
    bad = [([{"dyad": "USA-RUS"}], "needs a `name`"),
           ([{"name": "x", "dyad": "USA"}], "not like 'USA-RUS'"),
           ([{"name": "x", "dyad": "USA-RUS", "colour": "red"}], "unknown key(s) colour"),
           ([{"name": "x", "dyad": "USA-RUS", "window": "soon"}], "window"),
           ([{"name": "x", "dyad": "USA-RUS", "modality": "maybe"}], "modality"),
           ([{"name": "x", "roots": ["abc"]}], "roots"),
           ([{"name": "x"}], "watches nothing"),
           ([{"name": "x", "escalation_z": 2}], "needs a dyad or an actor"),
           ([{"name": "x", "actor": "RUS"}, {"name": "x", "actor": "UKR"}], "defined twice"),
           ({"name": "x"}, "YAML list")]
    for data, message in bad:
        with pytest.raises(ConfigError) as err:
            parse_rules(data, "rules.yaml")
        assert message in str(err.value) and "rules.yaml" in str(err.value)


def _articles():
    out = []
    for i, outlet in enumerate(["A", "B", "C"]):
        out.append(build_article(f"m{i}", f"Russian forces massed near Ukraine, outlet {outlet} reported.",
                                 published="2021-12-01", source=outlet,
                                 events=(("V1", "RUSMIL", "UKR", "massed", "154",
                                          {"goldstein": -7.2, "quad_class": 4, "name": "Mobilize armed forces",
                                           "date": {"value": "2021-12-01", "basis": "time"}}),)))
    out.append(build_article("old", "Russia threatened Ukraine in a speech long ago.", published="2021-10-01", source="D",
                             events=(("V1", "RUSGOV", "UKR", "threatened", "130",
                                      {"goldstein": -4.4, "quad_class": 3, "date": {"value": "2021-10-01", "basis": "time"}}),)))
    out.append(build_article("neg", "Russia did not attack Ukraine, officials said.", published="2021-12-01", source="E",
                             events=(("V1", "RUS", "UKR", "attack", "190",
                                      {"goldstein": -10, "quad_class": 4, "modality": "negated",
                                       "date": {"value": "2021-12-01", "basis": "time"}}),)))
    return out


@pytest.fixture()
def store(tmp_path):
    with open_store(tmp_path / "w.duckdb") as s:
        s.write_articles(_articles())
        yield s


def test_count_rule_fires_with_summary_and_links(store):
    rule = parse_rules([{"name": "force", "dyad": "RUS-UKR", "roots": ["15"], "min_events": 3, "window": "1d"}])[0]
    alert = evaluate(store, rule)
    assert alert is not None
    assert alert["summary"] == "RUS → UKR 154 Mobilize armed forces (asserted) — 3 sources"
    assert sorted(e["article_id"] for e in alert["events"]) == ["m0", "m1", "m2"]
    assert all(e["link"] == f"/articles/{e['article_id']}" for e in alert["events"])
    assert evaluate(store, parse_rules([{"name": "f4", "dyad": "RUS-UKR", "roots": ["15"], "min_events": 4}])[0]) is None


def test_window_uses_event_dates_and_modality_defaults_to_asserted(store):
    threats = parse_rules([{"name": "t", "dyad": "UKR-RUS", "roots": ["13"], "window": "7d"}])[0]
    assert evaluate(store, threats) is not None  # either direction; its own latest date anchors the window
    attacks = parse_rules([{"name": "a", "dyad": "RUS-UKR", "roots": ["19"]}])[0]
    assert evaluate(store, attacks) is None  # the only attack is negated
    any_attack = parse_rules([{"name": "a", "dyad": "RUS-UKR", "roots": ["19"], "modality": "negated"}])[0]
    assert evaluate(store, any_attack) is not None
    directed = parse_rules([{"name": "d", "dyad": "UKR-RUS", "directed": True}])[0]
    assert evaluate(store, directed) is None


def test_escalation_z(store):
    rule = parse_rules([{"name": "z", "dyad": "RUS-UKR", "escalation_z": 1.0, "modality": "any"}])[0]
    assert evaluate(store, rule) is not None  # a flat history, then the December spike
    assert evaluate(store, parse_rules([{"name": "z", "dyad": "USA-CHN", "escalation_z": 1.0}])[0]) is None


def test_alert_state_remembers_what_was_sent(store):
    state = WatchState(store)
    rule = parse_rules([{"name": "force", "dyad": "RUS-UKR", "roots": ["15"]}])[0]
    alert = evaluate(store, rule)
    alert["time"] = "2021-12-01T00:00:00+00:00"
    assert not state.alert_sent(alert["id"])
    state.record_alert(alert)
    assert state.alert_sent(alert["id"])
    assert evaluate(store, rule)["id"] == alert["id"]  # same events, same alert id
