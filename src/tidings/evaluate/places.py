"""Toponyms against GeoWebNews, GeoVirus and TR-News (FORMATS.md, "places").

Recognition: a prediction is right when its span shares a character with a gold
toponym's (precision over predictions, recall over gold). Each recognised gold toponym
is resolved by its most-overlapping prediction; accuracy at 161 km counts those within
161 km great-circle distance, over recognised gold (`acc161_matched`) and over all gold
(`acc161_end_to_end`); `median_error_km` is the median distance over recognised gold.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Sequence

from ..record import Article
from ._match import haversine_km, median, overlap, prf, ratio
from .result import Example, TaskScore, snippet

__all__ = ["PredPlace", "predictions", "score_places", "ACCURACY_KM"]

ACCURACY_KM = 161.0  # 100 miles, the usual geoparsing threshold


@dataclass(frozen=True, slots=True)
class PredPlace:
    start: int
    end: int
    lat: float
    lon: float
    text: str = ""


def predictions(article: Article, to_raw: Callable) -> list[PredPlace]:
    out = []
    for p in article.places:
        span = to_raw(p.start, p.end)
        if span:
            out.append(PredPlace(span[0], span[1], p.lat, p.lon, p.text))
    return out


def score_places(docs: Sequence[tuple[dict, Sequence[PredPlace]]]) -> TaskScore:
    n_pred = tp_pred = n_gold = tp_gold = correct = 0
    errors_km: list[float] = []
    misses, fps = [], []
    for gold, preds in docs:
        text = gold.get("text", "")
        tops = gold["toponyms"]
        n_pred += len(preds)
        n_gold += len(tops)
        ov = [[overlap((p.start, p.end), (int(g["start"]), int(g["end"]))) for g in tops] for p in preds]
        for i, p in enumerate(preds):
            if any(v > 0 for v in ov[i]):
                tp_pred += 1
            else:
                fps.append(Example(gold["id"], p.text, f"({p.lat:.2f}, {p.lon:.2f})", snippet(text, p.start, p.end)))
        for j, g in enumerate(tops):
            best = max(range(len(preds)), key=lambda i: ov[i][j], default=None)
            where = snippet(text, int(g["start"]), int(g["end"]))
            if best is None or ov[best][j] <= 0:
                misses.append(Example(gold["id"], g.get("text", ""), "not recognised", where))
                continue
            tp_gold += 1
            p = preds[best]
            km = haversine_km(p.lat, p.lon, float(g["lat"]), float(g["lon"]))
            errors_km.append(km)
            if km <= ACCURACY_KM:
                correct += 1
            else:
                misses.append(Example(gold["id"], g.get("text", ""),
                                      f"resolved {km:.0f} km away ({p.lat:.2f}, {p.lon:.2f}); "
                                      f"gold ({float(g['lat']):.2f}, {float(g['lon']):.2f})", where))
    p, r, f = prf(tp_pred, n_pred, tp_gold, n_gold)
    return TaskScore("places", {
        "recognition_precision": p, "recognition_recall": r, "recognition_f1": f,
        "acc161_matched": ratio(correct, tp_gold),
        "acc161_end_to_end": ratio(correct, n_gold, None),
        "median_error_km": median(errors_km),
        "n_gold": n_gold, "n_predicted": n_pred,
    }, len(docs), misses, fps)
