"""Civilians killed with no one named as doing it, in a report that names a non-state
armed group (rule vac.unattributed-killing): ACLED codes an attack on civilians, by the
group the report names or by an unidentified armed group. The same sentence in a report
that names no such group is a crime, an accident, or a government's figure: no event.

Each positive case gave no event before the rule; each guard names the draft it fails
on. Short reports written for these tests, through the real model."""

from __future__ import annotations

import datetime as dt

import pytest

from news_reports import news_events

pytestmark = [pytest.mark.model, pytest.mark.slow]

DATE = dt.date(2019, 6, 5)


@pytest.mark.parametrize(("text", "actor1", "deaths"), [
    (("On 3 June 2019, two farmers were shot dead on a farm near Garissa, Kenya. Residents "
      "blamed Al Shabaab militants for the killings."), "Al Shabaab", 2),
    (("On 3 June 2019, a village elder was hacked to death at a homestead near Baragoi, "
      "Kenya. Residents said bandits had threatened the elder weeks earlier."),
     "Unidentified Armed Group (Kenya)", 1),
    (("On 3 June 2019, a shopkeeper was killed in Mandera, Kenya. Elders said Al Shabaab "
      "fighters were suspected."), "Al Shabaab", 1),
])
def test_a_killing_in_a_report_that_names_an_armed_group(resources, text, actor1, deaths):
    (event,) = news_events(resources, text, date=DATE)
    assert (event.event_type, event.sub_event_type) == ("Violence against civilians", "Attack")
    assert (event.actor1, event.actor2) == (actor1, "Civilians (Kenya)")
    assert event.fatalities == deaths


@pytest.mark.parametrize("text", [
    # no armed group in the report: a crime (the rule's first draft, with no condition on
    # the report, coded it)
    "On 3 June 2019, a man was shot dead outside a bar in Soweto, police said.",
    # a government and its police named only for what they said (a draft that counted any
    # armed actor in the report, the state's included, coded it)
    ("On 3 June 2019, a worker was killed at a mine near Carletonville, the government "
     "said. Police said an inquiry would follow."),
    # the parse names what killed them: an accident (a draft that asked only that no
    # person be named as doing it coded it)
    ("On 3 June 2019, an explosion at a coal mine in Garissa, Kenya killed four workers. "
     "Al Shabaab militants had attacked the town a year earlier."),
    # killed in an operation against a group: not an unknown group's attack (the draft
    # with only the words of fighting coded it)
    ("On 3 June 2019, two herders were killed during a security operation near Lamu, "
     "Kenya. Al Shabaab fighters had camped in the forest."),
    # a private person did it
    ("On 3 June 2019, a trader was stabbed to death by a neighbour in Garissa, Kenya. Al "
     "Shabaab militants had attacked the town a year earlier."),
])
def test_no_attack_without_an_armed_group_or_with_a_doer_named(resources, text):
    assert news_events(resources, text, date=DATE) == []
