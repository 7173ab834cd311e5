"""Event coding by tactic: riots, strikes, attacks on posts, raids, abductions and acts
that did not happen, through the real model and gazetteer.

Each case is a rule of ACLED's codebook written as a short report of our own: road
barricades and looting make a demonstration violent, a strike is a protest, an attack on a
police post is a battle, Attack ranks above Abduction, a police raid without harm is no
event.
"""

from __future__ import annotations

import pytest

from news_reports import news_events
from sitrep.records import Event

pytestmark = [pytest.mark.model, pytest.mark.slow]


def _main_event(resources, text: str) -> Event:
    news = news_events(resources, text)
    assert news, f"no news event in {text!r}"
    return news[0]


# --- riots ------------------------------------------------------------------------------


def test_students_protesting_by_looting_shops_are_rioters(resources):
    event = _main_event(
        resources, "On 2 June 2021, students in Embu, Kenya protested against the new fees by "
        "looting the shops of the town.")
    assert (event.event_type, event.sub_event_type) == ("Riots", "Violent demonstration")
    assert (event.actor1, event.inter1) == ("Rioters (Kenya)", 5)


def test_a_protest_called_violent_is_a_violent_demonstration(resources):
    event = _main_event(
        resources, "On 2 June 2021, traders in Tamale, Ghana violently protested the closure "
        "of the market.")
    assert event.sub_event_type == "Violent demonstration"


@pytest.mark.parametrize("text", [
    "On 8 June 2021, residents barricaded the main road in Kasoa, Ghana, demanding street lights.",
    "On 8 June 2021, police arrested ten youths who were barricading roads in Kisii, Kenya.",
])
def test_barricading_roads_is_a_violent_demonstration(resources, text):
    event = _main_event(resources, text)
    assert (event.event_type, event.sub_event_type) == ("Riots", "Violent demonstration")
    assert event.inter1 == 5


def test_police_barricading_a_road_is_no_riot(resources):
    news = news_events(resources, "On 8 June 2021, police barricaded the road to the stadium in "
                 "Nakuru, Kenya.")
    assert all(e.event_type != "Riots" for e in news)


def test_a_crowd_described_as_rioting_is_a_violent_demonstration(resources):
    event = _main_event(
        resources, "On 4 June 2021, rioting teachers threw stones at government officials in "
        "Nakuru, Kenya.")
    assert (event.event_type, event.sub_event_type) == ("Riots", "Violent demonstration")
    assert (event.inter1, event.inter2) == (5, 7)


def test_two_groups_shooting_at_each_other_fight_a_battle_not_a_riot(resources):
    event = _main_event(
        resources, "On 4 June 2021, two groups of villagers clashed over a land dispute in "
        "Bawku, Ghana and opened fire at each other, injuring six people.")
    assert (event.event_type, event.sub_event_type) == ("Battles", "Armed clash")


def test_residents_torturing_suspected_thieves_is_mob_violence(resources):
    event = _main_event(
        resources, "On 5 June 2021, residents of Nyeri, Kenya caught and tortured two "
        "suspected thieves.")
    assert (event.sub_event_type, event.inter1, event.inter2) == ("Mob violence", 5, 7)


# --- protests ---------------------------------------------------------------------------


@pytest.mark.parametrize("text", [
    ("On 7 June 2021, doctors at the county hospital in Nakuru, Kenya went on strike over "
     "unpaid salaries."),
    "On 7 June 2021, teachers in Kisumu, Kenya began an indefinite strike against delayed pay.",
])
def test_workers_on_strike_are_a_peaceful_protest(resources, text):
    event = _main_event(resources, text)
    assert (event.event_type, event.sub_event_type) == ("Protests", "Peaceful protest")
    assert event.inter1 == 6


def test_a_drone_strike_is_no_strike_by_workers(resources):
    event = _main_event(
        resources, "On 7 June 2021, a drone strike hit a vehicle carrying militants near "
        "Jilib, Somalia.")
    assert event.event_type == "Explosions/Remote violence"


# --- battles and violence against civilians ---------------------------------------------


