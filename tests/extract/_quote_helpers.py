"""Run the quote extractor on sentences written for the tests, with entities given by hand."""
from __future__ import annotations

from tidings.extract._doc import DocView
from tidings.record import Article, Entity, Mention, Sentence


def _entities(text: str, specs: list[tuple[str, str, list[str]]]) -> list[Entity]:
    """Entities by hand: (canonical name, type, surface forms); mentions found by search."""
    out = []
    for i, (name, etype, forms) in enumerate(specs, 1):
        mentions = []
        for form in forms:
            start = 0
            while (pos := text.find(form, start)) >= 0:
                mentions.append(Mention(start=pos, end=pos + len(form), text=form, sentence=0))
                start = pos + len(form)
        out.append(Entity(id=f"E{i}", name=name, type=etype, aliases=[f for f in forms if f != name],
                          mentions=sorted(mentions, key=lambda m: m.start)))
    return out


def run(nlp, text: str, specs=()):
    from tidings.extract.quotes import extract_quotes

    doc = nlp(text)
    art = Article(id="t", text=text, sentences=[Sentence(start=s.start_char, end=s.end_char) for s in doc.sents])
    art.entities = _entities(text, list(specs))
    return art, extract_quotes(DocView(doc, text), art)


def quote_with(quotes, fragment: str, text: str):
    pos = text.find(fragment)
    assert pos >= 0
    hits = [q for q in quotes if any(a <= pos < b for a, b in q.spans)]
    assert hits, f"no quote holds {fragment!r}: {[q.text for q in quotes]}"
    return hits[0]
