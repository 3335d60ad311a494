"""Where a document comes from (issue 22): each rule of split/place.py with the real line that needs
it, the division list, and the place through every output, ``stats``, ``--explain`` and ``--config``."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from typer.testing import CliRunner

from bulletin_cli.cli import app
from bulletin_cli.lexicon.places import code_of, gazetteer
from bulletin_cli.split.place import resolve

from .conftest import seed_path

runner = CliRunner()


def code(text: str, **fields: str) -> str | None:
    place = resolve(text, fields)["place"]
    return place["code"] if place else None


def jsonl(output: str) -> list[dict]:
    return [json.loads(line) for line in output.splitlines() if line.strip()]


# --- the division list -------------------------------------------------------------------------

def test_every_county_lies_in_a_province_of_the_list():
    g = gazetteer()
    assert len([u for u in g.units.values() if u.level == "province"]) == 34
    assert all(u.province in g.units for u in g.units.values())
    assert 2800 < len([u for u in g.units.values() if u.level == "county"]) < 3000


def test_a_former_county_name_is_found_under_todays_code():
    """房山县 became 房山区 (110111): a document from before says 房山县."""
    assert gazetteer().names["房山县"] == ("110111",)
    assert code("房山县人民政府办公室\n\n全县各乡镇认真落实。") == "110111"


def test_a_township_is_filed_under_its_county():
    assert gazetteer().towns["东屯镇"] == ("410726",)
    assert len(gazetteer().towns["城关镇"]) > 20  # one name, many counties


def test_code_of_takes_a_code_or_a_name_of_one_place():
    g = gazetteer()
    assert code_of("延津县", g) == code_of("410726", g) == "410726"
    assert code_of("朝阳区", g) is None  # 北京 and 长春 both have one


# --- the evidence --------------------------------------------------------------------------------

def test_the_issuing_office_places_a_bulletin():
    assert code("延津政务快报\n\n第43期\n\n延津县人民政府办公室 2023年9月22日\n\n县住建局开展危房核查。") == "410726"


def test_townships_alone_place_a_document_in_their_county():
    """Seed 000 names no county: 东屯镇, 司寨乡 and 潭龙街道 are each in 延津县 alone."""
    text = ("东屯镇给小麦“上保险”助力乡村振兴 以村为单位，细化工作。（东屯镇）\n\n"
            "司寨乡围绕人居环境整治，清理主干道路沿线小广告20余处。\n\n潭龙街道开展安全生产检查。")
    assert code(text) == "410726"


def test_a_masked_county_names_no_place():
    assert code("**县人民政府办公室\n\n**县住建局开展危房核查，全县共排查农房1200户。") is None


def test_a_conjunction_is_not_a_county():
    """和县 (安徽) is also 和 + 县委 in 在市委市政府和县委的坚强领导下."""
    assert code("在市委市政府和县委的坚强领导下，全县经济持续向好。") is None


def test_a_word_ending_is_not_a_place():
    """海城市 in 沿海城市, 分乡镇 in 部分乡镇 (s01, s08 of the development set)."""
    assert code("学习借鉴沿海城市经验。\n\n部分乡镇进度滞后，要加快推进。") is None


def test_a_place_only_visited_gives_no_place():
    assert code("县委召开常委会\n\n县委书记带队赴兰考县考察学习，深入学习焦裕禄精神，"
                "并召开座谈会，研究部署下一步全县重点工作。") is None


def test_a_city_office_stops_at_the_city():
    """株洲市统计局's check on its counties (s19): the counties are visited, the city speaks."""
    text = ("株洲市统计局派员参加督查\n\n发布日期:2020-08-03\n\n本次督查主要内容是2020年《政府工作报告》重点工作"
            "半年度完成情况。市统计局参与的第二督查组采取“四不两直”方式,分别走访了炎陵县、茶陵县、荷塘区、石峰区、"
            "芦淞区等5个县市区,了解全市重点工作完成情况。")
    assert code(text) == "430200"


def test_a_region_speaking_for_itself_is_the_region():
    """宁夏's government report names its townships as examples; 全区 is the region's voice."""
    text = ("宁夏回族自治区人民政府工作报告\n\n过去一年，面对严峻复杂形势和多重挑战叠加的考验，我们顶压前行、"
            "砥砺奋进，全区经济实现稳中有进、进中向好。\n\n过去一年，全区各项事业取得了一系列标志性成果，"
            "闽宁镇特色产业发展壮大，“县县优秀、项项优秀”目标扎实推进。")
    assert code(text) == "640000"


def test_a_short_name_in_the_title_corroborated_by_the_body():
    """r07: 中山 is 中山市 (广东), 中山区 (大连) and more; the body's 中山市 decides."""
    text = "民众镇\n\n民众镇位于中山市东北部，是中山市的农业大镇。"
    assert code(text, title="中山年鉴2021") == "442000"