@pytest.mark.parametrize("text", [
    "On 9 June 2021, gunmen ambushed a patrol of forest rangers near Lamu, Kenya.",
    "On 9 June 2021, gunmen opened fire on a police post in Mandera, Kenya.",
])
def test_an_attack_on_a_patrol_or_post_is_a_battle(resources, text):
    event = _main_event(resources, text)
    assert (event.event_type, event.sub_event_type) == ("Battles", "Armed clash")
    assert event.inter1 == 3


@pytest.mark.parametrize("text", [
    ("On 10 June 2021, Al Shabaab militants sprayed a bus with bullets near Lamu, Kenya, "
     "injuring five passengers."),
    "On 10 June 2021, gunmen sprayed the car of a trader with bullets in Garissa, Kenya.",
])
def test_armed_men_spraying_civilians_with_bullets_is_an_attack(resources, text):
    event = _main_event(resources, text)
    assert (event.event_type, event.sub_event_type) == ("Violence against civilians", "Attack")


@pytest.mark.parametrize("text", [
    "On 5 June 2021, two people died in post-election violence in Kisumu, Kenya.",
    ("On 5 June 2021, a girl died of the injuries she suffered in a clash between rival "
     "political parties in Kisumu, Kenya."),
])
def test_deadly_political_clashes_with_no_sides_named_are_a_battle(resources, text):
    event = _main_event(resources, text)
    assert (event.event_type, event.sub_event_type) == ("Battles", "Armed clash")
    assert (event.inter1, event.inter2) == (3, 3)


def test_an_ethnic_based_clash_is_a_battle_between_identity_militias(resources):
    event = _main_event(resources, "On 5 June 2021, an ethnic-based clash in Tamale, Ghana.")
    assert (event.event_type, event.inter1, event.inter2) == ("Battles", 4, 4)


