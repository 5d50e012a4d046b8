#!/usr/bin/env python3
"""Compile the Phoenix / PETRARCH-2 actor and agent dictionaries into tidings' data files.

    python tools/build_phoenix_data.py [--src ../shared/reference/petrarch] [--out src/tidings/data/actors]

Reads Phoenix.Countries.actors.txt, Phoenix.International.actors.txt,
Phoenix.MilNonState.actors.txt and Phoenix.agents.txt (openeventdata/petrarch2, commit
676801cd9cb2924bbbad09f86d15c9323e7097bf, MIT) and writes, deterministically:

- phoenix_actors.tsv: form, code, valid_from, valid_to, kind — one row per name form and
  code, in dictionary order (that order is the priority among the codes of one form).
  form: lower-case words separated by spaces ("gordon brown", "u.n.", "ban ki-moon");
  valid_from / valid_to: ISO dates, both INCLUSIVE as in PETRARCH, empty when open;
  a row with both empty is the entry's default code. kind: person | country | city | org | group.
- phoenix_agents.tsv: form, code — agent nouns (singular and plural) → sector code
  ("police" → COP, "troops" → MIL), "~" dropped.
- NOTICE.phoenix: the MIT licence and provenance.

Actor-file format (TABARI / PETRARCH): a primary line `NAME_WORDS_ [CODE]` (or without a
code: it then shares the codes given next), `+SYNONYM` lines, tab-indented `[CODE dates]`
lines; dates are `YYMMDD-YYMMDD`, `>YYMMDD` (from), `<YYMMDD` (until), 6 or 8 digits.
Two-digit years follow PETRARCH's own pivot: 00-30 → 2000-2030, 31-99 → 1931-1999
(680101 → 1968-01-01, 030101 → 2003-01-01); 8-digit dates are read as YYYYMMDD.
`#` starts a comment. A parenthesised acronym at the end of a name ("…_(ETA)_") also
gives the acronym as a form. Malformed lines and date ranges are skipped and counted.
"""
from __future__ import annotations

import argparse
import re
import sys
import unicodedata
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_SRC = ROOT.parent / "shared" / "reference" / "petrarch"
DEFAULT_OUT = ROOT / "src" / "tidings" / "data" / "actors"
ACTOR_FILES = ("Phoenix.Countries.actors.txt", "Phoenix.International.actors.txt", "Phoenix.MilNonState.actors.txt")
AGENT_FILE = "Phoenix.agents.txt"
COMMIT = "676801cd9cb2924bbbad09f86d15c9323e7097bf"
PIVOT = 30  # two-digit years 00..PIVOT are 20YY, the rest 19YY (PETRARCH's dstr_to_ordate)

# Codes that are a bare role with no country or organisation: they say nothing an actor
# code can use ("[ELI]" after an IGO official's dated code), so they are not kept.
BARE_CODES = {"ELI", "---"}
# Words that make a name an institution rather than a person (kind org, not person)
INSTITUTION_WORDS = {
    "army", "forces", "force", "ministry", "party", "council", "congress", "parliament", "assembly",
    "court", "police", "agency", "office", "department", "committee", "commission", "government",
    "front", "movement", "brigade", "brigades", "organization", "organisation", "union", "league",
    "bank", "fund", "senate", "house", "palace", "street", "headquarters", "navy", "guard", "guards",
    "service", "services", "bureau", "institute", "authority", "secretariat", "cabinet", "tribunal",
    "group", "alliance", "association", "federation", "republic", "kingdom", "state", "states",
    "people's", "peoples", "national", "international", "secretary", "minister", "president",
    "chief", "leader", "general", "legion", "militia", "corps", "unit", "units", "cells", "the",
}
CODE_RE = re.compile(r"[A-Z0-9]{3,18}")
HEADER = ("# Compiled by tools/build_phoenix_data.py from the Phoenix / PETRARCH-2 dictionaries\n"
          f"# (openeventdata/petrarch2 commit {COMMIT}, MIT licence: see NOTICE.phoenix).\n")


class BadLine(ValueError):
    pass


