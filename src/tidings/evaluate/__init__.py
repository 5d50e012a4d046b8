"""Score tidings against the human-annotated gold sets of ../shared/gold (FORMATS.md).

One scorer per task (quotes, timex, places, quantities, events, article), each a plain
function over gold records and predictions; `runner` runs the pipeline batched over a
gold file and scores it; `report` prints tables and writes docs/QUALITY.md; `floors`
pins figures so a drop fails CI.
"""
from __future__ import annotations

from .gold import GoldDoc, load_gold, shared_dir
from .result import Example, TaskScore
from .runner import TASKS, evaluate, run_all

__all__ = ["TASKS", "GoldDoc", "Example", "TaskScore", "load_gold", "shared_dir", "evaluate", "run_all"]
