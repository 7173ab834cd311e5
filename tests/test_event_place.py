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


def _context(text: str, places: list[tuple[str, str | None, int]], *,
             dateline: str | None = None, actors: tuple[Actor, ...] = ()) -> ReportContext:
    """``places`` are (text, feature or None when unresolved, occurrence) in text order."""
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    parsed: Doc = nlp(text)
    resolved = []
    for name, feature, occurrence in places:
        start = -1
        for _ in range(occurrence + 1):
            start = text.index(name, start + 1)
        if feature is None:
            resolved.append(Place(start, start + len(name), name))
        else:
            resolved.append(Place(start, start + len(name), name, name=name, feature=feature,
                                  country="AF", admin1="Kandahar", lat=31.6, lon=65.7))
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
