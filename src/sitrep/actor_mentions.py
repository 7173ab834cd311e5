"""Actor mentions the dictionary's matcher does not find: Actor mentions -> more of them.

Needs: the parse and the actor mentions ``actors.extract_actors`` found. Adds: an armed
movement the dictionary does not know, named for itself ("the National Santhal Liberation
Army (NSLA)" -> "NSLA: National Santhal Liberation Army", not the state's army its last
word would make it), and a pronoun subject taking up the armed side the sentence before
began with ("Four police officers raided a home. They shot a man": "They" is the police).
"""

from __future__ import annotations

import re
from itertools import pairwise
from typing import TYPE_CHECKING

from sitrep.actors import (
    ARMED_GENERIC_INTERS,
    MEMBER_OF_RE,
    PEOPLE_INTERS,
    ActorDictionary,
    is_generic_mention,
)
from sitrep.codebook import ARMED_INTERS
from sitrep.records import Actor

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span


def complete_actor_mentions(
    actors: tuple[Actor, ...], parsed: Doc, *, dictionary: ActorDictionary
) -> tuple[Actor, ...]:
    """The dictionary's mentions with the unlisted armed movements and the pronoun
    subjects that stand for an armed side added, in text order."""
    found = _with_unlisted_groups(list(actors), parsed, dictionary)
    return tuple(_with_pronoun_subjects(found, parsed))


# words of an armed movement's own name ("National Santhal Liberation Army", "Karbi
# People's Liberation Tiger") and the military nouns such names end in (not "Front",
# "Movement" or "Council", which also name parties and separatist movements that do not
# fight: "Jammu Kashmir Liberation Front")
REBEL_NAME_WORDS = frozenset({"liberation", "revolutionary", "resistance", "salvation",
                              "insurgent", "rebel", "mujahideen", "mujahidin"})
REBEL_NAME_HEADS = frozenset({"army", "tigers", "tiger", "force", "forces", "brigade",
                              "brigades"})
# a name alone does not tell a rebel group (2) from a political or identity militia (3,
# 4): ACLED codes such outfits in India's north-east 3 or 4, and an unnamed armed group 3
NAMED_GROUP_INTER = 3
NAME_LEAD_WORDS = frozenset({"the", "suspected", "alleged", "banned", "outlawed"})
ABBREVIATION_RE = re.compile(r"\s*\(([A-Z][A-Za-z0-9-]{1,11})\)")


def _with_unlisted_groups(actors: list[Actor], parsed: Doc, dictionary: ActorDictionary) -> list[Actor]:
    """An armed movement the dictionary does not know, named as such ("the National Santhal
    Liberation Army (NSLA)", "the Kuki Revolutionary Army"): an armed group under
    its own name, in ACLED's form ("NSLA: National Santhal Liberation Army") when the text
    gives its abbreviation, not the state's army the word "Army" would otherwise make it;
    generic fighters joined to it ("cadres of the ...", "... militants") are its own."""
    for ent in parsed.ents:
        if ent.label_ != "ORG":
            continue
        words = list(ent)
        while words and words[0].lower_ in NAME_LEAD_WORDS:
            words = words[1:]
        if len(words) < 2 or words[-1].lower_ not in REBEL_NAME_HEADS or not any(
            t.lower_ in REBEL_NAME_WORDS for t in words
        ):
            continue
        full = parsed.text[words[0].idx:words[-1].idx + len(words[-1])]
        if full.lower() in dictionary.phrases:
            continue  # a group the dictionary names (its matcher found it)
        name, end = full, ent.end_char
        abbreviation = ABBREVIATION_RE.match(parsed.text, end)
        if abbreviation is not None:
            name, end = f"{abbreviation.group(1)}: {full}", abbreviation.end()
        start = words[0].idx
        inside = [a for a in actors if start <= a.start < end or a.start < start < a.end]
        if any(not is_generic_mention(a, dictionary) for a in inside):
            continue  # a known group is named in it
        kept = [a for a in actors if a not in inside]
        previous = next((a for a in reversed(kept) if a.end <= start), None)
        after = next((a for a in kept if a.start >= end), None)
        if previous is not None and previous.inter in ARMED_GENERIC_INTERS | PEOPLE_INTERS and (
            MEMBER_OF_RE.fullmatch(parsed.text[previous.end:start])
        ):  # "militants of the Kuki Revolutionary Army"
            kept.remove(previous)
            start = previous.start
        elif after is not None and after.inter in ARMED_GENERIC_INTERS and (
            not parsed.text[end:after.start].strip()
        ):  # "Garo National Liberation Army militants"
            kept.remove(after)
            end = after.end
        kept.append(Actor(start=start, end=end, text=parsed.text[start:end], name=name,
                          inter=NAMED_GROUP_INTER))
        actors = sorted(kept, key=lambda a: a.start)
    return actors


PRONOUN_SUBJECTS = frozenset({"they", "he", "she"})
# nouns for a body of people that "they" takes up though the noun is singular
BODY_NOUNS = frozenset({"police", "army", "military", "militia", "group", "gang", "force",
                        "unit", "squad", "team", "patrol", "mob", "crowd"})


def _with_pronoun_subjects(actors: list[Actor], parsed: Doc) -> list[Actor]:
    """A sentence that goes on about the armed side the one before began with: its pronoun
    subject is that side ("Four police officers raided the home of a civilian. They shot
    and injured him"). Only the active subject of the sentence before, an armed side (a
    crowd's "they" the events stage reads only as the doer of a crowd's act:
    event_crowds._they_of_last_crowd; as a mention it would make every "they" a
    crowd wherever roles look for victims), a pronoun
    that is the subject of an active verb, and the two agreeing in number."""
    sentences = list(parsed.sents)
    added = []
    for before, sentence in pairwise(sentences):
        antecedent = active_subject_actor(before, actors)
        if antecedent is None or antecedent.inter not in ARMED_INTERS:
            continue
        span = parsed.char_span(antecedent.start, antecedent.end, alignment_mode="expand")
        plural = span is not None and (
            span.root.tag_ in ("NNS", "NNPS") or span.root.lemma_.lower() in BODY_NOUNS
            or span.root.pos_ == "PROPN")  # a named group: "Al Shabaab ... They"
        for token in sentence:
            if (token.lower_ not in PRONOUN_SUBJECTS or token.dep_ != "nsubj"
                    or token.head.pos_ != "VERB"
                    or (token.lower_ == "they") != plural
                    or any(a.start <= token.idx < a.end for a in actors)):
                continue
            added.append(Actor(start=token.idx, end=token.idx + len(token), text=token.text,
                               name=antecedent.name, inter=antecedent.inter))
    return sorted([*actors, *added], key=lambda a: a.start) if added else actors


def active_subject_actor(sentence: Span, actors: list[Actor]) -> Actor | None:
    """The actor that is the subject of the sentence's main verb, in the active voice."""
    root = sentence.root
    if root.pos_ != "VERB" or any(c.dep_ == "auxpass" for c in root.children):
        return None
    subject = next((c for c in root.children if c.dep_ == "nsubj"), None)
    if subject is None:
        return None
    return next((a for a in actors if a.start <= subject.idx < a.end), None)
