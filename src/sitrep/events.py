"""Events: a parsed report with its dates, places and actors -> EventMentions.

Needs: the parse, Timexes, Places, Actors, the reference (reporting) date, the codebook and
the actor dictionary. Adds: one EventMention per sentence that reports an event, typed by
the first codebook rule that fires, with who did what to whom from the dependency parse,
where and when, fatalities by ACLED's rules, "X said" claims with their status, and flags
for background (historical), negated, future and hypothetical events.

Claims made in sentences without an event trigger ("SOHR said two prisoners were freed")
attach to the event the report is currently describing.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from sitrep.actors import ActorDictionary
from sitrep.codebook import ARMED_INTERS, Codebook, Rule, find_phrase
from sitrep.dates import timex_date, timex_mod
from sitrep.records import Actor, Claim, Document, EventMention, Location, Place, Timex

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

BACKGROUND_AGE_DAYS = 30  # an event this much older than the report is background
NEAR_WINDOW_TOKENS = 6  # "near"/"outside" this close before a town -> geo_precision 2
NEAR_WORDS = frozenset(
    {"near", "outside", "vicinity", "outskirts", "around", "north", "south", "east", "west",
     "northeast", "northwest", "southeast", "southwest", "northern", "southern", "eastern",
     "western", "close", "area", "nearby", "between", "road"}
)
FEATURE_RANK = {"city": 0, "admin2": 1, "other": 2, "admin1": 3, "region": 4, "water": 4,
                "country": 5}
FEATURE_PRECISION = {"city": 1, "other": 1, "admin2": 2, "admin1": 3, "region": 3,
                     "water": 3, "country": 3}
PLACE_NOUNS = frozenset(
    {"town", "city", "village", "district", "base", "area", "territory", "province",
     "region", "county", "outpost", "checkpoint", "camp", "airport", "headquarters",
     "capital", "neighbourhood", "neighborhood", "post", "position", "positions", "hill",
     "valley", "border", "crossing", "port", "garrison"}
)
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
     "cleric", "doctor", "nurse", "pupil", "gunman", "bomber", "insurgent", "rebel"}
)
DATELINE_PREFIX_RE = re.compile(r"^[A-Z][A-Z .,'()-]*(?:,[^—–]{0,40})?\s+[—–-]{1,2}\s+")


@dataclass(frozen=True)
class ReportContext:
    """What the events stage reads about one report; built once per document."""

    document: Document
    parsed: Doc
    timexes: tuple[Timex, ...]
    places: tuple[Place, ...]
    actors: tuple[Actor, ...]
    reference: dt.date | None


def extract_event_mentions(
    context: ReportContext, *, codebook: Codebook, dictionary: ActorDictionary
) -> tuple[EventMention, ...]:
    """Code every sentence that reports an event.

    A definite reference to the event being described ("the raid took place on Sunday")
    elaborates that event rather than coding a new one; a sentence with no trigger but a
    claim or a date ("SOHR said ...", "the Coalition can confirm an operation on Jan. 8")
    adds its claims and date to it.
    """
    mentions: list[EventMention] = []
    current: int | None = None  # index of the news event the report is describing
    rules = {rule.name: rule for rule in codebook.rules}
    for sentence in context.parsed.sents:
        forced = None
        if current is not None and not _has_background_cue(sentence, context, codebook):
            anaphor = _find_anaphor(sentence, codebook)
            if anaphor is not None:
                antecedent = _antecedent(anaphor, mentions, codebook) or next(
                    m for m in mentions if not m.is_background
                )
                forced = (rules[_base_rule(antecedent)], anaphor)
        coded = _code_sentence(
            sentence, context, codebook=codebook, dictionary=dictionary, forced=forced
        )
        if coded is not None:
            mention, trigger = coded
            if forced is not None and not mention.is_background:
                mention = _as_elaboration(mention, of=next(
                    m for m in reversed(mentions) if _base_rule(m) == forced[0].name
                ))
            mentions.append(mention)
            if not mention.is_background:
                current = len(mentions) - 1
            continue
        if current is None or _has_background_cue(sentence, context, codebook):
            continue
        claims = tuple(
            c for c in _sentence_claims(sentence, codebook, trigger=None)
            if not _is_forward_looking(c.text, codebook)
        )
        claims += _date_claims(sentence, context, speaker=_first_speaker(claims))
        fatalities, fatality_text, is_estimate = _fatalities(sentence, codebook)
        claims = _with_fatality_claim(claims, fatalities, fatality_text, is_estimate, sentence)
        target = mentions[current]
        refined = _refined_location(sentence, context, target.location)
        if claims or refined is not None:
            mentions[current] = replace(
                target,
                claims=target.claims + claims,
                location=refined or target.location,
                evidence=target.evidence + ((sentence.start_char, sentence.end_char),),
            )
    return tuple(mentions)


ANAPHORIC_DETERMINERS = frozenset({"the", "this", "that", "these", "those"})


def _base_rule(mention: EventMention) -> str:
    return (mention.rule or "").removeprefix("anaphora:")


def _antecedent(
    anaphor: Token, mentions: list[EventMention], codebook: Codebook
) -> EventMention | None:
    """The latest news mention the anaphor can name ("the abduction" -> the abduction)."""
    lemma = anaphor.lemma_.lower()
    fitting = {rule.name for rule in codebook.rules if lemma in rule.words}
    for mention in reversed(mentions):
        if mention.is_background:
            continue
        if lemma[:5] in (mention.trigger or "").lower() or _base_rule(mention) in fitting:
            return mention
    return None


def _find_anaphor(sentence: Span, codebook: Codebook) -> Token | None:
    """A definite event noun ("the raid", "the operation") that refers back to a known event."""
    for token in sentence:
        if token.tag_ not in ("NN", "NNS"):
            continue
        if not any(c.dep_ == "det" and c.lower_ in ANAPHORIC_DETERMINERS for c in token.children):
            continue
        lemma = token.lemma_.lower()
        if lemma in EVENT_HEAD_NOUNS or any(lemma in rule.words for rule in codebook.rules):
            return token
    return None


def _as_elaboration(mention: EventMention, *, of: EventMention) -> EventMention:
    """Recode a mention as more detail about ``of``: its type; its own actors, date, place."""
    has_own1 = mention.actor1 is not None
    has_own2 = mention.actor2 is not None
    return replace(
        mention,
        event_type=of.event_type,
        sub_event_type=of.sub_event_type,
        disorder_type=of.disorder_type,
        actor1=mention.actor1 if has_own1 else of.actor1,
        inter1=mention.inter1 if has_own1 else of.inter1,
        actor2=mention.actor2 if has_own2 else of.actor2,
        inter2=mention.inter2 if has_own2 else of.inter2,
        rule="anaphora:" + (of.rule or "").removeprefix("anaphora:"),
    )


def _is_forward_looking(text: str, codebook: Codebook) -> bool:
    words = set(re.findall(r"[a-z']+", text.lower()))
    return bool(words & {"will", "would", "shall"})


def _with_fatality_claim(
    claims: tuple[Claim, ...],
    fatalities: int,
    fatality_text: str | None,
    is_estimate: bool,
    sentence: Span,
) -> tuple[Claim, ...]:
    """Add the sentence's death toll as a claim, attributed to whoever the sentence quotes.

    ``kind`` is "fatalities" for a number and "fatalities_estimate" for a vague word
    ("dozens" = 12) so that fuse can prefer a stated figure to an estimate.
    """
    if not fatalities or not fatality_text:
        return claims
    kind = "fatalities_estimate" if is_estimate else "fatalities"
    status = next((c.status for c in claims if c.kind == "occurrence"), "reported")
    return claims + (
        Claim(text=fatality_text, attributed_to=_first_speaker(claims), status=status,
              start=sentence.start_char, end=sentence.end_char, kind=kind,
              value=str(fatalities)),
    )


def _refined_location(
    sentence: Span, context: ReportContext, current: Location | None
) -> Location | None:
    """A town in a follow-up sentence that pins down a vague location ("northern Yemen",
    then "the bus was struck in Dahyan, a market town in Saada province")."""
    if current is not None and current.geo_precision < 3:
        return None
    place, precision = _event_place(sentence, context, [])
    if place is None or place.feature not in ("city", "other", "admin2"):
        return None
    if current is not None and current.country and place.country != current.country:
        return None
    return _location(place, precision)


def _location(place: Place, precision: int) -> Location:
    return Location(
        name=place.name or place.text, country=place.country, admin1=place.admin1,
        admin2=place.admin2, lat=place.lat, lon=place.lon, geo_precision=precision,
        geonameid=place.geonameid,
    )


def _first_speaker(claims: tuple[Claim, ...]) -> str | None:
    return next((c.attributed_to for c in claims if c.attributed_to), None)


def _date_claims(
    sentence: Span, context: ReportContext, *, speaker: str | None
) -> tuple[Claim, ...]:
    """Dates a trigger-less sentence gives for the current event."""
    claims = []
    for timex in context.timexes:
        if timex.type != "DATE" or not sentence.start_char <= timex.start < sentence.end_char:
            continue
        date, _ = _timex_date(timex)
        if date is None:
            continue
        claims.append(
            Claim(text=timex.text, attributed_to=speaker, status="reported", start=timex.start,
                  end=timex.end, kind="date", value=date.isoformat())
        )
    return tuple(claims)


# --- one sentence -----------------------------------------------------------------------


def _code_sentence(
    sentence: Span,
    context: ReportContext,
    *,
    codebook: Codebook,
    dictionary: ActorDictionary,
    forced: tuple[Rule, Token] | None = None,
) -> tuple[EventMention, Token] | None:
    """Code one sentence by the first rule that fires (or by ``forced``: rule and trigger)."""
    lower = sentence.text.lower()
    sources = _attribution_spans(sentence)
    actors = [
        a for a in context.actors
        if sentence.start_char <= a.start < sentence.end_char
        and not any(start <= a.start < end for start, end in sources)  # "police said"
    ]
    if forced is not None:
        rule, trigger = forced
        actor1, actor2 = _roles(trigger, actors, context.places, guess=False)
    else:
        fired = _fire_rule(sentence, lower, actors, context, codebook)
        if fired is None:
            return None
        rule, trigger, actor1, actor2 = fired
    place, geo_precision = _event_place(sentence, context, actors, trigger)
    # Names stay as the dictionary gives them ("Military Forces of {country}"); fuse names
    # them for the event's country once the whole event is known.
    name1, inter1 = (actor1.name, actor1.inter) if actor1 else (None, None)
    name2, inter2 = (actor2.name, actor2.inter) if actor2 else (None, None)
    if name1 is not None and name1 == name2:
        name2, inter2 = None, None
    assoc1 = _associated(actors, actor1, name1, inter1)
    timex = _event_timex(sentence, trigger, context.timexes, codebook)
    date, precision = _timex_date(timex)
    flags = _flags(sentence, trigger, lower, timex, date, context.reference, codebook)
    fatalities, fatality_text, is_estimate = _fatalities(sentence, codebook)
    claims = _sentence_claims(sentence, codebook, trigger=trigger)
    claims = _with_fatality_claim(claims, fatalities, fatality_text, is_estimate, sentence)
    if timex is not None and date is not None:
        speaker = next((c.attributed_to for c in claims if c.attributed_to), None)
        claims = claims + (
            Claim(text=timex.text, attributed_to=speaker, status="reported",
                  start=timex.start, end=timex.end, kind="date", value=date.isoformat()),
        )
    location = _location(place, geo_precision) if place is not None else None
    digest = hashlib.sha256(
        f"{context.document.id}:{sentence.start_char}:{rule.name}".encode()
    ).hexdigest()[:16]
    mention = EventMention(
        id=digest,
        doc_id=context.document.id,
        event_type=rule.event_type,
        sub_event_type=rule.sub_event_type,
        disorder_type=codebook.disorder_type(rule.event_type),
        date=date,
        time_precision=precision,
        actor1=name1,
        assoc_actor_1=assoc1,
        inter1=inter1,
        actor2=name2,
        inter2=inter2,
        location=location,
        fatalities=fatalities,
        claims=claims,
        is_background=bool(flags),
        flags=flags,
        evidence=((sentence.start_char, sentence.end_char),),
        trigger=trigger.text,
        rule=rule.name,
        date_text=timex.text if timex is not None and date is not None else None,
    )
    return mention, trigger


def _fire_rule(
    sentence: Span, lower: str, actors: list[Actor], context: ReportContext, codebook: Codebook
) -> tuple[Rule, Token, Actor | None, Actor | None] | None:
    """The first rule (in codebook order) with a trigger in the sentence whose conditions hold."""
    is_non_event = any(find_phrase(lower, w) >= 0 for w in codebook.non_event_words)
    has_protest = any(
        (t.lemma_.lower() in codebook.protest_words or t.lower_ in codebook.protest_words)
        and t.ent_type_ not in ("DATE", "TIME")  # "21 March 2020" is no march
        for t in sentence
    ) or any(" " in w and find_phrase(lower, w) >= 0 for w in codebook.protest_words)
    for rule in codebook.rules:
        for trigger in _triggers(sentence, lower, rule):
            if is_non_event and rule.event_type in ("Violence against civilians", "Battles"):
                continue
            actor1, actor2 = _roles(trigger, actors, context.places)
            if _conditions_hold(rule, trigger, actor1, actor2, actors, has_protest, context):
                return rule, trigger, actor1, actor2
    return None


STATIVE_LEMMAS = frozenset({"remain", "stay", "continue"})
EVENT_HEAD_NOUNS = frozenset(
    {"attack", "explosion", "blast", "strike", "incident", "raid", "assault", "operation",
     "bombing", "ambush", "offensive", "campaign"}
)


def _triggers(sentence: Span, lower: str, rule: Rule) -> list[Token]:
    """Tokens of the sentence that trigger ``rule``.

    A single word used as a modifier of something else ("riot gear", "protest leaders")
    is not a trigger, unless what it modifies is itself an event ("IED attack").
    """
    found: list[Token] = []
    for token in sentence:
        if token.dep_ in ("compound", "amod") and token.head.lemma_.lower() not in (
            EVENT_HEAD_NOUNS
        ):
            continue
        if token.ent_type_ in ("DATE", "TIME"):  # "March" the month is not a march
            continue
        if token.lemma_.lower() in rule.words or token.lower_ in rule.words:
            if token.pos_ in ("VERB", "NOUN", "PROPN", "ADJ", "AUX") or token.tag_.startswith(
                ("NN", "VB")
            ):
                found.append(token)
    for phrase in rule.phrases:
        offset = find_phrase(lower, phrase)
        if offset >= 0:
            span = sentence.doc.char_span(
                sentence.start_char + offset,
                sentence.start_char + offset + len(phrase),
                alignment_mode="expand",
            )
            if span is not None:
                found.append(span.root)
    return found


def _conditions_hold(
    rule: Rule,
    trigger: Token,
    actor1: Actor | None,
    actor2: Actor | None,
    actors: list[Actor],
    has_protest: bool,
    context: ReportContext,
) -> bool:
    cond = rule.conditions
    if "actor1_inter" in cond and (actor1 is None or actor1.inter not in cond["actor1_inter"]):
        return False
    if "actor2_inter" in cond and (actor2 is None or actor2.inter not in cond["actor2_inter"]):
        return False
    if cond.get("actor2_armed") and (actor2 is None or actor2.inter not in ARMED_INTERS):
        return False
    if cond.get("armed_actor") and not any(a.inter in ARMED_INTERS for a in actors):
        return False
    if cond.get("needs_protest") and not has_protest:
        return False
    if cond.get("target_civilian"):
        others_armed = [a for a in actors if a.inter in ARMED_INTERS and a is not actor1]
        if actor2 is not None and actor2.inter != 7:
            return False
        if actor2 is None and others_armed:
            return False
    if cond.get("object_place") and not _object_is_place(trigger, context.places):
        return False
    return True


# --- who did what to whom ----------------------------------------------------------------

AGENT_DEPS = frozenset({"nsubj", "agent"})
PATIENT_DEPS = frozenset({"dobj", "nsubjpass", "attr", "obj"})
TARGET_PREPS = frozenset({"on", "against", "of", "targeting", "at"})
CARRY_OUT_LEMMAS = frozenset(
    {"carry", "conduct", "launch", "stage", "mount", "lead", "claim", "execute", "perform",
     "do", "make", "undertake", "confirm", "fire", "unleash", "take"}
)


def _roles(
    trigger: Token, actors: list[Actor], places: tuple[Place, ...], *, guess: bool = True
) -> tuple[Actor | None, Actor | None]:
    """actor1 (who acted) and actor2 (on whom) from the dependency parse around the trigger.

    With ``guess``, a side the parse leaves open takes the nearest fitting actor of the
    sentence (an armed one before the trigger for actor1, the next one after it for actor2).
    """
    agent_tokens: list[Token] = []
    patient_tokens: list[Token] = []
    verb = trigger
    if trigger.pos_ in ("NOUN", "PROPN") or trigger.tag_.startswith("NN"):
        for child in trigger.children:
            if child.dep_ in ("compound", "amod", "poss", "nmod"):
                agent_tokens.append(child)
            elif child.dep_ == "prep" and child.lower_ in TARGET_PREPS:
                patient_tokens.extend(c for c in child.children if c.dep_ == "pobj")
            elif child.dep_ == "prep" and child.lower_ == "by":
                agent_tokens.extend(c for c in child.children if c.dep_ == "pobj")
            elif child.dep_ == "acl":
                patient_tokens.extend(_patients_of(child))
        verb = trigger.head
        if trigger.dep_ in ("dobj", "nsubjpass", "pobj") and verb.pos_ in ("VERB", "AUX", "ADP"):
            if verb.pos_ == "ADP":
                verb = verb.head
            agent_tokens.extend(_agents_of(verb))
    elif trigger.pos_ == "ADJ":  # "students remained missing": the subject is the victim
        patient_tokens.extend(c for c in trigger.head.children if c.dep_ == "nsubj")
        patient_tokens.extend(c for c in trigger.children if c.dep_ == "nsubj")
    else:
        agent_tokens.extend(_agents_of(trigger))
        patient_tokens.extend(_patients_of(trigger))
        if trigger.lemma_ == "fall":  # "Kunduz fell to the Taliban"
            agent_tokens = [
                c for p in trigger.children if p.dep_ == "prep" and p.lower_ == "to"
                for c in p.children if c.dep_ == "pobj"
            ]
    actor1 = _actor_in(agent_tokens, actors)
    actor2 = _actor_in(patient_tokens, actors, exclude=actor1)
    if not guess:
        return actor1, actor2
    if actor1 is None:
        candidates = [a for a in actors if a is not actor2 and a.inter in ARMED_INTERS]
        before = [a for a in candidates if a.start < trigger.idx]
        actor1 = (before or candidates or [None])[0] if candidates else None
    if actor2 is None:
        rest = [
            a for a in actors
            if a is not actor1 and a.name != (actor1.name if actor1 else None)
            and not _is_unrealised(trigger.doc, a)
        ]
        after = [a for a in rest if a.start > trigger.idx]
        actor2 = (after or rest or [None])[0] if rest else None
    return actor1, actor2


def _is_unrealised(doc: Doc, actor: Actor) -> bool:
    """An actor inside a clause that did not happen ("failed to find Kurdish hostages")."""
    span = doc.char_span(actor.start, actor.end, alignment_mode="expand")
    if span is None:
        return False
    for node in span.root.ancestors:
        if any(c.dep_ == "neg" for c in node.children) or node.lemma_ in ("fail", "refuse"):
            return True
    return False


def _agents_of(verb: Token) -> list[Token]:
    agents = []
    for child in verb.children:
        if child.dep_ == "nsubj":
            agents.append(child)
        elif child.dep_ == "agent":
            agents.extend(c for c in child.children if c.dep_ == "pobj")
    if not agents and verb.dep_ in ("conj", "xcomp", "advcl", "relcl", "acl") and verb.head is not verb:
        if verb.dep_ in ("relcl", "acl"):
            return [verb.head]
        return _agents_of(verb.head)
    return agents


def _patients_of(verb: Token) -> list[Token]:
    patients = [c for c in verb.children if c.dep_ in PATIENT_DEPS]
    for child in verb.children:
        if child.dep_ == "prep" and child.lower_ in TARGET_PREPS:
            patients.extend(c for c in child.children if c.dep_ == "pobj")
    for patient in list(patients):  # "leaders of the Islamic State"
        for child in patient.children:
            if child.dep_ == "prep" and child.lower_ == "of":
                patients.extend(c for c in child.children if c.dep_ == "pobj")
    if not patients and verb.dep_ in ("conj",) and verb.head is not verb:
        return _patients_of(verb.head)
    return patients


def _actor_in(tokens: list[Token], actors: list[Actor], *, exclude: Actor | None = None) -> Actor | None:
    for token in tokens:
        subtree = list(token.subtree)
        start, end = subtree[0].idx, subtree[-1].idx + len(subtree[-1])
        head_hits = [
            a for a in actors if a.start <= token.idx < a.end and a is not exclude
        ]
        if head_hits:
            return head_hits[0]
        inside = [a for a in actors if start <= a.start < end and a is not exclude]
        if inside:
            return inside[0]
    return None


def _associated(
    actors: list[Actor], actor1: Actor | None, name1: str | None, inter1: int | None
) -> str | None:
    """A named armed group acting with actor1 in the same phrase ("Afghan and NATO forces")."""
    if actor1 is None or inter1 not in ARMED_INTERS:
        return None
    for other in actors:
        if other is actor1 or other.name == name1 or other.inter not in ARMED_INTERS:
            continue
        gap = other.start - actor1.end if other.start > actor1.end else actor1.start - other.end
        if 0 <= gap <= ASSOCIATE_GAP_CHARS:
            return other.name
    return None


ASSOCIATE_GAP_CHARS = 5  # "X and Y", "X, Y": at most this many characters between them


def _object_is_place(trigger: Token, places: tuple[Place, ...]) -> bool:
    if trigger.lemma_ == "fall":
        objects = [c for c in trigger.children if c.dep_ in ("nsubj", "nsubjpass")]
    else:
        objects = [c for c in trigger.children if c.dep_ in ("dobj", "nsubjpass", "obj")]
        objects += [
            c for p in trigger.children if p.dep_ == "prep" and p.lower_ in ("of", "over")
            for c in p.children if c.dep_ == "pobj"
        ]
    for obj in objects:
        if obj.lemma_.lower() in PLACE_NOUNS or obj.lower_ == "control":
            return True
        subtree = list(obj.subtree)
        start, end = subtree[0].idx, subtree[-1].idx + len(subtree[-1])
        if any(start <= p.start < end for p in places):
            return True
    return False


# --- where ------------------------------------------------------------------------------


def _event_place(
    sentence: Span, context: ReportContext, actors: list[Actor], trigger: Token | None = None
) -> tuple[Place | None, int]:
    """The place the event happened and ACLED's geo_precision for it."""
    dateline_end = len(context.document.dateline or "") if context.document.dateline else -1
    sources = _attribution_spans(sentence)  # where the source is, not the event
    candidates = []
    for place in context.places:
        if not sentence.start_char <= place.start < sentence.end_char:
            continue
        span = sentence.doc.char_span(place.start, place.end, alignment_mode="expand")
        if trigger is not None and span is not None and _in_other_clause(span.root, trigger):
            continue
        if any(start <= place.start < end for start, end in sources):
            continue  # "the website Deir al-Zour 24 said": where the source is, not the event
        if place.start < dateline_end + 2 and context.document.dateline:
            continue  # the dateline is where the reporter was
        if any(a.start <= place.start < a.end for a in actors):
            continue  # "U.S.-led", "Afghan forces"
        after = context.document.text[place.end:place.end + 7]
        if after.startswith(("-based", "-led", "-backed", "'s ")):
            continue
        if place.lat is None:
            continue
        candidates.append(place)
    if not candidates:
        return None, 3
    best = min(candidates, key=lambda p: (FEATURE_RANK.get(p.feature or "other", 2), p.start))
    precision = FEATURE_PRECISION.get(best.feature or "other", 1)
    if precision == 1 and _is_near(sentence, best):
        precision = 2
    return best, precision


