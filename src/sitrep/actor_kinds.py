"""Actor kinds read from the words around a mention, where the dictionary's name for its
noun is not how ACLED codes it: herders, and people the text calls armed, who attack are a
communal militia ("cattle herders killed 10"); an off-duty, retired or former member of the
forces is a civilian ("a retired soldier", "ex-servicemen"); and the armed men a report of
a land dispute leaves unnamed are a community's militia.

Needs: the parse of the mention (and, for a land dispute, the text of the act's paragraph).
Used by ``actors`` (each mention as it is named) and ``event_sentence`` (a land dispute's
sides, once the act and its paragraph are known).
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from sitrep.actor_codes import (
    CIVILIANS_NAME,
    CIVILIANS_PREFIX,
    COMMUNAL_MILITIA_PREFIX,
    INTER_CIVILIANS,
    INTER_IDENTITY,
    UNIDENTIFIED_ARMED_PREFIX,
)

if TYPE_CHECKING:
    from spacy.tokens import Span

    from sitrep.records import Actor


def kind_in_context(span: Span, start: int, name: str, inter: int, *,
                    is_state_noun: bool) -> tuple[str, int]:
    """The name and inter code of a mention (``span``, its name taking in the words from
    ``start``), as the words around it make it: ``name`` and ``inter`` as the dictionary
    gives them otherwise. ``is_state_noun``: the dictionary names the noun as the state's
    forces ("police officer", "soldier")."""
    if inter == INTER_CIVILIANS and _is_armed_livelihood_doer(span):
        # "cattle herders killed 10", "armed farmers attacked herdsmen": ACLED codes
        # herders, and villagers the report calls armed, who attack as a communal militia
        return COMMUNAL_MILITIA_PREFIX + name.removeprefix(CIVILIANS_PREFIX), INTER_IDENTITY
    if is_state_noun and OFF_DUTY_RE.search(span.doc.text[max(0, start - 30):start]):
        # "an off-duty police officer", "a retired soldier", "ex-servicemen": not acting
        # as the state's forces; ACLED codes violence against them as violence against
        # civilians
        return CIVILIANS_NAME, INTER_CIVILIANS
    return name, inter


OFF_DUTY_RE = re.compile(
    r"(?:\b(?:off[- ]duty|retired|former)\s+(?:[a-z]+\s+)?|\bex-)$", re.IGNORECASE)
# people who go armed for their livelihood: herders with their herds
ARMED_LIVELIHOOD_LEMMAS = frozenset({"herder", "herdsman", "herdsmen", "pastoralist"})
# what an armed side does to others (not "herders protested", "herders fled")
ARMED_ACT_LEMMAS = frozenset({"attack", "kill", "raid", "shoot", "hack", "stab", "invade",
                              "burn", "torch", "murder", "ambush", "wound", "injure"})


def _is_armed_livelihood_doer(span: Span) -> bool:
    """Herders, or people the text calls armed ("armed farmers"), as the subject of an
    active attack ("herders attacked three men") or the doer of a passive one ("police were
    attacked by the pastoralists"); as its object or victim they are civilians ("herders
    were attacked")."""
    root = span.root
    act = root.head.head if root.dep_ == "pobj" and root.head.dep_ == "agent" else root.head
    if root.dep_ not in ("nsubj", "pobj") or act is root.head and root.dep_ == "pobj" or (
        act.lemma_.lower() not in ARMED_ACT_LEMMAS
    ):
        return False
    return root.lemma_.lower() in ARMED_LIVELIHOOD_LEMMAS or any(
        c.dep_ == "amod" and c.lower_ == "armed" for c in root.children)


# a dispute over land: "a land dispute", "a land-related dispute", "killed over land"
LAND_DISPUTE_RE = re.compile(
    r"\bland(?:-related)?\s+(?:dispute|conflict|row|feud|wrangle|tussle|issue)s?\b"
    r"|\bover\s+(?:a\s+|the\s+)?(?:piece\s+of\s+|plot\s+of\s+|disputed\s+)?land\b"
    r"(?![-\s]*(?:mines?|slides?)\b)",  # not "rolled over a land mine"
    re.IGNORECASE)


def as_land_dispute_side(actor: Actor | None, text: str) -> Actor | None:
    """Armed men a report of a land dispute leaves unnamed are a community's militia, as
    ACLED codes the sides of such disputes ("assailants destroyed houses in Thika related
    to a land dispute": an unidentified communal militia)."""
    if actor is None or not actor.name.startswith(UNIDENTIFIED_ARMED_PREFIX) or not (
        LAND_DISPUTE_RE.search(text)
    ):
        return actor
    return replace(actor, name=COMMUNAL_MILITIA_PREFIX + actor.name.removeprefix(
        UNIDENTIFIED_ARMED_PREFIX), inter=INTER_IDENTITY)
