"""Quoted phrases inside a sentence: the reporting verb (or speech noun, or a verb with an agent)
that governs a quotation, and the content it reads as (a fragment, or PolNeAR's whole clause)."""
from __future__ import annotations

from .._doc import view_of
from .attrib import complement_span, speaker_head, tidy
from .clauses import cued_after, parenthetical
from .cues import is_cue
from .draft import Draft as _Draft, inner as _inner
from .index import children_of, head_of, index_of, sentence_too_long, subtree_of
from .lexicon import anonymous_nouns, core_verbs, document_nouns, noun_cues
from .marks import Region

__all__ = ["region_head", "governor", "embedded", "title_like", "REACH_WORDS"]


def region_head(tokens):
    ids = {t.i for t in tokens}
    heads = view_of(tokens[0].doc).heads if tokens else ()
    for t in tokens:
        if not t.is_punct and (heads[t.i] not in ids or heads[t.i] == t.i):
            return t
    return None


_CLIMB = ("ccomp", "xcomp", "relcl", "advcl", "dobj", "obj", "pobj", "prep", "acl", "attr", "oprd", "pcomp", "appos")


def governor(tokens, exclude):
    """(cue, speaker head) governing a quoted phrase: the nearest reporting verb above it,
    or a core one ("say") above that through clause links, or a speech noun with a possessor."""
    head = region_head(tokens)
    if head is None:
        return None, None, None
    if sentence_too_long(head):  # no prose: hostile or garbled text
        return None, None, head
    text = index_of(head.doc).text
    cur = head
    cue = None
    for _ in range(10):
        h = head_of(cur)
        if h.i == cur.i:
            break
        if h.i not in exclude:
            if cue is None and is_cue(h):
                cue = h
            elif cue is None and h.pos_ == "NOUN" and h.lemma_.lower() in noun_cues():
                poss = [c for c in children_of(h) if c.dep_ == "poss"]
                if poss:
                    return h, poss[0], head
            elif cue is not None and cue.lemma_.lower() not in core_verbs() and is_cue(h) and \
                    h.lemma_.lower() in core_verbs() and "\n" not in text[min(h.idx, cue.idx):max(h.idx, cue.idx)]:
                if cur.dep_ in _CLIMB and any(c.dep_ in ("nsubj", "nsubjpass") for c in children_of(h)):
                    cue = h
                    break
            if cue is not None and cur.dep_ not in _CLIMB:
                break
        cur = h
    if cue is None:
        words = sum(1 for t in tokens if not t.is_punct)
        if words <= _HEADLINE_SCARE and "\n" not in text[:tokens[0].idx]:
            return None, None, head  # "Obama to present 'leanest' budget": a headline's scare quote is no one's words
        cue = _agentive_verb(head, exclude, reach=words >= REACH_WORDS)
        if cue is None:
            return None, None, head
    return cue, speaker_head(cue, exclude, None), head


_AGENT_PRONOUNS = {"he", "she", "they", "we", "i"}


_HEADLINE_SCARE = 2  # words
REACH_WORDS = 6  # a quotation this long is someone's words even under a verb with no agent


def _agentive_verb(head, exclude, reach: bool = False):
    """A person's own words quoted as the object of any verb ("Reid likened him to a “human leech”"):
    the nearest verb above the phrase whose subject names a person or group. With `reach` (a long
    quotation), verbs whose subject is no agent are passed on the way up ("Baker worried that the budget
    was turning into “a bottomless pit that …”"), and a document or an anonymous source is an agent too
    ("The ad attacks a “broken county government that …”")."""
    cur = head
    for _ in range(6):
        h = head_of(cur)
        if h.i == cur.i or h.i in exclude:
            return None
        if h.pos_ == "VERB" and h.lemma_ != "be" and cur.dep_ in _CLIMB:
            subs = [c for c in children_of(h) if c.dep_ in ("nsubj",) and c.i not in exclude]
            if subs:
                s = subs[0]
                if s.lower_ in _AGENT_PRONOUNS or s.ent_type_ in ("PERSON", "ORG", "NORP") or \
                        (s.pos_ == "PROPN" and s.ent_type_ not in ("GPE", "LOC", "DATE", "TIME")):
                    return h
                if reach and s.pos_ == "NOUN" and (s.lemma_.lower() in document_nouns() or
                                                   s.lemma_.lower() in anonymous_nouns()):
                    return h
            if not reach:
                return None
        cur = h
    return None


def title_like(text: str, region: Region) -> bool:
    """A quoted name or title (“Fox News Sunday”, “The Apprentice”): every word capitalised."""
    words = [w for w in _inner(text, region).replace(",", " ").split() if w[:1].isalpha()]
    small = {"of", "the", "and", "a", "an", "in", "on", "for", "to", "at", "with"}
    caps = [w for w in words if w[:1].isupper()]
    return bool(words) and len(words) <= 6 and all(w[:1].isupper() or w in small for w in words) and \
        len(caps) >= 1 and words[0][:1].isupper()


_UTTER = frozenset({"chant", "shout", "yell", "scream", "cry", "exclaim", "whisper", "mutter", "boom", "mouth"})


def embedded(doc, text, region, tokens, exclude, blocked, title: bool):
    if title and len(tokens) > 1:
        head = region_head(tokens)
        up = head_of(head) if head is not None else None
        if up is None or up.lemma_.lower() not in _UTTER or up.i in exclude or not is_cue(up):
            return None  # a quoted name; "students chanting “Save Our Library.”" is words all the same
    cue, spk, head = governor(tokens, exclude)
    if cue is None or not is_cue(cue) and cue.pos_ != "NOUN":  # none, or a verb that only has an agent
        d = parenthetical(text, region, tokens, head, exclude, blocked) or \
            (cued_after(doc, text, region, tokens, exclude, blocked) if cue is None else None)
        if d is not None or cue is None:
            return d
    if cue.pos_ == "NOUN":
        hh = head_of(head)
        sub = subtree_of(hh) if hh.i != cue.i else subtree_of(head)
        span = (min(t.idx for t in sub), max(t.idx + len(t) for t in sub))
    else:
        span = complement_span(cue, head, blocked, region.end)
    if span is None:
        return None
    start, end = tidy(text, span[0], span[1], blocked)
    if region.start < start <= region.start + 2 and not text[region.start:start].strip("“\"‘'«„`"):
        start = region.start  # a woman yelled “Go home!”: the parse hung the opening mark on the verb
    if end < region.end and region.end - end < 4:
        end = region.end
    if end <= start:
        return None
    inner_len = region.end - region.start
    kind = "fragment" if inner_len >= 0.8 * (end - start) else "mixed"
    return _Draft([(start, end)], kind, cue, spk, end, 0, 0.75 if spk is not None else 0.55, region)
