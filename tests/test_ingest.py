"""tidings.ingest and `tidings ingest`: idempotent by id, resumable, bad inputs reported, engines agree."""
from __future__ import annotations

import json
import os
import signal

import pytest
import typer
from typer.testing import CliRunner

from tidings.errors import ConfigError
from tidings.ingest import IngestSummary, ingest
from tidings.items import InputItem

PEOPLE = ["Maria Lopez", "John Okafor", "Wei Chen", "Anna Kowalski", "Samuel Reyes", "Fatima Haddad"]
CITIES = ["Lisbon", "Nairobi", "Osaka", "Krakow", "Lima", "Oslo"]


def story(i: int) -> str:
    """A short synthetic news story (written for these tests)."""
    person, city = PEOPLE[i % len(PEOPLE)], CITIES[(i * 5) % len(CITIES)]
    return (f"{city} council approves school plan {i}\n\n"
            f"The city council of {city} approved a plan on Tuesday to build {i + 2} new schools, officials said.\n\n"
            f"\"This is a good day for our children,\" said {person}, the council's education chief.\n\n"
            f"The project will cost {10 + i} million euros and should be finished by 2027.")


@pytest.fixture(scope="module")
def store_factory():
    pytest.importorskip("duckdb")
    from tidings.store import open_store

    return open_store


