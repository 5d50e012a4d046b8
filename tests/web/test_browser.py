"""The dashboard in a real browser: Debian's chromium, headless, driven by Playwright."""
from __future__ import annotations


import pytest

from .live import OUT, launch, need_browser, served

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def server(web_db, pipeline):
    need_browser()
    from importlib import resources

    from tidings.items import InputItem
    from tidings.store import open_store
    from tidings.web.app import create_app

    demo = resources.files("tidings.data.demo").joinpath("biden-putin-demo.txt").read_text("utf-8")
    record = pipeline(InputItem(text=demo, published="2021-12-07", source_name="tidings demo"))
    with open_store(web_db) as store:
        store.write_articles([record])
    with served(create_app(web_db)) as port:
        yield f"http://127.0.0.1:{port}", record


@pytest.fixture(scope="module")
def page(server):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = launch(p)
        pg = browser.new_page(viewport={"width": 1400, "height": 1000})
        dialogs = []
        pg.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
        pg.dialogs = dialogs
        yield pg
        browser.close()


def test_article_view_click_quote_highlights_speaker(server, page):
    base, record = server
    assert record.quotes, "the demo article should have quotes"
    quote = next(q for q in record.quotes if q.speaker.mention is not None)
    page.goto(f"{base}/articles/{record.id}")
    page.click(f'.quote-item[data-quote="{quote.id}"]')
    lit_speaker = page.locator("#article-text .lit-speaker")
    assert lit_speaker.count() >= 1
    assert quote.speaker.mention.text.split()[-1] in " ".join(lit_speaker.all_inner_texts())
    assert page.locator("#article-text .lit").count() >= 1
    page.screenshot(path=str(OUT / "article.png"), full_page=True)


def test_timeline_renders_for_usa_rus(server, page):
    base, _ = server
    page.goto(f"{base}/events?dyad=USA-RUS")
    assert page.locator("#timeline svg.timeline a.bar rect.seg").count() >= 1
    assert page.locator("#timeline svg .goldstein, #timeline svg .goldstein-dot").count() >= 1
    page.screenshot(path=str(OUT / "timeline.png"), full_page=True)


def test_map_point_click_lands_on_its_events(server, page):
    base, _ = server
    page.goto(f"{base}/map")
    assert page.locator("#map svg image.world").count() == 1
    assert page.locator("#map svg .size-legend circle").count() >= 1
    links = page.locator("#map svg .points a")
    assert links.count() >= 2
    top = links.first
    label, n = top.get_attribute("data-place"), int(top.locator("circle").get_attribute("data-count"))
    page.screenshot(path=str(OUT / "map.png"))
    top.locator("circle").click()
    page.wait_for_load_state()
    assert page.locator(".pager .summary").first.inner_text() == f"{n} event{'s' if n != 1 else ''} where place is {label}"
    assert page.locator(".events-table tbody tr").count() == n
    page.goto(f"{base}/map")
    outline = page.request.get(base + page.locator("#map svg image.world").get_attribute("href"))
    assert outline.status == 200 and outline.text().count("<path") > 100
    assert "immutable" in outline.headers["cache-control"]
    page.locator(".toggle a", has_text="mentions").click()  # sized by mentions: a click lists the articles
    page.wait_for_load_state()
    link = page.locator("#map svg .points a").first
    assert link.get_attribute("href").startswith("/articles?at=")


def test_hostile_text_stays_inert(server, page):
    base, _ = server
    page.goto(f"{base}/articles/hostile1")
    page.hover("#article-text")
    for mark in page.locator("#article-text .mark").all():
        mark.hover()
    page.goto(f"{base}/")
    page.goto(f"{base}/search?q=Hostile")
    assert page.evaluate("window.__xss === undefined")
    assert page.dialogs == []
    page.goto(f"{base}/articles/hostile1")
    assert "<script>window.__xss=1</script>" in page.inner_text("#article-text")


@pytest.mark.parametrize("path,ready", [("/docs", ".swagger-ui .opblock-summary-path"),
                                        ("/redoc", "[data-section-id^='tag/api'], .api-content h2")])
def test_api_docs_work_with_no_network(server, page, path, ready):
    """Swagger UI and ReDoc from this server only: any request to another host is refused, and they still render."""
    base, _ = server
    outside: list[str] = []

    def only_here(route):
        if route.request.url.startswith(base):
            route.continue_()
        else:
            outside.append(route.request.url)
            route.abort()

    page.route("**/*", only_here)
    violations: list[str] = []
    page.on("console", lambda m: violations.append(m.text) if "Content Security Policy" in m.text else None)
    try:
        page.goto(f"{base}{path}")
        page.wait_for_selector(ready, timeout=15_000)
        assert "/api/articles" in page.inner_text("body")
    finally:
        page.unroute("**/*")
    # ReDoc's "powered by" logo points at its maker's host: the CSP blocks it (no request goes out); nothing else
    assert outside == [] and [v for v in violations if not v.startswith("Loading the image")] == []
    page.screenshot(path=str(OUT / f"{path.strip('/')}.png"))


def test_small_screen_390px_has_no_horizontal_page_scroll(server, page):
    """At 390 px wide the page never scrolls sideways; wide tables scroll inside their own box."""
    base, record = server
    paths = ["/", "/events", "/events?dyad=USA-RUS", "/articles", f"/articles/{record.id}", "/actors/RUS",
             "/actors/USAGOV", "/map", "/quotes", "/search?q=Biden", "/nope"]
    pg = page.context.browser.new_page(viewport={"width": 390, "height": 844})
    try:
        wide = {}
        for path in paths:
            pg.goto(f"{base}{path}")
            width = pg.evaluate("document.documentElement.scrollWidth")
            if width > 390:
                wide[path] = width
        pg.goto(f"{base}/events?dyad=USA-RUS")
        pg.screenshot(path=str(OUT / "events-390.png"), full_page=True)
        pg.goto(f"{base}/articles/{record.id}")
        pg.screenshot(path=str(OUT / "article-390.png"), full_page=True)
    finally:
        pg.close()
    assert wide == {}, wide
