"""Victims a report names rather than counts: "both" is two, and one person named (by a
name the tagger took for a common noun or a place, a name with an age after it, a
one-word name that "succumbed") is one death.

Each positive case failed before the change it tests (no death coded); the guards pass on
both and say what must stay uncounted (a company that "died", "both sides" with no one
killed, "both local and foreign fighters", a group in apposition). The sentences are our own, with the constructions of the
reports the rules were read from.
"""

from __future__ import annotations

import pytest


@pytest.mark.model
@pytest.mark.parametrize("text", [
    "Both brothers were shot dead outside their shop in Garissa.",
    "Gunmen on a motorbike opened fire on the two traders, killing both.",
])
def test_both_victims_are_two_deaths(count, text):
    assert count(text) == 2


@pytest.mark.model
@pytest.mark.parametrize("text", [
    # a name with an age set after it (the tagger reads "Bablu" as a place)
    "Mohammad Rafiq alias Bablu, 42, was beaten to death by villagers in Nadia.",
    "Jashim alias Lalu, 30, was killed by a mob.",
    # a one-word name, subject of "succumbed"
    "Sohag succumbed to his injuries at hospital.",
    "Kamrul succumbed to his wounds at a clinic in Bogra on Tuesday.",
    # a one-word name tagged as a common noun, with a person's office in apposition
    ("Mizanur, publicity secretary of Shibir, Chittagong University unit, was killed in a "
    "'gunfight' with police on Sunday."),
])
def test_a_person_named_is_one_death(count, text):
    assert count(text) == 1


@pytest.mark.model
@pytest.mark.parametrize("text", [
    "Kenya Airways died as a company in 2019.",  # a name of more words than one that "died"
    "Both sides suffered losses but no one was killed.",
    "In the raid both local and foreign fighters were killed.",  # "both ... and": no number
    "Police killed the unit, a squad of ten.",
])
def test_guard_no_person_named_no_death(count, text):
    assert count(text) == 0
