"""Event modality: whether a coded act happened, and happened now.

Needs: the parse of a sentence, the trigger, its Timex and date, the reference (reporting)
date and the codebook (future and background cues, reporting verbs). Adds: the flags of an
event mention (``_flags``: historical, negated, future, hypothetical), whether a trigger
names an act that did not happen (``_is_unrealised_act``), and whether a sentence is
background to the report (``_has_background_cue``).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from sitrep.codebook import Codebook, find_phrase
from sitrep.event_time import date_of_timex
from sitrep.fatality_causes import CAUSE_VERBS, SPARKING_LEMMAS

if TYPE_CHECKING:
    import datetime as dt
    from collections.abc import Callable, Sequence

    from spacy.tokens import Span, Token

    from sitrep.events import ReportContext
    from sitrep.records import Timex

BACKGROUND_AGE_DAYS = 30  # an event this much older than the report is background


# --- flags ------------------------------------------------------------------------------


def _flags(
    sentence: Span,
    trigger: Token,
    timex: Timex | None,
    date: dt.date | None,
    reference: dt.date | None,
    codebook: Codebook,
    *,
    timexes: Sequence[Timex] = (),
) -> tuple[str, ...]:
    flags: list[str] = []
    own_clause = _own_clause_text(sentence, trigger, codebook=codebook)
    # a protest "since" something is still going on: "demonstrated against police brutality
    # since the curfew", "on strike since July" are news, whatever the "since" names
    recent_since = codebook.is_protest_word(trigger) or _recent_since(sentence, timexes, reference)
    if _is_historical(sentence, own_clause, timex, date, reference, codebook, trigger=trigger,
                      recent_since=recent_since):
        flags.append("historical")
    if _is_negated(trigger):
        flags.append("negated")
    if _is_unrealised(trigger, codebook):
        flags.append("future")
    if _is_hypothetical(trigger):
        flags.append("hypothetical")
    return tuple(flags)


def _is_unrealised_act(trigger: Token, codebook: Codebook) -> bool:
    """The trigger names an act that did not happen: negated, future or hypothetical."""
    return _is_negated(trigger) or _is_unrealised(trigger, codebook) or (
        _is_hypothetical(trigger))


def _is_negated(trigger: Token) -> bool:
    if _is_event_subject(trigger) and any(c.dep_ == "neg" for c in trigger.head.children):
        return True  # "the offensive did not follow"
    if trigger.pos_ == "NOUN" and _has_no(trigger):
        return True  # "no arrests have been made"
    if _is_absent(trigger):
        return True  # "the march went on without confrontations"
    return any(c.dep_ == "neg" for c in trigger.children) or (
        trigger.dep_ == "xcomp" and trigger.head.lemma_ in ("fail", "refuse")
    ) or _is_failed(trigger)


def _is_failed(trigger: Token) -> bool:
    """An infinitive a noun of failure names as not done: "the failure of police to arrest
    any suspects", "their refusal to disperse" (the noun's phrase ends just before "to",
    however the parser hangs the infinitive)."""
    to = next((c for c in trigger.children if c.dep_ == "aux" and c.lower_ == "to"), None)
    if to is None:
        return False
    doc = trigger.doc
    return any(t.lemma_.lower() in FAILURE_NOUNS and all(
        t.is_ancestor(doc[k]) for k in range(t.i + 1, to.i))
        for t in doc[max(0, to.i - FAILURE_REACH) : to.i])


# what was not done, named by a noun: "the failure of police to arrest", "their refusal to
# disperse"
FAILURE_NOUNS = frozenset({"failure", "refusal", "inability"})
FAILURE_REACH = 8  # tokens from the noun to its "to": "the failure of the county police to"


ABSENCE_WORDS = frozenset({"devoid", "free", "absence"})  # "... of": what did not happen


def _is_absent(trigger: Token) -> bool:
    """A noun trigger named as what was missing: "without confrontations", "devoid of
    police presence and running battles", "free of violence", "no reports of clashes"
    (through coordination)."""
    node = trigger
    while node.dep_ == "conj" and node.head.i != node.i:
        node = node.head
    if node.dep_ != "pobj" or trigger.pos_ not in ("NOUN", "PROPN"):
        return False
    prep = node.head
    return prep.lower_ == "without" or prep.lower_ == "of" and (
        prep.head.lower_ in ABSENCE_WORDS
        or _has_no(prep.head))  # "no reports of violence or clashes with police"


def _has_no(noun: Token) -> bool:
    """"no arrests", "no reports": the noun is determined by "no"."""
    return any(c.dep_ == "det" and c.lower_ == "no" for c in noun.children)


def _is_event_subject(trigger: Token) -> bool:
    """A noun trigger that is the subject of its clause's verb ("the offensive will
    follow"): what the verb says of it (future, negated) says it of the act. Not a verb
    past a semicolon, another clause the parser joined to it ("Clashes between Kikuyu
    and Maasai; eight killed; may include civilians")."""
    head = trigger.head
    between = trigger.doc[min(trigger.i, head.i):max(trigger.i, head.i)]
    return (trigger.dep_ == "nsubj" and trigger.pos_ in ("NOUN", "PROPN")
            and head.pos_ in ("VERB", "AUX") and not any(t.text == ";" for t in between))


def _is_hypothetical(trigger: Token) -> bool:
    """"if ... there are people protesting": a condition, not a report; "two workers are
    killed a week": a rate, no particular act."""
    clause_heads = (trigger, *trigger.ancestors)
    return any(
        c.dep_ == "mark" and c.lower_ in ("if", "unless", "whether")
        for head in clause_heads for c in head.children
    ) or _is_rate(trigger)


RATE_NOUNS = frozenset({"day", "week", "month", "year"})
RATE_DETERMINERS = frozenset({"a", "an", "every", "each", "per"})
PRESENT_TAGS = frozenset({"VBP", "VBZ"})


def _is_rate(trigger: Token) -> bool:
    """A present-tense act "a week", "every year", "each day": how often such acts
    happen ("are killed a week", "die every year in raids"), not a report of one."""
    present = trigger.tag_ in PRESENT_TAGS or any(
        c.dep_ in ("aux", "auxpass") and c.tag_ in PRESENT_TAGS for c in trigger.children)
    return present and any(
        c.dep_ == "npadvmod" and c.lemma_.lower() in RATE_NOUNS
        and any(d.lower_ in RATE_DETERMINERS for d in c.children)
        for c in trigger.children
    )


def _is_unrealised(trigger: Token, codebook: Codebook) -> bool:
    """An act that is planned, wished, possible or required, not reported as done.

    A modal or future auxiliary on the trigger, or on the verb whose object or subject it
    is ("can launch an attack", "an offensive will follow", "there will be riots"; not "can
    confirm an operation", a statement about a past act), or on a verb that would let it
    happen ("would help hackers attack"); an infinitive under a verb of intent
    ("vowed to attack") or under a noun of intent ("pressure to arrest him", "a plan to
    attack"; not "a march to demand", the purpose of an act that happened); what a warning
    or a fear is about ("warned that robbers were targeting shoppers"); what someone
    demands ("demanding the arrest of the officers", "a call for protests").
    """
    verbs = [trigger]
    if trigger.dep_ in ("dobj", "nsubjpass", "attr") and trigger.head.i != trigger.i and (
        trigger.head.lemma_.lower() not in codebook.reporting_verbs  # "can confirm a raid"
    ):
        verbs.append(trigger.head)
    if _is_event_subject(trigger):
        verbs.append(trigger.head)  # "an offensive will follow"
    for verb in verbs:
        if any(c.dep_ == "aux" and c.lower_ in codebook.future_cues for c in verb.children):
            return True
        if verb.dep_ == "xcomp" and verb.head.lemma_.lower() in codebook.future_cues:
            return True
        if verb.dep_ in ("xcomp", "ccomp") and verb.head.lemma_.lower() in ENABLING_VERBS and (
            any(c.dep_ == "aux" and c.lower_ in codebook.future_cues for c in verb.head.children)
        ):
            return True  # "would help hackers attack", "will let them strike"
        if verb is not trigger and verb.lemma_.lower() in SCHEDULED_LEMMAS and any(
            c.dep_ == "xcomp" for c in verb.children
        ):
            return True  # "the attack was supposed to take place": planned, not reported
        if verb.dep_ == "ccomp" and verb.head.lemma_.lower() in WARNING_VERBS:
            return True  # "warned that robbers were targeting shoppers": a danger, not a report
        if _is_demanded(verb):
            return True  # "demanding the arrest of the officers": what they want done
        is_infinitive = any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
        if is_infinitive and any(  # "while on their way to blow up a cash machine"
            c.dep_ == "prep" and c.lower_ == "on" and any(g.lemma_.lower() == "way"
                                                          for g in c.children)
            for c in verb.children
        ):
            return True
        if is_infinitive and verb.dep_ in ("acl", "relcl", "advcl") and (
            verb.head.lemma_.lower() in codebook.future_cues
        ) and not _is_strike_called(verb, codebook):
            return True
    return False


# what an act was "supposed" or "scheduled" to do: it was planned, not reported done
SCHEDULED_LEMMAS = frozenset({"suppose", "schedule"})
CALLED_STRIKE_WORDS = frozenset({"band", "bandh", "banda", "hartal", "shutdown", "strike"})


def _is_strike_called(verb: Token, codebook: Codebook) -> bool:
    """"called a bandh to protest against the project": the protest is the strike called,
    not one called for (not "called on residents to protest", "called people to protest")."""
    return verb.head.lemma_.lower() == "call" and codebook.is_protest_word(verb) and any(
        c.dep_ == "dobj" and c.lower_ in CALLED_STRIKE_WORDS for c in verb.head.children)


WARNING_VERBS = frozenset({"warn", "fear"})
DEMAND_VERBS = frozenset({"demand", "seek", "want", "urge"})


def _is_demanded(trigger: Token) -> bool:
    """A noun trigger that is what someone demands ("demanding the arrest of the officers",
    "called for the arrest of the MP"): an act wanted, not done."""
    if trigger.pos_ not in NOUN_POS:
        return False
    head = trigger.head
    if trigger.dep_ == "dobj" and head.lemma_.lower() in DEMAND_VERBS:
        return True
    return (trigger.dep_ == "pobj" and head.lower_ == "for"
            and head.head.lemma_.lower() == "call")
ENABLING_VERBS = frozenset({"help", "let", "allow", "enable", "make"})


def _own_clause_text(sentence: Span, trigger: Token, *, clauses_only: bool = False,
                     codebook: Codebook | None = None) -> str:
    """The sentence in lower case with what describes something other than the trigger's
    act blanked out, so a background cue there does not make the act background:
    relative clauses ("Dwellers, who became citizens five months ago, hit the streets"),
    other clauses ("... killed a soldier, and in another attack a sniper shot two"; "kill
    a student protesting recent deaths"), a noun's own modifiers ("a protest against
    the attacks on politicians the previous day") and, with ``codebook``, what a protest
    trigger is against or about."""
    protest = codebook is not None and codebook.is_protest_word(trigger)
    return text_without(sentence, trigger, lambda token: (
        _describes_something_else(token, clauses_only=clauses_only)
        or protest and _names_grievance(token)))


def text_without(sentence: Span, trigger: Token, blank: Callable[[Token], bool]) -> str:
    """The sentence in lower case with the subtree of every token ``blank`` picks blanked
    out, unless it holds the trigger (offsets kept: spaces stand for what was taken)."""
    chars = list(sentence.text.lower())
    for token in sentence:
        if trigger in token.subtree or not blank(token):
            continue
        subtree = list(token.subtree)
        start = subtree[0].idx - sentence.start_char
        end = subtree[-1].idx + len(subtree[-1]) - sentence.start_char
        chars[start:end] = " " * (end - start)
    return "".join(chars)


OTHER_CLAUSE_DEPS = frozenset({"relcl", "acl", "advcl"})
CLAUSE_POS = frozenset({"VERB", "AUX"})
NOUN_POS = frozenset({"NOUN", "PROPN"})
NOUN_MODIFIER_DEPS = frozenset({"prep", "npadvmod"})  # "attacks on him the previous day"


# what a protest is against or about; not fatality_causes.CAUSE_MARKERS' "after",
# "following", "since", whose objects may date the protest itself ("since Monday night")
GRIEVANCE_PREPOSITIONS = frozenset({"against", "over", "about"})
REASON_PREPOSITIONS = GRIEVANCE_PREPOSITIONS | {"for"}


def _names_grievance(token: Token) -> bool:
    """What a protest is against, about or for ("protested against a law passed last year",
    "condemned the killings of two years ago"): its background words are the grievance's,
    not the protest's."""
    return (token.dep_ == "pobj" and token.head.lower_ in GRIEVANCE_PREPOSITIONS) or (
        # a reason told as a verb: "staged protests for cancelling a previous exam"
        token.dep_ == "pcomp" and token.head.lower_ in REASON_PREPOSITIONS) or (
        token.dep_ == "dobj" and token.head.lemma_.lower() in CAUSE_VERBS) or (
        # "violence sparked by the arrest of the sect's founder": what set it off
        token.dep_ == "pobj" and token.head.lower_ == "by"
        and token.head.head.lemma_.lower() in SPARKING_LEMMAS) or (
        # what a crowd demands: "demanding that the governor detain the culprits",
        # "demanded an inquiry into the detention of their chairman", "demanding pay and
        # the freeing of members who were detained" (the parser hangs these on the verb)
        token.head.lemma_.lower() in DEMAND_LEMMAS
        and (token.dep_ in DEMANDED_DEPS or token.dep_ == "conj" and token.pos_ == "NOUN"))


DEMAND_LEMMAS = frozenset({"demand", "urge", "seek"})
DEMANDED_DEPS = frozenset({"dobj", "ccomp", "xcomp", "prep"})


def _describes_something_else(token: Token, *, clauses_only: bool = False) -> bool:
    """The token heads a clause of its own, or a prepositional or adverbial modifier of a
    noun ("the eviction of traders the previous day")."""
    if token.dep_ in OTHER_CLAUSE_DEPS:
        return True
    if token.dep_ == "conj" and token.pos_ in CLAUSE_POS:
        return True
    return not clauses_only and token.dep_ in NOUN_MODIFIER_DEPS and token.head.pos_ in NOUN_POS


RECENT_PAST_WORDS = frozenset({"recent", "recently", "lately", "of late"})


def _is_historical(
    sentence: Span,
    lower: str,
    timex: Timex | None,
    date: dt.date | None,
    reference: dt.date | None,
    codebook: Codebook,
    *,
    trigger: Token | None = None,
    recent_since: bool = False,
) -> bool:
    if timex is not None and not _dates_the_act(timex, sentence, trigger, codebook):
        timex, date = None, None  # "protest recent killings": the killings' time
    if timex is not None and timex.value == "PAST_REF" and (
        timex.text.lower() not in RECENT_PAST_WORDS
    ):
        return True  # "formerly", "in the past"; "recently" is when news happens
    if date is not None and reference is not None:
        if (reference - date).days > BACKGROUND_AGE_DAYS:
            return True
    if timex is not None and reference is not None and re.fullmatch(r"\d{4}", timex.value):
        if int(timex.value) < reference.year:
            return True
    if timex is not None and reference is not None and re.fullmatch(r"\d{3}", timex.value) and (
        re.search(r"\d{4}", timex.text)  # not an age: "a woman in her 30s"
    ) and int(timex.value) * 10 + 9 < reference.year:
        return True  # a decade over before the report's year: "in the late 1970s"
    return _background_cue(lower, codebook, recent_since=recent_since)


def _background_cue(lower: str, codebook: Codebook, *, recent_since: bool) -> bool:
    return any(find_phrase(lower, cue) >= 0 for cue in codebook.background_cues
               if not (recent_since and cue in SINCE_WORDS)
               and not (cue in ANNIVERSARY_WORDS and HELD_ON_ANNIVERSARY.search(lower)))


SINCE_WORDS = frozenset({"since"})
ANNIVERSARY_WORDS = frozenset({"anniversary"})
# an act held on or for an anniversary happens now: "held protests on the 20th
# anniversary of the coup", "set fire to an office during the first anniversary of the polls",
# "observed the first 'death anniversary' of ..." (words in quotes)
HELD_ON_ANNIVERSARY = re.compile(
    r"\b(?:on|during|marking|mark|marks|marked|commemorating|commemorate|commemorated|"
    r"observing|observe|observed|celebrating|celebrate|celebrated)\s+"
    r"(?:(?:the|its|their|his|her)\s+)?(?:[\"'“‘]?[\w-]+[\"'”’]?\s+){0,3}[\"'“‘]?anniversary\b")


def _recent_since(
    sentence: Span, timexes: Sequence[Timex], reference: dt.date | None
) -> bool:
    """Something goes on "since" a recent time ("on hunger strike since Monday night",
    "protests since early this morning"): that "since" marks no background."""
    if reference is None:
        return False
    for timex in timexes:
        if not sentence.start_char <= timex.start < sentence.end_char or (
            timex.type not in ("DATE", "TIME")
        ):
            continue
        before = sentence.doc.text[max(sentence.start_char, timex.start - 20):timex.start]
        if re.search(r"\bsince\s+(?:\w+\s+)?$", before.lower()) is None:
            continue
        date, _ = date_of_timex(timex)
        if date is not None and 0 <= (reference - date).days <= BACKGROUND_AGE_DAYS:
            return True
    return False


def _dates_the_act(timex: Timex, sentence: Span, trigger: Token | None,
                   codebook: Codebook) -> bool:
    """The timex may date the trigger's act: it is not in another clause (see
    ``_own_clause_text``: "killed a student protesting recent deaths") nor in what a
    protest is against ("a protest against the 1984 carnage"), and is not a modifier of
    another noun ("protest recent killings", "the fatal Dec. 22 shooting", "the 2014
    movement")."""
    if trigger is None:
        return True
    if re.search(r"\bfor\s+$", sentence.doc.text[max(0, timex.start - 6):timex.start].lower()):
        return False  # "protested ... for the past year": how long, up to the news
    # a date the parser hung on a noun ("the rape of a student in 1993") may still be the
    # act's: only another clause takes it away
    clauses = _own_clause_text(sentence, trigger, clauses_only=True, codebook=codebook)
    offset = timex.start - sentence.start_char
    if 0 <= offset < len(clauses) and clauses[offset].isspace():
        return False
    span = sentence.doc.char_span(timex.start, timex.end, alignment_mode="expand")
    if span is None:
        return True
    head = span.root.head
    return not (span.root.dep_ in DATE_MODIFIER_DEPS and head.pos_ in NOUN_POS
                and head.i != trigger.i and head.i not in {t.i for t in span})


# a date that modifies a noun dates that noun: "the fatal Dec. 22 shooting", "the 2014
# movement", "survivors of the 2010 floods"
DATE_MODIFIER_DEPS = frozenset({"amod", "compound", "nmod", "nummod"})


def _has_background_cue(sentence: Span, context: ReportContext, codebook: Codebook) -> bool:
    lower = sentence.text.lower()
    recent_since = _recent_since(sentence, context.timexes, context.reference)
    if _background_cue(lower, codebook, recent_since=recent_since):
        return True
    for timex in context.timexes:
        if sentence.start_char <= timex.start < sentence.end_char and timex.type == "DATE":
            date, _ = date_of_timex(timex)
            if _is_historical(sentence, lower, timex, date, context.reference, codebook,
                              recent_since=recent_since):
                return True
    return False
