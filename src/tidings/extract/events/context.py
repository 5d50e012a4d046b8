"""Actors a sentence leaves to the article: the agent told before, the other side of the story.

"Kenyan police said they had detained nine travellers. The nine travellers … were picked up":
the unnamed agent of a passive act is whoever the sentence or two before named doing an act of
the same root, in the same sector (the police).

"None of our soldiers wishes to remain in Chad, so we judge it wiser to pull out", "Baghdad agreed
to let the monitors in everywhere": a human coder reading a Libya–Chad or a UN–Iraq story codes
the withdrawal against Chad and the agreement toward the other side, because the article has
made plain who the two sides are. Here an article shows two sides dealing with each other
when at least `counterpart_min_events` of its events name both in their own sentences. An
event of a root that acts on someone (senses.yaml `counterpart_roots`), with a coded source
and no target, then takes as target the side its source's events of the same kind (quad
class) are most often aimed at, else the side its source deals with most — only a side seen
that often, or the only side it deals with when that side is one of the two the article names
most (Niger, dealing only with Libya in a Libya–Chad story, "wants to renew talks" with
it). The target points at that side's mention nearest before the event (else the first after)
and is marked `from_context`, so an analyst can keep or drop such targets. An
organisation of states acting with no one named ("ASEAN ministers are meeting in Jakarta") acts
among its members: it takes a side only when its named acts of the same kind are aimed at that side
that often (U.N. inspectors in an Iraq story, inspecting "four more plants").
"""
from __future__ import annotations

from collections import Counter

from ...record import Article, Event, EventActor
from .senses import senses

__all__ = ["context_actors"]


def _side(code: str) -> str:
    """The side an actor code stands for: its country, or the whole code of an organisation."""
    return code if code.startswith("IGO") else code[:3]


def _named(actor: EventActor | None) -> bool:
    return actor is not None and bool(actor.code) and not actor.from_context


def _dyads(events: list[Event]) -> list[tuple[str, str, int | None]]:
    """(source side, target side, quad class) of each event whose sentence names two sides."""
    return [(_side(e.source.code), _side(e.target.code), e.quad_class) for e in events
            if _named(e.source) and _named(e.target) and _side(e.source.code) != _side(e.target.code)]


def _counterpart(dyads, side: str, quad: int | None, least: int, salient: frozenset = frozenset(),
                 only_aimed: bool = False) -> str | None:
    aimed = Counter(b for a, b, q in dyads if a == side and q == quad).most_common(1)
    if aimed and aimed[0][1] >= least:
        return aimed[0][0]
    if only_aimed:
        return None  # an organisation of states: only the side its acts of this kind are aimed at
    dealt = Counter(b if a == side else a for a, b, _ in dyads if side in (a, b)).most_common()
    if dealt and dealt[0][1] >= least:
        return dealt[0][0]
    if len(dealt) == 1 and dealt[0][0] in salient:
        return dealt[0][0]  # the one side it deals with, and a main side of the story
    return None


def _state_side(code: str) -> bool:
    """Whether an actor can stand for its country's side of the story: not criminals, radicals or a
    faith group ("two Muslim radicals in California" do not act for the U.S. against Russia)."""
    return code.startswith(("IGO", "IMG", "UAF", "NGO")) or code[3:6] not in _NO_SIDE_SECTORS  # IMGMUS…: al-Qaeda is a side


_NO_SIDE_SECTORS = {"CRM", "RAD", "REL", "MUS", "CHR", "JEW", "HIN", "BUD"}


def _salient(record: Article) -> frozenset:
    """The two sides an article names most often (coded entities' mentions)."""
    counts = Counter()
    for ent in record.entities:
        if ent.actor_code:
            counts[_side(ent.actor_code)] += len(ent.mentions)
    return frozenset(side for side, _ in counts.most_common(2))


def _mention(events: list[Event], record: Article, side: str, sentence: int) -> EventActor:
    """The mention of `side` nearest before `sentence` (else the first after), as a target taken from
    the article."""
    found = [(e.sentence, a.start or 0, a.code, a.entity, a.name, a.start, a.end)
             for e in events for a in (e.source, e.target) if _named(a) and _side(a.code) == side]
    found += _entity_mentions(record, lambda code: _side(code) == side)
    return _as_target(_last_before(found, sentence) or min(found, key=lambda m: m[:2]))


def _entity_mentions(record: Article, wanted) -> list[tuple]:
    """(sentence, start, code, entity id, name, start, end) of each mention of an entity whose code is `wanted`."""
    return [(m.sentence, m.start, ent.actor_code, ent.id, ent.name, m.start, m.end)
            for ent in record.entities if ent.actor_code and wanted(ent.actor_code) for m in ent.mentions]


