"""Place-name keys: how the gazetteer compares names, shared by its builder and its lookup.

Names are matched on three keys, from strict to loose (``name_keys``):

1. the normalised name: case-folded, diacritics and apostrophes removed, punctuation
   to spaces ("Deir ez-Zor" -> "deir ez zor");
2. the same without Arabic article particles ("al-", "ez-", "ash-"...) and
   administrative suffixes ("Deir al-Zour" -> "deir zour");
3. a transliteration skeleton: vowel runs (with w/y) folded to "a", q->k, dh->d...,
   doubled letters and a final "h" dropped ("Dayr az Zawr" ~ "Deir ez-Zor" ~
   "Deir al-Zour"; "Hawija" ~ "Al Hawijah").

Also here: ``ascii_name`` (the display form of a name without diacritics) and
``is_latin_name`` (which names are worth indexing for English text).

Needs: nothing but the standard library.
"""

from __future__ import annotations

import re
import unicodedata

SKELETON_MIN_CHARS = 4  # shorter skeletons are not discriminating: no skeleton key

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
