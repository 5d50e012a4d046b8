"""Events against the CAMEO manual's example sentences (FORMATS.md, "events").

The main event of a record is its event in the earliest sentence with the highest
confidence (the first listed on a tie). Root accuracy: over sentences with gold events,
the main event's root (first two digits) equals a gold event's root. Triples: predicted
and gold events are paired one to one (a maximum matching) when the roots agree and the
first three letters of source and of target agree, null matching null only. No-event
accuracy: sentences marked `no_events` that get no event. PLOVER accuracy: over
sentences whose gold gives a PLOVER type, the main event's type equals one of them.
Figures over no gold sentences of their kind are None (shown "n/a").
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

from ..record import Article
from ._match import max_matching, prf, ratio, same_actor_country
from .result import Example, TaskScore

__all__ = ["PredEvent", "predictions", "main_event", "score_events"]


@dataclass(frozen=True, slots=True)
class PredEvent:
    code: str
    source: str | None = None
    target: str | None = None
    plover: str | None = None
    sentence: int = 0
    confidence: float = 0.0

    @property
    def root(self) -> str:
        return _root(self.code)


def _root(code: str | None) -> str | None:
    return str(code)[:2] if code else None


def predictions(article: Article, to_raw=None) -> list[PredEvent]:
    return [PredEvent(e.cameo or e.root, e.source.code if e.source else None, e.target.code if e.target else None,
                      e.plover.type if e.plover else None, e.sentence, e.confidence)
            for e in article.events]


def main_event(preds: Sequence[PredEvent]) -> PredEvent | None:
    if not preds:
        return None
    return min(enumerate(preds), key=lambda ip: (ip[1].sentence, -ip[1].confidence, ip[0]))[1]


def _triple(p: PredEvent, g: dict) -> bool:
    return p.root == _root(g.get("code")) and same_actor_country(p.source, g.get("source")) \
        and same_actor_country(p.target, g.get("target"))


def _triple_lenient(p: PredEvent, g: dict) -> bool:
    """Diagnostic only: as _triple, but a null gold actor is not checked (the article rule)."""
    return p.root == _root(g.get("code")) and (g.get("source") is None or same_actor_country(p.source, g.get("source"))) \
        and (g.get("target") is None or same_actor_country(p.target, g.get("target")))


def _show(source, code, target) -> str:
    return f"{source or '-'} {code or '-'} {target or '-'}"


def score_events(docs: Sequence[tuple[dict, Sequence[PredEvent]]]) -> TaskScore:
    root_n = root_ok = no_n = no_ok = plover_n = plover_ok = 0
    n_pred = n_gold = tp = tp_lenient = 0
    misses, fps = [], []
    for gold, preds in docs:
        golds = gold["events"]
        text = gold.get("text", "")
        main = main_event(preds)
        n_pred += len(preds)
        n_gold += len(golds)
        pairs = max_matching(preds, golds, _triple)
        tp += len(pairs)
        tp_lenient += len(max_matching(preds, golds, _triple_lenient))
        if gold.get("no_events"):
            no_n += 1
            no_ok += not preds
            for p in preds:
                fps.append(Example(gold["id"], _show(p.source, p.code, p.target), "event in a no-event sentence", text))
            continue
        if golds:
            root_n += 1
            roots = {_root(g.get("code")) for g in golds}
            got = main is not None and main.root in roots
            root_ok += got
            if not got:
                want = "; ".join(_show(g.get("source"), g.get("code"), g.get("target")) for g in golds)
                found = _show(main.source, main.code, main.target) if main else "no event"
                misses.append(Example(gold["id"], want, f"main event: {found}", text))
        plovers = {g["plover"] for g in golds if g.get("plover")}
        if plovers:
            plover_n += 1
            plover_ok += main is not None and main.plover in plovers
        matched = {i for i, _ in pairs}
        for i, p in enumerate(preds):
            if i not in matched:
                fps.append(Example(gold["id"], _show(p.source, p.code, p.target), "no gold triple", text))
    p, r, f = prf(tp, n_pred, tp, n_gold)
    return TaskScore("events", {
        "root_accuracy": ratio(root_ok, root_n, None),
        "triple_precision": p, "triple_recall": r, "triple_f1": f,
        "no_event_accuracy": ratio(no_ok, no_n, None),
        "plover_accuracy": ratio(plover_ok, plover_n, None),
        # FORMATS: null matches null only. Where the gold leaves actors unannotated (all of the CAMEO
        # manual examples), this diagnostic shows root-level triple F1 with null gold actors unchecked.
        "triple_f1_null_gold_actors_unchecked": prf(tp_lenient, n_pred, tp_lenient, n_gold)[2],
        "n_gold": n_gold, "n_predicted": n_pred,
    }, len(docs), misses, fps)