def _attribution_spans(sentence: Span) -> list[tuple[int, int]]:
    """Character spans of who said it: "according to X" and the subject of "X said"."""
    spans = []
    for token in sentence:
        heads: list[Token] = []
        if token.lower_ == "according":
            heads = [token]
        elif token.lemma_ in ("say", "tell", "report", "quote") and token.pos_ == "VERB":
            heads = [c for c in token.children if c.dep_ == "nsubj"]
        elif token.lemma_ == "quote" and token.dep_ == "acl":
            heads = [c for c in token.children if c.dep_ == "agent"]
        for head in heads:
            subtree = list(head.subtree)
            spans.append((subtree[0].idx, subtree[-1].idx + len(subtree[-1])))
    return spans


def _is_near(sentence: Span, place: Place) -> bool:
    doc = sentence.doc
    span = doc.char_span(place.start, place.end, alignment_mode="expand")
    if span is None:
        return False
    window = doc[max(sentence.start, span.start - NEAR_WINDOW_TOKENS):span.start]
    return any(t.lower_ in NEAR_WORDS for t in window)


# --- when -------------------------------------------------------------------------------


def _event_timex(
    sentence: Span, trigger: Token, timexes: tuple[Timex, ...], codebook: Codebook
) -> Timex | None:
    """The DATE expression that governs the trigger, not one that dates a "said"."""
    best: tuple[int, Timex] | None = None
    for timex in timexes:
        if timex.type != "DATE" or not sentence.start_char <= timex.start < sentence.end_char:
            continue
        span = sentence.doc.char_span(timex.start, timex.end, alignment_mode="expand")
        if span is None:
            continue
        distance, via_reporting = _tree_distance(span.root, trigger, codebook)
        if via_reporting or _in_other_clause(span.root, trigger):
            continue
        if best is None or distance < best[0]:
            best = (distance, timex)
    return best[1] if best else None


