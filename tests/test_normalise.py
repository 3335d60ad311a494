"""normalise on the five real seeds and their damaged copies, and each repair on real text."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter

import pytest

from bulletin_cli.changes import Changes
from bulletin_cli.normalise import NormaliseOptions, normalise_bytes, normalise_text

from .conftest import SEEDS, seed_path

COPIES = {
    "utf-8": lambda t: t.encode("utf-8"),
    "gb18030": lambda t: t.encode("gb18030"),
    "utf-16": lambda t: t.encode("utf-16"),
    "utf-16-le-no-bom": lambda t: t.encode("utf-16-le"),
    "utf-16-be-no-bom": lambda t: t.encode("utf-16-be"),
    "utf-8-bom": lambda t: t.encode("utf-8-sig"),
    "crlf": lambda t: t.replace("\n", "\r\n").encode("utf-8"),
}


def content_chars(text: str) -> Counter:
    """Every ideograph, digit and letter, after width folding: what must never be lost."""
    folded = unicodedata.normalize("NFKC", text)
    return Counter(c for c in folded if c.isalnum())


@pytest.mark.parametrize("kind", COPIES)
def test_same_document_in_every_encoding_gives_identical_text(seed, kind):
    text = seed.read_text(encoding="utf-8")
    reference = normalise_bytes(text.encode("utf-8"))
    copy = normalise_bytes(COPIES[kind](text))
    assert copy["text"] == reference["text"]
    assert copy["doc_id"] == reference["doc_id"]


@pytest.mark.parametrize("path", sorted((SEEDS[0].parent).glob("*.txt")), ids=lambda p: p.name)
def test_normalise_is_idempotent(path):
    once = normalise_bytes(path.read_bytes())["text"]
    twice, changes = normalise_text(once)
    assert twice == once, changes.counts


@pytest.mark.parametrize("path", sorted((SEEDS[0].parent).glob("*.txt")), ids=lambda p: p.name)
def test_no_content_character_is_lost(path):
    data = path.read_bytes()
    from bulletin_cli.read.text import decode_bytes

    before = content_chars(decode_bytes(data).text)
    rec = normalise_bytes(data)
    after = content_chars(rec["text"]) + content_chars("".join(rec["changes"]["artefacts"]))
    missing = before - after
    assert not missing, f"lost: {dict(missing)}"


def test_double_spaced_pdf_text_is_rejoined():
    rec = normalise_bytes(seed_path("000").read_bytes())
    lines = rec["text"].split("\n\n")
    assert lines[0] == "【奋战一季度】"
    assert lines[1].startswith("县发改委全力抓项目助推2024年首季实现“开门红” 建立重大项目全生命周期管理机制")
    assert lines[1].endswith("年度计划投资208.7亿元。（发改委）")
    assert rec["changes"]["counts"]["joined_lines"] > 50


def test_headline_space_survives_while_digit_spaces_go():
    text, _ = normalise_text("县发改委全力抓项目助推 2024 年首季实现“开门红” 建立重大项目全生命周期管理机制，共 226 个。")
    assert text == "县发改委全力抓项目助推2024年首季实现“开门红” 建立重大项目全生命周期管理机制，共226个。\n"


def test_spaced_out_names_are_closed_up():
    text, changes = normalise_text("责任编辑：李 勉\n\n审核：原超俊\n\n第 八 期\n")
    assert text == "责任编辑：李勉\n\n审核：原超俊\n\n第八期\n"
    assert changes.counts["cjk_spacing"] == 2


def test_page_numbers_and_running_headers_are_removed_and_listed():
    page = "延津政务快报 2023年第43期\n县住建局危房改造惠民生 开展第{n}批农村低收入群体住房核查工作，摸清困难群众住房\n安全情况底数{n}。（住建局）\n- {n} -\n"
    raw = "\f".join(page.format(n=n) for n in (1, 2, 3))
    text, changes = normalise_text(raw)
    assert "- 2 -" not in text and "—" not in text
    assert changes.artefacts.count("- 2 -") == 1
    assert text.count("延津政务快报") == 1  # the masthead copy on page one stays
    assert changes.counts["running_headers"] == 2
    assert "摸清困难群众住房安全情况底数2。（住建局）\n\n县住建局" in text


@pytest.mark.parametrize("line", ["—2—", "第 3 页", "第2页 共5页", "2/5", "- 12 -"])
def test_page_number_forms(line):
    text, changes = normalise_text(f"县住建局开展核查工作。（住建局）\n{line}\n县交通运输局开展整治。（交通运输局）\n")
    assert line.strip() in changes.artefacts
    assert "核查工作。（住建局）\n\n县交通运输局" in text


#: Characters str.isdigit takes for digits and int refuses: a line of one, as a PDF extraction
#: leaves the ³ of m³ or a circled number, is no page number (issue 20.8).
NOT_DECIMAL = ["①", "⑴", "¹", "²", "³", "₂", "⑴⑵", "²³"]


@pytest.mark.parametrize("mark", NOT_DECIMAL)
def test_a_line_of_a_superscript_or_circled_number_is_kept(mark):
    from typer.testing import CliRunner

    from bulletin_cli.cli import app

    text = f"县住建局开展核查\n{mark}\n内容。\n"
    assert mark in normalise_text(text)[0]
    for command in ("normalise", "split"):
        result = CliRunner().invoke(app, [command, "-f", "jsonl"], input=text)
        assert result.exit_code == 0 and "error" not in result.stderr, result.stderr


def test_a_lone_byte_read_as_latin_1_is_normalised():
    rec = normalise_bytes(b"\xb3", "one_byte_b3.txt", encoding="latin-1")  # ../shared/repro/one_byte_b3.txt
    assert rec["text"] == "³\n"


def test_lines_of_superscripts_running_on_are_no_page_numbers():
    body = "今年以来，县住建局扎实推进老旧小区改造，全县改造小区12个。"
    text, changes = normalise_text(f"{body}\n\n¹\n\n{body}\n\n²\n\n{body}\n\n³\n")
    assert "page_numbers" not in changes.counts and "²" in text


def test_markup_removed_and_marked_spans_kept():
    rec = normalise_bytes(seed_path("001").read_bytes())
    assert "**" not in rec["text"]
    assert rec["changes"]["marks"] == ["县农业农村局", "潭龙街道", "榆林乡", "胙城乡", "魏邱乡"]
    text, changes = normalise_text("<p>县住建局&nbsp;开展核查</p>，复制推广***区“********”模式")
    assert text.startswith("县住建局 开展核查，复制推广***区“********”模式")
    assert changes.counts["html_tags"] == 2 and changes.counts["html_entities"] == 1


def test_punctuation_and_width():
    text, _ = normalise_text("(二)抢抓绿色发展新机遇,转型升级:提升村(社区)覆盖率ＢＯＯ模式２０２４年，比例1:500，利税3.6亿元，5—6家\n")
    assert text == "（二）抢抓绿色发展新机遇，转型升级：提升村（社区）覆盖率BOO模式2024年，比例1:500，利税3.6亿元，5—6家\n"


def test_line_ends_and_invisible_characters():
    raw = "\u3000\u3000县住建局开展核查\u200b工作。\r\n\r\n\u00a0县交通运输局开展\x00整治。\r"
    text, changes = normalise_text(raw)
    assert text == "县住建局开展核查工作。\n\n县交通运输局开展整治。\n"
    assert {"line_ends", "invisible_chars", "indentation"} <= changes.counts.keys()


def test_orphaned_punctuation_goes_back_to_its_line():
    text, _ = normalise_text("定期查看施工进度及设备安装进展\n，了解项目建设瓶颈。\n")
    assert text == "定期查看施工进度及设备安装进展，了解项目建设瓶颈。\n"


def test_joining_keeps_a_space_between_latin_words_only():
    from bulletin_cli.normalise.reflow import join_pair

    assert join_pair("the county office of", "emergency management") == "the county office of emergency management"
    assert join_pair("引入BOO和", "EPC合作方式") == "引入BOO和EPC合作方式"
    assert join_pair("完善动态监测", "系统") == "完善动态监测系统"


def test_masthead_lines_are_not_joined():
    text, _ = normalise_text(seed_path("004").read_text(encoding="utf-8"))
    assert text.startswith("延津政务快报\n\n第18期\n\n延津县人民政府办公室\n\n2023年4月21日\n\n【全力拼经济】\n\n")


@pytest.mark.parametrize("masthead", ["中共某某县委督查室　　　　　　二〇二四年六月十日",
                                      "主办：某某县发展和改革委员会　　　　2024年6月10日",
                                      "某某县创建全国文明城市指挥部办公室 2024年6月10日"])
def test_a_masthead_line_is_never_a_headline_wrapped_onto_the_next(masthead):
    """A line set out in parts or closing on a date is no headline too long for its line: the
    story's headline under it keeps its own line."""
    raw = (f"督查通报\n2024年第5期\n{masthead}\n县住建局推进老旧小区改造\n"
           "今年以来，县住建局改造老旧小区12个，惠及居民1800余户。（县住建局）\n")
    text, _ = normalise_text(raw)
    assert "\n\n县住建局推进老旧小区改造\n\n" in text


