"""Where a document comes from: the most specific place the file itself shows, with its 6-digit
division code (GB/T 2260), and the evidence that weighed for it.

Every name of a province, city, county or township in the text is found against the division list
(:mod:`bulletin_cli.lexicon.places`) and weighed by where it stands: a name in the title, the
issuing office, the page's site or source, a labelled credit (主办：…, 来源：…) or the short lines
that open and close the document weighs most; a name in the body less, and less again for each
repetition; a township counts for the county it lies in (shared among the counties that have one of
that name); a place visited (赴兰考县考察) or a name that is also a common word (城区, 和县 of
市委和县委) hardly counts; a short name (平潭) counts where a field states it, or in the body
of a document already placed in or under that unit. The weights are data (``place`` in
``forms.yaml``).

The place is then decided top down: the unit the document's own statements name (its scope), and
below it the county that leads clearly, unless the document speaks for the whole scope (全市, 全区
of a region); without such statements, the county, city or province that leads the body's evidence
clearly; else none, which is said rather than guessed.

>>> resolve("延津县人民政府办公室\\n\\n县住建局开展危房核查。", {})["place"]["code"]
'410726'
>>> resolve("某县人民政府\\n\\n县住建局开展危房核查。", {})["place"] is None
True
"""

from __future__ import annotations

import functools
import re
from collections import defaultdict
from dataclasses import dataclass
from pathlib import PurePath

from .. import regexcache
from ..lexicon.patterns import CJK, SENTENCE_END, P, Regex, alternation, pattern
from ..lexicon.places import VINTAGE, Gazetteer, Unit, code_of, gazetteer, tails

#: The fields a document states about itself, strongest evidence of its place.
STRONG_FIELDS = ("title", "issuer", "source", "site", "printed_by", "signer")
#: Where a name stands: the document's statements about itself, and its text.
STRONG = frozenset(STRONG_FIELDS) | {"head", "tail", "label"}
HAN = Regex(f"[{CJK}]")


@dataclass(slots=True)
class Mention:
    name: str
    codes: tuple[str, ...]
    kind: str  # unit | short | town
    where: str  # a field's name, or head | tail | label | body
    start: int
    factor: float = 1.0  # less for a place visited, a name that is also a word
    supported: bool = False  # counts only for a unit the document is otherwise placed in


def _weights() -> dict:
    return P.PLACE_WEIGHTS


@pattern
def PLACE_WEIGHTS(f: dict) -> dict:
    """The ``place:`` section of the forms in force (weights, word lists), the word lists made
    ready for look-ups: ``generic_chars`` a set, ``word_endings`` a tuple."""
    w = dict(f["place"])
    w["generic_chars"] = frozenset(w["generic_chars"])
    w["word_endings"] = tuple(w["word_endings"])
    w["visit_ends"] = frozenset(word[-1] for word in w["visit_words"])  # (a cheap look before the pattern's)
    return w


@pattern
def PLACE_VOICE(f: dict) -> dict[str, re.Pattern[str]]:
    """The words a document speaks of its own place with, by level: 全县, 我县 (a county's), 全市,
    我市 (a city's), 全省 (a province's); 全区 is a district's or a region's."""
    return {level: regexcache.compile(alternation(words)) for level, words in f["place"]["voice"].items()}


@pattern
def PLACE_LABEL(f: dict) -> re.Pattern[str]:
    """A label that states who issued or wrote a text, ending just before a name: 主办：, 来源：."""
    labels = list(f["place"]["labels"]) + list(f["source_labels"]) + list(f["credit_before"])
    return regexcache.compile(rf"(?:{alternation(sorted(set(labels), key=len, reverse=True))})\s*(?:单位)?\s*[:：]\s*$")


@pattern
def PLACE_VISIT(f: dict) -> re.Pattern[str]:
    """A verb of going or coming just before a name: 赴, 前往, 来自 (the place is visited)."""
    return regexcache.compile(rf"(?:{alternation(f['place']['visit_words'])})$")


