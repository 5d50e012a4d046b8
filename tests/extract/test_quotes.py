"""Quote extractor: marks, kinds, cues, speakers (sentences written for these tests)."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from tidings.extract._doc import DocView
from tidings.extract.quotes.marks import find_regions
from tidings.record import Article, Sentence

from ._quote_helpers import quote_with, run

SHARED = Path(__file__).resolve().parents[2] / ".." / "shared"


@pytest.fixture(scope="session")
def nlp():
    from tidings.pipeline import load_model

    return load_model()


# -- marks ---------------------------------------------------------------------------
@pytest.mark.parametrize("open_mark,close_mark", [("“", "”"), ('"', '"'), ("«", "»"), ("„", "“"), ("``", "''")])
def test_every_mark_style_pairs(open_mark, close_mark):
    text = f"The mayor said {open_mark}the bridge will open in May{close_mark} and left."
    regions = find_regions(text)
    assert len(regions) == 1
    a, b = regions[0].spans[0]
    assert text[a:b] == f"{open_mark}the bridge will open in May{close_mark}"


def test_flipped_closing_mark_closes_the_quote():
    text = "“We will keep the port open and the roads safe, “the harbour master said. “Nobody leaves.”"
    regions = find_regions(text)
    assert [text[r.start:r.end] for r in regions] == [
        "“We will keep the port open and the roads safe, “", "“Nobody leaves.”"]


def test_quote_over_several_paragraphs_is_one_region():
    text = "“The first paragraph of the letter ends here.\n\n“The second paragraph goes on and closes.”\n\nAfter."
    regions = find_regions(text)
    assert len(regions) == 1 and len(regions[0].spans) == 2


def test_apostrophes_are_not_quotes():
    assert find_regions("The minister’s plan isn’t new and the farmers’ union knows it.") == []


@pytest.mark.parametrize("text", ["", "“", "”", "\"\"\"", "«»«", "'' `` ''", "“\n\n”\n“", "x" * 10 + "“" * 50])
def test_odd_marks_never_raise(text):
    find_regions(text)


# -- attribution -------------------------------------------------------------------------
def test_direct_quote_with_trailing_cue(nlp):
    text = "“The harvest was the best in ten years,” Maria Lopez said on Monday."
    art, quotes = run(nlp, text, [("Maria Lopez", "PERSON", ["Maria Lopez"])])
    q = quote_with(quotes, "harvest", text)
    assert q.kind == "direct"
    assert q.cue.lemma == "say"
    assert q.speaker.mention.text == "Maria Lopez" and q.speaker.entity == "E1"
    assert q.id == "Q1" and q.text.startswith("“The harvest")


def test_inverted_cue_and_split_quote_is_one_quote(nlp):
    text = ("“We have no plans to close the mine,” said Tomas Berg. “The workers will stay.”\n\n"
            "The company did not reply.")
    art, quotes = run(nlp, text, [("Tomas Berg", "PERSON", ["Tomas Berg"])])
    q = quote_with(quotes, "no plans", text)
    assert len(q.spans) == 2 and "workers" in q.text
    assert q.speaker.name == "Tomas Berg"


def test_speaker_before_with_colon(nlp):
    text = "Helen Park told reporters: “The tunnel is safe and it will reopen next week.”"
    art, quotes = run(nlp, text, [("Helen Park", "PERSON", ["Helen Park"])])
    q = quote_with(quotes, "tunnel", text)
    assert q.speaker.entity == "E1" and q.cue.lemma == "tell"


def test_pronoun_resolves_by_gender(nlp):
    text = ("Anna Weber met Peter Olsen in Oslo on Friday. She thanked him for the offer.\n\n"
            "“We will sign the contract next month,” she said.")
    art, quotes = run(nlp, text, [("Anna Weber", "PERSON", ["Anna Weber"]), ("Peter Olsen", "PERSON", ["Peter Olsen"])])
    q = quote_with(quotes, "sign the contract", text)
    assert q.speaker.mention.text == "she"
    assert q.speaker.entity == "E1"


def test_anonymous_source_is_typed(nlp):
    text = ("A senior defence official spoke to reporters on Monday.\n\n"
            "“The convoy will not cross the river before spring, “the official said.")
    art, quotes = run(nlp, text)
    q = quote_with(quotes, "convoy", text)
    assert q.speaker.anonymous is not None
    assert "official" in q.speaker.anonymous.description
    assert q.speaker.entity is None


def test_anonymous_affiliation_from_demonym(nlp):
    text = "The talks failed, a US official said on Tuesday, adding that new talks were unlikely."
    art, quotes = run(nlp, text)
    anon = [q for q in quotes if q.speaker.anonymous is not None]
    assert anon and anon[0].speaker.anonymous.affiliation == "USA"


def test_fragment_and_mixed_quotes(nlp):
    text = ("Jonas Kim said the budget was “a disaster for schools” and would be withdrawn.\n\n"
            "Kim called the plan “reckless”.")
    art, quotes = run(nlp, text, [("Jonas Kim", "PERSON", ["Jonas Kim", "Kim"])])
    q = quote_with(quotes, "a disaster", text)
    assert q.kind in ("mixed", "fragment")
    assert q.speaker.entity == "E1"
    assert q.spans[0][0] <= text.find("the budget")  # content is the whole complement clause
    q2 = quote_with(quotes, "reckless", text)
    assert q2.speaker.entity == "E1"


def test_indirect_quote_and_according_to(nlp):
    text = ("Sara Holm said that the factory would close in June.\n\n"
            "The shipments were delayed by the storm, according to the port authority.")
    art, quotes = run(nlp, text, [("Sara Holm", "PERSON", ["Sara Holm"]),
                                  ("port authority", "ORG", ["port authority"])])
    q = quote_with(quotes, "factory", text)
    assert q.kind == "indirect" and q.speaker.entity == "E1"
    assert not q.text.endswith(".")
    q2 = quote_with(quotes, "shipments", text)
    assert q2.cue.lemma == "according to"
    assert q2.speaker.entity == "E2"


def test_organisation_document_speaks(nlp):
    text = ("The Harbor Council published a statement on Sunday.\n\n"
            "The statement said the ferry service would resume “as soon as the weather allows”.")
    art, quotes = run(nlp, text, [("Harbor Council", "ORG", ["Harbor Council"])])
    q = quote_with(quotes, "weather allows", text)
    assert q.speaker.mention.text == "The statement"
    assert q.speaker.entity == "E1"


def test_never_a_place_or_date_as_speaker(nlp):
    text = "“The roads are closed,” Paris said. “It rained all night,” Monday said."
    art, quotes = run(nlp, text, [("Paris", "PLACE", ["Paris"])])
    for q in quotes:
        assert q.speaker.entity is None
        assert q.speaker.mention is None or q.speaker.mention.text not in ("Paris", "Monday")


def test_scare_quotes_without_a_cue_are_not_quotes(nlp):
    text = "The so-called “green corridor” opened on the day of the “Summer Fair”."
    art, quotes = run(nlp, text)
    assert quotes == []


@pytest.mark.parametrize("text", ["“", "”said.", "\n\n“”\n", "said said said", "“He said,” “she said.” ” “",
                                  "According to", "“A” " * 200])
def test_odd_text_never_raises(nlp, text):
    run(nlp, text)


# -- the example article (needs ../shared) ---------------------------------------------
def test_example_article_quotes():
    path = SHARED / "examples" / "biden-putin-call.gold.json"
    if not path.exists():
        pytest.skip("../shared is absent: the example article is not available")
    from tidings.pipeline import analyze

    gold = json.loads(path.read_text(encoding="utf-8"))
    art = analyze(path.with_suffix("").with_suffix(".txt").read_text(encoding="utf-8"))
    if not art.entities:
        pytest.skip("entities stage not available: speakers cannot be named")
    aliases = {k: {k, *v} for k, v in gold.get("aliases", {}).items()}
    found = 0
    for g in gold["quotes"]:
        pos = art.text.find(g["contains"])
        end = pos + len(g["contains"])
        names = {g["speaker"], *g.get("accept", [])}
        for n in list(names):
            names |= aliases.get(n, set())
        for q in art.quotes:
            if not any(a < end and pos < b for a, b in q.spans):
                continue
            if g.get("anonymous"):
                ok = q.speaker.anonymous is not None
            else:
                ent = art.entity(q.speaker.entity)
                ok = bool(ent and ({ent.name, *ent.aliases} & names)) or q.speaker.name in names
            if ok:
                found += 1
                break
    assert found >= 17, f"{found} of {len(gold['quotes'])} quotes with the right speaker"


def test_dash_byline_and_resumed_quote(nlp):
    text = ("“The buses never come on time and nobody answers the phone.” ― Lena Ortiz\n"
            "“My hope,” he said, “is that the council listens this time.”")
    art, quotes = run(nlp, text, [("Lena Ortiz", "PERSON", ["Lena Ortiz"])])
    q = quote_with(quotes, "buses", text)
    assert q.speaker.entity == "E1"
    q2 = quote_with(quotes, "My hope", text)
    assert len(q2.spans) == 2 and "council" in q2.text


# -- content spans that follow PolNeAR's conventions -----------------------------------
def test_mixed_quote_stops_at_its_mark_before_a_time_modifier(nlp):
    text = "Senator Ruth Alder described the tax plan as a “reckless gamble” during a speech in Dayton on Monday."
    _, quotes = run(nlp, text, [("Ruth Alder", "PERSON", ["Senator Ruth Alder"])])
    q = quote_with(quotes, "reckless", text)
    assert q.text.endswith("gamble”") and "during" not in q.text
    assert q.text.startswith("the tax plan")  # described X as “…”: the object is content


def test_likened_object_is_not_content(nlp):
    text = "She likened the new tower to “a giant filing cabinet.”"
    _, quotes = run(nlp, text)
    q = quote_with(quotes, "filing", text)
    assert "tower" not in q.text and q.text.startswith("to")


def test_quoted_sentence_deep_in_a_clause_takes_the_clause(nlp):
    text = ("Spokeswoman Dana Reyes said in a statement that, “Of course the company will defend itself” "
            "against what it sees as a coordinated campaign.")
    _, quotes = run(nlp, text, [("Dana Reyes", "PERSON", ["Spokeswoman Dana Reyes"])])
    q = quote_with(quotes, "Of course", text)
    assert "against what it sees" in q.text and q.text.startswith("that")
    assert q.speaker.mention is not None and "Reyes" in q.speaker.mention.text


def test_according_to_with_a_quoted_phrase_inside(nlp):
    text = "According to the audit, the agency wasted millions on a “pilot scheme” that never ran."
    _, quotes = run(nlp, text)
    q = quote_with(quotes, "wasted", text)
    assert "pilot scheme" in q.text and q.cue is not None and q.cue.lemma == "according to"


def test_quote_resumes_after_said_but(nlp):
    text = "“I respect the judge,” she said, but “the ruling ignores the facts of this case.”"
    _, quotes = run(nlp, text)
    assert quote_with(quotes, "I respect", text) is quote_with(quotes, "the ruling ignores", text)


def test_speakers_next_act_is_not_content(nlp):
    text = "Even China said it was “firmly opposed” to the test and warned its neighbour to refrain from more."
    _, quotes = run(nlp, text)
    q = quote_with(quotes, "firmly", text)
    assert "warned" not in q.text and q.text.startswith("it was")


def test_second_reporting_verb_keeps_the_first_speaker(nlp):
    text = ("Mayor Lena Ortiz told reporters that the city and its partners have “serious doubts” about the plan "
            "and warned the builders that the city will seek “every legal remedy available.”")
    _, quotes = run(nlp, text, [("Lena Ortiz", "PERSON", ["Mayor Lena Ortiz"])])
    first, second = quote_with(quotes, "serious", text), quote_with(quotes, "legal remedy", text)
    assert first is not second and not first.text.endswith(" and")
    assert "warned" not in first.text
    assert second.speaker.mention is not None and "Ortiz" in second.speaker.mention.text


@pytest.mark.parametrize("text,stop", [
    ("Senator Ruth Alder said that the bill “would gut the agency,” claiming that lobbyists had written most of it.",
     "claiming"),
    ("The governor said that the state “will not back down” and vowed to appeal the ruling.", "vowed"),
])
def test_mixed_quote_ends_before_a_loose_piece_after_its_mark(nlp, text, stop):
    _, quotes = run(nlp, text)
    q = quote_with(quotes, "that the", text)
    assert q.text.startswith("that the") and stop not in q.text and q.text.rstrip().endswith("”")


# -- speed: per-doc indexes give the scans' answers; hostile text stays linear ------------
def _brute_run_end(spans, start, end):
    for a, b in spans:
        if a < end < b and start < b:
            end = b
    return end


@pytest.mark.parametrize("seed", range(12))
def test_span_index_answers_as_the_scans_did(seed):
    import random

    from tidings.extract.quotes.index import SpanIndex, TakenSpans

    rnd = random.Random(seed)
    spans = []
    for _ in range(rnd.randint(0, 25)):
        a = rnd.randint(0, 120)
        spans.append((a, a + rnd.randint(-2, 30)))  # overlapping, nested, touching, empty, reversed
    if seed % 2:
        spans.sort()  # sorted by start, as regions are: the bisecting path of run_end_into
    ix = SpanIndex(spans)
    for p in range(-2, 160):
        assert ix.covers(p) == any(a <= p < b for a, b in spans)
        assert ix.straddles(p) == any(a < p < b for a, b in spans)
        assert ix.closes_at(p) == any(a < p <= b and p == b for a, b in spans)
        assert ix.excluding(40, 70).covers(p) == any(a <= p < b for a, b in spans if not (a >= 40 and b <= 70))
    taken = TakenSpans()
    for _ in range(60):
        a = rnd.randint(0, 140)
        b = a + rnd.randint(-1, 25)
        assert ix.cuts(a, b) == any(a < qb and qa < b and not (a <= qa and qb <= b) for qa, qb in spans)
        assert ix.run_end_into(a, b) == _brute_run_end(spans, a, b)
        assert taken.overlaps(a, b) == any(a < tb and ta < b for ta, tb in taken._all)
        if rnd.random() < 0.4:
            taken.add(a, b)


def test_doc_index_token_lookups_match_a_scan(nlp):
    from tidings.extract.quotes.index import DocIndex

    doc = nlp("“We will  rebuild,” the mayor said.\n\nShe left. “Soon.”")
    ix = DocIndex(DocView(doc, doc.text))
    assert ix.text == doc.text
    for pos in range(len(doc.text) + 2):
        after = next((t for t in doc if t.idx >= pos), None)
        before = [t for t in doc if t.idx + len(t) <= pos]
        assert (ix.token_at_or_after(pos) is None) == (after is None)
        assert after is None or ix.token_at_or_after(pos).i == after.i
        assert (ix.token_before(pos).i if ix.token_before(pos) is not None else None) == \
            (before[-1].i if before else None)
    for tok in doc:
        assert ix.sent(tok).start == tok.sent.start and ix.sent(tok).end == tok.sent.end


_TREE_TEXT = ("The two senior officials, who spoke on condition of anonymity, said Tuesday that the plan, "
              "which aides and lawyers drafted, would fail. According to a source close to the talks, "
              "Smith told reporters he and his deputy would resign; a spokesman said nothing.")


def _non_projective_doc():
    """A doc with crossing arcs, built by hand: token 0's right child 3 lies past token 1."""
    from spacy.tokens import Doc
    from spacy.vocab import Vocab

    return Doc(Vocab(), words=["a", "b", "c", "d", "e"], heads=[2, 2, 2, 0, 2],
               deps=["nsubj", "aux", "ROOT", "dobj", "punct"])


