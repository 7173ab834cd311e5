"""Event triggers: the words of a sentence that may code an event, and those that may not.

Needs: the parse of a sentence and the codebook (rule words and phrases, idioms, legal
cues, symbolic objects). Adds: the candidate trigger tokens of a sentence
(``_trigger_words``: not modifiers or dates, with headline verbs and misparsed nouns kept),
the tokens that trigger a given rule (``_triggers``, its multi-word phrases included), and
the tokens masked from triggering (``_masked_tokens``: idioms, names, acts under a legal
word, acts on a symbol).
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING

from sitrep.codebook import Codebook, Rule, find_phrase, find_phrases
from sitrep.fatality_counts import is_person_word

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

EVENT_HEAD_NOUNS = frozenset(
    {"attack", "explosion", "blast", "strike", "incident", "raid", "assault", "operation",
     "bombing", "ambush", "offensive", "campaign"}
)
# what a heavy weapon fires ("mortar rounds", "artillery fire"): the weapon is the trigger;
# not any modifier of "fire" ("riot police fire tear gas")
FIRED_NOUNS = frozenset({"fire", "round", "shell", "barrage"})
HEAVY_WEAPONS = frozenset({"mortar", "artillery", "rocket", "missile", "howitzer", "katyusha",
                           "rpg"})


def _trigger_words(sentence: Span) -> list[tuple[Token, frozenset[str]]]:
    """The tokens that may trigger a rule, each with the forms a rule's words are matched
    against (``_word_forms``: lemma, lower-case form, and the guesses for a misread word).

    A single word used as a modifier of something else ("riot gear", "protest leaders")
    is not a trigger, unless what it modifies is itself an event ("IED attack"); a word
    inside a date ("March" the month, not a lower-case "march") is not one either.
    """
    words = []
    for token in sentence:
        if token.dep_ in ("compound", "amod") and token.head.lemma_.lower() not in (
            EVENT_HEAD_NOUNS
        ) and not _is_fired_by(token) and not _is_headline_verb(token) and not (
            _is_misparsed_event_noun(token)
        ) and not _is_plural_modifier(token) and not _is_crowd_participle(token):
            continue
        if token.ent_type_ in ("DATE", "TIME") and not token.text.islower():
            continue  # "March" the month; "a protest march" the model took for a date is none
        if token.pos_ in ("VERB", "NOUN", "PROPN", "ADJ", "AUX") or token.tag_.startswith(
            ("NN", "VB")
        ) or token.lower_ in FIRE_STATE_WORDS:  # "set two cars afire", tagged an adverb
            forms = _word_forms(token.lemma_.lower(), token.lower_)
            if token.lower_ in IRREGULAR_VERBS and any(c.dep_ == "dobj" for c in token.children):
                # "extremists shot Yadav, a contractor, dead": "shot" tagged a noun, yet it
                # takes an object
                forms = forms | {IRREGULAR_VERBS[token.lower_]}
            words.append((token, forms))
    return words


# irregular past forms the tagger may take for nouns, and so leave unlemmatised
IRREGULAR_VERBS = {"shot": "shoot", "burnt": "burn", "slew": "slay", "struck": "strike",
                   "fought": "fight", "threw": "throw"}


@functools.lru_cache(maxsize=8192)
def _word_forms(lemma: str, low: str) -> frozenset[str]:
    """What a word may stand for: its lemma and lower-case form; the protest word it
    misspells; the lemmas of its inflection when the tagger left it unlemmatised.
    Computed once per word, not once per rule."""
    forms = {lemma, low, *_misspelt_lemmas(low)}
    if lemma == low or low.endswith("es") and lemma == low[:-1]:
        # (also a plural the lemmatiser cut to "-e": "Mob lynches man" -> "lynche")
        forms.update(guessed_lemmas(low))
    return frozenset(forms)


def _is_fired_by(token: Token) -> bool:
    """A heavy weapon named by what it fires: "mortar rounds", "rocket fire"."""
    return token.lemma_.lower() in HEAVY_WEAPONS and token.head.lemma_.lower() in FIRED_NOUNS


HEADLINE_SUBJECT_TAGS = frozenset({"NNS", "NNP", "NNPS"})
FIRE_STATE_WORDS = frozenset({"ablaze", "afire"})


def _is_plural_modifier(token: Token) -> bool:
    """A plural noun the parser took for a modifier of a name or of a word that is no
    noun: "Fights Chekosi and Konkomba resumed", "Clashes Tuesday in Nairobi", "protests
    district-wide". English noun modifiers are singular ("riot police", "protest
    leaders"), so a plural one heads its own phrase."""
    if token.dep_ != "compound" or token.tag_ != "NNS":
        return False
    # "conducted protests nation wide": a plural before another noun heads its own phrase
    # too, but for the plurals English does use as modifiers ("arms dealer")
    return token.head.pos_ != "NOUN" or token.lemma_.lower() not in PLURAL_MODIFIER_LEMMAS


