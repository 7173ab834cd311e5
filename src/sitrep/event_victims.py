"""Event victims: whom an explosion with no target named harmed, and who among those an
attack or a crowd harmed are civilians.

Needs: the parse of a sentence and its actors. Adds: ``blast_victims``, read by events for
the rules whose ``actors`` give a ``harmed_default`` (a remote explosive, a grenade, a
suicide bomb). ACLED codes the people an explosion kills or injures as its actor2: the
state's forces, or another armed side, when they were its target or its dead ("Four
soldiers were killed in the blast", "Two soldiers killed in IED blast"), civilians otherwise
("Grenade blasts at a restaurant kill six", "a rickshaw-puller was injured as a bomb went
off"); a blast that hurt no one ("No one was injured") has no actor2 unless the report
names its target, and bombers killed by their own bomb are no target of it.

Also ``as_victim``, read by the rules' firing: an identity group on the receiving end of a
one-sided attack, young people an armed group or the state's forces attack, and a party's
people shot are civilians; and ``harms_people``, read by events: a riot whose crowd harms
a person has civilians as its actor2, one that only burns or smashes things has none.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from sitrep.acted_upon import is_acted_upon_word
from sitrep.actor_codes import (
    CIVILIANS_NAME,
    INTER_CIVILIANS,
    INTER_IDENTITY,
    INTER_RIOTERS,
    INTER_STATE,
)
from sitrep.actor_order import ONE_SIDED_LEMMAS
from sitrep.actor_parties import PARTY_MEMBER_WORDS
from sitrep.codebook import ARMED_INTERS, NON_STATE_ARMED_INTERS
from sitrep.event_conditions import FIRE_WORDS, _is_denied, sets_alight
from sitrep.fatalities import INJURY_LEMMAS
from sitrep.fatality_counts import KILL_LEMMAS, is_person_word
from sitrep.headline_passives import by_phrase, is_headline_passive
from sitrep.roles import CROWD_NOUNS

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
        token.head.i != token.i
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
        return verb.lemma_.lower() == "die" or is_headline_passive(verb)
    return verb.lemma_.lower() in SUFFER_LEMMAS and any(
        c in harms for c in verb.children if c.dep_ == "dobj")


# --- the victims of one-sided attacks and of crowds -------------------------------------


FIGHTER_WORDS = frozenset(  # each in both numbers: "a raider was killed by police"
    {"militia", "militias", "militiaman", "militiamen", "fighter", "fighters", "raider",
     "raiders", "warrior", "warriors", "gunman", "gunmen", "moran", "morans", "attacker",
     "attackers", "rustler", "rustlers", "bandit", "bandits", "youths", "army", "forces"}
)


YOUNG_PEOPLE_WORDS = frozenset({"youth", "youths"})


def as_victim(actor: Actor | None, trigger: Token, by: Actor | None = None, *,
              protest_in_report: bool = True) -> Actor | None:
    """An identity group on the receiving end of a one-sided attack is civilians.

    "Pokot raiders kill eleven Turkana", "Orma attack Pokomo villages": ACLED codes the
    victims of a communal attack as civilians, and keeps the militia for the attackers
    and for two-sided fighting ("clashes between Turkana and Pokot"). So are young people
    an armed group (``by``) attacks, and those the state's forces attack in a report with
    no protest (``protest_in_report``) where the youths do nothing themselves; youths the
    police fire on at a protest may be a crowd rioting.
    """
    if actor is not None and (
        _are_young_people_hit(actor, trigger, by, protest_in_report=protest_in_report)
        or _is_party_people_hit(actor, trigger) or _is_one_youth_hit(actor, trigger)
    ):
        return replace(actor, name=CIVILIANS_NAME, inter=INTER_CIVILIANS)
    if actor is None or actor.inter != INTER_IDENTITY:
        return actor
    if trigger.lemma_.lower() not in ONE_SIDED_LEMMAS:
        return actor
    if set(actor.text.lower().split()) & FIGHTER_WORDS:
        return actor
    return replace(actor, name=CIVILIANS_NAME, inter=INTER_CIVILIANS)


def _are_young_people_hit(actor: Actor | None, trigger: Token, by: Actor | None, *,
                          protest_in_report: bool) -> bool:
    """"Naxalites killed two youth": young people an armed group attacks, not a mob; "the
    police allegedly shot dead three youth who were smoking bhang": young people the
    state's forces attack, in a report that tells of no protest and in which the youths
    are neither a subject nor a "by" phrase's doer ("youths stoned the police ... police
    shot two youths": the crowd)."""
    if actor is None or actor.inter != INTER_RIOTERS or by is None or (
        trigger.lemma_.lower() not in ONE_SIDED_LEMMAS
        or actor.text.lower().split()[-1] not in YOUNG_PEOPLE_WORDS
    ):
        return False
    if by.inter in NON_STATE_ARMED_INTERS:
        return True
    if by.inter != INTER_STATE or protest_in_report:
        return False
    return not any(t.lower_ in YOUNG_PEOPLE_WORDS
                   and (t.dep_ == "nsubj" or t.head.dep_ == "agent") for t in trigger.doc)


