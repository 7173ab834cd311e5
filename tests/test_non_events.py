"""Words of violence used in another sense code no event: sport, contests over ideas,
criticism, things missed, industrial accidents, acts named as a kind and court cases; the
same words used for what armed people did still code one. Short reports written for these
tests, through the real model."""

from __future__ import annotations

import pytest

from news_reports import news_events

pytestmark = [pytest.mark.model, pytest.mark.slow]

MATCH_REPORT = (
    "SOCCER-PREMIERSHIP: Sundowns stretch their lead. DURBAN, 27 June 2021 - Sundowns beat "
    "Chiefs 2-1 in the league on Saturday. The striker shot low from twenty metres to seal "
    "it late on, and the coach said the title race was far from over. "
)


@pytest.mark.parametrize("text", [
    MATCH_REPORT,
    ("GOLF: Smith leads after the third round. On 27 June 2021, Smith shot a five-under-par "
     "round to lead the tournament in George, South Africa, after his rival shot two over "
     "par; a birdie on the last hole sealed it."),
    ("On 27 June 2021 in Cape Town, the hosts rallied to beat the visitors in the rugby "
     "championship, and the referee sent off a player who attacked the scrum-half."),
])
def test_a_sports_report_codes_no_event(resources, text):
    assert news_events(resources, text) == []


def test_fans_rioting_at_a_match_are_still_an_event(resources):
    events = news_events(resources, MATCH_REPORT + (
        "After the final whistle, rioting fans threw stones at the police outside the "
        "stadium, and officers fired tear gas."))
    assert [e.event_type for e in events] == ["Riots"]


@pytest.mark.parametrize("text", [
    ("On 27 June 2021, the mayor of Cape Town, South Africa, said the city would keep up its "
     "fight against collusion by building firms."),
    ("On 27 June 2021 in Warsaw, Poland, the president's spokesman called the letter a tool in "
     "a political fight between the army and the government."),
    "On 27 June 2021, the government of Gauteng, South Africa, launched a plan to fight poverty.",
])
def test_a_contest_over_an_idea_is_no_battle(resources, text):
    assert news_events(resources, text) == []


def test_troops_fighting_against_militants_are_still_a_battle(resources):
    (event,) = news_events(resources, (
        "On 27 June 2021, Afghan soldiers fought against Taliban militants for hours near "
        "Kunduz, Afghanistan."))
    assert event.event_type == "Battles"


def test_critics_blasting_a_deal_is_no_explosion(resources):
    assert news_events(resources, (
        "On 27 June 2021 in Berlin, Germany, critics blasted the former chancellor for his "
        "role in the pipeline deal.")) == []


def test_militants_blasting_a_bridge_is_still_an_explosion(resources):
    (event,) = news_events(resources, (
        "On 27 June 2021, Taliban militants blasted a bridge with explosives near Ghazni, "
        "Afghanistan."))
    assert event.event_type == "Explosions/Remote violence"


@pytest.mark.parametrize("text", [
    ("On 27 June 2021 in Alaska, United States, a fisherman said missing the winter season "
     "would halve his earnings."),
    "On 27 June 2021 in Lusaka, Zambia, the singer said nothing was missing in her life.",
    "On 27 June 2021 in Lusaka, Zambia, the singer said she felt nothing was missing in her.",
])
def test_a_thing_or_chance_missed_is_no_abduction(resources, text):
    assert news_events(resources, text) == []


@pytest.mark.parametrize("text", [
    ("On 27 June 2021, a blast at the Tunlan coal mine in Shanxi, China, left 21 workers "
     "dead and 30 trapped below ground."),
    ("On 27 June 2021, a man was killed in an accident on the highway near Rivonia, South "
     "Africa, and police appealed for witnesses."),
])
def test_an_industrial_or_road_accident_is_no_event(resources, text):
    assert news_events(resources, text) == []


def test_a_bomb_at_a_factory_is_still_an_explosion(resources):
    (event,) = news_events(resources, (
        "On 27 June 2021, a bomb explosion at a factory in Quetta, Pakistan, killed three "
        "workers; militants planted the device."))
    assert event.event_type == "Explosions/Remote violence"


@pytest.mark.parametrize("text", [
    ("On 27 June 2021 in Harare, Zimbabwe, an opposition leader said the vote would be an "
     "opportunity for rape, killings and looting."),
    ("On 27 June 2021, analysts in Kuala Lumpur, Malaysia, cited fears of terrorist attacks "
     "on foreign firms."),
])
def test_an_act_named_as_a_kind_is_no_event(resources, text):
    assert news_events(resources, text) == []


@pytest.mark.parametrize("text", [
    ("On 27 June 2021, the accused appeared in court in Pretoria, South Africa, where he "
     "faces 12 counts of rape and 4 of robbery."),
    ("On 27 June 2021, a judge in Durban, South Africa, heard that his charge was premeditated "
     "murder."),
    ("On 27 June 2021 in Pietermaritzburg, South Africa, the court let him appeal against his "
     "murder and robbery convictions."),
])
def test_a_court_case_about_violence_is_no_event(resources, text):
    assert news_events(resources, text) == []


