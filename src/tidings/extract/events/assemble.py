"""Events from the candidates of one sentence: actor pairs (conjoined and mutual), modality, date,
place, attribution and confidence; a headline's events kept only where the body confirms them."""
from __future__ import annotations

from dataclasses import dataclass, field

from ...record import Article, Event, EventActor, Plover, SpanRef
from ..actors.code import code_indices
from .actors import ActorRef, Resolver
from .lexicon import codebook, has_prep
from .modality import event_date, event_place, is_negated, modality, reporting_verb
from .senses import senses, assassination_code, assault_code, campaign_rally, crowd_code, opinion_only, own_forces
from .travel import host_country

MAX_EVENTS_PER_SENTENCE = 8
# An event needs at least one actor (coded, or a named person/organisation, or a group
# such as "rebels"): "he asked a question" is not a political event. Requiring a coded
# actor, as GDELT does, cost 7 points of root accuracy on the CAMEO manual examples.
REQUIRE_ACTOR = True
RECIPROCAL_ROOTS = {"03", "04", "05", "06", "19"}  # "X and Y clashed": each against the other
# ratifying, approving or joining an agreement is done by one side ("the Dutch parliament approved
# the enlargement"); signing and concluding one is done by both
_ONE_SIDED = {"ratify", "ratification", "approve", "vote", "accept", "join", "admit", "endorse", "include", "win", "gain"}
_GENERIC_FORCE = {"180", "190"}  # one attack on soldiers and others: a fight, or an assault, not both
SOURCE_NEEDED = {"04"}  # a visit or a meeting is only news with someone named going or meeting
_TOPIC_VERBS = {"discuss", "debate", "consider", "review", "examine"}
_MUTUAL_CODES = {"040", "046", "057"}  # consultations, negotiations and signed agreements take two (CAMEO codes both)


@dataclass(slots=True)
class Candidate:
    tok: object
    code: str
    sources: list[ActorRef] = field(default_factory=list)
    targets: list[ActorRef] = field(default_factory=list)
    extra: tuple = ()  # complement tokens (their clause counts for modality)
    confidence: float = 0.5
    noun: bool = False
    reciprocal: bool = True  # "X and Y met" pairs X and Y; "cooperation from X and Y" does not
    negation_coded: bool = False  # the code says the negation ("will not tolerate attacks" → 111)
    negated: bool = False  # negated where the verb does not show it ("no intention of attacking")


def attribution(res: Resolver, record: Article, tok, reporter) -> tuple[str | None, str | None]:
    """(attributed_to, reporter's code): the quote holding the action, or the subject of `reporter`,
    its reporting verb (None: none)."""
    idx = res.d.idx[tok.i]
    quote = None
    for q in record.quotes:
        if any(s <= idx < e for s, e in q.spans):
            ent = record.entity(q.speaker.entity) if q.speaker and q.speaker.entity else None
            if ent is not None and ent.actor_code:
                return q.id, ent.actor_code
            quote = q.id  # a speaker with no code: the reporting verb's subject may have one
            break
    if reporter is not None:
        subj = res.subject(reporter)
        if subj:
            return quote or subj[0].entity, subj[0].code
    return quote, None


