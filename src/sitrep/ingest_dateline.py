"""Datelines: the upper-case place that opens a news report ("BEIRUT — ...",
"KABUL, Afghanistan (Reuters) - ...").

Needs: a document's text. Adds: nothing by itself; ``ingest.py``'s readers call
``detect_dateline`` to fill ``Document.dateline``. Pure string rules: no I/O, no model.
"""

from __future__ import annotations

import re

MAX_DATELINE_CHARS = 100
"""How far into the text a dateline's dash may be, in characters."""

_DATELINE_DASH_RE = re.compile(r"\s*(?:[—–―]|--?(?=\s|\Z))")
_PARENTHETICAL_RE = re.compile(r"\([^()]*\)")
_PLACE_PUNCTUATION = frozenset(" '’.-/")
# fmt: off
_NOT_DATELINES = frozenset({
    "BREAKING", "UPDATE", "UPDATED", "EXCLUSIVE", "WATCH", "LIVE", "ANALYSIS", "OPINION",
    "CORRECTION", "EDITOR'S NOTE", "NOTE",
})
# fmt: on
_MAX_DATELINE_WORDS = 5


def detect_dateline(text: str) -> str | None:
    """Return the upper-case place that opens a report, or None.

    "BEIRUT — ...", "KABUL, Afghanistan (Reuters) - ...", "NAIROBI, Kenya — ..." and
    "MOGADISHU, Somalia (AP) — ..." give "BEIRUT", "KABUL", "NAIROBI", "MOGADISHU", as
    written. Only the text's first line is looked at, up to MAX_DATELINE_CHARS.
    """
    opening = text.lstrip()[:MAX_DATELINE_CHARS].split("\n", 1)[0]
    dash = _DATELINE_DASH_RE.search(opening)
    if dash is None:
        return None
    head = _PARENTHETICAL_RE.sub(" ", opening[: dash.start()])
    place = head.split(",", 1)[0].strip()
    if not place[:1].isalpha() or not all(
        char.isalpha() or char in _PLACE_PUNCTUATION for char in place
    ):
        return None
    letters = [char for char in place if char.isalpha()]
    is_upper = len(letters) >= 2 and place == place.upper() and place != place.lower()
    if not is_upper or len(place.split()) > _MAX_DATELINE_WORDS or place in _NOT_DATELINES:
        return None
    return place
