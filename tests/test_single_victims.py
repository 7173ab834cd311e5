"""One person killed is one death, however the report words it; deaths a report gives
before it names who caused them are the toll of the attack it then describes; and a toll
told with deeds no one is named for ("One person was killed, and more houses were
torched") is the toll of the event being described, not a mob of its own; and so are
deaths a later sentence gives naming a side the fight already has ("Eleven militants were
killed by the troops").

Each positive case failed before the change it tests (no death coded); the guards pass on
both and say what must stay uncounted (a casualty figure, houses burned, a death before a
riot, last year's deaths, a toll with a place of its own, a separate operation).
The sentences are our own, with the constructions of the reports the rules were read from.
"""

from __future__ import annotations

import datetime as dt

import pytest

from news_reports import news_events


@pytest.mark.model
@pytest.mark.parametrize("text", [
    # a person named with "a" by a word that is no common person noun, and "of" a body
    # that is not a number of people
    "A major of the Uganda People's Defence Force was ambushed and killed near the border.",
    "On Friday a caretaker of a small Sufi shrine was shot dead and two worshippers were wounded.",
    # a proper noun with "a": a nationality, a title
    "A Somali was killed when the bus was attacked.",
    "A Deputy Commissioner was shot dead by gunmen in Quetta.",
    # "shoot dead X" parsed as "a dead X"
    "Robbers shoot dead manager of a Kisumu petrol station",
])
def test_one_person_named_with_a_or_by_a_title_is_one_death(count, text):
    assert count(text) == 1


@pytest.mark.model
def test_a_person_wounded_who_later_died_is_a_death(count):
    # "wounded and killed" share one figure for both; "wounded and later died" is the
    # wounded person's death
    assert count("A retired teacher was wounded and later died in hospital.") == 1


@pytest.mark.model
@pytest.mark.parametrize(("text", "deaths"), [
    ("Villagers lynch cattle thief", 1),  # parsed as one noun phrase
    ("Drunk youths stone watchman to death", 1),  # "stone watchman" parsed as a noun
    ("1 killed after gunmen stormed a bar near Thika.", 1),  # "1" hung on the verb as meta
])
def test_a_headline_s_victim_counts_through_a_misparse(count, text, deaths):
    assert count(text) == deaths


@pytest.mark.model
def test_an_object_shared_by_coordinated_verbs_is_the_victim(count):
    assert count("The attackers stormed the farm, killing and robbing him.") == 1


@pytest.mark.model
@pytest.mark.parametrize(("text", "deaths"), [
    ("Three soldiers were killed and injured.", 0),  # one figure for dead and wounded
    ("Militants killed and burned 3 houses.", 0),  # a shared object that is no one
    ("Farmers dumped dead fish onto the road to protest sand mining.", 0),  # not "shoot dead"
    ("Five people were killed and 20 wounded.", 5),
])
def test_guards_casualty_figures_and_things_are_not_deaths(count, text, deaths):
    assert count(text) == deaths


@pytest.fixture(scope="module")
def events(resources):
    """The news events of a short report dated 14 March 2016."""
    return lambda text: news_events(resources, text, date=dt.date(2016, 3, 14))


@pytest.mark.model
@pytest.mark.slow
def test_deaths_a_sentence_gives_before_the_attack_is_described_are_the_attack_s(events):
    (event,) = events(
        "On Monday a shopkeeper was hacked to death at Bura market. The violence began "
        "when a militia from a neighbouring clan attacked the market at dawn.")
    assert event.event_type == "Violence against civilians"
    assert event.fatalities == 1
    assert any(c.kind == "fatalities" and "hacked to death" in c.text for c in event.claims)


@pytest.mark.model
@pytest.mark.slow
@pytest.mark.parametrize("text", [
    # a death before a riot is what the riot is about
    ("A boy was killed by a stray bullet on Monday. Residents of the estate rioted and "
     "burned tyres on the highway."),
    # deaths of the past are background
    ("Last year 20 people were killed in clashes in the area. On Monday militants attacked "
     "a police post in Mandera."),
])
def test_guards_an_earlier_death_is_not_a_riot_s_nor_a_past_one_the_news(events, text):
    assert events(text)[0].fatalities == 0


@pytest.mark.model
@pytest.mark.slow
def test_a_toll_told_with_deeds_no_one_is_named_for_is_the_event_s(events):
    # "and more houses were torched": the same fighting, not a mob of its own
    (event,) = events(
        "On 12 March 2016, Pokot and Turkana militias clashed near Kainuk, Kenya. One person "
        "was killed, and more houses were torched.")
    assert (event.event_type, event.fatalities) == ("Battles", 1)


@pytest.mark.model
@pytest.mark.slow
@pytest.mark.parametrize(("text", "deaths"), [
    (("On 12 March 2016, Kenyan troops engaged Al Shabaab fighters near Kiunga, Kenya. Eleven "
     "militants were killed by the troops, who were backed by helicopters."), 11),
    (("On 12 March 2016, fighting broke out between Kenyan troops and Al Shabaab near Kiunga, "
     "Kenya. Four soldiers died and two fighters were injured."), 4),
    # "another" is no other act here: the sentence names a side the fight already has
    (("On 12 March 2016, Kenyan troops engaged Al Shabaab fighters near Kiunga, Kenya. Two "
     "militants were killed by the troops. Another soldier was shot dead by the militants."), 3),
])
def test_a_later_toll_naming_a_side_of_the_fight_is_its_toll(events, text, deaths):
    (event,) = events(text)
    assert (event.event_type, event.fatalities) == ("Battles", deaths)


@pytest.mark.model
@pytest.mark.slow
@pytest.mark.parametrize("text", [
    ("On 12 March 2016, a clan militia attacked herders at a watering point near Wajir, "
     "Kenya. In Mandera, one trader was killed and two shops set ablaze."),
    ("On 12 March 2016, Kenyan troops engaged Al Shabaab fighters near Kiunga, Kenya. In a "
     "separate operation, the troops killed three militants."),
    ("On 12 March 2016, Kenyan troops engaged Al Shabaab fighters near Kiunga, Kenya. In "
     "another raid, the troops killed three militants."),
])
def test_guards_a_toll_of_another_place_or_act_is_another_event(events, text):
    first, *others = events(text)
    assert first.fatalities == 0 and others


@pytest.mark.model
@pytest.mark.slow
@pytest.mark.parametrize(("text", "deaths"), [
    (("Armed men from one clan attacked members of another clan - 4 villagers were killed "
      "including 2 women in the raid"), 4),
    ("Herders from two clans fought over a borehole near Wajir - 3 herders were killed", 3),
])
def test_a_toll_set_after_a_spaced_hyphen_is_the_event_s(events, text, deaths):
    assert events(text)[0].fatalities == deaths
