"""Who said what: a source in brackets next to a number speaks for that number only."""

from __future__ import annotations

import pytest

from sitrep.claims import first_speaker, sentence_claims, with_fatality_claim
from sitrep.codebook import load_codebook
from sitrep.fatalities import count_fatalities

pytestmark = [pytest.mark.model]


def _claims(nlp, text: str):
    codebook = load_codebook()
    sentence = next(iter(nlp(text).sents))
    claims = sentence_claims(sentence, codebook, trigger=None)
    fatalities, phrase, is_estimate = count_fatalities(sentence, codebook)
    return with_fatality_claim(claims, fatalities, phrase, is_estimate, sentence)


def test_a_bracketed_source_is_credited_with_its_own_figure_only(nlp):
    claims = _claims(nlp, "On 19 June 2021, 3 policemen (2 according to Taliban sources) "
                          "were killed in Ghazni.")
    tolls = {(c.value, c.attributed_to) for c in claims if c.kind == "fatalities"}
    assert tolls == {("3", None), ("2", "Taliban sources")}
    assert not [c for c in claims if c.kind == "occurrence"]
    assert first_speaker(claims) is None


def test_according_to_outside_brackets_is_the_whole_sentence_s_source(nlp):
    claims = _claims(nlp, "According to the police, 3 people were killed in Ghazni.")
    assert first_speaker(claims) == "police"
    assert {c.attributed_to for c in claims if c.kind == "fatalities"} == {"police"}


def _tolls(claims):
    return {(c.value, c.attributed_to) for c in claims if c.kind == "fatalities"}


def test_a_figure_a_source_gives_without_a_noun_is_its_figure_for_the_toll(nlp):
    claims = _claims(nlp, "Two soldiers were killed in the ambush (the Taliban said 5).")
    assert _tolls(claims) == {("2", None), ("5", "the Taliban")}
    assert first_speaker(claims) is None  # the bracketed source speaks for its figure only
    assert _tolls(_claims(nlp, "The Taliban reported 3.")) == {("3", "The Taliban")}


def test_a_second_source_s_number_of_deaths_in_the_sentence_is_its_own_claim(nlp):
    claims = _claims(nlp, "Residents said three people died, while the hospital reported "
                          "2 deaths.")
    assert _tolls(claims) == {("3", "Residents"), ("2", "hospital")}


def test_a_source_that_also_reports_a_figure_corroborates_it(nlp):
    claims = _claims(nlp, "Voice of Jihad also reported 2 deaths.")
    assert {(c.value, c.status) for c in claims if c.kind == "fatalities"} == {
        ("2", "confirmed")
    }
    claims = _claims(nlp, "Voice of Jihad reported 2 deaths.")
    assert {c.status for c in claims} == {"reported"}


def test_a_figure_a_source_does_not_report_is_not_its_claim(nlp):
    assert _tolls(_claims(nlp, "The Taliban did not report 3.")) == set()


def test_a_bracketed_source_ends_with_its_brackets(nlp):
    claims = _claims(nlp, "On 19 June 2021, four guards (2 according to Taliban sources) "
                          "and their driver died when their post in Ghazni was overrun.")
    assert ("2", "Taliban sources") in _tolls(claims)


def test_a_source_at_the_end_of_the_sentence_is_found_after_a_place(nlp):
    claims = _claims(nlp, "On 12 March 2020, 2 soldiers were killed by Taliban militants in "
                          "Maidan Shar city, Wardak, the Taliban claimed.")
    assert first_speaker(claims) == "the Taliban"
    assert _tolls(claims) == {("2", "the Taliban")}
    assert not any("the Taliban" in c.text for c in claims if c.kind == "occurrence")
