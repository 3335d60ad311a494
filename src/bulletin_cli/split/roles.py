"""The role of each paragraph, labelled by a linear-chain model over the feature table
(:mod:`bulletin_cli.split.features`): the weights of every ``feature=value`` for every role, and of
every role following another, fitted on labelled documents (``labels/roles/``, see
:mod:`bulletin_cli.split.learn` and ``scripts/roles.py``) and shipped as data (``roles.json``).
Decoding finds the best sequence of roles for the whole document at once (Viterbi), so a line's
role weighs its neighbours' evidence too; a line whose own form decides its role (a photo's
caption, the lexicon's page furniture) is held to it first (:func:`_pin`), and ``--explain`` says so.

>>> from bulletin_cli.split.common import paragraphs
>>> from bulletin_cli.split.features import Page
>>> page = Page(paragraphs("首页 > 新闻中心\\n\\n县住建局开展危房核查\\n\\n来源：县住建局 发布时间：2024-05-06\\n\\n"
...                        "今年以来，县住建局组织开展危房核查，共核查危房12户，其中改造8户。核查工作持续推进。\\n\\n"
...                        "下一步，县住建局将继续做好核查工作。\\n\\n打印本页 关闭窗口\\n"))
>>> label(page).roles
['chrome', 'title', 'facts', 'body', 'body', 'chrome']
"""

from __future__ import annotations

import functools
import json
from dataclasses import dataclass, field
from importlib import resources

from ..lexicon.patterns import CJK, P, Regex
from .features import (
    FEATURES,
    Page,
    credit_form,
    observations,
    observed_parts,
    part_observations,
    running_text,
    table,
)

#: The roles a paragraph can play. What each means is in docs/roles.md.
ROLES: tuple[str, ...] = (
    "chrome",     # page furniture: navigation, tools, site footer, counters
    "title",      # the document's own title (an article's headline, a bulletin's masthead title)
    "masthead",   # a bulletin's masthead lines: issue, issuer, date, marks
    "facts",      # a page's facts line: 来源：… 发布时间：…, a byline, an editor line above the text
    "section",    # a section's name over items: 【民生保障】, ■ 工作动态
    "headline",   # an item's headline on a line of its own, over its body
    "item",       # a whole item in one paragraph: headline run into its body, unit：body, 1、headline body
    "body",       # running text
    "credit",     # a unit's or writer's credit on a line of its own: （县住建局）, 供稿：…, (郭颖 天乐)
    "heading",    # an outline's heading, on its own line or run into its text: 一、…, （一）…, 一是…
    "entry",      # a yearbook or gazetteer entry's head: 【概况】 text, 《…》
    "signature",  # the signing office and date under a notice, report or letter
    "footer",     # a bulletin's footer: 报：… 送：… 责任编辑：… 共印…份
    "caption",    # a photo caption
)
INDEX = {r: k for k, r in enumerate(ROLES)}


