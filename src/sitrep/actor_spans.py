"""Whether a dictionary match in a report names an actor at all: not a people's name used
for their home area ("in Turkana", "north of Pokot"), a news agency credited in a dateline
("(ANA) -"), an abbreviation that stands for another name, a police station named only as
a place ("under Boalia Police Station"), a word that modifies a thing ("a passenger bus",
"government offices") or a generic word that is no noun for people ("the officer in
charge"), unless it is an adjective for the state's forces on an act only they carry out
("Afghan military airstrikes": the forces who struck).

``actors.extract_actors`` asks these of each match.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

    from sitrep.records import Actor

LOCATIVE_PREPOSITIONS = frozenset(
    {"in", "at", "near", "from", "to", "into", "around", "outside", "inside", "across",
     "within", "towards", "toward"}
)
AREA_NOUNS = frozenset(
    {"county", "district", "town", "village", "area", "region", "province", "constituency",
     "sub-county", "ward", "municipality", "division", "location", "state", "road"}
)

DASHES = frozenset({"-", "–", "—", "--"})


def _is_agency_credit(span: Span) -> bool:
    """A name in brackets between a date and a dash: the agency credited in a dateline
    ("NAIROBI, June 3 (ANA) - ..."), whatever group shares its abbreviation; or a byline's
    agency ("ANA Reporter DURBAN, ...")."""
    doc = span.doc
    if span.end < len(doc) and doc[span.end].lower_ in BYLINE_WORDS:
        return True
    if span.start < 2 or span.end + 1 >= len(doc):
        return False
    return (doc[span.start - 1].text == "(" and doc[span.start - 2].ent_type_ == "DATE"
            and doc[span.end].text == ")" and doc[span.end + 1].text in DASHES)


def _abbreviates_other_name(span: Span, actors: list[Actor], *, group: str | None = None) -> bool:
    """An abbreviation in brackets after the name it abbreviates, a name that is no actor
    mention ("African News Agency (ANA)"): it names what those words name, not the kind of
    actor that shares its letters; not "the Afghan National Army (ANA)". For a named group's
    abbreviation, ``group`` is its name: words that share a word with it, the group's own
    name in a spelling the dictionary may lack ("Garo National Liberation Army (GNLA)"),
    keep it the group; words that share none ("Sarva Shiksha Abhiyan (SSA)", a schools
    programme, not the Shan State Army) do not."""
    doc = span.doc
    letters = span.text.replace(".", "")
    if not (letters.isupper() and 1 < len(letters) <= ABBREVIATION_MAX
            and span.start >= 2 and span.end < len(doc)
            and doc[span.start - 1].text == "(" and doc[span.end].text == ")"):
        return False
    words = [t for t in doc[max(0, span.start - 1 - 2 * len(letters)):span.start - 1]
             if not t.is_punct]
    initials = "".join(t.text[0] for t in words if t.text[:1].isupper())
    if not initials.endswith(letters) or not all(
        t.text[:1].isupper() or t.lower_ in NAME_LINK_WORDS for t in words[-len(letters):]
    ):
        return False
    if group is not None and _shares_a_word(words[-len(letters):], group):
        return False
    return not (actors and actors[-1].end > words[-len(letters)].idx)


def _shares_a_word(words: list[Token], name: str) -> bool:
    """A word of the name other than a linking word is among the words ("United Liberation
    Front of Assam" and "ULFA: United Liberation Front of Asom" share "United")."""
    own = {w.strip(":,()").lower() for w in name.split()} - NAME_LINK_WORDS
    return any(t.lower_ in own for t in words)


ABBREVIATION_MAX = 8
NAME_LINK_WORDS = frozenset({"of", "for", "and", "the", "de", "&"})


# the word after an agency's name in a byline ("ANA Reporter", "AFP Correspondent")
BYLINE_WORDS = frozenset({"reporter", "correspondent"})


def _is_place_use(span: Span) -> bool:
    """A people's name used for its home area: "in Turkana", "Turkana County", "North
    Gonja", "Samburu North"."""
    root = span.root
    if root.dep_ == "pobj" and root.head.lower_ in LOCATIVE_PREPOSITIONS:
        return True
    if root.dep_ in ("appos", "npadvmod") and (
        root.head.lower_ in COMPASS_WORDS or root.head.lower_ in AREA_NOUNS
        or root.head.ent_type_ in ("GPE", "LOC")
    ):
        return True  # "near Baragoi town (Samburu North, Samburu)": the county
    following = span.doc[span.end] if span.end < len(span.doc) else None
    if following is not None and (following.lower_ in AREA_NOUNS or (
        following.is_title and following.lower_ in COMPASS_WORDS  # "Samburu North"
    )):
        return True
    previous = span.doc[span.start - 1] if span.start > 0 else None
    # "North Gonja", "Upper Denkyira": a district named for the people
    return previous is not None and previous.is_title and previous.lower_ in COMPASS_WORDS


def _is_town_name(span: Span) -> bool:
    """A generic actor word written as a name where a place goes: "a rally staged in Tank"
    (the Pakistani town, not a tank); one capitalised word, no article, not opening the
    sentence, after "in" or "near"."""
    token = span[0]
    return (len(span) == 1 and token.is_title and token.pos_ == "PROPN"
            and token.i != token.sent.start and not any(c.dep_ == "det" for c in token.children)
            and is_placed_by(token, preps=TOWN_PREPOSITIONS))


TOWN_PREPOSITIONS = frozenset({"in", "near"})  # not "handed over to Police"


BARE_OFFICER_WORDS = frozenset({"officer", "officers"})
CIVIL_OFFICE_WORDS = frozenset(
    {"clinical", "medical", "health", "revenue", "election", "electoral", "returning",
     "presiding", "polling", "agricultural", "extension", "education", "information",
     "probation", "welfare", "loan", "bank", "finance", "marketing", "veterinary", "tax"}
)
NON_COMBATANT_NOUNS = frozenset(
    {"woman", "women", "boy", "boys", "girl", "girls", "child", "children", "baby", "babies",
     "family", "families", "pupils", "schoolchildren", "students", "mourners", "worshippers"}
)
COMPASS_WORDS = frozenset(
    {"north", "south", "east", "west", "upper", "lower", "central", "northern", "southern",
     "eastern", "western"}
)


# a rank or post a force's officer holds, said before the officer's name ("Deputy
# Superintendent Bahadur Khan", "Sub-Inspector Mehedi Hasan"; not "Dhanmondi Police
# Station Md Masum", a place)
RANK_WORDS = frozenset(
    {"superintendent", "inspector", "sub-inspector", "constable", "sergeant", "corporal",
     "captain", "colonel", "major", "lieutenant", "commander", "brigadier", "general",
     "officer", "commandant", "commissioner", "dsp", "asp", "sp", "sho", "subedar",
     "havildar", "naik", "sepoy", "jawan", "ranger", "trooper", "reservist", "soldier",
     "policeman", "cop"}
)


def _is_actor_noun(span: Span, *, name_end_counts: bool = True,
                   rank_counts: bool = False) -> bool:
    """Generic words count only as nouns ("forces" yes; "forces" as a verb no), and not as
    part of a name ("Government Science Secondary School", "Police Hospital"); with
    ``rank_counts``, a rank before a person's name counts ("Deputy Superintendent Bahadur
    Khan": an officer of the force)."""
    root = span.root
    if not _is_noun(root) and len(span) > 1 and _is_noun(span[-1]):
        root = span[-1]  # "Unidentified gunmen attack": both words hang on the verb
    if _is_forces_act(root):
        return True
    if not _is_noun(root):
        return False
    if len(span) == 1 and root.lower_ in BARE_OFFICER_WORDS and any(
        c.dep_ in ("compound", "amod") and c.lower_ in CIVIL_OFFICE_WORDS for c in root.children
    ):
        return False  # "clinical officers", "election officers": staff, not the police
    if span[0].is_title and root.dep_ == "compound" and root.head.pos_ == "PROPN":
        return rank_counts and root.lower_ in RANK_WORDS and root.head.ent_type_ == "PERSON"
    # inside a longer name it names a thing ("Police Hospital", "Government Science
    # Secondary School"), unless it ends an organisation's name: "GSU Police", "Ghanaian
    # Armed Forces" (a ministry, "the Defence Ministry", speaks for the state: no actor)
    return not any(
        e.label_ in ("ORG", "FAC", "WORK_OF_ART", "EVENT", "LAW")
        and e.start <= span.start and span.end <= e.end and len(e) > len(span)
        and not (name_end_counts and e.label_ == "ORG" and span.end == e.end)
        for e in span.doc.ents
    )


# where a station named for its place locates an act rather than names a side: "under"
# (South Asia's police-station jurisdictions, "Boalia Police Station"), "in front of"
LOCATING_PREPS = frozenset({"under", "near", "behind", "opposite"})


def _is_named_station_as_place(span: Span) -> bool:
    """A police station named for its place ("Jatrabari Police Station") that only says
    where an act happened: the object of "under" (a jurisdiction), "in front of" or
    "near"; not "attacked the Jatrabari Police Station", nor a blast "outside" a station,
    which may be aimed at it."""
    root = span[-1]
    if root.lower_ != "station":
        return False
    is_named = any(c.dep_ == "compound" and c.pos_ == "PROPN"
                   for c in (*root.children, *span[0].children)) or (
        span.start > 0 and span.doc[span.start - 1].pos_ == "PROPN")
    return is_named and is_placed_by(root, preps=LOCATING_PREPS)


def is_placed_by(word: Token, *, preps: frozenset[str]) -> bool:
    """The word is the object of one of the prepositions, or of "in front of": a place
    that only says where something happened ("under Boalia Police Station", "near the
    court", "in front of the police station")."""
    if word.dep_ != "pobj":
        return False
    prep = word.head
    return prep.lower_ in preps or (prep.lower_ == "of" and prep.head.lower_ == "front")


# vehicles and buildings named for the people they carry or house ("a passenger bus",
# "a student hostel"): what is hit is the thing
PEOPLES_THINGS = frozenset(
    {"bus", "train", "vehicle", "van", "coach", "ferry", "boat", "launch", "car", "jeep",
     "minibus", "truck", "lorry", "bogie", "compartment", "hostel", "dormitory", "quarters"}
)


# what a government owns ("government offices", "a government school")
PUBLIC_THINGS = frozenset(
    {"office", "building", "property", "school", "hospital", "facility", "installation",
     "land", "house", "residence", "godown", "warehouse", "store", "depot"}
)


def _modifies_a_thing(span: Span, *, things: frozenset[str] = PEOPLES_THINGS) -> bool:
    """A people word used as the modifier of a vehicle or building ("passenger bus")."""
    root = span[-1]
    return root.dep_ == "compound" and root.head.lemma_.lower() in things


# acts of a state's forces an adjective for them can name the doer of: "killed by Afghan
# military airstrikes", "a military operation in Rangamati"
FORCES_ACT_NOUNS = frozenset({"airstrike", "strike", "operation", "offensive", "raid", "shelling",
                              "bombardment", "crackdown"})
FORCES_ADJECTIVES = frozenset({"military"})


def _is_forces_act(token: Token) -> bool:
    """An adjective for the state's forces on an act only they carry out ("Afghan military
    airstrikes"): the forces who did it."""
    return (token.lower_ in FORCES_ADJECTIVES and token.dep_ in ("amod", "compound")
            and token.head.lemma_.lower() in FORCES_ACT_NOUNS)


def _is_noun(token: Token) -> bool:
    return token.pos_ in ("NOUN", "PROPN") or token.tag_.startswith("NN")
