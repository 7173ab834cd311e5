"""Fusing one report's mentions into events, with hand-made mentions (no model needed)."""

from __future__ import annotations

import datetime as dt

import pytest

from sitrep.actors import load_actor_dictionary
from sitrep.codebook import load_codebook
from sitrep.fuse import fuse_mentions
from sitrep.records import Claim, EventMention, Location

DEIR = Location(name="Deir ez-Zor", country="SY", admin1="Deir ez-Zor", admin2=None,
                lat=35.336, lon=40.141, geo_precision=2, geonameid=170794)
SYRIA = Location(name="Syria", country="SY", admin1=None, admin2=None, lat=35.0, lon=38.0,
                 geo_precision=3)
RAQQA = Location(name="Ar Raqqah", country="SY", admin1="Raqqa", admin2=None, lat=35.95,
                 lon=39.01, geo_precision=1)


@pytest.fixture(scope="module")
def codebook():
    return load_codebook()


@pytest.fixture(scope="module")
def dictionary():
    return load_actor_dictionary()


def mention(n: int, **fields) -> EventMention:
    base = dict(
        id=f"m{n}", doc_id="doc", event_type="Battles", sub_event_type="Armed clash",
        disorder_type="Political violence", date=None, time_precision=3,
        actor1="Military Forces of the United States", inter1=1, actor2="Islamic State",
        inter2=2, rule="battles.raid-on-armed-group", evidence=((n * 100, n * 100 + 50),),
    )
    base.update(fields)
    return EventMention(**base)


def date_claim(text: str, value: str, who: str, status: str = "reported") -> Claim:
    return Claim(text=text, attributed_to=who, status=status, kind="date", value=value)


def fuse(mentions, codebook, dictionary, reference=dt.date(2016, 1, 11)):
    return fuse_mentions(mentions, codebook=codebook, dictionary=dictionary,
                         reference=reference)


def test_mentions_of_one_raid_become_one_event_with_the_precise_place(codebook, dictionary):
    events = fuse([
        mention(1, location=SYRIA),
        mention(2, location=DEIR, date=dt.date(2016, 1, 10), time_precision=1,
                rule="anaphora:battles.raid-on-armed-group"),
    ], codebook, dictionary)
    assert len(events) == 1
    assert events[0].location == DEIR
    assert events[0].mention_ids == ("m1", "m2")


def test_calendar_date_beats_weekday_and_the_disagreement_is_noted(codebook, dictionary):
    events = fuse([
        mention(1, date=dt.date(2016, 1, 10), time_precision=1, date_text="Sunday",
                claims=(date_claim("Sunday", "2016-01-10", "activists"),)),
        mention(2, date=dt.date(2016, 1, 8), time_precision=1, date_text="Jan. 8",
                claims=(date_claim("Jan. 8", "2016-01-08", "the coalition", "confirmed"),)),
    ], codebook, dictionary)
    (event,) = events
    assert event.date == dt.date(2016, 1, 8)
    assert "'Sunday' (activists) = 2016-01-10" in event.notes
    assert {c.value for c in event.claims if c.kind == "date"} == {"2016-01-10", "2016-01-08"}


def test_a_date_several_sources_give_is_listed_once_with_all_of_them(codebook, dictionary):
    (event,) = fuse([
        mention(1, date=dt.date(2016, 1, 10), time_precision=1, date_text="Sunday",
                claims=(date_claim("Sunday", "2016-01-10", "activists"),
                        date_claim("Sunday", "2016-01-10", "witnesses"))),
        mention(2, date=dt.date(2016, 1, 8), time_precision=1, date_text="Jan. 8",
                claims=(date_claim("Jan. 8", "2016-01-08", "the coalition", "confirmed"),)),
    ], codebook, dictionary)
    assert "'Sunday' (activists; witnesses) = 2016-01-10" in event.notes
    assert event.notes.count("'Sunday'") == 1


def test_lowest_stated_fatality_figure_wins_over_a_vague_estimate(codebook, dictionary):
    claims = (
        Claim(text="dozens killed", attributed_to="officials", status="reported",
              kind="fatalities_estimate", value="12"),
        Claim(text="29 children", attributed_to="ICRC", status="reported",
              kind="fatalities", value="29"),
        Claim(text="40 dead", attributed_to="health ministry", status="reported",
              kind="fatalities", value="40"),
    )
    (event,) = fuse([mention(1, claims=claims)], codebook, dictionary)
    assert event.fatalities == 29
    assert "fatality reports differ" in event.notes.lower()


def test_background_mentions_with_different_dates_stay_apart(codebook, dictionary):
    events = fuse([
        mention(1, location=DEIR, date=dt.date(2016, 1, 8), time_precision=1),
        mention(2, location=DEIR, date=dt.date(2015, 5, 15), is_background=True,
                flags=("historical",), rule="strategic.arrests", event_type="Strategic developments",
                sub_event_type="Arrests", disorder_type="Strategic developments"),
        mention(3, location=RAQQA, date=dt.date(2014, 7, 15), is_background=True,
                flags=("historical",)),
    ], codebook, dictionary)
    assert [e.is_background for e in events] == [False, True, True]
    assert len({e.id for e in events}) == 3


