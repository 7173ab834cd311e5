"""Two states' forces named by one noun: "Pakistani and Indian troops exchanged fire",
"troops of India and Pakistan targeted each other's positions".

The noun names two actors, one for each country; when they fought each other (a clash, an
exchange, fire "between" them, "each other", a fight they engaged in: ``roles`` asks
``actor_order._is_mutual``) they are the two sides of the battle. ACLED places fire across
a border or a line of control where it falls, so of two states' forces fighting, the one
outside its own country (External/Other forces, inter 8) is actor1 (75 of the 109 battles
in ``../shared/data/acled/`` between a state's forces at home and another state's abroad;
``actor_order.abroad_first``). A side the report says began the fight keeps the lead
("Pakistani troops targeted an Indian army post").
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from sitrep.codebook import ARMED_INTERS
from sitrep.records import Actor

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

    from sitrep.actors import ActorDictionary

AND_WORDS = frozenset({"and", "&"})
# before a country named as a place, not as whose forces ("from Sudan", "in Kenya")
PLACE_PREPOSITIONS = frozenset({"from", "in", "of", "into", "across", "inside", "near"})


def _nation_ending_at(doc: Doc, i: int, dictionary: ActorDictionary) -> tuple[str, int] | None:
    """The country a national word (or two-word phrase: "Sri Lankan") ending at token
    ``i`` names, with the phrase's first token."""
    if i < 0:
        return None
    words = dictionary.national_words
    if i >= 1 and not doc[i].is_sent_start and f"{doc[i - 1].lower_} {doc[i].lower_}" in words:
        return words[f"{doc[i - 1].lower_} {doc[i].lower_}"], i - 1
    if doc[i].lower_ in words:
        return words[doc[i].lower_], i
    return None


def _nation_starting_at(doc: Doc, i: int, dictionary: ActorDictionary) -> tuple[str, int] | None:
    """The country a national word (or two-word phrase) starting at token ``i`` names,
    with the phrase's last token."""
    if i >= len(doc):
        return None
    words = dictionary.national_words
    if i + 1 < len(doc) and f"{doc[i].lower_} {doc[i + 1].lower_}" in words:
        return words[f"{doc[i].lower_} {doc[i + 1].lower_}"], i + 1
    if doc[i].lower_ in words:
        return words[doc[i].lower_], i
    return None


def _token_at(doc: Doc, char: int) -> int | None:
    """The index of the token at character offset ``char``."""
    span = doc.char_span(char, char + 1, alignment_mode="expand")
    return None if span is None else span.start


def with_rival_forces(
    actor: Actor, span: Span, name: str, dictionary: ActorDictionary
) -> list[Actor]:
    """The mention of a state's forces by a generic noun (``name`` still has its country
    to fill), with the country an "of" phrase gives it ("troops of India"), and the other
    country's forces the same noun names ("Pakistani and Indian troops", "troops of India
    and Pakistan"): one actor or two, in the text's order."""
    doc = span.doc
    first = _token_at(doc, actor.start)
    if first is None:
        return [actor]
    if actor.start < span.start_char:  # a national word before the noun: "Indian troops"
        before = first - 1  # "and" before it, in the same sentence
        if before < 1 or doc[before].lower_ not in AND_WORDS or (
            doc[first].is_sent_start or doc[before].is_sent_start
        ):
            return [actor]
        other = _nation_ending_at(doc, before - 1, dictionary)
        # not "raiders from Sudan and Kenyan police": the country the raiders came from
        if other is None or (other[1] > 0 and doc[other[1] - 1].lower_ in PLACE_PREPOSITIONS):
            return [actor]
        code, start = other
        partner = _forces(doc, start, before, name, actor.inter, code, dictionary)
        return [partner, actor] if partner.name != actor.name else [actor]
    i = span.end
    if i >= len(doc) or doc[i].lower_ != "of" or not dictionary.is_generic(actor.name):
        return [actor]
    i += 1
    if i < len(doc) and doc[i].lower_ == "the":
        i += 1
    own = _nation_starting_at(doc, i, dictionary)
    if own is None:
        return [actor]
    code, last = own
    if last + 1 < len(doc) and doc[last + 1].is_title and not doc[last + 1].is_sent_start:
        return [actor]  # "soldiers of Kenya Defence Forces": a name the dictionary holds
    own_name = dictionary.name_actor(name, actor.inter, country=code)[0]
    named = replace(actor, end=doc[last].idx + len(doc[last]),
                    text=doc.text[actor.start:doc[last].idx + len(doc[last])], name=own_name)
    if last + 2 < len(doc) and doc[last + 1].lower_ in AND_WORDS:
        other = _nation_starting_at(doc, last + 2, dictionary)
        if other is not None:
            partner = _forces(doc, last + 2, other[1] + 1, name, actor.inter, other[0],
                              dictionary)
            if partner.name != named.name:
                return [named, partner]
    return [named]


def _forces(doc: Doc, start: int, end: int, name: str, inter: int, code: str,
            dictionary: ActorDictionary) -> Actor:
    """The forces of ``code`` named by the national word(s) ``doc[start:end]``."""
    first, last = doc[start], doc[end - 1]
    stop = last.idx + len(last)
    return Actor(start=first.idx, end=stop, text=doc.text[first.idx:stop],
                 name=dictionary.name_actor(name, inter, country=code)[0], inter=inter)


def rival_forces(actor1: Actor, actors: list[Actor], doc: Doc) -> Actor | None:
    """Another state's forces named in actor1's own phrase ("Pakistani and Indian troops"):
    the other side when the two fought each other (``roles`` asks)."""
    span = doc.char_span(actor1.start, actor1.end, alignment_mode="expand")
    if span is None:
        return None
    phrase = list(span.root.subtree)
    start, end = phrase[0].idx, phrase[-1].idx + len(phrase[-1])
    rivals = [a for a in actors if a is not actor1 and a.inter == actor1.inter
              and a.name != actor1.name and (start <= a.start < end or _joined(doc, actor1, a))]
    if not rivals or any(a.inter in ARMED_INTERS for a in actors
                         if a is not actor1 and a not in rivals and a.name != actor1.name):
        return None  # "Kenyan and Somali troops clashed with al-Shabaab": allies
    return rivals[0]


def _joined(doc: Doc, one: Actor, other: Actor) -> bool:
    """Two mentions joined by "and" ("Pakistani and Indian troops")."""
    left, right = sorted((one, other), key=lambda a: a.start)
    return doc.text[left.end:right.start].strip().lower() in AND_WORDS
