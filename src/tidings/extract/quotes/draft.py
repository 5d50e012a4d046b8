"""A quote in the making: its spans, kind, cue and speaker token, before the record's Quote is built."""
from __future__ import annotations

from .marks import Region

__all__ = ["Draft", "inner"]


class Draft:
    __slots__ = ("spans", "kind", "cue", "head", "frame_end", "para", "conf", "region", "goes_on")

    def __init__(self, spans, kind, cue, head, frame_end, para, conf, region=None, goes_on=False):
        self.spans = list(spans)
        self.kind = kind
        self.cue = cue
        self.head = head
        self.frame_end = frame_end
        self.para = para
        self.conf = conf
        self.region = region
        self.goes_on = goes_on  # a quotation the next cue-less quotation may continue, as a direct one

    @property
    def start(self) -> int:
        return self.spans[0][0]


def inner(text: str, region: Region) -> str:
    """A region's words without its marks."""
    return " ".join(text[a:b] for a, b in region.spans).strip(" \"“”„«»‟'‘’`\n")
