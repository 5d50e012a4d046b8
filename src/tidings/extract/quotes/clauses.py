"""Quotations the parse links to no reporting verb above them, read from the clause around them:
a cue set off by commas before the quotation, or a cue right after a quotation that runs over a
sentence end."""
from __future__ import annotations

from .._doc import view_of
from .attrib import clause_around, find_cue, frame_tokens, speaker_head, tidy
from .cues import is_cue
from .draft import Draft, inner
from .index import children_of, head_of, index_of

__all__ = ["parenthetical", "cued_after"]

_CLAUSE_DEPTH = 4  # "But, Moreno added, she did not favour imposing curfews “at random.”"


def parenthetical(text, region, tokens, head, exclude, blocked):
    """"But, he said, “there's a line …”" / "These sources, the lawyers said, “all command …” that …":
    a reporting verb set off by commas before the quotation, hanging on the clause that holds it.
    The content is that clause, the cue's words inside it (PolNeAR's reading)."""
    cue = None
    for _ in range(_CLAUSE_DEPTH):  # the quotation's head, then the clause heads above it
        if head is None:
            return None
        cues = [c for c in children_of(head) if c.dep_ == "parataxis" and c.i < tokens[0].i and c.i not in exclude
                and is_cue(c)]
        if cues:
            cue = cues[-1]
            break
        up = head_of(head)
        if up.i == head.i:
            return None
        head = up
    if cue is None:
        return None
    spk = speaker_head(cue, exclude, None)
    if spk is None:
        return None
    runs = clause_around(cue)
    if not runs:
        return None
    start, end = tidy(text, min(runs[0][0], region.start), max(runs[-1][1], region.end), blocked)
    if end <= start:
        return None
    kind = "direct" if end - start <= 1.2 * (region.end - region.start) else "mixed"
    return Draft([(start, end)], kind, cue, spk, end, 0, 0.7, region)


def cued_after(doc, text, region, tokens, exclude, blocked):
    """"The union's backing “came just in time … Harris,” said Lindqvist.": a quotation that starts inside
    its sentence, ends with a comma and is followed at once by its cue. The parse may miss the link (the
    quotation runs over a sentence end); the content runs from its sentence's start to the closing mark."""
    if inner(text, region).rstrip()[-1:] not in (",", "?", "!"):
        return None
    para_end = text.find("\n", region.end)
    para_end = len(text) if para_end < 0 else para_end
    after = frame_tokens(doc, region.start, region.end, (region.start, para_end),
                         blocked.excluding(region.start, region.end), "after")
    cue, spk = find_cue(after[:4], exclude)
    if cue is None or spk is None or spk.pos_ == "PRON" and spk.i < cue.i:
        return None  # "…,” he said" with no name: the region step's continuation rules own those
    ix = index_of(doc)
    first = ix.sent_bounds(tokens[0].i)[0]
    start = max(view_of(doc).tokens[first].idx, text.rfind("\n", 0, region.start) + 1)
    start, end = tidy(text, start, region.end, blocked)
    if end <= start:
        return None
    kind = "direct" if start >= region.start else "mixed"
    return Draft([(start, end)], kind, cue, spk, after[-1].idx + len(after[-1]), 0, 0.7, region, goes_on=True)
