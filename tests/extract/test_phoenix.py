"""The Phoenix / PETRARCH-2 dictionaries: the build script, the loader, and their place
behind tidings' own lists (a synthetic dictionary here; the committed data for the rest)."""
from __future__ import annotations

import importlib.util
from datetime import date
from pathlib import Path

import pytest

from tidings.extract.actors import phoenix as _phoenix
from tidings.extract.actors.lexicon import Lexicon, lexicon
from tidings.extract.actors import use_actor_dictionary

REPO = Path(__file__).resolve().parents[2]
PETRARCH = REPO.parent / "shared" / "reference" / "petrarch"
DATA = REPO / "src" / "tidings" / "data" / "actors"

COUNTRIES = """\
# header comment
RURITANIA_  [RUR]
+RURITANIAN_
+STRELSAU_   # the capital
+ZENDA_

RUDOLF_RASSENDYLL_  # CountryInfo.txt
+KING_RUDOLF_
\t[RURELI 600101-970301]
\t[RURGOV 970301-20051231]
\t[RURGOV 9008223-970101]
\t[RURELI]
MICHAEL_ELPHBERG_
\t[RURGOV >20060101]
ANTOINETTE_ELPHBERG_
\t[RURELI 19500101-20301231]
FLAVIA_ELPHBERG_
\t[RURGOV <19991231]
ROYAL_GUARD_OF_RURITANIA
+RURITANIAN_ROYAL_GUARD
\t[RURMIL]
"""
INTERNATIONAL = """\
NATO_
+NORTH_ATLANTIC_TREATY_ORGANIZATION_
\t[IGOWSTNAT]
JAVIER_SOLANA_\t[IGOEUREEC 950701-951231][IGOWSTNAT 951205-991006] # two inline codes
"""
MILNONSTATE = """\
BASQUE_FATHERLAND_AND_FREEDOM_(ETA)_ [ESPREB] #  kkl 21 Mar 13
+EUSKADI_TA_ASKATASUNA_
"""
AGENTS = """\
# agents
!PERSON! = MAN, MEN
FARMER [~AGR]
POLICE {} [~COP]
POLICE!PERSON!  [~COP]
ARMY [~MIL]
BUS [~BUS]
WORKING_MAN [~PPL]
NO_CODE_HERE
"""


