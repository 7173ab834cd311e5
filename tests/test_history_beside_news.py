"""History told inside a sentence that reports news: the news is coded, the history stays
background. A year that modifies a noun dates that noun ("survivors of the 2010 floods",
"the 2014 movement"), not the act; and when the first trigger the rules reach is history
("the families that lost members in a clash last year"), a later trigger of the same
sentence that is news ("held protests seeking compensation for ...") is coded instead.

The positive cases failed before the change (background only); the guards pass on both.
Short reports written for these tests, through the real model."""

from __future__ import annotations

import datetime as dt

import pytest

from news_reports import news_events

pytestmark = [pytest.mark.model, pytest.mark.slow]

DATE = dt.date(2019, 5, 4)


@pytest.mark.parametrize("text", [
    # a year that modifies another noun
    ("On 3 May 2019, families who survived the 2010 floods protested outside the county "
     "offices in Garissa, Kenya, against their eviction from a camp."),
    # history in a relative clause, news in the main one
    ("On 3 May 2019, members of a caste group held protests in Faridabad, India, seeking "
     "compensation for the families that lost members in a clash last year."),
])
def test_the_news_beside_the_history_is_coded(resources, text):
    events = news_events(resources, text, date=DATE)
    assert [e.event_type for e in events] == ["Protests"]


@pytest.mark.parametrize("text", [
    ("In 2014, militants attacked a village near Mandera, Kenya, killing 20 people."),
    ("Residents recalled that in 2014 militants raided the village and burned its school."),
])
def test_guard_a_sentence_that_is_all_history_has_no_news(resources, text):
    assert news_events(resources, text, date=DATE) == []