@pattern
def PLACE_ENDS(f: dict) -> tuple[re.Pattern[str], dict[str, tuple[int, ...]], frozenset[str]]:
    """A pattern of the characters a name ends with; for each last three characters of a name the
    lengths of the names that end so, longest first; and the names of two characters (the division
    list's names and the configured aliases). Most 县, 市 and 区 of a text end no name (全县, 县委,
    市场): the pattern does not find them; most it finds (城市, 乡镇, 园区) are no name's last three
    characters, and one look-up says so."""
    g = gazetteer()
    sizes, pairs = g.sizes, g.pairs
    if f["place"].get("aliases"):
        names = list(map(str, f["place"]["aliases"]))
        sizes = {**sizes, **{tail: tuple(sorted({*sizes.get(tail, ()), *lengths}, reverse=True))
                             for tail, lengths in tails(names).items()}}
        pairs = pairs | {name for name in names if len(name) < 3}
    before: dict[str, set[str]] = defaultdict(set)  # last character -> the characters before it in a name
    for tail in {tail[-2:] for tail in sizes} | pairs:
        if len(tail) == 2:
            before[tail[1]].add(tail[0])
    # the last character, then (looked at behind it, by the regex engine) the one before: only the
    # ends of names come back (a third of the 县, 市, 区 of a text)
    ends = "|".join(f"[{''.join(sorted(map(re.escape, chars)))}]{re.escape(last)}" for last, chars in sorted(before.items()))
    return regexcache.compile(f"[{''.join(sorted(map(re.escape, before)))}](?<={ends})"), sizes, frozenset(pairs)


@pattern
def PLACE_ALIASES(f: dict) -> dict[str, str]:
    """Names of areas that are no division of the list but lie wholly in one (平潭综合实验区), and
    those a user's ``--config`` adds (``place: {aliases: {某某新区: '410726'}}``), with their codes."""
    g = gazetteer()
    return {str(k): code for k, v in (f["place"].get("aliases") or {}).items() if (code := code_of(str(v), g))}


@functools.lru_cache(maxsize=8192)
def _weakness(name: str, generation: int) -> int:
    """Whether a division's name is also a common word or phrase: 0 for no word; 1 for two
    characters whose first is no direction (和县 of 市委和县委, 范县 of 示范县: the county after a
    comma, a word after a Han character); 2 for the others (城区, 新城区, 市中区: a core of
    directions; 沿海城市, 部分乡镇: an ending that is a word), which count less wherever they
    stand. Kept once a distinct name, again when the lexicon changes (``generation``)."""
    w = _weights()
    generic = all(ch in w["generic_chars"] for ch in name[:-1])
    if len(name) <= 2 and not generic:
        return 1
    return 2 if len(name) <= 2 or generic or name.endswith(w["word_endings"]) else 0


def _labelled(text: str, start: int) -> bool:
    """Whether a label (主办：, 来源：) stands on the line just before ``start``: a colon there,
    blanks aside, then the label itself (:data:`PLACE_LABEL`)."""
    before = text[max(0, start - 4):start].rstrip()
    if not before.endswith((":", "：")):
        return False
    line_start = text.rfind("\n", 0, start) + 1
    return bool(P.PLACE_LABEL.search(text[max(line_start, start - 16):start].replace(" ", "")))


def _factor(text: str, start: int, name: str) -> tuple[float, bool]:
    """How much a name at ``start`` of ``text`` counts, and whether only with other support: less
    for a place visited; a name that is also a word after another Han character (but the end of a
    parent's name: 安徽省和县) only for a unit the document is otherwise placed in."""
    w = _weights()
    factor = w["visit"] if start and text[start - 1] in w["visit_ends"] and P.PLACE_VISIT.search(
        text[max(text.rfind("\n", 0, start) + 1, start - 6):start]) else 1.0
    weakness = _weakness(name, P.generation)
    if not weakness:
        return factor, False
    prev = text[start - 1] if start else ""
    after_word = bool(HAN.match(prev)) and prev not in w["parent_endings"]
    return (factor if weakness == 1 else factor * w["weak_name"]), after_word