def test_each_repair_can_be_switched_off():
    raw = "共 226 个,(一)\n"
    assert normalise_text(raw, NormaliseOptions(spacing=False))[0] == "共 226 个，（一）\n"
    assert normalise_text(raw, NormaliseOptions(punctuation=False))[0] == "共226个,(一)\n"


def test_changes_carry_examples_for_explain():
    ch = Changes()
    normalise_text("共谋划储备 500 万元以上", changes=ch)
    before, after = ch.examples["cjk_spacing"][0]
    assert " 500" in before and re.search(r"备500", after)


def test_rule_lines_are_removed_and_listed():
    text, changes = normalise_text("延津政务快报\n" + "━" * 80 + "\n第43期\n———————————\n复制推广***区“********”模式。\n")
    assert text == "延津政务快报\n\n第43期\n\n复制推广***区“********”模式。\n"
    assert changes.counts["rule_lines"] == 2 and "———————————" in changes.artefacts


def test_first_line_indents_mark_paragraphs_in_wrapped_text():
    """A paragraph that ends exactly at the end of a full line with 。 is told apart from the next
    one by the next one's first-line indent (U+3000 or spaces, as pdftotext -layout gives)."""
    first = ("今年以来县住建局围绕完整社区建设目标统筹推进老旧小区改造工作共改造小区十二个惠及居民三千余户" * 2)[:87] + "。"
    second = "下一步县住建局将继续加大工作力度确保全年目标任务圆满完成为群众创造更好的居住环境同时做好后续管理工作巩固改造成果并接受群众监督。"

    def wrap(paragraph: str, indent: str) -> list[str]:
        lines = [indent + paragraph[:28]]
        lines += [paragraph[i:i + 30] for i in range(28, len(paragraph), 30)]
        return lines

    for indent in ("\u3000\u3000", "    "):
        raw = "\n".join(wrap(first, indent) + wrap(second, indent)) + "\n"
        assert wrap(first, indent)[-1].endswith("。") and len(wrap(first, indent)[-1]) == 30
        text, _ = normalise_text(raw)
        assert text == first + "\n\n" + second + "\n"


