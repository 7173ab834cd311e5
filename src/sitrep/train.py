"""Train: a classifier of ACLED event types learned from the user's own ACLED export.

Needs: an ACLED export (CSV with ``notes`` and ``event_type``/``sub_event_type``, comma or
semicolon separated, today's or the old upper-case schema) and scikit-learn (the ``train``
extra). Adds: a model stored under a name in the user's data folder, its cross-validated
agreement with the export's coders, and ``recode_events``, which lets the model stand
beside the codebook rules when a report is processed (``--model NAME``).

The rules stay the reference: the model recodes an event's type only when it is confident
(``MIN_CONFIDENCE``) and the event was not coded from an explicit trigger of a more severe
rule, and the event's notes say that the model did it. A model trained on ACLED rows is the
user's, under their licence: it lives in their data folder, never in this repository.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import json
import os
import pickle
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from sitrep.errors import SitrepError

MODEL_FILE = "model.pkl"
META_FILE = "model.json"
DEFAULT_FOLDS = 5
MIN_ROWS = 20  # fewer labelled rows than this cannot train anything useful
MIN_CONFIDENCE = 0.9  # the model's probability needed to recode a rule's event type
NAME_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$")
MODEL_ENV = "SITREP_MODEL"  # set by --model: every worker process loads the same model
DATA_DIR_ENV = "SITREP_DATA_DIR"


class TrainingError(SitrepError):
    """The export cannot be trained on, or a model cannot be found or read."""


@dataclass(frozen=True)
class LabelledNote:
    text: str
    event_type: str
    sub_event_type: str | None


@dataclass(frozen=True)
class Agreement:
    """Cross-validated agreement of the model with the export's coders (fractions 0-1)."""

    rows: int
    folds: int
    event_type: float
    sub_event_type: float | None
    sub_event_type_macro_f1: float | None


@dataclass(frozen=True)
class TrainedModel:
    name: str
    path: Path
    agreement: Agreement


@dataclass(frozen=True)
class Classifier:
    """A loaded model: predicts "event type / sub-event type" labels from text."""

    name: str
    pipeline: Any  # a fitted scikit-learn Pipeline

    def predict(self, text: str) -> tuple[str, str | None, float]:
        """The most probable event type, sub-event type and its probability."""
        probabilities = self.pipeline.predict_proba([text])[0]
        best = int(probabilities.argmax())
        event_type, _, sub = str(self.pipeline.classes_[best]).partition(" / ")
        return event_type, sub or None, float(probabilities[best])


def models_dir(*, data_dir: Path | None = None) -> Path:
    """Where named models live: ``$SITREP_DATA_DIR/models`` or the user data folder."""
    if data_dir is None:
        configured = os.environ.get(DATA_DIR_ENV)
        if configured:
            data_dir = Path(configured)
        else:
            import platformdirs

            data_dir = Path(platformdirs.user_data_dir("sitrep"))
    return data_dir / "models"


def read_acled_export(path: Path) -> list[LabelledNote]:
    """Rows with notes and an event type; either ACLED schema, comma or semicolon."""
    try:
        with path.open(newline="", encoding="utf-8-sig") as handle:
            header = handle.readline()
            handle.seek(0)
            delimiter = ";" if header.count(";") > header.count(",") else ","
            rows = list(csv.DictReader(handle, delimiter=delimiter))
    except FileNotFoundError as err:
        raise TrainingError(f"ACLED export not found: {path}") from err
    except UnicodeDecodeError as err:
        raise TrainingError(f"{path} is not UTF-8 text; export it from ACLED as CSV") from err
    notes = []
    for raw in rows:
        row = {(k or "").strip().lower(): (v or "").strip() for k, v in raw.items()}
        text, event_type = row.get("notes", ""), row.get("event_type", "")
        if "notes" not in row or "event_type" not in row:
            raise TrainingError(
                f"{path} has no 'notes' and 'event_type' columns; is it an ACLED export?"
            )
        if text and event_type:
            notes.append(LabelledNote(text, event_type, row.get("sub_event_type") or None))
    return notes


def _label(note: LabelledNote) -> str:
    return f"{note.event_type} / {note.sub_event_type}" if note.sub_event_type else note.event_type


def _build_pipeline(seed: int) -> Any:
    try:
        from sklearn.feature_extraction.text import TfidfVectorizer
        from sklearn.linear_model import LogisticRegression
        from sklearn.pipeline import Pipeline
    except ImportError as err:
        raise TrainingError(
            "scikit-learn is not installed; install the extra: pip install 'sitrep[train]'"
        ) from err
    return Pipeline([
        ("words", TfidfVectorizer(ngram_range=(1, 2), min_df=2, sublinear_tf=True)),
        ("model", LogisticRegression(max_iter=2000, C=10.0, random_state=seed)),
    ])


