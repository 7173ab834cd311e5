"""Actors: spaCy Doc -> Actor mentions normalised to the actor dictionary.

Needs: the parse. Adds: Actor mentions with ACLED-style names and inter codes.

The dictionary (``data/actors.yaml``) holds named groups with aliases, generic nouns
("troops", "gunmen", "protesters") named per country, and national words ("Afghan",
"U.S."). A generic name keeps the placeholder ``{country}`` when no national word sits
next to it; the events stage fills it from where the event happened, and
``name_actor`` turns a state's forces abroad into External/Other forces.

A generic noun joined to a named group takes the group's name ("Taliban fighters",
"fighters from the Pokot tribe"), and a militia named by a people the dictionary does not
know gets ACLED's form of name ("Dasenaach ethnic militia" -> "Dasenaach Ethnic Militia").

A news agency credited in a dateline ("October 12 (ANA) -") is no actor, whatever group
shares its abbreviation; nor are the people a vehicle or building is named for ("a
passenger bus"), nor "government" naming the state's property ("government offices").
Aliases match with either apostrophe ("People's", "People\u2019s"). How the words around
a mention change its kind (herders who attack are a communal militia, a retired soldier a
civilian) is ``actor_kinds``; ACLED's inter codes and the generic names are
``actor_codes``.

Political parties (``party: true``) name no actor by themselves: who their names stand
for (their people, their militia, the state they govern) is ``actor_parties``. Whether a
match names an actor at all (not a place, an agency's credit, a thing's modifier) is
``actor_spans``.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, replace
from importlib import resources
from typing import TYPE_CHECKING, Any

import yaml

from sitrep.actor_codes import (
    CIVILIANS_NAME,
    COUNTRY_PLACEHOLDER,
    GOVERNMENT_PREFIX,
    INTER_CIVILIANS,
    INTER_EXTERNAL,
    INTER_IDENTITY,
    INTER_STATE,
    RIOTERS_NAME,
    UNIDENTIFIED_ARMED_GROUP,
    UNIDENTIFIED_ARMED_PREFIX,
    UNIDENTIFIED_ETHNIC_MILITIA,
)
from sitrep.actor_kinds import kind_in_context
from sitrep.actor_parties import (
    PEOPLE_INTERS,
    is_armed_sentence,
    joined_mention,
    party_mention_name,
    party_of,
    party_people,
)
from sitrep.actor_spans import (
    NON_COMBATANT_NOUNS,
    PEOPLES_THINGS,
    PUBLIC_THINGS,
    _abbreviates_other_name,
    _is_actor_noun,
    _is_agency_credit,
    _is_named_station_as_place,
    _is_place_use,
    _is_town_name,
    _modifies_a_thing,
)
from sitrep.records import Actor
from sitrep.rival_forces import with_rival_forces

if TYPE_CHECKING:
    from spacy.matcher import PhraseMatcher
    from spacy.tokens import Doc, Span
    from spacy.vocab import Vocab

_PLACEHOLDER_FORMS_RE = re.compile(r"\s*\(\{country\}\)|\s+of (?:the )?\{country\}|\{country\}")
HELD_PLACE_WORDS = frozenset(  # generic words for a post, named for whoever holds it
    {"check point", "check points", "checkpoint", "checkpoints", "outpost", "outposts",
     "convoy"}
)
HELD_BY_RE = re.compile(r"['’\"]?\s?")  # "Arbaki check point", "'Arbaki' check point"
ARMED_GENERIC_INTERS = frozenset({2, 3, 4})  # generic fighters who may belong to a group
# what ties fighters to their group: "fighters from the Pokot tribe", "gunmen belonging to
# the BNP", "gunmen linked to Al Shabaab", "gunmen with suspected links to Al Shabaab",
# "militants suspected to belong to Al Shabaab",
# "unknown gunmen, who may be part of the MRC", "an armed group believed to be MRC"
_WHO_MAY_BE = r",?\s+(?:(?:who|which)\s+(?:are|were|is|was|may|might|could)\s+(?:be\s+)?)?"
_TAKEN_FOR = (
    r"(?:believed|thought|suspected|said|alleged|reported)\s+to\s+(?:be\s+|belong\s+to\s+)"
    r"(?:(?:linked|affiliated|allied)\s+(?:to|with)\s+|part\s+of\s+|members\s+of\s+)?")
_TIED_TO = (
    r"(?:from|of|belonging\s+to|linked\s+(?:to|with)|affiliated\s+(?:to|with)|part\s+of"
    r"|with\s+(?:(?:suspected|alleged|known|close|reported)\s+)?(?:links|ties)\s+(?:to|with))"
    r"\s+")
_ARTICLE = r"(?:(?:the|a|an)\s+)?"
MEMBER_OF_RE = re.compile(_WHO_MAY_BE + "(?:" + _TAKEN_FOR + "|" + _TIED_TO + ")" + _ARTICLE,
                          re.IGNORECASE)
# ... and what people are taken for: "persons suspected to be land guards", "youths,
# believed to be members of the MRC"
SUSPECTED_TO_BE_RE = re.compile(_WHO_MAY_BE + _TAKEN_FOR + _ARTICLE, re.IGNORECASE)
SUSPECTED_GROUP_INTERS = frozenset({2, 3, 8})  # an armed group or force, not a people or the state
MILITIA_KINDS = {"ethnic": "Ethnic", "communal": "Communal", "clan": "Clan", "tribal": "Ethnic"}
_LED_RE = re.compile(r"^(?P<who>[\w.]+?)-(?:led|backed)$", re.IGNORECASE)


@dataclass(frozen=True)
class ActorEntry:
    """One dictionary entry: a named group or a generic kind of actor."""

    name: str
    inter: int
    is_generic: bool
    is_state: bool
    country: str | None = None  # a group's home country (its forces abroad are inter 8)
    is_party: bool = False  # a political party: its supporters are people, not the party
    militia: str | None = None  # ACLED's name for a party's militia ("BNP ... Militia")


@dataclass(frozen=True)
class CountryWords:
    code: str
    name: str
    has_article: bool


class ActorDictionary:
    """The actor dictionary with a phrase matcher over a spaCy vocabulary."""

    def __init__(self, data: Mapping[str, Any], *, vocab: Vocab | None = None) -> None:
        self.entries: dict[str, ActorEntry] = {}
        self.phrases: dict[str, str] = {}  # lower-case phrase -> entry name
        # ISO code -> the group ACLED names a country's unnamed insurgents after
        self.insurgents: dict[str, str] = {}
        for group in data.get("groups", []):
            entry = ActorEntry(
                name=group["name"],
                inter=int(group["inter"]),
                is_generic=False,
                is_state=int(group["inter"]) == INTER_STATE,
                country=group.get("country"),
                is_party=bool(group.get("party", False)),
                militia=group.get("militia"),
            )
            self.entries[entry.name] = entry
            if entry.militia:
                self.entries.setdefault(entry.militia, ActorEntry(
                    name=entry.militia, inter=entry.inter, is_generic=False, is_state=False))
            for alias in group.get("aliases", []):
                for form in _apostrophe_forms(str(alias).lower()):
                    self.phrases[form] = entry.name
            for code in group.get("insurgents_of", []):
                self.insurgents[str(code)] = entry.name
        for generic in data.get("generic", []):
            entry = ActorEntry(
                name=generic["name"],
                inter=int(generic["inter"]),
                is_generic=True,
                is_state=bool(generic.get("state", False)),
            )
            self.entries[entry.name] = entry
            words = [str(w).lower() for w in generic.get("words", [])]
            for word in words:
                self.phrases.setdefault(word, entry.name)
            if generic.get("any_number"):  # "a student" as well as "students"
                for word in words:
                    self.phrases.setdefault(other_number(word), entry.name)
        self.countries: dict[str, CountryWords] = {}
        self.national_words: dict[str, str] = {}  # lower-case word -> ISO code
        for code, info in data.get("countries", {}).items():
            self.countries[code] = CountryWords(code, info["name"], bool(info.get("the")))
            for word in info.get("words", []):
                self.national_words[str(word).lower()] = code
        self._matcher: PhraseMatcher | None = None
        if vocab is not None:
            self._matcher = self._build_matcher(vocab)

    @property
    def group_names(self) -> list[str]:
        """Aliases of named groups, for the annotate stage's entity ruler."""
        return [p for p, n in self.phrases.items() if not self.entries[n].is_generic]

    def _build_matcher(self, vocab: Vocab) -> PhraseMatcher:
        from spacy.lang.en import English
        from spacy.matcher import PhraseMatcher

        tokenizer = English().tokenizer
        matcher = PhraseMatcher(vocab, attr="LOWER")
        for phrase, name in self.phrases.items():
            matcher.add(name, [tokenizer(phrase)])
        return matcher

    def country_name(self, code: str | None) -> str | None:
        """ACLED's name for a country in actor names ("the United States", "Kenya")."""
        if code is None:
            return None
        info = self.countries.get(code)
        if info is None:
            import pycountry

            found = pycountry.countries.get(alpha_2=code)
            return getattr(found, "common_name", None) or getattr(found, "name", None)
        return f"the {info.name}" if info.has_article else info.name

    def name_actor(self, name: str, inter: int, *, country: str | None) -> tuple[str, int]:
        """The final ACLED name and inter of an actor for an event in ``country``.

        Fills ``{country}`` from the event's country (left in place while the country is
        unknown), and codes a state's forces outside their own country as External/Other
        forces (8).
        """
        if COUNTRY_PLACEHOLDER in name:
            if country is None:
                return name, inter
            filler = self.country_name(country) or country
            if "(" in name:  # "Civilians (Kenya)", not "Civilians (the Kenya)"
                filler = filler.removeprefix("the ")
            return name.replace(COUNTRY_PLACEHOLDER, filler), inter
        home = self.home_country(name)
        if inter == INTER_STATE and home is not None and country is not None and home != country:
            return name, INTER_EXTERNAL
        return name, inter

    def as_named_insurgents(self, actor: Actor | None, country: str | None) -> Actor | None:
        """Insurgents a report leaves unnamed ("militants", "separatists") in a country
        whose insurgency ACLED codes as one actor: that actor ("suspected insurgents
        detonated a bomb in Yala" -> "Southern Muslim Separatists (Thailand)"); gunmen and
        other armed men stay an unidentified armed group."""
        if actor is None or country not in self.insurgents or not (
            actor.name.startswith(UNIDENTIFIED_ARMED_PREFIX)
            and actor.text.lower().split()[-1] in INSURGENT_WORDS
        ):
            return actor
        entry = self.entries[self.insurgents[country]]
        return replace(actor, name=entry.name, inter=entry.inter)

    def home_country(self, name: str) -> str | None:
        """The country whose state an actor name belongs to ("... of Kenya" -> KE)."""
        entry = self.entries.get(name)
        if entry is not None and entry.country:
            return entry.country
        for code, info in self.countries.items():
            if name.endswith((" of " + info.name, " of the " + info.name)):
                return code
        return None

    def is_generic(self, name: str) -> bool:
        """True for names still waiting for a country ("Military Forces of {country}")."""
        return COUNTRY_PLACEHOLDER in name