def test_a_saved_web_page_keeps_its_text_only():
    """A page saved from a county website, all on one line: head, script and style go (counted),
    paragraph tags become paragraph breaks, entities are decoded."""
    page = ("<!DOCTYPE html><html><head><title>延津政务快报</title><script>var a = 1;</script>"
            "<style>p{margin:0}</style></head><body><!-- nav --><div>当前位置：首页 &gt; 政务动态</div>"
            "<h1>延津政务快报</h1><p>第43期</p><p>【民生保障】</p>"
            "<p>县人社局开展追缴工作 追回养老金共计21.17万元。（人社局）</p></body></html>")
    rec = normalise_bytes(page.encode("utf-8"))
    assert rec["text"].split("\n\n") == ["当前位置：首页 > 政务动态", "延津政务快报", "第43期", "【民生保障】",
                                         "县人社局开展追缴工作 追回养老金共计21.17万元。（人社局）\n"]
    assert rec["changes"]["counts"]["html_hidden"] == 3  # doctype, comment, head
    assert "var a" not in rec["text"]


def test_text_with_a_stray_tag_is_not_a_web_page():
    rec = normalise_bytes("县住建局开展核查<br>摸清底数。\n".encode("utf-8"))
    assert "html_hidden" not in rec["changes"]["counts"] and "县住建局开展核查" in rec["text"]


def test_markdown_block_marks_go_and_are_counted():
    """Heading and quote marks of a Markdown copy go; a # that is text (#3楼) stays."""
    text, changes = normalise_text("## 工作动态 ##\n\n> 编者按：现予刊发。\n\n县住建局完成#3楼加固。\n")
    assert text == "工作动态\n\n编者按：现予刊发。\n\n县住建局完成#3楼加固。\n"
    assert changes.counts["markup"] == 3


