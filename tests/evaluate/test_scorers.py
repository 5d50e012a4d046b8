"""Scorers on tiny hand-made gold/prediction pairs; every expected figure worked out by hand."""
import pytest

from tidings.evaluate.events import PredEvent, main_event, score_events
from tidings.evaluate.places import PredPlace, score_places
from tidings.evaluate.quantities import PredQuantity, score_quantities
from tidings.evaluate.quotes import PredQuote, score_quotes
from tidings.evaluate.timex import PredTime, score_time

TEXT = "x" * 120


def _attr(content, source, direct):
    return {"content": content, "source": source, "cue": [], "direct": direct}


QUOTE_GOLD = {"id": "q1", "text": TEXT, "attributions": [
    _attr([[10, 30]], [[0, 5]], True),
    _attr([[40, 60]], [[35, 38]], False),
    _attr([[70, 80]], [], False),  # no source: not in speaker accuracy
    _attr([], [], False),  # no content: cannot be matched, left out
]}


def test_quotes_by_hand():
    preds = [
        PredQuote(((12, 30),), (0, 5)),  # IoU 18/20 with the first; speaker right
        PredQuote(((40, 48),), (35, 38)),  # IoU 8/20 = 0.4: no match
        PredQuote(((70, 80),), None),  # matches the third
        PredQuote(((90, 95),), None),  # matches nothing
    ]
    s = score_quotes([(QUOTE_GOLD, preds)]).metrics
    assert s["precision"] == 0.5
    assert s["recall_all"] == pytest.approx(2 / 3)
    assert s["recall_direct"] == 1.0
    assert s["speaker_accuracy"] == 1.0
    assert s["n_gold"] == 3


def test_quotes_split_content_and_wrong_speaker():
    preds = [
        PredQuote(((10, 20), (22, 30)), (6, 9)),  # IoU 18/20; speaker misses source [0, 5)
        PredQuote(((40, 50), (52, 60)), (36, 37)),  # IoU 18/20; speaker inside [35, 38)
    ]
    s = score_quotes([(QUOTE_GOLD, preds)]).metrics
    assert s["precision"] == 1.0
    assert s["recall_all"] == pytest.approx(2 / 3)
    assert s["speaker_accuracy"] == 0.5


def test_quotes_iou_boundary_is_inclusive():
    gold = {"id": "q", "text": TEXT, "attributions": [_attr([[0, 20]], [], True)]}
    assert score_quotes([(gold, [PredQuote(((0, 10),))])]).metrics["recall_all"] == 1.0  # 10/20 = 0.5
    assert score_quotes([(gold, [PredQuote(((0, 9),))])]).metrics["recall_all"] == 0.0  # 0.45


def test_quotes_without_predictions_score_zero():
    s = score_quotes([(QUOTE_GOLD, [])]).metrics
    assert s["precision"] == 0.0 and s["recall_all"] == 0.0 and s["speaker_accuracy"] == 0.0


TIME_GOLD = {"id": "t1", "text": TEXT, "timex": [
    {"start": 10, "end": 16, "text": "Friday", "type": "DATE", "value": "1998-08-07"},
    {"start": 30, "end": 40, "text": "last month", "type": "DATE", "value": "1998-07"},
]}


def test_time_by_hand():
    preds = [PredTime(10, 16, "1998-08-07"), PredTime(25, 35, "1998-07"), PredTime(50, 55, "P1D")]
    s = score_time([(TIME_GOLD, preds)]).metrics
    assert s["relaxed_precision"] == pytest.approx(2 / 3) and s["relaxed_recall"] == 1.0
    assert s["relaxed_f1"] == pytest.approx(0.8)
    assert s["strict_f1"] == pytest.approx(0.4)  # P 1/3, R 1/2
    assert s["value_f1"] == pytest.approx(0.8)


def test_time_value_needs_identical_timex_value():
    preds = [PredTime(10, 16, "1998-08-07"), PredTime(25, 35, "1998-08"), PredTime(50, 55, "P1D")]
    r = score_time([(TIME_GOLD, preds)])
    assert r.metrics["value_f1"] == pytest.approx(0.4)  # P 1/3, R 1/2
    assert r.metrics["relaxed_f1"] == pytest.approx(0.8)
    assert [m.text for m in r.misses] == ["last month"]


PLACE_GOLD = {"id": "p1", "text": TEXT, "toponyms": [
    {"start": 0, "end": 5, "text": "A", "lat": 0.0, "lon": 0.0},
    {"start": 10, "end": 20, "text": "B", "lat": 10.0, "lon": 10.0},
    {"start": 30, "end": 35, "text": "C", "lat": 0.0, "lon": 0.0},
]}


def test_places_by_hand():
    preds = [PredPlace(0, 5, 1.44, 0.0), PredPlace(12, 18, 11.45, 10.0), PredPlace(40, 45, 0.0, 0.0)]
    s = score_places([(PLACE_GOLD, preds)]).metrics
    assert s["recognition_precision"] == pytest.approx(2 / 3)
    assert s["recognition_recall"] == pytest.approx(2 / 3)
    assert s["recognition_f1"] == pytest.approx(2 / 3)
    assert s["acc161_matched"] == 0.5  # 160.1 km in, 161.2 km out
    assert s["acc161_end_to_end"] == pytest.approx(1 / 3)
    assert s["median_error_km"] == pytest.approx((160.121 + 161.233) / 2, abs=0.01)


