"""How many died: ACLED's fatality rules over one sentence.

Needs: the parse and the codebook (fatality words, vague numbers). Adds: the death toll a
sentence states, the phrase it came from, and whether it is an estimate from a vague word
("dozens" = 12). Injuries are not fatalities.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from sitrep.claims import clause_text
from sitrep.codebook import Codebook

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90, "hundred": 100, "dozen": 12,
}


SINGULAR_DETERMINERS = frozenset({"a", "an", "one", "the"})


PERSON_NOUNS = frozenset(
    {"soldier", "policeman", "policewoman", "officer", "civilian", "man", "woman", "child",
     "boy", "girl", "student", "teacher", "member", "fighter", "militant", "commander",
     "leader", "official", "journalist", "worker", "farmer", "person", "resident",
     "villager", "driver", "guard", "trader", "protester", "demonstrator", "chief", "elder",
     "cleric", "doctor", "nurse", "pupil", "gunman", "bomber", "insurgent", "rebel",
     "thief", "suspect", "robber", "herder", "herdsman", "passenger", "motorist", "rider",
     "operator", "youth", "husband", "wife", "son", "daughter"}
)


CAUSE_MARKERS = frozenset({"after", "over", "against", "following", "since"})
CAUSE_VERBS = frozenset({"protest", "demand", "avenge", "blame", "mourn", "condemn", "denounce"})


def count_fatalities(
    sentence: Span, codebook: Codebook, *, skip_causes: bool = False
) -> tuple[int, str | None, bool]:
    """Deaths reported in the sentence by ACLED's rules (injuries excluded).

    Returns the count, the phrase it came from, and whether it is an estimate from a vague
    word ("dozens", "several") rather than a stated number. With ``skip_causes`` (a
    demonstration), deaths given as its cause ("protested after a driver was killed") are
    not the demonstration's own.
    """
    best: tuple[int, str, bool] | None = None
    for token in sentence:
        lemma = token.lemma_.lower()
        if lemma not in codebook.fatality_lemmas and token.lower_ not in codebook.fatality_lemmas:
            continue
        if any(c.dep_ == "neg" for c in token.children):
            continue
        if skip_causes and _is_given_as_cause(token):
            continue
        found = _victim_count(token, codebook)
        if found is None:
            continue
        count, is_estimate = found
        if best is None or (not is_estimate and best[2]) or (
            is_estimate == best[2] and count > best[0]
        ):
            best = (count, clause_text(token), is_estimate)
    return best if best else (0, None, False)


def _is_given_as_cause(token: Token) -> bool:
    """A death inside "after ...", "over the killing of ...", "to protest the death of ..."."""
    for node in (token, *token.ancestors):
        head = node.head
        if node.dep_ == "pobj" and head.lower_ in CAUSE_MARKERS:
            return True
        if node.dep_ == "advcl" and any(
            c.dep_ == "mark" and c.lower_ in CAUSE_MARKERS for c in node.children
        ):
            return True
        if node.dep_ in ("dobj", "pobj", "advcl", "xcomp") and head.lemma_.lower() in (
            CAUSE_VERBS
        ):
            return True
    return False


def _victim_count(token: Token, codebook: Codebook) -> tuple[int, bool] | None:
    """How many died, from the words attached to a fatality word; and if it is an estimate."""
    lemma = token.lemma_.lower()
    if lemma in ("kill", "slay", "behead", "execute", "massacre", "murder", "lynch"):
        victims = [c for c in token.children if c.dep_ in ("nsubjpass", "dobj", "obj")]
        if token.dep_ in ("acl", "relcl") and not victims:  # "25 members killed in ..."
            victims = [token.head]
        if token.dep_ == "conj" and not victims:  # "2 policemen were shot and killed"
            victims = [c for c in token.head.children
                       if c.dep_ in ("nsubjpass", "dobj", "obj")]
        if token.tag_ == "VBN" and not victims:  # headline style: "two killed"
            victims = [c for c in token.children if c.dep_ == "nsubj"]
    elif lemma in ("die", "lose"):
        victims = [c for c in token.children if c.dep_ == "nsubj"]
        if token.dep_ in ("acl", "relcl") and not victims:
            victims = [token.head]
        if token.dep_ in ("xcomp", "conj") and not victims:  # "two are reported to have died"
            victims = [c for c in token.head.children if c.dep_ in ("nsubj", "nsubjpass")]
    elif lemma in ("body", "bodies"):  # "the bodies of 29 children"
        victims = [c for p in token.children if p.dep_ == "prep" and p.lower_ == "of"
                   for c in p.children if c.dep_ == "pobj"] + [token]
    elif lemma == "death" and token.head.lower_ == "to" and token.head.dep_ == "prep":
        # "beat two men to death", "was stoned to death by a mob"
        verb = token.head.head
        victims = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass", "obj")]
        if verb.dep_ == "conj" and not victims:
            victims = [c for c in verb.head.children if c.dep_ in ("dobj", "nsubjpass")]
    elif lemma in ("dead", "death", "toll", "fatality"):
        victims = [token]
        if token.dep_ == "amod":  # "shot dead two protesters" (parsed "dead protesters")
            victims.append(token.head)
        if token.dep_ in ("acomp", "oprd") or token.lower_ == "dead":
            victims += [c for c in token.head.children
                        if c.dep_ in ("nsubj", "nsubjpass", "dobj")]
    else:
        victims = [token]
    for victim in victims:
        count = _count_of(victim, codebook)
        if count is not None:
            return count
    return None


def _count_of(noun: Token, codebook: Codebook) -> tuple[int, bool] | None:
    """The number a noun phrase names (digits, number words, vague words, one for "a soldier")
    and whether it is an estimate from a vague word."""
    if noun.like_num:
        return _number(noun, codebook)
    for child in noun.children:
        if child.dep_ in ("nummod", "quantmod") or (child.like_num and child.dep_ != "prep"):
            value = _number(child, codebook)
            if value is not None:
                return value
        if child.dep_ == "amod" and child.lower_ in codebook.vague_numbers:
            return codebook.vague_numbers[child.lower_], True
        if child.dep_ == "prep" and child.lower_ == "of" and noun.lower_ in codebook.vague_numbers:
            return codebook.vague_numbers[noun.lower_], True
        if child.dep_ == "prep" and child.lower_ == "to" and noun.lemma_ == "toll":
            for pobj in child.children:
                value = _number(pobj, codebook)
                if value is not None:
                    return value
    if noun.lower_ in codebook.vague_numbers and noun.lower_ not in SINGULAR_DETERMINERS:
        return codebook.vague_numbers[noun.lower_], True
    if noun.tag_ == "NN" and noun.lemma_.lower() in PERSON_NOUNS:
        return 1, False  # "a soldier", "the driver"
    return None


def _number(token: Token, codebook: Codebook) -> tuple[int, bool] | None:
    value = _parse_number(token, codebook)
    if value is None:
        return None
    return value, token.lower_ in codebook.vague_numbers


def _parse_number(token: Token, codebook: Codebook) -> int | None:
    text = token.lower_.replace(",", "")
    if text.isdigit():
        value = int(text)
        return value if value < 1_000_000 else None
    if text in NUMBER_WORDS:
        value = NUMBER_WORDS[text]
        for child in token.children:  # "twenty-five", "two hundred"
            if child.lower_ in NUMBER_WORDS and child.i < token.i:
                value = NUMBER_WORDS[child.lower_] * value if value == 100 else value + NUMBER_WORDS[child.lower_]
        return value
    if "-" in text:
        parts = text.split("-")
        if all(p in NUMBER_WORDS for p in parts):
            return sum(NUMBER_WORDS[p] for p in parts)
    if text in codebook.vague_numbers:
        return codebook.vague_numbers[text]
    return None