def test_radical_forms_from_pdf_fonts_are_folded_and_counted():
    """Some PDF fonts map glyphs to the Kangxi radical block (⽇ U+2F47 for 日, ⼯ U+2F2F for 工) or
    the radicals supplement (⻓ for 长): folded, counted, and the text then splits as usual."""
    raw = "县住建局扎实推进⽼旧⼩区改造 今年以来，县住建局完成投资2600万元，⻓效机制⽇益完善。（县住建局）\n"
    text, changes = normalise_text(raw)
    assert text == "县住建局扎实推进老旧小区改造 今年以来，县住建局完成投资2600万元，长效机制日益完善。（县住建局）\n"
    assert changes.counts["radicals"] == 4
    assert normalise_text(raw, NormaliseOptions(width=False))[0] == raw


def test_a_number_cut_at_a_line_end_is_joined_whole():
    """Wrapped text often breaks inside a number: 2 024年 would read as two figures."""
    para = ("今年以来，县财政局下达我区2024年度环境治理资金124.92亿元，覆盖“守望千年·只为枣你”等项目"
            "36个，惠及群众1500余户，完成投资进度的86.5%，较去年同期提高12个百分点。")
    cuts = [0, 14, 31, 44, 60, 75, len(para)]  # each break inside a number
    raw = "\n\n".join(para[a:b] for a, b in zip(cuts, cuts[1:])) + "\n"
    assert raw.count("\n\n") == 5 and "2\n\n024" in raw
    text, _ = normalise_text(raw)
    assert text == para + "\n"


def test_a_repeated_lone_bracket_is_no_running_header():
    """Credits wrapped so that their closing bracket stands alone, on two pages: the brackets stay."""
    body = "县住建局完成老旧小区改造12个，惠及居民3000余户，完成投资2600万元。（县住建"
    raw = (f"工作简报\n\n{body}\n）\n\n- 1 -\n\f县交通局完成农村公路养护260公里，整治隐患点位18处。（县交通\n）\n\n- 2 -\n")
    text, changes = normalise_text(raw)
    assert text.count("）") == 2 and "（县住建）" in text and "（县交通）" in text
    assert "）" not in changes.artefacts


@pytest.mark.parametrize("line, kept", [
    ("县人社局：开展春风行动 5月以来，县人社局组织招聘会5场。", True),          # the unit's colon
    ("强基础、补短板，县卫健委开展义诊进乡村活动 5月以来，组织专家团队12人。", True),  # a headline with commas
    ("同时依据项目生产要素需求，强化企业服务，先后投资近 6亿元实施供水工程。", False),  # a stray space in a sentence
    ("今年以来，县住建局 5个小区完成改造，惠及居民3000户。", False),
])
def test_the_space_after_a_headline_survives_before_a_number(line, kept):
    text, _ = normalise_text(line)
    assert (" 5月" in text or " 6亿" in text or " 5个" in text) == kept


def test_a_document_set_out_one_character_a_space_apart():
    """Some extractors give justified text with a space after every character; a wider gap (the
    headline's) stays as one space, and the document then splits as usual."""
    from bulletin_cli.split import split_document

    raw = ("工 作 动 态\n第 5 期\n【 民 生 保 障 】\n"
           "县 住 建 局 扎 实 推 进 老 旧 小 区 改 造  今 年 以 来 ， 县 住 建 局 改 造 小 区 1 2 个 。 （ 县 住 建 局 ）\n")
    doc = normalise_bytes(raw.encode())
    assert "县住建局扎实推进老旧小区改造 今年以来，县住建局改造小区12个。（县住建局）" in doc["text"]
    items = split_document(doc)
    assert [(i["section"], i["headline"], i["units"]) for i in items] == [("民生保障", "县住建局扎实推进老旧小区改造", ["县住建局"])]


def test_unmapped_glyph_marks_are_kept_as_written():
    """pdfminer writes (cid:2345) for a glyph it cannot map: kept as it is, not turned into （cid:2345）."""
    text, _ = normalise_text("县住建局(cid:2345)(cid:1234)改造小区12个。\n")
    assert text == "县住建局(cid:2345)(cid:1234)改造小区12个。\n"


def test_a_dash_early_and_an_open_credit_at_the_end_of_a_line():
    """——… early in a line that ends with an open credit once made the closing-credit check fail
    with a TypeError (the open form has no 供稿 word to cut); an open credit closes nothing there."""
    from bulletin_cli.normalise.reflow import _closes_paragraph

    assert _closes_paragraph("——县开发区完成投资。（县开发区") is False
    assert _closes_paragraph("清理河道垃圾12吨。——县水利局") is True


