"""Event triggers: the words of a sentence that may code an event, and those that may not.

Needs: the parse of a sentence and the codebook (rule words and phrases, idioms, legal
cues, symbolic objects). Adds: the candidate trigger tokens of a sentence
(``_trigger_words``: not modifiers or dates, with headline verbs and misparsed nouns kept),
the tokens that trigger a given rule (``_triggers``, its multi-word phrases included), and
the tokens masked from triggering (``_masked_tokens``: idioms, names, acts under a legal
word, acts on a symbol).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sitrep.codebook import Codebook, Rule, find_phrase, find_phrases

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

EVENT_HEAD_NOUNS = frozenset(
    {"attack", "explosion", "blast", "strike", "incident", "raid", "assault", "operation",
     "bombing", "ambush", "offensive", "campaign"}
)


def _trigger_words(sentence: Span) -> list[tuple[Token, str, str]]:
    """The tokens that may trigger a rule, with their lemma and lower-case form.

    A single word used as a modifier of something else ("riot gear", "protest leaders")
    is not a trigger, unless what it modifies is itself an event ("IED attack"); a word
    inside a date ("March" the month) is not one either.
    """
    words = []
    for token in sentence:
        if token.dep_ in ("compound", "amod") and token.head.lemma_.lower() not in (
            EVENT_HEAD_NOUNS
        ) and not _is_headline_verb(token) and not _is_misparsed_event_noun(token) and not (
            _is_plural_modifier(token)
        ) and not _is_crowd_participle(token):
            continue
        if token.ent_type_ in ("DATE", "TIME"):
            continue
        if token.pos_ in ("VERB", "NOUN", "PROPN", "ADJ", "AUX") or token.tag_.startswith(
            ("NN", "VB")
        ):
            words.append((token, token.lemma_.lower(), token.lower_))
    return words


HEADLINE_SUBJECT_TAGS = frozenset({"NNS", "NNP", "NNPS"})


def _is_plural_modifier(token: Token) -> bool:
    """A plural noun the parser took for a modifier of a name: "Fights Chekosi and
    Konkomba resumed", "Clashes Tuesday in Nairobi". English noun modifiers are singular
    ("riot police", "protest leaders"), so a plural one heads its own phrase."""
    return token.dep_ == "compound" and token.tag_ == "NNS" and token.head.pos_ == "PROPN"


CROWD_PARTICIPLES = frozenset({"rioting", "protesting", "demonstrating"})


def _is_crowd_participle(token: Token) -> bool:
    """"Rioting teachers", "protesting students": a participle that says what a crowd
    was doing names the act, though the parser makes it a modifier."""
    return token.lower_ in CROWD_PARTICIPLES and token.head.tag_ in ("NNS", "NNPS")


def _is_headline_verb(token: Token) -> bool:
    """A verb the parser took for a noun modifier in a headline-style sentence:
    "Police battle Pokot raiders", "Bandits raid villages" (a plural or named subject
    right before it); "riot gear" and "protest leaders" stay modifiers."""
    if token.tag_ != "NN" or token.i == token.sent.start:
        return False
    before = token.doc[token.i - 1]
    return before.tag_ in HEADLINE_SUBJECT_TAGS or before.lower_ == "police"


MODIFIED_HEADS = frozenset(
    {"police", "gear", "squad", "unit", "shield", "leader", "organiser", "organizer",
     "group", "movement", "song", "act", "law", "charge", "case", "helicopter", "vehicle",
     "dog", "rifle", "site", "camp", "plan", "threat", "warning", "suspect", "victim",
     "survivor", "wound", "injury", "letter", "note", "action", "committee", "council"}
)


def _is_misparsed_event_noun(token: Token) -> bool:
    """"staged a protest infront of ...": a determiner before the word shows it heads its
    own noun phrase, whatever the parser attached it to ("a riot police unit" does not
    count: police, gear, leaders... are what such words modify)."""
    if token.i == token.sent.start or token.head.lemma_.lower() in MODIFIED_HEADS:
        return False
    return token.doc[token.i - 1].lower_ in ("a", "an")


def _triggers(
    sentence: Span, lower: str, rule: Rule, *, words: list[tuple[Token, str, str]],
    masked: frozenset[int] = frozenset(),
) -> list[Token]:
    """Tokens of the sentence that trigger ``rule`` (``words`` from ``_trigger_words``;
    a phrase whose head is in ``masked`` does not count)."""
    found = [token for token, lemma, low in words if lemma in rule.words or low in rule.words]
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


NAME_LABELS = frozenset({"ORG", "LAW", "WORK_OF_ART", "PRODUCT"})
LEGAL_FRAME_DEPS = frozenset({"pobj", "pcomp", "prep", "dobj", "compound", "nmod", "poss",
                              "relcl"})
LEGAL_FRAME_STEPS = 3  # "accused -> of -> killing": how far up a legal word may govern


def _masked_tokens(sentence: Span, lower: str, codebook: Codebook) -> frozenset[int]:
    """Indices of tokens that cannot trigger an event, whatever the rule.

    Words of an idiom ("heart attack", "fighting for his life"), words inside a name of
    several words ("Commission of Inquiry into State Capture"), an act that is the subject of
    proceedings ("accused of killing", "charges of rape", "a warrant for his arrest", "a
    life sentence for those who kill", every act of a sentence that says "it is alleged"):
    the report is about the proceedings, not the act; and an act on a symbol ("burnt an
    effigy"), which harms no one.
    """
    # a name of several words ("Government Science Secondary School"); one word the model
    # took for a name ("RPG", "IED") is still the weapon
    masked = {t.i for e in sentence.ents if e.label_ in NAME_LABELS and len(e) > 1 for t in e}
    for idiom in codebook.idioms:
        for offset in find_phrases(lower, idiom):
            start = sentence.start_char + offset
            masked.update(t.i for t in sentence if start <= t.idx < start + len(idiom))
    if any(find_phrase(lower, phrase) >= 0 for phrase in codebook.allegation_phrases):
        return frozenset(t.i for t in sentence)  # "it is alleged that ...": a case in court
    masked.update(t.i for t in sentence if _in_legal_frame(t, codebook))
    masked.update(t.i for t in sentence if any(
        c.dep_ in ("dobj", "nsubjpass") and c.lemma_.lower() in codebook.symbolic_objects
        for c in t.children))
    return frozenset(masked)


def _in_legal_frame(token: Token, codebook: Codebook) -> bool:
    """The token names an act that a legal word governs ("accused of killing")."""
    node = token
    for _ in range(LEGAL_FRAME_STEPS):
        if node.dep_ not in LEGAL_FRAME_DEPS or node.head is node:
            return False
        node = node.head
        if node.lemma_.lower() in codebook.legal_cues or node.lower_ in codebook.legal_cues:
            return True
    return False

