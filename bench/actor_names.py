"""Propose actor-dictionary entries from the actor *names* in ACLED exports.

Reads only the actor1/actor2 and inter1/inter2 columns (never a row's notes or coding)
and prints YAML for ``src/sitrep/data/actors.yaml``:

- ethnic and clan militias ("Pokot Ethnic Militia (Kenya)") as groups named per country
  ("Pokot Ethnic Militia ({country})", inter 4) with the group's name as alias;
- armed organisations written "ABBR: Full name" with inter 2 (rebel groups), or inter 3
  when the name says it is armed (Army, Liberation, Lashkar...), with both as aliases.

    python bench/actor_names.py [--data ../shared/data/acled] > /tmp/proposed.yaml

Review the output before pasting it in: names that are also common words or places are
left out by the filters below, but not every clash can be foreseen.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from acled import read_acled_csv, select_files
from sitrep_run import DEFAULT_DATA

ETHNIC_RE = re.compile(r"(?P<group>.+?) (?:Ethnic|Clan) Militia \((?P<country>[^)]+)\)$")
ORG_RE = re.compile(r"(?P<abbr>[A-Za-z][\w/.-]{1,12}): (?P<full>[^()]+?)(?: \(.*\))?$")
ARMED_WORDS = re.compile(
    r"\b(Army|Liberation|Lashkar|Jaish|Mujahideen|Defence Force|Front|Jamaat-ul|Islamic)\b"
)
MIN_NAME_CHARS = 4  # "Ga", "Wa", "Luo": too likely to be something else
MIN_MENTIONS = 2  # names that occur once are too rare to be worth an entry
COMMON_WORDS = frozenset({"bana", "garba", "matan", "moran", "siria"})  # names and words too


def propose_entries(names: Counter, inters: dict[str, int], *, skip: set[str]) -> str:
    """YAML text for the generic ethnic entries and the named organisations."""
    ethnic: dict[str, int] = Counter()
    for name, count in names.items():
        match = ETHNIC_RE.match(name)
        if match and not match["group"].startswith(("Unidentified", "Muslim", "Christian")):
            ethnic[match["group"]] += count
    lines = ["groups:"]  # ethnic militias first, then organisations (one list in actors.yaml)
    for group, count in sorted(ethnic.items()):
        if count < MIN_MENTIONS or len(group) < MIN_NAME_CHARS or group.lower() in skip:
            continue
        if group.lower() in COMMON_WORDS:
            continue
        plural = f", {group}s" if not group.endswith(("s", "i")) else ""
        lines.append(f'  - name: "{group} Ethnic Militia ({{country}})"')
        lines.append("    inter: 4")
        lines.append(f"    aliases: [{group}{plural}]")
    for name, count in sorted(names.items()):
        match = ORG_RE.match(name)
        inter = inters.get(name)
        if not match or count < MIN_MENTIONS or inter not in (2, 3):
            continue
        if inter == 3 and not ARMED_WORDS.search(match["full"]):
            continue  # political parties: their supporters are rioters, not militia
        if "Party" in match["full"] or "(" in name.split(":", 1)[1]:
            continue  # party militias and splinter factions are coded case by case
        if len(match["abbr"]) < MIN_NAME_CHARS - 1 or {match["abbr"].lower(),
                                                       match["full"].lower()} & skip:
            continue  # "IS", "AA" would match common words; known groups are kept
        lines.append(f'  - name: "{name}"')
        lines.append(f"    inter: {inter}")
        lines.append(f'    aliases: ["{match["abbr"]}", "{match["full"]}"]')
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA / "acled")
    args = parser.parse_args(argv)
    if not args.data.is_dir():
        print(f"skipped: folder not found: {args.data}")
        return 0
    names: Counter = Counter()
    inters: dict[str, int] = {}
    for path in select_files(args.data, None):
        for row in read_acled_csv(path):
            for name, inter in ((row.actor1, row.inter1), (row.actor2, row.inter2)):
                if name:
                    names[name] += 1
                    if inter is not None:
                        inters[name] = inter
    from sitrep.actors import load_actor_dictionary

    dictionary = load_actor_dictionary()
    skip = set(dictionary.national_words) | {p.lower() for p in dictionary.phrases}
    print(propose_entries(names, inters, skip=skip))
    return 0


if __name__ == "__main__":
    sys.exit(main())
