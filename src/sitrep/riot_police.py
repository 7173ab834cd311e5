"""The police a report names answering a riot are its other side (ACLED: a riot's actor2
is whoever the rioters face), whatever verb the report gives them ("Police responded",
"police arrested four"); not police who only speak for the story ("police said"), who
did nothing, or who are what a crowd protests; and not for a clash between two crowds,
whose sides are each other.

``events`` calls ``with_police_at_riots`` on a report's mentions once they are coded.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from sitrep.claims import attribution_spans
from sitrep.event_conditions import (
    POLICE_PREFIX,
    SAYING_OR_EXPECTING_LEMMAS,
    SIDE_PREPOSITIONS,
)
from sitrep.event_crowds import CLASH_LEMMAS, DEMONSTRATOR_INTERS
from sitrep.event_modality import _names_grievance
from sitrep.event_sentence import RIOTS_TYPE
from sitrep.event_triggers import IRREGULAR_VERBS

if TYPE_CHECKING:
    from spacy.tokens import Token

    from sitrep.events import ReportContext
    from sitrep.records import Actor, EventMention


def with_police_at_riots(mentions: list[EventMention], context: ReportContext) -> list[EventMention]:
    """The mentions, each riot with no one against its rioters taking the police the report
    names acting as its actor2 (read once a report, and only when a riot needs it)."""
    if not any(_lacks_other_side(m) for m in mentions):
        return mentions
    police = _acting_police(context)
    if police is None:
        return mentions
    return [_with_police_at_riot(m, police) for m in mentions]


def _lacks_other_side(mention: EventMention) -> bool:
    """A riot in the news with no one against the rioters, and not a clash between two
    crowds ("supporters of two parties clashed": the other crowd is its side). The rioters
    may stand as its only side on either hand until the actors are named ("rioters ... set
    stalls on fire": actor2 the rioters, actor1 no one; or the rioters twice)."""
    only_the_crowd = mention.actor2 in (None, mention.actor1) or (
        mention.actor1 is None and mention.inter2 in DEMONSTRATOR_INTERS)
    return (not mention.is_background and mention.event_type == RIOTS_TYPE
            and only_the_crowd
            and not (mention.trigger or "").lower().startswith(TWO_SIDED_WORDS))



def _with_police_at_riot(mention: EventMention, police: Actor) -> EventMention:
    """A riot with no one against the rioters takes the police the report names as its
    actor2 ("Youths burnt tyres on the highway. Police came."): ACLED codes the police who
    answer a riot as its other side, whatever verb the report gives them. Not police who
    only speak for the story ("police said")."""
    if not _lacks_other_side(mention) or police.name == mention.actor1:
        return mention
    if mention.actor1 is None:  # the crowd, named as actor2 so far, leads
        return replace(mention, actor1=mention.actor2, inter1=mention.inter2,
                       assoc_actor_1=mention.assoc_actor_2, actor2=police.name,
                       inter2=police.inter, assoc_actor_2=None)
    return replace(mention, actor2=police.name, inter2=police.inter)


def _acting_police(context: ReportContext) -> Actor | None:
    """The first police the report names acting: the subject or object of a verb not
    negated, or a side of a clash ("clashed with police"); not police who speak for the
    story or suspect ("police said", "police suspect"), nor police named in a grievance
    ("marched against police brutality"), a thing of theirs ("a police post was burnt")
    or police who "did not act"."""
    for sentence in context.parsed.sents:
        sources = attribution_spans(sentence)
        for actor in context.actors:
            if not (sentence.start_char <= actor.start < sentence.end_char
                    and actor.name.startswith(POLICE_PREFIX)) or any(
                        start <= actor.start < end for start, end in sources):
                continue
            span = context.parsed.char_span(actor.start, actor.end, alignment_mode="expand")
            if span is not None and _acts_as_side(span.root):
                return actor
    return None


NOT_ACTING_LEMMAS = SAYING_OR_EXPECTING_LEMMAS | {"suspect", "believe", "accuse", "blame"}
# a riot's trigger that names two sides, read from the stored trigger text: the words of
# event_sentence._is_two_sided (CLASH_LEMMAS), so a riot that keeps two crowds there keeps them here; the
# text may be an irregular past ("fought"), which shares no prefix with its lemma
TWO_SIDED_WORDS = tuple(sorted(CLASH_LEMMAS | {
    past for past, lemma in IRREGULAR_VERBS.items() if lemma in CLASH_LEMMAS}))


def _acts_as_side(token: Token) -> bool:
    """The word is a side of an act the sentence does not deny, grieve or attribute (see
    ``_acting_police``)."""
    while token.dep_ == "conj" and token.head.i != token.i:
        token = token.head
    if token.dep_ in ("nsubj", "nsubjpass", "dobj"):
        head = token.head
    elif token.dep_ == "pobj" and token.head.lower_ in SIDE_PREPOSITIONS:
        head = token.head.head
        if head.pos_ in ("NOUN", "PROPN") and head.lemma_.lower() not in CLASH_LEMMAS:
            return False  # "disappointment with the police"
    else:
        return False
    if any(c.dep_ == "neg" for c in head.children) or (
        head.lemma_.lower() in NOT_ACTING_LEMMAS
    ):
        return False
    return not any(_names_grievance(t) for t in (token, *token.ancestors))
