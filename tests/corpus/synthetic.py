"""A hand-written corpus of short synthetic reports (no extractor involved)."""
from tidings.store.testing import build_article

KYIV = ("P1", None, "Kyiv", 50.45, 30.52, "UKR", {"feature_code": "PPLC"})
LVIV = ("P1", None, "Lviv", 49.84, 24.03, "UKR", {"feature_code": "PPLA"})
KHARKIV = ("P1", None, "Kharkiv", 49.99, 36.23, "UKR", {"feature_code": "PPLA"})


def _place(spec, word):
    pid, _, name, lat, lon, country, extra = spec
    return (pid, word, name, lat, lon, country, extra)


def five_reports():
    """Five outlets, one event: Russian troops massing on the Ukrainian border, told five ways."""
    specs = [
        ("r1", "North Ledger", "2024-04-02",
         "Russia has massed about 70,000 troops along its border with Ukraine, near Kyiv's northern approaches, "
         "officials said on Tuesday.", "massed", "70,000 troops", 70000.0, "troops", "asserted", "Kyiv"),
        ("r2", "Evening Courier", "2024-04-02",
         "Some 100,000 Russian soldiers have gathered near the Ukrainian frontier north of Kyiv, according "
         "to satellite images.", "gathered", "100,000 Russian soldiers", 100000.0, "soldiers", "asserted", "Kyiv"),
        ("r3", "Harbour Times", "2024-04-03",
         "Moscow may be preparing an offensive: it deployed 90,000 troops close to Ukraine, a diplomat "
         "claimed in Kyiv.", "deployed", "90,000 troops", 90000.0, "troops", "claimed", "Kyiv"),
        ("r4", "Valley Gazette", "2024-04-03",
         "The Kremlin denies it, but forces estimated at 80,000 troops are now stationed on the Ukrainian "
         "border, reporters in Kyiv were told.", "stationed", "80,000 troops", 80000.0, "troops", "asserted", "Kyiv"),
        ("r5", "Plains Record", "2024-04-04",
         "A build-up of Russian armour and 75,000 troops was seen this week at the edge of Ukraine, north "
         "of Kyiv.", "build-up", "75,000 troops", 75000.0, "troops", "asserted", "Kyiv"),
    ]
    out = []
    for aid, outlet, day, text, verb, qwords, value, counted, modality, pword in specs:
        out.append(build_article(
            aid, text, published=day, source=outlet, url=f"https://{outlet.lower().replace(' ', '')}.test/{aid}",
            events=[("V1", "RUSMIL", "UKR", verb, "1312",
                     {"goldstein": -7.0, "quad_class": 3, "modality": modality, "place": "P1",
                      "date": {"value": "2024-04-02", "basis": "time"} if aid in ("r1", "r2") else
                      {"value": day, "basis": "published"}})],
            quantities=[("N1", qwords, value, counted, {"attached_to": "V1", "category": "MOBILIZE"})],
            places=[_place(KYIV, pword)], tone=-3.0))
    return out


def two_strikes_same_day():
    """Same day, same actors, same root: one strike on Lviv, one on Kharkiv — two events."""
    a = build_article(
        "s1", "Russian missiles struck an energy plant in Lviv overnight, the regional governor said.",
        published="2024-05-10", source="North Ledger",
        events=[("V1", "RUSMIL", "UKR", "struck", "195", {"goldstein": -10.0, "quad_class": 4, "place": "P1"})],
        places=[_place(LVIV, "Lviv")])
    b = build_article(
        "s2", "In the east, shelling hit a market in Kharkiv on Friday, killing 4 people.",
        published="2024-05-10", source="Evening Courier",
        events=[("V1", "RUSMIL", "UKR", "shelling", "195", {"goldstein": -10.0, "quad_class": 4, "place": "P1"})],
        places=[_place(KHARKIV, "Kharkiv")])
    c = build_article(
        "s3", "Ukraine and Russia held talks in Istanbul on Friday about grain shipments.",
        published="2024-05-10", source="Harbour Times",
        events=[("V1", "RUS", "UKR", "held talks", "043", {"goldstein": 2.8, "quad_class": 1})])
    return [a, b, c]