def parse_day(text: str) -> date:
    """A PETRARCH date: YYMMDD (pivot 30) or YYYYMMDD."""
    if not text.isdigit() or len(text) not in (6, 8):
        raise BadLine(f"date {text!r} is neither YYMMDD nor YYYYMMDD")
    if len(text) == 6:
        yy = int(text[:2])
        year, rest = (2000 + yy if yy <= PIVOT else 1900 + yy), text[2:]
    else:
        year, rest = int(text[:4]), text[4:]
    try:
        return date(year, int(rest[:2]), int(rest[2:4]))
    except ValueError:
        raise BadLine(f"date {text!r} is not a calendar day") from None


def parse_code(inner: str) -> tuple[str, date | None, date | None]:
    """`CODE`, `CODE YYMMDD-YYMMDD`, `CODE >YYMMDD`, `CODE <YYMMDD` → (code, from, to)."""
    parts = inner.strip().split(None, 1)
    if not parts:
        raise BadLine("empty code")
    code = parts[0].lstrip("~")
    if code != "---" and not CODE_RE.fullmatch(code):
        raise BadLine(f"code {code!r} is not an actor code")
    rest = parts[1].replace(" ", "") if len(parts) > 1 else ""
    if not rest:
        return code, None, None
    if rest[0] in "<>":
        day = parse_day(rest[1:])
        return (code, None, day) if rest[0] == "<" else (code, day, None)
    start, dash, end = rest.partition("-")
    if not dash:
        raise BadLine(f"date restriction {rest!r} has no range")
    first, last = parse_day(start), parse_day(end)
    if last < first:
        raise BadLine(f"range {rest!r} ends before it starts")
    return code, first, last


def ascii_fold(text: str) -> str:
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")


def forms_of(phrase: str) -> list[str]:
    """`BASQUE_FATHERLAND_AND_FREEDOM_(ETA)_` → ["basque fatherland and freedom", "eta"]."""
    phrase = ascii_fold(phrase).strip().strip("+").strip()
    out = []
    acro = re.search(r"_?\(([A-Z][A-Z0-9.&-]{1,9})\)_?$", phrase)
    if acro:
        out.append(acro.group(1))
        phrase = phrase[:acro.start()]
    phrase = phrase.replace("(", " ").replace(")", " ")
    out.insert(0, phrase)
    forms = []
    for p in out:
        words = " ".join(p.replace("_", " ").lower().split())
        if words and any(c.isalpha() for c in words) and words not in forms:
            forms.append(words)
    return forms


def _kind(form: str, source: str, block_codes: list, in_country_block: bool, primary: str) -> str:
    if in_country_block:
        return "country" if _country_like(form, primary) else "city"
    words = set(form.split())
    dated = any(f or t for _, f, t in block_codes)
    if source == "Phoenix.MilNonState.actors.txt":
        return "person" if dated and not words & INSTITUTION_WORDS else "group"
    if words & INSTITUTION_WORDS or len(words) > 5:
        return "org"
    if dated or (source == "Phoenix.Countries.actors.txt" and len(words) > 1):
        return "person"  # "erdogan" with dated codes, "sam rainsy"; not "bundesrat" or "dgse"
    return "org"


def _country_like(form: str, primary: str) -> bool:
    """A country name or adjective (not a city) of a country block: it resembles the primary
    name ("afghan", "afganistan") or is a country name or demonym of tidings' countries.json."""
    from difflib import SequenceMatcher

    if form in _country_words():
        return True
    key = primary.split()[0]
    for w in form.split():
        if len(w) >= 4 and (w[:4] == key[:4] or SequenceMatcher(None, w, key).ratio() >= 0.75):
            return True
    return False


_COUNTRY_WORDS: set[str] = set()


def _country_words() -> set[str]:
    if not _COUNTRY_WORDS:
        import json

        for c in json.loads((ROOT / "src" / "tidings" / "data" / "actors" / "countries.json").read_text(encoding="utf-8")):
            for word in (c["name"], *c["aliases"], *c["demonyms"]):
                _COUNTRY_WORDS.add(" ".join(ascii_fold(word).lower().split()))
    return _COUNTRY_WORDS


