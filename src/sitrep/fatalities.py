"""How many died: ACLED's fatality rules over one sentence.

Needs: the parse and the codebook (fatality words, vague numbers). Adds: the death toll a
sentence states, the phrase it came from, and whether it is an estimate from a vague word
("dozens" = 12).

Rules (ACLED's codebook on reported fatalities):

- Injuries are not fatalities; a number given for the "killed and wounded" together is a
  count of casualties, not of deaths. Attempts ("tried to lynch"), near misses ("almost
  killed") and animals ("100 camels") are not deaths.
- Victims named together add up ("1 policeman and 2 civilians" = 3, "the commander,
  along with three others"), unless they break down the same people ("3 people, 2 women
  and a child"); one person named ("a teacher", "Zacchaeus Okoth", "him") is 1; a range
  counts its lower end ("18-50").
- Deaths given as additional ("3 militants were also killed", "4 more bodies", "two
  others") add to the toll; other figures in one sentence are alternatives (the largest,
  the sentence's own full toll, is kept; fuse keeps the lowest across sentences).
- A total that spans several places ("10 killed in Sangin and Lashkargah districts") or
  days ("over three days") is split across them: ACLED codes one event per place and day,
  the first taking the remainder.
- For a demonstration, a death it is about (a relative clause, "the death of", "had been
  killed", "after ...") is not its own.

``is_additional_toll`` and ``is_partisan_source`` let fuse apply the same rules across the
claims of a report (fuse also sets aside the claims of a party to the fighting).
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
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


# Singular nouns that name one person: "a soldier was killed" is one death.
PERSON_NOUNS = frozenset(
    {"soldier", "policeman", "policewoman", "officer", "civilian", "man", "woman", "child",
     "boy", "girl", "student", "teacher", "member", "fighter", "militant", "commander",
     "leader", "official", "journalist", "worker", "farmer", "person", "resident",
     "villager", "driver", "guard", "trader", "protester", "demonstrator", "chief", "elder",
     "cleric", "doctor", "nurse", "pupil", "gunman", "bomber", "insurgent", "rebel",
     "thief", "suspect", "robber", "herder", "herdsman", "passenger", "motorist", "rider",
     "operator", "youth", "husband", "wife", "son", "daughter", "mother", "father",
     "brother", "sister", "uncle", "aunt", "nephew", "niece", "cousin", "relative",
     "grandmother", "grandfather", "baby", "infant", "toddler", "teenager", "youngster",
     "pensioner", "widow", "victim", "body", "corpse", "actor", "actress", "singer",
     "cadre", "terrorist", "assailant", "attacker", "raider", "bandit", "rustler",
     "kidnapper", "poacher", "smuggler", "jihadist", "extremist", "guerrilla", "operative",
     "informer", "informant", "spy", "supporter", "activist", "politician", "candidate",
     "councillor", "councilor", "legislator", "lawmaker", "mayor", "governor", "minister",
     "chairman", "administrator", "spokesman", "aide", "bodyguard", "agent", "employee",
     "businessman", "businesswoman", "shopkeeper", "vendor", "hawker", "merchant",
     "contractor", "engineer", "lecturer", "principal", "headmaster", "lawyer", "judge",
     "magistrate", "medic", "paramedic", "reporter", "photographer", "cameraman",
     "schoolboy", "schoolgirl", "juvenile", "minor", "prisoner", "detainee", "inmate",
     "hostage", "captive", "refugee", "migrant", "pilgrim", "worshipper", "tourist",
     "foreigner", "citizen", "neighbour", "neighbor", "landlord", "tenant", "fisherman",
     "miner", "labourer", "laborer", "cyclist", "pedestrian", "pilot", "trooper",
     "serviceman", "jawan", "constable", "cop", "sergeant", "corporal", "lieutenant",
     "captain", "colonel", "commando", "sniper", "watchman", "headman", "chieftain",
     "imam", "priest", "pastor", "monk", "nun", "bishop", "preacher", "sheikh", "owner",
     "militiaman", "security guard", "recruit", "collaborator", "deputy", "secretary",
     "inspector", "warden", "ranger", "veteran", "patient", "host", "guest", "customer",
     "teen", "adolescent", "lady", "gentleman", "individual", "fisher", "helper", "porter",
     "cleaner", "cook", "tailor", "carpenter", "mechanic", "conductor", "student leader"}
)
GROUP_NOUNS = frozenset({"people", "personnel", "troop", "police", "force", "militia"})
ANIMAL_NOUNS = frozenset(
    {"animal", "cattle", "cow", "bull", "ox", "goat", "sheep", "camel", "donkey", "horse",
     "livestock", "dog", "pig", "chicken", "poultry", "calf", "herd", "flock"}
)
COLLECTIVE_NOUNS = frozenset(
    {"family", "group", "number", "lot", "crowd", "couple", "few", "dozen", "handful",
     "gang", "mob", "team", "unit", "convoy", "patrol", "squad", "community", "village",
     "household", "herd", "flock", "total"}
)
PEOPLE_NOUNS = PERSON_NOUNS | GROUP_NOUNS
PERSON_PRONOUNS = frozenset({"he", "she", "him", "her"})
NO_DETERMINERS = frozenset({"no", "none", "neither"})


KILL_LEMMAS = frozenset({"kill", "slay", "behead", "execute", "massacre", "murder", "lynch"})
DIE_LEMMAS = frozenset({"die", "lose"})
INJURY_LEMMAS = frozenset({"wound", "injure", "hurt", "maim"})
NEAR_MISS_WORDS = frozenset({"almost", "nearly", "narrowly"})
ATTEMPT_LEMMAS = frozenset({"attempt", "try", "seek", "threaten", "plan", "want", "vow"})
TOTAL_NOUNS = frozenset({"total", "toll"})


CAUSE_MARKERS = frozenset({"after", "over", "against", "following", "since"})
NOMINAL_DEATHS = frozenset({"death", "killing", "murder", "body", "bodies"})
CAUSE_VERBS = frozenset({"protest", "demand", "avenge", "blame", "mourn", "condemn", "denounce"})


# "3 militants were also killed", "4 more bodies", "two others", "another 5 died".
ADDITIONAL_TOLL_RE = re.compile(
    r"\b(?:also|too|as well|another|others?|additional|further)\b|\bmore\b(?!\s+than)",
    re.IGNORECASE,
)


# Sources that are a party to the fighting: an armed group's claim about its enemy's
# losses ("the Taliban said 12 soldiers were killed"). ACLED does not code such claims.
PARTISAN_SOURCE_RE = re.compile(
    r"\b(?:taliban|voj|voice of jihad|mujahid|islamic state|isis|isil|daesh|amaq|"
    r"al[- ]shabaa?b|boko haram|militants?|insurgents?|rebels?|jihadists?|guerrillas?)\b",
    re.IGNORECASE,
)


PLACE_NOUNS = frozenset(
    {"district", "city", "town", "village", "province", "county", "region", "area",
     "state", "subdistrict", "sub-county", "upazila", "tehsil", "taluka", "municipality",
     "division", "valley", "camp"}
)
PLACE_PLURALS = frozenset(noun + "s" for noun in PLACE_NOUNS if not noun.endswith("y")) | {
    "cities", "counties", "municipalities", "valleys"
}
PLACE_LIST_PREPOSITIONS = frozenset({"in", "across", "at"})
PLACE_ITEM_SPLIT_RE = re.compile(r"\s*(,\s*(?:and\s+)?|\band\b|&)\s*")
PARENTHESES_RE = re.compile(r"\s*\([^)]*\)")


def is_additional_toll(phrase: str) -> bool:
    """A toll given on top of one already reported ("also", "more", "others")."""
    return bool(ADDITIONAL_TOLL_RE.search(phrase))


def is_partisan_source(speaker: str | None) -> bool:
    """A source that is an armed party to the fighting (or its media outlet)."""
    return bool(speaker) and bool(PARTISAN_SOURCE_RE.search(speaker or ""))


@dataclass(frozen=True)
class Toll:
    """Deaths read from one fatality word."""

    count: int
    phrase: str
    is_estimate: bool
    is_additional: bool


def count_fatalities(
    sentence: Span, codebook: Codebook, *, skip_causes: bool = False
) -> tuple[int, str | None, bool]:
    """Deaths reported in the sentence by ACLED's rules (injuries excluded).

    Returns the count, the phrase it came from, and whether it is an estimate from a vague
    word ("dozens", "several") rather than a stated number. With ``skip_causes`` (a
    demonstration), deaths given as its cause ("protested after a driver was killed") are
    not the demonstration's own.
    """
    tolls = []
    for token in sentence:
        if not _is_fatality_word(token, codebook) or _is_not_a_death(token):
            continue
        if skip_causes and _is_given_as_cause(token):
            continue
        toll = _toll_at(token, codebook)
        if toll is not None:
            tolls.append(toll)
    if not tolls:
        return 0, None, False
    stated = [t for t in tolls if not t.is_estimate]
    pool = stated or tolls
    main = [t for t in pool if not t.is_additional]
    added = sum(t.count for t in pool if t.is_additional)
    best = max(main, key=lambda t: t.count) if main else pool[0]
    return (best.count if main else 0) + added, best.phrase, best.is_estimate


def _is_fatality_word(token: Token, codebook: Codebook) -> bool:
    """A fatality word of the codebook, also as a noun ("the killing of") or as a phrase
    with its particle or object ("gunned down", "gun down", "lose life")."""
    words = codebook.fatality_lemmas
    lemma = token.lemma_.lower()
    if lemma in words or token.lower_ in words:
        return True
    if token.tag_ in ("NN", "NNS") and lemma.removesuffix("s").removesuffix("ing") in words:
        return True  # "the killing of three activists"
    phrases = [w.split() for w in words if " " in w]
    return any(
        len(phrase) == 2 and phrase[1] in (child.lower_, child.lemma_)
        and (phrase[0] == token.lower_ or phrase[0].startswith(lemma))
        for child in token.children if child.dep_ in ("prt", "dobj", "acomp", "oprd")
        for phrase in phrases
    )


def _is_not_a_death(token: Token) -> bool:
    """Negated ("were not killed"), attempted ("tried to lynch"), or a casualty count
    ("7 policemen were killed and wounded")."""
    if any(c.dep_ == "neg" or c.lower_ in NEAR_MISS_WORDS for c in token.children):
        return True  # "were not killed", "were almost killed"
    if token.dep_ == "xcomp" and token.head.lemma_.lower() in ATTEMPT_LEMMAS:
        return True
    return _shares_victims_with_injury(token)


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
        if _children(first, "nsubjpass") and not _children(
            second, "nsubj", "nsubjpass", "dobj", "det", "nummod"
        ):  # not "2 were killed and another injured"
            return True
        if _children(second, "dobj") and not _children(first, "dobj"):
            return True
    return False


def _is_given_as_cause(token: Token) -> bool:
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
        token.lower_ == "death" and token.head.lower_ == "to" and token.head.head.pos_ == "VERB"
    )  # "beaten to death" is a killing, not a death named
    if is_nominal or any(a.lower_ == "had" for a in _children(token, "aux")):
        return True
    for node in (token, *token.ancestors):
        head = node.head
        if node.dep_ in ("relcl", "acl"):
            return True
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


def _toll_at(token: Token, codebook: Codebook) -> Toll | None:
    """The deaths a fatality word reports: its victims, counted with those named with them."""
    for victim in _victims(token):
        found = _count_of(victim, codebook, may_be_one=victim is not token)
        if found is None:
            continue
        count, is_estimate = found
        listed = _count_all([*_joined_victims(victim), *_apposed_victims(victim)], codebook)
        if not (_is_followed_by_punctuation(victim) and listed == count):
            count += listed  # not a breakdown of the same people: "3 people, 2 women and a child"
        share = math.ceil(count / (_place_count(token) * _day_count(token)))
        return Toll(share, _toll_phrase(token, victim), is_estimate,
                    _is_additional(token, victim))
    return None


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
    is_killing = lemma.removesuffix("s").removesuffix("ing") in KILL_LEMMAS  # "the killing of"
    if is_killing or (lemma not in DIE_LEMMAS and token.pos_ == "VERB"):
        return _kill_victims(token)
    if lemma in DIE_LEMMAS:
        victims = _children(token, "nsubj")
        if token.dep_ in ("acl", "relcl") and not victims:
            victims = [token.head]
        if token.dep_ in ("xcomp", "conj") and not victims:  # "two are reported to have died"
            victims = _children(token.head, "nsubj", "nsubjpass")
        return victims
    if lemma in ("body", "bodies"):  # "the bodies of 29 children"
        return [c for p in _children(token, "prep") if p.lower_ == "of"
                for c in _children(p, "pobj")] + [token]
    if lemma == "death" and token.head.lower_ == "to" and token.head.dep_ == "prep":
        # "beat two men to death", "was stoned to death by a mob"
        verb = token.head.head
        victims = _children(verb, "dobj", "nsubjpass", "obj")
        if verb.dep_ == "conj" and not victims:
            victims = _children(verb.head, "dobj", "nsubjpass")
        return victims or _children(verb, "nsubj")  # "4 civilians macheted to death"
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
        if token.dep_ in ("acomp", "oprd", "advmod") or token.lower_ == "dead":
            victims += _patients(token.head)
            if token.head.pos_ == "NOUN":  # "4 shot dead" (parsed as a noun "shot")
                victims.append(token.head)
        return victims
    return [token]


def _kill_victims(token: Token) -> list[Token]:
    """The killed: object or passive subject; a headline's subject ("two killed")."""
    victims = [v for v in _children(token, "nsubjpass", "dobj", "obj") if v.tag_ not in (
        "WP", "WDT")]
    if not victims:  # "the killing of three activists"
        victims += [c for p in _children(token, "prep") if p.lower_ == "of"
                    for c in _children(p, "pobj")]
    victims += [p for c in _children(token, "prep") if c.lower_ == "between"
                for p in _children(c, "pobj")]  # "killed between 18-50 people"
    if token.dep_ in ("acl", "relcl") and not victims:  # "25 members killed", "men who were"
        victims = [token.head]
    if token.tag_ in ("VBN", "VBD") and not victims:  # headline style: "two killed"
        victims = _children(token, "nsubj")
    if token.dep_ in ("conj", "advcl", "xcomp") and not victims:  # "were shot and killed"
        victims = _children(token.head, "nsubjpass", "dobj", "obj")
        if token.head.lemma_ == "be" or _children(token, "auxpass"):
            # "was on Friday killed", "believed to be X, was beheaded", "are suspected
            # to have been killed"
            victims += _children(token.head, "nsubj")
    return victims


