"""Political parties in actor mentions: who a party's name stands for.

A party (``party: true`` in ``data/actors.yaml``) names no actor by itself ("the NDC
primaries"). Its supporters, members or cadres are people ("NPP supporters", "cadres of
the UDMF", "members of the NDC", "two factions of the ruling Awami League": one mention,
its people), and so is a bare party joined by "and" to its rival's people ("NPP and NDC
supporters": two crowds, made rioters or protesters downstream). Its armed men, and its people in a sentence where guns are fired,
are the party's militia under ACLED's name ("BNP: Bangladesh Nationalist Party Militia"),
unless the guns were turned on them ("two MQM workers were shot dead"). The government a
party leads is the state's ("the BJP government").

``actors`` calls ``party_people`` on every mention list and ``party_mention_name`` when a
generic noun follows a party's name.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from sitrep.records import Actor

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

    from sitrep.actors import ActorDictionary, ActorEntry

PEOPLE_INTERS = frozenset({5, 6, 7})  # rioters, protesters, civilians
PARTY_MEMBER_WORDS = frozenset(  # "NDC members", "UDMF cadres": the party's people
    {"member", "members", "cadre", "cadres", "loyalist", "loyalists", "follower", "followers",
     "supporter", "supporters", "activist", "activists", "worker", "workers", "men"}
)
# what may stand between "of" and a party's name: "of the ruling party Awami League"
PARTY_OF = r"\s+of\s+(?:the\s+)?(?:(?:ruling|opposition|local|rival)\s+)*(?:party\s+)?$"
PARTY_MEMBERS_OF_RE = re.compile(
    r"(?:members|cadres|activists|supporters|loyalists|followers|workers|factions|groups|wings)"
    + PARTY_OF, re.IGNORECASE,
)
PARTY_MEMBER_NAME = "Civilians ({country})"  # the roles stage makes them rioters or so
PARTY_MEMBER_INTER = 7


def joined_mention(first: Actor, end: int, parsed: Doc, *, name: str, inter: int) -> Actor:
    """One mention from the start of ``first`` to ``end``, named ``name``."""
    return Actor(start=first.start, end=end, text=parsed.text[first.start:end], name=name,
                 inter=inter)


def party_of(actor: Actor, dictionary: ActorDictionary) -> ActorEntry | None:
    """The party a mention names by itself ("NPP", "the New Patriotic Party"), or None."""
    name = dictionary.phrases.get(actor.text.lower().removeprefix("the "))
    entry = dictionary.entries.get(name) if name else None
    return entry if entry is not None and entry.is_party else None


def party_mention_name(party: ActorEntry, generic: ActorEntry | None,
                        span: Span) -> tuple[str, int]:
    """A party's people keep the generic noun's name ("NPP supporters" -> civilians, whom
    the roles stage makes rioters when they riot); its armed men, and its people in a
    sentence where guns are fired, are its militia (ACLED: a political militia), unless
    the guns were turned on them ("2 MQM workers were shot dead"). The government a party
    leads is the state's ("the AAP government")."""
    if generic is not None and generic.is_state:
        return generic.name, generic.inter
    if (generic is None or generic.inter in PEOPLE_INTERS) and (
        not is_armed_sentence(span.sent) or _is_done_to(span)
    ):
        return (generic.name, generic.inter) if generic else (PARTY_MEMBER_NAME, PARTY_MEMBER_INTER)
    return party.militia or party.name, party.inter


def _is_done_to(span: Span) -> bool:
    """The mention is what the sentence's act was done to: its passive subject or object
    ("2 MQM workers were shot dead", "gunmen shot a PPP member", "members of the MQM were
    shot"), not its doer; a bare party name stands for the people noun it modifies."""
    node = span.root
    while node.dep_ in ("compound", "nmod", "amod", "poss") and node.head.i != node.i:
        node = node.head
    if node.dep_ == "pobj" and node.head.lower_ == "of":
        node = node.head.head
    return node.dep_ in ("nsubjpass", "dobj")


