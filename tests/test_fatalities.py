"""Fatalities by ACLED's rules over one sentence (the real parser, no gazetteer)."""

from __future__ import annotations

import pytest

from sitrep.codebook import load_codebook
from sitrep.fatalities import count_fatalities

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def count(nlp):
    codebook = load_codebook()

    def counted(text: str, **options: bool) -> int:
        sentence = next(nlp(text).sents)
        return count_fatalities(sentence, codebook, **options)[0]

    return counted


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


def test_a_death_given_as_the_cause_of_a_demonstration_is_not_its_own(count):
    text = "Students barricaded roads to protest the death of a student killed by a car."
    assert count(text, skip_causes=True) == 0
    assert count("Police shot dead two protesters in Kisumu.", skip_causes=True) == 2


