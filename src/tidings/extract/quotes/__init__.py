"""Who said what: direct, indirect, mixed and fragment quotes with their cue and speaker.

Steps, each in a private helper:
1. quotation-mark regions in the text, robust to mark styles and broken marks (marks);
2. a region that reads as a sentence is a direct quote: its cue and speaker come from the
   words next to it ("…,” he said." / "said Psaki" / "X said: “…”"); a region with no cue
   continues the previous quote (one quote, several spans) or takes the next sentence's "X said";
3. a short or lower-case region governed by a reporting verb (cues) is a fragment, or a mixed
   quote whose content is the verb's whole complement clause (PolNeAR's convention; embedded);
   with no verb above it, a cue set off by commas before it or right after it reads its clause
   (clauses), and a long one with no cue at all goes on with the quote just before it;
4. reporting verbs with a clausal complement and no marks give indirect quotes
   ("X said that …", "…, X said", "according to X, …");
5. a headline "Speaker: what was said" gives a quote said by the name before the colon (headline);
6. speakers resolve to record entities, typed anonymous sources, countries or documents and
   their authors (speaker).
Never raises on odd text: a failure inside one step drops that step's quotes only.
Work grows linearly with the text: per-doc indexes (index) replace scans over tokens and
quotation spans, and caps there bound hostile input (thousands of marks, sentences with no end).
"""
from __future__ import annotations

import bisect
import logging
import re

from ...record import Article, Cue, Quote, Speaker
from .attrib import complement_span, find_cue, frame_tokens, indirect_candidates, speaker_head, tidy
from .cues import is_cue
from .._doc import DocView, view_of
from .index import (MAX_REGIONS_PER_PARA, DocIndex, Paragraphs, SpanIndex, TakenSpans, blank as _blank, children_of,
                    head_of, index_of, last_nonspace as _last_nonspace)
from .draft import Draft as _Draft, inner as _inner
from .embedded import REACH_WORDS, embedded, governor, region_head, title_like
from .headline import headline_drafts
from .lexicon import work_nouns
from .marks import Region, find_regions, paragraph_bounds
from .speaker import SpeakerResolver

__all__ = ["extract_quotes"]

log = logging.getLogger("tidings.quotes")

_AFTER_OK = set(",?!—–-…:")
_RESUME_RE = re.compile(r",(?:\s+(?:but|and))?\s*$")  # “…,” he said, but “…”: the quote resumes
_DOUBLE_MARKS = ("“", "”", '"')  # a quotation inside an indirect quote's content makes it mixed
_MIN_DIRECT_WORDS = 4  # a capitalised region this long (or ending a sentence) reads as a sentence


def extract_quotes(view: DocView, record: Article) -> list[Quote]:
    """Quotes of `record`, in text order, with ids Q1, Q2, …"""
    doc = view.doc
    text = record.text
    try:
        regions = find_regions(text)
        paras = Paragraphs(paragraph_bounds(text))
    except Exception as exc:  # pragma: no cover - find_regions already guards itself
        log.debug("quote marks failed: %s", exc)
        return []
    ix = view.part(DocIndex)
    starts = ix.starts
    drafts: list[_Draft] = []
    try:
        drafts.extend(_from_regions(doc, text, _capped(regions, paras), paras, starts))
    except Exception as exc:
        log.warning("direct quotes failed on %s: %s", record.id, exc)
    try:
        drafts.extend(_indirect(doc, text, regions, drafts))
    except Exception as exc:
        log.warning("indirect quotes failed on %s: %s", record.id, exc)
    try:
        drafts = headline_drafts(doc, text, record, drafts, starts)
    except Exception as exc:
        log.warning("headline quote failed on %s: %s", record.id, exc)
    drafts.sort(key=lambda d: d.start)
    return _assemble(doc, record, drafts)


