"""Split a document's text into plain and highlighted pieces, for escaping templates.

Needs: a text and character spans (evidence sentences). Adds: nothing; pure function.
Templates render each piece escaped, wrapping highlighted ones in ``<mark>``, so no
article text is ever treated as markup.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True)
class TextPiece:
    """A run of text; ``is_highlighted`` when it lies inside at least one span."""

    text: str
    is_highlighted: bool


def split_highlights(text: str, spans: Iterable[tuple[int, int]]) -> list[TextPiece]:
    """Cut ``text`` at the edges of ``spans`` (clipped to the text, overlaps merged)."""
    clipped = sorted(
        (max(0, start), min(len(text), end)) for start, end in spans if end > start
    )
    merged: list[tuple[int, int]] = []
    for start, end in clipped:
        if start >= end:
            continue
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    pieces: list[TextPiece] = []
    position = 0
    for start, end in merged:
        if start > position:
            pieces.append(TextPiece(text[position:start], is_highlighted=False))
        pieces.append(TextPiece(text[start:end], is_highlighted=True))
        position = end
    if position < len(text):
        pieces.append(TextPiece(text[position:], is_highlighted=False))
    return pieces