BY_TACTIC = [
    pytest.param("On 5 June 2021, gunmen fired upon a police checkpoint near Mandera, Kenya.",
                 "Battles", "Armed clash", id="firing-upon-a-checkpoint-is-a-battle"),
    pytest.param("On 6 June 2021, Taliban militants fired an RPG at an army tank in Nad Ali "
                 "district, Helmand, Afghanistan.", "Explosions/Remote violence",
                 "Shelling/artillery/missile attack", id="rpg-at-a-tank-is-a-missile-attack"),
    pytest.param("On 6 June 2021, jet fighters pounded militant hideouts in Tirah, Pakistan.",
                 "Explosions/Remote violence", "Air/drone strike",
                 id="jet-fighters-pounding-hideouts-is-an-air-strike"),
    pytest.param("On 6 June 2021, a bomb carried by Taliban militants detonated prematurely "
                 "in Arghandab district, Kandahar, Afghanistan, killing two of them.",
                 "Strategic developments", "Disrupted weapons use",
                 id="bomb-gone-off-prematurely-is-disrupted-weapons-use"),
    pytest.param("On 6 June 2021, 25 IS militants surrendered to Afghan forces in Kunar, "
                 "Afghanistan.", "Strategic developments", "Agreement",
                 id="militants-surrendering-is-an-agreement"),
    pytest.param("On 6 June 2021, 70 Naxalites handed themselves over to the police in "
                 "Malkangiri, India.", "Strategic developments", "Agreement",
                 id="militants-handing-themselves-over-is-an-agreement"),
    pytest.param("On 6 June 2021, Pakistani troops violated the ceasefire and opened fire on "
                 "Indian border posts in Poonch, India.", "Battles", "Armed clash",
                 id="violating-a-ceasefire-is-the-firing-not-an-agreement"),
    pytest.param("On 6 June 2021, the army and the rebels agreed to a ceasefire in Kayin "
                 "State, Myanmar.", "Strategic developments", "Agreement",
                 id="agreeing-a-ceasefire-is-an-agreement"),
    pytest.param("On 6 June 2021, Pakistani troops fired three rounds at an Indian border "
                 "post in Poonch, India.", "Battles", "Armed clash",
                 id="rounds-fired-at-a-border-post-are-a-battle"),
    pytest.param("On 6 June 2021, insurgents fired on eight soldiers guarding a school in Yala, "
                 "Thailand.", "Battles", "Armed clash",
                 id="firing-on-soldiers-is-a-battle"),
    pytest.param("On 6 June 2021, students protested in Kisii, Kenya, against the transfer "
                 "of their principal, setting fire to the school's administration block.",
                 "Riots", "Violent demonstration",
                 id="students-setting-fire-in-protest-riot"),
    pytest.param("On 6 June 2021, soldiers discovered an arms cache in a cave near Jalalabad, "
                 "Afghanistan.", "Strategic developments", "Disrupted weapons use",
                 id="arms-cache-found-is-disrupted-weapons-use"),
    pytest.param("On 11 June 2021, a teacher was abducted and killed by Taliban militants in "
                 "Obe district, Herat, Afghanistan.", "Violence against civilians", "Attack",
                 id="abducted-and-killed-is-an-attack"),
    pytest.param("On 11 June 2021, Al Shabaab militants abducted a lorry driver near Mandera, "
                 "Kenya.", "Violence against civilians", "Abduction/forced disappearance",
                 id="abducting-a-driver-is-an-abduction"),
    pytest.param("On 11 June 2021, gunmen beat and abducted a county official near Mandera, "
                 "Kenya.", "Violence against civilians", "Attack",
                 id="beaten-and-abducted-is-an-attack"),
    pytest.param("On 11 June 2021, gunmen stormed a mission near Kilifi, Kenya, assaulting "
                 "and abducting an aid worker.", "Violence against civilians", "Attack",
                 id="assaulted-and-abducted-is-an-attack"),
    pytest.param("On 16 October 2021, police shot in the air and scattered a crowd of "
                 "traders in Kilifi, Kenya.", "Protests", "Protest with intervention",
                 id="police-scattering-a-crowd-intervene"),
    pytest.param("On 16 October 2021, students formed human chains outside the university in "
                 "Dhaka, Bangladesh, to back the teachers' demands.", "Protests",
                 "Peaceful protest", id="human-chains-are-a-protest"),
    # sexual violence ranks above an attack; the tagger reads "raping" as "rap"
    pytest.param("On 11 June 2021, a gang of armed men broke into a girls' school near "
                 "Kakamega, Kenya, beating and raping three pupils.",
                 "Violence against civilians", "Sexual violence",
                 id="raping-is-sexual-violence"),
    # an attack in which people are only taken stays an abduction
    pytest.param("On 11 June 2021, armed men attacked a village near Mandera, Kenya, and "
                 "abducted two herders.", "Violence against civilians",
                 "Abduction/forced disappearance", id="an-attack-that-only-takes-is-an-abduction"),
    pytest.param("On 12 June 2021, bandits raided a village in Baringo, Kenya.",
                 "Violence against civilians", "Attack", id="bandits-raiding-is-an-attack"),
    # the posts and positions forces hold are the forces: no event before
    pytest.param("On 13 June 2021, Pakistani troops targeted Indian posts along the border in "
                 "Samba district, Jammu and Kashmir, India.", "Battles", "Armed clash",
                 id="posts-targeted-are-a-battle"),
    pytest.param("On 13 June 2021, the army opened fire on rebel positions near Laukkai, "
                 "Shan State, Myanmar.", "Battles", "Armed clash",
                 id="fire-on-positions-is-a-battle"),
    # explosives set off under property: no event before "blew up" was a trigger
    pytest.param("On 13 June 2021, Maoist rebels blew up a panchayat building in Latehar "
                 "district, Jharkhand, India.", "Explosions/Remote violence",
                 "Remote explosive/landmine/IED", id="property-blown-up-is-an-explosion"),
    pytest.param("On 13 June 2021, two electricity pylons were blown up near Sibi, "
                 "Balochistan, Pakistan.", "Explosions/Remote violence",
                 "Remote explosive/landmine/IED", id="pylons-blown-up-are-an-explosion"),
]


@pytest.mark.parametrize("text, event_type, sub_event_type", BY_TACTIC)
def test_the_tactic_decides_the_type(resources, text, event_type, sub_event_type):
    event = _main_event(resources, text)
    assert (event.event_type, event.sub_event_type) == (event_type, sub_event_type)