def scan(text: str, where: str, g: Gazetteer | None = None) -> list[Mention]:
    """Every full name of a division or township in ``text``, the longest ending at each place.

    >>> [(m.name, m.kind) for m in scan("河南省新乡市延津县东屯镇", "body")]
    [('河南省', 'unit'), ('新乡市', 'unit'), ('延津县', 'unit'), ('东屯镇', 'town')]
    """
    stop = _weights()["not_after"]
    out: list[Mention] = []
    ends, sizes, pairs = P.PLACE_ENDS
    g = g or gazetteer()
    aliases, names, towns = P.PLACE_ALIASES, g.names, g.towns
    for m in ends.finditer(text):
        end = m.end()
        if end < len(text) and text[end] in stop:
            continue
        lengths = sizes.get(text[end - 3:end], ()) if end >= 3 else ()
        if text[end - 2:end] in pairs:
            lengths += (2,)
        for size in lengths:
            start = end - size
            if start < 0:
                continue
            word = text[start:end]
            if (code := aliases.get(word)) is not None:
                codes, kind = (code,), "unit"
            elif (codes := names.get(word)) is not None:
                kind = "unit"
            elif (codes := towns.get(word)) is not None:
                kind = "town"
            else:
                continue
            here = "label" if where in ("body", "head", "tail") and _labelled(text, start) else where
            factor, supported = _factor(text, start, word)
            out.append(Mention(word, codes, kind, here, start, factor, supported))
            break
    return out


@pattern
def PLACE_SHORT_START(f: dict) -> re.Pattern[str]:
    """Where a short name may start: a Han character at the start, after one that is no Han, or
    after one of the ``short_after`` words (中国)."""
    after = "|".join(f"(?<={re.escape(w)})" for w in f["place"]["short_after"])
    return regexcache.compile(rf"(?:(?<![{CJK}]){'|' + after if after else ''})[{CJK}]")


def scan_short(text: str, where: str, taken: list[Mention], g: Gazetteer | None = None) -> list[Mention]:
    """Short names (延津 of 延津政务快报, 平潭 of 中国平潭网, 围场 of 河北围场) in ``text``, outside
    the full names already found there, where a name can start (:data:`PLACE_SHORT_START`), or
    right after the name of the province or city it lies in."""
    g = g or gazetteer()
    covered = [(m.start, m.start + len(m.name)) for m in taken]
    ends = {m.start + len(m.name): m.codes for m in taken}
    starts = sorted({m.start() for m in P.PLACE_SHORT_START.finditer(text)} | set(ends))
    out: list[Mention] = []
    done = 0
    for first in starts:
        pos = first
        while pos >= done:  # (a short name right after another: 河北围场)
            found = _short_at(text, pos, ends, covered, g)
            if found is None:
                break
            found.where = where
            out.append(found)
            pos = done = ends_at = pos + len(found.name)
            ends[ends_at] = found.codes
    return out


def _short_at(text: str, pos: int, ends: dict[int, tuple[str, ...]], covered: list[tuple[int, int]],
              g: Gazetteer) -> Mention | None:
    parents = ends.get(pos, ())
    free = not parents or pos == 0 or not HAN.match(text[pos - 1])
    for size in (4, 3, 2):
        word = text[pos:pos + size]
        if len(word) < size or word not in g.shorts or any(a < pos + size and pos < b for a, b in covered):
            continue
        codes = tuple(c for c in g.shorts[word] if free or set(parents) & set(_parents(g, g.units[c])))
        return Mention(word, codes, "short", "", pos) if codes else None
    return None


