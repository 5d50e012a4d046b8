"""Quantities against NewsQuant sentences (FORMATS.md, "quantities").

A prediction matches a gold quantity when their values are equal (relative difference
under 1e-6); predictions and gold are paired one to one (a maximum matching), so one
predicted "3" cannot take credit for two gold 3s. Value+unit also needs the unit rule
of `_match.unit_matches` (the record's `unit`, `counted` or `normalized_unit` may match).
Gold quantities without a value (NewsQuant's ranges such as "from 240 to 273") and
predictions without a value cannot take part in a value match and are left out of
both counts; their numbers are reported as `n_gold_without_value` and
`n_predicted_without_value`.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

from ..record import Article
from ._match import max_matching, prf, unit_matches, values_equal
from .result import Example, TaskScore

__all__ = ["PredQuantity", "predictions", "score_quantities"]


@dataclass(frozen=True, slots=True)
class PredQuantity:
    value: float | None
    units: tuple[str | None, ...] = ()
    text: str = ""


def predictions(article: Article, to_raw=None) -> list[PredQuantity]:
    return [PredQuantity(q.value, (q.unit, q.counted, q.normalized_unit), q.text) for q in article.quantities]


def _unit_text(units) -> str:
    return " / ".join(u for u in units if u) or "no unit"


def score_quantities(docs: Sequence[tuple[dict, Sequence[PredQuantity]]]) -> TaskScore:
    n_pred = n_gold = tp_value = tp_unit = 0
    gold_without = pred_without = 0
    misses, fps = [], []
    for gold, all_preds in docs:
        golds = [g for g in gold["quantities"] if g.get("value") is not None]
        preds = [p for p in all_preds if p.value is not None]
        gold_without += len(gold["quantities"]) - len(golds)
        pred_without += len(all_preds) - len(preds)
        n_gold += len(golds)
        n_pred += len(preds)
        by_value = max_matching(preds, golds, lambda p, g: values_equal(p.value, g["value"]))
        by_unit = max_matching(preds, golds, lambda p, g: values_equal(p.value, g["value"])
                               and unit_matches(p.units, g.get("unit"), g.get("normalized_unit")))
        tp_value += len(by_value)
        tp_unit += len(by_unit)
        value_pred = {i for i, _ in by_value}
        value_gold = {j: i for i, j in by_value}
        unit_gold = {j for _, j in by_unit}
        text = gold.get("text", "")
        for i, p in enumerate(preds):
            if i not in value_pred:
                fps.append(Example(gold["id"], p.text or str(p.value), f"value {p.value:g}, {_unit_text(p.units)}", text))
        for j, g in enumerate(golds):
            unit = f"{g.get('unit')} ({g.get('normalized_unit')})"
            if j not in value_gold:
                misses.append(Example(gold["id"], f"{g['value']:g} {g.get('unit')}", f"value missed; unit {unit}", text))
            elif j not in unit_gold:
                p = preds[value_gold[j]]
                misses.append(Example(gold["id"], f"{g['value']:g} {g.get('unit')}",
                                      f"unit: predicted {_unit_text(p.units)}, gold {unit}", text))
    vp, vr, vf = prf(tp_value, n_pred, tp_value, n_gold)
    up, ur, uf = prf(tp_unit, n_pred, tp_unit, n_gold)
    return TaskScore("quantities", {
        "value_precision": vp, "value_recall": vr, "value_f1": vf,
        "value_unit_precision": up, "value_unit_recall": ur, "value_unit_f1": uf,
        "n_gold": n_gold, "n_predicted": n_pred,
        "n_gold_without_value": gold_without, "n_predicted_without_value": pred_without,
    }, len(docs), misses, fps)
