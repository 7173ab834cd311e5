"""How many a victim noun counts: ACLED's fatality rules for one noun phrase.

Needs: a token the death toll names as its victims (``fatalities`` finds them) and the
codebook (vague numbers). Adds: the number the phrase names (digits, number words, the
lower end of a range, a vague word's estimate: "dozens" = 12), or one for a person named
("a soldier", "Zacchaeus Okoth", "him", a headline's "Mob lynches suspect"), or none for
animals ("100 camels") and no one ("killed nobody"); and the word lists the rules share
(people, groups, animals, the verbs of killing and dying).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sitrep.claims import NO_DETERMINERS, NO_ONE_WORDS
from sitrep.fatality_numbers import NUMBER_WORDS, stated_number

if TYPE_CHECKING:
    from spacy.tokens import Token

    from sitrep.codebook import Codebook

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
     "cleaner", "cook", "tailor", "carpenter", "mechanic", "conductor", "student leader",
     "detective", "reservist", "infiltrator", "passerby", "bystander", "superintendent",
     "director", "manager", "coordinator", "commissioner", "chairperson", "perpetrator",
     "editor", "clerk", "surveyor", "accountant", "cashier", "technician", "treasurer",
     "organiser", "organizer", "headteacher", "warder", "herdsboy", "hunter", "aspirant",
     "mp", "appointee", "extortionist", "staffer", "nominee", "delegate", "voter",
     "assistant", "representative", "companion", "colleague", "accomplice", "associate",
     "comrade", "friend", "rival", "blogger", "writer", "author", "poet", "artist",
     "musician", "professor", "scholar", "attorney", "ruler", "sympathiser",
     "sympathizer", "national", "tribesman", "kinsman", "pastoralist", "convict",
     "passer-by", "footballer", "athlete", "mla", "mna", "mca", "presenter", "panelist",
     "panellist"}
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



KIN_POSSESSIVES = frozenset({"his", "her"})



KILL_LEMMAS = frozenset({"kill", "slay", "behead", "execute", "massacre", "murder", "lynch"})



DIE_LEMMAS = frozenset({"die", "lose", "succumb"})



TOTAL_NOUNS = frozenset({"total", "toll"})



def _is_fatally_done(verb: Token) -> bool:
    """"police fatally shot a man", "was fatally stabbed": the act killed its victim."""
    return verb.pos_ == "VERB" and any(
        c.dep_ == "advmod" and c.lower_ == "fatally" for c in verb.children)



def _children(token: Token, *deps: str) -> list[Token]:
    return [c for c in token.children if c.dep_ in deps]



def has_kin_possessive(noun: Token) -> bool:
    """"his driver", "her brother": someone of another person's, so a person of their own."""
    return any(c.dep_ == "poss" and c.lower_ in KIN_POSSESSIVES for c in noun.children)


def _count_all(victims: list[Token], codebook: Codebook) -> int:
    counts = [_count_of(v, codebook, may_be_one=True) for v in victims]
    return sum(c[0] for c in counts if c is not None)



def _is_people(noun: Token) -> bool:
    """People by their word or name; "others" with a number ("an official and two others")."""
    return noun.pos_ == "PROPN" or noun.lemma_.lower() in PEOPLE_NOUNS or (
        noun.lower_ == "others" and any(_is_count_word(c) for c in noun.children))



def _has_determiner(noun: Token) -> bool:
    return any(c.dep_ in ("det", "poss", "nummod") for c in noun.children)