class Tally:
    """The weight of evidence for each division, and the lines that gave it."""

    def __init__(self, g: Gazetteer, explain: bool = True) -> None:
        self.g = g
        self.w = _weights()
        self.explain = explain  # (the lines that gave the weight, kept only to be shown)
        self.score: dict[str, float] = defaultdict(float)
        self.strong: dict[str, float] = defaultdict(float)
        self.seen: dict[tuple[str, str], int] = defaultdict(int)
        self.why: dict[str, list[tuple[str, float]]] = defaultdict(list)  # (written out only for the evidence)

    def base(self, m: Mention) -> float:
        w = self.w
        strong = m.where in STRONG
        if m.kind == "town":
            return w["town_strong" if strong else "town"] / len(m.codes)
        if m.kind == "short":
            return w["short" if strong else "short_body"]
        return w["strong" if strong else "body"]

    def mention(self, m: Mention) -> None:
        """Count one name found: its base weight (:meth:`base`), less for each time before that
        the same unit was named in the same place (``repeat``), half for a province by its short
        name or a township (``province_factor``)."""
        w, units, seen = self.w, self.g.units, self.seen
        base = self.base(m) * m.factor
        strong = m.where in STRONG
        for code in m.codes:
            unit = units.get(code)
            if unit is None:
                continue
            weight = base * (w["province_factor"] if unit.level == "province" and m.kind != "unit" else 1.0)
            key = (code, m.where)
            n = seen[key]
            seen[key] = n + 1
            weight *= w["repeat"] ** n
            if weight <= 0:
                continue
            self.score[code] += weight
            if strong:
                self.strong[code] += weight
            if self.explain:
                self.why[code].append((f"{m.name} ({m.where})", weight))

    def placed_under(self, code: str) -> bool:
        """Whether other evidence already places the document in this unit or one above it."""
        unit = self.g.units[code]
        return any(self.score.get(c, 0.0) > 0 for c in (code, *_parents(self.g, unit)))


def settle(tally: Tally, mentions: list[Mention]) -> None:
    """Count the names that may mean several units (a short name, a township or county name found
    in several places) or that are also words: for the one unit among them the document is
    otherwise placed in or under; where none is, a full name or a short name the document states
    counts for each, shared."""
    g = tally.g
    for m in mentions:
        codes = tuple(c for c in m.codes if c in g.units)
        placed = tuple(c for c in codes if tally.placed_under(c))
        if len(placed) == 1:
            tally.mention(Mention(m.name, placed, m.kind, m.where, m.start,
                                  m.factor * len(m.codes) if m.kind == "town" else m.factor))
        elif codes and not placed and not m.supported and (m.kind != "short" or m.where in STRONG):
            tally.mention(Mention(m.name, codes, m.kind, m.where, m.start,
                                  m.factor if m.kind == "town" else m.factor / len(codes)))


def _voice(text: str) -> dict[str, int]:
    """How often the text speaks as a county, as a city, as a province, as a district (全区)."""
    return {level: len(p.findall(text)) for level, p in P.PLACE_VOICE.items()}


def _parents(g: Gazetteer, unit: Unit) -> list[str]:
    """The city and province a unit lies in (a county under its province has no city)."""
    return [c for c in (unit.city, unit.province) if c and c != unit.code and c in g.units]


def _within(g: Gazetteer, code: str, scope: str) -> bool:
    return code == scope or scope in _parents(g, g.units[code])


def _describe(g: Gazetteer, code: str | None) -> dict | None:
    if code is None:
        return None
    unit = g.units[code]
    province = g.units.get(unit.province)
    city = g.units.get(unit.city) if unit.city else None
    return {"province": province.name if province else None,
            "city": city.name if city and city.code != unit.province else None,
            "county": unit.name if unit.level == "county" else None,
            "code": code}


def _leader(scores: list[tuple[str, float]], least: float, lead: float) -> tuple[str | None, str]:
    """The first of ``scores`` (ranked) when it reaches ``least`` and leads the next ``lead`` times."""
    if not scores:
        return None, "none"
    best, s1 = scores[0]
    s2 = scores[1][1] if len(scores) > 1 else 0.0
    note = f"{s1:.2f} against {s2:.2f}"
    return (best if s1 >= least and s1 >= lead * s2 else None), note


def _speaks_for(unit: Unit, voice: dict[str, int]) -> bool:
    """Whether the text speaks for the whole of ``unit`` more than for a county in it."""
    county = voice.get("county", 0)
    if unit.level == "province":
        mine = voice.get("province", 0) + (voice.get("district", 0) if unit.name.endswith("自治区") else 0)
    else:
        mine = voice.get("city", 0)
        county += voice.get("district", 0)
    return mine > county


