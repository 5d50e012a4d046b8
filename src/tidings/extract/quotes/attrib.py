"""Cues, speakers' syntactic positions and content spans, over a parsed spaCy Doc."""
from __future__ import annotations

from .._doc import view_of
from .cues import _CUE_WORDS, _document_subjects, according_to, is_cue
from .index import MAX_CUES_PER_SENT, as_span_index, children_of, head_of, index_of, rights_of, subtree_of
from .lexicon import core_verbs, document_nouns, speech_verbs

__all__ = ["is_cue", "speaker_head", "complement_span", "frame_tokens", "find_cue",
           "indirect_candidates", "according_to", "tidy", "clause_around"]

_SUBJ = ("nsubj", "nsubjpass")
_OPEN_MARKS = frozenset({"“", '"', "‘", "'", "``", "«", "„"})
_CLOSE_MARKS = frozenset({"”", '"', "’", "'", "''", "»"})
_END_PUNCT = set(".!?")
_TRIM = " \t\n,;:—–―-"


def speaker_head(cue, exclude: set[int], frame: list | None = None):
    """The token heading the speaker of `cue`: its subject, else a noun next to it in the frame."""
    if cue.lower_ == "according":
        obj = according_to(cue)
        return obj if obj is not None and obj.i not in exclude else None
    verb = cue
    if cue.pos_ == "NOUN" and cue.lower_ in ("read", "reads"):
        subs = [c for c in _document_subjects(cue, children_of(cue)) if c.i not in exclude]
        return subs[0] if subs else None
    for _ in range(3):
        subs = [c for c in children_of(verb) if c.dep_ in _SUBJ and c.i not in exclude]
        if subs:
            if subs[0].dep_ == "nsubjpass" and verb.i == cue.i and _PASSIVE_TARGET.get(cue.lemma_.lower()):
                return _agent_of(cue, exclude)  # "X is accused of …": X is the target; the speaker is "by Y"
            return _head_noun(subs[0])
        vhead = head_of(verb)
        outer = head_of(vhead)
        if verb.dep_ == "conj" and vhead.dep_ in ("ccomp", "advcl") and outer.i != vhead.i and \
                verb.tag_ in ("VBD", "VBZ") and outer.tag_ == verb.tag_ and is_cue(outer):
            verb = outer  # "X told Y that … and warned Z that …" misparsed under the first clause: X warned
            continue
        if verb.dep_ in ("conj", "xcomp", "advcl") and vhead.i != verb.i:
            verb = vhead
        elif verb.dep_ == "dep" and verb.pos_ == "VERB" and vhead.pos_ == "VERB" and vhead.i < verb.i:
            verb = vhead  # "X waved …, then stepped forward and boomed: “…”": 'stepped' hung on 'waved' as dep
        elif verb.dep_ == "pcomp" and vhead.dep_ == "prep" and outer.i != vhead.i and outer.pos_ in ("VERB", "AUX"):
            verb = outer  # "X began by saying …" / "X drew fire for saying …": X says
        elif verb.dep_ == "acl" and verb.tag_ == "VBG" and vhead.pos_ == "NOUN" and \
                vhead.lemma_.lower() in document_nouns() and vhead.i not in exclude:
            # "Her office put out a statement saying …": who put it out, else the statement itself
            issuer = [c for c in children_of(outer) if c.dep_ == "nsubj" and c.i not in exclude] \
                if vhead.dep_ in ("dobj", "obj") and outer.pos_ == "VERB" else []
            return _head_noun(issuer[0]) if issuer else vhead
        else:
            break
    # participial "…, saying …": the subject of the verb it hangs on
    if frame:
        idx = [t.i for t in frame]
        # inverted "said Psaki": the first noun after the cue in the frame
        after = [t for t in frame if t.i > cue.i and t.pos_ in ("PROPN", "NOUN", "PRON")]
        before = [t for t in frame if t.i < cue.i and t.pos_ in ("PROPN", "NOUN", "PRON")]
        if before and cue.i - before[-1].i <= 3:
            return _head_noun(before[-1])
        if after and after[0].i - cue.i <= 3 and idx:
            name = _name_ending(frame, cue)
            if name is not None and head_of(after[0]).i != cue.i:
                return name  # "said Wales sevens coach Tom Friday." misparsed: the name that ends it
            return _head_noun(after[0])
    return None


