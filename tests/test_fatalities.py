"""Fatalities by ACLED's rules: over one sentence (the real parser, no gazetteer), across
the claims of a report (fuse), and over whole reports whose only source for the deaths may
be a party to the fighting (the full pipeline)."""

from __future__ import annotations

import datetime as dt

import pytest

from sitrep.actors import load_actor_dictionary
from sitrep.codebook import load_codebook
from sitrep.fatalities import is_additional_toll
from sitrep.fatality_sources import is_own_loss, is_partisan_source
from sitrep.fuse import fuse_mentions
from sitrep.pipeline import ReportResult, process_documents
from sitrep.records import Claim, Document, EventMention


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "deaths"),
    [
        ("Two policemen were shot and killed by gunmen in Garissa.", 2),
        ("Residents beat up two men to death in Nairobi.", 2),
        ("A suspected thief was stoned to death by a mob.", 1),
        ("Three people are reported dead after the clash.", 3),
        ("Two people are reported to have died in fresh clashes.", 2),
        ("Orma attack Pokomo villages; two killed", 2),
        ("Five people were injured in the attack.", 0),
        ("Dozens of people were killed in the fighting.", 12),
    ],
)
def test_deaths_stated_in_the_sentence_are_counted_and_injuries_are_not(count, text, deaths):
    assert count(text) == deaths


@pytest.mark.model
def test_a_death_given_as_the_cause_of_a_demonstration_is_not_its_own(count):
    text = "Pupils blocked the highway over the death of a classmate a lorry had run over."
    assert count(text, skip_causes=True) == 0
    assert count("Police shot dead two protesters in Kisumu.", skip_causes=True) == 2


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "deaths"),
    [
        ("One policeman and two civilians were shot and killed by gunmen in Wajir.", 3),
        ("The bomb went off under the van, killing 9 commandos and their driver.", 10),
        ("Three people, two women and a child, were killed in the raid.", 3),
        ("A local imam and teacher was killed by unknown gunmen in Herat.", 1),
        ("A herder was killed and 40 goats were driven away by raiders.", 1),
    ],
)
def test_victims_named_together_add_up_unless_they_are_the_same_people(count, text, deaths):
    assert count(text) == deaths


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "deaths"),
    [
        # a headline joins the injured to the dead: only the second group died
        ("Eight military personnel injured and one prison warder killed in twin explosions.", 1),
        (("Four military officers injured and one police reservist killed in two "
          "explosions near Elwak."), 1),
        ("Two guards injured and one trader killed in an attack on the market.", 1),
        # guard: both words hung on the first group (the draft counted none)
        ("Three dead and four injured in a clash over water.", 3),
    ],
)
def test_those_a_headline_names_as_injured_are_no_deaths(count, text, deaths):
    assert count(text) == deaths


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "deaths"),
    [
        ("Gunmen shot dead a shopkeeper in Mandera.", 1),
        ("Security forces killed an insurgent commander near the border.", 1),
        ("Police shot him dead outside the bank.", 1),
        ("Militants gunned down two teachers in Lamu.", 2),
        # "fatally" makes a shooting or a stabbing a killing
        ("Police fatally shot a hawker during the curfew in Kisii.", 1),
        ("Two guards were fatally stabbed at the mine in Migori.", 2),
        # a body found is one dead; a headline's object with no article is one person
        ("A body was found in a sugarcane farm in Mumias.", 1),
        ("Villagers lynch suspected arsonist", 1),
        # "to death" hung on the participle describing the victim
        ("Residents stoned a man suspected of arson to death in Meru.", 1),
        # a headline's "two killed" hung on the noun before it
        ("Renewed clashes over grazing land, three killed, houses torched", 3),
        # not a body of people, nor animals
        ("A body representing bus owners met the governor in Nyeri.", 0),
        ("Raiders killed livestock belonging to the herders.", 0),
    ],
)
def test_one_person_named_as_killed_is_one_death(count, text, deaths):
    assert count(text) == deaths


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "deaths"),
    [
        ("Seven soldiers were killed and wounded in the ambush.", 0),
        ("The blast destroyed the truck, killing and injuring all inside.", 0),
        ("Villagers tried to lynch a suspected thief in Kisii.", 0),
        ("No one was killed in the attack.", 0),
        ("Two soldiers were killed and another injured in the ambush.", 2),
    ],
)
def test_casualty_counts_attempts_and_denials_are_not_deaths(count, text, deaths):
    assert count(text) == deaths


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        "Colleagues of a trader beheaded by militants marched in Maua.",
        "Residents carried the body of a man shot by police to the county offices.",
        "Protesters gathered at the market where a grenade attack killed a woman.",
        "Students marched after their leader had been killed by unknown gunmen.",
        "Youths rioted in Asawase in response to the killing of seven residents by police.",
    ],
)
def test_a_death_the_demonstration_is_about_is_not_its_own(count, text):
    assert count(text, skip_causes=True) == 0


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "deaths"),
    [
        ("Bandits killed over 100 camels and torched 47 houses.", 0),
        ("Gunmen killed Sheikh Hirsi Dubed, 41, in a taxi in Garissa.", 1),
        ("A man and a woman were almost killed by the mob.", 0),
        ("The commander, along with three other militants, was gunned down in Lahore.", 4),
        ("The killing of three activists in Natore was confirmed by police.", 3),
        ("The death toll rose to 12 on Monday.", 12),
        ("Angry residents beat to death three suspected rustlers in Aduman.", 3),
    ],
)
def test_who_counts_as_killed(count, text, deaths):
    assert count(text) == deaths


