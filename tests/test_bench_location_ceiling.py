"""bench/acled_location_ceiling.py: the upper bound on locating ACLED notes' events.

Rows are invented here (no ACLED data); the gazetteer is the real index.
"""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

BENCH = Path(__file__).resolve().parent.parent / "bench"
sys.path.insert(0, str(BENCH))

import acled
import acled_location_ceiling as ceiling


def _row(notes: str, lat: float, lon: float, admin1: str) -> acled.GoldRow:
    day = dt.date(2021, 3, 2)
    return acled.GoldRow(
        id="test:1", file="test.csv", notes=notes, event_date=day, doc_date=day,
        time_precision=1, event_type="Battles", sub_event_type="Armed clash",
        actor1="", actor2="", inter1=None, inter2=None, country="Kenya", admin1=admin1,
        location="", lat=lat, lon=lon, fatalities=0,
    )


def test_capitalised_runs_start_at_a_capital_and_stop_at_four_words():
    runs = ceiling.capitalised_runs("gunmen attacked a bus near Garissa town, Garissa County.")
    assert {"Garissa", "Garissa town", "Garissa County", "Garissa town Garissa County"} <= runs
    assert "gunmen attacked" not in runs
    assert not any(len(run.split()) > 4 for run in runs)


def test_a_named_town_near_the_coded_point_is_reachable(resources):
    row = _row("Gunmen attacked a bus near Garissa town.", -0.4536, 39.6401, "Garissa")
    assert ceiling.reachable(row, resources.gazetteer) == (True, True)


def test_a_note_that_names_no_place_is_unreachable(resources):
    row = _row("Cattle raiders killed two herders during a night raid.", -0.4536, 39.6401,
               "Garissa")
    assert ceiling.reachable(row, resources.gazetteer) == (False, False)


def test_a_place_far_from_the_coded_point_is_not_near_but_may_share_its_admin1(resources):
    # Mombasa city, while ACLED coded a point in Mombasa county 60 km away.
    row = _row("Police dispersed a crowd in Mombasa.", -4.60, 39.30, "Mombasa")
    assert ceiling.reachable(row, resources.gazetteer) == (False, True)