def _in_other_clause(token: Token, trigger: Token) -> bool:
    """True when ``token`` sits in a relative clause the trigger is not part of
    ("fighters who had fired a missile toward Jizan a day earlier")."""
    trigger_line = {trigger.i, *(t.i for t in trigger.ancestors)}
    for node in [token, *token.ancestors]:
        if node.i in trigger_line:
            return False
        if node.dep_ == "relcl":
            return True
    return False


def _tree_distance(token: Token, trigger: Token, codebook: Codebook) -> tuple[int, bool]:
    """Steps from a timex up to the trigger's clause; True when a reporting verb comes first."""
    trigger_path = {t.i: n for n, t in enumerate([trigger, *trigger.ancestors])}
    steps = 0
    for node in [token, *token.ancestors]:
        if node.i != trigger.i and node.lemma_.lower() in codebook.reporting_verbs and (
            node.pos_ == "VERB"
        ):
            return 99, True
        if node.i != trigger.i and node.lemma_.lower() in STATIVE_LEMMAS:
            return 99, True  # "remained missing on Sunday" dates a state, not the event
        if node.i in trigger_path:
            return steps + trigger_path[node.i], False
        steps += 1
    return 50, False


def _timex_date(timex: Timex | None) -> tuple[dt.date | None, int]:
    if timex is None:
        return None, 3
    resolved = timex_date(timex.value, mod=timex_mod(timex))
    if resolved is None:
        return None, 3
    return resolved