def _is_party_people_hit(actor: Actor | None, trigger: Token) -> bool:
    """"A Trinamool Congress worker was shot dead": a party's people the actors stage made
    its militia because guns are named in the sentence, when they are the ones shot, are
    civilians (ACLED: Civilians, the party as associated actor)."""
    return (
        actor is not None and actor.name.endswith(" Militia")
        and actor.text.lower().split()[-1] in PARTY_MEMBER_WORDS
        and trigger.lemma_.lower() in ONE_SIDED_LEMMAS
    )


def _is_one_youth_hit(actor: Actor | None, trigger: Token) -> bool:
    """"The police shot dead a youth": one young person shot or attacked is no crowd
    rioting (a crowd is many); ACLED codes a civilian."""
    if actor is None or actor.inter != INTER_RIOTERS or (
        trigger.lemma_.lower() not in ONE_SIDED_LEMMAS
    ):
        return False
    span = trigger.doc.char_span(actor.start, actor.end, alignment_mode="expand")
    if span is None or span[-1].lower_ != "youth":
        return False
    return any(c.lower_ in ("a", "an", "one", "1") for c in span[-1].children
               if c.dep_ in ("det", "nummod"))


# acts that harm a person: a crowd that does them to someone has a victim (ACLED: a mob's
# victims are its actor2, civilians), where one that only burns or smashes things has none
CROWD_HARM_LEMMAS = frozenset(
    {"attack", "assault", "beat", "lynch", "kill", "murder", "injure", "wound", "hack",
     "stab", "stone", "thrash", "torture", "manhandle", "whip", "flog", "cane", "slap",
     "burn", "pelt", "hurl", "throw", "chase", "abduct", "kidnap", "strip", "hurt", "behead",
     "maim", "slash", "hang", "humiliate", "parade", "rough"}
)
THROWN_AT = frozenset({"at", "on"})  # "hurled stones at the minister"
FORCE_NOUNS = frozenset({"cop", "police", "policeman", "policewoman", "officer", "soldier",
                         "trooper", "constable", "jawan", "commando", "ranger", "guard"})
# what befell someone, not who did it: "10 people were injured in the clash" may be the
# crowd's own people
OUTCOME_LEMMAS = frozenset({"kill", "murder", "injure", "wound", "hurt"})
# an attack named as what befell them ("were injured in an attack by a mob"): one-sided
ATTACK_NOUNS = frozenset({"attack", "assault"})


