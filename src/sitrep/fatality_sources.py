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


# Whose dead a toll counts, by the words that name them: the state's forces, an armed
# group, or civilians. Deaths of different sides are different people, so their tolls add
# up (ACLED codes one event's deaths on all sides) instead of competing as conflicting
# reports. Generic words ("people", "persons", a commander) name no side.
SIDE_WORDS = {
    "forces": re.compile(
        r"\b(?:soldiers?|troops?|troopers?|servicem[ae]n|policem[ae]n|police(?:wom[ae]n)?|"
        r"police officers?|officers?|constables?|jawans?|commandos?|rangers?|levies|"
        r"security (?:personnel|officials?|forces?|men)|personnel|army)\b",
        re.IGNORECASE),
    "armed": re.compile(
        r"\b(?:militants?|insurgents?|rebels?|terrorists?|attackers?|assailants?|gunm[ae]n|"
        r"fighters?|raiders?|bandits?|extremists?|jihadists?|separatists?|maoists?|"
        r"militiam[ae]n|taliban|al[- ]shabaa?b|cadres?)\b",
        re.IGNORECASE),
    "civilians": re.compile(
        r"\b(?:civilians?|villagers?|residents?|women|woman|children|child|passengers?|"
        r"worshippers?|pupils?|bystanders?|pedestrians?|tourists?)\b",
        re.IGNORECASE),
}


# where the words about the dead end and those about where, when or with whom begin
TRAILING_WORDS_RE = re.compile(
    r"\b(?:during|in|with|by|when|while|as|near|at|after|on|from|following)\b", re.IGNORECASE)


def victim_side(toll: str) -> str | None:
    """The one side whose dead a toll's words name ("4 militants were killed": armed), or
    None when they name none, several, or a list ("4 villagers and 6 cattle thieves")."""
    victims = TRAILING_WORDS_RE.split(toll)[0]  # not "killed during a fight with police"
    if re.search(r",| and | as well as ", victims):
        return None
    sides = [side for side, words in SIDE_WORDS.items() if words.search(victims)]
    return sides[0] if len(sides) == 1 else None