@pytest.mark.model
def test_a_range_counts_its_lower_end(count):
    assert count("Fighting killed between 18-50 people in the north.") == 18


@pytest.mark.model
def test_deaths_given_as_additional_add_to_the_sentence_toll(count):
    text = "Gunmen attacked the post, killing 5 soldiers, and 3 gunmen were also killed."
    assert count(text) == 8


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "deaths"),
    [
        ("Army raids killed 10 militants in Sangin district and Lashkargah city, Helmand.", 5),
        ("14 militants were killed in Kot, Khogyani and Dih Bala districts, Nangarhar.", 5),
        ("13 militants were killed during clashes in Kandahar and Zabul provinces.", 7),
        ("10 militants were killed in Sangin district, Helmand.", 10),
        ("Nine herders were killed at Kotaruk in Loima District, Turkana County.", 9),
        ("Ten people were killed over three days of fighting in Garissa.", 4),
    ],
)
def test_a_total_over_several_places_or_days_is_split_the_first_taking_the_rest(
    count, text, deaths
):
    assert count(text) == deaths


@pytest.mark.model
def test_places_of_another_clause_do_not_split_the_toll(count):
    text = ("Nine herders were gunned down when raiders attacked Lokori and Kapedo villages "
            "in Turkana.")
    assert count(text) == 9


@pytest.mark.model
def test_a_place_between_two_others_is_one_place(count):
    # a border or a road between two places is one location: the toll is not split
    text = ("Raiders from across the frontier killed three herders at the border between "
            "Kenya and Uganda on Sunday.")
    assert count(text) == 3


def test_additional_tolls_and_partisan_sources_are_recognised():
    assert is_additional_toll("3 militants were also killed")
    assert is_additional_toll("4 more bodies")
    assert not is_additional_toll("more than 10 people were killed")
    assert is_partisan_source("Taliban sources")
    assert is_partisan_source("Voice of Jihad")
    assert not is_partisan_source("local officials")
    assert not is_partisan_source(None)


def toll(value: str, text: str, who: str | None = None) -> Claim:
    return Claim(text=text, attributed_to=who, status="reported", kind="fatalities",
                 value=value)


def fused_fatalities(*claims: Claim) -> tuple[int, str]:
    mention = EventMention(
        id="m1", doc_id="doc", event_type="Battles", sub_event_type="Armed clash",
        disorder_type="Political violence", date=None, time_precision=3,
        actor1="Taliban", inter1=2, actor2=None, inter2=None, claims=claims,
        rule="battles.armed-clash", evidence=((0, 10),),
    )
    (event,) = fuse_mentions([mention], codebook=load_codebook(),
                             dictionary=load_actor_dictionary(), reference=None)
    return event.fatalities, event.notes


def test_a_partys_own_claim_is_set_aside_when_another_source_gives_a_figure():
    deaths, notes = fused_fatalities(
        toll("6", "6 militants were killed"),
        toll("2", "2 soldiers were killed", "the Taliban"),
    )
    assert deaths == 6
    assert "party to the fighting" in notes