_TITLE_RUN = 7  # "said Wales sevens coach Tom Friday": words before the name


def _name_ending(frame, cue):
    """The last word of "said <title words> <Name>." when the words after the cue run, with no
    preposition or verb of their own, to the sentence's end or a comma and end in a person's name."""
    run = []
    for t in frame:
        if t.i <= cue.i:
            continue
        if t.is_punct:
            if t.text not in (".", ",", "!", "?", ";"):
                return None
            break
        run.append(t)
    if not 1 < len(run) <= _TITLE_RUN or run[-1].pos_ != "PROPN":
        return None
    if run[-1].ent_type_ in ("DATE", "TIME", "GPE", "LOC") and run[-2].pos_ != "PROPN":
        return None  # "said the coach Friday." (a first name before it: "Tom Friday" is a name)
    if any(t.pos_ in ("ADP", "AUX", "PRON", "SCONJ", "CCONJ") for t in run):
        return None
    return run[-1]


_PASSIVE_TARGET = {v: True for v in ("accuse", "criticize", "criticise", "blame", "urge", "ask", "tell", "warn",
                                     "praise", "condemn", "denounce", "slam", "mock", "attack", "charge")}


def _agent_of(verb, exclude):
    """The "by Y" of a passive verb, else None."""
    for c in children_of(verb):
        if c.dep_ == "agent":
            for o in children_of(c):
                if o.dep_ == "pobj" and o.i not in exclude:
                    return _head_noun(o)
    return None


def _head_noun(tok):
    """Climb compound/flat links to the head of the noun phrase."""
    if tok.tag_ == "POS" or tok.dep_ == "case":  # a stray "'s" is no speaker: its owner is
        tok = head_of(tok)
    seen = 0
    while tok.dep_ in ("compound", "flat", "amod", "poss") and head_of(tok).i != tok.i and seen < 5:
        if tok.dep_ == "poss":
            break
        tok = head_of(tok)
        seen += 1
    return tok


def frame_tokens(doc, start: int, end: int, para: tuple[int, int], blocked: list[tuple[int, int]],
                 side: str, limit: int = 30) -> list:
    """Tokens next to a quote outside any quote: up to the sentence end (after) or start (before)."""
    out = []
    blocked = as_span_index(blocked)
    tokens = view_of(doc).tokens
    if side == "after":
        tok = _token_at_or_after(doc, end)
        while tok is not None and tok.idx < para[1] and len(out) < limit:
            if blocked.covers(tok.idx):
                break
            if not tok.is_space:
                out.append(tok)
            if tok.text in _END_PUNCT:
                break
            tok = tokens[tok.i + 1] if tok.i + 1 < len(tokens) else None
    else:
        tok = _token_before(doc, start)
        while tok is not None and tok.idx >= para[0] and len(out) < limit:
            if blocked.covers(tok.idx) or tok.text in _END_PUNCT:
                break
            if not tok.is_space:
                out.append(tok)
            tok = tokens[tok.i - 1] if tok.i > 0 else None
        out.reverse()
    return out


def _token_at_or_after(doc, pos: int):
    return index_of(doc).token_at_or_after(pos)


def _token_before(doc, pos: int):
    return index_of(doc).token_before(pos)