# --- flags ------------------------------------------------------------------------------


def _flags(
    sentence: Span,
    trigger: Token,
    lower: str,
    timex: Timex | None,
    date: dt.date | None,
    reference: dt.date | None,
    codebook: Codebook,
) -> tuple[str, ...]:
    flags: list[str] = []
    if _is_historical(sentence, lower, timex, date, reference, codebook):
        flags.append("historical")
    if any(c.dep_ == "neg" for c in trigger.children) or (
        trigger.dep_ == "xcomp" and trigger.head.lemma_ in ("fail", "refuse")
    ):
        flags.append("negated")
    if any(c.dep_ == "aux" and c.lower_ in codebook.future_cues for c in trigger.children):
        flags.append("future")
    elif trigger.dep_ == "xcomp" and trigger.head.lemma_.lower() in codebook.future_cues:
        flags.append("future")
    clause_heads = (trigger, *list(trigger.ancestors)[:2])
    if any(
        c.dep_ == "mark" and c.lower_ in ("if", "unless", "whether")
        for head in clause_heads for c in head.children
    ):
        flags.append("hypothetical")
    return tuple(flags)


def _is_historical(
    sentence: Span,
    lower: str,
    timex: Timex | None,
    date: dt.date | None,
    reference: dt.date | None,
    codebook: Codebook,
) -> bool:
    if timex is not None and timex.value == "PAST_REF":
        return True
    if date is not None and reference is not None:
        if (reference - date).days > BACKGROUND_AGE_DAYS:
            return True
    if timex is not None and reference is not None and re.fullmatch(r"\d{4}", timex.value):
        if int(timex.value) < reference.year:
            return True
    return any(find_phrase(lower, cue) >= 0 for cue in codebook.background_cues)


