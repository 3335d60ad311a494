"""Documents from other places than the seeds, each rule on the real lines that need it (from the
development set in ../shared/corpus/real, shortened), and a floor on that set's score."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from bulletin_cli.normalise import normalise_bytes, normalise_text
from bulletin_cli.split import analyse, split_document
from bulletin_cli.split.credits import credit_line
from bulletin_cli.split.features import text_feature

REAL = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "real"
SCORE = Path(__file__).resolve().parents[2] / "shared" / "tools" / "score.py"


def items_of(text: str, name: str = "x.txt", layout: str | None = None) -> list[dict]:
    """The items of a text; with ``layout``, read as that layout (a short excerpt is little for the
    layouts' weights to tell one by: the full documents are read without help in the floor test)."""
    return split_document(normalise_bytes(text.encode("utf-8"), name), layout=layout)


def form_of(text: str, layout: str) -> tuple[str, str | None]:
    """The layout and the form that decided it (:func:`bulletin_cli.split._by_form`) for a normalised
    text the layouts' weights read as ``layout``: a form's rule, tested whatever the shipped model reads."""
    from bulletin_cli.split import _by_form, evidence, label, load_model, paragraphs
    from bulletin_cli.split.features import Page

    paras = paragraphs(text)
    labelled = label(Page(paras, {}), load_model())
    layout, rule, _ = _by_form(paras, labelled, evidence(paras, labelled.roles, labelled.rows), layout)
    return layout, rule


def written_items(folder: str, name: str) -> list[dict]:
    """The items of one of the written documents (tests/data/written/FOLDER/NAME), read whole."""
    path = Path(__file__).parent / "data" / "written" / folder / name
    return [i for i in split_document(normalise_bytes(path.read_bytes(), str(path))) if i["type"] == "item"]


# --- text taken from web pages -------------------------------------------------------------

CRAWLED = (
    "标题: 平潭海底首次打捞出五代青瓷\n发布时间: 2010-05-10 15:17\n文号: \n发布机构: 中国平潭网\n栏目: 公示公告\n"
    "原文链接: https://www.pingtan.gov.cn/zwgk/gsgg/201005/t20100510_876.htm\n本地目录: zwgk/gsgg/201005\n"
    "页面链接与图片详见 links.tsv(同目录)\n==================== 正文 ====================\n"
    "当前位置： 首页政务公开公示公告 平潭海底首次打捞出五代青瓷 时间：2010-05-10 15:17 微信 微博 QQ空间 "
    "6件距今1000多年的五代时期青瓷，近日在平潭海域被发现。这是该海域迄今为止发现的年代最为久远的文物。 "
    "由中国国家博物馆、福建博物院组成的10人国家水下考古队，5日开始在平潭开展水下考古工作。 "
    "据了解，国家水下考古队原计划在平潭海域考古15天左右。 来源：中国平潭网 附件下载"
)


def test_a_crawled_page_is_one_article_with_its_header_as_fields():
    """A crawler's header lines give the title, date and source; the breadcrumb, time and share
    bar run into the text and the source and attachment link run onto its end are chrome; the
    paragraphs the page collapsed come back."""
    doc = normalise_bytes(CRAWLED.encode("utf-8"), "crawl.txt")
    assert doc["text"].split("\n\n")[:3] == ["平潭海底首次打捞出五代青瓷", "来源：中国平潭网 发布时间：2010-05-10",
                                             "6件距今1000多年的五代时期青瓷，近日在平潭海域被发现。这是该海域迄今为止发现的年代最为久远的文物。"]
    assert "微信" not in doc["text"] and "附件下载" not in doc["text"] and doc["changes"]["counts"]["web_chrome"] >= 3
    items = split_document(doc)
    assert [(i["layout"], i["headline"], i["units"]) for i in items] == [("article", "平潭海底首次打捞出五代青瓷", ["中国平潭网"])]
    assert items[0]["body"].count("\n") == 2 and items[0]["doc"]["date"] == "2010-05-10"


def test_style_sheets_leaked_into_a_crawl_are_chrome():
    text = ("标题: 福建省首个两岸就业创业村居服务站揭牌\n发布时间: 2021-11-11 15:03\n发布机构: 平潭综合实验区社会事业局\n"
            "==================== 正文 ====================\n"
            '@font-face { font-family: "宋体"; }p.MsoNormal { margin: 0pt; font-size: 10.5pt; }'
            "11月11日上午，我省首个两岸就业创业村居服务站在君山片区大坪村村部揭牌。")
    doc = normalise_bytes(text.encode("utf-8"))
    assert doc["text"].endswith("\n\n11月11日上午，我省首个两岸就业创业村居服务站在君山片区大坪村村部揭牌。\n")


def test_a_flattened_information_table_gives_title_number_and_date():
    text = ("文件名称 | 2022年第八次县政府常务会议确定事项落实情况的通报 | ||\n"
            "索引号 | zyxzfzyxzfbgs/2022-4992 | 公开目录: | 政务督查 |\n"
            "公开责任部门 | 紫阳县政府办公室 | 公开形式: | 主动公开 |\n"
            "文号 | 督察通报第十七期 | 成文日期: | 2022年09月14日 |\n"
            "近期,县政府督查室对2022年第八次县政府常务会议确定事项落实情况开展了专项督查,现通报如下。\n"
            "一、总体情况\n2022年第八次县政府常务会议确定事项22件,已办结6件。\n"
            "二、工作要求\n请以上责任单位加快工作节奏,全力推动确定事项落实。\n")
    items = items_of(text)
    assert [(i["layout"], i["headline"]) for i in items] == [("article", "2022年第八次县政府常务会议确定事项落实情况的通报")]
    doc = items[0]["doc"]
    assert (doc["title"], doc["issue"], doc["issuer"], doc["date"]) == ("督察通报", 17, "紫阳县政府办公室", "2022-09-14")
    assert "一、总体情况" in items[0]["body"]  # a notice's parts are its body, not items


# --- single articles -----------------------------------------------------------------------

@pytest.mark.parametrize("text, headline, units", [
    # a title of two phrases, numbered clauses in the body, 供稿 on the last line
    ("临澧县委办强化督查审批 增强督查效能\n为进一步规范和加强全县督查工作,临澧县委办强化督查审批,增强督查效能。\n"
     "1、严格实行督查审批。未经审查批准,任何单位不得组织开展督查活动。\n2、统筹安排督查活动。防止督查过多过滥。\n"
     "供稿:临澧县委办公室\n", "临澧县委办强化督查审批 增强督查效能", ["临澧县委办公室"]),
    # chrome, a title, a time line, the credit glued to the last sentence
    ("当前位置:首页\n政府副县长苏晓艳召开乡村振兴示范片区重点项目建设推进会\n时间:2022-04-01 10:19:56\n\n"
     "       3月31日下午,政府副县长苏晓艳召开乡村振兴示范片区重点项目建设推进会。\n\n"
     "       苏晓艳强调,政府办要进一步强化现场督导指导,确保示范片区建设工作按时间节点顺利实施。(政府办综合六科)",
     "政府副县长苏晓艳召开乡村振兴示范片区重点项目建设推进会", ["政府办综合六科"]),
    # no title: running text and a unit name alone on the last line
    ("分享至:\n1月26日,从省委农村工作会议上传来喜讯,我县荣获省2021年度乡村振兴战略实绩考核县级进位第一等次。\n"
     "2021年,我县认真贯彻习近平总书记关于“三农”工作的重要论述,大力实施乡村振兴战略,乡村振兴工作取得较好成绩。\n"
     "县农业农村局\n", None, ["县农业农村局"]),
    # no title: one paragraph closing with a unit and its reporter, then page chrome
    ("截至6月20日,全县共抢收小麦30万亩,麦收工作全部结束;抢种秋作物27.5万亩,占预播面积的84%。(县农业局刘广刚)\n"
     "扫一扫在手机打开当前页\n", None, ["县农业局"]),
])
def test_a_single_article_is_one_item_credited_to_its_unit(text, headline, units):
    items = items_of(text)
    assert [(i["layout"], i["headline"], i["units"]) for i in items] == [("article", headline, units)]
    assert "供稿" not in items[0]["body"] and "分享" not in items[0]["body"]


ARTICLE = ("县医保局开展医保政策宣传活动\n发布时间：2024-03-12\n"
           "3月11日，县医保局在城区广场开展医保政策集中宣传活动，发放宣传资料2000余份。\n"
           "活动现场，工作人员耐心解答群众咨询。\n")


@pytest.mark.parametrize("closing, editor", [
    ("文章来源：县医疗保障局", None),
    ("供稿单位：县医疗保障局", None),
    ("信息来源：县医疗保障局\n审核：李四", None),
    ("【来源：县医疗保障局】", None),
    ("稿件来源：县医疗保障局　　责任编辑：张三", "张三"),
    ("来源：县医疗保障局　作者：王五　编辑：赵六", "赵六"),
])
def test_the_labelled_lines_closing_an_article_are_its_source_and_editors(closing, editor):
    """The labels county sites close an article with, whatever role the model read for the line:
    the source is the article's unit, the next label ends it, an editor is the editor."""
    items = items_of(ARTICLE + closing + "\n")
    assert [(i["layout"], i["units"]) for i in items] == [("article", ["县医疗保障局"])]
    assert items[0]["body"].endswith("解答群众咨询。")
    assert (items[0]["doc"]["issuer"], items[0]["doc"]["editor"]) == ("县医疗保障局", editor)


def test_a_line_of_running_text_closing_an_article_stays_its_text():
    """A last sentence that only mentions a source is text, not a credit."""
    items = items_of(ARTICLE + "来源：县医疗保障局提供的数据显示，参保率达98%。\n")
    assert items[0]["body"].endswith("参保率达98%。") and items[0]["units"] == []


NEWS = ("7月24日，镇综治办联合派出所、司法所在镇文化广场开展法治宣传活动，向群众发放宣传资料500余份。\n"
        "活动中，工作人员结合典型案例，向群众讲解了防范电信网络诈骗、反家庭暴力等法律知识。\n"
        "下一步，该镇将持续开展形式多样的普法宣传活动，不断提升群众法治意识。\n")


def test_a_title_under_a_column_label_over_plain_paragraphs_is_one_article():
    """One headline over paragraphs shows the start of one item: never a digest of paragraphs; the
    column's tag opening it (【乡镇动态】, a generic column's name) is no part of the headline."""
    items = items_of("【乡镇动态】大营镇开展“法治进乡村”宣传活动\n" + NEWS)
    assert [(i["layout"], i["headline"]) for i in items] == [("article", "大营镇开展“法治进乡村”宣传活动")]


def test_an_author_line_between_the_title_and_the_facts_line_is_no_title():
    items = items_of("大营镇开展“法治进乡村”宣传活动\n\n作者：张三\n来源:大营镇 日期:2024/7/25 点击:967\n" + NEWS)
    assert [(i["headline"], i["units"], i["doc"]["date"]) for i in items] == [
        ("大营镇开展“法治进乡村”宣传活动", ["大营镇"], "2024-07-25")]


def test_a_masthead_title_set_a_character_a_wide_gap_is_one_word():
    """简  讯 over bulleted briefs: the title is 简讯, not its first character."""
    items = items_of("简  讯\n●6月8日，县委书记到大营镇调研乡村振兴工作，实地察看了高标准农田建设情况。\n"
                     "●6月9日，县人大常委会组织开展食品安全执法检查，检查了学校食堂和农贸市场。\n"
                     "●6月10日，县政协召开主席会议，研究部署下半年重点工作。\n")
    assert len(items) == 3 and {i["doc"]["title"] for i in items} == {"简讯"}


def test_a_bracketed_label_that_names_no_unit_is_the_items_column():
    """【乡镇动态】 run into an item names its column (its section), not the unit that did it."""
    items = items_of("政务信息\n第12期\n县政府办公室　　2024年5月20日\n"
                     "【乡镇动态】大营镇开展“法治进乡村”宣传活动。7月24日，镇综治办在镇文化广场开展法治宣传活动。\n"
                     "【部门动态】县住建局扎实推进老旧小区改造。今年以来，县住建局改造老旧小区12个。\n"
                     "【衡山镇】强化措施抓好森林防火。衡山镇组织护林员开展巡山，排查隐患6处。\n")
    assert [(i["section"], i["headline"], i["units"]) for i in items] == [
        ("乡镇动态", "大营镇开展“法治进乡村”宣传活动", []), ("部门动态", "县住建局扎实推进老旧小区改造", []),
        ("部门动态", "强化措施抓好森林防火", ["衡山镇"])]  # (still in the column above it)


def test_credit_lines_under_stories_are_their_credits_never_the_next_headline():
    """A unit and its writer with 报送, or a labelled 供稿 line with a reviewer, under a story: its
    credit (before, each was read as a headline and run into the next story's)."""
    items = items_of("政务信息\n第12期\n县政府办公室　　2024年5月20日\n大营镇开展法治宣传活动\n"
                     "7月24日，镇综治办联合派出所在镇文化广场开展法治宣传活动，发放宣传资料500余份。\n"
                     "大营镇党政办　张三　报送\n县住建局推进老旧小区改造\n"
                     "今年以来，县住建局改造老旧小区12个，惠及居民1800余户。\n供稿：县住建局　审核：李四\n"
                     "县人社局举办春季招聘会\n3月5日，县人社局举办招聘会，56家企业提供岗位1200余个。\n")
    assert [(i["headline"], i["units"]) for i in items] == [
        ("大营镇开展法治宣传活动", ["大营镇党政办"]), ("县住建局推进老旧小区改造", ["县住建局"]),
        ("县人社局举办春季招聘会", [])]
    assert items[0]["reporters"] == ["张三"] and items[0]["doc"]["reviewer"] is None


def test_a_paragraph_of_running_text_is_never_dropped_as_chrome():
    """Sentences with clauses and no mark of furniture, above the text's last paragraph: text,
    whatever the model read (a yearbook's first entry under 【概况】 was dropped)."""
    items = items_of("大营镇\n【概况】\n大营镇位于县城东部，总面积86平方千米，辖18个行政村，户籍人口4.2万人。\n"
                     "【农业生产】\n2023年，全镇粮食播种面积8.6万亩，总产量3.9万吨。新建高标准农田1.2万亩。\n"
                     "【工业经济】\n全镇有规模以上工业企业12家，实现产值9.8亿元，比上年增长7.5%。\n")
    assert "总面积86平方千米" in "".join(i["body"] for i in items)


@pytest.mark.parametrize("line", ["（共印30份）", "(共印 30 份)", "共印30份"])
def test_an_issues_print_run_is_never_a_unit(line):
    from bulletin_cli.split.credits import credit_line
    assert credit_line(line)[0] == []
    items = items_of("县医保局开展医保政策宣传活动\n3月11日，县医保局在城区广场开展医保政策集中宣传活动，发放宣传资料2000余份。\n"
                     + line + "\n")
    assert all("共印" not in u for i in items for u in i["units"])


@pytest.mark.parametrize("mark", ["➤", "▪", "※", "♦"])
def test_list_marks_of_any_kind_are_taken_off_the_headlines_they_open(mark):
    items = items_of(f"工作动态\n第3期\n{mark}县住建局推进老旧小区改造\n今年以来，县住建局改造老旧小区12个。（县住建局）\n"
                     f"{mark}县人社局举办春季招聘会\n3月5日，县人社局举办招聘会，提供岗位1200余个。（县人社局）\n")
    assert [i["headline"] for i in items] == ["县住建局推进老旧小区改造", "县人社局举办春季招聘会"]


def test_a_photos_caption_under_an_article_is_no_unit():
    """图为活动现场 under the text is a caption (活动现场 ends in 场, as 农场 does: no unit for that)."""
    items = items_of("大营镇开展“法治进乡村”宣传活动\n2024-07-25 10:21\n" + NEWS + "图为活动现场\n")
    assert [(i["headline"], i["units"]) for i in items] == [("大营镇开展“法治进乡村”宣传活动", [])]
    assert "图为" not in items[0]["body"]


def test_a_bulletin_of_one_story_has_its_storys_headline_and_no_unit_of_the_issue():
    # s05 (衢州): 信 息 简 报 ⏎ 增刊第7期 ⏎ 中共衢州市委办公室 2005年4月27日 ⏎ headline ⏎ text
    items = items_of("信 息 简 报\n增刊第7期\n中共衢州市委办公室 2005年4月27日\n市委书记厉志海对党委信息工作作出重要批示\n"
                     "4月27日,市委书记厉志海对党委信息工作作出重要批示:“这几年全市党委系统信息工作扎实开展,取得明显成效。”\n",
                     layout="article")
    assert [(i["headline"], i["units"]) for i in items] == [("市委书记厉志海对党委信息工作作出重要批示", [])]
    assert (items[0]["doc"]["title"], items[0]["doc"]["issue"]) == ("信息简报", 7)


def test_a_photos_caption_between_stories_is_no_headline():
    """图为… printed twice between two stories: a caption, never run into the next headline."""
    items = items_of("工作动态\n第3期\n县住建局推进老旧小区改造\n今年以来，县住建局改造老旧小区12个，惠及居民1800余户。（县住建局）\n"
                     "图为改造后的东城小区\n图为改造后的东城小区\n县人社局举办春季招聘会\n"
                     "3月5日，县人社局举办招聘会，56家企业提供岗位1200余个。（县人社局）\n")
    assert [i["headline"] for i in items] == ["县住建局推进老旧小区改造", "县人社局举办春季招聘会"]
    assert all("图为" not in i["body"] for i in items)


@pytest.mark.parametrize("line, editor, reviewer", [
    ("责编：张三", "张三", None),
    ("编辑：张三 | 审核：李四 | 监制：王五", "张三", "李四"),
    ("编辑：张三｜校对：赵六", "张三", None),
])
def test_the_editors_line_under_an_article_fills_the_editor_and_reviewer(line, editor, reviewer):
    items = items_of("大营镇开展“法治进乡村”宣传活动\n发布时间：2024-07-25　来源：大营镇\n" + NEWS + line + "\n")
    assert (items[0]["doc"]["editor"], items[0]["doc"]["reviewer"]) == (editor, reviewer)
    assert items[0]["units"] == ["大营镇"] and "编" not in items[0]["body"][-12:]


@pytest.mark.parametrize("facts", ["（来源：大营镇人民政府）", "【来源：大营镇人民政府】【发布时间：2024-07-25】",
                                   "信息来源:灌云县[ ] 浏览次数: [ 打印 ]"])
def test_a_facts_lines_source_ends_at_a_bracket_it_does_not_open(facts):
    """r05 (灌云): 信息来源:灌云县[ ] gave the unit 灌云县[."""
    items = items_of("大营镇开展“法治进乡村”宣传活动\n" + facts + "\n" + NEWS)
    assert items[0]["units"] in (["大营镇人民政府"], ["灌云县"])


def test_a_notice_signed_by_an_office_takes_its_unit_and_date_from_the_signature():
    text = ("关于公开征求《外卖骑手“食安哨兵”小额举报奖励实施方案》意见的通告\n\n来源：平潭综合实验区市场监督管理局 "
            "发布时间：2026-09-03\n\n为深化网络餐饮食品安全社会共治，我局牵头起草了实施方案，现向社会公开征求意见。\n\n"
            "附件：外卖骑手“食安哨兵”小额举报奖励实施方案（征求意见稿）\n\n平潭综合实验区市场监督管理局\n\n2026年9月1日\n")
    items = items_of(text)
    assert [(i["layout"], i["units"]) for i in items] == [("article", ["平潭综合实验区市场监督管理局"])]
    assert (items[0]["doc"]["issuer"], items[0]["doc"]["date"]) == ("平潭综合实验区市场监督管理局", "2026-09-01")


# --- yearbooks and gazetteers ----------------------------------------------------------------

def test_yearbook_entries_are_items_and_an_author_line_is_their_author():
    text = ("您的当前位置:\n\n乡镇政务公开\n\n【乡镇政务公开】 4月份地区成立由地委副书记张进运为组长的地区乡镇政务公开领导小组,"
            "坚持反腐败抓源头。年终,对全区35个乡镇实施政务公开情况进行检查验收。\n                 (郑宝环)\n")
    items = items_of(text, layout="entries")
    assert [(i["layout"], i["headline"], i["units"], i["reporters"]) for i in items] == [
        ("entries", "乡镇政务公开", [], ["郑宝环"])]
    assert items[0]["body"].startswith("4月份地区成立")


def test_gazetteer_titles_in_angle_brackets_head_their_paragraphs():
    text = ("第三章 报纸\n\n第一节 地方报纸\n\n《明水生产简报》\n\n1956年6月，县委成立了《明水县生产简报》编辑部。简报为八开两版。\n\n"
            "《明水日报》\n\n1959年元旦，县委决定将《明水生产报》改为《明水日报》。报纸为八开两版周六刊。\n")
    items = items_of(text)
    assert [(i["section"], i["headline"]) for i in items] == [("第一节 地方报纸", "《明水生产简报》"),
                                                              ("第一节 地方报纸", "《明水日报》")]


# --- outlines --------------------------------------------------------------------------------

def test_headings_run_into_their_text_are_cut_where_the_text_starts():
    text = ("平潭综合实验区旅游与文化体育局2022年工作总结暨2023年工作思路\n\n"
            "一、2022年旅游文体工作总结2022年，区旅游文体局坚持以习近平新时代中国特色社会主义思想为指导，加快推动文旅项目建设。"
            "（一）重点项目有序开展。2022年全区涉旅重点项目64个。二、2023年旅游文体工作思路（一）实施“龙头项目建设年”行动，"
            "做实重点项目全力推动海峡梦之城、国际汽车文体科创园建设。（二）实施“品质攻坚深化年”行动，"
            "做优旅游品质建立“区主要领导月调度、分管领导周协调”工作机制，在今年7项攻坚任务基础上，谋划新一轮攻坚行动。\n")
    items = [i for i in items_of(text) if i["number"]]
    assert [(i["number"], i["headline"]) for i in items] == [
        ("一、", "2022年旅游文体工作总结"), ("（一）", "重点项目有序开展"), ("二、", "2023年旅游文体工作思路"),
        ("（一）", "实施“龙头项目建设年”行动，做实重点项目"), ("（二）", "实施“品质攻坚深化年”行动，做优旅游品质")]
    assert items[0]["doc"]["issuer"] == "平潭综合实验区旅游与文化体育局"


def test_a_clause_with_no_heading_of_its_own_is_all_body():
    text = ("工作制度\n\n一、岗位责任制度\n\n(一)岗位责任制是本办落实依法行政,依法履行职责,转变机关作风,提高办事效率的基本制度。\n\n"
            "(二)本办各股(室)要按照“三定”方案确定的职责，明确每个岗位的职责。\n\n二、首问负责制度\n\n"
            "首问负责制按照“谁为第一接待人，谁负责认真接待”的原则实行。\n")
    items = items_of(text)
    first = next(i for i in items if i["number"] == "（一）")
    assert first["headline"] is None and first["body"].startswith("岗位责任制是本办落实依法行政")


def test_a_summary_flattened_onto_one_line_is_still_an_outline():
    text = ("2023年某县林长制上半年工作总结和下半年工作打算\n标签: #工作总结\n"
            "2023年上半年,以林长制为抓手,全力推进林业高质量发展。一、上半年工作开展情况(一)高举“林长利剑”,绿色责任全面压实。"
            "聚焦全民化生态责任,构建齐抓共管格局。一是党政同责抓林长。县乡党委、政府坚决扛起生态文明建设政治责任。")
    items = items_of(text)
    assert items[0]["doc"]["title"] == "2023年某县林长制上半年工作总结和下半年工作打算"
    assert [(i["number"], i["headline"]) for i in items if i["number"]] == [
        ("一、", "上半年工作开展情况"), ("（一）", "高举“林长利剑”，绿色责任全面压实"), ("一是", "党政同责抓林长")]



#: A yearbook's editorial guide as a document-sharing site shows a .doc: its file name, its page
#: count, then the whole text on one line, the list glued to the words before it (r18, shortened).
SHARED_DOC = (
    "张北年鉴乡镇编纂提纲.doc\n"
    "4页《张北年鉴》(2007—2010)乡镇部分编纂提纲《张北年鉴》进入编纂、审稿阶段后,通过审阅部分乡镇报送的稿件,存在一些问题,"
    "因此特对乡镇年鉴的撰写进行规范,制定本编纂提纲,以供参考概况主要内容1、乡(镇)辖行政村个数2、总面积(平方千米)、耕地、"
    "林地、草地面积(公顷)3、总人口(万人)及人口自然增长率4、平均海拔、年均气温、年均降水量二、条目要求条目中避免出现"
    "“经过我单位………艰苦奋战”等报告性语言;要直抒其事,做到语言简练、数据准确。\n"
    "范文XX乡(镇)【概况】 XX乡(镇)位于张北县XX部,乡(镇)政府驻地XX村,辖XX个行政村。\n")


def test_a_list_glued_to_the_words_before_it_is_an_outline_and_every_point_is_found():
    doc = normalise_bytes(SHARED_DOC.encode("utf-8"), "x.txt")
    items = split_document(doc, layout="outline")
    assert [(i["number"], i["headline"]) for i in items if i["number"]] == [
        ("1、", "乡（镇）辖行政村个数"), ("2、", "总面积（平方千米）、耕地、林地、草地面积（公顷）"),
        ("3、", "总人口（万人）及人口自然增长率"), ("4、", "平均海拔、年均气温、年均降水量"),
        ("二、", "条目要求")]  # 要求 ends a heading that runs into its text
    assert items[-2]["body"].startswith("条目中避免出现")


def test_an_entry_under_a_heading_on_its_line_in_an_outline_is_an_item_named_by_the_entry():
    last = items_of(SHARED_DOC, layout="outline")[-1]
    assert (last["section"], last["headline"]) == ("范文XX乡（镇）", "概况")
    assert last["body"].startswith("XX乡（镇）位于张北县")


@pytest.mark.parametrize("text", ["按第1、2、3条办理，共1、2年。", "一、总体要求。1.坚持问题导向。2.坚持系统观念。3.坚持守正创新。"])
def test_numbers_in_a_sentence_or_at_stops_are_no_run_on_list(text):
    from bulletin_cli.split.outline import run_on_chains
    assert run_on_chains(text) == set()


def test_a_sharing_sites_collection_heading_is_chrome_and_not_joined_to_the_title():
    text = ("罗定市人民政府网(精选9篇)\n工作制度\n为搞好本办机关效能建设,规范行政行为,制定以下工作制度。\n"
            "一、岗位责任制度\n(一)岗位责任制是本办落实依法行政的根本措施。\n二、首问负责制度\n(一)首问责任人要热情接待。\n")
    assert items_of(text)[0]["doc"]["title"] == "工作制度"


def test_a_title_repeated_under_its_facts_with_the_mask_the_page_dropped_is_the_documents():
    text = ("在县第十八届人民代表大会第三次会议上的政府工作报告\n\n发表时间:2023/12/21 18:29:50\n\n"
            "在**县第十八届人民代表大会第三次会议上的政府工作报告\n\n各位代表:\n"
            "现在,我代表县人民政府向大会报告工作,请予审议。\n\n一、2023年工作回顾\n\n今年是全面贯彻党的二十大精神的开局之年。\n\n"
            "二、2024年工作安排\n\n2024年是实现“十四五”规划目标任务的关键一年。\n")
    items = items_of(text, layout="outline")
    assert items[0]["doc"]["title"] == "在**县第十八届人民代表大会第三次会议上的政府工作报告"
    # the greeting is neither an item nor the offices a document is sent to (lexicon salutations)
    assert items[0]["doc"]["distribution"] is None and all("各位代表" not in (i["headline"] or "") for i in items)
    assert all(i["headline"] != items[0]["doc"]["title"] and not i["body"].startswith("在**县") for i in items)


def test_a_pages_attached_file_is_no_body():
    text = ("2019年县政府工作报告三季度完成情况通报\n\n时间:2019-10-16 10:41  信息来源:灌云县[ ] 浏览次数: [ 打印 ] [ 关闭 ]\n\n"
            "按照县政府《关于印发2019年《政府工作报告》重点任务分解落实方案的通知》文件精神要求,县政府督查室进行了专项督查。\n\n"
            "下一步,各园区、各乡镇要严格按照各项目标任务,倒排时间节点。\n\n"
            "10.16  第 八 期 2019年县政府工作报告三季度完成情况.docx\n\n\n版权所有:灌云县人民政府 灌云县人民政府办公室主办\n"
            "备案号:苏ICP备06034732号 网站标识码:3207230037\n地址:江苏省灌云县幸\n")
    items = items_of(text)
    assert len(items) == 1 and items[0]["doc"]["date"] == "2019-10-16"
    assert items[0]["body"].endswith("倒排时间节点。")  # the file's link and the page's address are not the text


CRAWLED_NOTICE = (
    "标题: 区公安局2023年第四季度易制毒化学品企事业“双随机”抽查情况\n发布时间: 2023-12-19 08:51\n发布机构: 区公安局\n"
    "栏目: 工作进展情况\n==================== 正文 ====================\n"
    "2023年12月15日，区公安局严格按照“双随机”抽查工作要求，对随机抽取的5家企事业进行检查，检查情况详见附件。"
    "检查人员：朱治强、吴梦希附件：区公安局2023年第四季度易制毒化学品企事业“双随机”抽查情况表平潭综合实验区公安局 2022年12月18日")


def test_a_signature_run_onto_the_attachment_line_is_the_notices_unit():
    item = items_of(CRAWLED_NOTICE)[0]
    assert item["units"] == ["平潭综合实验区公安局"] and item["doc"]["issuer"] == "平潭综合实验区公安局"
    assert item["body"].endswith("抽查情况表")


def test_a_signature_gives_the_date_over_the_sites_posting_date():
    """The date a notice is signed is its own, over the day the site posted it (a signature a year
    before the posting, to the week, is the office's typo: read as printed, a rule for one document
    no more)."""
    assert items_of(CRAWLED_NOTICE)[0]["doc"]["date"] == "2022-12-18"


def test_the_clauses_of_a_body_of_rules_are_provisions_not_headings():
    text = ("工作制度\n\n为搞好本办机关效能建设，规范行政行为，制定以下工作制度。\n\n一、岗位责任制度\n\n"
            "（一）岗位责任制是本办落实依法行政的根本措施，是本办工作人员绩效考评的主要依据。\n\n"
            "（二）当某一岗位责任人因事离岗，其职责必须有人代替履行，不能因为责任人离岗而使工作停止。\n\n"
            "（三）本办工作人员履行岗位责任制情况作为其年终考核的主要内容。\n\n二、首问负责制度\n\n"
            "（一）首问责任人对前来办事的人员要做到热情礼貌接待。\n\n（二）工作纪律。首问责任人不得推诿。\n")
    items = [(i["number"], i["headline"], i["body"][:8]) for i in items_of(text) if i["number"]]
    assert items == [("一、", "岗位责任制度", ""), ("（一）", None, "岗位责任制是本办"), ("（二）", None, "当某一岗位责任人"),
                     ("（三）", None, "本办工作人员履行"), ("二、", "首问负责制度", ""), ("（一）", None, "首问责任人对前来"),
                     ("（二）", "工作纪律", "首问责任人不得推")]  # a short heading before its stop stays one


# --- texts whose every line break was lost --------------------------------------------------

def test_a_page_run_onto_one_line_after_its_breadcrumb_is_not_dropped_as_chrome():
    text = ("您的位置:新文秘网>>换届/政务讲话/政府报告/>>正文在县第十八届人民代表大会第三次会议上的政府工作报告"
            "发表时间:2023/12/21 18:29:50各位代表:现在,我代表县人民政府向大会报告工作,请予审议。一、2023年工作回顾"
            "今年是全面贯彻党的二十大精神的开局之年。一年来,我们坚持稳中求进工作总基调。二、2024年工作安排2024年是关键一年。")
    items = items_of(text)
    assert items and "今年是全面贯彻党的二十大精神的开局之年" in "".join(i["body"] for i in items)


def test_a_short_chrome_line_beside_the_text_is_still_chrome():
    text = "首页 政务公开 工作动态\n\n县住建局开展危房核查 摸清底数。今年以来，县住建局组织人员逐户核查。各乡镇配合。\n"
    assert all("政务公开" not in (i["body"] + (i["headline"] or "")) for i in items_of(text))


def test_a_summary_whose_breaks_were_all_lost_is_an_outline_of_its_points():
    points = "".join(f"{n}、重点工作{w}推进。全县围绕目标任务，强化调度，完成投资{n}亿元，各项工作取得新进展，群众满意度持续提升。"
                     for n, w in zip(range(1, 6), "一二三四五"))
    text = "一、上半年工作总结" + points * 2 + "二、下半年工作打算" + points * 2
    items = items_of(text, layout="outline")
    assert [i["number"] for i in items if i["level"] == 1] == ["一、", "二、"]
    assert sum(1 for i in items if i["number"] == "3、") == 4


#: A bulletin's paragraphs, to be run onto one line (its masthead's parts apart).
FLATTENED_BULLETIN = (
    "延津政务快报", "第 43 期", "延津县人民政府办公室", "2023 年 9 月 22 日", "【项目建设】",
    "县开发区全力推进“60·80”项目建设助力化工产业提质增效 牢固树立“项目为王”理念，成立项目工作专班。目前，该项目进入安装高峰。（开发区）",
    "【民生保障】", "县住建局危房改造惠民生实现群众“安居”梦 开展农村低收入群体住房核查工作。共核查2000户。（住建局）",
    "县交通运输局多管齐下做好民生服务工作 以整治非法经营为重点，开展专项行动。查处违规车辆12台。{credit}",
    "本期发：县委常委，县人大的正副主任，副县长。", "责任编辑：李勉 审核：原超俊 签发：麻彦伟")


@pytest.mark.parametrize("joiner, credit, unit", [
    (" ", "（交通运输局）", "交通运输局"),       # a crawler's join: a space where each break was
    ("", "【县交通运输局】", "县交通运输局"),     # no break at all; a credit in 【】 stays with its item
])
def test_a_bulletin_run_onto_one_line_keeps_masthead_sections_credits_and_footer(joiner, credit, unit):
    text = joiner.join(FLATTENED_BULLETIN).format(credit=credit)
    doc = normalise_bytes(text.encode("utf-8"), "x.txt")  # the masthead, the items and the footer lines come apart:
    items = split_document(doc, layout="bulletin", roles="masthead section section item footer footer footer footer".split())
    assert [(i["section"], i["units"]) for i in items] == [("项目建设", ["开发区"]), ("民生保障", ["住建局"]),
                                                          ("民生保障", [unit])]
    doc = items[0]["doc"]
    assert (doc["title"], doc["issue"], doc["issuer"], doc["date"], doc["editor"], doc["signer"]) == (
        "延津政务快报", 43, "延津县人民政府办公室", "2023-09-22", "李勉", "麻彦伟")
    assert doc["distribution"].startswith("县委常委")


@pytest.mark.parametrize("text, title, date, source, starts", [
    ("当前位置:首页 政府副县长苏晓艳召开乡村振兴示范片区重点项目建设推进会 时间:2022-04-01 10:19:56 3月31日下午,政府副县长"
     "苏晓艳在县委第三会议室召开推进会,对重点项目实施进行安排部署。 苏晓艳指出,有关部门和乡镇要抢抓时机,加快示范片区建设进度。"
     " (政府办综合六科)", "政府副县长苏晓艳召开乡村振兴示范片区重点项目建设推进会", "2022-04-01", None, "3月31日下午"),
    ("2019年县政府工作报告三季度完成情况通报 时间:2019-10-16 10:41 信息来源:灌云县[ ] 浏览次数: [ 打印 ] [ 关闭 ] [ 收藏 ] "
     "按照县政府文件精神要求,县政府督查室对目标任务三季度完成情况进行了专项督查,现将相关情况予以通报。 从督查情况看,"
     "大多数责任单位对分解的目标任务均能高度重视。", "2019年县政府工作报告三季度完成情况通报", "2019-10-16", "灌云县", "按照县政府"),
])
def test_a_pages_top_run_onto_one_line_gives_title_facts_and_text(text, title, date, source, starts):
    item = items_of(text)[0]
    assert (item["headline"], item["doc"]["title"], item["doc"]["date"]) == (title, title, date)
    assert item["body"].startswith(starts)
    if source:
        assert item["doc"]["issuer"] == source


def test_a_share_bar_opening_a_run_together_page_is_chrome():
    text = ("分享至: 1月26日,从省委农村工作会议上传来喜讯,我县荣获省2021年度乡村振兴战略实绩考核县级进位第一等次。 "
            "2021年,我县认真贯彻关于“三农”工作的重要论述,乡村振兴工作取得较好成绩。 加快富民强村,巩固脱贫成果,促进共同富裕。 县农业农村局")
    item = items_of(text)[0]
    assert item["body"].startswith("1月26日") and item["units"] == ["县农业农村局"]


def test_a_credited_article_run_onto_one_line_keeps_its_title_its_clauses_and_its_unit():
    text = ("临澧县委办强化督查审批 增强督查效能 为进一步规范和加强全县督查工作,临澧县委办强化督查审批,增强督查效能。 "
            "1、严格实行督查审批。县直单位组织开展的全县性督查活动,必须制定督查方案。 "
            "2、统筹安排督查活动。县委督查室对全县性督查活动进行统筹安排,防止督查过多过滥。 供稿:临澧县委办公室")
    items = items_of(text)
    assert [(i["layout"], i["headline"], i["units"]) for i in items] == [
        ("article", "临澧县委办强化督查审批 增强督查效能", ["临澧县委办公室"])]  # its two clauses in its body
    assert items[0]["body"].startswith("为进一步规范") and "2、统筹安排督查活动" in items[0]["body"]


def test_a_units_label_run_in_after_a_space_opens_no_section():
    from bulletin_cli.split.bulletin import _section_run_in
    from bulletin_cli.split.common import Para
    assert _section_run_in(Para(0, 30, "【县住建局】 扎实推进老旧小区改造 今年以来，完成改造12个。")) is None
    assert _section_run_in(Para(0, 30, "【成文日期】 2019-12-31")) is None
    found = _section_run_in(Para(0, 40, "【民生保障】 县住建局扎实推进老旧小区改造 今年以来，完成改造12个。"))
    assert found is not None and found[0] == "民生保障" and found[1].text.startswith("县住建局")


#: A county site's page as html2text saves it (shortened from pingtan_15 so saved): the site's
#: navigation as lists of links, the breadcrumb, title, time line, share bar, the text with its
#: pictures, the source line, then related links and the footer.
MARKDOWN_PAGE = "\n\n".join([
    "![](/images/gh_logo.png) [![](/images/site_logo.png)](/)",
    "[国务院](https://www.gov.cn/ \"国务院\") [省政府](https://www.fujian.gov.cn/ \"省政府\")",
    "\n".join(f"  * [{w}](/{k}/ \"{w}\")" for k, w in enumerate(["首页", "政务公开", "解读回应", "办事服务", "互动交流"])),
    "\n".join(f"[{w}](/zwgk/{k}/ \"{w}\")" for k, w in enumerate(["政府信息公开", "领导之窗", "政府机构", "要闻", "政府会议"])),
    "__当前位置：",
    "  * [首页](../../../../ \"首页\")\n  * [政务公开](../../../ \"政务公开\")\n  * [稳岗就业](../ \"稳岗就业\")",
    "福建省首个两岸就业创业村居服务站揭牌",
    "时间：2021-11-11 15:03",
    "__________ __",
    "[__微信](javascript:void\\(0\\); \"分享到微信\") [__微博](javascript:void\\(0\\); \"分享到新浪微博\")",
    "11月11日上午，我省首个两岸就业创业村居服务站在君山片区大坪村村部揭牌，区社会事业局副局长程义明致辞并为服务站揭牌。"
    "[![](/upload/2021/11/11/a_s.jpg)](/upload/2021/11/11/a.jpg)",
    "服务站以政府购买就业创业服务为引导，依托村居现有村级劳动保障队伍，打造农业农村领域版的创业孵化基地。",
    "来源：平潭综合实验区社会事业局",
    "__附件下载",
    "扫一扫在手机上查看当前页面",
    "相关链接",
    "\n".join(f"    * [{w}](http://www.{k}.gov.cn/ \"{w}\")" for k, w in enumerate(["福建省人民政府", "福州市政府网站", "厦门市政府网站"])),
    "[使用帮助](/sybz/ \"使用帮助\") _|_\n[联系我们](/lxwm/ \"联系我们\") _|_",
    "版权所有：平潭综合实验区党工委管委会网站",
])


def test_a_page_saved_as_markdown_is_its_article():
    items = items_of(MARKDOWN_PAGE, "page.md")
    assert [(i["layout"], i["headline"], i["units"]) for i in items] == [
        ("article", "福建省首个两岸就业创业村居服务站揭牌", ["平潭综合实验区社会事业局"])]
    assert items[0]["body"].startswith("11月11日上午") and "](" not in items[0]["body"]
    assert (items[0]["doc"]["date"], items[0]["doc"]["issuer"]) == ("2021-11-11", "平潭综合实验区社会事业局")


def test_a_reader_services_header_over_a_markdown_page_gives_title_and_date():
    text = ("Title: 福建省首个两岸就业创业村居服务站揭牌\n\nURL Source: https://www.pingtan.gov.cn/zwgk/t20211111_1.htm\n\n"
            "Published Time: 2021-11-11T15:03:00+08:00\n\nMarkdown Content:\n"
            + MARKDOWN_PAGE.replace("福建省首个两岸就业创业村居服务站揭牌\n\n时间：2021-11-11 15:03\n\n", ""))
    items = items_of(text, "page.md")
    assert [(i["headline"], i["doc"]["date"]) for i in items] == [("福建省首个两岸就业创业村居服务站揭牌", "2021-11-11")]
    assert items[0]["body"].startswith("11月11日上午")


def test_a_sites_source_line_under_a_signature_is_not_the_notices_credit():
    text = ("平潭县粮油工业公司房屋公开招租的通告\n\n时间：2013-06-21 10:40\n\n"
            "平潭县粮油工业公司将位于城关东大街的房屋进行公开招租。现将有关事项通告如下：\n\n"
            "一、报名条件：本次招租仅限于企业法人参加。\n\n二、该场所出租用于写字楼，租期9年11个月。\n\n"
            "平潭县粮油工业公司\n\n2013年6月21日\n\n来源：中国平潭\n\n附件下载\n\n扫一扫在手机上查看当前页面\n")
    item = items_of(text)[0]
    assert item["units"] == ["平潭县粮油工业公司"]
    assert (item["doc"]["issuer"], item["doc"]["date"]) == ("平潭县粮油工业公司", "2013-06-21")


def test_a_markdown_pages_soft_wraps_are_the_spaces_they_stood_for():
    """html2text wraps where the page had white space: a clause cut after a bold 一要 goes on (no
    headline on its own line), and a brief's headline keeps the space before its text."""
    page = MARKDOWN_PAGE.replace(
        "服务站以政府购买就业创业服务为引导，依托村居现有村级劳动保障队伍，打造农业农村领域版的创业孵化基地。",
        "最后，程义明副局长作总结讲话并强调：**一要**\n加强领导，提高认识。各单位要切实加强组织领导，强化责任落实。")
    items = items_of(page, "page.md")
    assert len(items) == 1 and "强调：一要 加强领导" in items[0]["body"]


def test_markdown_links_keep_their_text_and_pictures_go_in_any_text():
    text, changes = normalise_text("按照[县住建局](http://x.gov.cn/a \"通知\")要求开展核查![](/upload/a.png)。\n")
    assert text == "按照县住建局要求开展核查。\n" and changes.counts["markdown_links"] == 2


@pytest.mark.parametrize("line, want", [
    ("**〔 201****9****〕第****3****期******", "〔 2019〕第3期"),   # a bold line written in pieces
    ("**县****局开展工作**", "**县****局开展工作**"),               # once: a redaction may be inside
])
def test_a_line_set_bold_in_pieces_is_written_whole(line, want):
    assert normalise_text(line + "\n")[0] == want + "\n"


def test_a_title_repeated_atop_the_text_on_centred_lines_is_not_text():
    text = ("区卫计局联合区卫生监督所共同推进平潭医疗机构2018年“双随机一公开”督查工作\n\n时间：2019-01-04 11:24\n\n"
            "区卫计局联合区卫生监督所共同推进\n\n平潭医疗机构2018年“双随机一公开”\n\n督查工作\n\n"
            "通过建立区卫计局行政执法人员名录库和检查对象名录库，随机抽查事项清单。\n\n"
            "2018年12月17日起，我局联合区卫生监督所共同对全区医疗机构开展督查。\n\n平潭综合实验区卫生和计划生育局\n\n2019年1月4日\n")
    item = items_of(text)[0]
    assert item["headline"].startswith("区卫计局联合") and item["body"].startswith("通过建立")


def test_a_markdown_document_with_a_few_links_is_not_taken_for_a_page():
    from bulletin_cli.normalise.mdpage import is_markdown_page
    text = "# 工作动态\n\n县住建局推进老旧小区改造 今年以来，改造小区12个（[详见](http://x.gov.cn/a)）。\n"
    assert not is_markdown_page(text) and is_markdown_page(MARKDOWN_PAGE)

# --- bulletins posted on a site ------------------------------------------------------------

BULLETIN_PAGE = """平潭卫计局工作简报201903期

来源：平潭综合实验区卫生与计划生育局 发布时间：2019-02-15

〔2019〕第3期

民生补短板

我区召开民生社会事业工作

暨“保障民生补齐短板工程”动员部署会

2月19日上午，我区召开民生社会事业工作暨“保障民生补齐短板工程”动员部署会。（局综合处）

工作动态

我局对区中医院开展2018年度评价工作

2月20日，由局党组成员、副局长王江波带队，对区中医院开展2018年度评价工作。（局安办）

我局联合区疾控中心开展

全区预防接种专项督查

近期，我局相关工作人员和区疾控中心专业人员组成督导小组开展专项工作督查。（局公卫处）

岚简报016号

分送：区党工委、管委会办公室。

平潭综合实验区卫生和计划生育局综合处        2019年2月15日印发
"""


#: The roles of BULLETIN_PAGE's paragraphs, as labelled: its sections, headlines on two lines and footer.
BULLETIN_PAGE_ROLES = ["title", "facts", "masthead", "section", "headline", "headline", "body", "section", "headline",
                       "body", "headline", "headline", "body", "footer", "footer", "footer"]


def test_a_bulletin_page_with_plain_sections_and_headlines_on_two_lines():
    items = split_document(normalise_bytes(BULLETIN_PAGE.encode("utf-8")), layout="bulletin", roles=BULLETIN_PAGE_ROLES)
    assert [(i["section"], i["headline"], i["units"]) for i in items] == [
        ("民生补短板", "我区召开民生社会事业工作暨“保障民生补齐短板工程”动员部署会", ["局综合处"]),
        ("工作动态", "我局对区中医院开展2018年度评价工作", ["局安办"]),
        ("工作动态", "我局联合区疾控中心开展全区预防接种专项督查", ["局公卫处"])]
    doc = items[0]["doc"]
    assert (doc["title"], doc["issue"], doc["date"]) == ("平潭卫计局工作简报201903期", 3, "2019-02-15")
    assert doc["issuer"] == "平潭综合实验区卫生和计划生育局综合处"  # the printing office, not the site's source
    assert doc["distribution"].startswith("区党工委")


def test_the_same_bulletin_with_every_break_lost():
    """A crawl of the same page: sections, headlines and texts run together on one line."""
    text = ("标题: 平潭卫计局工作简报201903期\n发布时间: 2019-02-15 09:53\n发布机构: 平潭综合实验区卫生与计划生育局\n"
            "==================== 正文 ====================\n"
            "〔2019〕第3期 民生补短板我区召开民生社会事业工作暨“保障民生补齐短板工程”动员部署会2月19日上午，我区召开民生社会事业"
            "工作动员部署会。会议由区党工委办公室副主任主持。（局综合处） 工作动态省级督查小组来岚开展预防接种工作督查2月20日-21日，"
            "省预防接种工作督导小组深入区医院开展督察。（公卫处） 我局对区中医院开展2018年度评价工作2月20日，由局党组"
            "成员带队，对区中医院开展2018年度评价工作。（局安办） 简讯热血送暖，为生命接力 2月25日，我局组织全区干部职工开展无偿献血活动。"
            "（医政处）欢度元宵 元宵节来临之际，区疾控中心开展猜灯谜等传统活动。（综合处） 岚简报016号分送：区党工委、管委会办公室。")
    items = items_of(text)
    assert [(i["section"], i["headline"], i["units"]) for i in items] == [
        ("民生补短板", "我区召开民生社会事业工作暨“保障民生补齐短板工程”动员部署会", ["局综合处"]),
        ("工作动态", "省级督查小组来岚开展预防接种工作督查", ["公卫处"]),  # a generic section's name run in
        ("工作动态", "我局对区中医院开展2018年度评价工作", ["局安办"]),
        ("简讯", "热血送暖，为生命接力", ["医政处"]),  # 简讯 run into the headline: a section that opens none
        ("简讯", "欢度元宵", ["综合处"])]  # run on after the last credit with no space: a new item
    assert items[0]["body"].startswith("2月19日上午")


@pytest.mark.parametrize("headline", ["聚焦民生实事推进项目建设", "信息化建设助力政务服务提速", "要闻、动态与通知一览表"])
def test_a_headline_that_opens_with_a_news_word_keeps_it(headline):
    from bulletin_cli.lexicon.patterns import P
    assert P.GENERIC_SECTION_PREFIX.match(headline) is None


def test_layouts_show_every_score_the_evidence_and_each_paragraphs_role():
    parsed = analyse(normalise_text(BULLETIN_PAGE)[0])
    how, why = parsed.reason
    assert parsed.layout == "bulletin" and how == "scores"
    assert set(why["scores"]) == {"article", "bulletin", "outline", "entries", "digest"}
    assert why["scores"]["bulletin"] == max(why["scores"].values())
    assert why["evidence"] and all(weight > 0 for _f, weight in why["evidence"])
    roles = why["read"]
    assert len(roles) == 16 and roles[3] == "section" and roles.count("headline") >= 3


# --- the development set as a whole ----------------------------------------------------------

@pytest.mark.skipif(not (REAL.is_dir() and SCORE.is_file()), reason="needs ../shared/corpus/real and ../shared/tools/score.py")
def test_the_development_set_scores_above_its_floor():
    """Floors a little under this session's measurement with the shipped model, which was fitted
    on these documents (in sample: item F1 0.948, units 0.960, fields 0.941; leave one site out,
    the development number, is in docs/forms.md and benchmarks/loso.py): a change that loses ground
    on real documents from other places fails here."""
    files = sorted(map(str, REAL.glob("[rs][0-9]*.txt"))) + sorted(map(str, REAL.glob("pingtan_*")))
    cmd = f"{sys.executable} -m bulletin_cli split --format jsonl"
    out = subprocess.run([sys.executable, str(SCORE), "--batch", "--gold", str(REAL.parent / "real-gold"), "--cmd", cmd,
                          *files], capture_output=True, text=True, check=True).stdout.strip().splitlines()[-1]
    score = dict(part.split("=") for part in out.split()[1:])
    assert float(score["item_f1"]) >= 0.93, out
    assert float(score["units"]) >= 0.93, out
    assert float(score["fields"]) >= 0.92, out
    json.dumps(score)


# --- tag on these documents ----------------------------------------------------------------

@pytest.mark.parametrize("body, want, not_want", [
    ("促使督查工作更好地服务临澧县经济社会发展大局。", [], ["县经济社会发展大局"]),  # 大局: the overall situation
    ("请各乡镇、县直有关单位在剩下的半年时间里进一步细化工作措施。", [], ["请各乡"]),
    ("县乡党委、政府坚决扛起生态文明建设政治责任。", [], ["县乡党委"]),  # 县乡: county and townships
    ("县安委会与各乡镇签订了目标责任书。", ["县安委会"], ["县安委"]),
    ("近日,集义乡组织各村集中清理。创城工作开展以来,徐沟镇积极行动。", ["集义乡", "徐沟镇"], []),
    ("县政府办、水利局、林果服务中心、财政局、行政审批局参加会议。县总工会开展活动。",
     ["水利局", "财政局", "行政审批局", "县总工会"], []),
    ("确保城乡环境整洁，压实乡镇责任，审核镇级维修项目。", [], ["确保城乡", "压实乡镇", "审核镇"]),
])
def test_units_named_in_real_bodies(body, want, not_want):
    from bulletin_cli.lexicon import load_config
    from bulletin_cli.tag import tag_item

    names = [u["name"] for u in tag_item({"headline": None, "body": body, "units": []}, load_config())["units"]]
    assert all(w in names for w in want), names
    assert not any(n in names for n in not_want), names


@pytest.mark.parametrize("body, texts, change", [
    ("由县卫健局负责的第17、18件确定事项进展滞后。", [], None),  # ordinals, not 18 件
    ("深入实施省、市“稳增长20条”，打好“发展六仗”。", ["20条"], None),  # a policy's name, no increase
    ("全县地区生产总值同比增长6.3%。", ["6.3%"], "increase"),
])
def test_ordinals_and_policy_names_are_no_quantities_or_changes(body, texts, change):
    from bulletin_cli.tag.figures import find_figures

    found = find_figures(body)
    assert [f["text"] for f in found] == texts
    assert all(f["change"] == change for f in found)


def test_an_epaper_page_header_is_not_joined_to_the_column_title_under_it():
    """A2:综合*新闻总第3307期 >2018-09-14编印 is the page's header (an issue, a date), not the first
    half of a title wrapped onto two lines: 创城动态 stays the title."""
    text = ("A2:综合*新闻总第3307期 >2018-09-14编印\n\n创城动态\n刊发日期:2018-09-14 阅读次数: 作者:本通\n"
            "  西谷村以“创新活力、悦动西谷”为主题,开展了群众文化汇演活动。\n  近日,集义乡组织各村集中清理乱堆乱放。\n")
    doc = items_of(text)[0]["doc"]
    assert (doc["title"], doc["issue"], doc["date"]) == ("创城动态", 3307, "2018-09-14")


def test_a_generic_section_name_over_run_in_items_and_a_two_phrase_headline_glued_to_its_dateline():
    text = BULLETIN_PAGE.replace("岚简报016号", "简讯\n\n热血送暖，为生命接力2月25日，我局组织全区医疗卫生单位干部职工开展无偿献血活动。（医政处）"
                                           "\n\n欢度元宵 元宵节来临之际，区疾控中心开展猜灯谜等传统活动。（综合处）\n\n岚简报016号")
    roles = BULLETIN_PAGE_ROLES[:13] + ["section", "item", "item"] + BULLETIN_PAGE_ROLES[13:]
    items = split_document(normalise_bytes(text.encode("utf-8")), layout="bulletin", roles=roles)
    assert [(i["section"], i["headline"], i["units"]) for i in items[-2:]] == [
        ("简讯", "热血送暖，为生命接力", ["医政处"]), ("简讯", "欢度元宵", ["综合处"])]
    assert items[-2]["body"].startswith("2月25日，我局组织")


def test_a_yearbook_pages_facts_give_the_book_and_the_date():
    text = ("|\n|||\n【作者】中山年鉴编纂委员会 【文章来源】《中山年鉴•2020》 【成文日期】2019-12-31 【点击率】1322次 | |||\n"
            "【民众镇概况】 民众镇位于中山市东北部,毗邻广州市南沙区。总面积121.87平方千米。\n"
            "【民众镇经济发展】 2019年,民众镇实现地区生产总值65.14亿元,比上年下降1%。\n")
    items = items_of(text)
    assert [i["headline"] for i in items] == ["民众镇概况", "民众镇经济发展"]
    assert (items[0]["doc"]["title"], items[0]["doc"]["date"]) == ("中山年鉴•2020", "2019-12-31")


@pytest.mark.parametrize("text, heading", [
    ("深层次深化改革提升深入实施国企改革深化提升行动，细化形成72项具体举措，目前已完成78%改革主体任务", "深层次深化改革提升"),
    ("安全生产专项整治三年行动工作开展情况持续深入开展全旗安全生产专项整治三年行动集中攻坚行动，认真对照任务清单", "安全生产专项整治三年行动工作开展情况"),
])
def test_a_heading_run_into_its_text_ends_at_the_earliest_sign(text, heading):
    from bulletin_cli.split.outline import run_on_heading

    assert text[:run_on_heading(text)] == heading


@pytest.mark.parametrize("text, heading", [
    ("2023年工作回顾今年是全面贯彻党的二十大精神的开局之年", "2023年工作回顾"),   # a short heading, its text run on
    ("存在问题及原因", None),                                               # 及 opens no text
    ("主要做法和成效", None),
])
def test_a_short_heading_runs_into_its_text_only_where_a_text_opens(text, heading):
    from bulletin_cli.split.outline import ending_then_opener

    cut = ending_then_opener(text)
    assert (text[:cut] if cut else None) == heading


def test_fake_bold_headings_extracted_twice_are_written_once():
    # a yearbook guide's title and sample heading as a .doc-to-PDF extraction gave them
    text = ("4页《 《张张北年北年鉴鉴》 》( (2007—2010) )乡镇乡镇部分部分编编纂提纂提纲纲《张北年鉴》进入编纂、审稿阶段后，"
            "通过审阅部分乡镇报送的稿件。\n范范 文文XX 乡乡( (镇镇) )【 【概况概况】 】 XX 乡(镇)位于张北县XX部。\n")
    out, changes = normalise_text(text)
    assert out.startswith("4页《张北年鉴》（2007—2010）乡镇部分编纂提纲《张北年鉴》进入编纂、审稿阶段后，")
    assert "范文XX乡（镇）【概况】 XX乡（镇）位于张北县XX部。" in out
    assert changes.counts["doubled_glyphs"] == 2


def test_reduplicated_words_of_ordinary_prose_are_left_alone():
    text = "群众常常反映（ （问题）），要研究研究，看看谢谢。\n"
    assert normalise_text(text)[0].startswith("群众常常反映") and "研究研究" in normalise_text(text)[0]


@pytest.mark.parametrize("line", [
    "街道变得干干净净整整齐齐。",                     # AABB words in a sentence (issue 20.1)
    "大家认认真真踏踏实实抓落实，高高兴兴过大年。",
    "平平安安高高兴兴过大年",                         # a heading opening with them
    "干干净净整整齐齐",                               # a line of two of them: nothing shows it doubled
    "期期期期期期期期",                               # a run of one character
    "县县住住建建局局期期期期期期",
], ids=["aabb-in-sentence", "aabb-chained", "aabb-heading", "aabb-whole-line", "run-of-one", "run-after-pairs"])
def test_reduplicated_words_and_runs_of_one_character_are_kept(line):
    out, changes = normalise_text(line + "\n")
    assert line in out and "doubled_glyphs" not in changes.counts


def test_a_doubled_heading_after_reduplicated_words_undoes_the_heading_only():
    out, changes = normalise_text("街道变得干干净净整整齐齐【 【概况概况】 】 全镇辖12个行政村。\n")
    assert out.startswith("街道变得干干净净整整齐齐【概况】") and changes.counts["doubled_glyphs"] == 1


def test_normalise_keeps_reduplicated_words_and_a_gbk_run_of_one_character(tmp_path):
    from typer.testing import CliRunner

    from bulletin_cli.cli import app

    result = CliRunner().invoke(app, ["normalise", "-f", "jsonl"], input="街道变得干干净净整整齐齐。\n")
    assert result.exit_code == 0 and json.loads(result.stdout)["text"] == "街道变得干干净净整整齐齐。\n"
    qi = tmp_path / "repeated_qi_gbk.txt"  # ../shared/repro/repeated_qi_gbk.txt
    qi.write_bytes(("期" * 8).encode("gbk"))
    result = CliRunner().invoke(app, ["normalise", str(qi), "-f", "jsonl"])
    assert result.exit_code == 0 and json.loads(result.stdout)["text"] == "期" * 8 + "\n"


def test_a_facts_line_with_its_labels_run_together_ends_each_value_at_the_next_label():
    from bulletin_cli.split.masthead import web_meta

    assert web_meta("发布时间:2022-08-23 14:52信息来源:寿县人民政府文字大小:[    ] 背景色:") == {
        "date": "2022-08-23", "issuer": "寿县人民政府"}


def test_a_bulletin_issue_posted_on_a_page_takes_its_own_masthead_not_the_pages():
    text = ("关于印发2022年《政府工作报告》主要任务上半年落实情况的通报\n\n"
            "发布时间:2022-08-23 14:52信息来源：寿县人民政府文字大小：[    ] 背景色：\n\n"
            "寿县政务督查\n\n20期\n\n寿县人民政府督查室           2022年8月19\n\n"
            "关于印发2022年《政府工作报告》主要任务\n\n上半年落实情况的通报\n\n"
            "各乡镇人民政府，县政府各部门、各直属机构：\n\n"
            "根据县政府工作安排，县政府督查室对2022年县《政府工作报告》上半年落实情况进行了专项督查。\n\n"
            "姓名：\n\n*验证码：\n")
    items = split_document(normalise_bytes(text.encode("utf-8")))
    doc = items[0]["doc"]
    assert (doc["title"], doc["issue"], doc["issuer"], doc["date"]) == ("寿县政务督查", 20, "寿县人民政府督查室", "2022-08-19")
    assert [i["headline"] for i in items] == ["关于印发2022年《政府工作报告》主要任务上半年落实情况的通报"]  # one notice
    assert "寿县政务督查" not in items[0]["body"] and "验证码" not in items[0]["body"]


def test_a_paper_column_under_its_page_header_and_posting_line_is_a_bulletin_of_briefs():
    # an e-paper column as a PDF extraction wraps it: the page header with the issue, the column's
    # name, the posting line, then uncredited briefs
    text = ("A2:综合*新闻总第3307期 >2018-09-14编印\n创城动态\n刊发日期:2018-09-14阅读次数：作者：本通 语音阅读：语音阅读\n"
            "西谷村以“创新活力、悦动西谷”为主题，开展了群众文化汇演活动，巧妙地\n"
            "将本地特色与创建文明县城结合在一起，既展现了西谷独有的文化魅力，也使得创\n城工作深入人心。\n"
            "近日，集义乡组织各村集中清理乱堆乱放、去除墙上“牛皮癣”、修剪清理树\n枝、粉刷创城标语，取得明显效果。\n")
    items = split_document(normalise_bytes(text.encode("utf-8")), layout="bulletin",
                           roles=["masthead", "title", "facts", "item", "item"])
    assert [(i["headline"], i["body"][:6]) for i in items] == [(None, "西谷村以“创"), (None, "近日，集义乡")]
    assert (items[0]["doc"]["title"], items[0]["doc"]["issue"], items[0]["doc"]["date"]) == ("创城动态", 3307, "2018-09-14")


def test_a_field_value_wrapped_away_from_its_label_is_joined_back():
    text = "【作者】中山年鉴编纂委员会 【文章来源】《中山年鉴•2020》 【成文日期】\n2019-12-31 【点击率】1322次\n"
    assert "【成文日期】2019-12-31 【点击率】" in normalise_text(text)[0]
    assert "背景色：\n\n寿县政务督查" in normalise_text("发布时间:2022-08-23 信息来源：寿县人民政府 背景色：\n寿县政务督查\n")[0]


def test_a_facts_line_whose_date_wrapped_keeps_it_and_a_wrapped_breadcrumb_is_chrome():
    text = ("您的位置：新文秘网>>换届/政务讲话/动员大会/会议致辞\n/会议主持/会议发言/政府/政府报告/>>正文\n"
            "区卫计局联合区卫生监督所共同推进“双随机一公开”督查工作\n"
            "来源：平潭综合实验区卫生与计划生育局 发布时间：\n2019-01-04\n"
            "通过建立区卫计局行政执法人员名录库和检查对象名录库，推动监管工作有序开展。\n")
    items = split_document(normalise_bytes(text.encode("utf-8")))
    assert [i["headline"] for i in items] == ["区卫计局联合区卫生监督所共同推进“双随机一公开”督查工作"]
    assert items[0]["doc"]["date"] == "2019-01-04" and items[0]["body"].startswith("通过建立区卫计局")


def test_a_fake_bold_headline_without_brackets_is_written_once_and_opens_its_item():
    text = "【民生保障】\n县县住住建建局局开开展展危危房房核核查查 为摸清底数，人人参与，天天巡查。（住建局）\n"
    out, changes = normalise_text(text)
    assert "县住建局开展危房核查 为摸清底数，人人参与，天天巡查。" in out and changes.counts["doubled_glyphs"] == 1
    items = split_document(normalise_bytes(text.encode("utf-8")), layout="bulletin", roles=["section", "item"])
    assert [(i["headline"], i["units"]) for i in items] == [("县住建局开展危房核查", ["住建局"])]


def test_the_lines_of_a_pages_information_table_are_never_its_title():
    """A notice posted under its information table (信息公开: 索引号, 发布机构, 主题分类 …, one a line):
    the table's lines are facts, the notice's own line its title, and 主题分类：综合政务 (政务 as in a
    bulletin's name) is no title."""
    text = ("首页 > 政府信息公开 > 法定主动公开内容 > 通知公告\n索引号：11410726MB1234567X/2024-00123\n"
            "发布机构：延津县人民政府办公室\n生成日期：2024-03-05\n主题分类：综合政务\n文号：延政办〔2024〕5号\n"
            "关于做好2024年春季森林防火工作的通知\n各乡（镇）人民政府，县直各有关单位：\n"
            "当前已进入春季森林防火关键期，为切实做好森林防火工作，确保人民群众生命财产安全，现就有关事项通知如下：\n"
            "一、提高思想认识。各地各部门要充分认识森林防火工作的重要性。\n二、强化火源管控。严格落实野外用火审批制度。\n"
            "延津县人民政府办公室\n2024年3月5日\n")
    items = items_of(text)
    assert [i["headline"] for i in items] == ["关于做好2024年春季森林防火工作的通知"]
    assert (items[0]["doc"]["title"], items[0]["doc"]["date"]) == ("关于做好2024年春季森林防火工作的通知", "2024-03-05")


ISSUE_OF_ONE_NOTICE = (
    "督 查 通 报\n第3期\n县政府督查室                     2024年3月12日\n\n"
    "关于全县重点项目建设进展情况的督查通报\n\n"
    "根据县政府工作安排，3月上旬，县政府督查室对全县重点项目建设进展情况进行了专项督查。现将有关情况通报如下：\n"
    "一、总体情况\n全县纳入督查的重点项目共42个，已开工38个，开工率90.5%，累计完成投资36.8亿元。\n"
    "二、存在问题\n部分项目前期手续办理缓慢，个别项目施工进度滞后。\n\n"
    "报：县委、县人大、县政府、县政协主要领导\n送：县委、县政府分管领导\n发：各乡镇人民政府，县直各有关单位\n"
    "编辑：王某      审核：李某      签发：张某                 （共印80份）\n"
)


def test_an_issue_of_one_notice_takes_the_notices_title_and_its_closing_footer():
    """督查通报 over 关于…的督查通报: the first is the issue's name, the second (a document's own title,
    opening with 关于, though it ends in 通报 too) the story's headline; the 报：/送：/发：/编辑： lines
    closing it are its footer, not its text."""
    items = items_of(ISSUE_OF_ONE_NOTICE)
    assert [i["headline"] for i in items] == ["关于全县重点项目建设进展情况的督查通报"]
    doc = items[0]["doc"]
    assert (doc["title"], doc["issue"], doc["editor"], doc["reviewer"], doc["signer"]) == ("督查通报", 3, "王某", "李某", "张某")
    assert doc["distribution"].startswith("县委、县人大") and "报：" not in items[0]["body"]
    assert items[0]["body"].endswith("个别项目施工进度滞后。")


def test_footer_lines_read_as_a_section_and_a_headline_are_the_issues_footer():
    """报：市政府办公室 under the last story, read by the model as a section, and 送：… as a headline:
    a line opening with a footer's label after the last item is the footer; the editor's name
    stops before the bracket of （共印60份）."""
    text = ("政务信息\n第12期（总第256期）\n县人民政府办公室编                 2024年4月8日\n\n"
            "★乡镇动态★\n1.大营镇扎实开展春季植树造林活动\n"
            "近日，大营镇组织干部群众500余人开展义务植树活动，共植树1.2万株。（大营镇供稿）\n"
            "2.东屯镇召开安全生产工作会议\n4月3日，东屯镇召开安全生产工作会议，部署清明节期间安全生产工作。（东屯镇供稿）\n"
            "★部门动态★\n3.县卫健委开展义诊进乡村活动\n"
            "4月5日，县卫健委组织医疗专家深入乡村开展义诊，服务群众300余人次。（县卫健委供稿）\n\n"
            "报：市政府办公室\n送：县委、县人大、县政协办公室\n责任编辑：王某                                  （共印60份）\n")
    items = items_of(text)
    assert [i["headline"] for i in items] == ["大营镇扎实开展春季植树造林活动", "东屯镇召开安全生产工作会议",
                                              "县卫健委开展义诊进乡村活动"]
    # ★乡镇动态★ right under the masthead's lines, over the first story: its section, not the masthead's
    assert [i["section"] for i in items] == ["乡镇动态", "乡镇动态", "部门动态"]
    assert items[-1]["units"] == ["县卫健委"]
    assert (items[0]["doc"]["editor"], items[0]["doc"]["distribution"]) == ("王某", "市政府办公室；县委、县人大、县政协办公室")


def test_a_body_of_rules_is_read_by_its_chapters_and_articles():
    """第一章 总则 ⏎ 第一条 …。: a chapter is a heading (number 第一章, heading 总则), an article under
    it a provision (number 第一条, no heading of its own, its text the body)."""
    text = ("延津县城市管理综合执法局工作制度\n第一章 总则\n"
            "第一条 为规范城市管理综合执法行为，根据有关法律法规，结合本县实际，制定本制度。\n"
            "第二条 本制度适用于本局全体执法人员。\n第二章 执法程序\n第三条 执法人员在执法时应当出示执法证件。\n"
            "第四条 执法人员应当全程记录执法过程。\n第三章 附则\n第五条 本制度自印发之日起施行。\n")
    items = items_of(text, layout="outline")
    assert [(i["number"], i["headline"], i["parent"]) for i in items] == [
        ("第一章", "总则", None), ("第一条", None, "总则"), ("第二条", None, "总则"),
        ("第二章", "执法程序", None), ("第三条", None, "执法程序"), ("第四条", None, "执法程序"),
        ("第三章", "附则", None), ("第五条", None, "附则")]
    assert items[1]["body"].startswith("为规范城市管理综合执法行为") and items[-1]["body"] == "本制度自印发之日起施行。"
    # 依照本办法第三条规定 inside a sentence opens no article
    inside = items_of("管理办法\n一、总体要求\n各单位依照本办法第三条规定执行。\n", layout="outline")
    assert [(i["number"], i["headline"], i["body"]) for i in inside] == [("一、", "总体要求", "各单位依照本办法第三条规定执行。")]


def test_points_numbered_1_bracket_and_circled_are_an_outlines_lower_levels():
    """1）重点项目。… under （一）, ①就业方面。… under （二）: points of the heading above, each with its
    number and heading, not text run on into the heading's body."""
    text = ("2024年上半年工作总结\n一、主要工作完成情况\n（一）项目建设加快推进\n"
            "1）重点项目。全年实施重点项目32个，完成投资18亿元。\n2）招商引资。新签约项目12个，总投资56亿元。\n"
            "（二）民生保障持续加强\n①就业方面。城镇新增就业2100人。\n②教育方面。新建幼儿园3所。\n")
    items = items_of(text, layout="outline")
    assert [(i["number"], i["headline"], i["parent"]) for i in items] == [
        ("一、", "主要工作完成情况", None), ("（一）", "项目建设加快推进", "主要工作完成情况"),
        ("1）", "重点项目", "项目建设加快推进"), ("2）", "招商引资", "项目建设加快推进"),
        ("（二）", "民生保障持续加强", "主要工作完成情况"), ("①", "就业方面", "民生保障持续加强"),
        ("②", "教育方面", "民生保障持续加强")]
    assert items[2]["body"] == "全年实施重点项目32个，完成投资18亿元。"


@pytest.mark.parametrize("top, office", [("延津县人民政府办公室文件\n延政办〔2024〕15号\n", ""),
                                         ("延津县人民政府办公室\n", "延津县人民政府办公室")])
def test_a_notice_under_its_red_header_takes_its_own_title(top, office):
    """延津县人民政府办公室文件 ⏎ 延政办〔2024〕15号 ⏎ 关于…的通知: the office's header and the document's
    number stand over the notice's own title (opening with 关于, no clause in it), which is the
    headline; the office is the issuer. An office's name alone on the line over 关于…的通知 is the
    title's first line (a notice's full title names its office: 延津县人民政府办公室关于…的通知)."""
    text = (top + "关于进一步加强全县防汛抗旱工作的通知\n各乡镇人民政府，县直有关单位：\n"
            "为切实做好今年防汛抗旱工作，确保人民群众生命财产安全，现就有关事项通知如下：\n"
            "一、高度重视防汛抗旱工作。\n二、全面排查整治隐患。\n延津县人民政府办公室\n2024年5月20日\n")
    items = items_of(text)
    title = office + "关于进一步加强全县防汛抗旱工作的通知"
    assert [(i["headline"], i["units"]) for i in items] == [(title, ["延津县人民政府办公室"])]
    assert (items[0]["doc"]["title"], items[0]["doc"]["issuer"]) == (title, "延津县人民政府办公室")


def test_a_second_storys_headline_read_as_a_title_or_footer_inside_an_article_is_kept_as_text():
    """A two-story issue read as one article (its layout weighed as one): the second story's headline,
    read as a title (or a footer) between the paragraphs, stays in the text, not dropped."""
    text = ("工作简报\n第3期\n县委办公室  2024年3月1日\n县住建局推进老旧小区改造\n"
            "今年以来，县住建局改造老旧小区12个，惠及居民1800余户。（县住建局）\n县人社局举办春季招聘会\n"
            "3月5日，县人社局举办招聘会，56家企业提供岗位1200余个。（县人社局）\n")
    for roles in (["title", "masthead", "masthead", "title", "body", "title", "body"],
                  ["title", "masthead", "masthead", "title", "body", "footer", "body"]):
        items = split_document(normalise_bytes(text.encode("utf-8")), layout="article", roles=roles)
        assert len(items) == 1 and "县人社局举办春季招聘会\n3月5日" in items[0]["body"]


def test_a_papers_story_whose_headline_was_read_as_a_credit_is_a_story_of_its_own():
    """东屯镇：小麦颗粒归仓 over 本报讯（通讯员 赵六）…: read as the credit of the story above, it has no
    credit's form and a story's text follows it, so it opens the third story; nothing is dropped."""
    text = ("延津报\n2024年6月15日 星期六\n第01版：要闻\n\n我县召开2024年防汛工作会议\n"
            "本报讯（记者 张三）6月14日，我县召开2024年防汛工作会议，安排部署全县防汛工作。县委书记李某某出席会议并讲话。\n\n"
            "县领导调研重点项目建设\n"
            "本报讯（记者 王五）6月13日，县长王某某带队调研全县重点项目建设情况，现场协调解决项目建设中的困难和问题。\n\n"
            "东屯镇：小麦颗粒归仓\n本报讯（通讯员 赵六）连日来，东屯镇抢抓晴好天气，全力组织麦收，目前已收获小麦8.6万亩。\n")
    roles = ["title", "masthead", "section", "headline", "body", "headline", "body", "credit", "body"]
    items = split_document(normalise_bytes(text.encode("utf-8")), layout="bulletin", roles=roles)
    assert [i["headline"] for i in items] == ["我县召开2024年防汛工作会议", "县领导调研重点项目建设", "东屯镇：小麦颗粒归仓"]
    assert items[2]["reporters"] == ["赵六"] and items[1]["body"].endswith("困难和问题。")


def test_a_posts_three_reviews_closing_it_are_its_credits_not_sections_of_a_digest():
    """文字：张三 ⏎ 图片：李四 ⏎ 初审：王五 ⏎ 复审：赵六 ⏎ 终审：孙七 under a post (三审, as county sites and
    their accounts print it): read as sections and items they made a digest of five items; they are
    the post's credits, the first review its reviewer, the final one its signer."""
    text = ("县委理论学习中心组开展专题学习\n"
            "7月9日，县委理论学习中心组举行2024年第6次集体学习，专题学习党的二十届三中全会精神。\n"
            "会议强调，要深刻领会全会精神实质，切实把思想和行动统一到全会精神上来。\n"
            "文字：张三\n图片：李四\n初审：王五\n复审：赵六\n终审：孙七\n")
    items = items_of(text)
    assert [(i["layout"], i["headline"]) for i in items] == [("article", "县委理论学习中心组开展专题学习")]
    assert items[0]["body"].endswith("统一到全会精神上来。")
    assert (items[0]["doc"]["reviewer"], items[0]["doc"]["signer"]) == ("王五", "孙七")


def test_a_table_of_contents_under_the_masthead_is_no_section_and_no_headline():
    """本期要目 ⏎ 1.我县召开… ⏎ 2.东屯镇发展…: the contents' entries name the headlines printed below;
    read as a section, the second ran into the first story's headline."""
    text = ("乡村振兴工作简报\n第6期\n县乡村振兴工作领导小组办公室              2024年8月20日\n\n本期要目\n"
            "1.我县召开乡村振兴推进会\n2.东屯镇发展特色种植助农增收\n\n我县召开乡村振兴推进会\n"
            "8月19日，我县召开乡村振兴工作推进会，总结上半年工作，安排部署下半年任务。\n（供稿：县农业农村局）\n\n"
            "东屯镇发展特色种植助农增收\n今年以来，东屯镇因地制宜发展特色种植，带动群众户均增收3000余元。\n（供稿：东屯镇 作者：赵六）\n")
    roles = ["title", "masthead", "masthead", "masthead", "masthead", "section", "headline", "body", "credit",
             "headline", "body", "credit"]
    items = split_document(normalise_bytes(text.encode("utf-8")), layout="bulletin", roles=roles)
    assert [(i["section"], i["headline"], i["units"]) for i in items] == [
        (None, "我县召开乡村振兴推进会", ["县农业农村局"]), (None, "东屯镇发展特色种植助农增收", ["东屯镇"])]
    assert items[1]["reporters"] == ["赵六"]  # （供稿：东屯镇 作者：赵六）: the unit, and its writer


def test_a_speechs_date_under_its_title_is_its_date_and_its_greeting_no_distribution():
    """在全县经济工作会议上的讲话 ⏎ 县委书记  张三 ⏎ （2024年1月5日） ⏎ 同志们：: the date alone in brackets
    (read as a second title line) is the speech's date; 同志们： greets its hearers."""
    text = ("在全县经济工作会议上的讲话\n县委书记  张三\n（2024年1月5日）\n同志们：\n"
            "这次会议的主要任务是，深入贯彻中央和省、市经济工作会议精神，总结2023年经济工作，安排部署2024年经济工作。\n"
            "一、充分肯定2023年经济工作取得的成绩\n过去的一年，全县上下攻坚克难，经济运行稳中向好，地区生产总值增长5.1%。\n")
    items = split_document(normalise_bytes(text.encode("utf-8")), layout="article",
                           roles=["title", "chrome", "title", "masthead", "body", "body", "body"])
    assert [i["headline"] for i in items] == ["在全县经济工作会议上的讲话"]
    assert (items[0]["doc"]["date"], items[0]["doc"]["distribution"]) == ("2024-01-05", None)


@pytest.mark.parametrize("masthead, fields", [
    ("延津信息专报\n第3期\n县委办公室编印                 签发人：张三\n2024年3月1日\n",
     {"title": "延津信息专报", "issue": 3, "issuer": "县委办公室", "date": "2024-03-01", "signer": "张三"}),
    ("信 息 快 报\n〔2024〕3号\n中共延津县委办公室                2024年3月1日\n",
     {"issue": 3, "issuer": "中共延津县委办公室", "date": "2024-03-01"}),
])
def test_masthead_lines_set_apart_by_wide_gaps_and_an_issue_numbered_under_its_year(masthead, fields):
    """县委办公室编印 ⏎ … 签发人：张三 (wide only for its gap: still a masthead line; who signed it off);
    〔2024〕3号 under the title (issue 3, numbered as a document is): the lines under them are read too."""
    from bulletin_cli.split.common import paragraphs
    from bulletin_cli.split.masthead import parse_masthead

    got, _ = parse_masthead(paragraphs(masthead + "县住建局推进老旧小区改造\n"))
    assert {k: got.get(k) for k in fields} == fields


def test_footer_lines_read_as_masthead_lines_after_the_last_story_are_the_footer():
    """报：… 送：… 发：… 责任编辑：李勉 （共印80份） under the last story, read as masthead lines (the model
    saw the issue's top again): the footer, every list and the editor in it."""
    text = ("工作简报\n第3期\n县委办公室  2024年3月1日\n\n县住建局推进老旧小区改造\n"
            "今年以来，县住建局改造老旧小区12个，惠及居民1800余户。（县住建局）\n县人社局举办春季招聘会\n"
            "3月5日，县人社局举办招聘会，56家企业提供岗位1200余个。（县人社局）\n\n"
            "报：市委办公室\n送：县委常委\n发：各乡镇党委\n责任编辑：李勉          （共印80份）\n")
    roles = ["title", "masthead", "masthead", "headline", "body", "headline", "body",
             "section", "masthead", "masthead", "masthead"]
    items = split_document(normalise_bytes(text.encode("utf-8")), layout="bulletin", roles=roles)
    assert [i["headline"] for i in items] == ["县住建局推进老旧小区改造", "县人社局举办春季招聘会"]
    assert (items[0]["doc"]["editor"], items[0]["doc"]["distribution"]) == ("李勉", "市委办公室；县委常委；各乡镇党委")


@pytest.mark.parametrize("masthead", ["工作简报\n第3期\n县委办公室  2024年3月1日\n",
                                      "延津政务快报\n第9期\n延津县人民政府办公室        2024年6月3日\n",
                                      "当前位置：首页 > 政务公开 > 工作动态\n正定县工作动态\n发布时间：2024-05-16\n"])
def test_an_issue_of_two_stories_each_closed_by_its_credit_is_read_as_an_issue(masthead):
    """An issue's name (and number, or a site's facts line) over two stories, each a headline over
    text closed by its unit's credit: two items, each with its unit (the layouts' weights, which saw
    no issue of fewer than three stories, read it as one article)."""
    text = (masthead + "县住建局推进老旧小区改造\n今年以来，县住建局改造老旧小区12个，惠及居民1800余户。（县住建局）\n"
            "县人社局举办春季招聘会\n3月5日，县人社局举办招聘会，56家企业提供岗位1200余个。（县人社局）\n")
    items = items_of(text)
    assert [(i["layout"], i["headline"], i["units"]) for i in items] == [
        ("bulletin", "县住建局推进老旧小区改造", ["县住建局"]), ("bulletin", "县人社局举办春季招聘会", ["县人社局"])]


def test_a_line_read_as_a_credit_inside_an_article_that_credits_no_one_is_text_not_a_unit():
    text = ("信息快报\n县委办公室  2024年3月1日\n县住建局推进老旧小区改造\n"
            "今年以来，县住建局改造老旧小区12个，惠及居民1800余户。（县住建局）\n县人社局举办春季招聘会\n"
            "3月5日，县人社局举办招聘会，56家企业提供岗位1200余个。\n")
    items = split_document(normalise_bytes(text.encode("utf-8")), layout="article",
                           roles=["title", "masthead", "title", "body", "credit", "body"])
    assert "县人社局举办春季招聘会" not in items[0]["units"] and "县人社局举办春季招聘会\n3月5日" in items[0]["body"]


def test_a_county_page_of_bracketed_entries_with_no_issue_is_read_as_entries():
    """延津县概况 ⏎ 发布时间：… 来源：县统计局 ⏎ 【地理位置】… 【人口】… 【行政区划】…: no issue's name or number
    and no credits, three entries or more: one item an entry (the layouts' weights, which saw three
    such documents, read it as one article); the facts line over them gives the date and source."""
    text = ("延津县概况\n发布时间：2024-03-06 来源：县统计局\n"
            "【地理位置】延津县位于河南省北部，新乡市东南部，东与封丘县接壤，总面积886平方公里。\n"
            "【人口】2023年末，全县户籍人口52.3万人，常住人口40.1万人。\n"
            "【行政区划】全县辖4镇6乡2个街道、343个行政村（社区）。\n【经济】2023年，全县地区生产总值完成285.6亿元，增长5.1%。\n")
    items = items_of(text)
    assert [(i["layout"], i["headline"]) for i in items] == [
        ("entries", "地理位置"), ("entries", "人口"), ("entries", "行政区划"), ("entries", "经济")]
    assert items[1]["body"].startswith("2023年末，全县户籍人口")
    assert (items[0]["doc"]["title"], items[0]["doc"]["date"], items[0]["doc"]["issuer"]) == ("延津县概况", "2024-03-06", "县统计局")
    # the office and date signing the page under its last entry are its issuer and date, not the entry's text
    signed = items_of(text + "延津县统计局\n2024年3月6日\n")
    assert (signed[0]["doc"]["issuer"], signed[0]["doc"]["date"]) == ("延津县统计局", "2024-03-06")
    assert signed[-1]["body"].endswith("增长5.1%。")
    # under an issue's name and number, bracketed columns over stories are no entries
    issue = items_of("工作动态\n第3期\n" + "\n".join(f"【乡镇动态】{t}（{u}）" for t, u in [
        ("大营镇开展春季植树活动，共植树1.2万株。", "大营镇"), ("东屯镇召开安全生产会议，部署节日安全工作。", "东屯镇"),
        ("城关镇开展人居环境整治，清理垃圾360吨。", "城关镇")]))
    assert {i["layout"] for i in issue} != {"entries"}


def test_a_short_plain_line_over_one_headless_story_is_its_headline_not_a_section():
    """乡镇开展防汛演练 ⏎ 6月1日，石桥镇… ⏎ ——石桥镇 ⏎ 县教育局部署中考安全工作 ⏎ …: a short line with no
    section's mark stands over one story with no headline of its own, and the next story opens with
    its headline: it is that story's headline; the issue has no sections."""
    text = ("工作简报\n第5期\n中共某某县委办公室                2024年6月3日\n乡镇开展防汛演练\n"
            "　　6月1日，石桥镇组织开展防汛应急演练，参演人员150人。\n　　——石桥镇\n县教育局部署中考安全工作\n"
            "　　县教育局召开专题会议，部署2024年中考安全保障工作。\n　　——县教育局\n")
    items = items_of(text)
    assert [(i["section"], i["headline"], i["units"]) for i in items] == [
        (None, "乡镇开展防汛演练", ["石桥镇"]), (None, "县教育局部署中考安全工作", ["县教育局"])]
    # a section's name over several headless briefs stays their section
    briefs = items_of("工作简报\n第5期\n乡镇动态\n" + "\n".join(f"　　{t}（{u}）" for t, u in [
        ("大营镇开展春季植树活动，共植树1.2万株。", "大营镇"), ("东屯镇召开安全生产会议，部署节日安全工作。", "东屯镇")])
        + "\n部门动态\n县教育局部署中考安全工作\n　　县教育局召开专题会议，部署2024年中考安全保障工作。（县教育局）\n")
    assert [i["section"] for i in briefs][:2] == ["乡镇动态", "乡镇动态"]


def test_an_issues_name_office_and_date_over_two_headed_stories_is_an_issue():
    """农业农村工作动态 ⏎ 县农业农村局   2024年7月15日 ⏎ two stories, each a headline over its text, with
    no issue number and no credits: an issue of two stories (the layouts' weights, which saw none
    so small, read it as one article under the first headline)."""
    text = ("农业农村工作动态\n县农业农村局                 2024年7月15日\n全县夏粮收购工作有序推进\n"
            "　　截至7月10日，全县累计收购小麦8.6万吨，收购进度达到预期。县农业农村局组织人员深入收购点开展服务。\n"
            "高标准农田建设项目全面开工\n"
            "　　今年我县实施高标准农田建设项目5万亩，总投资1亿元，目前已全面开工建设，预计10月底完工。\n")
    items = items_of(text)
    assert [(i["layout"], i["headline"]) for i in items] == [
        ("bulletin", "全县夏粮收购工作有序推进"), ("bulletin", "高标准农田建设项目全面开工")]
    assert (items[0]["doc"]["title"], items[0]["doc"]["issuer"], items[0]["doc"]["date"]) == (
        "农业农村工作动态", "县农业农村局", "2024-07-15")
    # a page posted on a site (its facts line labelled) with a subhead inside stays one article
    page = items_of("县农业农村局开展夏粮收购服务\n发布时间：2024-07-15 来源：县农业农村局\n"
                    "　　截至7月10日，全县累计收购小麦8.6万吨，收购进度达到预期。县农业农村局组织人员深入收购点开展服务。\n"
                    "强化服务保障\n　　今年我县组织技术人员深入各收购点，帮助解决烘干、仓储等问题，确保颗粒归仓。\n")
    assert len(page) == 1


@pytest.mark.parametrize("text", [
    # a facts line printed first, the title under it
    "2024-05-06 15:30 来源：宁陵县人民政府\n宁陵县召开2024年防汛工作会议\n"
    "　　5月6日，宁陵县召开2024年防汛工作会议，安排部署今年防汛工作。\n"
    "　　会议要求，各乡镇、各部门要提前做好防汛物资储备，确保安全度汛。\n",
    # the title printed after the text, its facts line under it
    "　　5月6日，宁陵县召开2024年防汛工作会议，安排部署今年防汛工作。\n"
    "　　会议要求，各乡镇、各部门要提前做好防汛物资储备，确保安全度汛。\n"
    "宁陵县召开2024年防汛工作会议\n2024-05-06 来源：宁陵县人民政府\n",
])
def test_a_title_beside_the_facts_line_but_away_from_the_top_is_the_title(text):
    """Where no line was read as a title, the title-shaped line between a facts line and the text
    (either way round) is the article's title; the facts line's source its unit."""
    items = items_of(text)
    assert [(i["layout"], i["headline"], i["units"]) for i in items] == [
        ("article", "宁陵县召开2024年防汛工作会议", ["宁陵县人民政府"])]
    assert items[0]["body"].startswith("5月6日，宁陵县召开") and items[0]["doc"]["date"] == "2024-05-06"


def test_a_brief_with_no_title_of_its_own_gets_none_from_its_credit():
    """A credit of a unit and a person under a brief is no title, though a title's shape."""
    items = items_of("　　2月1日，全县疫情防控工作调度会召开，会议听取了各乡镇疫情防控工作情况汇报。\n"
                     "　　会议要求，要严格落实各项防控措施，坚决守住不发生规模性疫情的底线。\n县互联网信息安全服务中心 张晓婕\n")
    assert [i["headline"] for i in items] == [None]


def test_a_units_name_on_the_line_above_a_title_is_the_titles_first_line():
    """浒湾乡： ⏎ 多措并举推进秋粮收购 under the page's chrome: one title of two lines."""
    items = items_of("当前位置：首页 > 新闻中心 > 乡镇动态\n【字体：大 中 小】 【打印本页】\n浒湾乡：\n多措并举推进秋粮收购\n"
                     "来源：浒湾乡人民政府 日期：2023-10-12 点击：967\n"
                     "　　连日来，浒湾乡抢抓晴好天气，组织农机手、种粮大户开展秋粮收购工作。截至目前，全乡已收购秋粮1.2万吨。\n")
    assert [(i["headline"], i["units"]) for i in items] == [("浒湾乡：多措并举推进秋粮收购", ["浒湾乡人民政府"])]


def test_a_speakers_post_and_name_under_a_speechs_title_are_no_part_of_it():
    """在全县经济工作会议上的讲话 ⏎ 县长  王建国 ⏎ （2024年1月15日）: the speaker's byline is no title line."""
    items = items_of("在全县经济工作会议上的讲话\n县长  王建国\n（2024年1月15日）\n同志们：\n"
                     "　　这次会议的主要任务是，全面贯彻落实中央、省、市经济工作会议精神，安排部署2024年经济工作。\n")
    assert [(i["headline"], i["doc"]["date"]) for i in items] == [("在全县经济工作会议上的讲话", "2024-01-15")]
    assert "王建国" not in items[0]["headline"] and items[0]["units"] == []


def test_a_notices_office_on_the_line_over_its_title_is_the_titles_first_line():
    """平遥县人民政府办公室 ⏎ 关于做好…的通知 under the red header and number: one title, the office's
    name its first line (as a notice's full title reads); the signing office its unit."""
    items = items_of("平遥县人民政府办公室文件\n平政办发〔2024〕15号\n平遥县人民政府办公室\n关于做好2024年春季森林草原防灭火工作的通知\n"
                     "各乡（镇）人民政府，县直各有关单位：\n"
                     "　　当前已进入春季森林草原防火紧要期，气温回升快、降水偏少，为切实做好今春森林草原防灭火工作，现就有关事项通知如下：\n"
                     "　　一、压紧压实防火责任。各乡（镇）要严格落实行政首长负责制。\n平遥县人民政府办公室\n2024年3月12日\n")
    assert [(i["headline"], i["units"], i["doc"]["date"]) for i in items] == [
        ("平遥县人民政府办公室关于做好2024年春季森林草原防灭火工作的通知", ["平遥县人民政府办公室"], "2024-03-12")]


def test_a_title_over_two_lines_read_as_chrome_under_the_facts_line_is_the_title_not_the_breadcrumb():
    """漳浦县人民政府网 > 政务公开 > 公告公示 ⏎ 日期：… 信息来源：… ⏎ two title lines ⏎ 浦政告〔2024〕3号: a
    breadcrumb is never the title; the two lines under the facts line are."""
    items = items_of("漳浦县人民政府网 > 政务公开 > 公告公示\n日期：2024年4月25日  信息来源：漳浦县人民政府  浏览次数：2187  【大 中 小】\n"
                     "漳浦县人民政府关于2024年海洋伏季休渔期间\n加强渔船管理的通告\n浦政告〔2024〕3号\n"
                     "　　根据《中华人民共和国渔业法》和省、市有关规定，为切实养护海洋渔业资源，现就有关事项通告如下：\n"
                     "　　一、休渔时间。2024年5月1日12时至8月16日12时，除钓具外的所有作业类型渔船均须停港休渔。\n")
    assert [(i["headline"], i["units"]) for i in items] == [
        ("漳浦县人民政府关于2024年海洋伏季休渔期间加强渔船管理的通告", ["漳浦县人民政府"])]


def test_a_titles_first_line_read_as_chrome_is_joined_to_it():
    """叶坪乡：“红色+绿色”双轮驱动 ⏎ 擦亮乡村振兴底色 under a page's breadcrumb: one title; a column's name
    over a title (乡镇动态) stays chrome."""
    body = ("作者：钟丽萍  编辑：刘文斌  发布时间：2024年07月03日  点击数：412\n"
            "　　盛夏时节，走进叶坪乡洋溪村，白莲基地里荷叶田田、莲花飘香，村民们正忙着采摘莲蓬。\n"
            "　　近年来，叶坪乡依托红色资源，坚持红色旅游与绿色产业融合发展，走出了一条乡村振兴新路子。（供稿：叶坪乡）\n")
    items = items_of("当前位置：首页 > 新闻中心 > 乡镇动态\n叶坪乡：“红色+绿色”双轮驱动\n    擦亮乡村振兴底色\n" + body)
    assert [(i["headline"], i["units"]) for i in items] == [("叶坪乡：“红色+绿色”双轮驱动擦亮乡村振兴底色", ["叶坪乡"])]
    column = items_of("当前位置：首页 > 新闻中心 > 乡镇动态\n乡镇动态\n叶坪乡“红色+绿色”双轮驱动擦亮乡村振兴底色\n" + body)
    assert [i["headline"] for i in column] == ["叶坪乡“红色+绿色”双轮驱动擦亮乡村振兴底色"]


@pytest.mark.parametrize("title", ["凤凰县2024年公开招聘乡镇卫生院专业技术人员公告",
                                   "关于2024年第一季度重点项目建设督查情况的通报",
                                   "《郫都区支持郫县豆瓣产业高质量发展若干措施》政策解读"])
def test_a_notice_in_numbered_parts_is_one_item_not_an_outline(title):
    """A notice, a briefing on a policy, a 通报 set out in 一、… （一）…: one item (GOLD: a notice is one
    item, an outline is a report's, plan's or rules'), whatever its numbered parts weigh."""
    text = (f"首页 > 政务公开 > 通知公告\n{title}\n"
            "　　为进一步加强基层医疗卫生人才队伍建设，根据有关规定，经县人民政府同意，现将有关事项公告如下：\n"
            "　　一、招聘岗位及计划\n　　本次招聘岗位为临床医学、中医学、护理等6类，共42名，分配到17个乡镇卫生院。\n"
            "　　二、招聘对象及条件\n　　（一）具有中华人民共和国国籍，遵守宪法和法律，具有良好的品行；\n"
            "　　（二）年龄在18周岁以上、35周岁以下，具有中级及以上职称的可放宽至40周岁；\n"
            "　　三、报名方式\n　　报名采取网上报名方式进行，每位考生限报1个岗位，报名费按每人每科50元收取。\n"
            "　　四、考试\n　　考试分笔试和面试，笔试和面试成绩分别按50%的比例合成综合成绩。\n"
            "凤凰县人力资源和社会保障局\n2024年6月18日\n")
    items = items_of(text)
    assert [(i["layout"], i["headline"], i["units"]) for i in items] == [("article", title, ["凤凰县人力资源和社会保障局"])]
    # a plan sent under a notice is no notice's text by the form: the layouts' weights decide it
    plan = analyse(normalise_bytes(text.replace(title, "关于印发《凤凰县2024年乡镇卫生院人才招聘实施方案》的通知").encode("utf-8"))["text"])
    assert plan.reason[1]["rule"] is None


def test_a_notices_title_and_facts_read_as_chrome_under_a_sites_bars_are_found():
    """鹿邑县人民政府 ⏎ nav ⏎ breadcrumb ⏎ the title ⏎ 鹿政办〔2024〕21号 ⏎ 发布时间：… 来源：… 【打印本页】: the
    facts line with a tool bar after it is the facts; the line over the document's number, the title."""
    items = items_of("鹿邑县人民政府\n网站首页  政务公开  政务服务  政民互动  走进鹿邑\n首页 >> 政务公开 >> 政府文件 >> 通报\n"
                     "鹿邑县人民政府办公室关于2024年第一季度重点项目建设督查情况的通报\n鹿政办〔2024〕21号\n"
                     "发布时间：2024-04-12  来源：鹿邑县人民政府办公室  【打印本页】【关闭窗口】\n"
                     "各乡镇人民政府、街道办事处，县人民政府各部门：\n"
                     "　　为加快推进全县重点项目建设，县政府督查室组成3个督查组，对全县重点项目建设情况进行了专项督查。现将督查情况通报如下：\n"
                     "　　一、总体情况\n　　2024年全县共谋划实施重点项目126个，总投资586.3亿元，年度计划投资182.6亿元。\n"
                     "　　二、存在问题\n　　一是部分项目开工滞后；二是个别单位重视不够；三是投资结构不够优化。\n")
    assert [(i["layout"], i["headline"], i["units"], i["doc"]["date"]) for i in items] == [
        ("article", "鹿邑县人民政府办公室关于2024年第一季度重点项目建设督查情况的通报", ["鹿邑县人民政府办公室"], "2024-04-12")]


def test_a_body_of_rules_in_chapters_and_articles_is_an_outline_whatever_the_weights_say():
    """瑞金市农村集体资产管理办法 ⏎ 第一章　总则 ⏎ 第一条　为加强… ⏎ 第二条 … (the layouts' weights read it
    as an issue of items): three articles or more make it a body of rules, one item a chapter and
    an article each, the articles under their chapter, its clauses under their article."""
    text = ("瑞金市农村集体资产管理办法\n第一章　总则\n"
            "第一条　为加强农村集体资产管理，维护农村集体经济组织及其成员的合法权益，结合我市实际，制定本办法。\n"
            "第二条　本办法适用于本市行政区域内乡（镇）、村、组三级农村集体经济组织的资产管理。\n"
            "第二章　资产范围与权属\n第三条　农村集体资产包括：\n（一）集体所有的土地和森林、山岭、草原、荒地、滩涂等资源性资产；\n"
            "（二）集体所有的建筑物、构筑物、机械设备、农田水利设施等经营性和非经营性资产。\n"
            "第四条　农村集体经济组织应当建立资产台账，每年至少开展一次资产清查，做到账实相符。\n")
    items = items_of(text)
    assert {i["layout"] for i in items} == {"outline"}
    assert [(i["number"], i["parent"]) for i in items] == [
        ("第一章", None), ("第一条", "总则"), ("第二条", "总则"), ("第二章", None), ("第三条", "资产范围与权属"),
        ("（一）", "农村集体资产包括"), ("（二）", "农村集体资产包括"), ("第四条", "资产范围与权属")]
    assert items[3]["headline"] == "资产范围与权属" and items[1]["body"].startswith("为加强农村集体资产管理")


def test_a_statistics_communique_is_an_outline_of_its_headings():
    """寿光市2023年国民经济和社会发展统计公报 (公报: a report's title word, report_title_words) with 一、综合
    ⏎ figures ⏎ 二、农业 ⏎ …: an outline, one item a heading, not one article."""
    parts = [("综合", "初步核算，全年全市实现地区生产总值1056.3亿元，按不变价格计算，比上年增长5.8%。"),
             ("农业", "全年农林牧渔业总产值256.8亿元，比上年增长4.3%。粮食播种面积98.6万亩，总产量44.9万吨。"),
             ("工业和建筑业", "全年规模以上工业增加值比上年增长7.1%。规模以上工业企业实现营业收入1832.6亿元，增长5.4%。"),
             ("固定资产投资", "全年固定资产投资比上年增长6.2%。其中，工业投资增长11.5%，基础设施投资增长4.8%。")]
    text = ("寿光市2023年国民经济和社会发展统计公报\n寿光市统计局\n2024年3月28日\n"
            "2023年，面对复杂严峻的外部环境，全市上下坚持稳中求进工作总基调，经济运行回升向好。\n"
            + "".join(f"{n}、{h}\n{b}\n" for n, (h, b) in zip("一二三四", parts)))
    items = items_of(text)
    assert [(i["layout"], i["number"], i["headline"]) for i in items if i["number"]] == [
        ("outline", f"{n}、", h) for n, (h, _b) in zip("一二三四", parts)]


def test_a_town_profile_of_names_alone_over_their_text_is_entries():
    """喜洲镇镇情简介 (a profile's title, entries_title_words) over 概况 ⏎ text ⏎ 历史沿革 ⏎ text …: one
    entry a name, though no name is bracketed; the page's chrome around them stays chrome."""
    names = [("概况", "喜洲镇位于大理市北部，东临洱海，西枕苍山，全镇国土面积163.5平方公里，辖13个村民委员会。"),
             ("历史沿革", "喜洲古称“大厘城”，为南诏、大理国时期的重要城镇，明清以来，喜洲商帮兴起。"),
             ("人口", "2023年末，全镇户籍人口6.9万人，其中白族人口占总人口的89.6%，是白族人口最集中的乡镇之一。"),
             ("农业", "全镇耕地面积4.6万亩，以水稻、大蒜、蔬菜种植为主，2023年实现农业总产值6.8亿元。")]
    text = ("首页 > 乡镇街道 > 喜洲镇 > 镇情简介\n喜洲镇镇情简介\n来源：喜洲镇人民政府　　发布时间：2024-05-20　　阅读：1582\n"
            + "".join(f"{n}\n{b}\n" for n, b in names) + "上一篇：湾桥镇镇情简介　　下一篇：上关镇镇情简介\n【打印本页】【关闭窗口】\n")
    items = items_of(text)
    assert [(i["layout"], i["headline"], i["body"]) for i in items] == [("entries", n, b) for n, b in names]
    # the same short lines over a news story's paragraphs, under a title that names no entries, are no entries
    story = items_of(text.replace("喜洲镇镇情简介", "喜洲镇全力推进乡村振兴").replace("镇情简介", "乡村振兴"))
    assert {i["layout"] for i in story} != {"entries"}


def test_bracketed_names_alone_over_their_text_under_towns_are_entries_whatever_their_writers():
    """宝塔年鉴2023 ⏎ 南泥湾镇 ⏎ 【概况】 ⏎ text ⏎ 【特色农业】 ⏎ text（撰稿：高建军） ⏎ 河庄坪镇 ⏎ …: one entry a
    bracketed name alone on its line, each town the section of its entries; a writer's credit is no
    unit's, so no issue of stories."""
    def town(name: str, facts: str) -> str:
        return (f"{name}\n【概况】\n{name}位于宝塔区东南部，距城区45公里，总面积452平方公里，{facts}\n"
                f"【特色农业】\n2022年，全镇种植水稻1200亩、设施蔬菜860亩，建成稻香农业示范园，销售额达到3200万元。（撰稿：高建军）\n")
    items = items_of("宝塔年鉴2023\n" + town("南泥湾镇", "辖7个行政村、1个社区。") + town("河庄坪镇", "辖19个行政村、2个社区。"))
    assert [(i["layout"], i["section"], i["headline"]) for i in items] == [
        ("entries", "南泥湾镇", "概况"), ("entries", "南泥湾镇", "特色农业"),
        ("entries", "河庄坪镇", "概况"), ("entries", "河庄坪镇", "特色农业")]
    assert items[0]["body"].startswith("南泥湾镇位于宝塔区东南部")


def test_an_issue_of_two_uncredited_stories_each_under_a_two_line_headline_is_read_by_its_stories():
    """督查通报 ⏎ 〔2024〕第5期 ⏎ 金寨县人民政府督查室 2024年11月8日 ⏎ 全县秋冬季秸秆禁烧工作 ⏎ 督查情况 ⏎ text ⏎
    重点民生实事项目推进情况 ⏎ text ⏎ 抄送：… ⏎ 签发：…: two stories under their headlines (a headline
    ending in a title word, 情况, longer than a bulletin's name), however the model read their lines;
    the footer's lines the footer."""
    text = ("内部资料　注意保存\n督查通报\n〔2024〕第5期\n金寨县人民政府督查室　　　　　　　　　　2024年11月8日\n"
            "全县秋冬季秸秆禁烧工作\n督查情况\n"
            "　　10月28日至11月5日，县政府督查室会同县农业农村局组成3个督查组，对全县23个乡镇秸秆禁烧工作开展专项督查。\n"
            "　　从督查情况看，各地普遍落实了网格化巡查责任，全县累计出动巡查人员1.6万人次，秸秆综合利用率达到92.4%。\n"
            "重点民生实事项目推进情况\n"
            "　　截至10月底，我县今年确定的12项重点民生实事中，7项已完成年度目标任务，3项完成投资80%以上。\n"
            "抄送：县委办公室，县人大常委会办公室，县政协办公室。\n签发：陈宏伟　　　　　　　　　　　　　　共印40份\n")
    items = items_of(text)
    assert [(i["layout"], i["headline"]) for i in items] == [
        ("bulletin", "全县秋冬季秸秆禁烧工作督查情况"), ("bulletin", "重点民生实事项目推进情况")]
    assert items[1]["body"].startswith("截至10月底") and "抄送" not in items[1]["body"]
    assert (items[0]["doc"]["issue"], items[0]["doc"]["signer"]) == (5, "陈宏伟")


def test_briefs_closing_an_issue_read_as_its_footer_are_items_not_lost():
    """The last briefs of a column, over the issue's 送：/编辑： lines, read by the model as the footer:
    running text is never the footer; each brief is an item (one without a credit too)."""
    briefs = [("10月15日，古陶镇召开网格化治理推进会，对辖区21个社区网格员开展业务培训，部署冬季安全防范工作。", "（古陶镇）"),
              ("10月12日，宁固镇举办首届农民丰收节，集中展示平遥牛肉、长山药等特色农产品，现场交易额达86万元。", "（宁固镇党委办　王斌）"),
              ("段村镇完成农村供水管网改造工程，新铺设供水管道18.6公里，解决了4个村1100余户群众冬季用水难问题。", ""),
              ("10月16日，岳壁乡开展冬季森林防火应急演练，乡村两级扑火队员、护林员等60余人参加。", "（岳壁乡）")]
    text = ("平遥简讯\n第33期\n平遥县人民政府办公室　　2024年10月18日\n【县域要闻】\n平遥古城国庆假期接待游客超百万人次\n"
            "　　国庆假期，平遥古城共接待游客108.6万人次，实现旅游收入9.8亿元，同比分别增长12.3%和15.1%。（县文旅局）\n"
            "县发改局争取中央预算内投资项目资金2.1亿元\n"
            "　　今年以来，县发改局紧盯国家政策导向，谋划储备项目46个，争取中央预算内投资2.1亿元。（县发改局）\n【乡镇简讯】\n"
            + "".join(f"　　{b}{c}\n" for b, c in briefs)
            + "送：市政府办公室，县委、县人大、县政府、县政协领导。\n编辑：郝志强　　审核：冀振东　　　　　共印60份\n")
    items = items_of(text)
    bodies = [i["body"] for i in items if i["section"] == "乡镇简讯"]
    assert bodies == [b for b, _c in briefs]
    assert items[0]["doc"]["editor"] == "郝志强" and items[0]["doc"]["distribution"].startswith("市政府办公室")


def test_an_epaper_pages_bylines_are_credits_and_its_first_headline_is_no_masthead_line():
    """今日婺源 ⏎ date and 第1825期 ⏎ 第02版　综合新闻　　责任编辑：程丽 ⏎ a headline on two lines ⏎ 本报记者　汪晓峰
    通讯员　俞建华 ⏎ text …: the byline is the story's reporters (never a headline, 本报 no name), the
    headline's two lines one headline, the page line's editor the issue's editor; a byline under the
    next headline is that story's, not the story's before."""
    text = ("今日婺源\n2024年5月10日　星期五　　第1825期\n第02版　综合新闻　　　责任编辑：程丽　　美编：汪洋\n"
            "江湾镇“油菜花+”串起\n乡村旅游增收链\n本报记者　汪晓峰　通讯员　俞建华\n"
            "　　今年油菜花季，江湾镇以“油菜花+民宿+非遗”模式，推出赏花、研学等特色线路5条，累计接待游客62.4万人次。\n"
            "县文旅局推出“五一”假期文旅惠民套餐\n"
            "　　为激发假日文旅消费活力，县文旅局联合全县28家A级景区推出“五一”文旅惠民套餐，开展活动32场次。\n"
            "县文旅局供稿\n秋口镇筑牢防汛“安全堤”\n通讯员　李娜\n"
            "　　入汛以来，秋口镇对辖区内8座小型水库、23处山洪灾害易发点开展拉网式排查，落实巡查责任人67名。\n")
    items = items_of(text)
    assert [(i["headline"], i["units"], i["reporters"]) for i in items] == [
        ("江湾镇“油菜花+”串起乡村旅游增收链", [], ["汪晓峰", "俞建华"]),
        ("县文旅局推出“五一”假期文旅惠民套餐", ["县文旅局"], []),
        ("秋口镇筑牢防汛“安全堤”", [], ["李娜"])]
    assert (items[0]["doc"]["issue"], items[0]["doc"]["editor"]) == (1825, "程丽")


def test_a_picture_story_is_one_article_its_placeholders_chrome_and_its_closing_facts_read():
    """【图片新闻】title ⏎ text ⏎ [图片] ⏎ 图为… ⏎ … ⏎ 文/图：… ⏎ 2023/10/16  【来源：安吉县融媒体中心】 ⏎ 【打印】:
    the picture's placeholders are no sections, the column's tag no part of the title, the facts line
    among the page's bars its date and source."""
    text = ("首页 > 新闻中心 > 图片新闻\n【图片新闻】金秋时节白茶山上采“秋茶”\n"
            "10月中旬，正值白茶秋季管护关键期，在溪龙乡黄杜村的万亩白茶园里，茶农们忙着修剪茶树、施有机肥。\n"
            + "".join(f"[图片]\n图为{c}。\n" for c in ("黄杜村茶农在茶园内修剪茶树枝条", "农技人员在田间指导茶农科学施用有机肥",
                                                    "航拍下的黄杜村白茶基地，层层茶垄绵延起伏"))
            + "文/图：吴晓峰 章佳怡\n2023/10/16  【来源：安吉县融媒体中心】\n【打印】【关闭】\n")
    items = items_of(text)
    assert [(i["layout"], i["headline"], i["units"], i["doc"]["date"]) for i in items] == [
        ("article", "金秋时节白茶山上采“秋茶”", ["安吉县融媒体中心"], "2023-10-16")]
    assert "[图片]" not in items[0]["body"]


def test_a_work_plan_of_numbered_tasks_under_numbered_headings_is_an_outline():
    """2024年碧阳镇重点工作安排 (no report word in its title): 一、 headings, tasks 1. 2. under each
    numbered afresh, a 牵头领导：… 责任单位：… line under each task: an outline (the layouts' weights
    read its numbered tasks as an issue's stories), the lines under a task its text."""
    text = ("2024年碧阳镇重点工作安排\n碧阳镇人民政府　2024年2月26日\n"
            "一、聚力全域旅游，推动文旅融合发展\n1.推进古村落保护利用。完成南屏村叶氏支祠等6处古建筑修缮，年内完成投资1800万元。\n"
            "牵头领导：汪建国　　责任单位：文旅办、规划建设办\n2.丰富旅游业态。引进精品民宿、研学营地等项目5个以上，新增民宿床位300张。\n"
            "牵头领导：汪建国　　责任单位：文旅办、招商办\n二、聚力乡村振兴，夯实农业农村基础\n"
            "1.稳定粮食和茶叶生产。落实粮食播种面积1.2万亩，完成低产茶园改造800亩。\n牵头领导：程立新　　责任单位：农业综合服务中心\n"
            "2.壮大村级集体经济。实施光伏发电、物业经营等增收项目8个，确保村集体经济收入全部达到30万元以上。\n"
            "牵头领导：程立新　　责任单位：农经站、各村\n")
    items = items_of(text)
    assert [(i["layout"], i["number"], i["headline"]) for i in items] == [
        ("outline", "一、", "聚力全域旅游，推动文旅融合发展"), ("outline", "1.", "推进古村落保护利用"),
        ("outline", "2.", "丰富旅游业态"), ("outline", "二、", "聚力乡村振兴，夯实农业农村基础"),
        ("outline", "1.", "稳定粮食和茶叶生产"), ("outline", "2.", "壮大村级集体经济")]
    assert items[1]["body"].endswith("责任单位：文旅办、规划建设办")


@pytest.mark.parametrize("credit, units, reporters", [
    ("（县住建局供稿 王五摄）", ["县住建局"], ["王五"]),
    ("（县住建局 王五 李四 供稿）", ["县住建局"], ["王五", "李四"]),
    ("（供稿：城关镇 撰稿：王五）", ["城关镇"], ["王五"]),
])
def test_a_storys_closing_credit_names_its_unit_and_writers_without_their_labels(credit, units, reporters):
    """供稿 after a unit followed by a writer, 摄 after a photographer's name: words of the credit, no
    part of a unit's or a person's name."""
    items = items_of("工作简报\n第3期\n县住建局推进老旧小区改造\n今年以来，县住建局改造老旧小区12个，惠及居民1800余户。" + credit
                     + "\n县人社局举办春季招聘会\n3月5日，县人社局举办招聘会，56家企业提供岗位1200余个。（县人社局）\n")
    assert (items[0]["units"], items[0]["reporters"]) == (units, reporters)


def test_a_closing_source_line_with_its_posting_date_gives_both():
    """供稿单位：西江镇人民政府    发布日期：2024年10月8日 under the text: the unit stops before the next label,
    the date is the posting date."""
    items = items_of("西江镇：国庆假期接待游客38.6万人次\n"
                     "　　国庆假期，西江千户苗寨迎来旅游高峰，全镇接待游客38.6万人次，实现旅游综合收入3.2亿元。\n"
                     "　　为应对客流高峰，西江镇提前制定假日旅游保障方案，抽调镇村干部、志愿者420余人。\n"
                     "供稿单位：西江镇人民政府    发布日期：2024年10月8日\n")
    assert [(i["units"], i["doc"]["date"]) for i in items] == [(["西江镇人民政府"], "2024-10-08")]


def test_an_articles_subtitle_is_part_of_its_headline_in_text_and_on_a_saved_page():
    """主标题 ⏎ ——副标题 over an article, and <h3>——副标题</h3> under a saved page's <h1>: one headline,
    主标题——副标题, as a bulletin's story's; a dash line that holds a date (——2026年1月27日在…上) stays
    the date's line."""
    story = ("　　5月30日，为期41天的第二十五届中国（寿光）国际蔬菜科技博览会闭幕，累计接待观众186万人次。\n"
             "　　本届菜博会突出“智慧农业”特色，首次设置数字农业展区，签约合作项目43个。\n")
    items = items_of("第二十五届中国（寿光）国际蔬菜科技博览会闭幕\n——累计接待观众186万人次 签约合作项目43个\n"
                     "来源：寿光市蔬菜产业发展中心 发布时间：2024-05-31\n" + story)
    assert [i["headline"] for i in items] == ["第二十五届中国（寿光）国际蔬菜科技博览会闭幕——累计接待观众186万人次 签约合作项目43个"]
    page = ("<html><head><meta charset='utf-8'><title>正定县人民政府</title></head><body><div class='nav'><a href='/'>首页</a>"
            "<a href='/a'>政务公开</a></div><h1>古城正定“五一”假期接待游客86.3万人次</h1><h3>——实现旅游综合收入7.9亿元</h3>"
            "<div class='info'>来源：正定县文化广电和旅游局 发布时间：2024-05-06</div><div class='content'>"
            + "".join(f"<p>{p}</p>" for p in story.split()) + "</div><div class='foot'>版权所有 正定县人民政府</div></body></html>")
    saved = split_document(normalise_bytes(page.encode("utf-8"), "x.html"))
    assert [i["headline"] for i in saved] == ["古城正定“五一”假期接待游客86.3万人次——实现旅游综合收入7.9亿元"]


def test_a_notices_number_publication_note_and_last_provision_are_no_title_unit_or_signature():
    """城口县人民政府 ⏎ 关于…的通告 ⏎ 城府告〔2024〕5号 ⏎ … ⏎ 六、本通告自2024年12月1日起施行。 ⏎ 城口县人民政府 ⏎
    2024年11月28日 ⏎ （此件公开发布）: the number is no line of the title, the last provision (a sentence
    with a date) no signature, the note of how it is published no unit."""
    items = items_of("当前位置：首页 > 政务公开 > 通知公告\n城口县人民政府\n关于2024—2025年度森林防火期实行野外用火管制的通告\n"
                     "城府告〔2024〕5号\n发布时间：2024-11-28　　字号：大 中 小　　打印\n"
                     "为切实加强森林防火工作，有效预防和减少森林火灾发生，根据有关法律法规规定，现就有关事项通告如下：\n"
                     "一、全县森林防火期为2024年12月1日至2025年5月31日，其中2025年1月15日至4月30日为森林防火紧要期。\n"
                     "二、森林防火期内，在全县林区及距林缘100米范围内，严禁一切野外用火。\n六、本通告自2024年12月1日起施行。\n"
                     "城口县人民政府\n2024年11月28日\n（此件公开发布）\n打印本页　关闭窗口\n")
    assert [(i["headline"], i["units"], i["doc"]["date"]) for i in items] == [
        ("城口县人民政府关于2024—2025年度森林防火期实行野外用火管制的通告", ["城口县人民政府"], "2024-11-28")]


def test_a_page_run_onto_one_line_under_a_bare_breadcrumb_gives_its_title_facts_and_editor():
    """首页 > 新闻中心 > 瑞金要闻 当前位置：首页 > … TITLE 发布时间：… 来源：… 作者：… 浏览次数：… 【字体：大 中 小】
    【打印】 【关闭】 text… 责任编辑：钟华 分享到：微信 微博 上一篇：…, all on one line: the title, the facts, the
    text from its first word, the editor from the closing bar."""
    text = ("首页 > 新闻中心 > 瑞金要闻 当前位置：首页 > 新闻中心 > 瑞金要闻 瑞金市开展红色研学旅游市场安全专项整治 "
            "发布时间：2024-06-12 09:30 来源：瑞金市文化广电新闻出版旅游局 作者：刘芳 浏览次数：1532 【字体：大 中 小】 【打印】 【关闭】 "
            "为进一步规范红色研学旅游市场秩序，保障暑期研学旅游安全，6月以来，瑞金市开展为期三个月的专项整治行动。 "
            "此次整治由市文化广电新闻出版旅游局牵头，联合市公安局等8个部门组成4个联合检查组，对全市47家研学旅行服务机构进行检查。 "
            "截至目前，已检查经营单位85家次，发现并督促整改安全隐患31处，约谈研学机构负责人9人。 "
            "责任编辑：钟华 分享到：微信 微博 上一篇：瑞金市召开2024年防汛工作部署会 下一篇：沙洲坝镇开展主题活动\n")
    items = items_of(text)
    assert [(i["headline"], i["units"], i["doc"]["date"], i["doc"]["editor"]) for i in items] == [
        ("瑞金市开展红色研学旅游市场安全专项整治", ["瑞金市文化广电新闻出版旅游局"], "2024-06-12", "钟华")]
    assert items[0]["body"].startswith("为进一步规范红色研学旅游市场秩序")


def test_a_profiles_bare_names_set_apart_from_their_text_by_a_wide_space_are_its_entries():
    """西江镇概况 ⏎ 基本情况　西江镇位于… ⏎ 自然资源　全镇森林覆盖率… ⏎ …: one entry a name (the page's title
    names a profile, entries_title_words), its text after the wide space."""
    parts = [("基本情况", "西江镇位于雷山县东北部，东与丹江镇相邻，全镇总面积179.4平方公里，辖22个行政村（社区）。"),
             ("自然资源", "全镇森林覆盖率达到72.6%，境内有白水河贯穿全境，雷公山国家级自然保护区部分位于镇内。"),
             ("文化旅游", "镇内的西江千户苗寨由10余个依山而建的自然村寨相连而成，现有居民1400余户，是全国最大的苗族聚居村寨。")]
    items = items_of("西江镇概况\n来源：雷山县西江镇人民政府　　发布时间：2024-02-26 10:17\n"
                     + "".join(f"{n}　{b}\n" for n, b in parts))
    assert [(i["layout"], i["headline"], i["body"]) for i in items] == [("entries", n, b) for n, b in parts]


def test_an_issue_run_onto_two_lines_is_cut_into_its_stories():
    """An issue's page stored with its breaks lost: 【农业生产】 headline text（credit） headline text（credit）
    on one line. One break after a credit and a section's name before the first story are enough to
    give the breaks back; a headline glued to its text is cut where the text opens in time (8月以来，
    截至8月20日，)."""
    text = ("奇台县政务信息 2024年第15期 奇台县人民政府办公室 2024年8月26日 【字体：大 中 小】 【打印】 "
            "【农业生产】 奇台县146.5万亩小麦收获全面结束 8月20日，随着最后一块冬小麦在西北湾镇收获完毕，奇台县今年146.5万亩小麦收获工作全面结束。"
            "全县共投入联合收割机1860台，机收率达100%。（县农业农村局） 江布拉克景区暑期接待游客创新高 7月以来，江布拉克景区共接待游客86.4万人次，"
            "同比增长23.7%，实现旅游收入4.3亿元。（县文化体育广播电视和旅游局）\n"
            "【民生保障】 县人社局开展“送岗位进乡村”活动 8月以来，县人社局组织32家企业深入16个乡镇开展巡回招聘，提供就业岗位1500余个。"
            "（县人力资源和社会保障局） 奇台县城乡居民医保参保率达96.8% 截至8月20日，全县城乡居民基本医疗保险参保人数达到15.6万人，"
            "参保率96.8%。（县医疗保障局） 报：州党委办公厅，州人民政府办公室\n")
    items = items_of(text)
    assert [(i["section"], i["headline"], i["units"]) for i in items] == [
        ("农业生产", "奇台县146.5万亩小麦收获全面结束", ["县农业农村局"]),
        ("农业生产", "江布拉克景区暑期接待游客创新高", ["县文化体育广播电视和旅游局"]),
        ("民生保障", "县人社局开展“送岗位进乡村”活动", ["县人力资源和社会保障局"]),
        ("民生保障", "奇台县城乡居民医保参保率达96.8%", ["县医疗保障局"])]
    assert items[3]["body"].startswith("截至8月20日")


def test_a_section_named_over_its_name_in_another_language_is_a_section():
    """工 作 动 态 ⏎ WORK NEWS ⏎ ▶stories ⏎ 乡 镇 风 采 ⏎ TOWNSHIP NEWS ⏎ ☆stories: two sections (the model read
    the first as a title and the second as a masthead line), the Latin line each one's subtitle."""
    text = ("政务信息\n第8期\n县政府办公室                    2024年5月20日\n工 作 动 态\nWORK NEWS\n"
            "▶县住建局推进老旧小区改造\n　　今年以来，县住建局改造老旧小区12个，惠及居民1800余户。（县住建局）\n"
            "▶县人社局举办春季招聘会\n　　3月5日，县人社局举办招聘会，56家企业提供岗位1200余个。（县人社局）\n"
            "乡 镇 风 采\nTOWNSHIP NEWS\n☆城关镇开展环境整治\n　　城关镇组织干部群众300余人开展环境卫生整治，清理垃圾50吨。（城关镇）\n"
            "☆河口乡推进产业发展\n　　河口乡新发展特色种植3000亩，带动农户增收。（河口乡）\n")
    items = items_of(text)
    assert [(i["section"], i["headline"]) for i in items] == [
        ("工作动态", "县住建局推进老旧小区改造"), ("工作动态", "县人社局举办春季招聘会"),
        ("乡镇风采", "城关镇开展环境整治"), ("乡镇风采", "河口乡推进产业发展")]
    assert items[0]["doc"]["title"] == "政务信息"


def test_a_title_that_asks_or_has_a_comma_over_the_facts_line_is_the_title():
    """2024年高考，这些事项请注意？ ⏎ 2024-06-01 来源：县教育局 ⏎ text: read as text by the model (its comma,
    its question mark), it is the title over the facts line, not the text's first paragraph."""
    items = items_of("2024年高考，这些事项请注意？\n2024-06-01 来源：县教育局\n"
                     "　　2024年高考将于6月7日开始，县教育局提醒广大考生和家长注意以下事项。\n"
                     "　　一是提前熟悉考点。考生应提前到考点熟悉考场位置和交通路线，合理安排出行时间。\n")
    assert [(i["headline"], i["units"], i["doc"]["date"]) for i in items] == [
        ("2024年高考，这些事项请注意？", ["县教育局"], "2024-06-01")]
    assert items[0]["body"].startswith("2024年高考将于6月7日开始")


def test_a_profile_pages_update_time_is_its_date():
    """更新时间：2024-04-10 【大】【中】【小】 under a county profile's title: a facts line (web_meta_labels gains
    更新时间, 更新日期, 上传时间, 录入时间, 生成日期), the page's date."""
    text = ("您当前的位置：首页 > 走进利川 > 利川概况\n利川概况\n更新时间：2024-04-10　　【大】【中】【小】\n"
            "【地理位置】利川市位于湖北省西南边陲，恩施土家族苗族自治州西北部，东邻恩施市，南连咸丰县。\n"
            "【建置沿革】利川古为巴国地，清雍正十三年置利川县，1986年撤县设市。\n"
            "【人口】2023年末，全市户籍人口91.6万人，常住人口67.2万人。\n")
    items = items_of(text)
    assert {i["layout"] for i in items} == {"entries"}
    assert (items[0]["doc"]["title"], items[0]["doc"]["date"]) == ("利川概况", "2024-04-10")


def test_a_notice_from_a_pdf_its_title_on_three_centred_lines_over_its_number_and_signed_by_its_office():
    """婺源县人民政府 ⏎ 关于…实行野外 ⏎ 用火管制的通告 ⏎ 婺府字〔2024〕3号, centred, read as chrome over the
    number: one title; the same office signing it at the end, over a date set apart (2024 年 2 月 26 日)
    and over a second page's number, is its signature, not a running header."""
    text = ("                                 婺源县人民政府\n                        关于2024年春季森林防火期实行野外\n"
            "                                 用火管制的通告\n\n                               婺府字〔2024〕3 号\n\n"
            "    为切实加强春季森林防火工作，有效预防和减少森林火灾发生，保护森林资源和人民群\n众生命财产安全，根据有关法律法规规定，"
            "县人民政府决定在全县范围内实行野外用火管制。现将有关事项通告如下：\n    一、管制时间：2024年3月1日至2024年4月30日。\n"
            "                                     — 1 —\n\f    二、管制范围：全县16个乡镇、1个街道林区及距林缘100米范围内的区域。\n"
            "    本通告自发布之日起施行。\n\n                                                        婺源县人民政府\n"
            "                                                     2024 年 2 月 26 日\n\n    （此件公开发布）\n\n"
            "                                     — 2 —\n")
    items = items_of(text)
    assert [(i["headline"], i["units"], i["doc"]["date"]) for i in items] == [
        ("婺源县人民政府关于2024年春季森林防火期实行野外用火管制的通告", ["婺源县人民政府"], "2024-02-26")]


def test_a_tables_rows_in_a_story_are_its_text_and_its_credit_over_the_footer_its_unit():
    """A story with a table copied from Word (cells set apart by tabs) and the last story's credit
    on a line of its own over 抄报：…: the rows stay in the story's text (no headline of their own),
    the credit names the last story's unit."""
    text = ("政务简报\n第8期\n阳朔县人民政府办公室　　2024年8月5日\n【文旅发展】\n我县暑期文旅市场持续升温\n"
            "7月以来，我县暑期旅游接待游客386万人次，实现旅游收入43.7亿元，同比增长19.8%。主要景区接待情况如下：\n"
            "景区名称\t接待游客（万人次）\t同比增长\n漓江（阳朔段）\t68.4\t15.2%\n遇龙河\t41.7\t22.6%\n"
            "县文旅局供稿\n【乡村振兴】\n县农业农村局开展农产品质量安全“护农”行动\n"
            "7月以来，县农业农村局组织执法人员深入全县9个乡镇，抽检农产品样品860批次，合格率99.6%。\n"
            "县农业农村局供稿\n抄报：市人民政府办公室。\n编辑：莫小燕　　审核：黄志坚\n")
    items = items_of(text)
    assert [(i["headline"], i["units"]) for i in items] == [
        ("我县暑期文旅市场持续升温", ["县文旅局"]), ("县农业农村局开展农产品质量安全“护农”行动", ["县农业农村局"])]
    assert "遇龙河" in items[0]["body"]


def test_a_page_titles_site_name_after_it_is_no_part_of_the_headline():
    """宾县人民政府关于…的通告_宾县人民政府 as a page's title line over its text: the site's name after the
    title (page_title) is no part of the headline, as it is none of the masthead's title."""
    items = items_of("宾县人民政府关于2024—2025年采暖期供热有关事项的通告_宾县人民政府\n发布时间：2024-10-08\n"
                     "为切实做好2024—2025年采暖期城镇供热工作，保障广大居民温暖过冬，结合我县实际，现将有关事项通告如下：\n"
                     "一、供热时间。本采暖期供热时间为2024年10月20日至2025年4月20日，共计183天。\n")
    assert [(i["headline"], i["doc"]["title"]) for i in items] == [
        ("宾县人民政府关于2024—2025年采暖期供热有关事项的通告", "宾县人民政府关于2024—2025年采暖期供热有关事项的通告")]


@pytest.mark.parametrize("section, headline", [("县域经济\n", "洪雅经开区上半年规上工业增加值增长9.2%"),
                                               ("★共同富裕★\n", "千岛湖镇创新“强村公司+”模式推动11个行政村\n集体经济经营性收入全部超过50万元")])
def test_the_first_stories_section_and_headline_read_as_masthead_lines_are_its_own(section, headline):
    """洪雅工作动态 ⏎ 第15期 ⏎ … ⏎ 县域经济 ⏎ headline ⏎ text: a short line over the first story's whole
    headline is its section's name, not the headline's first line; a marked section (★共同富裕★) over a
    headline on two lines is the section, the two lines the headline."""
    text = ("洪雅工作动态\n第15期\n洪雅县人民政府办公室 2024年7月12日\n" + section + headline + "\n"
            "今年以来，洪雅经济开发区坚持“工业强县”不动摇，上半年新签约项目11个，协议投资额37.6亿元。\n"
            "——洪雅经济开发区管委会\n县水利局全力做好主汛期防汛工作\n"
            "进入主汛期以来，县水利局严格落实24小时值班制度，排查整改隐患32处。\n——县水利局\n")
    items = items_of(text)
    assert (items[0]["section"], items[0]["headline"]) == (section.strip("★\n"), headline.replace("\n", ""))


def test_the_first_headline_under_the_contents_read_as_a_masthead_line_opens_the_first_story():
    """本期要目 ⏎ ●headline 1 ⏎ ●headline 2 ⏎ headline 1 ⏎ ——subtitle ⏎ text: the contents end where the
    first of their entries is printed again; that line is the first story's headline."""
    text = ("工作简报\n〔2024〕第7期\n安吉县农业农村局办公室\n2024年4月22日\n本期要目\n"
            "●全力以赴抓好春耕备耕 端牢粮食安全“饭碗”\n●递铺街道“两山合作社”激活闲置农房资源\n"
            "全力以赴抓好春耕备耕 端牢粮食安全“饭碗”\n——县农业农村局扎实推进春季农业生产\n"
            "入春以来，县农业农村局坚持早谋划、早部署、早落实，全县落实春播面积12.6万亩。（县农业农村局）\n"
            "递铺街道“两山合作社”激活闲置农房资源\n递铺街道依托“两山合作社”平台，收储闲置农房86幢。（递铺街道）\n")
    items = items_of(text)
    assert [(i["headline"], i["units"]) for i in items] == [
        ("全力以赴抓好春耕备耕 端牢粮食安全“饭碗”——县农业农村局扎实推进春季农业生产", ["县农业农村局"]),
        ("递铺街道“两山合作社”激活闲置农房资源", ["递铺街道"])]


def test_a_headline_opened_by_its_units_name_in_brackets_is_no_section():
    """【水磨镇】依托灾后重建成果打造“禅茶水磨”文旅品牌 over its text, read as a section by the model: a headline
    whose label is its unit (forms.md: a unit as a label)."""
    text = ("工作简报（增刊）\n第3期\n汶川县人民政府办公室　　2024年5月13日\n"
            "【水磨镇】依托灾后重建成果打造“禅茶水磨”文旅品牌\n水磨镇以灾后重建形成的羌城古镇为依托，今年接待游客86万人次。\n"
            "【县应急管理局】组织开展地质灾害避险转移综合演练\n5月10日，县应急管理局在绵虒镇组织开展地质灾害避险转移综合演练。\n"
            "【威州镇】开展“防灾减灾进万家”宣传周活动\n5月6日至12日，威州镇组织镇村干部开展防灾减灾宣传。\n")
    items = items_of(text)
    assert [(i["section"], i["headline"], i["units"]) for i in items] == [
        (None, "依托灾后重建成果打造“禅茶水磨”文旅品牌", ["水磨镇"]), (None, "组织开展地质灾害避险转移综合演练", ["县应急管理局"]),
        (None, "开展“防灾减灾进万家”宣传周活动", ["威州镇"])]


def test_a_saved_issues_contents_and_numbered_name_make_it_an_issue_of_its_credited_stories():
    """大埔政务快讯（2024年第15期） (its name ends in its number: numbered, not titled) over a contents list
    whose heading was page chrome (◇headline …) and stories each closed by （信息来源：…）: an issue, the
    contents no story's first headline line."""
    text = ("大埔政务快讯（2024年第15期）\n来源：大埔县人民政府办公室 发布时间：2024-08-09\n大埔县人民政府办公室编　　　　　　2024年8月8日\n"
            "◇县政府召开2024年第12次常务会议\n◇我县城乡居民医保参保率达96.8%\n"
            "县政府召开2024年第12次常务会议\n8月5日，县长主持召开县政府2024年第12次常务会议，研究部署防汛救灾等工作。\n（信息来源：县政府办）\n"
            "我县城乡居民医保参保率达96.8%\n截至7月底，全县2024年度城乡居民医保参保人数达41.2万人，参保率96.8%。\n（信息来源：县医保局）\n")
    items = items_of(text.replace("\n", "\n\n"))  # (a saved page's lines, each a block of its own)
    assert [(i["layout"], i["headline"], i["units"]) for i in items] == [
        ("bulletin", "县政府召开2024年第12次常务会议", ["县政府办"]), ("bulletin", "我县城乡居民医保参保率达96.8%", ["县医保局"])]


def test_a_storys_points_run_in_as_yi_shi_are_its_text_not_stories():
    """春节慰问送关怀… ⏎ 春节将至，… ⏎ 一是走访慰问精准扶贫户、困难户。1月18日，… ⏎ 二是…: a roundup's points,
    read as headlines, are the story's text (the development set's pingtan_32, read by a model that
    never saw its site)."""
    text = ("工作简报\n第1期\n【春节慰问】\n春节慰问送关怀，浓浓关爱暖人心\n"
            "春节将至，为体现党和政府对困难群众的关心和关爱，全区各医疗卫生单位纷纷开展春节慰问送温暖。\n"
            "一是走访慰问精准扶贫户、困难户。1月18日，局党组成员深入白青、平原等乡镇的精准扶贫家庭走访慰问。\n"
            "二是走访慰问困难党员、离退休干部。1月24日，局党组成员带队深入基层走访慰问困难党员。\n（局综合处）\n")
    roles = ["title", "masthead", "section", "headline", "body", "headline", "headline", "credit"]
    items = split_document(normalise_bytes(text.encode("utf-8")), layout="bulletin", roles=roles)
    assert [(i["headline"], i["units"]) for i in items if i["type"] == "item"] == [("春节慰问送关怀，浓浓关爱暖人心", ["局综合处"])]


def test_a_units_name_alone_in_brackets_under_a_story_is_its_credit_when_sections_are_marked_otherwise():
    """◆ 基层党建 ⏎ headline ⏎ text ⏎ 【永兴镇】 ⏎ headline ⏎ text ⏎ 【湄江街道】: the bracketed unit under each
    story, read as a section, is its credit; the first section and headline under the masthead are the
    first story's."""
    text = ("湄潭党建动态\n2024年第9期（总第121期）\n中共湄潭县委组织部编                          2024年9月18日\n"
            "◆ 基层党建\n永兴镇“支部+合作社”带动茶农户均增收4200元\n"
            "　　今年以来，永兴镇坚持以党建引领茶产业发展，推行“村党支部+专业合作社+茶农”模式，带动茶农6800余户。\n【永兴镇】\n"
            "湄江街道推行“网格+党建”提升社区治理效能\n"
            "　　湄江街道将辖区划分为186个网格，每个网格配备1名党员网格长，今年1—8月共收集群众诉求2310件。\n【湄江街道】\n"
            "◆ 人才工作\n我县柔性引进茶产业紧缺人才37名\n"
            "　　县委人才办围绕茶产业全产业链发展需求，从贵州大学等单位柔性引进紧缺人才37名。\n【县委人才办】\n")
    items = items_of(text)
    assert [(i["section"], i["headline"], i["units"]) for i in items] == [
        ("基层党建", "永兴镇“支部+合作社”带动茶农户均增收4200元", ["永兴镇"]),
        ("基层党建", "湄江街道推行“网格+党建”提升社区治理效能", ["湄江街道"]),
        ("人才工作", "我县柔性引进茶产业紧缺人才37名", ["县委人才办"])]


def test_a_notices_long_title_under_a_sites_name_is_the_title_of_one_item():
    """阳朔县人民政府门户网站 ⏎ … ⏎ 阳朔县住房和城乡建设局关于公开征求《…（征求意见稿）》意见的公告 ⏎ 为规范…: the
    notice's whole title (its office, 关于…, 公告) is never run into its text, the site's name over it is
    no title, and the notice in 一、 parts is one item."""
    title = "阳朔县住房和城乡建设局关于公开征求《阳朔县城区户外广告设施设置管理办法（征求意见稿）》意见的公告"
    text = ("阳朔县人民政府门户网站\n政务公开 > 意见征集 > 征集中\n" + title + "\n"
            "为规范县城区户外广告设施设置，提升城市景观品质，我局起草了《阳朔县城区户外广告设施设置管理办法（征求意见稿）》，"
            "现向社会公开征求意见。有关事项公告如下：\n一、征求意见时间\n2024年9月3日至2024年10月3日（共30日）。\n"
            "二、意见反馈方式\n（一）电子邮件：发送至yszjjcsk@163.com，邮件主题请注明“户外广告管理办法意见”。\n"
            "（二）信函：邮寄至阳朔县住房和城乡建设局城市管理股（邮编：541900）。\n")
    items = items_of(text)
    assert [(i["layout"], i["headline"]) for i in items] == [("article", title)]


def test_a_news_storys_marked_captions_between_its_paragraphs_are_captions_and_its_source_under_it_credits_it():
    """A town site's picture story: ▲ captions (one printed twice, a crawler's 图片1 over each) between
    the paragraphs of one story are no stories of an issue; the source line under the text with the
    reviewer and a counter beside it (供稿单位：… 审核：… 浏览量：…) credits its unit and reviewer."""
    text = ("勐海县勐混镇人民政府\n首页 | 镇情概况 | 政务公开 | 镇村动态\n2024年11月05日 10:21 星期二\n"
            "勐混镇：冬季农业开发“种”下增收新希望\n摄影：岩香　　编辑：玉香\n"
            "　　立冬将至，勐混坝子的稻谷刚刚收完，田间又是一派繁忙景象。全镇冬季农业计划种植面积2.86万亩，目前已完成种植1.47万亩。\n"
            "图片1\n▲曼赛村村民在田间移栽冬早辣椒苗\n▲曼赛村村民在田间移栽冬早辣椒苗\n"
            "　　今年，勐混镇结合坝区土地资源和气候优势，按照“稳粮、扩菜、增果”思路，重点发展冬早辣椒、冬西瓜等产业。\n"
            "图片2\n▲农技人员在曼扫村指导群众科学施肥\n"
            "　　据测算，今年勐混镇冬季农业开发预计实现产值1.65亿元，带动农户3200余户，户均增收1.2万元以上。\n"
            "供稿单位：勐混镇农业农村综合服务中心　　审核：岩温　　浏览量：312\n【打印此页】【关闭窗口】\n")
    items = items_of(text)
    assert [(i["layout"], i["headline"], i["units"]) for i in items] == [
        ("article", "勐混镇：冬季农业开发“种”下增收新希望", ["勐混镇农业农村综合服务中心"])]
    assert "▲" not in items[0]["body"] and items[0]["doc"]["reviewer"] == "岩温"


def test_a_line_closed_by_a_photographers_credit_inside_a_story_is_a_caption():
    """葛岭镇溪洋村果农在采摘芙蓉李。通讯员 林晓燕 摄 between a story's paragraphs: a caption, no section or
    headline (a byline 本报记者 汪晓峰 通讯员 俞建华, with no 摄, stays a byline)."""
    text = ("十二万亩芙蓉李喜迎丰收 永泰果农“李”想照进现实\n来源：福州日报　作者：陈思远 林晓燕　日期：2023/6/12\n"
            "本报讯（记者 陈思远 通讯员 林晓燕）6月10日，在永泰县葛岭镇溪洋村的李园里，果农黄秋生一边麻利地把刚摘下的芙蓉李分拣装筐，一边笑着说。\n"
            "葛岭镇溪洋村果农在采摘芙蓉李。通讯员 林晓燕 摄\n"
            "永泰是“中国李果之乡”，芙蓉李种植历史已有三百多年。近年来，该县围绕李果产业提质增效，建成标准化示范基地23个。\n"
            "永泰县芙蓉李分拣包装车间。记者 陈思远 摄\n"
            "据介绍，6月中旬起，永泰将陆续举办“李花源里·李想永泰”系列采摘活动。\n责任编辑：郑丽华\n")
    items = items_of(text)
    assert [(i["layout"], i["headline"], i["units"]) for i in items] == [
        ("article", "十二万亩芙蓉李喜迎丰收 永泰果农“李”想照进现实", ["福州日报"])]
    assert "摄" not in items[0]["body"]
    assert text_feature("本报记者　汪晓峰　通讯员　俞建华", "caption") is False


def test_a_work_plans_title_over_points_numbered_in_turn_is_an_outline_of_them():
    """武宁县2024年法治政府建设工作要点 over 1.深入学习贯彻…。 2.… (one level, full-width 10． after 9.): an
    outline, each point a heading up to its first 。, whatever the layouts' weights read."""
    points = ["深入学习贯彻习近平法治思想", "全面落实法治建设第一责任人职责", "持续深化“放管服”改革", "优化法治化营商环境"]
    text = ("武宁县2024年法治政府建设工作要点\n发布日期：2024-03-14　　信息来源：县司法局\n"
            "2024年是全面实施《法治政府建设实施纲要（2021—2025年）》的关键之年。为深入推进依法行政，制定本要点。\n"
            + "".join(f"{n}.{p}。将{p}作为重点任务，纳入年度考核，确保各项措施落地见效，全年开展专题培训{n}次。\n"
                      for n, p in enumerate(points, 1))
            + "中共武宁县委全面依法治县委员会办公室\n2024年3月12日\n")
    items = items_of(text)
    assert [(i["layout"], i["number"], i["headline"]) for i in items if i["number"]] == [
        ("outline", f"{n}.", p) for n, p in enumerate(points, 1)]


def test_paragraphs_that_open_with_lead_sentences_under_headings_and_no_issue_are_a_digest():
    """A paper's digest of a work report: heading lines with no stop, each paragraph under them opening
    with a short lead sentence (经济运行稳中向好。2023年，…): one item a paragraph, the lead its headline."""
    leads = ["经济运行稳中向好", "项目建设提速增效", "民生福祉不断增进", "科学确定发展目标", "全力扩大有效投资", "坚持依法行政"]
    body = "全县上下攻坚克难，各项主要指标增速高于全市平均水平，完成投资62.4亿元，同比增长9.6%。"
    text = ("政府工作报告（摘要）\n2023年工作回顾\n" + "".join(f"{w}。{body}\n" for w in leads[:3])
            + "2024年重点工作\n" + "".join(f"{w}。{body}\n" for w in leads[3:]) + "（本报记者　李文静　整理）\n")
    items = items_of(text)
    assert [(i["layout"], i["section"], i["headline"]) for i in items] == (
        [("digest", "2023年工作回顾", w) for w in leads[:3]] + [("digest", "2024年重点工作", w) for w in leads[3:]])


def test_two_bracketed_entries_under_a_yearbooks_running_head_are_entries_and_the_head_names_the_yearbook():
    """迁西年鉴（2023）　　…　　农业·乡村振兴 ⏎ 【巩固拓展脱贫攻坚成果】… ⏎ 【乡村振兴】…: two entries are enough
    under a title that names entries; the running head's first part is the yearbook's title."""
    text = ("迁西年鉴（2023）　　　　　　　　　　　　农业·乡村振兴\n"
            "【巩固拓展脱贫攻坚成果】2022年，迁西县严格落实“四个不摘”要求，将全县1.26万户、2.87万名脱贫人口纳入动态监测范围。\n"
            "（撰稿：高树林）\n【乡村振兴】2022年，迁西县以“栗乡花乡·和美迁西”为主线，创建省级美丽乡村12个，改造农村户厕3600座。\n")
    items = items_of(text)
    assert [(i["layout"], i["headline"]) for i in items] == [("entries", "巩固拓展脱贫攻坚成果"), ("entries", "乡村振兴")]
    assert items[0]["doc"]["title"] == "迁西年鉴（2023）"


def test_a_county_profiles_names_run_in_with_a_colon_are_entries():
    """恭城概况 ⏎ 地理位置：恭城瑶族自治县位于… ⏎ 历史沿革：恭城历史悠久…: each name before its colon an entry."""
    names = ["地理位置", "历史沿革", "行政区划", "人口民族"]
    text = ("恭城概况\n来源：恭城瑶族自治县人民政府办公室　发布时间：2024-04-18\n"
            + "".join(f"{n}：恭城瑶族自治县位于广西壮族自治区东北部，桂林市东南部，总面积2149平方公里，辖9个乡镇。\n"
                      for n in names))
    assert [(i["layout"], i["headline"]) for i in items_of(text)] == [("entries", n) for n in names]


def test_towns_named_alone_over_texts_that_open_with_their_names_are_entries_of_a_profile_page():
    """乡镇（街道）简介 ⏎ 桐君街道 ⏎ 桐君街道位于县城中心… ⏎ 分水镇 ⏎ 分水镇为…: a town's name over a text that
    opens with it is an entry's name (a unit's name over other text is none); the site's name is no title."""
    towns = ["桐君街道", "旧县街道", "分水镇", "莪山畲族乡"]
    text = ("桐庐县人民政府门户网站\n当前位置：首页 > 走进桐庐 > 乡镇（街道）\n乡镇（街道）简介\n"
            "发布时间：2024-03-26 15:40　来源：桐庐县人民政府办公室\n"
            + "".join(f"{t}\n{t}位于县境中部，总面积128平方公里，辖12个行政村、2个社区，户籍人口3.6万人，以工业和旅游业为主。\n"
                      for t in towns))
    items = items_of(text)
    assert [(i["layout"], i["headline"]) for i in items] == [("entries", t) for t in towns]
    assert items[0]["doc"]["title"] == "乡镇（街道）简介"


def test_bracketed_labels_with_values_and_a_menu_naming_a_profile_make_no_page_of_entries():
    """首页 沂水概况 新闻中心 … (a menu) over a news story closed by 【发布日期：…】【信息来源：…】: a label
    and its value in brackets is no entry's name, a menu's 概况 no title of entries; the story is one item."""
    text = ("沂水县人民政府\n首页 沂水概况 新闻中心 政务公开 政民互动 政务服务\n当前位置：首页 > 新闻中心 > 沂水要闻\n"
            "沂水县首个县级农村电商直播基地投用\n作者：王晓东 马骁\n【字体：大 中 小】 打印本页 关闭窗口\n"
            "5月20日上午，沂水县农村电商直播基地在许家湖镇正式投入运营，首批入驻企业42家，涵盖果品、煎饼等特色产品。\n"
            "据了解，基地采取“政府引导+国企运营+企业入驻”模式，年内力争带动农产品网络零售额突破15亿元。\n"
            "【发布日期：2024-05-21】【信息来源：沂水县融媒体中心】【浏览次数：1526】\n编辑：朱丽 审核：杨振国\n")
    items = items_of(text)
    assert [(i["layout"], i["headline"], i["units"]) for i in items] == [
        ("article", "沂水县首个县级农村电商直播基地投用", ["沂水县融媒体中心"])]
    assert items[0]["doc"]["date"] == "2024-05-21"


def test_a_crawled_issue_under_a_sites_page_reads_its_sections_credits_footer_and_own_date():
    """A crawler's header closed by a bare rule (==========), the site's page, then the issue: its
    masthead's date over the date the site posted it; ═══ 部门动态 ═══ a section; 来源：… under a headline,
    兴安县林业局：… or 【崔家乡】 opening a story's text its credit (not its text); a plain line over the
    next 来源：… the next story's headline; 本期编辑：… 编审：… and 送：… the issue's footer."""
    text = ("标题：兴安政务信息（第12期）\n发布时间：2024-06-24 10:17:35\n来源：兴安县人民政府办公室\n==========\n"
            "兴安县人民政府门户网站\n当前位置：首页 > 政务公开 > 政务动态\n兴 安 政 务 信 息\n第 12 期\n"
            "兴安县人民政府办公室　主办　　　　　　　　2024年6月21日\n═══ 部门动态 ═══\n"
            "灵渠景区端午假期接待游客6.8万人次\n来源：县文化体育广电和旅游局\n"
            "　　端午假期，灵渠景区推出特色活动18场次，累计接待游客6.8万人次，同比增长23.5%，实现收入1260万元。\n"
            "松材线虫病疫木除治攻坚行动取得阶段性成效\n"
            "　　兴安县林业局：今年以来，我局组织专业除治队伍14支，累计清理除治枯死松木2.7万株，完成无害化处理3100立方米。\n"
            "县农业农村局“三个到位”抓好早稻中后期管理\n来源：县农业农村局\n"
            "　　当前正值早稻抽穗扬花关键期，县农业农村局组织技术人员62名，分片包干深入全县10个乡镇开展技术指导。\n"
            "═══ 乡镇动态 ═══\n崔家乡“葡萄+电商”拓宽群众增收路\n"
            "　　【崔家乡】崔家乡种植鲜食葡萄1.3万亩，今年建成乡级电商服务站1个，通过直播带货销售葡萄860吨。\n"
            "本期编辑：莫晓雯　编审：唐建平\n送：市委办公室，市政府办公室。\n【打印本页】　【关闭窗口】\n")
    items = items_of(text)
    assert [(i["section"], i["headline"], i["units"], i["body"][:4]) for i in items] == [
        ("部门动态", "灵渠景区端午假期接待游客6.8万人次", ["县文化体育广电和旅游局"], "端午假期"),
        ("部门动态", "松材线虫病疫木除治攻坚行动取得阶段性成效", ["兴安县林业局"], "今年以来"),
        ("部门动态", "县农业农村局“三个到位”抓好早稻中后期管理", ["县农业农村局"], "当前正值"),
        ("乡镇动态", "崔家乡“葡萄+电商”拓宽群众增收路", ["崔家乡"], "崔家乡种")]
    doc = items[0]["doc"]
    assert (doc["title"], doc["issue"], doc["date"], doc["editor"], doc["reviewer"]) == (
        "兴安政务信息", 12, "2024-06-21", "莫晓雯", "唐建平")


def test_an_article_of_rules_captioned_in_brackets_has_its_caption_for_heading():
    """第三条（工作原则）乡村公益性岗位开发管理坚持…: the bracketed caption is the article's heading; an
    article with none has no heading."""
    text = ("富锦市乡村公益性岗位开发管理办法\n第一章　总　　则\n"
            "第一条　为规范乡村公益性岗位开发管理，根据有关规定，结合我市实际，制定本办法。\n"
            "第二条　本办法所称乡村公益性岗位，是指在乡村开发的公共管理和社会服务类岗位。\n"
            "第三条（工作原则）乡村公益性岗位开发管理坚持按需设岗、以岗聘任、在岗领补、有序退岗的原则。\n")
    items = items_of(text)
    assert [(i["number"], i["headline"]) for i in items if i["number"]] == [
        ("第一章", "总　　则"), ("第一条", None), ("第二条", None), ("第三条", "工作原则")]
    assert items[-1]["body"].startswith("乡村公益性岗位开发管理坚持")


def test_an_outlines_short_lines_over_its_text_are_headings_without_numbers():
    """A communiqué's 粮食生产 ⏎ 全年粮食播种面积… and a report's 生态底色更加亮丽。 ⏎ 始终坚持…, under a
    numbered heading: headings with no number, whatever the model read; a table's rows are none."""
    text = ("西吉县2023年国民经济和社会发展统计公报\n一、农业\n粮食生产\n"
            "全年粮食播种面积142.6万亩，比上年增加1.2万亩；粮食总产量33.52万吨，增长2.9%。\n"
            "表1　2023年主要农产品产量\n粮食　万吨　33.52　2.9\n草畜产业\n"
            "年末肉牛饲养量26.8万头，增长7.5%；肉羊饲养量142.3万只，增长4.1%，草畜产业产值持续增长。\n"
            "二、财政和金融\n生态底色更加亮丽。\n"
            "始终坚持生态优先、绿色发展，全县森林覆盖率达到19.6%，比上年提高0.8个百分点，草原综合植被盖度稳定。\n")
    heads = [(i["number"], i["headline"]) for i in items_of(text, layout="outline") if i["headline"]]
    assert ("一、", "农业") in heads and (None, "粮食生产") in heads and (None, "草畜产业") in heads
    assert (None, "生态底色更加亮丽") in heads and not any("万吨" in h for _, h in heads)


def test_a_heading_run_into_a_text_that_opens_with_its_year_ends_before_it():
    """二、2023年工作计划2023年是贯彻党的二十大精神的开局之年，…: the heading ends where 2023年是 opens the text."""
    text = ("金井片区管理局2022年工作总结及2023年工作计划\n"
            "一、2022年工作总结今年来，金井片区管理局党委坚持以习近平新时代中国特色社会主义思想为指导，各项工作取得新成效。\n"
            "二、2023年工作计划2023年是贯彻党的二十大精神的开局之年，也是落实“十四五”规划的重要一年。\n")
    assert ("二、", "2023年工作计划") in [(i["number"], i["headline"]) for i in items_of(text, layout="outline")]


def test_a_pages_date_run_into_its_breadcrumb_is_the_articles_date_where_nothing_else_gives_one():
    """省级文明县测评组来冠县验收创建工作 ⏎ 首页 > 冠县新闻 人气:130 日期:2015/1/7 17:36:03 ⏎ 文章正文 ⏎ 本网讯…."""
    text = ("省级文明县测评组来冠县验收创建工作\n首页 > 冠县新闻 人气:130 日期:2015/1/7 17:36:03\n文章正文\n"
            "    本网讯  1月7日，市委常委、宣传部长赵庆忠带领省级文明县测评组来我县就省级文明县创建工作进行测评验收。\n"
            "    通过听取汇报、实地考察和材料审核等测评环节，测评组对我县创建工作给予充分肯定。\n")
    items = items_of(text)
    assert [(i["headline"], i["doc"]["date"]) for i in items] == [("省级文明县测评组来冠县验收创建工作", "2015-01-07")]


@pytest.mark.parametrize("facts, units", [("供稿单位：沙河镇人民政府", ["沙河镇人民政府"]), ("稿源：县农业农村局", ["县农业农村局"]),
                                          ("发布部门：县教育局　发布时间：2024-05-06", ["县教育局"]), ("来源：本站", []),
                                          ("来源：原创", []), ("来源：张掖日报　记者　张三", ["张掖日报"])])
def test_the_source_a_facts_line_names_over_an_article_is_its_unit_unless_it_names_no_office(facts, units):
    """供稿单位：… over the text credits its unit as 来源：… does; 来源：本站 (the site itself), 原创 name none."""
    text = ("临泽县开展河湖清四乱专项行动\n" + facts + "\n"
            "5月以来，临泽县组织开展河湖清四乱专项行动，排查问题18个，已整改15个，河湖面貌持续改善。\n"
            "下一步，将持续巩固整治成果，建立长效机制。\n")
    assert [i["units"] for i in items_of(text)] == [units]


def test_a_correspondents_editors_and_reviewers_line_under_an_article_gives_its_editor_and_reviewer():
    """通讯员：张敏　编辑：李娜　审核：王刚 under the text: the editor and the reviewer, no unit."""
    text = ("石阡县：茶园管护正当时\n发布日期：2024年04月10日  信息来源：石阡县融媒体中心\n"
            "连日来，石阡县各茶叶种植基地抢抓晴好天气，组织茶农开展茶园管护，为春茶丰产打下基础。\n"
            "据了解，全县茶园面积达46.8万亩，今年预计实现茶叶产量5.2万吨、产值60亿元。\n通讯员：张敏　编辑：李娜　审核：王刚\n")
    items = items_of(text)
    assert [(i["units"], i["doc"]["editor"], i["doc"]["reviewer"]) for i in items] == [(["石阡县融媒体中心"], "李娜", "王刚")]


def test_a_chronicles_dated_lines_under_its_title_are_its_entries():
    """铅山年鉴（2023） ⏎ 大事记 ⏎ 2022年 ⏎ 1月5日　…召开 ⏎ 1月17—19日 …: each dated line an entry, its date
    the entry's name (同日, 3月上旬 too); a date run into a sentence (3月24日，…) opens none."""
    text = ("铅山年鉴（2023）\n大　事　记\n2022年\n"
            "1月5日　中共铅山县委十五届三次全体（扩大）会议暨县委经济工作会议召开，部署2022年主要任务。\n"
            "1月17—19日 政协铅山县第十届委员会第二次会议召开，会议期间共收到提案143件。\n"
            "同日　河口明清古街保护利用二期工程开工，总投资3.6亿元，涉及古建筑修缮82栋。\n"
            "3月上旬　鹅湖书院古建筑群保护修缮工程通过省文物局组织的竣工验收。\n")
    items = items_of(text)
    assert [(i["layout"], i["headline"]) for i in items] == [
        ("entries", "1月5日"), ("entries", "1月17—19日"), ("entries", "同日"), ("entries", "3月上旬")]
    assert items[0]["body"].startswith("中共铅山县委") and items[0]["doc"]["title"] == "铅山年鉴（2023）"


def test_an_issues_headless_briefs_each_closed_by_its_units_credit_are_its_stories():
    """罗田县政务简讯（2024年第37期） over briefs closed by （县农业农村局）, 〔县人社局　县就业局〕, 【三里畈镇】: an
    issue of stories, whatever the layouts' weights read; a brief with no credit is one too, the next
    brief opening in time (9月4日，…) starts after it."""
    text = ("罗田县政务简讯（2024年第37期）\n来源：罗田县人民政府办公室 发布时间：2024-09-09\n"
            "9月2日，县农业农村局组织40余名农技人员分赴各乡镇，指导农户做好中稻收割，发放技术资料3200余份。（县农业农村局）\n"
            "9月3日，县卫健局开展秋季爱国卫生运动，清理卫生死角326处，发放宣传资料5000余份。\n"
            "9月4日，罗田县人民医院与协和医院签订专科联盟协议，专家将每月定期到院坐诊、带教。\n"
            "9月6日，县人社局、县就业局举办“金秋招聘月”专场招聘会，提供就业岗位2600余个。〔县人社局　县就业局〕\n"
            "近日，三里畈镇对辖区22座小型水库开展汛后安全检查，对发现的问题建立台账、限期整改。【三里畈镇】\n")
    items = items_of(text)
    assert [(i["layout"], i["units"], i["body"][:5]) for i in items] == [
        ("bulletin", ["县农业农村局"], "9月2日，"), ("bulletin", [], "9月3日，"), ("bulletin", [], "9月4日，"),
        ("bulletin", ["县人社局", "县就业局"], "9月6日，"), ("bulletin", ["三里畈镇"], "近日，三里")]


def test_an_offices_name_over_the_pages_menu_is_the_sites_header_not_the_title():
    """柞水县人民政府 ⏎ 今天是：… | 设为首页 ⏎ … ⏎ 【部门解读】《…》政策解读: the office over the date bar is the site's
    header; the column's tag is no part of the title; the facts line under the Q&A gives date and unit;
    （根据录音整理） under a speech names no unit."""
    text = ("柞水县人民政府\n今天是：2025年3月4日 星期二　　|　设为首页　|　加入收藏\n"
            "当前位置：首页 > 政务公开 > 政策解读\n【部门解读】《柞水县木耳产业高质量发展扶持办法（2024—2026年）》政策解读\n"
            "索引号：611026-0123/2024-00041　　发布机构：柞水县农业农村局\n近日，县政府办公室印发了《柞水县木耳产业高质量发展扶持办法（2024—2026年）》，现就有关内容解读如下。\n"
            "问：为什么要出台《办法》？\n答：木耳产业是我县群众增收致富的主导产业，出台《办法》是为了推动产业提质增效。\n"
            "发布时间：2024-04-12 10:15　　来源：柞水县农业农村局　　作者：王建军　　阅读次数：1642\n【打印本页】　【关闭窗口】\n")
    items = items_of(text)
    assert [(i["headline"], i["units"], i["doc"]["date"]) for i in items] == [
        ("《柞水县木耳产业高质量发展扶持办法（2024—2026年）》政策解读", ["柞水县农业农村局"], "2024-04-12")]
    assert credit_line("（根据录音整理）")[0] == []


def test_an_issue_of_one_story_in_numbered_parts_is_one_story_under_its_editors_note():
    """信息专报 ⏎ 第27期 ⏎ … ⏎ 编者按：… ⏎ headline ⏎ text ⏎ 一、主要做法 ⏎ （一）… ⏎ 二、初步成效 ⏎ 一是… ⏎ 供稿：…: the
    parts are the story's text, no sections and stories; the editor's note is the issue's."""
    text = ("信息专报\n第27期\n中共天台县委办公室　　　　2024年9月23日\n"
            "编者按：基层治理是国家治理的基石。去年以来，街头镇探索建立“和合议事厅”，现将有关情况刊发，供各地学习借鉴。\n"
            "天台县街头镇以“和合议事厅”破解基层治理难题\n——“和合议事厅”运行一年情况调查\n"
            "去年7月，街头镇在后岸村、寒岩村先行试点“和合议事厅”，今年在全镇推开，共建成议事厅38个。\n"
            "一、主要做法\n（一）搭建“三级议事”平台。按照“村有议事厅、片有议事点”思路，建成议事点112个，实现全覆盖。\n"
            "（二）建强“和合议事员”队伍。从老党员、老干部中选聘议事员426名，开展培训12场次。\n"
            "二、初步成效\n一是化解了一批矛盾纠纷。全年共调处各类纠纷163起，调处成功率达97%。\n"
            "二是凝聚了一批发展合力。后岸村通过议事会引导62户村民流转土地发展民宿。\n"
            "供稿：县委社会工作部　街头镇　　执笔：叶晓峰\n报：市委办公室，市委社会工作部。\n")
    items = items_of(text)
    assert [(i["headline"], i["units"]) for i in items] == [
        ("天台县街头镇以“和合议事厅”破解基层治理难题——“和合议事厅”运行一年情况调查", ["县委社会工作部", "街头镇"])]
    assert "一是化解了一批矛盾纠纷" in items[0]["body"] and items[0]["doc"]["note"].startswith("编者按")


def test_a_tables_rows_and_an_articles_citation_in_an_outline_are_no_headings():
    """一、本年新收政府信息公开申请数量	3	0	3 (a table's row, its cells set apart by tabs) and 第二十条第（一）项 (a
    citation of an article) are no headings of a 年度报告."""
    text = ("某县农业农村局2024年政府信息公开工作年度报告\n一、总体情况\n（一）主动公开\n"
            "2024年，我局通过县政府门户网站主动公开政府信息186条，其中政策文件12件。\n"
            "二、收到和处理政府信息公开申请情况\n一、本年新收政府信息公开申请数量\t3\t0\t0\t3\n"
            "二、上年结转政府信息公开申请数量\t0\t0\t0\t0\n第二十条第（一）项\n信息内容\t本年制发件数\t现行有效件数\n"
            "三、存在的主要问题及改进情况\n（一）存在的主要问题\n信息公开的及时性还需提高，个别栏目更新不够及时。\n")
    heads = [(i["number"], i["headline"]) for i in items_of(text, layout="outline") if i["number"]]
    assert heads == [("一、", "总体情况"), ("（一）", "主动公开"), ("二、", "收到和处理政府信息公开申请情况"),
                     ("三、", "存在的主要问题及改进情况"), ("（一）", "存在的主要问题")]


def test_a_story_with_a_table_of_ruled_rows_keeps_its_rows_and_its_credit_under_them():
    """督查评分情况 ⏎ text ⏎ | 1 | 上磺镇 | 37.5 | 94.5 | … ⏎ text ⏎ （县政府督查室）: a table's rows, set apart by
    rules, are the story's, never a headline; the credit under them is the story's."""
    text = ("督查通报\n2024年第5期（总第63期）\n巫溪县人民政府督查室　　　　2024年5月15日\n【督查评分】\n"
            "一季度乡镇（街道）重点工作督查评分情况\n"
            "　　4月22日至5月10日，县政府督查室组成4个督查组，对各乡镇（街道）一季度重点工作推进情况进行了督查并量化评分。\n"
            "| 排名 | 单位 | 项目推进 | 综合得分 |\n| 1 | 上磺镇 | 37.5 | 94.5 |\n| 2 | 宁河街道 | 36.0 | 92.0 |\n"
            "| 32 | 下堡镇 | 24.0 | 69.5 |\n"
            "　　从评分情况看，综合得分90分以上的4个，80分至90分的19个，80分以下的9个。\n（县政府督查室）\n"
            "【督查发现】\n上磺镇“药旅融合”带动中药材产业提档升级\n"
            "　　上磺镇依托中药材种植基地发展康养旅游，今年以来接待游客3.2万人次，带动药农增收。（县政府第一督查组）\n")
    items = items_of(text)
    assert [(i["headline"], i["units"]) for i in items] == [
        ("一季度乡镇（街道）重点工作督查评分情况", ["县政府督查室"]),
        ("上磺镇“药旅融合”带动中药材产业提档升级", ["县政府第一督查组"])]


def test_a_pages_facts_line_under_the_text_read_as_a_footer_still_dates_and_credits_the_article():
    """发布时间：2024-10-12 17:26　来源：泾县融媒体中心　作者：… under the text, over 责任编辑：…: the date and the unit."""
    text = ("泾县“宣纸+研学”串起非遗文旅新链条\n"
            "10月以来，泾县依托宣纸文化园推出研学线路6条，接待中小学生研学团队120批次，带动周边民宿营业收入增长三成。\n"
            "下一步，该县将持续擦亮宣纸文化品牌，推动非遗保护与文旅融合发展。\n"
            "发布时间：2024-10-12 17:26　　来源：泾县融媒体中心　　作者：汪雨晴　胡文斌　　阅读次数：2193\n"
            "责任编辑：吴晓峰　　审核：程立新\n分享到：微信 微博QQ空间\n")
    items = items_of(text)
    assert [(i["units"], i["doc"]["date"], i["doc"]["editor"]) for i in items] == [
        (["泾县融媒体中心"], "2024-10-12", "吴晓峰")]


def test_an_issues_title_set_over_two_lines_under_its_mark_and_its_office_set_apart_from_its_word():
    """内部资料 ⏎ 甘 谷 工 作 ⏎ 简　　　　报 ⏎ （第12期） ⏎ 甘谷县委督查室　编印　… 2024年5月17日: the mark is no title,
    the title's word on its second line completes it, the office is read apart from 编印."""
    text = ("　　　　　　　　　　　　　内部资料\n\n　　　　甘 谷 工 作\n　　　　简　　　　报\n\n　　　　（第12期）\n\n"
            "甘谷县委督查室　编印　　　　　　　　　　　2024年5月17日\n要情速递\n"
            "甘谷县“陇原巧手·工匠”技能人才培训班开班\n"
            "5月13日，甘谷县2024年首期技能人才培训班开班，来自全县15个乡镇的120名学员参加培训。\n（县委组织部　县人社局）\n")
    doc = items_of(text)[0]["doc"]
    assert (doc["title"], doc["issue"], doc["issuer"], doc["date"]) == ("甘谷工作简报", 12, "甘谷县委督查室", "2024-05-17")


def test_a_speechs_title_over_two_lines_under_the_sites_menu_is_one_title_over_its_speaker_and_date():
    """桃源县人民政府 世外桃源 ⏎ 首页 … ⏎ 当前位置：… ⏎ 在全县茶产业高质量发展 ⏎ 推进会上的讲话 ⏎ 县委副书记、县长　向志刚 ⏎
    （二〇二四年三月二十二日） ⏎ 发布时间：…: the two lines are the title; the speaker and the date are no part of it."""
    text = ("桃源县人民政府 世外桃源　桃花源里的家\n首页　走进桃源　政务公开　政务服务　政民互动\n"
            "当前位置：首页 > 政务公开 > 领导讲话\n在全县茶产业高质量发展\n推进会上的讲话\n县委副书记、县长　向志刚\n"
            "（二〇二四年三月二十二日）\n发布时间：2024-03-26 09:41　信息来源：桃源县人民政府办公室\n同志们：\n"
            "今天，县委、县政府在茶庵铺镇召开全县茶产业高质量发展推进会，主要任务是总结成绩、分析形势、部署工作。\n"
            "一、坚定信心，充分认清茶产业发展的良好态势\n近年来，全县茶园面积稳定在30万亩以上，综合产值突破60亿元。\n")
    items = items_of(text)
    assert [(i["layout"], i["headline"]) for i in items] == [("article", "在全县茶产业高质量发展推进会上的讲话")]


def test_a_notices_parts_numbered_at_two_levels_are_its_text_under_its_number_and_the_pages_table():
    """索引号：… (the page's table, no title) ⏎ 荥经县自然资源局…挂牌出让公告 ⏎ 荥自然资告〔2024〕6号 ⏎ 一、… （一）… ⏎
    二、… （一）…: a notice set out in numbered parts is one item, its parts its text."""
    text = ("荥经县人民政府\n当前位置：首页 > 政务公开 > 法定主动公开内容\n"
            "索引号：     115118220087640001/2024-00006　　发布机构：荥经县自然资源局\n"
            "荥经县自然资源局国有建设用地使用权挂牌出让公告\n信息来源：荥经县自然资源局 发布时间：2024-08-20\n"
            "荥自然资告〔2024〕6号\n经荥经县人民政府批准，荥经县自然资源局决定以挂牌方式出让2宗国有建设用地使用权，现将有关事项公告如下：\n"
            "一、挂牌出让地块的基本情况和规划指标要求\n（一）地块位置：严道街道城东社区，出让面积12860平方米。\n"
            "（二）规划指标：容积率不大于2.5，建筑密度不大于30%。\n"
            "二、竞买人资格要求\n（一）中华人民共和国境内外的法人、自然人和其他组织均可申请参加竞买。\n"
            "（二）申请人应当单独申请，不接受联合申请。\n三、联系方式\n联系地址：荥经县自然资源局，联系电话：0835-7622100。\n"
            "荥经县自然资源局\n2024年8月20日\n")
    items = items_of(text)
    assert [(i["layout"], i["headline"], i["units"]) for i in items] == [
        ("article", "荥经县自然资源局国有建设用地使用权挂牌出让公告", ["荥经县自然资源局"])]


def test_an_urgency_mark_over_an_issues_title_is_no_title():
    """特急 ⏎ 签发：王振宇 ⏎ 要  情  快  报 ⏎ 〔2024〕第47期 ⏎ 安图县人民政府总值班室　　2024年7月28日7时30分: the
    urgency mark is a masthead's mark, as 内部资料 is; the issue's title, number, office, date and signer read."""
    text = ("                          特急\n签发：王振宇\n要  情  快  报\n〔2024〕第47期\n"
            "安图县人民政府总值班室                     2024年7月28日7时30分\n一、雨情汛情\n"
            "1．7月27日8时至28日6时，全县普降中到大雨，局部暴雨，全县平均降雨量42.6毫米。——县气象局\n"
            "2．截至28日6时，全县主要河流水位均在警戒水位以下，各水库运行正常。——县水利局\n")
    doc = items_of(text)[0]["doc"]
    assert (doc["title"], doc["issue"], doc["issuer"], doc["date"], doc["signer"]) == (
        "要情快报", 47, "安图县人民政府总值班室", "2024-07-28", "王振宇")


def test_an_epapers_name_bar_and_date_line_give_its_title_issue_and_date():
    """松阳新闻数字报 ⏎ 首页 | 往期回顾 | … ⏎ 2024年04月12日 星期五 … 总第3276期 今日4版: the paper's name without its
    site's word, its running number and date, the site's bar between them skipped."""
    text = ("松阳新闻数字报\n首页 | 往期回顾 | 松阳新闻网 | 松阳县人民政府 | 手机版\n"
            "2024年04月12日 星期五  农历三月初四  总第3276期  今日4版\n当前版面：第02版：综合新闻\n"
            "浙南茶叶市场春茶交易额突破10亿元\n本报记者　叶青　通讯员　周敏\n"
            "本报讯　4月10日，记者从浙南茶叶市场获悉，今年春茶开市以来，市场累计交易额突破10亿元，同比增长12%。\n"
            "大东坝镇古村落“活化”迎来研学热\n"
            "本报讯（通讯员　李华）今年以来，大东坝镇依托古村落资源开发研学线路6条，接待研学团队80余批次。\n")
    doc = items_of(text)[0]["doc"]
    assert (doc["title"], doc["issue"], doc["date"]) == ("松阳新闻", 3276, "2024-04-12")


GAZETTEER = (
    "第一节 地方报纸\n\n第三章 报纸\n\n第一节 地方报纸\n\n《明水生产简报》\n\n"
    "1956年6月，县委为了便于指导全县工作，深入宣传党的路线、方针和政策，抽调3名干部，成立了《明水县生产简报》编辑部。"
    "简报为八开两版，每周一期。此报在1957年末停刊。\n\n《农业大跃进快报》\n\n"
    "1958年3月，县委成立了农业生产大跃进办公室，以指导全县的农业生产。1958年6月停办。\n\n《明水生产报》\n\n"
    "1958年7月1日，县委决定创办《明水生产报》。创刊时为八开两版，五日刊，8月1日改为周双刊。\n\n《明水日报》\n\n"
    "1959年元旦，县委决定将《明水生产报》改为《明水日报》。报纸为八开两版周六刊。\n"
)


def test_a_gazetteers_names_each_over_one_paragraph_are_its_entries_even_read_as_a_digest():
    # (r17: under leave-one-site-out the names were read as a digest's headings, and the lead
    # sentences 1958年7月1日，县委决定创办《明水生产报》 as its headlines)
    items = [i for i in items_of(GAZETTEER, layout="digest") if i["type"] == "item"]
    assert [i["headline"] for i in items] == ["《明水生产简报》", "《农业大跃进快报》", "《明水生产报》", "《明水日报》"]
    assert items[2]["body"].startswith("1958年7月1日，县委决定创办") and items[3]["body"].startswith("1959年元旦")
    assert not any(i["section"] for i in items)


def test_a_yearbooks_bracketed_entries_read_as_an_issue_are_entries_with_their_run_in_paragraphs():
    text = ("【民众镇概况】 民众镇位于中山市东北部，毗邻广州市南沙区和中山火炬开发区。总面积121.87平方千米。\n\n"
            "【民众镇经济发展】 2019年，民众镇实现地区生产总值65.14亿元，比上年下降1%。三次产业比例为8.5∶57.1∶34.5。\n\n"
            "农业2019年，民众镇农林牧渔业总产值12亿元，比上年增长12.75%。农业生产总面积5720.2公顷。\n")
    items = [i for i in items_of(text, layout="bulletin") if i["type"] == "item"]
    assert [i["headline"] for i in items] == ["民众镇概况", "民众镇经济发展"]
    assert "农林牧渔业总产值12亿元" in items[1]["body"]


def test_sections_of_briefs_opening_in_time_under_an_issues_name_are_sections_each_brief_an_item():
    # (the section names were read as two stories' headlines, each brief run into one story)
    text = ("政务简讯\n\n第8期\n\n县政府办公室编　　2024年3月10日\n\n【部门动态】\n\n"
            "3月2日，县农业农村局组织技术人员深入田间地头，指导农户开展春耕备耕工作，发放技术资料2000余份。\n\n"
            "3月5日，县人社局在城区广场举办春风行动专场招聘会，32家企业提供岗位860个，现场达成意向230人。\n\n"
            "3月8日，县妇联开展巾帼志愿服务活动，为留守儿童送去图书500册、文具300套。\n\n【乡镇传真】\n\n"
            "3月4日，城关镇召开人居环境整治推进会，部署春季村庄清洁行动，清理垃圾120吨。\n\n"
            "3月6日，河口乡组织开展森林防火应急演练，出动扑火队员60人。\n")
    items = [i for i in items_of(text) if i["type"] == "item"]
    assert [i["section"] for i in items] == ["部门动态"] * 3 + ["乡镇传真"] * 2
    assert all(i["headline"] is None for i in items)
    assert [i["body"][:5] for i in items] == ["3月2日，", "3月5日，", "3月8日，", "3月4日，", "3月6日，"]


@pytest.mark.parametrize("line, units", [
    ("（县农业农村局 县林业局联合供稿）", ["县农业农村局", "县林业局"]),
    ("来源丨县委宣传部", ["县委宣传部"]),
    ("来源 | 县农业农村局", ["县农业农村局"]),
    ("提供单位：县商务局", ["县商务局"]),
    ("投稿单位：县水利局", ["县水利局"]),
    ("来源｜平江县融媒体中心 编辑｜张三", ["平江县融媒体中心"]),
])
def test_credit_forms_of_posts_and_joint_credits_name_their_units(line, units):
    assert credit_line(line)[0] == units


def test_a_posts_bars_between_labels_and_values_give_its_source_date_and_editors():
    # (a county 融媒体 post copied from its account: 来源丨…, 编辑丨…　审核丨…)
    text = ("平江县：油茶林里采摘忙 丰收果实富乡亲\n\n来源丨平江县融媒体中心　　2024-10-22 18:30\n\n"
            "金秋十月，走进平江县三阳乡的油茶基地，漫山遍野的油茶树上挂满了沉甸甸的果实，村民们穿梭在林间采摘油茶果。\n\n"
            "近年来，三阳乡立足资源禀赋，大力发展油茶产业，全乡油茶种植面积达3.2万亩，带动2000余户群众增收。\n\n"
            "编辑丨李婷　审核丨王刚\n")
    (item,) = [i for i in items_of(text) if i["type"] == "item"]
    assert item["units"] == ["平江县融媒体中心"]
    assert item["body"].startswith("金秋十月") and item["body"].endswith("群众增收。")
    assert (item["doc"]["date"], item["doc"]["editor"], item["doc"]["reviewer"]) == ("2024-10-22", "李婷", "王刚")


def test_a_source_line_repeated_on_two_pages_is_no_running_header_and_names_over_the_headlines_unit():
    # (a 督查通报 from pdftotext: 供稿：县政府督查室第二督查组 under two stories was dropped as a
    # running header, and 黄庄镇： opening the headline was taken for the credit)
    text = ("督　查　通　报\n2024年第4期（总第57期）\n温县人民政府督查室　　　　　　　　2024年4月26日\n"
            "二、督查发现的问题\n黄庄镇：山药产业园配套道路建设滞后\n"
            "黄庄镇铁棍山药产业园配套道路工程计划3月底前完工，督查时仅完成路基施工1.3\n"
            "公里，占总工程量的42%。督查组要求黄庄镇5月20日前完成路面铺设。\n"
            "供稿：县政府督查室第二督查组\n\f- 1 -\n温县督查通报　2024年第4期\n"
            "番田镇：小麦“一喷三防”物资发放台账不完善\n"
            "番田镇今年承担小麦“一喷三防”任务5.2万亩，药剂物资已全部发放到村。督查组\n"
            "要求番田镇4月30日前完成台账补正。\n供稿：县政府督查室第二督查组\n\f- 2 -\n温县督查通报　2024年第4期\n"
            "报：县委、县人大常委会、县政府主要领导。\n")
    doc = normalise_bytes(text.encode("utf-8"), "x.pdf.txt")
    assert doc["text"].count("供稿：县政府督查室第二督查组") == 2
    items = [i for i in split_document(doc) if i["type"] == "item"]
    assert [i["units"] for i in items] == [["县政府督查室第二督查组"]] * 2


def test_an_issues_stories_each_a_headline_over_its_source_line_over_its_text():
    # (the first story under 工 作 动 态 was read as the masthead's, a headline as a credit, and the
    # text under a source line as a story of its own)
    text = ("内部资料　注意保存\n\n开化政务信息\n\n第15期（总第842期）\n\n主办：开化县人民政府办公室　　　　2024年6月21日\n\n"
            "工　作　动　态\n\n县委常委会专题研究部署防汛防台工作\n\n来源：县委办\n\n"
            "6月18日，县委常委会召开会议，传达学习省、市防汛防台工作会议精神，分析研判当前汛情形势，部署全县防汛防台工作。\n\n"
            "开化龙顶春茶季实现产值8.6亿元\n\n来源：县农业农村局\n\n"
            "今年春茶季，全县采摘茶园面积12.4万亩，生产名优茶1860吨，实现产值8.6亿元，同比增长7.3%。\n\n"
            "全县首批生态资源使用权交易在“两山合作社”完成\n\n来源：县发展改革局\n\n"
            "6月14日，县“两山合作社”举行首批生态资源使用权交易签约仪式，8宗生态资源完成交易。\n\n"
            "乡　镇　传　真\n\n苏庄镇开展“护鸟护林”志愿服务\n\n"
            "【苏庄镇】6月以来，苏庄镇组织镇村干部、生态护林员和志愿者200余人，在古田山周边村开展志愿服务活动。\n\n"
            "报：市委办公室，市政府办公室。\n")
    items = [i for i in items_of(text) if i["type"] == "item"]
    assert [(i["section"], i["units"]) for i in items] == [
        ("工作动态", ["县委办"]), ("工作动态", ["县农业农村局"]), ("工作动态", ["县发展改革局"]), ("乡镇传真", ["苏庄镇"])]
    assert items[2]["headline"] == "全县首批生态资源使用权交易在“两山合作社”完成"
    assert items[3]["body"].startswith("6月以来")


PAGE_HEAD = ("<html><head><meta charset='utf-8'><title>遂川县人民政府-狗牯脑茶开园采摘 春茶产销两旺</title>{meta}</head><body>"
             "<div class='nav'><a href='/'>首页</a><a href='/a'>新闻资讯</a><a href='/b'>政府信息公开</a></div>"
             "<div class='crumbs'>当前位置：<a href='/'>首页</a> &gt; <a href='/a'>新闻资讯</a> &gt; 正文</div>"
             "<div class='con_box'><div class='con_title'><h1>狗牯脑茶开园采摘 春茶产销两旺</h1>"
             "<div class='con_info'><span>{facts}</span><span>点击数：<em>0</em></span>"
             "<span>【字号：<a href='#'>大</a> <a href='#'>中</a> <a href='#'>小</a>】</span></div></div>"
             "<div class='con_text' id='zoom'><p>　　3月26日，遂川县2024年狗牯脑茶开园采摘活动在汤湖镇狗牯脑茶核心产区举行，"
             "全县各茶园陆续进入春茶集中采摘期，漫山茶园里采茶工指尖翻飞。</p><p>　　近年来，遂川县把茶叶作为富民主导产业来抓，"
             "全县茶园面积已发展到30.5万亩，2023年茶叶综合产值达到38.6亿元。</p></div></div>"
             "<div class='footer'>主办单位：遂川县人民政府办公室　网站标识码：3608270001</div></body></html>")


def test_a_pages_title_box_holding_its_facts_gives_the_heading_as_title_and_the_facts_as_its_line():
    # (<div class="con_title"><h1>…</h1><div class="con_info">文章来源：…</div></div>: the whole box
    # was taken for the title, facts and counters with it)
    page = PAGE_HEAD.format(meta="", facts="文章来源：遂川县茶叶产业发展中心</span><span>时间：2024年03月28日 16:05")
    (item,) = [i for i in split_document(normalise_bytes(page.encode("utf-8"), "x.html")) if i["type"] == "item"]
    assert item["headline"] == "狗牯脑茶开园采摘 春茶产销两旺"
    assert item["units"] == ["遂川县茶叶产业发展中心"] and item["doc"]["date"] == "2024-03-28"
    assert item["body"].startswith("3月26日，遂川县")


def test_a_pages_source_on_its_own_facts_line_is_kept_where_a_meta_tag_gives_only_the_date():
    page = PAGE_HEAD.format(meta="<meta name='PubDate' content='2024-03-28 16:05'>",
                            facts="信息来源：遂川县茶叶产业发展中心&nbsp;&nbsp;&nbsp;&nbsp;发布日期：2024年03月28日")
    (item,) = [i for i in split_document(normalise_bytes(page.encode("utf-8"), "x.html")) if i["type"] == "item"]
    assert item["units"] == ["遂川县茶叶产业发展中心"] and item["doc"]["date"] == "2024-03-28"


def test_a_briefing_on_a_rule_in_numbered_parts_is_one_item_not_the_rules_outline():
    # (《…实施办法》政策解读: the 办法 it names made it read as the rules themselves)
    text = ("《曲水县农牧民技能培训和转移就业补贴实施办法》政策解读\n\n来源：曲水县人力资源和社会保障局 发布时间：2024-07-02\n\n"
            "近日，曲水县人民政府办公室印发了《曲水县农牧民技能培训和转移就业补贴实施办法》。为便于社会公众理解，现解读如下。\n\n"
            "一、制定背景\n\n农牧民转移就业是促进农牧民增收的重要途径。近年来，我县持续加大农牧民技能培训和转移就业工作力度。\n\n"
            "二、主要内容\n\n《办法》共五章二十二条，明确了补贴对象、补贴标准、申领程序以及各部门职责分工。\n\n"
            "三、补贴对象和标准\n\n（一）技能培训补贴。参加县人社部门组织的就业技能培训并取得证书的，按照初级每人800元给予补贴。\n\n"
            "（二）转移就业补贴。农牧民在区外稳定就业3个月以上的，给予一次性交通补贴1000元。\n\n"
            "四、申领程序\n\n符合条件的人员向户籍所在地乡（镇）人民政府提出申请，经县人社局审核公示无异议后发放。\n\n"
            "五、实施时间\n\n《办法》自2024年7月1日起施行，有效期至2026年12月31日。\n")
    (item,) = [i for i in items_of(text) if i["type"] == "item"]
    assert item["headline"] == "《曲水县农牧民技能培训和转移就业补贴实施办法》政策解读"
    assert item["units"] == ["曲水县人力资源和社会保障局"] and "五、实施时间" in item["body"]


@pytest.mark.parametrize("line, units, persons", [
    ("（县应急管理局　通讯员　艾克拜尔·吐尔逊）", ["县应急管理局"], ["艾克拜尔·吐尔逊"]),
    ("（通讯员 阿依古丽·买买提）", [], ["阿依古丽·买买提"]),
])
def test_a_name_set_with_a_middle_dot_is_a_person_never_a_unit(line, units, persons):
    # (a Uyghur or Kazakh reporter's name is longer than a Han name: it was taken for a unit)
    assert credit_line(line)[:2] == (units, persons)


EPAPER_PAGE = (
    "<html><head><meta charset='utf-8'><title>巫山报数字报-巫山脆李进入疏果管护关键期</title>"
    "<meta name='description' content='巫山报数字报 2024年05月06日 第03版 综合新闻' />"
    "<!--enpproperty <articleid>1327518</articleid><date>2024-05-06</date><author>向楠 李春燕</author>"
    "<title>巫山脆李进入疏果管护关键期</title><nodename>综合新闻</nodename><period>2841</period>/enpproperty--></head>"
    "<body><div class='ep-top'><img alt='巫山报 数字报'/><a href='/'>数字报首页</a> | <a href='/h'>往期回顾</a></div>"
    "<div class='ep-nav'><div class='tt'>版面导航</div><ul><li><a href='node_1.htm'>第01版：要闻</a></li>"
    "<li><a href='node_2.htm'>第02版：要闻</a></li></ul></div><div class='ep-article'>"
    "<h1 class='ep-title'>巫山脆李进入疏果管护关键期</h1><div class='ep-content' id='ozoom'>"
    "<p>　　本报讯（记者　向楠　通讯员　李春燕）眼下，正值巫山脆李疏果管护的关键时期。5月4日，记者在曲尺乡柑园村看到，"
    "漫山遍野的李树枝繁叶茂，果农们正穿梭在果园里疏果、抹芽、除草。</p><p>　　巫山脆李是国家地理标志保护产品，"
    "全县种植面积已达29.6万亩，其中投产面积21万亩，预计7月中旬起陆续上市。</p></div>"
    "<div class='ep-pic'><img src='p1.jpg' alt=''/><p>果农在曲尺乡柑园村为脆李疏果。　记者　向楠　摄</p></div>"
    "<div class='ep-editor'>责任编辑：谭晓燕　　校对：陈立</div>"
    "<div class='ep-pn'><a href='c2.htm'>下一篇</a> | <a href='node_3.htm'>返回版面</a></div></div></body></html>")


def test_an_epapers_page_gives_the_papers_name_issue_and_date_from_its_head_and_its_editor_under_the_photo():
    # (the Founder system keeps the issue's date and running number in a comment in the page's head;
    # the page's text shows neither, and its editor stands under the photo after the text)
    (item,) = [i for i in split_document(normalise_bytes(EPAPER_PAGE.encode("utf-8"), "x.html")) if i["type"] == "item"]
    assert item["headline"] == "巫山脆李进入疏果管护关键期" and item["body"].startswith("本报讯")
    doc = item["doc"]
    assert (doc["title"], doc["issue"], doc["date"], doc["editor"]) == ("巫山报", 2841, "2024-05-06", "谭晓燕")


def test_a_crawlers_bracketed_header_is_chrome_and_its_crawl_time_no_date_of_the_issue():
    # ([抓取时间] 2025-01-15 over an issue of 2025-01-13: the crawl's time was read as the issue's date)
    text = ("[抓取时间] 2025-01-15 08:41:27\n[页面地址] http://www.qichun.gov.cn/xxgk/gzjb/202501/t20250113_2396017.shtml\n"
            "[页面标题] 蕲春县工作简报（2025年第2期）-蕲春县人民政府\n工 作 简 报\n2025年第2期（总第386期）\n"
            "蕲春县人民政府办公室编印　　　　　　　　　　　　2025年1月13日\n【工作动态】\n全县2024年经济运行稳中有进\n"
            "1月9日，县政府召开2024年经济运行分析暨2025年一季度“开门红”调度会，全县地区生产总值预计完成432.6亿元。\n（县发改局）\n"
            "2024年全县一般公共预算收入完成18.3亿元\n2024年，县财政局坚持“开源”与“节流”并举，全年完成一般公共预算收入18.3亿元。\n（县财政局）\n")
    doc = normalise_bytes(text.encode("utf-8"), "x.txt")
    assert "抓取时间" not in doc["text"] and doc["changes"]["counts"].get("web_chrome")
    items = [i for i in split_document(doc) if i["type"] == "item"]
    assert [i["units"] for i in items] == [["县发改局"], ["县财政局"]]
    assert (items[0]["doc"]["date"], items[0]["doc"]["issue"]) == ("2025-01-13", 2)


def test_a_plans_points_numbered_in_turn_across_its_parts_under_a_crawl_header_are_its_outline():
    # (a crawl's 采集时间/来源网址/网页标题 lines over the page; the facts line ending on an empty
    # counter, 浏览次数：, was joined onto the first paragraph; 一、 parts over points 1.–6. numbered
    # across them were read as an issue's sections and stories)
    text = ("采集时间：2025-03-06 14:12:55\n来源网址：http://www.pingyin.gov.cn/art/2025/2/28/art_31862_4871203.html\n"
            "网页标题：平阴县2025年玫瑰产业发展工作要点_平阴县人民政府\n当前位置：首页 > 政务公开 > 政策文件 > 其他文件\n"
            "平阴县2025年玫瑰产业发展工作要点\n发布日期：2025-02-28　　信息来源：平阴县人民政府办公室　　浏览次数：\n"
            "2025年是平阴玫瑰产业提质升级的关键一年。为推动玫瑰产业全链条发展，特制定本工作要点。\n一、稳定种植基础\n"
            "1.稳定玫瑰种植面积。全年新建和改造提升标准化玫瑰种植基地5000亩。（牵头单位：县农业农村局）\n"
            "2.推进良种繁育。繁育推广优良品种苗木120万株。（牵头单位：县玫瑰产业发展中心）\n"
            "3.推广绿色生产技术。新认证绿色食品玫瑰基地2个。（牵头单位：县农业农村局）\n二、做强精深加工\n"
            "4.培育壮大龙头企业。新培育市级以上农业产业化龙头企业3家。（牵头单位：县工业和信息化局）\n"
            "5.延伸产品链条。全年新开发玫瑰系列产品40个以上。（牵头单位：县玫瑰产业发展中心）\n"
            "6.建设玫瑰产业园。完成标准化厂房4.5万平方米。（牵头单位：县经济开发区管委会）\n")
    doc = normalise_bytes(text.encode("utf-8"), "x.txt")
    assert "采集时间" not in doc["text"] and "浏览次数：\n" in doc["text"]
    items = [i for i in split_document(doc) if i["type"] == "item" and i.get("number")]
    assert [(i["number"], i["headline"]) for i in items[:3]] == [("一、", "稳定种植基础"), ("1.", "稳定玫瑰种植面积"),
                                                               ("2.", "推进良种繁育")]
    assert items[5]["parent"] == "做强精深加工" and items[0]["doc"]["date"] == "2025-02-28"


def test_a_posts_original_title_line_is_its_facts_never_the_start_of_its_text():
    # (a county account's post: 原标题：《…》 under the facts was joined onto the first paragraph)
    text = ("西岭雪山南国国际冰雪节开幕 今冬首批游客踏雪而来\n原创 大邑发布 大邑发布 2024年12月21日 18:30 四川\n\n"
            "原标题：《2024—2025西岭雪山南国国际冰雪节开幕 “冰雪+”多元业态点燃冬季文旅消费》\n\n"
            "12月20日，2024—2025西岭雪山南国国际冰雪节在西岭雪山滑雪场开幕，吸引了来自成都及周边地区的3000余名游客。\n\n"
            "本届冰雪节将持续至2025年3月上旬，推出滑雪滑草、雪地摩托、冰雪乐园等冰雪体验项目20余项。\n\n"
            "来源：大邑县融媒体中心\n记者：杨晓东 李梦瑶\n编辑：何佳　审核：罗建\n")
    (item,) = [i for i in items_of(text) if i["type"] == "item"]
    assert item["body"].startswith("12月20日，2024—2025西岭雪山") and item["units"] == ["大邑县融媒体中心"]


def test_a_points_heading_runs_to_its_first_stop_colon_or_semicolon_whatever_its_length():
    # (GOLD.md: a run-in heading ends at the first 。/：/；. A decision of one long sentence is its own
    # heading, and 工作目标：到2025年… ends at its colon)
    text = ("方正县人民政府县长办公会议纪要\n\n一、关于2024年秋粮收购工作\n\n"
            "（一）落实收购主体。由县发改局牵头，组织中储粮方正直属库等企业做好收购准备。\n\n"
            "（二）工作目标：到2025年，全县粮食收储能力达到60万吨，烘干能力达到每日1.2万吨。\n\n"
            "二、其他事项\n\n"
            "（一）同意县教育局使用中央改善普通高中学校办学条件补助资金680万元，实施方正县第一中学学生宿舍改造项目。\n\n"
            "（二）同意县卫健局申报县人民医院胸痛中心、卒中中心建设项目，所需配套资金按程序列入2025年预算。\n")
    items = [i for i in items_of(text, layout="outline") if i["type"] == "item" and i.get("number")]
    heads = [(i["number"], i["headline"]) for i in items]
    assert ("（二）", "工作目标") in heads
    assert ("（一）", "同意县教育局使用中央改善普通高中学校办学条件补助资金680万元，实施方正县第一中学学生宿舍改造项目") in heads


def test_outline_numbers_set_with_a_dot_or_as_one_bracketed_character_are_headings():
    # (一．经济运行 and 二.社会事业 from Word copies; ⑷ set as one character by an input method)
    text = ("XX县2024年工作总结\n\n一．经济运行\n\n（一）工业经济。全年规上工业增加值增长8%。\n\n"
            "（二）农业生产。粮食总产21万吨。\n\n⑴粮食生产。播种面积52万亩。\n\n⑵畜牧生产。出栏生猪12万头。\n\n二.社会事业\n\n"
            "（一）教育发展。新建学校3所。\n")
    items = [i for i in items_of(text, layout="outline") if i["type"] == "item" and i.get("number")]
    assert [(i["number"], i["headline"], i["parent"]) for i in items] == [
        ("一．", "经济运行", None), ("（一）", "工业经济", "经济运行"), ("（二）", "农业生产", "经济运行"),
        ("⑴", "粮食生产", "农业生产"), ("⑵", "畜牧生产", "农业生产"), ("二.", "社会事业", None),
        ("（一）", "教育发展", "社会事业")]


def test_a_news_story_told_in_two_numbered_parts_under_its_facts_line_is_one_item():
    # (pingtan_20, under leave-one-site-out: 一、 二、 parts of a town's news read as an outline by the
    # layouts' weights; the form decides over them)
    text = ("潭城镇开展暑期青少年宣传教育活动\n\n来源：潭城镇 发布时间：2017-07-25\n\n"
            "两个月的暑假是针对未成年人开展宣传教育的黄金时期，为此，7月24日，潭城镇瑞龙社区利用暑假时间开展系列活动。\n\n"
            "一、青少年“食品安全”科普讲座\n\n瑞龙社区志愿者组织辖区内10余名学生开展了今年暑期第一次活动，邀请营养师授课。\n\n"
            "二、青少年“环保宣传绘画”活动\n\n活动现场，桌子上摆满了各种颜料、画笔，同学们充分发挥想象力和创造力。\n")
    layout, rule = form_of(text, "outline")
    assert layout == "article" and "2 parts of one level" in rule
    items = [i for i in items_of(text) if i["type"] == "item"]
    assert len(items) == 1 and items[0]["units"] == ["潭城镇"] and "二、青少年" in items[0]["body"]


def test_a_sites_column_of_stories_each_closed_by_its_credit_is_an_issue_without_a_masthead():
    # (a 工作动态 page whose name was read as chrome: five stories read as one article)
    text = ("当前位置：首页>政务公开>工作动态\n石棉县工作动态（2024年5月20日）\n"
            "发布时间：2024-05-20 17:32　信息来源：石棉县人民政府办公室　浏览量：\n"
            "安顺场镇：红色研学游持续升温\n5月以来，安顺场镇依托红色资源推出研学线路4条，累计接待研学团队86批次。（安顺场镇）\n"
            "县农业农村局推进黄果柑产业提质增效\n今年以来，县农业农村局实施低效果园改造1.5万亩，建成标准化示范园8个。\n供稿：县农业农村局\n"
            "蟹螺藏族乡开展森林草原防灭火实战演练\n5月16日，蟹螺藏族乡在猛种村组织开展实战演练，共60余人参加。（蟹螺藏族乡）\n"
            "县市场监管局开展校园周边食品安全检查\n5月13日至17日，县市场监管局共检查经营户73家，下达整改通知书9份。\n"
            "【打印本页】【关闭窗口】\n")
    layout, rule = form_of(normalise_bytes(text.encode("utf-8"), "x.txt")["text"], "article")
    assert layout == "bulletin" and "a site's column" in rule
    items = [i for i in items_of(text) if i["type"] == "item"]
    assert [i["units"] for i in items] == [["安顺场镇"], ["县农业农村局"], ["蟹螺藏族乡"], []]
    assert items[3]["headline"] == "县市场监管局开展校园周边食品安全检查"


def test_an_entrys_name_over_its_text_keeps_no_symbol_before_it():
    text = ("桃村镇概况\n\n更新日期：2024-05-09　来源：桃村镇人民政府\n\n■ 镇情简介\n\n"
            "桃村镇位于栖霞市东南部，是烟台市重点镇和省级经济发达镇，全镇总面积168平方千米。\n\n■ 区位交通\n\n"
            "桃村镇地处烟台、威海、青岛三市交界地带，素有“胶东旱码头”之称。\n\n■ 自然资源\n\n"
            "境内属低山丘陵区，年平均气温11.8℃，年平均降水量720毫米。\n")
    items = [i for i in items_of(text, layout="digest") if i["type"] == "item"]
    assert [i["headline"] for i in items] == ["镇情简介", "区位交通", "自然资源"]


def test_a_facts_line_with_the_first_paragraph_run_onto_it_is_split_from_it():
    # (发布日期：…　　供稿单位：…　　阅读：1032　　字号：大 中 小　　3月以来，…: the break lost after the counters)
    text = ("县市场监管局“三进三查”护航春茶开采季\n"
            "发布日期：2024-03-26　　供稿单位：县市场监管局　　阅读：1032　　字号：大 中 小　　"
            "3月以来，遂昌县市场监督管理局围绕春茶开采上市，组织开展“进茶企、进茶市、进茶农”专项行动。\n"
            "进茶企，把好生产加工关。执法人员深入主产区的38家茶叶加工企业，重点检查生产许可、原料进货查验等情况。\n"
            "进茶市，把好流通销售关。在县茶叶市场开展茶叶质量快速检测，现场抽检茶青和成品茶样品46批次。\n")
    doc = normalise_bytes(text.encode("utf-8"), "x.txt")
    assert doc["changes"]["counts"].get("paragraph_breaks")
    (item,) = [i for i in split_document(doc) if i["type"] == "item"]
    assert item["body"].startswith("3月以来，遂昌县") and item["units"] == ["县市场监管局"]
    assert item["doc"]["date"] == "2024-03-26"


def test_a_governments_name_over_a_slogan_and_the_menu_is_the_sites_never_the_title():
    # (a crawl's URL/Fetched/Status header dropped, 祁门县人民政府 at the page's top was read as its title)
    text = ("URL: http://www.qimen.gov.cn/xwzx/xzdt/202406/t20240612_7716350.html\nFetched: 2025-02-11T10:24:06+08:00\n"
            "Status: 200\n----\n祁门县人民政府\n中国红茶之乡\n首页\n走进祁门\n政务公开\n政务服务\n"
            "您当前的位置：首页 > 新闻中心 > 乡镇动态\n历口镇：夏茶采制忙 茶农增收有门路\n【字体：大 中 小】【打印】【关闭】\n"
            "6月上旬，正值夏茶采摘时节，历口镇各村茶园里处处可见茶农忙碌的身影，今年该镇通过订单收购让夏秋茶变成增收新门路。\n"
            "截至目前，全镇已采摘夏茶茶青120余万斤，实现销售收入约680万元，带动1900余户茶农户均增收3500元。\n"
            "（历口镇 供稿）\n扫一扫在手机打开当前页\n")
    doc = normalise_bytes(text.encode("utf-8"), "x.txt")
    assert "Fetched" not in doc["text"]
    (item,) = [i for i in split_document(doc) if i["type"] == "item"]
    assert item["headline"] == "历口镇：夏茶采制忙 茶农增收有门路" and item["units"] == ["历口镇"]
    assert item["doc"]["date"] != "2025-02-11"


def test_a_notice_under_its_letterhead_and_number_is_one_item_titled_by_the_lines_under_the_number():
    # (from Word: …文件 was read as the title, the title's two lines as the masthead's, the layout an issue's)
    text = ("舒城县人民政府办公室文件\n\n舒政办发〔2024〕27号\n\n舒城县人民政府办公室关于做好2024年秋冬季\n农田水利基本建设工作的通知\n\n"
            "各乡镇人民政府，县开发区管委会，县政府有关部门：\n"
            "　　为加快补齐农田水利基础设施短板，提升农业综合生产能力，经县政府同意，现就有关事项通知如下。\n"
            "　　一、明确目标任务\n　　今冬明春，全县计划完成农田水利建设投资4.6亿元，扩挖整修塘坝1200口。\n"
            "　　二、突出建设重点\n　　（一）抓好塘坝沟渠整治。集中开展塘坝扩挖、沟渠清淤和渠系配套。\n"
            "　　（二）推进高标准农田建设。高质量实施8个乡镇高标准农田建设项目。\n"
            "　　三、强化工作保障\n　　各乡镇要成立农田水利基本建设指挥部，建立领导包片、干部包村工作机制。\n\n"
            "舒城县人民政府办公室\n二〇二四年十月十五日\n")
    (item,) = [i for i in items_of(text) if i["type"] == "item"]
    assert item["headline"] == "舒城县人民政府办公室关于做好2024年秋冬季农田水利基本建设工作的通知"
    assert item["body"].startswith("各乡镇人民政府，县开发区管委会") and "三、强化工作保障" in item["body"]
    assert item["units"] == ["舒城县人民政府办公室"] and item["doc"]["date"] == "2024-10-15"
    assert item["doc"]["distribution"].startswith("各乡镇人民政府")


def test_a_paragraph_opening_with_qizhong_is_a_storys_text_never_a_headline_before_a_stray_space():
    # (pdftotext -layout: …改造等 9 个项目 kept its space before the digit, and 其中，…等 was read as a headline)
    text = ("                                赵县政务信息\n\n                             第 12 期\n\n"
            "赵县人民政府办公室                                        2024年6月12日\n\n【重点工作】\n\n"
            "                 县发改局“四个一批”推动41个省市重点项目提速增效\n\n"
            "    今年以来，县发改局围绕“签约一批、开工一批、投产一批、谋划一批”目标，建立\n"
            "县级领导分包、专班推进、周调度月通报工作机制，对全县 41 个省市重点项目实行清\n"
            "单化管理。截至 5 月底，已开工项目 36 个，开工率 87.8%，累计完成投资 24.1 亿\n"
            "元，占年度计划的 46.3%，预计上半年完成投资 28.6 亿元。\n"
            "    其中，赵州雪花梨省级现代农业产业园、县城南区集中供热管网改造等 9 个项目\n"
            "主体工程已完工。下一步，县发改局将聚焦用地、资金、环评等要素保障，每月召开一\n"
            "次项目“会诊会”，推动项目早竣工、早达效。（县发改局）\n\n"
            "                      范庄镇梨果冷链物流中心投入使用\n\n"
            "    6月6日，范庄镇梨果冷链物流中心正式投入使用。该中心总投资3800万元，库容\n"
            "1.2万吨，可满足全镇60%以上鲜梨错季销售需求。（范庄镇）\n")
    from bulletin_cli.lexicon.patterns import comma_headline

    assert not comma_headline("其中，赵州雪花梨省级现代农业产业园、县城南区集中供热管网改造等")
    items = [i for i in items_of(text, "x.pdf-layout.txt") if i["type"] == "item"]
    assert [(i["headline"], i["units"]) for i in items] == [
        ("县发改局“四个一批”推动41个省市重点项目提速增效", ["县发改局"]), ("范庄镇梨果冷链物流中心投入使用", ["范庄镇"])]


def test_a_headline_set_on_two_lines_with_a_gap_in_the_first_is_one_headline():
    # (县司法局打造“枫桥式”司法所 推动矛盾纠纷 ⏎ 就地化解率达98%以上, centred in pdftotext -layout:
    # the first line was split at its gap into a headline and a text, the second read as a section)
    text = ("                                郯城县工作动态\n\n                             第 7 期\n\n"
            "郯城县人民政府办公室                                     2024年4月26日\n\n"
            "                              ◆ 社会治理 ◆\n\n"
            "                    县司法局打造“枫桥式”司法所 推动矛盾纠纷\n"
            "                              就地化解率达98%以上\n\n"
            "    县司法局以创建“枫桥式”司法所为抓手，在全县 13 个乡镇（街道）司法所推行“一站式受理”\n"
            "工作模式，一季度共调处矛盾纠纷 1260 件，就地化解率达 98.2%。（县司法局）\n\n"
            "                      县应急局开展高层建筑火灾应急疏散演练\n\n"
            "    4月22日，县应急管理局联合县消防救援大队在郯城街道开展演练，组织居民 300 余人参加。\n"
            "（县应急局）\n")
    items = [i for i in items_of(text, "x.pdf-layout.txt") if i["type"] == "item"]
    assert [(i["headline"] or "").replace(" ", "") for i in items] == [
        "县司法局打造“枫桥式”司法所推动矛盾纠纷就地化解率达98%以上", "县应急局开展高层建筑火灾应急疏散演练"]
    assert items[0]["units"] == ["县司法局"] and items[0]["section"] == "社会治理"


def test_a_communiques_subhead_right_under_its_numbered_heading_is_a_heading_not_its_text():
    # (三、工业和建筑业 ⏎ 工业 ⏎ 全年规模以上工业增加值…: 工业 became the body of 三、, its text a heading)
    text = ("如皋市2023年国民经济和社会发展统计公报\n\n如皋市统计局\n\n2024年3月28日\n\n一、综合\n\n"
            "全年实现地区生产总值1368.2亿元，按可比价格计算，比上年增长6.2%。\n\n三、工业和建筑业\n\n工业\n\n"
            "全年规模以上工业增加值比上年增长8.3%。分经济类型看，国有控股企业增长6.1%，民营企业增长9.2%。\n\n建筑业\n\n"
            "全年实现建筑业总产值612.4亿元，比上年增长4.1%。\n\n七、财政和金融\n\n财政\n\n"
            "全年实现一般公共预算收入76.82亿元，比上年增长6.5%，其中税收收入61.35亿元。\n\n金融\n\n"
            "年末全市金融机构本外币各项存款余额2418.6亿元，比年初增长9.6%。\n")
    # (the roles as the model read k08's: the text under a subhead read as a heading of its own)
    roles = ["title", "masthead", "masthead", "heading", "body", "heading", "heading", "heading", "heading", "body",
             "heading", "heading", "heading", "heading", "body"]
    parsed = analyse(normalise_text(text)[0], "outline", roles=roles)
    heads = [(d.headline, d.parent.headline if d.parent else None) for d in parsed.items]
    assert ("工业", "工业和建筑业") in heads and ("财政", "财政和金融") in heads
    assert ("建筑业", "工业和建筑业") in heads and ("金融", "财政和金融") in heads


def test_a_pages_source_run_into_its_breadcrumb_gives_the_articles_unit():
    # (…部门动态　　【发布时间：2024-06-14】【信息来源：安福县农业农村局】【字号：大 中 小】, read as chrome)
    text = ("安福县人民政府\n\n无障碍 | 长者模式 | 繁体版\n\n"
            "当前位置：首页 > 新闻中心 > 部门动态        【发布时间：2024-06-14】【信息来源：安福县农业农村局】【字号：大 中 小】\n\n"
            "“订单+托管”让种粮户种得省心\n\n——安福县探索粮食生产社会化服务新路子\n\n"
            "6月12日，在枫田镇松田村的早稻示范片，稻穗已开始灌浆，田间一片青绿，种粮大户王春生算起了丰收账。\n\n"
            "今年以来，安福县推行“订单收购+全程托管”模式，全县签订订单面积12.6万亩，托管服务面积8.3万亩。\n")
    (item,) = [i for i in items_of(text) if i["type"] == "item"]
    assert item["units"] == ["安福县农业农村局"] and item["doc"]["date"] == "2024-06-14"


def test_an_articles_unit_is_the_office_its_source_names_not_the_publisher_its_table_names():
    # (GOLD.md: the office credited as its source, 来源：…; 发布机构 in a page's table is the publisher)
    text = ("索引号：11410726MB0000000X/2024-00123　　主题分类：综合政务\n发布机构：延津县人民政府办公室　　成文日期：2024-05-06\n"
            "县农业农村局开展小麦“一喷三防”技术培训\n来源：县农业农村局　　发布时间：2024-05-06\n"
            "5月5日，县农业农村局组织农技人员深入田间，开展小麦“一喷三防”技术培训，培训农户300余人次。\n"
            "此次培训，进一步提高了农户科学防治病虫害的能力。\n")
    (item,) = [i for i in items_of(text) if i["type"] == "item"]
    assert item["units"] == ["县农业农村局"] and item["doc"]["issuer"] == "延津县人民政府办公室"


def test_a_yearbooks_entries_named_like_places_or_offices_are_entries():
    # (【鸣沙山月牙泉景区】, 【旅游节会】 in a yearbook's chapter: read as units' labels, their entries lost)
    text = ("敦煌年鉴（2024）\n\n旅　　游\n\n【概况】2023年，敦煌市围绕建设国际文化旅游名城目标，加快文旅深度融合。\n\n"
            "【莫高窟预约参观】全年莫高窟接待游客245.6万人次，实行“总量控制、预约参观”参观模式。\n\n"
            "【鸣沙山月牙泉景区】全年接待游客386.4万人次，实现门票收入4.2亿元。\n\n"
            "【旅游节会】9月6—8日，第六届丝绸之路（敦煌）国际文化博览会在敦煌举办。\n\n"
            "【智慧旅游】建成敦煌智慧旅游综合服务平台，全年平台访问量达3860万人次。\n")
    items = [i for i in items_of(text, layout="entries") if i["type"] == "item"]
    assert [i["headline"] for i in items] == ["概况", "莫高窟预约参观", "鸣沙山月牙泉景区", "旅游节会", "智慧旅游"]
    assert items[2]["body"].startswith("全年接待游客386.4万人次")


def test_a_credit_right_under_its_headline_is_the_storys_and_bulleted_briefs_are_each_an_item():
    # (l02: （县交通运输局） under its headline was joined onto it; l14: ◆4月10日，银田镇… read as the text
    # of the brief above)
    text = ("督查通报\n\n第5期\n\n博罗县人民政府督查室　　2024年5月24日\n\n■ 督办落实\n\n县交通运输局限时办结县政府重点督办事项\n\n"
            "（县交通运输局）\n\n针对4月份县政府督查室交办的龙华大道改造工程交通疏导不到位问题，县交通运输局限时整改到位。\n\n"
            "■ 乡镇传真\n\n◆清溪镇近日完成辖区内12个村（社区）人居环境整治“回头看”，累计清理沟渠18公里。\n\n"
            "◆4月10日，银田镇举办“春风行动”专场招聘会，邀请市内外36家企业提供岗位860个。\n\n（银田镇）\n\n"
            "◆韶山乡依托韶峰、滴水洞等旅游资源，推动“景区+民宿”融合发展，今年新增特色民宿12家。（韶山乡人民政府）\n")
    # (the roles as the model read those documents: the credit as the headline's second line, the
    # second brief as the first's text)
    roles = ["title", "masthead", "masthead", "section", "headline", "headline", "body", "section", "item", "body",
             "credit", "item"]
    parsed = analyse(normalise_text(text)[0], "bulletin", roles=roles)
    assert [(d.headline, d.units) for d in parsed.items] == [
        ("县交通运输局限时办结县政府重点督办事项", ["县交通运输局"]), (None, []), (None, ["银田镇"]), (None, ["韶山乡人民政府"])]


def test_an_epapers_masthead_under_a_text_browsers_menu_gives_its_issue_and_date():
    # (a lynx dump: * 首页 ⏎ * 往期回顾 between the paper's name and its date line)
    text = ("   [1]今日镇远电子版\n\n     * [2]首页\n     * [3]往期回顾\n     * [4]PDF下载\n\n"
            "   2024年10月10日 星期四   第1286期\n\n   第02版：综合新闻    [5]上一版  [6]下一版\n\n"
            "   镇远古城国庆假期接待游客38.6万人次\n\n"
            "   本报讯（记者 吴莎）10月1日至7日，镇远古城迎来旅游高峰，各景区景点人气爆棚，共接待游客38.6万人次。\n\n"
            "   羊场镇：“订单辣椒”红了农户日子\n\n"
            "   今年，羊场镇采取“企业+合作社+农户”的订单种植模式，引导农户种植朝天椒3800亩。（羊场镇）\n\n"
            "References\n\n   1. http://epaper.zhenyuan.gov.cn/\n")
    items = [i for i in items_of(text, "x.lynx.txt") if i["type"] == "item"]
    doc = items[0]["doc"]
    assert (doc["title"], doc["issue"], doc["date"]) == ("今日镇远", 1286, "2024-10-10")


def test_a_crawlers_json_header_is_chrome_and_its_crawl_time_no_date():
    text = ('{"url": "http://www.qx.gov.cn/qxxw/zwyw/202407/t20240716_1853921.shtml", "crawl_time": "2025-02-27 09:12:40", '
            '"status": 200}\n==========\n祁县人民政府门户网站\n首页 | 政务公开 | 新闻中心 | 政务服务\n'
            "您现在的位置：首页 > 新闻中心 > 政务要闻\n祁县玻璃器皿产业上半年出口交货值增长12.6%\n"
            "2024-07-16 09:45:21 【字体：大 中 小】 浏览次数：\n"
            "本网讯（记者 武晓燕 通讯员 程鹏）今年以来，祁县坚持把玻璃器皿产业作为县域经济的支柱产业来抓。\n"
            "下一步，祁县将加快玻璃器皿产业园二期建设，积极培育“祁县玻璃”区域品牌。\n编辑：冀佳\n")
    doc = normalise_bytes(text.encode("utf-8"), "x.txt")
    assert "crawl_time" not in doc["text"]
    (item,) = [i for i in split_document(doc) if i["type"] == "item"]
    assert item["body"].startswith("本网讯（记者") and item["doc"]["date"] == "2024-07-16"


@pytest.mark.parametrize("line, units", [
    ("（市水利局市应急管理局）", ["市水利局", "市应急管理局"]),  # (wrapped at its space, the line joined)
    ("（县农业农村局县林业局）", ["县农业农村局", "县林业局"]),
    ("（县市场监督管理局）", ["县市场监督管理局"]),
])
def test_a_joint_credit_that_lost_its_space_names_each_unit(line, units):
    assert credit_line(line)[0] == units


def test_an_editors_name_in_brackets_keeps_no_bracket():
    from bulletin_cli.split.footer import parse_footer

    assert parse_footer(["【责任编辑：何丽娜】"])["editor"] == "何丽娜"
    assert parse_footer(["（责任编辑：何丽娜）"])["editor"] == "何丽娜"


def test_a_reports_byline_naming_its_government_gives_the_issuer_and_place():
    # (a work report clipped to Markdown: 海城市人民政府市长　王立新 under its title; 自治区人民政府主席 names no place)
    items = written_items("L", "l11_haicheng_zhengfugongzuobaogao.md")
    doc = items[0]["doc"]
    assert doc["issuer"] == "海城市人民政府" and doc["place"]["code"] == "210381" and doc["date"] == "2025-01-08"


def test_a_plans_title_with_its_word_and_years_on_a_second_line_and_its_printing_line_under_an_annex():
    # (…三年行动 ⏎ 实施方案（2024—2026年）: the second line read as facts; 崇义县人民政府办公室 2024年3月28日印发
    # under the annex's table read as chrome)
    items = written_items("L", "l10_chongyi_zhuchanye_fangan.pdf.txt")
    doc = items[0]["doc"]
    assert doc["title"] == "崇义县竹产业高质量发展三年行动实施方案（2024—2026年）"
    assert (doc["issuer"], doc["date"]) == ("崇义县人民政府办公室", "2024-03-28")


def test_a_profile_pages_towns_under_bars_are_its_entries_its_opening_sentence_the_note():
    # (▍弥阳街道 ⏎ 弥阳街道是…: read as a digest's sections over paragraphs, the opening sentence an item)
    items = written_items("I", "i07_mile_xiangzhen_gaikuang.txt")
    assert [i["headline"] for i in items][:3] == ["弥阳街道", "新哨镇", "虹溪镇"] and len(items) == 8
    assert items[0]["doc"]["note"].startswith("弥勒市辖1个街道")


def test_a_towns_profile_whose_entries_open_with_lead_sentences_is_entries_not_a_digest():
    # (<h3>历史沿革</h3><p>江垭因溇水在此形成“江中之垭”而得名。清代…: read as a digest, lead sentences as headlines)
    items = written_items("M", "m14_cili_jiangyazhen_gaikuang.html")
    assert [i["headline"] for i in items][:3] == ["基本情况", "历史沿革", "自然资源"] and len(items) == 7
    assert items[1]["body"].startswith("江垭因溇水在此形成“江中之垭”而得名。")


def test_an_issue_of_one_story_in_run_in_parts_whose_headline_was_read_as_the_masthead_is_one_story():
    # (信息专报: 东港市“四链”协同推动草莓产业 ⏎ 全链条提质增效 read as the masthead's line and a section,
    # the story's lead and its parts 一、… 四、… as five stories)
    items = written_items("M", "m04_donggang_xinxizhuanbao.gb18030.txt")
    assert len(items) == 1 and items[0]["headline"] == "东港市“四链”协同推动草莓产业全链条提质增效"
    assert "四、优化服务链" in items[0]["body"] and items[0]["units"] == ["市农业农村发展服务中心"]


def test_rules_titled_with_their_status_are_rules_and_an_article_is_never_cut_at_a_stray_break():
    # (修武县乡村民宿管理办法（试行）: its articles' first clauses were read as headings, 第四条 cut as a run-on)
    from bulletin_cli.lexicon.patterns import P

    assert P.RULES_TITLE.search("修武县乡村民宿管理办法（试行）") and not P.RULES_TITLE.search("…管理办法（征求意见稿）》意见的公告")
    items = written_items("M", "m12_xiuwu_minsu_banfa.txt")
    articles = {i["number"]: i for i in items if (i["number"] or "").endswith("条")}
    assert articles["第四条"]["headline"] is None and articles["第四条"]["body"].startswith("乡村民宿发展应当坚持")
    assert articles["第十一条"]["headline"] is None


def test_an_issue_of_two_notices_is_two_stories_each_under_its_title_its_parts_its_text():
    # (a 督查通报 of two 通报 from pdftotext: their parts 一、… （一）… 1. and a table read as 13 stories)
    items = written_items("M", "m03_keshiketeng_duchatongbao.pdf.txt")
    assert [i["headline"] for i in items] == ["关于全旗森林草原防灭火工作专项督查情况的通报", "关于旗政府第十六次常务会议议定事项落实情况的通报"]
    assert "三、下一步工作要求" in items[0]["body"] and items[1]["body"].startswith("5月30日")
