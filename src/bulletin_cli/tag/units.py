"""Reporting units: canonical names and kinds, from the alias table and name suffixes.

>>> cfg = __import__("bulletin_cli.lexicon", fromlist=["x"]).load_config()
>>> canonical_unit("县人社局", cfg)["canonical"], canonical_unit("东屯镇", cfg)["kind"]
('人力资源和社会保障局', 'town')
"""

from __future__ import annotations

import re

from .. import regexcache
from ..lexicon.patterns import CJK, HEADLINE_UNIT, TASK_OPENERS, VERB_BAN, P, Regex

#: Administrative prefixes dropped before looking a name up. Example: 县人社局 → 人社局.
PREFIXES = ("县", "市", "区", "旗")
#: The government office after a town's or subdistrict's name, dropped so that each place has one
#: name. Example: 东屯镇人民政府 → 东屯镇, 潭龙街道办事处 → 潭龙街道.
LOCAL_GOVERNMENT = Regex(r"(?<=[镇乡])(?:人民政府|政府)$|(?<=街道)(?:办事处|办)$")
#: The county's name before a town's. Example: 临澧县四新岗镇 → 四新岗镇.
COUNTY_BEFORE_TOWN = Regex(rf"^[{CJK}]{{2,3}}[县市区旗](?=[{CJK}]{{2,6}}(?:镇|乡|街道)$)")
#: The party committee of that level, dropped before its departments. Example: 县委宣传部 → 宣传部.
PARTY_PREFIXES = ("县委", "市委", "区委", "旗委")
#: A department of the party committee right after 县委. Example: 宣传部 of 县委宣传部举办….
PARTY_DEPARTMENT = Regex(rf"[{CJK}]{{1,6}}?(?:部|办公室|办|委员会)(?=[{CJK}“])")
#: A county-level body named inside a body text, not 全县/各县 (the county as a whole) and not a
#: verb ending in 办 (举办, 可办). Example: 截至目前，县农业农村局出动… → 县农业农村局.
BODY_UNIT = Regex(rf"(?<![全各])县(?!乡)[^\W\d_县我的了在和与及对为是将把被从向于]{{1,10}}?"
                       rf"(?:(?<![大全格布结当])局|委员会|(?<!常)委会|(?<!常)委(?!会)|办公室|{VERB_BAN}办|中心|工会|妇联|团委|科协|残联|"
                       rf"工商联)")
#: A township, town or subdistrict named at the start of a clause in a body. Example: 集义乡 of
#: 近日，集义乡组织各村…; not 各乡, 全镇, 城乡.
BODY_TOWNSHIP = Regex(rf"(?!{TASK_OPENERS}|[各全本该每城其请在]|确保|压实|依托|沿线|提升|"
                           rf"下沉|年末|年底|乡镇)([{CJK}]{{2,3}}?(?:(?<!乡)镇(?!村)|(?<!城)乡(?!镇|村)|街道))"
                           rf"(?=[{CJK}“])(?![镇乡村长级])")


#: What is built from a part of the configuration, once: id of the part → (the part, what was built).
_BUILT: dict[tuple[str, int], tuple[dict, tuple]] = {}


def _once(kind: str, part: dict, build) -> tuple:
    """``build(part)``, computed once per configuration part (the same object, not an equal one)."""
    cached = _BUILT.get((kind, id(part)))
    if cached is None or cached[0] is not part:
        cached = (part, build(part))
        _BUILT[(kind, id(part))] = cached
    return cached[1]


def _alias_index(cfg: dict) -> tuple[list[str], re.Pattern[str]]:
    """Alias names longest first, and a pattern for an alias opening a headline (after an optional
    县/市/区/旗), computed once per configuration."""
    def build(aliases: dict) -> tuple[list[str], re.Pattern[str]]:
        names = sorted(aliases, key=len, reverse=True)
        return names, regexcache.compile(f"^(?:{'|'.join(PREFIXES)})?(?:{'|'.join(map(re.escape, names))})" if names else "(?!)")
    return _once("aliases", cfg.get("aliases") or {}, build)


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
        if opening.group(0) in PARTY_PREFIXES and (dept := PARTY_DEPARTMENT.match(headline, opening.end())):
            return headline[:dept.end()]  # 县委宣传部…: the department, not the committee
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
    body = item.get("body") or ""
    # the unit the headline opens with; an item without one, the unit its text opens with
    head = headline_unit(item.get("headline") or body[:60], cfg)
    if head:
        add(head, "headline")
    for mark in item.get("marks") or []:
        if mark in body and (unit_kind(mark, cfg) != "other" or mark in (cfg.get("aliases") or {})):
            add(mark, "mentioned")
    for m in BODY_UNIT.finditer(body):
        add(m.group(0), "mentioned")
    alias, firsts = _body_alias(cfg)
    for start in _clause_starts(body):  # where a clause or list entry starts: 集义乡组织…, 、水利局、
        ahead = body[start + 2:start + 5]
        if ("镇" in ahead or "乡" in ahead or "街" in ahead) and (m := BODY_TOWNSHIP.match(body, start)):
            add(m.group(1), "mentioned")
        if body[start:start + 1] in firsts and (m := alias.match(body, start)):  # 水利局、农业农村局 without 县
            add(m.group(0), "mentioned")
    return out


#: Marks after which a clause or an entry of a list starts.
CLAUSE_MARKS = Regex(r"[，。；、,;：:（(\n]")


def _clause_starts(body: str) -> list[int]:
    return [0, *(m.end() for m in CLAUSE_MARKS.finditer(body))]


def _body_alias(cfg: dict) -> tuple[re.Pattern[str], frozenset[str]]:
    """Aliases of three or more characters named in a body where a clause or list starts, and the
    characters they open with (to try the pattern only there)."""
    def build(aliases: dict) -> tuple[re.Pattern[str], frozenset[str]]:
        names = sorted((a for a in aliases if len(a) >= 3), key=len, reverse=True)
        pattern = regexcache.compile(rf"(?:{'|'.join(map(re.escape, names))})(?![长的])" if names else "(?!)")
        return pattern, frozenset(n[0] for n in names)
    return _once("body_aliases", cfg.get("aliases") or {}, build)


def _keyword_index(cats: dict) -> tuple[dict[str, str], re.Pattern[str]]:
    """Each keyword's category (the first category listing it), and one pattern for them all,
    longest first where several start at one place; computed once per configuration."""
    def build(cats: dict) -> tuple[dict[str, str], re.Pattern[str]]:
        owner: dict[str, str] = {}
        for key, cat in cats.items():
            for word in cat.get("keywords") or []:
                owner.setdefault(str(word), key)
        words = sorted(owner, key=len, reverse=True)
        return owner, regexcache.compile("|".join(map(re.escape, words)) if words else "(?!)")
    return _once("categories", cats, build)


def category(item: dict, cfg: dict) -> dict:
    """Section category by keyword: the section name first (unless it only says "news", as
    基层动态 does), then the headline; the keyword found first in the text decides.

    Example: 处于前期3项，分别为：疏港高速…地质灾害防治 → economy (高速 comes before 地质灾害).
    """
    cats = cfg.get("categories") or {}
    owner, pattern = _keyword_index(cats)
    for field in ("section", "headline"):
        text = item.get(field) or ""
        if not text or (field == "section" and P.GENERIC_SECTION.match(text)):
            continue
        if m := pattern.search(text):
            key = owner[m.group(0)]
            return {"key": key, "label": cats[key].get("label", key), "matched": m.group(0), "from": field}
    other = cfg.get("other") or {}
    return {"key": "other", "label": other.get("label", "其他"), "matched": None, "from": None}
