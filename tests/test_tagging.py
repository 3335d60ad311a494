"""tag on the seeds: units, categories, every figure (checked by hand), dates, duplicates, config."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from bulletin_cli.cli import app
from bulletin_cli.lexicon import ConfigError, load_config
from bulletin_cli.normalise import normalise_bytes
from bulletin_cli.split import split_document
from bulletin_cli.tag import tag_items
from bulletin_cli.tag.figures import find_figures
from bulletin_cli.tag.timeline import find_dates
from bulletin_cli.tag.units import canonical_unit, category, headline_unit

from .conftest import SEEDS, seed_path

EXPECTED = yaml.safe_load((Path(__file__).parent / "figures_expected.yaml").read_text(encoding="utf-8"))
CFG = load_config()
runner = CliRunner()


def items_of(prefix: str) -> list[dict]:
    return split_document(normalise_bytes(seed_path(prefix).read_bytes(), str(seed_path(prefix))))


@pytest.mark.parametrize("seed", SEEDS, ids=lambda p: p.name[:3])
def test_every_figure_in_the_seeds_is_found_and_nothing_else(seed):
    want = EXPECTED[seed.name[:3]] or {}
    for item in items_of(seed.name[:3]):
        got = [[f["text"], f["normalised"]["value"], f["normalised"]["unit"]] for f in find_figures(item["body"])]
        expected = [[t, float(v), u] for t, v, u in want.get(item["seq"], [])]
        assert got == expected, f"item {item['seq']}: {item['body'][:40]}"


def test_figure_details():
    figs = find_figures("先后投资近6亿元，清理垃圾60余处，同比增速达到54.8%，每月巡查5—6家，抽取百分之十的报销，三千余人参与。")
    by_text = {f["text"]: f for f in figs}
    assert by_text["6亿元"]["approx"] and by_text["6亿元"]["normalised"] == {"value": 6e8, "unit": "yuan"}
    assert by_text["60余处"]["approx"] and by_text["60余处"]["value"] == 60
    assert by_text["54.8%"]["change"] == "increase"
    assert by_text["5—6家"]["range"] == [5, 6]
    assert by_text["百分之十"]["value"] == 10 and by_text["百分之十"]["unit"] == "%"
    assert by_text["三千余人"]["value"] == 3000
    assert by_text["6亿元"]["clause"] == "先后投资近6亿元"


@pytest.mark.parametrize("text, found, value, unit", [
    ("服务群众5万余人次。", "5万余人次", 50000, "人次"), ("投资1.5亿多元。", "1.5亿多元", 1.5e8, "yuan"),
    ("发放补贴300万余元。", "300万余元", 3e6, "yuan"), ("覆盖近百人。", "百人", 100, "人"),
])
def test_approximate_figures_with_the_word_after_the_magnitude(text, found, value, unit):
    (fig,) = find_figures(text)
    assert (fig["text"], fig["normalised"], fig["approx"]) == (found, {"value": value, "unit": unit}, True)


@pytest.mark.parametrize("text", ["2024年", "第43期", "“60·80”项目", "G1512高速", "1-5月份", "2月19日至22日",
                                  "轮选49号", "108国道", "十四五规划", "千方百计", "黄沙万亩粮油生产示范园"])
def test_dates_codes_and_names_are_not_figures(text):
    assert find_figures(text) == []


@pytest.mark.parametrize("name, canonical, kind", [
    ("人社局", "人力资源和社会保障局", "bureau"), ("县发改委", "发展和改革委员会", "commission"),
    ("住建局", "住房和城乡建设局", "bureau"), ("医保局", "医疗保障局", "bureau"), ("医疗保障局", "医疗保障局", "bureau"),
    ("供销社", "供销合作社", "other"), ("东屯镇", "东屯镇", "town"), ("榆林乡", "榆林乡", "township"),
    ("潭龙街道", "潭龙街道", "subdistrict"), ("政府办综合六科", "政府办综合六科", "other"),
    ("延津县人力资源和社会保障局", "人力资源和社会保障局", "bureau"), ("县人民法院", "人民法院", "court"),
    ("某某村", "某某村", "village"), ("某某建材有限公司", "某某建材有限公司", "enterprise"),
    # a party committee's departments, a town's government, a county's name before a town's
    ("县委宣传部", "宣传部", "party organ"), ("县委编办", "机构编制委员会办公室", "office"),
    ("县委统战部", "统一战线工作部", "party organ"), ("东屯镇人民政府", "东屯镇", "town"),
    ("临澧县四新岗镇人民政府", "四新岗镇", "town"), ("潭龙街道办事处", "潭龙街道", "subdistrict"),
    ("武陟县人民政府", "本级政府", "county"),
])
def test_canonical_units_and_kinds(name, canonical, kind):
    unit = canonical_unit(name, CFG)
    assert (unit["canonical"], unit["kind"]) == (canonical, kind)


def test_alias_table_is_large():
    assert len(CFG["aliases"]) > 100


@pytest.mark.parametrize("headline, unit", [
    ("县人社局“重拳出击”开展违规领取养老金追缴工作", "县人社局"), ("东屯镇给小麦“上保险”助力乡村振兴", "东屯镇"),
    ("文岩街道全力开展“割青毁麦”排查行动", "文岩街道"), ("我县“金融集市”火热开市助力银企精准对接", "我县"),
    ("县交通运输局全力推进安罗高速项目建设", "县交通运输局"), ("各乡（镇、街道）扎实开展“迎新春”清洁家园专项行动", None),
])
def test_headline_units(headline, unit):
    assert headline_unit(headline, CFG) == unit


def test_units_from_attribution_headline_and_body():
    item = next(i for i in tag_items(items_of("001"), CFG) if i["seq"] == 7)
    sources = {(u["name"], u["source"]) for u in item["tags"]["units"]}
    assert ("农业农村局", "attribution") in sources and ("我县", "headline") in sources
    assert ("县农业农村局", "mentioned") in sources


def test_categories_from_section_then_headline():
    cats = {i["seq"]: i["tags"]["category"]["key"] for i in tag_items(items_of("004"), CFG)}
    assert cats == {1: "economy", 2: "economy", 3: "economy", 4: "economy", 5: "safety", 6: "rural", 7: "rural",
                    8: "safety"}
    outline = next(i for i in tag_items(items_of("002"), CFG) if i["headline"] == "优化医保业务经办")
    assert outline["tags"]["category"]["from"] == "headline"


@pytest.mark.parametrize("section, key", [
    ("营商环境", "business"), ("优环境、强服务，市场主体焕发活力", "business"), ("人居环境", "environment"),
    ("水环境治理", "environment"), ("平安建设", "safety"), ("巡察督查", "governance"), ("科技创新", "economy"),
    ("创文创卫", "culture"), ("工作动态", "other"),
])
def test_section_categories_of_other_counties(section, key):
    """营商环境 is business, not environment: plain 环境 is no environment keyword."""
    assert category({"section": section, "headline": ""}, CFG)["key"] == key


@pytest.mark.parametrize("section, headline, key", [
    ("基层动态", "县人社局举办秋季招聘会", "livelihood"),       # the section says only "news"
    ("工作动态", "店前镇开展森林防火宣传", "safety"),
    (None, "着力打好重污染天气消除、臭氧污染防治攻坚战", "environment"),  # 污染 comes first
    (None, "处于前期3项，分别为：疏港高速连接线、地质灾害防治", "economy"),
    ("聚力聚焦文旅融合", "有效激发消费潜能", "culture"),
    (None, "范岗镇多措并举推进秋粮收购", "rural"),
    (None, "“一网通办”跑出服务加速度", "business"),
])
def test_category_keyword_found_first_decides(section, headline, key):
    assert category({"section": section, "headline": headline}, CFG)["key"] == key


@pytest.mark.parametrize("body, mentioned", [
    ("全县政务服务事项网上可办率达98.6%。", []),                    # 全县 is the county as a whole
    ("10月6日，县人社局在县人力资源市场举办秋季招聘会。", []),         # 举办 is a verb; 县人社局 is the attribution
    ("截至目前，县农业农村局出动技术人员30人次。", ["县农业农村局"]),
    ("县委书记主持召开县委常委会。县下达我局资金。", []),     # a title, a sentence: no unit
    ("县供销社通过领办的合作社订单种植甜玉米。", []),
])
def test_units_mentioned_in_a_body(body, mentioned):
    from bulletin_cli.tag.units import item_units

    units = item_units({"units": ["县人社局"], "headline": None, "body": body}, CFG)
    assert [u["name"] for u in units if u["source"] == "mentioned"] == mentioned


def test_dates_resolve_against_the_issue_date():
    dates = find_dates("截至目前，已完成。一季度，我县技改投资上报额5452万元。2月份以来，共开展检查7次。2023年1月至6月", "2023-04-21")
    got = [(d["text"], d["value"]) for d in dates]
    assert ("截至目前", "2023-04-21") in got
    assert ("一季度", {"start": "2023-01-01", "end": "2023-03-31"}) in got
    assert ("2月份以来", {"start": "2023-02-01", "end": "2023-04-21"}) in got
    assert find_dates("截至目前，已完成。", None)[0]["value"] is None


def test_duplicate_groups_of_seed_002():
    tagged = list(tag_items(items_of("002"), CFG))
    by_id = {i["item_id"]: i for i in tagged}
    dups = [i for i in tagged if i["tags"]["duplicate_of"]]
    groups = {}
    for d in dups:
        first = by_id[d["tags"]["duplicate_of"]]
        assert first["headline"] == d["headline"] and first["seq"] < d["seq"]
        groups[d["headline"]] = groups.get(d["headline"], 1) + 1
    # (one copy of 建立健全基金监管长效机制 goes on with the paragraph under it, which the others lack: no
    # repeat of them)
    assert groups == {"优化医保业务经办": 2, "建立健全基金监管长效机制": 2, "持续强化医药服务管理": 2}
    kept = list(tag_items(items_of("002"), CFG, drop_duplicates=True))
    assert len(kept) == len(tagged) - 3


def test_no_duplicates_among_distinct_bulletins():
    items = items_of("000") + items_of("001") + items_of("004")
    assert not [i for i in tag_items(items, CFG) if i["tags"]["duplicate_of"]]


def test_user_config_adds_an_alias_and_a_category(tmp_path):
    extra = tmp_path / "mine.yaml"
    extra.write_text("aliases:\n  金融集市办: {canonical: 金融集市工作专班, kind: office}\n"
                     "categories:\n  finance:\n    label: 金融\n    keywords: [助企服务]\n", encoding="utf-8")
    cfg = load_config([str(extra)])
    assert canonical_unit("金融集市办", cfg)["canonical"] == "金融集市工作专班"
    assert cfg["aliases"]["人社局"]["canonical"] == "人力资源和社会保障局"  # the shipped table is kept
    result = runner.invoke(app, ["tag", str(seed_path("001")), "--config", str(extra), "-f", "jsonl"])
    cats = {json.loads(line)["seq"]: json.loads(line)["tags"]["category"]["key"] for line in result.stdout.splitlines()}
    assert cats[5] == "finance"
    shown = runner.invoke(app, ["tag", "--show-config", "--config", str(extra)])
    assert "金融集市工作专班" in shown.stdout and "人力资源和社会保障局" in shown.stdout


def test_bad_config_is_a_usage_error(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("aliases:\n  人社局: 人力资源局\n", encoding="utf-8")
    with pytest.raises(ConfigError):
        load_config([str(bad)])
    result = runner.invoke(app, ["tag", str(seed_path("001")), "--config", str(bad)])
    assert result.exit_code == 2 and "canonical" in result.stderr


def test_tag_table_preview_and_pipe():
    table = runner.invoke(app, ["tag", str(seed_path("004")), "-f", "table"])
    assert table.exit_code == 0 and "8 item(s)" in table.stdout
    assert "安全与应急" in table.stdout and "经济与项目" in table.stdout
    docs = runner.invoke(app, ["normalise", str(seed_path("004")), "-f", "jsonl"]).stdout
    via_pipe = runner.invoke(app, ["tag", "-f", "jsonl"], input=docs).stdout
    direct = runner.invoke(app, ["tag", str(seed_path("004")), "-f", "jsonl"]).stdout
    assert via_pipe == direct and all("tags" in json.loads(x) for x in direct.splitlines())


@pytest.mark.parametrize("text, approx", [("约占60%", True), ("约为3000万元", True), ("大概500人", True), ("占60%", False)])
def test_approximate_words_before_a_figure(text, approx):
    assert [f["approx"] for f in find_figures(text)] == [approx]


@pytest.mark.parametrize("headline, unit", [
    ("县交通运输局多管齐下抓好春运", "县交通运输局"), ("东屯镇给小麦“体检”", "东屯镇"),
    ("优化医保业务经办", None),              # 经办 is handling, and nothing follows: a task, not a unit
    ("重点投向大园区、大基地和大产业基础设施建设", None),
    ("认真做好社会团体换届工作", None), ("办全国乡村“村晚”专场活动", None), ("着力打造开发区升级版", None),
    ("统筹城乡发展", None), ("县委宣传部举办理论宣讲", "县委宣传部"), ("临澧县四新岗镇开展巡查", "临澧县四新岗镇"),
])
def test_unit_opening_a_headline(headline, unit):
    assert headline_unit(headline, CFG) == unit


@pytest.mark.parametrize("text, kind, value", [
    ("今年以来，全县", "since", {"start": "2024-01-01", "end": "2024-10-08"}),
    ("2023年以来累计", "since", {"start": "2023-01-01", "end": "2024-10-08"}),
    ("去年以来", "since", {"start": "2023-01-01", "end": "2024-10-08"}),
    ("截至9月底", "date", "2024-09-30"),
    ("二月末", "date", "2024-02-29"),
])
def test_periods_since_a_year_and_month_ends(text, kind, value):
    assert [(d["kind"], d["value"]) for d in find_dates(text, "2024-10-08")] == [(kind, value)]

