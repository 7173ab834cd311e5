"""A harm or a fight the sentence denies is none (``event_conditions._is_denied``, read by
``tells_of_fighting``, the ``verb_not_denied`` condition and the blast victims): the
denial may sit on the word, on its subject, on the auxiliary the parser hung the subject
on ("None was, however, hurt"), or on the verb the word completes ("no one was reported
injured", "did not cause casualties"). The last two failed before the denial moved from
the blast-victims module into the shared check. Short sentences written for these tests,
through the real model."""

from __future__ import annotations

import pytest

from sitrep.codebook import load_codebook
from sitrep.event_conditions import tells_of_fighting

pytestmark = pytest.mark.model


@pytest.mark.parametrize(("text", "fighting"), [
    ("Soldiers took over the hilltop post. None was, however, hurt in the takeover.", False),
    ("Soldiers took over the hilltop post. No one was reported injured.", False),
    ("Soldiers took over the hilltop post, which did not cause any casualties.", False),
    ("Soldiers took over the hilltop post. No one was hurt.", False),
    # not denied: told as it happened
    ("Soldiers took over the hilltop post. Two guards were reported injured.", True),
    ("Soldiers took over the hilltop post, which caused several casualties.", True),
])
def test_a_denied_harm_tells_of_no_fighting(nlp, text, fighting):
    assert tells_of_fighting(nlp(text), load_codebook()) is fighting