def test_tree_walks_match_spacy(nlp):
    from tidings.extract.quotes.index import DocIndex, children_of, lefts_of, rights_of, subtree_of

    for doc in (nlp(_TREE_TEXT), _non_projective_doc()):
        for opened in (False, True):
            for tok in doc:
                def ids(toks):
                    return [t.i for t in toks]

                view = DocView(doc)  # a fresh view: no index made
                if opened:
                    view.part(DocIndex)  # the helpers read the index once it is made
                got = (children_of(tok), lefts_of(tok), rights_of(tok), subtree_of(tok))
                want = (tok.children, tok.lefts, tok.rights, tok.subtree)
                assert [ids(g) for g in got] == [ids(w) for w in want], tok.i


def test_anonymous_chunks_are_spacys_noun_chunks(nlp):
    from tidings.extract._doc import view_of
    from tidings.extract.quotes.chunks import anonymous_chunks as _anonymous_chunks

    doc = nlp(_TREE_TEXT)
    every = frozenset(t.lower_ for t in doc)
    assert _anonymous_chunks(view_of(doc), every) == [(c.start, c.end) for c in doc.noun_chunks]
    some = frozenset({"officials", "source", "spokesman"})
    assert _anonymous_chunks(view_of(doc), some) == [(c.start, c.end) for c in doc.noun_chunks
                                                     if c.root.lower_ in some]


