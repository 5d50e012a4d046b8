"""Events of whole news articles, every mention annotated (FORMATS.md, "events_news").

Root 01 is left out on both sides. A gold event is found by a predicted event of the
record's sentence that holds the gold `contains` string (the sentence's raw span overlaps
it) whose root is the gold `root` or one of `accept_roots`; each gold event matches at most
one predicted event and the reverse (a maximum matching).
- root P/R/F1: that match; precision is over every predicted event of root 02–20;
- dyad P/R/F1: the same, and the first three letters of source and of target agree with
  the gold ones (null matches null only) — what a dyad series counts;
- modality accuracy: over the root matches, the predicted modality equals the gold one.
Misses and false positives are listed with the sentence, for error analysis.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

from ..record import Article
from ._match import max_matching, prf, ratio, same_actor_country
from .result import Example, TaskScore

__all__ = ["NewsEvent", "predictions", "score_events_news", "gold_span"]


@dataclass(frozen=True, slots=True)
class NewsEvent:
    code: str
    source: str | None
    target: str | None
    modality: str
    span: tuple[int, int] | None  # the raw span of the event's sentence
    action: str = ""

    @property
    def root(self) -> str:
        return self.code[:2]


def predictions(article: Article, to_raw) -> list[NewsEvent]:
    """The record's events of root 02–20, each with its sentence's span in the gold text."""
    out = []
    for e in article.events:
        code = str(e.cameo or e.root or "")
        if not code or code[:2] in ("01", "00"):
            continue
        sent = article.sentences[e.sentence] if 0 <= e.sentence < len(article.sentences) else None
        span = to_raw(sent.start, sent.end) if sent is not None else None
        out.append(NewsEvent(code, e.source.code if e.source else None, e.target.code if e.target else None,
                             e.modality, span, e.action.text if e.action else ""))
    return out


def gold_span(text: str, contains: str) -> tuple[int, int] | None:
    at = text.find(contains)
    return (at, at + len(contains)) if at >= 0 else None


def _roots(g: dict) -> set[str]:
    return {str(g.get("root") or str(g.get("code", ""))[:2])} | {str(r) for r in g.get("accept_roots") or ()}


def _in_sentence(p: NewsEvent, where: tuple[int, int] | None) -> bool:
    return p.span is not None and where is not None and p.span[0] < where[1] and where[0] < p.span[1]


def _show(source, code, target, modality=None) -> str:
    out = f"{source or '-'} {code or '-'} {target or '-'}"
    return f"{out} ({modality})" if modality else out


def score_events_news(docs: Sequence[tuple[dict, Sequence[NewsEvent]]]) -> TaskScore:
    n_pred = n_gold = root_tp = dyad_tp = mod_ok = 0
    misses, fps = [], []
    for gold, preds in docs:
        text = gold.get("text", "")
        golds = [g for g in gold["events"] if str(g.get("root") or str(g.get("code", ""))[:2]) != "01"]
        where = [gold_span(text, g.get("contains", "")) for g in golds]
        n_pred += len(preds)
        n_gold += len(golds)

        def root_ok(p: NewsEvent, j: int) -> bool:
            return p.root in _roots(golds[j]) and _in_sentence(p, where[j])

        def dyad_ok(p: NewsEvent, j: int) -> bool:
            g = golds[j]
            return root_ok(p, j) and same_actor_country(p.source, g.get("source")) \
                and same_actor_country(p.target, g.get("target"))

        idx = range(len(golds))
        roots = max_matching(preds, list(idx), root_ok)
        dyads = max_matching(preds, list(idx), dyad_ok)
        root_tp += len(roots)
        dyad_tp += len(dyads)
        mod_ok += sum(preds[i].modality == golds[j].get("modality", "asserted") for i, j in roots)
        found = {j for _, j in roots}
        for j, g in enumerate(golds):
            if j not in found:
                misses.append(Example(gold["id"], _show(g.get("source"), g.get("code"), g.get("target"),
                                                        g.get("modality")), "missed", g.get("contains", "")))
        matched = {i for i, _ in roots}
        for i, p in enumerate(preds):
            if i not in matched:
                ctx = text[p.span[0]:p.span[1]] if p.span else ""
                fps.append(Example(gold["id"], _show(p.source, p.code, p.target, p.modality),
                                   f"no gold event (action {p.action!r})", ctx[:200]))
    rp, rr, rf = prf(root_tp, n_pred, root_tp, n_gold)
    dp, dr, df = prf(dyad_tp, n_pred, dyad_tp, n_gold)
    return TaskScore("events-news", {
        "root_precision": rp, "root_recall": rr, "root_f1": rf,
        "dyad_precision": dp, "dyad_recall": dr, "dyad_f1": df,
        "modality_accuracy": ratio(mod_ok, root_tp, None),
        "n_gold": n_gold, "n_predicted": n_pred,
    }, len(docs), misses, fps)
