"""Event coding by the codebook rules: short reports through the real model and gazetteer.

Each case is one codebook rule or condition, written from ACLED's codebook (riots are
violence by unarmed crowds; communal fighting is between identity militias; an attack on
a military post is a battle), not from any benchmark row.
"""

from __future__ import annotations

import datetime as dt

import pytest

from sitrep.pipeline import ReportResult, process_documents
from sitrep.records import Document, Event

REPORT_DATE = dt.date(2021, 6, 30)

pytestmark = [pytest.mark.model, pytest.mark.slow]


def _main_event(resources, text: str) -> Event:
    document = Document(id="t", text=text, date=REPORT_DATE, date_source="option")
    (result,) = process_documents([document], resources=resources)
    assert isinstance(result, ReportResult), result
    news = [e for e in result.events if not e.is_background]
    assert news, f"no news event in {text!r}"
    return news[0]


def _coded(resources, text: str) -> tuple[str, str | None, int | None, str | None, int | None]:
    event = _main_event(resources, text)
    return event.sub_event_type, event.actor1, event.inter1, event.actor2, event.inter2


def test_residents_clashing_with_police_is_a_riot_not_a_battle(resources):
    sub, actor1, inter1, actor2, inter2 = _coded(
        resources, "On 12 June 2021, residents clashed with police in Kisumu, Kenya.")
    assert sub == "Mob violence"
    assert (actor1, inter1) == ("Rioters (Kenya)", 5)
    assert (actor2, inter2) == ("Police Forces of Kenya", 1)


def test_crowd_beating_a_suspect_is_mob_violence_by_rioters(resources):
    sub, actor1, inter1, _, _ = _coded(
        resources, "On 3 June 2021, residents beat up two suspected thieves in Nakuru, Kenya.")
    assert (sub, actor1, inter1) == ("Mob violence", "Rioters (Kenya)", 5)


def test_protest_that_turns_violent_later_in_the_report_is_one_violent_demonstration(
    resources,
):
    text = ("On 4 June 2021, hundreds of residents demonstrated in Kumasi, Ghana, against the "
            "condition of the roads. They erected barricades and clashed with the police.")
    event = _main_event(resources, text)
    assert (event.event_type, event.sub_event_type) == ("Riots", "Violent demonstration")
    assert event.actor1 == "Rioters (Ghana)"
    assert len(event.evidence) == 2


def test_protest_dispersed_with_tear_gas_is_protest_with_intervention(resources):
    text = ("On 4 June 2021, traders protested in Accra, Ghana over new taxes. "
            "Police fired tear gas to disperse the protesters.")
    sub, actor1, inter1, _actor2, inter2 = _coded(resources, text)
    assert sub == "Protest with intervention"
    assert (actor1, inter1, inter2) == ("Protesters (Ghana)", 6, 1)


def test_staged_a_protest_is_a_peaceful_protest_even_when_misparsed(resources):
    sub, actor1, *_ = _coded(
        resources, "On 2 June 2021, teachers staged a protest infront of the press club in "
        "Lahore, Pakistan.")
    assert (sub, actor1) == ("Peaceful protest", "Protesters (Pakistan)")


def test_clash_between_two_ethnic_groups_is_a_battle_between_identity_militias(resources):
    sub, actor1, inter1, actor2, inter2 = _coded(
        resources, "On 5 June 2021, clashes between Pokot and Turkana left two people dead "
        "in Baringo, Kenya.")
    assert sub == "Armed clash"
    assert {actor1, actor2} == {"Pokot Ethnic Militia (Kenya)", "Turkana Ethnic Militia (Kenya)"}
    assert (inter1, inter2) == (4, 4)


def test_unnamed_ethnic_clash_pairs_two_unidentified_ethnic_militias(resources):
    sub, actor1, _inter1, actor2, _inter2 = _coded(
        resources, "On 5 June 2021, ethnic clashes left one person dead in Bawku, Ghana.")
    assert sub == "Armed clash"
    assert actor1 == actor2 == "Unidentified Ethnic Militia (Ghana)"


def test_people_attacked_by_an_ethnic_militia_are_civilians(resources):
    sub, actor1, _, actor2, inter2 = _coded(
        resources, "On 6 June 2021, Pokot raiders killed eleven Turkana in Lokori, Kenya.")
    assert sub == "Attack"
    assert actor1 == "Pokot Ethnic Militia (Kenya)"
    assert (actor2, inter2) == ("Civilians (Kenya)", 7)


def test_attack_on_a_military_post_is_a_battle_not_violence_against_civilians(resources):
    sub, actor1, _, _actor2, inter2 = _coded(
        resources, "On 9 June 2021, Taliban militants attacked an Afghan military post in "
        "Charbolak district, Balkh, Afghanistan.")
    assert sub == "Armed clash"
    assert actor1 == "Taliban"
    assert inter2 == 1


def test_headline_verb_parsed_as_a_noun_still_codes_the_event(resources):
    sub, _actor1, inter1, _actor2, inter2 = _coded(
        resources, "Police battle Pokot raiders in Baringo, Kenya.")
    assert sub == "Armed clash"
    assert (inter1, inter2) == (1, 4)


def test_petrol_bomb_thrown_at_a_bus_is_an_attack_not_an_explosion(resources):
    sub, *_ = _coded(
        resources, "On 8 June 2021, assailants hurled a petrol bomb at a bus in Noakhali, "
        "Bangladesh, injuring four people.")
    assert sub == "Attack"


def test_riot_named_as_such_is_a_violent_demonstration(resources):
    sub, actor1, inter1, *_ = _coded(
        resources, "On 7 June 2021, university students rioted in Eldoret, Kenya over fees.")
    assert (sub, actor1, inter1) == ("Violent demonstration", "Rioters (Kenya)", 5)


def test_victims_in_a_passive_relative_clause_are_not_the_attackers(resources):
    # "children who were killed": the children are acted upon, so the mourners' funeral
    # does not make the strike a riot
    sub, _, _, actor2, _ = _coded(
        resources,
        "Thousands of mourners attended funerals on Monday for dozens of children who were "
        "killed on Thursday when a coalition warplane struck their bus in Saada, Yemen.")
    assert sub == "Air/drone strike"
    assert actor2 == "Civilians (Yemen)"