def _has_background_cue(sentence: Span, context: ReportContext, codebook: Codebook) -> bool:
    lower = sentence.text.lower()
    if any(find_phrase(lower, cue) >= 0 for cue in codebook.background_cues):
        return True
    for timex in context.timexes:
        if sentence.start_char <= timex.start < sentence.end_char and timex.type == "DATE":
            date, _ = _timex_date(timex)
            if _is_historical(sentence, lower, timex, date, context.reference, codebook):
                return True
    return False


# --- fatalities -------------------------------------------------------------------------


def _fatalities(sentence: Span, codebook: Codebook) -> tuple[int, str | None, bool]:
    """Deaths reported in the sentence by ACLED's rules (injuries excluded).

    Returns the count, the phrase it came from, and whether it is an estimate from a vague
    word ("dozens", "several") rather than a stated number.
    """
    best: tuple[int, str, bool] | None = None
    for token in sentence:
        lemma = token.lemma_.lower()
        if lemma not in codebook.fatality_lemmas and token.lower_ not in codebook.fatality_lemmas:
            continue
        if any(c.dep_ == "neg" for c in token.children):
            continue
        found = _victim_count(token, codebook)
        if found is None:
            continue
        count, is_estimate = found
        if best is None or (not is_estimate and best[2]) or (
            is_estimate == best[2] and count > best[0]
        ):
            best = (count, _clause_text(token), is_estimate)
    return best if best else (0, None, False)


