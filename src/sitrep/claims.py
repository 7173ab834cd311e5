"""Who said what: "X said ..." and "according to X" claims with their status.

Needs: the parse and the codebook (reporting verbs, unconfirmed wording). Adds: Claims
attributed to a speaker, with status confirmed, reported, unconfirmed or denied, and the
spans of attributions (so the source's own name or place is not read as the event's).
A source that "also" reports something corroborates another one (confirmed). Death tolls
become claims of whoever gives them: the sentence's speaker, a source in brackets ("(2
according to X)", "(X said 5)"), or a second source with a figure of its own ("while X
reported 2 deaths").
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from sitrep.codebook import Codebook, find_phrase
from sitrep.records import Claim

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

DATELINE_PREFIX_RE = re.compile(r"^[A-Z][A-Z .,'()-]*(?:,[^—–]{0,40})?\s+[—–-]{1,2}\s+")


def is_forward_looking(text: str, codebook: Codebook) -> bool:
    words = set(re.findall(r"[a-z']+", text.lower()))
    return bool(words & {"will", "would", "shall"})


def with_fatality_claim(
    claims: tuple[Claim, ...],
    fatalities: int,
    fatality_text: str | None,
    is_estimate: bool,
    sentence: Span,
) -> tuple[Claim, ...]:
    """Add the sentence's death toll as a claim, attributed to whoever the sentence quotes.

    ``kind`` is "fatalities" for a number and "fatalities_estimate" for a vague word
    ("dozens" = 12) so that fuse can prefer a stated figure to an estimate. A figure a
    source gives without a noun ("(VoJ reported 1)", "the Taliban said 5") is that source's
    figure for the toll, also in a sentence that states no toll of its own; so is a number
    of deaths a source other than the sentence's first reports ("..., while NY Times
    reported 2 fatalities").
    """
    if not fatalities or not fatality_text:
        return claims + _reported_figures(sentence, None)
    kind = "fatalities_estimate" if is_estimate else "fatalities"
    status = next((c.status for c in claims if c.kind == "occurrence"), "reported")
    toll = Claim(text=fatality_text, attributed_to=first_speaker(claims), status=status,
                 start=sentence.start_char, end=sentence.end_char, kind=kind,
                 value=str(fatalities))
    return claims + (toll,) + _bracketed_figures(sentence, status) + _reported_figures(
        sentence, toll)


def bracketed_according(token: Token) -> Span | None:
    """The brackets around an "according to X" ("3 policemen (2 according to Taliban
    sources) were killed"), or None when it is not inside brackets."""
    doc = token.doc
    sentence = token.sent
    opening = next((t for t in reversed(doc[sentence.start:token.i]) if t.text in "()"), None)
    closing = next((t for t in doc[token.i + 1:sentence.end] if t.text in "()"), None)
    if opening is None or closing is None or opening.text != "(" or closing.text != ")":
        return None
    return doc[opening.i:closing.i + 1]


def _bracketed_figures(sentence: Span, status: str) -> tuple[Claim, ...]:
    """A figure with its own source in brackets next to the toll ("3 policemen (2 according
    to Taliban sources)"): that source's claim about the number, not about the sentence."""
    claims = []
    for token in sentence:
        if token.lower_ != "according":
            continue
        brackets = bracketed_according(token)
        speakers = [c for p in token.children if p.dep_ == "prep" and p.lower_ == "to"
                    for c in p.children if c.dep_ == "pobj"]
        figures = [t for t in (brackets or ()) if t.i < token.i and t.like_num]
        if brackets is None or not speakers or len(figures) != 1:
            continue
        value = _number(figures[0].lower_)
        speaker = _speaker_name(speakers[0])
        if value is None or speaker is None:
            continue
        speaker = speaker.split(")")[0].strip()  # the source ends with its brackets
        claims.append(Claim(text=brackets.text.strip("()"), attributed_to=speaker,
                            status=status, start=brackets.start_char, end=brackets.end_char,
                            kind="fatalities", value=str(value)))
    return tuple(claims)


# Verbs whose object can be a source's figure for a toll: "(VoJ reported 1)", "the
# Taliban said 5", "NY Times reported 2 fatalities".
FIGURE_VERBS = frozenset({"say", "report", "claim", "state", "count"})
FIGURE_DEPS = frozenset({"dobj", "npadvmod", "attr", "oprd", "ccomp"})
DEATH_NOUNS = frozenset({"fatality", "death", "dead"})


