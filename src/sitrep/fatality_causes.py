"""Whose deaths a sentence tells: the act's own toll, or an earlier act's.

Needs: the parse. Adds: whether a word of death names a death the act told is not the
cause of, which ``fatalities`` leaves out of the sentence's toll.

Rules (ACLED codes each act's own dead; an earlier act is an event of its own):

- A death someone is accused of in a clause describing them ("lynched a man they believed
  killed a child") is not the toll of the act told.
- A death an act avenges or answers ("beat up residents to avenge the killing of a
  soldier", "in response to a raid in which 7 were killed") is an earlier act's, and so is
  one named as what set the events off ("Murder of a tribesman sparks clashes", "clashes
  erupted following the killing of two people").
- For a demonstration, a death it is about (a relative clause, "the death of", "had been
  killed", "after ...") is not its own; what its crowd did is, even told in such a clause
  ("attacked by vigilantes, who killed one gang member"), and so is a headline's verb the
  parser read as a noun ("Residents lynch robber").
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sitrep.event_triggers import FINITE_VERB_TAGS
from sitrep.fatality_counts import (
    KILL_LEMMAS,
    PERSON_NOUNS,
    _children,
    _is_count_word,
    _is_news_of_bodies_found,
)

if TYPE_CHECKING:
    from spacy.tokens import Token


CAUSE_MARKERS = frozenset({"after", "over", "against", "following", "since", "due"})  # "due to"
NOMINAL_DEATHS = frozenset({"death", "killing", "murder", "body", "bodies"})
# "in response to / in protest at the killing of ...": what a demonstration answers
CAUSE_NOUNS = frozenset({"response", "reaction", "retaliation", "protest", "opposition"})
# verbs whose object is what a demonstration answers ("protest the arrest of a host"); read
# also by events (a demonstration's triggers), event_conditions (a crowd's grievance) and
# event_modality (a protest's background words)
CAUSE_VERBS = frozenset({"protest", "demand", "avenge", "blame", "mourn", "condemn", "denounce",
                         "oppose", "decry", "lament", "deplore"})


# verbs that say what someone is held to have done
ACCUSING_LEMMAS = frozenset({"accuse", "suspect", "believe", "allege", "charge", "blame"})
ACCUSATION_STEPS = 3


def is_accusation(token: Token) -> bool:
    """A death someone is accused of in a clause describing them ("lynched a man they
    believed killed a child", "fighters who were accused of killing 5 people", "a man
    suspected of killing a rider"): not a toll of the act told; the accusation as the
    news itself ("the Kandaha Boys are suspected of killing ...") still is. Not
    ``event_triggers._in_legal_frame``: proceedings ("charged with", "trial") take the
    act out of the news altogether, and "believe" or "blame" are no proceedings."""
    before = token.doc[token.i - 1] if token.i else None
    if before is not None and before.lemma_.lower() in ACCUSING_LEMMAS and (
        before.dep_ == "relcl" and not _children(token, "nsubj")
    ):  # "a man they believe killed a child": the parser joins "killed" to the main verb
        return True
    node = token
    for _ in range(ACCUSATION_STEPS):
        if node.head.i == node.i:
            return False
        node = node.head
        if node.lemma_.lower() in ACCUSING_LEMMAS:
            # not "stoned a man accused of theft to death" ("to death" hung on "accused")
            return node.dep_ in ("relcl", "acl") and victims_participle(token) is None
    return False


# what an act pays back: "to avenge the killing of a soldier", "in revenge for the murder of"
AVENGING_LEMMAS = frozenset({"avenge", "revenge"})
# ... and what answers an earlier act: "in response to the killing of"
PAYBACK_NOUNS = frozenset({"revenge", "retaliation", "reprisal", "vengeance", "retribution",
                           "response", "reaction"})
AVENGED_STEPS = 4


def is_avenged(token: Token) -> bool:
    """A death the act avenges or answers ("beat up residents to avenge the killing of a
    soldier", "in retaliation for the murder of two herders", "revenge attacks for the
    killing of 3", "in response to a raid in which 7 were killed"): an earlier act's toll,
    not this one's, whatever the act (``is_given_as_cause`` sets aside a demonstration's
    causes)."""
    node = token
    for _ in range(AVENGED_STEPS):
        head = node.head
        if head.i == node.i:
            return False
        if node.dep_ in ("dobj", "pobj") and head.lemma_.lower() in AVENGING_LEMMAS:
            return True
        if node.dep_ == "pobj" and head.lower_ in ("for", "of", "to") and (
            _is_payback(head.head)
        ):
            return True
        node = head
    return False


# verbs whose subject (or "by" phrase) set off what the report codes ("Murder of a tribesman
# sparks clashes", "violence sparked by the arrest of the sect's founder"); read also by
# event_modality (a protest's grievance)
SPARKING_LEMMAS = frozenset({"spark", "trigger", "ignite", "provoke", "prompt", "fuel"})
SPARK_DEATH_LEMMAS = NOMINAL_DEATHS | {"kill"}  # the nouns of a death that set things off


def is_spark(token: Token) -> bool:
    """A death named as what set the events off ("The killing of a herder sparked clashes",
    "Murder of Njemp tribesman sparks ethnic clashes", "clashes erupted following the
    killing of two people", "fighting sparked by the murder of a herder"): an earlier act's
    toll, whatever the act."""
    if token.pos_ != "NOUN" or token.lemma_.lower() not in SPARK_DEATH_LEMMAS:
        return False
    head = token.head
    return (token.dep_ == "nsubj" and head.lemma_.lower() in SPARKING_LEMMAS) or (
        token.dep_ == "pobj" and head.lower_ in ("after", "following")) or (
        token.dep_ == "pobj" and head.lower_ == "by"
        and head.head.lemma_.lower() in SPARKING_LEMMAS)  # "clashes sparked by the murder of"


def _is_payback(noun: Token) -> bool:
    """"revenge", "retaliation", "response", a "revenge attack": what answers an earlier
    act."""
    return noun.lemma_.lower() in PAYBACK_NOUNS or any(
        c.dep_ in ("compound", "amod") and c.lemma_.lower() in PAYBACK_NOUNS
        for c in noun.children)


def is_cause_clause(node: Token, markers: frozenset[str] = CAUSE_MARKERS) -> bool:
    """A clause introduced as what something answers: "after police shot a man", "over
    the arrest of ..." (the markers, by default CAUSE_MARKERS)."""
    return node.dep_ == "advcl" and any(
        c.dep_ == "mark" and c.lower_ in markers for c in node.children)


def victims_participle(death: Token) -> Token | None:
    """The participle describing a victim that the parser hung "to death" on ("stoned a man
    accused of theft to death": "accused"), or None."""
    if death.lower_ != "death" or death.head.lower_ != "to":
        return None
    verb = death.head.head
    return verb if verb.dep_ == "acl" and verb.tag_ == "VBN" else None


def is_given_as_cause(token: Token) -> bool:
    """A death the demonstration is about, not one it caused: inside "after ...", "over the
    killing of ...", "to protest the death of ..."; a death named as a noun ("the death of
    a student", "the body of a man"); one in a clause describing someone or something ("a
    colleague who was shot", "the attack which killed"); one that "had" happened."""
    stem = token.lower_.removesuffix("s")
    names_a_death = token.pos_ == "NOUN" and (
        stem in NOMINAL_DEATHS or stem.removesuffix("ing") in KILL_LEMMAS
        or token.lemma_.lower() in NOMINAL_DEATHS | KILL_LEMMAS
    )
    is_nominal = names_a_death and not (
        token.lower_ == "death" and token.head.lower_ == "to" and (
            token.head.head.pos_ == "VERB" or _is_headline_verb_noun_before(token.head.head))
    )  # "beaten to death" is a killing, not a death named (also a headline's "children
    # stone man to death", its verb parsed as a noun)
    if is_nominal and _is_result_noun(token):
        # "exploded on the street, resulting in the death of a bystander": the act's toll,
        # unless the act is itself what the demonstration answers ("protested against the
        # attack that resulted in the death of 60")
        return _is_in_grievance(token.head)
    if is_nominal and (is_headline_verb_noun(token) or is_headline_root_verb(token)):
        return False  # a headline's "Residents lynch robber"
    if (is_nominal and not _is_news_of_bodies_found(token) and not _is_counted_death(token)) or any(
        a.lower_ == "had" for a in _children(token, "aux")
    ):
        return True
    # "stoned a man accused of theft to death": the participle "to death" hangs on says
    # the stoning's outcome, not a clause about someone
    to_death_of = victims_participle(token)
    for node in (token, *token.ancestors):
        head = node.head
        if _is_headline_predicate(node):
            return False  # "Two people killed in riot over land": the headline's own news
        if node.dep_ in ("relcl", "acl") and not (
            _is_result_participle(node) or _is_counted_participle(node)
            or _is_counted_victims(node) or _is_doers_deed(node)
            or to_death_of is not None and node.i == to_death_of.i
            and head.dep_ in ("dobj", "obj", "nsubjpass")
        ):
            return True
        if node.dep_ == "pobj" and head.lower_ in CAUSE_MARKERS:
            return True
        if node.dep_ in ("pobj", "pcomp") and head.lower_ == "to" and (
            head.head.lemma_.lower() in CAUSE_NOUNS
        ):
            return True  # "in response to police killing a dealer, citizens protested"
        if is_cause_clause(node):
            return True
        if node.dep_ in ("dobj", "pobj", "advcl", "xcomp") and head.lemma_.lower() in (
            CAUSE_VERBS
        ):
            return True
    return False


RESULT_LEMMAS = frozenset({"result", "cause", "lead"})
VIOLENCE_NOUNS = frozenset({"violence", "clash", "fighting", "riot", "rioting", "attack"})
# verbs whose object is deaths told as news ("accounts documenting 3 deaths")
RECORD_LEMMAS = frozenset({"document", "record", "report", "confirm", "register"})


def _is_counted_death(noun: Token) -> bool:
    """"two deaths", "one death reported", "4 bodies": deaths counted are news, unless
    what they hang on says otherwise ("protested over two deaths"); not "the death of"."""
    return any(_is_count_word(c) for c in noun.children) and not any(
        p.lower_ == "of" for p in _children(noun, "prep"))


def _is_headline_predicate(node: Token) -> bool:
    """"Two people killed in riot", "Two killed in clash": a past participle hung on the
    sentence's root noun or number, in a sentence with no finite verb, is the headline's
    predicate (its auxiliary left out), not a clause describing someone."""
    return (node.dep_ == "acl" and node.tag_ == "VBN" and node.head.dep_ == "ROOT"
            and node.head.pos_ in ("NOUN", "PROPN", "NUM")
            and not any(t.tag_ in FINITE_VERB_TAGS and not _is_in_side_clause(t, node.head)
                        for t in node.sent))


def _is_in_side_clause(verb: Token, root: Token) -> bool:
    """A clause set beside the headline's counted noun ("Rioting students throw stones, one
    police officer killed in the violence": "throw" hung on "officer")."""
    return any(a.dep_ in ("ccomp", "parataxis") and a.head.i == root.i
               for a in (verb, *verb.ancestors))


def _is_counted_participle(node: Token) -> bool:
    """"reports confirm 1 killed in Kibera": a participle hung on a bare number is that
    number's news (the victims counted), not a clause describing someone."""
    head = node.head
    return node.dep_ == "acl" and node.tag_ == "VBN" and head.pos_ == "NUM" and not (
        _children(head, "det", "poss", "amod"))


def _is_counted_victims(node: Token) -> bool:
    """"Reports of 2 rioters killed": a killing participle on a counted noun gives the
    count (a demonstration's cause is read from what the noun hangs on: "over 2 students
    killed by police", "the funeral of two protesters killed"), not a clause describing
    someone ("the student killed last week")."""
    head = node.head
    of_what = head.head.head if head.dep_ == "pobj" and head.head.lower_ == "of" else None
    return node.dep_ == "acl" and node.tag_ == "VBN" and node.lemma_.lower() in KILL_LEMMAS and (
        any(_is_count_word(c) for c in head.children)) and not _children(head, "det", "poss") and (
        of_what is None or of_what.lemma_.lower() in TOLL_NEWS_NOUNS)  # not "the funeral of"


# nouns whose "of" gives news of the dead ("reports of 2 rioters killed")
TOLL_NEWS_NOUNS = frozenset({"report", "account", "news", "claim", "toll", "total"})


def _is_in_grievance(node: Token) -> bool:
    """Inside a clause describing what a demonstration answers ("against the attack that
    resulted in ...", "over the raid which led to ..."): a relative clause of a noun a
    cause marker or a cause verb takes."""
    for ancestor in (node, *node.ancestors):
        if ancestor.dep_ == "relcl":
            noun = ancestor.head
            return (noun.dep_ == "pobj" and noun.head.lower_ in CAUSE_MARKERS) or (
                noun.dep_ in ("dobj", "pobj") and noun.head.lemma_.lower() in CAUSE_VERBS)
    return False


def _is_result_noun(token: Token) -> bool:
    """A death named as what an act brought about: "resulting in the death of", "causing
    the death of", "leading to the deaths of" (not what a protest is about)."""
    head = token.head
    if token.dep_ == "dobj":
        return head.lemma_.lower() in RESULT_LEMMAS | RECORD_LEMMAS
    return token.dep_ == "pobj" and head.lower_ in ("in", "to") and (
        head.head.lemma_.lower() in RESULT_LEMMAS)


def _is_doers_deed(clause: Token) -> bool:
    """"were attacked by vigilantes, who killed one gang member": a relative clause telling
    what the sentence's doers (its "by" phrase) did is the act's own toll, not a cause."""
    noun = clause.head
    return clause.dep_ == "relcl" and any(
        c.dep_ == "nsubj" and c.lower_ in ("who", "that") for c in clause.children
    ) and noun.dep_ == "pobj" and noun.head.dep_ == "agent"


def _is_result_participle(node: Token) -> bool:
    """"Youths stormed a police station killing one officer": a killing participle the
    parser hung on a thing the clause acted on says what the act did, not what the thing
    is (as "a colleague who was shot" or "protesters carrying placards" describe people)."""
    head = node.head
    counts_its_dead = any(c.dep_ == "dobj" and c.like_num for c in node.children)
    if node.dep_ == "acl" and node.tag_ == "VBG" and node.lemma_.lower() in KILL_LEMMAS and (
        head.dep_ == "ROOT" and head.lemma_.lower() in VIOLENCE_NOUNS
    ):  # a headline's "Violence by youths in a slum, killing twenty": what it did
        return True
    return (node.dep_ == "acl" and node.tag_ == "VBG" and node.lemma_.lower() in KILL_LEMMAS
            and head.dep_ in ("dobj", "pobj") and (
                # "attacked matatu drivers killing 1": a bare number counts the act's dead
                counts_its_dead or head.lemma_.lower() not in PERSON_NOUNS
                and head.ent_type_ not in ("PERSON", "NORP")))


def is_headline_verb_noun(token: Token) -> bool:
    """A headline's verb parsed as a noun before its object ("Residents lynch robber",
    "Mob lynch suspected thief"): a modifier of the root noun of a verbless sentence."""
    return token.dep_ in ("compound", "nmod") and token.head.dep_ == "ROOT" and not any(
        t.tag_ in FINITE_VERB_TAGS for t in token.sent if t.i != token.i)  # "Mob lynches"


def _is_headline_verb_noun_before(noun: Token) -> bool:
    """The noun has a headline's verb parsed as its modifier ("stone man to death")."""
    return any(is_headline_verb_noun(c) for c in noun.children if c.i < noun.i)


def is_headline_root_verb(token: Token) -> bool:
    """"Vigilante group lynch 3 alleged robbers": a headline's verb the parser took
    for the root noun, its victims in apposition."""
    return token.dep_ == "ROOT" and token.pos_ == "NOUN" and bool(_children(token, "appos")) and (
        not any(t.tag_ in FINITE_VERB_TAGS for t in token.sent))
