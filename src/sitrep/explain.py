"""Explain: why each event of a report was coded as it was.

Needs: a processed report (``ReportResult``) and the codebook. Adds: per event, the
trigger and the codebook rule that fired for each mention fused into it, and for every
coded field (type, actors, place, date, fatalities) the spans of the report behind it, or
the default the codebook supplied when the report names nothing.

Nothing here decides anything: it reads back what the events and fuse stages recorded, so
an analyst can check a coding against the text and the rule in ``data/codebook.yaml``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from sitrep.codebook import Codebook
from sitrep.fatality_choice import FATALITY_KINDS, choose_fatalities
from sitrep.pipeline import ReportResult
from sitrep.records import Actor, Event, EventMention, Place

PLACEHOLDER_RE = re.compile(r"\{country\}|\([^()]*\)$")  # "{country}", "(Kenya)"
# What ``train.recode_events`` adds to an event's notes when a classifier (--model) ran.
MODEL_NOTE_RE = re.compile(
    r"Model \S+ reads [^;]+; rules: [^;]+; the (?:model's type is coded|rules' type is kept)\."
)


@dataclass(frozen=True)
class Span:
    """A stretch of the report: offsets into the document text and the text itself."""

    start: int
    end: int
    text: str


@dataclass(frozen=True)
class MentionReason:
    """One sentence's coding: the trigger word, the rule that fired, and the sentence."""

    mention_id: str
    rule: str | None
    rule_conditions: dict[str, object]
    trigger: Span | None
    sentence: Span
    flags: tuple[str, ...]


@dataclass(frozen=True)
class FieldReason:
    """One coded field, its value, the spans behind it and how it was settled."""

    field: str
    value: str | None
    spans: tuple[Span, ...]
    reason: str


@dataclass(frozen=True)
class EventExplanation:
    event_id: str
    event_type: str
    sub_event_type: str
    is_background: bool
    flags: tuple[str, ...]
    mentions: tuple[MentionReason, ...]
    fields: tuple[FieldReason, ...]


def explain_report(result: ReportResult, *, codebook: Codebook) -> tuple[EventExplanation, ...]:
    """An explanation of every event of a report, in the report's order of importance."""
    mentions = {m.id: m for m in result.mentions}
    rules = {rule.name: rule for rule in codebook.rules}
    text = result.document.text
    explained = []
    for event in result.events:
        own = [mentions[i] for i in event.mention_ids if i in mentions]
        reasons = tuple(_mention_reason(m, text, rules) for m in own)
        explained.append(
            EventExplanation(
                event_id=event.id,
                event_type=event.event_type,
                sub_event_type=event.sub_event_type,
                is_background=event.is_background,
                flags=event.flags,
                mentions=reasons,
                fields=_field_reasons(event, own, result, rules),
            )
        )
    return tuple(explained)


def _mention_reason(mention: EventMention, text: str, rules: dict) -> MentionReason:  # type: ignore[type-arg]
    start, end = mention.evidence[0] if mention.evidence else (0, 0)
    base = (mention.rule or "").removeprefix("anaphora:")
    rule = rules.get(base)
    return MentionReason(
        mention_id=mention.id,
        rule=mention.rule,
        rule_conditions=dict(rule.conditions) if rule is not None else {},
        trigger=next((found for s, e in mention.evidence
                      if (found := _find_in(text, mention.trigger, s, e)) is not None), None),
        sentence=Span(start, end, text[start:end].strip()),
        flags=mention.flags,
    )


def _find_in(text: str, word: str | None, start: int, end: int) -> Span | None:
    """The first whole-word occurrence of ``word`` between ``start`` and ``end``."""
    if not word:
        return None
    match = re.search(r"(?<!\w)" + re.escape(word) + r"(?!\w)", text[start:end])
    if match is None:
        return None
    return Span(start + match.start(), start + match.end(), match.group())


def _field_reasons(
    event: Event, mentions: list[EventMention], result: ReportResult, rules: dict  # type: ignore[type-arg]
) -> tuple[FieldReason, ...]:
    evidence = [span for m in mentions for span in m.evidence] or list(event.evidence)
    text = result.document.text
    typed = [m for m in mentions if m.sub_event_type == event.sub_event_type] or mentions
    rule_name = (typed[0].rule or "").removeprefix("anaphora:") if typed else None
    triggers = tuple(dict.fromkeys(
        r.trigger for m in typed
        if (r := _mention_reason(m, text, rules)).trigger is not None
    ))
    fields = [
        FieldReason(
            field="sub_event_type",
            value=f"{event.event_type} / {event.sub_event_type}",
            spans=triggers,
            reason=_type_reason(event, rule_name, several_rules=len({m.rule for m in mentions}) > 1),
        )
    ]
    rule = rules.get(rule_name or "")
    for side, name, inter in (("actor1", event.actor1, event.inter1),
                              ("actor2", event.actor2, event.inter2)):
        fields.append(_actor_reason(side, name, inter, result.actors, evidence, rule))
    fields.append(_place_reason(event, result.places, evidence))
    fields.append(_date_reason(event, text))
    fields.append(_fatality_reason(event, text))
    return tuple(fields)


def _type_reason(event: Event, rule_name: str | None, *, several_rules: bool) -> str:
    """The rule behind the type, and what the user's classifier said of it when one ran."""
    reason = f"rule {rule_name} fired on the trigger"
    if several_rules:
        reason += " (highest in the codebook's precedence among the sentences)"
    model = MODEL_NOTE_RE.search(event.notes or "")
    if model is not None:
        reason += f"; {model.group(0)}"
    return reason