def harms_people(sentence: Span, actors: Sequence[Actor]) -> bool:
    """A person or people the sentence's acts harm who are no armed side: the object or
    passive subject of a harm word ("a mob lynched a suspected thief", "attacked Dalits",
    "a journalist was beaten", "two men were killed by a mob"; not "10 people were
    injured", who may be the crowd's own), the one a headline's passive is said of ("Chief
    assaulted by youths"), or what stones were thrown, or fire set, at ("at the minister",
    "set fire to a woman")."""
    armed = [a for a in actors if a.inter in ARMED_INTERS]
    for token in sentence:
        if token.pos_ != "VERB" or not (
            token.lemma_.lower() in CROWD_HARM_LEMMAS or sets_alight(token)
        ):
            continue
        # "two men were killed by a mob": the crowd named as the doer, those killed are its
        # victims, not its own people
        by_doer = any(
            any(a.start <= doer.idx < a.end for a in actors) or is_person_word(doer)
            for c in token.children if c.dep_ == "agent" or c.dep_ == "prep" and c.lower_ == "by"
            for doer in c.children if doer.dep_ == "pobj")  # not "injured by stones"
        # "were injured in an attack by a mob", "was killed when a mob mistook him for a
        # thief": the crowd is the doer of what befell them
        by_doer = by_doer or _befell_from_crowd(token, actors, armed)
        is_outcome = token.lemma_.lower() in OUTCOME_LEMMAS
        hit = [c for c in token.children if c.dep_ == "dobj" and c.lower_ not in FIRE_WORDS or (
            c.dep_ == "nsubjpass" and (not is_outcome or by_doer))]
        if not is_outcome or by_doer:
            # "Chief assaulted by youths", "Suspected thief beaten by villagers" (parsed as
            # a participle on "thief"): a headline's passive, its auxiliary left out, said
            # of the one it was done to
            if is_headline_passive(token):
                hit += [c for c in token.children if c.dep_ == "nsubj"]
            elif token.dep_ == "acl" and token.tag_ == "VBN" and not any(
                c.dep_ in ("dobj", "oprd", "dative") for c in token.children
            ):  # (not "activists set ablaze the office", the parser's participle)
                hit.append(token.head)
        if by_doer and token.dep_ == "advcl" and token.head.pos_ == "AUX":
            # "a man was on Sunday night lynched by residents": the date between auxiliary
            # and verb leaves the victim the auxiliary's subject
            hit += [c for c in token.head.children if c.dep_ in ("nsubj", "nsubjpass")]
        # "hurled stones at the minister"; "set fire to two men": to whom it was set (not
        # "set on fire at Kanta", where it was)
        aimed = ("to",) if sets_alight(token) else THROWN_AT
        hit += [g for c in token.children if c.dep_ == "prep" and c.lower_ in aimed
                for g in c.children if g.dep_ == "pobj"]
        for victim in map(_of_whom, hit):
            if any(a.start <= victim.idx < a.end for a in armed) or (
                victim.lemma_.lower() in FORCE_NOUNS
            ):
                continue  # "stoned the police", "pelted cops": a side, not a victim
            if is_person_word(victim):
                return True
    return False


def _befell_from_crowd(token: Token, actors: Sequence[Actor], armed: Sequence[Actor]) -> bool:
    """A harm whose doer is a crowd named in a phrase or clause on it: "in an attack by a
    mob" (one-sided: not "injured in the clash", where the hurt may be the crowd's own),
    "when a vigilante mob mistook him for a thief", "when activists attacked the office"
    (not when the police or another armed side acted). Those hurt when two crowds clash
    are no one's victims: the clash is two-sided, and events reads no victims for it."""
    for prep in token.children:
        if prep.dep_ != "prep" or prep.lower_ not in ("in", "during"):
            continue
        for noun in prep.children:
            if noun.dep_ == "pobj" and noun.lemma_.lower() in ATTACK_NOUNS and any(
                _is_crowd_doer(doer, actors, armed) for doer in by_phrase(noun)
            ):
                return True
    for clause in token.children:
        if clause.dep_ != "advcl":
            continue
        if any(c.dep_ == "nsubj" and _is_crowd_doer(c, actors, armed) for c in clause.children):
            return True
    return False


def _is_crowd_doer(token: Token, actors: Sequence[Actor], armed: Sequence[Actor]) -> bool:
    """A crowd's word or an unarmed actor's (a mob, activists, residents), not an armed
    side's (the police, gunmen)."""
    if any(a.start <= token.idx < a.end for a in armed) or token.lemma_.lower() in FORCE_NOUNS:
        return False
    return token.lemma_.lower() in CROWD_NOUNS or any(
        a.start <= token.idx < a.end for a in actors)


def _of_whom(token: Token) -> Token:
    """The people a number picks out ("injured one of the station's presenters": the
    presenters; "two of the attackers": the attackers), or the word itself."""
    if token.pos_ == "NUM":
        for prep in token.children:
            if prep.dep_ == "prep" and prep.lower_ == "of":
                for noun in prep.children:
                    if noun.dep_ == "pobj":
                        return noun
    return token