def _builder():
    spec = importlib.util.spec_from_file_location("build_phoenix_data", REPO / "tools" / "build_phoenix_data.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture()
def synthetic(tmp_path, monkeypatch):
    src = tmp_path / "src"
    src.mkdir()
    for name, text in (("Phoenix.Countries.actors.txt", COUNTRIES), ("Phoenix.International.actors.txt", INTERNATIONAL),
                       ("Phoenix.MilNonState.actors.txt", MILNONSTATE), ("Phoenix.agents.txt", AGENTS),
                       ("LICENSE", "The MIT License (MIT)\n\nCopyright (c) 2014 Open Event Data\n")):
        (src / name).write_text(text, encoding="utf-8")
    out = tmp_path / "out"
    counts = _builder().build(src, out)
    tables = _phoenix.Tables(out / "phoenix_actors.tsv", out / "phoenix_agents.tsv")
    monkeypatch.setattr(_phoenix, "_TABLES", [tables])
    return out, counts


def _rows(path: Path) -> list[list[str]]:
    lines = [ln for ln in path.read_text(encoding="utf-8").splitlines() if not ln.startswith("#")]
    return [ln.split("\t") for ln in lines[1:]]


def test_build_reads_synonyms_dates_and_kinds(synthetic):
    out, counts = synthetic
    rows = _rows(out / "phoenix_actors.tsv")
    assert ["ruritania", "RUR", "", "", "country"] in rows
    assert ["ruritanian", "RUR", "", "", "country"] in rows
    assert ["strelsau", "RUR", "", "", "city"] in rows
    # two-digit years pivot at 30 (600101 → 1960, 20051231 read as YYYYMMDD), inclusive ranges, default last
    assert [r for r in rows if r[0] == "king rudolf"] == [
        ["king rudolf", "RURELI", "1960-01-01", "1997-03-01", "person"],
        ["king rudolf", "RURGOV", "1997-03-01", "2005-12-31", "person"],
        ["king rudolf", "RURELI", "", "", "person"]]
    assert ["michael elphberg", "RURGOV", "2006-01-01", "", "person"] in rows
    assert ["flavia elphberg", "RURGOV", "", "1999-12-31", "person"] in rows
    assert ["royal guard of ruritania", "RURMIL", "", "", "org"] in rows
    assert ["north atlantic treaty organization", "IGOWSTNAT", "", "", "org"] in rows
    assert ["javier solana", "IGOWSTNAT", "1995-12-05", "1999-10-06", "person"] in rows  # both inline codes read
    assert ["basque fatherland and freedom", "ESPREB", "", "", "group"] in rows
    assert ["eta", "ESPREB", "", "", "group"] in rows  # the parenthesised acronym is a form of its own
    assert counts["malformed code"] == 1 and counts["malformed agent"] == 1
    agents = dict(map(tuple, _rows(out / "phoenix_agents.tsv")))
    assert agents["farmers"] == "AGR" and agents["armies"] == "MIL" and agents["buses"] == "BUS"
    assert agents["policeman"] == agents["policemen"] == "COP" and "polices" not in agents  # {} = no plural
    notice = (out / "NOTICE.phoenix").read_text(encoding="utf-8")
    assert "676801cd9cb2924bbbad09f86d15c9323e7097bf" in notice and "MIT License" in notice


def test_build_is_deterministic(synthetic, tmp_path):
    out, _ = synthetic
    again = tmp_path / "again"
    _builder().build(tmp_path / "src", again)
    for name in ("phoenix_actors.tsv", "phoenix_agents.tsv", "NOTICE.phoenix"):
        assert (again / name).read_bytes() == (out / name).read_bytes()


def test_person_code_as_of_the_event_day(synthetic):
    assert _phoenix.person_code("rudolf rassendyll", date(2000, 6, 1)) == "RURGOV"
    assert _phoenix.person_code(["King", "Rudolf"], date(1990, 1, 1)) == "RURELI"
    assert _phoenix.person_code("rudolf rassendyll", None) == "RURGOV"  # no day: the range that ends last
    assert _phoenix.person_code("rudolf rassendyll", date(2010, 1, 1)) == "RURELI"  # the undated default
    assert _phoenix.person_code("michael elphberg", date(2007, 1, 1)) == "RURGOV"
    # outside every range and no default: the country alone
    assert _phoenix.person_code("michael elphberg", date(2001, 1, 1)) == "RUR"
    assert _phoenix.person_code("nobody at all", date(2001, 1, 1)) is None


def test_surname_alone_only_when_the_day_makes_it_unique(synthetic):
    assert _phoenix.person_code("rassendyll", date(2000, 6, 1)) == "RURGOV"
    assert _phoenix.person_code("rassendyll", None) is None  # never without a day
    # Michael (GOV) and Antoinette (ELI) both hold a dated code in 2007: the office holder wins
    assert _phoenix.person_code("elphberg", date(2007, 1, 1)) == "RURGOV"
    # a first name that is not the dictionary's blocks the surname: another person
    assert _phoenix.person_of_names(["Carl Rassendyll", "Rassendyll"], date(2000, 6, 1)) is None
    assert _phoenix.person_of_names(["Mr Rassendyll"], date(2000, 6, 1)) == "RURGOV"


def test_org_place_and_agent_lookups(synthetic):
    assert _phoenix.org_code(["the", "nato", "summit"]) == "IGOWSTNAT"
    assert _phoenix.org_code("eta") == "ESPREB"
    assert _phoenix.org_code(["ETA"], None, [False]) is None  # not a proper noun: not the group
    assert _phoenix.org_code(["Royal", "Guard", "of", "Ruritania"], None, [True, True, False, True]) == "RURMIL"
    assert _phoenix.place_country("Strelsau") == "RUR"
    assert _phoenix.place_country("nowhere") is None
    assert _phoenix.agent_sector("policemen") == "COP"
    assert _phoenix.agent_sector("working men") is None  # PPL is no actor sector


def test_place_country_refuses_ambiguous_names():
    assert _phoenix.place_country("congo") is None  # two countries
    assert _phoenix.place_country("basra") == "IRQ"


def test_committed_data_answers_the_issue_examples():
    assert _phoenix.person_code("gordon brown", date(2008, 5, 1)) == "GBRGOV"
    assert _phoenix.person_code("tony blair", date(2005, 3, 1)) == "GBRGOV"
    assert _phoenix.person_code("bill clinton", date(1998, 1, 1)) == "USAGOV"
    assert _phoenix.person_code("fidel castro", date(2000, 1, 1)) == "CUBGOV"
    assert _phoenix.person_code("kofi annan", date(1998, 1, 1)) == "IGOUNO"
    assert _phoenix.person_code("blair", date(2005, 3, 1)) == "GBRGOV"
    assert _phoenix.org_code("hezbollah") == "LBNREB"
    assert _phoenix.org_code("nato") == "IGOWSTNAT"
    assert _phoenix.org_code("hamas").startswith("PSE")
    assert _phoenix.agent_sector("police") == "COP" and _phoenix.agent_sector("troops") == "MIL"


@pytest.fixture()
def _no_user_dictionary(monkeypatch):
    monkeypatch.delenv("TIDINGS_ACTORS", raising=False)
    use_actor_dictionary(None)
    yield
    use_actor_dictionary(None)


def test_tidings_own_lists_and_the_user_dictionary_win(tmp_path, _no_user_dictionary):
    lex = lexicon()
    # people.csv: Joe Biden a senator (USALEG) in 2005; Phoenix would say USAELI
    assert lex.named(["Joe Biden"], date(2005, 1, 1)) == "USALEG"
    assert _phoenix.person_code("joe biden", date(2005, 1, 1)) == "USAELI"
    # organizations.yaml's IAEA code beats Phoenix's IGOUNOIAE
    assert lex.org_of_words(["iaea"], None, [True]) == "IGOUNOIAEA"
    # Phoenix fills what tidings lacks
    assert lex.named(["Gordon Brown"], date(2008, 5, 1)) == "GBRGOV"
    assert "farc" not in lex.orgs
    assert lex.org_of_words(["farc"], None, [True]) == "COLREB"
    assert lex.org_of_words(["farc"], None) is None  # without proper-noun flags: tidings' lists only
    user = tmp_path / "actors.csv"
    user.write_text("name,aliases,code\nGordon Brown,Brown,GBRMED\n", encoding="utf-8")
    use_actor_dictionary(user)
    assert lexicon().named(["Gordon Brown"], date(2008, 5, 1)) == "GBRMED"


def test_sector_falls_back_on_phoenix_agents(_no_user_dictionary):
    lex = Lexicon(None)
    assert "peasants" not in lex.sectors and "sharecroppers" not in lex.sectors
    assert lex.sector_of_words(["kenyan", "peasants"], 1) == "AGR"
    assert lex.sector_of_words(["sharecroppers"], 0) == "AGR"
    assert lex.sector_of_words(["men"], 0) is None  # Phoenix's PPL is no sector


def test_committed_data_matches_a_rebuild(tmp_path):
    if not (PETRARCH / "Phoenix.Countries.actors.txt").is_file():
        pytest.skip("../shared/reference/petrarch is absent: cannot rebuild the Phoenix data to compare")
    _builder().build(PETRARCH, tmp_path)
    for name in ("phoenix_actors.tsv", "phoenix_agents.tsv", "NOTICE.phoenix"):
        assert (tmp_path / name).read_bytes() == (DATA / name).read_bytes(), f"{name} is stale: run tools/build_phoenix_data.py"


def test_a_place_name_is_no_person_or_group():
    # Phoenix lists "ARGENTINA" also as a name of an armed group (KKLREB): the country wins
    assert _phoenix.person_code("argentina", date(2000, 1, 1)) is None
    assert _phoenix.org_code("argentina") is None
    assert _phoenix.place_country("argentina") == "ARG"


def test_common_words_and_generic_phrases_are_no_group_names():
    # Phoenix lists "AN" (USAREB), "DAWN" (NGODEV) and "NATIONAL FRONT" (GRCREB) as names
    assert _phoenix.org_code(["Dawn"], None, [True]) is None
    assert _phoenix.org_code(["An"], None, [True]) is None
    assert _phoenix.org_code(["National", "Front"], None, [True, True]) is None
    assert _phoenix.org_code(["Red", "Brigades"], None, [True, True]) == "ITAREB"


def test_one_word_group_name_inside_a_longer_name_is_no_group():
    assert _phoenix.org_code(["ANA"], None, [True]) == "MKDREB"
    assert _phoenix.org_code(["Ana", "Bonnin"], None, [True, True]) is None  # a woman's name, not the group


def test_weak_phoenix_codes_only_when_the_article_says_nothing_better(_no_user_dictionary):
    lex = lexicon()
    day = date(1998, 8, 18)
    assert _phoenix.person_code("jakaya kikwete", day) == "TZAELI"
    assert lex.named(["Jakaya Kikwete"], day) is None
    assert lex.named(["Jakaya Kikwete"], day, weak=True) == "TZAELI"