def test_a_private_use_character_is_never_taken_for_a_protected_space():
    """Spacing marks the space after a headline with a stand-in while it works; a private-use
    character in the text (a PDF font's glyph) must come out as it went in."""
    text, _ = normalise_text("县住建局扎实推进老旧小区改造 今年以来，县住建局\ue000改造小区12个。\n")
    assert text == "县住建局扎实推进老旧小区改造 今年以来，县住建局\ue000改造小区12个。\n"


def test_a_column_of_briefs_run_onto_one_line_gets_a_break_before_each_bullet():
    # r01 (长子县要闻简报) with its breaks lost: the masthead and the ◆ briefs on one line
    line = ("1886期 / 第2版:2要闻简报 ◆在国庆、中秋来临之际，9月24日，县直机关干部职工篮球赛在县体育馆正式开赛。"
            "县人大常委会副主任乔先苗出席开幕式。 ◆9月23日，我县在政府二楼会议室召开巩固衔接重点工作调度会。"
            " ◆ 9月27日，我县召开“中秋”“国庆”期间护林防火工作安排会。")
    paras = normalise_text(line + "\n")[0].strip().split("\n\n")
    assert paras[0] == "1886期 / 第2版:2要闻简报"
    assert [p[:6] for p in paras[1:]] == ["◆在国庆、中", "◆9月23日", "◆ 9月27"]
    kept = "◆县住建局 ◆县人社局"  # a short line of bullets is left as it is
    assert normalise_text(kept + "\n")[0].strip() == kept


def test_a_running_header_with_the_issuers_short_name_before_the_bulletins_name_goes():
    """千岛湖镇工作简报　…　〔2024〕第7期 atop a PDF's second page, its masthead's name letter-spaced (工  作  简  报)
    under the office's: a running header, removed and counted, however wide its gap."""
    text = ("                        中共淳安县千岛湖镇委员会办公室\n\n                                工  作  简  报\n\n"
            "                               〔2024〕第 7 期\n\n"
            "　　今年以来，千岛湖镇整合11个行政村资源，组建镇级“强村公司”1家，盘活村集体闲置资产。\n"
            "　　鼓山村依托本地山核桃、茶叶等特色农产品，引进农产品加工企业2家，建成“共富工坊”3个。\n"
            "　　镇综合信息指挥室整合综治、市场监管、综合执法、便民服务四个平台力量。\n"
            "                                     — 1 —\n\f千岛湖镇工作简报                                               〔2024〕第 7 期\n\n"
            "　　截至5月底，“强村公司”已承接镇村道路养护、河道保洁等项目23个，合同金额1346万元。\n")
    doc = normalise_bytes(text.encode("utf-8"), "x.pdf-layout.txt")
    assert "千岛湖镇工作简报" not in doc["text"] and "工作简报" in doc["text"]
    assert doc["changes"]["counts"].get("running_headers") == 1


def test_a_strip_of_labelled_figures_set_apart_is_never_joined_to_the_entry_under_it():
    # (a county profile's key figures over its first entry, 地理位置　元谋县位于…: joined, the entry was lost)
    text = ("县情概况\n更新时间：2024-08-15　　来源：元谋县人民政府办公室　　点击：2316\n元谋概况\n"
            "国土面积：2021.88平方千米　　常住人口：21.6万人　　辖：3镇7乡　　县城驻地：元马镇\n"
            "地理位置　元谋县位于云南省北部、楚雄彝族自治州东北部，金沙江南岸，东与武定县接壤，南与禄丰市相连，西与大姚县、牟定县毗邻。\n"
            "行政区划　全县辖元马镇、黄瓜园镇、羊街镇3个镇和老城乡、物茂乡、江边乡、新华乡、平田乡、凉山乡、姜驿乡7个乡。\n"
            "历史沿革　元谋是人类发祥地之一，1965年在上那蚌村发现的“元谋人”牙齿化石，距今约170万年。\n"
            "自然资源\n全县最高海拔2835.9米，最低海拔898米。境内有金沙江、龙川江等大小河流20余条。\n"
            "气候　元谋属南亚热带干热季风气候，年平均气温21.9℃，极端最高气温42.8℃，年均降雨量约630毫米。\n")
    out = normalise_bytes(text.encode("utf-8"), "x.txt")["text"]
    assert "县城驻地：元马镇\n\n地理位置" in out


