"""Error classes of bench/geoparse.py, on a sentence written for this test (no corpus data)."""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

import spacy

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))

import geoparse


def test_missed_toponym_is_classed_by_the_entity_over_it() -> None:
    text = "The Berea Police Department said."
    doc = spacy.blank("en")(text)
    doc.ents = [doc.char_span(4, text.index(" said"), label="ORG")]
    inside = geoparse.GoldToponym(4, 9, "Berea", 37.6, -84.3)
    outside = geoparse.GoldToponym(text.index("said"), len(text) - 1, "said", 0.0, 0.0)
    assert geoparse.entity_label(doc, inside) == "ORG"
    assert geoparse.entity_label(doc, outside) == "none"


def test_error_counts_print_most_common_first() -> None:
    assert geoparse.format_counts(Counter({"city": 1, "unresolved": 3})) == (
        "unresolved 3, city 1")