def test_an_ambiguous_county_name_needs_its_city():
    assert code("朝阳区召开安全生产工作会议。") is None
    assert code("北京市朝阳区召开安全生产工作会议。") == "110105"


def test_a_county_named_once_in_passing_needs_more_of_its_place():
    """会同 is also the verb "together with"; a county named once, and nothing else of it, is
    no place; named again, or with its city, it is."""
    assert code("县发改委要会同县督查落实办对相关工作进行督导，确保按时完成。") is None
    assert code("日前，平利县召开脱贫攻坚推进会。会议要求，平利县各镇要压实责任。") == "610926"
    assert code("日前，安康市平利县召开脱贫攻坚推进会。") == "610926"


def test_a_digest_of_several_places_has_none():
    """A national digest (各地农业动态): each item another province's; its first headline is no title."""
    digest = ("河北围场:满族蒙古族自治县乡村振兴局正式挂牌成立\n"
              "近日,河北围场满族蒙古族自治县举行乡村振兴局挂牌仪式,相关负责人表示,乡村振兴局要扛起责任。\n"
              "青海西宁市:发布“河湟田源”品牌\n"
              "近日,青海省西宁市“河湟田源”农产品区域公用品牌正式发布。西宁市将加快品牌农业建设。\n"
              "湖北武汉:集中开展鲜桃抽检\n"
              "近日,武汉市农业农村局、武汉农检中心在鲜桃生产大区新洲区开展抽检。武汉市新洲区鲜桃合格率高。\n")
    assert code(digest) is None
    one = "延津县召开安全生产工作会议。\n延津县各乡镇负责人参加会议。封丘县应急管理局派员观摩。\n"
    assert code(one) == "410726"


def test_a_labelled_credit_states_the_office():
    """s15: the page's only place is its credit, 主 办:涉县疫情防控办."""
    text = "县委副书记到疫情防控办调研指导工作。撰稿人:周 政 核稿人:张海龙 主 办:涉县疫情防控办"
    found = resolve(text, {})
    assert found["place"]["code"] == "130426"
    assert any("(label)" in line for line in found["evidence"])


# --- through the command ---------------------------------------------------------------------

def test_a_saved_pages_site_name_places_it(tmp_path):
    """A government site names itself in a SiteName meta tag (by rule); the article names no place."""
    page = ('<html><head><meta charset="utf-8"><meta name="SiteName" content="平潭综合实验区党工委管委会">'
            '<meta name="ArticleTitle" content="实验区召开安全生产工作会议"></head><body>'
            '<div class="content"><p>近日，实验区召开安全生产工作会议，部署下一阶段重点工作。</p>'
            '<p>会议要求，各部门要压实责任，抓好隐患排查整治。</p></div></body></html>')
    (tmp_path / "page.html").write_text(page, encoding="utf-8")
    result = runner.invoke(app, ["normalise", str(tmp_path / "page.html"), "-f", "jsonl"])
    doc = jsonl(result.output)[0]
    assert doc["meta"]["site"] == "平潭综合实验区党工委管委会"
    result = runner.invoke(app, ["split", str(tmp_path / "page.html"), "-f", "jsonl"])
    assert {r["doc"]["place"]["code"] for r in jsonl(result.output) if r["type"] == "item"} == {"350128"}
    assert code("近日，实验区召开安全生产工作会议。") is None  # (the text alone names none)


def test_split_gives_every_item_its_documents_place():
    result = runner.invoke(app, ["split", str(seed_path("001")), "-f", "jsonl"])
    items = jsonl(result.stdout)
    assert result.exit_code == 0 and items
    assert {json.dumps(i["doc"]["place"], ensure_ascii=False) for i in items} == {
        json.dumps({"province": "河南省", "city": "新乡市", "county": "延津县", "code": "410726"}, ensure_ascii=False)}


def test_explain_shows_the_place_and_its_evidence():
    result = runner.invoke(app, ["split", str(seed_path("001")), "--explain", "-f", "jsonl"])
    lines = [ln for ln in result.stderr.splitlines()]
    at = next(k for k, ln in enumerate(lines) if ": place 河南省 新乡市 延津县 (410726)" in ln)
    assert "GB/T 2260" in lines[at] and "延津县 (issuer)" in lines[at + 1]


def test_csv_has_the_place_columns(tmp_path):
    out = tmp_path / "items.csv"
    result = runner.invoke(app, ["export", str(seed_path("001")), "-o", str(out)])
    assert result.exit_code == 0, result.stderr
    header, first = out.read_text(encoding="utf-8-sig").splitlines()[:2]
    columns = header.split(",")
    row = dict(zip(columns, first.split(",")))
    assert {k: row[k] for k in ("province", "city", "county", "place_code")} == {
        "province": "河南省", "city": "新乡市", "county": "延津县", "place_code": "410726"}