def test_a_part_of_a_page_copied_as_text_is_parsed_its_blocks_the_paragraphs():
    # (s15: <p class="ql-block">…</p> on one line; the tags were stripped and every paragraph and
    # credit run into one: 撰稿人：周 政核稿人：张海龙审稿人：常胜利主 办：涉县疫情防控办)
    text = ('<p class="ql-block"> 2021年1月11日上午9:00,县委副书记张进山到疫情防控办指挥部调研指导疫情防控工作。</p> '
            '<p class="ql-block"> 会上,疫情防控办各工作组汇报了近期工作开展情况。</p><p class="ql-block"><br></p>'
            '<p class="ql-block">撰稿人:周 政</p><p class="ql-block">审稿人:常胜利</p><p class="ql-block">主 办:涉县疫情防控办</p>')
    doc = normalise_bytes(text.encode("utf-8"), "x.txt")
    assert "会上，疫情防控办" in doc["text"] and "\n\n审稿人：常胜利\n\n" in doc["text"]
    assert doc["changes"]["counts"]["html_tags"] >= 7


def test_a_count_set_apart_on_both_sides_is_closed_up_but_a_headlines_space_before_a_year_kept():
    # (pdftotext -layout sets every number apart: 马头镇将全镇 36 个村 is no headline before its text)
    text, _ = normalise_text("马头镇将全镇 36 个村（社区）划分为 218 个网格，推行“党员联户+网格包片”工作模式。\n")
    assert text.startswith("马头镇将全镇36个村（社区）划分为218个网格")
    text, _ = normalise_text("县发改委全力抓项目助推 2024年首季实现“开门红”建立重大项目全生命周期管理机制，紧盯国家政策导向。\n")
    assert "助推 2024年" in text


def test_a_rule_that_ocr_read_as_a_row_of_one_is_removed_and_never_joined_to_the_headline():
    text, changes = normalise_text("庆安县人民政府办公室                 2024年5月20日\n一一一一一一一一一一一一一一一一一一一一\n"
                                   "久胜镇水稻插秧进度过半\n    入春以来，久胜镇抢抓农时，组织群众开展水田泡田、整地、插秧等春耕生产。\n")
    assert "一一一" not in text and "\n\n久胜镇水稻插秧进度过半\n\n" in text and changes.counts["rule_lines"] == 1


def test_a_text_browsers_link_marks_and_references_go_and_its_words_stay():
    text = ("   [1]今日镇远电子版\n\n     * [2]首页\n     * [3]往期回顾\n     * [4]PDF下载\n\n"
            "   [5]镇远古城国庆假期接待游客38.6万人次\n   [6]羊场镇：“订单辣椒”红了农户日子\n\n"
            "   本报讯（记者 吴莎）10月1日至7日，镇远古城迎来旅游高峰，各景区景点人气爆棚。\n\n"
            "References\n\n   1. http://epaper.zhenyuan.gov.cn/\n   2. http://epaper.zhenyuan.gov.cn/index.htm\n")
    doc = normalise_bytes(text.encode("utf-8"), "x.lynx.txt")
    assert "[2]" not in doc["text"] and "References" not in doc["text"] and "http" not in doc["text"]
    assert "今日镇远电子版" in doc["text"] and doc["changes"]["counts"]["link_marks"] == 6


def test_a_lone_picture_placeholder_is_chrome_but_a_picture_column_is_not():
    # (a crawled e-paper page: 图片 alone where a picture stood, under 图片新闻, the column's name)
    from bulletin_cli.split.features import text_feature

    assert text_feature("图片", "chrome") and text_feature("图片3", "chrome")
    assert not text_feature("图片新闻", "chrome")


def test_a_web_clippers_front_matter_is_chrome_and_never_joined_to_the_title():
    text = ('---\ntitle: "在全市白茶产业高质量发展推进会上的讲话_领导讲话_福鼎市人民政府"\n'
            'source: "http://www.fuding.gov.cn/zwgk/ldjh/202404/t20240402_1876543.htm"\nauthor:\ncreated: 2024-04-08\n'
            'tags:\n  - "clippings"\n---\n[首页](http://www.fuding.gov.cn/) > [政务公开](http://www.fuding.gov.cn/zwgk/)\n\n'
            "# 在全市白茶产业高质量发展推进会上的讲话\n\n市委副书记、市长　陈志斌\n\n同志们：\n\n"
            "今天，我们召开全市白茶产业高质量发展推进会，主要任务是总结2023年白茶产业发展工作。\n")
    doc = normalise_bytes(text.encode("utf-8"), "x.md")
    assert "source:" not in doc["text"] and "clippings" not in doc["text"]
    assert "\n\n在全市白茶产业高质量发展推进会上的讲话\n\n" in doc["text"] and doc["changes"]["counts"]["web_chrome"]