def test_tokens_with_matches_a_scan(nlp):
    from tidings.extract.quotes.index import DocIndex

    doc = nlp(_TREE_TEXT + " SAID the Officials.")
    lowers, lemmas = frozenset({"said", "according"}), frozenset({"tell", "say", "resign"})
    for _ in range(2):  # the second time from the kept lemma answers
        ix = DocIndex(DocView(doc, doc.text))
        assert ix.tokens_with(lowers, lemmas) == [t.i for t in doc if t.lower_ in lowers or t.lemma_.lower() in lemmas]
        assert ix.has_lower(frozenset({"officials"})) and not ix.has_lower(frozenset({"zebra"}))

def _marks_doc(n: int, sent_every: int | None = None):
    """ "“" * n + " said Putin" * 10, parsed as the small model parses it (every mark hangs on the
    first "said"), built by hand so that no parser runs; `sent_every` cuts the marks into sentences."""
    import spacy
    from spacy.tokens import Doc

    words = ["“"] * n + ["said", "Putin"] * 10
    spaces = [False] * (n - 1) + [True] + [True] * 19 + [False]
    heads = [n] * n
    deps = ["punct"] * n
    for k in range(10):
        heads += [n if k == 0 else n + 2 * (k - 1), n + 2 * (k + 1) if k < 9 else n + 2 * k]
        deps += ["ROOT" if k == 0 else "ccomp", "nsubj" if k < 9 else "dobj"]
    if sent_every:  # short sentences: each run of marks hangs on its own first mark
        for i in range(n):
            heads[i] = i - i % sent_every
            deps[i] = "ROOT" if i % sent_every == 0 else "punct"
    tags = ["``"] * n + ["VBD", "NNP"] * 10
    pos = ["PUNCT"] * n + ["VERB", "PROPN"] * 10
    lemmas = ["“"] * n + ["say", "Putin"] * 10
    return Doc(spacy.blank("en").vocab, words=words, spaces=spaces, heads=heads, deps=deps, tags=tags, pos=pos, lemmas=lemmas)


