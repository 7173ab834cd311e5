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


def test_a_protest_with_its_own_modifiers_is_a_protest_even_when_misparsed(resources):
    # the parser took "protest" for a modifier of "scraping" (no event before)
    sub, *_ = _coded(
        resources, "On 2 June 2021, students staged a day-long protest demanding scraping "
        "of the recruitment of candidates.")
    assert sub == "Peaceful protest"


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


def _news(resources, text: str) -> list[Event]:
    document = Document(id="t", text=text, date=REPORT_DATE, date_source="option")
    (result,) = process_documents([document], resources=resources)
    assert isinstance(result, ReportResult), result
    return [e for e in result.events if not e.is_background]


def test_party_cadres_clashing_with_police_are_rioters_not_a_battle(resources):
    sub, actor1, inter1, *_ = _coded(
        resources, "On 12 June 2021, UDMF cadres clashed with police in Birgunj, Nepal.")
    assert (sub, actor1, inter1) == ("Mob violence", "Rioters (Nepal)", 5)


def test_party_cadres_firing_guns_are_not_rioters(resources):
    sub, *_ = _coded(
        resources, "On 12 June 2021, UDMF cadres clashed with police in Birgunj, Nepal, "
        "firing guns.")
    assert sub == "Armed clash"


def test_demonstrators_burning_an_effigy_stay_a_peaceful_protest(resources):
    sub, *_ = _coded(
        resources, "On 3 June 2021, students protested in Kathmandu, Nepal and burnt an "
        "effigy of the prime minister.")
    assert sub == "Peaceful protest"


def test_demonstrators_blocking_a_road_stay_a_peaceful_protest(resources):
    sub, *_ = _coded(
        resources, "On 4 June 2021, farmers protested in Bathinda, India, blocking the highway.")
    assert sub == "Peaceful protest"


def test_road_blocked_with_burning_tyres_is_a_violent_demonstration(resources):
    sub, *_ = _coded(
        resources, "On 4 June 2021, residents blocked a road with burning tyres in Kasoa, "
        "Ghana to protest frequent accidents.")
    assert sub == "Violent demonstration"


def test_a_death_the_protest_is_about_is_no_excessive_force(resources):
    sub, *_ = _coded(
        resources, "On 5 June 2021, workers protested in Moga, India, after a girl was killed "
        "in a road accident.")
    assert sub == "Peaceful protest"


def test_hyphenated_trigger_sit_in_codes_a_protest(resources):
    sub, *_ = _coded(
        resources, "On 1 June 2021, nurses staged a sit-in at the hospital in Kisumu, Kenya.")
    assert sub == "Peaceful protest"


def test_people_gathering_to_demand_something_is_a_protest(resources):
    sub, *_ = _coded(
        resources, "On 2 June 2021, hundreds of traders gathered in front of parliament in "
        "Accra, Ghana, demanding lower taxes.")
    assert sub == "Peaceful protest"


def test_background_in_a_relative_clause_does_not_make_the_protest_background(resources):
    sub, *_ = _coded(
        resources, "On 7 June 2021, residents, who settled in the town ten years ago, protested "
        "in Cooch Behar, India against the district administration.")
    assert sub == "Peaceful protest"


def test_unnamed_assailant_attacking_a_politician_is_violence_against_civilians(resources):
    event = _main_event(
        resources, "On 8 June 2021, a local councillor was shot dead by an unknown person at "
        "his home in Kisumu, Kenya.")
    assert (event.event_type, event.sub_event_type) == ("Violence against civilians", "Attack")
    assert event.inter1 == 3


def test_a_private_person_killed_by_an_unknown_person_is_no_event(resources):
    assert _news(resources, "On 8 June 2021, a shopkeeper was shot dead by an unknown person "
                 "at his home in Kisumu, Kenya.") == []


def test_explosive_device_found_before_it_went_off_is_disrupted_weapons_use(resources):
    sub, *_ = _coded(
        resources, "On 9 June 2021, an explosive device was discovered near a school in "
        "Mandera, Kenya.")
    assert sub == "Disrupted weapons use"


def test_soldiers_switching_sides_is_a_change_to_group(resources):
    sub, *_ = _coded(
        resources, "On 2 June 2021, twenty Afghan soldiers switched sides and joined the "
        "Taliban in Kunar, Afghanistan.")
    assert sub == "Change to group/activity"


@pytest.mark.parametrize("text", [
    ("On 2 June 2021, Kenya deployed troops along its border with Somalia in Mandera "
     "after threats from al-Shabaab."),
    ("On 2 June 2021, the interior minister imposed a curfew on Bunkpurugu, Ghana, where "
     "soldiers now patrol the streets."),
])
def test_forces_deployed_and_curfews_are_a_change_to_group(resources, text):
    # ACLED's changes to a group's activity include deployments and security measures
    sub, *_ = _coded(resources, text)
    assert sub == "Change to group/activity"


