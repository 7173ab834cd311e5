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
