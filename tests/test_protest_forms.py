"""Forms of protest and attacks on the forces that the codebook's first words missed:
processions brought out, slogans raised, effigies burnt, a strike continued, a road
blocked by people protesting or by farmers whatever they asked, a shutdown observed, an
agitation staged, a token strike, streets taken, a fast begun, a march against a "fake
encounter", the arrest of a presenter protested; not a road a landslide blocked, a
government shutdown, a rival beaten in a primary, a fire on a platform, people detained
in custody; a policeman beheaded, gunmen opening gun fire on officers; and what is not
background: "for the previous four days", "salaries unpaid for the past year", "the
dismissal of 1800 nurses", a killing the protest answers. Short reports written for these
tests, through the real model."""

from __future__ import annotations

import pytest

from news_reports import news_events

pytestmark = [pytest.mark.model, pytest.mark.slow]


@pytest.mark.parametrize("text", [
    "On 27 June 2021, party workers brought out a procession in Rajshahi, Bangladesh, in the morning.",
    ("On 27 June 2021, union leaders in Nizamabad, India, raised slogans against the "
     "government's labour policies."),
    ("On 27 June 2021, hundreds of party cadres burnt an effigy of the state minister in "
     "Salem, India."),
    ("On 27 June 2021, thousands of home guards continued their strike across Bihar, India, "
     "to press their demand for higher pay."),
    ("In Molo, Kenya, youths blocked the main road and the gate of the county office "
     "protesting alleged rigging of the vote."),
    ("Teachers in Guwahati, India, have been protesting for the previous four days, "
     "demanding permanent posts."),
    ("Staff climbed onto a water tank in Patna, India, protesting at the dismissal of "
     "1800 nurses."),
    # how long the grievance has lasted is not when they protested
    ("Teachers protested on a main road in Hyderabad, Pakistan, against the non-payment of "
     "their salaries for the past year."),
    # a road or a railway blocked by people, whatever they asked for
    ("On 27 June 2021, farmers blocked trains at the station in Ludhiana, India, after the "
     "state delayed buying their paddy."),
    ("On 27 June 2021, traders in Sopore, Kashmir, observed a complete shutdown against the "
     "arrest of a local cleric."),
    ("On 27 June 2021, student unions in Hyderabad, India, staged an agitation over "
     "scholarships the state had not paid."),
    "Striking doctors stage demonstration in Kisumu, Kenya, on 27 June 2021",
    ("On 27 June 2021, bank employees in Kochi, India, held a two-hour token strike for a "
     "revision of their wages."),
    ("Hundreds of hawkers have taken to the streets of Kisumu, Kenya, on 27 June 2021 "
     "against their eviction from the bus park."),
    ("On 27 June 2021, members of a farmers' union began a fast in Mandya, India, "
     "demanding a fair price for sugarcane."),
    # the arrest protested is its cause, not police intervening
    "On 27 June 2021, clerics in Lamu, Kenya, protested the arrest of a radio presenter.",
    # a "fake encounter" is what the march is against, not a battle
    ("On 27 June 2021, a march was held in Srinagar, Kashmir, against the killing of two "
     "labourers by soldiers in a fake encounter."),
])
def test_forms_of_protest_are_peaceful_protests(resources, text):
    (event,) = news_events(resources, text)
    assert (event.event_type, event.sub_event_type) == ("Protests", "Peaceful protest")


@pytest.mark.parametrize("text", [
    "On 27 June 2021, mourners walked in a funeral procession through Kumasi, Ghana.",
    ("On 27 June 2021 in Lusaka, Zambia, the president fainted against his lectern while "
     "watching a military procession."),
])
def test_a_funeral_or_military_procession_is_no_protest(resources, text):
    assert news_events(resources, text) == []


@pytest.mark.parametrize("text", [
    "On 27 June 2021, a landslide blocked the road between Murang'a and Kangema in Kenya.",
    ("On 27 June 2021, the federal government shutdown entered its third week as Congress "
     "failed to agree a budget."),
    ("On 27 June 2021, Sanders easily beat Clinton, a former secretary of state, in the "
     "Michigan primary."),
    "On 27 June 2021, BP reported a fire at one of its North Sea platforms.",
    # a report that mentions a protest; people detained in custody are no intervention
    ("On 27 June 2021, an inspector in Leeds said officers had removed belts from people "
     "detained at the station. Relatives held a protest there last year."),
])
def test_blocked_roads_shutdowns_and_beatings_that_are_no_event(resources, text):
    assert news_events(resources, text) == []