@pytest.mark.parametrize("text", [
    "On 2 June 2021, the county recruited 300 nurses and deployed them to clinics in Kisumu, Kenya.",
    ("On 2 June 2021, observers said the proposed deployment of peacekeepers in Burundi "
     "would be discussed."),
])
def test_people_deployed_by_no_armed_actor_or_a_deployment_planned_are_no_event(resources,
                                                                                text):
    assert _news(resources, text) == []


def test_a_clash_whose_toll_comes_in_the_next_sentence_is_an_armed_clash(resources):
    sub, *_ = _coded(resources, (
        "On 2 June 2021, clashes broke out between two groups of herders near Garissa, Kenya, "
        "over a water point. Two people were killed."))
    assert sub == "Armed clash"


def test_armed_group_destroying_property_is_property_destruction(resources):
    sub, *_ = _coded(
        resources, "On 5 June 2021, al-Shabaab militants destroyed a telecommunications mast "
        "in Mandera, Kenya.")
    assert sub == "Looting/property destruction"


@pytest.mark.parametrize("text", [
    # proceedings about an act, not the act
    "A man accused of killing his neighbour appeared in court in Durban on Monday.",
    "The police are investigating the murder of a taxi owner in Durban.",
    # what could, should or may happen
    "The army can launch an attack on the rebels at any time, the minister said in Kabul.",
    "The government announced a plan to arrest the warlord in Kinshasa.",
    # everyday senses of trigger words
    "Wall Street posted a strong rally on Friday in New York.",
    "The team demonstrated great skill against the visitors in Accra on Sunday.",
    "Kenya Airways bought four new jets in Nairobi on Monday.",
    "A woman is fighting for her life in hospital in Nairobi after a fall.",
    "The rebels, who say they are fighting for the rights of farmers, are active in Bihar.",
    "The chairman died of a heart attack in Accra on Monday.",
    "The striker scored two goals as United beat City 3-1 in Manchester on Saturday.",
    "The company signed an agreement with a Chinese firm in Lagos on Monday.",
    "The doping scandal destroyed his career in Nairobi on Monday.",
])
def test_non_events_yield_no_news_event(resources, text):
    assert _news(resources, text) == []


def test_hyphenated_triggers_are_matched_as_phrases():
    from sitrep.codebook import load_codebook

    rules = {rule.name: rule for rule in load_codebook().rules}
    assert "sit-in" in rules["protests.peaceful"].phrases
    assert "sit-in" not in rules["protests.peaceful"].words


def test_a_misspelt_rule_condition_is_an_error_not_ignored():
    from importlib import resources as files

    import yaml

    from sitrep.codebook import load_codebook

    data = yaml.safe_load(files.files("sitrep").joinpath("data/codebook.yaml").read_text())
    load_codebook(data)  # every condition of the bundled codebook is known
    data["rules"][0]["conditions"] = {"unles_any": ["drill"]}
    with pytest.raises(ValueError, match="unknown condition.*unles_any"):
        load_codebook(data)


def test_a_word_list_may_take_in_a_shared_list_by_its_alias():
    """``unless_any: [*fighting_phrases, operation]``: YAML gives the alias as a nested
    list; the rule reads one flat list of words."""
    from importlib import resources as files

    import yaml

    from sitrep.codebook import load_codebook

    data = yaml.safe_load(files.files("sitrep").joinpath("data/codebook.yaml").read_text())
    data["rules"][0]["conditions"] = {"unless_any": [["clash", "shootout"], "operation"]}
    assert load_codebook(data).rules[0].conditions["unless_any"] == [
        "clash", "shootout", "operation"]


def test_a_codebook_phrase_ending_in_a_hyphen_is_a_prefix():
    from sitrep.codebook import find_phrase

    assert find_phrase("there were anti-iebc demonstrations", "anti-") == 11
    assert find_phrase("an anti-riot unit", "anti-") == 3
    assert find_phrase("the antiques market", "anti-") == -1  # no hyphen, no prefix
    assert find_phrase("pro-government rallies", "pro") == -1  # a whole word still whole


def test_a_report_s_later_month_does_not_date_an_event_told_in_the_past(resources):
    # the report is dated 30 June 2021: "in August" is the future of the call, not the walk
    event = _main_event(
        resources, "Women staged a walk through Ho, Ghana to call on party leaders to keep "
        "the peace during the elections in August.")
    assert event.date is not None and event.date <= REPORT_DATE


