"""Who gave a toll: a party to the fighting, and whether it speaks of its own dead.

Needs: a claim's source (a name) and the words of its toll. Adds: ``is_partisan_source`` (an
armed group or its outlet, whose claims about its enemy's losses ACLED does not code) and
``is_own_loss`` (a party's figure for its own dead: an admission, coded like any source).
"""

from __future__ import annotations

import re

# Sources that are a party to the fighting: an armed group's claim about its enemy's
# losses ("the Taliban said 12 soldiers were killed"). ACLED does not code such claims.
PARTISAN_SOURCE_RE = re.compile(
    r"\b(?:taliban|voj|voice of jihad|mujahid|islamic state|isis|isil|daesh|amaq|"
    r"al[- ]shabaa?b|boko haram|militants?|insurgents?|rebels?|jihadists?|guerrillas?)\b",
    re.IGNORECASE,
)


def is_partisan_source(speaker: str | None) -> bool:
    """A source that is an armed party to the fighting (or its media outlet)."""
    return bool(speaker) and bool(PARTISAN_SOURCE_RE.search(speaker or ""))


# A party's outlets and other names, for telling its own dead from its enemy's.
PARTY_ALIASES = {
    "voj": "taliban", "voice of jihad": "taliban", "mujahid": "taliban",
    "amaq": "islamic state", "isis": "islamic state", "isil": "islamic state",
    "daesh": "islamic state", "al shabab": "al shabaab", "al-shabaab": "al shabaab",
    "al-shabab": "al shabaab",
}
OWN_SIDE_RE = re.compile(r"\b(?:its|our|their own|of their)\b", re.IGNORECASE)


def is_own_loss(speaker: str | None, toll: str) -> bool:
    """A party's figure for its own dead ("the Taliban said 3 of its fighters died",
    "Taliban sources said 2 Taliban militants were killed"): an admission, not a claim
    about its enemy's losses."""
    if not is_partisan_source(speaker):
        return False
    toll = toll.replace(speaker or "", "")  # "(2 according to Taliban sources)"
    return bool(OWN_SIDE_RE.search(toll)) or bool(_parties(speaker or "") & _parties(toll))


def _parties(text: str) -> set[str]:
    """The parties a text names, outlets as their party ("VoJ" is the Taliban)."""
    names = (m.lower() for m in PARTISAN_SOURCE_RE.findall(text))
    return {PARTY_ALIASES.get(name, name.removesuffix("s")) for name in names}
