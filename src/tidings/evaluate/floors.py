"""Pinned quality floors, as trafilatura's CI pins its scores: a figure below its floor fails.

docs/quality_floors.json maps task → metric → floor. Article sections are floored on
found / listed. Median error (lower is better) is not floored.
"""
from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Mapping

from ..errors import EvalError
from .result import TaskScore

__all__ = ["figures", "make_floors", "write_floors", "check_floors", "MARGIN"]

MARGIN = 0.01  # floors sit this far under the measured figure, after rounding down to 2 places
NOT_FLOORED = {"median_error_km"}


def figures(results: Mapping[str, TaskScore]) -> dict[str, dict[str, float]]:
    from .report import PRIMARY

    out: dict[str, dict[str, float]] = {}
    for task, result in results.items():
        if task == "article":
            vals = {k: v["found"] / v["listed"] for k, v in result.sections.items() if v["listed"]}
        else:
            vals = {k: result.metrics[k] for k in PRIMARY[task]
                    if k not in NOT_FLOORED and result.metrics.get(k) is not None}
        out[task] = {k: float(v) for k, v in vals.items()}
    return out


def make_floors(results: Mapping[str, TaskScore]) -> dict:
    floors: dict = {"about": "Pinned floors for `tidings eval all --check-floors`: measured figures "
                             f"rounded down to 2 places, less {MARGIN}. Raise them when quality improves."}
    for task, vals in figures(results).items():
        floors[task] = {k: max(0.0, round(math.floor(v * 100 + 1e-9) / 100 - MARGIN, 2)) for k, v in vals.items()}
    return floors


def write_floors(results: Mapping[str, TaskScore], path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(make_floors(results), indent=2) + "\n", encoding="utf-8")
    return path


def check_floors(results: Mapping[str, TaskScore], path: Path) -> list[str]:
    """One line per figure below its floor (empty when all hold)."""
    try:
        floors = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise EvalError(f"no floors file at {path}", hint="create it with `tidings eval all --write-floors`") from None
    except json.JSONDecodeError as exc:
        raise EvalError(f"the floors file is not JSON: {exc.msg}", item=str(path)) from None
    measured = figures(results)
    failures = []
    for task, pinned in floors.items():
        if task not in results or not isinstance(pinned, dict):
            continue
        for metric, floor in pinned.items():
            value = measured.get(task, {}).get(metric)
            if value is None:
                failures.append(f"{task}.{metric}: no figure measured (floor {floor:.2f})")
            elif value + 1e-9 < float(floor):
                failures.append(f"{task}.{metric}: {value:.3f} is below its floor {float(floor):.2f}")
    return failures