def test_deaths_claimed_only_by_a_party_to_the_fighting_are_not_coded():
    deaths, notes = fused_fatalities(toll("4", "4 soldiers were killed", "Taliban sources"))
    assert deaths == 0
    assert "only by a party to the fighting" in notes


def test_deaths_reported_in_addition_add_to_the_lowest_figure():
    deaths, notes = fused_fatalities(
        toll("10", "10 killed during the raid"),
        toll("12", "12 killed during the raid", "residents"),
        toll("4", "4 more bodies"),
    )
    assert deaths == 14
    assert "in addition" in notes


def test_deaths_of_different_sides_add_up_each_side_keeping_its_lowest():
    # a soldier and the militants the troops killed are different people (ACLED codes an
    # event's deaths on all sides); two figures for the militants still compete
    deaths, notes = fused_fatalities(
        toll("1", "A police constable was killed"),
        toll("4", "killed 4 insurgents"),
        toll("5", "5 insurgents were killed", "residents"),
    )
    assert deaths == 5
    assert "each side" in notes


@pytest.mark.parametrize("tolls", [
    # a total of people beside one side's dead: a breakdown, not another side
    (("9", "Nine people were killed"), ("2", "two reservists were shot dead")),
    # victims of two sides in one list are that list's total, not one side's
    (("10", "Four villagers and six raiders were killed"), ("4", "Four of the villagers")),
])
def test_guards_tolls_that_name_no_single_side_keep_the_lowest_figure(tolls):
    deaths, _ = fused_fatalities(*(toll(value, text) for value, text in tolls))
    assert deaths == min(int(value) for value, _ in tolls)


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "deaths"),
    [
        ("Two soldiers were killed and three civilians died in the attack.", 5),
        ("Gunmen killed two policemen and later killed a shopkeeper.", 3),
        ("A mob lynched a suspected robber and killed him.", 1),
        ("Gunmen shot and killed two policemen.", 2),
    ],
)
def test_coordinated_clauses_with_victims_of_their_own_add_up(count, text, deaths):
    assert count(text) == deaths


@pytest.mark.model
def test_one_person_from_each_side_of_a_clash_is_two(count):
    assert count("One person from each side was killed in the clash.") == 2


@pytest.mark.model
def test_a_death_the_fighting_led_to_is_counted(count):
    assert count("Clashes resumed in the village, leading to one death.") == 1
    assert count("Clashes resumed in the village, leading to one death.", skip_causes=True) == 1


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "deaths"),
    [
        ("At least 100 people were killed in the fighting from 15/3-19/3.", 20),
        ("Twelve people were killed in clashes between 3 and 5 May.", 4),
        ("Two militants and a soldier were killed at Keran and Tangdhar sectors.", 2),
        ("Ten people were killed in clashes on 3 May.", 10),
    ],
)
def test_a_total_over_a_range_of_dates_or_sectors_is_split(count, text, deaths):
    assert count(text) == deaths


def test_own_losses_of_a_party_are_told_from_its_enemy_s():
    assert is_own_loss("The Taliban", "3 of its fighters were killed")
    assert is_own_loss("Voice of Jihad", "2 Taliban fighters were killed")
    assert not is_own_loss("Voice of Jihad", "2 soldiers were killed")
    assert not is_own_loss("Taliban sources", "2 according to Taliban sources")
    assert not is_own_loss("the police", "3 of its officers were killed")  # not a party


def test_a_report_s_toll_whose_only_source_is_a_party_is_not_coded():
    deaths, notes = fused_fatalities(
        toll("1", "1 soldier was killed"),
        toll("1", "reported 1", "VoJ"),
    )
    assert deaths == 0
    assert "only by a party to the fighting" in notes
    assert "no other source for its figures (1)" in notes


def test_a_partys_figure_for_several_tolls_of_the_report_covers_their_total():
    deaths, _ = fused_fatalities(
        toll("2", "2 soldiers were killed"),
        toll("1", "1 soldier was also killed"),
        toll("3", "3 fatalities", "Voice of Jihad"),
    )
    assert deaths == 0


