"""The codebook: ACLED's taxonomy and sitrep's coding rules, loaded from ``data/codebook.yaml``.

Needs: nothing. Adds: a ``Codebook`` the events stage applies. The YAML is the place to read
why an event got its type, and to extend the rules without touching code.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping
from dataclasses import dataclass
from importlib import resources
from typing import TYPE_CHECKING, Any

import yaml

if TYPE_CHECKING:
    from spacy.tokens import Token

ARMED_INTERS = frozenset({1, 2, 3, 4, 8})
NON_STATE_ARMED_INTERS = frozenset({2, 3, 4})  # rebels, political and identity militias
CROWD_INTERS = frozenset({5, 6, 7})  # rioters, protesters, civilians: unarmed people
EVENT_TYPES: dict[str, tuple[str, ...]] = {
    "Battles": (
        "Government regains territory",
        "Non-state actor overtakes territory",
        "Armed clash",
    ),
    "Protests": (
        "Excessive force against protesters",
        "Protest with intervention",
        "Peaceful protest",
    ),
    "Riots": ("Violent demonstration", "Mob violence"),
    "Explosions/Remote violence": (
        "Chemical weapon",
        "Air/drone strike",
        "Suicide bomb",
        "Shelling/artillery/missile attack",
        "Remote explosive/landmine/IED",
        "Grenade",
    ),
    "Violence against civilians": (
        "Sexual violence",
        "Attack",
        "Abduction/forced disappearance",
    ),
    "Strategic developments": (
        "Agreement",
        "Arrests",
        "Change to group/activity",
        "Disrupted weapons use",
        "Headquarters or base established",
        "Looting/property destruction",
        "Non-violent transfer of territory",
        "Other",
    ),
}


@dataclass(frozen=True)
class Rule:
    """One coding rule: triggers plus conditions that give an event and sub-event type."""

    name: str
    event_type: str
    sub_event_type: str
    words: frozenset[str]  # single-token triggers, matched on lemma or lower-case text
    phrases: tuple[str, ...]  # multi-token triggers, matched on lower-case text
    conditions: Mapping[str, Any]
    actors: Mapping[str, Any]  # ACLED's actor order for the type (see codebook.yaml)


@dataclass(frozen=True)
class Codebook:
    rules: tuple[Rule, ...]
    disorder_types: Mapping[str, str]
    protest_words: tuple[str, ...]
    non_event_words: tuple[str, ...]
    reporting_verbs: frozenset[str]
    fatality_lemmas: frozenset[str]
    vague_numbers: Mapping[str, int]
    background_cues: tuple[str, ...]
    negation_cues: tuple[str, ...]
    future_cues: frozenset[str]
    unconfirmed_cues: tuple[str, ...]
    idioms: tuple[str, ...] = ()  # phrases whose words name no event ("heart attack")
    legal_cues: frozenset[str] = frozenset()  # lemmas of proceedings about a past act
    court_words: frozenset[str] = frozenset()  # lemmas of a court case: its nouns are no news
    crime_words: tuple[str, ...] = ()  # "robbery": an unidentified gang's attack is a crime
    symbolic_objects: frozenset[str] = frozenset()  # "burnt an effigy": a symbol, no harm
    allegation_phrases: tuple[str, ...] = ()  # "it is alleged that ...": a case, not news
    organised_attack_phrases: tuple[str, ...] = ()  # "claimed responsibility": no private crime
    sport_words: tuple[str, ...] = ()  # a report with sport_report_min of these is about sport
    sport_report_min: int = 3
    sport_disorder_words: tuple[str, ...] = ()  # crowd disorder a sports report may still code
    fighting_lemmas: frozenset[str] = frozenset()  # a report with one tells of fighting
    rally_words: frozenset[str] = frozenset()  # protest words that may name a campaign rally

    def disorder_type(self, event_type: str) -> str:
        return self.disorder_types[event_type]

    def is_protest_word(self, token: Token) -> bool:
        """The token is one of protest_words, by lemma or as written ("protested", "march")."""
        return token.lemma_.lower() in self.protest_words or token.lower_ in self.protest_words

    def is_sports_report(self, text_lower: str) -> bool:
        """The report is about sport: sport_report_min of sport_words occur in it."""
        found = 0
        for word in self.sport_words:
            if find_phrase(text_lower, word) >= 0:
                found += 1
                if found >= self.sport_report_min:
                    return True
        return False


# The conditions a rule may set (event_conditions._conditions_hold reads them; the
# codebook's header says what each means): a misspelt one would otherwise be ignored.
CONDITION_KEYS = frozenset(
    {"actor1_armed", "actor1_inter", "actor2_armed", "actor2_inter", "agentless",
     "anonymous_agent",
     "armed_actor",
     "crowd_agent_decides", "crowd_side", "crowd_subject", "demonstration_in_report",
     "fighting_in_report",
     "forced_from_place", "forces_sent", "found_dead",
     "named_in_act", "needs_any",
     "needs_any_around", "needs_any_nearby", "needs_protest", "no_object",
     "object_place", "political_arrest", "protest_in_report", "sets_alight",
     "said_to_be", "subject_inter", "taken",
     "target_civilian",
     "thrown_by_unorganised",
     "unarmed_agent", "unless_actor1_inter", "unless_actor2_inter", "unless_any", "unless_grievance",
     "unless_in_clause", "unless_inters", "unless_private_agent", "unless_report_any",
     "unless_victim_any", "verb_not_denied", "victim_any"}
)


def _flat(value: Any) -> Any:
    """A list of words that takes in a shared list by its YAML alias, with words of its own
    (``[*fighting_phrases, operation]``; a rule's conditions, non_event_words, court_words):
    one flat list."""
    if not isinstance(value, list):
        return value
    return [word for item in value for word in (_flat(item) if isinstance(item, list) else [item])]


def load_codebook(data: Mapping[str, Any] | None = None) -> Codebook:
    """The bundled codebook, or one built from ``data`` (a parsed codebook YAML)."""
    if data is None:
        text = resources.files("sitrep").joinpath("data/codebook.yaml").read_text("utf-8")
        data = yaml.safe_load(text)
    rules = []
    for raw in data["rules"]:
        if raw["sub_event_type"] not in EVENT_TYPES.get(raw["event_type"], ()):
            raise ValueError(
                f"codebook rule {raw['name']!r}: {raw['event_type']!r} / "
                f"{raw['sub_event_type']!r} is not an ACLED event and sub-event type"
            )
        unknown = sorted(set(raw.get("conditions") or {}) - CONDITION_KEYS)
        if unknown:
            raise ValueError(
                f"codebook rule {raw['name']!r}: unknown condition(s) {', '.join(unknown)}; "
                f"known: {', '.join(sorted(CONDITION_KEYS))}"
            )
        triggers = [str(t).lower() for t in raw["triggers"]]
        rules.append(
            Rule(
                name=raw["name"],
                event_type=raw["event_type"],
                sub_event_type=raw["sub_event_type"],
                words=frozenset(t for t in triggers if not is_phrase(t)),
                phrases=tuple(t for t in triggers if is_phrase(t)),
                conditions={k: _flat(v) for k, v in (raw.get("conditions") or {}).items()},
                actors=dict(raw.get("actors") or {}),
            )
        )
    return Codebook(
        rules=tuple(rules),
        disorder_types=dict(data["disorder_types"]),
        protest_words=tuple(str(w).lower() for w in data["protest_words"]),
        non_event_words=tuple(str(w).lower() for w in _flat(data["non_event_words"])),
        reporting_verbs=frozenset(str(w).lower() for w in data["reporting_verbs"]),
        fatality_lemmas=frozenset(str(w).lower() for w in data["fatality_lemmas"]),
        vague_numbers={str(k).lower(): int(v) for k, v in data["vague_numbers"].items()},
        background_cues=tuple(str(w).lower() for w in data["background_cues"]),
        negation_cues=tuple(str(w).lower() for w in data["negation_cues"]),
        future_cues=frozenset(str(w).lower() for w in data["future_cues"]),
        unconfirmed_cues=tuple(str(w).lower() for w in data["unconfirmed_cues"]),
        idioms=tuple(str(w).lower() for w in data.get("idioms", ())),
        legal_cues=frozenset(str(w).lower() for w in data.get("legal_cues", ())),
        court_words=frozenset(str(w).lower() for w in _flat(data.get("court_words", []))),
        crime_words=tuple(str(w).lower() for w in data.get("crime_words", ())),
        symbolic_objects=frozenset(str(w).lower() for w in data.get("symbolic_objects", ())),
        allegation_phrases=tuple(str(w).lower() for w in data.get("allegation_phrases", ())),
        organised_attack_phrases=tuple(
            str(w).lower() for w in data.get("organised_attack_phrases", ())),
        sport_words=tuple(str(w).lower() for w in data.get("sport_words", ())),
        sport_report_min=int(data.get("sport_report_min", 3)),
        sport_disorder_words=tuple(str(w).lower() for w in data.get("sport_disorder_words", ())),
        fighting_lemmas=frozenset(str(w).lower() for w in data.get("fighting_lemmas", ())),
        rally_words=frozenset(str(w).lower() for w in data.get("rally_words", ())),
    )


def is_phrase(trigger: str) -> bool:
    """More than one token: "took to the streets", and "sit-in", which the tokenizer splits."""
    return " " in trigger or "-" in trigger


def contains_phrase(text_lower: str, phrase: str) -> bool:
    """Whole-word containment of a lower-case phrase in lower-case text."""
    return find_phrase(text_lower, phrase) >= 0


def find_phrase(text_lower: str, phrase: str) -> int:
    """Offset of the first whole-word occurrence of ``phrase``, or -1."""
    if phrase not in text_lower:  # most phrases are absent: skip the regex
        return -1
    match = _phrase_pattern(phrase).search(text_lower)
    return match.start() if match else -1


def find_phrases(text_lower: str, phrase: str) -> list[int]:
    """Offsets of every whole-word occurrence of ``phrase``."""
    if phrase not in text_lower:
        return []
    return [match.start() for match in _phrase_pattern(phrase).finditer(text_lower)]


@functools.lru_cache(maxsize=4096)
def _phrase_pattern(phrase: str) -> re.Pattern[str]:
    """A whole word or phrase; a phrase ending in "-" is a prefix ("anti-" in
    "anti-government")."""
    if phrase.endswith("-"):
        return re.compile(r"(?<![\w-])" + re.escape(phrase) + r"(?=\w)")
    return re.compile(r"(?<![\w-])" + re.escape(phrase) + r"(?![\w-])")
