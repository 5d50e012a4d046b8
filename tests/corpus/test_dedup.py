from tidings.corpus.dedup import shingles, signature
from tidings.store.testing import build_article

ORIGINAL = ("The port authority of Klaipeda said on Monday that 1,250 containers were held at the quay after "
            "customs officers found 37 kilograms of undeclared tobacco in a shipment from Gdansk. Director "
            "Rasa Vaitkute told reporters the inspection would take until Thursday and that 48 trucks were "
            "waiting outside the gates.")
SYNDICATED = "KLAIPEDA (Baltic Wire) - " + ORIGINAL + " Reporting by a staff correspondent."
REWRITE = ORIGINAL.replace("said on Monday", "announced on Monday").replace("told reporters", "told journalists") \
    .replace("would take until Thursday", "is expected to last until Thursday")
# a machine-translated re-publication: same facts, names and numbers, different wording
TRANSLATED = ("On Monday the harbour administration of Klaipeda informed that 1 250 containers are retained on "
              "the pier, after the customs employees discovered 37 kg of not declared tobacco inside a cargo "
              "coming from Gdansk. The director Rasa Vaitkute explained to the press that the control lasts "
              "until Thursday and 48 lorries wait in front of the gates.")
OTHER = ("The port authority of Klaipeda said on Monday that a new crane will be installed at the quay next "
         "spring. Director Rasa Vaitkute told reporters the project costs 9 million euros and will employ "
         "60 workers from the region.")


def art(aid, text, day="2024-02-12", source="Wire"):
    return build_article(aid, text, published=day, source=source)


def test_signature_survives_translation():
    a, b = signature(art("a", ORIGINAL)), signature(art("b", TRANSLATED))
    assert {"#1250", "#37", "#48", "$klaipeda", "$gdansk", "$vaitkute"} <= a & b
    assert len(a & b) / len(a | b) >= 0.6
    assert not shingles(ORIGINAL) & shingles(TRANSLATED) or \
        len(shingles(ORIGINAL) & shingles(TRANSLATED)) / len(shingles(ORIGINAL) | shingles(TRANSLATED)) < 0.2


def test_copies_grouped_at_ingest(store):
    res = store.write_articles([art("orig", ORIGINAL, source="Baltic Wire"), art("syn", SYNDICATED, source="Daily A"),
                                art("rew", REWRITE, source="Daily B")])
    assert res.written == ["orig", "syn", "rew"] and res.copies == ["syn", "rew"]
    store.write_articles([art("mt", TRANSLATED, day="2024-02-13", source="Mirror Site"), art("other", OTHER)])
    stories = store.stories()
    assert stories == {"orig": ["orig", "syn", "rew", "mt"]}
    methods = dict(store.query("SELECT article_id, method FROM stories"))
    assert methods["syn"] == "text" and methods["rew"] == "text" and methods["mt"] == "signature"
    assert methods["orig"] == "original" and methods["other"] == "original"
    assert store.count("articles") == 5  # every copy is kept, as a mention of the story


def test_index_reloaded_after_reopen(tmp_path):
    from tidings.store import open_store

    path = tmp_path / "d.duckdb"
    with open_store(path) as s:
        s.write_articles([art("orig", ORIGINAL)])
    with open_store(path) as s:
        s.write_articles([art("mt", TRANSLATED)])
        assert s.story_of("mt") == "orig"


def test_translation_far_apart_in_time_is_not_a_copy(store):
    store.write_articles([art("orig", ORIGINAL), art("mt", TRANSLATED, day="2024-06-01")])
    assert store.stories() == {}


def test_dedup_can_be_switched_off(store):
    store.write_articles([art("orig", ORIGINAL), art("syn", SYNDICATED)], dedup=False)
    assert store.stories() == {}
    assert store.count("signatures") == 0