def _deepest(tally: Tally, stated: list[tuple[str, float]], top: str) -> str:
    """The most specific unit inside ``top`` that the statements name with weight, where one such
    unit leads the others of its level (several counties named alike leave the scope at ``top``)."""
    w = _weights()
    g = tally.g
    deeper = [(c, s) for c, s in stated if s >= w["deeper"] and c != top and _within(g, c, top)]
    for level in ("county", "city"):
        best, _note = _leader([(c, s) for c, s in deeper if g.units[c].level == level], w["deeper"], w["lead"])
        if best is not None:
            return best
    return top


def decide(tally: Tally, text: str) -> tuple[str | None, list[str]]:
    """The place the evidence agrees on, and why (``text``: the document's, for the voice it speaks
    in, read only where the scope stated is above a county)."""
    w = _weights()
    g = tally.g
    total: dict[str, float] = defaultdict(float)
    for code, s in tally.score.items():  # a county's evidence is its city's and province's too
        total[code] += s
        for parent in _parents(g, g.units[code]):
            total[parent] += s * w["to_parent"]
    ranked = sorted(total.items(), key=lambda kv: (-kv[1], kv[0]))
    why = [f"{g.units[c].name} {c}: {s:.2f}" + (f" (stated {tally.strong[c]:.2f})" if tally.strong.get(c) else "")
           for c, s in ranked[:5]]
    stated = sorted(((c, s) for c, s in tally.strong.items()), key=lambda kv: (-kv[1], kv[0]))
    # a digest of several provinces' news: a place of another province weighs nearly as much
    if ranked:
        lead_code, lead = ranked[0]
        rivals = [c for c, s in ranked[1:] if s >= w["clash"] * lead and c[:2] != lead_code[:2]]
        if rivals:
            return None, why + [f"the document tells of several places ({', '.join(g.units[c].name for c in [lead_code, *rivals[:3]])})"]
    # the scope: the most specific unit the document's own statements name, if they agree
    scope = None
    if stated:
        top = stated[0][0]
        clash = [c for c, s in stated[1:] if s >= w["clash"] * stated[0][1] and not _within(g, top, c)
                 and not _within(g, c, top)]
        if clash:
            return None, why + [f"the document names several places ({', '.join(g.units[c].name for c in [top, *clash])})"]
        scope = _deepest(tally, stated, top)
        why.append(f"scope {g.units[scope].name}: named in the document's own statements")
        if g.units[scope].level == "county":
            return scope, why
        if _speaks_for(g.units[scope], voice := _voice(text[:w["scan_chars"]])):
            return scope, why + [f"speaks for the whole {g.units[scope].name} ({voice})"]
    for level, least in (("county", w["county_min"]), ("city", w["city_min"]), ("province", w["province_min"])):
        inside = [(c, s + _corroborated(tally, c, w) if level == "county" else s) for c, s in ranked
                  if g.units[c].level == level and (scope is None or _within(g, c, scope))]
        inside.sort(key=lambda kv: (-kv[1], kv[0]))
        if scope is not None and level != "county" and g.units[scope].level == level:
            return scope, why
        need = least if scope is None else w["below_scope"]
        best, note = _leader(inside, need, w["lead"])
        if best is not None:
            return best, why + [f"{level} {g.units[best].name}: {note}"]
    if scope is not None:
        return scope, why
    return None, why + ["no place leads clearly"]


def _corroborated(tally: Tally, code: str, w: dict) -> float:
    """What a county named in the text gains from its city or province named too (北京市朝阳区):
    ``to_parent`` of their own evidence, as they gain from it. A county named once in passing,
    with nothing else of its place (会同县督查落实办: 会同 the verb), stays below ``county_min``."""
    if tally.score.get(code, 0.0) <= 0:
        return 0.0
    return w["to_parent"] * sum(tally.score.get(p, 0.0) for p in _parents(tally.g, tally.g.units[code]))


