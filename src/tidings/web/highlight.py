"""The article's clean text as HTML with every extracted span marked, escaped throughout.

The text is cut at every span boundary; each piece becomes one <span> carrying the
classes and ids of all spans that cover it (`data-ids`), so nested and overlapping
spans need no nesting in the markup. Clicking a quote in the page lights up every
piece with its id, and those of its speaker (`S-<quote id>`) and cue (`C-<quote id>`).
The first piece of each event and quote carries its id as an HTML id (`#V3`, `#Q1`), so a link to
`/articles/{id}#V3` lands on the event and CSS lights it up (`:target`); where two start on the same
piece, the others wrap it in a `<span class="anchor" id=…>`.
"""
from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup, escape

from ..record import Article

__all__ = ["highlight_article", "event_summary", "Shown", "MAX_MARKS"]

ANCHORED = ("event", "quote")  # kinds whose first piece carries the mark's id as an HTML id
MAX_MARKS = 5000  # marks drawn on one page at most (the first ones in the text); the rest is plain text


@dataclass(frozen=True, slots=True)
class Mark:
    start: int
    end: int
    kind: str  # css class
    ident: str
    title: str = ""


def event_summary(record: Article, event) -> str:
    src = (event.source.code or event.source.name or "?") if event.source else "—"
    tgt = (event.target.code or event.target.name or "?") if event.target else "—"
    parts = [f"{src} → {event.cameo} {event.name or ''} → {tgt}".replace("  ", " ")]
    if event.goldstein is not None:
        parts.append(f"Goldstein {event.goldstein:+.1f}")
    parts.append(event.modality)
    if event.date and event.date.value:
        parts.append(f"{event.date.value} ({event.date.basis})")
    if event.place:
        place = next((p for p in record.places if p.id == event.place), None)
        if place:
            parts.append(place.name)
    return " · ".join(parts)


def _marks(record: Article) -> list[Mark]:
    marks: list[Mark] = []
    for e in record.entities:
        kind = {"PERSON": "person", "ORG": "org", "PLACE": "placeent", "NORP": "norp"}.get(e.type, "ent")
        title = e.name + (f" · {e.role}" if e.role else "") + (f" · {e.actor_code}" if e.actor_code else "")
        for m in e.mentions:
            marks.append(Mark(m.start, m.end, kind, e.id, title))
    for q in record.quotes:
        who = q.speaker.name or (q.speaker.mention.text if q.speaker.mention else "unknown speaker")
        for start, end in q.spans:
            marks.append(Mark(start, end, f"quote {q.kind}", q.id, f"{q.kind} quote · {who}"))
        if q.speaker.mention:
            marks.append(Mark(q.speaker.mention.start, q.speaker.mention.end, "speaker", f"S-{q.id}", f"speaker of {q.id}"))
        if q.cue:
            marks.append(Mark(q.cue.start, q.cue.end, "cue", f"C-{q.id}", f"cue of {q.id}: {q.cue.lemma}"))
    for v in record.events:
        marks.append(Mark(v.action.start, v.action.end, f"event {v.modality}", v.id, event_summary(record, v)))
    for n in record.quantities:
        marks.append(Mark(n.start, n.end, "number", n.id, f"{n.value:g} {n.counted or n.unit or ''}".strip()
                          if n.value is not None else n.text))
    for t in record.times:
        if t.removed_line is None:
            marks.append(Mark(t.start, t.end, "time", t.id, f"{t.type} {t.value}"))
    for p in record.places:
        marks.append(Mark(p.start, p.end, "place", p.id, f"{p.name}, {p.country or ''} ({p.lat:.2f}, {p.lon:.2f})"))
    n = len(record.text)
    return [m for m in marks if 0 <= m.start < m.end <= n]


def _paragraphs(text: str) -> list[tuple[int, int]]:
    out, start = [], 0
    while start <= len(text):
        end = text.find("\n\n", start)
        end = len(text) if end < 0 else end
        if end > start:
            out.append((start, end))
        start = end + 2
    return out


@dataclass(frozen=True, slots=True)
class Shown:
    """How many marks were drawn, of how many; past `until` (a character offset) the text is plain."""
    drawn: int
    total: int
    until: int | None


def highlight_article(record: Article, max_marks: int = MAX_MARKS) -> tuple[Markup, Shown]:
    """One <p> per paragraph; inside, one <span> per piece of text covered by the same marks.

    One sweep over the sorted cut points, O((text + marks) · log marks + pieces × marks covering a
    piece); at most `max_marks` marks are drawn, the first ones in the text.
    """
    text = record.text
    marks = sorted(enumerate(_marks(record)), key=lambda im: (im[1].start, im[0]))
    total, until = len(marks), None
    if total > max_marks:
        until = marks[max_marks][1].start
        marks = marks[:max_marks]
    starts: dict[int, list[int]] = {}
    ends: dict[int, list[int]] = {}
    by_index = {}
    for i, m in marks:
        by_index[i] = m
        starts.setdefault(m.start, []).append(i)
        ends.setdefault(m.end, []).append(i)
    paragraphs = _paragraphs(text)
    cuts = sorted({*starts, *ends, *(p for bounds in paragraphs for p in bounds)})
    html: list[str] = []
    out: list[str] = []
    active: set[int] = set()
    anchored: set[str] = set()  # ids already given to a piece (a quote of several spans gets one)
    attrs: dict[tuple, str] = {}  # active marks → the opening tag (the same set recurs often)
    p_index, p_open = 0, False
    for a, b in zip(cuts, cuts[1:]):
        for i in ends.get(a, ()):
            active.discard(i)
        active.update(starts.get(a, ()))
        while p_index < len(paragraphs) and paragraphs[p_index][1] <= a:  # close paragraphs ending here
            if p_open:
                html.append("<p>" + "".join(out) + "</p>")
                out, p_open = [], False
            p_index += 1
        if p_index >= len(paragraphs) or a < paragraphs[p_index][0]:
            continue  # between paragraphs
        p_open = True
        body = str(escape(text[a:b])).replace("\n", "<br>")
        if not active:
            out.append(body)
            continue
        anchors = []
        for i in starts.get(a, ()):
            m = by_index[i]
            if m.kind.split()[0] in ANCHORED and m.ident not in anchored:
                anchored.add(m.ident)
                anchors.append(m.ident)
        key = tuple(sorted(active))
        tag = attrs.get(key)
        if tag is None:
            covering = [by_index[i] for i in key]
            classes = " ".join(sorted({c for m in covering for c in m.kind.split()}))
            ids = " ".join(dict.fromkeys(m.ident for m in covering))
            title = " | ".join(dict.fromkeys(m.title for m in covering if m.title))
            tag = attrs[key] = f'<span class="mark {escape(classes)}" data-ids="{escape(ids)}" title="{escape(title)}">'
        if anchors:
            first, *others = anchors
            piece = f'<span id="{escape(first)}" {tag[6:]}{body}</span>'
            for ident in others:
                piece = f'<span class="anchor" id="{escape(ident)}">{piece}</span>'
            out.append(piece)
        else:
            out.append(f"{tag}{body}</span>")
    if p_open:
        html.append("<p>" + "".join(out) + "</p>")
    return Markup("\n".join(html)), Shown(len(marks), total, until)