def _victim_count(token: Token, codebook: Codebook) -> tuple[int, bool] | None:
    """How many died, from the words attached to a fatality word; and if it is an estimate."""
    lemma = token.lemma_.lower()
    if lemma in ("kill", "slay", "behead", "execute", "massacre", "murder"):
        victims = [c for c in token.children if c.dep_ in ("nsubjpass", "dobj", "obj")]
        if token.dep_ in ("acl", "relcl") and not victims:  # "25 members killed in ..."
            victims = [token.head]
    elif lemma in ("die", "lose"):
        victims = [c for c in token.children if c.dep_ == "nsubj"]
        if token.dep_ in ("acl", "relcl") and not victims:
            victims = [token.head]
    elif lemma in ("body", "bodies"):  # "the bodies of 29 children"
        victims = [c for p in token.children if p.dep_ == "prep" and p.lower_ == "of"
                   for c in p.children if c.dep_ == "pobj"] + [token]
    elif lemma in ("dead", "death", "toll", "fatality"):
        victims = [token]
        if token.dep_ in ("acomp", "oprd") or token.lower_ == "dead":
            victims += [c for c in token.head.children if c.dep_ in ("nsubj", "dobj")]
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


# --- claims -----------------------------------------------------------------------------


def _sentence_claims(
    sentence: Span, codebook: Codebook, *, trigger: Token | None
) -> tuple[Claim, ...]:
    """"X said ..." / "according to X" in the sentence, with status from the wording."""
    lower = sentence.text.lower()
    is_unconfirmed = any(find_phrase(lower, cue) >= 0 for cue in codebook.unconfirmed_cues)
    claims = []
    for token in sentence:
        lemma = token.lemma_.lower()
        if lemma == "accord" and token.lower_ == "according":
            speakers = [
                c for p in token.children if p.dep_ == "prep" and p.lower_ == "to"
                for c in p.children if c.dep_ == "pobj"
            ]
            clause = token.head
        elif lemma in codebook.reporting_verbs and token.pos_ == "VERB":
            # "could not be confirmed", "no deaths were reported": a status, not a speaker
            speakers = [c for c in token.children if c.dep_ == "nsubj"]
            clauses = [c for c in token.children if c.dep_ in ("ccomp", "dobj", "xcomp")]
            clause = clauses[0] if clauses else token
        else:
            continue
        speaker = _speaker_name(speakers[0]) if speakers else None
        if speaker is None:
            continue
        status = "reported"
        if lemma == "confirm" and not any(c.dep_ == "neg" for c in token.children):
            status = "confirmed"
        elif lemma == "deny":
            status = "denied"
        if is_unconfirmed:
            status = "unconfirmed"
        text = _clause_text(clause) if clause is not token else sentence.text.strip()
        if lemma == "accord":
            text = _sentence_without(sentence, token)
        text = DATELINE_PREFIX_RE.sub("", text)
        claims.append(
            Claim(
                text=text,
                attributed_to=speaker,
                status=status,
                start=sentence.start_char,
                end=sentence.end_char,
                kind="occurrence",
            )
        )
    return tuple(claims)