def _patients(verb: Token) -> list[Token]:
    """Who a verb was done to: the passive subject or object; the subject if it has none."""
    patients = _children(verb, "nsubjpass", "dobj")
    return patients or _children(verb, "nsubj")


def _children(token: Token, *deps: str) -> list[Token]:
    return [c for c in token.children if c.dep_ in deps]


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
    return [c for c in joined if _is_people(c) and (c.tag_ != "NN" or _has_determiner(c))]


def _companions(victim: Token) -> list[Token]:
    """"the commander, along with three other militants, was killed"."""
    found = []
    preps = _children(victim, "prep")
    if victim.dep_ in ("nsubj", "nsubjpass"):
        preps += [p for p in _children(victim.head, "prep") if p.lower_ in ("along", "together")]
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
               and _is_people(c) and any(_is_count_word(g) for g in c.children)]
    return [a for appos in apposed for a in (appos, *appos.conjuncts)]


def _is_followed_by_punctuation(victim: Token) -> bool:
    """"3 people, ...", "3 activists - ...": what follows may break the victims down."""
    following = victim.doc[victim.i + 1] if victim.i + 1 < len(victim.doc) else None
    return following is not None and following.text in (",", "-", "(", "–", "—", ":")


def _count_all(victims: list[Token], codebook: Codebook) -> int:
    counts = [_count_of(v, codebook, may_be_one=True) for v in victims]
    return sum(c[0] for c in counts if c is not None)


