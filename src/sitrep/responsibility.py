"""Claims of responsibility: a group that says it carried out the attack being described.

Needs: a sentence's parse and the report's actors. Adds: the named armed group a sentence
before or after the attack's says did it (it claims responsibility, "Responsibility was
claimed by the TTP"; it is held, believed or suspected responsible, or blamed; "Al Shabaab
suspected."; the attackers are believed to be it or tied to it, "in league with", "affiliated
with"), or the attack's own sentence blames, names as the doer of what is
suspected ("a grenade attack blamed on Al Shabaab") or shows claiming the act itself ("Al
Shabaab claimed it killed 9 people"; not "claimed unknown gunmen killed them"); and the event
described with that group as its actor1 when the attack sentence named no one or only its
target ("two police officers died in a bomb attack ... Al Shabaab claimed responsibility":
Al Shabaab against the police). Denials and absences ("no group has claimed
responsibility", "nobody claiming responsibility") name no one.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from sitrep.actor_codes import INTER_STATE
from sitrep.claims import NO_DETERMINERS, NO_ONE_WORDS
from sitrep.event_conditions import UNIDENTIFIED_PREFIX
from sitrep.roles import _actor_in

if TYPE_CHECKING:
    from collections.abc import Sequence

    from spacy.tokens import Span, Token

    from sitrep.records import Actor, EventMention

CLAIM_LEMMAS = frozenset({"claim", "accept", "admit", "own"})
RESPONSIBILITY_LEMMAS = frozenset({"responsibility"})
CLAIMANT_INTERS = frozenset({2, 3, 4})  # rebels, political and identity militias
NOBODY_WORDS = NO_DETERMINERS | NO_ONE_WORDS  # "no group", "nobody": no claimant
# the types whose actor1 a claim of responsibility names; a state's forces are the target
# of the claimed attack when they are all the attack sentence named
CLAIMED_TYPES = frozenset({"Battles", "Explosions/Remote violence", "Violence against civilians"})
TARGET_SWAP_TYPES = frozenset({"Battles", "Explosions/Remote violence"})
# "Al Shabaab are the suspected perpetrators", "perpetrators believed to be al Shabaab"
PERPETRATOR_LEMMAS = frozenset({"perpetrator", "culprit", "attacker", "assailant"})
# acts a group claims it did ("claimed it killed 9 people", "admitted they had attacked")
CLAIMED_ACT_LEMMAS = frozenset({"kill", "attack", "carry", "execute", "behead", "shoot", "bomb",
                                "ambush", "raid", "launch", "destroy", "target", "storm"})
BELIEF_LEMMAS = frozenset({"believe", "suspect", "think", "assume", "presume"})


def responsibility_claimant(sentence: Span, actors: Sequence[Actor], *,
                            in_attack_sentence: bool = False) -> Actor | None:
    """The named armed group the sentence says carried out the attack, or None: one that
    claims responsibility, is held or believed responsible, is blamed for it or suspected
    to be behind it ("Al Shabaab believed responsible", "the attack was blamed on the
    TTP", "residents suspect Al Shabaab").

    ``in_attack_sentence``: the sentence also tells the attack; a group it names as merely
    suspected may be the attack's victims ("5 suspected TTP militants killed in an
    encounter"), so only a claim, a blame or a suspected doer of the act counts ("a bomb
    blamed on Al Shabaab", "an IED suspected to have been planted by Al Shabaab")."""
    for token in sentence:
        for phrase in _responsible_phrases(token, in_attack_sentence=in_attack_sentence):
            if any(t.lower_ in NOBODY_WORDS for t in phrase.subtree):
                return None  # "no group has claimed responsibility"
            actor = _actor_in([phrase], list(actors))
            if actor is not None and actor.inter in CLAIMANT_INTERS and not (
                actor.name.startswith(UNIDENTIFIED_PREFIX)
            ):
                return actor
    return None


def _responsible_phrases(token: Token, *, in_attack_sentence: bool = False) -> list[Token]:
    """The phrases that name who did it, when ``token`` says someone did."""
    lemma = token.lemma_.lower()
    head = token.head
    if lemma in RESPONSIBILITY_LEMMAS and head.lemma_.lower() in CLAIM_LEMMAS:
        if _is_denied(head) or _names_another_attack(token) or _names_another_attack(head):
            return []
        return _claimants(head)
    if lemma in CLAIM_LEMMAS and token.pos_ == "VERB" and not _is_denied(token) and any(
        c.dep_ == "ccomp" and c.lemma_.lower() in CLAIMED_ACT_LEMMAS and _done_by_itself(c)
        for c in token.children
    ):
        # "Al Shabaab claimed it killed 9 people": the group claims the act itself
        return [c for c in token.children if c.dep_ == "nsubj"]
    if lemma == "responsible" and token.dep_ in ("acomp", "oprd", "amod", "xcomp", "ccomp"):
        if head.lemma_.lower() == "hold":  # "police held Al Shabaab responsible"
            return [c for c in head.children if c.dep_ == "dobj"]
        if token.dep_ == "amod":  # "Al Shabaab, believed responsible" hung on the group
            return [head]
        if _is_denied(head):
            return []
        if head.dep_ == "xcomp" and head.head.lemma_.lower() in BELIEF_LEMMAS and not (
            _claimants(head) or _is_denied(head.head)
        ):
            return _claimants(head.head)  # "Al Shabaab is believed to be responsible"
        return _claimants(head)
    if lemma == "blame" and not _is_denied(token):
        on = [o for c in token.children if c.dep_ == "prep" and c.lower_ == "on"
              for o in c.children if o.dep_ == "pobj"]  # "blamed on Al Shabaab"
        return on or [c for c in token.children if c.dep_ == "dobj"]  # "blamed the TTP"
    if lemma == "behind" and token.dep_ == "prep":  # "the TTP is suspected to be behind it"
        verbs = [head, *head.ancestors][:3]
        return [c for v in verbs if not _is_denied(v) for c in _claimants(v)]
    if lemma == "suspect" and token.pos_ == "VERB" and not _is_denied(token):
        if in_attack_sentence:
            return _agents_of_complement(token)
        objects = [c for c in token.children if c.dep_ == "dobj"]  # "residents suspect X"
        if objects:
            return objects
        # "the device was suspected to have been planted by Al Shabaab": the agent of what
        # it is suspected of; "Al Shabaab suspected.", "militants were suspected": the
        # suspected, its subject
        return [*_agents_of_complement(token), *(
            c for c in token.children if c.dep_ in ("nsubj", "nsubjpass"))]
    if lemma in BELIEF_LEMMAS and not in_attack_sentence and not _is_denied(token):
        # "it can be assumed that they were BNP militants", "police believe the attackers
        # are Al Shabaab": who the doers are taken to be
        said = [c for c in token.children if c.dep_ == "ccomp" and c.lemma_ == "be" and any(
            s.dep_ == "nsubj" and (s.lower_ == "they" or s.lemma_.lower() in PERPETRATOR_LEMMAS)
            for s in c.children)]
        if said:
            return [a for c in said for a in c.children if a.dep_ == "attr"]
    if lemma in PERPETRATOR_LEMMAS and not in_attack_sentence and not _is_denied(head):
        if token.dep_ == "attr":  # "Al Shabaab are the suspected perpetrators"
            return [c for c in head.children if c.dep_ == "nsubj"]
        if token.dep_ in ("nsubj", "nsubjpass") and head.lemma_.lower() in BELIEF_LEMMAS:
            # "Perpetrators believed to be al Shabaab"; "the assailants are believed to be
            # in league with al Shabaab"
            return [a for x in head.children if x.dep_ == "xcomp" and x.lemma_ == "be"
                    for a in x.children if a.dep_ == "attr"] or [
                o for x in head.children if x.dep_ == "xcomp"
                and x.lemma_.lower() in TIE_LEMMAS | {"be"} for o in _tied_to(x)]
        if token.dep_ in ("nsubj", "nsubjpass") and head.lemma_.lower() in TIE_LEMMAS:
            # "it is believed the attackers are affiliated with al Shabaab"
            return _tied_to(head)
    return []


# the doers tied to a group: "affiliated with", "linked to", "in league with"
TIE_LEMMAS = frozenset({"affiliate", "link", "associate", "connect", "ally"})
TIE_PREPS = frozenset({"with", "to"})


def _tied_to(word: Token) -> list[Token]:
    """The objects of "with" or "to" in the phrase ``word`` heads."""
    return [o for t in word.subtree if t.dep_ == "prep" and t.lower_ in TIE_PREPS
            for o in t.children if o.dep_ == "pobj"]


def _done_by_itself(act: Token) -> bool:
    """The claimed act's subject is the claimant itself: "it", "they", "its fighters" (not
    "the army killed civilians", which blames another)."""
    subjects = [c for c in act.children if c.dep_ in ("nsubj", "nsubjpass")]
    return bool(subjects) and all(
        s.tag_ == "PRP" or any(c.dep_ == "poss" and c.tag_ == "PRP$" for c in s.children)
        for s in subjects)


def _agents_of_complement(verb: Token) -> list[Token]:
    """Who did what ``verb`` is said of: "suspected to have been planted by X" -> X."""
    return [o for x in verb.children if x.dep_ == "xcomp"
            for a in x.children if a.dep_ == "agent" for o in a.children if o.dep_ == "pobj"]


def claimed_by(mention: EventMention, claimant: Actor) -> EventMention:
    """The attack with the group that claimed it as actor1: in place of no one or an
    unidentified group; the state's forces it named alone become its target."""
    if mention.event_type not in CLAIMED_TYPES or mention.actor1 == claimant.name:
        return mention
    if mention.actor1 is None or mention.actor1.startswith(UNIDENTIFIED_PREFIX):
        if mention.actor2 == claimant.name:  # the roles took the group named beside it
            mention = replace(mention, actor2=None, inter2=None, assoc_actor_2=None)
        return replace(mention, actor1=claimant.name, inter1=claimant.inter,
                       assoc_actor_1=None)
    if mention.event_type in TARGET_SWAP_TYPES and mention.inter1 == INTER_STATE and (
        mention.actor2 is None
    ):
        return replace(mention, actor1=claimant.name, inter1=claimant.inter,
                       assoc_actor_1=None, actor2=mention.actor1, inter2=mention.inter1,
                       assoc_actor_2=mention.assoc_actor_1)
    return mention


def _is_denied(verb: Token) -> bool:
    """"did not claim", "was not behind": a negated verb names no one."""
    return any(c.dep_ == "neg" for c in verb.children)


OTHER_ATTACK_WORDS = frozenset({"another", "separate", "earlier", "previous", "other"})


def _names_another_attack(word: Token) -> bool:
    """"claimed responsibility for another attack in Lamu": not the one described."""
    return any(c.dep_ == "prep" and c.lower_ == "for" and any(
        t.lower_ in OTHER_ATTACK_WORDS for o in c.children for t in o.subtree)
        for c in word.children)


def _claimants(verb: Token) -> list[Token]:
    """Who claims: the subject, or the agent of a passive ("was claimed by the TTP")."""
    found = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")
             and c.lemma_.lower() not in RESPONSIBILITY_LEMMAS]
    found += [o for c in verb.children if c.dep_ == "agent" for o in c.children
              if o.dep_ == "pobj"]
    return found
