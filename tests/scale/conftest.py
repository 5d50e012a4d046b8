"""Helpers for the engine tests: a store in memory and a tiny synthetic corpus (written for these tests)."""
from __future__ import annotations

import json

import pytest

PEOPLE = ["Maria Lopez", "John Okafor", "Wei Chen", "Anna Kowalski", "Samuel Reyes"]
CITIES = ["Lisbon", "Nairobi", "Osaka", "Krakow", "Lima"]


def story(i: int) -> str:
    person, city = PEOPLE[i % len(PEOPLE)], CITIES[(i * 3) % len(CITIES)]
    return (f"{city} opens a new library {i}\n\n"
            f"The mayor of {city} opened a public library on Monday with {i + 3} reading rooms, officials said.\n\n"
            f"\"Books belong to everyone,\" said {person}, who leads the city's culture office.\n\n"
            f"The building cost {5 + i} million dollars and took two years to finish.")


class MemoryStore:
    """The store interface (existing_ids, write_articles, close), in memory."""

    def __init__(self):
        self.records: dict[str, dict] = {}
        self.batches: list[int] = []

    def existing_ids(self, ids):
        return {i for i in ids if i in self.records}

    def write_articles(self, records):
        from tidings.store import WriteResult

        records = list(records)
        result = WriteResult()
        self.batches.append(len(records))
        for r in records:
            (result.skipped if r.id in self.records else result.written).append(r.id)
            self.records.setdefault(r.id, r.as_dict())
        return result

    def close(self):
        pass


@pytest.fixture()
def memory_store():
    """A factory: each call gives a new, empty store in memory."""
    return MemoryStore


@pytest.fixture()
def small_corpus(tmp_path):
    """Two text files, a JSON Lines file (with a bad line and a repeated article) and an empty file."""
    folder = tmp_path / "corpus"
    (folder / "texts").mkdir(parents=True)
    for i in range(2):
        (folder / "texts" / f"s{i}.txt").write_text(story(i), encoding="utf-8")
    (folder / "texts" / "empty.txt").write_bytes(b"")
    lines = [json.dumps({"text": story(i), "date": f"2024-05-0{i}", "url": f"https://news.example/{i}"})
             for i in range(2, 6)]
    lines.insert(2, "{broken")
    lines.append(json.dumps({"text": story(3), "url": "https://mirror.example/3"}))
    (folder / "wire.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return [str(folder / "texts"), str(folder / "wire.jsonl")]