APOSTROPHES = ("'", "\u2019")  # typewriter and typographic: news text uses either


def _apostrophe_forms(phrase: str) -> tuple[str, ...]:
    """The phrase as written and with its apostrophes in the other form ("People's
    Liberation Front" and "People\u2019s Liberation Front")."""
    forms = [phrase]
    for mark in APOSTROPHES:
        if mark in phrase:
            forms += [phrase.replace(mark, other) for other in APOSTROPHES if other != mark]
    return tuple(forms)


def other_number(phrase: str) -> str:
    """The phrase with its last word in the other grammatical number, by the regular
    English endings ("student" <-> "students", "businessman" <-> "businessmen", "family" <->
    "families"); a word with no other form ("people") comes back unchanged, as does "man":
    "men" in reports are as often the attackers ("men in uniform", "the Shibir men")."""
    head, _, last = phrase.rpartition(" ")
    if last in ("people", "children", "police", "staff", "public", "man"):
        other = last
    elif last.endswith("men"):
        other = last[:-3] + "man"
    elif last.endswith("man"):
        other = last[:-3] + "men"
    elif last.endswith("ies"):
        other = last[:-3] + "y"
    elif last.endswith("y") and last[-2:-1] not in tuple("aeiou"):
        other = last[:-1] + "ies"
    elif last.endswith(("ches", "shes", "sses", "xes")):
        other = last[:-2]
    elif last.endswith("s") and not last.endswith("ss"):
        other = last[:-1]
    elif last.endswith(("ch", "sh", "ss", "x")):
        other = last + "es"
    else:
        other = last + "s"
    return f"{head} {other}" if head else other


