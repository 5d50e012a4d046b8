from tidings.clean import clean_text, detect_language, flag_mt_artifacts, unwrap

STORY = """Minister visits flood zone

The minister toured the flooded valley on Monday and promised help to farmers.

Minister Jane Doe speaks to farmers in the valley on Monday, March 4, 2024.

Getty Images

"We will rebuild every bridge," she said.

John Roe and Ann Poe contributed to this report.

Share this article

Comments are closed."""


def test_furniture_captions_and_credits_are_removed_with_reasons():
    result = clean_text(STORY)
    reasons = {r.text: r.reason for r in result.removed_lines}
    assert reasons["Minister Jane Doe speaks to farmers in the valley on Monday, March 4, 2024."] == "caption"
    assert reasons["Getty Images"] == "credit"
    assert reasons["John Roe and Ann Poe contributed to this report."] == "credit"
    assert reasons["Comments are closed."] == "comments"
    assert reasons["Share this article"] == "furniture"
    assert "Comments are closed" not in result.text
    assert "We will rebuild every bridge" in result.text
    assert result.text.startswith("Minister visits flood zone")
    assert [r.line for r in result.removed_lines] == sorted(r.line for r in result.removed_lines)


def test_hard_wraps_are_joined_and_short_last_lines_end_paragraphs():
    lines = ["The explosion wrecked a minibus taking workers to a factory near the river. An army",
             "spokesman said passers-by may also have been hurt in Central",
             "Anatolia, officials said, adding that the investigation had started at once.",
             "Seven people have been arrested",
             "Images from the scene showed the wreck of the bus on the main road out of town."]
    text = unwrap(lines)
    assert "An army spokesman" in text and "Central Anatolia" in text
    assert "arrested\n\nImages" in text


def test_mt_artifacts_are_flagged_not_rewritten():
    text = ("Officials said the army could send up to 5,000 soldiersa local paper reported. "
            "The mayor met Smithers, and later Smithers said the plan was ready. \u201cWould take.\u201d "
            "Smitherin said the talks would go on. it said White House note on the meeting said little.")
    arts = flag_mt_artifacts(text)
    kinds = {a.kind: a for a in arts}
    assert kinds["glued_word"].text == "soldiersa" and kinds["glued_word"].suggestion == "soldiers a"
    assert kinds["fragment"].text.startswith("\u201cWould")
    assert kinds["doubled_verb"].text.startswith("it said White House")
    assert kinds["name_variant"].text == "Smitherin" and kinds["name_variant"].suggestion == "Smithers"
    for a in arts:
        assert text[a.start:a.end] == a.text


def test_language():
    assert detect_language("The minister said the government would send help to the flooded valley soon.")[0] == "en"
    assert detect_language("Le ministre a déclaré que le gouvernement enverrait bientôt de l'aide à la vallée inondée.")[0] == "fr"
    assert detect_language("ok")[0] == "en"  # too short to tell: English by default


def test_long_punctuation_runs_are_cut_before_the_parser_sees_them():
    from tidings.clean import MAX_PUNCT_RUN, normalize

    text = "The mayor said " + "“" * 50_000 + " nothing.\n" + "-" * 40 + "\nAnd ... “quoted” (yes)!"
    out = normalize(text)
    assert "“" * MAX_PUNCT_RUN in out and "“" * (MAX_PUNCT_RUN + 1) not in out
    assert "-" * MAX_PUNCT_RUN + "\n" in out  # a separator line keeps its line
    assert out.endswith("And ... “quoted” (yes)!")  # ordinary punctuation untouched
