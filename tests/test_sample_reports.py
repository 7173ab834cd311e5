"""The bundled sample reports and their expected codings are well-formed and consistent.

This checks the fixtures themselves (header, dateline, length, codebook names), not the
pipeline; pipeline tests compare `sitrep parse` output with the `.expected.json` files.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "src" / "sitrep" / "samples"
EXPECTED = ROOT / "tests" / "data" / "samples"

SUB_TYPES = {
    "Battles": {"Government regains territory", "Non-state actor overtakes territory",
                "Armed clash"},
    "Protests": {"Excessive force against protesters", "Protest with intervention",
                 "Peaceful protest"},
    "Riots": {"Violent demonstration", "Mob violence"},
    "Explosions/Remote violence": {"Chemical weapon", "Air/drone strike", "Suicide bomb",
                                   "Shelling/artillery/missile attack",
                                   "Remote explosive/landmine/IED", "Grenade"},
    "Violence against civilians": {"Sexual violence", "Attack",
                                   "Abduction/forced disappearance"},
    "Strategic developments": {"Agreement", "Arrests", "Change to group/activity",
                               "Disrupted weapons use", "Headquarters or base established",
                               "Looting/property destruction",
                               "Non-violent transfer of territory", "Other"},
}
KEYS = {"event_type", "sub_event_type", "actor1", "inter1", "actor2", "inter2", "country",
        "location", "geo_precision", "date", "time_precision", "fatalities",
        "background_count", "source"}

# The Deir al-Zour report is the shared fixture, shipped as it is: its header shares the
# first line with the text, and its header date is wrong on purpose (sitrep must notice).
SHARED_SAMPLE = "deir-al-zour-raid"
SAMPLE_NAMES = sorted(p.stem for p in SAMPLES.glob("*.txt") if p.stem != SHARED_SAMPLE)


def test_there_are_samples():
    assert len(SAMPLE_NAMES) >= 6


@pytest.mark.parametrize("name", SAMPLE_NAMES)
def test_sample_text_format(name):
    text = (SAMPLES / f"{name}.txt").read_text(encoding="utf-8")
    header, _, body = text.partition("\n")
    m = re.fullmatch(r"date (\d{4}-\d{2}-\d{2})", header)
    assert m, header
    dt.date.fromisoformat(m.group(1))
    assert re.match(r"[A-Z][A-Z .'-]+(, [A-Z][A-Za-z .'-]+)? — \S", body), body[:60]
    assert 150 <= len(body.split()) <= 300


@pytest.mark.parametrize(
    "name", SAMPLE_NAMES + [p.name.removesuffix(".expected.json")
                            for p in EXPECTED.glob("*.expected.json")
                            if not (SAMPLES / p.name.replace(".expected.json", ".txt")).exists()]
)
def test_expected_coding(name):
    exp = json.loads((EXPECTED / f"{name}.expected.json").read_text(encoding="utf-8"))
    assert set(exp) == KEYS
    assert exp["sub_event_type"] in SUB_TYPES[exp["event_type"]]
    assert exp["inter1"] in range(1, 9)
    assert exp["inter2"] in range(0, 9)
    assert (exp["actor2"] is None) == (exp["inter2"] == 0)
    assert re.fullmatch(r"[A-Z]{2}", exp["country"])
    assert exp["geo_precision"] in (1, 2, 3) and exp["time_precision"] in (1, 2, 3)
    dt.date.fromisoformat(exp["date"])
    assert isinstance(exp["fatalities"], int) and exp["fatalities"] >= 0
    assert isinstance(exp["background_count"], int) and exp["background_count"] >= 0


@pytest.mark.parametrize("name", SAMPLE_NAMES)
def test_event_not_after_publication(name):
    header = (SAMPLES / f"{name}.txt").read_text(encoding="utf-8").partition("\n")[0]
    exp = json.loads((EXPECTED / f"{name}.expected.json").read_text(encoding="utf-8"))
    published = dt.date.fromisoformat(header.split()[1])
    event = dt.date.fromisoformat(exp["date"])
    assert 0 <= (published - event).days <= 7