PLURAL_MODIFIER_LEMMAS = frozenset(
    {"arm", "sport", "weapon", "right", "affair", "service", "relation", "news", "good",
     "custom", "saving", "operation", "communication", "election", "sale", "work"}
)


CROWD_PARTICIPLES = frozenset({"rioting", "protesting", "demonstrating"})


def _is_crowd_participle(token: Token) -> bool:
    """"Rioting teachers", "protesting students": a participle that says what a crowd
    was doing names the act, though the parser makes it a modifier."""
    return token.lower_ in CROWD_PARTICIPLES and token.head.tag_ in ("NNS", "NNPS")


def _is_headline_verb(token: Token) -> bool:
    """A verb the parser took for a noun modifier in a headline-style sentence:
    "Police battle Pokot raiders", "Bandits raid villages" (a plural or named subject
    right before it); "riot gear" and "protest leaders" stay modifiers."""
    if token.tag_ in ("VB", "VBP", "VBZ", "VBD") and token.dep_ == "compound":
        return True  # "Teachers protest lack of pay": tagged a verb, hung on the noun
    if token.tag_ in ("VBD", "VBN") and token.dep_ == "amod" and token.i > token.sent.start and (
        token.doc[token.i - 1].tag_.startswith("NN")
    ):  # "Employees ... in Badin protested agains the ...": a verb right after its subject
        return True
    if token.tag_ in ("VBD", "VBN") and token.dep_ == "amod" and (
        token.i > token.sent.start and token.doc[token.i - 1].lower_ == "and"
        and token.head.dep_ == "conj" and token.head.head.tag_ == "VBD"
    ):  # "took to the streets and burnt car tyres": a noun joined to a past verb has lost
        return True  # its own (not "to highlight the needs of ... and wounded members")
    if token.tag_ != "NN" or token.i == token.sent.start:
        return False
    before = token.doc[token.i - 1]
    if before.tag_ in HEADLINE_SUBJECT_TAGS or before.lower_ == "police":
        return True
    # "Residents of X town protest poor sanitation", "Teachers at a college protest actions
    # of the principal", "Gunmen storm polling stations and attack civilians": a sentence
    # with no finite verb has its verbs among its nouns
    return (before.tag_ == "NN" or before.lower_ == "and") and token.dep_ == "compound" and (
        not any(t.tag_ in FINITE_VERB_TAGS for t in token.sent))


FINITE_VERB_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})


MODIFIED_HEADS = frozenset(
    {"police", "gear", "squad", "unit", "shield", "leader", "organiser", "organizer",
     "group", "movement", "song", "act", "law", "charge", "case", "helicopter", "vehicle",
     "dog", "rifle", "site", "camp", "plan", "threat", "warning", "suspect", "victim",
     "survivor", "wound", "injury", "letter", "note", "action", "committee", "council",
     # a weapon's trial, no attack: "a hydrogen bomb test", "a missile test"
     "test", "testing", "trial", "drill"}
)


def _is_misparsed_event_noun(token: Token) -> bool:
    """"staged a protest infront of ...", "staged a day-long protest demanding scraping of
    ...": a determiner before the word, or before its own modifiers, shows it heads its
    own noun phrase, whatever the parser attached it to ("a riot police unit" does not
    count: police, gear, leaders... are what such words modify)."""
    if token.i == token.sent.start or token.head.lemma_.lower() in MODIFIED_HEADS:
        return False
    first = token.left_edge  # its own article, or modifiers ("day-long") before it
    before = token.doc[first.i - 1].lower_ if first.i > token.sent.start else ""
    return any(w in ARTICLES for w in (token.doc[token.i - 1].lower_, first.lower_, before))


ARTICLES = frozenset({"a", "an"})