def test_police_shooting_a_man_accused_in_court_is_still_an_event(resources):
    (event,) = news_events(resources, (
        "On 27 June 2021, police shot dead a man outside the magistrate's court in Kisumu, "
        "Kenya, as he tried to escape from the cells."))
    assert event.event_type == "Violence against civilians"


def test_a_suicide_is_no_attack(resources):
    assert news_events(resources, (
        "On 27 June 2021, a civil servant killed himself at his home near Oxford, United "
        "Kingdom.")) == []


def test_an_ied_that_kills_defence_forces_is_still_an_explosion(resources):
    (event,) = news_events(resources, (
        "On 27 June 2021, two soldiers of the Kenya Defence Forces were killed in an IED "
        "explosion near Mandera, Kenya."))
    assert event.event_type == "Explosions/Remote violence"


def test_a_protest_staged_recently_is_news(resources):
    (event,) = news_events(resources, (
        "Members of the teachers' union staged a protest in Cachar, India, against the rise "
        "in the prices of food recently."))
    assert event.event_type == "Protests"


def test_a_killing_in_a_robbery_by_unidentified_gunmen_is_a_crime(resources):
    assert news_events(resources, (
        "On 27 June 2021, gunmen shot dead a shopkeeper behind his counter in Soweto, South "
        "Africa, in a robbery that went wrong.")) == []


@pytest.mark.parametrize("text", [
    "On 27 June 2021, police and armed robbers exchanged fire near Tamale, Ghana; two robbers died.",
    ("On 27 June 2021, Fulani armed robbers shot dead a chief near Kintampo, Ghana, in an "
     "attack on his car."),
])
def test_robbers_fighting_police_or_a_named_group_robbing_stay_events(resources, text):
    assert len(news_events(resources, text)) == 1


def test_a_rape_by_a_private_person_is_a_crime(resources):
    assert news_events(resources, (
        "On 27 June 2021 in Mankweng, South Africa, a 23-year-old man broke into a "
        "pensioner's house and raped her; soldiers later patrolled the village.")) == []


def test_a_rape_by_gunmen_is_still_sexual_violence(resources):
    (event,) = news_events(resources, (
        "On 27 June 2021, gunmen raided a village near Mandera, Kenya, and raped two girls."))
    assert event.sub_event_type == "Sexual violence"


def test_jailed_for_stabbing_a_police_officer_is_a_court_case(resources):
    assert news_events(resources, (
        "On 27 June 2021, a judge in Cape Town, South Africa, jailed a man for 15 years for "
        "stabbing his neighbour, a police officer, to death.")) == []


def test_an_assault_weapons_ban_is_no_assault(resources):
    assert news_events(resources, (
        "On 27 June 2021 in Louisville, United States, the gun lobby backed the candidate "
        "despite his previous support for an assault weapons ban.")) == []


@pytest.mark.parametrize("text", [
    ("On 27 June 2021 in Harare, Zimbabwe, the army said it would engage with the "
     "government to address the food shortages."),
    ("On 27 June 2021 in Durban, South Africa, the police chief promised to keep engaging "
     "all stakeholders, from chiefs to business."),
])
def test_engaging_partners_is_no_battle(resources, text):
    assert news_events(resources, text) == []


def test_police_engaging_rioters_or_militants_is_still_fighting(resources):
    (event,) = news_events(resources, (
        "On 27 June 2021, soldiers engaged Taliban militants in a gun battle near Kunduz, "
        "Afghanistan."))
    assert event.event_type == "Battles"


def test_a_currency_rally_is_no_protest(resources):
    assert news_events(resources, (
        "On 27 June 2021 in Tokyo, Japan, the dollar slipped against the yen after the "
        "currency's rally on strong demand.")) == []


@pytest.mark.parametrize("text", [
    ("On 27 June 2021 in Kinshasa, DR Congo, the bishop said that if the vote is delayed "
     "there will be new riots."),
    ("On 27 June 2021 in Seattle, United States, the police said the flaw would help gunmen "
     "attack bank customers."),
    ("On 27 June 2021 in Pretoria, South Africa, the mayor named poor services as one of "
     "the causes of protests."),
])
def test_riots_foretold_or_attacks_made_possible_are_no_news(resources, text):
    assert news_events(resources, text) == []


def test_guards_and_a_gang_firing_in_a_heist_is_a_crime(resources):
    assert news_events(resources, (
        "Cash van guards wounded in failed heist near Alberton, South Africa. On 27 June 2021, "
        "the gang escaped in two cars after the guards returned fire.")) == []


def test_robbers_shot_while_escaping_police_stay_a_battle(resources):
    (event,) = news_events(resources, (
        "On 27 June 2021, two armed robbers were shot dead near Tamale, Ghana, as they tried "
        "to escape from police after a robbery."))
    assert event.event_type == "Battles"


def test_hitmen_arrested_by_police_is_no_political_arrest(resources):
    assert news_events(resources, (
        "On 27 June 2021, six alleged hitmen were arrested by police outside Richards Bay, "
        "South Africa.")) == []
