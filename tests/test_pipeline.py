import pytest

from tidings.errors import ConfigError, InputError, TidingsError
from tidings.items import InputItem
from tidings.pipeline import STAGES, Stage, check_order, headline, normalize_date


def test_stage_order_is_checked():
    check_order(STAGES)
    with pytest.raises(TidingsError):
        check_order([Stage("events", print, ("events_input",), ("events",))])


def test_normalize_date():
    assert normalize_date("2021-12-07") == "2021-12-07"
    assert normalize_date("2021-12-07T10:00:00Z") == "2021-12-07"
    assert normalize_date("7 December 2021") == "2021-12-07"
    assert normalize_date(None) is None
    with pytest.raises(InputError):
        normalize_date("not a date at all")


def test_headline():
    assert headline("Storm hits coast\n\nThe storm hit.") == "Storm hits coast"
    assert headline("The storm hit the coast on Monday.\n\nMore.") is None


def test_batch_goes_on_past_bad_items(pipeline):
    items = [InputItem(text="", location="empty.txt"),
             InputItem(text="bin\x00ary", location="bin.dat"),
             InputItem(text="The mayor of Springfield said on Friday that the bridge would reopen.", published="2024-05-03",
                       location="good.txt")]
    outcomes = list(pipeline.pipe_outcomes(items))
    assert [o.item.location for o in outcomes] == ["empty.txt", "bin.dat", "good.txt"]
    assert outcomes[0].error is not None and "empty.txt" in str(outcomes[0].error)
    assert outcomes[1].error is not None and "binary" in str(outcomes[1].error)
    good = outcomes[2].article
    assert good is not None and good.published == "2024-05-03" and good.published_source == "given"
    assert good.sentences and good.text.startswith("The mayor")


def test_non_english_is_marked_not_analyzed(pipeline):
    text = ("Le président a déclaré mardi que le gouvernement enverrait des troupes supplémentaires "
            "dans la région après les inondations qui ont frappé le sud du pays.")
    record = pipeline(InputItem(text=text))
    assert record.language == "fr"
    assert record.entities == [] and record.sentences == []
    assert any("not analyzed" in w for w in record.warnings)
    assert record.published is None and record.published_source == "none"


def test_a_failing_stage_is_recorded_and_the_article_kept(pipeline, monkeypatch):
    def boom(doc, record):
        raise RuntimeError("kaput")

    funcs = [(s, boom if s.name == "entities" else f) for s, f in pipeline._funcs]
    monkeypatch.setattr(pipeline, "_funcs", funcs)
    record = pipeline(InputItem(text="The council met on Tuesday to discuss the budget for the coming year."))
    assert record.errors and record.errors[0].stage == "entities" and "kaput" in record.errors[0].message
    assert record.sentences


def test_html_input(pipeline):
    html = ("<html><head><title>Council vote</title></head><body><article><h1>Council vote</h1>"
            "<p>The city council of Springfield voted on Tuesday to approve the new budget after a long debate "
            "that ran late into the night, members said.</p></article></body></html>")
    record = pipeline(InputItem(html=html, location="page.html"))
    assert record.title == "Council vote"
    assert "voted on Tuesday" in record.text and "<p>" not in record.text


def test_paragraph_breaks_end_sentences(nlp):
    doc = nlp("Biden warns Putin over Ukraine\n\nPresident Biden told Putin on Tuesday that the US would respond. "
              "He said so.\n\nAnother paragraph here")
    sents = [s.text.strip() for s in doc.sents]
    assert sents == ["Biden warns Putin over Ukraine",
                     "President Biden told Putin on Tuesday that the US would respond.", "He said so.",
                     "Another paragraph here"]


def test_a_wire_dateline_is_its_own_sentence(nlp):
    # with the dateline in the lead sentence the small parser took the agency's name for part of
    # the subject and coded the official as press ("LISBON, May 3 (Reuters) - … chief … told")
    doc = nlp("LISBON, May 3 (Reuters) - U.S. Drug Enforcement Administration chief Louis Brandt told reporters "
              "here Monday that the suspects had been questioned. He said so.")
    sents = [s.text.strip() for s in doc.sents]
    assert sents[0] == "LISBON, May 3 (Reuters) -"
    assert sents[1].startswith("U.S. Drug Enforcement Administration chief Louis Brandt told")


def test_a_dateline_speaker_is_coded(pipeline):
    record = pipeline(InputItem(text="LISBON, May 3 (Reuters) - U.S. Drug Enforcement Administration chief Louis "
                                     "Brandt told reporters here Monday that the suspects had been questioned."))
    codes = {e.name: e.actor_code for e in record.entities}
    assert codes.get("Louis Brandt") == "USACOP"


def test_a_stage_that_runs_too_long_is_stopped_and_the_article_kept(pipeline, monkeypatch):
    def spin(doc, record):
        while True:  # a pathological extractor that never returns, and swallows ordinary exceptions
            try:
                sum(range(1000))
            except Exception:
                pass

    funcs = [(s, spin if s.name == "quotes" else f) for s, f in pipeline._funcs]
    monkeypatch.setattr(pipeline, "_funcs", funcs)
    monkeypatch.setattr(pipeline, "item_seconds", 0.3)
    record = pipeline(InputItem(text="Mayor Anna Berg of Oslo met the council on Tuesday to discuss the budget."))
    timeouts = [e for e in record.errors if e.code == "E601"]
    assert len(timeouts) == 1 and timeouts[0].stage == "quotes"
    assert "time limit of 0.3 s" in timeouts[0].message and "stages not run:" in timeouts[0].message
    assert record.entities and record.times  # stages before the stuck one kept their output
    assert record.quotes == []


def test_item_time_limit_setting(monkeypatch):
    from tidings.timelimit import ITEM_SECONDS, item_seconds

    monkeypatch.setenv("TIDINGS_ITEM_SECONDS", "2.5")
    assert item_seconds() == 2.5
    monkeypatch.setenv("TIDINGS_ITEM_SECONDS", "not a number")
    with pytest.raises(ConfigError, match="TIDINGS_ITEM_SECONDS"):  # a bad value is an error, not the default
        item_seconds()
    monkeypatch.delenv("TIDINGS_ITEM_SECONDS")
    assert item_seconds() == ITEM_SECONDS


def test_second_batch_freezes_long_lived_objects_once(tmp_path):
    """From its second batch a process stops rescanning the model's objects; TIDINGS_GC=default opts out."""
    import os
    import subprocess
    import sys

    script = ("import gc\n"
              "from tidings.pipeline import Pipeline\n"
              "p = Pipeline(batch_size=1)\n"
              "list(p.pipe(['The minister spoke in Kyiv on Monday.']))\n"
              "before = gc.get_freeze_count()\n"
              "list(p.pipe(['Troops moved to the border.', 'Talks ended.']))\n"
              "print(before, gc.get_freeze_count() > 0, gc.get_threshold()[0])\n")
    env = dict(os.environ)
    env.pop("TIDINGS_GC", None)
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=env, check=True)
    assert out.stdout.split() == ["0", "True", "20000"]
    env["TIDINGS_GC"] = "default"
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=env, check=True)
    assert out.stdout.split() == ["0", "False", "700"]
