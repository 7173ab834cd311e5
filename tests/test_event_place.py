"""Where an event happened and its ACLED geo_precision, from hand-made places.

A blank spaCy pipeline with a sentencizer gives the sentences; the places are written by
hand, as the places stage would resolve them, so each rule is tested on its own. The
texts follow the shape of ACLED's notes ("X district, Province", "X town (District,
Region)") and of news reports with datelines.
"""

from __future__ import annotations

import spacy
from spacy.tokens import Doc

from sitrep.event_place import event_place, location_of, refined_location
from sitrep.events import ReportContext
from sitrep.records import Actor, Document, Location, Place


def _context(text: str, places: list[tuple], *, dateline: str | None = None,
             actors: tuple[Actor, ...] = ()) -> ReportContext:
    """``places`` are (text, feature or None when unresolved, occurrence[, overrides]) in
    text order; a resolved place is in Kandahar, Afghanistan unless ``overrides`` (a dict
    of Place fields) says otherwise."""
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    parsed: Doc = nlp(text)
    resolved = []
    for name, feature, occurrence, *rest in places:
        start = -1
        for _ in range(occurrence + 1):
            start = text.index(name, start + 1)
        if feature is None:
            resolved.append(Place(start, start + len(name), name))
            continue
        fields = {"country": "AF", "admin1": "Kandahar", "lat": 31.6, "lon": 65.7,
                  **(rest[0] if rest else {})}
        resolved.append(Place(start, start + len(name), name, name=name, feature=feature,
                              **fields))
    return ReportContext(document=Document(id="t", text=text, dateline=dateline),
                         parsed=parsed, timexes=(), places=tuple(resolved), actors=actors,
                         reference=None)


def _first_sentence(context: ReportContext):
    return next(iter(context.parsed.sents))


def test_district_before_its_province_locates_the_event_in_the_district() -> None:
    context = _context("Soldiers were killed in Maywand district, Kandahar.",
                       [("Maywand", "admin2", 0), ("Kandahar", "city", 0)])
    place, precision = event_place(_first_sentence(context), context, [])
    assert (place.text, precision) == ("Maywand", 2)


def test_town_in_the_sentence_is_the_event_place_at_precision_one() -> None:
    context = _context("Residents marched in Lamu town (Lamu West, Lamu) on Monday.",
                       [("Lamu", "city", 0), ("Lamu West", "admin2", 0), ("Lamu", "admin1", 2)])
    place, precision = event_place(_first_sentence(context), context, [])
    assert (place.start, precision) == (context.document.text.index("Lamu"), 1)


def test_listed_district_locates_the_event_when_the_town_is_unknown() -> None:
    context = _context("Members protested in Modogo town (Bura, Tana River) on Monday.",
                       [("Modogo", None, 0), ("Bura", "city", 0), ("Tana River", "admin1", 0)])
    place, precision = event_place(_first_sentence(context), context, [])
    assert (place.text, precision) == ("Bura", 2)


def test_listed_region_alone_gives_precision_three() -> None:
    context = _context("Students protested in Kukurantumi (Eastern) on Monday.",
                       [("Kukurantumi", None, 0), ("Eastern", "admin1", 0)])
    place, precision = event_place(_first_sentence(context), context, [])
    assert (place.text, precision) == ("Eastern", 3)


def test_region_level_event_is_located_at_the_regions_seat() -> None:
    eastern = {"country": "GH", "admin1": "Eastern", "lat": 6.2, "lon": -0.55,
               "seat": (6.09, -0.26)}
    context = _context("Students protested in Kukurantumi (Eastern) on Monday.",
                       [("Kukurantumi", None, 0), ("Eastern", "admin1", 0, eastern)])
    place, precision = event_place(_first_sentence(context), context, [])
    location = location_of(place, precision)
    assert (location.name, location.admin1, location.geo_precision) == ("Eastern", "Eastern", 3)
    assert (location.lat, location.lon) == (6.09, -0.26)
    assert (place.lat, place.lon) == (6.2, -0.55)  # the toponym keeps the area's point


