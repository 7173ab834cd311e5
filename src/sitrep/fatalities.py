"""How many died: ACLED's fatality rules over one sentence.

Needs: the parse and the codebook (fatality words, vague numbers). Adds: the death toll a
sentence states, the phrase it came from, and whether it is an estimate from a vague word
("dozens" = 12).

Rules (ACLED's codebook on reported fatalities):

- Injuries are not fatalities; a number given for the "killed and wounded" together is a
  count of casualties, not of deaths. Attempts ("tried to lynch"), near misses ("almost
  killed") and animals ("100 camels") are not deaths.
- Victims named together add up ("1 policeman and 2 civilians" = 3, "the commander,
  along with three others", "a police officer and his driver"), unless they break down
  the same people ("3 people, 2 women and a child"); one person named ("a teacher",
  "Zacchaeus Okoth", "him") is 1; a range counts its lower end ("18-50").
- Deaths given as additional ("3 militants were also killed", "4 more bodies", "two
  others") add to the toll, and so do those of coordinated clauses with victims of their
  own ("2 soldiers were killed and 3 civilians died"); other figures in one sentence are
  alternatives (the largest, the sentence's own full toll, is kept; fuse keeps the lowest
  across sentences). "One person from each side" of a clash is two.
- A total that spans several places ("10 killed in Sangin and Lashkargah districts") or
  days ("over three days", "from 15/3-19/3") is split across them (``fatality_split``):
  ACLED codes one event per place and day, the first taking the remainder.
- A death the act told did not cause (one someone is accused of, one an act avenges or
  that set the events off, the death a demonstration is about) is not its toll
  (``fatality_causes``).

How many a victim noun counts is ``fatality_counts``. ``is_additional_toll`` lets fuse
apply the same rules across the claims of a report; fuse also sets aside a party's claims
about its enemy's losses (``fatality_sources``), and the report's tolls for which that
party is the only source.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sitrep.claims import clause_text
from sitrep.codebook import Codebook
from sitrep.event_triggers import guessed_lemmas
from sitrep.fatality_causes import (
    is_accusation,
    is_avenged,
    is_given_as_cause,
    is_headline_root_verb,
    is_headline_verb_noun,
    is_spark,
    victims_participle,
)
from sitrep.fatality_counts import (
    DIE_LEMMAS,
    FOUND_LEMMAS,
    KILL_LEMMAS,
    PERSON_NOUNS,
    PERSON_PRONOUNS,
    _children,
    _count_all,
    _count_of,
    _has_determiner,
    _is_animal,
    _is_count_word,
    _is_fatally_done,
    _is_people,
    bare_numbers_after,
    has_kin_possessive,
)
from sitrep.fatality_split import split_count
from sitrep.headline_passives import is_headline_passive

if TYPE_CHECKING:
    from spacy.tokens import Span, Token


INJURY_LEMMAS = frozenset({"wound", "injure", "hurt", "maim"})
# counted beside the dead but no dead: "two deaths and 13 injured", "21 houses"
NOT_VICTIM_NOUNS = frozenset({"injury", "injured", "wound", "wounded", "injure", "casualty",
                              "house", "home", "hut", "shop", "vehicle", "car", "hideout",
                              "weapon", "gun", "rifle"})
NEAR_MISS_WORDS = frozenset({"almost", "nearly", "narrowly"})
# verbs that report a toll as their subject's fate ("three reported killed")
REPORTED_LEMMAS = frozenset({"report", "confirm", "believe", "fear", "presume"})
ATTEMPT_LEMMAS = frozenset({"attempt", "try", "seek", "threaten", "plan", "want", "vow"})


# "3 militants were also killed", "4 more bodies", "two others", "another 5 died".
ADDITIONAL_TOLL_RE = re.compile(
    r"\b(?:also|too|as well|another|others?|additional|further)\b|\bmore\b(?!\s+than)",
    re.IGNORECASE,
)


def is_additional_toll(phrase: str) -> bool:
    """A toll given on top of one already reported ("also", "more", "others")."""
    return bool(ADDITIONAL_TOLL_RE.search(phrase))


@dataclass(frozen=True)
class Toll:
    """Deaths read from one fatality word."""

    count: int
    phrase: str
    is_estimate: bool
    is_additional: bool
    # the first of the coordinated verbs ("were killed and ... died") whose chain the word
    # belongs to, when its victims are its own: such tolls are different people
    chain: int | None = None
    # the token naming the victims: two words of death for the same victims ("shot" and
    # "dead" in "were also shot dead") are one toll
    victim: int | None = None


def count_fatalities(
    sentence: Span, codebook: Codebook, *, skip_causes: bool = False,
    trigger: Token | None = None, with_sparks: bool = False,
) -> tuple[int, str | None, bool]:
    """Deaths reported in the sentence by ACLED's rules (injuries excluded).

    Returns the count, the phrase it came from, and whether it is an estimate from a vague
    word ("dozens", "several") rather than a stated number. With ``skip_causes`` (a
    demonstration), deaths given as its cause ("protested after a driver was killed") are
    not the demonstration's own; the event's own ``trigger`` never is ("took away a man
    whom they lynched": the mob's lynching is the riot). Deaths named as what set the
    events off ("following the death of a colleague") are an earlier act's, counted only
    ``with_sparks`` (what a demonstration is about, to know it when it is told again).
    """
    tolls = []
    for token in sentence:
        if not _is_fatality_word(token, codebook) or _is_not_a_death(token):
            continue
        if is_accusation(token) or is_avenged(token) or (
            is_spark(token) and not with_sparks
        ):
            continue
        if skip_causes and not (trigger is not None and token.i == trigger.i) and (
            is_given_as_cause(token)
        ):
            continue
        toll = _toll_at(token, codebook)
        if toll is not None and not any(
            toll.victim is not None and toll.victim == t.victim for t in tolls
        ):
            tolls.append(toll)
    if not tolls:
        return 0, None, False
    stated = [t for t in tolls if not t.is_estimate]
    pool = stated or tolls
    main = _coordinated_totals([t for t in pool if not t.is_additional])
    added = sum(t.count for t in pool if t.is_additional)
    best = max(main, key=lambda t: t.count) if main else pool[0]
    return (best.count if main else 0) + added, best.phrase, best.is_estimate


def _coordinated_totals(tolls: list[Toll]) -> list[Toll]:
    """Tolls of coordinated clauses, each with victims of its own ("2 soldiers were killed
    and 3 civilians died", "killed 1 soldier, and in another attack killed 2"), added up
    into one; other tolls stay alternatives."""
    chains: dict[int, list[Toll]] = {}
    alone = []
    for toll in tolls:
        if toll.chain is None:
            alone.append(toll)
        else:
            chains.setdefault(toll.chain, []).append(toll)
    joined = [
        Toll(sum(t.count for t in chain), "; ".join(t.phrase for t in chain),
             chain[0].is_estimate, is_additional=False, chain=key)
        for key, chain in chains.items()
    ]
    return alone + joined


def _is_fatality_word(token: Token, codebook: Codebook) -> bool:
    """A fatality word of the codebook, also as a noun ("the killing of") or as a phrase
    with its particle or object ("gunned down", "gun down", "lose life")."""
    words = codebook.fatality_lemmas
    lemma = token.lemma_.lower()
    if lemma in words or token.lower_ in words or _is_fatally_done(token):
        return True
    if token.tag_ in ("NN", "NNS") and lemma.removesuffix("s").removesuffix("ing") in words:
        return True  # "the killing of three activists"
    if any(guess in words for guess in _misread_verb_lemmas(token)):
        return True  # a headline's "Mob lynches man", its verb lemmatised as a noun "lynche"
    phrases = [w.split() for w in words if " " in w]
    return any(
        len(phrase) == 2 and phrase[1] in (child.lower_, child.lemma_)
        and (phrase[0] == token.lower_ or phrase[0].startswith(lemma))
        for child in token.children if child.dep_ in ("prt", "dobj", "acomp", "oprd")
        for phrase in phrases
    )


def _misread_verb_lemmas(token: Token) -> tuple[str, ...]:
    """The lemmas a headline's verb may have when the tagger took it for a plural noun and
    lemmatised it as one ("Mob lynches man": "lynche"), as event_triggers guesses them."""
    return guessed_lemmas(token.lower_) if token.tag_ == "NNS" else ()


def _is_not_a_death(token: Token) -> bool:
    """Negated ("were not killed"), attempted ("tried to lynch"), a casualty count ("7
    policemen were killed and wounded"), or a toll that is a payment ("refused to give the
    Tk 20,000 toll")."""
    if any(c.dep_ == "neg" or c.lower_ in NEAR_MISS_WORDS for c in token.children):
        return True  # "were not killed", "were almost killed"
    if token.lemma_.lower() == "toll" and _is_payment(token):
        return True
    if is_attempted(token):
        return True
    return _shares_victims_with_injury(token)


def is_attempted(token: Token) -> bool:
    """An act only tried for: "tried to lynch", "attempted to take control"."""
    return token.dep_ == "xcomp" and token.head.lemma_.lower() in ATTEMPT_LEMMAS


# money named before an amount ("Tk 20,000", "Rs 500", "KSh 200") and verbs of paying
CURRENCY_WORDS = frozenset({"tk", "tk.", "taka", "rs", "rs.", "rupees", "ksh", "kes", "sh",
                            "shillings", "ghs", "cedis", "$", "usd", "dollars", "afs",
                            "afghanis", "pkr", "inr"})
PAYING_LEMMAS = frozenset({"pay", "give", "collect", "demand", "extort", "charge", "levy"})


def _is_payment(toll: Token) -> bool:
    """A toll paid, asked or taken ("refused to give the Tk 20,000 toll", "collecting
    tolls from drivers"): money, no deaths."""
    words = [t.lower_ for t in toll.doc[max(toll.sent.start, toll.i - 4):toll.i]]
    return any(w in CURRENCY_WORDS for w in words) or (
        toll.dep_ in ("dobj", "nsubjpass") and toll.head.lemma_.lower() in PAYING_LEMMAS)


# what may stand between two verbs that share their victims ("were killed and wounded",
# "killed or seriously injured")
LINKING_POS = frozenset({"CCONJ", "PUNCT", "ADV", "AUX", "PART"})


def _shares_victims_with_injury(token: Token) -> bool:
    """"were killed and wounded", "killing and injuring all inside": one number for the
    dead and the injured together (the passive subject of the first verb, or the object of
    the second, serves both)."""
    partners = [c for c in token.children if c.dep_ == "conj"]
    if token.dep_ == "conj":
        partners.append(token.head)
    for partner in partners:
        if partner.lemma_.lower() not in INJURY_LEMMAS:
            continue
        first, second = sorted((token, partner), key=lambda t: t.i)
        if second is token and token.lemma_.lower() in DIE_LEMMAS:
            continue  # "was injured and later died": the injured died
        if any(t.pos_ not in LINKING_POS for t in token.doc[first.i + 1:second.i]):
            continue  # "was killed in a clash with police; 15 others were injured"
        if _children(first, "nsubjpass") and not _children(
            second, "nsubj", "nsubjpass", "dobj", "det", "nummod"
        ):  # not "2 were killed and another injured"
            return True
        if _children(second, "dobj") and not _children(first, "dobj"):
            return True
    return False


def _toll_at(token: Token, codebook: Codebook) -> Toll | None:
    """The deaths a fatality word reports: its victims, counted with those named with them."""
    for victim in _victims(token):
        found = _count_of(victim, codebook, may_be_one=victim is not token)
        if found is None:
            continue
        count, is_estimate = found
        listed = _count_all([v for v in (*_joined_victims(victim), *_apposed_victims(victim))
                             if not _is_in_breakdown(v, victim)], codebook)
        if _is_only_injured(victim) and victim is not token:
            # "Two soldiers injured and one civilian killed": the first named were hurt
            if not listed:
                continue
            count = 0
        if not (_is_followed_by_punctuation(victim) and listed == count):
            count += listed  # not a breakdown of the same people: "3 people, 2 women and a child"
        count *= _sides_count(victim)
        share = math.ceil(count / split_count(token))
        return Toll(share, _toll_phrase(token, victim), is_estimate,
                    _is_additional(token, victim), _chain_of(token, victim),
                    victim=None if victim.i == token.i else victim.i)
    return None


def _is_in_breakdown(joined: Token, victim: Token) -> bool:
    """"six persons including a tribal elder and his brother": who follows "including" is
    among the victims counted, not more of them (the parser may join "his son" to
    "persons")."""
    return any(p.lower_ in ("including", "among") and p.i < joined.i
               for p in _children(victim, "prep"))


def _chain_of(token: Token, victim: Token) -> int | None:
    """The first verb of the coordination a verb of death heads, when the victims are its
    own (its object or subject, not shared with the verb it is coordinated with, nor a
    pronoun for people already named: "lynched a robber and killed him")."""
    if token.pos_ != "VERB" or victim.head.i != token.i or victim.tag_ == "PRP":
        return None
    first = token
    while first.dep_ == "conj":
        first = first.head
    return first.i


SIDE_NOUNS = frozenset({"side", "group", "party", "camp", "community", "clan", "tribe"})


def _sides_count(victim: Token) -> int:
    """"one person from each side": a clash has two sides, so twice the number."""
    for prep in _children(victim, "prep"):
        for side in _children(prep, "pobj"):
            if side.lemma_.lower() in SIDE_NOUNS and any(
                c.lower_ == "each" for c in _children(side, "det")
            ):
                return 2
    return 1


def _toll_phrase(token: Token, victim: Token) -> str:
    """The words that give the toll: from the victims to the word of death ("3 militants
    were also killed", "killing 15 commandos and their driver"), not the rest of the
    clause; the whole clause when the word of death is its own victim ("two dead")."""
    if victim.i == token.i:
        return clause_text(token)
    # "gunned down", "shot dead", "also killed"
    words = [token, victim.left_edge, victim.right_edge,
             *_children(token, "prt", "oprd", "acomp", "advmod")]
    start = min(w.i for w in words)
    end = max(w.i for w in words)
    return token.doc[start:end + 1].text


def _victims(token: Token) -> list[Token]:
    """Who died, from the words attached to a fatality word (in order of preference)."""
    lemma = token.lemma_.lower()
    # "the killing of"; a headline's "lynches" tagged a plural noun
    is_killing = lemma.removesuffix("s").removesuffix("ing") in KILL_LEMMAS or any(
        guess in KILL_LEMMAS for guess in _misread_verb_lemmas(token))
    if is_killing or (lemma not in DIE_LEMMAS and token.pos_ == "VERB"):
        return _kill_victims(token) or _lynched_after(token)
    if lemma in DIE_LEMMAS:
        # not "who" ("a trader, Ali Omar, who succumbed to his injuries"): the noun it stands for
        victims = [v for v in _children(token, "nsubj") if v.tag_ not in ("WP", "WDT")]
        if token.dep_ in ("acl", "relcl") and not victims:
            victims = [token.head]
        if token.dep_ in ("xcomp", "conj") and not victims:  # "two are reported to have died"
            victims = _children(token.head, "nsubj", "nsubjpass")
        return victims
    if lemma in ("body", "bodies"):  # "the bodies of 29 children"
        return [c for p in _children(token, "prep") if p.lower_ == "of"
                for c in _children(p, "pobj")] + [token]
    if lemma == "death" and token.head.lower_ == "to" and token.head.dep_ == "prep" and not (
        _children(token, "det", "nummod", "amod", "poss")
    ):  # "beat two men to death", "was stoned to death by a mob"; not "led to one death"
        verb = token.head.head
        victims = _children(verb, "dobj", "nsubjpass", "obj")
        if verb.dep_ == "conj" and not victims:
            victims = _children(verb.head, "dobj", "nsubjpass")
        if victims_participle(token) is not None and not victims:
            # "stoned a man accused of theft to death": hung on the participle that
            # describes the victim
            victims = [verb.head]
        if verb.pos_ == "NOUN" and verb.lemma_.lower() in PERSON_NOUNS and not victims:
            return [verb]  # a headline's "children stone man to death" (parsed "stone man")
        # "hacked to death six in a restaurant": a bare number after the verb; else "4
        # civilians macheted to death"
        return victims or bare_numbers_after(verb) or _children(verb, "nsubj")
    if lemma in ("dead", "death", "toll", "fatality"):
        victims = [token]
        if lemma == "death":  # "the deaths of three soldiers"
            victims += [c for p in _children(token, "prep") if p.lower_ == "of"
                        for c in _children(p, "pobj")]
        if lemma == "toll" and token.dep_ in ("nsubj", "nsubjpass"):
            # "the toll rose to 12", "the toll stood at 12", "the toll is 12"
            verb = token.head
            victims += _children(verb, "attr", "dobj") + [
                c for p in _children(verb, "prep") if p.lower_ in ("to", "at")
                for c in _children(p, "pobj")]
        if token.dep_ == "amod":  # "shot dead two protesters" (parsed "dead protesters")
            victims.append(token.head)
        victims += _counted_before_total(token)
        if token.dep_ in ("acomp", "oprd", "advmod") or token.lower_ == "dead":
            victims += _patients(token.head)
            if token.head.pos_ == "NOUN":  # "4 shot dead" (parsed as a noun "shot")
                victims.append(token.head)
                victims += _subject_across_date(token.head)
        return victims
    return [token]


def _kill_victims(token: Token) -> list[Token]:
    """The killed: object or passive subject; a headline's subject ("two killed")."""
    victims = [v for v in _children(token, "nsubjpass", "dobj", "obj") if v.tag_ not in (
        "WP", "WDT") and not (v.lower_ == "total" and not list(v.children))  # "12 killed total"
        and not _counts_injured(v)]
    if not victims:  # "the killing of three activists"
        victims += [c for p in _children(token, "prep") if p.lower_ == "of"
                    for c in _children(p, "pobj")]
    if not victims and token.pos_ == "VERB":  # "attacks herders and kills 5"
        victims = bare_numbers_after(token)
    victims += [p for c in _children(token, "prep") if c.lower_ == "between"
                for p in _children(c, "pobj")]  # "killed between 18-50 people"
    if token.dep_ in ("acl", "relcl") and not victims and token.tag_ == "VBN" and not (
        _children(token, "aux", "auxpass")
    ):  # "clashes, two killed": a headline's own counted subject, not the noun it hangs on
        victims = [v for v in _children(token, "nsubj") if v.like_num]
    if not victims:
        victims = _counted_before_total(token)
    if token.dep_ in ("acl", "relcl") and not victims:  # "25 members killed", "men who were"
        victims = [token.head]
    if token.dep_ in ("conj", "advcl") and victims and all(v.lower_ == "them" for v in victims):
        # "abducted three farmers and killed them", "targeted two guards, killing them":
        # those the first verb counted
        victims = _children(token.head, "dobj") or victims
    if not victims and token.pos_ == "VERB":  # "killing and robbing him": a shared object
        victims = [v for c in _children(token, "conj") for v in _children(c, "dobj")
                   if _is_people(v) or v.lower_ in PERSON_PRONOUNS]  # not "burned 3 houses"
    if token.tag_ in ("VBN", "VBD") and not victims:  # headline style: "two killed"
        victims = _children(token, "nsubj") or [
            c for c in token.children if c.like_num and c.i == token.i - 1]  # "1 killed"
    elif token.tag_ in ("VBN", "VBD"):  # "5 killed (arrows)": a bare number is no killer
        victims += [c for c in _children(token, "nsubj") if c.pos_ == "NUM"]
    if not victims and is_headline_verb_noun(token):
        victims = [token.head]
    if not victims and is_headline_root_verb(token):
        victims = _children(token, "appos")
    if token.dep_ in ("ccomp", "xcomp", "oprd") and not victims and token.tag_ == "VBN" and (
        token.head.lemma_.lower() in REPORTED_LEMMAS
    ):  # "three reported killed", "1 trader confirmed killed": the reporting verb's subject
        victims = _children(token.head, "nsubj", "nsubjpass")
    if token.dep_ in ("conj", "advcl", "xcomp") and not victims:  # "were shot and killed"
        victims = _children(token.head, "nsubjpass", "dobj", "obj")
        if token.head.lemma_ == "be" or _children(token, "auxpass") or (
            token.dep_ == "xcomp" and token.head.lemma_.lower() in FOUND_LEMMAS
        ):  # "Three men found killed"
            # "was on Friday killed", "believed to be X, was beheaded", "are suspected
            # to have been killed"
            victims += _children(token.head, "nsubj")
    if token.dep_ == "conj" and not victims and token.tag_ == "VBN":
        # "were grazing cattle ... but were attacked and killed by unknown gunmen": the
        # subject of the coordination a passive verb of it shares
        chain = [token]
        while chain[-1].dep_ == "conj":
            chain.append(chain[-1].head)
        if any(_children(v, "auxpass") for v in chain) or is_headline_passive(chain[-1]):
            # (or a headline's passive with its auxiliary left out: "MP's bodyguard shot
            # and killed")
            victims = _children(chain[-1], "nsubj", "nsubjpass")
    # "6 TTP and LeI militants": the count is on the first name of the coordination
    return victims + [v.head for v in victims if v.dep_ == "conj" and v.head.pos_ == "PROPN"
                      and v.head not in victims]


def _counted_before_total(word: Token) -> list[Token]:
    """Who a toll counts when "total" follows the count as an adverb and the parser made
    it the head of the word of death: its subject ("Three people total killed": "total"
    read as the verb), the number counting "total" ("five killed total"), or what a verb
    left that way ("leave twelve people dead total")."""
    total = word.head
    if total.lemma_.lower() != "total" or total.i == word.i or word.dep_ not in (
        "advcl", "xcomp", "amod", "acl", "conj"
    ):
        return []
    if total.pos_ == "NOUN" and (numbers := [c for c in total.children if _is_count_word(c)]):
        return numbers
    if total.dep_ in ("oprd", "acomp"):
        return _children(total.head, "dobj")
    return _children(total, "nsubj", "nsubjpass")


def _subject_across_date(word: Token) -> list[Token]:
    """"A chief was on Monday shot dead": a date between the auxiliary and the verb makes
    the parser read "shot" as a noun (of "on Monday", or what the subject "was"); the
    victim is the auxiliary's subject."""
    if word.dep_ == "attr" and word.head.pos_ == "AUX":
        # "Three soldiers were Monday evening shot dead": "shot" read as what they were
        return _children(word.head, "nsubj", "nsubjpass")
    if word.dep_ != "pobj" or word.head.dep_ != "prep" or word.head.head.pos_ != "AUX":
        return []
    return _children(word.head.head, "nsubj", "nsubjpass")


def _patients(verb: Token) -> list[Token]:
    """Who a verb was done to: the passive subject or object ("shooting dead 3": a bare
    number); the subject if it has none."""
    patients = [p for p in _children(verb, "nsubjpass", "dobj") if not _counts_injured(p)]
    patients = patients or bare_numbers_after(verb)
    return patients or _children(verb, "nsubj")


def _counts_injured(number: Token) -> bool:
    """"1 security personnel killed 5 injured": the number the parser made the killing's
    object counts the injured its participle names."""
    return number.like_num and any(
        c.dep_ in ("acl", "amod") and c.lemma_.lower() in INJURY_LEMMAS for c in number.children)


LYNCH_STEPS = 5  # "lynch a suspected coffee thief": the victim within this many words


def _lynched_after(token: Token) -> list[Token]:
    """A headline's "lynch" the parser read as a noun ("Residents of Karaini lynch a man",
    "Mob lynches murder suspect"): the first person named after it is its victim; the word
    names killing a person, so no other reading is left."""
    if not token.lower_.startswith("lynch") or token.pos_ == "VERB" and token.dep_ != "compound":
        return []
    following = token.doc[token.i + 1:min(token.i + 1 + LYNCH_STEPS, token.sent.end)]
    for word in following:
        if word.is_punct or word.pos_ in ("VERB", "AUX", "ADP") and word.tag_ != "VBN":
            return []
        if word.pos_ in ("NOUN", "PROPN") and word.lemma_.lower() in PERSON_NOUNS:
            return [word]
    return []


def _joined_victims(victim: Token) -> list[Token]:
    """People named with the first victim ("1 policeman and 2 civilians", "15 commandos and
    their driver", "was killed and 3 militants too"); not a second description of the same
    person ("a scholar and teacher"), nor animals or injuries named alongside."""
    joined = list(victim.conjuncts)
    verb = victim.head
    if victim.dep_ in ("nsubjpass", "dobj") and verb.pos_ == "VERB":
        joined += [c for c in verb.children if c.dep_ == "conj" and c.pos_ in ("NOUN", "PROPN")
                   and not any(g.pos_ == "VERB" for g in c.children)]
        # a list parsed as two subjects: "4 militia members, 1 soldier, and 1 policeman"
        joined += [c for c in verb.children if c.dep_ == victim.dep_ and c.i > victim.i]
    joined += _companions(victim)
    # "five militants of the UNLF-P and two civilians": the parser joins the second
    # counted group to the name in the first one's "of"
    joined += [t for p in _children(victim, "prep") if p.lower_ == "of" for t in p.subtree
               if t.dep_ == "conj" and t.pos_ == "NOUN" and any(
                   _is_count_word(c) for c in t.children)]
    return [c for c in joined if not _is_animal(c) and not _is_only_injured(c) and (
        _is_people(c) or c.pos_ in ("NOUN", "PROPN") and c.lemma_.lower() not in NOT_VICTIM_NOUNS
        and any(c2.dep_ == "nummod" for c2 in c.children)  # "1 'Arbaki'", not "13 injured"
        or _counts_people_of(c)
    ) and (c.tag_ != "NN" or _has_determiner(c) or _is_kin_of(victim, c))]


def _counts_people_of(number: Token) -> bool:
    """"killed along with two of his aides": a number of the people its "of" names."""
    return number.like_num and any(
        p.lower_ == "of" and any(_is_people(o) or o.tag_ == "NNS" for o in _children(p, "pobj"))
        for p in _children(number, "prep"))


def _is_kin_of(one: Token, other: Token) -> bool:
    """"Police officer and his driver": the second is someone of the first's ("his", "her"),
    so two people, though the first has no determiner (not "a scholar and teacher")."""
    return has_kin_possessive(one) or has_kin_possessive(other)


def _is_only_injured(noun: Token) -> bool:
    """People a headline gives their own fate of injury ("Nine officers injured and one
    policeman killed"): the parser joins the two groups, but only the second died. Not
    a group the parser also gives the word of death ("5 civilians killed and 2 injured",
    both participles hung on "civilians")."""
    fates = [c for c in noun.children if c.dep_ in ("acl", "amod")]
    return any(c.dep_ == "acl" and c.lemma_.lower() in INJURY_LEMMAS for c in fates) and not any(
        c.lemma_.lower() in KILL_LEMMAS | DIE_LEMMAS or c.lower_ == "dead" for c in fates)


def _companions(victim: Token) -> list[Token]:
    """"the commander, along with three other militants, was killed", "was killed along
    with his coordinator" ("along" the verb's particle)."""
    found = []
    preps = _children(victim, "prep")
    if victim.dep_ in ("nsubj", "nsubjpass"):
        verb = victim.head
        preps += [p for p in _children(verb, "prep") if p.lower_ in ("along", "together")]
        if any(c.lower_ in ("along", "together") for c in _children(verb, "prt", "advmod")):
            preps += [p for p in _children(verb, "prep") if p.lower_ == "with"]
        else:  # "died on the spot together with his passenger": the adverb on "with"
            preps += [p for p in _children(verb, "prep") if p.lower_ == "with" and any(
                c.lower_ in ("along", "together") for c in _children(p, "advmod"))]
    for prep in preps:
        withs = [prep] if prep.lower_ == "with" else [
            c for c in _children(prep, "prep") if c.lower_ == "with"
        ] if prep.lower_ in ("along", "together") else []
        found += [p for w in withs for p in _children(w, "pobj")]
    return found


def _apposed_victims(victim: Token) -> list[Token]:
    """People in an apposition, with their own numbers ("4 militia members, 1 soldier, and
    1 policeman"); names in apposition only identify the victims."""
    apposed = [c for c in victim.children if c.dep_ == "appos" and c.pos_ != "PROPN"
               and _is_people(c) and any(_is_count_word(g) and not _is_part_of(g)
                                         for g in c.children)]
    return [a for appos in apposed for a in (appos, *appos.conjuncts)]


def _is_part_of(number: Token) -> bool:
    """"9 people, four of them women": a number of those already counted."""
    return any(p.lower_ == "of" and any(g.tag_ in ("PRP", "WP") for g in _children(p, "pobj"))
               for p in _children(number, "prep"))


def _is_followed_by_punctuation(victim: Token) -> bool:
    """"3 people, ...", "3 activists - ...": what follows may break the victims down."""
    following = victim.doc[victim.i + 1] if victim.i + 1 < len(victim.doc) else None
    return following is not None and following.text in (",", "-", "(", "–", "—", ":")


def _is_additional(token: Token, victim: Token) -> bool:
    """Deaths on top of others the report gives ("were also killed", "4 more bodies"), and
    the attackers' own dead beside their victims ("killed 1 person, before police killed 2
    of the attackers")."""
    words = [c for c in (*token.children, *victim.children) if c.dep_ in (
        "advmod", "amod", "det", "nummod", "npadvmod")]
    words.append(victim)
    return any(is_additional_toll(w.text) for w in words) or _is_some_of_the_doers(victim)


# those who did the attack, some of whom a sentence says were killed as well
DOER_LEMMAS = frozenset({"attacker", "assailant", "gunman", "raider", "robber", "bandit",
                         "kidnapper", "militant", "terrorist", "insurgent"})


def _is_some_of_the_doers(victim: Token) -> bool:
    """"2 of the attackers", "one of the gunmen": a number of those who did the act."""
    return (victim.like_num or victim.lower_ == "one") and any(
        p.lower_ == "of" and any(o.lemma_.lower() in DOER_LEMMAS and any(
            d.lower_ == "the" for d in o.children) for o in _children(p, "pobj"))
        for p in _children(victim, "prep"))


