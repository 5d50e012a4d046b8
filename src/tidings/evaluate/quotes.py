"""Quotes against PolNeAR attributions (FORMATS.md, "quotes").

A prediction matches a gold attribution when the characters their content spans share,
over the characters either covers, reach 0.5. Precision counts predictions matching any
gold; recall counts gold matched by any prediction (all, and `direct` only). Speaker
accuracy: over matched gold attributions that have a source, each paired with its best
overlapping prediction, the share whose predicted speaker mention overlaps a source span.
Gold attributions with no content span cannot be matched and are left out.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Sequence

from ..record import Article
from ._match import Span, prf, ratio, span_set_iou, spans_overlap
from .result import Example, TaskScore, snippet

__all__ = ["PredQuote", "predictions", "score_quotes", "MATCH_IOU"]

MATCH_IOU = 0.5


@dataclass(frozen=True, slots=True)
class PredQuote:
    spans: tuple[Span, ...]
    speaker: Span | None = None
    text: str = ""


def predictions(article: Article, to_raw: Callable) -> list[PredQuote]:
    out = []
    for q in article.quotes:
        spans = tuple(s for s in (to_raw(a, b) for a, b in q.spans) if s)
        if not spans:
            continue
        m = q.speaker.mention if q.speaker else None
        speaker = to_raw(m.start, m.end) if m is not None else None
        out.append(PredQuote(spans, speaker, q.text))
    return out


def _spans(value) -> tuple[Span, ...]:
    return tuple((int(s), int(e)) for s, e in value or ())


def score_quotes(docs: Sequence[tuple[dict, Sequence[PredQuote]]]) -> TaskScore:
    n_pred = tp_pred = n_gold = tp_gold = n_direct = tp_direct = 0
    pairs = pairs_ok = 0
    misses, fps = [], []
    for gold, preds in docs:
        text = gold.get("text", "")
        attrs = [a for a in gold["attributions"] if _spans(a["content"])]
        iou = [[span_set_iou(p.spans, _spans(a["content"])) for a in attrs] for p in preds]
        for i, p in enumerate(preds):
            n_pred += 1
            if any(v >= MATCH_IOU for v in iou[i]):
                tp_pred += 1
            else:
                fps.append(Example(gold["id"], p.text, "no gold attribution overlaps it by half",
                                   snippet(text, p.spans[0][0], p.spans[-1][1])))
        for j, a in enumerate(attrs):
            direct = bool(a.get("direct"))
            n_gold += 1
            n_direct += direct
            best = max(range(len(preds)), key=lambda i: iou[i][j], default=None)
            content = _spans(a["content"])
            if best is None or iou[best][j] < MATCH_IOU:
                misses.append(Example(gold["id"], a.get("content_text") or text[content[0][0]:content[-1][1]],
                                      f"{'direct' if direct else 'indirect'}; source: {a.get('source_text') or '-'}",
                                      snippet(text, content[0][0], content[-1][1])))
                continue
            tp_gold += 1
            tp_direct += direct
            source = _spans(a.get("source"))
            if source:
                pairs += 1
                speaker = preds[best].speaker
                pairs_ok += bool(speaker and spans_overlap([speaker], source))
    precision, recall_all, _ = prf(tp_pred, n_pred, tp_gold, n_gold)
    return TaskScore("quotes", {
        "precision": precision,
        "recall_direct": ratio(tp_direct, n_direct, None),
        "recall_all": recall_all,
        "speaker_accuracy": ratio(pairs_ok, pairs),
        "n_gold": n_gold, "n_gold_direct": n_direct, "n_predicted": n_pred,
    }, len(docs), misses, fps)