def test_district_level_event_is_located_at_its_headquarters() -> None:
    balkh = {"admin1": "Balkh", "admin2": "Balkh", "lat": 36.6, "lon": 66.9,
             "seat": (36.76, 66.90)}
    context = _context("Soldiers were killed in Balkh district on Monday.",
                       [("Balkh", "admin2", 0, balkh)])
    place, precision = event_place(_first_sentence(context), context, [])
    location = location_of(place, precision)
    assert (location.admin2, location.geo_precision, location.lat, location.lon) == (
        "Balkh", 2, 36.76, 66.90)


def test_country_level_event_is_located_at_the_capital() -> None:
    ghana = {"country": "GH", "admin1": None, "lat": 7.6, "lon": -1.0,
             "seat": (5.56, -0.2)}
    context = _context("Workers went on strike across Ghana on Monday.",
                       [("Ghana", "country", 0, ghana)])
    place, precision = event_place(_first_sentence(context), context, [])
    location = location_of(place, precision)
    assert (location.name, location.geo_precision, location.lat, location.lon) == (
        "Ghana", 3, 5.56, -0.2)


def test_town_event_is_located_at_the_town_itself() -> None:
    context = _context("Residents marched in Lamu town (Lamu West, Lamu) on Monday.",
                       [("Lamu", "city", 0, {"lat": -2.27, "lon": 40.9}),
                        ("Lamu West", "admin2", 0, {"seat": (-2.0, 41.0)}),
                        ("Lamu", "admin1", 2, {"seat": (-2.27, 40.9)})])
    place, precision = event_place(_first_sentence(context), context, [])
    location = location_of(place, precision)
    assert (location.lat, location.lon, location.geo_precision) == (-2.27, 40.9, 1)


def test_near_a_town_gives_precision_two() -> None:
    context = _context("Gunmen attacked a bus near Garissa on Sunday.", [("Garissa", "city", 0)])
    assert event_place(_first_sentence(context), context, [])[1] == 2


def test_sentence_without_a_place_takes_the_reports_place() -> None:
    context = _context("Clashes broke out in Kisumu on Friday. Police killed a boy.",
                       [("Kisumu", "city", 0)])
    second = list(context.parsed.sents)[1]
    place, precision = event_place(second, context, [])
    assert (place.text, precision) == ("Kisumu", 1)


def test_dateline_is_the_event_place_only_when_the_report_names_no_other() -> None:
    text = "KABUL - A bomb exploded on Sunday. Police said two died in Paghman."
    with_town = _context(text, [("KABUL", "city", 0), ("Paghman", "city", 0)],
                         dateline="KABUL")
    assert event_place(_first_sentence(with_town), with_town, [])[0].text == "Paghman"
    alone = _context(text.replace("in Paghman", "there"), [("KABUL", "city", 0)],
                     dateline="KABUL")
    assert event_place(_first_sentence(alone), alone, [])[0].text == "KABUL"


def test_place_inside_an_actor_name_is_used_only_when_nothing_else_is_named() -> None:
    text = "Kenya Police fired tear gas at protesters in Nakuru."
    actor = Actor(0, 12, "Kenya Police", "Police Forces of Kenya", 1)
    context = _context(text, [("Kenya", "country", 0), ("Nakuru", "city", 0)],
                       actors=(actor,))
    assert event_place(_first_sentence(context), context, [actor])[0].text == "Nakuru"
    bare = _context("Kenya Police fired tear gas at protesters.", [("Kenya", "country", 0)],
                    actors=(actor,))
    place, precision = event_place(_first_sentence(bare), bare, [actor])
    assert (place.text, precision) == ("Kenya", 3)


def test_follow_up_town_refines_a_region_level_location() -> None:
    context = _context("Airstrikes hit northern Yemen. The bus was struck in Dahyan.",
                       [("Yemen", "country", 0), ("Dahyan", "city", 0)])
    vague = Location(name="Yemen", country="AF", admin1=None, admin2=None, lat=15.0,
                     lon=48.0, geo_precision=3)
    second = list(context.parsed.sents)[1]
    refined = refined_location(second, context, vague)
    assert refined is not None
    assert (refined.name, refined.geo_precision) == ("Dahyan", 1)
    assert refined_location(second, context, location_of(context.places[1], 1)) is None