def test_zh_headers_name_the_place_columns(tmp_path):
    out = tmp_path / "items.csv"
    runner.invoke(app, ["export", str(seed_path("001")), "-o", str(out), "--headers", "zh",
                        "--columns", "headline,province,county,place_code"])
    assert out.read_text(encoding="utf-8-sig").splitlines()[0] == "标题,省,县,区划代码"


def test_sqlite_documents_carry_the_place(tmp_path):
    db = tmp_path / "b.db"
    result = runner.invoke(app, ["export", str(seed_path("001")), "-o", str(db)])
    assert result.exit_code == 0, result.stderr
    row = sqlite3.connect(db).execute("SELECT province, city, county, place_code FROM documents").fetchone()
    assert row == ("河南省", "新乡市", "延津县", "410726")


def test_a_database_of_an_earlier_version_gets_the_place_columns(tmp_path):
    db = tmp_path / "old.db"
    con = sqlite3.connect(db)
    from bulletin_cli.export.sqlite import FTS_SQL, SCHEMA_SQL

    old = SCHEMA_SQL.replace(",\n    province TEXT, city TEXT, county TEXT, place_code TEXT", "").replace(
        "CREATE INDEX IF NOT EXISTS documents_place ON documents(place_code);", "")
    con.executescript(old + FTS_SQL)
    con.close()
    result = runner.invoke(app, ["export", str(seed_path("001")), "-o", str(db)])
    assert result.exit_code == 0, result.stderr
    assert sqlite3.connect(db).execute("SELECT place_code FROM documents").fetchall() == [("410726",)]


def test_parquet_has_the_place_columns(tmp_path):
    pq = pytest.importorskip("pyarrow.parquet", reason="needs pyarrow (the parquet extra)")
    out = tmp_path / "items.parquet"
    result = runner.invoke(app, ["export", str(seed_path("001")), "-o", str(out)])
    assert result.exit_code == 0, result.stderr
    table = pq.read_table(out, columns=["province", "county", "place_code"]).to_pylist()
    assert table[0] == {"province": "河南省", "county": "延津县", "place_code": "410726"}


def test_stats_counts_items_per_county():
    split = runner.invoke(app, ["split", str(seed_path("001")), "-f", "jsonl"])
    result = runner.invoke(app, ["stats", "-f", "json"], input=split.stdout)
    counts = json.loads(result.stdout)
    assert counts["by_place"] == {"河南省 新乡市 延津县 (410726)": len(jsonl(split.stdout))}


# --- --config --------------------------------------------------------------------------------

def test_config_places_a_folder_and_adds_an_alias(tmp_path):
    config = tmp_path / "places.yaml"
    config.write_text("place:\n  folders: {县档案/延津: '410726'}\n  aliases: {某某新区: 魏县}\n", encoding="utf-8")
    folder = tmp_path / "县档案" / "延津"
    folder.mkdir(parents=True)
    (folder / "a.txt").write_text("关于做好防汛工作的通知\n\n各单位要做好防汛准备。\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("某某新区召开会议\n\n会议要求各单位抓好落实。\n", encoding="utf-8")
    result = runner.invoke(app, ["split", str(tmp_path), "--config", str(config), "-f", "jsonl"])
    assert result.exit_code == 0, result.stderr
    by_file = {Path(i["source"]).name: i["doc"]["place"]["code"] for i in jsonl(result.stdout)}
    assert by_file == {"a.txt": "410726", "b.txt": "130434"}


def test_config_naming_no_place_is_refused_in_one_line(tmp_path):
    config = tmp_path / "places.yaml"
    config.write_text("place:\n  folders: {x: 某某县}\n", encoding="utf-8")
    result = runner.invoke(app, ["split", str(seed_path("001")), "--config", str(config)])
    assert result.exit_code == 2
    assert "某某县" in result.stderr and "Traceback" not in result.stderr


def test_a_county_its_own_statements_name_plainly_is_the_place_whatever_the_body_tells():
    """延津政务快报 by 延津县人民政府办公室: the body's story of a visit to 浙江省's towns (named
    often) does not move it, and --explain says the body was not read."""
    body = "县考察团赴浙江省湖州市安吉县、德清县学习。" + "安吉县余村、德清县莫干山镇的经验值得学习。" * 6
    assert code(f"延津政务快报\n第43期\n延津县人民政府办公室\n\n{body}", issuer="延津县人民政府办公室") == "410726"
    found = resolve(f"延津政务快报\n第43期\n延津县人民政府办公室\n\n{body}", {"issuer": "延津县人民政府办公室"})
    assert any("named plainly" in line for line in found["evidence"])
