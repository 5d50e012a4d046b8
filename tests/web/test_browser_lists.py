"""The list pages in a real browser (Debian chromium, Playwright) over a synthetic store of 360 events."""
from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from .synthetic import synthetic_store

from .live import OUT, launch, need_browser, served

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def base(tmp_path_factory):
    need_browser()
    from tidings.web.app import create_app

    db = synthetic_store(tmp_path_factory.mktemp("browse") / "browse.duckdb", 120, 3, undated=4)
    with served(create_app(db)) as port:
        yield f"http://127.0.0.1:{port}"


@pytest.fixture(scope="module")
def page(base):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = launch(p)
        context = browser.new_context(viewport={"width": 1400, "height": 1000}, accept_downloads=True)
        yield context.new_page()
        browser.close()


def test_paging_past_300_events_with_the_count_shown(base, page):
    page.goto(f"{base}/events?dyad=USA-RUS")
    assert page.locator(".pager .summary").first.inner_text() == "360 events where dyad is USA-RUS"
    for shown in ("101–200", "201–300", "301–360"):
        page.locator("a.next").first.click()
        page.wait_for_load_state()
        assert f"showing {shown} of 360" in page.locator(".pager").first.inner_text()
    assert page.locator(".events-table tbody tr").count() == 60
    assert page.locator("a.next").count() == 0
    assert page.locator(".events-table tbody tr").last.locator("td").first.inner_text() == "2020-01-01"
    page.screenshot(path=str(OUT / "events-page4.png"), full_page=True)
    page.locator("a.prev").first.click()
    assert "showing 201–300 of 360" in page.locator(".pager").first.inner_text()


def test_download_csv_equals_the_api_json_for_the_same_filter(base, page):
    page.goto(f"{base}/events?dyad=USA-RUS&offset=300")
    with page.expect_download() as info:
        page.locator("a.csv").first.click()
    rows = list(csv.DictReader(io.StringIO(Path(info.value.path()).read_text("utf-8"))))
    api = page.request.get(f"{base}/api/events?dyad=USA-RUS&limit=100&offset=300").json()["items"]
    assert len(rows) == len(api) == 60
    assert rows == [{k: "" if v is None else str(v) for k, v in item.items()} for item in api]


def test_sorting_by_a_column_header(base, page):
    page.goto(f"{base}/events?actor=USA")
    page.locator("th a.sort", has_text="Goldstein").click()
    page.wait_for_load_state()
    values = [float(t) for t in page.locator(".events-table tbody tr td:nth-child(6)").all_inner_texts()]
    assert len(values) == 100 and values == sorted(values) and values[0] == -3.0
    page.locator("th a.sort", has_text="Goldstein").click()  # the second click: descending
    page.wait_for_load_state()
    values = [float(t) for t in page.locator(".events-table tbody tr td:nth-child(6)").all_inner_texts()]
    assert values == sorted(values, reverse=True) and values[0] == -1.0


def test_articles_page_lists_undated_ones_and_filters_by_source(base, page):
    page.goto(f"{base}/articles")
    assert page.locator(".pager .summary").first.inner_text() == "124 articles"
    page.select_option("select[name=source]", "Wire U")
    page.click("form.filters button[type=submit]")
    page.wait_for_load_state()
    assert page.locator(".pager .summary").first.inner_text() == "4 articles where source is Wire U"
    assert page.locator(".articles-table tbody tr td:first-child").all_inner_texts() == ["undated"] * 4
    page.screenshot(path=str(OUT / "articles.png"), full_page=True)


def test_an_event_row_leads_to_its_sentence_lit_up_in_the_article(base, page):
    page.goto(f"{base}/events?dyad=USA-RUS&sort=date")
    link = page.locator(".events-table a.sentence").nth(1)  # the oldest article's second event: V1
    assert link.locator("mark").inner_text() == "act0x1"
    href = link.get_attribute("href")
    assert href == "/articles/syn00000#V1"
    link.click()
    page.wait_for_url(f"{base}{href}")
    target = page.locator("#V1")
    assert target.inner_text() == "act0x1"
    style = target.evaluate("el => [el.matches(':target'), getComputedStyle(el).outlineStyle, "
                            "getComputedStyle(el).backgroundColor]")
    assert style == [True, "solid", "rgb(254, 202, 202)"], style  # lit by CSS (:target)
    assert page.locator("#article-text .lit-event").all_inner_texts() == ["act0x1"]  # and every piece by the script
    other = page.locator("#V0")
    assert other.evaluate("el => getComputedStyle(el).backgroundColor") != "rgb(254, 202, 202)"
    page.screenshot(path=str(OUT / "event-target.png"), full_page=True)
    page.hover('.event-item[data-event="V2"]')  # hovering an event in the list lights it up instead
    assert page.locator("#article-text .lit-event").all_inner_texts() == ["act0x2"]
    assert page.locator('aside a.tag[href="/actors/USAGOV"]').count() == 1  # actor codes link to their page


def test_a_timeline_bar_click_lands_on_exactly_its_events(base, page):
    page.goto(f"{base}/events?dyad=USA-RUS")
    bars = page.locator("#timeline svg a.bar")
    assert bars.count() == 18  # 120 days of events: weekly bars (auto), 2019-12-30 … 2020-04-27
    counts = [int(n) for n in bars.evaluate_all("els => els.map(e => e.getAttribute('data-count'))")]
    assert sum(counts) == 360 and counts[0] == 15  # Wed 1 Jan – Sun 5 Jan: 5 days × 3 events
    bar = bars.nth(3)
    value = int(bar.get_attribute("data-count"))
    bar.locator("rect.hit").click()
    page.wait_for_load_state()
    assert "since=2020-01-20" in page.url and "until=2020-01-26" in page.url
    assert page.locator(".pager .summary").first.inner_text() == (
        f"{value} events where dyad is USA-RUS and from 2020-01-20 and until 2020-01-26")
    assert page.locator(".events-table tbody tr").count() == value == 21
    dates = set(page.locator(".events-table tbody tr td:first-child").all_inner_texts())
    assert dates == {f"2020-01-{d}" for d in range(20, 27)}
    page.screenshot(path=str(OUT / "timeline-bar.png"), full_page=True)


def test_a_drag_across_timeline_bars_sets_the_range(base, page):
    page.goto(f"{base}/events?dyad=USA-RUS")
    bars = page.locator("#timeline svg a.bar")
    first, last = bars.nth(2).locator("rect.hit").bounding_box(), bars.nth(4).locator("rect.hit").bounding_box()
    expected = sum(int(bars.nth(i).get_attribute("data-count")) for i in (2, 3, 4))
    page.mouse.move(first["x"] + first["width"] / 2, first["y"] + first["height"] - 5)
    page.mouse.down()
    page.mouse.move(last["x"] + last["width"] / 2, last["y"] + last["height"] - 5, steps=8)
    with page.expect_navigation():
        page.mouse.up()
    assert "since=2020-01-13" in page.url and "until=2020-02-02" in page.url
    assert page.locator(".pager .summary").first.inner_text().startswith(f"{expected} events where")
    assert page.locator("#timeline svg a.bar").count() == 21  # a shorter range: bars per day
