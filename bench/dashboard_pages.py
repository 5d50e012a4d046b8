"""Page timings of the dashboard on a synthetic store (no network, no shared/ data).

    python bench/dashboard_pages.py [--articles 1000] [--events 3] [--repeat 20]

Builds a store of `--articles` hand-built articles (tests/web/synthetic.py: `--events` USA→RUS events each, one
a day from 2020-01-01, a quote each; here also one of 20 places each, the events placed there), then, through
the app in-process (Starlette's test client), times each page three ways: "first" (the first request of the
process for that page kind: templates compiled, queries planned), "uncached" (the same page with a new filter
value, so its queries run and it is rendered), "warm" (the same address again: the response cache). Prints a
Markdown table of medians in milliseconds. With `--browser`, also the load time in Debian's chromium
(Playwright) over a live server: the navigation entry's duration (request to load event, the world outline
and app.css/app.js included), first visit and the median of `--repeat` warm visits.
"""
from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "web"))

CITIES = [("Kyiv", 50.45, 30.52, "UKR"), ("Moscow", 55.75, 37.62, "RUS"), ("Washington", 38.9, -77.04, "USA"),
          ("Paris", 48.86, 2.35, "FRA"), ("Berlin", 52.52, 13.4, "DEU"), ("Beijing", 39.9, 116.4, "CHN"),
          ("Tokyo", 35.68, 139.69, "JPN"), ("Delhi", 28.61, 77.21, "IND"), ("Cairo", 30.04, 31.24, "EGY"),
          ("Lagos", 6.52, 3.38, "NGA"), ("Lima", -12.05, -77.04, "PER"), ("Sydney", -33.87, 151.21, "AUS"),
          ("Ankara", 39.93, 32.86, "TUR"), ("Tehran", 35.69, 51.39, "IRN"), ("Warsaw", 52.23, 21.01, "POL"),
          ("London", 51.51, -0.13, "GBR"), ("Ottawa", 45.42, -75.7, "CAN"), ("Brasilia", -15.79, -47.88, "BRA"),
          ("Nairobi", -1.29, 36.82, "KEN"), ("Seoul", 37.57, 126.98, "KOR")]


def build(path: Path, n: int, per: int) -> None:
    from synthetic import many_events

    from tidings.record import Place
    from tidings.store import open_store

    records = many_events(n, per, undated=max(n // 100, 1))
    for i, record in enumerate(records):
        name, lat, lon, country = CITIES[i % len(CITIES)]
        record.text += f" Seen in {name}."
        start = record.text.rindex(name)
        record.places = [Place(id="P1", start=start, end=start + len(name), text=name, name=name, lat=lat, lon=lon,
                               country=country, sentence=0)]
        for event in record.events:
            event.place = "P1"
    with open_store(path) as store:
        store.write_articles(records, dedup=False)


PAGES = [  # (label, address, a new address of the same kind for "uncached", k = 0…4)
    ("/", "/", None),
    ("/events", "/events", lambda k: f"/events?limit={90 + k}"),
    ("/events?dyad=USA-RUS (timeline)", "/events?dyad=USA-RUS", lambda k: f"/events?dyad=USA-RUS&limit={90 + k}"),
    ("/events?actor=Russia&code=04", "/events?actor=Russia&code=04",
     lambda k: f"/events?actor=Russia&code=04&limit={90 + k}"),
    ("/articles", "/articles", lambda k: f"/articles?limit={90 + k}"),
    ("/articles/{id}", "/articles/syn00010", lambda k: f"/articles/syn{20 + k:05d}"),
    ("/actors/USA", "/actors/USA", lambda k: ["/actors/RUS", "/actors/RUSGOV", "/actors/USAGOV", "/actors/USAMIL",
                                              "/actors/UKR"][k]),
    ("/map", "/map", lambda k: f"/map?since=2020-01-{k + 2:02d}"),
    ("/quotes", "/quotes", lambda k: f"/quotes?limit={90 + k}"),
    ("/search?q=…", "/search?q=Washington", lambda k: f"/search?q=Story+{k + 3}"),
]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--events", type=int, default=3)
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument("--browser", action="store_true", help="also time page loads in chromium")
    args = parser.parse_args()
    from fastapi.testclient import TestClient

    from tidings.web.app import create_app

    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "pages.duckdb"
        t0 = time.perf_counter()
        build(db, args.articles, args.events)
        print(f"store: {args.articles} articles, {args.articles * args.events} events "
              f"(built in {time.perf_counter() - t0:.1f} s)\n")
        print("| page | first | uncached | warm | bytes |\n|---|---:|---:|---:|---:|")
        with TestClient(create_app(str(db))) as client:
            for label, path, other in PAGES:
                t = time.perf_counter()
                r = client.get(path)
                first = (time.perf_counter() - t) * 1000
                assert r.status_code == 200, (path, r.status_code)
                uncached = []
                if other:
                    for k in range(5):  # a new, never seen address each time
                        t = time.perf_counter()
                        assert client.get(other(k)).status_code in (200, 404)
                        uncached.append((time.perf_counter() - t) * 1000)
                warm = []
                for _ in range(args.repeat):
                    t = time.perf_counter()
                    client.get(path)
                    warm.append((time.perf_counter() - t) * 1000)
                un = f"{statistics.median(uncached):.0f} ms" if uncached else "—"
                print(f"| `{label}` | {first:.0f} ms | {un} | {statistics.median(warm):.1f} ms | {len(r.content):,} |")
        if args.browser:
            browser_loads(db, args.repeat)


def browser_loads(db: Path, repeat: int) -> None:
    from live import launch, served
    from playwright.sync_api import sync_playwright

    from tidings.web.app import create_app

    print("\n| page (chromium) | first | warm |\n|---|---:|---:|")
    script = "performance.getEntriesByType('navigation')[0].duration"
    with served(create_app(str(db))) as port, sync_playwright() as p:
        browser = launch(p)
        page = browser.new_page(viewport={"width": 1400, "height": 1000})
        for label, path, _ in PAGES:
            page.goto(f"http://127.0.0.1:{port}{path}", wait_until="load")
            first = page.evaluate(script)
            warm = []
            for _ in range(repeat):
                page.goto(f"http://127.0.0.1:{port}{path}", wait_until="load")
                warm.append(page.evaluate(script))
            print(f"| `{label}` | {first:.0f} ms | {statistics.median(warm):.0f} ms |")
        browser.close()


if __name__ == "__main__":
    main()