def _capped(regions, paras):
    """At most MAX_REGIONS_PER_PARA regions starting in one paragraph (hostile text: marks by the thousand)."""
    seen: dict[int, int] = {}
    out = []
    for r in regions:
        pi = _para_of(paras, r.start)
        seen[pi] = seen.get(pi, 0) + 1
        if seen[pi] <= MAX_REGIONS_PER_PARA:
            out.append(r)
    return out


# -- regions → direct, mixed, fragment ---------------------------------------------------
def _para_of(paras, pos: int) -> int:
    starts = paras.starts if isinstance(paras, Paragraphs) else [p[0] for p in paras]
    i = bisect.bisect_right(starts, pos) - 1
    return max(i, 0)


_WORD_BEFORE = re.compile(r"([\w’']+)\W{0,3}$")


def _names_a_work(text: str, start: int) -> bool:
    """The quotation follows a possessive ("CNN's") or a noun for a work ("his book,", "the anthem")."""
    m = _WORD_BEFORE.search(text, max(0, start - 40), start)
    if m is None:
        return False
    word = m.group(1).lower()
    return word.endswith(("'s", "’s")) or word in work_nouns()


def _alone_on_line(text: str, region) -> bool:
    """Nothing but white space between the quotation and the line breaks on either side."""
    line_start = text.rfind("\n", 0, region.start) + 1
    line_end = text.find("\n", region.end)
    return not text[line_start:region.start].strip() and not text[region.end:len(text) if line_end < 0 else line_end].strip()


def _tokens_in(doc, starts, a: int, b: int):
    lo = bisect.bisect_left(starts, a)
    hi = bisect.bisect_left(starts, b)
    return view_of(doc).tokens[lo:hi]


def _is_sentence(text: str, region: Region, tokens) -> bool:
    inner = _inner(text, region)
    if not inner:
        return False
    words = [t for t in tokens if not t.is_punct]
    first = inner.lstrip("([…. ")[:1]
    if not (first.isupper() or first.isdigit()):
        return False
    last = _last_nonspace(text, region.start, text.rfind("\n", 0, region.start) + 1)
    at_start = not last or last in ":.!?,;—–-\"”"
    ends = inner.rstrip()[-1:] in ".!?,…"
    if len(region.spans) > 1:
        return True
    if len(words) >= _MIN_DIRECT_WORDS and (ends or at_start):
        return True
    # “That,” he added, “promises …”: a one-word opening split off by its cue; Jones said, “Maybe.”
    return at_start and ends and bool(words)


def _same_or_no_cue(cue, other) -> bool:
    return cue is None or (other is not None and cue.i == other.i)