def _last_before(found: list[tuple], sentence: int) -> tuple | None:
    """The mention nearest before the end of `sentence`, or None."""
    before = [m for m in found if m[0] <= sentence]
    return max(before, key=lambda m: m[:2]) if before else None


def _as_target(mention: tuple) -> EventActor:
    _, _, code, entity, name, start, end = mention
    return EventActor(entity=entity, code=code, name=name, start=start, end=end, from_context=True)


def _implicit(actor: EventActor | None) -> bool:
    """An agent the text leaves out ("were rounded up"), filled in by sector with no mention."""
    return actor is not None and bool(actor.code) and actor.start is None and actor.entity is None


def _agents_told_before(events: list[Event]) -> list[Event]:
    """"Kenyan police said they had detained nine travellers. The nine travellers … were picked up":
    the unnamed agent of a passive act is whoever the sentence or two before named doing an act of
    the same root, with the same sector."""
    out: list[Event] = []
    for e in events:
        if _implicit(e.source):
            told = next((p for p in reversed(out) if e.sentence - 2 <= p.sentence < e.sentence and p.root == e.root
                         and _named(p.source) and not _implicit(p.source)
                         and p.source.code[3:6] == e.source.code[3:6]), None)
            if told is not None:
                e = e.model_copy(update={"source": told.source.model_copy(update={"from_context": True})})
        out.append(e)
    return out


def context_actors(events: list[Event], record: Article, told_before: frozenset = frozenset()) -> list[Event]:
    """`events` with the actors their sentences leave out taken from the article (see above); each
    such actor is marked `from_context`. `told_before`: the action offsets of definite event nouns."""
    events = _same_event_targets(_agents_told_before(events), told_before)
    return _home_government_targets(_counterpart_targets(events, record), record)


def _same_event_targets(events: list[Event], told_before: frozenset) -> list[Event]:
    """"Rebels shelled two border towns … a splinter faction had planned the attacks": a definite event noun ("the attacks", "the bombings") names an event the article
    told before; with no target of its own it takes the target of the nearest earlier event of the
    same root that has one (attacks only: senses.yaml `told_before_roots`)."""
    out: list[Event] = []
    roots = senses()["told_before_roots"]
    for e in events:
        if e.target is None and e.action.start in told_before and e.root in roots:
            told = next((p for p in reversed(out) if p.root == e.root and p.sentence < e.sentence
                         and _named(p.target)), None)
            if told is not None:
                e = e.model_copy(update={"target": told.target.model_copy(update={"from_context": True})})
        out.append(e)
    return out


def _home_government_targets(events: list[Event], record: Article) -> list[Event]:
    """"The Tamil minority demanded autonomy": a demand, criticism, rejection, threat or
    protest by a group at home that names no one it is aimed at is aimed at its own government
    (senses.yaml `home_government_*`); the target points at that government's nearest mention
    before the event when the article names it."""
    rules = senses()
    roots, sectors = rules["home_government_roots"], rules["home_government_sectors"]
    out = []
    for e in events:
        if e.target is None and e.root in roots and _named(e.source) and len(e.source.code) >= 6 \
                and e.source.code[3:6] in sectors and not e.source.code.startswith("IGO"):
            government = e.source.code[:3] + "GOV"
            e = e.model_copy(update={"target": _government_mention(record, government, e.sentence)})
        out.append(e)
    return out


def _government_mention(record: Article, code: str, sentence: int) -> EventActor:
    last = _last_before(_entity_mentions(record, lambda c: c == code), sentence)
    return _as_target(last) if last else EventActor(code=code, from_context=True)


def _counterpart_targets(events: list[Event], record: Article) -> list[Event]:
    rules = senses()
    roots, least = rules["counterpart_roots"], rules["counterpart_min_events"]
    if not any(e.target is None and e.root in roots and _named(e.source) for e in events):
        return events
    dyads = _dyads(events)
    if len(dyads) < least:
        return events
    salient = _salient(record)
    taken = {(e.sentence, e.cameo, e.source.code, _side(e.target.code))
             for e in events if _named(e.source) and _named(e.target)}
    # "Yeltsin and Kuchma called for ratification": who acts along with the source is not its target
    along = {(e.sentence, e.action.start, _side(e.source.code)) for e in events if _named(e.source)}
    out = []
    for e in events:
        if e.target is None and e.root in roots and _named(e.source) and _state_side(e.source.code):
            other = _counterpart(dyads, _side(e.source.code), e.quad_class, least, salient,
                                 only_aimed=e.source.code.startswith("IGO"))
            if other is not None and (e.sentence, e.cameo, e.source.code, other) not in taken \
                    and (e.sentence, e.action.start, other) not in along:
                e = e.model_copy(update={"target": _mention(events, record, other, e.sentence)})
        out.append(e)
    return out