def test_a_party_that_corroborates_another_source_leaves_the_toll_standing():
    corroborating = Claim(text="1 fatality", attributed_to="VoJ", status="confirmed",
                          kind="fatalities", value="1")
    deaths, notes = fused_fatalities(toll("1", "1 soldier was killed"), corroborating)
    assert deaths == 1
    assert "set aside: 1 (VoJ)" in notes


def test_a_partys_figure_for_other_deaths_leaves_the_report_s_toll_standing():
    deaths, _ = fused_fatalities(
        toll("4", "4 Taliban fighters were killed"),
        toll("2", "2 policemen were killed", "The Taliban"),
    )
    assert deaths == 4


def test_an_independent_source_s_figure_is_coded_beside_a_party_s_claim():
    deaths, notes = fused_fatalities(
        toll("5", "5 policemen were killed"),
        toll("5", "claimed 5", "The Taliban"),
        toll("2", "2 deaths", "a local hospital"),
    )
    assert deaths == 2
    assert "only as that party's set aside: 5" in notes


def test_an_official_source_is_not_a_party_to_the_fighting_for_this_rule():
    deaths, _ = fused_fatalities(
        toll("2", "2 policemen were killed"),
        toll("2", "2 deaths", "the Ministry of Interior"),
    )
    assert deaths == 2


def test_a_party_s_own_dead_are_an_admission_and_are_coded():
    deaths, notes = fused_fatalities(
        toll("3", "killed 3 Taliban fighters"),
        toll("3", "3 of its fighters were killed", "The Taliban"),
    )
    assert deaths == 3
    assert "set aside" not in notes


PARTY_ONLY_REPORT = (
    "On 3 May 2020, two policemen were killed when Taliban fighters attacked a checkpoint "
    "in Andar district, Ghazni. {source} reported 2 deaths."
)


@pytest.fixture(scope="module")
def main_event(resources):
    def coded(text: str):
        document = Document(id="t", text=text, date=dt.date(2020, 5, 10), date_source="option")
        (result,) = process_documents([document], resources=resources)
        assert isinstance(result, ReportResult), result
        return next(e for e in result.events if not e.is_background)

    return coded


@pytest.mark.model
@pytest.mark.slow
@pytest.mark.parametrize(
    ("source", "deaths"),
    [
        ("The Taliban's Voice of Jihad", 0),  # the party is the only source
        ("Voice of Jihad also", 2),  # it corroborates another source
        ("The Ministry of Interior", 2),  # an official source is not a party here
    ],
)
def test_a_report_whose_deaths_come_only_from_a_party_codes_none(main_event, source, deaths):
    event = main_event(PARTY_ONLY_REPORT.format(source=source))
    assert event.fatalities == deaths
    if not deaths:
        assert "only by a party to the fighting" in event.notes


@pytest.mark.model
@pytest.mark.slow
def test_a_party_s_figure_in_brackets_makes_the_toll_its_claim(main_event):
    event = main_event("On 3 May 2020, Taliban fighters attacked a checkpoint in Andar "
                       "district, Ghazni, killing three policemen (the Taliban said 3).")
    assert event.fatalities == 0
    event = main_event("On 3 May 2020, Taliban fighters attacked a checkpoint in Andar "
                       "district, Ghazni, and 5 policemen were killed. The Taliban claimed 5. "
                       "A local hospital reported 2 deaths.")
    assert event.fatalities == 2


def test_a_party_s_lower_bracketed_figure_does_not_lower_the_report_s_toll():
    deaths, notes = fused_fatalities(
        toll("3", "3 policemen were killed"),
        toll("2", "2 according to Taliban sources", "Taliban sources"),
    )
    assert deaths == 3
    assert "set aside: 2 (Taliban sources)" in notes


@pytest.mark.model
def test_a_person_named_after_the_place_the_parser_took_as_the_victim_is_one(count):
    text = ("In Quetta's UC 9, Sariab Town, Zahid Ali, son of a former councillor Bashir Ali "
            "and cousin of independent candidate Raja Saleem, was killed during firing.")
    assert count(text) == 1


def test_the_summary_credits_the_independent_source_of_the_coded_figure_not_a_party():
    deaths, notes = fused_fatalities(
        toll("2", "2 soldiers were killed", "Voice of Jihad"),
        toll("2", "two soldiers died", "the provincial police"),
    )
    assert deaths == 2
    assert "2 reported killed (according to the provincial police)" in notes
    assert "according to Voice of Jihad" not in notes


