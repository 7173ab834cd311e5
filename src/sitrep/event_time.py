"""When an event happened: the time expression that governs its trigger.

Needs: the parse, the Timexes of the report. Adds: the date and ACLED time_precision of an
event mention (``date_event``), and the dates a sentence gives as claims.

The rules, in order:

1. a DATE or TIME expression that governs the trigger (same clause; not one that dates a
   "said" or a state: "remained missing on Sunday"); a vague one ("recent") dates nothing,
   so the next rules still apply; a time of day that names no day ("around 7:35pm (3/02)",
   "early this morning (06/02)") takes the day the same clause gives;
2. else the time an earlier sentence set ("14 May. Rioters burnt tyres...", "On Monday,
   troops entered the town. Two soldiers were killed."), looking back at most
   ``MAX_INHERIT_SENTENCES`` sentences;
3. else the date the sentence gives for the report itself ("As reported on 19 March 2020,
   ..."): the event happened on or before it, so it is coded at precision 2 for "reported
   on" (the date of a report, not of the event) and at the expression's own precision for
   a statement ("On 19 March, local sources said ...") or for the event reported itself
   ("Clashes were reported on 30 April").

Given the reporting date (``date_event(..., reference=...)``), an event told in the past
takes no time expression that begins after it: "staged a walk ... for peaceful elections
in December" in a November report is not dated December.

A day given with a hedge ("Around 18 May 2020", "On or after October 17th", "05 August
(or around)", "3 July (week of)", "7 August (as reported)") is coded at precision 2, as
ACLED codes a day it is not sure of: the day as given, within its week.

With none of these the event has no date here; ``fuse`` falls back to the reporting date
at lower precision and says so in the notes.

A later sentence without an event of its own gives a date claim for the current event only
when its date dates the event's happening ("The attack took place on Monday", "It was on
12 May", "Police said ... on Sunday"), not another happening ("The appointee was
confirmed on 26 April").
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sitrep.codebook import Codebook
from sitrep.dates import timex_date, timex_mod
from sitrep.records import Claim, Timex
from sitrep.timex_calendar import REPORTING_LEMMAS
from sitrep.timex_patterns import MONTH

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

    from sitrep.events import ReportContext

STATIVE_LEMMAS = frozenset({"remain", "stay", "continue"})
# verbs whose date is the date of the event a sentence refers back to ("it happened on ...")
OCCURRENCE_LEMMAS = frozenset({
    "be", "happen", "occur", "take", "hold", "stage", "come", "begin", "start", "erupt",
    "break", "end",
})
# a day of its own in a TIME expression ("10pm on Monday", "Friday night", "Jan. 8 at
# noon"); "this morning" or "at 7:35pm" take the reporting day unless their clause gives one
_NAMES_A_DAY = re.compile(
    r"(?:mon|tues|wednes|thurs|fri|satur|sun)day|yesterday|tomorrow|/|" + MONTH, re.IGNORECASE
)
MAX_INHERIT_SENTENCES = 2  # how many sentences back a time set earlier still applies
REPORT_DATE_PRECISION = 2  # "as reported on X": the event is on or shortly before X
REPORT_LEMMAS = frozenset({"report"})
HEDGED_DAY_PRECISION = 2  # "around 18 May": ACLED's week precision on the day given
HEDGE_WINDOW_CHARS = 30  # how far around a day expression to look for a hedge
_HEDGE_BEFORE = re.compile(
    r"\b(?:around|about|approximately|circa|on or (?:about|around|after|before)|"
    r"as repor\w* on|reportedly on)\s+(?:on\s+)?(?:the\s+)?$",
    re.IGNORECASE,
)
_HEDGE_AFTER = re.compile(
    r"^,?\s*(?:\((?:or around|on or around|as reported|week of|approx\w*|or so|"
    r"or thereabouts)\b|or (?:around|so|thereabouts)\b)",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class EventTime:
    """The date of one event mention and where it came from.

    ``source``: "governing" (the trigger's own time expression), "earlier sentence",
    "report date" (the sentence dates only the report) or None (no date in the text).
    """

    timex: Timex | None
    date: dt.date | None
    precision: int
    source: str | None


def date_event(
    sentence: Span,
    trigger: Token,
    timexes: tuple[Timex, ...],
    codebook: Codebook,
    *,
    reference: dt.date | None = None,
) -> EventTime:
    """The date of the event ``trigger`` reports, by the rules in the module docstring.

    With the ``reference`` (reporting) date, an event told in the past takes no time
    expression that begins after it ("staged a walk ... for peaceful elections in
    December", in a November report)."""
    if reference is not None and is_told_as_past(trigger):
        timexes = tuple(t for t in timexes if not _begins_after(t, reference))
    when = _date_event(sentence, trigger, timexes, codebook)
    if when.timex is not None and when.precision == 1 and is_hedged(
        when.timex, sentence.doc.text
    ):
        return EventTime(when.timex, when.date, HEDGED_DAY_PRECISION, when.source)
    return when


def is_told_as_past(trigger: Token) -> bool:
    """True when the verb that carries the trigger is in a past tense ("staged a walk",
    "were killed", "had attacked")."""
    verb = next((t for t in [trigger, *trigger.ancestors] if t.pos_ in ("VERB", "AUX")), None)
    if verb is None:
        return False
    auxiliaries = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    return verb.tag_ == "VBD" or any(
        a.tag_ == "VBD" or a.lemma_.lower() == "have" for a in auxiliaries
    )


def _begins_after(timex: Timex, reference: dt.date) -> bool:
    date, precision = date_of_timex(timex)
    if date is None:
        return False
    first_day = {1: date, 2: date - dt.timedelta(days=date.isoweekday() - 1)}.get(
        precision, date.replace(day=1)
    )
    return first_day > reference


def is_hedged(timex: Timex, text: str) -> bool:
    """True when a hedge comes with a day ("around 18 May", "5 August (or around)")."""
    if timex.type != "DATE":
        return False
    before = text[max(0, timex.start - HEDGE_WINDOW_CHARS):timex.start]
    after = text[timex.end:timex.end + HEDGE_WINDOW_CHARS]
    return bool(_HEDGE_BEFORE.search(before) or _HEDGE_AFTER.match(after))


def _date_event(
    sentence: Span, trigger: Token, timexes: tuple[Timex, ...], codebook: Codebook
) -> EventTime:
    governing = event_timex(sentence, trigger, timexes, codebook)
    if governing is not None and is_bare_clock_time(governing):
        day = event_timex(sentence, trigger, timexes, codebook, types=("DATE",))
        if day is not None and date_of_timex(day)[1] == 1:
            governing = day
    if governing is not None and not governing.value.endswith("_REF"):
        date, precision = date_of_timex(governing)  # a year still governs: no day to code
        return EventTime(governing, date, precision, "governing" if date else None)
    if not any(_in_sentence(t, sentence) and date_of_timex(t)[0] for t in timexes):
        inherited = _earlier_sentence_timex(sentence, timexes)
        if inherited is not None:
            date, precision = date_of_timex(inherited)
            return EventTime(inherited, date, precision, "earlier sentence")
    reported = _report_timex(sentence, timexes, codebook)
    if reported is not None:
        timex, verb = reported
        date, precision = date_of_timex(timex)
        if date is not None:
            if verb.lemma_.lower() in REPORT_LEMMAS and not _is_reported_subject(trigger, verb):
                precision = max(precision, REPORT_DATE_PRECISION)
            return EventTime(timex, date, precision, "report date")
    return EventTime(governing, None, 3, None)  # "in recent months" still marks history


def _in_sentence(timex: Timex, sentence: Span) -> bool:
    return sentence.start_char <= timex.start < sentence.end_char


def _earlier_sentence_timex(sentence: Span, timexes: tuple[Timex, ...]) -> Timex | None:
    """The last day, week or month expression of the closest earlier sentence that has one
    (within ``MAX_INHERIT_SENTENCES``)."""
    previous = [s for s in sentence.doc.sents if s.end_char <= sentence.start_char]
    for earlier in reversed(previous[-MAX_INHERIT_SENTENCES:]):
        dated = [t for t in timexes if t.type in ("DATE", "TIME") and _in_sentence(t, earlier)]
        if not dated:
            continue
        resolvable = [t for t in dated if date_of_timex(t)[0] is not None]
        return resolvable[-1] if resolvable else None
    return None


def _is_reported_subject(trigger: Token, verb: Token) -> bool:
    """True for "Clashes were reported on 30 April": the event itself is what the date
    reports, so the date is the event's, not only its report's."""
    return trigger.head.i == verb.i and trigger.dep_ == "nsubjpass"


def _report_timex(
    sentence: Span, timexes: tuple[Timex, ...], codebook: Codebook
) -> tuple[Timex, Token] | None:
    """A DATE expression of the sentence that dates its reporting verb, with the verb."""
    for timex in timexes:
        if timex.type not in ("DATE", "TIME") or not _in_sentence(timex, sentence):
            continue
        span = sentence.doc.char_span(timex.start, timex.end, alignment_mode="expand")
        if span is None:
            continue
        for node in span.root.ancestors:
            lemma = node.lemma_.lower()
            if node.pos_ in ("VERB", "AUX") and lemma in codebook.reporting_verbs | REPORT_LEMMAS:
                return timex, node
            if node.pos_ == "VERB":
                break
    return None


def is_bare_clock_time(timex: Timex) -> bool:
    """True for a time of day that names no day ("around 7:35pm", "early this morning")."""
    return timex.type == "TIME" and not _NAMES_A_DAY.search(timex.text)


def event_timex(
    sentence: Span,
    trigger: Token,
    timexes: tuple[Timex, ...],
    codebook: Codebook,
    *,
    types: tuple[str, ...] = ("DATE", "TIME"),
) -> Timex | None:
    """The expression of one of ``types`` that governs the trigger, not one that dates a
    "said"."""
    best: tuple[int, Timex] | None = None
    for timex in timexes:
        if timex.type not in types or not _in_sentence(timex, sentence):
            continue
        span = sentence.doc.char_span(timex.start, timex.end, alignment_mode="expand")
        if span is None:
            continue
        distance, via_reporting = _tree_distance(span.root, trigger, codebook)
        if via_reporting or in_other_clause(span.root, trigger):
            continue
        if best is None or distance < best[0]:
            best = (distance, timex)
    return best[1] if best else None


def in_other_clause(token: Token, trigger: Token) -> bool:
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


def date_of_timex(timex: Timex | None) -> tuple[dt.date | None, int]:
    if timex is None:
        return None, 3
    resolved = timex_date(timex.value, mod=timex_mod(timex))
    if resolved is None:
        return None, 3
    return resolved


def date_claims(
    sentence: Span, context: ReportContext, *, speaker: str | None
) -> tuple[Claim, ...]:
    """Dates a trigger-less sentence gives for the current event: those of its happening
    or its report, not of another happening (module docstring)."""
    claims = []
    for timex in context.timexes:
        if timex.type != "DATE" or not sentence.start_char <= timex.start < sentence.end_char:
            continue
        date, _ = date_of_timex(timex)
        if date is None or not _dates_the_event_referred_to(sentence, timex):
            continue
        claims.append(
            Claim(text=timex.text, attributed_to=speaker, status="reported", start=timex.start,
                  end=timex.end, kind="date", value=date.isoformat())
        )
    return tuple(claims)


def _dates_the_event_referred_to(sentence: Span, timex: Timex) -> bool:
    """True when the verb ``timex`` hangs on tells of a happening or reports one ("took
    place", "was", "said", "confirm an operation"), on the word "date" ("Date known only as
    April 2013"), or on no verb ("[Day 2: Thursday]")."""
    span = sentence.doc.char_span(timex.start, timex.end, alignment_mode="expand")
    if span is None:
        return True
    if any(t.lemma_.lower() == "date" for t in span.root.ancestors):
        return True  # "Date known only as April 2013"
    verb = next((t for t in span.root.ancestors if t.pos_ in ("VERB", "AUX")), None)
    if verb is None:
        return True
    lemma = verb.lemma_.lower()
    if lemma in OCCURRENCE_LEMMAS | REPORT_LEMMAS:
        return True
    # "said on Sunday that ...", "can confirm an operation on Jan. 8"; not a passive whose
    # subject is confirmed ("the appointee was confirmed on 26 April")
    return lemma in REPORTING_LEMMAS and not any(c.dep_ == "nsubjpass" for c in verb.children)
