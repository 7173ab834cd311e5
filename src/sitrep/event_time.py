"""When an event happened: the time expression that governs its trigger.

Needs: the parse, the Timexes of the report. Adds: the date and ACLED time_precision of an
event mention (``date_event``), and the dates a sentence gives as claims.

The rules, in order:

1. a DATE or TIME expression that governs the trigger (same clause; not one that dates a
   "said" or a state: "remained missing on Sunday"); a vague one ("recent") dates nothing,
   so the next rules still apply;
2. else the time an earlier sentence set ("14 May. Rioters burnt tyres...", "On Monday,
   troops entered the town. Two soldiers were killed."), looking back at most
   ``MAX_INHERIT_SENTENCES`` sentences;
3. else the date the sentence gives for the report itself ("As reported on 19 March 2020,
   ..."): the event happened on or before it, so it is coded at precision 2 for "reported
   on" (the date of a report, not of the event) and at the expression's own precision for
   a statement ("On 19 March, local sources said ...").

With none of these the event has no date here; ``fuse`` falls back to the reporting date
at lower precision and says so in the notes.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sitrep.codebook import Codebook
from sitrep.dates import timex_date, timex_mod
from sitrep.records import Claim, Timex

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

    from sitrep.events import ReportContext

STATIVE_LEMMAS = frozenset({"remain", "stay", "continue"})
MAX_INHERIT_SENTENCES = 2  # how many sentences back a time set earlier still applies
REPORT_DATE_PRECISION = 2  # "as reported on X": the event is on or shortly before X
REPORT_LEMMAS = frozenset({"report"})


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
    sentence: Span, trigger: Token, timexes: tuple[Timex, ...], codebook: Codebook
) -> EventTime:
    """The date of the event ``trigger`` reports, by the rules in the module docstring."""
    governing = event_timex(sentence, trigger, timexes, codebook)
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
        timex, verb_lemma = reported
        date, precision = date_of_timex(timex)
        if date is not None:
            if verb_lemma in REPORT_LEMMAS:
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


def _report_timex(
    sentence: Span, timexes: tuple[Timex, ...], codebook: Codebook
) -> tuple[Timex, str] | None:
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
                return timex, lemma
            if node.pos_ == "VERB":
                break
    return None


def event_timex(
    sentence: Span, trigger: Token, timexes: tuple[Timex, ...], codebook: Codebook
) -> Timex | None:
    """The DATE or TIME expression that governs the trigger, not one that dates a "said"."""
    best: tuple[int, Timex] | None = None
    for timex in timexes:
        if timex.type not in ("DATE", "TIME") or not _in_sentence(timex, sentence):
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
    """Dates a trigger-less sentence gives for the current event."""
    claims = []
    for timex in context.timexes:
        if timex.type != "DATE" or not sentence.start_char <= timex.start < sentence.end_char:
            continue
        date, _ = date_of_timex(timex)
        if date is None:
            continue
        claims.append(
            Claim(text=timex.text, attributed_to=speaker, status="reported", start=timex.start,
                  end=timex.end, kind="date", value=date.isoformat())
        )
    return tuple(claims)