def _triggers(
    sentence: Span, lower: str, rule: Rule, *, words: list[tuple[Token, frozenset[str]]],
    masked: frozenset[int] = frozenset(),
) -> list[Token]:
    """Tokens of the sentence that trigger ``rule`` (``words`` from ``_trigger_words``;
    a phrase whose head is in ``masked`` does not count)."""
    found = [token for token, forms in words if not forms.isdisjoint(rule.words)]
    found += [token for token, forms in words if _done_to_death(token, forms, rule)]
    for phrase in rule.phrases:
        offset = find_phrase(lower, phrase)
        if offset >= 0:
            span = sentence.doc.char_span(
                sentence.start_char + offset,
                sentence.start_char + offset + len(phrase),
                alignment_mode="expand",
            )
            if span is not None and span.root.i not in masked:
                found.append(span.root)
    return found


def _done_to_death(token: Token, forms: frozenset[str], rule: Rule) -> bool:
    """A rule's "slashed to death" with the victim between verb and "to death" ("slashed a
    girl to death"): the verb, with "to death" hung on it."""
    if not any(c.dep_ == "prep" and c.lower_ == "to" and any(
            g.dep_ == "pobj" and g.lower_ == "death" for g in c.children)
            for c in token.children):
        return False
    return any(phrase.endswith(" to death") and phrase.split()[0] in forms
               for phrase in rule.phrases)


INFLECTIONS = ("ed", "es", "s", "d")


def guessed_lemmas(word: str) -> tuple[str, ...]:
    """Lemmas an inflected word may have, for a word the tagger took for another part of
    speech and so left unlemmatised ("Residents protested against ..." tagged "protested"
    a noun): "protested" -> protest, "stoned" -> stone, "clashes" -> clash. Not "-ing":
    "lynching", "killing", "bombing" are nouns in their own right, and usually name what a
    protest is about. Only the rule's own trigger words are looked up among the guesses."""
    guesses = []
    for suffix in INFLECTIONS:
        if word.endswith(suffix) and len(word) > len(suffix) + 2:
            stem = word[: -len(suffix)]
            guesses.append(stem)
            if suffix == "ed":
                guesses.append(stem + "e")  # "vandalised" -> vandalise
                if len(stem) > 2 and stem[-1] == stem[-2]:
                    guesses.append(stem[:-1])  # "stopped" -> stop
    return tuple(guesses)


SPELT_RIGHT = frozenset(
    {"protest", "protests", "protested", "protesting", "protester", "protesters", "protestor",
     "protestors", "protestation", "protestations", "demonstrate", "demonstrates",
     "demonstrated", "demonstrating", "demonstration", "demonstrations", "demonstrator",
     "demonstrators", "demonstrable", "demonstrably"}
)


def _misspelt_lemmas(word: str) -> tuple[str, ...]:
    """The protest word a misspelt or run-together word stands for, whatever lemma the
    tagger made of it ("protesed", "protestested", "proteston", "demosntrated",
    "demonstrationin"); not the words spelt right ("protesters" names people), nor
    "Protestant" or "demonstrative"."""
    if word in SPELT_RIGHT:
        return ()
    if word.startswith("protes") and not word.startswith("protestant"):
        return ("protest",)
    if word.startswith(("demonstr", "demosntr")) and not word.startswith("demonstrativ"):
        return ("demonstrate", "demonstration")
    return ()


NAME_LABELS = frozenset({"ORG", "LAW", "WORK_OF_ART", "PRODUCT"})
LEGAL_FRAME_DEPS = frozenset({"pobj", "pcomp", "prep", "dobj", "compound", "nmod", "poss",
                              "relcl"})
LEGAL_FRAME_STEPS = 3  # "accused -> of -> killing": how far up a legal word may govern


