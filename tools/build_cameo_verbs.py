"""Compile the PETRARCH-2 CAMEO verb dictionary and discard list into src/tidings/data/cameo/.

    python tools/build_cameo_verbs.py [--source ../shared/reference/petrarch/CAMEO.2.0.txt]

The source (MIT, Open Event Data Alliance; see data/cameo/NOTICE.petrarch) holds synonym sets
(`&WEAPON` then `+WORD` lines) and verb blocks: a header `---  NAME  [code]  ---`, verb lines
(`WORD [code]`, irregular forms in braces, `+WORD_PART` for multi-word verbs) and pattern lines
`- words * words [code]  # VERB`, where `*` is the verb, `$`/`+`/`^`/`%` mark actors, `( … )` a
prepositional phrase, `{ … }` a multi-word noun phrase and `&NAME` a synonym set.

Output, read by extract/_event_lexicon.py:
  {"about": …, "blocks": [[[code, [slot before the verb, …], [slot after it, …]], …], …],
   "verbs": {"lemma" or "lemma particle": [default code or null, block index, code is the verb's own]}}
A slot is a list of alternatives (lower case; a trailing "_" means the whole word, otherwise a
stem that a word may extend). Pattern order is the dictionary's; `[---]` is kept as code null (a
sense that codes nothing). The verb's own code wins over its block's; a block's `---` is null.
"""
from __future__ import annotations

import argparse
import json
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_SOURCE = ROOT.parent / "shared" / "reference" / "petrarch" / "CAMEO.2.0.txt"
OUT = ROOT / "src" / "tidings" / "data" / "cameo" / "petrarch_verbs.json"
DISCARDS = DEFAULT_SOURCE.with_name("Phoenix.discards.txt")
DISCARDS_OUT = OUT.with_name("discards.json")
# PETRARCH drops sentences with old years and "years ago"; tidings codes them with the modality
# `historical` instead, so those sentence-level entries are left out
_TEMPORAL = re.compile(r"\b(1[0-9]{3}|20[0-9]{2}|ago|later|earlier)\b", re.I)

_HEADER = re.compile(r"^---\s+(\S+)\s+\[([^\]]*)\]\s+---")
_CODE = re.compile(r"\[([^\]]*)\]")
# words before the verb that say tense, voice or negation: the parse has them as aux/neg, not as words to match
_FUNCTION = {"will", "would", "not", "been", "be", "has", "have", "had", "was", "were", "is", "are", "by", "to",
             "that", "the", "a", "an", "and", "of"}


def _code(raw: str) -> str | None:
    code = raw.strip().split(":")[0].strip()
    return code if code and code != "---" and code.isdigit() else None


def _word(raw: str) -> str:
    return raw.lower().replace("_", " ").strip() + ("_" if raw.endswith("_") else "")


def parse(text: str) -> tuple[dict, dict, int]:
    synsets: dict[str, list[str]] = {}
    verbs: dict[str, list] = {}
    blocks: list[list] = []
    skipped = 0
    in_patterns = False
    current_set = None
    block_code: str | None = None
    block_verbs: list[str] = []
    block_patterns: list = []

    def close_block():
        if block_verbs:
            for v in block_verbs:
                verbs[v][1] = len(blocks)
            blocks.append(block_patterns)

    for line in text.splitlines():
        body = line.split("#", 1)[0].rstrip()
        if "VERB PATTERNS" in line:
            in_patterns = True
            current_set = None
            continue
        if not body.strip():
            current_set = None
            continue
        if not in_patterns:
            if body.startswith("&"):
                current_set = body[1:].strip().rstrip("_").upper()
                synsets[current_set] = []
            elif body.startswith("+") and current_set:
                synsets[current_set].append(_word(body[1:].strip()))
            continue
        head = _HEADER.match(body)
        if head:
            close_block()
            block_code, block_verbs, block_patterns = _code(head.group(2)), [], []
            continue
        if body.startswith("- "):
            m = _CODE.search(body)
            if not m:
                skipped += 1
                continue
            words = body[2:m.start()].replace("(", " ").replace(")", " ").replace("{", " ").replace("}", " ").split()
            if "*" not in words:
                skipped += 1
                continue
            star = words.index("*")
            pre, post = [], []
            for n, w in enumerate(words):
                slots = pre if n < star else post
                if w in ("*", "$", "+", "^", "%") or not re.search(r"[A-Za-z&]", w):
                    continue
                w = w.strip("$+^%")
                if w.startswith("&"):
                    alts = synsets.get(w[1:].rstrip("_").upper())
                    if not alts:
                        continue
                    slots.append(sorted(set(alts)))
                elif n < star and w.lower().rstrip("_") in _FUNCTION:
                    continue
                elif w.lower().rstrip("_") in ("the", "a", "an"):
                    continue
                else:
                    slots.append([_word(w)])
            if pre or post:
                block_patterns.append([_code(m.group(1)), pre, post])
            continue
        # a verb line: WORD or +MULTI_WORD, optional {forms}, optional [code]
        name = body.split("{")[0].split("[")[0].strip()
        if not name or " " in name:
            skipped += 1
            continue
        m = _CODE.search(body.split("}")[-1])
        own = _code(m.group(1)) if m else None
        if m and m.group(1).strip() == "---":
            own = None
        lemma = name.lstrip("+").lower().replace("_", " ").strip()
        if not re.fullmatch(r"[a-z][a-z' -]*", lemma):
            skipped += 1
            continue
        code = own if m else block_code
        if lemma not in verbs:
            verbs[lemma] = [code, None, bool(m and own)]
            block_verbs.append(lemma)
    close_block()
    return synsets, verbs, blocks, skipped