def is_same_actor(name: str | None, other: str | None) -> bool:
    """The same actor, a generic name fitting one with its country filled in ("Military
    Forces of {country}" and "Military Forces of Myanmar": a sentence that names no country
    speaks of the forces the report's other sentence named)."""
    if name is None or other is None:
        return False
    if name == other:
        return True
    for generic, filled in ((name, other), (other, name)):
        if COUNTRY_PLACEHOLDER in generic and COUNTRY_PLACEHOLDER not in filled:
            before, after = generic.split(COUNTRY_PLACEHOLDER, 1)
            return len(filled) > len(before) + len(after) and filled.startswith(before) and (
                filled.endswith(after))
    return False


def without_country(name: str) -> str:
    """A generic name for an event whose country the report never gives, with no template
    left in it: "Protesters ({country})" -> "Protesters", "Police Forces of {country}" ->
    "Police Forces". ACLED always knows the country; a report may not."""
    return _PLACEHOLDER_FORMS_RE.sub("", name).strip()


def load_actor_dictionary(*, vocab: Vocab | None = None) -> ActorDictionary:
    """The bundled actor dictionary (``sitrep/data/actors.yaml``)."""
    text = resources.files("sitrep").joinpath("data/actors.yaml").read_text("utf-8")
    return ActorDictionary(yaml.safe_load(text), vocab=vocab)