@dataclass
class Model:
    """Weights of a linear-chain model: ``weights[obs]`` a score for each role, ``trans[a][b]``
    the score of role ``b`` after ``a``, ``start[b]`` of ``b`` first."""

    weights: dict[str, list[float]]
    trans: list[list[float]]
    start: list[float]
    roles: tuple[str, ...] = ROLES
    about: dict | None = None
    #: The layouts' weights: evidence (see :func:`~bulletin_cli.split.layouts.evidence`) → a score
    #: for each of ``layouts``.
    layout_weights: dict[str, list[float]] | None = None
    layouts: tuple[str, ...] = ()

    def emissions(self, obs: list[list[str]]) -> list[list[float]]:
        """The score of each role at each paragraph from what it shows."""
        get, zero = self.weights.get, [0.0] * len(self.roles)
        return [[sum(col) for col in zip(zero, *filter(None, map(get, o)))] for o in obs]

    def emissions_parts(self, whole: list[str], parts: list[tuple[tuple, ...]]) -> list[list[float]]:
        """The same scores as :meth:`emissions`, from the parts of
        :func:`~bulletin_cli.split.features.observed_parts`: the whole document's observations
        scored once, and each distinct part once a model (a site's chrome, a bulletin's footer and
        a report's headings come again and again across a folder of documents)."""
        get, zero = self.weights.get, [0.0] * len(self.roles)
        cache = self.__dict__.setdefault("_part_scores", {})
        if len(cache) > PART_SCORES:
            cache.clear()
        base = [sum(col) for col in zip(zero, *filter(None, map(get, whole)))]
        out = []
        for row in parts:
            scored = [base]
            for part in row:
                s = cache.get(part)
                if s is None:
                    s = cache[part] = [sum(col) for col in zip(zero, *filter(None, map(get, part_observations(part))))]
                scored.append(s)
            out.append(list(map(sum, zip(*scored))))
        return out

    def decode(self, obs: list[list[str]]) -> tuple[list[int], list[list[float]]]:
        """The best sequence of roles (Viterbi) and the emission scores it weighed."""
        em = self.emissions(obs)
        return self.viterbi(em)[0], em

    def viterbi(self, em: list[list[float]], allowed: frozenset[int] | None = None) -> tuple[list[int], float]:
        """The best sequence of roles for the emission scores ``em`` among the roles ``allowed``
        (all when None), and its score. Exact, and fast: at each paragraph only the roles that
        could be on the best path are tried. A role is left out where its score, with the best
        transitions into and out of it, is below another role's with the worst: putting that other
        role in its place would score more, whatever came before and after."""
        if not em:
            return [], 0.0
        n = len(self.roles)
        states = sorted(allowed) if allowed else list(range(n))
        hi, lo = self._bounds()
        trans, start = self.trans, self.start
        if allowed is None:
            def live(row: list[float]) -> list[int]:
                floor = max(map(float.__add__, row, lo))
                return [r for r, v in enumerate(map(float.__add__, row, hi)) if v >= floor]
        else:
            def live(row: list[float]) -> list[int]:
                floor = max(row[r] + lo[r] for r in states)
                return [r for r in states if row[r] + hi[r] >= floor]

        best = {r: start[r] + em[0][r] for r in live(em[0])}
        back: list[dict[int, int]] = []
        for row in em[1:]:
            nxt, ptr = {}, {}
            for b in live(row):
                arg, top = -1, float("-inf")
                for a, v in best.items():
                    v += trans[a][b]
                    if v > top:
                        arg, top = a, v
                nxt[b] = top + row[b]
                ptr[b] = arg
            best = nxt
            back.append(ptr)
        r, score = max(best.items(), key=lambda x: x[1])
        path = [r]
        for ptr in reversed(back):
            r = ptr[r]
            path.append(r)
        return path[::-1], score

    def _bounds(self) -> tuple[list[float], list[float]]:
        """For each role, the most and the least its transitions in (or start) and out (or end)
        can add to a path through it, read once a model."""
        got = self.__dict__.get("_bounds_value")
        if got is None:
            n = len(self.roles)
            t = self.trans
            ins = [[t[a][r] for a in range(n)] + [self.start[r]] for r in range(n)]
            outs = [list(t[r]) + [0.0] for r in range(n)]
            got = self.__dict__["_bounds_value"] = ([float(max(ins[r]) + max(outs[r])) for r in range(n)],
                                                    [float(min(ins[r]) + min(outs[r])) for r in range(n)])
        return got

    def to_json(self) -> str:
        """The model as JSON, the same bytes for the same weights (sorted keys, rounded values)."""
        return json.dumps({"roles": list(self.roles), "about": self.about or {},
                           "start": [round(x, 4) for x in self.start],
                           "trans": [[round(x, 4) for x in row] for row in self.trans],
                           "weights": _rounded(self.weights),
                           "layouts": {"names": list(self.layouts), "weights": _rounded(self.layout_weights or {})}},
                          ensure_ascii=False, sort_keys=True, separators=(",", ":"), indent=None) + "\n"

    @classmethod
    def from_json(cls, text: str) -> "Model":
        data = json.loads(text)
        roles = tuple(data["roles"])
        if roles != ROLES:
            raise ValueError(f"the model's roles {roles} are not this version's {ROLES}")
        layouts = data.get("layouts") or {}
        return cls(weights=data["weights"], trans=data["trans"], start=data["start"], roles=roles,
                   about=data.get("about"), layout_weights=layouts.get("weights") or {},
                   layouts=tuple(layouts.get("names") or ()))