def test_land_taken_away_is_no_abduction(resources):
    news = news_events(resources, "On 3 June 2021, Maasai militiamen attacked farmers in Narok, "
                 "Kenya. The farmers say their farm was taken away by the militia.")
    assert [e.sub_event_type for e in news] == ["Attack"]


@pytest.mark.parametrize("text", [
    # the state's forces taking in recruits is routine, not a change to an armed group
    ("On 12 June 2021, some 3,000 new recruits joined the Kenya Defence Forces at a "
     "passing-out parade in Eldoret."),
    # crime suspects who give themselves up to the police are no armed group's surrender
    "On 12 June 2021, three robbery suspects handed themselves over to police in Nakuru.",
    # a search or a seizure harms no one
    "On 12 June 2021, police raided a warehouse in Durban and seized counterfeit shoes.",
    # everyday senses of trigger words
    "Opposition delegates stormed out of the meeting in Pretoria on Monday.",
    ("Soldiers guarded the building. The Commission of Inquiry into State Capture sat in "
     "Johannesburg on Monday."),
    "The midfielder blasted the ball home in the second half in Durban on Saturday.",
    "Police said two men were seen slaughtering sheep in a field near Polokwane on Thursday.",
    # an act the report says will not happen, did not happen or is warned of
    "The government said an offensive against the rebels will not follow in Mosul.",
    "Soldiers guarded the town. No arrests have been made in Kunduz, a spokesman said.",
    "Police in Polokwane warned that robbers were targeting shoppers at the mall.",
    # proceedings
    "It is alleged that the pastor attacked two women in Tzaneen in 2017.",
    "The new act prescribes a life sentence for those who kill police officers in Durban.",
    # a coup is no territory overtaken; a cache only named is none found
    "Army rebels seized power in the capital of Sao Tome last week.",
    "Police are searching for a man who could shed light on the arms cache in Durban.",
    # houses destroyed by a flood; arrests of unnamed people in a report on the state's forces
    "At least 600 houses were destroyed by floods in Beira, Mozambique on Monday.",
    "Soldiers patrolled the town. Two men were arrested in Kunduz on Friday.",
    "The mob boss was seen at a restaurant in Naples on Friday.",
])
def test_non_events_yield_no_news_event(resources, text):
    assert news_events(resources, text) == []


# --- shelling named by what the weapon fires ------------------------------------------
# "mortar rounds", "artillery fire": the weapon modifies what it fires, so the modifier is
# the trigger (it was no event before); a modifier of something else still is not one
# (guard, passing on both: "a mortar factory").


@pytest.mark.parametrize("text", [
    ("On 5 June 2021, Al Shabaab militants fired several mortar rounds at a Kenyan army "
     "camp in El Wak, Mandera. No one was hurt."),
    ("On 5 June 2021, the army answered with artillery fire on rebel positions near Hpakant, "
     "Myanmar."),
])
def test_what_a_heavy_weapon_fires_is_shelling(resources, text):
    event = _main_event(resources, text)
    assert (event.event_type, event.sub_event_type) == (
        "Explosions/Remote violence", "Shelling/artillery/missile attack")


def test_guard_a_weapon_that_modifies_no_fire_is_no_shelling(resources):
    events = news_events(resources, (
        "On 5 June 2021, the ministry opened a mortar factory outside Kabul, Afghanistan."))
    assert all(e.event_type != "Explosions/Remote violence" for e in events)


def test_guard_what_modifies_fire_is_no_trigger_unless_a_heavy_weapon(resources):
    # a draft took any modifier of "fire" as the trigger: "Riot" made this a riot
    event = _main_event(resources, (
        "On 5 June 2021, dismissed bank staff march through the streets of Nakuru Riot "
        "police fire tear gas canisters."))
    assert event.sub_event_type == "Protest with intervention"


def test_guard_a_bus_set_on_fire_by_a_police_station_is_no_battle(resources):
    # a draft of battles.fire-on-forces that took any "fire" for its trigger coded a
    # battle with the police the station is named for
    events = news_events(resources, (
        "On 6 June 2021, party supporters set a bus on fire in front of the Kotwali police "
        "station in Sylhet, Bangladesh."))
    assert all(e.event_type != "Battles" for e in events)