@pytest.mark.parametrize("text", [
    ("On 27 June 2021, Taliban fighters seized a police officer at a checkpoint in Wardak, "
     "Afghanistan, and beheaded him the next day."),
    ("On 27 June 2021, unidentified gunmen approached two police officers in Tamale, Ghana, "
     "and opened gun fire on them."),
])
def test_attacks_on_the_forces_are_battles(resources, text):
    (event,) = news_events(resources, text)
    assert event.event_type == "Battles"


def test_a_killing_a_protest_answers_is_its_cause_not_its_toll(resources):
    (event,) = news_events(resources, (
        "On 27 June 2021, in response to police killing a trader the previous day, residents "
        "protested against the police in Accra, Ghana."))
    assert event.event_type == "Protests"
    assert event.fatalities == 0


def test_demonstrators_mounting_roadblocks_are_a_violent_demonstration(resources):
    (event,) = news_events(resources, (
        "On 27 June 2021, demonstrators mounted roadblocks in Yendi, Ghana, to keep a new "
        "chief out of the town."))
    assert (event.event_type, event.sub_event_type) == ("Riots", "Violent demonstration")


def test_a_protest_against_a_police_roadblock_stays_peaceful(resources):
    (event,) = news_events(resources, (
        "On 27 June 2021, taxi drivers blocked the highway at Limuru, Kenya, with their cars "
        "to protest. Their demonstration was aimed against the police's new roadblock."))
    assert event.event_type == "Protests"


@pytest.mark.parametrize("text, event_type", [
    ("On 27 June 2021, traders and builders got into a streetfight at Kasoa market, Ghana, "
     "when stalls were pulled down.", "Riots"),
    ("On 27 June 2021, activists backing the hartal set the fire on the highway by pouring "
     "petrol at Gazipur, Bangladesh.", "Riots"),
    ("On 27 June 2021, two gunmen fired on an army post in Bacho, Thailand, and fled when "
     "soldiers returned fire.", "Battles"),
    ("On 27 June 2021, an unidentified armed actor shot dead a pastor in Tema, Ghana, for "
     "unknown reasons.", "Violence against civilians"),
])
def test_fights_fires_and_shootings_the_first_words_missed(resources, text, event_type):
    (event,) = news_events(resources, text)
    assert event.event_type == event_type


@pytest.mark.parametrize("text", [
    # a headline verb the parser tags as a verb but hangs on the noun after it
    "Teachers protest lack of pay rises in Kisumu, Kenya on 27 June 2021.",
    # a plural noun hung on an adverb: "protests district-wide"
    ("On 27 June 2021, power workers in Hyderabad, Pakistan stayed away from work, "
     "accompanied by protests district-wide."),
])
def test_protest_words_the_parser_hangs_on_another_word_still_name_a_protest(resources, text):
    events = news_events(resources, text)
    assert [e.event_type for e in events][:1] == ["Protests"]


@pytest.mark.parametrize("text", [
    ("On 27 June 2021, about 200 students held a sit in outside the vice chancellor's office "
     "in Chennai, India, demanding better hostels."),
    ("On 27 June 2021, an activist had been on a food strike for a month in Ludhiana, India, "
     "demanding the release of prisoners."),
    ("On 27 June 2021, members of a students' union staged a rail roko at Coimbatore "
     "Junction in India."),
    ("On 27 June 2021, hundreds of traders poured onto the streets of Techiman, Ghana, over "
     "a new market levy."),
])
def test_a_sit_in_a_food_strike_a_roko_and_crowds_in_the_streets_are_protests(resources, text):
    (event,) = news_events(resources, text)
    assert (event.event_type, event.sub_event_type) == ("Protests", "Peaceful protest")


def test_campaigners_the_police_disperse_meet_an_intervention(resources):
    (event,) = news_events(resources, (
        "On 27 June 2021, police dispersed campaigners of a pro-democracy movement in "
        "Nairobi, Kenya."))
    assert (event.event_type, event.sub_event_type) == ("Protests", "Protest with intervention")
    assert event.actor2 == "Police Forces of Kenya"


def test_a_protest_a_strike_was_called_for_is_that_strike(resources):
    # the strike called is the protest, not a call for protests to come
    (event,) = news_events(resources, (
        "On 27 June 2021, a farmers' association called a band to protest against the new "
        "market tax in Mysuru, India."))
    assert (event.event_type, event.sub_event_type) == ("Protests", "Peaceful protest")


def test_guard_people_called_on_to_protest_have_not_protested(resources):
    assert news_events(resources, (
        "On 27 June 2021, a farmers' association in Mysuru, India, called on traders to "
        "protest against the new market tax.")) == []