def _is_people(noun: Token) -> bool:
    return noun.pos_ == "PROPN" or noun.lemma_.lower() in PEOPLE_NOUNS


def _has_determiner(noun: Token) -> bool:
    return any(c.dep_ in ("det", "poss", "nummod") for c in noun.children)


def _is_additional(token: Token, victim: Token) -> bool:
    """Deaths on top of others the report gives ("were also killed", "4 more bodies")."""
    words = [c for c in (*token.children, *victim.children) if c.dep_ in (
        "advmod", "amod", "det", "nummod", "npadvmod")]
    words.append(victim)
    return any(is_additional_toll(w.text) for w in words)


def _count_of(noun: Token, codebook: Codebook, *, may_be_one: bool) -> tuple[int, bool] | None:
    """The number a noun phrase names (digits, number words, vague words; the lowest of a
    range) and whether it is an estimate from a vague word. ``may_be_one``: the noun names
    victims, so one person ("a soldier", a named person) is 1; not for words of death
    themselves ("the toll", "dead")."""
    if _is_animal(noun) or any(
        c.dep_ == "det" and c.lower_ in NO_DETERMINERS for c in noun.children
    ):
        return None  # "no one was killed"
    if noun.like_num:
        return _number(noun, codebook)
    numbers = [value for child in noun.children if _is_count_word(child)
               if (value := _number(child, codebook)) is not None]
    if numbers:
        return min(numbers)  # "18-50 people", "5-7 policemen": the lower end
    for child in noun.children:
        if child.dep_ == "amod" and child.lower_ in codebook.vague_numbers:
            return codebook.vague_numbers[child.lower_], True
        if child.dep_ == "prep" and child.lower_ == "of" and noun.lower_ in codebook.vague_numbers:
            return codebook.vague_numbers[noun.lower_], True
        if child.dep_ == "prep" and child.lower_ in ("to", "of") and noun.lemma_ in TOTAL_NOUNS:
            for pobj in child.children:  # "the toll rose to 12", "a total of 100 people"
                value = _number(pobj, codebook) or _count_of(pobj, codebook, may_be_one=True)
                if value is not None:
                    return value
    if noun.lower_ in codebook.vague_numbers and noun.lower_ not in SINGULAR_DETERMINERS:
        return codebook.vague_numbers[noun.lower_], True
    if may_be_one and _is_one_person(noun):
        return 1, False
    return None