def find_cue(frame: list, exclude: set[int], nearest_last: bool = False):
    """(cue, speaker head) in a frame; a named speaker beats a pronoun; nearest first."""
    found = []
    for tok in frame:
        if tok.i in exclude:
            continue
        if is_cue(tok) or according_to(tok) is not None:
            spk = speaker_head(tok, exclude, frame)
            lead = frame[0]
            if spk is not None and spk.i > tok.i and lead.i < tok.i and lead.pos_ == "PROPN" and lead.i not in exclude:
                spk = _head_noun(lead)  # “…,” Flynn, a surrogate, said … on Fox: the name before the cue
            found.append((tok, spk))
    if not found:
        return None, None
    # “…,” one resident, who asked not to be named, told …: the verb whose subject the relative clause hangs on
    heads_spoken = {s.i for _, s in found if s is not None}
    found = [f for f in found if not (f[0].dep_ == "relcl" and head_of(f[0]).i in heads_spoken)] or found
    with_named = [(c, s) for c, s in found if s is not None and s.pos_ != "PRON"
                  and c.lemma_.lower() in core_verbs()]
    with_any = [(c, s) for c, s in found if s is not None]
    if with_named and with_any and with_any[0][1].lower_ in ("it", "they") and len(found) > 1:
        # garbled "…,” it said Kremlin readout of the meeting said": the named source
        return with_named[0]
    if with_any:
        if nearest_last and len(with_any) > 1 and with_any[-1][0].lemma_.lower() in core_verbs():
            return with_any[-1]  # "Asked whether …, Jones said, “…”": the cue next to the quotation
        return with_any[0]
    return found[0]


_CLAUSAL = ("ccomp", "xcomp", "advcl", "parataxis", "acl", "relcl")
_NOT_CONTENT = ("nsubj", "nsubjpass", "aux", "auxpass", "neg", "punct", "advmod", "npadvmod", "prt",
                "cc", "conj", "mark", "agent", "poss", "det", "amod", "compound")


def complement_span(cue, inner_tok, quote_ranges: list[tuple[int, int]], region_end: int | None = None):
    """Content span of the complement of `cue` that holds `inner_tok`; None when it is its subject.

    A clause (said that …) is the content whole; a noun-phrase complement (called X “Y”,
    described X as “Y”) runs from the cue's first object up to the quote's closing mark.
    """
    heads = view_of(cue.doc).heads
    child = inner_tok
    while heads[child.i] != cue.i and heads[child.i] != child.i:
        child = head_of(child)
    if heads[child.i] != cue.i or child.dep_ in _SUBJ:
        return None
    if child.dep_ not in _CLAUSAL and region_end is not None:
        rights = [c for c in rights_of(cue) if c.dep_ not in _NOT_CONTENT and c.i <= child.i]
        first = rights[0] if rights else child
        if child.dep_ == "prep" and (child.lower_ == "to" or cue.lemma_.lower() in _ADDRESSEE_VERBS):
            first = child  # likened X to “…” / told reporters during a visit that …: X is not content
        # accused X of “…” / criticized X for “…” / described X as “…”: PolNeAR's content holds X
        start = first.left_edge.idx
        sub_end = child.right_edge.idx + len(child.right_edge)
        if sub_end > region_end and not _runs_on(cue.doc, region_end):
            sub_end = region_end  # “…” during a stop / Wednesday on …: modifiers after the mark are not content
        if sub_end > region_end:  # "… of trying to “bury” the audit - except that …": the aside is the writer's
            toks = _cut_after_quote([t for t in subtree_of(child) if t.idx >= start])
            if toks:
                sub_end = min(sub_end, toks[-1].idx + len(toks[-1]))
        return start, max(sub_end, region_end)
    toks = _without_speaker_conj(cue, child, subtree_of(child))
    if child.dep_ == "ccomp" and child.i > cue.i:
        toks = _to_sentence_end(cue, toks)
    if child.dep_ in ("dobj", "obj", "dative") and cue.lemma_.lower() in _ADDRESSEE_VERBS:
        # "told reporters that …": the content is the clause, not the addressee
        others = [c for c in children_of(cue) if c.dep_ in ("ccomp", "xcomp") and c.i > child.i]
        if others:
            toks = subtree_of(others[0])
    toks = sorted(toks, key=lambda t: t.i)  # text order, whatever the parse's
    start = toks[0].idx
    end = toks[-1].idx + len(toks[-1])
    return start, end


_ADDRESSEE_VERBS = frozenset({"tell", "inform", "assure", "ask", "warn", "remind"})
_LOOSE_DEPS = ("npadvmod", "advcl", "appos", "punct", "cc", "conj", "parataxis")
_LOOSE_WORDS = frozenset({"during", "after", "before", "since", "amid", "until", "while", "when", "because",
                          "—", "―", "–", "-", "--", ","})