def _located(text: str, places: list[tuple]) -> tuple[str | None, int]:
    """The event place's text and geo_precision for the first sentence of ``text``."""
    context = _context(text, places)
    place, precision = event_place(_first_sentence(context), context, [])
    return (place.text if place else None), precision


SYRIA = {"country": "SY", "admin1": "Daraa", "lat": 32.6, "lon": 36.1}
KUNAR = {"country": "AF", "admin1": "Kunar", "lat": 34.9, "lon": 71.1}


def test_namesake_abroad_gives_way_to_a_place_in_the_reports_country() -> None:
    text = "Militants were killed in Dara district and Asadabad city, Kunar."
    places = [("Dara", "city", 0, SYRIA), ("Asadabad", "city", 0, KUNAR),
              ("Kunar", "admin1", 0, KUNAR)]
    assert _located(text, places) == ("Asadabad", 1)


def test_report_country_counts_each_place_once_and_not_regions() -> None:
    text = "Students in Mardan rallied for Kashmir, saying Kashmir must be free."
    pakistan = {"country": "PK", "admin1": "Khyber Pakhtunkhwa", "lat": 34.2, "lon": 72.0}
    kashmir = {"country": "IN", "admin1": None, "lat": 34.0, "lon": 76.0}
    places = [("Mardan", "city", 0, pakistan), ("Kashmir", "region", 0, kashmir),
              ("Kashmir", "region", 1, kashmir)]
    assert _located(text, places) == ("Mardan", 1)


def test_town_its_listed_district_does_not_hold_gives_way_to_the_district() -> None:
    text = "Supporters protested in Sefwi town (Sefwi Wiawso, Western) on Monday."
    places = [("Sefwi", "city", 0, {"country": "GH", "admin1": "Ashanti"}),
              ("Sefwi Wiawso", "admin2", 0, {"country": "GH", "admin1": "Western North"}),
              ("Western", "admin1", 0, {"country": "GH", "admin1": "Western"})]
    assert _located(text, places) == ("Sefwi Wiawso", 2)


def test_items_of_a_list_do_not_contain_each_other() -> None:
    text = "Rallies were held in Biratnagar, Mahottari and Siraha."
    places = [("Biratnagar", "city", 0, {"country": "NP", "admin1": "Koshi"}),
              ("Mahottari", "admin2", 0, {"country": "NP", "admin1": "Madhesh"}),
              ("Siraha", "city", 0, {"country": "NP", "admin1": "Madhesh"})]
    assert _located(text, places) == ("Biratnagar", 1)


def test_town_far_from_the_town_named_after_it_is_a_namesake() -> None:
    text = "A mob attacked a bulldozer in Kiganjo estate, Thika."
    places = [("Kiganjo", "city", 0, {"country": "KE", "lat": -0.4, "lon": 36.9}),
              ("Thika", "city", 0, {"country": "KE", "lat": -1.04, "lon": 37.07})]
    assert _located(text, places) == ("Thika", 1)


def test_town_named_with_a_compass_word_before_its_province_is_checked() -> None:
    text = "Rioters burnt an election camp in Karimabad town of southern Sindh."
    places = [("Karimabad", "city", 0, {"country": "PK", "admin1": "Gilgit-Baltistan"}),
              ("Sindh", "admin1", 0, {"country": "PK", "admin1": "Sindh"})]
    assert _located(text, places) == ("Sindh", 3)


def test_district_outside_the_province_named_after_it_is_kept() -> None:
    text = "A check point came under fire in Ali Abad district, Balkh."
    places = [("Ali Abad", "admin2", 0, {"admin1": "Kunduz"}),
              ("Balkh", "admin1", 0, {"admin1": "Balkh"})]
    assert _located(text, places) == ("Ali Abad", 2)