def build_events(res: Resolver, record: Article, doc, sent, si: int, cand: Candidate, times) -> list[Event]:
    book = codebook()
    tok = cand.tok
    when = event_date(tok, sent, record, times, si, doc)
    reporter = reporting_verb(tok)  # the verb of saying over the action, walked up once
    attributed, reporter_code = attribution(res, record, tok, reporter)
    if not cand.sources and cand.code[:2] in ("01", "11", "12") and reporter is not None:
        cand.sources = res.subject(reporter)  # "investigators say it has the marks of X"
    place = event_place(tok, record, si, doc)
    start, text = res.d.idx[tok.i], res.d.text[tok.i]
    action = SpanRef(start=start, end=start + len(text), text=text)
    # "fighting the Taliban and other militias": the coded actors of a conjoined list, not one more
    # event with the uncoded rest
    sources = _coded_first(cand.sources) or [None]
    targets = _coded_first([t for t in cand.targets if t is not None]) or [None]
    if targets == [None] and cand.code == "042" and len(cand.sources) == 1:
        targets = [host_country(res, cand.sources[0])]  # "during his state visit": the host
    pairs = [(src, tgt) for src in sources[:6] for tgt in targets[:6]][:MAX_EVENTS_PER_SENTENCE]
    if cand.reciprocal and len(cand.sources) >= 2 and cand.code[:2] in RECIPROCAL_ROOTS and not _acts_on_object(res, tok.i) and (
            targets == [None] or all(t.country in {s.country for s in cand.sources} for t in targets)):
        # "X and Y met": two reciprocal events, as CAMEO codes them
        # police and protesters of one country are two sides too
        pairs = [(a, b) for a in cand.sources[:3] for b in cand.sources[:3] if a is not b and (
            a.code != b.code if a.code and b.code else a.country != b.country)]
    # "X held talks with Y": Y held talks with X too; "X held talks with Y and Z": each of them with X
    # "the cabinet discussed military action in Iraq": what is discussed takes no part, only those "with" whom
    topic = res.d.lemma[tok.i] in _TOPIC_VERBS and not has_prep(res.d, tok.i, "with")
    mirrored = cand.code in _MUTUAL_CODES and res.d.lemma[tok.i] not in _ONE_SIDED and not topic and len(pairs) <= 3 \
        and len({id(a) for a, _ in pairs}) == 1 and all(a is not None and a.code and b is not None and b.code
                                                        and a.code[:3] != b.code[:3] for a, b in pairs)
    if mirrored:
        pairs.extend([(b, a) for a, b in pairs])
    out = []
    if REQUIRE_ACTOR and not any(a is not None or b is not None for a, b in pairs):
        return out
    for src, tgt in pairs:
        if cand.code[:2] in SOURCE_NEEDED and (src is None or not (src.code or src.entity)):
            continue  # "when visiting Kenya", "to discuss the debt": no one named goes or talks
        if src is not None and tgt is not None and src.code and src.code == tgt.code:
            if len(pairs) > 1:
                continue  # one of several pairs: the others hold the event
            if not _two_agents(record, src, tgt):
                tgt = None  # an actor acting on its own kind: no target ("the army moved army units")
        if opinion_only(cand.code, src, tgt):
            continue  # "voters reject establishment Republicans", "a conference call with reporters"
        if campaign_rally(cand.code, src, tgt) or (res.d.lemma[tok.i] == "attend" and not (
                (src is not None and src.code) or (tgt is not None and tgt.code))):
            # "Trump rallies", "her victory rally": a campaign's rally is no protest against anyone; a
            # bystander no one can code who attends a march or a rally is no event
            continue
        if own_forces(cand.code, src, tgt):
            tgt = None  # "Israel will withdraw its troops": the troops are what moves, not whom it is aimed at
        code = assault_code(cand.code, src.code if src is not None else None, tgt, res.d.lower[sent.start:sent.end])
        code = assassination_code(res, tok, code, tgt)
        code = crowd_code(code, src.code if src is not None else None, tgt.code if tgt is not None else None)
        entry = book.get(code) or {}
        conf = cand.confidence + (0.15 if src is not None and src.code else -0.1) + (0.1 if tgt is not None and tgt.code else 0.0)
        mod = modality(tok, when, record, source_code=src.code if src else None, reporter_code=reporter_code,
                       extra_tokens=cand.extra)
        if cand.negated:
            mod = "negated"
        if mod == "negated" and (cand.code[:2] == "12" or cand.negation_coded) and is_negated(tok):
            mod = "asserted"  # the negation was coded as the rejection or condemnation itself
        if mod == "asserted" and src is not None and src.code and reporter is not None \
                and _reported_by_another(res, reporter, reporter_code, src):
            mod = "claimed"
        if mirrored and out:
            mod = out[0].modality  # one meeting, one modality, whichever side is named first
        out.append(Event(
            id="", sentence=si, action=action, cameo=code, root=code[:2], name=entry.get("name"),
            goldstein=entry.get("goldstein"), quad_class=entry.get("quad_class"),
            plover=Plover(type=entry["plover_type"], mode=entry.get("plover_mode")) if entry.get("plover_type") else None,
            source=_actor(src), target=_actor(tgt), modality=mod, attributed_to=attributed, date=when, place=place,
            confidence=round(max(0.05, min(conf, 0.95)), 2)))
    return out


def _two_agents(record: Article, src: ActorRef, tgt: ActorRef) -> bool:
    """Whether two actors of one code are two different named people or organisations ("Hun Sen
    staged a coup against Prince Ranariddh"), not a place or the same body named twice."""
    return src.entity != tgt.entity and (src.name or "") != (tgt.name or "") and all(
        (e := record.entity(a.entity)) is not None and e.type in ("PERSON", "ORG") for a in (src, tgt))