def _masked_tokens(sentence: Span, lower: str, codebook: Codebook) -> frozenset[int]:
    """Indices of tokens that cannot trigger an event, whatever the rule.

    Words of an idiom ("heart attack", "fighting for his life"), words inside a name of
    several words ("Commission of Inquiry into State Capture"), an act that is the subject of
    proceedings ("accused of killing", "charges of rape", "a warrant for his arrest", "a
    life sentence for anyone who kills", every act of a sentence that says "it is alleged"):
    the report is about the proceedings, not the act; an act on a symbol ("burnt an
    effigy"), which harms no one; and words used in another sense (``_names_no_act``).
    """
    # a name of several words ("Government Science Secondary School"); one word the model
    # took for a name ("RPG", "IED") is still the weapon
    masked = {t.i for e in sentence.ents if e.label_ in NAME_LABELS and len(e) > 1 for t in e}
    for idiom in codebook.idioms:
        for offset in find_phrases(lower, idiom):
            start = sentence.start_char + offset
            masked.update(t.i for t in sentence if start <= t.idx < start + len(idiom))
    for phrase in codebook.allegation_phrases:
        offset = find_phrase(lower, phrase)
        if offset >= 0:  # "it is alleged that ...": a case in court
            masked.update(_alleged_tokens(sentence, offset, len(phrase)))
    masked.update(t.i for t in sentence if _in_legal_frame(t, codebook))
    masked.update(t.i for t in sentence if _names_no_act(t, lower))
    masked.update(t.i for t in sentence if t.lemma_.lower() not in DISPLAY_LEMMAS and any(
        c.dep_ in ("dobj", "nsubjpass") and c.lemma_.lower() in codebook.symbolic_objects
        for c in t.children))
    return frozenset(masked)


# a symbol shown or waved at someone is the protest itself ("was shown black flags"), not
# an act on it
DISPLAY_LEMMAS = frozenset({"show", "wave"})


def _alleged_tokens(sentence: Span, offset: int, length: int) -> set[int]:
    """What an allegation phrase covers: the clause it heads when that is a clause of its
    own ("Parents protest after it is alleged their children were forced ..." leaves the
    protest), else the whole sentence ("it is alleged that police shot him", "according to
    the indictment, he killed ...")."""
    span = sentence.doc.char_span(sentence.start_char + offset,
                                  sentence.start_char + offset + length,
                                  alignment_mode="expand")
    root = span.root if span is not None else None
    if root is not None and root.pos_ in ("VERB", "AUX") and root.dep_ in SUBORDINATE_DEPS:
        return {t.i for t in root.subtree}
    return {t.i for t in sentence}


SUBORDINATE_DEPS = frozenset({"advcl", "relcl", "acl"})


def _in_legal_frame(token: Token, codebook: Codebook) -> bool:
    """The token names an act that a legal word governs ("accused of killing")."""
    node = token
    for _ in range(LEGAL_FRAME_STEPS):
        if node.dep_ not in LEGAL_FRAME_DEPS or node.head.i == node.i:
            return False
        node = node.head
        if node.lemma_.lower() in codebook.legal_cues or node.lower_ in codebook.legal_cues:
            return True
    return False


CONTEST_LEMMAS = frozenset({"fight", "battle", "struggle", "war", "clash", "combat"})
# "a political fight", "a legal battle", "a custody battle": a contest fought in words
CONTEST_DOMAINS = frozenset(
    {"political", "legal", "court", "courtroom", "verbal", "diplomatic", "economic", "trade",
     "price", "custody", "electoral", "ideological", "constitutional", "uphill", "media",
     "bidding", "takeover", "boardroom", "title", "public", "policy", "budget"}
)
# "critics blasted the deal", "she blasted the coach for ...": criticism
CRITIC_LEMMAS = frozenset({"critic", "opposition", "leader", "minister", "president",
                           "spokesman", "spokesperson", "spokeswoman", "party", "union",
                           "analyst", "commentator", "editorial", "lawmaker", "mp"})
INDEFINITE_PRONOUNS = frozenset({"nothing", "something", "anything", "everything"})
REFLEXIVES = frozenset({"himself", "herself", "themselves", "myself", "yourself"})
# what a killing verb stops when it is no one ("kill the bill", "killed the deal")
KILLED_THINGS = frozenset({"legislation", "bill", "law", "deal", "proposal", "plan", "idea",
                           "motion", "project", "talks", "story", "rumour", "rumor", "engine",
                           "momentum", "time"})
# what is beaten when no one is ("beat the law enforcement system", "beat the odds")
BEATEN_THINGS = frozenset({"system", "odds", "deadline", "traffic", "heat", "rush", "ban",
                           "curfew", "record", "clock"})
# what is withdrawn or handed over when no ground changes hands ("withdrew a request")
WITHDRAWN_THINGS = frozenset({"request", "invitation", "offer", "support", "charge", "case",
                              "bill", "petition", "statement", "candidacy", "application",
                              "complaint", "suit", "motion", "funding", "aid", "permit",
                              "licence", "license", "memorandum", "letter", "report"})
# an explosion at one of these, with no weapon named, is an industrial accident
INDUSTRIAL_SITES = frozenset({"mine", "plant", "factory", "refinery", "pipeline", "warehouse",
                              "depot", "facility", "colliery", "furnace", "boiler", "tanker"})
