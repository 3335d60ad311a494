"""The lexicon: every form defined once (forms.yaml), extended through --config alone, and the
rules built on it (numerals, ideographs beyond the basic block, bullets)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from bulletin_cli.cli import app
from bulletin_cli.lexicon import ConfigError, load_config, use
from bulletin_cli.lexicon.patterns import CJK, YEAR_ZEROS, P
from bulletin_cli.normalise import normalise_text
from bulletin_cli.numerals import cn_to_int
from bulletin_cli.split import split_document
from bulletin_cli.split.credits import _attribution
from bulletin_cli.tag.figures import find_figures

runner = CliRunner()
SRC = Path(__file__).resolve().parent.parent / "src" / "bulletin_cli"
FORMS = yaml.safe_load((SRC / "lexicon" / "forms.yaml").read_text(encoding="utf-8"))


@pytest.fixture(autouse=True)
def shipped_forms():
    """Each test starts and ends with the shipped forms in force."""
    use(None)
    yield
    use(None)


def jsonl(text: str) -> list[dict]:
    return [json.loads(line) for line in text.splitlines() if line.strip()]


# A bulletin from a county whose forms the shipped lexicon does not know: its title ends in 要闻,
# its items are bulleted ⬢, its footer has a 核稿 line, and it reports electricity in 千瓦时.
OTHER_FORMS = """某县政务要闻

⬢县供电公司保障迎峰度夏 今年以来，全县售电量达3.6亿千瓦时，同比增长8%。
⬢县住建局推进老旧小区改造 截至目前，改造小区12个，惠及居民3000户。

核稿：王𫖯
责任编辑：李勉
"""
USER_CONFIG = """title_words: [要闻]
bullets: [⬢]
footer_labels: {核稿: reviewer}
measures: {千瓦时: [kWh, 1]}
"""


def test_config_alone_teaches_split_and_tag_a_new_title_word_bullet_footer_label_and_measure(tmp_path):
    """A user's forms.yaml teaches the feature table a bullet (⬢ opens an item), a title word and a
    footer label, and tag a measure. The issue is read as a bulletin (--layout: two items are little
    to tell one by); the measure is tagged whatever the layout."""
    doc = tmp_path / "other.txt"
    doc.write_text(OTHER_FORMS, encoding="utf-8")
    cfg = tmp_path / "forms.yaml"
    cfg.write_text(USER_CONFIG, encoding="utf-8")

    def split(*extra: str) -> list[dict]:
        result = runner.invoke(app, ["split", str(doc), "-f", "jsonl", "--layout", "bulletin", *extra])
        assert result.exit_code == 0, result.stderr
        return jsonl(result.stdout)

    assert not any(i["headline"] == "县供电公司保障迎峰度夏" for i in split())  # ⬢ unknown: one item
    items = split("--config", str(cfg))
    assert [i["headline"] for i in items] == ["县供电公司保障迎峰度夏", "县住建局推进老旧小区改造"]
    assert items[0]["doc"]["title"] == "某县政务要闻"
    assert items[0]["doc"]["reviewer"] == "王𫖯" and items[0]["doc"]["editor"] == "李勉"

    before = jsonl(runner.invoke(app, ["tag", str(doc), "-f", "jsonl"]).stdout)
    assert not any("千瓦时" in f["text"] for i in before for f in i["tags"]["figures"])
    tagged = jsonl(runner.invoke(app, ["tag", str(doc), "-f", "jsonl", "--config", str(cfg)]).stdout)
    power = [f for i in tagged for f in i["tags"]["figures"] if f["text"] == "3.6亿千瓦时"]
    assert power and power[0]["normalised"] == {"value": 360000000.0, "unit": "kWh"}


def test_use_changes_the_patterns_in_force_and_none_restores_them():
    assert not P.BULLET.match("⬢县住建局")
    use(load_config_with({"bullets": ["⬢"]}))
    assert P.BULLET.match("⬢县住建局") and P.BULLET.match("◆县住建局")
    use(None)
    assert not P.BULLET.match("⬢县住建局")


def load_config_with(extra: dict) -> dict:
    from bulletin_cli.lexicon import merge

    return merge(load_config(), extra)


@pytest.mark.parametrize("text, message", [
    ("bullets: ⬢\n", "bullets: expected a list, got str"),
    ("measures: {千瓦时: kWh}\n", "measures: '千瓦时' needs [base unit, factor]"),
    ("aliases: [住建局]\n", "aliases: expected a mapping, got list"),
    ("bulets: [⬢]\n", "unknown key 'bulets'"),
])
def test_a_config_of_the_wrong_shape_is_one_message_naming_the_key(tmp_path, text, message):
    path = tmp_path / "bad.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError, match=re.escape(message)):
        load_config([str(path)])
    result = runner.invoke(app, ["split", str(path), "--config", str(path)])
    assert result.exit_code == 2 and message in result.stderr and "Traceback" not in result.stderr


def test_a_config_in_gbk_is_read_like_any_input(tmp_path):
    path = tmp_path / "gbk.yaml"
    path.write_bytes("title_words: [要闻]\n".encode("gb18030"))
    assert "要闻" in load_config([str(path)])["title_words"]


def test_a_yaml_alias_bomb_is_refused_quickly(tmp_path):
    lines = ["a: &a [x, x, x, x, x, x, x, x, x]"]
    for k in range(1, 9):
        lines.append(f"{chr(97 + k)}: &{chr(97 + k)} [" + ", ".join([f"*{chr(96 + k)}"] * 9) + "]")
    path = tmp_path / "bomb.yaml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="aliases"):
        load_config([str(path)])


# --- each form defined once -------------------------------------------------------------------

#: Where a bullet symbol or a footer label may stand as a literal: the lexicon and its docs.
ALLOWED = {"lexicon/forms.yaml"}


def _code_literals(path: Path) -> str:
    """The string literals of a module, less its docstrings and comments (where examples belong)."""
    import ast
    import io
    import tokenize

    source = path.read_text(encoding="utf-8")
    docstrings = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, (ast.Module, ast.FunctionDef, ast.ClassDef, ast.AsyncFunctionDef)) and node.body:
            first = node.body[0]
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant) and isinstance(first.value.value, str):
                docstrings.add(first.lineno)
    out = []
    for tok in tokenize.generate_tokens(io.StringIO(source).readline):
        if tok.type == tokenize.STRING and tok.start[0] not in docstrings:
            out.append(tok.string)
    return "\n".join(out)


MODULES = sorted(p for p in SRC.rglob("*.py"))


@pytest.mark.parametrize("path", MODULES, ids=[str(p.relative_to(SRC)) for p in MODULES])
def test_no_bullet_symbol_or_footer_label_is_written_outside_the_lexicon(path):
    code = _code_literals(path)
    # ○ is also a zero typed in a year (二○二四年): lexicon.patterns.YEAR_ZEROS and the numerals say so
    bullets = [b for b in FORMS["bullets"] if b in code and b not in YEAR_ZEROS]
    assert not bullets, f"{path.name} writes bullet symbols {bullets}: read them from the lexicon (P.BULLETS)"
    labels = [w for w in FORMS["footer_labels"] if len(w) >= 2 and re.search(
        rf"(?<![{CJK}]){re.escape(w)}\s*[|)\]:：]|[|(]\s*{re.escape(w)}(?![{CJK}])", code)]
    assert not labels, f"{path.name} writes footer labels {labels} in a pattern: build it from the lexicon"


def test_title_words_are_one_list_for_masthead_and_reflow():
    for word in FORMS["title_words"]:
        assert P.TITLE.match(f"某县{word}") and P.TITLE_ENDING.search(f"某县{word}")
    for word in [*FORMS["report_title_words"], *FORMS["rules_title_words"]]:
        assert P.TITLE_ENDING.search(f"某县2024年工作{word}") and P.REPORT_TITLE.search(f"某县2024年工作{word}")
    for word in FORMS["rules_title_words"]:
        assert P.RULES_TITLE.search(f"某县机关工作{word}")


# --- rules built on the lexicon --------------------------------------------------------------

@pytest.mark.parametrize("text, value", [("两万五", 25000), ("三千五", 3500), ("一万二", 12000), ("二十三", 23),
                                         ("一百零五", 105), ("四十三", 43), ("二〇二四", 2024), ("一亿二", 120000000)])
def test_chinese_numerals_as_people_say_them(text, value):
    assert cn_to_int(text) == value


def test_a_spoken_numeral_in_a_figure():
    """全县新增就业两万五千人 and 新增就业一万二人 are both figures of 25,000 and 12,000 people."""
    assert find_figures("全县新增就业两万五千人。")[0]["normalised"]["value"] == 25000
    assert find_figures("吸纳就业三千五人。")[0]["normalised"]["value"] == 3500


def test_ideographs_beyond_the_basic_block_are_chinese():
    """王𫖯 (U+2B5AF, extension C) is a reporter's name, 𬍤 part of a place name."""
    assert re.fullmatch(f"[{CJK}]+", "王𫖯𬍤")
    assert _attribution("…开展核查。（县住建局 王𫖯）") == (6, ["县住建局"], ["王𫖯"])
    text = normalise_text("责任编辑：王 𫖯\n")[0]
    assert text == "责任编辑：王𫖯\n"