def read_actor_file(path: Path, counts: dict) -> list[tuple[str, str, str, str, str]]:
    """Rows (form, code, from, to, kind) of one actor file, in file order."""
    rows: list[tuple[str, str, str, str, str]] = []
    block_forms: list[str] = []  # phrases waiting for their codes
    block_codes: list = []
    block_primary: list[str] = []

    def flush():
        if block_forms and block_codes:
            primary = block_primary[0] if block_primary else block_forms[0]
            country_block = path.name == ACTOR_FILES[0] and all(_is_country_code(c) for c, _, _ in block_codes)
            base = forms_of(primary)[0] if forms_of(primary) else ""
            seen = set()
            for phrase in block_forms:
                for form in forms_of(phrase):
                    kind = _kind(form, path.name, block_codes, country_block, base)
                    for code, first, last in block_codes:
                        key = (form, code, first, last)
                        if key in seen:
                            continue
                        seen.add(key)
                        rows.append((form, code, first.isoformat() if first else "",
                                     last.isoformat() if last else "", kind))
        elif block_forms:
            counts["names without a code"] = counts.get("names without a code", 0) + len(block_forms)
        block_forms.clear()
        block_codes.clear()
        block_primary.clear()

    def add_codes(text: str, lineno: int) -> bool:
        found = re.findall(r"\[([^\]]*)\]", text)
        ok = True
        for inner in found:
            try:
                code, first, last = parse_code(inner)
            except BadLine as exc:
                counts["malformed code"] = counts.get("malformed code", 0) + 1
                print(f"  skipped {path.name}:{lineno}: {exc}", file=sys.stderr)
                ok = False
                continue
            if code in BARE_CODES:
                counts["bare role codes dropped"] = counts.get("bare role codes dropped", 0) + 1
                continue
            block_codes.append((code, first, last))
        return ok

    for lineno, raw in enumerate(path.read_text(encoding="utf-8", errors="replace").splitlines(), start=1):
        if "---STOP---" in raw:
            break
        line = raw.split("#", 1)[0].rstrip()
        if not line.strip():
            continue
        if line[0] in "\t " and line.strip().startswith("["):  # a dated code of the current entry
            add_codes(line, lineno)
            continue
        text = line.strip()
        if text.startswith("+"):
            name = text[1:].split("[", 1)[0].split(";", 1)[0].strip()
            if not name:
                counts["malformed name"] = counts.get("malformed name", 0) + 1
                continue
            block_forms.append(name)
            if "[" in text:
                add_codes(text, lineno)
            continue
        if text.startswith("["):
            counts["malformed name"] = counts.get("malformed name", 0) + 1
            print(f"  skipped {path.name}:{lineno}: code without a name", file=sys.stderr)
            continue
        if block_codes:  # a new primary phrase closes the entry that has its codes
            flush()
        name = text.split("[", 1)[0].split(";", 1)[0].strip()
        if not name or "]" in name:
            counts["malformed name"] = counts.get("malformed name", 0) + 1
            continue
        block_forms.append(name)
        block_primary.append(name)
        if "[" in text:
            add_codes(text, lineno)
    flush()
    return rows


def _is_country_code(code: str) -> bool:
    """A country (AFG) or territory (USAASM) code, not a country's institution (AFGMIL)."""
    return len(code) == 3 or (len(code) == 6 and code[3:] not in _ROLE_SUFFIXES)


_ROLE_SUFFIXES = {"GOV", "MIL", "LEG", "JUD", "COP", "SPY", "REB", "OPP", "ELI", "MED", "BUS", "CVL", "EDU", "REL",
                  "HLH", "LAB", "REF", "AGR", "ENV", "DEV", "IGO", "NGO", "CRM", "UAF", "SEP", "INS", "PTY", "MOD",
                  "RAD", "HRI", "IMG", "INT"}