def test_places_resolve_by_most_overlapping_prediction():
    preds = [PredPlace(10, 12, 50.0, 50.0), PredPlace(10, 20, 10.0, 10.0)]
    s = score_places([(PLACE_GOLD, preds)]).metrics
    assert s["acc161_matched"] == 1.0 and s["median_error_km"] == 0.0


def test_places_nothing_found():
    s = score_places([(PLACE_GOLD, [])]).metrics
    assert s["recognition_f1"] == 0.0 and s["acc161_end_to_end"] == 0.0 and s["median_error_km"] is None


QUANT_GOLD = {"id": "n1", "text": "hand-made", "quantities": [
    {"value": 175000.0, "unit": "soldiers", "normalized_unit": "soldier"},
    {"value": 3.0, "unit": "%", "normalized_unit": "percentage"},
    {"value": 3.0, "unit": "points", "normalized_unit": "point"},
    {"value": None, "unit": "miles", "normalized_unit": "mile"},  # a range: no value, left out
]}


def test_quantities_by_hand():
    preds = [
        PredQuantity(175000.0, ("troops", "soldiers", None)),
        PredQuantity(3.0, ("%", None, "percent")),
        PredQuantity(3.0000001, ("points", None, None)),  # relative difference 3e-8
        PredQuantity(42.0, ("km",)),
        PredQuantity(None, ("miles",)),  # no value: left out
    ]
    r = score_quantities([(QUANT_GOLD, preds)])
    s = r.metrics
    assert s["value_precision"] == 0.75 and s["value_recall"] == 1.0
    assert s["value_f1"] == pytest.approx(6 / 7)
    assert s["value_unit_f1"] == pytest.approx(6 / 7)
    assert s["n_gold_without_value"] == 1 and s["n_predicted_without_value"] == 1


def test_quantities_value_right_unit_wrong():
    gold = {"id": "n2", "text": "", "quantities": [{"value": 30.0, "unit": "yards", "normalized_unit": "yard"}]}
    s = score_quantities([(gold, [PredQuantity(30.0, ("metres", None, "m"))])]).metrics
    assert s["value_f1"] == 1.0 and s["value_unit_f1"] == 0.0


def test_quantities_one_prediction_cannot_match_two_gold():
    gold = {"id": "n3", "text": "", "quantities": [{"value": 2.0, "unit": "-", "normalized_unit": "-"}] * 2}
    s = score_quantities([(gold, [PredQuantity(2.0)])]).metrics
    assert s["value_precision"] == 1.0 and s["value_recall"] == 0.5


def _ev(code, source=None, target=None, plover=None):
    return {"source": source, "target": target, "code": code, "plover": plover}


def test_events_by_hand():
    docs = [
        ({"id": "1", "no_events": False, "events": [_ev("1312")]},
         [PredEvent("190", confidence=0.4), PredEvent("1311", confidence=0.9)]),
        ({"id": "2", "no_events": False, "events": [_ev("042", "USA", "RUS")]},
         [PredEvent("043", "USAGOV", "RUSMIL")]),
        ({"id": "3", "no_events": False, "events": [_ev("112", "RUS", None)]},
         [PredEvent("112", "RUSGOV", "UKR")]),  # target: null gold matches null only
        ({"id": "4", "no_events": False, "events": [_ev("0874")]}, []),
        ({"id": "5", "no_events": True, "events": []}, []),
        ({"id": "6", "no_events": True, "events": []}, [PredEvent("010")]),
        ({"id": "7", "no_events": False, "events": [_ev("138", plover="THREATEN")]},
         [PredEvent("138", plover="THREATEN")]),
    ]
    s = score_events(docs).metrics
    assert s["root_accuracy"] == 0.8  # docs 1, 2, 3, 7 of 1, 2, 3, 4, 7
    assert s["triple_precision"] == 0.5  # 3 of 6 predictions
    assert s["triple_recall"] == 0.6  # 3 of 5 gold events
    assert s["triple_f1"] == pytest.approx(6 / 11)
    assert s["no_event_accuracy"] == 0.5
    assert s["plover_accuracy"] == 1.0


def test_events_main_event_and_missing_subsets():
    first = PredEvent("190", sentence=0, confidence=0.1)
    assert main_event([first, PredEvent("010", sentence=1, confidence=0.9)]) is first
    tie = [PredEvent("040", confidence=0.5), PredEvent("050", confidence=0.5)]
    assert main_event(tie) is tie[0] and main_event([]) is None
    s = score_events([({"id": "1", "no_events": False, "events": [_ev("040")]}, [])]).metrics
    assert s["root_accuracy"] == 0.0 and s["triple_f1"] == 0.0
    assert s["no_event_accuracy"] is None and s["plover_accuracy"] is None  # no such gold sentences