def _from_regions(doc, text, regions, paras, starts):
    drafts: list[_Draft] = []
    titles = [title_like(text, r) for r in regions]  # asked again below: once a region
    blocked = SpanIndex((a, b) for r, title in zip(regions, titles) if not title for a, b in r.spans)
    by_cue: dict[int, list[_Draft]] = {}  # drafts (not direct) by cue token, in order
    used_cues: set[int] = set()
    last_direct: _Draft | None = None
    for region, title in zip(regions, titles):
        tokens = [t for a, b in region.spans for t in _tokens_in(doc, starts, a, b)]
        if not tokens:
            continue
        exclude = {t.i for t in tokens}
        if title and not _inner(text, region).rstrip().endswith((",", ".", "?", "!")):
            continue  # a quoted title or name (“Fox and Friends”) is not speech
        if title and _alone_on_line(text, region):
            continue  # a quoted subheading between paragraphs (“'Legend in the Hills.'”) is no one's words
        if title and _names_a_work(text, region.start):
            continue  # "on CNN's “State of the Union.”", "his book, “Make It Count,”": a name
        pi = _para_of(paras, region.start)
        if last_direct is not None and last_direct.cue is not None and last_direct.frame_end <= region.start and \
                _blank(text, last_direct.frame_end, region.start) and _para_of(paras, last_direct.frame_end) == pi \
                and _RESUME_RE.search(text[max(0, region.start - 16):region.start]) and _inner(text, region)[:1].islower() \
                and _same_or_no_cue(governor(tokens, exclude)[0], last_direct.cue):
            # “My hope,” he said, “is that …”: the quote resumes after its cue
            last_direct.spans.extend(region.spans)
            last_direct.frame_end = region.end
            continue
        if _is_sentence(text, region, tokens):
            d = _direct(doc, text, region, tokens, exclude, paras, pi, blocked, last_direct, starts)
            if d is None:
                continue
            if d is last_direct:  # merged into the previous quote
                continue
            drafts.append(d)
            if d.cue is not None and d.kind != "direct":
                by_cue.setdefault(d.cue.i, []).append(d)
            last_direct = d
            if d.cue is not None:
                used_cues.add(d.cue.i)
            continue
        d = embedded(doc, text, region, tokens, exclude, blocked, title)
        if d is None:
            d = _goes_on(text, region, tokens, last_direct, paras, pi)
            if d is not None:
                drafts.append(d)
                last_direct = d
            continue
        same = [x for x in by_cue.get(d.cue.i, ()) if x.kind != "direct"
                and d.spans[0][0] - x.spans[-1][1] < 40 and x.spans[0][0] - d.spans[-1][1] < 40]
        if same:  # two phrases quoted under one cue ("called him “X” and “Y”"): one quote
            x = same[0]
            x.spans = [(min(x.spans[0][0], d.spans[0][0]), max(x.spans[-1][1], d.spans[-1][1]))]
            x.kind = "mixed"
            continue
        d.para = pi
        drafts.append(d)
        by_cue.setdefault(d.cue.i, []).append(d)
        if d.goes_on or _cued_right_after(doc, text, region, d):
            last_direct = d
    return drafts


def _cued_right_after(doc, text, region, d) -> bool:
    """"Still, Smith is a “breath of fresh air,” Cole said. “That is …”": a phrase whose cue and speaker follow
    it at once; a cue-less quotation right after that sentence goes on with it (frame_end moves there)."""
    cue = d.cue
    if cue is None or d.head is None or cue.idx < region.end or not _inner(text, region).rstrip().endswith(","):
        return False
    gap = text[region.end:cue.idx]
    if len(gap.split()) > 4 or "\n" in gap:
        return False
    end = index_of(doc).sent_bounds(cue.i)[1]
    last = view_of(doc).tokens[end - 1]
    d.frame_end = max(d.frame_end, last.idx + len(last))
    return True


def _goes_on(text, region, tokens, last, paras, pi):
    """"“…,” said Jo Finn. Today, “most of the stall owners …”": a long quotation inside
    a sentence that has no cue of its own, close after a quote of the same paragraph, is that speaker's."""
    if last is None or last.head is None or last.kind != "direct" or last.para != pi or \
            _para_of(paras, last.frame_end) != pi:
        return None
    if sum(1 for t in tokens if not t.is_punct) < REACH_WORDS or not 0 <= region.start - last.frame_end < 250:
        return None
    return _Draft(list(region.spans), "direct", last.cue, last.head, region.end, pi, 0.5, region)


