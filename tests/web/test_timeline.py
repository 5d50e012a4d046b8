"""The events timeline counts the table's events (issue #19 item 4): same direction and modality rules, bars
that link to exactly their events, a Goldstein line broken across empty periods, labelled axes."""
from __future__ import annotations

import re
from datetime import date
from html import unescape

import pytest

from tidings.web.timeline import periods, timeline_svg


@pytest.fixture()
def client(fresh_client):
    return fresh_client


def _bars(page: str) -> list[tuple[str, int]]:
    return [(unescape(href), int(n)) for href, n in re.findall(r'<a class="bar" href="([^"]*)" data-count="(\d+)"', page)]


def _total(page: str) -> int:
    return int(re.search(r'<span class="summary">([\d,]+) event', page).group(1).replace(",", ""))


def test_bars_sum_to_the_table_total_for_each_direction_and_modality(client):
    # call1 holds USAGOV→RUSGOV (asserted and conditional); troops1 RUSMIL→UKR
    for query, expected in (("dyad=USA-RUS", 2), ("dyad=RUS-USA", 0), ("dyad=RUS-USA&directed=false", 2),
                            ("dyad=USA-RUS&modality=asserted", 1), ("actor=RUS", 3), ("", 3),
                            ("actor=RUS&modality=conditional", 1)):
        page = client.get(f"/events?{query}").text
        bars = _bars(page)
        assert _total(page) == expected == sum(n for _, n in bars), query


def test_each_bar_links_to_exactly_its_events(client):
    page = client.get("/events?actor=RUS&directed=false&by=day").text
    bars = _bars(page)
    assert [n for _, n in bars] == [2, 1]
    for href, n in bars:
        assert "actor=RUS" in href and "since=" in href and "until=" in href
        linked = client.get(href).text
        assert _total(linked) == n, href
        assert _bars(linked) == [(href, n)]  # the linked page's one bar is that same bar


def test_the_direction_and_modality_toggles_are_visible_links(client):
    page = client.get("/events?dyad=RUS-USA").text
    toggles = dict(re.findall(r'<span class="toggle" data-toggle="(\w+)">(.*?)</span>', page))
    assert set(toggles) == {"directed", "modality"}
    assert re.search(r'href="[^"]*directed=false[^"]*">either way', toggles["directed"])
    assert 'class="on" aria-current="true">A→B only' in toggles["directed"]
    assert re.search(r'href="[^"]*modality=asserted[^"]*">asserted only', toggles["modality"])
    either = client.get("/events?dyad=RUS-USA&directed=false").text
    assert "2 events where dyad is RUS-USA and either way round" in either
    csv = re.search(r'class="csv" href="([^"]*)"', either).group(1)
    assert "directed=false" in unescape(csv)
    assert unescape(csv).count("\n") == 0 and client.get(unescape(csv)).text.count("\r\n") == 3  # header + 2


def test_goldstein_line_is_broken_across_empty_periods():
    day_rows = [(date(2021, 1, 1), 2, 1, 0, 0, 1, -2.0, 2), (date(2021, 1, 2), 1, 1, 0, 0, 0, 3.0, 1),
                (date(2021, 1, 5), 1, 0, 0, 1, 0, -4.0, 1), (date(2021, 1, 6), 1, 0, 0, 0, 0, None, 0),
                (date(2021, 1, 8), 3, 0, 0, 0, 3, -21.0, 3)]
    rows = periods(day_rows, "day")
    assert [r["period"][-2:] for r in rows] == ["01", "02", "03", "04", "05", "06", "07", "08"]
    assert [r["goldstein_mean"] for r in rows] == [-1.0, 3.0, None, None, -4.0, None, None, -7.0]
    assert rows[5]["other"] == 1 and rows[5]["events"] == 1  # no QuadClass: grey, still counted
    svg = timeline_svg(rows, by="day")
    d = re.search(r'<path class="goldstein" d="([^"]*)"', svg).group(1)
    assert d.count("M") == 1 and d.count("L") == 1  # only 1 → 2 is joined
    assert svg.count('class="goldstein-dot"') == 2  # the lone scored days 5 and 8 are dots
    assert "events per day" in svg and "mean Goldstein" in svg and ">day</text>" in svg


def test_week_and_month_bars_cut_to_the_range_asked_for():
    day_rows = [(date(2021, 1, 6), 1, 1, 0, 0, 0, 1.0, 1), (date(2021, 2, 20), 2, 0, 0, 0, 2, -8.0, 2)]
    rows = periods(day_rows, "month", since="2021-01-05", until="2021-02-25")
    assert [(r["start"], r["end"], r["events"]) for r in rows] == [("2021-01-05", "2021-01-31", 1),
                                                                   ("2021-02-01", "2021-02-25", 2)]
    weeks = periods(day_rows[:1], "week")
    assert (weeks[0]["start"], weeks[0]["end"]) == ("2021-01-04", "2021-01-10")


def test_series_api_counts_all_modalities_when_asked(client):
    asserted = client.get("/api/series?dyad=USA-RUS").json()
    everything = client.get("/api/series?dyad=USA-RUS&modality=all").json()
    assert sum(r["events"] for r in asserted["items"]) == 1
    assert sum(r["events"] for r in everything["items"]) == 2 and everything["modality"] == "all"
    assert client.get("/api/series?dyad=USA-RUS&modality=sometimes").status_code == 422


def test_actor_names_and_cameo_codes_in_the_events_form(client):
    page = client.get("/events?actor=Russia").text
    assert "“Russia” read as RUS" in page and _total(page) == 3
    assert _total(client.get("/events?dyad=United States-Russia").text) == 2
    assert _total(client.get("/events?code=13").text) == 1  # 138 will respond (THREATEN)
    options = dict(re.findall(r'<option value="(\d+)"[^>]*>[\u2003]*([^<]*)</option>', page))
    assert options["13"] == "13 — Threaten (all)" and options["138"].startswith("138 — ") and len(options) == 312