def _without_speaker_conj(cue, child, toks):
    """Drop "… and warned X to …" from a complement: a subjectless verb in the cue's own tense,
    conjoined to the complement's verb, is the speaker's next act (a common misparse)."""
    if cue.tag_ not in ("VBD", "VBZ"):
        return toks
    for c in children_of(child):
        if c.dep_ == "conj" and c.pos_ == "VERB" and c.tag_ == cue.tag_ and c.i > child.i and \
                not any(x.dep_ in _SUBJ for x in children_of(c)):
            cut = c.left_edge.i
            ccs = [x for x in children_of(child) if x.dep_ == "cc" and x.i < c.i]
            if ccs and ccs[-1].i > child.i:
                cut = min(cut, ccs[-1].i)
            kept = [t for t in toks if t.i < cut]
            return kept or toks
    return toks


def _runs_on(doc, pos: int) -> bool:
    """True when the words after a closing mark at `pos` still belong to the quoted phrase ("… of X")."""
    t = index_of(doc).token_at_or_after(pos)
    while t is not None and t.is_space:
        t = view_of(doc).nbor(t, 1)
    if t is None:
        return False
    return not (t.dep_ in _LOOSE_DEPS or t.lower_ in _LOOSE_WORDS)


def tidy(text: str, start: int, end: int, quote_ranges: list[tuple[int, int]]) -> tuple[int, int]:
    """Trim space and trailing punctuation outside quotes; keep a closing mark and the punctuation it holds."""
    quote_ranges = as_span_index(quote_ranges)
    end = quote_ranges.run_end_into(start, end)  # content that ends inside a quote runs to its closing mark
    while start < end and text[start] in _TRIM:
        start += 1
    while end > start and (text[end - 1] in _TRIM or text[end - 1] in _END_PUNCT):
        if quote_ranges.closes_at(end):
            break
        end -= 1
    return start, end


def indirect_candidates(doc, blocked: list[tuple[int, int]]):
    """(cue, [content spans], speaker head) for reporting verbs with a clausal complement, no quote marks."""
    out = []
    blocked = as_span_index(blocked)
    ix = index_of(doc)
    view = ix.view
    tokens = view.tokens
    per_sent: dict[int, int] = {}  # cues examined per sentence: hostile text must stay linear
    for i in ix.tokens_with(_CUE_WORDS, speech_verbs()):  # no other token can be a cue
        tok = tokens[i]
        if blocked.covers(ix.starts[i]):
            continue
        if tok.lower_ == "according":
            obj = according_to(tok)
            if obj is None or not _count_cue(ix, tok, per_sent):
                continue
            host = view.head(tok)
            if host.i == tok.i:
                continue
            sub = set(t.i for t in subtree_of(tok))
            s, e = ix.sent_bounds(host.i)
            toks = [t for t in tokens[s:e] if t.i not in sub and not t.is_space]
            while toks and toks[0].is_punct and toks[0].text not in _OPEN_MARKS:
                toks.pop(0)
            while toks and toks[-1].is_punct and toks[-1].text not in _CLOSE_MARKS:
                toks.pop()
            if not toks:
                continue
            spans = _runs(toks)
            out.append((tok, spans, obj))
            continue
        if not is_cue(tok) or not _count_cue(ix, tok, per_sent):
            continue
        if tok.dep_ == "pcomp":
            continue  # "X drew fire for saying …": PolNeAR reads the outer act, not a quote of its own
        kids = ix.children(i)
        comps = [c for c in kids if c.dep_ == "ccomp"]
        if comps:
            # "The charities have promised help; most say it is …": a clause after the cue is its content
            comp = next((c for c in comps if c.i > tok.i), comps[0])
            toks = subtree_of(comp)
            if comp.i < tok.i and any(t.text == ";" for t in tokens[comp.right_edge.i + 1:tok.i]):
                continue  # a clause before a semicolon is not what the cue after it reports
            if comp.i < tok.i:
                # inverted "…, a source said": the content is everything before the speaker
                subj = [c for c in kids if c.dep_ in _SUBJ and c.i < tok.i]
                first = min([tok.i] + [s.left_edge.i for s in subj])
                sent_start = ix.sent_bounds(tok.i)[0]
                toks = tokens[sent_start:first]
                if not toks:
                    continue
            else:
                toks = _to_sentence_end(tok, toks)
            spans = [(toks[0].idx, toks[-1].idx + len(toks[-1]))]
            out.append((tok, spans, speaker_head(tok, set(), None)))
            continue
        if _as_clause(tok, kids) and view.head(tok).pos_ in ("VERB", "AUX"):
            # "As the mayor noted, the bridge is unsafe" / "…, as Lee put it": the clause it hangs on was said
            spans = clause_around(tok)
            if spans:
                out.append((tok, spans, speaker_head(tok, set(), None)))
            continue
        if tok.dep_ == "parataxis" and view.head(tok).pos_ in ("VERB", "AUX") and any(c.dep_ in _SUBJ for c in kids):
            # "The plan, he said, will fail." / "The plan will fail, he said."
            spans = clause_around(tok)
            if spans:
                out.append((tok, spans, speaker_head(tok, set(), None)))
    return out