def _zones(text: str) -> list[tuple[str, str]]:
    """The lines of ``text``, each with where it stands: the short lines that open it (``head``:
    title, masthead), those that close it (``tail``: signature, date), the rest (``body``), of
    which only the first ``scan_chars`` characters are read (a yearbook's place is plain early)."""
    w = _weights()
    cap = w["scan_chars"]
    if len(text) > 2 * cap:  # (a long document: its opening, and its last lines)
        ending = text[-cap // 10:]
        text = text[:cap] + "\n" + ending[ending.find("\n") + 1:]
    # the opening statements, then the closing ones, each line read from its end of the text (the
    # body between is read at once, as it stands: a name never runs across a line's end)
    n, head_lines, tail_lines = len(text), w["head_lines"], w["tail_lines"]
    head: list[str] = []
    start = 0  # where the body begins
    while start < n and len(head) < head_lines:
        end = text.find("\n", start)
        end = n if end < 0 else end
        line = text[start:end].strip()
        if line and not _statement(line, w["head_width"]):
            break
        if line:
            head.append(line)
        start = end + 1
    tail: list[str] = []
    stop = n  # where it ends
    while stop > start and len(tail) < tail_lines:
        begin = max(text.rfind("\n", start, stop) + 1, start)
        line = text[begin:stop].strip()
        if line and not _statement(line, w["tail_width"]):
            break
        if line:
            tail.append(line)
        stop = begin - 1 if begin > start else start
    body = text[start:stop].strip() if stop > start else ""
    return [(where, part) for where, part in (("head", "\n".join(head)), ("body", body),
                                              ("tail", "\n".join(reversed(tail)))) if part]


def _statement(line: str, width: int) -> bool:
    """A line that states rather than tells: short, and no sentence (a title, an office, a date)."""
    return len(line) <= width and not SENTENCE_END.search(line)


def _body_shorts(tally: Tally, body: str) -> None:
    """Short names in the body (平潭 of 健康平潭) of the units the document is already placed in,
    or whose city it is placed in: each time the short name stands outside the full one."""
    g = tally.g
    units = {c for c, s in tally.score.items() if s > 0}
    units |= {c for city in list(units) if g.units[city].level == "city" for c in g.children.get(city, ())}
    for code in sorted(units):
        unit = g.units[code]
        if len(unit.short) < 2 or unit.short == unit.name or len(g.shorts.get(unit.short, ())) != 1:
            continue
        n = body.count(unit.short) - sum(body.count(name) for name in _names_with(g, unit))
        for _ in range(min(n, 8)):
            tally.mention(Mention(unit.short, (code,), "short", "body", 0))


def _names_with(g: Gazetteer, unit: Unit) -> list[str]:
    """The full names of a unit that hold its short name (延津县 holds 延津)."""
    return [n for n in (unit.name,) if unit.short in n]


def configured(source: str | None, g: Gazetteer | None = None) -> tuple[str, str] | None:
    """The place a user's ``--config`` gives the folder a file lies in (``place: {folders:
    {archive/延津: '410726'}}``; a code, or a full name that is one unit's), and that folder.

    A folder is matched as whole path parts, anywhere in the file's path: ``延津`` matches
    ``/data/延津/2023/x.pdf``, not ``/data/延津县/x.pdf``."""
    folders = _weights().get("folders") or {}
    if not source or not folders:
        return None
    g = g or gazetteer()
    parts = PurePath(source).parts[:-1]
    best: tuple[int, str, str] | None = None
    for folder, value in folders.items():
        want = PurePath(str(folder)).parts
        n = len(want)
        if n and any(parts[k:k + n] == want for k in range(len(parts) - n + 1)):
            code = code_of(str(value), g)
            if code and (best is None or n > best[0]):
                best = (n, code, str(folder))
    return (best[1], best[2]) if best else None


def _names_in(line: str, where: str, g: Gazetteer) -> tuple[tuple[Mention, ...], tuple[Mention, ...]]:
    """The full names and the short names in one zone's ``line`` (the body: full names only)."""
    if where == "body":
        return tuple(scan(line, where, g)), ()
    found, shorts = _line_names(line, where, P.generation)
    return tuple(Mention(*m) for m in found), tuple(Mention(*m) for m in shorts)


#: A mention kept between documents as plain values (a tuple of strings and numbers, which the
#: garbage collector stops walking), made a :class:`Mention` again where it is used.
Kept = tuple[str, tuple[str, ...], str, str, int, float, bool]


@functools.lru_cache(maxsize=4096)
def _line_names(line: str, where: str, generation: int) -> tuple[tuple[Kept, ...], tuple[Kept, ...]]:
    """The names of a statement or an opening or closing line, found once a distinct line (a
    folder's mastheads, sites and signatures repeat), again when the lexicon changes."""
    g = gazetteer()
    found = scan(line, where, g)
    return tuple(map(_kept, found)), tuple(map(_kept, scan_short(line, where, found, g)))


def _kept(m: Mention) -> Kept:
    return m.name, m.codes, m.kind, m.where, m.start, m.factor, m.supported


def _tally(g: Gazetteer, lines: list[tuple[str, str]], explain: bool) -> Tally:
    """The weight of every name the ``lines`` (where each stands, its text) show: a name of one
    unit counted at once, the others (several units, a short name, a word as well) as the rest
    of the evidence allows (:func:`settle`)."""
    tally = Tally(g, explain)
    later: list[Mention] = []  # the names that count only as other evidence allows
    for where, line in lines:
        found, shorts = _names_in(line, where, g)
        for m in found:
            if len(m.codes) == 1 and not m.supported:
                tally.mention(m)
            else:
                later.append(m)
        later += shorts
    settle(tally, later)
    return tally


def _stated_county(g: Gazetteer, statements: list[tuple[str, str]], explain: bool) -> tuple[str | None, Tally]:
    """The county the document's own statements (title, issuer, masthead, signature) name so
    plainly that nothing its body says could move the place — one county, named with ``settled``
    weight, every other unit they name above it — or None where the body must be read; and the
    statements' tally."""
    tally = _tally(g, statements, explain)
    counties = [c for c, s in tally.strong.items() if s > 0 and g.units[c].level == "county"]
    if len(counties) != 1 or tally.strong[counties[0]] < tally.w["settled"]:
        return None, tally
    above = {counties[0], *_parents(g, g.units[counties[0]])}
    return (counties[0] if all(c in above for c, s in tally.score.items() if s > 0) else None), tally


def _evidence(g: Gazetteer, tally: Tally) -> list[str]:
    """The names that weighed for each unit, most weight first, as ``--explain`` prints them."""
    return [f"{g.units[c].name}: " + "; ".join(f"{note} {weight:+.2f}" for note, weight in notes[:6]) for c, notes in
            sorted(tally.why.items(), key=lambda kv: -tally.score[kv[0]])[:6]]


def resolve(text: str, fields: dict[str, str | None], source: str | None = None, explain: bool = True) -> dict:
    """``{"place": {province, city, county, code} or None, "evidence": [...], "vintage": ...}`` for a
    document's normalised ``text`` and the ``fields`` it states (title, issuer, source, site …); a
    ``source`` in a folder the user's configuration places takes that place. The evidence is
    written out only with ``explain``."""
    g = gazetteer()
    if (given := configured(source, g)) is not None:
        return {"place": _describe(g, given[0]), "evidence": [f"the configuration places folder {given[1]} here"],
                "vintage": VINTAGE}
    lines = [(name, fields[name] or "") for name in STRONG_FIELDS if fields.get(name)] + _zones(text)
    settled, stated = _stated_county(g, [(w, t) for w, t in lines if w != "body"], explain)
    if settled is not None:  # (the body is not read)
        evidence = _evidence(g, stated) + [f"{g.units[settled].name}: named plainly in the document's own statements"
                                           ] if explain else []
        return {"place": _describe(g, settled), "evidence": evidence, "vintage": VINTAGE}
    tally = _tally(g, lines, explain)
    _body_shorts(tally, "\n".join(line for where, line in lines if where == "body"))
    code, why = decide(tally, text)
    if not explain:
        return {"place": _describe(g, code), "evidence": [], "vintage": VINTAGE}
    return {"place": _describe(g, code), "evidence": _evidence(g, tally) + why, "vintage": VINTAGE}
