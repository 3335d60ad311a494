#!/usr/bin/env python3
"""How well `split` recovers bulletins of known structure, in styles the seeds do not show.

usage: python benchmarks/eval_synthetic.py [--docs 60] [--seed 1] [--show 5] [--how text,wrapped,pdftotext,layout,pdfium,pdfminer,big5,spaced]

Writes bulletins from the real items of the samples (headlines, bodies and units), each in a style
drawn at random: masthead (title word, 第N期 / 第 N 期 / 2024年第N期（总第M期）, issuer and date on
one line or two, Arabic or Chinese-numeral dates), sections (【】, ■, ★…★, ——…——, 一、 or none),
headlines (own line, a space before the body, ◆ bullets, 1、 numbers, 【unit】 labels, unit：),
credits (（unit）, （unit 张三）, （供稿：unit）, …。【unit】, …。——unit, …。unit供稿) and footer. Each is
then read as typed, hard-wrapped with blank lines between lines, and rendered to a PDF laid out as
offices do (`scripts/damage.py render_laid_out`-style: centred masthead and headlines, credits set
right, page numbers, a running header) and extracted with pdftotext, pdftotext -layout and
pypdfium2; with ``big5`` (needs ``pip install opencc``, for this script only), typed as a Taiwan
copy in traditional characters and saved in Big5; with ``spaced``, every character set one space
apart, as some extractors give justified text; with ``pdfminer``, extracted by pdfminer.six
(``pip install pdfminer.six``, for this script only). Prints, for each way, the share of items found (by headline), and of those the share
with the right section, units and body start, and the share of masthead fields right; with --show,
the first misses of each kind.
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import unicodedata
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

from bulletin_cli.lexicon.patterns import width as display_width  # noqa: E402
from bulletin_cli.normalise import normalise_bytes  # noqa: E402
from bulletin_cli.split import split_document  # noqa: E402
from bulletin_cli.variants import shadow  # noqa: E402

COUNTIES = ["长丰", "肥西", "霍山", "舒城", "岳西", "桐城", "泾县", "寿县", "宁国", "新野", "临澧", "封丘"]
TITLES = ["政务快报", "政务信息", "工作简报", "工作动态", "政务", "信息快报"]
SECTION_NAMES = ["项目建设", "民生保障", "乡村振兴", "基层动态", "安全生产", "营商环境", "工作动态"]
REPORTERS = ["张伟", "李红", "王磊", "陈静", "刘芳"]
SUBTITLES = ["全年改造小区12个惠及居民3000户", "一季度完成投资12.6亿元", "创新机制激发基层活力"]


def int_to_cn(n: int) -> str:
    """1–99 in Chinese numerals: 12 → 十二, 43 → 四十三."""
    digits = "〇一二三四五六七八九"
    tens, ones = divmod(n, 10)
    return (("" if tens == 1 else digits[tens]) + "十" if tens else "") + (digits[ones] if ones else "")


def fold(s: str | None) -> str:
    """Compared as the score script does (NFKC, no white space or middle dots), and in simplified
    characters, so that a traditional copy is held to the same answers."""
    s = shadow(unicodedata.normalize("NFKC", s or ""))
    return "".join(ch for ch in s if not ch.isspace() and ch not in "·・")


def harvest() -> list[tuple[str, str, str]]:
    """(headline, body, unit) of every bulletin item in the samples with one credited unit and a
    one-paragraph body: real text to build new bulletins from."""
    out, seen = [], set()
    for path in sorted((ROOT / "samples").glob("*.txt")) + sorted((ROOT / "tests" / "data").glob("*.txt")):
        if path.name.count(".") != 1 or "traditional" in path.name:
            continue
        for it in split_document(normalise_bytes(path.read_bytes())):
            head, body, units = it["headline"], it["body"], it["units"]
            if (it["layout"] == "bulletin" and head and len(units) == 1 and body and "\n" not in body
                    and 30 <= len(body) <= 400 and head not in seen and "：" not in head and "【" not in head
                    and body.endswith("。")):
                seen.add(head)
                unit = units[0]
                out.append((head, body, unit[1:] if unit[:1] in "县市" and len(unit) > 3 else unit))
    return out


def masthead(rng: random.Random) -> tuple[list[tuple[str, str]], dict]:
    """Masthead lines as (text, alignment) and the fields they give."""
    county = rng.choice(COUNTIES)
    title = county + rng.choice(TITLES) if rng.random() < 0.7 else rng.choice(TITLES[1:4])
    issue = rng.randint(1, 60)
    year, month, day = 2024, rng.randint(1, 12), rng.randint(1, 28)
    issuer = f"{county}县人民政府办公室" if rng.random() < 0.6 else f"中共{county}县委办公室"
    issue_line = rng.choice([f"第{issue}期", f"第 {issue} 期", f"{year}年第{issue}期（总第{issue + 300}期）",
                             f"第{int_to_cn(issue)}期"])
    date = (f"{year}年{month}月{day}日" if rng.random() < 0.7
            else f"二〇二四年{int_to_cn(month)}月{int_to_cn(day)}日")
    lines = [(title, "centre"), (issue_line, "centre")]
    if rng.random() < 0.7:
        lines.append((f"{issuer}编{' ' * rng.randint(4, 20)}{date}", "split"))
    else:
        lines += [(issuer, "centre"), (date, "centre")]
    return lines, {"title": title, "issue": issue, "issuer": issuer, "date": f"{year:04d}-{month:02d}-{day:02d}"}


LEVEL1 = ["主要工作成效", "存在的问题", "下一步工作打算", "重点工作推进情况"]
L1_MARKS = lambda n: f"{int_to_cn(n)}、"  # noqa: E731
L2_MARKS = lambda n: f"（{int_to_cn(n)}）"  # noqa: E731
L3_STYLES = [lambda n: f"{n}.", lambda n: f"{n}、", lambda n: f"（{n}）"]


def outline_document(rng: random.Random, pool: list[tuple[str, str, str]]):
    """A half-year summary or report: title, perhaps an addressee, an opening paragraph, 一、
    headings over （一） points (headline and body run in, or the headline on its own line), some
    with 1. points under them, and the office and date signing it. Expected: every numbered point."""
    county = rng.choice(COUNTIES)
    office = f"{county}县{rng.choice(['发展和改革委员会', '农业农村局', '住房和城乡建设局', '自然资源和规划局'])}"
    month, day = rng.randint(6, 12), rng.randint(1, 28)
    title = rng.choice([f"{office}2024年上半年工作总结", f"{office}关于2024年上半年工作情况的报告",
                        f"{office}2024年工作总结及2025年工作打算"])
    blocks: list[tuple[str, str]] = [(title, "centre")]
    if rng.random() < 0.4:
        blocks.append(("县政府：", "para_flat"))
    blocks.append(("今年以来，我局在县委、县政府的坚强领导下，各项工作有序推进。现将有关情况报告如下：", "para"))
    expected = []
    own_line = rng.random() < 0.5
    l3 = rng.choice(L3_STYLES)
    items = iter(rng.sample(pool, len(pool)))
    for n1, heading in enumerate(rng.sample(LEVEL1, rng.randint(2, 3)), 1):
        blocks.append((L1_MARKS(n1) + heading, "para_flat"))
        expected.append({"headline": heading, "number": L1_MARKS(n1), "level": 1, "section": None, "units": [],
                         "body": ""})
        for n2 in range(1, rng.randint(2, 3) + 1):
            head, body, _unit = next(items)
            mark = L2_MARKS(n2)
            if own_line:
                blocks += [(mark + head, "para_flat"), (body, "para")]
            else:
                blocks.append((f"{mark}{head}。{body}", "para"))
            expected.append({"headline": head, "number": mark, "level": 2, "section": None, "units": [],
                             "body": body[:12]})
            if rng.random() < 0.3:
                for n3 in range(1, 3):
                    head3, body3, _unit = next(items)
                    blocks.append((f"{l3(n3)}{head3}。{body3}", "para"))
                    expected.append({"headline": head3, "number": l3(n3), "level": 3, "section": None,
                                     "units": [], "body": body3[:12]})
    blocks += [(office, "right"), (f"2024年{month}月{day}日", "right")]
    fields = {"title": title, "issue": None, "issuer": office, "date": f"2024-{month:02d}-{day:02d}"}
    return blocks, [], expected, fields, {"kind": "outline", "own_line": own_line}


DIGEST_HEADINGS = ["优环境、强服务，市场主体焕发活力", "重建管、补短板，城乡面貌绽放新颜", "守绿水、护青山，生态底色愈发亮丽",
                   "办实事、解民忧，民生福祉不断增进", "聚力聚焦项目建设 促进有效投资持续扩大", "工业生产稳步回升",
                   "固定资产投资较快增长", "消费市场持续回暖", "回眸2023", "展望2024"]
LEADS = ["城市功能更加完善", "和美乡村成色更足", "全盘谋项目", "全员抓招商", "教育质量持续提升", "医疗实力不断增强",
         "养老事业快速发展", "社会治理精准有效", "稳岗就业更加充分", "文物保护更加有力"]


def digest_document(rng: random.Random, pool: list[tuple[str, str, str]]):
    """A newspaper digest of a work report: a title, headings without end punctuation, under each
    one to three paragraphs that open with a short lead sentence (its headline). Expected: every
    paragraph, its heading as section and its lead sentence as headline."""
    title = rng.choice(["奋力谱写中国式现代化新篇章", "2024年一季度全县经济运行情况", "政府工作报告解读"])
    blocks: list[tuple[str, str]] = [(title, "centre")]
    expected = []
    bodies = iter(rng.sample(pool, len(pool)))
    leads = iter(rng.sample(LEADS, len(LEADS)))
    for heading in rng.sample(DIGEST_HEADINGS, rng.randint(2, 3)):
        blocks.append((heading, "centre"))
        for _ in range(rng.randint(1, 3)):
            lead, (_h, body, _u) = next(leads, None), next(bodies)
            if lead is None:
                break
            blocks.append((f"{lead}。{body}", "para"))
            expected.append({"headline": lead, "section": heading, "units": [], "body": body[:12]})
    fields = {"title": title, "issue": None, "issuer": None, "date": None}
    return blocks, [], expected, fields, {"kind": "digest"}


#: Credits put after an item's last sentence, by style. Example: （县住建局 张伟）.
CREDIT_FORMS = {"paren": "（{unit}）", "paren_name": "（{unit} {reporter}）", "label": "（供稿：{unit}）",
                "bracket": "【{unit}】", "dash": "——{unit}", "word": "{unit}供稿"}


def credit_text(rng: random.Random, unit: str, style: str) -> tuple[str, str, str]:
    """(credit put after the body's last sentence, credit on a line of its own, unit expected)."""
    reporter = rng.choice(REPORTERS)
    if style in CREDIT_FORMS:
        return CREDIT_FORMS[style].format(unit=unit, reporter=reporter), "", unit
    if style == "none":
        return "", "", ""
    return "", f"（{unit}）", unit  # "own_line": the credit set right on a line of its own


def document(rng: random.Random, pool: list[tuple[str, str, str]]):
    """One bulletin: its blocks (text, alignment, kind) and what a correct split finds."""
    lines, fields = masthead(rng)
    if rng.random() < 0.15:  # a run of pages without the masthead, as copied out of a longer file
        lines, fields = [], {"title": None, "issue": None, "issuer": None, "date": None}
    blocks: list[tuple[str, str]] = list(lines)
    expected = []
    section_style = rng.choice(["bracket", "square", "star", "dash", "numbered", "none"])
    headline_style = rng.choice(["own", "space", "bullet", "number", "label", "colon"])
    credit_style = rng.choice(["paren", "paren_name", "label", "bracket", "dash", "word", "own_line", "none"])
    n_sections = 0 if section_style == "none" else rng.randint(1, 3)
    items = rng.sample(pool, rng.randint(3, 7))
    cuts = sorted(rng.sample(range(1, len(items)), min(n_sections - 1, len(items) - 1))) if n_sections > 1 else []
    names = rng.sample(SECTION_NAMES, max(n_sections, 1))
    section, k_section = None, 0
    subtitles = iter(rng.sample(SUBTITLES, len(SUBTITLES)))  # no two alike, or they read as a running header
    for k, (head, body, unit) in enumerate(items):
        if n_sections and (k == 0 or k in cuts):
            section = names[k_section]
            k_section += 1
            marker = {"bracket": f"【{section}】", "square": f"■ {section}", "star": f"★{section}★",
                      "dash": f"——{section}——", "numbered": f"{int_to_cn(k_section)}、{section}"}[section_style]
            blocks.append((marker, "centre"))
        named = unit if rng.random() < 0.5 else "县" + unit
        after, own_line, want_unit = credit_text(rng, named, credit_style)
        if credit_style == "none" and headline_style in ("label", "colon"):
            want_unit = named  # the label or the colon names it
        if headline_style == "space" and rng.random() < 0.2:
            head = rng.choice(["抓改造、惠民生，", "强基础、补短板，", "优服务、提效能，"]) + head  # a headline with commas
        subtitle = "——" + next(subtitles, "") if headline_style == "own" and rng.random() < 0.2 else ""
        subtitle = "" if subtitle == "——" else subtitle
        shown_head = head
        if headline_style == "label":
            shown_head = f"【{want_unit}】{head}"
        elif headline_style == "colon":
            shown_head = f"{want_unit}：{head}"
        number = f"{k + 1}、" if headline_style == "number" else ""
        bullet = "◆" if headline_style == "bullet" else ""
        text_body = body + after
        if headline_style in ("space", "number", "bullet"):
            blocks.append((f"{bullet}{number}{shown_head} {text_body}", "para"))
        else:
            blocks.append((shown_head, "centre"))
            if subtitle:
                blocks.append((subtitle, "centre"))
            blocks.append((text_body, "para"))
        if own_line:
            blocks.append((own_line, "right"))
        expected.append({"headline": (f"{want_unit}：{head}" if headline_style == "colon" else head + subtitle),
                         "section": section, "units": [want_unit] if want_unit else [], "body": body[:12]})
    footer = []
    if rng.random() < 0.7:
        footer.append(f"报：市委办公室，市政府办公室{' ' * 4}送：县委常委")
    if rng.random() < 0.7:
        footer.append(f"责任编辑：{rng.choice(REPORTERS)}{' ' * 6}审核：{rng.choice(REPORTERS)}")
    if rng.random() < 0.5 and fields["issuer"]:
        footer.append(f"{fields['issuer']}{' ' * 10}{fields['date'][:4]}年{int(fields['date'][5:7])}月"
                      f"{int(fields['date'][8:])}日印发")
    style = dict(section=section_style, headline=headline_style, credit=credit_style)
    return blocks, footer, expected, fields, style


def to_traditional(text: str) -> str:
    """The text as a Taiwan copy would have it (OpenCC's s2tw; ``pip install opencc``, for this
    script only)."""
    try:
        import opencc
    except ImportError:
        raise SystemExit("the big5 way needs OpenCC: pip install opencc") from None
    return opencc.OpenCC("s2tw").convert(text)


def wrap_to(text: str, columns: int) -> list[str]:
    """``text`` cut into lines of at most ``columns`` display columns (an ideograph two, a digit
    one), as a page of fixed width wraps it."""
    lines, cur, used = [], "", 0
    for ch in text:
        w = display_width(ch)
        if used + w > columns and cur:
            lines.append(cur)
            cur, used = "", 0
        cur, used = cur + ch, used + w
    return lines + ([cur] if cur else [])


def as_text(blocks, footer, wrapped: bool, rng: random.Random) -> str:
    out = []
    width = rng.choice([30, 34, 38])  # one wrap width for the document, as a page has
    for text, how in blocks + [(f, "left") for f in footer]:
        text = text.replace("split", "")
        if how == "para":
            text = "\u3000\u3000" + text
        if wrapped and len(text) > width and how in ("para", "para_flat", "centre"):
            out += wrap_to(text, 2 * width)
        else:
            out.append(text)
    sep = "\n\n" if wrapped else "\n"
    return sep.join(out) + "\n"


def as_pdf(blocks, footer, path: Path, header: str, has_title: bool = True) -> None:
    """Lay the blocks out on A4 pages with reportlab's canvas, as an office would."""
    from damage import cjk_canvas

    c, font, width, height, left, right, wrap = cjk_canvas(path)
    st = {"page": 1, "y": height - 90}

    def newline(step: float) -> None:
        if st["y"] - step < 70:
            c.setFont(font, 10)
            c.drawCentredString(width / 2, 40, f"— {st['page']} —")
            c.showPage()
            st["page"] += 1
            st["y"] = height - 72
            c.setFont(font, 9)
            c.drawString(left, height - 50, header)

    for k, (text, how) in enumerate(blocks):
        text = text.replace("\u00b7", "\u30fb")  # STSong-Light has the middle dot under U+30FB only
        size = 24 if k == 0 and has_title else 15 if how == "centre" else 12
        if how == "split":
            office, _, date = text.partition("    ")
            newline(24)
            c.setFont(font, 12)
            c.drawString(left, st["y"], office.strip())
            c.drawRightString(right, st["y"], date.strip())
            st["y"] -= 24
            continue
        parts = wrap(("\u3000\u3000" + text) if how == "para" else text, size)
        how = "para" if how == "para_flat" else how
        for part in parts:
            newline(size + 8)
            c.setFont(font, size)
            {"centre": lambda: c.drawCentredString(width / 2, st["y"], part),
             "right": lambda: c.drawRightString(right, st["y"], part),
             "para": lambda: c.drawString(left, st["y"], part)}[how]()
            st["y"] -= size + 8
        st["y"] -= 6
    for text in footer:
        newline(18)
        c.setFont(font, 11)
        c.drawString(left, st["y"], text)
        st["y"] -= 18
    c.setFont(font, 10)
    c.drawCentredString(width / 2, 40, f"— {st['page']} —")
    c.save()


def score(items: list[dict], expected: list[dict], fields: dict, tally: dict, misses: dict, label: str) -> None:
    got = {fold(i["headline"]): i for i in items}
    doc = items[0]["doc"] if items else {}
    for key in ("title", "issue", "issuer", "date"):
        tally["fields"] += 1
        ok = fold(str(doc.get(key))) == fold(str(fields[key]))
        tally["fields_ok"] += ok
        if not ok:
            misses["field"].append(f"{label}: {key} {doc.get(key)!r} != {fields[key]!r}")
    for e in expected:
        tally["items"] += 1
        it = got.get(fold(e["headline"]))
        if it is None:
            misses["item"].append(f"{label}: {e['headline']} not among {[i['headline'] for i in items][:6]}")
            continue
        tally["found"] += 1
        if "number" in e:
            tally["numbers"] += 1
            ok = it.get("number") == e["number"] and it.get("level") == e["level"]
            tally["numbers_ok"] += ok
            if not ok:
                misses["number"].append(f"{label}: {e['headline'][:14]} {it.get('number')} {it.get('level')} "
                                        f"!= {e['number']} {e['level']}")
        for key, ok in (("section", fold(it["section"]) == fold(e["section"])),
                        ("units", [fold(u) for u in it["units"]] == [fold(u) for u in e["units"]]),
                        ("body", fold(it["body"]).startswith(fold(e["body"])))):
            tally[key] += ok
            if not ok:
                misses[key].append(f"{label}: {e['headline'][:14]} {key}: {it[key]!r:.60} != {e[key]!r}")


def evaluate(docs: int, seed: int, ways: list[str], dump: int = -1, kind: str = "bulletin",
             given: bool = False) -> tuple[dict, dict, int]:
    """Tallies and misses per way of reading, over ``docs`` documents drawn with ``seed``; and the
    size of the item pool. A tally counts items, found, section, units, body, fields, fields_ok.
    With ``given``, split is told the layout (how its parser reads the kind, not whether it tells it)."""
    import damage

    pool = harvest()
    tallies = {w: defaultdict(int) for w in ways}
    misses = {w: defaultdict(list) for w in ways}
    with tempfile.TemporaryDirectory() as tmp:
        for n in range(docs):
            rng = random.Random(seed * 100_003 + n)  # each document its own draw, whichever are read
            make = {"outline": outline_document, "digest": digest_document}.get(kind, document)
            blocks, footer, expected, fields, style = make(rng, pool)
            label = f"#{n} {style}"
            for way in ways:
                rng = random.Random(f"{seed} {n} {way}")
                if way in ("text", "wrapped"):
                    data = as_text(blocks, footer, way == "wrapped", rng).encode(rng.choice(["utf-8", "gb18030", "utf-16"]))
                elif way == "spaced":  # an extractor that sets every character one space apart
                    text = as_text(blocks, footer, False, rng)
                    data = "\n".join(" ".join(line) for line in text.split("\n")).encode("utf-8")
                elif way == "big5":  # a Hong Kong or Taiwan copy: traditional characters, Big5
                    data = to_traditional(as_text(blocks, footer, False, rng)).replace("〇", "○").encode("big5", "replace")
                elif way == "pdfminer":  # pdfminer.six's extract_text (pip install pdfminer.six, for this script only)
                    from pdfminer.high_level import extract_text

                    pdf = Path(tmp) / "doc.pdf"
                    header = f"{fields['title']} 第{fields['issue']}期" if fields["title"] and fields["issue"] else ""
                    as_pdf(blocks, footer, pdf, header, has_title=fields["title"] is not None)
                    data = extract_text(str(pdf)).encode("utf-8")
                else:
                    pdf = Path(tmp) / "doc.pdf"
                    header = f"{fields['title']} 第{fields['issue']}期" if fields["title"] and fields["issue"] else ""
                    as_pdf(blocks, footer, pdf, header, has_title=fields["title"] is not None)
                    data = damage.extract(pdf, way).encode("utf-8")
                items = [i for i in split_document(normalise_bytes(data), layout=kind if given else None)
                         if i["type"] == "item"]
                if n == dump:
                    print(f"==== #{n} {way} {style}\n{normalise_bytes(data)['text']}")
                    for i in items:
                        print(f"  [{i['section']}] {i['headline']} {i['units']} | {i['body'][:30]}")
                score(items, expected, fields, tallies[way], misses[way], label)
    return tallies, misses, len(pool)


def rates(t: dict) -> dict[str, float]:
    """Shares from a tally: items found of all, and of those found the ones right in each respect."""
    found = max(t["found"], 1)
    return {"found": t["found"] / t["items"], "section": t["section"] / found, "units": t["units"] / found,
            "body": t["body"] / found, "masthead": t["fields_ok"] / t["fields"],
            "numbers": t["numbers_ok"] / t["numbers"] if t["numbers"] else 1.0}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--docs", type=int, default=60)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--show", type=int, default=0)
    ap.add_argument("--how", default="text,wrapped,pdftotext,layout,pdfium")
    ap.add_argument("--dump", type=int, default=-1, help="print document N as read, and what split found in it")
    ap.add_argument("--kind", choices=["bulletin", "outline", "digest"], default="bulletin")
    ap.add_argument("--given", action="store_true", help="tell split the layout")
    a = ap.parse_args()
    ways = a.how.split(",")
    tallies, misses, pool = evaluate(a.docs, a.seed, ways, a.dump, a.kind, a.given)
    print(f"{a.docs} documents drawn from {pool} real items")
    for way in ways:
        r = rates(tallies[way])
        print(f"{way:10s} items found {r['found']:.3f}  section {r['section']:.3f}  units {r['units']:.3f}  "
              f"body {r['body']:.3f}  masthead {r['masthead']:.3f}" + (f"  numbers {r['numbers']:.3f}" if a.kind == "outline" else ""))
        if a.show:
            for kind, lines in misses[way].items():
                for line in lines[:a.show]:
                    print(f"    {kind}: {line}")


if __name__ == "__main__":
    main()