# bodies other than a state that have a president of their own
PRESIDED_BODIES = frozenset(
    {"union", "association", "league", "party", "club", "committee", "federation", "chamber",
     "society", "wing", "branch", "unit", "cooperative", "co-operative", "forum", "alliance",
     "organisation", "organization", "council", "student", "students", "guild", "body",
     "movement", "front", "bar", "church", "mosque", "temple", "board"})
HEAD_TITLES = frozenset({"president"})


def _heads_a_body(span: Span) -> bool:
    """A president a word for a body other than a state qualifies: "a union president", "the
    president of the Sabgram unit of the Jubo League"; not "President Kenyatta", "the
    Kenyan president", "the president of Kenya"."""
    root = span.root
    if len(span) != 1 or root.lower_ not in HEAD_TITLES:
        return False
    named = [c for c in root.children if c.dep_ in ("compound", "nmod", "poss")] + [
        o for p in root.children if p.dep_ == "prep" and p.lower_ == "of"
        for o in p.children if o.dep_ == "pobj"]
    return any(t.lemma_.lower() in PRESIDED_BODIES or t.lower_ in PRESIDED_BODIES for t in named)


def extract_actors(parsed: Doc, *, dictionary: ActorDictionary) -> tuple[Actor, ...]:
    """Find actor mentions; a national word beside a generic noun names its country."""
    from spacy.util import filter_spans

    if dictionary._matcher is None:
        raise ValueError("the actor dictionary was built without a vocabulary")
    spans = []
    for match_id, start, end in dictionary._matcher(parsed):
        span = parsed[start:end]
        span.label_ = parsed.vocab.strings[match_id]
        spans.append(span)
    actors: list[Actor] = []
    for span in filter_spans(spans):
        entry = dictionary.entries[span.label_]
        if entry.name == UNIDENTIFIED_ARMED_GROUP and span.text.lower() in BANDIT_WORDS and (
            LIVESTOCK_RE.search(span.sent.text)
        ):
            # bandits who take cattle are a community's raiders (ACLED: an ethnic militia);
            # a dictionary a user edited without that entry keeps the armed group
            entry = dictionary.entries.get(UNIDENTIFIED_ETHNIC_MILITIA, entry)
        if entry.name == RIOTERS_NAME and _is_one_person(span):
            # "a youth was shot dead by police": one person, no crowd (ACLED's rioters are
            # a group); a dictionary a user edited without civilians keeps the rioters
            entry = dictionary.entries.get(CIVILIANS_NAME, entry)
        if entry.name.startswith(GOVERNMENT_PREFIX) and _heads_a_body(span):
            # "the president of the students' union", "a union president": its officer, a
            # civilian, not the head of state
            entry = dictionary.entries.get(CIVILIANS_NAME, entry)
        named = _named_militia(span, dictionary) if entry.is_generic else None
        is_force = entry.is_state and not entry.name.startswith(GOVERNMENT_PREFIX)
        if entry.is_generic and named is None and not _is_actor_noun(
            span, name_end_counts=not entry.name.startswith(GOVERNMENT_PREFIX),
            rank_counts=is_force,  # "Inspector John Kamau", not "President Kenyatta"
        ):
            continue
        if entry.is_state and _is_named_station_as_place(span):
            continue  # "under Boalia Police Station", "in front of Jatrabari Police Station"
        if entry.inter == INTER_CIVILIANS and _modifies_a_thing(span):
            continue  # "a passenger bus was torched": the bus, not its passengers
        if entry.name.startswith(GOVERNMENT_PREFIX) and _modifies_a_thing(
            span, things=PEOPLES_THINGS | PUBLIC_THINGS
        ):
            continue  # "government offices were set on fire": property, not the state
        if entry.inter == INTER_IDENTITY and not entry.is_generic and _is_place_use(span):
            continue  # "in Turkana": the people's home area, not the people
        if entry.is_generic and _is_town_name(span):
            continue  # "a rally staged in Tank": the town, not the army's tanks
        if _is_agency_credit(span):
            continue  # "CAPE TOWN, October 12 (ANA) -": the news agency, not the army
        if _abbreviates_other_name(span, actors,
                                   group=None if entry.is_generic else entry.name):
            continue  # "African News Agency (ANA)": the agency, not the Afghan army
        merged = _merged_with_previous(actors, span, entry, named, dictionary)
        if merged is not None:
            actors[-1] = merged
        else:
            actor = _new_actor(span, entry, named, dictionary)
            if entry.is_state and entry.is_generic and actor.inter == entry.inter:
                # "troops of India", "Pakistani and Indian troops": each country's forces
                actors.extend(with_rival_forces(actor, span, entry.name, dictionary))
            else:
                actors.append(actor)
    return tuple(party_people(_as_spelled_out(actors, parsed), parsed, dictionary))


