import pytest

from tidings.evaluate._match import (
    f1, haversine_km, max_matching, median, normalize_unit, prf, ratio, singular, span_set_iou, spans_overlap,
    unit_matches, values_equal,
)


def test_iou_by_hand():
    assert span_set_iou([(0, 10)], [(5, 15)]) == pytest.approx(5 / 15)
    assert span_set_iou([(0, 4), (6, 10)], [(0, 10)]) == pytest.approx(8 / 10)
    assert span_set_iou([(0, 6), (4, 10)], [(0, 10)]) == 1.0  # a set's own overlaps are merged first
    assert span_set_iou([(0, 10)], [(0, 20)]) == 0.5
    assert span_set_iou([(0, 5)], [(5, 9)]) == 0.0
    assert span_set_iou([], [(0, 3)]) == 0.0


def test_spans_overlap_is_at_least_one_character():
    assert spans_overlap([(0, 5)], [(4, 9)])
    assert not spans_overlap([(0, 5)], [(5, 9)])


def test_distance_at_161_km():
    one_degree = haversine_km(0, 0, 1, 0)
    assert one_degree == pytest.approx(111.195, abs=0.001)
    assert haversine_km(0, 0, 1.44, 0) == pytest.approx(160.121, abs=0.01)  # within 161 km
    assert haversine_km(0, 0, 1.45, 0) == pytest.approx(161.233, abs=0.01)  # beyond
    assert haversine_km(10, 20, 10, 20) == 0.0


def test_values_equal_relative_1e6():
    assert values_equal(1_000_000, 1_000_000.5)  # relative difference 5e-7
    assert not values_equal(1_000_000, 1_000_002)  # 2e-6
    assert values_equal(0, 0.0)
    assert not values_equal(None, 1)
    assert not values_equal(3, 4)


def test_singular():
    assert [singular(w) for w in ("soldiers", "batteries", "men", "boxes", "percent", "bus", "yards")] == [
        "soldier", "battery", "man", "box", "percent", "bus", "yard"]


def test_unit_rule():
    assert normalize_unit("Pound-Feet of Torque") == "pound-feet of torque"
    assert normalize_unit("-") == "" and normalize_unit(None) == ""
    assert unit_matches(["miles"], "miles", "mile")
    assert unit_matches(["Miles"], "mi", "mile")  # singular form equals normalized_unit
    assert not unit_matches(["kilometres"], "miles", "mile")
    assert unit_matches(["pound-feet"], "pound-feet of torque", "pound-foot")  # contained as a whole word
    assert not unit_matches(["foot"], "footballs", "football")  # not a whole word
    assert unit_matches([None, "soldiers", None], "troops", "soldier")  # the counted noun may match
    assert unit_matches([None, None, None], "-", "-")  # no unit matches NewsQuant's "-"
    assert not unit_matches([None, None], "miles", "mile")
    assert unit_matches(["%"], "%", "percentage")


def test_max_matching_is_one_to_one_and_maximal():
    assert len(max_matching([3, 3], [3], lambda p, g: p == g)) == 1
    # A fits both golds, B only the first: a greedy pass could pair A with the first and lose B
    ok = {("A", 0), ("A", 1), ("B", 0)}
    assert max_matching(["A", "B"], [0, 1], lambda p, g: (p, g) in ok) == [(0, 1), (1, 0)]


def test_ratios():
    assert ratio(1, 0) == 0.0 and ratio(1, 0, None) is None
    assert prf(1, 2, 1, 4) == (0.5, 0.25, pytest.approx(1 / 3))
    assert f1(None, 0.5) == 0.0
    assert median([3, 1, 2]) == 2 and median([1, 2, 3, 4]) == 2.5 and median([]) is None


def test_same_actor_country_compares_the_first_three_letters_and_null_only_with_null():
    from tidings.evaluate._match import same_actor_country

    assert same_actor_country("USAGOV", "usa") and same_actor_country(None, "")
    assert not same_actor_country("USAGOV", "RUSGOV") and not same_actor_country("USA", None)