def _speaker_name(token: Token) -> str | None:
    """Who said it: the named entity heading the subject, else its noun phrase.

    A pronoun ("he said") stands for the last person named before it; None if there is none.
    """
    doc = token.doc
    if token.tag_ == "PRP":
        people = [e for e in doc.ents if e.label_ == "PERSON" and e.end <= token.i]
        return _with_titles(people[-1]) if people else None
    appos = [c for c in token.children if c.dep_ == "appos" and c.pos_ == "PROPN"]
    if appos:
        sub = list(appos[0].subtree)
        return doc[sub[0].i:sub[-1].i + 1].text
    for ent in doc.ents:
        if ent.start <= token.i < ent.end and ent.label_ in SPEAKER_LABELS:
            return _with_titles(ent)
    if token.pos_ == "PROPN":
        left = [c.i for c in token.lefts if c.dep_ == "compound" and c.pos_ == "PROPN"]
        return doc[min([token.i, *left]):token.i + 1].text
    subtree = [t for t in token.subtree if not _inside_relative_clause(t, token)]
    subtree = subtree[:MAX_SPEAKER_TOKENS]
    words = [t for t in subtree if not (t.dep_ == "det" and t.i == subtree[0].i)]
    while words and words[-1].dep_ == "punct":
        words.pop()
    return doc[words[0].i:words[-1].i + 1].text if words else token.text