SPELLED_OUT_RE = re.compile(r"\s*\(([A-Z][A-Z.&-]{1,7})\)")


def _as_spelled_out(actors: list[Actor], parsed: Doc) -> list[Actor]:
    """An abbreviation the report spells out as a group's name names that group: after
    "the United People's Democratic Front (UPDF)", "activists of UPDF" are the front's,
    not Uganda's army's (the dictionary's "UPDF")."""
    spelled = {}
    for actor in actors:
        found = SPELLED_OUT_RE.match(parsed.text, actor.end)
        if found and found.group(1) != actor.text:
            spelled.setdefault(found.group(1), actor)
    return [replace(a, name=spelled[a.text].name, inter=spelled[a.text].inter)
            if a.text in spelled else a for a in actors]


ONE_PERSON_DETERMINERS = frozenset({"a", "an", "one"})
# the crowd words that also name one person: not "mob", "crowd" ("a mob" is a crowd)
PERSON_CROWD_NOUNS = frozenset({"youth"})


def _is_one_person(span: Span) -> bool:
    """A crowd word for a person counted as one: "a youth", "one angry youth" (not "the
    youth of the area", "irate youth", English's collective use; not "a mob")."""
    root = span.root
    return root.lower_ in PERSON_CROWD_NOUNS and root.tag_ == "NN" and any(
        c.dep_ in ("det", "nummod") and c.lower_ in ONE_PERSON_DETERMINERS
        for c in root.children)


