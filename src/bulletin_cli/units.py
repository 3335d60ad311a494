"""Reporting units: canonical names and kinds, from the alias table and name suffixes.

>>> cfg = __import__("bulletin_cli.config", fromlist=["x"]).load_config()
>>> canonical_unit("县人社局", cfg)["canonical"], canonical_unit("东屯镇", cfg)["kind"]
('人力资源和社会保障局', 'town')
"""

from __future__ import annotations

import re

from .patterns import CJK

#: Administrative prefixes dropped before looking a name up. Example: 县人社局 → 人社局.
PREFIXES = ("县", "市", "区", "旗")
#: The government office after a town's or subdistrict's name, dropped so that each place has one
#: name. Example: 东屯镇人民政府 → 东屯镇, 潭龙街道办事处 → 潭龙街道.
LOCAL_GOVERNMENT = re.compile(r"(?<=[镇乡])(?:人民政府|政府)$|(?<=街道)(?:办事处|办)$")
#: The county's name before a town's. Example: 临澧县四新岗镇 → 四新岗镇.
COUNTY_BEFORE_TOWN = re.compile(rf"^[{CJK}]{{2,3}}[县市区旗](?=[{CJK}]{{2,6}}(?:镇|乡|街道)$)")
#: The party committee of that level, dropped before its departments. Example: 县委宣传部 → 宣传部.
PARTY_PREFIXES = ("县委", "市委", "区委", "旗委")
#: A unit opening a headline: shortest run of ideographs ending in a unit word.
#: Example: 县交通运输局|多管齐下…, 东屯镇|给小麦…, 文岩街道|全力开展….
HEADLINE_UNIT = re.compile(
    rf"^[{CJK}]{{1,12}}?(?:街道办事处|街道|办事处|委员会|办公室|管委会|局|委|办|镇|乡|社|区|院|中心|公司|集团|所|站|队|室|部|村|社区|联)"
)
#: A county-level body named inside a body text. Example: 截至目前，县农业农村局出动….
BODY_UNIT = re.compile(rf"县[{CJK}]{{1,10}}?(?:局|委员会|委|办公室|办|中心)")


_SORTED: dict[int, tuple[dict, list[str], re.Pattern[str]]] = {}


def _alias_index(cfg: dict) -> tuple[list[str], re.Pattern[str]]:
    """Alias names longest first, and a pattern for an alias opening a headline (after an optional
    县/市/区/旗), computed once per configuration."""
    aliases = cfg.get("aliases") or {}
    cached = _SORTED.get(id(aliases))
    if cached is None or cached[0] is not aliases:
        names = sorted(aliases, key=len, reverse=True)
        opening = re.compile(f"^(?:{'|'.join(PREFIXES)})?(?:{'|'.join(map(re.escape, names))})" if names else "(?!)")
        cached = (aliases, names, opening)
        _SORTED[id(aliases)] = cached
    return cached[1], cached[2]


def unit_kind(name: str, cfg: dict) -> str:
    """Kind of a unit by its suffix (``…镇`` → town), or ``other``."""
    for suffix, kind in cfg.get("suffix_kinds") or []:
        if name.endswith(suffix):
            return kind
    return "other"


def canonical_unit(name: str, cfg: dict, source: str = "attribution") -> dict:
    """``{"name", "canonical", "kind", "source"}`` for a unit as written."""
    aliases = cfg.get("aliases") or {}
    if name in (cfg.get("county_words") or []):
        return {"name": name, "canonical": "本级政府", "kind": "county", "source": source}
    core = LOCAL_GOVERNMENT.sub("", name)  # 东屯镇人民政府 is 东屯镇, not 人民政府
    candidates = [core] + [core[len(p):] for p in PARTY_PREFIXES + PREFIXES
                           if core.startswith(p) and len(core) > len(p) + 1]
    for cand in candidates:
        if cand in aliases:
            entry = aliases[cand]
            return {"name": name, "canonical": entry["canonical"], "kind": entry.get("kind", "other"),
                    "source": source}
    # a longer name ending in a known alias of three or more characters, the longest that fits:
    # 延津县人力资源和社会保障局, 县委组织部
    for k in range(1, len(core) - 2):
        if (entry := aliases.get(core[k:])) is not None:
            return {"name": name, "canonical": entry["canonical"], "kind": entry.get("kind", "other"),
                    "source": source}
    bare = COUNTY_BEFORE_TOWN.sub("", candidates[-1])
    return {"name": name, "canonical": bare, "kind": unit_kind(bare, cfg), "source": source}


def headline_unit(headline: str | None, cfg: dict) -> str | None:
    """The unit a headline opens with: ``县人社局“重拳出击”…`` → ``县人社局``; ``我县…`` → ``我县``."""
    if not headline:
        return None
    for word in cfg.get("county_words") or []:
        if headline.startswith(word):
            return word
    opening = _alias_index(cfg)[1].match(headline)
    if opening:
        return opening.group(0)
    m = HEADLINE_UNIT.match(headline)
    if m and not re.search(r"[（(“]", m.group(0)) and len(m.group(0)) >= 3:
        return m.group(0)
    return None


def item_units(item: dict, cfg: dict) -> list[dict]:
    """Units of an item: its attribution, the unit its headline opens with, and units named in
    the body (marked spans and ``县…局`` names) as ``mentioned``."""
    out: list[dict] = []
    seen: set[str] = set()

    def add(name: str, source: str) -> None:
        if name and name not in seen:
            seen.add(name)
            out.append(canonical_unit(name, cfg, source))

    for name in item.get("units") or []:
        add(name, "attribution")
    head = headline_unit(item.get("headline"), cfg)
    if head:
        add(head, "headline")
    body = item.get("body") or ""
    for mark in item.get("marks") or []:
        if mark in body and (unit_kind(mark, cfg) != "other" or mark in (cfg.get("aliases") or {})):
            add(mark, "mentioned")
    for m in BODY_UNIT.finditer(body):
        add(m.group(0), "mentioned")
    return out


def category(item: dict, cfg: dict) -> dict:
    """Section category by keyword: the section name first, then the headline."""
    cats = cfg.get("categories") or {}
    for field in ("section", "headline"):
        text = item.get(field) or ""
        if not text:
            continue
        for key, cat in cats.items():
            for word in cat.get("keywords") or []:
                if word in text:
                    return {"key": key, "label": cat.get("label", key), "matched": word, "from": field}
    other = cfg.get("other") or {}
    return {"key": "other", "label": other.get("label", "其他"), "matched": None, "from": None}