def measure_agreement(
    notes: Sequence[LabelledNote], *, folds: int = DEFAULT_FOLDS, seed: int = 0
) -> Agreement:
    """Cross-validated agreement with the coders: each row predicted by a model that did
    not see it (stratified folds; labels with fewer rows than folds are kept in training)."""
    from sklearn.metrics import f1_score
    from sklearn.model_selection import StratifiedKFold

    labels = [_label(n) for n in notes]
    texts = [n.text for n in notes]
    predicted: list[str | None] = [None] * len(notes)
    splitter = StratifiedKFold(n_splits=folds, shuffle=True, random_state=seed)
    import warnings

    with warnings.catch_warnings():  # rare labels: fewer members than folds is expected
        warnings.simplefilter("ignore", UserWarning)
        splits = list(splitter.split(texts, labels))
    for train_idx, test_idx in splits:
        pipeline = _build_pipeline(seed)
        pipeline.fit([texts[i] for i in train_idx], [labels[i] for i in train_idx])
        for i, label in zip(test_idx, pipeline.predict([texts[i] for i in test_idx])):
            predicted[i] = str(label)
    gold_types = [label.partition(" / ")[0] for label in labels]
    pred_types = [str(p).partition(" / ")[0] for p in predicted]
    type_hits = sum(g == p for g, p in zip(gold_types, pred_types)) / len(notes)
    has_sub = [i for i, n in enumerate(notes) if n.sub_event_type]
    sub_acc = f1 = None
    if has_sub:
        gold_sub = [labels[i] for i in has_sub]
        pred_sub = [str(predicted[i]) for i in has_sub]
        sub_acc = sum(g == p for g, p in zip(gold_sub, pred_sub)) / len(has_sub)
        f1 = float(f1_score(gold_sub, pred_sub, average="macro", zero_division=0))
    return Agreement(rows=len(notes), folds=folds, event_type=type_hits,
                     sub_event_type=sub_acc, sub_event_type_macro_f1=f1)


def train_model(
    export: Path, *, name: str, folds: int = DEFAULT_FOLDS, seed: int = 0,
    data_dir: Path | None = None,
) -> TrainedModel:
    """Train on an ACLED export, measure cross-validated agreement, store it as ``name``."""
    if not NAME_RE.match(name):
        raise TrainingError(f"model name {name!r}: use letters, digits, '.', '_' or '-'")
    notes = read_acled_export(export)
    if len(notes) < MIN_ROWS:
        raise TrainingError(
            f"{export} has {len(notes)} rows with notes and an event type; at least "
            f"{MIN_ROWS} are needed"
        )
    folds = max(2, min(folds, len(notes) // 2))
    agreement = measure_agreement(notes, folds=folds, seed=seed)
    pipeline = _build_pipeline(seed)
    pipeline.fit([n.text for n in notes], [_label(n) for n in notes])
    folder = models_dir(data_dir=data_dir) / name
    folder.mkdir(parents=True, exist_ok=True)
    (folder / MODEL_FILE).write_bytes(pickle.dumps(pipeline))
    import sklearn

    meta = {
        "name": name,
        "created": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "export": str(export),
        "export_sha256": hashlib.sha256(export.read_bytes()).hexdigest(),
        "scikit_learn": sklearn.__version__,
        "agreement": agreement.__dict__,
    }
    (folder / META_FILE).write_text(json.dumps(meta, indent=2) + "\n", encoding="utf-8")
    return TrainedModel(name=name, path=folder, agreement=agreement)


def load_classifier(name: str, *, data_dir: Path | None = None) -> Classifier:
    """A model stored by ``train_model`` (only load models you trained yourself: pickle)."""
    path = models_dir(data_dir=data_dir) / name / MODEL_FILE
    if not path.is_file():
        raise TrainingError(
            f"no model named {name!r} at {path.parent}; train one with "
            f"`sitrep train --acled EXPORT.csv --name {name}`"
        )
    try:
        pipeline = pickle.loads(path.read_bytes())
    except (pickle.UnpicklingError, ImportError, AttributeError, EOFError) as err:
        raise TrainingError(f"model {name!r} at {path} cannot be read ({err}); "
                            "train it again with this version") from err
    return Classifier(name=name, pipeline=pipeline)


def recode_events(events: tuple, text: str, *, classifier: Classifier, codebook: Any) -> tuple:  # type: ignore[type-arg]
    """The events with the model beside the rules: a news event whose evidence the model
    types differently with probability at least ``MIN_CONFIDENCE`` takes the model's type,
    unless the rules' type is the more severe one in the codebook's precedence. The notes
    say so either way the model disagreed."""
    order: dict[str, int] = {}
    for i, rule in enumerate(codebook.rules):
        order.setdefault(rule.sub_event_type, i)
    recoded = []
    for event in events:
        if event.is_background or not event.evidence:
            recoded.append(event)
            continue
        evidence = " ".join(text[s:e] for s, e in event.evidence)
        event_type, sub, confidence = classifier.predict(evidence)
        if sub is None or (event_type, sub) == (event.event_type, event.sub_event_type) or (
            sub not in order
        ):
            recoded.append(event)
            continue
        note = (f"Model {classifier.name} reads {event_type} / {sub} "
                f"(p={confidence:.2f}); rules: {event.event_type} / {event.sub_event_type}")
        if confidence >= MIN_CONFIDENCE and order[sub] <= order.get(event.sub_event_type, 99):
            recoded.append(replace(
                event, event_type=event_type, sub_event_type=sub,
                disorder_type=codebook.disorder_type(event_type),
                notes=f"{event.notes} {note}; the model's type is coded.",
            ))
        else:
            recoded.append(replace(event, notes=f"{event.notes} {note}; the rules' type is kept."))
    return tuple(recoded)