_SUBORDINATORS = frozenset({"if", "whether", "that", "because", "when", "unless", "although", "though", "while"})


def _as_clause(tok, kids) -> bool:
    """A cue in an "as" clause with a subject and nothing said of its own: "as X noted", "as X has pointed out",
    "as X put it" (not "as X said he would", "as X told reporters that …")."""
    marks = [c for c in kids if c.dep_ == "mark" and c.lower_ == "as" and c.i < tok.i]
    if tok.dep_ != "advcl" or not marks:
        return False
    m = marks[0].i
    if tok.i > head_of(tok).i and (m == 0 or tok.doc[m - 1].text != ","):
        return False  # "… was emotional as she called for …": a time, not a source
    if m >= 2 and tok.doc[m - 2].lower_ in _SUBORDINATORS and head_of(tok).i < m:
        return False  # "it could fail if, as X suggested, …": the clause after "if" was said, not its host
    if not any(c.dep_ in _SUBJ and c.i < tok.i for c in kids):
        return False
    return not any(c.dep_ in ("ccomp", "xcomp", "dobj", "obj", "dative") and not (c.lower_ == "it" and tok.lemma_ == "put")
                   for c in kids)


def clause_around(cue) -> list[tuple[int, int]]:
    """"The plan, he said, will fail": the character runs of the clause a parenthetical cue hangs on,
    without the cue's own words."""
    sub = set(t.i for t in subtree_of(cue))
    toks = [t for t in subtree_of(head_of(cue)) if t.i not in sub]
    return _runs(toks) if toks else []


def _count_cue(ix, tok, per_sent: dict[int, int]) -> bool:
    """False once a sentence has had MAX_CUES_PER_SENT cues examined (no news sentence has)."""
    start = ix.sent_bounds(tok.i)[0]
    n = per_sent.get(start, 0) + 1
    per_sent[start] = n
    return n <= MAX_CUES_PER_SENT


def _to_sentence_end(cue, toks):
    """PolNeAR's content of "X said that …" runs to the end of the sentence, through loose conjuncts;
    it stops at a second reporting clause (", adding …") or at a new quote's speaker."""
    doc = cue.doc
    ix = index_of(doc)
    tokens = ix.view.tokens
    heads = ix.view.heads
    sent_end = ix.sent_bounds(cue.i)[1]
    text = ix.text
    out = sorted(toks, key=lambda t: t.i)  # a non-projective parse gives a subtree out of text order
    last = out[-1].i
    limit = min(sent_end, cue.right_edge.i + 1)  # never into a higher clause ("While X said …, Y did …")
    for t in tokens[last + 1:limit]:
        if is_cue(t) or t.dep_ in ("nsubj", "nsubjpass") and heads[t.i] == cue.i:
            break  # a second reporting verb, or the speaker after the content
        if "\n" in t.text or "\n" in text[out[-1].idx:t.idx]:
            break
        if t.text == "," and t.i + 1 < limit and (heads[t.i + 1] == cue.i or tokens[t.i + 1].tag_ == "VBG"):
            break  # ", engaging in …" / ", adding …": a new dependent of the cue
        out.append(t)
    out = _cut_after_quote(out)
    while out and (out[-1].is_punct and out[-1].text not in ("”", '"', "’", "''") or out[-1].dep_ == "cc"):
        out.pop()  # a dangling ", and" before the next reporting verb
    return out or toks