def _count_of(noun: Token, codebook: Codebook, *, may_be_one: bool) -> tuple[int, bool] | None:
    """The number a noun phrase names (digits, number words, vague words; the lowest of a
    range) and whether it is an estimate from a vague word. ``may_be_one``: the noun names
    victims, so one person ("a soldier", a named person) is 1; not for words of death
    themselves ("the toll", "dead")."""
    if _is_animal(noun) or noun.lower_ in NO_ONE_WORDS or any(
        c.dep_ == "det" and c.lower_ in NO_DETERMINERS for c in noun.children
    ):
        return None  # "no one was killed", "killed nobody"
    if noun.like_num:
        return _number(noun, codebook)
    numbers = [value for child in _count_words(noun)
               if (value := _number(child, codebook)) is not None]
    if numbers:
        return min(numbers)  # "18-50 people", "5-7 policemen": the lower end
    if (noun.lower_ == "both" and noun.tag_ == "DT") or any(
        c.dep_ in ("det", "predet") and c.lower_ == "both" and c.tag_ == "DT"
        for c in noun.children
    ):  # "both men were killed", "killed both" (not "both local and foreign fighters")
        return 2, False
    for child in noun.children:
        if child.dep_ == "amod" and child.lower_ in codebook.vague_numbers:
            return codebook.vague_numbers[child.lower_], True
        if child.dep_ == "prep" and child.lower_ == "of" and noun.lower_ in codebook.vague_numbers:
            return codebook.vague_numbers[noun.lower_], True
        if child.dep_ == "prep" and child.lower_ == "of" and noun.lemma_.lower() in (
            COLLECTIVE_NOUNS
        ):  # "a family of 4 were killed"
            numbers = [value for pobj in _children(child, "pobj") if pobj.like_num
                       and (value := _number(pobj, codebook)) is not None]
            if numbers:
                return numbers[0]
        if child.dep_ == "prep" and child.lower_ in ("to", "of") and noun.lemma_ in TOTAL_NOUNS:
            for pobj in child.children:  # "the toll rose to 12", "a total of 100 people"
                value = _number(pobj, codebook) or _count_of(pobj, codebook, may_be_one=True)
                if value is not None:
                    return value
    if noun.lower_ in codebook.vague_numbers and noun.lower_ not in SINGULAR_DETERMINERS:
        return codebook.vague_numbers[noun.lower_], True
    if may_be_one and (_is_one_person(noun) or _is_headline_victim(noun)):
        return 1, False
    if noun.lower_ == "another" and noun.dep_ in ("nsubj", "nsubjpass"):
        return 1, False  # "two were killed while another died": one more
    if _is_found_body(noun):
        return 1, False
    return None



def _count_words(noun: Token) -> list[Token]:
    """The numbers that count a noun: its own, and those the parser hung on a modifier
    before it ("Two cattle thieves": "Two" on "cattle"; "Four suspected militants": "Four"
    on "suspected"; "four People's Liberation Army militants": "three" on the name), or on
    the verb when the number opens the sentence ("6 TTP and foreign militants were
    killed": "6" read as a heading of the verb)."""
    words = [c for c in noun.children if _is_count_word(c)]
    first = noun.left_edge
    if not words and first.i == noun.sent.start + 1 and noun.dep_ in ("nsubj", "nsubjpass"):
        number = noun.doc[first.i - 1]
        if number.like_num and number.head.i == noun.head.i and number.dep_ in (
            "meta", "npadvmod", "nummod"
        ):
            words.append(number)
    if not words and first.i >= 2:
        words += _count_before_suspected(noun.doc[first.i - 1])
    modifiers = [c for c in noun.children if c.i < noun.i and _is_name_modifier(c)]
    while modifiers:
        child = modifiers.pop()
        words += [g for g in child.children if g.i < child.i and g.like_num]
        modifiers += [g for g in child.children if g.i < child.i and g.dep_ in (
            "compound", "poss") and _is_name_modifier(g)]
    return words



SUSPICION_WORDS = frozenset({"suspected", "alleged"})


def _count_before_suspected(word: Token) -> list[Token]:
    """"21 suspected TTP and LeI militants were killed": the parser took "suspected" for
    the sentence's verb, with the number as its subject or heading, and the people as the
    subject of a clause below it; the number still counts them."""
    if word.lower_ not in SUSPICION_WORDS or word.pos_ != "VERB":
        return []
    number = word.doc[word.i - 1]
    if number.like_num and number.head.i == word.i and number.dep_ in (
        "nsubj", "npadvmod", "nummod", "meta"
    ):
        return [number]
    return []



def _is_name_modifier(child: Token) -> bool:
    """A word of the name before the counted noun ("Two Kenya Defence Forces soldiers":
    "Forces", which the parser may take for a noun modifier)."""
    return child.dep_ in ("compound", "amod") or (
        child.dep_ == "poss" and child.ent_type_ in ("ORG", "NORP")) or (
        child.dep_ == "nmod" and child.pos_ == "PROPN")



FOUND_LEMMAS = frozenset({"find", "discover", "recover", "dump", "retrieve", "exhume"})



