"""Events the verb lexicon cannot see from the verb alone (data: data/cameo/senses.yaml).

- An organisation of states enlarged to take in new members admits them (057): "NATO has been
  expanded to include Greece and Turkey" → NATO 057 GRC, NATO 057 TUR.
"""
from __future__ import annotations

from functools import cache
from pathlib import Path

import yaml

from .actors import is_passive

__all__ = ["enlarging_body", "newcomers"]

DATA = Path(__file__).resolve().parents[2] / "data" / "cameo" / "recall.yaml"


@cache
def _data() -> dict:
    data = yaml.safe_load(DATA.read_text(encoding="utf-8"))
    return {k: frozenset(v) for k, v in data.items()}


def enlarging_body(res, tok):
    """The IGO-coded actor that verb `tok` ("include", "take in") says was enlarged to take in its
    objects ("it has been expanded to include Greece": NATO, with "it" resolved), or None."""
    s = _data()
    d, i = res.d, tok.i
    head = d.heads[i]
    if d.lemma[i] not in s["including_verbs"] or d.lemma[head] not in s["enlarging_verbs"]:
        return None
    if not (d.dep[i] == "xcomp" or d.dep[i] == "advcl" and any(d.lower[a] == "to" for a in d.kids[i])):
        return None  # "expanded to include …" (the parser may call the to-clause advcl)
    if not any(d.dep[c] == "dobj" for c in d.kids[i]):
        return None
    enlarged = d.tokens[head]
    for ref in (res.passive_target(enlarged) if is_passive(d, head) else res.subject(enlarged)):
        if ref is not None and ref.code and ref.code.startswith("IGO"):
            return ref
    return None


def newcomers(res, tok) -> list:
    """Who verb `tok` of `enlarging_body` takes in: its objects, and the countries of a list of dates
    that the parser hangs elsewhere ("to include Greece in 1952, Germany in 1955 and Spain in 1982":
    the later ones on the year or on the verb of enlargement)."""
    d = res.d
    out = list(res.objects(tok))
    seen = {r.code for r in out if r is not None}
    head = d.heads[tok.i]
    later = [c for c in d.subtree(tok.i) if c > tok.i] + [c for c in d.kids[head] if c > tok.i]
    for c in later:
        if d.pos[c] != "PROPN" or d.dep[c] not in ("npadvmod", "conj", "appos", "dobj"):
            continue
        for r in res.group(d.tokens[c]):
            if r is not None and r.code and len(r.code) == 3 and r.code not in seen:
                seen.add(r.code)
                out.append(r)
    return out