def _reported_figures(sentence: Span, toll: Claim | None) -> tuple[Claim, ...]:
    """Figures a named source gives as what it reported: a number with no noun of its own
    ("(VoJ reported 1)": its figure for the toll the report gives) or a number of deaths
    ("while NY Times reported 2 fatalities"). The sentence's own toll (``toll``) is not
    repeated."""
    claims = []
    for verb in sentence:
        if verb.lemma_.lower() not in FIGURE_VERBS or verb.pos_ != "VERB":
            continue
        subjects = [c for c in verb.children if c.dep_ == "nsubj"]
        figures = [figure for c in verb.children if c.dep_ in FIGURE_DEPS
                   if (figure := _figure_of(c)) is not None]
        if not subjects or len(figures) != 1 or any(c.dep_ == "neg" for c in verb.children):
            continue
        value = _number(figures[0].lower_)
        speaker = _speaker_name(subjects[0])
        if value is None or speaker is None:
            continue
        if toll is not None and (toll.value, toll.attributed_to) == (str(value), speaker):
            continue
        figure = figures[0]
        said = figure.head if figure.dep_ == "nummod" else figure  # "2 fatalities", "1"
        words = [verb, *said.subtree]
        text = sentence.doc[min(w.i for w in words):max(w.i for w in words) + 1].text
        claims.append(Claim(text=text, attributed_to=speaker, status=_report_status(verb),
                            start=sentence.start_char, end=sentence.end_char,
                            kind="fatalities", value=str(value)))
    return tuple(claims)


def _bare_figure(verb: Token) -> Token | None:
    """The number a reporting verb gives with no noun of its own ("the Taliban said 5")."""
    figures = [c for c in verb.children if c.dep_ in FIGURE_DEPS and c.like_num
               and _figure_of(c) is not None]
    return figures[0] if len(figures) == 1 else None


def _figure_of(reported: Token) -> Token | None:
    """The number in what a source reported: a bare number ("reported 1"), or the count
    of a death noun ("reported 2 fatalities")."""
    if reported.like_num:
        has_words = any(c.dep_ not in ("punct", "quantmod") for c in reported.children)
        return None if has_words else reported
    if reported.lemma_.lower() not in DEATH_NOUNS:
        return None
    numbers = [c for c in reported.children if c.dep_ == "nummod" and c.like_num]
    return numbers[0] if len(numbers) == 1 else None


NUMBER_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
                "eight": 8, "nine": 9, "ten": 10}


def _number(text: str) -> int | None:
    if text.replace(",", "").isdigit():
        return int(text.replace(",", ""))
    return NUMBER_WORDS.get(text)


def first_speaker(claims: tuple[Claim, ...]) -> str | None:
    """Who the sentence quotes (a bracketed figure's source speaks for its figure only)."""
    return next((c.attributed_to for c in claims
                 if c.attributed_to and c.kind not in ("fatalities", "fatalities_estimate")),
                None)


def sentence_claims(
    sentence: Span, codebook: Codebook, *, trigger: Token | None
) -> tuple[Claim, ...]:
    """"X said ..." / "according to X" in the sentence, with status from the wording."""
    lower = sentence.text.lower()
    is_unconfirmed = any(find_phrase(lower, cue) >= 0 for cue in codebook.unconfirmed_cues)
    claims = []
    for token in sentence:
        lemma = token.lemma_.lower()
        if lemma == "accord" and token.lower_ == "according":
            if bracketed_according(token) is not None:
                continue  # "3 killed (2 according to X)": X speaks of its own figure only
            speakers = [
                c for p in token.children if p.dep_ == "prep" and p.lower_ == "to"
                for c in p.children if c.dep_ == "pobj"
            ]
            clause = token.head
        elif lemma in codebook.reporting_verbs and token.pos_ == "VERB":
            if bracketed_according(token) is not None and _bare_figure(token) is not None:
                continue  # "2 killed (the Taliban said 5)": a figure of the source's own
            # "could not be confirmed", "no deaths were reported": a status, not a speaker
            speakers = [c for c in token.children if c.dep_ == "nsubj"] or _trailing_speaker(
                token) or _participle_speaker(token)
            if _claims_the_act(token) or any(_is_no_one(s) for s in speakers):
                continue  # "X claimed responsibility", "no group claimed it": no source
            clauses = [c for c in token.children if c.dep_ in ("ccomp", "dobj", "xcomp")]
            clause = clauses[0] if clauses else token
        else:
            continue
        speaker = _speaker_name(speakers[0]) if speakers else None
        if speaker is None:
            continue
        status = _report_status(token)
        if is_unconfirmed:
            status = "unconfirmed"
        text = clause_text(clause) if clause is not token else sentence.text.strip()
        if lemma == "accord":
            text = _sentence_without(sentence, token)
        elif speakers[0].head.i != token.i:  # a trailing speaker inside what it reports
            text = text.split(", " + speaker)[0]
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