def _is_news_of_bodies_found(noun: Token) -> bool:
    """"Three bodies were found in a forest", "18 bodies found after the clashes": the news
    is the dead, no cause of anything (not in a clause of the act's: "rioted when people
    discovered a body")."""
    if noun.lemma_.lower() not in ("body", "bodies") or any(
        a.dep_ in ("advcl", "relcl", "acl", "xcomp") for a in noun.ancestors
    ):
        return False
    if noun.dep_ in ("nsubjpass", "dobj") and noun.head.lemma_.lower() in FOUND_LEMMAS:
        return True
    return any(c.dep_ == "acl" and c.lemma_.lower() in FOUND_LEMMAS for c in noun.children)



def _is_found_body(noun: Token) -> bool:
    """"A body has been found in a pit latrine", "the body was recovered": one dead (not "a
    body representing traders", "the body of evidence")."""
    return (
        noun.tag_ == "NN" and noun.lemma_.lower() == "body"
        and noun.dep_ in ("nsubjpass", "dobj") and noun.head.lemma_.lower() in FOUND_LEMMAS
        and not any(c.dep_ == "prep" and c.lower_ == "of" for c in noun.children)
    )



def _is_headline_victim(noun: Token) -> bool:
    """"Mob lynches suspected criminal", "Police kill robber": a headline's singular
    object of a killing verb, with no determiner, is one person (also a person's word the
    tagger took for an adjective: "kills civilian")."""
    verb = noun.head
    # ... and a headline passive's subject, its auxiliary left out ("ODM representative
    # killed at his home")
    is_headline_subject = noun.dep_ == "nsubj" and noun.tag_ == "NN" and (
        verb.tag_ in ("VBD", "VBN") and not _children(verb, "dobj", "aux", "auxpass")
        and noun.lemma_.lower() not in GROUP_NOUNS)
    return (
        (noun.tag_ == "NN" or (noun.tag_ == "JJ" and noun.lemma_.lower() in PERSON_NOUNS))
        and (noun.dep_ == "dobj" or is_headline_subject) and _is_killing_verb(verb)
        and noun.lemma_.lower() not in COLLECTIVE_NOUNS
        and not any(c.dep_ in ("det", "poss", "nummod") for c in noun.children)
        and noun.ent_type_ == ""
    )



# words a number after them names a level, not people: "a grade four pupil"
LEVEL_NOUNS = frozenset({"grade", "class", "standard", "form"})



def _is_count_word(child: Token) -> bool:
    """A number counting the noun (not an age after a name: "Sheikh Hirsi, 41,"; not a
    level: "a grade four pupil")."""
    if child.i > 0 and child.doc[child.i - 1].lower_ in LEVEL_NOUNS:
        return False
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
    if noun.tag_ == "NNP" and (noun.ent_type_ == "PERSON" or any(
        c.dep_ == "appos" and (c.lemma_.lower() in PERSON_NOUNS or _is_age(c) or (
            c.tag_ == "NNP" and _is_one_person(c)))
        for c in noun.children
    )):  # also a person named in apposition to a place before them, or with an age
        return True
    if noun.tag_ in ("NN", "UH") and noun.is_title and (noun.ent_type_ == "PERSON" or any(
        c.dep_ == "appos" and c.lemma_.lower() in PERSON_NOUNS for c in noun.children
    )):  # a name the tagger took for another word ("Mizanur, secretary of ..., was killed")
        return True
    if noun.tag_ == "NNP" and noun.dep_ == "nsubj" and noun.head.lemma_.lower() in (
        DIE_LEMMAS
    ) and not _children(noun, "compound"):
        # "Sohag succumbed to his injuries": who dies by a one-word name is a person
        return True
    if noun.tag_ == "PRP":
        return noun.lower_ in PERSON_PRONOUNS
    if noun.lower_ == "personnel" and _children(noun, "det") and all(
        d.lower_ in ("a", "an") for d in _children(noun, "det")
    ):
        return True  # "a CRPF personnel", "A Levies personnel": one member of the force
    if noun.lower_ == "head" and noun.dep_ in ("dobj", "nsubjpass") and any(
        c.dep_ == "prep" and c.lower_ == "of" for c in noun.children
    ):
        return True  # "killed the head of an immunisation programme": who leads it
    if noun.tag_ in ("NN", "NNP") and any(
        _is_people(p) and has_kin_possessive(p)
        for p in (*noun.conjuncts, *(s for s in noun.head.children if s.dep_ == noun.dep_
                                      and s.i > noun.i and noun.dep_ in ("nsubjpass", "dobj")
                                      and _children(noun, "cc")))
    ):  # "The DSP of the jail, and his brother were shot dead": whose brother is a person
        # (not "the eyewitness, her driver, was gunned down": one person named twice)
        return True
    # "a Kenyan", "a District Superintendent", "a major of the Ghana Armed Forces" (not "a
    # string of officials", "a busload of pilgrims": a quantity of people)
    verb = noun.head
    # "a biker died", "a Kenyan is dead"
    dies = noun.dep_ == "nsubj" and (verb.lemma_.lower() in DIE_LEMMAS or any(
        c.dep_ == "acomp" and c.lower_ == "dead" for c in verb.children))
    return (
        (dies or _is_killing_verb(verb) or any(_is_killing_verb(c) for c in verb.conjuncts))
        and noun.dep_ in ("dobj", "nsubjpass", *(("nsubj",) if dies else ()))
        and noun.lemma_.lower() not in COLLECTIVE_NOUNS
        and any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in (*noun.children, (
            noun.left_edge)))  # "A National Land Commission (NLC) Surveyor"
        and not any(g.tag_ == "NNS" for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"
                    for g in c.children if g.dep_ == "pobj")
    )