@pytest.mark.parametrize("bullet", FORMS["bullets"])
def test_every_bullet_opens_an_item(bullet):
    """Typed items bulleted with any of the lexicon's symbols, no credits, are separate items."""
    lines = ["某县政务快报", "第43期", "",
             f"{bullet}县人社局开展春风行动 今年以来，组织招聘会5场，提供岗位1200个，帮助群众就近就业。",
             f"{bullet}县住建局推进老旧小区改造 截至目前，全县改造小区12个，惠及居民3000户。",
             f"{bullet}县医保局开展基金监管 全年检查定点医药机构86家，追回资金120万元。"]
    text, _ = normalise_text("\n".join(lines) + "\n")
    items = split_document({"doc_id": "x", "text": text})
    assert [i["headline"] for i in items] == ["县人社局开展春风行动", "县住建局推进老旧小区改造", "县医保局开展基金监管"]


@pytest.mark.parametrize("bullet", FORMS["bullets"])
def test_no_bullet_line_is_joined_onto_a_full_line_before_it(bullet):
    """Reflow's hard block starts are the lexicon's bullets: a line opening with one starts a
    paragraph even after a line that fills the width (as a wrapped PDF line does)."""
    body = "今年以来，县人社局组织招聘会5场，提供岗位1200个，帮助群众就近就业，取得良好成"
    lines = [body[i:i + 28] for i in range(0, len(body), 28)] * 4
    lines += [f"{bullet}县住建局推进老旧小区改造 截至目前，全县改造小区12个。"]
    text, _ = normalise_text("\n".join(lines) + "\n")
    assert text.rstrip("\n").split("\n\n")[-1].startswith(bullet)