# "no one was killed", "killed nobody", "no group claimed it": no one (read by fatalities too)
NO_DETERMINERS = frozenset({"no", "none", "neither"})
NO_ONE_WORDS = frozenset({"nobody", "none", "noone"})
# what a group claims when it claims the act itself, not a report of it
ACT_CLAIM_NOUNS = frozenset({"responsibility", "credit", "authorship"})


def _claims_the_act(verb: Token) -> bool:
    """"Al Shabaab claimed responsibility for the attack, which killed 11": the group owns
    the act (responsibility reads it), it is not the source of what the sentence reports."""
    return any(c.dep_ == "dobj" and c.lemma_.lower() in ACT_CLAIM_NOUNS for c in verb.children)


def _participle_speaker(verb: Token) -> list[Token]:
    """"Al Shabaab claimed responsibility, saying its fighters killed four": the subject of
    the clause a reporting participle hangs on speaks."""
    if verb.tag_ != "VBG" or verb.dep_ not in ("advcl", "conj", "xcomp"):
        return []
    return [c for c in verb.head.children if c.dep_ == "nsubj"]


def _is_no_one(speaker: Token) -> bool:
    """"no militant faction claimed ...", "nobody said": no one speaks."""
    return speaker.lower_ in NO_ONE_WORDS or any(
        c.dep_ == "det" and c.lower_ in NO_DETERMINERS for c in speaker.children)


def _trailing_speaker(verb: Token) -> list[Token]:
    """"..., in Maidan Shar city, Wardak, the Taliban claimed.": a speaker the parser hung
    on the place before it (as an apposition) instead of on the verb that ends the
    sentence after what it reports."""
    doc = verb.doc
    before = doc[verb.i - 1] if verb.i > verb.sent.start else None
    is_last = all(t.is_punct for t in doc[verb.i + 1:verb.sent.end])
    reports = any(c.dep_ == "ccomp" for c in verb.children)
    if before is None or not (is_last and reports) or before.dep_ != "appos":
        return []
    return [before] if before.pos_ in ("NOUN", "PROPN") else []


# "VoJ also reported 1 fatality": the source corroborates what another one reported.
CORROBORATING_ADVERBS = frozenset({"also", "too", "likewise", "similarly"})


def _report_status(verb: Token) -> str:
    """A report's status from its verb: denied ("denied"), confirmed ("confirmed", or a
    source that "also" reports what another one did), else reported."""
    lemma = verb.lemma_.lower()
    is_negated = any(c.dep_ == "neg" for c in verb.children)
    if lemma == "deny":
        return "denied"
    if not is_negated and (lemma == "confirm" or any(
        c.dep_ == "advmod" and c.lower_ in CORROBORATING_ADVERBS for c in verb.children
    )):
        return "confirmed"
    return "reported"


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


def clause_text(token: Token) -> str:
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


def attribution_spans(sentence: Span) -> list[tuple[int, int]]:
    """Character spans of who said it: "according to X" and the subject of "X said"."""
    spans = []
    for token in sentence:
        heads: list[Token] = []
        if token.lower_ == "according":
            heads = [token]
        elif token.lemma_ in ("say", "tell", "report", "quote") and token.pos_ == "VERB" and (
            not _is_said_to_be(token)
        ):
            heads = [c for c in token.children if c.dep_ == "nsubj"]
        elif token.lemma_ == "quote" and token.dep_ == "acl":
            heads = [c for c in token.children if c.dep_ == "agent"]
        for head in heads:
            subtree = list(head.subtree)
            spans.append((subtree[0].idx, subtree[-1].idx + len(subtree[-1])))
    return spans


def _is_said_to_be(verb: Token) -> bool:
    """"Al Shabaab said to be recruiting", "rebels reported to have crossed": who is said
    to do something is the doer, not a source (the report's own hearsay)."""
    return any(c.dep_ == "xcomp" and any(g.dep_ == "aux" and g.lower_ == "to" for g in c.children)
               for c in verb.children)
