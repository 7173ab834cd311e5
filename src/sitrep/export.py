"""Export: Events -> ACLED-column CSV, GeoJSON, JSON Lines.

Needs: fused Events (and, for the CSV ``source`` column, document id -> source name).
Adds: nothing; it writes files.

Every text field comes from article text and is untrusted: the CSV writer defuses cells
that a spreadsheet would run as a formula, and JSON output is plain data.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import json
import math
from collections.abc import Iterable, Mapping
from typing import Any, TextIO

import pycountry

from sitrep.records import Claim, Event, Location

INTER_LABELS = {
    1: "State forces",
    2: "Rebel group",
    3: "Political militia",
    4: "Identity militia",
    5: "Rioters",
    6: "Protesters",
    7: "Civilians",
    8: "External/Other forces",
}
INTER_CIVILIANS = 7
CIVILIAN_TARGETING = "Civilian targeting"

ACLED_COLUMNS = (
    "event_id_cnty",
    "event_date",
    "year",
    "time_precision",
    "disorder_type",
    "event_type",
    "sub_event_type",
    "actor1",
    "assoc_actor_1",
    "inter1",
    "actor2",
    "assoc_actor_2",
    "inter2",
    "interaction",
    "civilian_targeting",
    "iso",
    "region",
    "country",
    "admin1",
    "admin2",
    "admin3",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "source",
    "source_scale",
    "notes",
    "fatalities",
    "tags",
    "timestamp",
)
# Columns whose text comes from articles; only these get the formula guard (latitude
# "-0.4711" is a number we formatted and must stay as it is).
_UNTRUSTED_COLUMNS = frozenset(
    {
        "actor1",
        "assoc_actor_1",
        "actor2",
        "assoc_actor_2",
        "admin1",
        "admin2",
        "admin3",
        "location",
        "source",
        "notes",
        "event_type",
        "sub_event_type",
        "disorder_type",
        "country",
    }
)
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_LINE_BREAKING_CHARS = ("\x85", "\u2028", "\u2029")  # str.splitlines() splits on these
COORDINATE_DECIMALS = 4  # as ACLED publishes them
EVENT_ID_DIGITS = 10
UNKNOWN_COUNTRY_ALPHA3 = "XXX"  # ISO 3166 reserves X.. codes for user assignment
_MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip

# ACLED's region of each country (ISO 3166-1 alpha-2), as in ACLED's own files.
_REGION_COUNTRIES = {
    "Western Africa": "BJ BF CV CI GM GH GN GW LR ML MR NE NG SH SN SL TG",
    "Middle Africa": "AO CM CF TD CG CD GQ GA ST",
    "Eastern Africa": "BI KM DJ ER ET KE MG MW MU YT MZ RE RW SC SO SS TZ UG ZM ZW",
    "Southern Africa": "BW SZ LS NA ZA",
    "Northern Africa": "DZ EG LY MA SD TN EH",
    "Middle East": "BH IR IQ IL JO KW LB OM PS QA SA SY TR AE YE",
    "Caucasus and Central Asia": "AF AM AZ GE KZ KG TJ TM UZ",
    "South Asia": "BD BT IN MV NP PK LK",
    "Southeast Asia": "BN KH ID LA MY MM PH SG TH TL VN",
    "East Asia": "CN HK JP KP KR MN MO TW",
    "Europe": (
        "AL AD AT BY BE BA BG HR CY CZ DK EE FO FI FR DE GI GR GG HU IS IE IM IT JE XK "
        "LV LI LT LU MT MD MC ME NL MK NO PL PT RO RU SM RS SK SI ES SE CH UA GB VA AX"
    ),
    "North America": "US CA GL BM PM",
    "Central America": "MX BZ CR SV GT HN NI PA",
    "South America": "AR BO BR CL CO EC FK GF GY PY PE SR UY VE",
    "Caribbean": (
        "AI AG AW BS BB BQ VG KY CU CW DM DO GD GP HT JM MQ MS PR BL KN LC MF VC SX TT TC VI"
    ),
    "Oceania": ("AS AU CK FJ PF GU KI MH FM NR NC NZ NU NF MP PW PG PN WS SB TK TO TV UM VU WF"),
    "Antarctica": "AQ BV GS HM TF",
}
_REGION_OF = {code: region for region, codes in _REGION_COUNTRIES.items() for code in codes.split()}

# Where ACLED's country name differs from pycountry's common name.
_ACLED_COUNTRY_NAMES = {
    "BN": "Brunei",
    "CD": "Democratic Republic of Congo",
    "CG": "Republic of Congo",
    "CI": "Ivory Coast",
    "CV": "Cape Verde",
    "CZ": "Czech Republic",
    "FM": "Micronesia",
    "PS": "Palestine",
    "RU": "Russia",
    "SZ": "eSwatini",
    "TL": "East Timor",
    "TR": "Turkey",
    "VA": "Vatican City",
    "XK": "Kosovo",
}
# Codes pycountry does not carry: alpha-3 and ISO numeric (0: none assigned).
_EXTRA_COUNTRIES = {"XK": ("XKX", 0)}


def event_to_dict(event: Event) -> dict[str, Any]:
    """A JSON-ready dict of every Event field; inter as ACLED label plus ``inter1_code``."""
    return {
        "id": event.id,
        "event_type": event.event_type,
        "sub_event_type": event.sub_event_type,
        "disorder_type": event.disorder_type,
        "date": _iso_date(event.date),
        "time_precision": event.time_precision,
        "actor1": event.actor1,
        "assoc_actor_1": event.assoc_actor_1,
        "inter1": _inter_label(event.inter1),
        "inter1_code": event.inter1,
        "actor2": event.actor2,
        "assoc_actor_2": event.assoc_actor_2,
        "inter2": _inter_label(event.inter2),
        "inter2_code": event.inter2,
        "location": _location_to_dict(event.location),
        "fatalities": event.fatalities,
        "claims": [_claim_to_dict(claim) for claim in event.claims],
        "is_background": event.is_background,
        "flags": list(event.flags),
        "evidence": [[start, end] for start, end in event.evidence],
        "notes": event.notes,
        "mention_ids": list(event.mention_ids),
        "doc_ids": list(event.doc_ids),
        "source_count": event.source_count,
        "first_seen": _iso_date(event.first_seen),
        "last_seen": _iso_date(event.last_seen),
    }


def write_jsonl(events: Iterable[Event], out: TextIO) -> None:
    """One JSON object per event per line (``event_to_dict``)."""
    for event in events:
        out.write(_dump(event_to_dict(event)))
        out.write("\n")


def write_geojson(events: Iterable[Event], out: TextIO) -> None:
    """A GeoJSON FeatureCollection (RFC 7946) of Point features, streamed.

    Every event field is a property; an event without valid coordinates gets
    ``"geometry": null``.
    """
    out.write('{"type": "FeatureCollection", "features": [')
    for index, event in enumerate(events):
        feature = {
            "type": "Feature",
            "id": event.id,
            "geometry": _point(event.location),
            "properties": event_to_dict(event),
        }
        out.write(",\n" if index else "\n")
        out.write(_dump(feature))
    out.write("\n]}\n")


def write_acled_csv(
    events: Iterable[Event],
    out: TextIO,
    *,
    sources: Mapping[str, str] | None = None,
) -> None:
    """ACLED's columns (``ACLED_COLUMNS``), comma-separated, one row per event.

    ``sources`` maps a document id to its source name for the ``source`` column. Rows
    end in CRLF (RFC 4180); open ``out`` with ``newline=""``.
    """
    # RFC 4180 line ends: with "\n" alone, csv would leave a bare "\r" in a cell unquoted.
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(ACLED_COLUMNS)
    for event in events:
        row = acled_row(event, sources=sources or {})
        writer.writerow(_defuse(column, row[column]) for column in ACLED_COLUMNS)


def acled_row(event: Event, *, sources: Mapping[str, str]) -> dict[str, str]:
    """One event as ACLED column values (strings; "" for unknown)."""
    location = event.location
    country_code = location.country.upper() if location and location.country else None
    alpha3, numeric, country_name, region = _country_fields(country_code)
    source_names = dict.fromkeys(sources[d] for d in event.doc_ids if sources.get(d))
    return {
        "event_id_cnty": f"{alpha3}{_short_event_number(event.id)}",
        "event_date": _acled_date(event.date),
        "year": str(event.date.year) if event.date else "",
        "time_precision": str(event.time_precision),
        "disorder_type": event.disorder_type,
        "event_type": event.event_type,
        "sub_event_type": event.sub_event_type,
        "actor1": event.actor1 or "",
        "assoc_actor_1": event.assoc_actor_1 or "",
        "inter1": str(event.inter1 or 0),
        "actor2": event.actor2 or "",
        "assoc_actor_2": event.assoc_actor_2 or "",
        "inter2": str(event.inter2 or 0),
        "interaction": _interaction(event.inter1, event.inter2),
        "civilian_targeting": CIVILIAN_TARGETING if event.inter2 == INTER_CIVILIANS else "",
        "iso": "" if numeric is None else str(numeric),
        "region": region,
        "country": country_name,
        "admin1": (location.admin1 if location else None) or "",
        "admin2": (location.admin2 if location else None) or "",
        "admin3": "",
        "location": (location.name if location else None) or "",
        "latitude": _coordinate(location.lat if location else None),
        "longitude": _coordinate(location.lon if location else None),
        "geo_precision": str(location.geo_precision) if location else "",
        "source": "; ".join(source_names),
        "source_scale": "",
        "notes": event.notes or "",
        "fatalities": str(event.fatalities),
        "tags": "",
        "timestamp": _timestamp(event.last_seen or event.first_seen),
    }


# ---- helpers ------------------------------------------------------------------------------


def _dump(data: Any) -> str:
    """Compact JSON on one line: also escape the characters some readers take as line ends."""
    text = json.dumps(data, ensure_ascii=False, allow_nan=False)
    for char in _LINE_BREAKING_CHARS:
        text = text.replace(char, f"\\u{ord(char):04x}")
    return text


def _iso_date(value: dt.date | None) -> str | None:
    return None if value is None else value.isoformat()


def _inter_label(code: int | None) -> str | None:
    return None if code is None else INTER_LABELS.get(code)


def _finite(value: float | None) -> float | None:
    """JSON has no NaN or infinity: such a coordinate is as good as unknown."""
    return value if value is not None and math.isfinite(value) else None


def _location_to_dict(location: Location | None) -> dict[str, Any] | None:
    if location is None:
        return None
    return {
        "name": location.name,
        "country": location.country,
        "admin1": location.admin1,
        "admin2": location.admin2,
        "lat": _finite(location.lat),
        "lon": _finite(location.lon),
        "geo_precision": location.geo_precision,
        "geonameid": location.geonameid,
    }


def _claim_to_dict(claim: Claim) -> dict[str, Any]:
    return {
        "text": claim.text,
        "attributed_to": claim.attributed_to,
        "status": claim.status,
        "start": claim.start,
        "end": claim.end,
        "kind": claim.kind,
        "value": claim.value,
    }


def _point(location: Location | None) -> dict[str, Any] | None:
    if location is None:
        return None
    lat, lon = _finite(location.lat), _finite(location.lon)
    if lat is None or lon is None or not (-90 <= lat <= 90 and -180 <= lon <= 180):
        return None
    return {"type": "Point", "coordinates": [lon, lat]}


def _country_fields(code: str | None) -> tuple[str, int | None, str, str]:
    """alpha-3 (for event ids), ISO numeric, ACLED country name and region of an alpha-2."""
    if code is None:
        return UNKNOWN_COUNTRY_ALPHA3, None, "", ""
    region = _REGION_OF.get(code, "")
    if code in _EXTRA_COUNTRIES:
        alpha3, numeric = _EXTRA_COUNTRIES[code]
        return alpha3, numeric, _ACLED_COUNTRY_NAMES.get(code, code), region
    country = pycountry.countries.get(alpha_2=code)
    if country is None:
        return UNKNOWN_COUNTRY_ALPHA3, None, "", region
    name = _ACLED_COUNTRY_NAMES.get(code) or getattr(country, "common_name", None) or country.name
    return country.alpha_3, int(country.numeric), name, region


def _short_event_number(event_id: str) -> str:
    """A stable number for an event id, digits only as in ACLED's ``event_id_cnty``."""
    digest = hashlib.sha256(event_id.encode("utf-8")).hexdigest()
    return str(int(digest, 16) % 10**EVENT_ID_DIGITS).zfill(EVENT_ID_DIGITS)


def _acled_date(value: dt.date | None) -> str:
    """ "17 November 2021", independent of the locale."""
    if value is None:
        return ""
    return f"{value.day:02d} {_MONTHS[value.month - 1]} {value.year}"


def _interaction(inter1: int | None, inter2: int | None) -> str:
    """ACLED's two-digit interaction: lower code first; a lone actor is followed by 0."""
    codes = sorted(code for code in (inter1, inter2) if code)
    if not codes:
        return ""
    if len(codes) == 1:
        return f"{codes[0]}0"
    return f"{codes[0]}{codes[1]}"


def _coordinate(value: float | None) -> str:
    value = _finite(value)
    if value is None:
        return ""
    text = f"{value:.{COORDINATE_DECIMALS}f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def _timestamp(value: dt.date | None) -> str:
    """Unix time of midnight UTC on the day the event was last reported."""
    if value is None:
        return ""
    moment = dt.datetime(value.year, value.month, value.day, tzinfo=dt.UTC)
    return str(int(moment.timestamp()))


def _defuse(column: str, value: str) -> str:
    """Keep a spreadsheet from running article text as a formula (CSV injection)."""
    if column in _UNTRUSTED_COLUMNS and value.startswith(_FORMULA_STARTS):
        return "'" + value
    return value