WEAPON_WORDS = ("bomb", "ied", "explosive", "grenade", "device", "suicide", "attack",
                "militant", "rocket", "shell", "missile", "mortar", "drone")
# "an opportunity for rape", "an increase in violent protests", "fears of terrorist
# attacks": acts named as a kind, not as something that happened
GENERIC_FRAME_HEADS = frozenset({"opportunity", "increase", "rise", "fear", "threat", "risk",
                                 "culture", "scourge", "problem", "prevention", "rate",
                                 "incidence", "spectre", "specter", "danger", "prospect",
                                 "cause"})


def _objects(token: Token) -> list[Token]:
    """What the word acts on: its object or passive subject ("slashed prices", "funds were
    slashed"), or what its noun is "of" ("the slashing of funds")."""
    return [c for c in token.children if c.dep_ in ("dobj", "nsubjpass")] + [
        o for p in token.children if p.dep_ == "prep" and p.lower_ == "of"
        for o in p.children if o.dep_ == "pobj"]


def _has_prep_object(token: Token, prep: str, lemma: str) -> bool:
    """The word has a "prep" phrase whose object is the lemma ("slashed ... to death",
    "burnt ... in effigy")."""
    return any(p.dep_ == "prep" and p.lower_ == prep
               and any(o.lemma_.lower() == lemma for o in p.children) for p in token.children)


def _names_no_act(token: Token, lower: str) -> bool:
    """The word is used in a sense that names no event: a contest over an idea ("the fight
    against collusion", "a political fight", "fight poverty"), criticism ("critics blasted
    the deal"), a thing or a chance missed ("missing out on the title", "nothing was
    missing"), a suicide ("killed himself"), a thing stopped ("kill the bill") or got the
    better of ("beat the system") or withdrawn ("withdrew a request"), a cut ("slash the
    deficit"), someone burnt "in effigy", an explosion at a mine or plant with no weapon
    named, what a fire or a flood did ("a fire destroyed 20 houses"), a fire no one set ("a
    house caught on fire"), or an act named as a kind ("an opportunity for rape", "fears of
    terrorist attacks")."""
    lemma = token.lemma_.lower()
    if lemma in CONTEST_LEMMAS:
        return _contests_an_idea(token)
    if lemma == "blast" and token.pos_ == "VERB":
        return _is_criticism(token)
    if token.lower_ == "missing":
        return _misses_a_thing(token)
    if lemma == "kill" and any(c.dep_ == "dobj" and c.lower_ in REFLEXIVES and not c.conjuncts
                               for c in token.children):
        return True  # "killed himself": a suicide, unless others died with him
    if lemma == "kill" and any(c.dep_ == "dobj" and c.pos_ != "PROPN"
                               and c.lemma_.lower() in KILLED_THINGS for c in token.children):
        return True  # "an attempt to kill the legislation": a thing stopped, no one hurt
    if lemma == "beat" and any(c.dep_ == "dobj" and c.lemma_.lower() in BEATEN_THINGS
                               for c in token.children):
        return True  # "gangs had beaten the system", "beat the deadline": no one beaten
    if lemma in ("burn", "torch") and _has_prep_object(token, "in", "effigy"):
        return True  # "burnt the minister in effigy": a symbol, the protest's (effigy)
    if lemma == "slash":
        # "slashed residents with pangas", "slashed two touts to death"; not "slash the
        # deficit", "the slashing of funds"
        objects = _objects(token)
        return bool(objects) and not any(is_person_word(o) for o in objects) and not (
            _has_prep_object(token, "to", "death"))
    if lemma in ("withdraw", "hand") and any(
        c.dep_ in ("dobj", "nsubjpass") and c.lemma_.lower() in WITHDRAWN_THINGS
        for c in token.children
    ):
        return True  # "the invitation has been withdrawn", "handed over a petition": no ground
    if lemma in ("explosion", "blast") and token.pos_ == "NOUN" and _at_industrial_site(token):
        return not any(find_phrase(lower, w) >= 0 or find_phrase(lower, w + "s") >= 0
                       for w in WEAPON_WORDS)
    is_on_fire = token.lower_ == "on" and any(c.lower_ == "fire" for c in token.children)
    if (token.lower_ in FIRE_STATE_WORDS or is_on_fire) and not _is_set_on_fire(token):
        return True  # "a house caught on fire", "the market was ablaze": no one set it
    if token.pos_ == "VERB" and any(
        c.dep_ == "nsubj" and c.lemma_.lower() in NATURAL_FORCES
        and not any(m.dep_ in ("compound", "poss", "nmod") for m in c.children)
        for c in token.children
    ):
        return True  # "a fire destroyed 20 houses", "floods killed 12"; not "police fire"
    return _in_generic_frame(token)