@pytest.mark.model
@pytest.mark.parametrize(("text", "deaths"), [
    ("A village chief was on Monday shot dead by gunmen in Bawku.", 1),
    ("Two traders were on Friday shot dead by robbers near Tamale.", 2),
    ("A village chief was shot dead by gunmen in Bawku on Monday.", 1),
])
def test_a_date_between_the_auxiliary_and_shot_dead_keeps_the_victims(count, text, deaths):
    assert count(text) == deaths


@pytest.mark.model
@pytest.mark.parametrize(("text", "deaths"), [
    # what a riot did, not what a demonstration is about
    ("Rioters in Kisumu stoned police, resulting in the death of a constable.", 1),
    ("A crowd of youths stormed a police station in Kisumu killing one officer.", 1),
    ("Residents protested in Kisumu over the death of a hawker held in a police cell.", 0),
])
def test_deaths_an_act_brought_about_count_beside_a_demonstration_s_grievance(count, text,
                                                                             deaths):
    assert count(text, skip_causes=True) == deaths


@pytest.mark.model
@pytest.mark.parametrize(("text", "deaths"), [
    ("A bomb exploded on a street in Chittagong, resulting in the death of a bystander.", 1),
    ("Police detective shot dead while looking into a bank robbery in Nairobi", 1),
    ("Masked gunmen slew a union leader in Khulna yesterday.", 1),
])
def test_victims_named_by_what_they_were_doing_or_their_post(count, text, deaths):
    assert count(text) == deaths


@pytest.mark.model
@pytest.mark.parametrize(("text", "deaths"), [
    # a headline's "Two (people) killed in ...": its own news, not a clause describing
    # someone the demonstration is about
    ("Two people killed in riot over a boundary in Kisii.", 2),
    ("Two killed in Kisii riot over market stalls.", 2),
    # guard: a participle on a noun inside the sentence still describes someone
    ("Residents protested in Kisii over a student killed by police.", 0),
])
def test_a_headline_s_own_deaths_are_no_grievance(count, text, deaths):
    assert count(text, skip_causes=True) == deaths


@pytest.mark.model
@pytest.mark.parametrize(("text", "deaths"), [
    ("A roadside bomb in Wana killed a tribal official and two others.", 3),
    ("Two suspects were killed on the spot while another died on the way to hospital.", 3),
    ("Another attack near the camp killed nobody.", 0),
])
def test_others_another_and_nobody_among_the_victims(count, text, deaths):
    assert count(text) == deaths


@pytest.mark.model
@pytest.mark.parametrize(("text", "deaths"), [
    # the number the parser hung on a modifier before the noun counts the noun
    ("Six suspected TTP fighters were killed in a pre-dawn raid on a compound in Bannu.", 6),
    ("Two cattle rustlers were lynched by villagers in Baringo.", 2),
    # "found killed": the subject of "found" is the dead
    ("Three men found killed near the camp in Dadaab.", 3),
    # guards: an age is no count of the dead, cattle are not people
    ("Police shot dead a 25-year-old man in Kisumu.", 1),
    ("Police recovered 10 cattle heads.", 0),
])
def test_counts_the_parser_hung_elsewhere(count, text, deaths):
    assert count(text) == deaths


@pytest.mark.model
@pytest.mark.parametrize(("text", "deaths"), [
    # the region named right after a place holds it: no second place to split the toll over
    (("Two soldiers and two militants were killed in a gunfight near Sopore in Jammu and "
     "Kashmir on Friday."), 4),
    # guard: two places of their own share the toll (ACLED: one event each)
    ("Five people were killed in Nairobi and Mombasa.", 3),
])
def test_a_region_after_a_place_does_not_split_the_toll(count, text, deaths):
    assert count(text) == deaths


@pytest.mark.model
@pytest.mark.parametrize(("text", "deaths"), [
    # "shot" and "dead" both name the deaths of the same victims: one toll, added once
    ("Three militants were also shot dead.", 3),
    ("Another soldier was shot dead by the militants.", 1),
])
def test_two_words_of_death_for_the_same_victims_count_once(count, text, deaths):
    assert count(text) == deaths


