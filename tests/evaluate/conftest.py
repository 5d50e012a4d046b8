"""A stand-in pipeline for runner and CLI tests: no spaCy, records built by a function."""
from __future__ import annotations

import json

import pytest

from tidings.pipeline import Outcome
from tidings.record import Article


class FakePipeline:
    """pipe_outcomes over items, each record made by `make(item) -> Article | Exception`."""

    def __init__(self, make, missing_stages=()):
        self.make = make
        self.missing_stages = list(missing_stages)
        self.calls = 0

    def pipe_outcomes(self, items):
        self.calls += 1
        for item in items:
            made = self.make(item)
            if isinstance(made, Exception):
                yield Outcome(item, error=made)
            else:
                yield Outcome(item, article=made)


def empty_record(item) -> Article:
    return Article(id=item.id or "x", text=item.text, published=item.published)


@pytest.fixture
def fake():
    """The stand-in pipeline class and the empty-record maker."""
    return FakePipeline, empty_record


@pytest.fixture
def write_jsonl(tmp_path):
    def write(name, records):
        path = tmp_path / name
        path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
        return path
    return write
