"""When an event happened: the time expression that governs its trigger.

Needs: the parse, the Timexes of the report. Adds: the date and ACLED time_precision of an
event mention, and the dates a sentence gives as claims. A timex that dates a "said" (the
report) or a state ("remained missing on Sunday") does not date the event.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from sitrep.codebook import Codebook
from sitrep.dates import timex_date, timex_mod
from sitrep.records import Claim, Timex

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

    from sitrep.events import ReportContext

STATIVE_LEMMAS = frozenset({"remain", "stay", "continue"})


def event_timex(
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