def _direct(doc, text, region, tokens, exclude, paras, pi, blocked, last, starts):
    para = paras[pi] if paras else (0, len(text))
    last_para = _para_of(paras, region.end)
    para_end = paras[last_para] if paras else para
    others = blocked.excluding(region.start, region.end)
    after = frame_tokens(doc, region.start, region.end, para_end, others, "after")
    before = frame_tokens(doc, region.start, region.end, para, others, "before")
    if not before and pi > 0 and _blank(text, para[0], region.start) and \
            _last_nonspace(text, para[0]) == ":":
        prev = paras[pi - 1]
        before = frame_tokens(doc, prev[1], prev[1], prev, others, "before")
    inner = _inner(text, region).rstrip()
    after_ok = bool(after) and (inner[-1:] in _AFTER_OK or (after[0].text[:1].islower() and len(after) <= 10)
                                or (len(after) <= 6 and any(is_cue(t) for t in after)))
    spans = [(a, b) for a, b in region.spans]
    conf = 0.9 if region.closed else 0.7
    labelled = _label_speaker(tokens, after, before, text[region.end:after[0].idx].strip() if after else "")
    if labelled is not None:
        cue, head = labelled
        return _Draft(spans, "direct", cue, head, region.end, pi, conf - 0.1, region)
    if after and not after_ok and inner[-1:] not in ".!?" and not after[0].is_punct:
        # “…” to drive up the price, she said: the quote runs on to the comma before its cue
        cue, head = find_cue(after, exclude)
        commas = [t for t in after if t.text == "," and cue is not None and t.i < cue.i]
        if cue is not None and head is not None and commas and head.i > commas[-1].i:
            end = commas[-1].idx
            return _Draft([(region.start, end)], "mixed", cue, head, after[-1].idx + len(after[-1]), pi, conf - 0.1, region)
    frames = ([after] if after_ok else []) + ([before] if before else [])
    for frame in frames:
        cue, head = find_cue(frame, exclude, frame is before)
        if cue is not None and frame is after and not after_ok:
            continue
        if cue is not None:
            frame_end = region.end
            if frame is after:
                long = frame_tokens(doc, region.start, region.end, para_end, others, "after", limit=90)
                frame_end = max(region.end, long[-1].idx + len(long[-1]))
            if frame is before:
                wide = _widened(doc, text, cue, tokens, exclude, blocked, region)
                if wide is not None:
                    return _Draft([wide], "mixed", cue, head, region.end, pi, conf - 0.1, region)
            return _Draft(spans, "direct", cue, head, frame_end, pi, conf, region)
    # no cue next to it: the sentence just before says who speaks ("X said in a statement. “…”") …
    lead = _lead_in(doc, text, region, exclude, others, last)
    if lead is not None:
        return _Draft(spans, "direct", lead[0], lead[1], region.end, pi, conf - 0.1, region)
    # … or a continuation of the previous quote …
    if last is not None:
        if _blank(text, last.frame_end, region.start) and text.count("\n", last.frame_end, region.start) <= 2:
            last.spans.extend(spans)
            last.frame_end = region.end
            return last
        if last.head is not None and last.para == pi and _para_of(paras, last.frame_end) == pi and \
                region.start - last.frame_end < 250 and not _has_cue(doc, starts, last.frame_end, region.start):
            # a narrative sentence between two quotes of one paragraph: the same speaker
            return _Draft(spans, "direct", last.cue, last.head, region.end, pi, conf - 0.2, region)
    # … or a paragraph-initial quote attributed by the next sentence's "X said"
    nxt = _next_sentence_frame(doc, region.end, paras, pi if last_para is None else last_para, others, starts)
    if nxt:
        cue, head = find_cue(nxt, exclude)
        if cue is not None and head is not None:
            return _Draft(spans, "direct", cue, head, region.end, pi, conf - 0.2, region)
    if last is not None and last.head is not None and pi - last.para <= 2:
        # a quote paragraph with no cue of its own: the speaker quoted just before goes on
        return _Draft(spans, "direct", last.cue, last.head, region.end, pi, conf - 0.4, region)
    return _Draft(spans, "direct", None, None, region.end, pi, conf - 0.5, region)