def _inside(start: int, spans: Iterable[tuple[int, int]]) -> bool:
    return any(s <= start < e for s, e in spans)


def _actor_reason(
    side: str, name: str | None, inter: int | None, actors: tuple[Actor, ...],
    evidence: list[tuple[int, int]], rule: object,
) -> FieldReason:
    value = f"{name} (inter {inter})" if name else None
    if name is None:
        return FieldReason(side, None, (), "no actor named for this side")
    stem = PLACEHOLDER_RE.sub("", name).strip()
    hits = tuple(
        Span(a.start, a.end, a.text) for a in actors
        if _inside(a.start, evidence) and (a.name == name or PLACEHOLDER_RE.sub("", a.name).strip()
                                           == stem)
    )
    if hits:
        return FieldReason(side, value, hits, "named in the text (actor dictionary "
                           "data/actors.yaml; the role from the parse around the trigger)")
    spec = getattr(rule, "actors", {}) or {}
    if spec:
        return FieldReason(side, value, (), f"the codebook's actors for rule {rule.name}: "  # type: ignore[attr-defined]
                           f"{dict(spec)} (the text's own actor, if any, renamed or defaulted)")
    return FieldReason(side, value, (), "named elsewhere in the report")


def _place_reason(event: Event, places: tuple[Place, ...], evidence: list[tuple[int, int]]) -> FieldReason:
    location = event.location
    if location is None:
        return FieldReason("location", None, (), "no place found in the report")
    value = (f"{location.name}, {location.country} (geo_precision {location.geo_precision})")
    matching = [p for p in places if (p.geonameid is not None and p.geonameid == location.geonameid)
                or (p.name == location.name and p.country == location.country)]
    near = tuple(Span(p.start, p.end, p.text) for p in matching if _inside(p.start, evidence))
    spans = near or tuple(Span(p.start, p.end, p.text) for p in matching[:1])
    reason = ("the most precise place of the event's sentences" if near
              else "no place in the event's sentences: taken from elsewhere in the report")
    return FieldReason("location", value, spans, reason)


def _date_reason(event: Event, text: str) -> FieldReason:
    value = (f"{event.date.isoformat()} (time_precision {event.time_precision})"
             if event.date else None)
    dated = [c for c in event.claims if c.kind == "date" and c.start is not None]
    spans = tuple(dict.fromkeys(
        Span(c.start, c.end, text[c.start:c.end]) for c in dated  # type: ignore[arg-type, index]
        if c.value == (event.date.isoformat() if event.date else None)
    ))
    if spans:
        reason = "the time expression nearest the trigger"
        if len({c.value for c in dated}) > 1:
            reason += "; sources differ (see notes): a calendar date before a weekday, " \
                      "confirmed before reported, then the first given"
        return FieldReason("date", value, spans, reason)
    return FieldReason("date", value, (), "no date in the event's sentences: the reporting "
                       "date" if event.date else "no date")


def _fatality_reason(event: Event, text: str) -> FieldReason:
    claims = [c for c in event.claims if c.kind in FATALITY_KINDS]
    if not claims:
        return FieldReason("fatalities", str(event.fatalities), (),
                           "no deaths reported (ACLED: injuries and 'casualties' count 0)")
    _, decision = choose_fatalities(event.claims)  # fuse's own account of its choice
    chosen = [c for c in claims if c.value == str(event.fatalities)] or claims
    spans = tuple(
        Span(c.start, c.end, c.text) if c.start is not None else Span(0, 0, c.text)
        for c in chosen
    )
    if decision is not None:
        reason = decision
    elif chosen[0].kind == "fatalities_estimate":
        reason = "a vague word read by the codebook's vague_numbers"
    else:
        reason = "the number of dead the sentence gives"
    who = ", ".join(sorted({c.attributed_to for c in chosen if c.attributed_to}))
    if who and event.fatalities:
        reason += f" (according to {who})"
    return FieldReason("fatalities", str(event.fatalities), spans, reason)


def format_explanation(explanations: Iterable[EventExplanation], *, title: str) -> str:
    """Plain text for the terminal: per event, its mentions and fields with their spans."""
    lines = [f"== {title}"]
    for n, ex in enumerate(explanations, 1):
        status = "background" if ex.is_background else "news"
        flags = f" [{', '.join(ex.flags)}]" if ex.flags else ""
        lines.append(f"event {n} ({status}{flags}) {ex.event_type} / {ex.sub_event_type}"
                     f"  id {ex.event_id}")
        for m in ex.mentions:
            trigger = f"'{m.trigger.text}' at {m.trigger.start}-{m.trigger.end}" if m.trigger \
                else "(none)"
            lines.append(f"  mention: rule {m.rule}; trigger {trigger}"
                         + (f"; flags {', '.join(m.flags)}" if m.flags else ""))
            if m.rule_conditions:
                lines.append(f"    conditions {m.rule_conditions}")
            lines.append(f"    sentence {m.sentence.start}-{m.sentence.end}: {m.sentence.text}")
        for f in ex.fields:
            spans = "; ".join(f"'{s.text}' at {s.start}-{s.end}" for s in f.spans) or "-"
            lines.append(f"  {f.field}: {f.value}")
            lines.append(f"    from {spans}")
            lines.append(f"    why  {f.reason}")
    return "\n".join(lines)


def explanation_to_json(ex: EventExplanation) -> dict[str, object]:
    """A JSON-ready dict of one explanation."""
    import dataclasses

    return dataclasses.asdict(ex)