def _merged_with_previous(
    actors: list[Actor],
    span: Span,
    entry: ActorEntry,
    named: tuple[str, int] | None,
    dictionary: ActorDictionary,
) -> Actor | None:
    """The previous mention extended over ``span`` when the two name one actor:
    "Taliban fighters" (the group names the fighters), "fighters from the Pokot tribe"
    (the group the fighters belong to)."""
    if not actors:
        return None
    previous, parsed = actors[-1], span.doc
    if span.text.lower() in HELD_PLACE_WORDS and HELD_BY_RE.fullmatch(
        parsed.text[previous.end:span.start_char]
    ):
        # "an Arbaki check point", "a Taliban outpost": the post stands for its holders
        return joined_mention(previous, span.end_char, parsed, name=previous.name,
                       inter=previous.inter)
    if entry.is_generic and not is_generic_mention(previous, dictionary) and (
        _is_group_modifier(previous, span)
    ):
        if previous.inter == INTER_IDENTITY and entry.inter == INTER_CIVILIANS and (
            span.root.lower_ in NON_COMBATANT_NOUNS
        ):
            # "a Samburu boy", "two Pokot women": people of the community, not its militia
            return joined_mention(previous, span.end_char, parsed, name=entry.name, inter=entry.inter)
        party = party_of(previous, dictionary)
        if party is not None:  # "NPP supporters" are people; "NPP militias" its militia
            name, inter = party_mention_name(party, entry, span)
            return joined_mention(previous, span.end_char, parsed, name=name, inter=inter)
        return joined_mention(previous, span.end_char, parsed, name=previous.name,
                       inter=previous.inter)
    if (
        entry.is_party and is_generic_mention(previous, dictionary)
        and MEMBER_OF_RE.fullmatch(parsed.text[previous.end:span.start_char])
    ):
        # "supporters of the NPP" are people; "gunmen belonging to the BNP" its militia
        if previous.inter in PEOPLE_INTERS and not is_armed_sentence(span.sent):
            return joined_mention(previous, span.end_char, parsed, name=previous.name,
                           inter=previous.inter)
        if previous.inter in PEOPLE_INTERS or previous.inter in ARMED_GENERIC_INTERS:
            return joined_mention(previous, span.end_char, parsed,
                           name=entry.militia or entry.name, inter=entry.inter)
    if (
        not entry.is_generic and not entry.is_party and entry.inter in SUSPECTED_GROUP_INTERS
        and is_generic_mention(previous, dictionary) and previous.inter in PEOPLE_INTERS
        and SUSPECTED_TO_BE_RE.fullmatch(parsed.text[previous.end:span.start_char])
    ):
        # "persons suspected to be land guards", "youths believed to be members of the
        # MRC": the group they are taken for
        return joined_mention(previous, span.end_char, parsed, name=entry.name,
                              inter=entry.inter)
    if entry.is_generic and named is None:
        return None
    start = named[1] if named else span.start_char
    if (
        is_generic_mention(previous, dictionary)
        and previous.inter in ARMED_GENERIC_INTERS
        and MEMBER_OF_RE.fullmatch(parsed.text[previous.end:start])
    ):
        return joined_mention(previous, span.end_char, parsed,
                       name=named[0] if named else entry.name, inter=entry.inter)
    return None


def _new_actor(
    span: Span, entry: ActorEntry, named: tuple[str, int] | None, dictionary: ActorDictionary
) -> Actor:
    """A mention named by its dictionary entry, a national word before a generic noun
    ("Afghan troops") or the people a militia is named for."""
    name, start = entry.name, span.start_char
    if named is not None:
        name, start = named
    elif entry.is_generic:
        code, modifier_start = _national_modifier(span, dictionary)
        if code is not None:
            filler = dictionary.country_name(code) or code
            if "(" in name:  # "Civilians (Kenya)", not "Civilians (the Kenya)"
                filler = filler.removeprefix("the ")
            name = name.replace(COUNTRY_PLACEHOLDER, filler)
            start = min(start, modifier_start)
    name, inter = kind_in_context(span, start, name, entry.inter,
                                  is_state_noun=entry.is_state and entry.is_generic)
    return Actor(start=start, end=span.end_char, text=span.doc.text[start:span.end_char],
                 name=name, inter=inter)


