"""Where an act happens and where its actor goes: visits (042) to the countries a travel verb
names, the host of a visit named without a destination, and the country where an act with no
named target was done. Rules and word lists in data/cameo/senses.yaml."""
from __future__ import annotations

from .refs import ActorRef
from .senses import senses, thing_subject

__all__ = ["is_visit_verb", "visit_target", "host_country", "scene_target", "inspected_host"]

# acts done to a place-like object, whose own "in X" phrase says where (not "prevent attacks in the U.S.")
_PLACE_OBJECT_ROOTS = {"09", "15", "18", "19", "20"}


def is_visit_verb(d, i: int) -> bool:
    """A verb of travel, or of staying somewhere for a stretch of time ("spent five hours in …")."""
    s = senses()
    if d.lemma[i] in s["visit_verbs"]:
        return True
    if d.lemma[i] == "be" and d.pos[i] == "AUX" and any(d.dep[c] == "prep" and d.lower[c] == "in" for c in d.kids[i]) \
            and any(d.dep[c] == "nsubj" for c in d.kids[i]):
        return True  # "when he was in Tokyo": an official abroad is visiting (the traveller's sector is checked below)
    return d.lemma[i] in s["stay_verbs"] and any(
        d.dep[c] in ("dobj", "npadvmod") and d.lemma[c] in s["time_nouns"] for c in d.kids[i])


def visit_target(res, tok, sources: list) -> list:
    """The countries someone travels to, as actors, when `tok` is a travel verb with destinations
    in another country than the traveller's (when the traveller's is known); else []. "Spend five
    hours in Dar es Salaam, Tanzania, and then four in Nairobi, Kenya" visits both."""
    s = senses()
    d, i = res.d, tok.i
    if not sources or sources[0] is None or not is_visit_verb(d, i):
        return []
    if thing_subject(res, tok):
        return []  # "less EU farm money came to the UK": things do not visit
    code = sources[0].code or ""
    if d.lemma[i] == "be" and code[3:6] not in s["visiting_sectors"]:
        return []  # "the bomb was in Belfast", "fans were in Tokyo": being somewhere is a visit only for officials
    found = _place_countries_in(res, tok, s["visit_preps"])[:1]
    if d.lemma[i] in s["stay_verbs"]:  # "spent five hours in Tanzania … and four hours in Kenya": each spell's place
        for c in d.subtree(i):
            if d.lemma[c] in s["time_nouns"] and d.dep[c] in ("dobj", "conj"):
                found += [f for f in _place_countries_in(res, res.tokens[c], s["visit_preps"])[:1]
                          if all(f[0] != g[0] for g in found)]
    if not found and d.lemma[i] != "be" and any(d.dep[c] == "prep" and d.lower[c] in ("to", "for") and any(
            d.dep[p] == "pobj" and d.pos[p] == "PROPN" for p in d.kids[c]) for c in d.kids[i]):
        host = host_country(res, sources[0])  # "headed to East Africa" (a region): where the story is filed
        return [host] if host is not None else []
    if not found and res.dateline_place is not None and any(
            d.dep[c] == "advmod" and d.lower[c] in s["here_words"] for c in d.kids[i]):
        host = host_country(res, sources[0])  # "will fly here next month": where the story is filed (eighth round)
        return [host] if host is not None else []
    return [ActorRef(country, place.entity, place.name, place.start, place.end) for country, place in found
            if country != code[:3] and (code or country != res.home)]  # not travel at home


def host_country(res, source):
    """The country a visit without a named destination goes to: the dateline's country (a wire
    story about a visit is filed from where it happens), else the country the article is about,
    when that is not the visitor's own; as an actor, or None."""
    if source is None or not source.code:
        return None
    place = res.dateline_place
    country = place.country if place is not None else res.home
    if not country or country == source.code[:3]:
        return None
    if place is None:
        return ActorRef(country, None, country, None, None)
    return ActorRef(country, place.entity, place.name, place.start, place.end)


def scene_target(res, tok, code: str, sources: list) -> list:
    """For an act with no named target, the countries where it was done, as actors (none found: [])."""
    preps = senses()["scene_targets"].get(code[:2])
    if preps is None:
        return []
    home = {(r.code or "")[:3] for r in sources if r is not None}
    d = res.d
    found = _place_countries_in(res, tok, preps)
    if not found and code[:2] in _PLACE_OBJECT_ROOTS:  # "inspected three sites in Iran", "shelled positions in Lebanon"
        found = [f for c in d.kids[tok.i] if d.dep[c] == "dobj" for f in _place_countries_in(res, res.tokens[c], preps)]
    if not found and code[:2] == "09":
        return inspected_host(res, tok, sources)  # "visited four more sites" in copy filed from Damascus
    # police acting at home: no target from the place
    return [ActorRef(country, place.entity, place.name, place.start, place.end)
            for country, place in found if country not in home]


def inspected_host(res, tok, sources: list) -> list:
    """For an inspection (09) of sites with no place named, the country the story is filed from, when
    not the inspector's own ("visited four more sites", "a tour of two depots"), as a target list."""
    if not sources or sources[0] is None or not _sites_inspected(res, tok):
        return []
    host = host_country(res, sources[0])
    return [host] if host is not None else []


def _sites_inspected(res, tok) -> bool:
    """Whether what an inspection's verb or noun acts on is a site with no place named ("visited four
    more sites", "a tour of two depots"): senses.yaml inspected_sites."""
    d, sites = res.d, senses()["inspected_sites"]
    objs = [c for c in d.kids[tok.i] if d.dep[c] == "dobj" or (d.dep[c] == "prep" and d.lower[c] == "of")]
    return any(d.lemma[t] in sites for c in objs for t in d.subtree(c)[:12])


def _place_countries_in(res, tok, preps) -> list[tuple]:
    """(country, place) of each country or town named in one of `preps` phrases of `tok`, the
    places joined to the first by "and" included ("raided in Sudan and Afghanistan")."""
    d = res.d
    out: list[tuple] = []
    for c in d.kids[tok.i]:
        if d.dep[c] != "prep" or d.lower[c] not in preps:
            continue
        objs = [p for p in d.kids[c] if d.dep[p] == "pobj"]
        objs += [q for p in objs for q in d.kids[p] if d.dep[q] == "conj"]
        for p in objs:
            start, end = d.idx[p], d.idx[p] + len(d.text[p])
            for place in res.record.places:
                if place.start < end and start < place.end and place.country \
                        and (place.feature_code or "")[:3] in ("PCL", "PPL", "ADM") \
                        and all(place.country != seen[0] for seen in out):
                    out.append((place.country, place))
                    break
        if out:
            return out
    return out