def _lead_in(doc, text, region, exclude, blocked, last):
    """(cue, speaker head) from the sentence right before a quotation when it reports speech and holds
    no words of its own: "Dana Ruiz said on Tuesday. “The count will resume …”"; else None."""
    ix = index_of(doc)
    end = ix.token_before(region.start)
    if end is None or end.text not in (".", ":") or text.count("\n", end.idx, region.start) > 2 or \
            (last is not None and last.frame_end > end.idx):
        return None
    s, e = ix.sent_bounds(end.i)
    toks = view_of(doc).tokens[s:e]
    if any(blocked.covers(t.idx) for t in toks):
        return None  # a quotation inside that sentence: it has its words
    for t in toks:
        if t.i in exclude or not is_cue(t) or t.pos_ != "VERB" or t.dep_ not in ("ROOT",):
            continue
        if any(c.dep_ in ("ccomp", "xcomp", "dobj", "obj", "parataxis") for c in children_of(t)):
            continue  # it says something of its own
        spk = speaker_head(t, exclude, None)
        if spk is not None and spk.i < t.i:
            return t, spk
    return None


_DASHES = {"―", "–", "—", "-", "--"}
_WIDEN_MIN_WORDS = 3


def _widened(doc, text, cue, tokens, exclude, blocked, region):
    """“X said that, “…” against …” / “X says she hopes …, but she knows that “…””: a quoted sentence
    deep inside a reporting verb's clause; PolNeAR's content is the whole clause. None otherwise."""
    if cue.pos_ == "NOUN" or cue.i > tokens[0].i:
        return None
    between = [t for t in view_of(doc).tokens[cue.i + 1:tokens[0].i] if not t.is_punct and not t.is_space]
    if len(between) < _WIDEN_MIN_WORDS or "\n" in text[cue.idx:region.start]:
        return None
    head = region_head(tokens)
    if head is None:
        return None
    heads = view_of(doc).heads
    cur, seen = head, 0
    while heads[cur.i] != cue.i and heads[cur.i] != cur.i and seen < 12:
        cur, seen = head_of(cur), seen + 1
        if cur.i not in exclude and is_cue(cur):
            return None  # a nearer reporting verb ("… and added: “…”") owns the quote
    if heads[cur.i] != cue.i or cur.dep_ not in ("ccomp", "xcomp"):
        return None
    span = complement_span(cue, head, blocked, region.end)
    if span is None:
        return None
    start, end = tidy(text, span[0], span[1], blocked)
    if start >= region.start or end < region.end - 2:
        return None
    return start, end


def _label_speaker(tokens, after, before, glued: str = ""):
    """(cue token, speaker head) for “…” — Name bylines and transcript labels ("PENCE: …")."""
    if glued and glued.strip("”\"'’") in _DASHES and after and after[0].pos_ == "PROPN":
        after = [tokens[-1], *after]  # the dash is glued to the closing mark: "…”― Name"
    if after and (after[0].text in _DASHES or after[0].i == tokens[-1].i) and len(after) > 1 and after[1].pos_ == "PROPN":
        run = [after[1]]
        for t in after[2:]:
            if t.pos_ != "PROPN":
                break
            run.append(t)
        return after[0], run[-1]
    words = [t for t in tokens if not t.is_punct or t.text == ":"]
    if len(words) > 2 and words[0].text.isupper() and len(words[0].text) > 1 and words[1].text == ":":
        return words[1], words[0]
    if before and before[-1].text == ":" and 1 < len(before) <= 4 and all(t.pos_ == "PROPN" or t.text == ":" for t in before):
        return before[-1], before[-2]
    if before and before[-1].text == ":" and len(before) > 2 and before[-2].ent_type_ in ("PERSON", "ORG") and \
            not any(is_cue(t) for t in before):
        # "… doesn't surprise pollster Daron Shaw: “…”": a name just before the colon speaks
        return before[-1], before[-2]
    return None


def _has_cue(doc, starts, a, b) -> bool:
    return any(is_cue(t) for t in _tokens_in(doc, starts, a, b))


