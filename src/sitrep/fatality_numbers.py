"""Numbers as reports write them: digits, number words ("twenty-five", "two hundred"),
and ranges ("18-50", "5-7"), read as their lower end.

Needs: a token of the parse. Adds: ``stated_number``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Token

NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90, "hundred": 100, "dozen": 12,
}


def stated_number(token: Token) -> int | None:
    """Digits or number words ("25", "twenty-five", "two hundred"); a range's lower end."""
    text = token.lower_.replace(",", "")
    if text.isdigit():
        value = int(text)
        ends = [int(c.text) for c in token.children if c.text.isdigit()]  # "18-50"
        value = min([value, *ends])
        return value if value < 1_000_000 else None
    if text in NUMBER_WORDS:
        value = NUMBER_WORDS[text]
        for child in token.children:  # "twenty-five", "two hundred"
            if child.lower_ in NUMBER_WORDS and child.i < token.i:
                value = NUMBER_WORDS[child.lower_] * value if value == 100 else value + NUMBER_WORDS[child.lower_]
        return value
    if "-" in text:
        parts = text.split("-")
        if all(p in NUMBER_WORDS for p in parts):
            return sum(NUMBER_WORDS[p] for p in parts)
        if all(p.isdigit() for p in parts if p):  # "5-7": a range, its lower end
            return min(int(p) for p in parts if p)
    return None