def test_town_after_a_comma_that_goes_on_a_list_is_no_container() -> None:
    text = "Women marched in Sunyani, Wa and other towns."
    places = [("Sunyani", "city", 0, {"country": "GH", "lat": 7.34, "lon": -2.33}),
              ("Wa", "city", 0, {"country": "GH", "lat": 10.06, "lon": -2.5})]
    assert _located(text, places) == ("Sunyani", 1)


def test_province_after_a_district_with_an_alias_comes_after_the_district() -> None:
    text = "A convoy was ambushed in Pur Chaman (Pusht Koh) district, Farah."
    places = [("Pur Chaman", "admin2", 0), ("Farah", "city", 0)]
    assert _located(text, places) == ("Pur Chaman", 2)


def test_district_word_after_the_place_gives_precision_two() -> None:
    assert _located("Taliban attacked a post in Ghazni district.",
                    [("Ghazni", "admin1", 0)]) == ("Ghazni", 2)
    assert _located("A mine exploded on a road in Kutkai township.",
                    [("Kutkai", "city", 0)]) == ("Kutkai", 2)


def test_named_area_of_a_city_is_the_city_at_precision_one() -> None:
    text = "A guard was wounded in the Sher Khan area of Kunduz city."
    assert _located(text, [("Sher Khan", None, 0), ("Kunduz", "city", 0)]) == (
        "Kunduz", 1)
    assert _located("A policeman was shot in the area of Kunduz.",
                    [("Kunduz", "city", 0)]) == ("Kunduz", 2)


def test_between_is_near_only_right_before_the_place() -> None:
    assert _located("Fighting between two clans at Bimbilla killed three.",
                    [("Bimbilla", "city", 0)]) == ("Bimbilla", 1)
    assert _located("Bandits robbed a bus between Garissa and Mandera.",
                    [("Garissa", "city", 0), ("Mandera", "city", 0)]) == ("Garissa", 2)


def test_where_people_were_taken_to_comes_after_the_event_place() -> None:
    text = "Police detained a group in the Volta region and flew them to Accra."
    assert _located(text, [("Volta", "admin1", 0), ("Accra", "city", 0)]) == ("Volta", 3)
    text = "Gunmen who had driven towards Liboi attacked a convoy close to Garissa."
    assert _located(text, [("Liboi", "city", 0), ("Garissa", "city", 0)]) == ("Garissa", 2)


def test_where_people_came_from_can_be_the_event_place() -> None:
    text = "Students from Mandalay marched over a police raid on a campus in Yangon."
    assert _located(text, [("Mandalay", "city", 0), ("Yangon", "city", 0)]) == (
        "Mandalay", 1)


def test_country_comes_after_admin_areas_listed_after_an_unknown_town() -> None:
    text = "An IED hit workers at the Kenya wall near Kiunga town (Lamu East, Lamu)."
    places = [("Kenya", "country", 0), ("Kiunga", None, 0), ("Lamu East", None, 0),
              ("Lamu", "admin1", 1)]
    assert _located(text, places)[0] == "Lamu"


def test_sentence_naming_only_a_country_takes_a_town_of_the_report_there() -> None:
    text = "Gunmen raided a police post in Kenya. The post lies in Mandera. Aid came from Doolow."
    places = [("Kenya", "country", 0, {"country": "KE"}),
              ("Mandera", "city", 0, {"country": "KE"}),
              ("Doolow", "city", 0, {"country": "SO"})]
    assert _located(text, places) == ("Mandera", 1)


def test_town_without_admin_areas_takes_those_of_the_area_named_after_it() -> None:
    context = _context("Raiders shot at a truck in Sololo, Marsabit.",
                       [("Sololo", "city", 0, {"admin1": None}),
                        ("Marsabit", "admin1", 0, {"admin1": "Marsabit"})])
    place, _ = event_place(_first_sentence(context), context, [])
    assert (place.text, place.admin1) == ("Sololo", "Marsabit")