def _next_sentence_frame(doc, end, paras, pi, blocked, starts):
    tokens = view_of(doc).tokens
    i = bisect.bisect_left(starts, end)
    if i >= len(tokens):
        return []
    tok = tokens[i]
    # skip the end of the quote's own sentence
    while tok.i < len(tokens) - 1 and tok.is_punct:
        tok = tokens[tok.i + 1]
    if tok.is_punct:
        return []
    ix = index_of(doc)
    sent_end = ix.sent_bounds(tok.i)[1]
    if sent_end - tok.i > 20:
        return []
    toks = tokens[tok.i:sent_end]
    if any(blocked.covers(t.idx) for t in toks):
        return []
    if ix.text.count("\n", end, tok.idx) > 2:
        return []
    return toks


# -- indirect --------------------------------------------------------------------------
def _indirect(doc, text, regions, drafts):
    blocked = SpanIndex((a, b) for r in regions for a, b in r.spans)
    used = {d.cue.i for d in drafts if d.cue is not None}
    taken = TakenSpans((a, b) for d in drafts for a, b in d.spans)
    out = []
    for cue, spans, head in indirect_candidates(doc, blocked):
        if cue.i in used or head is None and not any(c.dep_ == "nsubjpass" for c in children_of(cue)):
            continue  # "X was asked whether …": a passive cue's asker may go unnamed
        spans = [tidy(text, a, b, blocked) for a, b in spans]
        spans = [(a, b) for a, b in spans if b - a > 2]
        if not spans:
            continue
        words = sum(len(text[a:b].split()) for a, b in spans)
        if words < 3:
            continue
        if any(taken.overlaps(a, b) for a, b in spans):
            continue
        if any(blocked.cuts(a, b) for a, b in spans):
            continue  # content cuts through a quotation: the region steps handle it
        if head is not None and head.i >= min(t.i for t in doc.char_span(spans[0][0], spans[0][1], alignment_mode="expand") or [head]) and \
                any(a <= head.idx < b for a, b in spans):
            continue  # the speaker sits inside the content: a parse error
        kind = "mixed" if any(m in text[a:b] for a, b in spans for m in _DOUBLE_MARKS) else "indirect"
        out.append(_Draft(spans, kind, cue, head, spans[-1][1], 0, 0.6))
        used.add(cue.i)
        for a, b in spans:
            taken.add(a, b)
    return out


# -- record objects ----------------------------------------------------------------------
def _assemble(doc, record: Article, drafts: list[_Draft]) -> list[Quote]:
    text = record.text
    quotes: list[Quote] = []
    if not drafts:
        return quotes
    resolver = SpeakerResolver(doc, record)
    for d in drafts:
        try:
            speaker = resolver.resolve(d.head, tuple(d.spans)) if d.head is not None else None
        except Exception as exc:
            log.debug("speaker resolution failed: %s", exc)
            speaker = None
        if speaker is not None:
            resolver.note_speaker(d.head, speaker)
        cue = None
        if d.cue is not None:
            c = d.cue
            cue_end = c.idx + len(c)
            nxt = view_of(doc).nbor(c, 1)
            if c.lower_ == "according" and nxt is not None and nxt.lower_ == "to":
                cue_end = nxt.idx + len(nxt)
            lemma = "according to" if c.lower_ == "according" else c.lemma_.lower()
            cue = Cue(start=c.idx, end=cue_end, text=text[c.idx:cue_end], lemma=lemma if c.is_alpha else c.text)
        spans = sorted({(int(a), int(b)) for a, b in d.spans if b > a})
        if not spans:
            continue
        content = " … ".join(text[a:b] for a, b in spans)
        sentence = record.sentence_of(spans[0][0]) if record.sentences else _sent_index(doc, spans[0][0])
        conf = d.conf if speaker is not None and speaker.mention is not None else d.conf * 0.6
        quotes.append(Quote(id=f"Q{len(quotes) + 1}", kind=d.kind, spans=spans, text=content,
                            sentence=sentence, cue=cue, speaker=speaker or Speaker(),
                            confidence=round(min(max(conf, 0.0), 1.0), 2)))
    return quotes


def _sent_index(doc, pos: int) -> int:
    return index_of(doc).sent_index_at(pos)
