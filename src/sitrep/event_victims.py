"""Event victims: whom an explosion with no target named harmed.

Needs: the parse of a sentence and its actors. Adds: ``blast_victims``, read by events for
the rules whose ``actors`` give a ``harmed_default`` (a remote explosive, a grenade, a
suicide bomb). ACLED codes the people an explosion kills or injures as its actor2: the
state's forces, or another armed side, when they were its target or its dead ("Four
soldiers were killed in the blast", "Two soldiers killed in IED blast"), civilians otherwise
("Grenade blasts at a restaurant kill six", "a rickshaw-puller was injured as a bomb went
off"); a blast that hurt no one ("No one was injured") has no actor2 unless the report
names its target, and bombers killed by their own bomb are no target of it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sitrep.actors import INTER_STATE
from sitrep.codebook import ARMED_INTERS
from sitrep.event_conditions import _is_denied
from sitrep.fatalities import INJURY_LEMMAS
from sitrep.fatality_counts import KILL_LEMMAS
from sitrep.roles import _is_headline_passive, is_acted_upon_word

if TYPE_CHECKING:
    from collections.abc import Sequence

    from spacy.tokens import Span, Token

    from sitrep.records import Actor

# what befalls a person in a blast: killed, injured, dead, a casualty
HARM_LEMMAS = KILL_LEMMAS | INJURY_LEMMAS | {"die"}
HARM_WORDS = frozenset({"dead", "death", "deaths", "casualty", "casualties", "injury",
                        "injuries"})
# "soldiers sustained injuries", "a policeman suffered splinter wounds"
SUFFER_LEMMAS = frozenset({"sustain", "suffer", "receive"})


def blast_victims(sentence: Span, actors: Sequence[Actor]) -> tuple[bool, Actor | None]:
    """Whether the sentence tells of people killed or injured (not denied), and the armed
    actor among its actors who was acted upon or harmed, if any (the state's forces first:
    "1 Taliban commander and his guard were killed by a roadside bomb" names the Taliban)."""
    harms = [t for t in sentence if _is_harm(t)]
    for actor in sorted(actors, key=lambda a: a.inter != INTER_STATE):
        if actor.inter not in ARMED_INTERS:
            continue
        span = sentence.doc.char_span(actor.start, actor.end, alignment_mode="expand")
        if span is None:
            continue
        root = _head_noun(span.root)
        if is_acted_upon_word(root) or _suffers(root, harms):
            return True, actor
    return bool(harms), None


def _head_noun(token: Token) -> Token:
    """The noun a force word belongs to: "an army captain and two soldiers were killed":
    "army" and "soldiers" stand with the captain who was killed."""
    while token.dep_ in ("compound", "conj") and token.head.pos_ in ("NOUN", "PROPN") and (
        token.head is not token
    ):
        token = token.head
    return token


def _is_harm(token: Token) -> bool:
    """A word of harm the sentence does not deny ("no one was reported injured")."""
    return (token.lemma_.lower() in HARM_LEMMAS or token.lower_ in HARM_WORDS) and (
        not _is_denied(token))


def _suffers(root: Token, harms: Sequence[Token]) -> bool:
    """The word is the subject of a harm the parser reads as active ("1 security personnel
    killed": a headline's passive; "two soldiers died") or of suffering one ("sustained
    injuries")."""
    if root.dep_ != "nsubj":
        return False
    verb = root.head
    if verb in harms:
        return verb.lemma_.lower() == "die" or _is_headline_passive(verb)
    return verb.lemma_.lower() in SUFFER_LEMMAS and any(
        c in harms for c in verb.children if c.dep_ == "dobj")