def _rounded(weights: dict[str, list[float]]) -> dict[str, list[float]]:
    """Weights rounded to four places, the features that round to nothing left out."""
    out = {}
    for f, w in sorted(weights.items()):
        r = [round(x, 4) + 0.0 for x in w]  # (+ 0.0: no -0.0)
        if any(r):
            out[f] = r
    return out


MODEL_FILE = "roles.json"
#: How many distinct parts' scores a model keeps (see :meth:`Model.emissions_parts`).
PART_SCORES = 32768


@functools.lru_cache(maxsize=4)
def load_model(path: str | None = None) -> Model:
    """The shipped model (``split/roles.json``), or one fitted by the user (``path``)."""
    if path is None:
        text = resources.files(__package__).joinpath(MODEL_FILE).read_text(encoding="utf-8")
    else:
        with open(path, encoding="utf-8") as fh:
            text = fh.read()
    return Model.from_json(text)


@dataclass
class Labelled:
    """A document's paragraphs with their roles, the features each showed, and the scores."""

    page: Page
    roles: list[str]
    rows: list[dict[str, object]]
    obs: list[list[str]] | None  # (made when asked: --explain)
    scores: list[list[float]]
    #: The score of the best roles of all (Viterbi's), once known.
    best: float | None = None
    #: The lines whose own form held them to a role or ruled roles out, and how (see :func:`_pin`).
    pins: dict[int, list[str]] = field(default_factory=dict)

    def within(self, model: "Model", roles: frozenset[str]) -> tuple[list[str], float]:
        """The best roles among ``roles`` only (a layout's), and how much worse that sequence scores
        than the best of all (0: the layout's roles are what the model read anyway)."""
        if set(self.roles) <= roles:
            return list(self.roles), 0.0  # (the best roles of all are the layout's already)
        allowed = frozenset(INDEX[r] for r in roles)
        path, score = model.viterbi(self.scores, allowed)
        if self.best is None:
            self.best = model.viterbi(self.scores)[1]
        return [model.roles[r] for r in path], round(self.best - score, 3)

    def margin(self, k: int) -> float:
        """How far the chosen role's score is ahead of the next best at paragraph ``k``."""
        s = sorted(self.scores[k], reverse=True)
        return s[0] - s[1] if len(s) > 1 else s[0]

    def why(self, k: int, model: Model, top: int = 3) -> list[tuple[str, float]]:
        """The features that weighed most for paragraph ``k``'s role (``split --explain``)."""
        if self.obs is None:
            self.obs = observations(self.rows)
        r = INDEX[self.roles[k]]
        weighed = [(f, model.weights[f][r]) for f in self.obs[k] if f in model.weights]
        pinned = [(f"form: {how}", -PINNED if how.startswith("no ") else PINNED) for how in self.pins.get(k, [])]
        return (pinned + sorted(weighed, key=lambda x: -x[1]))[:top]