_CLOSERS = frozenset({"”", '"', "’", "''", "»"})
_LOOSE_LEADS = frozenset({"though", "although", "while", "whereas"})


def _loose_participle(tok) -> bool:
    """"claiming …", "referring to …": a participial clause, not "including …" (a preposition)."""
    return tok.tag_ == "VBG" and tok.dep_ not in ("prep", "pobj", "amod", "compound", "pcomp") and \
        tok.lower_ not in ("including", "regarding", "concerning", "following", "excluding")


def _loose_aside(tok) -> bool:
    """After a comma: ", which drew criticism …" (a relative clause on what was said) or ", an
    admission …" (an apposition on it): the writer's aside, not the speaker's words."""
    if tok.lower_ in ("which", "who", "whom", "whose"):
        return True  # the parse may hang it anywhere inside the relative clause
    head = head_of(tok)
    if tok.dep_ != "det" or head.i <= tok.i or head.pos_ not in ("NOUN", "PROPN"):
        return False
    # ", a jab at …" / ", an admission …": tagged appos, or a stray object or dep
    return head.dep_ == "appos" or tok.lower_ in ("a", "an", "another") and head.dep_ not in ("conj", "pobj")


def _spaced_hyphen(text: str, tok) -> bool:
    return tok.text == "-" and 0 < tok.idx < len(text) - 1 and text[tok.idx - 1] == " " and text[tok.idx + 1] == " "


def _cut_after_quote(toks):
    """Past a closing mark, the speaker's content ends where a loose piece begins: "…,” claiming …",
    "…” and called …", "…” — a play on words …", "…” as he faces …" (PolNeAR stops there)."""
    seen_close = dashed = False
    text = index_of(toks[0].doc).text if toks else ""
    for k, t in enumerate(toks):
        prev = toks[k - 1] if k else None
        if seen_close and prev is not None:
            after_break = prev.text in _CLOSERS or prev.text == ","
            nxt = toks[k + 1] if k + 1 < len(toks) else None
            if after_break and (_loose_participle(t) or t.text in ("—", "―", "–", "--") or t.lower_ in _LOOSE_LEADS):
                return toks[:k]
            rest = toks[k + 1:]
            if prev.text == "," and _loose_aside(t) and not any(x.text in _OPEN_MARKS for x in rest):
                return toks[:k]  # an aside that quotes words of its own is the speaker's too
            if _spaced_hyphen(text, t) and not dashed and not any(_spaced_hyphen(text, x) for x in rest):
                return toks[:k]  # "… “double” its night classes - and he …": a dash; a pair of them is an aside
            if t.dep_ == "cc" and nxt is not None and nxt.pos_ in ("VERB", "AUX") and nxt.dep_ == "conj" and \
                    not any(c.dep_ in _SUBJ for c in children_of(nxt)):
                return toks[:k]
        if t.text in _CLOSERS and t.idx > 0 and not text[t.idx - 1].isspace():
            seen_close = True  # a closing mark: glued to the word before it
        dashed = dashed or seen_close and _spaced_hyphen(text, t)
    return toks


def _runs(toks) -> list[tuple[int, int]]:
    """Contiguous runs of tokens as character spans."""
    toks = sorted(toks, key=lambda t: t.i)
    spans = []
    run = [toks[0]]
    for t in toks[1:]:
        if t.i == run[-1].i + 1:
            run.append(t)
        else:
            spans.append((run[0].idx, run[-1].idx + len(run[-1])))
            run = [t]
    spans.append((run[0].idx, run[-1].idx + len(run[-1])))
    return spans

