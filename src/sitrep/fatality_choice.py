"""Fatalities of a fused event by ACLED's rules: the lowest figure reported, a stated
number before a vague word's estimate, deaths reported in addition added to it, each
side's dead added up when every report names one side's, and a party to the fighting's
claim about its enemy's losses set aside.

Needs: the claims of the mentions fused into one event (``fuse``). Adds: the figure and a
note on why it is that figure when the report gives more than one (``explain`` shows it).
"""

from __future__ import annotations

from sitrep.fatalities import is_additional_toll
from sitrep.fatality_sources import is_own_loss, is_partisan_source, victim_side
from sitrep.records import Claim


def choose_fatalities(claims: tuple[Claim, ...]) -> tuple[int, str | None]:
    """ACLED: the lowest reported figure; a stated number before a vague word's estimate.

    A party's claim about its enemy's losses (an armed group or its outlet:
    ``is_partisan_source``; not its own dead, ``is_own_loss``) is set aside, and so are the
    report's unattributed tolls whose figure such a claim gives ("1 soldier was killed ...
    (VoJ reported 1)": ``_party_figures``): when no other source gives a figure, no deaths
    are coded. Deaths reported as additional ("3 militants were also killed", "4 more
    bodies") add to the lowest figure instead of competing with it.
    """
    tolls = [c for c in claims if c.kind in FATALITY_KINDS and c.value]
    partisan = [c for c in tolls if is_partisan_source(c.attributed_to)
                and not is_own_loss(c.attributed_to, c.text)]
    relayed = _party_figures(tolls, partisan)
    pool = [c for c in tolls if c not in partisan and c not in relayed]
    if tolls and not pool:
        listed = ", ".join(dict.fromkeys(f"{c.value} ({c.attributed_to})" for c in partisan))
        note = f"deaths are claimed only by a party to the fighting ({listed})"
        if relayed:
            note += "; the report gives no other source for its figures (" + ", ".join(
                str(_figure(c)) for c in relayed) + ")"
        return 0, note + ": none coded"
    stated = [c for c in pool if c.kind == "fatalities"]
    chosen = stated or [c for c in pool if c.kind == "fatalities_estimate"]
    if not chosen:
        return 0, None
    added = [c for c in chosen if is_additional_toll(c.text)]
    figures = sorted({_figure(c) for c in chosen if c not in added})
    sides = _lowest_by_side([c for c in chosen if c not in added])
    if sides is not None:  # "A soldier was killed. Troops killed 4 militants.": 5
        total = sum(sides.values()) + sum(_figure(c) for c in added)
        note = _fatality_note(tolls, pool, chosen, [], added)
        listed = ", ".join(f"{side} {n}" for side, n in sides.items())
        return total, "; ".join(filter(None, [f"deaths on each side added up ({listed})", note]))
    total = (figures[0] if figures else 0) + sum(_figure(c) for c in added)
    return total, _fatality_note(tolls, pool, chosen, figures, added)


def _lowest_by_side(tolls: list[Claim]) -> dict[str, int] | None:
    """The lowest figure for each side's dead, when every toll names one side's dead and
    there are several sides (``victim_side``); otherwise None."""
    named = [(side, _figure(c)) for c in tolls if (side := victim_side(c.text)) is not None]
    if len(named) < len(tolls) or len({side for side, _ in named}) < 2:
        return None
    lowest: dict[str, int] = {}
    for side, figure in named:
        lowest[side] = min(lowest.get(side, figure), figure)
    return lowest


FATALITY_KINDS = ("fatalities", "fatalities_estimate")


def _party_figures(tolls: list[Claim], partisan: list[Claim]) -> list[Claim]:
    """The report's unattributed tolls that are a party's claim: those whose figure (or
    whose total) a party to the fighting gives as the source of it. A party that only
    corroborates another source ("VoJ also reported 1": status confirmed), or gives a
    figure for other deaths (its own losses, another attack), leaves them standing."""
    figures = {_figure(c) for c in partisan if c.status != "confirmed"}
    unattributed = [c for c in tolls if c.attributed_to is None]
    if len(unattributed) > 1 and sum(_figure(c) for c in unattributed) in figures:
        return unattributed  # "2 were killed ... 1 was also killed ... (VoJ reported 3)"
    return [c for c in unattributed if _figure(c) in figures]


def _figure(claim: Claim) -> int:
    return int(claim.value or 0)


def _fatality_note(
    tolls: list[Claim], pool: list[Claim], chosen: list[Claim], figures: list[int],
    added: list[Claim],
) -> str | None:
    """Why the coded figure is what it is, when the report gives more than one."""
    parts = []
    estimates = sorted({_figure(c) for c in pool if c not in chosen})
    if len(figures) > 1 or estimates:
        note = "fatality reports differ (" + ", ".join(str(f) for f in figures)
        if estimates:
            note += "; estimated from vague words: " + ", ".join(str(f) for f in estimates)
        parts.append(note + "): the lowest stated figure is coded")
    set_aside = [c for c in tolls if c not in pool and c.attributed_to]
    if set_aside:
        listed = ", ".join(dict.fromkeys(f"{c.value} ({c.attributed_to})" for c in set_aside))
        parts.append(f"claims by a party to the fighting set aside: {listed}")
    relayed = [c for c in tolls if c not in pool and not c.attributed_to]
    if relayed:
        listed = ", ".join(str(_figure(c)) for c in relayed)
        parts.append(f"figures the report gives only as that party's set aside: {listed}")
    if added:
        listed = ", ".join(str(_figure(c)) for c in added)
        parts.append(f"deaths reported in addition counted: {listed}")
    return "; ".join(parts) or None