FIREARM_RE = re.compile(
    r"\b(?:guns?|gunshots?|gunfire|gun ?fire|firearms?|rifles?|pistols?|fired shots|"
    r"firing (?:guns|shots|gunshots)|opened fire|shot dead|gun ?battle|gunfight)\b",
    re.IGNORECASE,
)


def is_armed_sentence(sentence: Span) -> bool:
    """A sentence in which guns are used: party supporters in it are armed men."""
    return FIREARM_RE.search(sentence.text) is not None


def party_people(actors: list[Actor], parsed: Doc, dictionary: ActorDictionary) -> list[Actor]:
    """Bare party names: "NDC members", "cadres of the UDMF" and a party joined by "and" to
    its rival's supporters ("NPP and NDC supporters", "supporters of the NPP and NDC") name
    people; any other bare party name ("the NDC primaries") names no actor."""
    kept: list[Actor] = []
    for i, actor in enumerate(actors):
        party = party_of(actor, dictionary)
        if party is None:
            kept.append(actor)
            continue
        span = parsed.char_span(actor.start, actor.end, alignment_mode="expand")
        name, inter = party_mention_name(party, None, span)
        after = parsed.text[actor.end:actor.end + 40]
        word = re.match(r"\s*(?:youth\s+)?(\w+)", after)
        if word and word.group(1).lower() in PARTY_MEMBER_WORDS:
            end = actor.end + word.end()
            kept.append(joined_mention(actor, end, parsed, name=name, inter=inter))
            continue
        before = parsed.text[max(0, actor.start - 40):actor.start]
        members_of = PARTY_MEMBERS_OF_RE.search(before)
        if members_of:
            # the mention spans its people ("members of the NPP"), who do the acts
            start = actor.start - len(before) + members_of.start()
            kept.append(replace(actor, start=start, text=parsed.text[start:actor.end],
                                name=name, inter=inter))
            continue
        nxt = actors[i + 1] if i + 1 < len(actors) else None
        prev = kept[-1] if kept else None
        if nxt is not None and _is_party_people(nxt, dictionary) and re.fullmatch(
            r"\s*(?:and|,|&)\s*(?:(?:the|opposition|ruling|rival)\s+)*",
            parsed.text[actor.end:nxt.start], re.IGNORECASE,
        ):
            kept.append(replace(actor, **_beside(nxt, name, inter)))
        elif prev is not None and _is_party_people(prev, dictionary) and re.fullmatch(
            r"\s*(?:and|,|&)\s*(?:the\s+)?", parsed.text[prev.end:actor.start],
            re.IGNORECASE,
        ) and _ends_with_party(prev, dictionary):
            kept.append(replace(actor, **_beside(prev, name, inter)))
    return kept


def _beside(other: Actor, name: str, inter: int) -> dict[str, Any]:
    """A bare party beside its rival's people is people of the same kind ("NPP and NDC
    supporters"); beside its rival's militia, its own militia."""
    if other.inter in PEOPLE_INTERS:
        return {"name": other.name, "inter": other.inter}
    return {"name": name, "inter": inter}


def _is_party_people(actor: Actor, dictionary: ActorDictionary) -> bool:
    """People (or a party's militia) a conjoined bare party name can stand beside."""
    if actor.inter in PEOPLE_INTERS:
        return True
    entry = dictionary.entries.get(actor.name)
    return entry is not None and (entry.is_party or any(
        e.is_party and e.militia == actor.name for e in dictionary.entries.values()))


def _ends_with_party(actor: Actor, dictionary: ActorDictionary) -> bool:
    """"supporters of the NPP": a people mention that ends in a party's name."""
    return any(
        actor.text.lower().endswith(" " + phrase)
        and dictionary.entries[name].is_party
        for phrase, name in dictionary.phrases.items()
    )
