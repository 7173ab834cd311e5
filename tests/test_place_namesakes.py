"""Region names that several countries share, and short forms of region names, need the
report's support: "Punjab" is India's or Pakistan's, "Eastern" is a region of Ghana,
Kenya, Saudi Arabia...; "Md." is Maryland after Baltimore but a man's title in Dhaka;
"Act" is a law, not the Australian Capital Territory. Without support they stay
unresolved (better no coordinates, and no actor named after the wrong country, than a
namesake abroad). Short reports written for these tests, through the real model and the
real gazetteer."""

from __future__ import annotations

import pytest

from news_reports import news_events
from sitrep.places import extract_places
from sitrep.records import Document

pytestmark = [pytest.mark.model, pytest.mark.slow]


def place(resources, text: str, name: str):  # type: ignore[no-untyped-def]
    document = Document(id="t", text=text)
    places = extract_places(document, resources.nlp(text), gazetteer=resources.gazetteer)
    (found,) = [p for p in places if p.text == name][:1]
    return found


@pytest.mark.parametrize("text, name, country", [
    ("Farmers protested in Amritsar, Punjab, on Monday.", "Punjab", "IN"),
    ("Farmers protested in Lahore, Punjab, on Monday.", "Punjab", "PK"),
    ("Protesters gathered in Baltimore, Md. on Monday.", "Md.", "US"),
    # a state's own name, however short, is no abbreviation
    ("Members of the party protested in Goa on Monday.", "Goa", "IN"),
])
def test_a_shared_or_short_region_name_the_report_supports_resolves(resources, text, name,
                                                                    country):
    assert place(resources, text, name).country == country


@pytest.mark.parametrize("text, name", [
    ("Farmers protested in Punjab on Monday.", "Punjab"),
    ("Centre of Indian Trade Unions members marched with nurses to demand higher pay.",
     "Centre"),
    ("Sugarcane growers protest Act that would end state buying of their crop.", "Act"),
    ("Sohel Miah, Md. Rubel and Md. Shahabudin were admitted to the health complex.", "Md."),
])
def test_a_shared_or_short_region_name_nothing_supports_stays_unresolved(resources, text,
                                                                         name):
    assert place(resources, text, name).country is None


def test_an_actor_is_not_named_after_a_namesake_country(resources):
    text = ("Eight people were hurt when rival groups of villagers fought with sticks in "
            "Bangladesh. Md. Rubel and Md. Shahabudin were admitted to hospital.")
    (event,) = news_events(resources, text)
    assert "United States" not in (event.actor1 or "")
    assert event.location is None or event.location.country == "BD"
