"""Time expressions against TimeBank/AQUAINT TIMEX3 (FORMATS.md, "time"; TempEval-3 style).

Relaxed match: the spans share a character. Strict match: identical spans. Value match:
an overlapping span and an identical TIMEX3 value. For each kind, precision counts
predictions matching any gold and recall counts gold matched by any prediction, as the
TempEval-3 scorer does. Times the pipeline found in removed lines (captions) are mapped
back to the raw text through their line number and scored like the others.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Sequence

from ..record import Article
from ._match import overlap, prf
from .result import Example, TaskScore, snippet

__all__ = ["PredTime", "predictions", "score_time"]


@dataclass(frozen=True, slots=True)
class PredTime:
    start: int
    end: int
    value: str
    text: str = ""


def predictions(article: Article, to_raw: Callable) -> list[PredTime]:
    out = []
    for t in article.times:
        span = to_raw(t.start, t.end, t.removed_line)
        if span:
            out.append(PredTime(span[0], span[1], t.value, t.text))
    return out


def _value(v) -> str:
    return str(v).strip() if v is not None else ""


def score_time(docs: Sequence[tuple[dict, Sequence[PredTime]]]) -> TaskScore:
    n_pred = n_gold = 0
    relaxed = [0, 0]  # matched predictions, matched gold
    strict = [0, 0]
    value = [0, 0]
    misses, fps = [], []
    for gold, preds in docs:
        text = gold.get("text", "")
        timex = gold["timex"]
        n_pred += len(preds)
        n_gold += len(timex)

        def hits(p: PredTime, g: dict) -> tuple[bool, bool, bool]:
            ov = overlap((p.start, p.end), (int(g["start"]), int(g["end"]))) > 0
            same = (p.start, p.end) == (int(g["start"]), int(g["end"]))
            return ov, same, ov and _value(p.value) == _value(g["value"])

        table = [[hits(p, g) for g in timex] for p in preds]
        for i, p in enumerate(preds):
            for k, counter in enumerate((relaxed, strict, value)):
                counter[0] += any(row[k] for row in table[i])
            if not any(row[0] for row in table[i]):
                fps.append(Example(gold["id"], p.text, f"value {p.value}", snippet(text, p.start, p.end)))
            elif not any(row[2] for row in table[i]):
                want = [g["value"] for g, row in zip(timex, table[i]) if row[0]]
                fps.append(Example(gold["id"], p.text, f"value {p.value}, gold {', '.join(map(str, want))}",
                                   snippet(text, p.start, p.end)))
        for j, g in enumerate(timex):
            col = [table[i][j] for i in range(len(preds))]
            for k, counter in enumerate((relaxed, strict, value)):
                counter[1] += any(c[k] for c in col)
            if not any(c[2] for c in col):
                got = [p.value for p, c in zip(preds, col) if c[0]]
                detail = f"{g.get('type', '')} {g['value']}" + (f" (predicted {', '.join(got)})" if got else "")
                misses.append(Example(gold["id"], g.get("text") or text[g["start"]:g["end"]], detail,
                                      snippet(text, int(g["start"]), int(g["end"]))))
    rp, rr, rf = prf(relaxed[0], n_pred, relaxed[1], n_gold)
    _, _, sf = prf(strict[0], n_pred, strict[1], n_gold)
    vp, vr, vf = prf(value[0], n_pred, value[1], n_gold)
    return TaskScore("time", {
        "relaxed_precision": rp, "relaxed_recall": rr, "relaxed_f1": rf,
        "strict_f1": sf, "value_f1": vf, "value_precision": vp, "value_recall": vr,
        "n_gold": n_gold, "n_predicted": n_pred,
    }, len(docs), misses, fps)