def _lines_run(func) -> int:
    """Work done inside the quote modules: Python lines executed (loop iterations included)."""
    import sys

    count = 0

    def local(frame, event, arg):
        nonlocal count
        if event == "line":
            count += 1
        return local

    def start(frame, event, arg):
        path = Path(frame.f_code.co_filename)
        if path.parent.name == "extract" and (path.name == "quotes.py" or path.name.startswith("_quote_")):
            return local
        return None

    old = sys.gettrace()
    sys.settrace(start)
    try:
        func()
    finally:
        sys.settrace(old)
    return count


def _extract_on(doc):
    from tidings.extract.quotes import extract_quotes

    art = Article(id="h", text=doc.text, sentences=[Sentence(start=s.start_char, end=s.end_char) for s in doc.sents])
    return extract_quotes(DocView(doc, doc.text), art)


@pytest.mark.parametrize("sent_every", [None, 40])
def test_unmatched_marks_cost_grows_linearly(sent_every):
    """Thousands of quote marks: 4x the marks may cost at most ~6x the work (it was ~16x: quadratic)."""
    small = _lines_run(lambda: _extract_on(_marks_doc(400, sent_every)))
    big = _lines_run(lambda: _extract_on(_marks_doc(1600, sent_every)))
    assert big <= 6 * small, (small, big)


def test_many_quotes_in_one_paragraph_cost_grows_linearly(nlp):
    """8x the quotes may cost at most 10x the work (the scans per quote made it ~20x)."""
    unit = "Putin said “the war goes on.” "
    small = nlp(unit * 20)
    big = nlp(unit * 160)
    work_small = _lines_run(lambda: _extract_on(small))
    work_big = _lines_run(lambda: _extract_on(big))
    assert work_big <= 10 * work_small, (work_small, work_big)


def test_twenty_thousand_marks_finish():
    quotes = _extract_on(_marks_doc(20_000))  # took ~10 s when the steps scanned every mark per token
    assert isinstance(quotes, list)
