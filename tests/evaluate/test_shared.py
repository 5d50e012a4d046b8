"""Every dev set in ../shared/gold loads in its FORMATS.md shape; a few records go through the real pipeline."""
import os
from pathlib import Path

import pytest

from tidings.evaluate.gold import load_gold
from tidings.evaluate.runner import TASKS, default_gold, evaluate

SHARED = Path(__file__).resolve().parents[2] / ".." / "shared"
pytestmark = [
    pytest.mark.shared,
    pytest.mark.skipif(not (SHARED / "gold").is_dir(), reason="../shared is absent: gold sets not available"),
]


@pytest.mark.parametrize("task", list(TASKS))
def test_dev_sets_load(task):
    docs = load_gold(task, default_gold(task))
    assert docs and all(d.data["text"] for d in docs)


@pytest.mark.slow
@pytest.mark.skipif(not os.environ.get("TIDINGS_SLOW"), reason="slow (runs every extractor): set TIDINGS_SLOW=1")
def test_a_few_records_through_the_pipeline():
    from tidings.pipeline import Pipeline

    pipeline = Pipeline()
    for task in TASKS:
        result = evaluate(task, default_gold(task), limit=1, pipeline=pipeline)
        assert result.n_docs >= 1
        for key, value in result.metrics.items():
            if isinstance(value, float) and key != "median_error_km":
                assert 0.0 <= value <= 1.0, (task, key, value)