def parse_discards(text: str) -> dict[str, list[str]]:
    """Story-level (`+PHRASE`) and sentence-level (`PHRASE`) discard phrases, lower case."""
    story, sentence = set(), set()
    for line in text.splitlines():
        body = line.split("#", 1)[0].strip()
        if not body:
            continue
        whole = body.startswith("+")
        phrase = " ".join(body.lstrip("+").replace("_", " ").split()).lower()
        if not phrase or not re.search(r"[a-z]", phrase):
            continue
        if whole:
            story.add(phrase)
        elif not _TEMPORAL.search(phrase):
            sentence.add(phrase)
    return {"story": sorted(story), "sentence": sorted(sentence)}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--source", type=Path, default=DEFAULT_SOURCE)
    ap.add_argument("--out", type=Path, default=OUT)
    ap.add_argument("--discards", type=Path, default=DISCARDS)
    ap.add_argument("--discards-out", type=Path, default=DISCARDS_OUT)
    args = ap.parse_args()
    discards = parse_discards(args.discards.read_text(encoding="utf-8", errors="replace"))
    args.discards_out.write_text(json.dumps({
        "about": "Compiled by tools/build_cameo_verbs.py from PETRARCH-2 Phoenix.discards.txt (MIT, Open Event "
                 "Data Alliance; data/cameo/NOTICE.petrarch): phrases whose story (story) or sentence (sentence) "
                 "codes no event (sports, entertainment, ...). Sentence entries naming years or 'ago'/'later' "
                 "are left out: tidings codes those events as historical.",
        **discards}, ensure_ascii=False, indent=0) + "\n", encoding="utf-8")
    print(f"wrote {args.discards_out}: {len(discards['story'])} story and {len(discards['sentence'])} sentence phrases")
    synsets, verbs, blocks, skipped = parse(args.source.read_text(encoding="utf-8", errors="replace"))
    verbs = {k: v for k, v in sorted(verbs.items()) if v[0] or any(p[0] for p in blocks[v[1]])}
    data = {"about": "Compiled by tools/build_cameo_verbs.py from PETRARCH-2 CAMEO.2.0.txt (MIT, Copyright (c) "
                     "2015 Open Event Data Alliance; data/cameo/NOTICE.petrarch). blocks: [[code, [slot before the verb, ...], [slot after "
                     "it, ...]], ...] per verb block, a slot being a list of alternatives; verbs: lemma -> [default code, block, whether the code is the verb's own rather than its block's]; null codes a sense that codes nothing.",
            "blocks": blocks, "verbs": verbs}
    args.out.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=True) + "\n",
                        encoding="utf-8")
    n_pat = sum(len(b) for b in blocks)
    print(f"wrote {args.out}: {len(verbs)} verbs, {n_pat} patterns, {len(synsets)} synonym sets; {skipped} lines skipped")


if __name__ == "__main__":
    main()