def _is_count_word(child: Token) -> bool:
    """A number counting the noun (not an age after a name: "Sheikh Hirsi, 41,")."""
    return child.dep_ in ("nummod", "quantmod") or (
        child.like_num and child.dep_ not in ("prep", "appos", "npadvmod", "conj")
    )


def _is_animal(noun: Token) -> bool:
    """"100 camels", "10 cattle heads": animals killed are not fatalities."""
    lemma = noun.lemma_.lower()
    if lemma in ANIMAL_NOUNS:
        return True
    return lemma == "head" and any(c.lemma_.lower() in ANIMAL_NOUNS for c in noun.children)


def _is_one_person(noun: Token) -> bool:
    """"a soldier", "the Chief", "Zacchaeus Okoth", "Raja Shoaib, nephew of ...", "him";
    anyone killed who is named with "a" ("killed an adivasi"; not "a string of officials")."""
    if noun.tag_ in ("NN", "NNP") and noun.lemma_.lower() in PERSON_NOUNS:
        return True
    if noun.tag_ == "NNP":
        return noun.ent_type_ == "PERSON" or any(
            c.dep_ == "appos" and c.lemma_.lower() in PERSON_NOUNS for c in noun.children
        )
    if noun.tag_ == "PRP":
        return noun.lower_ in PERSON_PRONOUNS
    return (
        _is_killing_verb(noun.head)
        and noun.dep_ in ("dobj", "nsubjpass")
        and noun.lemma_.lower() not in COLLECTIVE_NOUNS
        and any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in noun.children)
        and not any(c.dep_ == "prep" and c.lower_ == "of" for c in noun.children)
    )


