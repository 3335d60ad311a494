"""The division list: every province, city, county and township with its code (``places.tsv``,
built by ``scripts/places.py`` from the Ministry of Civil Affairs' 2024 list and the National
Bureau of Statistics' 2023 township list), read once per process when a place is first asked for.

>>> g = gazetteer()
>>> g.units["410726"].name, g.units["410726"].city, g.units["410726"].province
('延津县', '410700', '410000')
>>> sorted(g.towns["东屯镇"])
['410726']
"""

from __future__ import annotations

import functools
import itertools
import operator
from dataclasses import dataclass, field
from importlib import resources
from typing import NamedTuple

#: The list's vintage, said wherever a place is given.
VINTAGE = "GB/T 2260 (Ministry of Civil Affairs, 2024); townships: National Bureau of Statistics, 2023"
#: The endings of a township's name that are read in text (farms, prisons and offices that the
#: statistics list files as townships are not).
TOWN_ENDINGS = ("镇", "乡", "街道", "苏木")


class Unit(NamedTuple):
    """A province, city or county: ``code`` (6 digits), full ``name``, ``short`` name, ``level``."""

    code: str
    name: str
    short: str
    level: str  # province | city | county

    @property
    def province(self) -> str:
        return self.code[:2] + "0000"

    @property
    def city(self) -> str | None:
        """The city a county lies in (None for a province, or a county under its province)."""
        if self.level == "province":
            return None
        return self.code[:4] + "00"


@dataclass
class Gazetteer:
    units: dict[str, Unit] = field(default_factory=dict)
    #: full name (today's and former) -> codes
    names: dict[str, tuple[str, ...]] = field(default_factory=dict)
    #: short name (two characters or more) -> codes
    shorts: dict[str, tuple[str, ...]] = field(default_factory=dict)
    #: township name -> codes of the counties (or cities) it lies in
    towns: dict[str, tuple[str, ...]] = field(default_factory=dict)
    #: city -> the counties in it
    children: dict[str, list[str]] = field(default_factory=dict)
    #: the last three characters of a full name or township -> the lengths of such names (three
    #: characters or more), longest first
    sizes: dict[str, tuple[int, ...]] = field(default_factory=dict)
    #: the full names of two characters (和县, 范县)
    pairs: set[str] = field(default_factory=set)

    def add_name(self, table: dict, name: str, code: str) -> None:
        codes = table.setdefault(name, [])
        if code not in codes:
            codes.append(code)


def _level(code: str) -> str:
    if code.endswith("0000"):
        return "province"
    if code.endswith("00"):
        return "city"
    return "county"


def parse(text: str) -> Gazetteer:
    """A gazetteer from the lines of ``places.tsv``."""
    g = Gazetteer()
    split = text.find("\t@towns\t")
    split = text.rfind("\n", 0, split) + 1 if split >= 0 else len(text)
    for line in text[:split].splitlines():
        if not line or line.startswith("#"):
            continue
        parts = line.split("\t")
        code, name = parts[0], parts[1]
        if len(name) < 3:
            g.pairs.add(name)
        short = parts[2] if len(parts) > 2 else ""
        if len(parts) < 4:  # (a former name adds a name to a unit of today)
            g.units[code] = Unit(code, name, short, _level(code))
        g.add_name(g.names, name, code)
        if len(short) >= 2 and short != name and len(parts) < 4:
            g.add_name(g.shorts, short, code)
    g.towns = _towns(text[split:])
    g.sizes = tails([*g.names, *g.towns])
    for table in (g.names, g.shorts):  # (tuples, which the garbage collector need not walk)
        for name, codes in table.items():
            table[name] = tuple(codes)
    for code, unit in g.units.items():
        if unit.level == "county":
            g.children.setdefault(code[:4] + "00", []).append(code)
    return g


def tails(names: list[str]) -> dict[str, tuple[int, ...]]:
    """The last three characters of each name of three or more -> the lengths of such names,
    longest first (tuples: a long-lived table of sets would be walked by every full garbage
    collection).

    >>> tails(["延津县", "东屯镇", "大东屯镇"])["东屯镇"]
    (4, 3)
    """
    sizes: dict[str, tuple[int, ...]] = {}
    last3 = operator.itemgetter(slice(-3, None))
    # (a length at a time, longest first, by set operations: a loop over the 34,000 names of the
    # list cost a one-file run 20 ms)
    for size, group in itertools.groupby(sorted(names, key=len, reverse=True), key=len):
        if size < 3:
            break
        ends = set(map(last3, group))
        both = ends & sizes.keys()
        sizes.update(dict.fromkeys(ends - both, (size,)))
        for tail in both:
            sizes[tail] += (size,)
    return sizes


def _towns(lines: str) -> dict[str, tuple[str, ...]]:
    """Township name -> the codes of the counties it lies in, from the ``@towns`` lines: a
    county's names at once (``dict.fromkeys``), those it shares with counties before it joined up;
    then what is not read as a township (farms, prisons) goes. (A loop over the 38,000 names was
    most of a one-file run's start.)"""
    towns: dict[str, tuple[str, ...]] = {}
    for line in lines.split("\n"):
        if not line or line.startswith("#"):
            continue
        code, _, names = line.split("\t")
        listed = names.split(" ")
        shared = towns.keys() & listed
        before = {t: towns[t] for t in shared}
        towns.update(dict.fromkeys(listed, (code,)))
        for town, codes in before.items():
            towns[town] = codes + (code,)
    for town in [t for t in towns if len(t) < 3 or not t.endswith(TOWN_ENDINGS)]:
        del towns[town]
    return towns


def code_of(value: str, g: Gazetteer) -> str | None:
    """A unit's code from its code or a full name that names one unit (延津县 → 410726)."""
    if value in g.units:
        return value
    codes = [c for c in g.names.get(value, []) if c in g.units]
    return codes[0] if len(codes) == 1 else None


@functools.lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    """The shipped list, read once."""
    return parse(resources.files(__package__).joinpath("places.tsv").read_text(encoding="utf-8"))