def _pin(scores: list[list[float]], page: Page, rows: list[dict[str, object]]) -> dict[int, list[str]]:
    """Hold each line whose own form decides its role, or rules one out, to it (:data:`PINNED`), and
    say which (``--explain`` prints it): a photo's caption (图为活动现场; ▲…, where no issue's
    headlines open so); a section's name between symbols (═══ 部门动态 ═══) outside a list of
    contents; running text, and a line among it with no mark of a page's furniture, never chrome
    (running text never a footer either, unless a footer's label opens it); a source line alone
    (来源：…), a line of the page's facts (发布时间：… 来源：…) and a footer's line (送：…, 责任编辑：…)
    never a story's start or text; the lexicon's page
    furniture and a site's name chrome."""
    pins: dict[int, list[str]] = {}
    issue = any(row["issue"] for row in rows[:ISSUE_LINES])
    running = {k for k, p in enumerate(page.paras) if running_text(p.text) and not p.text.rstrip().endswith(CUT)}
    first, last = (min(running), max(running)) if running else (0, -1)
    contents = next((k for k, p in enumerate(page.paras[:first]) if P.CONTENTS_HEADING.match(p.text)), len(rows))
    for k, row in enumerate(rows):
        text = page.paras[k].text
        said = []
        if row["caption"] or (not issue and P.CAPTION_MARK.match(text)):
            scores[k][CAPTION] += PINNED
            said.append("caption")
        elif first <= k <= last and (k in running or (not row["chrome"] and not row["separators"])):
            scores[k][CHROME] -= PINNED
            said.append("no chrome")
            if k in running and not row["footer"]:
                scores[k][FOOTER] -= PINNED  # (a footer's text opens with its label: 本期发：…, 送：…)
                said.append("no footer")
        if (row["credit"] == "source" and credit_form(text)) or (
                k not in running and (row["footer"] or P.WEB_META.match(text))):
            for r in NO_SOURCE:
                scores[k][r] -= PINNED
            said.append("no story's start or text")
        if row["masthead_mark"]:  # (内部资料　注意保存: a masthead's mark, never the title)
            scores[k][MASTHEAD] += PINNED
            said.append("masthead")
        if row["section"] == "symbol" and not contents < k < first:  # (not an entry of 本期要目)
            scores[k][SECTION] += PINNED
            said.append("section")
        if (row["chrome"] == "known" and not row["facts"]) or P.SITE_NAME.match(text) or (
                k == 0 and k + 1 < len(rows) and (rows[1]["chrome"] or rows[1]["separators"]) and row["stops"] == "0"
                and not row["chrome"] and not P.TITLE.match(text) and P.UNIT_SUFFIX.search(text.split()[0])) or (
                k == 0 and GOVERNMENT_NAME.match(text)
                and any(rows[j]["chrome"] or rows[j]["separators"] for j in range(1, min(MENU_WITHIN + 1, len(rows))))):
            # (柞水县人民政府 over the page's menu or date bar, an office's name first: the site's header, never
            # the title, which may stand there too: 省级文明县测评组来冠县验收创建工作 ⏎ 首页 > 冠县新闻 …)
            scores[k][CHROME] += PINNED  # (首页 > … 日期:2015/1/7, a breadcrumb with the date run in, may be facts)
            said.append("chrome")
        if said:
            pins[k] = said
    return pins


#: What a line whose own form decides its role (a photo's caption: 图为…, ▲…; a site's name) adds to that role's
#: score: more than any sequence of its neighbours' roles could weigh against it, so the rest of
#: the document is decoded around it (a caption between two paragraphs of one story).
PINNED = 20.0
#: A government's name alone, a site's name at a page's top (祁门县人民政府 ⏎ 中国红茶之乡 ⏎ 首页 ⏎ …).
GOVERNMENT_NAME = Regex(rf"^\s*[{CJK}]{{2,12}}(?:人民政府|政府)\s*$")
#: How far under a site's name its menu may start (a slogan between them).
MENU_WITHIN = 3
#: The first lines, where a bulletin's issue number stands (▲ opens its headlines, not captions).
ISSUE_LINES = 6
CAPTION, CHROME, SECTION, FOOTER, MASTHEAD = (INDEX[r] for r in ("caption", "chrome", "section", "footer", "masthead"))
#: The roles a source line alone (来源：…, 供稿：…) and a footer's line (报：…, 审核：…) never play.
NO_SOURCE = tuple(INDEX[r] for r in ("title", "section", "headline", "item", "body", "heading", "entry"))
#: How a text cut short ends: a page's excerpt of its text, a related link's summary (chrome, however
#: like running text it reads).
CUT = ("…", "...", "。。。")


def label(page: Page, model: Model | None = None) -> Labelled:
    """Label every paragraph of ``page`` with its role."""
    model = model or load_model()
    rows = table(page)
    scores = model.emissions_parts(*observed_parts(rows, [p.text for p in page.paras]))
    pins = _pin(scores, page, rows)
    path, best = model.viterbi(scores)
    return Labelled(page, [model.roles[r] for r in path], rows, None, scores, best, pins)


__all__ = ["FEATURES", "INDEX", "ROLES", "Labelled", "Model", "label", "load_model"]
