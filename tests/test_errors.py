"""Errors as data: one code per case, each with its HTTP status, on every raised error."""
from __future__ import annotations

import pickle

import pytest

from tidings.errors import (ERRORS, ConfigError, EvalError, InputError, ModelError, StoreError, TidingsError,
                            WorkError, error_for)


def test_the_table_is_consistent():
    for code, spec in ERRORS.items():
        assert code == spec.code and code[0] == "E" and len(code) == 4
        assert issubclass(spec.kind, TidingsError) and 100 <= spec.http_status < 600 and spec.meaning
    for kind in (InputError, ModelError, StoreError, ConfigError, EvalError, WorkError):
        assert ERRORS[kind.code].kind is kind  # each class's general code is in the table
    assert {"E101", "E102", "E600", "E601", "E610"} <= set(ERRORS)
    assert ERRORS["E600"].meaning != ERRORS["E610"].meaning  # a stage failing is not a worker crashing


def test_raised_errors_carry_code_and_status():
    exc = InputError("binary content, not text", item="f.txt", code="E102")
    assert (exc.code, exc.http_status) == ("E102", 415) and str(exc) == "[E102] f.txt: binary content, not text"
    assert (ConfigError("bad").code, ConfigError("bad").http_status) == ("E400", 400)
    assert StoreError("down").http_status == 503


def test_a_code_of_another_kind_is_refused():
    with pytest.raises(ValueError):
        InputError("x", code="E400")
    with pytest.raises(ValueError):
        InputError("x", code="E999")


def test_error_for_rebuilds_the_class_and_it_pickles():
    exc = error_for("E610", "worker error: boom", item="a.jsonl:3")
    assert type(exc) is WorkError and exc.item == "a.jsonl:3"
    back = pickle.loads(pickle.dumps(exc))
    assert (type(back), back.code, back.item, back.message) == (WorkError, "E610", "a.jsonl:3", "worker error: boom")