@pytest.mark.model
@pytest.mark.parametrize(("text", "deaths"), [
    # a part of the dead named after the toll adds none ("N of them", "including ...")
    (("An explosion on a crowded bus killed at least 12 people, three of them children, in "
     "Quetta."), 12),
    ("A roadside bomb killed 9 people, four of them women, near Peshawar.", 9),
    (("At least three persons including a tribal chief and his son were killed and two "
     "guards were injured."), 3),
    ("Six persons including a tribal elder and his brother were shot dead.", 6),
    # a school class is no count of the dead (but a year before a number is no class)
    ("Raiders shot dead a class seven pupil near Kapedo.", 1),
    ("In the past year 30 people were killed in the county.", 30),
    # guard: people in an apposition with numbers of their own add up
    ("Gunmen killed 4 militia members, 1 soldier, and 1 policeman.", 6),
])
def test_a_breakdown_of_the_dead_adds_none(count, text, deaths):
    assert count(text) == deaths


@pytest.mark.model
@pytest.mark.parametrize(("text", "deaths"), [
    # ACLED's older notes list tolls with slashes: "killed/" was one word, read as a number
    ("Raiders from Pokot attack a manyatta - 5 killed/ 3 injured/ 60 houses burnt.", 5),
    ("Turkana raid on a kraal - 4 killed/ 300 goats stolen", 4),
])
def test_a_toll_in_a_slash_list_is_counted(count, text, deaths):
    assert count(text) == deaths


@pytest.mark.model
def test_a_slash_in_a_date_a_pair_or_a_list_of_words_starts_no_sentence(nlp):
    # guard: the first draft broke "violence/ looting/ arson" and lost a riot
    for text in ("Clashes on 7/12/2004 killed two and/or more people.",
                 "Riots spread - acts of violence/ looting/ arson were reported."):
        assert len(list(nlp(text).sents)) == 1


@pytest.mark.model
@pytest.mark.parametrize(("text", "deaths"), [
    # "total" after the count, which the parser made the verb, or a noun "killed" hangs on
    ("Nine people total killed as Turkana herders clashed with Pokot raiders.", 9),
    ("Clashes between two clans at a water point; four killed total, no breakdown given", 4),
    ("Clashes between herders and farmers leave eleven people dead total.", 11),
    # guard: "in total" was read before
    ("Seven people were killed in total.", 7),
])
def test_total_after_the_count_is_an_adverb(count, text, deaths):
    assert count(text) == deaths


@pytest.mark.model
@pytest.mark.parametrize(("text", "deaths"), [
    # someone of the first victim's ("his", "her") is a second person
    ("Police constable and his wife killed by a landmine near Mandera.", 2),
    ("The OCS of Kapedo station, and his nephew were shot dead by raiders on Sunday.", 2),
    ("Gunmen stabbed to death a village elder and his assistant at a market in Moyale.", 2),
    # "along" as the verb's particle
    ("Land rights campaigner Peter Mwangi was killed along with his field officer.", 2),
    # guards: one person described twice; one victim and his property
    ("A scholar and teacher was killed by unknown gunmen in Herat.", 1),
    ("Raiders shot dead a herder and drove off his camels.", 1),
])
def test_a_victim_s_kin_or_companion_is_one_more_death(count, text, deaths):
    assert count(text) == deaths


@pytest.mark.model
@pytest.mark.parametrize(("text", "deaths"), [
    # what the victim is accused of is not the act's toll
    ("Villagers beat to death a youth they believe killed two traders.", 1),
    ("Traders stoned a man they suspect killed three women in the market.", 0),
    ("3 gunmen (who were accused of killing 6 herders last month) were shot dead by police.", 3),
    ("Youths torched the shop of a man accused of murdering four children.", 0),
    # guard: an accusation that is the news keeps its toll
    ("Two officers are suspected of killing a hawker in Kisumu.", 1),
])
def test_a_death_someone_is_accused_of_is_not_the_act_s_toll(count, text, deaths):
    assert count(text) == deaths


@pytest.mark.model
@pytest.mark.parametrize(("text", "deaths"), [
    # guards of the two rules above: one person named twice ("her driver" in apposition),
    # and "to death" hung on the participle of the accusation
    ("The only witness to the killing of a judge, her clerk, was gunned down in Lahore.", 1),
    ("Villagers stoned a man accused of witchcraft to death in Tharaka.", 1),
])
def test_guards_one_person_named_twice_and_a_death_hung_on_an_accusation(count, text, deaths):
    assert count(text) == deaths