def _is_set_on_fire(token: Token) -> bool:
    """"ablaze", "afire" or "on (fire)" completing "set", the verb of its clause ("set two
    buses ablaze", "set the land office of the district ablaze", "set a bus belonging to a
    school on fire"): someone's act."""
    for verb in (a for a in token.ancestors if a.pos_ == "VERB"):
        if verb.lemma_.lower() == "set":
            return True
        if verb.dep_ != "acl":  # past "a bus belonging to a school" to the clause's verb
            return False
    return False


NATURAL_FORCES = frozenset(
    {"fire", "blaze", "inferno", "flood", "floodwater", "storm", "rain", "wind", "earthquake",
     "landslide", "mudslide", "cyclone", "hurricane", "lightning", "tornado", "drought"}
)


def _is_idea(token: Token) -> bool:
    """A common singular noun that names no one: "collusion", "poverty", "the legislation"
    (people and groups are names, plurals, the parser's persons and groups, or a noun for
    an armed body: "fight back against Pokot militia")."""
    return token.pos_ == "NOUN" and token.tag_ == "NN" and not token.ent_type_ and (
        token.lemma_.lower() not in ARMED_BODY_NOUNS)


# singular nouns for a body of people who fight: no idea to contest
ARMED_BODY_NOUNS = frozenset({"militia", "army", "police", "military", "gang", "mob",
                              "force", "group"})


def _contests_an_idea(token: Token) -> bool:
    for child in token.children:
        if child.dep_ in ("amod", "compound") and child.lemma_.lower() in CONTEST_DOMAINS:
            return True
        if child.dep_ == "prep" and child.lower_ == "against":
            return any(_is_idea(obj) for obj in child.children if obj.dep_ == "pobj")
        if token.pos_ == "VERB" and child.dep_ == "dobj" and not any(
            t.pos_ == "ADP" for t in token.doc[token.i + 1:child.left_edge.i]
        ):  # not an object hung on it across a preposition ("clashed in Tarmoenye
            return _is_idea(child)  # sub-township", a misparse of a place)
    return False


def _is_criticism(token: Token) -> bool:
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ in ("for", "as"):
            return True
        if child.dep_ == "nsubj" and (
            child.ent_type_ == "PERSON" or child.lemma_.lower() in CRITIC_LEMMAS
        ):
            return True
    return False


def _misses_a_thing(token: Token) -> bool:
    if token.dep_ == "csubj" or any(
        c.dep_ in ("dobj", "prt") or c.lower_ == "out" for c in token.children
    ):
        return True  # "missing the market would cost him", "missing out on the title"
    subjects = [c for node in (token, token.head) for c in node.children
                if c.dep_ in ("nsubj", "nsubjpass")]
    return any(s.lower_ in INDEFINITE_PRONOUNS for s in subjects)  # "nothing was missing"


def _at_industrial_site(token: Token) -> bool:
    return any(
        child.dep_ == "prep" and child.lower_ in ("at", "in")
        and any(o.lemma_.lower() in INDUSTRIAL_SITES for o in child.children if o.dep_ == "pobj")
        for child in token.children
    ) or any(c.dep_ == "compound" and c.lemma_.lower() in INDUSTRIAL_SITES
             for c in token.children)


def _in_generic_frame(token: Token) -> bool:
    node = token
    while node.dep_ == "conj" and node.head.i != node.i:
        node = node.head  # "an opportunity for rape, killings": the list's first word
    if node.dep_ != "pobj" or node.pos_ != "NOUN":
        return False
    if any(c.dep_ == "det" and c.lower_ in ("the", "this", "that", "these", "those")
           for c in node.children):
        return False  # "fears of the attacks" points at attacks that happened
    prep = node.head
    # a noun of the kind ("fears of terrorist attacks"), not a verb ("four policemen are
    # feared dead following an attack", "tension rose after the attack")
    return prep.dep_ == "prep" and prep.head.lemma_.lower() in GENERIC_FRAME_HEADS and (
        prep.head.pos_ in ("NOUN", "PROPN"))