def test_town_without_admin_areas_takes_those_of_a_nearby_place() -> None:
    text = "Raiders shot at a truck in Sololo. Police came from Moyale."
    near = _context(text, [("Sololo", "city", 0, {"admin1": None, "lat": 3.5, "lon": 38.6}),
                           ("Moyale", "city", 0, {"admin1": "Marsabit", "lat": 3.5,
                                                  "lon": 39.05})])
    assert event_place(_first_sentence(near), near, [])[0].admin1 == "Marsabit"
    far = _context(text, [("Sololo", "city", 0, {"admin1": None, "lat": 3.5, "lon": 38.6}),
                          ("Moyale", "city", 0, {"admin1": "Marsabit", "lat": 3.5,
                                                 "lon": 40.0})])
    assert event_place(_first_sentence(far), far, [])[0].admin1 is None


def test_town_inside_the_district_refines_a_district_location() -> None:
    text = "A bomb hit police in Gadchiroli district. The van was near Kurkheda."
    district = {"country": "IN", "admin1": "Maharashtra", "admin2": "Gadchiroli"}
    context = _context(text, [("Gadchiroli", "admin2", 0, district),
                              ("Kurkheda", "city", 0, district)])
    current = location_of(context.places[0], 2)
    second = list(context.parsed.sents)[1]
    refined = refined_location(second, context, current)
    assert refined is not None
    assert (refined.name, refined.geo_precision) == ("Kurkheda", 2)
    elsewhere = _context(text, [("Gadchiroli", "admin2", 0, district),
                                ("Kurkheda", "city", 0, {**district, "admin2": "Nagpur"})])
    assert refined_location(list(elsewhere.parsed.sents)[1], elsewhere, current) is None


def test_place_abroad_stays_when_its_country_is_named_too() -> None:
    text = ("Troops raided Deir al-Zour and Raqqa in Syria. "
            "A soldier died in a raid in the Iraqi town of Hawija.")
    syria = {"country": "SY", "admin1": "Deir ez-Zor"}
    iraq = {"country": "IQ", "admin1": "Kirkuk"}
    context = _context(text, [("Deir al-Zour", "city", 0, syria), ("Raqqa", "city", 0, syria),
                              ("Syria", "country", 0, syria), ("Iraqi", "country", 0, iraq),
                              ("Hawija", "city", 0, iraq)])
    second = list(context.parsed.sents)[1]
    assert event_place(second, context, [])[0].text == "Hawija"


def test_town_held_by_one_of_its_listed_areas_is_kept() -> None:
    text = "Traders blocked a road outside Emali town (Kasikeu, Makueni)."
    places = [("Emali", "city", 0, {"country": "KE", "admin1": "Makueni", "lat": -2.08,
                                    "lon": 37.47}),
              ("Kasikeu", "city", 0, {"country": "KE", "admin1": "Nyandarua", "lat": -0.6,
                                      "lon": 36.5}),
              ("Makueni", "admin1", 0, {"country": "KE", "admin1": "Makueni"})]
    assert _located(text, places) == ("Emali", 2)


def test_where_a_vehicle_was_bound_is_not_the_event_place() -> None:
    text = "Assailants bombed a Dhaka-bound truck in Puthia."
    assert _located(text, [("Dhaka", "city", 0), ("Puthia", "city", 0)]) == ("Puthia", 1)


def test_demonym_is_not_the_event_place() -> None:
    nigeria = {"country": "NG", "admin1": None, "lat": 9.1, "lon": 8.7, "seat": (9.06, 7.5)}
    context = _context("Two men knifed a Nigerian shopkeeper after dark.",
                       [("Nigerian", "country", 0, nigeria)])
    place, _ = event_place(_first_sentence(context), context, [])
    assert place is None


def test_town_is_the_event_place_beside_a_demonym() -> None:
    nigeria = {"country": "NG", "admin1": None, "lat": 9.1, "lon": 8.7}
    context = _context("Nigerian traders protested in Suame on Monday.",
                       [("Nigerian", "country", 0, nigeria), ("Suame", "city", 0)])
    place, precision = event_place(_first_sentence(context), context, [])
    assert (place.text, precision) == ("Suame", 1)