def _is_killing_verb(verb: Token) -> bool:
    """"killed", "stoned ... to death", "shot dead", "gunned down"."""
    if verb.lemma_.lower() in KILL_LEMMAS:
        return True
    return any(
        (c.lower_ == "dead" and c.dep_ in ("acomp", "oprd", "advmod"))
        or (c.dep_ == "prt" and c.lower_ == "down")
        or (c.lower_ == "to" and any(g.lemma_ == "death" for g in c.children))
        for c in verb.children
    )


def _number(token: Token, codebook: Codebook) -> tuple[int, bool] | None:
    value = _parse_number(token, codebook)
    if value is None:
        return None
    text = token.lower_
    is_vague = text in codebook.vague_numbers and text not in NUMBER_WORDS and (
        text not in SINGULAR_DETERMINERS
    )
    return value, is_vague


def _parse_number(token: Token, codebook: Codebook) -> int | None:
    value = _stated_number(token)
    if value is None and token.lower_ in codebook.vague_numbers:
        return codebook.vague_numbers[token.lower_]
    return value


def _stated_number(token: Token) -> int | None:
    """Digits or number words ("25", "twenty-five", "two hundred"); a range's lower end."""
    text = token.lower_.replace(",", "")
    if text.isdigit():
        value = int(text)
        ends = [int(c.text) for c in token.children if c.text.isdigit()]  # "18-50"
        value = min([value, *ends])
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
        if all(p.isdigit() for p in parts if p):  # "5-7": a range, its lower end
            return min(int(p) for p in parts if p)
    return None