def is_generic_mention(actor: Actor, dictionary: ActorDictionary) -> bool:
    """A mention named by a generic noun ("gunmen"), not by a named group."""
    entry = dictionary.entries.get(actor.name)
    return entry is None or entry.is_generic


def _named_militia(span: Span, dictionary: ActorDictionary) -> tuple[str, int] | None:
    """A militia named by a people or place the dictionary does not know, in ACLED's
    form: "Dorungo communal militia" -> "Dorungo Communal Militia ({country})".

    Returns the name and where the mention starts, or None when no proper name comes
    right before "ethnic/communal/clan militia".
    """
    kind = next((k for k in MILITIA_KINDS if k in span.text.lower()), None)
    if kind is None or "militia" not in span.text.lower():
        return None
    words = []
    i = span.start - 1
    while i >= 0 and span.doc[i].pos_ == "PROPN" and span.doc[i].is_title:
        words.insert(0, span.doc[i])
        i -= 1
    if not words or any(w.lower_ in dictionary.national_words for w in words):
        return None
    people = " ".join(w.text for w in words)
    return f"{people} {MILITIA_KINDS[kind]} Militia ({COUNTRY_PLACEHOLDER})", words[0].idx


# the words for people fighting the state a report gives no group's name
INSURGENT_WORDS = frozenset({"militant", "militants", "insurgent", "insurgents", "rebel",
                             "rebels", "separatist", "separatists"})
BANDIT_WORDS = frozenset({"bandits", "bandit", "armed bandits"})
LIVESTOCK_RE = re.compile(
    r"\b(?:cattle|livestock|cows|goats|sheep|camels|herds?|animals|rustl\w*)\b", re.IGNORECASE)

def _is_group_modifier(group: Actor, generic: Span) -> bool:
    """A named group right before a generic noun, as in "Taliban fighters", "Pokot ethnic
    militiamen"."""
    between = generic.doc.text[group.end:generic.start_char].strip().lower()
    return between in ("", "'s", "’s") or (
        group.inter == INTER_IDENTITY and between in KIND_OF_PEOPLE_WORDS)


KIND_OF_PEOPLE_WORDS = frozenset({"ethnic", "tribal", "clan", "community", "communal"})


def _national_modifier(span: Span, dictionary: ActorDictionary) -> tuple[str | None, int]:
    """The country named right before a generic noun: "Afghan troops", "U.S.-led forces";
    not across a sentence's end ("... in Eldoret, Kenya. Police arrested ...")."""
    doc = span.doc
    i = span.start - 1
    while i >= 0 and i >= span.start - 4 and not doc[i + 1].is_sent_start:
        token = doc[i]
        text = token.text.lower()
        led = _LED_RE.match(token.text)
        if led and led.group("who").lower() in dictionary.national_words:
            return dictionary.national_words[led.group("who").lower()], token.idx
        if text in dictionary.national_words:
            return dictionary.national_words[text], token.idx
        if i >= 1 and f"{doc[i - 1].text.lower()} {text}" in dictionary.national_words:
            return dictionary.national_words[f"{doc[i - 1].text.lower()} {text}"], doc[i - 1].idx
        if token.pos_ not in ("ADJ", "PROPN", "NOUN", "PUNCT", "DET") or token.text in ",;":
            break
        i -= 1
    return None, span.start_char


def name_actors(
    actors: tuple[Actor, ...], *, dictionary: ActorDictionary, country: str | None
) -> tuple[Actor, ...]:
    """Actor mentions with ``{country}`` filled in for a report about ``country`` (dropped
    when the report is about no known country)."""

    named = []
    for actor in actors:
        actor = dictionary.as_named_insurgents(actor, country)  # type: ignore[assignment]
        name, inter = dictionary.name_actor(actor.name, actor.inter, country=country)
        if country is None:
            name = without_country(name)
        named.append(replace(actor, name=name, inter=inter))
    return tuple(named)