def _corpus(folder, n: int = 5) -> list[str]:
    """A folder of text files, a JSON Lines file with a bad line and a repeat, an empty and a binary file."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "texts").mkdir(exist_ok=True)
    for i in range(2):
        (folder / "texts" / f"s{i}.txt").write_text(story(i), encoding="utf-8")
    (folder / "texts" / "empty.txt").write_bytes(b"")
    (folder / "texts" / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\x0dIHDR\x00\x00")
    lines = [json.dumps({"text": story(i), "date": f"2024-03-0{i + 1}", "url": f"https://news.example/{i}"})
             for i in range(2, n)]
    lines.insert(1, "{this is not json")
    lines.append(json.dumps({"text": story(2), "url": "https://mirror.example/2"}))  # the same article again
    (folder / "wire.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return [str(folder / "texts"), str(folder / "wire.jsonl")]


def _count(db, store_factory) -> int:
    store = store_factory(db)
    try:
        return store.count("articles")
    finally:
        store.close()


def test_ingest_counts_skips_and_reports(tmp_path, store_factory):
    paths = _corpus(tmp_path / "in")
    db = tmp_path / "t.duckdb"
    summary = ingest(paths, db=db)
    assert isinstance(summary, IngestSummary)
    assert (summary.analyzed, summary.duplicates, summary.failed) == (5, 1, 3)
    assert summary.total == 2 + 2 + 5  # files in the folder + lines of the JSONL
    assert summary.processed == 9 and not summary.interrupted
    where = {f.item: f.message for f in summary.failures}
    assert set(where) == {str(tmp_path / "in" / "texts" / "empty.txt"), str(tmp_path / "in" / "texts" / "image.txt"),
                          f"{tmp_path / 'in' / 'wire.jsonl'}:2"}
    assert _count(db, store_factory) == 5

    again = ingest(paths, db=db)  # idempotent: nothing stored twice, nothing analyzed again
    assert (again.analyzed, again.duplicates, again.failed) == (0, 6, 3)
    assert _count(db, store_factory) == 5


def test_stored_articles_are_not_parsed_again(tmp_path, monkeypatch):
    paths = _corpus(tmp_path / "in")
    db = tmp_path / "t.duckdb"
    ingest(paths, db=db)
    from tidings.pipeline import Pipeline

    parsed = []
    real = Pipeline.analyze_batch
    monkeypatch.setattr(Pipeline, "analyze_batch",
                        lambda self, outcomes: parsed.extend(o.article for o in outcomes) or real(self, outcomes))
    (tmp_path / "in" / "texts" / "new.txt").write_text(story(40), encoding="utf-8")
    summary = ingest(paths, db=db)
    assert summary.analyzed == 1 and [a.text for a in parsed] == [story(40)]


def test_records_equal_the_pipeline_records(tmp_path):
    from tidings.pipeline import Pipeline
    from tidings.store import open_store

    def items():
        return [InputItem(text=story(i), published="2024-01-15", location=f"item{i}") for i in range(4)]

    db = tmp_path / "t.duckdb"
    assert ingest(items(), db=db).analyzed == 4
    expected = {o.article.id: o.article.as_dict() for o in Pipeline().pipe_outcomes(items())}
    store = open_store(db)
    try:
        got = {aid: store.get_article(aid).as_dict() for aid in expected}
    finally:
        store.close()
    assert got == expected


class _MemoryStore:
    """The store interface, in memory: to compare engines record for record."""

    def __init__(self):
        self.records: dict[str, dict] = {}
        self.batches: list[int] = []  # records a write_articles call (one transaction each)

    def existing_ids(self, ids):
        return {i for i in ids if i in self.records}

    def write_articles(self, records):
        from tidings.store import WriteResult

        result = WriteResult()
        self.batches.append(len(records))
        for r in records:
            (result.skipped if r.id in self.records else result.written).append(r.id)
            self.records.setdefault(r.id, r.as_dict())
        return result

    def close(self):
        pass


def test_ctrl_c_keeps_what_is_done_and_a_rerun_resumes(tmp_path):
    paths = _corpus(tmp_path / "in", n=12)
    store = _MemoryStore()
    sent = []

    def progress(summary):
        if summary.analyzed and not sent:  # after the first written batch: Ctrl-C
            sent.append(True)
            os.kill(os.getpid(), signal.SIGINT)

    first = ingest(paths, store=store, batch_size=2, progress=progress)
    assert first.interrupted and 0 < first.analyzed < 12
    kept = dict(store.records)
    second = ingest(paths, store=store, batch_size=8)
    assert not second.interrupted
    assert first.analyzed + second.analyzed == 12 and len(store.records) == 12
    assert all(store.records[k] == v for k, v in kept.items())


def test_two_workers_stop_resume_and_equal_one_worker(tmp_path):
    """One pool run (worker start-up is the slow part): Ctrl-C, resume, compare with one process."""
    paths = _corpus(tmp_path / "in", n=24)
    one, two = _MemoryStore(), _MemoryStore()
    s1 = ingest(paths, store=one, workers=1, batch_size=4)
    assert (s1.analyzed, s1.duplicates, s1.failed) == (24, 1, 3)
    sent = []

    def progress(summary):
        if summary.analyzed and not sent:
            sent.append(True)
            os.kill(os.getpid(), signal.SIGINT)

    s2 = ingest(paths, store=two, workers=2, batch_size=2, progress=progress)
    assert s2.interrupted and 0 < s2.analyzed < 24
    assert len(s2.worker_peak_rss_mb) == 2 and all(v > 50 for v in s2.worker_peak_rss_mb.values())
    assert two.batches and max(two.batches) <= 2  # one transaction a batch of at most --batch-size
    s3 = ingest(paths, store=two, workers=1, batch_size=4)  # the resume
    assert s2.analyzed + s3.analyzed == 24 and s3.duplicates == 1 + s2.analyzed
    assert one.records == two.records


def test_defaults_and_url_rules(tmp_path):
    f = tmp_path / "one.txt"
    f.write_text(story(3), encoding="utf-8")
    store = _MemoryStore()
    ingest([f], store=store, published="March 4, 2024", url="https://news.example/one")
    (record,) = store.records.values()
    assert (record["published"], record["url"], record["published_source"]) == ("2024-03-04", "https://news.example/one", "given")
    with pytest.raises(ConfigError):
        ingest([f, f], store=_MemoryStore(), url="https://news.example/one")
    with pytest.raises(ConfigError):
        ingest([f], store=_MemoryStore(), published="not a date at all")
    with pytest.raises(ConfigError):
        ingest([f], store=_MemoryStore(), engine="spark")


def test_dict_items_and_field_mapping(tmp_path):
    store = _MemoryStore()
    summary = ingest([{"text": story(5), "title": "T"}, {"nothing": 1}], store=store)
    assert (summary.analyzed, summary.failed) == (1, 1)
    f = tmp_path / "c.jsonl"
    f.write_text(json.dumps({"body": story(6), "when": "2022-02-02"}) + "\n")
    summary = ingest([f], store=store, fields={"text": "body", "published": "when"})
    assert summary.analyzed == 1
    assert any(r["published"] == "2022-02-02" for r in store.records.values())


# ---- the command ------------------------------------------------------------------
@pytest.fixture()
def cli():
    from tidings.cli.ingest import register

    app = typer.Typer()
    register(app)

    @app.command()
    def _other() -> None:  # a second command keeps `ingest` a subcommand, as in the real app
        pass

    return app


def test_cli_ingest_summary_and_json(tmp_path, cli, monkeypatch):
    monkeypatch.chdir(tmp_path)
    paths = _corpus(tmp_path / "in")
    errors = tmp_path / "errors.jsonl"
    result = CliRunner().invoke(cli, ["ingest", *paths, "--json", "-q", "--errors", str(errors)])
    assert result.exit_code == 3, result.output  # three items failed: a documented non-zero exit
    data = json.loads(next(line for line in result.stdout.splitlines() if line.startswith("{")))
    assert (data["analyzed"], data["duplicates"], data["failed"]) == (5, 1, 3)
    assert (tmp_path / "tidings.duckdb").exists()  # the default store, in the working directory
    assert len(errors.read_text().splitlines()) == 3
    again = CliRunner().invoke(cli, ["ingest", *paths, "-q"])
    assert again.exit_code == 3 and "skipped as duplicate" in again.output
    (tmp_path / "fine.txt").write_text(story(7), encoding="utf-8")
    good = CliRunner().invoke(cli, ["ingest", str(tmp_path / "fine.txt"), "-q"])
    assert good.exit_code == 0, good.output  # nothing failed: 0


def test_cli_bad_inputs_only(tmp_path, cli):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"")
    result = CliRunner().invoke(cli, ["ingest", str(bad), "--db", str(tmp_path / "x.duckdb"), "-q"])
    assert result.exit_code == 3 and "empty input" in result.output  # 3: some items failed
    result = CliRunner().invoke(cli, ["ingest", str(bad), "--field", "oops"])
    assert isinstance(result.exception, ConfigError)


def test_cli_reads_standard_input(tmp_path, cli):
    data = "\n".join(json.dumps({"text": story(i)}) for i in (30, 31)) + "\n"
    result = CliRunner().invoke(cli, ["ingest", "-", "--db", str(tmp_path / "s.duckdb"), "-q", "--json",
                                      "--published", "2024-06-01"], input=data)
    assert result.exit_code == 0, result.output
    data = json.loads(next(line for line in result.stdout.splitlines() if line.startswith("{")))
    assert data["analyzed"] == 2 and data["engine"] == "local"


def test_html_page_is_converted_and_analyzed(tmp_path):
    body = "".join(f"<p>{para}</p>" for para in story(7).split("\n\n")[1:])
    page = (f"<!DOCTYPE html><html><head><title>Council plan | Example News</title></head><body>"
            f"<nav>Home | World | Sport</nav><article><h1>Council approves plan</h1>{body}</article>"
            f"<footer>Copyright Example News</footer></body></html>")
    (tmp_path / "page.html").write_text(page, encoding="utf-8")
    store = _MemoryStore()
    summary = ingest([tmp_path / "page.html"], store=store, url="https://news.example/plan")
    assert summary.analyzed == 1, summary.failures
    (record,) = store.records.values()
    assert "million euros" in record["text"] and "Copyright" not in record["text"]
    assert record["url"] == "https://news.example/plan"


def test_the_actor_dictionary_reaches_worker_processes_as_an_argument(tmp_path, monkeypatch):
    """--actors travels to each worker in IngestOptions, not through a changed environment."""
    from tidings.extract.actors import use_actor_dictionary
    from tidings.ingest import IngestOptions

    monkeypatch.delenv("TIDINGS_ACTORS", raising=False)
    actors = tmp_path / "actors.csv"
    actors.write_text("name,aliases,code,valid_from,valid_to\nSpringfield Militia,militia,USAREB,,\n")
    items = [InputItem(text="The Springfield Militia attacked the police station on Monday, officials said.\n",
                       location="a"),
             InputItem(text="The Springfield Militia blocked the bridge on Tuesday, the police said.\n", location="b")]
    store = _MemoryStore()
    try:
        summary = ingest(items, IngestOptions(store=store, workers=2, batch_size=1, actors=actors))
    finally:
        use_actor_dictionary(None)
    assert summary.analyzed == 2 and len(summary.worker_peak_rss_mb) == 2
    assert "TIDINGS_ACTORS" not in os.environ
    for record in store.records.values():
        codes = {e["name"]: e["actor_code"] for e in record["entities"]}
        assert codes.get("Springfield Militia") == "USAREB", codes


def test_ingest_options_refuse_an_unknown_keyword():
    with pytest.raises(TypeError, match="worker_count"):
        ingest([], worker_count=2)