def _reported_by_another(res: Resolver, reporter, reporter_code: str | None, src: ActorRef) -> bool:
    """Whether the verb of saying `reporter` gives another's account of what the coded source did:
    "Ukrainian officials said Russian troops attacked …" (another country), "Tanzania expelled five
    Iraqis, a newspaper reported" (the media, of any country), "the newspaper said Syria had
    indicated …" (a named subject with no code who is not the source)."""
    if reporter_code:
        return reporter_code[:3] != src.code[:3] or (reporter_code[3:6] == "MED" and src.code[3:6] != "MED")
    said = res.subject(reporter)
    if not said or said[0] is None or (said[0].entity or said[0].name) is None:
        return False
    same = (said[0].entity is not None and said[0].entity == src.entity) or (said[0].name or "") == (src.name or "")
    return not same


def _acts_on_object(res: Resolver, i: int) -> bool:
    """Whether a verb's direct object names an actor other than "each other": "X and Y invited the
    party", "X and Y fought rebels" act together on someone; "X and Y met", "clashed", "signed a
    plan" act with each other."""
    d = res.d
    # "the treaty, which the two presidents signed": a relative pronoun stands for the thing
    return any(d.dep[c] == "dobj" and d.lower[c] not in ("other", "another", "which", "that", "what")
               and _names_actor(res, c) for c in d.kids[i])


def _names_actor(res: Resolver, c: int) -> bool:
    """Whether the head word of a noun phrase itself names an actor: a coded name, a group word
    ("rebels"), a pronoun, "the party"; not "the US-Russia dialogue"."""
    d = res.d
    entity = res.tok_entity.get(c)
    if entity is not None:
        return bool(entity.actor_code) or entity.type in ("PERSON", "ORG")
    return d.pos[c] == "PRON" or d.lemma[c] in senses()["descriptions"] or bool(code_indices(d, c, [c], res.day).sector)


def _coded_first(refs: list) -> list:
    """The coded actors of a list when it has any (else the list as it is)."""
    coded = [r for r in refs if r is not None and r.code]
    return coded if coded else refs


def _actor(ref: ActorRef | None) -> EventActor | None:
    if ref is None:
        return None
    return EventActor(entity=ref.entity, code=ref.code, name=ref.name, start=ref.start, end=ref.end)


def confirmed_headline(events: list[Event], record: Article, sents) -> list[Event]:
    """A headline's events stand only where the body reports an event of the same root: a
    headline is too short to parse reliably, and the story under it says what happened."""
    if not sents or not events:
        return events
    first = record.text[sents[0].start_char:sents[0].end_char].strip()
    title = (record.title or "").strip()
    headline = (title and first.startswith(title[:40])) or (first and first[-1] not in '.!?"\'”’)' and "\n\n" in
                                                            record.text[sents[0].start_char:sents[0].end_char + 2])
    if not headline:
        return events
    body_roots = {e.root for e in events if e.sentence > 0}
    return [e for e in events if e.sentence > 0 or e.root in body_roots]


def repeats(d, i: int, event: Event, built: list) -> bool:
    """Whether `event` says again what an earlier event of its sentence said: the same code (or a
    code the other refines: 183, 1832) by the same source, against the same target or none, either
    on a verb conjoined with the other ("killed three soldiers and wounded six others" is one
    attack) or with no target of its own ("a surprise visit to Iraq … during his first trip to the
    city" is one visit). "Abducted and murdered" are two (181, 180)."""
    def code(a):
        return (a.code or "")[:3] if a is not None else ""
    for j, other in built:
        if j != i and (other.cameo.startswith(event.cameo) or event.cameo.startswith(other.cameo)
                       or {other.cameo, event.cameo} == _GENERIC_FORCE) \
                and code(other.source) == code(event.source) \
                and code(event.target) in (code(other.target), "") \
                and (_conjoined(d, i, j) or (code(event.source) and not code(event.target))):
            return True
    return False


def _conjoined(d, i: int, j: int) -> bool:
    """Whether tokens i and j are joined by "and"/"or" (directly or along one list)."""
    def top(k):
        while d.dep[k] == "conj" and d.heads[k] != k:
            k = d.heads[k]
        return k
    return (d.dep[i] == "conj" or d.dep[j] == "conj") and top(i) == top(j)

