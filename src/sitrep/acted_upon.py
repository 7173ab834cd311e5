"""Who a sentence names as acted upon: the subject of a passive, an object, a target,
one listed with them ("two health workers and a policeman were killed", "eight people,
among them six police officers"), and people found dead. Such an actor is no guess for
who did the act (``roles``), and an armed one hit by a blast is the blast's target
(``event_victims``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from sitrep.records import Actor


# the prepositions that name a target ("an attack on a police post")
TARGET_PREP_HEADS = frozenset({"on", "against", "targeting"})
# ... but what is blamed or pinned "on" someone names its doer ("a grenade attack blamed
# on Al Shabaab")
BLAME_LEMMAS = frozenset({"blame", "pin"})


ALWAYS_TRANSITIVE_LEMMAS = frozenset(
    {"kill", "murder", "injure", "wound", "abduct", "kidnap", "behead", "lynch", "stab",
     "hack", "slaughter", "massacre", "torture", "rape"}
)


def _is_acted_upon(doc: Doc, actor: Actor) -> bool:
    """An actor the sentence names as acted upon: the subject of a passive ("a soldier was
    killed"), an object ("killed two policemen"), or a target ("an attack on a police
    post"). Such an actor is no guess for who did the act."""
    span = doc.char_span(actor.start, actor.end, alignment_mode="expand")
    return span is not None and is_acted_upon_word(span.root)


def is_acted_upon_word(root: Token) -> bool:
    """The word is named as acted upon (see ``_is_acted_upon``), as is one named beside
    it ("two health workers and a policeman were killed", "eight people, among them six
    police officers, were injured")."""
    root = _listed_with_the_hit(root)
    if root.dep_ == "pobj" and root.head.lower_ == "of" and root.head.head.dep_ in (
        "nsubjpass", "dobj", "conj", "appos"
    ):
        root = root.head.head  # "a jawan of 24 AR troopers was killed": the unit, too
    root = _listed_with_the_hit(root)  # "militants and a soldier of the Frontier Corps"
    if root.dep_ in ("nsubjpass", "dobj"):
        return True
    if any(c.dep_ == "acl" and c.tag_ == "VBN" and c.lemma_.lower() in ALWAYS_TRANSITIVE_LEMMAS
           for c in root.children):
        return True  # "Two soldiers killed in Mandera": a headline's passive
    return root.dep_ == "pobj" and root.head.lower_ in TARGET_PREP_HEADS and not (
        root.head.lower_ == "on" and root.head.head.lemma_.lower() in BLAME_LEMMAS)


# "eight people, among them six police officers", "several people, including a soldier"
LIST_PREPS = frozenset({"among", "including"})


# who are killed beside their victims as the ones who attacked ("3 civilians and 2
# attackers were killed"): no more acted upon for being listed with them
ATTACKER_LEMMAS = frozenset({"attacker", "assailant", "gunman", "gunmen", "raider", "militant",
                             "insurgent", "bandit", "perpetrator"})


def _listed_with_the_hit(word: Token) -> Token:
    """The subject of a passive the word is listed with ("two health workers and a
    policeman were killed"), or the word itself (not "searched using helicopters, boats
    and officers": a list of what was used)."""
    first = _first_of_list(word)
    return first if first.dep_ == "nsubjpass" else word


def _first_of_list(word: Token) -> Token:
    """The noun a list begins with: the first of conjuncts, the noun "among" or "including"
    picks people out of, the noun an apposition renames; not for attackers listed with
    their victims."""
    if word.lemma_.lower() in ATTACKER_LEMMAS or word.lower_ in ATTACKER_LEMMAS:
        return word
    while True:
        if word.dep_ in ("conj", "appos") and word.head.pos_ in ("NOUN", "PROPN", "PRON"):
            word = word.head
        elif word.dep_ == "pobj" and word.head.lower_ in LIST_PREPS and (
            word.head.head.pos_ in ("NOUN", "PROPN", "PRON")
        ):
            word = word.head.head
        else:
            return word


FOUND_LEMMAS = frozenset({"find", "discover", "recover"})
DEAD_WORDS = frozenset({"dead", "murdered", "killed", "slain", "beheaded", "hacked"})
BODY_LEMMAS = frozenset({"body", "corpse"})


def is_found_dead(trigger: Token) -> bool:
    """The trigger tells of people found dead ("was found dead", "bodies were found"), not
    of a thing found ("police found a bomb", "recovered two rifles")."""
    return trigger.lemma_.lower() in FOUND_LEMMAS and trigger.pos_ == "VERB" and (
        any(c.lower_ in DEAD_WORDS for c in trigger.children)
        or any(c.lemma_.lower() in BODY_LEMMAS for c in found_dead_ones(trigger))
    )


def found_dead_ones(trigger: Token) -> list[Token]:
    """Who was found: the subject (a headline's too: "Man found dead") or object, and
    whose bodies ("the bodies of two teenagers")."""
    found = [c for c in trigger.children if c.dep_ in ("nsubj", "nsubjpass", "dobj")]
    if trigger.dep_ == "acl":  # "3 bodies found"
        found.append(trigger.head)
    return found + [o for f in found for p in f.children if p.dep_ == "prep" and p.lower_ == "of"
                    for o in p.children if o.dep_ == "pobj"]