def _place_count(token: Token) -> int:
    """How many places the toll of a fatality word spans, from a place list in its own
    clause ("killed in Sangin district and Lashkargah city, Helmand" = 2; the province
    after a comma is not a place of its own)."""
    clause = _clause_of(token)
    for prep in clause.subtree:
        if prep.dep_ != "prep" or prep.lower_ not in PLACE_LIST_PREPOSITIONS:
            continue
        if not _is_in_clause(prep, clause):
            continue
        objects = _children(prep, "pobj")
        if not objects:
            continue
        head = objects[0]
        of = [p for c in _children(head, "prep") if c.lower_ == "of" for p in _children(c, "pobj")]
        if head.lower_ not in PLACE_NOUNS | PLACE_PLURALS and head.pos_ != "PROPN" and of:
            head = of[0]  # "in the limits of Tarinkot city, ..."
        words = list(head.subtree)
        if any(t.ent_type_ in ("DATE", "TIME") for t in words):
            continue
        names_places = all(t.ent_type_ in PLACE_ENTITIES for t in words if t.pos_ == "PROPN")
        text = head.doc[words[0].i:words[-1].i + 1].text
        count = _count_places(text, bare_names_are_places=names_places)
        if count > 1:
            return count
    return 1


def _day_count(token: Token) -> int:
    """How many days the toll of a fatality word spans ("killed over two days" = 2)."""
    clause = _clause_of(token)
    for prep in clause.subtree:
        if prep.dep_ != "prep" or not _is_in_clause(prep, clause):
            continue
        for days in _children(prep, "pobj"):
            if days.lemma_.lower() != "day":
                continue
            numbers = [_stated_number(c) or 0 for c in _children(days, "nummod")]
            if numbers and numbers[0] > 1:
                return numbers[0]
    return 1


def _clause_of(token: Token) -> Token:
    """The verb whose clause a fatality word belongs to (the word itself if a verb)."""
    if token.pos_ in ("VERB", "AUX"):
        return token
    return next((a for a in token.ancestors if a.pos_ in ("VERB", "AUX")), token)


def _is_in_clause(token: Token, clause: Token) -> bool:
    """``token`` hangs from ``clause`` without passing through another finite clause."""
    node = token
    while node.i != clause.i:
        if node.dep_ in ("advcl", "relcl", "ccomp", "acl", "parataxis"):
            return False
        node = node.head
    return True


PLACE_ENTITIES = frozenset({"GPE", "LOC", "FAC"})


def _count_places(text: str, *, bare_names_are_places: bool) -> int:
    """Places in a list like "Kot, Khogyani, and Dih Bala districts, Nangarhar" (3).

    An item ending in a place noun is one place; a plural place noun ("districts") closes
    a group of names. After a place and a comma comes the region that holds it ("...,
    Helmand", "..., Turkana County"), not another place: a bare name followed by a comma
    or the end, or a place noun with no "and" later in the list. Names joined by "and"
    with no place noun are places of their own ("in Nairobi and Mombasa") when the parser
    tagged them all as places. Anything else is not a list of places (1).
    """
    text = PARENTHESES_RE.sub("", text)
    parts = PLACE_ITEM_SPLIT_RE.split(text)
    items, separators = parts[0::2], [*parts[1::2], ""]
    count, pending, after_place, has_and = 0, 0, False, False
    for n, (item, separator) in enumerate(zip(items, separators, strict=True)):
        words = item.split()
        if not words or not (words[0][:1].isupper() or words[0] == "the"):
            return 1
        last = words[-1].lower()
        follows_place = after_place and separators[n - 1].strip() == ","
        and_follows = any("and" in sep or "&" in sep for sep in separators[n:])
        if last in PLACE_PLURALS:
            count, pending, after_place = count + pending + 1, 0, True
        elif last in PLACE_NOUNS:
            count += 0 if follows_place and not and_follows else 1  # "..., Turkana County"
            after_place = True
        elif not words[-1][:1].isupper():
            return 1  # "ODM supporters": not a place
        elif after_place and separator.strip() in (",", ", and", ""):
            after_place = False  # "..., Helmand": the province
        else:
            pending += 1
            after_place = False
        has_and = has_and or "and" in separator or "&" in separator
    if count == 0 and has_and and bare_names_are_places:
        count = pending
    return max(count, 1)
