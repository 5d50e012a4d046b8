"""Actor pickers take names as well as codes (issue #19 item 3), from the actor data the package holds."""
from __future__ import annotations

import pytest

from tidings.web.names import cameo_choices, resolve_actor, resolve_dyad


@pytest.mark.parametrize("given,code,named", [
    ("USA", "USA", False), ("RUSGOV", "RUSGOV", False), ("IGOUNO", "IGOUNO", False), ("rus", "RUS", False),
    ("Russia", "RUS", True), ("united   states", "USA", True), ("UAE", "ARE", True), ("NATO", "IGOWSTNAT", True),
    ("UN", "IGOUNO", True), ("Putin", "RUSGOV", True), ("Ukrainian", "UKR", True)])
def test_names_are_read_as_codes_and_codes_stay_codes(given, code, named):
    resolved = resolve_actor(given)
    assert resolved.code == code and (resolved.note is not None) == named


def test_a_person_with_several_roles_takes_the_latest_and_names_the_others():
    biden = resolve_actor("Biden")
    assert biden.code == "USAGOV" and "USALEG" in biden.note


def test_dyads_by_name():
    assert resolve_dyad("Russia-Ukraine") == ("RUS-UKR", ["“Russia” read as RUS", "“Ukraine” read as UKR"])
    assert resolve_dyad("USA-RUS") == ("USA-RUS", [])
    assert resolve_dyad(None) == (None, [])


def test_cameo_choices_come_from_the_codebook_in_order():
    choices = cameo_choices()
    codes = [c for c, _, _ in choices]
    assert codes.index("14") < codes.index("140") < codes.index("141") < codes.index("15")
    assert dict((c, label) for c, label, _ in choices)["19"] == "19 — Fight (all)"


def test_the_actor_fields_suggest_names(fresh_client):
    for path in ("/events", "/map"):
        page = fresh_client.get(path).text
        assert 'name="actor"' in page and 'list="actor-names"' in page
        assert '<option value="Russia">' in page and '<option value="World Food Program">' in page


def test_a_dyad_of_names_with_hyphens_is_cut_where_both_sides_are_names():
    assert resolve_dyad("Guinea-Bissau-Senegal")[0] == "GNB-SEN"
    assert resolve_dyad("Senegal-Guinea-Bissau")[0] == "SEN-GNB"
    assert resolve_dyad("no-such-place")[0] == "no-such-place"  # no reading: left as typed