def read_agent_file(path: Path, counts: dict) -> list[tuple[str, str]]:
    """Rows (form, sector code) of the agents file, in file order, first code of a form kept."""
    subs: dict[str, list[str]] = {}
    rows: list[tuple[str, str]] = []
    seen: set[str] = set()

    def store(phrase: str, code: str):
        form = " ".join(ascii_fold(phrase).replace("_", " ").lower().split())
        if form and form not in seen:
            seen.add(form)
            rows.append((form, code))

    for lineno, raw in enumerate(path.read_text(encoding="utf-8", errors="replace").splitlines(), start=1):
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        if line.startswith("!") and "=" in line:  # substitution set: !PERSON! = MAN, MEN, …
            m = re.fullmatch(r"!(\w+)!\s*=\s*(.+)", line)
            if not m:
                counts["malformed agent"] = counts.get("malformed agent", 0) + 1
                continue
            subs[m.group(1)] = [w.strip() for w in m.group(2).split(",") if w.strip()]
            continue
        m = re.fullmatch(r"([^\[\]]+?)\s*(\{[^}]*\})?\s*\[~?([A-Z]{3,9})~?[\]}]", line)
        if not m:
            counts["malformed agent"] = counts.get("malformed agent", 0) + 1
            print(f"  skipped {path.name}:{lineno}: not `AGENT [~CODE]`", file=sys.stderr)
            continue
        agent, plural, code = m.group(1).strip(), m.group(2), m.group(3)
        if "!" in agent:
            mark = re.search(r"!(\w+)!", agent)
            if not mark or mark.group(1) not in subs:
                counts["malformed agent"] = counts.get("malformed agent", 0) + 1
                print(f"  skipped {path.name}:{lineno}: unknown substitution set", file=sys.stderr)
                continue
            for word in subs[mark.group(1)]:
                store(agent[:mark.start()] + word + agent[mark.end():], code)
            continue
        store(agent, code)
        if plural is not None:
            if plural[1:-1].strip():
                store(plural[1:-1].strip(), code)
        elif agent.endswith("Y"):
            store(agent[:-1] + "IES", code)
        elif agent.endswith("S"):
            store(agent + "ES", code)
        else:
            store(agent + "S", code)
    return rows


def notice(src_license: str) -> str:
    return (
        "Phoenix / PETRARCH-2 actor and agent dictionaries\n"
        "===================================================\n\n"
        "phoenix_actors.tsv and phoenix_agents.tsv are compiled by tools/build_phoenix_data.py from\n"
        "Phoenix.Countries.actors.txt, Phoenix.International.actors.txt, Phoenix.MilNonState.actors.txt\n"
        "and Phoenix.agents.txt of https://github.com/openeventdata/petrarch2\n"
        f"(commit {COMMIT}, folder petrarch2/data/dictionaries/).\n"
        "The country dictionary derives from CountryInfo.140130.txt of the Computational Event Data\n"
        "System Project (http://eventdata.parusanalytics.com).\n\n"
        + src_license.strip() + "\n"
    )


def build(src: Path, out: Path) -> dict:
    counts: dict[str, int] = {}
    actors: list[tuple] = []
    seen: set[tuple] = set()
    for name in ACTOR_FILES:
        for row in read_actor_file(src / name, counts):
            if row[:4] not in seen:  # the same form and code from two entries: the first one stays
                seen.add(row[:4])
                actors.append(row)
    agents = read_agent_file(src / AGENT_FILE, counts)
    out.mkdir(parents=True, exist_ok=True)
    with open(out / "phoenix_actors.tsv", "w", encoding="utf-8", newline="\n") as f:
        f.write(HEADER + "form\tcode\tvalid_from\tvalid_to\tkind\n")
        for row in actors:
            f.write("\t".join(row) + "\n")
    with open(out / "phoenix_agents.tsv", "w", encoding="utf-8", newline="\n") as f:
        f.write(HEADER + "form\tcode\n")
        for row in agents:
            f.write("\t".join(row) + "\n")
    lic = src / "LICENSE"
    text = lic.read_text(encoding="utf-8") if lic.is_file() else _MIT
    (out / "NOTICE.phoenix").write_text(notice(text), encoding="utf-8", newline="\n")
    counts["actor rows"] = len(actors)
    counts["agent rows"] = len(agents)
    return counts


_MIT = """The MIT License (MIT)

Copyright (c) 2014 Open Event Data
"""


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--src", type=Path, default=DEFAULT_SRC, help="folder of the Phoenix dictionaries")
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT, help="folder for the compiled data files")
    args = ap.parse_args(argv)
    missing = [n for n in (*ACTOR_FILES, AGENT_FILE) if not (args.src / n).is_file()]
    if missing:
        print(f"error: {args.src}: missing {', '.join(missing)}", file=sys.stderr)
        return 2
    counts = build(args.src, args.out)
    for key in sorted(counts):
        print(f"{key}: {counts[key]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