def test_state_forces_abroad_are_external_and_generic_actors_take_the_country(
    codebook, dictionary
):
    (event,) = fuse([
        mention(1, location=DEIR, actor2="Civilians ({country})", inter2=7,
                event_type="Violence against civilians", sub_event_type="Attack",
                rule="vac.attack"),
    ], codebook, dictionary)
    assert (event.actor1, event.inter1) == ("Military Forces of the United States", 8)
    assert (event.actor2, event.inter2) == ("Civilians (Syria)", 7)


def test_protest_events_put_the_protesters_first(codebook, dictionary):
    nairobi = Location(name="Nairobi", country="KE", admin1="Nairobi", admin2=None,
                       lat=-1.28, lon=36.82, geo_precision=1)
    (event,) = fuse([
        mention(1, location=nairobi, event_type="Protests",
                sub_event_type="Protest with intervention", disorder_type="Demonstrations",
                rule="protests.intervention", actor1="Police Forces of {country}", inter1=1,
                actor2="Protesters ({country})", inter2=6),
    ], codebook, dictionary)
    assert (event.actor1, event.actor2) == ("Protesters (Kenya)", "Police Forces of Kenya")


def test_a_lone_target_stays_actor2_behind_an_unidentified_attacker(codebook, dictionary):
    (event,) = fuse([
        mention(1, location=DEIR, event_type="Explosions/Remote violence",
                sub_event_type="Remote explosive/landmine/IED", rule="explosions.remote-ied",
                actor1=None, inter1=None, actor2="Police Forces of {country}", inter2=1),
    ], codebook, dictionary)
    assert (event.actor1, event.inter1) == ("Unidentified Armed Group (Syria)", 3)
    assert (event.actor2, event.inter2) == ("Police Forces of Syria", 1)


def test_a_lone_crowd_of_the_lead_kind_leads_even_when_acted_upon(codebook, dictionary):
    (event,) = fuse([
        mention(1, location=DEIR, event_type="Protests", sub_event_type="Peaceful protest",
                disorder_type="Demonstrations", rule="protests.peaceful",
                actor1=None, inter1=None, actor2="Protesters ({country})", inter2=6),
    ], codebook, dictionary)
    assert (event.actor1, event.actor2) == ("Protesters (Syria)", None)


def test_an_event_in_a_report_that_names_no_place_keeps_no_country_template(
    codebook, dictionary
):
    (event,) = fuse([
        mention(1, event_type="Violence against civilians", sub_event_type="Attack",
                rule="vac.attack", actor1="Unidentified Armed Group ({country})", inter1=3,
                actor2="Civilians ({country})", inter2=7),
    ], codebook, dictionary)
    assert (event.actor1, event.actor2) == ("Unidentified Armed Group", "Civilians")
    assert "{country}" not in event.notes


def test_a_news_event_without_a_date_takes_the_report_date_and_says_so(codebook, dictionary):
    (event,) = fuse([mention(1, location=DEIR)], codebook, dictionary)
    assert (event.date, event.time_precision) == (dt.date(2016, 1, 11), 2)
    assert "reporting date" in event.notes


def test_fusing_is_deterministic(codebook, dictionary):
    mentions = [mention(1, location=SYRIA), mention(2, location=DEIR)]
    assert fuse(mentions, codebook, dictionary) == fuse(list(mentions), codebook, dictionary)


KIKUYU = Location(name="Kikuyu", country="KE", admin1="Kiambu", admin2=None, lat=-1.246,
                  lon=36.663, geo_precision=1)


def test_police_who_intervene_in_a_peaceful_protest_join_it_as_its_actor2(
        codebook, dictionary):
    # the protest's sentence names a people beside the crowd ("over the Kikuyu road"): a
    # peaceful protest has no actor2, so that name neither keeps the intervention apart
    # nor outvotes the police who intervened
    protest = mention(1, event_type="Protests", sub_event_type="Peaceful protest",
                      disorder_type="Demonstrations", actor1="Civilians ({country})", inter1=7,
                      actor2="Kikuyu Ethnic Militia ({country})", inter2=4,
                      rule="protests.gathering", location=KIKUYU, date=dt.date(2019, 10, 28))
    intervention = mention(2, event_type="Protests", sub_event_type="Protest with intervention",
                           disorder_type="Demonstrations", actor1=None, inter1=None,
                           actor2="Police Forces of {country}", inter2=1,
                           rule="protests.intervention-by-forces", location=KIKUYU,
                           date=dt.date(2019, 10, 28))
    (event,) = fuse([protest, intervention], codebook, dictionary)
    assert event.sub_event_type == "Protest with intervention"
    assert (event.actor1, event.actor2) == ("Protesters (Kenya)", "Police Forces of Kenya")