@pytest.mark.model
@pytest.mark.parametrize(("text", "deaths"), [
    # the count on the first of two names of one group of dead
    ("Air strikes resulted in 9 TTP and LeJ fighters being killed and 4 hideouts destroyed.", 9),
    # a count opening the sentence, which the parser hung on the verb
    ("6 TTP and foreign fighters were killed by a drone strike in Datta Khel.", 6),
])
def test_a_count_before_two_names_counts_the_group(count, text, deaths):
    assert count(text) == deaths


@pytest.mark.model
@pytest.mark.parametrize(("text", "deaths"), [
    # a headline's verb parsed as a noun, though it is tagged as a verb itself
    ("Mob lynches woman involved in a long feud with her neighbours", 1),
    # a crowd's own deeds, with skip_causes (a demonstration's toll): "to death" after a
    # headline's verb parsed as a noun, a clause telling what the "by" phrase's doers
    # did, and what a headline's violence did
    ("Rioting street vendors stone thief to death", 1),
    ("The traders were attacked by a mob, who killed one trader.", 1),
    ("Violence by youths wielding pangas and clubs in a Kisumu slum, killing six and injuring 12.",
     6),
    # guard: what a demonstration is about stays out
    ("Residents protested against police who killed a hawker.", 0),
])
def test_a_crowd_s_own_killings_count_beside_its_grievances(count, text, deaths):
    assert count(text, skip_causes=True) == deaths


@pytest.mark.model
@pytest.mark.parametrize(("text", "deaths"), [
    # a companion, a colleague or an accomplice is one person more, and so are those
    # killed along with a victim
    ("A senior commander of the gang and his companion were killed in a police raid in Quetta.",
     2),
    ("The head of the cell and his accomplice were gunned down by police in Karachi.", 2),
    # "two of his aides" along with him; "together" hung on "with"
    ("A gang leader was killed along with two of his aides in a police raid in Lyari.", 3),
    ("The farm manager died on the spot together with his driver after gunmen opened fire.", 2),
    # the death an act avenges or answers is an earlier act's toll, not this one's
    ("Soldiers beat up residents of Likoni to avenge the killing of a soldier.", 0),
    ("Raiders torched ten homes in retaliation for the murder of two herders.", 0),
    ("Police shot dead 5 raiders in response to a raid in which 12 villagers were killed.", 5),
    # guard: the act's own toll, with the word of revenge beside it
    ("Herders killed three villagers in revenge for a cattle raid.", 3),
])
def test_companions_count_and_avenged_deaths_do_not(count, text, deaths):
    assert count(text) == deaths


@pytest.mark.model
@pytest.mark.parametrize(("text", "deaths"), [
    # people named by a role the person-noun list had lacked
    ("A well-known blogger was hacked to death near his home in Dhaka.", 1),
    ("The paramount ruler of the area was murdered in his car near Kpone.", 1),
    ("Unknown gunmen assassinated a party sympathiser in Garissa.", 1),
    ("The body of a Sudanese national was found near the airport.", 1),
    # one token, not a noun "by" the word "passer" modifies
    ("The grenade missed the patrol and exploded, resulting in the death of a passer-by.", 1),
    # "a personnel": one member of a force, in South Asian English
    ("A farmer and a BSF personnel were killed in the firing near the border post.", 2),
    # a death named as what set the fighting off is an earlier act's toll
    ("Murder of herdsman sparks clashes between Pokot and Turkana", 0),
    ("The killing of two herders on Monday triggered fighting in Baringo.", 0),
    ("Clan clashes erupted in Marsabit following the killing of two herders.", 0),
    ("Fighting sparked by the killing of two herders broke out in Baringo.", 0),
    ("Gunmen raided the village after the murder of a chief, killing three.", 3),
    # guard: the fighting's own toll beside it
    ("Fighting triggered by a land dispute killed four people in Baringo.", 4),
])
def test_roles_name_one_person_and_deaths_that_spark_fighting_are_not_its_toll(
        count, text, deaths):
    assert count(text) == deaths