SPEAKER_LABELS = frozenset({"ORG", "PERSON", "NORP", "GPE", "WORK_OF_ART", "FAC"})
MAX_SPEAKER_TOKENS = 12


def _inside_relative_clause(token: Token, head: Token) -> bool:
    node = token
    while node.i != head.i and node.head.i != node.i:
        if node.dep_ in ("relcl", "punct"):
            return True
        node = node.head
    return False


def _with_titles(ent: Span) -> str:
    """A person's name with the titles before it ("Col. John Dorrian")."""
    doc = ent.doc
    start = ent.start
    while start > 0 and doc[start - 1].dep_ == "compound" and doc[start - 1].pos_ == "PROPN":
        start -= 1
    return doc[start:ent.end].text


def _clause_text(token: Token) -> str:
    subtree = list(token.subtree)
    doc = token.doc
    start, end = subtree[0].i, subtree[-1].i + 1
    while start < end and doc[start].dep_ in ("mark", "punct"):
        start += 1
    while end > start and doc[end - 1].dep_ == "punct":
        end -= 1
    return doc[start:end].text


def _sentence_without(sentence: Span, according: Token) -> str:
    sub = list(according.subtree)
    doc = sentence.doc
    before = doc[sentence.start:sub[0].i].text.strip().rstrip(",")
    after = doc[sub[-1].i + 1:sentence.end].text.strip().lstrip(",").strip()
    text = (before + " " + after).strip() if after not in (".", "") else before
    return text.rstrip(".").strip()


def order_mentions(mentions: Sequence[EventMention]) -> list[EventMention]:
    """Document order (by first evidence offset)."""
    return sorted(mentions, key=lambda m: m.evidence[0] if m.evidence else (0, 0))