def _is_age(token: Token) -> bool:
    """"Jashim alias Lalu, 30, was killed by a mob": a number set after a name is its age."""
    value = stated_number(token) if token.like_num else None
    return value is not None and 0 < value < 120 and token.dep_ == "appos"



def _is_killing_verb(verb: Token) -> bool:
    """"killed", "stoned ... to death", "shot dead", "gunned down"."""
    if verb.lemma_.lower() in KILL_LEMMAS or _is_fatally_done(verb):
        return True
    return any(
        (c.lower_ == "dead" and c.dep_ in ("acomp", "oprd", "advmod", "advcl"))
        or (c.dep_ == "prt" and c.lower_ == "down")
        or (c.lower_ == "to" and any(g.lemma_ == "death" for g in c.children))
        # "shoot dead director of an NGO" (parsed "a dead director"; not "dumped dead fish")
        or (c.dep_ == "dobj" and verb.lemma_.lower() == "shoot" and any(
            g.lower_ == "dead" and g.dep_ == "amod" and g.i == verb.i + 1 for g in c.children))
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
    value = stated_number(token)
    if value is None and token.lower_ in codebook.vague_numbers:
        return codebook.vague_numbers[token.lower_]
    return value


def bare_numbers_after(verb: Token) -> list[Token]:
    """A bare number as a verb's object, which the parser may hang on the verb as a
    modifier ("attacks herders and kills 5", "intervened shooting dead 3 and injuring
    four others")."""
    return [c for c in verb.children if c.i > verb.i and c.like_num and c.dep_ in (
        "nummod", "npadvmod") and _ends_phrase(c)]


def _ends_phrase(number: Token) -> bool:
    """Nothing the number counts follows it ("kills 4", "killing 3 and", "kills 4 in"),
    as in "Two killed, ten injured" it counts the injured."""
    following = number.doc[number.i + 1] if number.i + 1 < len(number.doc) else None
    return following is None or following.is_punct or following.pos_ in ("CCONJ", "ADP")


def is_person_word(token: Token) -> bool:
    """A word for people, a person's name, a pronoun, or someone suspected or accused of
    something ("a suspected pickpocket", "an alleged robber")."""
    return (
        token.lemma_.lower() in PEOPLE_NOUNS or token.lower_ in ("him", "her", "them")
        or token.ent_type_ in ("PERSON", "NORP")
        or token.tag_ == "NNPS" and not token.ent_type_  # "attacked Dalits"
        # "lynched a 14 year old"
        or token.lower_ == "old" and any(c.lemma_.lower() == "year" for c in token.children)
        or token.pos_ == "NUM" and token.dep_ in ("dobj", "nsubjpass")  # "killed two"
        and not any(c.dep_ == "prep" for c in token.children)  # not "two of the attackers"
        or any(c.dep_ == "amod" and c.lower_ in ("suspected", "alleged", "accused")
               for c in token.children)
    )
