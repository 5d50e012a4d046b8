"""Actor pages (issue #19 item 6): a country groups its sectors with counts; the counterpart network has a legend."""
from __future__ import annotations

import re

import pytest


@pytest.fixture()
def client(fresh_client):
    return fresh_client


def _rows(page: str) -> list[tuple[str, int, int, int]]:
    table = re.search(r'<table class="sectors-table">(.*?)</table>', page, re.S).group(1)
    return [(code, int(a), int(b), int(n)) for code, a, b, n in re.findall(
        r'<tr><td><a href="/actors/\w+">(\w+)</a></td><td>(\d+)</td><td>(\d+)</td><td><a [^>]*>(\d+)</a></td></tr>',
        table)]


def test_country_page_shows_the_sector_split(client):
    page = client.get("/actors/RUS").text
    rows = dict((code, (a, b, n)) for code, a, b, n in _rows(page))
    assert rows["RUSGOV"] == (0, 2, 2)  # the targets of call1's USAGOV events
    assert rows["RUSMIL"] == (1, 0, 1)  # troops1's source
    assert '<a href="/events?actor=RUSMIL">1</a>' in page


def test_sector_page_links_to_its_country_and_lists_no_split_of_one(client):
    page = client.get("/actors/RUSMIL").text
    assert 'part of <a href="/actors/RUS">RUS</a>' in page
    assert 'class="sectors-table"' not in page  # one code only: nothing to split


def test_counterpart_network_has_a_legend(client):
    page = client.get("/actors/RUS").text
    legend = re.search(r'<g class="network-legend".*?</g>', page, re.S).group(0)
    assert "edge colour: mean Goldstein" in legend and "width: events" in legend
    assert "hostile" in legend and "cooperative" in legend
    edges = re.findall(r'<line [^>]*stroke="(#[0-9a-f]+)"[^>]*class="edge" data-count="(\d+)"', page)
    assert ("#c8423b", "1") in edges  # RUSMIL → UKR, Goldstein −7.2: red