@pytest.mark.parametrize("text", [
    ("On 12 June 2021, clashes between supporters of two rival aspirants broke out in "
     "Tamale, Ghana."),
    "On 12 June 2021, supporters of two rival aspirants clashed in Tamale, Ghana.",
])
def test_supporters_clashing_with_each_other_are_rioters_against_rioters(resources, text):
    sub, actor1, inter1, actor2, inter2 = _coded(resources, text)
    assert sub == "Mob violence"
    assert (actor1, inter1) == ("Rioters (Ghana)", 5)
    assert (actor2, inter2) == ("Rioters (Ghana)", 5)


@pytest.mark.parametrize("text", [
    "On 12 June 2021, students protested in Patna, India. Police lathicharged the protesters.",
    "On 12 June 2021, students protested in Patna, India, but police stopped them.",
    ("On 12 June 2021, students protested in Patna, India. Police intervened and dispersed "
     "the protesters."),
])
def test_police_stopping_or_charging_protesters_is_a_protest_with_intervention(
    resources, text,
):
    sub, actor1, inter1, actor2, inter2 = _coded(resources, text)
    assert sub == "Protest with intervention"
    assert (actor1, inter1) == ("Protesters (India)", 6)
    assert (actor2, inter2) == ("Police Forces of India", 1)


def test_protesters_stopping_traffic_is_no_intervention(resources):
    sub, *_, actor2, _ = _coded(
        resources, "On 12 June 2021, traders protested in Nairobi, Kenya and stopped traffic "
        "on Moi Avenue.")
    assert (sub, actor2) == ("Peaceful protest", None)


def test_a_victim_who_succumbed_to_injuries_is_a_fatality(resources):
    event = _main_event(
        resources, "On 12 June 2021, gunmen shot two men in Kisumu, Kenya. One of them "
        "succumbed to injuries in hospital.")
    assert event.fatalities == 1


def test_deaths_caused_by_police_intervening_in_a_riot_are_the_riot_s(resources):
    document = Document(
        id="t", date=REPORT_DATE, date_source="option",
        text="On 12 June 2021, residents rioted in Kisumu, Kenya over a murder. Police "
             "intervened killing one young boy.")
    (result,) = process_documents([document], resources=resources)
    assert isinstance(result, ReportResult), result
    news = [e for e in result.events if not e.is_background]
    assert [(e.event_type, e.fatalities) for e in news] == [("Riots", 1)]
    assert (news[0].actor2, news[0].inter2) == ("Police Forces of Kenya", 1)


def test_police_killing_someone_elsewhere_stays_an_event_of_its_own(resources):
    document = Document(
        id="t", date=REPORT_DATE, date_source="option",
        text="On 12 June 2021, residents rioted in Kisumu, Kenya over a murder. In a separate "
             "incident, police shot dead a robbery suspect in Nairobi.")
    (result,) = process_documents([document], resources=resources)
    assert isinstance(result, ReportResult), result
    types = [e.event_type for e in result.events if not e.is_background]
    assert types == ["Riots", "Violence against civilians"]


def test_deaths_caused_by_police_intervening_in_a_protest_are_excessive_force(resources):
    event = _main_event(
        resources, "On 12 June 2021, traders protested in Nairobi, Kenya over taxes. Police "
        "intervened, shooting dead one trader.")
    assert event.sub_event_type == "Excessive force against protesters"
    # the protesters first, as ACLED's codebook orders a demonstration's sides
    assert (event.actor1, event.actor2, event.fatalities) == (
        "Protesters (Kenya)", "Police Forces of Kenya", 1)


def test_an_arrest_the_crowd_protests_over_is_no_intervention(resources):
    sub, *_, actor2, _ = _coded(
        resources, "On 5 June 2021, hundreds of Muslims protested in Mombasa, Kenya over the "
        "arrest of a cleric.")
    assert (sub, actor2) == ("Peaceful protest", None)


def test_police_intervening_in_a_riot_are_its_actor2_not_another_event(resources):
    document = Document(
        id="t", date=REPORT_DATE, date_source="option",
        text="On 12 June 2021, residents rioted in Kisumu, Kenya over power cuts. Police "
             "intervened to calm the situation.")
    (result,) = process_documents([document], resources=resources)
    assert isinstance(result, ReportResult), result
    news = [e for e in result.events if not e.is_background]
    assert [(e.sub_event_type, e.actor2) for e in news] == [
        ("Violent demonstration", "Police Forces of Kenya")]


@pytest.mark.parametrize(("text", "sub"), [
    ("On 12 June 2021, students protested in Patna, India. Later, police dispersed them.",
     "Protest with intervention"),
    (("On 12 June 2021, residents protested in Kisumu, Kenya over the killing of a boy. "
      "Police have arrested two suspects."), "Peaceful protest"),
])
def test_an_intervention_told_after_the_protest_falls_on_its_crowd(resources, text, sub):
    assert _coded(resources, text)[0] == sub