@pytest.mark.parametrize("first, second", [
    # "Kalenjin hawkers protested ... police intervened": the people the crowd is named
    # for give way to the police it met (they were actor2, and the police lost)
    (("Kalenjin Ethnic Militia ({country})", 4), ("Police Forces of {country}", 1)),
    # the other way round the police were kept already
    (("Police Forces of {country}", 1), ("Kalenjin Ethnic Militia ({country})", 4)),
])
def test_the_forces_a_crowd_met_are_its_actor2_not_the_people_it_is_named_for(
        codebook, dictionary, first, second):
    (event,) = fuse([
        mention(1, event_type="Protests", sub_event_type="Protest with intervention",
                disorder_type="Demonstrations", actor1=first[0], inter1=first[1],
                actor2=second[0], inter2=second[1], rule="protests.intervention-by-forces",
                location=KIKUYU, date=dt.date(2019, 10, 28)),
    ], codebook, dictionary)
    assert (event.actor1, event.actor2) == ("Protesters (Kenya)", "Police Forces of Kenya")


def test_a_later_sentence_naming_the_target_without_its_country_is_the_same_event(
    codebook, dictionary
):
    # "... trucks of the Burmese army ... The explosion left one soldier dead": the second
    # sentence's "soldier" names no country
    blast = {"event_type": "Explosions/Remote violence",
             "sub_event_type": "Remote explosive/landmine/IED", "actor1": None, "inter1": None,
             "inter2": 1, "rule": "explosions.remote-ied"}
    events = fuse([
        mention(1, actor2="Military Forces of Myanmar", **blast),
        mention(2, actor2="Military Forces of {country}",
                **{**blast, "rule": "anaphora:explosions.remote-ied"}),
    ], codebook, dictionary)
    assert [e.mention_ids for e in events] == [("m1", "m2")]
    # guard: another state's forces are another target
    events = fuse([
        mention(1, actor2="Military Forces of Myanmar", **blast),
        mention(2, actor2="Military Forces of Thailand", **blast),
    ], codebook, dictionary)
    assert len(events) == 2


MANDERA = Location(name="Mandera", country="KE", admin1="Mandera", admin2=None, lat=3.94,
                   lon=41.86, geo_precision=1)
KENYA_POLICE = "Police Forces of {country}"


def fight_mentions(**shelling) -> list[EventMention]:
    """An ambush on police, then the rockets that hit them, told with no side named, and
    the toll."""
    day = dt.date(2017, 11, 13)
    toll = Claim(text="12 killed", attributed_to=None, status="reported",
                 kind="fatalities", value="12")
    fields: dict[str, object] = {
        "location": MANDERA, "date": day, "event_type": "Explosions/Remote violence",
        "sub_event_type": "Shelling/artillery/missile attack", "rule": "explosions.shelling",
        "actor1": None, "inter1": None, "actor2": KENYA_POLICE, "inter2": 1, "claims": (toll,),
    }
    fields.update(shelling)
    return [
        mention(1, location=MANDERA, date=day, actor1="Al Shabaab", inter1=2,
                actor2=KENYA_POLICE, inter2=1, rule="battles.armed-clash"),
        mention(2, **fields),
    ]


def test_tactics_of_one_fight_are_one_event_of_the_highest_type(codebook, dictionary):
    (event,) = fuse(fight_mentions(), codebook, dictionary)
    assert (event.event_type, event.actor1, event.actor2) == (
        "Battles", "Al Shabaab", "Police Forces of Kenya")
    assert event.fatalities == 12


@pytest.mark.parametrize("apart", [
    {"date": dt.date(2017, 11, 14)},  # another day
    {"actor2": "Civilians ({country})", "inter2": 7},  # another target
    {"actor1": "Military Forces of {country}", "inter1": 1},  # another side named
    {"event_type": "Riots", "sub_event_type": "Mob violence", "rule": "riots.mob-violence"},
])
def test_guards_other_days_targets_sides_or_disorder_stay_apart(codebook, dictionary, apart):
    assert len(fuse(fight_mentions(**apart), codebook, dictionary)) == 2


def test_an_abduction_in_which_people_are_killed_is_an_attack(codebook, dictionary):
    toll = Claim(text="killed the three", attributed_to=None, status="reported",
                 kind="fatalities", value="3")
    abduction: dict[str, object] = {
        "location": MANDERA, "event_type": "Violence against civilians",
        "sub_event_type": "Abduction/forced disappearance", "rule": "vac.abduction",
        "actor1": "Al Shabaab", "inter1": 2, "actor2": "Civilians ({country})", "inter2": 7,
    }
    (killed,) = fuse([mention(1, claims=(toll,), **abduction)], codebook, dictionary)
    assert (killed.sub_event_type, killed.fatalities) == ("Attack", 3)
    assert "attack" in killed.notes.lower()
    # guard: the abducted taken, no one killed
    (taken,) = fuse([mention(1, **abduction)], codebook, dictionary)
    assert taken.sub_event_type == "Abduction/forced disappearance"