@pytest.mark.parametrize("text", [
    # a cue in another clause: "another attack" is the second shooting's, not the first's
    ("On 27 June 2021, militants shot and killed a soldier in Garissa, Kenya, and in another "
     "attack a sniper shot two policemen."),
    # a cue inside a noun's modifier: the eviction was the day before, the protest is news
    ("Students protested in Nairobi, Kenya over the eviction of traders by council officials "
     "the previous day."),
    # "recent" dates the deaths the student protested, not the killing
    "Police shot dead a student protesting recent deaths of activists in Nairobi, Kenya.",
    # "previous" is the exam's, in what the nurses protested for
    "Nurses staged protests in Nairobi, Kenya for cancelling a previous exam.",
])
def test_a_background_cue_about_something_else_leaves_the_event_news(resources, text):
    assert _main_event(resources, text).flags == ()


def test_a_background_cue_on_the_act_itself_still_makes_it_background(resources):
    document = Document(id="t", text="In a previous attack, militants killed three soldiers "
                        "in Garissa, Kenya.", date=REPORT_DATE, date_source="option")
    (result,) = process_documents([document], resources=resources)
    assert result.events and all(e.is_background for e in result.events)


def test_an_act_in_a_decade_long_past_is_background_an_age_is_no_decade(resources):
    # the decade ended before the report's year; "in their 20s" is the victims' age
    document = Document(id="t", text="Riots broke out in Soweto, South Africa, in the late "
                        "1970s.", date=REPORT_DATE, date_source="option")
    (result,) = process_documents([document], resources=resources)
    assert result.events and all(e.is_background for e in result.events)
    document = Document(id="t", text="Soldiers shot dead two farmers in their 20s near "
                        "Lashio, Myanmar.", date=REPORT_DATE, date_source="option")
    (result,) = process_documents([document], resources=resources)
    assert result.events and not result.events[0].is_background


def test_a_plural_noun_taken_for_a_name_s_modifier_still_triggers(resources):
    event = _main_event(
        resources, "Fights Konkomba and Chekosi resumed in Nazawani, Ghana, leading to one "
        "death.")
    assert (event.event_type, event.sub_event_type) == ("Battles", "Armed clash")


def test_militants_firing_upon_a_police_post_is_an_attack(resources):
    event = _main_event(
        resources, "On 27 June 2021, Al Shabaab militants fired upon a police post in Mandera, "
        "Kenya.")
    assert event.event_type == "Battles"


@pytest.mark.parametrize("text", [
    "Residents gathered in Kisumu, Kenya to protest recent killings of traders.",
    ("Farmers marched in Kisumu, Kenya to demand action against the police involved in the "
     "fatal 2 March shooting of a farmer."),
])
def test_a_date_on_what_is_protested_does_not_date_the_protest(resources, text):
    event = _main_event(resources, text)
    assert (event.event_type, event.flags) == ("Protests", ())


def test_a_failed_act_does_not_hide_the_protest_that_happened(resources):
    event = _main_event(
        resources, "Party members staged protests in Punjab, India, blaming the police and the "
        "central government for failing to stop drug smuggling.")
    assert (event.sub_event_type, event.flags) == ("Peaceful protest", ())


def test_an_attack_a_crowd_protests_over_is_not_its_riot(resources):
    event = _main_event(
        resources, "Students protested in Nairobi, Kenya against the attacks on opposition "
        "politicians.")
    assert event.sub_event_type == "Peaceful protest"


def test_an_act_called_for_is_not_news(resources):
    document = Document(id="t", text="The prosecutor renewed her call for the army to arrest "
                        "the Al Shabaab commanders in Kenya.", date=REPORT_DATE,
                        date_source="option")
    (result,) = process_documents([document], resources=resources)
    assert result.events and all("future" in e.flags for e in result.events)


def test_a_modal_past_a_semicolon_leaves_the_clash_news(resources):
    # the parser made "Clashes" the subject of "may include": the clash was coded future
    event = _main_event(
        resources, "On 28 June 2021, clashes between Kikuyu and Maasai over water in "
        "Naivasha, Kenya; eight killed; may include civilians.")
    assert (event.event_type, event.flags) == ("Battles", ())


def test_no_stone_unturned_throws_no_stones(resources):
    # "leaving no stone unturned" read as stones (not) thrown coded a negated riot, and the
    # report had no news event
    text = ("Traders eager to demonstrate over levies gave up once police, leaving no stone "
            "unturned, arrived in Nakuru on Monday.")
    assert [e.event_type for e in _news(resources, text)] == ["Protests"]
